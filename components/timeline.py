"""The timeline chart: incidents per week, with the selected window highlighted."""

from __future__ import annotations

from datetime import date

import altair as alt
import geopandas as gpd
import pandas as pd

__all__ = ["timeline_chart", "weekly_counts"]


def weekly_counts(incidents: gpd.GeoDataFrame, start: date, end: date) -> pd.DataFrame:
    """Incidents per week (weeks starting Monday), flagged when the week meets the window."""
    if incidents.empty:
        return pd.DataFrame({"week": pd.to_datetime([]), "incidents": [], "in_window": []})
    weeks = incidents["date"].dt.to_period("W-SUN").dt.start_time
    counts = weeks.value_counts().sort_index().rename_axis("week").reset_index(name="incidents")
    week_end = counts["week"] + pd.Timedelta(days=6)
    counts["in_window"] = (week_end >= pd.Timestamp(start)) & (counts["week"] <= pd.Timestamp(end))
    return counts


def timeline_chart(counts: pd.DataFrame) -> alt.Chart:
    """A bar chart of weekly counts; bars in the window are dark, the rest pale."""
    return (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            x=alt.X("week:T", title=None),
            y=alt.Y("incidents:Q", title="per week", axis=alt.Axis(tickMinStep=1)),
            color=alt.condition("datum.in_window", alt.value("#1f3a93"), alt.value("#c9d3e6")),
            tooltip=[alt.Tooltip("week:T", title="week of"), "incidents:Q"],
        )
        .properties(height=110)
    )
