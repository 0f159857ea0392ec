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

from components.assets.inline import inline_html, localize
from components.assets.static import publish_static, serve_static
from components.assets.table import (
    ASSETS,
    INSTALL_COMMAND,
    NODE_MODULES,
    STATIC_DIR,
    WEB_ROOT,
    MissingAssetsError,
    local_asset_path,
)

__all__ = [
    "ASSETS",
    "INSTALL_COMMAND",
    "NODE_MODULES",
    "STATIC_DIR",
    "WEB_ROOT",
    "MissingAssetsError",
    "inline_html",
    "local_asset_path",
    "localize",
    "publish_static",
    "serve_static",
]
