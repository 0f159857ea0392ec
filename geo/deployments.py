"""Deployments inside deployments: `part_of` links checked, and troops counted once.

A contingent (the 200 British soldiers who landed first) may belong to a larger
reinforcement that is also on the map (the battalion of 500+). Summing both would
count the 200 twice, so totals climb each contingent's `part_of` chain and count
the largest deployment shown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass

import pandas as pd

from geo.incidents import Problem

__all__ = ["TroopTotal", "part_of_problems", "troop_totals"]


@dataclass(frozen=True)
class TroopTotal:
    """The soldiers (or officers) one force has in the shown deployments, each counted once."""

    force: str
    strength: int
    at_least: bool  # a figure was "N+", or some shown deployment has no reported strength
    counted: tuple[str, ...]  # ids whose reported figures make up `strength`
    unknown: tuple[str, ...]  # shown deployments of this force without a reported strength
    open_ended: int = 0  # how much of `strength` comes from deployments whose end was not reported

    def __str__(self) -> str:
        return f"{self.force}: {self.strength:,}{'+' if self.at_least else ''}"


@dataclass(frozen=True)
class _Part:
    value: int
    at_least: bool
    counted: tuple[str, ...]
    unknown: tuple[str, ...]


def _parent(row: Mapping[str, object]) -> str:
    value = row.get("part_of")
    return value.strip() if isinstance(value, str) else ""


def part_of_problems(
    deployments: pd.DataFrame, file: str, rows: Mapping[str, int], known: Collection[str] = ()
) -> list[Problem]:
    """`part_of` must name another deployment (of this file or `known`), and no chain may loop."""
    if deployments.empty or "part_of" not in deployments:
        return []
    parents = {str(i): p.strip() for i, p in zip(deployments["id"], deployments["part_of"], strict=True) if p}
    ids = set(deployments["id"]) | set(known)
    problems = []
    for child, parent in parents.items():
        message = ""
        if parent == child:
            message = "a deployment cannot be part of itself"
        elif parent not in ids:
            message = f"part_of names no deployment: {parent!r}"
        elif _loops(child, parents):
            message = f"part_of chain from {child!r} comes back to it"
        if message:
            problems.append(Problem(file, rows.get(child, 0), "part_of", message))
    return problems


def _loops(start: str, parents: Mapping[str, str]) -> bool:
    seen, current = {start}, parents.get(start, "")
    while current:
        if current in seen:
            return True
        seen.add(current)
        current = parents.get(current, "")
    return False


def _strength(row: Mapping[str, object]) -> tuple[int | None, bool]:
    value = row.get("strength")
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return None, False
    return int(value), bool(row.get("strength_at_least"))  # type: ignore[call-overload]


def _children(rows: Mapping[str, Mapping[str, object]]) -> tuple[list[str], dict[str, list[str]]]:
    """The shown deployments that are part of no other shown one, and each one's shown contingents."""
    parents = {record_id: _parent(row) for record_id, row in rows.items()}
    children: dict[str, list[str]] = defaultdict(list)
    roots = []
    for record_id, parent in parents.items():
        if parent in rows and not _loops(record_id, parents):
            children[parent].append(record_id)
        else:
            roots.append(record_id)
    return roots, children


def _contribution(record_id: str, rows: Mapping[str, Mapping[str, object]], children: Mapping[str, list[str]]) -> _Part:
    """The larger of a deployment's own figure and the sum of its shown contingents' figures."""
    parts = [_contribution(child, rows, children) for child in children.get(record_id, [])]
    total = sum(p.value for p in parts)
    own, own_at_least = _strength(rows[record_id])
    below_counted = tuple(i for p in parts for i in p.counted)
    below_unknown = tuple(i for p in parts for i in p.unknown)
    if own is not None and own >= total:
        return _Part(own, own_at_least, (record_id,), ())
    if own is not None:  # its contingents add up to more than its own figure: that figure was low
        return _Part(total, any(p.at_least for p in parts), below_counted, below_unknown)
    return _Part(total, True, below_counted, (record_id, *below_unknown))


def troop_totals(deployments: pd.DataFrame) -> list[TroopTotal]:
    """Troops per force in the given (shown) deployments, a contingent counted once inside its larger deployment.

    Give it the deployments the view shows: a contingent whose larger deployment is filtered out is counted on
    its own. A group belongs to the force of its largest deployment (NATO's reinforcement holds KFOR units).
    """
    if deployments.empty:
        return []
    wanted = ("id", "force", "strength", "strength_at_least", "part_of", "end_date")
    rows = {str(r["id"]): r for r in deployments[[c for c in wanted if c in deployments]].to_dict("records")}
    roots, children = _children(rows)
    by_force: dict[str, list[_Part]] = defaultdict(list)
    for root in roots:
        by_force[str(rows[root].get("force") or "")].append(_contribution(root, rows, children))
    totals = [_total(force, parts, rows) for force, parts in by_force.items()]
    return sorted(totals, key=lambda t: (-t.strength, t.force))


def _total(force: str, parts: list[_Part], rows: Mapping[str, Mapping[str, object]]) -> TroopTotal:
    counted = tuple(i for p in parts for i in p.counted)
    open_ended = sum(_strength(rows[i])[0] or 0 for i in counted if pd.isna(rows[i].get("end_date")))  # type: ignore[call-overload]
    return TroopTotal(
        force,
        sum(p.value for p in parts),
        any(p.at_least or p.unknown for p in parts),
        counted,
        tuple(i for p in parts for i in p.unknown),
        open_ended,
    )
