"""Server time of one app rerun after a slider move, measured with Streamlit's AppTest.

    python benchmarks/bench_app.py [--n 0] [--runs 8]

With --n 0 the app runs on the shipped data; with --n N it also loads N seeded
synthetic incidents (KOSOVO_MAP_DATA), as `streamlit run app.py -- --data FILE`
would. Each run moves the date slider to a new window and times the whole script
run on the server (AppTest runs the script in-process, without a browser).
Baseline in the same run: a rerun where nothing changes (the fixed cost of the page).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=0, help="synthetic incidents to add (default: none)")
    parser.add_argument("--runs", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["KOSOVO_MAP_HOME"] = folder
        if args.n:
            from benchmarks.synthetic import generate, write_csv

            path = Path(folder) / "synthetic.csv"
            write_csv(generate(args.n, seed=3), path)
            os.environ["KOSOVO_MAP_DATA"] = str(path)
        started = time.perf_counter()
        at = AppTest.from_file(APP, default_timeout=600).run()
        print(f"first run (loads and checks the data): {time.perf_counter() - started:.2f} s")
        assert not at.exception, at.exception
        idle, moved = [], []
        for i in range(args.runs):
            started = time.perf_counter()
            at.run()
            idle.append(time.perf_counter() - started)
            start = date(2022, 1, 1) + timedelta(days=7 * i)
            started = time.perf_counter()
            at.slider(key="window").set_value((start, start + timedelta(days=365))).run()
            moved.append(time.perf_counter() - started)
            assert not at.exception, at.exception
    print(f"rerun, nothing changed (baseline): median {statistics.median(idle) * 1000:.0f} ms")
    print(
        f"rerun after a slider move:         median {statistics.median(moved) * 1000:.0f} ms, "
        f"max {max(moved) * 1000:.0f} ms ({statistics.median(moved) / statistics.median(idle):.1f}x the baseline)"
    )


if __name__ == "__main__":
    main()
