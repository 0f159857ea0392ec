"""Headings and lead lines: lines with no final punctuation that still tell the story.

A news page's title and its standfirst often end without a full stop, and so are not read as prose (menus,
bylines and captions are not either). What such a line tells is proposed only when the body tells nothing of
its type: a title's "citizens set up barricades outside the Leposavić municipality" is kept when the body tells
only of the police entering the Zvečan town hall, and dropped when the body tells a protest with its own day
and place.
"""

from __future__ import annotations

import re

from geo.extract.merging import KIN
from geo.extract.records import Candidate
from geo.extract.sentences import Sentence

__all__ = ["title_lines", "untold"]

_MIN_WORDS = 5  # shorter lines are menu items, bylines and section names
# Photo credits and captions: what they show may be from another day.
_CAPTION = re.compile(
    r"(?i:\b(?:foto|photo|photos|fotografi\w*|ilustracij\w*|illustration|screenshot|izvor|burimi)\b|©)"
)
_WORD = re.compile(r"[^\W\d_]{2,}")


def _is_heading(sentence: Sentence) -> bool:
    return len(_WORD.findall(sentence.text)) >= _MIN_WORDS and not _CAPTION.search(sentence.text)


def title_lines(found: list[Sentence], publication_line: str | None) -> frozenset[int]:
    """The numbers of the lines above the story's first sentence of prose that read as a title or a lead: long
    enough, no caption, no publication line. Lines after it are left unread (links to other stories, captions),
    and so is a text with no prose at all (a list of headlines, each another story of another day)."""
    first_prose = next((n for n, sentence in enumerate(found) if sentence.prose), None)
    if first_prose is None:
        return frozenset()
    return frozenset(n for n in range(first_prose) if _is_heading(found[n]) and found[n].text != publication_line)


def _type(candidate: Candidate) -> tuple[str, str]:
    """What a candidate tells, as a title and a body would both say it: kin types alike ("clashes" in the title,
    a riot in the body), and strategic developments by their sub-type (a seizure in the title is no arrest in
    the body)."""
    kind = candidate.event_type or candidate.deployment_kind or ""
    sub = (candidate.sub_event_type or "") if kind == "Strategic developments" else ""
    return KIN.get(kind, kind), sub


def _told(heading: Candidate, body: Candidate) -> bool:
    return heading.kind == body.kind and _type(heading) == _type(body)


def untold(headed: list[Candidate], body: list[Candidate]) -> list[Candidate]:
    """The headings' candidates of a kind and type (or a kin type) that the body tells nowhere. A title sums up
    its story: a protest in the title and one in the body are one protest, even where the title names the town
    and the body the bridge in it, or the title a namesake of the body's village."""
    return [h for h in headed if not any(_told(h, b) for b in body)]
