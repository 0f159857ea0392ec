"""`kosovo-map serve`: the app with its data loaded as the server starts (issue 13: the first page's wait)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.synthetic import generate, write_csv
from cli.parser import build_parser
from cli.serve import APP, streamlit_arguments
from geo.dataset import Dataset
from tests.browser import (
    CHROMIUM,
    CHROMIUM_ARGS,
    COUNT_RECORDS,
    ROOT,
    block_network,
    free_port,
    needs_chromium,
    server_process,
)

ROWS = 40


@pytest.fixture(scope="module")
def data_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "forty.csv"
    write_csv(generate(ROWS, seed=11), path)
    return path


def _parsed(*arguments: str) -> argparse.Namespace:
    return build_parser().parse_args(["serve", *arguments])


def test_serve_passes_its_files_to_the_page_as_data_does() -> None:
    arguments = streamlit_arguments(_parsed("--data", "a.csv", "b.parquet", "--port", "8600", "--headless"))
    assert arguments == [
        "run", str(APP), "--server.port", "8600", "--server.headless", "true", "--", "--data", "a.csv", "b.parquet",
    ]  # fmt: skip
    assert streamlit_arguments(_parsed("--address", "0.0.0.0"))[-2:] == ["--server.address", "0.0.0.0"]


_WARM_THEN_SESSION = """
import json, sys
from pathlib import Path
import components.datasources as sources
checks = []
real = sources.load_user_path
def counted(path, dataset, columnar=None):
    checks.append(str(path))
    return real(path, dataset, columnar)
sources.load_user_path = counted
from components.warmup import warm
paths = (Path(sys.argv[1]),)
warm(paths)
warmed_folium = "streamlit_folium" in sys.modules
dataset = sources.shared_data(paths)  # what the first session asks for
print(json.dumps({"checks": checks, "folium": warmed_folium, "incidents": len(dataset.incidents)}))
"""


def test_warming_checks_the_file_once_for_every_session_and_declares_no_component(
    data_file: Path, dataset: Dataset
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _WARM_THEN_SESSION, str(data_file)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["checks"] == [str(data_file)]  # the session found the warm-up's result, and checked nothing again
    assert found["incidents"] == len(dataset.incidents) + ROWS
    # A component declared outside a session is registered nowhere the server looks: the map's frame would 404.
    assert found["folium"] is False


@pytest.fixture(scope="module")
def served(data_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    port = free_port()
    command = [sys.executable, "-m", "cli", "serve", "--headless", "--port", str(port), "--address", "127.0.0.1",
               "--data", str(data_file)]  # fmt: skip
    home = tmp_path_factory.mktemp("home")
    with server_process(command, port, env={"KOSOVO_MAP_HOME": str(home)}) as url:
        yield url, ROOT / "test-artifacts" / f"streamlit-{port}.log"


@pytest.mark.browser
@needs_chromium
def test_the_served_page_draws_the_named_file_beside_ours(served: tuple[str, Path], dataset: Dataset) -> None:
    from playwright.sync_api import sync_playwright

    url, log = served
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        aborted = block_network(page, (url, "data:", "blob:"))
        page.goto(url)
        frame = page.wait_for_selector("iframe[title='streamlit_folium.st_folium']", timeout=60_000).content_frame()
        frame.wait_for_selector(".leaflet-container", timeout=60_000)
        counts: dict[str, Any] = {}
        for _ in range(120):
            counts = frame.evaluate(COUNT_RECORDS)
            if counts["incident"] == len(dataset.incidents) + ROWS:
                break
            page.wait_for_timeout(250)
        browser.close()
    assert counts == {"incident": len(dataset.incidents) + ROWS, "deployment": len(dataset.deployments)}
    console = log.read_text(encoding="utf-8")
    assert "the data is ready" in console
    assert "Traceback" not in console and "missing ScriptRunContext" not in console  # the warm-up's is expected
    assert not [u for u in aborted if "tile.openstreetmap.org" not in u and "basemaps.cartocdn" not in u], aborted


def test_a_missing_file_is_said_before_anything_starts(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.csv"
    done = subprocess.run(
        [sys.executable, "-m", "cli", "serve", "--headless", "--data", str(missing)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.strip() == f"{missing}:0:-: no such file"
    assert "Traceback" not in done.stdout + done.stderr and "You can now view" not in done.stdout


_PULLS_IN_FOLIUM = (
    "import importlib, sys; importlib.import_module(sys.argv[1]); print('streamlit_folium' in sys.modules)"
)


def test_the_warm_up_imports_every_module_of_the_page_that_declares_no_component() -> None:
    """PAGE_MODULES is kept by hand: a module app.py imports is warmed unless importing it declares a component."""
    import ast

    from components.warmup import PAGE_MODULES

    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    ours = sorted(m for m in imported if m.startswith(("components.", "geo.")) and m not in PAGE_MODULES)
    for module in ours:  # each left out must be one that pulls in streamlit_folium
        done = subprocess.run([sys.executable, "-c", _PULLS_IN_FOLIUM, module], cwd=ROOT, capture_output=True,
                              text=True, timeout=120, check=True)  # fmt: skip
        assert done.stdout.strip() == "True", f"{module} is imported by app.py but not warmed"
