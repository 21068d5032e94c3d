"""Before and after: the same measurements on another revision and on the working tree, interleaved.

    python benchmarks/compare.py --base f15dd24          # ~1 minute on 2 cores

The base revision is checked out into a temporary git worktree; each case runs
in fresh interpreters that import sei_policy from one tree or the other,
alternating, so that drift in the machine's speed falls on both alike.
Figures are medians; the ratio is after / before.

Cases: import + first ``get`` (cold start), ``plan.action(4)`` and
``plan.action('new-materials')``, ``hash(record)`` and ``hash(plan)``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

COLD = (
    "import time; t = time.perf_counter(); import sei_policy as sp; sp.get('action:new-materials'); "
    "print(json.dumps({'cold': time.perf_counter() - t}))"
)
WARM = """
import timeit, sei_policy as sp
plan = sp.plan(); a = plan.action(4); plan.action('A4')
cases = {"action(4)": "plan.action(4)", "action('new-materials')": "plan.action('new-materials')",
         "hash(record)": "hash(a)", "hash(plan)": "hash(plan)"}
out = {}
for name, stmt in cases.items():
    timer = timeit.Timer(stmt, globals={"plan": plan, "a": a})
    n = timer.autorange()[0]
    out[name] = min(timer.repeat(repeat=5, number=n)) / n
print(json.dumps(out))
"""


def run(src: Path, code: str) -> dict[str, float]:
    """Run ``code`` in a fresh interpreter that imports sei_policy from ``src``; return its JSON figures."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    result = subprocess.run(
        [sys.executable, "-c", "import json\n" + code], capture_output=True, text=True, env=env, check=True
    )
    figures: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    """Measure both trees and print a table of before, after and after/before."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the revision to compare against (e.g. a commit)")
    parser.add_argument("--rounds", type=int, default=25, help="fresh processes per tree for the cold start")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(base), args.base], check=True)
        try:
            trees = {"before": base / "src", "after": ROOT / "src"}
            for src in trees.values():
                subprocess.run([sys.executable, "-m", "compileall", "-q", str(src)], check=True)
            samples: dict[str, dict[str, list[float]]] = {name: {} for name in trees}
            for _ in range(args.rounds):
                for name, src in trees.items():
                    for key, value in run(src, COLD).items():
                        samples[name].setdefault(key, []).append(value)
            for _ in range(3):
                for name, src in trees.items():
                    for key, value in run(src, WARM).items():
                        samples[name].setdefault(key, []).append(value)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=True)
    print(f"{'case':<28}{'before':>12}{'after':>12}{'after/before':>14}")
    for key in samples["before"]:
        before, after = (statistics.median(samples[name][key]) for name in ("before", "after"))
        print(f"{key:<28}{_fmt(before):>12}{_fmt(after):>12}{after / before:>13.2f}×")
    rounds = f"cold start: median of {args.rounds} interleaved processes; others: best of 5, median of 3"
    print(f"(base {args.base}; {rounds})")
    return 0


def _fmt(seconds: float) -> str:
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    if seconds >= 1e-6:
        return f"{seconds * 1e6:.2f} µs"
    return f"{seconds * 1e9:.0f} ns"


if __name__ == "__main__":
    raise SystemExit(main())
