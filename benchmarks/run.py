"""Benchmarks of sei_policy against its dependency floor and pycountry, on pyperf, printed as one table.

From the repository root, with the ``bench`` extra installed::

    python benchmarks/run.py                    # the table, about a minute on 2 cores
    python benchmarks/run.py --fast             # a smoke run of a few seconds; figures are rough
    python benchmarks/run.py --rows get,cold    # only some rows (--help names them)
    python benchmarks/run.py --base 69f7e02     # before and after: REV and the working tree, interleaved

The cases themselves are ``benchmarks/cases.py``, a pyperf script; this script runs
it for every group of cases, tree and round, with one tree's ``src`` first on
``PYTHONPATH``, reads the JSON that pyperf writes, and prints figures, ratios,
targets and PASS/MISS. With ``--base`` it checks REV out into a temporary git
worktree (no network) and runs each case on both trees back to back in every
round, alternating which goes first; each row then shows both figures and
after / before. Cases that do not depend on sei_policy (``python -c pass``, the
floor, a dict lookup, pycountry) run once per round and serve both trees.

Exit status: 1 if a case could not run (the table says why), else 0; a MISS does
not change it.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Literal

import pyperf

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CASES_SCRIPT = HERE / "cases.py"
sys.path.insert(0, str(HERE))
import cases  # noqa: E402  (beside this file; the case names, groups and queries)

Unit = Literal["s", "MiB"]
Status = Literal["PASS", "MISS", "info", "ERROR"]
INVOCATION_TIMEOUT = 600.0
PACKAGES = ("attrs", "cattrs", "importlib-resources", "pycountry", "pyperf")

# -- the table -------------------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """One row: a case's figure, optionally over a baseline case, and its target.

    ``limit`` bounds the ratio (``on="ratio"``) or the figure itself (``on="value"``);
    a row without a limit is for information. ``metric`` is the case's time or, for
    a whole-process case, its peak RSS. docs/performance.md says what each row means.
    """

    key: str
    label: str
    case: str
    baseline: str | None = None
    target: str = "—"
    limit: float | None = None
    on: Literal["ratio", "value"] = "ratio"
    metric: Literal["time", "rss"] = "time"

    @property
    def unit(self) -> Unit:
        return "MiB" if self.metric == "rss" else "s"


BASELINE_LABELS = {
    "python": "python -c pass",
    "import_attrs": "import attrs",
    "floor": "floor",
    "pycountry_get": "pycountry get",
    "dict": "dict lookup",
    "pycountry_fuzzy": "pycountry search_fuzzy",
    "first_get": "first get()",
}
_PASTE = "5 KB paste"
SPECS: tuple[Spec, ...] = (
    Spec("ref", "REF  python -c pass", "python"),
    Spec("import", "B1   import sei_policy", "import_sei_policy", "import_attrs", "≤ 1.00× attrs", 1.00),
    Spec("cold", "B2a  cold start: import + first get()", "cold", "floor", "≤ 1.25× floor", 1.25),
    Spec("cold", "B2b  cold start vs pycountry", "cold", "pycountry_get", "≤ 1.30× pycountry", 1.30),
    Spec("cli", "B7   sei-policy show A4", "cli_show", "python"),
    Spec("get", "B3   sp.get(id), hit", "get_hit", "dict", "≤ 2.50× dict", 2.50),
    Spec("accessor", "B3a  plan.action(4)", "action", None, "≤ 0.4 µs", 0.4e-6, "value"),
    Spec("objectives", f"B3c  plan.objectives_of({cases.OBJECTIVES_OF!r})", "objectives_of"),
    Spec("lookup", "B4   sp.lookup(English title)", "lookup_en", None, "≤ 1 µs", 1e-6, "value"),
    Spec(
        "search", f"B5   sp.search({cases.QUERY_EN!r}), warm", "search_en", "pycountry_fuzzy", "≤ 0.02× pycountry", 0.02
    ),
    Spec(
        "search", f"B5   sp.search({cases.QUERY_ZH!r}), warm", "search_zh", "pycountry_fuzzy", "≤ 0.02× pycountry", 0.02
    ),
    Spec("first-search", "B5f  first search, fresh process", "first_search", "first_get", "≤ 0.50× first get", 0.50),
    Spec("paste", f"B5p  sp.search({_PASTE})", "paste_search", None, "≤ 50 ms", 0.050, "value"),
    Spec("paste", f"B5p  sp.did_you_mean({_PASTE})", "paste_did_you_mean", None, "≤ 50 ms", 0.050, "value"),
    Spec("records", "B8   sp.to_records(), warm", "to_records"),
    Spec("rss", "B6   peak RSS, cold start", "cold", "floor", metric="rss"),
    Spec(
        "rss",
        "B6   peak RSS, cold start vs pycountry",
        "cold",
        "pycountry_get",
        "≤ 1.00× pycountry",
        1.00,
        metric="rss",
    ),
)
ROW_KEYS = tuple(dict.fromkeys(spec.key for spec in SPECS))
NEEDS_PYCOUNTRY = frozenset({"pycountry_get", "pycountry_fuzzy"})

# -- settings --------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """How much to measure: rounds, and pyperf's options for each group in one round."""

    rounds: int
    options: dict[str, tuple[str, ...]]

    def describe(self) -> str:
        per_group = "; ".join(f"{group}: {' '.join(opts)}" for group, opts in self.options.items())
        return f"{self.rounds} round(s), each: {per_group}"


