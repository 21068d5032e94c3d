"""The shipped lineage data (data/lineage.json, and the lineage additions to nbs-2018.json) against lineage-facts.md."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import importlib_resources
import pytest

from . import lineage_reference as ref
from .conftest import REFERENCE

FACTS = REFERENCE / "lineage-facts.md"
needs_facts = pytest.mark.skipif(not FACTS.exists(), reason="the reference folder is not beside this checkout")
STATUSES = ("verified", "reported", "inferred", "unverified")


def _read(name: str) -> Any:
    return json.loads((importlib_resources.files("sei_policy") / "data" / name).read_text(encoding="utf-8"))


LINEAGE: dict[str, Any] = _read("lineage.json")
NBS_2018: dict[str, Any] = _read("nbs-2018.json")
PLAN_2020: dict[str, Any] = _read("sei-2020.json")
DOCS: dict[str, dict[str, Any]] = {d["id"]: d for d in (*LINEAGE["plans"], *LINEAGE["classifications"])}
PREFIXES = {plan_id: plan_id.removeprefix("plan:") for plan_id in ref.PLANS}


def _records() -> Iterator[dict[str, Any]]:
    """Every record of the file that carries a provenance: agencies, documents and the records inside them."""
    yield from LINEAGE["agencies"]
    for doc in DOCS.values():
        yield doc
        for name in ("industries", "pillars", "frontiers", "directions", "targets", "categories"):
            yield from doc.get(name, [])


RECORDS: dict[str, dict[str, Any]] = {r["id"]: r for r in _records()}


def _claim(record: dict[str, Any], field: str) -> dict[str, Any] | None:
    return next((c for c in record["provenance"]["fields"] if c["field"] == field), None)


def _status(record: dict[str, Any], field: str) -> str:
    """The status of one field: its claim's, or the record's where it has none."""
    claim = _claim(record, field)
    return str(claim["status"] if claim else record["provenance"]["status"])


def _value(record: dict[str, Any], field: str) -> Any:
    value: Any = record
    for name in re.sub(r"\[\d+\]$", "", field).split("."):
        value = value.get(name) if isinstance(value, dict) else None
    return value


def _empty(value: Any) -> bool:
    """Whether a value is null or empty; a name in two languages is empty when both are."""
    if isinstance(value, dict):
        return all(_empty(v) for v in value.values())
    return value in (None, [], "")


def _strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")


# -- the transcription against lineage-facts.md ----------------------------------------------


def _chinese_strings() -> list[str]:
    strings = [d.title_zh for d in ref.DOCUMENTS.values()]
    strings += [d.document_number for d in ref.DOCUMENTS.values() if d.document_number]
    strings += [d.document_type[1] for d in ref.DOCUMENTS.values()]
    strings += [name for names in ref.ADDRESSEES_ZH.values() for name in names]
    strings += [zh for rows in ref.INDUSTRIES.values() for _, zh, _ in rows]
    strings += [zh for _, zh, _, _ in ref.PILLARS] + [zh for _, zh, _ in ref.FRONTIERS + ref.DIRECTIONS]
    strings += [t.zh for targets in ref.TARGETS.values() for t in targets if t.zh]
    strings += [zh for zh, _ in ref.NBS_INDUSTRIAL_2023] + [zh for _, zh, _ in ref.AGENCIES.values()]
    strings += [*ref.SEI_2010_ROLE_PHRASES, ref.SEI_2010_SHORT_NAME[1], ref.FUTURE_INDUSTRIES_SHORT_TITLE]
    strings += [*ref.NUMBER_CANDIDATES_NOT_SHIPPED, ref.NBS_2012_ALIAS]
    strings += [ref.NBS_2018_DOCUMENT_NUMBER, ref.NBS_2018_ORDER_AS_READ, ref.NBS_2018_MAIN_LINE]
    return strings


@needs_facts
@pytest.mark.parametrize("text", _chinese_strings())
def test_chinese_transcription_stands_verbatim_in_lineage_facts(text: str) -> None:
    """Every Chinese string the tests expect is written, character for character, in lineage-facts.md."""
    assert text in FACTS.read_text(encoding="utf-8")


def _english_strings() -> list[str]:
    strings = [d.title_en for d in ref.DOCUMENTS.values() if d.title_en]
    strings += [alias for aliases in ref.ENGLISH_ALIASES.values() for alias in aliases]
    strings += [*ref.DOCUMENT_NUMBERS_EN.values(), *ref.SEI_2010_PRESS_NAMES.values()]
    strings += [en for _, _, en, _ in ref.PILLARS] + [en for _, en in ref.NBS_INDUSTRIAL_2023]
    strings += [en for rows in ref.INDUSTRIES.values() for _, _, en in rows]
    strings += [en for _, _, en in ref.FRONTIERS + ref.DIRECTIONS] + [en for _, _, en in ref.AGENCIES.values()]
    return strings


@needs_facts
@pytest.mark.parametrize("text", _english_strings())
def test_english_transcription_stands_verbatim_in_lineage_facts(text: str) -> None:
    """Every English title and name the tests expect is written verbatim in lineage-facts.md."""
    assert text in FACTS.read_text(encoding="utf-8")


@needs_facts
@pytest.mark.parametrize(("subject", "predicate", "obj", "status"), ref.RELATIONS)
def test_relation_rows_stand_in_lineage_facts(subject: str, predicate: str, obj: str, status: str) -> None:
    """Each transcribed edge is a row of §3.4 (or, for nbs-2018 → nbs-2012, its revises row)."""
    text = FACTS.read_text(encoding="utf-8")
    assert f"| `{subject}` | {predicate} | `{obj}` |" in text


# -- the documents ------------------------------------------------------------------------------


def test_chain_lists_the_eleven_documents_in_date_order() -> None:
    """The chain is §0's documents 1 to 11, and every one of them has a record here or in the other files."""
    assert tuple(LINEAGE["chain"]) == ref.CHAIN
    assert set(ref.CHAIN) == {*DOCS, "plan:sei-2020", "nbs-2018"}
    assert tuple(d["id"] for d in LINEAGE["plans"]) == ref.PLANS
    assert tuple(d["id"] for d in LINEAGE["classifications"]) == ref.CLASSIFICATIONS


