"""Date windows: presets, years and months, the chart's drag, all kept inside the data's span."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from components.dates import (
    clamp_window,
    period_choices,
    period_label,
    period_window,
    preset_window,
    window_from_interval,
)

SPAN = (date(2021, 7, 5), date(2026, 3, 21))


def test_periods_are_years_each_followed_by_its_months_newest_first() -> None:
    days = pd.Series(pd.to_datetime(["2023-05-29", "2021-07-05", "2023-05-30", "2023-01-02", pd.NaT]))
    assert period_choices(days) == ["2023", "2023-05", "2023-01", "2021", "2021-07"]


def test_periods_of_a_plain_list_and_of_nothing() -> None:
    assert period_choices([pd.Timestamp("2024-02-29")]) == ["2024", "2024-02"]
    assert period_choices([]) == []
    assert period_choices(pd.Series([pd.NaT, pd.NaT])) == []


def test_periods_of_a_million_days_are_the_distinct_months() -> None:
    days = pd.Series(pd.date_range("2021-01-01", "2024-12-31", freq="D").repeat(700))
    choices = period_choices(days)
    assert len(days) > 1_000_000
    assert choices[:2] == ["2024", "2024-12"] and len(choices) == 4 + 48


@pytest.mark.parametrize(
    ("period", "window"),
    [
        ("2023-05", (date(2023, 5, 1), date(2023, 5, 31))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2023", (date(2023, 1, 1), date(2023, 12, 31))),
        ("2021", (date(2021, 7, 5), date(2021, 12, 31))),  # the data starts in July
        ("2026-03", (date(2026, 3, 1), date(2026, 3, 21))),  # and ends on the 21st
    ],
)
def test_a_period_is_its_calendar_window_within_the_span(period: str, window: tuple[date, date]) -> None:
    assert period_window(period, SPAN) == window


def test_period_labels() -> None:
    assert period_label("2023-05") == "May 2023"
    assert period_label("2023") == "2023"


def test_presets_count_back_from_the_last_day_of_the_data() -> None:
    assert preset_window("last30", SPAN) == (date(2026, 2, 20), date(2026, 3, 21))
    assert preset_window("last365", SPAN) == (date(2025, 3, 22), date(2026, 3, 21))
    assert preset_window("all", SPAN) == SPAN
    short = (date(2026, 3, 10), date(2026, 3, 21))
    assert preset_window("last30", short) == short


def test_a_window_is_clamped_and_put_in_order() -> None:
    assert clamp_window(date(2020, 1, 1), date(2030, 1, 1), SPAN) == SPAN
    assert clamp_window(date(2024, 5, 1), date(2023, 5, 1), SPAN) == (date(2023, 5, 1), date(2024, 5, 1))


@pytest.mark.parametrize(
    ("interval", "window"),
    [
        ([1685318400000, 1685923200000], (date(2023, 5, 29), date(2023, 6, 5))),  # epoch milliseconds
        (["2023-06-05", "2023-05-29"], (date(2023, 5, 29), date(2023, 6, 5))),  # ISO text, either order
        ([0, 1685318400000], (SPAN[0], date(2023, 5, 29))),  # 1970 is clamped to the data's first day
    ],
)
def test_a_drag_on_the_chart_gives_its_window(interval: object, window: tuple[date, date]) -> None:
    assert window_from_interval(interval, SPAN) == window


@pytest.mark.parametrize(
    "interval", [None, [], [1], "2023-05-29", ["not a day", "2023-05-29"], [None, None], [1e30, 0]]
)
def test_a_drag_that_is_no_interval_gives_nothing(interval: object) -> None:
    assert window_from_interval(interval, SPAN) is None
