"""The real page: `streamlit run app.py` driven in headless Chromium, offline."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from components.filters import in_window
from components.sharing import WORD_JOINER
from geo.dataset import Dataset
from tests.browser import (
    ARTIFACTS,
    CENTRE_FIRST_MARKER,
    CHROMIUM,
    CHROMIUM_ARGS,
    CLICK_RECORD_AT,
    COUNT_RECORDS,
    ROOT,
    block_network,
    needs_chromium,
    streamlit_server,
)

pytestmark = [pytest.mark.browser, needs_chromium]

IFRAME = "iframe[title='streamlit_folium.st_folium']"
HOSTILE_CSV = (
    "id,date,event_type,sub_event_type,actor1,lat,lon,summary,source_publisher,source_title\n"
    'evil-1,2023-05-29,Protests,Peaceful protest,"<img src=x onerror=alert(1)>",43.2,20.75,'
    '"</script><script>alert(2)</script> `${alert(3)}` www.evil.example a@evil.example",'
    '"""><svg onload=alert(4)>",Title\n'  # "" is a quote in a cell
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("home")
    with streamlit_server(ROOT / "app.py", env={"KOSOVO_MAP_HOME": str(home)}) as url:
        yield url


@pytest.fixture()
def page(server: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1200})
        page.aborted = block_network(page, (server, "data:", "blob:"))
        page.dialogs, page.errors = [], []
        page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        yield page
        browser.close()


def _map_frame(page: Any) -> Any:
    frame = page.wait_for_selector(IFRAME, timeout=30_000).content_frame()
    frame.wait_for_selector(".leaflet-container", timeout=30_000)
    return frame


def _wait_for_counts(page: Any, incidents: int, deployments: int | None = None) -> dict[str, int]:
    """Wait until the map on screen holds this many incidents (and deployments); return the counts.

    A rerun may replace the map's iframe, so the frame is looked up afresh on each try.
    """
    from playwright.sync_api import Error

    deadline, counts = time.monotonic() + 30, {}
    while time.monotonic() < deadline:
        with contextlib.suppress(Error):
            counts = _map_frame(page).evaluate(COUNT_RECORDS)
            if counts["incident"] == incidents and deployments in (None, counts["deployment"]):
                return counts
        page.wait_for_timeout(250)
    raise AssertionError(f"map shows {counts}, expected {incidents} incidents and {deployments} deployments")


def _shot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    return path


def test_the_map_draws_every_incident_and_deployment_offline(page: Any, server: str, dataset: Dataset) -> None:
    page.goto(server)
    counts = _wait_for_counts(page, len(dataset.incidents), len(dataset.deployments))
    _shot(page, "app.png")
    assert counts == {"incident": len(dataset.incidents), "deployment": len(dataset.deployments)}
    frame = _map_frame(page)
    assert frame.locator("path.leaflet-interactive").count() >= 38  # the municipality polygons
    assert not page.errors and not page.dialogs
    assert not [u for u in page.aborted if "tile.openstreetmap.org" not in u], page.aborted


def test_the_slider_changes_the_markers(page: Any, server: str, dataset: Dataset) -> None:
    page.goto(server)
    _wait_for_counts(page, len(dataset.incidents))
    first_thumb = page.get_by_role("slider").first
    first_thumb.focus()
    first_thumb.press("End")  # the window shrinks to the data's last day
    last_day = max(dataset.incidents["date"].max(), dataset.deployments["date"].max()).date()
    expected = len(in_window(dataset.incidents, last_day, last_day))
    _wait_for_counts(page, expected)
    assert f"{expected} of {len(dataset.incidents)} incident" in page.inner_text("body")
    _shot(page, "app-slider.png")
    assert last_day == date.fromisoformat(page.get_by_role("slider").first.get_attribute("aria-valuetext") or "")


def test_a_hostile_upload_shows_as_text_and_runs_nothing(
    page: Any, server: str, dataset: Dataset, tmp_path: Path
) -> None:
    hostile = tmp_path / "hostile.csv"
    hostile.write_text(HOSTILE_CSV, encoding="utf-8")
    page.goto(server)
    _wait_for_counts(page, len(dataset.incidents))
    page.get_by_test_id("stSidebar").locator("input[type=file]").set_input_files(str(hostile))
    page.get_by_text("hostile.csv: 1 added, shown as your data").wait_for(timeout=30_000)
    _wait_for_counts(page, len(dataset.incidents) + 1)
    frame = _map_frame(page)
    assert frame.evaluate(CLICK_RECORD_AT, 43.2)
    frame.wait_for_selector(".leaflet-popup-content", timeout=10_000)
    page.get_by_text("</script><script>alert(2)</script>", exact=False).wait_for(timeout=20_000)
    body = page.inner_text("body")
    assert "<img src=x onerror=alert(1)>" in body and "`${alert(3)}`" in body
    assert page.locator("[data-testid=stMain] img[src=x], svg[onload]").count() == 0
    # A web address or e-mail address in the data stays text: Streamlit's markdown would make it a link.
    assert "www.evil.example a@evil.example" in body.replace(WORD_JOINER, "")
    assert page.locator("[data-testid=stMain] a[href*='evil.example']").count() == 0
    _shot(page, "app-hostile.png")
    assert not page.dialogs and not page.errors


def test_clicking_a_marker_shows_its_details_and_puts_it_in_the_link(page: Any, server: str, dataset: Dataset) -> None:
    page.goto(f"{server}/?start=2023-09-01&end=2023-10-31")
    in_window = in_window_ids(dataset, date(2023, 9, 1), date(2023, 10, 31))
    _wait_for_counts(page, len(in_window))
    frame = _map_frame(page)
    label = frame.evaluate(CENTRE_FIRST_MARKER, "incident")
    frame.locator(f".nk-marker-incident[aria-label='{label}']").first.click(timeout=15_000)
    page.get_by_text("Record id:").wait_for(timeout=20_000)
    page.wait_for_function("() => location.search.includes('selected=')", timeout=20_000)  # the URL follows the page
    selected = page.url.split("selected=")[1].split("&")[0]
    assert selected in in_window
    assert selected in page.inner_text("body")
    _shot(page, "app-details.png")


def in_window_ids(dataset: Dataset, start: date, end: date) -> set[str]:
    return set(in_window(dataset.incidents, start, end)["id"])


def test_a_broken_upload_is_reported_and_the_data_stays(
    page: Any, server: str, dataset: Dataset, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_text("id,date,event_type\nx1,2023-02-30,Riots\nx2,yesterday,Skirmish\n", encoding="utf-8")
    page.goto(server)
    _wait_for_counts(page, len(dataset.incidents))
    page.get_by_test_id("stSidebar").locator("input[type=file]").set_input_files(str(broken))
    page.get_by_text("broken.csv: 0 added, 2 refused (see below)").wait_for(timeout=30_000)
    body = page.inner_text("body")
    assert "broken.csv:2:date: bad date '2023-02-30'" in body
    assert "broken.csv:3:event_type: unknown value 'Skirmish'" in body
    counts = _wait_for_counts(page, len(dataset.incidents), len(dataset.deployments))
    assert counts == {"incident": len(dataset.incidents), "deployment": len(dataset.deployments)}
    _shot(page, "app-broken-upload.png")
