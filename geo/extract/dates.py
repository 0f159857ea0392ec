"""Dates in a sentence, resolved against the publication date, and the article's own date line.

Every form comes from the language's data file ([dates]): full dates ("29 May 2023",
"29. maja 2023.", "më 29 maj 2023", "29.05.2023"), a month with its year or alone ("in April",
"u aprilu"), weekdays ("on Friday", "u petak", "të premten", with "last"/"next" words), words
relative to the publication day ("yesterday", "juče", "dje", "last week", "prošle nedelje"), and
"N days ago". Overlapping matches are settled by how specific each form is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from geo.extract.language import Language
from geo.extract.numbers import NumberWords, number_words, parse_number
from geo.extract.records import DateBasis

__all__ = ["ArticleDate", "DateMention", "article_date", "dates_in", "reference_spans"]

# A year-less date up to this far ahead is this year's (a vote called for 18 December); further ahead, last year's.
_SCHEDULED_AHEAD = timedelta(days=90)
_HEADER_LINES = 12  # a publication line is looked for in the first lines of the text
_LINE_CHARS = 100
_LEFTOVER_LETTERS = 16  # a publication line holds a date, maybe a time and a weekday, little else
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?\b", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a sentence, with its resolved value."""

    value: date
    basis: DateBasis
    precision: str
    position: int
    end: int = 0
    inherited: bool = False  # taken from an earlier sentence: a hint, not a fact of this sentence
    has_year: bool = True
    statement: bool = False  # says when someone spoke ("police said on Monday"), not when it happened
    reference: bool = False  # inside a phrase that refers to another event ("linked to the events of 24 September")

    def inherit(self) -> DateMention:
        """The same date, as a later sentence's hint."""
        return replace(self, inherited=True)


@dataclass(frozen=True)
class _Rules:
    explicit: tuple[re.Pattern[str], ...]
    month_year: re.Pattern[str]
    month_only: re.Pattern[str]
    weekday: re.Pattern[str]
    ago: re.Pattern[str]
    week_unit: re.Pattern[str]
    relative: tuple[tuple[re.Pattern[str], str, int], ...]
    months: tuple[re.Pattern[str], ...]
    weekdays: tuple[re.Pattern[str], ...]
    ambiguous_months: frozenset[str]
    last_month_mods: frozenset[str]
    publication_label: re.Pattern[str]
    night: re.Pattern[str]
    story: tuple[tuple[re.Pattern[str], int], ...]  # "a day earlier": days from the story's day (per `n`)
    statement: re.Pattern[str]
    statement_after: re.Pattern[str]
    reference: re.Pattern[str]
    nth_day: re.Pattern[str]
    ordinals: dict[str, int]
    numbers: NumberWords


def _alternation(patterns: dict[str, str], group: str) -> str:
    return f"(?P<{group}>" + "|".join(f"(?:{patterns[key]})" for key in sorted(patterns, key=int)) + ")"


def _fill(template: str, parts: dict[str, str]) -> re.Pattern[str]:
    """A template with {day}, {month}, {year}, {weekday}, {number} filled in (no other braces are touched)."""
    for key, value in parts.items():
        template = template.replace("{" + key + "}", value)
    return re.compile(template)


_UNITS = ("days", "weeks", "months", "years")


@lru_cache(maxsize=16)
def _rules(language: Language) -> _Rules:
    section = language.section("dates")
    months, weekdays = dict(section["months"]), dict(section["weekdays"])
    numbers = number_words(language)
    parts = {
        "day": section["day"],
        "year": section["year"],
        "month": _alternation(months, "mon"),
        "weekday": _alternation(weekdays, "wd"),
        "number": numbers.alternation,
    }
    relative = []
    for entry in section.get("relative", []):
        unit = next(u for u in _UNITS if u in entry)
        relative.append((re.compile(entry["pattern"]), unit, int(entry[unit])))
    return _Rules(
        explicit=tuple(_fill(template, parts) for template in section["formats"]),
        month_year=_fill(section["month_year"], parts),
        month_only=_fill(section["month_only"], parts),
        weekday=_fill(section["weekday"], parts),
        ago=_fill(section["ago"], parts),
        week_unit=re.compile(section["week_unit"]),
        relative=tuple(relative),
        months=tuple(re.compile(months[k]) for k in sorted(months, key=int)),
        weekdays=tuple(re.compile(weekdays[k]) for k in sorted(weekdays, key=int)),
        ambiguous_months=frozenset(section.get("ambiguous_months", "").split()),
        last_month_mods=frozenset(section.get("last_month_mods", "last").split()),
        publication_label=re.compile(section.get("publication_label", "(?!)")),
        night=re.compile(section.get("night", "(?!)")),
        story=tuple((_fill(e["pattern"], parts), int(e["days"])) for e in section.get("story", [])),
        statement=re.compile(section.get("statement", "(?!)")),
        statement_after=re.compile(section.get("statement_after", "(?!)")),
        reference=re.compile(section.get("reference", "(?!)")),
        nth_day=re.compile(section.get("nth_day", {}).get("pattern", "(?!)")),
        ordinals={word: int(n) for word, n in section.get("nth_day", {}).get("ordinals", {}).items()},
        numbers=numbers,
    )


