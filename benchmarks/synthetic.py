"""Synthetic incidents for scale work: any number, seeded, in the shape of the shipped data.

    python benchmarks/synthetic.py 100000 -o synthetic.csv [--seed 0]

`generate` returns a frame with the columns and dtypes of
`geo.dataset.load_dataset().incidents`; `write_csv` writes one in the upload
CSV schema, with inline sources, so the app and `kosovo-map validate` read it.
Points lie inside Kosovo's municipality polygons, the four northern ones
weighted higher; dates fall in 2021-01-01 … 2024-12-31. Everything is built
with numpy and pyarrow, never a Python object per row: a million rows take a
few seconds. These records are made up: never mix them into data/.
"""

from __future__ import annotations

import argparse
import time
from functools import cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import shapely

from geo.boundaries import load_municipalities
from geo.dataset import DATA_DIR, load_dataset
from geo.schema import EVENT_TYPES, INCIDENT_COLUMNS, INLINE_SOURCE_COLUMNS

__all__ = ["FIRST_DAY", "LAST_DAY", "NORTH_WEIGHT", "generate", "write_csv"]


@cache
def _loader_columns() -> tuple[str, ...]:
    """The loader's incident columns, in its order, read from the shipped data: one schema, not two copies."""
    return tuple(load_dataset().incidents.columns)


FIRST_DAY = np.datetime64("2021-01-01", "s")
LAST_DAY = np.datetime64("2024-12-31", "s")
NORTH_WEIGHT = 8.0  # a northern municipality is this many times as likely as any other
_DAY = np.timedelta64(1, "D").astype("timedelta64[s]")

# How common each event type is here, roughly as in the north's news.
_TYPE_WEIGHTS = {
    "Protests": 0.35,
    "Strategic developments": 0.25,
    "Riots": 0.15,
    "Violence against civilians": 0.1,
    "Explosions/Remote violence": 0.1,
    "Battles": 0.05,
}
_ACTOR1 = {
    "Protests": "Protesters (Kosovo)",
    "Strategic developments": "Police Forces of Kosovo (2008-)",
    "Riots": "Rioters (Kosovo)",
    "Violence against civilians": "Unidentified Armed Group (Kosovo)",
    "Explosions/Remote violence": "Unidentified Armed Group (Kosovo)",
    "Battles": "Unidentified Armed Group (Kosovo)",
}
_ACTOR2 = ("", "", "Police Forces of Kosovo (2008-)", "KFOR", "Civilians (Kosovo)")
_DATE_PRECISIONS = (("day", 0.85), ("week", 0.1), ("month", 0.05))
# (share of rows with a count, success probability of the geometric count)
_COUNTS = {"injured": (0.3, 0.15), "killed": (0.03, 0.6), "arrested": (0.12, 0.3)}
_AT_LEAST = 0.1  # share of counts reported as "N or more"
_MULTI_DAY = 0.08  # share of events lasting several days
_SOURCE = {"publisher": "Synthetic data", "title": "benchmarks/synthetic.py", "date": "", "url": ""}


@cache
def _municipalities() -> gpd.GeoDataFrame:
    return load_municipalities(DATA_DIR / "boundaries" / "kosovo_municipalities.geojson")


def _strings(pool: list[str], index: np.ndarray) -> pd.arrays.ArrowStringArray:
    """pool[index] as a pandas string array, built in Arrow without Python strings per row."""
    return pd.array(pa.array(pool, pa.large_string()).take(pa.array(index)), dtype="str")


