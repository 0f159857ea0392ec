"""Many incidents on one map: a compact canvas layer that draws points, or counts when they crowd.

One folium object per record costs ~0.65 ms in Python and a DOM element in the
browser, so above a few thousand records the map switches to this layer. It
ships the records as typed arrays (coordinates as float32, type, day and place
as small integers, base64-encoded) and draws them on a canvas: zoomed out, points
that crowd one screen cell are drawn as one circle with their count; zoomed in,
each point is drawn and opens a popup built with textContent (no markup from
data is ever parsed). Above `POINT_LIMIT` records the server sends grid bins
(counts per cell) instead of points.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
from branca.element import MacroElement, Template

from components.symbols import EVENT_STYLE

__all__ = ["POINT_LIMIT", "DenseLayer", "DensePayload", "dense_group", "dense_payload", "grid_bins", "in_bounds"]

# Above this many records in the window, points are binned on the server.
POINT_LIMIT = 150_000
_EPOCH = np.datetime64("1970-01-01", "D")
_TYPES = list(EVENT_STYLE)


def _b64(array: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(array).tobytes()).decode("ascii")


@dataclass(frozen=True)
class DensePayload:
    """What the browser gets: points (with codes) or bins (with counts), as base64 typed arrays."""

    mode: str
    count: int
    arrays: dict[str, str]
    ids: list[str]
    places: list[str]

    def as_dict(self) -> dict[str, object]:
        types = [[name, colour] for name, (colour, _) in EVENT_STYLE.items()]
        return {"mode": self.mode, "count": self.count, "types": types, "places": self.places, "ids": self.ids,
                **self.arrays}  # fmt: skip


def grid_bins(lon: np.ndarray, lat: np.ndarray, cell_degrees: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Counts of points per square grid cell: (cell centre lon, cell centre lat, count), vectorised."""
    column = np.floor(lon / cell_degrees).astype(np.int64)
    row = np.floor(lat / cell_degrees).astype(np.int64)
    keys, counts = np.unique(np.stack([column, row]), axis=1, return_counts=True)
    return (keys[0] + 0.5) * cell_degrees, (keys[1] + 0.5) * cell_degrees, counts


def dense_payload(incidents: gpd.GeoDataFrame, cell_degrees: float = 0.02) -> DensePayload:
    """The compact form of many incidents: points below POINT_LIMIT, grid bins above."""
    lon = incidents["lon"].to_numpy(dtype=np.float64)
    lat = incidents["lat"].to_numpy(dtype=np.float64)
    if len(incidents) > POINT_LIMIT:
        centre_lon, centre_lat, counts = grid_bins(lon, lat, cell_degrees)
        arrays = {"lon": _b64(centre_lon.astype(np.float32)), "lat": _b64(centre_lat.astype(np.float32)),
                  "n": _b64(counts.astype(np.uint32))}  # fmt: skip
        return DensePayload("bins", len(incidents), arrays, [], [])
    codes = pd.Categorical(incidents["event_type"], categories=_TYPES).codes.astype(np.int8)
    days = (incidents["date"].to_numpy(dtype="datetime64[D]") - _EPOCH).astype(np.int32)
    place_codes, places = pd.factorize(incidents["place_name"].fillna(""), sort=False)
    arrays = {
        "lon": _b64(lon.astype(np.float32)),
        "lat": _b64(lat.astype(np.float32)),
        "type": _b64(codes),
        "day": _b64(days),
        "place": _b64(place_codes.astype(np.int32)),
    }
    return DensePayload("points", len(incidents), arrays, incidents["id"].astype(str).tolist(), list(places))


