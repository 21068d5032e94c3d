"""The lineage through the library: loading, the default-behaviour promises, document=, the views, and properties.

The values themselves are checked against the reference in ``tests/test_lineage_data.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sei_policy as sp
from sei_policy import _data, _loader, ids, views
from sei_policy.errors import PlanDataError
from sei_policy.models import (
    Classification,
    Correspondence,
    DocumentRelation,
    MatchType,
    Plan,
    Predicate,
    Record,
    Status,
)

LINEAGE = _loader.lineage()
DOCUMENTS = {d.id: d for d in LINEAGE.documents}
NEW = [d for d in LINEAGE.documents if d.id not in ("plan:sei-2020", "nbs-2018")]
REGISTERED = {s.key for s in LINEAGE.sources}
RECORDS = {r.id: r for d in LINEAGE.documents for r in d.members() if isinstance(r, Record)} | {
    a.id: a for a in LINEAGE.agencies
}
CITED = (Status.VERIFIED, Status.REPORTED, Status.SEED)


# -- the 2020 plan's behaviour is unchanged --------------------------------------------


def test_a_fresh_process_loads_no_lineage_for_the_2020_plan() -> None:
    """Import, get, lookup, search and to_records on the 2020 plan leave the lineage unread."""
    code = (
        "import sei_policy as sp\nfrom sei_policy import _loader\n"
        "sp.get('action:new-materials'); sp.lookup('I6'); sp.to_records('action'); sp.records('nbs-2018')\n"
        "sp.get('action:no-such', None)\n"
        "print(_loader._LINEAGE.loaded)\n"
        "sp.get('sei-2010/industry:new-materials')\nprint(_loader._LINEAGE.loaded)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True"]


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: len(sp.to_records("action")), 20),
        (lambda: len(sp.to_records("industry")), 8),
        (lambda: len(sp.records()), 64),
        (lambda: sp.lookup("I6").id, "industry:intelligent-nev"),
        (lambda: sp.lookup("新材料", kind="industry").id, "industry:new-materials"),
        (lambda: sp.plan().id, "plan:sei-2020"),
        (lambda: sp.classification().id, "nbs-2018"),
        (lambda: {r["document_id"] for r in sp.to_records("action")}, {"plan:sei-2020"}),
        (lambda: {r["document_id"] for r in sp.to_records("nbs-2018")}, {"nbs-2018"}),
        (lambda: {r["document_id"] for r in sp.to_records("agency")}, {None}),
        (lambda: len(sp.relations()[0]), 4),
    ],
    ids=[
        "actions",
        "industries",
        "records",
        "I6",
        "新材料",
        "plan",
        "classification",
        "doc-id",
        "nbs-doc",
        "agency",
        "rel",
    ],
)
def test_default_behaviour(call: Any, expected: object) -> None:
    """Without document=, everything answers as it did before the lineage: the 2020 plan first."""
    assert call() == expected


# -- documents and document= ----------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("国发〔2010〕32号", "plan:sei-2010"),
        ("国发[2010]32号", "plan:sei-2010"),
        ("plan:sei-2016", "plan:sei-2016"),
        ("sei-2016", "plan:sei-2016"),
        (" SEI-2016 ", "plan:sei-2016"),
        ("“十三五”国家战略性新兴产业发展规划", "plan:sei-2016"),
        ("工信部联科〔2024〕12号", "plan:future-industries-2024"),
        ("sei-2010/", "plan:sei-2010"),
        ("sei-2020", "plan:sei-2020"),
        ("nbs-industrial-2023", "nbs-industrial-2023"),
        ("工业战略性新兴产业分类目录(2023)", "nbs-industrial-2023"),
    ],
)
def test_a_document_is_found_by_key_number_or_title(key: str, expected: str) -> None:
    """find_document takes an identifier, a short key, a number or a title, folded."""
    assert _loader.find_document(key).id == expected


@pytest.mark.parametrize(("key", "suggestion"), [("sei-2011", "sei-2012"), ("nbs-2017", "nbs-2018")])
def test_a_document_miss_names_the_documents(key: str, suggestion: str) -> None:
    """A miss says which documents there are and suggests the closest."""
    with pytest.raises(sp.UnknownIdentifierError) as caught:
        sp.plan(key)
    assert suggestion in caught.value.suggestions and "'all'" in str(caught.value)


def test_plan_and_classification_keep_to_their_type() -> None:
    """sp.plan() refuses a classification and sp.classification() a plan, saying which to use."""
    with pytest.raises(sp.UnknownIdentifierError, match=r"sp\.classification\(\)"):
        sp.plan("nbs-2018")
    with pytest.raises(sp.UnknownIdentifierError, match=r"sp\.plan\(\)"):
        sp.classification("sei-2010")
    with pytest.raises(sp.UnknownIdentifierError, match="document only"):
        sp.classification("nbs-2012").category(1)


def test_documents_are_in_date_order_with_their_years() -> None:
    """sp.documents() lists the eleven documents, years never going back."""
    rows = sp.documents().to_records()
    assert [r["key"] for r in rows][:2] == ["sei-2010", "sei-2012"] and len(rows) == 11
    years = [int(r["year"]) for r in rows if r["year"] is not None]
    assert years == sorted(years) and len(years) == 11
    assert all(isinstance(d, Plan | Classification) for d in sp.documents())


@pytest.mark.parametrize(
    ("document", "kind", "count"),
    [
        ("sei-2010", "industry", 7),
        ("sei-2016", "pillar", 5),
        ("fyp-14", "frontier", 6),
        ("future-industries-2024", "direction", 6),
        ("future-industries-2024", "target", 6),
        ("nbs-industrial-2023", "nbs-industrial-2023", 9),
        ("all", "industry", 7 + 7 + 8 + 8 + 9 + 9),
        ("all", "nbs-2018", 9),
        ("all", "plan", 8),
    ],
)
def test_document_argument_selects_the_records(document: str, kind: str, count: int) -> None:
    """records(), to_records() and to_frame() agree on what document= selects."""
    assert len(sp.records(kind, document=document)) == count
    rows = sp.to_records(kind, document=document)
    assert len(rows) == count == len(sp.to_frame(kind, document=document))
    assert all(r["document_id"] is not None for r in rows) or kind == "agency"


def test_every_agency_is_listed_once_across_documents() -> None:
    """Agencies are shared: document='all' lists each once, the new ones among them."""
    found = [r.id for r in sp.records("agency", document="all")]
    assert len(found) == len(set(found)) and {"agency:state-council", "agency:ndrc", "agency:nbs"} <= set(found)


@pytest.mark.parametrize(
    ("text", "document", "expected"),
    [
        ("I6", "sei-2010", "sei-2010/industry:new-materials"),
        ("新材料", "sei-2016", "sei-2016/industry:new-materials"),
        ("N2", "sei-2016", "sei-2016/pillar:high-end-manufacturing"),
        ("sei-2010/I6", "all", "sei-2010/industry:new-materials"),
        ("NBSI-8", "all", "nbs-industrial-2023:8"),
        ("I6", "all", "industry:intelligent-nev"),
    ],
)
def test_lookup_in_a_document(text: str, document: str, expected: str) -> None:
    """An unqualified key resolves in the named document; with 'all', the 2020 plan wins a tie."""
    assert sp.lookup(text, document=document).id == expected


@pytest.mark.parametrize("identifier", sorted(RECORDS)[::7])
def test_get_resolves_every_full_identifier(identifier: str) -> None:
    """get() finds a record of any document by its full identifier."""
    assert sp.get(identifier).id == identifier


def test_navigation_in_the_2016_plan() -> None:
    """industries_of gives the industries a pillar groups, in order."""
    plan = sp.plan("sei-2016")
    assert [i.notation for i in plan.industries_of("N4")] == ["I5", "I6", "I7"]
    with pytest.raises(sp.UnknownIdentifierError, match="no actions"):
        plan.action_of("I1")


def test_relations_with_all_carry_status_and_sources() -> None:
    """relations(document='all') lists the links between documents and concepts with their status."""
    rows = sp.relations(document="all")
    lineage = [r for r in rows if r["status"] is not None]
    assert {r["relation"] for r in lineage} >= {"implements", "exact_match", "related_match"}
    assert len(lineage) == len(LINEAGE.relations) + len(LINEAGE.correspondences)


# -- properties of the data -----------------------------------------------------------------


def test_every_link_end_exists() -> None:
    """Every document relation joins two documents; every correspondence two records of two documents."""
    for relation in LINEAGE.relations:
        assert relation.subject_id in DOCUMENTS and relation.object_id in DOCUMENTS
    for link in LINEAGE.correspondences:
        subject, target = RECORDS[link.subject_id], RECORDS[link.object_id]
        assert subject.document_id != target.document_id


def test_no_document_implements_itself() -> None:
    """No document implements itself, directly or through a chain of implements."""
    edges: dict[str, set[str]] = {}
    for relation in LINEAGE.relations:
        if relation.predicate is Predicate.IMPLEMENTS:
            edges.setdefault(relation.subject_id, set()).add(relation.object_id)
    for start in edges:
        seen, todo = set(), list(edges[start])
        while todo:
            node = todo.pop()
            assert node != start
            if node not in seen:
                seen.add(node)
                todo += edges.get(node, ())


def test_every_correspondence_is_inferred_with_a_note() -> None:
    """All correspondences are inferred, by name, and say so."""
    assert LINEAGE.correspondences
    assert all(c.status is Status.INFERRED and c.note and "name" in c.note for c in LINEAGE.correspondences)


def _claims() -> list[tuple[str, Status, tuple[str, ...], object]]:
    """(where, status, sources, value) of every record, claim, link and observation of the lineage."""
    from sei_policy._validate import _field_value

    found: list[tuple[str, Status, tuple[str, ...], object]] = []
    for document in NEW:
        holders = [document, *(r for r in document.members() if isinstance(r, Record))]
        for holder in holders:
            provenance = holder.provenance
            assert provenance is not None
            found.append((holder.id, provenance.status, provenance.source_keys, holder.id))
            for claim in provenance.fields:
                value = _field_value(holder, claim.field)
                found.append((f"{holder.id} {claim.field}", claim.status, claim.source_keys, value))
    links: list[DocumentRelation | Correspondence] = [*LINEAGE.relations, *LINEAGE.correspondences]
    for link in links:
        found.append((f"{link.subject_id} -> {link.object_id}", link.status, link.source_keys, link.object_id))
    for observation in LINEAGE.observations:
        found.append((f"observation {observation.year}", observation.status, observation.source_keys, 1))
    return found


def test_every_supported_value_cites_a_registered_source() -> None:
    """A non-null value of status verified, reported or seed cites at least one source, each registered."""
    for where, status, keys, value in _claims():
        assert set(keys) <= REGISTERED, where
        if status in CITED and value not in (None, ()):
            assert keys, where


NULLABLE = ("document_number", "adopted", "issued", "published", "written")


def test_every_null_carries_its_reason() -> None:
    """An empty date, number, title or target year of a lineage document has a claim with a note saying why."""
    for document in NEW:
        for field in NULLABLE:
            if getattr(document, field, "") is None:
                claim = document.provenance.claim(field) if document.provenance else None
                assert claim is not None and claim.note, (document.id, field)
        for record in (r for r in document.members() if isinstance(r, Record)):
            empty = [f for f in ("title.en", "title.zh") if getattr(record.title, f[-2:]) is None]
            empty += ["year"] if isinstance(record, sp.Target) and record.year is None else []
            for field in empty:
                claim = record.provenance.claim(field)
                assert claim is not None and claim.note, (record.id, field)


def test_observations_are_never_targets() -> None:
    """The GDP-share view keeps targets and observations apart: only targets have a document and an id."""
    rows = sp.gdp_share().to_records()
    assert {r["kind"] for r in rows} == {"target", "observation"}
    for row in rows:
        assert (row["kind"] == "target") == (row["id"] is not None) == (row["document_id"] is not None)
    reported = {r["year"] for r in rows if r["kind"] == "observation" and r["status"] == "reported"}
    assert reported == {2022, 2024}


def test_a_tampered_lineage_file_fails_loudly() -> None:
    """A correspondence to a record that does not exist is refused, naming the file and the path."""
    body = json.loads(_data.read(_loader.LINEAGE_FILE))
    body["correspondences"][0]["object_id"] = "industry:no-such"
    with pytest.raises(PlanDataError, match=r"lineage\.json\.correspondences\[0\]\.object_id"):
        _loader.parse_lineage(_loader.load(), json.dumps(body).encode())


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("chain", 0), "plan:sei-2099", "not a document"),
        (("relations", 0, "object_id"), "plan:sei-2099", "dangling relation"),
        (("correspondences", 0, "status"), "verified", "inferred"),
        (("plans", 0, "industries", 0, "id"), "industry:energy-saving-environmental", "prefix"),
        (("observations", 0, "unit"), "percent", "unknown unit"),
        (("sources", 0, "key"), "S1", "L<number>"),
    ],
)
def test_corruptions_are_refused(path: tuple[Any, ...], value: object, message: str) -> None:
    """Each corruption of the lineage's file is refused by the full validation with a precise reason."""
    body = json.loads(_data.read(_loader.LINEAGE_FILE))
    node = body
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    with pytest.raises(PlanDataError, match=message):
        _loader.parse_lineage(_loader.load(), json.dumps(body).encode())


