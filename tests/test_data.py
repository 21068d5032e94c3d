"""The shipped data against the project's reference (plan-facts.md, identifiers.md)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import sei_policy as sp
from sei_policy import _loader
from sei_policy.models import Record

from . import reference as ref
from .conftest import REFERENCE

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]


def _registry() -> list[tuple[str, str]]:
    lines = (FIXTURES / "identifiers.txt").read_text(encoding="utf-8").splitlines()
    return [tuple(line.split()) for line in lines if line and not line.startswith("#")]  # type: ignore[misc]


REGISTRY = _registry()


@pytest.mark.parametrize(("notation", "identifier"), REGISTRY)
def test_registry_identifier_resolves_with_its_notation(notation: str, identifier: str) -> None:
    """Every identifier of the registry is shipped, with exactly its notation."""
    record = sp.get(identifier)
    assert record.id == identifier
    if notation != "-":
        assert isinstance(record, Record)
        assert record.notation == notation


def test_registry_covers_every_shipped_identifier(plan: sp.Plan) -> None:
    """Nothing is shipped that the registry fixture does not list (so the fixture keeps growing with the data)."""
    shipped = {plan.id, *(r.id for r in plan.records), *(c.id for c in sp.classification().categories)}
    assert shipped == {identifier for _, identifier in REGISTRY}


@pytest.mark.skipif(
    not (REFERENCE / "identifiers.md").exists(), reason="the reference folder is not beside this checkout"
)
def test_registry_fixture_matches_identifiers_md() -> None:
    """Each identifier of the fixture is written in identifiers.md (or follows its nbs-2018 rule)."""
    text = (REFERENCE / "identifiers.md").read_text(encoding="utf-8")
    for _, identifier in REGISTRY:
        if identifier.startswith("nbs-2018:"):
            assert "`nbs-2018:1` … `nbs-2018:9`" in text
        else:
            assert f"`{identifier}`" in text, identifier


def _chinese_strings() -> list[str]:
    strings = [ref.TITLE_ZH.replace("\u3000", " "), ref.DOCUMENT_NUMBER, *ref.ISSUERS_ZH, *ref.NBS_2018]
    strings += [zh for zh, _ in ref.PRIORITIES + ref.GUARANTEES]
    strings += [zh for _, _, zh in ref.REQUIREMENTS.values() if zh]
    strings += [zh for _, zh in ref.ACTIONS.values() if zh]
    strings += [term for terms in ref.ACTION_KEYWORDS_ZH.values() for term in terms]
    strings += [zh for _, zh in ref.TARGETS.values()]
    strings += [term for terms in ref.OBJECTIVE_KEYWORDS_ZH.values() for term in terms]
    strings += [*ref.NON_ISSUERS_ZH.values(), *(name for names in ref.AGENCY_ALIASES_ZH.values() for name in names)]
    strings += list(ref.INDUSTRY_SHORT_ZH.values())
    return strings


@pytest.mark.skipif(
    not (REFERENCE / "plan-facts.md").exists(), reason="the reference folder is not beside this checkout"
)
@pytest.mark.parametrize("text", _chinese_strings())
def test_transcription_stands_verbatim_in_plan_facts(text: str) -> None:
    """Every Chinese string the tests expect is written, character for character, in plan-facts.md."""
    assert text in (REFERENCE / "plan-facts.md").read_text(encoding="utf-8")


@pytest.mark.skipif(
    not (REFERENCE / "plan-facts.md").exists(), reason="the reference folder is not beside this checkout"
)
@pytest.mark.parametrize(
    "text",
    [*ref.NBS_2018_EN, ref.GUARANTEE_1_SEED_WORDS, ref.SEED_SIX_STABILITIES, ref.SEED_VENUE, ref.T2S_GENERATOR],
)
def test_english_transcription_stands_verbatim_in_plan_facts(text: str) -> None:
    """Every English string the tests take from §11 of plan-facts.md is written there verbatim."""
    assert text in (REFERENCE / "plan-facts.md").read_text(encoding="utf-8")


def _seed_text() -> str:
    return "".join(p.read_text(encoding="utf-8") for p in (REFERENCE / "seed").iterdir())


@pytest.mark.skipif(
    not (REFERENCE / "plan-facts.md").exists(), reason="the reference folder is not beside this checkout"
)
@pytest.mark.parametrize(
    "text",
    [en for en, _ in ref.ACTIONS.values()]
    + [r[1] for r in ref.REQUIREMENTS.values()]
    + [ref.GUARANTEE_1_SEED_WORDS, ref.SEED_SIX_STABILITIES, ref.SEED_BLOG],
)
def test_seed_headings_stand_verbatim_in_the_seed(text: str) -> None:
    """Every English heading (and word) the tests attribute to the seed article is its wording."""
    assert text in _seed_text()


@pytest.mark.skipif(
    not (REFERENCE / "plan-facts.md").exists(), reason="the reference folder is not beside this checkout"
)
def test_the_seed_never_says_six_stabilities() -> None:
    """The seed calls 六稳 the six priorities, so "six stabilities" cannot cite it (§11 C15)."""
    seed = _seed_text()
    assert f"“{ref.SEED_SIX_STABILITIES}” (“六稳”)" in seed
    assert "six stabilities" not in seed.casefold()


def test_document_metadata(plan: sp.Plan) -> None:
    """Titles, number, dates and issuers are the reference's."""
    assert plan.title.zh == ref.TITLE_ZH
    assert plan.title.en == ref.TITLE_EN
    assert ref.TITLE_EN_ALIAS in plan.aliases.en
    assert plan.document_number == ref.DOCUMENT_NUMBER
    assert plan.document_number_en == ref.DOCUMENT_NUMBER_EN
    claim = plan.provenance.claim("document_number_en")
    assert claim is not None and claim.status is sp.Status.VERIFIED and claim.source_keys == ("S5",)
    assert plan.issued is not None and plan.issued.isoformat() == ref.ISSUED
    assert plan.published is not None and plan.published.isoformat() == ref.PUBLISHED
    assert plan.provenance.status_of("published") is sp.Status.REPORTED
    assert plan.written is None
    assert plan.provenance.status_of("written") is sp.Status.UNVERIFIED
    assert plan.issuer_ids == ref.ISSUERS
    assert tuple(a.title.zh for a in plan.issuers()) == ref.ISSUERS_ZH
    assert plan.short_name == sp.Text(en="Guiding Opinions", zh="指导意见")
    assert plan.edition == sp.DATA_EDITION


