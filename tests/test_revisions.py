"""A record's history: every figure with its source and date, oldest first, and the figure the map shows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from geo.dataset import DataAsOf, changelog_date, data_as_of
from geo.incidents import Source
from geo.revisions import Revision, field_label, histories, history_text, shown_value

SOURCES = {
    "dw": Source("dw", "DW", "t", "2023-05-30"),
    "kossev": Source("kossev", "KoSSev", "t", "2024-05-29"),
    "n1": Source("n1", "Blic (via naslovi.net)", "t", "2023-05-29"),
}


def _r(value: str, source: str, day: str, field: str = "injured:KFOR") -> Revision:
    return Revision("inc", field, value, source, date.fromisoformat(day))


@pytest.mark.parametrize(
    ("field", "label"), [("injured:KFOR", "KFOR injured"), ("strength", "Strength"), ("killed:gunmen", "gunmen killed")]
)
def test_field_labels(field: str, label: str) -> None:
    assert field_label(field) == label


def test_history_is_oldest_first_with_sources_and_dates() -> None:
    lines = [_r("93", "kossev", "2024-05-29"), _r("30", "dw", "2023-05-30")]
    assert (
        history_text(lines, SOURCES, "93") == "KFOR injured: 30 (DW, 30 May 2023) → 93 (KoSSev, 29 May 2024); shown: 93"
    )


def test_one_figure_from_several_sources_is_one_step_and_aggregators_are_named_by_the_outlet() -> None:
    lines = [_r("30", "dw", "2023-05-30"), _r("30", "n1", "2023-05-31"), _r("30", "n1", "2023-05-31")]
    assert history_text(lines, SOURCES) == "KFOR injured: 30 (DW, 30 May 2023; Blic, 31 May 2023)"


def test_a_claim_kept_only_in_the_revisions_is_said_to_be_off_the_map() -> None:
    assert history_text([_r("1", "dw", "2023-05-30", "killed")], SOURCES, "").endswith("; not on the map")


RECORD = {
    "injured": 145.0,
    "injured_at_least": True,
    "counts_detail": "injured:KFOR=93;injured:protesters=52+",
    "strength": float("nan"),
    "killed": None,
}


@pytest.mark.parametrize(
    ("field", "shown"),
    [
        ("injured", "145+"),
        ("injured:KFOR", "93"),
        ("injured:protesters", "52+"),
        ("strength", ""),
        ("killed", ""),
        ("arrested:police", ""),
    ],
)
def test_the_shown_figure_is_the_records_own(field: str, shown: str) -> None:
    assert shown_value(RECORD, field) == shown


def test_histories_join_a_records_fields() -> None:
    lines = [_r("30", "dw", "2023-05-30"), _r("82+", "dw", "2023-05-30", "injured")]
    text = histories(lines, SOURCES, {"inc": RECORD})["inc"]
    assert text == "KFOR injured: 30 (DW, 30 May 2023); shown: 93 · Injured: 82+ (DW, 30 May 2023); shown: 145+"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Data changelog\n\n## 2026-12-01: the record to today\n\n## 2024-11-30 earlier\n", date(2026, 12, 1)),
        ("## 2024-11-30\n### 2025-02-01 sub-heading of a later fix\n", date(2025, 2, 1)),
        ("Text mentioning 2027-01-01 outside a heading\n## 2024-11-30\n", date(2024, 11, 30)),
        ("## 2024-02-30 not a real day\n", None),
        ("no headings at all", None),
    ],
)
def test_the_update_date_is_the_newest_dated_heading(text: str, expected: date | None) -> None:
    assert changelog_date(text) == expected


def test_data_as_of_gives_the_newest_record_the_counts_and_the_update() -> None:
    incidents = pd.DataFrame({"date": pd.to_datetime(["2025-01-02", "2026-01-28"])})
    deployments = pd.DataFrame({"date": pd.to_datetime(["2026-01-30"])})
    as_of = data_as_of(incidents, deployments, "## 2026-12-01 update\n")
    assert as_of == DataAsOf(date(2026, 1, 30), 2, 1, date(2026, 12, 1))
    assert str(as_of) == "Data updated 1 Dec 2026; newest record 30 Jan 2026; 2 incidents, 1 deployment"


def test_data_as_of_nothing() -> None:
    empty = pd.DataFrame({"date": pd.to_datetime([])})
    assert data_as_of(empty, empty, "") == DataAsOf(None, 0, 0, None)
    assert str(DataAsOf(None, 0, 0, None)) == "No records; 0 incidents, 0 deployments"


def test_the_shipped_changelog_dates_the_shipped_data(data_dir: Path) -> None:
    assert changelog_date((data_dir / "CHANGELOG.md").read_text(encoding="utf-8")) == date(2026, 12, 1)
