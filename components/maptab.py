"""The map tab: count line, map with details beside it, weekly chart, table and share panel."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from components.assets import MissingAssetsError, localize, serve_static
from components.datasources import shipped_as_of
from components.dates import window_from_interval
from components.dense import Bounds
from components.detailpanel import details_panel
from components.editing import editing_panel
from components.filters import count_line, shown
from components.mapview import ShownLayer, build_base_map, record_layers
from components.scope import day_text, troops_line
from components.selection import Selection, choose, map_click
from components.sharing import plain, share_panel
from components.sidebar import set_window
from components.table import TABLE_COLUMNS, TABLE_LABELS, table_frame
from components.timeline import BRUSH, timeline_chart, weekly_counts
from components.view import View
from geo.dataset import Dataset
from geo.deployments import troop_totals
from geo.gazetteer import Place

TABLE_LIMIT = 5_000
MAP_HEIGHT = 600
FOUND_PLACE_ZOOM = 13
STATIC_PREFIX = "/".join(["", *filter(None, [st.get_option("server.baseUrlPath").strip("/")]), "app/static/vendor/"])
T = TypeVar("T")


def serve(element: T) -> T:
    """Load the map's scripts from our static files; inline them if those were not published."""
    try:
        return serve_static(element, STATIC_PREFIX)
    except MissingAssetsError:
        return localize(element)


def show_map(
    dataset: Dataset,
    incidents: pd.DataFrame,
    deployments: pd.DataFrame,
    view: View,
    names: dict[str, str],
    place: Place | None = None,
) -> list[ShownLayer]:
    """The map: a base that stays while filters change, and record layers swapped in place.

    The base's script is what streamlit-folium keys the iframe on, so keeping it
    unchanged lets a slider move replace only the markers, without reloading the map.
    Identical layers are not sent again, so an open popup stays open.
    """
    base = build_base_map(dataset.municipalities.frame, view)
    layers = record_layers(incidents, deployments, names, view, last_bounds())
    st_folium(
        serve(base),
        key="map",
        height=MAP_HEIGHT,
        use_container_width=True,
        # A place found by name moves the map there (once: the map keeps its own position afterwards).
        center=(place.lat, place.lon) if place else None,
        zoom=FOUND_PLACE_ZOOM if place else None,
        feature_group_to_add=[serve(layer.group) for layer in layers],
        returned_objects=["last_object_clicked_popup", "center", "zoom", "bounds"],
    )
    return layers


def last_bounds() -> Bounds | None:
    """The map's bounds as the browser last reported them (the dense layer sends the points in view)."""
    bounds = (st.session_state.get("map") or {}).get("bounds") or {}
    try:
        south_west, north_east = bounds["_southWest"], bounds["_northEast"]
        return (float(south_west["lat"]), float(south_west["lng"])), (
            float(north_east["lat"]),
            float(north_east["lng"]),
        )
    except (KeyError, TypeError, ValueError):
        return None


def with_map_state(view: View, state: dict[str, Any]) -> View:
    """The view with the map's current centre and zoom (for the link; the map keeps its own)."""
    center, zoom = state.get("center"), state.get("zoom")
    if isinstance(center, dict) and {"lat", "lng"} <= set(center) and isinstance(zoom, int | float):
        try:
            lat, lon = float(center["lat"]), ((float(center["lng"]) + 180) % 360) - 180
        except (TypeError, ValueError):
            return view
        return replace(view, center=(round(lat, 5), round(lon, 5)), zoom=int(zoom))
    return view


def table_rows() -> list[int]:
    """The rows picked in the table before this run (its widget state)."""
    state = st.session_state.get("table") or {}
    selection = state.get("selection", {}) if isinstance(state, dict) else getattr(state, "selection", {})
    rows = selection.get("rows", []) if isinstance(selection, dict) else getattr(selection, "rows", [])
    return [int(r) for r in rows if isinstance(r, int)]