def _index(patterns: tuple[re.Pattern[str], ...], word: str) -> int:
    """Which month (or weekday) a matched word names: the first pattern that matches it whole."""
    return next(number for number, pattern in enumerate(patterns) if pattern.fullmatch(word))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_of(match: re.Match[str], rules: _Rules) -> int:
    groups = match.groupdict()
    if groups.get("num"):
        return int(groups["num"])
    return _index(rules.months, match["mon"]) + 1


def _day_month(match: re.Match[str], rules: _Rules) -> tuple[int, int]:
    """Day and month; numeric dates are day first, unless only the other order makes a date (10/18/2023)."""
    day, month = int(match["day"]), _month_of(match, rules)
    return (month, day) if month > 12 >= day else (day, month)


def _explicit(
    text: str, published: date, rules: _Rules, context_year: int | None = None
) -> Iterator[tuple[int, DateMention]]:
    for pattern in rules.explicit:
        for match in pattern.finditer(text):
            (day, month), year = _day_month(match, rules), match["year"]
            value = _safe_date(int(year), month, day) if year else _yearless(published, month, day, context_year)
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


def _months(text: str, published: date, rules: _Rules) -> Iterator[tuple[int, DateMention]]:
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


def _weekdays(text: str, published: date, rules: _Rules) -> Iterator[tuple[int, DateMention]]:
    for match in rules.weekday.finditer(text):
        weekday = _index(rules.weekdays, match["wd"])
        groups = match.groupdict()
        if groups.get("next"):
            value = published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
        else:
            back = (published.weekday() - weekday) % 7
            value = published - timedelta(days=back or (7 if groups.get("last") else 0))
        yield 3, DateMention(value, "relative", "day", match.start(), match.end())


def _shifted(published: date, unit: str, amount: int) -> tuple[date, str]:
    if unit == "days":
        return published - timedelta(days=amount), "day"
    if unit == "weeks":
        return published - timedelta(days=7 * amount), "week"
    if unit == "months":
        first = published.replace(day=1)
        for _ in range(amount):
            first = (first - timedelta(days=1)).replace(day=1)
        return first, "month"
    return date(published.year - amount, 1, 1), "year"


def _story_days(text: str, story_day: date, rules: _Rules) -> Iterator[tuple[int, DateMention]]:
    """Words counted from the day the story is telling, not from publication: "during the night", "tokom
    noći" (that day's night), "a day earlier", "sutradan", "dy ditë më vonë" (`n` days from it)."""
    for match in rules.night.finditer(text):
        yield 2, DateMention(story_day, "relative", "day", match.start(), match.end())
    for pattern, days in rules.story:
        for match in pattern.finditer(text):
            n = parse_number(match["n"], rules.numbers) if "n" in pattern.groupindex and match["n"] else 1
            value = story_day + timedelta(days=days * (n or 1))
            yield 2, DateMention(value, "relative", "day", match.start(), match.end())


def _relatives(text: str, published: date, rules: _Rules) -> Iterator[tuple[int, DateMention]]:
    for pattern, unit, amount in rules.relative:
        for match in pattern.finditer(text):
            value, precision = _shifted(published, unit, amount)
            yield 2, DateMention(value, "relative", precision, match.start(), match.end())
    for match in rules.ago.finditer(text):
        number = parse_number(match["n"], rules.numbers) or 1
        unit = "weeks" if rules.week_unit.search(match["unit"]) else "days"
        value, precision = _shifted(published, unit, number)
        yield 4, DateMention(value, "relative", precision, match.start(), match.end())


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
    rules = _rules(language)
    found = list(_explicit(text, published, rules, context_year))
    found += [item for finder in (_months, _weekdays, _relatives) for item in finder(text, published, rules)]
    found += list(_story_days(text, story_day or published, rules))
    kept: list[DateMention] = []
    for _, mention in sorted(found, key=lambda item: (item[0], item[1].position)):
        if all(mention.end <= other.position or mention.position >= other.end for other in kept):
            kept.append(mention)
    references = reference_spans(text, language)
    ordered = [_as_statement(text, m, rules) for m in sorted(kept, key=lambda m: m.position)]
    ordered = [replace(m, reference=True) if _inside(m.position, references) else m for m in ordered]
    return _started_earlier(text, ordered, rules, base or _publication(published))


def reference_spans(text: str, language: Language) -> list[tuple[int, int]]:
    """Spans of a sentence that refer to another event ("linked to the events in Banjska on 24 September")."""
    return [m.span() for m in _rules(language).reference.finditer(text)]


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