def test_edition_is_the_same_in_every_document_file() -> None:
    """lineage.json, sei-2020.json and nbs-2018.json carry the new data edition."""
    assert LINEAGE["schema_version"] == 2
    assert {LINEAGE["edition"], NBS_2018["edition"], PLAN_2020["edition"]} == {ref.EDITION}


@pytest.mark.parametrize(("doc_id", "expected"), ref.DOCUMENTS.items())
def test_document_metadata(doc_id: str, expected: ref.Document) -> None:
    """Titles, number, type, issuers, dates, period and year are the reference's."""
    doc = DOCS[doc_id]
    assert doc["title"]["zh"] == expected.title_zh
    if expected.title_en is not None:
        assert doc["title"]["en"] == expected.title_en
    assert doc["document_number"] == expected.document_number
    assert (doc["document_type"]["en"], doc["document_type"]["zh"]) == expected.document_type
    assert tuple(doc["issuer_ids"]) == expected.issuers
    assert (doc["adopted"], doc.get("issued"), doc["published"]) == (
        expected.adopted,
        expected.issued,
        expected.published,
    )
    period = (doc.get("period_start"), doc.get("period_end"))
    assert period == (expected.period or (None, None))
    assert doc.get("year") == expected.year


@pytest.mark.parametrize(("key", "status"), ref.FIELD_STATUS.items(), ids=lambda v: str(v))
def test_document_field_status(key: tuple[str, str], status: str) -> None:
    """Each document field carries the reference's status (after §0.1); an unverified one ships empty."""
    doc_id, field = key
    doc = DOCS[doc_id]
    assert _status(doc, field) == status
    if status == "unverified":
        assert _empty(_value(doc, field)), field
        claim = _claim(doc, field)
        assert claim is not None and claim["note"], "an empty field says why"
    elif status != "inferred":  # an inferred value may be an inferred absence (the Outline has no number)
        assert not _empty(_value(doc, field)), field


