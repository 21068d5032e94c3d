"""Loading: whole-dataset validation, precise errors, one cached load, nothing loaded at import."""

from __future__ import annotations

import json
import subprocess
import sys
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
    ("dropped field", _drop("actions.3.requirement"), "sei-2020.json.actions[3].requirement"),
    ("wrong type: number for text", _set("actions.3.notation", 4), "sei-2020.json.actions[3].notation"),
    ("wrong type: text for number", _set("actions.3.number", "4"), "sei-2020.json.actions[3].number"),
    ("wrong type: bool for number", _set("targets.0.value", True), "sei-2020.json.targets[0].value"),
    ("wrong type: text for list", _set("requirements.0.actions", "action:biotech"), "sei-2020.json.requirements[0].actions"),
    ("bad enum", _set("actions.3.provenance.status", "certain"), "sei-2020.json.actions[3].provenance.status"),
    ("bad date", _set("issued", "2020-13-40"), "sei-2020.json.issued"),
    ("dangling relation", _set("actions.3.requirement", "requirement:nowhere"), "sei-2020.json.actions[3].requirement"),
    ("relation to the wrong kind", _set("objectives.0.priorities.0", "guarantee:jobs"), "sei-2020.json.objectives[0].priorities[0]"),
    ("duplicate identifier", _set("actions.4.id", "action:new-materials"), "sei-2020.json.actions[4].id"),
    ("malformed identifier", _set("actions.3.id", "action:New Materials"), "sei-2020.json.actions[3].id"),
    ("identifier of the wrong kind", _set("actions.3.id", "industry:new-materials-2"), "sei-2020.json.actions[3].id"),
    ("duplicate notation", _set("agencies.1.notation", "NDRC"), "sei-2020.json.agencies[1].notation"),
    ("wrong notation", _set("actions.3.notation", "A5"), "sei-2020.json.actions[3].notation"),
    ("out of order", _set("actions.3.number", 5), "sei-2020.json.actions[3].number"),
    ("unregistered source", _set("actions.3.provenance.sources.0", "S99"), "sei-2020.json.actions[3].provenance.sources[0]"),
    ("unverified value shipped", _set("actions.10.title.zh", "猜测"), "sei-2020.json.actions[10].title.zh"),
    ("empty title left unexplained", _set("actions.3.title.zh", None), "sei-2020.json.actions[3].provenance.fields"),
    ("claim about no field", _set("actions.3.provenance.fields.0.field", "colour"), "sei-2020.json.actions[3].provenance.fields[0].field"),
    ("relation not mirrored", _set("industries.0.action", "action:biotech"), "sei-2020.json.industries[0].action"),
    ("count", lambda body: body["actions"].pop(), "sei-2020.json.actions"),
    ("stray white space", _set("actions.3.title.en", " Accelerate "), "sei-2020.json.actions[3].title.en"),
    ("retired id still live", _set("retired", [{"id": "action:biotech", "replaced_by": "action:biotech", "since": "x"}]), "sei-2020.json.retired[0].id"),
    ("retired id malformed", _set("retired", [{"id": "Old Id", "replaced_by": "action:biotech", "since": "x"}]), "sei-2020.json.retired[0].id"),
    ("verified claim without sources", _set("actions.0.provenance.fields.1.sources", []), "sei-2020.json.actions[0].provenance.fields[1].sources"),
    ("sourceless claim without a note", _set("actions.10.provenance.fields.1.note", None), "sei-2020.json.actions[10].provenance.fields[1].note"),
    ("record without sources", _set("actions.3.provenance.sources", []), "sei-2020.json.actions[3].provenance.sources"),
    ("unverified record", _set("actions.3.provenance.status", "unverified"), "sei-2020.json.actions[3].provenance.status"),
    ("second claim on a field", lambda b: b["actions"][3]["provenance"]["fields"].append(b["actions"][3]["provenance"]["fields"][0]), "sei-2020.json.actions[3].provenance.fields[4].field"),
    ("claim field malformed", _set("actions.3.provenance.fields.0.field", "Title Zh"), "sei-2020.json.actions[3].provenance.fields[0].field"),
    ("claim index out of range", _set("provenance.fields.3.field", "aliases.en[9]"), "sei-2020.json.provenance.fields[3].field"),
    ("plan id", _set("id", "plan:other"), "sei-2020.json.id"),
    ("plan kind", _set("kind", "action"), "sei-2020.json.kind"),
    ("issuer not an agency", _set("issued_by.0", "action:biotech"), "sei-2020.json.issued_by[0]"),
    ("figure cites no registered source", _set("figures.0.sources.0", "S0"), "sei-2020.json.figures[0].sources[0]"),
    ("source key malformed", _set("sources.1.key", "Source 1"), "sei-2020.json.sources[1].key"),
    ("source key twice", _set("sources.2.key", "S1"), "sei-2020.json.sources[2].key"),
    ("source address not a URL", _set("sources.1.address", "ftp://example"), "sei-2020.json.sources[1].address"),
    ("record kind", _set("actions.3.kind", "industry"), "sei-2020.json.actions[3].kind"),
    ("agency notation", _set("agencies.0.notation", "ndrc"), "sei-2020.json.agencies[0].notation"),
    ("no title at all", _set("agencies.5.title.en", None), "sei-2020.json.agencies[5].title"),
    ("too few agencies", lambda b: b.__setitem__("agencies", b["agencies"][:3]), "sei-2020.json.agencies"),
    ("requirement lists another's action", _set("requirements.0.actions.0", "action:government-funds"), "sei-2020.json.requirements[0].actions[0]"),
    ("industry's back-link", _set("actions.0.industry", "industry:biotech"), "sei-2020.json.actions[0].industry"),
    ("target's back-link", _set("targets.0.action", "action:biotech"), "sei-2020.json.targets[0].action"),
    ("action's target points elsewhere", _set("targets.1.action", "action:cluster-innovation"), "sei-2020.json.actions[8].targets[1]"),
    ("NBS match without a field", _set("industries.0.nbs_2018", None), "sei-2020.json.industries[0].nbs_2018_match"),
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


