"""The shipped dataset and users' files, loaded through one set of checks."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pandas as pd

from geo.boundaries import Municipalities, load_municipalities
from geo.deployments import part_of_problems
from geo.duplicates import duplicate_problems, related_problems
from geo.gazetteer import Gazetteer
from geo.records import (
    Context,
    DataError,
    InputError,
    Problem,
    RowList,
    parse_rows,
    read_input,
    read_rows,
    read_sources,
    summary,
    to_frame,
)
from geo.records.loading import FileCheck, check_file, check_path
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
    "load_user_path",
    "validate_each",
    "validate_files",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Dataset:
    """Incidents and deployments (frames with lat and lon in WGS 84) with what they were checked against."""

    incidents: pd.DataFrame
    deployments: pd.DataFrame
    context: Context

    @property
    def municipalities(self) -> Municipalities:
        return self.context.municipalities

    @property
    def gazetteer(self) -> Gazetteer:
        return self.context.gazetteer

    def with_user_file(self, user: UserFile) -> Dataset:
        """This dataset plus a user's records (of one layer or both), marked as theirs."""
        incidents, deployments = self.incidents, self.deployments
        for layer, frame in user.frames():
            added = frame.assign(origin=user.name)
            if layer == "incident":
                incidents = _concat(incidents, added)
            else:
                deployments = _concat(deployments, added)
        return Dataset(incidents, deployments, self.context)

    def record(self, record_id: object) -> pd.Series | None:
        """The incident or deployment with this id, asked of the id columns (no set of every id is built)."""
        for frame in (self.incidents, self.deployments):
            match = frame[frame["id"] == record_id]
            if not match.empty:
                return match.iloc[0]
        return None

    @property
    def ids(self) -> frozenset[str]:
        """Every record's id: a user's file may not reuse one."""
        return frozenset(self.incidents["id"]) | frozenset(self.deployments["id"])


def _concat(first: pd.DataFrame, second: pd.DataFrame) -> pd.DataFrame:
    if second.empty:
        return first
    if first.empty:  # concatenating onto nothing would leave text columns in two Arrow chunks, one empty
        return second.reset_index(drop=True)
    return pd.concat([first, second], ignore_index=True)


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


def _load_layer(path: Path, layer: Layer, context: Context) -> tuple[pd.DataFrame, list[Problem]]:
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
    incidents: pd.DataFrame, deployments: pd.DataFrame, revisions: list[Revision], context: Context
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Both layers with the `history` column the details show."""
    columns = ["id", "injured", "injured_at_least", "killed", "killed_at_least", "arrested", "arrested_at_least"]
    records = {r["id"]: r for r in incidents[[*columns, "counts_detail"]].to_dict("records")}
    records |= {r["id"]: r for r in deployments[["id", "strength", "strength_at_least"]].to_dict("records")}
    texts = histories(revisions, context.sources, records)
    return attach_history(incidents, texts), attach_history(deployments, texts)


@dataclass(frozen=True)
class UserFile:
    """A user's incidents or deployments file after checking.

    `frame` holds the records of `layer`. A file with both layers (our own
    GeoParquet or GeoJSON export) keeps its deployments in `deployments`.
    `rows` is how many of the file's rows held anything (None: as many as were
    added), so `summary` can say "N added, M refused (see below)".
    """

    name: str
    layer: Layer
    frame: pd.DataFrame
    problems: tuple[Problem, ...]
    deployments: pd.DataFrame | None = None
    rows: int | None = None
    readable: bool = True

    def frames(self) -> Iterator[tuple[Layer, pd.DataFrame]]:
        """(layer, records) for each layer the file holds."""
        yield self.layer, self.frame
        if self.deployments is not None:
            yield "deployment", self.deployments

    @property
    def added(self) -> int:
        return sum(len(frame) for _, frame in self.frames())

    @property
    def refused(self) -> int:
        return max((self.rows if self.rows is not None else self.added) - self.added, 0)

    @property
    def summary(self) -> str:
        """ "N added, M refused (see below)"; or that the file could not be read at all."""
        if not self.readable:
            return "refused: the file cannot be read (see below)"
        return summary(self.added, self.refused)


def _user_file(check: FileCheck) -> UserFile:
    frames = check.frames
    layer: Layer = "incident" if "incident" in frames or not frames else "deployment"
    if check.layer == "deployment" and "incident" not in frames:
        layer = "deployment"
    frame = frames.get(layer, to_frame([], layer))
    second = frames.get("deployment") if layer == "incident" else None
    return UserFile(check.name, layer, frame, tuple(check.problems), second, check.total, check.readable)


def load_user_file(name: str, content: bytes, dataset: Dataset, columnar: bool | None = None) -> UserFile:
    """Check a user's CSV, GeoJSON, (Geo)Parquet file or ACLED export against the schema and the data's ids.

    Large files go through the columnar loader (`columnar=None` chooses by size); both find the same problems.
    """
    context = replace(dataset.context, taken_ids=dataset.ids)
    return _user_file(check_file(name, content, context, columnar=columnar))


def unreadable(name: str, problem: Problem) -> UserFile:
    """A user's file that could not be read at all."""
    return UserFile(name, "incident", to_frame([], "incident"), (problem,), readable=False)


