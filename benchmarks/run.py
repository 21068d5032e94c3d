"""Benchmarks for sei_policy against its dependency floor and pycountry, printed as one table.

Run from the repository root, with the ``bench`` extra installed::

    python benchmarks/run.py [--rounds N] [--json PATH]

Whole-process cases (B1, B2) run ``python -c ...`` with ``sys.executable``: one
warm-up round, then ``--rounds`` rounds in which every case runs once, in
round-robin order (the starting case rotates each round). Each case reports its
median wall time; each ratio is the median of the per-round ratios, so drift
over the run cancels. In-process cases (B3-B5) use :mod:`timeit`, interleaving
the statements of a group across repeats and keeping the best repeat; their
figures include timeit's own loop overhead, printed below the table. B5's first
search and B6's peak memory run in fresh subprocesses (B6 forked by /bin/sh, see
SMALL_LAUNCHER). Exit status: 1 if any case could not run, else 0.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import textwrap
import time
import timeit
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Literal

# -- what is measured ----------------------------------------------------------

GET_ID = "action:new-materials"
TITLE_EN = "Accelerate the new materials industry in strengthening areas of weakness"
TITLE_ZH = "加快新材料产业强弱项"
NOTATION = "A4"
QUERY_EN = "photoresist"
QUERY_ZH = "光刻胶"
QUERY_FUZZY = "photoresit"
QUERY_PLURAL = "antibodies"
QUERY_THESAURUS = "semiconductors"
QUERY_ZH_LONGER = "新冠疫苗"
DEVSET = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "search-devset.json"
PYCOUNTRY_QUERY = "Germany"

# Whole-process cases, by key: the code given to ``python -c``.
PROCESS_CASES: dict[str, str] = {
    "pass": "pass",
    "import_attrs": "import attrs",
    "import_sei_policy": "import sei_policy",
    "sei_policy_get": f"import sei_policy; sei_policy.get({GET_ID!r})",
    "floor": "import attrs, cattrs, importlib_resources, json",
    "pycountry_get": "import pycountry; pycountry.countries.get(alpha_2='DE')",
    "cli_show": "from sei_policy.cli import main; main(['show', 'A4'])",
}

# B6: the same programs, each printing its own peak RSS when done: ru_maxrss,
# then (as a cross-check, where /proc exists) the kernel's VmHWM in KiB, or -1.
MEMORY_CASES: tuple[str, ...] = ("sei_policy_get", "import_attrs", "pycountry_get")
MEMORY_SUFFIX = textwrap.dedent(
    """
    import os, resource
    _rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _hwm = -1
    if os.path.exists("/proc/self/status"):
        with open("/proc/self/status") as _status:
            _hwm = next((int(line.split()[1]) for line in _status if line.startswith("VmHWM:")), -1)
    print(_rss, _hwm)
    """
)
MEMORY_ROUNDS = 5
# On Linux a child's ru_maxrss starts from the high-water mark of the process
# it was forked from: a child started by this (large) process would report at
# least this process's peak. So each RSS case is forked by a small shell instead;
# the trailing ``exit`` stops the shell from exec-ing python in its own place.
SMALL_LAUNCHER: tuple[str, ...] = ("/bin/sh", "-c", '"$0" -c "$1"; exit $?')

# B5: the first search in a fresh process, once the data is loaded, then the
# warm per-call time in that same process; printed as JSON on stdout.
FIRST_SEARCH_RUNS = 7
FIRST_SEARCH_CODE = textwrap.dedent(
    f"""
    import json, time, timeit
    import sei_policy as sp
    sp.get({GET_ID!r})
    start = time.perf_counter()
    sp.search({QUERY_EN!r})
    first = time.perf_counter() - start
    timer = timeit.Timer("search({QUERY_EN!r})", globals={{"search": sp.search}})
    warm = min(timer.repeat(repeat=5, number=50)) / 50
    print(json.dumps({{"first": first, "warm": warm}}))
    """
)

# In-process timing: repeats per statement, and the target time of one repeat.
REPEATS = 7
REPEAT_SECONDS = 0.05

SUBPROCESS_TIMEOUT = 60.0

PACKAGES: tuple[str, ...] = ("sei-policy", "attrs", "cattrs", "importlib-resources", "pycountry")


class CaseError(Exception):
    """A benchmark case could not run; the message says why."""


# -- results -------------------------------------------------------------------

Unit = Literal["s", "MiB", "share"]
Status = Literal["PASS", "MISS", "info", "ERROR"]


@dataclass
class Row:
    """One line of the table: our figure against its baseline(s) and target.

    ``limit`` bounds ``ratio`` when ``on`` is ``"ratio"`` and ``ours`` when it
    is ``"value"``; without a limit the row is for information only.
    """

    key: str
    case: str
    unit: Unit
    ours: float | None
    baselines: dict[str, float | None] = field(default_factory=dict)
    ratio: float | None = None
    target: str = "—"
    limit: float | None = None
    on: Literal["ratio", "value", "floor"] = "ratio"
    error: str | None = None
    note: str = ""

    @property
    def status(self) -> Status:
        if self.error is not None:
            return "ERROR"
        if self.limit is None:
            return "info"
        measured = self.ratio if self.on == "ratio" else self.ours
        if measured is None:
            return "ERROR"
        if self.on == "floor":  # a figure that must reach the limit, such as recall
            return "PASS" if measured >= self.limit else "MISS"
        return "PASS" if measured <= self.limit else "MISS"

    def to_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "case": self.case,
            "unit": self.unit,
            "ours": self.ours,
            "baselines": self.baselines,
            "ratio": self.ratio,
            "target": self.target,
            "limit": self.limit,
            "limit_on": self.on if self.limit is not None else None,
            "status": self.status,
            "error": self.error,
            "note": self.note,
        }


def median_or_none(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def joined_error(*errors: str | None) -> str | None:
    found = [e for e in errors if e is not None]
    return "; ".join(dict.fromkeys(found)) if found else None


# -- the machine -----------------------------------------------------------------


def cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            name, sep, value = line.partition(":")
            if sep and name.strip() in ("model name", "Hardware", "cpu model"):
                return value.strip()
    return platform.processor() or "unknown"


def usable_cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def package_versions() -> dict[str, str]:
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def environment() -> dict[str, object]:
    return {
        "platform": platform.platform(),
        "cpu": cpu_model(),
        "nproc": usable_cpus(),
        "cpu_count": os.cpu_count(),
        "python": sys.version.replace("\n", " "),
        "executable": sys.executable,
        "packages": package_versions(),
    }


# -- whole processes ---------------------------------------------------------------


def failure(code: str, proc: subprocess.CompletedProcess[bytes]) -> CaseError:
    lines = proc.stderr.decode(errors="replace").strip().splitlines()
    last = lines[-1] if lines else "no output on stderr"
    return CaseError(f"`python -c {code!r}` exited with status {proc.returncode}: {last}")


def run_python(
    code: str, *, capture: bool = False, launcher: Sequence[str] = (), shown: str | None = None
) -> tuple[float, str]:
    """Run ``python -c code``; return its wall time in seconds and its stdout (if captured).

    With a ``launcher``, run ``[*launcher, python, code]`` instead. Errors quote
    ``shown`` (default: the code) as what was run.
    """
    shown = code if shown is None else shown
    stdout = subprocess.PIPE if capture else subprocess.DEVNULL
    command = [*launcher, sys.executable, code] if launcher else [sys.executable, "-c", code]
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            command,
            stdout=stdout,
            stderr=subprocess.PIPE,
            check=False,
            timeout=SUBPROCESS_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        raise CaseError(f"`python -c {shown!r}` took longer than {SUBPROCESS_TIMEOUT:.0f} s") from None
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise failure(shown, proc)
    return elapsed, (proc.stdout or b"").decode()


@dataclass
class Rounds:
    """Per-round figures of several cases; a failed case stops and keeps its error."""

    per_round: list[dict[str, float]] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)

    def samples(self, key: str) -> list[float]:
        return [r[key] for r in self.per_round if key in r]

    def median(self, key: str) -> float | None:
        return median_or_none(self.samples(key))

    def ratio(self, ours: str, base: str) -> float | None:
        """The median over rounds of ours / base, from the rounds where both ran."""
        return median_or_none([r[ours] / r[base] for r in self.per_round if ours in r and base in r and r[base] > 0])


Measure = Callable[[str], dict[str, float]]


def round_robin(keys: Sequence[str], rounds: int, measure: Measure, *, warm_up: bool) -> Rounds:
    """Run each case once per round, rotating which goes first; a warm-up round is not kept.

    ``measure(key)`` runs one case and returns its figures by name; a case that
    fails keeps its error and is not run again.
    """
    result = Rounds()
    live = list(keys)
    if warm_up:
        for key in list(live):
            try:
                measure(key)
            except CaseError as error:
                result.errors[key] = str(error)
                live.remove(key)
    for index in range(rounds):
        if not live:
            break
        shift = index % len(live)
        figures: dict[str, float] = {}
        for key in live[shift:] + live[:shift]:
            try:
                figures.update(measure(key))
            except CaseError as error:
                result.errors[key] = str(error)
        live = [k for k in live if k not in result.errors]
        result.per_round.append(figures)
    return result


def wall_time(key: str) -> dict[str, float]:
    elapsed, _ = run_python(PROCESS_CASES[key])
    return {key: elapsed}


def peak_rss(key: str) -> dict[str, float]:
    """The case's own ru_maxrss in MiB, and its VmHWM under ``'<key> VmHWM'`` where known."""
    launcher = SMALL_LAUNCHER if Path(SMALL_LAUNCHER[0]).exists() else ()
    code = PROCESS_CASES[key]
    _, out = run_python(code + MEMORY_SUFFIX, capture=True, launcher=launcher, shown=f"{code}; <print peak RSS>")
    try:
        rss, hwm = (int(word) for word in out.split()[-2:])
    except ValueError:
        raise CaseError(f"the {key} RSS case printed {out.strip()!r}, not two integers") from None
    figures = {key: max_rss_mib(rss)}
    if hwm >= 0:
        figures[f"{key} VmHWM"] = hwm / 1024
    return figures


