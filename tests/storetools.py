"""Test helpers for the store's command line (a pytest plugin: the `kosovo_map` fixture)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from cli import main

__all__ = ["Done", "kosovo_map"]


@dataclass
class Done:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def kosovo_map(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Callable[..., Done]:
    """Run `kosovo-map ARGS` in this process with KOSOVO_MAP_STORE set to a store (fast: no start-up per call)."""

    def run(target: str, *args: str) -> Done:
        monkeypatch.setenv("KOSOVO_MAP_STORE", target)
        capsys.readouterr()
        code = main(list(args))
        captured = capsys.readouterr()
        return Done(code, captured.out, captured.err)

    return run
