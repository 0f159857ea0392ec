"""North Kosovo Incident Map: the Streamlit page. It only wires widgets to pure functions."""

from __future__ import annotations

import gc
import hashlib
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from components.assets import MissingAssetsError, localize, serve_static
from components.dates import period_choices, window_from_interval
from components.dense import Bounds
from components.detailpanel import details_panel
from components.editing import editing_panel
from components.filters import count_line, municipality_label, shown
from components.findplace import find_place
from components.kept import kept
from components.mapview import ShownLayer, build_base_map, record_layers
from components.review import review_panel
from components.scope import day_text, scope_line, troops_line
from components.selection import Selection, choose, map_click
from components.sharing import plain, share_panel
from components.sidebar import read_view, set_window
from components.signin import session_access, signin_panel
from components.table import TABLE_COLUMNS, TABLE_LABELS, table_frame
from components.timeline import BRUSH, timeline_chart, weekly_counts
from components.view import View, decode, encode
from geo.dataset import DATA_DIR, DataAsOf, Dataset, UserFile, data_as_of, load_dataset, load_user_file, load_user_path
from geo.deployments import troop_totals
from geo.gazetteer import Place

UPLOAD_LIMIT_MB = 20
MAX_UPLOAD_BYTES = UPLOAD_LIMIT_MB * 1_000_000  # Streamlit counts a megabyte as a million bytes
TABLE_LIMIT = 5_000
SHOWN_PROBLEMS = 50  # on the page; all of them are a download
MAP_HEIGHT = 600
FOUND_PLACE_ZOOM = 13
STATIC_PREFIX = "/".join(["", *filter(None, [st.get_option("server.baseUrlPath").strip("/")]), "app/static/vendor/"])
T = TypeVar("T")

st.set_page_config(page_title="North Kosovo Incident Map", page_icon="🗺️", layout="wide")


@st.cache_resource(show_spinner="Loading the data…")
def shipped() -> Dataset:
    """The shipped, checked data: loaded and indexed once per server."""
    return load_dataset()


@st.cache_resource(show_spinner=False)
def shipped_as_of() -> DataAsOf:
    """How current the shipped data is (its newest record, counts, and last update from data/CHANGELOG.md)."""
    data = shipped()
    return data_as_of(data.incidents, data.deployments, (DATA_DIR / "CHANGELOG.md").read_text(encoding="utf-8"))


def startup_paths(argv: list[str], environ: dict[str, str]) -> list[Path]:
    """Files named by `streamlit run app.py -- --data FILE ...` or KOSOVO_MAP_DATA (os.pathsep-separated)."""
    paths = [p for p in environ.get("KOSOVO_MAP_DATA", "").split(os.pathsep) if p]
    if "--data" in argv:
        paths += [a for a in argv[argv.index("--data") + 1 :] if not a.startswith("--")]
    return [Path(p) for p in paths]


@st.cache_resource(show_spinner="Loading your data files…")
def startup_files(paths: tuple[Path, ...]) -> tuple[UserFile, ...]:
    """The user's files named at start, checked once per server."""
    files = []
    for path in paths:  # a large CSV or a Parquet file is read from disk by the columnar loader, never all at once
        files.append(load_user_path(path, shipped()))
        gc.collect()  # what checking the file needed is gone: give its memory back before the next
    return tuple(files)


@st.cache_resource(max_entries=4, show_spinner=False)
def assembled(key: tuple[str, ...], _files: tuple[UserFile, ...]) -> Dataset:
    """The shipped data with the user's files added, built once per set of files (not per rerun)."""
    dataset = shipped()
    for user in _files:
        if user.added:
            dataset = dataset.with_user_file(user)
    return dataset


def checked_upload(name: str, digest: str, content: bytes) -> UserFile:
    """A user's file after validation, kept in this session only (and freed when the session ends).

    A server-wide cache would pin every distinct upload's records in memory after its
    session ended; one checked upload per session is bounded by the upload limit.
    """
    kept = st.session_state.get("checked_upload")
    if kept is None or kept[0] != digest:
        st.session_state.pop("checked_upload", None)  # the previous upload goes before the next is checked
        with st.spinner("Checking your file…"):
            kept = (digest, load_user_file(name, content, shipped()))
        st.session_state["checked_upload"] = kept
    return kept[1]