@pytest.mark.parametrize(
    ("name", "count"),
    [("priorities", 6), ("guarantees", 6), ("objectives", 8), ("requirements", 4), ("actions", 20),
     ("industries", 8), ("targets", 3), ("agencies", 9)],
)  # fmt: skip
def test_counts(plan: sp.Plan, name: str, count: int) -> None:
    """Each kind has the reference's number of records, numbered 1..n in document order."""
    records = getattr(plan, name)
    assert len(records) == count
    assert [r.number for r in records] == list(range(1, count + 1))


@pytest.mark.parametrize(("number", "expected"), list(enumerate(ref.PRIORITIES, 1)))
def test_priorities(plan: sp.Plan, number: int, expected: tuple[str, str]) -> None:
    """The six stabilities, in official order, verbatim."""
    assert (plan.priority(number).title.zh, plan.priority(number).title.en) == expected


def test_document_number_short_form_is_an_inferred_alias(plan: sp.Plan) -> None:
    """The short English number is an alias, inferred from S5's long form, and still finds the plan (§10 C10)."""
    index = plan.aliases.en.index(ref.DOCUMENT_NUMBER_EN_SHORT)
    claim = plan.provenance.claim(f"aliases.en[{index}]")
    assert claim is not None and claim.field == f"aliases.en[{index}]"
    assert claim.status is sp.Status.INFERRED and claim.source_keys == ("S5",) and claim.note
    assert sp.lookup(ref.DOCUMENT_NUMBER_EN_SHORT).id == plan.id
    assert sp.lookup(ref.DOCUMENT_NUMBER_EN).id == plan.id


@pytest.mark.parametrize(("number", "expected"), list(enumerate(ref.GUARANTEES, 1)))
def test_guarantees(plan: sp.Plan, number: int, expected: tuple[str, str]) -> None:
    """The six guarantees, in official order, verbatim."""
    assert (plan.guarantee(number).title.zh, plan.guarantee(number).title.en) == expected


def test_job_security_is_xinhuas_wording(plan: sp.Plan) -> None:
    """G1's alias 'job security' is verified in Xinhua's English (S18) (§10 C5)."""
    g1 = plan.guarantee("G1")
    assert g1.aliases.en == (ref.GUARANTEE_1_ALIAS,)
    claim = g1.provenance.claim("aliases.en[0]")
    assert claim is not None and claim.status is sp.Status.VERIFIED and claim.source_keys == ("S18",)
    assert "S18" in g1.provenance.source_keys