FULL = Settings(
    rounds=3,
    options={
        "process": ("--processes", "1", "--values", "5", "--warmups", "1"),
        "fresh": ("--processes", "1", "--values", "3"),
        "calls": ("--processes", "1", "--values", "3", "--warmups", "1", "--min-time", "0.02"),
    },
)
FAST = Settings(
    rounds=1,
    options={
        "process": ("--processes", "1", "--values", "2", "--warmups", "0"),
        # In the manager's own process: no worker to start, so a smoke run takes seconds.
        "fresh": ("--in-process", "--processes", "1", "--values", "1"),
        "calls": ("--in-process", "--processes", "1", "--values", "2", "--warmups", "1", "--min-time", "0.005"),
    },
)

# -- trees -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Tree:
    """A source tree whose ``src`` is put on PYTHONPATH: the working tree, or a base revision."""

    name: Literal["base", "current"]
    label: str
    src: Path


class BenchError(Exception):
    """The benchmark cannot run at all; the message says why."""


def git(*args: str) -> str:
    proc = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        detail = (proc.stderr.strip().splitlines() or ["no message"])[-1]
        raise BenchError(f"`git {' '.join(args)}` failed: {detail}")
    return proc.stdout.strip()


@contextmanager
def base_tree(revision: str | None) -> Iterator[Tree | None]:
    """Check ``revision`` out into a temporary worktree (detached, no network); remove it afterwards."""
    if revision is None:
        yield None
        return
    try:
        commit = git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except BenchError:
        raise BenchError(f"--base {revision!r} is not a commit of this repository") from None
    with tempfile.TemporaryDirectory(prefix="sei-policy-base-") as tmp:
        path = Path(tmp) / "tree"
        git("worktree", "add", "--detach", "--quiet", str(path), commit)
        try:
            if not (path / "src" / "sei_policy").is_dir():
                raise BenchError(f"revision {revision!r} has no src/sei_policy")
            yield Tree("base", f"{revision} ({commit[:10]})", path / "src")
        finally:
            git("worktree", "remove", "--force", str(path))


def tree_env(tree: Tree) -> dict[str, str]:
    """The environment of a tree's processes: its ``src`` alone on PYTHONPATH."""
    return {**os.environ, "PYTHONPATH": str(tree.src)}


def check_tree(tree: Tree) -> str:
    """Make sure ``import sei_policy`` finds the tree's own package; return its version and data edition."""
    code = (
        "import sei_policy as sp; print(sp.__file__); print(sp.__version__, 'data', getattr(sp, 'DATA_EDITION', '?'))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=tree_env(tree), check=False, timeout=120
    )
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or len(lines) < 2:
        detail = (proc.stderr.strip().splitlines() or ["no message"])[-1]
        raise BenchError(f"the {tree.name} tree's sei_policy cannot be imported: {detail}")
    found = Path(lines[0]).resolve()
    if not found.is_relative_to(tree.src.resolve()):
        raise BenchError(f"the {tree.name} tree imports sei_policy from {found}, not from {tree.src}")
    return lines[1]


