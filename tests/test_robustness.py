"""Bad input on every public entry point: a result or a documented error, never a crash or a hang."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sei_policy as sp
from sei_policy.cli import main

from .helpers import NON_TEXT, PLAN

LOOKUP_ERRORS = (sp.UnknownIdentifierError, sp.AmbiguousLookupError)

# Text of every kind: ordinary, any code point (control characters and lone surrogates
# included), right-to-left and zero-width marks, and very long strings.
ANY_CHARACTER = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())
TEXTS = st.one_of(
    st.text(),
    st.text(ANY_CHARACTER),
    st.lists(st.sampled_from(["\u200f", "\u202e", "\u200b", "\ufeff", "A4", "材料", "\x00", "\ud800"])).map("".join),
    st.builds(lambda s, n: s * n, st.text(ANY_CHARACTER, min_size=1, max_size=4), st.integers(1_000, 100_000)),
)

ACCESSORS = ["priority", "guarantee", "objective", "requirement", "action", "industry", "target", "agency"]
NAVIGATION = [
    "requirement_of", "actions_of", "industry_of", "targets_of", "agencies_of", "actions_led_by",
    "priorities_of", "guarantees_of",
]  # fmt: skip


def _answers(call: Callable[[], object], *errors: type[BaseException]) -> None:
    """Run ``call``: it may return or raise one of ``errors``; anything else fails the test."""
    with contextlib.suppress(*errors):
        call()


@given(st.sampled_from(ACCESSORS + NAVIGATION), TEXTS)
def test_accessors_and_navigation_answer_any_text(method: str, text: str) -> None:
    """Per-kind accessors and navigation take any text: a record or UnknownIdentifierError."""
    _answers(lambda: getattr(PLAN, method)(text), sp.UnknownIdentifierError)


@given(st.sampled_from(ACCESSORS + NAVIGATION), st.integers())
def test_accessors_and_navigation_answer_any_number(method: str, number: int) -> None:
    """Any integer is a number to look up, found or not."""
    _answers(lambda: getattr(PLAN, method)(number), sp.UnknownIdentifierError)


@given(st.sampled_from([*ACCESSORS, *NAVIGATION, "action_of", "objectives_of", "source", "sources_of"]), NON_TEXT)
def test_accessors_and_navigation_refuse_non_text(method: str, value: object) -> None:
    """A key that is neither text, a number nor a record is an InvalidArgumentTypeError naming the method."""
    with pytest.raises(sp.errors.InvalidArgumentTypeError, match=rf"{method}\(\) expects"):
        getattr(PLAN, method)(value)


@given(st.sampled_from([*ACCESSORS, *NAVIGATION, "action_of", "objectives_of"]))
def test_accessors_and_navigation_refuse_records_of_another_kind(method: str) -> None:
    """A record of a kind the method does not take is refused, never silently used."""
    wrong_kind = PLAN.action(1) if method == "action_of" else sp.classification().category(1)
    for value in (PLAN.source("S1"), wrong_kind):
        with pytest.raises((sp.errors.InvalidArgumentTypeError, sp.UnknownIdentifierError)):
            getattr(PLAN, method)(value)


@given(st.sampled_from(["action_of", "objectives_of", "source"]), TEXTS)
def test_two_kind_navigation_answers_any_text(method: str, text: str) -> None:
    """action_of, objectives_of and source take any text: a record or a documented LookupError."""
    _answers(lambda: getattr(PLAN, method)(text), *LOOKUP_ERRORS)


@pytest.mark.parametrize("number", [10**5000, -(10**5000), 2**64], ids=["10**5000", "-10**5000", "2**64"])
def test_huge_numbers_render_in_messages(number: int) -> None:
    """An integer too long to print in decimal still gives a readable error (found in review)."""
    with pytest.raises(sp.UnknownIdentifierError) as missed:
        PLAN.action(number)
    with pytest.raises(sp.errors.InvalidArgumentTypeError) as refused:
        sp.lookup(number)  # type: ignore[call-overload]
    for error in (missed.value, refused.value):
        assert len(str(error)) < 300


@given(st.one_of(TEXTS, st.integers()))
def test_classification_answers_anything(key: str | int) -> None:
    """NBS categories are looked up like plan records."""
    _answers(lambda: sp.classification().category(key), sp.UnknownIdentifierError)


@given(TEXTS, st.sampled_from([None, *sp.Kind]))
def test_lookup_and_search_answer_any_text(text: str, kind: sp.Kind | None) -> None:
    """lookup returns or raises a LookupError; search always returns a tuple."""
    _answers(lambda: sp.lookup(text, kind=kind), *LOOKUP_ERRORS)
    assert isinstance(sp.search(text, kind=kind, limit=3), tuple)
    assert sp.get(text, None) is None or sp.get(text).id == text


@given(st.sampled_from(["show", "search"]), TEXTS)
def test_command_line_answers_any_text(command: str, text: str) -> None:
    """The command line returns 0 or 1 for any argument, or exits 2 on what argparse calls bad usage."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main([command, text])
        except SystemExit as exit_:
            status = exit_.code  # type: ignore[assignment]
            assert status == 2
    assert status in (0, 1, 2)
    assert "Traceback" not in err.getvalue()


