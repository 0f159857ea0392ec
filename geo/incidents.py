"""Load and validate incidents and deployments: one loader, one set of checks.

The same checks serve the shipped data, `kosovo-map validate` and the app's
upload, so bad data never reaches the map silently. Every problem names its
file, row and column. Rows are numbered as a spreadsheet shows them (the
header is row 1) and GeoJSON features from 1.
"""

from __future__ import annotations

import csv
import itertools
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.boundaries import NEAR_BOUNDARY_DEGREES, Municipalities, municipality_id
from geo.gazetteer import Gazetteer, Place
from geo.schema import (
    COUNT_KINDS,
    DATE_PRECISIONS,
    DEPLOYMENT_KINDS,
    EVENT_TYPES,
    LOCATION_PRECISIONS,
    Layer,
)

__all__ = [
    "MAX_PROBLEMS",
    "Context",
    "DataError",
    "Problem",
    "Source",
    "detect_layer",
    "parse_rows",
    "read_rows",
    "read_sources",
]

MAX_PROBLEMS = 200
_CHUNK = 50_000
EARLIEST_DATE = date(1990, 1, 1)
_COUNT = re.compile(r"^(\d{1,7})(\+?)$")
_DETAIL = re.compile(r"^(?P<kind>[a-z]+):(?P<side>[^=;]*)=(?P<count>\d{1,7})(?P<plus>\+?)$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$")


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one cell (or the whole file when row is 0)."""

    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}:{self.column}: {self.message}"


class DataError(ValueError):
    """Raised when data cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n".join(str(p) for p in problems[:20])
        more = f"\n… and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(shown + more)


@dataclass(frozen=True)
class Source:
    """Where a fact comes from."""

    id: str
    publisher: str
    title: str
    date: str
    url: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"publisher": self.publisher, "title": self.title, "date": self.date, "url": self.url}


@dataclass(frozen=True)
class Context:
    """What a row is checked against: places, municipalities, known sources and ids."""

    gazetteer: Gazetteer
    municipalities: Municipalities
    sources: Mapping[str, Source]
    taken_ids: frozenset[str] = frozenset()
    today: date = field(default_factory=date.today)


# --- reading files ---------------------------------------------------------------


def read_rows(name: str, content: bytes) -> tuple[Sequence[dict[str, str]], list[Problem]]:
    """Rows of a CSV or GeoJSON file as text cells; GeoJSON points become lat/lon.

    A CSV is read line by line from its bytes, never decoded whole: a file of a
    million rows would otherwise sit in memory twice (bytes, and text at up to 4
    bytes a character).
    """
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):  # what spreadsheets call "Unicode text"
        return [], [Problem(name, 0, "-", "not UTF-8 text (UTF-16); save the file as UTF-8")]
    if b"\x00" in content:
        return [], [Problem(name, 0, "-", "binary data, not a CSV or GeoJSON text file")]
    start = content[:1024].lstrip()
    if name.lower().endswith((".geojson", ".json")) or start.startswith((b"{", _BOM + b"{")):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            return [], [Problem(name, 0, "-", f"not UTF-8 text (byte {error.start}); save the file as UTF-8")]
        return _geojson_rows(name, text.lstrip())
    return _csv_rows(name, content)


_BOM = b"\xef\xbb\xbf"


class _CsvRows(Sequence[dict[str, str]]):
    """A CSV's data rows as dicts made while reading: a million rows never sit in memory at once.

    The file is parsed again on each pass (a pass over a million rows takes a few
    seconds); only the numbers of the rows to skip are kept.
    """

    def __init__(self, content: bytes, header: list[str], count: int, skipped: frozenset[int]) -> None:
        self._content, self._header, self._count, self._skipped = content, header, count, skipped

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[dict[str, str]]:
        reader = csv.reader(_lines(self._content))
        next(reader, None)
        for number, record in enumerate(reader, start=2):
            if number not in self._skipped:
                yield {"_row": str(number), **dict(zip(self._header, (c.strip() for c in record), strict=False))}

    def __getitem__(self, index: int) -> dict[str, str]:  # type: ignore[override]
        if not 0 <= index < self._count:
            raise IndexError(index)
        return next(itertools.islice(iter(self), index, None))


