"""The data as tables: plain dicts, flat rows, links and pandas frames, all derived from the registry.

- :func:`asdict` gives a record (or the plan) in its nested JSON form;
- :func:`to_records` gives flat rows, one per record, with the columns each kind declares;
- :func:`relations` gives one row per link between two records, from the kinds' relation columns;
- :func:`to_frame` gives the same rows as a pandas DataFrame, typed by the declared columns.

Nothing here names a field: the columns, their order and types, the relations and the
kinds all come from ``dataset.kinds`` (:class:`~sei_policy.models.KindSpec` and its
:class:`~sei_policy.models.Column` declarations), so a kind added to a dataset shows in
every table. The public functions read the shipped dataset; the functions that take a
:class:`~sei_policy._loader.Dataset` serve the formats and the tests.

>>> import sei_policy as sp
>>> rows = sp.to_records("action")
>>> len(rows), list(rows[3])[:6]
(20, ['id', 'kind', 'notation', 'number', 'title_en', 'title_zh'])
>>> rows[3]["status"], rows[3]["keywords_status"]
('verified', 'inferred')
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from sei_policy import _converter, _loader
from sei_policy.errors import InvalidArgumentTypeError, MissingExtraError, UnknownKindError
from sei_policy.models import (
    KINDS,
    RECORD_STATUS,
    Classification,
    Column,
    Correspondence,
    DocumentArgument,
    DocumentRelation,
    Kind,
    KindSpec,
    MatchType,
    Plan,
    PlanOrRecord,
    Predicate,
    Qualifier,
    Record,
    Status,
    ValueType,
    kind_of,
    status_column,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = (
    "CORRESPONDENCE_COLUMNS",
    "DOCUMENT_COLUMNS",
    "DOCUMENT_RELATION_COLUMNS",
    "LINEAGE_TABLES",
    "LINK_COLUMNS",
    "MAX_LABEL",
    "OBSERVATION_COLUMNS",
    "RELATION_COLUMNS",
    "SEPARATOR",
    "Link",
    "Row",
    "Table",
    "asdict",
    "is_default",
    "label",
    "lineage_tables",
    "links",
    "members",
    "relation_rows",
    "relations",
    "relations_frame",
    "spec_of",
    "table",
    "tables",
    "to_frame",
    "to_records",
)

Value = str | int | float | None
Row = dict[str, Value]

SEPARATOR = ";"
"""Joins the items of a list in one cell: identifiers, aliases, keywords."""

MAX_LABEL = 80
"""The longest label a column gets (Stata's limit for variable and dataset labels), in characters."""

_WEAKEST_FIRST = (Status.UNVERIFIED, Status.INFERRED, Status.REPORTED, Status.SEED, Status.VERIFIED)

LINK_COLUMNS = (
    Column(
        name="status",
        title="Status",
        label="Status of the link (verified, reported or inferred)",
        description="The status of a link between documents or concepts; empty for a link a record's field holds.",
        type=ValueType.CHOICE,
        choices=tuple(s for s in Status if s is not Status.UNVERIFIED),
    ),
    Column(
        name="source_keys",
        title="Sources",
        label="Sources of the link (keys of the register), separated by ;",
        description="The keys of the sources a link between documents or concepts rests on, joined with ';'.",
        type=ValueType.LIST,
    ),
    Column(
        name="note",
        title="Note",
        label="Note on the link",
        description="What a link between documents or concepts rests on.",
    ),
)
"""The columns the lineage's relations table adds: each link between documents or concepts carries them."""

RELATION_COLUMNS = (
    Column(
        name="from",
        title="From",
        label="Record the link starts from (identifier)",
        description="The identifier of the record that holds the link.",
    ),
    Column(
        name="relation",
        title="Relation",
        label="Relation (the field that holds the link)",
        description="The field that holds the link, named as in the record tables ({example} …).",
    ),
    Column(
        name="to",
        title="To",
        label="Record the link points to (identifier)",
        description=(
            "The identifier of the record the link points to, in the table of its kind (the relation says which)."
        ),
    ),
    Column(
        name="position",
        title="Position",
        label="Position within the field's list (from 1)",
        description="The position of the link within its field, from 1 (1 for a single identifier).",
        type=ValueType.INTEGER,
    ),
)
"""The columns of :func:`relations`; ``{example}`` in a description is the first single relation of the kinds."""


def label(column: Column) -> str:
    """A column's label, at most :data:`MAX_LABEL` characters (Stata's limit).

    >>> label(RELATION_COLUMNS[3])
    "Position within the field's list (from 1)"
    """
    return column.label[:MAX_LABEL]


@attrs.frozen
class Table:
    """One flat table: its name (a kind, ``relations``), its columns in order, and its rows.

    ``spec`` is the kind whose records the rows are (``None`` for the relations);
    ``required`` names the columns that are never empty.
    """

    name: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    spec: KindSpec | None = None
    required: frozenset[str] = frozenset()
    key: tuple[str, ...] = ()
    """The columns that together identify a row, where ``id`` does not (the lineage's link tables)."""


class Link(NamedTuple):
    """One link between two records: the owning kind, its relation column, the records and the position."""

    spec: KindSpec
    column: Column
    source: str
    target: str
    position: int


# -- nested ------------------------------------------------------------------------


def asdict(record: PlanOrRecord) -> dict[str, Any]:
    """A record, or the plan, as plain JSON data: dicts, lists, strings, numbers and ``None``.

    It is what the data files hold for the record, so ``json.loads(json.dumps(d)) == d``.

    >>> import sei_policy as sp
    >>> d = sp.asdict(sp.plan().action(4))
    >>> d["kind"], d["title"]["zh"], d["provenance"]["status"]
    ('action', '加快新材料产业强弱项', 'verified')
    """
    if not isinstance(record, Record | Plan):
        raise InvalidArgumentTypeError("asdict()", "record", "a record or the plan", record)
    return dict(_converter.unstructure(record))


# -- the registry, read from the dataset ----------------------------------------------


def spec_of(dataset: _loader.Dataset, kind: Kind | str | type[Any], function: str) -> KindSpec:
    """The declaration of the kind a ``kind=`` argument names: its value, a :class:`Kind` or the record class.

    A kind of the dataset's own (one a test registers) is found by its value or class too.
    """
    if isinstance(kind, str) and kind.strip().casefold() in dataset.kinds:
        return dataset.kinds[kind.strip().casefold()]
    if isinstance(kind, type):
        found = next((spec for spec in dataset.kinds.values() if spec.cls is kind), None)
        if found is not None:
            return found
    kind_of(kind, function)  # what names no kind raises here, as everywhere in the library
    raise UnknownKindError(str(kind), tuple(dataset.kinds))  # pragma: no cover - a dataset lacking a shipped kind


def members(dataset: _loader.Dataset, spec: KindSpec) -> tuple[PlanOrRecord, ...]:
    """The records of one kind in the dataset, in document order (the plan itself for the plan's kind).

    Agencies, which documents share, come once each, with the dataset's own (the lineage's) among them.
    """
    if spec.document is None:
        return tuple(d for d in dataset.documents if isinstance(d, spec.cls))
    found: list[PlanOrRecord] = []
    for document in dataset.documents:
        if isinstance(document, spec.document):
            found += (r for r in getattr(document, spec.collection) if r.kind == spec.kind)
    if spec.kind == Kind.AGENCY and dataset.agencies:
        found = list({r.id: r for r in (*found, *dataset.agencies)}.values())
    return tuple(found)


def _plan_kinds(dataset: _loader.Dataset) -> tuple[KindSpec, ...]:
    """The kinds whose records a plan holds, in the registry's order: what ``to_records()`` gives."""
    return tuple(s for s in dataset.kinds.values() if s.document is not None and issubclass(s.document, Plan))


# -- flat --------------------------------------------------------------------------


def _cell(value: object) -> Value:
    """A value as one cell: text, a number or ``None``; a list joined with ``;``, a date as ISO text."""
    kind = type(value)
    if kind is str or kind is int or kind is float or value is None:
        return value  # type: ignore[return-value]  # exactly one of the cell types, checked just above
    if kind is tuple:
        return SEPARATOR.join(str(v) for v in value)  # type: ignore[attr-defined]  # a tuple, checked just above
    if isinstance(value, enum.Enum | str):
        return str(value)  # a StrEnum writes as its plain value
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"no flat form for {kind.__name__}")  # pragma: no cover - the models hold no other