def max_rss_mib(value: int) -> float:
    """``ru_maxrss`` in MiB: it is in bytes on macOS and KiB elsewhere."""
    return value / (1024 * 1024) if sys.platform == "darwin" else value / 1024


# -- in process ----------------------------------------------------------------------


def calibrate(timer: timeit.Timer) -> int:
    """A loop count for which one repeat takes about ``REPEAT_SECONDS``."""
    number = 1
    while True:
        elapsed = timer.timeit(number)
        if elapsed >= REPEAT_SECONDS / 10:
            return max(1, round(number * REPEAT_SECONDS / elapsed))
        number *= 10


def per_call(statements: Mapping[str, str], namespace: dict[str, object]) -> dict[str, float]:
    """Best-of-``REPEATS`` seconds per call of each statement, repeats interleaved across statements."""
    timers = {key: timeit.Timer(stmt, globals=namespace) for key, stmt in statements.items()}
    numbers = {key: calibrate(timer) for key, timer in timers.items()}
    best = dict.fromkeys(timers, math.inf)
    for _ in range(REPEATS):
        for key, timer in timers.items():
            best[key] = min(best[key], timer.timeit(numbers[key]) / numbers[key])
    return best


# -- the cases -------------------------------------------------------------------------


def process_rows(rounds: int) -> tuple[list[Row], Rounds]:
    """REF, B1 and B2: whole ``python -c`` processes."""
    timed = round_robin(list(PROCESS_CASES), rounds, wall_time, warm_up=True)
    err = timed.errors.get
    rows = [
        Row(
            "ref_python",
            "REF  python -c pass",
            "s",
            timed.median("pass"),
            error=err("pass"),
            note="interpreter start-up alone",
        ),
        Row(
            "b1_import",
            "B1   import sei_policy",
            "s",
            timed.median("import_sei_policy"),
            {"import attrs": timed.median("import_attrs")},
            timed.ratio("import_sei_policy", "import_attrs"),
            "≤ 1.00× attrs",
            1.00,
            error=joined_error(err("import_sei_policy"), err("import_attrs")),
        ),
        Row(
            "b2_get_vs_floor",
            "B2a  import + get() vs floor",
            "s",
            timed.median("sei_policy_get"),
            {"floor": timed.median("floor")},
            timed.ratio("sei_policy_get", "floor"),
            "≤ 1.20× floor",
            1.20,
            error=joined_error(err("sei_policy_get"), err("floor")),
            note="floor: import attrs, cattrs, importlib_resources, json",
        ),
        Row(
            "b2_get_vs_pycountry",
            "B2b  import + get() vs pycountry",
            "s",
            timed.median("sei_policy_get"),
            {"pycountry": timed.median("pycountry_get")},
            timed.ratio("sei_policy_get", "pycountry_get"),
            "≤ 1.30× pycountry",
            1.30,
            error=joined_error(err("sei_policy_get"), err("pycountry_get")),
            note="pycountry: import pycountry; countries.get(alpha_2='DE')",
        ),
        Row(
            "b7_cli",
            "B7   sei-policy show A4 vs python -c pass",
            "s",
            timed.median("cli_show"),
            {"python -c pass": timed.median("pass")},
            timed.ratio("cli_show", "pass"),
            error=joined_error(err("cli_show"), err("pass")),
            note="the command line's start-up: import, load, resolve and print one record",
        ),
    ]
    return rows, timed


