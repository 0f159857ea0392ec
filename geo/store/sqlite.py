"""The SQLite engine: one file on the user's computer, zero set-up (the default).

Writers take the write lock up front (`BEGIN IMMEDIATE`) and wait for each other
(busy timeout, WAL journal), so processes saving at once lose nothing. Window and
bounding-box queries go through an R*Tree over (days, longitude, latitude). A file
that is not a store of ours is reported and never written to; a busy, read-only or
full store is reported as exactly that. A read-only store can still be read.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path

from geo.schema import Layer
from geo.store.engine import CHANGE_COLUMNS, BBox
from geo.store.errors import CorruptStoreError, ReadOnlyStoreError, StoreError
from geo.store.records import Change, StoredRecord, Where
from geo.store.sqlite_files import check_header, failure, read_only_mount

__all__ = ["SqliteEngine", "open_sqlite"]

_APPLICATION_ID = 0x4B4D4150  # "KMAP": marks a SQLite file as our store
SCHEMA_VERSION = 2
_OPEN_ENDED = 3_000_000  # the R*Tree's last day for a deployment without an end (beyond any real date)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    layer TEXT NOT NULL CHECK (layer IN ('incident', 'deployment')),
    row_json TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    first_date TEXT NOT NULL,
    last_date TEXT,
    version INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    source_label TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS records_where USING rtree(seq, first_day, last_day, west, east, south, north);
CREATE TABLE IF NOT EXISTS changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id TEXT NOT NULL,
    layer TEXT NOT NULL,
    action TEXT NOT NULL,
    version INTEGER NOT NULL,
    at TEXT NOT NULL,
    by_whom TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT,
    source_label TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS changes_by_record ON changes (record_id, seq);
"""
_RECORD_COLUMNS = (
    "id, layer, row_json, lat, lon, first_date, last_date, version, deleted, "
    "source_label, created_at, created_by, changed_at, changed_by"
)


def _day(value: date | None) -> int:
    return value.toordinal() if value is not None else _OPEN_ENDED


def _record(row: sqlite3.Row | tuple) -> StoredRecord:
    (record_id, layer, text, lat, lon, first, last, version, deleted, label, c_at, c_by, ch_at, ch_by) = row
    where = Where(lat, lon, date.fromisoformat(first), date.fromisoformat(last) if last else None)
    return StoredRecord(record_id, layer, json.loads(text), where, version, bool(deleted), label, c_at, c_by, ch_at,
                        ch_by)  # fmt: skip


def _change(row: tuple) -> Change:
    record_id, layer, action, version, at, by, before, after, label, seq = row
    before_row = json.loads(before) if before is not None else None
    after_row = json.loads(after) if after is not None else None
    return Change(record_id, layer, action, version, at, by, before_row, after_row, label, seq)


def _json(row: dict[str, str] | None) -> str | None:
    return None if row is None else json.dumps(row, ensure_ascii=False, sort_keys=True)


def _record_values(record: StoredRecord) -> tuple:
    w = record.where
    return (record.id, record.layer, _json(record.row), w.lat, w.lon, w.first.isoformat(),
            w.last.isoformat() if w.last else None, record.version, int(record.deleted), record.source_label,
            record.created_at, record.created_by, record.changed_at, record.changed_by)  # fmt: skip


