"""Rows read from a file, before any check: text cells by column name, numbered as a spreadsheet shows them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from geo.records.problems import Problem

__all__ = ["RowList", "Rows", "header_problems"]


class Rows(Sequence[dict[str, str]]):
    """A file's data rows as dicts of text cells, each with its row number under "_row".

    `columns` is the header, `total` how many rows held anything (blank rows are
    not counted; rows refused while reading are), and `readable` is False when
    the file as a whole could not be read, so nothing in it was added.
    """

    columns: tuple[str, ...] = ()
    total: int = 0
    readable: bool = True


class RowList(list[dict[str, str]], Rows):  # type: ignore[misc]
    """Rows held in memory (GeoJSON features, converted ACLED events, the store's rows)."""

    def __init__(
        self, rows: Iterable[dict[str, str]] = (), columns: Sequence[str] = (), total: int | None = None
    ) -> None:
        super().__init__(rows)
        self.columns = tuple(columns)
        self.total = len(self) if total is None else total
        self.readable = True

    @classmethod
    def unreadable(cls) -> RowList:
        """No rows: the file could not be read at all."""
        rows = cls()
        rows.readable = False
        return rows


def header_problems(name: str, header: Sequence[str], filled: Iterable[int] = ()) -> list[Problem]:
    """Repeated column names, and unnamed columns that hold data (`filled`: their positions), as row-1 problems."""
    problems = []
    counts: dict[str, int] = {}
    for column in header:
        counts[column] = counts.get(column, 0) + 1
    for column, count in counts.items():
        if column and count > 1:
            problems.append(Problem(name, 1, column, f"column {column!r} appears {count} times; only the last is read"))
    unnamed = sorted(set(filled))
    if unnamed:
        where = ", ".join(str(i + 1) for i in unnamed[:10]) + (" …" if len(unnamed) > 10 else "")
        problems.append(
            Problem(
                name,
                1,
                "-",
                f"{len(unnamed)} column(s) with no name in the header hold data (column {where}); "
                "their cells are not read: give each column a name",
            )
        )
    return problems
