"""Safe output files: a temporary file and one rename, never over an input."""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from geo.files import OutputError, atomic_write, atomic_writer


def test_writes_new_file_with_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    atomic_write(target, "a,b\n")
    assert target.read_text(encoding="utf-8") == "a,b\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_failure_inside_the_block_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "backup.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writer(target) as handle:
        handle.write(b"half of the new")
        raise RuntimeError("killed")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.json"]


def test_refuses_an_output_that_is_an_input(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("keep me", encoding="utf-8")
    os.symlink(source, tmp_path / "link.csv")
    for target in (source, tmp_path / "link.csv", tmp_path / "sub" / ".." / "in.csv"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        with pytest.raises(OutputError, match=r"refusing to overwrite in\.csv"):
            atomic_write(target, "new", protected=[source])
    assert source.read_text(encoding="utf-8") == "keep me"


def test_missing_folder_and_folder_target_are_plain_messages(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="its folder does not exist"):
        atomic_write(tmp_path / "nope" / "out.csv", "x")
    with pytest.raises(OutputError, match="is a folder"):
        atomic_write(tmp_path, "x")


def test_read_only_folder_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):  # root ignores permissions
            pytest.skip("running as root: permissions are not enforced")
        with pytest.raises(OutputError, match="permission denied"):
            atomic_write(folder / "out.csv", "x")
    finally:
        folder.chmod(0o700)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 kB tmpfs: a real full disk (needs root to mount; skipped otherwise)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_full_disk_is_named_and_the_old_file_survives(tiny_disk: Path) -> None:
    target = tiny_disk / "backup.json"
    target.write_text("old backup", encoding="utf-8")
    with pytest.raises(OutputError, match="the disk is full"):
        atomic_write(target, b"x" * 200_000)
    assert target.read_text(encoding="utf-8") == "old backup"
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["backup.json"]
