"""Stores as files: the JSON bundle of `export --store` / `import-store`, and the GeoPackage of `store copy`.

Both carry every record with its bookkeeping and the whole history, so a copy
through either loses nothing. Reading one is reading hostile input: every
problem names the file, the record's number in it and the field, and a version
this program does not know is refused.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pyogrio

from geo.files import SUFFIXES, atomic_write
from geo.incidents import DataError, Problem
from geo.schema import Layer
from geo.store.records import COLUMNS, Batch, Change, Dump, StoredRecord, Where

__all__ = [
    "BUNDLE_FORMAT",
    "bundle_text",
    "import_batches",
    "read_bundle",
    "read_geopackage",
    "write_bundle",
    "write_geopackage",
]

BUNDLE_FORMAT = "kosovo-map-store"
BUNDLE_VERSION = 2
_READABLE_VERSIONS = (1, 2)
_KEYS: dict[Layer, str] = {"incident": "incidents", "deployment": "deployments"}
_NOWHERE = Where(0.0, 0.0, date(1990, 1, 1), None)  # recomputed from the checked row on load
_ACTIONS = ("add", "edit", "delete", "restore")
_MAX_BUNDLE_BYTES = 2_000_000_000


# --- the JSON bundle ---------------------------------------------------------------


def _record_json(record: StoredRecord) -> dict[str, Any]:
    return {**record.canonical(), "saved_at": record.created_at}  # saved_at: what a version-1 reader looks for


def write_bundle(dump: Dump, target: Path, protected: Iterable[Path] = (), force: bool = False) -> int:
    """Write a dump as a JSON bundle (temporary file, then one rename); returns the number of records.

    An existing file that is not a .json is replaced only with `force`."""
    atomic_write(target, bundle_text(dump), protected, SUFFIXES["bundle"], force)
    return len(dump.records)


def bundle_text(dump: Dump) -> str:
    """The JSON bundle as text (for stdout)."""
    bundle: dict[str, Any] = {"format": BUNDLE_FORMAT, "version": BUNDLE_VERSION}
    for layer, key in _KEYS.items():
        bundle[key] = [_record_json(r) for r in dump.records if r.layer == layer]
    bundle["history"] = [c.canonical() for c in dump.changes]
    return json.dumps(bundle, ensure_ascii=False, indent=1)


def _load_json(path: Path) -> Any:
    name = str(path)
    try:
        if path.stat().st_size > _MAX_BUNDLE_BYTES:
            raise DataError([Problem(name, 0, "-", "the bundle is larger than 2 GB")])
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise DataError([Problem(name, 0, "-", "no such file")]) from None
    except IsADirectoryError:
        raise DataError([Problem(name, 0, "-", "is a folder, not a bundle file")]) from None
    except UnicodeDecodeError as error:
        raise DataError([Problem(name, 0, "-", f"not UTF-8 text (byte {error.start})")]) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise DataError([Problem(name, error.lineno, "-", f"not JSON: {error.msg} (column {error.colno})")]) from None
    except RecursionError:
        raise DataError([Problem(name, 0, "-", "JSON nested too deeply")]) from None


def read_bundle(path: Path) -> tuple[int, Dump]:
    """A JSON bundle's version and content; DataError names file, record number and field for every problem."""
    name = str(path)
    bundle = _load_json(path)
    if not isinstance(bundle, dict) or bundle.get("format") != BUNDLE_FORMAT:
        raise DataError([Problem(name, 0, "format", f"not a {BUNDLE_FORMAT} bundle")])
    version = bundle.get("version")
    if version not in _READABLE_VERSIONS or isinstance(version, bool):
        raise DataError([Problem(name, 0, "version", f"bundle version {version!r} is not one this program reads "
                                                      f"({' or '.join(map(str, _READABLE_VERSIONS))})")])  # fmt: skip
    problems: list[Problem] = []
    records = _bundle_records(bundle, name, problems)
    changes = _bundle_changes(bundle.get("history", []), name, problems)
    if problems:
        raise DataError(problems)
    return int(version), Dump(records, changes)


def _bundle_records(bundle: dict[str, Any], name: str, problems: list[Problem]) -> list[StoredRecord]:
    records: list[StoredRecord] = []
    number = 0
    for layer, key in _KEYS.items():
        entries = bundle.get(key, [])
        if not isinstance(entries, list):
            problems.append(Problem(name, 0, key, "expected a list of records"))
            continue
        for entry in entries:
            number += 1
            record = _bundle_record(entry, layer, name, number, problems)
            if record is not None:
                records.append(record)
    return records


def _text(value: Any, name: str, number: int, field: str, problems: list[Problem]) -> str:
    if value is None:
        return ""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value)
    problems.append(Problem(name, number, field, f"expected text, found {type(value).__name__}"))
    return ""


