"""`kosovo-map geocode`: places by name, in any spelling, as lines or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

from cli.status import EXIT_FOUND_PROBLEMS, EXIT_OK
from geo.boundaries import Municipalities
from geo.dataset import load_context
from geo.gazetteer import GeocodeResult, Place
from geo.records.cells import surrogate

__all__ = ["run"]

MAX_NAME = 200  # characters: no place name is longer; a longer "name" is a mistake, not a query


def _stdin_names(stdin: TextIO) -> Iterator[tuple[str, str | None]]:
    """Names read from stdin, one a line, as (name, problem); lines that are not UTF-8 are named by number."""
    for number, raw in enumerate(stdin.buffer, start=1):
        try:
            line = raw.decode("utf-8").strip()
        except UnicodeDecodeError:
            yield "", f"stdin:{number}: not UTF-8 text; give names as UTF-8"
            continue
        if line:
            yield line, None


def _names(arguments: Sequence[str], stdin: TextIO) -> Iterator[tuple[str, str | None]]:
    """Each name to look up, or the reason it cannot be: from the arguments, and stdin for `-`."""
    for name in arguments:
        if name == "-":
            yield from _stdin_names(stdin)
        elif surrogate(name):
            yield "", f"{name!a}: not UTF-8 text; give names as UTF-8"
        elif len(name) > MAX_NAME:
            yield "", f"{name[:40]!r}…: {len(name):,} characters; a place name has at most {MAX_NAME}"
        else:
            yield name, None


_NO_MATCH = dict.fromkeys(("id", "name", "lat", "lon", "kind", "municipality", "in_area"))


def _geocode_json(name: str, result: GeocodeResult | None, munis: Municipalities) -> str:
    if result is None:
        return json.dumps({"query": name, **_NO_MATCH, "score": 0, "alternatives": []}, ensure_ascii=False)
    return json.dumps(result.as_dict(names=lambda m: munis.name(m) if m in munis else None), ensure_ascii=False)


def _where(place: Place, munis: Municipalities) -> str:
    return munis.name(place.municipality) if place.municipality in munis else place.country


def _geocode_line(name: str, result: GeocodeResult | None, munis: Municipalities) -> str:
    if result is None:
        return f"{name}\tno match"
    place = result.place
    where = _where(place, munis)
    others = ", ".join(f"{p.name_en} [{p.id}, {_where(p, munis)}]" for p in result.same_name()[:3])
    flag = f" (ambiguous; also {others})" if result.ambiguous and others else " (ambiguous)" if result.ambiguous else ""
    point = f"{place.lat:.5f},{place.lon:.5f}"
    return f"{name}\t{place.name_en} [{place.id}, {place.kind}, {where}] {point} score {result.score:.0f}{flag}"


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Look up each name; exit 1 when one matched nothing or could not be read."""
    context = load_context()
    show = _geocode_json if args.json else _geocode_line
    status = EXIT_OK
    for name, problem in _names(args.names, sys.stdin):
        if problem:
            sys.stderr.write(f"kosovo-map geocode: {problem}\n")
            status = EXIT_FOUND_PROBLEMS
            continue
        result = context.gazetteer.geocode(name)
        if result is None:
            status = EXIT_FOUND_PROBLEMS
        out.write(show(name, result, context.municipalities) + "\n")
    return status
