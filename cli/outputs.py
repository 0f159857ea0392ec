"""Where commands write: stdout, or a file through one atomic rename, never over the data or the live store."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from geo.dataset import DATA_DIR
from geo.files import atomic_write
from geo.records import Problem
from geo.store import store_target

__all__ = ["protected", "report", "write"]


def protected() -> list[Path]:
    """Files no -o may overwrite: the shipped data and the live store."""
    store = store_target()
    return [*DATA_DIR.glob("*.csv"), *DATA_DIR.glob("*.json"), *([store] if isinstance(store, Path) else [])]


def write(
    data: str | bytes,
    output: str,
    out: TextIO,
    protected: Iterable[Path] = (),
    replaces: Sequence[str] = (),
    force: bool = False,
) -> None:
    """To stdout for "-", else to the file through a temporary file and one rename (never over a protected file,
    nor over an existing file of another kind than `replaces` without `force`)."""
    if output == "-":
        out.write(data if isinstance(data, str) else data.decode("utf-8"))
    else:
        atomic_write(Path(output), data, protected, replaces, force)


def report(problems: Sequence[Problem]) -> None:
    """Each problem on its own line of stderr."""
    for problem in problems:
        sys.stderr.write(f"{problem}\n")
