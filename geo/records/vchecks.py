"""The columnar loader's checks: the row loader's checks (geo.records.rows), made column by column.

Every check reports at the rank its counterpart has in the row loader, so
that, sorted by row and rank, the problems come out in the very order the row
loader finds them. Distinct values go through the shared checks of
geo.records.cells and geo.records.outcomes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import shapely

from geo.gazetteer import Place
from geo.records.cells import check_choice, check_count, check_date, check_id, detail_sums
from geo.records.context import EARLIEST_DATE, Context
from geo.records.location import NEAR_BOUNDARY_DEGREES, locate, outside_message, swapped_message
from geo.records.outcomes import municipality_outcome, place_outcome, sources_outcome
from geo.records.rows import shared_sources
from geo.records.vector import Coded, Columns, Report, Spread, combine, groups
from geo.schema import COUNT_KINDS, DATE_PRECISIONS, DEPLOYMENT_KINDS, EVENT_TYPES, LOCATION_PRECISIONS

__all__ = ["Checked", "check_common", "check_deployments", "check_incidents"]

_ID = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$"
# Ranks: the order of the row loader's checks within one row.
ID, PLACE, LAT, LON, BOTH, NOWHERE, MUNICIPALITY, POINT, PRECISION, SOURCES = range(1, 11)
START, END, ORDER, TYPE, SUB_TYPE, DATE_PRECISION, COUNTS, DETAIL, TOTALS = range(11, 20)
STRENGTH, FORCE, KIND = 14, 15, 16


@dataclass
class Checked:
    """What the checks of one table found: its report and the values its records take."""

    columns: Columns
    report: Report
    values: dict[str, Any]


def _spread(
    report: Report,
    rank: int,
    inverse: np.ndarray,
    findings: Sequence[list[tuple[str, str]]],
    where: np.ndarray | None = None,
) -> None:
    """Each distinct value's findings reported at every row holding it (only rows in `where`, if given)."""
    bad = [code for code, found in enumerate(findings) if found]
    for code, rows in groups(inverse, bad):
        if where is not None:
            rows = rows[where[rows]]
        for sub, (column, message) in enumerate(findings[code]):
            report.add(rank, rows, column, message, sub)


def _choices(
    report: Report, rank: int, column: str, coded: Coded, options: Sequence[str], default: str | None
) -> list[str | None]:
    """Each distinct value's choice (None when wrong), the wrong ones reported."""
    outcomes = [check_choice(v, options, default) for v in coded.values]
    _spread(report, rank, coded.codes, [[(column, m)] if m else [] for _, m in outcomes])
    return [v for v, _ in outcomes]


def _choice(
    report: Report, rank: int, column: str, coded: Coded, options: Sequence[str], default: str | None
) -> Spread:
    return Spread(_choices(report, rank, column, coded, options, default), coded.codes)


def _ids(columns: Columns, report: Report, context: Context) -> pa.Array:
    ids = columns.text("id")
    empty = pc.equal(pc.utf8_length(ids), 0).to_numpy(zero_copy_only=False)
    well_formed = pc.match_substring_regex(ids, _ID).to_numpy(zero_copy_only=False)
    report.add(ID, empty, "id", "missing value")
    malformed = np.flatnonzero(~empty & ~well_formed)
    report.add(ID, malformed, "id", [check_id(v) or "" for v in ids.take(pa.array(malformed)).to_pylist()])
    # One dictionary for all the file's blocks, so that equal ids get equal codes: encoding the ids as one array
    # takes 0.1 s at a million rows, where unifying the blocks' dictionaries took 1.6 s.
    whole = ids.combine_chunks() if isinstance(ids, pa.ChunkedArray) else ids
    codes = pc.dictionary_encode(whole).indices.to_numpy(zero_copy_only=False)
    seen_before = codes <= np.concatenate([[-1], np.maximum.accumulate(codes)[:-1]])
    taken = pc.is_in(ids, value_set=pa.array(sorted(context.taken_ids), pa.string())).to_numpy(zero_copy_only=False)
    duplicate = np.flatnonzero(~empty & well_formed & (seen_before | taken))
    report.add(ID, duplicate, "id", [f"duplicate id {v!r}" for v in ids.take(pa.array(duplicate)).to_pylist()])
    return ids


