"""Failure classes found on real Albanian and English reports from the north, each reproduced by sentences
written for this file (real places, invented facts; no report's wording).

- an arrest for an old offence ("on suspicion of attacking police during the 2023 protests", "nën dyshimet
  se kishte sulmuar …") is an arrest, dated by the arrest, not the offence it names;
- "additional details" ("detaje shtesë", "informata shtesë") add to a report, not to a force;
- troops seen or present at a place ("janë parë sot në Jarinjë", "were spotted near Rudare") hold it;
- a force that sets up a blockade or a checkpoint ("KFOR-i vendosi një bllokadë", "post-bllok", "KFOR set up a
  roadblock") holds a place and stages no protest;
- an attack "me armë" (with arms) is an armed clash, not violence against civilians, one event for the two;
  so is an attack on the police told with a relative clause between ("sulmi që ka ndodhur ndaj njësive
  policore"), which a weapon nearby types;
- an n-th day that names the event it counts ("në ditën e 10-të të protestës", "on the 10th day of the
  barricades") should date that event, not another one the sentence tells on a day of its own (marked as not
  yet met: the rule was reverted); "të kësaj të diele" is Sunday in the genitive;
- the day of an old attack named through its organisers ("the arrest of one of the organizers of the clashes
  on 2 March", "organizatorëve të përleshjeve të 2 marsit") is background: the next sentence does not inherit it.
"""

from __future__ import annotations

from datetime import date

import pytest

from geo.dataset import DATA_DIR
from geo.extract import extract
from geo.gazetteer import Gazetteer

PUBLISHED = date(2024, 3, 15)  # a Friday: "on Wednesday" is 13 March


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_csv(DATA_DIR / "places.csv")


def _rows(text: str, language: str, gazetteer: Gazetteer) -> set[tuple[str, str, str, str]]:
    found = extract(text, PUBLISHED, gazetteer, language=language).candidates
    return {(c.kind, c.event_type or c.deployment_kind or "", c.place_id, c.date.isoformat()) for c in found}


# (language, text, the row expected, rows that must not be proposed)
ARREST_FOR_OLD_OFFENCE = [
    (
        "sq",
        "Policia arrestoi të mërkurën në Zveçan një burrë nën dyshimet se kishte sulmuar policët gjatë "
        "protestave të vitit 2023.",
        ("incident", "Strategic developments", "zvecan", "2024-03-13"),
        [("incident", "Protests", "zvecan", "2024-03-13")],
    ),
    (
        "sq",
        "Një i ri u arrestua sot në Leposaviq nën dyshimet për përfshirje në përleshjet me KFOR-in, si dhe "
        "me policinë, në maj të vitit 2023.",
        ("incident", "Strategic developments", "leposavic", "2024-03-15"),
        [("incident", "Riots", "leposavic", "2024-03-15")],
    ),
    (
        "sq",
        "Një burrë u arrestua nga hetuesit nën dyshimet për pjesëmarrje në përleshjet me policinë më 12 "
        "qershor 2023 në Zubin Potok.",
        ("incident", "Strategic developments", "zubin-potok", "2024-03-15"),
        [("incident", "Strategic developments", "zubin-potok", "2023-06-12")],
    ),
    (
        "en",
        "Police in Zvecan arrested a man on Wednesday on suspicion of attacking officers during the 2023 protests.",
        ("incident", "Strategic developments", "zvecan", "2024-03-13"),
        [("incident", "Protests", "zvecan", "2024-03-13")],
    ),
]

ADDITIONAL_DETAILS = [
    (
        "sq",
        "Policia dha sot detaje shtesë për shpërthimin e mbrëmshëm në Zveçan.",
        ("incident", "Explosions/Remote violence", "zvecan", "2024-03-14"),
        [
            ("deployment", "reinforcement", "zvecan", "2024-03-15"),
            ("deployment", "reinforcement", "zvecan", "2024-03-14"),
        ],
    ),
    (
        "sq",
        "Policia ka dhënë informata shtesë për granatën që u hodh mbrëmë në Mitrovicë të Veriut.",
        ("incident", "Explosions/Remote violence", "mitrovica-north", "2024-03-14"),
        [("deployment", "reinforcement", "mitrovica-north", "2024-03-14")],
    ),
]

TROOPS_SEEN = [
    (
        "sq",
        "Dhjetëra ushtarë të KFOR-it janë parë sot në Bërnjak.",
        ("deployment", "guard_post", "brnjak", "2024-03-15"),
        [],
    ),
    (
        "sq",
        "Ushtarët e KFOR-it ishin të pranishëm sot në Leposaviq.",
        ("deployment", "guard_post", "leposavic", "2024-03-15"),
        [],
    ),
    (
        "sq",
        "Sot në mëngjes trupat e KFOR-it janë në prezent në Zubin Potok.",
        ("deployment", "guard_post", "zubin-potok", "2024-03-15"),
        [],
    ),
    (
        "en",
        "Italian KFOR soldiers were spotted near Rudare on Wednesday.",
        ("deployment", "guard_post", "gn-784523", "2024-03-13"),
        [],
    ),
    (
        "en",
        "KFOR troops were seen at the Jarinje crossing on Wednesday.",
        ("deployment", "guard_post", "jarinje", "2024-03-13"),
        [],
    ),
]


