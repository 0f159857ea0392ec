"""The PostgreSQL + PostGIS engine: one store shared by every app process and editor of a team.

Chosen with `KOSOVO_MAP_STORE=postgresql://user@host/db`. Records keep a PostGIS
point (GiST index) and a date range (GiST index), so window and bounding-box
queries run in the database. Writers serialise on one transaction-scoped
advisory lock, so the duplicate-id check and the insert see the same store.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from geo.schema import Layer
from geo.store.engine import CHANGE_COLUMNS, BBox
from geo.store.errors import (
    BusyStoreError,
    ReadOnlyStoreError,
    StoreError,
    StoreFullError,
    UnreachableStoreError,
)
from geo.store.records import Change, StoredRecord, Where

__all__ = ["PostgisEngine", "open_postgis", "public_location"]

SCHEMA_VERSION = 2
_WRITE_LOCK = 0x4B4D4150  # "KMAP": the advisory lock every writer takes first
_CONNECT_TIMEOUT_S = 5
_SCHEMA = """
CREATE TABLE IF NOT EXISTS kosovo_map_meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS records (
    seq bigserial PRIMARY KEY,
    id text NOT NULL UNIQUE,
    layer text NOT NULL CHECK (layer IN ('incident', 'deployment')),
    row_json jsonb NOT NULL,
    geom geometry(Point, 4326) NOT NULL,
    first_date date NOT NULL,
    last_date date,
    version integer NOT NULL,
    deleted boolean NOT NULL DEFAULT false,
    source_label text NOT NULL,
    created_at timestamptz NOT NULL,
    created_by text NOT NULL,
    changed_at timestamptz NOT NULL,
    changed_by text NOT NULL
);
CREATE INDEX IF NOT EXISTS records_geom ON records USING gist (geom);
CREATE INDEX IF NOT EXISTS records_active ON records USING gist (daterange(first_date, last_date, '[]'));
CREATE TABLE IF NOT EXISTS changes (
    seq bigserial PRIMARY KEY,
    record_id text NOT NULL,
    layer text NOT NULL,
    action text NOT NULL,
    version integer NOT NULL,
    at timestamptz NOT NULL,
    by_whom text NOT NULL,
    before_json jsonb,
    after_json jsonb,
    source_label text NOT NULL
);
CREATE INDEX IF NOT EXISTS changes_by_record ON changes (record_id, seq);
"""
_RECORD_COLUMNS = (
    "id, layer, row_json, ST_Y(geom), ST_X(geom), first_date, last_date, version, deleted, "
    "source_label, created_at, created_by, changed_at, changed_by"
)


def public_location(url: str) -> str:
    """The URL without its password, for messages and logs."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "postgresql://(a URL that cannot be read)"
    host, port, name = parts.get("host", "localhost"), parts.get("port", "5432"), parts.get("dbname", "")
    user = f"{parts['user']}@" if parts.get("user") else ""
    return f"postgresql://{user}{host}:{port}/{name}"


def failure(error: psycopg.Error, where: str) -> StoreError:
    """The server's error as what it means for the person."""
    if isinstance(error, pg_errors.DiskFull | pg_errors.OutOfMemory):
        return StoreFullError(where)
    if isinstance(error, pg_errors.ReadOnlySqlTransaction | pg_errors.InsufficientPrivilege):
        return ReadOnlyStoreError(where, "the database refuses writes for this user")
    if isinstance(error, pg_errors.LockNotAvailable | pg_errors.QueryCanceled):
        return BusyStoreError(where)
    if isinstance(error, psycopg.OperationalError):
        return UnreachableStoreError(where, _first_line(error))
    return StoreError(f"{where}: {_first_line(error)}")


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _record(row: tuple) -> StoredRecord:
    (record_id, layer, data, lat, lon, first, last, version, deleted, label, c_at, c_by, ch_at, ch_by) = row
    return StoredRecord(record_id, layer, data, Where(lat, lon, first, last), version, deleted, label, _iso(c_at),
                        c_by, _iso(ch_at), ch_by)  # fmt: skip


def _change(row: tuple) -> Change:
    record_id, layer, action, version, at, by, before, after, label, seq = row
    return Change(record_id, layer, action, version, _iso(at), by, before, after, label, seq)


def _json(row: dict[str, str] | None) -> str | None:
    return None if row is None else json.dumps(row, ensure_ascii=False, sort_keys=True)


def _record_values(record: StoredRecord) -> tuple:
    w = record.where
    return (record.id, record.layer, _json(record.row), w.lon, w.lat, w.first, w.last, record.version,
            record.deleted, record.source_label, record.created_at, record.created_by, record.changed_at,
            record.changed_by)  # fmt: skip


_VALUES = "%s, %s, %s::jsonb, ST_SetSRID(ST_MakePoint(%s, %s), 4326), %s, %s, %s, %s, %s, %s, %s, %s, %s"
_STORED = (
    "id, layer, row_json, geom, first_date, last_date, version, deleted, "
    "source_label, created_at, created_by, changed_at, changed_by"
)


