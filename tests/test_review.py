"""From a news article to kept rows: the review tab proposes, a person writes summaries, the store keeps."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.review import candidate_tables, missing_summaries, rows_to_keep
from geo.dataset import Dataset
from geo.extract import extract
from geo.store import open_store

pytestmark = pytest.mark.app
ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_b773cdf23eb459f8.txt"
DW = {"publisher": "DW", "title": "Kosovo: NATO to send in 700 more KFOR troops after clashes", "date": "2023-05-30"}
needs_seed = pytest.mark.skipif(not SEED.exists(), reason="the seed report lives in ../shared/seeds")


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KOSOVO_MAP_HOME", str(tmp_path))
    return tmp_path


def _count_line(at: AppTest) -> str:
    return next(m.value for m in at.markdown if " of " in m.value and "incident" in m.value)


@needs_seed
def test_the_tab_proposes_the_seed_events_and_will_not_keep_rows_without_our_own_summary(home: Path) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.text_area(key="article_text").input(SEED.read_text(encoding="utf-8"))
    at.text_input(key="article_title").input(DW["title"])
    at.text_input(key="article_publisher").input(DW["publisher"])
    at.date_input(key="article_date").set_value(date(2023, 5, 30))
    at.button(key="find_incidents").click().run()
    assert not at.exception
    incidents, deployments = (frame.value for frame in at.dataframe[-2:])
    assert list(incidents["place_id"]) == ["zvecan"]
    assert sorted(deployments["place_id"]) == ["kosovo", "leposavic", "zubin-potok", "zvecan"]
    assert "Naples (outside the map's area)" in " ".join(c.value for c in at.caption)
    at.button(key="keep_rows").click().run()
    assert "write a short summary in your own words" in at.error[0].value
    assert not (home / "store.sqlite3").exists() or not open_store(home / "store.sqlite3").rows("incident")


@needs_seed
def test_kept_rows_cite_the_article_and_appear_on_the_map(home: Path, dataset: Dataset) -> None:
    extraction = extract(SEED.read_text(encoding="utf-8"), date(2023, 5, 30), dataset.gazetteer)
    tables = candidate_tables(extraction, DW)
    assert missing_summaries(tables["incident"]) == [1]
    tables["incident"]["summary"] = "Serbs tried to enter the Zvečan town hall; KFOR and protesters were hurt."
    tables["deployment"]["summary"] = "KFOR or NATO troops, as the article describes."
    with open_store() as store:
        for layer, table in tables.items():
            store.save(rows_to_keep(table), layer, "DW seed")
        kept = store.rows("incident")
    assert kept[0]["source_publisher"] == "DW" and kept[0]["source_title"] == DW["title"]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    n, m = len(dataset.incidents) + 1, len(dataset.deployments) + 4
    assert _count_line(at).startswith(f"**{n} of {n} incidents, {m} deployments")


def test_a_corrupt_store_is_reported_and_left_alone(home: Path, dataset: Dataset) -> None:
    store = home / "store.sqlite3"
    store.write_bytes(b"not a database, and not to be overwritten")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert any("could not be read" in e.value for e in at.error)
    n = len(dataset.incidents)
    assert _count_line(at).startswith(f"**{n} of {n} incidents")
    assert store.read_bytes() == b"not a database, and not to be overwritten"