def _per_row(values: Sequence[Any], codes: np.ndarray, dtype: Any = object) -> np.ndarray:
    """Values given per distinct combination, spread to every row by its code."""
    return np.array(values, dtype=dtype)[codes] if len(values) else np.zeros(len(codes), dtype=dtype)


def _places(columns: Columns, report: Report, context: Context) -> tuple[list[Place | None], list[str], np.ndarray]:
    """Each distinct (place_id, place, municipality)'s place and alternatives, and a code per row."""
    coded = [columns.coded(c) for c in ("place_id", "place", "municipality")]
    first, inverse = combine(*(c.codes for c in coded))
    outcomes = [place_outcome(*(c.values[c.codes[r]] for c in coded), context) for r in first]
    _spread(report, PLACE, inverse, [f for _, _, f in outcomes])
    return [p for p, _, _ in outcomes], [a for _, a, _ in outcomes], inverse


def _empty(texts: pa.Array) -> np.ndarray:
    return pc.equal(pc.utf8_length(texts), 0).to_numpy(zero_copy_only=False)


@dataclass
class _Point:
    lat: np.ndarray
    lon: np.ndarray
    has: np.ndarray
    usable: np.ndarray  # rows whose location goes on to the municipality and precision checks


def _point(columns: Columns, report: Report, places: np.ndarray) -> _Point:
    lat, bad_lat, lat_messages = columns.numbers("lat", -90, 90)
    lon, bad_lon, lon_messages = columns.numbers("lon", -180, 180)
    report.add(LAT, bad_lat, "lat", lat_messages)
    report.add(LON, bad_lon, "lon", lon_messages)
    no_lat, no_lon = columns.empty("lat"), columns.empty("lon")
    half = no_lat != no_lon
    report.add(BOTH, half & no_lat, "lat", "give both lat and lon, or neither")
    report.add(BOTH, half & ~no_lat, "lon", "give both lat and lon, or neither")
    has = ~np.isnan(lat) & ~np.isnan(lon)
    nowhere = ~half & ~has & (places == None)  # noqa: E711
    silent = no_lat & no_lon & columns.empty("place_id") & columns.empty("place")
    report.add(NOWHERE, nowhere & silent, "place_id", "no location: give place_id, place (a name) or lat/lon")
    return _Point(lat, lon, has, ~half & ~nowhere)


def _municipalities(
    columns: Columns,
    report: Report,
    context: Context,
    places: list[Place | None],
    place_codes: np.ndarray,
    usable: np.ndarray,
) -> np.ndarray:
    stated = columns.coded("municipality")
    first, inverse = combine(stated.codes, place_codes)
    outcomes = [municipality_outcome(stated.values[stated.codes[r]], places[place_codes[r]], context) for r in first]
    _spread(report, MUNICIPALITY, inverse, [f for _, f in outcomes], usable)
    return np.array([m for m, _ in outcomes], dtype=object)[inverse]


def _point_problems(report: Report, context: Context, point: _Point, municipality: np.ndarray) -> np.ndarray:
    munis = context.municipalities
    lon, lat = np.where(point.has, point.lon, np.nan), np.where(point.has, point.lat, np.nan)
    located, swapped = locate(munis, lon, lat)
    checked = point.has & point.usable
    turned = np.flatnonzero(checked & (located == None) & (swapped != None))  # noqa: E711
    report.add(
        POINT, turned, "lat", [swapped_message(float(lat[i]), float(lon[i]), munis.name(swapped[i])) for i in turned]
    )
    away = checked & (municipality != "") & (located != municipality)
    away[turned] = False
    far: list[int] = []
    for stated in set(municipality[away].tolist()):
        rows = np.flatnonzero(away & (municipality == stated))
        distance = shapely.distance(munis.frame.geometry[stated], shapely.points(lon[rows], lat[rows]))
        far += rows[distance > NEAR_BOUNDARY_DEGREES].tolist()
    far.sort()
    messages = [
        outside_message(
            float(lat[i]),
            float(lon[i]),
            munis.name(municipality[i]),
            munis.name(located[i]) if located[i] else "outside Kosovo",
        )
        for i in far
    ]
    report.add(POINT, np.array(far, dtype=np.int64), "lat", messages)
    return located


