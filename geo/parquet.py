"""GeoParquet (1.x) and plain Parquet files in: columns as the loaders read them, Point geometries as lat/lon.

A GeoParquet file's primary geometry column gives each row's point (WKB, or
GeoArrow's "point" encoding); rows are numbered from 1. Typed columns are
read as the text a CSV would hold: dates as YYYY-MM-DD, whole numbers as
digits, a count with its `<kind>_at_least` flag as "52+", and a `sources`
list of {publisher, title, date, url} as JSON. So the same checks apply,
with the same messages, as for any other file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import shapely

from geo.records.problems import Problem
from geo.records.table import RowList, Rows
from geo.schema import COUNT_KINDS, DEPLOYMENT_COLUMNS, INCIDENT_COLUMNS, INLINE_SOURCE_COLUMNS

__all__ = ["ParquetTable", "parquet_rows", "read_parquet"]

_KNOWN = frozenset((*INCIDENT_COLUMNS, *DEPLOYMENT_COLUMNS, *INLINE_SOURCE_COLUMNS, "place", "sources", "layer"))
_COUNTS = (*COUNT_KINDS, "strength")
_WGS84 = ("EPSG:4326", "OGC:CRS84", "WGS 84")
_SOURCE_FIELDS = ("publisher", "title", "date", "url")


@dataclass(frozen=True)
class ParquetTable:
    """A Parquet file's columns as text (or dictionary-encoded text), lat and lon as numbers, and what was wrong."""

    arrays: dict[str, pa.ChunkedArray | pa.Array]
    rows: int
    problems: list[Problem]
    readable: bool = True


def _refused(name: str, message: str) -> ParquetTable:
    return ParquetTable({}, 0, [Problem(name, 0, "-", message)], readable=False)


def _geo_metadata(name: str, schema: pa.Schema) -> tuple[dict[str, Any] | None, str | None]:
    """The primary geometry column's metadata (None for plain Parquet), or why the file is refused."""
    raw = (schema.metadata or {}).get(b"geo")
    if raw is None:
        return None, None
    try:
        geo = json.loads(raw)
        primary = geo["primary_column"]
        column = geo["columns"][primary]
    except (ValueError, KeyError, TypeError):
        return None, "its GeoParquet metadata cannot be read"
    version = str(geo.get("version", ""))
    if not version.startswith("1."):
        return None, f"GeoParquet version {version[:20]!r} is not supported; version 1.x is"
    crs = column.get("crs")
    if crs is not None and not _is_wgs84(crs):
        return None, "its coordinates are not in WGS 84 (EPSG:4326); reproject them first"
    if column.get("encoding") not in ("WKB", "point"):
        return None, f"geometry encoding {str(column.get('encoding'))[:20]!r} is not supported (WKB or point are)"
    return {"column": primary, **column}, None


def _is_wgs84(crs: Any) -> bool:
    if isinstance(crs, str):
        return any(name in crs for name in _WGS84)
    if isinstance(crs, dict):
        ident = crs.get("id") or {}
        code = f"{ident.get('authority')}:{ident.get('code')}"
        return code in ("EPSG:4326", "OGC:CRS84") or crs.get("name") in ("WGS 84", "WGS 84 (CRS84)")
    return False


