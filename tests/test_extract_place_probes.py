"""Place probes: the forms reporters write a northern place in, and which place of a text is an event's.

Two tables per concern, written for this file (own sentences in the style of local and wire reports, real
places, invented facts):
- name forms: a case form, a spelling or a script of one place, in a sentence; the mention finder must give
  that place (geo.extract.mentions);
- event places: short texts with a known event place, and places the text names that are no event's place
  (an origin, a speaker's city); `extract` must propose the one and none of the others.
"""

from __future__ import annotations

from datetime import date

import pytest

from geo.dataset import DATA_DIR
from geo.extract import extract
from geo.gazetteer import Gazetteer
from geo.names import fold, to_cyrillic

PUBLISHED = date(2024, 3, 15)  # a Friday: "on Tuesday" is 12 March


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_csv(DATA_DIR / "places.csv")


def _mentioned(text: str, language: str, gazetteer: Gazetteer) -> set[str]:
    return {m.place_id for m in extract(text, PUBLISHED, gazetteer, language=language).mentions}


def _proposed(text: str, language: str, gazetteer: Gazetteer) -> set[str]:
    return {c.place_id for c in extract(text, PUBLISHED, gazetteer, language=language).candidates}


# (language, sentence, place id the name form must give)
NAME_FORMS = [
    # "đ" typed as "dj", as Serbian without diacritics writes it.
    ("sr", "Juče je došlo do incidenta u Tvrdjanu, saopštila je policija.", "gn-784797"),
    ("sr", "Juče je policija uhapsila dvojicu u Medjedjem Potoku.", "gn-788071"),
    ("sr", "Juče je zapaljen automobil u Zabrdju kod Leposavića.", "gn-830119"),
    ("en", "Police arrested two men in Medjedji Potok on Tuesday.", "gn-788071"),
    ("en", "An incident took place in Tvrdjan on Monday, police said.", "gn-784797"),
    # A Serbian name in Albanian letters, with the sounds Albanian spells anew: a syllabic r takes an "ë", a
    # fleeting a of "-ac" drops.
    ("sq", "Dje ndodhi një incident në Sërbovc, njoftoi policia.", "gn-785637"),
    ("sq", "Dje ndodhi një incident në Tvërgjan, njoftoi policia.", "gn-784797"),
    ("sq", "Dje ndodhi një incident në Zhitkovc, njoftoi policia.", "gn-783885"),
    ("sq", "Dje ndodhi një incident afër Sërbovcit, njoftoi policia.", "gn-785637"),
    # A Serbian final -o written -ë, declined as such, for a place with no Albanian name of its own.
    ("sq", "Dje ndodhi një përleshje në Jarkovë.", "gn-830968"),
    ("sq", "Dje ndodhi një përleshje afër Brestovës.", "gn-830997"),
    # A locality (a named spot that is no settlement) where a place is expected.
    ("sr", "Juče je došlo do pucnjave u Krstištu kod Leposavića.", "gn-830894"),
    ("sr", "Juče su meštani protestovali u selu Protina Njiva.", "gn-830927"),
    ("en", "Shots were fired near Krstiste on Monday.", "gn-830894"),
    ("sq", "Dje ndodhi një incident në Krstište, njoftoi policia.", "gn-830894"),
    # A northern village named by a common word, after a place word, though the word is also a case form of a
    # far namesake ("Kula" the genitive of a mountain "Kule").
    ("sr", "Juče je došlo do pucnjave u selu Kula.", "gn-830265"),
    ("en", "Shots were fired in the village of Kula near Zvecan on Monday.", "gn-830265"),
    ("sq", "Dje ndodhi një incident në fshatin Kula.", "gn-830265"),
    # After a village noun, the village of a name shared with a lake.
    ("sr", "Juče je zapaljen automobil u selu Gazivode.", "gn-790752"),
    ("en", "A car was set on fire in the village of Gazivode on Monday.", "gn-790752"),
    ("sq", "Dje u dogj një veturë në fshatin Gazivodë.", "gn-790752"),
    # A crossing's adjective in lower case before a place noun.
    ("sr", "Kamioni su juče satima čekali na brnjačkom prelazu.", "brnjak"),
    ("sr", "Kamioni su juce satima cekali na brnjackom prelazu.", "brnjak"),
    ("sr", "Камиони су јуче сатима чекали на брњачком прелазу.", "brnjak"),
    # A village noun right before the name, with no preposition, is a place context (a village outside the
    # four municipalities needs one).
    ("sq", "Dje fshati Vërnicë u bllokua nga policia.", "gn-784183"),
    ("sr", "Juče je selo Vrbnica bilo blokirano.", "gn-784183"),
    ("en", "On Monday the village of Vrbnica was cut off by police.", "gn-784183"),
    # A place noun that opens a name, written without its diacritics.
    ("sq", "Dje ndodhi një incident ne digen e Ujmanit, njoftoi policia.", "gazivode-dam"),
    ("sq", "Dje ndodhi një incident prane diges se Ujmanit, njoftoi policia.", "gazivode-dam"),
    # A facility named by its noun and the place it is in.
    ("en", "An incident took place at the monastery in Banjska on Monday, police said.", "banjska-monastery"),
]


@pytest.mark.parametrize(("language", "text", "place_id"), NAME_FORMS)
def test_a_name_form_gives_its_place(gazetteer: Gazetteer, language: str, text: str, place_id: str) -> None:
    assert place_id in _mentioned(text, language, gazetteer)


