"""Likely duplicates: two rows of one day, a few kilometres apart, of one type, that nothing links.

Two researchers who find one event in different reports write two rows. A row's
`related` cell (`;`-separated ids) says that rows near each other are different
events, or different facets of one event (an arrest during a riot), so the check
stays quiet about them; a contingent and the deployment it is `part_of` are
linked too.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterator, Mapping

import numpy as np
import pandas as pd

from geo.incidents import Problem
from geo.schema import Layer

__all__ = ["DUPLICATE_KM", "duplicate_problems", "likely_duplicates", "links", "related_problems"]

DUPLICATE_KM = 5.0
_EARTH_KM = 6371.0
_KM_PER_DEGREE = math.pi * _EARTH_KM / 180
# What "the same type" means for each layer.
_TYPE: dict[Layer, str] = {"incident": "event_type", "deployment": "kind"}


def _ids(cell: object) -> list[str]:
    return [i.strip() for i in cell.split(";") if i.strip()] if isinstance(cell, str) else []


def links(records: pd.DataFrame) -> set[frozenset[str]]:
    """Pairs of ids that a row joins through `related` or `part_of` (either direction)."""
    pairs: set[frozenset[str]] = set()
    for column in ("related", "part_of"):
        if column in records:
            for record_id, cell in zip(records["id"], records[column], strict=True):
                pairs.update(frozenset((str(record_id), other)) for other in _ids(cell) if other != record_id)
    return pairs


def _km(lat1: float, lon1: float, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """Great-circle distances from one point to many (haversine)."""
    p1, p2 = math.radians(lat1), np.radians(lat2)
    a = np.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * np.cos(p2) * np.sin(np.radians(lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def _near_pairs(lat: np.ndarray, lon: np.ndarray, km: float) -> Iterator[tuple[int, int, float]]:
    """Index pairs within `km` of each other; `lat` must be sorted (a sweep keeps large groups fast)."""
    reach = np.searchsorted(lat, lat + km / _KM_PER_DEGREE, side="right")
    for i in range(len(lat) - 1):
        if reach[i] > i + 1:
            distances = _km(lat[i], lon[i], lat[i + 1 : reach[i]], lon[i + 1 : reach[i]])
            for offset in np.flatnonzero(distances <= km):
                yield i, i + 1 + int(offset), float(distances[offset])


def likely_duplicates(records: pd.DataFrame, layer: Layer, km: float = DUPLICATE_KM) -> list[tuple[str, str, float]]:
    """(id, id, km) for rows of one day and one type within `km` that no `related`/`part_of` link joins."""
    type_column = _TYPE[layer]
    if records.empty or type_column not in records:
        return []
    frame = records[["id", "date", type_column, "lat", "lon"]].dropna().sort_values(["date", type_column, "lat"])
    linked = links(records)
    found = []
    for _, group in frame.groupby(["date", type_column], sort=False):
        if len(group) < 2:
            continue
        ids = group["id"].astype(str).to_numpy()
        pairs = _near_pairs(group["lat"].to_numpy(float), group["lon"].to_numpy(float), km)
        found += [(ids[i], ids[j], d) for i, j, d in pairs if frozenset((ids[i], ids[j])) not in linked]
    return found


def duplicate_problems(records: pd.DataFrame, file: str, rows: Mapping[str, int], layer: Layer) -> list[Problem]:
    """One message per likely duplicate, on the later row, naming the earlier one."""
    problems = []
    for first, second, distance in likely_duplicates(records, layer):
        earlier, later = sorted((first, second), key=lambda i: rows.get(i, 0))
        message = (
            f"likely duplicate of {earlier} (row {rows.get(earlier, 0)}): same day and type, {distance:.1f} km apart; "
            "if they are different events or facets of one, name each other in `related`"
        )
        problems.append(Problem(file, rows.get(later, 0), "id", message))
    return sorted(problems)


def related_problems(
    records: pd.DataFrame, file: str, rows: Mapping[str, int], known: Collection[str]
) -> list[Problem]:
    """Every id in `related` names a record (of these files or `known`), and not the row itself."""
    if records.empty or "related" not in records:
        return []
    problems = []
    for record_id, cell in zip(records["id"], records["related"], strict=True):
        for other in _ids(cell):
            if other == record_id:
                problems.append(Problem(file, rows.get(record_id, 0), "related", "a row cannot be related to itself"))
            elif other not in known:
                problems.append(Problem(file, rows.get(record_id, 0), "related", f"related names no record: {other!r}"))
    return problems
