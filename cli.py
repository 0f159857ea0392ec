"""`kosovo-map`: the command line entry point (geocode, validate, export)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from components.export import to_csv, to_geojson
from components.filters import in_window
from geo.boundaries import Municipalities
from geo.dataset import DATA_DIR, load_context, load_dataset, validate_files
from geo.gazetteer import GeocodeResult
from geo.incidents import DataError

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
    municipality = result.place.municipality
    return json.dumps(result.as_dict(munis.name(municipality) if municipality else None), ensure_ascii=False)


def _geocode_line(name: str, result: GeocodeResult | None, munis: Municipalities) -> str:
    if result is None:
        return f"{name}\tno match"
    place = result.place
    where = munis.name(place.municipality) if place.municipality else place.country
    flag = " (ambiguous)" if result.ambiguous else ""
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


def _export(args: argparse.Namespace, out: TextIO) -> int:
    if args.start and args.end and args.end < args.start:
        sys.stderr.write(f"kosovo-map export: --end {args.end} is before --start {args.start}\n")
        return EXIT_USAGE
    dataset = load_dataset()
    incidents = in_window(dataset.incidents, args.start, args.end)
    deployments = in_window(dataset.deployments, args.start, args.end)
    text = to_geojson(incidents, deployments) if args.format == "geojson" else to_csv(incidents, deployments)
    if args.output == "-":
        out.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        sys.stderr.write(f"wrote {len(incidents)} incidents and {len(deployments)} deployments to {args.output}\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run one command; returns the exit status (0 ok, 1 problems or no match, 2 usage)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    handlers = {"geocode": _geocode, "validate": _validate, "export": _export}
    try:
        return handlers[args.command](args, out or sys.stdout)
    except DataError as error:
        sys.stderr.write(f"kosovo-map: the data in {DATA_DIR} has problems:\n{error}\n")
        return EXIT_FOUND_PROBLEMS


if __name__ == "__main__":
    sys.exit(main())
