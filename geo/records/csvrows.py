"""CSV files read row by row, from their bytes, with Python's csv module (the row loader's reader).

Rows are numbered as a spreadsheet shows them: the header is row 1 and each
record is one row, however many lines its quoted cells span; blank rows keep
their number. A file whose structure breaks (a quote never closed, text after
a closing quote, bytes that are not UTF-8) is refused whole, with the row and
column where reading broke: it is never partly accepted.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from geo.records.cells import MAX_CELL, clean_cell
from geo.records.problems import Problem
from geo.records.table import RowList, Rows, header_problems

__all__ = ["BOM", "CsvRows", "csv_header", "csv_rows", "line_of"]

BOM = b"\xef\xbb\xbf"
# Cells longer than MAX_CELL are refused row by row; Python's own limit (131,072) would stop the whole file.
csv.field_size_limit(2**31 - 1)


class _Lines:
    """The file's lines (ending in \\n, \\r\\n or a lone \\r) decoded one at a time, tracking the byte offset.

    Bytes that are not UTF-8 become lone surrogates (surrogateescape), so the
    reader can still find the cell that holds them.
    """

    def __init__(self, content: bytes, start: int) -> None:
        self.content, self.position, self.bad = content, start, False
        self._has_cr = b"\r" in content

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        content, start = self.content, self.position
        if start >= len(content):
            raise StopIteration
        end = content.find(b"\n", start)
        end = len(content) if end < 0 else end + 1
        if self._has_cr:
            lone = content.find(b"\r", start, end)
            if lone >= 0 and not (lone == end - 2 and content[end - 1] == 0x0A):
                end = lone + 1  # an old Mac line end, not the \r of a \r\n
        self.position = end
        piece = content[start:end]
        try:
            return piece.decode("utf-8")
        except UnicodeDecodeError:
            self.bad = True
            return piece.decode("utf-8", "surrogateescape")


class _Broken(Exception):
    def __init__(self, row: int, column: str, message: str) -> None:
        super().__init__(message)
        self.row, self.column, self.message = row, column, message


_BAD_BYTE = re.compile("[\udc80-\udcff]")
_FIELD_END = re.compile(rb"[,\r\n]")


def line_of(content: bytes, offset: int) -> int:
    """The line number (from 1) of a byte offset."""
    breaks = content.count(b"\n", 0, offset)
    return breaks + 1 if breaks or b"\r" not in content[:offset] else content.count(b"\r", 0, offset) + 1


def _column_name(header: list[str], index: int) -> str:
    return header[index] if index < len(header) and header[index] else f"column {index + 1}"


def _quote_fault(content: bytes, offset: int) -> tuple[int, str, int]:
    """Where a record's quoting breaks: (cell index, "unclosed" | "after quote" | "", byte offset)."""
    field, position, size = 0, offset, len(content)
    while position < size:
        if content[position] == 0x22:
            search = position + 1
            while True:
                quote = content.find(b'"', search)
                if quote < 0:
                    return field, "unclosed", position
                after = content[quote + 1 : quote + 2]
                if after == b'"':
                    search = quote + 2
                    continue
                if after not in (b"", b",", b"\r", b"\n"):
                    return field, "after quote", quote
                position = quote + 1
                break
        else:
            found = _FIELD_END.search(content, position)
            position = found.start() if found else size
        if position < size and content[position] == 0x2C:
            field, position = field + 1, position + 1
            continue
        break
    return field, "", position


def _structure_problem(content: bytes, offset: int, row: int, header: list[str]) -> _Broken:
    field, kind, where = _quote_fault(content, offset)
    column = _column_name(header, field)
    line = line_of(content, where)
    if kind == "unclosed":
        message = (
            f"a quote opened on line {line} is never closed, so the rest of the file would be read into this "
            'one cell; add the closing quote (")'
        )
    elif kind == "after quote":
        snippet = content[where + 1 : where + 21].decode("utf-8", "replace").splitlines()[0:1]
        message = (
            f"text after a closing quote on line {line} ({''.join(snippet)!r}); "
            'a quote inside a quoted cell is written twice ("")'
        )
    else:
        message = f"the CSV cannot be read from line {line} on"
    return _Broken(row, column, message)


