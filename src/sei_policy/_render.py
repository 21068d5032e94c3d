"""Showing the data to people: one renderer for plain text (the command line, IPython) and HTML (notebooks).

What a record shows is read from the registry of kinds (``dataset.kinds``): its
declared columns and relations, in the order of its class's fields, so a kind or
a field added to the registry shows here with no change to this module. Only the
fields every record has (titles, summary, terms) and the documents' own metadata
(the plan's number and dates, the classification's categories) have a layout of
their own.

Text: :func:`overview` (what ``sei-policy`` prints with no arguments),
:func:`show_lines` (``sei-policy show``), :func:`table` (``sei-policy list``) and
:func:`pretty` (IPython's ``_repr_pretty_``). HTML: :func:`html` (``_repr_html_``
of records, the plan, the classification and search results). :func:`width` is
the one measure of how wide text is on screen, :func:`article` the one "a" or
"an". Records, documents and search results import this module only when they
are shown.

The HTML is self-contained: no script, no external resource, one ``<style>``
block whose rules all sit under the ``.sei`` class, and colours that read on
light and dark themes alike (the text keeps the theme's colour; badges and
borders are semi-transparent). Every text from the data is escaped.

>>> import sei_policy as sp
>>> print(sp.overview().splitlines()[0])
关于扩大战略性新兴产业投资　培育壮大新增长点增长极的指导意见
"""

from __future__ import annotations

import datetime
import html as _html
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeGuard

import attrs

from sei_policy._loader import Dataset, load
from sei_policy.models import (
    Claim,
    Classification,
    Column,
    DocumentRelation,
    Kind,
    KindSpec,
    Plan,
    Provenance,
    Record,
    Status,
    Terms,
    Text,
    ValueType,
    columns_of,
)

if TYPE_CHECKING:
    from sei_policy._search import Hit, Hits

__all__ = (
    "EN_MISSING",
    "NONE",
    "NOT_VERIFIED",
    "ZH_MISSING",
    "article",
    "hit_line",
    "html",
    "number",
    "overview",
    "pretty",
    "row",
    "show_lines",
    "table",
    "width",
)

ZH_MISSING = "Chinese title not yet verified"
"""How every display marks a Chinese title (an official heading) that no registered source gives."""

EN_MISSING = "English title not yet verified"
"""How every display marks an English title that no registered source gives."""

NOT_VERIFIED = "— (not verified)"
"""How ``show`` writes a title or summary that no source supports (the field is ``None``)."""

NONE = "none"
"""How ``show`` writes an empty list, or a missing link to another record."""

_COMMON = frozenset(c.name for c in columns_of(Record))
"""The columns every record has; the others are the kind's own."""


class _Printer(Protocol):
    """What :func:`pretty` needs of IPython's ``RepresentationPrinter``."""

    def text(self, obj: str) -> None: ...  # pragma: no cover - a protocol

    def break_(self) -> None: ...  # pragma: no cover - a protocol


# -- small helpers shared by every door ---------------------------------------------------


def _day(day: datetime.date | None) -> str:
    """A date as ISO text, or what stands for a date no source gives."""
    return "(date not known)" if day is None else day.isoformat()


def article(word: str) -> str:
    """The indefinite article before ``word``: ``an`` before a vowel, else ``a``.

    >>> article("action"), article("industry"), article("target")
    ('an', 'an', 'a')
    """
    return "an" if word[:1].lower() in "aeiou" else "a"


def width(text: str, encoding: str | None = None) -> int:
    """How many columns ``text`` takes on screen: East Asian wide characters two, combining marks none.

    Of several lines, the widest counts. With ``encoding``, a character that the
    encoding cannot write takes the width of the escape written instead (as a
    terminal shows ``\\u65b0`` for 新 under ``PYTHONIOENCODING=ascii``).

    >>> width("新材料"), width("A4"), width("新", "ascii"), width("a\\n新材料")
    (6, 2, 6, 6)
    """
    return max((_line_width(line, encoding) for line in text.split("\n")), default=0)


