"""The map's page elements: templates that hold no data, and data that is never compiled as a template.

branca renders an element's macro and then, by default, wraps the output in a
new `Element`, which compiles it as a Jinja template a second time: a record
whose summary reads `{{ 7*7 }}` would come out as 49, and a large payload would
be lexed as template text. Our elements therefore place their rendered text in
the page through `_Raw`, which is never compiled. Data reaches the page only as
base64 (record payloads, boundaries) or as JSON of our own options, both inert
in HTML and in JavaScript; the map's script (components/web/nk/nk-*.js) reads
it and builds everything with DOM calls.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Mapping
from typing import Any, ClassVar

import folium
from branca.element import Element, Figure, MacroElement, Template
from folium.elements import JSCSSMixin

from components.encoding import EncodedLayer

__all__ = [
    "MARKERCLUSTER_ASSETS",
    "NK_CSS",
    "NK_JS",
    "Basemap",
    "Boundaries",
    "Credits",
    "Legend",
    "NkMap",
    "Player",
    "RecordLayer",
    "js_value",
]

# Our own script and styles, served like the npm assets (components/assets resolves "nk:" names).
# The script comes in three parts, loaded in this order: records, layers, controls.
NK_JS = [
    ("nk_records_js", "nk:nk-records.js"),
    ("nk_layers_js", "nk:nk-layers.js"),
    ("nk_controls_js", "nk:nk-controls.js"),
]
NK_CSS = ("nk_map_css", "nk:nk-map.css")
MARKERCLUSTER_ASSETS = {
    "js": [
        (
            "markercluster_js",
            "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/leaflet.markercluster.js",
        )
    ],
    "css": [
        ("markercluster_css", "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.css"),
    ],
}
_LEAFLET_JS = ("leaflet", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js")
_LEAFLET_CSS = ("leaflet_css", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css")
_VIEWPORT = re.compile(r"<meta name=\"viewport\"[^>]*>")
_ZOOMABLE_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1.0" />'


def js_value(value: Any) -> str:
    """JSON that is also safe inside an HTML <script>: <, > and & are escaped, as are U+2028/2029."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


class _Raw(Element):
    """Text placed in the page as it is, never compiled as a template."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


class _Element(JSCSSMixin, MacroElement):
    """Base of our elements: like MacroElement, but the rendered macros go into the page uncompiled."""

    default_js: ClassVar[list[tuple[str, str]]] = [*NK_JS]
    default_css: ClassVar[list[tuple[str, str]]] = [NK_CSS]

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        assert isinstance(figure, Figure), "render the element inside a Figure"
        for name, url in self.default_js:
            figure.header.add_child(folium.elements.JavascriptLink(url), name=name)
        for name, url in self.default_css:
            figure.header.add_child(folium.elements.CssLink(url), name=name)
        for part, target in (("header", figure.header), ("html", figure.html), ("script", figure.script)):
            macro = self._template.module.__dict__.get(part)
            if macro is not None:
                target.add_child(_Raw(macro(self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


class NkMap(folium.Map):
    """folium's Map with only the assets our maps use, and a viewport that lets people zoom the page."""

    default_js: ClassVar[list[tuple[str, str]]] = [_LEAFLET_JS]
    default_css: ClassVar[list[tuple[str, str]]] = [_LEAFLET_CSS]

    def render(self, **kwargs: Any) -> None:
        super().render(**kwargs)
        header = self.get_root().header
        own = header._children.get(self.get_name())
        if own is not None and own._template_str:
            header._children[self.get_name()] = _Raw(_VIEWPORT.sub(_ZOOMABLE_VIEWPORT, own._template_str))


class RecordLayer(_Element):
    """One layer of records (incidents or deployments) drawn by NK.records from its payload.

    `inline` puts the payload in the script as a string (the app's layers are
    sent as script text); otherwise it goes into a data element of its own
    (`<script type="application/octet-stream">`) that the script reads.
    """

    default_js: ClassVar[list[tuple[str, str]]] = [*MARKERCLUSTER_ASSETS["js"], *NK_JS]
    default_css: ClassVar[list[tuple[str, str]]] = [*MARKERCLUSTER_ASSETS["css"], NK_CSS]
    _template = Template(
        """
        {% macro html(this, kwargs) %}{{ this.data_html }}{% endmacro %}
        {% macro script(this, kwargs) %}
        NK.records({{ this._parent.get_name() }}, {{ this.source_js }}, {{ this.options_js }});
        {% endmacro %}
        """
    )

    def __init__(self, encoded: EncodedLayer, options: Mapping[str, Any], inline: bool = True) -> None:
        super().__init__()
        self._name = "RecordLayer"
        self.encoded = encoded
        data_id = f"nk-data-{encoded.layer}-{encoded.token}"
        self.source_js = js_value(encoded.payload if inline else {"element": data_id})
        # base64 holds only A-Z a-z 0-9 + / =: inert in an element's text and in a script string.
        self.data_html = (
            "" if inline else f'<script type="application/octet-stream" id="{data_id}">{encoded.payload}</script>'
        )
        self.options_js = js_value({**options, "token": encoded.token})


class Boundaries(_Element):
    """Municipality polygons (our own shipped GeoJSON, as base64), drawn with tooltips built as text."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        NK.boundaries("{{ this.payload }}", {{ this.options_js }}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, geojson: str, options: Mapping[str, Any]) -> None:
        super().__init__()
        self._name = "Boundaries"
        self.payload = base64.b64encode(geojson.encode("utf-8")).decode("ascii")
        self.options_js = js_value(options)


class _MapControl(_Element):
    """A control of ours, set up by one NK function with options we choose (never data)."""

    function = ""
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        NK.{{ this.function }}({{ this._parent.get_name() }}, {{ this.options_js }});
        {% endmacro %}
        """
    )

    def __init__(self, options: Any) -> None:
        super().__init__()
        self._name = type(self).__name__
        self.options_js = js_value(options)


class Legend(_MapControl):
    """The collapsible legend (closed by default on narrow screens)."""

    function = "legend"


class Player(_MapControl):
    """The time player: a trailing window of 7, 30 or 90 days played over the incidents on the map."""

    function = "player"


class Basemap(_MapControl):
    """Light, dark or no tiles; offline, the boundaries still draw on a plain background."""

    function = "basemap"


class Credits(_MapControl):
    """Boundary and gazetteer credits in the attribution line, shown even when tiles do not load."""

    function = "credits"