def compile_bytecode(trees: Sequence[Tree]) -> None:
    """Write the bytecode of every measured package, as an install does, so that no case compiles a source file."""
    folders = [tree.src / "sei_policy" for tree in trees]
    for name in ("attr", "attrs", "cattrs", "importlib_resources", "pycountry"):
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.submodule_search_locations:
            folders.extend(Path(folder) for folder in spec.submodule_search_locations)
    for folder in folders:
        compileall.compile_dir(str(folder), quiet=1)


# -- measuring -------------------------------------------------------------------------


@dataclass
class Measured:
    """Every value pyperf gave, by tree, case and round; the loops of calibrated cases; why a case failed."""

    times: dict[str, dict[str, dict[int, list[float]]]] = field(default_factory=dict)
    rss: dict[str, dict[str, dict[int, list[float]]]] = field(default_factory=dict)
    loops: dict[str, dict[str, int]] = field(default_factory=dict)
    errors: dict[str, dict[str, str]] = field(default_factory=dict)
    round: int = 0

    def read(self, tree: str, path: Path) -> None:
        """Add the values of one pyperf JSON file to the current round."""
        for bench in pyperf.BenchmarkSuite.load(str(path)).get_benchmarks():
            name = str(bench.get_name())
            times = self.times.setdefault(tree, {}).setdefault(name, {}).setdefault(self.round, [])
            times.extend(float(v) for v in bench.get_values())
            for run in bench.get_runs():
                if not run.values:
                    continue  # a calibration run
                self.loops.setdefault(tree, {})[name] = int(run.get_loops())
                rss = run.get_metadata().get("command_max_rss")
                if rss:
                    self.rss.setdefault(tree, {}).setdefault(name, {}).setdefault(self.round, []).append(rss / 2**20)

    def rounds(self, metric: str, tree: str, case: str) -> dict[int, list[float]]:
        """A case's values on a tree, by round."""
        return (self.rss if metric == "rss" else self.times).get(tree, {}).get(case, {})

    def error(self, tree: str, case: str) -> str | None:
        return self.errors.get(tree, {}).get(case)


def last_line(*texts: str) -> str:
    for text in texts:
        lines = [line for line in text.strip().splitlines() if line.strip()]
        if lines:
            return lines[-1].strip()
    return "no message"


def invoke(tree: Tree, group: str, names: Sequence[str], options: Sequence[str], out: Path, measured: Measured) -> None:
    """Run cases.py for some cases of one group on one tree; on failure, retry each case alone to find the culprit."""
    known = measured.loops.get(tree.name, {})
    case_loops = ",".join(f"{n}={known[n]}" for n in names if n in known) if group == "calls" else ""
    command = [
        sys.executable,
        str(CASES_SCRIPT),
        "--group",
        group,
        "--cases",
        ",".join(names),
        "--quiet",
        "--output",
        str(out),
        "--inherit-environ",
        "PYTHONPATH",
        *options,
    ]
    if case_loops:
        command += ["--case-loops", case_loops]
    out.unlink(missing_ok=True)  # pyperf refuses to overwrite a file, as of an earlier run kept with --keep
    try:
        proc = subprocess.run(
            command, capture_output=True, text=True, env=tree_env(tree), check=False, timeout=INVOCATION_TIMEOUT
        )
        failed = proc.returncode != 0
        reason = "" if not failed else last_line(proc.stderr, proc.stdout)
    except subprocess.TimeoutExpired:
        failed, reason = True, f"took longer than {INVOCATION_TIMEOUT:.0f} s"
    if not failed:
        measured.read(tree.name, out)
        return
    if len(names) == 1:
        measured.errors.setdefault(tree.name, {})[names[0]] = f"{names[0]} on the {tree.name} tree: {reason}"
        return
    for index, name in enumerate(names):
        invoke(tree, group, [name], options, out.with_name(f"{out.stem}-{index}.json"), measured)


