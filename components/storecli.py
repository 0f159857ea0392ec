"""`kosovo-map store add|list|edit|delete|restore|history|copy`, `export --store` and `import-store`.

Each handler takes the parsed arguments and the output stream and returns the
exit status (0 ok, 1 problems). The store is the one `KOSOVO_MAP_STORE` names
(or the default SQLite file); the command line writes as its local user.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO

from geo.incidents import DataError, Problem, detect_layer, read_rows
from geo.store import (
    Batch,
    Dump,
    Store,
    StoredRecord,
    StoreError,
    history_rows,
    is_server_url,
    open_store,
    store_exists,
    store_target,
)
from geo.store.bundle import bundle_text, read_bundle, read_geopackage, write_bundle, write_geopackage
from geo.store.records import COLUMNS, checksums

__all__ = ["HANDLERS", "add_store_parsers", "export_store"]

EXIT_OK, EXIT_PROBLEMS = 0, 1
_LIST_COLUMNS = ("id", "layer", "date", "version", "place", "summary")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"bad date {text!r}: use YYYY-MM-DD") from None


def _bbox(text: str) -> tuple[float, float, float, float]:
    try:
        west, south, east, north = (float(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"bad --bbox {text!r}: use WEST,SOUTH,EAST,NORTH in degrees") from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise argparse.ArgumentTypeError(f"bad --bbox {text!r}: west <= east and south <= north, in degrees")
    return west, south, east, north


def _assignment(text: str) -> tuple[str, str]:
    column, equals, value = text.partition("=")
    if not equals or not column.strip():
        raise argparse.ArgumentTypeError(f"bad change {text!r}: use COLUMN=VALUE")
    return column.strip(), value


def add_store_parsers(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register `store …` and `import-store` on the CLI's subcommands."""
    imported = commands.add_parser("import-store", help="add a bundle written by `export --store` to your store")
    imported.add_argument("path", type=Path, metavar="FILE")
    store = commands.add_parser("store", help="the kept rows: add, list, edit, delete, restore, history, copy")
    actions = store.add_subparsers(dest="store_command", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="keep the rows of a CSV or GeoJSON file in our schema (all or nothing)")
    add.add_argument("path", type=Path, metavar="FILE")
    add.add_argument("--label", help="what the rows came from (default: the file's name)")
    listing = actions.add_parser("list", help="the kept rows, oldest first")
    listing.add_argument("--layer", choices=("incident", "deployment"))
    listing.add_argument("--start", type=_iso_date, help="only rows active from this day (YYYY-MM-DD)")
    listing.add_argument("--end", type=_iso_date, help="only rows active until this day (YYYY-MM-DD)")
    listing.add_argument("--bbox", type=_bbox, help="only rows inside WEST,SOUTH,EAST,NORTH (degrees)")
    listing.add_argument("--deleted", action="store_true", help="include deleted rows")
    listing.add_argument("--json", action="store_true", help="one JSON object per row")
    edit = actions.add_parser("edit", help="change cells of a kept row, checked like an upload")
    edit.add_argument("id", metavar="ID")
    edit.add_argument("changes", nargs="+", type=_assignment, metavar="COLUMN=VALUE")
    edit.add_argument("--version", type=int, help="the version you read (refused if someone changed it since)")
    for name, verb in (("delete", "delete a kept row (it can be restored)"), ("restore", "undo a delete")):
        action = actions.add_parser(name, help=verb)
        action.add_argument("id", metavar="ID")
        action.add_argument("--version", type=int, help="the version you read")
    history = actions.add_parser("history", help="every change of a row (or of the whole store)")
    history.add_argument("id", nargs="?", metavar="ID")
    history.add_argument("--json", action="store_true", help="one JSON object per change")
    copy = actions.add_parser("copy", help="copy a whole store, history and all: SQLite file, postgresql:// URL, "
                                           ".gpkg or .json bundle")  # fmt: skip
    copy.add_argument("source", metavar="FROM")
    copy.add_argument("target", metavar="TO")


def _out(out: TextIO, text: str) -> None:
    out.write(text + "\n")


