"""The command line's arguments: every subcommand and its options (no command's work is imported here)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

__all__ = ["EXPORT_FORMATS", "build_parser"]

EXPORT_FORMATS = ("geojson", "csv", "parquet", "gpkg")
# The article languages `extract` reads; geo/extract/languages/ holds one file for each.
LANGUAGES = tuple(
    sorted(p.stem for p in (Path(__file__).resolve().parent.parent / "geo" / "extract" / "languages").glob("*.toml"))
)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"bad date {text!r}: use YYYY-MM-DD") from None


_FORCE = "replace an existing output file even when it is of another kind (without it, -o notes.txt is refused)"


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
    export.add_argument("--force", action="store_true", help=_FORCE)
    export.add_argument("--store", action="store_true", help="export the user's store (a JSON bundle) instead")


def build_parser() -> argparse.ArgumentParser:
    """All of `kosovo-map`'s subcommands and their arguments."""
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
    snapshot.add_argument("--force", action="store_true", help=_FORCE)

    acled = commands.add_parser("import-acled", help="convert an ACLED export (CSV or Parquet) to our incidents schema")
    acled.add_argument("path", type=Path, metavar="FILE")
    acled.add_argument("-o", "--output", type=Path, required=True, help="the incidents CSV to write")
    acled.add_argument("--force", action="store_true", help=_FORCE)

    extract = commands.add_parser("extract", help="propose incidents and deployments from a news article")
    extract.add_argument("path", metavar="FILE", help="the article as plain text, or - for stdin")
    extract.add_argument(
        "--published", type=_iso_date, help="publication date (YYYY-MM-DD); needed when the text has no dated dateline"
    )
    extract.add_argument("--language", choices=LANGUAGES, help="the article's language (default: detected)")
    extract.add_argument("--json", action="store_true", help="one JSON object per candidate")

    serve = commands.add_parser("serve", help="run the app, its data loaded as the server starts")
    serve.add_argument("--data", nargs="+", type=Path, default=[], metavar="FILE", help="your files, shown beside ours")
    serve.add_argument("--port", type=int, default=8501, help="port to listen on (default 8501)")
    serve.add_argument("--address", help="address to listen on (default: this computer only, as configured)")
    serve.add_argument("--headless", action="store_true", help="do not open a browser")

    from components.storecli import add_store_parsers

    add_store_parsers(commands)
    return parser
