"""Build the folium map of a view: basemap, boundaries, record layers, legend, time player, credits.

Pure: takes already-filtered record frames and returns folium objects; no
Streamlit here. Records reach the page only as the compact payloads of
components/encoding.py, drawn by our own script; see components/elements.py
for why nothing from data is ever compiled as a template.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import folium
import geopandas as gpd
import pandas as pd

from components.dense import POINT_LIMIT, Bounds, encode_bins, in_bounds
from components.elements import Basemap, Boundaries, Credits, Legend, NkMap, Player, RecordLayer
from components.encoding import EncodedLayer, encode_layer
from components.symbols import style_table
from components.view import View
from geo.schema import Layer

__all__ = [
    "BASEMAPS",
    "BOUNDARY_ATTRIBUTION",
    "MARKER_LIMIT",
    "ShownLayer",
    "build_base_map",
    "build_map",
    "record_layers",
]

# Above this many records in a layer, one DOM marker each is too slow: the canvas layer draws them.
MARKER_LIMIT = 2_000
BOUNDARY_ATTRIBUTION = (
    "Boundaries © OSM contributors (ODbL) via geoBoundaries · places: GeoNames (CC BY 4.0), NGA GEOnet Names Server"
)
_OSM = "© <a href='https://www.openstreetmap.org/copyright'>OpenStreetMap</a> contributors"
BASEMAPS = {
    "light": {"label": "Light", "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "attribution": _OSM},
    "dark": {
        "label": "Dark",
        "url": "https://{s}.basemaps.cartocdn.com/dark_all/{z}/{x}/{y}.png",
        "attribution": _OSM + " © <a href='https://carto.com/attributions'>CARTO</a>",
        "subdomains": "abcd",
    },
    "none": {"label": "No tiles", "url": "", "attribution": ""},
}
_BOUNDARY_STYLE = {
    "north": {"color": "#222", "weight": 2.5, "fillColor": "#f6e8c3", "fillOpacity": 0.3},
    "other": {"color": "#888", "weight": 0.8, "fillColor": "#ffffff", "fillOpacity": 0.1},
    "dark": {
        "north": {"color": "#e8e8e8", "weight": 2.5, "fillColor": "#ffffff", "fillOpacity": 0.06},
        "other": {"color": "#8a96a3", "weight": 0.8, "fillColor": "#000000", "fillOpacity": 0.0},
    },
}


@dataclass(frozen=True)
class ShownLayer:
    """A record layer as drawn: its feature group, its payload, and the records behind it (in payload order)."""

    group: folium.FeatureGroup
    encoded: EncodedLayer
    records: pd.DataFrame

    def record_id(self, position: int) -> str | None:
        """The id of the record at a payload position (what a click in the browser reports)."""
        if self.encoded.mode == "bins" or not 0 <= position < len(self.encoded.order):
            return None
        return str(self.records["id"].iloc[int(self.encoded.order[position])])


_BOUNDARY_GEOJSON: dict[int, tuple[gpd.GeoDataFrame, str]] = {}


def _boundary_geojson(municipalities: gpd.GeoDataFrame) -> str:
    """The polygons and their names as GeoJSON text, made once per frame (not on every app rerun)."""
    cached = _BOUNDARY_GEOJSON.get(id(municipalities))
    if cached is None or cached[0] is not municipalities:  # the frame is kept, so its id cannot be reused
        shapes = municipalities[["name_en", "name_sq", "name_sr", "north_kosovo", "geometry"]]
        cached = _BOUNDARY_GEOJSON[id(municipalities)] = (municipalities, shapes.to_json())
    return cached[1]


def _boundaries(municipalities: gpd.GeoDataFrame) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name="Municipality boundaries", control=True)
    Boundaries(_boundary_geojson(municipalities), _BOUNDARY_STYLE).add_to(group)
    return group


def build_base_map(municipalities: gpd.GeoDataFrame, view: View) -> folium.Map:
    """Everything but the record layers: basemap, boundaries, legend, time player and credits.

    It depends only on the view's position, basemap and layers, so the app can
    keep it (and its iframe) while filters change.
    """
    fmap = NkMap(location=view.center, zoom_start=view.zoom, tiles=None, control_scale=True, font_size="13px")
    Basemap({"styles": BASEMAPS, "initial": view.basemap}).add_to(fmap)
    if view.shows("boundaries"):
        _boundaries(municipalities).add_to(fmap)
    Legend({"style": style_table()}).add_to(fmap)
    if view.shows("player"):
        Player({"window": 30}).add_to(fmap)
    Credits(BOUNDARY_ATTRIBUTION).add_to(fmap)
    return fmap


def record_layers(
    incidents: pd.DataFrame,
    deployments: pd.DataFrame,
    municipality_names: Mapping[str, str],
    view: View,
    bounds: Bounds | None = None,
    *,
    app: bool = True,
    with_text: bool = False,
) -> list[ShownLayer]:
    """The record layers of a view, the user's own records apart from ours.

    `app` layers tell the page which record was clicked and carry no per-record
    text (the page shows the details); snapshot layers (`with_text`) carry it,
    dictionary-coded, for their popups.
    """
    layers = []
    for kind, frame in (("incident", incidents), ("deployment", deployments)):
        if not view.shows(f"{kind}s"):
            continue
        for label, part in _by_origin(frame):
            name = f"{label}{kind}s ({len(part):,})".capitalize()
            layers.append(_layer(name, kind, part, municipality_names, view, bounds, app=app, with_text=with_text))
    return layers


def _layer(
    name: str,
    kind: Layer,
    records: pd.DataFrame,
    names: Mapping[str, str],
    view: View,
    bounds: Bounds | None,
    *,
    app: bool,
    with_text: bool,
) -> ShownLayer:
    records = _in_view_if_too_many(records, bounds) if app else records
    if app and len(records) > POINT_LIMIT:
        encoded = encode_bins(records)
    else:
        focus = view.selected if view.focus else ""
        encoded = encode_layer(
            records, kind, municipality_names=names, with_text=with_text, focus=focus, extra={"focusSeq": view.focus}
        )
    group = folium.FeatureGroup(name=name)
    options = {"style": style_table(), "app": app, "markerLimit": MARKER_LIMIT, "name": name, "mode": encoded.mode}
    RecordLayer(encoded, options, inline=app).add_to(group)
    return ShownLayer(group, encoded, records)


def _in_view_if_too_many(records: pd.DataFrame, bounds: Bounds | None) -> pd.DataFrame:
    """Too many for points? With the map's bounds known, the points in view when they are few enough."""
    if len(records) <= POINT_LIMIT or bounds is None:
        return records
    visible = in_bounds(records, bounds)
    return visible if len(visible) <= POINT_LIMIT else records


def _by_origin(records: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """Our records, then the user's (uploads, files, store), each only if there are any; ours even if none."""
    if "origin" not in records:
        return [("", records)]
    theirs = records["origin"].ne("shipped").to_numpy()
    if not theirs.any():
        return [("", records)]
    first = int(theirs.argmax())
    if not theirs[first:].all():  # mixed: each part is gathered (a copy)
        return [("", records[~theirs]), ("your data: ", records[theirs])]
    # As assembled, ours come first and theirs after: two slices, not copies (0.7 s at a million rows)
    return [("", records.iloc[:first]), ("your data: ", records.iloc[first:])]


def build_map(
    incidents: pd.DataFrame,
    deployments: pd.DataFrame,
    municipalities: gpd.GeoDataFrame,
    view: View,
) -> folium.Map:
    """The whole map of a view in one object, popups with their full text (snapshots and tests)."""
    fmap = build_base_map(municipalities, view)
    names = municipalities["name_en"].to_dict()
    for shown in record_layers(incidents, deployments, names, view, app=False, with_text=True):
        shown.group.add_to(fmap)
    folium.LayerControl(collapsed=False).add_to(fmap)
    return fmap
