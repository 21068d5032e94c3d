"""Folds traditional Chinese characters to simplified ones, for search and lookup.

The table is ``data/t2s.json``: OpenCC's character table (TSCharacters.txt), cut
to single characters and generated at development time by ``tools/make_t2s.py``,
which the file names together with its source and licence.

>>> simplify("新材料產業")
'新材料产业'

Importing this module reads nothing: the table is read, validated and compiled
on the first call that needs it (text with a non-ASCII character), exactly once
per process even when threads race that call. :func:`parse` does the work on
bytes and is what the tests feed corrupted copies to.
"""

from __future__ import annotations

import json

from sei_policy import _data
from sei_policy._once import Once
from sei_policy.errors import PlanDataError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    _Folding = tuple[frozenset[str], dict[int, str]]
    """The characters the table maps, and the table as ``str.translate`` takes it."""

__all__ = ("FILE", "parse", "read", "simplify", "table")

FILE = "t2s.json"
FIELDS = ("source", "licence", "generated_by", "note", "table")
"""The fields of the file, each a string except ``table``."""
SHOWN = 10
"""At most this many problems with single entries are listed; the rest are counted."""


def simplify(text: str) -> str:
    """``text`` with every traditional character replaced by its simplified form.

    Text with nothing to replace is returned as is (the same object), and
    so cheaply: ASCII text without reading the table at all. Only single
    characters are folded, each to OpenCC's default simplified form, so the
    length is kept, and folding twice gives the same as folding once.

    Args:
        text: any text.

    Returns:
        The folded text.

    Raises:
        PlanDataError: the shipped table is broken (on the first call that reads it).

    >>> simplify("新材料產業")
    '新材料产业'
    >>> simplify("發展數字經濟, 5G網絡")
    '发展数字经济, 5G网络'
    >>> s = "already simplified: 新材料产业"
    >>> simplify(s) is s
    True
    """
    if text.isascii():
        return text
    keys, translation = _load()
    if keys.isdisjoint(text):
        return text
    return text.translate(translation)


def table() -> dict[str, str]:
    """A fresh copy of the table, traditional character to simplified character.

    >>> table()["產"]
    '产'
    """
    return {chr(code): value for code, value in _load()[1].items()}


def read() -> bytes:
    """The raw bytes of ``data/t2s.json``, read through importlib resources."""
    return _data.read(FILE)


def parse(data: bytes) -> dict[str, str]:
    """Decode and validate the table file; raise :class:`PlanDataError` on any problem.

    >>> parse('{"table": {"產": "产"}}'.encode())
    Traceback (most recent call last):
    ...
    sei_policy.errors.PlanDataError: the plan's data is invalid (4 problems):
      missing field 'source' @ t2s.json.source
      missing field 'licence' @ t2s.json.licence
      missing field 'generated_by' @ t2s.json.generated_by
      missing field 'note' @ t2s.json.note
    """
    try:
        body = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise PlanDataError((f"not valid UTF-8 ({error.reason} at byte {error.start}) @ {FILE}",)) from None
    except json.JSONDecodeError as error:
        problem = f"not valid JSON ({error.msg} at line {error.lineno}, column {error.colno}) @ {FILE}"
        raise PlanDataError((problem,)) from None
    except RecursionError:
        raise PlanDataError((f"not valid JSON (nested too deeply) @ {FILE}",)) from None
    if type(body) is not dict:
        raise PlanDataError((f"expected a JSON object, found {_kind(body)} @ {FILE}",))
    problems = [f"unknown field {name!r} @ {FILE}.{name}" for name in body if name not in FIELDS]
    for name in FIELDS:
        if name not in body:
            problems.append(f"missing field {name!r} @ {FILE}.{name}")
        elif name != "table" and type(body[name]) is not str:
            problems.append(f"expected a string, found {_kind(body[name])} @ {FILE}.{name}")
    entries = body.get("table", {})
    if type(entries) is not dict:
        problems.append(f"expected an object of characters, found {_kind(entries)} @ {FILE}.table")
    elif "table" in body and not entries:
        problems.append(f"the table is empty @ {FILE}.table")
    else:
        problems += _check_entries(entries)
    if problems:
        raise PlanDataError(tuple(problems))
    checked: dict[str, str] = entries
    return checked


def _check_entries(entries: dict[str, Any]) -> list[str]:
    """The problems with single entries: each must map one non-ASCII character to another one, not itself mapped."""
    problems: list[str] = []
    for key, value in entries.items():
        if len(key) != 1:
            problem = f"expected a single character as key, found {_quoted(key)}"
        elif key.isascii():
            problem = "an ASCII character cannot be traditional"
        elif type(value) is not str or len(value) != 1:
            problem = f"expected a single character, found {_shown(value)}"
        elif value == key:
            problem = "maps a character to itself"
        elif value in entries:
            problem = f"maps to {_quoted(value)}, which the table maps again; it must be closed"
        else:
            continue
        problems.append(f"{problem} @ {FILE}.table[{_quoted(key)}]")
    if len(problems) > SHOWN:
        problems[SHOWN:] = [f"and {len(problems) - SHOWN} more problems with entries @ {FILE}.table"]
    return problems


def _quoted(text: str) -> str:
    """``text`` as a JSON string, so that a JSON path quotes it as JSON does."""
    return json.dumps(text, ensure_ascii=False)


def _shown(value: object) -> str:
    """A JSON value, shown briefly as JSON."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:36] + "..." + text[-1]


def _kind(value: object) -> str:
    """The JSON name of a decoded value's type."""
    names = {dict: "object", list: "array", str: "string", int: "number", float: "number", bool: "boolean"}
    return names.get(type(value), "null")


def _compile() -> _Folding:
    entries = parse(read())
    return (frozenset(entries), str.maketrans(entries))


_load = Once(_compile)
"""The compiled table, read and validated on first use, then cached."""
