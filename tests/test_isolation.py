"""Isolation: no network, and no mutable shared state anywhere a user can reach."""

from __future__ import annotations

import importlib
import socket
from collections.abc import Iterator
from types import MappingProxyType, ModuleType
from typing import Any

import attrs
import pytest

import sei_policy as sp

from .conftest import NetworkBlockedError, _network_attempts

PUBLIC_MODULES = [
    "sei_policy",
    "sei_policy.errors",
    "sei_policy.models",
    "sei_policy.ids",
    "sei_policy._loader",
    "sei_policy._lookup",
    "sei_policy._search",
    "sei_policy._resolver",
    "sei_policy.cli",
]


def test_network_is_blocked() -> None:
    """Connecting anywhere raises during the tests (and is counted, so the run would fail)."""
    before = len(_network_attempts)
    with pytest.raises(NetworkBlockedError):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkBlockedError), socket.socket() as raw:
        raw.connect(("127.0.0.1", 9))
    del _network_attempts[before:]  # these two were this test's own


def test_using_the_library_opens_no_connection() -> None:
    """Loading, looking up and searching never reach for the network."""
    before = len(_network_attempts)
    sp.plan()
    sp.lookup("A4")
    sp.search("光刻胶")
    assert len(_network_attempts) == before


def _reachable(value: Any, seen: set[int]) -> Iterator[Any]:
    """Every object reachable from ``value`` through record fields and collections."""
    if id(value) in seen:
        return
    seen.add(id(value))
    yield value
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _reachable(getattr(value, field.name), seen)
    elif isinstance(value, (tuple, frozenset)):
        for item in value:
            yield from _reachable(item, seen)
    elif isinstance(value, MappingProxyType):
        for item in value.values():
            yield from _reachable(item, seen)


EVERYTHING = list(_reachable((sp.plan(), sp.classification(), sp.search("5G")), set()))


def test_nothing_reachable_is_mutable() -> None:
    """No list, dict, set or bytearray hangs anywhere off the plan, the classification or a hit."""
    mutable = [type(v).__name__ for v in EVERYTHING if isinstance(v, (list, dict, set, bytearray))]
    assert mutable == []
    assert len(EVERYTHING) > 1000


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_public_modules_expose_no_mutable_state(name: str) -> None:
    """No public name of a public module is a list, dict or set (``__all__``, a literal list by convention, aside)."""
    module: ModuleType = importlib.import_module(name)
    exposed = {n: v for n, v in vars(module).items() if not n.startswith("_")}
    assert not [n for n, v in exposed.items() if isinstance(v, (list, dict, set, bytearray))]


def test_every_record_refuses_mutation() -> None:
    """Setting, deleting or adding an attribute on any reachable record fails."""
    records = [v for v in EVERYTHING if attrs.has(type(v))]
    assert len(records) > 300
    for record in records:
        name = attrs.fields(type(record))[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(record, name, None)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            delattr(record, name)
        with pytest.raises((attrs.exceptions.FrozenInstanceError, AttributeError)):
            record.new_attribute = 1


RETURNING_COLLECTIONS = [
    ("plan.actions_of", lambda: sp.plan().actions_of("R1")),
    ("plan.targets_of", lambda: sp.plan().targets_of("A9")),
    ("plan.agencies_of", lambda: sp.plan().agencies_of("A9")),
    ("plan.objectives_of", lambda: sp.plan().objectives_of("P1")),
    ("plan.sources_of", lambda: sp.plan().sources_of(sp.plan())),
    ("plan.records", lambda: sp.plan().records),
    ("plan.names", lambda: sp.plan().names),
    ("sp.records", lambda: sp.records()),
    ("sp.records(kind)", lambda: sp.records(kind=sp.Action)),
    ("sp.search", lambda: sp.search("5G")),
]


@pytest.mark.parametrize(("name", "call"), RETURNING_COLLECTIONS, ids=[n for n, _ in RETURNING_COLLECTIONS])
def test_api_returns_tuples_of_frozen_records(name: str, call: Any) -> None:
    """What the API returns is a non-empty tuple of frozen attrs objects or strings, never a list to mutate."""
    result = call()
    assert isinstance(result, tuple) and result, name
    assert type(result) is tuple or type(result).__name__ == "Hits", name  # search's tuple shows as a table
    for item in result:
        assert attrs.has(type(item)) or type(item) is tuple, name