def _points(rng: np.random.Generator, municipality: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A uniform random point inside each row's municipality (rejection sampling in the bounds)."""
    geoms = _municipalities().geometry.values
    lon, lat = np.empty(len(municipality)), np.empty(len(municipality))
    for number, geom in enumerate(geoms):
        rows = np.flatnonzero(municipality == number)
        if not len(rows):
            continue
        shapely.prepare(geom)
        west, south, east, north = geom.bounds
        fill = geom.area / ((east - west) * (north - south))
        found_x, found_y, need = [], [], len(rows)
        while need > 0:
            tries = int(need / fill * 1.2) + 16
            x, y = rng.uniform(west, east, tries), rng.uniform(south, north, tries)
            inside = shapely.contains_xy(geom, x, y)
            found_x.append(x[inside][:need])
            found_y.append(y[inside][:need])
            need -= len(found_x[-1])
        lon[rows], lat[rows] = np.concatenate(found_x), np.concatenate(found_y)
    return lon, lat


def _dates(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    days = int((LAST_DAY - FIRST_DAY) / _DAY) + 1
    start = FIRST_DAY + rng.integers(0, days, n) * _DAY
    lasting = rng.random(n) < _MULTI_DAY
    end = np.where(lasting, start + rng.integers(1, 15, n) * _DAY, np.datetime64("NaT", "s"))
    return start, end


def _counts(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    columns = {}
    for kind, (share, p) in _COUNTS.items():
        reported = rng.random(n) < share
        columns[kind] = np.where(reported, rng.geometric(p, n), np.nan)
        columns[f"{kind}_at_least"] = reported & (rng.random(n) < _AT_LEAST)
    return columns


def _event_types(rng: np.random.Generator, n: int) -> tuple[np.ndarray, list[tuple[str, str]]]:
    """Index into the (event type, sub-type) pairs for each row, and the pairs."""
    pairs = [(t, s) for t in _TYPE_WEIGHTS for s in EVENT_TYPES[t]]
    weights = np.array([_TYPE_WEIGHTS[t] / len(EVENT_TYPES[t]) for t, _ in pairs])
    return rng.choice(len(pairs), n, p=weights / weights.sum()), pairs


def _text_columns(rng: np.random.Generator, n: int, municipality: np.ndarray) -> dict[str, object]:
    pair, pairs = _event_types(rng, n)
    names = list(_municipalities()["name_en"])
    summaries = [
        f"Synthetic record: {sub.lower()} in {name} municipality, made up for scale tests; not a real event."
        for _, sub in pairs
        for name in names
    ]
    precision = rng.choice(len(_DATE_PRECISIONS), n, p=[p for _, p in _DATE_PRECISIONS])
    return {
        "summary": _strings(summaries, pair * len(names) + municipality),
        "date_precision": _strings([d for d, _ in _DATE_PRECISIONS], precision),
        "event_type": _strings([t for t, _ in pairs], pair),
        "sub_event_type": _strings([s for _, s in pairs], pair),
        "actor1": _strings([_ACTOR1[t] for t, _ in pairs], pair),
        "actor2": _strings(list(_ACTOR2), rng.integers(0, len(_ACTOR2), n)),
    }


def _ids(n: int, seed: int) -> pd.arrays.ArrowStringArray:
    numbers = pc.utf8_lpad(pa.array(np.arange(1, n + 1)).cast(pa.large_string()), len(str(n)), "0")
    prefix, empty = pa.scalar(f"syn-{seed}-", pa.large_string()), pa.scalar("", pa.large_string())
    return pd.array(pc.binary_join_element_wise(prefix, numbers, empty), dtype="str")


def generate(n: int, seed: int = 0) -> pd.DataFrame:
    """`n` made-up incidents shaped like `load_dataset().incidents`; the same `seed` gives the same rows."""
    rng = np.random.default_rng(seed)
    frame = _municipalities()
    weights = np.where(frame["north_kosovo"].astype(bool), NORTH_WEIGHT, 1.0)
    municipality = rng.choice(len(frame), n, p=weights / weights.sum())
    lon, lat = _points(rng, municipality)
    start, end = _dates(rng, n)
    nothing = np.zeros(n, dtype=np.intp)
    sources = np.empty(n, dtype=object)
    sources.fill([_SOURCE])  # one list shared by every row
    columns = {
        "id": _ids(n, seed),
        "place_id": _strings([""], nothing),
        "place_name": _strings([""], nothing),
        "place_alternatives": _strings([""], nothing),
        "lat": lat,
        "lon": lon,
        "location_precision": _strings(["point"], nothing),
        "municipality": _strings(list(frame.index), municipality),
        "in_area": np.ones(n, dtype=bool),
        "sources": sources,
        "date": start,
        "end_date": end,
        **_text_columns(rng, n, municipality),
        **_counts(rng, n),
        "counts_detail": _strings([""], nothing),
        "related": _strings([""], nothing),
        "history": _strings([""], nothing),
        "layer": _strings(["incident"], nothing),
        "origin": _strings(["synthetic"], nothing),
    }
    return pd.DataFrame({c: columns[c] for c in _loader_columns()})


def _count_text(frame: pd.DataFrame, kind: str) -> pd.Series:
    numbers = frame[kind].astype("Int64").astype("str").fillna("")
    return numbers.where(~frame[f"{kind}_at_least"].astype(bool), numbers + "+")


def _iso(dates: pd.Series) -> pa.Array:
    return pa.array(dates.to_numpy(dtype="datetime64[s]")).cast(pa.date32()).cast(pa.string())


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write incidents in the upload CSV schema, citing each row's first source inline."""
    first = [s[0] if len(s) else {} for s in frame["sources"]]
    columns = {
        **{c: frame[c] for c in INCIDENT_COLUMNS if c in frame},
        **{kind: _count_text(frame, kind) for kind in _COUNTS},
        **{f"source_{key}": [s.get(key, "") for s in first] for key in ("publisher", "title", "date", "url")},
    }
    arrays = {c: pa.array(columns[c], from_pandas=True) for c in columns if c not in ("date", "end_date")}
    arrays |= {"date": _iso(frame["date"]), "end_date": _iso(frame["end_date"])}
    names = [*INCIDENT_COLUMNS, *INLINE_SOURCE_COLUMNS]
    empty = pa.nulls(len(frame), pa.string())
    table = pa.table([arrays.get(c, empty) for c in names], names=names)
    pa_csv.write_csv(table, path, pa_csv.WriteOptions(quoting_style="needed"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="how many incidents")
    parser.add_argument("-o", "--output", type=Path, required=True, help="CSV file to write")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    started = time.perf_counter()
    frame = generate(args.n, args.seed)
    generated = time.perf_counter()
    write_csv(frame, args.output)
    wrote = time.perf_counter() - generated
    print(f"generated {args.n:,} incidents in {generated - started:.2f} s, wrote {args.output} in {wrote:.2f} s")


if __name__ == "__main__":
    main()
