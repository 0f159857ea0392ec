"""The gazetteer: every spelling class, ambiguity, unknown names and locate()."""

import pytest

from geo.incidents import Context

SPELLINGS = [
    # (query, expected place id) — one row per spelling class
    ("Zvečan", "zvecan"),  # Serbian Latin
    ("Zveçan", "zvecan"),  # Albanian
    ("Zvecan", "zvecan"),  # no diacritics
    ("Звечан", "zvecan"),  # Serbian Cyrillic
    ("Лепосавић", "leposavic"),
    ("Зубин Поток", "zubin-potok"),
    ("Zveçani", "zvecan"),  # Albanian definite
    ("Leposaviqi", "leposavic"),
    ("Zubin Potoku", "zubin-potok"),
    ("Prishtinës", "pristina"),  # Albanian genitive
    ("Komuna e Zveçanit", "mun-zvecan"),  # wrapper + genitive
    ("Opština Leposavić", "mun-leposavic"),
    ("Opstina Zubin Potok", "mun-zubin-potok"),
    ("Municipality of Zvecan", "mun-zvecan"),
    ("North Mitrovica", "mitrovica-north"),
    ("Mitrovicë e Veriut", "mitrovica-north"),
    ("Mitrovica e Veriut", "mitrovica-north"),
    ("Veriore Mitrovica", "mitrovica-north"),
    ("Severna Mitrovica", "mitrovica-north"),
    ("Северна Митровица", "mitrovica-north"),
    ("South Mitrovica", "mitrovica-south"),
    ("zubin-potok", "zubin-potok"),  # hyphen
    ("ZUBIN POTOK", "zubin-potok"),  # case
    ("Zvecen", "zvecan"),  # typos
    ("Leposavik", "leposavic"),
    ("Zubin Potk", "zubin-potok"),
    ("Prishtna", "pristina"),
    ("Jarinje", "jarinje"),
    ("Jarinjë", "jarinje"),
    ("Brnjak", "brnjak"),
    ("Banjska", "banjska"),
    ("Banjska monastery", "banjska-monastery"),
    ("Gazivode", "gazivode"),
    ("Ujmani", "gazivode"),
    ("Ibar bridge", "ibar-bridge"),
    ("Camp Bondsteel", "camp-bondsteel"),
    ("Film City", "camp-film-city"),
    ("Kosovo", "kosovo"),
    ("northern Kosovo", "north-kosovo"),
]


@pytest.mark.parametrize(("query", "place_id"), SPELLINGS)
def test_every_spelling_finds_the_place(context: Context, query: str, place_id: str) -> None:
    result = context.gazetteer.geocode(query)
    assert result is not None, query
    assert result.place.id == place_id


@pytest.mark.parametrize(
    "word",
    [
        "protesters",
        "barrier",
        "police",
        "soldiers",
        "local",
        "Serbia",
        "Albania",
        "plates",
        "barricades",
        "town hall",
        "North",
        "bridge",
        "KFOR",
        "Paris",
        "London",
        "Tokyo",
        "Vienna",
        "Sarajevo",
        "",
        "   ",
        "<script>",
    ],
)
def test_ordinary_words_and_far_places_are_no_kosovo_town(context: Context, word: str) -> None:
    assert context.gazetteer.geocode(word) is None


@pytest.mark.parametrize(
    ("query", "place_id"), [("Naples", "naples"), ("Beograd", "belgrade"), ("Raška", "raska"), ("Brussels", "brussels")]
)
def test_places_named_in_the_news_are_known_but_out_of_area(context: Context, query: str, place_id: str) -> None:
    result = context.gazetteer.geocode(query)
    assert result is not None and result.place.id == place_id
    assert result.place.in_area is False


def test_a_town_and_its_municipality_are_not_called_ambiguous(context: Context) -> None:
    result = context.gazetteer.geocode("Zvečan")
    assert result is not None and not result.ambiguous
    assert [alt.id for alt, _ in result.alternatives] == ["mun-zvecan"]


def test_two_villages_with_one_name_are_ambiguous(context: Context) -> None:
    result = context.gazetteer.geocode("Zhabare")
    assert result is not None and result.ambiguous
    assert {result.place.id, *(alt.id for alt, _ in result.alternatives)} == {"gn-791207", "gn-790402"}


def test_exact_matches_score_above_typos(context: Context) -> None:
    exact, typo = context.gazetteer.geocode("Leposavić"), context.gazetteer.geocode("Leposavik")
    assert exact is not None and typo is not None
    assert exact.score == 100 and typo.score < exact.score
    assert typo.matched_by == "fuzzy"


@pytest.mark.parametrize(
    ("lon", "lat", "municipality"),
    [
        (20.84028, 42.9075, "mun-zvecan"),  # GeoNames Zvečan
        (20.68972, 42.91444, "mun-zubin-potok"),
        (20.80278, 43.10389, "mun-leposavic"),
        (21.16688, 42.67272, "mun-pristina"),
        (20.86667, 42.88333, "mun-south-mitrovica"),
        (20.46513, 44.80401, None),  # Belgrade
        (0.0, 0.0, None),
    ],
)
def test_locate_tells_the_municipality_of_a_point(
    context: Context, lon: float, lat: float, municipality: str | None
) -> None:
    assert context.municipalities.locate(lon, lat) == municipality


def test_every_in_area_place_lies_in_its_municipality(context: Context) -> None:
    for place in context.gazetteer.places:
        if place.in_area and place.municipality:
            assert context.municipalities.locate(place.lon, place.lat) == place.municipality, place.id
