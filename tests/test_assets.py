"""Tests for components/assets: folium maps must draw without any network.

The ``browser`` tests drive Debian's Chromium (``/usr/bin/chromium``) through
Playwright with every request that is not ``file:``, ``data:`` or the local
Streamlit server aborted; they are skipped when Chromium is not installed.
The others only need ``npm ci --prefix components/web`` to have run.
"""

from __future__ import annotations

import json
import re
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import folium
import folium.plugins
import pytest
from bs4 import BeautifulSoup
from folium.elements import JSCSSMixin

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Route

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # pytest's default rootdir handling omits it
    sys.path.insert(0, str(ROOT))

from components import assets  # noqa: E402
from components.assets import (  # noqa: E402
    ASSETS,
    NODE_MODULES,
    inline,
    inline_html,
    local_asset_path,
    localize,
)
from tests.browser import CHROMIUM, CHROMIUM_ARGS, streamlit_server  # noqa: E402

SCREENSHOT = Path("/tmp/assets_check.png")
STREAMLIT_SCREENSHOT = Path("/tmp/assets_check_streamlit.png")
TILE_HOST = "tile.openstreetmap.org"  # folium's default tiles; may fail offline
CDN_HOSTS = (
    "cdn.jsdelivr.net",
    "cdnjs.cloudflare.com",
    "code.jquery.com",
    "netdna.bootstrapcdn.com",
)
DIV_ICON_CLASS = "nk-test-div-icon"

browser_test = pytest.mark.browser


def build_demo_map() -> folium.Map:
    """Build a map using every folium feature whose assets components/assets covers."""
    m = folium.Map(location=[42.89, 20.87], zoom_start=11)
    polygon = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"name": "Test area"},
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [[[20.80, 42.85], [20.95, 42.85], [20.95, 42.95], [20.80, 42.85]]],
                },
            }
        ],
    }
    folium.GeoJson(polygon, name="Area", tooltip="Test area").add_to(m)

    markers = folium.FeatureGroup(name="Incidents").add_to(m)
    for i, (lat, lon) in enumerate([(42.88, 20.82), (42.90, 20.90), (42.92, 20.84)]):
        folium.Marker(
            [lat, lon],
            icon=folium.DivIcon(html=f"<b>{i}</b>", class_name=DIV_ICON_CLASS),
        ).add_to(markers)
    folium.Marker([42.86, 20.93], tooltip="default icon").add_to(markers)
    folium.Marker([42.87, 20.78], icon=folium.Icon(prefix="fa", icon="car", color="red")).add_to(markers)

    cluster = folium.plugins.MarkerCluster(name="Cluster").add_to(m)
    for i in range(5):
        folium.Marker([42.94 + i * 1e-4, 20.80 + i * 1e-4]).add_to(cluster)

    events = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"start": f"2023-0{i}-01", "end": f"2023-0{i + 1}-01"},
                "geometry": {"type": "Point", "coordinates": [20.86 + i / 100, 42.90]},
            }
            for i in range(1, 5)
        ],
    }
    timeline = folium.plugins.Timeline(events, name="Timeline").add_to(m)
    folium.plugins.TimelineSlider(auto_play=False, date_options="YYYY-MM-DD").add_to(m).add_timelines(timeline)

    folium.plugins.HeatMap([[42.89, 20.87, 1.0], [42.895, 20.875, 0.5]], name="Heat").add_to(m)
    folium.plugins.Fullscreen().add_to(m)
    folium.LayerControl().add_to(m)
    return m


# --- no browser ------------------------------------------------------------


def _requested_urls(m: folium.Map) -> set[str]:
    """CDN URLs the JSCSSMixin elements of ``m`` ask for."""
    urls: set[str] = set()
    stack: list[Any] = [m]
    while stack:
        element = stack.pop()
        if isinstance(element, JSCSSMixin):
            urls.update(url for _, url in [*element.default_js, *element.default_css])
        stack.extend(element._children.values())
    return urls


def test_asset_table_covers_the_demo_map_and_files_exist() -> None:
    requested = _requested_urls(build_demo_map())
    assert requested <= set(ASSETS)
    for url, path in ASSETS.items():
        assert local_asset_path(url) == path
        if path is not None:
            assert path.is_file(), f"{path} missing: run `{assets.INSTALL_COMMAND}`"
    dropped = {url for url, path in ASSETS.items() if path is None}
    assert all("glyphicons" in u or "awesome.rotate" in u for u in dropped)