@pytest.mark.parametrize(("doc_id", "aliases"), ref.ENGLISH_ALIASES.items())
def test_english_aliases_are_the_titles_read(doc_id: str, aliases: tuple[str, ...]) -> None:
    """The English titles read in the sources ship as aliases, and the "2030" wording never does (C5)."""
    assert tuple(DOCS[doc_id]["aliases"]["en"]) == aliases
    assert "2030" not in DOCS["plan:fyp-14-proposal"]["title"]["en"]
    assert "2035" in DOCS["plan:fyp-14-proposal"]["title"]["en"]


def test_short_names_read_in_the_sources() -> None:
    """The Decision's short name (L2) and the 2024 opinions' short title (L48) are shipped as read."""
    short = DOCS["plan:sei-2010"]["short_name"]
    assert (short["en"], short["zh"]) == ref.SEI_2010_SHORT_NAME
    assert DOCS["plan:future-industries-2024"]["aliases"]["zh"] == [ref.FUTURE_INDUSTRIES_SHORT_TITLE]
    assert DOCS["nbs-2012"]["aliases"]["zh"] == [ref.NBS_2012_ALIAS]


@pytest.mark.parametrize(("doc_id", "number"), ref.DOCUMENT_NUMBERS_EN.items())
def test_english_document_numbers_are_reported(doc_id: str, number: str) -> None:
    """The English document numbers, read once each in a weak source, ship with status reported."""
    assert DOCS[doc_id]["document_number_en"] == number
    assert _status(DOCS[doc_id], "document_number_en") == "reported"


def test_candidate_numbers_are_not_shipped_as_numbers() -> None:
    """国发〔2012〕28号 is never rebuilt from the pinyin; 国发〔2016〕67号 is named only in the 2016 plan's claim."""
    text = json.dumps(LINEAGE, ensure_ascii=False)
    assert ref.NUMBER_CANDIDATES_NOT_SHIPPED[0] not in text
    claim = _claim(DOCS["plan:sei-2016"], "document_number")
    assert claim is not None and ref.NUMBER_CANDIDATES_NOT_SHIPPED[1] in claim["note"]
    assert text.count(ref.NUMBER_CANDIDATES_NOT_SHIPPED[1]) == 1


@pytest.mark.parametrize(("doc_id", "addressees"), ref.ADDRESSEES_ZH.items())
def test_chinese_addressees(doc_id: str, addressees: tuple[str, ...]) -> None:
    """The Chinese addressees, split where the text separates them, with as many English renderings."""
    doc = DOCS[doc_id]
    assert tuple(doc["addressees_zh"]) == addressees
    assert len(doc["addressees"]) == len(addressees)


def test_only_the_2012_plan_has_a_figure() -> None:
    """The 20 major projects of the 2012 plan are a figure, not a target; no other document has figures."""
    figures = {doc_id: doc.get("figures", []) for doc_id, doc in DOCS.items() if doc.get("figures")}
    assert list(figures) == ["plan:sei-2012"]
    assert [(f["value"], f["unit"]) for f in figures["plan:sei-2012"]] == [(20, "count")]


# -- the records inside the documents -----------------------------------------------------------


def _industry_rows() -> list[tuple[str, int, str, str, str]]:
    return [
        (prefix, n, slug, zh, en) for prefix, rows in ref.INDUSTRIES.items() for n, (slug, zh, en) in enumerate(rows, 1)
    ]


