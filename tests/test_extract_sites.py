"""News extraction: where an event is. A town set beside a village by a comma or in brackets says where the
village is; a list of places goes on with "and"; an event held somewhere happened there, while a man held
somewhere was detained. Sentences are own-written, in the style of local reports."""

from __future__ import annotations

from datetime import date

import pytest

from geo.dataset import DATA_DIR
from geo.extract import extract
from geo.gazetteer import Gazetteer

PUBLISHED = date(2023, 9, 25)  # a Monday


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_csv(DATA_DIR / "places.csv")


def _places(text: str, gazetteer: Gazetteer) -> list[str]:
    return [c.place_id for c in extract(text, PUBLISHED, gazetteer).candidates]


APPOSED = [
    "Gunmen opened fire on a police patrol in the village of Banjska, Zvečan, on Sunday.",
    "Gunmen opened fire on a police patrol in Banjska, Zvečan municipality, on Sunday.",
    "Gunmen opened fire on a police patrol in the village of Banjska (Zvečan) on Sunday.",
    "On Sunday gunmen opened fire on a police patrol in the village of Banjska, Zvečan.",
    # Reporters locate a village by the town they know, whatever the municipality on record.
    "Gunmen opened fire on a police patrol in the village of Banjska, Leposavić, 55 km north of Pristina, on Sunday.",
    "Naoružani napadači otvorili su vatru na policijsku patrolu u selu Banjska, Zvečan, u nedelju.",
]


@pytest.mark.parametrize("text", APPOSED)
def test_a_town_set_beside_a_village_says_where_it_is(gazetteer: Gazetteer, text: str) -> None:
    assert _places(text, gazetteer) == ["banjska"]


@pytest.mark.parametrize(
    "text",
    [
        "Protesters gathered on Sunday in Banjska, Zvečan and Leposavić.",
        "Demonstranti su se u nedelju okupili u Banjskoj, Zvečanu i Leposaviću.",
    ],
)
def test_a_list_of_places_is_no_apposition(gazetteer: Gazetteer, text: str) -> None:
    assert _places(text, gazetteer) == ["banjska", "zvecan", "leposavic"]


HELD = [
    ("A protest was held in Zvečan on Sunday.", ["zvecan"]),
    ("Protests were held on Sunday in Banjska, Zvečan and Leposavić.", ["banjska", "zvecan", "leposavic"]),
    ("Serbs held a peaceful protest outside the municipal building in Zvečan on Sunday.", ["zvecan"]),
    ("A rally was held in North Mitrovica on Sunday.", ["mitrovica-north"]),
    ("A man was held in Zvečan for questioning on Sunday.", []),  # a detention's place is told in passing
]


@pytest.mark.parametrize(("text", "places"), HELD)
def test_an_event_held_somewhere_happened_there(gazetteer: Gazetteer, text: str, places: list[str]) -> None:
    assert _places(text, gazetteer) == places


TOLD_AFTER = [
    (
        "A hand grenade was thrown into the yard of a house on Sunday. The incident happened in the village of "
        "Žerovnica.",
        "gn-783909",
    ),
    ("On Sunday, an explosion damaged a house. It happened in Zvečan.", "zvecan"),
    ("Ručna bomba bačena je u nedelju u dvorište jedne kuće. Incident se dogodio u selu Žerovnica.", "gn-783909"),
    (
        "Një mjet shpërthyes është hedhur në oborrin e një shtëpie të dielën. Ngjarja ka ndodhur në Zherovnicë.",
        "gn-783909",
    ),
]


@pytest.mark.parametrize(("text", "place"), TOLD_AFTER)
def test_an_event_told_first_is_placed_by_the_sentence_that_says_where(
    gazetteer: Gazetteer, text: str, place: str
) -> None:
    found = extract(text, PUBLISHED, gazetteer).candidates
    assert [(c.event_type, c.place_id, c.date.isoformat()) for c in found] == [
        ("Explosions/Remote violence", place, "2023-09-24")
    ]


DATELINED = [
    "ZVEČAN – Two men were arrested on Sunday, police said.",
    "ZVECAN, Kosovo (AP) — Two men were arrested on Sunday, police said.",
    "ZVEČAN – Dvojica muškaraca uhapšena su u nedelju, saopštila je policija.",
    "ZVEÇAN – Dy burra u arrestuan të dielën, tha policia.",
]


@pytest.mark.parametrize("text", DATELINED)
def test_the_dateline_places_an_event_of_its_own_sentence(gazetteer: Gazetteer, text: str) -> None:
    """The town of the dateline is where the story is from its first sentence on; "…, police said" after
    the event names who told it, not a speaker's noun."""
    found = extract(text, PUBLISHED, gazetteer).candidates
    assert [(c.event_type, c.place_id, c.date.isoformat()) for c in found] == [
        ("Strategic developments", "zvecan", "2023-09-24")
    ]


def test_a_past_month_s_event_is_background(gazetteer: Gazetteer) -> None:
    """The story's shooting stays; "the September 2023 attack in Banjska" and the barricades "since December"
    (dated to a month before the report's, with no day) are background, and so is what the next sentence adds."""
    text = (
        "Police said shots were fired at a patrol in Zupče on Sunday. Asked whether it was linked to the "
        "September 2022 attack in Banjska, a police spokesman said it was too early to say. Tension has run high "
        "since July, when Serbs put up barricades. The barricades were removed at the end of the month."
    )
    found = extract(text, PUBLISHED, gazetteer).candidates
    assert [(c.event_type, c.place_id, c.date.isoformat()) for c in found] == [("Battles", "gn-783781", "2023-09-24")]


def test_the_same_event_told_twice_is_one_row(gazetteer: Gazetteer) -> None:
    """The shooting told again six sentences on, past the reach of merging, is the same row."""
    text = (
        "Police opened fire on a car at the checkpoint in Zvečan on Monday. The office in Belgrade said the "
        "passenger was wounded. He was taken to hospital in Kraljevo. The driver escaped unharmed. Police gave a "
        "different account. They said the driver had refused to stop. The officers opened fire because they "
        "feared for their lives."
    )
    found = extract(text, PUBLISHED, gazetteer).candidates
    keys = [(c.kind, c.event_type, c.place_id, c.date) for c in found]
    assert len(keys) == len(set(keys))