def _line_width(line: str, encoding: str | None) -> int:
    total = 0
    for char in line:
        if encoding is not None and not _encodable(char, encoding):
            total += len(char.encode(encoding, "backslashreplace"))
        elif unicodedata.combining(char):
            continue
        else:
            total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def _encodable(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def number(value: float) -> str:
    """A number as the text displays write it: a whole float without its ``.0``.

    >>> number(20.0), number(10.5), number(100)
    ('20', '10.5', '100')
    """
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _dataset(dataset: Dataset | None) -> Dataset:
    return load() if dataset is None else dataset


# -- what the registry says about a record --------------------------------------------------


def _attribute(column: Column) -> str:
    """The record's attribute that holds the column (``title`` for ``title_en``)."""
    return column.attribute or column.name


def _path(column: Column) -> str:
    """The column's field path, as provenance claims name it (``title.en``, ``agency_ids``)."""
    return f"{_attribute(column)}.{column.lang}" if column.lang else _attribute(column)


def _declared(record: Record | Plan, kinds: Mapping[str, KindSpec]) -> dict[str, list[Column]]:
    """The record's declared columns and relations, by the attribute that holds them, each once."""
    spec = kinds.get(str(record.kind))
    columns = (*spec.columns, *spec.relations) if spec is not None else columns_of(type(record))
    by_attribute: dict[str, list[Column]] = {}
    for column in {c.name: c for c in columns}.values():
        by_attribute.setdefault(_attribute(column), []).append(column)
    return by_attribute


def _columns(record: Record | Plan, kinds: Mapping[str, KindSpec]) -> list[Column]:
    """The record's declared columns in the order of its class's fields."""
    declared = _declared(record, kinds)
    return [c for a in attrs.fields(type(record)) for c in declared.get(a.name, ())]


def _own(record: Record, kinds: Mapping[str, KindSpec]) -> list[Column]:
    """The columns of the record's kind beyond those every record has (relations included)."""
    return [c for c in _columns(record, kinds) if c.name not in _COMMON]


def _empty(record: Record | Plan, column: Column) -> str:
    """How a missing value reads: not known, with the reason, where no source supports a value; else none.

    A relation with no record to link to is ``none``; any other field the source
    leaves empty (a target's year) is ``none stated``.
    """
    provenance = record.provenance
    path = _path(column)
    if provenance.status_of(path) is Status.UNVERIFIED:
        claim = provenance.claim(path)
        return "not known" + (f" ({claim.note})" if claim is not None and claim.note else "")
    return NONE if column.type.is_relation else "none stated"


def _numbers(record: Record, kinds: Mapping[str, KindSpec]) -> list[tuple[Column, object]]:
    """The record's own numeric values (a target's value): what a link to the record shows beside its titles."""
    own = (c for c in _own(record, kinds) if c.type in (ValueType.INTEGER, ValueType.NUMBER))
    return [(c, value) for c in own if (value := c.value(record)) is not None]


def _records(dataset: Dataset) -> dict[str, Record | Plan]:
    """Every record of the dataset by identifier, walking the kinds' collections."""
    found: dict[str, Record | Plan] = {}
    for spec in dataset.kinds.values():
        for document in dataset.documents:
            if spec.document is None and isinstance(document, spec.cls):
                found[document.id] = document
            elif spec.document is not None and isinstance(document, spec.document):
                found.update((r.id, r) for r in getattr(document, spec.collection, ()))
    return found


# -- text: the overview ------------------------------------------------------------------------


def overview() -> str:
    """The plan at a glance, as text: its titles, number, issuers and dates, then each requirement with its actions.

    It is what ``sei-policy`` prints with no arguments. A Chinese title that no
    registered source gives is marked as not yet verified.

    >>> import sei_policy as sp
    >>> text = sp.overview()
    >>> "R1  Focus on key industrial areas  聚焦重点产业投资领域" in text, text.count("\\n  A")
    (True, 20)
    """
    return _overview(load().plan)


def _overview(plan: Plan) -> str:
    issuers = ", ".join(a.notation for a in plan.issuers())
    lines = [plan.title.zh or f"({ZH_MISSING})", plan.title.en or f"({EN_MISSING})"]
    lines.append(f"{plan.document_number or '(no document number)'} ({plan.document_number_en})")
    issued = f"Issued {_day(plan.issued)} by {issuers}"
    if plan.published is not None:
        issued += f"; made public {plan.published.isoformat()} ({plan.provenance.status_of('published')})"
    lines += [issued, f"Data edition {plan.edition}"]
    for requirement in plan.requirements:
        lines += ["", _line(requirement.notation, requirement.title)]
        lines += ["  " + _line(a.notation, a.title) for a in plan.actions_of(requirement)]
    return "\n".join(lines) + "\n"


def _line(notation: str, title: Text) -> str:
    return f"{notation:<4}{title.en or '—'}  {title.zh or f'({ZH_MISSING})'}"


# -- text: IPython ---------------------------------------------------------------------------------


def pretty(value: object, printer: _Printer, cycle: bool, dataset: Dataset | None = None) -> None:
    """Write ``value`` to an IPython pretty printer as readable multi-line text.

    A record gives its notation and identifier, its titles, summary, terms,
    its kind's own fields and relations, and its status, with ``[status]`` after
    each field that has a claim of its own; the plan gives :func:`overview`;
    search results give one line per hit. Anything else, or a value met again
    inside itself (``cycle``), is written as its ``repr``.

    Args:
        value: a record, the plan, the classification or search results.
        printer: IPython's pretty printer (``text()`` and ``break_()`` are used).
        cycle: IPython's flag for a value already being printed.
        dataset: whose registry of kinds says what a record shows; the shipped data by default.

    >>> import sei_policy as sp
    >>> from IPython.lib.pretty import pretty as ipython_pretty
    >>> print(ipython_pretty(sp.plan().target("T2")))
    T2  target:competitive-clusters  (target)
    internationally competitive SEI clusters  [inferred]
    具备国际竞争力的战略性新兴产业集群
    A hundred SEI clusters able to compete internationally.
    value: 100
    unit: count  [inferred]
    qualifier: none stated
    year: none stated
    action_id: action:cluster-development-project
    status: verified; sources: S4
    >>> print(ipython_pretty(sp.search("光刻胶")))  # doctest: +ELLIPSIS
     1. ...A4     action:new-materials  Accelerate the new materials industry ...  (keywords.zh)
    """
    if cycle:
        printer.text(f"{type(value).__name__}(...)")
        return
    if _is_hits(value):
        lines = _hits_lines(value)
    elif is_lineage_document(value):
        lines = document_lines(value)
    elif isinstance(value, Plan):
        lines = _overview(value).splitlines()
    elif isinstance(value, Classification):
        lines = _classification_lines(value)
    elif isinstance(value, Record):
        lines = _record_lines(value, _dataset(dataset).kinds)
    else:
        lines = [repr(value)]
    for i, line in enumerate(lines):
        if i:
            printer.break_()
        printer.text(line)


def _claim(provenance: Provenance, field: str) -> Claim | None:
    """The claim about exactly ``field``, if it has one of its own."""
    return next((c for c in provenance.fields if c.field == field), None)


def _mark(provenance: Provenance, field: str) -> str:
    """`` [status]`` for a field with a claim of its own, else nothing."""
    claim = _claim(provenance, field)
    return "" if claim is None else f"  [{provenance.status_of(field)}]"


def _plain(record: Record, column: Column) -> str:
    value = column.value(record)
    if value is None:
        return _empty(record, column)
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value) if value else NONE
    return str(value)


