"""North Kosovo Incident Map: the Streamlit page. It only wires widgets to pure functions."""

from __future__ import annotations

import gc
import hashlib
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import folium
import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from components.assets import MissingAssetsError, localize, serve_static
from components.dense import Bounds
from components.editing import editing_panel
from components.filters import count_line, shown
from components.kept import kept
from components.mapview import build_base_map, record_layers
from components.popups import record_id_in, safe_url
from components.review import review_panel
from components.sharing import plain, share_panel
from components.sidebar import read_view
from components.signin import session_access, signin_panel
from components.table import TABLE_COLUMNS, table_frame
from components.timeline import timeline_chart, weekly_counts
from components.view import View, decode, encode
from geo.dataset import Dataset, UserFile, load_dataset, load_user_file
from geo.incidents import Problem

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
TABLE_LIMIT = 5_000
STATIC_PREFIX = "/".join(["", *filter(None, [st.get_option("server.baseUrlPath").strip("/")]), "app/static/vendor/"])
T = TypeVar("T")

st.set_page_config(page_title="North Kosovo Incident Map", page_icon="🗺️", layout="wide")


@st.cache_resource(show_spinner="Loading the data…")
def shipped() -> Dataset:
    """The shipped, checked data: loaded and indexed once per server."""
    return load_dataset()


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
    for path in paths:
        try:
            files.append(load_user_file(str(path), path.read_bytes(), shipped()))
            gc.collect()  # the file's bytes and text are gone: give their memory back before the next
        except OSError as error:
            files.append(
                UserFile(
                    str(path), "incident", shipped().incidents.iloc[0:0], (Problem(str(path), 0, "-", str(error)),)
                )
            )
    return tuple(files)


@st.cache_resource(max_entries=4, show_spinner=False)
def assembled(key: tuple[str, ...], _files: tuple[UserFile, ...]) -> Dataset:
    """The shipped data with the user's files added, built once per set of files (not per rerun)."""
    dataset = shipped()
    for user in _files:
        if not user.frame.empty:
            dataset = dataset.with_user_file(user)
    return dataset


@st.cache_resource(max_entries=8, show_spinner="Checking your file…")
def checked_upload(name: str, digest: str, _content: bytes) -> UserFile:
    """A user's file after validation, cached by its content's hash."""
    return load_user_file(name, _content, shipped())


def show_problems(where: Any, name: str, user: UserFile) -> None:
    """List a file's problems as plain text (file:row:column: message); nothing in them is markup."""
    if user.problems:
        where.error(f"{len(user.problems)} problem(s) in {plain(name)}; those rows are left out:")
        shown_problems = "\n".join(str(p) for p in user.problems[:50])
        more = f"\n… and {len(user.problems) - 50} more" if len(user.problems) > 50 else ""
        where.code(shown_problems + more, language=None)


def uploaded() -> list[tuple[str, UserFile]]:
    """Read the sidebar upload; problems are shown, the data already loaded stays as it was."""
    upload = st.sidebar.file_uploader(
        "Your own data (CSV, GeoJSON or an ACLED export)", type=["csv", "geojson", "json"], key="upload"
    )
    if upload is None:
        return []
    content = upload.getvalue()
    if len(content) > MAX_UPLOAD_BYTES:
        limit = MAX_UPLOAD_BYTES // 2**20
        st.sidebar.error(
            f"{plain(upload.name)}: {len(content) / 2**20:.0f} MB is more than the {limit} MB limit; "
            "start the app with `-- --data FILE` for large files."
        )
        return []
    digest = hashlib.sha256(content).hexdigest()
    user = checked_upload(upload.name, digest, content)
    show_problems(st.sidebar, upload.name, user)
    if not user.frame.empty:
        st.sidebar.success(f"{plain(upload.name)}: {len(user.frame)} {user.layer}(s) added as your data.")
    return [(f"upload:{digest}", user)]


def user_data() -> Dataset:
    """The shipped data plus the user's files (named at start, uploaded, kept), assembled once per set."""
    named = [(f"file:{user.name}", user) for user in startup_files(tuple(startup_paths(sys.argv, dict(os.environ))))]
    for key, user in named:
        show_problems(st.sidebar, key.removeprefix("file:"), user)
    files = named + uploaded() + kept(shipped())
    return assembled(tuple(key for key, _ in files), tuple(user for _, user in files))


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
    """The view a link asks for, once per session; notices say what was ignored."""
    if "initial_view" not in st.session_state:
        choices = {
            "event_types": frozenset(dataset.incidents["event_type"].dropna()),
            "actors": frozenset(actor_choices(dataset)),
            "municipalities": frozenset(dataset.municipalities.frame.index),
            "selected": frozenset(dataset.incidents["id"]) | frozenset(dataset.deployments["id"]),
        }
        view, notices = decode(dict(st.query_params), choices, span)
        st.session_state["initial_view"], st.session_state["link_notices"] = view, notices
    for notice in st.session_state.pop("link_notices", []):
        st.warning(f"Link parameter {notice}; the rest of the link was applied.")
    return st.session_state["initial_view"]


def serve(element: T) -> T:
    """Load the map's scripts from our static files; inline them if those were not published."""
    try:
        return serve_static(element, STATIC_PREFIX)
    except MissingAssetsError:
        return localize(element)


