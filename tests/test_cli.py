"""The kosovo-map command as a user runs it: a real process, real stdout and exit status."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

from cli import main
from geo.dataset import Dataset

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli", *args], input=stdin, capture_output=True, text=True, cwd=ROOT, check=False
    )


def test_geocode_json_prints_one_object_per_name_and_exit_1_when_any_unmatched() -> None:
    done = _run("geocode", "--json", "Звечан", "protesters")
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 1
    assert [line["query"] for line in lines] == ["Звечан", "protesters"]
    assert lines[0]["id"] == "zvecan" and lines[0]["municipality"] == "mun-zvecan" and lines[0]["in_area"] is True
    assert {"query", "id", "name", "lat", "lon", "kind", "municipality", "in_area", "score", "alternatives"} <= set(
        lines[0]
    )
    assert lines[1]["id"] is None


def test_geocode_reads_names_from_stdin_and_exits_0_when_all_match() -> None:
    done = _run("geocode", "-", stdin="Leposaviqi\nKomuna e Zveçanit\n\n")
    assert done.returncode == 0
    assert [line.split("\t")[0] for line in done.stdout.splitlines()] == ["Leposaviqi", "Komuna e Zveçanit"]


@pytest.mark.parametrize(
    "args", [[], ["geocode"], ["export", "--start", "yesterday"], ["export", "--format", "xml"], ["frobnicate"]]
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert main(args) == 2


def test_export_window_is_inclusive_and_layers_are_marked() -> None:
    out = io.StringIO()
    assert main(["export", "--start", "2023-05-29", "--end", "2023-05-29"], out=out) == 0
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    ids = {f["properties"]["id"]: f["properties"]["layer"] for f in collection["features"]}
    assert ids.get("inc-2023-05-29-zvecan-town-hall") == "incident"
    assert ids.get("dep-2023-05-30-zvecan-town-hall") == "deployment"  # guarded from the morning of the clash
    assert "dep-2023-05-30-orf-reinforcement" not in ids  # starts the day after
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["sources"], feature["properties"]["id"]


def test_export_end_before_start_is_a_usage_error() -> None:
    assert main(["export", "--start", "2023-06-01", "--end", "2023-05-01"], out=io.StringIO()) == 2


def test_export_csv_and_geojson_files_read_back_with_geopandas(tmp_path: Path) -> None:
    geojson, csv = tmp_path / "out.geojson", tmp_path / "out.csv"
    assert main(["export", "--start", "2023-05-30", "--end", "2023-05-30", "-o", str(geojson)]) == 0
    assert main(["export", "--start", "2023-05-30", "--end", "2023-05-30", "--format", "csv", "-o", str(csv)]) == 0
    frame = gpd.read_file(geojson)
    table = pd.read_csv(csv, dtype=str)
    assert sorted(frame["id"]) == sorted(table["id"])
    assert "dep-2023-05-30-orf-reinforcement" in set(frame["id"])
    assert frame.crs.to_epsg() == 4326
    orf = table.set_index("id").loc["dep-2023-05-30-orf-reinforcement"]
    assert str(orf["strength"]) == "700"


ACLED_CSV = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\n"
    "XKX9001,29 May 2023,2023,1,Demonstrations,Riots,Violent demonstration,Rioters (Kosovo),,5,KFOR,,8,58,,"
    "0,Europe,Kosovo,Mitrovica,Zvecan,,Zvecan,42.9075,20.8403,1,Test source,National,A test row.,0,,1\n"
    "XKX9002,31 June 2023,2023,1,Demonstrations,Riots,Violent demonstration,Rioters (Kosovo),,5,,,0,50,,"
    "0,Europe,Kosovo,Mitrovica,Zvecan,,Zvecan,42.9075,20.8403,1,Test source,National,Bad date.,0,,1\n"
)


def test_import_acled_writes_our_schema_and_reports_bad_rows_by_line(tmp_path: Path) -> None:
    export, out = tmp_path / "acled.csv", tmp_path / "ours.csv"
    export.write_text(ACLED_CSV, encoding="utf-8")
    stdout = io.StringIO()
    assert main(["import-acled", str(export), "-o", str(out)], out=stdout) == 1
    assert "wrote 1 incident(s)" in stdout.getvalue()
    rows = pd.read_csv(out, dtype=str)
    assert list(rows["id"]) == ["XKX9001"] and rows.loc[0, "source_publisher"] == "Test source"
    assert main(["validate", str(out)]) == 0


def test_the_upload_takes_an_acled_export_directly(dataset: Dataset) -> None:
    from geo.dataset import load_user_file

    user = load_user_file("acled.csv", ACLED_CSV.encode(), dataset)
    assert user.layer == "incident" and list(user.frame["id"]) == ["XKX9001"]
    assert [(p.row, p.column) for p in user.problems] == [(3, "event_date")]


def test_extract_names_a_folder_or_a_pipe_instead_of_waiting_on_it(tmp_path: Path) -> None:
    import os

    pipe = tmp_path / "article.txt"
    os.mkfifo(pipe)
    for target, reason in ((pipe, "is not a regular file"), (tmp_path, "is a folder")):
        done = subprocess.run(
            [sys.executable, "-m", "cli", "extract", str(target), "--published", "2023-05-30"],
            capture_output=True, text=True, cwd=ROOT, timeout=60, check=False,
        )  # fmt: skip
        assert done.returncode == 1 and reason in done.stderr and "UTF-8 text file" in done.stderr
        assert "Traceback" not in done.stderr
