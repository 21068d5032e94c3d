"""Linked data: export to JSON-LD and Turtle as SKOS, read back with rdflib."""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
import rdflib
from rdflib import RDF, SKOS, BNode, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS

import sei_policy as sp
from sei_policy._formats import skos as _skos

from .helpers import ALL_RECORDS, CLASSIFICATION, PLAN

BASE = "urn:sei-policy:"
SEI = rdflib.Namespace(BASE + "vocab#")
RECORDS = [r for r in ALL_RECORDS if not isinstance(r, sp.Plan)]

pytestmark = pytest.mark.integration  # rdflib parses and serialises the graph: seconds per test module

R2_ACTIONS = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX sei: <urn:sei-policy:vocab#>
SELECT ?notation ?title WHERE {
  ?requirement skos:notation "R2" ;
               skos:narrower ?action .
  ?action skos:notation ?notation ;
          sei:number ?number ;
          skos:prefLabel ?title .
  FILTER (lang(?title) = "en")
}
ORDER BY ?number
"""


def parse(path: Path, format: str = "json-ld") -> rdflib.Graph:
    """The file's graph; rdflib 7's own JSON-LD parser warns of a class it uses (RDFLib/rdflib#3064)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        return rdflib.Graph().parse(data=path.read_text(encoding="utf-8"), format=format)


def iri(identifier: str, base: str = BASE) -> URIRef:
    return URIRef(base + identifier)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One export of each format, shared by the tests that only read it."""
    path = tmp_path_factory.mktemp("skos")
    assert sp.export("jsonld", path / "sei.jsonld") == [path / "sei.jsonld"]
    assert sp.export("turtle", path / "sei.ttl") == [path / "sei.ttl"]
    return path


@pytest.fixture(scope="module")
def graph(folder: Path) -> rdflib.Graph:
    return parse(folder / "sei.jsonld")


def objects(graph: rdflib.Graph, subject: str, predicate: URIRef) -> set[Any]:
    return set(graph.objects(iri(subject), predicate))


# -- the document ---------------------------------------------------------------------


def test_jsonld_has_its_context_inline_and_reads_as_plain_json(folder: Path) -> None:
    """The file is JSON with an inline @context (nothing to fetch) and a @graph, Chinese written as it is."""
    text = (folder / "sei.jsonld").read_text(encoding="utf-8")
    doc = json.loads(text)
    assert list(doc) == ["@context", "@graph"]
    assert isinstance(doc["@context"], dict)
    assert doc["@context"]["sei"] == "urn:sei-policy:vocab#"
    assert "加快新材料产业强弱项" in text and "\\u" not in text
    assert doc["@graph"][0]["@id"] == "urn:sei-policy:plan:sei-2020"


def test_one_concept_per_record_and_two_schemes(graph: rdflib.Graph) -> None:
    """64 records of the plan and 9 NBS fields are concepts; the plan and the classification are the schemes."""
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    schemes = set(graph.subjects(RDF.type, SKOS.ConceptScheme))
    assert len(concepts) == 64 + 9 == len(RECORDS)
    assert concepts == {iri(r.id) for r in RECORDS}
    assert schemes == {iri("plan:sei-2020"), iri("nbs-2018")}
    assert not schemes & concepts


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.id)
def test_each_concept_carries_its_record(graph: rdflib.Graph, record: sp.Record) -> None:
    """Identifier, notation, number, kind, scheme, labels, aliases, definition and keywords, in their languages."""
    scheme = "nbs-2018" if isinstance(record, sp.NbsCategory) else "plan:sei-2020"
    assert objects(graph, record.id, DCTERMS.identifier) == {Literal(record.id)}
    assert objects(graph, record.id, SKOS.notation) == {Literal(record.notation)}
    assert objects(graph, record.id, SEI.number) == {Literal(record.number)}
    assert objects(graph, record.id, SEI.kind) == {Literal(str(record.kind))}
    assert objects(graph, record.id, SKOS.inScheme) == {iri(scheme)}
    labels = {Literal(text, lang=lang) for lang in ("en", "zh") if (text := getattr(record.title, lang)) is not None}
    assert objects(graph, record.id, SKOS.prefLabel) == labels
    aliases = {Literal(t, lang=lang) for lang in ("en", "zh") for t in getattr(record.aliases, lang)}
    assert objects(graph, record.id, SKOS.altLabel) == aliases
    assert not aliases & labels  # SKOS: a label is either preferred or alternative, never both
    summary = set() if record.summary is None else {Literal(record.summary, lang="en")}
    assert objects(graph, record.id, SKOS.definition) == summary
    keywords = {Literal(t, lang=lang) for lang in ("en", "zh") for t in getattr(record.keywords, lang)}
    assert objects(graph, record.id, SEI.keyword) == keywords


def test_labels_in_english_and_chinese(graph: rdflib.Graph) -> None:
    """prefLabel has an en and a zh value where the title has them; never two in one language."""
    assert Literal("加快新材料产业强弱项", lang="zh") in objects(graph, "action:new-materials", SKOS.prefLabel)
    assert objects(graph, "action:industry-city-integration", SKOS.prefLabel) == {
        Literal("Promote in-depth integration of industries and cities", lang="en")
    }  # A11: the Chinese heading was read in no registered source, so there is no zh label
    assert objects(graph, "nbs-2018:3", SKOS.prefLabel) == {
        Literal("新材料产业", lang="zh"),
        Literal("new materials industry", lang="en"),
    }  # the English name is our rendering (inferred), as its claim says
    for concept in graph.subjects(RDF.type, SKOS.Concept):
        languages = [label.language for label in graph.objects(concept, SKOS.prefLabel) if isinstance(label, Literal)]
        assert len(languages) == len(set(languages)) >= 1 and set(languages) <= {"en", "zh"}


def test_the_schemes_describe_the_plan_and_the_classification(graph: rdflib.Graph) -> None:
    """The plan's scheme has its titles, document number, issuers, date, edition and status."""
    plan = iri("plan:sei-2020")
    assert Literal(PLAN.title.zh, lang="zh") in set(graph.objects(plan, SKOS.prefLabel))
    assert set(graph.objects(plan, SKOS.notation)) == {Literal("发改高技〔2020〕1409号")}
    assert set(graph.objects(plan, DCTERMS.creator)) == {iri(i) for i in PLAN.issuer_ids}
    assert set(graph.objects(plan, DCTERMS.issued)) == {Literal(PLAN.issued)}
    assert set(graph.objects(plan, rdflib.OWL.versionInfo)) == {Literal(sp.DATA_EDITION)}
    assert set(graph.objects(plan, SEI.status)) == {Literal("verified")}
    licence = URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert (
        set(graph.objects(plan, DCTERMS.license)) == set(graph.objects(iri("nbs-2018"), DCTERMS.license)) == {licence}
    )
    nbs = iri("nbs-2018")
    assert set(graph.objects(nbs, SKOS.prefLabel)) == {Literal("战略性新兴产业分类（2018）", lang="zh")}
    assert set(graph.objects(nbs, DCTERMS.issued)) == {Literal(CLASSIFICATION.published)}


# -- the hierarchy and the links ------------------------------------------------------


def test_requirements_are_top_concepts_with_their_actions_below(graph: rdflib.Graph) -> None:
    """R1 is narrower A1…A8 and each of them broader R1; actions are never top concepts."""
    r1 = PLAN.requirement("R1")
    assert objects(graph, r1.id, SKOS.narrower) == {iri(a) for a in r1.action_ids}
    assert [PLAN.action(a).notation for a in r1.action_ids] == [f"A{n}" for n in range(1, 9)]
    assert objects(graph, "action:new-materials", SKOS.broader) == {iri(r1.id)}
    for action in PLAN.actions:
        assert objects(graph, action.id, SKOS.broader) == {iri(action.requirement_id)}
        assert not objects(graph, action.id, SKOS.topConceptOf)
    assert objects(graph, r1.id, SKOS.topConceptOf) == {iri("plan:sei-2020")}
    assert not objects(graph, r1.id, SKOS.broader)


def test_top_concepts_of_each_scheme(graph: rdflib.Graph) -> None:
    """Every record of the plan but the actions is a top concept of the plan; every NBS field of its scheme."""
    tops = {r.id for r in PLAN.records if r.kind != sp.Kind.ACTION}
    assert set(graph.objects(iri("plan:sei-2020"), SKOS.hasTopConcept)) == {iri(i) for i in tops}
    assert set(graph.subjects(SKOS.topConceptOf, iri("plan:sei-2020"))) == {iri(i) for i in tops}
    nbs = {iri(c.id) for c in CLASSIFICATION.categories}
    assert set(graph.objects(iri("nbs-2018"), SKOS.hasTopConcept)) == nbs
    assert set(graph.subjects(SKOS.topConceptOf, iri("nbs-2018"))) == nbs


PROPERTY = {
    "action_ids": (SKOS.narrower, SKOS.broader),
    "requirement_id": (SKOS.broader, SKOS.narrower),
    "nbs_2018_id": (SKOS.closeMatch, SKOS.closeMatch),
    "issuer_ids": (DCTERMS.creator, None),
}


@pytest.mark.parametrize("row", sp.relations(), ids=lambda r: f"{r['from']}.{r['relation']}[{r['position']}]")
def test_every_link_is_stated_both_ways(graph: rdflib.Graph, row: dict[str, Any]) -> None:
    """Each row of relations() is a triple, and its inverse: broader/narrower, closeMatch, or related."""
    forward, back = PROPERTY.get(str(row["relation"]), (SKOS.related, SKOS.related))
    assert (iri(str(row["from"])), forward, iri(str(row["to"]))) in graph
    if back is not None:
        assert (iri(str(row["to"])), back, iri(str(row["from"]))) in graph


def test_links_are_no_more_than_the_relations(graph: rdflib.Graph) -> None:
    """No link is made up: every skos link between concepts comes from a row of relations(), one way or the other."""
    pairs = {frozenset((str(r["from"]), str(r["to"]))) for r in sp.relations()}
    for predicate in (SKOS.broader, SKOS.narrower, SKOS.related, SKOS.closeMatch):
        for subject, target in graph.subject_objects(predicate):
            assert frozenset((str(subject).removeprefix(BASE), str(target).removeprefix(BASE))) in pairs
    related = set(graph.subject_objects(SKOS.related))
    hierarchy = set(graph.subject_objects(SKOS.broader)) | set(graph.subject_objects(SKOS.narrower))
    assert not related & hierarchy  # SKOS: related is disjoint from the hierarchy


def test_actions_link_to_industries_targets_and_agencies(graph: rdflib.Graph) -> None:
    """A4 is related to its industry, A9 to its targets and its nine agencies; O1 to the six priorities."""
    assert objects(graph, "action:new-materials", SKOS.related) == {iri("industry:new-materials")}
    a9 = PLAN.action("A9")
    assert objects(graph, a9.id, SKOS.related) == {iri(i) for i in (*a9.target_ids, *(a9.agency_ids or ()))}
    assert iri(a9.id) in objects(graph, "target:global-bases", SKOS.related)
    o1 = PLAN.objective("O1")
    assert objects(graph, o1.id, SKOS.related) == {iri(i) for i in (*o1.priority_ids, *o1.guarantee_ids)}


@pytest.mark.parametrize("industry", PLAN.industries, ids=lambda r: r.id)
def test_each_industry_close_matches_its_nbs_field(graph: rdflib.Graph, industry: sp.Industry) -> None:
    """closeMatch both ways, never exactMatch (the mapping is inferred, by name); the match kind as sei:nbs2018Match."""
    assert industry.nbs_2018_id is not None and industry.nbs_2018_match is not None
    assert objects(graph, industry.id, SKOS.closeMatch) == {iri(industry.nbs_2018_id)}
    assert iri(industry.id) in objects(graph, industry.nbs_2018_id, SKOS.closeMatch)
    assert objects(graph, industry.id, SEI.nbs2018Match) == {Literal(str(industry.nbs_2018_match))}
    assert not set(graph.subject_objects(SKOS.exactMatch))


def test_the_partial_match_of_i6(graph: rdflib.Graph) -> None:
    """I6 (intelligent and new energy vehicles) to NBS-5 (new energy vehicles) is partial, so a closeMatch."""
    assert objects(graph, "industry:intelligent-nev", SKOS.closeMatch) == {iri("nbs-2018:5")}
    assert objects(graph, "industry:intelligent-nev", SEI.nbs2018Match) == {Literal("partial")}
    assert not objects(graph, "nbs-2018:9", SKOS.closeMatch)  # related services: no industry matches it


# -- provenance -----------------------------------------------------------------------


def source_node(graph: rdflib.Graph, source: sp.Source) -> Any:
    if source.address is not None:
        return URIRef(source.address)
    (node,) = graph.subjects(SEI.sourceKey, Literal(source.key))
    return node


def test_sources_are_the_addresses_of_the_register(graph: rdflib.Graph) -> None:
    """A9 cites S4, S1 and the seed: two addresses and the seed's blank node, each described by its register entry."""
    a9 = objects(graph, "action:cluster-development-project", DCTERMS.source)
    assert URIRef(PLAN.source("S4").address or "") in a9
    assert URIRef("http://roeg.cn/bencandy.php?aid=52485&fid=58&page=3") in a9
    seed = source_node(graph, PLAN.source("seed"))
    assert isinstance(seed, BNode) and seed in a9 and len(a9) == 3
    for source in PLAN.sources:
        node = source_node(graph, source)
        assert set(graph.objects(node, SEI.sourceKey)) == {Literal(source.key)}
        assert set(graph.objects(node, DCTERMS.description)) == {Literal(source.description, lang="en")}
    assert set(graph.subjects(SEI.reliability, Literal("low"))) == {URIRef(PLAN.source("S11").address or "")}


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.id)
def test_status_and_sources_of_each_record(graph: rdflib.Graph, record: sp.Record) -> None:
    """sei:status is the record's status; dcterms:source every source its provenance cites."""
    assert objects(graph, record.id, SEI.status) == {Literal(str(record.provenance.status))}
    expected = {source_node(graph, s) for s in PLAN.sources_of(record)}
    assert objects(graph, record.id, DCTERMS.source) == expected
    claims = objects(graph, record.id, SEI.claim)
    assert len(claims) == len(record.provenance.fields)
    found = {(str(graph.value(c, SEI.field)), str(graph.value(c, SEI.status))) for c in claims}
    assert found == {(c.field, str(c.status)) for c in record.provenance.fields}


