"""Snapshots: standalone HTML that draws offline, a PNG of the view, and data that reads back."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pytest
from bs4 import BeautifulSoup

from cli import main
from components.encoding import decode_container
from components.export import to_csv, to_geojson
from components.filters import shown
from components.snapshot import SnapshotInfo, snapshot_html, snapshot_png, to_geopackage
from components.view import View
from geo.dataset import Dataset
from tests.browser import ARTIFACTS, CENTRE_FIRST_MARKER, CHROMIUM, CHROMIUM_ARGS, COUNT_RECORDS, needs_chromium

WINDOW = View(start=date(2023, 5, 1), end=date(2023, 12, 31))
LINK = "http://localhost:8501/?start=2023-05-01&end=2023-12-31"


@pytest.fixture(scope="module")
def window(dataset: Dataset) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    return shown(dataset.incidents, dataset.deployments, WINDOW)


@pytest.fixture(scope="module")
def page_html(dataset: Dataset, window: tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]) -> str:
    info = SnapshotInfo(
        len(dataset.incidents), LINK, municipality_names=dataset.municipalities.frame["name_en"].to_dict()
    )
    return snapshot_html(*window, dataset.municipalities.frame, WINDOW, info)


def test_the_snapshot_states_what_it_shows(page_html: str, window: tuple, dataset: Dataset) -> None:
    head = BeautifulSoup(page_html, "html.parser").select_one("header.nk-snapshot-head")
    text = head.get_text(" ", strip=True)
    incidents, deployments = window
    assert f"{len(incidents)} of {len(dataset.incidents)} incidents, {len(deployments)} deployments" in text
    assert "2023-05-01 – 2023-12-31" in text and "filters: none" in text and "Generated" in text
    assert head.select_one("a")["href"] == LINK
    assert "geoBoundaries" in text and "GeoNames" in text
    assert "DW, “Kosovo: NATO to send in 700 more KFOR troops after clashes”, 2023-05-30" in text


def test_the_snapshot_loads_nothing_from_the_network(page_html: str) -> None:
    soup = BeautifulSoup(page_html, "html.parser")
    assert not [s["src"] for s in soup.select("script[src]") if not s["src"].startswith("data:")]
    assert not [link["href"] for link in soup.select("link[href]") if not link["href"].startswith("data:")]


def test_exports_read_back_with_geopandas_equal_what_is_shown(window: tuple, tmp_path: Path) -> None:
    incidents, deployments = window
    shown_ids = sorted([*incidents["id"], *deployments["id"]])
    (tmp_path / "a.geojson").write_text(to_geojson(incidents, deployments), encoding="utf-8")
    (tmp_path / "a.csv").write_text(to_csv(incidents, deployments), encoding="utf-8")
    (tmp_path / "a.gpkg").write_bytes(to_geopackage(incidents, deployments))
    from_geojson = gpd.read_file(tmp_path / "a.geojson")
    from_csv = pd.read_csv(tmp_path / "a.csv", dtype=str)
    from_gpkg = pd.concat([gpd.read_file(tmp_path / "a.gpkg", layer=layer) for layer in ("incidents", "deployments")])
    for frame in (from_geojson, from_csv, from_gpkg):
        assert sorted(frame["id"]) == shown_ids
    by_id = from_gpkg.set_index("id")
    for record in incidents.itertuples():
        assert by_id.loc[record.id, "geometry"].x == pytest.approx(record.lon)
        assert by_id.loc[record.id, "date"] == record.date.date().isoformat()
    assert from_geojson.crs.to_epsg() == 4326


@pytest.fixture()
def chromium() -> Any:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.mark.browser
@needs_chromium
def test_the_html_snapshot_draws_its_window_offline_and_popups_open(
    chromium: Any, page_html: str, window: tuple, tmp_path: Path
) -> None:
    path = tmp_path / "snapshot.html"
    path.write_text(page_html, encoding="utf-8")
    page = chromium.new_page(viewport={"width": 1200, "height": 800})
    asked: list[str] = []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
               else (asked.append(route.request.url), route.abort()))  # fmt: skip
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri())
    page.wait_for_selector(".nk-marker, .nk-cluster")
    incidents, deployments = window
    assert page.evaluate(COUNT_RECORDS) == {"incident": len(incidents), "deployment": len(deployments)}
    label = page.evaluate(CENTRE_FIRST_MARKER, "deployment")
    page.locator(f".nk-marker-deployment[aria-label='{label}']").first.click()
    popup = page.wait_for_selector(".leaflet-popup-content")
    assert "Sources" in popup.inner_text() and "id: dep-" in popup.inner_text()
    overlays = page.locator(".leaflet-control-layers-overlays label").all_inner_texts()
    assert [o.strip() for o in overlays][-2:] == [f"Incidents ({len(incidents)})", f"Deployments ({len(deployments)})"]
    assert page.locator(".nk-legend").count() == 1 and page.locator(".nk-player .nk-play").count() == 1
    assert page.get_attribute("html", "lang") == "en"
    assert not errors
    assert all("tile.openstreetmap.org" in url for url in asked), asked
    page.close()


@pytest.mark.browser
@needs_chromium
def test_the_png_is_the_requested_size_and_not_blank(page_html: str) -> None:
    from PIL import Image, ImageStat

    png = snapshot_png(page_html, width=900, height=640)
    image = Image.open(io.BytesIO(png)).convert("L")
    assert image.size == (900, 640)
    assert ImageStat.Stat(image).stddev[0] > 20  # boundaries, markers and header, not one flat colour
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "snapshot.png").write_bytes(png)


def test_png_without_a_browser_says_what_to_install(monkeypatch: pytest.MonkeyPatch, page_html: str) -> None:
    import components.snapshot as snapshot

    monkeypatch.setattr(snapshot, "CHROMIUM", Path("/nonexistent/chromium"))
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(snapshot.BrowserMissingError, match="apt-get install chromium"):
        snapshot_png(page_html)


def test_snapshot_command_takes_your_data_and_types(tmp_path: Path, dataset: Dataset) -> None:
    mine = tmp_path / "mine.csv"
    mine.write_text(
        "id,date,event_type,sub_event_type,place,summary,source_publisher,source_title\n"
        "m1,2023-05-29,Protests,Peaceful protest,Zveçani,A protest.,Me,Notes\n"
        "m2,2023-05-29,Riots,Mob violence,Leposaviq,A riot.,Me,Notes\n"
        "m3,2023-02-30,Riots,Mob violence,Leposaviq,Bad date.,Me,Notes\n",
        encoding="utf-8",
    )
    out = tmp_path / "snap.html"
    stdout = io.StringIO()
    status = main(["snapshot", "--data", str(mine), "--type", "Protests", "-o", str(out)], out=stdout)
    assert status == 1  # m3 is reported, the rest is drawn
    assert "1 of 2 incidents, 0 deployments" in stdout.getvalue()
    layers = [decode_container(p) for p in re.findall(r'octet-stream" id="[^"]+">([^<]+)<', out.read_text("utf-8"))]
    ids = {header["dicts"]["id"][code] for header, arrays in layers for code in arrays.get("id", [])}
    assert ids == {"m1"}


@pytest.mark.parametrize(
    "args",
    [
        ["snapshot"],
        ["snapshot", "-o", "x.html", "--type", "Skirmish"],
        ["snapshot", "-o", "x.html", "--start", "2023-06-01", "--end", "2023-05-01"],
    ],
)
def test_snapshot_usage_errors_exit_2(args: list[str]) -> None:
    assert main(args, out=io.StringIO()) == 2


def test_export_store_and_import_store_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from geo.store import open_store

    monkeypatch.setenv("KOSOVO_MAP_HOME", str(tmp_path / "home"))
    row = {"id": "kept-1", "date": "2023-05-29", "event_type": "Protests", "sub_event_type": "Peaceful protest"}
    row |= {"place_id": "zvecan", "summary": "Kept.", "source_publisher": "Me", "source_title": "Notes"}
    with open_store() as store:
        store.save([row], "incident", "test")
    bundle = tmp_path / "bundle.json"
    assert main(["export", "--store", "-o", str(bundle)]) == 0
    assert [r["row"]["id"] for r in json.loads(bundle.read_text())["incidents"]] == ["kept-1"]
    monkeypatch.setenv("KOSOVO_MAP_HOME", str(tmp_path / "other-home"))
    assert main(["import-store", str(bundle)], out=io.StringIO()) == 0
    with open_store() as store:
        assert [r["id"] for r in store.rows("incident")] == ["kept-1"]