def _utf8_problem(record: list[str], row: int, header: list[str]) -> _Broken:
    for index, cell in enumerate(record):
        found = _BAD_BYTE.search(cell)
        if found:
            column = _column_name(header, index)
            byte = ord(found.group()) - 0xDC00
            return _Broken(
                row, column, f"not UTF-8 text (byte 0x{byte:02X}); save the file as UTF-8 (a spreadsheet's “CSV UTF-8”)"
            )
    return _Broken(row, "-", "not UTF-8 text; save the file as UTF-8 (a spreadsheet's “CSV UTF-8”)")


def _records(content: bytes, start: int, header: list[str]) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) for every record, the header first; raises _Broken where the file stops making sense.

    `header` names the columns in messages; the caller fills it once the first record is read.
    """
    lines = _Lines(content, start)
    reader = csv.reader(lines, strict=True)
    number = 1
    while True:
        offset = lines.position
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error:
            raise _structure_problem(content, offset, number, header) from None
        if lines.bad:
            raise _utf8_problem(record, number, header)
        yield number, record
        number += 1


@dataclass
class _Scan:
    header: list[str]
    skipped: set[int]
    problems: list[Problem]
    total: int = 0
    filled_unnamed: set[int] | None = None


def _check_record(name: str, number: int, record: list[str], scan: _Scan) -> None:
    header = scan.header
    if not any(cell.strip() for cell in record):
        scan.skipped.add(number)
        return
    scan.total += 1
    extra = [cell for cell in record[len(header) :] if cell.strip()]
    long = next((i for i, cell in enumerate(record) if len(cell) > MAX_CELL), None)
    if extra:
        scan.problems.append(
            Problem(
                name,
                number,
                "-",
                f"{len(record):,} cells but the header names {len(header):,} columns; "
                f"the cells from column {len(header) + 1:,} on would be lost",
            )
        )
    elif long is not None:
        scan.problems.append(
            Problem(
                name,
                number,
                _column_name(header, long),
                f"cell of {len(record[long]):,} characters; a cell holds at most {MAX_CELL:,}",
            )
        )
    else:
        unnamed = scan.filled_unnamed
        if unnamed is not None:
            unnamed.update(i for i, cell in enumerate(record) if i < len(header) and not header[i] and cell.strip())
        return
    scan.skipped.add(number)


class CsvRows(Rows):
    """A CSV's data rows as dicts made while reading: a million rows never sit in memory at once.

    The file is parsed again on each pass (a pass over a million rows takes a few
    seconds); only the numbers of the rows to skip are kept.
    """

    def __init__(self, content: bytes, start: int, scan: _Scan, count: int) -> None:
        self._content, self._start, self._header = content, start, scan.header
        self._count, self._skipped = count, frozenset(scan.skipped)
        self.columns, self.total, self.readable = tuple(scan.header), scan.total, True

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[dict[str, str]]:
        lines = _Lines(self._content, self._start)
        reader = csv.reader(lines, strict=True)
        next(reader, None)
        header = self._header
        for number, record in enumerate(reader, start=2):
            if number not in self._skipped:
                yield {**dict(zip(header, map(clean_cell, record), strict=False)), "_row": str(number)}

    def __getitem__(self, index: int) -> dict[str, str]:  # type: ignore[override]
        if not 0 <= index < self._count:
            raise IndexError(index)
        return next(itertools.islice(iter(self), index, None))


def csv_rows(name: str, content: bytes) -> tuple[Rows, list[Problem]]:
    """A CSV file's rows (read lazily) and the problems of its structure, or no rows if it cannot be read."""
    start = len(BOM) if content.startswith(BOM) else 0
    header: list[str] = []
    records = _records(content, start, header)
    try:
        first = next(records, None)
        header += [cell.strip() for cell in first[1]] if first else []
        if not any(header):
            return RowList.unreadable(), [Problem(name, 1, "-", "empty file: expected a header row")]
        scan = _Scan(header, set(), [], filled_unnamed=set() if "" in header else None)
        for number, record in records:
            _check_record(name, number, record, scan)
    except _Broken as broken:
        return RowList.unreadable(), [Problem(name, broken.row, broken.column, broken.message)]
    problems = header_problems(name, header, scan.filled_unnamed or ()) + scan.problems
    return CsvRows(content, start, scan, scan.total - len(scan.problems)), problems


def csv_header(content: bytes, start: int) -> tuple[list[str], int] | None:
    """The header's cells and the byte offset where the data rows begin, or None if the header cannot be read."""
    lines = _Lines(content, start)
    try:
        record = next(csv.reader(lines, strict=True), None)
    except csv.Error:
        return None
    if record is None or lines.bad:
        return None
    header = [cell.strip() for cell in record]
    return (header, lines.position) if any(header) else None
