"""The user's store: incidents and deployments a user has accepted, kept in one SQLite file.

The shipped data/ stays read-only; what a user keeps (for example candidates
accepted from a news article) goes to `$KOSOVO_MAP_HOME/store.sqlite3`, or
`~/.local/share/kosovo-map/store.sqlite3`, created on first use. Rows are the
CSV schema of data/README.md as dicts of strings, checked with the loader's own
checks (`geo.incidents.parse_rows`) before anything is written. A batch is one
transaction: one bad row and nothing of the batch is kept. Writers take the
write lock up front (`BEGIN IMMEDIATE`) and wait for each other (busy timeout,
WAL journal), so two processes saving at once lose nothing. A file that is not
a store of ours is reported (`CorruptStoreError`) and never written to.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from geo.dataset import DATA_DIR, load_context
from geo.incidents import Context, DataError, Problem, parse_rows
from geo.schema import DEPLOYMENT_COLUMNS, INCIDENT_COLUMNS, INLINE_SOURCE_COLUMNS, Layer

__all__ = [
    "BUNDLE_FORMAT",
    "CorruptStoreError",
    "Store",
    "StoreError",
    "default_path",
    "open_store",
]

BUNDLE_FORMAT = "kosovo-map-store"
_BUNDLE_VERSION = 1
_APPLICATION_ID = 0x4B4D4150  # "KMAP": marks a SQLite file as our store
_SCHEMA_VERSION = 1
_BUSY_TIMEOUT_MS = 30_000
_SQLITE_HEADER = b"SQLite format 3\x00"
_LAYERS: dict[Layer, tuple[str, ...]] = {
    "incident": (*INCIDENT_COLUMNS, "place", *INLINE_SOURCE_COLUMNS),
    "deployment": (*DEPLOYMENT_COLUMNS, "place", *INLINE_SOURCE_COLUMNS),
}
_BUNDLE_KEYS: dict[Layer, str] = {"incident": "incidents", "deployment": "deployments"}
_SCHEMA = """
CREATE TABLE IF NOT EXISTS records (
    id TEXT PRIMARY KEY,
    layer TEXT NOT NULL CHECK (layer IN ('incident', 'deployment')),
    row_json TEXT NOT NULL,
    source_label TEXT NOT NULL,
    saved_at TEXT NOT NULL
);
"""


class StoreError(Exception):
    """The store cannot be opened or written."""


class CorruptStoreError(StoreError):
    """The store file exists but is not a readable store of ours; it is left untouched."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        super().__init__(
            f"{path}: not a readable kosovo-map store ({reason}). The file was left untouched; "
            "move it aside or restore it from an export to start again."
        )


def default_path() -> Path:
    """`$KOSOVO_MAP_HOME/store.sqlite3`, else `~/.local/share/kosovo-map/store.sqlite3`."""
    home = os.environ.get("KOSOVO_MAP_HOME")
    base = Path(home) if home else Path.home() / ".local" / "share" / "kosovo-map"
    return base / "store.sqlite3"


def _check_header(path: Path) -> None:
    """Refuse a non-SQLite file before SQLite sees it (SQLite would not say which file, or why)."""
    if not path.exists():
        return
    if not path.is_file():
        raise CorruptStoreError(path, "not a regular file")
    with open(path, "rb") as handle:
        header = handle.read(len(_SQLITE_HEADER))
    if header and header != _SQLITE_HEADER:
        raise CorruptStoreError(path, "not an SQLite database")


