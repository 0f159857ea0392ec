"""The columnar loader: large CSV files read by pyarrow and checked column by column.

It finds exactly what the row loader finds, with the same file:row:column
messages in the same order (tests/test_columnar.py holds both to that on a
corpus of broken files). It reads only files whose structure the two readers
are sure to agree on: UTF-8 text where every quote opens or closes a cell (or
doubles one inside it) and every row has the header's number of cells. Any
other file is left to the row loader, which names the row where it breaks.
Rows are numbered as the row loader numbers them: the header is row 1, each
record one row however many lines it spans, blank rows counted.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from geo.records.cells import MAX_CELL, clean_cell
from geo.records.context import Context
from geo.records.csvrows import BOM, csv_header
from geo.records.frame import FRAME_COLUMNS, frame_from_columns
from geo.records.problems import Problem
from geo.records.table import header_problems
from geo.records.vchecks import CHECKS
from geo.records.vector import Columns, Report, Spread
from geo.schema import Layer

__all__ = ["COLUMNAR_FROM_BYTES", "Loaded", "check_columns", "read_csv_columns"]

# Files at least this large go through the columnar loader by default (smaller ones gain nothing from it).
COLUMNAR_FROM_BYTES = 1_000_000
_BLOCK = 16 << 20
_HEADER_BYTES = 1 << 16
_QUOTE, _COMMA, _LF, _CR = 0x22, 0x2C, 0x0A, 0x0D
# Columns whose values are mostly distinct stay plain strings; the others are read dictionary-encoded.
_DISTINCT = frozenset({"id", "lat", "lon", "summary", "actor1", "actor2", "unit", "nations", "force"})


@dataclass(frozen=True)
class Loaded:
    """A checked table: its records, every problem, and how many rows held anything."""

    frame: pd.DataFrame
    problems: list[Problem]
    total: int


Blocks = Iterator[tuple[bytes, int, int]]


def _memory_blocks(content: bytes, start: int) -> Blocks:
    """(block, the byte before it, the byte after it) over content[start:]; a line end stands for the file's edges."""
    for offset in range(start, len(content), _BLOCK):
        before = content[offset - 1] if offset > start else _LF
        after = content[offset + _BLOCK] if offset + _BLOCK < len(content) else _LF
        yield content[offset : offset + _BLOCK], before, after


def _file_blocks(path: Path, start: int) -> Blocks:
    with open(path, "rb") as handle:
        handle.seek(start)
        before, block = _LF, handle.read(_BLOCK)
        while block:
            following = handle.read(_BLOCK)
            yield block, before, following[0] if following else _LF
            before, block = block[-1], following


def quotes_regular(blocks: Blocks) -> bool:
    """True when every quote opens a cell, closes one, or doubles a quote inside one, none is left open, no NUL."""
    return quote_structure(blocks) is not None


def _quoted_line_end(data: np.ndarray, found: np.ndarray, parity: int) -> bool:
    """True when a line end in this block lies inside quotes (an odd number of quotes before it)."""
    ends = np.flatnonzero((data == _LF) | (data == _CR))
    return bool(((np.searchsorted(found, ends) + parity) % 2).any())