def _points_from_wkb(array: pa.ChunkedArray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(lon, lat, not a point) from WKB; NaN where the geometry is missing or empty."""
    chunk = array.combine_chunks()
    lengths = pc.binary_length(chunk).to_numpy(zero_copy_only=False)
    if len(chunk) and chunk.null_count == 0 and (lengths == 21).all():
        raw = np.frombuffer(chunk.buffers()[2], dtype=np.uint8, count=21 * len(chunk), offset=chunk.offset * 21)
        raw = raw.reshape(-1, 21)
        if (raw[:, 0] == 1).all() and (raw[:, 1:5].view("<u4").ravel() == 1).all():
            xy = raw[:, 5:].copy().view("<f8")
            return xy[:, 0], xy[:, 1], np.zeros(len(chunk), dtype=bool)
    geometries = shapely.from_wkb(chunk.to_numpy(zero_copy_only=False), on_invalid="ignore")
    kinds = shapely.get_type_id(geometries)
    points = kinds == 0
    lon = np.where(points, shapely.get_x(geometries), np.nan)
    lat = np.where(points, shapely.get_y(geometries), np.nan)
    return lon, lat, (kinds > 0) | ((kinds < 0) & ~pc.is_null(chunk).to_numpy(zero_copy_only=False))


def _points(array: pa.ChunkedArray, encoding: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    if encoding == "point":
        chunk = array.combine_chunks()
        lon = pc.fill_null(pc.struct_field(chunk, "x"), np.nan).to_numpy(zero_copy_only=False)
        lat = pc.fill_null(pc.struct_field(chunk, "y"), np.nan).to_numpy(zero_copy_only=False)
        return lon.astype(float), lat.astype(float), np.zeros(len(chunk), dtype=bool)
    return _points_from_wkb(array)


def _format(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)


def _recoded(array: pa.ChunkedArray, format_value: Any = _format) -> pa.ChunkedArray:
    """A typed column as dictionary-encoded text: each distinct value formatted once."""
    encoded = pc.dictionary_encode(array.combine_chunks())
    values = pa.array([format_value(v) for v in encoded.dictionary.to_pylist()] + [""], pa.string())
    indices = pc.fill_null(encoded.indices, len(values) - 1)
    return pa.chunked_array([pa.DictionaryArray.from_arrays(indices, values)])


def _day(value: Any) -> str:
    """A timestamp at midnight as its day (YYYY-MM-DD); any other as its full time, which the date checks refuse."""
    if value is None:
        return ""
    return value.date().isoformat() if value.time() == value.time().min else str(value)


def _sources_text(value: Any) -> str:
    if not value:
        return ""
    listed = [
        {k: "" if s.get(k) is None else str(s.get(k)) for k in _SOURCE_FIELDS} for s in value if isinstance(s, dict)
    ]
    return json.dumps(listed, ensure_ascii=False)


def _sources_column(array: pa.ChunkedArray) -> pa.ChunkedArray:
    """A list of sources per row as JSON text, each distinct list turned into JSON once.

    Each field is dictionary-encoded, a source is the tuple of its field codes and a list the sequence of its
    sources' codes, all as integers: no text is built per row, only per distinct list.
    """
    lists = array.combine_chunks()
    values = lists.values
    if not len(lists):
        return pa.chunked_array([pa.array([], pa.string())])
    if not pa.types.is_struct(values.type) or not all(values.type.get_field_index(k) >= 0 for k in _SOURCE_FIELDS):
        return pa.chunked_array([pa.array([_sources_text(v) for v in lists.to_pylist()], pa.string())])
    fields = [pc.dictionary_encode(pc.cast(pc.struct_field(values, k), pa.string())) for k in _SOURCE_FIELDS]
    sources = np.zeros(len(values), dtype=np.int64)
    for field in fields:  # a null field is its own code, as _sources_text keeps it ("")
        codes = pc.fill_null(field.indices, len(field.dictionary)).to_numpy().astype(np.int64)
        sources = _dense(sources * (len(field.dictionary) + 1) + codes)
    # 0: past the list's end; 1: a null source (which _sources_text leaves out); 2 and up: a source
    element = np.where(pc.is_valid(values).to_numpy(zero_copy_only=False), sources + 2, 1)
    offsets = lists.offsets.to_numpy()
    lengths = np.where(pc.is_valid(lists).to_numpy(zero_copy_only=False), np.diff(offsets), 0)
    keys = np.zeros(len(lists), dtype=np.int64)
    for position in range(int(lengths.max(initial=0))):
        present = lengths > position
        at = np.where(present, offsets[:-1] + position, 0)
        keys = _dense(keys * (int(element.max(initial=1)) + 1) + np.where(present, element[at], 0))
    example = np.zeros(int(keys.max(initial=0)) + 1, dtype=np.int64)
    example[keys] = np.arange(len(keys))  # any row of a key will do: its list is the same
    texts = [_sources_text(value) for value in lists.take(pa.array(example)).to_pylist()]
    indices = pa.array(keys.astype(np.int32))
    return pa.chunked_array([pa.DictionaryArray.from_arrays(indices, pa.array(texts, pa.string()))])


def _dense(keys: np.ndarray) -> np.ndarray:
    """Integer keys renumbered 0, 1, 2 … (first seen first), so that combining two keeps within int64."""
    return pc.dictionary_encode(pa.array(keys)).indices.to_numpy().astype(np.int64)


def _text(name: str, column: str, array: pa.ChunkedArray, problems: list[Problem]) -> pa.ChunkedArray | None:
    kind = array.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        return array
    if pa.types.is_dictionary(kind) and pa.types.is_string(kind.value_type):
        return array
    if pa.types.is_timestamp(kind):
        return _recoded(array, _day)
    if pa.types.is_date(kind) or pa.types.is_integer(kind) or pa.types.is_floating(kind) or pa.types.is_boolean(kind):
        return _recoded(array)
    if pa.types.is_null(kind):  # an empty column: one blank value, coded for every row (no million-string list)
        blank = pa.DictionaryArray.from_arrays(pa.array(np.zeros(len(array), np.int32)), pa.array([""], pa.string()))
        return pa.chunked_array([blank])
    if column == "sources" and (pa.types.is_list(kind) or pa.types.is_large_list(kind)):
        return _sources_column(array)
    if column in _KNOWN:
        for row in np.flatnonzero(~pc.is_null(array).to_numpy(zero_copy_only=False)):
            problems.append(Problem(name, int(row) + 1, column, f"expected text or a number, not {kind}"))
    return None


def _with_flags(arrays: dict[str, Any], table: pa.Table) -> None:
    """A count column and its <kind>_at_least flag as one text column ("52+")."""
    for kind in _COUNTS:
        flag = f"{kind}_at_least"
        if kind not in table.column_names or flag not in table.column_names or pa.types.is_string(table[kind].type):
            continue
        encoded = pc.dictionary_encode(table[kind].combine_chunks())
        numbers = [*encoded.dictionary.to_pylist(), None]
        codes = pc.fill_null(encoded.indices, len(numbers) - 1).to_numpy().astype(np.int64)
        flags = pc.fill_null(table[flag].combine_chunks().cast(pa.bool_()), False).to_numpy(zero_copy_only=False)
        pairs = codes * 2 + flags
        present = np.flatnonzero(np.bincount(pairs, minlength=2 * len(numbers)))
        texts = pa.array([_count_text(numbers[k // 2], bool(k % 2)) for k in present.tolist()], pa.string())
        indices = pa.array(np.searchsorted(present, pairs).astype(np.int32))
        arrays[kind] = pa.chunked_array([pa.DictionaryArray.from_arrays(indices, texts)])


def _count_text(number: Any, at_least: bool) -> str:
    if number is None:
        return ""
    return _format(number) + ("+" if at_least else "")


def _read_table(source: bytes | str) -> pa.Table:
    """The file's table, text columns dictionary-encoded as Parquet stores them (ids, mostly distinct, plain)."""
    opened = pq.ParquetFile(pa.BufferReader(source) if isinstance(source, bytes) else source)
    schema = opened.schema_arrow
    texts = [f.name for f in schema if pa.types.is_string(f.type) or pa.types.is_large_string(f.type)]
    keep = [name for name in texts if name.strip() != "id"]
    return pq.ParquetFile(pa.BufferReader(source) if isinstance(source, bytes) else source, read_dictionary=keep).read()


def read_parquet(name: str, source: bytes | str) -> ParquetTable:
    """A (Geo)Parquet file's columns for the loaders; refused whole when it is no readable Parquet."""
    try:
        table = _read_table(source)
    except (pa.ArrowException, OSError, ValueError) as error:
        return _refused(name, f"not a readable Parquet file ({str(error).splitlines()[0][:120]})")
    geo, refusal = _geo_metadata(name, table.schema)
    if refusal:
        return _refused(name, refusal)
    problems: list[Problem] = []
    arrays: dict[str, Any] = {}
    geometry_columns = set(json.loads(table.schema.metadata[b"geo"])["columns"]) if geo else set()
    for column in table.column_names:
        if column in geometry_columns or (geo and column.strip() in ("lat", "lon")):
            continue  # a geometry's point is the row's lat and lon
        if column.strip() in ("lat", "lon") and pa.types.is_floating(table[column].type):
            arrays[column.strip()] = pc.cast(table[column], pa.float64())  # checked as numbers
            continue
        text = _text(name, column.strip(), table[column], problems)
        if text is not None:
            arrays[column.strip()] = text
    _with_flags(arrays, table)
    if geo:
        lon, lat, other = _points(table[geo["column"]], geo.get("encoding", "WKB"))
        for row in np.flatnonzero(other).tolist():
            problems.append(Problem(name, row + 1, "geometry", "only Point geometries are supported"))
        arrays["lat"], arrays["lon"] = pa.array(lat, pa.float64()), pa.array(lon, pa.float64())
    return ParquetTable(arrays, table.num_rows, problems)


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return "" if np.isnan(value) else repr(value)
    return "" if value is None else str(value).strip()


def parquet_rows(name: str, content: bytes) -> tuple[Rows, list[Problem]]:
    """A (Geo)Parquet file's rows as text cells, for the row loader (and ACLED exports in Parquet)."""
    table = read_parquet(name, content)
    if not table.readable:
        return RowList.unreadable(), table.problems
    refused = {p.row for p in table.problems}
    columns = list(table.arrays)
    values = {c: _plain(table.arrays[c]) for c in columns}
    rows = [
        {**{c: _cell(values[c][i]) for c in columns}, "_row": str(i + 1)}
        for i in range(table.rows)
        if i + 1 not in refused
    ]
    return RowList(rows, columns, total=table.rows), table.problems


def _plain(array: Any) -> list[Any]:
    if isinstance(array, pa.ChunkedArray) and pa.types.is_dictionary(array.type):
        array = array.cast(array.type.value_type)
    return array.to_pylist()
