"""Checked records as a frame with one fixed set of columns and types per layer, each point as its lat and lon.

The points stay two float columns (WGS 84, EPSG:4326): nothing on the map, the
table or the exports needs a shapely object per record, and making a million of
them costs about a second and 100 MB. `with_points` makes the GeoDataFrame for
a caller that does geometry.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import geopandas as gpd
import pandas as pd

from geo.schema import COUNT_KINDS, Layer

__all__ = ["FRAME_COLUMNS", "frame_from_columns", "to_frame", "with_points"]

_COMMON = (
    ("id", "str"),
    ("place_id", "str"),
    ("place_name", "str"),
    ("place_alternatives", "str"),
    ("lat", "float64"),
    ("lon", "float64"),
    ("location_precision", "str"),
    ("municipality", "str"),
    ("in_area", "bool"),
    ("summary", "str"),
    ("sources", "object"),
    ("date", "datetime64[s]"),
    ("end_date", "datetime64[s]"),
)
_COUNTS = tuple(pair for kind in COUNT_KINDS for pair in ((kind, "float64"), (f"{kind}_at_least", "bool")))
FRAME_COLUMNS: dict[Layer, tuple[tuple[str, str], ...]] = {
    "incident": (
        *_COMMON,
        ("date_precision", "str"),
        ("event_type", "str"),
        ("sub_event_type", "str"),
        ("actor1", "str"),
        ("actor2", "str"),
        *_COUNTS,
        ("counts_detail", "str"),
        ("related", "str"),
    ),
    "deployment": (
        *_COMMON,
        ("force", "str"),
        ("unit", "str"),
        ("nations", "str"),
        ("strength", "float64"),
        ("strength_at_least", "bool"),
        ("kind", "str"),
        ("part_of", "str"),
        ("related", "str"),
    ),
}


def _typed(frame: pd.DataFrame, layer: Layer) -> pd.DataFrame:
    for column, dtype in FRAME_COLUMNS[layer]:
        if dtype.startswith("datetime"):
            frame[column] = pd.to_datetime(frame[column]).astype(dtype)
        elif dtype != "object":
            frame[column] = frame[column].astype(dtype)
    frame["layer"] = pd.Series(layer, index=frame.index, dtype="str")
    return frame


def with_points(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    """The records as a GeoDataFrame (EPSG:4326) with a shapely point per row made from lat and lon."""
    geometry = gpd.points_from_xy(frame["lon"].to_numpy(float), frame["lat"].to_numpy(float))
    return gpd.GeoDataFrame(frame, geometry=geometry, crs=4326)


def to_frame(records: list[dict[str, Any]], layer: Layer) -> pd.DataFrame:
    """Records (dicts) to their frame, dates as datetime64[s]."""
    columns = [column for column, _ in FRAME_COLUMNS[layer]]
    return _typed(pd.DataFrame.from_records(records, columns=columns), layer)


def frame_from_columns(columns: Mapping[str, Any], layer: Layer) -> pd.DataFrame:
    """Columns (arrays of equal length) to the same frame `to_frame` makes from records."""
    return _typed(pd.DataFrame({column: columns[column] for column, _ in FRAME_COLUMNS[layer]}), layer)
