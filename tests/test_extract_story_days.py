"""Days counted from the story's day ("a day earlier", "sutradan", "një ditë më vonë"), claims of a relative clause,
and a relative clause's day never carried on to later sentences. Hand-written sentences, not corpus text."""

from __future__ import annotations

from datetime import date

import pytest

from geo.dataset import DATA_DIR
from geo.extract import extract
from geo.gazetteer import Gazetteer

PUBLISHED = date(2024, 3, 10)  # a Sunday


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_csv(DATA_DIR / "places.csv")


def _dates(text: str, gazetteer: Gazetteer, language: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for candidate in extract(text, PUBLISHED, gazetteer, language).candidates:
        found.setdefault(candidate.place_id, set()).add(candidate.date.isoformat())
    return found


STORY_DAYS = [
    (
        "en",
        "Gunmen opened fire on a patrol in Zubin Potok on Thursday. A day earlier, police arrested two men in Zvecan.",
        "zvecan",
        "2024-03-06",
    ),
    (
        "en",
        "Serbs blocked the road at Rudare on Thursday. Two days later, protesters gathered in Leposavic.",
        "leposavic",
        "2024-03-09",
    ),
    (
        "en",
        "A grenade was thrown in Zvecan on Friday. The previous evening, a car was set on fire in Leposavic.",
        "leposavic",
        "2024-03-07",
    ),
    (
        "sr",
        "Policija je u četvrtak uhapsila dvojicu muškaraca u Zvečanu. Sutradan je održan protest u Leposaviću.",
        "leposavic",
        "2024-03-08",
    ),
    (
        "sr",
        "U petak je bačena bomba u Zvečanu. Dan ranije je zapaljen automobil u Leposaviću.",
        "leposavic",
        "2024-03-07",
    ),
    (
        "sq",
        "Të enjten u arrestuan dy burra në Zveçan. Një ditë më vonë u mbajt një protestë në Leposaviq.",
        "leposavic",
        "2024-03-08",
    ),
]


@pytest.mark.parametrize(("language", "text", "place_id", "expected"), STORY_DAYS)
def test_days_counted_from_the_story(
    gazetteer: Gazetteer, language: str, text: str, place_id: str, expected: str
) -> None:
    assert expected in _dates(text, gazetteer, language)[place_id]


def test_a_day_after_a_clause_is_no_day_later(gazetteer: Gazetteer) -> None:
    text = "KFOR sent more troops to Zvecan on Tuesday, one day after dozens were hurt there in clashes."
    assert "2024-03-06" not in _dates(text, gazetteer, "en").get("zvecan", set())


def test_a_relative_clause_tells_its_own_claim(gazetteer: Gazetteer) -> None:
    text = (
        "KFOR troops arrived today near the Jarinje crossing, where police units have been deployed since last Monday."
    )
    assert {"2024-03-10", "2024-03-04"} <= _dates(text, gazetteer, "en")["jarinje"]


def test_a_relative_clause_day_is_not_carried_on(gazetteer: Gazetteer) -> None:
    text = (
        "KFOR soldiers guarded the town hall in Zvecan on Sunday, where protesters had clashed with police a day "
        "earlier. The soldiers also secured the town hall in Leposavic."
    )
    assert _dates(text, gazetteer, "en")["leposavic"] == {"2024-03-10"}
