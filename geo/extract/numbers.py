"""Numbers written as digits or as words ("seven hundred", "dvadeset pet", "njëzet e pesë")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from geo.extract.language import Language

__all__ = ["NumberWords", "number_words", "parse_number"]

_SPLIT = re.compile(r"[\s-]+")


@dataclass(frozen=True)
class NumberWords:
    """A language's number words, and a regex alternation that finds them."""

    values: dict[str, int]
    hundreds: frozenset[str]
    thousands: frozenset[str]
    dozens: frozenset[str]
    indefinite: frozenset[str]
    joiners: frozenset[str]
    alternation: str


def _list(section: dict, key: str) -> list[str]:
    value = section.get(key, "")
    return value.split() if isinstance(value, str) else list(value)


@lru_cache(maxsize=16)
def number_words(language: Language) -> NumberWords:
    """The number words of `language` (section [numbers] of its data file)."""
    section = dict(language.section("numbers"))
    values = {word: n for n, word in enumerate(_list(section, "words"))}
    values |= {word: 20 + 10 * n for n, word in enumerate(_list(section, "tens"))}
    values |= {word: int(n) for word, n in section.get("values", {}).items()}
    hundreds, thousands = frozenset(_list(section, "hundred")), frozenset(_list(section, "thousand"))
    dozens, indefinite = frozenset(_list(section, "dozen")), frozenset(_list(section, "indefinite"))
    scale_words = [*values, *hundreds, *thousands, *dozens]
    alternatives = sorted(scale_words, key=len, reverse=True)
    scales = "|".join(sorted(hundreds | thousands | dozens, key=len, reverse=True))
    indefinite_part = [rf"{re.escape(word)}(?=\s+(?:{scales})\b)" for word in sorted(indefinite)] if scales else []
    alternation = "|".join([*(re.escape(word) for word in alternatives), *indefinite_part]) or "(?!)"
    return NumberWords(
        values, hundreds, thousands, dozens, indefinite, frozenset(_list(section, "joiners")), alternation
    )


def parse_number(words: str, numbers: NumberWords) -> int | None:
    """Digits ("1,200", "1.200") or number words as an int; None when they make no number."""
    cleaned = words.replace(",", "").replace(".", "")
    if cleaned.isdigit():
        return int(cleaned)
    total, current = 0, 0
    for word in _SPLIT.split(words.lower()):
        if word in numbers.values:
            current += numbers.values[word]
        elif word in numbers.dozens:
            current = max(current, 1) * 12
        elif word in numbers.hundreds:
            current = max(current, 1) * 100
        elif word in numbers.thousands:
            total, current = total + max(current, 1) * 1000, 0
        elif word in numbers.indefinite:
            current = max(current, 1)
    return (total + current) or None
