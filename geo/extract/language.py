"""The languages extraction reads, each described by one data file in `languages/`, and telling them apart.

A language file (`languages/<code>.toml`) holds every word and pattern the rules use for that
language: function words for detection, month and weekday names, trigger words, count nouns, the
context words that make a place an event site, and the endings that inflect place names. The code
that applies them is the same for every language, so adding a language adds a file.

Detection is dependency-free: the share of the text's words that are function words found only in
one language's list, plus that language's own letters (ë, č, ć, …), plus its script (Cyrillic).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

__all__ = ["LANGUAGES_DIR", "Language", "detect_language", "get_language", "languages", "transliteration"]

LANGUAGES_DIR = Path(__file__).resolve().parent / "languages"
_DEFAULT = "en"
_SAMPLE_CHARS = 20_000  # detection reads the start of the text: enough words, bounded work
_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LETTER_WEIGHT = 0.25  # one distinctive letter counts a quarter of one function word


@dataclass(frozen=True)
class Language:
    """One language's rules as written in its data file; `section(name)` gives a table of it."""

    code: str
    name: str
    scripts: tuple[str, ...]
    stopwords: frozenset[str]
    letters: str
    data: Mapping[str, Any] = field(compare=False, hash=False, repr=False)

    def section(self, name: str) -> Mapping[str, Any]:
        """A top-level table of the data file (empty when the file has none)."""
        return self.data.get(name, MappingProxyType({}))


def _words(value: str | list[str]) -> tuple[str, ...]:
    """Word lists are written either as one space-separated string or as a list."""
    return tuple(value.split()) if isinstance(value, str) else tuple(value)


def _load(path: Path) -> Language:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    detect = data.get("detect", {})
    return Language(
        code=data["code"],
        name=data["name"],
        scripts=_words(detect.get("scripts", "latin")),
        stopwords=frozenset(_words(detect.get("stopwords", ""))),
        letters=detect.get("letters", ""),
        data=MappingProxyType(data),
    )


@lru_cache(maxsize=1)
def languages() -> dict[str, Language]:
    """Every language with a data file, by code."""
    found = [_load(path) for path in sorted(LANGUAGES_DIR.glob("*.toml"))]
    return {language.code: language for language in found}


def get_language(code: str) -> Language:
    """The language with this code; KeyError names the known ones."""
    known = languages()
    if code not in known:
        raise KeyError(f"no rules for language {code!r}; known: {', '.join(sorted(known))}")
    return known[code]


@lru_cache(maxsize=1)
def _exclusive_stopwords() -> dict[str, frozenset[str]]:
    """Each language's function words that no other language lists: shared ones ("e", "i") prove nothing."""
    known = languages()
    return {
        code: language.stopwords.difference(*(other.stopwords for c, other in known.items() if c != code))
        for code, language in known.items()
    }


def _score(language: Language, words: list[str], sample: str) -> float:
    own = _exclusive_stopwords()[language.code]
    hits = sum(word in own for word in words)
    letters = sum(sample.count(letter) for letter in language.letters) if language.letters else 0
    return hits + _LETTER_WEIGHT * letters


def detect_language(text: str) -> Language:
    """The language of the text among those with rules; English when nothing speaks for another."""
    sample = text[:_SAMPLE_CHARS]
    letters = _WORD.findall(sample)
    cyrillic = len(_CYRILLIC.findall(sample))
    total = sum(len(word) for word in letters) or 1
    known = languages()
    if cyrillic / total > 0.3:
        scripted = [language for language in known.values() if "cyrillic" in language.scripts]
        if scripted:
            return scripted[0]
    words = [word.lower() for word in letters]
    scores = {code: _score(language, words, sample.lower()) for code, language in known.items()}
    best = max(scores, key=lambda code: (scores[code], code == _DEFAULT))
    return known[best] if scores[best] > 0 else known[_DEFAULT]


@lru_cache(maxsize=1)
def transliteration() -> dict[str, str]:
    """Cyrillic letter -> Latin letters, from every language file that gives a table (upper and lower case)."""
    table: dict[str, str] = {}
    for language in languages().values():
        for cyrillic, latin in language.section("script").get("cyrillic_to_latin", {}).items():
            table.setdefault(cyrillic, latin)
            table.setdefault(cyrillic.upper(), latin[:1].upper() + latin[1:])
    return table