def batches(trees: Sequence[Tree], group: str, wanted: set[str], number: int) -> Iterator[tuple[Tree, list[str]]]:
    """The invocations of one group in round ``number``: which tree, which cases.

    One tree: the whole group at once. Two trees: each case that depends on the tree
    alone, on one tree and then at once on the other (which goes first alternates), so
    that a busy spell of the machine falls on both alike; then the cases that do not
    depend on the tree, on the working tree only.
    """
    names = [case.name for case in cases.CASES[group] if case.name in wanted]
    if len(trees) == 1:
        yield trees[0], names
        return
    own = [name for name in names if name not in cases.TREE_INDEPENDENT]
    for index, name in enumerate(own):
        for tree in trees if (number + index) % 2 == 0 else reversed(trees):
            yield tree, [name]
    shared = [name for name in names if name in cases.TREE_INDEPENDENT]
    if shared:
        yield next(tree for tree in trees if tree.name == "current"), shared


def measure(trees: Sequence[Tree], wanted: set[str], settings: Settings, folder: Path) -> Measured:
    """Run the rounds: in each, every group's cases on every tree (see ``batches``)."""
    measured = Measured()
    for number in range(settings.rounds):
        measured.round = number
        for group in cases.CASES:
            started = time.perf_counter()
            count = 0
            for index, (tree, batch) in enumerate(batches(trees, group, wanted, number)):
                names = [name for name in batch if measured.error(tree.name, name) is None]
                if names:
                    out = folder / f"{tree.name}-{group}-round{number + 1}-{index}.json"
                    invoke(tree, group, names, settings.options[group], out, measured)
                    count += len(names)
            if count:
                print(
                    f"  round {number + 1}/{settings.rounds}: {group:<7} {count:>2} case(s)"
                    f" in {time.perf_counter() - started:5.1f} s",
                    file=sys.stderr,
                    flush=True,
                )
    return measured


# -- figures ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A row's figures on one tree."""

    ours: float | None
    baseline: float | None
    ratio: float | None
    status: Status
    error: str | None


GROUP_OF = {case.name: group for group, members in cases.CASES.items() for case in members}


def summary(case: str, values: Sequence[float], metric: str) -> float | None:
    """A case's figure: the best time of a per-call case, else the median.

    For a per-call time the best value is timeit's advice: a slower one is another
    process interfering, which on a shared machine says nothing about the code.
    """
    if not values:
        return None
    return min(values) if GROUP_OF[case] == "calls" and metric == "time" else statistics.median(values)


def overall(measured: Measured, metric: str, tree: str, case: str) -> float | None:
    """A case's figure over every round."""
    return summary(case, [v for values in measured.rounds(metric, tree, case).values() for v in values], metric)


def paired_ratio(measured: Measured, metric: str, ours: tuple[str, str], theirs: tuple[str, str]) -> float | None:
    """The median over rounds of one (tree, case)'s figure over another's in the same round.

    The two ran within seconds of each other in each round, so the machine's drift
    between rounds cancels out.
    """
    mine, other = measured.rounds(metric, *ours), measured.rounds(metric, *theirs)
    ratios = []
    for number in sorted(mine.keys() & other.keys()):
        top, bottom = summary(ours[1], mine[number], metric), summary(theirs[1], other[number], metric)
        if top is not None and bottom:
            ratios.append(top / bottom)
    return statistics.median(ratios) if ratios else None


def own_tree(case: str, tree: str) -> str:
    """The tree whose processes measured a case: the working tree's for cases that do not depend on it."""
    return "current" if case in cases.TREE_INDEPENDENT else tree


def figure(spec: Spec, tree: str, measured: Measured) -> Figure:
    """The row's figure, its baseline's (always from the working tree's processes), their ratio and the status."""
    case_tree = own_tree(spec.case, tree)
    ours = overall(measured, spec.metric, case_tree, spec.case)
    errors = [measured.error(case_tree, spec.case)]
    baseline = ratio = None
    if spec.baseline is not None:
        baseline = overall(measured, spec.metric, "current", spec.baseline)
        ratio = paired_ratio(measured, spec.metric, (case_tree, spec.case), ("current", spec.baseline))
        errors.append(measured.error("current", spec.baseline))
    found = [e for e in errors if e is not None]
    error = "; ".join(dict.fromkeys(found)) if found else None
    measured_value = ratio if spec.on == "ratio" else ours
    status: Status
    if error is not None or ours is None or (spec.baseline is not None and ratio is None):
        status = "ERROR"
        error = error or "no value was measured"
    elif spec.limit is None:
        status = "info"
    else:
        status = "PASS" if measured_value is not None and measured_value <= spec.limit else "MISS"
    return Figure(ours, baseline, ratio, status, error)


