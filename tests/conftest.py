"""Shared fixtures: the loaded plan, the raw data files, and a helper to corrupt them."""

from __future__ import annotations

import json
import os
import re
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import sei_policy as sp
from sei_policy import _loader

# -- no network: any attempt to connect fails the test that made it, and the run ------


class NetworkBlockedError(BaseException):
    """Raised on any attempt to open a network connection during the tests.

    A BaseException, so that no ``except Exception`` in the code under test can swallow it.
    """


_network_attempts: list[str] = []


def _blocked(*args: object, **kwargs: object) -> None:
    _network_attempts.append(repr(args)[:200])
    raise NetworkBlockedError(f"network access attempted during the tests: {args!r}"[:300])


socket.socket.connect = _blocked  # type: ignore[method-assign]
socket.socket.connect_ex = _blocked  # type: ignore[method-assign, assignment]
socket.create_connection = _blocked  # type: ignore[assignment]
socket.getaddrinfo = _blocked  # type: ignore[assignment]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run if anything tried to connect, even where the error was caught."""
    if _network_attempts:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", parent=settings.get_profile("default"), max_examples=200, print_blob=True)
# The core tests on the other Pythons and the oldest dependencies: the properties have run in full on the default Python.
settings.register_profile("quick", parent=settings.get_profile("default"), max_examples=25, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default"))

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"
"""The project's reference folder, where a checkout has it beside the repository."""

Corrupt = Callable[[Callable[[dict[str, Any]], object]], dict[str, bytes]]


@pytest.fixture(scope="session")
def plan() -> sp.Plan:
    """The shipped plan."""
    return sp.plan()


@pytest.fixture(scope="session")
def raw_files() -> dict[str, bytes]:
    """The shipped data files as bytes."""
    return _loader.read()


@pytest.fixture
def corrupt(raw_files: dict[str, bytes]) -> Corrupt:
    """Return a function that edits a parsed copy of the plan file and returns all files as bytes."""

    def edit(change: Callable[[dict[str, Any]], object]) -> dict[str, bytes]:
        body = json.loads(raw_files[_loader.PLAN_FILE])
        change(body)
        files = dict(raw_files)
        files[_loader.PLAN_FILE] = json.dumps(body, ensure_ascii=False).encode("utf-8")
        return files

    return edit


# -- a count of hypothesis examples, printed at the end of the run -------------

_EXAMPLES = re.compile(r"(\d+) passing, (\d+) failing, and (\d+) invalid test cases")
_counted: dict[str, int] = {}


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    """Add up the examples hypothesis ran for a property test (from its statistics text)."""
    statistics = getattr(item, "hypothesis_statistics", None)
    if isinstance(statistics, str):
        _counted[item.nodeid] = sum(int(n) for match in _EXAMPLES.findall(statistics) for n in match)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print how many hypothesis examples ran, so CI logs show the depth of the property tests."""
    if _counted:
        total = sum(_counted.values())
        terminalreporter.write_line(f"hypothesis: {total} examples in {len(_counted)} property tests")
    if _network_attempts:
        terminalreporter.write_line(f"network: {len(_network_attempts)} blocked attempts to connect (the run fails)")
