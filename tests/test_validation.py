"""Every validation error names file, row and column; the loader and `validate` share the checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli import main
from geo.dataset import Dataset, load_user_file, validate_files
from geo.records.frame import with_points
from geo.schema import INCIDENT_COLUMNS

GOOD = {
    "id": "user-1",
    "date": "2023-05-29",
    "event_type": "Protests",
    "sub_event_type": "Peaceful protest",
    "actor1": "Protesters",
    "place_id": "zvecan",
    "summary": "A test row.",
    "source_ids": "dw-2023-05-30",
}


def _csv(rows: list[dict[str, str]], columns: tuple[str, ...] = INCIDENT_COLUMNS) -> bytes:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode()


BAD_ROWS = [
    # (change to a good row, column named, words in the message)
    ({"date": "2023-02-30"}, "date", "bad date"),
    ({"date": "30/05/2023"}, "date", "bad date"),
    ({"date": "2099-01-01"}, "date", "outside"),
    ({"date": ""}, "date", "missing date"),
    ({"end_date": "2023-05-01"}, "end_date", "before"),
    ({"place_id": "atlantis"}, "place_id", "unknown place id"),
    ({"place_id": "", "lat": "95", "lon": "20.8"}, "lat", "outside the world"),
    ({"place_id": "", "lat": "42.9", "lon": "200"}, "lon", "outside the world"),
    ({"place_id": "", "lat": "nan", "lon": "20.8"}, "lat", "outside the world"),
    ({"place_id": "", "lat": "north", "lon": "20.8"}, "lat", "not a number"),
    ({"place_id": "", "lat": "42.9"}, "lon", "both"),
    ({"lat": "42.67272", "lon": "21.16688"}, "lat", "outside its stated municipality"),
    ({"place_id": ""}, "place_id", "no location"),
    ({"source_ids": ""}, "source_ids", "missing source"),
    ({"source_ids": "nobody-said-so"}, "source_ids", "unknown source id"),
    ({"event_type": "Skirmish"}, "event_type", "unknown value"),
    ({"sub_event_type": "Armed clash"}, "sub_event_type", "unknown value"),
    ({"injured": "many"}, "injured", "bad count"),
    ({"injured": "10", "counts_detail": "injured:KFOR=3;injured:protesters=4"}, "injured", "differs"),
    ({"counts_detail": "wounded:KFOR=3"}, "counts_detail", "bad entry"),
    ({"id": ""}, "id", "missing value"),
    ({"id": "inc-2023-05-29-zvecan-town-hall"}, "id", "duplicate id"),
    ({"date_precision": "hour"}, "date_precision", "unknown value"),
]


@pytest.mark.parametrize(("change", "column", "words"), BAD_ROWS)
def test_each_bad_cell_is_reported_at_its_row_and_column(
    dataset: Dataset, change: dict, column: str, words: str
) -> None:
    upload = load_user_file("mine.csv", _csv([GOOD, {**GOOD, "id": "user-2", **change}]), dataset)
    assert [(p.file, p.row, p.column) for p in upload.problems] == [("mine.csv", 3, column)], upload.problems
    assert words in upload.problems[0].message
    assert list(upload.frame["id"]) == ["user-1"]  # the good row survives


def test_a_good_row_loads_with_its_place_point_and_municipality(dataset: Dataset) -> None:
    upload = load_user_file("mine.csv", _csv([GOOD]), dataset)
    assert not upload.problems
    row = upload.frame.iloc[0]
    assert (row["lat"], row["lon"], row["municipality"]) == (42.9075, 20.84028, "mun-zvecan")
    assert with_points(upload.frame).geometry.iloc[0].coords[0] == (20.84028, 42.9075)


def test_place_names_are_geocoded_and_unknown_names_listed(dataset: Dataset) -> None:
    rows = [{**GOOD, "place_id": "", "place": "Звечан"}, {**GOOD, "id": "user-2", "place_id": "", "place": "Atlantis"}]
    upload = load_user_file("mine.csv", _csv(rows, (*INCIDENT_COLUMNS, "place")), dataset)
    assert [str(p) for p in upload.problems] == [
        "mine.csv:3:place: unknown place 'Atlantis': not in the gazetteer; give lat/lon instead"
    ]
    assert upload.frame.iloc[0]["place_id"] == "zvecan"


def test_inline_sources_are_accepted_and_checked(dataset: Dataset) -> None:
    row = {
        **GOOD,
        "source_ids": "",
        "source_publisher": "Me",
        "source_title": "Notes",
        "source_url": "javascript:alert(1)",
    }
    upload = load_user_file(
        "mine.csv", _csv([row], (*INCIDENT_COLUMNS, "source_publisher", "source_title", "source_url")), dataset
    )
    assert [(p.column, p.message.split(":")[0]) for p in upload.problems] == [("source_url", "not an http(s) URL")]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"", "empty file"),
        (b'{"type": "FeatureCollection", "features": [', "malformed JSON"),
        (b"a,b\n1,2\n", "cannot tell"),
        (bytes(range(256)) * 100, "binary data"),
        ("id,date\nx,caf\xe9\n".encode("latin-1"), "not UTF-8 text (byte 0xE9)"),
    ],
)
def test_broken_files_get_a_clear_message(dataset: Dataset, content: bytes, words: str) -> None:
    upload = load_user_file("broken.csv", content, dataset)
    assert upload.problems and words in upload.problems[0].message
    assert upload.frame.empty


def test_geojson_points_are_read(dataset: Dataset) -> None:
    geojson = (
        b'{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[20.84,42.9075]},'
        b'"properties":{"id":"g1","date":"2023-05-29","event_type":"Protests","sub_event_type":"Peaceful protest",'
        b'"source_ids":"dw-2023-05-30","summary":"<img src=x onerror=alert(1)>"}}]}'
    )
    upload = load_user_file("mine.geojson", geojson, dataset)
    assert not upload.problems
    assert upload.frame.iloc[0]["municipality"] == "mun-zvecan"
    assert upload.frame.iloc[0]["summary"] == "<img src=x onerror=alert(1)>"  # kept as text; escaped when drawn


def test_shipped_data_is_valid(data_dir: Path) -> None:
    paths = [data_dir / n for n in ("incidents.csv", "deployments.csv", "sources.csv")]
    assert validate_files(paths) == []


def test_validate_command_prints_file_row_column_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(_csv([GOOD, {**GOOD, "id": "user-2", "date": "2023-13-01"}]))
    assert main(["validate", str(bad)]) == 1
    assert (
        capsys.readouterr().out.strip() == f"{bad}:3:date: bad date '2023-13-01' (use YYYY-MM-DD, a real calendar day)"
    )


def test_validate_command_exits_0_on_the_shipped_data(data_dir: Path) -> None:
    assert main(["validate", str(data_dir / "incidents.csv"), str(data_dir / "deployments.csv")]) == 0


def test_duplicate_ids_across_files_are_found(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_bytes(_csv([GOOD]))
    second.write_bytes(_csv([GOOD]))
    problems = validate_files([first, second])
    assert [(p.file, p.row, p.column) for p in problems] == [(str(second), 2, "id")]


def test_a_bad_byte_is_named_by_row_and_column(dataset: Dataset) -> None:
    upload = load_user_file("latin.csv", "id,date\nx,caf\xe9\n".encode("latin-1"), dataset)
    assert [(p.row, p.column) for p in upload.problems] == [(2, "date")]


def test_a_likely_swap_of_lat_and_lon_is_named(dataset: Dataset) -> None:
    rows = [
        {**GOOD, "place_id": "", "lat": "20.84028", "lon": "42.9075"},
        {**GOOD, "id": "user-2", "place_id": "", "lat": "15.35", "lon": "44.2"},
    ]
    upload = load_user_file("mine.csv", _csv(rows), dataset)
    assert [(p.row, p.column) for p in upload.problems] == [(2, "lat")]
    assert upload.problems[0].message == (
        "lat and lon look swapped: 20.84028, 42.9075 is outside Kosovo, but 42.9075, 20.84028 is in Zvečan"
    )
    assert list(upload.frame["id"]) == ["user-2"]  # a point in Yemen is outside Kosovo, not swapped


def test_every_row_is_added_or_named_however_many_problems(dataset: Dataset) -> None:
    rows = [{**GOOD, "id": f"user-{i}", "date": "2023-13-01" if i % 3 == 0 else GOOD["date"]} for i in range(1, 1201)]
    upload = load_user_file("many.csv", _csv(rows), dataset)
    assert len(upload.frame) == 800 and len(upload.problems) == 400
    assert {p.row for p in upload.problems} == {i + 1 for i in range(3, 1201, 3)}
    assert upload.summary == "800 added, 400 refused (see below)"


def test_validate_on_an_acled_export_points_to_import_acled(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.test_cli import ACLED_CSV

    export = tmp_path / "acled.csv"
    export.write_text(ACLED_CSV, encoding="utf-8")
    assert main(["validate", str(export)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines() == [f"{export}:1:-: " + out.split(": ", 1)[1].strip()]
    assert "this is an ACLED export" in out and "kosovo-map import-acled" in out


def test_validate_adds_no_false_message_after_a_file_level_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b"\xff\xfe" + "id,date\n".encode("utf-16-le"))
    assert main(["validate", str(broken)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{broken}:0:-: UTF-16 text (a spreadsheet's “Unicode text”), not UTF-8; "
        "save it as CSV UTF-8 (or GeoJSON, or GeoParquet)"
    ]


def test_empty_column_names_give_one_message(dataset: Dataset) -> None:
    header = ",".join(INCIDENT_COLUMNS) + ",,,,,,,\n"
    body = ",".join(GOOD.get(c, "") for c in INCIDENT_COLUMNS) + ",,x,,,y,,\n"
    upload = load_user_file("mine.csv", (header + body).encode(), dataset)
    first, second = len(INCIDENT_COLUMNS) + 2, len(INCIDENT_COLUMNS) + 5
    assert [str(p) for p in upload.problems] == [
        f"mine.csv:1:-: 2 column(s) with no name in the header hold data (column {first}, {second}); "
        "their cells are not read: give each column a name"
    ]
    assert len(upload.frame) == 1


def test_a_header_only_file_is_valid_and_empty(dataset: Dataset) -> None:
    upload = load_user_file("mine.csv", _csv([]), dataset)
    assert upload.problems == () and upload.frame.empty and upload.layer == "incident"
