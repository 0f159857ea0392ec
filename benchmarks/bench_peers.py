"""Our map and snapshot against lonboard, pydeck and folium's FastMarkerCluster and HeatMap, on the same points.

    pip install -e ".[bench]"          # lonboard, pydeck, playwright, psutil
    python -m benchmarks.bench_peers [--n 100000 1000000] [--tools ...] [--json results.json]

One run, one process (the snapshot command runs as its own process, as people
run it), the same seeded synthetic incidents (benchmarks/synthetic.py) for every
tool. For each tool, size and mode (points zoomed in, aggregates zoomed out):

- build: from the frame in memory to the HTML text. Ours: the app's map
  path, `record_layers` and the base map turned into what `st_folium` sends
  (streamlit-folium's own functions); the snapshot page, `snapshot_html` on the
  same frame. The snapshot: the whole `kosovo-map snapshot --data FILE -o OUT`
  process, CSV to written HTML, start-up and the checks of every row included;
- HTML: the bytes the tool produces, and per point the bytes added by each point
  over a 1,000-point page;
- peak: the process's peak resident memory above what it held before the build
  (VmHWM, reset before each build); for the snapshot, the whole process's peak;
- drawn: seconds from navigation until the page shows its records in headless
  Chromium with software WebGL (benchmarks/drawn.py says how it is read);
- offline: whether the page draws with every request refused. Pages that need
  CDNs are timed with those URLs answered from local npm copies
  (benchmarks/peer_assets.py); tiles are never loaded.

Ratios are each peer's figure over ours in the same mode (> 1: we are ahead).
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from benchmarks.drawn import Drawn, Probe, drawn_seconds
from benchmarks.peer_assets import peer_server, strip_integrity
from benchmarks.peer_report import Result, line, markdown, ratios
from benchmarks.synthetic import generate, write_csv
from components.assets import inline_html
from components.symbols import EVENT_STYLE
from components.view import DEFAULT_CENTER, DEFAULT_ZOOM, View
from geo.dataset import load_dataset
from geo.records.frame import with_points

ROOT = Path(__file__).resolve().parent.parent
SMALL = 1_000  # the page every per-point figure is measured against, and the offline check's size
ZOOMED_IN = ((42.89, 20.87), 14)  # North Mitrovica at street level: points
ZOOMED_OUT = (DEFAULT_CENTER, DEFAULT_ZOOM)  # the app's first view: aggregates
MODES = {"points": ZOOMED_IN, "aggregates": ZOOMED_OUT}
VIEWPORT = (1400, 900)
_OURS = Probe(canvas="canvas.nk-dense", markers=".nk-marker, .nk-cluster")


@dataclass(frozen=True)
class Inputs:
    """The same points for every tool: the frame in memory, as shapely points for lonboard, and as the CSV the
    snapshot command reads."""

    frame: pd.DataFrame
    points: gpd.GeoDataFrame
    csv: Path
    municipalities: gpd.GeoDataFrame
    folder: Path


@dataclass(frozen=True)
class Built:
    """What a build made: the HTML the tool writes, and the page to time (the same, or made local)."""

    html: str
    page: str
    seconds: float
    peak_mb: float


# --- memory -------------------------------------------------------------------


def _status_mb(field: str) -> float:
    text = Path("/proc/self/status").read_text()
    return int(re.search(rf"{field}:\s+(\d+)", text).group(1)) / 1024  # type: ignore[union-attr]


def _measured(work: Callable[[], str]) -> Built:
    """Run a build with the peak-memory mark reset first: time and peak memory above the start."""
    gc.collect()
    ctypes.CDLL("libc.so.6").malloc_trim(0)  # freed memory goes back, so each build starts from the same floor
    Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current resident size
    start = _status_mb("VmRSS")
    began = time.perf_counter()
    html = work()
    seconds = time.perf_counter() - began
    return Built(html, html, seconds, _status_mb("VmHWM") - start)


# --- our two paths ------------------------------------------------------------


def view_bounds(center: tuple[float, float], zoom: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """The ((south, west), (north, east)) a Leaflet map of VIEWPORT shows at center and zoom (Web Mercator)."""
    scale = 256 * 2**zoom
    x = (center[1] + 180) / 360 * scale
    y = (1 - np.log(np.tan(np.radians(center[0])) + 1 / np.cos(np.radians(center[0]))) / np.pi) / 2 * scale

    def lat_lon(px: float, py: float) -> tuple[float, float]:
        lat = np.degrees(np.arctan(np.sinh(np.pi * (1 - 2 * py / scale))))
        return float(lat), float(px / scale * 360 - 180)

    width, height = VIEWPORT
    return lat_lon(x - width / 2, y + height / 2), lat_lon(x + width / 2, y - height / 2)


def _view(mode: str) -> View:
    center, zoom = MODES[mode]
    return View(center=center, zoom=zoom, layers=("incidents", "boundaries", "player"))


def _app_layers(inputs: Inputs, mode: str):  # type: ignore[no-untyped-def]
    from components.mapview import build_base_map, record_layers

    view = _view(mode)
    bounds = view_bounds(view.center, view.zoom) if mode == "points" else None
    names = inputs.municipalities["name_en"].to_dict()
    base = build_base_map(inputs.municipalities, view)
    return base, record_layers(inputs.frame, inputs.frame.iloc[0:0], names, view, bounds)


def _st_folium_payload(inputs: Inputs, mode: str) -> str:
    """What st_folium sends for the map: the base's html, header and script, and each layer's script."""
    from streamlit_folium import _get_feature_group_string, _get_header, _get_html, _get_map_string

    base, layers = _app_layers(inputs, mode)
    base.get_root().render()
    parts = [_get_html(base), _get_header(base), _get_map_string(base)]
    parts += [_get_feature_group_string(shown.group, base, index) for index, shown in enumerate(layers)]
    return "".join(parts)


def build_ours_app(inputs: Inputs, mode: str) -> str:
    """Our app's map path: what st_folium sends for the base map and the record layers."""
    return _st_folium_payload(inputs, mode)