def test_npm_pins_match_the_versions_folium_asks_for() -> None:
    pins = json.loads((ROOT / "components/web/package.json").read_text())
    pinned = pins["dependencies"]
    for url, path in ASSETS.items():
        if path is None or NODE_MODULES not in path.parents:
            continue
        package = path.relative_to(NODE_MODULES).parts[0]
        if package.startswith("@"):
            package = "/".join(path.relative_to(NODE_MODULES).parts[:2])
        installed = json.loads((NODE_MODULES / package / "package.json").read_text())
        assert pinned[package] == installed["version"], package
        assert installed["version"] in url, (url, package, installed["version"])


def test_unknown_url_raises_key_error() -> None:
    with pytest.raises(KeyError):
        local_asset_path("https://example.com/unknown.js")


def test_inline_html_has_no_external_script_or_stylesheet() -> None:
    page = inline_html(build_demo_map())
    soup = BeautifulSoup(page, "html.parser")
    for tag in soup.find_all(["script", "link"]):
        url = tag.get("src") or tag.get("href") or ""
        assert not url.startswith(("http:", "https:", "//")), url
    assert not soup.find_all("link", rel="stylesheet")
    for host in CDN_HOSTS:
        assert host not in page, host
    # Inlined, not dropped: the libraries' code is really in the page.
    scripts = "\n".join(tag.get_text() for tag in soup.find_all("script"))
    for marker in (
        "Leaflet 1.9.3",
        "jQuery v3.7.1",
        "Bootstrap v5.2.2",
        "AwesomeMarkers",
        "markerClusterGroup",
        "timelineSliderControl",
        "heatLayer",
        "fullscreenControl",
    ):
        assert marker in scripts, marker
    assert 'font-family:"Font Awesome 6 Free"' in page
    assert "url(../" not in page  # fonts and images are data: URIs


def test_inline_script_cannot_close_early(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inline, "_asset_text", lambda url: 'var s="</SCRIPT><!--";')
    tag = inline._script_tag("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js")
    assert tag is not None
    soup = BeautifulSoup(f"<head>{tag}</head>", "html.parser")
    (script,) = soup.find_all("script")
    assert script.get_text().endswith('var s="<\\/SCRIPT>\\x3C!--";\n')


def test_localize_rewrites_instances_not_classes() -> None:
    m = localize(build_demo_map())
    assert _requested_urls(m)
    assert all(url.startswith("data:") for url in _requested_urls(m))
    assert folium.Map.default_js[0][1].startswith("https://")
    assert _requested_urls(build_demo_map()) <= set(ASSETS)  # fresh map unchanged
    page = m.get_root().render()
    for host in CDN_HOSTS:
        assert host not in page, host


# --- browser ---------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(headless=True, executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class _OfflinePage:
    """A page that aborts every request outside ``allowed`` prefixes."""

    def __init__(self, browser: Browser, allowed: tuple[str, ...]) -> None:
        self.page = browser.new_page(viewport={"width": 1000, "height": 700})
        self.errors: list[str] = []
        self.aborted: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

        def route(route: Route) -> None:
            url = route.request.url
            if url.startswith(allowed):
                route.continue_()
            else:
                self.aborted.append(url)
                route.abort()

        self.page.route("**/*", route)

    def assert_only_tiles_aborted(self) -> None:
        others = [url for url in self.aborted if TILE_HOST not in url]
        assert not others, others


# Facts about the drawn map, gathered inside the page (or iframe) with the map.
_MAP_FACTS_JS = """
async () => {
  await document.fonts.ready;
  const n = (selector) => document.querySelectorAll(selector).length;
  const awesome = document.querySelector(".awesome-marker-icon-red");
  const icons = [...document.querySelectorAll("img.leaflet-marker-icon")];
  return {
    leaflet: window.L ? L.version : null,
    jquery: window.jQuery ? jQuery.fn.jquery : null,
    moment: typeof window.moment,
    bootstrap: typeof window.bootstrap,
    containers: n(".leaflet-container"),
    polygons: n("path.leaflet-interactive"),
    divIcons: n(".__DIV_ICON__"),
    clusters: n(".marker-cluster"),
    timelineControls: n(".leaflet-timeline-control input.time-slider"),
    timelineText: (document.querySelector(".leaflet-timeline-control output") || {})
      .textContent || "",
    fullscreen: n(".leaflet-control-zoom-fullscreen"),
    layers: n(".leaflet-control-layers-overlays label"),
    heat: n("canvas.leaflet-heatmap-layer"),
    awesomeBackground: awesome ? getComputedStyle(awesome).backgroundImage : "",
    iconImages: icons.map((img) => [img.src.slice(0, 15), img.complete && img.naturalWidth]),
    faFonts: [...document.fonts]
      .filter((font) => font.family.includes("Font Awesome 6 Free"))
      .map((font) => font.weight + ":" + font.status),
  };
}
""".replace("__DIV_ICON__", DIV_ICON_CLASS)