def quote_structure(blocks: Blocks) -> tuple[bool] | None:
    """(whether a quoted cell holds a line end,) when quotes are regular; None otherwise (or when a NUL is there).

    Counted in order, the even quotes must open (come after a comma, a line
    end, another quote or the start) and the odd ones close (come before a
    comma, a line end, another quote or the end). Then the quotes' places
    decide the cells as Python's csv module and pyarrow both read them, and a
    line end is a row's end unless an odd number of quotes comes before it.
    """
    boundary = np.zeros(256, dtype=bool)
    boundary[[_QUOTE, _COMMA, _LF, _CR]] = True
    parity, multiline = 0, False
    for block, first_before, last_after in blocks:
        if b"\x00" in block:
            return None
        data = np.frombuffer(block, dtype=np.uint8)
        found = np.flatnonzero(data == _QUOTE)
        multiline = multiline or (parity == 1 and not len(found) and (b"\n" in block or b"\r" in block))
        if not len(found):
            continue
        opens, closes = found[parity::2], found[1 - parity :: 2]
        before = data.take(opens - 1, mode="clip")
        after = data.take(closes + 1, mode="clip")
        if len(opens) and opens[0] == 0:
            before[0] = first_before
        if len(closes) and closes[-1] == len(data) - 1:
            after[-1] = last_after
        if not (boundary[before].all() and boundary[after].all()):
            return None
        multiline = multiline or _quoted_line_end(data, found, parity)
        parity = (parity + len(found)) % 2
    return (multiline,) if parity == 0 else None


def _header(source: bytes | Path) -> tuple[list[str], int] | None:
    """The header and the offset where data rows begin, read from the first megabytes."""
    size = _HEADER_BYTES
    while True:
        head = source[:size] if isinstance(source, bytes) else _head(source, size)
        start = len(BOM) if head.startswith(BOM) else 0
        found = csv_header(head, start)
        complete = found is not None and (found[1] < len(head) or len(head) < size)
        if complete or len(head) < size:
            return found if complete else None
        size *= 4


def _head(path: Path, size: int) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(size)


def _pyarrow_table(source: bytes | Path, offset: int, header: list[str], multiline: bool) -> pa.Table | None:
    names = [f"c{i}" for i in range(len(header))]
    dictionary = pa.dictionary(pa.int32(), pa.string())
    types = {n: pa.string() if h in _DISTINCT else dictionary for n, h in zip(names, header, strict=True)}
    size = len(source) if isinstance(source, bytes) else source.stat().st_size
    if offset >= size:
        return pa.table({n: pa.array([], t) for n, t in types.items()})

    try:
        stream = pa.BufferReader(pa.py_buffer(source)[offset:]) if isinstance(source, bytes) else pa.OSFile(str(source))
        if not isinstance(source, bytes):
            stream.seek(offset)
        with stream:
            return pa_csv.read_csv(
                stream,
                read_options=pa_csv.ReadOptions(column_names=names, block_size=_BLOCK),
                # A row with too few or too many cells is an error here (pyarrow's default): the row loader says which.
                parse_options=pa_csv.ParseOptions(newlines_in_values=multiline, ignore_empty_lines=False),
                convert_options=pa_csv.ConvertOptions(
                    column_types=types, strings_can_be_null=False, quoted_strings_can_be_null=False
                ),
            )
    except (pa.ArrowException, OSError):
        return None


def _scanned_table(source: bytes | Path, blocks: Blocks, offset: int, header: list[str]) -> pa.Table | None:
    """The table, read by pyarrow while the quotes are scanned on another thread (both release the GIL: a
    million rows take about a second less); None when the quotes say the row loader must read the file."""
    scanned: list[tuple[bool] | None] = []

    def scan() -> None:
        try:
            scanned.append(quote_structure(blocks))
        except OSError:
            scanned.append(None)  # the row loader reads it again and says what is wrong

    scanning = threading.Thread(target=scan, name="quote scan")
    scanning.start()
    table = _pyarrow_table(source, offset, header, multiline=False)
    scanning.join()
    structure = scanned[0] if scanned else None
    if structure is None:
        return None
    if structure[0]:  # a quoted cell holds a line end: read again, with pyarrow told so
        table = _pyarrow_table(source, offset, header, multiline=True)
    return table


def _emptiness_and_length(columns: Columns, name: str) -> tuple[np.ndarray, np.ndarray]:
    """For each row: is the cell blank, and how many characters it holds."""
    array = columns.arrays[name]
    if pa.types.is_dictionary(array.type):
        coded = columns.coded(name)
        assert coded.lengths is not None
        return np.array([v == "" for v in coded.values], dtype=bool)[coded.codes], coded.lengths[coded.codes]
    lengths = pc.utf8_length(pc.fill_null(array, "")).to_numpy().astype(np.int64)
    return columns.empty(name), lengths


