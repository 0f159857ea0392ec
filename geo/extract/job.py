"""Extraction as a job for another process: `python -m geo.extract.job` reads a request as JSON on stdin.

The app runs extraction in a process of its own, so that a long article never holds the server's
interpreter while other people's pages wait, and a job that runs too long can be stopped. The
request is plain data (text, publication date, the gazetteer's file, language); the answer is the
Extraction's JSON form, or the message of an ExtractionError. Nothing in the request is evaluated.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from geo.extract import Extraction, ExtractionError, MissingDateError, TextTooLongError, extract
from geo.gazetteer import Gazetteer

__all__ = ["answer", "main", "request", "result"]

_ERRORS: dict[str, type[ExtractionError]] = {
    "missing_date": MissingDateError,
    "too_long": TextTooLongError,
    "extraction": ExtractionError,
}


def request(text: str, published: date | None, places: Path, language: str | None = None) -> str:
    """The JSON a job reads."""
    day = published.isoformat() if published else None
    return json.dumps({"text": text, "published": day, "places": str(places), "language": language})


def _kind(error: ExtractionError) -> str:
    return next(name for name, kind in _ERRORS.items() if type(error) is kind)


def answer(raw: str) -> str:
    """The JSON a job writes for a request: the extraction, or the error a person should read."""
    asked: dict[str, Any] = json.loads(raw)
    published = date.fromisoformat(asked["published"]) if asked.get("published") else None
    gazetteer = Gazetteer.from_csv(Path(asked["places"]))
    try:
        found = extract(str(asked["text"]), published, gazetteer, asked.get("language"))
    except ExtractionError as error:
        return json.dumps({"error": _kind(error), "message": str(error)})
    return json.dumps({"extraction": found.as_dict()})


def result(raw: str) -> Extraction:
    """The Extraction a job answered; the job's ExtractionError raised again here."""
    answered = json.loads(raw)
    if "error" in answered:
        raise _ERRORS[answered["error"]](answered["message"])
    return Extraction.from_dict(answered["extraction"])


def main() -> None:
    """Read one request on stdin, write its answer on stdout."""
    sys.stdout.write(answer(sys.stdin.read()))


if __name__ == "__main__":
    main()