def test_a_claim_says_why_a_field_is_empty(graph: rdflib.Graph) -> None:
    """A11 has no Chinese heading: a claim on title.zh with the status unverified and the reason."""
    claims = objects(graph, "action:industry-city-integration", SEI.claim)
    (claim,) = (c for c in claims if graph.value(c, SEI.field) == Literal("title.zh"))
    assert graph.value(claim, SEI.status) == Literal("unverified")
    note = PLAN.action("A11").provenance.claim("title.zh")
    assert note is not None and graph.value(claim, SKOS.editorialNote) == Literal(note.note, lang="en")


def test_the_vocabulary_is_declared(graph: rdflib.Graph) -> None:
    """Every property of the project's own namespace used in the graph is declared, with a comment."""
    used = {p for p in graph.predicates() if str(p).startswith(str(SEI))}
    declared = set(graph.subjects(RDF.type, RDF.Property))
    assert used == declared and SEI.status in used
    assert all(graph.value(p, rdflib.RDFS.comment) is not None for p in declared)


# -- querying -------------------------------------------------------------------------


def test_sparql_lists_the_actions_of_r2_in_order(graph: rdflib.Graph) -> None:
    """The query in docs/formats/linked-data.md: the actions of R2, by number."""
    rows = [(str(row[0]), str(row[1])) for row in graph.query(R2_ACTIONS)]  # type: ignore[index]
    assert [n for n, _ in rows] == ["A9", "A10", "A11", "A12", "A13"]
    assert rows[2] == ("A11", "Promote in-depth integration of industries and cities")


