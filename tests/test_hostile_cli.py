"""Every subcommand run as a person might run it: streams closed, pipes broken, folders and pipes given as files.

Also the entry points that read no data file: import-acled's hostile exports,
export's hostile targets, geocode's hostile names and the URL's parameters.
No run shows a traceback; a refused run leaves every file as it was.
"""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from cli import main
from components.view import decode
from tests.hostile import Case, csv_cases, row
from tests.test_store import incident
from tests.test_store_cli import write_csv

ROOT = Path(__file__).resolve().parent.parent
TRACE = ("Traceback", "Exception ignored", "unexpected error", "Errno")
# Their messages belong to the store's and extraction's own commands; the wrapper still guarantees no traceback.
OTHERS = ("import-store", "extract", "extract stdin")


def _run(
    args: list[str], home: Path, redirect: str = "", stdin: int | None = None, stdout: int | None = None
) -> subprocess.CompletedProcess[bytes]:
    """`python -m cli ARGS` in a shell, with `redirect` (e.g. ">&-") applied to it, and its own KOSOVO_MAP_HOME."""
    env = {**os.environ, "KOSOVO_MAP_HOME": str(home)}
    command = ["bash", "-c", f'exec "$@" {redirect}', "kosovo-map", sys.executable, "-m", "cli", *args]
    return subprocess.run(
        command,
        cwd=ROOT,
        env=env,
        stdin=stdin if stdin is not None else subprocess.DEVNULL,
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=300,
        check=False,
    )


def _clean(done: subprocess.CompletedProcess[bytes], name: str = "") -> str:
    err = done.stderr.decode("utf-8", "replace")
    words = TRACE[:3] if name in OTHERS else TRACE
    assert not any(word in err for word in words), err
    return err


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("cli")
    good = folder / "good.csv"
    good.write_bytes(csv_cases()[0].content)
    article = folder / "article.txt"
    article.write_text("On 29 May 2023 protesters clashed with KFOR troops in Zvečan.", encoding="utf-8")
    return {"good": good, "article": article, "folder": folder}


def _commands(files: dict[str, Path]) -> dict[str, list[str]]:
    folder = files["folder"]
    return {
        "geocode": ["geocode", "Zvečan", "Leposavić"],
        "geocode stdin": ["geocode", "-"],
        "validate": ["validate", str(files["good"])],
        "export": ["export"],
        "export csv": ["export", "--format", "csv"],
        "snapshot": ["snapshot", "--data", str(files["good"]), "-o", str(folder / "s.html")],
        "import-acled": ["import-acled", str(files["good"]), "-o", str(folder / "o.csv")],
        "extract": ["extract", str(files["article"]), "--published", "2023-05-30"],
        "extract stdin": ["extract", "-", "--published", "2023-05-30"],
        "import-store": ["import-store", str(folder / "no-bundle.json")],
    }


NAMES = [
    "geocode",
    "geocode stdin",
    "validate",
    "export",
    "export csv",
    "snapshot",
    "import-acled",
    "extract",
    "extract stdin",
    "import-store",
]


@pytest.mark.parametrize("name", NAMES)
def test_stdout_closed(name: str, files: dict[str, Path], tmp_path: Path) -> None:
    done = _run(_commands(files)[name], tmp_path, ">&-")
    err = _clean(done, name)
    if name in ("geocode", "export", "export csv", "extract"):
        assert done.returncode == 1 and "stdout is closed" in err  # their output had nowhere to go
    elif name == "snapshot":
        assert done.returncode == 0 and (files["folder"] / "s.html").exists()


@pytest.mark.parametrize("name", NAMES)
def test_stdin_closed(name: str, files: dict[str, Path], tmp_path: Path) -> None:
    done = _run(_commands(files)[name], tmp_path, "<&-")
    err = _clean(done, name)
    if name.endswith("stdin"):
        assert done.returncode == 1 and "stdin is closed" in err and "give a file instead of -" in err


@pytest.mark.parametrize("name", NAMES)
def test_the_reader_of_stdout_leaves(name: str, files: dict[str, Path], tmp_path: Path) -> None:
    """`kosovo-map export | head -1`: the pipe breaks; the command ends as `yes | head -1` does."""
    read, write = os.pipe()
    os.close(read)
    try:
        done = _run(_commands(files)[name], tmp_path, stdout=write)
    finally:
        os.close(write)
    _clean(done, name)
    if name in ("geocode", "export", "export csv", "extract"):
        assert done.returncode == 141


@pytest.mark.parametrize(
    "command", [["validate", "{}"], ["snapshot", "--data", "{}", "-o", "OUT"], ["import-acled", "{}", "-o", "OUT"]]
)
@pytest.mark.parametrize(
    ("kind", "words"), [("folder", "is a folder"), ("fifo", "is not a regular file"), ("missing", "no such file")]
)
def test_a_folder_or_a_pipe_is_named_as_such(command: list[str], kind: str, words: str, tmp_path: Path) -> None:
    target = tmp_path / kind
    if kind == "folder":
        target.mkdir()
    elif kind == "fifo":
        os.mkfifo(target)
    out = tmp_path / ("out.html" if command[0] == "snapshot" else "out.csv")  # an older output of the same kind
    out.write_text("kept", encoding="utf-8")
    args = [str(target) if a == "{}" else str(out) if a == "OUT" else a for a in command]
    done = _run(args, tmp_path)
    err = _clean(done) + done.stdout.decode()
    assert done.returncode == 1 and f"{target}:0:-: {words}" in err
    assert out.read_text(encoding="utf-8") == "kept"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


