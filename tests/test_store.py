"""The user's store, on both engines (SQLite and a real PostGIS server): the same suite, no mocks."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest

from components.filters import in_window
from geo.dataset import Dataset, load_rows
from geo.incidents import Context, DataError
from geo.store import (
    Actor,
    ConflictError,
    NotAllowedError,
    Policy,
    RecordNotFoundError,
    Store,
    StoreError,
    acting_as,
    history_rows,
    open_store,
)

ROOT = Path(__file__).resolve().parent.parent
SOURCE = {
    "source_publisher": "Test Wire",
    "source_title": "A test article",
    "source_date": "2023-05-30",
    "source_url": "https://example.org/a",
}


def incident(number: int, **changes: str) -> dict[str, str]:
    row = {
        "id": f"test-inc-{number}",
        "date": "2023-05-29",
        "event_type": "Protests",
        "sub_event_type": "Peaceful protest",
        "actor1": "Protesters",
        "place_id": "zvecan",
        "summary": f"Test incident {number}.",
        **SOURCE,
    }
    return {**row, **changes}


def deployment(number: int, **changes: str) -> dict[str, str]:
    row = {
        "id": f"test-dep-{number}",
        "force": "KFOR",
        "kind": "guard_post",
        "place_id": "leposavic",
        "start_date": "2023-05-30",
        "summary": "Test guard post.",
        **SOURCE,
    }
    return {**row, **changes}


@pytest.fixture(params=["sqlite", "postgis"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """Where a store lives: a SQLite file, or a fresh database on the throwaway PostGIS server."""
    if request.param == "sqlite":
        return tmp_path / "store.sqlite3"
    return request.getfixturevalue("postgis_url")


@pytest.fixture
def store(target: str | Path, context: Context) -> Store:
    with open_store(target, context=context) as opened:
        yield opened


def test_save_and_reload(target: str | Path, context: Context) -> None:
    with open_store(target, context=context) as first:
        assert first.save([incident(1), incident(2)], "incident", "test") == 2
        assert first.save([deployment(1)], "deployment", "test") == 1
    with open_store(target, context=context) as again:
        assert [r["id"] for r in again.rows("incident")] == ["test-inc-1", "test-inc-2"]
        (kept,) = again.rows("deployment")
    assert kept["place_id"] == "leposavic" and kept["source_title"] == "A test article"
    assert kept["source_url"] == "https://example.org/a"


def test_export_then_import_round_trip(tmp_path: Path, store: Store, context: Context) -> None:
    store.save([incident(1), incident(2)], "incident", "article one")
    store.save([deployment(1)], "deployment", "article one")
    bundle = tmp_path / "bundle.json"
    assert store.export(bundle) == 3
    assert json.loads(bundle.read_text(encoding="utf-8"))["format"] == "kosovo-map-store"
    with open_store(tmp_path / "other.sqlite3", context=context) as other:
        assert other.import_(bundle) == 3
        imported = other.import_bundle(bundle)
        assert (imported.added, imported.already_kept) == (0, 3)  # the same rows again: nothing new
        for layer in ("incident", "deployment"):
            assert other.rows(layer) == store.rows(layer)  # type: ignore[arg-type]
        assert {r.source_label for r in other.records()} == {"article one"}


@pytest.mark.parametrize(
    ("bad", "where"),
    [
        (incident(2, event_type="Picnic"), "test:2:event_type"),
        (incident(2, place_id="atlantis"), "test:2:place_id"),
        (incident(2, date="2023-02-30"), "test:2:date"),
        (incident(2, source_publisher="", source_title=""), "test:2:source_ids"),
        (incident(1), "test:2:id"),  # a duplicate id within the batch
    ],
)
def test_a_bad_row_rolls_the_whole_batch_back(store: Store, bad: dict[str, str], where: str) -> None:
    with pytest.raises(DataError) as raised:
        store.save([incident(1), bad, incident(3)], "incident", "test")
    assert where in str(raised.value)
    assert store.rows("incident") == [] and store.history() == []


def test_ids_already_kept_or_shipped_are_refused(store: Store) -> None:
    store.save([incident(1)], "incident", "test")
    with pytest.raises(DataError, match="duplicate id 'test-inc-1'"):
        store.save([incident(1)], "incident", "test")
    with pytest.raises(DataError, match="duplicate id"):
        store.save([incident(9, id="inc-2023-05-29-zvecan-town-hall")], "incident", "test")
    assert len(store.rows("incident")) == 1


def test_one_store_shared_by_threads(store: Store) -> None:
    """Streamlit reruns a page on other threads; a store opened once must serve them all."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        saved = list(pool.map(lambda n: store.save([incident(n)], "incident", "thread"), range(8)))
    assert saved == [1] * 8 and len(store.rows("incident")) == 8


