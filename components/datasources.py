"""The data the page shows: the shipped record, files named at start, the store's kept rows and this
session's upload, each checked once and assembled without copying the shipped data per rerun."""

from __future__ import annotations

import gc
import hashlib
import os
import sys
from pathlib import Path
from typing import Any

import streamlit as st

from components.kept import kept
from components.sharing import plain
from geo.dataset import DATA_DIR, DataAsOf, Dataset, UserFile, data_as_of, load_dataset, load_user_file, load_user_path

UPLOAD_LIMIT_MB = 20
MAX_UPLOAD_BYTES = UPLOAD_LIMIT_MB * 1_000_000  # Streamlit counts a megabyte as a million bytes
SHOWN_PROBLEMS = 50  # on the page; all of them are a download


@st.cache_resource(show_spinner="Loading the data…")
def shipped() -> Dataset:
    """The shipped, checked data: loaded and indexed once per server."""
    return load_dataset()


@st.cache_resource(show_spinner=False)
def shipped_as_of() -> DataAsOf:
    """How current the shipped data is (its newest record, counts, and last update from data/CHANGELOG.md)."""
    data = shipped()
    return data_as_of(data.incidents, data.deployments, (DATA_DIR / "CHANGELOG.md").read_text(encoding="utf-8"))


def startup_paths(argv: list[str], environ: dict[str, str]) -> list[Path]:
    """Files named by `streamlit run app.py -- --data FILE ...` or KOSOVO_MAP_DATA (os.pathsep-separated)."""
    paths = [p for p in environ.get("KOSOVO_MAP_DATA", "").split(os.pathsep) if p]
    if "--data" in argv:
        paths += [a for a in argv[argv.index("--data") + 1 :] if not a.startswith("--")]
    return [Path(p) for p in paths]


@st.cache_resource(show_spinner="Loading your data files…")
def startup_files(paths: tuple[Path, ...]) -> tuple[UserFile, ...]:
    """The user's files named at start, checked once per server."""
    files = []
    for path in paths:  # a large CSV or a Parquet file is read from disk by the columnar loader, never all at once
        files.append(load_user_path(path, shipped()))
        gc.collect()  # what checking the file needed is gone: give its memory back before the next
    return tuple(files)


@st.cache_resource(max_entries=4, show_spinner=False)
def assembled(key: tuple[str, ...], _files: tuple[UserFile, ...]) -> Dataset:
    """The shipped data with the user's files added, built once per set of files (not per rerun)."""
    dataset = shipped()
    for user in _files:
        if user.added:
            dataset = dataset.with_user_file(user)
    return dataset


def checked_upload(name: str, digest: str, content: bytes) -> UserFile:
    """A user's file after validation, kept in this session only (and freed when the session ends).

    A server-wide cache would pin every distinct upload's records in memory after its
    session ended; one checked upload per session is bounded by the upload limit.
    """
    kept = st.session_state.get("checked_upload")
    if kept is None or kept[0] != digest:
        st.session_state.pop("checked_upload", None)  # the previous upload goes before the next is checked
        with st.spinner("Checking your file…"):
            kept = (digest, load_user_file(name, content, shipped()))
        st.session_state["checked_upload"] = kept
    return kept[1]


def show_problems(where: Any, name: str, user: UserFile) -> None:
    """List a file's problems as plain text (file:row:column: message); nothing in them is markup."""
    if user.problems:
        where.error(f"{plain(name)}: {plain(user.summary)}")
        shown_problems = "\n".join(str(p) for p in user.problems[:SHOWN_PROBLEMS])
        more = len(user.problems) - SHOWN_PROBLEMS
        where.code(shown_problems + (f"\n… and {more:,} more" if more > 0 else ""), language=None)
        if more > 0:
            every = "\n".join(str(p) for p in user.problems) + "\n"
            where.download_button(
                f"All {len(user.problems):,} problems (text)", every, f"{Path(name).stem}-problems.txt", "text/plain",
                key=f"problems-{name}",
            )  # fmt: skip


def uploaded() -> list[tuple[str, UserFile]]:
    """Read the sidebar upload; problems are shown, the data already loaded stays as it was."""
    st.sidebar.markdown("**Your own data**")
    upload = st.sidebar.file_uploader(
        f"Add a CSV, GeoJSON, GeoParquet or ACLED export of up to {UPLOAD_LIMIT_MB} MB: shown as its own layers. "
        "Larger files: start the app with `kosovo-map serve --data FILE`.",
        type=["csv", "geojson", "json", "parquet"],
        key="upload",
        max_upload_size=UPLOAD_LIMIT_MB,
    )
    if upload is None:
        st.session_state.pop("checked_upload", None)
        return []
    content = upload.getvalue()
    if len(content) > MAX_UPLOAD_BYTES:
        st.sidebar.error(
            f"{plain(upload.name)}: {len(content):,} bytes is more than the {UPLOAD_LIMIT_MB} MB limit; "
            "start the app with `kosovo-map serve --data FILE` for large files."
        )
        return []
    digest = hashlib.sha256(content).hexdigest()
    user = checked_upload(upload.name, digest, content)
    show_problems(st.sidebar, upload.name, user)
    if user.added:
        st.sidebar.success(f"{plain(upload.name)}: {plain(user.summary)}, shown as your data.")
    return [(f"upload:{digest}", user)]


def _named(paths: tuple[Path, ...]) -> list[tuple[str, UserFile]]:
    return [(f"file:{user.name}", user) for user in startup_files(paths)]


def _assembled_with(named: list[tuple[str, UserFile]]) -> Dataset:
    shared = named + kept(shipped())
    return assembled(tuple(key for key, _ in shared), tuple(user for _, user in shared))


def shared_data(paths: tuple[Path, ...]) -> Dataset:
    """What every session shows: the shipped data with the files named at start and the store's kept rows."""
    return _assembled_with(_named(paths))


def user_data() -> Dataset:
    """The shipped data plus the user's files: those named at start and the store's, assembled once per
    server; this session's upload added on top, in this session only."""
    named = _named(tuple(startup_paths(sys.argv, dict(os.environ))))
    for key, user in named:
        show_problems(st.sidebar, key.removeprefix("file:"), user)
    upload = uploaded()
    dataset = _assembled_with(named)
    if not upload:
        st.session_state.pop("with_upload", None)
        return dataset
    (key, user), cached = upload[0], st.session_state.get("with_upload")
    if cached is None or cached[0] != (key, id(dataset)):
        cached = ((key, id(dataset)), dataset.with_user_file(user) if user.added else dataset)
        st.session_state["with_upload"] = cached
    return cached[1]
