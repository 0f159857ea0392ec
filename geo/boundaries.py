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
