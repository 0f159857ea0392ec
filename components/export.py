"""Shown records as files people can open elsewhere: GeoJSON (RFC 7946), CSV, GeoPackage and GeoParquet.

The CSV is made for spreadsheets: UTF-8 with a byte-order mark (so Excel reads
it as UTF-8), and every cell a spreadsheet would run as a formula (=, +, -, @,
tab or carriage return first) gets a ' before it (OWASP's advice); plain
numbers such as -20.5 are left alone. The other formats carry the data
unchanged. GeoParquet keeps types (dates, whole counts with their "at least"
flags, sources as a list) and reads back through our loader as the same records.
"""

from __future__ import annotations

import io
import json
import math
import tempfile
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pyarrow as pa

from geo.records.cells import spreadsheet_safe

__all__ = [
    "BOM",
    "EXPORT_COLUMNS",
    "combined",
    "source_text",
    "to_csv",
    "to_geojson",
    "to_geopackage",
    "to_geoparquet",
]

BOM = "\ufeff"

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
    "related",
    "part_of",
    "origin",
)
_AT_LEAST = {
    "injured": "injured_at_least",
    "killed": "killed_at_least",
    "arrested": "arrested_at_least",
    "strength": "strength_at_least",
}


def combined(incidents: pd.DataFrame, deployments: pd.DataFrame) -> pd.DataFrame:
    """Incidents then deployments as plain rows in EXPORT_COLUMNS order, values as text or numbers.

    Column by column (vectorised), so a table or file of many rows costs little.
    """
    frames = [f for f in (incidents, deployments) if not f.empty]
    if not frames:
        return pd.DataFrame(columns=list(EXPORT_COLUMNS))
    rows = pd.concat(frames, ignore_index=True)
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


def to_geojson(incidents: pd.DataFrame, deployments: pd.DataFrame) -> str:
    """An RFC 7946 FeatureCollection; `layer` tells incident from deployment, sources stay structured."""
    features = []
    for frame in (incidents, deployments):
        for record in frame.drop(columns="geometry", errors="ignore").to_dict("records") if not frame.empty else []:
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


def to_csv(incidents: pd.DataFrame, deployments: pd.DataFrame) -> str:
    """The rows as spreadsheet-safe CSV (a BOM first, formulas neutralised), one line each, in EXPORT_COLUMNS order."""
    table = combined(incidents, deployments)
    for column in table.columns:
        table[column] = [spreadsheet_safe(v) if isinstance(v, str) else v for v in table[column]]
    buffer = io.StringIO()
    buffer.write(BOM)
    table.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def to_geopackage(incidents: pd.DataFrame, deployments: pd.DataFrame) -> bytes:
    """A GeoPackage with two layers, incidents and deployments, in the export columns."""
    rows = combined(incidents, deployments)
    frame = gpd.GeoDataFrame(
        rows, geometry=gpd.points_from_xy(rows["lon"].astype(float), rows["lat"].astype(float)), crs=4326
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "snapshot.gpkg"
        for layer in ("incident", "deployment"):
            part = frame[frame["layer"] == layer]
            if not part.empty:
                part.astype({c: "string" for c in part.columns if c not in ("geometry", "lat", "lon")}).to_file(
                    path, layer=f"{layer}s", driver="GPKG", engine="pyogrio"
                )
        return path.read_bytes() if path.exists() else b""


_SOURCE = pa.struct([(k, pa.string()) for k in ("publisher", "title", "date", "url")])


def _parquet_column(column: str, values: pd.Series) -> pd.Series | pa.Array:
    if column in ("date", "end_date"):
        return pd.to_datetime(values).dt.date
    if column in _AT_LEAST:
        return pd.to_numeric(values, errors="coerce").astype("Int64")
    if column in _AT_LEAST.values() or column == "in_area":
        return values.fillna(False).astype(bool)
    if column == "sources":
        return pa.array(
            [[{k: s.get(k, "") for k in _SOURCE.names} for s in v or []] for v in values], pa.list_(_SOURCE)
        )
    return values


_PARQUET_COLUMNS = (
    *EXPORT_COLUMNS[: EXPORT_COLUMNS.index("strength") + 1],
    "strength_at_least",
    *EXPORT_COLUMNS[EXPORT_COLUMNS.index("strength") + 1 : EXPORT_COLUMNS.index("injured")],
    *(name for kind in ("injured", "killed", "arrested") for name in (kind, f"{kind}_at_least")),
    *EXPORT_COLUMNS[EXPORT_COLUMNS.index("counts_detail") :],
)


def to_geoparquet(incidents: pd.DataFrame, deployments: pd.DataFrame) -> bytes:
    """A GeoParquet 1.1 file of both layers (the `layer` column tells them apart), with typed columns.

    Our loader reads it back as the same records (`--data`, the upload); geopandas and GDAL read it too.
    """
    frames = [f for f in (incidents, deployments) if not f.empty]
    rows = pd.concat(frames, ignore_index=True) if frames else None
    rows = rows if rows is not None else pd.DataFrame(columns=list(_PARQUET_COLUMNS))
    table = pd.DataFrame(index=rows.index)
    for column in _PARQUET_COLUMNS:
        values = rows[column] if column in rows else pd.Series(None, index=rows.index, dtype=object)
        converted = _parquet_column(column, values)
        table[column] = converted.to_pylist() if isinstance(converted, pa.Array) else converted
    geometry = gpd.points_from_xy(rows["lon"].astype(float), rows["lat"].astype(float)) if len(rows) else []
    buffer = io.BytesIO()
    gpd.GeoDataFrame(table, geometry=geometry, crs=4326).to_parquet(buffer, index=False, schema_version="1.1.0")
    return buffer.getvalue()
