"""Context for a look-up: the municipalities and places named around a name, and what they say about it.

A row's municipality cell, or the sentence a name stands in, often settles
which of several places of one name is meant ("Banjska" in Vushtrri, not
the one in Zvečan). Clues are the municipalities and points of the places
that context names; a candidate in a named municipality, or near a named
place, gains over the others.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from geo.gazetteer.place import Place

__all__ = ["NO_CLUES", "Clues", "candidate_spans", "distance_km"]

_IN_MUNICIPALITY = 40.0
_NEAR = 25.0
_NEAR_KM = 25.0
_MAX_SPAN_WORDS = 4
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance between two points in km (equirectangular: exact enough within a country)."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0 * math.hypot(x, y)


@dataclass(frozen=True)
class Clues:
    """Municipalities and points named by a look-up's context."""

    municipalities: frozenset[str] = frozenset()
    points: tuple[tuple[float, float], ...] = ()

    @classmethod
    def of(cls, places: Iterable[Place]) -> Clues:
        """The clues a list of named places gives: their municipalities, and the points of those that are not areas."""
        places = list(places)
        municipalities = {p.id if p.kind == "municipality" else p.municipality for p in places}
        points = tuple((p.lat, p.lon) for p in places if p.kind not in ("municipality", "region", "country"))
        return cls(frozenset(m for m in municipalities if m), points)

    def __bool__(self) -> bool:
        return bool(self.municipalities or self.points)

    def bonus(self, place: Place) -> float:
        """How much the context speaks for a candidate: in a named municipality, near a named place."""
        score = _IN_MUNICIPALITY if place.municipality and place.municipality in self.municipalities else 0.0
        if self.points:
            nearest = min(distance_km(place.lat, place.lon, lat, lon) for lat, lon in self.points)
            score += _NEAR * max(0.0, 1.0 - nearest / _NEAR_KM)
        return score


NO_CLUES = Clues()


def candidate_spans(text: str) -> Iterator[str]:
    """Runs of up to four words starting with a capital letter: where a sentence may name a place."""
    words = list(_WORD.finditer(text))
    for i, word in enumerate(words):
        if not word.group()[0].isupper():
            continue
        for n in range(min(_MAX_SPAN_WORDS, len(words) - i), 0, -1):
            yield text[word.start() : words[i + n - 1].end()]
