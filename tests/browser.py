"""Shared helpers for the browser tier: Debian's Chromium, a real `streamlit run`, no network."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from components.snapshot import CHROMIUM
from components.snapshot import CHROMIUM_ARGS as SNAPSHOT_CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = list(SNAPSHOT_CHROMIUM_ARGS)
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (make browser)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def streamlit_server(
    script: Path,
    env: dict[str, str] | None = None,
    timeout: float = 60.0,
    options: Sequence[str] = (),
    port: int | None = None,
) -> Iterator[str]:
    """Run `streamlit run script` on a free port (or `port`), with extra `options`; yield its URL; stop it."""
    port = port or free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none", *options]  # fmt: skip
    with server_process(command, port, env, timeout) as url:
        yield url


@contextlib.contextmanager
def server_process(
    command: Sequence[str], port: int, env: dict[str, str] | None = None, timeout: float = 60.0
) -> Iterator[str]:
    """Run a command that serves the app on `port`, its output in test-artifacts; yield its URL once healthy."""
    log = ARTIFACTS / f"streamlit-{port}.log"
    ARTIFACTS.mkdir(exist_ok=True)
    with open(log, "wb") as output:
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(url, process, timeout, log)
            yield url
        finally:
            process.terminate()
            process.wait(timeout=20)


def _wait_healthy(url: str, process: subprocess.Popen[bytes], timeout: float, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{log.read_text()}")
        with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            if response.status == 200:
                return
        time.sleep(0.3)
    raise TimeoutError(f"streamlit did not start within {timeout} s:\n{log.read_text()}")


def block_network(page: object, allowed_prefixes: tuple[str, ...]) -> list[str]:
    """Abort every request that does not start with an allowed prefix; return the aborted URLs."""
    aborted: list[str] = []

    def route(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith(allowed_prefixes):
            route.continue_()  # type: ignore[attr-defined]
        else:
            aborted.append(url)
            route.abort()  # type: ignore[attr-defined]

    page.route("**/*", route)  # type: ignore[attr-defined]
    return aborted


# The records each kind of layer holds on the shown map, read from the map script's own registry:
# a cluster layer's markers, or a canvas layer's records.
COUNT_RECORDS = """() => {
  const counts = {incident: 0, deployment: 0};
  for (const entry of (window.NK && NK.layers) || []) {
    if (!entry.group._map || entry.hidden || !(entry.records.layer in counts)) continue;
    const held = entry.layer.getLayers ? entry.layer.getLayers().length : entry.records.n;
    counts[entry.records.layer] += held;
  }
  return counts;
}"""

# Click the record nearest a latitude as a reader would: its cluster opens and the marker is clicked.
CLICK_RECORD_AT = """(lat) => {
  for (const entry of (window.NK && NK.layers) || []) {
    if (!entry.layer.getLayers) continue;
    for (const marker of entry.layer.getLayers()) {
      if (Math.abs(marker.getLatLng().lat - lat) < 1e-4) {
        entry.layer.zoomToShowLayer(marker, () => marker.fire('click'));
        return true;
      }
    }
  }
  return false;
}"""

# Bring the first record of a kind into the middle of the map, uncovered, as a reader panning to it would;
# returns its marker's selector index among the visible markers of that kind.
# Centre the first marker of a kind and wait until it has stopped moving: zoomToShowLayer calls back while a
# spiderfied marker may still glide to its leg (a click then lands where it was, and opens nothing: seen 1 run in 4
# under load), so the marker's box must hold still for a quarter of a second, as it would before a person clicks.
CENTRE_FIRST_MARKER = """(kind) => {
  const settled = (marker, done) => {
    let last = '', still = 0;
    const look = () => {
      const box = marker._icon ? marker._icon.getBoundingClientRect() : {x: 0, y: 0};
      const now = box.x.toFixed(1) + ',' + box.y.toFixed(1);
      still = now === last ? still + 1 : 0;
      last = now;
      if (still >= 5) done(marker.nkLabel); else setTimeout(look, 50);
    };
    look();
  };
  for (const entry of (window.NK && NK.layers) || []) {
    if (entry.records.layer !== kind || !entry.layer.getLayers) continue;
    const marker = entry.layer.getLayers()[0];
    const map = entry.group._map;
    map.setView(marker.getLatLng(), 14, {animate: false});
    return new Promise(done => entry.layer.zoomToShowLayer(marker, () => settled(marker, done)));
  }
  return null;
}"""
