"""The benchmark script runs: a smoke run of one row, and the refusals of bad arguments (no figure is asserted)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pyperf", reason="pyperf comes with the bench extra: pip install -e '.[bench]'")

ROOT = Path(__file__).resolve().parents[1]
RUN = ROOT / "benchmarks" / "run.py"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run benchmarks/run.py with ``args``, capturing text."""
    return subprocess.run([sys.executable, str(RUN), *args], capture_output=True, text=True, timeout=300, check=False)


def test_fast_run_prints_the_row_with_a_ratio_and_a_status() -> None:
    """`--fast --rows get` measures get against a dict lookup and renders the row with a ratio and PASS or MISS."""
    proc = _run("--fast", "--rows", "get")
    assert proc.returncode == 0, proc.stderr
    row = next(line for line in proc.stdout.splitlines() if line.startswith("B3"))
    assert re.search(r"dict lookup [\d.]+ ns\s+[\d.]+×\s+≤ 2\.50× dict\s+(PASS|MISS)$", row), row
    assert "0 ERROR" in proc.stdout
    assert not any(line.startswith("B1") for line in proc.stdout.splitlines())


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="--base needs a git checkout")
def test_base_run_measures_both_trees_and_removes_its_worktree() -> None:
    """`--base HEAD` prints before, after and after/before for the row, then leaves no worktree behind."""
    proc = _run("--fast", "--rows", "accessor", "--base", "HEAD")
    assert proc.returncode == 0, proc.stderr
    row = next(line for line in proc.stdout.splitlines() if line.startswith("B3a"))
    assert re.search(r"[\d.]+ ns\s+[\d.]+ ns\s+[\d.]+×\s+—\s+≤ 0\.4 µs\s+(PASS|MISS) → (PASS|MISS)$", row), row
    worktrees = subprocess.run(["git", "-C", str(ROOT), "worktree", "list"], capture_output=True, text=True, check=True)
    assert "sei-policy-base-" not in worktrees.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rows", "nope"], "unknown row 'nope'; rows: ref, import, cold"),
        (["--rounds", "0"], "expected a positive whole number, got '0'"),
        pytest.param(
            ["--base", "no-such-revision-xyz"],
            "--base 'no-such-revision-xyz' is not a commit of this repository",
            marks=pytest.mark.skipif(not (ROOT / ".git").exists(), reason="--base needs a git checkout"),
        ),
    ],
)
def test_bad_arguments_are_refused_with_a_message(args: list[str], message: str) -> None:
    """A bad argument exits with status 2 and names what was wrong, without a traceback."""
    proc = _run(*args)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr
