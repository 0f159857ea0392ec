"""The whole view as one frozen value, and its form in a URL's query string.

One View travels from the URL or the widgets through filtering and map
building to the page and to every export, so what a user sees and what a link
restores cannot disagree. Decoding never raises: bad parameters are dropped
and named in the notices, and the rest of the view is kept.
"""

from __future__ import annotations

import math
from collections.abc import Container, Mapping
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import unquote

__all__ = ["BASEMAPS", "LAYERS", "View", "decode", "encode"]

LAYERS = ("incidents", "deployments", "boundaries", "player")
BASEMAPS = ("light", "dark", "none")
DEFAULT_CENTER = (42.98, 20.74)  # the four northern municipalities, clear of the legend
DEFAULT_ZOOM = 10
_MAX_ITEMS = 50
_MAX_TEXT = 200


@dataclass(frozen=True)
class View:
    """What the user looks at: window, filters, layers, map position and selection."""

    start: date | None = None
    end: date | None = None
    event_types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    text: str = ""
    layers: tuple[str, ...] = ("incidents", "deployments", "boundaries", "player")
    center: tuple[float, float] = DEFAULT_CENTER
    zoom: int = DEFAULT_ZOOM
    selected: str = ""
    basemap: str = "light"
    # Grows with each pick in the table or a link: the map then centres on the selection and opens it, once.
    focus: int = 0

    def shows(self, layer: str) -> bool:
        return layer in self.layers


def _escape_item(item: str) -> str:
    """An item of a |-separated list, with its own % and | escaped so it survives the split."""
    return item.replace("%", "%25").replace("|", "%7C")


def encode(view: View) -> dict[str, str]:
    """Query parameters for a view; defaults are left out to keep links short."""
    default = View()
    params: dict[str, str] = {}
    if view.start:
        params["start"] = view.start.isoformat()
    if view.end:
        params["end"] = view.end.isoformat()
    for name in ("event_types", "actors", "municipalities", "layers"):
        value = getattr(view, name)
        if value != getattr(default, name):
            params[name] = "|".join(_escape_item(v) for v in value) if value else "-"
    if view.text:
        params["q"] = view.text
    if view.center != default.center or view.zoom != default.zoom:
        params["map"] = f"{view.center[0]:.5f},{view.center[1]:.5f},{view.zoom}"
    if view.selected:
        params["selected"] = view.selected
    if view.basemap != default.basemap:
        params["basemap"] = view.basemap
    return params


@dataclass
class _Decoder:
    params: Mapping[str, str]
    notices: list[str] = field(default_factory=list)

    def ignore(self, name: str, why: str) -> None:
        self.notices.append(f"ignored {name}: {why}")

    def day(self, name: str) -> date | None:
        text = self.params.get(name)
        if text is None:
            return None
        try:
            return date.fromisoformat(str(text))
        except ValueError:
            self.ignore(name, "not a date (YYYY-MM-DD)")
            return None

    def items(self, name: str, allowed: Container[str] | None, default: tuple[str, ...]) -> tuple[str, ...]:
        text = self.params.get(name)
        if text is None:
            return default
        items = tuple(dict.fromkeys(unquote(i) for i in str(text).split("|") if i and i != "-"))[:_MAX_ITEMS]
        unknown = [i for i in items if allowed is not None and i not in allowed]
        if unknown:
            self.ignore(name, f"{len(unknown)} unknown value(s)")
        kept = tuple(i for i in items if i not in unknown)
        return default if unknown and not kept else kept

    def position(self) -> tuple[tuple[float, float], int]:
        text = self.params.get("map")
        if text is None:
            return DEFAULT_CENTER, DEFAULT_ZOOM
        try:
            lat, lon, zoom = (float(part) for part in str(text).split(","))
        except ValueError:
            self.ignore("map", "expected lat,lon,zoom")
            return DEFAULT_CENTER, DEFAULT_ZOOM
        if not (all(math.isfinite(v) for v in (lat, lon)) and -90 <= lat <= 90 and -180 <= lon <= 180):
            self.ignore("map", "centre outside the world")
            return DEFAULT_CENTER, DEFAULT_ZOOM
        if not (zoom.is_integer() and 5 <= zoom <= 18):
            self.ignore("map", "zoom must be a whole number from 5 to 18")
            return (lat, lon), DEFAULT_ZOOM
        return (lat, lon), int(zoom)


def decode(
    params: Mapping[str, str], choices: Mapping[str, Container[str]], span: tuple[date, date]
) -> tuple[View, list[str]]:
    """A view from query parameters, with notices naming what was ignored.

    `choices` holds the allowed values of event_types, actors, municipalities and
    selected ids; `span` the data's first and last day.
    """
    decoder = _Decoder(params)
    start, end = decoder.day("start"), decoder.day("end")
    if start and not span[0] <= start <= span[1]:
        decoder.ignore("start", "outside the data's dates")
        start = None
    if end and not span[0] <= end <= span[1]:
        decoder.ignore("end", "outside the data's dates")
        end = None
    if start and end and end < start:
        decoder.ignore("start/end", "end before start")
        start = end = None
    center, zoom = decoder.position()
    basemap = str(params.get("basemap", "light"))
    if basemap not in BASEMAPS:
        decoder.ignore("basemap", f"choose one of {', '.join(BASEMAPS)}")
        basemap = "light"
    selected = str(params.get("selected", ""))
    if selected and selected not in choices.get("selected", ()):
        decoder.ignore("selected", "no such record")
        selected = ""
    view = View(
        start=start,
        end=end,
        event_types=decoder.items("event_types", choices.get("event_types"), ()),
        actors=decoder.items("actors", choices.get("actors"), ()),
        municipalities=decoder.items("municipalities", choices.get("municipalities"), ()),
        text=str(params.get("q", ""))[:_MAX_TEXT],
        layers=decoder.items("layers", frozenset(LAYERS), View().layers),
        center=center,
        zoom=zoom,
        selected=selected,
        basemap=basemap,
        focus=1 if selected else 0,
    )
    return view, decoder.notices