@pytest.mark.parametrize(("prefix", "number", "slug", "zh", "en"), _industry_rows())
def test_industries(prefix: str, number: int, slug: str, zh: str, en: str) -> None:
    """Each document's industries, in its order, with their names and the status of the Chinese name."""
    industries = DOCS[f"plan:{prefix}"]["industries"]
    assert len(industries) == len(ref.INDUSTRIES[prefix])
    record = industries[number - 1]
    assert (record["id"], record["kind"], record["notation"], record["number"]) == (
        f"{prefix}/industry:{slug}",
        "industry",
        f"I{number}",
        number,
    )
    assert (record["title"]["zh"], record["title"]["en"]) == (zh, en)
    assert _status(record, "title.zh") == ref.INDUSTRY_ZH_STATUS[prefix]
    if prefix in ref.INDUSTRY_ZH_SOURCES:
        claim = _claim(record, "title.zh")
        assert claim is not None and tuple(claim["source_keys"]) == ref.INDUSTRY_ZH_SOURCES[prefix]
    assert ("role" in record) == (prefix == "sei-2010")
    assert not {"action_id", "nbs_2018_id", "nbs_2018_match"} & set(record)


def test_sei_2010_roles() -> None:
    """The 2010 industries carry the role the Decision sets for 2020 (verified, L2)."""
    industries = DOCS["plan:sei-2010"]["industries"]
    assert tuple(r["role"] for r in industries) == ref.SEI_2010_ROLES
    assert {_status(r, "role") for r in industries} == {"verified"}


@pytest.mark.parametrize(("slug", "press"), ref.SEI_2010_PRESS_NAMES.items())
def test_sei_2010_press_names_are_aliases(slug: str, press: str) -> None:
    """The English press names of L7 are aliases, cited to L7."""
    record = RECORDS[f"sei-2010/industry:{slug}"]
    assert record["aliases"]["en"] == [press]
    claim = _claim(record, "aliases.en")
    assert claim is not None and claim["source_keys"] == ["L7"]


@pytest.mark.parametrize(("number", "row"), list(enumerate(ref.PILLARS, 1)))
def test_sei_2016_pillars(number: int, row: tuple[str, str, str, tuple[str, ...]]) -> None:
    """The five new pillars, with L22's English names and the industries within them (inferred)."""
    slug, zh, en, members = row
    record = DOCS["plan:sei-2016"]["pillars"][number - 1]
    assert (record["id"], record["kind"], record["notation"]) == (f"sei-2016/pillar:{slug}", "pillar", f"N{number}")
    assert (record["title"]["zh"], record["title"]["en"]) == (zh, en)
    assert tuple(record["industry_ids"]) == tuple(f"sei-2016/industry:{m}" for m in members)
    assert _status(record, "industry_ids") == "inferred"
    assert len(DOCS["plan:sei-2016"]["pillars"]) == len(ref.PILLARS)


@pytest.mark.parametrize(
    ("doc_id", "kind", "letter", "rows"),
    [
        ("plan:fyp-14", "frontier", "F", ref.FRONTIERS),
        ("plan:future-industries-2024", "direction", "D", ref.DIRECTIONS),
    ],
)
def test_frontiers_and_directions(doc_id: str, kind: str, letter: str, rows: tuple[tuple[str, str, str], ...]) -> None:
    """The Outline's six frontier fields and the 2024 opinions' six directions, in order."""
    records = DOCS[doc_id][f"{kind}s"]
    prefix = PREFIXES[doc_id]
    expected = [(f"{prefix}/{kind}:{slug}", kind, f"{letter}{n}", zh, en) for n, (slug, zh, en) in enumerate(rows, 1)]
    found = [(r["id"], r["kind"], r["notation"], r["title"]["zh"], r["title"]["en"]) for r in records]
    assert found == expected
    assert {r["provenance"]["status"] for r in records} == {"verified"}


def _target_rows() -> list[tuple[str, int, ref.Target]]:
    return [(prefix, n, t) for prefix, targets in ref.TARGETS.items() for n, t in enumerate(targets, 1)]


