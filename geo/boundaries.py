"""Kosovo's municipality polygons and the point-in-polygon look-up on them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geo.names import slug

__all__ = [
    "NEAR_BOUNDARY_DEGREES",
    "Municipalities",
    "load_municipalities",
    "load_outline",
    "municipality_id",
]

# The shipped polygons are simplified by up to ~90 m (see data/boundaries/SOURCE.md);
# a point this close to its stated municipality is not called wrong.
NEAR_BOUNDARY_DEGREES = 0.0015


def municipality_id(name_en: str) -> str:
    """Stable id of a municipality from its English name: "North Mitrovica" -> "mun-north-mitrovica"."""
    return "mun-" + slug(name_en)


def load_municipalities(path: Path) -> gpd.GeoDataFrame:
    """Read the municipality polygons, indexed by municipality id, in EPSG:4326."""
    frame = gpd.read_file(path)
    frame = frame.set_crs(4326) if frame.crs is None else frame.to_crs(4326)
    frame["id"] = frame["name_en"].map(municipality_id)
    return frame.set_index("id", drop=False)


def load_outline(path: Path) -> BaseGeometry:
    """Kosovo's outline as one shapely geometry."""
    frame = gpd.read_file(path)
    return frame.geometry.union_all()


_GRID_FROM = 20_000  # points; below this, testing every polygon is quicker than building the grid
_OUTSIDE, _MIXED = -2, -1


@dataclass(frozen=True)
class _Grid:
    """Cells of 0.01° over the municipalities: the one each lies inside, or _OUTSIDE, or _MIXED (a border crosses)."""

    west: float
    south: float
    columns: int
    rows: int
    owner: np.ndarray  # per cell (and one last entry for points off the grid: _OUTSIDE)
    touches: np.ndarray  # polygons x cells: the polygon touches the cell (False for the last entry)

    STEP = 0.01
    MARGIN = 1e-7  # degrees: a point rounded into a neighbouring cell is still inside this one's box

    @classmethod
    def build(cls, polygons: np.ndarray, bounds: np.ndarray) -> _Grid:
        west, south, east, north = (float(b) for b in bounds)
        columns, rows = int(np.ceil((east - west) / cls.STEP)) + 1, int(np.ceil((north - south) / cls.STEP)) + 1
        x, y = np.meshgrid(np.arange(columns), np.arange(rows), indexing="ij")
        x0, y0 = west + x.ravel() * cls.STEP, south + y.ravel() * cls.STEP
        boxes = shapely.box(x0 - cls.MARGIN, y0 - cls.MARGIN, x0 + cls.STEP + cls.MARGIN, y0 + cls.STEP + cls.MARGIN)
        touches = np.zeros((len(polygons), len(boxes) + 1), dtype=bool)
        owner = np.full(len(boxes) + 1, _OUTSIDE, dtype=np.int64)
        inside = np.full(len(boxes), _MIXED, dtype=np.int64)
        for index, polygon in enumerate(polygons):
            touches[index, :-1] = shapely.intersects(polygon, boxes)
            inside[shapely.contains_properly(polygon, boxes)] = index
        count = touches.sum(axis=0)[:-1]
        owner[:-1] = np.where(count == 0, _OUTSIDE, np.where(count == 1, inside, _MIXED))
        return cls(west, south, columns, rows, owner, touches)

    def cell(self, lons: np.ndarray, lats: np.ndarray) -> np.ndarray:
        """Each point's cell, or the last entry for points off the grid (or not finite)."""
        with np.errstate(invalid="ignore"):
            x = np.floor((lons - self.west) / self.STEP)
            y = np.floor((lats - self.south) / self.STEP)
        on = (x >= 0) & (x < self.columns) & (y >= 0) & (y < self.rows)
        return np.where(on, np.where(on, x, 0).astype(np.int64) * self.rows + np.where(on, y, 0).astype(np.int64), -1)


@dataclass(frozen=True)
class Municipalities:
    """Municipality polygons with a spatial index, built once."""

    frame: gpd.GeoDataFrame

    @cached_property
    def _tree(self) -> shapely.STRtree:
        return shapely.STRtree(self.frame.geometry.values)

    @cached_property
    def _prepared(self) -> np.ndarray:
        geoms = np.asarray(self.frame.geometry.values, dtype=object)
        shapely.prepare(geoms)
        return geoms

    def locate(self, lon: float, lat: float) -> str | None:
        """Id of the municipality containing the point, or None outside Kosovo."""
        point = shapely.Point(lon, lat)
        for index in self._tree.query(point, predicate="intersects"):
            return str(self.frame.index[index])
        return None

    def locate_many(self, lons: np.ndarray, lats: np.ndarray) -> np.ndarray:
        """Municipality id for each point (None where outside), vectorised."""
        result = np.full(len(lons), None, dtype=object)
        for index, geom in enumerate(self._prepared):
            inside = shapely.contains_xy(geom, lons, lats)
            result[inside & (result == None)] = self.frame.index[index]  # noqa: E711
        return result

    def locate_all(self, lons: np.ndarray, lats: np.ndarray) -> np.ndarray:
        """Municipality id for each point, None outside Kosovo; a point on a border goes to the first that touches it.

        Large sets are answered from a grid of 0.01° cells: a cell inside one
        municipality (with a margin) gives its points that municipality at once,
        a cell touching none gives None, and only points in cells a border
        crosses are tested against the municipalities touching their cell.
        The answer is the same as testing every point against every polygon.
        """
        lons, lats = np.asarray(lons, dtype=float), np.asarray(lats, dtype=float)
        found = np.full(len(lons), -1, dtype=np.int64)
        if len(lons) < _GRID_FROM:
            candidates = np.ones((len(self._prepared), len(lons)), dtype=bool)
        else:
            cell = self._grid.cell(lons, lats)
            owner = self._grid.owner[cell]
            found = np.where(owner >= 0, owner, -1)
            mixed = np.flatnonzero(owner == _MIXED)
            candidates = np.zeros((len(self._prepared), len(lons)), dtype=bool)
            candidates[:, mixed] = self._grid.touches[:, cell[mixed]]
        for test in (shapely.contains_xy, shapely.intersects_xy):
            for index, geom in enumerate(self._prepared):
                pick = np.flatnonzero(candidates[index])
                pick = pick[found[pick] < 0]
                if len(pick):
                    found[pick[test(geom, lons[pick], lats[pick])]] = index
        ids = np.append(self.frame.index.to_numpy(dtype=object), None)
        return ids[found]

    @cached_property
    def _grid(self) -> _Grid:
        return _Grid.build(self._prepared, self.frame.total_bounds)

    def distance_to(self, municipality: str, lon: float, lat: float) -> float:
        """Distance in degrees from a point to a municipality (0 when inside)."""
        return float(self.frame.geometry[municipality].distance(shapely.Point(lon, lat)))

    def name(self, municipality: str) -> str:
        """English name of a municipality id."""
        return str(self.frame.at[municipality, "name_en"])

    def __contains__(self, municipality: object) -> bool:
        return municipality in self.frame.index

    @property
    def northern(self) -> list[str]:
        """Ids of the four northern, Serb-majority municipalities."""
        return [str(i) for i in self.frame.index[self.frame["north_kosovo"].astype(bool)]]