def _say(text: str) -> None:
    sys.stderr.write(text + "\n")


def _report(problems: list[Problem], kept: int, refused: int) -> int:
    for problem in problems:
        _say(str(problem))
    _say(f"{kept} added, {refused} refused (see above); nothing of this file was kept")
    return EXIT_PROBLEMS


# --- store add -------------------------------------------------------------------------


def _read_file(path: Path) -> tuple[list[dict[str, str]], str | None, list[Problem]]:
    name = str(path)
    if path.is_dir():
        return [], None, [Problem(name, 0, "-", "is a folder, not a data file")]
    if not path.is_file():
        return [], None, [Problem(name, 0, "-", "no such file")]
    rows, problems = read_rows(name, path.read_bytes())
    listed = list(rows)
    layer = detect_layer(listed)
    if listed and layer is None:
        problems.append(Problem(name, 1, "-", "not an incidents or deployments file (no event_type, kind or force)"))
    return listed, layer, problems


def _add(args: argparse.Namespace, out: TextIO) -> int:
    rows, layer, problems = _read_file(args.path)
    if problems or layer is None:
        return _report(problems or [Problem(str(args.path), 0, "-", "no rows")], 0, len(rows))
    with open_store() as store:
        try:
            batch = Batch(layer, rows, str(args.path), source_label=args.label or args.path.name)  # type: ignore[arg-type]
            kept = store.save_batches([batch])
        except DataError as error:
            bad_rows = {(p.row) for p in error.problems if p.row}
            return _report(error.problems, 0, max(len(bad_rows), 1) if rows else 0)
        _out(out, f"{kept} added, 0 refused: {kept} {layer}(s) from {args.path} kept in {store.location}")
    return EXIT_OK


# --- store list / history -------------------------------------------------------------------


def _line(record: StoredRecord) -> str:
    row = record.row
    when = row.get("date") or row.get("start_date", "")
    place = row.get("place_id") or row.get("place") or f"{row.get('lat', '')},{row.get('lon', '')}"
    flag = " (deleted)" if record.deleted else ""
    summary = row.get("summary", "").replace("\t", " ").replace("\n", " ")
    return "\t".join((record.id, record.layer + flag, when, f"v{record.version}", place, summary))


def _listed(store: Store, args: argparse.Namespace) -> list[StoredRecord]:
    if args.start or args.end or args.bbox:
        layers = [args.layer] if args.layer else ["incident", "deployment"]
        return [r for layer in layers for r in store.window(layer, args.start, args.end, args.bbox)]
    return store.records(args.layer, deleted=args.deleted)


def _list(args: argparse.Namespace, out: TextIO) -> int:
    if not store_exists():
        _say(f"no store yet at {store_target()}: nothing kept")
        return EXIT_OK
    with open_store() as store:
        records = _listed(store, args)
    for record in records:
        _out(out, json.dumps(record.canonical(), ensure_ascii=False) if args.json else _line(record))
    _say(f"{len(records)} row(s)")
    return EXIT_OK


def _history(args: argparse.Namespace, out: TextIO) -> int:
    with open_store() as store:
        if args.id:
            store.record(args.id)  # RecordNotFoundError names an unknown id
        changes = store.history(args.id)
    for change, row in zip(changes, history_rows(changes), strict=True):
        shown = {"record_id": change.record_id, **row}
        _out(out, json.dumps(change.canonical(), ensure_ascii=False) if args.json else "\t".join(shown.values()))
    return EXIT_OK


# --- store edit / delete / restore ---------------------------------------------------------------


def _edit(args: argparse.Namespace, out: TextIO) -> int:
    with open_store() as store:
        current = store.record(args.id)
        unknown = [c for c, _ in args.changes if c not in _columns(current)]
        if unknown:
            _say(f"{args.id}: unknown column(s) {', '.join(unknown)}; the {current.layer} columns are "
                 f"{', '.join(_columns(current))}")  # fmt: skip
            return EXIT_PROBLEMS
        row = {**current.row, **dict(args.changes)}
        edited = store.edit(args.id, row, args.version or current.version)
    _out(out, f"{edited.id}: now version {edited.version}")
    return EXIT_OK


