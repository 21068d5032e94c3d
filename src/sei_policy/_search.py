"""Ranked full-text search over every record, in English and Chinese: :func:`search` and its index.

Each record is searched field by field (identifier, notation, titles,
aliases, keywords, summary), every field with a weight. A record scores for
the whole query found in a field, and for each query token it contains:
English tokens match at the start of a word, Chinese is cut into overlapping
two-character pieces, so no word boundaries are needed.

>>> import sei_policy as sp
>>> [h.record.id for h in sp.search("silicon wafers")][:1]
['action:new-materials']
>>> [h.record.notation for h in sp.search("疫苗")]
['A2']
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar, overload

import attrs

from sei_policy import _loader
from sei_policy._resolver import NOT_WORD, fold
from sei_policy.errors import ArgumentTypeError, InvalidArgumentError
from sei_policy.models import AnyRecord, Kind, Plan, Record, kind_of

__all__ = ("Hit", "Searcher", "search")

_R = TypeVar("_R", bound="Record | Plan", covariant=True)
_K = TypeVar("_K", bound="Record | Plan")

MAX_QUERY = 4096
"""Only this many characters of a query are read: no field is longer."""
MAX_TOKENS = 32
"""At most this many distinct tokens of a query are scored."""

_STOPWORDS = frozenset(
    {"a", "an", "and", "as", "by", "for", "in", "into", "its", "of", "on", "or", "the", "to", "with"}
)
# Code point ranges of Chinese characters (CJK radicals, ideographs and their extensions).
# Checked by hand: a regular expression over these ranges costs milliseconds to compile.
_CJK_RANGES = ((0x2E80, 0x2FDF), (0x3005, 0x3007), (0x3021, 0x3029), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
               (0xF900, 0xFAFF), (0x20000, 0x3FFFF))  # fmt: skip

# field name -> weight; the order is the order of ``Hit.matched``
_WEIGHTS = {
    "id": 5.0,
    "notation": 8.0,
    "title.en": 10.0,
    "title.zh": 10.0,
    "aliases.en": 8.0,
    "aliases.zh": 8.0,
    "keywords.en": 6.0,
    "keywords.zh": 6.0,
    "summary": 2.0,
}
_OTHER_NAME = 8.0  # the plan's document numbers and short names weigh as aliases
_WHOLE_TERM, _WHOLE_WORDS, _INSIDE = 3.0, 2.0, 1.0
_PREFIX = 0.6


@attrs.frozen(kw_only=True)
class Hit(Generic[_R]):
    """One search result: the record, its score (higher is better) and the fields that matched.

    ``Hit[Action]`` is what ``search(..., kind=sp.Action)`` returns.
    """

    record: _R
    score: float
    matched: tuple[str, ...]


def _words(text: str) -> str:
    return " ".join(NOT_WORD.sub(" ", text).split())


def _field(terms: Iterator[str | None]) -> str:
    """Folded terms, each padded as ``\\n word word \\n`` so that a phrase never spans two terms."""
    return "".join(["\n " + _words(fold(t)) + " \n" for t in terms if t])


def _fields(record: AnyRecord) -> tuple[tuple[str, float, str], ...]:
    """The record's searchable fields (its :attr:`~sei_policy.Record.texts`, grouped), each with its weight."""
    names: dict[str, list[str | None]] = {"id": [record.id], "notation": [getattr(record, "notation", None)]}
    for path, text in record.texts:
        names.setdefault(path.partition("[")[0], []).append(text)
    fields = ((name, _WEIGHTS.get(name, _OTHER_NAME), _field(iter(terms))) for name, terms in names.items())
    return tuple(f for f in fields if f[2])


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def _runs(phrase: str) -> Iterator[str]:
    """The words of a phrase, each split where it passes between Chinese and other characters."""
    for word in phrase.split():
        start = 0
        for i in range(1, len(word)):
            if _is_cjk(word[i]) != _is_cjk(word[i - 1]):
                yield word[start:i]
                start = i
        yield word[start:]


def _tokens(phrase: str) -> tuple[str, ...]:
    """English words (less stop words) and overlapping two-character pieces of Chinese."""
    tokens: list[str] = []
    for run in _runs(phrase):
        if _is_cjk(run[0]):
            tokens += [run] if len(run) < 3 else [run[i : i + 2] for i in range(len(run) - 1)]
        elif run not in _STOPWORDS:
            tokens.append(run)
    if not tokens:  # a query of stop words only still means something
        tokens = list(_runs(phrase))
    return tuple(dict.fromkeys(tokens))[:MAX_TOKENS]


