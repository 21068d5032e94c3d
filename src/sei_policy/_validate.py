"""Whole-dataset checks that no type annotation can express.

:func:`check` returns one line per problem, each ending in ``@ <file>.<JSON path>``,
so that a broken or tampered data file is refused with a precise reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs

from sei_policy import ids
from sei_policy.models import (
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

# list in the JSON -> (kind, notation letter, exact count or None for "at least MIN_AGENCIES")
GROUPS: dict[str, tuple[Kind, str, int | None]] = {
    "priorities": (Kind.PRIORITY, "P", 6),
    "guarantees": (Kind.GUARANTEE, "G", 6),
    "objectives": (Kind.OBJECTIVE, "O", 8),
    "requirements": (Kind.REQUIREMENT, "R", 4),
    "actions": (Kind.ACTION, "A", 20),
    "industries": (Kind.INDUSTRY, "I", 8),
    "targets": (Kind.TARGET, "T", 3),
    "agencies": (Kind.AGENCY, "", None),
}
MIN_AGENCIES = 4
CITED = frozenset({Status.VERIFIED, Status.SEED, Status.REPORTED})
"""Statuses that rest on a source and so must name it."""
NBS_CATEGORIES = 9


def check(plan: Plan, classification: Classification, plan_file: str, classification_file: str) -> list[str]:
    """Every problem of the structured data, as ``message @ path`` lines."""
    return list(_Checker(plan, classification, plan_file, classification_file).run())


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
        for name, (kind, letter, count) in GROUPS.items():
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
        for i, agency in enumerate(plan.issued_by):
            if not isinstance(self.ids.get(agency), Agency):
                yield f"not an agency id: {agency!r} @ {pf}.issued_by[{i}]"
        yield from self._provenance(plan, pf)
        for i, figure in enumerate(plan.figures):
            yield from self._cited(figure.sources, f"{pf}.figures[{i}].sources")
        yield from self._cited(self.classification.sources, f"{cf}.sources")

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
        for field, text in _texts(record):
            if not text.strip() or text != text.strip():
                yield f"empty text or stray white space: {text!r} @ {path}.{field}"
        yield from self._provenance(record, path)

    def _provenance(self, record: Record | Plan, path: str) -> Iterator[str]:
        provenance = record.provenance
        if provenance.status is Status.UNVERIFIED:
            yield f"an unverified record must not be shipped @ {path}.provenance.status"
        yield from self._cited(provenance.sources, f"{path}.provenance.sources")
        if not provenance.sources:
            yield f"a record must cite at least one source @ {path}.provenance.sources"
        claimed: set[str] = set()
        for i, claim in enumerate(provenance.fields):
            claim_path = f"{path}.provenance.fields[{i}]"
            yield from self._cited(claim.sources, f"{claim_path}.sources")
            if not claim.sources and claim.status in CITED:
                yield f"a {claim.status.value} claim must cite its sources @ {claim_path}.sources"
            if not claim.sources and not claim.note:
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
            for j, priority in enumerate(objective.priorities):
                yield from self._ref(priority, Priority, f"{path}.priorities[{j}]")
            for j, guarantee in enumerate(objective.guarantees):
                yield from self._ref(guarantee, Guarantee, f"{path}.guarantees[{j}]")

    def _requirement_links(self) -> Iterator[str]:
        listed: list[str] = []
        for i, requirement in enumerate(self.plan.requirements):
            for j, action_id in enumerate(requirement.actions):
                path = f"{self.pf}.requirements[{i}].actions[{j}]"
                yield from self._ref(action_id, Action, path)
                action = self.ids.get(action_id)
                if isinstance(action, Action) and action.requirement != requirement.id:
                    yield f"{action_id!r} belongs to {action.requirement!r}, not to {requirement.id!r} @ {path}"
                listed.append(action_id)
        if listed != [a.id for a in self.plan.actions]:
            yield f"the requirements must list every action once, in document order @ {self.pf}.requirements"

    def _action_links(self) -> Iterator[str]:
        for i, action in enumerate(self.plan.actions):
            path = f"{self.pf}.actions[{i}]"
            yield from self._ref(action.requirement, Requirement, f"{path}.requirement")
            yield from self._ref(action.industry, Industry, f"{path}.industry")
            industry = self.ids.get(action.industry or "")
            if isinstance(industry, Industry) and industry.action != action.id:
                yield f"{action.industry!r} points back to {industry.action!r}, not to {action.id!r} @ {path}.industry"
            for j, agency_id in enumerate(action.agencies or ()):
                yield from self._ref(agency_id, Agency, f"{path}.agencies[{j}]")
            for j, target_id in enumerate(action.targets):
                yield from self._ref(target_id, Target, f"{path}.targets[{j}]")
                target = self.ids.get(target_id)
                if isinstance(target, Target) and target.action != action.id:
                    yield f"{target_id!r} points back to {target.action!r}, not to {action.id!r} @ {path}.targets[{j}]"

    def _industry_links(self) -> Iterator[str]:
        for i, industry in enumerate(self.plan.industries):
            path = f"{self.pf}.industries[{i}]"
            yield from self._ref(industry.action, Action, f"{path}.action")
            action = self.ids.get(industry.action)
            if isinstance(action, Action) and action.industry != industry.id:
                yield f"{industry.action!r} points to {action.industry!r}, not back to {industry.id!r} @ {path}.action"
            yield from self._ref(industry.nbs_2018, NbsCategory, f"{path}.nbs_2018")
            if (industry.nbs_2018 is None) != (industry.nbs_2018_match is None):
                yield f"nbs_2018 and nbs_2018_match are given together or not at all @ {path}.nbs_2018_match"

    def _target_links(self) -> Iterator[str]:
        for i, target in enumerate(self.plan.targets):
            path = f"{self.pf}.targets[{i}]"
            yield from self._ref(target.action, Action, f"{path}.action")
            action = self.ids.get(target.action)
            if isinstance(action, Action) and target.id not in action.targets:
                yield f"{target.action!r} does not list {target.id!r} among its targets @ {path}.action"

    def _retired(self, live: dict[str, str]) -> Iterator[str]:
        for i, retired in enumerate(self.plan.retired):
            path = f"{self.pf}.retired[{i}]"
            if not ids.is_identifier(retired.id):
                yield f"malformed identifier {retired.id!r} @ {path}.id"
            if retired.id in live:
                yield f"a retired identifier must not be in use: {retired.id!r} @ {path}.id"
            if retired.replaced_by not in live:
                yield f"dangling relation: {retired.replaced_by!r} is not a live identifier @ {path}.replaced_by"


def _texts(record: Record) -> Iterator[tuple[str, str]]:
    for lang in ("en", "zh"):
        title = getattr(record.title, lang)
        if title is not None:
            yield f"title.{lang}", title
        for field in ("aliases", "keywords"):
            for j, term in enumerate(getattr(getattr(record, field), lang)):
                yield f"{field}.{lang}[{j}]", term
    if record.summary is not None:
        yield "summary", record.summary


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