class _Transaction:
    """SQL for one PostgreSQL transaction."""

    def __init__(self, connection: psycopg.Connection, writing: bool) -> None:
        self._c = connection
        self._lock = " FOR UPDATE" if writing else ""

    def _rows(self, query: str, params: Sequence[Any] = ()) -> list[tuple]:
        return self._c.execute(query, params).fetchall()

    def get_many(self, ids: Iterable[str]) -> list[StoredRecord]:
        query = f"SELECT {_RECORD_COLUMNS} FROM records WHERE id = ANY(%s){self._lock}"
        return [_record(r) for r in self._rows(query, (list(ids),))]

    def count(self) -> int:
        return int(self._rows("SELECT count(*) FROM records")[0][0])

    def get(self, record_id: str) -> StoredRecord | None:
        found = self._rows(f"SELECT {_RECORD_COLUMNS} FROM records WHERE id = %s{self._lock}", (record_id,))
        return _record(found[0]) if found else None

    def insert(self, records: Sequence[StoredRecord]) -> None:
        with self._c.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO records ({_STORED}) VALUES ({_VALUES})", [_record_values(r) for r in records]
            )

    def update(self, record: StoredRecord, expected_version: int) -> bool:
        cursor = self._c.execute(
            f"UPDATE records SET ({_STORED}) = ({_VALUES}) WHERE id = %s AND version = %s",
            (*_record_values(record), record.id, expected_version),
        )
        return cursor.rowcount == 1

    def log(self, changes: Sequence[Change]) -> None:
        columns = CHANGE_COLUMNS.removesuffix(", seq")
        with self._c.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO changes ({columns}) VALUES (%s, %s, %s, %s, %s, %s, %s::jsonb, %s::jsonb, %s)",
                [(c.record_id, c.layer, c.action, c.version, c.at, c.by, _json(c.before), _json(c.after),
                  c.source_label) for c in changes],
            )  # fmt: skip

    def records(self, layer: Layer | None, deleted: bool) -> list[StoredRecord]:
        query = (
            f"SELECT {_RECORD_COLUMNS} FROM records WHERE (%s::text IS NULL OR layer = %s) "
            "AND (%s OR NOT deleted) ORDER BY seq"
        )
        return [_record(r) for r in self._rows(query, (layer, layer, deleted))]

    def window(self, layer: Layer, start: date | None, end: date | None, bbox: BBox | None) -> list[StoredRecord]:
        conditions = ["layer = %s", "NOT deleted", "daterange(first_date, last_date, '[]') && daterange(%s, %s, '[]')"]
        params: list[Any] = [layer, start, end]
        if bbox is not None:
            conditions.append("geom && ST_MakeEnvelope(%s, %s, %s, %s, 4326)")
            params += list(bbox)
        query = f"SELECT {_RECORD_COLUMNS} FROM records WHERE {' AND '.join(conditions)} ORDER BY seq"
        return [_record(r) for r in self._rows(query, params)]

    def history(self, record_id: str | None) -> list[Change]:
        query = f"SELECT {CHANGE_COLUMNS} FROM changes WHERE %s::text IS NULL OR record_id = %s ORDER BY seq"
        return [_change(row) for row in self._rows(query, (record_id, record_id))]

    def revision(self) -> int:
        return int(self._rows("SELECT coalesce(max(seq), 0) FROM changes")[0][0])


class PostgisEngine:
    """An open PostGIS store; safe to share between threads. Reconnects when the server came back."""

    def __init__(self, url: str, timeout: float) -> None:
        self._url = url
        self._timeout = timeout
        self.location = public_location(url)
        self.read_only = False
        self._lock = threading.RLock()
        self._connection: psycopg.Connection | None = None
        with self._errors():
            self._prepare(self._connect())

    def _connect(self) -> psycopg.Connection:
        if self._connection is None or self._connection.closed or self._connection.broken:
            options = f"-c TimeZone=UTC -c lock_timeout={int(self._timeout * 1000)}"
            conninfo = make_conninfo(self._url, connect_timeout=_CONNECT_TIMEOUT_S, options=options)
            self._connection = psycopg.connect(conninfo, autocommit=True)
        return self._connection

    def _prepare(self, connection: psycopg.Connection) -> None:
        with connection.transaction():
            connection.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
            self._postgis(connection)
            connection.execute(_SCHEMA)
            found = connection.execute("SELECT value FROM kosovo_map_meta WHERE key = 'schema_version'").fetchone()
            version = int(found[0]) if found else SCHEMA_VERSION
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.location}: store version {version} is newer than this program")
            connection.execute(
                "INSERT INTO kosovo_map_meta VALUES ('schema_version', %s) ON CONFLICT (key) DO NOTHING",
                (str(SCHEMA_VERSION),),
            )

    def _postgis(self, connection: psycopg.Connection) -> None:
        if connection.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone():
            return
        try:
            with connection.transaction():
                connection.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        except psycopg.Error as error:
            raise StoreError(
                f"{self.location}: PostGIS is not enabled in this database and this user cannot enable it "
                f"({_first_line(error)}); ask its owner to run CREATE EXTENSION postgis"
            ) from None

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except psycopg.Error as error:
            raise failure(error, self.location) from None

    @contextlib.contextmanager
    def write(self) -> Iterator[_Transaction]:
        with self._lock, self._errors():
            connection = self._connect()
            with connection.transaction():
                connection.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
                yield _Transaction(connection, writing=True)

    @contextlib.contextmanager
    def read(self) -> Iterator[_Transaction]:
        with self._lock, self._errors():
            connection = self._connect()
            with connection.transaction():
                connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                yield _Transaction(connection, writing=False)


def open_postgis(url: str, timeout: float) -> PostgisEngine:
    """Connect to the PostGIS store at `url`, creating its tables on first use."""
    return PostgisEngine(url, timeout)
