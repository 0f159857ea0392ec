"""News extraction: accuracy per language on the corpus's dev, test and test2 parts, the old articles, the seed; speed.

    python benchmarks/eval_extract.py [--split dev|test|test2|all] [--corpus DIR] [--places FILE] [--runs 3] [--verbose]

Accuracy. `eval_corpus/<lang>/` holds articles written for this project (English, Serbian in Latin and
Cyrillic, Albanian), each with a JSON of what a careful reader maps; `eval_corpus/README.md` and
`eval_corpus/FORMAT.md` say how. The split was fixed by the corpus authors when they wrote each
article: rules are tuned on `dev` (articles 01-24 not divisible by 3, 25-36 and 45-56); `test` (03, 06, …, 24)
and `test2` (37-44, written later by another author) are held out, and their figures are the ones
that count. With no `--split`, all three parts are scored, each in its own table.
Per article:
- place recall: gold event places (the events' place ids) that some candidate names;
- place precision: candidates' places that are gold, over those that are gold or wrong. Wrong means
  named nowhere as an event place (`not_mapped` ones above all); neutral, and left out, are the
  article's `background` places, the country and the region, and places listed nowhere that lie in
  the municipality of a gold place (a town named to locate a village: imprecise, not false);
- date accuracy: gold events for which a candidate of that kind at that place carries that date;
- count recall: gold figures that the candidate of that event reports (any of `value`, `alt_values`).
An article with `date_in_text` is read with no date given: the extractor must find its own. Others
are read with their `published` date, as a user would give it. Figures are micro-averaged.
`eval_articles/` (8 short English articles) and the seed report (SEED_EXPECTED) are the older checks.

Speed. A long text made of the articles, extracted after start-up, against a naive place finder
that geocodes every 1-4 word n-gram; and the time per 1,000 characters at growing sizes up to the
200,000-character limit, which stays flat when the work is linear. Machines here are shared and
noisy: read the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo import extract as extraction  # noqa: E402
from geo.dataset import DATA_DIR  # noqa: E402
from geo.extract import mentions  # noqa: E402
from geo.gazetteer import Gazetteer, Place  # noqa: E402

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "eval_articles"
CORPUS = HERE / "eval_corpus"
LANGUAGES = ("en", "sr", "sq")
SPLITS = ("dev", "test", "test2")  # the corpus's parts: tuned on, held out, held out and written later
SEED = ROOT.parent / "shared" / "seeds" / "000_b773cdf23eb459f8.txt"  # the DW report, kept outside the repo
SEED_PUBLISHED = date(2023, 5, 30)
# What the seed report must yield: (kind, place id, date, type). The guard posts are dated by the report itself.
SEED_EXPECTED = (
    ("incident", "zvecan", "2023-05-29", "Riots"),
    ("deployment", "kosovo", "2023-05-30", "reinforcement"),
    ("deployment", "zvecan", "2023-05-30", "guard_post"),
    ("deployment", "leposavic", "2023-05-30", "guard_post"),
    ("deployment", "zubin-potok", "2023-05-30", "guard_post"),
)
_NEUTRAL_ALWAYS = frozenset({"kosovo", "north-kosovo"})


@dataclass(frozen=True)
class Scores:
    """Accuracy over a set of articles."""

    articles: int
    place_recall: float
    place_precision: float
    date_accuracy: float
    count_recall: float
    out_of_area_recall: float
    wrongly_mapped: tuple[str, ...]
    missed: tuple[str, ...] = ()
    wrong_dates: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()


@dataclass
class _Tally:
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong_dates: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    articles: int = 0

    def scores(self) -> Scores:
        c = self.counts
        return Scores(
            articles=self.articles,
            place_recall=_ratio(c["true"], c["expected"]),
            place_precision=_ratio(c["true"], c["true"] + c["false"]),
            date_accuracy=_ratio(c["dates_right"], c["events"]),
            count_recall=_ratio(c["counts_right"], c["counts"]),
            out_of_area_recall=_ratio(c["outside_right"], c["outside"]),
            wrongly_mapped=tuple(self.wrong),
            missed=tuple(self.missed),
            wrong_dates=tuple(self.wrong_dates),
            errors=tuple(self.errors),
        )


def _ratio(hit: int, total: int) -> float:
    return round(hit / total, 3) if total else 1.0


def _neutral(gazetteer: Gazetteer, truth: dict[str, Any], gold: set[str], place_id: str) -> bool:
    if place_id in _NEUTRAL_ALWAYS or place_id in truth.get("background", []):
        return True
    if place_id in truth.get("not_mapped", []):
        return False
    place = gazetteer.get(place_id)
    municipalities = {p.municipality for p in map(gazetteer.get, gold) if p is not None}
    return place is not None and (place.municipality in municipalities or place.id in municipalities)


def _count_right(candidate: extraction.Candidate | None, expected: dict[str, Any]) -> bool:
    if candidate is None:
        return False
    values = {expected["value"], *expected.get("alt_values", [])}
    return any(c.kind == expected["kind"] and c.value in values for c in candidate.counts)


def _canonical(gazetteer: Gazetteer, place_id: str) -> str:
    """The gazetteer's id for an annotated id (a `gn-` id that a curated place took resolves to that place)."""
    place = gazetteer.get(place_id)
    return place.id if place is not None else place_id


