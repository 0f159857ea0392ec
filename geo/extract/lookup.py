"""The names index: every spelling and case form of the gazetteer's names, and the places a span may name.

Built once per gazetteer and language: the gazetteer's keys and sound keys, the language's case forms
of names (geo.extract.inflection; with "đ" typed "dj" in every language), the north's localities,
names the language uses for another place than the gazetteer files
them under ([places.prefer]: "Kosovska Mitrovica" is the northern town in Serbian reporting), wrappers
in any case ("Komunës së …") and qualifiers written after a name ("… e Poshtme" is "Donje …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from geo.extract.homonyms import NORTH
from geo.extract.inflection import Inflection, digraphed, inflection, key_forms, name_forms
from geo.extract.language import Language
from geo.gazetteer import Gazetteer, GeocodeResult, Place, prior
from geo.names import canonical_directions, fold, is_generic, phonetic, strip_wrappers

__all__ = ["PlaceIndex", "candidates", "lookup", "place_index"]

_CACHE_ENTRIES = 200_000


@dataclass(frozen=True)
class PlaceIndex:
    """What the finder looks names up in, for one gazetteer and one language."""

    gazetteer: Gazetteer
    keys: frozenset[str]
    sounds: frozenset[str]
    forms: dict[str, list[int]]
    first_words: frozenset[str]
    prefixes: frozenset[str]  # every first-k-words of a multi-word key: longer n-grams are tried only after one
    preferred: dict[str, str] = field(default_factory=dict)  # a name (in every case) -> the place it means here
    wrappers: frozenset[str] = frozenset()  # "komunës", "opštini": a municipality's name follows
    particles: frozenset[str] = frozenset()  # joining words between a wrapper and the name ("së", "e")
    qualifiers: tuple[tuple[str, tuple[str, ...]], ...] = ()  # "e poshtme" -> "donje", …: the Serbian form
    adjectives: frozenset[str] = frozenset()  # forms that are adjectives of a name ("bistrički"): need a noun
    generic: dict[str, tuple[Place, ...]] = field(default_factory=dict)  # "izvor" -> the northern village Izvori
    cache: dict[str, tuple[Place, ...]] = field(default_factory=dict, compare=False, hash=False)

    def lookup(self, span: str) -> tuple[Place, ...]:
        """`candidates`, remembered: the same names recur within an article and across articles."""
        if span not in self.cache:
            if len(self.cache) > _CACHE_ENTRIES:
                self.cache.clear()
            self.cache[span] = candidates(span, self)
        return self.cache[span]


@lru_cache(maxsize=8)
def place_index(gazetteer: Gazetteer, language: Language) -> PlaceIndex:
    """The gazetteer's keys plus the language's case forms of its names, built once."""
    rules = inflection(language)
    forms = name_forms(gazetteer.places, rules) if rules else _digraph_forms(gazetteer)
    for key, numbers in _northern_localities(gazetteer).items():
        forms.setdefault(key, numbers)
    keys, sounds = gazetteer.name_keys, gazetteer.sound_keys
    names = keys | forms.keys()  # made once: made per adjective, it cost a minute for Serbian
    adjectives = {  # an adjective that is also a name ("banjska") stays a name
        form: numbers for form, numbers in _adjectives(gazetteer, language).items() if form not in names
    }
    forms.update(adjectives)
    every = keys | sounds | forms.keys()
    first = {key.split()[0] for key in every if key}
    prefixes = {" ".join(words[:k]) for words in (key.split() for key in every) for k in range(1, len(words))}
    preferred = _preferred(gazetteer, language, rules)
    places = language.section("places")
    wrappers = frozenset(fold(w) for w in places.get("wrappers", "").split())
    particles = frozenset(fold(w) for w in (rules.particles if rules else ())) | {"se", "te"}
    qualifiers = _in_every_article(places.get("qualifiers", {}), places.get("qualifier_articles", "").split())
    return PlaceIndex(
        gazetteer,
        keys,
        sounds,
        forms,
        frozenset(first),
        frozenset(prefixes),
        preferred,
        wrappers,
        particles,
        qualifiers,
        frozenset(adjectives),
        _generic_villages(gazetteer),
    )


_VILLAGES = frozenset({"village", "hamlet", "neighbourhood"})


def _northern_localities(gazetteer: Gazetteer) -> dict[str, list[int]]:
    """The names of the north's localities (named spots that are no settlement, "Krstište", "Protina Njiva"):
    the gazetteer keeps such fields out of running text, but a report may name one where a place is expected
    (geo.extract.mentions accepts one only there), and the inflected forms of their names are made anyway."""
    forms: dict[str, list[int]] = {}
    for number, place in enumerate(gazetteer.places):
        if place.kind == "locality" and place.municipality in NORTH:
            for name in filter(None, (place.name_en, place.name_sr_latn, place.name_sq)):
                forms.setdefault(fold(name), []).append(number)
    return forms


def _digraph_forms(gazetteer: Gazetteer) -> dict[str, list[int]]:
    """For a language that does not inflect names: the area's names with "đ" typed as "dj" ("Tvrdjan")."""
    forms: dict[str, list[int]] = {}
    for number, place in enumerate(gazetteer.places):
        for key in digraphed(place) - gazetteer.name_keys:
            forms.setdefault(key, []).append(number)
    return forms


