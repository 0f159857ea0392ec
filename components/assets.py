"""Serve folium's browser assets from npm packages instead of public CDNs.

folium (and its plugins) reference Leaflet, jQuery, Bootstrap, Font Awesome and
a few Leaflet plugins by CDN URL.  This project installs the same versions from
the npm registry into ``components/web/node_modules`` (``npm ci --prefix
components/web``) and this module swaps every CDN URL for that local copy, so
maps draw with no network access.  Map tile URLs are left untouched (offline
they simply fail to load and the map shows a grey background).

Two entry points:

* :func:`inline_html` renders a map to one standalone HTML document with every
  script and stylesheet inlined (fonts and images as ``data:`` URIs), suitable
  for writing to disk and opening offline.
* :func:`localize` rewrites a map's asset lists in place to ``data:`` URLs.
  ``streamlit_folium.st_folium`` injects those lists into its component iframe
  as ``<script src>`` / ``<link href>`` elements, so the map then loads without
  a CDN inside a running Streamlit app with no extra server configuration.

:data:`ASSETS` maps each CDN URL used by the folium classes this project uses
to the local file that replaces it (``None`` where an asset is deliberately
dropped).
"""

from __future__ import annotations

import base64
import functools
import html
import json
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple, TypeVar
from urllib.parse import quote

import folium
import folium.plugins
from branca.element import Element
from folium.elements import JSCSSMixin

from components.elements import NkMap, RecordLayer

__all__ = [
    "ASSETS",
    "INSTALL_COMMAND",
    "NODE_MODULES",
    "WEB_ROOT",
    "MissingAssetsError",
    "inline_html",
    "local_asset_path",
    "localize",
    "publish_static",
    "serve_static",
]

#: Folder holding ``package.json`` / ``package-lock.json`` for the assets.
WEB_ROOT: Path = Path(__file__).resolve().parent / "web"
#: Where ``npm ci --prefix components/web`` installs the packages.
NODE_MODULES: Path = WEB_ROOT / "node_modules"
#: Command (run from the repository root) that installs the assets.
INSTALL_COMMAND = "npm ci --prefix components/web"

_FOLIUM_TEMPLATES = Path(folium.__file__).resolve().parent / "templates"
#: Where `make assets` publishes the assets for Streamlit's static file serving
#: (``[server] enableStaticServing = true`` serves ``static/`` as ``/app/static/``).
STATIC_DIR: Path = Path(__file__).resolve().parent.parent / "static" / "vendor"


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


def _file_data_url(path: Path) -> str:
    """Encode a font or image file as a base64 ``data:`` URL."""
    mime = _MIME_TYPES.get(path.suffix.lower(), "application/octet-stream")
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


# Characters left unescaped in text data: URLs.  Quotes, "<", ">", "&", "#",
# "%", "?", backslash and whitespace are escaped, so the URL is also safe in
# an HTML attribute (folium writes it into <script src="...">).
_URL_SAFE = "!$()*+,-./:;=@_~{}[]|^"


def _text_data_url(text: str, mime: str) -> str:
    """Encode JS/CSS text as a percent-encoded UTF-8 ``data:`` URL.

    Percent-encoding grows minified code by about 10% (base64: 33%) and keeps
    base64 fonts nested in CSS from being encoded twice.
    """
    return f"data:{mime};charset=utf-8,{quote(text, safe=_URL_SAFE)}"


# Font Awesome 6's all.css re-declares its three font files under the v4/v5
# compatibility family names; inlined, each file would be embedded three
# times.  Nothing folium renders uses those names (``fa`` classes use "Font
# Awesome 6 Free"/"Brands"), so those @font-face rules are removed.
_LEGACY_FONT_FACE = re.compile(
    r"""@font-face\s*\{\s*font-family:\s*["']"""
    r"""(?:FontAwesome|Font Awesome 5 Free|Font Awesome 5 Brands)["'][^}]*\}"""
)
# A woff2 source followed by a TrueType fallback in an @font-face ``src``
# list.  Every browser that runs Leaflet 1.9 reads woff2, so the fallback is
# removed rather than inlined (it would double the size of the fonts).
_TTF_FALLBACK = re.compile(
    r"""(url\([^)]*\.woff2\)\s*format\(["']woff2["']\))"""
    r"""\s*,\s*url\([^)]*\.ttf\)\s*format\(["']truetype["']\)"""
)
_CSS_URL = re.compile(r"""url\(\s*(?P<quote>['"]?)(?P<ref>[^'")]+)(?P=quote)\s*\)""")


def _inline_css_urls(css: str, base: Path) -> str:
    """Replace relative ``url()`` references in ``css`` with ``data:`` URIs."""

    def replace(match: re.Match[str]) -> str:
        ref = match["ref"].strip()
        if ref.startswith(("data:", "#", "http:", "https:", "//", "/")):
            return match[0]
        target = (base / ref.split("?")[0].split("#")[0]).resolve()
        if not target.is_file():
            raise MissingAssetsError(f"{target} (referenced by CSS in {base}) is missing")
        return f'url("{_file_data_url(target)}")'

    css = _LEGACY_FONT_FACE.sub("", css)
    return _CSS_URL.sub(replace, _TTF_FALLBACK.sub(r"\1", css))


