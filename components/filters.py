"""Filters from the view state to the rows shown: date window, type, actor, place, text.

Text matches regardless of accents, case and script: the needle and the
cells are compared as geo.names.fold keys, so "Zvecan", "Zvečan", "Zveçan"
and "Звечан" find the same rows. With the gazetteer, a needle that starts a
municipality's or place's name in any spelling ("Zvec") also finds the rows
in that municipality or at that place, though their text may not say it.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Iterable
from datetime import date
from functools import cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from components.view import View
from geo.gazetteer import Gazetteer
from geo.names import fold

__all__ = [
    "count_line",
    "fold_series",
    "in_window",
    "matching",
    "municipalities_named",
    "municipality_label",
    "places_named",
    "shown",
    "text_matches",
]

_SEARCHABLE = ("summary", "place_name", "actor1", "actor2", "force", "unit", "id")
_MIN_NAME_LETTERS = 3  # shorter needles would name half the map
_MAX_NAMED_PLACES = 500


def in_window(frame: pd.DataFrame, start: date | None, end: date | None) -> pd.DataFrame:
    """Rows active in [start, end], inclusive.

    A record spans date … end_date; without an end date an incident is one
    day long and a deployment lasts until further notice (its end was not reported).
    """
    if frame.empty:
        return frame
    first = frame["date"]
    open_ended = frame["layer"].eq("deployment") & frame["end_date"].isna()
    last = frame["end_date"].fillna(first)
    keep = pd.Series(True, index=frame.index)
    if end is not None:
        keep &= first <= pd.Timestamp(end)
    if start is not None:
        keep &= open_ended | (last >= pd.Timestamp(start))
    return frame if keep.all() else frame[keep]  # no copy of a big frame when the window holds it all


@cache
def _separators() -> str:
    """A regex class of the characters fold() turns into nothing (punctuation, spaces, controls of the BMP)."""
    blank = [c for c in range(0x80, 0x10000) if unicodedata.category(chr(c))[0] in "PZC" and not fold(chr(c))]
    ranges, start = [], blank[0]
    for previous, current in itertools.pairwise([*blank, -1]):
        if current != previous + 1:
            ranges.append(f"\\x{{{start:x}}}-\\x{{{previous:x}}}" if previous > start else f"\\x{{{start:x}}}")
            start = current
    return "[" + "".join(ranges) + "]+"


def fold_series(values: pd.Series) -> pd.Series:
    """geo.names.fold of every cell (missing cells fold to ""), vectorised with Arrow for big frames.

    Accents come off by Unicode decomposition and punctuation becomes a space, in C++;
    only cells left with other letters (Cyrillic, đ, ß, …) go through fold() one by one.
    """
    codes, cells = pd.factorize(values.astype("string").fillna(""), sort=False)  # columns repeat values a lot
    text = pa.array(np.asarray(cells, dtype=object), type=pa.large_string())
    bare = pc.replace_substring_regex(pc.utf8_normalize(text, "NFKD"), r"\p{Mn}+", "")
    bare = pc.replace_substring_regex(bare, _separators(), " ")
    folded = pc.utf8_trim(pc.replace_substring_regex(pc.ascii_lower(bare), "[^a-z0-9]+", " "), " ")
    distinct = np.asarray(folded.to_numpy(zero_copy_only=False), dtype=object)
    for row in np.flatnonzero(~pc.string_is_ascii(bare).to_numpy(zero_copy_only=False)):
        distinct[row] = fold(cells[row])
    return pd.Series(distinct[codes] if len(distinct) else np.full(len(values), "", dtype=object), index=values.index)


def municipalities_named(text: str, gazetteer: Gazetteer) -> frozenset[str]:
    """Ids of the municipalities a name in any spelling starts ("Zvec", "Звечан" -> mun-zvecan)."""
    if len(fold(text).replace(" ", "")) < _MIN_NAME_LETTERS:
        return frozenset()
    found = gazetteer.search(text, limit=_MAX_NAMED_PLACES, kinds=frozenset({"municipality"}))
    return frozenset(p.id for p in found)


def places_named(text: str, gazetteer: Gazetteer) -> frozenset[str]:
    """Ids of the places a name in any spelling starts (and the curated places built from them)."""
    if len(fold(text).replace(" ", "")) < _MIN_NAME_LETTERS:
        return frozenset()
    return frozenset(p.id for p in gazetteer.search(text, limit=_MAX_NAMED_PLACES))


def municipality_label(municipality: str, gazetteer: Gazetteer) -> str:
    """A municipality's names in every language and without diacritics, for a select box to match any spelling.

    "Zvečan · Zveçan · Звечан · Zvecan": Streamlit's select boxes filter options by their
    label, so typing "zvec" or "Звеч" finds the municipality.
    """
    place = gazetteer.get(municipality)
    if place is None:
        return municipality
    names = [*place.names, fold(place.name_en).title()]
    return " · ".join(dict.fromkeys(names))


def text_matches(frame: pd.DataFrame, text: str, gazetteer: Gazetteer | None = None) -> pd.Series:
    """Rows whose text holds the needle (folded); with a gazetteer, also rows in a municipality or place it names."""
    needle = fold(text)
    found = pd.Series(False, index=frame.index)
    if not needle:
        return ~found
    for column in (c for c in _SEARCHABLE if c in frame):
        found |= fold_series(frame[column]).str.contains(needle, regex=False).astype(bool)
    if gazetteer is not None:
        if "municipality" in frame:
            found |= frame["municipality"].isin(municipalities_named(text, gazetteer))
        if "place_id" in frame:
            found |= frame["place_id"].isin(places_named(text, gazetteer))
    return found


def _resolved(municipalities: Iterable[str], gazetteer: Gazetteer | None) -> set[str]:
    """Municipality ids, and with a gazetteer, the municipalities that names in any spelling start."""
    wanted = set()
    for value in municipalities:
        wanted.add(value)
        if gazetteer is not None and not value.startswith("mun-"):
            wanted |= municipalities_named(value, gazetteer)
    return wanted


def matching(
    frame: pd.DataFrame,
    event_types: tuple[str, ...] = (),
    actors: tuple[str, ...] = (),
    municipalities: tuple[str, ...] = (),
    text: str = "",
    gazetteer: Gazetteer | None = None,
) -> pd.DataFrame:
    """Rows matching every given filter; an empty filter matches everything.

    `municipalities` holds ids, or with a gazetteer also names in any spelling ("Zveçan", "Звечан").
    """
    if frame.empty:
        return frame
    keep = pd.Series(True, index=frame.index)
    if event_types and "event_type" in frame:
        keep &= frame["event_type"].isin(event_types)
    if actors:
        actor_columns = [c for c in ("actor1", "actor2", "force") if c in frame]
        keep &= frame[actor_columns].isin(actors).any(axis=1)
    if municipalities:
        keep &= frame["municipality"].isin(_resolved(municipalities, gazetteer))
    if text.strip():
        keep &= text_matches(frame, text, gazetteer)
    return frame if keep.all() else frame[keep]


def shown(
    incidents: pd.DataFrame, deployments: pd.DataFrame, view: View, gazetteer: Gazetteer | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The incidents and deployments a view shows (layers switched off show none).

    With the gazetteer, text and municipality filters also match through place names in any spelling.
    """
    window = (view.start, view.end)
    incidents = matching(
        in_window(incidents, *window), view.event_types, view.actors, view.municipalities, view.text, gazetteer
    )
    deployments = matching(in_window(deployments, *window), (), view.actors, view.municipalities, view.text, gazetteer)
    return (
        incidents if view.shows("incidents") else incidents.iloc[0:0],
        deployments if view.shows("deployments") else deployments.iloc[0:0],
    )


def count_line(shown_incidents: int, all_incidents: int, shown_deployments: int) -> str:
    """The line that always tells what is shown: "12 of 41 incidents, 3 deployments"."""
    noun = "incident" if all_incidents == 1 else "incidents"
    deployments = "deployment" if shown_deployments == 1 else "deployments"
    return f"{shown_incidents:,} of {all_incidents:,} {noun}, {shown_deployments:,} {deployments}"
