"""`kosovo-map store …`, `export --store` and `import-store` on both engines, as a person runs them."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from geo.store import open_store
from tests.storetools import Done
from tests.test_store import deployment, incident

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(params=["sqlite", "postgis"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The store the command line uses, through KOSOVO_MAP_STORE."""
    if request.param == "sqlite":
        return str(tmp_path / "home" / "store.sqlite3")
    return request.getfixturevalue("postgis_url")


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    columns = list(dict.fromkeys(c for row in rows for c in row))
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_add_list_edit_delete_restore_and_history(kosovo_map: Callable[..., Done], target: str, tmp_path: Path) -> None:
    added = kosovo_map(target, "store", "add", str(write_csv(tmp_path / "two.csv", [incident(1), incident(2)])))
    assert added.returncode == 0 and added.stdout.startswith("2 added, 0 refused"), added.stderr
    listed = kosovo_map(target, "store", "list")
    assert [line.split("\t")[0] for line in listed.stdout.splitlines()] == ["test-inc-1", "test-inc-2"]
    edited = kosovo_map(target, "store", "edit", "test-inc-1", "summary=Fixed.", "injured=2", "--version", "1")
    assert edited.returncode == 0 and "version 2" in edited.stdout
    stale = kosovo_map(target, "store", "edit", "test-inc-1", "summary=Stale.", "--version", "1")
    assert stale.returncode == 1 and "nothing was overwritten" in stale.stderr and "'Stale.'" in stale.stderr
    assert kosovo_map(target, "store", "delete", "test-inc-2").returncode == 0
    assert "test-inc-2" not in kosovo_map(target, "store", "list").stdout
    assert "(deleted)" in kosovo_map(target, "store", "list", "--deleted").stdout
    assert kosovo_map(target, "store", "restore", "test-inc-2").returncode == 0
    history = kosovo_map(target, "store", "history", "test-inc-1", "--json")
    actions = [json.loads(line)["action"] for line in history.stdout.splitlines()]
    assert actions == ["add", "edit"]
    assert json.loads(history.stdout.splitlines()[1])["after"]["injured"] == "2"
    unknown = kosovo_map(target, "store", "history", "no-such-id")
    assert unknown.returncode == 1 and "no kept record has the id 'no-such-id'" in unknown.stderr


def test_add_is_all_or_nothing_and_names_file_row_and_column(
    kosovo_map: Callable[..., Done], target: str, tmp_path: Path
) -> None:
    bad = write_csv(tmp_path / "bad.csv", [incident(1), incident(2, event_type="Picnic"), incident(3, date="x")])
    done = kosovo_map(target, "store", "add", str(bad))
    assert done.returncode == 1
    assert f"{bad}:3:event_type" in done.stderr and f"{bad}:4:date" in done.stderr  # the spreadsheet's rows
    assert "0 added, 2 refused" in done.stderr and "Traceback" not in done.stderr
    assert kosovo_map(target, "store", "list").stdout == ""
    geojson = tmp_path / "one.geojson"
    geojson.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [20.84, 42.91]},
         "properties": {k: v for k, v in deployment(1).items() if k != "place_id"}}]}), encoding="utf-8")  # fmt: skip
    added = kosovo_map(target, "store", "add", str(geojson))
    assert added.returncode == 0 and "1 deployment(s)" in added.stdout, added.stderr
    missing = kosovo_map(target, "store", "add", str(tmp_path / "nope.csv"))
    assert missing.returncode == 1 and "no such file" in missing.stderr


def test_export_and_import_store_round_trip_and_refuse_overwriting_the_store(
    kosovo_map: Callable[..., Done], target: str, tmp_path: Path
) -> None:
    kosovo_map(target, "store", "add", str(write_csv(tmp_path / "a.csv", [incident(1), incident(2)])))
    bundle = tmp_path / "bundle.json"
    assert kosovo_map(target, "export", "--store", "-o", str(bundle)).returncode == 0
    other = str(tmp_path / "other.sqlite3")
    first = kosovo_map(other, "import-store", str(bundle))
    assert first.returncode == 0 and first.stdout.startswith("2 added, 0 refused, 0 already in the store")
    again = kosovo_map(other, "import-store", str(bundle))
    assert again.stdout.startswith("0 added, 0 refused, 2 already in the store")
    refused = kosovo_map(other, "export", "--store", "-o", other)
    assert refused.returncode == 1 and "refusing to overwrite" in refused.stderr
    with open_store(other) as store:
        assert len(store.rows("incident")) == 2


def test_import_store_names_the_bundle_file_and_refuses_unknown_versions(
    kosovo_map: Callable[..., Done], target: str, tmp_path: Path
) -> None:
    bundle = tmp_path / "future.json"
    bundle.write_text(json.dumps({"format": "kosovo-map-store", "version": 99, "incidents": []}), encoding="utf-8")
    future = kosovo_map(target, "import-store", str(bundle))
    assert future.returncode == 1 and f"{bundle}:0:version: bundle version 99 is not one" in future.stderr
    bundle.write_text(json.dumps({"format": "kosovo-map-store", "version": 1, "incidents": [
        {"row": incident(1)}, {"row": incident(2, event_type="Picnic")}, {"row": incident(3, lat="north")}]}),
        encoding="utf-8")  # fmt: skip
    bad = kosovo_map(target, "import-store", str(bundle))
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert f"{bundle}:2:event_type" in bad.stderr and f"{bundle}:3:lat" in bad.stderr
    assert kosovo_map(target, "store", "list").stdout == ""


