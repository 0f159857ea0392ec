"""`kosovo-map serve`: the app's server, with its data loaded as the server starts rather than when the
first reader opens the page (a million-row file is checked before anyone asks for it)."""

from __future__ import annotations

import argparse
import os
import sys
import threading
from pathlib import Path
from typing import TextIO

from cli.status import EXIT_FOUND_PROBLEMS
from geo.records.reading import check_input

__all__ = ["APP", "run", "streamlit_arguments"]

APP = Path(__file__).resolve().parent.parent / "app.py"


def streamlit_arguments(args: argparse.Namespace, app: Path = APP) -> list[str]:
    """`streamlit run`'s arguments for these options; the files go to the page after `--`, as `--data` does."""
    arguments = ["run", str(app), "--server.port", str(args.port)]
    if args.address:
        arguments += ["--server.address", args.address]
    if args.headless:
        arguments += ["--server.headless", "true"]
    if args.data:
        arguments += ["--", "--data", *(str(path) for path in args.data)]
    return arguments


def run(args: argparse.Namespace, out: TextIO) -> int:
    if not APP.is_file():
        sys.stderr.write(f"kosovo-map serve: {APP} is missing; serve runs from a checkout of the project\n")
        return EXIT_FOUND_PROBLEMS
    for path in args.data:
        check_input(path)  # a missing or unreadable file is said now, in plain words, and nothing starts
    from streamlit.web import cli as streamlit_cli

    from components.datasources import startup_paths
    from components.warmup import THREAD_NAME, warm

    arguments = streamlit_arguments(args)
    # The very paths the page will read from its arguments and KOSOVO_MAP_DATA: the warm-up fills their cache entry.
    paths = startup_paths(["--data", *(str(path) for path in args.data)], dict(os.environ))

    def warm_and_say() -> None:
        took = warm(paths)
        if took is not None:
            out.write(f"  kosovo-map serve: the data is ready ({took:.1f} s); the first page need not wait for it.\n")
            out.flush()

    threading.Thread(target=warm_and_say, name=THREAD_NAME, daemon=True).start()
    streamlit_cli.main(arguments, prog_name="streamlit", standalone_mode=False)
    return 0
