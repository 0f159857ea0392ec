"""The user's store: round trips, all-or-nothing batches, concurrent writers, corrupt files."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo.incidents import Context, DataError
from geo.store import CorruptStoreError, Store, default_path, open_store

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


def deployment(number: int) -> dict[str, str]:
    return {
        "id": f"test-dep-{number}",
        "force": "KFOR",
        "kind": "guard_post",
        "place_id": "leposavic",
        "start_date": "2023-05-30",
        "summary": "Test guard post.",
        **SOURCE,
    }


@pytest.fixture
def store(tmp_path: Path, context: Context) -> Store:
    with open_store(tmp_path / "store.sqlite3", context=context) as opened:
        yield opened


def test_save_and_reload(tmp_path: Path, context: Context) -> None:
    path = tmp_path / "nested" / "dir" / "store.sqlite3"
    with open_store(path, context=context) as first:
        assert first.save([incident(1), incident(2)], "incident", "test") == 2
        assert first.save([deployment(1)], "deployment", "test") == 1
    with open_store(path, context=context) as again:
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
        assert other.import_(bundle) == 0  # the same rows again: nothing new
        for layer in ("incident", "deployment"):
            assert other.rows(layer) == store.rows(layer)  # type: ignore[arg-type]


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
    assert store.rows("incident") == []


def test_ids_already_kept_or_shipped_are_refused(store: Store) -> None:
    store.save([incident(1)], "incident", "test")
    with pytest.raises(DataError, match="duplicate id 'test-inc-1'"):
        store.save([incident(1)], "incident", "test")
    with pytest.raises(DataError, match="duplicate id"):
        store.save([incident(9, id="inc-2023-05-29-zvecan-town-hall")], "incident", "test")
    assert len(store.rows("incident")) == 1


def test_default_path_is_created_on_first_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, context: Context
) -> None:
    monkeypatch.setenv("KOSOVO_MAP_HOME", str(tmp_path / "home"))
    assert default_path() == tmp_path / "home" / "store.sqlite3"
    with open_store(context=context) as opened:
        assert opened.path == default_path() and opened.path.exists()


_WRITER = """
import sys, time
from pathlib import Path
from geo.store import open_store
path, prefix, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
with open_store(path) as store:
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


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path, go, count, prefixes = tmp_path / "shared.sqlite3", tmp_path / "go", 40, ("alpha", "beta")
    with open_store(path):  # created once, so both writers race on saving, not on creating
        pass
    writers = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(path), prefix, str(count), str(go)], cwd=ROOT)
        for prefix in prefixes
    ]
    deadline = time.monotonic() + 30
    while not all((tmp_path / p).exists() for p in prefixes) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()  # both start saving at the same moment
    assert [w.wait(timeout=60) for w in writers] == [0, 0]
    with sqlite3.connect(path) as connection:
        ids = {row[0] for row in connection.execute("SELECT id FROM records")}
    assert ids == {f"{p}-{n}" for p in prefixes for n in range(count)}


def _another_programs_database(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
        connection.execute("INSERT INTO notes VALUES ('mine')")
    connection.close()


@pytest.mark.parametrize(
    "spoil",
    [
        lambda path: path.write_bytes(b"this is not a database\n" * 200),
        lambda path: path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40),
        _another_programs_database,
    ],
    ids=["text", "garbled-sqlite", "foreign-sqlite"],
)
def test_a_corrupt_store_gets_a_clear_error_and_is_left_alone(tmp_path: Path, context: Context, spoil) -> None:
    path = tmp_path / "store.sqlite3"
    spoil(path)
    before = path.read_bytes()
    with pytest.raises(CorruptStoreError) as raised:
        open_store(path, context=context)
    assert str(path) in str(raised.value) and raised.value.path == path
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.sqlite3"]


def test_one_store_shared_by_threads(store: Store) -> None:
    """Streamlit reruns a page on other threads; a store opened once must serve them all."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=4) as pool:
        saved = list(pool.map(lambda n: store.save([incident(n)], "incident", "thread"), range(8)))
    assert saved == [1] * 8 and len(store.rows("incident")) == 8