class _Transaction:
    """SQLite statements for one transaction (the connection is held by the engine's lock)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._c = connection

    def get_many(self, ids: Iterable[str]) -> list[StoredRecord]:
        wanted, found = list(ids), []
        for start in range(0, len(wanted), 500):  # SQLite limits the number of parameters of one statement
            part = wanted[start : start + 500]
            query = f"SELECT {_RECORD_COLUMNS} FROM records WHERE id IN ({', '.join('?' * len(part))})"
            found += [_record(r) for r in self._c.execute(query, part)]
        return found

    def count(self) -> int:
        return int(self._c.execute("SELECT count(*) FROM records").fetchone()[0])

    def get(self, record_id: str) -> StoredRecord | None:
        found = self._c.execute(f"SELECT {_RECORD_COLUMNS} FROM records WHERE id = ?", (record_id,)).fetchone()
        return _record(found) if found else None

    def insert(self, records: Sequence[StoredRecord]) -> None:
        marks = ", ".join("?" * 14)
        for record in records:
            cursor = self._c.execute(
                f"INSERT INTO records ({_RECORD_COLUMNS}) VALUES ({marks})", _record_values(record)
            )
            self._index(cursor.lastrowid, record.where)

    def _index(self, seq: int | None, where: Where) -> None:
        self._c.execute(
            "INSERT OR REPLACE INTO records_where VALUES (?, ?, ?, ?, ?, ?, ?)",
            (seq, _day(where.first), _day(where.last), where.lon, where.lon, where.lat, where.lat),
        )

    def update(self, record: StoredRecord, expected_version: int) -> bool:
        assignments = ", ".join(f"{c.strip()} = ?" for c in _RECORD_COLUMNS.split(","))
        cursor = self._c.execute(
            f"UPDATE records SET {assignments} WHERE id = ? AND version = ?",
            (*_record_values(record), record.id, expected_version),
        )
        if cursor.rowcount != 1:
            return False
        (seq,) = self._c.execute("SELECT seq FROM records WHERE id = ?", (record.id,)).fetchone()
        self._index(seq, record.where)
        return True

    def log(self, changes: Sequence[Change]) -> None:
        self._c.executemany(
            f"INSERT INTO changes ({CHANGE_COLUMNS.removesuffix(', seq')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(c.record_id, c.layer, c.action, c.version, c.at, c.by, _json(c.before), _json(c.after), c.source_label)
             for c in changes],
        )  # fmt: skip

    def records(self, layer: Layer | None, deleted: bool) -> list[StoredRecord]:
        query = f"SELECT {_RECORD_COLUMNS} FROM records WHERE (? IS NULL OR layer = ?) AND (? OR deleted = 0)"
        return [_record(r) for r in self._c.execute(query + " ORDER BY seq", (layer, layer, deleted))]

    def window(self, layer: Layer, start: date | None, end: date | None, bbox: BBox | None) -> list[StoredRecord]:
        west, south, east, north = bbox or (-180.0, -90.0, 180.0, 90.0)
        # The R*Tree drives the query (a plain join lets SQLite scan the records and probe the tree per row).
        query = (
            f"SELECT {_RECORD_COLUMNS} FROM records WHERE seq IN (SELECT seq FROM records_where "
            "WHERE first_day <= ? AND last_day >= ? AND east >= ? AND west <= ? AND north >= ? AND south <= ?) "
            "AND layer = ? AND deleted = 0 ORDER BY seq"
        )
        last, first = _day(end) if end else _OPEN_ENDED, _day(start) if start else 0
        found = self._c.execute(query, (last, first, west, east, south, north, layer))
        return [r for r in map(_record, found) if _inside(r.where, start, end, bbox)]  # R*Tree boxes are float32

    def history(self, record_id: str | None) -> list[Change]:
        query = f"SELECT {CHANGE_COLUMNS} FROM changes WHERE ? IS NULL OR record_id = ? ORDER BY seq"
        return [_change(row) for row in self._c.execute(query, (record_id, record_id))]

    def revision(self) -> int:
        return int(self._c.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()[0])


def _inside(where: Where, start: date | None, end: date | None, bbox: BBox | None) -> bool:
    """The exact test behind the R*Tree's coarse one."""
    if end is not None and where.first > end:
        return False
    if start is not None and where.last is not None and where.last < start:
        return False
    if bbox is None:
        return True
    west, south, east, north = bbox
    return west <= where.lon <= east and south <= where.lat <= north


class SqliteEngine:
    """An open SQLite store; safe to share between threads (one at a time in the connection)."""

    def __init__(self, path: Path, connection: sqlite3.Connection, read_only: bool) -> None:
        self.path = path
        self.location = str(path)
        self.read_only = read_only
        self._connection = connection
        self._lock = threading.RLock()
        (self.version,) = connection.execute("PRAGMA user_version").fetchone()

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    @contextlib.contextmanager
    def write(self) -> Iterator[_Transaction]:
        if self.read_only:
            raise ReadOnlyStoreError(self.location)
        with self._lock, self._errors():
            connection = self._connection
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield _Transaction(connection)
                connection.execute("COMMIT")
            except BaseException:
                # SQLite may have rolled back by itself (a full disk): a second ROLLBACK would hide why.
                if connection.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        connection.execute("ROLLBACK")
                raise

    @contextlib.contextmanager
    def read(self) -> Iterator[_Transaction]:
        with self._lock, self._errors():
            self._connection.execute("BEGIN")
            try:
                yield _Transaction(self._connection)
            finally:
                if self._connection.in_transaction:
                    self._connection.execute("ROLLBACK")

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            raise failure(error, self.path) from None

    def legacy_rows(self) -> list[tuple[str, str, str, str, str]]:
        """A version-1 store's rows (id, layer, row_json, source_label, saved_at), for the upgrade."""
        with self._lock, self._errors():
            query = "SELECT id, layer, row_json, source_label, saved_at FROM records ORDER BY rowid"
            return list(self._connection.execute(query))

    def into_memory(self) -> None:
        """Read a read-only store from a copy in memory (so it can be upgraded there, leaving the file alone)."""
        memory = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        with self._lock:
            self._connection.backup(memory)
            self._connection.close()
            self._connection = memory

    def upgrade(self, records: Sequence[StoredRecord], changes: Sequence[Change]) -> None:
        """Turn a version-1 store into this version in one transaction (all of it, or nothing)."""
        read_only, self.read_only = self.read_only, False  # a read-only store is upgraded in memory only
        try:
            self._upgrade(records, changes)
        finally:
            self.read_only = read_only

    def _upgrade(self, records: Sequence[StoredRecord], changes: Sequence[Change]) -> None:
        with self.write() as transaction:
            connection = self._connection
            connection.execute("ALTER TABLE records RENAME TO records_v1")
            _create_tables(connection)
            transaction.insert(records)
            transaction.log(changes)
            connection.execute("DROP TABLE records_v1")
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self.version = SCHEMA_VERSION