class _NotUtf8(ValueError):
    def __init__(self, line: int) -> None:
        super().__init__(f"not UTF-8 text (line {line}); save the file as UTF-8")
        self.line = line


def _lines(content: bytes) -> Iterator[str]:
    """The file's lines decoded one at a time (raises _NotUtf8 naming the line)."""
    start = len(_BOM) if content.startswith(_BOM) else 0
    number = 0
    while start < len(content):
        end = content.find(b"\n", start)
        end = len(content) if end < 0 else end + 1
        number += 1
        try:
            yield content[start:end].decode("utf-8")
        except UnicodeDecodeError:
            raise _NotUtf8(number) from None
        start = end


def _csv_rows(name: str, content: bytes) -> tuple[Sequence[dict[str, str]], list[Problem]]:
    reader = csv.reader(_lines(content))
    problems: list[Problem] = []
    skipped: set[int] = set()
    count = 0
    try:
        header = [h.strip() for h in next(reader, [])]
        for number, record in enumerate(reader, start=2):
            if not any(cell.strip() for cell in record):
                skipped.add(number)
            elif len(record) > len(header):
                problems.append(Problem(name, number, "-", f"{len(record)} cells but the header has {len(header)}"))
                skipped.add(number)
            else:
                count += 1
    except _NotUtf8 as error:
        return [], [Problem(name, error.line, "-", str(error))]
    except csv.Error as error:
        return [], [Problem(name, reader.line_num, "-", f"malformed CSV: {error}")]
    if not any(header):
        return [], [Problem(name, 1, "-", "empty file: expected a header row")]
    problems[:0] = [Problem(name, 1, "-", f"duplicate column {h!r}") for h in _duplicates(header)]
    return _CsvRows(content, header, count, frozenset(skipped)), problems


def _geojson_rows(name: str, text: str) -> tuple[list[dict[str, str]], list[Problem]]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        return [], [Problem(name, error.lineno, "-", f"malformed JSON: {error.msg}")]
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list):
        return [], [Problem(name, 0, "-", "not a GeoJSON FeatureCollection")]
    rows, problems = [], []
    for number, feature in enumerate(features, start=1):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(properties, dict):
            problems.append(Problem(name, number, "-", "feature without properties"))
            continue
        row = {k: "" if v is None else str(v) for k, v in properties.items() if not isinstance(v, (dict, list))}
        geometry = feature.get("geometry")
        if isinstance(geometry, dict) and geometry.get("type") == "Point":
            coordinates = geometry.get("coordinates") or []
            if len(coordinates) >= 2:
                row["lon"], row["lat"] = str(coordinates[0]), str(coordinates[1])
        elif geometry is not None:
            problems.append(Problem(name, number, "geometry", "only Point geometries are supported"))
            continue
        rows.append({"_row": str(number), **row})
    return rows, problems


