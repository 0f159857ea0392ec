"""`kosovo-map`: the command line entry point (geocode, validate, export, snapshot, import-acled, extract, store)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TextIO

from components.export import to_csv, to_geojson
from components.filters import count_line, in_window, shown
from components.snapshot import BrowserMissingError, SnapshotInfo, snapshot_html, snapshot_png
from components.storecli import HANDLERS as STORE_HANDLERS
from components.storecli import add_store_parsers, export_store
from components.view import View
from geo.acled import import_acled
from geo.boundaries import Municipalities
from geo.dataset import DATA_DIR, Dataset, data_as_of, load_context, load_dataset, load_user_file, validate_files
from geo.extract import MAX_CHARS, Candidate, Extraction, MissingDateError, extract, languages
from geo.gazetteer import GeocodeResult, Place
from geo.incidents import DataError, Problem
from geo.schema import EVENT_TYPES
from geo.store import StoreError

__all__ = ["main"]

EXIT_OK, EXIT_FOUND_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"bad date {text!r}: use YYYY-MM-DD") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kosovo-map", description="North Kosovo Incident Map: data tools.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    geocode = commands.add_parser("geocode", help="find places by name, in any spelling")
    geocode.add_argument("names", nargs="+", metavar="NAME", help="place names, or - to read one per line from stdin")
    geocode.add_argument("--json", action="store_true", help="one JSON object per line")

    validate = commands.add_parser("validate", help="check data files against the schema")
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    export = commands.add_parser("export", help="write the incidents and deployments active in a date window")
    export.add_argument("--start", type=_iso_date, help="first day (YYYY-MM-DD), inclusive")
    export.add_argument("--end", type=_iso_date, help="last day (YYYY-MM-DD), inclusive")
    export.add_argument("--format", choices=("geojson", "csv"), default="geojson")
    export.add_argument("-o", "--output", default="-", help="file to write; - (the default) for stdout")
    export.add_argument("--store", action="store_true", help="export the user's store (a JSON bundle) instead")

    snapshot = commands.add_parser("snapshot", help="a self-contained HTML map (and/or PNG) of a view")
    snapshot.add_argument("--start", type=_iso_date, help="first day (YYYY-MM-DD), inclusive")
    snapshot.add_argument("--end", type=_iso_date, help="last day (YYYY-MM-DD), inclusive")
    snapshot.add_argument("--type", dest="types", nargs="+", default=[], metavar="T", help="ACLED event types to show")
    snapshot.add_argument("--data", nargs="+", type=Path, default=[], metavar="FILE", help="your files instead of ours")
    snapshot.add_argument("-o", "--output", type=Path, help="the HTML file to write")
    snapshot.add_argument("--png", type=Path, help="also (or only) render a PNG image")
    snapshot.add_argument("--width", type=int, default=1400, help="PNG width in pixels (default 1400)")
    snapshot.add_argument("--height", type=int, default=900, help="PNG height in pixels (default 900)")

    acled = commands.add_parser("import-acled", help="convert an ACLED CSV export into our incidents schema")
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


def _names(arguments: Sequence[str], stdin: TextIO) -> Iterable[str]:
    for name in arguments:
        if name == "-":
            yield from (line.strip() for line in stdin if line.strip())
        else:
            yield name


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
    for name in _names(args.names, sys.stdin):
        result = context.gazetteer.geocode(name)
        if result is None:
            status = EXIT_FOUND_PROBLEMS
        out.write(show(name, result, context.municipalities) + "\n")
    return status


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    problems = validate_files(args.paths)
    for problem in problems:
        out.write(f"{problem}\n")
    if problems:
        sys.stderr.write(f"{len(problems)} problem(s) found\n")
        return EXIT_FOUND_PROBLEMS
    sys.stderr.write(f"{len(args.paths)} file(s) valid\n")
    return EXIT_OK


def _write(text: str, output: str, out: TextIO) -> None:
    if output == "-":
        out.write(text)
    else:
        Path(output).write_text(text, encoding="utf-8")


def _export(args: argparse.Namespace, out: TextIO) -> int:
    if args.store:
        return export_store(args, out)
    if args.start and args.end and args.end < args.start:
        sys.stderr.write(f"kosovo-map export: --end {args.end} is before --start {args.start}\n")
        return EXIT_USAGE
    dataset = load_dataset()
    incidents = in_window(dataset.incidents, args.start, args.end)
    deployments = in_window(dataset.deployments, args.start, args.end)
    text = to_geojson(incidents, deployments) if args.format == "geojson" else to_csv(incidents, deployments)
    _write(text, args.output, out)
    if args.output != "-":
        sys.stderr.write(f"wrote {len(incidents)} incidents and {len(deployments)} deployments to {args.output}\n")
    return EXIT_OK


def _report(problems: Sequence[Problem]) -> None:
    for problem in problems:
        sys.stderr.write(f"{problem}\n")


def _snapshot_data(args: argparse.Namespace) -> tuple[Dataset, list[Problem]]:
    """The shipped data, or the user's files instead of it (checked like any upload)."""
    dataset = load_dataset()
    if not args.data:
        return dataset, []
    base = Dataset(dataset.incidents.iloc[0:0], dataset.deployments.iloc[0:0], dataset.context)
    problems: list[Problem] = []
    for path in args.data:
        if not path.is_file():
            problems.append(Problem(str(path), 0, "-", "no such file"))
            continue
        user = load_user_file(str(path), path.read_bytes(), base)
        problems += user.problems
        base = base.with_user_file(user)
    return base, problems


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
    dataset, problems = _snapshot_data(args)
    _report(problems)
    view = View(start=args.start, end=args.end, event_types=tuple(args.types))
    incidents, deployments = shown(dataset.incidents, dataset.deployments, view, dataset.gazetteer)
    names = dataset.municipalities.frame["name_en"].to_dict()
    changelog = "" if args.data else (DATA_DIR / "CHANGELOG.md").read_text(encoding="utf-8")
    as_of = str(data_as_of(dataset.incidents, dataset.deployments, changelog))
    info = SnapshotInfo(len(dataset.incidents), "", datetime.now(UTC), names, as_of)
    html = snapshot_html(incidents, deployments, dataset.municipalities.frame, view, info)
    if args.output:
        args.output.write_text(html, encoding="utf-8")
        out.write(f"wrote {args.output}: {count_line(len(incidents), len(dataset.incidents), len(deployments))}\n")
    if args.png:
        try:
            args.png.write_bytes(snapshot_png(html, args.width, args.height))
        except BrowserMissingError as error:
            sys.stderr.write(f"kosovo-map snapshot: {error}\n")
            return EXIT_FOUND_PROBLEMS
        except ValueError as error:
            sys.stderr.write(f"kosovo-map snapshot: {error}\n")
            return EXIT_USAGE
        out.write(f"wrote {args.png} ({args.width}x{args.height})\n")
    return EXIT_FOUND_PROBLEMS if problems else EXIT_OK