def micro_rows() -> tuple[list[Row], float]:
    """B3 and B4: per-call cost in this process; also returns timeit's loop overhead."""
    import sei_policy as sp

    plan = sp.plan()
    action = plan.action(4)
    table: dict[str, object] = {record.id: record for record in plan.records}
    table[plan.id] = plan
    namespace: dict[str, object] = {"sp": sp, "plan": plan, "a": action, "d": table}
    statements = {
        "overhead": "pass",
        "dict": f"d[{GET_ID!r}]",
        "get_hit": f"sp.get({GET_ID!r})",
        "get_miss": "sp.get('action:nope', None)",
        "plan_action": "plan.action(4)",
        "plan_action_notation": "plan.action('A4')",
        "plan_action_slug": "plan.action('new-materials')",
        "hash_record": "hash(a)",
        "hash_plan": "hash(plan)",
        "attribute": "a.title.zh",
        "lookup_en": f"sp.lookup({TITLE_EN!r})",
        "lookup_zh": f"sp.lookup({TITLE_ZH!r})",
        "lookup_notation": f"sp.lookup({NOTATION!r})",
    }
    for stmt in statements.values():  # warm every path once
        exec(stmt, dict(namespace))
    best = per_call(statements, namespace)
    dict_s = best["dict"]

    def vs_dict(key: str, case: str, target: str = "—", limit: float | None = None) -> Row:
        return Row(key, case, "s", best[key], {"dict lookup": dict_s}, best[key] / dict_s, target, limit)

    rows = [
        vs_dict("get_hit", "B3   sp.get(id) hit", "≤ 3× dict", 3.0),
        vs_dict("get_miss", "B3   sp.get('action:nope', None)"),
        vs_dict("attribute", "B3   a.title.zh"),
    ]
    for key, case, target, limit in (
        ("plan_action", "B3a  plan.action(4)", "≤ 0.4 µs", 0.4e-6),
        ("plan_action_notation", "B3a  plan.action('A4')", "≤ 0.4 µs", 0.4e-6),
        ("plan_action_slug", "B3a  plan.action('new-materials')", "≤ 0.4 µs", 0.4e-6),
        ("hash_record", "B3b  hash(record)", "≤ 0.2 µs", 0.2e-6),
        ("hash_plan", "B3b  hash(plan)", "≤ 0.2 µs", 0.2e-6),
    ):
        rows.append(Row(key, case, "s", best[key], target=target, limit=limit, on="value"))
    for key, case in (
        ("lookup_en", "B4   sp.lookup(English title)"),
        ("lookup_zh", "B4   sp.lookup(Chinese title)"),
        ("lookup_notation", f"B4   sp.lookup({NOTATION!r})"),
    ):
        rows.append(Row(key, case, "s", best[key], target="≤ 1 µs", limit=1e-6, on="value"))
    return rows, best["overhead"]


