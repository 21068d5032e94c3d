"""The one resolver: every key of every record reaches the same record through every entry point."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sei_policy as sp
from sei_policy._resolver import ID, NAME, SLUG, Resolver, closest, fold, keys_of
from sei_policy.models import KINDS

from .helpers import ALL_RECORDS, CLASSIFICATION, PLAN

# Each kind's per-kind accessor, and the navigation methods that take a key of that kind.
ACCESSOR: dict[sp.Kind, Callable[[Any], Any]] = {
    **{sp.Kind(s.kind): getattr(PLAN, s.cls.__name__.lower()) for s in KINDS.values() if s.document is sp.Plan},
    sp.Kind.NBS_2018: CLASSIFICATION.category,
}
NAVIGATION: dict[sp.Kind, tuple[str, ...]] = {
    sp.Kind.ACTION: ("requirement_of", "industry_of", "targets_of", "agencies_of"),
    sp.Kind.REQUIREMENT: ("actions_of",),
    sp.Kind.OBJECTIVE: ("priorities_of", "guarantees_of"),
    sp.Kind.AGENCY: ("actions_led_by",),
    sp.Kind.INDUSTRY: ("action_of",),
    sp.Kind.TARGET: ("action_of",),
    sp.Kind.PRIORITY: ("objectives_of",),
    sp.Kind.GUARANTEE: ("objectives_of",),
}
RECORDS = [r for r in ALL_RECORDS if not isinstance(r, sp.Plan)]
KEYED = [(record, tier, key) for record in RECORDS for tier, key in keys_of(record)]


def _outcome(call: Callable[[], Any]) -> Any:
    """What a call gives: its result, or the type of the lookup error it raised."""
    try:
        return call()
    except LookupError as error:
        return type(error)


def _entry_points(record: Any, key: str | int) -> dict[str, Callable[[], Any]]:
    """Every way to turn ``key`` into a record of ``record``'s kind."""
    kind = record.kind
    calls: dict[str, Callable[[], Any]] = {
        "accessor": lambda: ACCESSOR[kind](key),
        "lookup(kind=Kind)": lambda: sp.lookup(str(key), kind=kind),
        "lookup(kind=str)": lambda: sp.lookup(str(key), kind=str(kind)),
        "lookup(kind=class)": lambda: sp.lookup(str(key), kind=type(record)),
    }
    if isinstance(key, int):
        calls["accessor(digits)"] = lambda: ACCESSOR[kind](f" {key} ")
    return calls


@pytest.mark.parametrize(("record", "tier", "key"), KEYED, ids=[f"{r.id}={k}" for r, _, k in KEYED])
def test_every_key_of_every_record_resolves_alike_everywhere(record: Any, tier: int, key: str | int) -> None:
    """Accessors and lookup (with the kind as enum, value or class) agree on every key; strong keys find the record."""
    outcomes = {name: _outcome(call) for name, call in _entry_points(record, key).items()}
    assert len({id(o) if not isinstance(o, type) else o for o in outcomes.values()}) == 1, outcomes
    if (
        tier == ID
        or not isinstance(key, str)
        or not any(
            other is not record and other.kind is record.kind and key in (k for _, k in keys_of(other))
            for other in RECORDS
        )
    ):
        assert outcomes["accessor"] is record
    for method in NAVIGATION.get(record.kind, ()):
        if isinstance(key, str) or method not in ("action_of", "objectives_of"):
            assert getattr(PLAN, method)(key) == getattr(PLAN, method)(record), (method, key)


_FULL_WIDTH = {c: chr(ord(c) + 0xFEE0) for c in map(chr, range(0x21, 0x7F))} | {" ": "\u3000"}
VARIANTS: dict[str, Callable[[str], str]] = {
    "upper": str.upper,
    "lower": str.lower,
    "full-width": lambda t: "".join(_FULL_WIDTH.get(c, c) for c in t),
    "padded": lambda t: f" \t{t}\n ",
    "spaced": lambda t: t.replace(" ", "  \t"),
}
TEXT_KEYED = [(r, t, k) for r, t, k in KEYED if isinstance(k, str)]


@given(st.sampled_from(TEXT_KEYED), st.lists(st.sampled_from(sorted(VARIANTS)), min_size=1, max_size=3))
def test_folded_keys_resolve_like_the_key(keyed: tuple[Any, int, str], hows: list[str]) -> None:
    """Case, full-width and white-space variants of any key reach what the key reaches, through every entry point."""
    record, _, key = keyed
    text = key
    for how in hows:
        text = VARIANTS[how](text)
    expected = _outcome(lambda: ACCESSOR[record.kind](key))
    for name, call in _entry_points(record, text).items():
        assert _outcome(call) == expected, (name, text)


