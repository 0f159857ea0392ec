"""The store's rules, the same on every engine: checks, versions, soft deletes, history, permission.

Every write is one transaction holding the engine's write lock, so the
duplicate-id check and the insert see the same store; one bad row and nothing of
the batch is kept. Every write records who did it and when, and is refused
unless the actor may write (see `geo.store.access`).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from geo.dataset import load_context
from geo.incidents import Context, DataError, Problem
from geo.schema import Layer
from geo.store import access
from geo.store.access import Actor, Policy
from geo.store.bundle import import_batches, read_bundle, write_bundle
from geo.store.engine import BBox, Engine, Transaction
from geo.store.errors import ConflictError, NotEmptyError, RecordNotFoundError, StoreError
from geo.store.records import Batch, Change, Dump, Imported, StoredRecord, checksums, clean, now, row_only, validated

__all__ = ["Store"]


def _shipped_ids(data_dir: Path) -> frozenset[str]:
    ids: set[str] = set()
    for name in ("incidents.csv", "deployments.csv"):
        with open(data_dir / name, encoding="utf-8", newline="") as handle:
            ids.update(row["id"] for row in csv.DictReader(handle) if row.get("id"))
    return frozenset(ids)


class Store:
    """An open store on one engine; use `geo.store.open_store()`. Safe to share between threads."""

    def __init__(self, engine: Engine, context: Context | None, data_dir: Path, policy: Policy | None = None) -> None:
        self.engine = engine
        self._context = context
        self._data_dir = data_dir
        self._policy = policy
        self._shipped: frozenset[str] | None = None

    @property
    def location(self) -> str:
        """The store as a person would name it: a file path, or a URL without its password."""
        return self.engine.location

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a database server."""
        return getattr(self.engine, "path", None)

    @property
    def read_only(self) -> bool:
        return self.engine.read_only

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection."""
        self.engine.close()

    @property
    def context(self) -> Context:
        """What rows are checked against (loaded on first use: the gazetteer, boundaries, sources)."""
        if self._context is None:
            self._context = load_context(self._data_dir)
        return self._context

    def _shipped_ids(self) -> frozenset[str]:
        if self._shipped is None:
            self._shipped = _shipped_ids(self._data_dir)
        return self._shipped

    def may_write(self, actor: Actor | None = None) -> bool:
        """Whether this actor (default: whoever is acting now) may change the store."""
        ambient_actor, ambient_policy = access.current()
        return not self.read_only and (self._policy or ambient_policy).allows(actor or ambient_actor)

    def _writer(self, actor: Actor | None) -> Actor:
        ambient_actor, ambient_policy = access.current()
        who = actor or ambient_actor
        (self._policy or ambient_policy).check(who)
        return who

    # --- keeping rows -------------------------------------------------------------

    def save(self, rows: Iterable[dict[str, Any]], layer: Layer, source_label: str, actor: Actor | None = None) -> int:
        """Check and keep a batch of rows of one layer; all or nothing. Returns how many were saved.

        Raises `geo.incidents.DataError` listing every problem as `source_label:row:column: message`
        (rows numbered from 1 in the order given, or by their `_row`); nothing of the batch is kept then.
        Raises `NotAllowedError` when the actor may not write.
        """
        return self.save_batches([Batch(layer, list(rows), source_label)], actor)

    def save_batches(self, batches: Sequence[Batch], actor: Actor | None = None, skip_kept: bool = False) -> int:
        """Keep several batches in one transaction (all or nothing); with skip_kept, rows already kept are skipped.

        The rows are checked before the write lock is taken (so writers wait for each other's inserts only),
        then, under the lock, every id is checked again against what others kept meanwhile.
        """
        who = self._writer(actor)
        context = self.context
        cleaned = [[clean(row, b.layer, n) for n, row in enumerate(b.rows, start=1)] for b in batches]
        ids = {row["id"] for rows in cleaned for row in rows}
        with self.engine.read() as transaction:
            existing = {r.id: r.row for r in transaction.get_many(ids)}
        problems: list[Problem] = []
        checked: list[tuple[StoredRecord, str, int]] = []
        taken = set(self._shipped_ids()) | set(existing)
        for batch, rows in zip(batches, cleaned, strict=True):
            rows = [r for r in rows if not skip_kept or existing.get(r["id"]) != row_only(r)]
            records = self._checked(rows, batch, context, taken, who, problems)
            checked += [(r, batch.label, int(row["_row"])) for r, row in zip(records, rows, strict=False)]
            taken |= {r["id"] for r in rows}
        if problems:
            raise DataError(problems)
        with self.engine.write() as transaction:
            kept = _still_new(transaction, checked, skip_kept)
            transaction.insert(kept)
            transaction.log([_change(r, "add", None, r.row) for r in kept])
        return len(kept)

    def _checked(
        self, rows: list[dict[str, str]], batch: Batch, context: Context, taken: set[str], who: Actor,
        problems: list[Problem],
    ) -> list[StoredRecord]:  # fmt: skip
        if not rows:
            return []
        try:
            places = validated(rows, batch.layer, batch.label, context, taken)
        except DataError as error:
            problems += error.problems
            return []
        at, source = now(), batch.label if batch.source_label is None else batch.source_label
        return [
            StoredRecord(r["id"], batch.layer, row_only(r), w, 1, False, source, at, who.label, at, who.label)
            for r, w in zip(rows, places, strict=True)
        ]

    # --- reading ------------------------------------------------------------------

    def rows(self, layer: Layer) -> list[dict[str, str]]:
        """The kept (not deleted) rows of one layer, oldest first, in the CSV schema."""
        return [r.row for r in self.records(layer)]

    def records(self, layer: Layer | None = None, deleted: bool = False) -> list[StoredRecord]:
        """Kept records with their bookkeeping (version, who, when); deleted ones only when asked."""
        with self.engine.read() as transaction:
            return transaction.records(layer, deleted)

    def record(self, record_id: str) -> StoredRecord:
        """One record by id, deleted or not; RecordNotFoundError when there is none."""
        with self.engine.read() as transaction:
            found = transaction.get(record_id)
        if found is None:
            raise RecordNotFoundError(record_id)
        return found

    def window(
        self, layer: Layer, start: date | None = None, end: date | None = None, bbox: BBox | None = None
    ) -> list[StoredRecord]:
        """Live records active in [start, end] (inclusive) inside bbox (west, south, east, north), by index."""
        with self.engine.read() as transaction:
            return transaction.window(layer, start, end, bbox)

    def history(self, record_id: str | None = None) -> list[Change]:
        """Every change of one record (or of the whole store), oldest first."""
        with self.engine.read() as transaction:
            return transaction.history(record_id)

    def revision(self) -> int:
        """Grows with every committed change, by anyone: poll it to notice other writers."""
        with self.engine.read() as transaction:
            return transaction.revision()

    def checksums(self) -> dict[str, Any]:
        """Counts and content digests of records and history (equal in a faithful copy)."""
        dump = self.dump()
        return checksums(dump.records, dump.changes)

    # --- changing kept records ------------------------------------------------------

    def edit(self, record_id: str, row: dict[str, Any], version: int, actor: Actor | None = None) -> StoredRecord:
        """Replace a record's row if it is still at `version`, checked like an upload.

        Raises ConflictError (showing both versions) when someone changed it since,
        DataError naming the bad cells, RecordNotFoundError, NotAllowedError.
        """
        who = self._writer(actor)
        context = self.context
        with self.engine.write() as transaction:
            current = self._current(transaction, record_id)
            cleaned = clean({**row, "id": record_id}, current.layer, 1)
            if current.version != version:
                raise ConflictError(record_id, version, current.version, row_only(cleaned), current.row,
                                    current.changed_by)  # fmt: skip
            if current.deleted:
                raise StoreError(f"{record_id} is deleted; restore it before editing")
            taken = set(self._shipped_ids()) - {record_id}  # ids are never reused, so only the shipped ones matter
            (where,) = validated([cleaned], current.layer, record_id, context, taken)
            changed = self._next(current, who, row=row_only(cleaned), where=where)
            return self._apply(transaction, current, changed, "edit")

    def delete(self, record_id: str, version: int | None = None, actor: Actor | None = None) -> StoredRecord:
        """Soft-delete a record (it leaves the map; `restore` brings it back). Checked like `edit`."""
        return self._flag(record_id, version, actor, deleted=True)

    def restore(self, record_id: str, version: int | None = None, actor: Actor | None = None) -> StoredRecord:
        """Undo a delete."""
        return self._flag(record_id, version, actor, deleted=False)

    def _flag(self, record_id: str, version: int | None, actor: Actor | None, deleted: bool) -> StoredRecord:
        who = self._writer(actor)
        with self.engine.write() as transaction:
            current = self._current(transaction, record_id)
            if version is not None and current.version != version:
                raise ConflictError(record_id, version, current.version, current.row, current.row, current.changed_by)
            if current.deleted == deleted:
                raise StoreError(f"{record_id} is {'already deleted' if deleted else 'not deleted'}")
            return self._apply(transaction, current, self._next(current, who, deleted=deleted),
                               "delete" if deleted else "restore")  # fmt: skip

    @staticmethod
    def _current(transaction: Transaction, record_id: str) -> StoredRecord:
        current = transaction.get(record_id)
        if current is None:
            raise RecordNotFoundError(record_id)
        return current

    @staticmethod
    def _next(current: StoredRecord, who: Actor, **changes: Any) -> StoredRecord:
        return replace(current, version=current.version + 1, changed_at=now(), changed_by=who.label, **changes)

    @staticmethod
    def _apply(transaction: Transaction, current: StoredRecord, changed: StoredRecord, action: str) -> StoredRecord:
        if not transaction.update(changed, current.version):  # cannot happen under the lock; kept as a guard
            raise ConflictError(current.id, current.version, current.version + 1, changed.row, current.row, "")
        before = None if action == "restore" else current.row
        after = None if action == "delete" else changed.row
        transaction.log([Change(changed.id, changed.layer, action, changed.version, changed.changed_at,  # type: ignore[arg-type]
                                changed.changed_by, before, after, changed.source_label)])  # fmt: skip
        return changed

    # --- whole stores ---------------------------------------------------------------

    def dump(self) -> Dump:
        """Every record and the whole history, in one consistent read."""
        with self.engine.read() as transaction:
            return Dump(transaction.records(None, True), transaction.history(None))

    def own_files(self) -> list[Path]:
        """The files that are this store (an export must never overwrite them)."""
        if self.path is None:
            return []
        return [self.path, *(self.path.with_name(self.path.name + s) for s in ("-wal", "-shm"))]

    def export(self, path: Path | str, protected: Iterable[Path] = ()) -> int:
        """Write every record and the history to a JSON bundle that `import_` reads back; returns the count."""
        return write_bundle(self.dump(), Path(path), protected=[*protected, *self.own_files()])

    def import_bundle(self, path: Path | str, actor: Actor | None = None) -> Imported:
        """Add the live rows of a bundle, checked like `save`, in one transaction (all or nothing).

        Rows already kept with the same content are skipped (inside the write lock, so two imports of one
        bundle at once add it once). Problems name the bundle file, the record's number in it and the field.
        """
        _, dump = read_bundle(Path(path))
        live = sum(not r.deleted for r in dump.records)
        added = self.save_batches(import_batches(dump, str(path)), actor, skip_kept=True)
        return Imported(added, live - added, len(dump.records) - live)

    def import_(self, path: Path | str, actor: Actor | None = None) -> int:
        """`import_bundle`, returning only how many rows were added."""
        return self.import_bundle(path, actor).added

    def load(self, dump: Dump, actor: Actor | None = None) -> int:
        """Fill an empty store with a dump, history and all, each row checked like an upload."""
        self._writer(actor)
        context = self.context
        with self.engine.write() as transaction:
            if transaction.count() or transaction.revision():
                raise NotEmptyError(self.location, transaction.count())
            records = _relocated(dump.records, context, set(self._shipped_ids()))
            transaction.insert(records)
            transaction.log(dump.changes)
        return len(records)


def _still_new(
    transaction: Transaction, checked: list[tuple[StoredRecord, str, int]], skip_kept: bool
) -> list[StoredRecord]:
    """The checked records whose ids nobody kept since the check; identical rows kept meanwhile are skipped."""
    now_kept = {r.id: r for r in transaction.get_many({record.id for record, _, _ in checked})}
    kept, problems = [], []
    for record, label, number in checked:
        existing = now_kept.get(record.id)
        if existing is None:
            kept.append(record)
        elif not (skip_kept and existing.row == record.row):
            problems.append(Problem(label, number, "id", f"duplicate id {record.id!r} (kept meanwhile)"))
    if problems:
        raise DataError(problems)
    return kept


def _relocated(records: list[StoredRecord], context: Context, shipped: set[str]) -> list[StoredRecord]:
    """The records with where they are recomputed from their checked rows (never trusted from a file)."""
    placed: list[StoredRecord] = []
    for layer in ("incident", "deployment"):
        mine = [r for r in records if r.layer == layer]
        rows = [clean(r.row, layer, n) for n, r in enumerate(mine, start=1)]  # type: ignore[arg-type]
        wheres = validated(rows, layer, f"{layer} records", context, shipped)  # type: ignore[arg-type]
        placed += [replace(r, where=w) for r, w in zip(mine, wheres, strict=True)]
    order = {r.id: n for n, r in enumerate(records)}
    return sorted(placed, key=lambda r: order[r.id])


def _change(record: StoredRecord, action: str, before: dict[str, str] | None, after: dict[str, str] | None) -> Change:
    return Change(record.id, record.layer, action, record.version, record.created_at, record.created_by,  # type: ignore[arg-type]
                  before, after, record.source_label)  # fmt: skip