def search_rows() -> list[Row]:
    """B5: warm search per call against pycountry's fuzzy search, and the first search in a fresh process."""
    import sei_policy as sp

    namespace: dict[str, object] = {"sp": sp}
    statements = {
        "search_en": f"sp.search({QUERY_EN!r})",
        "search_zh": f"sp.search({QUERY_ZH!r})",
        "search_plural": f"sp.search({QUERY_PLURAL!r})",
        "search_fuzzy": f"sp.search({QUERY_FUZZY!r})",
        "search_thesaurus": f"sp.search({QUERY_THESAURUS!r})",
        "search_zh_longer": f"sp.search({QUERY_ZH_LONGER!r})",
    }
    fuzzy_error: str | None = None
    try:
        import pycountry

        namespace["pycountry"] = pycountry
        statements["fuzzy"] = (
            f"try:\n    pycountry.countries.search_fuzzy({PYCOUNTRY_QUERY!r})\nexcept LookupError:\n    pass"
        )
    except ImportError as error:
        fuzzy_error = f"pycountry cannot be imported: {error}"
    for stmt in statements.values():  # warm: loads data, builds the search index
        exec(stmt, dict(namespace))
    best = per_call(statements, namespace)
    fuzzy = best.get("fuzzy")

    rows = [
        Row(
            key,
            case,
            "s",
            best[key],
            {"pycountry search_fuzzy": fuzzy},
            None if fuzzy is None else best[key] / fuzzy,
            "≤ 0.02× pycountry",
            0.02,
            error=fuzzy_error,
        )
        for key, case in (
            ("search_en", f"B5   sp.search({QUERY_EN!r}) warm, exact"),
            ("search_zh", "B5   sp.search('光刻胶') warm, Chinese"),
            ("search_plural", f"B5   sp.search({QUERY_PLURAL!r}) warm, word form"),
            ("search_fuzzy", f"B5   sp.search({QUERY_FUZZY!r}) warm, typo"),
            ("search_thesaurus", f"B5   sp.search({QUERY_THESAURUS!r}) warm, thesaurus"),
            ("search_zh_longer", "B5   sp.search('新冠疫苗') warm, longer Chinese"),
        )
    ]

    firsts: list[float] = []
    warms: list[float] = []
    excess: list[float] = []
    first_error: str | None = None
    try:
        for _ in range(FIRST_SEARCH_RUNS):
            _, out = run_python(FIRST_SEARCH_CODE, capture=True)
            figures = json.loads(out.strip().splitlines()[-1])
            first, warm = float(figures["first"]), float(figures["warm"])
            firsts.append(first)
            warms.append(warm)
            excess.append(first - warm)
    except (CaseError, ValueError, KeyError, IndexError, TypeError) as error:
        first_error = f"first-search subprocess failed: {error}"
    rows.append(
        Row(
            "search_first",
            "B5   first search over warm",
            "s",
            median_or_none(excess),
            {"first": median_or_none(firsts), "warm": median_or_none(warms)},
            target="≤ 5 ms",
            limit=5e-3,
            on="value",
            error=first_error,
            note=f"median of {FIRST_SEARCH_RUNS} fresh processes, each: first sp.search after get() minus its own warm",
        )
    )
    return rows


