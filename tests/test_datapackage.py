"""The Frictionless data package: validated and read back with frictionless, joined with DuckDB."""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

# The test extra installs both; the core tests elsewhere (the test-core extra) skip this module.
pytest.importorskip("duckdb")
pytest.importorskip("frictionless")
import duckdb
import frictionless
from frictionless.resources import TableResource

import sei_policy as sp
from sei_policy import _loader
from sei_policy._formats import datapackage as _datapackage

from .helpers import PLAN

KINDS = _loader.load().kinds

TABLES = [f"{spec.kind}.csv" for spec in KINDS.values()] + ["relations.csv"]
"""The files of export("csv"), which the package holds byte for byte."""

LINKS = {
    "plan-issuer_ids.csv": ("plan", "issuer_ids", "agency"),
    "objective-priority_ids.csv": ("objective", "priority_ids", "priority"),
    "objective-guarantee_ids.csv": ("objective", "guarantee_ids", "guarantee"),
    "requirement-action_ids.csv": ("requirement", "action_ids", "action"),
    "action-agency_ids.csv": ("action", "agency_ids", "agency"),
    "action-target_ids.csv": ("action", "target_ids", "target"),
}
"""The link tables the package adds: one per list relation, with its owning kind, field and target kind."""

FILES = TABLES + list(LINKS)


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One export, shared by the tests that only read it."""
    path = tmp_path_factory.mktemp("datapackage") / "sei"
    written = sp.export("datapackage", path)
    assert written == [path / "datapackage.json", *(path / name for name in FILES)]
    return path


@pytest.fixture(scope="module")
def descriptor(package: Path) -> dict[str, Any]:
    body: dict[str, Any] = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    return body


def resource(descriptor: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(r for r in descriptor["resources"] if r["name"] == name)
    return found


def table(package: Path, name: str) -> TableResource:
    """A resource of the package, read with frictionless."""
    return frictionless.Package(package / "datapackage.json").get_table_resource(name)


def link_rows(file: str) -> list[dict[str, Any]]:
    """A link table's rows from sp.relations(): the links of its field from records of its kind, in order."""
    kind, field, _ = LINKS[file]
    return [
        {"from": r["from"], "to": r["to"], "position": r["position"]}
        for r in sp.relations()
        if r["relation"] == field and str(r["from"]).startswith(f"{kind}:")
    ]


def expected_rows(name: str) -> list[dict[str, Any]]:
    """The rows as the library gives them, with an empty cell read as None (an empty list is an empty cell too)."""
    if f"{name}.csv" in LINKS:
        return link_rows(f"{name}.csv")
    rows = sp.relations() if name == "relations" else sp.to_records(name)
    return [{k: None if v == "" else v for k, v in row.items()} for row in rows]


def unhashed_copy(package: Path, copy: Path) -> None:
    """A copy of the package without sizes and hashes, so that an edited file fails only the other checks."""
    shutil.copytree(package, copy)
    body = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    for entry in body["resources"]:
        entry.pop("hash"), entry.pop("bytes")
    (copy / "datapackage.json").write_text(json.dumps(body), encoding="utf-8")


# -- validation -----------------------------------------------------------------------


