"""The record classes: immutable values, typed per-kind access, navigation both ways."""

from __future__ import annotations

import copy
import pickle
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sei_policy as sp
from sei_policy.models import Claim, Provenance, Status

from .helpers import EVERY_VALUE, PLAN, record_id

EVERYTHING = EVERY_VALUE


@pytest.mark.parametrize("record", EVERYTHING, ids=record_id)
def test_records_are_immutable(record: Any) -> None:
    """Setting or deleting any field of any record fails."""
    for field in attrs.fields(type(record)):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(record, field.name, None)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            delattr(record, field.name)


@pytest.mark.parametrize("record", EVERYTHING, ids=record_id)
def test_records_survive_copy_deepcopy_and_pickle(record: Any) -> None:
    """copy, deepcopy and a pickle round trip give equal, equally hashed records."""
    for clone in (copy.copy(record), copy.deepcopy(record), pickle.loads(pickle.dumps(record))):
        assert clone == record
        assert hash(clone) == hash(record)


def test_records_are_equal_by_value() -> None:
    """Two records with the same fields are equal; one changed field makes them differ."""
    action = PLAN.action(4)
    assert attrs.evolve(action) == action
    assert attrs.evolve(action, number=5) != action
    assert len({action, attrs.evolve(action)}) == 1


def test_collections_are_tuples() -> None:
    """Every collection a record exposes is a tuple, never a list or dict."""
    for record in EVERYTHING:
        for field in attrs.fields(type(record)):
            if field.init:
                assert not isinstance(getattr(record, field.name), (list, dict, set)), (record, field.name)


def test_unpickled_plan_still_navigates() -> None:
    """A plan restored from a pickle rebuilds its indexes."""
    clone = pickle.loads(pickle.dumps(PLAN))
    assert clone.action("A4") == PLAN.action("A4")
    assert clone.requirement_of(4) == PLAN.requirement("R1")


ACCESSORS = [
    ("priority", sp.Priority, ["priority:employment", "employment", "P1", "p1", 1, "1"]),
    ("guarantee", sp.Guarantee, ["guarantee:jobs", "jobs", "G1", "g1", 1]),
    ("objective", sp.Objective, ["objective:six-stabilities", "six-stabilities", "O1", 1]),
    ("requirement", sp.Requirement, ["requirement:key-industries", "key-industries", "R1", 1]),
    ("action", sp.Action, ["action:new-materials", "new-materials", "A4", "a4", " A4 ", 4, "4"]),
    ("industry", sp.Industry, ["industry:new-materials", "new-materials", "I4", 4]),
    ("target", sp.Target, ["target:global-bases", "global-bases", "T1", 1]),
    ("agency", sp.Agency, ["agency:ndrc", "ndrc", "NDRC", "Ndrc", 1]),
]


@pytest.mark.parametrize(("method", "cls", "keys"), ACCESSORS)
def test_per_kind_accessors_take_every_key_form(method: str, cls: type, keys: list[str | int]) -> None:
    """An accessor takes an identifier, a slug, a notation or a number, and returns one record of its type."""
    found = {getattr(PLAN, method)(key) for key in keys}
    assert len(found) == 1
    (record,) = found
    assert type(record) is cls
    assert getattr(PLAN, method)(record) is record


@pytest.mark.parametrize(("method", "cls", "keys"), ACCESSORS)
def test_per_kind_accessors_refuse_other_kinds(method: str, cls: type, keys: list[str | int]) -> None:
    """An accessor does not answer with a record of another kind, and suggests its own kind."""
    other_kind = "agency:ndrc" if cls is not sp.Agency else "action:new-materials"
    with pytest.raises(sp.UnknownIdentifierError):
        getattr(PLAN, method)(other_kind)
    with pytest.raises(sp.UnknownIdentifierError) as caught:
        getattr(PLAN, method)("zz-not-there")
    assert caught.value.kind == cls.__name__.lower()
    with pytest.raises(sp.UnknownIdentifierError):
        getattr(PLAN, method)(99)


@pytest.mark.parametrize("key", [None, 4.0, True, [4], b"A4", object()])
def test_accessor_refuses_wrong_types(key: object) -> None:
    """A key that is neither text nor a number is a clear type error."""
    with pytest.raises(sp.errors.InvalidArgumentTypeError, match=r"action\(\) expects key"):
        PLAN.action(key)  # type: ignore[arg-type]


def test_accessor_suggests_the_closest() -> None:
    """A near miss names the identifier that was meant."""
    with pytest.raises(sp.UnknownIdentifierError) as caught:
        PLAN.action("new-material")
    assert caught.value.suggestions[0] == "action:new-materials"
    assert "did you mean 'action:new-materials'" in str(caught.value)


