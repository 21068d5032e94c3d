"""Whole-dataset checks that no type annotation can express.

:func:`check` returns one line per problem, each ending in ``@ <file>.<JSON path>``,
so that a broken or tampered data file is refused with a precise reason.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from sei_policy import ids
from sei_policy.models import (
    KINDS,
    UNITS,
    Agency,
    Classification,
    Column,
    Kind,
    LineageData,
    Plan,
    Record,
    Status,
    Terms,
    claim_path,
)

__all__ = ("check", "check_lineage")

PLAN_ID = "plan:sei-2020"
CLASSIFICATION_ID = "nbs-2018"

SOURCE_KEY = re.compile(r"S[0-9]+[a-z]?|seed")
ABBREVIATION = re.compile(r"[A-Z]+")

# The 2020 plan's count of each kind (None: at least MIN_AGENCIES); the collection,
# notation letter and class of each kind come from models.KINDS.
COUNTS: dict[Kind, int | None] = {
    Kind.PRIORITY: 6,
    Kind.GUARANTEE: 6,
    Kind.OBJECTIVE: 8,
    Kind.REQUIREMENT: 4,
    Kind.ACTION: 20,
    Kind.INDUSTRY: 8,
    Kind.TARGET: 3,
    Kind.AGENCY: None,
}
MIN_AGENCIES = 4
CITED = frozenset({Status.VERIFIED, Status.SEED, Status.REPORTED})
"""Statuses that rest on a source and so must name it."""
NBS_CATEGORIES = 9


def check(documents: Sequence[tuple[str, Plan | Classification]]) -> list[str]:
    """Every problem of the structured documents (each with its file name), as ``message @ path`` lines.

    The shipped data has one plan and one classification; each is checked
    against the other, and relations must resolve within them.
    """
    problems: list[str] = []
    plans = [(name, d) for name, d in documents if isinstance(d, Plan)]
    classifications = [(name, d) for name, d in documents if isinstance(d, Classification)]
    for plan_file, plan in plans:
        for classification_file, classification in classifications:
            problems += _Checker(plan, classification, plan_file, classification_file).run()
    return problems


class _Checker:
    def __init__(self, plan: Plan, classification: Classification, plan_file: str, classification_file: str) -> None:
        self.plan = plan
        self.classification = classification
        self.pf = plan_file
        self.cf = classification_file
        self.sources = {s.key for s in plan.sources}
        self.ids: dict[str, Record] = {r.id: r for r in (*plan.records, *classification.categories)}

    def run(self) -> Iterator[str]:
        yield from self._documents()
        yield from self._sources()
        seen_ids: dict[str, str] = {PLAN_ID: f"{self.pf}.id"}
        seen_notations: dict[str, str] = {}
        for kind, count in COUNTS.items():
            name, letter = KINDS[kind].collection, KINDS[kind].letter
            records: tuple[Record, ...] = getattr(self.plan, name)
            yield from self._count(records, count, f"{self.pf}.{name}")
            for i, record in enumerate(records):
                path = f"{self.pf}.{name}[{i}]"
                notation = f"{letter}{i + 1}" if letter else None
                yield from self._record(record, kind, i, notation, path, seen_ids, seen_notations)
        categories = self.classification.categories
        yield from self._count(categories, NBS_CATEGORIES, f"{self.cf}.categories")
        for i, category in enumerate(categories):
            path = f"{self.cf}.categories[{i}]"
            yield from self._record(category, Kind.NBS_2018, i, f"NBS-{i + 1}", path, seen_ids, seen_notations)
        yield from self._relations()
        yield from self._retired(seen_ids)

    # -- the documents ---------------------------------------------------

    def _documents(self) -> Iterator[str]:
        plan, pf, cf = self.plan, self.pf, self.cf
        if plan.id != PLAN_ID:
            yield f"the plan's id must be {PLAN_ID!r}, not {plan.id!r} @ {pf}.id"
        if plan.kind is not Kind.PLAN:
            yield f"the plan's kind must be 'plan', not {plan.kind.value!r} @ {pf}.kind"
        if self.classification.id != CLASSIFICATION_ID:
            yield f"the classification's id must be {CLASSIFICATION_ID!r}, not {self.classification.id!r} @ {cf}.id"
        if self.classification.edition != plan.edition:
            yield f"edition {self.classification.edition!r} differs from the plan's {plan.edition!r} @ {cf}.edition"
        yield from self._provenance(plan, pf)
        for i, figure in enumerate(plan.figures):
            yield from self._cited(figure.source_keys, f"{pf}.figures[{i}].source_keys")
        yield from self._cited(self.classification.source_keys, f"{cf}.source_keys")

    def _sources(self) -> Iterator[str]:
        seen: set[str] = set()
        for i, source in enumerate(self.plan.sources):
            path = f"{self.pf}.sources[{i}]"
            if not SOURCE_KEY.fullmatch(source.key):
                yield f"malformed source key {source.key!r} (expected S<number> or 'seed') @ {path}.key"
            if source.key in seen:
                yield f"duplicate source key {source.key!r} @ {path}.key"
            seen.add(source.key)
            if source.address is not None and not source.address.startswith(("https://", "http://")):
                yield f"a source address must be an http(s) URL, not {source.address!r} @ {path}.address"

    def _cited(self, keys: tuple[str, ...], path: str) -> Iterator[str]:
        for j, key in enumerate(keys):
            if key not in self.sources:
                yield f"not a registered source: {key!r} @ {path}[{j}]"
            if key in keys[:j]:
                yield f"source {key!r} is cited twice @ {path}[{j}]"

    # -- each record -----------------------------------------------------

    def _count(self, records: tuple[Record, ...], count: int | None, path: str) -> Iterator[str]:
        if count is None:
            if len(records) < MIN_AGENCIES:
                yield f"expected at least {MIN_AGENCIES} records, found {len(records)} @ {path}"
        elif len(records) != count:
            yield f"expected {count} records, found {len(records)} @ {path}"

    def _record(
        self,
        record: Record,
        kind: Kind,
        index: int,
        notation: str | None,
        path: str,
        seen_ids: dict[str, str],
        seen_notations: dict[str, str],
    ) -> Iterator[str]:
        if not ids.is_identifier(record.id) or ids.parse(record.id)[:2] != (None, kind.value):
            yield f"not {'an' if kind.value[0] in 'aeiou' else 'a'} {kind.value} id: {record.id!r} @ {path}.id"
        if record.id in seen_ids:
            yield f"duplicate identifier {record.id!r} (first at {seen_ids[record.id]}) @ {path}.id"
        seen_ids.setdefault(record.id, f"{path}.id")
        if record.kind is not kind:
            yield f"expected kind {kind.value!r}, found {record.kind.value!r} @ {path}.kind"
        if record.number != index + 1:
            yield f"expected number {index + 1} (document order), found {record.number} @ {path}.number"
        if notation is not None and record.notation != notation:
            yield f"expected notation {notation!r}, found {record.notation!r} @ {path}.notation"
        if notation is None and not ABBREVIATION.fullmatch(record.notation):
            yield f"an agency's notation is its upper-case abbreviation, not {record.notation!r} @ {path}.notation"
        if record.notation in seen_notations:
            first = seen_notations[record.notation]
            yield f"duplicate notation {record.notation!r} (first at {first}) @ {path}.notation"
        seen_notations.setdefault(record.notation, f"{path}.notation")
        if record.title.en is None and record.title.zh is None:
            yield f"a record needs a title in at least one language @ {path}.title"
        for field, text in record.texts:
            if not text.strip() or text != text.strip():
                yield f"empty text or stray white space: {text!r} @ {path}.{field}"
        yield from self._provenance(record, path)

    def _provenance(self, record: Record | Plan | Classification, path: str) -> Iterator[str]:
        provenance = record.provenance
        if provenance is None:  # pragma: no cover - callers check a classification's first
            return
        if provenance.status is Status.UNVERIFIED:
            yield f"an unverified record must not be shipped @ {path}.provenance.status"
        yield from self._cited(provenance.source_keys, f"{path}.provenance.source_keys")
        if not provenance.source_keys:
            yield f"a record must cite at least one source @ {path}.provenance.source_keys"
        claimed: set[str] = set()
        for i, claim in enumerate(provenance.fields):
            claim_path = f"{path}.provenance.fields[{i}]"
            yield from self._cited(claim.source_keys, f"{claim_path}.source_keys")
            if not claim.source_keys and claim.status in CITED:
                yield f"a {claim.status.value} claim must cite its sources @ {claim_path}.source_keys"
            if not claim.source_keys and not claim.note:
                yield f"a claim without sources needs a note saying where it comes from @ {claim_path}.note"
            if claim.field in claimed:
                yield f"a second claim about {claim.field!r} @ {claim_path}.field"
            claimed.add(claim.field)
            try:
                value = _field_value(record, claim.field)
            except LookupError:
                yield f"no such field of {type(record).__name__}: {claim.field!r} @ {claim_path}.field"
                continue
            if claim.status is Status.UNVERIFIED and not _is_empty(value):
                yield f"an unverified value must be shipped empty (null), found {value!r} @ {path}.{claim.field}"
        for field in ("title.en", "title.zh", "summary"):
            if _field_value(record, field) is None and provenance.status_of(field) is not Status.UNVERIFIED:
                yield f"an empty {field} needs an 'unverified' claim saying why @ {path}.provenance.fields"

    # -- relations -------------------------------------------------------

    def _relations(self) -> Iterator[str]:
        """Every relation the registry declares resolves to a record of its kind, and points back where declared."""
        holders: list[tuple[Record | Plan, str]] = [(self.plan, self.pf)]
        for spec in KINDS.values():
            if spec.document is Plan:
                records: tuple[Record, ...] = getattr(self.plan, spec.collection)
                holders += [(r, f"{self.pf}.{spec.collection}[{i}]") for i, r in enumerate(records)]
        for record, path in holders:
            for column in KINDS[record.kind].relations:
                value = column.value(record)
                items = value if isinstance(value, tuple) else () if value is None else (value,)
                for j, identifier in enumerate(items):
                    where = f"{path}.{column.name}" + (f"[{j}]" if isinstance(value, tuple) else "")
                    yield from self._link(record, identifier, column, where)
        listed = [a for r in self.plan.requirements for a in r.action_ids]
        if listed != [a.id for a in self.plan.actions]:
            yield f"the requirements must list every action once, in document order @ {self.pf}.requirements"
        for i, industry in enumerate(self.plan.industries):
            if (industry.nbs_2018_id is None) != (industry.nbs_2018_match is None):
                path = f"{self.pf}.industries[{i}].nbs_2018_match"
                yield f"nbs_2018_id and nbs_2018_match are given together or not at all @ {path}"

    def _link(self, record: Record | Plan, identifier: str, column: Column, where: str) -> Iterator[str]:
        target = self.ids.get(identifier)
        if target is None or target.kind != column.target:
            label = KINDS[column.target or ""].label if column.target in KINDS else column.target
            yield f"dangling relation: {identifier!r} is not a known {label} @ {where}"
            return
        if column.inverse is None:
            return
        back = getattr(target, column.inverse)
        if record.id != back and not (isinstance(back, tuple) and record.id in back):
            yield f"{identifier!r} does not point back to {record.id!r} (its {column.inverse} is {back!r}) @ {where}"

    def _retired(self, live: dict[str, str]) -> Iterator[str]:
        for i, retired in enumerate(self.plan.retired):
            path = f"{self.pf}.retired[{i}]"
            if not ids.is_identifier(retired.id):
                yield f"malformed identifier {retired.id!r} @ {path}.id"
            if retired.id in live:
                yield f"a retired identifier must not be in use: {retired.id!r} @ {path}.id"
            if retired.replacement_id not in live:
                yield f"dangling relation: {retired.replacement_id!r} is not a live identifier @ {path}.replacement_id"


def _field_value(record: Record | Plan | Classification, field: str) -> Any:
    """The value a claim's field path names: ``summary``, ``title.zh``, ``aliases.en[1]``."""
    try:
        names, index = claim_path(field)
    except ValueError:
        raise LookupError(field) from None
    value: Any = record
    for name in names:
        if not attrs.has(type(value)) or name not in attrs.fields_dict(type(value)):
            raise LookupError(field)
        value = getattr(value, name)
    if index is not None:
        if not isinstance(value, tuple) or index >= len(value):
            raise LookupError(field)
        value = value[index]
    return value