def test_sparql_finds_concepts_by_chinese_label(graph: rdflib.Graph) -> None:
    """A query on a Chinese label finds the concept and its broader requirement's notation."""
    query = """
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT ?notation WHERE { ?a skos:prefLabel "加快新材料产业强弱项"@zh ; skos:broader/skos:notation ?notation }
    """
    assert [str(row[0]) for row in graph.query(query)] == ["R1"]  # type: ignore[index]


# -- Turtle ---------------------------------------------------------------------------


def test_turtle_is_the_same_graph(folder: Path, graph: rdflib.Graph) -> None:
    """The Turtle file parses to a graph isomorphic to the JSON-LD one."""
    turtle = parse(folder / "sei.ttl", format="turtle")
    assert len(turtle) == len(graph) > 2000
    assert isomorphic(turtle, graph)


def test_turtle_reads_well(folder: Path) -> None:
    """Prefixes declared, the schemes first, Chinese written as it is."""
    text = (folder / "sei.ttl").read_text(encoding="utf-8")
    assert "@prefix skos: <http://www.w3.org/2004/02/skos/core#> ." in text
    assert "@prefix sei: <urn:sei-policy:vocab#> ." in text
    first = next(line for line in text.splitlines() if line and not line.startswith("@prefix"))
    assert first == "<urn:sei-policy:nbs-2018> a skos:ConceptScheme ;"
    assert '"加快新材料产业强弱项"@zh' in text