def _leaflet_icon_patch() -> str:
    """Return JS that points Leaflet's default marker icon at inlined images.

    Leaflet finds its image folder by reading the ``url(...marker-icon.png)``
    of ``.leaflet-default-icon-path`` from leaflet.css; once that URL is a
    ``data:`` URI the lookup fails, so the icon URLs are set explicitly.
    """
    images = NODE_MODULES / "leaflet" / "dist" / "images"
    options = {
        "iconUrl": _file_data_url(images / "marker-icon.png"),
        "iconRetinaUrl": _file_data_url(images / "marker-icon-2x.png"),
        "shadowUrl": _file_data_url(images / "marker-shadow.png"),
    }
    return (
        "\n/* components/assets.py: default marker images inlined as data: URIs */\n"
        "if (window.L && L.Icon && L.Icon.Default) {\n"
        '  L.Icon.Default.imagePath = "";\n'
        f"  L.Icon.Default.mergeOptions({json.dumps(options)});\n"
        "}\n"
    )


@functools.cache
def _asset_text(url: str) -> str | None:
    """Return the self-contained text of the asset for ``url``.

    CSS gets its fonts and images inlined; leaflet.js gets the default-icon
    patch appended.  Returns ``None`` for dropped assets.

    Raises:
        KeyError: ``url`` is not a known CDN asset.
        MissingAssetsError: the local file is not installed.
    """
    path = local_asset_path(url)
    if path is None:
        return None
    _check_installed(url, path)
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".css":
        return _inline_css_urls(text, path.parent)
    if _npm_file(url) == _LEAFLET_JS:
        return text + _leaflet_icon_patch()
    return text


def _asset_label(url: str) -> str:
    """Return a short provenance note (no URL) for an inlined asset."""
    if url.startswith("nk:"):
        return f"north-kosovo-map {url.removeprefix('nk:')}"
    npm = _npm_file(url)
    if npm is not None:
        return f"npm {npm.package}@{npm.version} {npm.path}"
    return f"folium {folium.__version__} {url.rsplit('/', 1)[-1]}"


def _warn_unknown(url: str) -> None:
    """Warn that ``url`` has no local copy and will still be fetched."""
    warnings.warn(
        f"no local copy of {url}; it will be fetched from the network."
        " Add the npm package to components/web and map it in components/assets.py",
        stacklevel=3,
    )


@functools.cache
def _asset_data_url(url: str, mime: str) -> str | None:
    """Return the cached ``data:`` URL of the asset for ``url`` (``None``: dropped)."""
    text = _asset_text(url)
    return None if text is None else _text_data_url(text, mime)


def _localized_links(links: Iterable[tuple[str, str]], mime: str) -> list[tuple[str, str]]:
    """Return ``links`` with each known CDN URL replaced by a ``data:`` URL."""
    result: list[tuple[str, str]] = []
    for name, url in links:
        if url.startswith("data:"):
            result.append((name, url))
            continue
        try:
            data_url = _asset_data_url(url, mime)
        except KeyError:
            _warn_unknown(url)
            result.append((name, url))
            continue
        if data_url is not None:
            result.append((name, data_url))
    return result


_E = TypeVar("_E", bound=Element)


def _walk(element: Element) -> Iterator[Element]:
    """Yield ``element`` and all its descendants."""
    yield element
    for child in element._children.values():
        yield from _walk(child)


def localize(m: _E) -> _E:
    """Make ``m`` load its JS/CSS from the local npm copies; return ``m``.

    Each element's ``default_js`` / ``default_css`` in the tree under ``m`` is
    replaced (on the instance, never the class) by ``data:`` URLs of the local
    files, so both ``m.get_root().render()`` and
    ``streamlit_folium.st_folium(m, ...)`` load every asset without a network.
    Call it after all layers, markers and plugins have been added (and also on
    any group passed to ``st_folium(feature_group_to_add=...)``).  Calling it
    twice is harmless; the encoded files are cached, so reruns are cheap.

    Raises:
        MissingAssetsError: the npm packages are not installed.
    """
    for element in _walk(m):
        if isinstance(element, JSCSSMixin):
            element.default_js = _localized_links(element.default_js, "text/javascript")
            element.default_css = _localized_links(element.default_css, "text/css")
    return m


_SCRIPT_LINK = re.compile(r'<script\s+src="(?P<url>[^"]+)"\s*>\s*</script>', re.IGNORECASE)
_CSS_LINK = re.compile(r'<link\s+rel="stylesheet"\s+href="(?P<url>[^"]+)"\s*/?>', re.IGNORECASE)
_SCRIPT_END = re.compile(r"</(script)", re.IGNORECASE)
_STYLE_END = re.compile(r"</(style)", re.IGNORECASE)
_COMMENT_START = re.compile(r"<!--")


