"""Ranked search over every record, in English and Chinese: :func:`search`, :func:`did_you_mean` and the index.

Each record is searched field by field (identifier, notation, titles,
aliases, keywords, summary), every field with a weight. A record scores for
the whole query found in a field, and for each query token it contains.

- **English word forms.** Words are compared by their stem (``_stem``), so
  ``vaccines`` finds "vaccine" and ``antibodies`` finds "antibody"; a word
  also matches the start of a longer one.
- **Typos.** A word of five letters or more that matches nothing is read as the
  closest word of the index within one edit (five to seven letters) or two
  (eight or more); such matches score half, and the hit says what was read
  (:attr:`Hit.corrections`). Short words are never corrected, so ``AI`` does
  not match everything.
- **Chinese without word boundaries, both ways.** Chinese is cut into
  overlapping two-character pieces, and pieces that stand nowhere in the index
  are dropped, so a query longer than a stored term still finds it
  (``新冠疫苗`` → 疫苗), as does a query inside a longer term. Traditional
  characters are folded to simplified ones (OpenCC's table).
- **The thesaurus** (``_thesaurus``, the project's editorial aid) adds terms
  the plan's own words lack (``semiconductor``, ``EV``, ``充电桩``). A hit found
  only through it has ``"thesaurus"`` in :attr:`Hit.matched`, carries the
  entry's reason, and ranks below every hit on the plan's own words.

>>> import sei_policy as sp
>>> [h.record.id for h in sp.search("silicon wafers")][:1]
['action:new-materials']
>>> [h.record.notation for h in sp.search("疫苗")]
['A2']
"""

from __future__ import annotations

import bisect
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, TypeVar, overload

import attrs

from sei_policy import _loader, _thesaurus
from sei_policy._resolver import NOT_WORD, fold
from sei_policy._simplify import simplify
from sei_policy._stem import stem
from sei_policy.errors import InvalidArgumentError, InvalidArgumentTypeError
from sei_policy.models import Kind, Plan, PlanOrRecord, Record, kind_of

__all__ = ("Hit", "Hits", "Searcher", "did_you_mean", "search")

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
"""A query word that starts a longer word (``photores`` in ``photoresist``) scores this share of a whole one."""
_ROOT = 0.5
"""A word of the index of six letters or more that starts the query word (``industri`` for ``industrial``)."""
_SHORTEST_PREFIX = 3
"""Words shorter than this match whole words only (``AI`` is not ``aircraft``)."""
_FUZZY = 0.5
"""A word read through a typo scores this share of an exact one."""
_THESAURUS = 4.0
"""The score of a thesaurus match that covers the whole query (less for part of it)."""
_TYPO_MIN = 5
"""Words shorter than this are never corrected."""
_MAX_RUN = 16
"""Chinese runs longer than this are not cut into every substring to look for thesaurus terms."""


@attrs.frozen(kw_only=True)
class Hit(Generic[_R]):
    """One search result: the record, its score (higher is better) and why it matched.

    ``matched`` names the fields the query matched, in a fixed order, and
    ``"thesaurus"`` where the thesaurus matched (alone: the hit rests on the
    thesaurus only, and ``reason`` says why its entry points here).
    ``corrections`` pairs each query word read as another because of a typo
    with the word it was read as. ``Hit[Action]`` is what
    ``search(..., kind=sp.Action)`` returns.
    """

    record: _R
    score: float
    matched: tuple[str, ...]
    corrections: tuple[tuple[str, str], ...] = ()
    reason: str | None = None


class Hits(tuple[Hit[_R], ...], Generic[_R]):
    """What :func:`search` returns: a tuple of hits, best first, that notebooks show as a ranked table.

    It is a plain tuple in every other way (``hits[0]``, ``len(hits)``, ``hits == ()``).
    """

    __slots__ = ()

    def _repr_html_(self) -> str:
        from sei_policy import _render as display  # the HTML code loads only where something is shown as HTML

        return display.html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        from sei_policy import _render as display

        display.pretty(self, printer, cycle)


def _words(folded: str) -> list[str]:
    """The words of folded text, English ones stemmed."""
    return [stem(w) if w.isascii() else w for w in NOT_WORD.sub(" ", folded).split()]


