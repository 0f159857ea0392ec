"""Which local file replaces each CDN URL that folium and its plugins ask for, and whether it is installed."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

import folium
import folium.plugins
from branca.element import Element

from components.elements import NkMap, RecordLayer

#: Folder holding ``package.json`` / ``package-lock.json`` for the assets.
WEB_ROOT: Path = Path(__file__).resolve().parent.parent / "web"
#: Where ``npm ci --prefix components/web`` installs the packages.
NODE_MODULES: Path = WEB_ROOT / "node_modules"
#: Command (run from the repository root) that installs the assets.
INSTALL_COMMAND = "npm ci --prefix components/web"

_FOLIUM_TEMPLATES = Path(folium.__file__).resolve().parent / "templates"
#: Where `make assets` publishes the assets for Streamlit's static file serving
#: (``[server] enableStaticServing = true`` serves ``static/`` as ``/app/static/``).
STATIC_DIR: Path = Path(__file__).resolve().parent.parent.parent / "static" / "vendor"


class MissingAssetsError(RuntimeError):
    """A local asset file is absent or has the wrong version installed."""


class _NpmFile(NamedTuple):
    """A file inside an npm package, pinned to the version folium asks for."""

    package: str
    version: str
    path: str


# CDN URLs whose npm package name or file layout differs from the URL.  Plain
# ``https://cdn.jsdelivr.net/npm/<package>@<version>/<path>`` URLs need no
# entry: they are derived by _NPM_URL below.  Keys include the version, so a
# folium upgrade that asks for other versions shows up as an unknown URL.
_NPM_FILES: dict[str, _NpmFile] = {
    # code.jquery.com serves the dist files of the npm "jquery" package.
    "https://code.jquery.com/jquery-3.7.1.min.js": _NpmFile("jquery", "3.7.1", "dist/jquery.min.js"),
    # cdnjs "Leaflet.awesome-markers" 2.0.2 is published on npm only as the
    # "drmonty-leaflet-awesome-markers" mirror ("leaflet.awesome-markers" on
    # npm starts at 2.0.4, a different fork).
    "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.js": _NpmFile(
        "drmonty-leaflet-awesome-markers", "2.0.2", "js/leaflet.awesome-markers.js"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.css": _NpmFile(
        "drmonty-leaflet-awesome-markers", "2.0.2", "css/leaflet.awesome-markers.css"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/moment.js/2.18.1/moment.min.js": (
        _NpmFile("moment", "2.18.1", "min/moment.min.js")
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/leaflet.markercluster.js": _NpmFile(
        "leaflet.markercluster", "1.1.0", "dist/leaflet.markercluster.js"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.css": _NpmFile(
        "leaflet.markercluster", "1.1.0", "dist/MarkerCluster.css"
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.Default.css": _NpmFile(
        "leaflet.markercluster", "1.1.0", "dist/MarkerCluster.Default.css"
    ),
    # jsDelivr minifies files on the fly; these npm tarballs ship only the
    # unminified file (leaflet.timeline's dist file is already minified).
    "https://cdn.jsdelivr.net/npm/leaflet.timeline@1.6.0/dist/leaflet.timeline.min.js": _NpmFile(
        "leaflet.timeline", "1.6.0", "dist/leaflet.timeline.js"
    ),
    "https://cdn.jsdelivr.net/npm/leaflet.fullscreen@3.0.0/Control.FullScreen.min.js": _NpmFile(
        "leaflet.fullscreen", "3.0.0", "Control.FullScreen.js"
    ),
}

# Assets that are not published on npm and are dropped.  Neither is needed by
# this project's maps: the glyphicons sheet only serves folium.Icon's default
# ``prefix="glyphicon"`` (use ``prefix="fa"``: Font Awesome is bundled), and
# the rotate sheet only defines ``.fa-rotate-<n>`` transforms for
# folium.Icon(angle=...).
_DROPPED: frozenset[str] = frozenset(
    {
        "https://netdna.bootstrapcdn.com/bootstrap/3.0.0/css/bootstrap-glyphicons.css",
        "https://cdn.jsdelivr.net/gh/python-visualization/folium/folium/templates/leaflet.awesome.rotate.min.css",
    }
)

_NPM_URL = re.compile(
    r"^https://cdn\.jsdelivr\.net/npm/"
    r"(?P<package>(?:@[^/@]+/)?[^/@]+)@(?P<version>[^/]+)/(?P<path>[^?#]+)$"
)
# folium serves a few plugin scripts (e.g. leaflet_heat.min.js for HeatMap)
# from its own GitHub repository; the same files ship inside the package.
_FOLIUM_URL = re.compile(
    r"^https://cdn\.jsdelivr\.net/gh/python-visualization/folium(?:@[^/]+)?"
    r"/folium/templates/(?P<file>[^/?#]+)$"
)

_MIME_TYPES: dict[str, str] = {
    ".css": "text/css",
    ".js": "text/javascript",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".ttf": "font/ttf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
}

_LEAFLET_JS = _NpmFile("leaflet", "1.9.3", "dist/leaflet.js")

# The folium classes this project uses; their CDN URLs make up ASSETS.
_COVERED_CLASSES: tuple[type[Element], ...] = (
    NkMap,
    RecordLayer,
    folium.Map,
    folium.plugins.Timeline,
    folium.plugins.TimelineSlider,
    folium.plugins.MarkerCluster,
    folium.plugins.Fullscreen,
    folium.plugins.HeatMap,
)


def _npm_file(url: str) -> _NpmFile | None:
    """Return the npm package file that replaces ``url``, if there is one."""
    if url in _NPM_FILES:
        return _NPM_FILES[url]
    match = _NPM_URL.match(url)
    if match is None:
        return None
    return _NpmFile(match["package"], match["version"], match["path"])


#: Our own script and styles (components/web/nk), named "nk:<file>" by components/elements.py.
OWN_ASSETS: Path = WEB_ROOT / "nk"


def local_asset_path(url: str) -> Path | None:
    """Return the local file that replaces the CDN ``url``.

    The file lives in :data:`NODE_MODULES` (or in the folium package for the
    few scripts folium ships itself); it need not exist yet.

    Returns:
        The path, or ``None`` for an asset that is deliberately dropped.

    Raises:
        KeyError: ``url`` is not a known CDN asset.
    """
    if url in _DROPPED:
        return None
    if url.startswith("nk:"):
        name = url.removeprefix("nk:")
        if "/" in name or name.startswith("."):
            raise KeyError(url)
        return OWN_ASSETS / name
    npm = _npm_file(url)
    if npm is not None:
        return NODE_MODULES / npm.package / npm.path
    match = _FOLIUM_URL.match(url)
    if match is not None and (_FOLIUM_TEMPLATES / match["file"]).is_file():
        return _FOLIUM_TEMPLATES / match["file"]
    raise KeyError(url)


def _build_asset_table() -> Mapping[str, Path | None]:
    """Map every CDN URL requested by the covered folium classes."""
    table: dict[str, Path | None] = {}
    for cls in _COVERED_CLASSES:
        # Timeline is no JSCSSMixin and has no default_css (its links are
        # rendered by TimelineSlider), hence getattr.
        for _, url in [*cls.default_js, *getattr(cls, "default_css", [])]:
            table[url] = local_asset_path(url)
    return MappingProxyType(table)


#: CDN URL -> local replacement (``None``: dropped) for folium.Map and the
#: plugins used here (Timeline, TimelineSlider, MarkerCluster, Fullscreen,
#: HeatMap).  LayerControl, GeoJson and DivIcon need no assets of their own.
ASSETS: Mapping[str, Path | None] = _build_asset_table()


def _check_installed(url: str, path: Path) -> None:
    """Raise :class:`MissingAssetsError` unless ``path`` is ready to serve."""
    npm = _npm_file(url)
    if npm is not None:
        manifest = NODE_MODULES / npm.package / "package.json"
        if not manifest.is_file():
            raise MissingAssetsError(
                f"npm package {npm.package!r} is not installed (needed for {url});"
                f" run `{INSTALL_COMMAND}` in the repository root"
            )
        installed = json.loads(manifest.read_text(encoding="utf-8"))["version"]
        if installed != npm.version:
            raise MissingAssetsError(
                f"{url} needs {npm.package}@{npm.version} but {installed} is"
                f" installed; pin it in {WEB_ROOT / 'package.json'}"
            )
    if not path.is_file():
        raise MissingAssetsError(f"{path} (for {url}) does not exist")
