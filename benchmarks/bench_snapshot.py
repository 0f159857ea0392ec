"""Snapshot speed on the shipped data: standalone HTML and PNG, against plain folium output, in one run.

    python -m benchmarks.bench_snapshot [--runs 5] [--n 100000 1000000]

Baseline: the same map saved the way folium does by default (`get_root().render()`,
scripts left on CDNs, so the file does not work offline). Ours inlines every asset
and adds the header. The PNG time includes starting Chromium, as `kosovo-map
snapshot --png` does. Aims: HTML ≤ 2 s, PNG ≤ 10 s.

With --n, it also runs the whole `kosovo-map snapshot --data FILE -o OUT`
command on N synthetic incidents (CSV to written HTML, start-up included) and
prints it against the aims of issue 13: at 100k ≤ 3 s, ≤ 5 MB, drawn ≤ 2 s; at
1M ≤ 20 s, ≤ 1.5 GB peak, ≤ 25 MB, drawn ≤ 5 s (zoomed out: aggregates).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.bench_peers import snapshot_command
from benchmarks.drawn import Probe, drawn_seconds
from benchmarks.synthetic import generate, write_csv
from components.filters import shown
from components.mapview import build_map
from components.snapshot import SnapshotInfo, snapshot_html, snapshot_png
from components.view import View
from geo.dataset import load_dataset


def median_seconds(work, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


# (seconds, peak MB, page MB, drawn seconds) per size: issue 13's aims for the whole command.
AIMS = {100_000: (3.0, None, 5.0, 2.0), 1_000_000: (20.0, 1500.0, 25.0, 5.0)}


def _against(value: float, aim: float | None, unit: str) -> str:
    return f"{value:8.2f} {unit}" + ("" if aim is None else f" ({value / aim:.2f}x the aim of {aim:g} {unit})")


def at_scale(n: int) -> None:
    """The whole snapshot command on n synthetic incidents, against the aims."""
    seconds_aim, peak_aim, size_aim, drawn_aim = AIMS.get(n, (None, None, None, None))
    with tempfile.TemporaryDirectory() as name:
        csv, out = Path(name) / "synthetic.csv", Path(name) / "snapshot.html"
        write_csv(generate(n, seed=1), csv)
        seconds, peak = snapshot_command(csv, out)
        drawn = drawn_seconds(out, Probe(canvas="canvas.nk-dense", markers=".nk-marker, .nk-cluster"))
        size = out.stat().st_size
    print(f"kosovo-map snapshot --data ({n:,} synthetic incidents), CSV to written HTML:")
    print(f"  whole command: {_against(seconds, seconds_aim, 's')}")
    print(f"  peak memory:   {_against(peak, peak_aim, 'MB')}")
    print(f"  page:          {_against(size / 1e6, size_aim, 'MB')}, {size / n:.1f} bytes per incident, page included")
    print("  drawn:         " + ("not drawn" if drawn.seconds is None else _against(drawn.seconds, drawn_aim, "s")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--n", type=int, nargs="*", default=[], help="also time the command on N synthetic incidents")
    args = parser.parse_args()
    dataset = load_dataset()
    view = View()
    incidents, deployments = shown(dataset.incidents, dataset.deployments, view)
    frame = dataset.municipalities.frame
    info = SnapshotInfo(len(dataset.incidents))
    plain = median_seconds(lambda: build_map(incidents, deployments, frame, view).get_root().render(), args.runs)
    html = median_seconds(lambda: snapshot_html(incidents, deployments, frame, view, info), args.runs)
    page = snapshot_html(incidents, deployments, frame, view, info)
    png = median_seconds(lambda: snapshot_png(page), max(1, args.runs // 2))
    print(f"plain folium HTML (CDN links, baseline): {plain:.3f} s")
    print(f"standalone HTML snapshot:                {html:.3f} s ({html / plain:.1f}x the baseline; aim <= 2 s)")
    print(f"PNG snapshot, Chromium start included:   {png:.2f} s ({png / plain:.0f}x the baseline; aim <= 10 s)")
    for n in args.n:
        at_scale(n)


if __name__ == "__main__":
    main()