@pytest.mark.parametrize(("prefix", "number", "expected"), _target_rows())
def test_targets(prefix: str, number: int, expected: ref.Target) -> None:
    """Each target's value, unit, qualifier, year and Chinese wording, in the document's order."""
    targets = DOCS[f"plan:{prefix}"]["targets"]
    assert len(targets) == len(ref.TARGETS[prefix])
    record = targets[number - 1]
    assert (record["id"], record["kind"], record["notation"]) == (
        f"{prefix}/target:{expected.slug}",
        "target",
        f"T{number}",
    )
    assert (record["value"], record["unit"], record["qualifier"], record["year"]) == (
        expected.value,
        expected.unit,
        expected.qualifier,
        expected.year,
    )
    assert record["title"]["zh"] == expected.zh
    assert _status(record, "title.zh") == ref.TARGET_ZH_STATUS.get(record["id"], "verified")
    assert "action_id" not in record


def test_no_target_in_documents_without_one() -> None:
    """Only the documents §3.2 gives targets have any; the 2012 growth rate is not shipped."""
    with_targets = {PREFIXES[d] for d in ref.PLANS if DOCS[d]["targets"]}
    assert with_targets == set(ref.TARGETS)
    assert all(
        t["unit"] in ("percent of GDP", "count", "persons a year") for p in ref.PLANS for t in DOCS[p]["targets"]
    )


@pytest.mark.parametrize(("number", "status"), list(enumerate(ref.FUTURE_TARGET_VALUE_STATUS, 1)))
def test_future_target_values_are_read_or_inferred(number: int, status: str) -> None:
    """百项/百家 as 100: read in English for the first three targets (L51), inferred for the rest."""
    record = DOCS["plan:future-industries-2024"]["targets"][number - 1]
    assert _status(record, "value") == status


@pytest.mark.parametrize(("number", "names"), list(enumerate(ref.NBS_INDUSTRIAL_2023, 1)))
def test_nbs_industrial_2023_categories(number: int, names: tuple[str, str]) -> None:
    """The 2023 catalogue's nine, NBSI-1 … NBSI-9 in the communiqué's order; the numbering is inferred."""
    zh, en = names
    record = DOCS["nbs-industrial-2023"]["categories"][number - 1]
    assert (record["id"], record["kind"], record["notation"], record["number"]) == (
        f"nbs-industrial-2023:{number}",
        "nbs-industrial-2023",
        f"NBSI-{number}",
        number,
    )
    assert (record["title"]["zh"], record["title"]["en"]) == (zh, en)
    assert _status(record, "number") == "inferred"


def test_nbs_2012_has_no_categories() -> None:
    """The trial classification ships as a document only, until the names of its fields are read."""
    assert DOCS["nbs-2012"]["categories"] == []
    assert len(DOCS["nbs-industrial-2023"]["categories"]) == len(ref.NBS_INDUSTRIAL_2023)


@pytest.mark.parametrize(("agency_id", "expected"), ref.AGENCIES.items())
def test_agencies(agency_id: str, expected: tuple[str, str, str]) -> None:
    """The nine new shared agencies, unprefixed, with their notation and names."""
    notation, zh, en = expected
    record = RECORDS[agency_id]
    assert (record["kind"], record["notation"], record["title"]["zh"], record["title"]["en"]) == (
        "agency",
        notation,
        zh,
        en,
    )
    assert _status(record, "notation") == "inferred"


def test_agency_list_is_the_new_nine() -> None:
    """lineage.json lists exactly the nine new agencies; the 2020 plan's own are not repeated."""
    assert [a["id"] for a in LINEAGE["agencies"]] == list(ref.AGENCIES)
    assert not {a["id"] for a in LINEAGE["agencies"]} & {a["id"] for a in PLAN_2020["agencies"]}


# -- relations, correspondences, observations ------------------------------------------------------


def test_relations_are_the_references_edges() -> None:
    """Exactly the edges of §3.4 and §1.x between documents of the chain, with §0.1's statuses."""
    found = {(r["subject_id"], r["predicate"], r["object_id"], r["status"]) for r in LINEAGE["relations"]}
    assert found == set(ref.RELATIONS)
    assert len(LINEAGE["relations"]) == len(ref.RELATIONS)


