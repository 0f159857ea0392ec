"""The share panel: a link that reopens the view, and snapshots to send (HTML, PNG, data)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import urlencode, urlsplit, urlunsplit

import pandas as pd
import streamlit as st

from components.export import to_csv, to_geojson, to_geoparquet
from components.snapshot import BrowserMissingError, SnapshotInfo, snapshot_html, snapshot_png, to_geopackage
from components.view import View, encode
from geo.dataset import Dataset

__all__ = ["WORD_JOINER", "permalink", "plain", "share_panel"]

# Above this many rows the data files are made on request, not on every rerun.
DIRECT_DOWNLOAD_LIMIT = 20_000
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")
# Streamlit's markdown turns "www.x.org", "http://x.org" and "a@x.org" into links even when escaped (GFM autolink
# literals are found in the text after escapes are read): an invisible word joiner inside each trigger stops it.
_AUTOLINK = re.compile(r"(?i)(?<=www)(?=\\\.)|(?<=[a-z])(?=:(?://|\S*@))|(?<=mailto)(?=:)|(?<=xmpp)(?=:)|(?<=@)")
WORD_JOINER = "\u2060"


def plain(text: str) -> str:
    """Text shown literally inside Streamlit markdown (no links, emphasis or HTML from data)."""
    return _AUTOLINK.sub(WORD_JOINER, _MARKDOWN.sub(r"\\\1", text))


def permalink(page_url: str, view: View) -> str:
    """The page's address with the view in its query string."""
    parts = urlsplit(page_url or "http://localhost:8501/")
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", urlencode(encode(view)), ""))


def _file_stem(view: View) -> str:
    return f"kosovo-map_{view.start}_{view.end}"


def share_panel(
    dataset: Dataset,
    incidents: pd.DataFrame,
    deployments: pd.DataFrame,
    view: View,
    names: dict[str, str],
    as_of: str = "",
) -> None:
    """Link, data downloads, and HTML/PNG snapshots made on request (they take a moment)."""
    st.subheader("Share this view")
    link = permalink(st.context.url, view)
    st.code(link, language=None, wrap_lines=True)
    st.caption(
        "Copy the link (icon at its right): it reopens this date window, filters, layers, map position and selection."
    )
    stem = _file_stem(view)
    data, snapshots = st.columns(2)
    with data:
        rows = len(incidents) + len(deployments)
        if rows <= DIRECT_DOWNLOAD_LIMIT or st.button(f"Prepare data files ({rows:,} rows)", key="data_files"):
            geojson = to_geojson(incidents, deployments)
            st.download_button("Shown data (GeoJSON)", geojson, f"{stem}.geojson", "application/geo+json")
            st.download_button(
                "Shown data (CSV, for spreadsheets)", to_csv(incidents, deployments), f"{stem}.csv", "text/csv"
            )
            parquet = to_geoparquet(incidents, deployments)
            st.download_button("Shown data (GeoParquet)", parquet, f"{stem}.parquet", "application/vnd.apache.parquet")
    with snapshots:
        if st.button("Make snapshots (HTML, PNG, GeoPackage)", key="make_snapshots"):
            info = SnapshotInfo(len(dataset.incidents), link, datetime.now(UTC), names, as_of)
            st.session_state["snapshots"] = (link, _snapshots(dataset, incidents, deployments, view, info))
        made = st.session_state.get("snapshots")
        if made and made[0] == link:
            html, png, gpkg, problem = made[1]
            st.download_button("Map snapshot (HTML, works offline)", html, f"{stem}.html", "text/html")
            if png:
                st.download_button("Map image (PNG)", png, f"{stem}.png", "image/png")
            else:
                st.warning(problem)
            if gpkg:
                st.download_button("Shown data (GeoPackage)", gpkg, f"{stem}.gpkg", "application/geopackage+sqlite3")
        elif made:
            st.caption("The view changed since the snapshots were made: make them again.")


def _snapshots(
    dataset: Dataset, incidents: pd.DataFrame, deployments: pd.DataFrame, view: View, info: SnapshotInfo
) -> tuple[str, bytes | None, bytes, str]:
    with st.spinner("Drawing the snapshots…"):
        html = snapshot_html(incidents, deployments, dataset.municipalities.frame, view, info)
        try:
            png, problem = snapshot_png(html), ""
        except BrowserMissingError as error:
            png, problem = None, str(error)
        return html, png, to_geopackage(incidents, deployments), problem
