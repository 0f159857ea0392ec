"""Map building at scale: our pipeline against a newcomer's one-marker-per-row map, in one run.

    python benchmarks/bench_map.py --n 100000 [--window-days 365] [--browser] [--load]

Generates N seeded synthetic incidents over Kosovo and 2021-2024, then times:
loading them through our checks (--load; ~80 µs a row), filtering a date window,
building the map and rendering it to HTML; and the baseline, one folium.Marker
with a popup per row, on the same rows (run for real up to --baseline-max rows,
extrapolated linearly above and marked so). With --browser it also times the
page in headless Chromium until every record is drawn. Machines here are shared
and noisy: read the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import folium
import pandas as pd

from benchmarks.synthetic import generate, write_csv
from components.assets import inline_html
from components.filters import in_window
from components.mapview import build_map
from components.view import View
from geo.dataset import load_dataset, load_user_file


def timed(label: str, work: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - started
    print(f"  {label:<34} {seconds:8.3f} s")
    return result, seconds


def baseline_html(incidents: pd.DataFrame) -> str:
    """What a newcomer writes: one Marker with an HTML popup per row."""
    fmap = folium.Map(location=(42.9, 20.8), zoom_start=9)
    for row in incidents.itertuples():
        popup = f"<b>{row.event_type}</b><br>{row.date:%Y-%m-%d} {row.place_name}<br>{row.summary}"
        folium.Marker((row.lat, row.lon), popup=folium.Popup(popup)).add_to(fmap)
    return fmap.get_root().render()


def browser_seconds(html: str) -> float:
    """Seconds from navigation until the page has drawn its records (the dense layer's first draw, or markers)."""
    from playwright.sync_api import sync_playwright

    from components.snapshot import CHROMIUM, CHROMIUM_ARGS

    check = """() => {
      const canvas = document.querySelector('canvas.nk-dense');
      if (canvas) return canvas.dataset.total !== undefined;
      return document.querySelectorAll('.nk-marker, .nk-cluster').length > 0;
    }"""
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        path = Path(folder) / "map.html"
        path.write_text(html, encoding="utf-8")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        started = time.perf_counter()
        page.goto(path.as_uri(), wait_until="commit")
        page.wait_for_function(check, timeout=120_000, polling=50)
        seconds = time.perf_counter() - started
        browser.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="synthetic incidents (default 100,000)")
    parser.add_argument("--window-days", type=int, default=365, help="length of the date window")
    parser.add_argument("--baseline-max", type=int, default=30_000, help="largest baseline run for real")
    parser.add_argument("--browser", action="store_true", help="also time drawing in headless Chromium")
    parser.add_argument("--load", action="store_true", help="also time loading the rows through our checks")
    args = parser.parse_args()
    print(f"N = {args.n:,} synthetic incidents")
    frame, _ = timed("generate (seeded)", lambda: generate(args.n, seed=1))
    if args.load:
        dataset = load_dataset()
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "synthetic.csv"
            write_csv(frame, path)
            timed("load through our checks", lambda: load_user_file(path.name, path.read_bytes(), dataset))
    municipalities = load_dataset().municipalities.frame
    start = date(2022, 1, 1)
    view = View(start=start, end=start + timedelta(days=args.window_days - 1), layers=("incidents", "boundaries"))
    shown, filter_s = timed("filter date window", lambda: in_window(frame, view.start, view.end))
    empty = frame.iloc[0:0]
    fmap, build_s = timed("build map", lambda: build_map(shown, empty, municipalities, view))
    html, render_s = timed("render to HTML", lambda: fmap.get_root().render())
    ours = filter_s + build_s + render_s
    print(f"  window: {len(shown):,} incidents; HTML {len(html) / 1e6:.1f} MB")
    sample = shown.iloc[: args.baseline_max]
    base_html, base_s = timed(f"baseline on {len(sample):,} rows", lambda: baseline_html(sample))
    scale = len(shown) / max(len(sample), 1)
    baseline = base_s * scale
    note = "" if scale == 1 else f" (extrapolated x{scale:.1f} from {len(sample):,} rows)"
    print(f"  baseline: {baseline:.1f} s{note}, HTML {len(base_html) * scale / 1e6:.0f} MB")
    print(f"window change to map HTML: {ours:.3f} s; {baseline / ours:.0f}x faster than the baseline")
    if args.browser:
        page = inline_html(build_map(shown, empty, municipalities, view))  # offline: scripts inlined
        print(f"drawn in headless Chromium (offline, scripts inlined): {browser_seconds(page):.2f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (whole process): {peak:,.0f} MB")


if __name__ == "__main__":
    main()
