"""Columns for the columnar loader: cleaned text, distinct values with codes, numbers, and the problems found.

A checked column is handled through its distinct values: a million rows of
dates hold a few thousand days, and each is checked once by the same function
the row loader calls (geo.records.cells). Columns of mostly distinct values
(ids, coordinates, summaries) stay arrow arrays and are checked with arrow's
compute functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from geo.records.cells import check_number
from geo.records.problems import Problem

__all__ = ["Coded", "Columns", "Report", "Spread", "combine", "groups", "numbers"]

# Python's str.strip() whitespace, so arrow's trim removes exactly what the row loader's strip does.
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# Numbers that arrow parses exactly as Python's float() does; anything else goes through float() itself.
_PLAIN_NUMBER = r"^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$"


@dataclass(frozen=True)
class Coded:
    """A column as a code per row into its distinct (cleaned) values."""

    codes: np.ndarray
    values: list[str]
    # Characters in each distinct value before cleaning (to refuse over-long cells as the row loader does).
    lengths: np.ndarray | None = None

    def take(self, rows: np.ndarray) -> pa.Array:
        """The text of the given rows, as an arrow string array."""
        codes = self.codes if len(rows) == len(self.codes) else self.codes[rows]
        return pa.array(self.values, pa.string()).take(pa.array(codes))


@dataclass(frozen=True)
class Spread:
    """Text given per distinct combination, and each row's code: a column made without a Python object per row."""

    values: Sequence[str | None]
    codes: np.ndarray

    def column(self, rows: np.ndarray | None = None) -> pa.Array:
        """The text of the given rows (all when None)."""
        codes = self.codes if rows is None else self.codes[rows]
        return pa.array(list(self.values), pa.string()).take(pa.array(codes))


def _codes(array: pa.ChunkedArray) -> tuple[np.ndarray, list[str | None]]:
    if not pa.types.is_dictionary(array.type):
        array = pc.dictionary_encode(array)
    array = array.unify_dictionaries() if isinstance(array, pa.ChunkedArray) else pa.chunked_array([array])
    dictionary = array.chunks[0].dictionary if array.num_chunks else pa.array([], pa.string())
    indices = pa.chunked_array([c.indices for c in array.chunks], type=pa.int32()) if array.num_chunks else None
    values: list[str | None] = [*dictionary.to_pylist(), None]
    if indices is None:
        return np.zeros(0, dtype=np.int32), values
    codes = pc.fill_null(indices, len(values) - 1).to_numpy().astype(np.int32, copy=False)
    return codes, values


