"""Place-name folding: one comparable key for every spelling people use.

Kosovo's places are written in English, Albanian, Serbian Latin and Serbian
Cyrillic, often without diacritics, in Albanian definite or genitive forms, and
wrapped in administrative words ("Komuna e Zveçanit", "Opština Zvečan").
Everything here is pure string work; the gazetteer builds its index with it.
"""

from __future__ import annotations

import re

import cyrtranslit
from anyascii import anyascii

__all__ = [
    "albanian_forms",
    "canonical_directions",
    "fold",
    "phonetic",
    "slug",
    "strip_directions",
    "strip_wrappers",
    "to_cyrillic",
]

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_NOT_WORD = re.compile(r"[^a-z0-9]+")

# Words that wrap a place name without being part of it. Longest first, so
# that "komuna e" is removed before a bare "e" could be considered.
_WRAPPER_PREFIXES = (
    "municipality of ",
    "the municipality of ",
    "komuna e ",
    "opstina ",
    "opcina ",
    "grad ",
    "city of ",
    "town of ",
    "village of ",
    "selo ",
    "fshati ",
    "the ",
)
_WRAPPER_SUFFIXES = (
    " municipality",
    " municipal",
    " town hall",
    " city",
    " town",
    " village",
)
# "North"/"South" in each language; only stripped as a fallback, because
# "North Mitrovica" and "Mitrovica" are different municipalities.
_DIRECTION_WORDS = frozenset(
    {"north", "northern", "severna", "severni", "veriore", "veriut", "verior"}
    | {"south", "southern", "juzna", "juzni", "jugore", "jugut", "jugor", "e"}
)

_NORTH_WORDS = frozenset({"north", "northern", "severna", "severni", "veriore", "veriut", "verior"})
_SOUTH_WORDS = frozenset({"south", "southern", "juzna", "juzni", "jugore", "jugut", "jugor"})
_FINAL_E = re.compile(r"e\b")

# Albanian and Serbian write the same sounds differently (Leposaviq /
# Leposavić, Zhabar / Žabare, Gjakovë / Đakovica). After ASCII folding these
# pairs collapse onto one spelling so both scripts meet in the index.
_PHONETIC_RULES = (
    ("dzh", "dz"),
    ("xh", "dz"),
    ("gj", "dj"),
    ("zh", "z"),
    ("sh", "s"),
    ("ch", "c"),
    ("q", "c"),
    ("ll", "l"),
    ("rr", "r"),
    ("dj", "d"),
)


def fold(name: str) -> str:
    """Lower-case ASCII key: Cyrillic to Serbian Latin, diacritics and punctuation removed."""
    text = name.strip()
    if _CYRILLIC.search(text):
        text = cyrtranslit.to_latin(text, "sr")
    text = anyascii(text).lower()
    return _NOT_WORD.sub(" ", text).strip()


def phonetic(key: str) -> str:
    """Coarser key that makes Albanian and Serbian spellings of one sound equal.

    Word-final "e" (Albanian ë, often dropped) is read as "a", so Mitrovicë,
    Mitrovice and Mitrovica meet.
    """
    for written, spoken in _PHONETIC_RULES:
        key = key.replace(written, spoken)
    return _FINAL_E.sub("a", key)


def canonical_directions(key: str) -> str:
    """North/South words in any language, as a leading English word.

    "mitrovice e veriut", "severna mitrovica" and "veriore mitrovica" all become
    "north mitrovic…", so they meet the English name "North Mitrovica".
    """
    words = key.split()
    north = any(w in _NORTH_WORDS for w in words)
    south = any(w in _SOUTH_WORDS for w in words)
    if north == south:
        return key
    rest = " ".join(w for w in words if w not in _DIRECTION_WORDS)
    return ("north " if north else "south ") + rest if rest else ""


def albanian_forms(key: str) -> list[str]:
    """Definite and genitive forms of a folded Albanian name (Zvecan -> zvecani, zvecanit)."""
    if not key or not key[-1].isalpha():
        return []
    if key.endswith("e"):  # feminine in -ë: Prishtinë -> Prishtina, Prishtinës
        stem = key[:-1]
        return [stem + "a", stem + "es"]
    if key.endswith("a"):  # already definite feminine: Mitrovica -> Mitrovicës
        return [key[:-1] + "es"]
    if key.endswith("i"):
        return [key + "t"]
    if key[-1] in "kgh":  # Potok -> Potoku, Potokut
        return [key + "u", key + "ut"]
    return [key + "i", key + "it"]


def strip_wrappers(key: str) -> str:
    """Remove administrative wrappers from a folded name ("komuna e zvecanit" -> "zvecanit")."""
    changed = True
    while changed:
        changed = False
        for prefix in _WRAPPER_PREFIXES:
            if key.startswith(prefix) and len(key) > len(prefix):
                key, changed = key[len(prefix) :], True
        for suffix in _WRAPPER_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix):
                key, changed = key[: -len(suffix)], True
    return key.strip()


def strip_directions(key: str) -> str:
    """Drop North/South words in any language ("mitrovice e veriut" -> "mitrovice")."""
    words = [word for word in key.split() if word not in _DIRECTION_WORDS]
    return " ".join(words)


def slug(name: str) -> str:
    """Identifier-safe form of a name: "Zubin Potok" -> "zubin-potok"."""
    return fold(name).replace(" ", "-")


def to_cyrillic(serbian_latin: str) -> str:
    """Serbian Latin to Serbian Cyrillic (Leposavić -> Лепосавић)."""
    return cyrtranslit.to_cyrillic(serbian_latin, "sr")
