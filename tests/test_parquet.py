"""GeoParquet in and out: our export reads back as the same records, geopandas reads it, bad files are named."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from cli import main
from components.export import to_geoparquet
from geo.dataset import Dataset, load_user_file, load_user_path
from geo.parquet import _sources_column, _sources_text
from geo.records import Context, parse_rows, read_rows
from geo.records.frame import with_points
from geo.records.loading import check_file
from tests.hostile import COLUMNS, csv_bytes, row


@pytest.fixture(scope="module")
def empty(dataset: Dataset) -> Dataset:
    """Nothing loaded yet: a file of our own records may use their ids."""
    return Dataset(dataset.incidents.iloc[0:0], dataset.deployments.iloc[0:0], dataset.context)


@pytest.fixture(scope="module")
def exported(dataset: Dataset) -> bytes:
    return to_geoparquet(dataset.incidents, dataset.deployments)


def _records(frame: pd.DataFrame) -> pd.DataFrame:
    # history comes from data/revisions.csv and place_alternatives from a look-up by name: neither is the record's own
    derived = ["origin", "history", "place_alternatives"]
    return pd.DataFrame(frame).drop(columns=derived, errors="ignore").reset_index(drop=True)


def test_our_geoparquet_reads_back_as_the_same_records(dataset: Dataset, empty: Dataset, exported: bytes) -> None:
    loaded = load_user_file("ours.parquet", exported, empty)
    assert loaded.problems == () and loaded.summary == f"{len(dataset.incidents) + len(dataset.deployments)} added"
    assert loaded.deployments is not None
    for got, shipped in ((loaded.frame, dataset.incidents), (loaded.deployments, dataset.deployments)):
        expected = _records(shipped)
        # A record whose place has no municipality gets the one its point lies in (the point now comes with it).
        expected["municipality"] = expected["municipality"].where(
            expected["municipality"] != "", _records(got)["municipality"]
        )
        pd.testing.assert_frame_equal(_records(got), expected)


def test_the_app_gets_both_layers_of_one_file(empty: Dataset, exported: bytes) -> None:
    loaded = load_user_file("ours.parquet", exported, empty)
    both = empty.with_user_file(loaded)
    assert len(both.incidents) == len(loaded.frame) and len(both.deployments) == len(loaded.deployments)
    assert set(both.deployments["origin"]) == {"ours.parquet"}


def test_geopandas_reads_our_geoparquet(dataset: Dataset, exported: bytes) -> None:
    frame = gpd.read_parquet(io.BytesIO(exported))
    assert frame.crs.to_epsg() == 4326
    assert len(frame) == len(dataset.incidents) + len(dataset.deployments)
    incidents = frame[frame["layer"] == "incident"].reset_index(drop=True)
    assert list(incidents["id"]) == list(dataset.incidents["id"])
    assert incidents.geometry.x.tolist() == pytest.approx(dataset.incidents["lon"].tolist())
    assert (
        incidents["injured"].dtype == "Int64" and incidents["date"].iloc[0] == dataset.incidents["date"].iloc[0].date()
    )
    assert incidents["sources"].iloc[0][0]["publisher"] == dataset.incidents["sources"].iloc[0][0]["publisher"]
    geo = json.loads(pq.read_schema(io.BytesIO(exported)).metadata[b"geo"])
    assert geo["version"].startswith("1.") and geo["columns"]["geometry"]["encoding"] == "WKB"


def test_export_command_writes_geoparquet_that_data_reads(tmp_path: Path, empty: Dataset) -> None:
    out = tmp_path / "window.parquet"
    assert main(["export", "--start", "2023-05-29", "--end", "2023-06-30", "--format", "parquet", "-o", str(out)]) == 0
    loaded = load_user_path(out, empty)
    assert loaded.problems == () and "inc-2023-05-29-zvecan-town-hall" in set(loaded.frame["id"])
    assert main(["export", "--format", "parquet"]) == 2  # a binary file goes to a file, not the terminal


def _geoparquet(frame: gpd.GeoDataFrame, path: Path | None = None) -> bytes:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue()


def _user_frame(rows: list[dict[str, object]], geometry: list[object]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(pd.DataFrame(rows), geometry=geometry, crs=4326)


def test_a_geoparquet_made_elsewhere_loads_with_typed_columns(dataset: Dataset) -> None:
    rows = [
        {
            "id": "gp-1",
            "date": pd.Timestamp("2023-05-29"),
            "event_type": "Protests",
            "sub_event_type": "Peaceful protest",
            "injured": 3,
            "summary": "A protest.",
            "source_publisher": "Me",
            "source_title": "Notes",
        },
        {
            "id": "gp-2",
            "date": pd.Timestamp("2023-05-29 14:30"),
            "event_type": "Protests",
            "sub_event_type": "Peaceful protest",
            "injured": None,
            "summary": "Timed.",
            "source_publisher": "Me",
            "source_title": "Notes",
        },
    ]
    frame = _user_frame(rows, [shapely.Point(20.84, 42.9075), shapely.Point(20.84, 42.9075)])
    loaded = load_user_file("theirs.parquet", _geoparquet(frame), dataset)
    assert list(loaded.frame["id"]) == ["gp-1"] and loaded.frame["injured"].iloc[0] == 3
    assert loaded.frame["municipality"].iloc[0] == "mun-zvecan"
    assert [(p.row, p.column) for p in loaded.problems] == [(2, "date")] and "14:30" in loaded.problems[0].message


def test_other_geometries_and_projections_are_named(dataset: Dataset) -> None:
    rows = [row(1), row(2)]
    lines = _user_frame(rows, [shapely.Point(20.84, 42.9075), shapely.LineString([(20.8, 42.9), (20.9, 43.0)])])
    loaded = load_user_file("lines.parquet", _geoparquet(lines), dataset)
    assert [(p.row, p.column, p.message) for p in loaded.problems] == [
        (2, "geometry", "only Point geometries are supported")
    ]
    assert list(loaded.frame["id"]) == ["h-1"]
    projected = _user_frame(rows, [shapely.Point(20.84, 42.9075)] * 2).to_crs(3857)
    refused = load_user_file("mercator.parquet", _geoparquet(projected), dataset)
    assert not refused.readable and "WGS 84" in refused.problems[0].message and refused.frame.empty


def test_a_broken_parquet_file_is_refused_whole(dataset: Dataset, exported: bytes) -> None:
    broken = exported[:100] + b"\x00" * 200 + exported[-100:]
    loaded = load_user_file("broken.parquet", broken, dataset)
    assert (
        not loaded.readable
        and loaded.problems[0].row == 0
        and "not a readable Parquet file" in loaded.problems[0].message
    )
    table = pq.read_table(io.BytesIO(exported))
    future = table.replace_schema_metadata(
        {
            **table.schema.metadata,
            b"geo": json.dumps({**json.loads(table.schema.metadata[b"geo"]), "version": "2.0.0"}).encode(),
        }
    )
    buffer = io.BytesIO()
    pq.write_table(future, buffer)
    refused = load_user_file("future.parquet", buffer.getvalue(), dataset)
    assert "version '2.0.0' is not supported" in refused.problems[0].message


def _plain_parquet(content: bytes) -> bytes:
    """A CSV's cells as a Parquet file of text columns (what a spreadsheet tool may make of it)."""
    frame = pd.read_csv(io.BytesIO(content), dtype=str, keep_default_na=False)
    buffer = io.BytesIO()
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), buffer)
    return buffer.getvalue()


