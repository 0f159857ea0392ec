"""From news to map: an article's text turned into candidate incidents and deployments for review.

Rule-based and deterministic, in English, Serbian (Latin and Cyrillic) and Albanian: nothing is
downloaded and no model runs; a reviewer accepts or rejects each candidate. The package has one
module per concern, and each language's words and patterns live in `languages/<code>.toml`:

- `language`: the language files, and which of them a text is written in;
- `text`, `sentences`: the Latin view of the text (Cyrillic transliterated, offsets kept) and its sentences;
- `dates` (with `date_rules`, `written_dates`, `relative_dates`, `dateline`): date expressions resolved against
  the publication date, and the article's own date line;
- `timeline`: the day each sentence stands on (the story's day, the latest day named, a statement's day);
- `mentions`, `inflection`, `roles`: place names in every spelling and case form, and the role each plays;
- `counts`: figures (injured, killed, arrested, troops) and actors;
- `events` (with `event_rules`, `facts`, `claims`, `claim_sites`, `event_dates`): triggers tied to sites and
  dates, per sentence;
- `merging`: claims of several sentences merged into events; `proposals`: each event as one candidate;
- `headings`: titles and lead lines above the story, read for what the body does not tell;
- `rows`: candidates as rows of the data schema.

All of it runs in time linear in the text, and `extract` refuses texts over `MAX_CHARS`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from datetime import date

from geo.extract.dates import ArticleDate, article_date
from geo.extract.events import raws_of
from geo.extract.headings import title_lines, untold
from geo.extract.language import Language, detect_language, get_language, languages
from geo.extract.mentions import scanner, seat_town
from geo.extract.proposals import candidates
from geo.extract.records import (
    Candidate,
    Count,
    DateBasis,
    Evidence,
    Extraction,
    MentionRole,
    PlaceMention,
    PublishedFrom,
)
from geo.extract.roles import NORTH, Found, dateline_end, in_north, place_rules
from geo.extract.rows import to_rows
from geo.extract.sentences import Sentence, sentences
from geo.extract.text import Text, latin_view
from geo.extract.timeline import facts_of
from geo.gazetteer import Gazetteer, Place

__all__ = [
    "MAX_CHARS",
    "Candidate",
    "Count",
    "DateBasis",
    "Evidence",
    "Extraction",
    "ExtractionError",
    "MentionRole",
    "MissingDateError",
    "PlaceMention",
    "PublishedFrom",
    "TextTooLongError",
    "detect_language",
    "extract",
    "find_article_date",
    "languages",
    "to_rows",
]

MAX_CHARS = 200_000  # the app's paste limit; the CLI holds files to it too
_LINE = re.compile(r"[^\n]+")
_MONTHS = "January February March April May June July August September October November December".split()  # noqa: SIM905 - a word list reads best as words


class ExtractionError(ValueError):
    """An article that cannot be read as asked; the message says what to do."""


class TextTooLongError(ExtractionError):
    """The text is longer than MAX_CHARS."""


class MissingDateError(ExtractionError):
    """No date was given and the article gives none of its own."""


def find_article_date(text: str, language: Language | None = None) -> ArticleDate | None:
    """The date an article gives itself (its publication line or dateline), if any."""
    language = language or detect_language(text)
    view = latin_view(text[:MAX_CHARS])
    return _own_date(view, sentences(view.latin[:5_000], language), language)


def _own_date(view: Text, found: list[Sentence], language: Language) -> ArticleDate | None:
    lines = [m.group() for m in itertools.islice(_LINE.finditer(view.latin), 12)]
    rules = place_rules(language)
    first_prose = next((s for s in found if s.prose and s.paragraph_start), None)
    end = dateline_end(first_prose, rules) if first_prose else 0
    others = tuple(other for other in languages().values() if other != language)
    return article_date(lines, first_prose.text[:end] if end else None, language, others)


def _day_words(day: tuple[int, int]) -> str:
    return f"{day[1]} {_MONTHS[day[0] - 1]}"


def _published(given: date | None, own: ArticleDate | None) -> tuple[date, PublishedFrom, tuple[str, ...]]:
    """The date relative words resolve against: the user's when given, else the article's own."""
    if given is not None:
        differs = own is not None and (
            (own.value is not None and own.value != given)
            or (own.day is not None and own.day != (given.month, given.day))
        )
        if not differs:
            return given, "given", ()
        assert own is not None
        return (
            given,
            "given",
            (f"The article's {own.source} reads {own.text!r}; the date you gave, {given}, was used.",),
        )
    if own is not None and own.value is not None:
        return own.value, "dateline" if own.source == "dateline" else "publication line", ()
    if own is not None and own.day is not None:
        raise MissingDateError(
            f"The dateline gives {_day_words(own.day)} but no year: give the date the article was published."
        )
    raise MissingDateError(
        "The article has no dateline or publication line with its date: give the date it was published."
    )


_FILED_BEFORE = 3  # days: how long before the date given a dateline may date the story's writing


def _told_from(given: date, own: ArticleDate | None) -> date:
    """The day a story's relative words are told from: its dateline's, when that is a few days before the date
    given (a report filed "ZVEČAN, 29 May" and given as published on the 30th says "today" of the 29th, and its
    undated events are the 29th's); else the date given. A dateline without its year is in the year before the
    date given that makes it so."""
    if own is None or own.source != "dateline":
        return given
    value = own.value
    if value is None and own.day is not None:
        value = _on_or_before(given, *own.day)
    if value is not None and 0 < (given - value).days <= _FILED_BEFORE:
        return value
    return given


def _on_or_before(given: date, month: int, day: int) -> date | None:
    for year in (given.year, given.year - 1):
        try:
            value = date(year, month, day)
        except ValueError:
            continue
        if value <= given:
            return value
    return None


def _mention(found: Found, sentence: Sentence, view: Text) -> PlaceMention:
    start, end = view.span(sentence.start + found.start, sentence.start + found.end)
    return PlaceMention(
        place_id=found.place.id,
        place=found.place.name_en,
        text=view.source[start:end],
        start=start,
        end=end,
        role=found.role,
        in_area=found.place.in_area,
    )


def _evidence(evidence: Evidence, view: Text) -> Evidence:
    start, end = view.span(evidence.start, evidence.end)
    return Evidence(view.source[start:end], start, end)


def _in_source(candidate: Candidate, view: Text) -> Candidate:
    if view.offsets is None:
        return candidate
    return replace(
        candidate,
        evidence=_evidence(candidate.evidence, view),
        support=tuple(_evidence(e, view) for e in candidate.support),
    )


def _check_length(text: str) -> None:
    if len(text) > MAX_CHARS:
        raise TextTooLongError(
            f"The text has {len(text):,} characters; the limit is {MAX_CHARS:,}. "
            "Give one article at a time, or split a long one into parts."
        )


def extract(text: str, published: date | None, gazetteer: Gazetteer, language: str | None = None) -> Extraction:
    """Candidate incidents and deployments in an article, in text order, and the places it names but does not map.

    `published` may be None when the article gives its own date (a publication line or a dated
    dateline); otherwise MissingDateError says what is missing. `language` (en, sr, sq) overrides
    detection. Texts over MAX_CHARS raise TextTooLongError.
    """
    _check_length(text)
    rules_language = get_language(language) if language else detect_language(text)
    view = latin_view(text)
    found = sentences(view.latin, rules_language)
    own = _own_date(view, found, rules_language)
    day, source, notes = _published(published, own)
    if own is not None and own.source == "publication line":  # a header, not a sentence of the story
        found = [replace(s, prose=False) if s.text == own.text else s for s in found]
    told = _told_from(day, own)
    facts = facts_of(found, told, rules_language, scanner(gazetteer, rules_language, view.latin))
    raws, heading_raws, mentions = [], [], []
    titles = title_lines(found, own.text if own is not None else None)
    for fact in facts:
        sentence_raws, sentence_mentions = raws_of(fact, rules_language)
        if fact.sentence.prose:
            raws += sentence_raws
        elif fact.number in titles:
            heading_raws += sentence_raws
        mentions += [_mention(m, fact.sentence, view) for m in sentence_mentions]
    located = frozenset((m.place.id, m.locates) for fact in facts for m in fact.mentions if m.locates)
    found_candidates = [c for c in candidates(raws, rules_language, located) if not _background(c, day)]
    headed = candidates(heading_raws, rules_language, located)
    found_candidates = sorted(found_candidates + untold(headed, found_candidates), key=lambda c: c.evidence.start)
    proposed, elsewhere = _in_focus([_at_seat(_in_source(c, view), gazetteer) for c in found_candidates], gazetteer)
    far = [m for m in mentions if not m.in_area or m.place_id in elsewhere]
    outside = list({m.place_id: m for m in reversed(far)}.values())[::-1]
    return Extraction(proposed, outside, mentions, day, source, rules_language.code, notes)


def _background(candidate: Candidate, published: date) -> bool:
    """An incident dated only to a month or a year before the report's ("the September 2023 attack in Banjska",
    "since December, when Serbs put up barricades"): background the text names, not an event it tells with its
    day. What the next sentences add to it goes with it."""
    earlier = (candidate.date.year, candidate.date.month) < (published.year, published.month)
    return candidate.kind == "incident" and candidate.date_precision in ("month", "year") and earlier


def _at_seat(candidate: Candidate, gazetteer: Gazetteer) -> Candidate:
    """An event told at a northern municipality by its full name ("në Komunën e Leposaviqit", "u Opštini
    Leposavić") is put at the town it is named after, as when the name is written plainly ("in Leposavić"):
    the map's municipality-level places are the towns, and a municipality's point is only a polygon's."""
    place = gazetteer.get(candidate.place_id)
    if place is None or place.kind != "municipality" or not in_north(place):
        return candidate
    seat = seat_town(place, gazetteer)
    if seat is None:
        return candidate
    return replace(candidate, place_id=seat.id, place=seat.name_en, lat=seat.lat, lon=seat.lon)


_BROAD = ("country", "region")


def _focused(place: Place | None) -> bool:
    """A precise place in the map's focus: in the four northern municipalities, or one the project curates
    (South Mitrovica, the crossings, the camps). A capital is where governments sit: in an article about the
    north, what "happens" there is statements, trials and talks."""
    if place is None or place.kind in _BROAD or place.feature_code.endswith("PPLC"):
        return False
    return place.municipality in NORTH or place.id in NORTH or place.curated


def _in_focus(found: list[Candidate], gazetteer: Gazetteer) -> tuple[list[Candidate], set[str]]:
    """An article about the north keeps to the north: events it lists elsewhere in Kosovo (raids that also
    reached Peja) are named as outside the map's area. An article only about elsewhere keeps its events;
    the country and the region always stay."""
    places = {c.place_id: gazetteer.get(c.place_id) for c in found}
    if not any(_focused(place) for place in places.values()):
        return found, set()
    kept = [c for c in found if _focused(places[c.place_id]) or getattr(places[c.place_id], "kind", "") in _BROAD]
    return kept, {c.place_id for c in found} - {c.place_id for c in kept}
