"""From a news article to reviewed rows: propose, let a person fix or drop, keep in the user's store.

The page never assumes a date: the article's own dateline or publication line gives it, or the
person types it. Proposals come in the order of the text, each with the sentence it rests on
beside the summary the person writes, and a warning with a link when the map already holds a
record of the same type within a day and 5 km. Extraction runs in a process of its own, so a long
paste never holds up anyone else's page.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import quote

import numpy as np
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from components.assets import localize
from components.mapview import build_map
from components.sharing import plain
from components.signin import may_write
from components.view import View
from geo.dataset import DATA_DIR, Dataset, load_rows
from geo.extract import (
    MAX_CHARS,
    Candidate,
    Extraction,
    ExtractionError,
    MissingDateError,
    extract,
    languages,
    to_rows,
)
from geo.extract.job import request, result
from geo.gazetteer import Gazetteer
from geo.incidents import DataError
from geo.schema import Layer
from geo.store import StoreError, open_store

__all__ = [
    "DUPLICATE_DAYS",
    "DUPLICATE_KM",
    "candidate_tables",
    "likely_duplicates",
    "missing_summaries",
    "propose",
    "review_panel",
    "rows_to_keep",
]

_LAYERS: tuple[tuple[Layer, str], ...] = (("incident", "Incidents"), ("deployment", "Deployments"))
DUPLICATE_DAYS, DUPLICATE_KM = 1, 5.0
_EARTH_KM = 6371.0088
_WORKER_SECONDS = 120
_ROOT = Path(__file__).resolve().parent.parent  # where `python -m geo.extract.job` finds the package
_TYPE_COLUMN: dict[Layer, str] = {"incident": "event_type", "deployment": "kind"}
_FIRST_COLUMNS: dict[Layer, tuple[str, ...]] = {
    "incident": ("keep", "date", "event_type", "place", "evidence", "summary", "on_the_map", "place_id"),
    "deployment": ("keep", "start_date", "kind", "place", "evidence", "summary", "on_the_map", "place_id"),
}
_HELPER_COLUMNS = ("keep", "place", "evidence", "on_the_map")  # shown to the reviewer, not stored


# --- pure parts -------------------------------------------------------------------


def _km(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Great-circle distances in km from one point to many."""
    phi1, phi2 = np.radians(lat), np.radians(lats)
    dphi, dlambda = phi2 - phi1, np.radians(lons - lon)
    a = np.sin(dphi / 2) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin(dlambda / 2) ** 2
    return 2 * _EARTH_KM * np.arcsin(np.sqrt(a))


def likely_duplicates(candidate: Candidate, records: pd.DataFrame) -> list[str]:
    """Ids of records of the same type, dated within a day of the candidate and within 5 km of it."""
    if records.empty:
        return []
    type_column = _TYPE_COLUMN[candidate.kind]
    near_day = (records["date"] - pd.Timestamp(candidate.date)).abs() <= pd.Timedelta(days=DUPLICATE_DAYS)
    same = records[near_day & (records[type_column] == candidate.type)]
    if same.empty:
        return []
    close = _km(candidate.lat, candidate.lon, same["lat"].to_numpy(), same["lon"].to_numpy()) <= DUPLICATE_KM
    return list(same.loc[close, "id"])


def _record_link(record_id: str) -> str:
    return "?selected=" + quote(record_id, safe="")


def _duplicate_links(candidates: list[Candidate], records: pd.DataFrame | None) -> list[str]:
    if records is None:
        return [""] * len(candidates)
    return [next(map(_record_link, likely_duplicates(c, records)), "") for c in candidates]


