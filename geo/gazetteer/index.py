"""The name index: every folded spelling of every place, built once, kept compact.

A key maps to its postings: place number and score packed in one int
(number << 7 | score), a bare int when one place has the key (most keys), a
tuple when several do. Three tiers of names:
- names and aliases: found in running text and by look-up (running text only
  for places where things happen: settlements, sites, municipalities, lakes);
- other names (former names, renamings, fragments such as "Kastriot",
  "Fortesa", "Janković"): found by look-up and search, never in running text,
  where they are as likely a person's name or a common word;
- names made only of feature or common words ("Police Post", "Livade"):
  found by the search box only.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from geo.gazetteer.place import CROSSING_KINDS, NORTH, SETTLEMENT_KINDS, Place
from geo.names import (
    albanian_forms,
    canonical_directions,
    canonical_qualifiers,
    fold,
    is_generic,
    phonetic,
    strip_wrappers,
)

__all__ = ["SCORES", "NameIndex", "Postings", "postings", "thaw", "unpack"]

Postings = int | tuple[int, ...]

SCORES = {"name": 100, "alias": 97, "form": 94, "phonetic": 90, "other": 80}
UNWRAP_PENALTY = 3
_SCORE_BITS = 7
_SCORE_MASK = (1 << _SCORE_BITS) - 1
# Places whose names a typo may still find: where things happen, not every hill and stream.
_FUZZY_KINDS = (
    SETTLEMENT_KINDS
    | CROSSING_KINDS
    | {
        "municipality",
        "region",
        "country",
        "bridge",
        "lake",
        "dam",
        "military_base",
        "monastery",
        "church",
        "mosque",
        "station",
    }
)
_PROMINENT_KINDS = frozenset({"municipality", "city", "town", "country"})
_TEXT_KINDS = _FUZZY_KINDS | {"district", "border_post", "airfield", "power_station"}


def unpack(posting: int) -> tuple[int, int]:
    """(place number, score) of one posting."""
    return posting >> _SCORE_BITS, posting & _SCORE_MASK


def postings(value: Postings) -> tuple[int, ...]:
    """Every posting of a key's value, best first."""
    return (value,) if isinstance(value, int) else value


def _keys_of(key: str, score: int, form_score: int) -> Iterator[tuple[str, int]]:
    """A folded name and the forms people also write: unwrapped, directions and qualifiers in English, inflected.

    A form that is a feature or common word on its own ("komuna e mali" -> "mali") is left out.
    """
    yield key, score
    unwrapped = strip_wrappers(key)
    if unwrapped != key and is_generic(unwrapped):
        return
    yield unwrapped, score - UNWRAP_PENALTY
    yield canonical_directions(unwrapped), score - UNWRAP_PENALTY
    yield canonical_qualifiers(unwrapped), score - UNWRAP_PENALTY
    for form in albanian_forms(unwrapped):
        yield form, form_score


@dataclass
class _Builder:
    exact: dict[str, dict[int, int]] = field(default_factory=lambda: defaultdict(dict))
    sounds: dict[str, dict[int, int]] = field(default_factory=lambda: defaultdict(dict))
    text: set[str] = field(default_factory=set)
    base: set[str] = field(default_factory=set)
    generic: dict[str, dict[int, int]] = field(default_factory=lambda: defaultdict(dict))

    @staticmethod
    def _put(table: dict[str, dict[int, int]], key: str, place: int, score: int) -> None:
        scores = table[key]
        if scores.get(place, 0) < score:
            scores[place] = score

    def add(self, name: str, place: int, score: int, in_text: bool) -> None:
        key = fold(name)
        if not key:
            return
        if is_generic(key):
            self._put(self.generic, key, place, score)
            return
        variants: dict[str, int] = {}
        for variant, variant_score in _keys_of(key, score, min(score, SCORES["form"])):
            if variant and variants.get(variant, 0) < variant_score:
                variants[variant] = variant_score
        for variant, variant_score in variants.items():
            self._put(self.exact, variant, place, variant_score)
            self._put(self.sounds, phonetic(variant), place, min(variant_score, SCORES["phonetic"]))
        if in_text:
            self.text.update(variants)
            self.base.add(key)


def _frozen(table: dict[str, dict[int, int]]) -> dict[str, Postings]:
    """Each key's postings packed, best score first; a bare int for a single place."""
    frozen: dict[str, Postings] = {}
    for key, scores in table.items():
        packed = sorted(((p << _SCORE_BITS) | s for p, s in scores.items()), key=lambda v: -(v & _SCORE_MASK))
        frozen[key] = packed[0] if len(packed) == 1 else tuple(packed)
    return frozen


def _in_text(place: Place) -> bool:
    """Whether running text may name this place: where things happen, not hills, streams and fields.

    Names of terrain and water features are often common words or people's
    names ("Balkan" is a hill); they stay findable by look-up and search.
    """
    return place.curated or place.kind in _TEXT_KINDS


