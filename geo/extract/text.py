"""The text the rules read: Cyrillic written in Latin letters, with a way back to the article's offsets.

Rules and place names are matched once, on a Latin view of the article ("Звечан" reads as
"Zvečan"). Each character of the view remembers where it came from, so evidence and mentions
point into the text the user gave.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

from geo.extract.language import transliteration

__all__ = ["Text", "latin_view"]

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@dataclass(frozen=True)
class Text:
    """The article (`source`), its Latin view (`latin`), and the source offset of each view offset."""

    source: str
    latin: str
    offsets: array | None = None  # len(latin) + 1 entries; None when the view is the source itself

    def to_source(self, position: int) -> int:
        """The article offset of a view offset (an end offset maps to the end of its letter)."""
        return position if self.offsets is None else self.offsets[position]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A view span as an article span."""
        return self.to_source(start), self.to_source(end)


def latin_view(source: str) -> Text:
    """The article with every Cyrillic letter in Latin script; one pass, linear in the text."""
    if not _CYRILLIC.search(source):
        return Text(source, source)
    table = transliteration()
    parts: list[str] = []
    offsets = array("l")
    for index, char in enumerate(source):
        latin = table.get(char, char)
        parts.append(latin)
        offsets.extend([index] * len(latin))
    offsets.append(len(source))
    return Text(source, "".join(parts), offsets)
