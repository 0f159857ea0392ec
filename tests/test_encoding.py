"""The compact payload: quantised points round-trip within their step, codes decode to the records' values."""

from __future__ import annotations

import numpy as np
import pytest

from benchmarks.synthetic import generate
from components.encoding import EPOCH, REGION_BOX, decode_container, encode_layer, quantise
from geo.dataset import Dataset


def _step(box: tuple[float, float, float, float]) -> tuple[float, float]:
    return (box[2] - box[0]) / 65535, (box[3] - box[1]) / 65535


def test_quantised_points_round_trip_within_half_a_step() -> None:
    rng = np.random.default_rng(1)
    lon, lat = rng.uniform(REGION_BOX[0], REGION_BOX[2], 10_000), rng.uniform(REGION_BOX[1], REGION_BOX[3], 10_000)
    x, y = quantise(lon, lat, REGION_BOX)
    dx, dy = _step(REGION_BOX)
    assert np.abs(REGION_BOX[0] + x * dx - lon).max() <= dx / 2 + 1e-12
    assert np.abs(REGION_BOX[1] + y * dy - lat).max() <= dy / 2 + 1e-12
    assert dx * 111_320 * np.cos(np.radians(42.5)) < 2.5 and dy * 110_574 < 2.6  # metres, as the docs say


def test_a_layer_decodes_to_its_records(dataset: Dataset) -> None:
    names = dataset.municipalities.frame["name_en"].to_dict()
    encoded = encode_layer(dataset.incidents, "incident", municipality_names=names, with_text=True)
    header, arrays = decode_container(encoded.payload)
    rows = dataset.incidents.iloc[encoded.order]
    dx, dy = _step(header["box"])
    assert np.abs(header["box"][0] + arrays["x"] * dx - rows["lon"].to_numpy()).max() <= dx
    assert np.abs(header["box"][1] + arrays["y"] * dy - rows["lat"].to_numpy()).max() <= dy
    days = (rows["date"].to_numpy("datetime64[D]") - EPOCH).astype(int)
    assert (arrays["day"] == days).all() and (np.diff(arrays["day"].astype(int)) >= 0).all()
    ids = [header["dicts"]["id"][c] for c in arrays["id"]]
    assert ids == list(rows["id"])
    zvecan = ids.index("inc-2023-05-29-zvecan-town-hall")
    assert header["dicts"]["counts"][arrays["counts"][zvecan]] == "145+||"  # KFOR's later count of 93 injured


def test_deployments_carry_open_ended_spans_and_strength(dataset: Dataset) -> None:
    encoded = encode_layer(dataset.deployments, "deployment")
    header, arrays = decode_container(encoded.payload)
    rows = dataset.deployments.iloc[encoded.order]
    spans = [header["dicts"]["span"][c] for c in arrays["span"]]
    assert [s == -1 for s in spans] == list(rows["end_date"].isna())
    orf = list(rows["id"]).index("dep-2023-05-30-orf-reinforcement")
    assert header["dicts"]["counts"][arrays["counts"][orf]] == "700"


@pytest.mark.parametrize("n", [100_000])
def test_the_app_payload_stays_under_16_bytes_per_point(n: int) -> None:
    encoded = encode_layer(generate(n), "incident")
    assert len(encoded.payload) / n <= 16
    header, arrays = decode_container(encoded.payload)
    assert header["n"] == n and all(len(a) == n for a in arrays.values())


def test_the_same_records_give_the_same_bytes(dataset: Dataset) -> None:
    first = encode_layer(dataset.incidents, "incident", with_text=True)
    second = encode_layer(dataset.incidents.copy(), "incident", with_text=True)
    assert first.payload == second.payload and first.token == second.token
