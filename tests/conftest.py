"""Shared fixtures: the shipped data, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.dataset import DATA_DIR, Dataset, load_dataset
from geo.incidents import Context

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset()


@pytest.fixture(scope="session")
def context(dataset: Dataset) -> Context:
    return dataset.context


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA_DIR
