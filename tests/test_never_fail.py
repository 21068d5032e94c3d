"""Search never fails: every word of the index and the thesaurus with a typo, and a large list of English words."""

from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pytest

import sei_policy as sp
from sei_policy import _search, _thesaurus
from sei_policy._resolver import NOT_WORD, fold

from .helpers import ALL_RECORDS

ENGLISH_LIMIT = 20_000
"""How many of the most frequent English words to try."""


def _index_words() -> list[str]:
    """Every word of every record's texts and identifier and of every thesaurus term, folded, once."""
    texts = [t for r in ALL_RECORDS for _, t in r.texts] + [r.id for r in ALL_RECORDS]
    texts += [t for entry in _thesaurus.load({r.id for r in ALL_RECORDS}) for t in entry.terms]
    return sorted({w for text in texts for w in NOT_WORD.sub(" ", fold(text)).split()})


def _typo(word: str, rng: random.Random) -> str:
    """``word`` with one random edit: a letter substituted, deleted, inserted, or two neighbours swapped."""
    at = rng.randrange(len(word))
    letter = rng.choice("abcdefghijklmnopqrstuvwxyz")
    edit = rng.choice(["substitute", "delete", "insert", "swap"] if len(word) > 1 else ["substitute", "insert"])
    if edit == "substitute":
        return word[:at] + letter + word[at + 1 :]
    if edit == "delete":
        return word[:at] + word[at + 1 :]
    if edit == "insert":
        return word[:at] + letter + word[at:]
    at = max(at, 1)
    return word[: at - 1] + word[at] + word[at - 1] + word[at + 1 :]


def _english_words() -> list[str]:
    """The most frequent words of pyspellchecker's English list (a test dependency)."""
    spellchecker = pytest.importorskip("spellchecker")
    path = Path(spellchecker.__file__).parent / "resources" / "en.json.gz"
    counts: dict[str, int] = json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))
    return sorted(counts, key=lambda w: (-counts[w], w))[:ENGLISH_LIMIT]


def _failures(queries: list[str]) -> list[str]:
    """Each query for which search or did_you_mean raised, with the exception."""
    failed = []
    for query in queries:
        try:
            hits = sp.search(query)
            assert isinstance(hits, sp.Hits) and (hits or hits.reason)
            assert isinstance(sp.did_you_mean(query), tuple)
        except Exception as error:  # noqa: BLE001 - counting every kind of failure is the point
            failed.append(f"{query!r}: {error!r}")
    return failed


def test_every_index_and_thesaurus_word_with_a_typo_is_answered() -> None:
    """Each word of the index and the thesaurus, with one random edit, gives Hits (maybe empty, with a reason)."""
    rng = random.Random(14)
    words = _index_words()
    assert len(words) > 500
    assert _failures([_typo(w, rng) for w in words] + words) == []


@pytest.mark.integration  # 20,000 words through search and did_you_mean: about a minute, run once in CI
def test_every_ordinary_english_word_is_answered() -> None:
    """20,000 ordinary English words each give Hits, and search and did_you_mean raise for none."""
    words = _english_words()
    assert len(words) == ENGLISH_LIMIT
    assert _failures(words) == []


@pytest.mark.parametrize("word", ["costs", "hosts", "omitting", "modeling", "requirment", "grasroots", "objectve"])
def test_the_words_that_used_to_raise_are_answered(word: str) -> None:
    """The words whose display form was missing (KeyError: 'most') are answered."""
    assert isinstance(sp.search(word), sp.Hits)
    assert isinstance(sp.did_you_mean(word), tuple)


def test_caches_are_bounded() -> None:
    """The typo and suggestion caches keep at most CACHE_SIZE words, however many are asked."""
    searcher = _search._build()
    rng = random.Random(1)
    for _ in range(300):
        searcher.did_you_mean("".join(rng.choice("abcdefgh") for _ in range(9)))
    for cache in (searcher._correct, searcher._close):
        info = cache.cache_info()
        assert info.maxsize == _search.CACHE_SIZE and info.currsize <= info.maxsize
