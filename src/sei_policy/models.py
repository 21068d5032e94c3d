"""The record classes: frozen, typed, and free of any I/O.

Every record of the plan is an immutable, hashable attrs class whose fields
mirror the shipped JSON one to one. A field that holds identifiers says so in
its name (``requirement_id``, ``agency_ids``); :class:`Plan`'s navigation
methods turn them into records. The record class is the kind: :data:`KINDS`
links each :class:`Kind` to its class and to the collection that holds it.

>>> import sei_policy as sp
>>> a = sp.plan().action("A4")
>>> a.title.zh, a.number, a.requirement_id
('加快新材料产业强弱项', 4, 'requirement:key-industries')
"""

# No `from __future__ import annotations` here: the fields' annotations are real
# types at class creation, which the lean cattrs converter reads without having
# to evaluate strings (that cost milliseconds at first use).

import datetime
import enum
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Self, TypeVar, Union

import attrs

from sei_policy._resolver import Resolver, closest
from sei_policy.errors import AmbiguousLookupError, InvalidArgumentTypeError, UnknownIdentifierError, UnknownKindError

__all__ = (
    "FLAGSHIP",
    "KINDS",
    "UNITS",
    "Action",
    "Agency",
    "Claim",
    "Classification",
    "Correspondence",
    "Direction",
    "DocumentArgument",
    "DocumentRelation",
    "Figure",
    "Frontier",
    "Guarantee",
    "Industry",
    "Kind",
    "KindSpec",
    "Match",
    "MatchType",
    "NbsCategory",
    "Objective",
    "Observation",
    "Pillar",
    "Plan",
    "Predicate",
    "Priority",
    "Provenance",
    "Qualifier",
    "Record",
    "Requirement",
    "Retirement",
    "Role",
    "Seed",
    "Source",
    "Status",
    "Target",
    "Terms",
    "Text",
    "document_of",
    "kind_of",
)


class Kind(enum.StrEnum):
    """The kinds of record; each value is the prefix of the kind's identifiers.

    A string enum, so it writes as its plain value anywhere a string goes:

    >>> str(Kind.ACTION), Kind.ACTION == "action"
    ('action', True)
    """

    PLAN = "plan"
    PRIORITY = "priority"
    GUARANTEE = "guarantee"
    OBJECTIVE = "objective"
    REQUIREMENT = "requirement"
    ACTION = "action"
    INDUSTRY = "industry"
    TARGET = "target"
    PILLAR = "pillar"
    FRONTIER = "frontier"
    DIRECTION = "direction"
    AGENCY = "agency"
    NBS_2018 = "nbs-2018"
    NBS_INDUSTRIAL_2023 = "nbs-industrial-2023"


class Status(enum.StrEnum):
    """How well a value is supported by the sources.

    ``UNVERIFIED`` values are never shipped: the field is empty and the
    provenance says why.

    >>> Status.VERIFIED == "verified"
    True
    """

    VERIFIED = "verified"
    SEED = "seed"
    REPORTED = "reported"
    INFERRED = "inferred"
    UNVERIFIED = "unverified"


class Match(enum.StrEnum):
    """How a key industry corresponds to a field of the NBS 2018 classification, by name."""

    EXACT = "exact"
    PARTIAL = "partial"


class Role(enum.StrEnum):
    """The role the 2010 Decision gives an industry by 2020: a pillar (支柱产业) or a leading industry (先导产业)."""

    PILLAR = "pillar"
    LEADING = "leading"


class Qualifier(enum.StrEnum):
    """How a target's or an observation's value is qualified in its source.

    ``about`` (左右), ``reach`` (达到), ``exceed`` (超过, 以上), or ``none`` (the value stands bare).
    """

    ABOUT = "about"
    REACH = "reach"
    EXCEED = "exceed"
    NONE = "none"


class Predicate(enum.StrEnum):
    """How one document relates to another; the inverse (``implemented_by`` …) is derived, never stored.

    >>> Predicate.IMPLEMENTS.inverse
    'implemented_by'
    """

    IMPLEMENTS = "implements"
    BASED_ON = "based_on"
    MONITORS = "monitors"
    REVISES = "revises"
    SUCCEEDS = "succeeds"
    DRAFTED_FROM = "drafted_from"
    BUILDS_ON = "builds_on"

    @property
    def inverse(self) -> str:
        """The predicate read from its object's side."""
        return _INVERSE_PREDICATES[self.value]


_INVERSE_PREDICATES = {
    "implements": "implemented_by",
    "based_on": "basis_of",
    "monitors": "monitored_by",
    "revises": "revised_by",
    "succeeds": "succeeded_by",
    "drafted_from": "draft_basis_of",
    "builds_on": "built_on_by",
}


class MatchType(enum.StrEnum):
    """How a concept of one document corresponds to one of another: SKOS's mapping types.

    Read as SKOS does: ``broader`` means the object is broader than the subject
    (``skos:broadMatch``); ``narrower`` that it is narrower.

    >>> MatchType.BROADER.inverse
    <MatchType.NARROWER: 'narrower'>
    """

    EXACT = "exact"
    CLOSE = "close"
    BROADER = "broader"
    NARROWER = "narrower"
    RELATED = "related"

    @property
    def inverse(self) -> "MatchType":
        """The match read from the object's side."""
        if self is MatchType.BROADER:
            return MatchType.NARROWER
        if self is MatchType.NARROWER:
            return MatchType.BROADER
        return self


class ValueType(enum.StrEnum):
    """What a column holds: the one vocabulary every table, schema and format reads.

    >>> ValueType.IDS.is_relation, ValueType.TEXT.is_relation
    (True, False)
    """

    TEXT = "text"
    INTEGER = "integer"
    NUMBER = "number"
    DATE = "date"
    LIST = "list"
    """Several texts; a flat table joins them with ``;``."""
    CHOICE = "choice"
    """One of a closed set of values (:attr:`Column.choices`)."""
    ID = "id"
    """The identifier of one record of the kind :attr:`Column.target`."""
    IDS = "ids"
    """The identifiers of several records of the kind :attr:`Column.target`, in order."""

    @property
    def is_relation(self) -> bool:
        """Whether the column links to other records (``id`` or ``ids``)."""
        return self in (ValueType.ID, ValueType.IDS)


@attrs.frozen(kw_only=True)
class Column:
    """One declared field of a kind, as every door shows it: the registry's unit.

    Each kind declares its columns once, on the fields of its class (see
    :func:`columns`); the flat tables, pandas, CSV, the data package, Stata, Excel,
    SKOS, the displays and the validation of relations all read them.

    ``name`` is the column's name in flat tables; ``attribute`` (and ``lang`` for a
    bilingual text) says where the value sits on a record; ``title`` is a short
    heading, ``label`` at most 80 characters (Stata, Excel), ``description`` a
    sentence (the data package). A relation (``type`` ``id`` or ``ids``) names the
    ``target`` kind, the SKOS properties it maps to there and back (``skos``), and
    what its items are called where that is not the target kind (``noun``), and
    the field of the target that must point back (``inverse``), which loading checks.
    ``flat`` is false for a field that is a relation only, with no column of its own.
    """

    name: str
    title: str
    label: str
    description: str
    type: ValueType = ValueType.TEXT
    attribute: str = ""
    lang: str | None = None
    target: str | None = None
    choices: tuple[str, ...] = ()
    skos: tuple[str, str | None] = ("related", "related")
    noun: tuple[str, str] | None = None
    note: str = ""
    inverse: str | None = None
    flat: bool = True

    def value(self, record: object) -> object:
        """The column's value on ``record`` (``None`` where the record lacks the field).

        >>> import sei_policy as sp
        >>> [c.value(sp.plan().action(4)) for c in columns_of(Action) if c.name in ("title_zh", "requirement_id")]
        ['加快新材料产业强弱项', 'requirement:key-industries']
        """
        value = getattr(record, self.attribute or self.name, None)
        return value if self.lang is None or value is None else getattr(value, self.lang)


_COLUMNS = "sei_policy.columns"
"""The key of a field's declared columns in its attrs metadata."""