def _blank_and_long(columns: Columns, header: list[str]) -> tuple[np.ndarray, np.ndarray, set[int]]:
    """Rows with nothing in them; each row's first over-long cell (-1: none); unnamed columns holding data."""
    blank = np.ones(len(columns), dtype=bool)
    long = np.full(len(columns), -1, dtype=np.int64)
    filled: set[int] = set()
    for index, name in enumerate(header):
        empty, lengths = _emptiness_and_length(columns, f"c{index}")
        blank &= empty
        if not name and not empty.all():
            filled.add(index)
        over = np.flatnonzero((lengths > MAX_CELL) & (long < 0))
        long[over] = index
    return blank, long, filled


def read_csv_columns(name: str, source: bytes | Path) -> tuple[Columns, list[Problem], int] | None:
    """A CSV file (its bytes, or its path: then it is never all in memory) as named columns, its reading
    problems and its row count; or None when the row loader must read it."""
    found = _header(source)
    if found is None:
        return None
    header, offset = found
    start = len(BOM) if bytes(source[:3] if isinstance(source, bytes) else _head(source, 3)) == BOM else 0
    blocks = _memory_blocks(source, start) if isinstance(source, bytes) else _file_blocks(source, start)
    table = _scanned_table(source, blocks, offset, header)
    pa.default_memory_pool().release_unused()  # the reader's scratch blocks
    if table is None:
        return None
    raw = Columns(
        dict(zip(table.column_names, table.columns, strict=True)), np.arange(2, table.num_rows + 2), clean_cell
    )
    blank, long, filled = _blank_and_long(raw, header)
    problems = header_problems(name, header, filled)
    for position in np.flatnonzero(long >= 0).tolist():
        column = header[long[position]] or f"column {long[position] + 1}"
        length = len(raw.arrays[f"c{long[position]}"][position].as_py())
        problems.append(
            Problem(
                name,
                int(raw.rows[position]),
                column,
                f"cell of {length:,} characters; a cell holds at most {MAX_CELL:,}",
            )
        )
    keep = np.flatnonzero(~blank & (long < 0))
    last = {column: f"c{index}" for index, column in enumerate(header) if column}  # a repeated name: the last is read
    return raw.renamed(last).take(keep), problems, int((~blank).sum())


def _selected(value: object, accepted: np.ndarray | None) -> object:
    """The accepted rows' values (all of them when `accepted` is None: arrow text is then shared, not copied)."""
    if isinstance(value, Spread):
        return value.column(None if accepted is None else np.flatnonzero(accepted)).to_pandas()
    if isinstance(value, (pa.Array, pa.ChunkedArray)):
        return (value if accepted is None else value.filter(pa.array(accepted))).to_pandas()
    values = np.asarray(value) if accepted is None else np.asarray(value)[accepted]
    if values.dtype == object and len(values) and isinstance(values[0], str):
        return pa.array(values, pa.string()).to_pandas()  # arrow makes text columns ten times faster than pandas
    return values


def check_columns(
    columns: Columns, name: str, layer: Layer, context: Context
) -> tuple[pd.DataFrame, list[Problem], np.ndarray]:
    """The columnar counterpart of geo.records.rows.numbered_rows: records, problems (in the row loader's order)
    and each record's row number."""
    report = Report(name, columns.rows)
    values = CHECKS[layer](columns, report, context)
    accepted = ~report.failed(len(columns))
    numbers = columns.rows[accepted]
    columns.release()
    everything = bool(accepted.all())
    selected = {}
    for column, _ in FRAME_COLUMNS[layer]:
        selected[column] = _selected(values.pop(column), None if everything else accepted)
    pa.default_memory_pool().release_unused()
    return frame_from_columns(selected, layer), report.problems(), numbers
