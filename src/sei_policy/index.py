"""Finding records: the strict :func:`get`, the forgiving :func:`lookup` and ranked :func:`search`.

The data loads on first use. ``get`` is one lookup in a plain dict; ``lookup``
tries the text as given before any Unicode folding, so an exact name is found
at once; ``search`` builds its index on the first search.

>>> import sei_policy as sp
>>> sp.get("priority:employment").title.zh
'稳就业'
>>> sp.lookup("加快新材料产业强弱项").id
'action:new-materials'
>>> sp.search("photoresist")[0].record.id
'action:new-materials'
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, TypeVar, overload

from sei_policy import _loader, ids
from sei_policy._text import closest, compact, fold
from sei_policy.errors import (
    AmbiguousLookupError,
    ArgumentTypeError,
    InvalidArgumentError,
    UnknownIdentifierError,
    UnknownKindError,
    warn_retired,
)
from sei_policy.models import AnyRecord, Classification, Kind, Plan

if TYPE_CHECKING:
    from sei_policy.ranking import Hit, Searcher

__all__ = ("classification", "get", "lookup", "plan", "search")

_T = TypeVar("_T")
_Entry = tuple[int, AnyRecord]

# How strongly a key names a record: an identifier or notation beats a title
# or alias, which beats a bare slug. Within the best tier, one record must remain.
_TIER_ID, _TIER_NAME, _TIER_SLUG = 0, 1, 2


class _Missing:
    def __repr__(self) -> str:
        return "<no default>"


_MISSING = _Missing()


def _names(record: AnyRecord) -> Iterator[tuple[int, str]]:
    """Every key ``lookup`` accepts for a record, with its tier."""
    yield _TIER_ID, record.id
    slug = ids.slug(record.id)
    if not slug.isdigit():
        yield _TIER_SLUG, slug
    titles = [record.title.en, record.title.zh, *record.aliases.all]
    if isinstance(record, Plan):
        titles += [record.document_number, record.document_number_en, record.short_name.en, record.short_name.zh]
    else:
        yield _TIER_ID, record.notation
    for title in titles:
        if title:
            yield _TIER_NAME, title


class Index:
    """The lookup tables over one dataset, built when first needed.

    The module-level :func:`get`, :func:`lookup` and :func:`search` are the
    methods of the index over the shipped data.
    """

    def __init__(self, load: Callable[[], _loader.Dataset]) -> None:
        self._load = load
        self._lock = threading.Lock()
        self._built = False
        self._named = False
        self._by_id: dict[str, AnyRecord] = {}
        self._exact: dict[str, AnyRecord] = {}
        self._raw: dict[str, tuple[_Entry, ...]] = {}
        self._folded: dict[str, tuple[_Entry, ...]] = {}
        self._compact: dict[str, tuple[_Entry, ...]] = {}
        self._retired: dict[str, str] = {}
        self._order: dict[str, int] = {}
        self._searcher: Searcher | None = None

    # -- building: identifiers on first use, names on the first lookup --------

    def _ensure(self) -> None:
        if self._built:
            return
        with self._lock:
            if not self._built:
                self._build(self._load())

    def _build(self, dataset: _loader.Dataset) -> None:
        plan = dataset.plan
        records: list[AnyRecord] = [plan, *plan.records, *dataset.classification.categories]
        self._order = {r.id: i for i, r in enumerate(records)}
        self._retired = {r.id: r.replaced_by for r in plan.retired}
        # Fill the fast table last: a racing reader sees it empty or complete.
        self._by_id.update({r.id: r for r in records})
        self._built = True

    def _ensure_names(self) -> None:
        if self._named:
            return
        self._ensure()
        with self._lock:
            if not self._named:
                self._build_names()

    def _build_names(self) -> None:
        raw: dict[str, list[_Entry]] = {}
        folded: dict[str, list[_Entry]] = {}
        squeezed: dict[str, list[_Entry]] = {}
        for record in self._by_id.values():
            for tier, name in _names(record):
                for table, key in ((raw, name), (folded, fold(name)), (squeezed, compact(fold(name)))):
                    entries = table.setdefault(key, [])
                    if (tier, record) not in entries:
                        entries.append((tier, record))
        self._raw = {k: tuple(v) for k, v in raw.items()}
        self._folded = {k: tuple(v) for k, v in folded.items()}
        self._compact = {k: tuple(v) for k, v in squeezed.items() if k}
        exact = {}
        for key, candidates in self._raw.items():
            best = min(t for t, _ in candidates)
            winners = [r for t, r in candidates if t == best]
            if len(winners) == 1:
                exact[key] = winners[0]
        self._exact.update(exact)
        self._named = True

    @property
    def records(self) -> tuple[AnyRecord, ...]:
        """Every record in document order: the plan, its records, then the NBS categories."""
        self._ensure()
        return tuple(self._by_id.values())

    # -- get -----------------------------------------------------------------

    @overload
    def get(self, identifier: str) -> AnyRecord: ...

    @overload
    def get(self, identifier: str, default: _T) -> AnyRecord | _T: ...

    def get(self, identifier: str, default: object = _MISSING) -> object:
        """The record with exactly this identifier.

        Args:
            identifier: a full identifier such as ``'action:new-materials'``.
            default: returned instead of raising when nothing matches.

        Returns:
            The record (or the plan itself, for ``'plan:sei-2020'``).

        Raises:
            UnknownIdentifierError: nothing has this identifier and no default was given;
                its ``suggestions`` name the closest identifiers.
            ArgumentTypeError: ``identifier`` is not a string.

        >>> import sei_policy as sp
        >>> sp.get("action:new-materials").notation
        'A4'
        >>> sp.get("action:new-material", None) is None
        True
        """
        try:
            return self._by_id[identifier]
        except KeyError:
            pass
        except TypeError:
            raise ArgumentTypeError("get()", "identifier", "a string", identifier) from None
        return self._get_slow(identifier, default)

    def _get_slow(self, identifier: str, default: object) -> object:
        if not isinstance(identifier, str):
            raise ArgumentTypeError("get()", "identifier", "a string", identifier)
        if not self._built:
            self._ensure()
            if identifier in self._by_id:
                return self._by_id[identifier]
        if identifier in self._retired:
            replacement = self._retired[identifier]
            warn_retired(identifier, replacement, stacklevel=3)
            return self._by_id[replacement]
        if default is not _MISSING:
            return default
        raise UnknownIdentifierError(identifier, suggest=lambda: self._suggest(identifier))

    # -- lookup --------------------------------------------------------------

    def lookup(self, text: str, *, kind: Kind | str | None = None) -> AnyRecord:
        """The one record that a name, identifier, slug or notation stands for.

        The text may be an identifier, a bare slug where only one record has it,
        a notation (``A4`` or ``a4``), or an English or Chinese title or alias.
        Full-width forms, case, white space, quote styles and brackets are
        folded; an exact match always wins.

        Args:
            text: what to look up.
            kind: keep only records of this kind (a :class:`Kind` or its value).

        Raises:
            AmbiguousLookupError: the text names several records equally well.
            UnknownIdentifierError: the text names no record; see ``suggestions``.
            ArgumentTypeError: ``text`` is not a string.
            UnknownKindError: ``kind`` is not a kind.

        >>> import sei_policy as sp
        >>> sp.lookup("a4").id
        'action:new-materials'
        >>> sp.lookup("ＮＤＲＣ").title.zh
        '国家发展改革委'
        >>> sp.lookup("new-materials", kind="industry").id
        'industry:new-materials'
        """
        if kind is None:
            try:
                return self._exact[text]
            except (KeyError, TypeError):
                pass
        if not isinstance(text, str):
            raise ArgumentTypeError("lookup()", "text", "a string", text)
        wanted = _kind(kind, "lookup()")
        self._ensure_names()
        folded = fold(text)
        retired = self._retired.get(text) or self._retired.get(folded)
        if retired is not None and (wanted is None or self._by_id[retired].kind is wanted):
            warn_retired(text, retired, stacklevel=2)
            return self._by_id[retired]
        for table, key in ((self._raw, text), (self._folded, folded), (self._compact, compact(folded))):
            found = self._pick(text, table.get(key, ()), wanted)
            if found is not None:
                return found
        kind_name = None if wanted is None else wanted.value
        raise UnknownIdentifierError(text, kind=kind_name, suggest=lambda: self._suggest(text, wanted))

    def _pick(self, text: str, entries: tuple[_Entry, ...], kind: Kind | None) -> AnyRecord | None:
        kept = [e for e in entries if kind is None or e[1].kind is kind]
        if not kept:
            return None
        best = min(t for t, _ in kept)
        winners = sorted({r.id: r for t, r in kept if t == best}.values(), key=lambda r: self._order[r.id])
        if len(winners) > 1:
            raise AmbiguousLookupError(text, tuple(r.id for r in winners))
        return winners[0]

    def _suggest(self, text: str, kind: Kind | None = None) -> tuple[str, ...]:
        self._ensure_names()
        names = {
            name: [r.id for _, r in entries if kind is None or r.kind is kind] for name, entries in self._folded.items()
        }
        return closest(text, {name: found for name, found in names.items() if found})

    # -- search --------------------------------------------------------------

    def search(self, query: str, *, kind: Kind | str | None = None, limit: int | None = None) -> tuple[Hit, ...]:
        """Records ranked by how well they match ``query``, best first.

        Identifiers, notations, titles, aliases, keywords and summaries are
        searched in English and Chinese; Chinese needs no word boundaries.

        Args:
            query: words or characters to look for.
            kind: keep only records of this kind.
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
        wanted = _kind(kind, "search()")
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)):
            raise ArgumentTypeError("search()", "limit", "an int or None", limit)
        if limit is not None and limit < 0:
            raise InvalidArgumentError(f"search() expects limit >= 0, got {limit!r}")
        return (self._searcher or self._build_searcher()).search(query, kind=wanted, limit=limit)

    def _build_searcher(self) -> Searcher:
        from sei_policy.ranking import Searcher

        self._ensure()
        with self._lock:
            if self._searcher is None:
                self._searcher = Searcher(tuple(self._by_id.values()))
            return self._searcher


def _kind(kind: Kind | str | None, function: str) -> Kind | None:
    if kind is None or isinstance(kind, Kind):
        return kind
    if not isinstance(kind, str):
        raise ArgumentTypeError(function, "kind", "a Kind, a string or None", kind)
    try:
        return Kind(kind.strip().casefold())
    except ValueError:
        raise UnknownKindError(kind, tuple(k.value for k in Kind)) from None


_DEFAULT = Index(_loader.load)

get = _DEFAULT.get
lookup = _DEFAULT.lookup
search = _DEFAULT.search


def plan() -> Plan:
    """The plan, loaded and validated on first use, then cached.

    >>> import sei_policy as sp
    >>> p = sp.plan()
    >>> p.document_number, len(p.actions)
    ('发改高技〔2020〕1409号', 20)
    """
    return _loader.load().plan


def classification() -> Classification:
    """The NBS Strategic Emerging Industries Classification (2018), as the plan's industries cite it.

    >>> import sei_policy as sp
    >>> [c.notation for c in sp.classification().categories][:3]
    ['NBS-1', 'NBS-2', 'NBS-3']
    """
    return _loader.load().classification
