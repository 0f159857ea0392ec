"""The Streamlit page driven by AppTest: widgets change what is shown; links restore views."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.dataset import Dataset
from tests.browser import needs_chromium

pytestmark = pytest.mark.app
APP = str(Path(__file__).resolve().parent.parent / "app.py")


def _app(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def _count_line(at: AppTest) -> str:
    return next(m.value for m in at.markdown if " of " in m.value and "incident" in m.value)


def _table_ids(at: AppTest) -> list[str]:
    return list(at.dataframe[0].value["id"]) if "id" in at.dataframe[0].value else list(at.dataframe[0].value.index)


def test_the_page_opens_on_all_the_shipped_data(dataset: Dataset) -> None:
    at = _app()
    assert not at.exception
    n, m = len(dataset.incidents), len(dataset.deployments)
    assert _count_line(at).startswith(f"**{n} of {n} incident")
    assert f"{m} deployment" in _count_line(at)
    assert len(at.dataframe[0].value) == n + m


def test_moving_the_slider_changes_counts_and_table(dataset: Dataset) -> None:
    at = _app()
    at.slider(key="window").set_value((date(2023, 5, 29), date(2023, 5, 31))).run()
    assert not at.exception
    in_window = dataset.incidents[dataset.incidents["date"].between("2023-05-29", "2023-05-31")]
    assert _count_line(at).startswith(f"**{len(in_window)} of {len(dataset.incidents)} incident")
    shown = at.dataframe[0].value
    assert set(shown.loc[shown["layer"] == "incident", "id"]) == set(in_window["id"])
    assert (at.query_params["start"], at.query_params["end"]) == ("2023-05-29", "2023-05-31")


def test_the_type_filter_and_search_narrow_what_is_shown(dataset: Dataset) -> None:
    at = _app()
    at.multiselect(key="event_types").select("Riots").run()
    riots = dataset.incidents[dataset.incidents["event_type"] == "Riots"]
    assert _count_line(at).startswith(f"**{len(riots)} of {len(dataset.incidents)} incident")
    at.text_input(key="text").input("Zvečan town hall").run()
    assert not at.exception
    assert "inc-2023-05-29-zvecan-town-hall" in set(at.dataframe[0].value["id"])


def test_a_link_restores_the_view() -> None:
    at = _app(start="2023-05-29", end="2023-05-30", layers="incidents|deployments", q="KFOR")
    assert not at.exception
    assert at.slider(key="window").value == (date(2023, 5, 29), date(2023, 5, 30))
    assert at.text_input(key="text").value == "KFOR"
    assert at.multiselect(key="layers").value == ["incidents", "deployments"]
    assert not at.warning


def test_a_hostile_link_opens_the_default_view_with_a_notice(dataset: Dataset) -> None:
    at = _app(start="<script>alert(1)</script>", end="1900-01-01", layers="nukes", map="0,0,999", selected="x")
    assert not at.exception
    notices = " ".join(w.value for w in at.warning)
    assert "ignored start" in notices and "ignored end" in notices and "ignored layers" in notices
    assert "ignored map" in notices and "<script>" not in notices
    n = len(dataset.incidents)
    assert _count_line(at).startswith(f"**{n} of {n} incident")


@pytest.mark.browser  # the PNG is drawn by headless Chromium
@needs_chromium
def test_the_share_panel_makes_html_png_and_geopackage_of_the_view() -> None:
    at = _app(start="2023-05-29", end="2023-05-30")
    link = at.code[-1].value
    assert "start=2023-05-29" in link and "end=2023-05-30" in link
    at.button(key="make_snapshots").click().run()
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == [
        "Shown data (GeoJSON)",
        "Shown data (CSV, for spreadsheets)",
        "Shown data (GeoParquet)",
        "Map snapshot (HTML, works offline)",
        "Map image (PNG)",
        "Shown data (GeoPackage)",
    ]


def test_a_map_click_selects_its_record_marks_its_row_and_a_table_pick_asks_the_map_to_focus() -> None:
    at = _app()
    layers = at.session_state["shown_layers"]
    incidents = next(layer for layer in layers if layer.encoded.layer == "incident")
    clicked = incidents.record_id(0)
    click = json.dumps({"nk": incidents.encoded.token, "i": 0, "c": 1})
    at.session_state["map"] = {"last_object_clicked_popup": click}
    at.run()
    assert not at.exception
    assert at.query_params["selected"] == clicked
    table = at.dataframe[0].value
    assert at.session_state["table"]["selection"]["rows"] == [list(table["id"]).index(clicked)]
    assert any(f"Record id:** {clicked}" in m.value.replace("\\", "") for m in at.markdown)
    assert at.session_state["selection"].focus == 0  # a map click does not move the map
    at.session_state["table"] = {"selection": {"rows": [2], "columns": [], "cells": []}}
    at.run()
    assert at.query_params["selected"] == table["id"].iloc[2]
    assert at.session_state["selection"].focus == 1  # a table pick does