def test_an_implementation_cycle_is_refused() -> None:
    """A document that would implement itself through a chain is refused."""
    body = json.loads(_data.read(_loader.LINEAGE_FILE))
    body["relations"].append(
        {"subject_id": "plan:sei-2010", "predicate": "implements", "object_id": "plan:sei-2012",
         "status": "inferred", "source_keys": [], "note": "a test"}
    )  # fmt: skip
    with pytest.raises(PlanDataError, match="implements itself"):
        _loader.parse_lineage(_loader.load(), json.dumps(body).encode())


# -- the views --------------------------------------------------------------------------


def test_lineage_of_new_materials() -> None:
    """The new-materials industry has one exact counterpart in each of the seven other documents that list one."""
    rows = sp.lineage("new-materials").to_records()
    assert [r["document_id"] for r in rows] == [
        "plan:sei-2010", "plan:sei-2012", "plan:sei-2016", "nbs-2018", "plan:sei-2020",
        "plan:fyp-14-proposal", "plan:fyp-14", "nbs-industrial-2023",
    ]  # fmt: skip
    assert {r["match"] for r in rows} == {"exact", None}
    assert {r["status"] for r in rows if r["match"]} == {"inferred"}


@pytest.mark.parametrize(
    ("key", "document", "notation", "match"),
    [
        ("intelligent-nev", "plan:sei-2010", "I7", "narrower"),
        ("sei-2010/industry:new-energy-vehicles", "plan:sei-2020", "I6", "broader"),
        ("energy-saving-environmental", "plan:fyp-14", "I7", "related"),
        ("A4", "nbs-industrial-2023", "NBSI-3", "exact"),
        ("nbs-industrial-2023:2", "nbs-2018", "NBS-2", "broader"),
    ],
)
def test_lineage_matches(key: str, document: str, notation: str, match: str) -> None:
    """The match is read from the record's side, composed along the links (an action stands for its industry)."""
    rows = [r for r in sp.lineage(key).to_records() if r["document_id"] == document]
    assert (rows[0]["notation"], rows[0]["match"]) == (notation, match)