def _connect(path: Path, timeout: float, read_only: str | None) -> sqlite3.Connection:
    # Streamlit reruns a page on other threads; the engine's lock keeps one thread in the connection at a time.
    uri = {"ro": "?mode=ro", "immutable": "?mode=ro&immutable=1"}.get(read_only or "")
    target = f"{path.resolve().as_uri()}{uri}" if uri else str(path)
    connection = sqlite3.connect(target, timeout=timeout, isolation_level=None, check_same_thread=False, uri=bool(uri))
    connection.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    return connection


def _create_tables(connection: sqlite3.Connection) -> None:
    # One statement at a time: executescript() would commit the transaction we are in.
    for statement in filter(None, (s.strip() for s in _SCHEMA.split(";"))):
        connection.execute(statement)


def _check_integrity(connection: sqlite3.Connection, path: Path) -> None:
    (result,) = connection.execute("PRAGMA quick_check").fetchone()
    if result != "ok":
        raise CorruptStoreError(path, f"integrity check: {result}")
    (application_id,) = connection.execute("PRAGMA application_id").fetchone()
    tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if application_id != _APPLICATION_ID and tables:
        raise CorruptStoreError(path, "an SQLite database of another program")


def _create_schema(connection: sqlite3.Connection, path: Path) -> None:
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    if version == SCHEMA_VERSION:  # nothing to create: opening needs no write lock (a busy store can be read)
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        if version > SCHEMA_VERSION:
            raise StoreError(f"{path}: store version {version} is newer than this program ({SCHEMA_VERSION})")
        if version in (0, SCHEMA_VERSION):  # a version-1 store is upgraded by the store, which can check its rows
            _create_tables(connection)
            connection.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def _writable(path: Path) -> bool:
    """Whether this process may write the store (root ignores permissions, not a read-only mount)."""
    folder_ok = os.access(path.parent, os.W_OK) and not read_only_mount(path.parent)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))


def _make_folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = "its folder is read-only" if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM) else str(error)
        raise StoreError(f"{path}: cannot create the store ({reason}); nothing was kept") from None


def open_sqlite(path: Path, timeout: float) -> SqliteEngine:
    """Open (or create) the SQLite store at `path`; read-only when the file or its folder cannot be written."""
    check_header(path)
    _make_folder(path)
    read_only = not _writable(path)
    if read_only and not path.exists():
        raise StoreError(f"{path}: cannot create the store (its folder is read-only); nothing was kept")
    try:
        connection = _opened(path, timeout, read_only)
    except sqlite3.Error as error:
        raise failure(error, path) from None
    return SqliteEngine(path, connection, read_only)


def _opened(path: Path, timeout: float, read_only: bool) -> sqlite3.Connection:
    connection = _connect(path, timeout, "ro" if read_only else None)
    try:
        _prepare(connection, path, read_only)
        return connection
    except sqlite3.Error as error:
        connection.close()
        if not read_only or not getattr(error, "sqlite_errorname", "").startswith("SQLITE_CANTOPEN"):
            raise
    # A WAL store on a read-only disk has no -shm file and cannot make one: read it as an unchanging file.
    connection = _connect(path, timeout, "immutable")
    try:
        _prepare(connection, path, read_only)
    except BaseException:
        connection.close()
        raise
    return connection


def _prepare(connection: sqlite3.Connection, path: Path, read_only: bool) -> None:
    _check_integrity(connection, path)
    if not read_only:
        if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            connection.execute("PRAGMA journal_mode = WAL")
        _create_schema(connection, path)