def _canonical_truth(gazetteer: Gazetteer, truth: dict[str, Any]) -> dict[str, Any]:
    events = [{**e, "place_id": _canonical(gazetteer, e["place_id"])} for e in truth["events"]]
    lists = {
        k: [_canonical(gazetteer, p) for p in truth.get(k, [])] for k in ("out_of_area", "not_mapped", "background")
    }
    return {**truth, "events": events, **lists}


def _score_article(gazetteer: Gazetteer, name: str, result: extraction.Extraction, truth: dict, tally: _Tally) -> None:
    truth = _canonical_truth(gazetteer, truth)
    found = {c.place_id for c in result.candidates}
    gold = {e["place_id"] for e in truth["events"]}
    false = {p for p in found - gold if not _neutral(gazetteer, truth, gold, p)}
    by_event = {(c.kind, c.place_id, c.date.isoformat()): c for c in result.candidates}
    tally.counts["true"] += len(found & gold)
    tally.counts["false"] += len(false)
    tally.counts["expected"] += len(gold)
    tally.wrong += [f"{name}:{p}" for p in sorted(false)]
    tally.missed += [f"{name}:{p}" for p in sorted(gold - found)]
    for event in truth["events"]:
        key = (event["kind"], event["place_id"], event["date"])
        tally.counts["events"] += 1
        tally.counts["dates_right"] += key in by_event
        if key not in by_event and event["place_id"] in found:
            got = sorted(c.date.isoformat() for c in result.candidates if c.place_id == event["place_id"])
            tally.wrong_dates.append(f"{name}:{event['kind']}@{event['place_id']} {event['date']} got {got}")
        for count in event.get("counts", []):
            tally.counts["counts"] += 1
            tally.counts["counts_right"] += _count_right(by_event.get(key), count)
    outside = {m.place_id for m in result.out_of_area}
    tally.counts["outside_right"] += len(outside & set(truth.get("out_of_area", [])))
    tally.counts["outside"] += len(set(truth.get("out_of_area", [])) & set(gazetteer.by_id))


def _given_date(truth: dict[str, Any]) -> date | None:
    """The date a user would type: none when the article carries its own (FORMAT.md's `date_in_text`)."""
    return None if truth.get("date_in_text") else date.fromisoformat(truth["published"])


def _run(gazetteer: Gazetteer, name: str, text: str, truth: dict, tally: _Tally) -> None:
    tally.articles += 1
    try:
        result = extraction.extract(text, _given_date(truth), gazetteer)
    except extraction.ExtractionError as error:
        tally.errors.append(f"{name}: {error}")
        result = extraction.Extraction([], [])
    _score_article(gazetteer, name, result, truth, tally)


