"""Whole-dataset checks that no type annotation can express.

:func:`check` returns one line per problem, each ending in ``@ <file>.<JSON path>``,
so that a broken or tampered data file is refused with a precise reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

import attrs

from sei_policy import ids
from sei_policy.models import (
    KINDS,
    Action,
    Agency,
    Classification,
    Guarantee,
    Industry,
    Kind,
    NbsCategory,
    Plan,
    Priority,
    Record,
    Requirement,
    Status,
    Target,
    Terms,
)

__all__ = ("check",)

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
        for i, agency in enumerate(plan.issuer_ids):
            if not isinstance(self.ids.get(agency), Agency):
                yield f"not an agency id: {agency!r} @ {pf}.issuer_ids[{i}]"
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

    def _provenance(self, record: Record | Plan, path: str) -> Iterator[str]:
        provenance = record.provenance
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

    def _ref(self, identifier: str | None, cls: type[Record], path: str) -> Iterator[str]:
        if identifier is not None and not isinstance(self.ids.get(identifier), cls):
            yield f"dangling relation: {identifier!r} is not a known {cls.__name__.lower()} @ {path}"

    def _relations(self) -> Iterator[str]:
        yield from self._objective_links()
        yield from self._requirement_links()
        yield from self._action_links()
        yield from self._industry_links()
        yield from self._target_links()

    def _objective_links(self) -> Iterator[str]:
        for i, objective in enumerate(self.plan.objectives):
            path = f"{self.pf}.objectives[{i}]"
            for j, priority in enumerate(objective.priority_ids):
                yield from self._ref(priority, Priority, f"{path}.priority_ids[{j}]")
            for j, guarantee in enumerate(objective.guarantee_ids):
                yield from self._ref(guarantee, Guarantee, f"{path}.guarantee_ids[{j}]")

    def _requirement_links(self) -> Iterator[str]:
        listed: list[str] = []
        for i, requirement in enumerate(self.plan.requirements):
            for j, action_id in enumerate(requirement.action_ids):
                path = f"{self.pf}.requirements[{i}].action_ids[{j}]"
                yield from self._ref(action_id, Action, path)
                action = self.ids.get(action_id)
                if isinstance(action, Action) and action.requirement_id != requirement.id:
                    yield f"{action_id!r} belongs to {action.requirement_id!r}, not to {requirement.id!r} @ {path}"
                listed.append(action_id)
        if listed != [a.id for a in self.plan.actions]:
            yield f"the requirements must list every action once, in document order @ {self.pf}.requirements"

    def _action_links(self) -> Iterator[str]:
        for i, action in enumerate(self.plan.actions):
            path = f"{self.pf}.actions[{i}]"
            yield from self._ref(action.requirement_id, Requirement, f"{path}.requirement_id")
            yield from self._ref(action.industry_id, Industry, f"{path}.industry_id")
            industry = self.ids.get(action.industry_id or "")
            if isinstance(industry, Industry) and industry.action_id != action.id:
                back = industry.action_id
                yield f"{action.industry_id!r} points back to {back!r}, not to {action.id!r} @ {path}.industry_id"
            for j, agency_id in enumerate(action.agency_ids or ()):
                yield from self._ref(agency_id, Agency, f"{path}.agency_ids[{j}]")
            for j, target_id in enumerate(action.target_ids):
                yield from self._ref(target_id, Target, f"{path}.target_ids[{j}]")
                target = self.ids.get(target_id)
                if isinstance(target, Target) and target.action_id != action.id:
                    back = target.action_id
                    yield f"{target_id!r} points back to {back!r}, not to {action.id!r} @ {path}.target_ids[{j}]"

    def _industry_links(self) -> Iterator[str]:
        for i, industry in enumerate(self.plan.industries):
            path = f"{self.pf}.industries[{i}]"
            yield from self._ref(industry.action_id, Action, f"{path}.action_id")
            action = self.ids.get(industry.action_id)
            if isinstance(action, Action) and action.industry_id != industry.id:
                back = action.industry_id
                yield f"{industry.action_id!r} points to {back!r}, not back to {industry.id!r} @ {path}.action_id"
            yield from self._ref(industry.nbs_2018_id, NbsCategory, f"{path}.nbs_2018_id")
            if (industry.nbs_2018_id is None) != (industry.nbs_2018_match is None):
                yield f"nbs_2018_id and nbs_2018_match are given together or not at all @ {path}.nbs_2018_match"

    def _target_links(self) -> Iterator[str]:
        for i, target in enumerate(self.plan.targets):
            path = f"{self.pf}.targets[{i}]"
            yield from self._ref(target.action_id, Action, f"{path}.action_id")
            action = self.ids.get(target.action_id)
            if isinstance(action, Action) and target.id not in action.target_ids:
                yield f"{target.action_id!r} does not list {target.id!r} among its targets @ {path}.action_id"

    def _retired(self, live: dict[str, str]) -> Iterator[str]:
        for i, retired in enumerate(self.plan.retired):
            path = f"{self.pf}.retired[{i}]"
            if not ids.is_identifier(retired.id):
                yield f"malformed identifier {retired.id!r} @ {path}.id"
            if retired.id in live:
                yield f"a retired identifier must not be in use: {retired.id!r} @ {path}.id"
            if retired.replacement_id not in live:
                yield f"dangling relation: {retired.replacement_id!r} is not a live identifier @ {path}.replacement_id"


_FIELD = re.compile(r"([a-z_0-9]+(?:\.[a-z_0-9]+)*)(?:\[([0-9]+)\])?")


def _field_value(record: Record | Plan, field: str) -> Any:
    """The value a claim's field path names: ``summary``, ``title.zh``, ``aliases.en[1]``."""
    match = _FIELD.fullmatch(field)
    if match is None:
        raise LookupError(field)
    value: Any = record
    for name in match.group(1).split("."):
        if not attrs.has(type(value)) or name not in attrs.fields_dict(type(value)):
            raise LookupError(field)
        value = getattr(value, name)
    if match.group(2) is not None:
        if not isinstance(value, tuple) or int(match.group(2)) >= len(value):
            raise LookupError(field)
        value = value[int(match.group(2))]
    return value


def _is_empty(value: Any) -> bool:
    if isinstance(value, Terms):
        return not value.all
    return value is None or value == ()
