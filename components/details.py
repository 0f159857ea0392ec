"""A record's details as a person reads them: labelled lines, counts as the sources give them, sources.

Pure (no Streamlit): the page's details panel and the table draw these as plain
text, never as markup; `escape_html` is for the one page we write as HTML (the
snapshot's header).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

__all__ = ["SourceLine", "count_text", "detail_rows", "escape_html", "safe_url", "sides_text", "source_lines", "title"]

_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`\\]+$")
_SIDE_COUNT = re.compile(r"^\s*(injured|killed|arrested|strength)\s*:\s*([^=;]+?)\s*=\s*(\d+\+?)\s*$")
_COUNT_WORDS = {"strength": "troops"}  # the other kinds (injured, killed, arrested) are their own words


def escape_html(value: object) -> str:
    """Text safe inside HTML elements and attributes."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def safe_url(url: object) -> str | None:
    """The URL if it is a plain http(s) link, else None (no javascript:, no quotes, no spaces)."""
    return url if isinstance(url, str) and _SAFE_URL.match(url) else None


def _blank(value: object) -> bool:
    if value is None or value == "":
        return True
    return not isinstance(value, list | tuple | dict) and bool(pd.isna(value))


def count_text(record: Mapping[str, Any], kind: str) -> str:
    """A count as the sources give it: "82+" for "more than 82", "" when not reported."""
    value = record.get(kind)
    if _blank(value):
        return ""
    return f"{int(value)}{'+' if record.get(f'{kind}_at_least') is True else ''}"


def _date(value: object) -> str:
    if _blank(value):
        return ""
    day = pd.Timestamp(value)
    return f"{day.day} {day:%B %Y}"


def _dates(record: Mapping[str, Any]) -> str:
    start, end = _date(record.get("date")), _date(record.get("end_date"))
    if record.get("layer") == "deployment" and not end:
        return f"{start} – (end not reported; shown from its start on)"
    return f"{start} – {end}" if end else start


def title(record: Mapping[str, Any]) -> str:
    """What the record is, in a few words: "Violent demonstration", "KFOR guard post"."""
    if record.get("layer") == "deployment":
        kind = str(record.get("kind") or "").replace("_", " ")
        return " ".join(p for p in (str(record.get("force") or ""), kind) if p)
    sub = str(record.get("sub_event_type") or "")
    return sub if sub and sub != "Other" else str(record.get("event_type") or "")


def _counts(record: Mapping[str, Any]) -> str:
    kinds = ("strength",) if record.get("layer") == "deployment" else ("injured", "killed", "arrested")
    return ", ".join(f"{count_text(record, k)} {_COUNT_WORDS.get(k, k)}" for k in kinds if count_text(record, k))


def _where(record: Mapping[str, Any], municipality_name: str) -> str:
    place = str(record.get("place_name") or "")
    parts = [place, municipality_name] if municipality_name and municipality_name != place else [place]
    text = ", ".join(p for p in parts if p)
    precision = str(record.get("location_precision") or "")
    return f"{text} (location precision: {precision})" if precision else text


def sides_text(detail: object) -> str:
    """A split by side as a person reads it: "injured:KFOR=93;injured:protesters=52+" is
    "KFOR: 93 injured; protesters: 52+ injured". Text in another form is shown as it is."""
    if _blank(detail):
        return ""
    sides: dict[str, list[str]] = {}
    for part in filter(str.strip, str(detail).split(";")):
        match = _SIDE_COUNT.match(part)
        if match is None:
            return str(detail).replace(";", "; ")
        kind, side, figure = match.groups()
        sides.setdefault(side, []).append(f"{figure} {_COUNT_WORDS.get(kind, kind)}")
    return "; ".join(f"{side}: {', '.join(figures)}" for side, figures in sides.items())


def detail_rows(record: Mapping[str, Any], municipality_name: str = "") -> list[tuple[str, str]]:
    """Labelled lines of a record's details, in reading order, blanks left out."""
    actors = " vs ".join(str(a) for a in (record.get("actor1"), record.get("actor2")) if not _blank(a))
    rows = [
        ("Date", _dates(record)),
        ("Place", _where(record, municipality_name)),
        ("Type", " — ".join(str(v) for v in (record.get("event_type"), record.get("sub_event_type")) if not _blank(v))),
        ("Actors", actors),
        ("Force", "" if _blank(record.get("force")) else str(record.get("force"))),
        ("Unit", "" if _blank(record.get("unit")) else str(record.get("unit"))),
        ("Nations", str(record.get("nations") or "").replace(";", ", ")),
        ("Part of", "" if _blank(record.get("part_of")) else str(record.get("part_of"))),
        ("Counts", _counts(record)),
        ("By side", sides_text(record.get("counts_detail"))),
        ("Revisions", "" if _blank(record.get("history")) else str(record.get("history"))),
        ("Your data", "" if record.get("origin") in (None, "", "shipped") else str(record.get("origin"))),
        ("Record id", str(record.get("id") or "")),
    ]
    return [(label, value) for label, value in rows if value]


@dataclass(frozen=True)
class SourceLine:
    """One cited source: publisher, title and date as text, and its link when it is a plain http(s) URL."""

    text: str
    url: str | None


def source_lines(record: Mapping[str, Any]) -> list[SourceLine]:
    """The record's sources, each as a line of text and a safe link."""
    lines = []
    for source in record.get("sources") or []:
        text = ", ".join(str(source.get(k)) for k in ("publisher", "title", "date") if source.get(k))
        lines.append(SourceLine(text, safe_url(source.get("url", ""))))
    return lines
