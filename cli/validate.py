"""`kosovo-map validate`: every problem of data files as file:row:column, and how many rows each adds."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from cli.status import EXIT_FOUND_PROBLEMS, EXIT_OK
from geo.dataset import validate_each

__all__ = ["run"]


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Check the files; exit 1 when any problem was found."""
    found = files = 0
    for check in validate_each(args.paths):
        for problem in check.problems:
            out.write(f"{problem}\n")
        found, files = found + len(check.problems), files + bool(check.name)
        if check.readable and check.total:
            sys.stderr.write(f"{check.name}: {check.added:,} row(s) valid, {check.refused:,} refused\n")
    if found:
        sys.stderr.write(f"{found} problem(s) found in {files} file(s)\n")
        return EXIT_FOUND_PROBLEMS
    sys.stderr.write(f"{files} file(s) valid\n")
    return EXIT_OK
