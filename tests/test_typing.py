"""Types as users meet them: the documented examples type-check, and pyright finds the public API fully typed."""

from __future__ import annotations

import doctest
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration  # a heavy outside tool: CI runs these once

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]

# Errors that say nothing about the API's types:
# - an Optional value that the example knows to be there (`plan.industry_of(a).title`): strict
#   code narrows it first, which would only clutter the documentation;
# - mypy's false positive on comparing a StrEnum member with its string value (it is equal).
_NOT_ABOUT_THE_API = re.compile(r'Item "None" of "[^"]+" has no attribute|\[comparison-overlap\]')


def _examples_module() -> str:
    """Every doctest example of the README and the docs, in order, as one module (one block per document)."""
    parser = doctest.DocTestParser()
    parts = ["import sei_policy as sp"]
    for path in DOCUMENTS:
        for example in parser.get_examples(path.read_text("utf-8")):
            parts.append(f"# {path.relative_to(ROOT)}:{example.lineno + 1}\n{example.source}")
    return "\n".join(parts)


def test_the_documented_examples_type_check(tmp_path: Path) -> None:
    """mypy --strict accepts what the README and the docs show users writing."""
    from mypy import api

    module = tmp_path / "documented_examples.py"
    module.write_text(_examples_module(), "utf-8")
    report, errors, _ = api.run(
        ["--strict", "--allow-redefinition", "--no-incremental", "--cache-dir", os.devnull, str(module)]
    )
    problems = [line for line in report.splitlines() if ": error:" in line and not _NOT_ABOUT_THE_API.search(line)]
    lines = module.read_text("utf-8").splitlines()
    located = [f"{p}  <- {lines[int(p.split(':')[1]) - 1].strip()}" for p in problems]
    assert not located, "\n".join(located) + errors
    assert len(lines) > 500  # the examples were found


def test_the_module_of_examples_holds_every_document() -> None:
    """Each document with examples contributes to the checked module."""
    text = _examples_module()
    for path in DOCUMENTS:
        if ">>> " in path.read_text("utf-8"):
            assert f"# {path.relative_to(ROOT)}:" in text


@pytest.mark.skipif(shutil.which("node") is None, reason="pyright needs Node.js, which is not installed here")
def test_pyright_finds_the_public_api_fully_typed() -> None:
    """pyright --verifytypes scores the public API at 100 %: no symbol of unknown or ambiguous type."""
    pytest.importorskip("pyright", reason="pyright (a test extra) is not installed")
    env = {**os.environ, "PYRIGHT_PYTHON_IGNORE_WARNINGS": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "pyright", "--verifytypes", "sei_policy", "--ignoreexternal", "--outputjson"],
        capture_output=True, text=True, timeout=300, env=env, check=False,
    )  # fmt: skip
    report = json.loads(result.stdout)
    completeness = report["typeCompleteness"]
    untyped = [s["name"] for s in completeness["symbols"] if not s["isTypeKnown"] or s.get("isTypeAmbiguous")]
    assert completeness["completenessScore"] == 1.0, untyped
    assert completeness["exportedSymbolCounts"]["withKnownType"] > 300
