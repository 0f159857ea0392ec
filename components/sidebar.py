"""The sidebar's widgets; reads them into a View. A widget module: it only wires widgets to pure functions.

The date window has three inputs that stay in step: the slider, the two date
boxes and the presets (plus the weekly chart under the map, in app.py). Each
writes the shared `window` state in its callback, which runs before the page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

import streamlit as st

from components.dates import PRESETS, clamp_window, period_label, period_window, preset_window
from components.view import BASEMAPS, LAYERS, View

__all__ = ["BASEMAP_LABELS", "LAYER_LABELS", "read_view", "set_window"]

LAYER_LABELS = {
    "incidents": "Incidents",
    "deployments": "Troop deployments",
    "boundaries": "Municipality boundaries",
    "player": "Time player",
}
BASEMAP_LABELS = {"light": "Light", "dark": "Dark", "none": "No tiles"}
Window = tuple[date, date]


def _seed(key: str, value: object) -> None:
    """Set a widget's starting value once per session (from the link or the default)."""
    if key not in st.session_state:
        st.session_state[key] = value


def set_window(window: Window) -> None:
    """Move every date widget to this window (call from a callback: before the widgets are drawn)."""
    st.session_state["window"] = window
    st.session_state["from_day"], st.session_state["to_day"] = window


def _from_slider() -> None:
    set_window(tuple(st.session_state["window"]))  # type: ignore[arg-type]


def _from_boxes(span: Window) -> None:
    start, end = st.session_state.get("from_day") or span[0], st.session_state.get("to_day") or span[1]
    set_window(clamp_window(start, end, span))


def _from_preset(span: Window) -> None:
    preset = st.session_state.get("preset")
    if preset:
        set_window(preset_window(preset, span))
    st.session_state["preset"] = None  # a preset is an action, not a state: it can be used again


def _from_period(span: Window) -> None:
    period = st.session_state.get("period")
    if period:
        set_window(period_window(period, span))
    st.session_state["period"] = None


def _dates(where: Any, span: Window, periods: Sequence[str]) -> Window:
    """The date window: boxes (exact days), presets, a year or month, and the slider."""
    where.markdown("**Dates**")
    bounds = {"min_value": span[0], "max_value": span[1], "format": "YYYY-MM-DD"}
    where.date_input("From", key="from_day", on_change=_from_boxes, args=(span,), **bounds)
    where.date_input("To", key="to_day", on_change=_from_boxes, args=(span,), **bounds)
    where.pills(
        "Quick windows", list(PRESETS), format_func=PRESETS.get, key="preset", on_change=_from_preset, args=(span,)
    )
    where.selectbox(
        "A year or a month",
        list(periods),
        index=None,
        placeholder="Pick a year or a month",
        format_func=period_label,
        key="period",
        on_change=_from_period,
        args=(span,),
    )
    start, end = where.slider(
        "Window", min_value=span[0], max_value=span[1], key="window", format="YYYY-MM-DD", on_change=_from_slider
    )
    return start, end


def _labelled(options: Mapping[str, str]) -> Callable[[str], str]:
    return lambda key: options.get(key, key)


def read_view(
    initial: View,
    span: Window,
    event_types: list[str],
    actors: list[str],
    municipalities: Mapping[str, str],
    periods: Sequence[str] = (),
    where: Any = None,
) -> View:
    """Draw the filters, seeded from `initial`, and return the view they describe.

    `municipalities` maps ids to the label shown, which holds every spelling
    (so typing "Zvecan" or "Звечан" in the list finds Zvečan).
    """
    where = where if where is not None else st.sidebar
    window = clamp_window(initial.start or span[0], initial.end or span[1], span)
    _seed("window", window)
    _seed("from_day", window[0])
    _seed("to_day", window[1])
    _seed("event_types", [t for t in initial.event_types if t in event_types])
    _seed("actors", [a for a in initial.actors if a in actors])
    _seed("municipalities", [m for m in initial.municipalities if m in municipalities])
    _seed("text", initial.text)
    _seed("layers", [layer for layer in initial.layers if layer in LAYERS])
    _seed("basemap", initial.basemap)
    start, end = _dates(where, span, periods)
    where.markdown("**Filters**")
    # Typing filters by plain substring and Enter picks the highlighted option only, never "all matches".
    exact = {"filter_mode": "contains", "select_all": False}
    chosen_types = where.multiselect("Event type", event_types, key="event_types", placeholder="All types", **exact)
    chosen_actors = where.multiselect("Actor or force", actors, key="actors", placeholder="All actors", **exact)
    chosen_places = where.multiselect(
        "Municipality",
        list(municipalities),
        key="municipalities",
        format_func=_labelled(municipalities),
        placeholder="All municipalities",
        **exact,
    )
    text = where.text_input(
        "Search summaries, places, actors", key="text", max_chars=200, placeholder="e.g. Zvecan, Банjска, KFOR"
    )
    where.markdown("**Map**")
    layers = where.multiselect("Layers", list(LAYERS), key="layers", format_func=LAYER_LABELS.get, **exact)
    basemap = where.radio("Map style", list(BASEMAPS), key="basemap", format_func=BASEMAP_LABELS.get, horizontal=True)
    return View(
        start=start,
        end=end,
        event_types=tuple(chosen_types),
        actors=tuple(chosen_actors),
        municipalities=tuple(chosen_places),
        text=text,
        layers=tuple(layers),
        center=initial.center,
        zoom=initial.zoom,
        selected=initial.selected,
        basemap=basemap or "light",
        focus=initial.focus,
    )
