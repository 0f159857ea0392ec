"""Incidents and deployments read and checked: one set of checks, a row loader and a columnar loader.

The same checks serve the shipped data, `kosovo-map validate`, the app's
upload and the store, so bad data never reaches the map silently. Every
problem names its file, row and column. Rows are numbered as a spreadsheet
shows them: the header is row 1, and a record whose quoted cells span several
lines is still one row. GeoJSON features and Parquet rows are numbered from 1.

- `reading`, `csvrows`, `geojson`: files to rows of text cells;
- `cells`, `outcomes`: checks of cells, shared by both loaders;
- `rows`: the row loader; `columnar`: the columnar one (pyarrow), for large files;
- `frame`: the records' frame (points as lat and lon; `with_points` for a GeoDataFrame).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from geo.records.context import EARLIEST_DATE, Context, Source
from geo.records.frame import to_frame
from geo.records.problems import DataError, Problem, summary
from geo.records.reading import InputError, check_input, read_input, read_rows
from geo.records.rows import parse_rows
from geo.records.sources import read_sources
from geo.records.table import RowList, Rows
from geo.schema import Layer

__all__ = [
    "EARLIEST_DATE",
    "Context",
    "DataError",
    "InputError",
    "Problem",
    "RowList",
    "Rows",
    "Source",
    "check_input",
    "detect_layer",
    "layer_of",
    "parse_rows",
    "read_input",
    "read_rows",
    "read_sources",
    "summary",
    "to_frame",
]


def layer_of(columns: Iterable[str]) -> Layer | None:
    """Incident or deployment, told by the columns a file has."""
    names = set(columns)
    if "event_type" in names:
        return "incident"
    if {"kind", "force"} & names:
        return "deployment"
    return None


def detect_layer(rows: Sequence[dict[str, str]]) -> Layer | None:
    """Incident or deployment, told by the columns of a file's rows (its header when it has one)."""
    columns = getattr(rows, "columns", ()) or (rows[0] if rows else ())
    return layer_of(columns)
