"""`kosovo-map export`: the records active in a date window, as GeoJSON, CSV, GeoParquet or GeoPackage."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from cli.outputs import protected, write
from cli.status import EXIT_OK, EXIT_USAGE
from components.export import to_csv, to_geojson, to_geopackage, to_geoparquet
from components.filters import in_window
from geo.dataset import load_dataset
from geo.files import SUFFIXES, check_output

__all__ = ["run"]

_BINARY = {"parquet": to_geoparquet, "gpkg": to_geopackage}


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Write the window's records (or, with --store, the user's store as a bundle)."""
    if args.store:
        from components.storecli import export_store

        return export_store(args, out)
    if args.start and args.end and args.end < args.start:
        sys.stderr.write(f"kosovo-map export: --end {args.end} is before --start {args.start}\n")
        return EXIT_USAGE
    if args.format in _BINARY and args.output == "-":
        sys.stderr.write(f"kosovo-map export: --format {args.format} is a binary file: give -o FILE\n")
        return EXIT_USAGE
    if args.output != "-":
        check_output(Path(args.output), protected(), SUFFIXES[args.format], args.force)  # before the work
    dataset = load_dataset()
    incidents = in_window(dataset.incidents, args.start, args.end)
    deployments = in_window(dataset.deployments, args.start, args.end)
    writers = {"geojson": to_geojson, "csv": to_csv, **_BINARY}
    write(
        writers[args.format](incidents, deployments), args.output, out, protected(), SUFFIXES[args.format], args.force
    )
    if args.output != "-":
        sys.stderr.write(f"wrote {len(incidents)} incidents and {len(deployments)} deployments to {args.output}\n")
    return EXIT_OK