def _row(value: Any, layer: Layer, name: str, number: int, problems: list[Problem]) -> dict[str, str] | None:
    if not isinstance(value, dict):
        problems.append(Problem(name, number, "row", "expected an object of column: value"))
        return None
    unknown = sorted(set(value) - set(COLUMNS[layer]) - {"_row"})
    if unknown:
        problems.append(Problem(name, number, str(unknown[0]), f"not a column of the {layer} schema"))
    return {c: _text(value.get(c), name, number, c, problems) for c in COLUMNS[layer] if c in value}


def _version(value: Any, name: str, number: int, problems: list[Problem]) -> int:
    if value is None:
        return 1
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value < 2**31:
        return value
    problems.append(Problem(name, number, "version", f"expected a whole number from 1, found {value!r}"))
    return 1


def _bundle_record(entry: Any, layer: Layer, name: str, number: int, problems: list[Problem]) -> StoredRecord | None:
    if not isinstance(entry, dict):
        problems.append(Problem(name, number, "-", "expected a record object"))
        return None
    row = _row(entry.get("row"), layer, name, number, problems)
    if row is None:
        return None
    text = {k: _text(entry.get(k), name, number, k, problems)
            for k in ("source_label", "created_at", "created_by", "changed_at", "changed_by", "saved_at")}  # fmt: skip
    created = text["created_at"] or text["saved_at"]
    deleted = entry.get("deleted", False)
    if not isinstance(deleted, bool):
        problems.append(Problem(name, number, "deleted", "expected true or false"))
    return StoredRecord(row.get("id", ""), layer, row, _NOWHERE, _version(entry.get("version"), name, number, problems),
                        deleted is True, text["source_label"], created, text["created_by"],
                        text["changed_at"] or created, text["changed_by"] or text["created_by"])  # fmt: skip


def _bundle_changes(entries: Any, name: str, problems: list[Problem]) -> list[Change]:
    if not isinstance(entries, list):
        problems.append(Problem(name, 0, "history", "expected a list of changes"))
        return []
    changes = []
    for number, entry in enumerate(entries, start=1):
        change = _bundle_change(entry, f"{name} (history)", number, problems)
        if change is not None:
            changes.append(change)
    return changes


def _bundle_change(entry: Any, name: str, number: int, problems: list[Problem]) -> Change | None:
    if not isinstance(entry, dict) or entry.get("layer") not in _KEYS or entry.get("action") not in _ACTIONS:
        problems.append(Problem(name, number, "-", "expected a change with a known layer and action"))
        return None
    layer: Layer = entry["layer"]
    sides = {}
    for side in ("before", "after"):
        value = entry.get(side)
        sides[side] = None if value is None else _row(value, layer, name, number, problems)
    text = {k: _text(entry.get(k), name, number, k, problems) for k in ("record_id", "at", "by", "source_label")}
    return Change(text["record_id"], layer, entry["action"], _version(entry.get("version"), name, number, problems),
                  text["at"], text["by"], sides["before"], sides["after"], text["source_label"])  # fmt: skip


def import_batches(dump: Dump, name: str) -> list[Batch]:
    """The bundle's live records as batches to add (by layer and article), numbered by their place in the file."""
    groups: dict[tuple[Layer, str], list[dict[str, Any]]] = {}
    for number, record in enumerate(dump.records, start=1):
        if not record.deleted:
            groups.setdefault((record.layer, record.source_label or name), []).append({**record.row, "_row": number})
    return [Batch(layer, rows, name, source_label=label) for (layer, label), rows in groups.items()]


# --- the GeoPackage bundle ---------------------------------------------------------

_META = ("id", "version", "deleted", "source_label", "created_at", "created_by", "changed_at", "changed_by")


def _layer_frame(records: list[StoredRecord], layer: Layer) -> gpd.GeoDataFrame:
    columns = {c: [r.row.get(c, "") for r in records] for c in COLUMNS[layer] if c != "id"}
    meta = {c: [getattr(r, c) for r in records] for c in _META}
    meta["deleted"] = [int(r.deleted) for r in records]
    frame = pd.DataFrame({**meta, "row_json": [json.dumps(r.row, ensure_ascii=False, sort_keys=True) for r in records],
                          **columns})  # fmt: skip
    points = gpd.points_from_xy([r.where.lon for r in records], [r.where.lat for r in records])
    return gpd.GeoDataFrame(frame, geometry=points, crs=4326)