class Searcher:
    """The search index over a fixed sequence of records (in document order)."""

    def __init__(self, records: tuple[AnyRecord, ...]) -> None:
        entries = []
        for record in records:
            fields = _fields(record)
            entries.append((record, fields, "".join(text for _, _, text in fields)))
        self._entries = tuple(entries)

    def search(self, query: str, *, kind: Kind | None = None, limit: int | None = None) -> tuple[Hit[Any], ...]:
        """The hits for ``query``, best first; ties keep document order."""
        phrase = _words(fold(query[:MAX_QUERY]))
        if not phrase:
            return ()
        tokens = _tokens(phrase)
        whole_term, whole_words = f"\n {phrase} \n", f" {phrase} "
        # English matches at the start of a word; Chinese anywhere, having no word boundaries.
        inside = phrase if _is_cjk(phrase[0]) else f" {phrase}"
        cjk = tuple(_is_cjk(t[0]) for t in tokens)
        needed = 1.0 if len(tokens) == 1 else 0.5
        hits: list[tuple[float, int, Hit[Any]]] = []
        probes = tuple(t if cjk[i] else f" {t}" for i, t in enumerate(tokens))
        for order, (record, fields, everything) in enumerate(self._entries):
            if kind is not None and record.kind is not kind:
                continue
            # A cheap first pass over all the record's text: most records share nothing with the query.
            if inside not in everything and not any(probe in everything for probe in probes):
                continue
            score, matched = 0.0, []
            best = [0.0] * len(tokens)
            for name, weight, text in fields:
                hit = False
                if whole_term in text:
                    score += weight * _WHOLE_TERM
                    hit = True
                elif whole_words in text:
                    score += weight * _WHOLE_WORDS
                    hit = True
                elif inside in text:
                    score += weight * _INSIDE
                    hit = True
                for i, token in enumerate(tokens):
                    if cjk[i]:
                        gain = weight if token in text else 0.0
                    elif f" {token} " in text:
                        gain = weight
                    elif f" {token}" in text:
                        gain = weight * _PREFIX
                    else:
                        continue
                    if gain:
                        hit = True
                        best[i] = max(best[i], gain)
                if hit:
                    matched.append(name)
            covered = sum(1 for b in best if b) / len(tokens)
            if score == 0.0 and covered < needed:
                continue
            score += sum(best) / len(tokens) * covered
            hits.append((-score, order, Hit(record=record, score=round(score, 3), matched=tuple(matched))))
        hits.sort(key=lambda h: (h[0], h[1]))
        found = tuple(h[2] for h in hits)
        return found if limit is None else found[:limit]


_lock = threading.Lock()
_searcher: Searcher | None = None


def _build(load: Callable[[], _loader.Dataset] = _loader.load) -> Searcher:
    global _searcher
    dataset = load()
    with _lock:
        if _searcher is None:
            _searcher = Searcher(tuple(r for d in dataset.documents for r in d.members()))
        return _searcher


@overload
def search(query: str, *, kind: type[_K], limit: int | None = None) -> tuple[Hit[_K], ...]: ...
@overload
def search(query: str, *, kind: Kind | str | None = None, limit: int | None = None) -> tuple[Hit[AnyRecord], ...]: ...


def search(query: str, *, kind: Kind | str | type[Any] | None = None, limit: int | None = None) -> tuple[Hit[Any], ...]:
    """Records ranked by how well they match ``query``, best first.

    Identifiers, notations, titles, aliases, keywords and summaries are
    searched in English and Chinese; Chinese needs no word boundaries.

    Args:
        query: words or characters to look for.
        kind: keep only records of this kind (a :class:`~sei_policy.Kind`, its
            value or the record class; with the class, hits are typed as it).
        limit: at most this many hits (``None``: all).

    Returns:
        A tuple of hits, each with the ``record``, a ``score`` and the
        fields that ``matched``; empty when nothing matches.

    Raises:
        ArgumentTypeError: ``query`` is not a string, or ``limit`` not an int.
        UnknownKindError: ``kind`` is not a kind.
        InvalidArgumentError: ``limit`` is negative (a ``ValueError``).

    >>> import sei_policy as sp
    >>> hit = sp.search("光刻胶")[0]
    >>> hit.record.id, hit.matched
    ('action:new-materials', ('keywords.zh',))
    >>> sp.search("no such thing at all")
    ()
    """
    if not isinstance(query, str):
        raise ArgumentTypeError("search()", "query", "a string", query)
    wanted = None if kind is None else kind_of(kind, "search()")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)):
        raise ArgumentTypeError("search()", "limit", "an int or None", limit)
    if limit is not None and limit < 0:
        raise InvalidArgumentError(f"search() expects limit >= 0, got {limit!r}")
    return (_searcher or _build()).search(query, kind=wanted, limit=limit)
