"""Citations in prose and BibTeX, for every record and the plan."""

from __future__ import annotations

from typing import Any

import pytest

import sei_policy as sp

from .helpers import ALL_RECORDS, PLAN


@pytest.mark.parametrize("record", ALL_RECORDS, ids=lambda r: r.id)
def test_text_citation_names_what_a_reader_needs(record: Any) -> None:
    """The identifier, its document (the plan's number, or the classification), the edition, the version and sources appear."""
    text = sp.cite(record.id)
    document = "NBS 2018 classification" if record.kind == sp.Kind.NBS_2018 else PLAN.document_number
    for needed in (record.id, document, sp.DATA_EDITION, sp.__version__, "CC BY 4.0"):
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
    [("action:nope", "text", sp.UnknownIdentifierError), (5, "text", sp.errors.InvalidArgumentTypeError),
     ("action:biotech", "apa", sp.errors.InvalidArgumentError)],
)  # fmt: skip
def test_bad_citation_requests_are_refused(ref: Any, style: Any, error: type[Exception]) -> None:
    """An unknown identifier, a non-record or an unknown style raises the documented error."""
    with pytest.raises(error):
        sp.cite(ref, style=style)


def test_an_nbs_field_is_cited_as_part_of_the_classification_not_the_plan() -> None:
    """A field of the NBS 2018 classification names the classification's order, never the 2020 plan."""
    text = sp.cite("nbs-2018:3")
    assert "NBS 2018 classification" in text and "Order No. 23" in text
    assert PLAN.document_number not in text and "Guiding Opinions" not in text
    assert "NBS 2018 classification" in sp.cite("nbs-2018:3", style="bibtex")


def test_the_classification_itself_and_any_lookup_key_can_be_cited() -> None:
    """cite takes the classification (object or identifier) and any key lookup takes, such as a notation."""
    assert sp.cite(sp.classification()) == sp.cite("nbs-2018")
    assert "[nbs-2018]" in sp.cite("nbs-2018")
    assert sp.cite("A4") == sp.cite("action:new-materials")


@pytest.mark.parametrize(("raw", "escaped"), [("a_b", r"a\_b"), ("{x}", r"\{x\}"), ("\\", r"\textbackslash{}"),
                                              ("100%", r"100\%"), ("~^", r"\textasciitilde{}\textasciicircum{}")])  # fmt: skip
def test_bibtex_escapes_each_special_character_once(raw: str, escaped: str) -> None:
    """LaTeX's special characters are escaped once each, the backslash's braces left alone."""
    from sei_policy._cite import _escape

    assert _escape(raw) == escaped
