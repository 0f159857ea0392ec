"""From a news article to kept rows: the review tab proposes, a person writes summaries, the store keeps."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from components.review import candidate_tables, likely_duplicates, missing_summaries, propose, rows_to_keep
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


# --- dates the page never assumes, proposals that fit the hand --------------------

UNDATED = "Protesters gathered outside the town hall in Zvečan yesterday, and police arrested two men in Leposavić."


def _fill(at: AppTest, text: str, published: date | None = None) -> AppTest:
    at.text_area(key="article_text").input(text)
    at.text_input(key="article_title").input("A report")
    at.text_input(key="article_publisher").input("A publisher")
    if published is not None:
        at.date_input(key="article_date").set_value(published)
    return at.button(key="find_incidents").click().run()


def test_the_date_box_starts_empty_and_an_undated_article_is_asked_for_its_date(home: Path) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert at.date_input(key="article_date").value is None
    at = _fill(at, UNDATED)
    assert not at.exception
    assert any("give the date it was published" in e.value and "Published box" in e.value for e in at.error)
    at = _fill(at, UNDATED, date(2023, 5, 30))
    assert not at.exception and not at.error
    (incidents,) = (frame.value for frame in at.dataframe[-1:])
    assert list(incidents["place_id"]) == ["zvecan", "leposavic"]  # in the order of the text
    assert set(incidents["date"]) == {"2023-05-29"}
    assert any("relative dates count from 30 May 2023, the date you gave" in c.value for c in at.caption)


@needs_seed
def test_the_seed_dates_itself_and_its_rows_are_flagged_as_already_on_the_map(home: Path) -> None:
    at = _fill(AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run(), SEED.read_text(encoding="utf-8"))
    assert not at.exception
    assert any("dated 30 May 2023 by the article's publication line" in c.value for c in at.caption)
    assert any("look like records already on the map" in w.value for w in at.warning)
    incidents = at.dataframe[-2].value
    assert incidents.loc[0, "on_the_map"] == "?selected=inc-2023-05-29-zvecan-town-hall"
    columns = list(incidents.columns)
    assert columns.index("summary") == columns.index("evidence") + 1  # the sentence beside the summary


def test_proposals_come_in_text_order_with_their_sentences(dataset: Dataset) -> None:
    text = (
        "KFOR troops guarded the town hall in Zubin Potok on Tuesday. "
        "Protesters gathered in Zvečan on Monday. Police arrested a man in Leposavić last Friday."
    )
    extraction = extract(text, date(2023, 5, 30), dataset.gazetteer)
    starts = [c.evidence.start for c in extraction.candidates]
    assert starts == sorted(starts) and [c.place_id for c in extraction.candidates] == [
        "zubin-potok",
        "zvecan",
        "leposavic",
    ]
    tables = candidate_tables(extraction, DW, dataset)
    assert list(tables["incident"]["evidence"]) == [
        "Protesters gathered in Zvečan on Monday.",
        "Police arrested a man in Leposavić last Friday.",
    ]


def test_a_duplicate_needs_the_same_type_a_day_and_5_km(dataset: Dataset) -> None:
    base = extract("Riots broke out in Zvečan on Monday.", date(2023, 5, 30), dataset.gazetteer).candidates[0]
    records = pd.DataFrame(
        {
            "id": ["inc-riot"],
            "date": [pd.Timestamp("2023-05-29")],
            "event_type": ["Riots"],
            "lat": [base.lat],
            "lon": [base.lon],
        }
    )
    assert likely_duplicates(base, records) == ["inc-riot"]
    assert likely_duplicates(replace(base, date=date(2023, 5, 28)), records) == ["inc-riot"]  # a day before
    assert likely_duplicates(replace(base, date=date(2023, 5, 27)), records) == []  # two days before
    assert likely_duplicates(replace(base, event_type="Protests"), records) == []  # another type
    assert likely_duplicates(replace(base, lat=base.lat + 0.04), records) == ["inc-riot"]  # ~4.4 km north
    assert likely_duplicates(replace(base, lat=base.lat + 0.06), records) == []  # ~6.7 km north


def test_kept_rows_carry_the_article_as_their_source(home: Path, dataset: Dataset) -> None:
    source = {"publisher": "KoSSev", "title": "Protest u Zvečanu", "date": "2023-05-30", "url": "https://example.org/a"}
    extraction = extract("Juče je održan protest u Zvečanu.", date(2023, 5, 30), dataset.gazetteer)
    table = candidate_tables(extraction, source, dataset)["incident"]
    table["summary"] = "Serbs protested in Zvečan."
    with open_store() as store:
        store.save(rows_to_keep(table), "incident", "KoSSev: Protest u Zvečanu")
        (kept,) = store.rows("incident")
    assert {k: kept[f"source_{k}"] for k in source} == source
    assert "evidence" not in kept and "on_the_map" not in kept and "keep" not in kept


def test_extraction_in_the_worker_process_matches_extraction_here(dataset: Dataset) -> None:
    text = "Dje në Zveçan u plagosën 30 ushtarë të KFOR-it, ndërsa në Leposaviq policia arrestoi dy persona."
    here = extract(text, date(2023, 5, 30), dataset.gazetteer)
    there = propose(text, date(2023, 5, 30), dataset.gazetteer)
    assert there.as_dict() == here.as_dict()