# The places of the north reporters write most, in the forms they write them: each Serbian phrase also without
# diacritics and in Cyrillic, each Albanian one also without ë and ç.
_NOUN_CHAIN = pytest.mark.xfail(
    strict=True, reason="a facility noun before another place noun ('digës së liqenit të Ujmanit') is not joined"
)
KEY_FORMS = [
    ("sr", "u Zvečanu", "zvecan"),
    ("sr", "iz Zvečana", "zvecan"),
    ("sr", "kod Zvečana", "zvecan"),
    ("sr", "prema Zvečanu", "zvecan"),
    ("sr", "ispred Zvečana", "zvecan"),
    ("sr", "blizu Zvečana", "zvecan"),
    ("sr", "nadomak Zvečana", "zvecan"),
    ("sr", "u zvečanskoj opštini", "zvecan"),
    ("sr", "u opštini Zvečan", "zvecan"),
    ("sr", "pod Zvečanom", "zvecan"),
    ("sr", "u Leposaviću", "leposavic"),
    ("sr", "iz Leposavića", "leposavic"),
    ("sr", "do Leposavića", "leposavic"),
    ("sr", "ka Leposaviću", "leposavic"),
    ("sr", "pred Leposavićem", "leposavic"),
    ("sr", "u leposavićkoj opštini", "leposavic"),
    ("sr", "u leposavičkom selu", "leposavic"),
    ("sr", "u Zubinom Potoku", "zubin-potok"),
    ("sr", "iz Zubinog Potoka", "zubin-potok"),
    ("sr", "kod Zubinog Potoka", "zubin-potok"),
    ("sr", "prema Zubinom Potoku", "zubin-potok"),
    ("sr", "u opštini Zubin Potok", "zubin-potok"),
    ("sr", "pod Zubinim Potokom", "zubin-potok"),
    ("sr", "u Severnoj Mitrovici", "mitrovica-north"),
    ("sr", "iz Severne Mitrovice", "mitrovica-north"),
    ("sr", "ka Severnoj Mitrovici", "mitrovica-north"),
    ("sr", "u severnom delu Kosovske Mitrovice", "mitrovica-north"),
    ("sr", "u Kosovskoj Mitrovici", "mitrovica-north"),
    ("sr", "na severu Kosovske Mitrovice", "mitrovica-north"),
    ("sr", "u severnom delu Mitrovice", "mitrovica-north"),
    ("sr", "u severnom delu grada", "mitrovica-north"),
    ("sr", "u Južnoj Mitrovici", "mitrovica-south"),
    ("sr", "u južnom delu Mitrovice", "mitrovica-south"),
    ("sr", "na Jarinju", "jarinje"),
    ("sr", "sa Jarinja", "jarinje"),
    ("sr", "kod Jarinja", "jarinje"),
    ("sr", "na prelazu Jarinje", "jarinje"),
    ("sr", "na administrativnom prelazu Jarinje", "jarinje"),
    ("sr", "na graničnom prelazu Jarinje", "jarinje"),
    ("sr", "do Jarinja", "jarinje"),
    ("sr", "na Brnjaku", "brnjak"),
    ("sr", "kod Brnjaka", "brnjak"),
    ("sr", "na prelazu Brnjak", "brnjak"),
    ("sr", "na brnjačkom prelazu", "brnjak"),
    ("sr", "na Merdaru", "merdare"),
    ("sr", "na prelazu Merdare", "merdare"),
    ("sr", "kod Merdara", "merdare"),
    ("sr", "na Merdarima", "merdare"),
    ("sr", "na jezeru Gazivode", "gazivode"),
    ("sr", "kod jezera Gazivode", "gazivode"),
    ("sr", "na Gazivodskom jezeru", "gazivode"),
    ("sr", "na obali Gazivodskog jezera", "gazivode"),
    ("sr", "na brani Gazivode", "gazivode-dam"),
    ("sr", "kod brane Gazivode", "gazivode-dam"),
    ("sr", "na brani jezera Gazivode", "gazivode-dam"),
    ("sr", "na mostu na Ibru", "ibar-bridge"),
    ("sr", "na glavnom mostu na Ibru", "ibar-bridge"),
    ("sr", "na ibarskom mostu", "ibar-bridge"),
    ("sr", "kod mosta na Ibru", "ibar-bridge"),
    ("sr", "na mostu preko Ibra", "ibar-bridge"),
    ("sr", "kod glavnog mosta u Mitrovici", "ibar-bridge"),
    ("sr", "u manastiru Banjska", "banjska-monastery"),
    ("sr", "ispred manastira Banjska", "banjska-monastery"),
    ("sr", "kod manastira Banjska", "banjska-monastery"),
    ("sr", "u Banjskoj", "banjska"),
    ("sr", "iz Banjske", "banjska"),
    ("sr", "u selu Banjska", "banjska"),
    ("sr", "u Rudaru", "gn-784523"),
    ("sr", "kod Rudara", "gn-784523"),
    ("sr", "u selu Rudare", "gn-784523"),
    ("sr", "u Zupču", "gn-783781"),
    ("sr", "iz Zupča", "gn-783781"),
    ("sr", "u selu Zupče", "gn-783781"),
    ("sr", "u Valaču", "gn-784735"),
    ("sr", "u Žerovnici", "gn-783909"),
    ("sr", "u Jagnjenici", "gn-789927"),
    ("sr", "u Žitkovcu", "gn-783885"),
    ("sr", "u Varagama", "gn-784719"),
    ("sr", "u Tvrđanu", "gn-784797"),
    ("sr", "u Srbovcu", "gn-785637"),
    ("sr", "u selu Srbovac", "gn-785637"),
    ("sq", "në Zveçan", "zvecan"),
    ("sq", "nga Zveçani", "zvecan"),
    ("sq", "afër Zveçanit", "zvecan"),
    ("sq", "të Zveçanit", "zvecan"),
    ("sq", "në komunën e Zveçanit", "zvecan"),
    ("sq", "në Komunën e Zveçanit", "zvecan"),
    ("sq", "drejt Zveçanit", "zvecan"),
    ("sq", "në qytetin e Zveçanit", "zvecan"),
    ("sq", "në Leposaviq", "leposavic"),
    ("sq", "nga Leposaviqi", "leposavic"),
    ("sq", "pranë Leposaviqit", "leposavic"),
    ("sq", "në komunën e Leposaviqit", "leposavic"),
    ("sq", "në Leposaviç", "leposavic"),
    ("sq", "në Zubin Potok", "zubin-potok"),
    ("sq", "nga Zubin Potoku", "zubin-potok"),
    ("sq", "afër Zubin Potokut", "zubin-potok"),
    ("sq", "në komunën e Zubin Potokut", "zubin-potok"),
    ("sq", "në Mitrovicë të Veriut", "mitrovica-north"),
    ("sq", "në Mitrovicën e Veriut", "mitrovica-north"),
    ("sq", "nga Mitrovica e Veriut", "mitrovica-north"),
    ("sq", "të Mitrovicës së Veriut", "mitrovica-north"),
    ("sq", "në Mitrovicën Veriore", "mitrovica-north"),
    ("sq", "në veri të Mitrovicës", "mitrovica-north"),
    ("sq", "në pjesën veriore të Mitrovicës", "mitrovica-north"),
    ("sq", "në pjesën veriore të qytetit", "mitrovica-north"),
    ("sq", "në Mitrovicë të Jugut", "mitrovica-south"),
    ("sq", "në pjesën jugore të Mitrovicës", "mitrovica-south"),
    ("sq", "në Jarinjë", "jarinje"),
    ("sq", "te Jarinja", "jarinje"),
    ("sq", "afër Jarinjës", "jarinje"),
    ("sq", "në pikën kufitare të Jarinjës", "jarinje"),
    ("sq", "në pikën kufitare në Jarinjë", "jarinje"),
    ("sq", "në pikëkalimin e Jarinjës", "jarinje"),
    ("sq", "në vendkalimin e Jarinjës", "jarinje"),
    ("sq", "në Jarinje", "jarinje"),
    ("sq", "në Bërnjak", "brnjak"),
    ("sq", "te Bërnjaku", "brnjak"),
    ("sq", "në pikëkalimin e Bërnjakut", "brnjak"),
    ("sq", "në Brnjak", "brnjak"),
    ("sq", "në pikën kufitare të Bërnjakut", "brnjak"),
    ("sq", "në Merdare", "merdare"),
    ("sq", "në Merdar", "merdare"),
    ("sq", "në pikëkalimin e Merdarit", "merdare"),
    ("sq", "te Merdari", "merdare"),
    ("sq", "në pikën kufitare të Merdares", "merdare"),
    ("sq", "në liqenin e Ujmanit", "gazivode"),
    ("sq", "afër liqenit të Ujmanit", "gazivode"),
    ("sq", "në Ujman", "gazivode"),
    ("sq", "në liqenin e Gazivodës", "gazivode"),
    ("sq", "në Liqenin e Ujmanit", "gazivode"),
    ("sq", "te diga e Ujmanit", "gazivode-dam"),
    ("sq", "në digën e Ujmanit", "gazivode-dam"),
    ("sq", "pranë digës së Ujmanit", "gazivode-dam"),
    pytest.param("sq", "afër digës së liqenit të Ujmanit", "gazivode-dam", marks=_NOUN_CHAIN),
    ("sq", "në urën e Ibrit", "ibar-bridge"),
    ("sq", "pranë urës së Ibrit", "ibar-bridge"),
    ("sq", "te ura e Ibrit", "ibar-bridge"),
    ("sq", "në urën kryesore në Mitrovicë", "ibar-bridge"),
    ("sq", "në urën mbi lumin Ibër", "ibar-bridge"),
    ("sq", "afër urës kryesore mbi Ibër", "ibar-bridge"),
    ("sq", "në manastirin e Banjskës", "banjska-monastery"),
    ("sq", "pranë manastirit të Banjskës", "banjska-monastery"),
    ("sq", "në manastirin e Banjës", "banjska-monastery"),
    ("sq", "në Banjskë", "banjska"),
    ("sq", "në fshatin Banjskë", "banjska"),
    ("sq", "nga Banjska", "banjska"),
    ("sq", "afër Banjskës", "banjska"),
    ("sq", "në Rudarë", "gn-784523"),
    ("sq", "në fshatin Rudar", "gn-784523"),
    ("sq", "afër Rudarit", "gn-784523"),
    ("sq", "në Zupç", "gn-783781"),
    ("sq", "në fshatin Zupç", "gn-783781"),
    ("sq", "afër Zupçit", "gn-783781"),
    ("sq", "në Vallaç", "gn-784735"),
    ("sq", "në Valaç", "gn-784735"),
    ("sq", "në Zhitkoc", "gn-783885"),
    ("sq", "në Varagë", "gn-784719"),
    ("sq", "në Tvërgjan", "gn-784797"),
    ("sq", "në Srbovc", "gn-785637"),
    ("sq", "në Sërbovc", "gn-785637"),
    ("en", "in Zvecan", "zvecan"),
    ("en", "in Zvečan", "zvecan"),
    ("en", "in Zveçan", "zvecan"),
    ("en", "outside Zvecan", "zvecan"),
    ("en", "in Zvecan's centre", "zvecan"),
    ("en", "the Zvecan-based", "zvecan"),
    ("en", "near Zvecan", "zvecan"),
    ("en", "in the town of Zvecan", "zvecan"),
    ("en", "in the Zvecan municipality", "zvecan"),
    ("en", "in the municipality of Zvecan", "zvecan"),
    ("en", "in Leposavic", "leposavic"),
    ("en", "in Leposaviq", "leposavic"),
    ("en", "in Leposavic's", "leposavic"),
    ("en", "in Zubin Potok", "zubin-potok"),
    ("en", "in Zubin Potok's", "zubin-potok"),
    ("en", "in North Mitrovica", "mitrovica-north"),
    ("en", "in northern Mitrovica", "mitrovica-north"),
    ("en", "in the northern part of Mitrovica", "mitrovica-north"),
    ("en", "in Mitrovica North", "mitrovica-north"),
    ("en", "in the north of Mitrovica", "mitrovica-north"),
    ("en", "in the Serb-majority north of Mitrovica", "mitrovica-north"),
    ("en", "in north Mitrovica", "mitrovica-north"),
    ("en", "in Mitrovicë e Veriut", "mitrovica-north"),
    ("en", "in South Mitrovica", "mitrovica-south"),
    ("en", "in the southern part of Mitrovica", "mitrovica-south"),
    ("en", "at Jarinje", "jarinje"),
    ("en", "at the Jarinje crossing", "jarinje"),
    ("en", "at the Jarinje border crossing", "jarinje"),
    ("en", "at the Jarinje checkpoint", "jarinje"),
    ("en", "at the crossing at Jarinje", "jarinje"),
    ("en", "at Jarinje crossing", "jarinje"),
    ("en", "at the Brnjak crossing", "brnjak"),
    ("en", "at Bernjak", "brnjak"),
    ("en", "at the Bërnjak crossing", "brnjak"),
    ("en", "at Merdare", "merdare"),
    ("en", "at the Merdare crossing", "merdare"),
    ("en", "at Merdar", "merdare"),
    ("en", "at Lake Gazivode", "gazivode"),
    ("en", "at Gazivode lake", "gazivode"),
    ("en", "at Lake Ujman", "gazivode"),
    ("en", "on the shore of Gazivode Lake", "gazivode"),
    ("en", "at the Gazivode dam", "gazivode-dam"),
    ("en", "at the dam of Lake Gazivode", "gazivode-dam"),
    ("en", "at the Ujman dam", "gazivode-dam"),
    ("en", "on the Ibar bridge", "ibar-bridge"),
    ("en", "on the main bridge over the Ibar", "ibar-bridge"),
    ("en", "near the main bridge in Mitrovica", "ibar-bridge"),
    ("en", "on the bridge over the Ibar River", "ibar-bridge"),
    ("en", "at the main Ibar bridge", "ibar-bridge"),
    ("en", "on the Ibar River bridge", "ibar-bridge"),
    ("en", "at Banjska monastery", "banjska-monastery"),
    ("en", "at the Banjska monastery", "banjska-monastery"),
    ("en", "in the monastery of Banjska", "banjska-monastery"),
    ("en", "at the monastery in Banjska", "banjska-monastery"),
    ("en", "in the village of Banjska", "banjska"),
    ("en", "in Banjska", "banjska"),
    ("en", "in the village of Rudare near Zvecan", "gn-784523"),
    ("en", "in Rudare", "gn-784523"),
    ("en", "in the village of Zupce", "gn-783781"),
    ("en", "in Zupce", "gn-783781"),
    ("en", "in Zupče", "gn-783781"),
    ("en", "in Valac", "gn-784735"),
    ("en", "in the village of Srbovac", "gn-785637"),
    ("en", "in Varage", "gn-784719"),
    ("en", "in Tvrdjan", "gn-784797"),
    ("en", "in Zitkovac", "gn-783885"),
]
_TEMPLATES = {
    "sr": "Juče je došlo do incidenta {}, saopštila je policija.",
    "sq": "Dje ndodhi një incident {}, njoftoi policia.",
    "en": "An incident took place {} on Monday, police said.",
}
_PLAIN = str.maketrans("čćšžČĆŠŽëçËÇ", "ccszCCSZecEC")


