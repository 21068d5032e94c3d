"""Threads racing the first use all get the one plan, loaded exactly once."""

from __future__ import annotations

import subprocess
import sys

import pytest

RACE = """
import sys, threading
import sei_policy as sp
from sei_policy import _loader

loads = []
parse = _loader.parse
_loader.parse = lambda files: loads.append(1) or parse(files)
THREADS = 16
barrier = threading.Barrier(THREADS)
results = [None] * THREADS

def first_use(i):
    barrier.wait()
    use = {use!r}
    if use == "plan":
        results[i] = sp.plan()
    elif use == "get":
        results[i] = sp.get("action:new-materials")
    elif use == "lookup":
        results[i] = sp.lookup("a4")
    else:
        results[i] = sp.search("光刻胶")[0].record

threads = [threading.Thread(target=first_use, args=(i,)) for i in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len({{id(r) for r in results}}), len(loads), results[0] is not None)
"""


@pytest.mark.parametrize("use", ["plan", "get", "lookup", "search"])
def test_sixteen_threads_race_the_first_use(use: str) -> None:
    """In a fresh process, 16 threads racing the first call all get the same object, and one load happens."""
    for _ in range(3):  # a few fresh processes, since a race may go either way
        result = subprocess.run(
            [sys.executable, "-c", RACE.format(use=use)], capture_output=True, text=True, timeout=120, check=False
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.split() == ["1", "1", "True"]


def test_racing_first_searches_build_one_index() -> None:
    """Sixteen threads racing the first search share one search index, built once."""
    code = RACE.format(use="search") + (
        "from sei_policy import _search\nprint(_search._build.loaded, id(_search._build()))\n"
    )
    counting = (
        "import sei_policy._search as r\n"
        "built = []\n"
        "class Counting(r.Searcher):\n"
        "    def __init__(self, *args):\n"
        "        built.append(1)\n"
        "        super().__init__(*args)\n"
        "r.Searcher = Counting\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", counting + code + "print(len(built))\n"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stdout.split()[:3] == ["1", "1", "True"]
    assert result.stdout.split()[-1] == "1"