def _claimed(record: PlanOrRecord) -> dict[str, Status]:
    """Each claimed field, as a column stem (``title_en``, ``keywords_en``), with its weakest status."""
    found: dict[str, Status] = {}
    for claim in record.provenance.fields:
        column = claim.field.partition("[")[0].replace(".", "_")
        status = record.provenance.status_of(claim.field)
        if column not in found or _WEAKEST_FIRST.index(status) < _WEAKEST_FIRST.index(found[column]):
            found[column] = status
    return found


def _table(dataset: _loader.Dataset, specs: Sequence[KindSpec], name: str) -> Table:
    """The rows of the records of ``specs``, with the union of their columns, then the status columns."""
    records = [(spec, record) for spec in specs for record in members(dataset, spec)]
    present = [spec for spec in specs if any(s is spec for s, _ in records)] or list(specs)
    declared: dict[str, Column] = {}
    for spec in present:
        for column in spec.columns:
            declared.setdefault(column.name, column)
    claims = [_claimed(record) for _, record in records]
    claimed: dict[str, None] = {}
    for found in claims:
        claimed.update(dict.fromkeys(found))
    order = list(declared)
    stems = sorted(claimed, key=lambda c: (order.index(c) if c in order else len(order), c))
    statuses = tuple(_status_column(stem, _owner(present, stem)) for stem in stems)
    own = {str(spec.kind): frozenset(c.name for c in spec.columns) for spec in present}
    rows = []
    for (spec, record), found in zip(records, claims, strict=True):
        mine = own[str(spec.kind)]
        row: Row = {n: _cell(c.value(record)) if n in mine else None for n, c in declared.items()}
        row["status"] = str(record.provenance.status)
        for stem, column in zip(stems, statuses, strict=True):
            row[column.name] = str(found[stem]) if stem in found else row["status"]
        rows.append(row)
    columns = (*declared.values(), RECORD_STATUS, *statuses)
    required = frozenset({"id", "kind", RECORD_STATUS.name, *(c.name for c in statuses)})
    return Table(name, columns, tuple(rows), present[0] if len(specs) == 1 else None, required)


