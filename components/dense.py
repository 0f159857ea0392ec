"""Too many incidents for points: counts per grid cell, made on the server.

Up to `POINT_LIMIT` incidents go to the browser as points (components/encoding.py)
and the canvas layer of the map's script counts them per screen cell when they
crowd. Above it, the app sends grid bins instead: one weighted point per cell,
so a million records cost a few kilobytes; zoomed in, the app sends the points
in view once they are few enough.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from components.encoding import EPOCH, EncodedLayer, box_for, pack, quantise

__all__ = ["POINT_LIMIT", "Bounds", "encode_bins", "grid_bins", "in_bounds"]

POINT_LIMIT = 150_000
Bounds = tuple[tuple[float, float], tuple[float, float]]  # ((south, west), (north, east))


def grid_bins(lon: np.ndarray, lat: np.ndarray, cell_degrees: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Counts of points per square grid cell: (cell centre lon, cell centre lat, count), vectorised."""
    column = np.floor(lon / cell_degrees).astype(np.int64)
    row = np.floor(lat / cell_degrees).astype(np.int64)
    if not len(column):
        return np.zeros(0), np.zeros(0), np.zeros(0, np.int64)
    # One integer per cell, ordered by column then row: a count per key, not a sort of coordinate pairs (1M: 3 s).
    first_column, first_row = column.min(), row.min()
    rows = int(row.max() - first_row) + 1
    key = (column - first_column) * rows + (row - first_row)
    if int(key.max()) < 16_000_000:
        counts = np.bincount(key)
        keys = np.flatnonzero(counts)
        counts = counts[keys]
    else:  # points spread over the world: too many cells to count densely
        keys, counts = np.unique(key, return_counts=True)
    return (keys // rows + first_column + 0.5) * cell_degrees, (keys % rows + first_row + 0.5) * cell_degrees, counts


def encode_bins(incidents: pd.DataFrame, cell_degrees: float = 0.02) -> EncodedLayer:
    """The incidents as grid bins: the cells' centres with their counts (array `n`)."""
    lon, lat, counts = grid_bins(incidents["lon"].to_numpy(float), incidents["lat"].to_numpy(float), cell_degrees)
    box = box_for(lon, lat)
    x, y = quantise(lon, lat, box)
    zeros = np.zeros(len(lon), "<u1")
    arrays = {"x": x, "y": y, "day": zeros.astype("<u2"), "cat": zeros + 255, "n": counts.astype("<u4")}
    header = {"v": 1, "layer": "bins", "n": len(lon), "box": box, "epoch": str(EPOCH), "dicts": {}, "focus": -1}
    payload, token = pack(header, arrays)
    return EncodedLayer("incident", payload, token, np.arange(0), len(incidents), mode="bins")


def in_bounds(incidents: pd.DataFrame, bounds: Bounds) -> pd.DataFrame:
    """The incidents inside a map's bounds (vectorised)."""
    (south, west), (north, east) = bounds
    lat, lon = incidents["lat"].to_numpy(float), incidents["lon"].to_numpy(float)
    return incidents[(lat >= south) & (lat <= north) & (lon >= west) & (lon <= east)]
