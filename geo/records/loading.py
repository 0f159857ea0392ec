"""A whole file checked: which reader, which loader (row or columnar), which layers, and every row accounted for.

`check_file` is what the upload, `--data`, `snapshot --data`, `validate` and
`import-acled` share. Every data row is either added or named with its
problem; a file that cannot be read at all is refused whole, with the row
where reading broke.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from geo.acled import acled_rows, is_acled
from geo.records import layer_of
from geo.records.cells import check_choice
from geo.records.columnar import COLUMNAR_FROM_BYTES, check_columns, read_csv_columns
from geo.records.context import Context
from geo.records.frame import to_frame
from geo.records.problems import Problem, summary
from geo.records.reading import PARQUET_MAGIC, check_input, file_problem, is_json, is_parquet, read_input, read_rows
from geo.records.rows import numbered_rows
from geo.records.table import Rows
from geo.records.vector import Columns
from geo.schema import Layer

__all__ = ["ACLED_HINT", "FileCheck", "check_file", "check_path"]

LAYERS: tuple[Layer, ...] = ("incident", "deployment")
_Frames = dict[Layer, pd.DataFrame]
_Numbers = dict[Layer, np.ndarray]
ACLED_HINT = (
    "this is an ACLED export: convert it with `kosovo-map import-acled FILE -o OUT.csv` "
    "(the app's upload takes it as is)"
)
NO_LAYER = (
    "cannot tell incidents from deployments: an incidents file needs an event_type column, "
    "a deployments file kind and force (or a layer column saying which each row is)"
)


@dataclass(frozen=True)
class FileCheck:
    """A checked file: its records by layer, every problem, and how many of its rows held anything."""

    name: str
    frames: dict[Layer, pd.DataFrame]
    problems: list[Problem]
    total: int
    readable: bool = True
    layer: Layer = "incident"
    columnar: bool = field(default=False, compare=False)
    # The row number of each record in `frames`, by layer (for checks across rows, which name rows too).
    numbers: dict[Layer, np.ndarray] = field(default_factory=dict, compare=False, repr=False)

    def numbered(self, layer: Layer) -> dict[str, int]:
        """Each record's id and its row number."""
        return dict(
            zip(self.frames[layer]["id"], self.numbers.get(layer, np.zeros(0, dtype=int)).tolist(), strict=False)
        )

    @property
    def added(self) -> int:
        return sum(len(f) for f in self.frames.values())

    @property
    def refused(self) -> int:
        return self.total - self.added

    @property
    def summary(self) -> str:
        """ "N added, M refused (see below)", or that the file could not be read."""
        if not self.readable:
            return "refused: the file cannot be read (see below)"
        return summary(self.added, self.refused)


def _empty(name: str, problems: list[Problem], readable: bool = False) -> FileCheck:
    return FileCheck(name, {}, problems, 0, readable)


def _split_rows(rows: Rows, name: str) -> tuple[dict[Layer, list[dict[str, str]]], list[Problem]]:
    """Rows of a file with a layer column (our GeoJSON and GeoParquet exports), by layer."""
    parts: dict[Layer, list[dict[str, str]]] = {layer: [] for layer in LAYERS}
    problems = []
    for row in rows:
        value, message = check_choice(row.get("layer", "").strip(), LAYERS)
        if message:
            problems.append(Problem(name, int(row["_row"]), "layer", message))
        else:
            parts[value].append(row)  # type: ignore[index]
    return parts, problems


def _by_row(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: p.row)


def _started(part: object) -> object:
    """Deployments that give their start as `date` (as our exports, which share one date column, do)."""
    if isinstance(part, Columns):
        if part.has("date") and not part.has("start_date"):
            part.arrays["start_date"] = part.arrays["date"]
        return part
    rows = list(part)  # type: ignore[call-overload]
    if rows and "date" in rows[0] and "start_date" not in rows[0]:
        return [{**row, "start_date": row["date"]} for row in rows]
    return rows


def _layers(name: str, parts: dict, context: Context, check: Any) -> tuple[_Frames, list[Problem], _Numbers]:
    """Each layer's part checked; deployments may not reuse an incident's id."""
    frames: _Frames = {}
    numbers: _Numbers = {}
    problems: list[Problem] = []
    for layer in LAYERS:
        if layer in parts:
            part = _started(parts[layer]) if layer == "deployment" else parts[layer]
            frames[layer], found, numbers[layer] = check(part, name, layer, context)
            problems += found
            if layer == "incident" and "deployment" in parts:
                context = replace(context, taken_ids=context.taken_ids | frozenset(frames[layer]["id"]))
    return frames, problems, numbers


def _split_columns(columns: Columns, name: str) -> tuple[dict[Layer, Columns], list[Problem]]:
    coded = columns.coded("layer")
    outcomes = [check_choice(v, LAYERS) for v in coded.values]
    chosen = np.array([v for v, _ in outcomes], dtype=object)[coded.codes]
    problems = [
        Problem(name, int(columns.rows[i]), "layer", outcomes[coded.codes[i]][1] or "")
        for i in np.flatnonzero(chosen == None)  # noqa: E711
    ]
    parts = {layer: columns.take(np.flatnonzero(chosen == layer)) for layer in LAYERS if (chosen == layer).any()}
    return parts, problems