_STATUS_COLUMNS: dict[tuple[str, type], Column] = {}


def _status_column(stem: str, cls: type) -> Column:
    """:func:`~sei_policy.models.status_column`, made once per stem and class (a table asks for it on every call)."""
    found = _STATUS_COLUMNS.get((stem, cls))
    if found is None:
        found = _STATUS_COLUMNS[stem, cls] = status_column(stem, cls)
    return found


def _owner(specs: Sequence[KindSpec], stem: str) -> type:
    """The class that declares the column ``stem``, for its status column's label (the first kind's class else)."""
    return next((s.cls for s in specs if any(c.name == stem for c in s.columns)), specs[0].cls)


def table(
    dataset: _loader.Dataset, kind: Kind | str | type[Any] | None = None, function: str = "to_records()"
) -> Table:
    """The flat table of one kind of ``dataset`` (every record of its plan for ``None``)."""
    if kind is None:
        return _table(dataset, _plan_kinds(dataset), "records")
    spec = spec_of(dataset, kind, function)
    return _table(dataset, (spec,), str(spec.kind))


def links(dataset: _loader.Dataset) -> Iterator[Link]:
    """Every link from a record to another, kind after kind in the registry's order, each in document order."""
    for spec in dataset.kinds.values():
        relations = spec.relations  # derived on each access: once per kind
        if not relations:
            continue
        for record in members(dataset, spec):
            for column in relations:
                value = column.value(record)
                targets = value if isinstance(value, tuple) else () if value is None else (value,)
                for position, target in enumerate(targets, start=1):
                    yield Link(spec, column, record.id, str(target), position)


