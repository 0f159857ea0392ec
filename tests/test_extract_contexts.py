"""News extraction in context: the words around a trigger or a place that change what it tells (a patrol that
was attacked, a road towards a crossing, the north of a country, a gathering in church, a year something has
lasted since). Sentences are own-written, in the style of local reports."""

from __future__ import annotations

from datetime import date

import pytest

from geo.dataset import DATA_DIR
from geo.extract import extract
from geo.gazetteer import Gazetteer

PUBLISHED = date(2024, 3, 15)  # a Friday


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_csv(DATA_DIR / "places.csv")


def _kinds(text: str, gazetteer: Gazetteer) -> set[tuple[str, str, str]]:
    return {(c.kind, c.place_id, c.date.isoformat()) for c in extract(text, PUBLISHED, gazetteer).candidates}


ATTACKED_PATROLS = [
    "Nepoznata lica su u utorak uveče kamenovala i napala patrolu Kosovske policije u Leposaviću.",
    "Napad na mešovitu patrolu Kfora dogodio se u utorak nedaleko od Leposavića.",
    "Patrola granične policije je u utorak gađana kamenicama u Leposaviću.",
    "Persona të maskuar sulmuan të martën një patrullë të Policisë së Kosovës në Leposaviq.",
    "Sulmi ndaj patrullës së KFOR-it ndodhi të martën në Leposaviq.",
    "Një patrullë e policisë kufitare u qëllua me gurë të martën në Leposaviq.",
    "Two police patrols were ambushed by masked men in Leposavic on Tuesday.",
]


@pytest.mark.parametrize("text", ATTACKED_PATROLS)
def test_a_patrol_that_was_attacked_is_no_deployment(gazetteer: Gazetteer, text: str) -> None:
    assert _kinds(text, gazetteer) == {("incident", "leposavic", "2024-03-12")}


PATROLS_AFTER_AN_ATTACK = [
    "Posle napada Kfor je u utorak pojačao patrole u Leposaviću.",
    "Pas sulmit, KFOR-i shtoi të martën patrullat në Leposaviq.",
]


@pytest.mark.parametrize("text", PATROLS_AFTER_AN_ATTACK)
def test_patrols_stepped_up_after_an_attack_are_a_deployment(gazetteer: Gazetteer, text: str) -> None:
    assert ("deployment", "leposavic", "2024-03-12") in _kinds(text, gazetteer)


BLOCKED_ROADS = [
    ("Qytetarët serbë bllokuan të martën me kamionë rrugën për në Jarinjë.", "jarinje"),
    ("Barrikada të reja u ngritën të martën në rrugën drejt pikëkalimit të Bërnjakut.", "brnjak"),
    ("Meštani su u utorak kamionima i traktorima blokirali put prema Jarinju.", "jarinje"),
    ("Građani Leposavića su u utorak blokirali magistralni put koji vodi ka Jarinju.", "jarinje"),
    ("Serb residents blocked the main road towards Jarinje with lorries on Tuesday.", "jarinje"),
]


@pytest.mark.parametrize(("text", "place_id"), BLOCKED_ROADS)
def test_a_road_blocked_towards_a_place_is_mapped_there(gazetteer: Gazetteer, text: str, place_id: str) -> None:
    assert ("incident", place_id, "2024-03-12") in _kinds(text, gazetteer)


DESTINATIONS = [
    "Automjetet e KFOR-it u nisën të martën nga Zveçani drejt Jarinjës.",
    "Kolona vozila Kfora krenula je u utorak iz Zvečana prema Jarinju.",
]


@pytest.mark.parametrize("text", DESTINATIONS)
def test_a_destination_with_no_blockade_is_no_site(gazetteer: Gazetteer, text: str) -> None:
    assert "jarinje" not in {place for _, place, _ in _kinds(text, gazetteer)}