NAVIGATION_TABLE: list[tuple[str, Any, Any]] = [
    ("requirement_of", "A4", "requirement:key-industries"),
    ("requirement_of", "A20", "requirement:investment-environment"),
    ("actions_of", "R3", ("action:government-funds", "action:financial-services", "action:market-investment")),
    ("industry_of", "A2", "industry:biotech"),
    ("industry_of", "A9", None),
    ("action_of", "I2", "action:biotech"),
    ("action_of", "T3", "action:cluster-development-project"),
    ("targets_of", "A9", ("target:global-bases", "target:competitive-clusters", "target:industry-ecosystems")),
    ("targets_of", "A1", ()),
    ("agencies_of", "A1", None),
    ("agencies_of", "A9", ("agency:ndrc", "agency:most", "agency:miit", "agency:mof", "agency:mohrss", "agency:mnr",
                           "agency:mofcom", "agency:pboc", "agency:cnipa")),
    ("actions_led_by", "CNIPA", ("action:cluster-development-project",)),
    ("actions_led_by", "NDRC", ("action:cluster-development-project",)),
    ("priorities_of", "O1", tuple(f"priority:{s}" for s in ("employment", "finance", "foreign-trade",
                                  "foreign-investment", "domestic-investment", "expectations"))),
    ("priorities_of", "O2", ()),
    ("guarantees_of", "O3", tuple(f"guarantee:{s}" for s in ("jobs", "livelihoods", "market-entities",
                                  "food-energy-security", "supply-chains", "grassroots-governments"))),
    ("objectives_of", "P3", ("objective:six-stabilities",)),
    ("objectives_of", "G6", ("objective:six-guarantees",)),
    ("sources_of", PLAN.action(9), ("S4", "S1", "seed")),
    ("sources_of", PLAN.target(2), ("S4",)),
    ("records_of", "target", ("target:global-bases", "target:competitive-clusters", "target:industry-ecosystems")),
    ("records_of", sp.Guarantee, tuple(g.id for g in PLAN.guarantees)),
]  # fmt: skip


def _ids(result: Any) -> Any:
    if result is None:
        return None
    if isinstance(result, tuple):
        return tuple(getattr(r, "id", getattr(r, "key", None)) for r in result)
    return result.id


@pytest.mark.parametrize(
    ("method", "key", "expected"),
    NAVIGATION_TABLE,
    ids=[f"{m}({record_id(k) if not isinstance(k, str | type) else k})" for m, k, _ in NAVIGATION_TABLE],
)
def test_navigation(method: str, key: Any, expected: Any) -> None:
    """Each navigation method returns the records its relation fields name, in order."""
    assert _ids(getattr(PLAN, method)(key)) == expected


def test_navigation_covers_every_method() -> None:
    """The table above has a row for every navigation method of Plan."""
    methods = {n for n in vars(sp.Plan) if n.endswith(("_of", "_by")) and not n.startswith("_")}
    lineage = {"industries_of"}  # the 2016 plan's pillars: tests/test_lineage.py
    assert methods - lineage == {m for m, _, _ in NAVIGATION_TABLE}


def test_navigation_agrees_both_ways() -> None:
    """Every relation field is mirrored: action <-> requirement, action <-> industry, action <-> target."""
    for action in PLAN.actions:
        assert action in PLAN.actions_of(PLAN.requirement_of(action))
        industry = PLAN.industry_of(action)
        assert industry is None or PLAN.action_of(industry) is action
        assert all(PLAN.action_of(t) is action for t in PLAN.targets_of(action))


def test_action_of_by_identifier_and_bad_input() -> None:
    """action_of takes an identifier too, and refuses anything else clearly."""
    assert PLAN.action_of("industry:biotech").notation == "A2"
    with pytest.raises(sp.UnknownIdentifierError) as caught:
        PLAN.action_of("industry:biotec")
    assert caught.value.suggestions[0] == "industry:biotech"
    with pytest.raises(sp.errors.InvalidArgumentTypeError):
        PLAN.action_of(PLAN.action(1))  # type: ignore[arg-type]


def test_sources_of_and_source() -> None:
    """A record's sources resolve in the register; an unknown key suggests the closest."""
    keys = [s.key for s in PLAN.sources_of(PLAN.action(4))]
    assert keys[:2] == ["S1", "S16"]
    with pytest.raises(sp.UnknownIdentifierError, match="did you mean 'S14b'"):
        PLAN.source("S14c")
    with pytest.raises(sp.errors.InvalidArgumentTypeError):
        PLAN.source(4)  # type: ignore[arg-type]


def test_classification_category() -> None:
    """NBS categories are found by identifier, notation or number."""
    classification = sp.classification()
    assert classification.category("nbs-2018:5") is classification.category("NBS-5") is classification.category(5)
    with pytest.raises(sp.UnknownIdentifierError):
        classification.category(10)


def test_provenance_claims_cascade() -> None:
    """A claim on 'title' covers 'title.zh'; a field with no claim has the record's status."""
    provenance = sp.Provenance(
        status=sp.Status.SEED, source_keys=("seed",), fields=(sp.Claim(field="title", status=sp.Status.VERIFIED),)
    )
    assert provenance.status_of("title.zh") is sp.Status.VERIFIED
    assert provenance.status_of("summary") is sp.Status.SEED
    assert provenance.claim("summary") is None


@given(st.text(), st.text())
def test_text_str_prefers_english(en: str, zh: str) -> None:
    """str(Text) is the English when there is any, else the Chinese."""
    assert str(sp.Text(en=en or None, zh=zh or None)) == (en or zh or "")


