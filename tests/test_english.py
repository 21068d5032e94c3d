"""The English word list that keeps ordinary words as typed: shipped, regenerated from its source, and used."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path
from typing import Any

import pytest

import sei_policy as sp
from sei_policy import _loader, _search, _thesaurus
from sei_policy._stem import stem

FILE = Path(__file__).resolve().parents[1] / "src" / "sei_policy" / "data" / _search.ENGLISH_FILE
MIN_COUNT = 100
"""Words seen fewer times than this in the source list are left out: rare forms there are often misspellings."""

ABOUT = (
    "English words that the search of sei_policy takes as typed although the plan's words lack them: without this "
    "list, search would read each as a typo of a word of the index, or as the start of a longer one. A selection "
    "from the English word-frequency list shipped with pyspellchecker 0.9.1 (words seen 100 times or more), keeping "
    "only the words search would otherwise rewrite. A search aid of the project; it says nothing about the plan."
)
SOURCE = (
    "pyspellchecker 0.9.1 by Tyler Barrus (MIT licence), its English word-frequency list, which its author built "
    "from the OpenSubtitles 2018 corpus distributed by OPUS; single words only, without their frequencies"
)
LICENCE = """MIT License

Copyright (c) 2018-2021 Tyler Barrus

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE."""


def source_words() -> dict[str, int]:
    """pyspellchecker's English word frequencies (a test dependency)."""
    spellchecker = pytest.importorskip("spellchecker")
    path = Path(spellchecker.__file__).parent / "resources" / "en.json.gz"
    counts: dict[str, int] = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    return counts


def build() -> dict[str, Any]:
    """The body of data/english.json: the source's words that search, without the list, would rewrite."""
    records = tuple(r for d in _loader.load().documents for r in d.members())
    searcher = _search.Searcher(records, _thesaurus.load({r.id for r in records}), vocabulary=frozenset)
    kept = []
    for word, count in source_words().items():
        if count < MIN_COUNT or not (4 <= len(word) <= 24 and word.isascii() and word.isalpha() and word.islower()):
            continue
        stemmed = stem(word)
        if searcher._whole(stemmed) or stemmed in searcher._typo_targets:
            continue  # search reads it as typed anyway
        extends = searcher._may_start(word, stemmed) and (searcher._known(stemmed) or bool(searcher._roots(stemmed)))
        if extends or (len(word) >= _search._TYPO_MIN and searcher._typo(word, stemmed) is not None):
            kept.append(word)
    return {"about": ABOUT, "source": SOURCE, "licence": LICENCE, "words": sorted(kept)}


@pytest.mark.integration  # regenerates the list through the search index: about half a minute, run once in CI
def test_the_shipped_list_is_what_its_source_gives() -> None:
    """data/english.json is exactly what regenerating it from pyspellchecker's list gives (python tests/test_english.py)."""
    assert json.loads(FILE.read_text("utf-8")) == build()


def test_the_list_says_what_it_is() -> None:
    """The list names its source and licence, says it is a search aid, and is sorted lower-case words."""
    body = json.loads(FILE.read_text("utf-8"))
    assert "pyspellchecker" in body["source"] and "MIT" in body["licence"] and "search" in body["about"]
    assert body["words"] == sorted(set(body["words"])) and all(w.isalpha() and w.islower() for w in body["words"])
    assert 1000 < len(body["words"]) < 20_000


@pytest.mark.parametrize("word", ["parks", "there", "operators", "anything", "gene", "sports", "costs", "hosts"])
def test_ordinary_words_are_taken_as_typed(word: str) -> None:
    """Ordinary English words the plan lacks are never read as another word."""
    assert all(hit.corrections == () for hit in sp.search(word))


if __name__ == "__main__":  # regenerate: python tests/test_english.py
    FILE.write_text(json.dumps(build(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    sys.exit(0)
