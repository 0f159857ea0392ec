"""The sources table (data/sources.csv): the reports our records cite by id."""

from __future__ import annotations

from datetime import date

from geo.records.cells import Cells
from geo.records.context import EARLIEST_DATE, Source
from geo.records.problems import Problem
from geo.records.reading import read_rows

__all__ = ["read_sources"]


def read_sources(name: str, content: bytes) -> tuple[dict[str, Source], list[Problem]]:
    """The sources table, and what is wrong in it."""
    rows, problems = read_rows(name, content)
    sources: dict[str, Source] = {}
    for row in rows:
        cells = Cells(row, name, problems)
        source_id = cells.required("id")
        if source_id and source_id in sources:
            cells.fail("id", f"duplicate source id {source_id!r}")
        publisher, title = cells.required("publisher"), cells.required("title")
        when = cells.date("date", required=False, earliest=EARLIEST_DATE, latest=date.today())
        url = cells.url("url")
        if source_id and publisher and title:
            sources[source_id] = Source(source_id, publisher, title, when.isoformat() if when else "", url)
    return sources, problems
