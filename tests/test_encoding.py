"""The compact payload: quantised points round-trip within their step, codes decode to the records' values."""

from __future__ import annotations

import base64
import gzip
import json
import struct

import numpy as np
import pandas as pd
import pyarrow as pa
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


def _wire_header(payload: str) -> dict:
    """The header as shipped, before decode_container undoes the compact forms."""
    body = gzip.decompress(base64.b64decode(payload))
    (length,) = struct.unpack("<I", body[4:8])
    return json.loads(body[8 : 8 + length])


def test_synthetic_records_come_back_whole_from_the_compact_forms() -> None:
    frame = generate(5_000, seed=3)
    encoded = encode_layer(frame, "incident", with_text=True)
    wire = _wire_header(encoded.payload)
    assert wire["v"] == 2 and wire["planes"] and "id" in wire["numbered"]
    assert {"cat", "sub", "muni"} <= set(wire["groups"])
    header, arrays = decode_container(encoded.payload)
    rows = frame.iloc[encoded.order]

    def texts(field: str) -> list:
        return [header["dicts"][field][code] for code in arrays[field]]

    assert texts("id") == list(rows["id"])
    assert texts("summary") == list(rows["summary"])
    assert texts("sub") == list(rows["sub_event_type"])
    assert texts("muni") == list(rows["municipality"])
    assert [header["dicts"]["cat"][code] for code in arrays["cat"]] == list(rows["event_type"])
    actors = [" vs ".join(a for a in pair if a) for pair in zip(rows["actor1"], rows["actor2"].fillna(""), strict=True)]
    assert texts("actors") == actors


@pytest.mark.parametrize(
    ("ids", "numbered"),
    [
        (["syn-0001", "syn-0420", "syn-0007"], True),
        (["0099", "1000", "0100"], True),  # leading zeros come back
        (["a-7", "a-10", "a-9"], False),  # widths differ
        (["ž-01", "ž-02", "ž-03"], False),  # not an ASCII prefix
        (["x-01", "x-0b", "x-02"], False),  # not all digits
        (["inc-2023-05-29-zvecan", "inc-2021-09-20-jarinje", "inc-2024-01-01-other"], False),
    ],
)
def test_per_record_ids_round_trip_numbered_or_as_text(ids: list[str], numbered: bool) -> None:
    frame = generate(len(ids), seed=2).assign(id=pd.array(ids, dtype="str"))
    encoded = encode_layer(frame, "incident", with_text=True)
    assert ("id" in _wire_header(encoded.payload)["numbered"]) is numbered
    header, arrays = decode_container(encoded.payload)
    assert [header["dicts"]["id"][c] for c in arrays["id"]] == list(frame["id"].iloc[encoded.order])


def test_missing_text_is_empty_and_keeps_its_record() -> None:
    frame = generate(4, seed=4).assign(summary=pd.array(["first", None, "third", "fourth"], dtype="str"))
    encoded = encode_layer(frame, "incident", with_text=True)
    header, arrays = decode_container(encoded.payload)
    expected = list(frame["summary"].fillna("").iloc[encoded.order])
    assert [header["dicts"]["summary"][c] for c in arrays["summary"]] == expected


def test_frames_joined_from_several_files_encode_like_one() -> None:
    joined = pd.concat([generate(300, seed=8), generate(200, seed=9)], ignore_index=True)
    assert pa.array(joined["summary"], from_pandas=True).num_chunks > 1  # what the loader's joins give
    header, arrays = decode_container(encode_layer(joined, "incident", with_text=True).payload)
    single = joined.copy()
    for column in ("id", "summary", "event_type", "actor1", "actor2", "municipality"):
        single[column] = pd.array(list(joined[column]), dtype="str")
    expected = decode_container(encode_layer(single, "incident", with_text=True).payload)
    assert header == expected[0]
    assert all((arrays[name] == expected[1][name]).all() for name in arrays)
