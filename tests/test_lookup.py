"""get, lookup and search: strict, forgiving and ranked, and never crashing on bad input."""

from __future__ import annotations

import warnings
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sei_policy as sp
from sei_policy import _loader
from sei_policy._lookup import Index

from .helpers import ALL_RECORDS, NON_TEXT

PLAN = sp.plan()
RECORDS = ALL_RECORDS
DOCUMENTED = (sp.UnknownIdentifierError, sp.AmbiguousLookupError)


# -- get ---------------------------------------------------------------------


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.id)
def test_get_finds_every_record_by_identifier(record: Any) -> None:
    """get(identifier) returns the record itself."""
    assert sp.get(record.id) is record


@pytest.mark.parametrize(
    ("text", "suggested"),
    [("action:new-material", "action:new-materials"), ("priority:employmnt", "priority:employment"),
     ("agency:ndcr", "agency:ndrc"), ("new-materials", "action:new-materials")],
)  # fmt: skip
def test_get_miss_names_the_closest(text: str, suggested: str) -> None:
    """A miss raises UnknownIdentifierError (a LookupError) suggesting what was meant."""
    with pytest.raises(LookupError) as caught:
        sp.get(text)
    assert isinstance(caught.value, sp.UnknownIdentifierError)
    assert suggested in caught.value.suggestions
    assert repr(text) in str(caught.value)


def test_get_is_strict() -> None:
    """get takes exact identifiers only: no notation, slug or other case."""
    for text in ("A4", "new-materials", "ACTION:NEW-MATERIALS", " action:new-materials"):
        assert sp.get(text, None) is None


@pytest.mark.parametrize("default", [None, 0, "x", PLAN])
def test_get_returns_the_default_on_a_miss(default: object) -> None:
    """With a default, a miss returns it."""
    assert sp.get("action:nope", default) is default


@pytest.mark.parametrize("value", [4, None, 4.5, b"action:new-materials", ["action:new-materials"], {"a": 1}])
def test_get_refuses_non_text(value: object) -> None:
    """A non-string identifier is a TypeError that says what was expected, even with a default."""
    with pytest.raises(TypeError, match=r"get\(\) expects identifier as a string"):
        sp.get(value)  # type: ignore[call-overload]
    with pytest.raises(sp.errors.InvalidArgumentTypeError):
        sp.get(value, None)  # type: ignore[call-overload]


def _retiring_index() -> Index:
    dataset = _loader.load()
    retired = (sp.Retirement(id="action:new-material-industry", replacement_id="action:new-materials", since="2026.2"),)
    changed = _loader.Dataset(documents=(attrs.evolve(dataset.plan, retired=retired), dataset.classification))
    return Index(lambda: changed)


def test_retired_identifier_resolves_with_a_warning() -> None:
    """A retired identifier still resolves, to its replacement, with a DeprecationWarning."""
    index = _retiring_index()
    with pytest.warns(
        sp.DeprecatedIdentifierWarning, match="'action:new-material-industry' is retired; use 'action:new-materials'"
    ):
        assert index.get("action:new-material-industry") is sp.plan().action(4)
    with pytest.warns(DeprecationWarning, match="is retired"):
        assert index.lookup("action:new-material-industry").id == "action:new-materials"
    with pytest.warns(DeprecationWarning, match="is retired"):
        assert index.lookup("ACTION:NEW-MATERIAL-INDUSTRY").id == "action:new-materials"


def test_retired_identifier_is_validated() -> None:
    """A retirement pointing nowhere is refused at load."""
    dataset = _loader.load()
    retired = (sp.Retirement(id="action:old", replacement_id="action:nowhere", since="2026.2"),)
    plan = attrs.evolve(dataset.plan, retired=retired)
    from sei_policy import _validate

    problems = _validate.check([("p.json", plan), ("c.json", dataset.classification)])
    assert problems == [
        "dangling relation: 'action:nowhere' is not a live identifier @ p.json.retired[0].replacement_id"
    ]


def test_a_fresh_index_loads_on_first_use() -> None:
    """An index built over a loader calls it on first use, not before."""
    calls = []

    def load() -> _loader.Dataset:
        calls.append(1)
        return _loader.load()

    index = Index(load)
    assert calls == []
    assert index.get("action:biotech") is sp.plan().action(2)
    assert index.lookup("A3").id == "action:high-end-equipment"
    assert index.records() == sp.records()
    assert calls == [1, 1]  # the first get or lookup asks for the dataset once; records() asks again


