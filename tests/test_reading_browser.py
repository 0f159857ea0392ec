"""Reading the map as a person does, in headless Chromium: popups that stay, linked table, dates, player, phone, axe."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from components.snapshot import SnapshotInfo, snapshot_html
from components.view import View
from geo.dataset import Dataset
from tests.browser import (
    ARTIFACTS,
    CENTRE_FIRST_MARKER,
    CHROMIUM,
    CHROMIUM_ARGS,
    COUNT_RECORDS,
    ROOT,
    block_network,
    needs_chromium,
    streamlit_server,
)

pytestmark = [pytest.mark.browser, needs_chromium]
IFRAME = "iframe[title='streamlit_folium.st_folium']"
AXE = ROOT / "components" / "web" / "node_modules" / "axe-core" / "axe.min.js"
COUNT_LINE = re.compile(r"([\d,]+) of [\d,]+ incidents?, ([\d,]+) deployments?")
MAP_STATE = """() => {
  const map = Object.values(window).find(v => v instanceof L.Map);
  return {lat: map.getCenter().lat, lon: map.getCenter().lng, zoom: map.getZoom(),
          popup: !!(map._popup && map._popup.isOpen())};
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with streamlit_server(ROOT / "app.py", env={"KOSOVO_MAP_HOME": str(tmp_path_factory.mktemp("home"))}) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _page(browser: Any, server: str, width: int = 1440, height: int = 900, query: str = "") -> Any:
    page = browser.new_page(viewport={"width": width, "height": height})
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    block_network(page, (server, "data:", "blob:"))
    page.goto(f"{server}/{query}")
    frame = page.wait_for_selector(IFRAME, timeout=60_000).content_frame()
    frame.wait_for_selector(".nk-cluster, .nk-marker", timeout=60_000)
    page.wait_for_timeout(800)
    return page


def _frame(page: Any) -> Any:
    return page.wait_for_selector(IFRAME, timeout=30_000).content_frame()


def _counts(page: Any) -> tuple[int, int]:
    match = COUNT_LINE.search(page.inner_text("[data-testid=stMain]"))
    assert match, "no count line"
    return int(match.group(1).replace(",", "")), int(match.group(2).replace(",", ""))


def _shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=False)


def test_a_clicked_popup_stays_open_and_its_details_show_beside_the_map(browser: Any, server: str) -> None:
    page = _page(browser, server)
    frame = _frame(page)
    label = frame.evaluate(CENTRE_FIRST_MARKER, "incident")
    frame.locator(f".nk-marker-incident[aria-label='{label}']").first.click()
    page.wait_for_function("() => location.search.includes('selected=')", timeout=20_000)
    page.wait_for_timeout(4_000)  # the click's rerun has come and gone
    assert _frame(page).evaluate(MAP_STATE)["popup"]
    selected = page.url.split("selected=")[1].split("&")[0]
    details = page.get_by_text(f"Record id: {selected}")
    map_box, details_box = page.locator(IFRAME).bounding_box(), details.bounding_box()
    assert details_box["x"] > map_box["x"] + map_box["width"] - 5  # beside the map, not under the table
    _shot(page, "reading-popup-desktop.png")
    assert not page.errors
    page.close()


def test_picking_a_table_row_centres_the_map_and_opens_its_popup(browser: Any, server: str, dataset: Dataset) -> None:
    page = _page(browser, server)
    grid = page.get_by_test_id("stDataFrame")
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 18, box["y"] + 35 + 17)  # the first row's selection cell, under the header
    page.wait_for_function("() => location.search.includes('selected=')", timeout=20_000)
    selected = page.url.split("selected=")[1].split("&")[0]
    records = pd.concat([dataset.incidents, dataset.deployments]).set_index("id")
    record = records.loc[selected]  # the newest record, of either layer
    page.wait_for_timeout(2_500)
    state = _frame(page).evaluate(MAP_STATE)
    assert state["popup"] and state["zoom"] >= 13
    assert abs(state["lat"] - record["lat"]) < 0.01 and abs(state["lon"] - record["lon"]) < 0.01
    _shot(page, "reading-table-pick.png")
    page.close()


def test_typed_dates_change_the_count_line(browser: Any, server: str, dataset: Dataset) -> None:
    page = _page(browser, server)
    before = _counts(page)
    page.get_by_role("spinbutton", name="year, From").click()
    page.keyboard.type("20230501")
    page.get_by_text("Quick windows").click()  # leaving the box commits it
    page.wait_for_function("() => location.search.includes('start=2023-05-01')", timeout=20_000)
    expected = int((dataset.incidents["date"].dt.date.astype(str) >= "2023-05-01").sum())
    page.wait_for_timeout(1_000)
    assert _counts(page)[0] == expected != before[0]
    page.close()


def _span(dataset: Dataset) -> tuple[str, str]:
    """The data's first and last day, as the app's date slider spans them."""
    dates = pd.concat([dataset.incidents["date"], dataset.deployments["date"]]).dropna()
    return dates.min().date().isoformat(), dates.max().date().isoformat()