def _record_lines(record: Record, kinds: Mapping[str, KindSpec]) -> list[str]:
    p = record.provenance
    lines = [f"{record.notation}  {record.id}  ({record.kind}){_mark(p, 'notation')}"]
    lines.append((record.title.en or f"({EN_MISSING})") + _mark(p, "title.en"))
    lines.append((record.title.zh or f"({ZH_MISSING})") + _mark(p, "title.zh"))
    lines.append((record.summary or "(no summary)") + _mark(p, "summary"))
    for column in _columns(record, kinds):
        if column.name in _COMMON and column.type is ValueType.LIST and column.lang:
            words = column.value(record)
            if isinstance(words, tuple) and words:
                joiner = "；" if column.lang == "zh" else "; "
                group = _attribute(column)
                marks = _mark(p, group) + _mark(p, _path(column))
                lines.append(f"{_path(column)}: {joiner.join(map(str, words))}{marks}")
    for column in _own(record, kinds):
        lines.append(f"{column.name}: {_plain(record, column)}{_mark(p, _path(column))}")
    lines.append(f"status: {p.status}; sources: {', '.join(p.all_source_keys) or 'none'}")
    return lines


# -- the lineage's documents ------------------------------------------------------------------------

_DATES = ("adopted", "issued", "published", "written")
"""The dates a document may have, in the order a card shows them (a classification has no ``issued``)."""


def is_lineage_document(value: object) -> TypeGuard[Plan | Classification]:
    """Whether ``value`` is a document shown as a document card: a plan without actions or another classification.

    >>> import sei_policy as sp
    >>> [is_lineage_document(d) for d in (sp.plan("sei-2010"), sp.plan(), sp.classification())]
    [True, False, False]
    """
    if isinstance(value, Plan):
        return not value.actions
    return isinstance(value, Classification) and value.id != load().classification.id


def links(document: Plan | Classification) -> list[tuple[str, str, DocumentRelation]]:
    """What the document does to other documents of the lineage and what they do to it, as the relations say.

    Each link is the predicate read from the document's side (``implements``, ``implemented by``), the
    other document's identifier and the relation; the document's own relations come first.

    >>> import sei_policy as sp
    >>> [(phrase, other) for phrase, other, _ in links(sp.plan("sei-2012"))][:1]
    [('implements', 'plan:sei-2010')]
    """
    from sei_policy._loader import lineage

    relations = lineage().relations
    found = [(r.predicate.value, r.object_id, r) for r in relations if r.subject_id == document.id]
    found += [(r.predicate.inverse, r.subject_id, r) for r in relations if r.object_id == document.id]
    return [(predicate.replace("_", " "), other, r) for predicate, other, r in found]


def _other_title(identifier: str) -> Text | None:
    from sei_policy._loader import lineage

    found = next((d for d in lineage().documents if d.id == identifier), None)
    return None if found is None else found.title


def _link_lines(document: Plan | Classification) -> list[str]:
    found = links(document)
    if not found:
        return ["lineage: none known"]
    lines = ["lineage:"]
    for phrase, other, relation in found:
        title = _other_title(other)
        name = "" if title is None else f"  {title.zh or title.en or ''}"
        lines.append(f"  {phrase} {other}{name}  [{relation.status}]")
    return lines


def document_lines(document: Plan | Classification) -> list[str]:
    """A document of the lineage as text: titles, number, dates, issuers, its links to other documents, its records.

    A value the data does not hold reads ``not known``.

    >>> import sei_policy as sp
    >>> lines = document_lines(sp.plan("sei-2012"))
    >>> lines[2:4]
    ['plan:sei-2012  (plan, 2012)', 'number: not known  [unverified] (guofa [2012] No.28)']
    >>> [line for line in lines if line.startswith("  implements")]
    ['  implements plan:sei-2010  国务院关于加快培育和发展战略性新兴产业的决定  [verified]']
    """
    p = document.provenance
    kind = "plan" if isinstance(document, Plan) else "classification"
    what = document.document_type.en if document.document_type is not None and document.document_type.en else kind
    year = document.dated_year if document.dated_year is not None else "year not known"
    lines = [
        (document.title.zh or f"({ZH_MISSING})") + _mark_of(p, "title.zh"),
        (document.title.en or f"({EN_MISSING})") + _mark_of(p, "title.en"),
        f"{document.id}  ({what}, {year})",
    ]
    number = (document.document_number or "not known") + _mark_of(p, "document_number")
    if document.document_number_en:
        number += f" ({document.document_number_en})"
    lines.append(f"number: {number}")
    for name in _DATES:
        if hasattr(document, name):
            lines.append(f"{name}: {_day_or_not_known(getattr(document, name))}{_mark_of(p, name)}")
    issuers = ", ".join(f"{a.notation} ({a.title.zh or a.title.en})" for a in document.issuers())
    lines.append(f"issuers: {issuers or 'not known'}{_mark_of(p, 'issuer_ids')}")
    lines += _link_lines(document)
    if isinstance(document, Plan):
        members = [r for r in document.records if r.kind is not Kind.AGENCY]
        lines += [_line(r.notation, r.title) for r in members]
    else:
        lines += _classification_lines(document)[1:]
    lines.append(_status_line(document))
    lines.append(f"Data edition {document.edition}")
    return lines


def _mark_of(provenance: Provenance | None, field: str) -> str:
    return "" if provenance is None else _mark(provenance, field)


def _status_line(document: Plan | Classification) -> str:
    """The document's status and sources (a classification without a provenance: its sources only)."""
    p = document.provenance
    if p is None:
        keys = document.source_keys if isinstance(document, Classification) else ()
        return f"status: not known; sources: {', '.join(keys) or 'none'}"
    return f"status: {p.status}; sources: {', '.join(p.all_source_keys) or 'none'}"


def _day_or_not_known(day: object) -> str:
    return day.isoformat() if isinstance(day, datetime.date) else "not known"