def _spellings(language: str, phrase: str) -> list[str]:
    if language == "sr":
        return [phrase, phrase.replace("đ", "dj").translate(_PLAIN), to_cyrillic(phrase)]
    return [phrase, phrase.translate(_PLAIN)] if language == "sq" else [phrase]


_SEATS = {"zvecan": "mun-zvecan", "leposavic": "mun-leposavic", "zubin-potok": "mun-zubin-potok"}


@pytest.mark.parametrize(("language", "phrase", "place_id"), KEY_FORMS)
def test_a_key_place_is_found_in_each_form(gazetteer: Gazetteer, language: str, phrase: str, place_id: str) -> None:
    for text in (_TEMPLATES[language].format(spelt) for spelt in _spellings(language, phrase)):
        found = _mentioned(text, language, gazetteer)
        assert place_id in found or _SEATS.get(place_id) in found, text


_NORTH = ("mun-zvecan", "mun-leposavic", "mun-zubin-potok", "mun-north-mitrovica")
_VILLAGE_NOUN = {
    "sr": "Juče je došlo do pucnjave u selu {}.",
    "sq": "Dje ndodhi një përleshje në fshatin {}.",
    "en": "Shots were fired in the village of {} on Monday.",
}


@pytest.mark.parametrize("language", sorted(_VILLAGE_NOUN))
def test_every_northern_village_is_found_after_a_village_noun(gazetteer: Gazetteer, language: str) -> None:
    """The whole audit of one form: each village and hamlet of the four municipalities by its name in the
    language (Albanian: its Serbian name when it has no Albanian one), after the language's village noun. A
    namesake village of the north is as good (two Bistricas, two Kamenicas: nothing tells them apart here)."""
    missed = []
    for place in (p for p in gazetteer.places if p.municipality in _NORTH and p.kind in ("village", "hamlet")):
        name = {"sr": place.name_sr_latn, "sq": place.name_sq or place.name_sr_latn, "en": place.name_en}[language]
        found = [gazetteer.get(i) for i in _mentioned(_VILLAGE_NOUN[language].format(name), language, gazetteer)]
        if not any(p is not None and fold(name) in {fold(n) for n in p.names} for p in found):
            missed.append(name)
    assert not missed


_UNTYPED = pytest.mark.xfail(
    strict=True, reason="an untyped 'incident' alone is no event: by design it only adds to a typed one told nearby"
)
_PEOPLE_ADJECTIVE = pytest.mark.xfail(
    strict=True,
    reason="a town's adjective before a people noun ('leposavićki Srbi') is not read as the town: beside another "
    "site it would be a second, wrong one",
)
_NO_CONVOY_TRIGGER = pytest.mark.xfail(
    strict=True, reason="English has no trigger for a convoy driving through a place (Serbian has: 'vozila su prošla')"
)