def _precision(
    columns: Columns, report: Report, places: list[Place | None], place_codes: np.ndarray, point: _Point
) -> Spread:
    """location_precision, whose default is the place's precision when the row gives no point."""
    defaults = sorted({p.precision for p in places if p} | {"point"})
    of_place = np.array([defaults.index(p.precision) if p else 0 for p in places], dtype=np.int64)
    default_codes = np.where(point.has, defaults.index("point"), of_place[place_codes] if len(places) else 0)
    precision = columns.coded("location_precision")
    first, inverse = combine(precision.codes, default_codes)
    outcomes = [
        check_choice(precision.values[precision.codes[r]], LOCATION_PRECISIONS, defaults[default_codes[r]])
        for r in first
    ]
    _spread(report, PRECISION, inverse, [[("location_precision", m)] if m else [] for _, m in outcomes], point.usable)
    return Spread([v for v, _ in outcomes], inverse)


def _sources(columns: Columns, report: Report, context: Context) -> np.ndarray:
    names = ("source_ids", "source_publisher", "source_title", "source_date", "source_url", "sources")
    coded = [columns.coded(n) for n in names]
    first, inverse = combine(*(c.codes for c in coded))
    outcomes = []
    for r in first:
        ids, *inline, listed = (c.values[c.codes[r]] for c in coded)
        found, findings = sources_outcome(ids, tuple(inline), context, context.today, listed)  # type: ignore[arg-type]
        outcomes.append((shared_sources(found), findings))
    _spread(report, SOURCES, inverse, [f for _, f in outcomes])
    lists = np.empty(len(outcomes), dtype=object)
    for code, (found, _) in enumerate(outcomes):
        lists[code] = found
    return lists[inverse]


def check_common(columns: Columns, report: Report, context: Context) -> dict[str, Any]:
    """Id, location and sources: the checks every layer shares (the row loader's _common)."""
    ids = _ids(columns, report, context)
    places, alternatives, place_codes = _places(columns, report, context)
    place_of = _per_row(places, place_codes)
    point = _point(columns, report, place_of)
    municipality = _municipalities(columns, report, context, places, place_codes, point.usable)
    located = _point_problems(report, context, point, municipality)
    precision = _precision(columns, report, places, place_codes, point)
    sources = _sources(columns, report, context)
    place_lat = _per_row([p.lat if p else np.nan for p in places], place_codes, float)
    place_lon = _per_row([p.lon if p else np.nan for p in places], place_codes, float)
    in_area = _per_row([p.in_area if p else False for p in places], place_codes, bool)
    has_place = place_of != None  # noqa: E711
    return {
        "id": ids,
        "place_id": Spread([p.id if p else "" for p in places], place_codes),
        "place_name": Spread([p.name_en if p else "" for p in places], place_codes),
        "place_alternatives": Spread(alternatives, place_codes),
        "lat": np.where(point.has, point.lat, place_lat),
        "lon": np.where(point.has, point.lon, place_lon),
        "location_precision": precision,
        "municipality": np.where(
            municipality != "",
            municipality,
            np.where(point.has & (located != None), located, ""),  # noqa: E711
        ),
        "in_area": np.where(has_place, in_area, located != None),  # noqa: E711
        "summary": columns.text("summary"),
        "sources": sources,
    }


def _dates(columns: Columns, report: Report, rank: int, column: str, required: bool, context: Context) -> np.ndarray:
    coded = columns.coded(column)
    outcomes = [check_date(v, required, EARLIEST_DATE, context.today) for v in coded.values]
    _spread(report, rank, coded.codes, [[(column, m)] if m else [] for _, m in outcomes])
    days = np.array(
        [np.datetime64(d, "D") if d else np.datetime64("NaT", "D") for d, _ in outcomes] or [np.datetime64("NaT", "D")]
    )
    return days[coded.codes]


def _window(
    columns: Columns, report: Report, context: Context, start_column: str, what: str
) -> tuple[np.ndarray, np.ndarray]:
    start = _dates(columns, report, START, start_column, True, context)
    end = _dates(columns, report, END, "end_date", False, context)
    backwards = np.flatnonzero(~np.isnat(start) & ~np.isnat(end) & (end < start))
    report.add(ORDER, backwards, "end_date", [f"end date {end[i]} is before the {what} {start[i]}" for i in backwards])
    return start, end