@pytest.mark.parametrize(
    ("what", "data", "expected"),
    [
        ("invalid UTF-8", b'{"a": "\xff"}', "not valid UTF-8 (invalid start byte at byte 7) @ sei-2020.json"),
        ("truncated", b'{"schema_version": 1, "id": "pl', "not valid JSON"),
        ("not an object", b"[1, 2]", "expected a JSON object, found list @ sei-2020.json"),
        ("wrong schema version", b'{"schema_version": 2}', "unsupported schema_version 2; this sei_policy reads 1 @ sei-2020.json.schema_version"),
        ("no schema version", b"{}", "unsupported schema_version None"),
    ],
)  # fmt: skip
def test_unreadable_file_is_refused(raw_files: dict[str, bytes], what: str, data: bytes, expected: str) -> None:
    """Bytes that are not a readable data file are refused before structuring, naming the file."""
    files = {**raw_files, _loader.PLAN_FILE: data}
    with pytest.raises(sp.PlanDataError) as caught:
        _loader.parse(files)
    assert any(expected in problem for problem in caught.value.problems), caught.value.problems


def test_missing_file_is_refused(raw_files: dict[str, bytes]) -> None:
    """A missing data file is named."""
    files = {k: v for k, v in raw_files.items() if k != _loader.CLASSIFICATION_FILE}
    with pytest.raises(sp.PlanDataError, match=r"missing @ nbs-2018\.json"):
        _loader.parse(files)


