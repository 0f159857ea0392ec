"""A map with its assets localised: as data: URLs on the map's elements, or inlined into one HTML document."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from typing import TypeVar

import folium
import folium.plugins
from branca.element import Element
from folium.elements import JSCSSMixin

from components.assets.dataurls import _asset_label, _asset_text, _localized_links, _warn_unknown

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
