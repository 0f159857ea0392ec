"""Who is writing, and whether they may: checked in the store's own write path.

A local program (the CLI, an app bound to localhost) writes as the person who
runs it. A deployed app writes only for signed-in editors listed by e-mail.
The app says who is acting once per script run with `acting_as`; every write
in that run is checked against it, so a forged request that reaches a write
without the widget's check is refused all the same.
"""

from __future__ import annotations

import contextlib
import getpass
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Literal

from geo.store.errors import NotAllowedError

__all__ = ["Actor", "Policy", "acting_as", "current"]

How = Literal["local", "signed-in", "anonymous"]


@dataclass(frozen=True)
class Actor:
    """Someone who reads or changes the store: recorded with every change."""

    name: str
    how: How

    @classmethod
    def local(cls, name: str | None = None) -> Actor:
        """The person running this program on this computer (their login name)."""
        return cls(name or _login_name(), "local")

    @classmethod
    def signed_in(cls, email: str) -> Actor:
        """An editor who signed in with OpenID Connect (their e-mail address)."""
        return cls(email.strip().lower(), "signed-in")

    @classmethod
    def anonymous(cls) -> Actor:
        """A visitor of a deployed app who has not signed in."""
        return cls("an anonymous visitor", "anonymous")

    @property
    def label(self) -> str:
        """How the audit table names this actor."""
        return {"local": f"local:{self.name}", "signed-in": self.name, "anonymous": "anonymous"}[self.how]


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in a bare container
        return "unknown"


@dataclass(frozen=True)
class Policy:
    """Who may write: local users (when the program runs locally) and the listed editors."""

    local_writes: bool
    editors: frozenset[str] = frozenset()

    @classmethod
    def local(cls) -> Policy:
        """A program on the user's own computer: the CLI, or the app bound to localhost."""
        return cls(local_writes=True)

    @classmethod
    def deployed(cls, editors: Iterable[str]) -> Policy:
        """A deployed app: read-only, except for the editors listed (by e-mail)."""
        return cls(local_writes=False, editors=frozenset(e.strip().lower() for e in editors if e.strip()))

    def allows(self, actor: Actor) -> bool:
        """True when this actor may keep, edit or delete rows."""
        if actor.how == "signed-in":  # on one's own computer, signing in changes nothing
            return self.local_writes or actor.name in self.editors
        return actor.how == "local" and self.local_writes

    def check(self, actor: Actor) -> None:
        """Raise NotAllowedError unless this actor may write."""
        if not self.allows(actor):
            raise NotAllowedError(actor.name if actor.how != "local" else f"{actor.name} (a remote visitor)")


_CURRENT: ContextVar[tuple[Actor, Policy] | None] = ContextVar("kosovo_map_actor", default=None)


def current() -> tuple[Actor, Policy]:
    """Who is acting here and under which policy: the CLI's default is the local user, allowed."""
    return _CURRENT.get() or (Actor.local(), Policy.local())


@contextlib.contextmanager
def acting_as(actor: Actor, policy: Policy) -> Iterator[None]:
    """Every store write inside the block is made as `actor` and checked against `policy`."""
    token = _CURRENT.set((actor, policy))
    try:
        yield
    finally:
        _CURRENT.reset(token)
