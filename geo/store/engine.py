"""What a storage engine does for the store: a few primitive reads and writes inside transactions.

The store (`geo.store.core.Store`) holds every rule (checks, versions, history,
permissions); an engine only keeps and finds records. SQLite and PostGIS both
implement this protocol, so nothing above it knows which one is in use.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import date
from typing import Protocol

from geo.schema import Layer
from geo.store.records import Change, StoredRecord

__all__ = ["CHANGE_COLUMNS", "BBox", "Engine", "Transaction"]

BBox = tuple[float, float, float, float]  # west, south, east, north (degrees)
# The history table's columns in the order both engines read them into a Change (seq, given by the engine, last).
CHANGE_COLUMNS = "record_id, layer, action, version, at, by_whom, before_json, after_json, source_label, seq"


class Transaction(Protocol):
    """Reads and writes inside one transaction of an engine."""

    def get_many(self, ids: Iterable[str]) -> list[StoredRecord]:
        """The records (deleted or not) with these ids; ids are never reused."""

    def count(self) -> int:
        """How many records the store holds, deleted ones included."""

    def get(self, record_id: str) -> StoredRecord | None:
        """One record by id (deleted or not), locked for update when inside a write."""

    def insert(self, records: Sequence[StoredRecord]) -> None:
        """Add new records (their ids are known to be free)."""

    def update(self, record: StoredRecord, expected_version: int) -> bool:
        """Replace a record if the store still has `expected_version`; False when it does not."""

    def log(self, changes: Sequence[Change]) -> None:
        """Append changes to the audit table, in order."""

    def records(self, layer: Layer | None, deleted: bool) -> list[StoredRecord]:
        """Records in the order they were first kept; deleted ones only when asked."""

    def window(self, layer: Layer, start: date | None, end: date | None, bbox: BBox | None) -> list[StoredRecord]:
        """Live records active in [start, end] and inside bbox, found through the engine's indexes."""

    def history(self, record_id: str | None) -> list[Change]:
        """The audit table, oldest first: of one record, or of all."""

    def revision(self) -> int:
        """A number that grows with every committed change (what a page polls to see others' writes)."""


class Engine(Protocol):
    """A storage engine: where the records live, and how to open transactions on them."""

    location: str  # the store as a person would name it (a path, or a URL without its password)
    read_only: bool

    def close(self) -> None:
        """Release the connection."""

    def write(self) -> AbstractContextManager[Transaction]:
        """A write transaction holding the store's write lock from its start; rolled back on any error."""

    def read(self) -> AbstractContextManager[Transaction]:
        """A read-only transaction (one consistent view)."""
