"""Extraction in Serbian (Latin and Cyrillic) and Albanian: detection, case forms of names, dates, counts, roles."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from geo.dataset import DATA_DIR
from geo.extract import Count, Extraction, MissingDateError, TextTooLongError, detect_language, extract
from geo.extract.language import LANGUAGES_DIR, languages
from geo.gazetteer import Gazetteer

PUBLISHED = date(2023, 5, 30)  # a Tuesday


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_csv(DATA_DIR / "places.csv")


def _sites(result: Extraction) -> set[str]:
    return {c.place_id for c in result.candidates}


# --- which rules read the text ---------------------------------------------------

DETECTION = [
    ("Protesters gathered outside the town hall in Zvečan on Monday, police said.", "en"),
    ("Demonstranti su se juče okupili ispred zgrade opštine u Zvečanu, saopštila je policija.", "sr"),
    ("Демонстранти су се јуче окупили испред зграде општине у Звечану.", "sr"),
    ("Protestuesit u mblodhën dje para ndërtesës së komunës në Zveçan, tha policia.", "sq"),
    ("Demonstranti su se okupili u Zvecanu, javila je policija.", "sr"),  # Serbian without diacritics
    ("Protestuesit u mblodhen dje ne Zvecan dhe policia i shperndau.", "sq"),  # Albanian without ë and ç
]


@pytest.mark.parametrize(("text", "code"), DETECTION)
def test_the_language_is_detected(text: str, code: str) -> None:
    assert detect_language(text).code == code


def test_every_language_file_has_the_sections_the_rules_read() -> None:
    assert {"en", "sr", "sq"} <= set(languages())
    for path in LANGUAGES_DIR.glob("*.toml"):
        language = languages()[path.stem]
        for section in ("detect", "places", "dates", "numbers", "counts", "events"):
            assert language.section(section), f"{path.name} has no [{section}]"


# --- names in their case forms ---------------------------------------------------

FORMS = [
    # (sentence, place id): each is a protest at the place, yesterday
    ("Juče je održan protest u Zvečanu.", "zvecan"),
    ("Juče je održan protest na Jarinju.", "jarinje"),
    ("Juče je održan protest kod Jarinja.", "jarinje"),
    ("Juče je održan protest u Leposaviću.", "leposavic"),
    ("Juče je održan protest u Severnoj Mitrovici.", "mitrovica-north"),
    ("Juče je održan protest u Zubinom Potoku.", "zubin-potok"),
    ("Juce je odrzan protest u Zvecanu.", "zvecan"),
    ("Јуче је одржан протест у Звечану.", "zvecan"),
    ("Јуче је одржан протест код Јариња.", "jarinje"),
    ("Јуче је одржан протест у Северној Митровици.", "mitrovica-north"),
    ("Dje u mbajt një protestë në Zveçan.", "zvecan"),
    ("Dje u mbajt një protestë në Zveçanin e vjetër.", "zvecan"),
    ("Dje u mbajt një protestë para komunës së Leposaviqit.", "leposavic"),
    ("Dje u mbajt një protestë në Mitrovicën e Veriut.", "mitrovica-north"),
    ("Dje u mbajt një protestë pranë Jarinjës.", "jarinje"),
    ("Dje u mbajt një protestë në Zubin Potok.", "zubin-potok"),
]


@pytest.mark.parametrize(("text", "place_id"), FORMS)
def test_case_forms_of_names_are_found(gazetteer: Gazetteer, text: str, place_id: str) -> None:
    (candidate,) = extract(text, PUBLISHED, gazetteer).candidates
    assert (candidate.place_id, candidate.date, candidate.type) == (place_id, date(2023, 5, 29), "Protests")


def test_cyrillic_evidence_points_into_the_text_as_given(gazetteer: Gazetteer) -> None:
    text = "Наслов\n\nЈуче је у Звечану одржан протест. Полиција је у Лепосавићу ухапсила двојицу мушкараца."
    result = extract(text, PUBLISHED, gazetteer)
    assert result.language == "sr" and _sites(result) == {"zvecan", "leposavic"}
    for candidate in result.candidates:
        assert text[candidate.evidence.start : candidate.evidence.end] == candidate.evidence.text
    for mention in result.mentions:
        assert text[mention.start : mention.end] == mention.text
    assert {m.text for m in result.mentions} == {"Звечану", "Лепосавићу"}


# --- dates -----------------------------------------------------------------------

DATES = [
    # (sentence, date); published Tuesday 30 May 2023
    ("Protest je održan u Zvečanu 29. maja 2023.", "2023-05-29"),
    ("Protest je održan u Zvečanu 26. maja.", "2023-05-26"),
    ("Protest je održan u Zvečanu 28.05.2023.", "2023-05-28"),
    ("Protest je održan u Zvečanu juče.", "2023-05-29"),
    ("Protest je održan u Zvečanu juce.", "2023-05-29"),
    ("Protest je održan u Zvečanu prekjuče.", "2023-05-28"),
    ("Protest je održan u Zvečanu u petak.", "2023-05-26"),
    ("Protest je održan u Zvečanu prošlog utorka.", "2023-05-23"),
    ("Protest je održan u Zvečanu pre dva dana.", "2023-05-28"),
    ("Protest je održan u Zvečanu prošle nedelje.", "2023-05-23"),
    ("Протест је одржан у Звечану у суботу.", "2023-05-27"),
    ("Një protestë u mbajt në Zveçan më 29 maj 2023.", "2023-05-29"),
    ("Një protestë u mbajt në Zveçan më 26 maj.", "2023-05-26"),
    ("Një protestë u mbajt në Zveçan dje.", "2023-05-29"),
    ("Një protestë u mbajt në Zveçan dje në mbrëmje.", "2023-05-29"),
    ("Një protestë u mbajt në Zveçan sot.", "2023-05-30"),
    ("Një protestë u mbajt në Zveçan të premten.", "2023-05-26"),
    ("Një protestë u mbajt në Zveçan të martën e kaluar.", "2023-05-23"),
    ("Një protestë u mbajt në Zveçan para dy ditësh.", "2023-05-28"),
    ("Protesters blocked the road in Zvečan for a second day on Tuesday.", "2023-05-29"),  # began the day before
    ("Demonstranti su u utorak treći dan zaredom blokirali put u Zvečanu.", "2023-05-28"),
]


@pytest.mark.parametrize(("text", "expected"), DATES)
def test_date_forms(gazetteer: Gazetteer, text: str, expected: str) -> None:
    (candidate,) = extract(text, PUBLISHED, gazetteer).candidates
    assert candidate.date.isoformat() == expected


OWN_DATES = [
    # (article, date it gives itself, where from)
    ("ZVEČAN, 29. maja 2023. – Demonstranti su se juče okupili u Zvečanu.", "2023-05-29", "dateline"),
    (
        "Naslov\n\nObjavljeno: 30.05.2023. 14:05\n\nDemonstranti su se juče okupili u Zvečanu.",
        "2023-05-30",
        "publication line",
    ),
    ("Titulli\n\nPublikuar më 30.05.2023\n\nDje protestuesit u mblodhën në Zveçan.", "2023-05-30", "publication line"),
    (
        "Headline\n\nBy our correspondent | 30 May 2023\n\nProtesters gathered in Zvečan yesterday.",
        "2023-05-30",
        "publication line",
    ),
    ("Headline\n\n30/05/2023\n\nProtesters gathered in Zvečan yesterday.", "2023-05-30", "publication line"),
]


@pytest.mark.parametrize(("text", "published", "source"), OWN_DATES)
def test_the_article_gives_its_own_date(gazetteer: Gazetteer, text: str, published: str, source: str) -> None:
    result = extract(text, None, gazetteer)
    assert (result.published.isoformat() if result.published else None, result.published_from) == (published, source)
    (candidate,) = result.candidates
    assert candidate.date == date.fromisoformat(published).replace(day=date.fromisoformat(published).day - 1)


def test_no_date_anywhere_is_asked_for(gazetteer: Gazetteer) -> None:
    with pytest.raises(MissingDateError, match="give the date it was published"):
        extract("Protesters gathered in Zvečan yesterday.", None, gazetteer)


def test_a_dateline_without_its_year_is_asked_for(gazetteer: Gazetteer) -> None:
    with pytest.raises(MissingDateError, match="26 May but no year"):
        extract("ZVEČAN, May 26 (Reuters) – Protesters gathered in Zvečan on Friday.", None, gazetteer)


def test_a_given_date_wins_but_a_different_dateline_is_noted(gazetteer: Gazetteer) -> None:
    result = extract("ZVEČAN, 29. maja 2023. – Demonstranti su se juče okupili u Zvečanu.", PUBLISHED, gazetteer)
    assert result.published == PUBLISHED and result.published_from == "given"
    assert "29. maja 2023" in result.notes[0]


def test_a_text_over_the_limit_is_refused_with_its_length(gazetteer: Gazetteer) -> None:
    with pytest.raises(TextTooLongError, match="200,001 characters; the limit is 200,000"):
        extract("a" * 200_001, PUBLISHED, gazetteer)


# --- counts ----------------------------------------------------------------------

COUNTS = [
    ("U sukobima u Zvečanu juče je povređeno 30 pripadnika KFOR-a.", Count("injured", "KFOR", 30)),
    ("U Zvečanu je juče povređeno više od 50 demonstranata.", Count("injured", "protesters", 50, True)),
    ("Policija je juče u Leposaviću uhapsila dvojicu muškaraca.", Count("arrested", "", 2)),
    ("U Zvečanu su juče ranjena trojica policajaca.", Count("injured", "police", 3)),
    ("Dje në Zveçan u plagosën 30 ushtarë të KFOR-it.", Count("injured", "KFOR", 30)),
    ("Dje në Zveçan u plagosën më shumë se 50 protestues.", Count("injured", "protesters", 50, True)),
    ("Dje në Leposaviq policia arrestoi pesë persona.", Count("arrested", "", 5)),
    ("Dje në Zveçan u plagosën njëzet e pesë ushtarë.", Count("injured", "", 25)),
]


@pytest.mark.parametrize(("text", "count"), COUNTS)
def test_counts_with_what_they_count(gazetteer: Gazetteer, text: str, count: Count) -> None:
    (candidate,) = extract(text, PUBLISHED, gazetteer).candidates
    assert count in candidate.counts


# --- places that are not event sites ---------------------------------------------

ROLES = [
    # (text, place id, role it must get)
    ("Vlasti u Prištini saopštile su da je u Zvečanu juče održan protest.", "pristina", "actor_seat"),
    ("Priština tvrdi da je protest u Zvečanu juče bio organizovan.", "pristina", "actor_seat"),
    ("Premijer je rekao u Beogradu da je juče u Zvečanu održan protest.", "belgrade", "out_of_area"),
    ("Muškarac iz Leposavića uhapšen je juče u Zvečanu.", "leposavic", "origin"),
    ("Autoritetet në Prishtinë thanë se dje në Zveçan u mbajt një protestë.", "pristina", "actor_seat"),
    ("Prishtina zyrtare tha se dje në Zveçan u mbajt një protestë.", "pristina", "actor_seat"),
    ("Policia e Kosovës arrestoi dje dy persona në Zveçan.", "kosovo", "modifier"),
]


@pytest.mark.parametrize(("text", "place_id", "role"), ROLES)
def test_places_that_are_not_sites(gazetteer: Gazetteer, text: str, place_id: str, role: str) -> None:
    result = extract(text, PUBLISHED, gazetteer)
    assert place_id not in _sites(result) and "zvecan" in _sites(result)
    assert role in {m.role for m in result.mentions if m.place_id == place_id}


# --- several events in one text ---------------------------------------------------


def test_a_serbian_report_of_three_events(gazetteer: Gazetteer) -> None:
    text = (
        "ZVEČAN, 30. maja 2023. – Nekoliko stotina Srba okupilo se juče ispred zgrade opštine u Zvečanu. "
        "Istovremeno su demonstranti blokirali put u Leposaviću, dok je u Zubinom Potoku policija uhapsila "
        "jednog mladića. Vlasti u Prištini optužile su Beograd za organizovanje protesta."
    )
    found = {(c.place_id, c.date.isoformat(), c.type) for c in extract(text, None, gazetteer).candidates}
    assert found == {
        ("zvecan", "2023-05-29", "Protests"),
        ("leposavic", "2023-05-29", "Protests"),
        ("zubin-potok", "2023-05-29", "Strategic developments"),
    }


def test_an_albanian_report_of_two_events_and_a_deployment(gazetteer: Gazetteer) -> None:
    text = (
        "Titulli\n\nPublikuar më 30.05.2023\n\n"
        "Dje në Zveçan protestuesit hodhën gurë dhe molotovë ndaj ushtarëve të KFOR-it. "
        "Të hënën në Leposaviq policia arrestoi dy persona. "
        "Sot ushtarët e KFOR-it ruajnë ndërtesën e komunës në Zubin Potok."
    )
    found = {(c.kind, c.place_id, c.date.isoformat()) for c in extract(text, None, gazetteer).candidates}
    assert found == {
        ("incident", "zvecan", "2023-05-29"),
        ("incident", "leposavic", "2023-05-29"),
        ("deployment", "zubin-potok", "2023-05-30"),
    }


# --- ordinary words among the names of every village ------------------------------


def _with_villages(gazetteer: Gazetteer, names: dict[str, str]) -> Gazetteer:
    """The gazetteer plus villages named like ordinary words (as GeoNames has them), in a given municipality."""
    template = gazetteer.get("banjska")
    assert template is not None
    extra = [
        replace(
            template,
            id=f"gn-test-{n}",
            name_en=name,
            name_sq=name,
            name_sr_latn=name,
            name_sr_cyrl="",
            aliases=(),
            municipality=municipality,
        )
        for n, (name, municipality) in enumerate(names.items())
    ]
    return Gazetteer([*gazetteer.places, *extra])


ORDINARY = [
    "Police gathered in the square of Zvečan yesterday after protesters arrived.",  # "Police" a village elsewhere
    "Kamen je juče bačen na policiju u Zvečanu, a kamen je pogodio vozilo.",  # "kamen" (stone) is in lower case too
    "Grupa mladića juče je napala policiju u Zvečanu.",  # "Grupa" a village outside the north: no place word
    "Ura e vjetër u dëmtua dje në Zveçan.",  # "Ura" (bridge) a village outside the north
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_words_are_not_places(gazetteer: Gazetteer, text: str) -> None:
    villages = {"Police": "mun-prizren", "Kamen": "mun-zvecan", "Grupa": "mun-peja", "Ura": "mun-gjilan"}
    result = extract(text, PUBLISHED, _with_villages(gazetteer, villages))
    assert {m.place_id for m in result.mentions} == {"zvecan"}


def test_a_village_elsewhere_is_found_where_a_place_word_stands_before_it(gazetteer: Gazetteer) -> None:
    richer = _with_villages(gazetteer, {"Grupa": "mun-peja"})
    result = extract("Juče je u selu Grupa održan protest.", PUBLISHED, richer)
    assert _sites(result) == {"gn-test-0"}


FRONTED = [
    "In Pristina, Prime Minister Albin Kurti said police had arrested three suspects on Monday.",
    "U Prištini je premijer Kurti izjavio da je policija juče uhapsila trojicu osumnjičenih.",
    "Në Prishtinë, kryeministri Kurti tha se policia arrestoi dje tre të dyshuar.",
]


@pytest.mark.parametrize("text", FRONTED)
def test_a_capital_that_opens_a_sentence_of_speech_is_where_someone_spoke(gazetteer: Gazetteer, text: str) -> None:
    result = extract(text, PUBLISHED, gazetteer)
    assert [m.role for m in result.mentions] == ["actor_seat"] and result.candidates == []


def test_a_capital_where_something_happened_is_a_site(gazetteer: Gazetteer) -> None:
    assert _sites(extract("In Pristina, hundreds of people protested on Monday.", PUBLISHED, gazetteer)) == {"pristina"}


HYPOTHETICAL = [
    "Vučić told reporters he would ask NATO to allow 1,000 Serbian troops to be deployed in Zvečan.",
    "Srbi su zapretili da će blokirati put u Zvečanu ako policija ne ode.",
    "Serbët kërcënuan se mund të bllokojnë rrugët në Zveçan.",
]


@pytest.mark.parametrize("text", HYPOTHETICAL)
def test_what_would_happen_is_not_an_event(gazetteer: Gazetteer, text: str) -> None:
    assert extract(text, PUBLISHED, gazetteer).candidates == []


def test_what_happened_at_someones_request_is_an_event(gazetteer: Gazetteer) -> None:
    text = "Police searched nine homes in Zvečan on Sunday at the request of prosecutors and detained seven men."
    assert _sites(extract(text, PUBLISHED, gazetteer)) == {"zvecan"}


def test_an_article_about_the_north_names_its_events_elsewhere_as_outside(gazetteer: Gazetteer) -> None:
    text = "Police raided homes in Zvečan and in Peja on Monday and arrested four men."
    result = extract(text, PUBLISHED, gazetteer)
    assert _sites(result) == {"zvecan"}
    assert "Peja" in {m.text for m in result.out_of_area}


def test_an_article_about_elsewhere_in_kosovo_keeps_its_event(gazetteer: Gazetteer) -> None:
    result = extract("Police raided homes in Peja on Monday and arrested four men.", PUBLISHED, gazetteer)
    assert [c.place_id for c in result.candidates] == ["gn-787157"]  # Pejë