def _classification_lines(classification: Classification) -> list[str]:
    lines = [f"{classification.title.zh or classification.title.en}  ({classification.id}, {classification.edition})"]
    for c in classification.categories:
        lines.append(f"{c.notation:<7}{c.title.en or '—'}  {c.title.zh or f'({ZH_MISSING})'}")
    return lines


def _is_hits(value: object) -> TypeGuard[Hits[Record | Plan]]:
    """Whether ``value`` is search results; only a search makes them, so the search code need not load here."""
    search = sys.modules.get("sei_policy._search")
    return search is not None and isinstance(value, search.Hits)


def _hits_lines(hits: Hits[Record | Plan]) -> list[str]:
    if not hits:
        return ["no record matches"]
    lines = []
    for rank, hit in enumerate(hits, start=1):
        why = ", ".join(hit.matched)
        if hit.matched == ("thesaurus",):
            why = f"through the thesaurus: {hit.reason}" if hit.reason else "through the thesaurus"
        why += "".join(f"; read {wrong!r} as {right!r}" for wrong, right in hit.corrections)
        title = hit.record.title.en or hit.record.title.zh
        lines.append(f"{rank:>2}. {hit.score:<5g} {_notation(hit.record):<6} {hit.record.id}  {title}  ({why})")
    return lines


def _notation(record: Record | Plan) -> str:
    return record.notation if isinstance(record, Record) else "—"


# -- text: the command line ------------------------------------------------------------------------


def row(record: Record | Plan) -> tuple[str, str, str, str]:
    """A record's cells in ``sei-policy list``: notation, identifier, English title, Chinese title (``—`` if none).

    >>> import sei_policy as sp
    >>> row(sp.get("target:global-bases"))[:3]
    ('T1', 'target:global-bases', 'SEI bases with global influence')
    """
    return (_notation(record), record.id, record.title.en or "—", record.title.zh or "—")


def table(rows: Sequence[Sequence[str]], encoding: str | None = None, indent: str = "") -> list[str]:
    """Rows as lines of columns two spaces apart, padded to the widest cell as a terminal shows it.

    >>> for line in table([("A1", "新材料", "x"), ("A10", "ab", "y")]):
    ...     print(line)
    A1   新材料  x
    A10  ab      y
    """
    columns = max((len(cells) for cells in rows), default=1) - 1  # the last column is not padded
    widths = [max(width(cells[i], encoding) for cells in rows) for i in range(columns)]
    lines = []
    for cells in rows:
        padded = [cell + " " * (widths[i] - width(cell, encoding)) for i, cell in enumerate(cells[:columns])]
        lines.append(indent + "  ".join([*padded, cells[-1]]))
    return lines


def hit_line(hit: Hit[Record | Plan]) -> str:
    """One hit as ``sei-policy search`` prints it: score, notation, identifier, title, and whether by the thesaurus."""
    record = hit.record
    notation = record.notation if isinstance(record, Record) else ""
    via = "  (thesaurus)" if hit.matched == ("thesaurus",) else ""
    return f"{hit.score:7.2f}  {notation:<7}{record.id:<40}{record.title}{via}"


def show_lines(record: Record | Plan, encoding: str | None = None, dataset: Dataset | None = None) -> Iterator[str]:
    """Every field of ``record`` as text, in the order of its class, its provenance last.

    The fields are the columns and relations its kind declares in the registry
    (the plan adds its own metadata). Links to other records show the identifier
    and the titles of the record linked to (with its numbers, such as a target's
    value); the plan lists its records as a table, each with its notation,
    identifier and titles. A value no source supports reads ``not known`` with
    the reason the provenance gives.

    Args:
        record: a record or the plan.
        encoding: the encoding of the terminal, so that tables line up (``None``: written as is).
        dataset: whose registry and records to read; the shipped data by default.

    >>> import sei_policy as sp
    >>> for line in show_lines(sp.get("target:competitive-clusters")):  # doctest: +ELLIPSIS
    ...     if not line.startswith("  provenance") and not line.startswith("    "):
    ...         print(line)
    T2  target:competitive-clusters
      id: target:competitive-clusters
      kind: target
      notation: T2
      number: 2
      title.en: internationally competitive SEI clusters
      title.zh: 具备国际竞争力的战略性新兴产业集群
      aliases.en: none
      aliases.zh: none
      summary: A hundred SEI clusters able to compete internationally.
      keywords.en: none
      keywords.zh: none
      value: 100
      unit: count
      qualifier: none stated
      year: none stated
      action_id: action:cluster-development-project  Further ...  深入推进国家战略性新兴产业集群发展工程
    """
    data = _dataset(dataset)
    show = _Show(data.kinds, _records(data), encoding)
    yield record.id if isinstance(record, Plan) else f"{record.notation}  {record.id}"
    declared = _declared(record, data.kinds)
    for field in attrs.fields(type(record)):
        if not field.init or field.name == "provenance":
            continue
        columns = declared.get(field.name)
        if columns:
            for column in columns:
                yield from show.column(record, column, "  ")
        else:  # the plan's own metadata, which no flat table holds
            yield from show.field(field.name, getattr(record, field.name), "  ")
    yield from _provenance(record.provenance, "  ")


