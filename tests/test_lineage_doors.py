"""The export doors carry the lineage: ``export(..., document=...)`` in every format."""

from __future__ import annotations

import csv
import json
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import sei_policy as sp
from sei_policy import _converter, _loader
from sei_policy._formats import datapackage as _datapackage
from sei_policy._formats import export_dataset
from sei_policy._formats import skos as _skos
from sei_policy._formats.tables import LINEAGE_TABLES, is_default, lineage_tables
from sei_policy.models import Classification, MatchType, Plan

LINEAGE_FILES = [f"{name}.csv" for name in LINEAGE_TABLES]

SKOS = "http://www.w3.org/2004/02/skos/core#"

MATCHES = {
    MatchType.EXACT: "exactMatch",
    MatchType.CLOSE: "closeMatch",
    MatchType.BROADER: "broadMatch",
    MatchType.NARROWER: "narrowMatch",
    MatchType.RELATED: "relatedMatch",
}


def read_csv(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV file the library wrote, as dicts."""
    with open(path, encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


@pytest.fixture(scope="module")
def lineage() -> _loader.Dataset:
    """The whole lineage's dataset."""
    return _loader.lineage()


# -- export() takes document= ------------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "keys"),
    [
        ("all", [d.key for d in _loader.lineage().documents]),
        ("sei-2016", ["sei-2016"]),
        ("国发〔2010〕32号", ["sei-2010"]),
        ("nbs-industrial-2023", ["nbs-industrial-2023"]),
    ],
)
def test_csv_of_a_document_lists_its_documents(tmp_path: Path, document: str, keys: list[str]) -> None:
    """export("csv", document=...) adds documents.csv, one row per document of the dataset, in date order."""
    written = sp.export("csv", tmp_path / "out", document=document)
    assert [p.name for p in written][-4:] == LINEAGE_FILES
    rows = read_csv(tmp_path / "out" / "documents.csv")
    assert [r["key"] for r in rows] == keys
    assert {r["kind"] for r in rows} <= {"plan", "classification"}


@pytest.mark.parametrize("format", ["csv", "datapackage"])
def test_the_default_export_has_no_lineage_tables(tmp_path: Path, format: str) -> None:
    """Without document=, the folder holds no documents.csv nor any other table of the lineage."""
    written = {p.name for p in sp.export(format, tmp_path / "out")}
    assert written.isdisjoint(LINEAGE_FILES)
    assert not any((tmp_path / "out" / name).exists() for name in LINEAGE_FILES)


def test_the_lineage_tables_hold_the_links(tmp_path: Path, lineage: _loader.Dataset) -> None:
    """document-relations.csv, correspondences.csv and observations.csv hold one row per link or value."""
    sp.export("csv", tmp_path / "out", document="all")
    relations = read_csv(tmp_path / "out" / "document-relations.csv")
    correspondences = read_csv(tmp_path / "out" / "correspondences.csv")
    observations = read_csv(tmp_path / "out" / "observations.csv")
    assert [(r["subject_id"], r["predicate"], r["object_id"]) for r in relations] == [
        (r.subject_id, str(r.predicate), r.object_id) for r in lineage.relations
    ]
    assert Counter(r["match"] for r in correspondences) == Counter(str(c.match) for c in lineage.correspondences)
    assert [(r["year"], r["value"]) for r in observations] == [
        (str(o.year), str(o.value)) for o in lineage.observations
    ]
    assert relations[0]["source_keys"] == ";".join(lineage.relations[0].source_keys)


@pytest.mark.parametrize(
    ("document", "expected"),
    [(None, True), ("all", False), ("sei-2016", False), ("sei-2020", False), ("nbs-2018", False)],
)
def test_is_default(document: str | None, expected: bool) -> None:
    """Only the dataset without document= is the default one, even a dataset of the 2020 plan alone is not."""
    assert is_default(_loader.select(document)) is expected
    assert (lineage_tables(_loader.select(document)) == {}) is expected