def app_page(inputs: Inputs, mode: str, html: str) -> str:
    """The page the app's iframe ends up with: the base and its layers, every asset inlined (made untimed)."""
    base, layers = _app_layers(inputs, mode)
    for shown in layers:
        shown.group.add_to(base)
    return inline_html(base)


def lonboard_page(inputs: Inputs, mode: str, html: str) -> str:
    """lonboard's page as written, less the SRI hash that npm's (unminified) require.js cannot match."""
    return strip_integrity(html)


def snapshot_command(csv: Path, out: Path) -> tuple[float, float]:
    """Run `kosovo-map snapshot --data CSV -o OUT` from this checkout: wall seconds and peak RSS in MB."""
    command = [sys.executable, "-m", "cli", "snapshot", "--data", str(csv), "-o", str(out)]
    began = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - began
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode() if process.stderr else ""
    if process.returncode not in (0, 1):
        raise RuntimeError(f"kosovo-map snapshot failed ({process.returncode}): {errors[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def _snapshot_page(inputs: Inputs, mode: str) -> str:
    """The snapshot page at the mode's view (the command's own page builder; the CLI has no view options)."""
    from components.snapshot import SnapshotInfo, snapshot_html

    empty = inputs.frame.iloc[0:0]
    return snapshot_html(inputs.frame, empty, inputs.municipalities, _view(mode), SnapshotInfo(len(inputs.frame)))


_COMMAND_RUNS: dict[Path, tuple[float, float]] = {}


def build_ours_snapshot(inputs: Inputs, mode: str) -> Built:
    """The whole snapshot command, CSV to HTML (run once per file); the points page is the same page zoomed in."""
    out = inputs.folder / f"snapshot-{len(inputs.frame)}.html"
    if inputs.csv not in _COMMAND_RUNS:
        _COMMAND_RUNS[inputs.csv] = snapshot_command(inputs.csv, out)
    seconds, peak = _COMMAND_RUNS[inputs.csv]
    html = out.read_text(encoding="utf-8")
    page = html if mode == "aggregates" else _snapshot_page(inputs, mode)
    return Built(html, page, seconds, peak)


# --- the peers ----------------------------------------------------------------


def _colours(frame: pd.DataFrame) -> np.ndarray:
    """Each row's ACLED type colour as RGB bytes, as in our legend."""

    table = np.array([[int(s.colour[i : i + 2], 16) for i in (1, 3, 5)] for s in EVENT_STYLE.values()], np.uint8)
    codes = pd.Categorical(frame["event_type"], categories=list(EVENT_STYLE)).codes
    return table[np.clip(codes, 0, len(table) - 1)]


def _deck_view(mode: str) -> dict[str, float]:
    (lat, lon), zoom = MODES[mode]
    return {"latitude": lat, "longitude": lon, "zoom": zoom - 1}  # deck.gl's zoom counts 512-pixel tiles


def build_lonboard(inputs: Inputs, mode: str) -> str:
    """lonboard: ScatterplotLayer coloured by type (points) or HeatmapLayer (aggregates), its HTML export."""
    from lonboard import HeatmapLayer, Map, ScatterplotLayer

    points = inputs.points
    if mode == "points":
        layer = ScatterplotLayer.from_geopandas(points, get_fill_color=_colours(inputs.frame), radius_min_pixels=3)
    else:
        layer = HeatmapLayer.from_geopandas(points)
    return Map(layer, basemap=None, view_state=_deck_view(mode)).to_html()


def build_pydeck(inputs: Inputs, mode: str) -> str:
    """pydeck: ScatterplotLayer coloured by type (points) or HexagonLayer (aggregates), to_html(offline=True)."""
    import pydeck

    frame = inputs.frame
    data = pd.DataFrame({"lon": frame["lon"].to_numpy(), "lat": frame["lat"].to_numpy()})
    if mode == "points":
        data[["r", "g", "b"]] = _colours(frame)
        layer = pydeck.Layer(
            "ScatterplotLayer", data, get_position=["lon", "lat"], get_fill_color="[r, g, b]", radius_min_pixels=3
        )
    else:
        layer = pydeck.Layer("HexagonLayer", data, get_position=["lon", "lat"], radius=1000, extruded=False)
    deck = pydeck.Deck(layers=[layer], initial_view_state=pydeck.ViewState(**_deck_view(mode)), map_provider=None)
    return deck.to_html(as_string=True, offline=True, notebook_display=False)


def _folium_map(mode: str):  # type: ignore[no-untyped-def]
    import folium

    center, zoom = MODES[mode]
    return folium.Map(location=center, zoom_start=zoom)


def _lat_lon(frame: pd.DataFrame) -> list[list[float]]:
    return np.column_stack([frame["lat"].to_numpy(), frame["lon"].to_numpy()]).tolist()


def build_fast_marker_cluster(inputs: Inputs, mode: str) -> str:
    """folium's FastMarkerCluster, saved as folium saves it (CDN links)."""
    from folium.plugins import FastMarkerCluster

    fmap = _folium_map(mode)
    FastMarkerCluster(_lat_lon(inputs.frame)).add_to(fmap)
    return fmap.get_root().render()


def build_heatmap(inputs: Inputs, mode: str) -> str:
    """folium's HeatMap, saved as folium saves it (CDN links)."""
    from folium.plugins import HeatMap

    fmap = _folium_map(mode)
    HeatMap(_lat_lon(inputs.frame)).add_to(fmap)
    return fmap.get_root().render()


@dataclass(frozen=True)
class Tool:
    """A way to draw the points: its builds, its modes, and how its page shows it has drawn."""

    name: str
    modes: tuple[str, ...]
    probe: Probe
    build: Callable[[Inputs, str], str] | None = None
    build_whole: Callable[[Inputs, str], Built] | None = None
    page: Callable[[Inputs, str, str], str] | None = None  # the page to time, made after the timed build

    def run(self, inputs: Inputs, mode: str) -> Built:
        if self.build_whole is not None:
            return self.build_whole(inputs, mode)
        assert self.build is not None
        built = _measured(lambda: self.build(inputs, mode))  # type: ignore[misc]
        return replace(built, page=self.page(inputs, mode, built.html)) if self.page else built


TOOLS = (
    Tool("ours: app map", ("points", "aggregates"), _OURS, build=build_ours_app, page=app_page),
    Tool("ours: snapshot", ("points", "aggregates"), _OURS, build_whole=build_ours_snapshot),
    # Like for like with the peers' rows: the snapshot's page from the frame in memory, without the command around it.
    Tool("ours: snapshot page", ("points", "aggregates"), _OURS, build=_snapshot_page),
    Tool("lonboard", ("points", "aggregates"), Probe(canvas="canvas"), build=build_lonboard, page=lonboard_page),
    Tool("pydeck", ("points", "aggregates"), Probe(canvas="canvas"), build=build_pydeck),
    Tool(
        "folium FastMarkerCluster",
        ("points", "aggregates"),
        Probe(markers=".marker-cluster, .leaflet-marker-icon"),
        build=build_fast_marker_cluster,
    ),
    Tool("folium HeatMap", ("aggregates",), Probe(canvas="canvas.leaflet-heatmap-layer"), build=build_heatmap),
)


# --- running ------------------------------------------------------------------


def _inputs(n: int, folder: Path) -> Inputs:
    frame = generate(n, seed=1)
    csv = folder / f"synthetic-{n}.csv"
    write_csv(frame, csv)
    points = with_points(frame)[["geometry"]]  # made before any timing, as a geopandas user would hold them
    return Inputs(frame, points, csv, load_dataset().municipalities.frame, folder)


def _time_page(page: str, probe: Probe, folder: Path, timeout_s: float, offline: bool = False, runs: int = 1) -> Drawn:
    """The best of `runs` loads of the page (each in a fresh browser)."""
    path = folder / "page.html"
    path.write_text(page, encoding="utf-8")
    serve = None if offline else peer_server()
    tries = [drawn_seconds(path, probe, serve=serve, timeout_s=timeout_s) for _ in range(runs)]
    drawn = [t for t in tries if t.seconds is not None]
    return min(drawn, key=lambda t: t.seconds or 0) if drawn else tries[0]


def _small_pass(tools: tuple[Tool, ...], folder: Path, timeout_s: float) -> dict[tuple[str, str], tuple[int, str]]:
    """Each tool's page size at SMALL points, and whether it draws with every request refused."""
    inputs = _inputs(SMALL, folder)
    small = {}
    for tool in tools:
        for mode in tool.modes:
            built = tool.run(inputs, mode)
            drawn = _time_page(built.page, tool.probe, folder, min(timeout_s, 30), offline=True)
            small[(tool.name, mode)] = (len(built.html.encode()), "yes" if drawn.seconds is not None else "needs CDN")
    return small


def _row(tool: Tool, mode: str, inputs: Inputs, small: tuple[int, str], timeout_s: float, runs: int) -> Result:
    print(f"  … {tool.name}, {mode}", end="\r", flush=True)
    built = tool.run(inputs, mode)
    size, n = len(built.html.encode()), len(inputs.frame)
    drawn = _time_page(built.page, tool.probe, inputs.folder, timeout_s, runs=runs)
    per_point = (size - small[0]) / (n - SMALL) if n > SMALL else None
    row = Result(tool.name, mode, n, built.seconds, size, per_point, built.peak_mb, drawn.seconds, small[1])
    print(line(row), flush=True)
    return row


def _try_row(
    tool: Tool, mode: str, inputs: Inputs, small: dict[tuple[str, str], tuple[int, str]], timeout_s: float, runs: int
) -> Result | None:
    """A row, or None with the reason printed when the tool fails at this size (the run goes on)."""
    try:
        return _row(tool, mode, inputs, small[(tool.name, mode)], timeout_s, runs)
    except Exception as error:  # a peer running out of memory or crashing at 1M is a result, not a stop
        print(f"  {tool.name:<26} {mode:<10} failed: {type(error).__name__}: {str(error)[:300]}", flush=True)
        return None


def run(sizes: list[int], tools: tuple[Tool, ...], timeout_s: float, runs: int = 1) -> list[Result]:
    """Every tool in every mode at every size, in one process; prints each row as it comes."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        small = _small_pass(tools, folder, timeout_s)
        rows = []
        for n in sizes:
            inputs = _inputs(n, folder)
            print(f"\n{n:,} synthetic incidents", flush=True)
            tried = [_try_row(tool, mode, inputs, small, timeout_s, runs) for tool in tools for mode in tool.modes]
            rows += [row for row in tried if row is not None]
            del inputs
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[100_000, 1_000_000], help="sizes (default 100k and 1M)")
    parser.add_argument("--tools", nargs="+", default=[t.name for t in TOOLS], help="tools to run (default all)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for a page to draw")
    parser.add_argument("--runs", type=int, default=1, help="page loads per row; the best is kept (default 1)")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = parser.parse_args()
    tools = tuple(t for t in TOOLS if t.name in args.tools)
    rows = run(args.n, tools, args.timeout, args.runs)
    for against in ("ours: app map", "ours: snapshot", "ours: snapshot page"):
        print("\n" + "\n".join(ratios(rows, against)))
    print("\n" + markdown(rows))
    if args.json:
        args.json.write_text(json.dumps([asdict(r) for r in rows], indent=1))


if __name__ == "__main__":
    main()