@attrs.frozen
class _Show:
    """What ``show`` needs while it writes one record: the registry, every record by identifier, the encoding."""

    kinds: Mapping[str, KindSpec]
    records: Mapping[str, Record | Plan]
    encoding: str | None

    def column(self, record: Record | Plan, column: Column, indent: str) -> Iterator[str]:
        """One declared column: a text in one language, terms, a link or several, or a value."""
        name, value = _path(column), column.value(record)
        if column.type is ValueType.LIST and isinstance(value, tuple):
            yield f"{indent}{name}: {'; '.join(map(str, value)) or NONE}"
        elif value is None:
            yield f"{indent}{name}: {NOT_VERIFIED if column.type is ValueType.TEXT else _empty(record, column)}"
        elif column.type is ValueType.ID:
            yield f"{indent}{name}: {self.related(str(value))}"
        elif column.type is ValueType.IDS and isinstance(value, tuple):
            if not value:
                yield f"{indent}{name}: {NONE}"
                return
            yield f"{indent}{name}:"
            yield from (f"{indent}  {self.related(str(v))}" for v in value)
        else:
            yield f"{indent}{name}: {_scalar(value)}"

    def field(self, name: str, value: object, indent: str) -> Iterator[str]:
        """A field no column declares: the plan's texts, dates, seed, figures, sources and collections."""
        if isinstance(value, Text):
            for lang in ("en", "zh"):
                yield f"{indent}{name}.{lang}: {getattr(value, lang) or NOT_VERIFIED}"
        elif isinstance(value, Terms):
            for lang in ("en", "zh"):
                yield f"{indent}{name}.{lang}: {'; '.join(getattr(value, lang)) or NONE}"
        elif isinstance(value, tuple):
            yield from self.many(name, value, indent)
        elif attrs.has(type(value)):  # the plan's seed
            yield f"{indent}{name}:"
            yield from _block(value, indent + "  ", "")
        else:
            yield f"{indent}{name}: {_scalar(value)}"

    def many(self, name: str, values: tuple[Any, ...], indent: str) -> Iterator[str]:
        """A list field: the plan's records as a table, register entries, or plain texts."""
        if not values:
            yield f"{indent}{name}: {NONE}"
            return
        yield f"{indent}{name}:"
        inner = indent + "  "
        if isinstance(values[0], Record):
            yield from table([row(r) for r in values], self.encoding, inner)
        elif attrs.has(type(values[0])):  # figures, sources, retired identifiers
            for value in values:
                yield from _block(value, inner, "- ")
        else:  # the plan's addressees
            yield from (f"{inner}- {_scalar(v)}" for v in values)

    def related(self, identifier: str) -> str:
        """A linked record: its identifier, its own numbers (a target's value), and its titles."""
        found = self.records.get(identifier)
        if found is None:  # pragma: no cover - validation guarantees every link resolves
            return identifier
        parts = [identifier]
        if isinstance(found, Record):
            parts += [f"{c.name}: {_scalar(v)}" for c, v in _numbers(found, self.kinds)]
        parts += [title for title in (found.title.en, found.title.zh) if title]
        return "  ".join(parts)


def _block(value: Any, indent: str, bullet: str) -> Iterator[str]:
    """An attrs value that is not a record (a source, a figure, the seed), one field a line."""
    for i, field in enumerate(attrs.fields(type(value))):
        lead = bullet if i == 0 else " " * len(bullet)
        yield f"{indent}{lead}{field.name}: {_scalar(getattr(value, field.name))}"


def _scalar(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, tuple):
        return ", ".join(map(str, value)) or NONE
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        return number(value)
    return str(value)


def _provenance(provenance: Provenance, indent: str) -> Iterator[str]:
    inner = indent + "  "
    yield f"{indent}provenance:"
    yield f"{inner}status: {provenance.status}"
    yield f"{inner}source_keys: {_scalar(provenance.source_keys)}"
    yield f"{inner}note: {_scalar(provenance.note)}"
    if not provenance.fields:
        yield f"{inner}fields: {NONE}"
        return
    yield f"{inner}fields:"
    for claim in provenance.fields:
        sources = f" [{', '.join(claim.source_keys)}]" if claim.source_keys else ""
        note = f" ({claim.note})" if claim.note else ""
        yield f"{inner}  {claim.field}: {claim.status}{sources}{note}"


# -- HTML ------------------------------------------------------------------------------

# Characters that are not allowed in markup (C0 and C1 controls but tab and line ends,
# lone surrogates, non-characters): each is shown as U+FFFD.
_NOT_MARKUP = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")

_STYLE = (
    "<style>"
    ".sei{line-height:1.45;max-width:64em;margin:.2em 0}"
    ".sei-card{border:1px solid rgba(127,127,127,.4);border-radius:6px;padding:.5em .9em}"
    ".sei .sei-head{display:flex;flex-wrap:wrap;gap:.5em;align-items:baseline}"
    ".sei code{font-size:.9em;background:rgba(127,127,127,.15);padding:0 .3em;border-radius:3px}"
    ".sei .sei-notation{font-weight:bold}"
    ".sei .sei-kind,.sei .sei-none,.sei .sei-small{opacity:.72}"
    ".sei .sei-small{font-size:.85em}"
    ".sei .sei-title{font-size:1.08em;font-weight:600;margin:.15em 0}"
    ".sei .sei-summary{margin:.35em 0}"
    ".sei .sei-badge{display:inline-block;font-size:.72em;font-weight:normal;line-height:1.5;padding:0 .5em;"
    "margin-left:.35em;border-radius:.8em;border:1px solid rgba(127,127,127,.45);vertical-align:middle}"
    ".sei .sei-verified{background:rgba(46,160,67,.22)}"
    ".sei .sei-seed{background:rgba(56,132,255,.22)}"
    ".sei .sei-reported{background:rgba(210,153,34,.25)}"
    ".sei .sei-inferred{background:rgba(163,113,247,.24)}"
    ".sei .sei-unverified{background:rgba(127,127,127,.18)}"
    ".sei .sei-thesaurus{background:rgba(210,153,34,.25)}"
    ".sei dl{display:grid;grid-template-columns:max-content auto;gap:.1em .9em;margin:.4em 0}"
    ".sei dt{opacity:.72}"
    ".sei dd{margin:0}"
    ".sei ul{list-style:none;padding-left:1.3em;margin:.15em 0}"
    ".sei-plan>ul{padding-left:0}"
    ".sei table{border-collapse:collapse}"
    ".sei th,.sei td{text-align:left;vertical-align:top;padding:.2em .55em;"
    "border-bottom:1px solid rgba(127,127,127,.3)}"
    ".sei td.sei-num{text-align:right}"
    ".sei details{margin-top:.2em}"
    ".sei summary{cursor:pointer}"
    "</style>"
)