def relation_rows(dataset: _loader.Dataset) -> Table:
    """The table of :func:`relations` for ``dataset``.

    For the lineage it goes on with the links between documents (the predicate as the
    relation) and between their concepts (``exact_match`` …), with the status, sources
    and note every such link carries.
    """
    example = next((c.name for s in dataset.kinds.values() for c in s.relations if c.type is ValueType.ID), "")
    columns = tuple(attrs.evolve(c, description=c.description.format(example=example)) for c in RELATION_COLUMNS)
    rows: list[Row] = [
        {"from": link.source, "relation": link.column.name, "to": link.target, "position": link.position}
        for link in links(dataset)
    ]
    if not dataset.relations and not dataset.correspondences:
        return Table("relations", columns, tuple(rows), None, frozenset(c.name for c in columns))
    for row in rows:
        row.update(status=None, source_keys=None, note=None)
    rows += (
        {
            "from": r.subject_id,
            "relation": str(r.predicate),
            "to": r.object_id,
            "position": None,
            "status": str(r.status),
            "source_keys": SEPARATOR.join(r.source_keys),
            "note": r.note,
        }
        for r in dataset.relations
    )
    rows += (
        {
            "from": c.subject_id,
            "relation": f"{c.match}_match",
            "to": c.object_id,
            "position": None,
            "status": str(c.status),
            "source_keys": SEPARATOR.join(c.source_keys),
            "note": c.note,
        }
        for c in dataset.correspondences
    )
    columns = (*columns, *LINK_COLUMNS)
    # A link between documents or concepts has no position: the first three columns identify a row.
    return Table(
        "relations", columns, tuple(rows), None, frozenset(c.name for c in columns[:3]), ("from", "relation", "to")
    )


def tables(dataset: _loader.Dataset) -> dict[str, Table]:
    """Each kind's table, in the registry's order, then the relations: the files of ``export("csv")``."""
    found = {str(spec.kind): _table(dataset, (spec,), str(spec.kind)) for spec in dataset.kinds.values()}
    found["relations"] = relation_rows(dataset)
    return found


# -- the documents and their links: the tables of a dataset other than the default ------------


def _text(name: str, title: str, label: str, description: str, **more: Any) -> Column:
    return Column(name=name, title=title, label=label, description=description, **more)


_ISSUERS = attrs.evolve(
    next(c for c in KINDS[Kind.PLAN].relations if c.target == Kind.AGENCY),
    label="Issuers (identifiers), separated by ;",
    description="The identifiers of the bodies that issued the document, joined with ';'.",
    type=ValueType.LIST,
    target=None,
)
"""The documents' issuers, as the plan declares them (a classification has the same field), as a flat list."""

DOCUMENT_COLUMNS = (
    _text("id", "Document", "Document (identifier)", "The document's identifier (plan:sei-2010, nbs-2018 …)."),
    _text("key", "Key", "Short key of the document", "The document's short key: its identifier without plan:."),
    _text(
        "kind",
        "Kind",
        "Kind of document (plan or classification)",
        "Whether the document is a plan (any policy document with records) or an official classification.",
        type=ValueType.CHOICE,
        choices=("plan", "classification"),
    ),
    _text("document_type_en", "Type", "Type of document", "The type of document in English (decision, plan …)."),
    _text("document_type_zh", "Type (Chinese)", "Type of document (Chinese)", "The type of document in Chinese."),
    _text("title_en", "Title", "Title (English)", "The document's title in English."),
    _text("title_zh", "Title (Chinese)", "Title (Chinese)", "The document's official Chinese title."),
    _text(
        "document_number",
        "Document number",
        "Document number",
        "The document number (文号); empty where the document has none or none was read.",
    ),
    _ISSUERS,
    _text("adopted", "Adopted", "Date adopted or approved", "The date adopted or approved.", type=ValueType.DATE),
    _text("issued", "Issued", "Date issued", "The date issued (印发); empty where not read.", type=ValueType.DATE),
    _text("published", "Published", "Date published", "The date made public.", type=ValueType.DATE),
    _text(
        "year",
        "Year",
        "Year of the document",
        "The year of the document's first known date, or as a source gives it where no date is known.",
        type=ValueType.INTEGER,
    ),
    _text(
        "period_start",
        "Period start",
        "First year of the plan period",
        "The first year of the period the document plans for; empty where it names none.",
        type=ValueType.INTEGER,
    ),
    _text(
        "period_end",
        "Period end",
        "Last year of the plan period",
        "The last year of the period the document plans for; empty where it names none.",
        type=ValueType.INTEGER,
    ),
)
"""The columns of the documents table: one row per document of a dataset."""