def newest(incidents: pd.DataFrame, deployments: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """At most TABLE_LIMIT rows each, newest first: a table of a million rows helps nobody and costs seconds."""
    if len(incidents) + len(deployments) <= TABLE_LIMIT:
        return incidents, deployments
    return (
        incidents.nlargest(TABLE_LIMIT, "date"),  # a partial sort: the table orders what it keeps
        deployments.nlargest(TABLE_LIMIT, "date"),
    )


def select(view: View, table: pd.DataFrame) -> View:
    """The view with the record chosen by a new table pick or map click (see components.selection)."""
    previous = st.session_state.get("selection") or Selection(view.selected, focus=view.focus)
    click = map_click((st.session_state.get("map") or {}).get("last_object_clicked_popup"))
    ids = list(table["id"])
    chosen = choose(previous, table_rows(), ids, click, st.session_state.get("shown_layers", []))
    # The chosen record's row is marked in the table (and that mark is not read back as a new pick).
    rows = (ids.index(chosen.record_id),) if chosen.record_id in ids else ()
    st.session_state["table"] = {"selection": {"rows": list(rows), "columns": [], "cells": []}}
    st.session_state["selection"] = replace(chosen, last_rows=rows)
    return replace(view, selected=chosen.record_id, focus=chosen.focus)


def _from_chart() -> None:
    """A drag across the weekly chart sets the date window."""
    selection = (st.session_state.get("chart") or {}).get("selection", {})
    window = window_from_interval((selection.get(BRUSH) or {}).get("week"), st.session_state["span"])
    if window:
        set_window(window)


def timeline(dataset: Dataset, view: View, span: tuple) -> None:
    chart = timeline_chart(weekly_counts(dataset.incidents, view.start, view.end))
    st.session_state["span"] = span
    st.altair_chart(chart, width="stretch", key="chart", on_select=_from_chart)


def records_table(table: pd.DataFrame, total: int) -> None:
    st.markdown("**Shown incidents and deployments**, newest first")
    if len(table) < total:
        st.caption(f"The newest {len(table):,} of {total:,} rows; download the data for all.")
    config = {column: st.column_config.TextColumn(label) for column, label in TABLE_LABELS.items()}
    st.dataframe(
        table,
        hide_index=True,
        key="table",
        on_select="rerun",
        selection_mode="single-row",
        column_order=TABLE_COLUMNS,
        column_config=config,
        placeholder="",
    )


def map_tab(dataset: Dataset, view: View, names: dict[str, str], span: tuple, place: Place | None) -> View:
    """Count line, map and details, timeline chart, table and share panel; returns the view as the user left it."""
    incidents, deployments = shown(dataset.incidents, dataset.deployments, view, dataset.gazetteer)
    table = table_frame(*newest(incidents, deployments), names)
    view = select(view, table)
    window = f"{day_text(view.start)} – {day_text(view.end)}" if view.start and view.end else ""
    st.markdown(f"**{count_line(len(incidents), len(dataset.incidents), len(deployments))}** · {window}")
    troops = troops_line(troop_totals(deployments))
    if troops:
        st.caption(plain(troops))
    map_column, detail_column = st.columns([5, 2], gap="small")
    with map_column:
        st.session_state["shown_layers"] = show_map(dataset, incidents, deployments, view, names, place)
    record = dataset.record(view.selected) if view.selected else None
    with detail_column.container(height=MAP_HEIGHT, border=False):  # scrolls beside the map, never below it
        chosen = None if record is None else record.to_dict()
        details_panel(chosen, names.get(str((chosen or {}).get("municipality")), ""))
    editing_panel(chosen, dataset.context)  # a kept row's history; edit, delete and undo for editors
    timeline(dataset, view, span)
    records_table(table, len(incidents) + len(deployments))
    view = with_map_state(view, st.session_state.get("map") or {})
    share_panel(dataset, incidents, deployments, view, names, str(shipped_as_of()))
    return view