@given(st.sampled_from(sorted(i for i, r in RECORDS.items() if r.kind in views._MATCHED)))
def test_lineage_holds_its_record_once_in_date_order(identifier: str) -> None:
    """Every concept's lineage lists it once, unmatched, and its documents in date order."""
    rows = sp.lineage(identifier).to_records()
    assert [r["id"] for r in rows if r["match"] is None] == [identifier]
    order = [list(DOCUMENTS).index(str(r["document_id"])) for r in rows]
    assert order == sorted(order)


def test_the_crosswalk_has_a_row_per_concept() -> None:
    """The crosswalk's rows: the 2020 plan's eight, NBS 2018's related services, then the 14th FYP's three new ones."""
    crosswalk = sp.crosswalk()
    rows = crosswalk.to_records()
    assert len(rows) == 12 and crosswalk.columns[0] == "concept"
    assert rows[3]["sei-2010"] == "sei-2010/industry:new-materials"
    assert rows[3]["nbs-industrial-2023"] == "nbs-industrial-2023:3"
    green = next(r for r in rows if r["fyp-14"] == "fyp-14/industry:green-environmental")
    assert green["sei-2020"] is None  # related, not the same: a row of its own
    assert "新材料 (I6)" in str(crosswalk)


def test_the_pairwise_concordance() -> None:
    """nbs-2018 to nbs-industrial-2023: one row per pair, fields without counterpart kept with b empty."""
    rows = sp.crosswalk("nbs-2018", "nbs-industrial-2023").to_records()
    pairs = [(r["a_notation"], r["match"], r["b_notation"]) for r in rows]
    assert ("NBS-2", "narrower", "NBSI-2") in pairs and ("NBS-7", "related", "NBSI-7") in pairs
    assert ("NBS-8", None, None) in pairs
    with pytest.raises(sp.errors.InvalidArgumentTypeError):
        sp.crosswalk("nbs-2018")


