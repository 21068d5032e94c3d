"""Every benchmark case of sei_policy, as one pyperf script.

``benchmarks/run.py`` runs this script for every group, tree and round, and reads
the JSON it writes; it can also be run alone, with all of pyperf's options::

    python benchmarks/cases.py --group calls --cases get_hit,dict -o calls.json
    python benchmarks/cases.py --group process --rigorous
    python -m pyperf compare_to before.json after.json

Three groups, each measured its own way:

- ``process``: a whole ``python`` process per value, timed from outside with
  ``Runner.bench_command`` (pyperf also records each command's peak RSS);
- ``fresh``: one call timed inside a fresh ``python`` process, which reports
  its own figure, so that nothing already imported by pyperf helps it
  (``Runner.bench_time_func``, one child process per loop);
- ``calls``: the per-call cost in a warm process (``Runner.timeit``).

The sei_policy measured is whichever ``import sei_policy`` finds: run.py puts
one tree's ``src`` on ``PYTHONPATH``, which pyperf passes on to its workers.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyperf

# -- what is measured ----------------------------------------------------------

GET_ID = "action:new-materials"
TITLE_EN = "Accelerate the new materials industry in strengthening areas of weakness"
QUERY_EN = "photoresist"
QUERY_ZH = "光刻胶"
PYCOUNTRY_QUERY = "Germany"
OBJECTIVES_OF = "guarantee:jobs"
PASTE = Path(__file__).resolve().with_name("paste.txt")  # about 5 KB of prose an analyst might paste

GROUPS = ("process", "fresh", "calls")


@dataclass(frozen=True)
class Command:
    """A whole ``python`` process, timed from outside (``args`` follow the interpreter)."""

    name: str
    args: tuple[str, ...]


@dataclass(frozen=True)
class Fresh:
    """Code run by a fresh ``python -c``; it prints the seconds of the one step it times."""

    name: str
    code: str


@dataclass(frozen=True)
class Call:
    """One statement timed per call in a warm process, after ``setup``."""

    name: str
    stmt: str
    setup: str


def _timed(before: str, step: str) -> str:
    """Code for a fresh process: run ``before``, then time ``step`` and print its seconds."""
    return f"import sys, time\n{before}\nt = time.perf_counter()\n{step}\nprint(time.perf_counter() - t)\n"


_LOADED = f"import sei_policy as sp\nsp.get({GET_ID!r})"
_WARM_SEARCH = f"{_LOADED}\nsp.search({QUERY_EN!r})"  # data loaded and the search index built
_PASTE_TEXT = "paste = open(sys.argv[1], encoding='utf-8').read()"

PROCESS: tuple[Command, ...] = (
    Command("python", ("-c", "pass")),
    Command("import_attrs", ("-c", "import attrs")),
    Command("floor", ("-c", "import attrs, cattrs, importlib_resources, json")),
    Command("pycountry_get", ("-c", "import pycountry; pycountry.countries.get(alpha_2='DE')")),
    Command("import_sei_policy", ("-c", "import sei_policy")),
    Command("cold", ("-c", f"import sei_policy; sei_policy.get({GET_ID!r})")),
    Command("cli_show", ("-m", "sei_policy", "show", "A4")),
)

FRESH: tuple[Fresh, ...] = (
    Fresh("first_get", _timed("import sei_policy as sp", f"sp.get({GET_ID!r})")),
    Fresh("first_search", _timed(_LOADED, f"sp.search({QUERY_EN!r})")),
    Fresh("paste_search", _timed(f"{_WARM_SEARCH}\n{_PASTE_TEXT}", "sp.search(paste)")),
    Fresh("paste_did_you_mean", _timed(f"{_WARM_SEARCH}\n{_PASTE_TEXT}", "sp.did_you_mean(paste)")),
)

# The names a statement uses are globals, as where a script imports sei_policy at its top (and
# as 0.1.0's harness measured): timeit would otherwise make them locals of its timing function.
_SP = f"global sp, plan; import sei_policy as sp; plan = sp.plan(); sp.get({GET_ID!r})"
CALLS: tuple[Call, ...] = (
    Call("dict", f"d[{GET_ID!r}]", f"global d; d = {{f'action:{{n}}': n for n in range(200)}}; d[{GET_ID!r}] = 0"),
    Call("get_hit", f"sp.get({GET_ID!r})", _SP),
    Call("action", "plan.action(4)", _SP),
    Call("objectives_of", f"plan.objectives_of({OBJECTIVES_OF!r})", _SP),
    Call("lookup_en", f"sp.lookup({TITLE_EN!r})", _SP),
    Call("search_en", f"sp.search({QUERY_EN!r})", f"{_SP}; sp.search({QUERY_EN!r})"),
    Call("search_zh", f"sp.search({QUERY_ZH!r})", f"{_SP}; sp.search({QUERY_ZH!r})"),
    Call(
        "pycountry_fuzzy",
        f"pycountry.countries.search_fuzzy({PYCOUNTRY_QUERY!r})",
        f"global pycountry; import pycountry; pycountry.countries.search_fuzzy({PYCOUNTRY_QUERY!r})",
    ),
    Call("to_records", "sp.to_records()", f"{_SP}; sp.to_records()"),
)

CASES: dict[str, tuple[Command | Fresh | Call, ...]] = {"process": PROCESS, "fresh": FRESH, "calls": CALLS}
# Cases whose figure does not depend on the sei_policy measured: run.py measures them once per round.
TREE_INDEPENDENT = frozenset({"python", "import_attrs", "floor", "pycountry_get", "dict", "pycountry_fuzzy"})


class FreshProcessError(RuntimeError):
    """A fresh process failed or printed no figure."""


def run_fresh(loops: int, code: str) -> float:
    """``bench_time_func``'s timer: the seconds ``code`` reports, summed over ``loops`` fresh processes."""
    total = 0.0
    for _ in range(loops):
        proc = subprocess.run(
            [sys.executable, "-c", code, str(PASTE)], capture_output=True, text=True, check=False, timeout=300
        )
        lines = proc.stdout.strip().splitlines()
        if proc.returncode != 0 or not lines:
            last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
            raise FreshProcessError(f"a fresh process exited with status {proc.returncode}: {last}")
        total += float(lines[-1])
    return total


