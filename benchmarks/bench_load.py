"""Loading through our checks: the columnar loader and GeoParquet against the row loader, in one run.

    python -m benchmarks.bench_load [--n 1000000] [--row-n N] [--rounds 1]

Writes N seeded synthetic incidents (benchmarks/synthetic.py) as our upload
CSV and as GeoParquet (our own export), then loads each in a fresh process, as
`--data FILE` does: the row loader on the CSV (on --row-n rows, scaled
linearly to N when smaller, and marked so), the columnar loader on the CSV, and
the GeoParquet file. For each it prints the wall time, the CPU time of all
threads, the process's peak memory (Python and the libraries included) and the
part of it the load added; then the ratios against the row loader. The checks
are the same on every path and every row is checked. Beside them, the same
files read with what a user would pick instead, which checks nothing: geopandas
(`pandas.read_csv` and `points_from_xy`, or `geopandas.read_parquet`) and
pyarrow's readers alone, the floor of turning the file's bytes into columns.
Machines here are shared and noisy: read the ratios, and run more --rounds.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _status_mb(field: str) -> float:
    """A memory figure of this process from /proc (getrusage's peak would carry the parent's over exec)."""
    with open("/proc/self/status") as handle:
        line = next(line for line in handle if line.startswith(f"{field}:"))
    return int(line.split()[1]) / 1024


def _peak_mb() -> float:
    return _status_mb("VmHWM")


def _resident_mb() -> float:
    return _status_mb("VmRSS")


def _peer(kind: str, path: Path) -> int:
    """Read the file as a user of geopandas would, or with pyarrow alone (kind "pyarrow"); no checks."""
    if kind == "pyarrow":
        import pyarrow.csv as pa_csv
        import pyarrow.parquet as pq

        return (pq.read_table(path) if path.suffix == ".parquet" else pa_csv.read_csv(path)).num_rows
    import geopandas as gpd
    import pandas as pd

    if path.suffix == ".parquet":
        return len(gpd.read_parquet(path))
    frame = pd.read_csv(path)
    return len(gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(frame["lon"], frame["lat"]), crs=4326))


def _child_peer(kind: str, path: Path) -> None:
    import geopandas  # noqa: F401  (imported before the clock starts, as our loader's libraries are)
    import pyarrow.parquet  # noqa: F401

    before = _resident_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    added = _peer(kind, path)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(json.dumps({"wall": wall, "cpu": cpu, "peak": _peak_mb(), "base": before, "added": added}))


def _child(kind: str, path: Path) -> None:
    """One load in this (fresh) process; prints its measurements as JSON.

    The peak is the process's whole peak (Python, the libraries and the checking context too), so a load
    that needs less than the context took to build adds nothing to it; "load +" is the peak over what was
    resident just before the load.
    """
    from geo.dataset import load_context
    from geo.records.loading import check_path

    context = load_context()
    context.municipalities.locate_all([20.8] * 30_000, [42.9] * 30_000)  # the look-up grid is built once per server
    before = _resident_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    check = check_path(path, context, columnar=kind != "rows")
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    result = {"wall": wall, "cpu": cpu, "peak": _peak_mb(), "base": before, "added": check.added}
    print(json.dumps({**result, "problems": len(check.problems), "columnar": check.columnar}))


def _measure(kind: str, path: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_load", "--child", kind, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])


def _write(n: int, folder: Path, name: str) -> tuple[Path, Path]:
    """N synthetic incidents as our upload CSV and as GeoParquet."""
    from benchmarks.synthetic import generate, write_csv
    from components.export import to_geoparquet

    frame = generate(n, seed=11)
    csv_path, parquet_path = folder / f"{name}.csv", folder / f"{name}.parquet"
    write_csv(frame, csv_path)
    parquet_path.write_bytes(to_geoparquet(frame, frame.iloc[0:0]))
    return csv_path, parquet_path


def _line(label: str, result: dict[str, Any], scale: float = 1.0, note: str = "") -> None:
    print(
        f"  {label:<38} {result['wall'] * scale:8.2f} s  cpu {result['cpu'] * scale:8.2f} s  "
        f"peak {result['peak']:7.0f} MB (load +{result['peak'] - result['base']:5.0f} MB)  "
        f"{result['added']:>9,} added{note}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="rows (default 1,000,000)")
    parser.add_argument("--row-n", type=int, help="rows for the row loader (default --n; scaled up when smaller)")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--child", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, path = args.child[0], Path(args.child[1])
        (_child_peer if kind in ("geopandas", "pyarrow") else _child)(kind, path)
        return
    row_n = min(args.row_n or args.n, args.n)
    with tempfile.TemporaryDirectory() as folder:
        csv_path, parquet_path = _write(args.n, Path(folder), "all")
        files = (csv_path, parquet_path)
        row_path = csv_path if row_n == args.n else _write(row_n, Path(folder), "sample")[0]
        print(f"{args.n:,} synthetic incidents: CSV {csv_path.stat().st_size / 1e6:.0f} MB, "
              f"GeoParquet {parquet_path.stat().st_size / 1e6:.0f} MB")  # fmt: skip
        for round_ in range(1, args.rounds + 1):
            print(f"round {round_}")
            rows = _measure("rows", row_path)
            columns, parquet = _measure("columns", csv_path), _measure("columns", parquet_path)
            scale = args.n / row_n
            _line("row loader, CSV", rows, scale, f"  (measured on {row_n:,}, times scaled)" if scale != 1 else "")
            _line("columnar loader, CSV", columns)
            _line("GeoParquet", parquet)
            peers = {(kind, path): _measure(kind, path) for kind in ("geopandas", "pyarrow") for path in files}
            for (kind, path), result in peers.items():
                label = {"geopandas": "geopandas, no checks,", "pyarrow": "pyarrow alone, no checks,"}[kind]
                _line(f"{label} {'GeoParquet' if path.suffix == '.parquet' else 'CSV'}", result)
            for label, result in (("columnar", columns), ("GeoParquet", parquet)):
                print(
                    f"  {label} vs row loader: {rows['wall'] * scale / result['wall']:5.1f}x faster (wall), "
                    f"{rows['cpu'] * scale / result['cpu']:5.1f}x (cpu)"
                )
            for ours, path in ((columns, csv_path), (parquet, parquet_path)):
                name = "GeoParquet" if path.suffix == ".parquet" else "CSV"
                print(
                    f"  {name}: ours with every check {peers['geopandas', path]['wall'] / ours['wall']:4.1f}x "
                    f"as fast as geopandas without any; pyarrow's read alone is "
                    f"{peers['pyarrow', path]['wall'] / ours['wall']:4.2f} of ours"
                )
            time.sleep(1)


if __name__ == "__main__":
    main()