def _field(terms: Iterable[str | None]) -> str:
    """Folded, stemmed terms, each padded as ``\\n word word \\n`` so that a phrase never spans two terms."""
    return "".join(["\n " + " ".join(_words(fold(t))) + " \n" for t in terms if t])


def _fields(record: PlanOrRecord) -> tuple[tuple[str, float, str], ...]:
    """The record's searchable fields (its :attr:`~sei_policy.Record.texts`, grouped), each with its weight."""
    names: dict[str, list[str | None]] = {"id": [record.id], "notation": [getattr(record, "notation", None)]}
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
        start = 0
        for i in range(1, len(word)):
            if _is_cjk(word[i]) != _is_cjk(word[i - 1]):
                yield word[start:i]
                start = i
        yield word[start:]


def _pairs(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


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


class Searcher:
    """The search index over a fixed sequence of records (in document order) and a thesaurus."""

    def __init__(self, records: tuple[PlanOrRecord, ...], thesaurus: _thesaurus.Thesaurus | None = None) -> None:
        entries = []
        for record in records:
            fields = _fields(record)
            entries.append((record, fields, "".join(text for _, _, text in fields)))
        self._entries = tuple(entries)
        self._orders = {record.id: i for i, record in enumerate(records)}
        self._thesaurus = thesaurus.entries if thesaurus is not None else ()
        self._terms: dict[str, list[int]] = {}
        for i, entry in enumerate(self._thesaurus):
            for term in entry.terms:
                self._terms.setdefault(" ".join(_words(fold(term))), []).append(i)
        self._single_terms = sorted(key for key in self._terms if " " not in key and key.isascii())
        corpus = "".join(everything for _, _, everything in entries)
        self._chars = frozenset(corpus)
        # Every word of the index and of the thesaurus (stems, for English), with how often it stands there.
        counted = Counter(corpus.split())
        counted.update(" ".join(self._terms).split())
        self._chinese = [word for word in counted if not word.isascii()]
        self._frequency = {word: n for word, n in counted.items() if word.isascii() and not word.isdigit()}
        self._vocabulary = sorted(self._frequency)  # in order, for finding words that start with a query word
        self._known_pieces: set[str] | None = None  # built on the first long Chinese query
        self._shown_words: dict[str, str] | None = None  # stem -> a word to show for it, built when first needed
        self._grams: dict[str, list[str]] | None = None  # built on the first typo
        self._form_stems: dict[str, str] = {}  # each word or stem the typo reader knows -> its stem
        self._corrected: dict[tuple[str, int], str | None] = {}

    @property
    def _pieces(self) -> set[str]:
        """Every two-character piece of Chinese that stands in the index or the thesaurus."""
        if self._known_pieces is None:
            self._known_pieces = {p for run in _runs(self._chinese) if _is_cjk(run[0]) for p in _pairs(run)}
        return self._known_pieces

    @property
    def _shown(self) -> dict[str, str]:
        """Each English stem of the index and its shortest form in the index, to show to people."""
        if self._shown_words is None:
            shown: dict[str, str] = {}
            texts = [t for record, _, _ in self._entries for _, t in record.texts]
            texts += [t for entry in self._thesaurus for t in entry.terms]
            for text in texts:
                for word in NOT_WORD.sub(" ", fold(text)).split():
                    if word.isascii():
                        known = shown.setdefault(stem(word), word)
                        if len(word) < len(known):  # the plainest form: "vaccine" rather than "vaccines"
                            shown[stem(word)] = word
            self._shown_words = shown
        return self._shown_words

    # -- reading the query --------------------------------------------------

    def _fold(self, query: str) -> str:
        text = fold(query[:MAX_QUERY])
        if not text.isascii() and not self._chars.issuperset(text):
            text = simplify(text)  # only text with characters the index lacks may be traditional
        return text

    def _known(self, word: str) -> bool:
        """Whether an English stem is a word of the index or starts one."""
        at = bisect.bisect_left(self._vocabulary, word)
        return at < len(self._vocabulary) and self._vocabulary[at].startswith(word)

    def _correct(self, word: str, length: int) -> str | None:
        """The index's word closest to ``word`` within the edits its length allows, if any."""
        limit = 1 if length < 8 else 2
        key = (word, limit)
        if key not in self._corrected:
            self._corrected[key] = self._closest(word, limit)
        return self._corrected[key]

    def _closest(self, word: str, limit: int) -> str | None:
        if self._grams is None:
            # Each stem of the index, and the plainest word it stands for: a typo of "related" is
            # one edit from that word but two from its stem "relat". Both read as the stem.
            forms = {known: known for known in self._vocabulary}
            forms.update((shown, known) for known, shown in self._shown.items() if known in self._frequency)
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
        best: tuple[int, int, int, str] | None = None
        for form, count in shared.items():
            if count >= least and abs(len(form) - len(word)) <= limit:
                found = distance(word, form, limit)
                known = self._form_stems[form]
                # Fewest edits; then the most pieces in common; then the word the index uses most.
                rank = (found, -count, -self._frequency[known], known)
                if found <= limit and (best is None or rank < best):
                    best = rank
        return None if best is None else best[3]

    def _roots(self, token: str) -> tuple[str, ...]:
        """The index's words of six letters or more that start ``token`` and are shorter: its likely roots."""
        found = []
        for end in range(len(token) - 1, 5, -1):
            at = bisect.bisect_left(self._vocabulary, token[:end])
            if at < len(self._vocabulary) and self._vocabulary[at] == token[:end]:
                found.append(token[:end])
        return tuple(found[:2])

    def _read(self, query: str) -> tuple[list[str], dict[str, str], set[str]]:
        """The query's words (stems, typos corrected), the corrections (typed word -> word read), the stems read."""
        words: list[str] = []
        corrections: dict[str, str] = {}
        read_stems: set[str] = set()
        for word in NOT_WORD.sub(" ", self._fold(query)).split():
            if not word.isascii():
                words.append(word)
                continue
            stemmed = stem(word)
            if len(word) >= _TYPO_MIN and not word.isdigit() and not self._known(stemmed):
                read = self._correct(stemmed, len(word))
                if read is not None:
                    corrections[word] = self._shown[read]
                    read_stems.add(read)
                    stemmed = read
            words.append(stemmed)
        return words, corrections, read_stems

    def _tokens(self, words: list[str]) -> tuple[str, ...]:
        """English words (less stop words) and the two-character pieces of Chinese that the index knows."""
        tokens: list[str] = []
        for run in _runs(words):
            if _is_cjk(run[0]) and len(run) >= 3:
                pieces = _pairs(run)
                tokens += [p for p in pieces if p in self._pieces] or pieces
            elif _is_cjk(run[0]) or run not in _STOPWORDS:
                tokens.append(run)
        if not tokens:  # a query of stop words only still means something
            tokens = list(_runs(words))
        return tuple(dict.fromkeys(tokens))[:MAX_TOKENS]

    def _thesaurus_matches(self, words: list[str]) -> dict[int, float]:
        """Thesaurus entries whose terms stand in the query, each with the share of the query the term covers."""
        found: dict[int, float] = {}
        size = sum(len(w) for w in words) or 1
        for n in range(1, min(len(words), 4) + 1):
            for i in range(len(words) - n + 1):
                part = words[i : i + n]
                for entry in self._terms.get(" ".join(part), ()):
                    found[entry] = max(found.get(entry, 0.0), sum(len(w) for w in part) / size)
        for word in words:  # a word that starts a one-word term of the thesaurus ("semicon")
            if word.isascii() and len(word) >= _TYPO_MIN - 1 and word not in self._terms:
                at = bisect.bisect_left(self._single_terms, word)
                while at < len(self._single_terms) and self._single_terms[at].startswith(word):
                    for entry in self._terms[self._single_terms[at]]:
                        found[entry] = max(found.get(entry, 0.0), _PREFIX * len(word) / size)
                    at += 1
            if not word.isascii() and len(word) <= _MAX_RUN:
                for start in range(len(word) - 1):
                    for end in range(start + 2, len(word) + 1):
                        for entry in self._terms.get(word[start:end], ()):
                            found[entry] = max(found.get(entry, 0.0), (end - start) / size)
        return found

    # -- searching -------------------------------------------------------------

    def search(self, query: str, *, kind: Kind | None = None, limit: int | None = None) -> Hits[Any]:
        """The hits for ``query``, best first: hits on the plan's own words, then thesaurus-only ones."""
        words, corrections, read_stems = self._read(query)
        if not words:
            return Hits()
        phrase = " ".join(words)
        tokens = self._tokens(words)
        factor = {t: _FUZZY if t in read_stems else 1.0 for t in tokens}
        whole = _FUZZY if corrections else 1.0
        whole_term, whole_words = f"\n {phrase} \n", f" {phrase} "
        # English matches at the start of a word; Chinese anywhere, having no word boundaries.
        inside = phrase if _is_cjk(phrase[0]) else f" {phrase}"
        cjk = tuple(_is_cjk(t[0]) for t in tokens)
        roots = tuple(() if cjk[i] else self._roots(t) for i, t in enumerate(tokens))
        needed = 1.0 if len(tokens) == 1 else 0.5
        probes = tuple(t if cjk[i] else f" {t}" for i, t in enumerate(tokens)) + tuple(
            f" {root} " for alternatives in roots for root in alternatives
        )
        extra = self._thesaurus_matches(words)
        by_thesaurus: dict[int, tuple[float, str]] = {}  # record order -> (score, reason)
        for entry_index, share in extra.items():
            entry = self._thesaurus[entry_index]
            for rank, record_id in enumerate(entry.record_ids):
                score = _THESAURUS * share / (1 + 0.1 * rank)
                order = self._orders.get(record_id)
                if order is not None and score > by_thesaurus.get(order, (0.0, ""))[0]:
                    by_thesaurus[order] = (score, entry.reason)
        hits: list[tuple[int, float, int, Hit[Any]]] = []
        fixed = tuple(corrections.items())
        for order, (record, fields, everything) in enumerate(self._entries):
            if kind is not None and record.kind is not kind:
                continue
            through = by_thesaurus.get(order)
            # A cheap first pass over all the record's text: most records share nothing with the query.
            if inside not in everything and not any(probe in everything for probe in probes):
                if through is not None:
                    hit = Hit(record=record, score=round(through[0], 3), matched=("thesaurus",),
                              corrections=fixed, reason=through[1])  # fmt: skip
                    hits.append((1, -through[0], order, hit))
                continue
            score, matched = 0.0, []
            best = [0.0] * len(tokens)
            for name, weight, text in fields:
                matched_here = False
                if whole_term in text:
                    score += weight * _WHOLE_TERM * whole
                    matched_here = True
                elif whole_words in text:
                    score += weight * _WHOLE_WORDS * whole
                    matched_here = True
                elif inside in text:
                    score += weight * _INSIDE * whole
                    matched_here = True
                for i, token in enumerate(tokens):
                    if cjk[i]:
                        gain = weight if token in text else 0.0
                    elif f" {token} " in text:
                        gain = weight
                    elif len(token) >= _SHORTEST_PREFIX and f" {token}" in text:
                        gain = weight * _PREFIX
                    elif any(f" {root} " in text for root in roots[i]):
                        gain = weight * _ROOT
                    else:
                        continue
                    if gain:
                        matched_here = True
                        best[i] = max(best[i], gain * factor[token])
                if matched_here:
                    matched.append(name)
            covered = sum(1 for b in best if b) / len(tokens)
            if score == 0.0 and covered < needed:
                if through is not None:
                    hit = Hit(record=record, score=round(through[0], 3), matched=("thesaurus",),
                              corrections=fixed, reason=through[1])  # fmt: skip
                    hits.append((1, -through[0], order, hit))
                continue
            score += sum(best) / len(tokens) * covered
            if through is not None:
                score += through[0] / 2
                matched.append("thesaurus")
            hit = Hit(record=record, score=round(score, 3), matched=tuple(matched), corrections=fixed)
            hits.append((0, -score, order, hit))
        hits.sort(key=lambda h: h[:3])
        own = [h[1] for h in hits if h[0] == 0]
        if own and len(own) < len(hits):  # show thesaurus-only scores below the lowest own-words score
            lowest = -max(own)
            scale = lowest / (_THESAURUS + 1)
            hits = [h if h[0] == 0 else (*h[:3], attrs.evolve(h[3], score=round(h[3].score * scale, 3))) for h in hits]
        return Hits(h[3] for h in hits[:limit])

    def did_you_mean(self, query: str) -> tuple[str, ...]:
        """Queries close to ``query`` whose words the index knows: each unknown word replaced by its closest."""
        import difflib

        words = NOT_WORD.sub(" ", self._fold(query)).split()
        if not words:
            return ()
        options: list[list[str]] = []
        changed = False
        for word in words:
            if not word.isascii() or len(word) < 3 or word.isdigit() or self._known(stem(word)):
                options.append([word])
                continue
            read = self._correct(stem(word), len(word)) if len(word) >= _TYPO_MIN else None
            if read is not None:  # search reads this word already: suggest what it reads
                close = [self._shown[read]]
            else:
                close = difflib.get_close_matches(word, list(self._shown.values()), n=3, cutoff=0.75)
            options.append(close or [word])
            changed = changed or bool(close)
        if not changed:
            return ()
        suggestions = [" ".join(o[0] for o in options)]
        for i, choices in enumerate(options):
            for other in choices[1:]:
                suggestions.append(" ".join(other if j == i else o[0] for j, o in enumerate(options)))
        return tuple(dict.fromkeys(suggestions))[:5]


_lock = threading.Lock()
_searcher: Searcher | None = None


def _build(load: Callable[[], _loader.Dataset] = _loader.load) -> Searcher:
    global _searcher
    dataset = load()
    with _lock:
        if _searcher is None:
            records = tuple(r for d in dataset.documents for r in d.members())
            _searcher = Searcher(records, _thesaurus.load({r.id for r in records}))
        return _searcher


@overload
def search(query: str, *, kind: type[_K], limit: int | None = None) -> Hits[_K]: ...
@overload
def search(query: str, *, kind: Kind | str | None = None, limit: int | None = None) -> Hits[PlanOrRecord]: ...


def search(query: str, *, kind: Kind | str | type[Any] | None = None, limit: int | None = None) -> Hits[Any]:
    """Records ranked by how well they match ``query``, best first.

    Identifiers, notations, titles, aliases, keywords and summaries are
    searched in English and Chinese. English words match in any common form
    (``vaccines``, ``antibody``), and a long word with a typo still matches,
    scoring less; Chinese needs no word boundaries, and traditional characters
    are read as simplified. Terms the plan itself does not use (``EV``,
    ``semiconductor``, ``充电桩``) are found through the project's thesaurus;
    such hits rank below hits on the plan's own words.

    Args:
        query: words or characters to look for.
        kind: keep only records of this kind (a :class:`~sei_policy.Kind`, its
            value or the record class; with the class, hits are typed as it).
        limit: at most this many hits (``None``: all).

    Returns:
        A tuple of hits (:class:`Hits`, which notebooks show as a table), each with the
        ``record``, a ``score``, the fields that ``matched``, any typo ``corrections`` and, for a thesaurus hit,
        the ``reason``; empty when nothing matches (see :func:`did_you_mean`).

    Raises:
        InvalidArgumentTypeError: ``query`` is not a string, or ``limit`` not an int.
        UnknownKindError: ``kind`` is not a kind.
        InvalidArgumentError: ``limit`` is negative (a ``ValueError``).

    >>> import sei_policy as sp
    >>> hit = sp.search("光刻胶")[0]
    >>> hit.record.id, hit.matched
    ('action:new-materials', ('keywords.zh',))
    >>> sp.search("vacines")[0].corrections
    (('vacines', 'vaccine'),)
    >>> sp.search("no such thing at all")
    ()
    """
    if not isinstance(query, str):
        raise InvalidArgumentTypeError("search()", "query", "a string", query)
    wanted = None if kind is None else kind_of(kind, "search()")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)):
        raise InvalidArgumentTypeError("search()", "limit", "an int or None", limit)
    if limit is not None and limit < 0:
        raise InvalidArgumentError(f"search() expects limit >= 0, got {limit!r}")
    return (_searcher or _build()).search(query, kind=wanted, limit=limit)


def did_you_mean(query: str) -> tuple[str, ...]:
    """Queries close to ``query`` that use words the index knows, best first; empty if none is needed.

    Use it when :func:`search` finds nothing: each word the index does not
    know is replaced by the closest word it does.

    >>> import sei_policy as sp
    >>> sp.search("fotoresistz")
    ()
    >>> sp.did_you_mean("fotoresistz")
    ('photoresist',)
    """
    if not isinstance(query, str):
        raise InvalidArgumentTypeError("did_you_mean()", "query", "a string", query)
    return (_searcher or _build()).did_you_mean(query)
