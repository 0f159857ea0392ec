"""The gazetteer: every spelling class, shared names and context, ids, search, the data's promises, the build."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from geo.gazetteer import COMPILED_INDEX, Gazetteer, fingerprint
from geo.gazetteer.index import NameIndex
from geo.incidents import Context, parse_rows

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT.parent / "shared" / "data" / "gazetteer"
sys.path.insert(0, str(ROOT / "scripts"))

from gazetteer_sources import split_names  # noqa: E402

SPELLINGS = [
    # (query, expected place id) — rows grouped by class of spelling
    # towns: Serbian Latin, Albanian, no diacritics, Cyrillic
    ("Zvečan", "zvecan"),
    ("Zveçan", "zvecan"),
    ("Zvecan", "zvecan"),
    ("Звечан", "zvecan"),
    ("Лепосавић", "leposavic"),
    ("Зубин Поток", "zubin-potok"),
    # Albanian definite and genitive forms
    ("Zveçani", "zvecan"),
    ("Leposaviqi", "leposavic"),
    ("Zubin Potoku", "zubin-potok"),
    ("Prishtinës", "pristina"),
    # administrative wrappers
    ("Komuna e Zveçanit", "mun-zvecan"),
    ("Opština Leposavić", "mun-leposavic"),
    ("Opstina Zubin Potok", "mun-zubin-potok"),
    ("Municipality of Zvecan", "mun-zvecan"),
    # north and south in every language
    ("North Mitrovica", "mitrovica-north"),
    ("Mitrovicë e Veriut", "mitrovica-north"),
    ("Mitrovica e Veriut", "mitrovica-north"),
    ("Veriore Mitrovica", "mitrovica-north"),
    ("Severna Mitrovica", "mitrovica-north"),
    ("Северна Митровица", "mitrovica-north"),
    ("South Mitrovica", "mitrovica-south"),
    ("zubin-potok", "zubin-potok"),
    ("ZUBIN POTOK", "zubin-potok"),
    # typos
    ("Zvecen", "zvecan"),
    ("Leposavik", "leposavic"),
    ("Zubin Potk", "zubin-potok"),
    ("Prishtna", "pristina"),
    ("Serbovc", "gn-785637"),
    # villages: Serbian, Albanian, no diacritics, Cyrillic, definite forms
    ("Zupče", "gn-783781"),
    ("Zupç", "gn-783781"),
    ("Zupçë", "gn-783781"),
    ("Zupce", "gn-783781"),
    ("Зупче", "gn-783781"),
    ("Srbovac", "gn-785637"),
    ("Sërboc", "gn-785637"),
    ("Sërboci", "gn-785637"),
    ("Србовац", "gn-785637"),
    ("Žerovnica", "gn-783909"),
    ("Zherovnicë", "gn-783909"),
    ("Жеровница", "gn-783909"),
    ("Dobroševina", "gn-830321"),
    ("Dobroshevinë", "gn-830321"),
    ("Banjska", "banjska"),
    ("Banjskë", "banjska"),
    ("Bajskë", "banjska"),
    ("Бањска", "banjska"),
    # villages with a qualifier: Donje/Gornje, Veliko/Malo, e Poshtme/e Epërme, i Madh/i Vogël
    ("Rudare", "gn-784523"),
    ("Veliko Rudare", "gn-784523"),
    ("Rudar i Madh", "gn-784523"),
    ("Велико Рударе", "gn-784523"),
    ("Malo Rudare", "gn-788199"),
    ("Gornje Rudare", "gn-788199"),
    ("Rudar i Vogël", "gn-788199"),
    ("Varage", "gn-784719"),
    ("Donje Varage", "gn-784719"),
    ("Varagë e Poshtme", "gn-784719"),
    ("Varage e Poshtme", "gn-784719"),
    ("Lower Varage", "gn-784719"),
    ("Gornje Varage", "gn-830571"),
    ("Varagë e Epërme", "gn-830571"),
    ("Горње Вараге", "gn-830571"),
    ("Gornja Dobroševina", "gn-831960"),
    ("Dobroševina e Epërme", "gn-831960"),
    # crossings: the bare name, "X crossing", "granični prelaz X", Albanian forms
    ("Jarinje", "jarinje"),
    ("Jarinjë", "jarinje"),
    ("Jarinje crossing", "jarinje"),
    ("Jarinje border crossing", "jarinje"),
    ("granični prelaz Jarinje", "jarinje"),
    ("administrativni prelaz Jarinje", "jarinje"),
    ("pika kufitare Jarinjë", "jarinje"),
    ("Brnjak", "brnjak"),
    ("Bërnjak", "brnjak"),
    ("Brnjak crossing", "brnjak"),
    ("granični prelaz Brnjak", "brnjak"),
    ("Merdare", "merdare"),
    ("Merdare crossing", "merdare"),
    ("pikëkalimi Merdare", "merdare"),
    # ... and the villages they are named after, when the query says so
    ("village of Jarinje", "gn-834414"),
    ("Jarinje village", "gn-834414"),
    ("selo Jarinje", "gn-834414"),
    ("fshati Jarinjë", "gn-834414"),
    ("village of Brnjak", "gn-792265"),
    # other sites
    ("Banjska monastery", "banjska-monastery"),
    ("Manastir Banjska", "banjska-monastery"),
    ("Gazivode", "gazivode"),
    ("Ujmani", "gazivode"),
    ("Liqeni i Gazivodës", "gazivode"),
    ("Gazivode dam", "gazivode-dam"),
    ("Ujmani Dam", "gazivode-dam"),
    ("Ibar bridge", "ibar-bridge"),
    ("Ura e Ibrit", "ibar-bridge"),
    ("Most na Ibru", "ibar-bridge"),
    ("New Bridge", "ibar-bridge"),
    ("Camp Bondsteel", "camp-bondsteel"),
    ("Film City", "camp-film-city"),
    ("Camp Nothing Hill", "camp-nothing-hill"),
    ("Camp Novo Selo", "camp-novo-selo"),
    ("Villaggio Italia", "camp-villaggio-italia"),
    ("Železnička Stanica Zvečan", "gn-783769"),
    ("Stanica Zvečan", "gn-783769"),
    # areas
    ("Kosovo", "kosovo"),
    ("northern Kosovo", "north-kosovo"),
]


@pytest.fixture(scope="module")
def gazetteer(context: Context) -> Gazetteer:
    return context.gazetteer


@pytest.mark.parametrize(("query", "place_id"), SPELLINGS)
def test_every_spelling_finds_the_place(gazetteer: Gazetteer, query: str, place_id: str) -> None:
    result = gazetteer.geocode(query)
    assert result is not None, query
    assert result.place.id == place_id


ORDINARY_WORDS = [
    *("protesters", "barrier", "police", "soldiers", "local", "Serbia", "Albania", "plates", "barricades"),
    *("town hall", "North", "bridge", "KFOR", "Paris", "London", "Tokyo", "Vienna", "Sarajevo", "", "   ", "<script>"),
    # common Serbian and Albanian words
    *("policija", "policia", "selo", "most", "ura", "grad", "qyteti", "protest", "protesta", "opština", "komuna"),
    # names made of feature words only: nothing in particular
    *("Police Post", "Kalaja", "Potok", "Stanica"),
]


@pytest.mark.parametrize("word", ORDINARY_WORDS)
def test_ordinary_words_and_far_places_are_no_kosovo_place(gazetteer: Gazetteer, word: str) -> None:
    assert len(gazetteer.places) > 5000  # the whole of Kosovo is indexed
    assert gazetteer.geocode(word) is None


@pytest.mark.parametrize("name", ["Kastriot", "Fortesa", "Jankovic", "Janković", "Gllaboder", "Balkan"])
def test_first_names_renamings_and_hills_are_no_running_text_keys(gazetteer: Gazetteer, name: str) -> None:
    """Other names (a person's name as often as a place's) and terrain names never name a place in running text."""
    result = gazetteer.geocode(name)
    assert result is not None  # still found when a cell or the search box asks for it
    assert result.matched_by == "other_name" or result.place.kind in ("hill", "mountain")
    assert name.casefold() not in gazetteer.name_keys


SPLITS = [
    # (a feature's alternate name, its primary names, is it a spelling of them?)
    ("Sërboc", ["Srbovac"], True),  # Albanian orthography
    ("Bajskë", ["Banjska"], True),
    ("Zvechan", ["Zvečan"], True),
    ("Rudari", ["Rudar i Vogël", "Malo Rudare"], True),  # Albanian definite form, qualifier dropped
    ("Rudare", ["Veliko Rudare"], True),  # qualifier dropped
    ("Kosovska Mitrovica", ["Mitrovicë"], True),  # an extra word
    ("Stanica Zvečan", ["Železnička Stanica Zvečan"], True),  # a feature word dropped
    ("Kastriot", ["Obiliq", "Obilić"], False),  # a renaming, and a first name
    ("Fortesa", ["Vrbovac", "Vërboc"], False),
    ("Jankovic", ["Hani i Elezit", "Ðeneral Janković"], False),  # a fragment, and a surname
    ("Gllaboder", ["Obiliq"], False),  # a former name
]


@pytest.mark.parametrize(("name", "primary", "spelling"), SPLITS)
def test_alternate_names_split_into_spellings_and_other_names(name: str, primary: list[str], spelling: bool) -> None:
    spellings, others = split_names([name], primary)
    assert (spellings, others) == (([name], []) if spelling else ([], [name]))


@pytest.mark.parametrize(
    ("other_name", "place_id"), [("Kastriot", "gn-787534"), ("Fortesa", "gn-784179"), ("Jankovic", "gn-791539")]
)
def test_other_names_are_kept_apart_from_spellings(gazetteer: Gazetteer, other_name: str, place_id: str) -> None:
    place = gazetteer.get(place_id)
    assert place is not None
    assert other_name in place.other_names and other_name not in place.aliases


@pytest.mark.parametrize(
    ("query", "place_id"), [("Naples", "naples"), ("Beograd", "belgrade"), ("Raška", "raska"), ("Brussels", "brussels")]
)
def test_places_named_in_the_news_are_known_but_out_of_area(gazetteer: Gazetteer, query: str, place_id: str) -> None:
    result = gazetteer.geocode(query)
    assert result is not None and result.place.id == place_id
    assert result.place.in_area is False


def test_a_town_is_not_ambiguous_with_its_municipality_or_a_namesake_village(gazetteer: Gazetteer) -> None:
    result = gazetteer.geocode("Zvečan")
    assert result is not None and result.place.id == "zvecan" and not result.ambiguous
    municipalities = {alt.id: alt.municipality for alt, _ in result.alternatives}
    assert municipalities["mun-zvecan"] == "mun-zvecan"
    assert municipalities["gn-830257"] == "mun-istog"  # the village of Zvečan in Istog


def test_two_villages_with_one_name_are_ambiguous(gazetteer: Gazetteer) -> None:
    result = gazetteer.geocode("Zhabare")
    assert result is not None and result.ambiguous
    assert {result.place.id, *(alt.id for alt, _ in result.alternatives)} == {"gn-791207", "gn-790402"}


CONTEXTS = [
    # (name, context, expected place, an alternative that must be listed, ambiguous)
    ("Banjska", "", "banjska", "gn-792911", True),  # bare: the north's (Zvečan), but the pick is close
    ("Banjska", "Vushtrri", "gn-792911", "banjska", False),
    ("Banjska", "Vučitrn", "gn-792911", "banjska", False),
    ("Banjska", "mun-vushtrri", "gn-792911", "banjska", False),
    ("Banjska", "Zvečan", "banjska", "gn-792911", False),
    ("Banjska", "Police said shots were fired in the village near Vushtrri.", "gn-792911", "banjska", False),
    ("Ugljare", "", "gn-784784", "gn-784785", True),  # four villages; the one in Zubin Potok by the north prior
    ("Ugljare", "Gračanica", "gn-784785", "gn-784784", False),
    ("Ugljare", "Graçanicë", "gn-784785", "gn-784784", False),
    ("Ugljare", "Podujevo", "gn-830801", "gn-784784", False),
    ("Ugljare", "Zupče", "gn-784784", "gn-784785", False),  # a neighbouring village, not a municipality
    ("Dobrotin", "", "gn-791417", "gn-791415", True),  # a village over a hamlet, but close
    ("Dobrotin", "Podujevë", "gn-791415", "gn-791417", False),
    ("Dobrotin", ["Kosovo", "Podujevo"], "gn-791415", "gn-791417", False),
    ("Dobrotin", "Gračanica", "gn-791417", "gn-791415", False),
]


@pytest.mark.parametrize(("name", "around", "place_id", "alternative", "ambiguous"), CONTEXTS)
def test_shared_names_are_resolved_by_context_and_list_the_alternatives(
    gazetteer: Gazetteer, name: str, around: str | list[str], place_id: str, alternative: str, ambiguous: bool
) -> None:
    result = gazetteer.geocode(name, context=around)
    assert result is not None
    assert result.place.id == place_id
    assert alternative in {p.id for p in result.same_name()}
    assert result.ambiguous is ambiguous


def test_alternatives_carry_their_municipalities_in_the_json_form(gazetteer: Gazetteer) -> None:
    result = gazetteer.geocode("Banjska")
    assert result is not None
    shown = result.as_dict(names=gazetteer.municipality_names.get)
    assert (shown["municipality"], shown["municipality_name"]) == ("mun-zvecan", "Zvečan")
    vushtrri = next(a for a in shown["alternatives"] if a["id"] == "gn-792911")
    assert (vushtrri["municipality"], vushtrri["municipality_name"], vushtrri["kind"]) == (
        "mun-vushtrri",
        "Vushtrri",
        "village",
    )


def test_exact_matches_score_above_typos(gazetteer: Gazetteer) -> None:
    exact, typo = gazetteer.geocode("Leposavić"), gazetteer.geocode("Leposavik")
    assert exact is not None and typo is not None
    assert exact.score == 100 and typo.score < exact.score
    assert typo.matched_by == "fuzzy"


@pytest.mark.parametrize(
    ("place_id", "same"),
    [("gn-783770", "zvecan"), ("gns--102480", "zvecan"), ("gn-792910", "banjska"), ("gn-831106", "mun-zvecan")],
)
def test_ids_of_features_a_curated_place_took_resolve_to_it(gazetteer: Gazetteer, place_id: str, same: str) -> None:
    place = gazetteer.get(place_id)
    assert place is not None and place.id == same


def test_unknown_ids_resolve_to_nothing(gazetteer: Gazetteer) -> None:
    assert gazetteer.get("gn-0") is None and gazetteer.get("") is None


SEARCHES = [
    # (typed, the place the search box must offer first)
    ("Zvec", "zvecan"),
    ("Zveç", "zvecan"),
    ("Звеч", "zvecan"),
    ("zvecan", "zvecan"),
    ("Jarin", "jarinje"),
    ("Leposaviq", "leposavic"),
    ("Zupç", "gn-783781"),
    ("Gjako", "gn-791646"),  # Gjakovë / Đakovica: the Albanian "gj" meets the Serbian "đ"
    ("Đakov", "gn-791646"),
    ("Kastriot", "gn-787534"),  # other names count in the search box
    ("Zvecen", "zvecan"),  # no name starts so: a typo-tolerant look-up answers
]


@pytest.mark.parametrize(("typed", "first"), SEARCHES)
def test_search_finds_places_by_any_spelling_and_prefix(gazetteer: Gazetteer, typed: str, first: str) -> None:
    found = gazetteer.search(typed, limit=5)
    assert found and found[0].id == first, [p.id for p in found]


def test_search_finds_names_by_any_word_and_generic_names_too(gazetteer: Gazetteer) -> None:
    assert {"mitrovica-north", "mitrovica-south"} <= {p.id for p in gazetteer.search("Mitrovica", limit=10)}
    assert gazetteer.geocode("Police Post") is None  # a name of feature words only
    assert any(p.name_en == "Police Post" for p in gazetteer.search("Police Post", limit=10))
    assert gazetteer.search("", limit=5) == [] and gazetteer.search("Zvec", limit=0) == []
    municipalities = gazetteer.search("Zv", limit=10, kinds=frozenset({"municipality"}))
    assert [p.id for p in municipalities] == ["mun-zvecan"]


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


def test_every_site_has_its_page_and_every_borrowed_point_its_lender(gazetteer: Gazetteer) -> None:
    sites = [p for p in gazetteer.places if p.precision == "site"]
    assert {"jarinje", "brnjak", "ibar-bridge", "gazivode-dam", "banjska-monastery", "camp-bondsteel"} <= {
        p.id for p in sites
    }
    for place in sites:
        assert place.url.startswith(("http://", "https://")), place.id
    for place in gazetteer.places:
        if place.point_from:
            lender = gazetteer.get(place.point_from)
            assert lender is not None and (lender.lat, lender.lon) == (place.lat, place.lon), place.id


def test_no_two_places_share_a_point_unless_one_borrows_it(gazetteer: Gazetteer) -> None:
    by_point: dict[tuple[float, float], list[str]] = defaultdict(list)
    for place in gazetteer.places:
        by_point[(place.lat, place.lon)].append(place.id)
    for ids in (ids for ids in by_point.values() if len(ids) > 1):
        lender = ids[0]
        for other in ids[1:]:
            place = gazetteer.get(other)
            assert place is not None and place.point_from in ids, ids
        assert gazetteer.get(lender) is not None


def test_the_sites_the_issue_names_are_where_their_pages_put_them(gazetteer: Gazetteer) -> None:
    """Gazivode lake and the Brnjak crossing no longer share a point; North Mitrovica lies north of the bridge."""
    lake, brnjak, dam = gazetteer.get("gazivode"), gazetteer.get("brnjak"), gazetteer.get("gazivode-dam")
    north, bridge = gazetteer.get("mitrovica-north"), gazetteer.get("ibar-bridge")
    assert lake and brnjak and dam and north and bridge
    assert len({(p.lat, p.lon) for p in (lake, brnjak, dam)}) == 3
    assert north.lat > bridge.lat and north.municipality == "mun-north-mitrovica"
    assert brnjak.municipality == "mun-zubin-potok" and brnjak.kind == "border_crossing"


def test_the_whole_of_kosovo_is_in_it(gazetteer: Gazetteer) -> None:
    kinds = defaultdict(int)
    for place in gazetteer.places:
        kinds[place.kind] += 1
    assert kinds["village"] + kinds["hamlet"] > 2400
    assert kinds["stream"] > 400 and kinds["mountain"] > 700 and kinds["monastery"] >= 7
    assert sum(p.id.startswith("gns-") for p in gazetteer.places) > 200  # features only NGA has


def test_a_row_is_geocoded_with_its_municipality_and_keeps_the_alternatives(context: Context) -> None:
    rows = [
        {"id": "a", "date": "2023-09-24", "event_type": "Protests", "sub_event_type": "Peaceful protest",
         "place": "Banjska", "municipality": "Vushtrri", "summary": "A made-up row for this test only.",
         "source_publisher": "Test", "source_title": "Test"},
        {"id": "b", "date": "2023-09-24", "event_type": "Protests", "sub_event_type": "Peaceful protest",
         "place": "Banjska", "summary": "A made-up row for this test only.",
         "source_publisher": "Test", "source_title": "Test"},
    ]  # fmt: skip
    frame, problems = parse_rows(rows, "mine.csv", "incident", context)
    assert problems == []
    by_id = frame.set_index("id")
    assert (by_id.loc["a", "place_id"], by_id.loc["a", "municipality"]) == ("gn-792911", "mun-vushtrri")
    assert "banjska" in by_id.loc["a", "place_alternatives"].split(";")
    assert by_id.loc["b", "place_id"] == "banjska"
    assert "gn-792911" in by_id.loc["b", "place_alternatives"].split(";")


def test_the_compiled_index_is_the_index_of_the_shipped_places(data_dir: Path, gazetteer: Gazetteer) -> None:
    """data/places_index.json is current: rebuild it with `python scripts/build_places.py` when this fails."""
    shipped = json.loads((data_dir / COMPILED_INDEX).read_text(encoding="utf-8"))
    assert shipped["fingerprint"] == fingerprint((data_dir / "places.csv").read_bytes())
    fresh = json.loads(json.dumps(NameIndex(gazetteer.places).compiled()))
    assert shipped["index"] == fresh


def test_a_stale_compiled_index_is_not_used(tmp_path: Path, data_dir: Path) -> None:
    (tmp_path / "places.csv").write_bytes((data_dir / "places.csv").read_bytes())
    (tmp_path / COMPILED_INDEX).write_text('{"fingerprint": "stale", "index": {}}', encoding="utf-8")
    rebuilt = Gazetteer.from_csv(tmp_path / "places.csv")
    result = rebuilt.geocode("Zupče")
    assert result is not None and result.place.id == "gn-783781"


@pytest.mark.skipif(not SOURCES.is_dir(), reason="the name files are not here (../shared/data/gazetteer)")
def test_the_build_reproduces_the_shipped_gazetteer(tmp_path: Path, data_dir: Path) -> None:
    out = tmp_path / "places.csv"
    subprocess.run([sys.executable, "scripts/build_places.py", "-o", str(out)], cwd=ROOT, check=True, timeout=600)
    assert out.read_bytes() == (data_dir / "places.csv").read_bytes()
    with open(out, encoding="utf-8", newline="") as handle:
        ids = [row["id"] for row in csv.DictReader(handle)]
    assert len(ids) == len(set(ids))
