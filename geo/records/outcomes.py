"""Checks that need the context (places, municipalities, sources), shared by the row and the columnar loader.

Like geo.records.cells, each is a pure function of a few cells' text that
returns what they mean and what is wrong: the columnar loader calls it once
per distinct combination of those cells.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from geo.boundaries import municipality_id
from geo.gazetteer import Place
from geo.records.cells import check_date, check_url, surrogate
from geo.records.context import EARLIEST_DATE, Context

__all__ = ["Findings", "municipality_outcome", "place_outcome", "sources_outcome"]

# (column, message) pairs, in the order the row loader reports them.
Findings = list[tuple[str, str]]


def place_outcome(place_id: str, name: str, municipality: str, context: Context) -> tuple[Place | None, str, Findings]:
    """The place a row names by id or by name (in any spelling), and the other places its name may mean.

    The row's municipality decides between places of one name (Banjska in Zvečan or in Vushtrri); the
    others are kept as `;`-separated ids (`place_alternatives`) for the user to pick.
    """
    if place_id:
        place = context.gazetteer.get(place_id)
        return place, "", [] if place else [("place_id", f"unknown place id {place_id!r}")]
    if name:
        result = context.gazetteer.geocode(name, context=municipality)
        if result is None:
            return None, "", [("place", f"unknown place {name!r}: not in the gazetteer; give lat/lon instead")]
        return result.place, result.alternative_ids(), []
    return None, "", []


def municipality_outcome(stated: str, place: Place | None, context: Context) -> tuple[str, Findings]:
    """The municipality id a row states (by id or any name), or its place's; "" when neither."""
    if not stated:
        return (place.municipality if place else "") or "", []
    if stated in context.municipalities:
        return stated, []
    candidate = municipality_id(stated)
    if candidate in context.municipalities:
        return candidate, []
    result = context.gazetteer.geocode(stated)
    if result and result.place.kind == "municipality":
        return result.place.id, []
    return "", [("municipality", f"unknown municipality {stated!r}")]


_LISTED = (
    'expected a JSON list of sources, [{"publisher": …, "title": …, "date": …, "url": …}]; '
    "or give source_ids, or source_publisher and source_title"
)


def _listed_items(text: str) -> list[Any] | None:
    try:
        items = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return items if isinstance(items, list) and all(isinstance(i, dict) for i in items) else None


def _listed(text: str, today: date) -> tuple[list[dict[str, str]], Findings]:
    """Sources given as a JSON list (our GeoParquet and GeoJSON exports carry them so)."""
    items = _listed_items(text)
    if items is None:
        return [], [("sources", _LISTED)]
    found, findings = [], []
    for number, item in enumerate(items, start=1):
        fields = {
            k: "" if item.get(k) is None else str(item.get(k)).strip() for k in ("publisher", "title", "date", "url")
        }
        bad = next(filter(None, map(surrogate, fields.values())), None)
        if bad:
            findings.append(("sources", f"source {number} holds {bad}, half of a UTF-16 pair and no character"))
            continue
        if not (fields["publisher"] and fields["title"]):
            findings.append(("sources", f"source {number}: a source needs publisher and title"))
        when, message = check_date(fields["date"], False, EARLIEST_DATE, today)
        url, url_message = check_url(fields["url"])
        findings += [("sources", f"source {number}: {m}") for m in (message, url_message) if m]
        found.append({**fields, "date": when.isoformat() if when else "", "url": url})
    return found, findings


def sources_outcome(
    source_ids: str, inline: tuple[str, str, str, str], context: Context, today: date, listed: str = ""
) -> tuple[list[dict[str, str]], Findings]:
    """A row's sources: ids from the sources table, a JSON list of them, or one cited inline."""
    ids = [i.strip() for i in source_ids.split(";") if i.strip()]
    found, findings = [], []
    for source_id in ids:
        source = context.sources.get(source_id)
        if source is None:
            findings.append(("source_ids", f"unknown source id {source_id!r}"))
        else:
            found.append(source.as_dict())
    if listed:
        more, problems = _listed(listed, today)
        found, findings = found + more, findings + problems
    publisher, title, when_text, url_text = inline
    if publisher or title:
        if not (publisher and title):
            findings.append(("source_title" if publisher else "source_publisher", "a source needs publisher and title"))
        when, message = check_date(when_text, False, EARLIEST_DATE, today)
        if message:
            findings.append(("source_date", message))
        url, message = check_url(url_text)
        if message:
            findings.append(("source_url", message))
        found.append({"publisher": publisher, "title": title, "date": when.isoformat() if when else "", "url": url})
    if not ids and not listed and not (publisher or title):
        findings.append(("source_ids", "missing source: give source_ids or source_publisher and source_title"))
    return found, findings