def _generic_villages(gazetteer: Gazetteer) -> dict[str, tuple[Place, ...]]:
    """Northern villages named by a common word (Izvor \"spring\", Kula \"tower\", Kamen \"stone\"): the name index
    leaves such names out, so these are found only where a place word stands before them (\"the village of Izvor\")."""
    found: dict[str, dict[str, Place]] = {}
    for place in gazetteer.places:
        if place.municipality in NORTH and place.kind in _VILLAGES:
            for name in filter(None, (place.name_en, place.name_sr_latn, place.name_sq)):
                if is_generic(fold(name)):
                    found.setdefault(fold(name), {})[place.id] = place
    return {key: tuple(places.values()) for key, places in found.items()}


def _in_every_article(qualifiers: dict[str, str], articles: list[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The qualifiers, each also with every other article of the language before it: the article of an Albanian
    adjective follows the case ("Jarinjë e Poshtme", "në Jarinjë të Poshtme", "Jarinjës së Poshtme")."""
    folded = [fold(a) for a in articles]
    found: dict[str, tuple[str, ...]] = {}
    for key, value in qualifiers.items():
        words, prefixes = fold(key).split(), tuple(value.split())
        forms = [[a, *words[1:]] for a in folded] if words[0] in folded else [words]
        for form in [words, *forms]:
            found.setdefault(" ".join(form), prefixes)
    return tuple(found.items())


_ADJECTIVE_KINDS = frozenset({"village", "town", "city", "border_crossing", "hamlet"})


def _adjectives(gazetteer: Gazetteer, language: Language) -> dict[str, list[int]]:
    """Adjectives made from the area's one-word names by the language's [places.adjectives] rules:
    "Bistrica" -> "bistrički most", "Brnjak" -> "brnjački prelaz". The first rule whose ending matches makes the
    stem; every ending in `endings` follows it."""
    section = language.section("places").get("adjectives")
    if not section:
        return {}
    rules = [(re.compile(rule["match"]), rule["stem"]) for rule in section["rules"]]
    endings = section["endings"].split()
    found: dict[str, list[int]] = {}
    for number, place in enumerate(gazetteer.places):
        key = fold(place.name_sr_latn or place.name_en)
        if not place.in_area or place.kind not in _ADJECTIVE_KINDS or " " in key:
            continue
        stem = next((pattern.sub(replacement, key) for pattern, replacement in rules if pattern.search(key)), None)
        for ending in endings if stem else ():
            found.setdefault(stem + ending, []).append(number)
    return found


def _preferred(gazetteer: Gazetteer, language: Language, rules: Inflection | None) -> dict[str, str]:
    """The language's [places.prefer] names in every case form: "Kosovska Mitrovica" is, in Serbian usage,
    the Serb-run northern town, though the gazetteer files the name under the whole (southern) city."""
    preferred: dict[str, str] = {}
    for name, place_id in language.section("places").get("prefer", {}).items():
        if gazetteer.get(place_id) is None:
            continue
        key = fold(name)
        forms = {key, *(key_forms(key, rules) if rules else ())}
        preferred.update(dict.fromkeys(forms, place_id))
    return preferred


def _rank(place: Place) -> float:
    """Among places of one name, the one a bare name most likely means: the gazetteer's prior (kind, the
    four northern municipalities, curated places, size): Jarinje the crossing, Kosovo the country."""
    return -prior(place)


def _tied(result: GeocodeResult) -> list[Place]:
    """The best place for a name and those that scored as well."""
    return [result.place] + [place for place, score in result.alternatives if score >= result.score]


def _variants(key: str) -> tuple[str, ...]:
    unwrapped = strip_wrappers(key)
    return key, unwrapped, canonical_directions(unwrapped)


def candidates(span: str, index: PlaceIndex) -> tuple[Place, ...]:
    """The places a span may name: a gazetteer key (any spelling, wrapper or direction word) or a case form;
    best by `_rank` first (a village in the north before a namesake elsewhere)."""
    key = fold(span)
    if not key:
        return ()
    if key in index.preferred:
        preferred = index.gazetteer.get(index.preferred[key])
        return (preferred,) if preferred is not None else ()
    found: list[tuple[Place, bool]] = []
    if any(v and (v in index.keys or phonetic(v) in index.sounds) for v in _variants(key)):
        result = index.gazetteer.geocode(span)
        if result is not None and result.matched_by != "fuzzy":
            found += [(place, False) for place in _tied(result)]
    numbers = next((index.forms[v] for v in _variants(key) if v in index.forms), [])
    found += [(index.gazetteer.places[n], True) for n in numbers]
    if not found:
        return _unwrapped(key, index) or _qualified(key, index)
    ordered = sorted(found, key=lambda item: (_rank(item[0]), item[1]))
    return tuple({place.id: place for place, _ in ordered}.values())


def lookup(span: str, index: PlaceIndex) -> Place | None:
    """The best place a span names, if any."""
    return next(iter(candidates(span, index)), None)


def _unwrapped(key: str, index: PlaceIndex) -> tuple[Place, ...]:
    """ "Komunës së Mitrovicës së Veriut": a wrapper in any case, its joining words, then a name in any case;
    the municipality of that name first."""
    words = key.split()
    if len(words) < 2 or words[0] not in index.wrappers:
        return ()
    rest = words[1:]
    while len(rest) > 1 and rest[0] in index.particles:
        rest = rest[1:]
    found = candidates(" ".join(rest), index)
    return tuple(sorted(found, key=lambda place: place.kind != "municipality"))


def _qualified(key: str, index: PlaceIndex) -> tuple[Place, ...]:
    """ "Jarinjë e Poshtme" is "Donje Jarinje": a qualifier written after the name, in the form the gazetteer
    knows."""
    for suffix, prefixes in index.qualifiers:
        if key.endswith(" " + suffix):
            base = key[: -len(suffix) - 1]
            for prefix in prefixes:
                found = candidates(f"{prefix} {base}", index)
                if found:
                    return found
    return ()
