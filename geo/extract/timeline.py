"""The article's timeline: for each sentence, its places, its dates and the day it stands on when it names none.

News tells a story in time: the opening sentences give the story's day, a later sentence with no
date of its own goes on with the latest day named shortly before it, and a year-less date in a
sentence about an earlier year ("the protests began on 26 May", after "29 June 2023") belongs to
that year. A date that only says when someone spoke ("police said on Monday") dates the statement,
so it never becomes the day later sentences stand on. A headline's or a live blog's date line lends its
day; a sentence that says "then" goes on from the time just named; one that says when "it happened"
dates the undated event just before it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from datetime import date, timedelta

from geo.extract.counts import counts_in
from geo.extract.date_rules import date_rules
from geo.extract.dates import DateMention, dates_in
from geo.extract.events import Facts, coarseness, rules_for
from geo.extract.language import Language
from geo.extract.mentions import find_places, same_town
from geo.extract.records import Count
from geo.extract.roles import Found, dateline_end, place_rules
from geo.extract.sentences import Sentence
from geo.gazetteer import Place

__all__ = ["facts_of"]

_INHERIT_WINDOW = 4  # sentences: how far back an undated sentence looks for its date
_LEDE_SENTENCES = 2  # the opening sentences whose day stands for the story's day
_YEAR_WINDOW = 1  # sentences: how far back a full date lends its year to a year-less one
_NEAR_WINDOW = 2  # prose sentences: how long a site stays where the story is
_MUNICIPALITY = 1  # the coarseness of a municipality (geo.extract.claim_sites)
_DATE_LINE = 40  # characters: a heading this short with a written date is a date line
_RECENT = timedelta(days=7)  # how long before publication a headline's day may be the story's


@dataclass
class _Story:
    """What the sentences read so far say about time."""

    published: date
    prose: int = 0  # prose sentences read
    anchor: tuple[int, DateMention] | None = None  # the latest prose sentence with a past day
    lede: DateMention | None = None  # the day the opening sentences give
    headline: DateMention | None = None  # the day a heading above the first prose sentence gives
    year: tuple[int, int] | None = None  # (prose sentence, year) of the latest full date with a year
    earlier: tuple[Found, ...] = ()  # the sites of the latest sentence that named any
    earlier_at: int = -1  # the prose sentence that named them
    dateline: Place | None = None  # the in-area place of the article's dateline
    topic: Place | None = None  # the first precise site the story names
    title: tuple[Found, ...] = ()  # the sites of a title above the story, until the story names one
    count_before: Count | None = None  # the last figure of the sentence before
    last_told: DateMention | None = None  # the prose sentence before's last date of an event, of any precision

    def inherited(self) -> DateMention | None:
        anchor = self.anchor
        if anchor and self.prose - anchor[0] <= _INHERIT_WINDOW:
            return anchor[1]
        return self.lede or self.headline

    def context_year(self) -> int | None:
        year = self.year
        return year[1] if year and self.prose - year[0] <= _YEAR_WINDOW else None

    def near(self) -> Place | None:
        """Where the story is for a sentence that names no place: a precise site of the sentence just before (or
        the one before it), else the story's first precise site, else, while none is named, the dateline's
        place."""
        recent = [m.place for m in self.earlier if not coarseness(m.place)]
        if recent and self.prose - self.earlier_at <= _NEAR_WINDOW:
            return recent[0]
        return self.topic or (self.dateline if not self.earlier else None)

    def date_line(self, found: tuple[Found, ...]) -> None:
        """Keep the dateline's place: read before the sentence that holds it is placed, as the dateline's
        sentence is often the story's first, telling an event with no other place ("LEPOSAVIĆ - Dozens of
        Serbs protested on Tuesday …")."""
        datelined = [m.place for m in found if m.role == "dateline" and _local(m.place)]
        self.dateline = self.dateline or next(iter(datelined), None)

    def read(self, sentence: Sentence, found: tuple[Found, ...], dates: tuple[DateMention, ...], language) -> None:
        sites = tuple(m for m in found if m.role == "site")
        if sites and not sentence.prose and self.prose == 0 and not self.earlier:
            # A title above the story ("Explosion in Zupče") says where the opening sentences are, when they
            # point back ("in the village", "u tom selu", "në fshat") or name no place; not the whole story's topic.
            self.earlier, self.earlier_at, self.title = sites, self.prose, sites
        if sites and sentence.prose:
            self.earlier, self.earlier_at = sites, self.prose
            self.title = self.title if all(coarseness(m.place) for m in sites) else ()
            # A municipality named in full ("në krye të Komunës së Mitrovicës së Veriut") is where the story is as
            # much as its town: its events are put at the town (geo.extract._at_seat).
            precise = [m.place for m in sites if _local(m.place) and coarseness(m.place) <= _MUNICIPALITY]
            self.topic = self.topic or next(iter(precise), None)
        if not sentence.prose:
            self._heading(sentence, dates)
            return
        self.count_before = next(reversed(counts_in(sentence.text, language)), None)
        told = [d for d in dates if d.value <= self.published and not (d.statement or d.reference)]
        self.last_told = told[-1] if told else None
        background = [m.span() for m in rules_for(language).relative_clause.finditer(sentence.text)]
        day = next((d for d in dates if _anchors(d, self.published, background)), None)
        self.anchor = (self.prose, day) if day else self.anchor
        self.lede = day if self.lede is None and day and self.prose < _LEDE_SENTENCES else self.lede
        # A year an ongoing state dates from ("since 2023") is no year the story is telling of.
        full = [d for d in dates if d.has_year and d.basis == "explicit" and d.precision != "year"]
        self.year = (self.prose, full[-1].value.year) if full else self.year
        self.prose += 1

    def _heading(self, sentence: Sentence, dates: tuple[DateMention, ...]) -> None:
        """A line that is no prose. Above the first prose sentence ("Car set on fire in Leposavić on Saturday" over a
        body that names no day) its recent day is the story's until the body names one; a day long before is an
        anniversary's ("A year since 24 September"). Among the prose of a story that already tells days, a short date
        line ("Tuesday, 30 May 2023" in a live blog) dates what follows; a heading that only names a day ("Troops back
        on guard after Monday's clashes") does not, nor does a page's date line under its menu."""
        if self.prose == 0 and self.headline is None:
            recent = [d for d in dates if _anchors(d, self.published, []) and self.published - d.value <= _RECENT]
            self.headline = next(iter(recent), None)
        written = [d for d in dates if d.basis == "explicit" and _anchors(d, self.published, [])]
        telling = self.anchor or self.lede or self.headline
        if self.prose and written and telling and len(sentence.text) <= _DATE_LINE:
            self.anchor = (self.prose, written[0])


