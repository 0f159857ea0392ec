"""News extraction: the common ways reports give casualty and arrest figures, in each language (number words,
collective numerals, "more than", a number that is its own noun). Own sentences, written as a probe of blind
spots; where a line failed, the rules were mended for its class."""

from __future__ import annotations

from datetime import date

import pytest

from geo.dataset import DATA_DIR
from geo.extract import extract
from geo.gazetteer import Gazetteer

PUBLISHED = date(2023, 9, 25)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_csv(DATA_DIR / "places.csv")


def _figures(text: str, gazetteer: Gazetteer) -> set[tuple[str, int, bool]]:
    found = extract(text, PUBLISHED, gazetteer).candidates
    return {(count.kind, count.value, count.at_least) for candidate in found for count in candidate.counts}


def _expected(figures: str) -> set[tuple[str, int, bool]]:
    """ "injured=50+,killed=1" as (kind, value, at least) figures."""
    pairs = (item.split("=") for item in figures.split(","))
    return {(kind, int(value.rstrip("+")), value.endswith("+")) for kind, value in pairs}


FIGURES = [
    ("Thirty KFOR soldiers were injured in clashes in Zvečan on Sunday.", "injured=30"),
    ("30 KFOR soldiers were injured in clashes in Zvečan on Sunday.", "injured=30"),
    ("More than 50 protesters were hurt in clashes in Zvečan on Sunday.", "injured=50+"),
    ("Clashes in Zvečan on Sunday left three police officers injured.", "injured=3"),
    ("Police arrested six people in Zvečan on Sunday.", "arrested=6"),
    ("Two men were detained in Zvečan on Sunday.", "arrested=2"),
    ("One police officer was killed and two were wounded in Banjska on Sunday.", "killed=1,injured=2"),
    ("Three gunmen were killed in a shootout with police in Banjska on Sunday.", "killed=3"),
    ("At least ten people were injured in clashes in Zvečan on Sunday.", "injured=10+"),
    ("The clashes in Zvečan on Sunday injured 25 soldiers.", "injured=25"),
    ("Four suspects were taken into custody in Zvečan on Sunday.", "arrested=4"),
    ("Trideset pripadnika Kfora povređeno je u sukobima u Zvečanu u nedelju.", "injured=30"),
    ("U sukobima u Zvečanu u nedelju povređeno je 30 pripadnika Kfora.", "injured=30"),
    ("Više od 50 demonstranata povređeno je u nedelju u Zvečanu.", "injured=50+"),
    ("Trojica policajaca povređena su u nedelju u sukobima u Zvečanu.", "injured=3"),
    ("Policija je u nedelju uhapsila šest osoba u Zvečanu.", "arrested=6"),
    ("Dvojica muškaraca privedena su u nedelju u Zvečanu.", "arrested=2"),
    ("Jedan policajac je ubijen, a dvojica su ranjena u nedelju u Banjskoj.", "killed=1,injured=2"),
    ("Trojica napadača ubijena su u nedelju u pucnjavi sa policijom u Banjskoj.", "killed=3"),
    ("Najmanje deset osoba povređeno je u nedelju u sukobima u Zvečanu.", "injured=10+"),
    ("Četiri osumnjičena lica uhapšena su u nedelju u Zvečanu.", "arrested=4"),
    ("U nedelju je u Zvečanu povređeno petoro ljudi.", "injured=5"),
    ("Tridhjetë ushtarë të KFOR-it u plagosën të dielën në përleshjet në Zveçan.", "injured=30"),
    ("Të dielën në Zveçan u plagosën 30 ushtarë të KFOR-it.", "injured=30"),
    ("Mbi 50 protestues u lënduan të dielën në Zveçan.", "injured=50+"),
    ("Tre policë u lënduan të dielën në përleshjet në Zveçan.", "injured=3"),
    ("Policia arrestoi të dielën gjashtë persona në Zveçan.", "arrested=6"),
    ("Dy burra u ndaluan të dielën në Zveçan.", "arrested=2"),
    ("Një polic u vra dhe dy të tjerë u plagosën të dielën në Banjskë.", "killed=1,injured=2"),
    ("Tre sulmues u vranë të dielën në një shkëmbim zjarri me policinë në Banjskë.", "killed=3"),
    ("Të paktën dhjetë persona u lënduan të dielën në përleshjet në Zveçan.", "injured=10+"),
    ("Katër të dyshuar u arrestuan të dielën në Zveçan.", "arrested=4"),
    ("Pesë persona mbetën të lënduar të dielën në Zveçan.", "injured=5"),
]


@pytest.mark.parametrize(("text", "figures"), FIGURES)
def test_each_figure_is_read(gazetteer: Gazetteer, text: str, figures: str) -> None:
    assert _expected(figures) <= _figures(text, gazetteer)
