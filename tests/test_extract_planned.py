"""News extraction: an incident announced, called for or planned has not happened, and a speaker's noun is no
event ("protesters said they will block the road"). A deployment announced is still one. Sentences are
own-written, in the style of local reports."""

from __future__ import annotations

from datetime import date

import pytest

from geo.dataset import DATA_DIR
from geo.extract import extract
from geo.gazetteer import Gazetteer

PUBLISHED = date(2023, 5, 29)  # a Monday


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_csv(DATA_DIR / "places.csv")


def _found(text: str, gazetteer: Gazetteer) -> set[tuple[str, str | None, str, str]]:
    return {
        (c.kind, c.event_type or c.deployment_kind, c.place_id, c.date.isoformat())
        for c in extract(text, PUBLISHED, gazetteer).candidates
    }


PLANNED = [
    "The Serb List called for a protest in Zvečan on Friday.",
    "A protest is planned in Leposavić for Thursday.",
    "Protesters said they will block the road to Jarinje on Tuesday.",
    "Serbian protesters in Zvečan have warned of a bigger protest if the police do not leave by Wednesday.",
    "Srbi su najavili protest u Zvečanu za petak.",
    "Demonstranti su upozorili da će blokirati put ka Jarinju u utorak.",
    "Srpska lista pozvala je građane na protest u Zvečanu u petak.",
    "Protest u Leposaviću zakazan je za četvrtak.",
    "Protestuesit paralajmëruan se do të bllokojnë rrugën për në Jarinjë të martën.",
    "Lista Serbe ka thirrur një protestë në Zveçan të premten.",
    "Një protestë është paralajmëruar në Leposaviq për të enjten.",
    "Protesters will gather in Zvečan tomorrow.",
    "Sutra novi protest u Zvečanu.",
    "Protesta në Zveçan mbahet nesër.",
]


@pytest.mark.parametrize("text", PLANNED)
def test_a_planned_incident_is_no_event(gazetteer: Gazetteer, text: str) -> None:
    assert _found(text, gazetteer) == set()


HAPPENED = [
    ("Protesters blocked the road to Jarinje on Sunday and said they will stay.", "Protests", "jarinje"),
    ("Protesters said police used tear gas in Zvečan on Sunday.", "Riots", "zvecan"),
    ("Police announced the arrest of two men in Zvečan on Sunday.", "Strategic developments", "zvecan"),
    ("Demonstranti su u nedelju blokirali put ka Jarinju i rekli da će ostati.", "Protests", "jarinje"),
    ("Protestuesit bllokuan rrugën për në Jarinjë të dielën.", "Protests", "jarinje"),
]


@pytest.mark.parametrize(("text", "typed", "place"), HAPPENED)
def test_what_happened_beside_a_plan_or_a_speaker_stays(
    gazetteer: Gazetteer, text: str, typed: str, place: str
) -> None:
    assert _found(text, gazetteer) == {("incident", typed, place, "2023-05-28")}


FUTURE_DATED = [
    "The protests in Zvečan erupted after Prime Minister Kurti ordered Serbs to change their plates by 9 June.",
    "Drugi krug izbora u Zvečanu biće održan 9. juna.",
    "Raundi i dytë i zgjedhjeve në Zveçan është më 9 qershor.",
]


@pytest.mark.parametrize("text", FUTURE_DATED)
def test_an_incident_dated_after_the_report_is_no_event(gazetteer: Gazetteer, text: str) -> None:
    """A deadline or a vote to come: the only day the sentence gives is after the day of the report."""
    assert _found(text, gazetteer) == set()


def test_an_announced_deployment_is_one(gazetteer: Gazetteer) -> None:
    found = _found("NATO said on Monday it will send 700 more troops to Kosovo.", gazetteer)
    assert {(kind, place) for kind, _, place, _ in found} == {("deployment", "kosovo")}