class DenseLayer(MacroElement):
    """A canvas layer of many incidents, added to its parent (a map or feature group)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
          var data = {{ this.payload|tojson }};
          function decode(text, Kind) {
            var bytes = Uint8Array.from(atob(text || ''), function (c) { return c.charCodeAt(0); });
            return new Kind(bytes.buffer);
          }
          var lon = decode(data.lon, Float32Array), lat = decode(data.lat, Float32Array);
          var points = data.mode === 'points';
          var type = points ? decode(data.type, Int8Array) : null;
          var day = points ? decode(data.day, Int32Array) : null;
          var place = points ? decode(data.place, Int32Array) : null;
          var weight = points ? null : decode(data.n, Uint32Array);
          var CELL = 36, DETAIL_ZOOM = 13;
          var NkDense = L.Layer.extend({
            onAdd: function (map) {
              this._map = map;
              this._canvas = L.DomUtil.create('canvas', 'nk-dense leaflet-zoom-hide');
              map.getPanes().overlayPane.appendChild(this._canvas);
              map.on('moveend zoomend resize', this._draw, this);
              map.on('click', this._click, this);
              this._draw();
            },
            onRemove: function (map) {
              L.DomUtil.remove(this._canvas);
              map.off('moveend zoomend resize', this._draw, this);
              map.off('click', this._click, this);
            },
            _draw: function () {
              var map = this._map, size = map.getSize(), canvas = this._canvas;
              L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
              canvas.width = size.x; canvas.height = size.y;
              var ctx = canvas.getContext('2d'), bounds = map.getBounds().pad(0.05);
              var cells = new Map(), drawn = [], aggregate = !points || map.getZoom() < DETAIL_ZOOM;
              for (var i = 0; i < lon.length; i++) {
                if (!bounds.contains([lat[i], lon[i]])) continue;
                var p = map.latLngToContainerPoint([lat[i], lon[i]]);
                if (!aggregate) { drawn.push([p.x, p.y, i]); continue; }
                var key = Math.floor(p.x / CELL) + ',' + Math.floor(p.y / CELL);
                var cell = cells.get(key) || cells.set(key, {x: 0, y: 0, n: 0, first: i}).get(key);
                var w = weight ? weight[i] : 1;
                cell.x += p.x * w; cell.y += p.y * w; cell.n += w;
              }
              this._cells = [];
              var self = this;
              cells.forEach(function (c) {
                var x = c.x / c.n, y = c.y / c.n, r = Math.min(26, 7 + 3.2 * Math.log(c.n));
                self._cells.push({x: x, y: y, n: c.n, first: c.first, r: r});
                ctx.beginPath(); ctx.arc(x, y, r, 0, 2 * Math.PI);
                ctx.fillStyle = c.n > 1 ? 'rgba(140,45,4,0.85)' : (points ? data.types[type[c.first]][1] : '#8c2d04');
                ctx.fill(); ctx.lineWidth = 2; ctx.strokeStyle = '#fff'; ctx.stroke();
                if (c.n > 1) {
                  ctx.fillStyle = '#fff'; ctx.font = 'bold 11px sans-serif'; ctx.textAlign = 'center';
                  ctx.textBaseline = 'middle'; ctx.fillText(c.n > 9999 ? Math.round(c.n / 1000) + 'k' : c.n, x, y);
                }
              });
              drawn.forEach(function (d) {
                ctx.beginPath(); ctx.arc(d[0], d[1], 6, 0, 2 * Math.PI);
                ctx.fillStyle = data.types[type[d[2]]] ? data.types[type[d[2]]][1] : '#777';
                ctx.fill(); ctx.lineWidth = 1.5; ctx.strokeStyle = '#fff'; ctx.stroke();
              });
              this._drawn = drawn;
              canvas.dataset.points = String(drawn.length);
              canvas.dataset.cells = String(this._cells.length);
              canvas.dataset.total = String(this._cells.reduce(function (s, c) { return s + c.n; }, 0) + drawn.length);
            },
            _click: function (event) {
              var p = event.containerPoint, best = null, bestDistance = 12;
              (this._drawn || []).forEach(function (d) {
                var distance = Math.hypot(d[0] - p.x, d[1] - p.y);
                if (distance < bestDistance) { best = d; bestDistance = distance; }
              });
              if (best) { this._popup(best[2]); return; }
              var map = this._map;
              (this._cells || []).forEach(function (c) {
                if (Math.hypot(c.x - p.x, c.y - p.y) <= c.r) {
                  map.setView(map.containerPointToLatLng([c.x, c.y]), Math.min(map.getZoom() + 2, 18));
                }
              });
            },
            _popup: function (i) {
              var box = document.createElement('div'), rows = [
                ['Date', new Date(day[i] * 86400000).toISOString().slice(0, 10)],
                ['Type', data.types[type[i]] ? data.types[type[i]][0] : ''],
                ['Place', data.places[place[i]] || ''],
              ];
              box.className = 'nk-popup';
              rows.forEach(function (row) {
                var line = document.createElement('div'), label = document.createElement('b');
                label.textContent = row[0] + ': '; line.appendChild(label);
                line.appendChild(document.createTextNode(row[1])); box.appendChild(line);
              });
              var id = document.createElement('p'); id.className = 'nk-id'; id.textContent = 'id: ' + data.ids[i];
              box.appendChild(id);
              L.popup().setLatLng([lat[i], lon[i]]).setContent(box).openOn(this._map);
            }
          });
          new NkDense().addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, payload: DensePayload) -> None:
        super().__init__()
        self._name = "DenseLayer"
        self.payload = payload.as_dict()


Bounds = tuple[tuple[float, float], tuple[float, float]]  # ((south, west), (north, east))


def in_bounds(incidents: gpd.GeoDataFrame, bounds: Bounds) -> gpd.GeoDataFrame:
    """The incidents inside a map's bounds (vectorised)."""
    (south, west), (north, east) = bounds
    lat, lon = incidents["lat"].to_numpy(float), incidents["lon"].to_numpy(float)
    return incidents[(lat >= south) & (lat <= north) & (lon >= west) & (lon <= east)]


def dense_group(name: str, incidents: gpd.GeoDataFrame, bounds: Bounds | None = None) -> folium.FeatureGroup:
    """A feature group holding the dense layer of these incidents (for the layer control and st_folium).

    Too many for points? With the map's bounds known (the app knows them), the
    points in view are sent when they are few enough, so zooming in shows single
    incidents even among a million; otherwise every incident goes into grid bins.
    """
    group = folium.FeatureGroup(name=name)
    shown = incidents
    if len(incidents) > POINT_LIMIT and bounds is not None:
        visible = in_bounds(incidents, bounds)
        shown = visible if len(visible) <= POINT_LIMIT else incidents
    DenseLayer(dense_payload(shown)).add_to(group)
    return group