@dataclass
class Columns:
    """A table's columns by name, with each row's number (as the row loader numbers it)."""

    arrays: dict[str, pa.ChunkedArray]
    rows: np.ndarray
    clean: Callable[[str], str]
    _coded: dict[str, Coded] = field(default_factory=dict)
    _text: dict[str, pa.Array] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.rows)

    def has(self, name: str) -> bool:
        return name in self.arrays

    def coded(self, name: str) -> Coded:
        """Distinct cleaned values and a code per row ("" everywhere for a missing column)."""
        if name not in self._coded:
            if name not in self.arrays:
                self._coded[name] = Coded(np.zeros(len(self), dtype=np.int32), [""])
            else:
                codes, raw = _codes(self.arrays[name])
                values = [self.clean(v) if v is not None else "" for v in raw]
                lengths = np.array([len(v) if v is not None else 0 for v in raw], dtype=np.int64)
                self._coded[name] = Coded(codes, values, lengths)
        return self._coded[name]

    def text(self, name: str) -> pa.Array | pa.ChunkedArray:
        """A column's cleaned text as arrow strings ("" for a missing column)."""
        if name not in self._text:
            self._text[name] = self._cleaned(name)
        return self._text[name]

    def _cleaned(self, name: str) -> pa.Array:
        if name not in self.arrays:
            return pa.array(np.full(len(self), "", dtype=object), pa.string())
        if pa.types.is_dictionary(self.arrays[name].type):
            return self.coded(name).take(np.arange(len(self)))  # each distinct value cleaned once
        raw = self.arrays[name]  # chunks stay apart: joining them would copy the column
        raw = pc.fill_null(raw, "") if raw.null_count else raw
        padded = any(_padded(chunk) for chunk in raw.chunks)
        cleaned = pc.utf8_trim(raw, WHITESPACE) if padded else raw  # most columns need no trimming: no copy
        marked = np.flatnonzero(pc.starts_with(cleaned, "'").to_numpy(zero_copy_only=False))
        if len(marked) == 0:
            return cleaned
        values = cleaned.to_numpy(zero_copy_only=False).astype(object)
        originals = raw.take(pa.array(marked)).to_pylist()
        values[marked] = [self.clean(v) for v in originals]
        return pa.chunked_array([pa.array(values, pa.string())])

    def numeric(self, name: str) -> bool:
        """True when a column holds numbers, not text (lat and lon from a GeoParquet geometry)."""
        return name in self.arrays and pa.types.is_floating(self.arrays[name].type)

    def empty(self, name: str) -> np.ndarray:
        """True for each row whose cell is empty (for numbers: missing or NaN)."""
        if self.numeric(name):
            return np.isnan(_floats(self.arrays[name]))
        if name not in self.arrays or pa.types.is_dictionary(self.arrays[name].type):
            coded = self.coded(name)
            return np.array([v == "" for v in coded.values], dtype=bool)[coded.codes]
        return pc.equal(pc.utf8_length(self.text(name)), 0).to_numpy(zero_copy_only=False)

    def numbers(self, name: str, low: float, high: float) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """A column read as check_number reads each cell: values (NaN where none), wrong rows, their messages."""
        if not self.numeric(name):
            return numbers(self.text(name), low, high)
        values = _floats(self.arrays[name])
        with np.errstate(invalid="ignore"):
            wrong = np.flatnonzero(~np.isnan(values) & ~((values >= low) & (values <= high)))
        messages = [f"{float(values[i])!r} is outside the world ({low} … {high})" for i in wrong]
        values = values.copy()
        values[wrong] = np.nan
        return values, wrong, messages

    def take(self, keep: np.ndarray) -> Columns:
        """Only the rows at the given positions (what is already coded stays coded)."""
        if len(keep) == len(self) and (keep == np.arange(len(self))).all():
            return self
        index = pa.array(keep)
        taken = Columns({k: v.take(index) for k, v in self.arrays.items()}, self.rows[keep], self.clean)
        taken._coded = {k: Coded(v.codes[keep], v.values, v.lengths) for k, v in self._coded.items()}
        return taken

    def release(self) -> None:
        """Drop the columns (what was taken from them stays): their memory goes back before the frame is built."""
        self.arrays.clear()
        self._coded.clear()
        self._text.clear()

    def renamed(self, names: dict[str, str]) -> Columns:
        """The columns under new names ({new: old}); others are dropped."""
        renamed = Columns({new: self.arrays[old] for new, old in names.items()}, self.rows, self.clean)
        renamed._coded = {new: self._coded[old] for new, old in names.items() if old in self._coded}
        return renamed


def _edge_bytes(first: bool) -> np.ndarray:
    """Bytes that may begin (or end) a whitespace character in UTF-8: a superset, so a False answer is sure."""
    table = np.zeros(256, dtype=bool)
    for character in WHITESPACE:
        encoded = character.encode("utf-8")
        table[encoded[0] if first else encoded[-1]] = True
    return table


_FIRST_BYTES, _LAST_BYTES = _edge_bytes(True), _edge_bytes(False)


def _padded(texts: pa.Array) -> bool:
    """True when some text may start or end with whitespace: only the first and last bytes are looked at."""
    buffers = texts.buffers()
    if len(texts) == 0 or buffers[2] is None:
        return False
    width = np.int64 if pa.types.is_large_string(texts.type) else np.int32
    offsets = np.frombuffer(buffers[1], dtype=width)[texts.offset : texts.offset + len(texts) + 1]
    data = np.frombuffer(buffers[2], dtype=np.uint8)
    starts, ends = offsets[:-1], offsets[1:]
    filled = ends > starts
    return bool(_FIRST_BYTES[data[starts[filled]]].any() or _LAST_BYTES[data[ends[filled] - 1]].any())


