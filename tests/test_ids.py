"""Identifiers: the form of the public contract, and taking identifiers apart."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sei_policy as sp
from sei_policy import ids

SLUGS = st.lists(st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8), min_size=1, max_size=4).map(
    "-".join
)


@pytest.mark.parametrize(
    ("text", "parts"),
    [("action:new-materials", (None, "action", "new-materials")), ("nbs-2018:3", (None, "nbs-2018", "3")),
     ("plan:sei-2020", (None, "plan", "sei-2020")),
     ("sei-2010/industry:new-materials", ("sei-2010", "industry", "new-materials"))],
)  # fmt: skip
def test_parse(text: str, parts: tuple[str | None, str, str]) -> None:
    """An identifier splits into document prefix, kind and slug."""
    assert ids.parse(text) == parts
    assert ids.is_identifier(text)


@pytest.mark.parametrize(
    "text",
    ["", "action", "action:", ":new", "Action:new", "action:New", "action:new materials", "action:new--materials",
     "action:-new", "action:new-", "a/b/c:d", "action:new:materials", " action:new", "action:新材料"],
)  # fmt: skip
def test_malformed(text: str) -> None:
    """Anything else is not an identifier; parse says so with a ValueError naming the text."""
    assert not ids.is_identifier(text)
    with pytest.raises(sp.errors.InvalidArgumentError, match="not an identifier") as caught:
        ids.parse(text)
    assert isinstance(caught.value, ValueError)


def test_parse_refuses_non_text() -> None:
    """A non-string is a type error; is_identifier just says no."""
    with pytest.raises(sp.errors.InvalidArgumentTypeError):
        ids.parse(4)  # type: ignore[arg-type]
    assert not ids.is_identifier(None)


@given(st.one_of(st.none(), SLUGS), SLUGS, SLUGS)
def test_round_trip(document: str | None, kind: str, slug: str) -> None:
    """Every identifier built from slugs parses back into its parts."""
    text = f"{kind}:{slug}" if document is None else f"{document}/{kind}:{slug}"
    assert ids.parse(text) == (document, kind, slug)
    assert ids.slug(text if document is None else f"{kind}:{slug}") == slug


@given(st.text())
def test_any_text_parses_or_is_refused(text: str) -> None:
    """parse never raises anything but InvalidArgumentError, and agrees with is_identifier."""
    try:
        ids.parse(text)
    except sp.errors.InvalidArgumentError:
        assert not ids.is_identifier(text)
    else:
        assert ids.is_identifier(text)


def test_every_shipped_identifier_has_the_form() -> None:
    """Every record's identifier parses, with its kind as the prefix and no document prefix."""
    records = [*sp.plan().records, *sp.classification().categories]
    assert all(ids.parse(r.id) == (None, r.kind.value, ids.slug(r.id)) for r in records)
