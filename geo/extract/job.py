"""Extraction as a job for another process: the gazetteer is read once per process, from its file.

The app runs extraction in a worker process so that a long article never holds the server's
interpreter while other people's pages wait; the worker is handed plain values (text, date,
the gazetteer's path) and returns the Extraction, which pickles as plain data.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from geo.extract import Extraction, extract
from geo.gazetteer import Gazetteer

__all__ = ["extract_with_places"]


@lru_cache(maxsize=2)
def _gazetteer(places: Path, modified: float) -> Gazetteer:
    return Gazetteer.from_csv(places)


def extract_with_places(text: str, published: date | None, places: Path, language: str | None = None) -> Extraction:
    """`extract` with the gazetteer read from `places` (cached per process until the file changes)."""
    return extract(text, published, _gazetteer(places, places.stat().st_mtime), language)
