"""Dates told relative to another day: to publication ("yesterday", "juče", "dje", "last week",
"prošle nedelje", "N days ago"), to the day the story is telling ("during the night", "tokom noći",
"a day earlier", "sutradan"), and an event's first day counted back from its n-th ("the protest
entered its 26th day").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date, timedelta

from geo.extract.date_rules import DateMention, DateRules
from geo.extract.numbers import parse_number

__all__ = ["relative_dates", "started_earlier", "story_day_dates"]


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


def story_day_dates(
    text: str, story_day: date, rules: DateRules, named: Sequence[DateMention] = ()
) -> Iterator[tuple[int, DateMention]]:
    """Words counted from the day the story is telling, not from publication: "during the night", "tokom
    noći" (that day's night), "a day earlier", "sutradan", "dy ditë më vonë" (`n` days from it). The day told
    is the latest one `named` before the words in the same sentence ("police said on 3 November that two
    days earlier …"), else the story's day."""
    for match in rules.night.finditer(text):
        yield (
            2,
            DateMention(_day_before(match.start(), named, story_day), "relative", "day", match.start(), match.end()),
        )
    for pattern, days in rules.story:
        for match in pattern.finditer(text):
            n = parse_number(match["n"], rules.numbers) if "n" in pattern.groupindex and match["n"] else 1
            value = _day_before(match.start(), named, story_day) + timedelta(days=days * (n or 1))
            yield 2, DateMention(value, "relative", "day", match.start(), match.end())


def _day_before(position: int, named: list[DateMention], story_day: date) -> date:
    """The latest day named before `position`, else the story's day."""
    days = [m for m in named if m.precision == "day" and m.end <= position]
    return max(days, key=lambda m: m.position).value if days else story_day


def relative_dates(text: str, published: date, rules: DateRules) -> Iterator[tuple[int, DateMention]]:
    for pattern, unit, amount in rules.relative:
        for match in pattern.finditer(text):
            value, precision = _shifted(published, unit, amount)
            yield 2, DateMention(value, "relative", precision, match.start(), match.end())
    for match in rules.ago.finditer(text):
        # "pre nedelju dana" (a week ago) names no number: one unit
        number = (parse_number(match["n"], rules.numbers) if match["n"] else None) or 1
        unit = "weeks" if rules.week_unit.search(match["unit"]) else "days"
        value, precision = _shifted(published, unit, number)
        yield 4, DateMention(value, "relative", precision, match.start(), match.end())


_DIGITS = re.compile(r"\d+")


def _ordinal(word: str, rules: DateRules) -> int:
    """ "third", "treći", "e tretë", "26th", "26.", "26-të" as a number."""
    digits = _DIGITS.match(word)
    if digits:
        return int(digits.group())
    return next((n for pattern, n in rules.ordinals.items() if re.fullmatch(pattern, word, re.I)), 0)


def started_earlier(text: str, found: list[DateMention], rules: DateRules, base: DateMention) -> list[DateMention]:
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
