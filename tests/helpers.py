"""What many test modules share: every record the library ships, and inputs that are not text."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

import sei_policy as sp

PLAN = sp.plan()
CLASSIFICATION = sp.classification()

ALL_RECORDS: tuple[sp.PlanOrRecord, ...] = (PLAN, *sp.records(), *sp.records(kind=sp.NbsCategory))
"""Every record in document order: the plan, its 64 records, then the nine NBS 2018 fields."""

EVERY_VALUE: tuple[Any, ...] = (*ALL_RECORDS, CLASSIFICATION, *PLAN.sources)
"""Every record plus the classification and the source register's entries."""


def record_id(value: Any) -> str:
    """A readable test id for a record, a source or a document."""
    return str(getattr(value, "id", getattr(value, "key", "?")))


NON_TEXT = st.one_of(
    st.none(),
    st.booleans(),
    st.floats(allow_nan=False),
    st.binary(max_size=8),
    st.lists(st.text(max_size=3), max_size=2),
    st.tuples(st.integers()),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
    st.builds(object),
)
"""Values that no text parameter accepts (integers are left out: accessors take numbers)."""


def json_types(value: object) -> set[type]:
    """The exact types of every value nested in ``value`` (keys included)."""
    if isinstance(value, dict):
        return {dict}.union(*(json_types(v) for v in value.values()), *(json_types(k) for k in value))
    if isinstance(value, list):
        return {list}.union(*(json_types(v) for v in value))
    return {type(value)}
