"""The store in the page (AppTest): history, edit with conflicts, delete and undo, read-only deployments, outages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit import config
from streamlit.testing.v1 import AppTest

from geo.dataset import Dataset
from geo.store import open_store
from tests.browser import free_port

pytestmark = pytest.mark.app
APP = str(Path(__file__).resolve().parent.parent / "app.py")
ROW = {
    "id": "kept-inc-1",
    "date": "2023-05-29",
    "event_type": "Protests",
    "sub_event_type": "Peaceful protest",
    "place_id": "zvecan",
    "summary": "A kept protest.",
    "source_publisher": "Test Wire",
    "source_title": "A test article",
}


@pytest.fixture
def kept_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, context) -> Path:
    """The app's store is a fresh SQLite file holding one kept incident."""
    monkeypatch.setenv("KOSOVO_MAP_HOME", str(tmp_path))
    monkeypatch.delenv("KOSOVO_MAP_STORE", raising=False)
    with open_store(tmp_path / "store.sqlite3", context=context) as store:
        store.save([ROW], "incident", "Test Wire: A test article")
    return tmp_path / "store.sqlite3"


def _page(selected: str = "kept-inc-1") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["selected"] = selected
    return at.run()


def _count_line(at: AppTest) -> str:
    return next(m.value for m in at.markdown if " of " in m.value and "incident" in m.value)


def _frame_with(at: AppTest, column: str):
    """The table on the page that has this column."""
    return next(frame.value for frame in at.dataframe if column in frame.value)


def _edit_box(at: AppTest, column: str, version: int = 1):
    return at.text_input(key=f"store_edit:kept-inc-1:{version}:{column}")


def test_a_kept_row_shows_its_history_and_can_be_edited(kept_store: Path) -> None:
    at = _page()
    assert not at.exception
    history = _frame_with(at, "what")
    assert list(history["what"]) == ["kept"] and list(history["article"]) == ["Test Wire: A test article"]
    _edit_box(at, "summary").input("A corrected summary.")
    at.button(key="store_save").click().run()
    assert not at.exception
    assert any("as version 2" in s.value for s in at.success)
    with open_store(kept_store) as store:
        assert store.rows("incident")[0]["summary"] == "A corrected summary."
        assert store.record("kept-inc-1").changed_by.startswith("local:")


def test_a_bad_edit_is_refused_naming_the_cell(kept_store: Path) -> None:
    at = _page()
    _edit_box(at, "event_type").input("Picnic")
    at.button(key="store_save").click().run()
    assert any("kept-inc-1:1:event_type" in c.value for c in at.code)
    with open_store(kept_store) as store:
        assert store.record("kept-inc-1").version == 1


def test_the_second_editor_gets_a_conflict_with_both_versions(kept_store: Path) -> None:
    alice, bob = _page(), _page()  # two sessions open the same version
    _edit_box(alice, "summary").input("Alice's words.")
    alice.button(key="store_save").click().run()
    _edit_box(bob, "summary").input("Bob's words.")
    bob.button(key="store_save").click().run()
    assert not bob.exception
    assert "Nothing was overwritten" in bob.error[0].value and "version 2" in bob.error[0].value
    both = _frame_with(bob, "yours")
    assert both.iloc[0].tolist() == ["summary", "Bob's words.", "Alice's words."]
    with open_store(kept_store) as store:
        assert store.rows("incident")[0]["summary"] == "Alice's words."
    bob.button(key="store_reload").click().run()
    assert _edit_box(bob, "summary", version=2).value == "Alice's words."


def test_delete_takes_the_row_off_the_map_and_undo_brings_it_back(kept_store: Path, dataset: Dataset) -> None:
    n = len(dataset.incidents)
    at = _page()
    assert _count_line(at).startswith(f"**{n + 1} of {n + 1} incidents")
    at.button(key="store_delete").click().run()
    assert not at.exception
    assert _count_line(at).startswith(f"**{n} of {n} incidents")
    at.button(key="store_undo").click().run()
    assert _count_line(at).startswith(f"**{n + 1} of {n + 1} incidents")
    with open_store(kept_store) as store:
        assert [c.action for c in store.history("kept-inc-1")] == ["add", "delete", "restore"]


@pytest.fixture
def deployed() -> Iterator[None]:
    """The app listening on every address, as a server deployment does, without sign-in configured."""
    before = config.get_option("server.address")
    config.set_option("server.address", "0.0.0.0")
    try:
        yield
    finally:
        config.set_option("server.address", before)


def test_a_deployed_app_without_sign_in_is_read_only(kept_store: Path, deployed: None) -> None:
    at = _page()
    assert not at.exception
    assert any("read-only" in c.value for c in at.sidebar.caption)
    assert list(_frame_with(at, "what")["what"]) == ["kept"]  # history is for everyone
    keys = {w.key for w in at.text_input} | {b.key for b in at.button}
    assert not {k for k in keys if k and k.startswith("store_")}  # no edit, delete or undo controls


def test_an_unreachable_database_leaves_the_shipped_data_with_a_notice(
    monkeypatch: pytest.MonkeyPatch, dataset: Dataset
) -> None:
    monkeypatch.setenv("KOSOVO_MAP_STORE", f"postgresql://postgres@127.0.0.1:{free_port()}/nowhere")
    at = AppTest.from_file(APP, default_timeout=90).run()
    assert not at.exception
    notice = " ".join(w.value for w in at.sidebar.warning)
    assert "cannot be reached" in notice and "nothing is queued" in notice
    n = len(dataset.incidents)
    assert _count_line(at).startswith(f"**{n} of {n} incidents")


def test_a_deployed_app_hides_the_keep_button_and_its_store_refuses_a_forged_keep(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, deployed: None, dataset: Dataset
) -> None:
    """A forged request that makes the news tab's keep button fire is refused by the store itself."""
    from datetime import date

    from components.review import candidate_tables
    from geo.extract import extract

    monkeypatch.setenv("KOSOVO_MAP_HOME", str(tmp_path))
    monkeypatch.delenv("KOSOVO_MAP_STORE", raising=False)
    text = "On 29 May 2023 protesters clashed with KFOR soldiers at the town hall in Zvečan; 30 soldiers were injured."
    source = {"publisher": "Test Wire", "title": "Clashes", "date": "2023-05-30", "url": ""}
    extraction = extract(text, date(2023, 5, 30), dataset.gazetteer)
    tables = candidate_tables(extraction, source)
    tables["incident"]["summary"] = "Protesters and KFOR clashed at the Zvečan town hall."
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state["candidates"] = (source, extraction, tables)  # as if the review had been done
    at.run()
    assert not any(b.key == "keep_rows" for b in at.button)  # visitors who may not write get no keep button
    assert any("read-only for you" in i.value for i in at.info)
    assert not at.exception
    # A forged keep, the button's own call made anyway, is refused by the store itself.
    from geo.store import StoreError, acting_as
    from geo.store.access import Actor, Policy

    rows = tables["incident"].drop(columns=[c for c in tables["incident"] if c in ("keep", "evidence", "on_the_map")])
    with acting_as(Actor.anonymous(), Policy.deployed(())), pytest.raises(StoreError, match="may not change"):
        open_store(tmp_path / "store.sqlite3").save(rows.to_dict("records"), "incident", "forged")
    assert not (tmp_path / "store.sqlite3").exists() or not open_store(tmp_path / "store.sqlite3").rows("incident")
