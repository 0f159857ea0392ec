"""A corpus of hostile and broken input files, generated here (nothing is downloaded).

Each case is a file's name and bytes, with what a loader must say about it:
either the file is refused whole (`refused`: the row and column where reading
broke) or its rows are read and some are named with their problem (`problems`:
row, column and words of the message), the others added (`added`).
tests/test_hostile.py runs every case through every entry point;
tests/test_columnar.py holds the row and columnar loaders to the same answer.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from geo.schema import INCIDENT_COLUMNS, INLINE_SOURCE_COLUMNS

COLUMNS = (*INCIDENT_COLUMNS, *INLINE_SOURCE_COLUMNS)
TEMPLATES = ("{{ 7*7 }}", "{% if 1 %}x{% endif %}", "{{ '7'*7 }}", "{{ lipsum.__globals__ }}")
MARKUP = ('<script>alert("x")</script>', "<img src=x onerror=alert(1)>", "javascript:alert(1)")
TEXTS = ("Звечан, протест", "זוהי בדיקה", "مظاهرة", "zero\u200bwidth", "\u202eRTL override", *TEMPLATES, *MARKUP)
TEXT_COLUMNS = ("actor1", "actor2", "summary", "source_publisher", "source_title")


def row(number: int, **change: str) -> dict[str, str]:
    """A valid incident row (its id made from `number`), with some cells changed."""
    good = {
        "id": f"h-{number}",
        "date": (date(2021, 1, 1) + timedelta(days=number % 1400)).isoformat(),  # no two rows look like one event
        "event_type": "Protests",
        "sub_event_type": "Peaceful protest",
        "actor1": "Protesters (Kosovo)",
        "place_id": "zvecan",
        "summary": f"Row {number} of a test file.",
        "source_publisher": "Test",
        "source_title": "Hostile corpus",
    }
    return {**good, **change}


def csv_bytes(rows: Iterable[dict[str, str]], columns: Sequence[str] = COLUMNS, newline: str = "\n") -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator=newline)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def feature(number: int, geometry: object = None, **change: object) -> dict[str, object]:
    properties = {k: v for k, v in row(number).items() if k != "place_id"}
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [20.84, 42.9075]} if geometry is None else geometry,
        "properties": {**properties, **change},
    }


def geojson_bytes(features: list[object]) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": features}).encode("utf-8")


@dataclass(frozen=True)
class Expected:
    """A problem a loader must name: its row, column and words of its message."""

    row: int
    column: str
    words: str


@dataclass(frozen=True)
class Case:
    """One hostile file and what must be said about it."""

    id: str
    name: str
    content: bytes
    refused: Expected | None = None  # the whole file is refused with this (first) problem
    problems: tuple[Expected, ...] = ()  # rows named with these problems (the only ones)
    added: int = 0
    kept: dict[str, str] = field(default_factory=dict)  # id -> a summary that must be kept literally

    @property
    def csv(self) -> bool:
        return self.name.endswith(".csv")


def _good(n: int) -> list[dict[str, str]]:
    return [row(i) for i in range(1, n + 1)]


def _unclosed_last_column() -> bytes:
    lines = csv_bytes(_good(1000)).decode().splitlines(keepends=True)
    lines[2] = lines[2].rstrip("\n") + '"\n'  # row 3: a quote opened in the last column, never closed
    return "".join(lines).encode()


def _text_after_quote() -> bytes:
    text = csv_bytes(_good(5)).decode().replace("Row 4 of a test file.", '"Row 4" of a test file')
    return text.encode()


def _not_utf8() -> bytes:
    return csv_bytes(_good(4)).decode().replace("Row 3 of a test file.", "Café").encode("latin-1")


def _utf8_surrogate() -> bytes:
    return csv_bytes(_good(4)).replace(b"Row 2 of", b"Row \xed\xa0\x80 of")


def _many_columns() -> tuple[bytes, bytes]:
    extra = [f"x{i}" for i in range(10_000 - len(COLUMNS))]
    rows = [{**row(i), **{c: str(i) for c in extra[:50]}} for i in range(1, 6)]
    good = csv_bytes(rows, (*COLUMNS, *extra))
    ragged = good.decode().splitlines(keepends=True)
    ragged[3] = ragged[3].rstrip("\n") + ",spill\n"  # row 4: 10,001 cells
    return good, "".join(ragged).encode()


def _mixed_newlines() -> bytes:
    lines = csv_bytes(_good(6)).decode().splitlines()
    ends = ["\n", "\r\n", "\r", "\n", "\r\n", "\r", "\n"]
    return "".join(line + end for line, end in zip(lines, ends, strict=True)).encode()


def _multiline_cells() -> bytes:
    rows = [row(1, summary="First line\nsecond line\nthird line"), row(2), row(3, date="2023-02-30")]
    return csv_bytes(rows)


def _blank_lines() -> bytes:
    lines = csv_bytes([row(1), row(2), row(3, date="bad")]).decode().splitlines(keepends=True)
    empty = "," * (len(COLUMNS) - 1) + "\n"
    return "".join([lines[0], lines[1], "\n", empty, lines[2], lines[3]]).encode()


def _unnamed_columns() -> tuple[bytes, bytes]:
    header = ",".join(COLUMNS) + "," * 7 + "\n"
    lines = [",".join(row(i).get(c, "") for c in COLUMNS) + "," * 7 + "\n" for i in range(1, 4)]
    filled = [*lines[:1], lines[1].replace(",,,,,,,\n", ",,,,,,,lost\n"), *lines[2:]]
    return (header + "".join(lines)).encode(), (header + "".join(filled)).encode()


def _many_problems() -> bytes:
    rows = [row(i) if i % 2 else row(i, date="2023-13-45") for i in range(1, 1001)]
    return csv_bytes(rows)


def _hostile_text() -> bytes:
    rows = [row(i, **dict.fromkeys(TEXT_COLUMNS, text)) for i, text in enumerate(TEXTS, start=1)]
    return csv_bytes(rows)


def _formulas() -> bytes:
    rows = [
        row(1, summary='=HYPERLINK("http://evil","x")'),
        row(2, summary="+1+1", actor1="@SUM(A1)"),
        row(3, summary="'=1+1"),  # the mark our CSV writers put before a formula: read back as =1+1
        row(4, summary="-2"),
    ]
    return csv_bytes(rows)


def _nested_json(depth: int) -> bytes:
    return b'{"type": "FeatureCollection", "features": ' + b"[" * depth + b"]" * depth + b"}"


def _acled() -> bytes:
    header = (
        "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,latitude,longitude,"
        "geo_precision,source,notes,fatalities\n"
    )
    return (header + "XKX1,2023-05-29,1,Riots,Violent demonstration,Rioters,KFOR,42.9075,20.8403,1,S,N.,0\n").encode()


def csv_cases() -> list[Case]:
    """Broken and hostile CSV files."""
    many_good, many_ragged = _many_columns()
    unnamed_empty, unnamed_filled = _unnamed_columns()
    return [
        Case("good", "good.csv", csv_bytes(_good(3)), added=3),
        Case("bom", "bom.csv", b"\xef\xbb\xbf" + csv_bytes(_good(3)), added=3),
        Case("crlf", "crlf.csv", csv_bytes(_good(3), newline="\r\n"), added=3),
        Case("mixed newlines", "mixed.csv", _mixed_newlines(), added=6),
        Case("unclosed quote", "unclosed.csv", _unclosed_last_column(), Expected(3, "source_url", "never closed")),
        Case("text after a quote", "quote.csv", _text_after_quote(), Expected(5, "summary", "after a closing quote")),
        Case("not utf-8", "latin1.csv", _not_utf8(), Expected(4, "summary", "not UTF-8")),
        Case("encoded surrogate", "surrogate.csv", _utf8_surrogate(), Expected(3, "summary", "not UTF-8")),
        Case("utf-16", "utf16.csv", csv_bytes(_good(2)).decode().encode("utf-16"), Expected(0, "-", "UTF-16")),
        Case(
            "utf-16 no bom", "utf16le.csv", csv_bytes(_good(2)).decode().encode("utf-16-le"), Expected(0, "-", "UTF-16")
        ),
        Case("nul byte", "nul.csv", csv_bytes(_good(2)).replace(b"Row 2", b"Row\x002"), Expected(0, "-", "NUL")),
        Case("xlsx", "book.csv", b"PK\x03\x04" + bytes(200), Expected(0, "-", "ZIP")),
        Case("empty", "empty.csv", b"", Expected(1, "-", "empty file")),
        Case("blank", "blank.csv", b" \n\n \r\n", Expected(1, "-", "empty file")),
        Case("header only", "header.csv", csv_bytes([])),
        Case(
            "huge cell",
            "huge.csv",
            csv_bytes([row(1), row(2, summary="x" * 200_000), row(3)]),
            problems=(Expected(3, "summary", "200,000 characters"),),
            added=2,
        ),
        Case("10,000 columns", "wide.csv", many_good, added=5),
        Case("10,001 cells", "ragged.csv", many_ragged, problems=(Expected(4, "-", "10,001 cells"),), added=4),
        Case(
            "short and long rows",
            "cells.csv",
            csv_bytes(_good(2))
            + b"h-3,2023-05-29,,,Protests,Peaceful protest,,,zvecan\n"
            + csv_bytes([row(4)]).split(b"\n", 1)[1].rstrip(b"\n")
            + b",,,\n",
            problems=(Expected(4, "source_ids", "missing source"),),
            added=3,
        ),
        Case(
            "duplicate ids",
            "dup.csv",
            csv_bytes([row(1), row(2), row(1)]),
            problems=(Expected(4, "id", "duplicate id"),),
            added=2,
        ),
        Case(
            "missing ids",
            "noid.csv",
            csv_bytes([row(1, id=""), row(2, id="")]),
            problems=(Expected(2, "id", "missing value"), Expected(3, "id", "missing value")),
        ),
        Case(
            "nan and inf",
            "nan.csv",
            csv_bytes([row(1, place_id="", lat="nan", lon="20.8"), row(2, place_id="", lat="42.9", lon="inf"), row(3)]),
            problems=(Expected(2, "lat", "outside the world"), Expected(3, "lon", "outside the world")),
            added=1,
        ),
        Case(
            "coordinates as text",
            "coords.csv",
            csv_bytes([row(1, place_id="", lat="42", lon=""), row(2, place_id="", lat="4,2", lon="20")]),
            problems=(Expected(2, "lon", "give both"), Expected(3, "lat", "not a number")),
        ),
        Case(
            "swapped lat and lon",
            "swapped.csv",
            csv_bytes([row(1, place_id="", lat="20.84028", lon="42.9075"), row(2)]),
            problems=(Expected(2, "lat", "look swapped"),),
            added=1,
        ),
        Case(
            "impossible dates",
            "dates.csv",
            csv_bytes([row(1, date="2023-02-30"), row(2, date="99999-01-01"), row(3, date="2023-05-29\u200b"), row(4)]),
            problems=(
                Expected(2, "date", "bad date"),
                Expected(3, "date", "bad date"),
                Expected(4, "date", "bad date"),
            ),
            added=1,
        ),
        Case(
            "multi-line cells",
            "multiline.csv",
            _multiline_cells(),
            problems=(Expected(4, "date", "bad date"),),
            added=2,
        ),
        Case("blank rows", "blanks.csv", _blank_lines(), problems=(Expected(6, "date", "bad date"),), added=2),
        Case("unnamed empty columns", "unnamed.csv", unnamed_empty, added=3),
        Case("unnamed filled column", "unnamed2.csv", unnamed_filled, problems=(Expected(1, "-", "no name"),), added=3),
        Case(
            "repeated column",
            "repeat.csv",
            csv_bytes(_good(2), (*COLUMNS, "summary")),
            problems=(Expected(1, "summary", "appears 2 times"),),
            added=2,
        ),
        Case(
            "a _row column",
            "rowcol.csv",
            csv_bytes([{**row(1), "_row": "x"}, {**row(2), "_row": "-5"}], (*COLUMNS, "_row")),
            added=2,
        ),
        Case(
            "many problems",
            "many.csv",
            _many_problems(),
            problems=tuple(Expected(r, "date", "bad date") for r in range(3, 1002, 2)),
            added=500,
        ),
        Case(
            "hostile text",
            "text.csv",
            _hostile_text(),
            added=len(TEXTS),
            kept={f"h-{i}": t for i, t in enumerate(TEXTS, start=1)},
        ),
        Case(
            "formulas",
            "formula.csv",
            _formulas(),
            added=4,
            kept={"h-1": '=HYPERLINK("http://evil","x")', "h-3": "=1+1", "h-4": "-2"},
        ),
        Case("not our columns", "other.csv", b"a,b\n1,2\n", Expected(1, "-", "cannot tell")),
        Case("binary noise", "noise.csv", bytes(range(256)) * 40, Expected(0, "-", "NUL")),
    ]


def geojson_cases() -> list[Case]:
    """Broken and hostile GeoJSON files."""
    coordinates = [
        feature(1),
        feature(2, {"type": "Point", "coordinates": {"lon": 20.8, "lat": 42.9}}),
        feature(3, {"type": "Point", "coordinates": 42}),
        feature(4, {"type": "Point", "coordinates": "42"}),
        feature(5, {"type": "LineString", "coordinates": [[20.8, 42.9], [20.9, 43.0]]}),
        feature(6, {"type": "Point", "coordinates": [True, False]}),
        feature(7, {"type": "Point", "coordinates": [20.8, [42.9]]}),
    ]
    return [
        Case("geojson good", "good.geojson", geojson_bytes([feature(1), feature(2)]), added=2),
        Case(
            "geojson coordinates",
            "coords.geojson",
            geojson_bytes(coordinates),
            problems=tuple(
                Expected(r, "geometry", w)
                for r, w in [
                    (2, "two numbers"),
                    (3, "two numbers"),
                    (4, "two numbers"),
                    (5, "Point"),
                    (6, "two numbers"),
                    (7, "two numbers"),
                ]
            ),
            added=1,
        ),
        Case("deep json", "deep.geojson", _nested_json(1000), Expected(0, "-", "nested more than 100 levels")),
        Case(
            "lone surrogate",
            "surrogate.geojson",
            geojson_bytes([feature(1, summary="bad \ud800 text"), feature(2)]),
            problems=(Expected(1, "summary", "\\ud800"),),
            added=1,
        ),
        Case(
            "huge number",
            "number.geojson",
            b'{"type":"FeatureCollection","features":[' + b"1" * 5000 + b"]}",
            Expected(0, "-", "malformed JSON"),
        ),
        Case("not a collection", "list.geojson", b"[1, 2, 3]", Expected(0, "-", "not a GeoJSON FeatureCollection")),
        Case("truncated json", "cut.geojson", geojson_bytes([feature(1)])[:-5], Expected(0, "-", "malformed JSON")),
        Case(
            "latin-1 json",
            "latin.geojson",
            geojson_bytes([feature(1, summary="Caf_")]).replace(b"Caf_", b"Caf\xe9"),
            Expected(0, "-", "not UTF-8"),
        ),
        Case(
            "odd features",
            "odd.geojson",
            geojson_bytes([feature(1), 5, {"type": "Feature"}, feature(4, summary=["a", "list"])]),
            problems=(
                Expected(2, "-", "not a JSON object"),
                Expected(3, "-", "without properties"),
                Expected(4, "summary", "not a list"),
            ),
            added=1,
        ),
        Case(
            "geojson hostile text",
            "text.geojson",
            geojson_bytes([feature(i, **dict.fromkeys(TEXT_COLUMNS, t)) for i, t in enumerate(TEXTS, start=1)]),
            added=len(TEXTS),
            kept={f"h-{i}": t for i, t in enumerate(TEXTS, start=1)},
        ),
    ]


def acled_case() -> Case:
    """An ACLED export: the upload converts it, validate sends the user to import-acled."""
    return Case("acled export", "acled.csv", _acled(), added=1)


def all_cases() -> list[Case]:
    return [*csv_cases(), *geojson_cases()]