def show_problems(where: Any, name: str, user: UserFile) -> None:
    """List a file's problems as plain text (file:row:column: message); nothing in them is markup."""
    if user.problems:
        where.error(f"{plain(name)}: {plain(user.summary)}")
        shown_problems = "\n".join(str(p) for p in user.problems[:SHOWN_PROBLEMS])
        more = len(user.problems) - SHOWN_PROBLEMS
        where.code(shown_problems + (f"\n… and {more:,} more" if more > 0 else ""), language=None)
        if more > 0:
            every = "\n".join(str(p) for p in user.problems) + "\n"
            where.download_button(
                f"All {len(user.problems):,} problems (text)", every, f"{Path(name).stem}-problems.txt", "text/plain",
                key=f"problems-{name}",
            )  # fmt: skip


def uploaded() -> list[tuple[str, UserFile]]:
    """Read the sidebar upload; problems are shown, the data already loaded stays as it was."""
    st.sidebar.markdown("**Your own data**")
    upload = st.sidebar.file_uploader(
        f"Add a CSV, GeoJSON, GeoParquet or ACLED export of up to {UPLOAD_LIMIT_MB} MB: shown as its own layers. "
        "Larger files: start the app with `streamlit run app.py -- --data FILE`.",
        type=["csv", "geojson", "json", "parquet"],
        key="upload",
        max_upload_size=UPLOAD_LIMIT_MB,
    )
    if upload is None:
        st.session_state.pop("checked_upload", None)
        return []
    content = upload.getvalue()
    if len(content) > MAX_UPLOAD_BYTES:
        st.sidebar.error(
            f"{plain(upload.name)}: {len(content):,} bytes is more than the {UPLOAD_LIMIT_MB} MB limit; "
            "start the app with `streamlit run app.py -- --data FILE` for large files."
        )
        return []
    digest = hashlib.sha256(content).hexdigest()
    user = checked_upload(upload.name, digest, content)
    show_problems(st.sidebar, upload.name, user)
    if user.added:
        st.sidebar.success(f"{plain(upload.name)}: {plain(user.summary)}, shown as your data.")
    return [(f"upload:{digest}", user)]


def user_data() -> Dataset:
    """The shipped data plus the user's files: those named at start and the store's, assembled once per
    server; this session's upload added on top, in this session only."""
    named = [(f"file:{user.name}", user) for user in startup_files(tuple(startup_paths(sys.argv, dict(os.environ))))]
    for key, user in named:
        show_problems(st.sidebar, key.removeprefix("file:"), user)
    upload = uploaded()
    shared = named + kept(shipped())
    dataset = assembled(tuple(key for key, _ in shared), tuple(user for _, user in shared))
    if not upload:
        st.session_state.pop("with_upload", None)
        return dataset
    (key, user), cached = upload[0], st.session_state.get("with_upload")
    if cached is None or cached[0] != (key, id(dataset)):
        cached = ((key, id(dataset)), dataset.with_user_file(user) if user.added else dataset)
        st.session_state["with_upload"] = cached
    return cached[1]


def actor_choices(dataset: Dataset) -> list[str]:
    """Every actor and force in the data, sorted; computed once per assembled dataset."""
    cache = st.session_state.setdefault("actor_choices", {})
    if id(dataset) not in cache:
        columns = [dataset.incidents.get("actor1"), dataset.incidents.get("actor2"), dataset.deployments.get("force")]
        values = pd.concat([c for c in columns if c is not None]).dropna().astype(str)
        cache.clear()
        cache[id(dataset)] = sorted(set(values[values != ""].unique()))
    return cache[id(dataset)]


def data_span(dataset: Dataset) -> tuple:
    dates = pd.concat([dataset.incidents["date"], dataset.deployments["date"]]).dropna()
    return dates.min().date(), dates.max().date()


