"""The row loader: each row's cells checked and turned into a record, one row at a time.

It serves small files, the store and extraction's rows; the columnar loader
(geo.records.columnar) makes the same checks on large files, column by column,
and says exactly the same about every row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from geo.records.cells import Cells, check_id, check_number, detail_sums
from geo.records.context import EARLIEST_DATE, Context
from geo.records.frame import to_frame
from geo.records.location import NEAR_BOUNDARY_DEGREES, locate, outside_message, swapped_message
from geo.records.outcomes import municipality_outcome, place_outcome, sources_outcome
from geo.records.problems import Problem
from geo.schema import COUNT_KINDS, DATE_PRECISIONS, DEPLOYMENT_KINDS, EVENT_TYPES, LOCATION_PRECISIONS, Layer

__all__ = ["numbered_rows", "parse_rows", "shared_sources"]

_CHUNK = 50_000


def _check_id(cells: Cells, seen: set[str], context: Context) -> str:
    record_id = cells.required("id")
    message = check_id(record_id)
    if message:
        cells.fail("id", message)
    elif record_id and (record_id in seen or record_id in context.taken_ids):
        cells.fail("id", f"duplicate id {record_id!r}")
    seen.add(record_id)
    return record_id


def _report(cells: Cells, findings: list[tuple[str, str]]) -> None:
    for column, message in findings:
        cells.fail(column, message)


def _point_problems(cells: Cells, context: Context, lat: float, lon: float, municipality: str) -> None:
    """A point outside Kosovo that swapped would be inside; a point away from its stated municipality."""
    munis = context.municipalities
    if cells.located is None and cells.swapped is not None:
        cells.fail("lat", swapped_message(lat, lon, munis.name(cells.swapped)))
    elif (
        municipality
        and cells.located != municipality
        and munis.distance_to(municipality, lon, lat) > NEAR_BOUNDARY_DEGREES
    ):
        where = munis.name(cells.located) if cells.located else "outside Kosovo"
        cells.fail("lat", outside_message(lat, lon, munis.name(municipality), where))


def _location(cells: Cells, context: Context) -> dict[str, Any] | None:
    place, alternatives, findings = place_outcome(
        cells.text("place_id"), cells.text("place"), cells.text("municipality"), context
    )
    _report(cells, findings)
    lat, lon = cells.number("lat", -90, 90), cells.number("lon", -180, 180)
    if (cells.text("lat") == "") != (cells.text("lon") == ""):
        cells.fail("lat" if not cells.text("lat") else "lon", "give both lat and lon, or neither")
        return None
    has_point = lat is not None and lon is not None
    if not has_point and place is None:
        if not any(cells.text(c) for c in ("place_id", "place", "lat", "lon")):
            cells.fail("place_id", "no location: give place_id, place (a name) or lat/lon")
        return None
    municipality, findings = municipality_outcome(cells.text("municipality"), place, context)
    _report(cells, findings)
    if has_point:
        _point_problems(cells, context, lat, lon, municipality)  # type: ignore[arg-type]
    else:
        assert place is not None
        lat, lon = place.lat, place.lon
    located = cells.located if has_point else (place.municipality or None if place else None)
    default_precision = place.precision if (place and not has_point) else "point"
    return {
        "place_id": place.id if place else "",
        "place_name": place.name_en if place else "",
        "place_alternatives": alternatives,
        "lat": lat,
        "lon": lon,
        "location_precision": cells.choice("location_precision", LOCATION_PRECISIONS, default_precision),
        "municipality": municipality or (located if has_point else "") or "",
        "in_area": place.in_area if place else located is not None,
    }


def _sources(cells: Cells, context: Context) -> list[dict[str, str]]:
    inline = tuple(cells.text(c) for c in ("source_publisher", "source_title", "source_date", "source_url"))
    ids, listed = cells.text("source_ids"), cells.text("sources")
    found, findings = sources_outcome(ids, inline, context, context.today, listed)  # type: ignore[arg-type]
    _report(cells, findings)
    return shared_sources(found)


_SHARED_SOURCES: dict[tuple[tuple[str, ...], ...], list[dict[str, str]]] = {}


def shared_sources(sources: list[dict[str, str]]) -> list[dict[str, str]]:
    """One list object per distinct citation: rows citing the same report share it (a million rows, a few lists)."""
    key = tuple(tuple(source.values()) for source in sources)
    if len(_SHARED_SOURCES) > 100_000:
        _SHARED_SOURCES.clear()
    return _SHARED_SOURCES.setdefault(key, sources)


def _counts(cells: Cells) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for kind in COUNT_KINDS:
        value, at_least = cells.count(kind)
        record[kind], record[f"{kind}_at_least"] = value, at_least
    detail = cells.text("counts_detail")
    sums, messages = detail_sums(detail)
    for message in messages:
        cells.fail("counts_detail", message)
    for kind, total in sums.items():
        if record[kind] is not None and record[kind] != total:
            cells.fail(kind, f"{kind} total {record[kind]} differs from the sum by side ({total})")
    record["counts_detail"] = detail
    return record


def _common(cells: Cells, context: Context, seen: set[str]) -> dict[str, Any] | None:
    record_id = _check_id(cells, seen, context)
    location = _location(cells, context)
    sources = _sources(cells, context)
    if location is None:
        return None
    return {"id": record_id, **location, "summary": cells.text("summary"), "sources": sources}


def _span(cells: Cells, context: Context, start_column: str, start_words: str) -> tuple[Any, Any]:
    """A record's first and last day, the last checked against the first."""
    start = cells.date(start_column, True, EARLIEST_DATE, context.today)
    end = cells.date("end_date", False, EARLIEST_DATE, context.today)
    if start and end and end < start:
        cells.fail("end_date", f"end date {end} is before {start_words} {start}")
    return start, end


