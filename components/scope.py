"""What the map covers, said in one line (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

__all__ = ["day_text", "scope_line", "troops_line"]


def day_text(day: date) -> str:
    """ "29 May 2023": the day without a leading zero."""
    return f"{day.day} {day:%b %Y}"


def scope_line(sources: int, span: tuple[date, date], as_of: object) -> str:
    """The first view's one line: scope, period, data as of (geo.dataset.DataAsOf), and the sources."""
    return (
        "Security incidents and troop deployments in northern Kosovo (Zvečan, Leposavić, Zubin Potok, "
        f"North Mitrovica) · {day_text(span[0])} – {day_text(span[1])} · {as_of} · "
        f"from {sources:,} cited reports; summaries are our own words."
    )


def troops_line(totals: Sequence[object]) -> str:
    """The troops in the shown deployments per force (geo.deployments.TroopTotal), or "" when none is reported."""
    shown = [str(total) for total in totals if getattr(total, "strength", 0)]
    if not shown:
        return ""
    return "Troops in the shown deployments: " + ", ".join(shown) + " (a contingent inside a larger one counted once)"