FORCE_BLOCKADE = [
    (
        "sq",
        "Ushtarët e KFOR-it kanë vendosur sot një bllokadë në urën e Zubin Potokut.",
        ("deployment", "guard_post", "zubin-potok", "2024-03-15"),
        [("incident", "Protests", "zubin-potok", "2024-03-15")],
    ),
    (
        "sq",
        "Policia ka ngritur sot një post-bllok në dalje të Zveçanit.",
        ("deployment", "guard_post", "zvecan", "2024-03-15"),
        [("incident", "Protests", "zvecan", "2024-03-15")],
    ),
    (
        "en",
        "Polish KFOR troops on Wednesday set up a roadblock outside Zubin Potok.",
        ("deployment", "guard_post", "zubin-potok", "2024-03-13"),
        [("incident", "Protests", "zubin-potok", "2024-03-13")],
    ),
]

ARMED_ATTACK = [
    (
        "sq",
        "Dy policë u plagosën mbrëmë në një sulm me armë pranë Zubin Potokut.",
        ("incident", "Battles", "zubin-potok", "2024-03-14"),
        [("incident", "Violence against civilians", "zubin-potok", "2024-03-14")],
    ),
    (
        "sq",
        "Një polic u lëndua lehtë si pasojë e një sulmi që ka ndodhur mbrëmë ndaj njësive policore në Leposaviq.",
        ("incident", "Riots", "leposavic", "2024-03-14"),
        [("incident", "Violence against civilians", "leposavic", "2024-03-14")],
    ),
    (
        "sq",
        "Dy policë u lënduan në Zubin Potok si pasojë e një sulmi që është kryer ndaj patrullës policore. "
        "Sulmuesit kishin qëlluar me armë zjarri nga një veturë.",
        ("incident", "Battles", "zubin-potok", "2024-03-15"),
        [("incident", "Violence against civilians", "zubin-potok", "2024-03-15")],
    ),
]


# The rule for these (an n-th day naming its event dates that event alone) was taken out again: on the unread
# articles 51-56 it took English count recall from 1.00 to 0.00 (figures only). A narrower rule is still to find.
_NTH_DAY_REVERTED = "an n-th day that names its event does not yet date that event alone (rule reverted)"
NTH_DAY_OF_ANOTHER = [
    (
        "sq",
        "Në ditën e 10-të të protestës në veri të Kosovës, policia njofton se një patrullë e saj është "
        "gjuajtur me gurë në Zveçan të mërkurën në mbrëmje.",
        ("incident", "Riots", "zvecan", "2024-03-13"),
        [("incident", "Riots", "zvecan", "2024-03-04")],
    ),
    (
        "sq",
        "Në ditën e 12-të të barrikadave në veri raportohet se një patrullë e KFOR-it është sulmuar në "
        "Leposaviq gjatë mbrëmjes së kësaj të diele.",
        ("incident", "Riots", "leposavic", "2024-03-10"),
        [("incident", "Riots", "leposavic", "2024-02-28")],
    ),
    (
        "en",
        "On the 10th day of the barricades in the north, a KFOR patrol was attacked with stones in Zvecan "
        "late on Wednesday evening, police said.",
        ("incident", "Riots", "zvecan", "2024-03-13"),
        [("incident", "Riots", "zvecan", "2024-03-04")],
    ),
]


ORGANISERS_OF_OLD_EVENT = [
    (
        "en",
        "Kosovo police left Leposavic on Wednesday. Tensions rose after the arrest of one of the organizers of the "
        "clashes on 2 March at the municipal building. Dozens of Serbs gathered in Leposavic and two officers "
        "were hurt.",
        ("incident", "Protests", "leposavic", "2024-03-13"),
        [("incident", "Protests", "leposavic", "2024-03-02")],
    ),
    (
        "sq",
        "Policia u largua të mërkurën nga Leposaviqi. Tensionet u rritën pas arrestimit të njërit prej "
        "organizatorëve të përleshjeve të 2 marsit para komunës. Dhjetëra serbë u mblodhën në Leposaviq dhe dy "
        "policë u lënduan.",
        ("incident", "Protests", "leposavic", "2024-03-13"),
        [("incident", "Riots", "leposavic", "2024-03-02"), ("incident", "Protests", "leposavic", "2024-03-02")],
    ),
]


@pytest.mark.parametrize(
    ("language", "text", "expected", "absent"),
    ARREST_FOR_OLD_OFFENCE
    + ADDITIONAL_DETAILS
    + TROOPS_SEEN
    + FORCE_BLOCKADE
    + ARMED_ATTACK
    + [
        pytest.param(*case, marks=pytest.mark.xfail(strict=True, reason=_NTH_DAY_REVERTED))
        for case in NTH_DAY_OF_ANOTHER
    ]
    + ORGANISERS_OF_OLD_EVENT,
)
def test_real_failure_classes(
    language: str, text: str, expected: tuple[str, str, str, str], absent: list[tuple[str, str, str, str]],
    gazetteer: Gazetteer,
) -> None:  # fmt: skip
    rows = _rows(text, language, gazetteer)
    assert expected in rows, rows
    assert not rows & set(absent), rows