_WRITER = """
import sys, time
from pathlib import Path
from geo.store import open_store
target, prefix, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
with open_store(target) as store:
    store.context  # load the checks before the race
    Path(go.parent, prefix).touch()
    while not go.exists():
        time.sleep(0.005)
    for number in range(count):
        row = {
            "id": f"{prefix}-{number}", "date": "2023-05-29", "event_type": "Protests",
            "sub_event_type": "Peaceful protest", "place_id": "zvecan",
            "source_publisher": "Test Wire", "source_title": "Race",
        }
        store.save([row], "incident", prefix)
"""


def test_two_processes_writing_at_once_lose_nothing(target: str | Path, tmp_path: Path) -> None:
    go, count, prefixes = tmp_path / "go", 40, ("alpha", "beta")
    with open_store(target):  # created once, so both writers race on saving, not on creating
        pass
    writers = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(target), prefix, str(count), str(go)], cwd=ROOT)
        for prefix in prefixes
    ]
    deadline = time.monotonic() + 60
    while not all((tmp_path / p).exists() for p in prefixes) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()  # both start saving at the same moment
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    with open_store(target) as store:
        ids = [r["id"] for r in store.rows("incident")]
        assert sorted(ids) == sorted(f"{p}-{n}" for p in prefixes for n in range(count))
        assert len(store.history()) == 2 * count


# --- edit, delete, history -----------------------------------------------------------------


def test_an_edit_bumps_the_version_and_records_before_and_after(store: Store) -> None:
    editor = Actor.signed_in("Editor@Example.org")
    store.save([incident(1)], "incident", "DW: clashes", actor=editor)
    edited = store.edit("test-inc-1", incident(1, summary="Fixed summary.", injured="3"), version=1, actor=editor)
    assert edited.version == 2 and edited.row["summary"] == "Fixed summary."
    assert store.rows("incident")[0]["injured"] == "3"
    added, change = store.history("test-inc-1")
    assert (added.action, change.action) == ("add", "edit")
    assert change.before["summary"] == "Test incident 1." and change.after["summary"] == "Fixed summary."
    assert change.by == "editor@example.org" and change.source_label == "DW: clashes"
    (_, row) = history_rows(store.history("test-inc-1"))
    assert row["who"] == "editor@example.org" and "summary: 'Test incident 1.' → 'Fixed summary.'" in row["what"]
    assert "injured: '' → '3'" in row["what"] and row["version"] == "2"


def test_the_second_of_two_editors_gets_a_conflict_showing_both_versions(target: str | Path, context: Context) -> None:
    with open_store(target, context=context) as setup:
        setup.save([incident(1)], "incident", "test")
    with open_store(target, context=context) as alice, open_store(target, context=context) as bob:
        version = alice.record("test-inc-1").version
        assert bob.record("test-inc-1").version == version  # both opened the same version
        alice.edit("test-inc-1", incident(1, summary="Alice's words."), version, Actor.signed_in("alice@example.org"))
        with pytest.raises(ConflictError) as raised:
            bob.edit("test-inc-1", incident(1, summary="Bob's words."), version, Actor.signed_in("bob@example.org"))
    message = str(raised.value)
    assert "changed by alice@example.org" in message and "nothing was overwritten" in message
    assert 'yours "Bob\'s words."' in message and 'in the store "Alice\'s words."' in message
    assert raised.value.theirs["summary"] == "Alice's words." and raised.value.mine["summary"] == "Bob's words."
    with open_store(target, context=context) as after:
        assert after.rows("incident")[0]["summary"] == "Alice's words." and after.record("test-inc-1").version == 2


def test_an_edit_is_checked_like_an_upload_and_the_id_stays(store: Store) -> None:
    store.save([incident(1), incident(2)], "incident", "test")
    with pytest.raises(DataError, match="test-inc-1:1:event_type"):
        store.edit("test-inc-1", incident(1, event_type="Picnic"), version=1)
    edited = store.edit("test-inc-1", incident(1, id="test-inc-2", summary="x"), version=1)
    assert edited.id == "test-inc-1"  # the id is the record's identity: an edit cannot move it onto another
    assert [r["id"] for r in store.rows("incident")] == ["test-inc-1", "test-inc-2"]
    with pytest.raises(RecordNotFoundError):
        store.edit("no-such-id", incident(1), version=1)