DOCUMENT_RELATION_COLUMNS = (
    _text("subject_id", "Subject", "Document the link starts from", "The identifier of the document that relates."),
    _text(
        "predicate",
        "Predicate",
        "How the subject relates to the object (implements …)",
        "How the subject document relates to the object document: implements, based_on, monitors, revises, "
        "succeeds, drafted_from or builds_on.",
        type=ValueType.CHOICE,
        choices=tuple(str(p) for p in Predicate),
    ),
    _text("object_id", "Object", "Document the link points to", "The identifier of the document related to."),
    *LINK_COLUMNS,
)
"""The columns of the table of links between documents."""

CORRESPONDENCE_COLUMNS = (
    _text("subject_id", "Subject", "Concept of one document (identifier)", "The identifier of a record."),
    _text(
        "match",
        "Match",
        "What the object is to the subject (exact, close, broader …)",
        "What the object is to the subject, read as SKOS reads its mapping properties: exact, close, broader "
        "(the object is broader), narrower or related.",
        type=ValueType.CHOICE,
        choices=tuple(str(m) for m in MatchType),
    ),
    _text("object_id", "Object", "Concept of another document (identifier)", "The identifier of a record."),
    *LINK_COLUMNS,
)
"""The columns of the crosswalk: one row per correspondence between concepts of two documents."""

OBSERVATION_COLUMNS = (
    _text("indicator", "Indicator", "Indicator observed", "What is observed (sei-share-of-gdp …)."),
    _text("year", "Year", "Year observed", "The year the value is for.", type=ValueType.INTEGER),
    _text("value", "Value", "Value observed or reported", "The value observed or reported.", type=ValueType.NUMBER),
    _text("unit", "Unit", "Unit of the value", "The unit of the value (percent of GDP …)."),
    _text(
        "qualifier",
        "Qualifier",
        "How the source qualifies the value (about, reach …)",
        "How the source qualifies the value: about (左右), reach (达到), exceed (超过, 以上) or none.",
        type=ValueType.CHOICE,
        choices=tuple(str(q) for q in Qualifier),
    ),
    *LINK_COLUMNS,
)
"""The columns of the observations table: values observed or reported for a year, never targets."""

LINEAGE_TABLES = ("documents", "document-relations", "correspondences", "observations")
"""The tables :func:`lineage_tables` adds for a dataset other than the default, in order."""


def is_default(dataset: _loader.Dataset) -> bool:
    """Whether ``dataset`` is the default one: the 2020 plan and NBS 2018, and no links between documents.

    >>> is_default(_loader.select(None)), is_default(_loader.select("sei-2016"))
    (True, False)
    """
    ids = [d.id for d in dataset.documents]
    plain = not (dataset.relations or dataset.correspondences or dataset.observations)
    return plain and ids == [dataset.plan.id, dataset.classification.id]