@pytest.mark.integration  # frictionless
def test_the_package_is_valid(package: Path) -> None:
    """frictionless validates every resource against its schema, hash, size and foreign keys: no error."""
    report = frictionless.validate(package / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.stats["errors"] == 0 and report.stats["warnings"] == 0
    assert [task.name for task in report.tasks] == [name.removesuffix(".csv") for name in FILES]
    lists = [r for r in sp.relations() if str(r["relation"]).endswith("_ids")]
    assert sum(task.stats["rows"] for task in report.tasks) == 1 + 64 + 9 + len(sp.relations()) + len(lists)


@pytest.mark.integration  # frictionless
def test_validation_checks_the_foreign_keys(package: Path, tmp_path: Path) -> None:
    """An action pointing to no requirement is reported as a foreign-key error (the check is really made)."""
    copy = tmp_path / "sei"
    unhashed_copy(package, copy)  # the edit below would fail the hash check first
    action = (copy / "action.csv").read_text(encoding="utf-8")
    (copy / "action.csv").write_text(
        action.replace(",requirement:clusters,", ",requirement:nope,", 1), encoding="utf-8"
    )
    report = frictionless.validate(copy / "datapackage.json")
    assert not report.valid
    assert [(t.name, [e.type for e in t.errors]) for t in report.tasks if not t.valid] == [("action", ["foreign-key"])]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("action:cluster-development-project,agency:mof,", "action:cluster-development-project,agency:nope,"),
        ("action:cluster-development-project,agency:mof,", "action:nope,agency:mof,"),
    ],
    ids=["to", "from"],
)
@pytest.mark.integration  # frictionless
def test_validation_checks_the_foreign_keys_of_a_link_table(package: Path, tmp_path: Path, old: str, new: str) -> None:
    """A link to an unknown agency, or from an unknown action, written after export is a foreign-key error."""
    copy = tmp_path / "sei"
    unhashed_copy(package, copy)
    text = (copy / "action-agency_ids.csv").read_text(encoding="utf-8")
    assert old in text
    (copy / "action-agency_ids.csv").write_text(text.replace(old, new, 1), encoding="utf-8")
    report = frictionless.validate(copy / "datapackage.json")
    assert not report.valid
    failed = [(t.name, [e.type for e in t.errors]) for t in report.tasks if not t.valid]
    assert failed == [("action-agency_ids", ["foreign-key"])]
    assert "nope" in report.tasks[FILES.index("action-agency_ids.csv")].errors[0].message


@pytest.mark.integration  # frictionless
def test_validation_checks_the_primary_key_of_a_link_table(package: Path, tmp_path: Path) -> None:
    """The same agency twice in one action's list breaks the primary key ["from", "to"]."""
    copy = tmp_path / "sei"
    unhashed_copy(package, copy)
    with open(copy / "action-agency_ids.csv", "a", encoding="utf-8", newline="") as file:
        file.write("action:cluster-development-project,agency:ndrc,10\n")
    report = frictionless.validate(copy / "datapackage.json")
    failed = [(t.name, [e.type for e in t.errors]) for t in report.tasks if not t.valid]
    assert failed == [("action-agency_ids", ["primary-key"])]


@pytest.mark.integration  # frictionless
def test_validation_checks_the_hash(package: Path, tmp_path: Path) -> None:
    """A changed character in a CSV file fails the declared SHA-256."""
    copy = tmp_path / "sei"
    shutil.copytree(package, copy)
    text = (copy / "industry.csv").read_text(encoding="utf-8")
    (copy / "industry.csv").write_text(text.replace("新材料", "新木料", 1), encoding="utf-8")
    report = frictionless.validate(copy / "datapackage.json")
    assert [(t.name, [e.type for e in t.errors]) for t in report.tasks if not t.valid] == [("industry", ["hash-count"])]


# -- the descriptor -------------------------------------------------------------------


def test_the_package_metadata(descriptor: dict[str, Any]) -> None:
    """Name, title, description, version (the data edition), licence and the source register."""
    assert descriptor["profile"] == "tabular-data-package"
    assert descriptor["name"] == "sei-policy-2020"
    assert "发改高技〔2020〕1409号" in descriptor["title"] and descriptor["description"]
    assert descriptor["version"] == sp.DATA_EDITION
    assert descriptor["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": "Creative Commons Attribution 4.0 International",
        }
    ]
    assert descriptor["contributors"] == [{"title": "The sei_policy developers", "role": "author"}]
    sources = descriptor["sources"]
    assert len(sources) == len(PLAN.sources) == 23
    assert [s["title"] for s in sources] == [s.description for s in PLAN.sources]
    assert [s.get("path") for s in sources] == [s.address for s in PLAN.sources]
    assert "path" not in sources[0]  # the seed has no address


