"""A language's date rules, compiled once from its data file ([dates]), and the date mention they yield.

The templates in the data file name their parts ({day}, {month}, {year}, {weekday}, {number}); the
parts are filled in here, so that each language writes a form once and every form shares the same
month, weekday and number words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from geo.extract.language import Language
from geo.extract.numbers import NumberWords, number_words
from geo.extract.records import DateBasis

__all__ = ["DateMention", "DateRules", "date_rules"]


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
class DateRules:
    explicit: tuple[re.Pattern[str], ...]
    month_year: re.Pattern[str]
    since_year: re.Pattern[str]  # "since 2023", "od 2023. godine", "që nga viti 2023": a year, not a day
    month_only: re.Pattern[str]
    weekday: re.Pattern[str]
    back_then: re.Pattern[str]  # "then", "tada", "atëherë": at the time the sentence before named
    told_after: re.Pattern[str]  # "It happened on Saturday": the day of the undated event just told
    future: re.Pattern[str]  # "will", "će", "do të" shortly before a weekday: the coming one
    two_days: tuple[re.Pattern[str], ...]  # "in the night between Sunday and Monday": the day in group `wd`
    ago: re.Pattern[str]
    week_unit: re.Pattern[str]
    relative: tuple[tuple[re.Pattern[str], str, int], ...]
    months: tuple[re.Pattern[str], ...]
    weekdays: tuple[re.Pattern[str], ...]
    ambiguous_months: frozenset[str]
    last_month_mods: frozenset[str]
    publication_label: re.Pattern[str]
    header_words: frozenset[str]  # words of a publication line that do not count against it ("updated", "ago")
    night: re.Pattern[str]
    story: tuple[tuple[re.Pattern[str], int], ...]  # "a day earlier": days from the story's day (per `n`)
    statement: re.Pattern[str]
    statement_after: re.Pattern[str]
    reported: re.Pattern[str]  # "said that …": the words between a verb of saying and a date open what was said
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
def date_rules(language: Language) -> DateRules:
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
    return DateRules(
        explicit=tuple(_fill(template, parts) for template in section["formats"]),
        month_year=_fill(section["month_year"], parts),
        since_year=_fill(section.get("since_year", "(?!)"), parts),
        month_only=_fill(section["month_only"], parts),
        weekday=_fill(section["weekday"], parts),
        back_then=re.compile(section.get("back_then", "(?!)")),
        told_after=re.compile(section.get("told_after", "(?!)")),
        future=re.compile(section.get("future", "(?!)")),
        two_days=tuple(_fill(template, parts) for template in section.get("two_days", [])),
        ago=_fill(section["ago"], parts),
        week_unit=re.compile(section["week_unit"]),
        relative=tuple(relative),
        months=tuple(re.compile(months[k]) for k in sorted(months, key=int)),
        weekdays=tuple(re.compile(weekdays[k]) for k in sorted(weekdays, key=int)),
        ambiguous_months=frozenset(section.get("ambiguous_months", "").split()),
        last_month_mods=frozenset(section.get("last_month_mods", "last").split()),
        publication_label=re.compile(section.get("publication_label", "(?!)")),
        header_words=frozenset(section.get("header_words", "").split()),
        night=re.compile(section.get("night", "(?!)")),
        story=tuple((_fill(e["pattern"], parts), int(e["days"])) for e in section.get("story", [])),
        statement=re.compile(section.get("statement", "(?!)")),
        statement_after=re.compile(section.get("statement_after", "(?!)")),
        reported=re.compile(section.get("reported", "(?!)")),
        reference=re.compile(section.get("reference", "(?!)")),
        nth_day=re.compile(section.get("nth_day", {}).get("pattern", "(?!)")),
        ordinals={word: int(n) for word, n in section.get("nth_day", {}).get("ordinals", {}).items()},
        numbers=numbers,
    )
