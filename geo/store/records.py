"""Kept records and their changes as plain values, and the checks every write runs through.

Engines store and return these values; nothing here knows which engine is in use.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any, Literal

import pandas as pd

from geo.incidents import Context, DataError, Problem, parse_rows
from geo.schema import DEPLOYMENT_COLUMNS, INCIDENT_COLUMNS, INLINE_SOURCE_COLUMNS, Layer

__all__ = [
    "COLUMNS",
    "Action",
    "Batch",
    "Change",
    "Dump",
    "Imported",
    "StoredRecord",
    "checksums",
    "clean",
    "now",
    "validated",
]

Action = Literal["add", "edit", "delete", "restore"]
COLUMNS: dict[Layer, tuple[str, ...]] = {
    "incident": (*INCIDENT_COLUMNS, "place", *INLINE_SOURCE_COLUMNS),
    "deployment": (*DEPLOYMENT_COLUMNS, "place", *INLINE_SOURCE_COLUMNS),
}


@dataclass(frozen=True)
class Where:
    """Where and when a record is, as the database indexes it (derived from the checked row)."""

    lat: float
    lon: float
    first: date
    last: date | None  # None: a deployment whose end was not reported (active until further notice)


@dataclass(frozen=True)
class StoredRecord:
    """One kept row with its bookkeeping: version for optimistic locking, soft-delete flag, who and when."""

    id: str
    layer: Layer
    row: dict[str, str]
    where: Where
    version: int = 1
    deleted: bool = False
    source_label: str = ""
    created_at: str = ""
    created_by: str = ""
    changed_at: str = ""
    changed_by: str = ""

    def canonical(self) -> dict[str, Any]:
        """Everything that must survive a copy, as JSON-ready values (no engine-assigned numbers)."""
        return {
            "id": self.id,
            "layer": self.layer,
            "row": dict(sorted(self.row.items())),
            "version": self.version,
            "deleted": self.deleted,
            "source_label": self.source_label,
            "created_at": self.created_at,
            "created_by": self.created_by,
            "changed_at": self.changed_at,
            "changed_by": self.changed_by,
        }


@dataclass(frozen=True)
class Change:
    """One line of the audit table: who did what to which record, when, from which article."""

    record_id: str
    layer: Layer
    action: Action
    version: int
    at: str
    by: str
    before: dict[str, str] | None
    after: dict[str, str] | None
    source_label: str = ""
    seq: int = field(default=0, compare=False)

    def canonical(self) -> dict[str, Any]:
        """The change as JSON-ready values, without the engine's sequence number."""
        return {
            "record_id": self.record_id,
            "layer": self.layer,
            "action": self.action,
            "version": self.version,
            "at": self.at,
            "by": self.by,
            "before": None if self.before is None else dict(sorted(self.before.items())),
            "after": None if self.after is None else dict(sorted(self.after.items())),
            "source_label": self.source_label,
        }


@dataclass(frozen=True)
class Batch:
    """Rows of one layer to keep together, with the label problems are named by (a file, an article)."""

    layer: Layer
    rows: list[dict[str, Any]]
    label: str
    source_label: str | None = None  # what the rows came from, when not the label (an import names the file)


@dataclass(frozen=True)
class Dump:
    """A whole store: every record (deleted ones too) and its history, in order. What `store copy` moves."""

    records: list[StoredRecord]
    changes: list[Change]


@dataclass(frozen=True)
class Imported:
    """What an import did with each record of the bundle: every one accounted for."""

    added: int
    already_kept: int
    deleted_skipped: int


def now() -> str:
    """The current time as the audit table writes it (UTC, microseconds: both engines keep it exactly)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def clean(row: Mapping[str, Any], layer: Layer, number: int) -> dict[str, str]:
    """The row's known columns as stripped strings, numbered for problem messages.

    A row read from a file keeps the file's own row number (`_row`), so problems name the line a person sees.
    """
    cleaned = {c: "" if row.get(c) is None else str(row.get(c)).strip() for c in COLUMNS[layer]}
    return {"_row": str(row.get("_row") or number), **cleaned}


def row_only(row: Mapping[str, str]) -> dict[str, str]:
    """The row without its problem-message number."""
    return {k: v for k, v in row.items() if k != "_row"}


def validated(
    rows: Sequence[dict[str, str]], layer: Layer, label: str, context: Context, taken: Iterable[str]
) -> list[Where]:
    """Check cleaned rows like an upload; return where each one is, or raise DataError naming every problem."""
    frame, problems = parse_rows(rows, label, layer, replace(context, taken_ids=frozenset(taken)))
    if problems:
        raise DataError(problems)
    if len(frame) != len(rows):  # every row passed, so every row is in the frame; anything else is our bug
        raise DataError([Problem(label, 0, "-", f"{len(rows) - len(frame)} row(s) were not read")])
    return [_where(record, layer) for record in frame.to_dict("records")]


def _where(record: dict[str, Any], layer: Layer) -> Where:
    first = pd.Timestamp(record["date"]).date()
    end = record.get("end_date")
    last = pd.Timestamp(end).date() if end is not None and not pd.isna(end) else None
    if last is None and layer == "incident":
        last = first  # an incident without an end date is one day long
    return Where(float(record["lat"]), float(record["lon"]), first, last)


def _digest(items: Iterable[dict[str, Any]]) -> str:
    digest = hashlib.sha256()
    for item in items:
        digest.update(json.dumps(item, sort_keys=True, ensure_ascii=False).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def checksums(records: Iterable[StoredRecord], changes: Iterable[Change]) -> dict[str, Any]:
    """Counts and SHA-256 digests of every record (by id) and of the history (in order): equal after a copy."""
    ordered = sorted(records, key=lambda r: r.id)
    history = list(changes)
    return {
        "records": len(ordered),
        "live": sum(not r.deleted for r in ordered),
        "changes": len(history),
        "content": _digest(r.canonical() for r in ordered),
        "history": _digest(c.canonical() for c in history),
    }
