"""Assets as self-contained data: URLs (fonts and images inlined into their CSS) for maps that go offline."""

from __future__ import annotations

import base64
import functools
import json
import re
import warnings
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

import folium
import folium.plugins

from components.assets.table import (
    _LEAFLET_JS,
    _MIME_TYPES,
    NODE_MODULES,
    MissingAssetsError,
    _check_installed,
    _npm_file,
    local_asset_path,
)


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
        "\n/* components/assets: default marker images inlined as data: URIs */\n"
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
        " Add the npm package to components/web and map it in components/assets/table.py",
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