def _duplicates(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    return [i for i in items if i in seen or seen.add(i)]  # type: ignore[func-returns-value]


def detect_layer(rows: list[dict[str, str]]) -> Layer | None:
    """Incident or deployment, told by the columns a file has."""
    columns = set(rows[0]) if rows else set()
    if "event_type" in columns:
        return "incident"
    if {"kind", "force"} & columns:
        return "deployment"
    return None


def read_sources(name: str, content: bytes) -> tuple[dict[str, Source], list[Problem]]:
    """The sources table (data/sources.csv)."""
    rows, problems = read_rows(name, content)
    sources: dict[str, Source] = {}
    for row in rows:
        cells = _Cells(row, name, problems)
        source_id = cells.required("id")
        if source_id and source_id in sources:
            cells.fail("id", f"duplicate source id {source_id!r}")
        publisher, title = cells.required("publisher"), cells.required("title")
        when = cells.date("date", required=False, earliest=EARLIEST_DATE, latest=date.today())
        url = cells.url("url")
        if source_id and publisher and title:
            sources[source_id] = Source(source_id, publisher, title, when.isoformat() if when else "", url)
    return sources, problems


# --- checking cells --------------------------------------------------------------


@dataclass
class _Cells:
    """One row's cells with typed accessors that record problems instead of raising."""

    values: dict[str, str]
    file: str
    problems: list[Problem]
    # The row's point's municipality, found for all rows at once (None: outside Kosovo or no point).
    located: str | None = None

    @property
    def row(self) -> int:
        return int(self.values.get("_row", "0"))

    def text(self, column: str) -> str:
        return self.values.get(column, "").strip()

    def fail(self, column: str, message: str) -> None:
        self.problems.append(Problem(self.file, self.row, column, message))

    def required(self, column: str) -> str:
        value = self.text(column)
        if not value:
            self.fail(column, "missing value")
        return value

    def date(self, column: str, required: bool, earliest: date, latest: date) -> date | None:
        value = self.text(column)
        if not value:
            if required:
                self.fail(column, "missing date (use YYYY-MM-DD)")
            return None
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            self.fail(column, f"bad date {value!r} (use YYYY-MM-DD, a real calendar day)")
            return None
        if not earliest <= parsed <= latest:
            self.fail(column, f"date {value} is outside {earliest} … {latest}")
            return None
        return parsed

    def choice(self, column: str, options: Iterable[str], default: str | None = None) -> str | None:
        value = self.text(column) or default
        if value is None:
            self.fail(column, "missing value")
            return None
        if value not in options:
            self.fail(column, f"unknown value {value!r}; expected one of: {', '.join(options)}")
            return None
        return value

    def count(self, column: str) -> tuple[int | None, bool]:
        value = self.text(column)
        if not value:
            return None, False
        match = _COUNT.match(value)
        if not match:
            self.fail(column, f"bad count {value!r} (a whole number, '+' for 'at least')")
            return None, False
        return int(match.group(1)), bool(match.group(2))

    def number(self, column: str, low: float, high: float) -> float | None:
        value = self.text(column)
        if not value:
            return None
        try:
            number = float(value)
        except ValueError:
            self.fail(column, f"not a number: {value!r}")
            return None
        if not math.isfinite(number) or not low <= number <= high:
            self.fail(column, f"{value} is outside the world ({low} … {high})")
            return None
        return number

    def url(self, column: str) -> str:
        value = self.text(column)
        if value and not re.match(r"^https?://[^\s<>\"']+$", value):
            self.fail(column, f"not an http(s) URL: {value!r}")
            return ""
        return value


# --- rows to records -------------------------------------------------------------


def _check_id(cells: _Cells, seen: set[str], context: Context) -> str:
    record_id = cells.required("id")
    if record_id and not _ID.match(record_id):
        cells.fail("id", f"bad id {record_id!r} (letters, digits, '-', '_', '.', ':')")
    elif record_id in seen or record_id in context.taken_ids:
        cells.fail("id", f"duplicate id {record_id!r}")
    seen.add(record_id)
    return record_id


def _place(cells: _Cells, context: Context) -> tuple[Place | None, str]:
    """The row's place, and the other places its name may mean (`;`-separated ids), for the user to pick."""
    place_id, name = cells.text("place_id"), cells.text("place")
    if place_id:
        place = context.gazetteer.get(place_id)
        if place is None:
            cells.fail("place_id", f"unknown place id {place_id!r}")
        return place, ""
    if name:
        # The row's municipality decides between places of one name (Banjska in Zvečan or in Vushtrri).
        result = context.gazetteer.geocode(name, context=cells.text("municipality"))
        if result is None:
            cells.fail("place", f"unknown place {name!r}: not in the gazetteer; give lat/lon instead")
            return None, ""
        return result.place, result.alternative_ids()
    return None, ""


def _stated_municipality(cells: _Cells, context: Context, place: Place | None) -> str:
    stated = cells.text("municipality")
    if not stated:
        return place.municipality if place else ""
    if stated in context.municipalities:
        return stated
    candidate = municipality_id(stated)
    if candidate in context.municipalities:
        return candidate
    result = context.gazetteer.geocode(stated)
    if result and result.place.kind == "municipality":
        return result.place.id
    cells.fail("municipality", f"unknown municipality {stated!r}")
    return ""


def _location(cells: _Cells, context: Context) -> dict[str, Any] | None:
    place, alternatives = _place(cells, context)
    lat, lon = cells.number("lat", -90, 90), cells.number("lon", -180, 180)
    if (cells.text("lat") == "") != (cells.text("lon") == ""):
        cells.fail("lat" if not cells.text("lat") else "lon", "give both lat and lon, or neither")
        return None
    has_point = lat is not None and lon is not None
    if not has_point and place is None:
        if not any(cells.text(c) for c in ("place_id", "place", "lat", "lon")):
            cells.fail("place_id", "no location: give place_id, place (a name) or lat/lon")
        return None
    if not has_point:
        assert place is not None
        lat, lon = place.lat, place.lon
    assert lat is not None and lon is not None
    municipality = _stated_municipality(cells, context, place)
    located = cells.located if has_point else (place.municipality or None if place else None)
    outside = has_point and municipality and located != municipality
    if outside and context.municipalities.distance_to(municipality, lon, lat) > NEAR_BOUNDARY_DEGREES:
        where = context.municipalities.name(located) if located else "outside Kosovo"
        cells.fail(
            "lat",
            f"point {lat}, {lon} is outside its stated municipality "
            f"{context.municipalities.name(municipality)} (it is in {where})",
        )
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


def _sources(cells: _Cells, context: Context) -> list[dict[str, str]]:
    ids = [i.strip() for i in cells.text("source_ids").split(";") if i.strip()]
    found = []
    for source_id in ids:
        source = context.sources.get(source_id)
        if source is None:
            cells.fail("source_ids", f"unknown source id {source_id!r}")
        else:
            found.append(source.as_dict())
    publisher, title = cells.text("source_publisher"), cells.text("source_title")
    if publisher or title:
        if not (publisher and title):
            cells.fail("source_title" if publisher else "source_publisher", "a source needs publisher and title")
        when = cells.date("source_date", False, EARLIEST_DATE, context.today)
        url = cells.url("source_url")
        found.append({"publisher": publisher, "title": title, "date": when.isoformat() if when else "", "url": url})
    if not ids and not (publisher or title):
        cells.fail("source_ids", "missing source: give source_ids or source_publisher and source_title")
    return _shared(found)


_SHARED_SOURCES: dict[tuple[tuple[str, ...], ...], list[dict[str, str]]] = {}


def _shared(sources: list[dict[str, str]]) -> list[dict[str, str]]:
    """One list object per distinct citation: rows citing the same report share it (a million rows, a few lists)."""
    key = tuple(tuple(source.values()) for source in sources)
    if len(_SHARED_SOURCES) > 100_000:
        _SHARED_SOURCES.clear()
    return _SHARED_SOURCES.setdefault(key, sources)


def _counts(cells: _Cells) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for kind in COUNT_KINDS:
        value, at_least = cells.count(kind)
        record[kind], record[f"{kind}_at_least"] = value, at_least
    detail = cells.text("counts_detail")
    sums: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in detail.split(";"))):
        match = _DETAIL.match(part)
        if not match or match["kind"] not in COUNT_KINDS:
            cells.fail("counts_detail", f"bad entry {part!r} (use kind:side=N, kind one of {', '.join(COUNT_KINDS)})")
            continue
        sums[match["kind"]] = sums.get(match["kind"], 0) + int(match["count"])
    for kind, total in sums.items():
        if record[kind] is not None and record[kind] != total:
            cells.fail(kind, f"{kind} total {record[kind]} differs from the sum by side ({total})")
    record["counts_detail"] = detail
    return record


