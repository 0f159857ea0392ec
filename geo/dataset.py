"""The shipped dataset and users' files, loaded through one set of checks."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.acled import acled_rows, is_acled
from geo.boundaries import Municipalities, load_municipalities
from geo.deployments import part_of_problems
from geo.duplicates import duplicate_problems, related_problems
from geo.gazetteer import Gazetteer
from geo.incidents import Context, DataError, Problem, detect_layer, parse_rows, read_rows, read_sources
from geo.revisions import Revision, attach_history, histories, read_revisions
from geo.schema import Layer

__all__ = [
    "DATA_DIR",
    "DataAsOf",
    "Dataset",
    "UserFile",
    "changelog_date",
    "data_as_of",
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
    """The shipped data, fully checked, each record with its `history` of figures; raises DataError on problems."""
    context = load_context(data_dir, today)
    incidents, problems = _load_layer(data_dir / "incidents.csv", "incident", context)
    deployments, more = _load_layer(data_dir / "deployments.csv", "deployment", context)
    overlap = set(incidents["id"]) & set(deployments["id"])
    problems += more + [
        Problem("deployments.csv", 0, "id", f"id {i!r} is also an incident id") for i in sorted(overlap)
    ]
    ids = set(incidents["id"]) | set(deployments["id"])
    problems += related_problems(incidents, "incidents.csv", {}, ids)
    problems += related_problems(deployments, "deployments.csv", {}, ids)
    problems += part_of_problems(deployments, "deployments.csv", {})
    revisions, more = _revisions(data_dir, ids, context)
    if problems or more:
        raise DataError(problems + more)
    incidents, deployments = _with_histories(incidents, deployments, revisions, context)
    return Dataset(incidents.assign(origin="shipped"), deployments.assign(origin="shipped"), context)


def _revisions(data_dir: Path, ids: set[str], context: Context) -> tuple[list[Revision], list[Problem]]:
    path = data_dir / "revisions.csv"
    return read_revisions(path.name, path.read_bytes(), ids, context.sources) if path.is_file() else ([], [])


def _with_histories(
    incidents: gpd.GeoDataFrame, deployments: gpd.GeoDataFrame, revisions: list[Revision], context: Context
) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Both layers with the `history` column the details show."""
    columns = ["id", "injured", "injured_at_least", "killed", "killed_at_least", "arrested", "arrested_at_least"]
    records = {r["id"]: r for r in incidents[[*columns, "counts_detail"]].to_dict("records")}
    records |= {r["id"]: r for r in deployments[["id", "strength", "strength_at_least"]].to_dict("records")}
    texts = histories(revisions, context.sources, records)
    return attach_history(incidents, texts), attach_history(deployments, texts)


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


@dataclass(frozen=True)
class _Checked:
    """One validated file: its name, layer, valid records and each record's row number."""

    name: str
    layer: Layer
    frame: gpd.GeoDataFrame
    rows: dict[str, int]


def _row_numbers(rows: Sequence[dict[str, str]]) -> dict[str, int]:
    return {row.get("id", ""): int(row.get("_row", "0")) for row in rows}


def _link_problems(files: list[_Checked]) -> list[Problem]:
    """Checks across rows: `related` and `part_of` name real records, and likely duplicates are linked."""
    ids = {i for f in files for i in f.frame.get("id", [])}
    deployments = {i for f in files if f.layer == "deployment" for i in f.frame.get("id", [])}
    problems: list[Problem] = []
    for f in files:
        problems += related_problems(f.frame, f.name, f.rows, ids)
        if f.layer == "deployment":
            problems += part_of_problems(f.frame, f.name, f.rows, deployments)
        problems += duplicate_problems(f.frame, f.name, f.rows, f.layer)
    return problems


def validate_files(paths: list[Path], data_dir: Path = DATA_DIR) -> list[Problem]:
    """Every problem in the given incidents/deployments/sources/revisions files (kosovo-map validate)."""
    context = load_context(data_dir)
    problems: list[Problem] = []
    seen: set[str] = set()
    checked: list[_Checked] = []
    revision_files = []
    for path in paths:
        if not path.is_file():
            problems.append(Problem(str(path), 0, "-", "no such file"))
            continue
        if path.name == "sources.csv":
            problems += read_sources(str(path), path.read_bytes())[1]
            continue
        if path.name == "revisions.csv":
            revision_files.append(path)
            continue
        rows, file_problems = read_rows(str(path), path.read_bytes())
        layer = detect_layer(rows)
        if layer is None:
            file_problems.append(
                Problem(str(path), 1, "-", "not an incidents or deployments file (no event_type, kind or force column)")
            )
            problems += file_problems
            continue
        checked_context = replace(context, taken_ids=frozenset(seen))
        frame, row_problems = parse_rows(rows, str(path), layer, checked_context)
        seen |= set(frame["id"])
        checked.append(_Checked(str(path), layer, frame, _row_numbers(rows)))
        problems += file_problems + row_problems
    problems += _link_problems(checked)
    for path in revision_files:  # checked against the records of the other files given, or else the shipped ones
        ids = seen or _shipped_ids(data_dir)
        problems += read_revisions(str(path), path.read_bytes(), ids, context.sources)[1]
    return problems


def _shipped_ids(data_dir: Path) -> set[str]:
    rows = [read_rows(n, (data_dir / n).read_bytes())[0] for n in ("incidents.csv", "deployments.csv")]
    return {row.get("id", "") for file_rows in rows for row in file_rows}


# --- data as of ------------------------------------------------------------------

_DATED_HEADING = re.compile(r"^#{1,6}\s+(\d{4}-\d{2}-\d{2})\b", re.MULTILINE)


@dataclass(frozen=True)
class DataAsOf:
    """How current the data is: its newest record, its size and its last update."""

    newest_record: date | None
    incidents: int
    deployments: int
    updated: date | None

    def __str__(self) -> str:
        parts = [f"data updated {_day(self.updated)}"] if self.updated else []
        parts.append(f"newest record {_day(self.newest_record)}" if self.newest_record else "no records")
        parts.append(f"{_count(self.incidents, 'incident')}, {_count(self.deployments, 'deployment')}")
        text = "; ".join(parts)
        return text[:1].upper() + text[1:]


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def _day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


def changelog_date(text: str) -> date | None:
    """The newest date among CHANGELOG.md's headings (`## 2026-12-01 ...`)."""
    found = []
    for match in _DATED_HEADING.finditer(text):
        try:
            found.append(date.fromisoformat(match.group(1)))
        except ValueError:
            continue
    return max(found, default=None)


def data_as_of(incidents: pd.DataFrame, deployments: pd.DataFrame, changelog: str) -> DataAsOf:
    """The newest record's date (incident date or deployment start), the counts, and the last update's date."""
    dates = [frame["date"].max() for frame in (incidents, deployments) if not frame.empty]
    dates = [d for d in dates if not pd.isna(d)]
    newest = max(dates).date() if dates else None
    return DataAsOf(newest, len(incidents), len(deployments), changelog_date(changelog))