def _local(place: Place) -> bool:
    return place.in_area and place.kind not in ("country", "region") and not place.feature_code.endswith("PPLC")


def _anchors(mention: DateMention, published: date, background: list[tuple[int, int]]) -> bool:
    """A day the story goes on from: not a statement's, not another event's, not one told in a relative clause
    ("…, where Serbs had tried to enter a day earlier"), which is background to the sentence."""
    if any(start <= mention.position < end for start, end in background):
        return False
    return mention.precision == "day" and mention.value <= published and not (mention.statement or mention.reference)


def facts_of(found: list[Sentence], published: date, language: Language, scan) -> list[Facts]:
    """Per sentence: places, dates (a dateline's own date left out) and the date it may inherit."""
    rules = place_rules(language)
    datelines = [dateline_end(sentence, rules) for sentence in found]
    places = same_town([find_places(s, d, scan) for s, d in zip(found, datelines, strict=True)])
    story = _Story(published)
    result: list[Facts] = []
    for number, sentence in enumerate(found):
        dateline, inherited = datelines[number], story.inherited()
        text = " " * dateline + sentence.text[dateline:]
        story_day = inherited.value if inherited is not None else None
        dates = tuple(dates_in(text, published, language, context_year=story.context_year(), story_day=story_day))
        inherited = _back_then(text, dates, story, language) or inherited
        mentions = tuple(places[number])
        facts = Facts(number, sentence, mentions, dates, inherited, published, story.earlier)
        story.date_line(mentions)
        result.append(replace(facts, near=story.near(), count_before=story.count_before, title_sites=story.title))
        story.read(sentence, mentions, dates, language)
    return _titles_on_lede(_told_after(result, language), story.lede)


def _titles_on_lede(result: list[Facts], lede: DateMention | None) -> list[Facts]:
    """The lines above the first sentence of prose (a title, a standfirst) stand on the day the story opens
    with, as the story does: read before it, they had none to inherit."""
    if lede is None:
        return result
    first_prose = next((n for n, facts in enumerate(result) if facts.sentence.prose), len(result))
    return [replace(f, inherited=lede) if n < first_prose and f.inherited is None else f for n, f in enumerate(result)]


def _back_then(text: str, dates: tuple[DateMention, ...], story: _Story, language: Language) -> DateMention | None:
    """ "In May 2023, clashes in Zvečan injured dozens. KFOR then sent more troops to Leposavić": a sentence with no
    date of its own that says "then" ("tada", "atëherë") goes on from the time the sentence before named, even a month
    or a year (a background time, which never becomes the story's day), not from the story's day."""
    if dates or story.last_told is None or not date_rules(language).back_then.search(text):
        return None
    return story.last_told


def _told_after(found: list[Facts], language: Language) -> list[Facts]:
    """ "Unknown persons set fire to a car in Leposavić. It happened on Saturday around 2 a.m.": a prose sentence that
    says when "it" happened gives its day to the prose sentence just before, when that one names no date of its own
    (it would otherwise take the story's or publication's day)."""
    pattern = date_rules(language).told_after
    result = list(found)
    prose = [n for n, facts in enumerate(found) if facts.sentence.prose]
    for before, after in itertools.pairwise(prose):
        facts = found[after]
        if found[before].dates or not pattern.search(facts.sentence.text):
            continue
        day = next((d for d in facts.dates if _anchors(d, facts.published, [])), None)
        if day is not None:
            result[before] = replace(found[before], inherited=day)
    return result