# -- lookup ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a4", "action:new-materials"), ("Ａ４", "action:new-materials"), ("biotech", "industry:biotech"),
     ("发改高技[2020]1409号", "plan:sei-2020"), ("发改高技〔2020〕1409号", "plan:sei-2020"),
     ("关于扩大战略性新兴产业投资 培育壮大新增长点增长极的指导意见", "plan:sei-2020"),
     ("关于扩大战略性新兴产业投资培育壮大新增长点增长极的指导意见", "plan:sei-2020"),
     ('to implement these "six priorities"', "objective:six-stabilities"),
     ("SEI plan", "plan:sei-2020"), ("放管服", "action:streamlining-reform"), ("ndrc", "agency:ndrc"),
     ("Strengthen funding support", "requirement:factor-support"), ("job security", "guarantee:jobs")],
)  # fmt: skip
def test_lookup_table(text: str, expected: str) -> None:
    """Aliases, quote styles, brackets and the U+3000 space are all understood."""
    assert sp.lookup(text).id == expected


@pytest.mark.parametrize(
    ("text", "candidates"),
    [("new-materials", ("action:new-materials", "industry:new-materials")),
     ("NEW-ENERGY", ("action:new-energy", "industry:new-energy"))],
)  # fmt: skip
def test_lookup_ambiguous_lists_the_candidates(text: str, candidates: tuple[str, ...]) -> None:
    """A text that names several records alike raises, listing them in document order."""
    with pytest.raises(sp.AmbiguousLookupError) as caught:
        sp.lookup(text)
    assert caught.value.candidates == candidates
    assert isinstance(caught.value, LookupError)
    assert sp.lookup(text, kind=candidates[0].split(":")[0]).id == candidates[0]


@pytest.mark.parametrize(
    ("text", "industry", "field"),
    [("新能源产业", "industry:new-energy", "nbs-2018:6"), ("生物产业", "industry:biotech", "nbs-2018:4"),
     ("新材料产业", "industry:new-materials", "nbs-2018:3")],
)  # fmt: skip
def test_the_plan_takes_precedence_over_the_classification(text: str, industry: str, field: str) -> None:
    """A name shared by a plan industry and an NBS field is the plan's; kind= selects the NBS field."""
    assert sp.lookup(text).id == industry
    assert sp.lookup(text, kind="nbs-2018").id == field
    assert sp.lookup(text, kind=sp.NbsCategory).id == field
    assert sp.classification().category(text).id == field


def test_exact_match_beats_folding() -> None:
    """A name that matches exactly wins over a folded match of another record."""
    index = Index(_loader.load)
    assert index.lookup("employment").id == "priority:employment"
    assert index.lookup("job security").id == "guarantee:jobs"


def test_lookup_miss_suggests() -> None:
    """A miss raises UnknownIdentifierError with close matches, restricted to the kind asked for."""
    with pytest.raises(sp.UnknownIdentifierError) as caught:
        sp.lookup("new materials industri")
    assert caught.value.suggestions[0] == "industry:new-materials"
    with pytest.raises(sp.UnknownIdentifierError) as caught:
        sp.lookup("new materials industri", kind="action")
    assert all(s.startswith("action:") for s in caught.value.suggestions)
    assert caught.value.kind == "action"


@pytest.mark.parametrize("kind", ["actions", "", "Action:"])
def test_unknown_kind_is_a_value_error(kind: str) -> None:
    """An unknown kind names the kinds there are."""
    with pytest.raises(ValueError, match="unknown kind") as caught:
        sp.lookup("A4", kind=kind)
    assert isinstance(caught.value, sp.errors.UnknownKindError)
    assert "'action'" in str(caught.value)


def test_kind_takes_the_enum_and_its_value() -> None:
    """kind= takes a Kind or its string value, in any case."""
    assert sp.lookup("A4", kind=sp.Kind.ACTION) is sp.lookup("A4", kind=" ACTION ")
    with pytest.raises(sp.errors.InvalidArgumentTypeError):
        sp.lookup("A4", kind=4)  # type: ignore[call-overload]


# -- bad input never crashes ---------------------------------------------------


@given(st.one_of(NON_TEXT, st.integers()))
def test_non_text_is_a_clear_type_error(value: object) -> None:
    """get, lookup and search refuse non-text (numbers included) with InvalidArgumentTypeError naming the function."""
    with pytest.raises(sp.errors.InvalidArgumentTypeError, match=r"get\(\)"):
        sp.get(value)  # type: ignore[call-overload]
    with pytest.raises(sp.errors.InvalidArgumentTypeError, match=r"lookup\(\)"):
        sp.lookup(value)  # type: ignore[call-overload]
    with pytest.raises(sp.errors.InvalidArgumentTypeError, match=r"search\(\)"):
        sp.search(value)  # type: ignore[call-overload]


def test_warnings_are_not_raised_for_live_identifiers() -> None:
    """A live identifier resolves silently."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert sp.get("action:biotech").id == "action:biotech"


def test_retired_identifier_respects_kind() -> None:
    """lookup(..., kind=...) follows a retirement only to a record of that kind."""
    index = _retiring_index()
    with pytest.raises(sp.UnknownIdentifierError):
        index.lookup("action:new-material-industry", kind="agency")
    with pytest.warns(sp.DeprecatedIdentifierWarning, match="is retired"):
        assert index.lookup("action:new-material-industry", kind="action").id == "action:new-materials"
