"""What can go wrong with a store, each in plain words naming the store."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "BusyStoreError",
    "ConflictError",
    "CorruptStoreError",
    "NotAllowedError",
    "NotEmptyError",
    "ReadOnlyStoreError",
    "RecordNotFoundError",
    "StoreError",
    "StoreFullError",
    "UnreachableStoreError",
]


class StoreError(Exception):
    """The store cannot be opened, read or written; the message says why."""


class CorruptStoreError(StoreError):
    """The store file exists but is not a readable store of ours; it is left untouched."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = path
        super().__init__(
            f"{path}: not a readable kosovo-map store ({reason}). The file was left untouched; "
            "move it aside or restore it from an export to start again."
        )


class BusyStoreError(StoreError):
    """Another program held the store's write lock for longer than we wait."""

    def __init__(self, where: str) -> None:
        super().__init__(
            f"{where}: the store is busy (another program is writing to it); nothing was changed, try again"
        )


class ReadOnlyStoreError(StoreError):
    """The store can be read (and exported) but not written."""

    def __init__(self, where: str, reason: str = "the file or its folder is read-only") -> None:
        super().__init__(f"{where}: the store is read-only ({reason}); it can be read and exported, not changed")


class StoreFullError(StoreError):
    """The disk (or the database's quota) is full; the transaction was rolled back."""

    def __init__(self, where: str) -> None:
        super().__init__(f"{where}: the disk is full; nothing of this change was kept, the store is as it was")


class UnreachableStoreError(StoreError):
    """The database server cannot be reached or refuses the connection."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: the store's database cannot be reached ({reason})")


class NotAllowedError(StoreError):
    """The actor may not write to this store (an anonymous visitor of a deployed app, say)."""

    def __init__(self, who: str) -> None:
        super().__init__(f"{who} may not change the store: sign in as one of the app's editors")


class RecordNotFoundError(StoreError):
    """No kept record has this id."""

    def __init__(self, record_id: str) -> None:
        super().__init__(f"no kept record has the id {record_id!r}")


class NotEmptyError(StoreError):
    """A copy's target already holds records."""

    def __init__(self, where: str, count: int) -> None:
        super().__init__(f"{where} already holds {count} record(s); copy into an empty store")


class ConflictError(StoreError):
    """Someone else changed the record since it was read: nothing was overwritten.

    `mine` is the row as this editor wanted it, `theirs` the row now in the store.
    """

    def __init__(
        self, record_id: str, expected: int, current: int, mine: Mapping[str, str], theirs: Mapping[str, str], by: str
    ) -> None:
        self.record_id, self.expected, self.current = record_id, expected, current
        self.mine, self.theirs, self.by = dict(mine), dict(theirs), by
        lines = [
            f"{record_id}: changed by {by or 'someone else'} since you opened it "
            f"(you edited version {expected}, the store has version {current}); nothing was overwritten.",
            *conflict_lines(self.mine, self.theirs),
        ]
        super().__init__("\n".join(lines))


def conflict_lines(mine: Mapping[str, str], theirs: Mapping[str, str]) -> list[str]:
    """One line per column that differs: `column: yours 'a' / theirs 'b'`."""
    columns = sorted(set(mine) | set(theirs))
    return [
        f"  {c}: yours {mine.get(c, '')!r} / in the store {theirs.get(c, '')!r}"
        for c in columns
        if mine.get(c, "") != theirs.get(c, "")
    ]
