"""What a SQLite store file is, and what SQLite's errors mean for the person using it.

Busy, read-only and full stores are reported as exactly that; a file that is not
a store of ours is refused before SQLite sees it, and never written to.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from geo.store.errors import BusyStoreError, CorruptStoreError, ReadOnlyStoreError, StoreError, StoreFullError

__all__ = ["check_header", "failure", "read_only_mount"]

_SQLITE_HEADER = b"SQLite format 3\x00"


def failure(error: sqlite3.Error, path: Path) -> StoreError:
    """SQLite's error as what it means for the person: busy, read-only, full, corrupt, or unopenable."""
    where = str(path)
    name = getattr(error, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(error):
        return BusyStoreError(where)
    if name.startswith("SQLITE_READONLY") or "readonly" in str(error):
        return ReadOnlyStoreError(where)
    if name == "SQLITE_FULL" or "disk is full" in str(error) or _disk_full(where):
        return StoreFullError(where)
    if name.startswith("SQLITE_CANTOPEN"):
        return StoreError(f"{where}: cannot open the store file ({_folder_reason(Path(where))})")
    if name in ("SQLITE_NOTADB", "SQLITE_CORRUPT") or (isinstance(error, sqlite3.DatabaseError) and not name):
        return CorruptStoreError(path, str(error))
    return StoreError(f"{where}: {error}")


def _disk_full(where: str) -> bool:
    with contextlib.suppress(OSError):
        stats = os.statvfs(Path(where).parent)
        return stats.f_bavail == 0
    return False


def _folder_reason(path: Path) -> str:
    folder = path.parent
    if not folder.exists():
        return "its folder does not exist"
    if not os.access(folder, os.W_OK) or read_only_mount(folder):
        return "its folder is read-only"
    return "permission denied or disk error"


def read_only_mount(folder: Path) -> bool:
    with contextlib.suppress(OSError):
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    return False


def check_header(path: Path) -> None:
    """Refuse a non-SQLite file before SQLite sees it (SQLite would not say which file, or why)."""
    if not path.exists():
        return
    if not path.is_file():
        raise CorruptStoreError(path, "not a regular file")
    with open(path, "rb") as handle:
        header = handle.read(len(_SQLITE_HEADER))
    if header and header != _SQLITE_HEADER:
        raise CorruptStoreError(path, "not an SQLite database")
