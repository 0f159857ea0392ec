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
`EncodedLayer.order` maps each position back to the frame's row. The container is
`NKP1`, a little-endian u32 header length, the JSON header, then each array at an
8-byte boundary; the whole is gzip-compressed (the browser's DecompressionStream
reads it). Output is deterministic: the same records give the same bytes, so the
app does not rebuild a layer (and close its popup) when nothing changed.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

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
_MAGIC = b"NKP1"
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
    return _smallest(codes, len(uniques)), [_plain(v) for v in uniques]


Coded = tuple[np.ndarray, list[Any]]


def _plain(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return ""
    return value.item() if isinstance(value, np.generic) else value


def _smallest(codes: np.ndarray, size: int) -> np.ndarray:
    return codes.astype("<u1" if size <= 256 else "<u2" if size <= 65536 else "<u4")


def _coded_text(frame: pd.DataFrame, column: str, rename: Mapping[str, str] | None = None) -> Coded:
    """A text column's codes (dictionary-encoded in Arrow, in C++); only distinct values become display text."""
    if column not in frame or not len(frame):
        return np.zeros(len(frame), "<u1"), [""]
    text = pa.array(frame[column], from_pandas=True)
    if not pa.types.is_string(text.type) and not pa.types.is_large_string(text.type):
        text = pc.cast(text, pa.large_string())
    encoded = pc.fill_null(text, "").dictionary_encode()
    uniques = encoded.dictionary.to_pylist()
    if rename:
        uniques = [rename.get(value, value) for value in uniques]
    return _smallest(encoded.indices.to_numpy(zero_copy_only=False), len(uniques)), uniques


def _coded_tuples(frame: pd.DataFrame, columns: Sequence[str]) -> tuple[np.ndarray, pd.DataFrame]:
    """Codes of the distinct combinations of several columns, and those combinations (one row each)."""
    present = [c for c in columns if c in frame]
    if not present or not len(frame):
        return np.zeros(len(frame), "<u1"), pd.DataFrame(index=[0], columns=list(columns))
    groups = frame[present].groupby(present, dropna=False, sort=False)
    codes = groups.ngroup().to_numpy()
    unique = frame[present].drop_duplicates().reset_index(drop=True)
    return _smallest(codes, len(unique)), unique.reindex(columns=list(columns))


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
    _, first = np.unique(codes, return_index=True)
    texts = []
    for row in first:
        items = [[s.get(k, "") for k in ("publisher", "title", "date", "url")] for s in lists[row] or []]
        texts.append(json.dumps(items, ensure_ascii=False, separators=(",", ":")))
    return _smallest(codes, len(uniques)), texts


def _category(frame: pd.DataFrame, layer: Layer) -> Coded:
    names = list(EVENT_STYLE) if layer == "incident" else list(DEPLOYMENT_STYLE)
    column = "event_type" if layer == "incident" else "kind"
    codes = pd.Categorical(frame[column], categories=names).codes
    return np.where(codes < 0, 255, codes).astype("<u1"), names


def _origin(frame: pd.DataFrame) -> Coded:
    codes, uniques = _coded_text(frame, "origin")
    return codes, ["" if value in ("", "shipped") else "yours" for value in uniques]


def _actors(frame: pd.DataFrame) -> Coded:
    codes, combos = _coded_tuples(frame, ["actor1", "actor2"])
    pairs = zip(combos["actor1"].fillna(""), combos["actor2"].fillna(""), strict=True)
    return codes, [" vs ".join(a for a in pair if a) for pair in pairs]


def _fields(frame: pd.DataFrame, layer: Layer, with_text: bool, names: Mapping[str, str]) -> dict[str, Coded]:
    """Every dictionary-coded field of a layer: what the map draws, and in snapshots what popups say."""
    fields = {
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


def _text_fields(frame: pd.DataFrame, layer: Layer) -> dict[str, Coded]:
    """What a snapshot's popups show besides the map's own codes."""
    fields = {
        "id": _coded_text(frame, "id"),
        "summary": _coded_text(frame, "summary"),
        "sources": _sources(frame),
        "precision": _coded_text(frame, "location_precision"),
        "history": _coded_text(frame, "history"),
    }
    if layer == "incident":
        fields |= {
            "actors": _actors(frame),
            "date_precision": _coded_text(frame, "date_precision"),
            "counts_detail": _coded_text(frame, "counts_detail"),
        }
    else:
        fields |= {"nations": _coded_text(frame, "nations"), "part_of": _coded_text(frame, "part_of")}
    return fields


def _container(header: dict[str, Any], arrays: Mapping[str, np.ndarray]) -> bytes:
    """NKP1: magic, header length, header JSON (with each array's dtype, offset, length), 8-byte aligned arrays."""
    layout, offset = {}, 0
    for name, array in arrays.items():
        layout[name] = [array.dtype.str.lstrip("<|"), offset, len(array)]
        offset += -(-array.nbytes // 8) * 8
    text = json.dumps({**header, "arrays": layout}, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    start = -(-(8 + len(text)) // 8) * 8
    body = bytearray(start + offset)
    body[:8] = _MAGIC + struct.pack("<I", len(text))
    body[8 : 8 + len(text)] = text
    for name, array in arrays.items():
        at = start + layout[name][1]
        body[at : at + array.nbytes] = np.ascontiguousarray(array).tobytes()
    return bytes(body)


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
    order = np.argsort(frame["date"].to_numpy("datetime64[D]"), kind="stable") if len(frame) else np.arange(0)
    rows = frame.iloc[order]
    lon, lat = rows["lon"].to_numpy(np.float64), rows["lat"].to_numpy(np.float64)
    box = box_for(lon, lat)
    x, y = quantise(lon, lat, box)
    days = (rows["date"].to_numpy("datetime64[D]") - EPOCH).astype(np.int64)
    arrays: dict[str, np.ndarray] = {"x": x, "y": y, "day": np.clip(days, 0, 65535).astype("<u2")}
    dictionaries: dict[str, list[Any]] = {}
    for name, (codes, values) in _fields(rows, layer, with_text, municipality_names or {}).items():
        arrays[name], dictionaries[name] = codes, values
    focus_at = np.flatnonzero(rows["id"].to_numpy() == focus) if focus and "id" in rows else []
    header = {"v": 1, "layer": layer, "n": len(rows), "box": box, "epoch": str(EPOCH), "dicts": dictionaries}
    header["focus"] = int(focus_at[0]) if len(focus_at) else -1
    if len(focus_at):  # only the layer holding the record changes (and is redrawn) when the focus moves
        header |= extra or {}
    payload, token = pack(header, arrays, level)
    return EncodedLayer(layer, payload, token, order, len(rows))


def pack(header: dict[str, Any], arrays: Mapping[str, np.ndarray], level: int = 6) -> tuple[str, str]:
    """A container, gzip-compressed and base64-encoded, and its token (a hash of its bytes)."""
    body = _container(header, arrays)
    # Level 1 past a few megabytes: a million records compress 4x faster for ~10% more bytes.
    raw = gzip.compress(body, compresslevel=level if len(body) < 4_000_000 else 1, mtime=0)
    return base64.b64encode(raw).decode("ascii"), hashlib.sha256(raw).hexdigest()[:16]


def decode_container(payload: str) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The header and arrays of a payload (what the browser's script reads; for tests and tools)."""
    body = base64.b64decode(payload)
    if body[:2] == b"\x1f\x8b":
        body = gzip.decompress(body)
    if body[:4] != _MAGIC:
        raise ValueError("not an NKP1 payload")
    (length,) = struct.unpack("<I", body[4:8])
    header = json.loads(body[8 : 8 + length].decode("utf-8"))
    start = -(-(8 + length) // 8) * 8
    arrays = {
        name: np.frombuffer(body, dtype=f"<{dtype}", count=count, offset=start + offset)
        for name, (dtype, offset, count) in header.pop("arrays").items()
    }
    return header, arrays
