"""News extraction: the seed report, spellings, dates, exclusions, merging, counts, rows, and accuracy floors."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from geo.dataset import DATA_DIR
from geo.extract import MAX_CHARS, Candidate, Count, Extraction, extract, to_rows
from geo.gazetteer import Gazetteer
from geo.incidents import Context, parse_rows

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "000_b773cdf23eb459f8.txt"  # the DW report, kept outside the repo
PUBLISHED = date(2023, 5, 30)  # a Tuesday
DW = {"publisher": "DW", "title": "Kosovo: NATO to send in 700 more KFOR troops after clashes", "date": "2023-05-30"}


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.from_csv(DATA_DIR / "places.csv")


@pytest.fixture(scope="module")
def seed(gazetteer: Gazetteer) -> Extraction:
    if not SEED.exists():
        pytest.skip(f"seed report not present at {SEED}")
    return extract(SEED.read_text(encoding="utf-8"), PUBLISHED, gazetteer)


@pytest.fixture(scope="module")
def evaluation() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_extract", ROOT / "benchmarks" / "eval_extract.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def _one(result: Extraction, kind: str, place_id: str) -> Candidate:
    found = [c for c in result.candidates if c.kind == kind and c.place_id == place_id]
    assert len(found) == 1, [c.as_dict() for c in result.candidates]
    return found[0]


def _places(text: str, gazetteer: Gazetteer, published: date = PUBLISHED) -> set[str]:
    return {c.place_id for c in extract(text, published, gazetteer).candidates}


# --- the seed report -------------------------------------------------------------

SEED_EXPECTED = [
    # (kind, place id, date, type, date basis)
    ("incident", "zvecan", "2023-05-29", "Riots", "relative"),
    ("deployment", "kosovo", "2023-05-30", "reinforcement", "relative"),
    ("deployment", "zvecan", "2023-05-30", "guard_post", None),
    ("deployment", "leposavic", "2023-05-30", "guard_post", None),
    ("deployment", "zubin-potok", "2023-05-30", "guard_post", None),
]


@pytest.mark.parametrize(("kind", "place_id", "day", "kind_of_event", "basis"), SEED_EXPECTED)
def test_seed_report_yields_each_expected_candidate(
    seed: Extraction, kind: str, place_id: str, day: str, kind_of_event: str, basis: str | None
) -> None:
    candidate = _one(seed, kind, place_id)
    assert (candidate.date.isoformat(), candidate.type) == (day, kind_of_event)
    if basis:
        assert candidate.date_basis == basis


def test_seed_report_yields_nothing_else(seed: Extraction) -> None:
    assert len(seed.candidates) == len(SEED_EXPECTED)


def test_seed_clash_counts_both_sides(seed: Extraction) -> None:
    clash = _one(seed, "incident", "zvecan")
    assert set(clash.counts) >= {Count("injured", "KFOR", 30, False), Count("injured", "protesters", 52, True)}
    assert "KFOR" in clash.actors and clash.sub_event_type == "Violent demonstration"


def test_seed_reinforcement_is_700_strong(seed: Extraction) -> None:
    reinforcement = _one(seed, "deployment", "kosovo")
    assert Count("troops", "", 700, False) in reinforcement.counts
    assert reinforcement.actors[0] == "NATO"


def test_seed_never_maps_naples_but_names_it(seed: Extraction) -> None:
    assert all(c.place_id != "naples" for c in seed.candidates)
    assert {"naples", "moscow", "belgrade"} <= {m.place_id for m in seed.out_of_area}


def test_seed_evidence_points_into_the_text(seed: Extraction) -> None:
    text = SEED.read_text(encoding="utf-8")
    for candidate in seed.candidates:
        for evidence in (candidate.evidence, *candidate.support):
            assert text[evidence.start : evidence.end] == evidence.text


def test_as_dict_is_json_ready(seed: Extraction) -> None:
    import json

    record = json.loads(json.dumps(seed.candidates[0].as_dict()))
    assert {"kind", "date", "date_basis", "place_id", "place", "lat", "lon", "type", "counts", "evidence"} <= set(
        record
    )


# --- spellings in running text ---------------------------------------------------

SPELLINGS = [
    ("Protesters gathered in Zvečan on Monday.", "zvecan"),  # Serbian Latin
    ("Protesters gathered in Zvecan on Monday.", "zvecan"),  # no diacritics
    ("Protesters gathered in Zveçan on Monday.", "zvecan"),  # Albanian
    ("Protesters gathered in Звечан on Monday.", "zvecan"),  # Cyrillic
    ("Protesters gathered in Zveçani on Monday.", "zvecan"),  # Albanian definite
    ("A protest was held outside the town hall of Zveçanit on Monday.", "zvecan"),  # genitive
    ("Police arrested two men in Leposaviqit on Monday.", "leposavic"),
    ("Police arrested two men in Лепосавић on Monday.", "leposavic"),
    # wrapper + genitive: the municipality, whose event is put at the town it is named after
    ("A protest was held in front of the Komuna e Zveçanit on Monday.", "zvecan"),
    ("Clashes broke out in North Mitrovica on Monday.", "mitrovica-north"),
    ("Clashes broke out in Mitrovicë e Veriut on Monday.", "mitrovica-north"),
    ("A rally took place in Zubin Potoku on Monday.", "zubin-potok"),
    ("Protesters gathered at the Jarinje crossing on Monday.", "jarinje"),
]


@pytest.mark.parametrize(("text", "place_id"), SPELLINGS)
def test_every_spelling_in_running_text(gazetteer: Gazetteer, text: str, place_id: str) -> None:
    assert _places(text, gazetteer) == {place_id}


@pytest.mark.parametrize(
    "text",
    [
        "The Kosovo Police Force said nothing happened.",  # not Kosovo Polje by a fuzzy match
        "A Kosovar journalist wrote about the elections.",
        "Vesna Jankovic and Luka Petrovic wrote a book.",  # surnames that are also aliases of villages
        "Kosovo Serbs and the Kosovo government disagreed.",
    ],
)
def test_ordinary_words_are_not_sites(gazetteer: Gazetteer, text: str) -> None:
    sites = {m.place_id for m in extract(text, PUBLISHED, gazetteer).mentions if m.role == "site"}
    assert sites == set()


# --- dates -----------------------------------------------------------------------

DATES = [
    # (phrase, expected date, basis, precision); published Tuesday 30 May 2023
    ("on 30 May 2023", "2023-05-30", "explicit", "day"),
    ("on May 29, 2023", "2023-05-29", "explicit", "day"),
    ("on 28.05.2023", "2023-05-28", "explicit", "day"),
    ("on 2023-05-27", "2023-05-27", "explicit", "day"),
    ("on 26 May", "2023-05-26", "explicit", "day"),  # the year of publication
    ("on 3 December", "2022-12-03", "explicit", "day"),  # not in the future: last year
    ("in April 2021", "2021-04-01", "explicit", "month"),
    ("on Monday", "2023-05-29", "relative", "day"),
    ("on Tuesday", "2023-05-30", "relative", "day"),  # the publication day itself
    ("on Wednesday", "2023-05-24", "relative", "day"),
    ("last Tuesday", "2023-05-23", "relative", "day"),
    ("next Monday", "2023-06-05", "relative", "day"),
    ("yesterday", "2023-05-29", "relative", "day"),
    ("two days ago", "2023-05-28", "relative", "day"),
    ("last month", "2023-04-01", "relative", "month"),
    ("in April", "2023-04-01", "relative", "month"),
    ("in June", "2022-06-01", "relative", "month"),  # the latest June not after publication
    ("", "2023-05-30", "publication", "day"),
]


@pytest.mark.parametrize(("phrase", "expected", "basis", "precision"), DATES)
def test_date_forms(gazetteer: Gazetteer, phrase: str, expected: str, basis: str, precision: str) -> None:
    # An incident after the report's day never happened, and one of an earlier month with no day is background;
    # a deployment can be announced for a day to come, or told by its month.
    if date.fromisoformat(expected) > PUBLISHED:
        sentence = f"KFOR troops will be deployed in Zvecan {phrase}."
    elif precision != "day":
        sentence = f"KFOR troops were deployed in Zvecan {phrase}."
    else:
        sentence = f"Protesters gathered in Zvecan {phrase}."
    (candidate,) = extract(sentence, PUBLISHED, gazetteer).candidates
    assert (candidate.date.isoformat(), candidate.date_basis, candidate.date_precision) == (
        expected,
        basis,
        precision,
    )


def test_may_the_verb_is_not_a_month(gazetteer: Gazetteer) -> None:
    (candidate,) = extract("Protesters gathered in Zvecan, and more May come.", PUBLISHED, gazetteer).candidates
    assert candidate.date_basis == "publication"


def test_a_relative_clause_keeps_its_date(gazetteer: Gazetteer) -> None:
    text = "KFOR troops are still guarding the town hall in Zvecan, where clashes injured dozens on 29 May."
    result = extract(text, date(2023, 6, 5), gazetteer)
    assert _one(result, "deployment", "zvecan").date == date(2023, 6, 5)
    assert _one(result, "incident", "zvecan").date == date(2023, 5, 29)


# --- places that must not be event sites -----------------------------------------

EXCLUDED = [
    # (text, place id, role it must get)
    ("Protesters marched in Belgrade on Monday.", "belgrade", "out_of_area"),
    ("Riots broke out in Naples on Monday.", "naples", "out_of_area"),
    ("Protesters gathered in Brussels on Monday.", "brussels", "out_of_area"),
    ("Clashes erupted in Moscow on Monday.", "moscow", "out_of_area"),
    ("Authorities in Pristina said protesters were arrested in Zvecan.", "pristina", "actor_seat"),
    ("Pristina claims that protesters were paid to riot in Zvecan.", "pristina", "actor_seat"),
    ("Officials in Pristina condemned the clashes in Zvecan.", "pristina", "actor_seat"),
    ("ZUBIN POTOK, May 29 (Reuters) - Protesters clashed with police in Zvecan.", "zubin-potok", "dateline"),
    ("Police arrested a man born in Leposavic during the riot in Zvecan.", "leposavic", "origin"),
    ("Kosovo police fired tear gas at protesters in Zvecan.", "kosovo", "modifier"),
]


@pytest.mark.parametrize(("text", "place_id", "role"), EXCLUDED)
def test_places_that_are_not_sites(gazetteer: Gazetteer, text: str, place_id: str, role: str) -> None:
    result = extract(text, PUBLISHED, gazetteer)
    assert place_id not in {c.place_id for c in result.candidates}
    assert role in {m.role for m in result.mentions if m.place_id == place_id}
    if role == "out_of_area":
        assert place_id in {m.place_id for m in result.out_of_area}
    else:
        assert place_id in {m.place_id for m in result.unmapped}


def test_the_real_site_survives_the_exclusions(gazetteer: Gazetteer) -> None:
    text = "Belgrade said the arrests in Zvecan on Monday were illegal, while Pristina claims they were lawful."
    assert _places(text, gazetteer) == {"zvecan"}


def test_headings_and_captions_make_no_candidates(gazetteer: Gazetteer) -> None:
    assert _places("Police clash with protesters in Zvecan\nPhoto: KFOR soldiers guard Leposavic", gazetteer) == set()


# --- one candidate per distinct event --------------------------------------------

EVENTS = [
    # (text, expected (kind, place, date) set)
    (
        "Clashes in Zvecan injured 30 KFOR soldiers on Monday. Police fired tear gas in Zvecan. "
        "The clashes in Zvecan were the worst in years.",
        {("incident", "zvecan", "2023-05-29")},
    ),
    (
        "Protesters gathered in Zvecan on Monday. Protesters gathered in Zvecan again on Tuesday.",
        {("incident", "zvecan", "2023-05-29"), ("incident", "zvecan", "2023-05-30")},
    ),
    (
        "Protesters gathered in Zvecan and Leposavic on Monday.",
        {("incident", "zvecan", "2023-05-29"), ("incident", "leposavic", "2023-05-29")},
    ),
    (  # a coarse mention of the same event merges into the precise one
        "Violence in northern Kosovo injured dozens on Monday. The riot in Zvecan lasted hours.",
        {("incident", "zvecan", "2023-05-29")},
    ),
    (  # an incident and a deployment at one place stay apart
        "Protesters clashed with police in Zvecan on Monday. KFOR troops guarded the town hall in Zvecan on Tuesday.",
        {("incident", "zvecan", "2023-05-29"), ("deployment", "zvecan", "2023-05-30")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), EVENTS)
def test_one_candidate_per_distinct_event(gazetteer: Gazetteer, text: str, expected: set[tuple[str, str, str]]) -> None:
    found = [(c.kind, c.place_id, c.date.isoformat()) for c in extract(text, PUBLISHED, gazetteer).candidates]
    assert sorted(found) == sorted(expected)


# --- counts ----------------------------------------------------------------------

COUNTS = [
    ("Clashes in Zvecan on Monday injured 30 KFOR soldiers.", Count("injured", "KFOR", 30)),
    ("Clashes in Zvecan on Monday left more than 52 protesters injured.", Count("injured", "protesters", 52, True)),
    ("Police in Zvecan arrested at least five suspects on Monday.", Count("arrested", "", 5, True)),
    ("Two police officers were killed in a shootout in Zvecan.", Count("killed", "police", 2)),
    ("NATO deployed seven hundred troops to Kosovo on Monday.", Count("troops", "", 700)),
    ("A 500-strong Turkish contingent was deployed to Kosovo.", Count("troops", "", 500)),
    ("Riots in Zvecan injured twenty-five protesters on Monday.", Count("injured", "protesters", 25)),
]


@pytest.mark.parametrize(("text", "count"), COUNTS)
def test_counts_with_what_they_count(gazetteer: Gazetteer, text: str, count: Count) -> None:
    (candidate,) = extract(text, PUBLISHED, gazetteer).candidates
    assert count in candidate.counts


def test_percentages_and_years_are_not_counts(gazetteer: Gazetteer) -> None:
    text = "Riots in Zvecan on Monday followed a 2013 deal and a turnout of 3.5 percent of people."
    (candidate,) = extract(text, PUBLISHED, gazetteer).candidates
    assert candidate.counts == ()


# --- rows for the store ----------------------------------------------------------


def test_seed_rows_pass_the_loaders_checks(seed: Extraction, context: Context) -> None:
    incidents, deployments = to_rows(seed.candidates, DW)
    assert len(incidents) == 1 and len(deployments) == 4
    for rows, layer in ((incidents, "incident"), (deployments, "deployment")):
        frame, problems = parse_rows(rows, "seed", layer, context)  # type: ignore[arg-type]
        assert problems == [] and len(frame) == len(rows)
    assert incidents[0]["counts_detail"] == "injured:KFOR=30;injured:protesters=52+"
    assert incidents[0]["injured"] == "82+" and incidents[0]["lat"] == ""
    assert {r["source_publisher"] for r in incidents + deployments} == {"DW"}
    assert next(r for r in deployments if r["kind"] == "reinforcement")["strength"] == "700"


def test_row_ids_are_stable_and_distinct(seed: Extraction) -> None:
    first, second = to_rows(seed.candidates, DW), to_rows(seed.candidates, DW)
    assert first == second
    ids = [r["id"] for rows in first for r in rows]
    assert len(set(ids)) == len(ids)


# --- accuracy floors and speed ---------------------------------------------------


def test_evaluation_set_floors(gazetteer: Gazetteer, evaluation: ModuleType) -> None:
    """Floors from benchmarks/eval_extract.py; a change may raise them, never lower them."""
    scores = evaluation.evaluate(gazetteer)
    assert scores.articles >= 6
    assert scores.place_recall >= 0.95
    assert scores.place_precision >= 0.95
    assert scores.date_accuracy >= 0.9
    assert scores.out_of_area_recall == 1.0
    assert scores.wrongly_mapped == ()


def test_evaluation_seed_result(gazetteer: Gazetteer, evaluation: ModuleType) -> None:
    if not SEED.exists():
        pytest.skip("seed report not present")
    result = evaluation.seed_result(gazetteer)
    assert result["missing"] == [] and not result["naples_mapped"]


LIMIT_TEXTS = {
    "the evaluation articles repeated": lambda evaluation: evaluation.text_of_size(MAX_CHARS),
    "one line without a full stop": lambda _: ("Protesters clashed with police in Zvecan on Monday and " * 4000)[
        :MAX_CHARS
    ],
    "nothing but place names": lambda _: ("Zvečan Leposavić Jarinje " * 9000)[:MAX_CHARS],
    "Cyrillic sentences": lambda _: ("Демонстранти су се сукобили са полицијом у Звечану јуче. " * 4000)[:MAX_CHARS],
    "abbreviations": lambda _: ("Mr. " * 60_000)[:MAX_CHARS],
}


@pytest.mark.parametrize("shape", LIMIT_TEXTS)
def test_a_text_at_the_limit_is_read_to_the_end(gazetteer: Gazetteer, evaluation: ModuleType, shape: str) -> None:
    """Extraction is linear in the text (benchmarks/eval_extract.py prints the cost per character at growing
    sizes); here a text of the full 200,000 characters, in shapes that made the old code quadratic, completes."""
    text = LIMIT_TEXTS[shape](evaluation)
    assert len(text) == MAX_CHARS
    result = extract(text, PUBLISHED, gazetteer)
    for candidate in result.candidates:
        assert text[candidate.evidence.start : candidate.evidence.end] == candidate.evidence.text
    if shape != "abbreviations":
        assert result.mentions and result.mentions[-1].end > MAX_CHARS - 200  # read to the end
