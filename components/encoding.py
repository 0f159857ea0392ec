"""The records as the browser gets them: one compact binary payload per layer, the same in the app and in snapshots.

Every layer of records becomes one container of typed arrays, base64-encoded,
so nothing from data is ever markup, script or template text in the page:

- coordinates quantised to uint16 inside a bounding box (`REGION_BOX`, Kosovo
  with a margin: steps of about 2.4 m; a box that must also hold points outside
  Kosovo is wider, and its steps coarser: width / 65,535);
- the day as a uint16 offset from `EPOCH`, the length of multi-day records as
  a small dictionary code;
- every text field (type, place, counts as the sources give them, and in
  snapshots the id, summary, sources…) as a dictionary code into a list of
  distinct values: a million rows that cite one report carry its title once.

Records are ordered by day, so the time player finds a window by binary search;
`EncodedLayer.order` maps each position back to the frame's row. Codes are made
on the frame as it is (in Arrow and numpy) and only they are put in day order:
no copy of the frame is made. The container and its compact forms (byte planes,
fields grouped into one code, per-record ids as numbers) are in
components/container.py; the browser's DecompressionStream reads the gzip.
Output is deterministic: the same records give the same bytes, so the app does
not rebuild a layer (and close its popup) when nothing changed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from components.container import decode_container, first_positions, group_fields, pack, smallest
from components.details import sides_text
from components.symbols import DEPLOYMENT_STYLE, EVENT_STYLE
from geo.schema import Layer

__all__ = [
    "EPOCH",
    "REGION_BOX",
    "Box",
    "EncodedLayer",
    "decode_container",
    "encode_layer",
    "pack",
    "quantise",
]

Box = tuple[float, float, float, float]  # west, south, east, north
# Kosovo's outline with a margin of ~10 km: uint16 steps of 2.4 m east-west, 2.3 m north-south.
REGION_BOX: Final[Box] = (19.9, 41.8, 21.85, 43.3)
EPOCH: Final = np.datetime64("1990-01-01", "D")  # the loader's earliest date
_OPEN_ENDED = -1  # the span of a deployment whose end was not reported


@dataclass(frozen=True)
class EncodedLayer:
    """A layer's payload (base64 text), its token (content hash) and the frame row of each position."""

    layer: Layer
    payload: str
    token: str
    order: np.ndarray
    count: int
    mode: str = "points"  # or "bins": counts per grid cell, no records


def quantise(lon: np.ndarray, lat: np.ndarray, box: Box) -> tuple[np.ndarray, np.ndarray]:
    """Coordinates as uint16 steps inside `box` (rounded to the nearest step)."""
    west, south, east, north = box
    x = np.rint((lon - west) / (east - west) * 65535)
    y = np.rint((lat - south) / (north - south) * 65535)
    return np.clip(x, 0, 65535).astype("<u2"), np.clip(y, 0, 65535).astype("<u2")


def box_for(lon: np.ndarray, lat: np.ndarray) -> Box:
    """REGION_BOX, widened only as far as points outside it need."""
    if not len(lon):
        return REGION_BOX
    west, south, east, north = REGION_BOX
    return (
        min(west, float(np.nanmin(lon))),
        min(south, float(np.nanmin(lat))),
        max(east, float(np.nanmax(lon))),
        max(north, float(np.nanmax(lat))),
    )


def _codes(values: pd.Series | np.ndarray) -> tuple[np.ndarray, list[Any]]:
    """Dictionary codes (the smallest unsigned dtype) and the distinct values, in order of appearance."""
    codes, uniques = pd.factorize(values, sort=False, use_na_sentinel=False)
    return smallest(codes, len(uniques)), [_plain(v) for v in uniques]


Coded = tuple[np.ndarray, list[Any]]