@pytest.mark.parametrize(("number", "seed"), list(enumerate(ref.OBJECTIVES_SEED, 1)))
def test_objectives_keep_the_seed_wording(plan: sp.Plan, number: int, seed: str) -> None:
    """An objective's title is the seed wording without its leading 'to'; the seed wording stays an alias."""
    objective = plan.objective(number)
    assert objective.aliases.en[0] == seed
    assert objective.title.en is not None
    assert objective.title.en.casefold() == seed.removeprefix("to ").casefold()
    assert objective.title.zh is None


def test_objectives_carry_the_six_stabilities_and_guarantees_terms(plan: sp.Plan) -> None:
    """O1 and O3 carry 六稳 and 六保 as Chinese keywords, so search finds them; no other objective has any."""
    for objective in plan.objectives:
        assert objective.keywords.zh == ref.OBJECTIVE_KEYWORDS_ZH.get(objective.number, ())
    assert sp.search("六稳")[0].record.id == "objective:six-stabilities"
    assert sp.search("六保")[0].record.id == "objective:six-guarantees"


@pytest.mark.parametrize(("number", "keywords"), list(ref.OBJECTIVE_KEYWORDS_EN.items()))
def test_objective_keywords_cite_the_source_of_each_wording(
    plan: sp.Plan, number: int, keywords: tuple[tuple[str, tuple[str, ...]], ...]
) -> None:
    """'six stabilities' / 'six guarantees' rest on S5 and the seed, Xinhua's wording on S18, 六稳/六保 on S17 (§10 C6)."""
    objective = plan.objective(number)
    assert objective.keywords.en == tuple(term for term, _ in keywords)
    for i, (_, sources) in enumerate(keywords):
        claim = objective.provenance.claim(f"keywords.en[{i}]")
        assert claim is not None and claim.field == f"keywords.en[{i}]", (number, i)
        assert claim.status is sp.Status.VERIFIED and claim.source_keys == sources
    claim = objective.provenance.claim("keywords.zh")
    assert claim is not None and claim.status is sp.Status.VERIFIED and claim.source_keys == ("S17",)
    assert objective.provenance.claim("keywords") is None
    assert set(objective.provenance.all_source_keys) <= set(objective.provenance.source_keys)


def test_objectives_link_priorities_and_guarantees(plan: sp.Plan) -> None:
    """Objective 1 implements the six priorities, objective 3 the six guarantees, no other links any."""
    assert plan.priorities_of("O1") == plan.priorities
    assert plan.guarantees_of("O3") == plan.guarantees
    for objective in plan.objectives:
        if objective.notation not in ("O1", "O3"):
            assert objective.priority_ids == objective.guarantee_ids == ()


@pytest.mark.parametrize(("notation", "expected"), list(ref.REQUIREMENTS.items()))
def test_requirements(plan: sp.Plan, notation: str, expected: tuple[str, str, str | None]) -> None:
    """Each requirement's part, seed heading, Chinese heading (or null) and actions."""
    requirement = plan.requirement(notation)
    assert (requirement.part, requirement.title.en, requirement.title.zh) == expected
    assert [a.number for a in plan.actions_of(requirement)] == list(ref.REQUIREMENT_ACTIONS[notation])


def test_requirement_2_summary_states_its_support(plan: sp.Plan) -> None:
    """R2's summary of cities, scenarios and public services rests only on the seed's headings of A11-A13 (§10 C13)."""
    requirement = plan.requirement("R2")
    claim = requirement.provenance.claim("summary")
    assert claim is not None and claim.field == "summary"
    assert claim.status is sp.Status.SEED and claim.source_keys == ("S4", "seed")
    assert claim.note is not None and "11 to 13" in claim.note
    # the actions whose headings carry that part are themselves seed-only, with no summary of their own
    for number in (11, 12, 13):
        action = plan.action(number)
        assert action.provenance.status is sp.Status.SEED and action.summary is None


def test_requirement_3_status_and_alias(plan: sp.Plan) -> None:
    """R3's Chinese heading is shipped as 'reported', with the funding rendering as an alias."""
    requirement = plan.requirement("R3")
    assert requirement.provenance.status_of("title.zh") is sp.Status.REPORTED
    assert "Strengthen funding support" in requirement.aliases.en


@pytest.mark.parametrize(("number", "expected"), list(ref.ACTIONS.items()))
def test_actions(plan: sp.Plan, number: int, expected: tuple[str, str | None]) -> None:
    """Each action's seed heading and verified Chinese heading, character for character; null where unverified."""
    action = plan.action(number)
    assert (action.title.en, action.title.zh) == expected
    assert action.notation == f"A{number}"
    if expected[1] is None:
        assert action.provenance.status_of("title.zh") is sp.Status.UNVERIFIED


