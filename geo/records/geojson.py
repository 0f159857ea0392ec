"""GeoJSON FeatureCollections read as rows: properties become text cells, Point coordinates lat and lon.

Features are numbered from 1. A feature that cannot be read (no properties,
a geometry that is not a Point, coordinates that are not two numbers, a value
that is a list, a lone surrogate) is named with its problem; the others are
read. A document that is not JSON, is nested too deeply or is no
FeatureCollection is refused whole.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import numpy as np

from geo.records.cells import MAX_CELL, surrogate
from geo.records.problems import Problem
from geo.records.table import RowList, Rows
from geo.schema import DEPLOYMENT_COLUMNS, INCIDENT_COLUMNS, INLINE_SOURCE_COLUMNS

__all__ = ["geojson_rows"]

_KNOWN = frozenset((*INCIDENT_COLUMNS, *DEPLOYMENT_COLUMNS, *INLINE_SOURCE_COLUMNS, "place"))


MAX_DEPTH = 100  # levels of [ and {: a FeatureCollection of Points needs five
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"')
_OPEN, _CLOSE = np.frombuffer(b"[{", dtype=np.uint8), np.frombuffer(b"]}", dtype=np.uint8)


def _depth(content: bytes) -> int:
    """How deeply a JSON text nests, its strings left out (so the answer never depends on Python's stack)."""
    data = np.frombuffer(_STRING.sub(b'""', content), dtype=np.uint8)
    opening, closing = np.isin(data, _OPEN), np.isin(data, _CLOSE)
    steps = opening[opening | closing].astype(np.int8) * 2 - 1
    return int(np.cumsum(steps, dtype=np.int64).max(initial=0))


def _document(name: str, content: bytes) -> tuple[Any, Problem | None]:
    start = 3 if content.startswith(b"\xef\xbb\xbf") else 0
    if _depth(content) > MAX_DEPTH:
        return None, Problem(name, 0, "-", f"malformed GeoJSON: nested more than {MAX_DEPTH} levels deep")
    try:
        text = content[start:].decode("utf-8")
    except UnicodeDecodeError as error:
        line = content.count(b"\n", 0, start + error.start) + 1
        byte = content[start + error.start]
        return None, Problem(name, 0, "-", f"not UTF-8 text (byte 0x{byte:02X} on line {line}); save the file as UTF-8")
    try:
        return json.loads(text), None
    except json.JSONDecodeError as error:
        return None, Problem(name, 0, "-", f"malformed JSON on line {error.lineno}, column {error.colno}: {error.msg}")
    except RecursionError:
        return None, Problem(name, 0, "-", "malformed GeoJSON: nested too deeply to read (GeoJSON needs a few levels)")
    except ValueError as error:  # e.g. an integer of more than 4,300 digits
        return None, Problem(name, 0, "-", f"malformed JSON: {error}")


def _cell(value: Any) -> str | None:
    """A property as text, or None when it is a list or an object."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (dict, list)):
        return None
    return str(value)


def _point(geometry: Any) -> tuple[str, str] | str:
    """(lat, lon) as text from a Point geometry, or what is wrong with it."""
    if not isinstance(geometry, dict):
        return "geometry must be a JSON object"
    kind = geometry.get("type")
    if kind != "Point":
        return f"only Point geometries are supported (this one is {str(kind)[:40]!r})"
    coordinates = geometry.get("coordinates")
    numbers = isinstance(coordinates, list) and 2 <= len(coordinates) <= 3
    numbers = numbers and all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in coordinates)
    if not numbers:
        shown = json.dumps(coordinates, ensure_ascii=True)[:60] if _shallow(coordinates) else "a nested value"
        return f"coordinates must be [longitude, latitude] as two numbers, not {shown}"
    lon, lat = (_float(c) for c in coordinates[:2])
    return _number(lat), _number(lon)


def _float(value: float) -> float:
    try:
        return float(value)
    except OverflowError:  # an integer beyond any float
        return math.inf


def _shallow(value: Any) -> bool:
    return not isinstance(value, (dict, list)) or all(not isinstance(v, (dict, list)) for v in value)


def _number(value: float) -> str:
    return repr(value) if math.isfinite(value) else str(value)


def _feature(name: str, number: int, feature: Any) -> tuple[dict[str, str] | None, list[Problem]]:
    properties = feature.get("properties") if isinstance(feature, dict) else None
    if not isinstance(feature, dict):
        return None, [Problem(name, number, "-", "feature is not a JSON object")]
    if not isinstance(properties, dict):
        return None, [Problem(name, number, "-", "feature without properties (a JSON object of columns)")]
    row: dict[str, str] = {}
    problems = []
    for key, value in properties.items():
        key = key.strip()
        text = json.dumps(value, ensure_ascii=False) if key == "sources" and isinstance(value, list) else _cell(value)
        if text is None:
            if key in _KNOWN:
                problems.append(Problem(name, number, key, "expected text or a number, not a list or an object"))
            continue
        bad = surrogate(text) or surrogate(key)
        if bad:
            problems.append(Problem(name, number, key, f"holds {bad}, half of a UTF-16 pair and no character"))
        elif len(text) > MAX_CELL:
            problems.append(
                Problem(name, number, key, f"cell of {len(text):,} characters; a cell holds at most {MAX_CELL:,}")
            )
        row[key] = text
    geometry = feature.get("geometry")
    if geometry is not None:
        point = _point(geometry)
        if isinstance(point, str):
            problems.append(Problem(name, number, "geometry", point))
        else:
            row["lat"], row["lon"] = point
    return (None if problems else {**row, "_row": str(number)}), problems


def geojson_rows(name: str, content: bytes) -> tuple[Rows, list[Problem]]:
    """A GeoJSON FeatureCollection's features as rows, and what is wrong with those that cannot be read."""
    document, problem = _document(name, content)
    if problem:
        return RowList.unreadable(), [problem]
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list):
        return RowList.unreadable(), [Problem(name, 0, "-", 'not a GeoJSON FeatureCollection (no "features" list)')]
    rows, problems = [], []
    columns: dict[str, None] = {}
    for number, feature in enumerate(features, start=1):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        if isinstance(properties, dict):
            columns.update(dict.fromkeys(k.strip() for k in properties))
        row, found = _feature(name, number, feature)
        problems += found
        if row is not None:
            rows.append(row)
    return RowList(rows, tuple(columns), total=len(features)), problems
