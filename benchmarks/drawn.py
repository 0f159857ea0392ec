"""Time until a map page has drawn its records in headless Chromium, the same way for every tool.

"Drawn" is read from the page itself, polled every 50 ms and timed with the
page's own clock (`performance.now()`, from navigation start):

- a canvas matching `Probe.canvas` has painted pixels (at least `MIN_PAINTED`
  of a 280x180 sample are not transparent). WebGL canvases are made with
  `preserveDrawingBuffer` (an init script) so their pixels can be read; no
  basemap tile loads, so only records paint;
- or an element matching `Probe.markers` exists (DOM markers or clusters).

Every request that is not a `file:` URL is refused, except the ones `serve`
answers from local copies (see benchmarks/peer_assets.py). WebGL runs in
software: SwiftShader through ANGLE, with the project's Chromium flags.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from components.snapshot import CHROMIUM, CHROMIUM_ARGS

__all__ = ["WEBGL_ARGS", "Drawn", "Probe", "Server", "drawn_seconds"]

# Software WebGL headless here: ANGLE on SwiftShader (Chromium refuses SwiftShader WebGL without the second flag).
WEBGL_ARGS = (*CHROMIUM_ARGS, "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist")
MIN_PAINTED = 20
VIEWPORT = {"width": 1400, "height": 900}

_PRESERVE_WEBGL = """
(() => {
  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, attributes) {
    if (/webgl/.test(String(type))) attributes = Object.assign({}, attributes, {preserveDrawingBuffer: true});
    return original.call(this, type, attributes);
  };
})();
"""

_DRAWN = """([selector, markers, least]) => {
  if (markers && document.querySelector(markers)) return performance.now();
  if (!selector) return false;
  const probe = document.createElement('canvas');
  probe.width = 280; probe.height = 180;
  const context = probe.getContext('2d', {willReadFrequently: true});
  for (const canvas of document.querySelectorAll(selector)) {
    if (!canvas.width || !canvas.height) continue;
    context.clearRect(0, 0, probe.width, probe.height);
    try { context.drawImage(canvas, 0, 0, probe.width, probe.height); } catch (e) { continue; }
    const pixels = context.getImageData(0, 0, probe.width, probe.height).data;
    let painted = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0 && ++painted >= least) return performance.now();
  }
  return false;
}"""


@dataclass(frozen=True)
class Probe:
    """How to tell that a tool's page has drawn: painted pixels in these canvases, or these DOM markers."""

    canvas: str = ""
    markers: str = ""


@dataclass(frozen=True)
class Drawn:
    """Seconds from navigation until drawn (None: not within the timeout), and the requests refused."""

    seconds: float | None
    refused: tuple[str, ...]
    errors: tuple[str, ...]


Server = Callable[[str], tuple[bytes, str] | None]


def _route(refused: list[str], serve: Server | None) -> Callable[[object], None]:
    def handle(route) -> None:  # type: ignore[no-untyped-def]
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:")):
            route.continue_()
            return
        local = serve(url) if serve else None
        if local is None:
            refused.append(url)
            route.abort()
            return
        body, mime = local
        route.fulfill(body=body, content_type=mime, headers={"access-control-allow-origin": "*"})

    return handle


def _wait(page, probe: Probe, timeout_s: float) -> float | None:  # type: ignore[no-untyped-def]
    argument = [probe.canvas, probe.markers, MIN_PAINTED]
    try:
        handle = page.wait_for_function(_DRAWN, arg=argument, polling=50, timeout=timeout_s * 1000)
    except Exception as error:  # Playwright's TimeoutError, or the page crashing under a huge file
        if "Timeout" in type(error).__name__ or "crash" in str(error).lower():
            return None
        raise
    return float(handle.json_value()) / 1000


def drawn_seconds(html_path: Path, probe: Probe, *, serve: Server | None = None, timeout_s: float = 120.0) -> Drawn:
    """Open the page in a fresh headless Chromium and time it until `probe` says it has drawn."""
    from playwright.sync_api import sync_playwright

    refused: list[str] = []
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(WEBGL_ARGS))
        try:
            page = browser.new_page(viewport=VIEWPORT)
            page.add_init_script(_PRESERVE_WEBGL)
            page.route("**/*", _route(refused, serve))
            page.on("pageerror", lambda error: errors.append(str(error)[:200]))
            page.goto(html_path.resolve().as_uri(), wait_until="commit", timeout=timeout_s * 1000)
            seconds = _wait(page, probe, timeout_s)
        finally:
            browser.close()
    return Drawn(seconds, tuple(refused), tuple(errors))
