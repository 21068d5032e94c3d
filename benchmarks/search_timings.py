"""Search timings (issue 14), against pycountry's ``search_fuzzy`` measured in the same run.

Run from the repository root, with the ``bench`` extra installed::

    python benchmarks/search_timings.py [--rounds N] [--no-libraries]

Prints, each with its target:

- warm ``search`` per call for short, long, number and Chinese queries, and its ratio to
  ``pycountry.countries.search_fuzzy("Germany")`` (target: under 1/50);
- ``search`` and ``did_you_mean`` on a pasted paragraph of 5 KB, first call and warm (target: 50 ms);
- in fresh processes: ``import sei_policy``, the first ``get`` (the data load) and the first ``search``
  after it (target: at most half the data load), and whether import or ``get`` loaded any search module;
- with libraries: snowballstemmer's English stemmer against ``_stem``, and rapidfuzz's OSA distance
  against ``_search.distance``: speed, and top-three recall on the development set (its tuning part).

In-process figures are the best of ``--rounds`` timeit repeats; fresh-process figures are medians.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import textwrap
import timeit
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "tests" / "fixtures" / "search-devset.json"

WARM_QUERIES = (
    "photoresist",
    "光刻胶",
    "photoresit",
    "antibodies",
    "semiconductors",
    "新冠疫苗",
    "What does the plan say about vaccines and diagnostics?",
    "How will banks and capital markets finance strategic emerging industries?",
    "100 clusters",
    "10/100/1000",
    "这个规划对5G有什么要求？",
)
PYCOUNTRY_QUERY = "Germany"
PASTE_BYTES = 5 * 1024
FRESH_RUNS = 7
FRESH_CODE = textwrap.dedent(
    """
    import json, sys, time
    start = time.perf_counter()
    import sei_policy as sp
    imported = time.perf_counter()
    sp.get("action:new-materials")
    got = time.perf_counter()
    loaded = sorted(m for m in sys.modules if m in ("sei_policy._search", "sei_policy._stem", "sei_policy._thesaurus"))
    sp.search("photoresist")
    searched = time.perf_counter()
    print(json.dumps({"import": imported - start, "get": got - imported, "search": searched - got, "loaded": loaded}))
    """
)


def best(statement: Callable[[], object], rounds: int) -> float:
    """The best per-call time of ``statement`` over ``rounds`` repeats of about 0.1 s each."""
    timer = timeit.Timer(statement)
    number, _ = timer.autorange()
    return min(timer.repeat(repeat=rounds, number=max(1, number // 2))) / max(1, number // 2)


def paste() -> str:
    """About 5 KB of English prose with a few typos, built from the plan's summaries and the thesaurus's reasons."""
    import sei_policy as sp
    from sei_policy import _thesaurus

    texts = [r.summary for r in sp.records() if r.summary]
    known = {sp.plan().id, *(r.id for r in sp.records()), *(c.id for c in sp.records(kind=sp.NbsCategory))}
    texts += [e.reason for e in _thesaurus.load(known)]
    text = " ".join(texts)
    typos = " requirment grasroots objectve investmnet fotoresistz xylophonic "
    return (typos + text)[:PASTE_BYTES]


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:8.3f} ms"


def us(seconds: float) -> str:
    return f"{seconds * 1e6:8.1f} µs"


def warm_rows(rounds: int) -> None:
    import pycountry

    import sei_policy as sp

    fuzzy = best(lambda: pycountry.countries.search_fuzzy(PYCOUNTRY_QUERY), rounds)
    print(f"pycountry.countries.search_fuzzy({PYCOUNTRY_QUERY!r}) warm: {us(fuzzy)}  (the baseline)")
    print(f"{'warm sp.search(query)':<80} {'per call':>11} {'× pycountry':>12}  target < 0.02×")
    for query in WARM_QUERIES:
        sp.search(query)
        took = best(lambda q=query: sp.search(q), rounds)  # type: ignore[misc]
        ratio = took / fuzzy
        print(f"  {query!r:<78} {us(took)} {ratio:11.4f}×  {'ok' if ratio < 0.02 else 'MISSED'}")


def paste_rows(rounds: int) -> None:
    import sei_policy as sp
    from sei_policy import _search

    text = paste()
    print(f"pasted paragraph: {len(text.encode('utf-8'))} bytes, {len(text.split())} words")
    for name, call in (("search", sp.search), ("did_you_mean", sp.did_you_mean)):
        searcher = _search._build()
        searcher._correct.cache_clear()
        searcher._close.cache_clear()
        start = timeit.default_timer()
        call(text)
        first = timeit.default_timer() - start
        warm = best(lambda c=call: c(text), rounds)  # type: ignore[misc]
        verdict = "ok" if max(first, warm) <= 0.05 else "MISSED"
        print(f"  {name + '(paste)':<30} first {ms(first)}  warm {ms(warm)}   target ≤ 50 ms  {verdict}")


def fresh_rows() -> None:
    figures = []
    for _ in range(FRESH_RUNS):
        out = subprocess.run([sys.executable, "-c", FRESH_CODE], capture_output=True, text=True, check=True).stdout
        figures.append(json.loads(out.strip().splitlines()[-1]))
    median = {key: statistics.median(f[key] for f in figures) for key in ("import", "get", "search")}
    ratio = statistics.median(f["search"] / f["get"] for f in figures)
    loaded = sorted({m for f in figures for m in f["loaded"]})
    print(f"fresh process (median of {FRESH_RUNS}):")
    print(f"  import sei_policy   {ms(median['import'])}")
    print(f"  first get (data)    {ms(median['get'])}")
    print(f"  first search        {ms(median['search'])}   {ratio:.2f}× the first get   target ≤ 0.5×  "
          f"{'ok' if ratio <= 0.5 else 'MISSED'}")  # fmt: skip
    print(f"  search modules loaded by import and the first get: {loaded or 'none'}")


RECALL_CODE = textwrap.dedent(
    """
    import json, sys
    from sei_policy import _search
    variant = sys.argv[1]
    if variant == "snowball":
        import snowballstemmer
        stemmer = snowballstemmer.stemmer("english")
        plain = _search.stem
        _search.stem = lambda w: stemmer.stemWord(w) if w.isascii() and w.isalpha() and w.islower() else plain(w)
    elif variant == "rapidfuzz":
        from rapidfuzz.distance import OSA
        _search.distance = lambda a, b, limit: OSA.distance(a, b, score_cutoff=limit)
    import sei_policy as sp
    queries = [q for q in json.load(open(sys.argv[2], encoding="utf-8"))["queries"] if not q.get("holdout")]
    found = sum(any(e in [h.record.id for h in sp.search(q["query"], limit=3)] for e in q["expected"]) for q in queries)
    print(json.dumps({"found": found, "total": len(queries)}))
    """
)


def library_rows(rounds: int) -> None:
    import snowballstemmer  # type: ignore[import-untyped]  # no stubs; Sphinx brings it

    from sei_policy import _search
    from sei_policy._stem import stem

    words = json.loads((ROOT / "src" / "sei_policy" / "data" / "english.json").read_text("utf-8"))["words"]
    stemmer = snowballstemmer.stemmer("english")

    def ours() -> None:
        stem.cache_clear()
        for w in words:
            stem(w)

    def snowball() -> None:
        for w in words:
            stemmer.stemWord(w)

    print(f"stemming {len(words)} words, no cache: _stem {ms(best(ours, rounds))}   "
          f"snowballstemmer {ms(best(snowball, rounds))}")  # fmt: skip
    pairs = [(w, w[::-1][:3] + w[3:]) for w in words[:2000]]
    ours_distance = best(lambda: [_search.distance(a, b, 2) for a, b in pairs], rounds)
    try:
        from rapidfuzz.distance import OSA

        theirs = best(lambda: [OSA.distance(a, b, score_cutoff=2) for a, b in pairs], rounds)
        print(f"edit distance, {len(pairs)} pairs, limit 2: ours {ms(ours_distance)}   rapidfuzz OSA {ms(theirs)}")
    except ImportError:
        print(f"edit distance, {len(pairs)} pairs, limit 2: ours {ms(ours_distance)}   rapidfuzz not installed")
    for variant in ("ours", "snowball", "rapidfuzz"):
        try:
            out = subprocess.run([sys.executable, "-c", RECALL_CODE, variant, str(DEVSET)],
                                 capture_output=True, text=True, check=True).stdout  # fmt: skip
        except subprocess.CalledProcessError as error:
            print(f"  recall with {variant}: could not run ({error.stderr.strip().splitlines()[-1:]})")
            continue
        result = json.loads(out.strip().splitlines()[-1])
        share = result["found"] / result["total"]
        print(f"  top-3 recall, development set (tuning part), with {variant:<9}: "
              f"{result['found']}/{result['total']} = {share:.1%}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-libraries", action="store_true", help="skip snowballstemmer and rapidfuzz")
    args = parser.parse_args()
    warm_rows(args.rounds)
    paste_rows(args.rounds)
    fresh_rows()
    if not args.no_libraries:
        library_rows(args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
