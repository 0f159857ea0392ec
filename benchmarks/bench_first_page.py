"""The app's first page in headless Chromium: `streamlit run` against `kosovo-map serve`, in one run.

    python -m benchmarks.bench_first_page [--data FILE] [--wait 0] [--rounds 1]

For each way of starting the server (on a free port, offline), opens the page once the server answers (and, with
--wait S, S seconds later, as a reader who comes after start) and times its milestones from opening: Streamlit's
shell, the title, the map's frame, Leaflet, and our records drawn. `kosovo-map serve` checks the --data file while it
starts, so with a wait it shows what a reader meets once the data is ready; `streamlit run` checks it in the first
session. Prints the ratio of `serve` to `run` for the records drawn. Machines here are shared: read the ratios.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
import time
from pathlib import Path

from tests.browser import CHROMIUM, CHROMIUM_ARGS, free_port, server_process

ROOT = Path(__file__).resolve().parent.parent
_DRAWN = "() => !!(window.NK && NK.layers && NK.layers.some(e => e.group._map && e.records && e.records.n > 0))"
_MILESTONES = (
    ("shell", lambda page: page.locator("[data-testid=stApp]").count() > 0),
    ("title", lambda page: page.locator("text=North Kosovo Incident Map").count() > 0),
    ("map frame", lambda page: page.locator("iframe").count() > 0),
    ("Leaflet", lambda page: any(f.evaluate("() => !!window.L") for f in page.frames[1:])),
    ("drawn", lambda page: any(f.evaluate(_DRAWN) for f in page.frames[1:])),
)


def _command(mode: str, port: int, data: Path | None) -> list[str]:
    if mode == "run":
        files = ["--", "--data", str(data)] if data else []
        return [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
                "--server.port", str(port), "--server.address", "127.0.0.1", *files]  # fmt: skip
    files = ["--data", str(data)] if data else []
    return [sys.executable, "-m", "cli", "serve", "--headless", "--port", str(port), "--address", "127.0.0.1", *files]


def first_page(mode: str, data: Path | None, wait: float, timeout: float = 300.0) -> dict[str, float]:
    """Seconds from opening the page to each milestone, for a server started in this mode."""
    from playwright.sync_api import Error, sync_playwright

    port = free_port()
    with server_process(_command(mode, port, data), port, timeout=120) as url, sync_playwright() as playwright:
        time.sleep(wait)
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url) else route.abort())
        opened, marks = time.monotonic(), {}
        page.goto(url, wait_until="commit")
        while len(marks) < len(_MILESTONES) and time.monotonic() - opened < timeout:
            for name, reached in _MILESTONES:
                if name not in marks:
                    with contextlib.suppress(Error):
                        if reached(page):
                            marks[name] = time.monotonic() - opened
                    break  # milestones come in order: look for the next one only
            time.sleep(0.05)
        browser.close()
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, help="a file for --data (default: 3 synthetic rows)")
    parser.add_argument("--wait", type=float, default=0.0, help="seconds between the server answering and opening")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data = args.data
        if data is None:
            from benchmarks.synthetic import generate, write_csv

            data = Path(folder) / "three.csv"
            write_csv(generate(3, seed=3), data)
        print(f"data: {data} ({data.stat().st_size:,} bytes); opened {args.wait:g} s after the server answers")
        for number in range(1, args.rounds + 1):
            drawn = {}
            for mode in ("run", "serve"):
                marks = first_page(mode, data, args.wait)
                drawn[mode] = marks.get("drawn")
                line = "  ".join(f"{name} {seconds:5.2f} s" for name, seconds in marks.items())
                print(f"round {number} {'streamlit run' if mode == 'run' else 'kosovo-map serve':17s} {line}")
            if drawn["run"] and drawn["serve"]:
                print(f"round {number} serve / run, records drawn: {drawn['serve'] / drawn['run']:.2f}")


if __name__ == "__main__":
    main()
