"""Dates in a sentence, resolved against the publication date, and the article's own date line.

Every form comes from the language's data file ([dates]): written dates (geo.extract.written_dates),
words relative to publication or to the story's day (geo.extract.relative_dates). Overlapping
matches are settled here by how specific each form is. Neighbours then settle each other (a weekday
beside a full date or beside "last week", a year-less date beside "last year"), a quotation's words are
read from the day it was spoken, and each date is marked as a statement's ("police said on Monday") or
as one inside a reference to another event. The article's own date: geo.extract.dateline.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from datetime import date, timedelta

from geo.extract.date_rules import DateMention, DateRules, date_rules
from geo.extract.dateline import ArticleDate, article_date
from geo.extract.language import Language
from geo.extract.relative_dates import relative_dates, started_earlier, story_day_dates
from geo.extract.written_dates import explicit_dates, month_dates, since_year_dates, weekday_dates

__all__ = ["ArticleDate", "DateMention", "article_date", "dates_in", "reference_spans"]

_STATEMENT_REACH = 60  # characters before a date in which a verb of saying makes it the statement's date


def dates_in(
    text: str,
    published: date,
    language: Language,
    base: DateMention | None = None,
    context_year: int | None = None,
    story_day: date | None = None,
) -> list[DateMention]:
    """Every date expression in a sentence, in text order; where two overlap, the more specific one.

    `base` is the day a sentence that names none is told from (publication, unless given): "for the third day
    in a row" counts back from it. `context_year` is the year of a full date just before,
    which year-less dates take when it is an earlier year than publication; `story_day` the day the
    sentences before were telling of, which "during the night" refers to."""
    rules = date_rules(language)
    found = list(explicit_dates(text, published, rules, context_year))
    found += [
        item
        for finder in (month_dates, since_year_dates, weekday_dates, relative_dates)
        for item in finder(text, published, rules)
    ]
    found += list(story_day_dates(text, story_day or published, rules, [m for _, m in found]))
    kept: list[DateMention] = []
    for _, mention in sorted(found, key=lambda item: (item[0], item[1].position)):
        if all(mention.end <= other.position or mention.position >= other.end for other in kept):
            kept.append(mention)
    references = reference_spans(text, language)
    in_order = _years_days(text, _weeks_days(text, _named_days(text, sorted(kept, key=lambda m: m.position)), rules))
    ordered = _quoted(text, [_as_statement(text, m, rules) for m in in_order], published, language)
    ordered = [replace(m, reference=True) if _inside(m.position, references) else m for m in ordered]
    return started_earlier(text, ordered, rules, base or _publication(published))


_APPOSITION = re.compile(r"\s*,?\s*(?:[^\W\d_]{1,3}\s+)?")  # "Të dielën, më 24 shtator"


# A quotation: “…”, „…“, «…», "…".
_QUOTE = re.compile(r"[“„«\"]([^“”„«»\"]{3,})[”“»\"]")


def _quoted(text: str, found: list[DateMention], published: date, language: Language) -> list[DateMention]:
    """ "“Yesterday we were attacked in Zupče,” the mayor said on Saturday": a quotation is told on the day it was
    spoken, so when the sentence dates the speaking (before publication), the quotation's words relative to the day
    are read from that day."""
    quotes = [match.span(1) for match in _QUOTE.finditer(text)]
    spoken = [m for m in found if m.statement and m.precision == "day" and not _inside(m.position, quotes)]
    if not quotes or not spoken or spoken[0].value >= published:
        return found
    result = [m for m in found if not _inside(m.position, quotes)]
    for start, end in quotes:
        told = dates_in(text[start:end], spoken[0].value, language)
        result += [replace(m, position=m.position + start, end=m.end + start) for m in told]
    return sorted(result, key=lambda m: m.position)


def _named_days(text: str, found: list[DateMention]) -> list[DateMention]:
    """ "u nedelju, 24. septembra", "on Tuesday, 7 November": a day word written just before a full date names
    that date (not the latest such weekday before publication)."""
    result = list(found)
    for n, (mention, following) in enumerate(itertools.pairwise(found)):
        named = mention.basis == "relative" and following.basis == "explicit" and following.precision == "day"
        if named and _APPOSITION.fullmatch(text, mention.end, following.position):
            result[n] = replace(mention, value=following.value, basis="explicit")
    return result


def _weeks_days(text: str, found: list[DateMention], rules: DateRules) -> list[DateMention]:
    """ "last week, on Thursday", "u četvrtak prošle nedelje", "të enjten e javës së kaluar": a weekday written beside
    a past week is that week's day (not the latest such weekday before publication), and so is the week word."""
    result = list(found)
    for n, (first, second) in enumerate(itertools.pairwise(found)):
        week, day = (first, second) if first.precision == "week" else (second, first)
        weekday = rules.weekday.fullmatch(text, day.position, day.end)
        if week.precision != "week" or day.precision != "day" or not weekday:
            continue
        if _APPOSITION.fullmatch(text, first.end, second.position):
            monday = week.value - timedelta(days=week.value.weekday())
            value = monday + timedelta(days=day.value.weekday())
            result[n], result[n + 1] = (replace(m, value=value, precision="day") for m in (first, second))
    return result


