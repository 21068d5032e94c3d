"""What the lineage costs: first and warm calls of sp.documents(), sp.lineage(), sp.crosswalk(), sp.gdp_share().

Each first call runs in a fresh process (median of ``--runs`` processes), after the
2020 plan is loaded, so it measures what the lineage adds; the baseline is the 2020
plan's own first ``get()`` in the same processes. Warm calls are timed with timeit.

    python benchmarks/lineage.py            # prints a Markdown table
    python benchmarks/lineage.py --runs 3   # quicker
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import timeit

_FIRST = """
import json, time
t0 = time.perf_counter()
import sei_policy as sp
sp.get("action:new-materials")
t1 = time.perf_counter()
{call}
t2 = time.perf_counter()
print(json.dumps([t1 - t0, t2 - t1]))
"""

CALLS = {
    "sp.documents()": "sp.documents()",
    "sp.lineage('new-materials')": "sp.lineage('new-materials')",
    "sp.crosswalk()": "sp.crosswalk()",
    "sp.gdp_share()": "sp.gdp_share()",
    "sp.get('sei-2010/industry:new-materials')": "sp.get('sei-2010/industry:new-materials')",
}


def first(call: str, runs: int) -> tuple[float, float]:
    """Median seconds of the 2020 plan's cold start and of the call after it, each in a fresh process."""
    command = [sys.executable, "-c", _FIRST.format(call=call)]
    found = [
        json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout) for _ in range(runs)
    ]
    return statistics.median(f[0] for f in found), statistics.median(f[1] for f in found)


def warm(call: str) -> float:
    """Seconds per warm call (best of five timeit repeats)."""
    setup = f"import sei_policy as sp\n{call}"
    timer = timeit.Timer(call, setup=setup)
    number, _ = timer.autorange()
    return min(timer.repeat(5, number)) / number


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7, help="fresh processes per first call (default 7)")
    args = parser.parse_args()
    print("| Call | 2020 plan's cold start (baseline) | first call after it | ratio to baseline | warm call |")
    print("|---|---|---|---|---|")
    for label, call in CALLS.items():
        base, cost = first(call, args.runs)
        row = f"| `{label}` | {base * 1e3:.1f} ms | {cost * 1e3:.1f} ms | {cost / base:.2f}× "
        print(row + f"| {warm(call) * 1e6:.1f} µs |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