def candidate_tables(
    extraction: Extraction, source: dict[str, str], dataset: Dataset | None = None
) -> dict[Layer, pd.DataFrame]:
    """Editable tables of the proposed rows in text order: a keep box, the evidence sentence beside the
    summary (which starts empty: the reviewer writes it in their own words), and a link to a record
    already on the map that the row may duplicate."""
    incident_rows, deployment_rows = to_rows(extraction.candidates, source)
    tables = {}
    for (layer, _), rows in zip(_LAYERS, (incident_rows, deployment_rows), strict=True):
        candidates = [c for c in extraction.candidates if c.kind == layer]
        records = None if dataset is None else (dataset.incidents if layer == "incident" else dataset.deployments)
        tables[layer] = _table(layer, rows, candidates, _duplicate_links(candidates, records))
    return tables


def _table(layer: Layer, rows: list[dict[str, str]], candidates: list[Candidate], links: list[str]) -> pd.DataFrame:
    table = pd.DataFrame(rows)
    if table.empty:
        return table
    table["summary"] = ""
    table["keep"] = True
    table["place"] = [c.place for c in candidates]
    table["evidence"] = [c.evidence.text for c in candidates]
    table["on_the_map"] = links
    first = list(_FIRST_COLUMNS[layer])
    return table[first + [c for c in table.columns if c not in first]]


def missing_summaries(table: pd.DataFrame) -> list[int]:
    """Row numbers (from 1) of kept rows without a summary."""
    kept = table[table["keep"]] if "keep" in table else table
    return [int(i) + 1 for i, summary in zip(kept.index, kept["summary"], strict=True) if not str(summary).strip()]


def rows_to_keep(table: pd.DataFrame) -> list[dict[str, str]]:
    """The ticked rows as CSV-schema dicts, ready for the store; each still cites the article inline."""
    kept = table[table["keep"]].drop(columns=[c for c in _HELPER_COLUMNS if c in table])
    return [{k: "" if pd.isna(v) else str(v) for k, v in row.items()} for row in kept.to_dict("records")]


def reading_note(extraction: Extraction) -> str:
    """How the article was read: its language and where its date came from."""
    language = languages()[extraction.language].name
    when = extraction.published.strftime("%d %B %Y") if extraction.published else "?"
    if extraction.published_from == "given":
        return f"Read as {language}; relative dates count from {when}, the date you gave."
    return f"Read as {language}; dated {when} by the article's {extraction.published_from}."


# --- extraction in a process of its own ------------------------------------------


def propose(text: str, published: date | None, gazetteer: Gazetteer) -> Extraction:
    """Extract in a process of its own (`python -m geo.extract.job`), so that the server's interpreter is never
    held; in this process only if that process cannot run. TimeoutError when it takes too long."""
    job = request(text, published, DATA_DIR / "places.csv")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "geo.extract.job"], input=job, capture_output=True, text=True,
            timeout=_WORKER_SECONDS, cwd=_ROOT, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise TimeoutError(f"reading the article took more than {_WORKER_SECONDS} s") from None
    if done.returncode != 0 or not done.stdout:
        return extract(text, published, gazetteer)
    return result(done.stdout)


# --- widgets -------------------------------------------------------------------


@dataclass(frozen=True)
class _Article:
    text: str
    title: str
    publisher: str
    published: date | None
    url: str

    def source(self, published: date | None) -> dict[str, str]:
        day = published.isoformat() if published else ""
        return {"publisher": self.publisher, "title": self.title, "date": day, "url": self.url}


def _article_text() -> str | None:
    text = st.text_area(f"Article text (up to {MAX_CHARS:,} characters)", key="article_text", height=200,
                        max_chars=MAX_CHARS)  # fmt: skip
    # 200,000 characters are at most 800,000 bytes of UTF-8: a larger file cannot be an article we read.
    upload = st.file_uploader("…or a plain-text file of it", type=["txt"], key="article_file", max_upload_size=1)
    if upload is None or text.strip():
        return text
    try:
        uploaded = upload.getvalue().decode("utf-8-sig")
    except UnicodeDecodeError:
        st.error(f"{upload.name} is not UTF-8 text; save it as UTF-8 or paste the article instead.")
        return None
    if len(uploaded) > MAX_CHARS:
        st.error(f"{upload.name} has {len(uploaded):,} characters; the limit is {MAX_CHARS:,}. Give one article.")
        return None
    return uploaded