@given(st.lists(st.text(), max_size=3), st.lists(st.text(), max_size=3))
def test_terms_all_keeps_order(en: list[str], zh: list[str]) -> None:
    """Terms.all is the English terms then the Chinese ones."""
    assert sp.Terms(en=tuple(en), zh=tuple(zh)).all == (*en, *zh)


def test_accessors_resolve_retired_identifiers_with_a_warning() -> None:
    """A per-kind accessor follows a retirement of its own kind and warns."""
    retired = (sp.Retirement(id="action:old-materials", replacement_id="action:new-materials", since="2026.2"),)
    plan = attrs.evolve(PLAN, retired=retired)
    with pytest.warns(sp.DeprecatedIdentifierWarning, match="'action:old-materials' is retired"):
        assert plan.action("action:old-materials") is plan.action(4)
    with pytest.raises(sp.UnknownIdentifierError):
        plan.industry("action:old-materials")


def test_objectives_of_takes_an_identifier() -> None:
    """objectives_of accepts an identifier and refuses one of another kind."""
    assert PLAN.objectives_of("priority:employment") == (PLAN.objective(1),)
    with pytest.raises(sp.UnknownIdentifierError, match="priority or guarantee"):
        PLAN.objectives_of("action:biotech")


def test_two_kind_navigation_takes_any_key() -> None:
    """action_of and objectives_of take notations, slugs and names; a bare number, naming no kind, is refused."""
    assert PLAN.action_of("I2").notation == "A2"
    assert PLAN.action_of("global-bases").notation == "A9"
    assert PLAN.action_of("生物产业").notation == "A2"
    assert PLAN.objectives_of("P1") == (PLAN.objective(1),)
    for digits in ("1", " 4 "):
        with pytest.raises(
            sp.UnknownIdentifierError, match=r"a number names a record within its kind: give a notation"
        ):
            PLAN.action_of(digits)
    assert PLAN.objectives_of("employment") == (PLAN.objective(1),)  # P1's title; G1's is longer
    with pytest.raises(sp.errors.InvalidArgumentTypeError, match=r"objectives_of\(\)"):
        PLAN.objectives_of(1)  # type: ignore[arg-type]


def test_navigation_errors_name_the_method_called() -> None:
    """A wrong argument to a navigation method is reported under that method's name."""
    with pytest.raises(sp.errors.InvalidArgumentTypeError, match=r"requirement_of\(\)"):
        PLAN.requirement_of(PLAN.requirement(1))  # type: ignore[arg-type]


def test_sources_of_the_plan() -> None:
    """The plan's own provenance resolves in the register too."""
    assert [s.key for s in PLAN.sources_of(PLAN)][:3] == ["S1", "S2", "S4"]


def test_source_keys_fold_case() -> None:
    """Source keys are found in any case."""
    assert PLAN.source("s14B") is PLAN.source("S14b")


def test_containers_have_short_reprs() -> None:
    """The plan and the classification print as one short line, not as every record they hold."""
    assert (
        repr(PLAN) == "Plan(id='plan:sei-2020', edition='2026.4', document_number='发改高技〔2020〕1409号', records=64)"
    )
    assert repr(sp.classification()) == "Classification(id='nbs-2018', edition='2026.4', categories=9)"
    assert repr(PLAN.action(4)).startswith(
        "Action(id='action:new-materials', kind=<Kind.ACTION: 'action'>, notation='A4'"
    )


def test_claims_on_list_elements_fall_back_to_the_list() -> None:
    """A claim about aliases.en[1] covers that element only; its siblings take the list's claim."""
    assert PLAN.provenance.status_of("aliases.en[1]") is sp.Status.SEED
    assert PLAN.provenance.status_of("aliases.en[0]") is sp.Status.VERIFIED


@pytest.mark.parametrize(
    "path", ["x]", "]", "[", "[1]", "x]]", "a..b", "aliases.en[", "aliases.en[-1]", "", "Title.zh"]
)
def test_a_malformed_claim_path_is_a_miss_not_a_hang(path: str) -> None:
    """A path that is no field path falls back to the record's status at once (it looped on "x]" before)."""
    record = sp.plan().action(4)
    claimed = Provenance(status=Status.SEED, source_keys=("seed",), fields=(Claim(field="x", status=Status.INFERRED),))
    assert record.provenance.claim(path) is None
    assert record.provenance.status_of(path) is record.provenance.status
    assert claimed.claim(path) is None


@pytest.mark.parametrize(
    ("path", "expected"),
    [("x", "x"), ("x.y", "x"), ("x[3]", "x"), ("x.y[0]", "x")],
)
def test_a_well_formed_path_falls_back_to_its_enclosing_claim(path: str, expected: str) -> None:
    """A well-formed path finds its own claim or the nearest enclosing one."""
    claimed = Provenance(status=Status.SEED, source_keys=("seed",), fields=(Claim(field="x", status=Status.INFERRED),))
    found = claimed.claim(path)
    assert found is not None and found.field == expected