# -- options and files ----------------------------------------------------------------


@pytest.mark.parametrize("base", ["https://example.org/sei/", "https://example.org/sei#", "urn:example:"])
def test_a_custom_base_changes_every_iri(tmp_path: Path, base: str) -> None:
    """With base=..., every concept and scheme IRI is the base and the identifier, and the default base is gone."""
    sp.export("jsonld", tmp_path / "sei.jsonld", base=base)
    sp.export("turtle", tmp_path / "sei.ttl", base=base)
    graph = parse(tmp_path / "sei.jsonld")
    concepts = set(graph.subjects(RDF.type, SKOS.Concept))
    assert concepts == {iri(r.id, base) for r in RECORDS}
    assert set(graph.subjects(RDF.type, SKOS.ConceptScheme)) == {iri("plan:sei-2020", base), iri("nbs-2018", base)}
    vocabulary = rdflib.Namespace(_skos.vocabulary(base))
    assert set(graph.objects(iri("action:new-materials", base), vocabulary.status)) == {Literal("verified")}
    assert all(not str(term).startswith("urn:sei-policy:") for triple in graph for term in triple)
    assert "urn:sei-policy:" not in (tmp_path / "sei.jsonld").read_text(encoding="utf-8")
    turtle = parse(tmp_path / "sei.ttl", format="turtle")
    assert len(turtle) == len(graph) and set(turtle.subjects(RDF.type, SKOS.Concept)) == concepts


