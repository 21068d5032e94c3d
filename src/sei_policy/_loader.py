"""Loading: reads the shipped data through importlib resources, validates it whole, caches it.

:func:`plan` and :func:`classification` (public as ``sei_policy.plan`` and
``sei_policy.classification``) trigger the one load; :func:`load` is what the
rest of the library calls; it loads exactly once per process, even when
threads race the first use. :func:`parse` does the work on bytes and is what
the tests feed corrupted copies to.

The data folder holds one file per document, listed in :data:`DOCUMENTS`;
nothing here assumes there is one plan and one classification only.

>>> import sei_policy as sp
>>> p = sp.plan()
>>> p.document_number, len(p.actions)
('发改高技〔2020〕1409号', 20)
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Mapping
from typing import Any, TypeVar

import attrs

from sei_policy import _converter, _data, _validate
from sei_policy._once import Once
from sei_policy._resolver import Resolver
from sei_policy.errors import PlanDataError
from sei_policy.models import KINDS, Classification, KindSpec, Plan

__all__ = (
    "CLASSIFICATION_FILE",
    "DOCUMENTS",
    "PLAN_FILE",
    "SCHEMA_VERSION",
    "Dataset",
    "classification",
    "load",
    "parse",
    "plan",
    "read",
)

SCHEMA_VERSION = 2
"""The version of the data layout this code reads (``schema_version`` in each file)."""

PLAN_FILE = "sei-2020.json"
CLASSIFICATION_FILE = "nbs-2018.json"
DOCUMENTS: tuple[tuple[str, type[Plan] | type[Classification]], ...] = (
    (PLAN_FILE, Plan),
    (CLASSIFICATION_FILE, Classification),
)
"""Each data file and the document class it holds, the flagship plan first."""
FILES = tuple(name for name, _ in DOCUMENTS)

_T = TypeVar("_T")


@attrs.frozen(kw_only=True)
class Dataset:
    """Everything the data folder holds, structured and validated, in the order of :data:`DOCUMENTS`.

    ``kinds`` is the registry the doors read (every table, format and display): the
    shipped kinds, or more for a dataset a test builds with a kind of its own.
    ``resolver`` is the dataset's one resolver, which :func:`~sei_policy.get`,
    :func:`~sei_policy.lookup`, the per-kind accessors and navigation all use.
    """

    documents: tuple[Plan | Classification, ...]
    kinds: Mapping[str, KindSpec] = KINDS
    plan: Plan = attrs.field(init=False)
    """The 2020 plan, the library's flagship."""
    classification: Classification = attrs.field(init=False)
    """The NBS 2018 classification."""
    resolver: Resolver = attrs.field(init=False, eq=False, repr=False)

    @plan.default
    def _plan(self) -> Plan:
        return next(d for d in self.documents if isinstance(d, Plan))

    @classification.default
    def _classification(self) -> Classification:
        return next(d for d in self.documents if isinstance(d, Classification))

    @resolver.default
    def _resolver(self) -> Resolver:
        # Built here, its tables on first use; every document resolves through it.
        retired = {r.id: r.replacement_id for d in self.documents if isinstance(d, Plan) for r in d.retired}
        labels = {kind: (spec.label, spec.plural) for kind, spec in self.kinds.items()}
        resolver = Resolver([d.members() for d in self.documents], retired=retired, labels=labels)
        for document in self.documents:
            document.share(resolver)
        return resolver


def read() -> dict[str, bytes]:
    """The raw bytes of every data file, read through importlib resources."""
    return {name: _data.read(name) for name in FILES}


def parse(files: Mapping[str, bytes], *, full: bool = False) -> Dataset:
    """Decode, structure and validate the data files; raise :class:`PlanDataError` on any problem.

    Every file is decoded and structured through the strict converter. The
    cross-record checks (:mod:`sei_policy._validate`) run unless every file's size
    and CRC-32 equal those recorded when the shipped files passed them
    (``_validated.py``, made by ``tools/make_checksums.py``); ``full=True`` runs them always.
    """
    problems: list[str] = []
    bodies: dict[str, dict[str, Any]] = {}
    for name in FILES:
        if name not in files:
            problems.append(f"the data file is missing @ {name}")
            continue
        body = _decode(name, files[name], problems)
        if body is not None:
            bodies[name] = body
    if problems:
        raise PlanDataError(tuple(problems))
    documents: list[tuple[str, Plan | Classification]] = []
    for name, cls in DOCUMENTS:
        document = _structure(bodies[name], cls, name, problems)
        if document is not None:
            documents.append((name, document))
    if problems:
        raise PlanDataError(tuple(problems))
    if full or not _as_validated(files):
        problems += _validate.check(documents)
    if problems:
        raise PlanDataError(tuple(problems))
    return Dataset(documents=tuple(document for _, document in documents))


def _as_validated(files: Mapping[str, bytes]) -> bool:
    """Whether every file is byte for byte (by size and CRC-32) one that passed the full validation."""
    from sei_policy._validated import VALIDATED

    return all(VALIDATED.get(name) == (len(files[name]), zlib.crc32(files[name])) for name in FILES)


def _decode(name: str, data: bytes, problems: list[str]) -> dict[str, Any] | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(f"not valid UTF-8 ({error.reason} at byte {error.start}) @ {name}")
        return None
    try:
        body = json.loads(text)
    except json.JSONDecodeError as error:
        problems.append(f"not valid JSON ({error.msg} at line {error.lineno}, column {error.colno}) @ {name}")
        return None
    except RecursionError:
        problems.append(f"not valid JSON (nested too deeply) @ {name}")
        return None
    if type(body) is not dict:
        problems.append(f"expected a JSON object, found {type(body).__name__} @ {name}")
        return None
    version = body.pop("schema_version", None)
    if type(version) is not int or version != SCHEMA_VERSION:
        problems.append(
            f"unsupported schema_version {version!r}; this sei_policy reads {SCHEMA_VERSION} @ {name}.schema_version"
        )
        return None
    return body


def _structure(body: dict[str, Any], cls: type[_T], name: str, problems: list[str]) -> _T | None:
    try:
        return _converter.fast().structure(body, cls)
    except Exception as fast_error:  # noqa: BLE001 - any failure is explained below
        try:
            _converter.detailed().structure(body, cls)
        except Exception as error:  # noqa: BLE001 - cattrs raises several kinds
            problems.extend(_converter.explain(error, name))
        else:  # pragma: no cover - the two converters agree on the shipped models
            problems.extend(_converter.explain(fast_error, name))
        return None


_LOAD = Once(lambda: parse(read()))


def load() -> Dataset:
    """The shipped data, loaded and validated on first use, then cached."""
    return _LOAD()


def plan() -> Plan:
    """The plan, loaded and validated on first use, then cached.

    >>> import sei_policy as sp
    >>> sp.plan() is sp.plan()
    True
    """
    return load().plan


def classification() -> Classification:
    """The NBS Strategic Emerging Industries Classification (2018), as the plan's industries cite it.

    >>> import sei_policy as sp
    >>> [c.notation for c in sp.classification().categories][:3]
    ['NBS-1', 'NBS-2', 'NBS-3']
    """
    return load().classification
