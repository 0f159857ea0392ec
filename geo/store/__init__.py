"""The user's store: incidents and deployments kept by people, on SQLite (default) or PostGIS.

The shipped data/ stays read-only; what people keep (for example candidates
accepted from a news article) goes to one store, chosen by `KOSOVO_MAP_STORE`:
a `postgresql://…` URL for a team's shared PostGIS database, else a SQLite file
(`$KOSOVO_MAP_HOME/store.sqlite3`, or `~/.local/share/kosovo-map/store.sqlite3`),
created on first use. Rows are the CSV schema of data/README.md as dicts of
strings, checked with the loader's own checks before anything is written. Every
change is versioned and recorded (who, when, before and after); deletes are soft.
Nothing outside this package knows which engine is in use.
"""

from __future__ import annotations

import os
from pathlib import Path

from geo.dataset import DATA_DIR
from geo.incidents import Context
from geo.store.access import Actor, Policy, acting_as, current
from geo.store.bundle import BUNDLE_FORMAT
from geo.store.core import Store
from geo.store.errors import (
    BusyStoreError,
    ConflictError,
    CorruptStoreError,
    NotAllowedError,
    NotEmptyError,
    ReadOnlyStoreError,
    RecordNotFoundError,
    StoreError,
    StoreFullError,
    UnreachableStoreError,
)
from geo.store.history import history_rows
from geo.store.records import Batch, Change, Dump, Imported, StoredRecord
from geo.store.sqlite import open_sqlite
from geo.store.upgrade import upgrade

__all__ = [
    "BUNDLE_FORMAT",
    "Actor",
    "Batch",
    "BusyStoreError",
    "Change",
    "ConflictError",
    "CorruptStoreError",
    "Dump",
    "Imported",
    "NotAllowedError",
    "NotEmptyError",
    "Policy",
    "ReadOnlyStoreError",
    "RecordNotFoundError",
    "Store",
    "StoreError",
    "StoreFullError",
    "StoredRecord",
    "UnreachableStoreError",
    "acting_as",
    "current",
    "default_path",
    "history_rows",
    "is_server_url",
    "open_store",
    "store_exists",
    "store_target",
]

_BUSY_TIMEOUT_S = 30.0


def default_path() -> Path:
    """`$KOSOVO_MAP_HOME/store.sqlite3`, else `~/.local/share/kosovo-map/store.sqlite3`."""
    home = os.environ.get("KOSOVO_MAP_HOME")
    base = Path(home) if home else Path.home() / ".local" / "share" / "kosovo-map"
    return base / "store.sqlite3"


def is_server_url(target: str | Path) -> bool:
    """True for a database server's URL (PostgreSQL), False for a SQLite file."""
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def store_target() -> str | Path:
    """The store this program uses: `KOSOVO_MAP_STORE` (a postgresql:// URL or a file), else the default file."""
    chosen = os.environ.get("KOSOVO_MAP_STORE", "").strip()
    if not chosen:
        return default_path()
    return chosen if is_server_url(chosen) else Path(chosen).expanduser()


def store_exists(target: str | Path | None = None) -> bool:
    """Whether there is a store to read (a server always counts: it is created on first connection)."""
    chosen = store_target() if target is None else target
    return is_server_url(chosen) or Path(chosen).exists()


def open_store(
    path: Path | str | None = None,
    context: Context | None = None,
    data_dir: Path = DATA_DIR,
    policy: Policy | None = None,
    timeout: float = _BUSY_TIMEOUT_S,
) -> Store:
    """Open the store (default: `store_target()`), creating it on first use.

    `context` is what rows are checked against (default: loaded from `data_dir` on the first write).
    `policy` decides who may write (default: the one set by `acting_as`, else local users may).
    `timeout` is how long a write waits for another writer before `BusyStoreError`.
    Raises `CorruptStoreError` naming the file when it is not a readable store,
    `UnreachableStoreError` when the database server cannot be reached, `StoreError` otherwise.
    """
    target = store_target() if path is None else path
    if is_server_url(target):
        from geo.store.postgis import open_postgis  # psycopg is needed only for a server

        return Store(open_postgis(str(target), timeout), context, data_dir, policy)
    engine = open_sqlite(Path(target), timeout)
    store = Store(engine, context, data_dir, policy)
    if engine.version == 1:
        upgrade(store, engine)
    return store
