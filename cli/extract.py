"""`kosovo-map extract`: the incidents and deployments a news article describes, proposed for review."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from cli.status import EXIT_FOUND_PROBLEMS, EXIT_OK, EXIT_USAGE
from geo.dataset import load_context
from geo.extract import MAX_CHARS, Candidate, Extraction, MissingDateError, extract, languages
from geo.records import InputError, Problem
from geo.records.reading import check_input

__all__ = ["run"]


def _candidate_line(candidate: Candidate) -> str:
    counts = ", ".join(
        " ".join(filter(None, (c.kind, c.side, f"{c.value}{'+' * c.at_least}"))) for c in candidate.counts
    )
    fields = (f"{candidate.date} ({candidate.date_basis})", candidate.kind, candidate.type, candidate.place, counts)
    return "\t".join(str(f) for f in fields)


def _article_text(path: str) -> str:
    """The article, read no further than one character past the limit (a huge file is never loaded whole)."""
    if path == "-":
        return sys.stdin.read(MAX_CHARS + 1)
    try:  # a folder, pipe or device is named as such (a FIFO would otherwise wait for ever)
        check_input(Path(path))
    except InputError as error:
        reason = str(error).split(": ", 1)[-1].split(";")[0]
        raise InputError(Problem(path, 0, "-", f"{reason}; give the article as a UTF-8 text file")) from None
    with open(path, encoding="utf-8-sig") as handle:
        return handle.read(MAX_CHARS + 1)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Propose candidates, one a line (or JSON); exit 2 when the article's date is needed and not given."""
    name = "stdin" if args.path == "-" else args.path
    try:
        text = _article_text(args.path)
    except UnicodeDecodeError:
        sys.stderr.write(f"kosovo-map extract: {name}: not UTF-8 text; save the article as UTF-8 plain text\n")
        return EXIT_FOUND_PROBLEMS
    if len(text) > MAX_CHARS:
        sys.stderr.write(
            f"kosovo-map extract: {name}: longer than the limit of {MAX_CHARS:,} characters; "
            "give one article at a time, or split a long one into parts\n"
        )
        return EXIT_FOUND_PROBLEMS
    try:
        extraction = extract(text, args.published, load_context().gazetteer, args.language)
    except MissingDateError as error:
        sys.stderr.write(f"kosovo-map extract: {name}: {error} Use --published YYYY-MM-DD.\n")
        return EXIT_USAGE
    sys.stderr.write(_reading_note(extraction))
    for candidate in extraction.candidates:
        line = json.dumps(candidate.as_dict(), ensure_ascii=False) if args.json else _candidate_line(candidate)
        out.write(line + "\n")
    if not args.json and extraction.out_of_area:
        names = ", ".join(dict.fromkeys(m.place for m in extraction.out_of_area))
        out.write(f"named outside the map's area, not mapped: {names}\n")
    return EXIT_OK


def _reading_note(extraction: Extraction) -> str:
    """How the article was read: its language, and where its date came from."""
    language = languages()[extraction.language].name
    basis = "as given" if extraction.published_from == "given" else f"by its {extraction.published_from}"
    lines = [f"read as {language}, published {extraction.published} ({basis})", *extraction.notes]
    return "".join(f"kosovo-map extract: {line}\n" for line in lines)
