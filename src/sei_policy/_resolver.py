"""The one resolver: how text is folded, which keys a record answers to, and how a key finds it.

Every entry point that turns a key into a record uses this module: the
per-kind accessors (``plan.action("A4")``), the navigation methods that take
keys, :func:`sei_policy.lookup`, the retired-identifier path of
:func:`sei_policy.get`, suggestions on a miss, and the field list of search.

A record answers to, from strongest to weakest:

1. its identifier and its notation (and, within its kind, its number);
2. its titles and aliases in either language (the plan also to its document
   numbers and short names);
3. the slug of its identifier (``new-materials``).

Text is compared as given first, then folded (:func:`fold`), then compacted
(:func:`compact`). The best tier wins; a tie at the best tier is broken by
document order of the documents (the plan's own records before a
classification's categories); a tie that remains is ambiguous.

>>> fold("  Ｅｍｐｌｏｙｍｅｎｔ\\u3000“six  priorities” ")
'employment "six priorities"'
>>> compact(fold("发改高技[2020]1409号"))
'发改高技20201409号'
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sei_policy import ids
from sei_policy._simplify import simplify
from sei_policy.errors import (
    AmbiguousLookupError,
    InvalidArgumentTypeError,
    UnknownIdentifierError,
    shown,
    warn_retired,
)

if TYPE_CHECKING:
    from sei_policy.models import PlanOrRecord

__all__ = ("NOT_WORD", "Resolver", "closest", "compact", "fold", "keys_of")

# -- folding -------------------------------------------------------------------

_FOLDS = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
        "「": '"', "」": '"', "『": '"', "』": '"',
        "‘": "'", "’": "'", "‚": "'", "`": "'",
        "〔": "(", "〕": ")", "[": "(", "]": ")", "【": "(", "】": ")",
        "–": "-", "—": "-", "‐": "-", "‑": "-",
    }
)  # fmt: skip
_FOLDED = re.compile("[" + re.escape("".join(map(chr, _FOLDS))) + "]")
NOT_WORD = re.compile(r"[\W_]+")
"""Runs of characters that are neither letters nor digits."""


def fold(text: str) -> str:
    """Unicode-normalise (NFKC), casefold, unify quotes and brackets, collapse white space."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    if _FOLDED.search(folded):  # translate() is slow, and most text has nothing to unify
        folded = folded.translate(_FOLDS)
    return " ".join(folded.split())


def compact(folded: str) -> str:
    """Drop everything but letters and digits from folded text (for a last-resort match)."""
    return NOT_WORD.sub("", folded)


_CLOSE = 0.75
"""The least similarity (difflib's ratio) for a suggestion."""
_SHORTEST = 4
"""Texts shorter than this get no suggestions."""
_MARGIN = 0.1
"""Suggestions further than this below the best one are left out: they are not close."""


def closest(text: str, names: Mapping[str, Iterable[str]], limit: int = 5) -> tuple[str, ...]:
    """The identifiers whose names come closest to ``text``, best first; only close ones.

    ``names`` maps each folded name to the identifiers it names.

    >>> names = {"new-materials": ["action:new-materials"], "new-energy": ["action:new-energy"]}
    >>> closest("new-material", names)
    ('action:new-materials',)
    >>> closest("zzzzz", names)
    ()
    """
    import difflib

    wanted = fold(text)[:200]
    if len(wanted) < _SHORTEST:
        return ()  # 'A21' is as close to 'A2' as to 'A1': nothing that short is a useful suggestion
    matcher = difflib.SequenceMatcher(b=wanted, autojunk=False)
    scored: list[tuple[float, str]] = []
    for name in names:
        matcher.set_seq1(name)
        if matcher.real_quick_ratio() >= _CLOSE and matcher.quick_ratio() >= _CLOSE:
            ratio = matcher.ratio()
            if ratio >= _CLOSE:
                scored.append((ratio, name))
    if not scored:
        return ()
    scored.sort(key=lambda s: -s[0])
    best = scored[0][0]
    found: dict[str, None] = {}
    for ratio, name in scored:
        if ratio >= best - _MARGIN:
            found.update(dict.fromkeys(names[name]))
    return tuple(found)[:limit]


# -- the keys of a record -----------------------------------------------------

ID, NAME, SLUG = 0, 1, 2
"""The tiers of keys, strongest first."""
_MAX_DIGITS = 9  # a longer digit string is no record's number (and int() of a huge one is refused)

Key = str | int


