"""Which record is chosen: by a click on the map, a row of the table, or a link (pure; no Streamlit).

The map's script reports a click as JSON text `{"nk": token, "i": position, "c": n}`
(the layer's token, the record's position in its payload, and a click counter),
so the page knows a new click from an old one. A table pick or a link asks the
map to centre on the record and open it: that request is a `focus` number that
grows with each pick, so the map acts on it once.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from components.mapview import ShownLayer

__all__ = ["MapClick", "Selection", "choose", "map_click"]


@dataclass(frozen=True)
class MapClick:
    """A click on a record of the map: which layer (token), which position in it, and the click's number."""

    token: str
    position: int
    number: int


@dataclass(frozen=True)
class Selection:
    """The chosen record, the last map click and table pick seen, and the latest focus request."""

    record_id: str = ""
    last_click: int = 0
    last_rows: tuple[int, ...] = ()
    focus: int = 0


def map_click(value: Any) -> MapClick | None:
    """The click in streamlit-folium's `last_object_clicked_popup`, or None when it is not ours or malformed."""
    if not isinstance(value, str) or len(value) > 200:
        return None
    try:
        data = json.loads(value)
        click = MapClick(str(data["nk"]), int(data["i"]), int(data["c"]))
    except (ValueError, TypeError, KeyError):
        return None
    return click if click.position >= 0 and click.number > 0 else None


def _clicked_id(click: MapClick, layers: Sequence[ShownLayer]) -> str | None:
    for layer in layers:
        if layer.encoded.token == click.token:
            return layer.record_id(click.position)
    return None


def choose(
    previous: Selection,
    table_rows: Sequence[int],
    table_ids: Sequence[str],
    click: MapClick | None,
    layers: Sequence[ShownLayer],
) -> Selection:
    """The selection after this run: a new table pick (which asks for focus), else a new map click, else as before."""
    rows = tuple(table_rows)
    if rows and rows != previous.last_rows and rows[0] < len(table_ids):
        return Selection(str(table_ids[rows[0]]), previous.last_click, rows, previous.focus + 1)
    if click is not None and click.number != previous.last_click:
        chosen = _clicked_id(click, layers)
        record_id = chosen if chosen is not None else previous.record_id
        return Selection(record_id, click.number, rows, previous.focus)
    return Selection(previous.record_id, previous.last_click, rows, previous.focus)
