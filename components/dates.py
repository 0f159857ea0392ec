"""Date windows people ask for: presets, a year or a month, typed boxes, a drag on the chart (pure)."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date, datetime, timedelta

import pandas as pd

__all__ = ["PRESETS", "clamp_window", "period_choices", "period_window", "preset_window", "window_from_interval"]

Window = tuple[date, date]
PRESETS = {"last30": "Last 30 days", "last365": "Last 12 months", "all": "All"}


def clamp_window(start: date, end: date, span: Window) -> Window:
    """A window inside the data's span, its ends in order."""
    first, last = span
    start, end = min(max(start, first), last), min(max(end, first), last)
    return (start, end) if start <= end else (end, start)


def preset_window(preset: str, span: Window) -> Window:
    """The window of a preset: the data's last 30 days or 12 months, or everything."""
    first, last = span
    if preset == "last30":
        return clamp_window(last - timedelta(days=29), last, span)
    if preset == "last365":
        return clamp_window(last - timedelta(days=364), last, span)
    return first, last


def period_choices(dates: Iterable[pd.Timestamp]) -> list[str]:
    """Years and months that hold records, newest first: "2023", "2023-05", ..."""
    days = pd.to_datetime(pd.Series(dates if isinstance(dates, pd.Series) else list(dates))).dropna()
    if days.empty:
        return []
    # Distinct months first: a million records hold a few dozen, and formatting each record costs seconds.
    months = sorted({str(m) for m in days.dt.to_period("M").unique()}, reverse=True)
    years = sorted({m[:4] for m in months}, reverse=True)
    choices: list[str] = []
    for year in years:
        choices.append(year)
        choices.extend(m for m in months if m.startswith(year))
    return choices


def period_label(period: str) -> str:
    """ "2023-05" -> "May 2023"; a year stays as it is."""
    if len(period) == 7:
        return datetime.strptime(period, "%Y-%m").strftime("%B %Y")
    return period


def period_window(period: str, span: Window) -> Window:
    """The calendar year or month of a period, within the data's span."""
    year = int(period[:4])
    if len(period) == 7:
        month = int(period[5:7])
        return clamp_window(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), span)
    return clamp_window(date(year, 1, 1), date(year, 12, 31), span)


def window_from_interval(interval: object, span: Window) -> Window | None:
    """The window of a drag across the weekly chart (Vega-Lite sends epoch milliseconds or ISO text)."""
    if not isinstance(interval, (list, tuple)) or len(interval) != 2:
        return None
    try:
        ends = [pd.Timestamp(v, unit="ms") if isinstance(v, (int, float)) else pd.Timestamp(str(v)) for v in interval]
    except (ValueError, TypeError, OverflowError):
        return None
    if any(pd.isna(e) for e in ends):
        return None
    start, end = sorted(e.date() for e in ends)
    return clamp_window(start, end, span)