def keys_of(record: PlanOrRecord) -> Iterator[tuple[int, Key]]:
    """Every key a record answers to, once, at its strongest tier, as written in the data (not folded).

    The number (an ``int``) is a key within the record's kind only.

    >>> import sei_policy as sp
    >>> sorted(str(k) for _, k in keys_of(sp.plan().action(4)))[:4]
    ['4', 'A4', 'Accelerate the new materials industry in strengthening areas of weakness', 'action:new-materials']
    """
    keys: dict[Key, int] = {record.id: ID}
    notation: str | None = getattr(record, "notation", None)
    if notation is not None:
        keys[notation] = ID
        keys[getattr(record, "number")] = ID  # noqa: B009 - records with a notation have a number; the plan has neither
        prefix, slash, _ = record.id.partition("/")
        if slash:  # a record of another document: its notation qualified by the prefix, sei-2010/I6
            keys[f"{prefix}/{notation}"] = ID
    for _, name in record.names:
        keys.setdefault(name, NAME)
    slug = ids.slug(record.id)
    if not slug.isdigit():
        keys.setdefault(slug, SLUG)
    for key, tier in keys.items():
        yield tier, key


# -- the resolver ---------------------------------------------------------------

_Entry = tuple[int, int, "PlanOrRecord"]  # tier, rank of the record's document, record


