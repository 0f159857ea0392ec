"""News extraction across sentences: a site told with no trigger of its own after an event ("similar scenes
were reported in …", "i u …", "edhe në …") repeats that event there; speech, origins and fears do not."""

from __future__ import annotations

from datetime import date

import pytest

from geo.dataset import DATA_DIR
from geo.extract import extract, find_article_date
from geo.gazetteer import Gazetteer

PUBLISHED = date(2024, 3, 15)  # a Friday


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_csv(DATA_DIR / "places.csv")


def _events(text: str, gazetteer: Gazetteer) -> set[tuple[str, str, str | None]]:
    return {(c.place_id, c.date.isoformat(), c.event_type) for c in extract(text, PUBLISHED, gazetteer).candidates}


ECHOES = {
    "en": "A blast damaged the canal near Zubin Potok on Tuesday. Incidents were also recorded in Varage and Zupce.",
    "sr": "Eksplozija je u utorak oštetila kanal kod Zubinog Potoka. Incidenti su zabeleženi i u Varagama i Zupču.",
    "sq": "Një shpërthim dëmtoi të martën kanalin afër Zubin Potokut. "
    "Incidente u regjistruan edhe në Varagë dhe në Zupç.",
}


@pytest.mark.parametrize("language", ECHOES)
def test_a_site_told_after_an_event_with_no_trigger_of_its_own_repeats_it(gazetteer: Gazetteer, language: str) -> None:
    blast = "Explosions/Remote violence"
    assert _events(ECHOES[language], gazetteer) == {
        ("zubin-potok", "2024-03-12", blast),
        ("gn-784719", "2024-03-12", blast),
        ("gn-783781", "2024-03-12", blast),
    }


SCENES = {
    "en": "Protesters blocked the road in Zvecan on Tuesday. Similar scenes were reported in Leposavic.",
    "sr": "Građani su u utorak blokirali put u Zvečanu. Slični prizori zabeleženi su i u Leposaviću.",
    "sq": "Qytetarët bllokuan të martën rrugën në Zveçan. Skena të ngjashme u raportuan edhe në Leposaviq.",
}


@pytest.mark.parametrize("language", SCENES)
def test_similar_scenes_elsewhere_are_the_same_kind_of_event(gazetteer: Gazetteer, language: str) -> None:
    assert _events(SCENES[language], gazetteer) == {
        ("zvecan", "2024-03-12", "Protests"),
        ("leposavic", "2024-03-12", "Protests"),
    }


NOT_EVENTS = {
    "en": "Protesters clashed with police in Zvecan on Monday. The mayor of Leposavic also condemned the violence. "
    "Many of the protesters were also from Zubin Potok. Residents of Banjska also fear new raids. "
    "The NATO troops also secured the town hall in Zvecan.",
    "sr": "Demonstranti su se u ponedeljak sukobili sa policijom u Zvečanu. Mnogi demonstranti su takođe iz "
    "Zubinog Potoka. Meštani Banjske se takođe plaše novih akcija.",
    "sq": "Protestuesit u përleshën të hënën me policinë në Zveçan. Shumë protestues ishin gjithashtu nga Zubin "
    "Potoku. Banorët e Banjskës gjithashtu kanë frikë nga aksione të reja.",
}


@pytest.mark.parametrize("language", NOT_EVENTS)
def test_also_in_speech_origins_and_fears_tells_no_event(gazetteer: Gazetteer, language: str) -> None:
    incidents = {place for place, _, kind in _events(NOT_EVENTS[language], gazetteer) if kind}
    assert incidents == {"zvecan"}


# Common ways of telling an event that the trigger lists missed (own-written, one per event type).
PARAPHRASES = {
    "en": [
        ("Two men were taken into custody in Zvecan on Monday.", "Strategic developments"),
        ("Masked men pelted a police vehicle with stones in Zubin Potok on Monday.", "Riots"),
        ("Hundreds of Serbs took to the streets of North Mitrovica on Monday.", "Protests"),
        ("Shots were heard in Zvecan on Monday night.", "Battles"),
        ("A police officer was run over by a car in Zvecan on Monday.", "Violence against civilians"),
        ("Kosovo police took control of the municipal buildings in Leposavic on Monday.", "Strategic developments"),
        ("KFOR soldiers were stationed at the Brnjak crossing on Monday.", None),
    ],
    "sr": [
        ("Policija je u ponedeljak u Leposaviću zadržala trojicu osumnjičenih.", "Strategic developments"),
        ("Nepoznate osobe ispalile su u ponedeljak nekoliko hitaca na kuću u Leposaviću.", "Battles"),
        ("Stotine Srba izašlo je u ponedeljak na ulice Severne Mitrovice.", "Protests"),
        ("Policajac je u ponedeljak izboden nožem u Leposaviću.", "Violence against civilians"),
        ("Pripadnici Kfora postavljeni su u ponedeljak na prelazu Brnjak.", None),
    ],
    "sq": [
        ("Policia ndaloi të hënën tre të dyshuar në Leposaviq.", "Strategic developments"),
        ("Qindra serbë dolën të hënën në rrugët e Mitrovicës së Veriut.", "Protests"),
        ("Policia e Kosovës kontrolloi të hënën disa shtëpi në Zveçan.", "Strategic developments"),
        ("KFOR-i shtoi të hënën praninë në Leposaviq.", None),
    ],
}


@pytest.mark.parametrize(
    ("language", "number"), [(lang, n) for lang, cases in PARAPHRASES.items() for n in range(len(cases))]
)
def test_common_paraphrases_of_an_event_are_read(gazetteer: Gazetteer, language: str, number: int) -> None:
    text, kind = PARAPHRASES[language][number]
    found = extract(text, PUBLISHED, gazetteer, language).candidates
    assert [(c.date.isoformat(), c.event_type) for c in found] == [("2024-03-11", kind)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sr", "Policija je u ponedeljak uhapsila muškarca u Opštini Leposavić."),
        ("sq", "Policia arrestoi të hënën një burrë në Komunën e Leposaviqit."),
        ("en", "Police arrested a man in the Municipality of Leposavic on Monday."),
    ],
)
def test_an_event_at_a_northern_municipality_named_in_full_is_at_its_town(
    gazetteer: Gazetteer, language: str, text: str
) -> None:
    assert [c.place_id for c in extract(text, PUBLISHED, gazetteer, language).candidates] == ["leposavic"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sr", "Građani su se u ponedeljak okupili u Severnoj Mitrovici tražeći mir."),
        ("sq", "Qytetarët protestuan të hënën në Mitrovicën e Veriut duke kërkuar qetësi."),
        ("en", "Residents rallied in North Mitrovica on Monday demanding calm."),
    ],
)
def test_a_site_after_its_preposition_is_no_speaker_of_the_verb_that_follows(
    gazetteer: Gazetteer, language: str, text: str
) -> None:
    found = extract(text, PUBLISHED, gazetteer, language).candidates
    assert [(c.place_id, c.event_type) for c in found] == [("mitrovica-north", "Protests")]


@pytest.mark.parametrize(
    "line",
    ["Kosovska Mitrovica, 20. april 2024.", "North Mitrovica, 20 April 2024", "Mitrovicë e Veriut, 20 prill 2024"],
)
def test_a_place_line_with_a_name_of_several_words_dates_the_article(line: str) -> None:
    found = find_article_date(f"{line}\n\nPolicija je u ponedeljak uhapsila dvojicu u Zvečanu.\n")
    assert found is not None and found.value == date(2024, 4, 20)
