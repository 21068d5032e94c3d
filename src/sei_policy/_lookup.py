"""Finding records: the strict :func:`get`, the forgiving :func:`lookup`, and :func:`records` by kind.

``get`` is one lookup in a plain dict; ``lookup`` goes through the library's
one resolver (the same that the per-kind accessors use), which tries the text
as given before any folding, so an exact name is found at once. Both cover
every document the library ships: the plan, its records and the NBS 2018
categories. ``kind=`` takes a :class:`~sei_policy.Kind`, its value, or the
record class, and with the class the result is typed as that class.

>>> import sei_policy as sp
>>> sp.get("priority:employment").title.zh
'稳就业'
>>> sp.lookup("加快新材料产业强弱项").id
'action:new-materials'
>>> sp.lookup("4", kind=sp.Action).notation
'A4'
>>> len(sp.records(kind=sp.Action))
20
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, overload

from sei_policy import _loader, ids
from sei_policy._resolver import Resolver
from sei_policy.errors import InvalidArgumentTypeError, UnknownIdentifierError, shown
from sei_policy.models import KINDS, Classification, DocumentArgument, Kind, Plan, PlanOrRecord, Record, kind_of

__all__ = ("get", "lookup", "records")

_T = TypeVar("_T")
_R = TypeVar("_R", bound="Record | Plan")
KindArgument = Kind | str | type[Any]


class _Missing:
    def __repr__(self) -> str:
        return "<no default>"


_MISSING: Any = _Missing()


class Index:
    """The fast table of identifiers over the dataset's one resolver, filled on first use.

    The module-level :func:`get`, :func:`lookup` and :func:`records` are the
    methods of the index over the shipped data.
    """

    def __init__(
        self, load: Callable[[], _loader.Dataset], lineage: Callable[[], _loader.Dataset] | None = None
    ) -> None:
        self._load = load
        self._lineage = lineage  # where a full identifier the dataset lacks is looked for next
        self._by_id: dict[str, PlanOrRecord] = {}
        self._resolver: Resolver | None = None  # the dataset's, kept once known

    def _ensure(self) -> Resolver:
        resolver = self._resolver
        if resolver is None:
            resolver = self._load().resolver
            self._by_id.update(resolver.by_id)  # one update: a racing reader sees it empty or complete
            self._resolver = resolver
        return resolver

    # -- get -----------------------------------------------------------------

    def get(self, identifier: str, default: object = _MISSING, *, kind: KindArgument | None = None) -> object:
        """The record with exactly this identifier (see :func:`get`)."""
        if kind is None:
            try:
                return self._by_id[identifier]
            except KeyError:
                pass
            except TypeError:
                raise InvalidArgumentTypeError("get()", "identifier", "a string", identifier) from None
        return self._get_slow(identifier, default, kind)

    def _get_slow(self, identifier: str, default: object, kind: KindArgument | None) -> object:
        if not isinstance(identifier, str):
            raise InvalidArgumentTypeError("get()", "identifier", "a string", identifier)
        wanted = None if kind is None else kind_of(kind, "get()")
        resolver = self._ensure()
        found = resolver.get(identifier)
        if found is None and self._lineage is not None and self._elsewhere(identifier):
            found = self._lineage().resolver.get(identifier)  # a record of another document: load the lineage
        of_class = isinstance(kind, type) and isinstance(found, kind)  # a class two kinds share (NbsCategory)
        if found is not None and (wanted is None or found.kind is wanted or of_class):
            return found
        if default is not _MISSING:
            return default
        if found is not None:  # a record of another kind
            other = f"it is {found.id!r}, {_article(found.kind)} {found.kind}"
            raise UnknownIdentifierError(identifier, kind=wanted, hint=other)
        hint: str | None = None if ids.is_identifier(identifier) else self._not_an_identifier(identifier, wanted)
        if hint is not None and "sp.lookup(" in hint:  # the hint names the way to it: no need to guess
            raise UnknownIdentifierError(identifier, kind=wanted, hint=hint)
        raise UnknownIdentifierError(
            identifier,
            kind=wanted,
            hint=hint,
            suggest=lambda: resolver.suggest(identifier, wanted),
            search=resolver.searcher(identifier, wanted),
        )

    def _elsewhere(self, identifier: str) -> bool:
        """Whether a full identifier the dataset lacks may name a record of another document (the lineage's)."""
        if not ids.is_identifier(identifier):
            return False
        prefix, kind, _ = ids.parse(identifier)
        return prefix is not None or kind in ("plan", "agency") or kind not in self._load().kinds

    def _not_an_identifier(self, text: str, kind: Kind | None) -> str:
        """A hint for get() given a notation or a name: what would find it."""
        hint = "get() takes full identifiers such as 'action:new-materials'"
        try:
            found = self._ensure().resolve(text, kind, "get()")
        except LookupError:
            return hint
        accessor = _accessor(found, text)
        return f"{hint}; for {shown(text)} use sp.lookup({text!r})" + (f" or {accessor}" if accessor else "")

    # -- lookup --------------------------------------------------------------

    def lookup(self, text: str, *, kind: KindArgument | None = None, document: object = None) -> PlanOrRecord:
        """The one record ``text`` names (see :func:`lookup`)."""
        if not isinstance(text, str):
            raise InvalidArgumentTypeError("lookup()", "text", "a string", text)
        if document is None and self._lineage is not None and _qualified(text):
            document = (
                "all"  # a notation qualified by a document's prefix (sei-2010/I6) names a record of that document
            )
        resolver = self._ensure() if document is None else _loader.select(document, "lookup()").resolver
        return resolver.resolve(text, None if kind is None else kind_of(kind, "lookup()"), "lookup()")

    # -- records ---------------------------------------------------------------

    def records(self, kind: KindArgument | None = None, document: object = None) -> tuple[PlanOrRecord, ...]:
        """The plan's records, or those of one kind (see :func:`records`)."""
        wanted = None if kind is None else kind_of(kind, "records()")
        dataset = self._load() if document is None else _loader.select(document, "records()")
        documents = dataset.documents
        if wanted is None:
            if document is None:
                return tuple(r for d in documents if isinstance(d, Plan) for r in d.records)
            found = [r for d in documents for r in d.members() if isinstance(r, Record)]
            found += dataset.agencies
            return tuple({r.id: r for r in found}.values())  # agencies, which documents share, once each
        spec = KINDS[wanted]
        if spec.document is None:
            return tuple(d for d in documents if isinstance(d, spec.cls))
        holders = (d for d in documents if isinstance(d, spec.document))
        found = [r for d in holders for r in getattr(d, spec.collection) if r.kind is wanted]
        if wanted is Kind.AGENCY and dataset.agencies:  # the lineage: every agency once, shared as they are
            found = list({r.id: r for r in (*dataset.agencies, *found)}.values())
        return tuple(found)


def _qualified(text: str) -> bool:
    """Whether ``text`` is a notation qualified by a document's prefix, such as ``sei-2010/I6``."""
    prefix, slash, rest = text.strip().partition("/")
    return bool(slash) and ids.SLUG.fullmatch(prefix) is not None and rest.isalnum()


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _accessor(record: PlanOrRecord, text: str) -> str | None:
    """How to reach ``record`` through its document's accessor, e.g. ``plan.action('A4')``."""
    spec = KINDS[record.kind]
    if spec.document is Plan:
        return f"plan.{spec.cls.__name__.lower()}({text!r})"
    if spec.document is Classification:
        return f"sp.classification().category({text!r})"
    return None


_DEFAULT = Index(_loader.load, _loader.lineage)
_BY_ID = _DEFAULT._by_id  # the same dict: filled on first use


@overload
def get(identifier: str, *, kind: type[_R]) -> _R: ...
@overload
def get(identifier: str, default: _T, *, kind: type[_R]) -> _R | _T: ...
@overload
def get(identifier: str, *, kind: Kind | str | None = None) -> PlanOrRecord: ...
@overload
def get(identifier: str, default: _T, *, kind: Kind | str | None = None) -> PlanOrRecord | _T: ...


def get(identifier: str, default: object = _MISSING, *, kind: KindArgument | None = None) -> object:
    """The record with exactly this identifier.

    Args:
        identifier: a full identifier such as ``'action:new-materials'``, as written.
        default: returned instead of raising when nothing matches.
        kind: the record must be of this kind (a :class:`Kind`, its value or the
            record class; with the class, the result is typed as it).

    Returns:
        The record (or the plan itself, for ``'plan:sei-2020'``).

    Raises:
        UnknownIdentifierError: nothing has this identifier (or not of ``kind``)
            and no default was given; its ``suggestions`` name close identifiers.
        InvalidArgumentTypeError: ``identifier`` is not a string.
        UnknownKindError: ``kind`` is not a kind.

    >>> import sei_policy as sp
    >>> sp.get("action:new-materials").notation
    'A4'
    >>> sp.get("action:new-materials", kind=sp.Action).requirement_id
    'requirement:key-industries'
    >>> sp.get("action:new-material", None) is None
    True
    """

    if kind is None:  # the hot path, inline: one dict lookup
        try:
            return _BY_ID[identifier]
        except KeyError:
            pass
        except TypeError:
            raise InvalidArgumentTypeError("get()", "identifier", "a string", identifier) from None
    return _DEFAULT._get_slow(identifier, default, kind)


@overload
def lookup(text: str, *, kind: type[_R], document: DocumentArgument = None) -> _R: ...
@overload
def lookup(text: str, *, kind: Kind | str | None = None, document: DocumentArgument = None) -> PlanOrRecord: ...


def lookup(text: str, *, kind: KindArgument | None = None, document: DocumentArgument = None) -> PlanOrRecord:
    """The one record that an identifier, notation, slug, number, title or alias stands for.

    The text may be an identifier, a bare slug where only one record has it,
    a notation (``A4`` or ``a4``), with ``kind`` a number (``"4"``), or an
    English or Chinese title or alias. Full-width forms, case, white
    space, quote styles and brackets are folded; an exact match always
    wins. This is the resolver the per-kind accessors use: ``lookup(text,
    kind=sp.Action)`` and ``plan.action(text)`` accept the same keys.

    Args:
        text: what to look up.
        kind: keep only records of this kind (a :class:`Kind`, its value or the
            record class; with the class, the result is typed as it).
        document: look in this document (a document, its key such as
            ``"sei-2010"``, its number or title), or in ``"all"`` of them, the
            2020 plan's records first; by default in the 2020 plan and NBS 2018.

    Raises:
        AmbiguousLookupError: the text names several records equally well.
        UnknownIdentifierError: the text names no record; see ``suggestions``.
        InvalidArgumentTypeError: ``text`` is not a string.
        UnknownKindError: ``kind`` is not a kind.

    >>> import sei_policy as sp
    >>> sp.lookup("a4").id
    'action:new-materials'
    >>> sp.lookup("ＮＤＲＣ").title.zh
    '国家发展改革委'
    >>> sp.lookup("new-materials", kind=sp.Industry).id
    'industry:new-materials'
    >>> sp.lookup("I6", document="sei-2010").id
    'sei-2010/industry:new-materials'
    """
    return _DEFAULT.lookup(text, kind=kind, document=document)


@overload
def records(kind: None = None, *, document: DocumentArgument = None) -> tuple[Record, ...]: ...
@overload
def records(kind: type[_R], *, document: DocumentArgument = None) -> tuple[_R, ...]: ...
@overload
def records(kind: Kind | str, *, document: DocumentArgument = None) -> tuple[PlanOrRecord, ...]: ...


def records(kind: KindArgument | None = None, *, document: DocumentArgument = None) -> tuple[PlanOrRecord, ...]:
    """The records of the plan in document order, or every record of one kind.

    Without ``kind``: every record of the plan, kind after kind (priorities
    to agencies), each kind in the original's order. With ``kind``: the
    records of that kind, wherever they are kept; the NBS 2018 categories
    come only when asked for (``kind="nbs-2018"`` or ``sp.NbsCategory``), and
    ``kind=sp.Plan`` gives the plan itself. ``document=`` takes the records of
    another document (``"sei-2016"``) or of ``"all"`` of them instead.

    >>> import sei_policy as sp
    >>> [r.notation for r in sp.records(kind=sp.Requirement)]
    ['R1', 'R2', 'R3', 'R4']
    >>> len(sp.records()), len(sp.records(kind="nbs-2018"))
    (64, 9)
    >>> [r.notation for r in sp.records(sp.Pillar, document="sei-2016")][:2]
    ['N1', 'N2']
    """
    return _DEFAULT.records(kind, document)
