"""Build the folium map of a view: boundaries, incidents, deployments, legend, time player.

Pure: takes already-filtered GeoDataFrames and returns a folium.Map; no
Streamlit here. Every string from data goes through components.popups.
"""

from __future__ import annotations

from collections.abc import Mapping

import folium
import geopandas as gpd
import pandas as pd
from branca.element import MacroElement, Template
from folium.plugins import MarkerCluster, Timeline, TimelineSlider
from folium.utilities import JsCode

from components.dense import Bounds, dense_group
from components.popups import deployment_popup, escape_text, incident_popup
from components.symbols import DEPLOYMENT_COLOUR, DEPLOYMENT_STYLE, EVENT_STYLE
from components.view import View

__all__ = [
    "BOUNDARY_ATTRIBUTION",
    "DEPLOYMENT_STYLE",
    "EVENT_STYLE",
    "MARKER_LIMIT",
    "build_base_map",
    "build_map",
    "record_layers",
]

# Above this many incidents one marker each is too slow (~0.65 ms per marker in Python, one DOM
# element each in the browser): the compact canvas layer of components/dense.py takes over.
MARKER_LIMIT = 2_000
BOUNDARY_ATTRIBUTION = "Boundaries © OSM contributors (ODbL) via geoBoundaries · places: GeoNames (CC BY 4.0)"


_CSS = """
<style>
.nk-icon{display:flex;align-items:center;justify-content:center;color:#fff;font:bold 12px/1 sans-serif;
  border:2px solid #fff;box-shadow:0 0 2px #000;box-sizing:border-box;width:100%;height:100%}
.nk-incident{border-radius:50%}
.nk-hurt{border:3px solid #000}
.nk-deployment{border-radius:3px;background:#1f3a93}
.nk-open-ended{border-style:dashed}
.nk-popup{font:13px/1.35 sans-serif;max-width:340px}
.nk-popup h4{margin:0 0 4px;font-size:14px}
.nk-popup th{text-align:left;padding-right:6px;vertical-align:top;color:#555;font-weight:600}
.nk-popup ul{margin:2px 0 0 16px;padding:0}
.nk-legend{background:rgba(255,255,255,.92);padding:6px 8px;font:12px/1.5 sans-serif;border-radius:4px;
  box-shadow:0 0 4px rgba(0,0,0,.3)}
.nk-legend i{display:inline-block;width:14px;height:14px;margin-right:4px;vertical-align:-2px;color:#fff;
  font:bold 10px/14px sans-serif;text-align:center;font-style:normal}
.leaflet-container{background:#eef2f5}
.leaflet-timeline-control{margin:0 2% 6px !important;padding:2px 8px !important;font:12px/1.2 sans-serif;
  background:rgba(255,255,255,.9) !important}
.leaflet-timeline-control .sldr-ctrl-container{width:18% !important}
.nk-cluster div{width:30px;height:30px;border-radius:50%;display:flex;align-items:center;justify-content:center;
  font:bold 13px/1 sans-serif;color:#fff;border:2px solid #fff;box-shadow:0 0 3px #000;box-sizing:border-box}
.nk-cluster-incident div{background:#8c2d04}
.nk-cluster-deployment div{background:#1f3a93;border-radius:4px}
</style>
"""


def _legend_html() -> str:
    incident_rows = "".join(
        f"<div><i style='background:{colour};border-radius:50%'>{letter}</i>{escape_text(name)}</div>"
        for name, (colour, letter) in EVENT_STYLE.items()
    )
    deployment_rows = "".join(
        f"<div><i style='background:{DEPLOYMENT_COLOUR};border-radius:2px'>{letter}</i>{kind.replace('_', ' ')}</div>"
        for kind, letter in DEPLOYMENT_STYLE.items()
    )
    return (
        f"<div class='nk-legend'><b>Incidents</b>{incident_rows}"
        "<div><i style='background:#888;border:2px solid #000;border-radius:50%'></i>people hurt or killed</div>"
        f"<b>Deployments</b>{deployment_rows}"
        f"<div><i style='background:{DEPLOYMENT_COLOUR};border:2px dashed #fff;border-radius:2px'></i>"
        "end not reported: shown from its start on</div></div>"
    )


