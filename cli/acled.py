"""`kosovo-map import-acled`: an ACLED export turned into our incidents schema, every row added or named."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import TextIO

from cli.outputs import protected, report
from cli.status import EXIT_FOUND_PROBLEMS, EXIT_OK
from components.console import note
from geo.acled import import_acled
from geo.dataset import load_dataset

__all__ = ["run"]


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Convert the export; exit 1 when a row was refused or nothing was written."""
    dataset = load_dataset()
    taken = frozenset(dataset.incidents["id"]) | frozenset(dataset.deployments["id"])
    context = replace(dataset.context, taken_ids=taken)
    done = import_acled(args.path, args.output, context, protected(), args.force)
    if done.problems:
        said = f"{done.written:,} added, {done.refused:,} refused" if done.readable else "refused: cannot be read"
        sys.stderr.write(f"{args.path}: {said} (see below)\n")
        report(done.problems)
    if done.written:
        note(out, f"wrote {done.written} incident(s) to {args.output}\n")
    else:
        sys.stderr.write(f"kosovo-map import-acled: nothing written to {args.output}\n")
    return EXIT_FOUND_PROBLEMS if done.problems or not done.written else EXIT_OK
