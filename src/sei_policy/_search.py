"""Ranked search over every record, in English and Chinese: :func:`search`, :func:`did_you_mean` and the index.

Each record is searched field by field (identifier, notation, numbers, titles,
aliases, keywords, summary), every field with a weight, and ranked by a
field-weighted relevance in the manner of BM25F: a query word counts for
more in a title than in a summary, and a rare word for more than a common
one. A record matches when it holds *some* of the query's words, so a long
question finds what its telling words name; function words (``the``, ``what
does``, ``是什么``) are ignored.

- **Scores in 0–1.** A hit's score is its share of the best score the query
  could earn, so scores can be compared across queries. An empty result says
  why (:attr:`Hits.reason`).
- **English word forms.** Words are compared by their stem (``_stem``), so
  ``vaccines`` finds "vaccine"; a word of four letters or more that is not an
  English word also matches the start of a longer one (``photores``).
- **Typos.** A word of five letters or more that neither the index nor a
  general English vocabulary knows is read as the closest word of the index
  within one edit (five to seven letters) or two (eight or more); such
  matches score half, and the hit says what was read
  (:attr:`Hit.corrections`). ``parks`` and ``there`` are never "corrected".
- **Numbers.** Target values, the plan's figures and years are indexed:
  ``100 clusters``, ``10/100/1000``.
- **Chinese without word boundaries, both ways.** Chinese is cut into
  overlapping two-character pieces, and pieces that stand nowhere in the index
  are dropped, so a query longer than a stored term still finds it
  (``新冠疫苗`` → 疫苗), as does a query inside a longer term. Traditional
  characters are folded to simplified ones (OpenCC's table).
- **The thesaurus** (``_thesaurus``, the project's editorial aid) adds terms
  the plan's own words lack (``semiconductor``, ``EV``, ``充电桩``); a term
  matches only as a whole word or phrase. A hit found only through it has
  ``"thesaurus"`` in :attr:`Hit.matched`, carries the entry's reason, and a
  word found through it counts for less than the same word in the plan's own words.

>>> import sei_policy as sp
>>> [h.record.id for h in sp.search("silicon wafers")][:1]
['action:new-materials']
>>> [h.record.notation for h in sp.search("疫苗")]
['A2']
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, SupportsIndex, TypeVar, overload

import attrs

from sei_policy import _data, _loader, _thesaurus
from sei_policy._once import Once
from sei_policy._resolver import NOT_WORD, fold
from sei_policy._simplify import simplify
from sei_policy._stem import stem
from sei_policy.errors import InvalidArgumentError, InvalidArgumentTypeError
from sei_policy.models import DocumentArgument, Kind, Plan, PlanOrRecord, Record, kind_of

__all__ = ("Hit", "Hits", "Searcher", "did_you_mean", "search")

_R = TypeVar("_R", bound="Record | Plan", covariant=True)
_K = TypeVar("_K", bound="Record | Plan")

MAX_QUERY = 4096
"""Only this many characters of a query are read: no field is longer."""
MAX_TOKENS = 32
"""At most this many distinct tokens of a query are scored."""
MAX_SUGGESTED = 16
"""did_you_mean looks for replacements of at most this many unknown words (a pasted page holds dozens)."""
CACHE_SIZE = 4096
"""At most this many typed words are remembered with their correction."""

# Function words: English ones (and the words every question about this plan uses), then Chinese ones.
_STOPWORDS = frozenset(
    """a about above after again against all also am an and any anything are as at be because been before being
    between both but by can could did do does doing done during each either few for from further get gets
    give given had has have having he her here hers him his how i if in into is its itself just me mean meant
    more my no nor not now of off on once only or other our out over own please same say says said she should
    so some something such tell than that the their them then there these they this those through to too under
    until up us very want wants was we were what when where which while who whom why will with would you your
    thing things nothing everything plan plans plan's china china's chinese beijing beijing's mention mentions
    mentioned""".split()  # noqa: SIM905 - a block of words reads better than a list of 160 strings
)
_ZH_STOPWORDS = ("有没有", "为什么", "是什么", "有哪些", "什么", "哪些", "如何", "怎么", "怎样", "是否", "多少",
                 "这个", "这些", "那些", "包括", "意思", "吗", "呢", "吧", "？")  # fmt: skip
# Code point ranges of Chinese characters (CJK radicals, ideographs and their extensions).
# Checked by hand: a regular expression over these ranges costs milliseconds to compile.
_CJK_RANGES = ((0x2E80, 0x2FDF), (0x3005, 0x3007), (0x3021, 0x3029), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
               (0xF900, 0xFAFF), (0x20000, 0x3FFFF))  # fmt: skip

# field name -> weight; the order is the order of ``Hit.matched``, and the order ties break by
_WEIGHTS = {
    "id": 5.0,
    "notation": 8.0,
    "numbers": 6.0,
    "title.en": 10.0,
    "title.zh": 10.0,
    "aliases.en": 8.0,
    "aliases.zh": 8.0,
    "keywords.en": 6.0,
    "keywords.zh": 6.0,
    "summary": 2.0,
}
_FIELD_ORDER = {name: i for i, name in enumerate(_WEIGHTS)}
_OTHER_NAME = 8.0  # the plan's document numbers and short names weigh as aliases
_WHOLE_TERM, _WHOLE_WORDS, _INSIDE = 3.0, 2.0, 1.0
_K1 = 4.0
"""BM25's saturation: a word's weight over all fields ``w`` counts ``w / (w + _K1)``."""
_PREFIX = 0.6
"""A query word that starts a longer word (``photores`` in ``photoresist``) scores this share of a whole one."""
_ROOT = 0.5
"""A word of the index of six letters or more that starts the query word (``industri`` for ``industrial``)."""
_SHORTEST_PREFIX = 4
"""Words shorter than this match whole words only (``AI`` is not ``aircraft``, ``gen`` not ``generation``)."""
_FUZZY = 0.5
"""A word read through a typo scores this share of an exact one."""
_THESAURUS = 0.3
"""A query term found through the thesaurus counts this share of its weight: less than the plan's own words ever do."""
_TYPO_MIN = 5
"""Words shorter than this are never corrected."""
_MAX_RUN = 16
"""Chinese runs longer than this are not cut into every substring to look for thesaurus terms."""
ENGLISH_FILE = "english.json"
_DECIMAL = re.compile(r"(?<![\d.])(\d+)\.(\d+)(?![\d.])")
_THOUSANDS = re.compile(r"(?<=\d),(\d{3})(?!\d)")


