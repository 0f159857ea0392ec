"""North Kosovo Incident Map: the Streamlit page. It only wires widgets to pure functions."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.datasources import shipped_as_of, user_data
from components.dates import period_choices
from components.filters import municipality_label
from components.findplace import find_place
from components.maptab import map_tab
from components.review import review_panel
from components.scope import scope_line
from components.sharing import plain
from components.sidebar import read_view
from components.signin import session_access, signin_panel
from components.view import View, decode, encode
from geo.dataset import Dataset

st.set_page_config(page_title="North Kosovo Incident Map", page_icon="🗺️", layout="wide")


def actor_choices(dataset: Dataset) -> list[str]:
    """Every actor and force in the data, sorted; computed once per assembled dataset."""
    cache = st.session_state.setdefault("actor_choices", {})
    if id(dataset) not in cache:
        columns = [dataset.incidents.get("actor1"), dataset.incidents.get("actor2"), dataset.deployments.get("force")]
        values = pd.concat([c for c in columns if c is not None]).dropna().astype(str)
        cache.clear()
        cache[id(dataset)] = sorted(set(values[values != ""].unique()))
    return cache[id(dataset)]


def data_span(dataset: Dataset) -> tuple:
    dates = pd.concat([dataset.incidents["date"], dataset.deployments["date"]]).dropna()
    return dates.min().date(), dates.max().date()


class RecordIds:
    """Whether a record id is in the data, asked of the id columns: a set of a million ids costs seconds to build."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    def __contains__(self, record_id: object) -> bool:
        return self.dataset.record(record_id) is not None


def initial_view(dataset: Dataset, span: tuple) -> View:
    """The view a link asks for, once per session; what was ignored is noted until dismissed."""
    if "initial_view" not in st.session_state:
        choices = {
            "event_types": frozenset(dataset.incidents["event_type"].dropna().unique()),
            "actors": frozenset(actor_choices(dataset)),
            "municipalities": frozenset(dataset.municipalities.frame.index),
            "selected": RecordIds(dataset),
        }
        view, notices = decode(dict(st.query_params), choices, span)
        st.session_state["initial_view"], st.session_state["link_notices"] = view, notices
    return st.session_state["initial_view"]


def _dismiss_notices() -> None:
    st.session_state["link_notices"] = []


def link_notices() -> None:
    """What a link asked for that could not be applied: stays until the reader dismisses it."""
    notices = st.session_state.get("link_notices") or []
    if notices:
        lines = "  \n".join(f"Link parameter {plain(n)}." for n in notices)
        st.warning(f"{lines}  \nThe rest of the link was applied.")
        st.button("Dismiss", key="dismiss_notices", on_click=_dismiss_notices)


def header(dataset: Dataset, span: tuple) -> None:
    """The page's title and the one line that says what the map covers."""
    st.markdown("### North Kosovo Incident Map")
    sources = len({source.title for source in dataset.context.sources.values()})
    st.caption(scope_line(sources, span, shipped_as_of()))


def main() -> None:
    signin_panel()
    filters = st.sidebar.container()  # drawn above the upload, though read after it
    dataset = user_data()
    span = data_span(dataset)
    names = dataset.municipalities.frame["name_en"].to_dict()
    periods = period_choices(dataset.incidents["date"])
    view = read_view(
        initial_view(dataset, span),
        span,
        sorted(dataset.incidents["event_type"].dropna().unique()),
        actor_choices(dataset),
        {m: municipality_label(m, dataset.gazetteer) for m in sorted(names, key=names.get)},
        periods,
        where=filters,
    )
    with filters:
        place = find_place(dataset.gazetteer)
    header(dataset, span)
    link_notices()
    map_view, news = st.tabs(["Map", "Add from a news article"])
    with map_view:
        view = map_tab(dataset, view, names, span, place)
    with news:
        review_panel(dataset)
    st.query_params.from_dict(encode(view))
    st.caption(
        "Boundaries © OpenStreetMap contributors (ODbL), via geoBoundaries · places: GeoNames (CC BY 4.0) and the "
        "NGA GEOnet Names Server · "
        "map tiles © OpenStreetMap contributors and CARTO when online."
    )


with session_access():  # every store write in this run is checked against who is signed in
    main()