NORTH_OF_KOSOVO = [
    "Qytetarët serbë bllokuan të martën disa rrugë në veriun e Kosovës.",
    "Qytetarët serbë bllokuan të martën disa rrugë në pjesën veriore të Kosovës.",
    "Meštani su u utorak blokirali nekoliko puteva u severnom delu Kosova.",
    "Meštani su u utorak blokirali nekoliko puteva na severu Kosova.",
    "Serb residents blocked several roads in the northern part of Kosovo on Tuesday.",
]


@pytest.mark.parametrize("text", NORTH_OF_KOSOVO)
def test_the_north_of_the_country_is_the_northern_region(gazetteer: Gazetteer, text: str) -> None:
    assert _kinds(text, gazetteer) == {("incident", "north-kosovo", "2024-03-12")}


HARMLESS = [
    "Believers gathered in the church in Zvecan on Sunday for the Easter liturgy.",
    "Stotine vernika okupilo se u nedelju u crkvi Svetog Save u Zvečanu na jutarnjoj liturgiji.",
    "Qindra besimtarë u mblodhën të dielën në kishën e Zveçanit për meshën e Pashkëve.",
    "Football fans gathered in Zvecan on Tuesday evening to celebrate the local club's win.",
    "A pedestrian was struck by a car in a traffic accident in Zvecan on Tuesday.",
    "Pešak je u utorak udaren automobilom u saobraćajnoj nesreći u centru Zvečana.",
    "Një këmbësor u godit nga një veturë të martën në Zveçan, në një aksident në rrugën kryesore.",
    "Dvoje ljudi je poginulo u utorak u saobraćajnoj nesreći kod Zvečana.",
]


@pytest.mark.parametrize("text", HARMLESS)
def test_a_gathering_in_church_or_a_traffic_accident_is_no_incident(gazetteer: Gazetteer, text: str) -> None:
    assert _kinds(text, gazetteer) == set()


NAMED_OUTRIGHT = [
    "After the liturgy in the church, hundreds of Serbs protested in Zvecan on Tuesday.",
    "Pas meshës në kishë, qindra serbë protestuan të martën në Zveçan.",
    "A police officer was run over by a car in Zvecan on Tuesday.",
]


@pytest.mark.parametrize("text", NAMED_OUTRIGHT)
def test_an_event_named_outright_beside_such_words_stays(gazetteer: Gazetteer, text: str) -> None:
    assert _kinds(text, gazetteer) == {("incident", "zvecan", "2024-03-12")}


def _deployments(text: str, gazetteer: Gazetteer) -> set[tuple[str, str, str]]:
    return {
        (c.place_id, c.date.isoformat(), c.date_precision)
        for c in extract(text, PUBLISHED, gazetteer).candidates
        if c.kind == "deployment"
    }


SINCE_A_YEAR = [
    "Protesters blocked the road in Leposavic on Tuesday. Polish KFOR troops have been stationed there since 2022.",
    "Građani su u utorak blokirali put u Leposaviću. Poljski vojnici Kfora tamo su raspoređeni od 2022. godine.",
    "Qytetarët bllokuan të martën rrugën në Leposaviq. Ushtarët polakë të KFOR-it janë vendosur atje që nga viti 2022.",
]


@pytest.mark.parametrize("text", SINCE_A_YEAR)
def test_a_deployment_since_a_year_is_dated_to_that_year_not_the_day_before(gazetteer: Gazetteer, text: str) -> None:
    assert _deployments(text, gazetteer) == {("leposavic", "2022-01-01", "year")}


def test_a_year_since_which_troops_stay_lends_no_year_to_the_next_date(gazetteer: Gazetteer) -> None:
    text = "KFOR troops have been stationed in Leposavic since 2022. On 10 March, police arrested two men in Zvecan."
    assert ("incident", "zvecan", "2024-03-10") in _kinds(text, gazetteer)


