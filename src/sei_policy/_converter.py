"""The library's cattrs converters: strict, and private to sei_policy.

Two converters share the same strict hooks:

* :func:`fast` is a lean ``BaseConverter`` that structures the shipped data on
  every load. It needs no code generation, so first use stays cheap.
* :func:`detailed` is a full ``Converter`` with detailed validation. It runs
  only after the fast one has refused the data, to explain every problem with
  its exact JSON path.

Both refuse unknown keys and never coerce: a number is not a string, a string
is not a list, and ``true`` is not a number.
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
from collections.abc import Callable, Mapping
from typing import Any, get_args, get_origin

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn
from cattrs.v import format_exception

__all__ = ("detailed", "explain", "fast", "unstructure")


def _expect(kind: type, name: str) -> Callable[[Any, type], Any]:
    def structure(value: Any, _: type) -> Any:
        if type(value) is not kind:
            raise TypeError(f"expected {name}, got {type(value).__name__}: {value!r}"[:200])
        return value

    return structure


def _structure_float(value: Any, _: type) -> float:
    if type(value) not in (int, float):
        raise TypeError(f"expected a number, got {type(value).__name__}: {value!r}"[:200])
    return float(value)


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _structure_date(value: Any, _: type) -> datetime.date:
    if type(value) is not str:
        raise TypeError(f"expected an ISO date string, got {type(value).__name__}: {value!r}"[:200])
    if not _DATE.fullmatch(value):  # fromisoformat also takes forms such as 20200911 or 2020W375
        raise ValueError(f"expected a date as YYYY-MM-DD, got {value!r}"[:200])
    return datetime.date.fromisoformat(value)


def _structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    if type(value) is not str:
        raise TypeError(f"expected a string, got {type(value).__name__}: {value!r}"[:200])
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in cls)
        raise ValueError(f"{value!r} is not a valid {cls.__name__} (expected one of {allowed})") from None


def _unstructure_enum(value: enum.Enum) -> Any:
    return value.value


def _is_any_tuple(cls: Any) -> bool:
    return bool(cls is tuple or get_origin(cls) is tuple)


def _is_tuple(cls: Any) -> bool:
    return get_origin(cls) is tuple


def _tuple_factory(cls: Any, converter: cattrs.BaseConverter) -> Callable[[Any, Any], Any]:
    args = get_args(cls)
    if len(args) != 2 or args[1] is not Ellipsis:  # pragma: no cover - the models use tuple[X, ...] only
        raise TypeError(f"only homogeneous tuples are supported, not {cls!r}")
    inner = homogenous_tuple_structure_factory(cls, converter)

    def structure(value: Any, type_: Any) -> Any:
        if type(value) is not list:
            raise TypeError(f"expected a list, got {type(value).__name__}: {value!r}"[:200])
        return inner(value, type_)

    return structure


def _strict_keys_factory(cls: type, converter: cattrs.BaseConverter) -> Callable[[Any, type], Any]:
    allowed = frozenset(a.name for a in attrs.fields(cls) if a.init)

    def structure(value: Any, type_: type) -> Any:
        if type(value) is not dict:
            raise TypeError(f"expected an object for {cls.__name__}, got {type(value).__name__}")
        extra = value.keys() - allowed
        if extra:
            raise ForbiddenExtraKeysError("", cls, set(extra))
        return converter.structure_attrs_fromdict(value, type_)

    return structure


def _register_strict(converter: cattrs.BaseConverter) -> None:
    converter.register_structure_hook(str, _expect(str, "a string"))
    converter.register_structure_hook(int, _expect(int, "an integer"))
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(datetime.date, _structure_date)
    converter.register_structure_hook(enum.Enum, _structure_enum)  # dispatches to every Enum subclass
    converter.register_structure_hook(enum.StrEnum, _structure_enum)  # ahead of str, which StrEnums also are
    converter.register_structure_hook_factory(_is_tuple, _tuple_factory)
    converter.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    # Plain JSON out: an enum as its value (a StrEnum is a str, and would pass as itself), tuples as lists.
    converter.register_unstructure_hook(enum.Enum, _unstructure_enum)
    converter.register_unstructure_hook(enum.StrEnum, _unstructure_enum)
    converter.register_unstructure_hook_func(_is_any_tuple, lambda value: [converter.unstructure(v) for v in value])


@functools.cache
def fast() -> cattrs.BaseConverter:
    """The lean converter used on every load."""
    converter = cattrs.BaseConverter(detailed_validation=False)
    _register_strict(converter)
    converter.register_structure_hook_factory(attrs.has, _strict_keys_factory)
    return converter


def _checked_object_factory(cls: type, converter: cattrs.Converter) -> Callable[[Any, type], Any]:
    generated: Callable[[Any, type], Any] = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)

    def structure(value: Any, type_: type) -> Any:
        if type(value) is not dict:
            raise TypeError(f"expected an object for {cls.__name__}, got {type(value).__name__}")
        return generated(value, type_)

    return structure


@functools.cache
def detailed() -> cattrs.Converter:
    """The full converter: explains a failed load with exact paths, and round-trips records."""
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    _register_strict(converter)
    converter.register_structure_hook_factory(attrs.has, _checked_object_factory)
    return converter


def _describe(error: BaseException, type_: Any) -> str:
    """Our hooks' own messages where they have one, cattrs' wording otherwise."""
    if isinstance(error, (TypeError, ValueError)) and str(error):
        return str(error)
    return format_exception(error, type_)


def explain(error: BaseException, path: str) -> tuple[str, ...]:
    """One line per problem in a failed structure, each naming ``path`` and the JSON path below it."""
    if isinstance(error, (cattrs.BaseValidationError, ForbiddenExtraKeysError)):
        return tuple(cattrs.transform_error(error, path=path, format_exception=_describe))
    return (f"{error} @ {path}",)


def unstructure(value: Any) -> Mapping[str, Any]:
    """A record or the plan as plain JSON-ready data."""
    result = detailed().unstructure(value)
    assert isinstance(result, dict)
    return result