def _history_frame(changes: list[Change]) -> pd.DataFrame:
    def side(row: dict[str, str] | None) -> str | None:
        return None if row is None else json.dumps(row, ensure_ascii=False, sort_keys=True)

    return pd.DataFrame({
        "record_id": [c.record_id for c in changes], "layer": [c.layer for c in changes],
        "action": [c.action for c in changes], "version": [c.version for c in changes],
        "at": [c.at for c in changes], "by_whom": [c.by for c in changes],
        "before_json": [side(c.before) for c in changes], "after_json": [side(c.after) for c in changes],
        "source_label": [c.source_label for c in changes], "position": list(range(1, len(changes) + 1)),
    })  # fmt: skip


def write_geopackage(dump: Dump, target: Path, protected: Iterable[Path] = ()) -> int:
    """Write a dump as a GeoPackage (a point layer per kind, a history table), then move it into place."""
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder) / "store.gpkg"
        for layer, key in _KEYS.items():
            frame = _layer_frame([r for r in dump.records if r.layer == layer], layer)
            pyogrio.write_dataframe(frame, scratch, layer=key, driver="GPKG", geometry_type="Point")
        pyogrio.write_dataframe(_history_frame(dump.changes), scratch, layer="history", driver="GPKG")
        meta = pd.DataFrame({"format": [BUNDLE_FORMAT], "version": [BUNDLE_VERSION]})
        pyogrio.write_dataframe(meta, scratch, layer="kosovo_map", driver="GPKG")
        atomic_write(target, scratch.read_bytes(), protected=protected)
    return len(dump.records)


def _read_layer(path: Path, layer: str) -> pd.DataFrame:
    try:
        return pyogrio.read_dataframe(path, layer=layer, read_geometry=False)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as error:
        raise DataError([Problem(str(path), 0, layer, f"cannot read this layer ({error})")]) from None


def _none_to_text(value: Any) -> Any:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else value


def read_geopackage(path: Path) -> Dump:
    """A dump from a GeoPackage written by `write_geopackage`, checked like a JSON bundle."""
    meta = _read_layer(path, "kosovo_map")
    if meta.empty or meta.iloc[0].get("format") != BUNDLE_FORMAT or int(meta.iloc[0].get("version")) != BUNDLE_VERSION:
        raise DataError([Problem(str(path), 0, "kosovo_map", f"not a {BUNDLE_FORMAT} GeoPackage of version 2")])
    bundle: dict[str, Any] = {"format": BUNDLE_FORMAT, "version": BUNDLE_VERSION}
    problems: list[Problem] = []
    for key in _KEYS.values():
        frame = _read_layer(path, key)
        bundle[key] = [_gpkg_record(entry, str(path), n, problems) for n, entry in
                       enumerate(frame.to_dict("records"), start=1)]  # fmt: skip
    history = _read_layer(path, "history").sort_values("position")
    bundle["history"] = [_gpkg_change(entry, str(path), n, problems) for n, entry in
                         enumerate(history.to_dict("records"), start=1)]  # fmt: skip
    if problems:
        raise DataError(problems)
    return _dump_from(bundle, path)


def _parsed(text: Any, name: str, number: int, field: str, problems: list[Problem]) -> Any:
    if _none_to_text(text) is None:
        return None
    try:
        return json.loads(str(text))
    except (json.JSONDecodeError, RecursionError):
        problems.append(Problem(name, number, field, "not JSON"))
        return None


def _gpkg_record(entry: dict[str, Any], name: str, number: int, problems: list[Problem]) -> dict[str, Any]:
    values = {k: _none_to_text(entry.get(k)) for k in _META}
    return {**values, "version": _whole(values["version"]), "deleted": bool(values["deleted"]),
            "row": _parsed(entry.get("row_json"), name, number, "row_json", problems)}  # fmt: skip


def _whole(value: Any) -> Any:
    return int(value) if isinstance(value, int | float) and not pd.isna(value) else value


def _gpkg_change(entry: dict[str, Any], name: str, number: int, problems: list[Problem]) -> dict[str, Any]:
    return {
        "record_id": entry.get("record_id"), "layer": entry.get("layer"), "action": entry.get("action"),
        "version": _whole(entry.get("version")), "at": entry.get("at"), "by": entry.get("by_whom"),
        "before": _parsed(entry.get("before_json"), name, number, "before_json", problems),
        "after": _parsed(entry.get("after_json"), name, number, "after_json", problems),
        "source_label": _none_to_text(entry.get("source_label")) or "",
    }  # fmt: skip


def _dump_from(bundle: dict[str, Any], path: Path) -> Dump:
    problems: list[Problem] = []
    records = _bundle_records(bundle, str(path), problems)
    changes = _bundle_changes(bundle["history"], str(path), problems)
    if problems:
        raise DataError(problems)
    return Dump(records, changes)
