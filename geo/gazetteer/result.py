"""The answer to a look-up: the best place, how it was found, and the other places of that name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from geo.gazetteer.place import Place

__all__ = ["GeocodeResult"]

# Alternatives this close to the best match's score are other places of the same name
# (a name and an alias differ by 3; an inflected form or a typo by more).
SAME_NAME_BAND = 3.0


@dataclass(frozen=True)
class GeocodeResult:
    """The best place for a query, how sure we are, and the other candidates (best first).

    `ambiguous` is True when another, unrelated place (not the town's own
    municipality, not within a few km) matched the name as well and neither
    the context nor the kind of place told them apart clearly.
    """

    query: str
    place: Place
    score: float
    matched_by: str
    alternatives: tuple[tuple[Place, float], ...] = ()
    ambiguous: bool = False

    def same_name(self) -> tuple[Place, ...]:
        """The other places that match the name as well as the best one (for "did you mean another?")."""
        return tuple(
            place
            for place, score in self.alternatives
            if score >= self.score - SAME_NAME_BAND and place.id != self.place.municipality
        )

    def alternative_ids(self, limit: int = 8) -> str:
        """The same-name alternatives as `;`-separated place ids, as records keep them (`place_alternatives`)."""
        return ";".join(p.id for p in self.same_name()[:limit])

    def as_dict(
        self, municipality_name: str | None = None, names: Callable[[str], str | None] | None = None
    ) -> dict[str, Any]:
        """JSON-ready form, as printed by `kosovo-map geocode --json`; `names` gives municipality names by id."""

        def named(municipality: str) -> str | None:
            return names(municipality) if names and municipality else None

        return {
            "query": self.query,
            "id": self.place.id,
            "name": self.place.name_en,
            "lat": self.place.lat,
            "lon": self.place.lon,
            "kind": self.place.kind,
            "municipality": self.place.municipality or None,
            "municipality_name": municipality_name or named(self.place.municipality),
            "in_area": self.place.in_area,
            "precision": self.place.precision,
            "score": round(self.score, 1),
            "matched_by": self.matched_by,
            "ambiguous": self.ambiguous,
            "alternatives": [
                {
                    "id": p.id,
                    "name": p.name_en,
                    "kind": p.kind,
                    "municipality": p.municipality or None,
                    "municipality_name": named(p.municipality),
                    "score": round(s, 1),
                }
                for p, s in self.alternatives
            ],
        }
