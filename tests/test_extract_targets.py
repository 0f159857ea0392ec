"""News extraction: who was attacked decides the event type. An attack on the police, KFOR or a patrol is no
violence against civilians; told without a weapon it is mob violence (as the record codes stones, bottles and
blows against the police), and a weapon named for it nearby gives the type. Sentences are own-written, in the
style of local reports."""

from __future__ import annotations

from datetime import date

import pytest

from geo.dataset import DATA_DIR
from geo.extract import extract
from geo.gazetteer import Gazetteer

PUBLISHED = date(2023, 6, 14)  # a Wednesday


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_csv(DATA_DIR / "places.csv")


def _incidents(text: str, gazetteer: Gazetteer) -> set[tuple[str | None, str | None, str, str]]:
    found = extract(text, PUBLISHED, gazetteer).candidates
    return {(c.event_type, c.sub_event_type, c.place_id, c.date.isoformat()) for c in found if c.kind == "incident"}


def _kinds(text: str, gazetteer: Gazetteer) -> set[str]:
    return {c.kind for c in extract(text, PUBLISHED, gazetteer).candidates}


MOB = ("Riots", "Mob violence")
ATTACK = ("Violence against civilians", "Attack")

# (text, the type and sub-type, place, day)
TARGETS = [
    ("Two Kosovo police officers were attacked by a group of men in Zvečan on Monday night.", MOB, "zvecan", 12),
    ("A KFOR patrol was attacked near Zubin Potok on Tuesday; no one was hurt.", MOB, "zubin-potok", 13),
    ("Unknown persons attacked a police vehicle in Leposavić on Sunday and broke its windows.", MOB, "leposavic", 11),
    ("A man attacked a police officer at the Jarinje crossing on Friday.", MOB, "jarinje", 9),
    ("Dvojica pripadnika Kosovske policije napadnuta su u ponedeljak uveče u Zvečanu.", MOB, "zvecan", 12),
    ("Patrola Kfora napadnuta je u utorak kod Zubinog Potoka, niko nije povređen.", MOB, "zubin-potok", 13),
    ("Nepoznata lica napala su u nedelju policijsko vozilo u Leposaviću.", MOB, "leposavic", 11),
    ("Dy policë të Kosovës u sulmuan të hënën në mbrëmje në Zveçan.", MOB, "zvecan", 12),
    ("Një patrullë e KFOR-it është sulmuar të martën afër Zubin Potokut.", MOB, "zubin-potok", 13),
    ("Të premten në Zveçan është sulmuar patrulla policore e Kosovës.", MOB, "zvecan", 9),
    # A civilian victim stays one; so does a victim of whom the police only speak.
    ("A Serb man was attacked by unknown persons in North Mitrovica on Saturday.", ATTACK, "mitrovica-north", 10),
    ("Police said two young men were attacked in North Mitrovica on Saturday.", ATTACK, "mitrovica-north", 10),
    ("Jedan Srbin napadnut je u subotu u Severnoj Mitrovici.", ATTACK, "mitrovica-north", 10),
    ("Një serb u sulmua të shtunën në Mitrovicën e Veriut nga persona të panjohur.", ATTACK, "mitrovica-north", 10),
    # A weapon told for the attack in the next sentence gives the type.
    (
        "A police patrol was attacked in the village of Banjska on Sunday. The attackers opened fire on the officers.",
        ("Battles", "Armed clash"),
        "banjska",
        11,
    ),
    (
        "Të dielën në fshatin Banjska është sulmuar patrulla policore. Sulmuesit kanë qëlluar drejt policëve.",
        ("Battles", "Armed clash"),
        "banjska",
        11,
    ),
]


BATTLE = ("Battles", "Armed clash")
# A firearm named for the attack makes it a battle; a find of weapons stays a find.
TARGETS += [
    ("A police border patrol was attacked with firearms on Tuesday in the village of Zupče.", BATTLE, "gn-783781", 13),
    ("Granična patrola policije napadnuta je u utorak iz vatrenog oružja u selu Zupče.", BATTLE, "gn-783781", 13),
    ("Një njësi e policisë kufitare u sulmua të martën me armë zjarri në fshatin Zupç.", BATTLE, "gn-783781", 13),
    (
        "Police found two rifles and ammunition in a house in Zupče on Tuesday.",
        ("Strategic developments", "Other"),
        "gn-783781",
        13,
    ),
]


@pytest.mark.parametrize(("text", "typed", "place", "day"), TARGETS)
def test_who_was_attacked_decides_the_type(
    gazetteer: Gazetteer, text: str, typed: tuple[str, str], place: str, day: int
) -> None:
    assert _incidents(text, gazetteer) == {(*typed, place, f"2023-06-{day:02d}")}


@pytest.mark.parametrize(
    "text",
    [
        "Patrola Kfora napadnuta je u utorak kod Zubinog Potoka.",  # the participle before its auxiliary
        # The patrol's word far from the attack's, in a clause of its own or a phrase of time.
        "Policia e Kosovës dhe KFOR-i janë sulmuar të martën afër Zubin Potokut teksa ishin duke patrulluar.",
        "Gjatë patrullimit afër Zubin Potokut, njësia e policisë u sulmua me gurë të martën.",
        "Një patrullë e KFOR-it është sulmuar të martën afër Zubin Potokut.",
    ],
)
def test_an_attacked_patrol_is_no_deployment_in_either_word_order(gazetteer: Gazetteer, text: str) -> None:
    assert _kinds(text, gazetteer) == {"incident"}


def test_a_repeat_told_on_a_day_of_its_own_does_not_date_the_event(gazetteer: Gazetteer) -> None:
    """The story's attack has no day but the report's; "attacks were also reported last week" is another
    attack, and lends it neither its day nor its injured officer."""
    text = (
        "Policia e Kosovës ka konfirmuar se një makinë policie është sulmuar me gurë afër objektit komunal të "
        "Zveçanit. Sulme ndaj automjeteve të Policisë së Kosovës u raportuan edhe javën e kaluar, kur një polic "
        "mbeti i lënduar."
    )
    found = extract(text, PUBLISHED, gazetteer).candidates
    main = next(c for c in found if c.date == PUBLISHED)
    assert (main.event_type, main.place_id, main.counts) == ("Riots", "zvecan", ())


@pytest.mark.parametrize(
    "text",
    [
        "Kosovo Police said they had shut the Bernjak and Jarinje border crossings on Wednesday.",
        "Police closed the Jarinje and Brnjak border crossings on Wednesday.",
        "Policija je u sredu zatvorila granične prelaze Jarinje i Brnjak.",
        "Policia e Kosovës mbylli të mërkurën pikat kufitare të Jarinjës dhe Bërnjakut.",
    ],
)
def test_crossings_named_between_the_verb_and_the_noun_are_closed(gazetteer: Gazetteer, text: str) -> None:
    closed = {("Strategic developments", "Other", place, "2023-06-14") for place in ("jarinje", "brnjak")}
    assert _incidents(text, gazetteer) == closed