class _Legend(MacroElement):
    """A static legend in the map's bottom-left corner."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function(){
          var legend = L.control({position: 'bottomleft'});
          legend.onAdd = function(){
            var div = L.DomUtil.create('div');
            div.innerHTML = {{ this.markup|tojson }};
            return div;
          };
          legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "Legend"
        self.markup = _legend_html()


def _hurt(record: Mapping[str, object]) -> bool:
    return any((record.get(k) or 0) > 0 for k in ("injured", "killed") if not pd.isna(record.get(k)))


def _incident_marker(record: Mapping[str, object], municipality_name: str) -> folium.Marker:
    colour, letter = EVENT_STYLE.get(str(record.get("event_type")), ("#777", "?"))
    hurt = _hurt(record)
    size = 28 if hurt else 22
    icon = folium.DivIcon(
        html=f"<div class='nk-icon nk-incident{' nk-hurt' if hurt else ''}' style='background:{colour}'>{letter}</div>",
        icon_size=(size, size),
        icon_anchor=(size // 2, size // 2),
        class_name="nk-marker nk-marker-incident",
    )
    tooltip = f"{pd.Timestamp(record['date']).date()} · {record.get('sub_event_type')} · {record.get('place_name')}"
    # Incidents sit above deployment squares drawn near them, so both stay clickable.
    return _marker(record, icon, tooltip, incident_popup(record, municipality_name), z_index_offset=500)


def _deployment_marker(record: Mapping[str, object], municipality_name: str) -> folium.Marker:
    letter = DEPLOYMENT_STYLE.get(str(record.get("kind")), "?")
    open_ended = " nk-open-ended" if pd.isna(record.get("end_date")) else ""
    icon = folium.DivIcon(
        html=f"<div class='nk-icon nk-deployment{open_ended}'>{letter}</div>",
        icon_size=(22, 22),
        # Drawn up and to the right of its point, so an incident at the same town stays visible.
        icon_anchor=(-5, 27),
        class_name="nk-marker nk-marker-deployment",
    )
    tooltip = f"{record.get('force')} {str(record.get('kind') or '').replace('_', ' ')} · {record.get('place_name')}"
    return _marker(record, icon, tooltip, deployment_popup(record, municipality_name))


def _marker(
    record: Mapping[str, object], icon: folium.DivIcon, tooltip: str, popup: str, **options: int
) -> folium.Marker:
    """A record's marker; the tooltip is escaped here, the popup was built escaped."""
    return folium.Marker(
        location=(float(record["lat"]), float(record["lon"])),
        icon=icon,
        tooltip=folium.Tooltip(escape_text(tooltip)),
        popup=folium.Popup(popup, max_width=360),
        **options,
    )


def _cluster(layer: str) -> MarkerCluster:
    """A layer whose markers at one place gather into a numbered badge that fans out on click.

    Many records share a town's point (the sources say "in Zvečan"), so
    without this they would hide each other.
    """
    icon = (
        "function(cluster){var n=cluster.getChildCount();"
        f"return L.divIcon({{html:'<div><span>'+n+'</span></div>',className:'nk-cluster nk-cluster-{layer}',"
        "iconSize:L.point(30,30)});}"
    )
    options = {"maxClusterRadius": 18, "spiderfyDistanceMultiplier": 1.6, "showCoverageOnHover": False}
    return MarkerCluster(control=False, icon_create_function=icon, options=options)


_BOUNDARY_GEOJSON: dict[int, tuple[gpd.GeoDataFrame, str]] = {}


def _boundary_geojson(municipalities: gpd.GeoDataFrame) -> str:
    """The polygons with escaped names as GeoJSON text, made once per frame (not on every app rerun)."""
    cached = _BOUNDARY_GEOJSON.get(id(municipalities))
    if cached is None or cached[0] is not municipalities:  # the frame is kept, so its id cannot be reused
        shapes = municipalities[["name_en", "name_sq", "name_sr", "north_kosovo", "geometry"]].copy()
        for column in ("name_en", "name_sq", "name_sr"):
            shapes[column] = shapes[column].map(escape_text)
        cached = _BOUNDARY_GEOJSON[id(municipalities)] = (municipalities, shapes.to_json())
    return cached[1]


def _boundaries(municipalities: gpd.GeoDataFrame) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name="Municipality boundaries", control=True)
    group.options["attribution"] = BOUNDARY_ATTRIBUTION
    folium.GeoJson(
        _boundary_geojson(municipalities),
        name="Municipality boundaries",
        style_function=lambda feature: {
            "color": "#222" if feature["properties"]["north_kosovo"] else "#999",
            "weight": 2.5 if feature["properties"]["north_kosovo"] else 0.8,
            "fillColor": "#f6e8c3" if feature["properties"]["north_kosovo"] else "#ffffff",
            "fillOpacity": 0.35 if feature["properties"]["north_kosovo"] else 0.15,
        },
        tooltip=folium.GeoJsonTooltip(["name_en", "name_sq", "name_sr"], aliases=["English", "Albanian", "Serbian"]),
    ).add_to(group)
    return group