def _e(text: object) -> str:
    """``text`` (any value, written with ``str``) escaped for HTML text and attribute values."""
    return _html.escape(_NOT_MARKUP.sub("\ufffd", str(text)))


def _not_known(what: str = "not known") -> str:
    return f'<span class="sei-none" lang="en">{_e(what)}</span>'


def _badge(text: str, note: str | None = None, *, colour: str | None = None) -> str:
    """A small rounded label, coloured by its text (a status) or by ``colour``; ``note`` is its tooltip."""
    tip = f' title="{_e(note)}"' if note else ""
    return f'<span class="sei-badge sei-{_e(colour or text)}"{tip}>{_e(text)}</span>'


def _claim_badge(provenance: Provenance, field: str) -> str:
    """The status badge of a field with a claim of its own (its sources and note as the tooltip), else nothing."""
    claim = _claim(provenance, field)
    if claim is None:
        return ""
    return _badge(str(provenance.status_of(field)), _claim_note(claim))


def _claim_note(claim: Claim) -> str:
    parts = [f"{claim.field}: {claim.status}"]
    if claim.source_keys:
        parts.append("sources " + ", ".join(claim.source_keys))
    if claim.note:
        parts.append(claim.note)
    return "; ".join(parts)


def _codes(ids: Iterable[str]) -> str:
    return " ".join(f"<code>{_e(i)}</code>" for i in ids)


def _zh(text: str | None) -> str:
    return f'<span lang="zh">{_e(text)}</span>' if text is not None else _not_known(ZH_MISSING)


def html(value: object, dataset: Dataset | None = None) -> str:
    """``value`` as compact, escaped HTML, as notebooks show it.

    A record (or an NBS 2018 field) becomes a bilingual card: its identifier,
    kind and notation, both titles, its summary, aliases and keywords, its
    relations as identifiers, a status badge for each field with a claim of its
    own, and its status and sources. The plan becomes an outline of its
    requirements and actions, the classification a list of its fields, and
    search results (:class:`~sei_policy.Hits`) a ranked table. Anything else is
    shown as its escaped ``repr``.

    A value the sources do not give is marked: a Chinese or English title as not
    yet verified, a relation no source supports as not known, with the reason
    the provenance gives (the responsible agencies of every action but A9).

    Args:
        value: a record, the plan, the classification, search results or anything else.
        dataset: whose registry of kinds says what a record shows; the shipped data by default.

    Returns:
        An HTML fragment: one ``<div class="sei …">`` (or a ``<pre>``), with no
        script and no external resource.

    >>> import sei_policy as sp
    >>> card = html(sp.plan().action("A4"))
    >>> card.startswith('<div class="sei sei-card sei-action" lang="en">')
    True
    >>> '<span lang="zh">加快新材料产业强弱项</span>' in card, "<code>requirement:key-industries</code>" in card
    (True, True)
    >>> html(sp.search("xyzzy plover")).count("no record matches")
    1
    >>> html({"a": "<b>"})
    '<pre class="sei-repr">{&#x27;a&#x27;: &#x27;&lt;b&gt;&#x27;}</pre>'
    """
    if _is_hits(value):
        return _hits_html(value)
    if is_lineage_document(value):
        return _document_html(value)
    if isinstance(value, Plan):
        return _plan_html(value)
    if isinstance(value, Classification):
        return _classification_html(value)
    if isinstance(value, Record):
        return _record_html(value, _dataset(dataset).kinds)
    return f'<pre class="sei-repr">{_e(repr(value))}</pre>'


def _head(*parts: str) -> str:
    return '<div class="sei-head">' + "".join(parts) + "</div>"


def _titles(record: Record | Plan | Classification, provenance: Provenance | None) -> str:
    """The English title, then the Chinese one in an element of its own (``lang="zh"``), each with its badge."""
    en, zh = record.title.en, record.title.zh
    en_badge = _claim_badge(provenance, "title.en") if provenance else ""
    zh_badge = _claim_badge(provenance, "title.zh") if provenance else ""
    en_html = _e(en) if en is not None else _not_known(EN_MISSING)
    return f'<div class="sei-title">{en_html}{en_badge}</div><div class="sei-title">{_zh(zh)}{zh_badge}</div>'


def _terms_html(record: Record, group: str) -> str:
    """The ``aliases`` or ``keywords`` row: the English terms, then the Chinese, with their claims' badges."""
    p = record.provenance
    terms = getattr(record, group)
    parts = []
    for lang in ("en", "zh"):
        words: tuple[str, ...] = getattr(terms, lang)
        badge = _claim_badge(p, f"{group}.{lang}")
        if not words and not badge:
            continue
        shown = [f"{_e(w)}{_claim_badge(p, f'{group}.{lang}[{i}]')}" for i, w in enumerate(words)]
        joined = ("; " if lang == "en" else "；").join(shown) if shown else _not_known("none")
        lang_attr = ' lang="zh"' if lang == "zh" and shown else ""
        parts.append(f"<div{lang_attr}>{joined}{badge}</div>")
    badge = _claim_badge(p, group)
    if not parts and not badge:
        return ""
    return f"<dt>{group}</dt><dd>{''.join(parts) or _not_known('none')}{badge}</dd>"


