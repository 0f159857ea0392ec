"""Edit, delete (with undo) and the history of a kept row, under the map's details.

Controls appear only for someone who may write (`components.signin.may_write`);
the store checks again on every write. An edit saves only over the version the
editor read: if someone changed the row since, both versions are shown and
nothing is overwritten.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

from components.kept import KEPT_LABEL, app_store
from components.sharing import plain
from components.signin import may_write
from geo.incidents import Context, DataError
from geo.store import ConflictError, Store, StoredRecord, StoreError, history_rows, store_exists
from geo.store.history import changed_columns
from geo.store.records import COLUMNS

__all__ = ["conflict_frame", "editing_panel", "history_frame"]

_UNDO = "store_undo_delete"
_FLASH = "store_saved_message"


def history_frame(store: Store, record_id: str) -> pd.DataFrame:
    """A record's history as a table: when, who, version, what changed, from which article."""
    return pd.DataFrame(history_rows(store.history(record_id)), columns=["when", "who", "version", "what", "article"])


def conflict_frame(error: ConflictError) -> pd.DataFrame:
    """The columns where the editor's version and the store's differ, side by side."""
    columns = changed_columns(error.mine, error.theirs)
    return pd.DataFrame({
        "column": columns,
        "yours": [error.mine.get(c, "") for c in columns],
        f"in the store (version {error.current})": [error.theirs.get(c, "") for c in columns],
    })  # fmt: skip


def _read(record: StoredRecord) -> tuple[int, dict[str, str]]:
    """The version and row this editor opened (kept until they save or reload, so conflicts show)."""
    key = f"store_read:{record.id}"
    if key not in st.session_state:
        st.session_state[key] = (record.version, dict(record.row))
    return st.session_state[key]


def _forget(record_id: str) -> None:
    st.session_state.pop(f"store_read:{record_id}", None)


def _form(record: StoredRecord, version: int, row: dict[str, str]) -> dict[str, str]:
    columns = st.columns(3)
    edited = {}
    for number, column in enumerate(COLUMNS[record.layer]):
        key = f"store_edit:{record.id}:{version}:{column}"
        edited[column] = columns[number % 3].text_input(column, row.get(column, ""), key=key, disabled=column == "id")
    return edited


def _save(store: Store, record: StoredRecord, version: int, row: dict[str, str]) -> None:
    st.session_state.pop(_FLASH, None)  # the note of an earlier save is no answer to this one
    try:
        saved = store.edit(record.id, row, version)
    except ConflictError as error:
        st.error(
            f"Not saved: {plain(error.by or 'someone else')} changed this row since you opened it "
            f"(you edited version {error.expected}, the store has version {error.current}). Nothing was overwritten."
        )
        st.dataframe(conflict_frame(error), hide_index=True)
        st.caption("Load the current version, then make your change again.")
        return
    except DataError as error:
        st.error("Not saved; fix these cells first:")
        st.code("\n".join(str(p) for p in error.problems), language=None)
        return
    _forget(record.id)
    st.session_state[_FLASH] = (saved.id, f"Saved {plain(saved.id)} as version {saved.version}.")
    st.rerun()  # show the new version everywhere on the page (table, history, form)


def _delete(store: Store, record: StoredRecord, version: int) -> None:
    try:
        deleted = store.delete(record.id, version)
    except ConflictError:
        st.error("Not deleted: someone changed this row since you opened it. Load the current version first.")
        return
    _forget(record.id)
    st.session_state[_UNDO] = deleted.id
    st.rerun()


def _undo(store: Store) -> None:
    record_id = st.session_state.get(_UNDO)
    if not record_id:
        return
    st.info(f"Deleted {plain(record_id)} from the store; it is off the map.")
    if st.button("Undo the delete", key="store_undo"):
        store.restore(record_id)
        st.session_state.pop(_UNDO, None)
        st.rerun()


def _controls(store: Store, record: StoredRecord) -> None:
    version, row = _read(record)
    with st.expander(f"Edit or delete this kept row (version {version})", expanded=False):
        if record.version != version:
            st.warning(
                f"{plain(record.changed_by or 'Someone')} changed this row since you opened it (the store has "
                f"version {record.version}). Load the current version before changing it."
            )
        edited = _form(record, version, row)
        save, delete, reload = st.columns(3)
        if save.button("Save changes", key="store_save", type="primary"):
            _save(store, record, version, edited)
        if delete.button("Delete this row", key="store_delete"):
            _delete(store, record, version)
        if reload.button("Load the current version", key="store_reload"):
            _forget(record.id)
            st.rerun()


def editing_panel(chosen: Mapping[str, Any] | None, context: Context) -> None:
    """History of the chosen record if it is a kept row and, for editors, its edit and delete controls.

    Also offers to undo this session's last delete. `chosen` is the record shown in the details (or None).
    """
    if not store_exists():
        return
    try:
        store = app_store(context)
        writer = may_write() and not store.read_only
        if writer:
            _undo(store)
        record_id = "" if chosen is None else str(chosen.get("id"))
        # The note of a save stays while its record is shown: the map's own report reruns the page at once,
        # and a note shown for one run only would be gone before the editor has read it.
        flash = st.session_state.get(_FLASH)
        if flash and flash[0] == record_id:
            st.success(flash[1])
        elif flash:
            st.session_state.pop(_FLASH, None)
        if chosen is None or chosen.get("origin") != KEPT_LABEL:
            return
        record = store.record(record_id)
        st.markdown("**History of this kept row**")
        st.dataframe(history_frame(store, record_id), hide_index=True)
        if writer and not record.deleted:
            _controls(store, record)
    except StoreError as error:
        st.error(f"The store: {plain(str(error))}")
