"""Shared fixtures: the shipped data, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.dataset import DATA_DIR, Dataset, load_dataset
from geo.incidents import Context

ROOT = Path(__file__).resolve().parent.parent
# A throwaway PostgreSQL + PostGIS cluster, and the store CLI runner, for the store's tests.
pytest_plugins = ("tests.postgres", "tests.storetools")


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset()


@pytest.fixture(scope="session")
def context(dataset: Dataset) -> Context:
    return dataset.context


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA_DIR


@pytest.fixture(autouse=True, scope="session")
def _private_store(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never touch the user's real store: KOSOVO_MAP_HOME points at a fresh folder."""
    import os

    os.environ["KOSOVO_MAP_HOME"] = str(tmp_path_factory.mktemp("kosovo-map-home"))
