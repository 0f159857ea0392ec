"""Checks of single cells, shared by the row loader and the columnar one.

Each check is a pure function of a cell's text that returns the value it
means and, when the text is wrong, the message to show. The row loader calls
them once per row; the columnar loader once per distinct value, then spreads
the outcome over the rows holding it. So both loaders say exactly the same
thing about the same cell.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from geo.records.problems import Problem
from geo.schema import COUNT_KINDS

__all__ = [
    "FORMULA_STARTS",
    "MAX_CELL",
    "Cells",
    "check_choice",
    "check_count",
    "check_date",
    "check_id",
    "check_number",
    "check_url",
    "clean_cell",
    "detail_sums",
    "spreadsheet_safe",
    "surrogate",
]

# Longest cell we read (characters): a summary of several paragraphs is a few thousand.
MAX_CELL = 100_000
# A cell starting with one of these is a formula to a spreadsheet (OWASP's list); our CSV writers put a ' before it.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_COUNT = re.compile(r"^(\d{1,7})(\+?)$")
_DETAIL = re.compile(r"^(?P<kind>[a-z]+):(?P<side>[^=;]*)=(?P<count>\d{1,7})(?P<plus>\+?)$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$")
_URL = re.compile(r"^https?://[^\s<>\"']+$")
_SURROGATE = re.compile("[\ud800-\udfff]")


_MARKED = (*FORMULA_STARTS, "'")
_PLAIN_NUMBER = re.compile(r"^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")


def spreadsheet_safe(text: str) -> str:
    """A cell a spreadsheet will not run as a formula (OWASP): a ' before =, +, -, @, tab or CR.

    Plain numbers (-20.5) are left alone, as they are no formula. A text that
    already starts with ' and one of those (or another ') gets one more, so
    that clean_cell gives back exactly the text we wrote.
    """
    if not text:
        return text
    if text[0] in FORMULA_STARTS and not _PLAIN_NUMBER.match(text):
        return "'" + text
    if text[0] == "'" and text[1:2] in _MARKED and text[1:2]:
        return "'" + text
    return text


def clean_cell(raw: str) -> str:
    """A CSV cell as data: surrounding whitespace dropped, and the ' spreadsheet_safe put before a formula removed."""
    text = raw.strip()
    if len(text) > 1 and text[0] == "'" and text[1] in _MARKED:
        return text[1:].strip()
    return text


def surrogate(text: str) -> str | None:
    """The first lone UTF-16 surrogate in a text (JSON can carry one; it is no character), as \\uXXXX."""
    found = _SURROGATE.search(text)
    return f"\\u{ord(found.group()):04x}" if found else None


def check_date(value: str, required: bool, earliest: date, latest: date) -> tuple[date | None, str | None]:
    """A YYYY-MM-DD day within earliest … latest."""
    if not value:
        return None, "missing date (use YYYY-MM-DD)" if required else None
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        return None, f"bad date {value!r} (use YYYY-MM-DD, a real calendar day)"
    if not earliest <= parsed <= latest:
        return None, f"date {value} is outside {earliest} … {latest}"
    return parsed, None


def check_choice(value: str, options: Iterable[str], default: str | None = None) -> tuple[str | None, str | None]:
    """One of a fixed list of values (the default when the cell is empty)."""
    chosen = value or default
    if chosen is None:
        return None, "missing value"
    options = tuple(options)
    if chosen not in options:
        return None, f"unknown value {chosen!r}; expected one of: {', '.join(options)}"
    return chosen, None


def check_count(value: str) -> tuple[tuple[int | None, bool], str | None]:
    """A whole number, with '+' for "at least"; empty means not reported."""
    if not value:
        return (None, False), None
    match = _COUNT.match(value)
    if not match:
        return (None, False), f"bad count {value!r} (a whole number, '+' for 'at least')"
    return (int(match.group(1)), bool(match.group(2))), None


def check_number(value: str, low: float, high: float) -> tuple[float | None, str | None]:
    """A finite number within low … high; empty means not given."""
    if not value:
        return None, None
    try:
        number = float(value)
    except ValueError:
        return None, f"not a number: {value!r}"
    if not math.isfinite(number) or not low <= number <= high:
        return None, f"{value} is outside the world ({low} … {high})"
    return number, None


def check_url(value: str) -> tuple[str, str | None]:
    """An http(s) address, or nothing."""
    if value and not _URL.match(value):
        return "", f"not an http(s) URL: {value!r}"
    return value, None


def check_id(value: str) -> str | None:
    """The message for an id that is not letters, digits and . _ : - (at most 100)."""
    if value and not _ID.match(value):
        return f"bad id {value!r} (letters, digits, '-', '_', '.', ':')"
    return None


def detail_sums(detail: str) -> tuple[dict[str, int], list[str]]:
    """Counts by side ("injured:KFOR=30;injured:protesters=52+") summed by kind, and the entries that are wrong."""
    sums: dict[str, int] = {}
    messages = []
    for part in filter(None, (p.strip() for p in detail.split(";"))):
        match = _DETAIL.match(part)
        if not match or match["kind"] not in COUNT_KINDS:
            messages.append(f"bad entry {part!r} (use kind:side=N, kind one of {', '.join(COUNT_KINDS)})")
            continue
        sums[match["kind"]] = sums.get(match["kind"], 0) + int(match["count"])
    return sums, messages


@dataclass
class Cells:
    """One row's cells with typed accessors that record problems instead of raising."""

    values: dict[str, str]
    file: str
    problems: list[Problem]
    # The row's point's municipality, found for all rows at once (None: outside Kosovo or no point).
    located: str | None = None
    # Where the point would be with lat and lon exchanged, when it is outside Kosovo.
    swapped: str | None = None

    @property
    def row(self) -> int:
        return int(self.values.get("_row", "0"))

    def text(self, column: str) -> str:
        value = self.values.get(column)
        return value.strip() if isinstance(value, str) else ""

    def fail(self, column: str, message: str) -> None:
        self.problems.append(Problem(self.file, self.row, column, message))

    def _report(self, column: str, message: str | None) -> None:
        if message:
            self.fail(column, message)

    def required(self, column: str) -> str:
        value = self.text(column)
        if not value:
            self.fail(column, "missing value")
        return value

    def date(self, column: str, required: bool, earliest: date, latest: date) -> date | None:
        value, message = check_date(self.text(column), required, earliest, latest)
        self._report(column, message)
        return value

    def choice(self, column: str, options: Iterable[str], default: str | None = None) -> str | None:
        value, message = check_choice(self.text(column), options, default)
        self._report(column, message)
        return value

    def count(self, column: str) -> tuple[int | None, bool]:
        value, message = check_count(self.text(column))
        self._report(column, message)
        return value

    def number(self, column: str, low: float, high: float) -> float | None:
        value, message = check_number(self.text(column), low, high)
        self._report(column, message)
        return value

    def url(self, column: str) -> str:
        value, message = check_url(self.text(column))
        self._report(column, message)
        return value
