"""The shipped data keeps its promises: every row sourced, every point where it says, every file documented."""

from __future__ import annotations

import csv
from pathlib import Path

from geo.boundaries import load_outline
from geo.dataset import Dataset


def test_every_record_cites_a_source_with_publisher_title_and_date(dataset: Dataset) -> None:
    for frame in (dataset.incidents, dataset.deployments):
        for record_id, sources in zip(frame["id"], frame["sources"], strict=True):
            assert sources, record_id
            for source in sources:
                assert source["publisher"] and source["title"] and source["date"], record_id


def test_every_in_area_point_is_inside_kosovo_and_its_municipality(dataset: Dataset, data_dir: Path) -> None:
    outline = load_outline(data_dir / "boundaries" / "kosovo_outline.geojson")
    for frame in (dataset.incidents, dataset.deployments):
        for row in frame.itertuples():
            if not row.in_area:
                continue
            assert outline.contains(row.geometry), row.id
            if row.municipality:
                assert dataset.municipalities.locate(row.lon, row.lat) == row.municipality, row.id


def test_every_summary_is_there_and_short(dataset: Dataset) -> None:
    for frame in (dataset.incidents, dataset.deployments):
        for record_id, summary in zip(frame["id"], frame["summary"], strict=True):
            assert 20 <= len(summary) <= 600, record_id


def test_the_seed_report_is_on_the_map(dataset: Dataset) -> None:
    clash = dataset.incidents.set_index("id").loc["inc-2023-05-29-zvecan-town-hall"]
    assert clash["counts_detail"] == "injured:KFOR=30;injured:protesters=52+"
    assert (clash["injured"], clash["injured_at_least"]) == (82, True)
    deployments = dataset.deployments.set_index("id")
    assert deployments.loc["dep-2023-05-30-orf-reinforcement", "strength"] == 700
    guarded = set(deployments[deployments["kind"] == "guard_post"].loc[lambda d: d["date"] == "2023-05-30", "place_id"])
    assert {"zvecan", "leposavic", "zubin-potok"} <= guarded


def test_data_readme_documents_every_data_file(data_dir: Path) -> None:
    readme = (data_dir / "README.md").read_text(encoding="utf-8")
    files = [p.relative_to(data_dir).as_posix() for p in data_dir.rglob("*") if p.is_file() and p.name != "README.md"]
    assert files
    for name in files:
        assert f"`{name}`" in readme, f"data/{name} is not described in data/README.md"


def test_every_place_cites_its_coordinate_source(data_dir: Path) -> None:
    with open(data_dir / "places.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            assert row["source"] and row["coord_basis"] and row["precision"], row["id"]
            assert ("GeoNames" in row["source"]) == bool(row["geonames_id"]) or row["kind"] == "military_base", row[
                "id"
            ]