def _columns(record: StoredRecord) -> tuple[str, ...]:
    return COLUMNS[record.layer]


def _flag(args: argparse.Namespace, out: TextIO) -> int:
    with open_store() as store:
        change = store.delete if args.store_command == "delete" else store.restore
        record = change(args.id, args.version)
    _out(out, f"{record.id}: {args.store_command}d (version {record.version})")
    return EXIT_OK


# --- export --store, import-store --------------------------------------------------------------


def export_store(args: argparse.Namespace, out: TextIO) -> int:
    """`export --store [-o FILE]`: every record and the history as a JSON bundle (works on a read-only store)."""
    if not store_exists():
        _say(f"no store yet at {store_target()}: nothing to export")
        return EXIT_PROBLEMS
    with open_store() as store:
        dump = store.dump()
        if args.output == "-":
            out.write(bundle_text(dump))
        else:
            write_bundle(dump, Path(args.output), store.own_files(), args.force)
        location = store.location
    _say(f"exported {len(dump.records)} record(s) and {len(dump.changes)} change(s) from {location}")
    return EXIT_OK


def _import_store(args: argparse.Namespace, out: TextIO) -> int:
    with open_store() as store:
        imported = store.import_bundle(args.path)
        location = store.location
    _out(out, f"{imported.added} added, 0 refused, {imported.already_kept} already in the store"
              f"{f', {imported.deleted_skipped} deleted in the bundle (skipped)' if imported.deleted_skipped else ''}"
              f": {args.path} into {location}")  # fmt: skip
    return EXIT_OK


# --- store copy ----------------------------------------------------------------------------


def _kind(endpoint: str) -> str:
    if is_server_url(endpoint):
        return "server"
    return {".gpkg": "gpkg", ".json": "json"}.get(Path(endpoint).suffix.lower(), "sqlite")


def _read_endpoint(endpoint: str) -> Dump:
    kind = _kind(endpoint)
    if kind == "gpkg":
        return read_geopackage(Path(endpoint))
    if kind == "json":
        return read_bundle(Path(endpoint))[1]
    if kind == "sqlite" and not Path(endpoint).is_file():
        raise StoreError(f"{endpoint}: no such store")
    with open_store(endpoint) as store:
        return store.dump()


def _protected(*endpoints: str) -> list[Path]:
    files = [Path(e) for e in endpoints if not is_server_url(e)]
    live = store_target()
    return files + ([] if is_server_url(live) else [Path(live)])


def _write_endpoint(dump: Dump, source: str, endpoint: str) -> Dump:
    kind = _kind(endpoint)
    if kind in ("gpkg", "json"):
        writer = write_geopackage if kind == "gpkg" else write_bundle
        writer(dump, Path(endpoint), protected=_protected(source))
        return _read_endpoint(endpoint)
    with open_store(endpoint) as store:
        store.load(dump)
        return store.dump()


def _copy(args: argparse.Namespace, out: TextIO) -> int:
    if args.source == args.target:
        _say("kosovo-map store copy: FROM and TO are the same store")
        return EXIT_PROBLEMS
    dump = _read_endpoint(args.source)
    before = checksums(dump.records, dump.changes)
    written = _write_endpoint(dump, args.source, args.target)
    after = checksums(written.records, written.changes)
    if before != after:
        _say(f"kosovo-map store copy: the copy differs from the original: {before} / {after}")
        return EXIT_PROBLEMS
    _out(out, f"copied {before['records']} record(s) ({before['live']} not deleted) and {before['changes']} "
              f"change(s) to {args.target}; checksums match: content {before['content'][:16]}…, "
              f"history {before['history'][:16]}…")  # fmt: skip
    return EXIT_OK


_ACTIONS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "add": _add,
    "list": _list,
    "edit": _edit,
    "delete": _flag,
    "restore": _flag,
    "history": _history,
    "copy": _copy,
}


def _store(args: argparse.Namespace, out: TextIO) -> int:
    return _ACTIONS[args.store_command](args, out)


HANDLERS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {"store": _store, "import-store": _import_store}