def declare(*declared: Column) -> dict[str, tuple[Column, ...]]:
    """The attrs ``metadata`` that declares a field's columns (two for a bilingual text)."""
    return {_COLUMNS: declared}


def _text_columns(
    attribute: str, title: str, label: str, description: str, *, kind: ValueType
) -> dict[str, tuple[Column, ...]]:
    """The English and Chinese columns of a bilingual field (``title`` -> ``title_en``, ``title_zh``)."""
    return declare(
        *(
            Column(
                name=f"{attribute}_{lang}",
                attribute=attribute,
                lang=lang,
                title=f"{language} {title}",
                label=f"{label} ({language})" + (", separated by ;" if kind is ValueType.LIST else ""),
                description=description.format(language=language),
                type=kind,
            )
            for lang, language in (("en", "English"), ("zh", "Chinese"))
        )
    )


_JOINED = (
    "joined with ';' (the link table <kind>-<field>.csv lists them one per row, with foreign keys, "
    "as relations.csv does)"
)


def relation(
    name: str, target: str, title: str, label: str, description: str, **more: Any
) -> dict[str, tuple[Column, ...]]:
    """The metadata of a field that links to records of ``target``: ``_id`` holds one, ``_ids`` several.

    A list relation's label and description say how its items are joined in a flat table.
    """
    many = name.endswith("_ids")
    return declare(
        Column(
            name=name,
            title=title,
            label=label + (", separated by ;" if many else ""),
            description=description.format(joined=_JOINED),
            type=ValueType.IDS if many else ValueType.ID,
            target=target,
            **more,
        )
    )


def field(name: str, title: str, label: str, description: str, **more: Any) -> dict[str, tuple[Column, ...]]:
    """The metadata of a field with one column of its own (``part``, ``value`` …)."""
    return declare(Column(name=name, title=title, label=label, description=description, **more))


class _Model:
    """The base of every model: one ``__repr__`` for all, cheaper than one generated per class."""

    __slots__ = ()

    def __repr__(self) -> str:
        shown = (f"{a.name}={getattr(self, a.name)!r}" for a in _fields_of(type(self)) if a.repr)
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
    source_keys: tuple[str, ...] = ()
    note: str | None = None


_CLAIM_PATH = re.compile(r"([a-z_0-9]+(?:\.[a-z_0-9]+)*)(?:\[([0-9]+)\])?")


def claim_path(field: str) -> tuple[tuple[str, ...], int | None]:
    """A claim's field path parsed: the dotted names, and the list index if it ends in one.

    The one parser of claim paths (provenance lookups and the loader's checks both use it).

    >>> claim_path("aliases.en[1]"), claim_path("summary")
    ((('aliases', 'en'), 1), (('summary',), None))
    >>> claim_path("x]")
    Traceback (most recent call last):
      ...
    ValueError: not a field path: 'x]'
    """
    match = _CLAIM_PATH.fullmatch(field) if isinstance(field, str) else None
    if match is None:
        raise ValueError(f"not a field path: {field!r}"[:200])
    index = match.group(2)
    return tuple(match.group(1).split(".")), None if index is None else int(index)


@attrs.frozen(kw_only=True, repr=False)
class Provenance(_Model):
    """Where a record comes from: its status, the keys of its sources and notes per field.

    >>> p = Provenance(status=Status.SEED, source_keys=("seed",),
    ...                fields=(Claim(field="title.zh", status=Status.UNVERIFIED),))
    >>> p.status_of("title.zh"), p.status_of("title.en")
    (<Status.UNVERIFIED: 'unverified'>, <Status.SEED: 'seed'>)
    >>> import sei_policy as sp
    >>> plan = sp.plan()
    >>> plan.aliases.en[1], plan.provenance.status_of("aliases.en[1]")
    ('SEI plan', <Status.SEED: 'seed'>)
    """

    status: Status
    source_keys: tuple[str, ...]
    note: str | None = None
    fields: tuple[Claim, ...] = ()

    def claim(self, field: str) -> Claim | None:
        """The claim about ``field`` or the nearest enclosing field, if any.

        A field is a dotted path, optionally ending in an index: ``aliases.en[1]``
        falls back to ``aliases.en``, then to ``aliases``. A path that is not of
        that form (``"x]"``) is a miss: ``None``.

        >>> claimed = (Claim(field="aliases", status=Status.INFERRED),)
        >>> p = Provenance(status=Status.SEED, source_keys=("seed",), fields=claimed)
        >>> p.claim("aliases.en[1]").field, p.claim("x]"), p.claim("title")
        ('aliases', None, None)
        """
        try:
            names, index = claim_path(field)
        except ValueError:
            return None
        wanted = [field] if index is not None else []
        wanted += [".".join(names[:end]) for end in range(len(names), 0, -1)]
        for path in wanted:
            for claim in self.fields:
                if claim.field == path:
                    return claim
        return None

    def status_of(self, field: str) -> Status:
        """The status of ``field``: its own claim's, else the record's."""
        claim = self.claim(field)
        return claim.status if claim is not None else self.status

    @property
    def all_source_keys(self) -> tuple[str, ...]:
        """The keys of every source cited, the record's own first, each once.

        >>> Provenance(status=Status.VERIFIED, source_keys=("S1",),
        ...            fields=(Claim(field="summary", status=Status.SEED, source_keys=("seed", "S1")),)).all_source_keys
        ('S1', 'seed')
        """
        keys = dict.fromkeys(self.source_keys)
        for claim in self.fields:
            keys.update(dict.fromkeys(claim.source_keys))
        return tuple(keys)


# -- the columns every record has, declared once (the plan shares them) -------------

_ID = field(
    "id",
    "Identifier",
    "Identifier",
    "The record's stable identifier, <kind>:<slug>: it never changes meaning and is never reused.",
)
_KIND = field(
    "kind", "Kind", "Kind of record", "The kind of record: the prefix of its identifier.", type=ValueType.CHOICE
)
_NOTATION = field(
    "notation",
    "Notation",
    "Notation (short code)",
    "The short code: the kind's letter and the number (A4), an agency's abbreviation, or NBS- and the "
    "NBS code; empty for the plan.",
)
_NUMBER = field(
    "number",
    "Number",
    "Number (position within its kind)",
    "The position within its kind, from 1 (for an NBS field, its code); empty for the plan.",
    type=ValueType.INTEGER,
)
_TITLE = _text_columns(
    "title",
    "title",
    "Title",
    "The title in {language}; empty where no registered source gives it.",
    kind=ValueType.TEXT,
)
_ALIASES = _text_columns(
    "aliases", "aliases", "Aliases", "Other names in {language}, ';'-separated.", kind=ValueType.LIST
)
_KEYWORDS = _text_columns(
    "keywords",
    "keywords",
    "Keywords",
    "Concrete things the sources name for the record, ';'-separated.",
    kind=ValueType.LIST,
)
_SUMMARY = field(
    "summary",
    "Summary",
    "Summary (the project's own words)",
    "A short description in the project's own words; empty where it is not known.",
)
UNITS = ("count", "percent of GDP", "persons a year")
"""The units of targets and observations."""


FLAGSHIP = "plan:sei-2020"
"""The 2020 plan, whose identifiers are unprefixed."""


def document_of(identifier: str, kind: str) -> str | None:
    """The identifier of the document that holds the record ``identifier`` of kind ``kind``.

    A prefixed record belongs to the plan of its prefix, a field of a scheme to
    the scheme, an agency to no one document (``None``), anything else to the 2020 plan.

    >>> document_of("sei-2010/industry:new-materials", "industry"), document_of("agency:ndrc", "agency")
    ('plan:sei-2010', None)
    """
    prefix, slash, _ = identifier.partition("/")
    if slash:
        return f"plan:{prefix}"
    if kind == "plan":
        return identifier
    if kind == "agency":
        return None
    if kind in _SCHEMES:
        return str(kind)
    return FLAGSHIP


def _hash_by_id(self: Any) -> int:
    """Records hash by identifier: equal records have equal identifiers, and str caches its hash."""
    return hash(self.id)


