"""The table of shown records: newest first, human headers, counts as the sources give them ("82+")."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from components.export import combined

__all__ = ["TABLE_COLUMNS", "TABLE_LABELS", "table_frame"]

TABLE_LABELS = {
    "date": "Date",
    "end_date": "Until",
    "layer": "Record",
    "event_type": "Event type",
    "sub_event_type": "Sub-type",
    "force": "Force",
    "kind": "Deployment",
    "place_name": "Place",
    "municipality": "Municipality",
    "injured": "Injured",
    "killed": "Killed",
    "arrested": "Arrested",
    "strength": "Troops",
    "actor1": "Actor",
    "actor2": "Other actor",
    "summary": "Summary",
    "sources": "Sources",
    "id": "Record id",
}
TABLE_COLUMNS = tuple(TABLE_LABELS)


def table_frame(
    incidents: pd.DataFrame, deployments: pd.DataFrame, municipality_names: Mapping[str, str]
) -> pd.DataFrame:
    """Shown records for st.dataframe, newest first; every cell as text, blanks as empty text."""
    rows = combined(incidents, deployments)
    rows["municipality"] = rows["municipality"].map(lambda m: municipality_names.get(m, m) if m else m)
    rows["kind"] = rows["kind"].map(lambda k: str(k).replace("_", " ") if k else k)
    table = pd.DataFrame({column: rows[column].astype("string").fillna("") for column in TABLE_COLUMNS})
    order = table.sort_values(["date", "id"], ascending=[False, True], kind="stable").index
    return table.loc[order].reset_index(drop=True)
