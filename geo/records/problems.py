"""Problems found in a file: each names its file, row and column, in words a person understands."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["DataError", "Problem", "summary"]


@dataclass(frozen=True, order=True, slots=True)
class Problem:
    """One thing wrong with one cell (or with a whole row when column is "-", the whole file when row is 0)."""

    file: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row}:{self.column}: {self.message}"


class DataError(ValueError):
    """Raised when data cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n".join(str(p) for p in problems[:20])
        more = f"\n… and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(shown + more)


def summary(added: int, refused: int, problems: Iterable[Problem] = ()) -> str:
    """One line for a loaded file: "N added, M refused (see below)", or why nothing could be read."""
    if refused == 0 and added == 0 and any(True for _ in problems):
        return "refused: the file cannot be read (see below)"
    if refused == 0:
        return f"{added:,} added"
    return f"{added:,} added, {refused:,} refused (see below)"
