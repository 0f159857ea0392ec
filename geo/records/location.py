"""Where points lie: each row's municipality, and the municipality its point would be in with lat and lon swapped."""

from __future__ import annotations

import numpy as np

from geo.boundaries import NEAR_BOUNDARY_DEGREES, Municipalities

__all__ = ["NEAR_BOUNDARY_DEGREES", "locate", "outside_message", "swapped_message"]


def locate(municipalities: Municipalities, lons: np.ndarray, lats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each point's municipality (None outside Kosovo or no point), and for those outside, (lat, lon)'s."""
    located = municipalities.locate_all(lons, lats)
    swapped = np.full(len(lons), None, dtype=object)
    outside = np.flatnonzero((located == None) & np.isfinite(lons) & np.isfinite(lats))  # noqa: E711
    if len(outside):
        swapped[outside] = municipalities.locate_all(lats[outside], lons[outside])
    return located, swapped


def swapped_message(lat: float, lon: float, where: str) -> str:
    """Why a point outside Kosovo whose swapped form lies inside is refused."""
    return f"lat and lon look swapped: {lat}, {lon} is outside Kosovo, but {lon}, {lat} is in {where}"


def outside_message(lat: float, lon: float, stated: str, where: str) -> str:
    """Why a point away from the municipality its row states is refused."""
    return f"point {lat}, {lon} is outside its stated municipality {stated} (it is in {where})"
