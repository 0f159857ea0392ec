"""The details panel beside the map (under it on a phone). A widget module: it draws pure details as text."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from components.details import detail_rows, source_lines, title
from components.sharing import plain

__all__ = ["details_panel"]


def _link(url: str) -> str:
    """A URL as a Markdown link target (parentheses encoded so they cannot end it)."""
    return url.replace("(", "%28").replace(")", "%29")


def details_panel(record: Mapping[str, Any] | None, municipality_name: str = "") -> None:
    """The chosen record's details and sources, or a hint on how to choose one."""
    if record is None:
        st.markdown("**Details**")
        st.caption("Click a marker on the map or a row of the table to read its details and sources here.")
        return
    st.markdown(f"**{plain(title(record))}**")
    lines = [f"**{plain(label)}:** {plain(value)}" for label, value in detail_rows(record, municipality_name)]
    st.markdown("  \n".join(lines))
    summary = str(record.get("summary") or "")
    if summary:
        st.markdown(plain(summary))
    sources = source_lines(record)
    if sources:
        st.markdown("**Sources**")
        items = [f"- {plain(s.text)}" + (f" — [read the report]({_link(s.url)})" if s.url else "") for s in sources]
        st.markdown("\n".join(items))
