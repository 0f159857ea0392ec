"""Assets published under static/ for Streamlit's static file serving, and maps pointed at them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from folium.elements import JSCSSMixin

from components.assets.dataurls import _CSS_URL, _warn_unknown
from components.assets.inline import _E, _walk
from components.assets.table import (
    ASSETS,
    NODE_MODULES,
    OWN_ASSETS,
    STATIC_DIR,
    MissingAssetsError,
    _check_installed,
    local_asset_path,
)

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