@pytest.mark.parametrize("view", [sp.documents, lambda: sp.lineage("biotech"), sp.crosswalk, sp.gdp_share])
def test_each_view_has_every_form(view: Any) -> None:
    """Records, a frame with the same shape, a text table and an HTML table."""
    found = view()
    records = found.to_records()
    frame = found.to_frame()
    assert frame.shape == (len(records), len(found.columns))
    assert str(found).splitlines()[0] == found.title
    assert found._repr_html_().startswith('<table class="sei-policy-view">')


def test_the_gdp_share_figure() -> None:
    """plot() returns a matplotlib figure with the observations' line and a marker series per document."""
    pytest.importorskip("matplotlib")
    figure = sp.gdp_share().plot()
    (axes,) = figure.axes
    legend = axes.get_legend()
    assert legend is not None
    labels = [t.get_text() for t in legend.get_texts()]
    assert labels[0] == "observed" and "target: fyp-14" in labels


def test_the_match_types_invert() -> None:
    """Read from the object's side, broader and narrower swap; the rest stay."""
    assert [m.inverse for m in MatchType] == [
        MatchType.EXACT, MatchType.CLOSE, MatchType.NARROWER, MatchType.BROADER, MatchType.RELATED,
    ]  # fmt: skip


def test_record_prefixes_name_their_document() -> None:
    """Every record of a lineage plan carries its document's prefix."""
    for document in NEW:
        for record in (r for r in document.members() if isinstance(r, Record)):
            if isinstance(document, Plan) and record.kind != "agency":
                assert ids.parse(record.id)[0] == document.key
            assert record.document_id in (document.id, None)