@pytest.mark.parametrize("document", ["sei-2099", "nbs-2019"])
def test_an_unknown_document_is_refused_with_suggestions(tmp_path: Path, document: str) -> None:
    """A document= that names no document raises a LookupError naming it, and writes nothing."""
    with pytest.raises(LookupError, match=document):
        sp.export("csv", tmp_path / "out", document=document)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("document", [5, b"sei-2016", ("sei-2016",)])
def test_a_document_of_the_wrong_type_is_refused(tmp_path: Path, document: object) -> None:
    """A document= that is no text nor document raises a TypeError naming export() and the argument."""
    with pytest.raises(TypeError, match=r"export\(\) expects document"):
        sp.export("csv", tmp_path / "out", document=document)  # type: ignore[arg-type]
    assert not (tmp_path / "out").exists()


# -- JSON -----------------------------------------------------------------------------------


def test_json_of_the_lineage_is_a_folder_of_documents(tmp_path: Path, lineage: _loader.Dataset) -> None:
    """One file per document, named for its key, each structuring back to the equal document, and lineage.json."""
    written = sp.export("json", tmp_path / "sei", document="all")
    assert [p.name for p in written] == [f"{d.key}.json" for d in lineage.documents] + ["lineage.json"]
    for document in lineage.documents:
        body = json.loads((tmp_path / "sei" / f"{document.key}.json").read_text(encoding="utf-8"))
        assert body.pop("schema_version") == _loader.SCHEMA_VERSION
        cls = Plan if isinstance(document, Plan) else Classification
        assert _converter.fast().structure(body, cls) == document
    links = json.loads((tmp_path / "sei" / "lineage.json").read_text(encoding="utf-8"))
    counts = {name: len(links[name]) for name in ("relations", "correspondences", "observations", "sources")}
    assert counts == {
        "relations": len(lineage.relations),
        "correspondences": len(lineage.correspondences),
        "observations": len(lineage.observations),
        "sources": len(lineage.sources),
    }
    assert links["documents"] == [d.id for d in lineage.documents]


@pytest.mark.parametrize(("document", "identifier"), [("sei-2016", "plan:sei-2016"), ("nbs-2012", "nbs-2012")])
def test_json_of_one_document_is_its_file(tmp_path: Path, document: str, identifier: str) -> None:
    """A dataset of one document is that document's file, which a second export recognises and replaces."""
    path = tmp_path / "one.json"
    sp.export("json", path, document=document)
    assert json.loads(path.read_text(encoding="utf-8"))["id"] == identifier
    assert sp.export("json", path, document=document) == [path]


def test_json_folder_is_replaced_by_a_second_export(tmp_path: Path) -> None:
    """The folder of the lineage's JSON is the library's own: exporting it again needs no overwrite."""
    sp.export("json", tmp_path / "sei", document="all")
    assert len(sp.export("json", tmp_path / "sei", document="all")) == 12


def test_json_by_default_is_unchanged(tmp_path: Path) -> None:
    """Without document=, the JSON export is the 2020 plan's one file."""
    path = tmp_path / "plan.json"
    sp.export("json", path)
    assert json.loads(path.read_text(encoding="utf-8"))["id"] == "plan:sei-2020"


# -- the data package -------------------------------------------------------------------------


def _foreign_keys(descriptor: dict[str, Any]) -> dict[str, list[tuple[str, str]]]:
    return {
        r["name"]: [(k["fields"], k["reference"]["resource"]) for k in r["schema"].get("foreignKeys", [])]
        for r in descriptor["resources"]
    }


def test_package_of_the_lineage_points_document_ids_to_documents(lineage: _loader.Dataset) -> None:
    """Every table whose document_id has a value has a foreign key to documents; the agencies' empty one has none."""
    keys = _foreign_keys(_datapackage.descriptor(lineage))
    assert ("document_id", "documents") in keys["action"]
    assert ("document_id", "documents") in keys["nbs-industrial-2023"]
    assert ("document_id", "documents") not in keys["agency"]
    assert keys["document-relations"] == [("subject_id", "documents"), ("object_id", "documents")]
    assert keys["correspondences"] == [] and keys["documents"] == []


