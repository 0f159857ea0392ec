"""A record's details as a person reads them: counts as the sources give them, sides, dates, places, links."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from components.details import count_text, detail_rows, safe_url, sides_text, source_lines, title

CLASH = {
    "layer": "incident",
    "id": "inc-2023-05-29-zvecan-town-hall",
    "date": pd.Timestamp("2023-05-29"),
    "event_type": "Riots",
    "sub_event_type": "Violent demonstration",
    "actor1": "Protesters (Kosovo Serbs)",
    "actor2": "KFOR",
    "place_name": "Zvečan",
    "location_precision": "settlement",
    "injured": 145.0,  # a column with blanks is float: the figure must not show as 145.0
    "injured_at_least": True,
    "killed": math.nan,
    "arrested": None,
    "counts_detail": "injured:KFOR=93;injured:protesters=52+",
    "history": "",
    "origin": "shipped",
}


@pytest.mark.parametrize(
    ("detail", "shown"),
    [
        ("injured:KFOR=93;injured:protesters=52+", "KFOR: 93 injured; protesters: 52+ injured"),
        ("injured:police=4;killed:police=1;arrested:attackers=3", "police: 4 injured, 1 killed; attackers: 3 arrested"),
        ("strength:Italy=300;", "Italy: 300 troops"),
        (" injured : Kosovo Police = 2 ", "Kosovo Police: 2 injured"),
        ("two on each side", "two on each side"),  # another form is shown as it is
        ("injured:a=1;wounded:b=2", "injured:a=1; wounded:b=2"),
        ("", ""),
        (None, ""),
        (math.nan, ""),
    ],
)
def test_sides_read_as_words(detail: object, shown: str) -> None:
    assert sides_text(detail) == shown


def test_counts_are_shown_as_the_sources_give_them() -> None:
    assert count_text(CLASH, "injured") == "145+"
    assert count_text({"injured": 5.0, "injured_at_least": False}, "injured") == "5"
    assert count_text(CLASH, "killed") == "" and count_text(CLASH, "arrested") == ""


def test_the_details_read_in_order_with_blanks_left_out() -> None:
    rows = dict(detail_rows(CLASH, "Zvečan"))
    assert list(rows) == ["Date", "Place", "Type", "Actors", "Counts", "By side", "Record id"]
    assert rows["Date"] == "29 May 2023"
    assert rows["Place"] == "Zvečan (location precision: settlement)"  # the municipality is not said twice
    assert rows["Type"] == "Riots — Violent demonstration"
    assert rows["Actors"] == "Protesters (Kosovo Serbs) vs KFOR"
    assert rows["Counts"] == "145+ injured"
    assert rows["By side"] == "KFOR: 93 injured; protesters: 52+ injured"
    assert not any(value in ("None", "nan", "NaN") for value in rows.values())


def test_a_deployment_without_an_end_says_so() -> None:
    post = {
        "layer": "deployment", "date": "2023-05-29", "end_date": None, "force": "KFOR", "kind": "guard_post",
        "strength": 300.0, "strength_at_least": True, "nations": "Italy;Poland", "place_name": "Leposavić",
    }  # fmt: skip
    rows = dict(detail_rows(post, "Leposavić"))
    assert rows["Date"] == "29 May 2023 – (end not reported; shown from its start on)"
    assert rows["Counts"] == "300+ troops" and rows["Nations"] == "Italy, Poland"
    assert title(post) == "KFOR guard post"
    assert title(CLASH) == "Violent demonstration"


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://kossev.info/kosovo-news-kfor-injuries-memers-zvecan/", True),
        ("http://24-ore.com/?p=188335&utm_source=rss", True),
        ("javascript:alert(1)", False),
        ('https://example.org/"onmouseover="alert(1)', False),
        ("https://example.org/a b", False),
        ("ftp://example.org/file", False),
        (None, False),
    ],
)
def test_only_plain_web_links_become_links(url: object, safe: bool) -> None:
    assert (safe_url(url) is not None) is safe


def test_source_lines_keep_their_text_without_an_unsafe_link() -> None:
    record = {"sources": [
        {"publisher": "DW", "title": "Kosovo: NATO troops hurt", "date": "2023-05-30", "url": ""},
        {"publisher": "KoSSev", "title": "KFOR injuries", "date": "2024-05-29", "url": "javascript:alert(1)"},
    ]}  # fmt: skip
    lines = source_lines(record)
    assert [line.text for line in lines] == [
        "DW, Kosovo: NATO troops hurt, 2023-05-30",
        "KoSSev, KFOR injuries, 2024-05-29",
    ]
    assert [line.url for line in lines] == [None, None]