def _time_player(incidents: gpd.GeoDataFrame) -> tuple[Timeline, TimelineSlider]:
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(r.lon), float(r.lat)]},
            "properties": {
                "start": pd.Timestamp(r.date).isoformat(),
                "end": (
                    pd.Timestamp(r.end_date) if not pd.isna(r.end_date) else pd.Timestamp(r.date) + pd.Timedelta(days=1)
                ).isoformat(),
                "colour": EVENT_STYLE.get(r.event_type, ("#777", "?"))[0],
                "label": escape_text(f"{pd.Timestamp(r.date).date()} {r.sub_event_type}, {r.place_name}"),
            },
        }
        for r in incidents.itertuples()
    ]
    point = JsCode(
        "function(feature, latlng){return L.circleMarker(latlng,{radius:9,color:'#000',weight:1,"
        "fillColor:feature.properties.colour,fillOpacity:.9}).bindTooltip(feature.properties.label);}"
    )
    timeline = Timeline({"type": "FeatureCollection", "features": features}, pointToLayer=point)
    # Timeline takes no name or show argument: set them as folium's Layer reads them.
    timeline.layer_name, timeline.control, timeline.show = "Time player (incidents)", True, False
    slider = TimelineSlider(
        auto_play=False,
        date_options="YYYY-MM-DD",
        show_ticks=True,
        enable_keyboard_controls=True,
        playback_duration=20000,
    )
    return timeline, slider


def build_base_map(
    municipalities: gpd.GeoDataFrame, view: View, incidents: gpd.GeoDataFrame | None = None
) -> folium.Map:
    """Everything but the record layers: tiles, boundaries, legend, credits, and the time player.

    It depends only on the view's position and layers (and, with the time
    player on, on the incidents), so the app can keep it while filters change.
    """
    fmap = folium.Map(location=view.center, zoom_start=view.zoom, tiles=None, control_scale=True)
    fmap.get_root().header.add_child(folium.Element(_CSS))
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap").add_to(fmap)
    if view.shows("boundaries"):
        _boundaries(municipalities).add_to(fmap)
    if view.shows("player") and incidents is not None and not incidents.empty:
        timeline, slider = _time_player(incidents)
        timeline.add_to(fmap)
        slider.add_timelines(timeline).add_to(fmap)
    _Legend().add_to(fmap)
    _Credits().add_to(fmap)
    return fmap


def record_layers(
    incidents: gpd.GeoDataFrame,
    deployments: gpd.GeoDataFrame,
    municipality_names: Mapping[str, str],
    view: View,
    bounds: Bounds | None = None,
) -> list[folium.FeatureGroup]:
    """The record layers of a view, the user's own records apart from ours.

    Each is a feature group holding a marker cluster, or the dense layer when
    there are too many incidents for one marker each.
    """
    layers = []
    for label, part in _by_origin(incidents) if view.shows("incidents") else ():
        name = f"{label}incidents ({len(part):,})"
        if len(part) > MARKER_LIMIT:
            layers.append(dense_group(name.capitalize(), part, bounds))
        else:
            layers.append(_record_layer(name.capitalize(), "incident", part, municipality_names))
    for label, part in _by_origin(deployments) if view.shows("deployments") else ():
        name = f"{label}deployments ({len(part):,})".capitalize()
        layers.append(_record_layer(name, "deployment", part, municipality_names))
    return layers


def _by_origin(records: gpd.GeoDataFrame) -> list[tuple[str, gpd.GeoDataFrame]]:
    """Our records, then the user's (uploads, files, store), each only if there are any; ours even if none."""
    theirs = records["origin"].ne("shipped") if "origin" in records else pd.Series(False, index=records.index)
    parts = [("", records[~theirs])]
    if theirs.any():
        parts.append(("your data: ", records[theirs]))
    return parts


def _record_layer(name: str, layer: str, records: gpd.GeoDataFrame, names: Mapping[str, str]) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name=name)
    cluster = _cluster(layer)
    make = _incident_marker if layer == "incident" else _deployment_marker
    for record in records.to_dict("records"):
        make(record, names.get(record.get("municipality"), "")).add_to(cluster)
    cluster.add_to(group)
    return group


def build_map(
    incidents: gpd.GeoDataFrame,
    deployments: gpd.GeoDataFrame,
    municipalities: gpd.GeoDataFrame,
    view: View,
) -> folium.Map:
    """The whole map of a view in one object (for snapshots and tests), from already-filtered records."""
    fmap = build_base_map(municipalities, view, incidents)
    for layer in record_layers(incidents, deployments, municipalities["name_en"].to_dict(), view):
        layer.add_to(fmap)
    folium.LayerControl(collapsed=False).add_to(fmap)
    return fmap


class _Credits(MacroElement):
    """Boundary and GeoNames credit in the attribution line, shown even when tiles do not load."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "Credits"
        self.text = BOUNDARY_ATTRIBUTION
