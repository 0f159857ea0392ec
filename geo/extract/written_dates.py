"""Dates written out in a sentence: full dates ("29 May 2023", "29. maja 2023.", "më 29 maj 2023",
"29.05.2023"), a month with its year or alone ("in April", "u aprilu"), and weekdays ("on Friday",
"u petak", "të premten", with "last"/"next" words), resolved against the publication date.

Each finder yields (rank, mention): the rank says how specific the form is, so that overlapping
matches can be settled (lower wins).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from geo.extract.date_rules import DateMention, DateRules

__all__ = ["explicit_dates", "month_dates", "since_year_dates", "weekday_dates"]

# A year-less date up to this far ahead is this year's (a vote called for 18 December); further ahead, last year's.
_SCHEDULED_AHEAD = timedelta(days=90)
_CLAUSE_MARK = re.compile(r"[,;:–—]")
_FUTURE_REACH = 40  # characters before a weekday in which a word of the future makes it the coming one


def _index(patterns: tuple[re.Pattern[str], ...], word: str) -> int:
    """Which month (or weekday) a matched word names: the first pattern that matches it whole."""
    return next(number for number, pattern in enumerate(patterns) if pattern.fullmatch(word))


def _index_in(patterns: tuple[re.Pattern[str], ...], text: str, start: int, end: int) -> int:
    """As `_index`, for a word matched in `text`: a pattern may look at the words before it ("od nedelje" is
    since Sunday, "prošle nedelje" last week)."""
    return next(number for number, pattern in enumerate(patterns) if pattern.fullmatch(text, start, end))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def _month_of(match: re.Match[str], rules: DateRules, published: date | None = None) -> int:
    """The month a date names: by number ("29.05."), Roman numeral ("29. V 2023.", a Serbian habit), word, or, in a
    form whose group `cur` matched ("2. ovog meseca", "më 2 të këtij muaji"), the month of publication."""
    groups = match.groupdict()
    if groups.get("num"):
        return int(groups["num"])
    if groups.get("rom"):
        return _ROMAN.index(groups["rom"]) + 1
    if groups.get("cur") and published is not None:
        return published.month
    return _index(rules.months, match["mon"]) + 1


def _day_month(match: re.Match[str], rules: DateRules, published: date | None = None) -> tuple[int, int]:
    """Day and month; numeric dates are day first, unless only the other order makes a date (10/18/2023)."""
    day, month = int(match["day"]), _month_of(match, rules, published)
    return (month, day) if month > 12 >= day else (day, month)


def explicit_dates(
    text: str, published: date, rules: DateRules, context_year: int | None = None
) -> Iterator[tuple[int, DateMention]]:
    for pattern in rules.explicit:
        for match in pattern.finditer(text):
            (day, month), year = _day_month(match, rules, published), match.groupdict().get("year")
            if year:
                value = _safe_date(int(year), month, day)
            elif match.groupdict().get("cur"):  # this month's day is this year's, whatever year the story told before
                value = _safe_date(published.year, month, day)
            else:
                value = _yearless(published, month, day, context_year)
            if value:
                yield 0, DateMention(value, "explicit", "day", match.start(), match.end(), has_year=bool(year))


def _yearless(published: date, month: int, day: int, context_year: int | None) -> date | None:
    """A date written without its year: in the year the story was just telling of, when that is an earlier
    year ("on 29 June 2023 … the protests that began on 26 May"); else the latest such day not far ahead of
    publication (a vote called for 18 December is this year's; 3 December, read in May, last year's)."""
    if context_year is not None and context_year < published.year:
        value = _safe_date(context_year, month, day)
        if value is not None:
            return value
    value = _safe_date(published.year, month, day)
    if value and value > published + _SCHEDULED_AHEAD:
        value = _safe_date(published.year - 1, month, day)
    return value


def month_dates(text: str, published: date, rules: DateRules) -> Iterator[tuple[int, DateMention]]:
    for match in rules.month_year.finditer(text):
        value = date(int(match["year"]), _month_of(match, rules), 1)
        yield 1, DateMention(value, "explicit", "month", match.start(), match.end())
    for match in rules.month_only.finditer(text):
        month, mod = _month_of(match, rules), match.groupdict().get("mod")
        if match["mon"] in rules.ambiguous_months and not mod:
            continue  # "May" the verb
        year = published.year if month <= published.month else published.year - 1
        if mod and mod.lower() in rules.last_month_mods and month == published.month:
            year -= 1
        yield 5, DateMention(date(year, month, 1), "relative", "month", match.start(), match.end())


def since_year_dates(text: str, published: date, rules: DateRules) -> Iterator[tuple[int, DateMention]]:
    """ "stationed there since 2023", "od 2023. godine", "që nga viti 2023": what has lasted since a year is dated
    to that year, never to a day (a sentence that says so does not take the day of the one before)."""
    for match in rules.since_year.finditer(text):
        year = int(match["year"])
        if year <= published.year:
            yield 1, DateMention(date(year, 1, 1), "explicit", "year", match.start(), match.end())


def _weekday_value(published: date, weekday: int, groups: dict[str, str | None]) -> date:
    """The weekday's latest day up to publication; "last Friday" a week back when publication is a Friday; "next"
    the first one after."""
    if groups.get("next"):
        return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    back = (published.weekday() - weekday) % 7
    return published - timedelta(days=back or (7 if groups.get("last") else 0))


def _planned(text: str, start: int, rules: DateRules) -> bool:
    """A word of the future shortly before `start`, in the same clause: "will protest on Friday", "će u petak"; not
    "Protesters, who say they will go on, gathered on Friday"."""
    window = text[max(0, start - _FUTURE_REACH) : start]
    found = [m.end() for m in rules.future.finditer(window)]
    return bool(found) and not _CLAUSE_MARK.search(window, found[-1])


def weekday_dates(text: str, published: date, rules: DateRules) -> Iterator[tuple[int, DateMention]]:
    # A night between two weekdays is its second day's, a range of them its first's (rank 1: before the night word
    # and either weekday alone).
    for pattern in rules.two_days:
        for match in pattern.finditer(text):
            weekday = _index_in(rules.weekdays, text, match.start("wd"), match.end("wd"))
            value = _weekday_value(published, weekday, {})
            yield 1, DateMention(value, "relative", "day", match.start(), match.end())
    for match in rules.weekday.finditer(text):
        weekday = _index_in(rules.weekdays, text, match.start("wd"), match.end("wd"))
        groups = match.groupdict()
        if not groups.get("last") and _planned(text, match.start(), rules):
            groups = {**groups, "next": "future"}  # "will protest on Friday": the coming Friday
        value = _weekday_value(published, weekday, groups)
        yield 3, DateMention(value, "relative", "day", match.start(), match.end())