@attrs.frozen(kw_only=True, repr=False)
class Record(_Model):
    """The fields every record of the plan has.

    ``id`` is the stable identifier (``action:new-materials``), ``notation``
    the short code in the original's order (``A4``), ``number`` the position
    within its kind (4). Records are hashable, cheaply, so they serve as dict keys.
    """

    id: str = attrs.field(metadata=_ID)
    kind: Kind = attrs.field(metadata=_KIND)
    notation: str = attrs.field(metadata=_NOTATION)
    number: int = attrs.field(metadata=_NUMBER)
    title: Text = attrs.field(metadata=_TITLE)
    aliases: Terms = attrs.field(default=Terms(), repr=False, metadata=_ALIASES)
    summary: str | None = attrs.field(default=None, repr=False, metadata=_SUMMARY)
    keywords: Terms = attrs.field(default=Terms(), repr=False, metadata=_KEYWORDS)
    provenance: Provenance = attrs.field(repr=False)

    @property
    def document_id(self) -> str | None:
        """The identifier of the document that holds the record; ``None`` for an agency, which documents share.

        >>> import sei_policy as sp
        >>> sp.plan().action(4).document_id, sp.get("nbs-2018:3").document_id
        ('plan:sei-2020', 'nbs-2018')
        """
        return document_of(self.id, self.kind)

    @property
    def texts(self) -> tuple[tuple[str, str], ...]:
        """Every text of the record as ``(field path, text)`` pairs, in the order titles, aliases, keywords, summary.

        >>> import sei_policy as sp
        >>> [field for field, _ in sp.plan().industry(4).texts]
        ['title.en', 'title.zh', 'aliases.en[0]', 'aliases.zh[0]', 'summary']
        """
        return _texts(self)

    @property
    def names(self) -> tuple[tuple[str, str], ...]:
        """The texts that name the record (the titles and aliases), which lookup accepts.

        >>> import sei_policy as sp
        >>> [text for _, text in sp.plan().industry(4).names]
        ['new materials industry', '新材料产业', 'new materials', '新材料']
        """
        return tuple((field, text) for field, text in self.texts if not field.startswith(_NOT_NAMES))

    def _repr_html_(self) -> str:
        """The record as an HTML card, for notebooks (the HTML code loads only then)."""
        from sei_policy import _render as display

        return display.html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """A readable multi-line form for IPython."""
        from sei_policy import _render as display

        display.pretty(self, printer, cycle)


setattr(Record, "__hash__", _hash_by_id)  # noqa: B010 - attrs would hash every field; the id is enough

_NOT_NAMES = ("keywords", "summary")


def _texts(record: "Record | Plan", *extra: tuple[str, str | None]) -> tuple[tuple[str, str], ...]:
    """The texts of a record in a fixed order; the plan adds its document numbers and short names."""
    found: list[tuple[str, str | None]] = [("title.en", record.title.en), ("title.zh", record.title.zh)]
    for field in ("aliases", "keywords"):
        for lang in ("en", "zh"):
            terms: tuple[str, ...] = getattr(getattr(record, field), lang)
            found += [(f"{field}.{lang}[{i}]", term) for i, term in enumerate(terms)]
        if field == "aliases":
            found += extra
    found.append(("summary", record.summary))
    return tuple((field, text) for field, text in found if text is not None)


class Priority(Record):
    """One of the six stabilities (六稳) that the plan serves."""

    __slots__ = ()  # no fields of its own, so no attrs decorator: it inherits them all


class Guarantee(Record):
    """One of the six guarantees (六保) that the plan serves."""

    __slots__ = ()  # no fields of its own, so no attrs decorator: it inherits them all


@attrs.frozen(kw_only=True, repr=False)
class Objective(Record):
    """A reason the preamble gives for the plan; some implement the priorities or guarantees."""

    priority_ids: tuple[str, ...] = attrs.field(
        default=(),
        repr=False,
        metadata=relation(
            "priority_ids",
            "priority",
            "Priorities",
            "Priorities (identifiers)",
            "The identifiers of the priorities the objective implements, {joined}.",
        ),
    )
    guarantee_ids: tuple[str, ...] = attrs.field(
        default=(),
        repr=False,
        metadata=relation(
            "guarantee_ids",
            "guarantee",
            "Guarantees",
            "Guarantees (identifiers)",
            "The identifiers of the guarantees the objective implements, {joined}.",
        ),
    )


@attrs.frozen(kw_only=True, repr=False)
class Requirement(Record):
    """One of the four requirement areas (parts 二 to 五 of the original)."""

    part: str = attrs.field(
        repr=False,
        metadata=field(
            "part",
            "Part",
            "Part of the original (a Chinese numeral)",
            "The part of the original the requirement is (二 to 五).",
        ),
    )
    action_ids: tuple[str, ...] = attrs.field(
        repr=False,
        metadata=relation(
            "action_ids",
            "action",
            "Actions",
            "Actions (identifiers)",
            "The identifiers of the requirement's actions, in order, {joined}.",
            skos=("narrower", "broader"),
            inverse="requirement_id",
        ),
    )


@attrs.frozen(kw_only=True, repr=False)
class Action(Record):
    """One of the twenty numbered items (一) to (二十) of the original.

    ``agency_ids`` is ``None`` where the item's responsibility clause is not known.
    """

    requirement_id: str = attrs.field(
        repr=False,
        metadata=relation(
            "requirement_id",
            "requirement",
            "Requirement",
            "Requirement (identifier)",
            "The identifier of the requirement the action belongs to.",
            skos=("broader", "narrower"),
            inverse="action_ids",
        ),
    )
    industry_id: str | None = attrs.field(
        default=None,
        repr=False,
        metadata=relation(
            "industry_id",
            "industry",
            "Key industry",
            "Industry (identifier)",
            "The identifier of the action's key industry; empty for actions 9 to 20.",
            inverse="action_id",
        ),
    )
    agency_ids: tuple[str, ...] | None = attrs.field(
        default=None,
        repr=False,
        metadata=relation(
            "agency_ids",
            "agency",
            "Agencies",
            "Agencies (identifiers)",
            "The identifiers of the agencies responsible for the action, {joined}; empty where the item's "
            "responsibility clause is not known (every action but A9).",
            note=" An action whose responsibility clause is not known (agency_ids empty) has no rows.",
        ),
    )
    target_ids: tuple[str, ...] = attrs.field(
        default=(),
        repr=False,
        metadata=relation(
            "target_ids",
            "target",
            "Targets",
            "Targets (identifiers)",
            "The identifiers of the action's numeric targets, {joined}.",
            inverse="action_id",
        ),
    )


@attrs.frozen(kw_only=True, repr=False)
class Industry(Record):
    """A strategic emerging industry a document names: in the 2020 plan, one of the eight key
    industries of requirement 1, each the subject of one action.

    ``action_id`` is the 2020 plan's action on the industry (``None`` in other
    documents). ``nbs_2018_id`` is the field of the NBS 2018 classification that
    corresponds to a 2020 industry by name; ``nbs_2018_match`` says whether the
    names coincide. ``role`` is the role the 2010 Decision gives the industry.
    """

    action_id: str | None = attrs.field(
        default=None,
        repr=False,
        metadata=relation(
            "action_id",
            "action",
            "Action",
            "Action (identifier)",
            "The identifier of the 2020 plan's action on the industry; empty in other documents.",
            inverse="industry_id",
        ),
    )
    nbs_2018_id: str | None = attrs.field(
        default=None,
        repr=False,
        metadata=relation(
            "nbs_2018_id",
            "nbs-2018",
            "NBS 2018 field",
            "NBS 2018 field (identifier)",
            "The identifier of the NBS 2018 field that corresponds to the industry by name (inferred by the project).",
            skos=("closeMatch", "closeMatch"),
        ),
    )
    nbs_2018_match: Match | None = attrs.field(
        default=None,
        repr=False,
        metadata=field(
            "nbs_2018_match",
            "NBS 2018 match",
            "Match with the NBS 2018 field (exact or partial)",
            "exact (the names coincide) or partial (the NBS field covers part).",
            type=ValueType.CHOICE,
            choices=("exact", "partial"),
        ),
    )
    role: Role | None = attrs.field(
        default=None,
        repr=False,
        metadata=field(
            "role",
            "Role",
            "Role by 2020 in the 2010 Decision (pillar or leading)",
            "The role the 2010 Decision sets for the industry by 2020: pillar (支柱产业) or leading (先导产业); "
            "empty in other documents.",
            type=ValueType.CHOICE,
            choices=tuple(Role),
        ),
    )