def test_tiers_rank_identifiers_then_names_then_slugs() -> None:
    """keys_of gives each record's identifier and notation at the first tier, names next, the slug last."""
    tiers = {key: tier for tier, key in keys_of(PLAN.industry(2))}
    assert tiers == {"industry:biotech": ID, "I2": ID, 2: ID, "biotech industry": NAME, "生物产业": NAME,
                     "biotech": NAME, "生物": NAME}  # fmt: skip
    assert ("new-materials", SLUG) in {(k, t) for t, k in keys_of(PLAN.action(4))}


@pytest.mark.parametrize(
    ("call", "message"),
    [(lambda: PLAN.action(21), "unknown action 21: actions are A1–A20 (numbers 1–20)"),
     (lambda: PLAN.action("A21"), "unknown action 'A21': actions are A1–A20 (numbers 1–20)"),
     (lambda: PLAN.action("I4"), "unknown action 'I4': 'I4' names 'industry:new-materials', not an action"),
     (lambda: PLAN.agency("XYZ"), "unknown agency 'XYZ': agencies are NDRC, MOST, MIIT, MOF"),
     (lambda: CLASSIFICATION.category(10), "NBS-1–NBS-9"),
     (lambda: sp.get("A4"), "get() takes full identifiers such as 'action:new-materials'; "
                            "for 'A4' use sp.lookup('A4') or plan.action('A4')"),
     (lambda: sp.get("NBS-3"), "use sp.lookup('NBS-3') or sp.classification().category('NBS-3')"),
     (lambda: sp.get("action:new-material"), "unknown identifier 'action:new-material'; "
                                             "did you mean 'action:new-materials'?"),
     (lambda: sp.get("industry:biotech", kind=sp.Action), "unknown action 'industry:biotech': it is 'industry:biotech', an industry"),
     (lambda: PLAN.objectives_of("action:biotech"), "unknown priority or guarantee 'action:biotech': it is an action")],
)  # fmt: skip
def test_misses_are_worded_by_what_was_given(call: Callable[[], Any], message: str) -> None:
    """An error names what the user gave and what would have worked."""
    with pytest.raises(sp.UnknownIdentifierError) as caught:
        call()
    assert message in str(caught.value)


@pytest.mark.parametrize("text", ["A21", "zzzzzz", "climate", "农业"])
def test_unrelated_records_are_not_suggested(text: str) -> None:
    """Suggestions are left out when nothing is close, rather than listing unrelated records."""
    with pytest.raises(sp.UnknownIdentifierError) as caught:
        PLAN.action(text)
    assert caught.value.suggestions == ()
    assert "did you mean" not in str(caught.value)


def test_close_suggestions_stay_close() -> None:
    """A near miss suggests what was meant and nothing much further away."""
    assert closest("new-material", {"new-materials": ["a"], "new-energy": ["b"], "biotech": ["c"]}) == ("a",)


def test_retirements_live_in_one_place() -> None:
    """A retired identifier resolves through get, lookup and the accessor of its kind alike, with one warning each."""
    resolver = Resolver([(PLAN.action(4), PLAN.industry(4))], retired={"action:old": "action:new-materials"})
    with pytest.warns(sp.DeprecatedIdentifierWarning, match="'action:old' is retired"):
        assert resolver.get("action:old") is PLAN.action(4)
    with pytest.warns(sp.DeprecatedIdentifierWarning):
        assert resolver.resolve("ACTION:OLD", sp.Kind.ACTION, "action()") is PLAN.action(4)
    with pytest.raises(sp.UnknownIdentifierError):
        resolver.resolve("action:old", sp.Kind.INDUSTRY, "industry()")


def test_fold_is_the_one_folding() -> None:
    """NFKC, case, white space, quotes, brackets and dashes fold one way."""
    assert fold(" Ｎew\u3000Materials ") == "new materials"
    assert fold("【发改】“x”—y") == '(发改)"x"-y'


@pytest.mark.parametrize("key", ["NBS-3", "A21", "semiconductor", "action:nope", "I4", "21", "xq"])
def test_every_entry_point_words_a_miss_the_same(key: str) -> None:
    """An accessor, navigation and lookup with a kind give the one resolver's message for the same miss."""
    calls: list[Callable[[], object]] = [
        lambda: PLAN.action(key),
        lambda: PLAN.requirement_of(key),
        lambda: sp.lookup(key, kind="action"),
        lambda: sp.lookup(key, kind=sp.Action),
    ]
    messages = set()
    for call in calls:
        with pytest.raises(sp.UnknownIdentifierError) as caught:
            call()
        messages.add(str(caught.value))
    assert len(messages) == 1, messages
    assert messages.pop().startswith(f"unknown action {key!r}")
