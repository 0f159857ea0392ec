"""One sentence and what was found in it, as the event steps read it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from geo.extract.date_rules import DateMention
from geo.extract.records import Count
from geo.extract.roles import Found
from geo.extract.sentences import Sentence
from geo.gazetteer import Place

__all__ = ["Facts"]


@dataclass(frozen=True)
class Facts:
    """One sentence and what was found in it (offsets relative to the sentence)."""

    number: int
    sentence: Sentence
    mentions: tuple[Found, ...]
    dates: tuple[DateMention, ...]
    inherited: DateMention | None
    published: date
    earlier_sites: tuple[Found, ...] = ()  # the sites of the latest earlier sentence that named any
    near: Place | None = None  # where the story is when this sentence names no place: the site just named,
    # else the dateline's place
    count_before: Count | None = None  # the last figure of the sentence before, which this one may break down
    title_sites: tuple[Found, ...] = ()  # before the story names a site: the sites of the title above it
