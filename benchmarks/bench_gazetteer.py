"""Gazetteer look-ups per second against a naive baseline measured in the same run.

    python benchmarks/bench_gazetteer.py [--seconds 1.0]

Baseline: what a newcomer would write: for every query, fold every name in the
gazetteer and score it with rapidfuzz, keeping the best (a full scan per query).
Ours: the index built once (exact keys, then phonetic keys, then a C++ edit-distance
search over the keys). Machines here are shared and noisy: read the ratios, not the rates.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.dataset import DATA_DIR
from geo.gazetteer import Gazetteer, Place
from geo.names import fold

EXACT = ["Zvečan", "Звечан", "Leposaviqi", "Zubin Potok", "Prishtina", "Mitrovicë e Veriut", "Komuna e Zveçanit"]
FUZZY = ["Zvecen", "Leposavik", "Zubin Potk", "Prishtna", "Mitrovca", "Jarinej"]


def naive_geocode(places: list[Place], query: str) -> Place | None:
    """A full scan: fold each name and score it against the query."""
    key, best, best_score = fold(query), None, 0.0
    for place in places:
        for name in (*place.names, *place.aliases):
            score = fuzz.ratio(key, fold(name))
            if score > best_score:
                best, best_score = place, score
    return best if best_score >= 80 else None


def rate(lookup: Callable[[str], object], queries: list[str], seconds: float) -> float:
    """Look-ups per second over at least `seconds` of repeated runs."""
    done, started = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - started) < seconds:
        for query in queries:
            lookup(query)
        done += len(queries)
    return done / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=1.0, help="time per measurement")
    args = parser.parse_args()
    started = time.perf_counter()
    gazetteer = Gazetteer.from_csv(DATA_DIR / "places.csv")
    print(f"index built once: {len(gazetteer.places)} places in {time.perf_counter() - started:.3f} s")
    naive_fuzzy = rate(lambda q: naive_geocode(gazetteer.places, q), FUZZY, args.seconds)
    naive_exact = rate(lambda q: naive_geocode(gazetteer.places, q), EXACT, args.seconds)
    exact = rate(gazetteer.geocode, EXACT, args.seconds)
    fuzzy = rate(gazetteer.geocode, FUZZY, args.seconds)
    print(f"{'look-up':<8} {'ours /s':>12} {'naive /s':>12} {'ratio':>8}")
    print(f"{'exact':<8} {exact:>12,.0f} {naive_exact:>12,.0f} {exact / naive_exact:>7.0f}x   (aim: >= 100,000/s)")
    print(f"{'fuzzy':<8} {fuzzy:>12,.0f} {naive_fuzzy:>12,.0f} {fuzzy / naive_fuzzy:>7.0f}x   (aim: >= 50x)")


if __name__ == "__main__":
    main()
