"""Stores of the first version (one table, no history, no versions) brought to this one, rows checked."""

from __future__ import annotations

import json

from geo.incidents import DataError
from geo.store.core import Store
from geo.store.errors import StoreError
from geo.store.records import Change, StoredRecord, clean, row_only, validated
from geo.store.sqlite import SqliteEngine

__all__ = ["upgrade"]


def upgrade(store: Store, engine: SqliteEngine) -> None:
    """Bring a store of the first version (no history) to this one; read-only ones are upgraded in memory."""
    if engine.read_only:
        engine.into_memory()
    engine.upgrade(*_legacy_records(store, engine))


def _legacy_records(store: Store, engine: SqliteEngine) -> tuple[list[StoredRecord], list[Change]]:
    records: list[StoredRecord] = []
    for layer in ("incident", "deployment"):
        legacy = [r for r in engine.legacy_rows() if r[1] == layer]
        rows = [clean(json.loads(text), layer, n) for n, (_, _, text, _, _) in enumerate(legacy, start=1)]  # type: ignore[arg-type]
        try:
            wheres = validated(rows, layer, store.location, store.context, ())  # type: ignore[arg-type]
        except DataError as error:
            raise StoreError(f"{store.location}: cannot upgrade this store, its rows no longer pass the checks:\n"
                             f"{error}") from None  # fmt: skip
        records += [StoredRecord(r[0], layer, row_only(row), w, 1, False, r[3], r[4], "", r[4], "")  # type: ignore[arg-type]
                    for r, row, w in zip(legacy, rows, wheres, strict=True)]  # fmt: skip
    records.sort(key=lambda r: r.created_at)
    changes = [Change(r.id, r.layer, "add", 1, r.created_at, "", None, r.row, r.source_label) for r in records]
    return records, changes