# -- the pyperf script ---------------------------------------------------------------


def _add_options(parser: argparse.ArgumentParser, *, required: bool = True) -> argparse.ArgumentParser:
    """Add this script's own options to ``parser`` (pyperf's, or one that reads only them)."""
    parser.add_argument("--group", choices=GROUPS, required=required, help="which group of cases to run")
    parser.add_argument("--cases", default="", help="comma-separated case names (default: every case of the group)")
    parser.add_argument(
        "--case-loops",
        default="",
        metavar="NAME=N,...",
        help="loops per value for these cases, skipping pyperf's calibration for them (run.py passes the loops"
        " of the first round to later rounds)",
    )
    return parser


def _pass_on(cmd: list[str], args: argparse.Namespace) -> None:
    """Give a worker process the same group and cases as the manager."""
    cmd.extend(["--group", args.group, "--cases", args.cases])


def _loops(text: str) -> dict[str, int]:
    pairs = (item.partition("=") for item in text.split(",") if item)
    return {name: int(value) for name, _, value in pairs}


def main(argv: Sequence[str] | None = None) -> None:
    """Register the selected cases with one pyperf ``Runner``; pyperf runs and reports them."""
    own, _ = _add_options(argparse.ArgumentParser(add_help=False), required=False).parse_known_args(argv)
    # Whole processes and fresh processes: one process per loop, never calibrated.
    loops = 1 if own.group in ("process", "fresh") else 0
    runner = pyperf.Runner(loops=loops, warmups=0 if own.group == "fresh" else 1, add_cmdline_args=_pass_on)
    _add_options(runner.argparser)
    args = runner.parse_args(argv)  # --help, and an error for a missing --group, come from here
    group: str = args.group
    wanted = {name for name in args.cases.split(",") if name}
    known = {case.name for case in CASES[group]}
    if unknown := sorted(wanted - known):
        raise SystemExit(
            f"cases.py: no case {', '.join(map(repr, unknown))} in group {group!r}; it has {sorted(known)}"
        )
    case_loops = _loops(args.case_loops)
    for case in CASES[group]:
        if wanted and case.name not in wanted:
            continue
        if not args.worker and group == "calls":
            # A known loop count skips the calibration worker; 0 lets pyperf calibrate.
            args.loops = case_loops.get(case.name, 0)
        if isinstance(case, Command):
            runner.bench_command(case.name, [sys.executable, *case.args])
        elif isinstance(case, Fresh):
            runner.bench_time_func(case.name, run_fresh, case.code)
        else:
            runner.timeit(case.name, stmt=case.stmt, setup=case.setup)


if __name__ == "__main__":
    main()
