"""Case forms of place names, made from the gazetteer's names by each language's ending rules.

Serbian and Albanian inflect names: "Zvečan" is "u Zvečanu", "iz Zvečana"; "Mitrovicë e Veriut" is
"në Mitrovicën e Veriut", "i Mitrovicës së Veriut". A language file lists, under
[places.inflection], which name columns to inflect, a few slots (cases), rules that rewrite a
word's ending for each slot, and how small joining words ("e", "i") change with the slot. The
forms are made once per gazetteer, on folded keys, so "Zvecanu" and "Zvečanu" meet.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from geo.extract.language import Language
from geo.gazetteer import Place
from geo.names import fold

__all__ = ["Inflection", "digraphed", "inflection", "key_forms", "name_forms"]

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_MAX_COMBINATIONS = 24  # a long multi-word name inflects in many ways; enough of them are kept


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    slots: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Inflection:
    """A language's rules for the case forms of place names."""

    code: str
    columns: tuple[str, ...]
    slots: int
    rules: tuple[_Rule, ...]
    particles: dict[str, tuple[tuple[str, ...], ...]] = field(compare=False, hash=False)
    serbian_letters: tuple[tuple[str, str], ...] = ()  # a Serbian name written in this language's letters
    serbian_final: str = ""  # an ending that spelling drops ("Merdare" is "Merdar")
    serbian_rewrites: tuple[tuple[re.Pattern[str], str], ...] = ()  # sounds spelt anew ("Srbovac" is "Sërbovc")

    def word_forms(self, word: str, slot: int) -> tuple[str, ...]:
        """The forms of one folded word in one slot; the word itself when no rule applies."""
        _BY_CODE.setdefault(self.code, self)
        return _word_forms(self.code, word, slot)


@lru_cache(maxsize=16)
def inflection(language: Language) -> Inflection | None:
    """The language's inflection rules, or None when it does not inflect names (English)."""
    section = language.section("places").get("inflection")
    if not section:
        return None
    rules = tuple(
        _Rule(re.compile(rule["match"]), tuple(tuple(forms) for forms in rule["slots"])) for rule in section["rules"]
    )
    particles = {word: tuple(tuple(forms) for forms in slots) for word, slots in section.get("particles", {}).items()}
    letters = tuple(sorted(section.get("serbian_letters", {}).items(), key=lambda pair: -len(pair[0])))
    rewrites = tuple((re.compile(rule["match"]), rule["spelling"]) for rule in section.get("serbian_rewrites", ()))
    return Inflection(
        language.code,
        tuple(section["columns"]),
        len(section["slots"]),
        rules,
        particles,
        letters,
        section.get("serbian_final", ""),
        rewrites,
    )


_BY_CODE: dict[str, Inflection] = {}


@lru_cache(maxsize=200_000)
def _word_forms(code: str, word: str, slot: int) -> tuple[str, ...]:
    rules = _BY_CODE[code]
    if word in rules.particles:
        return rules.particles[word][slot]
    for rule in rules.rules:
        if rule.pattern.search(word):
            return tuple(dict.fromkeys(rule.pattern.sub(ending, word, count=1) for ending in rule.slots[slot]))
    return (word,)


def _combinations(choices: list[tuple[str, ...]]) -> Iterator[str]:
    for words in itertools.islice(itertools.product(*choices), _MAX_COMBINATIONS):
        yield " ".join(words)


def key_forms(key: str, rules: Inflection) -> Iterator[str]:
    """Every word in the slot's case (Severnoj Mitrovici), only the last (Zubin Potoku), or only the first
    with its joining words (Mitrovicën e Veriut)."""
    words = key.split()
    for slot in range(rules.slots):
        inflected = [rules.word_forms(word, slot) for word in words]
        yield from _combinations(inflected)
        if len(words) > 1:
            yield from _combinations([*((w,) for w in words[:-1]), inflected[-1]])
            particles = [inflected[i] if w in rules.particles else (w,) for i, w in enumerate(words)]
            yield from _combinations([inflected[0], *particles[1:]])


def _names(place: Place, rules: Inflection) -> Iterator[str]:
    """The names to inflect: the language's own columns, and the other spellings of places in the area
    (aliases such as "Rudare" for "Veliko Rudare"), which local reporting uses."""
    for column in rules.columns:
        if column == "aliases":
            yield from (alias for alias in place.aliases if place.in_area and not _CYRILLIC.search(alias))
        elif getattr(place, column):
            yield getattr(place, column)


def digraphed(place: Place) -> set[str]:
    """An area's name with "đ" typed as "dj", as Serbian written without diacritics spells it ("Tvrdjan",
    "Medjedji Potok"): folding reads "đ" as "d", so such a spelling meets no gazetteer key."""
    names = (place.name_en, place.name_sr_latn) if place.in_area else ()
    return {fold(name.replace("đ", "dj").replace("Đ", "Dj")) for name in names if "đ" in name.lower()}


def _respelled(place: Place, rules: Inflection) -> set[str]:
    """An area's Serbian name as this language's reports write it: in its letters ("Gnježdane" is
    "Gnjezhdane"), with the sounds its spelling writes anew ("Srbovac" is "Sërbovc", "Trnava" is "Tërnava"),
    with and without the ending the spelling drops ("Gnjezhdan"), as the gazetteer's own Albanian names do
    for many villages; such a form is not a gazetteer key, so it is kept as it is too."""
    name = place.name_sr_latn.lower()
    if not rules.serbian_letters or not place.in_area or not name:
        return set()
    for serbian, own in rules.serbian_letters:
        name = name.replace(serbian, own)
    spellings = {name}
    for pattern, spelling in rules.serbian_rewrites:  # each rewrite is optional: reports write either
        spellings |= {pattern.sub(spelling, known) for known in spellings}
    final = rules.serbian_final
    keys = {fold(spelt) for spelt in spellings}
    return keys | {key[: -len(final)] for key in keys if final and key.endswith(final) and len(key) > len(final) + 3}


def name_forms(places: Iterable[Place], rules: Inflection) -> dict[str, list[int]]:
    """Folded case form -> numbers of the places (in `places` order) whose names take that form."""
    forms: dict[str, list[int]] = {}
    for number, place in enumerate(places):
        keys = {fold(name) for name in _names(place, rules)}
        respelled = (_respelled(place, rules) | digraphed(place)) - keys
        for key in keys | respelled:
            for form in itertools.chain(key_forms(key, rules), [key] if key in respelled else []):
                if form != key or key in respelled:
                    numbers = forms.setdefault(form, [])
                    if not numbers or numbers[-1] != number:
                        numbers.append(number)
    return forms