_STATEMENT_REACH = 60  # characters before a date in which a verb of saying makes it the statement's date


def _as_statement(text: str, mention: DateMention, rules: _Rules) -> DateMention:
    """ "police said on Monday", "saopštila je danas", "Policia të hënën tregoi": the day someone spoke."""
    before = text[max(0, mention.position - _STATEMENT_REACH) : mention.position]
    after = text[mention.end : mention.end + _STATEMENT_REACH]
    spoke = rules.statement.search(before) or rules.statement_after.match(after)
    return replace(mention, statement=True) if spoke else mention


def _publication(published: date) -> DateMention:
    return DateMention(published, "publication", "day", 0)


_DIGITS = re.compile(r"\d+")


def _ordinal(word: str, rules: _Rules) -> int:
    """ "third", "treći", "e tretë", "26th", "26.", "26-të" as a number."""
    digits = _DIGITS.match(word)
    if digits:
        return int(digits.group())
    return next((n for pattern, n in rules.ordinals.items() if re.fullmatch(pattern, word, re.I)), 0)


def _started_earlier(text: str, found: list[DateMention], rules: _Rules, base: DateMention) -> list[DateMention]:
    """ "… closed for a second day on Tuesday", "the protest entered its 26th day": the event began that many
    days before the day named, or before the day of the report (its first day is its date)."""
    for match in rules.nth_day.finditer(text):
        groups = match.groupdict()
        ordinal = _ordinal(groups.get("ord") or groups.get("ord2") or "", rules)
        if ordinal < 2:
            continue
        days = [m for m in found if m.precision == "day"]
        if days:
            nearest = min(days, key=lambda m: abs(m.position - match.start()))
            shifted = replace(nearest, value=nearest.value - timedelta(days=ordinal - 1))
            found = [shifted if m is nearest else m for m in found]
        else:
            start = DateMention(base.value - timedelta(days=ordinal - 1), "relative", "day", match.start(), match.end())
            found = sorted([*found, start], key=lambda m: m.position)
    return found


# --- the article's own date ------------------------------------------------------


@dataclass(frozen=True)
class ArticleDate:
    """The date an article gives itself: `value` when complete; `day` (month, day) when it has no year."""

    value: date | None
    source: str  # "publication line" or "dateline"
    text: str
    day: tuple[int, int] | None = None


def _full_dates(line: str, rules: _Rules) -> list[DateMention]:
    anchor = date(2100, 1, 1)  # only dates that carry their year are wanted here
    return [m for _, m in _explicit(line, anchor, rules) if m.has_year]


_BYLINE_SEPARATOR = re.compile(r"\s[|·•]\s|\s[-–—]\s")


def _publication_line(line: str, rules: _Rules) -> ArticleDate | None:
    """A short line that is a date, perhaps with a label ("Published:"), a weekday and a time, or such a
    part of a byline ("By our correspondent | 26 November 2025")."""
    if len(line) > _LINE_CHARS:
        return None
    for part in _BYLINE_SEPARATOR.split(line):
        found = _dated_part(part, rules)
        if found:
            return ArticleDate(found, "publication line", line.strip())
    return None


def _dated_part(line: str, rules: _Rules) -> date | None:
    body = rules.publication_label.sub("", line)
    found = _full_dates(body, rules)
    if len(found) != 1:
        return None
    date_mention = found[0]
    rest = _TIME.sub("", body[: date_mention.position] + body[date_mention.end :])
    rest = rules.weekday.sub("", rest)
    if len(_LETTERS.findall(rest)) > _LEFTOVER_LETTERS:
        return None
    return date_mention.value


def _dateline_date(head: str, rules: _Rules) -> ArticleDate | None:
    anchor = date(2100, 1, 1)
    found = [m for _, m in _explicit(head, anchor, rules)]
    if not found:
        return None
    first = found[0]
    if first.has_year:
        return ArticleDate(first.value, "dateline", head.strip())
    return ArticleDate(None, "dateline", head.strip(), (first.value.month, first.value.day))


def article_date(
    lines: list[str], dateline_head: str | None, language: Language, others: tuple[Language, ...] = ()
) -> ArticleDate | None:
    """The date in the dateline when it has its year, else a publication line among the first lines, else the
    year-less dateline (the caller asks for the year), else None. A publication line may be written in
    another language's style (an English article on a Serbian site: "29. maj 2023 19:20"), so `others`
    are tried after the article's own language."""
    rules = _rules(language)
    dateline = _dateline_date(dateline_head, rules) if dateline_head else None
    if dateline is not None and dateline.value is not None:
        return dateline
    for candidate in (rules, *(_rules(other) for other in others)):
        found = next(filter(None, (_publication_line(line, candidate) for line in lines[:_HEADER_LINES])), None)
        if found:
            return found
    return dateline  # a dateline without its year, or nothing