@attrs.frozen(kw_only=True)
class Hit(Generic[_R]):
    """One search result: the record, its score (0–1, higher is better) and why it matched.

    ``score`` is the hit's share of the best score the query could earn, so it
    means the same across queries. ``matched`` names the fields the query
    matched, in a fixed order, and ``"thesaurus"`` where the thesaurus matched
    (alone: the hit rests on the thesaurus only, and ``reason`` says why its
    entry points here). ``corrections`` pairs each query word read as another
    because of a typo with the word it was read as. ``Hit[Action]`` is what
    ``search(..., kind=sp.Action)`` returns.
    """

    record: _R
    score: float
    matched: tuple[str, ...]
    corrections: tuple[tuple[str, str], ...] = ()
    reason: str | None = None


class Hits(tuple[Hit[_R], ...], Generic[_R]):
    """What :func:`search` returns: a tuple of hits, best first, that notebooks show as a ranked table.

    It is a plain tuple in every other way (``hits[0]``, ``len(hits)``, ``hits == ()``); a slice
    is ``Hits`` again. ``reason`` says why nothing matched (``None`` when something did).

    >>> import sei_policy as sp
    >>> type(sp.search("clusters")[:2]).__name__
    'Hits'
    >>> sp.search("what about them").reason
    'the query holds only function words (what, about, them), which search ignores'
    >>> sp.search("xyzzy plover").reason
    'no word of the query is known to the index (xyzzy, plover)'
    """

    reason: str | None

    def __new__(cls, hits: Iterable[Hit[_R]] = (), reason: str | None = None) -> Hits[_R]:
        made = super().__new__(cls, hits)
        made.reason = None if made else reason
        return made

    @overload
    def __getitem__(self, index: SupportsIndex) -> Hit[_R]: ...
    @overload
    def __getitem__(self, index: slice) -> Hits[_R]: ...

    def __getitem__(self, index: SupportsIndex | slice) -> Hit[_R] | Hits[_R]:
        if isinstance(index, slice):
            return Hits(super().__getitem__(index), self.reason or "the slice holds none of the hits")
        return super().__getitem__(index)

    def _repr_html_(self) -> str:
        from sei_policy import _render as display  # the HTML code loads only where something is shown as HTML

        return display.html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        from sei_policy import _render as display

        display.pretty(self, printer, cycle)


def _numerals(folded: str) -> str:
    """Folded text with each number kept whole: ``10.5`` one word (``10d5``), ``1,000`` as ``1000``."""
    if "." in folded or "," in folded:
        folded = _THOUSANDS.sub(r"\1", _DECIMAL.sub(r"\1d\2", folded))
    return folded


def _words(folded: str) -> list[str]:
    """The words of folded text, English ones stemmed."""
    return [stem(w) if w.isascii() else w for w in NOT_WORD.sub(" ", _numerals(folded)).split()]


def _field(terms: Iterable[str | None]) -> str:
    """Folded, stemmed terms, each padded as ``\\n word word \\n`` so that a phrase never spans two terms."""
    return "".join(["\n " + " ".join(_words(fold(t))) + " \n" for t in terms if t])


def _number(value: float) -> str:
    return f"{value:g}"


def _numbers(record: PlanOrRecord) -> list[str | None]:
    """The record's numbers as people type them: a target's value and year, the plan's figures and dates."""
    found: list[str | None] = []
    for name in ("value", "year"):
        value = getattr(record, name, None)
        if isinstance(value, int | float) and not isinstance(value, bool):
            found.append(_number(value))
    if isinstance(record, Plan):
        for label, day in (("issued", record.issued), ("published", record.published)):
            if day is not None:
                found.append(f"{label} {day.isoformat()}")
        for figure in record.figures:
            found.append(_number(figure.value) + ("%" if figure.unit == "%" else ""))
            found.append(figure.period)
    return found