def test_dragging_across_the_weekly_chart_sets_the_window(browser: Any, server: str, dataset: Dataset) -> None:
    first, last = _span(dataset)
    page = _page(browser, server)
    chart = page.get_by_test_id("stVegaLiteChart")
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    y = box["y"] + box["height"] * 0.6
    page.mouse.move(box["x"] + box["width"] * 0.3, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.55, y, steps=8)
    page.mouse.up()
    page.wait_for_function(
        f"() => location.search.includes('start=') && !location.search.includes('start={first}')", timeout=20_000
    )
    start = page.url.split("start=")[1].split("&")[0]
    end = page.url.split("end=")[1].split("&")[0]
    assert first < start < end < last
    _shot(page, "reading-chart-drag.png")
    page.close()


def test_the_player_plays_a_trailing_window_with_the_static_layers_hidden(browser: Any, server: str) -> None:
    page = _page(browser, server)
    frame = _frame(page)
    static = frame.evaluate(COUNT_RECORDS)
    frame.locator("details.nk-player-frame summary").click()  # the player opens when asked for
    frame.locator(".nk-window").select_option("90")
    frame.locator(".nk-play").click()
    page.wait_for_timeout(600)
    first = frame.locator(".nk-player-status").inner_text()
    page.wait_for_timeout(1_500)
    later = frame.locator(".nk-player-status").inner_text()
    assert first != later and "incident" in later
    assert frame.evaluate(COUNT_RECORDS)["incident"] == 0 < static["incident"]  # the static markers are away
    assert frame.locator("canvas.nk-dense").count() >= 1
    _shot(page, "reading-player.png")
    frame.locator(".nk-stop").click()
    page.wait_for_timeout(300)
    assert frame.evaluate(COUNT_RECORDS) == static
    page.close()


def test_on_a_phone_the_legend_is_closed_and_the_slider_can_be_used(
    browser: Any, server: str, dataset: Dataset
) -> None:
    first, _ = _span(dataset)
    page = _page(browser, server, 390, 844)
    frame = _frame(page)
    assert frame.locator("details.nk-legend").get_attribute("open") is None
    assert frame.locator("details.nk-player-frame").get_attribute("open") is None
    _shot(page, "reading-phone.png")
    before = _counts(page)
    page.get_by_test_id("stExpandSidebarButton").click()
    thumb = page.get_by_role("slider").first
    thumb.focus()
    thumb.press("End")
    page.wait_for_function(
        f"() => location.search.includes('start=') && !location.search.includes('start={first}')", timeout=20_000
    )
    page.keyboard.press("Escape")
    page.wait_for_timeout(800)
    assert _counts(page)[0] < before[0]
    _shot(page, "reading-phone-slider.png")
    page.close()


def _serious(target: Any) -> list[str]:
    target.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    found = target.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".filter(v => ['serious', 'critical'].includes(v.impact)).map(v => v.id + ': ' + v.help)"
    )
    return list(found)


def test_axe_finds_no_serious_or_critical_violation(
    browser: Any, server: str, dataset: Dataset, tmp_path: Path
) -> None:
    page = _page(browser, server)
    assert _serious(page) == [], "the page"
    assert _serious(_frame(page)) == [], "the map frame"
    page.get_by_role("tab", name="Add from a news article").click()
    page.wait_for_timeout(1_000)
    assert _serious(page) == [], "the news tab"
    snapshot = tmp_path / "snapshot.html"
    info = SnapshotInfo(len(dataset.incidents))
    view = View()
    html = snapshot_html(dataset.incidents, dataset.deployments, dataset.municipalities.frame, view, info)
    snapshot.write_text(html, encoding="utf-8")
    offline = browser.new_page(viewport={"width": 1200, "height": 800})
    offline.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    offline.goto(snapshot.as_uri())
    offline.wait_for_selector(".nk-cluster, .nk-marker")
    assert _serious(offline) == [], "a snapshot"
    offline.close()
    page.close()


def test_a_marker_chosen_with_the_keyboard_keeps_the_focus_through_the_rerun(browser: Any, server: str) -> None:
    page = _page(browser, server)
    frame = _frame(page)
    label = frame.evaluate(CENTRE_FIRST_MARKER, "incident")
    marker = frame.locator(f".nk-marker-incident[aria-label='{label}']").first
    marker.focus()
    marker.press("Enter")
    page.wait_for_function("() => location.search.includes('selected=')", timeout=20_000)
    page.wait_for_timeout(2_000)  # the rerun has come and gone
    focused = _frame(page).evaluate("() => document.activeElement.getAttribute('aria-label')")
    assert focused == label
    tabbable = _frame(page).evaluate("() => [...document.querySelectorAll('path.leaflet-interactive')]"
                                     ".filter(p => p.tabIndex >= 0).length")  # fmt: skip
    assert tabbable == 0  # boundary shapes stay out of the Tab order
    page.close()
