"""The store on both engines, side by side in one run: rows kept per second, and window queries at scale.

    python benchmarks/bench_store.py [--rows 1000000] [--batches 20] [--batch 100]

Writers: 1 and 5 processes each keep `--batches` batches of `--batch` rows through
`Store.save` (every row checked as an upload is, one transaction per batch), all
starting together; rows kept per second of wall time.

Queries: `--rows` synthetic incidents (benchmarks/synthetic.py: made up, never
for data/) are put in each store straight through the engine (the checks are
not what is measured here), then window and bounding-box queries run through
the store's indexes (SQLite: R*Tree over days and coordinates; PostGIS: GiST on
the point and on the date range), against the same query with the indexes
switched off (SQLite: `NOT INDEXED` scan of the records table; PostgreSQL:
index scans disabled), measured in the same run.

PostgreSQL runs in a throwaway cluster with its default durability (fsync on),
like SQLite's WAL with synchronous=FULL. Machines here are shared and noisy:
read the ratios, not the rates.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import generate
from geo.store import StoredRecord, open_store
from geo.store.records import Where, now
from tests.postgres import Cluster, find_bindir

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = {
    "one month, all Kosovo": (date(2023, 5, 1), date(2023, 5, 31), None),
    "one month, Zvečan area": (date(2023, 5, 1), date(2023, 5, 31), (20.80, 42.88, 20.90, 42.94)),
    "one week, Zvečan area": (date(2023, 5, 26), date(2023, 6, 1), (20.80, 42.88, 20.90, 42.94)),
    "one year, north": (date(2023, 1, 1), date(2023, 12, 31), (20.55, 42.80, 21.05, 43.30)),
}
_NOW = now()
_WRITER = """
import sys, time
from pathlib import Path
from geo.store import open_store
target, prefix, batches, size, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), Path(sys.argv[5])
with open_store(target) as store:
    store.context
    Path(f"{go}.{prefix}").touch()
    while not go.exists():
        time.sleep(0.001)
    for b in range(batches):
        rows = [{"id": f"{prefix}-{b}-{n}", "date": "2023-05-29", "event_type": "Protests",
                 "sub_event_type": "Peaceful protest", "place_id": "zvecan", "summary": "bench",
                 "source_publisher": "Bench", "source_title": "Bench"} for n in range(size)]
        store.save(rows, "incident", prefix)
