"""The error hierarchy of sei_policy.

Every error the library raises on purpose derives from :class:`SeiPolicyError`
and also from the builtin a caller would expect, so a plain
``except LookupError`` or ``except ValueError`` keeps working:

>>> issubclass(UnknownIdentifierError, LookupError)
True
>>> issubclass(PlanDataError, ValueError)
True

This module is imported by ``import sei_policy`` and so imports nothing.
"""

from __future__ import annotations

import warnings  # loaded by the interpreter at start-up: free to import

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

__all__ = [
    "AmbiguousLookupError",
    "DeprecatedIdentifierWarning",
    "ExportError",
    "InvalidArgumentError",
    "InvalidArgumentTypeError",
    "MissingExtraError",
    "PlanDataError",
    "SeiPolicyError",
    "UnknownIdentifierError",
    "UnknownKindError",
]


class SeiPolicyError(Exception):
    """The root of every error raised by sei_policy."""


def shown(value: object, limit: int = 80) -> str:
    """``repr(value)``, cut to ``limit`` characters so that a huge input cannot flood a message.

    >>> shown("x" * 200, limit=12)
    "'xxxxxxx...'"
    >>> shown(10**5000)
    '<int too large to show>'
    """
    try:
        text = repr(value)
    except ValueError:  # an int beyond the limit for its decimal form
        return f"<{type(value).__name__} too large to show>"
    if len(text) <= limit:
        return text
    return text[: limit - 4] + "..." + text[-1]


class UnknownIdentifierError(SeiPolicyError, LookupError):
    """No record answers to the given identifier, notation or name.

    ``kind`` is the kind asked for (``None`` for any), ``label`` how the
    message names it, ``hint`` what would have worked. ``suggestions`` holds
    the closest known identifiers (at most five, only close ones). They are
    worked out only when first asked for, so a caught miss costs little.

    >>> err = UnknownIdentifierError("action:new-material", suggest=lambda: ("action:new-materials",))
    >>> err.suggestions
    ('action:new-materials',)
    >>> print(err)
    unknown identifier 'action:new-material'; did you mean 'action:new-materials'?
    """

    def __init__(
        self,
        identifier: object,
        *,
        kind: str | None = None,
        label: str | None = None,
        hint: str | None = None,
        suggest: Callable[[], Iterable[str]] | None = None,
        search: Callable[[], Iterable[str]] | None = None,
    ) -> None:
        super().__init__(identifier)
        self.identifier = identifier
        self.kind = kind
        self.label = label
        self.hint = hint
        self._suggest = suggest
        self._suggestions: tuple[str, ...] | None = None
        self._search = search
        self._found: tuple[str, ...] | None = None

    @property
    def suggestions(self) -> tuple[str, ...]:
        """The closest known identifiers, best first (possibly empty)."""
        if self._suggestions is None:
            found = self._suggest() if self._suggest is not None else ()
            self._suggestions = tuple(found)
        return self._suggestions

    @property
    def found(self) -> tuple[str, ...]:
        """For a name that is no record's: the identifiers :func:`sei_policy.search` finds for it, best first.

        Worked out only when first asked for (by the message, say), so a caught miss loads no search machinery.
        """
        if self._found is None:
            self._found = tuple(self._search()) if self._search is not None else ()
        return self._found

    def __str__(self) -> str:
        what = f"unknown {self.label or self.kind}" if self.kind else "unknown identifier"
        message = f"{what} {shown(self.identifier)}"
        if self.hint:
            message += f": {self.hint}"
        if self.suggestions:
            message += "; did you mean " + ", ".join(map(repr, self.suggestions)) + "?"
        elif self.found:
            call = f"sp.search({shown(self.identifier)})"
            message += f"; no record is called that, but {call} finds {len(self.found)}: " + ", ".join(self.found)
        return message

    def __reduce__(self) -> tuple[object, ...]:
        # Pickle what the message needs, not the callbacks.
        return (_rebuild_unknown, (self.identifier, self.kind, self.label, self.hint, self.suggestions, self.found))


def _rebuild_unknown(
    identifier: object,
    kind: str | None,
    label: str | None,
    hint: str | None,
    suggestions: tuple[str, ...],
    found: tuple[str, ...] = (),
) -> UnknownIdentifierError:
    return UnknownIdentifierError(
        identifier, kind=kind, label=label, hint=hint, suggest=lambda: suggestions, search=lambda: found
    )