def _is_empty(value: Any) -> bool:
    if isinstance(value, Terms):
        return not value.all
    return value is None or value == ()


# -- the lineage --------------------------------------------------------------------

LINEAGE_SOURCE_KEY = re.compile(r"L[0-9]+")
_DOCUMENT_ID = re.compile(r"plan:[a-z0-9]+(?:-[a-z0-9]+)*|nbs-[a-z0-9]+(?:-[a-z0-9]+)*")
_MATCHED_KINDS = frozenset({Kind.INDUSTRY, Kind.NBS_2018, Kind.NBS_INDUSTRIAL_2023})


def check_lineage(base: Any, data: LineageData, added: Sequence[Plan | Classification], name: str) -> list[str]:
    """Every problem of the lineage's file, checked with the base documents (``base``, a loaded dataset).

    ``added`` are the file's documents as the loader completes them (with their
    agencies and the source register).
    """
    return list(_LineageChecker(base, data, added, name).run())


class _LineageChecker(_Checker):
    def __init__(self, base: Any, data: LineageData, added: Sequence[Plan | Classification], name: str) -> None:
        self.base = base
        self.data = data
        self.added = tuple(added)
        self.pf = self.cf = name
        self.sources = {s.key for s in (*base.plan.sources, *data.sources)}
        agencies = (*base.plan.agencies, *base.classification.agencies, *data.agencies)
        self.documents: dict[str, Plan | Classification] = {d.id: d for d in (*base.documents, *self.added)}
        records = [r for d in self.documents.values() for r in d.members() if isinstance(r, Record)]
        self.ids = {r.id: r for r in (*records, *agencies)}

    def run(self) -> Iterator[str]:
        name = self.pf
        if self.data.edition != self.base.plan.edition:
            yield f"edition {self.data.edition!r} differs from the plan's {self.base.plan.edition!r} @ {name}.edition"
        yield from self._register()
        yield from self._chain()
        base = (*self.base.plan.agencies, *self.base.classification.agencies)
        seen_ids = {r.id: "the base files" for d in self.base.documents for r in (*d.members(), *base)}
        for i, agency in enumerate(self.data.agencies):
            yield from self._record(agency, Kind.AGENCY, i, None, f"{name}.agencies[{i}]", seen_ids, {})
        plans = [(f"{name}.plans[{i}]", d) for i, d in enumerate(self.data.plans)]
        classifications = [(f"{name}.classifications[{i}]", d) for i, d in enumerate(self.data.classifications)]
        documents: list[tuple[str, Plan | Classification]] = [*plans, *classifications]
        for path, document in documents:
            yield from self._document(document, path, seen_ids)
        for path, plan in plans:
            yield from self._plan_records(plan, path, seen_ids)
        for path, classification in classifications:
            yield from self._categories(classification, path, seen_ids)
        yield from self._links()

    def _register(self) -> Iterator[str]:
        seen: set[str] = {s.key for s in self.base.plan.sources}
        for i, source in enumerate(self.data.sources):
            path = f"{self.pf}.sources[{i}]"
            if not LINEAGE_SOURCE_KEY.fullmatch(source.key):
                yield f"malformed source key {source.key!r} (expected L<number>) @ {path}.key"
            if source.key in seen:
                yield f"duplicate source key {source.key!r} @ {path}.key"
            seen.add(source.key)
            if source.address is None or not source.address.startswith(("https://", "http://")):
                yield f"a lineage source needs an http(s) address readers can follow, not {source.address!r} @ {path}"

    def _chain(self) -> Iterator[str]:
        chain = self.data.chain
        path = f"{self.pf}.chain"
        for i, identifier in enumerate(chain):
            if identifier not in self.documents:
                yield f"not a document: {identifier!r} @ {path}[{i}]"
            if identifier in chain[:i]:
                yield f"{identifier!r} is listed twice @ {path}[{i}]"
        for identifier in self.documents:
            if identifier not in chain:
                yield f"the document {identifier!r} is missing from the chain @ {path}"
        dated = [(self.documents[i].dates, i) for i in chain if i in self.documents and self.documents[i].dates]
        for (before, first), (after, second) in itertools.pairwise(dated):
            if after[0] < before[0]:
                yield f"the chain must be in date order: {second!r} ({after[0]}) after {first!r} ({before[0]}) @ {path}"

    def _document(self, document: Plan | Classification, path: str, seen_ids: dict[str, str]) -> Iterator[str]:
        if not _DOCUMENT_ID.fullmatch(document.id) or document.id in seen_ids:
            yield f"not a new document identifier: {document.id!r} @ {path}.id"
        seen_ids.setdefault(document.id, f"{path}.id")
        if isinstance(document, Plan) and document.kind is not Kind.PLAN:
            yield f"a plan's kind must be 'plan', not {document.kind.value!r} @ {path}.kind"
        if document.title.zh is None:
            yield f"a document needs its Chinese title @ {path}.title.zh"
        for j, issuer in enumerate(document.issuer_ids):
            if not isinstance(self.ids.get(issuer), Agency):
                yield f"dangling relation: {issuer!r} is not a known agency @ {path}.issuer_ids[{j}]"
        if document.provenance is None:
            yield f"a lineage document needs its provenance @ {path}.provenance"
        else:
            yield from self._provenance(document, path)
        if isinstance(document, Plan):
            if (document.period_start is None) != (document.period_end is None) or (
                document.period_start is not None
                and document.period_end is not None
                and document.period_start > document.period_end
            ):
                yield f"a plan period needs its first and last year, in order @ {path}.period_start"
            for i, figure in enumerate(document.figures):
                yield from self._cited(figure.source_keys, f"{path}.figures[{i}].source_keys")
        if not document.dates and document.year is None:
            yield f"a document with no known date needs the year a source gives @ {path}.year"

    def _plan_records(self, plan: Plan, path: str, seen_ids: dict[str, str]) -> Iterator[str]:
        notations: dict[str, str] = {}
        for spec in KINDS.values():
            if spec.document is not Plan or spec.kind == Kind.AGENCY:
                continue
            records: tuple[Record, ...] = getattr(plan, spec.collection)
            for i, record in enumerate(records):
                where = f"{path}.{spec.collection}[{i}]"
                if ids.parse(record.id)[0] != plan.key:
                    yield f"a record of {plan.id} has the prefix {plan.key}/: {record.id!r} @ {where}.id"
                notation = f"{spec.letter}{i + 1}"
                yield from self._lineage_record(record, Kind(spec.kind), i, notation, where, seen_ids, notations)
                for column in spec.relations:
                    value = column.value(record)
                    items = value if isinstance(value, tuple) else () if value is None else (value,)
                    for identifier in items:
                        target = self.ids.get(identifier)
                        if target is None or target.kind != column.target or target.document_id != plan.id:
                            yield f"dangling relation: {identifier!r} is not a {column.target} of {plan.id} @ {where}"

    def _categories(self, classification: Classification, path: str, seen_ids: dict[str, str]) -> Iterator[str]:
        notations: dict[str, str] = {}
        for i, category in enumerate(classification.categories):
            where = f"{path}.categories[{i}]"
            if category.kind.value != classification.id:
                yield f"a category of {classification.id} has that kind, not {category.kind.value!r} @ {where}.kind"
                continue
            letter = KINDS[category.kind].letter
            yield from self._lineage_record(category, category.kind, i, f"{letter}{i + 1}", where, seen_ids, notations)

    def _lineage_record(
        self,
        record: Record,
        kind: Kind,
        index: int,
        notation: str,
        path: str,
        seen_ids: dict[str, str],
        notations: dict[str, str],
    ) -> Iterator[str]:
        """The base checks, with the identifier's prefix allowed."""
        for problem in self._record(record, kind, index, notation, path, seen_ids, notations):
            prefixed = problem.startswith(("not a ", "not an ")) and ids.is_identifier(record.id)
            if prefixed and ids.parse(record.id)[1] == kind.value:
                continue  # the base check wants no prefix; a lineage record has its document's
            yield problem

    def _links(self) -> Iterator[str]:
        name = self.pf
        implements: dict[str, set[str]] = {}
        for i, relation in enumerate(self.data.relations):
            path = f"{name}.relations[{i}]"
            for end in ("subject_id", "object_id"):
                if getattr(relation, end) not in self.documents:
                    yield f"dangling relation: {getattr(relation, end)!r} is not a document @ {path}.{end}"
            if relation.subject_id == relation.object_id:
                yield f"a document does not relate to itself @ {path}"
            yield from self._claimed(relation.status, relation.source_keys, relation.note, path)
            if relation.predicate.value == "implements":
                implements.setdefault(relation.subject_id, set()).add(relation.object_id)
        for start in implements:
            if start in _reachable(start, implements):
                yield f"{start!r} implements itself through a chain of relations @ {name}.relations"
        pairs: set[tuple[str, str]] = set()
        for i, link in enumerate(self.data.correspondences):
            path = f"{name}.correspondences[{i}]"
            ends = [self.ids.get(link.subject_id), self.ids.get(link.object_id)]
            for end, record in zip(("subject_id", "object_id"), ends, strict=True):
                if record is None or record.kind not in _MATCHED_KINDS:
                    yield f"dangling relation: {getattr(link, end)!r} is not an industry or field @ {path}.{end}"
            subject, target = ends
            if subject is not None and target is not None and subject.document_id == target.document_id:
                yield f"a correspondence links concepts of two documents @ {path}"
            if link.status is not Status.INFERRED:
                yield f"a correspondence is inferred (by name), not {link.status.value} @ {path}.status"
            pair = (link.subject_id, link.object_id)
            if pair in pairs or pair[::-1] in pairs:
                yield f"a second correspondence between {pair[0]!r} and {pair[1]!r} @ {path}"
            pairs.add(pair)
            yield from self._claimed(link.status, link.source_keys, link.note, path)
        for i, observation in enumerate(self.data.observations):
            path = f"{name}.observations[{i}]"
            if observation.unit not in UNITS:
                yield f"unknown unit {observation.unit!r} (expected one of {', '.join(UNITS)}) @ {path}.unit"
            yield from self._claimed(observation.status, observation.source_keys, observation.note, path)

    def _claimed(self, status: Status, keys: tuple[str, ...], note: str | None, path: str) -> Iterator[str]:
        yield from self._cited(keys, f"{path}.source_keys")
        if status is Status.UNVERIFIED:
            yield f"an unverified link must not be shipped @ {path}.status"
        if status in CITED and not keys:
            yield f"a {status.value} link must cite its sources @ {path}.source_keys"
        if not note:
            yield f"a link needs a note saying what it rests on @ {path}.note"


def _reachable(start: str, edges: dict[str, set[str]]) -> set[str]:
    """Every node reachable from ``start`` in one step or more."""
    seen: set[str] = set()
    todo = list(edges.get(start, ()))
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo += edges.get(node, ())
    return seen