@pytest.mark.parametrize(
    ("change", "expected"),
    [({"id": "nbs-2017"}, "the classification's id must be 'nbs-2018', not 'nbs-2017' @ nbs-2018.json.id"),
     ({"edition": "2099.1"}, "edition '2099.1' differs from the plan's '2026.1' @ nbs-2018.json.edition")],
)  # fmt: skip
def test_classification_must_match_the_plan(raw_files: dict[str, bytes], change: dict[str, str], expected: str) -> None:
    """The classification file is the NBS 2018 one, of the plan's data edition."""
    body = {**json.loads(raw_files[_loader.CLASSIFICATION_FILE]), **change}
    with pytest.raises(sp.PlanDataError) as caught:
        _loader.parse({**raw_files, _loader.CLASSIFICATION_FILE: json.dumps(body).encode()})
    assert expected in caught.value.problems


def test_classification_file_is_validated_too(raw_files: dict[str, bytes]) -> None:
    """A corruption of the NBS file is refused with its own file name in the path."""
    body = json.loads(raw_files[_loader.CLASSIFICATION_FILE])
    body["categories"][2]["id"] = "nbs-2018:2"
    files = {**raw_files, _loader.CLASSIFICATION_FILE: json.dumps(body).encode()}
    with pytest.raises(sp.PlanDataError) as caught:
        _loader.parse(files)
    assert (
        "duplicate identifier 'nbs-2018:2' (first at nbs-2018.json.categories[1].id) @ nbs-2018.json.categories[2].id"
        in (caught.value.problems)
    )


def test_every_problem_is_reported_at_once(corrupt: Corrupt) -> None:
    """Validation collects all problems rather than stopping at the first."""

    def two(body: dict[str, Any]) -> None:
        body["actions"][0]["requirement"] = "requirement:nowhere"
        body["actions"][1]["provenance"]["sources"] = ["S99"]

    with pytest.raises(sp.PlanDataError) as caught:
        _loader.parse(corrupt(two))
    assert len(caught.value.problems) >= 2


def test_parse_accepts_the_shipped_files(raw_files: dict[str, bytes], plan: sp.Plan) -> None:
    """The shipped bytes parse to a plan equal to the cached one."""
    assert _loader.parse(raw_files).plan == plan


def test_load_is_cached(plan: sp.Plan) -> None:
    """Loading again returns the very same objects without reading again."""
    count = _loader.load_count
    assert sp.plan() is plan
    assert _loader.load() is _loader.load()
    assert _loader.load_count == count == 1


def _fresh(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    return result.stdout.strip()


def test_import_loads_nothing() -> None:
    """`import sei_policy` alone imports neither attrs, cattrs, importlib resources, difflib nor importlib.metadata."""
    heavy = [
        "attr",
        "attrs",
        "cattrs",
        "importlib_resources",
        "importlib.resources",
        "importlib.metadata",
        "difflib",
        "pandas",
        "json",
    ]
    code = f"import sys, sei_policy; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    assert _fresh(code) == "[]"


def test_first_use_loads_once_in_a_fresh_process() -> None:
    """In a fresh process, the data is read exactly once however often it is used."""
    code = (
        "import sei_policy as sp; from sei_policy import _loader; "
        "sp.get('action:new-materials'); sp.lookup('A4'); sp.plan(); sp.search('5G'); print(_loader.load_count)"
    )
    assert _fresh(code) == "1"


def test_first_get_stays_lean() -> None:
    """The first get (hit or miss) builds no search index, no suggestions and no full converter."""
    code = (
        "import sys, sei_policy as sp; from sei_policy import _converter; "
        "sp.get('action:new-materials'); sp.get('action:nope', None)\n"
        "try:\n    sp.get('action:nope')\nexcept sp.UnknownIdentifierError:\n    pass\n"
        "print(sorted(m for m in ('sei_policy.ranking', 'difflib') if m in sys.modules), "
        "_converter.detailed.cache_info().currsize)"
    )
    assert _fresh(code) == "[] 0"


def test_a_load_failure_is_explained_by_the_full_converter(corrupt: Corrupt) -> None:
    """When the lean converter refuses the data, the full one names every path."""
    with pytest.raises(sp.PlanDataError) as caught:
        _loader.parse(corrupt(_set("actions.2.number", "three")))
    assert caught.value.problems == ("expected an integer, got str: 'three' @ sei-2020.json.actions[2].number",)
