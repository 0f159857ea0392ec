"""`kosovo-map`: the command line (geocode, validate, export, snapshot, import-acled, extract, serve, store).

Each subcommand lives in a module of its own, imported only when it runs, so that
`kosovo-map geocode` does not wait for the map and snapshot code to load.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from cli.parser import build_parser
from cli.status import EXIT_FOUND_PROBLEMS
from components.console import BROKEN_PIPE, StreamClosedError, guard_standard_streams, quiet_broken_pipe
from geo.files import OutputError
from geo.records import DataError, InputError
from geo.store import StoreError

__all__ = ["main"]

# The module that runs each command (its `run(args, out)`); the store's commands are in components.storecli.
_COMMANDS = {
    "geocode": "cli.geocode",
    "validate": "cli.validate",
    "export": "cli.export",
    "snapshot": "cli.snapshot",
    "import-acled": "cli.acled",
    "extract": "cli.extract",
    "serve": "cli.serve",
}


def _handler(command: str):  # type: ignore[no-untyped-def]
    if command in _COMMANDS:
        return importlib.import_module(_COMMANDS[command]).run
    from components.storecli import HANDLERS

    return HANDLERS[command]


_CLOSED_HINT = {"stdin is closed": " (give a file instead of -)", "stdout is closed": " (give -o FILE if it has one)"}
_FATAL = {KeyboardInterrupt: "interrupted", MemoryError: "out of memory", RecursionError: "input nested too deeply"}


def _run(command: str, args: argparse.Namespace, out: TextIO) -> int:
    """One command, with every failure a person can cause told in plain words (never a traceback)."""
    try:
        status = _handler(command)(args, out)
        out.flush()
        return status
    except DataError as error:
        sys.stderr.write(f"kosovo-map: {error}\n")
    except InputError as error:
        sys.stderr.write(f"{error.problem}\n")
    except (OutputError, StoreError) as error:
        sys.stderr.write(f"kosovo-map {command}: {error}\n")
    except StreamClosedError as error:
        sys.stderr.write(f"kosovo-map {command}: {error}, and this command needs it{_CLOSED_HINT[str(error)]}\n")
    except UnicodeDecodeError as error:
        sys.stderr.write(
            f"kosovo-map {command}: not UTF-8 text (byte 0x{error.object[error.start]:02X}); save it as UTF-8\n"
        )
    except BrokenPipeError:
        raise
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        sys.stderr.write(f"kosovo-map {command}: {where}{error.strerror or error}\n")
    return EXIT_FOUND_PROBLEMS


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run one command; returns the exit status (0 ok, 1 problems or no match, 2 usage, 141 stdout's reader left)."""
    guard_standard_streams()
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    try:
        return _run(args.command, args, out or sys.stdout)
    except BrokenPipeError:
        quiet_broken_pipe()
        return BROKEN_PIPE
    except (KeyboardInterrupt, MemoryError, RecursionError) as error:
        sys.stderr.write(f"kosovo-map {args.command}: {_FATAL[type(error)]}\n")
        return 130 if isinstance(error, KeyboardInterrupt) else EXIT_FOUND_PROBLEMS
    except Exception as error:  # a bug of ours: said plainly; KOSOVO_MAP_DEBUG=1 shows the traceback
        if os.environ.get("KOSOVO_MAP_DEBUG"):
            raise
        sys.stderr.write(
            f"kosovo-map {args.command}: unexpected error ({type(error).__name__}); please report it "
            "(KOSOVO_MAP_DEBUG=1 shows the details)\n"
        )
        return EXIT_FOUND_PROBLEMS
