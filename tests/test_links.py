"""Checks across rows in `kosovo-map validate`: likely duplicates, `related` and `part_of` links, revisions."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from cli import main
from geo.dataset import validate_files
from geo.schema import DEPLOYMENT_COLUMNS, INCIDENT_COLUMNS, REVISION_COLUMNS

INCIDENT = {
    "date": "2023-06-15",
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Grenade",
    "place_id": "mitrovica-north",
    "summary": "A test row.",
    "source_ids": "dw-2023-05-30",
}
DEPLOYMENT = {
    "force": "KFOR",
    "kind": "reinforcement",
    "place_id": "kosovo",
    "start_date": "2023-10-01",
    "summary": "A test row.",
    "source_ids": "dw-2023-05-30",
}


def _write(path: Path, rows: list[dict[str, str]], columns: tuple[str, ...]) -> Path:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _problems(tmp_path: Path, rows: list[dict[str, str]], columns: tuple[str, ...] = INCIDENT_COLUMNS) -> list[str]:
    return [str(p) for p in validate_files([_write(tmp_path / "rows.csv", rows, columns)])]


DUPLICATES = [
    # (second row's changes, flagged?)
    ({}, True),  # same place, day and type
    ({"place_id": "zvecan"}, True),  # 2.6 km away
    ({"place_id": "leposavic"}, False),  # 25 km away
    ({"date": "2023-06-16"}, False),  # the next day
    ({"event_type": "Protests", "sub_event_type": "Peaceful protest"}, False),  # another type
    ({"related": "a"}, False),  # linked: different events, or facets of one
    ({"place_id": "", "lat": "42.9400", "lon": "20.8661"}, False),  # a point 5.1 km north
    ({"place_id": "", "lat": "42.9380", "lon": "20.8661"}, True),  # 4.9 km north
]


@pytest.mark.parametrize(("change", "flagged"), DUPLICATES)
def test_likely_duplicates_are_same_day_within_5_km_same_type_and_unlinked(
    tmp_path: Path, change: dict[str, str], flagged: bool
) -> None:
    problems = _problems(tmp_path, [{**INCIDENT, "id": "a"}, {**INCIDENT, "id": "b", **change}])
    duplicates = [p for p in problems if "likely duplicate" in p]
    assert bool(duplicates) == flagged, problems
    if flagged:
        assert duplicates[0].startswith(f"{tmp_path / 'rows.csv'}:3:id: likely duplicate of a (row 2)")


def test_a_link_in_either_row_is_enough(tmp_path: Path) -> None:
    rows = [{**INCIDENT, "id": "a", "related": "b"}, {**INCIDENT, "id": "b"}]
    assert _problems(tmp_path, rows) == []


def test_related_must_name_a_record_and_not_the_row_itself(tmp_path: Path) -> None:
    rows = [{**INCIDENT, "id": "a", "related": "b;nowhere"}, {**INCIDENT, "id": "b", "related": "b;a"}]
    problems = _problems(tmp_path, rows)
    assert [p.split(": ", 1)[0].rsplit(":", 2)[1:] for p in problems] == [["2", "related"], ["3", "related"]]
    assert "related names no record: 'nowhere'" in problems[0] and "itself" in problems[1]


def test_related_may_name_a_record_of_the_other_file(tmp_path: Path) -> None:
    incidents = _write(tmp_path / "i.csv", [{**INCIDENT, "id": "a", "related": "d"}], INCIDENT_COLUMNS)
    deployments = _write(tmp_path / "d.csv", [{**DEPLOYMENT, "id": "d"}], DEPLOYMENT_COLUMNS)
    assert validate_files([incidents, deployments]) == []


PART_OF = [
    # (part_of of the rows a, b, c; the message expected on a row, or None)
    (("", "a", "b"), None),
    (("", "a", "missing"), (4, "part_of names no deployment: 'missing'")),
    (("a", "", ""), (2, "cannot be part of itself")),
    (("c", "a", "b"), (2, "comes back to it")),
]


@pytest.mark.parametrize(("parents", "expected"), PART_OF)
def test_part_of_names_another_deployment_and_never_loops(
    tmp_path: Path, parents: tuple[str, str, str], expected: tuple[int, str] | None
) -> None:
    dates = ("2023-10-01", "2023-10-02", "2023-10-03")  # apart, so no duplicate message
    rows = [
        {**DEPLOYMENT, "id": i, "part_of": p, "start_date": d} for i, p, d in zip("abc", parents, dates, strict=True)
    ]
    problems = validate_files([_write(tmp_path / "d.csv", rows, DEPLOYMENT_COLUMNS)])
    if expected is None:
        assert problems == []
    else:
        assert (problems[0].row, problems[0].column) == (expected[0], "part_of")
        assert expected[1] in problems[0].message


def test_a_contingent_is_no_duplicate_of_its_deployment(tmp_path: Path) -> None:
    rows = [{**DEPLOYMENT, "id": "a"}, {**DEPLOYMENT, "id": "b", "part_of": "a"}]
    assert validate_files([_write(tmp_path / "d.csv", rows, DEPLOYMENT_COLUMNS)]) == []


REVISIONS = [
    ({}, None),
    ({"record_id": "inc-1999-nothing"}, "record_id"),
    ({"field": "wounded"}, "field"),
    ({"field": "injured:KFOR"}, None),
    ({"value": "lots"}, "value"),
    ({"value": "500-650"}, None),
    ({"value": "~1000"}, None),
    ({"source_id": "nobody"}, "source_id"),
    ({"reported_on": "2023-05"}, "reported_on"),
    ({"reported_on": "2999-01-01"}, "reported_on"),
]


@pytest.mark.parametrize(("change", "column"), REVISIONS)
def test_revisions_name_a_record_a_source_a_field_a_figure_and_a_day(
    tmp_path: Path, data_dir: Path, change: dict[str, str], column: str | None
) -> None:
    line = {
        "record_id": "inc-2023-05-29-zvecan-town-hall",
        "field": "injured",
        "value": "82+",
        "source_id": "dw-2023-05-30",
        "reported_on": "2023-05-30",
        **change,
    }
    revisions = _write(tmp_path / "revisions.csv", [line], REVISION_COLUMNS)
    problems = validate_files([data_dir / "incidents.csv", data_dir / "deployments.csv", revisions])
    assert [p.column for p in problems] == ([column] if column else [])
    if column:
        assert str(problems[0]).startswith(f"{revisions}:2:{column}: ")


def test_validate_checks_the_shipped_revisions_too(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = ("incidents.csv", "deployments.csv", "sources.csv", "revisions.csv")
    assert main(["validate", *(str(data_dir / n) for n in names)]) == 0
