"""Shown records as files people can open elsewhere: GeoJSON (RFC 7946) and CSV."""

from __future__ import annotations

import io
import json
import math
from typing import Any

import geopandas as gpd
import pandas as pd

__all__ = ["EXPORT_COLUMNS", "combined", "source_text", "to_csv", "to_geojson"]

# The documented schema's columns, incidents' and deployments' together.
EXPORT_COLUMNS = (
    "layer",
    "id",
    "date",
    "end_date",
    "date_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "force",
    "unit",
    "nations",
    "strength",
    "kind",
    "place_id",
    "place_name",
    "lat",
    "lon",
    "location_precision",
    "municipality",
    "injured",
    "killed",
    "arrested",
    "counts_detail",
    "summary",
    "sources",
    "origin",
)
_AT_LEAST = {
    "injured": "injured_at_least",
    "killed": "killed_at_least",
    "arrested": "arrested_at_least",
    "strength": "strength_at_least",
}


def combined(incidents: gpd.GeoDataFrame, deployments: gpd.GeoDataFrame) -> pd.DataFrame:
    """Incidents then deployments as plain rows in EXPORT_COLUMNS order, values as text or numbers.

    Column by column (vectorised), so a table or file of many rows costs little.
    """
    frames = [f for f in (incidents, deployments) if not f.empty]
    if not frames:
        return pd.DataFrame(columns=list(EXPORT_COLUMNS))
    rows = pd.concat([pd.DataFrame(f.drop(columns="geometry")) for f in frames], ignore_index=True)
    table = pd.DataFrame(index=rows.index)
    for column in EXPORT_COLUMNS:
        values = rows[column] if column in rows else pd.Series(None, index=rows.index, dtype=object)
        table[column] = _column(column, values, rows)
    return table.astype(object).where(table.notna(), None)


def _column(column: str, values: pd.Series, rows: pd.DataFrame) -> pd.Series:
    if column in ("date", "end_date"):
        return pd.to_datetime(values).dt.strftime("%Y-%m-%d")
    if column in _AT_LEAST:
        numbers = pd.to_numeric(values, errors="coerce").astype("Int64").astype("string")
        flag = rows[_AT_LEAST[column]] if _AT_LEAST[column] in rows else pd.Series(False, index=rows.index)
        return numbers.where(~flag.fillna(False).astype(bool), numbers + "+")
    if column == "sources":
        return values.map(lambda sources: " | ".join(source_text(s) for s in sources or []))
    return values


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    flat = {column: _plain(record.get(column)) for column in EXPORT_COLUMNS}
    for column, flag in _AT_LEAST.items():
        if flat[column] is not None:
            flat[column] = int(flat[column])
            if record.get(flag):
                flat[column] = f"{flat[column]}+"
    flat["sources"] = " | ".join(source_text(s) for s in record.get("sources") or [])
    return flat


def _plain(value: Any) -> Any:
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, (list, dict)):
        return value
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value.item() if hasattr(value, "item") else value


def source_text(source: dict[str, str]) -> str:
    """One source as a line: Publisher, "Title", date, URL."""
    parts = [
        source.get("publisher", ""),
        f"\u201c{source.get('title', '')}\u201d",
        source.get("date", ""),
        source.get("url", ""),
    ]
    return ", ".join(p for p in parts if p and p != "\u201c\u201d")


def to_geojson(incidents: gpd.GeoDataFrame, deployments: gpd.GeoDataFrame) -> str:
    """An RFC 7946 FeatureCollection; `layer` tells incident from deployment, sources stay structured."""
    features = []
    for frame in (incidents, deployments):
        for record in pd.DataFrame(frame.drop(columns="geometry")).to_dict("records") if not frame.empty else []:
            properties = _flat(record)
            properties["sources"] = record.get("sources") or []
            for column, flag in _AT_LEAST.items():
                if properties.get(column) is not None:
                    properties[column] = int(record[column])
                    properties[flag] = bool(record.get(flag))
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [round(record["lon"], 6), round(record["lat"], 6)]},
                    "properties": properties,
                }
            )
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, indent=1)


def to_csv(incidents: gpd.GeoDataFrame, deployments: gpd.GeoDataFrame) -> str:
    """The same rows as CSV, one line each, in EXPORT_COLUMNS order."""
    buffer = io.StringIO()
    combined(incidents, deployments).to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()
