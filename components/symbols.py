"""Symbols shared by every way of drawing records: colour and letter per event type and deployment kind."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["DEPLOYMENT_COLOUR", "DEPLOYMENT_STYLE", "EVENT_STYLE"]

# Colour and letter per ACLED event type: the letter keeps types apart for
# colour-blind readers and in greyscale prints.
EVENT_STYLE: Mapping[str, tuple[str, str]] = {
    "Battles": ("#b2182b", "B"),
    "Explosions/Remote violence": ("#e66101", "E"),
    "Violence against civilians": ("#762a83", "V"),
    "Protests": ("#1b7837", "P"),
    "Riots": ("#d6604d", "R"),
    "Strategic developments": ("#4d4d4d", "S"),
}
DEPLOYMENT_STYLE: Mapping[str, str] = {
    "guard_post": "G",
    "reinforcement": "R",
    "base": "B",
    "alert": "A",
    "patrol": "P",
}
DEPLOYMENT_COLOUR = "#1f3a93"
