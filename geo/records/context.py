"""What a row is checked against: places, municipalities, known sources and ids taken elsewhere."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from geo.boundaries import Municipalities
from geo.gazetteer import Gazetteer

__all__ = ["EARLIEST_DATE", "Context", "Source"]

EARLIEST_DATE = date(1990, 1, 1)


@dataclass(frozen=True)
class Source:
    """Where a fact comes from."""

    id: str
    publisher: str
    title: str
    date: str
    url: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"publisher": self.publisher, "title": self.title, "date": self.date, "url": self.url}


@dataclass(frozen=True)
class Context:
    """What a row is checked against: places, municipalities, known sources and ids."""

    gazetteer: Gazetteer
    municipalities: Municipalities
    sources: Mapping[str, Source]
    taken_ids: frozenset[str] = frozenset()
    today: date = field(default_factory=date.today)
