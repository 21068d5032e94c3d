"""The public face: a literal ``__all__``, documented by docs/reference.md name for name, and the 0.2 deprecations."""

from __future__ import annotations

import ast
import re
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

import sei_policy as sp
from sei_policy import errors, models

ROOT = Path(__file__).resolve().parents[1]
INIT = ROOT / "src" / "sei_policy" / "__init__.py"
REFERENCE = ROOT / "docs" / "reference.md"

_DIRECTIVE = re.compile(r"^\.\. (currentmodule|auto\w+):: (\S+)", re.MULTILINE)


def _literal_all() -> list[str]:
    """The one assignment to ``__all__`` in the package's source, read without importing it."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    assigned: list[ast.Assign | ast.AugAssign | ast.AnnAssign] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        else:
            continue
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            assigned.append(node)
    assert len(assigned) == 1, "__all__ is assigned more than once (or extended)"
    value = assigned[0].value
    assert value is not None
    assert isinstance(value, ast.List), f"__all__ is not a literal list: {ast.dump(value)[:60]}"
    names = []
    for item in value.elts:
        assert isinstance(item, ast.Constant) and isinstance(item.value, str), f"not a string literal: {ast.dump(item)}"
        names.append(item.value)
    return names


def _documented() -> dict[str, set[str]]:
    """The names that docs/reference.md documents with an autodoc directive, by the module they are documented in."""
    found: dict[str, set[str]] = {}
    module = ""
    for directive, argument in _DIRECTIVE.findall(REFERENCE.read_text(encoding="utf-8")):
        if directive == "currentmodule":
            module = argument
        elif directive == "automodule":
            found.setdefault("modules", set()).add(argument)
        else:
            found.setdefault(module, set()).add(argument)
    return found


def _deprecated_table() -> set[str]:
    """The old names in the first column of reference.md's "Deprecated in 0.2" table."""
    section = REFERENCE.read_text(encoding="utf-8").split("## Deprecated in 0.2", 1)[1]
    return set(re.findall(r"^\| `([\w.]+?)(?:\(\))?` \|", section, flags=re.MULTILINE))


def test_all_is_a_literal_list_of_unique_strings() -> None:
    """``__all__`` is one literal list of string constants, without repeats, equal to the runtime value."""
    names = _literal_all()
    assert len(names) == len(set(names))
    assert names == sp.__all__


def test_the_face_has_fewer_than_sixty_names() -> None:
    """The smallest face that serves: under 60 names."""
    assert len(_literal_all()) < 60


@pytest.mark.parametrize("name", sp.__all__)
def test_every_public_name_resolves_without_a_warning(name: str) -> None:
    """Each name of ``__all__`` is there, and reaching it warns of nothing."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert getattr(sp, name) is not None


def test_the_reference_documents_exactly_the_public_names() -> None:
    """The autodoc directives under ``currentmodule:: sei_policy`` name exactly ``__all__``."""
    documented = _documented().get("sei_policy", set())
    assert sorted(documented - set(sp.__all__)) == [], "documented, but not public"
    assert sorted(set(sp.__all__) - documented) == [], "public, but not in docs/reference.md"


def test_the_reference_documents_the_argument_errors_of_sei_policy_errors() -> None:
    """The errors that live in ``sei_policy.errors`` only are documented there, and nothing else is."""
    only_there = set(errors.__all__) - set(sp.__all__)
    assert only_there == {"InvalidArgumentError", "InvalidArgumentTypeError", "UnknownKindError"}
    assert _documented().get("sei_policy.errors") == only_there


def test_the_reference_documents_the_ids_module() -> None:
    """``sei_policy.ids``, a public module, has its own section."""
    assert _documented().get("modules") == {"sei_policy.ids"}


# Each name that left the face in 0.2, how it is reached, what it must still give, and a word
# the warning must say (what to use instead).
DEPRECATED: list[tuple[str, Callable[[], object], Callable[[], object], str]] = [
    ("KINDS", lambda: sp.KINDS, lambda: models.KINDS, "record classes"),
    ("KindSpec", lambda: sp.KindSpec, lambda: models.KindSpec, "record classes"),
    ("AnyRecord", lambda: sp.AnyRecord, lambda: sp.PlanOrRecord, "sp.PlanOrRecord"),
    (
        "ArgumentTypeError",
        lambda: sp.ArgumentTypeError,
        lambda: errors.InvalidArgumentTypeError,
        "errors.InvalidArgumentTypeError",
    ),
    (
        "InvalidArgumentError",
        lambda: sp.InvalidArgumentError,
        lambda: errors.InvalidArgumentError,
        "errors.InvalidArgumentError",
    ),
    ("UnknownKindError", lambda: sp.UnknownKindError, lambda: errors.UnknownKindError, "errors.UnknownKindError"),
    (
        "errors.ArgumentTypeError",
        lambda: errors.ArgumentTypeError,
        lambda: errors.InvalidArgumentTypeError,
        "InvalidArgumentTypeError",
    ),
]


@pytest.mark.parametrize(("name", "reach", "expected", "instead"), DEPRECATED, ids=[row[0] for row in DEPRECATED])
def test_a_deprecated_name_warns_and_still_gives_its_object(
    name: str, reach: Callable[[], object], expected: Callable[[], object], instead: str
) -> None:
    """Reaching a name that left the face warns with DeprecationWarning, names what to use, and gives the same object."""
    with pytest.warns(DeprecationWarning, match=re.escape(instead)) as caught:
        value = reach()
    assert value is expected()
    assert len(caught) == 1
    assert caught[0].filename == __file__  # the warning points at the caller's line
    assert name.rsplit(".", 1)[-1] not in sp.__all__


def test_relations_frame_warns_and_gives_the_frame_of_relations() -> None:
    """``sp.relations_frame`` warns, names the pandas replacement, and gives the same rows."""
    pandas = pytest.importorskip("pandas")
    with pytest.warns(DeprecationWarning, match=re.escape("pandas.DataFrame(sp.relations())")):
        relations_frame = sp.relations_frame
    assert callable(relations_frame)
    frame = relations_frame()
    expected = pandas.DataFrame(sp.relations())
    assert frame.shape == expected.shape
    assert frame.astype(object).where(frame.notna(), None).values.tolist() == expected.values.tolist()


def test_every_deprecation_is_tested_and_in_the_reference_table() -> None:
    """The package's deprecations, this module's table and the reference's table name the same names."""
    deprecated = set(sp._DEPRECATED) | {f"errors.{old}" for old in errors._RENAMED}
    tested = {row[0] for row in DEPRECATED} | {"relations_frame"}
    assert tested == deprecated
    in_table = {name.removeprefix("sp.").removeprefix("sei_policy.") for name in _deprecated_table()}
    assert in_table == deprecated


def test_an_unknown_name_is_an_attribute_error() -> None:
    """A name that never was public raises AttributeError, naming it, without a warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(AttributeError, match="'display'"):
            sp.display  # noqa: B018