def _script_tag(url: str) -> str | None:
    """Return an inline ``<script>`` for ``url`` (``None``: drop it; ``KeyError``: unknown)."""
    text = _asset_text(url)
    if text is None:
        return None
    # Keep the HTML parser inside the script element: "</script" would end it
    # and "<!--" could switch it into the "escaped" state.  Both escapes are
    # no-ops inside JS strings, regexes and comments, the only places the
    # sequences can occur.
    text = _COMMENT_START.sub(r"\\x3C!--", _SCRIPT_END.sub(r"<\\/\1", text))
    return f"<script>/* {_asset_label(url)} */\n{text}\n</script>"


def _style_tag(url: str) -> str | None:
    """Return an inline ``<style>`` for ``url`` (``None``: drop it; ``KeyError``: unknown)."""
    text = _asset_text(url)
    if text is None:
        return None
    text = _STYLE_END.sub(r"<\\/\1", text)  # "\/" is "/" in CSS
    return f"<style>/* {_asset_label(url)} */\n{text}\n</style>"


def inline_html(m: folium.Map) -> str:
    """Render ``m`` as standalone HTML with every script and stylesheet inlined.

    The document needs no network except for map tiles, so it can be written
    to a file and opened offline.  Unknown asset URLs are kept (with a
    warning); dropped assets are removed.

    Raises:
        MissingAssetsError: the npm packages are not installed.
    """
    page = m.get_root().render()
    head, sep, rest = page.partition("</head>")

    def replace(match: re.Match[str], make_tag: Callable[[str], str | None]) -> str:
        url = html.unescape(match["url"])
        if url.startswith("data:"):
            return match[0]
        try:
            tag = make_tag(url)
        except KeyError:
            _warn_unknown(url)
            return match[0]
        return tag or ""

    head = _SCRIPT_LINK.sub(lambda match: replace(match, _script_tag), head)
    head = _CSS_LINK.sub(lambda match: replace(match, _style_tag), head)
    return head + sep + rest


# --- Streamlit static serving ---------------------------------------------------
#
# Inside the app, data: URLs would put ~1.2 MB of scripts into every rerun that
# changes the map. Published as static files, the browser loads them once and
# caches them, and each rerun ships only the map itself.


def _static_name(path: Path) -> str:
    """The path of an asset file below the static folder (npm layout kept, so CSS url()s resolve)."""
    if path.is_relative_to(NODE_MODULES):
        return path.relative_to(NODE_MODULES).as_posix()
    if path.is_relative_to(OWN_ASSETS):
        return f"nk/{path.name}"
    return f"folium/{path.name}"


def _css_references(path: Path) -> Iterator[Path]:
    """Files a stylesheet refers to by relative url() (fonts, images)."""
    for match in _CSS_URL.finditer(path.read_text(encoding="utf-8")):
        ref = match["ref"].strip()
        if not ref.startswith(("data:", "#", "http:", "https:", "//", "/")):
            target = (path.parent / ref.split("?")[0].split("#")[0]).resolve()
            if target.is_file():
                yield target


def publish_static(target: Path = STATIC_DIR) -> int:
    """Copy every asset (and the fonts and images its CSS names) below ``target``; return the file count.

    Raises:
        MissingAssetsError: the npm packages are not installed.
    """
    files: set[Path] = set()
    for url, path in ASSETS.items():
        if path is None:
            continue
        _check_installed(url, path)
        files.add(path)
        if path.suffix == ".css":
            files.update(_css_references(path))
    for path in files:
        destination = target / _static_name(path)
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(path.read_bytes())
    return len(files)


def _static_links(links: Iterable[tuple[str, str]], prefix: str) -> list[tuple[str, str]]:
    result: list[tuple[str, str]] = []
    for name, url in links:
        try:
            path = local_asset_path(url)
        except KeyError:
            _warn_unknown(url)
            result.append((name, url))
            continue
        if path is not None:
            result.append((name, prefix + _static_name(path)))
    return result


def serve_static(m: _E, prefix: str = "/app/static/vendor/") -> _E:
    """Point ``m``'s JS/CSS at the files `publish_static` wrote; return ``m``.

    Raises:
        MissingAssetsError: the files were not published (run ``make assets``).
    """
    if not (STATIC_DIR / "leaflet" / "dist" / "leaflet.js").is_file():
        raise MissingAssetsError(f"{STATIC_DIR} has no published assets; run `make assets`")
    for element in _walk(m):
        if isinstance(element, JSCSSMixin):
            element.default_js = _static_links(element.default_js, prefix)
            element.default_css = _static_links(element.default_css, prefix)
    return m


if __name__ == "__main__":
    print(f"published {publish_static()} asset files to {STATIC_DIR}")
