"""The record classes: frozen, typed, and free of any I/O.

Every record of the plan is an immutable, hashable attrs class whose fields
mirror the shipped JSON one to one. Relations between records are stored as
identifiers; :class:`Plan` resolves them into records.

>>> import sei_policy as sp
>>> a = sp.plan().action("A4")
>>> a.title.zh, a.number, a.requirement
('加快新材料产业强弱项', 4, 'requirement:key-industries')
"""

# No `from __future__ import annotations` here: the fields' annotations are real
# types at class creation, which the lean cattrs converter reads without having
# to evaluate strings (that cost milliseconds at first use).

import contextlib
import datetime
import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import TypeVar, Union

import attrs

from sei_policy import ids
from sei_policy.errors import (
    AmbiguousLookupError,
    ArgumentTypeError,
    UnknownIdentifierError,
    warn_retired,
)

__all__ = (
    "Action",
    "Agency",
    "Claim",
    "Classification",
    "Figure",
    "Guarantee",
    "Industry",
    "Kind",
    "Match",
    "NbsCategory",
    "Objective",
    "Plan",
    "Priority",
    "Provenance",
    "Record",
    "Requirement",
    "Retirement",
    "Seed",
    "Source",
    "Status",
    "Target",
    "Terms",
    "Text",
)


class Kind(enum.Enum):
    """The kinds of record; each value is the prefix of the kind's identifiers."""

    PLAN = "plan"
    PRIORITY = "priority"
    GUARANTEE = "guarantee"
    OBJECTIVE = "objective"
    REQUIREMENT = "requirement"
    ACTION = "action"
    INDUSTRY = "industry"
    TARGET = "target"
    AGENCY = "agency"
    NBS_2018 = "nbs-2018"


class Status(enum.Enum):
    """How well a value is supported by the sources.

    ``UNVERIFIED`` values are never shipped: the field is empty and the
    provenance says why.
    """

    VERIFIED = "verified"
    SEED = "seed"
    REPORTED = "reported"
    INFERRED = "inferred"
    UNVERIFIED = "unverified"


class Match(enum.Enum):
    """How a key industry corresponds to a field of the NBS 2018 classification."""

    EXACT = "exact"
    PARTIAL = "partial"


class _Model:
    """The base of every model: one ``__repr__`` for all, cheaper than one generated per class."""

    __slots__ = ()

    def __repr__(self) -> str:
        shown = (f"{a.name}={getattr(self, a.name)!r}" for a in attrs.fields(type(self)) if a.repr)  # type: ignore[arg-type]
        return f"{type(self).__name__}({', '.join(shown)})"


@attrs.frozen(kw_only=True, repr=False)
class Text(_Model):
    """A short text in English and Chinese; either may be unknown (``None``).

    >>> str(Text(en="employment", zh="稳就业"))
    'employment'
    """

    en: str | None = None
    zh: str | None = None

    def __str__(self) -> str:
        return self.en or self.zh or ""


@attrs.frozen(kw_only=True, repr=False)
class Terms(_Model):
    """Several short terms in English and Chinese, such as aliases or keywords.

    >>> Terms(en=("chips",), zh=("芯片",)).all
    ('chips', '芯片')
    """

    en: tuple[str, ...] = ()
    zh: tuple[str, ...] = ()

    @property
    def all(self) -> tuple[str, ...]:
        """The English terms, then the Chinese ones."""
        return self.en + self.zh


@attrs.frozen(kw_only=True, repr=False)
class Claim(_Model):
    """The provenance of one field of a record, where it differs from the record's."""

    field: str
    status: Status
    sources: tuple[str, ...] = ()
    note: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class Provenance(_Model):
    """Where a record comes from: its status, its sources and notes per field.

    >>> p = Provenance(status=Status.SEED, sources=("seed",),
    ...                fields=(Claim(field="title.zh", status=Status.UNVERIFIED),))
    >>> p.status_of("title.zh"), p.status_of("title.en")
    (<Status.UNVERIFIED: 'unverified'>, <Status.SEED: 'seed'>)
    >>> import sei_policy as sp
    >>> plan = sp.plan()
    >>> plan.aliases.en[1], plan.provenance.status_of("aliases.en[1]").value
    ('SEI plan', 'seed')
    """

    status: Status
    sources: tuple[str, ...]
    note: str | None = None
    fields: tuple[Claim, ...] = ()

    def claim(self, field: str) -> Claim | None:
        """The claim about ``field`` or the nearest enclosing field, if any.

        A field is a dotted path, optionally ending in an index: ``aliases.en[1]``
        falls back to ``aliases.en``, then to ``aliases``.
        """
        while True:
            for claim in self.fields:
                if claim.field == field:
                    return claim
            if field.endswith("]"):
                field = field.rsplit("[", 1)[0]
            elif "." in field:
                field = field.rsplit(".", 1)[0]
            else:
                return None

    def status_of(self, field: str) -> Status:
        """The status of ``field``: its own claim's, else the record's."""
        claim = self.claim(field)
        return claim.status if claim is not None else self.status