def _import_acled(args: argparse.Namespace, out: TextIO) -> int:
    if not args.path.is_file():
        sys.stderr.write(f"{args.path}:0:-: no such file\n")
        return EXIT_FOUND_PROBLEMS
    dataset = load_dataset()
    taken = frozenset(dataset.incidents["id"]) | frozenset(dataset.deployments["id"])
    written, problems = import_acled(args.path, args.output, replace(dataset.context, taken_ids=taken))
    _report(problems)
    out.write(f"wrote {written} incident(s) to {args.output}; {len(problems)} problem(s)\n")
    return EXIT_FOUND_PROBLEMS if problems else EXIT_OK


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


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run one command; returns the exit status (0 ok, 1 problems or no match, 2 usage)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    handlers = {
        "geocode": _geocode,
        "validate": _validate,
        "export": _export,
        "snapshot": _snapshot,
        "import-acled": _import_acled,
        "extract": _extract,
        **STORE_HANDLERS,
    }
    try:
        return handlers[args.command](args, out or sys.stdout)
    except DataError as error:
        sys.stderr.write(f"kosovo-map: {error}\n")
        return EXIT_FOUND_PROBLEMS
    except (StoreError, OSError, UnicodeDecodeError) as error:
        sys.stderr.write(f"kosovo-map {args.command}: {error}\n")
        return EXIT_FOUND_PROBLEMS


if __name__ == "__main__":
    sys.exit(main())
