"""Which of several places of one name a text means: the one near the other places it names.

Villages share names (two Bistricas in Leposavić, a Suvi Do by Mitrovica and one by Gračanica).
The gazetteer's prior picks one when a name stands alone; an article names its places together,
so a namesake lying near the other places of the same sentence, or of the sentences before, is
the one meant ("Suvi Do, a settlement in the northern part of Mitrovica"). The prior's choice
stands unless a namesake is clearly nearer (by `_MARGIN_KM`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from geo.gazetteer import Place

__all__ = ["NORTH", "anchor", "km", "nearest_namesake"]

NORTH = frozenset({"mun-zvecan", "mun-leposavic", "mun-zubin-potok", "mun-north-mitrovica"})  # the map's focus

_MARGIN_KM = 8.0
_RECENT = 4  # places named shortly before
_EARTH_KM = 6371.0
_ANCHOR_KINDS = frozenset({"country", "region"})  # too wide to say where a village is


def km(a: Place, b: Place) -> float:
    """Great-circle distance between two places (haversine)."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 2 * _EARTH_KM * math.asin(math.sqrt(min(1.0, h)))


def anchor(place: Place) -> bool:
    """Whether a place can tell where its neighbours in the text lie (a capital is named for its government)."""
    return place.in_area and place.kind not in _ANCHOR_KINDS and not place.feature_code.endswith("PPLC")


def _closeness(place: Place, anchors: Sequence[Place]) -> float:
    """Mean distance to the anchors (its own earlier mentions left out)."""
    distances = [km(place, other) for other in anchors if other.id != place.id]
    return sum(distances) / len(distances) if distances else math.inf


def nearest_namesake(candidates: Sequence[Place], beside: Sequence[Place], before: Sequence[Place]) -> Place:
    """Of places of one kind sharing a name (best by the prior first): the one nearest the places named beside
    it, when clearly nearer than the prior's choice; with nothing beside it, the one the article already
    meant, else the one nearest the places named shortly before."""
    best = candidates[0]
    namesakes = [place for place in candidates if _same_sort(place, best)]  # a town never becomes its municipality
    if len(namesakes) < 2:
        return best
    if beside:
        return _nearest(namesakes, beside)
    # One name, one place, through an article: the namesake it meant last, as a later mention that had other
    # places beside it corrects a first one that had none (a headline's bare "Bistrica").
    ids = {place.id for place in namesakes}
    earlier = next((place for place in reversed(before) if place.id in ids), None)
    if earlier is not None:
        return earlier
    return _nearest(namesakes, before[-_RECENT:]) if before else best


_SETTLEMENTS = frozenset({"city", "town", "village", "hamlet", "locality"})


def _same_sort(place: Place, best: Place) -> bool:
    """Namesakes of one sort: of one kind; or settlements both, when the prior's choice lies outside the north and
    the other in it ("meštani Kamenice i Vuče u opštini Leposavić" is the village of Kamenica by Vuča, not the
    town of Kamenica far to the south-east; Zvečan by Peja never stands for the town of Zvečan)."""
    if place.kind == best.kind:
        return True
    settlements = place.kind in _SETTLEMENTS and best.kind in _SETTLEMENTS
    return settlements and best.municipality not in NORTH and place.municipality in NORTH


def _nearest(namesakes: Sequence[Place], anchors: Sequence[Place]) -> Place:
    best = namesakes[0]
    nearest = min(namesakes, key=lambda place: _closeness(place, anchors))
    return nearest if _closeness(nearest, anchors) + _MARGIN_KM < _closeness(best, anchors) else best