@attrs.frozen(kw_only=True, repr=False)
class Record(_Model):
    """The fields every record of the plan has.

    ``id`` is the stable identifier (``action:new-materials``), ``notation``
    the short code in the original's order (``A4``), ``number`` the position
    within its kind (4).
    """

    id: str
    kind: Kind
    notation: str
    number: int
    title: Text
    aliases: Terms = attrs.field(default=Terms(), repr=False)
    summary: str | None = attrs.field(default=None, repr=False)
    keywords: Terms = attrs.field(default=Terms(), repr=False)
    provenance: Provenance = attrs.field(repr=False)


class Priority(Record):
    """One of the six stabilities (六稳) that the plan serves."""

    __slots__ = ()  # no fields of its own, so no attrs decorator: it inherits them all


class Guarantee(Record):
    """One of the six guarantees (六保) that the plan serves."""

    __slots__ = ()  # no fields of its own, so no attrs decorator: it inherits them all


@attrs.frozen(kw_only=True, repr=False)
class Objective(Record):
    """A reason the preamble gives for the plan; some implement the priorities or guarantees."""

    priorities: tuple[str, ...] = ()
    guarantees: tuple[str, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class Requirement(Record):
    """One of the four requirement areas (parts 二 to 五 of the original)."""

    part: str
    actions: tuple[str, ...]


@attrs.frozen(kw_only=True, repr=False)
class Action(Record):
    """One of the twenty numbered items (一) to (二十) of the original.

    ``agencies`` is ``None`` where the item's responsibility clause is not known.
    """

    requirement: str
    industry: str | None = None
    agencies: tuple[str, ...] | None = None
    targets: tuple[str, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class Industry(Record):
    """One of the eight key industries of requirement 1, each the subject of one action."""

    action: str
    nbs_2018: str | None = None
    nbs_2018_match: Match | None = None


@attrs.frozen(kw_only=True, repr=False)
class Target(Record):
    """A quantitative target; the plan states no target year, so ``year`` is ``None``."""

    value: int
    year: int | None = None
    action: str


class Agency(Record):
    """An issuing or responsible body; its notation is its abbreviation (``NDRC``)."""

    __slots__ = ()  # no fields of its own, so no attrs decorator: it inherits them all


class NbsCategory(Record):
    """A top-level field of the NBS Strategic Emerging Industries Classification (2018)."""

    __slots__ = ()  # no fields of its own, so no attrs decorator: it inherits them all


@attrs.frozen(kw_only=True, repr=False)
class Source(_Model):
    """An entry of the source register; ``key`` is what provenance cites (``S4``)."""

    key: str
    address: str | None
    description: str
    reliability: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class Figure(_Model):
    """A context figure from the sources; never a target of the plan."""

    label: str
    value: float
    unit: str
    period: str | None = None
    note: str | None = None
    sources: tuple[str, ...]


@attrs.frozen(kw_only=True, repr=False)
class Seed(_Model):
    """The summary article the project started from."""

    title: str
    publisher: str
    published: datetime.date
    translation_named: str


@attrs.frozen(kw_only=True, repr=False)
class Retirement(_Model):
    """A retired identifier and the one that replaces it."""

    id: str
    replaced_by: str
    since: str
    note: str | None = None


_R = TypeVar("_R", bound=Record)


class _Indexed(_Model):
    """Pickling for containers whose private indexes are rebuilt, not stored."""

    __slots__ = ()

    def __attrs_post_init__(self) -> None:  # pragma: no cover - always overridden
        raise NotImplementedError

    def __getstate__(self) -> dict[str, object]:
        fields: tuple[attrs.Attribute[object], ...] = attrs.fields(type(self))  # type: ignore[arg-type]
        return {a.name: getattr(self, a.name) for a in fields if a.init}

    def __setstate__(self, state: dict[str, object]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        self.__attrs_post_init__()


_KEY_TYPES = "an identifier, slug, notation or number"
_MAX_DIGITS = 9  # a longer digit string is no record's number (and int() of a huge one is refused)


def _keys_of(records: tuple[Record, ...]) -> Mapping[str | int, Record]:
    """Every key a per-kind accessor accepts, in canonical (folded) form."""
    keys: dict[str | int, Record] = {}
    for record in records:
        keys[record.number] = record
        for key in (record.id, ids.slug(record.id), record.notation):
            keys[key] = record
            keys[key.casefold()] = record
    return MappingProxyType(keys)


@attrs.frozen(kw_only=True, repr=False, getstate_setstate=False)
class Classification(_Indexed):
    """An official classification the plan's records refer to (NBS 2018)."""

    id: str
    title: Text
    note: str | None = None
    adopted: datetime.date
    published: datetime.date
    sources: tuple[str, ...]
    edition: str
    categories: tuple[NbsCategory, ...]

    _keys: Mapping[str | int, Record] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_keys", _keys_of(self.categories))

    def __repr__(self) -> str:
        return f"Classification(id={self.id!r}, edition={self.edition!r}, categories={len(self.categories)})"

    def category(self, key: str | int) -> NbsCategory:
        """A category by identifier, notation (``NBS-3``) or number.

        >>> import sei_policy as sp
        >>> sp.classification().category(3).title.zh
        '新材料产业'
        """
        record = _find(self._keys, key, "nbs-2018", self.categories, "category()")
        assert isinstance(record, NbsCategory)
        return record


@attrs.frozen(kw_only=True, repr=False, getstate_setstate=False)
class Plan(_Indexed):
    """The plan: its metadata, every record in document order, and navigation.

    Per-kind accessors take a full identifier, a bare slug, a notation or a
    number, and return the exact type:

    >>> import sei_policy as sp
    >>> plan = sp.plan()
    >>> plan.action("new-materials") is plan.action(4) is plan.action("A4")
    True
    >>> plan.requirement_of(plan.action(4)).id
    'requirement:key-industries'
    """

    id: str
    kind: Kind
    edition: str
    title: Text
    aliases: Terms = Terms()
    short_name: Text
    summary: str | None = None
    keywords: Terms = Terms()
    document_number: str
    document_number_en: str | None = None
    document_type: Text
    issued_by: tuple[str, ...]
    issued: datetime.date
    published: datetime.date | None = None
    written: datetime.date | None = None
    addressees: tuple[str, ...]
    seed: Seed
    figures: tuple[Figure, ...] = ()
    provenance: Provenance
    priorities: tuple[Priority, ...]
    guarantees: tuple[Guarantee, ...]
    objectives: tuple[Objective, ...]
    requirements: tuple[Requirement, ...]
    actions: tuple[Action, ...]
    industries: tuple[Industry, ...]
    targets: tuple[Target, ...]
    agencies: tuple[Agency, ...]
    sources: tuple[Source, ...]
    retired: tuple[Retirement, ...] = ()

    _keys: Mapping[Kind, Mapping[str | int, Record]] = attrs.field(init=False, repr=False, eq=False)
    _by_id: Mapping[str, Record] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        keys = {kind: _keys_of(records) for kind, records in self._groups().items()}
        by_id = {record.id: record for records in self._groups().values() for record in records}
        object.__setattr__(self, "_keys", MappingProxyType(keys))
        object.__setattr__(self, "_by_id", MappingProxyType(by_id))

    def __repr__(self) -> str:
        return (
            f"Plan(id={self.id!r}, edition={self.edition!r}, document_number={self.document_number!r}, "
            f"records={len(self._by_id)})"
        )

    def _groups(self) -> dict[Kind, tuple[Record, ...]]:
        return {
            Kind.PRIORITY: self.priorities,
            Kind.GUARANTEE: self.guarantees,
            Kind.OBJECTIVE: self.objectives,
            Kind.REQUIREMENT: self.requirements,
            Kind.ACTION: self.actions,
            Kind.INDUSTRY: self.industries,
            Kind.TARGET: self.targets,
            Kind.AGENCY: self.agencies,
        }

    @property
    def records(self) -> tuple[Record, ...]:
        """Every record of the plan, kind after kind, each kind in document order."""
        return tuple(self._by_id.values())

    # -- per-kind access -------------------------------------------------

    def _one(self, kind: Kind, key: object, cls: type[_R], function: str) -> _R:
        if isinstance(key, cls):
            return key
        try:
            record = _find(self._keys[kind], key, kind.value, self._groups()[kind], function)
        except UnknownIdentifierError:
            replacement = next((r.replaced_by for r in self.retired if r.id == key), None)
            if replacement is None or not replacement.startswith(f"{kind.value}:"):
                raise
            warn_retired(key, replacement, stacklevel=3)
            record = self._by_id[replacement]
        assert isinstance(record, cls)
        return record

    def priority(self, key: Priority | str | int) -> Priority:
        """A priority by identifier, slug, notation (``P1``) or number."""
        return self._one(Kind.PRIORITY, key, Priority, "priority()")

    def guarantee(self, key: Guarantee | str | int) -> Guarantee:
        """A guarantee by identifier, slug, notation (``G1``) or number."""
        return self._one(Kind.GUARANTEE, key, Guarantee, "guarantee()")

    def objective(self, key: Objective | str | int) -> Objective:
        """An objective by identifier, slug, notation (``O1``) or number."""
        return self._one(Kind.OBJECTIVE, key, Objective, "objective()")

    def requirement(self, key: Requirement | str | int) -> Requirement:
        """A requirement by identifier, slug, notation (``R1``) or number."""
        return self._one(Kind.REQUIREMENT, key, Requirement, "requirement()")

    def action(self, key: Action | str | int) -> Action:
        """An action by identifier, slug, notation (``A4``) or number.

        >>> import sei_policy as sp
        >>> sp.plan().action("A4").id
        'action:new-materials'
        """
        return self._one(Kind.ACTION, key, Action, "action()")

    def industry(self, key: Industry | str | int) -> Industry:
        """An industry by identifier, slug, notation (``I4``) or number."""
        return self._one(Kind.INDUSTRY, key, Industry, "industry()")

    def target(self, key: Target | str | int) -> Target:
        """A target by identifier, slug, notation (``T1``) or number."""
        return self._one(Kind.TARGET, key, Target, "target()")

    def agency(self, key: Agency | str | int) -> Agency:
        """An agency by identifier, slug, abbreviation (``NDRC``) or number."""
        return self._one(Kind.AGENCY, key, Agency, "agency()")

    def source(self, key: str) -> Source:
        """An entry of the source register by its key.

        >>> import sei_policy as sp
        >>> sp.plan().source("S4").description.startswith("full-text copy")
        True
        """
        if not isinstance(key, str):
            raise ArgumentTypeError("source()", "key", "a string such as 'S4'", key)
        for source in self.sources:
            if source.key.casefold() == key.strip().casefold():
                return source
        known = tuple(s.key for s in self.sources)
        raise UnknownIdentifierError(key, kind="source", suggest=lambda: _closest(key, known))

    # -- navigation ------------------------------------------------------

    def _all(self, ids: tuple[str, ...], cls: type[_R]) -> tuple[_R, ...]:
        found = tuple(self._by_id[i] for i in ids)
        assert all(isinstance(r, cls) for r in found)
        return found  # type: ignore[return-value]

    def _either(self, key: object, kinds: tuple[Kind, Kind], function: str) -> Record:
        """A record of one of two kinds, given itself, its identifier, slug or notation."""
        if isinstance(key, Record):
            if key.kind in kinds:
                return key
        elif isinstance(key, str):
            found = []
            for kind in kinds:
                with contextlib.suppress(UnknownIdentifierError):
                    found.append(_find(self._keys[kind], key, kind.value, self._groups()[kind], function))
            if len(found) == 1:
                return found[0]
            if found:
                raise AmbiguousLookupError(key, tuple(r.id for r in found), hint="use an identifier")
            known = tuple(r.id for kind in kinds for r in self._groups()[kind])
            what = " or ".join(kind.value for kind in kinds)
            raise UnknownIdentifierError(key, kind=what, suggest=lambda: _closest(key, known))
        expected = f"a record of kind {kinds[0].value} or {kinds[1].value}, or its identifier, slug or notation"
        raise ArgumentTypeError(function, "record", expected, key)

    def requirement_of(self, action: Action | str | int) -> Requirement:
        """The requirement an action belongs to."""
        return self.requirement(self._one(Kind.ACTION, action, Action, "requirement_of()").requirement)

    def actions_of(self, requirement: Requirement | str | int) -> tuple[Action, ...]:
        """The actions of a requirement, in order.

        >>> import sei_policy as sp
        >>> [a.notation for a in sp.plan().actions_of("R3")]
        ['A14', 'A15', 'A16']
        """
        return self._all(self._one(Kind.REQUIREMENT, requirement, Requirement, "actions_of()").actions, Action)

    def industry_of(self, action: Action | str | int) -> Industry | None:
        """The key industry of an action (actions 1 to 8), else ``None``."""
        industry = self._one(Kind.ACTION, action, Action, "industry_of()").industry
        return None if industry is None else self.industry(industry)

    def action_of(self, record: Industry | Target | str) -> Action:
        """The action an industry or a target belongs to (given as a record, identifier, slug or notation).

        >>> import sei_policy as sp
        >>> sp.plan().action_of("target:global-bases").notation
        'A9'
        """
        found = self._either(record, (Kind.INDUSTRY, Kind.TARGET), "action_of()")
        assert isinstance(found, (Industry, Target))
        return self.action(found.action)

    def targets_of(self, action: Action | str | int) -> tuple[Target, ...]:
        """The quantitative targets of an action (only action 9 has any)."""
        return self._all(self._one(Kind.ACTION, action, Action, "targets_of()").targets, Target)

    def agencies_of(self, action: Action | str | int) -> tuple[Agency, ...] | None:
        """The agencies responsible for an action, or ``None`` where they are not known.

        >>> import sei_policy as sp
        >>> plan = sp.plan()
        >>> [a.notation for a in plan.agencies_of("A9")][:4], plan.agencies_of("A1")
        (['NDRC', 'MOST', 'MIIT', 'MOF'], None)
        """
        agencies = self._one(Kind.ACTION, action, Action, "agencies_of()").agencies
        return None if agencies is None else self._all(agencies, Agency)

    def actions_led_by(self, agency: Agency | str | int) -> tuple[Action, ...]:
        """The actions whose known responsibility clause names the agency."""
        found = self._one(Kind.AGENCY, agency, Agency, "actions_led_by()").id
        return tuple(a for a in self.actions if a.agencies is not None and found in a.agencies)

    def priorities_of(self, objective: Objective | str | int) -> tuple[Priority, ...]:
        """The priorities an objective implements."""
        return self._all(self._one(Kind.OBJECTIVE, objective, Objective, "priorities_of()").priorities, Priority)

    def guarantees_of(self, objective: Objective | str | int) -> tuple[Guarantee, ...]:
        """The guarantees an objective implements."""
        return self._all(self._one(Kind.OBJECTIVE, objective, Objective, "guarantees_of()").guarantees, Guarantee)

    def objectives_of(self, record: Priority | Guarantee | str) -> tuple[Objective, ...]:
        """The objectives that implement a priority or a guarantee (a record, identifier, slug or notation).

        >>> import sei_policy as sp
        >>> [o.notation for o in sp.plan().objectives_of("guarantee:jobs")]
        ['O3']
        """
        found = self._either(record, (Kind.PRIORITY, Kind.GUARANTEE), "objectives_of()")
        return tuple(o for o in self.objectives if found.id in o.priorities or found.id in o.guarantees)

    def issuers(self) -> tuple[Agency, ...]:
        """The bodies that issued the plan, in the order the sources list them."""
        return self._all(self.issued_by, Agency)

    def sources_of(self, record: "Record | Plan") -> tuple[Source, ...]:
        """The register entries a record's provenance cites, the record's own first.

        >>> import sei_policy as sp
        >>> plan = sp.plan()
        >>> [s.key for s in plan.sources_of(plan.action("A9"))]
        ['S4', 'S1', 'seed']
        """
        if not isinstance(record, (Record, Plan)):
            raise ArgumentTypeError("sources_of()", "record", "a record or the plan", record)
        keys = list(record.provenance.sources)
        for claim in record.provenance.fields:
            keys += [k for k in claim.sources if k not in keys]
        return tuple(self.source(k) for k in keys)


def _find(
    keys: Mapping[str | int, Record], key: object, kind: str, records: tuple[Record, ...], function: str
) -> Record:
    """Resolve a per-kind key, or raise the documented error."""
    if isinstance(key, bool) or not isinstance(key, (str, int)):
        raise ArgumentTypeError(function, "key", _KEY_TYPES, key)
    try:
        return keys[key]
    except KeyError:
        pass
    if isinstance(key, str):
        folded = key.strip().casefold()
        if folded.isascii() and folded.isdigit() and len(folded) <= _MAX_DIGITS:
            folded_key: str | int = int(folded)
        else:
            folded_key = folded
        if folded_key in keys:
            return keys[folded_key]
    known = tuple(r.id for r in records)
    suggest = (lambda: _closest(key, known)) if isinstance(key, str) else None
    raise UnknownIdentifierError(key, kind=kind, suggest=suggest)


def _closest(text: str, known: tuple[str, ...]) -> tuple[str, ...]:
    """The known identifiers closest to ``text``, matching on whole identifiers and on slugs."""
    from sei_policy._text import closest

    names: dict[str, list[str]] = {}
    for identifier in known:
        names.setdefault(identifier.casefold(), []).append(identifier)
        names.setdefault(ids.slug(identifier).casefold(), []).append(identifier)
    return closest(text, names)


AnyRecord = Union[Plan, Record]  # noqa: UP007 - a runtime alias; `Plan | Record` is a types.UnionType
"""What :func:`sei_policy.get` can return: the plan itself or one of its records."""