def _common(cells: _Cells, context: Context, seen: set[str]) -> dict[str, Any] | None:
    record_id = _check_id(cells, seen, context)
    location = _location(cells, context)
    sources = _sources(cells, context)
    if location is None:
        return None
    return {"id": record_id, **location, "summary": cells.text("summary"), "sources": sources}


def _incident(cells: _Cells, context: Context, seen: set[str]) -> dict[str, Any] | None:
    record = _common(cells, context, seen)
    start = cells.date("date", True, EARLIEST_DATE, context.today)
    end = cells.date("end_date", False, EARLIEST_DATE, context.today)
    if start and end and end < start:
        cells.fail("end_date", f"end date {end} is before the date {start}")
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


def _deployment(cells: _Cells, context: Context, seen: set[str]) -> dict[str, Any] | None:
    record = _common(cells, context, seen)
    start = cells.date("start_date", True, EARLIEST_DATE, context.today)
    end = cells.date("end_date", False, EARLIEST_DATE, context.today)
    if start and end and end < start:
        cells.fail("end_date", f"end date {end} is before the start date {start}")
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


_PARSERS: dict[Layer, Callable[[_Cells, Context, set[str]], dict[str, Any] | None]] = {
    "incident": _incident,
    "deployment": _deployment,
}


def _locate_all(rows: Sequence[dict[str, str]], context: Context) -> list[str | None]:
    """The municipality of every row's lat/lon in one vectorised pass (per-row look-ups dominate large files)."""
    cells = [(r.get("lon", ""), r.get("lat", "")) for r in rows]
    lons = pd.to_numeric(pd.Series([c[0] for c in cells], dtype=object), errors="coerce").to_numpy(float)
    lats = pd.to_numeric(pd.Series([c[1] for c in cells], dtype=object), errors="coerce").to_numpy(float)
    del cells
    found = list(context.municipalities.locate_many(lons, lats)) if rows else []
    west, south, east, north = context.municipalities.frame.total_bounds
    near = (lons >= west) & (lons <= east) & (lats >= south) & (lats <= north)
    for i in np.flatnonzero(near):  # a point on a border lies in no polygon's interior
        if found[i] is None:
            found[i] = context.municipalities.locate(lons[i], lats[i])
    return found


