"""components.sharing.plain: data text shown in Streamlit markdown stays text (issue 9)."""

from __future__ import annotations

import re

import pytest

from components.sharing import WORD_JOINER, plain


def _as_read(shown: str) -> str:
    """What a reader sees: markdown's escapes read, the invisible word joiners left out."""
    return re.sub(r"\\(.)", r"\1", shown).replace(WORD_JOINER, "")


@pytest.mark.parametrize(
    "text",
    ["*bold* _it_ `code` [x](http://e.org) <b>", "# heading", "1. list", "a|b ~c~ {d} !e +f -g", "back\\slash"],
)
def test_markdown_is_escaped_and_reads_as_written(text: str) -> None:
    shown = plain(text)
    assert _as_read(shown) == text
    assert not re.search(r"(?<!\\)[*_`\[\]<>#|~]", shown)  # every markdown character escaped


@pytest.mark.parametrize(
    ("text", "broken"),
    [
        ("see www.evil.org", "www" + WORD_JOINER),
        ("WWW.EVIL.ORG", "WWW" + WORD_JOINER),
        ("at http://evil.org/x", "http" + WORD_JOINER + ":"),
        ("HTTPS://evil.org", "HTTPS" + WORD_JOINER + ":"),
        ("write a@evil.org", "@" + WORD_JOINER),
        ("mailto:someone", "mailto" + WORD_JOINER + ":"),
    ],
)
def test_web_and_mail_addresses_cannot_become_links(text: str, broken: str) -> None:
    shown = plain(text)
    assert broken in shown
    assert _as_read(shown) == text


def test_ordinary_colons_and_numbers_are_left_alone() -> None:
    assert WORD_JOINER not in plain("At 10:30 on 2024-01-02: three arrested, 52+ injured")