class Resolver:
    """Resolves keys to records over a fixed set of documents' records.

    Args:
        documents: each document's records, in document order; earlier
            documents take precedence in a tie (the plan before a classification).
        retired: retired identifier -> its replacement.
        labels: kind -> how messages name one record of that kind and several (``("action", "actions")``).
    """

    def __init__(
        self,
        documents: Sequence[Sequence[PlanOrRecord]],
        *,
        retired: Mapping[str, str] | None = None,
        labels: Mapping[str, tuple[str, str]] | None = None,
    ) -> None:
        self._documents = tuple(tuple(records) for records in documents)
        self.by_id: dict[str, PlanOrRecord] = {r.id: r for records in self._documents for r in records}
        self.retired: dict[str, str] = dict(retired or {})
        self._labels = dict(labels or {})
        self._lock = threading.Lock()
        self._built = False
        # Tables per kind (a record's ``kind``; None for any kind):
        # raw key -> the one record it names best (the fast path, which callers may read directly) ...
        self.exact: dict[str | None, dict[object, PlanOrRecord]] = {}  # any key may be probed
        # ... and raw, folded or compacted key -> every (tier, rank, record) it names.
        self._raw: dict[str | None, dict[Key, list[_Entry]]] = {}
        self._folded: dict[str | None, dict[Key, list[_Entry]]] = {}
        self._compact: dict[str | None, dict[Key, list[_Entry]]] = {}

    # -- building ----------------------------------------------------------

    def _build(self) -> None:
        with self._lock:
            if self._built:
                return
            raw: dict[str | None, dict[Key, list[_Entry]]] = {}
            folded: dict[str | None, dict[Key, list[_Entry]]] = {}
            squeezed: dict[str | None, dict[Key, list[_Entry]]] = {}
            for rank, records in enumerate(self._documents):
                for record in records:
                    for tier, key in keys_of(record):
                        kinds: tuple[str | None, ...] = (record.kind, None)
                        for kind in kinds:
                            if kind is None and isinstance(key, int):
                                continue  # a number names a record within its kind only
                            entry = (tier, rank, record)
                            _add(raw.setdefault(kind, {}), key, entry)
                            if isinstance(key, str):
                                _add(folded.setdefault(kind, {}), fold(key), entry)
                                squeezed_key = compact(fold(key))
                                if squeezed_key:
                                    _add(squeezed.setdefault(kind, {}), squeezed_key, entry)
                            else:
                                _add(folded.setdefault(kind, {}), key, entry)
            exact: dict[str | None, dict[object, PlanOrRecord]] = {}
            for of_kind, table in raw.items():
                exact[of_kind] = {key: best for key, entries in table.items() if (best := _best(entries)) is not None}
            self._raw, self._folded, self._compact = raw, folded, squeezed
            self.exact.update(exact)
            self._built = True

    # -- resolving -----------------------------------------------------------

    def get(self, identifier: str) -> PlanOrRecord | None:
        """The record with exactly this identifier, or its replacement if it is retired (with a warning)."""
        found = self.by_id.get(identifier)
        if found is None and identifier in self.retired:
            warn_retired(identifier, self.retired[identifier], stacklevel=3)
            found = self.by_id[self.retired[identifier]]
        return found

    def resolve(self, key: object, kind: str | None, function: str) -> PlanOrRecord:
        """The one record ``key`` names (within ``kind``, if given), or the documented error.

        Accepts what :func:`keys_of` lists, in any folding; a number (``int`` or
        digits) only with a kind. A retired identifier resolves to its
        replacement with a :class:`~sei_policy.DeprecatedIdentifierWarning`.
        """
        if type(key) is str or type(key) is int:  # 4.0 and True hash as 4 and 1 do: refuse them below
            table = self.exact.get(kind)
            if table is not None:
                found = table.get(key)
                if found is not None:
                    return found
        if not self._built:
            self._build()
            return self.resolve(key, kind, function)
        return self._resolve_slow(key, kind, function)

    def _resolve_slow(self, key: object, kind: str | None, function: str) -> PlanOrRecord:
        found = self.find(key, kind, function)
        if found is None:
            assert isinstance(key, str | int)  # find() refused anything else
            raise self._miss(key, kind, function)
        return found

    def find(self, key: object, kind: str | None, function: str = "find()") -> PlanOrRecord | None:
        """The one record ``key`` names (within ``kind``), or ``None``: :meth:`resolve` without the miss error.

        It still raises :class:`~sei_policy.AmbiguousLookupError` when several
        records tie, and :class:`~sei_policy.errors.InvalidArgumentTypeError` for a key of no key's type.
        """
        if not self._built:
            self._build()
        if type(key) is str or type(key) is int:
            hit = self.exact.get(kind, {}).get(key)
            if hit is not None:
                return hit
        if isinstance(key, bool) or not isinstance(key, str | int) or (isinstance(key, int) and kind is None):
            expected = "an identifier, slug, notation, number or name" if kind else "a string"
            raise InvalidArgumentTypeError(function, "key" if kind else "text", expected, key)
        if isinstance(key, int):
            return self.exact.get(kind, {}).get(key) if type(key) is int else None
        folded = fold(key)
        retired = self.retired.get(key) or self.retired.get(folded)
        if retired is not None and (kind is None or self.by_id[retired].kind == kind):
            warn_retired(key, retired, stacklevel=5)
            return self.by_id[retired]
        candidates: list[tuple[Mapping[Any, list[_Entry]], Key]] = [
            (self._raw.get(kind, {}), key),
            (self._folded.get(kind, {}), folded),
        ]
        if kind is not None and folded.isascii() and folded.isdigit() and len(folded) <= _MAX_DIGITS:
            candidates.append((self._folded.get(kind, {}), int(folded)))
        candidates.append((self._compact.get(kind, {}), compact(folded)))
        found = _first(candidates, key)
        if found is None and not folded.isascii():
            simplified = simplify(folded)  # reads OpenCC's table on first use: only after every other try
            if simplified is not folded:
                simpler = [(self._folded.get(kind, {}), simplified), (self._compact.get(kind, {}), compact(simplified))]
                found = _first(simpler, key)
        return found

    def name_of(self, key: str) -> str | None:
        """A hint for a key of the wrong kind: ``'A4' names 'action:new-materials'``, if it names one record."""
        try:
            found = self.resolve(key, None, "")
        except LookupError:
            return None
        what = f"{_article(found.kind)} {found.kind}"
        return f"it is {what}" if key == found.id else f"{shown(key)} names {found.id!r}, {what}"

    def _miss(self, key: Key, kind: str | None, function: str) -> UnknownIdentifierError:
        """The error for a key that names nothing, worded by what the user gave."""
        hint = None
        if kind is not None:
            elsewhere = self._elsewhere(key, kind)
            hint = f"{shown(key)} names {elsewhere}" if elsewhere else self.describe(kind)
        suggest = (lambda: self.suggest(key, kind)) if isinstance(key, str) else None
        if kind is None and isinstance(key, str) and key.strip().isdigit():
            hint = "a number names a record within its kind: pass kind=, or give a notation such as 'A4'"
        elif kind is None and isinstance(key, str) and (letter := _NOTATION.fullmatch(fold(key).upper())):
            kinds = self._kinds_by_letter()
            if letter.group(1) in kinds:
                hint = self.describe(kinds[letter.group(1)])
        label = None if kind is None else self._labels.get(kind, (str(kind), ""))[0]
        search = self.searcher(key, kind)
        return UnknownIdentifierError(key, kind=kind, label=label, hint=hint, suggest=suggest, search=search)

    def _kinds_by_letter(self) -> dict[str, str]:
        """Each notation letter (``A``, ``NBS-``) and its kind, from the records."""
        letters: dict[str, str] = {}
        for record in self.by_id.values():
            notation: str | None = getattr(record, "notation", None)
            match = None if notation is None else _NOTATION.fullmatch(notation)
            if match is not None:
                letters.setdefault(match.group(1), record.kind)
        return letters

    def searcher(self, key: object, kind: str | None) -> Callable[[], tuple[str, ...]] | None:
        """A deferred search for a name-like key that named nothing (``None`` for identifiers and notations)."""
        if isinstance(key, str) and _NAME_LIKE.search(key) and not ids.is_identifier(key):
            return lambda: _searched(key, kind)
        return None

    def _elsewhere(self, key: Key, kind: str) -> str | None:
        """The record of another kind that ``key`` names, as ``'industry:x' (an industry)``."""
        if not isinstance(key, str):
            return None
        with_kind = [k for k in self._raw if k is not None and k != kind]
        for other in with_kind:
            for table, probe in ((self._raw[other], key), (self._folded[other], fold(key))):
                best = _best(table.get(probe, []))
                if best is not None:
                    return f"{best.id!r}, not {_article(kind)} {kind}"
        return None

    def describe(self, kind: str) -> str:
        """What records of ``kind`` there are, for a message: ``actions are A1–A20``."""
        records = [r for r in self.by_id.values() if r.kind == kind]
        plural = self._labels.get(kind, (str(kind), f"{kind} records"))[1]
        notations = [getattr(r, "notation", None) or r.id for r in records]
        if not notations:
            return f"there are no {plural}"
        if len(notations) <= 10 and not notations[0][-1:].isdigit():
            return f"{plural} are " + ", ".join(notations)
        return f"{plural} are {notations[0]}–{notations[-1]} (numbers 1–{len(notations)})"

    def suggest(self, text: str, kind: str | None = None) -> tuple[str, ...]:
        """The identifiers of the records whose keys come close to ``text``."""
        if not self._built:
            self._build()
        names: dict[str, list[str]] = {}
        for key, entries in self._folded.get(kind, {}).items():
            if isinstance(key, str):
                names[key] = [r.id for _, _, r in entries]
        return closest(text, names)