def _names(place: Place) -> Iterator[tuple[str, int, bool]]:
    in_text = _in_text(place)
    for name in place.names:
        yield name, SCORES["name"], in_text
    for name in place.aliases:
        yield name, SCORES["alias"], in_text
    for name in place.other_names:
        yield name, SCORES["other"], False


def _word_tails(key: str) -> Iterator[str]:
    """ "north mitrovica" -> "mitrovica": later words of a name, so the search box finds it by any word."""
    words = key.split()
    for start in range(1, len(words)):
        yield " ".join(words[start:])


def _fuzzy_eligible(place: Place) -> bool:
    """Places a typo may still find: the ones this map is about, not every village and hill of Kosovo.

    With thousands of names, a one-letter typo of a common word is another
    village's name ("police" / Poljce): typos are forgiven for curated places,
    municipalities, towns and cities, and the places of the four northern municipalities.
    """
    if place.curated or place.kind in _PROMINENT_KINDS:
        return True
    return place.municipality in NORTH and place.kind in _FUZZY_KINDS


class NameIndex:
    """Folded keys and their phonetic forms to postings; sorted key lists for prefix search.

    `compiled()` is the index as plain JSON-ready data, and `NameIndex(places, compiled)`
    rebuilds it from that without folding a name again (what makes start-up fast).
    """

    def __init__(self, places: list[Place], compiled: dict[str, Any] | None = None) -> None:
        data = compiled or _build(places)
        self.exact: dict[str, Postings] = data["exact"]
        self.sounds: dict[str, Postings] = data["sounds"]
        self.generic: dict[str, Postings] = data["generic"]
        self.text_keys = frozenset(data["text"])
        self.text_sounds = frozenset(data["text_sounds"])
        self._base = data["base"]
        self.fuzzy_by_initial = self._fuzzy_keys(places)

    @cached_property
    def prefix(self) -> _PrefixTable:
        """Every key (generic names and word tails too), sorted: the search box's table."""
        return _PrefixTable({**self.generic, **self.exact}, tails=True)

    @cached_property
    def sound_prefix(self) -> _PrefixTable:
        """Phonetic keys, sorted."""
        return _PrefixTable(self.sounds, tails=False)

    def compiled(self) -> dict[str, Any]:
        """The index as JSON-ready data (lists for tuples)."""
        return {
            "exact": self.exact,
            "sounds": self.sounds,
            "generic": self.generic,
            "text": sorted(self.text_keys),
            "text_sounds": sorted(self.text_sounds),
            "base": self._base,
        }

    def _fuzzy_keys(self, places: list[Place]) -> dict[str, list[str]]:
        # Typos rarely hit the first letter (other words often differ there), so
        # fuzzy search only looks at keys with the query's first letter.
        by_initial: dict[str, list[str]] = defaultdict(list)
        for key in self._base:
            if any(_fuzzy_eligible(places[unpack(p)[0]]) for p in postings(self.exact[key])):
                by_initial[key[0]].append(key)
        return dict(by_initial)


def _build(places: list[Place]) -> dict[str, Any]:
    builder = _Builder()
    for number, place in enumerate(places):
        for name, score, in_text in _names(place):
            builder.add(name, number, score, in_text)
    return {
        "exact": _frozen(builder.exact),
        "sounds": _frozen(builder.sounds),
        "generic": _frozen(builder.generic),
        "text": builder.text,
        "text_sounds": {phonetic(k) for k in builder.text},
        "base": sorted(builder.base),
    }


def thaw(data: dict[str, Any]) -> dict[str, Any]:
    """Compiled index data as read from JSON: postings lists back to tuples."""
    for table in ("exact", "sounds", "generic"):
        data[table] = {k: v if isinstance(v, int) else tuple(v) for k, v in data[table].items()}
    return data


class _PrefixTable:
    """Sorted keys with their postings, for "every key starting with …" in O(log n + hits)."""

    def __init__(self, table: dict[str, Postings], tails: bool) -> None:
        entries = dict(table)
        if tails:
            extra: dict[str, set[int]] = defaultdict(set)
            for key, value in table.items():
                for tail in _word_tails(key):
                    extra[tail].update(postings(value))
            for tail, found in extra.items():
                entries[tail] = tuple(found.union(postings(entries[tail])) if tail in entries else found)
        self.keys = sorted(entries)
        self.values = [entries[k] for k in self.keys]

    def starting(self, prefix: str, cap: int) -> Iterable[tuple[str, Postings]]:
        """Up to `cap` (key, postings) whose key starts with `prefix`, in key order."""
        start = bisect_left(self.keys, prefix)
        for i in range(start, min(start + cap, len(self.keys))):
            if not self.keys[i].startswith(prefix):
                break
            yield self.keys[i], self.values[i]