def show_map(
    dataset: Dataset, incidents: gpd.GeoDataFrame, deployments: gpd.GeoDataFrame, view: View, names: dict[str, str]
) -> dict[str, Any]:
    """The map: a base that stays while filters change, and record layers swapped in place.

    The base's script is what streamlit-folium keys the iframe on, so keeping it
    unchanged lets a slider move replace only the markers, without reloading the map.
    """
    base = build_base_map(dataset.municipalities.frame, view, incidents)
    layers = [serve(layer) for layer in record_layers(incidents, deployments, names, view, last_bounds())]
    return (
        st_folium(
            serve(base),
            key="map",
            height=560,
            use_container_width=True,
            feature_group_to_add=layers,
            layer_control=folium.LayerControl(collapsed=False),
            returned_objects=["last_object_clicked_popup", "center", "zoom", "bounds"],
        )
        or {}
    )


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
        lat, lon = float(center["lat"]), ((float(center["lng"]) + 180) % 360) - 180
        return replace(view, center=(round(lat, 5), round(lon, 5)), zoom=int(zoom))
    return view


def details(record: pd.Series, names: dict[str, str]) -> None:
    """The chosen record's details, as plain text (never markup from data)."""
    st.subheader("Details")
    keys = ("id", "layer", "date", "end_date", "event_type", "sub_event_type", "actor1", "actor2", "force", "unit",
            "nations", "strength", "kind", "place_name", "location_precision", "injured", "killed", "arrested",
            "counts_detail", "origin")  # fmt: skip
    fields = {k: record.get(k) for k in keys if k in record and not _blank(record.get(k))}
    fields["municipality"] = names.get(record.get("municipality"), "")
    st.dataframe(
        pd.DataFrame({"field": list(fields), "value": [_text(v) for v in fields.values()]}),
        hide_index=True,
        width="stretch",
    )
    st.text(record.get("summary") or "")
    for source in record.get("sources") or []:
        label = ", ".join(str(source.get(k)) for k in ("publisher", "title", "date") if source.get(k))
        url = safe_url(source.get("url", ""))
        st.text(f"Source: {label}" + (f" — {url}" if url else ""))


def _blank(value: object) -> bool:
    return value is None or value == "" or (not isinstance(value, list | tuple) and bool(pd.isna(value)))


def _text(value: object) -> str:
    return value.date().isoformat() if isinstance(value, pd.Timestamp) else str(value)


def chosen_id(table_event: Any, table: pd.DataFrame, map_state: dict[str, Any], current: str) -> str:
    """The record picked in the table or by clicking its marker, else the one already selected."""
    rows = getattr(getattr(table_event, "selection", None), "rows", None) or []
    if rows and rows[0] < len(table):
        return str(table.iloc[rows[0]]["id"])
    return record_id_in(map_state.get("last_object_clicked_popup")) or current


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


def map_tab(dataset: Dataset, view: View, names: dict[str, str]) -> View:
    """Count line, map, timeline chart, table and details; returns the view as the user left it."""
    incidents, deployments = shown(dataset.incidents, dataset.deployments, view)
    window = f"{view.start} – {view.end}"
    st.markdown(f"**{count_line(len(incidents), len(dataset.incidents), len(deployments))}** · {window}")
    map_state = show_map(dataset, incidents, deployments, view, names)
    chart = timeline_chart(weekly_counts(dataset.incidents, view.start, view.end))
    st.altair_chart(chart, width="stretch")
    table = table_frame(*newest(incidents, deployments), names)
    st.subheader("Shown incidents and deployments")
    if len(table) < len(incidents) + len(deployments):
        st.caption(
            f"The newest {len(table):,} of {len(incidents) + len(deployments):,} rows; download the data for all."
        )
    event = st.dataframe(
        table, hide_index=True, key="table", on_select="rerun", selection_mode="single-row", column_order=TABLE_COLUMNS
    )
    view = replace(with_map_state(view, map_state), selected=chosen_id(event, table, map_state, view.selected))
    record = record_by_id(dataset, view.selected) if view.selected else None
    if record is not None:
        details(record, names)
    editing_panel(record, dataset.context)  # history of a kept row; edit/delete for editors
    share_panel(dataset, incidents, deployments, view, names)
    return view


def main() -> None:
    signin_panel()
    dataset = user_data()
    span = data_span(dataset)
    names = dataset.municipalities.frame["name_en"].to_dict()
    view = read_view(
        initial_view(dataset, span),
        span,
        sorted(dataset.incidents["event_type"].dropna().unique()),
        actor_choices(dataset),
        dict(sorted(names.items(), key=lambda item: item[1])),
    )
    st.title("North Kosovo Incident Map")
    map_view, news = st.tabs(["Map", "Add from a news article"])
    with map_view:
        view = map_tab(dataset, view, names)
    with news:
        review_panel(dataset)
    st.query_params.from_dict(encode(view))
    st.caption(
        "Boundaries © OpenStreetMap contributors (ODbL), via geoBoundaries · places: GeoNames (CC BY 4.0) · "
        "every record cites its source · summaries are our own words."
    )


with session_access():  # every store write in this run is checked against who is signed in
    main()
