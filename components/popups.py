"""Popup and tooltip markup built from data, with every value escaped.

folium inserts popup HTML into a JavaScript template literal inside a
<script>: so besides HTML's < > & " ', a backtick, "${" or a backslash in the
data could end the literal or run code. `escape_text` neutralises all of them;
nothing from data or uploads reaches the page unescaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

__all__ = ["deployment_popup", "escape_text", "incident_popup", "record_id_in", "safe_url"]

_JS_LITERAL = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;"})
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`\\]+$")


def escape_text(value: object) -> str:
    """Text safe inside HTML and inside folium's JavaScript template literals."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True).translate(_JS_LITERAL)


def safe_url(url: str) -> str | None:
    """The URL if it is a plain http(s) link, else None (no javascript:, no quotes)."""
    return url if url and _SAFE_URL.match(url) else None


_POPUP_ID = re.compile(r"(?m)^id: (\S+)\s*$")


def record_id_in(popup_text: str | None) -> str | None:
    """The record id written at the foot of a popup's text (what streamlit-folium returns on a click)."""
    match = _POPUP_ID.search(popup_text or "")
    return match.group(1) if match else None


def _row(label: str, value: str) -> str:
    return f"<tr><th>{escape_text(label)}</th><td>{value}</td></tr>" if value else ""


def _count(record: Mapping[str, Any], kind: str) -> str:
    value = record.get(kind)
    if value is None or pd.isna(value):
        return ""
    return f"{int(value)}{'+' if record.get(f'{kind}_at_least') else ''}"


def _sources(sources: list[Mapping[str, str]]) -> str:
    items = []
    for source in sources or []:
        label = ", ".join(escape_text(source.get(k)) for k in ("publisher", "title", "date") if source.get(k))
        url = safe_url(source.get("url", ""))
        link = f' <a href="{escape_text(url)}" target="_blank" rel="noopener noreferrer">link</a>' if url else ""
        items.append(f"<li>{label}{link}</li>")
    return f"<ul class='nk-sources'>{''.join(items)}</ul>" if items else ""


def _dates(record: Mapping[str, Any]) -> str:
    start, end = record.get("date"), record.get("end_date")
    text = pd.Timestamp(start).date().isoformat() if start is not None and not pd.isna(start) else ""
    if end is not None and not pd.isna(end):
        text += f" – {pd.Timestamp(end).date().isoformat()}"
    return escape_text(text)


def _where(record: Mapping[str, Any], municipality_name: str) -> str:
    place = escape_text(record.get("place_name") or "")
    parts = [p for p in (place, escape_text(municipality_name)) if p]
    precision = escape_text(record.get("location_precision") or "")
    return ", ".join(parts) + (f" <small>(location precision: {precision})</small>" if precision else "")


def _frame(record: Mapping[str, Any], title: str, rows: str) -> str:
    origin = record.get("origin", "")
    mine = " <small>(your data)</small>" if origin and origin != "shipped" else ""
    return (
        f"<div class='nk-popup'><h4>{title}{mine}</h4><table>{rows}</table>"
        f"<p>{escape_text(record.get('summary', ''))}</p><div><b>Sources</b>{_sources(record.get('sources'))}</div>"
        f"<p class='nk-id'>id: {escape_text(record.get('id', ''))}</p></div>"
    )


def incident_popup(record: Mapping[str, Any], municipality_name: str = "") -> str:
    """Popup HTML of one incident: date, place, type, actors, counts, summary, sources."""
    counts = ", ".join(
        f"{kind} {_count(record, kind)}" for kind in ("injured", "killed", "arrested") if _count(record, kind)
    )
    actors = " vs ".join(escape_text(a) for a in (record.get("actor1"), record.get("actor2")) if a)
    rows = "".join(
        [
            _row("Date", _dates(record)),
            _row("Place", _where(record, municipality_name)),
            _row("Type", escape_text(f"{record.get('event_type')} — {record.get('sub_event_type')}")),
            _row("Actors", actors),
            _row("Counts", escape_text(counts)),
            _row("By side", escape_text((record.get("counts_detail") or "").replace(";", "; "))),
        ]
    )
    title = escape_text(record.get("sub_event_type") or record.get("event_type"))
    return _frame(record, title, rows)


def deployment_popup(record: Mapping[str, Any], municipality_name: str = "") -> str:
    """Popup HTML of one deployment: force, unit, nations, strength, dates, place, sources."""
    strength = _count(record, "strength")
    end = record.get("end_date")
    dates = _dates(record) + ("" if end is not None and not pd.isna(end) else " – (end not reported)")
    rows = "".join(
        [
            _row("Dates", dates),
            _row("Place", _where(record, municipality_name)),
            _row("Force", escape_text(record.get("force"))),
            _row("Unit", escape_text(record.get("unit"))),
            _row("Nations", escape_text((record.get("nations") or "").replace(";", ", "))),
            _row("Strength", escape_text(strength)),
            _row("Kind", escape_text((record.get("kind") or "").replace("_", " "))),
        ]
    )
    title = escape_text(f"{record.get('force')} {(record.get('kind') or '').replace('_', ' ')}")
    return _frame(record, title, rows)