@pytest.mark.parametrize(("number", "terms"), list(ref.ACTION_KEYWORDS_ZH.items()))
def test_action_chinese_keywords(plan: sp.Plan, number: int, terms: tuple[str, ...]) -> None:
    """The Chinese keyword terms of the reference, verbatim, and no others."""
    assert plan.action(number).keywords.zh == terms


def test_no_chinese_keywords_beyond_the_reference(plan: sp.Plan) -> None:
    """Actions the reference gives no Chinese terms for have none."""
    for action in plan.actions:
        if action.number not in ref.ACTION_KEYWORDS_ZH:
            assert action.keywords.zh == ()


@pytest.mark.parametrize(
    ("number", "status"),
    [(3, sp.Status.INFERRED), (4, sp.Status.INFERRED), (5, sp.Status.INFERRED), (1, sp.Status.VERIFIED),
     (6, sp.Status.REPORTED), (9, sp.Status.VERIFIED), (7, sp.Status.UNVERIFIED), (8, sp.Status.UNVERIFIED)],
)  # fmt: skip
def test_keyword_placement_status(plan: sp.Plan, number: int, status: sp.Status) -> None:
    """Keywords whose placement the reference calls inferred are marked so."""
    assert plan.action(number).provenance.status_of("keywords") is status


def test_action_6_keywords_rest_on_s11(plan: sp.Plan) -> None:
    """A6's keywords, and the summary built on them, are reported by S11 (low reliability); S16 gives the heading only (§10 C7)."""
    action = plan.action("A6")
    for field in ("keywords", "summary"):
        claim = action.provenance.claim(field)
        assert claim is not None and claim.field == field
        assert claim.status is sp.Status.REPORTED and claim.source_keys == ("S11",)
    assert plan.source("S11").reliability == "low"


def test_action_10_summary_names_the_centres_s4_names(plan: sp.Plan) -> None:
    """A10's summary names industrial innovation centres and engineering research centres, as S4 does (§10 C12)."""
    action = plan.action("A10")
    assert action.summary is not None
    for centres in ref.ACTION_10_CENTRES:
        assert centres in action.summary
        assert centres in action.keywords.en
    assert "industrial and engineering research centres" not in action.summary
    claim = action.provenance.claim("summary")
    assert claim is not None and claim.status is sp.Status.VERIFIED and claim.source_keys == ("S4",)


def test_only_action_9_names_its_agencies(plan: sp.Plan) -> None:
    """Responsibility is verified for item 9 only; elsewhere it is unknown (null), not empty."""
    for action in plan.actions:
        if action.number == 9:
            assert action.agency_ids == ref.ACTION_9_AGENCIES
        else:
            assert action.agency_ids is None
            assert action.provenance.status_of("agency_ids") is sp.Status.UNVERIFIED


def test_agency_chinese_names(plan: sp.Plan) -> None:
    """Every agency has its Chinese name; the five non-issuers' as S4 reads them, verified (§10 C8)."""
    assert tuple(a.title.zh for a in plan.agencies[:4]) == ref.ISSUERS_ZH
    assert {a.id: a.title.zh for a in plan.agencies[4:]} == ref.NON_ISSUERS_ZH
    for agency_id in ref.NON_ISSUERS_ZH:
        agency = plan.agency(agency_id)
        zh = agency.provenance.claim("title.zh")
        assert zh is not None and zh.status is sp.Status.VERIFIED and zh.source_keys == ("S4",)
        en = agency.provenance.claim("title.en")
        assert en is not None and en.status is sp.Status.INFERRED and en.note
        assert agency.title.en is not None
    for agency in plan.agencies:
        assert all(c.status is not sp.Status.UNVERIFIED for c in agency.provenance.fields), agency.id


def test_agency_abbreviations_are_inferred(plan: sp.Plan) -> None:
    """The conventional abbreviations were not read in a registered source (§10 C9); NDRC was, in S7 and S8 (§11 C21)."""
    for agency in plan.agencies:
        claim = agency.provenance.claim("notation")
        assert claim is not None and claim.field == "notation", agency.id
        if agency.notation in ref.INFERRED_ABBREVIATIONS:
            assert claim.status is sp.Status.INFERRED and claim.source_keys == ()
            assert claim.note == "conventional English abbreviation, not read in a registered source"
        else:
            assert agency.notation == "NDRC"
            assert claim.status is sp.Status.VERIFIED and claim.source_keys == ref.NDRC_NOTATION_SOURCES
            assert set(ref.NDRC_NOTATION_SOURCES) <= set(agency.provenance.source_keys)
    assert {a.notation for a in plan.agencies} == {"NDRC", *ref.INFERRED_ABBREVIATIONS}
    assert set(ref.NDRC_NOTATION_SOURCES) <= {s.key for s in plan.sources}