def fmt_value(value: float | None, unit: Unit) -> str:
    if value is None:
        return "n/a"
    if unit == "MiB":
        return f"{value:.1f} MiB"
    if value < 1e-6:
        return f"{value * 1e9:.1f} ns"
    if value < 1e-3:
        return f"{value * 1e6:.2f} µs"
    return f"{value * 1e3:.2f} ms"


def fmt_ratio(ratio: float | None) -> str:
    if ratio is None:
        return "—"
    return f"{ratio:.4f}×" if ratio < 0.1 else f"{ratio:.2f}×"


def width(text: str) -> int:
    """Columns the text takes in a terminal: East Asian wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def render(header: Sequence[str], body: Sequence[Sequence[str]], *, markdown: bool) -> str:
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        return "\n".join([*lines, *("| " + " | ".join(cells) + " |" for cells in body)])
    rows = [list(header), *map(list, body)]
    widths = [max(width(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "  ".join(cell + " " * (w - width(cell)) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def baseline_cell(spec: Spec, fig: Figure) -> str:
    return "—" if spec.baseline is None else f"{BASELINE_LABELS[spec.baseline]} {fmt_value(fig.baseline, spec.unit)}"


def single_table(specs: Sequence[Spec], measured: Measured, *, markdown: bool) -> tuple[str, list[Figure]]:
    figures = [figure(spec, "current", measured) for spec in specs]
    body = [
        [
            spec.label,
            fmt_value(fig.ours, spec.unit),
            baseline_cell(spec, fig),
            fmt_ratio(fig.ratio),
            spec.target,
            fig.status,
        ]
        for spec, fig in zip(specs, figures, strict=True)
    ]
    header = ("Case", "Ours", "Baseline", "Ratio", "Target", "Status")
    return render(header, body, markdown=markdown), figures


def compare_table(specs: Sequence[Spec], measured: Measured, base: str, *, markdown: bool) -> tuple[str, list[Figure]]:
    figures: list[Figure] = []
    body = []
    for spec in specs:
        before, after = figure(spec, "base", measured), figure(spec, "current", measured)
        figures += [before, after]

        def cell(fig: Figure, spec: Spec = spec) -> str:
            shown = fmt_value(fig.ours, spec.unit)
            return shown if spec.baseline is None or fig.ratio is None else f"{shown} ({fmt_ratio(fig.ratio)})"

        change = None
        if spec.case not in cases.TREE_INDEPENDENT:
            change = paired_ratio(measured, spec.metric, ("current", spec.case), ("base", spec.case))
        body.append(
            [
                spec.label,
                cell(before),
                cell(after),
                fmt_ratio(change),
                baseline_cell(spec, after),
                spec.target,
                f"{before.status} → {after.status}",
            ]
        )
    header = ("Case", f"Before: {base}", "After: working tree", "After/before", "Baseline", "Target", "Status")
    return render(header, body, markdown=markdown), figures


# -- the environment -------------------------------------------------------------------


def cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    lines = cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines() if cpuinfo.is_file() else []
    return next((line.partition(":")[2].strip() for line in lines if line.startswith("model name")), platform.machine())


def environment(trees: Sequence[Tree], versions: dict[str, str], settings: Settings) -> dict[str, str]:
    """What was measured, where and how: printed above the table and written with ``--json``."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    packages = []
    for name in PACKAGES:
        try:
            packages.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            packages.append(f"{name} not installed")
    found = {
        "machine": f"{platform.platform()}; {cpu_model()}; {cpus} usable CPUs",
        "python": f"{sys.version.split()[0]} ({sys.executable})",
        "packages": ", ".join(packages),
    }
    for tree in trees:
        found[tree.name] = f"{tree.label}: sei_policy {versions[tree.name]} from {tree.src}"
    found["settings"] = settings.describe()
    return found


def working_tree_label() -> str:
    try:
        head = git("rev-parse", "--short=10", "HEAD")
        dirty = git("status", "--porcelain", "--untracked-files=no", "--", "src")
    except BenchError:
        return "working tree"
    return f"working tree at {head}" + (" with uncommitted changes in src/" if dirty else "")


# -- main ------------------------------------------------------------------------------


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {text!r}")
    return value