def table_rows() -> list[Row]:
    """B8: the whole plan as flat rows and as a pandas frame, warm (pandas imported, data loaded)."""
    import sei_policy as sp

    statements = {"to_records": "sp.to_records()", "to_frame": "sp.to_frame()"}
    error: str | None = None
    try:
        for stmt in statements.values():
            exec(stmt, {"sp": sp})
    except ImportError as missing:
        error = f"pandas cannot be imported: {missing}"
        statements.pop("to_frame")
    best = per_call(statements, {"sp": sp})
    return [
        Row("to_records", "B8   sp.to_records() warm, 64 rows", "s", best["to_records"], target="—"),
        Row("to_frame", "B8   sp.to_frame() warm, 64 rows", "s", best.get("to_frame"), error=error),
    ]


def recall_rows() -> list[Row]:
    """R: top-3 recall on the development set of realistic queries (tests/fixtures/search-devset.json)."""
    import sei_policy as sp

    queries = json.loads(DEVSET.read_text(encoding="utf-8"))["queries"]
    found = sum(
        any(e in [h.record.id for h in sp.search(q["query"], limit=3)] for e in q["expected"]) for q in queries
    )
    return [
        Row(
            "recall",
            "R    top-3 recall, development set",
            "share",
            found / len(queries),
            target="≥ 0.95",
            limit=0.95,
            on="floor",
            note=f"{found} of {len(queries)} queries rank a record the analyst means in the top three",
        )
    ]