@pytest.mark.parametrize(("agency_id", "aliases"), list(ref.AGENCY_ALIASES_ZH.items()))
def test_agency_chinese_short_names(plan: sp.Plan, agency_id: str, aliases: tuple[str, ...]) -> None:
    """Conventional Chinese short names are inferred aliases, and find their agency (§10 C11)."""
    agency = plan.agency(agency_id)
    assert agency.aliases.zh == aliases
    if aliases:
        claim = agency.provenance.claim("aliases.zh")
        assert claim is not None and claim.field == "aliases.zh"
        assert claim.status is sp.Status.INFERRED and claim.note and "conventional" in claim.note
        for alias in aliases:
            assert sp.lookup(alias).id == agency_id
    else:
        assert agency.provenance.claim("aliases.zh") is None


@pytest.mark.parametrize(("notation", "expected"), list(ref.TARGETS.items()))
def test_targets(plan: sp.Plan, notation: str, expected: tuple[int, str]) -> None:
    """The three targets of action 9: value, Chinese term, no year."""
    target = plan.target(notation)
    assert (target.value, target.title.zh) == expected
    assert target.year is None
    assert plan.action_of(target).number == 9


@pytest.mark.parametrize(("number", "expected"), list(ref.INDUSTRY_NBS.items()))
def test_industries(plan: sp.Plan, number: int, expected: tuple[int, str]) -> None:
    """Industry n belongs to action n and maps to its NBS 2018 field."""
    industry = plan.industry(number)
    assert plan.action_of(industry).number == number
    assert plan.industry_of(number) == industry
    code, match = expected
    assert industry.nbs_2018_id == f"nbs-2018:{code}"
    assert industry.nbs_2018_match is sp.Match(match)
    assert industry.title.zh is not None
    assert industry.title.zh in (plan.action(number).title.zh or "")
    # §10 C3: the correspondence is read from the names, so inferred; 'exact' means the names coincide
    for field in ("nbs_2018_id", "nbs_2018_match"):
        claim = industry.provenance.claim(field)
        assert claim is not None and claim.field == field
        assert claim.status is sp.Status.INFERRED and claim.note
        assert "S25" not in claim.source_keys
    category = sp.classification().category(code)
    assert (category.title.zh == industry.title.zh) is (match == "exact")
    assert "S25" not in industry.provenance.all_source_keys


@pytest.mark.parametrize(("number", "short"), list(ref.INDUSTRY_SHORT_ZH.items()))
def test_industry_chinese_short_names(plan: sp.Plan, number: int, short: str) -> None:
    """Each industry's short Chinese name (its heading's name without 产业) is an inferred alias that finds it."""
    industry = plan.industry(number)
    assert industry.aliases.zh == (short,)
    assert industry.title.zh == f"{short}产业"
    assert short in (plan.action(number).title.zh or "")
    claim = industry.provenance.claim("aliases.zh")
    assert claim is not None and claim.status is sp.Status.INFERRED and claim.source_keys == ("S1",)
    assert sp.lookup(short, kind=sp.Industry).id == industry.id


def test_nbs_2018(plan: sp.Plan) -> None:
    """The nine top-level fields of the NBS 2018 classification, verbatim, with our English renderings (§11 C28)."""
    classification = sp.classification()
    assert tuple(c.title.zh for c in classification.categories) == ref.NBS_2018
    assert tuple(c.title.en for c in classification.categories) == ref.NBS_2018_EN
    assert classification.title.en is None
    assert classification.note is not None and "our renderings (inferred)" in classification.note
    assert classification.adopted is not None and classification.adopted.isoformat() == "2018-10-12"
    assert classification.published is not None and classification.published.isoformat() == "2018-11-26"


