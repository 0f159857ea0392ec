"""The "find a place" box: type a name in any spelling or script, pick the place, get it back.

A widget module (it draws with streamlit); the search itself is Gazetteer.search.
"""

from __future__ import annotations

import streamlit as st

from geo.gazetteer import Gazetteer, Place

__all__ = ["find_place", "place_label"]

_LIMIT = 8


def place_label(place: Place, gazetteer: Gazetteer) -> str:
    """How a search result reads: name, kind and municipality ("Banjska — village, Vushtrri")."""
    kind = place.kind.replace("_", " ")
    where = gazetteer.municipality_names.get(place.municipality) or ("" if place.in_area else place.country)
    return f"{place.name_en} — {kind}, {where}" if where else f"{place.name_en} — {kind}"


def find_place(gazetteer: Gazetteer, key: str = "find_place") -> Place | None:
    """Draw the search box and its results; the place chosen, or None while nothing is typed or found."""
    query = st.text_input("Find a place", key=f"{key}_query", max_chars=100, placeholder="Zvečan, Zveçan, Звечан…")
    if not query.strip():
        return None
    found = gazetteer.search(query, limit=_LIMIT)
    if not found:
        st.caption("No place of that name in the gazetteer.")
        return None
    return st.selectbox(
        "Place found",
        found,
        key=f"{key}_choice",
        format_func=lambda place: place_label(place, gazetteer),
        label_visibility="collapsed",
    )