_IMPORTER = """
import sys
from pathlib import Path
from geo.store import open_store
from tests.storetools import Done
target, bundle, go = sys.argv[1], sys.argv[2], Path(sys.argv[3])
with open_store(target) as store:
    store.context
    Path(str(go) + "." + sys.argv[4]).touch()
    while not go.exists():
        pass
    print(store.import_bundle(bundle).added)
"""


def test_concurrent_imports_of_one_bundle_add_it_once(
    kosovo_map: Callable[..., Done], target: str, tmp_path: Path
) -> None:
    source = str(tmp_path / "source.sqlite3")
    kosovo_map(source, "store", "add", str(write_csv(tmp_path / "a.csv", [incident(n) for n in range(30)])))
    bundle = tmp_path / "bundle.json"
    kosovo_map(source, "export", "--store", "-o", str(bundle))
    with open_store(target):
        pass
    go = tmp_path / "go"
    command = [sys.executable, "-c", _IMPORTER, target, str(bundle), str(go)]
    importers = [
        subprocess.Popen([*command, str(n)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for n in range(3)
    ]
    deadline = time.monotonic() + 60
    while not all(Path(f"{go}.{n}").exists() for n in range(3)) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()
    results = [p.communicate(timeout=120) for p in importers]
    assert [p.returncode for p in importers] == [0, 0, 0], results
    assert sorted(int(out) for out, _ in results) == [0, 0, 30]
    with open_store(target) as store:
        assert len(store.rows("incident")) == 30


@pytest.mark.parametrize("via", [".sqlite3", ".gpkg", ".json", "postgis"])
def test_copy_loses_nothing(
    kosovo_map: Callable[..., Done], target: str, tmp_path: Path, via: str, request: pytest.FixtureRequest
) -> None:
    kosovo_map(target, "store", "add", str(write_csv(tmp_path / "a.csv", [incident(1), incident(2), incident(3)])))
    kosovo_map(target, "store", "add", str(write_csv(tmp_path / "d.csv", [deployment(1)])), "--label", "DW")
    kosovo_map(target, "store", "edit", "test-inc-1", "summary=Ëdited, “quoted”.", "killed=1")
    kosovo_map(target, "store", "delete", "test-inc-2")
    middle = (
        request.getfixturevalue("postgis_cluster").fresh_database()
        if via == "postgis"
        else str(tmp_path / f"middle{via}")
    )
    back = str(tmp_path / "back.sqlite3")
    there = kosovo_map(target, "store", "copy", target, middle)
    assert there.returncode == 0 and "checksums match" in there.stdout, there.stderr
    home = kosovo_map(target, "store", "copy", middle, back)
    assert home.returncode == 0, home.stderr
    with open_store(target) as original, open_store(back) as copied:
        assert copied.checksums() == original.checksums()
        assert copied.checksums()["records"] == 4 and copied.checksums()["changes"] == 6
        assert [c.canonical() for c in copied.history()] == [c.canonical() for c in original.history()]
    refused = kosovo_map(target, "store", "copy", middle, back)
    assert refused.returncode == 1 and "already holds 4 record(s)" in refused.stderr


# --- load and faults --------------------------------------------------------------------------


def _rows(prefix: str, count: int) -> list[dict[str, str]]:
    return [incident(n, id=f"{prefix}-{n}", summary=f"{prefix} {n}") for n in range(count)]


def test_five_writers_keep_a_thousand_rows_each_into_postgis(postgis_url: str, tmp_path: Path) -> None:
    with open_store(postgis_url):
        pass
    files = [write_csv(tmp_path / f"w{n}.csv", _rows(f"w{n}", 1000)) for n in range(5)]
    env = {**os.environ, "KOSOVO_MAP_STORE": postgis_url}
    writers = [subprocess.Popen([sys.executable, "-m", "cli", "store", "add", str(f)], cwd=ROOT, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in files]  # fmt: skip
    results = [w.communicate(timeout=300) for w in writers]
    assert [w.returncode for w in writers] == [0] * 5, results
    with open_store(postgis_url) as store:
        ids = [r["id"] for r in store.rows("incident")]
        assert len(ids) == 5000 and len(set(ids)) == 5000  # 0 lost, 0 duplicated
        assert set(ids) == {f"w{n}-{m}" for n in range(5) for m in range(1000)}
        assert len(store.history()) == 5000


def _inside_a_write(target: str) -> bool:
    """True while some other process holds the store's write lock (is inside its transaction)."""
    if target.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(target, autocommit=True) as connection:
            query = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()"
            return connection.execute(query).fetchone()[0] > 0
    import sqlite3

    connection = sqlite3.connect(target, timeout=0, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError:
        return True
    finally:
        connection.close()


def test_a_writer_killed_mid_batch_leaves_no_half_batch(
    kosovo_map: Callable[..., Done], target: str, tmp_path: Path
) -> None:
    first = kosovo_map(target, "store", "add", str(write_csv(tmp_path / "first.csv", _rows("first", 50))))
    assert first.returncode == 0, first.stderr
    big = write_csv(tmp_path / "big.csv", _rows("big", 20_000))
    env = {**os.environ, "KOSOVO_MAP_STORE": target}
    writer = subprocess.Popen([sys.executable, "-m", "cli", "store", "add", str(big)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 240
    while not _inside_a_write(target) and writer.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    assert writer.poll() is None, "the writer finished before it could be killed mid-batch"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    with open_store(target) as store:
        ids = [r["id"] for r in store.rows("incident")]
        assert ids == [f"first-{n}" for n in range(50)]  # every committed row, and nothing of the killed batch
        assert len(store.history()) == 50
