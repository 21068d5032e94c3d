"""The Frictionless data package: validated and read back with frictionless, joined with DuckDB."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path
from typing import Any

import duckdb
import frictionless
import pytest
from frictionless.resources import TableResource

import sei_policy as sp
from sei_policy import _datapackage

from .helpers import PLAN

TABLES = [f"{spec.kind}.csv" for spec in sp.KINDS.values()] + ["relations.csv"]


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One export, shared by the tests that only read it."""
    path = tmp_path_factory.mktemp("datapackage") / "sei"
    written = sp.export("datapackage", path)
    assert written == [path / "datapackage.json", *(path / name for name in TABLES)]
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


def expected_rows(name: str) -> list[dict[str, Any]]:
    """The rows as the library gives them, with an empty cell read as None (an empty list is an empty cell too)."""
    rows = sp.relations() if name == "relations" else sp.to_records(name)
    return [{k: None if v == "" else v for k, v in row.items()} for row in rows]


# -- validation -----------------------------------------------------------------------


def test_the_package_is_valid(package: Path) -> None:
    """frictionless validates every resource against its schema, hash, size and foreign keys: no error."""
    report = frictionless.validate(package / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.stats["errors"] == 0 and report.stats["warnings"] == 0
    assert [task.name for task in report.tasks] == [name.removesuffix(".csv") for name in TABLES]
    assert sum(task.stats["rows"] for task in report.tasks) == 1 + 64 + 9 + len(sp.relations())


def test_validation_checks_the_foreign_keys(package: Path, tmp_path: Path) -> None:
    """An action pointing to no requirement is reported as a foreign-key error (the check is really made)."""
    copy = tmp_path / "sei"
    shutil.copytree(package, copy)
    body = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    for entry in body["resources"]:
        entry.pop("hash"), entry.pop("bytes")  # the edit below would fail the hash check first
    (copy / "datapackage.json").write_text(json.dumps(body), encoding="utf-8")
    action = (copy / "action.csv").read_text(encoding="utf-8")
    (copy / "action.csv").write_text(
        action.replace(",requirement:clusters,", ",requirement:nope,", 1), encoding="utf-8"
    )
    report = frictionless.validate(copy / "datapackage.json")
    assert not report.valid
    assert [(t.name, [e.type for e in t.errors]) for t in report.tasks if not t.valid] == [("action", ["foreign-key"])]


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
    assert [r["path"] for r in descriptor["resources"]] == TABLES
    for entry in descriptor["resources"]:
        data = (package / entry["path"]).read_bytes()
        assert re.fullmatch(r"[a-z0-9._-]+", entry["name"]) and entry["name"] == entry["path"].removesuffix(".csv")
        assert entry["title"] and entry["description"]
        assert (entry["format"], entry["mediatype"], entry["encoding"]) == ("csv", "text/csv", "utf-8")
        assert entry["profile"] == "tabular-data-resource"
        assert entry["bytes"] == len(data)
        assert entry["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data


@pytest.mark.parametrize("name", TABLES)
def test_each_schema_has_one_field_per_column(package: Path, descriptor: dict[str, Any], name: str) -> None:
    """Fields in the columns' order, each with a type, title and description; empty cells are missing values."""
    schema = resource(descriptor, name.removesuffix(".csv"))["schema"]
    header = (package / name).read_text(encoding="utf-8").splitlines()[0].split(",")
    assert [f["name"] for f in schema["fields"]] == header
    for field in schema["fields"]:
        assert field["type"] in ("string", "integer", "number")
        assert field["title"] and field["description"]
        assert not field["description"].startswith("The record's field")  # every column described by hand
    assert schema["missingValues"] == [""]
    expected = ["from", "relation", "to", "position"] if name == "relations.csv" else "id"
    assert schema["primaryKey"] == expected


def test_types_of_the_columns(descriptor: dict[str, Any]) -> None:
    """Numbers are integers, even the target's year, which is always empty; identifiers and lists are strings."""
    types = {(r["name"], f["name"]): f["type"] for r in descriptor["resources"] for f in r["schema"]["fields"]}
    assert types["action", "number"] == types["target", "value"] == types["target", "year"] == "integer"
    assert types["plan", "number"] == types["relations", "position"] == "integer"
    assert types["action", "agency_ids"] == types["action", "requirement_id"] == "string"
    assert not [k for k, v in types.items() if v == "integer" and k[1] not in ("number", "value", "year", "position")]


def test_every_single_identifier_column_has_a_foreign_key(descriptor: dict[str, Any]) -> None:
    """Each ``<kind>_id`` column points to the ``id`` of its kind's table; list columns (``_ids``) have none."""
    found = {
        (r["name"], k["fields"]): (k["reference"]["resource"], k["reference"]["fields"])
        for r in descriptor["resources"]
        for k in r["schema"].get("foreignKeys", [])
    }
    assert found == {
        ("action", "requirement_id"): ("requirement", "id"),
        ("action", "industry_id"): ("industry", "id"),
        ("industry", "action_id"): ("action", "id"),
        ("industry", "nbs_2018_id"): ("nbs-2018", "id"),
        ("target", "action_id"): ("action", "id"),
    }
    single = {(r["name"], f["name"]) for r in descriptor["resources"] for f in r["schema"]["fields"]}
    assert {c for c in single if c[1].endswith("_id")} == set(found)


# -- reading back ---------------------------------------------------------------------


def test_the_csv_files_are_those_of_the_csv_export(package: Path, tmp_path: Path) -> None:
    """The package's tables are export('csv')'s files, byte for byte."""
    sp.export("csv", tmp_path / "csv")
    for name in TABLES:
        assert (package / name).read_bytes() == (tmp_path / "csv" / name).read_bytes()


@pytest.mark.parametrize("name", [t.removesuffix(".csv") for t in TABLES])
def test_frictionless_reads_every_row_back(package: Path, name: str) -> None:
    """Every resource read with frictionless, typed by its schema, equals the library's rows."""
    rows = [dict(row) for row in table(package, name).read_rows()]
    assert rows == expected_rows(name)


def test_frictionless_reads_actions_with_their_types(package: Path) -> None:
    rows = table(package, "action").read_rows()
    assert len(rows) == 20
    a4 = rows[3]
    assert (a4["id"], a4["number"], a4["title_zh"]) == ("action:new-materials", 4, "加快新材料产业强弱项")
    assert a4["agency_ids"] is None and rows[8]["agency_ids"].split(";")[:2] == ["agency:ndrc", "agency:most"]


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


def test_every_link_of_relations_csv_resolves(package: Path) -> None:
    """Every from and to of relations.csv is the id of a row of some table (what a v1 foreign key cannot say)."""
    ids = " UNION ALL ".join(f"SELECT id FROM {_csv(package, name)}" for name in TABLES if name != "relations.csv")
    sql = f"""
        SELECT count(*) FROM {_csv(package, "relations.csv")} AS x
        WHERE x."from" NOT IN ({ids}) OR x."to" NOT IN ({ids})
    """
    assert duckdb.connect().sql(sql).fetchall() == [(0,)]


# -- files ----------------------------------------------------------------------------


def test_two_exports_are_byte_identical(tmp_path: Path) -> None:
    """No timestamps: every file is the same on every run."""
    first = sp.export("datapackage", tmp_path / "a")
    second = sp.export("datapackage", tmp_path / "b")
    assert [p.name for p in first] == [p.name for p in second]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()


def test_an_existing_folder_is_kept_unless_overwrite(tmp_path: Path) -> None:
    """Export refuses an existing folder and leaves it untouched; overwrite=True replaces each file whole."""
    path = tmp_path / "sei"
    path.mkdir()
    (path / "datapackage.json").write_text("{}", encoding="utf-8")
    with pytest.raises(sp.ExportError, match="exists; pass overwrite=True"):
        sp.export("datapackage", path)
    assert [p.name for p in path.iterdir()] == ["datapackage.json"]
    assert (path / "datapackage.json").read_text(encoding="utf-8") == "{}"
    sp.export("datapackage", path, overwrite=True)
    assert json.loads((path / "datapackage.json").read_text(encoding="utf-8"))["name"] == "sei-policy-2020"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sei"]  # no temporary folder left behind


def test_excel_is_refused(tmp_path: Path) -> None:
    """A byte-order mark would break the package for Frictionless: excel=True is for the csv format only."""
    with pytest.raises(sp.InvalidArgumentError, match="without a byte-order mark"):
        sp.export("datapackage", tmp_path / "sei", excel=True)
    assert not (tmp_path / "sei").exists()


def test_the_descriptor_without_files(descriptor: dict[str, Any]) -> None:
    """descriptor() without stats is the file's content less the sizes and hashes."""
    body = _datapackage.descriptor()
    for entry in descriptor["resources"]:
        entry = dict(entry)
        entry.pop("bytes"), entry.pop("hash")
        assert entry == resource(body, entry["name"])
    assert {k: v for k, v in body.items() if k != "resources"} == {
        k: v for k, v in descriptor.items() if k != "resources"
    }