def test_a_municipality_named_in_full_is_where_the_story_is(gazetteer: Gazetteer) -> None:
    text = (
        "Kryetari i ri mori sot detyrën në krye të Komunës së Zveçanit. "
        "Ceremonia u mbajt në sallën e kuvendit komunal. "
        "Mysafirët u pritën në hollin kryesor të ndërtesës. "
        "Në zgjedhjet e jashtëzakonshme të 23 shkurtit, ai fitoi me rreth 60 për qind të votave."
    )
    assert ("incident", "zvecan", "2024-02-23") in _kinds(text, gazetteer)


SEEING_TO_SECURITY = [
    "Since Monday, KFOR soldiers have provided security around the municipal building in Zvecan.",
    "Njësitë e KFOR-it kujdesen që nga e hëna për sigurinë pranë ndërtesës së komunës në Zveçan.",
    "Për sigurinë e ndërtesës së komunës në Zveçan kujdesen që nga e hëna policët e njësisë speciale.",
]


@pytest.mark.parametrize("text", SEEING_TO_SECURITY)
def test_forces_that_see_to_security_guard_the_place(gazetteer: Gazetteer, text: str) -> None:
    assert _deployments(text, gazetteer) == {("zvecan", "2024-03-11", "day")}


SINCE_A_YEAR_NOWHERE = {
    "en": "Serbs blocked the road in Jarinje on Tuesday. KFOR soldiers have guarded the boundary line since 1999.",
    "sq": "Serbët bllokuan të martën rrugën në Jarinjë. Për sigurinë në vijën kufitare që nga viti 1999 kujdesen "
    "ushtarët e KFOR-it.",
}


@pytest.mark.parametrize("language", SINCE_A_YEAR_NOWHERE)
def test_forces_there_since_a_year_with_no_site_are_background(gazetteer: Gazetteer, language: str) -> None:
    assert _deployments(SINCE_A_YEAR_NOWHERE[language], gazetteer) == set()


def test_vehicles_named_with_a_long_albanian_genitive_chain_are_seen_passing(gazetteer: Gazetteer) -> None:
    text = "Një varg automjetesh të blinduara të Policisë së Kosovës (ROSU) kaluan të martën nëpër Zveçan."
    assert _kinds(text, gazetteer) == {("incident", "zvecan", "2024-03-12")}


# (sentence, whether it tells an event): a negation right before the trigger undoes it; one of another verb, or
# farther away, leaves the event told.
NEGATIONS = [
    ("Kosovska policija tvrdi da njeni ljudi u utorak nisu imali nikakav oružani obračun u Leposaviću.", False),
    ("Niko nije povređen u Leposaviću u utorak.", False),
    ("Askush nuk u plagos në Leposaviq të martën.", False),
    ("No one was injured in Leposavic on Tuesday, police said.", False),
    ("Policija je u utorak uhapsila dvojicu u Leposaviću, ali nije saopštila njihova imena.", True),
    ("Police denied using force against protesters who gathered in Leposavic on Tuesday.", True),
    ("Protestuesit u mblodhën të martën në Leposaviq, por nuk pati të lënduar.", True),
]


@pytest.mark.parametrize(("text", "told"), NEGATIONS)
def test_a_negation_undoes_only_the_trigger_it_stands_before(gazetteer: Gazetteer, text: str, told: bool) -> None:
    assert (("incident", "leposavic", "2024-03-12") in _kinds(text, gazetteer)) is told
    assert told or not _kinds(text, gazetteer)


def test_a_name_means_the_namesake_the_article_settled_on_last(gazetteer: Gazetteer) -> None:
    text = (
        "Pucnji kod Bistrice\n\n"
        "Mladić iz Zvečana ranjen je u utorak kod Bistrice, na putu između Severne Mitrovice i Leposavića.\n\n"
        "Policija je u sredu ponovo zatvorila put kod Bistrice."
    )
    places = {c.place_id for c in extract(text, PUBLISHED, gazetteer).candidates}
    assert "gn-792587" not in places  # the Bistrica of the headline's bare name, far up the Ibar valley