def _article_form() -> _Article | None:
    text = _article_text()
    title_col, publisher_col, date_col, url_col = st.columns([3, 2, 1, 3])
    title = title_col.text_input("Title", key="article_title", max_chars=300)
    publisher = publisher_col.text_input("Publisher", key="article_publisher", max_chars=120)
    published = date_col.date_input(
        "Published", key="article_date", value=None, max_value=date.today(), format="YYYY-MM-DD",
        help="Leave empty when the article starts with its date (a dateline or a 'Published' line).",
    )  # fmt: skip
    url = url_col.text_input("URL (if any)", key="article_url", max_chars=500)
    if not st.button("Find incidents in the article", key="find_incidents") or text is None:
        return None
    if not text.strip() or not title.strip() or not publisher.strip():
        st.error("Give the article's text, title and publisher: every kept row cites them.")
        return None
    return _Article(text, title.strip(), publisher.strip(), published, url.strip())


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


def _column_config() -> dict[str, object]:
    return {
        "keep": st.column_config.CheckboxColumn("keep", width="small"),
        "evidence": st.column_config.TextColumn("evidence (the article's sentence)", width="large"),
        "summary": st.column_config.TextColumn("summary (your own words)", width="large", max_chars=500),
        "on_the_map": st.column_config.LinkColumn(
            "already on the map?", display_text="open the likely duplicate", width="medium"
        ),
    }


def _find(dataset: Dataset, article: _Article) -> None:
    try:
        extraction = propose(article.text, article.published, dataset.gazetteer)
    except MissingDateError as error:
        st.error(f"{error} Enter it in the Published box.")
        return
    except ExtractionError as error:
        st.error(str(error))
        return
    except TimeoutError:
        st.error("Reading the article took too long; try a shorter text.")
        return
    source = article.source(extraction.published)
    st.session_state["candidates"] = (source, extraction, candidate_tables(extraction, source, dataset))


def _proposals(dataset: Dataset) -> None:
    source, extraction, tables = st.session_state["candidates"]
    st.caption(reading_note(extraction))
    for note in extraction.notes:
        st.warning(plain(note))  # a note quotes the article's dateline: shown as text, never as markdown
    if not extraction.candidates:
        st.info("No incident or deployment with a place in the map's area was found in this article.")
        return
    _named_elsewhere(extraction)
    edited: dict[Layer, pd.DataFrame] = {}
    for layer, title in _LAYERS:
        if tables[layer].empty:
            continue
        st.markdown(f"**{title}**, in the order the article tells them")
        if tables[layer]["on_the_map"].astype(bool).any():
            st.warning("Some rows look like records already on the map (same type, within a day and 5 km).")
        edited[layer] = st.data_editor(
            tables[layer], key=f"edit_{layer}", hide_index=True, disabled=["place", "evidence", "id", "on_the_map"],
            num_rows="fixed", column_config=_column_config(),
        )  # fmt: skip
    _preview(dataset, edited)
    if not may_write():  # the store refuses such a write too; the control is not offered
        st.info("This map is read-only for you: sign in as an editor to keep rows.")
        return
    if st.button("Keep the ticked rows", key="keep_rows", type="primary"):
        _keep(dataset, edited, f"{source['publisher']}: {source['title']}")


def review_panel(dataset: Dataset) -> None:
    """Paste an article, review the proposed rows on a map and in a table, keep the good ones."""
    st.markdown(
        "Paste a news report in English, Serbian (Latin or Cyrillic) or Albanian: the app proposes the incidents "
        "and deployments it describes. Check each row against its sentence, fix what is wrong, untick what is not "
        "an event, **write the summary in your own words**, then keep them. Kept rows cite the article and are "
        "stored on this computer only."
    )
    article = _article_form()
    if article is not None:
        _find(dataset, article)
    if "candidates" in st.session_state:
        _proposals(dataset)
