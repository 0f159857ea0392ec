"""The gazetteer: place names in every spelling people use, turned into points.

A look-up folds the query (geo.names.fold), reads what kind of place it asks
for ("Jarinje crossing", "village of Jarinje"), tries exact keys, then the
same keys with administrative wrappers, North/South words and qualifiers
normalised, then a phonetic key that makes Albanian and Serbian spellings
meet, and last a fuzzy match (rapidfuzz) for small typos. When several places
share the name, the context (a municipality or place named beside it) decides,
then the prior: the kind and size of place and the four northern
municipalities. Ordinary words and far-away places do not become Kosovo
places: fuzzy matches need a high score and a name of some length.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

from geo import names as names_module
from geo.gazetteer import index as index_module
from geo.gazetteer import place as place_module
from geo.gazetteer.context import NO_CLUES, Clues, candidate_spans, distance_km
from geo.gazetteer.index import UNWRAP_PENALTY, NameIndex, postings, thaw, unpack
from geo.gazetteer.place import CROSSING_KINDS, Place, prior
from geo.gazetteer.result import SAME_NAME_BAND, GeocodeResult
from geo.names import (
    KindHint,
    canonical_directions,
    canonical_qualifiers,
    fold,
    kind_hint,
    phonetic,
    strip_directions,
    strip_wrappers,
)

__all__ = ["COMPILED_INDEX", "Context", "Gazetteer", "fingerprint"]

COMPILED_INDEX = "places_index.json"  # next to places.csv; written by scripts/build_places.py

Context = str | Iterable[str]

_HINT_BONUS = 60.0
_RANK_BAND = 6.0  # candidates this close to the best match's score compete on context and prior
_AMBIGUITY_MARGIN = 15.0  # a pick decided by less than this (priors only, no context) is called ambiguous
_SAME_PLACE_KM = 1.0
_MAX_ALTERNATIVES = 12
_SEARCH_SCAN = 4000
_CLUE_CACHE = 4096
_OTHER_NAME_SCORE = 80


def _typos_allowed(key: str) -> int:
    """Edits a fuzzy match may need: none for short words, where one edit makes another word."""
    letters = len(key.replace(" ", ""))
    if letters < 6:
        return 0
    return 1 if letters < 9 else 2


def fingerprint(places_csv: bytes) -> str:
    """What a compiled index was built from: the places and the code that folds and indexes their names."""
    digest = hashlib.sha256(places_csv)
    for module in (names_module, index_module, place_module):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()


def _read_compiled(path: Path, expected: str) -> dict[str, Any] | None:
    """The compiled index at `path` if it was built from these places by this code; None means build it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("fingerprint") != expected:
        return None
    return thaw(data["index"])


def _related(one: Place, other: Place) -> bool:
    """A town and its municipality, a place and the place it borrows its point from, or two places a few km apart."""
    if one.id == other.municipality or other.id == one.municipality:
        return True
    if one.point_from == other.id or other.point_from == one.id:
        return True
    return distance_km(one.lat, one.lon, other.lat, other.lon) <= _SAME_PLACE_KM


