"""The private converters: strict structuring and a lossless round trip."""

from __future__ import annotations

from typing import Any

import pytest
from cattrs.errors import ForbiddenExtraKeysError
from hypothesis import given
from hypothesis import strategies as st

import sei_policy as sp
from sei_policy import _converter

from .helpers import json_types

PLAN = sp.plan()


def test_whole_plan_round_trips() -> None:
    """Unstructuring the plan and structuring it again gives an equal plan, with either converter."""
    data = _converter.unstructure(PLAN)
    assert _converter.fast().structure(data, sp.Plan) == PLAN
    assert _converter.detailed().structure(data, sp.Plan) == PLAN


def test_unstructured_plan_is_plain_json_data() -> None:
    """The unstructured plan holds only plain JSON types (no enum, tuple or date), and no private index."""
    import json

    data = _converter.unstructure(PLAN)
    assert "_index" not in data
    assert json_types(data) <= {dict, list, str, int, float, type(None)}
    assert json.loads(json.dumps(data)) == data
    assert data["actions"][3]["kind"] == "action" and type(data["actions"][3]["kind"]) is str


@given(st.sampled_from([*PLAN.records, *sp.classification().categories]))
def test_every_record_round_trips(record: Any) -> None:
    """Each record survives unstructure then structure."""
    data = _converter.unstructure(record)
    assert _converter.fast().structure(data, type(record)) == record


TEXT = st.one_of(st.none(), st.text(min_size=1))
TERMS = st.builds(sp.Terms, en=st.tuples(st.text()) | st.just(()), zh=st.tuples(st.text()) | st.just(()))
CLAIMS = st.builds(
    sp.Claim, field=st.text(), status=st.sampled_from(sp.Status), source_keys=st.tuples(st.text()), note=TEXT
)
PROVENANCE = st.builds(
    sp.Provenance, status=st.sampled_from(sp.Status), source_keys=st.lists(st.text()).map(tuple), note=TEXT,
    fields=st.lists(CLAIMS, max_size=2).map(tuple),
)  # fmt: skip
ACTIONS = st.builds(
    sp.Action, id=st.text(), kind=st.just(sp.Kind.ACTION), notation=st.text(), number=st.integers(),
    title=st.builds(sp.Text, en=TEXT, zh=TEXT), aliases=TERMS, summary=TEXT, keywords=TERMS, provenance=PROVENANCE,
    requirement_id=st.text(), industry_id=TEXT, agency_ids=st.none() | st.lists(st.text()).map(tuple),
    target_ids=st.lists(st.text(), max_size=2).map(tuple),
)  # fmt: skip


@given(ACTIONS)
def test_generated_actions_round_trip(action: sp.Action) -> None:
    """Any well-typed action round-trips, whatever its text (control characters, surrogates included)."""
    assert _converter.fast().structure(_converter.unstructure(action), sp.Action) == action


@pytest.mark.parametrize(
    ("value", "cls", "message"),
    [(5, str, "expected a string, got int"), ("5", int, "expected an integer, got str"),
     (True, int, "expected an integer, got bool"), (True, float, "expected a number, got bool"),
     ("a", tuple[str, ...], "expected a list, got str"), ("x", sp.Status, "'x' is not a valid Status"),
     (5, sp.Status, "expected a string"), (20200911, __import__("datetime").date, "expected an ISO date string")],
)  # fmt: skip
def test_strict_hooks_never_coerce(value: object, cls: Any, message: str) -> None:
    """A value of the wrong JSON type is refused, not converted."""
    with pytest.raises((TypeError, ValueError), match=message):
        _converter.fast().structure(value, cls)


def test_fast_converter_refuses_unknown_keys() -> None:
    """The lean converter forbids keys that are not fields."""
    with pytest.raises(ForbiddenExtraKeysError) as caught:
        _converter.fast().structure({"en": "a", "z": 1}, sp.Text)
    assert caught.value.extra_fields == {"z"}
    with pytest.raises(TypeError, match="expected an object for Text"):
        _converter.fast().structure(["en"], sp.Text)