def memory_rows() -> tuple[list[Row], Rounds]:
    """B6: peak RSS of the B2 programs, each reported by the program itself."""
    measured = round_robin(MEMORY_CASES, MEMORY_ROUNDS, peak_rss, warm_up=False)
    err = measured.errors.get
    ours = measured.median("sei_policy_get")

    def hwm(key: str) -> str:
        return fmt_value(measured.median(f"{key} VmHWM"), "MiB")

    via = "forked by /bin/sh" if Path(SMALL_LAUNCHER[0]).exists() else "started directly (no /bin/sh)"
    note = (
        f"ru_maxrss, median of {MEMORY_ROUNDS} rounds, each child {via}; VmHWM cross-check: "
        f"ours {hwm('sei_policy_get')}, attrs {hwm('import_attrs')}, pycountry {hwm('pycountry_get')}"
    )
    rows = [
        Row(
            "b6_rss_vs_attrs",
            "B6   peak RSS, import + get()",
            "MiB",
            ours,
            {"import attrs": measured.median("import_attrs")},
            measured.ratio("sei_policy_get", "import_attrs"),
            error=joined_error(err("sei_policy_get"), err("import_attrs")),
        ),
        Row(
            "b6_rss_vs_pycountry",
            "B6   peak RSS, import + get()",
            "MiB",
            ours,
            {"pycountry": measured.median("pycountry_get")},
            measured.ratio("sei_policy_get", "pycountry_get"),
            "≤ 1.00× pycountry",
            1.00,
            error=joined_error(err("sei_policy_get"), err("pycountry_get")),
            note=note,
        ),
    ]
    return rows, measured


# -- printing ----------------------------------------------------------------------------


def fmt_value(value: float | None, unit: Unit) -> str:
    if value is None:
        return "n/a"
    if unit == "MiB":
        return f"{value:.1f} MiB"
    if unit == "share":
        return f"{value:.3f}"
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


def pad(text: str, columns: int) -> str:
    return text + " " * (columns - width(text))