class AmbiguousLookupError(SeiPolicyError, LookupError):
    """A name fits more than one record equally well.

    ``candidates`` lists their identifiers in document order; ``hint`` says how to choose.

    >>> print(AmbiguousLookupError("new-materials", ("action:new-materials", "industry:new-materials")))
    'new-materials' is ambiguous: 'action:new-materials' or 'industry:new-materials'; pass kind= or an identifier
    """

    def __init__(self, text: str, candidates: tuple[str, ...], hint: str = "pass kind= or an identifier") -> None:
        super().__init__(text, candidates, hint)
        self.text = text
        self.candidates = candidates
        self.hint = hint

    def __str__(self) -> str:
        listed = ", ".join(map(repr, self.candidates[:-1])) + f" or {self.candidates[-1]!r}"
        return f"{shown(self.text)} is ambiguous: {listed}; {self.hint}"


class UnknownKindError(SeiPolicyError, ValueError):
    """A ``kind=`` argument names no kind of record.

    >>> print(UnknownKindError("actions", ("action", "agency")))
    unknown kind 'actions'; expected one of 'action', 'agency'
    """

    def __init__(self, kind: object, known: tuple[str, ...]) -> None:
        super().__init__(kind, known)
        self.kind = kind
        self.known = known

    def __str__(self) -> str:
        return f"unknown kind {shown(self.kind)}; expected one of " + ", ".join(map(repr, self.known))


class InvalidArgumentError(SeiPolicyError, ValueError):
    """An argument has the right type but an impossible value, such as a negative limit."""


class InvalidArgumentTypeError(SeiPolicyError, TypeError):
    """An argument has the wrong type, for example a number where text is expected.

    (Named ``ArgumentTypeError`` before 0.2, which clashed with :class:`argparse.ArgumentTypeError`.)

    >>> print(InvalidArgumentTypeError("lookup()", "text", "a string", 42))
    lookup() expects text as a string, got int: 42
    """

    def __init__(self, function: str, name: str, expected: str, value: object) -> None:
        super().__init__(function, name, expected, value)
        self.function = function
        self.name = name
        self.expected = expected
        self.value = value

    def __str__(self) -> str:
        value = shown(self.value)
        return f"{self.function} expects {self.name} as {self.expected}, got {type(self.value).__name__}: {value}"


class ExportError(SeiPolicyError, ValueError):
    """A file could not be written as asked: it exists, or its folder cannot be written.

    >>> issubclass(ExportError, ValueError)
    True
    """


class MissingExtraError(SeiPolicyError, ImportError):
    """An optional dependency is needed: the message names the extra that installs it.

    >>> print(MissingExtraError("to_frame()", "pandas", "pandas"))
    to_frame() needs pandas: python -m pip install '.[pandas]' from a checkout of sei_policy
    """

    def __init__(self, what: str, extra: str, module: str) -> None:
        super().__init__(f"{what} needs {module}: python -m pip install '.[{extra}]' from a checkout of sei_policy")
        self.extra = extra


class PlanDataError(SeiPolicyError, ValueError):
    """The shipped data failed validation; nothing was loaded.

    ``problems`` has one line per problem, each ending in the file and the
    JSON path it concerns.

    >>> print(PlanDataError(("expected an int @ sei-2020.json.actions[3].number",)))
    the plan's data is invalid (1 problem):
      expected an int @ sei-2020.json.actions[3].number
    """

    def __init__(self, problems: tuple[str, ...]) -> None:
        super().__init__(problems)
        self.problems = problems

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"the plan's data is invalid ({count} problem{'s' if count != 1 else ''}):"
        return "\n  ".join((head, *self.problems))


class DeprecatedIdentifierWarning(DeprecationWarning):
    """A retired identifier was used; it still resolves to its replacement."""


def warn_retired(old: object, new: str, stacklevel: int) -> None:
    """Warn that ``old`` is retired in favour of ``new``; ``stacklevel`` counts from the caller."""
    warnings.warn(f"{old!r} is retired; use {new!r}", DeprecatedIdentifierWarning, stacklevel=stacklevel + 1)


_RENAMED = {"ArgumentTypeError": "InvalidArgumentTypeError"}


def __getattr__(name: str) -> object:
    """Names renamed in 0.2 keep working until 0.4, with a :class:`DeprecationWarning`."""
    if name in _RENAMED:
        new = _RENAMED[name]
        warnings.warn(f"sei_policy.errors.{name} is deprecated; use {new}", DeprecationWarning, stacklevel=2)
        return globals()[new]
    raise AttributeError(f"module 'sei_policy.errors' has no attribute {name!r}")
