"""What goes on the map for a view, read back from the page: payloads decoded, never markup from data."""

from __future__ import annotations

import base64
import json
import re
from datetime import date

import geopandas as gpd
import pytest

from components.encoding import decode_container
from components.filters import shown
from components.mapview import build_base_map, build_map, record_layers
from components.symbols import DEPLOYMENT_STYLE, EVENT_STYLE, contrast, style_table
from components.view import View
from geo.dataset import Dataset, load_user_file

# What branca would evaluate if it compiled data as a template, and markup that would run if it were inserted.
TEMPLATE_INJECTIONS = [
    "{{ 7*7 }}",
    "{% if 1 %}x{% endif %}",
    "{{ '7'*7 }}",
    "{{ lipsum.__globals__ }}",
    "{{ 91919*3 }}",
]
# What the page would hold had any of them been evaluated.
EVALUATED = ["275757", "7777777", "<module", "function generate_lorem_ipsum"]
MARKUP = ["<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>", "`${alert(3)}`", "\"'><b>x"]
_PAYLOAD = re.compile(r'NK\.records\([^,]+, "([A-Za-z0-9+/=]+)"')
_DATA_ELEMENT = re.compile(r'<script type="application/octet-stream" id="[^"]+">([A-Za-z0-9+/=]+)</script>')


def _page(dataset: Dataset, view: View, incidents: gpd.GeoDataFrame | None = None) -> str:
    shown_incidents, shown_deployments = shown(
        dataset.incidents if incidents is None else incidents, dataset.deployments, view
    )
    return build_map(shown_incidents, shown_deployments, dataset.municipalities.frame, view).get_root().render()


def _layers(page: str) -> list[tuple[dict, dict]]:
    return [decode_container(payload) for payload in _DATA_ELEMENT.findall(page)]


def _count(page: str, layer: str) -> int:
    return sum(header["n"] for header, _ in _layers(page) if header["layer"] == layer)


def test_every_shown_record_is_drawn_once(dataset: Dataset) -> None:
    page = _page(dataset, View())
    assert _count(page, "incident") == len(dataset.incidents)
    assert _count(page, "deployment") == len(dataset.deployments)


def test_the_date_window_decides_what_is_drawn(dataset: Dataset) -> None:
    view = View(start=date(2023, 5, 29), end=date(2023, 5, 29))
    incidents, deployments = shown(dataset.incidents, dataset.deployments, view)
    page = _page(dataset, view)
    assert "inc-2023-05-29-zvecan-town-hall" in set(incidents["id"])
    assert _count(page, "incident") == len(incidents)
    assert _count(page, "deployment") == len(deployments)


def test_layers_switched_off_are_not_drawn(dataset: Dataset) -> None:
    page = _page(dataset, View(layers=("incidents",)))
    assert _count(page, "deployment") == 0
    assert "NK.boundaries" not in page and "NK.player" not in page
    assert _count(page, "incident") == len(dataset.incidents)


def test_boundaries_emphasise_the_four_northern_municipalities(dataset: Dataset) -> None:
    page = _page(dataset, View())
    (payload,) = re.findall(r'NK\.boundaries\("([A-Za-z0-9+/=]+)"', page)
    shapes = json.loads(base64.b64decode(payload))
    assert sum(bool(f["properties"]["north_kosovo"]) for f in shapes["features"]) == 4
    assert "via geoBoundaries" in page


def test_the_legend_and_symbols_cover_every_type_and_kind_with_readable_letters() -> None:
    table = style_table()
    assert set(table["types"]) == set(EVENT_STYLE) and set(table["kinds"]) == set(DEPLOYMENT_STYLE)
    for symbol in [*EVENT_STYLE.values(), *DEPLOYMENT_STYLE.values()]:
        assert contrast(symbol.colour, symbol.text) >= 4.5, symbol
    assert len({s.colour for s in EVENT_STYLE.values()}) == len(EVENT_STYLE)