CELLS = [
    row(1),
    row(2, date="2023-02-30"),
    row(3, place_id="", lat="42.9075", lon="20.84028"),
    row(4, place_id="", lat="20.84028", lon="42.9075"),
    row(1),
    row(6, injured="5", counts_detail="injured:a=2;injured:b=2"),
    row(7, summary="{{ 7*7 }}"),
]


def test_plain_parquet_is_checked_like_the_same_csv(dataset: Dataset) -> None:
    context = replace(dataset.context, taken_ids=dataset.ids)
    content = csv_bytes(CELLS)
    as_csv = check_file("f.csv", content, context, columnar=False)
    as_parquet = check_file("f.parquet", _plain_parquet(content), context)
    assert [(p.row - 1, p.column, p.message) for p in as_csv.problems] == [
        (p.row, p.column, p.message) for p in as_parquet.problems
    ]
    pd.testing.assert_frame_equal(_records(as_parquet.frames["incident"]), _records(as_csv.frames["incident"]))


def test_parquet_rows_for_the_row_loader_agree_with_the_columnar_loader(dataset: Dataset, context: Context) -> None:
    checked = replace(context, taken_ids=dataset.ids)
    content = _plain_parquet(csv_bytes(CELLS))
    rows, problems = read_rows("f.parquet", content)
    frame, found = parse_rows(rows, "f.parquet", "incident", checked)
    columnar = check_file("f.parquet", content, checked)
    assert problems + found == columnar.problems
    pd.testing.assert_frame_equal(_records(frame), _records(columnar.frames["incident"]))


