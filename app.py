"""North Kosovo Incident Map: the Streamlit page. It only wires widgets to pure functions."""

from __future__ import annotations

import hashlib
from typing import TypeVar

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from components.assets import MissingAssetsError, localize, serve_static
from components.export import to_csv, to_geojson
from components.filters import count_line, shown
from components.mapview import build_base_map, record_layers
from components.popups import safe_url
from components.sidebar import read_view
from components.table import TABLE_COLUMNS, table_frame
from components.timeline import timeline_chart, weekly_counts
from components.view import View, decode, encode
from geo.dataset import Dataset, UserFile, load_dataset, load_user_file

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
STATIC_PREFIX = "/".join(["", *filter(None, [st.get_option("server.baseUrlPath").strip("/")]), "app/static/vendor/"])
T = TypeVar("T")

st.set_page_config(page_title="North Kosovo Incident Map", page_icon="🗺️", layout="wide")


@st.cache_resource(show_spinner="Loading the data…")
def shipped() -> Dataset:
    """The shipped, checked data: loaded and indexed once per server."""
    return load_dataset()


@st.cache_resource(max_entries=8, show_spinner="Checking your file…")
def checked_upload(name: str, digest: str, _content: bytes) -> UserFile:
    """A user's file after validation, cached by its content's hash."""
    return load_user_file(name, _content, shipped())


def user_data(dataset: Dataset) -> Dataset:
    """Read the sidebar upload; problems are shown, the shipped data stays as it was."""
    upload = st.sidebar.file_uploader("Your own data (CSV or GeoJSON)", type=["csv", "geojson", "json"], key="upload")
    if upload is None:
        return dataset
    content = upload.getvalue()
    if len(content) > MAX_UPLOAD_BYTES:
        st.sidebar.error(
            f"{upload.name}: {len(content) / 1e6:.0f} MB is more than the {MAX_UPLOAD_BYTES // 2**20} MB limit."
        )
        return dataset
    user = checked_upload(upload.name, hashlib.sha256(content).hexdigest(), content)
    if user.problems:
        listing = "\n".join(f"- `{p}`" for p in user.problems[:20])
        more = f"\n- … and {len(user.problems) - 20} more" if len(user.problems) > 20 else ""
        st.sidebar.error(f"{len(user.problems)} problem(s) in your file; those rows are left out:\n{listing}{more}")
    if user.frame.empty:
        return dataset
    st.sidebar.success(f"{upload.name}: {len(user.frame)} {user.layer}(s) added as your data.")
    return dataset.with_user_file(user)


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
        st.warning(f"Link parameter {notice}.")
    return st.session_state["initial_view"]


def actor_choices(dataset: Dataset) -> list[str]:
    columns = [dataset.incidents.get("actor1"), dataset.incidents.get("actor2"), dataset.deployments.get("force")]
    return sorted({a for column in columns if column is not None for a in column.dropna() if a})


def data_span(dataset: Dataset) -> tuple:
    dates = pd.concat([dataset.incidents["date"], dataset.deployments["date"]]).dropna()
    return dates.min().date(), dates.max().date()


def details(record: pd.Series) -> None:
    """The chosen record's details, as plain text (never markup from data)."""
    st.subheader("Details")
    fields = {k: record.get(k) for k in ("id", "layer", "date", "end_date", "event_type", "sub_event_type", "actor1",
                                         "actor2", "force", "unit", "strength", "place_name", "municipality",
                                         "injured", "killed", "arrested", "counts_detail") if k in record}  # fmt: skip
    st.dataframe(pd.DataFrame({"field": list(fields), "value": [str(v) for v in fields.values()]}), hide_index=True)
    st.text(record.get("summary", ""))
    for source in record.get("sources") or []:
        label = ", ".join(str(source.get(k)) for k in ("publisher", "title", "date") if source.get(k))
        url = safe_url(source.get("url", ""))
        st.text(f"Source: {label}" + (f" — {url}" if url else ""))


def serve(element: T) -> T:
    """Load the map's scripts from our static files; inline them if those were not published."""
    try:
        return serve_static(element, STATIC_PREFIX)
    except MissingAssetsError:
        return localize(element)


def show_map(dataset: Dataset, incidents, deployments, view: View, municipality_names: dict[str, str]) -> dict | None:
    """The map: a base that stays while filters change, and record layers swapped in place.

    The base's script is what streamlit-folium keys the iframe on, so keeping it
    unchanged lets a slider move replace only the markers, without reloading the map.
    """
    base = build_base_map(dataset.municipalities.frame, view, incidents)
    layers = [serve(layer) for layer in record_layers(incidents, deployments, municipality_names, view)]
    return st_folium(
        serve(base),
        key="map",
        height=560,
        use_container_width=True,
        feature_group_to_add=layers,
        layer_control=folium.LayerControl(collapsed=False),
        returned_objects=["last_object_clicked"],
    )


def main() -> None:
    dataset = user_data(shipped())
    span = data_span(dataset)
    municipality_names = dataset.municipalities.frame["name_en"].to_dict()
    view = read_view(
        initial_view(dataset, span),
        span,
        sorted(dataset.incidents["event_type"].dropna().unique()),
        actor_choices(dataset),
        dict(sorted(municipality_names.items(), key=lambda item: item[1])),
    )
    st.query_params.from_dict(encode(view))
    incidents, deployments = shown(dataset.incidents, dataset.deployments, view)

    st.title("North Kosovo Incident Map")
    st.markdown(f"**{count_line(len(incidents), len(dataset.incidents), len(deployments))}** · "
                f"{view.start} – {view.end}")  # fmt: skip
    clicked = show_map(dataset, incidents, deployments, view, municipality_names)
    st.altair_chart(timeline_chart(weekly_counts(dataset.incidents, view.start, view.end)), width="stretch")

    table = table_frame(incidents, deployments, municipality_names)
    st.subheader("Shown incidents and deployments")
    picked = st.dataframe(table, hide_index=True, key="table", on_select="rerun", selection_mode="single-row",
                          column_order=TABLE_COLUMNS)  # fmt: skip
    chosen = _chosen(picked, clicked, table)
    if chosen is not None:
        details(chosen)
    left, right = st.columns(2)
    left.download_button("Download shown (GeoJSON)", to_geojson(incidents, deployments), "kosovo-incidents.geojson")
    right.download_button("Download shown (CSV)", to_csv(incidents, deployments), "kosovo-incidents.csv")
    st.caption("Boundaries © OpenStreetMap contributors (ODbL), via geoBoundaries · places: GeoNames (CC BY 4.0) · "
               "every record cites its source.")  # fmt: skip


def _chosen(picked: object, clicked: dict | None, table: pd.DataFrame) -> pd.Series | None:
    rows = getattr(getattr(picked, "selection", None), "rows", None) or []
    if rows:
        return table.iloc[rows[0]]
    point = (clicked or {}).get("last_object_clicked")
    if point and not table.empty:
        near = (
            (table["lat"].astype(float) - point["lat"]).abs() + (table["lon"].astype(float) - point["lng"]).abs()
        ) < 1e-5
        if near.any():
            return table[near].iloc[0]
    return None


main()