def test_each_resource_describes_its_file(package: Path, descriptor: dict[str, Any]) -> None:
    """A resource per CSV: valid name, path, title, description, CSV of UTF-8, the file's size and SHA-256."""
    assert [r["path"] for r in descriptor["resources"]] == FILES
    for entry in descriptor["resources"]:
        data = (package / entry["path"]).read_bytes()
        assert re.fullmatch(frictionless.settings.NAME_PATTERN, entry["name"])
        assert re.fullmatch(r"[a-z0-9._-]+", entry["name"]) and entry["name"] == entry["path"].removesuffix(".csv")
        assert entry["title"] and entry["description"]
        assert (entry["format"], entry["mediatype"], entry["encoding"]) == ("csv", "text/csv", "utf-8")
        assert entry["profile"] == "tabular-data-resource"
        assert entry["bytes"] == len(data)
        assert entry["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data


@pytest.mark.parametrize("name", FILES)
def test_each_schema_has_one_field_per_column(package: Path, descriptor: dict[str, Any], name: str) -> None:
    """Fields in the columns' order, each with a type, title and description; empty cells are missing values."""
    schema = resource(descriptor, name.removesuffix(".csv"))["schema"]
    header = (package / name).read_text(encoding="utf-8").splitlines()[0].split(",")
    assert [f["name"] for f in schema["fields"]] == header
    for field in schema["fields"]:
        assert field["type"] in ("string", "integer", "number", "date")
        assert field["title"] and field["description"]
        assert not field["description"].startswith("The record's field")  # every column described by hand
    assert schema["missingValues"] == [""]
    expected = ["from", "to"] if name in LINKS else "id"
    assert schema["primaryKey"] == (["from", "relation", "to", "position"] if name == "relations.csv" else expected)


def test_types_of_the_columns(descriptor: dict[str, Any]) -> None:
    """Numbers are integers, even the target's year, which is always empty; identifiers and lists are strings."""
    types = {(r["name"], f["name"]): f["type"] for r in descriptor["resources"] for f in r["schema"]["fields"]}
    assert types["action", "number"] == types["target", "value"] == types["target", "year"] == "integer"
    assert (
        types["plan", "number"] == types["relations", "position"] == types["action-agency_ids", "position"] == "integer"
    )
    assert types["action", "agency_ids"] == types["action", "requirement_id"] == "string"
    assert types["plan", "issued"] == types["plan", "published"] == types["plan", "written"] == "date"
    assert not [
        k
        for k, v in types.items()
        if v == "integer" and k[1] not in ("number", "value", "year", "position", "period_start", "period_end")
    ]


def foreign_keys(descriptor: dict[str, Any]) -> dict[tuple[str, str], tuple[str, str]]:
    return {
        (r["name"], k["fields"]): (k["reference"]["resource"], k["reference"]["fields"])
        for r in descriptor["resources"]
        for k in r["schema"].get("foreignKeys", [])
    }


def test_every_single_identifier_column_has_a_foreign_key(descriptor: dict[str, Any]) -> None:
    """Each ``<kind>_id`` column points to the ``id`` of its kind's table; list columns (``_ids``) have none."""
    found = {k: v for k, v in foreign_keys(descriptor).items() if f"{k[0]}.csv" not in LINKS}
    assert found == {
        ("action", "requirement_id"): ("requirement", "id"),
        ("action", "industry_id"): ("industry", "id"),
        ("industry", "action_id"): ("action", "id"),
        ("industry", "nbs_2018_id"): ("nbs-2018", "id"),
        ("target", "action_id"): ("action", "id"),
    }
    single = {(r["name"], f["name"]) for r in descriptor["resources"] for f in r["schema"]["fields"]}
    # document_id names a document; the documents table it refers to is in the lineage's package only
    assert {c for c in single if c[1].endswith("_id") and c[1] != "document_id"} == set(found)


def test_every_list_relation_has_a_link_table_with_foreign_keys(descriptor: dict[str, Any]) -> None:
    """One link table per list relation, from and to each a foreign key to the id of its kind's table."""
    keys = foreign_keys(descriptor)
    for file, (kind, field, target) in LINKS.items():
        name = file.removesuffix(".csv")
        assert keys[name, "from"] == (kind, "id") and keys[name, "to"] == (target, "id")
        entry = resource(descriptor, name)
        assert [f["name"] for f in entry["schema"]["fields"]] == ["from", "to", "position"]
        assert field in entry["description"] and entry["title"].startswith(kind.capitalize())
    # every list column of the record tables, and the plan's issuers, has its link table
    lists = {(r["name"], f["name"]) for r in descriptor["resources"] for f in r["schema"]["fields"]}
    assert {c for c in lists if c[1].endswith("_ids")} | {("plan", "issuer_ids")} == {v[:2] for v in LINKS.values()}
    assert {(str(r["from"]).partition(":")[0], r["relation"]) for r in sp.relations()} >= {
        v[:2] for v in LINKS.values()
    }
    relations = resource(descriptor, "relations")
    assert "foreignKeys" not in relations["schema"]
    assert "several tables" in relations["description"] and "plan-issuer_ids.csv" in relations["description"]


# -- reading back ---------------------------------------------------------------------


def test_the_csv_files_are_those_of_the_csv_export(package: Path, tmp_path: Path) -> None:
    """The package's tables are export('csv')'s files, byte for byte; the link tables are the package's own."""
    assert [p.name for p in sp.export("csv", tmp_path / "csv")] == TABLES
    for name in TABLES:
        assert (package / name).read_bytes() == (tmp_path / "csv" / name).read_bytes()


@pytest.mark.parametrize("name", [t.removesuffix(".csv") for t in FILES])
@pytest.mark.integration  # frictionless
def test_frictionless_reads_every_row_back(package: Path, name: str) -> None:
    """Every resource read with frictionless, typed by its schema, equals the library's rows."""
    rows = [dict(row) for row in table(package, name).read_rows()]
    dates = [{k: v.isoformat() if isinstance(v, datetime.date) else v for k, v in row.items()} for row in rows]
    assert dates == expected_rows(name)
    if name == "plan":  # a date column is read as a date
        assert rows[0]["issued"] == datetime.date(2020, 9, 11)


@pytest.mark.integration  # frictionless
def test_frictionless_reads_actions_with_their_types(package: Path) -> None:
    rows = table(package, "action").read_rows()
    assert len(rows) == 20
    a4 = rows[3]
    assert (a4["id"], a4["number"], a4["title_zh"]) == ("action:new-materials", 4, "加快新材料产业强弱项")
    assert a4["agency_ids"] is None and rows[8]["agency_ids"].split(";")[:2] == ["agency:ndrc", "agency:most"]


@pytest.mark.integration  # frictionless
def test_every_list_of_every_record_is_in_its_link_table_in_order(package: Path) -> None:
    """Each record's list column, split, is its rows of the link table, in order; positions count from 1."""
    tables = {file: [dict(row) for row in table(package, file.removesuffix(".csv")).read_rows()] for file in LINKS}
    plan = sp.plan()
    total = 0
    for file, (kind, field, _) in LINKS.items():
        rows = tables[file]
        if kind == "plan":
            lists = {plan.id: list(plan.issuer_ids)}
        else:
            lists = {str(r["id"]): str(r[field]).split(";") if r[field] else [] for r in sp.to_records(kind)}
        assert {r["from"] for r in rows} <= set(lists)
        for record, expected in lists.items():
            mine = [r for r in rows if r["from"] == record]
            assert [r["to"] for r in mine] == expected, (file, record)
            assert [r["position"] for r in mine] == list(range(1, len(expected) + 1))
            total += len(expected)
        assert rows == link_rows(file)
    assert total == len([r for r in sp.relations() if str(r["relation"]).endswith("_ids")]) == 48
    assert [r["to"] for r in tables["plan-issuer_ids.csv"]] == list(plan.issuer_ids)


def _csv(package: Path, name: str) -> str:
    return f"read_csv('{package / name}', header = true, all_varchar = false)"


def test_duckdb_joins_actions_to_requirements(package: Path) -> None:
    """actions.requirement_id = requirements.id: 20 rows, each with its requirement's titles."""
    sql = f"""
        SELECT a.notation, r.notation, r.title_en, r.title_zh
        FROM {_csv(package, "action.csv")} AS a
        JOIN {_csv(package, "requirement.csv")} AS r ON a.requirement_id = r.id
        ORDER BY a.number
    """
    rows = duckdb.connect().sql(sql).fetchall()
    assert len(rows) == 20
    assert rows[3] == ("A4", "R1", PLAN.requirement("R1").title.en, "聚焦重点产业投资领域")
    assert [r[1] for r in rows] == ["R1"] * 8 + ["R2"] * 5 + ["R3"] * 3 + ["R4"] * 4
    assert rows[-1][3] is None  # R4's Chinese heading is not known


def test_duckdb_joins_industries_to_nbs_fields(package: Path) -> None:
    """industry.nbs_2018_id = nbs-2018.id: 8 rows, the Chinese names intact; only I6 differs from its field."""
    sql = f"""
        SELECT i.notation, i.title_zh, n.notation, n.title_zh, i.nbs_2018_match
        FROM {_csv(package, "industry.csv")} AS i
        JOIN {_csv(package, "nbs-2018.csv")} AS n ON i.nbs_2018_id = n.id
        ORDER BY i.number
    """
    rows = duckdb.connect().sql(sql).fetchall()
    assert len(rows) == 8
    assert rows[3] == ("I4", "新材料产业", "NBS-3", "新材料产业", "exact")
    assert rows[5] == ("I6", "智能及新能源汽车产业", "NBS-5", "新能源汽车产业", "partial")
    assert [r[0] for r in rows if r[1] != r[3]] == ["I6"]


def test_duckdb_joins_a_list_relation_through_relations_csv(package: Path) -> None:
    """The agencies of A9, in the clause's order, through relations.csv (agency_ids is a list column)."""
    sql = f"""
        SELECT g.notation
        FROM {_csv(package, "relations.csv")} AS x
        JOIN {_csv(package, "agency.csv")} AS g ON x."to" = g.id
        WHERE x."from" = 'action:cluster-development-project' AND x.relation = 'agency_ids'
        ORDER BY x.position
    """
    rows = duckdb.connect().sql(sql).fetchall()
    assert [r[0] for r in rows] == ["NDRC", "MOST", "MIIT", "MOF", "MOHRSS", "MNR", "MOFCOM", "PBOC", "CNIPA"]


@pytest.mark.integration  # frictionless
def test_duckdb_joins_actions_to_agencies_through_the_link_table(package: Path) -> None:
    """action.csv -> action-agency_ids.csv -> agency.csv: action 9's nine agencies, in order, with Chinese names."""
    sql = f"""
        SELECT a.notation, x.position, g.notation, g.title_zh
        FROM {_csv(package, "action.csv")} AS a
        JOIN {_csv(package, "action-agency_ids.csv")} AS x ON x."from" = a.id
        JOIN {_csv(package, "agency.csv")} AS g ON x."to" = g.id
        WHERE a.number = 9
        ORDER BY x.position
    """
    rows = duckdb.connect().sql(sql).fetchall()
    assert [r[2] for r in rows] == ["NDRC", "MOST", "MIIT", "MOF", "MOHRSS", "MNR", "MOFCOM", "PBOC", "CNIPA"]
    assert [r[:2] for r in rows] == [("A9", i) for i in range(1, 10)]
    assert [r[3] for r in rows] == [g.title.zh for g in sp.plan().agencies_of(9) or ()]
    assert rows[0][3] == "国家发展改革委" and all(re.search(r"[\u4e00-\u9fff]", r[3]) for r in rows)
    counts = f"""
        SELECT a.notation, count(*) FROM {_csv(package, "action.csv")} AS a
        JOIN {_csv(package, "action-agency_ids.csv")} AS x ON x."from" = a.id GROUP BY a.notation
    """
    assert duckdb.connect().sql(counts).fetchall() == [("A9", 9)]  # the only clause known


def test_every_link_of_relations_csv_resolves(package: Path) -> None:
    """Every from and to of relations.csv is the id of a row of some table (what a v1 foreign key cannot say)."""
    ids = " UNION ALL ".join(f"SELECT id FROM {_csv(package, name)}" for name in TABLES if name != "relations.csv")
    sql = f"""
        SELECT count(*) FROM {_csv(package, "relations.csv")} AS x
        WHERE x."from" NOT IN ({ids}) OR x."to" NOT IN ({ids})
    """
    assert duckdb.connect().sql(sql).fetchall() == [(0,)]


# -- files ----------------------------------------------------------------------------


def test_excel_is_refused(tmp_path: Path) -> None:
    """A byte-order mark would break the package for Frictionless: excel=True is for the csv format only."""
    with pytest.raises(sp.errors.InvalidArgumentError, match="for the csv format only"):
        sp.export("datapackage", tmp_path / "sei", excel=True)
    assert not (tmp_path / "sei").exists()


def test_the_descriptor_without_files(descriptor: dict[str, Any]) -> None:
    """descriptor() without stats is the file's content less the sizes and hashes."""
    body = _datapackage.descriptor(_loader.load())
    for entry in descriptor["resources"]:
        entry = dict(entry)
        entry.pop("bytes"), entry.pop("hash")
        assert entry == resource(body, entry["name"])
    assert {k: v for k, v in body.items() if k != "resources"} == {
        k: v for k, v in descriptor.items() if k != "resources"
    }
