"""Sentences with their offsets; lines without final punctuation (headings, menus, captions) marked as such.

The work is linear in the text: each line is scanned once for sentence ends, an abbreviation
is judged from the few characters before its full stop, and an over-long "sentence" (a paste
with no punctuation) is cut at a space, so that no later rule ever sees more than
`MAX_SENTENCE_CHARS` at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from geo.extract.language import Language

__all__ = ["MAX_SENTENCE_CHARS", "Sentence", "sentences"]

MAX_SENTENCE_CHARS = 1_500
_LINE = re.compile(r"[^\n]+")
_BOUNDARY = re.compile(r"[.!?][\"”’'»)]*\s+(?=[\"“„‘'«(]*[^\W_])")
_PROSE_END = re.compile(r"[.!?…][\"”’'»)]*\s*$")
_LAST_WORD = re.compile(r"([\w.'’-]+)[.!?]$")
_LOOK_BACK = 24  # characters before a full stop that can hold an abbreviation
# "ZUBIN POTOK, 11. decembra 2022. (Tanjug) – …": a dated dateline's agency and dash follow its full stop.
_AGENCY_DASH = re.compile(r"\s*\([^\W\d_][\w .]{0,24}\)\s*[-–—]")
_ROMAN_MONTH = re.compile(r"\s*(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.?\s?(?:19|20)\d{2}\b")  # "29. V 2023."


@dataclass(frozen=True)
class Sentence:
    """A sentence of the Latin view: its text and where it starts."""

    text: str
    start: int
    paragraph: int
    prose: bool  # False for headings, menu items and captions: lines with no sentence ending in punctuation
    paragraph_start: bool


@lru_cache(maxsize=16)
def _abbreviations(language: Language) -> frozenset[str]:
    return frozenset(language.section("sentences").get("abbreviations", "").split())


def sentences(text: str, language: Language) -> list[Sentence]:
    """Sentences with offsets; each non-empty line is a paragraph."""
    result = []
    abbreviations = _abbreviations(language)
    for number, line in enumerate(_LINE.finditer(text)):
        body = line.group()
        line_prose = bool(_PROSE_END.search(body))
        for start, end in _split_line(body, abbreviations):
            for piece_start, piece_end in _cut(body, start, end):
                chunk = body[piece_start:piece_end]
                stripped = chunk.strip()
                if stripped:
                    offset = line.start() + piece_start + len(chunk) - len(chunk.lstrip())
                    prose = line_prose or bool(_PROSE_END.search(stripped))  # a pasted line may end mid-sentence
                    result.append(Sentence(stripped, offset, number, prose, piece_start == 0))
    return result


def _is_sentence_end(line: str, start: int, stop: int, abbreviations: frozenset[str]) -> bool:
    following = line[stop + 1 : stop + 12].lstrip("\"”’'»)“„‘«( ")[:1]
    if not (following.isupper() or following.isdigit()) or _AGENCY_DASH.match(line, stop + 1):
        return False
    word = _LAST_WORD.search(line[max(start, stop - _LOOK_BACK) : stop + 1])
    previous = word.group(1).lower() if word else ""
    if previous.isdigit() and (following.isdigit() or _ROMAN_MONTH.match(line, stop + 1)):
        return False  # "29. 5. 2023", "29. V 2023.": parts of a date
    return previous not in abbreviations and not (len(previous) == 1 and previous.isalpha())


def _split_line(line: str, abbreviations: frozenset[str]) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _BOUNDARY.finditer(line):
        if _is_sentence_end(line, start, match.start(), abbreviations):
            yield start, match.start() + 1
            start = match.end()
    yield start, len(line)


def _cut(line: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A span longer than MAX_SENTENCE_CHARS in pieces that end at a space where one is near."""
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        space = line.rfind(" ", start + MAX_SENTENCE_CHARS // 2, limit)
        cut = space if space > start else limit
        yield start, cut
        start = cut
    yield start, end
