"""The SQLite engine's own cases: corrupt, busy, read-only and full stores, first use, and older stores.

A full or read-only disk is real here: a small tmpfs, remounted read-only (needs root; skipped otherwise).
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from geo.incidents import Context
from geo.store import (
    BusyStoreError,
    CorruptStoreError,
    ReadOnlyStoreError,
    StoreError,
    StoreFullError,
    default_path,
    open_store,
)
from tests.storetools import Done
from tests.test_store import incident


def test_default_path_is_created_on_first_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, context: Context
) -> None:
    monkeypatch.setenv("KOSOVO_MAP_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("KOSOVO_MAP_STORE", raising=False)
    assert default_path() == tmp_path / "home" / "store.sqlite3"
    with open_store(context=context) as opened:
        assert opened.path == default_path() and opened.path.exists()


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


def test_a_busy_store_is_called_busy_not_corrupt(tmp_path: Path, context: Context) -> None:
    path = tmp_path / "store.sqlite3"
    with open_store(path, context=context) as store:
        store.save([incident(1)], "incident", "test")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with open_store(path, context=context, timeout=0.2) as store:
            assert store.rows("incident")[0]["id"] == "test-inc-1"  # readers are not blocked
            with pytest.raises(BusyStoreError, match="the store is busy"):
                store.save([incident(2)], "incident", "test")
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_version_one_store_is_upgraded_keeping_every_row(tmp_path: Path, context: Context) -> None:
    path = tmp_path / "store.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE records (id TEXT PRIMARY KEY, layer TEXT NOT NULL, row_json TEXT NOT NULL, "
                           "source_label TEXT NOT NULL, saved_at TEXT NOT NULL)")  # fmt: skip
        for n in (1, 2):
            connection.execute("INSERT INTO records VALUES (?, 'incident', ?, 'DW', ?)",
                               (f"test-inc-{n}", json.dumps(incident(n)), f"2025-01-0{n}T10:00:00+00:00"))  # fmt: skip
        connection.execute(f"PRAGMA application_id = {0x4B4D4150}")
        connection.execute("PRAGMA user_version = 1")
    connection.close()
    with open_store(path, context=context) as store:
        assert [r["id"] for r in store.rows("incident")] == ["test-inc-1", "test-inc-2"]
        assert [(c.action, c.at, c.source_label) for c in store.history("test-inc-2")] == [
            ("add", "2025-01-02T10:00:00+00:00", "DW")
        ]
        store.edit("test-inc-1", incident(1, summary="now editable"), version=1)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone() == (2,)


# --- real disks: full and read-only ------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """Mount tmpfs disks of a given size (`small_disk("256k")`); unmounted afterwards. Needs root."""
    mounts: list[Path] = []

    def mount(size: str) -> Path:
        folder = tmp_path / f"disk{len(mounts)}"
        folder.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
        if done.returncode != 0:
            pytest.skip("cannot mount a tmpfs here (needs root)")
        mounts.append(folder)
        return folder

    yield mount
    for folder in mounts:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


def test_a_read_only_store_can_be_read_and_exported_not_written(
    small_disk: Callable[[str], Path], tmp_path: Path, context: Context, kosovo_map: Callable[..., Done]
) -> None:
    disk = small_disk("1m")
    path = disk / "store.sqlite3"
    with open_store(path, context=context) as store:
        store.save([incident(1), incident(2)], "incident", "test")
    _read_only(disk)
    with open_store(path, context=context) as store:
        assert store.read_only and len(store.rows("incident")) == 2
        with pytest.raises(ReadOnlyStoreError, match=r"read-only.*can be read and exported"):
            store.save([incident(3)], "incident", "test")
    exported = kosovo_map(str(path), "export", "--store", "-o", str(tmp_path / "backup.json"))
    assert exported.returncode == 0, exported.stderr
    assert len(json.loads((tmp_path / "backup.json").read_text(encoding="utf-8"))["incidents"]) == 2
    refused = kosovo_map(str(path), "store", "delete", "test-inc-1")
    assert refused.returncode == 1 and "the store is read-only" in refused.stderr and "Traceback" not in refused.stderr


def test_a_read_only_home_without_a_store_gets_a_message(
    small_disk: Callable[[str], Path], tmp_path: Path, kosovo_map: Callable[..., Done]
) -> None:
    home = small_disk("64k")
    _read_only(home)
    rows = tmp_path / "rows.csv"
    rows.write_text("id,date,event_type,sub_event_type,place_id,source_publisher,source_title\n"
                    "x-1,2023-05-29,Protests,Peaceful protest,zvecan,W,T\n", encoding="utf-8")  # fmt: skip
    done = kosovo_map(str(home / "store.sqlite3"), "store", "add", str(rows))
    assert done.returncode == 1 and "cannot create the store (its folder is read-only)" in done.stderr
    assert "Traceback" not in done.stderr
    listed = kosovo_map(str(home / "store.sqlite3"), "store", "list")
    assert listed.returncode == 0 and "no store yet" in listed.stderr
    with pytest.raises(StoreError, match="read-only"):
        open_store(home / "store.sqlite3")


def test_a_full_disk_during_import_says_so_and_keeps_the_store_as_it_was(
    small_disk: Callable[[str], Path], tmp_path: Path, context: Context, kosovo_map: Callable[..., Done]
) -> None:
    disk = small_disk("320k")
    path = disk / "store.sqlite3"
    with open_store(path, context=context) as store:
        store.save([incident(1)], "incident", "before")
    big = [{"row": incident(n, summary="x" * 600)} for n in range(2, 3000)]
    bundle = tmp_path / "big.json"
    bundle.write_text(json.dumps({"format": "kosovo-map-store", "version": 1, "incidents": big}), encoding="utf-8")
    done = kosovo_map(str(path), "import-store", str(bundle))
    assert done.returncode == 1 and "the disk is full" in done.stderr, done.stderr
    assert "cannot rollback" not in done.stderr and "Traceback" not in done.stderr
    with open_store(path, context=context) as store:
        assert [r["id"] for r in store.rows("incident")] == ["test-inc-1"]
    with pytest.raises(StoreFullError), open_store(path, context=context) as store:
        store.import_(bundle)
