"""A record's history as rows a person reads: when, who, what, which columns changed."""

from __future__ import annotations

from collections.abc import Sequence

from geo.store.records import Change

__all__ = ["changed_columns", "history_rows"]

_VERBS = {"add": "kept", "edit": "edited", "delete": "deleted", "restore": "restored"}


def changed_columns(before: dict[str, str] | None, after: dict[str, str] | None) -> list[str]:
    """The columns whose values differ between two versions of a row (all of them for a new row)."""
    old, new = before or {}, after or {}
    if before is None or after is None:
        return []
    return sorted(c for c in set(old) | set(new) if old.get(c, "") != new.get(c, ""))


def _what(change: Change) -> str:
    columns = changed_columns(change.before, change.after)
    if change.action != "edit":
        return _VERBS[change.action]
    if not columns:
        return "edited (no change)"
    details = "; ".join(
        f"{c}: {(change.before or {}).get(c, '')!r} → {(change.after or {}).get(c, '')!r}" for c in columns
    )
    return f"edited {details}"


def history_rows(changes: Sequence[Change]) -> list[dict[str, str]]:
    """One plain-text row per change, oldest first: when, who, version, what changed, from which article."""
    return [
        {
            "when": change.at.replace("T", " ")[:19] + " UTC",
            "who": change.by or "(not recorded)",
            "version": str(change.version),
            "what": _what(change),
            "article": change.source_label,
        }
        for change in changes
    ]
