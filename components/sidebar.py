"""The sidebar's widgets; reads them into a View. The one widget module besides app.py."""

from __future__ import annotations

from datetime import date

import streamlit as st

from components.view import LAYERS, View

__all__ = ["LAYER_LABELS", "read_view"]

LAYER_LABELS = {
    "incidents": "Incidents",
    "deployments": "Troop deployments",
    "boundaries": "Municipality boundaries",
    "player": "Time player (in map)",
}


def _seed(key: str, value: object) -> None:
    """Set a widget's starting value once per session (from the link or the default)."""
    if key not in st.session_state:
        st.session_state[key] = value


def read_view(
    initial: View,
    span: tuple[date, date],
    event_types: list[str],
    actors: list[str],
    municipalities: dict[str, str],
) -> View:
    """Draw the filters, seeded from `initial`, and return the view they describe."""
    _seed("window", (initial.start or span[0], initial.end or span[1]))
    _seed("event_types", [t for t in initial.event_types if t in event_types])
    _seed("actors", [a for a in initial.actors if a in actors])
    _seed("municipalities", [m for m in initial.municipalities if m in municipalities])
    _seed("text", initial.text)
    _seed("layers", [layer for layer in initial.layers if layer in LAYERS])
    start, end = st.sidebar.slider("Dates", min_value=span[0], max_value=span[1], key="window", format="YYYY-MM-DD")
    chosen_types = st.sidebar.multiselect("Event type", event_types, key="event_types")
    chosen_actors = st.sidebar.multiselect("Actor or force", actors, key="actors")
    chosen_places = st.sidebar.multiselect(
        "Municipality", list(municipalities), key="municipalities", format_func=lambda m: municipalities[m]
    )
    text = st.sidebar.text_input("Search summaries, places, actors", key="text", max_chars=200)
    layers = st.sidebar.multiselect("Layers", list(LAYERS), key="layers", format_func=LAYER_LABELS.get)
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
    )
