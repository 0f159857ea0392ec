"""Correctness at scale (not timing): 100,000 generated incidents agree on the map, in the table and the snapshot."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

import components.dense as dense
import components.mapview as mapview
from benchmarks.synthetic import generate
from components.dense import grid_bins
from components.encoding import decode_container
from components.filters import count_line, shown
from components.mapview import MARKER_LIMIT, record_layers
from components.snapshot import SnapshotInfo, snapshot_html
from components.table import table_frame
from components.view import View
from geo.dataset import Dataset, UserFile
from tests.browser import CHROMIUM, CHROMIUM_ARGS, needs_chromium

WINDOWS = [(date(2021, 1, 1), date(2021, 3, 31)), (date(2022, 1, 1), date(2022, 12, 31)), (None, None)]


@pytest.fixture(scope="module")
def big(dataset: Dataset) -> Dataset:
    return dataset.with_user_file(UserFile("synthetic", "incident", generate(100_000, seed=7), ()))


def _drawn(layers: list[Any], kind: str) -> int:
    """Records held by the layers of one kind, read back from their payloads."""
    return sum(decode_container(layer.encoded.payload)[0]["n"] for layer in layers if layer.encoded.layer == kind)


@pytest.mark.parametrize(("start", "end"), WINDOWS)
def test_map_table_and_snapshot_agree(big: Dataset, start: date | None, end: date | None) -> None:
    view = View(start=start, end=end)
    incidents, deployments = shown(big.incidents, big.deployments, view)
    assert len(incidents) > MARKER_LIMIT
    names = big.municipalities.frame["name_en"].to_dict()
    layers = record_layers(incidents, deployments, names, view)
    assert max(layer.encoded.count for layer in layers) > MARKER_LIMIT  # drawn on the canvas, not as markers
    assert _drawn(layers, "incident") == len(incidents)
    assert _drawn(layers, "deployment") == len(deployments)
    assert len(table_frame(incidents, deployments, names)) == len(incidents) + len(deployments)
    page = snapshot_html(incidents, deployments, big.municipalities.frame, view, SnapshotInfo(len(big.incidents)))
    head = BeautifulSoup(page, "html.parser").select_one("header").get_text(" ", strip=True)
    assert count_line(len(incidents), len(big.incidents), len(deployments)) in head
    assert f'data-records="{len(incidents) + len(deployments)}"' in page


def test_grid_bins_add_up_to_their_points(big: Dataset) -> None:
    lon, lat = big.incidents["lon"].to_numpy(float), big.incidents["lat"].to_numpy(float)
    for cell in (0.005, 0.02, 0.1):
        centre_lon, centre_lat, counts = grid_bins(lon, lat, cell)
        assert counts.sum() == len(lon)
        assert len(centre_lon) == len(centre_lat) == len(counts) == len(set(zip(centre_lon, centre_lat, strict=True)))
        west, south, east, north = big.municipalities.frame.total_bounds
        assert west - cell < centre_lon.min() and centre_lon.max() < east + cell
        assert south - cell < centre_lat.min() and centre_lat.max() < north + cell


def test_above_the_point_limit_bins_carry_every_incident(big: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mapview, "POINT_LIMIT", 10_000)
    names = big.municipalities.frame["name_en"].to_dict()
    layers = record_layers(big.incidents, big.deployments.iloc[0:0], names, View(layers=("incidents",)))
    incidents = max(layers, key=lambda layer: layer.encoded.count)  # the synthetic "your data" layer
    header, arrays = decode_container(incidents.encoded.payload)
    assert incidents.encoded.mode == "bins" and header["layer"] == "bins"
    assert arrays["n"].sum() == incidents.encoded.count == int((big.incidents["origin"] != "shipped").sum())
    assert incidents.record_id(0) is None  # a bin is no record


def test_zoomed_in_the_points_in_view_are_sent(big: Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mapview, "POINT_LIMIT", 10_000)
    bounds = ((42.88, 20.82), (42.895, 20.85))  # part of North Mitrovica
    names = big.municipalities.frame["name_en"].to_dict()
    layers = record_layers(big.incidents, big.deployments.iloc[0:0], names, View(), bounds)
    incidents = max(layers, key=lambda layer: layer.encoded.count)
    inside = dense.in_bounds(big.incidents[big.incidents["origin"] != "shipped"], bounds)
    assert 0 < len(inside) <= 10_000
    assert incidents.encoded.mode == "points" and decode_container(incidents.encoded.payload)[0]["n"] == len(inside)


@pytest.mark.browser
@needs_chromium
def test_what_the_browser_draws_adds_up_to_the_incidents(big: Dataset, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    view = View(start=date(2022, 1, 1), end=date(2022, 12, 31), center=(42.6, 20.9), zoom=8, layers=("incidents",))
    incidents, deployments = shown(big.incidents, big.deployments, view)
    page_path = tmp_path / "big.html"
    page_path.write_text(snapshot_html(incidents, deployments, big.municipalities.frame, view,
                                       SnapshotInfo(len(big.incidents))), encoding="utf-8")  # fmt: skip
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto(page_path.as_uri())
        page.wait_for_function("() => document.querySelector('canvas.nk-dense')?.dataset.total !== undefined")
        total = int(page.evaluate("() => document.querySelector('canvas.nk-dense').dataset.total"))
        browser.close()
    # every one of the user's incidents (the canvas layer; ours are markers) is in one drawn cell or point
    assert total == int((incidents["origin"] != "shipped").sum())