def _connect(path: Path) -> sqlite3.Connection:
    # Streamlit reruns a page on other threads; the store's lock keeps one thread in the connection at a time.
    connection = sqlite3.connect(path, timeout=_BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
    try:
        connection.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
        _check_integrity(connection, path)
        connection.execute("PRAGMA journal_mode = WAL")
        _create_schema(connection, path)
    except sqlite3.DatabaseError as error:
        connection.close()
        raise CorruptStoreError(path, str(error)) from error
    except StoreError:
        connection.close()
        raise
    return connection


def _check_integrity(connection: sqlite3.Connection, path: Path) -> None:
    (result,) = connection.execute("PRAGMA quick_check").fetchone()
    if result != "ok":
        raise CorruptStoreError(path, f"integrity check: {result}")
    (application_id,) = connection.execute("PRAGMA application_id").fetchone()
    tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if application_id != _APPLICATION_ID and tables:
        raise CorruptStoreError(path, "an SQLite database of another program")


def _create_schema(connection: sqlite3.Connection, path: Path) -> None:
    connection.execute("BEGIN IMMEDIATE")
    try:
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        if version > _SCHEMA_VERSION:
            raise StoreError(f"{path}: store version {version} is newer than this program ({_SCHEMA_VERSION})")
        connection.execute(_SCHEMA)
        connection.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
        connection.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def _shipped_ids(data_dir: Path) -> frozenset[str]:
    ids: set[str] = set()
    for name in ("incidents.csv", "deployments.csv"):
        with open(data_dir / name, encoding="utf-8", newline="") as handle:
            ids.update(row["id"] for row in csv.DictReader(handle) if row.get("id"))
    return frozenset(ids)


def _clean(row: dict[str, Any], layer: Layer, number: int) -> dict[str, str]:
    """The row's known columns as stripped strings, numbered for problem messages."""
    cleaned = {c: "" if row.get(c) is None else str(row.get(c)).strip() for c in _LAYERS[layer]}
    return {"_row": str(number), **cleaned}


class Store:
    """An open store; use `open_store()`. Safe to share between threads and processes."""

    def __init__(self, path: Path, connection: sqlite3.Connection, context: Context | None, data_dir: Path) -> None:
        self.path = path
        self._connection = connection
        self._lock = threading.RLock()
        self._context = context
        self._data_dir = data_dir

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        with self._lock:
            self._connection.close()

    @property
    def context(self) -> Context:
        """What rows are checked against (loaded on first use: the gazetteer, boundaries, sources)."""
        if self._context is None:
            self._context = load_context(self._data_dir)
        return self._context

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction holding the write lock from its start; rolled back on any error."""
        with self._lock:
            self._connection.execute("BEGIN IMMEDIATE")
            try:
                yield self._connection
            except BaseException:
                self._connection.execute("ROLLBACK")
                raise
            self._connection.execute("COMMIT")

    def save(self, rows: Iterable[dict[str, Any]], layer: Layer, source_label: str) -> int:
        """Check and keep a batch of rows of one layer; all or nothing. Returns how many were saved.

        Raises `geo.incidents.DataError` listing every problem as `source_label:row:column: message`
        (rows numbered from 1 in the order given); nothing of the batch is kept then.
        """
        return self._save_batches([(layer, list(rows), source_label)])

    def _save_batches(self, batches: list[tuple[Layer, list[dict[str, Any]], str]]) -> int:
        context = self.context  # loaded before the lock is taken
        with self._write() as connection:
            taken = _shipped_ids(self._data_dir) | self._ids(connection)
            saved = 0
            for layer, rows, label in batches:
                cleaned = [_clean(row, layer, number) for number, row in enumerate(rows, start=1)]
                _validate(cleaned, layer, label, replace(context, taken_ids=taken))
                now = datetime.now(UTC).isoformat(timespec="seconds")
                connection.executemany(
                    "INSERT INTO records (id, layer, row_json, source_label, saved_at) VALUES (?, ?, ?, ?, ?)",
                    [(row["id"], layer, _row_json(row), label, now) for row in cleaned],
                )
                taken |= {row["id"] for row in cleaned}
                saved += len(cleaned)
        return saved

    @staticmethod
    def _ids(connection: sqlite3.Connection) -> frozenset[str]:
        return frozenset(row[0] for row in connection.execute("SELECT id FROM records"))

    def rows(self, layer: Layer) -> list[dict[str, str]]:
        """The kept rows of one layer, oldest first, in the CSV schema (inline source columns included)."""
        with self._lock:
            cursor = self._connection.execute("SELECT row_json FROM records WHERE layer = ? ORDER BY rowid", (layer,))
            return [json.loads(text) for (text,) in cursor.fetchall()]

    def _records(self, layer: Layer) -> list[dict[str, Any]]:
        with self._lock:
            cursor = self._connection.execute(
                "SELECT row_json, source_label, saved_at FROM records WHERE layer = ? ORDER BY rowid", (layer,)
            )
            records = cursor.fetchall()
        return [{"row": json.loads(text), "source_label": label, "saved_at": at} for text, label, at in records]

    def export(self, path: Path | str) -> int:
        """Write every kept row to a JSON bundle that `import_` reads back; returns the number of rows."""
        bundle: dict[str, Any] = {"format": BUNDLE_FORMAT, "version": _BUNDLE_VERSION}
        for layer, key in _BUNDLE_KEYS.items():
            bundle[key] = self._records(layer)
        target = Path(path)
        temporary = target.with_name(target.name + ".part")
        temporary.write_text(json.dumps(bundle, ensure_ascii=False, indent=1), encoding="utf-8")
        temporary.replace(target)
        return sum(len(bundle[key]) for key in _BUNDLE_KEYS.values())

    def import_(self, path: Path | str) -> int:
        """Keep the rows of an exported bundle (checked like `save`, in one transaction).

        Rows already in the store with the same content are skipped, so importing twice is harmless.
        Returns the number of rows added.
        """
        bundle = _read_bundle(Path(path))
        groups: dict[tuple[Layer, str], list[dict[str, Any]]] = {}
        for layer, key in _BUNDLE_KEYS.items():
            kept = {_canonical(row) for row in self.rows(layer)}
            for record in bundle[key]:
                row = _row_only(_clean(record["row"], layer, 0))
                if _canonical(row) not in kept:
                    label = str(record.get("source_label") or Path(path).name)
                    groups.setdefault((layer, label), []).append(row)
        return self._save_batches([(layer, rows, label) for (layer, label), rows in groups.items()])


def _row_only(row: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in row.items() if k != "_row"}


def _canonical(row: dict[str, str]) -> str:
    return json.dumps(row, sort_keys=True, ensure_ascii=False)


def _row_json(row: dict[str, str]) -> str:
    return json.dumps(_row_only(row), ensure_ascii=False)


def _validate(rows: list[dict[str, str]], layer: Layer, label: str, context: Context) -> None:
    _, problems = parse_rows(rows, label, layer, context)
    if problems:
        raise DataError(problems)


def _read_bundle(path: Path) -> dict[str, Any]:
    try:
        bundle = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DataError([Problem(str(path), 0, "-", f"cannot read the bundle: {error}")]) from error
    if not isinstance(bundle, dict) or bundle.get("format") != BUNDLE_FORMAT:
        raise DataError([Problem(str(path), 0, "-", f"not a {BUNDLE_FORMAT} bundle")])
    for key in _BUNDLE_KEYS.values():
        records = bundle.get(key, [])
        if not isinstance(records, list) or not all(
            isinstance(r, dict) and isinstance(r.get("row"), dict) for r in records
        ):
            raise DataError([Problem(str(path), 0, key, "expected a list of {row: {...}} records")])
        bundle[key] = records
    return bundle


def open_store(path: Path | str | None = None, context: Context | None = None, data_dir: Path = DATA_DIR) -> Store:
    """Open the user's store, creating it (and its directory) on first use.

    `context` is what rows are checked against (default: `geo.dataset.load_context(data_dir)`, loaded
    on the first save). Raises `CorruptStoreError` naming the file when it is not a readable store.
    """
    target = Path(path) if path is not None else default_path()
    _check_header(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    return Store(target, _connect(target), context, data_dir)
