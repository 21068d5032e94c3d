"""The JSON Schemas of the data files: generated from the models, met by the shipped data, refusing what the loader refuses."""

from __future__ import annotations

import copy
import importlib.util
import json
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest

import sei_policy as sp
from sei_policy import _loader
from sei_policy.models import KINDS

ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT / "tools" / "make_schema.py"
"""The generator; a checkout has it, an sdist has it too (tools/ is in the sdist)."""

FILES = _loader.read()
BODIES = {name: json.loads(data) for name, data in FILES.items()}
PLAN, NBS = _loader.PLAN_FILE, _loader.CLASSIFICATION_FILE


def _schema_text(data_file: str) -> str:
    import importlib_resources

    name = data_file.removesuffix(".json") + ".schema.json"
    return (importlib_resources.files("sei_policy") / "data" / name).read_text(encoding="utf-8")


SCHEMAS = {name: json.loads(_schema_text(name)) for name in FILES}


@cache
def _tool() -> ModuleType:
    """The generator, imported from the checkout (skips where there is none)."""
    if not TOOL.is_file():
        pytest.skip("tools/make_schema.py is not here (not a checkout)")
    spec = importlib.util.spec_from_file_location("make_schema", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _validator(data_file: str) -> Any:
    return jsonschema.Draft202012Validator(SCHEMAS[data_file], format_checker=jsonschema.FormatChecker())


# -- generated from the models ---------------------------------------------------------


def test_check_passes_on_the_shipped_schemas(capsys: pytest.CaptureFixture[str]) -> None:
    """`tools/make_schema.py --check` finds both shipped schemas byte for byte what the models generate."""
    assert _tool().main(["--check"]) == 0
    out = capsys.readouterr().out
    assert "sei-2020.schema.json" in out and "nbs-2018.schema.json" in out and "up to date" in out


def test_check_names_each_file_that_differs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--check exits 1 naming every missing or edited schema with a diff, and 0 once the files are written."""
    tool = _tool()
    assert tool.main(["--folder", str(tmp_path), "--check"]) == 1
    err = capsys.readouterr().err
    assert "sei-2020.schema.json is out of date" in err and "nbs-2018.schema.json is out of date" in err
    assert tool.main(["--folder", str(tmp_path)]) == 0
    assert tool.main(["--folder", str(tmp_path), "--check"]) == 0
    edited = tmp_path / "nbs-2018.schema.json"
    edited.write_text(edited.read_text(encoding="utf-8").replace('"const": 2', '"const": 1'), encoding="utf-8")
    capsys.readouterr()
    assert tool.main(["--folder", str(tmp_path), "--check"]) == 1
    err = capsys.readouterr().err
    assert "nbs-2018.schema.json is out of date" in err and "sei-2020.schema.json" not in err
    assert '\n-      "const": 1\n' in err and '\n+      "const": 2\n' in err


@pytest.mark.parametrize("data_file", sorted(FILES))
def test_schema_text_is_two_space_json(data_file: str) -> None:
    """Each schema is 2-space indented JSON with its Chinese as is and a final newline."""
    text = _schema_text(data_file)
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    assert "\\u" not in text


def test_generation_is_deterministic() -> None:
    """Two runs of the generator give the same text."""
    first, _ = _tool().generate()
    assert first == _tool().generate()[0]
    assert "发改高技〔2020〕1409号" in first["sei-2020.schema.json"]


@pytest.mark.parametrize("data_file", sorted(FILES))
def test_schemas_are_valid_draft_2020_12(data_file: str) -> None:
    """Each shipped schema is itself a valid JSON Schema (draft 2020-12)."""
    jsonschema.Draft202012Validator.check_schema(SCHEMAS[data_file])
    assert SCHEMAS[data_file]["properties"]["schema_version"] == {
        "description": SCHEMAS[data_file]["properties"]["schema_version"]["description"],
        "const": _loader.SCHEMA_VERSION,
    }


def test_shared_definitions_are_identical_in_both_files() -> None:
    """The definitions both files hold (text, terms, provenance, claim …) are the same, built by one function."""
    plan, nbs = SCHEMAS[PLAN]["$defs"], SCHEMAS[NBS]["$defs"]
    shared = set(plan) & set(nbs)
    assert {"text", "terms", "provenance", "claim", "source_key", "nbs_2018_id"} <= shared
    assert {name: plan[name] for name in shared} == {name: nbs[name] for name in shared}


def _refs(node: Any) -> set[str]:
    """Every ``$ref`` inside a schema node."""
    if isinstance(node, dict):
        return {v for k, v in node.items() if k == "$ref"} | {r for v in node.values() for r in _refs(v)}
    if isinstance(node, list):
        return {r for v in node for r in _refs(v)}
    return set()


@pytest.mark.parametrize(
    ("kind", "column"),
    [(kind, column.name) for kind, spec in KINDS.items() for column in spec.relations],
)
def test_relation_fields_refer_to_their_target_kind(kind: str, column: str) -> None:
    """Every relation the registry declares names its target in x-target and takes only that kind's identifiers."""
    target = next(c.target for c in KINDS[kind].relations if c.name == column)
    assert target is not None
    node = SCHEMAS[PLAN] if kind == "plan" else SCHEMAS[PLAN]["$defs"][kind.replace("-", "_")]
    field = node["properties"][column]
    assert field["x-target"] == target
    name = target.replace("-", "_") + "_id"
    assert _refs(field) == {f"#/$defs/{name}"}
    assert SCHEMAS[PLAN]["$defs"][name]["pattern"].startswith(f"^{target}:")


def test_optional_and_required_fields_follow_the_defaults() -> None:
    """A field without default is required, an `X | None` one accepts null, a tuple is an array."""
    action = SCHEMAS[PLAN]["$defs"]["action"]
    assert action["required"] == ["id", "kind", "notation", "number", "title", "provenance", "requirement_id"]
    assert action["properties"]["agency_ids"]["type"] == ["array", "null"]
    assert action["properties"]["industry_id"]["anyOf"][1] == {"type": "null"}
    assert action["properties"]["kind"] == {**action["properties"]["kind"], "const": "action"}
    assert SCHEMAS[PLAN]["properties"]["issued"]["format"] == "date"
    assert SCHEMAS[PLAN]["$defs"]["industry"]["properties"]["nbs_2018_match"]["enum"] == ["exact", "partial", None]


# -- the shipped data meets them ---------------------------------------------------------


@pytest.mark.parametrize("data_file", sorted(FILES))
def test_data_files_satisfy_their_json_schema(data_file: str) -> None:
    """The shipped JSON is valid against the JSON Schema beside it, formats (dates) checked."""
    errors = [f"{e.message} @ {list(e.absolute_path)}" for e in _validator(data_file).iter_errors(BODIES[data_file])]
    assert errors == []


# -- what the loader refuses, the schema refuses too ----------------------------------------


@pytest.mark.parametrize(
    ("data_file", "path", "how", "value"),
    [
        pytest.param(PLAN, ("colour",), "add", "red", id="unknown key at the top"),
        pytest.param(PLAN, ("actions", 3, "colour"), "add", "red", id="unknown key in a record"),
        pytest.param(PLAN, ("actions", 8, "provenance", "fields", 0, "colour"), "add", "red", id="unknown key in a claim"),
        pytest.param(PLAN, ("actions", 0, "requirement_id"), "drop", None, id="required relation missing"),
        pytest.param(NBS, ("source_keys",), "drop", None, id="required field of a classification missing"),
        pytest.param(PLAN, ("actions", 0, "number"), "set", "1", id="string for an integer"),
        pytest.param(PLAN, ("targets", 0, "value"), "set", True, id="boolean for an integer"),
        pytest.param(PLAN, ("figures", 0, "value"), "set", "10.5", id="string for a number"),
        pytest.param(PLAN, ("issued",), "set", "20200911", id="date without hyphens"),
        pytest.param(PLAN, ("seed", "published"), "set", "2020-9-11", id="date with a one-digit month"),
        pytest.param(NBS, ("adopted",), "set", "2018-13-45", id="impossible date"),
        pytest.param(PLAN, ("provenance", "status"), "set", "confirmed", id="unknown status"),
        pytest.param(PLAN, ("industries", 0, "nbs_2018_match"), "set", "close", id="unknown match"),
        pytest.param(PLAN, ("actions", 0, "kind"), "set", "industry", id="record of another kind"),
        pytest.param(NBS, ("categories", 0, "kind"), "set", "industry", id="category of another kind"),
        pytest.param(PLAN, ("kind",), "set", "action", id="plan of another kind"),
        pytest.param(PLAN, ("actions", 0, "id"), "set", "industry:new-generation-it", id="identifier of another kind"),
        pytest.param(PLAN, ("actions", 0, "requirement_id"), "set", "action:new-materials", id="relation to another kind"),
        pytest.param(PLAN, ("actions", 0, "industry_id"), "set", "target:global-bases", id="optional relation to another kind"),
        pytest.param(PLAN, ("industries", 0, "nbs_2018_id"), "set", "NBS-1", id="notation for an identifier"),
        pytest.param(PLAN, ("issuer_ids", 0), "set", "NDRC", id="abbreviation in a list relation"),
        pytest.param(PLAN, ("actions", 0, "requirement_id"), "set", None, id="null for a required relation"),
        pytest.param(PLAN, ("addressees",), "set", "国务院各部委", id="string for a list"),
        pytest.param(PLAN, ("actions", 8, "agency_ids"), "set", {"en": "NDRC"}, id="object for a list"),
        pytest.param(NBS, ("categories", 0, "title"), "set", None, id="null for a required text"),
        pytest.param(PLAN, ("actions", 0, "title", "zh"), "set", "", id="empty title"),
        pytest.param(PLAN, ("industries", 3, "aliases", "en", 0), "set", "", id="empty alias"),
        pytest.param(PLAN, ("priorities", 0, "number"), "set", 0, id="number 0"),
        pytest.param(PLAN, ("actions", 0, "provenance", "source_keys", 0), "set", "Source 1", id="malformed cited key"),
        pytest.param(PLAN, ("sources", 0, "key"), "set", "source-1", id="malformed register key"),
        pytest.param(PLAN, ("sources", 1, "address"), "set", "ftp://example.org/plan", id="address not on the web"),
        pytest.param(PLAN, ("id",), "set", "plan:sei-2021", id="another plan's identifier"),
        pytest.param(NBS, ("id",), "set", "nbs-2017", id="another classification's identifier"),
        pytest.param(NBS, ("schema_version",), "set", 1, id="schema_version 1"),
        pytest.param(PLAN, ("retired",), "set", [{"id": "Old Id", "replacement_id": "action:new-materials", "since": "2026.2"}], id="malformed retired identifier"),
    ],
)  # fmt: skip
def test_schema_and_loader_both_refuse(data_file: str, path: tuple[str | int, ...], how: str, value: Any) -> None:
    """A corrupted document is refused by its schema and by the loader, both at the place of the damage (or within it)."""
    body = copy.deepcopy(BODIES[data_file])
    *parent_path, last = path
    parent: Any = body
    for part in parent_path:
        parent = parent[part]
    if how == "drop":
        del parent[last]
    else:
        parent[last] = value
    at = tuple(parent_path) if how == "add" else path

    schema_paths = [tuple(e.absolute_path) for e in _validator(data_file).iter_errors(body)]
    assert schema_paths, "the schema accepts it"
    assert any(at[: len(p)] == p or p[: len(at)] == at for p in schema_paths), (at, schema_paths)

    with pytest.raises(sp.PlanDataError) as caught:
        _loader.parse({**FILES, data_file: json.dumps(body, ensure_ascii=False).encode("utf-8")})
    expected = data_file + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in at)
    paths = [problem.rsplit(" @ ", 1)[1] for problem in caught.value.problems]
    assert any(p == expected or p.startswith((f"{expected}.", f"{expected}[")) for p in paths), caught.value.problems
