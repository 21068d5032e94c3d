"""Generated corruptions of the shipped JSON: each is refused with a PlanDataError naming the file and path.

A walk over the shipped data, guided by the model classes, lists every place a
corruption can strike: every object, every required key, every scalar, every
relation and identifier. Hypothesis then picks a file, a place and a kind of
damage, and checks that the loader refuses the result with a problem at
exactly that JSON path, and with no other exception type.
"""

from __future__ import annotations

import copy
import json
import types
from collections.abc import Iterator
from typing import Any, Union, get_args, get_origin

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import sei_policy as sp
from sei_policy import _loader

Path = tuple[str | int, ...]

# Fields that hold identifiers of other records, by the class that has them.
RELATIONS: dict[type, frozenset[str]] = {
    sp.Plan: frozenset({"issuer_ids"}),
    sp.Objective: frozenset({"priority_ids", "guarantee_ids"}),
    sp.Requirement: frozenset({"action_ids"}),
    sp.Action: frozenset({"requirement_id", "industry_id", "agency_ids", "target_ids"}),
    sp.Industry: frozenset({"action_id", "nbs_2018_id"}),
    sp.Target: frozenset({"action_id"}),
}
ROOTS = {_loader.PLAN_FILE: sp.Plan, _loader.CLASSIFICATION_FILE: sp.Classification}
FILES = _loader.read()
BODIES = {name: json.loads(data) for name, data in FILES.items()}


@attrs.frozen
class Site:
    """A place in a data file: what is there, and what the models expect there."""

    file: str
    path: Path
    role: str  # "object", "required", "scalar", "relation", "id" or "source"
    cls: type | None = None
    key: str | None = None


def _inner(annotation: Any) -> Any:
    """The attrs class or element type inside ``X | None`` and ``tuple[X, ...]``."""
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        (annotation,) = [a for a in get_args(annotation) if a is not type(None)]
        return _inner(annotation)
    if origin is tuple:
        return _inner(get_args(annotation)[0])
    return annotation


def _walk(file: str, value: Any, cls: type, path: Path) -> Iterator[Site]:
    yield Site(file, path, "object", cls)
    for field in attrs.fields(cls):
        if not field.init or field.name not in value:
            continue
        here = (*path, field.name)
        if field.default is attrs.NOTHING:
            yield Site(file, path, "required", cls, field.name)
        inner = _inner(field.type)
        item = value[field.name]
        items = list(enumerate(item)) if isinstance(item, list) else [(None, item)]
        for index, element in items:
            at = here if index is None else (*here, index)
            if element is None:
                continue
            if attrs.has(inner):
                yield from _walk(file, element, inner, at)
            elif field.name in RELATIONS.get(cls, ()):
                yield Site(file, at, "relation")
            elif field.name == "id" and issubclass(cls, sp.Record):
                yield Site(file, at, "id", cls)
            elif field.name == "source_keys" and cls in (sp.Provenance, sp.Claim, sp.Figure):
                yield Site(file, at, "source")
            else:
                yield Site(file, at, "scalar")
        if isinstance(item, list) and not attrs.has(inner):
            yield Site(file, here, "scalar")  # the list itself


SITES = [site for name, root in ROOTS.items() for site in _walk(name, BODIES[name], root, ())]


def _json_path(file: str, path: Path) -> str:
    text = file
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def _node(body: Any, path: Path) -> Any:
    for part in path:
        body = body[part]
    return body


def _wrong_type(value: Any) -> Any:
    """A JSON value of another type than ``value``."""
    if isinstance(value, str):
        return 0
    if isinstance(value, bool):
        return "true"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "a list"
    return ["an object"]


def _refused(files: dict[str, bytes]) -> tuple[str, ...]:
    """The problems the loader reports; the test fails if it loads or raises anything else."""
    with pytest.raises(sp.PlanDataError) as caught:
        _loader.parse(files)
    problems = caught.value.problems
    assert problems
    for problem in problems:
        assert " @ " in problem
        assert problem.rsplit(" @ ", 1)[1].startswith(tuple(_loader.FILES))
    return problems


def _damage(site: Site, how: str, other: Any) -> tuple[dict[str, bytes], str]:
    """Apply one corruption at ``site``; return the files and the JSON path the loader must name."""
    body = copy.deepcopy(BODIES[site.file])
    *parent_path, last = site.path or ("",)
    parent = _node(body, tuple(parent_path))
    expected = _json_path(site.file, site.path)
    if how == "unknown key":
        _node(body, site.path)["unexpected"] = other
    elif how == "drop":
        assert site.key is not None
        del _node(body, site.path)[site.key]
        expected = _json_path(site.file, (*site.path, site.key))
    elif how == "wrong type":
        parent[last] = _wrong_type(_node(body, site.path))
    elif how == "dangle":
        parent[last] = "action:not-in-the-plan"
    elif how == "malform":
        parent[last] = "Not An Identifier"
    elif how == "duplicate":
        parent[last] = other
    elif how == "unregistered source":
        parent[last] = "S999"
    files = dict(FILES)
    files[site.file] = json.dumps(body, ensure_ascii=False).encode("utf-8")
    return files, expected


