"""The project's own files agree with each other: versions, bounds, the CI's pins."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import sei_policy as sp

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_version_is_the_packages() -> None:
    """The literal __version__ equals the version in pyproject.toml."""
    assert sp.__version__ == PYPROJECT["project"]["version"]


def _release(version: str) -> tuple[int, ...]:
    """A version as numbers, without trailing zeros: 6.0.0 and 6.0 are the same release."""
    numbers = [int(part) for part in version.split(".")]
    while numbers and numbers[-1] == 0:
        numbers.pop()
    return tuple(numbers)


def test_ci_pins_the_lower_bounds() -> None:
    """.ci/oldest.txt pins exactly the runtime dependencies' lower bounds, so CI tests them."""
    bounds = {}
    for requirement in PYPROJECT["project"]["dependencies"]:
        name, version = re.fullmatch(r"([A-Za-z0-9_.-]+)>=([0-9.]+)", requirement).groups()  # type: ignore[union-attr]
        bounds[name.lower()] = version
    lines = (ROOT / ".ci" / "oldest.txt").read_text(encoding="utf-8").splitlines()
    pins = dict(line.lower().split("==") for line in lines if line and not line.startswith("#"))
    assert {name: _release(v) for name, v in pins.items()} == {name: _release(v) for name, v in bounds.items()}


def test_changelog_has_this_version() -> None:
    """CHANGELOG.md has a section for the current version."""
    assert f"## [{sp.__version__}]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
