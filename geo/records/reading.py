"""Files in, as rows: what kind of file it is, and reading it from disk with plain-word refusals."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from geo.records.csvrows import BOM, csv_rows
from geo.records.geojson import geojson_rows
from geo.records.problems import Problem
from geo.records.table import RowList, Rows

__all__ = ["InputError", "file_problem", "is_json", "is_parquet", "read_input", "read_rows"]

PARQUET_MAGIC = b"PAR1"
_SAVE_AS = "save it as CSV UTF-8 (or GeoJSON, or GeoParquet)"


class InputError(OSError):
    """An input file that cannot be read; carries the problem to show."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def is_parquet(content: bytes) -> bool:
    """True for a Parquet file (it starts and ends with PAR1)."""
    return len(content) >= 12 and content[:4] == PARQUET_MAGIC and content[-4:] == PARQUET_MAGIC


def is_json(name: str, content: bytes) -> bool:
    """True when a file is GeoJSON by its name or its first character."""
    start = content[:1024].removeprefix(BOM).lstrip()
    return name.lower().endswith((".geojson", ".json")) or start.startswith((b"{", b"["))


def _utf16_without_mark(sample: bytes) -> bool:
    halves = (sample[0::2], sample[1::2])
    return len(sample) >= 4 and any(h.count(0) >= 0.9 * len(h) for h in halves) and sample.count(0) < len(sample)


def file_problem(name: str, content: bytes) -> Problem | None:
    """Why a file that is neither Parquet nor text cannot be read at all, or None."""
    if content.startswith(b"PK\x03\x04"):
        return Problem(name, 0, "-", f"a ZIP archive or spreadsheet workbook (.xlsx), not a text file; {_SAVE_AS}")
    if content.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_mark(content[:200]):
        return Problem(name, 0, "-", f"UTF-16 text (a spreadsheet's “Unicode text”), not UTF-8; {_SAVE_AS}")
    if b"\x00" in content:
        return Problem(name, 0, "-", f"binary data (it holds NUL bytes), not a CSV or GeoJSON text file; {_SAVE_AS}")
    if not content.removeprefix(BOM).strip():
        return Problem(name, 1, "-", "empty file: expected a header row")
    return None


def read_rows(name: str, content: bytes) -> tuple[Rows, list[Problem]]:
    """Rows of a CSV, GeoJSON or (Geo)Parquet file as text cells; GeoJSON and GeoParquet points become lat/lon."""
    if is_parquet(content):
        from geo.parquet import parquet_rows  # pyarrow's Parquet reader loads only when needed

        return parquet_rows(name, content)
    problem = file_problem(name, content)
    if problem:
        return RowList.unreadable(), [problem]
    if is_json(name, content):
        return geojson_rows(name, content)
    return csv_rows(name, content)


_REASONS = {
    errno.ENOENT: "no such file",
    errno.ENOTDIR: "no such file (a part of its path is not a folder)",
    errno.EACCES: "cannot be read: permission denied",
    errno.EPERM: "cannot be read: permission denied",
    errno.ELOOP: "cannot be read: too many symbolic links",
    errno.ENAMETOOLONG: "cannot be read: the name is too long",
    errno.EIO: "cannot be read: the disk reports an input/output error",
}


def _refuse(path: Path, message: str) -> InputError:
    return InputError(Problem(str(path), 0, "-", message))


def check_input(path: Path) -> os.stat_result:
    """The file's status, or InputError saying in plain words why it is no file to read."""
    try:
        status = path.stat()
    except OSError as error:
        raise _refuse(path, _REASONS.get(error.errno or 0, f"cannot be read: {error.strerror}")) from None
    except ValueError:  # a NUL byte in the name
        raise _refuse(path, "no such file (the name holds a NUL byte)") from None
    if stat.S_ISDIR(status.st_mode):
        raise _refuse(path, "is a folder, not a file; give a CSV, GeoJSON or GeoParquet file")
    if not stat.S_ISREG(status.st_mode):
        raise _refuse(path, "is not a regular file (a pipe, device or socket); give a CSV, GeoJSON or GeoParquet file")
    return status


def read_input(path: Path) -> bytes:
    """A data file's bytes, or InputError: no such file, a folder, a pipe or device, not readable."""
    check_input(path)
    try:
        return path.read_bytes()
    except OSError as error:
        raise _refuse(path, _REASONS.get(error.errno or 0, f"cannot be read: {error.strerror}")) from None