CSV = [c for c in csv_cases() if c.id != "good"]


@pytest.mark.parametrize("case", CSV, ids=[c.id for c in CSV])
def test_import_acled_refuses_what_is_no_acled_export(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = tmp_path / case.name, tmp_path / "ours.csv"
    source.write_bytes(case.content)
    out.write_text("an older conversion", encoding="utf-8")
    assert main(["import-acled", str(source), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{source}:" in err and not any(word in err for word in TRACE)
    assert out.read_text(encoding="utf-8") == "an older conversion" and source.read_bytes() == case.content


ACLED_HEADER = (
    "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,latitude,longitude,"
    "geo_precision,source,notes,fatalities"
)


def _acled(*lines: str) -> bytes:
    return "\n".join([ACLED_HEADER, *lines, ""]).encode("utf-8")


GOOD_EVENT = "XKX1,2023-05-29,1,Riots,Violent demonstration,Rioters,KFOR,42.9075,20.8403,1,S,{notes},0"
ACLED = [
    ("good", _acled(GOOD_EVENT.format(notes="A riot.")), 0, [], 1),
    ("formula notes", _acled(GOOD_EVENT.format(notes="=1+1")), 0, [], 1),
    ("template notes", _acled(GOOD_EVENT.format(notes="{{ 7*7 }} <script>x</script>")), 0, [], 1),
    ("unclosed quote", _acled(GOOD_EVENT.format(notes='"never closed')), 1, [(2, "notes")], 0),
    ("swapped", _acled(GOOD_EVENT.format(notes="x").replace("42.9075,20.8403", "20.8403,42.9075")), 1, [(2, "lat")], 0),
    ("nan", _acled(GOOD_EVENT.format(notes="x").replace("42.9075", "nan")), 1, [(2, "latitude")], 0),
    (
        "many",
        _acled(
            *[
                GOOD_EVENT.replace("XKX1", f"XKX{i}")
                .replace("2023-05-29", "2023-02-30" if i % 2 else "2023-05-29")
                .format(notes="x")
                for i in range(600)
            ]
        ),
        1,
        [(r, "event_date") for r in range(3, 602, 2)],
        300,
    ),
]


@pytest.mark.parametrize(("content", "status", "where", "written"), [a[1:] for a in ACLED], ids=[a[0] for a in ACLED])
def test_import_acled_on_hostile_exports(
    content: bytes,
    status: int,
    where: list[tuple[int, str]],
    written: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    dataset: object,
) -> None:
    from geo.dataset import load_user_path

    source, out = tmp_path / "acled.csv", tmp_path / "ours.csv"
    source.write_bytes(content)
    assert main(["import-acled", str(source), "-o", str(out)]) == status
    err = capsys.readouterr().err
    assert not any(word in err for word in TRACE)
    named = [
        tuple(line.split(":")[1:3])
        for line in err.splitlines()
        if line.startswith(f"{source}:") and line.count(":") >= 3
    ]
    assert named == [(str(r), c) for r, c in where]
    if written:
        loaded = load_user_path(out, dataset)  # type: ignore[arg-type]
        assert loaded.problems == () and len(loaded.frame) == written
        assert f"{written} added, {len(where)} refused (see below)" in err or not where
    else:
        assert not out.exists()


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("{folder}", "is a folder"),
        ("data/incidents.csv", "refusing to overwrite incidents.csv"),
        ("data/places.csv", "refusing to overwrite places.csv"),
        ("{home}/store.sqlite3", "refusing to overwrite store.sqlite3"),
        ("{folder}/missing/out.json", "its folder does not exist"),
        ("{locked}/out.json", "permission denied"),
    ],
)
def test_export_refuses_hostile_targets(
    target: str, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    home = tmp_path / "home"  # this test's own store, so no other test meets a fake one
    home.mkdir()
    monkeypatch.setenv("KOSOVO_MAP_HOME", str(home))
    (home / "store.sqlite3").write_bytes(b"a store")
    path = target.format(folder=tmp_path, home=home, locked=locked)
    before = {p: _digest(p) for p in (ROOT / "data").glob("*.csv")}
    try:
        if os.geteuid() == 0 and "locked" in target:
            pytest.skip("root writes anywhere")
        assert main(["export", "-o", path]) == 1
    finally:
        locked.chmod(0o700)
    assert words in capsys.readouterr().err
    assert {p: _digest(p) for p in before} == before and (home / "store.sqlite3").read_bytes() == b"a store"


def test_export_replaces_an_older_file_whole(tmp_path: Path) -> None:
    out = tmp_path / "out.geojson"
    out.write_text("older", encoding="utf-8")
    assert main(["export", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("{") and [p.name for p in tmp_path.iterdir()] == ["out.geojson"]


# Each command that writes -o, with the name of an existing file of another kind (what the person would lose).
OTHER_KIND = [
    (["export", "--format", "csv"], "notes.txt", "is not a .csv file"),
    (["export", "--format", "parquet"], "map.html", "is not a .parquet file"),
    (["export"], "passwd", "is not a .geojson file"),
    (["snapshot"], "report.docx", "is not a .html file"),
    (["export", "--store"], "notes.md", "is not a .json file"),
]


@pytest.mark.parametrize(("command", "name", "words"), OTHER_KIND, ids=[" ".join(c) for c, _, _ in OTHER_KIND])
def test_an_existing_file_of_another_kind_is_replaced_only_with_force(
    command: list[str],
    name: str,
    words: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KOSOVO_MAP_HOME", str(tmp_path / "home"))
    if "--store" in command:  # a store with a record, so that there is something to export
        assert main(["store", "add", str(write_csv(tmp_path / "rows.csv", [incident(1)]))]) == 0
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / name
    target.write_bytes(b"someone's own words\n")
    assert main([*command, "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert words in err and "--force" in err and not any(word in err for word in TRACE)
    assert target.read_bytes() == b"someone's own words\n" and [p.name for p in folder.iterdir()] == [name]
    assert main([*command, "-o", str(target), "--force"]) == 0
    assert target.read_bytes() != b"someone's own words\n"


def test_import_acled_refuses_another_kind_before_reading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("mine", encoding="utf-8")
    assert main(["import-acled", str(tmp_path / "no-such-export.csv"), "-o", str(target)]) == 1
    assert "is not a .csv file" in capsys.readouterr().err and target.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "force"])
def test_a_pipe_is_never_replaced(force: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pipe = tmp_path / "out.geojson"
    os.mkfifo(pipe)
    assert main(["export", "-o", str(pipe), *force]) == 1
    assert "is not a regular file" in capsys.readouterr().err
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)  # the rename would have put a file where the pipe was


HOSTILE_NAMES = [
    "{{ 7*7 }}",
    "<script>alert(1)</script>",
    "x" * 10_000,
    "",
    "Zve\u200bčan",
    "\u202eнацевЗ",
    "'; DROP TABLE places; --",
    "../../etc/passwd",
    "\udcff",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=range(len(HOSTILE_NAMES)))
def test_geocode_takes_hostile_names(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["geocode", name, "Zvečan"])
    out, err = capsys.readouterr()
    assert not any(word in err for word in TRACE)
    lines = out.splitlines()
    assert lines[-1].startswith("Zvečan\tZvečan")  # the good name after it is still looked up
    if len(name) > 200 or name == "\udcff":
        assert status == 1 and "kosovo-map geocode:" in err and len(lines) == 1
    elif "Zve" in name:
        assert status == 0 and lines[0].startswith(f"{name}\tZvečan")  # an invisible character does not hide a name
    else:
        assert status == 1 and lines[0] == f"{name}\tno match"


def test_geocode_names_bad_lines_of_stdin(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cli", "geocode", "-"],
        input=b"Zve\xe7an\nZve\xc4\x8dan\n\n",
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "KOSOVO_MAP_HOME": str(tmp_path)},
        check=False,
        timeout=300,
    )
    err = _clean(done)
    assert done.returncode == 1 and "stdin:1: not UTF-8 text" in err
    assert done.stdout.decode().startswith("Zvečan\tZvečan")


SPAN = (date(2021, 1, 1), date(2024, 12, 31))
CHOICES = {
    "event_types": frozenset({"Protests", "Riots"}),
    "actors": frozenset({"KFOR"}),
    "municipalities": frozenset({"mun-zvecan"}),
    "selected": frozenset({"inc-1"}),
}
PARAMS = [
    ({"start": "{{ 7*7 }}"}, "start"),
    ({"end": "2023-02-30"}, "end"),
    ({"start": "99999-01-01"}, "start"),
    ({"map": "nan,nan,10"}, "map"),
    ({"map": "42.9,20.8,1e308"}, "map"),
    ({"map": "42.9,20.8"}, "map"),
    ({"event_types": "<script>|" * 500}, "event_types"),
    ({"selected": "\ud800"}, "selected"),
    ({"basemap": "javascript:alert(1)"}, "basemap"),
    ({"layers": "%7C%25|%ZZ"}, "layers"),
    ({"municipalities": "mun-zvecan|" + "x" * 100_000}, "municipalities"),
]


@pytest.mark.parametrize(("params", "named"), PARAMS, ids=[p[1] for p in PARAMS])
def test_hostile_url_parameters_are_named_and_the_rest_applied(params: dict[str, str], named: str) -> None:
    view, notices = decode({**params, "q": "{{ 7*7 }}"}, CHOICES, SPAN)
    assert any(n.startswith(f"ignored {named}") for n in notices), notices
    assert view.text == "{{ 7*7 }}"  # kept as text to search for, never evaluated


_ = row
