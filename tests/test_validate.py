"""Validation: every rule of the whole-dataset checks, one table row per way to break the data."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import sei_policy as sp
from sei_policy import _loader

from .conftest import Corrupt

Edit = Callable[[dict[str, Any]], object]


def _set(path: str, value: object) -> Edit:
    """An edit that sets the value at a dotted path (list indexes as numbers)."""

    def edit(body: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = body
        for name in parents:
            node = node[int(name)] if name.isdigit() else node[name]
        node[int(last) if last.isdigit() else last] = value

    return edit


def _drop(path: str) -> Edit:
    def edit(body: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = body
        for name in parents:
            node = node[int(name)] if name.isdigit() else node[name]
        del node[last]

    return edit


CORRUPTIONS: list[tuple[str, Edit, str]] = [
    ("unknown key", _set("actions.3.colour", "red"), "sei-2020.json.actions[3]"),
    ("unknown key at the top", _set("extra", 1), "sei-2020.json"),
    ("dropped field", _drop("actions.3.requirement_id"), "sei-2020.json.actions[3].requirement_id"),
    ("wrong type: number for text", _set("actions.3.notation", 4), "sei-2020.json.actions[3].notation"),
    ("wrong type: text for number", _set("actions.3.number", "4"), "sei-2020.json.actions[3].number"),
    ("wrong type: bool for number", _set("targets.0.value", True), "sei-2020.json.targets[0].value"),
    ("wrong type: text for list", _set("requirements.0.action_ids", "action:biotech"), "sei-2020.json.requirements[0].action_ids"),
    ("bad enum", _set("actions.3.provenance.status", "certain"), "sei-2020.json.actions[3].provenance.status"),
    ("bad date", _set("issued", "2020-13-40"), "sei-2020.json.issued"),
    ("dangling relation", _set("actions.3.requirement_id", "requirement:nowhere"), "sei-2020.json.actions[3].requirement_id"),
    ("relation to the wrong kind", _set("objectives.0.priority_ids.0", "guarantee:jobs"), "sei-2020.json.objectives[0].priority_ids[0]"),
    ("duplicate identifier", _set("actions.4.id", "action:new-materials"), "sei-2020.json.actions[4].id"),
    ("malformed identifier", _set("actions.3.id", "action:New Materials"), "sei-2020.json.actions[3].id"),
    ("identifier of the wrong kind", _set("actions.3.id", "industry:new-materials-2"), "sei-2020.json.actions[3].id"),
    ("duplicate notation", _set("agencies.1.notation", "NDRC"), "sei-2020.json.agencies[1].notation"),
    ("wrong notation", _set("actions.3.notation", "A5"), "sei-2020.json.actions[3].notation"),
    ("out of order", _set("actions.3.number", 5), "sei-2020.json.actions[3].number"),
    ("unregistered source", _set("actions.3.provenance.source_keys.0", "S99"), "sei-2020.json.actions[3].provenance.source_keys[0]"),
    ("unverified value shipped", _set("actions.10.title.zh", "猜测"), "sei-2020.json.actions[10].title.zh"),
    ("empty title left unexplained", _set("actions.3.title.zh", None), "sei-2020.json.actions[3].provenance.fields"),
    ("claim about no field", _set("actions.3.provenance.fields.0.field", "colour"), "sei-2020.json.actions[3].provenance.fields[0].field"),
    ("relation not mirrored", _set("industries.0.action_id", "action:biotech"), "sei-2020.json.industries[0].action_id"),
    ("count", lambda body: body["actions"].pop(), "sei-2020.json.actions"),
    ("stray white space", _set("actions.3.title.en", " Accelerate "), "sei-2020.json.actions[3].title.en"),
    ("retired id still live", _set("retired", [{"id": "action:biotech", "replacement_id": "action:biotech", "since": "x"}]), "sei-2020.json.retired[0].id"),
    ("retired id malformed", _set("retired", [{"id": "Old Id", "replacement_id": "action:biotech", "since": "x"}]), "sei-2020.json.retired[0].id"),
    ("verified claim without sources", _set("actions.0.provenance.fields.1.source_keys", []), "sei-2020.json.actions[0].provenance.fields[1].source_keys"),
    ("sourceless claim without a note", _set("actions.10.provenance.fields.1.note", None), "sei-2020.json.actions[10].provenance.fields[1].note"),
    ("record without sources", _set("actions.3.provenance.source_keys", []), "sei-2020.json.actions[3].provenance.source_keys"),
    ("unverified record", _set("actions.3.provenance.status", "unverified"), "sei-2020.json.actions[3].provenance.status"),
    ("second claim on a field", lambda b: b["actions"][3]["provenance"]["fields"].append(b["actions"][3]["provenance"]["fields"][0]), "sei-2020.json.actions[3].provenance.fields[4].field"),
    ("claim field malformed", _set("actions.3.provenance.fields.0.field", "Title Zh"), "sei-2020.json.actions[3].provenance.fields[0].field"),
    ("claim index out of range", _set("provenance.fields.3.field", "aliases.en[9]"), "sei-2020.json.provenance.fields[3].field"),
    ("plan id", _set("id", "plan:other"), "sei-2020.json.id"),
    ("plan kind", _set("kind", "action"), "sei-2020.json.kind"),
    ("issuer not an agency", _set("issuer_ids.0", "action:biotech"), "sei-2020.json.issuer_ids[0]"),
    ("figure cites no registered source", _set("figures.0.source_keys.0", "S0"), "sei-2020.json.figures[0].source_keys[0]"),
    ("source key malformed", _set("sources.1.key", "Source 1"), "sei-2020.json.sources[1].key"),
    ("source key twice", _set("sources.2.key", "S1"), "sei-2020.json.sources[2].key"),
    ("source address not a URL", _set("sources.1.address", "ftp://example"), "sei-2020.json.sources[1].address"),
    ("record kind", _set("actions.3.kind", "industry"), "sei-2020.json.actions[3].kind"),
    ("agency notation", _set("agencies.0.notation", "ndrc"), "sei-2020.json.agencies[0].notation"),
    ("no title at all", _set("agencies.5.title", {"en": None, "zh": None}), "sei-2020.json.agencies[5].title"),
    ("too few agencies", lambda b: b.__setitem__("agencies", b["agencies"][:3]), "sei-2020.json.agencies"),
    ("requirement lists another's action", _set("requirements.0.action_ids.0", "action:government-funds"), "sei-2020.json.requirements[0].action_ids[0]"),
    ("industry's back-link", _set("actions.0.industry_id", "industry:biotech"), "sei-2020.json.actions[0].industry_id"),
    ("target's back-link", _set("targets.0.action_id", "action:biotech"), "sei-2020.json.targets[0].action_id"),
    ("action's target points elsewhere", _set("targets.1.action_id", "action:cluster-innovation"), "sei-2020.json.actions[8].target_ids[1]"),
    ("NBS match without a field", _set("industries.0.nbs_2018_id", None), "sei-2020.json.industries[0].nbs_2018_match"),
    ("a record cites a source twice", _set("actions.3.provenance.source_keys.1", "S1"), "sei-2020.json.actions[3].provenance.source_keys[1]"),
    ("a claim cites a source twice", _set("actions.0.provenance.fields.1.source_keys", ["S1", "S1"]), "sei-2020.json.actions[0].provenance.fields[1].source_keys[1]"),
    ("a figure cites a source twice", _set("figures.3.source_keys.1", "S8"), "sei-2020.json.figures[3].source_keys[1]"),
    ("date in another ISO form", _set("issued", "20200911"), "sei-2020.json.issued"),
]  # fmt: skip


@pytest.mark.parametrize(("what", "edit", "path"), CORRUPTIONS, ids=[c[0] for c in CORRUPTIONS])
def test_corruption_is_refused_naming_the_path(corrupt: Corrupt, what: str, edit: Edit, path: str) -> None:
    """Each corruption raises PlanDataError whose problems name the file and the JSON path."""
    with pytest.raises(sp.PlanDataError) as caught:
        _loader.parse(corrupt(edit))
    assert any(problem.endswith(f"@ {path}") for problem in caught.value.problems), caught.value.problems
    assert isinstance(caught.value, ValueError)
    assert path in str(caught.value)


def test_the_shipped_data_passes_every_check(raw_files: dict[str, bytes]) -> None:
    """The same checks find nothing wrong with the data as shipped, so each row above fails for its edit alone."""
    dataset = _loader.parse(raw_files)
    assert dataset.plan.id == "plan:sei-2020"
