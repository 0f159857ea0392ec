"""The table of shown records: typed columns so people can sort them."""

from __future__ import annotations

from collections.abc import Mapping

import geopandas as gpd
import pandas as pd

from components.export import combined

__all__ = ["COUNT_COLUMNS", "TABLE_COLUMNS", "table_frame"]

COUNT_COLUMNS = ("injured", "killed", "arrested", "strength")
TABLE_COLUMNS = (
    "date", "layer", "event_type", "sub_event_type", "force", "kind", "place_name", "municipality",
    "injured", "killed", "arrested", "strength", "actor1", "actor2", "summary", "sources", "id",
)  # fmt: skip


def table_frame(
    incidents: gpd.GeoDataFrame, deployments: gpd.GeoDataFrame, municipality_names: Mapping[str, str]
) -> pd.DataFrame:
    """Shown records for st.dataframe: counts as numbers (lower bounds as their number), the rest as text."""
    rows = combined(incidents, deployments)
    rows["municipality"] = rows["municipality"].map(lambda m: municipality_names.get(m, m) if m else m)
    table = pd.DataFrame(index=rows.index)
    for column in rows.columns:
        if column in COUNT_COLUMNS:
            numbers = rows[column].astype("string").str.rstrip("+")
            table[column] = pd.to_numeric(numbers, errors="coerce").astype("Int64")
        else:
            table[column] = rows[column].astype("string").fillna("")
    return table
