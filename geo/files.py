"""Writing output files safely: never in place, never over an input.

Every `-o` and every export goes through `atomic_write`: the bytes go to a
temporary file in the target's own directory, are flushed to disk, and only
then replace the target with one rename. A full disk or a kill leaves the old
file as it was (and no half-written new one); a file that is also an input of
the same command, or the live store, is refused before anything is written. So
is a device, pipe or socket (the rename would replace the node itself), and,
unless the person says --force, an existing file of another kind than the one
being written: `-o notes.txt` for a snapshot must not silently replace notes.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

__all__ = ["SUFFIXES", "OutputError", "atomic_write", "atomic_writer", "check_output", "same_file"]

# What each kind of output may replace without --force: an existing file with one of these suffixes.
SUFFIXES: dict[str, tuple[str, ...]] = {
    "csv": (".csv",),
    "geojson": (".geojson", ".json"),
    "parquet": (".parquet", ".geoparquet"),
    "gpkg": (".gpkg",),
    "html": (".html", ".htm"),
    "png": (".png",),
    "bundle": (".json",),
}


class OutputError(OSError):
    """An output file that cannot or must not be written; the message says why in plain words."""


def same_file(first: Path, second: Path) -> bool:
    """True when two paths name one file (through links, `..` or case on case-insensitive disks)."""
    try:
        return first.exists() and second.exists() and os.path.samefile(first, second)
    except OSError:
        return False


def check_output(
    target: Path, protected: Iterable[Path] = (), replaces: Sequence[str] = (), force: bool = False
) -> None:
    """Refuse an output that is a folder, a device, pipe or socket, one of the command's inputs or the live store,
    or (without `force`) an existing file whose suffix is none of `replaces`, the suffixes of what is written."""
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give a file name to write")
    if target.exists() and not target.is_file():
        raise OutputError(
            f"{target}: is not a regular file (a device, pipe or socket); give a file name, or - for stdout"
        )
    for path in protected:
        if same_file(target, path) or target.resolve() == path.resolve():
            raise OutputError(f"{target}: refusing to overwrite {path.name}, which this command reads")
    if replaces and not force and target.is_file() and target.suffix.lower() not in replaces:
        raise OutputError(
            f"{target}: already exists and is not a {replaces[0]} file; give another name, or --force to replace it"
        )


def _plain_reason(error: OSError) -> str:
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EROFS: "the disk is read-only",
        errno.ENOENT: "its folder does not exist",
        errno.ENOTDIR: "its folder does not exist",
    }
    return reasons.get(error.errno or 0, error.strerror or str(error))


@contextlib.contextmanager
def atomic_writer(
    target: Path, protected: Iterable[Path] = (), replaces: Sequence[str] = (), force: bool = False
) -> Iterator[BinaryIO]:
    """A binary file handle whose content replaces `target` only if the block finishes.

    Raises OutputError with a plain reason (disk full, read-only, no such folder…);
    the old target is left untouched on every failure.
    """
    target = Path(target)
    check_output(target, protected, replaces, force)
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    except OSError as error:
        raise OutputError(f"{target}: cannot write: {_plain_reason(error)}") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600): keep the old file's mode, or the usual 0644 for a new one.
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise OutputError(
            f"{target}: cannot write: {_plain_reason(error)}; the old file (if any) is unchanged"
        ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def atomic_write(
    target: Path, data: bytes | str, protected: Iterable[Path] = (), replaces: Sequence[str] = (), force: bool = False
) -> None:
    """Write `data` (text as UTF-8) to `target` through a temporary file and one rename (see `check_output`)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_writer(target, protected, replaces, force) as handle:
        handle.write(payload)