@attrs.frozen(kw_only=True, repr=False)
class Target(Record):
    """A quantitative target of a document.

    ``unit`` says what ``value`` counts in: ``"count"`` for the 2020 plan's three
    targets (a number of bases, clusters or ecosystems), ``"percent of GDP"`` for
    a share of GDP. ``qualifier`` says how the source qualifies the value
    (``about`` 左右 …); the 2020 plan states no target year, so there ``year`` is ``None``.
    """

    value: int = attrs.field(
        metadata=field("value", "Value", "Target value", "The number the target names.", type=ValueType.INTEGER)
    )
    unit: str = attrs.field(
        repr=False,
        metadata=field(
            "unit",
            "Unit",
            "Unit of the target value",
            "What the value counts in: count (a number of things, such as clusters), percent of GDP, or persons a "
            "year.",
            type=ValueType.CHOICE,
            choices=UNITS,
        ),
    )
    qualifier: Qualifier | None = attrs.field(
        default=None,
        repr=False,
        metadata=field(
            "qualifier",
            "Qualifier",
            "Qualifier of the value (about, reach, exceed, none)",
            "How the source qualifies the value: about (左右), reach (达到), exceed (超过, 以上) or none; empty "
            "where not recorded (the 2020 plan's targets).",
            type=ValueType.CHOICE,
            choices=tuple(Qualifier),
        ),
    )
    year: int | None = attrs.field(
        default=None,
        repr=False,
        metadata=field(
            "year",
            "Year",
            "Target year",
            "The target year; empty where the document states none (the 2020 plan).",
            type=ValueType.INTEGER,
        ),
    )
    action_id: str | None = attrs.field(
        default=None,
        repr=False,
        metadata=relation(
            "action_id",
            "action",
            "Action",
            "Action (identifier)",
            "The identifier of the 2020 plan's action the target belongs to; empty in other documents.",
            inverse="target_ids",
        ),
    )


@attrs.frozen(kw_only=True, repr=False)
class Pillar(Record):
    """One of the five new pillar industries (新支柱) of the 2016 plan.

    ``industry_ids`` are the plan's industries it groups.
    """

    industry_ids: tuple[str, ...] = attrs.field(
        default=(),
        repr=False,
        metadata=relation(
            "industry_ids",
            "industry",
            "Industries",
            "Industries (identifiers)",
            "The identifiers of the document's industries the pillar groups (inferred), {joined}.",
            skos=("narrower", "broader"),
        ),
    )


class Frontier(Record):
    """A frontier field of science and industry named in the 14th Five-Year Plan Outline (前沿科技和产业变革领域)."""

    __slots__ = ()  # no fields of its own, so no attrs decorator: it inherits them all


class Direction(Record):
    """One of the six directions (六大方向) of the 2024 opinions on future industries."""

    __slots__ = ()  # no fields of its own, so no attrs decorator: it inherits them all


class Agency(Record):
    """An issuing or responsible body; its notation is its abbreviation (``NDRC``)."""

    __slots__ = ()  # no fields of its own, so no attrs decorator: it inherits them all


class NbsCategory(Record):
    """A top-level field of an NBS classification: the 2018 SEI classification, or the 2023 industrial catalogue."""

    __slots__ = ()  # no fields of its own, so no attrs decorator: it inherits them all


for _cls in (Objective, Requirement, Action, Industry, Target, Pillar):
    setattr(_cls, "__hash__", _hash_by_id)  # noqa: B010


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
    source_keys: tuple[str, ...]


@attrs.frozen(kw_only=True, repr=False)
class Seed(_Model):
    """The summary article the project started from.

    ``venue`` says what kind of site carried it (``'industry blog'``), or None; the
    article's publisher was not recorded.
    """

    title: str
    venue: str | None = None
    published: datetime.date
    translation_named: str


@attrs.frozen(kw_only=True, repr=False)
class Retirement(_Model):
    """A retired identifier and the identifier that replaces it."""

    id: str
    replacement_id: str
    since: str
    note: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class DocumentRelation(_Model):
    """A link between two documents: ``plan:sei-2012`` *implements* ``plan:sei-2010``.

    Each link carries its own status, the sources it rests on, and a note.
    """

    subject_id: str
    predicate: Predicate
    object_id: str
    status: Status
    source_keys: tuple[str, ...] = ()
    note: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class Correspondence(_Model):
    """A correspondence between concepts of two documents, read as SKOS reads its mapping properties.

    ``match`` says what the object is to the subject: ``broader`` means the
    object is the broader concept (``skos:broadMatch``). Every correspondence
    the library ships is ``inferred``: matched by name, which the note explains.
    """

    subject_id: str
    match: MatchType
    object_id: str
    status: Status
    source_keys: tuple[str, ...] = ()
    note: str | None = None


@attrs.frozen(kw_only=True, repr=False)
class Observation(_Model):
    """A value observed or reported for a year (the SEI share of GDP), never a target."""

    indicator: str
    year: int
    value: float
    unit: str
    qualifier: Qualifier
    status: Status
    source_keys: tuple[str, ...] = ()
    note: str | None = None


_R = TypeVar("_R", bound="Record | Plan")
_T = TypeVar("_T")
_EMPTY: Mapping[object, object] = MappingProxyType({})


def _fields_of(cls: type) -> "tuple[attrs.Attribute[object], ...]":
    """The attrs fields of a class, typed for any class (``attrs.fields`` is typed for attrs classes only)."""
    fields: tuple[attrs.Attribute[object], ...] = attrs.fields(cls)
    return fields