def test_nbs_2018_names_verified_codes_inferred() -> None:
    """Names and order rest on S22 and S23; the codes follow the order, inferred; S25 is not cited for names (§10 C4)."""
    for category in sp.classification().categories:
        provenance = category.provenance
        assert provenance.status is sp.Status.VERIFIED
        assert provenance.status_of("title.zh") is sp.Status.VERIFIED
        assert provenance.source_keys[:2] == ("S22", "S23")
        for field in ("number", "notation"):
            claim = provenance.claim(field)
            assert claim is not None and claim.field == field
            assert claim.status is sp.Status.INFERRED and claim.source_keys == ("S22", "S23")
        if category.id != "nbs-2018:8":
            assert "S25" not in provenance.all_source_keys, category.id


def test_nbs_2018_digital_creative_reports_s25() -> None:
    """S25 reports that Order No. 23 brings animation, games and digital content services into field 8 (§10 C14)."""
    category = sp.classification().category("nbs-2018:8")
    assert category.keywords.en == ref.NBS_8_KEYWORDS_EN
    assert category.keywords.zh == ()
    claim = category.provenance.claim("keywords")
    assert claim is not None and claim.status is sp.Status.REPORTED and claim.source_keys == ("S25",)
    assert category.summary is not None and all(
        k in category.summary for k in ("animation", "games", "digital content")
    )
    summary = category.provenance.claim("summary")
    assert summary is not None and summary.status is sp.Status.REPORTED and "S25" in summary.source_keys
    for other in sp.classification().categories:
        if other is not category:
            assert other.keywords.en == other.keywords.zh == ()


def test_source_register(plan: sp.Plan) -> None:
    """The register holds the reference's sources (and the seed), and S11 is marked low reliability."""
    assert tuple(s.key for s in plan.sources) == ("seed", *ref.SOURCES)
    assert plan.source("S11").reliability == "low"
    assert all(s.address and s.address.startswith("http") for s in plan.sources if s.key != "seed")


def test_seed_register_entry_can_be_followed_from_outside(plan: sp.Plan) -> None:
    """The seed's entry names the post, the blog, the date and what it summarises; no folder of ours (§10 C1)."""
    seed = plan.source("seed")
    assert seed.address is None and seed.reliability is None
    assert f"“{ref.SEED_TITLE}”" in seed.description
    assert f'category label "{ref.SEED_BLOG}"' in seed.description and "industry blog" in seed.description
    assert f"published {ref.SEED_PUBLISHED}" in seed.description
    assert "New America's English translation" in seed.description
    assert "publisher and address not recorded" in seed.description
    assert plan.seed is not None
    assert plan.seed.title == ref.SEED_TITLE and plan.seed.published.isoformat() == ref.SEED_PUBLISHED


def test_the_seed_names_a_venue_not_a_publisher(plan: sp.Plan, raw_files: dict[str, bytes]) -> None:
    """The seed entry names the kind of site that carried it; nothing calls it a publisher (§11 C16)."""
    assert plan.seed is not None and plan.seed.venue == ref.SEED_VENUE
    assert "publisher" not in attrs.fields_dict(sp.Seed)
    body = json.loads(raw_files["sei-2020.json"])
    assert list(body["seed"]) == ["title", "venue", "published", "translation_named"]
    import importlib_resources

    folder = importlib_resources.files("sei_policy") / "data"
    keys = [
        f"{p.name}{path}"
        for p in folder.iterdir()
        if p.name.endswith(".json") and p.name != "english.json"  # a list of English words, "publisher" among them
        for path, text in _strings(json.loads(p.read_text(encoding="utf-8")))
        if text == "publisher"
    ]
    assert keys == []


@pytest.mark.parametrize(
    ("tag", "record_id", "field", "status", "sources", "words"),
    ref.CLAIMS,
    ids=[f"{c[0]}-{c[1]}-{c[2]}" for c in ref.CLAIMS],
)
def test_second_audit_claims(
    plan: sp.Plan, tag: str, record_id: str, field: str, status: str, sources: tuple[str, ...], words: str
) -> None:
    """Each claim §11 of plan-facts.md corrects has its status, its sources and a note that says why (C15-C24, C28)."""
    record = plan if record_id == plan.id else sp.get(record_id)
    claim = record.provenance.claim(field)
    assert claim is not None and claim.field == field, (tag, record_id, field)
    assert claim.status is sp.Status(status), tag
    assert claim.source_keys == sources, tag
    assert claim.note is not None and words in claim.note, tag


def test_the_plans_keywords_are_our_indexing_terms(plan: sp.Plan) -> None:
    """The plan's keywords are the ones §11 C20 lists, and only inferred: no source states them as keywords."""
    assert plan.keywords == sp.Terms(en=ref.PLAN_KEYWORDS_EN, zh=ref.PLAN_KEYWORDS_ZH)
    assert plan.provenance.status_of("keywords.en[0]") is sp.Status.INFERRED
    assert plan.provenance.status_of("keywords.zh") is sp.Status.INFERRED