@pytest.mark.parametrize("relation", LINEAGE["relations"], ids=lambda r: f"{r['subject_id']}-{r['predicate']}")
def test_relation_is_well_formed(relation: dict[str, Any]) -> None:
    """A closed predicate, both ends in the chain, the reference's sources, a note; no inverse is stored."""
    subject, obj = relation["subject_id"], relation["object_id"]
    assert relation["predicate"] in ref.PREDICATES
    assert {subject, obj} <= set(ref.CHAIN)
    assert set(ref.RELATION_SOURCES[(subject, obj)]) <= set(relation["source_keys"])
    assert relation["note"]
    assert not any(r["subject_id"] == obj and r["object_id"] == subject for r in LINEAGE["relations"])


def test_correspondences_are_the_references() -> None:
    """Exactly §3.2's name correspondences, read as SKOS mapping types."""
    found = {(c["subject_id"], c["match"], c["object_id"]) for c in LINEAGE["correspondences"]}
    assert found == ref.CORRESPONDENCES
    assert len(LINEAGE["correspondences"]) == len(ref.CORRESPONDENCES)


@pytest.mark.parametrize(
    "row", LINEAGE["correspondences"], ids=lambda c: f"{c['subject_id']}-{c['match']}-{c['object_id']}"
)
def test_correspondence_is_inferred_by_name(row: dict[str, Any]) -> None:
    """Every correspondence is inferred, says it is by name, cites the sources of both names, and links
    no 2020 industry to the 2018 classification (sei-2020.json does that)."""
    assert row["status"] == "inferred"
    assert row["match"] in ref.MATCHES
    assert row["note"].startswith("by name: ")
    assert len(row["source_keys"]) >= 2
    assert not (row["subject_id"].startswith("industry:") and row["object_id"].startswith("nbs-2018:"))
    assert row["subject_id"] in RECORDS
    assert row["object_id"] in RECORDS or row["object_id"].startswith(("industry:", "nbs-2018:"))


def test_correspondences_never_touch_pillars_frontiers_or_directions() -> None:
    """Future-industry lists and the 2016 pillars are mapped to nothing."""
    ends = {c[k] for c in LINEAGE["correspondences"] for k in ("subject_id", "object_id")}
    assert not [e for e in ends if re.search(r"/(pillar|frontier|direction):", e)]


def test_observations() -> None:
    """The actual SEI shares of GDP of §1.11, with §0.1's statuses; not the conflicting share around 2010."""
    found = [
        ref.Observation(o["year"], o["value"], o["qualifier"], o["status"], tuple(o["source_keys"]))
        for o in LINEAGE["observations"]
    ]
    assert found == list(ref.OBSERVATIONS)
    assert {(o["indicator"], o["unit"]) for o in LINEAGE["observations"]} == {("sei-share-of-gdp", "percent of GDP")}
    assert not {o["year"] for o in LINEAGE["observations"]} & set(ref.OBSERVATION_YEARS_NOT_SHIPPED)
    expectation = next(o for o in LINEAGE["observations"] if o["year"] == 2017)
    assert "expectation" in expectation["note"] and "July 2017" in expectation["note"]


# -- sources and statuses across the file -----------------------------------------------------------


def test_source_register() -> None:
    """The register is L1–L65 without L23; reliabilities are one of four and map the reference's."""
    sources = {s["key"]: s for s in LINEAGE["sources"]}
    assert tuple(sources) == ref.SOURCE_KEYS
    assert {s["reliability"] for s in sources.values()} <= {"primary", "reputable", "secondary", "low"}
    assert {key: sources[key]["reliability"] for key in ref.RELIABILITY} == ref.RELIABILITY
    assert all(s["address"].startswith("http") and s["description"] for s in sources.values())
    for key in ("L2", "L16"):  # secondary, on a low host
        assert "low-reliability host" in sources[key]["description"]


