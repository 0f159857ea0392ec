"""Symbols shared by every way of drawing records: colour, letter and letter colour per event type and kind.

The colours are Okabe and Ito's palette, made to stay distinguishable for the
common colour-vision deficiencies; each letter's colour (black or white) is
the one that reaches at least 4.5:1 contrast on its background, and the letter
keeps types apart in greyscale prints too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

__all__ = ["DEPLOYMENT_COLOUR", "DEPLOYMENT_STYLE", "EVENT_STYLE", "MANY_STYLE", "Symbol", "contrast", "style_table"]


class Symbol(NamedTuple):
    colour: str
    letter: str
    text: str  # the letter's colour
    label: str = ""


EVENT_STYLE: Mapping[str, Symbol] = {
    "Battles": Symbol("#D55E00", "B", "#000000"),
    "Explosions/Remote violence": Symbol("#E69F00", "E", "#000000"),
    "Violence against civilians": Symbol("#CC79A7", "V", "#000000"),
    "Protests": Symbol("#56B4E9", "P", "#000000"),
    "Riots": Symbol("#F0E442", "R", "#000000"),
    "Strategic developments": Symbol("#0072B2", "S", "#FFFFFF"),
}
DEPLOYMENT_COLOUR = "#009E73"
DEPLOYMENT_STYLE: Mapping[str, Symbol] = {
    kind: Symbol(DEPLOYMENT_COLOUR, letter, "#000000", kind.replace("_", " "))
    for kind, letter in (("guard_post", "G"), ("reinforcement", "R"), ("base", "B"), ("alert", "A"), ("patrol", "P"))
}
MANY_STYLE = Symbol("#4D4D4D", "", "#FFFFFF", "several records")
_UNKNOWN = Symbol("#777777", "?", "#FFFFFF", "unknown")


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def style_table() -> dict[str, object]:
    """The symbols as the map's script reads them."""

    def table(styles: Mapping[str, Symbol]) -> dict[str, dict[str, str]]:
        return {name: s._asdict() | {"label": s.label or name} for name, s in styles.items()}

    return {
        "types": table(EVENT_STYLE),
        "kinds": table(DEPLOYMENT_STYLE),
        "many": MANY_STYLE._asdict(),
        "unknown": _UNKNOWN._asdict(),
        "deployment": DEPLOYMENT_COLOUR,
    }
