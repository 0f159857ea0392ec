"""What goes on the map for a view, read back from the rendered HTML."""

from __future__ import annotations

import re
from datetime import date

import geopandas as gpd
import pytest
from bs4 import BeautifulSoup

from components.filters import count_line, shown
from components.mapview import build_map
from components.popups import escape_text, incident_popup, safe_url
from components.view import View
from geo.dataset import Dataset, load_user_file

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(2)</script>",
    "`${alert(3)}`",
    "\\`; alert(4); //",
    "\"'><b>x",
]


def _render(dataset: Dataset, view: View, incidents: gpd.GeoDataFrame | None = None) -> str:
    shown_incidents, shown_deployments = shown(
        dataset.incidents if incidents is None else incidents, dataset.deployments, view
    )
    return build_map(shown_incidents, shown_deployments, dataset.municipalities.frame, view).get_root().render()


def _markers(page: str, layer: str) -> int:
    return len(re.findall(rf"nk-marker nk-marker-{layer}\"", page))


def test_every_shown_record_becomes_one_marker(dataset: Dataset) -> None:
    page = _render(dataset, View())
    assert _markers(page, "incident") == len(dataset.incidents)
    assert _markers(page, "deployment") == len(dataset.deployments)


def test_the_date_window_decides_what_is_drawn(dataset: Dataset) -> None:
    view = View(start=date(2023, 5, 29), end=date(2023, 5, 29))
    incidents, deployments = shown(dataset.incidents, dataset.deployments, view)
    page = _render(dataset, view)
    assert "inc-2023-05-29-zvecan-town-hall" in set(incidents["id"])
    assert _markers(page, "incident") == len(incidents)
    assert _markers(page, "deployment") == len(deployments)
    assert all(d <= date(2023, 5, 29) for d in deployments["date"].dt.date)


def test_layers_switched_off_are_not_drawn(dataset: Dataset) -> None:
    page = _render(dataset, View(layers=("incidents",)))
    assert _markers(page, "deployment") == 0
    assert "Municipality boundaries" not in page
    assert _markers(page, "incident") == len(dataset.incidents)


def test_boundaries_emphasise_the_four_northern_municipalities(dataset: Dataset) -> None:
    page = _render(dataset, View())
    assert page.count('"north_kosovo": true') == 4
    assert "via geoBoundaries" in page


def test_the_legend_names_every_event_type(dataset: Dataset) -> None:
    page = _render(dataset, View())
    for event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots"):
        assert event_type in page


def test_popup_has_date_place_type_actors_counts_summary_and_source_links(dataset: Dataset) -> None:
    record = dataset.incidents.set_index("id").loc["inc-2023-05-29-zvecan-town-hall"].to_dict()
    soup = BeautifulSoup(incident_popup(record, "Zvečan"), "html.parser")
    cells = {row.th.get_text(): row.td.get_text(" ", strip=True) for row in soup.select("tr")}
    assert cells["Date"] == "2023-05-29"
    assert cells["Place"].startswith("Zvečan, Zvečan")
    assert cells["Type"] == "Riots — Violent demonstration"
    assert cells["Actors"] == "Protesters (Kosovo Serbs) vs KFOR"
    assert cells["Counts"] == "injured 82+"
    assert "KFOR=30" in cells["By side"]
    assert "DW" in soup.select_one(".nk-sources").get_text()


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_escaped_everywhere_it_is_drawn(dataset: Dataset, hostile: str) -> None:
    row = (
        "id,date,event_type,sub_event_type,actor1,place_id,summary,source_publisher,source_title\n"
        f'evil-1,2023-05-29,Protests,Peaceful protest,"{hostile.replace(chr(34), chr(34) * 2)}",zvecan,'
        f'"{hostile.replace(chr(34), chr(34) * 2)}","{hostile.replace(chr(34), chr(34) * 2)}",Title\n'
    )
    upload = load_user_file("evil.csv", row.encode(), dataset)
    assert not upload.problems
    page = _render(dataset, View(), upload.frame)
    assert "<img src=x" not in page and "<script>alert" not in page
    assert "${alert" not in page and "`${" not in page
    assert escape_text(hostile) in page


def test_escape_text_neutralises_html_and_template_literals() -> None:
    assert escape_text("<a href='x'>`${y}`\\") == "&lt;a href=&#x27;x&#x27;&gt;&#96;&#36;{y}&#96;&#92;"


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://www.dw.com/en/x", True),
        ("javascript:alert(1)", False),
        ('https://x.org/"onmouseover=', False),
        ("", False),
    ],
)
def test_only_plain_http_links_become_links(url: str, safe: bool) -> None:
    assert (safe_url(url) is not None) == safe


def test_count_line() -> None:
    assert count_line(12, 41, 3) == "12 of 41 incidents, 3 deployments"
    assert count_line(1, 1, 1) == "1 of 1 incident, 1 deployment"


def test_map_state_frames_the_view(dataset: Dataset) -> None:
    fmap = build_map(
        dataset.incidents, dataset.deployments, dataset.municipalities.frame, View(center=(42.9, 20.8), zoom=12)
    )
    assert fmap.location == pytest.approx([42.9, 20.8])
    assert fmap.options["zoom"] == 12


def test_the_time_player_carries_every_shown_incident(dataset: Dataset) -> None:
    page = _render(dataset, View(layers=("incidents", "player")))
    assert "L.timelineSliderControl" in page or "timelineSliderControl" in page
    assert page.count('"start":') == len(dataset.incidents)
