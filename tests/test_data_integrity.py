"""The shipped data keeps its promises: every row sourced, every point where it says, every file documented."""

from __future__ import annotations

import csv
from pathlib import Path

import shapely

from geo.boundaries import load_outline
from geo.dataset import Dataset

# Rows whose only sources have no known URL (the exception the README allows). Kept exact, so it cannot go stale.
ROWS_WITHOUT_A_URL: frozenset[str] = frozenset()


def test_every_record_cites_a_source_with_publisher_title_date_and_a_url(dataset: Dataset) -> None:
    without_url = set()
    for frame in (dataset.incidents, dataset.deployments):
        for record_id, sources in zip(frame["id"], frame["sources"], strict=True):
            assert sources, record_id
            for source in sources:
                assert source["publisher"] and source["title"] and source["date"], record_id
            if not any(source["url"] for source in sources):
                without_url.add(record_id)
    assert without_url == ROWS_WITHOUT_A_URL


def test_every_source_is_cited_and_has_a_url_unless_noted(data_dir: Path) -> None:
    sources = _csv(data_dir / "sources.csv")
    cited = {
        s for name in ("incidents.csv", "deployments.csv") for r in _csv(data_dir / name) for s in _ids(r["source_ids"])
    }
    cited |= {r["source_id"] for r in _csv(data_dir / "revisions.csv")}
    assert {s["id"] for s in sources} == cited
    for source in sources:
        assert source["url"] or "not known" in source["note"], source["id"]


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _ids(cell: str) -> list[str]:
    return [i for i in cell.split(";") if i]


def test_every_in_area_point_is_inside_kosovo_and_its_municipality(dataset: Dataset, data_dir: Path) -> None:
    outline = load_outline(data_dir / "boundaries" / "kosovo_outline.geojson")
    for frame in (dataset.incidents, dataset.deployments):
        for row in frame.itertuples():
            if not row.in_area:
                continue
            assert outline.contains(shapely.Point(row.lon, row.lat)), row.id
            if row.municipality:
                assert dataset.municipalities.locate(row.lon, row.lat) == row.municipality, row.id


def test_every_summary_is_there_and_short(dataset: Dataset) -> None:
    for frame in (dataset.incidents, dataset.deployments):
        for record_id, summary in zip(frame["id"], frame["summary"], strict=True):
            assert 20 <= len(summary) <= 600, record_id


def test_the_seed_report_is_on_the_map_with_kfors_corrected_count(dataset: Dataset) -> None:
    clash = dataset.incidents.set_index("id").loc["inc-2023-05-29-zvecan-town-hall"]
    assert clash["counts_detail"] == "injured:KFOR=93;injured:protesters=52+"
    assert (clash["injured"], clash["injured_at_least"]) == (145, True)
    assert "KFOR injured: 25 (N1, 29 May 2023)" in clash["history"]
    assert "30 (DW, 30 May 2023" in clash["history"] and "93 (KoSSev, 29 May 2024" in clash["history"]
    assert "shown: 93" in clash["history"]
    deployments = dataset.deployments.set_index("id")
    assert deployments.loc["dep-2023-05-30-orf-reinforcement", "strength"] == 700
    assert deployments.loc["dep-2023-06-04-turkish-commando-battalion", "part_of"] == "dep-2023-05-30-orf-reinforcement"
    guarded = set(deployments[deployments["kind"] == "guard_post"].loc[lambda d: d["date"] == "2023-05-29", "place_id"])
    assert {"zvecan", "leposavic", "zubin-potok", "ibar-bridge"} <= guarded


def test_the_record_reaches_the_present_and_every_year(dataset: Dataset) -> None:
    years = dataset.incidents["date"].dt.year.value_counts()
    assert len(dataset.incidents) > 100
    assert all(years.get(year, 0) > 0 for year in range(2021, 2027))


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


def test_every_site_place_cites_the_page_that_gives_its_point(data_dir: Path) -> None:
    sites = [p for p in _csv(data_dir / "places.csv") if p["precision"] == "site"]
    assert sites
    for place in sites:
        assert place["url"].startswith(("http://", "https://")), place["id"]


def test_no_two_places_share_a_point_unless_they_are_one_place(data_dir: Path) -> None:
    by_point: dict[tuple[str, str], list[dict[str, str]]] = {}
    for place in _csv(data_dir / "places.csv"):
        by_point.setdefault((place["lat"], place["lon"]), []).append(place)
    for shared in (group for group in by_point.values() if len(group) > 1):
        for place in shared:
            others = [p for p in shared if p is not place]
            assert any(_one_place(place, other) for other in others), (place["id"], [p["id"] for p in others])


def _one_place(a: dict[str, str], b: dict[str, str]) -> bool:
    """One borrows the other's point, or lists it among its own ids."""
    return any(x["id"] in (y["point_from"], *y["same_as"].split("|")) for x, y in ((a, b), (b, a)))