def _count(columns: Columns, report: Report, rank: int, kind: str, sub: int = 0) -> tuple[np.ndarray, np.ndarray]:
    coded = columns.coded(kind)
    outcomes = [check_count(v) for v in coded.values]
    bad = [code for code, (_, m) in enumerate(outcomes) if m]
    for code, rows in groups(coded.codes, bad):
        report.add(rank, rows, kind, outcomes[code][1] or "", sub)
    values = np.array([np.nan if c is None else float(c) for (c, _), _ in outcomes], dtype=float)
    flags = np.array([f for (_, f), _ in outcomes], dtype=bool)
    return values[coded.codes], flags[coded.codes]


def _details(columns: Columns, report: Report, counts: dict[str, np.ndarray]) -> pa.Array:
    coded = columns.coded("counts_detail")
    outcomes = [detail_sums(v) for v in coded.values]
    _spread(report, DETAIL, coded.codes, [[("counts_detail", m) for m in messages] for _, messages in outcomes])
    summed = [code for code, (sums, _) in enumerate(outcomes) if sums]
    for code, rows in groups(coded.codes, summed):
        for sub, (kind, total) in enumerate(outcomes[code][0].items()):
            value = counts[kind][rows]
            wrong = rows[~np.isnan(value) & (value != total)]
            report.add(
                TOTALS,
                wrong,
                kind,
                [f"{kind} total {int(counts[kind][i])} differs from the sum by side ({total})" for i in wrong],
                sub,
            )
    return coded.take(np.arange(len(coded.codes)))


def _sub_types(columns: Columns, report: Report, types: list[str | None], type_codes: np.ndarray) -> np.ndarray:
    """sub_event_type, checked against its event type's list when the event type is known."""
    sub_type = columns.coded("sub_event_type")
    first, inverse = combine(type_codes, sub_type.codes)
    outcomes = []
    for r in first:
        kind = types[type_codes[r]]
        value = sub_type.values[sub_type.codes[r]]
        outcomes.append(check_choice(value, EVENT_TYPES[kind]) if kind else (None, None))
    _spread(report, SUB_TYPE, inverse, [[("sub_event_type", m)] if m else [] for _, m in outcomes])
    return Spread([v for v, _ in outcomes], inverse)


def check_incidents(columns: Columns, report: Report, context: Context) -> dict[str, Any]:
    """The incident checks (the row loader's _incident) and the values of the records."""
    values = check_common(columns, report, context)
    start, end = _window(columns, report, context, "date", "date")
    types = columns.coded("event_type")
    chosen = _choices(report, TYPE, "event_type", types, list(EVENT_TYPES), None)
    event_type = Spread(chosen, types.codes)
    sub_type = _sub_types(
        columns,
        report,
        [*EVENT_TYPES, None],
        np.array([[*EVENT_TYPES, None].index(t) for t in chosen], dtype=np.int64)[types.codes],
    )
    precision = _choice(
        report, DATE_PRECISION, "date_precision", columns.coded("date_precision"), DATE_PRECISIONS, "day"
    )
    counts: dict[str, np.ndarray] = {}
    for sub, kind in enumerate(COUNT_KINDS):
        counts[kind], values[f"{kind}_at_least"] = _count(columns, report, COUNTS, kind, sub)
        values[kind] = counts[kind]
    detail = _details(columns, report, counts)
    return {
        **values,
        "date": start,
        "end_date": end,
        "date_precision": precision,
        "event_type": event_type,
        "sub_event_type": sub_type,
        "actor1": columns.text("actor1"),
        "actor2": columns.text("actor2"),
        "counts_detail": detail,
        "related": columns.text("related"),
    }


def check_deployments(columns: Columns, report: Report, context: Context) -> dict[str, Any]:
    """The deployment checks (the row loader's _deployment) and the values of the records."""
    values = check_common(columns, report, context)
    start, end = _window(columns, report, context, "start_date", "start date")
    strength, at_least = _count(columns, report, STRENGTH, "strength")
    force = columns.text("force")
    report.add(FORCE, _empty(force), "force", "missing value")
    kind = _choice(report, KIND, "kind", columns.coded("kind"), DEPLOYMENT_KINDS, None)
    return {
        **values,
        "date": start,
        "end_date": end,
        "force": force,
        "unit": columns.text("unit"),
        "nations": columns.text("nations"),
        "strength": strength,
        "strength_at_least": at_least,
        "kind": kind,
        "part_of": columns.text("part_of"),
        "related": columns.text("related"),
    }


CHECKS: dict[str, Callable[[Columns, Report, Context], dict[str, Any]]] = {
    "incident": check_incidents,
    "deployment": check_deployments,
}