def test_an_acled_export_in_parquet_is_imported(tmp_path: Path) -> None:
    from tests.test_acled import ACLED_HEADER, BASE, EVENTS

    frame = pd.DataFrame([{**dict.fromkeys(ACLED_HEADER, ""), **BASE, **e} for e in EVENTS[:2]])
    source, out = tmp_path / "acled.parquet", tmp_path / "ours.csv"
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), source)
    assert main(["import-acled", str(source), "-o", str(out)]) == 0
    assert list(pd.read_csv(out, dtype=str)["id"]) == ["XKX1001", "XKX1002"]


_ = COLUMNS


def test_our_geojson_export_reads_back_too(dataset: Dataset, empty: Dataset) -> None:
    from components.export import to_geojson

    loaded = load_user_file("ours.geojson", to_geojson(dataset.incidents, dataset.deployments).encode(), empty)
    assert loaded.problems == () and loaded.deployments is not None
    assert list(loaded.frame["id"]) == list(dataset.incidents["id"])
    assert list(loaded.deployments["id"]) == list(dataset.deployments["id"])
    assert list(loaded.frame["sources"]) == list(dataset.incidents["sources"])


def test_sources_whose_text_holds_a_control_character_are_kept_exactly(dataset: Dataset, empty: Dataset) -> None:
    odd = {"publisher": "Odd\x1fPress", "title": "Two\x1eparts", "date": "2023-05-30", "url": ""}
    incidents = dataset.incidents.head(3).copy()
    incidents["sources"] = [[odd], [odd, odd], []]
    loaded = load_user_file("odd.parquet", to_geoparquet(incidents, dataset.deployments.iloc[0:0]), empty)
    assert list(loaded.frame["sources"]) == [[odd], [odd, odd]]  # the third cites nothing and is named
    assert [(p.row, p.column) for p in loaded.problems] == [(3, "source_ids")]


def test_with_points_makes_the_geodataframe_a_geometric_caller_needs(dataset: Dataset) -> None:
    frame = with_points(dataset.incidents)
    assert isinstance(frame, gpd.GeoDataFrame) and frame.crs.to_epsg() == 4326
    assert frame.geometry.x.tolist() == dataset.incidents["lon"].tolist()
    assert frame.geometry.y.tolist() == dataset.incidents["lat"].tolist()
    assert "geometry" not in dataset.incidents  # the records themselves stay two float columns


_SOURCE_TYPE = pa.list_(pa.struct([(k, pa.string()) for k in ("publisher", "title", "date", "url")]))
_FIELD_TEXT = st.one_of(st.none(), st.sampled_from(["", "Koha", "KoSSev", "a\x1fb", "c\x1ed", "https://x.org/1"]))
_SOURCE = st.one_of(st.none(), st.fixed_dictionaries({k: _FIELD_TEXT for k in ("publisher", "title", "date", "url")}))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), st.lists(_SOURCE, max_size=4)), max_size=25), st.integers(0, 3))
def test_sources_lists_read_as_each_rows_own_json(rows: list[object], cut: int) -> None:
    lists = pa.array(rows, _SOURCE_TYPE)
    lists = lists.slice(min(cut, len(lists)))  # a slice's offsets do not start at 0
    read = _sources_column(pa.chunked_array([lists], _SOURCE_TYPE))
    assert read.cast(pa.string()).to_pylist() == [_sources_text(value) for value in lists.to_pylist()]