@pytest.mark.parametrize("number", range(1, 9))
def test_industry_short_names_are_never_verified(plan: sp.Plan, number: int) -> None:
    """An industry's English short name is shortened from the seed's heading: seed, not verified (§11 C19)."""
    industry = plan.industry(number)
    assert len(industry.aliases.en) == 1
    for i in range(len(industry.aliases.en)):
        assert industry.provenance.status_of(f"aliases.en[{i}]") is sp.Status.SEED


@pytest.mark.parametrize("number", range(1, 9))
def test_summaries_stating_the_nbs_match_are_inferred(plan: sp.Plan, number: int) -> None:
    """A summary that states the industry's NBS 2018 field carries the match's status, inferred (§11 C18)."""
    industry = plan.industry(number)
    category = sp.classification().category(industry.nbs_2018_id or "")
    assert industry.summary is not None and f"field {category.number}" in industry.summary
    assert industry.provenance.status_of("summary") is sp.Status.INFERRED
    assert industry.provenance.status_of("nbs_2018_id") is sp.Status.INFERRED
    assert category.summary is not None and f"({industry.notation})" in category.summary
    assert category.provenance.status_of("summary") is not sp.Status.VERIFIED


def test_guarantee_1_title_says_where_each_part_comes_from(plan: sp.Plan) -> None:
    """G1's title joins the seed's word and Xinhua's; its claim cites both and says which is which (§11 C17)."""
    g1 = plan.guarantee("G1")
    assert g1.title.en == f"employment ({ref.GUARANTEE_1_ALIAS})"
    claim = g1.provenance.claim("title.en")
    assert claim is not None and claim.note is not None
    assert "“employment” is the seed's word" in claim.note and "“job security”" in claim.note and "S18" in claim.note


@pytest.mark.parametrize("tag", [f"C{n}" for n in range(15, 29) if n != 26])
def test_changelog_says_what_each_correction_changed(tag: str) -> None:
    """Each §11 correction has a changelog line that names what it touched and says why in words (§11 C27)."""
    changelog = ROOT / "CHANGELOG.md"
    if not changelog.is_file():
        pytest.skip("CHANGELOG.md is not here (not a checkout)")
    lines = [line for line in changelog.read_text(encoding="utf-8").splitlines() if f"({tag})" in line]
    assert lines, tag
    for line in lines:
        assert line.startswith("- ") and "`" in line, line
        words = re.sub(r"\(C[0-9]+\)", "", line).split()
        assert len(words) >= 12, line


# What a shipped string must not mention: a folder or a document of the project (§10 C1, C2),
# or a tag of the project's list of corrections (C15 …).
INTERNAL = (
    "shared/", "reference", "seed/", "plan-facts", "identifiers.md", "the project's list",
    "identifier registry", "registry", ".md", "tools/", "src/", "tests/", "docs/", ".py",
)  # fmt: skip
TAG = re.compile(r"\bC[0-9]{1,2}\b")
# The one path a shipped string names: the OpenCC table's generator, in the source repository (§11 C25).
PUBLIC_PATHS = {("t2s.json", ".generated_by"): ref.T2S_GENERATOR}


def _strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string in a parsed JSON value, keys included, with its JSON path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield f"{path}.{key}", key
            yield from _strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")


def internal_references(body: Any, public: dict[str, str] | None = None) -> list[str]:
    """Each string of ``body`` that names a folder, a document or a correction tag of ours, as 'path: needle'.

    ``public`` maps a JSON path to the one public repository path its string may name.
    """
    found = []
    for path, text in _strings(body):
        allowed = (public or {}).get(path)
        checked = text.replace(allowed, "") if allowed else text
        found += [f"{path}: {needle!r} in {text!r}" for needle in INTERNAL if needle in checked.casefold()]
        found += [f"{path}: {tag!r} in {text!r}" for tag in TAG.findall(checked)]
    return found


