"""`kosovo-map extract` as a user runs it: a real process, real files, stdout, stderr and exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_b773cdf23eb459f8.txt"


def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli", "extract", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_an_article_with_its_own_date_needs_no_published(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("ZVEČAN, 29. maja 2023. – Demonstranti su se juče okupili u Zvečanu.\n", encoding="utf-8")
    done = _run(str(article), "--json")
    assert done.returncode == 0, done.stderr
    (candidate,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert (candidate["place_id"], candidate["date"], candidate["type"]) == ("zvecan", "2023-05-28", "Protests")
    assert "read as Serbian, published 2023-05-29 (by its dateline)" in done.stderr


def test_an_article_without_a_date_asks_for_published() -> None:
    done = _run("-", stdin="Protesters gathered in Zvečan yesterday.\n")
    assert done.returncode == 2
    assert "no dateline or publication line" in done.stderr and "--published YYYY-MM-DD" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_published_resolves_relative_words() -> None:
    done = _run("-", "--published", "2023-05-30", stdin="Dje në Zveçan u plagosën 30 ushtarë të KFOR-it.\n")
    assert done.returncode == 0
    assert done.stdout.split("\t")[:4] == ["2023-05-29 (relative)", "incident", "Violence against civilians", "Zvečan"]
    assert "injured KFOR 30" in done.stdout
    assert "read as Albanian" in done.stderr


def test_the_language_can_be_named() -> None:
    done = _run("-", "--published", "2023-05-30", "--language", "sr", stdin="Protest u Zvečanu juče.\n")
    assert done.returncode == 0 and "read as Serbian" in done.stderr


@pytest.mark.parametrize("size", [200_001, 2_000_000])
def test_a_text_over_the_limit_is_refused_plainly(tmp_path: Path, size: int) -> None:
    article = tmp_path / "long.txt"
    article.write_text("Protesters gathered in Zvecan. " * (size // 31 + 1), encoding="utf-8")
    done = _run(str(article), "--published", "2023-05-30")
    assert done.returncode == 1
    assert f"{article}: longer than the limit of 200,000 characters" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_a_text_at_the_limit_is_read(tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    article.write_text(("Protesters gathered in Zvecan yesterday. " * 5000)[:200_000], encoding="utf-8")
    done = _run(str(article), "--published", "2023-05-30")
    assert done.returncode == 0 and "Zvečan" in done.stdout


def test_a_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    article = tmp_path / "latin1.txt"
    article.write_bytes("Protest u Zve\xe8anu ju\xe8e.".encode("latin-1"))
    done = _run(str(article), "--published", "2023-05-30")
    assert done.returncode == 1 and f"{article}: not UTF-8 text" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(not SEED.exists(), reason="the seed report lives in ../shared/seeds")
def test_the_seed_report_dates_itself_by_its_publication_line() -> None:
    done = _run(str(SEED))
    assert done.returncode == 0
    assert "published 2023-05-30 (by its publication line)" in done.stderr
    lines = done.stdout.splitlines()
    assert sum("guard_post" in line for line in lines) == 3 and any("Riots\tZvečan" in line for line in lines)
    assert "named outside the map's area, not mapped: Naples" in lines[-1]
