"""Troop totals count a contingent once inside its larger deployment, per force."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.dataset import Dataset
from geo.deployments import TroopTotal, troop_totals


def _frame(*rows: tuple[str, str, float | None, bool, str, str | None]) -> pd.DataFrame:
    columns = ["id", "force", "strength", "strength_at_least", "part_of", "end_date"]
    return pd.DataFrame([dict(zip(columns, row, strict=True)) for row in rows])


TOTALS = [
    # (rows: id, force, strength, at least, part_of, end; expected (force, strength, at_least) per force)
    ([("a", "KFOR", 500, False, "", None)], [("KFOR", 500, False)]),
    # a contingent inside a shown larger deployment is not added again
    ([("a", "NATO", 700, False, "", None), ("b", "KFOR", 500, False, "a", None)], [("NATO", 700, False)]),
    # ... unless it is shown alone
    ([("b", "KFOR", 500, False, "a", None)], [("KFOR", 500, False)]),
    # a parent without a figure counts its contingents, and the total is a lower bound
    (
        [
            ("p", "NATO", None, False, "", None),
            ("u", "KFOR", 500, True, "p", None),
            ("r", "KFOR", 130, True, "p", None),
        ],
        [("NATO", 630, True)],
    ),
    # chains: the 200 inside the battalion inside the reinforcement
    (
        [
            ("p", "NATO", None, False, "", None),
            ("u", "KFOR", 500, True, "p", None),
            ("f", "KFOR", 200, False, "u", None),
        ],
        [("NATO", 500, True)],
    ),
    # contingents adding up to more than the parent's own figure: the parent's figure was low
    (
        [
            ("p", "NATO", 300, False, "", None),
            ("x", "KFOR", 200, False, "p", None),
            ("y", "KFOR", 250, False, "p", None),
        ],
        [("NATO", 450, False)],
    ),
    # forces apart; a deployment without a figure makes its force's total a lower bound
    (
        [
            ("a", "KFOR", 220, False, "", None),
            ("e", "EULEX", 105, False, "", None),
            ("k", "KFOR", None, False, "", None),
        ],
        [("KFOR", 220, True), ("EULEX", 105, False)],
    ),
    # a loop (refused by validate) does not hang the count
    ([("a", "KFOR", 10, False, "b", None), ("b", "KFOR", 20, False, "a", None)], [("KFOR", 30, False)]),
]


@pytest.mark.parametrize(("rows", "expected"), TOTALS)
def test_troop_totals(rows: list[tuple], expected: list[tuple[str, int, bool]]) -> None:
    assert [(t.force, t.strength, t.at_least) for t in troop_totals(_frame(*rows))] == expected


def test_a_total_says_what_it_counted_and_what_has_no_end() -> None:
    rows = _frame(
        ("p", "NATO", None, False, "", None),
        ("u", "KFOR", 500, True, "p", "2024-01-26"),
        ("r", "KFOR", 130, True, "p", None),
    )
    (total,) = troop_totals(rows)
    assert total == TroopTotal("NATO", 630, True, ("u", "r"), ("p",), open_ended=130)
    assert str(total) == "NATO: 630+"


def test_no_deployments_no_totals() -> None:
    assert troop_totals(_frame()) == []


def test_the_shipped_turkish_battalion_is_counted_inside_natos_700(dataset: Dataset) -> None:
    day = pd.Timestamp("2023-07-01")
    deployments = dataset.deployments
    shown = deployments[
        (deployments["date"] <= day) & (deployments["end_date"].isna() | (deployments["end_date"] >= day))
    ]
    nato = {t.force: t for t in troop_totals(shown)}["NATO"]
    assert nato.strength == 700 and "dep-2023-05-30-orf-reinforcement" in nato.counted
    assert "dep-2023-06-04-turkish-commando-battalion" not in nato.counted
