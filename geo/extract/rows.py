"""Candidates as rows of the incidents and deployments CSV schema (data/README.md), citing the article inline."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from geo.extract.events import FORCE_ACTORS
from geo.extract.records import Candidate, Count
from geo.names import slug

__all__ = ["to_rows"]

_FORCES = {"Police Forces of Kosovo": "Kosovo Police", "Military Forces of Serbia": "Serbian Armed Forces"}
_SUMMARY_CHARS = 500


def _row_id(prefix: str, candidate: Candidate, source: dict[str, str]) -> str:
    title = source.get("title", "")
    digest = hashlib.sha1(
        "|".join((candidate.kind, candidate.type, candidate.place_id, str(candidate.evidence.start), title)).encode()
    ).hexdigest()[:6]
    return f"{prefix}-{candidate.date.isoformat()}-{slug(candidate.place)}-{digest}"


def _source_columns(source: dict[str, str]) -> dict[str, str]:
    return {f"source_{key}": str(source.get(key, "") or "") for key in ("publisher", "title", "date", "url")}


def _summary(candidate: Candidate) -> str:
    return " ".join(candidate.evidence.text.split())[:_SUMMARY_CHARS]


def _count_columns(counts: tuple[Count, ...]) -> dict[str, str]:
    """Totals per kind ("82+"), and the split by side only when every figure of that kind has a side."""
    columns, details = {}, []
    for kind in ("injured", "killed", "arrested"):
        of_kind = [c for c in counts if c.kind == kind]
        total = sum(c.value for c in of_kind)
        plus = "+" if any(c.at_least for c in of_kind) else ""
        columns[kind] = f"{total}{plus}" if of_kind else ""
        if of_kind and all(c.side for c in of_kind):
            details += [f"{kind}:{c.side}={c.value}{'+' if c.at_least else ''}" for c in of_kind]
    columns["counts_detail"] = ";".join(details)
    return columns


def _incident_row(candidate: Candidate, source: dict[str, str]) -> dict[str, str]:
    actors = [*candidate.actors, "", ""]
    return {
        "id": _row_id("inc", candidate, source),
        "date": candidate.date.isoformat(),
        "end_date": "",
        "date_precision": candidate.date_precision,
        "event_type": candidate.event_type or "",
        "sub_event_type": candidate.sub_event_type or "",
        "actor1": actors[0],
        "actor2": actors[1],
        "place_id": candidate.place_id,
        "lat": "",
        "lon": "",
        "location_precision": "",
        "municipality": "",
        **_count_columns(candidate.counts),
        "summary": _summary(candidate),
        "source_ids": "",
        **_source_columns(source),
    }


def _deployment_row(candidate: Candidate, source: dict[str, str]) -> dict[str, str]:
    force = next((a for a in candidate.actors if a in FORCE_ACTORS), "KFOR")
    troops = [c for c in candidate.counts if c.kind == "troops"]
    strength = max(troops, key=lambda c: c.value) if troops else None
    return {
        "id": _row_id("dep", candidate, source),
        "force": _FORCES.get(force, force),
        "unit": "",
        "nations": ";".join(candidate.nations),
        "strength": f"{strength.value}{'+' if strength.at_least else ''}" if strength else "",
        "kind": candidate.deployment_kind or "",
        "place_id": candidate.place_id,
        "lat": "",
        "lon": "",
        "location_precision": "",
        "municipality": "",
        "start_date": candidate.date.isoformat(),
        "end_date": "",
        "summary": _summary(candidate),
        "source_ids": "",
        **_source_columns(source),
    }


def to_rows(
    candidates: Iterable[Candidate], source: dict[str, str]
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Incidents and deployments rows in the CSV schema of data/README.md, citing `source` inline.

    `source` has `publisher`, `title` and optionally `date` (YYYY-MM-DD) and `url`. Ids are stable
    for one candidate of one article, so saving the same candidate twice is caught as a duplicate.
    """
    incidents, deployments = [], []
    for candidate in candidates:
        if candidate.kind == "incident":
            incidents.append(_incident_row(candidate, source))
        else:
            deployments.append(_deployment_row(candidate, source))
    return incidents, deployments
