"""`kosovo-map snapshot`: one self-contained HTML map of a view (and a PNG of it), from our data or the user's."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import TextIO

from cli.outputs import protected, report
from cli.status import EXIT_FOUND_PROBLEMS, EXIT_OK, EXIT_USAGE
from components.console import note
from components.filters import count_line, shown
from components.snapshot import BrowserMissingError, SnapshotInfo, snapshot_html, snapshot_png
from components.view import View
from geo.dataset import DATA_DIR, Dataset, data_as_of, load_context, load_dataset, load_user_path
from geo.files import SUFFIXES, atomic_write, check_output
from geo.records.loading import empty_frame
from geo.schema import EVENT_TYPES

__all__ = ["run"]


def _snapshot_data(args: argparse.Namespace) -> tuple[Dataset, bool, bool]:
    """The shipped data, or the user's files instead of it (checked like any upload).

    Also whether any file had problems, and whether one could not be read at all (then nothing is drawn).
    """
    if not args.data:
        return load_dataset(), False, False
    # The user's files replace the shipped record: only what rows are checked against is loaded.
    base = Dataset(empty_frame("incident"), empty_frame("deployment"), load_context())
    problems = unreadable = False
    for path in args.data:
        user = load_user_path(path, base)
        if user.problems:
            sys.stderr.write(f"{path}: {user.summary}\n")
            report(user.problems)
            problems, unreadable = True, unreadable or not user.readable
        base = base.with_user_file(user)
    return base, problems, unreadable


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Draw the view; exit 1 when a --data file had problems (its good rows are drawn), 2 on usage errors."""
    if not (args.output or args.png):
        sys.stderr.write("kosovo-map snapshot: give -o OUT.html, --png OUT.png or both\n")
        return EXIT_USAGE
    if args.start and args.end and args.end < args.start:
        sys.stderr.write(f"kosovo-map snapshot: --end {args.end} is before --start {args.start}\n")
        return EXIT_USAGE
    unknown = [t for t in args.types if t not in EVENT_TYPES]
    if unknown:
        sys.stderr.write(f"kosovo-map snapshot: unknown --type {unknown}; choose from {list(EVENT_TYPES)}\n")
        return EXIT_USAGE
    outputs = [(path, SUFFIXES[kind]) for path, kind in ((args.output, "html"), (args.png, "png")) if path]
    for path, suffixes in outputs:  # before the work, not after it
        check_output(path, [*args.data, *protected()], suffixes, args.force)
    dataset, problems, unreadable = _snapshot_data(args)
    if unreadable:
        sys.stderr.write("kosovo-map snapshot: nothing written, as a --data file cannot be read\n")
        return EXIT_FOUND_PROBLEMS
    kept_safe = [*args.data, *protected()]
    view = View(start=args.start, end=args.end, event_types=tuple(args.types))
    incidents, deployments = shown(dataset.incidents, dataset.deployments, view, dataset.gazetteer)
    names = dataset.municipalities.frame["name_en"].to_dict()
    changelog = "" if args.data else (DATA_DIR / "CHANGELOG.md").read_text(encoding="utf-8")
    as_of = str(data_as_of(dataset.incidents, dataset.deployments, changelog))
    info = SnapshotInfo(len(dataset.incidents), "", datetime.now(UTC), names, as_of)
    html = snapshot_html(incidents, deployments, dataset.municipalities.frame, view, info)
    if args.output:
        atomic_write(args.output, html, kept_safe, SUFFIXES["html"], args.force)
        note(out, f"wrote {args.output}: {count_line(len(incidents), len(dataset.incidents), len(deployments))}\n")
    if args.png:
        try:
            png = snapshot_png(html, args.width, args.height)
            atomic_write(args.png, png, kept_safe, SUFFIXES["png"], args.force)
        except BrowserMissingError as error:
            sys.stderr.write(f"kosovo-map snapshot: {error}\n")
            return EXIT_FOUND_PROBLEMS
        except ValueError as error:
            sys.stderr.write(f"kosovo-map snapshot: {error}\n")
            return EXIT_USAGE
        note(out, f"wrote {args.png} ({args.width}x{args.height})\n")
    return EXIT_FOUND_PROBLEMS if problems else EXIT_OK