class Gazetteer:
    """Geocodes place names and finds places for a search box; built once from a list of places."""

    def __init__(self, places: list[Place], compiled: dict[str, Any] | None = None) -> None:
        self.places = places
        self.by_id = {p.id: p for p in places}
        self._same_as = {other: p for p in places for other in p.same_as if other not in self.by_id}
        self._index = NameIndex(places, compiled)
        self._priors = [prior(p) for p in places]
        self._clue_cache: dict[str, list[Place]] = {}
        self._ranked_keys: dict[str, GeocodeResult] = {}  # at most one per key of the index

    @classmethod
    def from_csv(cls, path: Path) -> Gazetteer:
        """The gazetteer of a places.csv file, with its compiled index when that is current."""
        raw = path.read_bytes()
        places = [Place.from_row(row) for row in csv.DictReader(io.StringIO(raw.decode("utf-8"), newline=""))]
        return cls(places, _read_compiled(path.with_name(COMPILED_INDEX), fingerprint(raw)))

    def write_compiled(self, path: Path, places_csv: bytes) -> None:
        """Write the compiled index (plain JSON, never pickle) for the places.csv whose bytes are given."""
        data = {"fingerprint": fingerprint(places_csv), "index": self._index.compiled()}
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")

    # --- look-up -------------------------------------------------------------

    def geocode(self, query: str, context: Context = ()) -> GeocodeResult | None:
        """The best place for a name in any spelling, or None when nothing is close enough.

        `context` is a municipality or place (name in any spelling, or id), several
        of them, or the sentence the name stands in; it decides between places that
        share the name. The result lists those places as alternatives.
        """
        key = fold(query)
        if not key:
            return None
        hint, bare = kind_hint(key)
        clues = self.clues(context) if context else NO_CLUES
        if key in self._index.exact:  # the common case, kept fast
            if not clues and not hint:
                return self._without_context(query, key)
            return self._result(query, self._index.exact[key], 0.0, clues, hint)
        for candidate, penalty in self._query_keys(bare):
            value = self._index.exact.get(candidate) or self._index.sounds.get(phonetic(candidate))
            if value:
                return self._result(query, value, penalty, clues, hint)
        return self._fuzzy(query, strip_wrappers(bare), clues, hint)

    def _query_keys(self, key: str) -> list[tuple[str, float]]:
        unwrapped = strip_wrappers(key)
        keys = {key: 0.0}
        for variant in (unwrapped, canonical_directions(unwrapped), canonical_qualifiers(unwrapped)):
            keys.setdefault(variant, UNWRAP_PENALTY)
        keys.setdefault(strip_directions(unwrapped), 2 * UNWRAP_PENALTY)
        return [(k, penalty) for k, penalty in keys.items() if k]

    def _fuzzy(self, query: str, key: str, clues: Clues, hint: KindHint | None) -> GeocodeResult | None:
        allowed = _typos_allowed(key)
        if not allowed:
            return None
        candidates = self._index.fuzzy_by_initial.get(key[0], [])
        matches = process.extract(key, candidates, scorer=OSA.distance, score_cutoff=allowed, limit=5)
        scores: dict[int, float] = {}
        for matched_key, distance, _ in matches:
            similarity = 1.0 - distance / max(len(key), len(matched_key))
            for posting in postings(self._index.exact[matched_key]):
                place, score = unpack(posting)
                if score > _OTHER_NAME_SCORE:  # other names are never reached by a typo
                    scores[place] = max(scores.get(place, 0.0), similarity * score)
        if not scores:
            return None
        return self._ranked(query, list(scores.items()), 0.0, clues, hint, "fuzzy")

    def _without_context(self, query: str, key: str) -> GeocodeResult:
        """An exact key's answer when nothing else is known: ranked once per key, then reused."""
        ranked = self._ranked_keys.get(key)
        if ranked is None:
            ranked = self._ranked_keys[key] = self._result(key, self._index.exact[key], 0.0, NO_CLUES, None)
        place, score, how = ranked.place, ranked.score, ranked.matched_by
        return GeocodeResult(query, place, score, how, ranked.alternatives, ranked.ambiguous)

    def _result(
        self, query: str, value: int | tuple[int, ...], penalty: float, clues: Clues, hint: KindHint | None
    ) -> GeocodeResult:
        if isinstance(value, int) and not clues and not hint:  # one place has this key: nothing to rank
            number, score = unpack(value)
            return GeocodeResult(query, self.places[number], score - penalty, self._how(score, penalty))
        pairs = [unpack(p) for p in postings(value)]
        best_score = max(score for _, score in pairs)
        return self._ranked(query, pairs, penalty, clues, hint, self._how(best_score, penalty))

    @staticmethod
    def _how(score: float, penalty: float) -> str:
        if score <= _OTHER_NAME_SCORE:
            return "other_name"
        return "exact" if penalty == 0 else "unwrapped"

    def _weight(self, number: int, clues: Clues, hint: KindHint | None) -> float:
        """What speaks for a candidate beyond its name: prior, context, the kind the query asked for."""
        place = self.places[number]
        weight = self._priors[number] + (clues.bonus(place) if clues else 0.0)
        if (hint == "crossing" and place.kind in CROSSING_KINDS) or (hint == "settlement" and place.settlement):
            weight += _HINT_BONUS
        return weight

    def _ranked(
        self,
        query: str,
        pairs: list[tuple[int, float]],
        penalty: float,
        clues: Clues,
        hint: KindHint | None,
        how: str,
    ) -> GeocodeResult:
        best_score = max(score for _, score in pairs)
        totals = {
            number: (score + self._weight(number, clues, hint) if score >= best_score - _RANK_BAND else -1e9)
            for number, score in pairs
        }
        ranked = sorted(pairs, key=lambda pair: (-totals[pair[0]], -pair[1], pair[0]))
        (best, score), rest = ranked[0], ranked[1 : _MAX_ALTERNATIVES + 1]
        place = self.places[best]
        contested = any(
            other_score >= score - SAME_NAME_BAND
            and totals[best] - totals[other] < _AMBIGUITY_MARGIN
            and not _related(place, self.places[other])
            for other, other_score in rest
        )
        alternatives = tuple((self.places[n], s - penalty) for n, s in rest)
        return GeocodeResult(query, place, score - penalty, how, alternatives, contested)

    # --- context -------------------------------------------------------------

    def clues(self, context: Context) -> Clues:
        """The municipalities and points a context names (ids, names in any spelling, or running text)."""
        items = (context,) if isinstance(context, str) else tuple(context)
        found: list[Place] = []
        for item in items:
            text = item.strip()
            if text:
                found.extend(self._clue_places(text))
        return Clues.of(found)

    def _clue_places(self, text: str) -> list[Place]:
        cached = self._clue_cache.get(text)
        if cached is not None:
            return cached
        place = self.get(text)
        found = [place] if place else self._named_in(text)
        if len(self._clue_cache) < _CLUE_CACHE:
            self._clue_cache[text] = found
        return found

    def _named_in(self, text: str) -> list[Place]:
        """The places a short name or a sentence names, by their running-text names only."""
        if fold(text) in self._index.text_keys:
            return [self._best_place(text)]
        found, taken_until = [], -1
        for span in candidate_spans(text):
            key = fold(span)
            if key in self._index.text_keys and text.find(span) > taken_until:
                found.append(self._best_place(span))
                taken_until = text.find(span) + len(span) - 1
        return found

    def _best_place(self, name: str) -> Place:
        result = self.geocode(name)
        assert result is not None  # only called for keys the index holds
        return result.place

    # --- search box ----------------------------------------------------------

    def search(self, text: str, limit: int = 10, kinds: frozenset[str] | None = None) -> list[Place]:
        """Places for a search box: any spelling or script, whole names first, then names starting so.

        Every name counts here, even other names and generic ones ("Livade"), and
        any word of a name ("mitrovica" finds North Mitrovica); with no name
        starting so, a typo-tolerant look-up answers. `kinds` keeps only those kinds.
        """
        key = fold(text)
        if not key or limit <= 0:
            return []
        ranks = self._prefix_ranks(key, kinds)
        if not ranks:
            result = self.geocode(text)
            found = [result.place, *(p for p, _ in result.alternatives)] if result else []
            return [p for p in found if kinds is None or p.kind in kinds][:limit]
        ordered = sorted(ranks, key=lambda n: (ranks[n], self.places[n].name_en))
        return [self.places[n] for n in ordered[:limit]]

    def _prefix_ranks(self, key: str, kinds: frozenset[str] | None) -> dict[int, tuple[int, float, int]]:
        """Place number -> (whole name or prefix, -prior, key length) over every key starting with `key`."""
        ranks: dict[int, tuple[int, float, int]] = {}
        for table, wanted in ((self._index.prefix, key), (self._index.sound_prefix, phonetic(key))):
            for found, value in table.starting(wanted, _SEARCH_SCAN):
                whole = 0 if found == wanted else 1
                for posting in postings(value):
                    number = unpack(posting)[0]
                    if kinds is not None and self.places[number].kind not in kinds:
                        continue
                    rank = (whole, -self._priors[number], len(found))
                    ranks[number] = min(ranks.get(number, rank), rank)
        return ranks

    # --- ids and keys ----------------------------------------------------------

    def get(self, place_id: str) -> Place | None:
        """The place with this id; `gn-<id>`/`gns-<ufi>` of a feature that a curated place took give that place."""
        return self.by_id.get(place_id) or self._same_as.get(place_id)

    @cached_property
    def name_keys(self) -> frozenset[str]:
        """Every folded key that may name a place in running text (names, aliases and their forms)."""
        return self._index.text_keys

    @cached_property
    def sound_keys(self) -> frozenset[str]:
        """The phonetic forms of those keys."""
        return self._index.text_sounds

    @cached_property
    def municipality_names(self) -> dict[str, str]:
        """English name of each municipality id."""
        return {p.id: p.name_en for p in self.places if p.kind == "municipality"}
