"""`kosovo-map`: the command line entry point (geocode, validate, export, snapshot, import-acled, extract, store)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TextIO

from components.console import BROKEN_PIPE, StreamClosedError, guard_standard_streams, note, quiet_broken_pipe
from components.export import to_csv, to_geojson, to_geopackage, to_geoparquet
from components.filters import count_line, in_window, shown
from components.snapshot import BrowserMissingError, SnapshotInfo, snapshot_html, snapshot_png
from components.storecli import HANDLERS as STORE_HANDLERS
from components.storecli import add_store_parsers, export_store
from components.view import View
from geo.acled import import_acled
from geo.boundaries import Municipalities
from geo.dataset import DATA_DIR, Dataset, data_as_of, load_context, load_dataset, load_user_path, validate_each
from geo.extract import MAX_CHARS, Candidate, Extraction, MissingDateError, extract, languages
from geo.files import OutputError, atomic_write
from geo.gazetteer import GeocodeResult, Place
from geo.records import DataError, InputError, Problem
from geo.records.cells import surrogate
from geo.records.reading import check_input
from geo.schema import EVENT_TYPES
from geo.store import StoreError, store_target

__all__ = ["main"]

EXIT_OK, EXIT_FOUND_PROBLEMS, EXIT_USAGE = 0, 1, 2
EXPORT_FORMATS = ("geojson", "csv", "parquet", "gpkg")
MAX_NAME = 200  # characters: no place name is longer; a longer "name" is a mistake, not a query


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"bad date {text!r}: use YYYY-MM-DD") from None


def _add_export(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser("export", help="write the incidents and deployments active in a date window")
    export.add_argument("--start", type=_iso_date, help="first day (YYYY-MM-DD), inclusive")
    export.add_argument("--end", type=_iso_date, help="last day (YYYY-MM-DD), inclusive")
    export.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        default="geojson",
        help="geojson (default), csv (for spreadsheets: UTF-8 with a BOM, formulas neutralised), parquet (GeoParquet) "
        "or gpkg (GeoPackage); parquet and gpkg need -o",
    )
    export.add_argument("-o", "--output", default="-", help="file to write; - (the default) for stdout")
    export.add_argument("--store", action="store_true", help="export the user's store (a JSON bundle) instead")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kosovo-map", description="North Kosovo Incident Map: data tools.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    geocode = commands.add_parser("geocode", help="find places by name, in any spelling")
    geocode.add_argument("names", nargs="+", metavar="NAME", help="place names, or - to read one per line from stdin")
    geocode.add_argument("--json", action="store_true", help="one JSON object per line")

    validate = commands.add_parser("validate", help="check data files against the schema")
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    _add_export(commands)

    snapshot = commands.add_parser("snapshot", help="a self-contained HTML map (and/or PNG) of a view")
    snapshot.add_argument("--start", type=_iso_date, help="first day (YYYY-MM-DD), inclusive")
    snapshot.add_argument("--end", type=_iso_date, help="last day (YYYY-MM-DD), inclusive")
    snapshot.add_argument("--type", dest="types", nargs="+", default=[], metavar="T", help="ACLED event types to show")
    snapshot.add_argument("--data", nargs="+", type=Path, default=[], metavar="FILE", help="your files instead of ours")
    snapshot.add_argument("-o", "--output", type=Path, help="the HTML file to write")
    snapshot.add_argument("--png", type=Path, help="also (or only) render a PNG image")
    snapshot.add_argument("--width", type=int, default=1400, help="PNG width in pixels (default 1400)")
    snapshot.add_argument("--height", type=int, default=900, help="PNG height in pixels (default 900)")

    acled = commands.add_parser("import-acled", help="convert an ACLED export (CSV or Parquet) to our incidents schema")
    acled.add_argument("path", type=Path, metavar="FILE")
    acled.add_argument("-o", "--output", type=Path, required=True, help="the incidents CSV to write")

    extract = commands.add_parser("extract", help="propose incidents and deployments from a news article")
    extract.add_argument("path", metavar="FILE", help="the article as plain text, or - for stdin")
    extract.add_argument(
        "--published", type=_iso_date, help="publication date (YYYY-MM-DD); needed when the text has no dated dateline"
    )
    extract.add_argument("--language", choices=sorted(languages()), help="the article's language (default: detected)")
    extract.add_argument("--json", action="store_true", help="one JSON object per candidate")

    add_store_parsers(commands)
    return parser


def _stdin_names(stdin: TextIO) -> Iterator[tuple[str, str | None]]:
    """Names read from stdin, one a line, as (name, problem); lines that are not UTF-8 are named by number."""
    for number, raw in enumerate(stdin.buffer, start=1):
        try:
            line = raw.decode("utf-8").strip()
        except UnicodeDecodeError:
            yield "", f"stdin:{number}: not UTF-8 text; give names as UTF-8"
            continue
        if line:
            yield line, None


def _names(arguments: Sequence[str], stdin: TextIO) -> Iterator[tuple[str, str | None]]:
    """Each name to look up, or the reason it cannot be: from the arguments, and stdin for `-`."""
    for name in arguments:
        if name == "-":
            yield from _stdin_names(stdin)
        elif surrogate(name):
            yield "", f"{name!a}: not UTF-8 text; give names as UTF-8"
        elif len(name) > MAX_NAME:
            yield "", f"{name[:40]!r}…: {len(name):,} characters; a place name has at most {MAX_NAME}"
        else:
            yield name, None


_NO_MATCH = dict.fromkeys(("id", "name", "lat", "lon", "kind", "municipality", "in_area"))


def _geocode_json(name: str, result: GeocodeResult | None, munis: Municipalities) -> str:
    if result is None:
        return json.dumps({"query": name, **_NO_MATCH, "score": 0, "alternatives": []}, ensure_ascii=False)
    return json.dumps(result.as_dict(names=lambda m: munis.name(m) if m in munis else None), ensure_ascii=False)


def _where(place: Place, munis: Municipalities) -> str:
    return munis.name(place.municipality) if place.municipality in munis else place.country


def _geocode_line(name: str, result: GeocodeResult | None, munis: Municipalities) -> str:
    if result is None:
        return f"{name}\tno match"
    place = result.place
    where = _where(place, munis)
    others = ", ".join(f"{p.name_en} [{p.id}, {_where(p, munis)}]" for p in result.same_name()[:3])
    flag = f" (ambiguous; also {others})" if result.ambiguous and others else " (ambiguous)" if result.ambiguous else ""
    point = f"{place.lat:.5f},{place.lon:.5f}"
    return f"{name}\t{place.name_en} [{place.id}, {place.kind}, {where}] {point} score {result.score:.0f}{flag}"


def _geocode(args: argparse.Namespace, out: TextIO) -> int:
    context = load_context()
    show = _geocode_json if args.json else _geocode_line
    status = EXIT_OK
    for name, problem in _names(args.names, sys.stdin):
        if problem:
            sys.stderr.write(f"kosovo-map geocode: {problem}\n")
            status = EXIT_FOUND_PROBLEMS
            continue
        result = context.gazetteer.geocode(name)
        if result is None:
            status = EXIT_FOUND_PROBLEMS
        out.write(show(name, result, context.municipalities) + "\n")
    return status


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    found = files = 0
    for check in validate_each(args.paths):
        for problem in check.problems:
            out.write(f"{problem}\n")
        found, files = found + len(check.problems), files + bool(check.name)
        if check.readable and check.total:
            sys.stderr.write(f"{check.name}: {check.added:,} row(s) valid, {check.refused:,} refused\n")
    if found:
        sys.stderr.write(f"{found} problem(s) found in {files} file(s)\n")
        return EXIT_FOUND_PROBLEMS
    sys.stderr.write(f"{files} file(s) valid\n")
    return EXIT_OK


def _protected() -> list[Path]:
    """Files no -o may overwrite: the shipped data and the live store."""
    store = store_target()
    return [*DATA_DIR.glob("*.csv"), *DATA_DIR.glob("*.json"), *([store] if isinstance(store, Path) else [])]


_BINARY = {"parquet": to_geoparquet, "gpkg": to_geopackage}


def _write(data: str | bytes, output: str, out: TextIO, protected: Iterable[Path] = ()) -> None:
    """To stdout for "-", else to the file through a temporary file and one rename (never over a protected file)."""
    if output == "-":
        out.write(data if isinstance(data, str) else data.decode("utf-8"))
    else:
        atomic_write(Path(output), data, protected=protected)


def _export(args: argparse.Namespace, out: TextIO) -> int:
    if args.store:
        return export_store(args, out)
    if args.start and args.end and args.end < args.start:
        sys.stderr.write(f"kosovo-map export: --end {args.end} is before --start {args.start}\n")
        return EXIT_USAGE
    if args.format in _BINARY and args.output == "-":
        sys.stderr.write(f"kosovo-map export: --format {args.format} is a binary file: give -o FILE\n")
        return EXIT_USAGE
    dataset = load_dataset()
    incidents = in_window(dataset.incidents, args.start, args.end)
    deployments = in_window(dataset.deployments, args.start, args.end)
    writers = {"geojson": to_geojson, "csv": to_csv, **_BINARY}
    _write(writers[args.format](incidents, deployments), args.output, out, _protected())
    if args.output != "-":
        sys.stderr.write(f"wrote {len(incidents)} incidents and {len(deployments)} deployments to {args.output}\n")
    return EXIT_OK


def _report(problems: Sequence[Problem]) -> None:
    for problem in problems:
        sys.stderr.write(f"{problem}\n")


def _snapshot_data(args: argparse.Namespace) -> tuple[Dataset, bool, bool]:
    """The shipped data, or the user's files instead of it (checked like any upload).

    Also whether any file had problems, and whether one could not be read at all (then nothing is drawn).
    """
    dataset = load_dataset()
    if not args.data:
        return dataset, False, False
    base = Dataset(dataset.incidents.iloc[0:0], dataset.deployments.iloc[0:0], dataset.context)
    problems = unreadable = False
    for path in args.data:
        user = load_user_path(path, base)
        if user.problems:
            sys.stderr.write(f"{path}: {user.summary}\n")
            _report(user.problems)
            problems, unreadable = True, unreadable or not user.readable
        base = base.with_user_file(user)
    return base, problems, unreadable


def _snapshot(args: argparse.Namespace, out: TextIO) -> int:
    if not (args.output or args.png):
        sys.stderr.write("kosovo-map snapshot: give -o OUT.html, --png OUT.png or both\n")
        return EXIT_USAGE
    if args.start and args.end and args.end < args.start:
        sys.stderr.write(f"kosovo-map snapshot: --end {args.end} is before --start {args.start}\n")
        return EXIT_USAGE
    unknown = [t for t in args.types if t not in EVENT_TYPES]
    if unknown:
        sys.stderr.write(f"kosovo-map snapshot: unknown --type {unknown}; choose from {list(EVENT_TYPES)}\n")
        return EXIT_USAGE
    dataset, problems, unreadable = _snapshot_data(args)
    if unreadable:
        sys.stderr.write("kosovo-map snapshot: nothing written, as a --data file cannot be read\n")
        return EXIT_FOUND_PROBLEMS
    protected = [*args.data, *_protected()]
    view = View(start=args.start, end=args.end, event_types=tuple(args.types))
    incidents, deployments = shown(dataset.incidents, dataset.deployments, view, dataset.gazetteer)
    names = dataset.municipalities.frame["name_en"].to_dict()
    changelog = "" if args.data else (DATA_DIR / "CHANGELOG.md").read_text(encoding="utf-8")
    as_of = str(data_as_of(dataset.incidents, dataset.deployments, changelog))
    info = SnapshotInfo(len(dataset.incidents), "", datetime.now(UTC), names, as_of)
    html = snapshot_html(incidents, deployments, dataset.municipalities.frame, view, info)
    if args.output:
        atomic_write(args.output, html, protected=protected)
        note(out, f"wrote {args.output}: {count_line(len(incidents), len(dataset.incidents), len(deployments))}\n")
    if args.png:
        try:
            atomic_write(args.png, snapshot_png(html, args.width, args.height), protected=protected)
        except BrowserMissingError as error:
            sys.stderr.write(f"kosovo-map snapshot: {error}\n")
            return EXIT_FOUND_PROBLEMS
        except ValueError as error:
            sys.stderr.write(f"kosovo-map snapshot: {error}\n")
            return EXIT_USAGE
        note(out, f"wrote {args.png} ({args.width}x{args.height})\n")
    return EXIT_FOUND_PROBLEMS if problems else EXIT_OK


def _import_acled(args: argparse.Namespace, out: TextIO) -> int:
    dataset = load_dataset()
    taken = frozenset(dataset.incidents["id"]) | frozenset(dataset.deployments["id"])
    context = replace(dataset.context, taken_ids=taken)
    done = import_acled(args.path, args.output, context, protected=_protected())
    if done.problems:
        said = f"{done.written:,} added, {done.refused:,} refused" if done.readable else "refused: cannot be read"
        sys.stderr.write(f"{args.path}: {said} (see below)\n")
        _report(done.problems)
    if done.written:
        note(out, f"wrote {done.written} incident(s) to {args.output}\n")
    else:
        sys.stderr.write(f"kosovo-map import-acled: nothing written to {args.output}\n")
    return EXIT_FOUND_PROBLEMS if done.problems or not done.written else EXIT_OK


def _candidate_line(candidate: Candidate) -> str:
    counts = ", ".join(
        " ".join(filter(None, (c.kind, c.side, f"{c.value}{'+' * c.at_least}"))) for c in candidate.counts
    )
    fields = (f"{candidate.date} ({candidate.date_basis})", candidate.kind, candidate.type, candidate.place, counts)
    return "\t".join(str(f) for f in fields)


def _article_text(path: str) -> str:
    """The article, read no further than one character past the limit (a huge file is never loaded whole)."""
    if path == "-":
        return sys.stdin.read(MAX_CHARS + 1)
    try:  # a folder, pipe or device is named as such (a FIFO would otherwise wait for ever)
        check_input(Path(path))
    except InputError as error:
        reason = str(error).split(": ", 1)[-1].split(";")[0]
        raise InputError(Problem(path, 0, "-", f"{reason}; give the article as a UTF-8 text file")) from None
    with open(path, encoding="utf-8-sig") as handle:
        return handle.read(MAX_CHARS + 1)


def _extract(args: argparse.Namespace, out: TextIO) -> int:
    name = "stdin" if args.path == "-" else args.path
    try:
        text = _article_text(args.path)
    except UnicodeDecodeError:
        sys.stderr.write(f"kosovo-map extract: {name}: not UTF-8 text; save the article as UTF-8 plain text\n")
        return EXIT_FOUND_PROBLEMS
    if len(text) > MAX_CHARS:
        sys.stderr.write(
            f"kosovo-map extract: {name}: longer than the limit of {MAX_CHARS:,} characters; "
            "give one article at a time, or split a long one into parts\n"
        )
        return EXIT_FOUND_PROBLEMS
    try:
        extraction = extract(text, args.published, load_context().gazetteer, args.language)
    except MissingDateError as error:
        sys.stderr.write(f"kosovo-map extract: {name}: {error} Use --published YYYY-MM-DD.\n")
        return EXIT_USAGE
    sys.stderr.write(_reading_note(extraction))
    for candidate in extraction.candidates:
        line = json.dumps(candidate.as_dict(), ensure_ascii=False) if args.json else _candidate_line(candidate)
        out.write(line + "\n")
    if not args.json and extraction.out_of_area:
        names = ", ".join(dict.fromkeys(m.place for m in extraction.out_of_area))
        out.write(f"named outside the map's area, not mapped: {names}\n")
    return EXIT_OK


def _reading_note(extraction: Extraction) -> str:
    """How the article was read: its language, and where its date came from."""
    language = languages()[extraction.language].name
    basis = "as given" if extraction.published_from == "given" else f"by its {extraction.published_from}"
    lines = [f"read as {language}, published {extraction.published} ({basis})", *extraction.notes]
    return "".join(f"kosovo-map extract: {line}\n" for line in lines)


_HANDLERS = {
    "geocode": _geocode,
    "validate": _validate,
    "export": _export,
    "snapshot": _snapshot,
    "import-acled": _import_acled,
    "extract": _extract,
    **STORE_HANDLERS,
}
_CLOSED_HINT = {"stdin is closed": " (give a file instead of -)", "stdout is closed": " (give -o FILE if it has one)"}
_FATAL = {KeyboardInterrupt: "interrupted", MemoryError: "out of memory", RecursionError: "input nested too deeply"}


def _run(command: str, args: argparse.Namespace, out: TextIO) -> int:
    """One command, with every failure a person can cause told in plain words (never a traceback)."""
    try:
        status = _HANDLERS[command](args, out)
        out.flush()
        return status
    except DataError as error:
        sys.stderr.write(f"kosovo-map: {error}\n")
    except InputError as error:
        sys.stderr.write(f"{error.problem}\n")
    except (OutputError, StoreError) as error:
        sys.stderr.write(f"kosovo-map {command}: {error}\n")
    except StreamClosedError as error:
        sys.stderr.write(f"kosovo-map {command}: {error}, and this command needs it{_CLOSED_HINT[str(error)]}\n")
    except UnicodeDecodeError as error:
        sys.stderr.write(
            f"kosovo-map {command}: not UTF-8 text (byte 0x{error.object[error.start]:02X}); save it as UTF-8\n"
        )
    except BrokenPipeError:
        raise
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        sys.stderr.write(f"kosovo-map {command}: {where}{error.strerror or error}\n")
    return EXIT_FOUND_PROBLEMS


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run one command; returns the exit status (0 ok, 1 problems or no match, 2 usage, 141 stdout's reader left)."""
    guard_standard_streams()
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    try:
        return _run(args.command, args, out or sys.stdout)
    except BrokenPipeError:
        quiet_broken_pipe()
        return BROKEN_PIPE
    except (KeyboardInterrupt, MemoryError, RecursionError) as error:
        sys.stderr.write(f"kosovo-map {args.command}: {_FATAL[type(error)]}\n")
        return 130 if isinstance(error, KeyboardInterrupt) else EXIT_FOUND_PROBLEMS
    except Exception as error:  # a bug of ours: said plainly; KOSOVO_MAP_DEBUG=1 shows the traceback
        if os.environ.get("KOSOVO_MAP_DEBUG"):
            raise
        sys.stderr.write(
            f"kosovo-map {args.command}: unexpected error ({type(error).__name__}); please report it "
            "(KOSOVO_MAP_DEBUG=1 shows the details)\n"
        )
        return EXIT_FOUND_PROBLEMS


if __name__ == "__main__":
    sys.exit(main())