"""


def writers_rate(target: str, writers: int, batches: int, size: int, folder: Path) -> float:
    """Rows kept per second with `writers` processes saving at once."""
    go = folder / f"go-{writers}-{time.monotonic_ns()}"
    prefixes = [f"w{writers}x{n}-{time.monotonic_ns()}" for n in range(writers)]
    command = [sys.executable, "-c", _WRITER, target]
    processes = [subprocess.Popen([*command, p, str(batches), str(size), str(go)], cwd=ROOT) for p in prefixes]
    while not all(Path(f"{go}.{p}").exists() for p in prefixes):
        time.sleep(0.01)
    start = time.perf_counter()
    go.touch()
    if any(p.wait() != 0 for p in processes):
        raise RuntimeError("a writer failed")
    return writers * batches * size / (time.perf_counter() - start)


def _records(rows: int, chunk: int = 50_000) -> Iterator[list[StoredRecord]]:
    frame = generate(rows, seed=1)
    for start in range(0, rows, chunk):
        part = frame.iloc[start : start + chunk]
        yield [_record(r) for r in part[["id", "date", "end_date", "lat", "lon"]].itertuples(index=False)]


def _record(r: tuple) -> StoredRecord:
    record_id, first, end, lat, lon = r
    last = end.date() if end == end and end is not None else first.date()
    row = {"id": record_id, "date": first.date().isoformat(), "event_type": "Protests", "lat": str(lat),
           "lon": str(lon), "source_publisher": "Synthetic", "source_title": "Benchmark"}  # fmt: skip
    where = Where(float(lat), float(lon), first.date(), last)
    return StoredRecord(record_id, "incident", row, where, 1, False, "bench", _NOW, "bench", _NOW, "bench")


def fill(target: str, rows: int) -> float:
    """Put `rows` synthetic incidents in the store through its engine; returns seconds."""
    start = time.perf_counter()
    with open_store(target) as store:
        for records in _records(rows):
            with store.engine.write() as transaction:
                transaction.insert(records)
    if target.startswith("postgresql://"):  # what autovacuum does soon after a bulk load: let it finish first
        import psycopg

        with psycopg.connect(target, autocommit=True) as connection:
            connection.execute("VACUUM (ANALYZE) records")
    return time.perf_counter() - start


def _median_time(run: Callable[[], int], repeats: int = 5) -> tuple[float, int]:
    times, found = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        found = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), found


def _scan_sqlite(path: str, start: date, end: date, bbox: tuple | None) -> Callable[[], int]:
    """The same records, read by scanning the table (no R*Tree), into the same values."""
    import sqlite3

    from geo.store import sqlite as engine

    connection = sqlite3.connect(path)
    query = f"SELECT {engine._RECORD_COLUMNS} FROM records NOT INDEXED WHERE layer = 'incident' AND deleted = 0 "
    query += "AND first_date <= ? AND (last_date IS NULL OR last_date >= ?)"
    params: list = [end.isoformat(), start.isoformat()]
    if bbox:
        query += " AND lon BETWEEN ? AND ? AND lat BETWEEN ? AND ?"
        params += [bbox[0], bbox[2], bbox[1], bbox[3]]
    return lambda: len([engine._record(r) for r in connection.execute(query, params)])


def _scan_postgis(url: str, start: date, end: date, bbox: tuple | None) -> Callable[[], int]:
    """The same query with index scans switched off, into the same values."""
    import psycopg

    from geo.store import postgis as engine

    connection = psycopg.connect(url, autocommit=True, options="-c TimeZone=UTC")
    connection.execute("SET enable_indexscan = off; SET enable_bitmapscan = off")
    query = f"SELECT {engine._RECORD_COLUMNS} FROM records WHERE layer = 'incident' AND NOT deleted AND "
    query += "daterange(first_date, last_date, '[]') && daterange(%s, %s, '[]')"
    params: list = [start, end]
    if bbox:
        query += " AND geom && ST_MakeEnvelope(%s, %s, %s, %s, 4326)"
        params += list(bbox)
    return lambda: len([engine._record(r) for r in connection.execute(query, params).fetchall()])


def query_times(target: str, scan: Callable) -> list[tuple[str, float, float, int]]:
    """(window, indexed seconds, scan seconds, rows found) for each window."""
    results = []
    with open_store(target) as store:
        for name, (start, end, bbox) in WINDOWS.items():
            indexed, found = _median_time(lambda s=start, e=end, b=bbox: len(store.window("incident", s, e, b)))
            scanned, scan_found = _median_time(scan(target, start, end, bbox), repeats=3)
            if scan_found != found:
                raise RuntimeError(f"{name}: index found {found}, scan {scan_found}")
            results.append((name, indexed, scanned, found))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--batches", type=int, default=20)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--only", choices=("SQLite", "PostGIS"), help="run one engine only")
    parser.add_argument("--no-writers", action="store_true", help="skip the writer runs")
    parser.add_argument("--no-queries", action="store_true", help="skip the window queries")
    args = parser.parse_args()
    bindir = find_bindir()
    if bindir is None:
        sys.exit("needs PostgreSQL with PostGIS (make postgres)")
    cluster = Cluster(bindir, fast=False).start()
    try:
        cluster.make_template()
        with tempfile.TemporaryDirectory() as folder:
            run(args, cluster, Path(folder))
    finally:
        cluster.stop()


def run(args: argparse.Namespace, cluster: Cluster, folder: Path) -> None:
    engines = {
        "SQLite": (str(folder / "w.sqlite3"), _scan_sqlite),
        "PostGIS": (cluster.fresh_database(), _scan_postgis),
    }
    print(f"rows kept per second ({args.batches} batches of {args.batch} rows per writer, every row checked)")
    print("| engine | 1 writer | 5 writers |\n|---|---|---|")
    for name, (target, _) in engines.items():
        if args.no_writers or args.only not in (None, name):
            continue
        with open_store(target):
            pass
        one, five = (writers_rate(target, w, args.batches, args.batch, folder) for w in (1, 5))
        print(f"| {name} | {one:,.0f}/s | {five:,.0f}/s |", flush=True)
    if args.no_queries:
        return
    print(f"\nwindow queries over {args.rows:,} stored incidents (median of 5; scan: median of 3)")
    print("| engine | window | rows found | with the index | scan | ratio |\n|---|---|---|---|---|---|")
    targets = {"SQLite": str(folder / "q.sqlite3"), "PostGIS": cluster.fresh_database()}
    for name, target in targets.items():
        if args.only not in (None, name):
            continue
        seconds = fill(target, args.rows)
        print(f"| {name} | (filled in {seconds:.0f} s) | | | | |", flush=True)
        for window, indexed, scanned, found in query_times(target, engines[name][1]):
            print(f"| {name} | {window} | {found:,} | {indexed * 1000:.0f} ms | {scanned * 1000:.0f} ms | "
                  f"{scanned / indexed:.1f}× |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