def render(rows: Sequence[Row]) -> str:
    header = ("Case", "Ours", "Baseline", "Ratio", "Target", "Status")
    cells = [header]
    for row in rows:
        baseline = ", ".join(f"{name} {fmt_value(value, row.unit)}" for name, value in row.baselines.items()) or "—"
        cells.append((row.case, fmt_value(row.ours, row.unit), baseline, fmt_ratio(row.ratio), row.target, row.status))
    widths = [max(width(line[i]) for line in cells) for i in range(len(header))]
    lines = ["  ".join(pad(cell, w) for cell, w in zip(line, widths, strict=True)).rstrip() for line in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def print_environment(env: Mapping[str, object], rounds: int) -> None:
    packages = env["packages"]
    assert isinstance(packages, dict)
    print("sei_policy benchmarks")
    print(f"  machine : {env['platform']}")
    print(f"  cpu     : {env['cpu']} (nproc {env['nproc']}, cpu_count {env['cpu_count']})")
    print(f"  python  : {env['python']}")
    print(f"  packages: {', '.join(f'{k} {v}' for k, v in packages.items())}")
    print(
        f"  settings: {rounds} rounds + 1 warm-up for whole processes; best of {REPEATS} repeats "
        f"(~{REPEAT_SECONDS * 1e3:.0f} ms each) in process; {MEMORY_ROUNDS} rounds for RSS; "
        f"{FIRST_SEARCH_RUNS} fresh processes for the first search"
    )
    print()


# -- main ----------------------------------------------------------------------------------


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return value


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark sei_policy against attrs, its dependency floor and pycountry."
    )
    parser.add_argument("--rounds", type=positive_int, default=15, help="timed rounds of whole processes (default 15)")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the figures as JSON to PATH")
    return parser.parse_args(argv)


def compile_bytecode() -> list[str]:
    """Write the bytecode of every measured package, as an install does.

    Every case then reads cached bytecode, even where PYTHONDONTWRITEBYTECODE is
    set or a source file was just edited; otherwise the first case to import a
    changed module would pay for compiling it, in every process.
    """
    import compileall
    import importlib.util

    compiled = []
    for name in ("sei_policy", "attr", "attrs", "cattrs", "importlib_resources", "pycountry"):
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in spec.submodule_search_locations:
            compileall.compile_dir(folder, quiet=1)
        compiled.append(name)
    return compiled


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    rounds: int = args.rounds
    env = environment()
    print_environment(env, rounds)
    print(f"  bytecode: compiled for {', '.join(compile_bytecode())}")
    started = time.perf_counter()

    rows, process_rounds = process_rows(rounds)
    micro, overhead = micro_rows()
    searches = search_rows() + recall_rows() + table_rows()
    memory, memory_rounds = memory_rows()
    # B2's rows then B6's, after B3-B5, in the order of the brief.
    rows += micro + searches + memory
    elapsed = time.perf_counter() - started

    print(render(rows))
    print()
    print("Whole-process figures are medians; their ratios are medians of per-round ratios.")
    print(f"In-process figures are best of {REPEATS} and include timeit's loop overhead of {fmt_value(overhead, 's')}.")
    for row in rows:
        if row.note:
            print(f"  {row.case.split()[0]:<4} {row.note}")
    errors = [row for row in rows if row.error is not None]
    for row in errors:
        print(f"ERROR {row.case}: {row.error}")
    counts = {status: sum(row.status == status for row in rows) for status in ("PASS", "MISS", "ERROR")}
    print(f"{counts['PASS']} PASS, {counts['MISS']} MISS, {counts['ERROR']} ERROR; ran in {elapsed:.1f} s")

    if args.json is not None:
        document = {
            "environment": env,
            "settings": {
                "rounds": rounds,
                "repeats": REPEATS,
                "repeat_seconds": REPEAT_SECONDS,
                "memory_rounds": MEMORY_ROUNDS,
                "first_search_runs": FIRST_SEARCH_RUNS,
            },
            "units": {"s": "seconds (per process or per call)", "MiB": "mebibytes of peak RSS"},
            "timeit_overhead_s": overhead,
            "rows": [row.to_json() for row in rows],
            "samples": {
                "process_seconds": {key: process_rounds.samples(key) for key in PROCESS_CASES},
                "max_rss_mib": {key: memory_rounds.samples(key) for key in MEMORY_CASES},
                "vmhwm_mib": {key: memory_rounds.samples(f"{key} VmHWM") for key in MEMORY_CASES},
            },
            "elapsed_s": elapsed,
        }
        args.json.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