def _field_html(record: Record, column: Column) -> str:
    """A column of the kind's own: links as identifiers, numbers in bold, a missing value as its reason."""
    value = column.value(record)
    if value is None:
        return _not_known(_empty(record, column))
    if isinstance(value, tuple):
        return _codes(map(str, value)) if value else _not_known("none")
    if column.type is ValueType.ID:
        return f"<code>{_e(value)}</code>"
    if column.type in (ValueType.INTEGER, ValueType.NUMBER):
        return f"<strong>{_e(value)}</strong>"
    return _e(value)


def _provenance_html(provenance: Provenance) -> str:
    """The record's status and sources, then its note and every claim, folded away."""
    sources = _codes(provenance.all_source_keys) or _not_known("none")
    line = f'<div class="sei-small">status {_badge(str(provenance.status))} · sources {sources}</div>'
    items = [f"<li>{_e(provenance.note)}</li>"] if provenance.note else []
    for claim in provenance.fields:
        keys = f" {_codes(claim.source_keys)}" if claim.source_keys else ""
        note = f" {_e(claim.note)}" if claim.note else ""
        items.append(f"<li><code>{_e(claim.field)}</code>{_badge(str(claim.status))}{keys}{note}</li>")
    if not items:
        return line
    count = len(provenance.fields)
    label = f"provenance: {count} field{'' if count == 1 else 's'} with claims of their own" if count else "note"
    return f'{line}<details class="sei-small"><summary>{label}</summary><ul>{"".join(items)}</ul></details>'


def _record_html(record: Record, kinds: Mapping[str, KindSpec]) -> str:
    p = record.provenance
    head = _head(
        f'<span class="sei-notation">{_e(record.notation)}</span>{_claim_badge(p, "notation")}',
        f'<code class="sei-id">{_e(record.id)}</code>',
        f'<span class="sei-kind">{_e(record.kind)} {_e(record.number)}</span>{_claim_badge(p, "number")}',
    )
    if record.summary is not None:
        summary = f'<p class="sei-summary">{_e(record.summary)}{_claim_badge(p, "summary")}</p>'
    else:
        summary = f'<p class="sei-summary">{_not_known("no summary")}{_claim_badge(p, "summary")}</p>'
    columns = _columns(record, kinds)
    groups = dict.fromkeys(_attribute(c) for c in columns if c.name in _COMMON and c.type is ValueType.LIST)
    rows = [_terms_html(record, group) for group in groups]
    for column in _own(record, kinds):
        name = _path(column)
        rows.append(
            f'<dt title="{_e(column.title)}">{_e(column.name)}</dt>'
            f"<dd>{_field_html(record, column)}{_claim_badge(p, name)}</dd>"
        )
    fields = f"<dl>{''.join(rows)}</dl>" if any(rows) else ""
    return (
        f'<div class="sei sei-card sei-{_e(record.kind)}" lang="en">{_STYLE}{head}{_titles(record, p)}'
        f"{summary}{fields}{_provenance_html(p)}</div>"
    )


def _outline_item(notation: str, en: str | None, zh: str | None) -> str:
    en_html = _e(en) if en is not None else _not_known(EN_MISSING)
    zh_html = f' <span lang="zh">{_e(zh)}</span>' if zh is not None else f" {_not_known(ZH_MISSING)}"
    return f'<span class="sei-notation">{_e(notation)}</span> {en_html}{zh_html}'


def _plan_html(plan: Plan) -> str:
    p = plan.provenance
    head = _head(
        f'<code class="sei-id">{_e(plan.id)}</code>',
        f'<span class="sei-kind">{_e(plan.kind)}</span>',
        f'<span class="sei-small">data edition {_e(plan.edition)}</span>',
    )
    number = f'<span lang="zh">{_e(plan.document_number)}</span>{_claim_badge(p, "document_number")}'
    if plan.document_number_en:
        number += f" ({_e(plan.document_number_en)}){_claim_badge(p, 'document_number_en')}"
    issuers = ", ".join(f'<span title="{_e(a.title.en or a.title.zh)}">{_e(a.notation)}</span>' for a in plan.issuers())
    dates = [f"issued {_e(_day(plan.issued))}{_claim_badge(p, 'issued')} by {issuers}"]
    for name, label in (("published", "made public"), ("written", "written")):
        day = getattr(plan, name)
        dates.append(f"{label} {_e(day.isoformat()) if day else _not_known()}{_claim_badge(p, name)}")
    items = []
    for requirement in plan.requirements:
        actions = "".join(
            f"<li>{_outline_item(a.notation, a.title.en, a.title.zh)}</li>" for a in plan.actions_of(requirement)
        )
        item = _outline_item(requirement.notation, requirement.title.en, requirement.title.zh)
        items.append(f"<li>{item}<ul>{actions}</ul></li>")
    summary = f'<p class="sei-summary">{_e(plan.summary)}</p>' if plan.summary else ""
    return (
        f'<div class="sei sei-card sei-plan" lang="en">{_STYLE}{head}{_titles(plan, p)}'
        f"<div>{number}</div><div>{'; '.join(dates)}</div>{_links_html(plan)}{summary}"
        f"<ul>{''.join(items)}</ul>{_provenance_html(p)}</div>"
    )


def _links_html(document: Plan | Classification) -> str:
    """The document's links to other documents of the lineage, each with its status (the note as its tooltip)."""
    items = []
    for phrase, other, relation in links(document):
        title = _other_title(other)
        name = "" if title is None else f" {_zh(title.zh)}" if title.zh else f" {_e(title.en or '')}"
        note = "; ".join([f"sources {', '.join(relation.source_keys)}", *([relation.note] if relation.note else [])])
        badge = _badge(str(relation.status), note)
        items.append(f"<li>{_e(phrase)} <code>{_e(other)}</code>{name}{badge}</li>")
    if not items:
        return f'<div class="sei-links">lineage: {_not_known("none known")}</div>'
    return f'<div class="sei-links">lineage<ul>{"".join(items)}</ul></div>'