def _document_row(document: Plan | Classification) -> Row:
    kind = "plan" if isinstance(document, Plan) else "classification"
    kind_of_document = document.document_type
    dates = {name: getattr(document, name, None) for name in ("adopted", "issued", "published")}
    return {
        "id": document.id,
        "key": document.key,
        "kind": kind,
        "document_type_en": None if kind_of_document is None else kind_of_document.en,
        "document_type_zh": None if kind_of_document is None else kind_of_document.zh,
        "title_en": document.title.en,
        "title_zh": document.title.zh,
        "document_number": document.document_number,
        _ISSUERS.name: _cell(_ISSUERS.value(document)),
        **{name: _cell(value) for name, value in dates.items()},
        "year": document.dated_year,
        "period_start": getattr(document, "period_start", None),
        "period_end": getattr(document, "period_end", None),
    }


def _link_row(link: DocumentRelation | Correspondence) -> Row:
    return {"status": str(link.status), "source_keys": SEPARATOR.join(link.source_keys), "note": link.note}


def lineage_tables(dataset: _loader.Dataset) -> dict[str, Table]:
    """The documents, the links between them and their concepts, and the observations; none for the default.

    >>> found = lineage_tables(_loader.lineage())
    >>> list(found), found["documents"].rows[0]["key"]
    (['documents', 'document-relations', 'correspondences', 'observations'], 'sei-2010')
    >>> lineage_tables(_loader.load())
    {}
    """
    if is_default(dataset):
        return {}
    names = ("subject_id", "object_id")
    found = [
        Table(
            "documents",
            DOCUMENT_COLUMNS,
            tuple(_document_row(d) for d in dataset.documents),
            None,
            frozenset({"id", "key", "kind"}),
            ("id",),
        ),
        Table(
            "document-relations",
            DOCUMENT_RELATION_COLUMNS,
            tuple(
                {"subject_id": r.subject_id, "predicate": str(r.predicate), "object_id": r.object_id, **_link_row(r)}
                for r in dataset.relations
            ),
            None,
            frozenset({*names, "predicate", "status"}),
            ("subject_id", "predicate", "object_id"),
        ),
        Table(
            "correspondences",
            CORRESPONDENCE_COLUMNS,
            tuple(
                {"subject_id": c.subject_id, "match": str(c.match), "object_id": c.object_id, **_link_row(c)}
                for c in dataset.correspondences
            ),
            None,
            frozenset({*names, "match", "status"}),
            ("subject_id", "object_id"),
        ),
        Table(
            "observations",
            OBSERVATION_COLUMNS,
            tuple(
                {
                    "indicator": o.indicator,
                    "year": o.year,
                    "value": o.value,
                    "unit": o.unit,
                    "qualifier": str(o.qualifier),
                    "status": str(o.status),
                    "source_keys": SEPARATOR.join(o.source_keys),
                    "note": o.note,
                }
                for o in dataset.observations
            ),
            None,
            frozenset({"indicator", "year", "value", "unit", "qualifier", "status"}),
            ("indicator", "year"),
        ),
    ]
    return {t.name: t for t in found}


def to_records(kind: Kind | str | type[Any] | None = None, *, document: DocumentArgument = None) -> tuple[Row, ...]:
    """Flat rows, one per record, in document order, every row with the same columns in the same order.

    Columns: the ones every record has (``id``, ``kind``, ``notation``, ``number``,
    ``title_en``, ``title_zh``, ``summary``, then the lists ``aliases_en``, ``aliases_zh``,
    ``keywords_en``, ``keywords_zh``); then the kind's own columns as its class declares
    them (its relations, named as on the record, and its other fields); then the record's
    ``status`` and one ``<field>_status`` column for each field that has a claim of its own
    (the weakest status among the field's claims). Lists are joined with ``;``, dates are
    ISO text. Values are ``str``, ``int``, ``float`` or ``None``.

    Args:
        kind: one kind (a :class:`~sei_policy.Kind`, its value or the record class);
            ``None`` for every record of the plan, as :func:`sei_policy.records` gives them.
        document: the document whose records to give (its key such as ``"sei-2016"``,
            its number or title, or the document itself), or ``"all"``; by default the
            2020 plan (and, for ``kind="nbs-2018"``, NBS 2018). Every row names its
            document in ``document_id``.

    >>> import sei_policy as sp
    >>> [r["notation"] for r in sp.to_records(sp.Requirement)]
    ['R1', 'R2', 'R3', 'R4']
    >>> sp.to_records("target")[1]["value"]
    100
    >>> sorted({r["document_id"] for r in sp.to_records("industry", document="all")})[:2]
    ['plan:fyp-14', 'plan:fyp-14-proposal']
    """
    return table(_loader.select(document, "to_records()"), kind).rows


