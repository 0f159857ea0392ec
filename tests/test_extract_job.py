"""Extraction in a process of its own: the request and answer are plain JSON, errors come back as errors."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from geo.dataset import DATA_DIR
from geo.extract import Extraction, MissingDateError, TextTooLongError, extract
from geo.extract.job import answer, request, result
from geo.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parent.parent
PLACES = DATA_DIR / "places.csv"
TEXT = "Juče je u Zvečanu održan protest, a policija je u Leposaviću uhapsila dvojicu muškaraca."


def test_an_extraction_survives_its_json_form() -> None:
    here = extract(TEXT, date(2023, 5, 30), Gazetteer.from_csv(PLACES))
    again = Extraction.from_dict(json.loads(json.dumps(here.as_dict())))
    assert again == here and [c.place_id for c in again.candidates] == ["zvecan", "leposavic"]


def test_a_job_runs_as_its_own_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "geo.extract.job"],
        input=request(TEXT, date(2023, 5, 30), PLACES),
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    found = result(done.stdout)
    assert found.language == "sr" and {c.place_id for c in found.candidates} == {"zvecan", "leposavic"}


@pytest.mark.parametrize(
    ("text", "error"),
    [("Protest in Zvečan yesterday.", MissingDateError), ("x" * 200_001, TextTooLongError)],
)
def test_a_jobs_error_is_raised_again_with_its_message(text: str, error: type[Exception]) -> None:
    published = None if error is MissingDateError else date(2023, 5, 30)
    with pytest.raises(error) as raised:
        result(answer(request(text, published, PLACES)))
    assert "give the date" in str(raised.value) or "the limit is 200,000" in str(raised.value)
