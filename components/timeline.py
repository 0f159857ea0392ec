"""The timeline chart: incidents per week, the window highlighted; drag across it to set the window."""

from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd

__all__ = ["BRUSH", "timeline_chart", "weekly_counts"]

BRUSH = "window_brush"  # the name of the drag selection, as the page reads it back


def weekly_counts(incidents: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """Incidents per week (weeks starting Monday), flagged when the week meets the window."""
    if incidents.empty:
        return pd.DataFrame({"week": pd.to_datetime([]), "incidents": [], "in_window": []})
    weeks = incidents["date"].dt.to_period("W-SUN").dt.start_time
    counts = weeks.value_counts().sort_index().rename_axis("week").reset_index(name="incidents")
    week_end = counts["week"] + pd.Timedelta(days=6)
    counts["in_window"] = (week_end >= pd.Timestamp(start)) & (counts["week"] <= pd.Timestamp(end))
    return counts


def timeline_chart(counts: pd.DataFrame) -> alt.Chart:
    """A bar chart of weekly counts with years on the axis; bars in the window dark, the rest pale."""
    brush = alt.selection_interval(encodings=["x"], name=BRUSH)
    return (
        alt.Chart(counts, title=alt.Title("Incidents per week: drag across the chart to set the dates", fontSize=12))
        .mark_bar(width=3)
        .encode(
            x=alt.X("week:T", title=None, axis=alt.Axis(format="%Y", tickCount="year", labelFontSize=12, grid=True)),
            y=alt.Y("incidents:Q", title="per week", axis=alt.Axis(tickMinStep=1)),
            color=alt.condition("datum.in_window", alt.value("#1d2b4f"), alt.value("#b9c3d6")),
            tooltip=[alt.Tooltip("week:T", title="week of", format="%d %b %Y"), "incidents:Q"],
        )
        .add_params(brush)
        .properties(
            height=130,
            description="Incidents per week; the bars inside the date window are dark.",
            usermeta={"embedOptions": {"renderer": "canvas"}},
        )
        # Marks as one described image, not many unlabelled ones (the table gives the same numbers as text).
        .configure(aria=False)
    )