_NOTATION = re.compile(r"([A-Z]+-?)[0-9]+")
"""A notation: a kind's letter (or letters and a hyphen) and a number."""
_NAME_LIKE = re.compile(r"[^\W\d_]{3}")
"""A miss worth searching for: a word of three letters or more (not a notation such as 'A21')."""


def _searched(text: str, kind: str | None) -> tuple[str, ...]:
    """What a search for ``text`` finds (at most five), for the message of a miss; loads search only then."""
    from sei_policy._search import search

    try:
        return tuple(hit.record.id for hit in search(text, kind=kind, limit=5))
    except LookupError:  # a kind search does not know (a toy kind of a test dataset)
        return ()


def _add(table: dict[Key, list[_Entry]], key: Key, entry: _Entry) -> None:
    entries = table.setdefault(key, [])
    for i, known in enumerate(entries):
        if known[2] is entry[2]:  # the same record again: keep its strongest tier for this key
            if entry[:2] < known[:2]:
                entries[i] = entry
            return
    entries.append(entry)


def _best(entries: Iterable[_Entry]) -> PlanOrRecord | None:
    """The one record at the strongest (tier, rank), or ``None`` when several tie there."""
    ordered = sorted(entries, key=lambda e: (e[0], e[1]))
    if not ordered:
        return None
    tier, rank = ordered[0][0], ordered[0][1]
    winners = [e[2] for e in ordered if (e[0], e[1]) == (tier, rank)]
    return winners[0] if len(winners) == 1 else None


def _first(candidates: Iterable[tuple[Mapping[Any, list[_Entry]], Key]], key: Key) -> PlanOrRecord | None:
    """The record the first table that has the probe names; raise if several tie there."""
    for table, probe in candidates:
        entries = table.get(probe)
        if entries:
            best = _best(entries)
            if best is None:
                raise AmbiguousLookupError(str(key), _tied(entries), hint=_pick_hint(entries))
            return best
    return None


def _pick_hint(entries: Iterable[_Entry]) -> str:
    """How to pick each of the tied records: ``pass kind='action' or kind='industry', or an identifier``."""
    kinds = dict.fromkeys(str(r.kind) for _, _, r in sorted(entries, key=lambda e: (e[0], e[1])))
    if len(kinds) < 2:
        return "use an identifier"
    return "pass " + " or ".join(f"kind={k!r}" for k in kinds) + ", or an identifier"


def _tied(entries: Iterable[_Entry]) -> tuple[str, ...]:
    ordered = sorted(entries, key=lambda e: (e[0], e[1]))
    tier, rank = ordered[0][0], ordered[0][1]
    return tuple(e[2].id for e in ordered if (e[0], e[1]) == (tier, rank))


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"