def _fields(record: PlanOrRecord) -> tuple[tuple[str, float, str], ...]:
    """The record's searchable fields (its :attr:`~sei_policy.Record.texts`, grouped), each with its weight."""
    names: dict[str, list[str | None]] = {"id": [record.id], "notation": [getattr(record, "notation", None)],
                                          "numbers": _numbers(record)}  # fmt: skip
    for path, text in record.texts:
        names.setdefault(path.partition("[")[0], []).append(text)
    fields = ((name, _WEIGHTS.get(name, _OTHER_NAME), _field(terms)) for name, terms in names.items())
    return tuple(f for f in fields if f[2])


def _is_cjk(char: str) -> bool:
    if "\u4e00" <= char <= "\u9fff":  # the main block first: it holds nearly every character of the data
        return True
    code = ord(char)
    return code >= 0x2E80 and any(low <= code <= high for low, high in _CJK_RANGES)


def _runs(words: Iterable[str]) -> Iterator[str]:
    """The words, each split where it passes between Chinese and other characters."""
    for word in words:
        if word.isascii():
            yield word
            continue
        start = 0
        for i in range(1, len(word)):
            if _is_cjk(word[i]) != _is_cjk(word[i - 1]):
                yield word[start:i]
                start = i
        yield word[start:]


def _pairs(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


def _function_word(word: str) -> bool:
    return word in _STOPWORDS or word.rstrip("'s") in _STOPWORDS


def distance(a: str, b: str, limit: int) -> int:
    """The edit distance of ``a`` and ``b`` (insertions, deletions, substitutions, swaps of neighbours).

    Work stops once the distance must exceed ``limit``; ``limit + 1`` is then returned.

    >>> distance("blockchian", "blockchain", 2), distance("vacin", "vaccin", 1), distance("abc", "xyz", 1)
    (1, 1, 2)
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


@functools.cache
def english() -> frozenset[str]:
    """English words that search must take as typed, though the index lacks them (``parks``, ``there``, ``gene``).

    Only the words that search would otherwise read as a typo or as the start of a longer word are
    shipped (``data/english.json``); they come from a general English word-frequency list.
    """
    raw = _data.read(ENGLISH_FILE)
    return frozenset(json.loads(raw.decode("utf-8"))["words"])


class Searcher:
    """The search index over a fixed sequence of records (in document order) and a thesaurus."""

    def __init__(
        self,
        records: tuple[PlanOrRecord, ...],
        thesaurus: _thesaurus.Thesaurus | None = None,
        vocabulary: Callable[[], frozenset[str]] = english,
    ) -> None:
        entries = []
        for record in records:
            fields = _fields(record)
            entries.append((record, fields, "".join(text for _, _, text in fields)))
        self._entries = tuple(entries)
        self._english = vocabulary
        self._thesaurus = thesaurus.entries if thesaurus is not None else ()
        self._terms: dict[str, list[int]] = {}
        for i, entry in enumerate(self._thesaurus):
            for term in entry.terms:
                self._terms.setdefault(" ".join(_words(fold(term))), []).append(i)
        corpus = "".join(everything for _, _, everything in entries)
        self._corpus = corpus
        self._orders = {record.id: i for i, record in enumerate(records)}
        self._postings: dict[str, set[int]] = {}  # each word of the index -> the records (by order) holding it
        for order, (_, _, everything) in enumerate(entries):
            for word in set(everything.split()):
                self._postings.setdefault(word, set()).add(order)
        self._term_weights: dict[str, float] = {}  # thesaurus term -> its weight, as queries find them
        # Per record: each field's rank in the order ties break by (title before summary).
        self._field_ranks = [tuple(_FIELD_ORDER.get(name, len(_WEIGHTS)) for name, _, _ in f) for _, f, _ in entries]
        # Per record: each of its words -> the fields (by position) that hold it, and their summed weight.
        self._record_words: list[dict[str, tuple[tuple[int, ...], float]]] = []
        for _, fields, _ in entries:
            holders: dict[str, list[int]] = {}
            for j, (_, _, text) in enumerate(fields):
                for word in set(text.split()):
                    holders.setdefault(word, []).append(j)
            self._record_words.append({w: (tuple(js), sum(fields[j][1] for j in js)) for w, js in holders.items()})
        self._chars = frozenset(corpus)
        # Every word of the index (stems, for English), with how often it stands there.
        counted = Counter(corpus.split())
        self._chinese = [word for word in counted if not word.isascii()]
        self._chinese += [word for word in " ".join(self._terms).split() if not word.isascii()]
        self._frequency = {word: n for word, n in counted.items() if word.isascii() and not word.isdigit()}
        self._vocabulary = sorted(self._frequency)  # in order, for finding words that start with a query word
        # Typos may also be read as whole words of thesaurus terms ("semicondutor"), never as their starts.
        self._typo_targets = dict(self._frequency)
        for word in " ".join(self._terms).split():
            if word.isascii() and not word.isdigit():
                self._typo_targets.setdefault(word, 1)
        self._known_pieces: set[str] | None = None  # built on the first long Chinese query
        self._shown_words: dict[str, str] | None = None  # stem -> a word to show for it, built when first needed
        self._grams: dict[str, list[str]] | None = None  # built on the first typo
        self._form_stems: dict[str, str] = {}  # each word or stem the typo reader knows -> its stem
        self._correct = functools.lru_cache(maxsize=CACHE_SIZE)(self._closest)
        self._holding_chinese = functools.lru_cache(maxsize=CACHE_SIZE)(self._chinese_postings)
        self._terms_in_index: dict[str, bool] = {}
        self._close = functools.lru_cache(maxsize=CACHE_SIZE)(self._close_words)

    @property
    def _pieces(self) -> set[str]:
        """Every two-character piece of Chinese that stands in the index or the thesaurus."""
        if self._known_pieces is None:
            self._known_pieces = {p for run in _runs(self._chinese) if _is_cjk(run[0]) for p in _pairs(run)}
        return self._known_pieces

    @property
    def _shown(self) -> dict[str, str]:
        """Each English stem of the index or the thesaurus and its shortest form there, to show to people."""
        if self._shown_words is None:
            shown: dict[str, str] = {}
            texts = [t for record, _, _ in self._entries for t in (record.id, getattr(record, "notation", None))
                     if t is not None]  # fmt: skip
            texts += [t for record, _, _ in self._entries for _, t in record.texts]
            texts += [t for entry in self._thesaurus for t in entry.terms]
            for text in texts:
                for word in NOT_WORD.sub(" ", fold(text)).split():
                    if word.isascii():
                        known = shown.setdefault(stem(word), word)
                        if len(word) < len(known):  # the plainest form: "vaccine" rather than "vaccines"
                            shown[stem(word)] = word
            self._shown_words = shown
        return self._shown_words

    def _show(self, stemmed: str) -> str:
        return self._shown.get(stemmed, stemmed)

    # -- reading the query --------------------------------------------------

    def _fold(self, query: str) -> str:
        text = _numerals(fold(query[:MAX_QUERY]))
        if not text.isascii():
            if not self._chars.issuperset(text):
                text = simplify(text)  # only text with characters the index lacks may be traditional
            for word in _ZH_STOPWORDS:
                if word in text:
                    text = text.replace(word, " ")
        return text

    def _whole(self, word: str) -> bool:
        """Whether an English stem is a whole word of the index."""
        return word in self._frequency

    def _known(self, word: str) -> bool:
        """Whether an English stem is a word of the index or starts one."""
        at = bisect.bisect_left(self._vocabulary, word)
        return at < len(self._vocabulary) and self._vocabulary[at].startswith(word)

    def _is_english(self, typed: str) -> bool:
        return typed in self._english() or stem(typed) in self._english()

    def _may_start(self, typed: str, stemmed: str) -> bool:
        """Whether a typed word may match the start of longer words: four letters or more, and no English word."""
        return len(stemmed) >= _SHORTEST_PREFIX and not self._whole(stemmed) and not self._is_english(typed)

    def _closest(self, word: str, limit: int) -> str | None:
        """The index's word closest to ``word`` within ``limit`` edits, if any."""
        if self._grams is None:
            # Each stem, and the plainest word it stands for: a typo of "related" is one edit from
            # that word but two from its stem "relat". Both read as the stem.
            forms = {known: known for known in self._typo_targets}
            forms.update((shown, known) for known, shown in self._shown.items() if known in self._typo_targets)
            grams: dict[str, list[str]] = {}
            for form in forms:
                for gram in {form[i : i + 2] for i in range(len(form) - 1)}:
                    grams.setdefault(gram, []).append(form)
            self._form_stems = forms  # before _grams, which other threads test for
            self._grams = grams
        shared: dict[str, int] = {}
        mine = {word[i : i + 2] for i in range(len(word) - 1)}
        for gram in mine:
            for form in self._grams.get(gram, ()):
                shared[form] = shared.get(form, 0) + 1
        # Each edit spoils at most two of a word's pieces (three for a swap).
        least = len(mine) - 3 * limit
        best: tuple[int, bool, int, int, str] | None = None
        for form, count in shared.items():
            if count >= least and abs(len(form) - len(word)) <= limit:
                found = distance(word, form, limit)
                known = self._form_stems[form]
                # Fewest edits; then a word that starts as typed (people seldom miss the first letter);
                # then the most pieces in common; then the word the index uses most.
                rank = (found, known[:1] != word[:1], -count, -self._typo_targets[known], known)
                if found <= limit and (best is None or rank < best):
                    best = rank
        return None if best is None else best[4]

    def _close_words(self, word: str) -> list[str]:
        """Up to three words of the index that look like ``word``, for suggestions."""
        import difflib

        # A ratio of 0.75 needs the shorter word to be at least 0.6 of the longer: only those can match, and
        # leaving the others out first gives the same result, faster (difflib would test each in Python).
        low, high = 0.6 * len(word), len(word) / 0.6
        candidates = [shown for shown in self._shown.values() if low <= len(shown) <= high]
        return difflib.get_close_matches(word, candidates, n=3, cutoff=0.75)

    def _typo(self, typed: str, stemmed: str) -> str | None:
        """What a typed word is read as, if it is a typo: neither the index nor English knows it."""
        if not self._may_be_typo(typed, stemmed):
            return None
        return self._correct(stemmed, 1 if len(typed) < 8 else 2)

    def _may_be_typo(self, typed: str, stemmed: str) -> bool:
        """Whether a typed word may be corrected: long enough, and known neither to the index nor to English."""
        if len(typed) < _TYPO_MIN or not stemmed.isalpha() or self._whole(stemmed) or stemmed in self._typo_targets:
            return False
        if self._may_start(typed, stemmed) and self._known(stemmed):
            return False  # the start of a word of the index ("photores")
        return not self._is_english(typed)

    def _roots(self, token: str) -> tuple[str, ...]:
        """The index's words of six letters or more that start ``token`` and are shorter: its likely roots."""
        found = []
        for end in range(len(token) - 1, 5, -1):
            at = bisect.bisect_left(self._vocabulary, token[:end])
            if at < len(self._vocabulary) and self._vocabulary[at] == token[:end]:
                found.append(token[:end])
        return tuple(found[:2])

    def _read(self, query: str) -> tuple[list[str], dict[str, str], set[str], set[str]]:
        """A folded query's words (stems, typos corrected), corrections, stems read, stems that may start longer ones.

        ``query`` has been through ``_fold`` and had its non-word characters made spaces.
        """
        words: list[str] = []
        corrections: dict[str, str] = {}
        read_stems: set[str] = set()
        starts: set[str] = set()
        budget = MAX_TOKENS  # a pasted page holds many unknown words: correct as many as are scored, no more
        for word in query.split():
            if not word.isascii():
                words.append(word)
                continue
            stemmed = stem(word)
            read = None
            if budget and self._may_be_typo(word, stemmed):
                budget -= 1
                read = self._correct(stemmed, 1 if len(word) < 8 else 2)
            if read is not None:
                corrections[word] = self._show(read)
                read_stems.add(read)
                stemmed = read
            elif self._may_start(word, stemmed):
                starts.add(stemmed)
            words.append(stemmed)
        return words, corrections, read_stems, starts

    def _tokens(self, words: list[str], typed: list[str]) -> tuple[tuple[str, ...], bool]:
        """English words (less function words) and the two-character pieces of Chinese that the index knows.

        The flag says whether the query was of function words only.
        """
        tokens: list[str] = []
        for run in _runs(w for w, t in zip(words, typed, strict=True) if not (t.isascii() and _function_word(t))):
            if _is_cjk(run[0]) and len(run) >= 3:
                pieces = _pairs(run)
                tokens += [p for p in pieces if p in self._pieces] or pieces
            else:
                tokens.append(run)
        if any(len(t) > 1 for t in tokens):  # a lone character left between function words ("有") says little
            tokens = [t for t in tokens if len(t) > 1 or not _is_cjk(t)]
        only_function_words = not tokens and bool(words)
        return tuple(dict.fromkeys(tokens))[:MAX_TOKENS], only_function_words

    def _thesaurus_matches(self, words: list[str]) -> tuple[dict[int, set[str]], set[str]]:
        """Thesaurus entries whose terms stand whole in the query, each with the terms found.

        Also the query words that terms cover, when the term as a whole is not in the plan's own words:
        those are scored through the thesaurus only.
        """
        found: dict[int, set[str]] = {}
        covered: set[str] = set()
        for n in range(1, min(len(words), 5) + 1):
            for i in range(len(words) - n + 1):
                part = words[i : i + n]
                term = " ".join(part)
                for entry in self._terms.get(term, ()):
                    found.setdefault(entry, set()).add(term)
                    if not self._in_index(term):
                        covered.update(part)
        for word in words:
            if not word.isascii() and len(word) <= _MAX_RUN:
                for start in range(len(word) - 1):
                    for end in range(start + 2, len(word) + 1):
                        term = word[start:end]
                        for entry in self._terms.get(term, ()):
                            found.setdefault(entry, set()).add(term)
                            if not self._in_index(term):  # its pieces are read through the thesaurus only
                                covered.update([term, *_pairs(term)])
        return found, covered

    def _term_idf(self, term: str) -> float:
        """The weight of a thesaurus term found in a query: that of its words, or of its two-character pieces."""
        if term not in self._term_weights:  # bounded: only thesaurus terms come here
            if _is_cjk(term[0]):
                self._term_weights[term] = self._idf(term) * max(1, len(term) // 2)
            else:
                self._term_weights[term] = sum(self._idf(word) for word in term.split())
        return self._term_weights[term]

    def _chinese_postings(self, token: str) -> frozenset[int]:
        """The records (by order) whose text holds a piece of Chinese anywhere."""
        return frozenset(order for order, (_, _, everything) in enumerate(self._entries) if token in everything)

    def _in_index(self, term: str) -> bool:
        """Whether a thesaurus term stands whole in the plan's own words (remembered: only terms come here)."""
        if term not in self._terms_in_index:
            probe = term if _is_cjk(term[0]) else f" {term} "
            self._terms_in_index[term] = probe in self._corpus
        return self._terms_in_index[term]

    def _holding(self, token: str, start: bool, roots: tuple[str, ...]) -> set[int]:
        """The records (by order) holding a token: as a word, at the start of a word, or as one of its roots."""
        if _is_cjk(token[0]):
            return set(self._holding_chinese(token))
        found = set(self._postings.get(token, ()))
        if start:
            at = bisect.bisect_left(self._vocabulary, token)
            while at < len(self._vocabulary) and self._vocabulary[at].startswith(token):
                found |= self._postings[self._vocabulary[at]]
                at += 1
        for root in roots:
            found |= self._postings.get(root, set())
        return found

    def _idf(self, term: str, frequency: int | None = None) -> float:
        """BM25's inverse document frequency of a term: rare terms weigh more."""
        if frequency is None:
            probe = term if _is_cjk(term[0]) else f" {term} "
            frequency = sum(probe in everything for _, _, everything in self._entries)
        total = len(self._entries)
        return math.log(1 + (total - frequency + 0.5) / (frequency + 0.5))

    # -- searching -------------------------------------------------------------

    def search(self, query: str, *, kind: Kind | None = None, limit: int | None = None) -> Hits[Any]:
        """The hits for ``query``, best first: hits on the plan's own words, then thesaurus-only ones."""
        folded = NOT_WORD.sub(" ", self._fold(query))
        typed = folded.split()
        words, corrections, read_stems, starts = self._read(folded)
        if not words:
            return Hits(reason="the query has no letters, digits or Chinese characters")
        if limit == 0:
            return Hits(reason="limit=0 asks for no hits")
        tokens, only_function_words = self._tokens(words, typed)
        extra, covered = self._thesaurus_matches(words)
        tokens = tuple(t for t in tokens if t not in covered)
        # The phrase: the query's words less those the thesaurus covers, less function words at either end.
        content = [
            i for i, t in enumerate(typed) if not (t.isascii() and _function_word(t)) and words[i] not in covered
        ]
        phrase = " ".join(w for w in words[content[0] : content[-1] + 1] if w not in covered) if content else ""
        factor = {t: _FUZZY if t in read_stems else 1.0 for t in tokens}
        whole = _FUZZY if corrections else 1.0
        whole_term, whole_words = f"\n {phrase} \n", f" {phrase} "
        # Chinese matches anywhere, having no word boundaries; English matches whole words, or the start
        # of a word where the query's last word may start a longer one.
        if phrase and _is_cjk(phrase[0]):
            inside = phrase
        else:
            inside = f" {phrase}" if phrase.rpartition(" ")[2] in starts else whole_words
        # Per token: what it must stand as (whole, or Chinese anywhere), what it may start, its likely roots.
        exact = tuple(t if _is_cjk(t[0]) else f" {t} " for t in tokens)
        start = tuple(f" {t}" if t in starts else "\0" for t in tokens)  # NUL stands in no field
        root_words = tuple(self._roots(t) if t in starts else () for t in tokens)
        roots = tuple(tuple(f" {r} " for r in words) for words in root_words)
        holding = [self._holding(t, t in starts, root_words[i]) for i, t in enumerate(tokens)]
        # A plain English word is looked up in each record's words; the others are looked for in its fields.
        simple = tuple(not _is_cjk(t[0]) and t not in starts for t in tokens)
        gains = tuple(factor[t] for t in tokens)
        by_thesaurus: dict[str, tuple[float, str]] = {}  # record id -> (weight, reason)
        for entry_index, terms in extra.items():
            entry = self._thesaurus[entry_index]
            weight = sum(self._term_idf(term) for term in terms) * _THESAURUS
            for rank, record_id in enumerate(entry.record_ids):
                score = weight / (1 + 0.1 * rank)
                if score > by_thesaurus.get(record_id, (0.0, ""))[0]:
                    by_thesaurus[record_id] = (score, entry.reason)
        outside = sum(self._term_idf(term) for term in {t for terms in extra.values() for t in terms}
                      if all(w in covered for w in term.split()))  # fmt: skip
        # First pass: each record's weight for each token over its fields (BM25F's pseudo-frequency).
        found: list[tuple[int, PlanOrRecord, list[float], float, list[int]]] = []
        frequency = [0] * len(tokens)
        use_phrase = bool(phrase) and bool(tokens)
        candidates = set().union(*holding, (self._orders[i] for i in by_thesaurus if i in self._orders))
        for order in sorted(candidates):
            record, fields, everything = self._entries[order]
            if kind is not None and record.kind is not kind:
                continue
            present = [i for i in range(len(tokens)) if order in holding[i]]
            if not present:
                found.append((order, record, [], 0.0, []))  # the thesaurus's only
                continue
            weights = [0.0] * len(tokens)
            phrase_weight, held = 0.0, set[int]()
            own_words = self._record_words[order]
            scan = []  # tokens that need each field read: Chinese ones, and those that may start or have roots
            for i in present:
                if simple[i]:
                    at, weight = own_words[tokens[i]]
                    weights[i] = weight * gains[i]
                    held.update(at)
                else:
                    scan.append(i)
            for j, (_, weight, text) in enumerate(fields) if scan else ():
                for i in scan:
                    if exact[i] in text:
                        gain = weight
                    elif start[i] in text:
                        gain = weight * _PREFIX
                    elif roots[i] and any(root in text for root in roots[i]):
                        gain = weight * _ROOT
                    else:
                        continue
                    held.add(j)
                    weights[i] += gain * gains[i]
            if use_phrase and inside in everything:  # the phrase stands only where its words do
                for j in held:
                    _, weight, text = fields[j]
                    if whole_term in text:
                        phrase_weight += weight * _WHOLE_TERM
                    elif whole_words in text:
                        phrase_weight += weight * _WHOLE_WORDS
                    elif inside in text:
                        phrase_weight += weight * _INSIDE
            if not held and record.id not in by_thesaurus:
                continue
            for i, weight in enumerate(weights):
                frequency[i] += weight > 0
            found.append((order, record, weights, phrase_weight * whole, sorted(held)))
        idf = [self._idf(t, n) for t, n in zip(tokens, frequency, strict=True)]
        phrase_idf = sum(idf) / len(idf) if idf and use_phrase else 0.0
        best = sum(idf) + phrase_idf + outside or 1.0
        ranked: list[tuple[float, int, int, PlanOrRecord, list[int], str | None]] = []
        for order, record, weights, phrase_weight, held_fields in found:
            through = by_thesaurus.get(record.id)
            own = sum(idf[i] * w / (w + _K1) for i, w in enumerate(weights) if w) + phrase_idf * (
                phrase_weight / (phrase_weight + _K1)
            )
            if own <= 0 and through is None:
                continue
            score = round(min(1.0, (own + (through[0] if through else 0.0)) / best), 3)
            if own <= 0:
                ranked.append((-score, len(_WEIGHTS), order, record, [], through[1] if through else None))
                continue
            first = min(self._field_ranks[order][j] for j in held_fields)
            ranked.append((-score, first, order, record, held_fields, None))
        ranked.sort(key=lambda h: h[:3])
        if ranked:
            fixed = tuple(corrections.items())
            hits = []
            for score, _, order, record, held_fields, reason in ranked[:limit]:
                fields = self._entries[order][1]
                matched = tuple(fields[j][0] for j in held_fields) if held_fields else ()
                if record.id in by_thesaurus:
                    matched += ("thesaurus",)
                hits.append(Hit(record=record, score=-score, matched=matched, corrections=fixed, reason=reason))
            return Hits(hits)
        return Hits(reason=self._why_nothing(typed, tokens, only_function_words, kind))

    def _why_nothing(
        self, typed: list[str], tokens: tuple[str, ...], only_function_words: bool, kind: Kind | None
    ) -> str:
        """Why a search found nothing, in words that can follow "because"."""
        shown = ", ".join(dict.fromkeys(typed[:8])) + (", …" if len(dict.fromkeys(typed)) > 8 else "")
        if only_function_words:
            return f"the query holds only function words ({shown}), which search ignores"
        if kind is not None:
            return f"no {kind.value} holds any word of the query ({shown})"
        return f"no word of the query is known to the index ({shown})"

    def did_you_mean(self, query: str) -> tuple[str, ...]:
        """Queries close to ``query`` whose words the index knows: each unknown word replaced by its closest."""
        words = NOT_WORD.sub(" ", self._fold(query)).split()
        if not words:
            return ()
        options: list[list[str]] = []
        changed = False
        looked = 0
        for word in words:
            stemmed = stem(word) if word.isascii() else word
            if (not word.isascii() or len(word) < 3 or not stemmed.isalpha() or self._known(stemmed)
                    or stemmed in self._typo_targets or _function_word(word) or self._is_english(word)
                    or looked >= MAX_SUGGESTED):  # fmt: skip
                options.append([word])
                continue
            looked += 1
            read = self._typo(word, stemmed)
            # where search reads this word already, suggest what it reads
            close = [self._show(read)] if read is not None else self._close(word)
            options.append(close or [word])
            changed = changed or bool(close)
        if not changed:
            return ()
        suggestions = [" ".join(o[0] for o in options)]
        for i, choices in enumerate(options):
            for other in choices[1:]:
                suggestions.append(" ".join(other if j == i else o[0] for j, o in enumerate(options)))
        return tuple(dict.fromkeys(suggestions))[:5]


def _make() -> Searcher:
    records = tuple(r for d in _loader.load().documents for r in d.members())
    return Searcher(records, _thesaurus.load({r.id for r in records}))


_build = Once(_make)
"""The search index over the shipped data, built on the first search."""

_OTHERS: dict[tuple[str, ...], tuple[_loader.Dataset, Searcher]] = {}
"""The search index over each other dataset a ``document=`` named (its documents' ids -> dataset, index)."""
_OTHERS_LOCK = threading.Lock()


def _searcher(document: object, function: str) -> Searcher:
    """The index over the dataset ``document`` names: the shipped data's for ``None``, else built on first use.

    >>> _searcher("sei-2016", "search()") is _searcher("sei-2016", "search()") is not _searcher(None, "search()")
    True
    """
    if document is None:
        return _build()
    dataset = _loader.select(document, function)
    key = tuple(d.id for d in dataset.documents)
    held = _OTHERS.get(key)
    if held is not None and held[0] is dataset:
        return held[1]
    with _OTHERS_LOCK:
        held = _OTHERS.get(key)
        if held is None or held[0] is not dataset:
            # Each record once (agencies are shared by documents), in document order; the thesaurus names
            # records of the 2020 plan, so it is checked against those and this dataset's together.
            records = tuple({r.id: r for d in dataset.documents for r in d.members()}.values())
            known = {r.id for d in _loader.load().documents for r in d.members()} | {r.id for r in records}
            held = (dataset, Searcher(records, _thesaurus.load(known)))
            _OTHERS[key] = held
        return held[1]


@overload
def search(query: str, *, kind: type[_K], limit: int | None = None, document: DocumentArgument = None) -> Hits[_K]: ...
@overload
def search(
    query: str, *, kind: Kind | str | None = None, limit: int | None = None, document: DocumentArgument = None
) -> Hits[PlanOrRecord]: ...


def search(
    query: str,
    *,
    kind: Kind | str | type[Any] | None = None,
    limit: int | None = None,
    document: DocumentArgument = None,
) -> Hits[Any]:
    """Records ranked by how well they match ``query``, best first.

    Identifiers, notations, numbers, titles, aliases, keywords and summaries
    are searched in English and Chinese. A record matches when it holds some
    of the query's words, so a whole question can be asked; function words are
    ignored, and rare words and titles weigh more than common words and
    summaries. English words match in any common form (``vaccines``,
    ``antibody``), and a long word with a typo still matches, scoring less;
    words that English knows are never read as typos. Chinese needs no word
    boundaries, and traditional characters are read as simplified. Terms the
    plan itself does not use (``EV``, ``semiconductor``, ``充电桩``) are found
    through the project's thesaurus, and count for less than the plan's own
    words.

    Args:
        query: words or characters to look for: a word, a phrase or a question.
        kind: keep only records of this kind (a :class:`~sei_policy.Kind`, its
            value or the record class; with the class, hits are typed as it).
        limit: at most this many hits (``None``: all).
        document: search this document instead (a document, its key such as
            ``"sei-2010"``, its number or title), or ``"all"`` of them; by default
            the 2020 plan and NBS 2018. Another document's index is built on its
            first search, then kept.

    Returns:
        A tuple of hits (:class:`Hits`, which notebooks show as a table), each with the
        ``record``, a ``score`` between 0 and 1 (its share of the best score the
        query could earn), the fields that ``matched``, any typo ``corrections``
        and, for a thesaurus hit, the ``reason``. When nothing matches it is
        empty, and its ``reason`` says why (see also :func:`did_you_mean`).

    Raises:
        InvalidArgumentTypeError: ``query`` is not a string, or ``limit`` not an int.
        UnknownKindError: ``kind`` is not a kind.
        InvalidArgumentError: ``limit`` is negative (a ``ValueError``).
        UnknownIdentifierError: ``document`` names no document.

    >>> import sei_policy as sp
    >>> hit = sp.search("光刻胶")[0]
    >>> hit.record.id, hit.matched
    ('action:new-materials', ('keywords.zh',))
    >>> sp.search("vacines")[0].corrections
    (('vacines', 'vaccine'),)
    >>> sp.search("How many clusters should be internationally competitive?")[0].record.id
    'target:competitive-clusters'
    >>> [h.record.notation for h in sp.search("10/100/1000", kind=sp.Target)]
    ['T1', 'T2', 'T3']
    >>> hits = sp.search("xyzzy plover")
    >>> hits, hits.reason
    ((), 'no word of the query is known to the index (xyzzy, plover)')
    >>> sp.search("新材料", document="sei-2010")[0].record.id
    'sei-2010/industry:new-materials'
    """
    if not isinstance(query, str):
        raise InvalidArgumentTypeError("search()", "query", "a string", query)
    wanted = None if kind is None else kind_of(kind, "search()")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)):
        raise InvalidArgumentTypeError("search()", "limit", "an int or None", limit)
    if limit is not None and limit < 0:
        raise InvalidArgumentError(f"search() expects limit >= 0, got {limit!r}")
    return _searcher(document, "search()").search(query, kind=wanted, limit=limit)


def did_you_mean(query: str, *, document: DocumentArgument = None) -> tuple[str, ...]:
    """Queries close to ``query`` that use words the index knows, best first; empty if none is needed.

    Use it when :func:`search` finds nothing: each word the index does not
    know is replaced by the closest word it does; ``document=`` reads the
    words of another document's index, as :func:`search` takes it.

    >>> import sei_policy as sp
    >>> sp.search("fotoresistz")
    ()
    >>> sp.did_you_mean("fotoresistz")
    ('photoresist',)
    """
    if not isinstance(query, str):
        raise InvalidArgumentTypeError("did_you_mean()", "query", "a string", query)
    return _searcher(document, "did_you_mean()").did_you_mean(query)
