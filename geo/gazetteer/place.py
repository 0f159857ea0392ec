"""One gazetteer entry (a row of data/places.csv), and how likely a bare name means it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

__all__ = ["NORTH", "SETTLEMENT_KINDS", "Place", "prior"]

NORTH: Final = frozenset({"mun-zvecan", "mun-leposavic", "mun-zubin-potok", "mun-north-mitrovica"})
SETTLEMENT_KINDS: Final = frozenset({"city", "town", "village", "hamlet", "neighbourhood"})
CROSSING_KINDS: Final = frozenset({"border_crossing"})

# How likely a bare name means a place of this kind, when several places share it.
# A crossing ranks above the village it is named after: reports that name
# Jarinje, Brnjak or Merdare almost always mean the crossing.
_KIND_PRIOR: Final = {
    "country": 35.0,
    "city": 30.0,
    "town": 25.0,
    "border_crossing": 24.0,
    "region": 15.0,
    "military_base": 14.0,
    "village": 12.0,
    "municipality": 10.0,
    "bridge": 10.0,
    "dam": 10.0,
    "lake": 10.0,
    "monastery": 9.0,
    "hamlet": 8.0,
    "neighbourhood": 8.0,
    "district": 6.0,
    "station": 6.0,
    "church": 6.0,
    "mosque": 6.0,
    "border_post": 5.0,
    "locality": 4.0,
}
_OTHER_KIND_PRIOR: Final = 3.0
_NORTH_PRIOR: Final = 8.0  # the map's area: a bare name most likely means the place in the four northern municipalities
_CURATED_PRIOR: Final = 6.0
_IN_AREA_PRIOR: Final = 10.0
_MAX_SIZE_PRIOR: Final = 6.0


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part for part in cell.split("|") if part)


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: names in every language, point, precision, municipality, and where it comes from."""

    id: str
    kind: str
    name_en: str
    name_sq: str
    name_sr_latn: str
    name_sr_cyrl: str
    aliases: tuple[str, ...]
    lat: float
    lon: float
    precision: str
    coord_basis: str
    municipality: str
    country: str
    geonames_id: str
    in_area: bool
    source: str
    other_names: tuple[str, ...] = ()
    feature_code: str = ""
    population: int = 0
    gns_ufi: str = ""
    same_as: tuple[str, ...] = ()
    point_from: str = ""
    url: str = ""

    @classmethod
    def from_row(cls, row: dict[str, str]) -> Place:
        """A place from a places.csv row (columns added after the first release may be missing)."""
        return cls(
            id=row["id"],
            kind=row["kind"],
            name_en=row["name_en"],
            name_sq=row.get("name_sq", ""),
            name_sr_latn=row.get("name_sr_latn", ""),
            name_sr_cyrl=row.get("name_sr_cyrl", ""),
            aliases=_split(row.get("aliases", "")),
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            precision=row.get("precision", ""),
            coord_basis=row.get("coord_basis", ""),
            municipality=row.get("municipality", ""),
            country=row.get("country", ""),
            geonames_id=row.get("geonames_id", ""),
            in_area=row.get("in_area", "true") == "true",
            source=row.get("source", ""),
            other_names=_split(row.get("other_names", "")),
            feature_code=row.get("feature_code", ""),
            population=int(row.get("population") or 0),
            gns_ufi=row.get("gns_ufi", ""),
            same_as=_split(row.get("same_as", "")),
            point_from=row.get("point_from", ""),
            url=row.get("url", ""),
        )

    @property
    def names(self) -> tuple[str, ...]:
        """The place's own names in English, Albanian and Serbian (both scripts)."""
        own = (self.name_en, self.name_sq, self.name_sr_latn, self.name_sr_cyrl)
        return tuple(dict.fromkeys(n for n in own if n))

    @property
    def curated(self) -> bool:
        """True for the places of data/places_spec.csv (not a GeoNames/NGA feature or a municipality)."""
        return not self.id.startswith(("gn-", "gns-", "mun-"))

    @property
    def settlement(self) -> bool:
        """True for cities, towns, villages, hamlets and neighbourhoods."""
        return self.kind in SETTLEMENT_KINDS


def prior(place: Place) -> float:
    """How likely a bare name means this place rather than another of the same name.

    Kind first (a town over a village over a stream), then the four northern
    municipalities, curated places, the map's area and settlement size.
    """
    score = _KIND_PRIOR.get(place.kind, _OTHER_KIND_PRIOR)
    score += _NORTH_PRIOR if place.municipality in NORTH else 0.0
    score += _CURATED_PRIOR if place.curated else 0.0
    score += _IN_AREA_PRIOR if place.in_area else 0.0
    if place.population > 0:
        score += min(_MAX_SIZE_PRIOR, math.log10(place.population))
    return score
