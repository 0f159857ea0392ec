"""Filters that match any spelling and script, and the find-a-place box."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.filters import (
    fold_series,
    matching,
    municipalities_named,
    municipality_label,
    places_named,
    text_matches,
)
from components.findplace import place_label
from geo.dataset import Dataset
from geo.names import fold


def test_fold_series_folds_each_cell_and_missing_cells_to_empty() -> None:
    folded = fold_series(pd.Series(["Zvečan", None, "Звечан", "Zvečan"], index=[3, 5, 7, 9]))
    assert list(folded) == ["zvecan", "", "zvecan", "zvecan"]
    assert list(folded.index) == [3, 5, 7, 9]
    assert fold_series(pd.Series([], dtype=object)).empty


def test_fold_series_agrees_with_fold_on_every_name_and_text_we_ship(data_dir: Path) -> None:
    texts = ["5€ ©2024 ‰ Ŀx ß đ ı ½ ﬁ Ǆ “quoted” – dash… ’s", "Mitrovicë e Veriut", "ЗВЕЧАН", " \t "]
    for name in ("places.csv", "incidents.csv", "deployments.csv", "sources.csv"):
        with open(data_dir / name, encoding="utf-8", newline="") as handle:
            texts += [cell for row in csv.DictReader(handle) for cell in row.values()]
    assert list(fold_series(pd.Series(texts))) == [fold(t) for t in texts]


@pytest.mark.parametrize("typed", ["Zvec", "Zvecan", "Zvečan", "Zveçan", "Звечан", "ZVEČAN", "zveç"])
def test_every_spelling_finds_zvecans_records(dataset: Dataset, typed: str) -> None:
    expected = set(dataset.incidents.loc[dataset.incidents["municipality"] == "mun-zvecan", "id"])
    found = set(matching(dataset.incidents, text=typed, gazetteer=dataset.gazetteer)["id"])
    assert expected and expected <= found


@pytest.mark.parametrize("typed", ["Zupče", "zupce", "Зупче", "Zupç"])
def test_a_village_is_found_in_the_text_and_by_its_place_in_any_spelling(dataset: Dataset, typed: str) -> None:
    found = matching(dataset.incidents, text=typed, gazetteer=dataset.gazetteer)
    assert "inc-2022-04-26-zupce-border-police-shot" in set(found["id"])


def test_without_the_gazetteer_the_text_filter_still_ignores_accents_and_script(dataset: Dataset) -> None:
    latin = set(matching(dataset.incidents, text="Zvecan town hall")["id"])
    cyrillic = set(matching(dataset.incidents, text="Звечан town hall")["id"])
    assert "inc-2023-05-29-zvecan-town-hall" in latin and latin == cyrillic


def test_a_word_that_names_no_place_matches_text_only(dataset: Dataset) -> None:
    frame = dataset.incidents
    assert not text_matches(frame, "Atlantis", dataset.gazetteer).any()
    assert text_matches(frame, "   ", dataset.gazetteer).all()
    assert municipalities_named("Zv", dataset.gazetteer) == frozenset()  # too short to name a municipality


@pytest.mark.parametrize(
    ("typed", "municipality"),
    [
        ("Zvec", "mun-zvecan"),
        ("Звечан", "mun-zvecan"),
        ("Leposaviq", "mun-leposavic"),
        ("Mitrovicë e Veriut", "mun-north-mitrovica"),
    ],
)
def test_municipalities_are_named_in_any_spelling(dataset: Dataset, typed: str, municipality: str) -> None:
    assert municipality in municipalities_named(typed, dataset.gazetteer)


def test_the_municipality_filter_takes_names_in_any_spelling(dataset: Dataset) -> None:
    by_id = matching(dataset.incidents, municipalities=("mun-zvecan",))
    by_name = matching(dataset.incidents, municipalities=("Звечан",), gazetteer=dataset.gazetteer)
    assert len(by_id) > 0 and list(by_id["id"]) == list(by_name["id"])


def test_places_named_reach_the_villages_of_that_name(dataset: Dataset) -> None:
    named = places_named("Rudare", dataset.gazetteer)
    assert {"gn-784523", "gn-788199"} <= named


def test_a_municipality_label_holds_every_spelling(dataset: Dataset) -> None:
    label = municipality_label("mun-zvecan", dataset.gazetteer)
    for spelling in ("Zvečan", "Zveçan", "Звечан", "Zvecan"):
        assert spelling in label
    assert municipality_label("mun-nowhere", dataset.gazetteer) == "mun-nowhere"


def test_a_search_result_reads_name_kind_and_municipality(dataset: Dataset) -> None:
    place = dataset.gazetteer.get("gn-792911")
    assert place is not None
    assert place_label(place, dataset.gazetteer) == "Banjska — village, Vushtrri"
    belgrade = dataset.gazetteer.get("belgrade")
    assert belgrade is not None and place_label(belgrade, dataset.gazetteer) == "Belgrade — city, RS"


def _find_place_page() -> None:
    import streamlit as st

    from components.findplace import find_place
    from geo.dataset import load_context

    chosen = find_place(load_context().gazetteer)
    st.write(f"chosen={chosen.id if chosen else None}")


@pytest.mark.app
def test_the_find_place_box_returns_the_place_picked() -> None:
    at = AppTest.from_function(_find_place_page, default_timeout=60).run()
    assert not at.exception
    assert "chosen=None" in at.markdown[0].value
    at.text_input(key="find_place_query").input("Звеч").run()
    assert at.selectbox(key="find_place_choice").value.id == "zvecan"
    assert "chosen=zvecan" in at.markdown[0].value
    at.text_input(key="find_place_query").input("Atlantis").run()
    assert "No place of that name" in at.caption[0].value
    assert "chosen=None" in at.markdown[0].value
