"""Every hostile file through every entry point that reads files: the upload, --data, validate, snapshot --data.

For each case and entry point: the exit status (or the upload's problems); each
problem names its file, row and column in plain words; no traceback; every
row added or named; the input, and any output already there, byte for byte
unchanged when the file is refused.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from cli import main
from components.filters import count_line
from geo.dataset import Dataset, UserFile, load_user_file, load_user_path
from tests.hostile import Case, all_cases

CASES = all_cases()
# Python's own wording, which no message may show.
INTERNAL = re.compile(r"Traceback|codec can't|universal-newline|position \d|Errno|Exception|Error\b|unexpected error")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _expect(case: Case, user: UserFile, name: str) -> None:
    for problem in user.problems:
        assert problem.file == name and not INTERNAL.search(problem.message), problem
        assert problem.column == "-" or problem.row > 0 or problem.column == "geometry", problem
    if case.refused:
        first = user.problems[0]
        assert (first.row, first.column) == (case.refused.row, case.refused.column), first
        assert case.refused.words in first.message, first
        assert user.added == 0 and not user.readable and user.summary.startswith("refused")
        return
    assert [(p.row, p.column) for p in user.problems] == [(e.row, e.column) for e in case.problems]
    for expected, problem in zip(case.problems, user.problems, strict=True):
        assert expected.words in problem.message, problem
    assert user.added == case.added
    refused = len({p.row for p in user.problems if p.row > 1 or (p.row == 1 and not case.csv)})
    assert user.refused == refused  # every row added or named: nothing dropped silently
    summaries = dict(zip(user.frame["id"], user.frame["summary"], strict=True)) if user.added else {}
    for record_id, text in case.kept.items():
        assert summaries[record_id] == text  # kept literally, never evaluated


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_the_upload(case: Case, dataset: Dataset) -> None:
    _expect(case, load_user_file(case.name, case.content, dataset), case.name)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_data_named_at_start(case: Case, dataset: Dataset, tmp_path: Path) -> None:
    path = tmp_path / case.name
    path.write_bytes(case.content)
    before = _digest(path)
    _expect(case, load_user_path(path, dataset), str(path))
    assert _digest(path) == before


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_validate(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / case.name
    path.write_bytes(case.content)
    before = _digest(path)
    status = main(["validate", str(path)])
    out, err = capsys.readouterr()
    assert not INTERNAL.search(out + err)
    problems = _lines(out)
    assert status == (1 if case.refused or case.problems else 0)
    assert all(line.startswith(f"{path}:") for line in problems)
    if case.refused:
        assert problems[0].startswith(f"{path}:{case.refused.row}:{case.refused.column}: ")
        assert "not an incidents" not in out  # no second, false message after the file-level one
    else:
        assert [tuple(p.split(":")[1:3]) for p in problems] == [(str(e.row), e.column) for e in case.problems]
    assert _digest(path) == before


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_snapshot_of_the_data(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, out = tmp_path / case.name, tmp_path / "map.html"
    path.write_bytes(case.content)
    out.write_text("an earlier snapshot", encoding="utf-8")
    status = main(["snapshot", "--data", str(path), "-o", str(out)])
    _, err = capsys.readouterr()
    assert not INTERNAL.search(err)
    assert status == (1 if case.refused or case.problems else 0)
    if case.refused:
        assert out.read_text(encoding="utf-8") == "an earlier snapshot"  # nothing drawn from a file it cannot read
        assert f"{path}:{case.refused.row}:{case.refused.column}: " in err
        return
    header = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser").select_one("header").get_text(" ")
    assert count_line(case.added, case.added, 0) in header
    if case.problems:
        assert f"{path}: {case.added:,} added" in err
        assert all(f"{path}:{e.row}:{e.column}: " in err for e in case.problems)


def test_the_snapshot_keeps_hostile_text_literally(tmp_path: Path) -> None:
    from components.encoding import decode_container

    case = next(c for c in CASES if c.id == "hostile text")
    path, out = tmp_path / case.name, tmp_path / "map.html"
    path.write_bytes(case.content)
    assert main(["snapshot", "--data", str(path), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    payloads = [decode_container(p) for p in re.findall(r'octet-stream" id="[^"]+">([^<]+)<', page)]
    texts = {t for header, _ in payloads for values in header["dicts"].values() for t in values}
    assert set(case.kept.values()) <= texts
    assert "<script>alert" not in page