def _floats(array: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return pc.fill_null(array, np.nan).to_numpy(zero_copy_only=False).astype(float)


def _dense(key: np.ndarray, bound: int) -> np.ndarray:
    """Keys below `bound` renumbered 0, 1, 2 … in their order of size."""
    if bound <= 50_000_000:
        present = np.zeros(bound, dtype=bool)
        present[key] = True
        return (np.cumsum(present) - 1)[key]
    return np.unique(key, return_inverse=True)[1].astype(np.int64)


def combine(*codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Codes of distinct combinations of several coded columns: (first row of each, a code per row)."""
    key = np.zeros(len(codes[0]), dtype=np.int64)
    bound = 1
    for column in codes:
        width = int(column.max(initial=0)) + 1
        key = _dense(key * width + column, bound * width)
        bound = int(key.max(initial=-1)) + 1
    first = np.full(bound, -1, dtype=np.int64)
    first[key[::-1]] = np.arange(len(key) - 1, -1, -1)
    return first, key


def groups(inverse: np.ndarray, wanted: Sequence[int]) -> Iterator[tuple[int, np.ndarray]]:
    """(code, rows holding it) for each wanted code, in one sort instead of a scan per code."""
    wanted = np.asarray(sorted(set(wanted)), dtype=np.int64)
    if not len(wanted):
        return
    if len(wanted) == 1:
        yield int(wanted[0]), np.flatnonzero(inverse == wanted[0])
        return
    order = np.argsort(inverse, kind="stable")
    ordered = inverse[order]
    low, high = np.searchsorted(ordered, wanted, "left"), np.searchsorted(ordered, wanted, "right")
    for code, start, end in zip(wanted.tolist(), low.tolist(), high.tolist(), strict=True):
        if end > start:
            yield code, order[start:end]


def numbers(texts: pa.Array, low: float, high: float) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Each text as check_number reads it: values (NaN where empty or wrong), the wrong rows and their messages."""
    empty_mask = pc.equal(pc.utf8_length(texts), 0)
    empty = empty_mask.to_numpy(zero_copy_only=False)
    try:  # arrow reads every number Python's float() reads, to the same value, or refuses the column
        values = pc.cast(pc.if_else(empty_mask, pa.scalar(None, pa.string()), texts), pa.float64())
    except pa.ArrowInvalid:
        values = None
    if values is not None:
        values = values.to_numpy(zero_copy_only=False).astype(float)
        with np.errstate(invalid="ignore"):
            wrong = np.flatnonzero(~empty & ~(np.isfinite(values) & (values >= low) & (values <= high)))
        shown = texts.take(pa.array(wrong)).to_pylist()
        values[wrong] = np.nan
        return values, wrong, [f"{text} is outside the world ({low} … {high})" for text in shown]
    plain = pc.match_substring_regex(texts, _PLAIN_NUMBER).to_numpy(zero_copy_only=False)
    values = pc.cast(pc.if_else(pa.array(plain), texts, pa.scalar(None, pa.string())), pa.float64())
    values = values.to_numpy(zero_copy_only=False).astype(float)
    other = np.flatnonzero(~empty & ~plain)
    messages: dict[int, str] = {}
    if len(other):
        unusual = texts.take(pa.array(other)).to_pylist()
        outcomes = {text: check_number(text, low, high) for text in set(unusual)}
        for row, text in zip(other.tolist(), unusual, strict=True):
            value, message = outcomes[text]
            values[row] = np.nan if value is None else value
            if message:
                messages[row] = message
    with np.errstate(invalid="ignore"):
        wrong = plain & ~(np.isfinite(values) & (values >= low) & (values <= high))
    if wrong.any():
        shown = texts.take(pa.array(np.flatnonzero(wrong))).to_pylist()
        for row, text in zip(np.flatnonzero(wrong).tolist(), shown, strict=True):
            messages[row] = f"{text} is outside the world ({low} … {high})"
            values[row] = np.nan
    bad = np.array(sorted(messages), dtype=np.int64)
    return values, bad, [messages[r] for r in bad.tolist()]


@dataclass
class Report:
    """Problems found column by column, put back in the row loader's order: by row, then by the check's rank."""

    file: str
    rows: np.ndarray
    _parts: list[tuple[np.ndarray, int, int, str, Any]] = field(default_factory=list)

    def add(self, rank: int, where: np.ndarray, column: str, message: str | Sequence[str], sub: int = 0) -> None:
        """Problems at positions `where` (indices or a mask), one message for all or one each."""
        indices = np.flatnonzero(where) if where.dtype == bool else np.asarray(where, dtype=np.int64)
        if len(indices):
            self._parts.append((indices, rank, sub, column, message))

    @cached_property
    def _merged(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if not self._parts:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        index = np.concatenate([p[0] for p in self._parts])
        part = np.concatenate([np.full(len(p[0]), n, dtype=np.int64) for n, p in enumerate(self._parts)])
        offset = np.concatenate([np.arange(len(p[0]), dtype=np.int64) for p in self._parts])
        rank = np.concatenate([np.full(len(p[0]), p[1] * 1000 + p[2], dtype=np.int64) for p in self._parts])
        order = np.lexsort((part, rank, index))
        return index[order], part[order], offset[order]

    def failed(self, size: int) -> np.ndarray:
        """True for each position with a problem."""
        mask = np.zeros(size, dtype=bool)
        mask[self._merged[0]] = True
        return mask

    def problems(self) -> list[Problem]:
        index, part, offset = self._merged
        found = []
        for i, p, o in zip(index.tolist(), part.tolist(), offset.tolist(), strict=True):
            _, _, _, column, message = self._parts[p]
            found.append(
                Problem(self.file, int(self.rows[i]), column, message if isinstance(message, str) else message[o])
            )
        return found
