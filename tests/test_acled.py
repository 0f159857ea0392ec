"""ACLED exports become our incidents; rows that cannot be read are reported by row and column."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from geo.acled import OUTPUT_COLUMNS, acled_rows, import_acled, is_acled
from geo.dataset import Dataset, load_context, load_user_file
from geo.incidents import Context, parse_rows

# The columns of an ACLED export since March 2023, in ACLED's order.
ACLED_HEADER = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]

BASE = {
    "year": "2023",
    "disorder_type": "Political violence",
    "inter1": "5",
    "inter2": "8",
    "interaction": "58",
    "civilian_targeting": "",
    "iso": "0",
    "region": "Europe",
    "country": "Kosovo",
    "admin1": "Mitrovice",
    "admin3": "",
    "source_scale": "National-Regional",
    "tags": "",
    "timestamp": "1686000000",
}

EVENTS = [
    {  # row 2: the Zvečan town hall riot, older date format
        "event_id_cnty": "XKX1001",
        "event_date": "29 May 2023",
        "time_precision": "1",
        "disorder_type": "Political violence; Demonstrations",
        "event_type": "Riots",
        "sub_event_type": "Violent demonstration",
        "actor1": "Rioters (Kosovo)",
        "assoc_actor_1": "Serb Ethnic Group (Kosovo)",
        "actor2": "NATO: North Atlantic Treaty Organization (2023-)",
        "admin2": "Zvecan",
        "location": "Zvecan",
        "latitude": "42.9075",
        "longitude": "20.8403",
        "geo_precision": "1",
        "source": "Koha Ditore; KoSSev",
        "notes": 'On 29 May 2023, Serb protesters clashed with KFOR at the "town hall" in Zvecan; 30 soldiers hurt.',
        "fatalities": "0",
    },
    {  # row 3: Banjska, newer date format, near a town
        "event_id_cnty": "XKX1002",
        "event_date": "2023-09-24",
        "time_precision": "1",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "Unidentified Armed Group (Kosovo)",
        "actor2": "Police Forces of Kosovo (2008-)",
        "admin2": "Zvecan",
        "location": "Banjska",
        "latitude": "42.9728",
        "longitude": "20.7683",
        "geo_precision": "2",
        "source": "RTK",
        "notes": "An armed group clashed with Kosovo police near the Banjska monastery.",
        "fatalities": "4",
    },
    {  # row 4: capitalised event type of older codebooks, only the week known, region-level point
        "event_id_cnty": "XKX1003",
        "event_date": "14-Jun-2023",
        "time_precision": "2",
        "disorder_type": "Strategic developments",
        "event_type": "Strategic Developments",
        "sub_event_type": "Arrests",
        "actor1": "Police Forces of Kosovo (2008-)",
        "actor2": "Civilians (Kosovo)",
        "admin2": "Mitrovice e Veriut",
        "location": "Mitrovice e Veriut",
        "latitude": "42.8972",
        "longitude": "20.8320",
        "geo_precision": "3",
        "source": "Kosovo Online",
        "notes": "Police arrested several Kosovo Serbs in the north.",
        "fatalities": "",
    },
    {  # row 5: ACLED's spelling "protestors"
        "event_id_cnty": "XKX1004",
        "event_date": "2023-05-26",
        "time_precision": "3",
        "disorder_type": "Demonstrations",
        "event_type": "Protests",
        "sub_event_type": "Excessive force against protestors",
        "actor1": "Protesters (Kosovo)",
        "actor2": "Police Forces of Kosovo (2008-)",
        "admin2": "Leposaviq",
        "location": "Leposaviq",
        "latitude": "43.1039",
        "longitude": "20.8028",
        "geo_precision": "1",
        "source": "KoSSev",
        "notes": "Police used tear gas on protesters, at the Leposavic town hall.",
        "fatalities": "0",
    },
    {  # row 6: not a calendar day
        "event_id_cnty": "XKX1005",
        "event_date": "31 February 2023",
        "time_precision": "1",
        "event_type": "Protests",
        "sub_event_type": "Peaceful protest",
        "actor1": "Protesters (Kosovo)",
        "admin2": "Zubin Potok",
        "location": "Zubin Potok",
        "latitude": "42.9144",
        "longitude": "20.6897",
        "geo_precision": "1",
        "source": "KoSSev",
        "notes": "A bad date.",
        "fatalities": "0",
    },
    {  # row 7: off the globe
        "event_id_cnty": "XKX1006",
        "event_date": "2023-06-01",
        "time_precision": "1",
        "event_type": "Protests",
        "sub_event_type": "Peaceful protest",
        "actor1": "Protesters (Kosovo)",
        "admin2": "Zvecan",
        "location": "Zvecan",
        "latitude": "999",
        "longitude": "20.8403",
        "geo_precision": "1",
        "source": "KoSSev",
        "notes": "A bad latitude.",
        "fatalities": "0",
    },
    {  # row 8: readable, but not an event type of ACLED's taxonomy
        "event_id_cnty": "XKX1007",
        "event_date": "2023-06-02",
        "time_precision": "1",
        "event_type": "Parades",
        "sub_event_type": "Peaceful protest",
        "actor1": "Protesters (Kosovo)",
        "admin2": "Zvecan",
        "location": "Zvecan",
        "latitude": "42.9075",
        "longitude": "20.8403",
        "geo_precision": "1",
        "source": "KoSSev",
        "notes": "An unknown event type.",
        "fatalities": "0",
    },
]


def _export(events: list[dict[str, str]], header: list[str] = ACLED_HEADER) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, restval="", extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({**BASE, **event} for event in events)
    return buffer.getvalue().encode()


@pytest.fixture(scope="module")
def context() -> Context:
    return load_context()


@pytest.fixture(scope="module")
def converted() -> tuple[list[dict[str, str]], list]:
    return acled_rows("acled.csv", _export(EVENTS))


def test_recognises_an_acled_header() -> None:
    assert is_acled(ACLED_HEADER)
    assert is_acled(h.upper() for h in ACLED_HEADER)
    assert not is_acled(OUTPUT_COLUMNS)


def test_converts_an_event(converted: tuple[list[dict[str, str]], list]) -> None:
    rows, _ = converted
    first = rows[0]
    assert {k: first[k] for k in OUTPUT_COLUMNS if first.get(k)} == {
        "id": "XKX1001",
        "date": "2023-05-29",
        "date_precision": "day",
        "event_type": "Riots",
        "sub_event_type": "Violent demonstration",
        "actor1": "Rioters (Kosovo)",
        "actor2": "NATO: North Atlantic Treaty Organization (2023-)",
        "lat": "42.9075",
        "lon": "20.8403",
        "location_precision": "settlement",
        "killed": "0",
        "summary": EVENTS[0]["notes"],
        "source_publisher": "Koha Ditore; KoSSev",
        "source_title": "ACLED event XKX1001",
        "source_date": "2023-05-29",
    }
    assert first["_row"] == "2"


@pytest.mark.parametrize(
    ("event_id", "column", "expected"),
    [
        ("XKX1002", "date", "2023-09-24"),
        ("XKX1003", "date", "2023-06-14"),
        ("XKX1002", "location_precision", "municipality"),
        ("XKX1003", "location_precision", "region"),
        ("XKX1003", "date_precision", "week"),
        ("XKX1004", "date_precision", "month"),
        ("XKX1002", "killed", "4"),
        ("XKX1003", "killed", ""),
        ("XKX1003", "event_type", "Strategic developments"),
        ("XKX1004", "sub_event_type", "Excessive force against protesters"),
    ],
)
def test_maps_acled_codes(
    converted: tuple[list[dict[str, str]], list], event_id: str, column: str, expected: str
) -> None:
    rows = {row["id"]: row for row in converted[0]}
    assert rows[event_id][column] == expected


def test_reports_unreadable_rows_by_row_and_column(converted: tuple[list[dict[str, str]], list]) -> None:
    rows, problems = converted
    assert [(p.file, p.row, p.column) for p in problems] == [
        ("acled.csv", 6, "event_date"),
        ("acled.csv", 7, "latitude"),
    ]
    assert "31 February 2023" in problems[0].message
    assert "999" in problems[1].message
    assert [row["id"] for row in rows] == ["XKX1001", "XKX1002", "XKX1003", "XKX1004", "XKX1007"]


@pytest.mark.parametrize(
    ("change", "column"),
    [
        ({"event_date": "05/29/2023"}, "event_date"),
        ({"event_date": ""}, "event_date"),
        ({"longitude": "east"}, "longitude"),
        ({"time_precision": "4"}, "time_precision"),
        ({"geo_precision": ""}, "geo_precision"),
        ({"fatalities": "3-5"}, "fatalities"),
        ({"event_id_cnty": ""}, "event_id_cnty"),
    ],
)
def test_rejects_bad_cells(change: dict[str, str], column: str) -> None:
    rows, problems = acled_rows("acled.csv", _export([{**EVENTS[0], **change}]))
    assert rows == []
    assert [(p.row, p.column) for p in problems] == [(2, column)]


def test_refuses_a_file_that_is_not_acled() -> None:
    header = [h for h in ACLED_HEADER if h != "geo_precision"]
    rows, problems = acled_rows("other.csv", _export(EVENTS[:1], header))
    assert rows == []
    assert [(p.row, p.column) for p in problems] == [(1, "-")]
    assert "geo_precision" in problems[0].message


def test_converted_rows_pass_our_checks(converted: tuple[list[dict[str, str]], list], context: Context) -> None:
    frame, problems = parse_rows(converted[0], "acled.csv", "incident", context)
    assert [(p.row, p.column) for p in problems] == [(8, "event_type")]
    assert list(frame["id"]) == ["XKX1001", "XKX1002", "XKX1003", "XKX1004"]
    assert list(frame["municipality"]) == ["mun-zvecan", "mun-zvecan", "mun-north-mitrovica", "mun-leposavic"]
    assert frame.iloc[0]["sources"] == [
        {"publisher": "Koha Ditore; KoSSev", "title": "ACLED event XKX1001", "date": "2023-05-29", "url": ""}
    ]
    assert frame.iloc[1]["killed"] == 4


def test_import_writes_only_checked_rows(tmp_path: Path, context: Context, dataset: Dataset) -> None:
    source, out = tmp_path / "acled.csv", tmp_path / "incidents.csv"
    source.write_bytes(_export(EVENTS))
    done = import_acled(source, out, context)
    assert (done.written, done.refused) == (4, 3)
    assert [(p.row, p.column) for p in done.problems] == [(6, "event_date"), (7, "latitude"), (8, "event_type")]
    loaded = load_user_file(out.name, out.read_bytes(), dataset)
    assert loaded.problems == ()
    assert loaded.layer == "incident"
    assert list(loaded.frame["id"]) == ["XKX1001", "XKX1002", "XKX1003", "XKX1004"]


def test_import_neutralises_formulas_and_the_loader_reads_them_back(
    tmp_path: Path, context: Context, dataset: Dataset
) -> None:
    """ACLED's notes come from outside: a spreadsheet opening our CSV must not run them; our loader gets them back."""
    notes = ['=HYPERLINK("http://evil","click")', "+1+1", "@SUM(A1)", "-2", "'=already marked"]
    events = [{**EVENTS[0], "event_id_cnty": f"XKX20{i}", "notes": n} for i, n in enumerate(notes)]
    source, out = tmp_path / "acled.csv", tmp_path / "incidents.csv"
    source.write_bytes(_export(events))
    assert import_acled(source, out, context).written == len(notes)
    cells = [r["summary"] for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))]
    # A CSV cell "'=…" is read as "=…" (the mark our writers add), ACLED's too; each CSV we write adds it back.
    assert cells == ["'" + notes[0], "'+1+1", "'@SUM(A1)", "-2", "'=already marked"]
    assert list(load_user_file(out.name, out.read_bytes(), dataset).frame["summary"]) == [*notes[:4], "=already marked"]


def test_a_refused_export_writes_nothing_and_keeps_an_older_output(tmp_path: Path, context: Context) -> None:
    source, out = tmp_path / "acled.csv", tmp_path / "incidents.csv"
    out.write_text("an older conversion", encoding="utf-8")
    for content in (_export(EVENTS)[:-40] + b',"never closed', b"", "caf\xe9".encode("latin-1"), _export(EVENTS[4:6])):
        source.write_bytes(content)
        done = import_acled(source, out, context)
        assert done.written == 0 and done.problems
        assert out.read_text(encoding="utf-8") == "an older conversion"


def test_the_output_may_not_be_the_export(tmp_path: Path, context: Context) -> None:
    from geo.files import OutputError

    source = tmp_path / "acled.csv"
    source.write_bytes(_export(EVENTS))
    with pytest.raises(OutputError, match="refusing to overwrite"):
        import_acled(source, source, context)
    assert source.read_bytes() == _export(EVENTS)
