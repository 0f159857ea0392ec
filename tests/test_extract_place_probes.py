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
]


@pytest.mark.parametrize(("language", "text", "place_id"), NAME_FORMS)
def test_a_name_form_gives_its_place(gazetteer: Gazetteer, language: str, text: str, place_id: str) -> None:
    assert place_id in _mentioned(text, language, gazetteer)
