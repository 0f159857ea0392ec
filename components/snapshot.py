"""Snapshots people can send: one self-contained HTML file, a PNG of it, and the data behind it.

The HTML snapshot is the same map the app shows (same View, same builder),
with every script and style inlined so it opens from disk with no network,
and a header that states what it shows and where it comes from.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pandas as pd

from components.assets import inline_html
from components.details import escape_html as escape_text
from components.details import safe_url
from components.export import source_text, to_geopackage
from components.filters import count_line
from components.mapview import BOUNDARY_ATTRIBUTION, build_map
from components.scope import troops_line
from components.view import View
from geo.deployments import troop_totals

__all__ = [
    "BrowserMissingError",
    "SnapshotInfo",
    "snapshot_html",
    "snapshot_png",
    "to_geopackage",
]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)
# True once the map and every record layer have drawn (or there is nothing to draw).
MAP_DRAWN = """() => {
  const container = document.querySelector('.leaflet-container');
  if (!container || !window.L) return false;
  const map = Object.values(window).find(v => v instanceof L.Map && v.getContainer() === container);
  if (!map) return false;
  const expected = Number(document.body.dataset.records || 0);
  const drawn = document.querySelectorAll('.nk-marker, .nk-cluster, canvas.nk-dense').length;
  return expected === 0 || drawn > 0;
}"""


class BrowserMissingError(RuntimeError):
    """No Chromium to render a PNG with."""


@dataclass(frozen=True)
class SnapshotInfo:
    """What a snapshot's header says besides the view itself."""

    total_incidents: int
    permalink: str = ""
    generated_at: datetime | None = None
    municipality_names: Mapping[str, str] | None = None
    as_of: str = ""  # geo.dataset.DataAsOf as text: the data's last update, newest record and counts


def _filters_text(view: View, names: Mapping[str, str]) -> str:
    parts = []
    if view.event_types:
        parts.append("types: " + ", ".join(view.event_types))
    if view.actors:
        parts.append("actors: " + ", ".join(view.actors))
    if view.municipalities:
        parts.append("municipalities: " + ", ".join(names.get(m, m) for m in view.municipalities))
    if view.text:
        parts.append(f"search: “{view.text}”")
    return "; ".join(parts) or "none"


def _distinct_lists(frame: pd.DataFrame) -> list[list[dict[str, str]]]:
    """The frame's sources lists, each shared list once (rows citing one report share one list object)."""
    lists = frame["sources"].to_numpy(dtype=object) if "sources" in frame else np.empty(0, dtype=object)
    _, first = np.unique(np.fromiter(map(id, lists), dtype=np.int64, count=len(lists)), return_index=True)
    return [lists[row] for row in np.sort(first)]


def _sources_list(incidents: pd.DataFrame, deployments: pd.DataFrame) -> list[dict[str, str]]:
    seen: dict[str, dict[str, str]] = {}
    for frame in (incidents, deployments):
        for sources in _distinct_lists(frame):
            for source in sources or []:
                seen.setdefault(source_text(source), source)
    return sorted(seen.values(), key=lambda s: (s.get("date", ""), s.get("publisher", "")))


def _header(incidents: pd.DataFrame, deployments: pd.DataFrame, view: View, info: SnapshotInfo) -> str:
    names = info.municipality_names or {}
    generated = (info.generated_at or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    window = f"{view.start or 'first record'} – {view.end or 'last record'}"
    link = safe_url(info.permalink)
    link_html = f"<a href='{escape_text(link)}'>{escape_text(link)}</a>" if link else "—"
    cited = _sources_list(incidents, deployments)
    sources = "".join(f"<li>{escape_text(source_text(s))}</li>" for s in cited)
    return f"""
<header class="nk-snapshot-head">
  <h1>North Kosovo Incident Map — snapshot</h1>
  <p><b>{escape_text(count_line(len(incidents), info.total_incidents, len(deployments)))}</b>
     · dates {escape_text(window)} · filters: {escape_text(_filters_text(view, names))}</p>
  <p>{escape_text(info.as_of) + " · " if info.as_of else ""}{escape_text(troops_line(troop_totals(deployments)))}</p>
  <p>Generated {escape_text(generated)} · view online: {link_html}</p>
  <details><summary>Sources ({len(cited)}) and credits</summary>
    <ul>{sources}</ul>
    <p>{escape_text(BOUNDARY_ATTRIBUTION)}. Map tiles © OpenStreetMap contributors when online.
       Summaries are the project's own words; each record cites its sources in its popup.</p>
  </details>
</header>"""


_SNAPSHOT_CSS = """
<style>
html, body {height: 100%; margin: 0;}
body {display: flex; flex-direction: column; font: 13px/1.4 sans-serif;}
.nk-snapshot-head {flex: 0 0 auto; padding: 6px 12px; background: #f7f7f4; border-bottom: 1px solid #ccc;}
.nk-snapshot-head h1 {font-size: 17px; margin: 0 0 2px;}
.nk-snapshot-head p {margin: 2px 0;}
.nk-snapshot-head details ul {max-height: 160px; overflow: auto; margin: 4px 0;}
.folium-map {flex: 1 1 auto; height: auto !important; position: relative !important;}
</style>
"""


def snapshot_html(
    incidents: pd.DataFrame,
    deployments: pd.DataFrame,
    municipalities: gpd.GeoDataFrame,
    view: View,
    info: SnapshotInfo,
) -> str:
    """One self-contained HTML page of the view: map, popups, legend, layer control and time player."""
    fmap = build_map(incidents, deployments, municipalities, view)
    root = fmap.get_root()
    root.header.add_child(folium.Element(_SNAPSHOT_CSS))
    root.title = "North Kosovo Incident Map — snapshot"
    page = inline_html(fmap)
    records = len(incidents) * view.shows("incidents") + len(deployments) * view.shows("deployments")
    head = _header(incidents, deployments, view, info)
    page = page.replace("<html>", '<html lang="en">', 1)
    return page.replace("<body>", f'<body data-records="{records}">{head}', 1)


@contextlib.contextmanager
def _chromium() -> Iterator[object]:
    """A headless Chromium through Playwright, or BrowserMissingError saying what to install."""
    executable = CHROMIUM if CHROMIUM.exists() else shutil.which("chromium")
    if not executable:
        raise BrowserMissingError(
            "PNG snapshots need Chromium: on Debian/Ubuntu `sudo apt-get install chromium`; "
            "the HTML snapshot works without it"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise BrowserMissingError("PNG snapshots need Playwright: pip install playwright") from error
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()


def snapshot_png(html: str, width: int = 1400, height: int = 900, timeout_ms: int = 30_000) -> bytes:
    """The HTML snapshot rendered to a PNG of width x height, once the map has drawn.

    Only the page itself loads (tiles are tried but may fail offline; the map
    still shows boundaries and markers on a plain background).
    """
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise ValueError(f"image size {width}x{height} is outside 200…8000 pixels")
    with tempfile.TemporaryDirectory() as folder, _chromium() as browser:
        page_path = Path(folder) / "snapshot.html"
        page_path.write_text(html, encoding="utf-8")
        page = browser.new_page(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
        page.goto(page_path.as_uri(), wait_until="load", timeout=timeout_ms)
        page.wait_for_function(MAP_DRAWN, timeout=timeout_ms)
        page.wait_for_timeout(400)  # let tiles that can load fade in
        return page.screenshot(type="png", full_page=False)
