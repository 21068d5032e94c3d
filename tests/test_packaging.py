"""The project's own files agree with each other: versions, bounds, the CI's pins."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import sei_policy as sp

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_version_is_the_packages() -> None:
    """The build reads the version from _about.py, the one place it is written, and the installed metadata agrees."""
    import importlib.metadata

    assert "version" in PYPROJECT["project"]["dynamic"]
    assert PYPROJECT["tool"]["hatch"]["version"]["path"] == "src/sei_policy/_about.py"
    assert importlib.metadata.version("sei-policy") == sp.__version__


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


def test_citation_file_matches_the_package() -> None:
    """CITATION.cff parses, carries this version and both licences, and names the plan's document number."""
    yaml = __import__("yaml")  # PyYAML comes with the test extra's tools
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0"
    assert str(citation["version"]) == sp.__version__
    assert set(citation["license"]) == {"MIT", "CC-BY-4.0", "Apache-2.0"}
    assert "发改高技〔2020〕1409号" in citation["title"]
    assert str(citation["references"][0]["date-released"]) == "2020-09-11"


def test_licence_is_declared_with_its_files() -> None:
    """pyproject declares the code's and the data's licences and ships both licence files."""
    project = PYPROJECT["project"]
    assert project["license"] == "MIT AND CC-BY-4.0 AND Apache-2.0"
    assert set(project["license-files"]) == {"LICENSE", "LICENSE-DATA", "LICENSE-OPENCC"}
    assert "Apache License" in (ROOT / "LICENSE-OPENCC").read_text(encoding="utf-8")
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "CC BY 4.0" in (ROOT / "LICENSE-DATA").read_text(encoding="utf-8")
