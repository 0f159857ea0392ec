"""Probes of how extraction dates an event: short texts written for these tests (not taken from any article and
not from the evaluation corpus), each with the day its publication is given and the day a careful reader gives
its event. Every probe varies the date expression (written dates in their forms, weekdays in their cases, words
relative to publication or to the story's day, nights between two days, datelines, headlines, background dates),
so that the rules are held to classes of expressions rather than to the texts they were tuned on.

A probe is (text, published, place id, expected date): the candidates extraction proposes at that place must all
carry that date, or be none when the expected date is None. A planned event ("Serbs will protest on Friday") is dated
by the coming day. A night between two days is dated by its second day, as "overnight" and "noćas" are dated by the
morning after: what is reported of such a night mostly happened after midnight.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from geo.dataset import DATA_DIR
from geo.extract import extract
from geo.gazetteer import Gazetteer

TUE = date(2023, 5, 30)  # a Tuesday: Monday is 29 May, Sunday 28 May, Friday 26 May
SUN = date(2024, 3, 10)  # a Sunday: Saturday is 9 March, Thursday 7 March, Monday 4 March
MON = date(2023, 9, 25)  # a Monday: Sunday is 24 September, Saturday 23 September
DEC = date(2022, 12, 11)  # a Sunday: Saturday is 10 December

RUDARE = "gn-784523"  # Veliko Rudare, "Rudare" in the gazetteer's aliases
ZUPCE = "gn-783781"
MITROVICA = "mitrovica-north"

# A published date of None: the article gives its own; an expected date of None: no event is proposed there (a planned
# protest is not yet one).
Probe = tuple[str, date | None, str, str | None]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_csv(DATA_DIR / "places.csv")


def _dates_at(text: str, published: date | None, place: str, language: str, gazetteer: Gazetteer) -> set[str]:
    found = extract(text, published, gazetteer, language).candidates
    return {c.date.isoformat() for c in found if c.place_id == place}


def _check(language: str, probe: Probe, gazetteer: Gazetteer) -> None:
    text, published, place, expected = probe
    assert _dates_at(text, published, place, language, gazetteer) == ({expected} if expected else set()), text


# Classes of expression not yet dated right: a probe of one is marked, fails today (strict), and passes the day its
# class is handled.
REPORTED_LATER = (
    "an event told undated beside a statement's day, whose own earlier day a later sentence gives (the damage was "
    "reported on Tuesday), is not yet dated by it: the later day may as well be another event's"
)


def _open(reason: str, probe: Probe) -> Any:
    return pytest.param(probe, marks=pytest.mark.xfail(strict=True, reason=reason))


EN: list[Probe] = [
    ("Protesters gathered in front of the municipal building in Zvecan on 29 May 2023.", TUE, "zvecan", "2023-05-29"),
    ("Police arrested two men in Leposavic on May 28.", TUE, "leposavic", "2023-05-28"),
    ("A car was set on fire in Zubin Potok on 28th May.", TUE, "zubin-potok", "2023-05-28"),
    ("Unknown persons threw a grenade at a house in Zvecan on 27.05.2023.", TUE, "zvecan", "2023-05-27"),
    ("Serbs blocked the road at Rudare on Sunday.", TUE, RUDARE, "2023-05-28"),
    ("A police patrol was attacked near Banjska on Friday night.", TUE, "banjska", "2023-05-26"),
    ("Gunmen fired at a police patrol in Zupce yesterday.", TUE, ZUPCE, "2023-05-29"),
    ("Two people were injured in a fight in North Mitrovica the day before yesterday.", TUE, MITROVICA, "2023-05-28"),
    ("An explosive device was thrown at the police station in Zvecan last night.", TUE, "zvecan", "2023-05-29"),
    ("Masked men attacked a shop in Leposavic two days ago.", TUE, "leposavic", "2023-05-28"),
    ("Protesters blocked the Jarinje crossing in the night between Sunday and Monday.", TUE, "jarinje", "2023-05-29"),
    (
        "Police said on Tuesday that a car had been set on fire in Zubin Potok on Sunday.",
        TUE,
        "zubin-potok",
        "2023-05-28",
    ),
    (
        (
            "Grenade thrown in Zvecan\n\nA hand grenade was thrown at the municipal building in Zvecan "
            "on Saturday, police said."
        ),
        TUE,
        "zvecan",
        "2023-05-27",
    ),
    (
        (
            "Police arrested a man in Leposavic on Monday. He is suspected of taking part in the "
            "attack in Banjska in September 2023."
        ),
        SUN,
        "leposavic",
        "2024-03-04",
    ),
    ("Serbs blocked the road at Jarinje from 10 to 12 December.", DEC, "jarinje", "2022-12-10"),
    (
        (
            "ZVECAN, 29 May (KoSSev) – Protesters clashed with KFOR soldiers in front of the municipal "
            "building in Zvecan."
        ),
        TUE,
        "zvecan",
        "2023-05-29",
    ),
    (
        ("NORTH MITROVICA, Kosovo (AP) — Police arrested three men on Sunday after a shooting in North Mitrovica."),
        TUE,
        MITROVICA,
        "2023-05-28",
    ),
    (
        "Pristina, 29.05.2023 – Police said a car was set on fire in Zubin Potok overnight.",
        date(2023, 5, 29),
        "zubin-potok",
        "2023-05-29",
    ),
    (
        "“We will not give up,” the mayor said. On Thursday, about 200 people protested in Zvecan.",
        SUN,
        "zvecan",
        "2024-03-07",
    ),
    ("A KFOR patrol was attacked with stones near Brnjak on the evening of 28 May.", TUE, "brnjak", "2023-05-28"),
    ("Police detained a man at the Jarinje crossing early on Monday.", TUE, "jarinje", "2023-05-29"),
    ("On Monday, 29 May, protesters clashed with KFOR troops in Zvecan.", TUE, "zvecan", "2023-05-29"),
    ("A grenade was thrown at a house in Zubin Potok on the night of 27 May.", TUE, "zubin-potok", "2023-05-27"),
    (
        (
            "In May 2023, clashes in Zvecan left 30 KFOR soldiers injured. On Saturday, protesters "
            "gathered in Leposavic."
        ),
        SUN,
        "leposavic",
        "2024-03-09",
    ),
    (
        ("Last year, a police officer was killed in Banjska. Yesterday, police arrested a suspect in Zvecan."),
        SUN,
        "zvecan",
        "2024-03-09",
    ),
    ("On 5 March, police arrested two men in Leposavic.", SUN, "leposavic", "2024-03-05"),
    ("The protest in Zvecan entered its third day on Sunday.", SUN, "zvecan", "2024-03-08"),
    (
        "A car belonging to a police officer was set on fire in Zubin Potok on Thursday evening.",
        SUN,
        "zubin-potok",
        "2024-03-07",
    ),
    ("Police arrested two Serbs in Leposavic on Wednesday night.", SUN, "leposavic", "2024-03-06"),
    ("Shots were fired at a house in Zupce on Saturday morning.", SUN, ZUPCE, "2024-03-09"),
    ("Two men were arrested at the Jarinje crossing three days ago.", SUN, "jarinje", "2024-03-07"),
    ("About 200 people protested in North Mitrovica a week ago.", SUN, MITROVICA, "2024-03-03"),
    ("The attack in Banjska on 24 September 2023 left one police officer dead.", SUN, "banjska", "2023-09-24"),
    ("Protesters blocked the main road in Zvecan on Sept. 22.", MON, "zvecan", "2023-09-22"),
    ("Serbs have blocked roads near Rudare since Saturday.", DEC, RUDARE, "2022-12-10"),
    ("A police officer was wounded in Zubin Potok in the early hours of Sunday.", DEC, "zubin-potok", "2022-12-11"),
    ("KFOR troops were deployed at the Jarinje crossing on 2022-12-10.", DEC, "jarinje", "2022-12-10"),
    ("Explosions were heard in North Mitrovica this morning.", DEC, MITROVICA, "2022-12-11"),
    ("A stun grenade was thrown at a EULEX patrol near Rudare on the night of 10 December.", DEC, RUDARE, "2022-12-10"),
    (
        (
            "A former policeman was arrested at Jarinje on Saturday. On Sunday morning, Serbs put up "
            "barricades in Zubin Potok."
        ),
        DEC,
        "zubin-potok",
        "2022-12-11",
    ),
    (
        "Kurti said on Monday that police had arrested five men in Leposavic on Saturday.",
        MON,
        "leposavic",
        "2023-09-23",
    ),
    ("On the 28th of May, a group of men attacked a journalist in Zvecan.", TUE, "zvecan", "2023-05-28"),
    ("Police arrested a man in Zvecan on Sunday night.", TUE, "zvecan", "2023-05-28"),
    ("Police arrested two men in Zvecan on the 28th of this month.", TUE, "zvecan", "2023-05-28"),
    ("Earlier on Monday, protesters blocked the road in Leposavic.", TUE, "leposavic", "2023-05-29"),
    ("A car was torched in Leposavic in the early hours of Monday morning.", TUE, "leposavic", "2023-05-29"),
    (
        (
            "Kosovo police arrested two Serbs in Zvecan on Saturday. The two were detained after a "
            "fight, a police spokesman said on Sunday. A court ordered 30 days of detention for them "
            "on Monday."
        ),
        MON,
        "zvecan",
        "2023-09-23",
    ),
    (
        (
            "Tensions have been high in the north since May 2023, when clashes in Zvecan left dozens "
            "injured. On Friday, unknown persons threw a grenade at the police station in Leposavic."
        ),
        SUN,
        "leposavic",
        "2024-03-08",
    ),
    (
        (
            "“This is an attack on all of us,” the mayor told reporters on Saturday. Late on Friday, a "
            "car belonging to a municipal official was set on fire in Zubin Potok."
        ),
        SUN,
        "zubin-potok",
        "2024-03-08",
    ),
    ("Shortly after midnight on Saturday, shots were fired at a police patrol in Zupce.", SUN, ZUPCE, "2024-03-09"),
    ("Earlier this month, on March 2, police raided houses in Leposavic.", SUN, "leposavic", "2024-03-02"),
    (
        (
            "Car set on fire in Leposavic on Saturday\n\nA car owned by a local Serb was set on fire in "
            "Leposavic, police said."
        ),
        SUN,
        "leposavic",
        "2024-03-09",
    ),
    ("ZVECAN, March 9 (KoSSev) – Police today arrested a man in Zvecan.", SUN, "zvecan", "2024-03-09"),
    ("Last week, on Thursday, a journalist was attacked in Zvecan.", SUN, "zvecan", "2024-02-29"),
    ("A car was set on fire in Leposavic on the night of Friday to Saturday.", SUN, "leposavic", "2024-03-09"),
    ("Police arrested two men in Zvecan on 29 MAY 2023.", TUE, "zvecan", "2023-05-29"),
    ("Serbs blocked the road at Jarinje between 10 and 12 December.", DEC, "jarinje", "2022-12-10"),
    ("Two cars were torched in Leposavic on Thursday last week.", SUN, "leposavic", "2024-02-29"),
    ("Police arrested a man in Zvecan overnight Friday to Saturday.", SUN, "zvecan", "2024-03-09"),
    ("A car was set on fire in Zvecan in the night between 27 and 28 May.", TUE, "zvecan", "2023-05-28"),
    (
        (
            "A year since the Banjska attack of 24 September 2023\n\nHundreds of people protested in "
            "Zvecan, police said."
        ),
        date(2024, 9, 24),
        "zvecan",
        "2024-09-24",
    ),
    (
        ("Two men attacked a journalist in Zvecan. The incident happened on Saturday evening, police said on Sunday."),
        MON,
        "zvecan",
        "2023-09-23",
    ),
    (
        ("Unknown persons set fire to a car in Leposavic. It happened around 2 a.m. on Saturday, police said."),
        SUN,
        "leposavic",
        "2024-03-09",
    ),
    ("Police on Monday said two officers were injured in Zvecan on Sunday.", MON, "zvecan", "2023-09-24"),
    ("Police said on Tuesday they had arrested a man in Leposavic the previous day.", TUE, "leposavic", "2023-05-29"),
    ("In the early hours of Tuesday, a car exploded in Zubin Potok.", TUE, "zubin-potok", "2023-05-30"),
    ("On 28 and 29 May, Serbs protested in Zvecan.", TUE, "zvecan", "2023-05-28"),
    ("Protesters gathered in Zvecan on May 28-29.", TUE, "zvecan", "2023-05-28"),
    ("Gunmen attacked a police patrol near Banjska early Sunday.", MON, "banjska", "2023-09-24"),
    ("Thursday's attack on a police patrol in Zupce left one officer injured.", SUN, ZUPCE, "2024-03-07"),
    ("Police detained a man in Zvecan around midnight on Saturday.", SUN, "zvecan", "2024-03-09"),
    (
        "A car was torched in Zvecan on Saturday and a grenade was thrown in Leposavic on Sunday.",
        MON,
        "leposavic",
        "2023-09-24",
    ),
    (
        "A car was torched in Zvecan on Saturday and a grenade was thrown in Leposavic on Sunday.",
        MON,
        "zvecan",
        "2023-09-23",
    ),
    ("Serbs blocked the road at Jarinje for the third day on Sunday.", SUN, "jarinje", "2024-03-08"),
    ("Police arrested a man in Zvecan on Monday, May 29, 2023.", TUE, "zvecan", "2023-05-29"),
    ("Unknown attackers threw stones at a KFOR patrol near Brnjak late on Saturday.", SUN, "brnjak", "2024-03-09"),
    (
        (
            "Local Serbs protested in Zvecan on Friday. On Saturday, a car was set on fire in "
            "Leposavic. Police said they were investigating."
        ),
        SUN,
        "leposavic",
        "2024-03-09",
    ),
    (
        (
            "On Friday, masked men attacked a shop in Leposavic. “It was terrifying,” the owner said. "
            "Two suspects were arrested in Zvecan the following day."
        ),
        SUN,
        "zvecan",
        "2024-03-09",
    ),
    ("Police arrested a man in Zvecan this week.", SUN, "zvecan", "2024-03-10"),
    ("A police officer was shot and wounded in Zubin Potok at the weekend.", MON, "zubin-potok", "2023-09-25"),
    (
        ("Two police cars were set on fire in North Mitrovica on Sunday night, police said on Monday."),
        MON,
        MITROVICA,
        "2023-09-24",
    ),
    ("A hand grenade was thrown at a house in Zvecan on May 27th.", TUE, "zvecan", "2023-05-27"),
    ("On the night of May 27, a hand grenade was thrown at a house in Zvecan.", TUE, "zvecan", "2023-05-27"),
    ("Serbs blocked the Jarinje crossing from Saturday to Monday.", TUE, "jarinje", "2023-05-27"),
    ("Police arrested a man in Zvecan a day after the attack.", TUE, "zvecan", "2023-05-30"),
    ("Police arrested a man in Zvecan on Sunday, a day after the attack in Banjska.", MON, "zvecan", "2023-09-24"),
    ("Serbs blocked the road at Jarinje from Saturday until Monday.", TUE, "jarinje", "2023-05-27"),
    (
        ("Police arrested a man in Zvecan on Friday. The attack took place on Sunday in Banjska, police said."),
        SUN,
        "zvecan",
        "2024-03-08",
    ),
    (
        ("Masked men beat a young man in North Mitrovica. The assault happened late on Friday near the bridge."),
        SUN,
        MITROVICA,
        "2024-03-08",
    ),
    ("Police arrested a man in Zvecan on 28 May last year.", SUN, "zvecan", "2023-05-28"),
    ("On 24 September last year, a group of armed men attacked police in Banjska.", SUN, "banjska", "2023-09-24"),
    ("Serbs blocked the road at Rudare on 28 December.", date(2024, 1, 5), RUDARE, "2023-12-28"),
    ("Police arrested a man in Zvecan on Sunday (May 28).", TUE, "zvecan", "2023-05-28"),
    ("A grenade was thrown at a house in Zvecan in the early hours of Sunday, May 28.", TUE, "zvecan", "2023-05-28"),
    ("On Sunday 28 May, protesters gathered in Zvecan.", TUE, "zvecan", "2023-05-28"),
    ("Yesterday (Monday), police arrested a man in Leposavic.", TUE, "leposavic", "2023-05-29"),
    ("“We were attacked on Sunday in Zupce,” a resident told reporters on Monday.", MON, ZUPCE, "2023-09-24"),
    (
        ("Police arrested a man in Zvecan on Friday. The same day, a car was set on fire in Leposavic."),
        SUN,
        "leposavic",
        "2024-03-08",
    ),
    (
        ("Police arrested a man in Zvecan on Friday. Two days later, a car was set on fire in Leposavic."),
        SUN,
        "leposavic",
        "2024-03-10",
    ),
    (
        "A car was set on fire in Leposavic on Thursday, police said, adding that nobody was hurt.",
        SUN,
        "leposavic",
        "2024-03-07",
    ),
    (
        "Kosovo police said on Sunday that two men had been arrested in Zvecan on Friday night.",
        SUN,
        "zvecan",
        "2024-03-08",
    ),
    ("Serbs protested in Zvecan on Monday, a week after the arrest of a local man.", TUE, "zvecan", "2023-05-29"),
    (
        ("On Wednesday, police raided several houses in Leposavic. On Thursday, they arrested two men in Zvecan."),
        SUN,
        "zvecan",
        "2024-03-07",
    ),
    ("Police arrested a man in Zvecan late on the night of Saturday.", SUN, "zvecan", "2024-03-09"),
    ("Early on Sunday morning, shots were fired at a police patrol near Banjska.", MON, "banjska", "2023-09-24"),
    (
        "Police said the explosion in Zubin Potok happened at about 11 p.m. on Saturday.",
        SUN,
        "zubin-potok",
        "2024-03-09",
    ),
    ("About 300 people protested in Zvecan on the 28th.", TUE, "zvecan", "2023-05-28"),
    (
        (
            "KFOR soldiers were injured in clashes in Zvecan on 29 May 2023. A year later, on "
            "Wednesday, Serbs gathered in Leposavic."
        ),
        date(2024, 5, 30),
        "leposavic",
        "2024-05-29",
    ),
    ("Serbs protested in Leposavic last Sunday.", TUE, "leposavic", "2023-05-28"),
    (
        (
            "Serbs protested in Zvecan on Saturday. In May 2023, clashes in Zvecan injured dozens of "
            "KFOR soldiers. KFOR then sent more troops to Leposavic."
        ),
        SUN,
        "leposavic",
        "2023-05-01",
    ),
    (
        (
            "Two police officers were injured in Zvecan on Sunday evening, police said on Monday. The "
            "officers were attacked by a group of men near Banjska."
        ),
        MON,
        "banjska",
        "2023-09-24",
    ),
    _open(
        REPORTED_LATER,
        (
            (
                "Police said on Wednesday that a car had been damaged in Zubin Potok. The owner reported "
                "the damage on Tuesday."
            ),
            date(2024, 3, 13),
            "zubin-potok",
            "2024-03-12",
        ),
    ),
    (
        ("Serbs gathered in Zvecan on Saturday. Last year, police arrested dozens of people in Leposavic."),
        SUN,
        "leposavic",
        None,  # dated only to a past year: background, not proposed (geo.extract._background)
    ),
    (
        ("A car was set on fire in Zvecan on Friday. A week earlier, a car was set on fire in North Mitrovica."),
        SUN,
        MITROVICA,
        "2024-03-01",
    ),
    (
        (
            "Protesters blocked the road in Zupce on Saturday. On Sunday the blockade was lifted and "
            "police arrested two men in Zvecan."
        ),
        SUN,
        "zvecan",
        "2024-03-10",
    ),
    (
        (
            "ZVECAN, 9 March 2024 – Two men were arrested in Zvecan today. Police said the men had "
            "attacked a journalist in Leposavic on Thursday."
        ),
        None,
        "leposavic",
        "2024-03-07",
    ),
    (
        (
            "Tuesday, 30 May 2023\n\nThe situation in Zvecan is calm this morning after yesterday's "
            "clashes between protesters and KFOR."
        ),
        None,
        "zvecan",
        "2023-05-29",
    ),
    (
        ("Published: 30.05.2023 10:15\n\nKFOR soldiers were injured in clashes with protesters in Zvecan yesterday."),
        None,
        "zvecan",
        "2023-05-29",
    ),
    ("30 May 2023 | 10:15\n\nPolice arrested two men in Leposavic overnight.", None, "leposavic", "2023-05-30"),
    (
        (
            "Police arrested a man in Zvecan suspected of the attack in Banjska on 24 September 2023, "
            "officials said on Sunday."
        ),
        SUN,
        "zvecan",
        "2024-03-10",
    ),
    (
        ("A man accused of taking part in the clashes of 29 May 2023 was arrested in Leposavic on Saturday."),
        SUN,
        "leposavic",
        "2024-03-09",
    ),
    (
        ("Two men charged with the 24 September 2023 attack were detained at the Jarinje crossing yesterday."),
        SUN,
        "jarinje",
        "2024-03-09",
    ),
    ("Police arrested a man in Zvecan over the attack on 24 September 2023.", SUN, "zvecan", "2024-03-10"),
    ("Police detained a man in Leposavic because of the clashes of 29 May 2023.", SUN, "leposavic", "2024-03-10"),
    (
        "Three men were arrested in Zvecan on Saturday for the attack on KFOR troops in May 2023.",
        SUN,
        "zvecan",
        "2024-03-09",
    ),
    # Planned incidents have not happened: no candidate (tests/test_extract_planned.py).
    ("Serbs will protest in Zvecan on Friday, the Serb List announced.", TUE, "zvecan", None),
    ("A protest is planned in North Mitrovica on Friday.", TUE, MITROVICA, None),
    ("Serbs protested in Zvecan on Friday and said they would protest again on Monday.", SUN, "zvecan", "2024-03-08"),
    ("“Yesterday we were attacked in Zupce,” the mayor said on Saturday.", SUN, ZUPCE, "2024-03-08"),
    (
        ("KFOR said its troops had been attacked near Brnjak late on Saturday, hours after a protest in Zvecan."),
        SUN,
        "brnjak",
        "2024-03-09",
    ),
    ("Police arrested a man in Zvecan in the early morning hours on Saturday.", SUN, "zvecan", "2024-03-09"),
    ("Police arrested a man in Zvecan on Sunday the 28th.", TUE, "zvecan", "2023-05-28"),
    (
        (
            "LIVE: Tension in the north\n\nMonday, 29 May 2023\n\n10:15 — Protesters gathered in front of "
            "the municipal building in Zvecan.\n\nTuesday, 30 May 2023\n\n09:00 — Police arrested two men "
            "in Leposavic."
        ),
        TUE,
        "leposavic",
        "2023-05-30",
    ),
    (
        (
            "LIVE: Tension in the north\n\nMonday, 29 May 2023\n\n10:15 — Protesters gathered in front of "
            "the municipal building in Zvecan.\n\nTuesday, 30 May 2023\n\n09:00 — Police arrested two men "
            "in Leposavic."
        ),
        TUE,
        "zvecan",
        "2023-05-29",
    ),
    (
        (
            "Live updates\n\n29 May\n\nProtesters clashed with KFOR troops in Zvecan.\n\n30 May\n\nPolice "
            "arrested two men in Leposavic."
        ),
        TUE,
        "zvecan",
        "2023-05-29",
    ),
    (
        (
            "Grenade thrown at police station in Leposavic\n\nLEPOSAVIC, 10 March 2024 – Unknown persons "
            "threw a hand grenade at the police station in Leposavic late on Saturday, police said on "
            "Sunday. Nobody was injured. “This was an attempt to intimidate our officers,” the "
            "regional commander said. It was the second such attack this year: in January, an "
            "explosive device was thrown at a police vehicle in Zubin Potok. On Sunday morning, police "
            "also detained two men at the Jarinje crossing."
        ),
        None,
        "leposavic",
        "2024-03-09",
    ),
    (
        (
            "Grenade thrown at police station in Leposavic\n\nLEPOSAVIC, 10 March 2024 – Unknown persons "
            "threw a hand grenade at the police station in Leposavic late on Saturday, police said on "
            "Sunday. Nobody was injured. “This was an attempt to intimidate our officers,” the "
            "regional commander said. It was the second such attack this year: in January, an "
            "explosive device was thrown at a police vehicle in Zubin Potok. On Sunday morning, police "
            "also detained two men at the Jarinje crossing."
        ),
        None,
        "jarinje",
        "2024-03-10",
    ),
    (
        (
            "Protest in North Mitrovica against the closure of Serbian institutions\n\nSeveral hundred "
            "people gathered in North Mitrovica on Friday to protest against the closure of "
            "Serbian-run institutions. The closures began on Thursday, when police entered the offices "
            "of the Serbian post in Zvecan and Leposavic. Protesters carried Serbian flags and "
            "banners. Organisers said another protest would be held on Monday."
        ),
        SUN,
        MITROVICA,
        "2024-03-08",
    ),
    ("Unknown attackers torched a police car in Zubin Potok late Monday.", TUE, "zubin-potok", "2023-05-29"),
    ("Monday's clashes in Zvecan left 30 KFOR soldiers injured.", TUE, "zvecan", "2023-05-29"),
    ("Police arrested two men in Leposavic this past Sunday.", TUE, "leposavic", "2023-05-28"),
    ("Gunmen attacked police in Banjska on Sept. 24.", date(2024, 1, 5), "banjska", "2023-09-24"),
    ("A grenade was thrown at a house in Zvecan in the early hours of Saturday morning.", SUN, "zvecan", "2024-03-09"),
    ("Serbs rallied in North Mitrovica on Friday evening, police said Saturday.", SUN, MITROVICA, "2024-03-08"),
    ("A car was torched in Leposavic on Sunday — the third such attack this month.", SUN, "leposavic", "2024-03-10"),
    (
        "On March 8, a car was torched in Leposavic; on March 9, a grenade was thrown in Zvecan.",
        SUN,
        "zvecan",
        "2024-03-09",
    ),
    (
        "On March 8, a car was torched in Leposavic; on March 9, a grenade was thrown in Zvecan.",
        SUN,
        "leposavic",
        "2024-03-08",
    ),
    (
        "Police said Tuesday's arrests in Leposavic were linked to the attack in Banjska.",
        date(2023, 10, 5),
        "leposavic",
        "2023-10-03",
    ),
    ("The explosion happened shortly before midnight on Saturday in Zubin Potok.", SUN, "zubin-potok", "2024-03-09"),
    (
        "Two days after the clashes, on Wednesday, protesters again gathered in Zvecan.",
        date(2023, 6, 1),
        "zvecan",
        "2023-05-31",
    ),
    ("Police arrested a man in Zvecan on Friday 8 March.", SUN, "zvecan", "2024-03-08"),
    ("Police arrested a man in Zvecan Friday, March 8.", SUN, "zvecan", "2024-03-08"),
    ("The man, who would later be released, was arrested in Zvecan on Friday.", SUN, "zvecan", "2024-03-08"),
    ("Protesters, who said they will not give up, gathered in Zvecan on Friday.", SUN, "zvecan", "2024-03-08"),
    (
        ("The mayor of Zvecan took office in May 2023. Since then, Serbs have protested in Leposavic."),
        SUN,
        "leposavic",
        "2024-03-10",
    ),
    ("In the early hours of Monday, 29 May, a car was set on fire in Zvecan.", TUE, "zvecan", "2023-05-29"),
    ("Police arrested a man in Zvecan on the evening of Sunday, 28 May.", TUE, "zvecan", "2023-05-28"),
    ("A car was set on fire in Zvecan at 2:30 a.m. on 28 May 2023.", TUE, "zvecan", "2023-05-28"),
    ("Earlier this week, on Monday, police arrested a man in Zvecan.", TUE, "zvecan", "2023-05-29"),
    ("Last month, on 12 April, a car was set on fire in Leposavic.", TUE, "leposavic", "2023-04-12"),
    (
        ("In mid-May, protesters blocked the road in Zvecan; on 28 May, police arrested a man in Leposavic."),
        TUE,
        "leposavic",
        "2023-05-28",
    ),
    (
        ("Police arrested two men in Zvecan, the day after a car was torched in Leposavic on Saturday."),
        SUN,
        "leposavic",
        "2024-03-09",
    ),
    ("About 300 people protested in Zvecan for the fifth day in a row on Sunday.", SUN, "zvecan", "2024-03-06"),
]

SR: list[Probe] = [
    ("Ispred zgrade opštine u Zvečanu održan je protest 29. maja 2023.", TUE, "zvecan", "2023-05-29"),
    ("Policija je uhapsila dvojicu mladića u Leposaviću 28.05.2023.", TUE, "leposavic", "2023-05-28"),
    ("U Zubinom Potoku je 28. 5. 2023. zapaljen automobil.", TUE, "zubin-potok", "2023-05-28"),
    ("Nepoznata lica bacila su bombu na kuću u Zvečanu 27. maj 2023.", TUE, "zvecan", "2023-05-27"),
    ("Srbi su u nedelju blokirali put kod Rudara.", TUE, RUDARE, "2023-05-28"),
    ("Patrola Kosovske policije napadnuta je kod Banjske u petak uveče.", TUE, "banjska", "2023-05-26"),
    ("Juče je pucano na patrolu policije u Zupču.", TUE, ZUPCE, "2023-05-29"),
    ("Prekjuče su dve osobe povređene u tuči u Severnoj Mitrovici.", TUE, MITROVICA, "2023-05-28"),
    ("Sinoć je bačena eksplozivna naprava na policijsku stanicu u Zvečanu.", TUE, "zvecan", "2023-05-29"),
    ("Noćas je zapaljen automobil u Leposaviću.", TUE, "leposavic", "2023-05-30"),
    ("Pre dva dana maskirani muškarci napali su prodavnicu u Leposaviću.", TUE, "leposavic", "2023-05-28"),
    ("U noći između nedelje i ponedeljka demonstranti su blokirali prelaz Jarinje.", TUE, "jarinje", "2023-05-29"),
    (
        "Policija je u utorak saopštila da je u nedelju zapaljen automobil u Zubinom Potoku.",
        TUE,
        "zubin-potok",
        "2023-05-28",
    ),
    (
        (
            "Bomba bačena u Zvečanu\n\nRučna bomba bačena je u subotu na zgradu opštine u Zvečanu, "
            "saopštila je policija."
        ),
        TUE,
        "zvecan",
        "2023-05-27",
    ),
    (
        (
            "Policija je u ponedeljak uhapsila muškarca u Leposaviću. On se sumnjiči za učešće u "
            "napadu u Banjskoj u septembru 2023. godine."
        ),
        SUN,
        "leposavic",
        "2024-03-04",
    ),
    ("Srbi su od 10. do 12. decembra blokirali put kod Jarinja.", DEC, "jarinje", "2022-12-10"),
    (
        ("ZVEČAN, 29. maj (KoSSev) – Demonstranti su se sukobili sa vojnicima Kfora ispred zgrade opštine u Zvečanu."),
        TUE,
        "zvecan",
        "2023-05-29",
    ),
    (
        ("Kosovska Mitrovica, 29.05.2023 – Policija je saopštila da je noćas zapaljen automobil u Zubinom Potoku."),
        date(2023, 5, 29),
        "zubin-potok",
        "2023-05-29",
    ),
    ("Полиција је 28. маја 2023. ухапсила двојицу мушкараца у Лепосавићу.", TUE, "leposavic", "2023-05-28"),
    ("У петак увече нападнута је патрола Кфора код Брњака.", TUE, "brnjak", "2023-05-26"),
    (
        ("ЗВЕЧАН, 29. мај 2023. (Танјуг) – Демонстранти су се сукобили са припадницима Кфора у Звечану."),
        TUE,
        "zvecan",
        "2023-05-29",
    ),
    ("Demonstranti su se 29. V 2023. sukobili sa Kforom u Zvečanu.", TUE, "zvecan", "2023-05-29"),
    ("Protest je održan 28. maja u Severnoj Mitrovici.", TUE, MITROVICA, "2023-05-28"),
    ("U ponedeljak, 29. maja, demonstranti su se sukobili sa Kforom u Zvečanu.", TUE, "zvecan", "2023-05-29"),
    ("Protest u Zvečanu ušao je u treći dan zaredom u nedelju.", SUN, "zvecan", "2024-03-08"),
    ("U četvrtak uveče zapaljen je automobil policajca u Zubinom Potoku.", SUN, "zubin-potok", "2024-03-07"),
    ("Policija je u sredu uveče uhapsila dvojicu Srba u Leposaviću.", SUN, "leposavic", "2024-03-06"),
    ("U subotu ujutru pucano je na kuću u Zupču.", SUN, ZUPCE, "2024-03-09"),
    ("Pre tri dana uhapšena su dvojica muškaraca na prelazu Jarinje.", SUN, "jarinje", "2024-03-07"),
    ("Pre nedelju dana održan je protest u Severnoj Mitrovici.", SUN, MITROVICA, "2024-03-03"),
    ("Srbi od subote blokiraju puteve kod Rudara.", DEC, RUDARE, "2022-12-10"),
    ("Policajac je ranjen u Zubinom Potoku u ranim jutarnjim satima u nedelju.", DEC, "zubin-potok", "2022-12-11"),
    ("Jutros su se u Severnoj Mitrovici čule eksplozije.", DEC, MITROVICA, "2022-12-11"),
    ("Šok bomba bačena je na patrolu Euleksa kod Rudara u noći 10. decembra.", DEC, RUDARE, "2022-12-10"),
    (
        ("Premijer je u ponedeljak rekao da je policija u subotu uhapsila petoricu muškaraca u Leposaviću."),
        MON,
        "leposavic",
        "2023-09-23",
    ),
    ("U Zvečanu je juče uveče napadnut novinar.", TUE, "zvecan", "2023-05-29"),
    ("Prošlog petka je zapaljen automobil u Leposaviću.", SUN, "leposavic", "2024-03-08"),
    ("U nedjelju su Srbi blokirali put kod Rudara.", TUE, RUDARE, "2023-05-28"),
    ("Dana 28.05.2023. godine oko 22 časa u Zvečanu je napadnut policajac.", TUE, "zvecan", "2023-05-28"),
    ("U Zvečanu je 28.5. napadnut policajac.", TUE, "zvecan", "2023-05-28"),
    ("U noći između subote i nedelje zapaljena su dva automobila u Leposaviću.", SUN, "leposavic", "2024-03-10"),
    ("Јуче је у Звечану ухапшен мушкарац.", TUE, "zvecan", "2023-05-29"),
    ("Протест је одржан 28. маја у Северној Митровици.", TUE, MITROVICA, "2023-05-28"),
    ("Прошле недеље, у четвртак, у Звечану је нападнут новинар.", SUN, "zvecan", "2024-02-29"),
    ("U noći između petka i subote nepoznata lica zapalila su automobil u Zvečanu.", SUN, "zvecan", "2024-03-09"),
    ("Tokom vikenda, u subotu, uhapšen je muškarac u Leposaviću.", SUN, "leposavic", "2024-03-09"),
    (
        (
            "U Zvečanu je u subotu uhapšen muškarac. Kako je policija saopštila u nedelju, on je "
            "osumnjičen za napad na novinara."
        ),
        MON,
        "zvecan",
        "2023-09-23",
    ),
    (
        (
            "Napetosti na severu traju od maja 2023. godine, kada je u Zvečanu povređeno više desetina "
            "ljudi. U petak su nepoznata lica bacila bombu na policijsku stanicu u Leposaviću."
        ),
        SUN,
        "leposavic",
        "2024-03-08",
    ),
    (
        (
            "Zapaljen automobil u Leposaviću u subotu\n\nAutomobil lokalnog Srbina zapaljen je u "
            "Leposaviću, saopštila je policija."
        ),
        SUN,
        "leposavic",
        "2024-03-09",
    ),
    ("Nešto posle ponoći u subotu pucano je na patrolu policije u Zupču.", SUN, ZUPCE, "2024-03-09"),
    ("Početkom ovog meseca, 2. marta, policija je pretresla kuće u Leposaviću.", SUN, "leposavic", "2024-03-02"),
    ("Policija je 2. ovog meseca pretresla kuće u Leposaviću.", SUN, "leposavic", "2024-03-02"),
    ("Dana 2. marta tekuće godine policija je uhapsila muškarca u Zvečanu.", SUN, "zvecan", "2024-03-02"),
    ("Zvečan, 9. mart – Policija je danas uhapsila muškarca u Zvečanu.", SUN, "zvecan", "2024-03-09"),
    ("Srbi su u periodu od 10. do 12. decembra blokirali put kod Jarinja.", DEC, "jarinje", "2022-12-10"),
    ("U Zvečanu je 29.V 2023. uhapšen muškarac.", TUE, "zvecan", "2023-05-29"),
    ("Policajac je napadnut u Zvečanu u ponedeljak u 22.30.", TUE, "zvecan", "2023-05-29"),
    ("У Звечану је 28. В 2023. ухапшен мушкарац.", TUE, "zvecan", "2023-05-28"),
    ("U noći sa subote na nedelju zapaljen je automobil u Zvečanu.", SUN, "zvecan", "2024-03-10"),
    ("U četvrtak prošle nedelje napadnut je novinar u Zvečanu.", SUN, "zvecan", "2024-02-29"),
    ("U noći između 27. i 28. maja zapaljen je automobil u Zvečanu.", TUE, "zvecan", "2023-05-28"),
    (
        (
            "Godinu dana od napada od 24. septembra 2023. u Banjskoj\n\nStotine ljudi protestovale su u "
            "Zvečanu, saopštila je policija."
        ),
        date(2024, 9, 24),
        "zvecan",
        "2024-09-24",
    ),
    (
        (
            "Dva muškarca napala su novinara u Zvečanu. Incident se dogodio u subotu uveče, saopštila "
            "je policija u nedelju."
        ),
        MON,
        "zvecan",
        "2023-09-23",
    ),
    (
        (
            "Nepoznata lica zapalila su automobil u Leposaviću. To se dogodilo u subotu oko 2 časa, "
            "saopštila je policija."
        ),
        SUN,
        "leposavic",
        "2024-03-09",
    ),
    (
        "Policija je u utorak saopštila da je prethodnog dana uhapsila muškarca u Leposaviću.",
        TUE,
        "leposavic",
        "2023-05-29",
    ),
    ("U ranim jutarnjim satima u utorak zapaljen je automobil u Zubinom Potoku.", TUE, "zubin-potok", "2023-05-30"),
    ("U toku noći između nedelje i ponedeljka zapaljen je automobil u Zvečanu.", TUE, "zvecan", "2023-05-29"),
    (
        "Protest je održan 29. maja u Zvečanu, a dan kasnije u Leposaviću je uhapšen muškarac.",
        TUE,
        "leposavic",
        "2023-05-30",
    ),
    ("Protekle nedelje, u četvrtak, napadnut je novinar u Zvečanu.", SUN, "zvecan", "2024-02-29"),
    ("Minule sedmice, u utorak, uhapšen je muškarac u Leposaviću.", SUN, "leposavic", "2024-02-27"),
    ("Protest je održan 28. maja o.g. u Zvečanu.", TUE, "zvecan", "2023-05-28"),
    ("Tokom jučerašnjeg dana uhapšen je muškarac u Zvečanu.", TUE, "zvecan", "2023-05-29"),
    ("Juče popodne napadnut je novinar u Zvečanu.", TUE, "zvecan", "2023-05-29"),
    ("Prekjuče uveče zapaljen je automobil u Leposaviću.", TUE, "leposavic", "2023-05-28"),
    (
        ("Policija je u subotu uhapsila muškarca u Zvečanu, a u nedelju je pucano na patrolu u Zupču."),
        MON,
        ZUPCE,
        "2023-09-24",
    ),
    ("Srbi su 28. i 29. maja protestovali u Zvečanu.", TUE, "zvecan", "2023-05-28"),
    ("Srbi su od subote do ponedeljka blokirali prelaz Jarinje.", TUE, "jarinje", "2023-05-27"),
    (
        (
            "U petak su maskirani muškarci napali prodavnicu u Leposaviću. „Bilo je strašno“, rekao je "
            "vlasnik. Sutradan su u Zvečanu uhapšena dvojica osumnjičenih."
        ),
        SUN,
        "zvecan",
        "2024-03-09",
    ),
    (
        "Policajac je u nedelju ranjen u Zubinom Potoku, saopštila je policija u ponedeljak.",
        MON,
        "zubin-potok",
        "2023-09-24",
    ),
    ("U nedelju uveče, 24. septembra, pucano je na policiju u Banjskoj.", MON, "banjska", "2023-09-24"),
    ("Policija je uhapsila muškarca u Zvečanu dva dana nakon napada u Banjskoj.", MON, "zvecan", "2023-09-25"),
    ("Пре два дана у Звечану је нападнут новинар.", TUE, "zvecan", "2023-05-28"),
    ("Синоћ је у Северној Митровици запаљен аутомобил.", TUE, MITROVICA, "2023-05-29"),
    ("У суботу, 27. маја, бачена је бомба на кућу у Звечану.", TUE, "zvecan", "2023-05-27"),
    ("Ovog vikenda uhapšen je muškarac u Zvečanu.", SUN, "zvecan", "2024-03-10"),
    ("U Zvečanu je u ponedeljak 29. maja došlo do sukoba demonstranata i Kfora.", TUE, "zvecan", "2023-05-29"),
    ("Policija je 27. maja oko ponoći uhapsila muškarca u Zvečanu.", TUE, "zvecan", "2023-05-27"),
    ("Srbi su od petka do nedelje protestovali u Zvečanu.", SUN, "zvecan", "2024-03-08"),
    ("Srbi od ponedeljka do danas blokiraju put kod Jarinja.", MON, "jarinje", "2023-09-25"),
    (
        "Policija je u petak uhapsila muškarca u Zvečanu. Napad se dogodio u nedelju u Banjskoj.",
        SUN,
        "zvecan",
        "2024-03-08",
    ),
    (
        ("Maskirani muškarci pretukli su mladića u Severnoj Mitrovici. Incident se dogodio u petak kasno uveče."),
        SUN,
        MITROVICA,
        "2024-03-08",
    ),
    ("Policija je uhapsila muškarca u Zvečanu 28. maja prošle godine.", SUN, "zvecan", "2023-05-28"),
    ("Dana 24. septembra prošle godine naoružana grupa napala je policiju u Banjskoj.", SUN, "banjska", "2023-09-24"),
    ("Srbi su 28. decembra blokirali put kod Rudara.", date(2024, 1, 5), RUDARE, "2023-12-28"),
    ("Policija je juče (u ponedeljak) uhapsila muškarca u Leposaviću.", TUE, "leposavic", "2023-05-29"),
    ("„Napadnuti smo u nedelju u Zupču“, rekao je meštanin u ponedeljak.", MON, ZUPCE, "2023-09-24"),
    (
        ("Policija je u petak uhapsila muškarca u Zvečanu. Istog dana zapaljen je automobil u Leposaviću."),
        SUN,
        "leposavic",
        "2024-03-08",
    ),
    (
        ("Policija je u petak uhapsila muškarca u Zvečanu. Dva dana kasnije zapaljen je automobil u Leposaviću."),
        SUN,
        "leposavic",
        "2024-03-10",
    ),
    (
        ("Kosovska policija saopštila je u nedelju da su u petak uveče uhapšena dvojica muškaraca u Zvečanu."),
        SUN,
        "zvecan",
        "2024-03-08",
    ),
    (
        (
            "U sredu je policija pretresla nekoliko kuća u Leposaviću. U četvrtak je uhapsila dvojicu "
            "muškaraca u Zvečanu."
        ),
        SUN,
        "zvecan",
        "2024-03-07",
    ),
    ("Rano u nedelju ujutru pucano je na policijsku patrolu kod Banjske.", MON, "banjska", "2023-09-24"),
    (
        "Policija je saopštila da se eksplozija u Zubinom Potoku dogodila u subotu oko 23 časa.",
        SUN,
        "zubin-potok",
        "2024-03-09",
    ),
    ("Protest je održan u Zvečanu 28. ovog meseca.", TUE, "zvecan", "2023-05-28"),
    ("Srbi su protestovali u Leposaviću prošle nedelje, u nedelju.", TUE, "leposavic", "2023-05-28"),
    (
        ("U julu prošle godine uhapšen je muškarac u Zvečanu, a u nedelju je uhapšen još jedan u Leposaviću."),
        SUN,
        "leposavic",
        "2024-03-10",
    ),
    ("Прошлог петка је у Лепосавићу запаљен аутомобил.", SUN, "leposavic", "2024-03-08"),
    ("Policija je u subotu, 9. marta, uhapsila muškarca u Zvečanu.", SUN, "zvecan", "2024-03-09"),
    ("Dan nakon protesta, u subotu, policija je uhapsila muškarca u Zvečanu.", SUN, "zvecan", "2024-03-09"),
    (
        "Srbi su protestovali u Zvečanu u ponedeljak, nedelju dana nakon hapšenja meštanina.",
        TUE,
        "zvecan",
        "2023-05-29",
    ),
    ("Policija je juče u 22 časa uhapsila muškarca u Zvečanu.", TUE, "zvecan", "2023-05-29"),
    ("Muškarac je uhapšen u Zvečanu 28. 05. 2023. godine.", TUE, "zvecan", "2023-05-28"),
    (
        (
            "Srbi su u subotu protestovali u Zvečanu. U maju 2023. godine u sukobima u Zvečanu "
            "povređeno je više desetina vojnika Kfora. Kfor je tada poslao dodatne snage u Leposavić."
        ),
        SUN,
        "leposavic",
        "2023-05-01",
    ),
    (
        (
            "Dvojica policajaca povređena su u nedelju uveče u Zvečanu, saopštila je policija u "
            "ponedeljak. Policajce je napala grupa muškaraca kod Banjske."
        ),
        MON,
        "banjska",
        "2023-09-24",
    ),
    _open(
        REPORTED_LATER,
        (
            (
                "Policija je u sredu saopštila da je oštećen automobil u Zubinom Potoku. Vlasnik je štetu "
                "prijavio u utorak."
            ),
            date(2024, 3, 13),
            "zubin-potok",
            "2024-03-12",
        ),
    ),
    (
        (
            "ZVEČAN, 9. marta 2024. – Dvojica muškaraca uhapšena su danas u Zvečanu. Policija je "
            "saopštila da su oni u četvrtak napali novinara u Leposaviću."
        ),
        None,
        "leposavic",
        "2024-03-07",
    ),
    (
        (
            "Utorak, 30. maj 2023.\n\nSituacija u Zvečanu je jutros mirna nakon jučerašnjih sukoba "
            "demonstranata i Kfora."
        ),
        None,
        "zvecan",
        "2023-05-29",
    ),
    (
        ("Objavljeno: 30.05.2023. 10:15\n\nU sukobima sa demonstrantima u Zvečanu juče su povređeni vojnici Kfora."),
        None,
        "zvecan",
        "2023-05-29",
    ),
    (
        "30. maj 2023. | 10:15\n\nPolicija je noćas uhapsila dvojicu muškaraca u Leposaviću.",
        None,
        "leposavic",
        "2023-05-30",
    ),
    (
        ("Automobil je zapaljen u Zvečanu u petak. Nedelju dana ranije zapaljen je automobil u Severnoj Mitrovici."),
        SUN,
        MITROVICA,
        "2024-03-01",
    ),
    (
        (
            "Демонстранти су у суботу блокирали пут у Зупчу. У недељу је блокада уклоњена, а полиција "
            "је ухапсила двојицу мушкараца у Звечану."
        ),
        SUN,
        "zvecan",
        "2024-03-10",
    ),
    (
        (
            "Policija je uhapsila muškarca osumnjičenog za napad u Banjskoj 24. septembra 2023, "
            "saopšteno je u nedelju. Uhapšen je u Zvečanu."
        ),
        SUN,
        "zvecan",
        "2024-03-10",
    ),
    (
        ("Policija je u Zvečanu uhapsila muškarca osumnjičenog za napad u Banjskoj 24. septembra 2023."),
        SUN,
        "zvecan",
        "2024-03-10",
    ),
    (
        "Muškarac optužen za učešće u sukobima od 29. maja 2023. uhapšen je u subotu u Leposaviću.",
        SUN,
        "leposavic",
        "2024-03-09",
    ),
    ("U Zvečanu je uhapšen muškarac zbog napada na Kfor 29. maja 2023.", SUN, "zvecan", "2024-03-10"),
    (
        "Dvojica muškaraca uhapšena su juče na prelazu Jarinje zbog napada od 24. septembra 2023.",
        SUN,
        "jarinje",
        "2024-03-09",
    ),
    (
        ("Policija je uhapsila muškarca u Leposaviću pod sumnjom da je učestvovao u napadu 24. septembra 2023."),
        SUN,
        "leposavic",
        "2024-03-10",
    ),
    ("Srbi će u petak protestovati u Zvečanu, najavila je Srpska lista.", TUE, "zvecan", None),  # planned
    ("Protest je zakazan za petak u Severnoj Mitrovici.", TUE, MITROVICA, None),
    ("„Juče smo napadnuti u Zupču“, rekao je predsednik opštine u subotu.", SUN, ZUPCE, "2024-03-08"),
    (
        (
            "Kfor je saopštio da su njegovi vojnici napadnuti kod Brnjaka u subotu kasno uveče, "
            "nekoliko sati posle protesta u Zvečanu."
        ),
        SUN,
        "brnjak",
        "2024-03-09",
    ),
    ("Policija je u subotu u ranim jutarnjim časovima uhapsila muškarca u Zvečanu.", SUN, "zvecan", "2024-03-09"),
    (
        (
            "UŽIVO: Napetost na severu\n\nPonedeljak, 29. maj 2023.\n\n10:15 – Demonstranti su se okupili "
            "ispred zgrade opštine u Zvečanu.\n\nUtorak, 30. maj 2023.\n\n09:00 – Policija je uhapsila "
            "dvojicu muškaraca u Leposaviću."
        ),
        TUE,
        "zvecan",
        "2023-05-29",
    ),
    (
        (
            "UŽIVO: Napetost na severu\n\nPonedeljak, 29. maj 2023.\n\n10:15 – Demonstranti su se okupili "
            "ispred zgrade opštine u Zvečanu.\n\nUtorak, 30. maj 2023.\n\n09:00 – Policija je uhapsila "
            "dvojicu muškaraca u Leposaviću."
        ),
        TUE,
        "leposavic",
        "2023-05-30",
    ),
    ("Prekjučerašnji napad na novinara u Zvečanu osudila su udruženja novinara.", TUE, "zvecan", "2023-05-28"),
    ("Policija je objavila nedeljni izveštaj: u Zvečanu je juče uhapšen muškarac.", TUE, "zvecan", "2023-05-29"),
    (
        (
            "Bomba bačena na policijsku stanicu u Leposaviću\n\nLEPOSAVIĆ, 10. mart 2024. – Nepoznata "
            "lica bacila su ručnu bombu na policijsku stanicu u Leposaviću u subotu kasno uveče, "
            "saopštila je policija u nedelju. Niko nije povređen. „Ovo je bio pokušaj zastrašivanja "
            "naših službenika“, rekao je regionalni komandant. To je drugi takav napad ove godine: u "
            "januaru je eksplozivna naprava bačena na policijsko vozilo u Zubinom Potoku. U nedelju "
            "ujutru policija je na prelazu Jarinje privela i dvojicu muškaraca."
        ),
        None,
        "leposavic",
        "2024-03-09",
    ),
    (
        (
            "Protest u Severnoj Mitrovici protiv zatvaranja srpskih institucija\n\nNekoliko stotina "
            "ljudi okupilo se u petak u Severnoj Mitrovici na protestu protiv zatvaranja srpskih "
            "institucija. Zatvaranje je počelo u četvrtak, kada je policija ušla u prostorije srpske "
            "pošte u Zvečanu i Leposaviću. Demonstranti su nosili srpske zastave i transparente. "
            "Organizatori su najavili novi protest za ponedeljak."
        ),
        SUN,
        MITROVICA,
        "2024-03-08",
    ),
    (
        (
            "Protest u Severnoj Mitrovici protiv zatvaranja srpskih institucija\n\nNekoliko stotina "
            "ljudi okupilo se u petak u Severnoj Mitrovici na protestu protiv zatvaranja srpskih "
            "institucija. Zatvaranje je počelo u četvrtak, kada je policija ušla u prostorije srpske "
            "pošte u Zvečanu i Leposaviću. Demonstranti su nosili srpske zastave i transparente. "
            "Organizatori su najavili novi protest za ponedeljak."
        ),
        SUN,
        "zvecan",
        "2024-03-07",
    ),
    ("Juce je u Zvecanu uhapsen muskarac.", TUE, "zvecan", "2023-05-29"),
    ("Sinoc je zapaljen automobil u Leposavicu.", TUE, "leposavic", "2023-05-29"),
    ("Nocas je zapaljen automobil u Leposavicu.", TUE, "leposavic", "2023-05-30"),
    ("U cetvrtak uvece zapaljen je automobil u Zubinom Potoku.", SUN, "zubin-potok", "2024-03-07"),
    ("Prosle nedelje, u cetvrtak, napadnut je novinar u Zvecanu.", SUN, "zvecan", "2024-02-29"),
    ("Prekjuce su dve osobe povredjene u tuci u Severnoj Mitrovici.", TUE, MITROVICA, "2023-05-28"),
    ("U nedelju su Srbi blokirali put kod Rudara.", TUE, RUDARE, "2023-05-28"),
    ("Policija je u ponedeljak, 29. maja, uhapsila muskarca u Zvecanu.", TUE, "zvecan", "2023-05-29"),
    ("U noci izmedju subote i nedelje zapaljena su dva automobila u Leposavicu.", SUN, "leposavic", "2024-03-10"),
    ("Pre dva dana uhapsen je muskarac u Zvecanu.", TUE, "zvecan", "2023-05-28"),
    ("Jucerasnji napad na novinara u Zvecanu osudila su udruzenja.", TUE, "zvecan", "2023-05-29"),
    ("Protest je odrzan u Zvecanu 28. maja prosle godine.", SUN, "zvecan", "2023-05-28"),
    (
        ("Kosovska policija saopštila je u ponedeljak da su dvojica policajaca ranjena u Zvečanu u noći na nedelju."),
        MON,
        "zvecan",
        "2023-09-24",
    ),
    ("Ponedeljkovi sukobi u Zvečanu ostavili su 30 povređenih vojnika Kfora.", TUE, "zvecan", "2023-05-29"),
    ("Napadači su 24. septembra napali policiju u Banjskoj.", date(2024, 1, 5), "banjska", "2023-09-24"),
    ("Eksplozija se dogodila nešto pre ponoći u subotu u Zubinom Potoku.", SUN, "zubin-potok", "2024-03-09"),
    (
        "Dva dana nakon sukoba, u sredu, demonstranti su se ponovo okupili u Zvečanu.",
        date(2023, 6, 1),
        "zvecan",
        "2023-05-31",
    ),
    ("8. marta zapaljen je automobil u Leposaviću, a 9. marta bačena je bomba u Zvečanu.", SUN, "zvecan", "2024-03-09"),
    (
        "8. marta zapaljen je automobil u Leposaviću, a 9. marta bačena je bomba u Zvečanu.",
        SUN,
        "leposavic",
        "2024-03-08",
    ),
    ("Demonstranti, koji kažu da će nastaviti, okupili su se u petak u Zvečanu.", SUN, "zvecan", "2024-03-08"),
    (
        ("Gradonačelnik Zvečana preuzeo je dužnost u maju 2023. godine. Od tada Srbi protestuju u Leposaviću."),
        SUN,
        "leposavic",
        "2024-03-10",
    ),
    (
        "Policija je u ranim jutarnjim satima u ponedeljak, 29. maja, uhapsila muškarca u Zvečanu.",
        TUE,
        "zvecan",
        "2023-05-29",
    ),
    ("Automobil je zapaljen u Zvečanu 28. maja 2023. oko 2.30 časova.", TUE, "zvecan", "2023-05-28"),
    ("Početkom nedelje, u ponedeljak, policija je uhapsila muškarca u Zvečanu.", TUE, "zvecan", "2023-05-29"),
    ("Prošlog meseca, 12. aprila, zapaljen je automobil u Leposaviću.", TUE, "leposavic", "2023-04-12"),
    ("Protest u Zvečanu održan je peti dan zaredom u nedelju.", SUN, "zvecan", "2024-03-06"),
    ("Полиција је у недељу увече, 28. маја, ухапсила мушкарца у Звечану.", TUE, "zvecan", "2023-05-28"),
    ("Дана 28. 05. 2023. године у Звечану је запаљен аутомобил.", TUE, "zvecan", "2023-05-28"),
]

SQ: list[Probe] = [
    ("Më 29 maj 2023, protestuesit u përleshën me ushtarët e KFOR-it në Zveçan.", TUE, "zvecan", "2023-05-29"),
    ("Policia arrestoi dy të rinj në Leposaviq më 28.05.2023.", TUE, "leposavic", "2023-05-28"),
    ("Në Zubin Potok u dogj një veturë më 28 maj.", TUE, "zubin-potok", "2023-05-28"),
    ("Persona të panjohur hodhën një granatë në një shtëpi në Zveçan, më 27 maj.", TUE, "zvecan", "2023-05-27"),
    ("Më 28-të maj, serbët bllokuan rrugën në Rudar.", TUE, RUDARE, "2023-05-28"),
    ("Ditën e premte në mbrëmje u sulmua një patrullë e policisë afër Banjskës.", TUE, "banjska", "2023-05-26"),
    ("Të dielën, serbët bllokuan rrugën në Rudar.", TUE, RUDARE, "2023-05-28"),
    ("Dje u qëllua me armë zjarri ndaj një patrulle policore në Zupç.", TUE, ZUPCE, "2023-05-29"),
    ("Pardje dy persona u plagosën në një përleshje në Mitrovicë të Veriut.", TUE, MITROVICA, "2023-05-28"),
    ("Mbrëmë u hodh një mjet shpërthyes ndaj stacionit policor në Zveçan.", TUE, "zvecan", "2023-05-29"),
    ("Para dy ditësh, persona të maskuar sulmuan një dyqan në Leposaviq.", TUE, "leposavic", "2023-05-28"),
    (
        "Natën mes së dielës dhe së hënës, protestuesit bllokuan pikën kufitare në Jarinjë.",
        TUE,
        "jarinje",
        "2023-05-29",
    ),
    ("Policia tha të martën se të dielën ishte djegur një veturë në Zubin Potok.", TUE, "zubin-potok", "2023-05-28"),
    (
        ("Granatë në Zveçan\n\nNjë granatë dore u hodh të shtunën në ndërtesën e komunës në Zveçan, njoftoi policia."),
        TUE,
        "zvecan",
        "2023-05-27",
    ),
    (
        (
            "Policia arrestoi të hënën një burrë në Leposaviq. Ai dyshohet se mori pjesë në sulmin në "
            "Banjskë në shtator 2023."
        ),
        SUN,
        "leposavic",
        "2024-03-04",
    ),
    ("Serbët bllokuan rrugën në Jarinjë nga 10 deri më 12 dhjetor.", DEC, "jarinje", "2022-12-10"),
    ("MITROVICË, 29 maj 2023 – Protestuesit u përleshën me ushtarët e KFOR-it në Zveçan.", TUE, "zvecan", "2023-05-29"),
    (
        "Prishtinë, 29.05.2023 – Policia njoftoi se mbrëmë u dogj një veturë në Zubin Potok.",
        date(2023, 5, 29),
        "zubin-potok",
        "2023-05-28",
    ),
    ("Më 5 mars, policia arrestoi dy burra në Leposaviq.", SUN, "leposavic", "2024-03-05"),
    ("Protesta në Zveçan hyri në ditën e tretë të dielën.", SUN, "zvecan", "2024-03-08"),
    ("Të enjten në mbrëmje u dogj vetura e një polici në Zubin Potok.", SUN, "zubin-potok", "2024-03-07"),
    ("Policia arrestoi dy serbë në Leposaviq të mërkurën në mbrëmje.", SUN, "leposavic", "2024-03-06"),
    ("Të shtunën në mëngjes u qëllua ndaj një shtëpie në Zupç.", SUN, ZUPCE, "2024-03-09"),
    ("Para tri ditësh, dy burra u arrestuan në pikën kufitare të Jarinjës.", SUN, "jarinje", "2024-03-07"),
    ("Para një jave u mbajt një protestë në Mitrovicë të Veriut.", SUN, MITROVICA, "2024-03-03"),
    ("Që nga e shtuna, serbët bllokojnë rrugët afër Rudarit.", DEC, RUDARE, "2022-12-10"),
    ("Një polic u plagos në Zubin Potok herët në mëngjesin e së dielës.", DEC, "zubin-potok", "2022-12-11"),
    ("Sot në mëngjes u dëgjuan shpërthime në Mitrovicë të Veriut.", DEC, MITROVICA, "2022-12-11"),
    (
        ("Një granatë shokuese u hodh ndaj një patrulle të EULEX-it afër Rudarit natën e 10 dhjetorit."),
        DEC,
        RUDARE,
        "2022-12-10",
    ),
    (
        "Kryeministri tha të hënën se policia kishte arrestuar pesë burra në Leposaviq të shtunën.",
        MON,
        "leposavic",
        "2023-09-23",
    ),
    ("Më 28 maj një grup burrash sulmuan një gazetar në Zveçan.", TUE, "zvecan", "2023-05-28"),
    ("Të premten e kaluar u dogj një veturë në Leposaviq.", SUN, "leposavic", "2024-03-08"),
    ("Dje në mbrëmje u sulmua një gazetar në Zveçan.", TUE, "zvecan", "2023-05-29"),
    ("Me 28 maj 2023 u sulmua një gazetar në Zveçan.", TUE, "zvecan", "2023-05-28"),
    ("Të hënën, më 29 maj, protestuesit u përleshën me KFOR-in në Zveçan.", TUE, "zvecan", "2023-05-29"),
    ("Ditën e premte u arrestua një burrë në Zveçan.", SUN, "zvecan", "2024-03-08"),
    ("Natën e së shtunës u dogjën dy vetura në Leposaviq.", SUN, "leposavic", "2024-03-09"),
    ("Policia arrestoi një burrë në Zveçan më 28.5.2023.", TUE, "zvecan", "2023-05-28"),
    ("Policia arrestoi një burrë në Zveçan më 28.5.", TUE, "zvecan", "2023-05-28"),
    ("Dje pasdite, policia arrestoi një burrë në Zveçan.", TUE, "zvecan", "2023-05-29"),
    (
        (
            "Më 24 shtator 2023, një grup i armatosur sulmoi policinë në Banjskë. Të dielën, qytetarët "
            "protestuan në Zveçan."
        ),
        SUN,
        "zvecan",
        "2024-03-10",
    ),
    ("Mitrovicë e Veriut, 29 maj 2023 – Policia arrestoi dy burra në Zveçan.", TUE, "zvecan", "2023-05-29"),
    ("Natën mes të premtes dhe të shtunës u dogj një veturë në Zveçan.", SUN, "zvecan", "2024-03-09"),
    ("Të shtunën mbrëma u arrestua një burrë në Leposaviq.", SUN, "leposavic", "2024-03-09"),
    ("Të dielën e 28 majit u mbajt një protestë në Zveçan.", TUE, "zvecan", "2023-05-28"),
    ("Javën e kaluar, të enjten, u sulmua një gazetar në Zveçan.", SUN, "zvecan", "2024-02-29"),
    (
        ("Policia arrestoi të shtunën dy serbë në Zveçan. Sipas policisë, ata u ndaluan pas një përleshjeje."),
        MON,
        "zvecan",
        "2023-09-23",
    ),
    (
        (
            "Tensionet në veri janë të larta që nga maji i vitit 2023, kur në Zveçan u plagosën "
            "dhjetëra persona. Të premten, persona të panjohur hodhën një granatë ndaj stacionit "
            "policor në Leposaviq."
        ),
        SUN,
        "leposavic",
        "2024-03-08",
    ),
    (
        (
            "Digjet një veturë në Leposaviq të shtunën\n\nNjë veturë e një serbi vendas u dogj në "
            "Leposaviq, njoftoi policia."
        ),
        SUN,
        "leposavic",
        "2024-03-09",
    ),
    ("Pak pas mesnate të shtunën, u qëllua ndaj një patrulle policore në Zupç.", SUN, ZUPCE, "2024-03-09"),
    ("Më 2 të këtij muaji policia kontrolloi disa shtëpi në Leposaviq.", SUN, "leposavic", "2024-03-02"),
    ("Zveçan, 9 mars – Policia arrestoi sot një burrë në Zveçan.", SUN, "zvecan", "2024-03-09"),
    ("Serbët bllokuan rrugën në Jarinjë prej 10 deri më 12 dhjetor.", DEC, "jarinje", "2022-12-10"),
    ("Policia arrestoi dy burra në Zveçan më 29-05-2023.", TUE, "zvecan", "2023-05-29"),
    ("Policia arrestoi një burrë në Zveçan të hënën në ora 22.30.", TUE, "zvecan", "2023-05-29"),
    ("Të enjten e javës së kaluar u sulmua një gazetar në Zveçan.", SUN, "zvecan", "2024-02-29"),
    ("Natën ndërmjet të premtes dhe të shtunës u dogj një veturë në Leposaviq.", SUN, "leposavic", "2024-03-09"),
    ("Natën mes 27 dhe 28 majit u dogj një veturë në Zveçan.", TUE, "zvecan", "2023-05-28"),
    (
        ("Një vit nga sulmi në Banjskë më 24 shtator 2023\n\nQindra qytetarë protestuan në Zveçan, njoftoi policia."),
        date(2024, 9, 24),
        "zvecan",
        "2024-09-24",
    ),
    (
        ("Dy burra sulmuan një gazetar në Zveçan. Incidenti ndodhi të shtunën në mbrëmje, njoftoi policia të dielën."),
        MON,
        "zvecan",
        "2023-09-23",
    ),
    (
        (
            "Persona të panjohur i vunë zjarrin një veture në Leposaviq. Kjo ndodhi të shtunën rreth "
            "orës 2, njoftoi policia."
        ),
        SUN,
        "leposavic",
        "2024-03-09",
    ),
    (
        "Policia njoftoi të martën se një ditë më parë kishte arrestuar një burrë në Leposaviq.",
        TUE,
        "leposavic",
        "2023-05-29",
    ),
    ("Në orët e para të mëngjesit të së martës shpërtheu një veturë në Zubin Potok.", TUE, "zubin-potok", "2023-05-30"),
    ("Gjatë natës së kaluar u dogj një veturë në Zveçan.", TUE, "zvecan", "2023-05-29"),
    ("Mbrëmjen e së shtunës u sulmua një patrullë e KFOR-it afër Bërnjakut.", SUN, "brnjak", "2024-03-09"),
    ("Pasditen e së dielës u mbajt një protestë në Zveçan.", MON, "zvecan", "2023-09-24"),
    ("Këtë të hënë u arrestua një burrë në Zveçan.", TUE, "zvecan", "2023-05-29"),
    ("Dje paradite u arrestua një burrë në Zveçan.", TUE, "zvecan", "2023-05-29"),
    ("Pardje në mbrëmje u dogj një veturë në Leposaviq.", TUE, "leposavic", "2023-05-28"),
    ("Më 28 dhe 29 maj serbët protestuan në Zveçan.", TUE, "zvecan", "2023-05-28"),
    ("Serbët bllokuan pikën kufitare të Jarinjës nga e shtuna deri të hënën.", TUE, "jarinje", "2023-05-27"),
    (
        ("Policia arrestoi të shtunën një burrë në Zveçan, ndërsa të dielën u qëllua ndaj një patrulle në Zupç."),
        MON,
        ZUPCE,
        "2023-09-24",
    ),
    (
        (
            "Të premten, persona të maskuar sulmuan një dyqan në Leposaviq. “Ishte e tmerrshme”, tha "
            "pronari. Të nesërmen u arrestuan dy të dyshuar në Zveçan."
        ),
        SUN,
        "zvecan",
        "2024-03-09",
    ),
    ("Një polic u plagos të dielën në Zubin Potok, njoftoi policia të hënën.", MON, "zubin-potok", "2023-09-24"),
    ("Të dielën në mbrëmje, më 24 shtator, u qëllua ndaj policisë në Banjskë.", MON, "banjska", "2023-09-24"),
    ("Javën e shkuar, të martën, u arrestua një burrë në Leposaviq.", SUN, "leposavic", "2024-02-27"),
    ("Policia arrestoi një burrë në Zveçan dy ditë pas sulmit në Banjskë.", MON, "zvecan", "2023-09-25"),
    ("Më 27 maj rreth mesnatës policia arrestoi një burrë në Zveçan.", TUE, "zvecan", "2023-05-27"),
    ("Të hënën më 29 maj në Zveçan u përleshën protestuesit me KFOR-in.", TUE, "zvecan", "2023-05-29"),
    ("Dje, më 29 maj, u arrestua një burrë në Zveçan.", TUE, "zvecan", "2023-05-29"),
    ("Ditën e shtunë u dogj një veturë në Zveçan.", SUN, "zvecan", "2024-03-09"),
    ("Të shtunën e 9 marsit u dogj një veturë në Zveçan.", SUN, "zvecan", "2024-03-09"),
    ("Policia arrestoi një burrë në Zveçan në fundjavë.", MON, "zvecan", "2023-09-25"),
    ("Më 27 të muajit u arrestua një burrë në Zveçan.", TUE, "zvecan", "2023-05-27"),
    ("Serbët protestuan në Zveçan prej të premtes deri të dielën.", SUN, "zvecan", "2024-03-08"),
    (
        "Policia arrestoi të premten një burrë në Zveçan. Sulmi ndodhi të dielën në Banjskë.",
        SUN,
        "zvecan",
        "2024-03-08",
    ),
    (
        ("Persona të maskuar rrahën një të ri në Mitrovicë të Veriut. Incidenti ndodhi të premten vonë në mbrëmje."),
        SUN,
        MITROVICA,
        "2024-03-08",
    ),
    ("Policia arrestoi një burrë në Zveçan më 28 maj të vitit të kaluar.", SUN, "zvecan", "2023-05-28"),
    (
        "Më 24 shtator të vitit të kaluar, një grup i armatosur sulmoi policinë në Banjskë.",
        SUN,
        "banjska",
        "2023-09-24",
    ),
    ("Serbët bllokuan rrugën në Rudar më 28 dhjetor.", date(2024, 1, 5), RUDARE, "2023-12-28"),
    ("Dje (të hënën) policia arrestoi një burrë në Leposaviq.", TUE, "leposavic", "2023-05-29"),
    (
        ("Policia arrestoi të premten një burrë në Zveçan. Po atë ditë u dogj një veturë në Leposaviq."),
        SUN,
        "leposavic",
        "2024-03-08",
    ),
    (
        ("Policia arrestoi të premten një burrë në Zveçan. Dy ditë më vonë u dogj një veturë në Leposaviq."),
        SUN,
        "leposavic",
        "2024-03-10",
    ),
    (
        ("Policia e Kosovës njoftoi të dielën se dy burra u arrestuan në Zveçan të premten në mbrëmje."),
        SUN,
        "zvecan",
        "2024-03-08",
    ),
    (
        ("Të mërkurën policia kontrolloi disa shtëpi në Leposaviq. Të enjten arrestoi dy burra në Zveçan."),
        SUN,
        "zvecan",
        "2024-03-07",
    ),
    ("Herët të dielën në mëngjes u qëllua ndaj një patrulle policore afër Banjskës.", MON, "banjska", "2023-09-24"),
    ("Policia tha se shpërthimi në Zubin Potok ndodhi të shtunën rreth orës 23.", SUN, "zubin-potok", "2024-03-09"),
    ("Më 28 të këtij muaji u mbajt një protestë në Zveçan.", TUE, "zvecan", "2023-05-28"),
    ("Serbët protestuan në Leposaviq të dielën e kaluar.", TUE, "leposavic", "2023-05-28"),
    (
        (
            "Në korrik të vitit të kaluar u arrestua një burrë në Zveçan, ndërsa të dielën u arrestua "
            "një tjetër në Leposaviq."
        ),
        SUN,
        "leposavic",
        "2024-03-10",
    ),
    ("Policia arrestoi të shtunën, më 9 mars, një burrë në Zveçan.", SUN, "zvecan", "2024-03-09"),
    ("Një ditë pas protestës, të shtunën, policia arrestoi një burrë në Zveçan.", SUN, "zvecan", "2024-03-09"),
    ("Dje në orën 22 policia arrestoi një burrë në Zveçan.", TUE, "zvecan", "2023-05-29"),
    ("Një burrë u arrestua në Zveçan më 28. 05. 2023.", TUE, "zvecan", "2023-05-28"),
    (
        (
            "Më 29 maj 2023 u plagosën ushtarë të KFOR-it në Zveçan. Një vit më vonë, të mërkurën, "
            "serbët u mblodhën në Leposaviq."
        ),
        date(2024, 5, 30),
        "leposavic",
        "2024-05-29",
    ),
    ("Mbrëmë vonë u dogj një veturë në Zubin Potok.", TUE, "zubin-potok", "2023-05-29"),
    ("Të shtunën pasdite u mbajt një protestë në Mitrovicë të Veriut.", SUN, MITROVICA, "2024-03-09"),
    (
        (
            "Serbët protestuan të shtunën në Zveçan. Në maj të vitit 2023, në përleshjet në Zveçan u "
            "plagosën dhjetëra ushtarë të KFOR-it. KFOR-i atëherë dërgoi trupa shtesë në Leposaviq."
        ),
        SUN,
        "leposavic",
        "2023-05-01",
    ),
    (
        (
            "Dy policë u plagosën të dielën në mbrëmje në Zveçan, njoftoi policia të hënën. Policët i "
            "sulmoi një grup burrash afër Banjskës."
        ),
        MON,
        "banjska",
        "2023-09-24",
    ),
    (
        (
            "ZVEÇAN, 9 mars 2024 – Dy burra u arrestuan sot në Zveçan. Policia tha se ata kishin "
            "sulmuar të enjten një gazetar në Leposaviq."
        ),
        None,
        "leposavic",
        "2024-03-07",
    ),
    (
        (
            "E martë, 30 maj 2023\n\nSituata në Zveçan është e qetë këtë mëngjes pas përleshjeve të "
            "djeshme mes protestuesve dhe KFOR-it."
        ),
        None,
        "zvecan",
        "2023-05-29",
    ),
    (
        ("Publikuar: 30.05.2023 10:15\n\nNë përleshjet me protestuesit në Zveçan dje u plagosën ushtarë të KFOR-it."),
        None,
        "zvecan",
        "2023-05-29",
    ),
    ("30 maj 2023 | 10:15\n\nPolicia arrestoi sonte dy burra në Leposaviq.", None, "leposavic", "2023-05-30"),
    (
        ("Një veturë u dogj në Zveçan të premten. Një javë më parë u dogj një veturë në Mitrovicë të Veriut."),
        SUN,
        MITROVICA,
        "2024-03-01",
    ),
    (
        (
            "Protestuesit bllokuan rrugën në Zupç të shtunën. Të dielën bllokada u hoq dhe policia "
            "arrestoi dy burra në Zveçan."
        ),
        SUN,
        "zvecan",
        "2024-03-10",
    ),
    (
        "Policia arrestoi në Zveçan një burrë të dyshuar për sulmin në Banjskë më 24 shtator 2023.",
        SUN,
        "zvecan",
        "2024-03-10",
    ),
    (
        ("Një burrë i akuzuar për pjesëmarrje në përleshjet e 29 majit 2023 u arrestua të shtunën në Leposaviq."),
        SUN,
        "leposavic",
        "2024-03-09",
    ),
    ("Në Zveçan u arrestua një burrë për shkak të sulmit ndaj KFOR-it më 29 maj 2023.", SUN, "zvecan", "2024-03-10"),
    (
        "Dy burra u arrestuan dje në pikën kufitare të Jarinjës për sulmin e 24 shtatorit 2023.",
        SUN,
        "jarinje",
        "2024-03-09",
    ),
    (
        ("Policia arrestoi një burrë në Leposaviq, i cili dyshohet se mori pjesë në sulmin e 24 shtatorit 2023."),
        SUN,
        "leposavic",
        "2024-03-10",
    ),
    ("Serbët do të protestojnë të premten në Zveçan, njoftoi Lista Serbe.", TUE, "zvecan", None),  # planned
    ("Një protestë është paralajmëruar për të premten në Mitrovicë të Veriut.", TUE, MITROVICA, None),
    ("“Dje na sulmuan në Zupç”, tha kryetari të shtunën.", SUN, ZUPCE, "2024-03-08"),
    (
        ("KFOR-i tha se ushtarët e tij u sulmuan afër Bërnjakut vonë të shtunën, disa orë pas një proteste në Zveçan."),
        SUN,
        "brnjak",
        "2024-03-09",
    ),
    (
        (
            "LIVE: Tensione në veri\n\nE hënë, 29 maj 2023\n\n10:15 – Protestuesit u mblodhën para "
            "ndërtesës së komunës në Zveçan.\n\nE martë, 30 maj 2023\n\n09:00 – Policia arrestoi dy burra "
            "në Leposaviq."
        ),
        TUE,
        "zvecan",
        "2023-05-29",
    ),
    (
        (
            "LIVE: Tensione në veri\n\nE hënë, 29 maj 2023\n\n10:15 – Protestuesit u mblodhën para "
            "ndërtesës së komunës në Zveçan.\n\nE martë, 30 maj 2023\n\n09:00 – Policia arrestoi dy burra "
            "në Leposaviq."
        ),
        TUE,
        "leposavic",
        "2023-05-30",
    ),
    ("Gjatë ditës së sotme policia arrestoi dy burra në Zveçan.", TUE, "zvecan", "2023-05-30"),
    ("Ditën e sotme u mbajt një protestë në Zveçan.", TUE, "zvecan", "2023-05-30"),
    (
        (
            "Hidhet granatë në stacionin policor në Leposaviq\n\nLEPOSAVIQ, 10 mars 2024 – Persona të "
            "panjohur hodhën një granatë dore në stacionin policor në Leposaviq të shtunën vonë në "
            "mbrëmje, njoftoi policia të dielën. Askush nuk u lëndua. “Ky ishte një tentim për të "
            "frikësuar zyrtarët tanë”, tha komandanti rajonal. Ishte sulmi i dytë i këtij lloji këtë "
            "vit: në janar, një mjet shpërthyes u hodh ndaj një veture të policisë në Zubin Potok. Të "
            "dielën në mëngjes policia ndaloi edhe dy burra në pikën kufitare të Jarinjës."
        ),
        None,
        "leposavic",
        "2024-03-09",
    ),
    (
        (
            "Hidhet granatë në stacionin policor në Leposaviq\n\nLEPOSAVIQ, 10 mars 2024 – Persona të "
            "panjohur hodhën një granatë dore në stacionin policor në Leposaviq të shtunën vonë në "
            "mbrëmje, njoftoi policia të dielën. Askush nuk u lëndua. “Ky ishte një tentim për të "
            "frikësuar zyrtarët tanë”, tha komandanti rajonal. Ishte sulmi i dytë i këtij lloji këtë "
            "vit: në janar, një mjet shpërthyes u hodh ndaj një veture të policisë në Zubin Potok. Të "
            "dielën në mëngjes policia ndaloi edhe dy burra në pikën kufitare të Jarinjës."
        ),
        None,
        "jarinje",
        "2024-03-10",
    ),
    (
        (
            "Protestë në Mitrovicë të Veriut kundër mbylljes së institucioneve serbe\n\nDisa qindra "
            "njerëz u mblodhën të premten në Mitrovicë të Veriut për të protestuar kundër mbylljes së "
            "institucioneve serbe. Mbyllja filloi të enjten, kur policia hyri në zyrat e postës serbe "
            "në Zveçan dhe Leposaviq. Protestuesit mbanin flamuj serbë dhe parulla. Organizatorët "
            "paralajmëruan një protestë të re për të hënën."
        ),
        SUN,
        MITROVICA,
        "2024-03-08",
    ),
    ("Dje u arrestua nje burre ne Zvecan.", TUE, "zvecan", "2023-05-29"),
    ("Mbreme u hodh nje mjet shperthyes ndaj stacionit policor ne Zvecan.", TUE, "zvecan", "2023-05-29"),
    ("Te dielen serbet bllokuan rrugen ne Rudar.", TUE, RUDARE, "2023-05-28"),
    ("Te enjten ne mbremje u dogj vetura e nje polici ne Zubin Potok.", SUN, "zubin-potok", "2024-03-07"),
    ("Javen e kaluar, te enjten, u sulmua nje gazetar ne Zvecan.", SUN, "zvecan", "2024-02-29"),
    ("Pardje dy persona u plagosen ne nje perleshje ne Mitrovice te Veriut.", TUE, MITROVICA, "2023-05-28"),
    ("Me 28 maj u arrestua nje burre ne Zvecan.", TUE, "zvecan", "2023-05-28"),
    ("Naten mes se shtunes dhe se dieles u dogjen dy vetura ne Leposaviq.", SUN, "leposavic", "2024-03-10"),
    ("Para dy diteve u arrestua nje burre ne Zvecan.", TUE, "zvecan", "2023-05-28"),
    ("Para dy ditesh u arrestua nje burre ne Zvecan.", TUE, "zvecan", "2023-05-28"),
    ("Te shtunen ne mengjes u qellua ndaj nje shtepie ne Zupc.", SUN, ZUPCE, "2024-03-09"),
    ("Ditën e sotme policia arrestoi dy burra në Zveçan.", TUE, "zvecan", "2023-05-30"),
    ("Naten e kaluar u dogj nje veture ne Zvecan.", TUE, "zvecan", "2023-05-29"),
    ("Policia arrestoi nje burre ne Zvecan me 28 maj te vitit te kaluar.", SUN, "zvecan", "2023-05-28"),
    (
        "Policia e Kosovës tha të hënën se dy policë u plagosën në Zveçan natën e së dielës.",
        MON,
        "zvecan",
        "2023-09-24",
    ),
    ("Përleshjet e së hënës në Zveçan lanë 30 ushtarë të KFOR-it të plagosur.", TUE, "zvecan", "2023-05-29"),
    ("Më 24 shtator sulmuesit sulmuan policinë në Banjskë.", date(2024, 1, 5), "banjska", "2023-09-24"),
    ("Shpërthimi ndodhi pak para mesnatës të shtunën në Zubin Potok.", SUN, "zubin-potok", "2024-03-09"),
    (
        "Dy ditë pas përleshjeve, të mërkurën, protestuesit u mblodhën sërish në Zveçan.",
        date(2023, 6, 1),
        "zvecan",
        "2023-05-31",
    ),
    (
        "Më 8 mars u dogj një veturë në Leposaviq, ndërsa më 9 mars u hodh një granatë në Zveçan.",
        SUN,
        "zvecan",
        "2024-03-09",
    ),
    (
        "Më 8 mars u dogj një veturë në Leposaviq, ndërsa më 9 mars u hodh një granatë në Zveçan.",
        SUN,
        "leposavic",
        "2024-03-08",
    ),
    ("Protestuesit, të cilët thanë se do të vazhdojnë, u mblodhën të premten në Zveçan.", SUN, "zvecan", "2024-03-08"),
    (
        ("Kryetari i Zveçanit mori detyrën në maj të vitit 2023. Që nga atëherë serbët protestojnë në Leposaviq."),
        SUN,
        "leposavic",
        "2024-03-10",
    ),
    ("Në orët e para të së hënës, më 29 maj, u dogj një veturë në Zveçan.", TUE, "zvecan", "2023-05-29"),
    ("Një veturë u dogj në Zveçan më 28 maj 2023 rreth orës 2:30.", TUE, "zvecan", "2023-05-28"),
    ("Muajin e kaluar, më 12 prill, u dogj një veturë në Leposaviq.", TUE, "leposavic", "2023-04-12"),
    ("Protesta në Zveçan vazhdoi për të pestën ditë radhazi të dielën.", SUN, "zvecan", "2024-03-06"),
    ("Në fillim të javës, të hënën, policia arrestoi një burrë në Zveçan.", TUE, "zvecan", "2023-05-29"),
]


@pytest.mark.parametrize("probe", EN, ids=lambda p: p[0][:50])
def test_english_dates(probe: Probe, gazetteer: Gazetteer) -> None:
    _check("en", probe, gazetteer)


@pytest.mark.parametrize("probe", SR, ids=lambda p: p[0][:50])
def test_serbian_dates(probe: Probe, gazetteer: Gazetteer) -> None:
    _check("sr", probe, gazetteer)


@pytest.mark.parametrize("probe", SQ, ids=lambda p: p[0][:50])
def test_albanian_dates(probe: Probe, gazetteer: Gazetteer) -> None:
    _check("sq", probe, gazetteer)


# The date an article gives itself, on a line of its own under the headline: (language, line); each reads 29 May 2023.
OWN_DATES: list[Any] = [
    ("en", "Mon, 29 May 2023 19:20:00"),
    ("en", "Posted on May 29, 2023 by Admin"),
    ("en", "2023-05-29T19:20:00+02:00"),
    ("en", "29 MAY 2023"),
    ("en", "Monday 29th May 2023"),
    ("en", "By Ana Petrović · May 29, 2023"),
    ("sr", "Понедељак, 29. мај 2023. године"),
    ("sr", "Objavljeno: 29. 05. 2023. 19:20"),
    ("sr", "KoSSev | 29. maj 2023 | 19:20"),
    ("sr", "29.05.2023. u 19:20"),
    ("sr", "пон, 29.05.2023. 19:20"),
    ("sr", "29. V 2023."),
    ("sq", "E hënë, 29 maj 2023 19:20"),
    ("sq", "Përditësuar më 29/05/2023 në 19:20"),
    ("sq", "29-05-2023 19:20"),
    ("sq", "Nga: Redaksia | 29.05.2023"),
    ("sq", "E hene, 29 Maj, 2023"),
    ("en", "May 29, 2023 7:20 PM GMT+2 Updated 2 hours ago"),
    ("en", "29 May 2023, 19:20 GMT By Ana Petrovic"),
    ("en", "Pristina, BIRN | May 29, 2023"),
    ("en", "29 May 2023 - 19:20 | By Milica Andric"),
    ("en", "Last Updated: 29 May 2023, 19:20 CEST"),
    ("en", "Monday, May 29, 2023 - 19:20"),
    ("en", "29/05/2023 - 19:20 | KoSSev"),
    ("en", "Published 29 May 2023"),
    ("en", "May 29, 2023 | Kosovo Online"),
    ("en", "19:20, 29.05.2023."),
    ("en", "Mon 29 May 2023 19.20 BST"),
    ("en", "29th May 2023"),
    ("en", "By Radio KIM | 29.05.2023 | 19:20"),
    ("en", "Written by: Redakcija, 29 May 2023"),
    ("sr", "Objavljeno: 29.05.2023. u 19:20"),
    ("sr", "29.05.2023 | 19:20 | KoSSev"),
    ("sr", "Datum: 29.05.2023"),
    ("sr", "29. maj 2023. 19:20"),
    ("sr", "Ponedeljak, 29.05.2023. u 19:20 časova"),
    ("sr", "Autor: KoSSev, 29. maj 2023."),
    ("sr", "Izvor: Kosovo online | 29.05.2023. 19:20"),
    ("sr", "Објављено: 29.05.2023. у 19:20"),
    ("sr", "Понедељак, 29. мај 2023, 19:20"),
    ("sr", "29.5.2023. | 19:20"),
    ("sr", "29. 5. 2023. u 19.20"),
    ("sr", "Kosovo online, 29.05.2023."),
    ("sq", "Publikuar më: 29.05.2023 19:20"),
    ("sq", "29 Maj 2023 - 19:20"),
    ("sq", "E hënë, 29.05.2023, 19:20"),
    ("sq", "Nga Koha | 29 maj 2023"),
    ("sq", "29.05.2023 - 19:20 | KosovaPress"),
    ("sq", "Data: 29/05/2023"),
    ("sq", "Përditësimi i fundit: 29.05.2023 19:20"),
    ("sq", "29 maj 2023, ora 19:20"),
    ("sq", "Publikuar: E hënë, 29 maj 2023 19:20"),
    ("sq", "Më 29 maj 2023, ora 19:20"),
    ("sq", "Shkruar nga Redaksia më 29.05.2023"),
]
_BODY = {
    "en": "Police arrested two men in Zvecan on Monday.",
    "sr": "Policija je u ponedeljak uhapsila dvojicu muškaraca u Zvečanu.",
    "sq": "Policia arrestoi të hënën dy burra në Zveçan.",
}


@pytest.mark.parametrize(("language", "line"), OWN_DATES)
def test_an_own_date_line(language: str, line: str, gazetteer: Gazetteer) -> None:
    result = extract(f"Headline\n\n{line}\n\n{_BODY[language]}", None, gazetteer, language)
    assert result.published == date(2023, 5, 29)