# (language, text, places that must be proposed, places that must not be): the event place before or after the
# verb, only in the dateline, in an apposition or a relative clause; an origin beside the site ("protesters from
# Leposavić gathered in Zvečan"); a speaker's city; roads, crossings, a municipality's building; several events;
# a follow-up that points back ("There, …", "in the same town").
EVENT_PLACES = [
    # Follow-ups that point back: 'There, …', 'the same happened in', 'in the same village', 'the town's mayor'.
    (
        "en",
        "Protesters gathered in Leposavic on Tuesday. There, they blocked the main road for two hours.",
        {"leposavic"},
        set(),
    ),
    (
        "en",
        "A car was torched in Zvecan on Tuesday. On Wednesday, the same happened in Leposavic.",
        {"leposavic", "zvecan"},
        set(),
    ),
    (
        "en",
        "Police raided a house in the village of Zupce on Tuesday. In the same village, two men were arrested on "
        "Wednesday.",
        {"gn-783781"},
        set(),
    ),
    (
        "en",
        "Masked men attacked a shop in Zvecan on Tuesday. The town's mayor condemned the attack.",
        {"zvecan"},
        set(),
    ),
    (
        "sr",
        "Demonstranti su se u utorak okupili u Leposaviću. Tamo su dva sata blokirali magistralni put.",
        {"leposavic"},
        set(),
    ),
    (
        "sr",
        "Automobil je zapaljen u utorak u Zvečanu. U sredu se isto dogodilo u Leposaviću.",
        {"leposavic", "zvecan"},
        set(),
    ),
    (
        "sr",
        "Policija je u utorak pretresla kuću u selu Zupče. U istom selu su u sredu uhapšena dvojica muškaraca.",
        {"gn-783781"},
        set(),
    ),
    (
        "sr",
        "Maskirani muškarci napali su u utorak prodavnicu u Zvečanu. Predsednik opštine osudio je napad.",
        {"zvecan"},
        set(),
    ),
    (
        "sq",
        "Protestuesit u mblodhën të martën në Leposaviq. Atje ata bllokuan rrugën kryesore për dy orë.",
        {"leposavic"},
        set(),
    ),
    (
        "sq",
        "Një veturë u dogj të martën në Zveçan. Të mërkurën e njëjta gjë ndodhi në Leposaviq.",
        {"leposavic", "zvecan"},
        set(),
    ),
    (
        "sq",
        "Policia kontrolloi të martën një shtëpi në fshatin Zupç. Në të njëjtin fshat, të mërkurën u arrestuan dy "
        "burra.",
        {"gn-783781"},
        set(),
    ),
    (
        "sq",
        "Persona të maskuar sulmuan të martën një dyqan në Zveçan. Kryetari i komunës e dënoi sulmin.",
        {"zvecan"},
        set(),
    ),
    # Longer reports: a statement around the event, a dateline of the town, 'in the same municipality'.
    (
        "en",
        "Kosovo police said on Tuesday that officers had come under fire near the village of Zupce in the early "
        "hours. No one was hurt, a spokesman said. Investigators were at the scene later in the day.",
        {"gn-783781"},
        set(),
    ),
    (
        "en",
        "NORTH MITROVICA, Kosovo (AP) - Hundreds of ethnic Serbs rallied on Tuesday in the divided town's northern "
        "part to protest against the arrest of a local official.",
        {"mitrovica-north"},
        set(),
    ),
    (
        "en",
        "Local Serbs told RFE/RL that the patrol was stopped on Tuesday outside Leposavic by a group of masked men. "
        "Kosovo's interior minister, speaking in Pristina, called it an attack on the state.",
        {"leposavic"},
        {"pristina"},
    ),
    (
        "en",
        "Two people were detained on Tuesday in Zubin Potok. A third was arrested in the same municipality a day "
        "later.",
        {"zubin-potok"},
        set(),
    ),
    (
        "sr",
        "Kosovska policija saopštila je u utorak da je na policajce pucano u ranim jutarnjim satima nedaleko od "
        "sela Zupče. Niko nije povređen. Istražitelji su kasnije izašli na lice mesta.",
        {"gn-783781"},
        set(),
    ),
    (
        "sr",
        "Nekoliko stotina Srba okupilo se u utorak u severnom delu grada, na protestu protiv hapšenja lokalnog "
        "funkcionera. Skup je održan u Severnoj Mitrovici.",
        {"mitrovica-north"},
        set(),
    ),
    (
        "sr",
        "Dvojica su privedena u utorak u Zubinom Potoku. Treći je uhapšen u istoj opštini dan kasnije.",
        {"zubin-potok"},
        set(),
    ),
    (
        "sq",
        "Policia e Kosovës njoftoi të martën se ndaj policëve u qëllua në orët e para të mëngjesit afër fshatit "
        "Zupç. Askush nuk u lëndua. Hetuesit dolën më vonë në vendngjarje.",
        {"gn-783781"},
        set(),
    ),
    (
        "sq",
        "Disa qindra serbë u mblodhën të martën në pjesën veriore të Mitrovicës, në një protestë kundër arrestimit "
        "të një zyrtari vendor.",
        {"mitrovica-north"},
        set(),
    ),
    (
        "sq",
        "Dy persona u ndaluan të martën në Zubin Potok. I treti u arrestua në të njëjtën komunë një ditë më vonë.",
        {"zubin-potok"},
        set(),
    ),
    # A local seat that announces what will happen tells of no event at it.
    ("sr", "Opština Zvečan saopštila je u utorak da će sledeće nedelje održati protest.", set(), {"zvecan"}),
    ("sq", "Komuna e Zveçanit njoftoi të martën se javën e ardhshme do të mbajë një protestë.", set(), {"zvecan"}),
    ("en", "The Zvecan municipality said on Tuesday it would hold a protest next week.", set(), {"zvecan"}),
    # Places that are no event's: a detention centre, a destination, a speaker, a title over a story told
    # elsewhere, an origin before a direct object; a later story told outside the area.
    (
        "en",
        "Police arrested a man in Zvecan on Tuesday; he was taken to the detention centre in Mitrovica.",
        {"zvecan"},
        {"mitrovica-north", "mitrovica-south"},
    ),
    (
        "en",
        "Serbs from Zvecan travelled to Belgrade on Tuesday to protest outside the government building.",
        set(),
        {"zvecan"},
    ),
    ("en", "The Zvecan municipality said on Tuesday it would hold a protest next week.", set(), {"zvecan"}),
    ("en", "Leposavic's mayor told reporters on Tuesday that the situation was calm.", set(), {"leposavic"}),
    ("en", "Protest in Zvecan\n\nSerbs in Belgrade rallied on Tuesday in support of the north.", set(), {"zvecan"}),
    ("en", "Zubin Potok residents said on Tuesday they feared new arrests.", set(), {"zubin-potok"}),
    (
        "en",
        "Police arrested two men in Zvecan on Tuesday. In Belgrade, thousands of people rallied on Wednesday.",
        {"zvecan"},
        {"belgrade"},
    ),
    ("en", "Police from Leposavic patrolled the Jarinje crossing on Tuesday.", {"jarinje"}, {"leposavic"}),
    (
        "sr",
        "Policija je u utorak uhapsila muškarca u Zvečanu; on je sproveden u pritvor u Mitrovici.",
        {"zvecan"},
        {"mitrovica-north", "mitrovica-south"},
    ),
    ("sr", "Srbi iz Zvečana otputovali su u utorak u Beograd da protestuju ispred zgrade vlade.", set(), {"zvecan"}),
    ("sr", "Predsednik opštine Leposavić rekao je u utorak novinarima da je situacija mirna.", set(), {"leposavic"}),
    ("sr", "Protest u Zvečanu\n\nSrbi u Beogradu okupili su se u utorak u znak podrške severu.", set(), {"zvecan"}),
    (
        "sr",
        "Policija je u utorak uhapsila dvojicu u Zvečanu. U Beogradu se u sredu okupilo hiljade ljudi.",
        {"zvecan"},
        {"belgrade"},
    ),
    ("sr", "Policajci iz Leposavića patrolirali su u utorak na prelazu Jarinje.", {"jarinje"}, {"leposavic"}),
    (
        "sq",
        "Policia arrestoi të martën një burrë në Zveçan; ai u dërgua në paraburgim në Mitrovicë.",
        {"zvecan"},
        {"mitrovica-north", "mitrovica-south"},
    ),
    (
        "sq",
        "Serbët nga Zveçani udhëtuan të martën për në Beograd për të protestuar para ndërtesës së qeverisë.",
        set(),
        {"zvecan"},
    ),
    ("sq", "Kryetari i Leposaviqit u tha të martën gazetarëve se situata është e qetë.", set(), {"leposavic"}),
    ("sq", "Protestë në Zveçan\n\nSerbët në Beograd u mblodhën të martën në mbështetje të veriut.", set(), {"zvecan"}),
    (
        "sq",
        "Policia arrestoi të martën dy burra në Zveçan. Në Beograd të mërkurën u mblodhën mijëra njerëz.",
        {"zvecan"},
        {"belgrade"},
    ),
    ("sq", "Policë nga Leposaviqi patrulluan të martën në pikëkalimin e Jarinjës.", {"jarinje"}, {"leposavic"}),
    # A place told after the event, in a relative clause, a quarter, in brackets; two events in one sentence;
    # a court one stands at.
    (
        "en",
        "Two officers were injured on Tuesday. The incident took place in Zvecan, near the municipal building.",
        {"zvecan"},
        set(),
    ),
    ("en", "Police arrived in Zvecan, where protesters had gathered on Tuesday.", {"zvecan"}, set()),
    (
        "en",
        "Shots were fired on Tuesday in the Bosniak Mahala neighbourhood of North Mitrovica.",
        {"mitrovica-north"},
        set(),
    ),
    ("en", "A car was set on fire on Tuesday in Zupce (Zubin Potok).", {"gn-783781"}, set()),
    ("en", "A car was set on fire on Tuesday in Zupce village.", {"gn-783781"}, set()),
    ("en", "Protests were held on Tuesday in the northern town of Zvecan.", {"zvecan"}, set()),
    ("en", "Police arrested two men on Tuesday in the Serb-majority municipality of Leposavic.", {"leposavic"}, set()),
    (
        "en",
        "Unknown persons fired shots at a house in Zupce on Tuesday night, and in Zvecan a car was set on fire, "
        "police said.",
        {"gn-783781", "zvecan"},
        set(),
    ),
    ("en", "Barricades went up on Tuesday at the entrance to the village of Rudare.", {"gn-784523"}, set()),
    ("en", "Police also arrested two men in Leposavic on Tuesday.", {"leposavic"}, set()),
    ("en", "A police officer was injured on Tuesday in Zvecan, near Mitrovica.", {"zvecan"}, set()),
    (
        "en",
        "On Tuesday a group of Serbs threw stones at police in front of the court in North Mitrovica.",
        {"mitrovica-north"},
        set(),
    ),
    (
        "sr",
        "Dvojica policajaca povređena su u utorak. Incident se dogodio u Zvečanu, kod zgrade opštine.",
        {"zvecan"},
        set(),
    ),
    ("sr", "Policija je stigla u Zvečan, gde su se u utorak okupili demonstranti.", {"zvecan"}, set()),
    ("sr", "Pucnji su se čuli u utorak u naselju Bošnjačka mahala u Severnoj Mitrovici.", {"mitrovica-north"}, set()),
    ("sr", "Automobil je zapaljen u utorak u Zupču (Zubin Potok).", {"gn-783781"}, set()),
    (
        "sr",
        "Nepoznata lica pucala su u utorak uveče na kuću u Zupču, a u Zvečanu je zapaljen automobil, saopštila je "
        "policija.",
        {"gn-783781", "zvecan"},
        set(),
    ),
    ("sr", "Barikade su postavljene u utorak na ulazu u selo Rudare.", {"gn-784523"}, set()),
    ("sr", "Policija je takođe uhapsila dvojicu muškaraca u Leposaviću u utorak.", {"leposavic"}, set()),
    ("sr", "Policajac je povređen u utorak u Zvečanu, nadomak Mitrovice.", {"zvecan"}, set()),
    ("sr", "Grupa Srba kamenovala je u utorak policiju ispred suda u Severnoj Mitrovici.", {"mitrovica-north"}, set()),
    ("sr", "U ranim jutarnjim satima u utorak, u Zvečanu je eksplodirala bomba.", {"zvecan"}, set()),
    ("sr", "Protesti su održani u utorak u srpskoj opštini Leposavić.", {"leposavic"}, set()),
    ("sq", "Dy policë u lënduan të martën. Incidenti ndodhi në Zveçan, afër ndërtesës së komunës.", {"zvecan"}, set()),
    ("sq", "Policia arriti në Zveçan, ku të martën ishin mbledhur protestuesit.", {"zvecan"}, set()),
    (
        "sq",
        "Të shtëna u dëgjuan të martën në lagjen Kodra e Minatorëve në Mitrovicën e Veriut.",
        {"mitrovica-north"},
        set(),
    ),
    ("sq", "Një veturë u dogj të martën në Zupç (Zubin Potok).", {"gn-783781"}, set()),
    (
        "sq",
        "Persona të panjohur qëlluan të martën në mbrëmje ndaj një shtëpie në Zupç, ndërsa në Zveçan u dogj një "
        "veturë, njoftoi policia.",
        {"gn-783781", "zvecan"},
        set(),
    ),
    ("sq", "Barrikadat u ngritën të martën në hyrje të fshatit Rudarë.", {"gn-784523"}, set()),
    ("sq", "Policia arrestoi gjithashtu dy burra në Leposaviq të martën.", {"leposavic"}, set()),
    ("sq", "Një polic u lëndua të martën në Zveçan, afër Mitrovicës.", {"zvecan"}, set()),
    (
        "sq",
        "Një grup serbësh gjuajti me gurë të martën policinë para gjykatës në Mitrovicën e Veriut.",
        {"mitrovica-north"},
        set(),
    ),
    ("sq", "Në orët e para të mëngjesit të martën, në Zveçan shpërtheu një bombë.", {"zvecan"}, set()),
    ("sq", "Protestat u mbajtën të martën në komunën me shumicë serbe të Leposaviqit.", {"leposavic"}, set()),
    pytest.param(
        "en",
        "Incidents were reported on Tuesday in Zvecan, Leposavic and Zubin Potok.",
        {"zvecan", "leposavic", "zubin-potok"},
        set(),
        marks=_UNTYPED,
    ),
    pytest.param(
        "sr",
        "Incidenti su u utorak prijavljeni u Zvečanu, Leposaviću i Zubinom Potoku.",
        {"zvecan", "leposavic", "zubin-potok"},
        set(),
        marks=_UNTYPED,
    ),
    pytest.param(
        "sq",
        "Incidente u raportuan të martën në Zveçan, Leposaviq dhe Zubin Potok.",
        {"zvecan", "leposavic", "zubin-potok"},
        set(),
        marks=_UNTYPED,
    ),
    pytest.param(
        "sr",
        "Leposavićki Srbi protestovali su u utorak protiv hapšenja.",
        {"leposavic"},
        set(),
        marks=_PEOPLE_ADJECTIVE,
    ),
    # A colon title; a list; a place as subject; a municipality that tells of its town; a speaker's capital.
    (
        "en",
        "Zvecan: car of a police officer torched\n\nA car belonging to a Kosovo police officer was set on fire on "
        "Tuesday night.",
        {"zvecan"},
        set(),
    ),
    ("en", "Zvecan was the scene of a protest on Tuesday.", {"zvecan"}, set()),
    ("en", "Leposavic Serbs protested on Tuesday against the arrests.", {"leposavic"}, set()),
    (
        "en",
        "The Zvecan municipality said on Tuesday that masked men had broken into the town's cultural centre overnight.",
        {"zvecan"},
        set(),
    ),
    ("en", "Gunshots were heard overnight into Tuesday in the Zvecan village of Banjska.", {"banjska"}, set()),
    ("en", "Tuesday's protest in Zvecan drew about 300 people.", {"zvecan"}, set()),
    ("en", "About 300 people joined Tuesday's protest in Zvecan, organisers said.", {"zvecan"}, set()),
    (
        "en",
        "Kosovo police said two officers were injured on Tuesday when a crowd attacked them at Jarinje, on the "
        "border with Serbia.",
        {"jarinje"},
        set(),
    ),
    (
        "en",
        "Serbian President Aleksandar Vucic, speaking in Belgrade on Tuesday, said three Serbs had been arrested in "
        "Zubin Potok.",
        {"zubin-potok"},
        {"belgrade"},
    ),
    (
        "sr",
        "Zvečan: Zapaljen automobil policajca\n\nAutomobil pripadnika kosovske policije zapaljen je u utorak uveče.",
        {"zvecan"},
        set(),
    ),
    ("sr", "Zvečan je u utorak bio poprište protesta.", {"zvecan"}, set()),
    (
        "sr",
        "Opština Zvečan saopštila je u utorak da su maskirani muškarci tokom noći provalili u dom kulture.",
        {"zvecan"},
        set(),
    ),
    ("sr", "Pucnji su se čuli u noći između ponedeljka i utorka u zvečanskom selu Banjska.", {"banjska"}, set()),
    ("sr", "Na jučerašnjem protestu u Zvečanu bilo je oko 300 ljudi.", {"zvecan"}, set()),
    (
        "sr",
        "Kosovska policija saopštila je da su dvojica policajaca povređena u utorak kada ih je grupa napala na "
        "Jarinju, na granici sa Srbijom.",
        {"jarinje"},
        set(),
    ),
    (
        "sr",
        "Predsednik Srbije Aleksandar Vučić rekao je u utorak u Beogradu da su trojica Srba uhapšena u Zubinom Potoku.",
        {"zubin-potok"},
        {"belgrade"},
    ),
    (
        "sr",
        "ЗВЕЧАН: Запаљен аутомобил полицајца\n\nАутомобил припадника косовске полиције запаљен је у уторак увече.",
        {"zvecan"},
        set(),
    ),
    (
        "sr",
        "Leposavić – uhapšen muškarac\n\nKosovska policija uhapsila je u utorak jednog muškarca zbog napada na "
        "patrolu.",
        {"leposavic"},
        set(),
    ),
    (
        "sq",
        "Zveçan: Digjet vetura e një polici\n\nVetura e një polici të Kosovës u dogj të martën në mbrëmje.",
        {"zvecan"},
        set(),
    ),
    ("sq", "Zveçani ishte të martën skenë e një proteste.", {"zvecan"}, set()),
    (
        "sq",
        "Komuna e Zveçanit njoftoi të martën se persona të maskuar hynë me forcë gjatë natës në shtëpinë e kulturës.",
        {"zvecan"},
        set(),
    ),
    ("sq", "Të shtëna u dëgjuan natën mes të hënës dhe të martës në fshatin Banjskë të Zveçanit.", {"banjska"}, set()),
    ("sq", "Në protestën e djeshme në Zveçan morën pjesë rreth 300 njerëz.", {"zvecan"}, set()),
    (
        "sq",
        "Policia e Kosovës njoftoi se dy policë u lënduan të martën kur një grup i sulmoi në Jarinjë, në kufi me "
        "Serbinë.",
        {"jarinje"},
        set(),
    ),
    (
        "sq",
        "Presidenti i Serbisë Aleksandar Vuçiq tha të martën në Beograd se tre serbë u arrestuan në Zubin Potok.",
        {"zubin-potok"},
        {"belgrade"},
    ),
    (
        "sq",
        "Leposaviq – arrestohet një burrë\n\nPolicia e Kosovës arrestoi të martën një burrë për sulm ndaj një "
        "patrulle.",
        {"leposavic"},
        set(),
    ),
    # A title over the story that names the place the story's opening names only coarsely or not at all.
    (
        "en",
        "Explosion in Zupce\n\nAn explosive device went off in northern Kosovo on Tuesday night, damaging a house. "
        "No one was hurt.",
        {"gn-783781"},
        set(),
    ),
    (
        "en",
        "Car torched in Zvecan\n\nA car belonging to a Kosovo police officer was set on fire on Tuesday night. "
        "Police are investigating.",
        {"zvecan"},
        set(),
    ),
    (
        "en",
        "Kosovo police arrest two in Leposavic\n\nPRISTINA, March 12 - Kosovo police arrested two men on Tuesday on "
        "suspicion of attacking a patrol, a spokesman said.",
        {"leposavic"},
        {"pristina"},
    ),
    (
        "en",
        "Tension in the north\n\nZubin Potok residents blocked the main road on Tuesday after the arrest of a local "
        "man. The barricade was removed in the evening.",
        {"zubin-potok"},
        set(),
    ),
    (
        "en",
        "Unknown persons on Tuesday night threw a Molotov cocktail at a house in Zvecan. The owner, a Kosovo "
        "Albanian, said it was the third attack this year. The house is near the town's main square.",
        {"zvecan"},
        set(),
    ),
    (
        "en",
        "Police stepped up patrols in Leposavic on Tuesday. The move came a day after a grenade was thrown at the "
        "police station there.",
        {"leposavic"},
        set(),
    ),
    (
        "en",
        "Three people were injured on Tuesday when a fight broke out between Serbs and Albanians. The brawl "
        "happened in North Mitrovica's Bosniak quarter.",
        {"mitrovica-north"},
        set(),
    ),
    (
        "en",
        "Serbs gathered on Tuesday in front of the municipal building. The protest in Zvecan lasted two hours.",
        {"zvecan"},
        set(),
    ),
    (
        "sr",
        "Eksplozija u Zupču\n\nEksplozivna naprava aktivirana je u utorak uveče na severu Kosova, oštećena je kuća. "
        "Niko nije povređen.",
        {"gn-783781"},
        set(),
    ),
    (
        "sr",
        "Zapaljen automobil u Zvečanu\n\nAutomobil pripadnika kosovske policije zapaljen je u utorak uveče. "
        "Policija istražuje slučaj.",
        {"zvecan"},
        set(),
    ),
    (
        "sr",
        "Uhapšena dvojica u Leposaviću\n\nPRIŠTINA - Kosovska policija uhapsila je u utorak dvojicu muškaraca zbog "
        "napada na patrolu, rekao je portparol.",
        {"leposavic"},
        {"pristina"},
    ),
    (
        "sr",
        "Tenzije na severu\n\nMeštani Zubinog Potoka blokirali su u utorak magistralni put posle hapšenja jednog "
        "meštanina. Barikada je uklonjena uveče.",
        {"zubin-potok"},
        set(),
    ),
    (
        "sr",
        "Policija je u utorak pojačala patrole u Leposaviću. To je usledilo dan nakon što je na tamošnju policijsku "
        "stanicu bačena bomba.",
        {"leposavic"},
        set(),
    ),
    (
        "sr",
        "Troje ljudi povređeno je u utorak u tuči Srba i Albanaca. Tuča se dogodila u Bošnjačkoj mahali u Severnoj "
        "Mitrovici.",
        {"mitrovica-north"},
        set(),
    ),
    (
        "sr",
        "Srbi su se u utorak okupili ispred zgrade opštine. Protest u Zvečanu trajao je dva sata.",
        {"zvecan"},
        set(),
    ),
    (
        "sr",
        "Взорван аутомобил у Звечану\n\nАутомобил је у уторак увече запаљен у центру града. Нико није повређен.",
        {"zvecan"},
        set(),
    ),
    (
        "sq",
        "Shpërthim në Zupç\n\nNjë mjet shpërthyes shpërtheu të martën në mbrëmje në veri të Kosovës, duke dëmtuar "
        "një shtëpi. Askush nuk u lëndua.",
        {"gn-783781"},
        set(),
    ),
    (
        "sq",
        "Digjet vetura në Zveçan\n\nVetura e një polici të Kosovës u dogj të martën në mbrëmje. Policia po heton "
        "rastin.",
        {"zvecan"},
        set(),
    ),
    (
        "sq",
        "Arrestohen dy në Leposaviq\n\nPRISHTINË - Policia e Kosovës arrestoi të martën dy burra të dyshuar për "
        "sulm ndaj një patrulle, tha zëdhënësi.",
        {"leposavic"},
        {"pristina"},
    ),
    (
        "sq",
        "Tensione në veri\n\nBanorët e Zubin Potokut bllokuan të martën rrugën kryesore pas arrestimit të një "
        "banori. Barrikada u hoq në mbrëmje.",
        {"zubin-potok"},
        set(),
    ),
    (
        "sq",
        "Policia shtoi të martën patrullat në Leposaviq. Kjo ndodhi një ditë pasi u hodh një granatë në stacionin "
        "policor atje.",
        {"leposavic"},
        set(),
    ),
    (
        "sq",
        "Tre persona u plagosën të martën në një rrahje mes serbëve dhe shqiptarëve. Rrahja ndodhi në Lagjen e "
        "Boshnjakëve në Mitrovicën e Veriut.",
        {"mitrovica-north"},
        set(),
    ),
    (
        "sq",
        "Serbët u mblodhën të martën para ndërtesës së komunës. Protesta në Zveçan zgjati dy orë.",
        {"zvecan"},
        set(),
    ),
    (
        "en",
        "Explosion in Zupce\n\nAn explosive device went off in front of a house in the village on Tuesday night. No "
        "one was hurt.",
        {"gn-783781"},
        set(),
    ),
    (
        "en",
        '"We were attacked in front of our house in Zupce," a resident told reporters on Tuesday.',
        {"gn-783781"},
        set(),
    ),
    (
        "en",
        "In the village of Zupce near Zubin Potok, where tensions have run high for weeks, unknown persons set fire "
        "to a car on Tuesday night.",
        {"gn-783781"},
        set(),
    ),
    ("en", "Police arrested a man on Tuesday in King Peter Street in North Mitrovica.", {"mitrovica-north"}, set()),
    ("en", "A house was set on fire on Tuesday in Kosutovo, in the municipality of Leposavic.", {"gn-789194"}, set()),
    ("en", "Stones were thrown at a bus near the village of Banjska on Tuesday.", {"banjska"}, set()),
    (
        "en",
        "Unknown men set fire to two cars in the villages of Zupce and Varage on Tuesday.",
        {"gn-783781", "gn-784719"},
        set(),
    ),
    ("en", "Late on Tuesday, in Leposavic, masked men beat a young Albanian.", {"leposavic"}, set()),
    (
        "en",
        "Police arrested two men on Tuesday in the Serb-majority town of Zvecan, some 40 km north of Pristina.",
        {"zvecan"},
        {"pristina"},
    ),
    ("en", "Shots were fired on Tuesday near Lake Gazivode in Zubin Potok.", {"gazivode"}, set()),
    ("en", "A grenade was thrown at the police station in Zubin Potok on Tuesday.", {"zubin-potok"}, set()),
    ("en", "Protesters blocked the entrance to Leposavic on Tuesday.", {"leposavic"}, set()),
    ("en", "Dozens of people gathered on Tuesday in the centre of North Mitrovica.", {"mitrovica-north"}, set()),
    ("en", "On Tuesday, police detained three men in Zvecan. Later that day they were released.", {"zvecan"}, set()),
    (
        "en",
        "A KFOR patrol was attacked on Tuesday near Jarinje. The attackers fled towards Serbia.",
        {"jarinje"},
        {"serbia"},
    ),
    (
        "en",
        "Masked men torched a car with Kosovo plates in North Mitrovica on Tuesday, the second such attack this "
        "week after one in Zvecan on Sunday.",
        {"mitrovica-north", "zvecan"},
        set(),
    ),
    ("en", "Residents of Zupce blocked the road on Tuesday.", {"gn-783781"}, set()),
    ("en", "Kosovo special police raided the municipal building of Zubin Potok on Tuesday.", {"zubin-potok"}, set()),
    (
        "en",
        "Two Serbs were arrested at the Merdare crossing on Tuesday as they returned from central Serbia.",
        {"merdare"},
        set(),
    ),
    ("en", "Serbs from the north gathered in Zvecan on Tuesday.", {"zvecan"}, set()),
    (
        "sr",
        "Eksplozija u Zupču\n\nEksplozivna naprava aktivirana je u utorak uveče ispred jedne kuće u tom selu. Niko "
        "nije povređen.",
        {"gn-783781"},
        set(),
    ),
    ("sr", '"Napadnuti smo ispred naše kuće u Zupču", rekao je u utorak jedan meštanin.', {"gn-783781"}, set()),
    (
        "sr",
        "U selu Zupče kod Zubinog Potoka, gde su tenzije visoke već nedeljama, nepoznata lica su u utorak uveče "
        "zapalila automobil.",
        {"gn-783781"},
        set(),
    ),
    (
        "sr",
        "Policija je u utorak uhapsila muškarca u ulici Kralja Petra u Severnoj Mitrovici.",
        {"mitrovica-north"},
        set(),
    ),
    ("sr", "Kuća je zapaljena u utorak u Košutovu, u opštini Leposavić.", {"gn-789194"}, set()),
    ("sr", "Autobus je kamenovan u utorak blizu sela Banjska.", {"banjska"}, set()),
    (
        "sr",
        "Nepoznata lica zapalila su u utorak dva automobila u selima Zupče i Varage.",
        {"gn-783781", "gn-784719"},
        set(),
    ),
    ("sr", "Kasno u utorak, u Leposaviću, maskirani muškarci pretukli su mladog Albanca.", {"leposavic"}, set()),
    ("sr", "Pucnji su se čuli u utorak kod jezera Gazivode u Zubinom Potoku.", {"gazivode"}, set()),
    ("sr", "Ručna bomba bačena je u utorak na policijsku stanicu u Zubinom Potoku.", {"zubin-potok"}, set()),
    ("sr", "Demonstranti su u utorak blokirali ulaz u Leposavić.", {"leposavic"}, set()),
    ("sr", "Desetine ljudi okupile su se u utorak u centru Severne Mitrovice.", {"mitrovica-north"}, set()),
    (
        "sr",
        "Patrola Kfora napadnuta je u utorak kod Jarinja. Napadači su pobegli ka centralnoj Srbiji.",
        {"jarinje"},
        set(),
    ),
    ("sr", "Meštani Zupča blokirali su put u utorak.", {"gn-783781"}, set()),
    ("sr", "Kosovska specijalna policija upala je u utorak u zgradu opštine Zubin Potok.", {"zubin-potok"}, set()),
    (
        "sr",
        "Dvojica Srba uhapšena su u utorak na prelazu Merdare dok su se vraćali iz centralne Srbije.",
        {"merdare"},
        set(),
    ),
    ("sr", "Srbi sa severa okupili su se u utorak u Zvečanu.", {"zvecan"}, set()),
    ("sr", "Juče oko 22 časa u Zvečanu zapaljeno je vozilo kosovskih tablica.", {"zvecan"}, set()),
    ("sr", "Na Jarinju je u utorak došlo do guranja između policije i građana.", {"jarinje"}, set()),
    ("sr", "У селу Зупче код Зубиног Потока непозната лица су у уторак запалила аутомобил.", {"gn-783781"}, set()),
    ("sr", "У Звечану је у уторак одржан протест.", {"zvecan"}, set()),
    (
        "sq",
        "Shpërthim në Zupç\n\nNjë mjet shpërthyes shpërtheu të martën në mbrëmje para një shtëpie në fshat. Askush "
        "nuk u lëndua.",
        {"gn-783781"},
        set(),
    ),
    ("sq", '"Na sulmuan para shtëpisë sonë në Zupç", tha të martën një banor.', {"gn-783781"}, set()),
    (
        "sq",
        "Në fshatin Zupç afër Zubin Potokut, ku tensionet janë të larta prej javësh, persona të panjohur i vunë "
        "zjarrin një veture të martën në mbrëmje.",
        {"gn-783781"},
        set(),
    ),
    (
        "sq",
        "Policia arrestoi të martën një burrë në rrugën Mbreti Pjetër në Mitrovicën e Veriut.",
        {"mitrovica-north"},
        set(),
    ),
    ("sq", "Një shtëpi u dogj të martën në Koshutovë, në komunën e Leposaviqit.", {"gn-789194"}, set()),
    ("sq", "Një autobus u godit me gurë të martën afër fshatit Banjskë.", {"banjska"}, set()),
    (
        "sq",
        "Persona të panjohur dogjën të martën dy vetura në fshatrat Zupç dhe Varagë.",
        {"gn-783781", "gn-784719"},
        set(),
    ),
    ("sq", "Vonë të martën, në Leposaviq, persona të maskuar rrahën një të ri shqiptar.", {"leposavic"}, set()),
    ("sq", "Të shtëna u dëgjuan të martën afër liqenit të Ujmanit në Zubin Potok.", {"gazivode"}, set()),
    ("sq", "Një granatë dore u hodh të martën në stacionin policor në Zubin Potok.", {"zubin-potok"}, set()),
    ("sq", "Protestuesit bllokuan të martën hyrjen në Leposaviq.", {"leposavic"}, set()),
    ("sq", "Dhjetëra njerëz u mblodhën të martën në qendër të Mitrovicës së Veriut.", {"mitrovica-north"}, set()),
    (
        "sq",
        "Një patrullë e KFOR-it u sulmua të martën afër Jarinjës. Sulmuesit ikën drejt Serbisë.",
        {"jarinje"},
        set(),
    ),
    ("sq", "Banorët e Zupçit bllokuan rrugën të martën.", {"gn-783781"}, set()),
    (
        "sq",
        "Policia speciale e Kosovës hyri të martën në ndërtesën e Komunës së Zubin Potokut.",
        {"zubin-potok"},
        set(),
    ),
    ("sq", "Dy serbë u arrestuan të martën në pikëkalimin e Merdares teksa ktheheshin nga Serbia.", {"merdare"}, set()),
    ("sq", "Serbët nga veriu u mblodhën të martën në Zveçan.", {"zvecan"}, set()),
    ("sq", "Dje rreth orës 22 në Zveçan u dogj një veturë me targa të Kosovës.", {"zvecan"}, set()),
    ("sq", "Në Jarinjë të martën pati shtyrje mes policisë dhe qytetarëve.", {"jarinje"}, set()),
    ("sq", "Në fshatin Zupç të Zubin Potokut u dogj të martën një veturë.", {"gn-783781"}, set()),
    # A description that holds a name: the name only says where the described place is.
    (
        "en",
        "Two men were injured on Tuesday in a brawl near the main bridge in Mitrovica.",
        {"ibar-bridge"},
        {"mitrovica-south"},
    ),
    ("sr", "Dvojica su povređena u utorak u tuči kod glavnog mosta u Mitrovici.", {"ibar-bridge"}, {"mitrovica-south"}),
    (
        "sq",
        "Dy burra u plagosën të martën në një përleshje në urën kryesore në Mitrovicë.",
        {"ibar-bridge"},
        {"mitrovica-south"},
    ),
    ("en", "Protesters gathered outside Zvecan's municipal building on Tuesday.", {"zvecan"}, set()),
    (
        "en",
        "Two suspects were held in custody in North Mitrovica after the clashes in Zvecan on Tuesday.",
        {"zvecan"},
        {"mitrovica-north"},
    ),
    ("en", "A rally was held in Leposavic on Tuesday against the arrests.", {"leposavic"}, set()),
    ("sr", "Specijalci su juče u podne preuzeli kontrolu nad prelazom Brnjak.", {"brnjak"}, set()),
    ("sq", "Njësitë speciale arritën të martën në Leposaviq pas sulmit.", {"leposavic"}, set()),
    ("sq", "Një njësi speciale arriti të martën në Leposaviq pas sulmit.", {"leposavic"}, set()),
    ("en", "Police arrested two men in Zvecan on Tuesday.", {"zvecan"}, set()),
    ("en", "In Leposavic, masked men set fire to a car on Tuesday.", {"leposavic"}, set()),
    (
        "en",
        "ZUBIN POTOK, March 12 (AP) - Kosovo police raided a house in the village of Zupce, officials said.",
        {"gn-783781"},
        {"zubin-potok"},
    ),
    (
        "en",
        "LEPOSAVIC, March 12 - Dozens of Serbs protested on Tuesday against the closure of the post office.",
        {"leposavic"},
        set(),
    ),
    ("en", "Protesters from Leposavic gathered in Zvecan on Tuesday.", {"zvecan"}, {"leposavic"}),
    ("en", "Police from Pristina arrived in Zubin Potok on Tuesday.", {"zubin-potok"}, {"pristina"}),
    (
        "en",
        "Special police units from South Mitrovica were deployed in North Mitrovica on Tuesday.",
        {"mitrovica-north"},
        {"mitrovica-south"},
    ),
    ("en", "The attack in Zvecan was condemned on Tuesday by officials in Belgrade.", {"zvecan"}, {"belgrade"}),
    (
        "en",
        "Kosovo's prime minister said in Pristina on Tuesday that police had arrested three suspects in Leposavic.",
        {"leposavic"},
        {"pristina"},
    ),
    ("en", "Speaking in Brussels on Tuesday, the EU envoy condemned the clashes in Zvecan.", {"zvecan"}, {"brussels"}),
    ("en", "Serbs blocked the road at the Jarinje crossing with trucks on Tuesday.", {"jarinje"}, set()),
    ("en", "KFOR troops set up a checkpoint near the administrative line at Jarinje on Tuesday.", {"jarinje"}, set()),
    ("en", "Protesters gathered in front of the municipal building in Zvecan on Tuesday.", {"zvecan"}, set()),
    ("en", "Clashes broke out on Tuesday outside the municipal building in Leposavic.", {"leposavic"}, set()),
    (
        "en",
        "Police arrested a man in Zvecan on Tuesday. On Wednesday, a car was set on fire in Leposavic.",
        {"leposavic", "zvecan"},
        set(),
    ),
    (
        "en",
        "A hand grenade was thrown at a house in the village of Rudare near Zvecan on Tuesday.",
        {"gn-784523"},
        set(),
    ),
    ("en", "Unknown men attacked a patrol in Zvecan, a town in the north, on Tuesday.", {"zvecan"}, set()),
    ("en", "An explosion damaged a police station in Banjska, a village near Zvecan, on Tuesday.", {"banjska"}, set()),
    (
        "en",
        "Masked men fired shots at police in Zubin Potok on Tuesday. Two officers were injured there.",
        {"zubin-potok"},
        set(),
    ),
    ("en", "On Tuesday, KFOR deployed additional troops to Leposavic.", {"leposavic"}, set()),
    ("en", "Hundreds of Serbs rallied on Tuesday on the main bridge over the Ibar.", {"ibar-bridge"}, set()),
    (
        "en",
        "Two people were injured on Tuesday when a fight broke out near the Ibar bridge in Mitrovica.",
        {"ibar-bridge"},
        set(),
    ),
    ("en", "A Zvecan-based activist was arrested at the Jarinje crossing on Tuesday.", {"jarinje"}, {"zvecan"}),
    ("en", "Police said on Tuesday they had seized weapons at the Banjska monastery.", {"banjska-monastery"}, set()),
    ("en", "Shots were fired at a KFOR patrol near Lake Gazivode on Tuesday.", {"gazivode"}, set()),
    ("en", "Kosovo police took over the Gazivode dam on Tuesday.", {"gazivode-dam"}, set()),
    ("en", "A man from Zubin Potok was arrested in North Mitrovica on Tuesday.", {"mitrovica-north"}, {"zubin-potok"}),
    ("en", "A man born in Leposavic was arrested in Zvecan on Tuesday.", {"zvecan"}, {"leposavic"}),
    (
        "en",
        "Four men were injured on Tuesday in clashes in Zvecan. In the same town, a police car was torched.",
        {"zvecan"},
        set(),
    ),
    (
        "en",
        "Serbs protested in Leposavic on Tuesday. Similar protests were held in Zubin Potok.",
        {"leposavic", "zubin-potok"},
        set(),
    ),
    (
        "en",
        "The injured were taken to the hospital in North Mitrovica after the clashes in Zvecan on Tuesday.",
        {"zvecan"},
        {"mitrovica-north"},
    ),
    ("en", "Police raided several shops in North Mitrovica's Bosniak Mahala on Tuesday.", {"mitrovica-north"}, set()),
    (
        "en",
        "Leposavic's mayor said on Tuesday that a police officer had been attacked in the village of Lesak.",
        {"gn-788727"},
        set(),
    ),
    (
        "en",
        "Kosovo police closed the Brnjak crossing on Tuesday, the interior minister said in Pristina.",
        {"brnjak"},
        {"pristina"},
    ),
    pytest.param(
        "en",
        "A convoy of Kosovo police vehicles drove through Zvecan towards Jarinje on Tuesday.",
        {"zvecan"},
        set(),
        marks=_NO_CONVOY_TRIGGER,
    ),
    (
        "en",
        "Tensions rose on Tuesday in the north of Kosovo after police arrested a Serb at Merdare.",
        {"merdare"},
        set(),
    ),
    ("en", "Masked men beat a journalist outside Zubin Potok on Tuesday.", {"zubin-potok"}, set()),
    (
        "en",
        "KFOR said its soldiers were patrolling the villages around Zubin Potok on Tuesday.",
        {"zubin-potok"},
        set(),
    ),
    (
        "en",
        "Police arrested two Albanians in Zvecan on Tuesday, Belgrade's office for Kosovo said.",
        {"zvecan"},
        {"belgrade"},
    ),
    ("en", "Officials in Zvecan said a bomb exploded in the village of Zerovnica on Tuesday.", {"gn-783909"}, set()),
    ("sr", "Policija je u utorak uhapsila dvojicu muškaraca u Zvečanu.", {"zvecan"}, set()),
    ("sr", "U Leposaviću su maskirani muškarci u utorak zapalili automobil.", {"leposavic"}, set()),
    (
        "sr",
        "ZUBIN POTOK, 12. mart - Kosovska policija je pretresla kuću u selu Zupče, saopšteno je.",
        {"gn-783781"},
        {"zubin-potok"},
    ),
    (
        "sr",
        "LEPOSAVIĆ - Nekoliko desetina Srba protestovalo je u utorak protiv zatvaranja pošte.",
        {"leposavic"},
        set(),
    ),
    ("sr", "Demonstranti iz Leposavića okupili su se u utorak u Zvečanu.", {"zvecan"}, {"leposavic"}),
    ("sr", "Policija iz Prištine stigla je u utorak u Zubin Potok.", {"zubin-potok"}, {"pristina"}),
    (
        "sr",
        "Specijalne jedinice iz Južne Mitrovice raspoređene su u utorak u Severnoj Mitrovici.",
        {"mitrovica-north"},
        {"mitrovica-south"},
    ),
    ("sr", "Napad u Zvečanu osudili su u utorak zvaničnici u Beogradu.", {"zvecan"}, {"belgrade"}),
    (
        "sr",
        "Premijer Kosova rekao je u utorak u Prištini da je policija uhapsila trojicu osumnjičenih u Leposaviću.",
        {"leposavic"},
        {"pristina"},
    ),
    ("sr", "Govoreći u Briselu u utorak, izaslanik EU osudio je sukobe u Zvečanu.", {"zvecan"}, {"brussels"}),
    ("sr", "Srbi su u utorak kamionima blokirali put na prelazu Jarinje.", {"jarinje"}, set()),
    ("sr", "Kfor je u utorak postavio kontrolni punkt kod administrativnog prelaza Jarinje.", {"jarinje"}, set()),
    ("sr", "Građani su se u utorak okupili ispred zgrade opštine u Zvečanu.", {"zvecan"}, set()),
    ("sr", "Do sukoba je došlo u utorak ispred opštine Leposavić.", {"leposavic"}, set()),
    (
        "sr",
        "Policija je u utorak uhapsila muškarca u Zvečanu. U sredu je u Leposaviću zapaljen automobil.",
        {"leposavic", "zvecan"},
        set(),
    ),
    ("sr", "Ručna bomba bačena je u utorak na kuću u selu Rudare kod Zvečana.", {"gn-784523"}, set()),
    ("sr", "Nepoznata lica napala su u utorak patrolu u Zvečanu, gradu na severu Kosova.", {"zvecan"}, set()),
    ("sr", "Eksplozija je u utorak oštetila policijsku stanicu u Banjskoj, selu kod Zvečana.", {"banjska"}, set()),
    (
        "sr",
        "Maskirani muškarci pucali su u utorak na policiju u Zubinom Potoku. Tamo su povređena dva policajca.",
        {"zubin-potok"},
        set(),
    ),
    ("sr", "Kfor je u utorak rasporedio dodatne vojnike u Leposaviću.", {"leposavic"}, set()),
    ("sr", "Stotine Srba okupilo se u utorak na glavnom mostu na Ibru.", {"ibar-bridge"}, set()),
    ("sr", "Dvoje ljudi povređeno je u utorak u tuči kod mosta na Ibru u Mitrovici.", {"ibar-bridge"}, set()),
    ("sr", "Aktivista iz Zvečana uhapšen je u utorak na prelazu Jarinje.", {"jarinje"}, {"zvecan"}),
    ("sr", "Policija je u utorak zaplenila oružje u manastiru Banjska.", {"banjska-monastery"}, set()),
    ("sr", "Na patrolu Kfora pucano je u utorak kod jezera Gazivode.", {"gazivode"}, set()),
    ("sr", "Kosovska policija preuzela je u utorak kontrolu nad branom Gazivode.", {"gazivode-dam"}, set()),
    (
        "sr",
        "Muškarac iz Zubinog Potoka uhapšen je u utorak u Severnoj Mitrovici.",
        {"mitrovica-north"},
        {"zubin-potok"},
    ),
    (
        "sr",
        "Četvorica su povređena u utorak u sukobima u Zvečanu. U istom mestu zapaljen je policijski automobil.",
        {"zvecan"},
        set(),
    ),
    (
        "sr",
        "Srbi su u utorak protestovali u Leposaviću. Slični protesti održani su i u Zubinom Potoku.",
        {"leposavic", "zubin-potok"},
        set(),
    ),
    (
        "sr",
        "Povređeni su prebačeni u bolnicu u Severnoj Mitrovici posle sukoba u Zvečanu u utorak.",
        {"zvecan"},
        {"mitrovica-north"},
    ),
    (
        "sr",
        "Predsednik opštine Leposavić rekao je u utorak da je policajac napadnut u selu Lešak.",
        {"gn-788727"},
        set(),
    ),
    (
        "sr",
        "Kosovska policija je u utorak zatvorila prelaz Brnjak, rekao je ministar unutrašnjih poslova u Prištini.",
        {"brnjak"},
        {"pristina"},
    ),
    (
        "sr",
        "Tenzije su porasle u utorak na severu Kosova nakon što je policija uhapsila jednog Srbina na Merdaru.",
        {"merdare"},
        set(),
    ),
    ("sr", "Maskirani muškarci pretukli su u utorak novinara nadomak Zubinog Potoka.", {"zubin-potok"}, set()),
    (
        "sr",
        "Policija je u utorak uhapsila dvojicu Albanaca u Zvečanu, saopštila je Kancelarija za Kosovo i Metohiju"
        " u Beogradu.",
        {"zvecan"},
        {"belgrade"},
    ),
    ("sr", "Zvaničnici u Zvečanu rekli su da je u utorak eksplodirala bomba u selu Žerovnica.", {"gn-783909"}, set()),
    ("sr", "Meštani Zupča blokirali su u utorak put kod Zubinog Potoka.", {"zubin-potok"}, set()),
    (
        "sr",
        "Pucnjava se čula u utorak uveče u Severnoj Mitrovici, u naselju Bošnjačka mahala.",
        {"mitrovica-north"},
        set(),
    ),
    ("sr", "Kosovska policija ušla je u utorak u zgradu opštine u Zubinom Potoku.", {"zubin-potok"}, set()),
    (
        "sr",
        "U utorak je u Zvečanu održan protest. Istog dana, u Leposaviću je uhapšen jedan muškarac.",
        {"leposavic", "zvecan"},
        set(),
    ),
    ("sr", "Полиција је у уторак ухапсила двојицу мушкараца у Звечану.", {"zvecan"}, set()),
    ("sr", "Демонстранти из Лепосавића окупили су се у уторак у Звечану.", {"zvecan"}, {"leposavic"}),
    ("sr", "Кфор је у уторак распоредио додатне војнике на прелазу Јариње.", {"jarinje"}, set()),
    ("sr", "Експлозија је у уторак оштетила кућу у селу Рударе код Звечана.", {"gn-784523"}, set()),
    ("sr", "Policija je u utorak uhapsila muškarca u Zvecanu, saopstila je policija.", {"zvecan"}, set()),
    ("sq", "Policia arrestoi të martën dy burra në Zveçan.", {"zvecan"}, set()),
    ("sq", "Në Leposaviq, persona të maskuar i vunë zjarrin një veture të martën.", {"leposavic"}, set()),
    (
        "sq",
        "ZUBIN POTOK, 12 mars - Policia e Kosovës kontrolloi një shtëpi në fshatin Zupç, u njoftua.",
        {"gn-783781"},
        {"zubin-potok"},
    ),
    ("sq", "LEPOSAVIQ - Dhjetëra serbë protestuan të martën kundër mbylljes së postës.", {"leposavic"}, set()),
    ("sq", "Protestuesit nga Leposaviqi u mblodhën të martën në Zveçan.", {"zvecan"}, {"leposavic"}),
    ("sq", "Policia nga Prishtina arriti të martën në Zubin Potok.", {"zubin-potok"}, {"pristina"}),
    (
        "sq",
        "Njësitë speciale nga Mitrovica e Jugut u vendosën të martën në Mitrovicën e Veriut.",
        {"mitrovica-north"},
        {"mitrovica-south"},
    ),
    ("sq", "Sulmin në Zveçan e dënuan të martën zyrtarët në Beograd.", {"zvecan"}, {"belgrade"}),
    (
        "sq",
        "Kryeministri i Kosovës tha të martën në Prishtinë se policia arrestoi tre të dyshuar në Leposaviq.",
        {"leposavic"},
        {"pristina"},
    ),
    ("sq", "Duke folur në Bruksel të martën, i dërguari i BE-së dënoi përleshjet në Zveçan.", {"zvecan"}, {"brussels"}),
    ("sq", "Serbët bllokuan të martën me kamionë rrugën në pikën kufitare të Jarinjës.", {"jarinje"}, set()),
    ("sq", "KFOR-i vendosi të martën një pikë kontrolli afër pikëkalimit të Jarinjës.", {"jarinje"}, set()),
    ("sq", "Qytetarët u mblodhën të martën para ndërtesës së komunës në Zveçan.", {"zvecan"}, set()),
    ("sq", "Përleshjet shpërthyen të martën para Komunës së Leposaviqit.", {"leposavic"}, set()),
    (
        "sq",
        "Policia arrestoi të martën një burrë në Zveçan. Të mërkurën, një veturë u dogj në Leposaviq.",
        {"leposavic", "zvecan"},
        set(),
    ),
    ("sq", "Një granatë dore u hodh të martën në një shtëpi në fshatin Rudarë afër Zveçanit.", {"gn-784523"}, set()),
    (
        "sq",
        "Persona të panjohur sulmuan të martën një patrullë në Zveçan, qytet në veri të Kosovës.",
        {"zvecan"},
        set(),
    ),
    ("sq", "Një shpërthim dëmtoi të martën stacionin policor në Banjskë, fshat afër Zveçanit.", {"banjska"}, set()),
    (
        "sq",
        "Persona të maskuar qëlluan të martën ndaj policisë në Zubin Potok. Atje u plagosën dy policë.",
        {"zubin-potok"},
        set(),
    ),
    ("sq", "KFOR-i dërgoi të martën ushtarë shtesë në Leposaviq.", {"leposavic"}, set()),
    ("sq", "Qindra serbë u mblodhën të martën në urën kryesore mbi Ibër.", {"ibar-bridge"}, set()),
    ("sq", "Dy persona u plagosën të martën në një përleshje afër urës së Ibrit në Mitrovicë.", {"ibar-bridge"}, set()),
    ("sq", "Një aktivist nga Zveçani u arrestua të martën në pikën kufitare të Jarinjës.", {"jarinje"}, {"zvecan"}),
    ("sq", "Policia sekuestroi të martën armë në manastirin e Banjskës.", {"banjska-monastery"}, set()),
    ("sq", "Të martën u qëllua ndaj një patrulle të KFOR-it afër liqenit të Ujmanit.", {"gazivode"}, set()),
    ("sq", "Policia e Kosovës mori të martën kontrollin e digës së Ujmanit.", {"gazivode-dam"}, set()),
    (
        "sq",
        "Një burrë nga Zubin Potoku u arrestua të martën në Mitrovicën e Veriut.",
        {"mitrovica-north"},
        {"zubin-potok"},
    ),
    (
        "sq",
        "Katër persona u plagosën të martën në përleshjet në Zveçan. Në të njëjtin qytet u dogj një veturë e policisë.",
        {"zvecan"},
        set(),
    ),
    (
        "sq",
        "Serbët protestuan të martën në Leposaviq. Protesta të ngjashme u mbajtën edhe në Zubin Potok.",
        {"leposavic", "zubin-potok"},
        set(),
    ),
    (
        "sq",
        "Të plagosurit u dërguan në spitalin në Mitrovicën e Veriut pas përleshjeve në Zveçan të martën.",
        {"zvecan"},
        {"mitrovica-north"},
    ),
    ("sq", "Kryetari i Leposaviqit tha të martën se një polic u sulmua në fshatin Leshak.", {"gn-788727"}, set()),
    (
        "sq",
        "Policia e Kosovës mbylli të martën pikëkalimin e Bërnjakut, tha ministri i Brendshëm në Prishtinë.",
        {"brnjak"},
        {"pristina"},
    ),
    (
        "sq",
        "Tensionet u rritën të martën në veri të Kosovës pasi policia arrestoi një serb në Merdare.",
        {"merdare"},
        set(),
    ),
    ("sq", "Persona të maskuar rrahën të martën një gazetar afër Zubin Potokut.", {"zubin-potok"}, set()),
    (
        "sq",
        "Policia arrestoi të martën dy shqiptarë në Zveçan, njoftoi Zyra për Kosovën në Beograd.",
        {"zvecan"},
        {"belgrade"},
    ),
    ("sq", "Zyrtarët në Zveçan thanë se të martën shpërtheu një bombë në fshatin Zherovnicë.", {"gn-783909"}, set()),
    ("sq", "Banorët e Zupçit bllokuan të martën rrugën afër Zubin Potokut.", {"zubin-potok"}, set()),
    (
        "sq",
        "Të shtëna u dëgjuan të martën në mbrëmje në Mitrovicën e Veriut, në lagjen Kroi i Vitakut.",
        {"mitrovica-north"},
        set(),
    ),
    ("sq", "Policia e Kosovës hyri të martën në ndërtesën e komunës në Zubin Potok.", {"zubin-potok"}, set()),
    (
        "sq",
        "Të martën u mbajt një protestë në Zveçan. Po atë ditë, në Leposaviq u arrestua një burrë.",
        {"leposavic", "zvecan"},
        set(),
    ),
    ("sq", "Policia arrestoi te marten dy burra ne Zvecan.", {"zvecan"}, set()),
    ("sq", "Policia arrestoi të martën një të dyshuar në Mitrovicë të Veriut.", {"mitrovica-north"}, set()),
]


@pytest.mark.parametrize(("language", "text", "sites", "not_sites"), EVENT_PLACES)
def test_the_event_place_is_proposed(
    gazetteer: Gazetteer, language: str, text: str, sites: set[str], not_sites: set[str]
) -> None:
    proposed = _proposed(text, language, gazetteer)
    assert sites <= proposed
    assert not not_sites & proposed