def test_internal_references_are_caught() -> None:
    """The check below would have refused the entries §10 C1 and C2 corrected."""
    old = {
        "sources": [{"description": "the project's seed: “…”, industry blog, 2020-11-24 (shared/reference/seed/)"}],
        "fields": [{"note": "the abbreviation follows the identifier registry"},
                   {"note": "widely known as 放管服 (noted in the project's reference)"},
                   {"note": "see Plan-Facts.md"}],
    }  # fmt: skip
    found = internal_references(old)
    assert len({line.split(":")[0] for line in found}) == 4, found
    assert internal_references({"note": "conventional English abbreviation, not read in a registered source"}) == []
    # §11: tags and the list they come from; the generator's path only where it is allowed (C25)
    assert internal_references({"note": "S5's term (C15)"}) != []
    assert internal_references({"note": "as the project's list of corrections says"}) != []
    generated = {"generated_by": f"{ref.T2S_GENERATOR}, from OpenCC's TSCharacters.txt"}
    assert internal_references(generated) != []
    assert internal_references(generated, {".generated_by": ref.T2S_GENERATOR}) == []


def test_no_shipped_string_mentions_a_folder_or_document_of_ours() -> None:
    """No string in any JSON file under the package's data/ names a folder or document of the project."""
    import importlib_resources

    folder = importlib_resources.files("sei_policy") / "data"
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".json"))
    assert {"sei-2020.json", "nbs-2018.json"} <= set(names)
    problems = []
    for name in names:
        body = json.loads((folder / name).read_text(encoding="utf-8"))
        if name == "english.json":  # a list of ordinary English words ("reference" among them), not statements
            body = {key: value for key, value in body.items() if key != "words"}
        public = {path: value for (file, path), value in PUBLIC_PATHS.items() if file == name}
        problems += [f"{name}{line}" for line in internal_references(body, public)]
    assert problems == []
    t2s = json.loads((folder / "t2s.json").read_text(encoding="utf-8"))
    assert t2s["generated_by"].startswith(ref.T2S_GENERATOR)


def _every_record(plan: sp.Plan) -> list[Any]:
    return [plan, *plan.records, *sp.classification().categories]


def test_every_unverified_field_is_empty(plan: sp.Plan) -> None:
    """A field whose claim says 'unverified' is null or empty, everywhere."""
    checked = 0
    for record in _every_record(plan):
        for claim in record.provenance.fields:
            if claim.status is sp.Status.UNVERIFIED:
                value: Any = record
                for name in claim.field.split("."):
                    value = getattr(value, name)
                assert value in (None, ()) or (isinstance(value, sp.Terms) and not value.all), (record.id, claim.field)
                checked += 1
    assert checked > 20


def test_every_empty_title_is_explained(plan: sp.Plan) -> None:
    """A null title in either language comes with an 'unverified' claim saying why."""
    for record in _every_record(plan):
        for lang in ("en", "zh"):
            if getattr(record.title, lang) is None:
                claim = record.provenance.claim(f"title.{lang}")
                assert claim is not None and claim.status is sp.Status.UNVERIFIED and claim.note, record.id


def test_summaries_copy_no_heading(plan: sp.Plan) -> None:
    """Our own-words summaries never repeat the seed's heading sentences."""
    for record in (*plan.requirements, *plan.actions, *plan.objectives):
        if record.summary and record.title.en:
            assert record.title.en.casefold() not in record.summary.casefold(), record.id


def test_identifiers_and_notations_are_unique_and_well_formed(plan: sp.Plan) -> None:
    """Identifiers are kind:kebab-slug, lower-case ASCII; identifiers and notations are unique."""
    records = _every_record(plan)[1:]
    ids = [r.id for r in records]
    notations = [r.notation for r in records]
    assert len(set(ids)) == len(ids)
    assert len(set(notations)) == len(notations)
    for record in records:
        assert re.fullmatch(r"[a-z0-9-]+:[a-z0-9]+(-[a-z0-9]+)*", record.id)
        assert record.id.split(":")[0] == record.kind.value


def test_data_edition_is_separate_from_the_version() -> None:
    """The data edition is its own string, equal in both files and to DATA_EDITION."""
    files = _loader.read()
    editions = {json.loads(files[name])["edition"] for name in _loader.FILES}
    assert editions == {sp.DATA_EDITION}
    assert sp.__version__ != sp.DATA_EDITION


def test_targets_carry_their_unit(plan: sp.Plan) -> None:
    """Each of the three targets counts things (bases, clusters, ecosystems); the unit is our reading, marked inferred."""
    assert [(t.notation, t.value, t.unit) for t in plan.targets] == [("T1", 10, "count"), ("T2", 100, "count"),
                                                                      ("T3", 1000, "count")]  # fmt: skip
    assert {t.provenance.status_of("unit") for t in plan.targets} == {sp.Status.INFERRED}
    assert sp.to_frame("target")["unit"].tolist() == ["count"] * 3
