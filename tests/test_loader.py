"""Loading: whole-dataset validation, precise errors, one cached load, nothing loaded at import."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from typing import Any

import pytest

import sei_policy as sp
from sei_policy import _loader

from .conftest import Corrupt
from .test_validate import _set


@pytest.mark.parametrize(
    ("what", "data", "expected"),
    [
        ("invalid UTF-8", b'{"a": "\xff"}', "not valid UTF-8 (invalid start byte at byte 7) @ sei-2020.json"),
        ("truncated", b'{"schema_version": 1, "id": "pl', "not valid JSON"),
        ("not an object", b"[1, 2]", "expected a JSON object, found list @ sei-2020.json"),
        ("wrong schema version", b'{"schema_version": 1}', "unsupported schema_version 1; this sei_policy reads 2 @ sei-2020.json.schema_version"),
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
     ({"edition": "2099.1"}, "edition '2099.1' differs from the plan's '2026.4' @ nbs-2018.json.edition")],
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
    assert sp.plan() is plan
    assert _loader.load() is _loader.load()
    assert _loader.load().plan is plan
    assert _loader._LOAD.loaded


def _fresh(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    return result.stdout.strip()


def test_import_loads_nothing() -> None:
    """`import sei_policy` alone imports no dependency, no pandas, no HTML or export code, nothing heavy."""
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
        "sei_policy._render",
        "sei_policy._formats",
    ]
    code = f"import sys, sei_policy; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    assert _fresh(code) == "[]"


def test_first_use_loads_once_in_a_fresh_process() -> None:
    """In a fresh process, the data is read exactly once however often it is used."""
    code = (
        "import sei_policy as sp; from sei_policy import _loader; calls = []; parse = _loader.parse\n"
        "_loader.parse = lambda files: calls.append(1) or parse(files)\n"
        "sp.get('action:new-materials'); sp.lookup('A4'); sp.plan(); sp.search('5G'); sp.plan().action(4)\n"
        "print(len(calls))"
    )
    assert _fresh(code) == "1"


SEARCH_MACHINERY = ("sei_policy._search", "sei_policy._stem", "sei_policy._thesaurus", "difflib")


@pytest.mark.parametrize("module", SEARCH_MACHINERY)
def test_the_lean_checks_name_real_modules(module: str) -> None:
    """Each module the next test expects to stay unloaded exists, so that test cannot pass by a typo."""
    assert importlib.util.find_spec(module) is not None


def test_first_get_stays_lean() -> None:
    """The first get (hit or miss) loads no search machinery, no OpenCC table, no suggestions, no full converter."""
    code = (
        "import sys, sei_policy as sp; from sei_policy import _converter, _simplify; "
        "sp.get('action:new-materials'); sp.get('action:nope', None)\n"
        "try:\n    sp.get('action:nope')\nexcept sp.UnknownIdentifierError:\n    pass\n"
        f"print(sorted(m for m in {SEARCH_MACHINERY!r} if m in sys.modules), "
        "_converter.detailed.cache_info().currsize, int(_simplify._load.loaded))"
    )
    assert _fresh(code) == "[] 0 0"


def test_a_first_search_loads_what_it_needs() -> None:
    """The first search loads the search machinery that the first get left out (the check above can fail)."""
    code = (
        "import sys, sei_policy as sp; sp.search('semiconductors')\n"
        f"print(sorted(m for m in {SEARCH_MACHINERY[:3]!r} if m in sys.modules))"
    )
    assert _fresh(code) == str(sorted(SEARCH_MACHINERY[:3]))


def test_a_load_failure_is_explained_by_the_full_converter(corrupt: Corrupt) -> None:
    """When the lean converter refuses the data, the full one names every path."""
    with pytest.raises(sp.PlanDataError) as caught:
        _loader.parse(corrupt(_set("actions.2.number", "three")))
    assert caught.value.problems == ("expected an integer, got str: 'three' @ sei-2020.json.actions[2].number",)


def test_without_the_importlib_resources_backport_the_standard_library_reads_the_data() -> None:
    """Where importlib-resources is missing, every data file (plan, thesaurus, word list, OpenCC table) still loads."""
    code = (
        "import sys; sys.modules['importlib_resources'] = None\n"
        "import sei_policy as sp\n"
        "print(sp.get('action:new-materials').notation, sp.search('costs').reason is not None,"
        " sp.search('光刻膠')[0].record.id, sp.did_you_mean('vacines'))"
    )
    assert _fresh(code) == "A4 True action:new-materials ('vaccine',)"