def _incident(cells: Cells, context: Context, seen: set[str]) -> dict[str, Any] | None:
    record = _common(cells, context, seen)
    start, end = _span(cells, context, "date", "the date")
    event_type = cells.choice("event_type", EVENT_TYPES)
    sub_type = cells.choice("sub_event_type", EVENT_TYPES[event_type]) if event_type else None
    fields = {
        "date": start,
        "end_date": end,
        "date_precision": cells.choice("date_precision", DATE_PRECISIONS, "day"),
        "event_type": event_type,
        "sub_event_type": sub_type,
        "actor1": cells.text("actor1"),
        "actor2": cells.text("actor2"),
        **_counts(cells),
        "related": cells.text("related"),
    }
    return {**record, **fields} if record and start else None


def _deployment(cells: Cells, context: Context, seen: set[str]) -> dict[str, Any] | None:
    record = _common(cells, context, seen)
    start, end = _span(cells, context, "start_date", "the start date")
    strength, at_least = cells.count("strength")
    fields = {
        "date": start,
        "end_date": end,
        "force": cells.required("force"),
        "unit": cells.text("unit"),
        "nations": cells.text("nations"),
        "strength": strength,
        "strength_at_least": at_least,
        "kind": cells.choice("kind", DEPLOYMENT_KINDS),
        # Links between rows are checked against the other rows (geo/deployments.py, geo/duplicates.py).
        "part_of": cells.text("part_of"),
        "related": cells.text("related"),
    }
    return {**record, **fields} if record and start else None


_PARSERS: dict[Layer, Callable[[Cells, Context, set[str]], dict[str, Any] | None]] = {
    "incident": _incident,
    "deployment": _deployment,
}


def _number(row: dict[str, str], column: str, low: float, high: float) -> float:
    value = row.get(column)
    number = check_number(value.strip(), low, high)[0] if isinstance(value, str) else None
    return np.nan if number is None else number


def _locate_all(rows: Sequence[dict[str, str]], context: Context) -> tuple[np.ndarray, np.ndarray]:
    """Every row's municipality in one vectorised pass (per-row look-ups dominate large files)."""
    lats = np.fromiter((_number(r, "lat", -90, 90) for r in rows), dtype=float, count=len(rows))
    lons = np.fromiter((_number(r, "lon", -180, 180) for r in rows), dtype=float, count=len(rows))
    return locate(context.municipalities, lons, lats)


def parse_rows(
    rows: Sequence[dict[str, str]], name: str, layer: Layer, context: Context
) -> tuple[pd.DataFrame, list[Problem]]:
    """Check rows of one layer; return the valid records as a frame and every problem (none is dropped)."""
    frame, problems, _ = numbered_rows(rows, name, layer, context)
    return frame, problems


def numbered_rows(
    rows: Sequence[dict[str, str]], name: str, layer: Layer, context: Context
) -> tuple[pd.DataFrame, list[Problem], np.ndarray]:
    """parse_rows, and the row number of each record."""
    numbers: list[int] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    records: list[dict[str, Any]] = []
    frames: list[pd.DataFrame] = []
    located, swapped = _locate_all(rows, context)
    for number, row in enumerate(rows):
        before = len(problems)
        cells = Cells(row, name, problems, located[number], swapped[number])
        record = _PARSERS[layer](cells, context, seen)
        if record is not None and len(problems) == before:
            records.append(record)
            numbers.append(cells.row)
        if len(records) == _CHUNK:  # records as dicts cost ~1 kB each: turn them into columns as we go
            frames.append(to_frame(records, layer))
            records = []
    if records or not frames:
        frames.append(to_frame(records, layer))
    frame = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    return frame, problems, np.array(numbers, dtype=np.int64)
