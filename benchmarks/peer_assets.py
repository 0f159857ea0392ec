"""Local copies of the scripts the peers' pages load from CDNs, so they can be timed with no network.

lonboard's HTML export loads require.js, `@jupyter-widgets/html-manager`,
`anywidget` and parquet-wasm's `.wasm` from CDNs at view time; folium's pages
load Leaflet and its plugins. Here those URLs are answered from the npm
registry's own packages, fetched once with `npm pack` (the package's tarball,
without its dependencies) into a cache folder outside the repository, and from
the project's npm copies (components/assets) for folium.

What a page needs is reported honestly by the benchmark: a page "works offline"
only if it draws with every request refused; answering CDN URLs locally is
only how the peers that do not are timed at all.
"""

from __future__ import annotations

import re
import subprocess
import tarfile
from functools import cache
from importlib.metadata import version
from pathlib import Path

from benchmarks.drawn import Server
from components.assets import local_asset_path

__all__ = ["CACHE", "npm_file", "peer_server", "strip_integrity"]

CACHE = Path.home() / ".cache" / "kosovo-map-bench" / "npm"
# CDN URLs whose versions are ranges, resolved to these exact npm versions (the newest each range allows).
_PINNED = {
    "@jupyter-widgets/html-manager": "1.0.15",
    "requirejs": "2.3.4",
}
# URLs that are not of the jsdelivr/unpkg "package@version/path" form: (package, file in the package).
_FIXED = {
    "cdnjs.cloudflare.com/ajax/libs/require.js/2.3.4/require.min.js": ("requirejs", "require.js"),
}
_CDN_NPM = re.compile(
    r"^(?:cdn\.jsdelivr\.net/npm|unpkg\.com)/(?P<package>(?:@[^/@]+/)?[^/@]+)@(?P<spec>[^/]+)/(?P<path>.+)$"
)
_EXACT = re.compile(r"^\d+\.\d+\.\d+$")
_INTEGRITY = re.compile(r'\s+integrity="sha\d+-[A-Za-z0-9+/=]+"')


def _exact_version(package: str, spec: str) -> str:
    """The npm version to use for a CDN URL's version (an exact one as it is; anywidget as installed)."""
    spec = spec.replace("%5E", "^").replace("%7E", "~")
    if _EXACT.match(spec):
        return spec
    if package == "anywidget":  # the Python package and its front end are released together
        return version("anywidget")
    return _PINNED[package]


@cache
def _unpacked(package: str, exact: str) -> Path:
    """The package's files, unpacked from its npm tarball (fetched once with `npm pack`)."""
    folder = CACHE / f"{package.replace('/', '__')}-{exact}"
    if not (folder / "package").is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            ["npm", "pack", f"{package}@{exact}", "--pack-destination", str(folder), "--silent"],
            check=True,
            capture_output=True,
            text=True,
        )
        with tarfile.open(folder / result.stdout.strip().splitlines()[-1]) as tar:
            tar.extractall(folder, filter="data")
    return folder / "package"


def npm_file(url: str) -> Path | None:
    """The local npm copy of a CDN URL's file, or None when it is not an npm package's file."""
    bare = url.split("://", 1)[-1].split("?", 1)[0]
    if bare in _FIXED:
        package, path = _FIXED[bare]
        return _unpacked(package, _PINNED[package]) / path
    match = _CDN_NPM.match(bare)
    if match is None:
        return None
    try:
        exact = _exact_version(match["package"], match["spec"])
    except KeyError:
        return None
    file = _unpacked(match["package"], exact) / match["path"]
    return file if file.is_file() else None


def _folium_file(url: str) -> Path | None:
    try:
        path = local_asset_path(url)
    except KeyError:
        return None
    return path if path is not None and path.is_file() else None


_MIME = {".wasm": "application/wasm", ".css": "text/css", ".js": "text/javascript"}


def peer_server() -> Server:
    """A `serve` function for benchmarks/drawn.py: CDN URLs answered from local npm copies, tiles refused."""

    def serve(url: str) -> tuple[bytes, str] | None:
        path = _folium_file(url) or npm_file(url)
        if path is None:
            return None
        return path.read_bytes(), _MIME.get(path.suffix, "application/octet-stream")

    return serve


def strip_integrity(html: str) -> str:
    """The page without Subresource Integrity hashes: npm ships require.js unminified, not cdnjs's exact bytes."""
    return _INTEGRITY.sub("", html)
