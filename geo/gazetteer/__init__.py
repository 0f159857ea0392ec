"""The gazetteer of Kosovo: every place in every spelling, with context-aware look-up and search.

`Gazetteer.from_csv(data/places.csv)` builds the index once; `geocode(name,
context=...)` finds the place a name means, `search(text)` answers a search
box, `get(id)` resolves ids (also `gn-<geonameid>` of features a curated place took).
"""

from geo.gazetteer.context import Clues
from geo.gazetteer.core import COMPILED_INDEX, Context, Gazetteer, fingerprint
from geo.gazetteer.place import NORTH, SETTLEMENT_KINDS, Place, prior
from geo.gazetteer.result import GeocodeResult

__all__ = [
    "COMPILED_INDEX",
    "NORTH",
    "SETTLEMENT_KINDS",
    "Clues",
    "Context",
    "Gazetteer",
    "GeocodeResult",
    "Place",
    "fingerprint",
    "prior",
]