def test_every_source_key_is_registered() -> None:
    """Every key cited in lineage.json is in its register, or an S-key of the 2020 plan's register."""
    known = {s["key"] for s in LINEAGE["sources"]} | {s["key"] for s in PLAN_2020["sources"]}
    cited = {text for path, text in _strings(LINEAGE) if ".source_keys[" in path}
    assert cited - known == set()
    assert "L23" not in cited


def test_statuses_are_known_and_unverified_fields_are_empty() -> None:
    """Every status is one of four; each field a claim calls unverified is null or empty."""
    checked = 0
    for record in RECORDS.values():
        assert record["provenance"]["status"] in STATUSES
        for claim in record["provenance"]["fields"]:
            assert claim["status"] in STATUSES
            if claim["status"] == "unverified":
                assert _empty(_value(record, claim["field"])), (record["id"], claim["field"])
                assert claim["note"], (record["id"], claim["field"])
                checked += 1
    rows = [*LINEAGE["relations"], *LINEAGE["correspondences"], *LINEAGE["observations"]]
    assert {r["status"] for r in rows} <= set(STATUSES) - {"unverified"}
    assert checked > 20


def test_null_titles_are_explained() -> None:
    """A null title in either language comes with an unverified claim that says why."""
    for record in RECORDS.values():
        for lang in ("en", "zh"):
            if record["title"][lang] is None:
                claim = _claim(record, f"title.{lang}")
                assert claim is not None and claim["status"] == "unverified" and claim["note"], record["id"]


OUR_WORDS = ("lineage-facts", "§", "earlier round", "this round", "the project's reference", "shared/", "plan-facts")


def test_no_string_mentions_our_documents() -> None:
    """No note or description names our documents, their sections or tags, or the uncitable L23."""
    problems = [
        f"{path}: {text!r}"
        for path, text in _strings(LINEAGE)
        if any(word in text for word in OUR_WORDS) or re.search(r"\b(C[0-9]{1,2}|L23)\b", text)
    ]
    assert problems == []


def test_identifiers_are_prefixed_and_notations_unique() -> None:
    """Records take their document's prefix; identifiers are unique and notations unique within a document."""
    seen: set[str] = set()
    for doc_id, doc in DOCS.items():
        prefix = PREFIXES.get(doc_id, doc_id)
        notations = []
        for name in ("industries", "pillars", "frontiers", "directions", "targets", "categories"):
            for record in doc.get(name, []):
                sep = "/" if doc_id.startswith("plan:") else ":"
                assert re.fullmatch(re.escape(prefix + sep) + r"([a-z]+:)?[a-z0-9]+(-[a-z0-9]+)*", record["id"])
                assert record["id"] not in seen
                seen.add(record["id"])
                notations.append(record["notation"])
        assert len(notations) == len(set(notations)), doc_id


# -- the lineage additions to nbs-2018.json ------------------------------------------------------------


def test_nbs_2018_additions() -> None:
    """nbs-2018 gains its order number (inferred form), type, issuer and claims; its note names its main line."""
    assert NBS_2018["document_number"] == ref.NBS_2018_DOCUMENT_NUMBER
    assert NBS_2018["document_type"] == {"en": "classification", "zh": "分类"}
    assert NBS_2018["issuer_ids"] == ["agency:nbs"]
    claims = {c["field"]: c for c in NBS_2018["provenance"]["fields"]}
    assert {field: claims[field]["status"] for field in ref.NBS_2018_CLAIMS} == ref.NBS_2018_CLAIMS
    assert ref.NBS_2018_ORDER_AS_READ in claims["document_number"]["note"]
    assert ref.NBS_2018_MAIN_LINE in NBS_2018["note"]
    keys = {k for _, text in _strings(NBS_2018["provenance"]) for k in re.findall(r"\b[LS]\d+\b", text)}
    keys |= {k for c in claims.values() for k in c["source_keys"]}
    assert keys and all(k.startswith("S") for k in keys), "nbs-2018.json cites the 2020 register only"