def _assert_map_drawn(facts: dict[str, Any]) -> None:
    """Check the facts of :data:`_MAP_FACTS_JS` for a fully drawn demo map."""
    assert facts["leaflet"] == "1.9.3"
    assert facts["jquery"] == "3.7.1"
    assert facts["moment"] == "function"
    assert facts["bootstrap"] == "object"
    assert facts["containers"] == 1
    assert facts["polygons"] >= 1
    assert facts["divIcons"] == 3
    assert facts["clusters"] >= 1
    assert facts["timelineControls"] == 1
    assert re.fullmatch(r"2023-\d\d-\d\d", facts["timelineText"]), facts["timelineText"]
    assert facts["fullscreen"] == 1
    assert facts["layers"] >= 4
    assert facts["heat"] == 1
    assert facts["awesomeBackground"].startswith('url("data:image/png'), facts
    # Default Leaflet markers (plain marker, timeline points) use inlined images.
    assert facts["iconImages"], facts
    for src, width in facts["iconImages"]:
        assert src.startswith("data:image/png"), facts["iconImages"]
        assert width > 0, facts["iconImages"]
    assert "900:loaded" in facts["faFonts"], facts["faFonts"]  # the fa-car glyph


@browser_test
def test_inline_html_draws_offline_from_file(browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "map.html"
    path.write_text(inline_html(build_demo_map()), encoding="utf-8")
    offline = _OfflinePage(browser, allowed=("file:", "data:"))
    try:
        offline.page.goto(path.as_uri(), wait_until="load")
        offline.page.wait_for_selector(f".{DIV_ICON_CLASS}", timeout=10_000)
        facts = offline.page.evaluate(_MAP_FACTS_JS)
        offline.page.screenshot(path=str(SCREENSHOT))
    finally:
        offline.page.close()
    assert not offline.errors, offline.errors
    _assert_map_drawn(facts)
    offline.assert_only_tiles_aborted()


@browser_test
def test_harness_detects_cdn_assets(browser: Browser, tmp_path: Path) -> None:
    """The offline harness must break a map that still uses CDN assets."""
    path = tmp_path / "cdn.html"
    path.write_text(build_demo_map().get_root().render(), encoding="utf-8")
    offline = _OfflinePage(browser, allowed=("file:", "data:"))
    try:
        offline.page.goto(path.as_uri(), wait_until="load")
        containers = offline.page.locator(".leaflet-container").count()
    finally:
        offline.page.close()
    assert containers == 0
    assert any("L is not defined" in error for error in offline.errors), offline.errors
    assert any(host in url for url in offline.aborted for host in CDN_HOSTS)


_STREAMLIT_APP = """
import importlib.util
import sys

sys.path.insert(0, {root!r})

import streamlit as st
from streamlit_folium import st_folium

from components.assets import localize

spec = importlib.util.spec_from_file_location("assets_demo", {test_file!r})
demo = importlib.util.module_from_spec(spec)
spec.loader.exec_module(demo)

st.title("Offline assets check")
st_folium(
    localize(demo.build_demo_map()),
    key="assets_check_map",
    height=520,
    width=700,
    returned_objects=[],
)
"""


@browser_test
def test_localized_map_draws_in_streamlit(browser: Browser, tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text(textwrap.dedent(_STREAMLIT_APP).format(root=str(ROOT), test_file=__file__))
    with streamlit_server(app) as base:
        offline = _OfflinePage(browser, allowed=(base, "data:", "blob:"))
        try:
            offline.page.goto(base, wait_until="domcontentloaded")
            iframe = offline.page.wait_for_selector('iframe[title="streamlit_folium.st_folium"]', timeout=20_000)
            frame = iframe.content_frame()
            assert frame is not None
            frame.wait_for_selector(f".{DIV_ICON_CLASS}", timeout=20_000)
            facts = frame.evaluate(_MAP_FACTS_JS)
            offline.page.screenshot(path=str(STREAMLIT_SCREENSHOT), full_page=True)
        finally:
            offline.page.close()
    assert not offline.errors, offline.errors
    _assert_map_drawn(facts)
    offline.assert_only_tiles_aborted()
