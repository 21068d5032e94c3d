"""Citations in prose and BibTeX, for every record and the plan."""

from __future__ import annotations

from typing import Any

import pytest

import sei_policy as sp

from .helpers import ALL_RECORDS, PLAN


@pytest.mark.parametrize("record", ALL_RECORDS, ids=lambda r: r.id)
def test_text_citation_names_what_a_reader_needs(record: Any) -> None:
    """The identifier, the document number, the data edition, the version and every source key appear."""
    text = sp.cite(record.id)
    for needed in (record.id, PLAN.document_number, sp.DATA_EDITION, sp.__version__, "CC BY 4.0"):
        assert needed in text
    for key in record.provenance.all_source_keys:
        assert f"{key}: " in text
    assert sp.cite(record) == text


@pytest.mark.parametrize("record", ALL_RECORDS, ids=lambda r: r.id)
def test_bibtex_is_one_balanced_entry(record: Any) -> None:
    """A BibTeX entry with a key, balanced braces, the identifier and the edition."""
    entry = sp.cite(record, style="bibtex")
    assert entry.startswith("@misc{sei_policy_") and entry.endswith("}")
    depth = 0
    for i, char in enumerate(entry):
        if char in "{}" and (i == 0 or entry[i - 1] != "\\"):
            depth += 1 if char == "{" else -1
            assert depth >= 0
    assert depth == 0
    assert sp.DATA_EDITION in entry and record.id.replace("_", "\\_") in entry


@pytest.mark.parametrize(
    ("ref", "style", "error"),
    [("action:nope", "text", sp.UnknownIdentifierError), (5, "text", sp.ArgumentTypeError),
     ("action:biotech", "apa", sp.InvalidArgumentError)],
)  # fmt: skip
def test_bad_citation_requests_are_refused(ref: Any, style: Any, error: type[Exception]) -> None:
    """An unknown identifier, a non-record or an unknown style raises the documented error."""
    with pytest.raises(error):
        sp.cite(ref, style=style)