@pytest.mark.parametrize(
    "base",
    ["https://example.org/sei", "", "example.org/sei/", "/sei/", "https://exa mple.org/", "_:b/", "urn:sei<x>:"],
)
def test_a_bad_base_is_refused(tmp_path: Path, base: str) -> None:
    """A base must be an absolute IRI that ends with '/', '#' or ':'; nothing is written otherwise."""
    for format in ("jsonld", "turtle"):
        with pytest.raises(sp.errors.InvalidArgumentError, match="export\\(\\) expects base"):
            sp.export(format, tmp_path / f"sei.{format}", base=base)
    assert list(tmp_path.iterdir()) == []


def test_a_base_that_is_not_text_is_a_type_error(tmp_path: Path) -> None:
    with pytest.raises(sp.errors.InvalidArgumentTypeError):
        sp.export("jsonld", tmp_path / "sei.jsonld", base=b"urn:x:")  # type: ignore[arg-type]
    with pytest.raises(sp.errors.InvalidArgumentTypeError):
        _skos.check_base(42)  # type: ignore[arg-type]


def test_a_missing_folder_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(sp.ExportError, match="does not exist"):
        sp.export("jsonld", tmp_path / "no" / "sei.jsonld")


def test_turtle_without_rdflib_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without rdflib, Turtle raises an ImportError that names the rdf extra; JSON-LD needs no rdflib."""
    monkeypatch.setitem(sys.modules, "rdflib", None)
    with pytest.raises(
        sp.MissingExtraError, match=r"export to turtle needs rdflib: python -m pip install '\.\[rdf\]' from a checkout"
    ) as e:
        sp.export("turtle", tmp_path / "sei.ttl")
    assert isinstance(e.value, ImportError) and e.value.extra == "rdf"
    assert not (tmp_path / "sei.ttl").exists()
    assert sp.export("jsonld", tmp_path / "sei.jsonld") == [tmp_path / "sei.jsonld"]


def test_provenance_without_note_or_claims() -> None:
    """A record whose provenance has no note and no claims gets neither an editorialNote nor a sei:claim."""
    provenance = sp.Provenance(status=sp.Status.SEED, source_keys=("seed", "S4"))
    assert _skos._provenance(PLAN, provenance) == {
        "status": "seed",
        "source": ["_:source-seed", "http://roeg.cn/bencandy.php?aid=52485&fid=58&page=3"],
    }