@pytest.mark.parametrize("size", [1_000_000, 4_000_000])
def test_huge_inputs_are_answered(size: int) -> None:
    """Megabyte inputs to lookup and search are answered (no hang: the suite would time out)."""
    text = "新材料 photoresist " * (size // 16)
    assert sp.search(text)[0].record.id == "action:new-materials"
    with pytest.raises(sp.UnknownIdentifierError) as caught:
        sp.lookup(text)
    assert len(str(caught.value)) < size


@pytest.mark.parametrize("digits", ["0" * 5000, "9" * 4301, "1" + "0" * 20])
def test_long_digit_strings_are_misses(digits: str) -> None:
    """A digit string too long to be a number is a miss, not int()'s ValueError (found by hypothesis)."""
    with pytest.raises(sp.UnknownIdentifierError):
        PLAN.action(digits)
    with pytest.raises(sp.UnknownIdentifierError):
        sp.classification().category(digits)


def test_text_subclasses_are_text() -> None:
    """A str subclass is accepted wherever text is."""

    class Name(str):
        pass

    assert sp.get(Name("action:new-materials")).id == "action:new-materials"
    assert sp.lookup(Name("A4")).id == "action:new-materials"
    assert PLAN.action(Name("A4")).notation == "A4"


def _read(obj: Any) -> None:
    str(obj)
    repr(obj)


@given(TEXTS)
def test_errors_render_any_input(text: str) -> None:
    """Error messages render for any input, surrogates included."""
    try:
        sp.get(text)
    except sp.UnknownIdentifierError as error:
        _read(error)


# -- the front doors: tables, exports and citations ---------------------------------

DOCUMENTED = (sp.SeiPolicyError,)
"""Every error the library raises on purpose derives from SeiPolicyError (and a builtin)."""
KIND_LIKE = st.one_of(TEXTS, NON_TEXT, st.sampled_from([*sp.Kind, sp.Action, sp.Plan, sp.NbsCategory, int, None]))


@given(KIND_LIKE)
def test_tables_answer_any_kind(kind: object) -> None:
    """to_records and to_frame return rows for a kind, or raise a documented error; nothing else."""
    try:
        rows = sp.to_records(kind)  # type: ignore[arg-type]
    except DOCUMENTED:
        with pytest.raises(DOCUMENTED):
            sp.to_frame(kind)  # type: ignore[arg-type]
        return
    frame = sp.to_frame(kind)  # type: ignore[arg-type]
    assert len(frame) == len(rows) > 0


@given(
    st.one_of(st.sampled_from([*sp.FORMATS, "CSV", " json ", "xls"]), TEXTS, NON_TEXT),
    st.one_of(st.text(st.characters(codec="utf-8"), max_size=20), NON_TEXT),
    st.booleans(),
    st.booleans(),
)
def test_export_answers_any_arguments(format_: object, name: object, overwrite: bool, excel: bool) -> None:
    """export writes into the folder it is given or raises a documented error; it never leaves a temporary file."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        # Only ever a path inside the temporary folder (or a value that is no path at all): never write elsewhere.
        if isinstance(name, str):
            safe = "".join(c for c in name if c not in "/\\\x00").strip(".") or "out"
            path: object = Path(folder) / safe
        else:
            path = name
        try:
            written = sp.export(format_, path, overwrite=overwrite, excel=excel)  # type: ignore[arg-type]
        except DOCUMENTED:
            pass
        else:
            assert written and all(p.exists() for p in written)
        assert not [p for p in Path(folder).iterdir() if p.name.endswith(".tmp")]


@given(
    st.one_of(TEXTS, NON_TEXT, st.sampled_from([r.id for r in sp.records()])),
    st.one_of(st.sampled_from(["text", "bibtex"]), TEXTS, NON_TEXT),
)
def test_cite_answers_anything(ref: object, style: object) -> None:
    """cite returns text or raises a documented error for any reference and style."""
    try:
        text = sp.cite(ref, style=style)  # type: ignore[arg-type]
    except DOCUMENTED:
        return
    assert isinstance(text, str) and text
