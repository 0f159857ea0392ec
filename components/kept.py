"""The store as the page sees it: one connection per server, kept rows re-read when anyone changes them.

Every rerun asks the store for its revision (one small query); the rows are read
again only when it moved, so a row kept by another app process shows on this
page's next rerun. A store that cannot be read or reached leaves the map on the
shipped data, with a notice saying so; nothing is queued for later.
"""

from __future__ import annotations

import streamlit as st

from components.sharing import plain
from geo.dataset import Dataset, UserFile, load_rows
from geo.incidents import Context
from geo.store import Store, StoreError, UnreachableStoreError, open_store, store_exists, store_target

__all__ = ["KEPT_LABEL", "app_store", "kept"]

KEPT_LABEL = "your store"  # the origin of kept rows on the map and in the table


@st.cache_resource(show_spinner=False)
def _open(target: str, _context: Context) -> Store:
    """One open store per server process and target (thread-safe; a server connection reconnects itself)."""
    return open_store(target, context=_context)


def app_store(context: Context) -> Store:
    """The store this app uses (the one `KOSOVO_MAP_STORE` names, else the user's SQLite file)."""
    return _open(str(store_target()), context)


@st.cache_resource(max_entries=4, show_spinner=False)
def _kept_files(target: str, revision: int, _store: Store, _base: Dataset) -> tuple[UserFile, ...]:
    """The kept rows checked like any file, once per store revision."""
    return tuple(load_rows(KEPT_LABEL, _store.rows(layer), layer, _base) for layer in ("incident", "deployment"))


def _unreachable(error: StoreError) -> None:
    st.sidebar.warning(
        f"{plain(str(error))}. The map shows the shipped data (and your files) only; rows cannot be kept "
        "or edited until the store is back, and nothing is queued for later."
    )


def kept(base: Dataset) -> list[tuple[str, UserFile]]:
    """What people have kept in the store, as (cache key, checked rows) pairs; [] with a notice on failure."""
    target = store_target()
    if not store_exists(target):
        return []
    try:
        store = app_store(base.context)
        revision = store.revision()
        files = _kept_files(str(target), revision, store, base)
    except UnreachableStoreError as error:
        _unreachable(error)
        return []
    except StoreError as error:
        st.sidebar.error(f"Your store could not be read: {plain(str(error))}")
        return []
    return [(f"store:{target}:{revision}:{user.layer}", user) for user in files]
