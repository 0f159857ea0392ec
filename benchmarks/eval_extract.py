"""News extraction: accuracy on our evaluation articles and the seed report, and speed against a naive baseline.

    python benchmarks/eval_extract.py [--json] [--runs 5]

Accuracy: benchmarks/eval_articles/ holds short articles written for this project
about events in northern Kosovo, each with a JSON of what a careful reader would map
(events as kind, place id and date; places named outside the area; places that must
not be mapped). Place recall and precision compare the sets of mapped place ids per
article (micro-averaged); date accuracy is the share of expected events for which a
candidate of that kind at that place carries that date.

Speed: the articles concatenated and repeated to at least 1,000 words, timed after
start-up (the gazetteer built once). Baseline: the same extraction with a naive place
finder that calls `Gazetteer.geocode` on every 1-4 word n-gram (no first-word index,
so every miss pays the wrapper, phonetic and fuzzy fall-backs), keeping non-fuzzy hits.
Machines here are shared and noisy: read the ratio, not the seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import statistics
import sys
import time
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo import extract as extraction  # noqa: E402
from geo.dataset import DATA_DIR  # noqa: E402
from geo.gazetteer import Gazetteer, Place  # noqa: E402

ARTICLES = Path(__file__).resolve().parent / "eval_articles"
SEED = ROOT.parent / "shared" / "seeds" / "000_b773cdf23eb459f8.txt"  # the DW report, kept outside the repo
SEED_PUBLISHED = date(2023, 5, 30)
# What the seed report must yield: (kind, place id, date, type).
SEED_EXPECTED = (
    ("incident", "zvecan", "2023-05-29", "Riots"),
    ("deployment", "kosovo", "2023-05-30", "reinforcement"),
    ("deployment", "zvecan", "2023-05-30", "guard_post"),
    ("deployment", "leposavic", "2023-05-30", "guard_post"),
    ("deployment", "zubin-potok", "2023-05-30", "guard_post"),
)


@dataclass(frozen=True)
class Scores:
    """Accuracy over the evaluation set."""

    articles: int
    place_recall: float
    place_precision: float
    date_accuracy: float
    out_of_area_recall: float
    wrongly_mapped: tuple[str, ...]


def _ratio(hit: int, total: int) -> float:
    return round(hit / total, 3) if total else 1.0


def _article_counts(gazetteer: Gazetteer, text: str, truth: dict[str, Any]) -> dict[str, Any]:
    result = extraction.extract(text, date.fromisoformat(truth["published"]), gazetteer)
    found = {c.place_id for c in result.candidates}
    expected = {e["place_id"] for e in truth["events"]}
    dated = {(c.kind, c.place_id, c.date.isoformat()) for c in result.candidates}
    outside = {m.place_id for m in result.out_of_area}
    return {
        "true": len(found & expected),
        "found": len(found),
        "expected": len(expected),
        "dates_right": sum((e["kind"], e["place_id"], e["date"]) in dated for e in truth["events"]),
        "events": len(truth["events"]),
        "outside_right": len(outside & set(truth["out_of_area"])),
        "outside": len(truth["out_of_area"]),
        "wrong": sorted(found & set(truth["not_mapped"])),
    }


def evaluate(gazetteer: Gazetteer, articles: Path = ARTICLES) -> Scores:
    """Place recall/precision, date accuracy and out-of-area recall over the evaluation articles."""
    totals: dict[str, int] = {}
    wrong: list[str] = []
    paths = sorted(articles.glob("*.txt"))
    for path in paths:
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        counts = _article_counts(gazetteer, path.read_text(encoding="utf-8"), truth)
        wrong += [f"{path.stem}:{place}" for place in counts.pop("wrong")]
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
    return Scores(
        articles=len(paths),
        place_recall=_ratio(totals["true"], totals["expected"]),
        place_precision=_ratio(totals["true"], totals["found"]),
        date_accuracy=_ratio(totals["dates_right"], totals["events"]),
        out_of_area_recall=_ratio(totals["outside_right"], totals["outside"]),
        wrongly_mapped=tuple(wrong),
    )


def seed_result(gazetteer: Gazetteer, path: Path = SEED) -> dict[str, Any]:
    """The seed report's candidates, which expected ones were found, and whether Naples was mapped."""
    result = extraction.extract(path.read_text(encoding="utf-8"), SEED_PUBLISHED, gazetteer)
    got = {(c.kind, c.place_id, c.date.isoformat(), c.type) for c in result.candidates}
    return {
        "found": [list(e) for e in SEED_EXPECTED if e in got],
        "missing": [list(e) for e in SEED_EXPECTED if e not in got],
        "naples_mapped": any(c.place_id == "naples" for c in result.candidates),
        "out_of_area": [m.place_id for m in result.out_of_area],
        "candidates": [c.as_dict() for c in result.candidates],
    }


def long_article(words: int = 1000, articles: Path = ARTICLES) -> str:
    """The evaluation articles concatenated, repeated until the text has at least `words` words."""
    parts = [p.read_text(encoding="utf-8") for p in sorted(articles.glob("*.txt"))]
    text = "\n\n".join(parts)
    while len(text.split()) < words:
        text += "\n\n" + "\n\n".join(parts)
    return text


def _naive_match_at(text: str, tokens: list[re.Match[str]], i: int, gazetteer: Gazetteer) -> tuple[Place, int] | None:
    """Baseline: geocode every n-gram from 4 words down to 1, no first-word index."""
    for n in range(min(4, len(tokens) - i), 0, -1):
        result = gazetteer.geocode(text[tokens[i].start() : tokens[i + n - 1].end()])
        if result is not None and result.matched_by != "fuzzy":
            return result.place, n
    return None


def seconds_per_article(gazetteer: Gazetteer, text: str, runs: int, naive: bool = False) -> float:
    """Median seconds for one extraction of `text` (after one warm-up run)."""
    published = date(2023, 6, 5)
    finder = mock.patch.object(extraction, "_match_at", _naive_match_at) if naive else contextlib.nullcontext()
    timings = []
    with finder:
        extraction.extract(text, published, gazetteer)
        for _ in range(runs):
            started = time.perf_counter()
            extraction.extract(text, published, gazetteer)
            timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per measurement")
    parser.add_argument("--json", action="store_true", help="print the seed report's candidates as JSON")
    args = parser.parse_args()
    started = time.perf_counter()
    gazetteer = Gazetteer.from_csv(DATA_DIR / "places.csv")
    print(f"start-up (gazetteer): {time.perf_counter() - started:.3f} s")
    scores = evaluate(gazetteer)
    print(json.dumps(asdict(scores), indent=1))
    seed = seed_result(gazetteer)
    print(
        f"seed report: found {len(seed['found'])}/{len(SEED_EXPECTED)}, missing {seed['missing']}, "
        f"Naples mapped: {seed['naples_mapped']}, out of area: {seed['out_of_area']}"
    )
    if args.json:
        print(json.dumps(seed["candidates"], ensure_ascii=False, indent=1))
    text = long_article()
    ours = seconds_per_article(gazetteer, text, args.runs)
    naive = seconds_per_article(gazetteer, text, args.runs, naive=True)
    print(
        f"{len(text.split())}-word article: ours {ours:.4f} s, naive {naive:.4f} s, "
        f"{naive / ours:.1f}x faster (aim: <= 1 s per article)"
    )


if __name__ == "__main__":
    main()
