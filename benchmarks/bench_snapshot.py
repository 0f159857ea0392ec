"""Snapshot speed on the shipped data: standalone HTML and PNG, against plain folium output, in one run.

    python -m benchmarks.bench_snapshot [--runs 5]

Baseline: the same map saved the way folium does by default (`get_root().render()`,
scripts left on CDNs, so the file does not work offline). Ours inlines every asset
and adds the header. The PNG time includes starting Chromium, as `kosovo-map
snapshot --png` does. Aims: HTML ≤ 2 s, PNG ≤ 10 s.
"""

from __future__ import annotations

import argparse
import statistics
import time

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
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


if __name__ == "__main__":
    main()
