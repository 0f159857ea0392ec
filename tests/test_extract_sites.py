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
