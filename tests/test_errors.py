"""The error hierarchy: builtin bases, clear messages, pickling."""

from __future__ import annotations

import pickle

import pytest

import sei_policy as sp


@pytest.mark.parametrize(
    ("error", "bases"),
    [(sp.UnknownIdentifierError, (LookupError,)), (sp.AmbiguousLookupError, (LookupError,)),
     (sp.PlanDataError, (ValueError,)), (sp.errors.UnknownKindError, (ValueError,)), (sp.errors.InvalidArgumentTypeError, (TypeError,)),
     (sp.DeprecatedIdentifierWarning, (DeprecationWarning,))],
)  # fmt: skip
def test_errors_subclass_the_builtin_a_caller_expects(error: type, bases: tuple[type, ...]) -> None:
    """Each error is a SeiPolicyError (warnings excepted) and its natural builtin."""
    assert issubclass(error, bases)
    if not issubclass(error, Warning):
        assert issubclass(error, sp.SeiPolicyError)


def test_suggestions_are_computed_once_and_only_when_asked() -> None:
    """The suggestion callback runs on first use of the message, then is cached."""
    calls: list[int] = []

    def suggest() -> tuple[str, ...]:
        calls.append(1)
        return ("action:new-materials",)

    error = sp.UnknownIdentifierError("action:new-material", suggest=suggest)
    assert calls == []
    assert "did you mean 'action:new-materials'" in str(error)
    assert error.suggestions == ("action:new-materials",)
    assert calls == [1]


def test_unknown_identifier_without_suggestions() -> None:
    """A miss with nothing close says only what was not found."""
    assert str(sp.UnknownIdentifierError("zz", kind="action")) == "unknown action 'zz'"


def test_errors_pickle_with_their_message() -> None:
    """Errors cross process boundaries (multiprocessing) with their message intact."""
    with pytest.raises(sp.UnknownIdentifierError) as caught:
        sp.get("action:new-material")
    clone = pickle.loads(pickle.dumps(caught.value))
    assert str(clone) == str(caught.value)
    for error in (
        sp.AmbiguousLookupError("x", ("a:b", "c:d")),
        sp.PlanDataError(("bad @ f.json",)),
        sp.errors.UnknownKindError("k", ("action",)),
        sp.errors.InvalidArgumentTypeError("get()", "identifier", "a string", 4),
    ):
        assert str(pickle.loads(pickle.dumps(error))) == str(error)


def test_long_values_are_shortened_in_messages() -> None:
    """A huge wrong-typed value does not flood the message."""
    assert len(str(sp.errors.InvalidArgumentTypeError("get()", "identifier", "a string", list(range(10_000))))) < 200


def test_plan_data_error_counts_its_problems() -> None:
    """The message heads the list of problems with their number."""
    message = str(sp.PlanDataError(("a @ f", "b @ f")))
    assert message.splitlines() == ["the plan's data is invalid (2 problems):", "  a @ f", "  b @ f"]
