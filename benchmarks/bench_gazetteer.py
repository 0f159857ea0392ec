"""Gazetteer speed and size, against baselines measured in the same run.

    python benchmarks/bench_gazetteer.py [--seconds 1.0]

- start-up: `Gazetteer.from_csv` with the compiled index (data/places_index.json)
  against building the index from the names (what happens when it is stale); aim <= 1 s;
- memory: what the loaded gazetteer holds (tracemalloc, imports excluded); aim <= 50 MB;
- exact look-ups: ours against a newcomer's full scan (fold every name of every place and
  score it with rapidfuzz, keep the best); aim >= 100,000/s. A name's ranking without
  context is worked out on its first look-up and kept, so "first" also looks up 3,000
  distinct names once each on a fresh gazetteer;
- fuzzy look-ups (typos): ours against the same full scan; aim >= 50x;
- look-ups with context, and search-box prefixes, for the record.

Machines here are shared and noisy: read the ratios, not the rates.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.dataset import DATA_DIR
from geo.gazetteer import Gazetteer, Place
from geo.names import fold

PLACES = DATA_DIR / "places.csv"
EXACT = ["Zvečan", "Звечан", "Leposaviqi", "Zubin Potok", "Prishtina", "Mitrovicë e Veriut", "Komuna e Zveçanit"]
FUZZY = ["Zvecen", "Leposavik", "Zubin Potk", "Prishtna", "Mitrovca", "Jarinej"]
CONTEXT = [("Banjska", "Vushtrri"), ("Ugljare", "Gračanica"), ("Rudare", "Zvečan"), ("Dobrotin", "Podujevë")]
PREFIXES = ["Zvec", "Звеч", "Lepos", "Mitrov", "Gjako", "Jarin"]


def naive_geocode(places: list[Place], query: str) -> Place | None:
    """A full scan: fold each name and score it against the query."""
    key, best, best_score = fold(query), None, 0.0
    for place in places:
        for name in (*place.names, *place.aliases):
            score = fuzz.ratio(key, fold(name))
            if score > best_score:
                best, best_score = place, score
    return best if best_score >= 80 else None


def rate(lookup: Callable[[str], object], queries: list, seconds: float) -> float:
    """Look-ups per second over at least `seconds` of repeated runs."""
    done, started = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - started) < seconds:
        for query in queries:
            lookup(query)
        done += len(queries)
    return done / elapsed


def start_up() -> tuple[Gazetteer, float, float]:
    """(gazetteer, seconds with the compiled index, seconds building the index from the names)."""
    started = time.perf_counter()
    gazetteer = Gazetteer.from_csv(PLACES)
    compiled = time.perf_counter() - started
    started = time.perf_counter()
    Gazetteer(gazetteer.places)
    return gazetteer, compiled, time.perf_counter() - started


def first_lookups(count: int = 3000) -> float:
    """Exact look-ups per second of distinct names, each once, on a freshly loaded gazetteer."""
    gazetteer = Gazetteer.from_csv(PLACES)
    names = list(dict.fromkeys(p.name_sr_latn or p.name_en for p in gazetteer.places))[:count]
    started = time.perf_counter()
    for name in names:
        gazetteer.geocode(name)
    return len(names) / (time.perf_counter() - started)


def memory_mb() -> float:
    """MB the loaded gazetteer holds, its search tables included."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    gazetteer = Gazetteer.from_csv(PLACES)
    gazetteer.search("Zvec")  # builds the search tables too
    gc.collect()
    held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    return held / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=1.0, help="time per measurement")
    args = parser.parse_args()
    gazetteer, compiled, built = start_up()
    print(f"{len(gazetteer.places):,} places")
    print(f"start-up: {compiled:.3f} s with the compiled index, {built:.3f} s building it  (aim: <= 1 s)")
    print(f"memory:   {memory_mb():.1f} MB  (aim: <= 50 MB)")
    naive_fuzzy = rate(lambda q: naive_geocode(gazetteer.places, q), FUZZY, args.seconds)
    naive_exact = rate(lambda q: naive_geocode(gazetteer.places, q), EXACT, args.seconds)
    exact = rate(gazetteer.geocode, EXACT, args.seconds)
    first = first_lookups()
    fuzzy = rate(gazetteer.geocode, FUZZY, args.seconds)
    context = rate(lambda pair: gazetteer.geocode(pair[0], context=pair[1]), CONTEXT, args.seconds)
    search = rate(gazetteer.search, PREFIXES, args.seconds)
    print(f"{'look-up':<8} {'ours /s':>12} {'naive /s':>12} {'ratio':>8}")
    print(f"{'exact':<8} {exact:>12,.0f} {naive_exact:>12,.1f} {exact / naive_exact:>7.0f}x   (aim: >= 100,000/s)")
    print(f"{'first':<8} {first:>12,.0f} {naive_exact:>12,.1f} {first / naive_exact:>7.0f}x")
    print(f"{'fuzzy':<8} {fuzzy:>12,.0f} {naive_fuzzy:>12,.1f} {fuzzy / naive_fuzzy:>7.0f}x   (aim: >= 50x)")
    print(f"{'context':<8} {context:>12,.0f}")
    print(f"{'search':<8} {search:>12,.0f}")


if __name__ == "__main__":
    main()