def _document_html(document: Plan | Classification) -> str:
    """A document of the lineage as a card: number, dates, issuers, links to other documents, records, provenance."""
    p = document.provenance
    kind = "plan" if isinstance(document, Plan) else "classification"
    what = document.document_type.en if document.document_type is not None and document.document_type.en else kind
    year = _e(document.dated_year) if document.dated_year is not None else _not_known("year not known")
    head = _head(
        f'<code class="sei-id">{_e(document.id)}</code>',
        f'<span class="sei-kind">{_e(what)}</span>',
        f'<span class="sei-small">{year} · data edition {_e(document.edition)}</span>',
    )
    if document.document_number:
        number = f'<span lang="zh">{_e(document.document_number)}</span>'
    else:
        number = _not_known("number not known")
    number += _badge_of(p, "document_number")
    if document.document_number_en:
        number += f" ({_e(document.document_number_en)}){_badge_of(p, 'document_number_en')}"
    dates = []
    for name in _DATES:
        if hasattr(document, name):
            day = getattr(document, name)
            shown = _e(day.isoformat()) if isinstance(day, datetime.date) else _not_known()
            dates.append(f"{name} {shown}{_badge_of(p, name)}")
    issuers = ", ".join(
        f'<span title="{_e(a.title.en or a.title.zh)}">{_e(a.notation)}</span>' for a in document.issuers()
    )
    by = f"issued by {issuers or _not_known()}{_badge_of(p, 'issuer_ids')}"
    summary = f'<p class="sei-summary">{_e(document.summary)}</p>' if document.summary else ""
    if isinstance(document, Plan):
        members = [r for r in document.records if r.kind is not Kind.AGENCY]
        items = "".join(f"<li>{_outline_item(r.notation, r.title.en, r.title.zh)}</li>" for r in members)
    else:
        items = "".join(f"<li>{_outline_item(c.notation, c.title.en, c.title.zh)}</li>" for c in document.categories)
    listing = f"<ul>{items}</ul>" if items else ""
    return (
        f'<div class="sei sei-card sei-document sei-{kind}" lang="en">{_STYLE}{head}{_titles(document, p)}'
        f"<div>{number}</div><div>{'; '.join(dates)}</div><div>{by}</div>{_links_html(document)}{summary}"
        f"{listing}{_document_provenance_html(document)}</div>"
    )


def _classification_html(classification: Classification) -> str:
    head = _head(
        f'<code class="sei-id">{_e(classification.id)}</code>',
        '<span class="sei-kind">classification</span>',
        f'<span class="sei-small">data edition {_e(classification.edition)}</span>',
    )
    dates = f"adopted {_e(_day(classification.adopted))}; published {_e(_day(classification.published))}"
    items = "".join(
        f'<li><span class="sei-notation">{_e(c.notation)}</span> <code>{_e(c.id)}</code> {_zh(c.title.zh)}'
        + (f" {_e(c.title.en)}" if c.title.en else "")
        + "</li>"
        for c in classification.categories
    )
    note = f'<details class="sei-small"><summary>note</summary>{_e(classification.note)}</details>'
    sources = f'<div class="sei-small">sources {_codes(classification.source_keys)}</div>'
    return (
        f'<div class="sei sei-card sei-classification" lang="en">{_STYLE}{head}{_titles(classification, None)}'
        f"<div>{dates}</div><ul>{items}</ul>{sources}{note if classification.note else ''}</div>"
    )


def _hit_row(rank: int, hit: Hit[Record | Plan]) -> str:
    record = hit.record
    title = _e(record.title.en) if record.title.en is not None else _not_known(EN_MISSING)
    if record.title.zh is not None:
        title += f'<div lang="zh">{_e(record.title.zh)}</div>'
    else:
        title += f"<div>{_not_known(ZH_MISSING)}</div>"
    thesaurus_only = hit.matched == ("thesaurus",)
    if thesaurus_only:
        why = _badge("thesaurus only", colour="thesaurus")
        if hit.reason:
            why += f'<div class="sei-small">{_e(hit.reason)}</div>'
    else:
        why = ", ".join(f"<code>{_e(m)}</code>" for m in hit.matched)
    why += "".join(
        f'<div class="sei-small">read “{_e(wrong)}” as “{_e(right)}”</div>' for wrong, right in hit.corrections
    )
    cls = ' class="sei-via-thesaurus"' if thesaurus_only else ""
    return (
        f'<tr{cls}><td class="sei-num">{rank}</td><td class="sei-num">{_e(f"{hit.score:g}")}</td>'
        f'<td class="sei-notation">{_e(_notation(record))}</td><td><code>{_e(record.id)}</code></td>'
        f"<td>{title}</td><td>{why}</td></tr>"
    )


def _hits_html(hits: Hits[Record | Plan]) -> str:
    if not hits:
        return f'<div class="sei sei-hits" lang="en">{_STYLE}<p class="sei-none">no record matches</p></div>'
    count = "1 record matches" if len(hits) == 1 else f"{len(hits)} records match, best first"
    rows = "".join(_hit_row(rank, hit) for rank, hit in enumerate(hits, start=1))
    return (
        f'<div class="sei sei-hits" lang="en">{_STYLE}<table><caption class="sei-small">{count}</caption>'
        "<thead><tr><th>#</th><th>score</th><th>notation</th><th>identifier</th><th>title</th>"
        f"<th>matched</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )


def _badge_of(provenance: Provenance | None, field: str) -> str:
    return "" if provenance is None else _claim_badge(provenance, field)


def _document_provenance_html(document: Plan | Classification) -> str:
    if document.provenance is not None:
        return _provenance_html(document.provenance)
    keys = document.source_keys if isinstance(document, Classification) else ()
    return f'<div class="sei-small">status {_not_known()} · sources {_codes(keys) or _not_known("none")}</div>'