def _years_days(text: str, found: list[DateMention]) -> list[DateMention]:
    """ "28 May last year", "28. maja prošle godine", "më 28 maj të vitit të kaluar": a date written without its year,
    followed by a year word, is in that year (not the latest such day before publication), and so is the year word;
    so is a month named alone ("krajem maja prošle godine", "at the end of May last year")."""
    result = list(found)
    for n, (day, year) in enumerate(itertools.pairwise(found)):
        yearless = day.basis == "explicit" and day.precision == "day" and not day.has_year
        month = day.basis == "relative" and day.precision == "month"
        if (yearless or month) and year.precision == "year" and _APPOSITION.fullmatch(text, day.end, year.position):
            value = _safe_year(day.value, year.value.year)
            if value is not None:
                result[n], result[n + 1] = (
                    replace(m, value=value, precision=day.precision, has_year=True) for m in (day, year)
                )
    return _in_told_year(result)


def _in_told_year(found: list[DateMention]) -> list[DateMention]:
    """A day without its year, after a month or a day of an earlier year in the same sentence ("at the end of May
    last year, after the police on 25 May …"), is in that year, not the latest such day before publication."""
    result: list[DateMention] = list(found)
    told: int | None = None
    for n, mention in enumerate(found):
        yearless = mention.basis == "explicit" and mention.precision == "day" and not mention.has_year
        if yearless and told is not None and told < mention.value.year:
            value = _safe_year(mention.value, told)
            result[n] = replace(mention, value=value, has_year=True) if value is not None else mention
        elif mention.precision in ("month", "day") and mention.has_year and not mention.reference:
            told = mention.value.year
    return result


def _safe_year(day: date, year: int) -> date | None:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return None


def reference_spans(text: str, language: Language) -> list[tuple[int, int]]:
    """Spans of a sentence that refer to another event ("linked to the events in Banjska on 24 September")."""
    return [m.span() for m in date_rules(language).reference.finditer(text)]


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _as_statement(text: str, mention: DateMention, rules: DateRules) -> DateMention:
    """ "police said on Monday", "saopštila je danas", "Policia të hënën tregoi": the day someone spoke; but
    "njoftoi se mbrëmë …", "said that on Monday …": the day of what was reported."""
    before = text[max(0, mention.position - _STATEMENT_REACH) : mention.position]
    after = text[mention.end : mention.end + _STATEMENT_REACH]
    said = rules.statement.search(before) and not rules.reported.search(before)
    spoke = said or rules.statement_after.match(after)
    return replace(mention, statement=True) if spoke else mention


def _publication(published: date) -> DateMention:
    return DateMention(published, "publication", "day", 0)
