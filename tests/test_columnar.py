"""The columnar loader finds exactly what the row loader finds: same problems, same order, same records."""

from __future__ import annotations

import re
import string
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from geo.dataset import Dataset
from geo.records import Context
from geo.records.columnar import quote_structure, quotes_regular
from geo.records.loading import FileCheck, check_file, check_path
from tests.hostile import COLUMNS, Case, csv_bytes, csv_cases, row


@pytest.fixture(scope="module")
def checked_against(dataset: Dataset) -> Context:
    return replace(dataset.context, taken_ids=dataset.ids)


def _same(by_rows: FileCheck, by_columns: FileCheck) -> None:
    assert by_columns.problems == by_rows.problems
    assert (by_columns.total, by_columns.readable, set(by_columns.frames)) == (
        by_rows.total,
        by_rows.readable,
        set(by_rows.frames),
    )
    for layer, frame in by_rows.frames.items():
        pd.testing.assert_frame_equal(pd.DataFrame(by_columns.frames[layer]), pd.DataFrame(frame))


CASES = csv_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_both_loaders_report_the_same_problems_and_records(case: Case, checked_against: Context) -> None:
    by_rows = check_file(case.name, case.content, checked_against, columnar=False)
    by_columns = check_file(case.name, case.content, checked_against, columnar=True)
    assert not by_rows.columnar
    _same(by_rows, by_columns)


def test_the_columnar_loader_reads_every_file_whose_structure_is_regular(checked_against: Context) -> None:
    """The comparison above is not empty: the columnar loader itself ran on the regular files."""
    ran = {c.id for c in CASES if check_file(c.name, c.content, checked_against, columnar=True).columnar}
    irregular = {
        "unclosed quote",  # refused by the row loader, with the row where the quote opened
        "text after a quote",
        "not utf-8",
        "encoded surrogate",
        "utf-16",
        "utf-16 no bom",
        "nul byte",
        "xlsx",
        "empty",
        "blank",
        "10,001 cells",  # rows with another number of cells than the header
        "short and long rows",
        "binary noise",
    }
    assert ran == {c.id for c in CASES} - irregular


def test_from_disk_and_from_memory_agree(tmp_path: Path, checked_against: Context) -> None:
    for case in CASES:
        path = tmp_path / case.name
        path.write_bytes(case.content)
        _same(
            check_file(case.name, case.content, checked_against, columnar=False),
            _renamed(check_path(path, checked_against, columnar=True), case.name),
        )


def _renamed(check: FileCheck, name: str) -> FileCheck:
    return replace(check, name=name, problems=[replace(p, file=name) for p in check.problems])


@pytest.mark.parametrize(
    ("text", "regular"),
    [
        (b'a,b\n"x",y\n', True),
        (b'a,b\n"x ""quoted"" y",z\n', True),
        (b'a,b\n"",""\n', True),
        (b'a,b\n"""",x\n', True),
        (b'a,b\n"multi\nline",x\r\n', True),
        (b'a,b\nx"y,z\n', False),  # a quote inside an unquoted cell
        (b'a,b\n"x"y,z\n', False),  # text after a closing quote
        (b'a,b\n"x,z\n', False),  # never closed
        (b'a,b\n x,"y"\n', True),
        (b'a,b\n "x",y\n', False),  # a space before the quote: the cell is not quoted
        (b"a,b\nx,y\x00\n", False),
    ],
)
def test_quote_check(text: bytes, regular: bool) -> None:
    assert quotes_regular(iter([(text, 0x0A, 0x0A)])) is regular


@pytest.mark.parametrize(
    ("text", "multiline"),
    [(b'a,b\n"x",y\n', False), (b'a,b\n"x\ny",z\n', True), (b'a,b\n"x\ry",z\r', True), (b"a,b\nx,y\r\n", False)],
)
def test_quote_check_tells_whether_a_cell_spans_lines(text: bytes, multiline: bool) -> None:
    assert quote_structure(iter([(text, 0x0A, 0x0A)])) == (multiline,)
    middle = text.index(b"x") + 1  # the same text cut in two blocks, the cut inside the quoted cell
    blocks = [(text[:middle], 0x0A, text[middle]), (text[middle:], text[middle - 1], 0x0A)]
    assert quote_structure(iter(blocks)) == (multiline,)


def test_quote_check_across_blocks() -> None:
    text = b'a,b\n"x",y\n"p""q",r\n'
    for cut in range(1, len(text)):
        blocks = [(text[:cut], 0x0A, text[cut]), (text[cut:], text[cut - 1], 0x0A)]
        assert quotes_regular(iter(blocks))