def _checked(name: str, table: Rows | Columns, problems: list[Problem], total: int, context: Context) -> FileCheck:
    """A file's rows (or columns) checked by layer: its records, every problem, each record's row number."""
    columnar = isinstance(table, Columns)
    columns = table.arrays if isinstance(table, Columns) else table.columns
    check: Any = check_columns if columnar else numbered_rows
    layer = layer_of(columns)
    if "layer" in columns:
        parts, more = _split_columns(table, name) if isinstance(table, Columns) else _split_rows(table, name)
        frames, found, numbers = _layers(name, {k: v for k, v in parts.items() if len(v)}, context, check)
        problems = problems + _by_row(more + found)
    elif layer is None:  # a file we cannot make sense of is refused whole
        refusal = [Problem(name, 1, "-", NO_LAYER)] if columns else []
        return FileCheck(name, {}, problems + refusal, total, readable=False, columnar=columnar)
    else:
        frame, found, number = check(table, name, layer, context)
        frames, numbers, problems = {layer: frame}, {layer: number}, problems + found
    first = next(iter(frames), layer or "incident")
    return FileCheck(name, frames, problems, total, layer=first, columnar=columnar, numbers=numbers)


def _parquet(name: str, source: bytes | Path, context: Context, acled: bool) -> FileCheck:
    from geo.parquet import read_parquet

    table = read_parquet(name, source if isinstance(source, bytes) else str(source))
    pa.default_memory_pool().release_unused()  # what reading and recoding needed on the way
    if not table.readable:
        return _empty(name, table.problems)
    if is_acled(table.arrays):
        if not acled:
            return _empty(name, [Problem(name, 0, "-", ACLED_HINT)])
        return _acled(name, source if isinstance(source, bytes) else read_input(source), context)
    keep = np.ones(table.rows, dtype=bool)
    keep[[p.row - 1 for p in table.problems]] = False  # rows refused while reading (a line for a point)
    keep = np.flatnonzero(keep)
    arrays = {k: (v if isinstance(v, pa.ChunkedArray) else pa.chunked_array([v])) for k, v in table.arrays.items()}
    columns = Columns(arrays, np.arange(1, table.rows + 1), lambda text: text.strip()).take(keep)
    return _checked(name, columns, table.problems, table.rows, context)


def _acled(name: str, content: bytes, context: Context) -> FileCheck:
    rows, problems = acled_rows(name, content)
    if not rows.readable:
        return _empty(name, problems)
    frame, found, numbers = numbered_rows(rows, name, "incident", context)
    return FileCheck(name, {"incident": frame}, problems + found, rows.total, numbers={"incident": numbers})


def _columnar_csv(name: str, source: bytes | Path, context: Context, acled: bool) -> FileCheck | None:
    """A CSV through the columnar loader, or None when its structure needs the row loader."""
    found = read_csv_columns(name, source)
    if found is None:
        return None
    columns, problems, total = found
    if is_acled(columns.arrays):
        if not acled:
            return _empty(name, [Problem(name, 1, "-", ACLED_HINT)])
        return _acled(name, source if isinstance(source, bytes) else read_input(source), context)
    return _checked(name, columns, problems, total, context)


def check_path(path: Path, context: Context, *, acled: bool = True, columnar: bool | None = None) -> FileCheck:
    """check_file for a file on disk; a large CSV or a Parquet file is read from disk, never all into memory.

    Raises geo.records.InputError for a missing file, a folder, a pipe or an unreadable file.
    """
    name, size = str(path), check_input(path).st_size
    with open(path, "rb") as handle:
        head = handle.read(4)
    if head == PARQUET_MAGIC:
        return _parquet(name, path, context, acled)
    use_columns = size >= COLUMNAR_FROM_BYTES if columnar is None else columnar
    if use_columns and not name.lower().endswith((".json", ".geojson")) and not head.lstrip().startswith(b"{"):
        checked = _columnar_csv(name, path, context, acled)
        if checked is not None:
            return checked
    return check_file(name, read_input(path), context, acled=acled, columnar=False)


def check_file(
    name: str, content: bytes, context: Context, *, acled: bool = True, columnar: bool | None = None
) -> FileCheck:
    """Every row of a CSV, GeoJSON, (Geo)Parquet file or ACLED export checked (`acled`: convert those, else refuse).

    `columnar` picks the loader: None chooses by size (COLUMNAR_FROM_BYTES). Both find the same problems.
    """
    if is_parquet(content):
        return _parquet(name, content, context, acled)
    problem = file_problem(name, content)
    if problem:
        return _empty(name, [problem])
    use_columns = len(content) >= COLUMNAR_FROM_BYTES if columnar is None else columnar
    if not is_json(name, content) and use_columns:
        checked = _columnar_csv(name, content, context, acled)
        if checked is not None:
            return checked
    rows, problems = read_rows(name, content)
    if rows.readable and is_acled(rows.columns):
        return _acled(name, content, context) if acled else _empty(name, [Problem(name, 1, "-", ACLED_HINT)])
    if not rows.readable:
        return _empty(name, problems)
    return _checked(name, rows, problems, rows.total, context)


def empty_frame(layer: Layer) -> pd.DataFrame:
    """No records of a layer, with its columns."""
    return to_frame([], layer)