def _plain(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return ""
    return value.item() if isinstance(value, np.generic) else value


@dataclass(frozen=True)
class _PerRecord:
    """A text field with a distinct value on every record (ids): shipped in record order, without codes."""

    values: pa.Array


def _arrow_text(values: pd.Series) -> pa.Array | pa.ChunkedArray:
    text = pa.array(values, from_pandas=True)
    if not pa.types.is_string(text.type) and not pa.types.is_large_string(text.type):
        text = pc.cast(text, pa.large_string())
    return text


def _coded_text(
    frame: pd.DataFrame,
    column: str,
    rename: Mapping[str, str] | None = None,
    *,
    per_record: bool = False,
    shown_as: Callable[[str], str] | None = None,
) -> Coded | _PerRecord:
    """A text column's codes (dictionary-encoded in Arrow, in C++); only distinct values become display text.

    With `per_record`, a column whose every value is distinct (ids) is kept as it is, with no codes.
    """
    if column not in frame or not len(frame):
        return np.zeros(len(frame), "<u1"), [""]
    text = _arrow_text(frame[column])
    indices, uniques = _text_codes(text)
    if per_record and not text.null_count and len(uniques) == len(frame) > 1:
        return _PerRecord(uniques)  # in order of first appearance: the frame's order
    texts = uniques.to_pylist()
    if rename:
        texts = [rename.get(value, value) for value in texts]
    if shown_as:  # display text made once per distinct value, not per record
        texts = [shown_as(value) if value is not None else value for value in texts]
    return smallest(indices, len(texts)), texts


def _dictionary(text: pa.Array | pa.ChunkedArray) -> tuple[pa.Array, pa.Array]:
    """Indices and dictionary of a text column, also of one in chunks (frames joined from several files)."""
    if isinstance(text, pa.ChunkedArray) and text.num_chunks == 1:
        text = text.chunk(0)
    elif isinstance(text, pa.ChunkedArray):
        if not text.num_chunks:
            return pa.array([], pa.int32()), pa.array([], text.type)
        parts = text.dictionary_encode().unify_dictionaries()  # one dictionary, in order of first appearance
        return pa.concat_arrays([part.indices for part in parts.chunks]), parts.chunk(0).dictionary
    encoded = text.dictionary_encode()
    return encoded.indices, encoded.dictionary


def _text_codes(text: pa.Array | pa.ChunkedArray) -> tuple[np.ndarray, pa.Array]:
    """Dictionary codes of a text column, a missing value coded as "" (no copy of the column is made)."""
    indices, uniques = _dictionary(text)
    if indices.null_count:
        at = pc.index(uniques, "").as_py()
        if at < 0:
            at, uniques = len(uniques), pa.concat_arrays([uniques, pa.array([""], uniques.type)])
        indices = pc.fill_null(indices, pa.scalar(at, indices.type))
    return indices.to_numpy(zero_copy_only=False), uniques


def _coded_tuples(frame: pd.DataFrame, columns: Sequence[str]) -> tuple[np.ndarray, pd.DataFrame]:
    """Codes of the distinct combinations of several columns, and those combinations (one row each)."""
    present = [c for c in columns if c in frame]
    if not present or not len(frame):
        return np.zeros(len(frame), "<u1"), pd.DataFrame(index=[0], columns=list(columns))
    key = np.zeros(len(frame), np.int64)
    for column in present:  # one combined key per row, factorised as it grows: no Python per row
        codes, size = _factor(frame[column])
        key = pd.factorize(key * size + codes, sort=False)[0]
    first = first_positions(key)
    unique = frame[present].iloc[first].reset_index(drop=True)
    return smallest(key, len(first)), unique.reindex(columns=list(columns))


def _factor(values: pd.Series) -> tuple[np.ndarray, int]:
    """Codes of a column's distinct values (missing ones included) and how many there are; text in Arrow."""
    if pd.api.types.is_string_dtype(values.dtype):  # a missing text and "" are one value here, as on the page
        codes, uniques = _text_codes(_arrow_text(values))
        return codes.astype(np.int64), len(uniques)
    codes, uniques = pd.factorize(values, sort=False, use_na_sentinel=False)
    return codes, len(uniques)


def _count_texts(combos: pd.DataFrame, column: str) -> list[str]:
    """A count as the sources give it: "82+" for "more than 82", "" when not reported."""
    texts = []
    for value, at_least in zip(combos[column], combos.get(f"{column}_at_least", [False] * len(combos)), strict=True):
        if value is None or pd.isna(value):
            texts.append("")
        else:
            texts.append(f"{int(value)}{'+' if at_least is True or at_least == 1 else ''}")
    return texts


def _counts(frame: pd.DataFrame, layer: Layer) -> Coded:
    kinds = ("injured", "killed", "arrested") if layer == "incident" else ("strength",)
    codes, combos = _coded_tuples(frame, [c for k in kinds for c in (k, f"{k}_at_least")])
    columns = [_count_texts(combos, kind) for kind in kinds]
    return codes, ["|".join(parts) for parts in zip(*columns, strict=True)]


def _spans(frame: pd.DataFrame, layer: Layer) -> Coded:
    """Days from date to end date: 0 for one day, -1 for a deployment whose end was not reported."""
    start = frame["date"].to_numpy("datetime64[D]")
    end = frame["end_date"].to_numpy("datetime64[D]") if "end_date" in frame else np.full(len(frame), "NaT", "M8[D]")
    difference = end - start
    spans = np.where(np.isnat(difference), _OPEN_ENDED if layer == "deployment" else 0, difference.astype(np.int64))
    return _codes(spans)


def _sources(frame: pd.DataFrame) -> Coded:
    """Each row's sources as compact JSON text, made once per distinct list (rows citing one report share it)."""
    if "sources" not in frame:
        return np.zeros(len(frame), "<u1"), ["[]"]
    lists = frame["sources"].to_numpy(dtype=object)
    codes, uniques = pd.factorize(np.fromiter(map(id, lists), dtype=np.int64, count=len(lists)), sort=False)
    texts = []
    for row in first_positions(codes):
        items = [[s.get(k, "") for k in ("publisher", "title", "date", "url")] for s in lists[row] or []]
        texts.append(json.dumps(items, ensure_ascii=False, separators=(",", ":")))
    return smallest(codes, len(uniques)), texts


def _category(frame: pd.DataFrame, layer: Layer) -> Coded:
    names = list(EVENT_STYLE) if layer == "incident" else list(DEPLOYMENT_STYLE)
    column = "event_type" if layer == "incident" else "kind"
    indices, uniques = _text_codes(_arrow_text(frame[column]))
    lookup = np.array([names.index(v) if v in names else 255 for v in uniques.to_pylist()], "<u1")
    return lookup[indices], names


def _origin(frame: pd.DataFrame) -> Coded:
    codes, uniques = _coded_text(frame, "origin")
    return codes, ["" if value in ("", "shipped") else "yours" for value in uniques]


def _actors(frame: pd.DataFrame) -> Coded:
    codes, combos = _coded_tuples(frame, ["actor1", "actor2"])
    pairs = zip(combos["actor1"].fillna(""), combos["actor2"].fillna(""), strict=True)
    return codes, [" vs ".join(a for a in pair if a) for pair in pairs]


def _fields(
    frame: pd.DataFrame, layer: Layer, with_text: bool, names: Mapping[str, str]
) -> dict[str, Coded | _PerRecord]:
    """Every dictionary-coded field of a layer: what the map draws, and in snapshots what popups say."""
    fields: dict[str, Coded | _PerRecord] = {
        "cat": _category(frame, layer),
        "span": _spans(frame, layer),
        "place": _coded_text(frame, "place_name"),
        "muni": _coded_text(frame, "municipality", names),
        "origin": _origin(frame),
        "counts": _counts(frame, layer),
    }
    if layer == "incident":
        fields["sub"] = _coded_text(frame, "sub_event_type")
    else:
        fields["force"] = _coded_text(frame, "force")
        fields["unit"] = _coded_text(frame, "unit")
    if with_text:
        fields |= _text_fields(frame, layer)
    return fields


def _text_fields(frame: pd.DataFrame, layer: Layer) -> dict[str, Coded | _PerRecord]:
    """What a snapshot's popups show besides the map's own codes."""
    fields: dict[str, Coded | _PerRecord] = {
        "id": _coded_text(frame, "id", per_record=True),
        "summary": _coded_text(frame, "summary", per_record=True),
        "sources": _sources(frame),
        "precision": _coded_text(frame, "location_precision"),
        "history": _coded_text(frame, "history"),
    }
    if layer == "incident":
        fields |= {
            "actors": _actors(frame),
            "date_precision": _coded_text(frame, "date_precision"),
            "counts_detail": _coded_text(frame, "counts_detail", shown_as=sides_text),
        }
    else:
        fields |= {"nations": _coded_text(frame, "nations"), "part_of": _coded_text(frame, "part_of")}
    return fields


_DIGITS = "^[0-9]+$"


def _common_prefix(first: str, last: str) -> str:
    size = min(len(first), len(last))
    return first[: next((i for i in range(size) if first[i] != last[i]), size)]


def _numbered(values: pa.Array) -> tuple[str, int, np.ndarray] | None:
    """(prefix, width, numbers) when every value is one ASCII prefix and a `width`-digit number, else None."""
    if len(values) < 2 or values.null_count:
        return None
    lengths = pc.min_max(pc.binary_length(values))
    low, high = pc.min_max(values).values()
    prefix = _common_prefix(low.as_py(), high.as_py())  # in sorted strings the first and last share the least
    width = lengths["max"].as_py() - len(prefix)
    if lengths["min"] != lengths["max"] or not prefix.isascii() or not 0 < width <= 9:
        return None
    digits = pc.utf8_slice_codeunits(values, len(prefix))
    if (
        not pc.all(pc.starts_with(values, prefix)).as_py()
        or not pc.all(pc.match_substring_regex(digits, _DIGITS)).as_py()
    ):
        return None
    return prefix, width, pc.cast(digits, pa.int64()).to_numpy()


def _per_record(name: str, values: pa.Array, header: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
    """A field with one value per record, in record order: numbers as differences, or the texts themselves."""
    header["rows"].append(name)
    numbered = _numbered(values)
    if numbered is None:
        header["dicts"][name] = values.to_pylist()
        return
    prefix, width, numbers = numbered
    header["numbered"][name] = [prefix, width]
    arrays[name] = np.diff(numbers, prepend=0).astype("<i4")  # ids that grow with the date differ by little


def _layout(
    fields: Mapping[str, Coded | _PerRecord], order: np.ndarray, header: dict[str, Any]
) -> dict[str, np.ndarray]:
    """Every field's codes in record order (its dictionary into the header), grouped where that is smaller."""
    arrays: dict[str, np.ndarray] = {}
    header |= {"dicts": {}, "rows": [], "numbered": {}}
    for name, field in fields.items():
        if isinstance(field, _PerRecord):
            _per_record(name, field.values.take(pa.array(order)), header, arrays)
        else:
            arrays[name], header["dicts"][name] = field[0][order], field[1]
    coded = [name for name in arrays if name in header["dicts"] and name not in header["rows"]]
    arrays, header["groups"] = group_fields(arrays, header["dicts"], coded)
    return arrays


def encode_layer(
    frame: pd.DataFrame,
    layer: Layer,
    *,
    municipality_names: Mapping[str, str] | None = None,
    with_text: bool = False,
    focus: str = "",
    level: int = 6,
    extra: Mapping[str, Any] | None = None,
) -> EncodedLayer:
    """One layer's records as a payload for the browser (see the module's docstring)."""
    dates = frame["date"].to_numpy("datetime64[D]")
    order = np.argsort(dates, kind="stable") if len(frame) else np.arange(0)
    lon, lat = frame["lon"].to_numpy(np.float64), frame["lat"].to_numpy(np.float64)
    box = box_for(lon, lat)
    x, y = quantise(lon, lat, box)
    days = np.clip((dates - EPOCH).astype(np.int64), 0, 65535).astype("<u2")
    header: dict[str, Any] = {"layer": layer, "n": len(frame), "box": box, "epoch": str(EPOCH)}
    fields = _fields(frame, layer, with_text, municipality_names or {})
    arrays = {"x": x[order], "y": y[order], "day": days[order], **_layout(fields, order, header)}
    header["focus"] = _focus_position(frame, order, focus)
    if header["focus"] >= 0:  # only the layer holding the record changes (and is redrawn) when the focus moves
        header |= extra or {}
    payload, token = pack(header, arrays, level)
    return EncodedLayer(layer, payload, token, order, len(frame))


def _focus_position(frame: pd.DataFrame, order: np.ndarray, focus: str) -> int:
    """The payload position of the record with id `focus`, or -1."""
    if not focus or "id" not in frame:
        return -1
    rows = np.flatnonzero(frame["id"].to_numpy() == focus)
    return int(np.flatnonzero(order == rows[0])[0]) if len(rows) else -1
