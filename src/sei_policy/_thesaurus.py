"""The search thesaurus: the project's editorial aid, kept apart from the plan's data.

``data/thesaurus.json`` maps terms analysts type that the plan's own words do
not contain (``semiconductor``, ``EV``, ``充电桩``, ``red tape``) to the records
they should find, each entry with a one-line reason. It is not part of the
plan and adds no fact to it (where a reason recalls what a record says, the
record is the authority): search uses it to find records, matches its terms
only as whole words or phrases, marks a hit found only through it
(``"thesaurus"`` in :attr:`~sei_policy.Hit.matched`) and counts a word found
through it for less than the plan's own words; no record shows its terms.

It is read on the first search, and validated whole against the loaded
records: a broken file raises :class:`~sei_policy.PlanDataError` naming
``thesaurus.json`` and the JSON path.

>>> import sei_policy as sp
>>> known = {sp.plan().id, *(r.id for r in sp.records()), *(c.id for c in sp.records(kind=sp.NbsCategory))}
>>> entry = load(known).entry_of("semiconductor")
>>> entry.record_ids[:2], "semiconductor" in entry.terms
(('action:new-generation-it', 'action:new-materials'), True)
"""

# No `from __future__ import annotations`: the lean converter reads the classes' real annotations.

import json
from collections.abc import Collection, Iterator
from typing import Any

import attrs

from sei_policy import _converter, _data, ids
from sei_policy._resolver import fold
from sei_policy.errors import PlanDataError

__all__ = ("FILE", "SCHEMA_VERSION", "Entry", "Thesaurus", "load", "parse")

FILE = "thesaurus.json"
SCHEMA_VERSION = 1


@attrs.frozen(kw_only=True)
class Entry:
    """Terms that point to records, and why: one entry of the thesaurus."""

    terms: tuple[str, ...]
    record_ids: tuple[str, ...]
    reason: str


@attrs.frozen(kw_only=True)
class Thesaurus:
    """The whole thesaurus: what it is (``about``) and its entries."""

    about: str
    entries: tuple[Entry, ...]

    def entry_of(self, term: str) -> Entry | None:
        """The entry that lists ``term`` (compared folded), if any."""
        wanted = fold(term)
        return next((e for e in self.entries if any(fold(t) == wanted for t in e.terms)), None)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)


def read() -> bytes:
    """The raw bytes of ``data/thesaurus.json``, read through importlib resources."""
    return _data.read(FILE)


def parse(data: bytes, known_ids: Collection[str]) -> Thesaurus:
    """Decode, structure and validate the thesaurus; every record it names must be in ``known_ids``."""
    try:
        body = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise PlanDataError((f"not valid JSON in UTF-8 ({str(error)[:120]}) @ {FILE}",)) from None
    if type(body) is not dict:
        raise PlanDataError((f"expected a JSON object, found {type(body).__name__} @ {FILE}",))
    version = body.pop("schema_version", None)
    if type(version) is not int or version != SCHEMA_VERSION:
        problem = f"unsupported schema_version {version!r}; this sei_policy reads {SCHEMA_VERSION}"
        raise PlanDataError((f"{problem} @ {FILE}.schema_version",))
    try:
        thesaurus = _converter.fast().structure(body, Thesaurus)
    except Exception:  # noqa: BLE001 - the detailed converter explains what failed, with paths
        raise PlanDataError(_explain(body)) from None
    problems = list(_check(thesaurus, known_ids))
    if problems:
        raise PlanDataError(tuple(problems))
    return thesaurus


def _explain(body: dict[str, Any]) -> tuple[str, ...]:
    try:
        _converter.detailed().structure(body, Thesaurus)
    except Exception as error:  # noqa: BLE001 - cattrs raises several kinds
        return _converter.explain(error, FILE)
    return (f"not a thesaurus @ {FILE}",)  # pragma: no cover - the two converters agree


def _check(thesaurus: Thesaurus, known_ids: Collection[str]) -> Iterator[str]:
    """What no type can say: terms unique and non-blank, records known, reasons given."""
    if not thesaurus.about.strip():
        yield f"the thesaurus must say what it is @ {FILE}.about"
    seen: dict[str, str] = {}
    for i, entry in enumerate(thesaurus.entries):
        path = f"{FILE}.entries[{i}]"
        if not entry.terms:
            yield f"an entry needs at least one term @ {path}.terms"
        if not entry.record_ids:
            yield f"an entry needs at least one record @ {path}.record_ids"
        if not entry.reason.strip():
            yield f"an entry needs a reason @ {path}.reason"
        for j, term in enumerate(entry.terms):
            folded = fold(term)
            if not folded or term != term.strip():
                yield f"a term must be text without surrounding white space: {term!r} @ {path}.terms[{j}]"
            elif folded in seen:
                yield f"the term {term!r} is listed twice (first at {seen[folded]}) @ {path}.terms[{j}]"
            else:
                seen[folded] = f"{path}.terms[{j}]"
        for j, record_id in enumerate(entry.record_ids):
            if not ids.is_identifier(record_id) or record_id not in known_ids:
                yield f"not a record of the data: {record_id!r} @ {path}.record_ids[{j}]"
            elif record_id in entry.record_ids[:j]:
                yield f"the record {record_id!r} is listed twice @ {path}.record_ids[{j}]"


def load(known_ids: Collection[str]) -> Thesaurus:
    """The shipped thesaurus, read and validated against the identifiers of the loaded records.

    Search calls it once, when it builds its index.
    """
    return parse(read(), known_ids)