@pytest.mark.parametrize("hostile", TEMPLATE_INJECTIONS + MARKUP)
def test_hostile_text_reaches_the_page_only_as_literal_data(dataset: Dataset, hostile: str) -> None:
    quoted = hostile.replace('"', '""')
    columns = "actor1,actor2,summary,source_publisher,source_title,counts_detail"
    row = (
        f'evil-1,2023-05-29,Protests,Peaceful protest,zvecan,"{quoted}","{quoted}","{quoted}","{quoted}","{quoted}",\n'
    )
    upload = load_user_file(
        "evil.csv", f"id,date,event_type,sub_event_type,place_id,{columns}\n{row}".encode(), dataset
    )
    assert not upload.problems
    page = _page(dataset, View(), upload.frame)
    assert hostile not in page and not any(evaluated in page for evaluated in EVALUATED)
    (header, arrays), *_ = [layer for layer in _layers(page) if layer[0]["layer"] == "incident"]
    assert header["dicts"]["summary"][arrays["summary"][0]] == hostile
    assert header["dicts"]["actors"][arrays["actors"][0]] == f"{hostile} vs {hostile}"
    assert json.loads(header["dicts"]["sources"][arrays["sources"][0]]) == [[hostile, hostile, "", ""]]


def test_app_layers_are_identical_for_identical_records_so_the_page_keeps_them(dataset: Dataset) -> None:
    names = dataset.municipalities.frame["name_en"].to_dict()
    first = record_layers(dataset.incidents, dataset.deployments, names, View())
    again = record_layers(dataset.incidents.copy(), dataset.deployments.copy(), names, View())
    assert [layer.encoded.payload for layer in first] == [layer.encoded.payload for layer in again]
    assert all(layer.encoded.token for layer in first)
    assert "summary" not in decode_container(first[0].encoded.payload)[0]["dicts"]  # the app shows text beside


def test_a_click_position_maps_back_to_its_record(dataset: Dataset) -> None:
    names = dataset.municipalities.frame["name_en"].to_dict()
    (incidents, _) = record_layers(dataset.incidents, dataset.deployments, names, View())
    header, arrays = decode_container(incidents.encoded.payload)
    for position in range(header["n"]):
        record = dataset.incidents.set_index("id").loc[incidents.record_id(position)]
        assert header["dicts"]["sub"][arrays["sub"][position]] == record["sub_event_type"]
    assert incidents.record_id(header["n"]) is None


def test_a_focus_request_reaches_only_the_layer_holding_the_record(dataset: Dataset) -> None:
    names = dataset.municipalities.frame["name_en"].to_dict()
    view = View(selected="inc-2023-05-29-zvecan-town-hall", focus=3)
    incidents, deployments = record_layers(dataset.incidents, dataset.deployments, names, view)
    header = decode_container(incidents.encoded.payload)[0]
    assert incidents.record_id(header["focus"]) == view.selected and header["focusSeq"] == 3
    assert decode_container(deployments.encoded.payload)[0]["focus"] == -1


def test_map_state_frames_the_view_and_the_viewport_allows_zoom(dataset: Dataset) -> None:
    fmap = build_base_map(dataset.municipalities.frame, View(center=(42.9, 20.8), zoom=12, basemap="dark"))
    assert fmap.location == pytest.approx([42.9, 20.8])
    assert fmap.options["zoom"] == 12
    page = fmap.get_root().render()
    assert "maximum-scale" not in page and "user-scalable=no" not in page
    assert '"initial":"dark"' in page


def test_the_time_player_is_a_control_of_the_map(dataset: Dataset) -> None:
    assert "NK.player" in _page(dataset, View())
    assert "NK.player" not in _page(dataset, View(layers=("incidents", "deployments")))


def test_our_elements_never_go_through_a_second_template_pass(dataset: Dataset) -> None:
    from components.elements import _Raw

    fmap = build_map(dataset.incidents, dataset.deployments, dataset.municipalities.frame, View())
    root = fmap.get_root()
    root.render()
    ours = [
        c
        for part in (root.header, root.html, root.script)
        for c in part._children.values()
        if "NK." in str(getattr(c, "text", "") or getattr(c, "_template_str", "") or "")
    ]
    assert ours and all(isinstance(child, _Raw) for child in ours)
