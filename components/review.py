"""From a news article to reviewed rows: propose, let a person fix or drop, keep in the user's store."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from components.assets import localize
from components.mapview import build_map
from components.view import View
from geo.dataset import Dataset, load_rows
from geo.extract import Extraction, extract, to_rows
from geo.incidents import DataError
from geo.schema import Layer
from geo.store import StoreError, open_store

__all__ = ["candidate_tables", "missing_summaries", "review_panel", "rows_to_keep"]

_LAYERS: tuple[tuple[Layer, str], ...] = (("incident", "Incidents"), ("deployment", "Deployments"))


def candidate_tables(extraction: Extraction, source: dict[str, str]) -> dict[Layer, pd.DataFrame]:
    """Editable tables of the proposed rows, with a keep box and the evidence beside each.

    The summary starts empty: the article's sentence is shown as evidence, and the
    reviewer writes the summary in their own words.
    """
    incident_rows, deployment_rows = to_rows(extraction.candidates, source)
    evidence = {layer: [c.evidence.text for c in extraction.candidates if c.kind == layer] for layer, _ in _LAYERS}
    tables = {}
    for (layer, _), rows in zip(_LAYERS, (incident_rows, deployment_rows), strict=True):
        table = pd.DataFrame(rows)
        if table.empty:
            tables[layer] = table
            continue
        table["summary"] = ""
        table.insert(0, "keep", True)
        table["evidence"] = evidence[layer]
        tables[layer] = table
    return tables


def missing_summaries(table: pd.DataFrame) -> list[int]:
    """Row numbers (from 1) of kept rows without a summary."""
    kept = table[table["keep"]] if "keep" in table else table
    return [int(i) + 1 for i, summary in zip(kept.index, kept["summary"], strict=True) if not str(summary).strip()]


def rows_to_keep(table: pd.DataFrame) -> list[dict[str, str]]:
    """The ticked rows as CSV-schema dicts, ready for the store."""
    kept = table[table["keep"]].drop(columns=["keep", "evidence"])
    return [{k: "" if pd.isna(v) else str(v) for k, v in row.items()} for row in kept.to_dict("records")]


def _article_form() -> tuple[str, dict[str, str]] | None:
    text = st.text_area("Article text", key="article_text", height=200, max_chars=200_000)
    upload = st.file_uploader("…or a plain-text file of it", type=["txt"], key="article_file")
    if upload is not None and not text.strip():
        try:
            text = upload.getvalue().decode("utf-8-sig")[:200_000]
        except UnicodeDecodeError:
            st.error("That file is not UTF-8 text; paste the article instead.")
    title_col, publisher_col, date_col, url_col = st.columns([3, 2, 1, 3])
    title = title_col.text_input("Title", key="article_title", max_chars=300)
    publisher = publisher_col.text_input("Publisher", key="article_publisher", max_chars=120)
    published = date_col.date_input("Published", key="article_date", value=date.today(), max_value=date.today())
    url = url_col.text_input("URL (if any)", key="article_url", max_chars=500)
    if not st.button("Find incidents in the article", key="find_incidents"):
        return None
    if not text.strip() or not title.strip() or not publisher.strip():
        st.error("Give the article's text, title and publisher: every kept row cites them.")
        return None
    source = {"publisher": publisher.strip(), "title": title.strip(), "date": published.isoformat(), "url": url.strip()}
    return text, source


def _named_elsewhere(extraction: Extraction) -> None:
    notes = [f"{m.place} (outside the map's area)" for m in extraction.out_of_area]
    notes += [f"{m.place} ({m.role.replace('_', ' ')})" for m in extraction.unmapped]
    if notes:
        st.caption("Named but not proposed as places of events: " + "; ".join(dict.fromkeys(notes)))


def _preview(dataset: Dataset, tables: dict[Layer, pd.DataFrame]) -> None:
    frames = {
        layer: load_rows("article", rows_to_keep(t), layer, dataset).frame for layer, t in tables.items() if not t.empty
    }
    empty = dataset.incidents.iloc[0:0]
    fmap = build_map(frames.get("incident", empty), frames.get("deployment", dataset.deployments.iloc[0:0]),
                     dataset.municipalities.frame, View())  # fmt: skip
    st_folium(localize(fmap), key="candidates_map", height=360, use_container_width=True, returned_objects=[])


def _keep(dataset: Dataset, tables: dict[Layer, pd.DataFrame], label: str) -> None:
    for layer, table in tables.items():
        if not table.empty and (missing := missing_summaries(table)):
            st.error(f"{layer.title()} rows {missing}: write a short summary in your own words before keeping them.")
            return
    saved = 0
    try:
        with open_store(context=dataset.context) as store:
            for layer, table in tables.items():
                rows = rows_to_keep(table) if not table.empty else []
                saved += store.save(rows, layer, label) if rows else 0
    except DataError as error:
        st.error("Nothing was kept; fix these cells first:")
        st.code("\n".join(str(p) for p in error.problems), language=None)
        return
    except StoreError as error:
        st.error(str(error))
        return
    st.session_state.pop("candidates", None)
    st.success(f"Kept {saved} row(s) in your store; they are on the map now (origin: your store).")


def review_panel(dataset: Dataset) -> None:
    """Paste an article, review the proposed rows on a map and in a table, keep the good ones."""
    st.markdown(
        "Paste a news report: the app proposes the incidents and deployments it describes. "
        "Check each row, fix what is wrong, untick what is not an event, **write the summary in your own words**, "
        "then keep them. Kept rows cite the article and are stored on this computer only."
    )
    asked = _article_form()
    if asked is not None:
        text, source = asked
        extraction = extract(text, date.fromisoformat(source["date"]), dataset.gazetteer)
        st.session_state["candidates"] = (source, extraction, candidate_tables(extraction, source))
    if "candidates" not in st.session_state:
        return
    source, extraction, tables = st.session_state["candidates"]
    if not extraction.candidates:
        st.info("No incident or deployment with a place in the map's area was found in this article.")
        return
    _named_elsewhere(extraction)
    edited: dict[Layer, pd.DataFrame] = {}
    for layer, title in _LAYERS:
        if tables[layer].empty:
            continue
        st.markdown(f"**{title}**")
        edited[layer] = st.data_editor(
            tables[layer], key=f"edit_{layer}", hide_index=True, disabled=["evidence", "id"], num_rows="fixed"
        )
    _preview(dataset, edited)
    if st.button("Keep the ticked rows", key="keep_rows", type="primary"):
        _keep(dataset, edited, f"{source['publisher']}: {source['title']}")
