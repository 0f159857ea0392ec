"""The shipped dataset and users' files, loaded through one set of checks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.acled import acled_rows, is_acled
from geo.boundaries import Municipalities, load_municipalities
from geo.gazetteer import Gazetteer
from geo.incidents import Context, DataError, Problem, detect_layer, parse_rows, read_rows, read_sources
from geo.schema import Layer

__all__ = [
    "DATA_DIR",
    "Dataset",
    "UserFile",
    "load_context",
    "load_dataset",
    "load_rows",
    "load_user_file",
    "validate_files",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Dataset:
    """Incidents and deployments (GeoDataFrames, EPSG:4326) with what they were checked against."""

    incidents: gpd.GeoDataFrame
    deployments: gpd.GeoDataFrame
    context: Context

    @property
    def municipalities(self) -> Municipalities:
        return self.context.municipalities

    @property
    def gazetteer(self) -> Gazetteer:
        return self.context.gazetteer

    def with_user_file(self, user: UserFile) -> Dataset:
        """This dataset plus a user's records, marked as theirs."""
        added = user.frame.assign(origin=user.name)
        incidents, deployments = self.incidents, self.deployments
        if user.layer == "incident":
            incidents = _concat(incidents, added)
        else:
            deployments = _concat(deployments, added)
        return Dataset(incidents, deployments, self.context)


def _concat(first: gpd.GeoDataFrame, second: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    if second.empty:
        return first
    return gpd.GeoDataFrame(pd.concat([first, second], ignore_index=True), crs=4326)


def load_context(data_dir: Path = DATA_DIR, today: date | None = None) -> Context:
    """Places, municipalities and sources: everything a row is checked against."""
    sources, problems = read_sources("sources.csv", (data_dir / "sources.csv").read_bytes())
    if problems:
        raise DataError(problems)
    return Context(
        gazetteer=Gazetteer.from_csv(data_dir / "places.csv"),
        municipalities=Municipalities(load_municipalities(data_dir / "boundaries" / "kosovo_municipalities.geojson")),
        sources=sources,
        today=today or date.today(),
    )


def _load_layer(path: Path, layer: Layer, context: Context) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    rows, problems = read_rows(path.name, path.read_bytes())
    frame, row_problems = parse_rows(rows, path.name, layer, context)
    return frame, problems + row_problems


def load_dataset(data_dir: Path = DATA_DIR, today: date | None = None) -> Dataset:
    """The shipped data, fully checked; raises DataError listing every problem."""
    context = load_context(data_dir, today)
    incidents, problems = _load_layer(data_dir / "incidents.csv", "incident", context)
    deployments, more = _load_layer(data_dir / "deployments.csv", "deployment", context)
    overlap = set(incidents["id"]) & set(deployments["id"])
    problems += more + [
        Problem("deployments.csv", 0, "id", f"id {i!r} is also an incident id") for i in sorted(overlap)
    ]
    if problems:
        raise DataError(problems)
    return Dataset(incidents.assign(origin="shipped"), deployments.assign(origin="shipped"), context)


@dataclass(frozen=True)
class UserFile:
    """A user's incidents or deployments file after checking."""

    name: str
    layer: Layer
    frame: gpd.GeoDataFrame
    problems: tuple[Problem, ...]


def load_user_file(name: str, content: bytes, dataset: Dataset) -> UserFile:
    """Check a user's CSV, GeoJSON or ACLED export against the schema and the shipped data's ids."""
    rows, problems = read_rows(name, content)
    if rows and is_acled(rows[0]):
        rows, problems = acled_rows(name, content)
        return load_rows(name, rows, "incident", dataset, problems)
    layer = detect_layer(rows)
    if rows and layer is None:
        problems.append(
            Problem(
                name,
                1,
                "-",
                "cannot tell incidents from deployments: "
                "an incidents file needs an event_type column, a deployments file kind and force",
            )
        )
    if layer is None:
        return UserFile(name, "incident", parse_rows([], name, "incident", dataset.context)[0], tuple(problems))
    return load_rows(name, rows, layer, dataset, problems)


def load_rows(
    name: str, rows: Sequence[dict[str, str]], layer: Layer, dataset: Dataset, problems: list[Problem] | None = None
) -> UserFile:
    """Check rows already read (a file's, or the user's store's) against the schema and the data's ids."""
    taken = frozenset(dataset.incidents["id"]) | frozenset(dataset.deployments["id"])
    context = replace(dataset.context, taken_ids=taken)
    if rows and "_row" not in rows[0]:  # rows from the store: number them (a file's rows come numbered)
        rows = [{"_row": str(n), **row} for n, row in enumerate(rows, start=1)]
    frame, row_problems = parse_rows(rows, name, layer, context)
    return UserFile(name, layer, frame, tuple((problems or []) + row_problems))


def validate_files(paths: list[Path], data_dir: Path = DATA_DIR) -> list[Problem]:
    """Every problem in the given incidents/deployments files (kosovo-map validate)."""
    context = load_context(data_dir)
    problems: list[Problem] = []
    seen: set[str] = set()
    for path in paths:
        if not path.is_file():
            problems.append(Problem(str(path), 0, "-", "no such file"))
            continue
        if path.name == "sources.csv":
            problems += read_sources(str(path), path.read_bytes())[1]
            continue
        rows, file_problems = read_rows(str(path), path.read_bytes())
        layer = detect_layer(rows)
        if layer is None:
            file_problems.append(
                Problem(str(path), 1, "-", "not an incidents or deployments file (no event_type, kind or force column)")
            )
            problems += file_problems
            continue
        checked = replace(context, taken_ids=frozenset(seen))
        frame, row_problems = parse_rows(rows, str(path), layer, checked)
        seen |= set(frame["id"])
        problems += file_problems + row_problems
    return problems
