"""The gazetteer: place names in every spelling people use, turned into points.

The index is built once from data/places.csv. A look-up folds the query
(geo.names.fold), tries exact keys, then the same keys with administrative
wrappers and North/South words removed, then a phonetic key that makes
Albanian and Serbian spellings meet, and last a fuzzy match (rapidfuzz) for
small typos. Ordinary words and far-away places do not become Kosovo towns:
fuzzy matches need a high score and a name of some length.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

from geo.names import (
    albanian_forms,
    canonical_directions,
    fold,
    phonetic,
    strip_directions,
    strip_wrappers,
)

__all__ = ["Gazetteer", "GeocodeResult", "Place"]

# Score of a match by how it was found; the best place wins, ties go to the
# kind of place people most often mean (a town over its municipality).
_SCORES = {"name": 100.0, "alias": 97.0, "form": 94.0, "phonetic": 90.0}
_UNWRAP_PENALTY = 3.0
_KIND_ORDER = {
    "city": 0,
    "town": 0,
    "village": 1,
    "bridge": 2,
    "border_crossing": 2,
    "site": 2,
    "lake": 2,
    "military_base": 2,
    "municipality": 3,
    "region": 4,
    "country": 5,
}


@dataclass(frozen=True)
class Place:
    """One gazetteer entry (a row of data/places.csv)."""

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

    @classmethod
    def from_row(cls, row: dict[str, str]) -> Place:
        return cls(
            id=row["id"],
            kind=row["kind"],
            name_en=row["name_en"],
            name_sq=row["name_sq"],
            name_sr_latn=row["name_sr_latn"],
            name_sr_cyrl=row["name_sr_cyrl"],
            aliases=tuple(a for a in row["aliases"].split("|") if a),
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            precision=row["precision"],
            coord_basis=row["coord_basis"],
            municipality=row["municipality"],
            country=row["country"],
            geonames_id=row["geonames_id"],
            in_area=row["in_area"] == "true",
            source=row["source"],
        )

    @property
    def names(self) -> tuple[str, ...]:
        """The place's own names in English, Albanian and Serbian (both scripts)."""
        own = (self.name_en, self.name_sq, self.name_sr_latn, self.name_sr_cyrl)
        return tuple(n for n in own if n)


@dataclass(frozen=True)
class GeocodeResult:
    """The best place for a query, how sure we are, and the other candidates."""

    query: str
    place: Place
    score: float
    matched_by: str
    alternatives: tuple[tuple[Place, float], ...] = ()

    @property
    def ambiguous(self) -> bool:
        """True when another, unrelated place scored as high as the best one."""
        return any(
            score >= self.score and alt.id != self.place.municipality and alt.municipality != self.place.id
            for alt, score in self.alternatives
        )

    def as_dict(self, municipality_name: str | None = None) -> dict[str, Any]:
        """JSON-ready form, as printed by `kosovo-map geocode --json`."""
        return {
            "query": self.query,
            "id": self.place.id,
            "name": self.place.name_en,
            "lat": self.place.lat,
            "lon": self.place.lon,
            "kind": self.place.kind,
            "municipality": self.place.municipality or None,
            "municipality_name": municipality_name,
            "in_area": self.place.in_area,
            "precision": self.place.precision,
            "score": round(self.score, 1),
            "matched_by": self.matched_by,
            "ambiguous": self.ambiguous,
            "alternatives": [
                {"id": p.id, "name": p.name_en, "kind": p.kind, "score": round(s, 1)} for p, s in self.alternatives
            ],
        }


@dataclass
class _Index:
    """Folded key -> {place index: best score for that key}."""

    exact: dict[str, dict[int, float]] = field(default_factory=lambda: defaultdict(dict))
    sounds: dict[str, dict[int, float]] = field(default_factory=lambda: defaultdict(dict))

    def add(self, key: str, place: int, score: float) -> None:
        if not key:
            return
        for table, table_key, table_score in (
            (self.exact, key, score),
            (self.sounds, phonetic(key), min(score, _SCORES["phonetic"])),
        ):
            if table[table_key].get(place, 0.0) < table_score:
                table[table_key][place] = table_score


def _typos_allowed(key: str) -> int:
    """Edits a fuzzy match may need: none for short words, where one edit makes another word."""
    letters = len(key.replace(" ", ""))
    if letters < 6:
        return 0
    return 1 if letters < 9 else 2