def row_keys(text: str) -> list[str]:
    keys = [key.strip() for key in text.split(",") if key.strip()]
    unknown = [key for key in keys if key not in ROW_KEYS] or ([] if keys else [text])
    if unknown:
        named = ", ".join(map(repr, unknown))
        raise argparse.ArgumentTypeError(f"unknown row {named}; rows: {', '.join(ROW_KEYS)}")
    return keys


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark sei_policy against its dependency floor and pycountry, on pyperf; "
        "with --base, compare a revision with the working tree in one run."
    )
    parser.add_argument(
        "--base", metavar="REV", help="also measure this revision (checked out into a temporary worktree)"
    )
    parser.add_argument("--fast", action="store_true", help="a smoke run of a few seconds: one round, few values")
    parser.add_argument(
        "--rows", type=row_keys, metavar="KEYS", help=f"only these rows, comma-separated: {', '.join(ROW_KEYS)}"
    )
    parser.add_argument("--rounds", type=positive_int, metavar="N", help="rounds (default 3, or 1 with --fast)")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write every figure and value as JSON to PATH")
    parser.add_argument(
        "--keep", type=Path, metavar="DIR", help="keep pyperf's JSON files in DIR (for pyperf show, compare_to)"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    settings = FAST if args.fast else FULL
    if args.rounds is not None:
        settings = Settings(args.rounds, settings.options)
    specs = [spec for spec in SPECS if args.rows is None or spec.key in args.rows]
    wanted = {spec.case for spec in specs} | {spec.baseline for spec in specs if spec.baseline is not None}
    current = Tree("current", working_tree_label(), ROOT / "src")
    started = time.perf_counter()
    try:
        with base_tree(args.base) as base:
            trees = [current] if base is None else [base, current]
            about = environment(trees, {tree.name: check_tree(tree) for tree in trees}, settings)
            compile_bytecode(trees)
            print("sei_policy benchmarks (pyperf)")
            print("\n".join(f"  {name:<8}: {text}" for name, text in about.items()), end="\n\n", flush=True)
            keep: Path | None = args.keep
            with tempfile.TemporaryDirectory(prefix="sei-policy-bench-") as tmp:
                folder = keep if keep is not None else Path(tmp)
                folder.mkdir(parents=True, exist_ok=True)
                measured = measure(trees, wanted - _missing(wanted), settings, folder)
    except BenchError as failure:
        print(f"run.py: {failure}", file=sys.stderr)
        return 2
    for name in _missing(wanted):
        measured.errors.setdefault("current", {})[name] = "pycountry is not installed (pip install -e '.[bench]')"
    elapsed = time.perf_counter() - started

    if base is None:
        table, figures = single_table(specs, measured, markdown=args.markdown)
    else:
        table, figures = compare_table(specs, measured, args.base, markdown=args.markdown)
    print(table)
    print()
    print(
        "Per-call figures are the best of pyperf's values, others the median; a ratio is the median over rounds"
        " of the ratio of the two figures in the same round."
    )
    errors = sorted({fig.error for fig in figures if fig.error is not None})
    for error in errors:
        print(f"ERROR: {error}")
    counts = {status: sum(fig.status == status for fig in figures) for status in ("PASS", "MISS", "ERROR")}
    print(f"{counts['PASS']} PASS, {counts['MISS']} MISS, {counts['ERROR']} ERROR; ran in {elapsed:.1f} s")
    if args.json is not None:
        write_json(args.json, about, specs, trees, measured)
        print(f"wrote {args.json}")
    return 1 if errors else 0


def _missing(wanted: set[str]) -> set[str]:
    """The wanted cases that cannot run here: pycountry's, when it is not installed."""
    return set() if importlib.util.find_spec("pycountry") else wanted & NEEDS_PYCOUNTRY


def write_json(
    path: Path, about: dict[str, str], specs: Sequence[Spec], trees: Sequence[Tree], measured: Measured
) -> None:
    """Every row's figures on every tree, and every value pyperf gave, as JSON."""
    rows = [
        {"row": spec.label, "key": spec.key, "target": spec.target}
        | {tree.name: asdict(figure(spec, tree.name, measured)) for tree in trees}
        for spec in specs
    ]
    document = about | {"rows": rows, "values_s": measured.times, "peak_rss_mib": measured.rss}
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
