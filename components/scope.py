"""What the map covers, said in one line (pure)."""

from __future__ import annotations

from datetime import date

__all__ = ["day_text", "scope_line"]


def day_text(day: date) -> str:
    """ "29 May 2023": the day without a leading zero."""
    return f"{day.day} {day:%b %Y}"


def scope_line(incidents: int, deployments: int, sources: int, span: tuple[date, date], as_of: date) -> str:
    """The first view's one line: scope, period, data as of, and the sources."""
    return (
        "Security incidents and troop deployments in northern Kosovo (Zvečan, Leposavić, Zubin Potok, "
        f"North Mitrovica) · {day_text(span[0])} – {day_text(span[1])} · data as of {day_text(as_of)} · "
        f"{incidents:,} incidents and {deployments:,} deployments from {sources:,} cited reports; "
        "summaries are our own words."
    )