def relations(*, document: DocumentArgument = None) -> tuple[Row, ...]:
    """One row per link from a record to another: ``from``, ``relation`` (the field), ``to``, ``position``.

    Every relation column of every kind (the plan's issuers among them) is listed, kind
    after kind, in document order; ``position`` counts from 1 within a list field.

    With ``document="all"``, the rows go on with every link between documents
    (``implements`` …) and between their concepts (``exact_match`` …), and every row
    has the columns ``status``, ``source_keys`` and ``note`` (empty for a record's field).

    >>> import sei_policy as sp

    >>> [r["to"] for r in sp.relations() if r["from"] == "action:new-materials"]
    ['requirement:key-industries', 'industry:new-materials']
    >>> [r["to"] for r in sp.relations(document="all") if r["relation"] == "implements"][:1]
    ['plan:sei-2010']
    """
    return relation_rows(_loader.select(document, "relations()")).rows


def _pandas(what: str) -> Any:
    try:
        import pandas
    except ImportError:
        raise MissingExtraError(what, "pandas", "pandas") from None
    return pandas


def frame(dataset: _loader.Dataset, found: Table, what: str = "to_frame()") -> Any:
    """A table as a pandas DataFrame, each column typed by its declaration (nullable dtypes)."""
    pandas = _pandas(what)
    data = pandas.DataFrame.from_records(list(found.rows), columns=[c.name for c in found.columns])
    for column in found.columns:
        data[column.name] = data[column.name].astype(_dtype(pandas, dataset, column))
    return data


def _dtype(pandas: Any, dataset: _loader.Dataset, column: Column) -> Any:
    """``Int64`` for integers, ``Float64`` for numbers, ``category`` for the kind and the statuses, else ``string``."""
    if column.type is ValueType.INTEGER:
        return "Int64"
    if column.type is ValueType.NUMBER:
        return "Float64"
    if column.type is ValueType.CHOICE and not column.choices:  # the kind: every kind, in a fixed order
        return pandas.CategoricalDtype(list(dataset.kinds))
    if column.type is ValueType.CHOICE and set(column.choices) <= set(Status):  # every status, in a fixed order
        return pandas.CategoricalDtype([str(s) for s in Status])
    return "string"


def to_frame(kind: Kind | str | type[Any] | None = None, *, document: DocumentArgument = None) -> pd.DataFrame:
    """The rows of :func:`to_records` as a pandas DataFrame, with nullable dtypes from the declared columns.

    Integer columns are ``Int64`` (even where every value is empty, as the plan's
    ``number``), numbers ``Float64``, ``kind`` and the status columns ``category`` (with
    every kind, or every status, as categories, in a fixed order), everything else
    pandas' nullable ``string``. pandas is an optional extra, imported only here.
    ``document=`` is as for :func:`to_records`.

    Raises:
        MissingExtraError: pandas is not installed (an ``ImportError`` naming the extra).

    >>> import sei_policy as sp
    >>> frame = sp.to_frame("target")
    >>> frame.shape[0], str(frame["number"].dtype), str(frame["year"].dtype), str(frame["kind"].dtype)
    (3, 'Int64', 'Int64', 'category')
    """
    dataset = _loader.select(document, "to_frame()")
    typed: pd.DataFrame = frame(dataset, table(dataset, kind, "to_frame()"))
    return typed


def relations_frame() -> pd.DataFrame:
    """The rows of :func:`relations` as a pandas DataFrame (``position`` as ``Int64``)."""
    dataset = _loader.load()
    typed: pd.DataFrame = frame(dataset, relation_rows(dataset), "relations_frame()")
    return typed
