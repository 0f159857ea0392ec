"""The view's URL form: every valid view survives a round trip; no parameter can break decoding."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from components.view import BASEMAPS, LAYERS, View, decode, encode

SPAN = (date(2021, 1, 1), date(2024, 12, 31))
TYPES = ("Battles", "Protests", "Riots", "Strategic developments")
ACTORS = ("KFOR", "Police Forces of Kosovo", "Protesters (Kosovo Serbs)", "Unidentified | armed, group", "100% -")
MUNIS = ("mun-zvecan", "mun-leposavic", "mun-zubin-potok", "mun-north-mitrovica")
IDS = ("inc-2023-05-29-zvecan-town-hall", "dep-2023-05-30-orf-reinforcement")
CHOICES = {"event_types": frozenset(TYPES), "actors": frozenset(ACTORS), "municipalities": frozenset(MUNIS),
           "selected": frozenset(IDS)}  # fmt: skip


def _subset(items: tuple[str, ...]) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(st.sampled_from(items), unique=True, max_size=len(items)).map(tuple)


@st.composite
def views(draw: st.DrawFn) -> View:
    start = draw(st.none() | st.dates(SPAN[0], SPAN[1]))
    end = draw(st.none() | st.dates(start or SPAN[0], SPAN[1]))
    return View(
        start=start,
        end=end,
        event_types=draw(_subset(TYPES)),
        actors=draw(_subset(ACTORS)),
        municipalities=draw(_subset(MUNIS)),
        text=draw(st.text(max_size=50).filter(lambda t: t == t.strip() or not t)),
        layers=draw(st.lists(st.sampled_from(LAYERS), unique=True, min_size=1).map(tuple)),
        center=(
            draw(st.floats(-89, 89).map(lambda v: round(v, 5))),
            draw(st.floats(-179, 179).map(lambda v: round(v, 5))),
        ),
        zoom=draw(st.integers(5, 18)),
        selected=draw(st.sampled_from(("", *IDS))),
        basemap=draw(st.sampled_from(BASEMAPS)),
    )


@settings(max_examples=300, deadline=None)
@given(views())
def test_every_valid_view_survives_the_url(view: View) -> None:
    decoded, notices = decode(encode(view), CHOICES, SPAN)
    assert notices == []
    # A link's selection is one to show: the map centres on it and opens it.
    assert decoded == replace(view, focus=1 if view.selected else 0)


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(st.sampled_from(["start", "end", "event_types", "actors", "municipalities", "q", "layers",
                                        "map", "selected", "other"]), st.text(max_size=80)))  # fmt: skip
def test_arbitrary_parameters_never_raise_and_always_give_a_valid_view(params: dict[str, str]) -> None:
    view, notices = decode(params, CHOICES, SPAN)
    assert all(isinstance(n, str) for n in notices)
    assert set(view.layers) <= set(LAYERS)
    assert set(view.event_types) <= set(TYPES) and set(view.municipalities) <= set(MUNIS)
    assert 5 <= view.zoom <= 18 and -90 <= view.center[0] <= 90 and -180 <= view.center[1] <= 180
    if view.start and view.end:
        assert view.start <= view.end
    assert view.selected in ("", *IDS)


def test_hostile_values_are_named_not_echoed() -> None:
    view, notices = decode(
        {"start": "<script>alert(1)</script>", "end": "2023-01-01", "layers": "nukes", "map": "0,0,999"}, CHOICES, SPAN
    )
    assert view.start is None and view.end == date(2023, 1, 1)
    assert view.layers == View().layers and view.zoom == View().zoom
    assert notices == [
        "ignored start: not a date (YYYY-MM-DD)",
        "ignored map: zoom must be a whole number from 5 to 18",
        "ignored layers: 1 unknown value(s)",
    ]
    assert not any("<script>" in n for n in notices)


def test_end_before_start_drops_both() -> None:
    view, notices = decode({"start": "2023-06-01", "end": "2023-05-01"}, CHOICES, SPAN)
    assert (view.start, view.end) == (None, None)
    assert notices == ["ignored start/end: end before start"]


def test_defaults_make_an_empty_query() -> None:
    assert encode(View()) == {}
