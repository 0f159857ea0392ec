"""Filters from the view state to the rows shown: date window, type, actor, place, text."""

from __future__ import annotations

from datetime import date

import geopandas as gpd
import pandas as pd

from components.view import View

__all__ = ["count_line", "in_window", "matching", "shown"]


def in_window(frame: gpd.GeoDataFrame, start: date | None, end: date | None) -> gpd.GeoDataFrame:
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


def matching(
    frame: gpd.GeoDataFrame,
    event_types: tuple[str, ...] = (),
    actors: tuple[str, ...] = (),
    municipalities: tuple[str, ...] = (),
    text: str = "",
) -> gpd.GeoDataFrame:
    """Rows matching every given filter; an empty filter matches everything."""
    if frame.empty:
        return frame
    keep = pd.Series(True, index=frame.index)
    if event_types and "event_type" in frame:
        keep &= frame["event_type"].isin(event_types)
    if actors:
        actor_columns = [c for c in ("actor1", "actor2", "force") if c in frame]
        keep &= frame[actor_columns].isin(actors).any(axis=1)
    if municipalities:
        keep &= frame["municipality"].isin(municipalities)
    if text.strip():
        needle = text.strip().casefold()
        searchable = [c for c in ("summary", "place_name", "actor1", "actor2", "force", "unit", "id") if c in frame]
        found = pd.Series(False, index=frame.index)
        for column in searchable:  # column by column: vectorised, fast on a million rows
            found |= frame[column].astype("string").str.casefold().str.contains(needle, regex=False).fillna(False)
        keep &= found
    return frame if keep.all() else frame[keep]


def shown(
    incidents: gpd.GeoDataFrame, deployments: gpd.GeoDataFrame, view: View
) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """The incidents and deployments a view shows (layers switched off show none)."""
    incidents = matching(
        in_window(incidents, view.start, view.end), view.event_types, view.actors, view.municipalities, view.text
    )
    deployments = matching(
        in_window(deployments, view.start, view.end), (), view.actors, view.municipalities, view.text
    )
    return (
        incidents if view.shows("incidents") else incidents.iloc[0:0],
        deployments if view.shows("deployments") else deployments.iloc[0:0],
    )


def count_line(shown_incidents: int, all_incidents: int, shown_deployments: int) -> str:
    """The line that always tells what is shown: "12 of 41 incidents, 3 deployments"."""
    noun = "incident" if all_incidents == 1 else "incidents"
    deployments = "deployment" if shown_deployments == 1 else "deployments"
    return f"{shown_incidents:,} of {all_incidents:,} {noun}, {shown_deployments:,} {deployments}"