def test_delete_is_soft_and_can_be_undone(store: Store) -> None:
    store.save([incident(1), incident(2)], "incident", "test")
    deleted = store.delete("test-inc-1", version=1)
    assert deleted.deleted and deleted.version == 2
    assert [r["id"] for r in store.rows("incident")] == ["test-inc-2"]
    assert [r.id for r in store.window("incident", date(2023, 5, 1), date(2023, 6, 1))] == ["test-inc-2"]
    with pytest.raises(StoreError, match="deleted; restore it"):
        store.edit("test-inc-1", incident(1), version=2)
    with pytest.raises(DataError, match="duplicate id"):  # a deleted record's id is not free again
        store.save([incident(1)], "incident", "test")
    restored = store.restore("test-inc-1")
    assert not restored.deleted and restored.version == 3
    assert [r["id"] for r in store.rows("incident")] == ["test-inc-1", "test-inc-2"]
    assert [c.action for c in store.history("test-inc-1")] == ["add", "delete", "restore"]
    with pytest.raises(ConflictError):
        store.delete("test-inc-1", version=1)


def test_revision_grows_with_every_change(store: Store) -> None:
    first = store.revision()
    store.save([incident(1)], "incident", "test")
    second = store.revision()
    store.delete("test-inc-1")
    assert first < second < store.revision()


# --- who may write ---------------------------------------------------------------------------


def test_writes_are_checked_against_the_policy_in_the_store_itself(store: Store) -> None:
    deployed = Policy.deployed(["editor@example.org"])
    with acting_as(Actor.anonymous(), deployed), pytest.raises(NotAllowedError, match="sign in"):
        store.save([incident(1)], "incident", "forged")
    with acting_as(Actor.signed_in("stranger@example.org"), deployed), pytest.raises(NotAllowedError):
        store.save([incident(1)], "incident", "forged")
    with acting_as(Actor.local("someone"), deployed), pytest.raises(NotAllowedError):
        store.save([incident(1)], "incident", "a deployed app is not local")
    assert store.rows("incident") == [] and store.history() == []
    with acting_as(Actor.signed_in("Editor@example.org"), deployed):
        assert store.may_write()
        store.save([incident(1)], "incident", "DW")
        with acting_as(Actor.anonymous(), deployed), pytest.raises(NotAllowedError):
            store.delete("test-inc-1")
    (change,) = store.history()
    assert change.by == "editor@example.org"
    record = store.record("test-inc-1")
    assert record.created_by == "editor@example.org" and record.created_at.startswith(str(date.today().year))


def test_the_command_line_writes_as_its_local_user(store: Store) -> None:
    store.save([incident(1)], "incident", "cli")
    assert store.record("test-inc-1").created_by.startswith("local:")


# --- queries in the database -------------------------------------------------------------------


def _spread(number: int) -> dict[str, str]:
    """Incidents spread over days and over the four municipalities (points inside each)."""
    places = [("zvecan", 42.9075, 20.8407), ("leposavic", 43.1039, 20.8028), ("zubin-potok", 42.9144, 20.6897),
              ("mitrovica-north", 42.8914, 20.8660)]  # fmt: skip
    place, lat, lon = places[number % 4]
    day = date(2023, 1, 1).toordinal() + number * 7
    return incident(number, date=date.fromordinal(day).isoformat(), place_id=place, lat=str(lat), lon=str(lon),
                    end_date=date.fromordinal(day + 3).isoformat() if number % 5 == 0 else "")  # fmt: skip


@pytest.mark.parametrize(
    ("start", "end", "bbox"),
    [
        (date(2023, 3, 1), date(2023, 4, 30), None),
        (date(2023, 1, 4), date(2023, 1, 4), None),  # inside a multi-day incident only
        (None, date(2023, 2, 1), (20.82, 42.85, 20.90, 42.95)),
        (date(2023, 1, 1), None, (20.6, 42.85, 20.75, 43.0)),
        (date(2030, 1, 1), date(2030, 2, 1), None),
    ],
)
def test_window_and_bbox_queries_agree_with_the_map_filter(
    store: Store, dataset: Dataset, start: date | None, end: date | None, bbox: tuple | None
) -> None:
    rows = [_spread(n) for n in range(40)]
    store.save(rows, "incident", "spread")
    store.save([deployment(1), deployment(2, start_date="2023-01-01", end_date="2023-01-10")], "deployment", "d")
    for layer, kept in (("incident", rows), ("deployment", store.rows("deployment"))):
        frame = load_rows("store", kept, layer, dataset).frame
        expected = in_window(frame.assign(layer=layer), start, end)
        if bbox is not None:
            expected = expected[expected["lon"].between(bbox[0], bbox[2]) & expected["lat"].between(bbox[1], bbox[3])]
        found = [r.id for r in store.window(layer, start, end, bbox)]  # type: ignore[arg-type]
        assert sorted(found) == sorted(expected["id"]), (layer, start, end, bbox)