# Cells that exercise the checks: good and bad values of every kind, quotes, line ends and spaces.
_CELLS = {
    "id": ["h-1", "h-1", "h-2", "", "bad id", " h-3 ", "'=h", "inc-2023-05-29-zvecan-town-hall"],
    "date": ["2023-05-29", "2023-02-30", "", "2099-01-01", " 2023-05-30", "20230529", "1989-12-31"],
    "end_date": ["", "2023-05-01", "2023-06-01", "x"],
    "event_type": ["Protests", "Riots", "Battles", "Skirmish", ""],
    "sub_event_type": ["Peaceful protest", "Mob violence", "Armed clash", "", "nope"],
    "place_id": ["zvecan", "", "atlantis", "leposavic"],
    "place": ["", "Звечан", "Atlantis", "Zubin Potok"],
    "lat": ["", "42.9075", "95", "nan", "north", "20.84", "42,9", "4_2.9", "١٢"],
    "lon": ["", "20.84028", "200", "42.9075", "inf", "+20.8", "2e1"],
    "municipality": ["", "mun-zvecan", "Zvečan", "Leposavić", "nowhere", "mun-prishtine"],
    "location_precision": ["", "point", "settlement", "exact"],
    "injured": ["", "3", "3+", "many", "10"],
    "killed": ["", "0", "1"],
    "counts_detail": ["", "injured:KFOR=3;injured:protesters=7", "wounded:x=1", "injured:a=1;killed:b=2+"],
    "summary": ["A row.", "=1+1", "'=2", 'with "quotes"', "two\nlines", "{{ 7*7 }}", "  spaced  ", "tab\tin"],
    "source_ids": ["", "dw-2023-05-30", "nobody", "dw-2023-05-30;nobody"],
    "source_publisher": ["", "Me", "=Me"],
    "source_title": ["", "Notes"],
    "source_date": ["", "2023-05-30", "2023-13-01"],
    "source_url": ["", "https://example.org/a", "javascript:alert(1)"],
}


@st.composite
def _files(draw: st.DrawFn) -> bytes:
    others = [c for c in _CELLS if c not in ("id", "event_type")]
    columns = ["id", "event_type", *draw(st.permutations(others))[: draw(st.integers(6, len(others)))]]
    columns = draw(st.permutations(columns))
    rows = draw(st.lists(st.fixed_dictionaries({c: st.sampled_from(_CELLS[c]) for c in columns}), max_size=12))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return csv_bytes(rows, columns, newline)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=_files())
def test_random_files_get_the_same_answer_from_both_loaders(content: bytes, checked_against: Context) -> None:
    by_rows = check_file("f.csv", content, checked_against, columnar=False)
    by_columns = check_file("f.csv", content, checked_against, columnar=True)
    event("columnar" if by_columns.columnar else "left to the row loader")
    _same(by_rows, by_columns)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=string.ascii_letters[:3] + ",\"\n\r '=", max_size=80))
def test_random_structure_is_read_the_same_or_left_to_the_row_loader(text: str, checked_against: Context) -> None:
    content = csv_bytes([row(1)]) + text.encode()
    _same(
        check_file("f.csv", content, checked_against, columnar=False),
        check_file("f.csv", content, checked_against, columnar=True),
    )


def test_rows_are_numbered_as_a_spreadsheet_numbers_them(checked_against: Context) -> None:
    """Header row 1; a record whose quoted cell spans three lines is one row; blank rows keep their number."""
    content = csv_bytes([row(1, summary="one\ntwo\nthree"), row(2), row(3, date="bad")]).replace(b"\nh-2", b"\n\nh-2")
    for columnar in (False, True):
        check = check_file("f.csv", content, checked_against, columnar=columnar)
        assert [(p.row, p.column) for p in check.problems] == [(5, "date")]


def test_large_synthetic_file_agrees(tmp_path: Path, checked_against: Context) -> None:
    from benchmarks.synthetic import generate, write_csv

    path = tmp_path / "synthetic.csv"
    write_csv(generate(20_000, seed=5), path)
    content = path.read_bytes()
    # break a few rows in different ways, keeping the file's structure
    lines = content.split(b"\n")
    breaks = [
        (rb'"\d{4}-\d\d-\d\d"', b'"2023-13-40"'),
        (rb'"point"', b'"pointy"'),
        (rb'"syn-', b'"syn -'),
        (rb",\d\d\.\d+,", b",95,"),
    ]
    for index, (pattern, new) in zip((3, 50, 700, 9000), breaks, strict=True):
        lines[index] = re.sub(pattern, new, lines[index], count=1)
    content = b"\n".join(lines)
    by_rows = check_file("s.csv", content, checked_against, columnar=False)
    by_columns = check_file("s.csv", content, checked_against, columnar=True)
    assert by_columns.columnar and [p.row for p in by_rows.problems] == [4, 51, 701, 9001]
    _same(by_rows, by_columns)
    assert np.isclose(by_columns.frames["incident"]["lat"], by_rows.frames["incident"]["lat"]).all()


_ = COLUMNS
