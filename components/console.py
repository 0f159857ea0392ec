"""The terminal a command runs in: standard streams that may be closed, pipes that may break.

`kosovo-map … >&-` (stdout closed), `<&-` (stdin closed) and
`kosovo-map export | head -1` (the reader leaves early) are ordinary ways to
run a command. They end with a plain message or quietly, never a traceback.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from typing import TextIO

__all__ = ["BROKEN_PIPE", "StreamClosedError", "guard_standard_streams", "note", "quiet_broken_pipe"]

# What a shell reports for a process ended by SIGPIPE, as `yes | head -1` does.
BROKEN_PIPE = 141


class StreamClosedError(OSError):
    """A command needs stdin or stdout, and the caller closed it."""


class _Closed(io.TextIOBase):
    """Stands in for a closed standard stream: any use raises StreamClosedError naming it."""

    def __init__(self, name: str) -> None:
        self._name = name

    def _refuse(self, *_: object) -> None:
        raise StreamClosedError(f"{self._name} is closed")

    write = read = readline = _refuse  # type: ignore[assignment]

    def __iter__(self):  # type: ignore[no-untyped-def]
        self._refuse()

    @property
    def buffer(self) -> None:  # type: ignore[override]
        self._refuse()

    def isatty(self) -> bool:
        return False

    def flush(self) -> None:
        pass


def _reopen_closed_descriptors() -> None:
    """Give closed descriptors 0-2 to /dev/null, so no file we open becomes someone's stdout."""
    for descriptor in (0, 1, 2):
        try:
            os.fstat(descriptor)
        except OSError:
            opened = os.open(os.devnull, os.O_RDWR)
            if opened != descriptor:
                os.dup2(opened, descriptor)
                os.close(opened)


def guard_standard_streams() -> None:
    """Closed stdin/stdout/stderr replaced by stand-ins; output never fails on a character it cannot encode."""
    _reopen_closed_descriptors()
    if sys.stdin is None:
        sys.stdin = _Closed("stdin")  # type: ignore[assignment]
    if sys.stdout is None:
        sys.stdout = _Closed("stdout")  # type: ignore[assignment]
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, io.UnsupportedOperation):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]


def note(out: TextIO, text: str) -> None:
    """A remark for the person (what was written where): skipped when stdout is closed."""
    with contextlib.suppress(StreamClosedError):
        out.write(text)


def quiet_broken_pipe() -> None:
    """After the reader of our stdout left: send what is still buffered to /dev/null, not to a broken pipe."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
