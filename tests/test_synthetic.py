"""Synthetic incidents look like the shipped ones, stay inside Kosovo, and load back through our checks."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from geo.dataset import Dataset, load_user_file

ROOT = Path(__file__).resolve().parent.parent


from benchmarks import synthetic  # noqa: E402


@pytest.fixture(scope="module")
def sample() -> pd.DataFrame:
    return synthetic.generate(20_000, seed=7)


def test_has_the_columns_and_dtypes_of_the_shipped_incidents(sample: pd.DataFrame, dataset: Dataset) -> None:
    assert list(sample.columns) == list(dataset.incidents.columns)
    assert dict(sample.dtypes) == dict(dataset.incidents.dtypes)


def test_every_point_lies_in_its_municipality(sample: pd.DataFrame, dataset: Dataset) -> None:
    municipalities = dataset.municipalities
    located = municipalities.locate_many(sample["lon"].to_numpy(), sample["lat"].to_numpy())
    assert (located != None).all()  # noqa: E711
    # Polygons of neighbours may overlap by a few metres, so allow a handful of disagreements.
    assert (located == sample["municipality"].to_numpy()).mean() > 0.999


def test_weights_the_north_and_spans_the_years(sample: pd.DataFrame, dataset: Dataset) -> None:
    north = sample["municipality"].isin(dataset.municipalities.northern).mean()
    assert 0.4 < north < 0.6  # 4 × 8 against 34 × 1
    assert sample["date"].min() >= pd.Timestamp("2021-01-01")
    assert sample["date"].max() <= pd.Timestamp("2024-12-31")
    assert set(sample["date"].dt.year) == {2021, 2022, 2023, 2024}
    assert sample["id"].is_unique
    assert sample["summary"].str.len().between(80, 140).all()


def test_is_deterministic_for_a_seed() -> None:
    first, again, other = synthetic.generate(2_000, 3), synthetic.generate(2_000, 3), synthetic.generate(2_000, 4)
    pd.testing.assert_frame_equal(first, again)
    assert not np.array_equal(first["lat"], other["lat"])


def test_written_csv_loads_back_without_problems(tmp_path: Path, dataset: Dataset) -> None:
    frame = synthetic.generate(100_000, seed=1)
    path = tmp_path / "synthetic.csv"
    synthetic.write_csv(frame, path)
    loaded = load_user_file(path.name, path.read_bytes(), dataset)
    assert loaded.problems == ()
    assert loaded.layer == "incident"
    assert len(loaded.frame) == len(frame)
    for column in ("id", "municipality", "date", "end_date", "event_type", "sub_event_type", "summary"):
        assert loaded.frame[column].equals(frame[column]), column
    for column in ("lat", "lon", "injured", "killed", "arrested"):
        np.testing.assert_allclose(loaded.frame[column], frame[column], equal_nan=True, err_msg=column)
    assert loaded.frame["arrested_at_least"].equals(frame["arrested_at_least"])
    assert loaded.frame["sources"].iloc[0] == frame["sources"].iloc[0]
