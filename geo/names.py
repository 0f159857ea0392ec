"""Place-name folding: one comparable key for every spelling people use.

Kosovo's places are written in English, Albanian, Serbian Latin and Serbian
Cyrillic, often without diacritics, in Albanian definite or genitive forms,
with Serbian or Albanian qualifiers ("Donje Varage", "Varagë e Poshtme") and
wrapped in administrative words ("Komuna e Zveçanit", "Opština Zvečan",
"granični prelaz Jarinje"). Everything here is pure string work; the
gazetteer builds its index with it.
"""

from __future__ import annotations

import re
from typing import Literal

import cyrtranslit
from anyascii import anyascii

__all__ = [
    "KindHint",
    "albanian_forms",
    "canonical_directions",
    "canonical_qualifiers",
    "fold",
    "is_generic",
    "kind_hint",
    "phonetic",
    "skeleton",
    "slug",
    "strip_directions",
    "strip_qualifiers",
    "strip_wrappers",
    "to_cyrillic",
]

KindHint = Literal["crossing", "settlement"]

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
# Words that say the name is meant as a border crossing, in English, Serbian
# and Albanian ("Jarinje crossing", "granični prelaz Jarinje", "pika kufitare
# Jarinjë"), and words that say it is meant as a settlement.
_CROSSING_PREFIXES = (
    "administrativni prelaz ",
    "administrativnom prelazu ",
    "granicni prelaz ",
    "granicnom prelazu ",
    "prelaz ",
    "vendkalimi kufitar ",
    "pikekalimi kufitar ",
    "pikekalimi ",
    "pika kufitare ",
    "pika kufitare e ",
    "pikes kufitare ",
    "the crossing at ",
    "crossing at ",
    "border crossing ",
)
_CROSSING_SUFFIXES = (
    " administrative crossing",
    " border crossing",
    " border point",
    " border post",
    " crossing point",
    " crossing",
    " checkpoint",
    " gate",
)
_SETTLEMENT_PREFIXES = ("village of ", "selo ", "fshati ", "the village of ", "town of ")
_SETTLEMENT_SUFFIXES = (" village",)
_HINT_WORDS = frozenset(
    word
    for affix in (*_CROSSING_PREFIXES, *_CROSSING_SUFFIXES, *_SETTLEMENT_PREFIXES, *_SETTLEMENT_SUFFIXES)
    for word in affix.split()
    if word not in ("the", "of", "at", "e")
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

# Settlement qualifiers: Serbian adjectives before the name, Albanian ones
# after it ("Donje Varage" = "Varagë e Poshtme" = Lower Varage). Each maps to
# one English word, so every language's form meets in one key.
_QUALIFIERS_BEFORE = {
    "donje": "lower",
    "donja": "lower",
    "donji": "lower",
    "gornje": "upper",
    "gornja": "upper",
    "gornji": "upper",
    "veliko": "great",
    "velika": "great",
    "veliki": "great",
    "malo": "little",
    "mala": "little",
    "mali": "little",
    "novo": "new",
    "nova": "new",
    "novi": "new",
    "staro": "old",
    "stara": "old",
    "stari": "old",
    "srednje": "middle",
    "srednja": "middle",
    "lower": "lower",
    "upper": "upper",
}
_QUALIFIERS_AFTER = {
    "e poshtme": "lower",
    "e poshteme": "lower",
    "i poshtem": "lower",
    "e eperme": "upper",
    "i eperm": "upper",
    "e siperme": "upper",
    "i siperm": "upper",
    "i madh": "great",
    "e madhe": "great",
    "i vogel": "little",
    "e vogel": "little",
    "i ri": "new",
    "e re": "new",
    "i vjeter": "old",
    "e vjeter": "old",
    "e mesme": "middle",
}
# Adjectives that make a name longer without naming another place.
_EXTRA_QUALIFIERS = frozenset({"kosovska", "kosovski", "kosovsko", "titova"})

# Words that name a kind of feature or are common words in English, Serbian or
# Albanian. A name made of these words only ("Police Post", "Livade" =
# meadows, "Kalaja" = the castle) names nothing in particular: it is not used
# to find places in running text, and a bare look-up of it finds nothing.
_GENERIC_WORDS = frozenset(
    {
        # English
        *("police", "post", "station", "railroad", "railway", "bridge", "town", "hall", "city", "village"),
        *("lake", "river", "mountain", "hill", "camp", "base", "border", "crossing", "barrier", "road"),
        *("protest", "protesters", "local", "plates", "north", "south", "sugar", "factory", "school", "mill"),
        *("power", "plant", "airfield", "airport", "transmitter", "mosque", "church", "monastery", "the"),
        # Serbian (folded)
        *("policija", "policajac", "stanica", "zeleznicka", "most", "selo", "grad", "varos", "reka", "potok"),
        *("brdo", "breg", "planina", "vrh", "cuka", "kamen", "glava", "jezero", "izvor", "voda", "vrelo"),
        *("livada", "livade", "njiva", "njive", "polje", "suma", "kula", "han", "crkva", "manastir", "dzamija"),
        *("karaula", "stanovi", "bacila", "grob", "groblje", "mlin", "vodenica", "put", "dom", "skola"),
        *("opstina", "granica", "prelaz", "protest", "narod"),
        # Albanian (folded)
        *("policia", "policise", "polici", "stacioni", "ura", "ure", "fshat", "fshati", "qytet", "qyteti"),
        *("qytetit", "lumi", "lumit", "perroi", "kodra", "kodrat", "mali", "maja", "guri", "kroni", "proni"),
        *("liqeni", "burimi", "livadhi", "livadhet", "fusha", "ara", "pylli", "kalaja", "kulla", "kisha"),
        *("xhamia", "manastiri", "komuna", "kufiri", "protesta", "populli", "shkolla", "rruga"),
    }
)

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
_VOWELS = re.compile(r"[aeiouy ]+")


def _reference_fold(name: str) -> str:
    """fold() the slow, obviously right way: Serbian Cyrillic to Latin (cyrtranslit), then to ASCII (anyascii)."""
    text = name.strip()
    if _CYRILLIC.search(text):
        text = cyrtranslit.to_latin(text, "sr")
    return _NOT_WORD.sub(" ", anyascii(text).lower()).strip()


# Serbian Cyrillic maps letter by letter (Љ -> Lj), so the reference fold of each
# Latin-with-diacritics and Cyrillic letter, looked up in one table, gives the same key fast.
_FOLD_TABLE = {code: _reference_fold(chr(code)) or " " for code in range(0x00C0, 0x0250)} | {
    code: anyascii(cyrtranslit.to_latin(chr(code), "sr")) for code in range(0x0400, 0x0500)
}


def fold(name: str) -> str:
    """Lower-case ASCII key: Cyrillic to Serbian Latin, diacritics and punctuation removed."""
    text = name.strip()
    if not text.isascii():
        text = text.translate(_FOLD_TABLE)
        if not text.isascii():  # other scripts and symbols
            text = anyascii(text)
    text = text.lower()
    return text if text.isalnum() else _NOT_WORD.sub(" ", text).strip()


def phonetic(key: str) -> str:
    """Coarser key that makes Albanian and Serbian spellings of one sound equal.

    Word-final "e" (Albanian ë, often dropped) is read as "a", so Mitrovicë,
    Mitrovice and Mitrovica meet.
    """
    for written, spoken in _PHONETIC_RULES:
        key = key.replace(written, spoken)
    return _FINAL_E.sub("a", key)


def skeleton(key: str) -> str:
    """The consonants of a folded name's phonetic key: "Sërboc" and "Srbovac" share "srb…c"."""
    return _VOWELS.sub("", phonetic(key))


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


def _split_qualifier(key: str) -> tuple[str, str]:
    """(English qualifier or "", the rest) of a folded name."""
    for albanian, english in _QUALIFIERS_AFTER.items():
        if key.endswith(" " + albanian):
            return english, key[: -len(albanian) - 1]
    first, _, rest = key.partition(" ")
    if rest and first in _QUALIFIERS_BEFORE:
        return _QUALIFIERS_BEFORE[first], rest
    return "", key


def canonical_qualifiers(key: str) -> str:
    """A settlement qualifier in any language as a leading English word.

    "donje varage", "varage e poshtme" and "lower varage" all become "lower varage".
    """
    qualifier, rest = _split_qualifier(key)
    return f"{qualifier} {rest}" if qualifier else key


def strip_qualifiers(key: str) -> str:
    """The name without its settlement qualifier ("veliko rudare" -> "rudare")."""
    qualifier, rest = _split_qualifier(key)
    if not qualifier:
        first, _, tail = key.partition(" ")
        return tail if tail and first in _EXTRA_QUALIFIERS else key
    return rest


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


def _strip_affixes(key: str, prefixes: tuple[str, ...], suffixes: tuple[str, ...]) -> str:
    changed = True
    while changed:
        changed = False
        for prefix in prefixes:
            if key.startswith(prefix) and len(key) > len(prefix):
                key, changed = key[len(prefix) :], True
        for suffix in suffixes:
            if key.endswith(suffix) and len(key) > len(suffix):
                key, changed = key[: -len(suffix)], True
    return key.strip()


def strip_wrappers(key: str) -> str:
    """Remove administrative wrappers from a folded name ("komuna e zvecanit" -> "zvecanit")."""
    return _strip_affixes(key, _WRAPPER_PREFIXES, _WRAPPER_SUFFIXES)


def kind_hint(key: str) -> tuple[KindHint | None, str]:
    """Whether a folded query asks for a crossing or a settlement, and the name without those words.

    "granicni prelaz jarinje" -> ("crossing", "jarinje"); "village of jarinje" -> ("settlement", "jarinje").
    """
    if _HINT_WORDS.isdisjoint(key.split()):  # most queries: no need to try every affix
        return None, key
    bare = _strip_affixes(key, _CROSSING_PREFIXES, _CROSSING_SUFFIXES)
    if bare != key:
        return "crossing", bare
    bare = _strip_affixes(key, _SETTLEMENT_PREFIXES, _SETTLEMENT_SUFFIXES)
    return ("settlement", bare) if bare != key else (None, key)


def strip_directions(key: str) -> str:
    """Drop North/South words in any language ("mitrovice e veriut" -> "mitrovice")."""
    words = [word for word in key.split() if word not in _DIRECTION_WORDS]
    return " ".join(words)


def is_generic(key: str) -> bool:
    """True when every word of a folded name is a feature word or a common word ("police post", "livade")."""
    words = key.split()
    return bool(words) and all(word in _GENERIC_WORDS or len(word) < 2 for word in words)


def slug(name: str) -> str:
    """Identifier-safe form of a name: "Zubin Potok" -> "zubin-potok"."""
    return fold(name).replace(" ", "-")


def to_cyrillic(serbian_latin: str) -> str:
    """Serbian Latin to Serbian Cyrillic (Leposavić -> Лепосавић)."""
    return cyrtranslit.to_cyrillic(serbian_latin, "sr")