def load_user_path(path: Path, dataset: Dataset, columnar: bool | None = None) -> UserFile:
    """A user's file read from disk and checked; a folder, a pipe or an unreadable file is named as such."""
    context = replace(dataset.context, taken_ids=dataset.ids)
    try:
        return _user_file(check_path(path, context, columnar=columnar))
    except InputError as error:
        return unreadable(str(path), error.problem)


def load_rows(
    name: str, rows: Sequence[dict[str, str]], layer: Layer, dataset: Dataset, problems: list[Problem] | None = None
) -> UserFile:
    """Check rows already read (a file's, or the user's store's) against the schema and the data's ids."""
    context = replace(dataset.context, taken_ids=dataset.ids)
    if rows and "_row" not in rows[0]:  # rows from the store: number them (a file's rows come numbered)
        rows = RowList(({**row, "_row": str(n)} for n, row in enumerate(rows, start=1)))
    frame, row_problems = parse_rows(rows, name, layer, context)
    return UserFile(name, layer, frame, tuple((problems or []) + row_problems), rows=len(rows))


@dataclass(frozen=True)
class _Checked:
    """One validated file: its name, layer, valid records and each record's row number."""

    name: str
    layer: Layer
    frame: pd.DataFrame
    rows: dict[str, int]


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
    return [p for check in validate_each(paths, data_dir) for p in check.problems]


def validate_each(paths: list[Path], data_dir: Path = DATA_DIR, columnar: bool | None = None) -> Iterator[FileCheck]:
    """Each file checked as `kosovo-map validate` does, then the links between their rows, then revisions.

    Ids may not repeat across files; an ACLED export is sent to import-acled;
    revisions are checked against the records of the other files given, or else the shipped ones.
    """
    context = load_context(data_dir)
    seen: frozenset[str] = frozenset()
    checked: list[_Checked] = []
    revisions: list[Path] = []
    for path in paths:
        if path.name == "revisions.csv":
            revisions.append(path)
            continue
        check = _validated(path, replace(context, taken_ids=seen), columnar)
        seen |= frozenset(i for frame in check.frames.values() for i in frame["id"])
        checked += [_Checked(check.name, layer, frame, check.numbered(layer)) for layer, frame in check.frames.items()]
        yield check
    links = _link_problems(checked)
    if links:
        yield FileCheck("", {}, links, 0)  # each names its own file
    for path in revisions:
        yield _validated(path, context, columnar, seen or _shipped_ids(data_dir))


def _validated(path: Path, context: Context, columnar: bool | None, record_ids: set[str] | None = None) -> FileCheck:
    """One file checked for validate: sources and revisions by their own rules, records by the loader's."""
    try:
        if path.name == "sources.csv":
            return FileCheck(str(path), {}, read_sources(str(path), read_input(path))[1], 0)
        if record_ids is not None:
            return FileCheck(
                str(path), {}, read_revisions(str(path), read_input(path), record_ids, context.sources)[1], 0
            )
        return check_path(path, context, acled=False, columnar=columnar)
    except InputError as error:
        return FileCheck(str(path), {}, [error.problem], 0, readable=False)


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