def parse_rows(
    rows: Sequence[dict[str, str]], name: str, layer: Layer, context: Context
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Check rows of one layer; return the valid records as a GeoDataFrame and all problems."""
    problems: list[Problem] = []
    seen: set[str] = set()
    records: list[dict[str, Any]] = []
    frames: list[gpd.GeoDataFrame] = []
    located = _locate_all(rows, context)
    for number, row in enumerate(rows):
        before = len(problems)
        record = _PARSERS[layer](_Cells(row, name, problems, located[number]), context, seen)
        if record is not None and len(problems) == before:
            records.append(record)
        if len(records) == _CHUNK:  # records as dicts cost ~1 kB each: turn them into columns as we go
            frames.append(to_frame(records, layer))
            records = []
        if len(problems) >= MAX_PROBLEMS:
            problems.append(Problem(name, 0, "-", f"stopped after {MAX_PROBLEMS} problems"))
            break
    if records or not frames:
        frames.append(to_frame(records, layer))
    frame = frames[0] if len(frames) == 1 else gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), crs=4326)
    return frame, problems


def to_frame(records: list[dict[str, Any]], layer: Layer) -> gpd.GeoDataFrame:
    """Records to a GeoDataFrame of points (EPSG:4326), dates as datetime64."""
    frame = pd.DataFrame.from_records(records)
    if frame.empty:
        frame = pd.DataFrame(columns=["id", "date", "end_date", "lat", "lon"])
    frame["layer"] = layer
    for column in ("date", "end_date"):
        frame[column] = pd.to_datetime(frame[column])
    geometry = gpd.points_from_xy(frame["lon"].astype(float), frame["lat"].astype(float))
    return gpd.GeoDataFrame(frame, geometry=geometry, crs=4326)