class Gazetteer:
    """Geocodes place names; built once from a list of places."""

    def __init__(self, places: list[Place]) -> None:
        self.places = places
        self.by_id = {p.id: p for p in places}
        self._index = _Index()
        for number, place in enumerate(places):
            self._add_place(number, place)
        # Typos rarely hit the first letter (other words often differ there), so
        # fuzzy search only looks at keys with the query's first letter.
        self._keys_by_initial: dict[str, list[str]] = defaultdict(list)
        for key in self._index.exact:
            self._keys_by_initial[key[0]].append(key)

    @classmethod
    def from_csv(cls, path: Path) -> Gazetteer:
        with open(path, encoding="utf-8", newline="") as handle:
            return cls([Place.from_row(row) for row in csv.DictReader(handle)])

    def _add_place(self, number: int, place: Place) -> None:
        for names, score in ((place.names, _SCORES["name"]), (place.aliases, _SCORES["alias"])):
            for name in names:
                key = fold(name)
                self._index.add(key, number, score)
                self._index.add(strip_wrappers(key), number, score - _UNWRAP_PENALTY)
                self._index.add(canonical_directions(key), number, score - _UNWRAP_PENALTY)
                for form in albanian_forms(key):
                    self._index.add(form, number, _SCORES["form"])

    def geocode(self, query: str) -> GeocodeResult | None:
        """The best place for a name in any spelling, or None when nothing is close enough."""
        key = fold(query)
        if not key:
            return None
        if key in self._index.exact:  # the common case, kept fast
            return self._result(query, self._index.exact[key], 0.0, "exact")
        for candidate, penalty in self._query_keys(key):
            scores = self._lookup(candidate)
            if scores:
                return self._result(query, scores, penalty, "exact" if penalty == 0 else "unwrapped")
        return self._fuzzy(query, strip_wrappers(key))

    def _query_keys(self, key: str) -> list[tuple[str, float]]:
        unwrapped = strip_wrappers(key)
        keys = {key: 0.0}
        keys.setdefault(unwrapped, _UNWRAP_PENALTY)
        keys.setdefault(canonical_directions(unwrapped), _UNWRAP_PENALTY)
        keys.setdefault(strip_directions(unwrapped), 2 * _UNWRAP_PENALTY)
        return [(k, penalty) for k, penalty in keys.items() if k]

    def _lookup(self, key: str) -> dict[int, float]:
        return self._index.exact.get(key) or self._index.sounds.get(phonetic(key)) or {}

    def _fuzzy(self, query: str, key: str) -> GeocodeResult | None:
        allowed = _typos_allowed(key)
        if not allowed:
            return None
        candidates = self._keys_by_initial.get(key[0], [])
        matches = process.extract(key, candidates, scorer=OSA.distance, score_cutoff=allowed, limit=5)
        scores: dict[int, float] = {}
        for matched_key, distance, _ in matches:
            similarity = 100.0 * (1.0 - distance / max(len(key), len(matched_key)))
            for place, score in self._index.exact[matched_key].items():
                scores[place] = max(scores.get(place, 0.0), similarity * score / 100.0)
        return self._result(query, scores, 0.0, "fuzzy") if scores else None

    def _result(self, query: str, scores: dict[int, float], penalty: float, how: str) -> GeocodeResult:
        ranked = sorted(scores.items(), key=lambda item: self._rank(item[0], item[1]))
        (best, best_score), rest = ranked[0], ranked[1:]
        return GeocodeResult(
            query=query,
            place=self.places[best],
            score=best_score - penalty,
            matched_by=how,
            alternatives=tuple((self.places[i], s - penalty) for i, s in rest),
        )

    def _rank(self, number: int, score: float) -> tuple[float, int, int, int]:
        place = self.places[number]
        return (-score, not place.in_area, _KIND_ORDER.get(place.kind, 9), number)

    @cached_property
    def name_keys(self) -> frozenset[str]:
        """Every folded key the index knows (names, aliases, unwrapped and inflected forms)."""
        return frozenset(self._index.exact)

    @cached_property
    def sound_keys(self) -> frozenset[str]:
        """The phonetic forms of those keys."""
        return frozenset(self._index.sounds)

    def get(self, place_id: str) -> Place | None:
        """The place with this id, if any."""
        return self.by_id.get(place_id)
