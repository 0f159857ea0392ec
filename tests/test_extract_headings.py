"""News extraction: a title or a lead line without a full stop still tells the story. What it tells is proposed
when the body tells nothing of its type, on the day the story opens with; a caption is not read. Sentences are
own-written, in the style of local reports."""

from __future__ import annotations

from datetime import date

import pytest

from geo.dataset import DATA_DIR
from geo.extract import extract
from geo.gazetteer import Gazetteer

PUBLISHED = date(2024, 3, 17)  # a Sunday


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_csv(DATA_DIR / "places.csv")


def _found(text: str, gazetteer: Gazetteer) -> list[tuple[str | None, str, str]]:
    found = extract(text, PUBLISHED, gazetteer).candidates
    return [(c.event_type or c.deployment_kind, c.place_id, c.date.isoformat()) for c in found]


ARREST = ("Strategic developments", "zvecan", "2024-03-16")
TITLE_ONLY = [
    "Protesters block the road to Jarinje\n\nOn Saturday, police arrested two men in Zvečan.",
    "Серби блокирали пут код Јариња\n\nПолиција је у суботу ухапсила двојицу мушкараца у Звечану.",
    "Serbët bllokojnë rrugën drejt Jarinjës\n\nTë shtunën policia arrestoi dy burra në Zveçan.",
]


@pytest.mark.parametrize("text", TITLE_ONLY)
def test_a_title_tells_what_the_body_does_not_on_the_story_s_day(gazetteer: Gazetteer, text: str) -> None:
    """The blockade is told only in the title: it is proposed first (text order), on the arrest's day."""
    assert _found(text, gazetteer) == [("Protests", "jarinje", "2024-03-16"), ARREST]


def test_a_title_s_event_that_the_body_tells_is_told_once(gazetteer: Gazetteer) -> None:
    """The title names the town and the body the bridge in it: one protest, at the bridge."""
    text = (
        "Protest in North Mitrovica against opening the bridge\n\n"
        "Hundreds of people protested near the main bridge on the Ibar on Saturday."
    )
    assert _found(text, gazetteer) == [("Protests", "ibar-bridge", "2024-03-16")]


def test_a_caption_is_not_read(gazetteer: Gazetteer) -> None:
    text = (
        "Foto: KFOR vojnici ispred opštine Zvečan na barikadi\n\n"
        "Policija je u subotu uhapsila jednog muškarca u Zvečanu."
    )
    assert _found(text, gazetteer) == [ARREST]


def test_a_short_line_is_no_title(gazetteer: Gazetteer) -> None:
    """A section name or a menu item is no title, even with a place and a trigger word in it."""
    assert _found("Protests Zvečan\n\nOn Saturday, police arrested two men in Zvečan.", gazetteer) == [ARREST]


def test_lines_after_the_story_are_not_read(gazetteer: Gazetteer) -> None:
    """A link to another story below the body tells of another day."""
    text = "On Saturday, police arrested two men in Zvečan.\n\nRead more: Protesters block the road to Jarinje"
    assert _found(text, gazetteer) == [ARREST]


def test_a_title_s_seizure_is_no_arrest_of_the_body(gazetteer: Gazetteer) -> None:
    """Strategic developments are told apart by their sub-type: the title's find of weapons stands beside the
    body's arrests."""
    text = (
        "Policija pronašla oružje i oklopno vozilo u selu Banjska\n\n"
        "Policija je u subotu uhapsila dvojicu muškaraca u Zvečanu."
    )
    assert _found(text, gazetteer) == [("Strategic developments", "banjska", "2024-03-16"), ARREST]


def test_the_sentence_shown_tells_the_type(gazetteer: Gazetteer) -> None:
    """The title tells of the police entering the town hall and the lead of a clash there: the riot is shown by
    the clash, the police's entry (a strategic development, told again in the body) by its own sentence."""
    text = (
        "Policija ušla u zgradu opštine Zvečan\n\n"
        "Bačen suzavac, a došlo je do sukoba između okupljenih i policije u Zvečanu\n\n"
        "Pripadnici policije ušli su u subotu u zgradu opštine Zvečan."
    )
    shown = {c.event_type: c.evidence.text for c in extract(text, PUBLISHED, gazetteer).candidates}
    assert shown["Riots"].startswith("Bačen suzavac")
