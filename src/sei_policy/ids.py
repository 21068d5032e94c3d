"""Identifiers: their form, and taking them apart.

An identifier is ``<kind>:<slug>`` in lower-case ASCII, the slug in kebab-case:
``action:new-materials``. The classification's fields follow the same form with
the scheme as their kind (``nbs-2018:3``). Records of other policy documents,
should the library carry them, will take the document's prefix
(``sei-2010/industry:new-materials``), so that nothing of the 2020 plan is ever
renamed; :func:`parse` reads that form already.

>>> parse("action:new-materials")
(None, 'action', 'new-materials')
>>> parse("sei-2010/industry:new-materials")
('sei-2010', 'industry', 'new-materials')
>>> is_identifier("Action:New Materials")
False
"""

from __future__ import annotations

import re

from sei_policy.errors import InvalidArgumentError, InvalidArgumentTypeError

__all__ = ("SLUG", "is_identifier", "parse", "slug")

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""A kebab-case slug, made of lower-case ASCII letters and digits in runs joined by single hyphens."""

_IDENTIFIER = re.compile(rf"(?:(?P<document>{SLUG.pattern})/)?(?P<kind>{SLUG.pattern}):(?P<slug>{SLUG.pattern})")


def parse(identifier: str) -> tuple[str | None, str, str]:
    """Split an identifier into its document prefix (``None`` for the 2020 plan), kind and slug.

    Raises:
        InvalidArgumentError: the text is not of the identifier form (a ``ValueError``).
        InvalidArgumentTypeError: the identifier is not a string.

    >>> parse("nbs-2018:3")
    (None, 'nbs-2018', '3')
    """
    if not isinstance(identifier, str):
        raise InvalidArgumentTypeError("parse()", "identifier", "a string", identifier)
    match = _IDENTIFIER.fullmatch(identifier)
    if match is None:
        raise InvalidArgumentError(
            f"not an identifier: {identifier[:80]!r}; expected <kind>:<slug> in lower-case kebab-case, "
            "such as 'action:new-materials'"
        )
    return match["document"], match["kind"], match["slug"]


def is_identifier(text: object) -> bool:
    """Whether ``text`` has the form of an identifier (whether or not any record has it).

    >>> is_identifier("action:no-such-action"), is_identifier(4)
    (True, False)
    """
    return isinstance(text, str) and _IDENTIFIER.fullmatch(text) is not None


def slug(identifier: str) -> str:
    """The part of an identifier after its kind: what per-kind accessors also accept.

    >>> slug("action:new-materials")
    'new-materials'
    """
    return identifier.partition(":")[2]