def initial_view(dataset: Dataset, span: tuple) -> View:
    """The view a link asks for, once per session; what was ignored is noted until dismissed."""
    if "initial_view" not in st.session_state:
        choices = {
            "event_types": frozenset(dataset.incidents["event_type"].dropna()),
            "actors": frozenset(actor_choices(dataset)),
            "municipalities": frozenset(dataset.municipalities.frame.index),
            "selected": frozenset(dataset.incidents["id"]) | frozenset(dataset.deployments["id"]),
        }
        view, notices = decode(dict(st.query_params), choices, span)
        st.session_state["initial_view"], st.session_state["link_notices"] = view, notices
    return st.session_state["initial_view"]


def _dismiss_notices() -> None:
    st.session_state["link_notices"] = []


def link_notices() -> None:
    """What a link asked for that could not be applied: stays until the reader dismisses it."""
    notices = st.session_state.get("link_notices") or []
    if notices:
        lines = "  \n".join(f"Link parameter {plain(n)}." for n in notices)
        st.warning(f"{lines}  \nThe rest of the link was applied.")
        st.button("Dismiss", key="dismiss_notices", on_click=_dismiss_notices)


def serve(element: T) -> T:
    """Load the map's scripts from our static files; inline them if those were not published."""
    try:
        return serve_static(element, STATIC_PREFIX)
    except MissingAssetsError:
        return localize(element)


def show_map(
    dataset: Dataset,
    incidents: gpd.GeoDataFrame,
    deployments: gpd.GeoDataFrame,
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


def record_by_id(dataset: Dataset, record_id: str) -> pd.Series | None:
    for frame in (dataset.incidents, dataset.deployments):
        match = frame[frame["id"] == record_id]
        if not match.empty:
            return match.iloc[0]
    return None


def newest(incidents: gpd.GeoDataFrame, deployments: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """At most TABLE_LIMIT rows each, newest first: a table of a million rows helps nobody and costs seconds."""
    if len(incidents) + len(deployments) <= TABLE_LIMIT:
        return incidents, deployments
    return (
        incidents.sort_values("date", ascending=False).head(TABLE_LIMIT),
        deployments.sort_values("date", ascending=False).head(TABLE_LIMIT),
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
    record = record_by_id(dataset, view.selected) if view.selected else None
    with detail_column.container(height=MAP_HEIGHT, border=False):  # scrolls beside the map, never below it
        chosen = None if record is None else record.to_dict()
        details_panel(chosen, names.get(str((chosen or {}).get("municipality")), ""))
    editing_panel(chosen, dataset.context)  # a kept row's history; edit, delete and undo for editors
    timeline(dataset, view, span)
    records_table(table, len(incidents) + len(deployments))
    view = with_map_state(view, st.session_state.get("map") or {})
    share_panel(dataset, incidents, deployments, view, names, str(shipped_as_of()))
    return view


def header(dataset: Dataset, span: tuple) -> None:
    """The page's title and the one line that says what the map covers."""
    st.markdown("### North Kosovo Incident Map")
    sources = len({source.title for source in dataset.context.sources.values()})
    st.caption(scope_line(sources, span, shipped_as_of()))


def main() -> None:
    signin_panel()
    filters = st.sidebar.container()  # drawn above the upload, though read after it
    dataset = user_data()
    span = data_span(dataset)
    names = dataset.municipalities.frame["name_en"].to_dict()
    periods = period_choices(dataset.incidents["date"])
    view = read_view(
        initial_view(dataset, span),
        span,
        sorted(dataset.incidents["event_type"].dropna().unique()),
        actor_choices(dataset),
        {m: municipality_label(m, dataset.gazetteer) for m in sorted(names, key=names.get)},
        periods,
        where=filters,
    )
    with filters:
        place = find_place(dataset.gazetteer)
    header(dataset, span)
    link_notices()
    map_view, news = st.tabs(["Map", "Add from a news article"])
    with map_view:
        view = map_tab(dataset, view, names, span, place)
    with news:
        review_panel(dataset)
    st.query_params.from_dict(encode(view))
    st.caption(
        "Boundaries © OpenStreetMap contributors (ODbL), via geoBoundaries · places: GeoNames (CC BY 4.0) and the "
        "NGA GEOnet Names Server · "
        "map tiles © OpenStreetMap contributors and CARTO when online."
    )


with session_access():  # every store write in this run is checked against who is signed in
    main()
