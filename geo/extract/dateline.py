"""The date an article gives itself: in its dateline ("ZVEČAN, 29 May 2023 -") or on a short
publication line among its first lines ("Published: 29.05.2023 19:20", "By our correspondent | 26
November 2025").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from geo.extract.date_rules import DateMention, DateRules, date_rules
from geo.extract.language import Language
from geo.extract.written_dates import explicit_dates

__all__ = ["ArticleDate", "article_date"]

_HEADER_LINES = 12  # a publication line is looked for in the first lines of the text
_LINE_CHARS = 100
_LEFTOVER_LETTERS = 16  # a publication line holds a date, maybe a time and a weekday, little else
# "Kosovska Mitrovica, 20. april 2024.": a place line's head, capitalised words and a comma, before its date.
_PLACE_HEAD = re.compile(r"^\s*(?:[^\W\d_][\w.'’-]*\s+){0,3}[^\W\d_][\w.'’-]*\s*,\s*$")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?\b", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]")
_WORDS = re.compile(r"[^\W\d_]+")
_BYLINE_SEPARATOR = re.compile(r"\s[|·•]\s|\s[-–—]\s")
_FAR_FUTURE = date(2100, 1, 1)  # an anchor for reading dates whose year is not wanted from publication


@dataclass(frozen=True)
class ArticleDate:
    """The date an article gives itself: `value` when complete; `day` (month, day) when it has no year."""

    value: date | None
    source: str  # "publication line" or "dateline"
    text: str
    day: tuple[int, int] | None = None


def _full_dates(line: str, rules: DateRules) -> list[DateMention]:
    """Only dates that carry their year are wanted here."""
    return [m for _, m in explicit_dates(line, _FAR_FUTURE, rules) if m.has_year]


def _publication_line(line: str, rules: DateRules) -> ArticleDate | None:
    """A short line that is a date, perhaps with a label ("Published:"), a weekday and a time, or such a
    part of a byline ("By our correspondent | 26 November 2025")."""
    if len(line) > _LINE_CHARS:
        return None
    for part in _BYLINE_SEPARATOR.split(line):
        found = _dated_part(part, rules)
        if found:
            return ArticleDate(found, "publication line", line.strip())
    return None


def _dated_part(line: str, rules: DateRules) -> date | None:
    body = rules.publication_label.sub("", line)
    found = _full_dates(body, rules)
    if len(found) != 1:
        return None
    date_mention = found[0]
    head = body[: date_mention.position]
    head = "" if _PLACE_HEAD.match(head) and head.strip()[0].isupper() else head  # the place the line is from
    rest = _TIME.sub("", head + body[date_mention.end :])
    rest = rules.weekday.sub("", rest)
    rest = " ".join(word for word in _WORDS.findall(rest) if word.lower() not in rules.header_words)
    if len(_LETTERS.findall(rest)) > _LEFTOVER_LETTERS:
        return None
    return date_mention.value


def _dateline_date(head: str, rules: DateRules) -> ArticleDate | None:
    found = [m for _, m in explicit_dates(head, _FAR_FUTURE, rules)]
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
    rules = date_rules(language)
    dateline = _dateline_date(dateline_head, rules) if dateline_head else None
    if dateline is not None and dateline.value is not None:
        return dateline
    for candidate in (rules, *(date_rules(other) for other in others)):
        found = next(filter(None, (_publication_line(line, candidate) for line in lines[:_HEADER_LINES])), None)
        if found:
            return found
    return dateline  # a dateline without its year, or nothing