def test_package_of_the_lineage_says_why_the_crosswalk_has_no_foreign_keys(lineage: _loader.Dataset) -> None:
    """The crosswalk's description says its ends point into several tables; the package names the documents."""
    body = _datapackage.descriptor(lineage)
    crosswalk = next(r for r in body["resources"] if r["name"] == "correspondences")
    assert "foreign key" in crosswalk["description"]
    assert body["name"] == "sei-policy-lineage" and "sei-2010" in body["description"]
    assert body["name"] != _datapackage.NAME


@pytest.mark.integration  # frictionless
@pytest.mark.parametrize("document", ["all", "sei-2016"])
def test_package_of_a_document_is_valid(tmp_path: Path, document: str) -> None:
    """frictionless validates the package of the lineage and of one document: schemas, hashes, foreign keys."""
    frictionless = pytest.importorskip("frictionless")
    sp.export("datapackage", tmp_path / "pkg", document=document)
    report = frictionless.validate(tmp_path / "pkg" / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert "documents" in [task.name for task in report.tasks]


@pytest.mark.integration  # frictionless
def test_package_checks_the_document_foreign_keys(tmp_path: Path) -> None:
    """A document missing from documents.csv is a foreign-key error: the new keys are really checked."""
    frictionless = pytest.importorskip("frictionless")
    folder = tmp_path / "pkg"
    sp.export("datapackage", folder, document="all")
    body = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    for resource in body["resources"]:  # the edit below would fail the hash check first
        resource.pop("hash", None)
        resource.pop("bytes", None)
    (folder / "datapackage.json").write_text(json.dumps(body), encoding="utf-8")
    lines = (folder / "documents.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (folder / "documents.csv").write_text("".join(line for line in lines if not line.startswith("plan:sei-2016,")))
    report = frictionless.validate(folder / "datapackage.json")
    failed = {t.name: {e.type for e in t.errors} for t in report.tasks if not t.valid}
    assert failed and all(types == {"foreign-key"} for types in failed.values())
    assert {"industry", "document-relations"} <= set(failed)


# -- SKOS ---------------------------------------------------------------------------------------


def test_jsonld_puts_each_concept_in_its_documents_scheme(lineage: _loader.Dataset) -> None:
    """One concept scheme per document; each concept with a document is in that document's scheme."""
    graph = _skos.document(lineage)["@graph"]
    schemes = [n["identifier"] for n in graph if n.get("@type") == "skos:ConceptScheme"]
    assert schemes == [d.id for d in lineage.documents]
    concepts = [n for n in graph if n.get("@type") == "skos:Concept" and n["kind"] != "agency"]
    held = [r for d in lineage.documents for r in d.members() if r.kind not in ("agency", "plan")]
    assert len(concepts) == len(held)
    wrong = [
        n["identifier"]
        for n in concepts
        if n["inScheme"] != _skos.DEFAULT_BASE + str(sp.get(n["identifier"]).document_id)
    ]
    assert wrong == []


def test_jsonld_by_default_has_no_lineage_terms() -> None:
    """The default graph keeps its two schemes and declares no predicate between documents."""
    doc = _skos.document(_loader.load())
    assert sum(n.get("@type") == "skos:ConceptScheme" for n in doc["@graph"]) == 2
    assert "implements" not in doc["@context"] and "exactMatch" not in doc["@context"]


@pytest.mark.integration  # rdflib
def test_turtle_of_the_lineage_answers_sparql(tmp_path: Path, lineage: _loader.Dataset) -> None:
    """rdflib reads the Turtle; SPARQL counts the schemes, the matches and the declared document predicates."""
    rdflib = pytest.importorskip("rdflib")
    path = tmp_path / "sei.ttl"
    sp.export("turtle", path, document="all")
    graph = rdflib.Graph()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        graph.parse(path, format="turtle")
    prefixes = f"PREFIX skos: <{SKOS}> PREFIX sei: <{_skos.vocabulary(_skos.DEFAULT_BASE)}> "
    prefixes += "PREFIX owl: <http://www.w3.org/2002/07/owl#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "

    def count(where: str) -> int:
        rows = list(graph.query(prefixes + f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"))
        return int(rows[0][0])

    assert count("?s a skos:ConceptScheme") == len(lineage.documents)
    assert count("?c a skos:Concept FILTER NOT EXISTS { ?c skos:inScheme ?s }") == 0
    by_match = Counter(c.match for c in lineage.correspondences)
    # stated from both ends: a broadMatch read back is a narrowMatch, an exactMatch or relatedMatch itself
    broader = by_match[MatchType.BROADER] + by_match[MatchType.NARROWER]
    assert broader and count("?a skos:broadMatch ?b") == count("?a skos:narrowMatch ?b") == broader
    for match in (MatchType.EXACT, MatchType.RELATED):
        assert by_match[match] and count(f"?a skos:{MATCHES[match]} ?b") == 2 * by_match[match]
    implements = sum(str(r.predicate) == "implements" for r in lineage.relations)
    assert implements and count("?a sei:implements ?b") == implements
    assert count("?p a owl:ObjectProperty ; rdfs:label ?label") == len({r.predicate for r in lineage.relations})


# -- Stata and Excel --------------------------------------------------------------------------------


@pytest.mark.integration  # DataFrame.to_stata and read_stata
def test_stata_of_the_lineage_writes_documents(tmp_path: Path, lineage: _loader.Dataset) -> None:
    """documents.dta lists the documents; every file's document_id has a variable label."""
    pd: Any = pytest.importorskip("pandas")
    written = sp.export("stata", tmp_path / "dta", document="all")
    assert written[-1].name == "documents.dta"
    frame = pd.read_stata(written[-1])
    assert list(frame["key"]) == [d.key for d in lineage.documents]
    for path in written:
        with pd.io.stata.StataReader(path) as reader:
            labels = reader.variable_labels()
        if "document_id" in labels:
            assert labels["document_id"] == "Document (identifier)", path.name


@pytest.mark.integration  # DataFrame.to_stata
def test_stata_by_default_writes_no_documents(tmp_path: Path) -> None:
    """Without document=, the Stata folder has no documents.dta."""
    pytest.importorskip("pandas")
    assert "documents.dta" not in {p.name for p in sp.export("stata", tmp_path / "dta")}


@pytest.mark.parametrize(
    ("document", "sheets"),
    [(None, set()), ("sei-2016", {"documents"}), ("all", {"documents", "crosswalk"})],
)
def test_excel_sheets_of_the_lineage(tmp_path: Path, document: str | None, sheets: set[str]) -> None:
    """The workbook gains a documents sheet for a document, and a crosswalk sheet for the lineage."""
    openpyxl: Any = pytest.importorskip("openpyxl")
    path = tmp_path / "sei.xlsx"
    sp.export("excel", path, document=document)
    workbook = openpyxl.load_workbook(path, read_only=True)
    assert set(workbook.sheetnames) & {"documents", "crosswalk"} == sheets


def test_excel_crosswalk_has_one_row_per_correspondence(tmp_path: Path, lineage: _loader.Dataset) -> None:
    """The crosswalk sheet: subject, match, object, status, sources, note, a row per correspondence."""
    openpyxl: Any = pytest.importorskip("openpyxl")
    path = tmp_path / "sei.xlsx"
    export_dataset(lineage, "excel", path)
    sheet = openpyxl.load_workbook(path, read_only=True)["crosswalk"]
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows()]
    assert rows[0] == ("subject", "match", "object", "status", "sources", "note")
    first = lineage.correspondences[0]
    assert rows[1][:4] == (first.subject_id, str(first.match), first.object_id, str(first.status))
    assert len(rows) - 1 == len(lineage.correspondences)
