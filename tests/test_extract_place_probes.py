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
]


@pytest.mark.parametrize(("language", "text", "place_id"), NAME_FORMS)
def test_a_name_form_gives_its_place(gazetteer: Gazetteer, language: str, text: str, place_id: str) -> None:
    assert place_id in _mentioned(text, language, gazetteer)
