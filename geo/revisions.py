"""Every figure a record ever had, with its source and date, and the history line the details show.

`data/revisions.csv` keeps one line per reported figure: KFOR's injured in Zvečan
were 30 on 30 May 2023 and 93 a year later. The record's own column holds the figure
the map shows; the history lists them all, oldest first, e.g.
"KFOR injured: 30 (DW, 30 May 2023) → 93 (KoSSev, 29 May 2024); shown: 93".
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import groupby

import pandas as pd

from geo.incidents import EARLIEST_DATE, Problem, Source, read_rows
from geo.schema import COUNT_KINDS

__all__ = ["Revision", "attach_history", "field_label", "histories", "history_text", "read_revisions", "shown_value"]

FIELDS = (*COUNT_KINDS, "strength")
_FIELD = re.compile(rf"^(?P<kind>{'|'.join(FIELDS)})(?::(?P<side>[^=;:]+))?$")
# A count as sources give it: 93, 52+ (more than 52), 500-650 (a range), ~1000 (about, nearly).
_VALUE = re.compile(r"^~?\d{1,7}(\+|-\d{1,7})?$")
_VIA = re.compile(r"\s*\((?:via|through)\b[^)]*\)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Revision:
    """One figure for one field of one record, as one source reported it on one day."""

    record_id: str
    field: str
    value: str
    source_id: str
    reported_on: date
    note: str = ""


def _revision(row: Mapping[str, str], name: str, ids: Collection[str], sources: Collection[str]) -> Revision | Problem:
    cells = {c: row.get(c, "").strip() for c in ("record_id", "field", "value", "source_id", "reported_on", "note")}
    number = int(row.get("_row", "0"))
    checks = (
        ("record_id", cells["record_id"] in ids, f"names no incident or deployment: {cells['record_id']!r}"),
        (
            "field",
            bool(_FIELD.match(cells["field"])),
            f"unknown field {cells['field']!r} (one of {', '.join(FIELDS)}, optionally ':side')",
        ),
        ("value", bool(_VALUE.match(cells["value"])), f"bad figure {cells['value']!r} (N, N+, N-M or ~N)"),
        ("source_id", cells["source_id"] in sources, f"unknown source id {cells['source_id']!r}"),
    )
    for column, ok, message in checks:
        if not ok:
            return Problem(name, number, column, message)
    try:
        reported = date.fromisoformat(cells["reported_on"])
    except ValueError:
        return Problem(name, number, "reported_on", f"bad date {cells['reported_on']!r} (use YYYY-MM-DD)")
    if not EARLIEST_DATE <= reported <= date.today():
        return Problem(name, number, "reported_on", f"date {reported} is outside {EARLIEST_DATE} … {date.today()}")
    return Revision(cells["record_id"], cells["field"], cells["value"], cells["source_id"], reported, cells["note"])


def read_revisions(
    name: str, content: bytes, record_ids: Collection[str], sources: Collection[str]
) -> tuple[list[Revision], list[Problem]]:
    """The revisions table, each line checked against the records and sources it names."""
    rows, problems = read_rows(name, content)
    revisions = []
    for row in rows:
        result = _revision(row, name, record_ids, sources)
        (problems if isinstance(result, Problem) else revisions).append(result)  # type: ignore[arg-type]
    return revisions, problems


def field_label(field: str) -> str:
    """'injured:KFOR' -> 'KFOR injured'; 'strength' -> 'Strength'."""
    kind, _, side = field.partition(":")
    return f"{side} {kind}" if side else kind.capitalize()


def _publisher(source: Source | None, source_id: str) -> str:
    return _VIA.sub("", source.publisher) if source else source_id


def _when(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _step(value: str, revisions: Iterable[Revision], sources: Mapping[str, Source]) -> str:
    cited = (f"{_publisher(sources.get(r.source_id), r.source_id)}, {_when(r.reported_on)}" for r in revisions)
    return f"{value} ({'; '.join(dict.fromkeys(cited))})"


def history_text(revisions: Sequence[Revision], sources: Mapping[str, Source], shown: str | None = None) -> str:
    """One field's figures oldest first, runs of one figure sharing a step, then what the map shows.

    `shown` is the record's own figure: '' when the record holds none (a claim kept only here), None when unknown.
    """
    ordered = sorted(revisions, key=lambda r: r.reported_on)
    if not ordered:
        return ""
    steps = [_step(value, group, sources) for value, group in groupby(ordered, key=lambda r: r.value)]
    text = f"{field_label(ordered[0].field)}: " + " → ".join(steps)
    if shown is None:
        return text
    return f"{text}; shown: {shown}" if shown else f"{text}; not on the map"


def shown_value(record: Mapping[str, object], field: str) -> str:
    """The figure a record's own columns hold for a field ('' when they hold none)."""
    kind, _, side = field.partition(":")
    if side:
        parts = dict(p.split("=", 1) for p in str(record.get("counts_detail") or "").split(";") if "=" in p)
        return parts.get(field, "")
    value = record.get(kind)
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return ""
    return f"{int(value)}{'+' if record.get(f'{kind}_at_least') else ''}"  # type: ignore[call-overload]


def histories(
    revisions: Iterable[Revision], sources: Mapping[str, Source], records: Mapping[str, Mapping[str, object]]
) -> dict[str, str]:
    """Each record's history text: its fields in the file's order, joined by ' · '."""
    by_record: dict[str, dict[str, list[Revision]]] = defaultdict(lambda: defaultdict(list))
    for revision in revisions:
        by_record[revision.record_id][revision.field].append(revision)
    return {
        record_id: " · ".join(
            history_text(lines, sources, shown_value(records[record_id], field) if record_id in records else None)
            for field, lines in fields.items()
        )
        for record_id, fields in by_record.items()
    }


def attach_history(frame: pd.DataFrame, texts: Mapping[str, str]) -> pd.DataFrame:
    """The frame with a `history` column (empty where a record has no revisions)."""
    return frame.assign(history=frame["id"].map(lambda i: texts.get(i, "")) if not frame.empty else [])