class _Document(_Model):
    """What the plan and a classification share: the dataset's resolver, and pickling without it."""

    __slots__ = ()
    _index: "Resolver | None"

    def members(self) -> "tuple[Plan | Record, ...]":  # pragma: no cover - always overridden
        """The records the document holds, in document order."""
        raise NotImplementedError

    def _retired(self) -> Mapping[str, str]:
        return {}

    def share(self, resolver: Resolver) -> None:
        """Resolve through ``resolver``: the loader gives every document of a dataset the dataset's one resolver."""
        object.__setattr__(self, "_index", resolver)

    @property
    def _resolver(self) -> Resolver:
        """The dataset's resolver; a document made by hand, outside any dataset, gets one of its own."""
        resolver = self._index
        if resolver is None:
            resolver = Resolver([self.members()], retired=self._retired(), labels=LABELS)
            self.share(resolver)
        return resolver

    def _one(self, cls: type[_T], kind: str, key: object, function: str) -> _T:
        """The record of class ``cls`` (kind ``kind``) that ``key`` names: one resolver for every accessor.

        The resolver's table of exact keys is read here directly: accessors are
        called in loops, and this saves two calls on every hit.
        """
        index = self._index
        if index is not None:
            try:
                found = index.exact[kind][key]
            except (KeyError, TypeError):  # not built yet, no such key, or an unhashable key
                pass
            else:
                if isinstance(found, cls) and (type(key) is str or type(key) is int):  # 4.0 and True hash as 4, 1
                    return found
        if isinstance(key, cls):
            return key
        found = self._resolver.resolve(key, kind, function)
        if not isinstance(found, cls):  # pragma: no cover - a kind's records are of its class
            raise TypeError(f"{function}: {found!r} is not {cls.__name__}")
        return found

    def _repr_html_(self) -> str:
        """The document as an HTML outline, for notebooks (the HTML code loads only then)."""
        from sei_policy import _render as display

        return display.html(self)

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """A readable multi-line form for IPython."""
        from sei_policy import _render as display

        display.pretty(self, printer, cycle)

    def __getstate__(self) -> dict[str, object]:
        return {a.name: getattr(self, a.name) for a in _fields_of(type(self)) if a.init}

    def __setstate__(self, state: dict[str, object]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_index", None)

    def __hash__(self) -> int:
        return hash((getattr(self, "id"), getattr(self, "edition")))  # noqa: B009 - both documents have them

    def issuers_in(self, agencies: Mapping[str, "Agency"]) -> "tuple[Agency, ...]":
        """The records of the document's issuers, taken from ``agencies`` (identifier -> agency)."""
        return tuple(agencies[i] for i in getattr(self, "issuer_ids") if i in agencies)  # noqa: B009

    def with_agencies(self, agencies: Mapping[str, "Agency"]) -> Self:
        """A copy that holds the records of its issuers, taken from ``agencies`` (the loader's shared agencies)."""
        return attrs.evolve(self, agencies=self.issuers_in(agencies))  # type: ignore[misc]  # both are attrs classes

    @property
    def document_id(self) -> str:
        """The document's own identifier: a document is its own document."""
        found: str = getattr(self, "id")  # noqa: B009 - both documents have one
        return found

    @property
    def prefix(self) -> str:
        """What the identifiers of the document's records start with: ``sei-2010/``, or nothing for the 2020 plan
        and for a classification, whose fields are ``nbs-2018:3``.

        >>> import sei_policy as sp
        >>> sp.plan().prefix, sp.classification().prefix
        ('', '')
        """
        identifier = self.document_id
        if identifier == FLAGSHIP or not identifier.startswith("plan:"):
            return ""
        return identifier.removeprefix("plan:") + "/"

    @property
    def key(self) -> str:
        """The document's short key, its identifier without ``plan:``: ``sei-2010``, ``nbs-2018``."""
        return self.document_id.removeprefix("plan:")

    @property
    def dates(self) -> "tuple[datetime.date, ...]":
        """The document's known dates (adopted, issued, published), earliest first."""
        found = (getattr(self, name, None) for name in ("adopted", "issued", "published"))
        return tuple(sorted(d for d in found if d is not None))

    @property
    def dated_year(self) -> int | None:
        """The year of the document's first known date, else the year a source gives it (``year``)."""
        dates = self.dates
        if dates:
            return dates[0].year
        year: int | None = getattr(self, "year", None)
        return year


@attrs.frozen(kw_only=True, repr=False, getstate_setstate=False)
class Classification(_Document):
    """An official classification: NBS 2018, which the plan's industries cite, and the lineage's other NBS lists.

    ``provenance`` holds the status of the document's metadata field by field;
    ``issuer_ids`` are its issuers, whose records are in ``agencies``.
    """

    id: str
    title: Text
    aliases: Terms = Terms()
    summary: str | None = None
    note: str | None = None
    document_number: str | None = None
    document_number_en: str | None = None
    document_type: Text | None = None
    issuer_ids: tuple[str, ...] = ()
    adopted: datetime.date | None = None
    published: datetime.date | None = None
    year: int | None = None
    source_keys: tuple[str, ...]
    provenance: Provenance | None = None
    edition: str
    categories: tuple[NbsCategory, ...] = ()
    agencies: tuple[Agency, ...] = ()

    _index: Resolver | None = attrs.field(init=False, default=None, repr=False, eq=False)

    def __repr__(self) -> str:
        return f"Classification(id={self.id!r}, edition={self.edition!r}, categories={len(self.categories)})"

    # IPython prefers a class's own __repr__ to an inherited _repr_pretty_: name it here too.
    _repr_pretty_ = _Document._repr_pretty_

    def members(self) -> tuple[NbsCategory, ...]:
        """The categories, in the classification's order."""
        return self.categories

    def category(self, key: NbsCategory | str | int) -> NbsCategory:
        """A category by identifier, notation (``NBS-3``), number or name.

        >>> import sei_policy as sp
        >>> sp.classification().category(3).title.zh
        '新材料产业'
        """
        if not self.categories:
            hint = f"{self.id} ships as a document only: the names of its fields were not read"
            raise UnknownIdentifierError(str(key), kind="category", hint=hint)
        return self._one(NbsCategory, self.categories[0].kind, key, "category()")

    @property
    def texts(self) -> tuple[tuple[str, str], ...]:
        """Every text that names the classification: its titles, aliases and document number."""
        found = (
            ("title.en", self.title.en),
            ("title.zh", self.title.zh),
            *((f"aliases.en[{i}]", t) for i, t in enumerate(self.aliases.en)),
            *((f"aliases.zh[{i}]", t) for i, t in enumerate(self.aliases.zh)),
            ("document_number", self.document_number),
            ("document_number_en", self.document_number_en),
        )
        return tuple((field, text) for field, text in found if text is not None)

    def issuers(self) -> tuple[Agency, ...]:
        """The bodies that issued the classification."""
        by_id = {a.id: a for a in self.agencies}
        return tuple(by_id[i] for i in self.issuer_ids if i in by_id)


setattr(Classification, "__hash__", _Document.__hash__)  # noqa: B010 - by (id, edition), not by every record


@attrs.frozen(kw_only=True, repr=False, getstate_setstate=False)
class Plan(_Document):
    """The plan: its metadata, every record in document order, and navigation.

    Per-kind accessors take what :func:`sei_policy.lookup` takes for that kind
    (an identifier, a bare slug, a notation, a number, a title or an alias, in
    any case or width) and return the exact type:

    >>> import sei_policy as sp
    >>> plan = sp.plan()
    >>> plan.action("new-materials") is plan.action(4) is plan.action("A4") is plan.action("Ａ４")
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
    document_number: str | None = attrs.field(
        default=None,
        metadata=field(
            "document_number",
            "Document number",
            "Document number",
            "The document number (文号); empty where the document has none or none was read.",
        ),
    )
    document_number_en: str | None = attrs.field(
        default=None,
        metadata=field(
            "document_number_en",
            "Document number (English)",
            "Document number (English)",
            "The document number as an English source gives it.",
        ),
    )
    document_type: Text
    issuer_ids: tuple[str, ...] = attrs.field(
        metadata=relation(
            "issuer_ids",
            "agency",
            "Issuers",
            "Issuers (identifiers)",
            "The identifiers of the bodies that issued the plan, {joined}.",
            skos=("creator", None),
            noun=("issuer", "issuers"),
            note=" plan.csv has no issuer_ids column: the plan's issuers are here and in relations.csv only.",
            flat=False,
        )
    )
    adopted: datetime.date | None = attrs.field(
        default=None,
        metadata=field(
            "adopted",
            "Adopted",
            "Date adopted or approved",
            "The date the document was adopted or approved (通过, 批准); empty where not read.",
            type=ValueType.DATE,
        ),
    )
    issued: datetime.date | None = attrs.field(
        default=None,
        metadata=field(
            "issued",
            "Issued",
            "Date issued",
            "The date the document was issued (印发); empty where not read.",
            type=ValueType.DATE,
        ),
    )
    published: datetime.date | None = attrs.field(
        default=None,
        metadata=field(
            "published",
            "Published",
            "Date published",
            "The date the document was made public.",
            type=ValueType.DATE,
        ),
    )
    written: datetime.date | None = attrs.field(
        default=None,
        metadata=field(
            "written",
            "Written",
            "Date written",
            "The date written on the document (成文日期).",
            type=ValueType.DATE,
        ),
    )
    year: int | None = attrs.field(
        default=None,
        metadata=field(
            "year",
            "Year",
            "Year of the document",
            "The year of the document: of its first known date, or as a source gives it where no date is known.",
            type=ValueType.INTEGER,
            attribute="dated_year",
        ),
    )
    period_start: int | None = attrs.field(
        default=None,
        metadata=field(
            "period_start",
            "Period start",
            "First year of the plan period",
            "The first year of the period the document plans for; empty where it names none.",
            type=ValueType.INTEGER,
        ),
    )
    period_end: int | None = attrs.field(
        default=None,
        metadata=field(
            "period_end",
            "Period end",
            "Last year of the plan period",
            "The last year of the period the document plans for; empty where it names none.",
            type=ValueType.INTEGER,
        ),
    )
    addressees: tuple[str, ...] = attrs.field(
        default=(),
        metadata=field(
            "addressees",
            "Addressees",
            "Addressees",
            "The bodies the document is addressed to, in English.",
            type=ValueType.LIST,
            flat=False,
        ),
    )
    addressees_zh: tuple[str, ...] = attrs.field(
        default=(),
        metadata=field(
            "addressees_zh",
            "Addressees (Chinese)",
            "Addressees (Chinese)",
            "The bodies the document is addressed to, in Chinese as the text lists them.",
            type=ValueType.LIST,
            flat=False,
        ),
    )
    seed: Seed | None = None
    figures: tuple[Figure, ...] = ()
    provenance: Provenance
    priorities: tuple[Priority, ...] = ()
    guarantees: tuple[Guarantee, ...] = ()
    objectives: tuple[Objective, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    actions: tuple[Action, ...] = ()
    industries: tuple[Industry, ...] = ()
    targets: tuple[Target, ...] = ()
    pillars: tuple[Pillar, ...] = ()
    frontiers: tuple[Frontier, ...] = ()
    directions: tuple[Direction, ...] = ()
    agencies: tuple[Agency, ...] = ()
    sources: tuple[Source, ...] = ()
    retired: tuple[Retirement, ...] = ()

    _index: Resolver | None = attrs.field(init=False, default=None, repr=False, eq=False)

    def __repr__(self) -> str:
        return (
            f"Plan(id={self.id!r}, edition={self.edition!r}, document_number={self.document_number!r}, "
            f"records={len(self.records)})"
        )

    # IPython prefers a class's own __repr__ to an inherited _repr_pretty_: name it here too.
    _repr_pretty_ = _Document._repr_pretty_

    @property
    def texts(self) -> tuple[tuple[str, str], ...]:
        """Every text of the plan as ``(field path, text)``, its document numbers and short names among them."""
        return _texts(
            self,
            ("document_number", self.document_number),
            ("document_number_en", self.document_number_en),
            ("short_name.en", self.short_name.en),
            ("short_name.zh", self.short_name.zh),
        )

    @property
    def names(self) -> tuple[tuple[str, str], ...]:
        """The texts that name the plan (titles, aliases, document numbers and short names)."""
        return tuple((field, text) for field, text in self.texts if not field.startswith(_NOT_NAMES))

    @property
    def records(self) -> tuple[Record, ...]:
        """Every record of the plan, kind after kind, each kind in document order."""
        return tuple(r for spec in KINDS.values() if spec.document is Plan for r in getattr(self, spec.collection))

    def records_of(self, kind: "Kind | str | type[_R]") -> tuple[Record, ...]:
        """The records of one kind, in document order (``kind`` as for :func:`sei_policy.records`).

        >>> import sei_policy as sp
        >>> [r.notation for r in sp.plan().records_of(sp.Target)]
        ['T1', 'T2', 'T3']
        """
        spec = KINDS[kind_of(kind, "records_of()")]
        if spec.document is not Plan:
            raise UnknownKindError(str(spec.kind), tuple(str(k) for k, s in KINDS.items() if s.document is Plan))
        found: tuple[Record, ...] = getattr(self, spec.collection)
        return found

    def members(self) -> "tuple[Plan | Record, ...]":
        """The plan itself, then every record of it in document order."""
        return (self, *self.records)

    def _retired(self) -> Mapping[str, str]:
        return {r.id: r.replacement_id for r in self.retired}

    # -- per-kind access -------------------------------------------------

    def priority(self, key: Priority | str | int) -> Priority:
        """A priority by identifier, slug, notation (``P1``), number or name."""
        return self._one(Priority, "priority", key, "priority()")

    def guarantee(self, key: Guarantee | str | int) -> Guarantee:
        """A guarantee by identifier, slug, notation (``G1``), number or name."""
        return self._one(Guarantee, "guarantee", key, "guarantee()")

    def objective(self, key: Objective | str | int) -> Objective:
        """An objective by identifier, slug, notation (``O1``), number or name."""
        return self._one(Objective, "objective", key, "objective()")

    def requirement(self, key: Requirement | str | int) -> Requirement:
        """A requirement by identifier, slug, notation (``R1``), number or name."""
        return self._one(Requirement, "requirement", key, "requirement()")

    def action(self, key: Action | str | int) -> Action:
        """An action by identifier, slug, notation (``A4``), number or name.

        >>> import sei_policy as sp
        >>> sp.plan().action("A4").id
        'action:new-materials'
        """
        return self._one(Action, "action", key, "action()")

    def industry(self, key: Industry | str | int) -> Industry:
        """An industry by identifier, slug, notation (``I4``), number or name."""
        return self._one(Industry, "industry", key, "industry()")

    def target(self, key: Target | str | int) -> Target:
        """A target by identifier, slug, notation (``T1``), number or name."""
        return self._one(Target, "target", key, "target()")

    def pillar(self, key: Pillar | str | int) -> Pillar:
        """A pillar (the 2016 plan) by identifier, slug, notation (``N1``), number or name."""
        return self._one(Pillar, "pillar", key, "pillar()")

    def frontier(self, key: Frontier | str | int) -> Frontier:
        """A frontier field (the 14th Five-Year Plan Outline) by identifier, slug, notation (``F1``), number or name."""
        return self._one(Frontier, "frontier", key, "frontier()")

    def direction(self, key: Direction | str | int) -> Direction:
        """A direction (the 2024 opinions) by identifier, slug, notation (``D1``), number or name."""
        return self._one(Direction, "direction", key, "direction()")

    def agency(self, key: Agency | str | int) -> Agency:
        """An agency by identifier, slug, abbreviation (``NDRC``), number or name."""
        return self._one(Agency, "agency", key, "agency()")

    def industries_of(self, pillar: Pillar | str | int) -> tuple[Industry, ...]:
        """The industries a pillar groups (the 2016 plan's five pillars), in order."""
        return tuple(self.industry(i) for i in self._one(Pillar, "pillar", pillar, "industries_of()").industry_ids)

    def source(self, key: str) -> Source:
        """An entry of the source register by its key, in any case.

        >>> import sei_policy as sp
        >>> sp.plan().source("s4").description.startswith("full-text copy")
        True
        """
        if not isinstance(key, str):
            raise InvalidArgumentTypeError("source()", "key", "a string such as 'S4'", key)
        wanted = key.strip().casefold()
        for source in self.sources:
            if source.key.casefold() == wanted:
                return source
        names = {s.key.casefold(): [s.key] for s in self.sources}
        hint = f"the register's keys are {self.sources[0].key}, {self.sources[1].key} … {self.sources[-1].key}"
        raise UnknownIdentifierError(key, kind="source", hint=hint, suggest=lambda: closest(key, names))

    # -- navigation ------------------------------------------------------

    def _either(self, key: object, kinds: tuple[Kind, Kind], function: str) -> Record:
        """A record of one of two kinds, given itself or any key that names one of that kind."""
        if isinstance(key, Record) and key.kind in kinds:
            return key
        if isinstance(key, Record) or not isinstance(key, str):
            expected = f"a record of kind {kinds[0]} or {kinds[1]}, or a key that names one"
            raise InvalidArgumentTypeError(function, "record", expected, key)
        if key.strip().isdigit():
            what = f"{kinds[0]} or {kinds[1]}"
            hint = f"a number names a record within its kind: give a notation ({_letters(kinds)}) or an identifier"
            raise UnknownIdentifierError(key, kind=what, hint=hint)
        resolver = self._resolver
        found = [r for kind in kinds if isinstance(r := resolver.exact.get(kind, _EMPTY).get(key), Record)]
        if not found:  # not an exact key: try every folding, still without exceptions
            found = [r for kind in kinds if isinstance(r := resolver.find(key, kind, function), Record)]
        if len(found) > 1:
            raise AmbiguousLookupError(key, tuple(r.id for r in found), hint="use an identifier")
        if not found:
            what = f"{kinds[0]} or {kinds[1]}"
            suggest = tuple(s for kind in kinds for s in self._resolver.suggest(key, kind))
            raise UnknownIdentifierError(key, kind=what, hint=self._resolver.name_of(key), suggest=lambda: suggest)
        return found[0]

    def requirement_of(self, action: Action | str | int) -> Requirement:
        """The requirement an action belongs to."""
        return self.requirement(self._one(Action, "action", action, "requirement_of()").requirement_id)

    def actions_of(self, requirement: Requirement | str | int) -> tuple[Action, ...]:
        """The actions of a requirement, in order.

        >>> import sei_policy as sp
        >>> [a.notation for a in sp.plan().actions_of("R3")]
        ['A14', 'A15', 'A16']
        """
        found = self._one(Requirement, "requirement", requirement, "actions_of()")
        return tuple(self.action(i) for i in found.action_ids)

    def industry_of(self, action: Action | str | int) -> Industry | None:
        """The key industry of an action (actions 1 to 8), else ``None``."""
        industry_id = self._one(Action, "action", action, "industry_of()").industry_id
        return None if industry_id is None else self.industry(industry_id)

    def action_of(self, record: Industry | Target | str) -> Action:
        """The action an industry or a target belongs to (given as a record or any key that names it).

        >>> import sei_policy as sp
        >>> sp.plan().action_of("target:global-bases").notation
        'A9'
        """
        found = self._either(record, (Kind.INDUSTRY, Kind.TARGET), "action_of()")
        assert isinstance(found, Industry | Target)
        if found.action_id is None:
            hint = f"{found.id} belongs to {found.document_id}, which has no actions"
            raise UnknownIdentifierError(found.id, kind="action", hint=hint)
        return self.action(found.action_id)

    def targets_of(self, action: Action | str | int) -> tuple[Target, ...]:
        """The quantitative targets of an action (only action 9 has any)."""
        return tuple(self.target(i) for i in self._one(Action, "action", action, "targets_of()").target_ids)

    def agencies_of(self, action: Action | str | int) -> tuple[Agency, ...] | None:
        """The agencies responsible for an action, or ``None`` where they are not known.

        >>> import sei_policy as sp
        >>> plan = sp.plan()
        >>> [a.notation for a in plan.agencies_of("A9")][:4], plan.agencies_of("A1")
        (['NDRC', 'MOST', 'MIIT', 'MOF'], None)
        """
        agency_ids = self._one(Action, "action", action, "agencies_of()").agency_ids
        return None if agency_ids is None else tuple(self.agency(i) for i in agency_ids)

    def actions_led_by(self, agency: Agency | str | int) -> tuple[Action, ...]:
        """The actions whose known responsibility clause names the agency."""
        found = self._one(Agency, "agency", agency, "actions_led_by()").id
        return tuple(a for a in self.actions if a.agency_ids is not None and found in a.agency_ids)

    def priorities_of(self, objective: Objective | str | int) -> tuple[Priority, ...]:
        """The priorities an objective implements."""
        return tuple(
            self.priority(i) for i in self._one(Objective, "objective", objective, "priorities_of()").priority_ids
        )

    def guarantees_of(self, objective: Objective | str | int) -> tuple[Guarantee, ...]:
        """The guarantees an objective implements."""
        found = self._one(Objective, "objective", objective, "guarantees_of()")
        return tuple(self.guarantee(i) for i in found.guarantee_ids)

    def objectives_of(self, record: Priority | Guarantee | str) -> tuple[Objective, ...]:
        """The objectives that implement a priority or a guarantee (a record or any key that names it).

        >>> import sei_policy as sp
        >>> [o.notation for o in sp.plan().objectives_of("guarantee:jobs")]
        ['O3']
        """
        found = self._either(record, (Kind.PRIORITY, Kind.GUARANTEE), "objectives_of()")
        return tuple(o for o in self.objectives if found.id in o.priority_ids or found.id in o.guarantee_ids)

    def issuers(self) -> tuple[Agency, ...]:
        """The bodies that issued the plan, in the order the sources list them."""
        return tuple(self.agency(i) for i in self.issuer_ids)

    def sources_of(self, record: "Record | Plan") -> tuple[Source, ...]:
        """The register entries a record's provenance cites, the record's own first, each once.

        >>> import sei_policy as sp
        >>> plan = sp.plan()
        >>> [s.key for s in plan.sources_of(plan.action("A9"))]
        ['S4', 'S1', 'seed']
        """
        if not isinstance(record, Record | Plan):
            raise InvalidArgumentTypeError("sources_of()", "record", "a record or the plan", record)
        return tuple(self.source(k) for k in record.provenance.all_source_keys)


setattr(Plan, "__hash__", _Document.__hash__)  # noqa: B010 - by (id, edition), not by every record


@attrs.frozen(kw_only=True, repr=False)
class LineageData(_Model):
    """The layout of the lineage's data file: the documents before and after the 2020 plan, and their links.

    ``chain`` lists every document's identifier in date order (the 2020 plan and
    NBS 2018, which have files of their own, among them); ``sources`` is the
    lineage's source register (``L1`` …); ``agencies`` the bodies it names beyond
    those of the 2020 plan and NBS 2018.
    """

    edition: str
    chain: tuple[str, ...]
    sources: tuple[Source, ...]
    agencies: tuple[Agency, ...] = ()
    plans: tuple[Plan, ...] = ()
    classifications: tuple[Classification, ...] = ()
    relations: tuple[DocumentRelation, ...] = ()
    correspondences: tuple[Correspondence, ...] = ()
    observations: tuple[Observation, ...] = ()


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _letters(kinds: tuple[Kind, ...]) -> str:
    return " or ".join(f"{KINDS[k].letter}1" for k in kinds)


DocumentArgument = Union[Plan, Classification, str, None]  # noqa: UP007 - a runtime alias
"""What a ``document=`` argument takes: a document, its identifier, key, number or title, ``"all"``, or None."""

PlanOrRecord = Union[Plan, Record]  # noqa: UP007 - a runtime alias; `Plan | Record` is a types.UnionType
"""What :func:`sei_policy.get` can return: the plan itself or one of its records."""


# -- the class is the kind ---------------------------------------------------------


@attrs.frozen
class KindSpec:
    """What the library knows of one kind: its record class, where its records are kept, and its columns.

    ``document`` is the class of the document that holds the records
    (``Plan`` or ``Classification``) and ``collection`` the attribute that holds
    them there; ``letter`` starts each notation (empty where the notation is an
    abbreviation); ``label`` and ``plural`` name one record and several in messages;
    ``description`` says what the kind's table holds (the data package) and
    ``summary`` the same in a short phrase (the workbook's README). ``columns`` are
    the kind's declared columns, in table order (see :func:`columns`).
    """

    kind: str
    cls: type[Record] | type[Plan]
    document: type[Plan] | type[Classification] | None
    collection: str
    letter: str
    label: str
    plural: str
    description: str = attrs.field(default="", repr=False)
    summary: str = attrs.field(default="", repr=False)
    columns: tuple[Column, ...] = attrs.field(init=False, repr=False)

    @columns.default
    def _columns(self) -> tuple[Column, ...]:
        return columns_of(self.cls)

    @property
    def relations(self) -> tuple[Column, ...]:
        """The kind's relation fields (flat or not), in the class's order."""
        return tuple(c for c in _own(self.cls) if c.type.is_relation)


def _declared(cls: type) -> tuple[Column, ...]:
    fields: tuple[attrs.Attribute[object], ...] = attrs.fields(cls)
    return tuple(c for a in fields for c in a.metadata.get(_COLUMNS, ()))


def _own(cls: type) -> tuple[Column, ...]:
    """The columns a class declares beyond those every record has."""
    common = {c.name for c in _declared(Record)}
    return tuple(c for c in _declared(cls) if c.name not in common)


def status_column(stem: str, cls: type) -> Column:
    """The column that gives the provenance status of ``stem`` (a column or a field of ``cls``): ``<stem>_status``.

    >>> status_column("title_en", Action).label, status_column("keywords", Action).label
    ('Status of title (English)', 'Status of keywords')
    """
    found = next((c for c in (*_declared(Record), *_declared(cls)) if c.name == stem), None)
    noun = stem.replace("_", " ") if found is None else found.label.removesuffix(", separated by ;")
    if noun[1:2].islower():
        noun = noun[:1].lower() + noun[1:]
    return Column(
        name=f"{stem}_status",
        title=f"{stem if found is None else found.title} status",
        label=f"Status of {noun}",
        description=(
            f"The provenance status of the field {stem}: the weakest status among its claims, else the "
            "record's status (unverified: the field is empty because no registered source supports a value)."
        ),
        type=ValueType.CHOICE,
        choices=tuple(Status),
    )


DOCUMENT_COLUMN = Column(
    name="document_id",
    title="Document",
    label="Document (identifier)",
    description=(
        "The identifier of the document that holds the record (plan:sei-2020, nbs-2018 …); empty for an agency, "
        "which every document that names it shares."
    ),
)
"""The ``document_id`` column every table ends its declared columns with (see :func:`document_of`)."""

RECORD_STATUS = Column(
    name="status",
    title="Status",
    label="Status of the record (" + ", ".join(s for s in Status if s is not Status.UNVERIFIED) + ")",
    description="The record's provenance status: verified, seed, reported or inferred.",
    type=ValueType.CHOICE,
    choices=tuple(s for s in Status if s is not Status.UNVERIFIED),
)
"""The ``status`` column every flat row ends its declared columns with."""


def columns_of(cls: type) -> tuple[Column, ...]:
    """A record class's columns in table order: the common ones (lists last), then its own, flat ones only.

    >>> [c.name for c in columns_of(Target)][-4:]
    ['qualifier', 'year', 'action_id', 'document_id']
    """
    common = _declared(Record)
    ordered = (
        *(c for c in common if c.type is not ValueType.LIST),
        *(c for c in common if c.type is ValueType.LIST),
        *_own(cls),
        DOCUMENT_COLUMN,
    )
    return tuple(c for c in ordered if c.flat)


_PLAN_FIELDS = (
    "its issuers are in relations.csv and plan-issuer_ids.csv, its addressees, document type and figures in the "
    "JSON export"
)

KINDS: Mapping[str, KindSpec] = MappingProxyType(
    {
        str(spec.kind): spec
        for spec in (
            KindSpec(
                Kind.PLAN,
                Plan,
                None,
                "",
                "",
                "plan",
                "plans",
                "The plan itself: one row with its titles, aliases, summary, document number, dates and provenance "
                f"status; {_PLAN_FIELDS}.",
                "the document itself, in one row: its titles, summary, keywords, document number and dates, and the "
                "status of its metadata",
            ),
            KindSpec(
                Kind.PRIORITY,
                Priority,
                Plan,
                "priorities",
                "P",
                "priority",
                "priorities",
                "The six stabilities (六稳) that the plan serves.",
                "the six stabilities (六稳) the plan serves, P1 to P6",
            ),
            KindSpec(
                Kind.GUARANTEE,
                Guarantee,
                Plan,
                "guarantees",
                "G",
                "guarantee",
                "guarantees",
                "The six guarantees (六保) that the plan serves.",
                "the six guarantees (六保) the plan serves, G1 to G6",
            ),
            KindSpec(
                Kind.OBJECTIVE,
                Objective,
                Plan,
                "objectives",
                "O",
                "objective",
                "objectives",
                "The reasons the preamble gives for the plan; some implement priorities or guarantees.",
                "the reasons the preamble gives for the plan, O1 to O8",
            ),
            KindSpec(
                Kind.REQUIREMENT,
                Requirement,
                Plan,
                "requirements",
                "R",
                "requirement",
                "requirements",
                "The four requirement areas, parts 二 to 五 of the original, each with its actions in order.",
                "the four requirement areas, parts 二 to 五 of the original, R1 to R4",
            ),
            KindSpec(
                Kind.ACTION,
                Action,
                Plan,
                "actions",
                "A",
                "action",
                "actions",
                "The twenty numbered items (一) to (二十) of the original.",
                "the twenty numbered items (一) to (二十) of the original, A1 to A20",
            ),
            KindSpec(
                Kind.INDUSTRY,
                Industry,
                Plan,
                "industries",
                "I",
                "industry",
                "industries",
                "The eight key industries of requirement 1, each the subject of one action, with its NBS 2018 field.",
                "the eight key industries of requirement 1, I1 to I8, each matched to an NBS 2018 field",
            ),
            KindSpec(
                Kind.TARGET,
                Target,
                Plan,
                "targets",
                "T",
                "target",
                "targets",
                "The numeric targets of action 9; the plan states no target year.",
                "the numeric targets of action 9, T1 to T3 (the plan states no target year)",
            ),
            KindSpec(
                Kind.PILLAR,
                Pillar,
                Plan,
                "pillars",
                "N",
                "pillar",
                "pillars",
                "The five new pillar industries (新支柱) of the 2016 plan, each grouping some of its industries.",
                "the 2016 plan's five new pillar industries, N1 to N5",
            ),
            KindSpec(
                Kind.FRONTIER,
                Frontier,
                Plan,
                "frontiers",
                "F",
                "frontier field",
                "frontier fields",
                "The frontier fields of science and industry named in the 14th Five-Year Plan Outline.",
                "the 14th Five-Year Plan Outline's frontier fields, F1 to F6",
            ),
            KindSpec(
                Kind.DIRECTION,
                Direction,
                Plan,
                "directions",
                "D",
                "direction",
                "directions",
                "The six directions (六大方向) of the 2024 opinions on future industries.",
                "the 2024 opinions' six directions of future industries, D1 to D6",
            ),
            KindSpec(
                Kind.AGENCY,
                Agency,
                Plan,
                "agencies",
                "",
                "agency",
                "agencies",
                "The issuing and responsible bodies; the notation is the abbreviation.",
                "the issuing and responsible bodies, by abbreviation (NDRC, MOST …)",
            ),
            KindSpec(
                Kind.NBS_2018,
                NbsCategory,
                Classification,
                "categories",
                "NBS-",
                "NBS 2018 field",
                "NBS 2018 fields",
                "The nine top-level fields of the NBS Strategic Emerging Industries Classification (2018).",
                "the nine top-level fields of the NBS Strategic Emerging Industries Classification (2018)",
            ),
            KindSpec(
                Kind.NBS_INDUSTRIAL_2023,
                NbsCategory,
                Classification,
                "categories",
                "NBSI-",
                "NBS 2023 industrial field",
                "NBS 2023 industrial fields",
                "The nine industries of the NBS catalogue of industrial strategic emerging industries (2023).",
                "the nine industries of the NBS 2023 catalogue of industrial SEIs",
            ),
        )
    }
)
"""Each kind, its class, the collection that holds its records, and its columns: the registry every door reads."""

LABELS: Mapping[str, tuple[str, str]] = MappingProxyType({k: (s.label, s.plural) for k, s in KINDS.items()})
"""Each kind's value -> how messages name one record of it and several."""
_BY_CLASS: Mapping[type, Kind] = MappingProxyType(
    {s.cls: Kind(s.kind) for s in reversed(list(KINDS.values()))}  # a class shared by kinds names the first of them
)
_SCHEMES = frozenset(k for k, s in KINDS.items() if s.document is Classification)


def kind_of(kind: "Kind | str | type[Any]", function: str = "kind_of()") -> Kind:
    """The :class:`Kind` that a ``kind=`` argument names: a ``Kind``, its value, or the record class.

    >>> kind_of("action"), kind_of(Action), kind_of(Kind.ACTION)
    (<Kind.ACTION: 'action'>, <Kind.ACTION: 'action'>, <Kind.ACTION: 'action'>)
    >>> kind_of("actions")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
      ...
    sei_policy.errors.UnknownKindError: unknown kind 'actions'; expected one of 'plan', 'priority', ...
    """
    if isinstance(kind, Kind):
        return kind
    if isinstance(kind, str):
        try:
            return Kind(kind.strip().casefold())
        except ValueError:
            raise UnknownKindError(kind, tuple(k.value for k in Kind)) from None
    if isinstance(kind, type):
        found = _BY_CLASS.get(kind)
        if found is not None:
            return found
        raise UnknownKindError(kind.__name__, tuple(c.__name__ for c in _BY_CLASS))
    raise InvalidArgumentTypeError(function, "kind", "a Kind, its value or a record class", kind)
