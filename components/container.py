"""The NKP1 container on the wire: compact forms of a layer's arrays, and reading them back.

A container is the magic `NKP1`, a little-endian u32 header length, the JSON
header, then each array at an 8-byte boundary; the whole is gzip-compressed.
Version 2 adds three forms, each undone on reading (`decode_container` here,
`NK.decode` in components/web/nk/nk-records.js), so readers see plain arrays of
codes and their dictionaries as in version 1:

- `planes`: arrays of 2- and 4-byte items are stored as byte planes (every
  item's first byte, then every second byte…): gzip then finds the runs that
  high bytes make;
- `groups`: fields that vary together (type, sub-type, municipality, actors…)
  are stored as one code per record (`g`) into a table of their distinct
  combinations (`g.<field>`, one code of each field per combination);
- `rows`: a field with one value per record holds those values in record order
  (no codes), and `numbered` ones (ids like `syn-1-0000042`) are stored as a
  prefix, a width and the numbers' differences from record to record.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import struct
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["MAGIC", "decode_container", "first_positions", "group_fields", "pack", "smallest"]

MAGIC = b"NKP1"
GROUP = "g"
_GROUP_LIMIT = 65_536  # combinations a group may have (its codes stay 2 bytes)


def smallest(codes: np.ndarray, size: int) -> np.ndarray:
    """Codes in the smallest unsigned dtype that holds `size` distinct values."""
    return codes.astype("<u1" if size <= 256 else "<u2" if size <= 65536 else "<u4")


def first_positions(codes: np.ndarray) -> np.ndarray:
    """Where each code first occurs, for codes numbered in order of first appearance (as pd.factorize makes them)."""
    if not len(codes):
        return np.arange(0)
    before = np.maximum.accumulate(codes)[:-1]
    return np.concatenate([[0], np.flatnonzero(codes[1:] > before) + 1])


def group_fields(
    arrays: Mapping[str, np.ndarray], dictionaries: Mapping[str, Sequence[Any]], fields: Sequence[str]
) -> tuple[dict[str, np.ndarray], list[str]]:
    """Join as many of `fields` as fit one 2-byte code (fewest values first): the arrays to ship, the members."""
    n = len(arrays[fields[0]]) if fields else 0
    key, members, size = np.zeros(n, np.int64), [], 1
    for field in sorted(fields, key=lambda f: (len(dictionaries[f]), f)):
        codes, uniques = pd.factorize(key * len(dictionaries[field]) + arrays[field], sort=False)
        if len(uniques) <= _GROUP_LIMIT:
            key, size = codes, len(uniques)
            members.append(field)
    if len(members) < 2:
        return dict(arrays), []
    first = first_positions(key)
    shipped = {name: array for name, array in arrays.items() if name not in members}
    shipped[GROUP] = smallest(key, size)
    shipped |= {f"{GROUP}.{field}": arrays[field][first] for field in members}
    return shipped, members


def _stored(array: np.ndarray) -> np.ndarray:
    """An array as it is written: its byte planes when its items are wider than one byte."""
    width = array.dtype.itemsize
    if width == 1:
        return np.ascontiguousarray(array).view("<u1")
    return np.ascontiguousarray(array).view("<u1").reshape(-1, width).T.ravel()


def _container(header: dict[str, Any], arrays: Mapping[str, np.ndarray]) -> bytes:
    """NKP1: magic, header length, header JSON (with each array's dtype, offset, length), 8-byte aligned arrays."""
    layout, offset = {}, 0
    for name, array in arrays.items():
        layout[name] = [array.dtype.str.lstrip("<|"), offset, len(array)]
        offset += -(-array.nbytes // 8) * 8
    text = json.dumps({**header, "v": 2, "planes": True, "arrays": layout}, ensure_ascii=False, separators=(",", ":"))
    encoded = text.encode("utf-8")
    start = -(-(8 + len(encoded)) // 8) * 8
    body = bytearray(start + offset)
    body[:8] = MAGIC + struct.pack("<I", len(encoded))
    body[8 : 8 + len(encoded)] = encoded
    for name, array in arrays.items():
        at = start + layout[name][1]
        body[at : at + array.nbytes] = _stored(array).tobytes()
    return bytes(body)


def pack(header: dict[str, Any], arrays: Mapping[str, np.ndarray], level: int = 6) -> tuple[str, str]:
    """A container, gzip-compressed and base64-encoded, and its token (a hash of its bytes)."""
    body = _container(header, arrays)
    # Level 1 past a few megabytes: a million records compress several times faster for a few % more bytes.
    raw = gzip.compress(body, compresslevel=level if len(body) < 4_000_000 else 1, mtime=0)
    return base64.b64encode(raw).decode("ascii"), hashlib.sha256(raw).hexdigest()[:16]


def _read_array(body: bytes, spec: Sequence[Any], start: int, planes: bool) -> np.ndarray:
    dtype, offset, count = np.dtype(f"<{spec[0]}"), start + spec[1], spec[2]
    if not planes or dtype.itemsize == 1:
        return np.frombuffer(body, dtype=dtype, count=count, offset=offset)
    stored = np.frombuffer(body, dtype="<u1", count=count * dtype.itemsize, offset=offset)
    return stored.reshape(dtype.itemsize, count).T.copy().view(dtype).ravel()


def _expand(header: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
    """Undo `groups`, `rows` and `numbered`: every field as codes into its dictionary, as in version 1."""
    table = arrays.pop(GROUP, None)
    for field in header.pop("groups", []):
        arrays[field] = arrays.pop(f"{GROUP}.{field}")[table]
    n = header["n"]
    for field, (prefix, width) in header.pop("numbered", {}).items():
        numbers = np.cumsum(arrays.pop(field).astype(np.int64))
        header["dicts"][field] = [f"{prefix}{number:0{width}d}" for number in numbers]
    for field in header.pop("rows", []):
        arrays[field] = np.arange(n, dtype="<u4")


def decode_container(payload: str) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The header and arrays of a payload (what the browser's script reads; for tests and tools)."""
    body = base64.b64decode(payload)
    if body[:2] == b"\x1f\x8b":
        body = gzip.decompress(body)
    if body[:4] != MAGIC:
        raise ValueError("not an NKP1 payload")
    (length,) = struct.unpack("<I", body[4:8])
    header = json.loads(body[8 : 8 + length].decode("utf-8"))
    start = -(-(8 + length) // 8) * 8
    planes = bool(header.pop("planes", False))
    arrays = {name: _read_array(body, spec, start, planes) for name, spec in header.pop("arrays").items()}
    _expand(header, arrays)
    return header, arrays
