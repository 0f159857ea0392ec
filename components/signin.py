"""Who is using the page, and whether they may change the store: sign-in with Streamlit's `st.login`.

- No sign-in configured and the app listening on this computer only (the
  default `server.address = "localhost"`), reached directly: the person at the
  keyboard keeps rows, as before.
- Sign-in configured (an `[auth]` section in `.streamlit/secrets.toml`): only
  signed-in editors listed in `[kosovo_map] editors = [...]` may write.
- Anything else (another address, a proxy in front) is read-only.

`session_access()` wraps a script run, so every store write in it is checked
against this decision in the store itself, whatever the widgets showed.
"""

from __future__ import annotations

import contextlib
import ipaddress
from collections.abc import Iterator
from urllib.parse import urlsplit

import streamlit as st

from components.sharing import plain
from geo.store import Actor, Policy, acting_as

__all__ = ["access", "auth_configured", "editors", "is_local", "may_write", "session_access", "signin_panel"]

_FORWARDING_HEADERS = ("X-Forwarded-For", "X-Forwarded-Host", "Forwarded", "X-Real-Ip")
_AUTH_KEYS = ("redirect_uri", "cookie_secret")


def _secrets_section(name: str) -> dict:
    try:
        return dict(st.secrets.get(name) or {})
    except (FileNotFoundError, st.errors.StreamlitSecretNotFoundError):  # no secrets file: nothing configured
        return {}


def auth_configured() -> bool:
    """Whether `.streamlit/secrets.toml` configures an OpenID Connect provider for `st.login`."""
    section = _secrets_section("auth")
    return all(section.get(key) for key in _AUTH_KEYS) and bool(
        section.get("client_id") or any(isinstance(v, dict) for v in section.values())
    )


def editors() -> list[str]:
    """The e-mail addresses that may write, from `[kosovo_map] editors` in the secrets file."""
    listed = _secrets_section("kosovo_map").get("editors", [])
    return [str(e).strip().lower() for e in listed if str(e).strip()] if isinstance(listed, list) else []


def _loopback(host: str | None) -> bool:
    if host is None:
        return True
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def is_local() -> bool:
    """The app listens on this computer only and this page was reached directly (no proxy, no other host)."""
    if not (st.get_option("server.address") or "").strip() or not _loopback(st.get_option("server.address")):
        return False
    headers = st.context.headers
    if any(headers.get(name) for name in _FORWARDING_HEADERS):
        return False
    host = urlsplit(f"//{headers.get('Host', 'localhost')}").hostname
    origin = headers.get("Origin")
    remote = st.context.ip_address
    return (
        _loopback(host)
        and (not origin or _loopback(urlsplit(origin).hostname))
        and (not isinstance(remote, str) or _loopback(remote))
    )


def _signed_in_email() -> str | None:
    try:
        if not st.user.get("is_logged_in"):
            return None
        email, verified = st.user.get("email"), st.user.get("email_verified")
    except (AttributeError, KeyError):
        return None
    return str(email) if email and verified is not False else None


def access() -> tuple[Actor, Policy]:
    """Who is acting on this page, and the policy their writes are checked against."""
    if auth_configured():
        email = _signed_in_email()
        return (Actor.signed_in(email) if email else Actor.anonymous()), Policy.deployed(editors())
    if is_local():
        return Actor.local(), Policy.local()
    return Actor.anonymous(), Policy.deployed(())


def may_write() -> bool:
    """Whether the person on this page may keep, edit or delete rows (widgets show controls only then)."""
    actor, policy = access()
    return policy.allows(actor)


@contextlib.contextmanager
def session_access() -> Iterator[None]:
    """Run a page with every store write checked against who is signed in (see `geo.store.acting_as`)."""
    with acting_as(*access()):
        yield


def signin_panel() -> None:
    """Sign in / out in the sidebar, and say plainly what this visitor may do."""
    if not auth_configured():
        if not is_local():
            st.sidebar.caption("This map is read-only here: keeping and editing rows needs sign-in, not configured.")
        return
    email = _signed_in_email()
    if email is None:
        st.sidebar.caption("Editors sign in to keep and edit rows.")
        if st.sidebar.button("Sign in", key="sign_in"):
            st.login()
        return
    role = "editor" if email in editors() else "not an editor of this map: read-only"
    st.sidebar.caption(f"Signed in as {plain(email)} ({role})")
    if st.sidebar.button("Sign out", key="sign_out"):
        st.logout()
