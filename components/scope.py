"""What the map covers, said in one line, and the municipality labels that carry every spelling (pure)."""

from __future__ import annotations

from datetime import date

import geopandas as gpd

from geo.names import fold, to_cyrillic

__all__ = ["day_text", "municipality_labels", "scope_line"]


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


def municipality_labels(municipalities: gpd.GeoDataFrame) -> dict[str, str]:
    """Each municipality's label in the filter: its name with its other spellings, so any of them finds it."""
    labels = {}
    for municipality, row in municipalities.sort_values("name_en").iterrows():
        own = [str(row[c]) for c in ("name_en", "name_sq", "name_sr") if row.get(c)]
        spellings = dict.fromkeys([*own, *(fold(n) for n in own), to_cyrillic(own[-1])])
        first, *others = spellings
        extra = [o for o in others if o.casefold() != first.casefold()]
        labels[str(municipality)] = f"{first} ({', '.join(extra)})" if extra else first
    return labels