ROLES = {
    "object": ["unknown key", "wrong type"],
    "required": ["drop"],
    "scalar": ["wrong type"],
    "relation": ["dangle", "wrong type"],
    "id": ["malform", "duplicate", "wrong type"],
    "source": ["unregistered source", "wrong type"],
}


@st.composite
def corruptions(draw: st.DrawFn) -> tuple[Site, str, Any]:
    site = draw(st.sampled_from(SITES))
    how = draw(st.sampled_from(ROLES[site.role]))
    if how == "wrong type" and site.path == ():
        how = "unknown key"  # the top level is checked by the byte-level tests below
    other: Any = draw(st.one_of(st.integers(), st.text(max_size=5), st.none()))
    if how == "duplicate":
        same_kind = [s for s in SITES if s.role == "id" and s.cls is site.cls and s.path != site.path]
        twin = draw(st.sampled_from(same_kind))
        other = _node(BODIES[twin.file], twin.path)
    return site, how, other


@given(corruptions())
def test_every_corruption_is_refused_at_its_path(corruption: tuple[Site, str, Any]) -> None:
    """A corrupted field, key, relation or identifier is refused, naming exactly its JSON path."""
    site, how, other = corruption
    files, expected = _damage(site, how, other)
    problems = _refused(files)
    paths = {problem.rsplit(" @ ", 1)[1] for problem in problems}
    if how == "duplicate":
        # Reported where the identifier is seen the second time: here or at its twin.
        assert any("duplicate identifier" in p for p in problems), problems
    else:
        assert expected in paths, (how, expected, problems)


def test_the_walk_reaches_every_kind_of_site() -> None:
    """The generated corruptions can strike objects, keys, scalars, relations, identifiers and sources."""
    roles = {site.role for site in SITES}
    assert roles == set(ROLES)
    assert len(SITES) > 2000


@given(st.sampled_from(sorted(FILES)), st.data())
def test_invalid_utf8_is_refused(name: str, data: st.DataObject) -> None:
    """A byte that cannot be UTF-8, anywhere in a file, is refused naming the file."""
    raw = FILES[name]
    at = data.draw(st.integers(0, len(raw)))
    bad = data.draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x80"]))
    problems = _refused({**FILES, name: raw[:at] + bad + raw[at:]})
    assert problems == (problems[0],)
    assert problems[0].endswith(f"@ {name}")
    assert "UTF-8" in problems[0]


@given(st.sampled_from(sorted(FILES)), st.data())
def test_truncated_file_is_refused(name: str, data: st.DataObject) -> None:
    """A file cut short anywhere is refused as invalid JSON, naming the file."""
    raw = FILES[name].rstrip()
    at = data.draw(st.integers(0, len(raw) - 1))
    text = raw[:at].decode("utf-8", errors="ignore").encode("utf-8")
    problems = _refused({**FILES, name: text})
    assert problems[0].endswith(f"@ {name}")


@given(
    st.sampled_from(sorted(FILES)),
    st.one_of(st.integers().filter(lambda n: n != _loader.SCHEMA_VERSION), st.text(), st.none(), st.booleans()),
)
def test_wrong_schema_version_is_refused(name: str, version: object) -> None:
    """Any schema_version but the one this code reads is refused before structuring."""
    body = dict(BODIES[name])
    body["schema_version"] = version
    problems = _refused({**FILES, name: json.dumps(body).encode()})
    assert problems == (
        f"unsupported schema_version {version!r}; this sei_policy reads {_loader.SCHEMA_VERSION} @ {name}.schema_version",
    )


@given(st.sampled_from(sorted(FILES)), st.sampled_from(["[]", '"text"', "42", "null", "{}"]))
def test_wrong_top_level_is_refused(name: str, text: str) -> None:
    """A file that is valid JSON but not the expected object is refused."""
    problems = _refused({**FILES, name: text.encode()})
    assert problems[0].rsplit(" @ ", 1)[1].startswith(name)


def test_deeply_nested_json_is_refused() -> None:
    """JSON nested beyond the parser's recursion limit is refused, not a RecursionError."""
    problems = _refused({**FILES, _loader.PLAN_FILE: b"[" * 100_000 + b"]" * 100_000})
    assert problems[0].endswith(f"@ {_loader.PLAN_FILE}")