def corpus_articles(corpus: Path, language: str, split: str) -> Iterator[tuple[str, Path, dict[str, Any]]]:
    """(name, text path, annotation) of one language's articles in the split; a text is never opened here."""
    for path in sorted((corpus / language).glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        if split == "all" or truth.get("split") == split:
            yield f"{language}/{path.stem}", path.with_suffix(".txt"), truth


def evaluate_corpus(gazetteer: Gazetteer, corpus: Path = CORPUS, split: str = "test") -> dict[str, Scores]:
    """Scores per language on one split of the corpus."""
    result = {}
    for language in LANGUAGES:
        tally = _Tally()
        for name, path, truth in corpus_articles(corpus, language, split):
            _run(gazetteer, name, path.read_text(encoding="utf-8"), truth, tally)
        result[language] = tally.scores()
    return result


def evaluate(gazetteer: Gazetteer, articles: Path = ARTICLES) -> Scores:
    """Scores on the 8 older English articles (each read with its publication date given)."""
    tally = _Tally()
    for path in sorted(articles.glob("*.txt")):
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        _run(gazetteer, path.stem, path.read_text(encoding="utf-8"), truth, tally)
    return tally.scores()


def seed_result(gazetteer: Gazetteer, path: Path = SEED, published: date | None = SEED_PUBLISHED) -> dict[str, Any]:
    """The seed report's candidates, which expected ones were found, and whether Naples was mapped."""
    result = extraction.extract(path.read_text(encoding="utf-8"), published, gazetteer)
    got = {(c.kind, c.place_id, c.date.isoformat(), c.type) for c in result.candidates}
    return {
        "found": [list(e) for e in SEED_EXPECTED if e in got],
        "missing": [list(e) for e in SEED_EXPECTED if e not in got],
        "extra": sorted(str(e) for e in got - set(SEED_EXPECTED)),
        "naples_mapped": any(c.place_id == "naples" for c in result.candidates),
        "out_of_area": [m.place_id for m in result.out_of_area],
        "published": result.published.isoformat() if result.published else None,
        "candidates": [c.as_dict() for c in result.candidates],
    }


# --- speed -------------------------------------------------------------------------


def long_article(words: int = 1000, articles: Path = ARTICLES) -> str:
    """The evaluation articles concatenated, repeated until the text has at least `words` words."""
    parts = [p.read_text(encoding="utf-8") for p in sorted(articles.glob("*.txt"))]
    text = "\n\n".join(parts)
    while len(text.split()) < words:
        text += "\n\n" + "\n\n".join(parts)
    return text


def text_of_size(chars: int, articles: Path = ARTICLES) -> str:
    """The articles repeated and cut to exactly `chars` characters."""
    text = long_article(1000, articles)
    while len(text) < chars:
        text += "\n\n" + text
    return text[:chars]


def _naive_match_at(
    text: str, tokens: list[re.Match[str]], i: int, index: Any, rules: Any
) -> tuple[tuple[Place, ...], int] | None:
    """Baseline: geocode every n-gram from 4 words down to 1, no first-word index."""
    for n in range(min(4, len(tokens) - i), 0, -1):
        result = index.gazetteer.geocode(text[tokens[i].start() : tokens[i + n - 1].end()])
        if result is not None and result.matched_by != "fuzzy":
            return (result.place,), n
    return None


def seconds_per_article(gazetteer: Gazetteer, text: str, runs: int, naive: bool = False) -> float:
    """Median seconds for one extraction of `text` (after one warm-up run)."""
    published = date(2023, 6, 5)
    timings = []
    with mock.patch.object(mentions, "_match_at", _naive_match_at) if naive else contextlib.nullcontext():
        extraction.extract(text, published, gazetteer)
        for _ in range(runs):
            started = time.perf_counter()
            extraction.extract(text, published, gazetteer)
            timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def _print_scores(title: str, scores: dict[str, Scores], verbose: bool) -> None:
    print(f"\n{title}")
    print("| language | articles | place recall | place precision | date accuracy | count recall | out of area |")
    print("|---|---|---|---|---|---|---|")
    for language, s in scores.items():
        print(
            f"| {language} | {s.articles} | {s.place_recall:.2f} | {s.place_precision:.2f} | {s.date_accuracy:.2f} "
            f"| {s.count_recall:.2f} | {s.out_of_area_recall:.2f} |"
        )
    if verbose:
        for language, s in scores.items():
            for label in ("missed", "wrongly_mapped", "wrong_dates", "errors"):
                for item in getattr(s, label):
                    print(f"  {language} {label}: {item}")


def _speed(gazetteer: Gazetteer, runs: int) -> None:
    text = long_article()
    ours = seconds_per_article(gazetteer, text, runs)
    naive = seconds_per_article(gazetteer, text, runs, naive=True)
    words = len(text.split())
    print(f"\n{words}-word article: ours {ours:.4f} s, naive place finder {naive:.4f} s, {naive / ours:.1f}x")
    sizes = (20_000, 50_000, extraction.MAX_CHARS)
    per_k = []
    for size in sizes:
        seconds = seconds_per_article(gazetteer, text_of_size(size), 1)
        per_k.append(1000 * seconds / size)
        print(f"{size:,} characters: {seconds:.2f} s ({per_k[-1] * 1000:.2f} ms per 1,000 characters)")
    print(f"cost per character, {sizes[-1]:,} vs {sizes[0]:,}: {per_k[-1] / per_k[0]:.2f}x (1.0 = linear)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--split", choices=(*SPLITS, "all"), default=None, help="one corpus part to score (default: each in turn)"
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="corpus folder (default benchmarks/eval_corpus)")
    parser.add_argument("--places", type=Path, default=DATA_DIR / "places.csv", help="gazetteer to read")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per measurement")
    parser.add_argument("--verbose", action="store_true", help="list misses, wrong places and dates")
    parser.add_argument("--no-speed", action="store_true", help="skip the timings")
    args = parser.parse_args()
    started = time.perf_counter()
    gazetteer = Gazetteer.from_csv(args.places)
    print(f"start-up (gazetteer, {len(gazetteer.places):,} places): {time.perf_counter() - started:.3f} s")
    for split in (args.split,) if args.split else SPLITS:
        _print_scores(f"corpus, {split} part", evaluate_corpus(gazetteer, args.corpus, split), args.verbose)
    old = evaluate(gazetteer)
    print("\neval_articles (8 English articles):", json.dumps({k: v for k, v in asdict(old).items() if v != ()}))
    seed = seed_result(gazetteer)
    print(
        f"seed report: found {len(seed['found'])}/{len(SEED_EXPECTED)}, missing {seed['missing']}, "
        f"extra {seed['extra']}, Naples mapped: {seed['naples_mapped']}"
    )
    undated = seed_result(gazetteer, published=None)
    print(f"seed report with no date given: read as published {undated['published']}, missing {undated['missing']}")
    if not args.no_speed:
        _speed(gazetteer, args.runs)


if __name__ == "__main__":
    main()
