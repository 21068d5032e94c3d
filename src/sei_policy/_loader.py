"""Loading: reads the shipped data through importlib resources, validates it whole, caches it.

:func:`plan` and :func:`classification` (public as ``sei_policy.plan`` and
``sei_policy.classification``) trigger the one load; :func:`load` is what the
rest of the library calls; it loads exactly once per process, even when
threads race the first use. :func:`parse` does the work on bytes and is what
the tests feed corrupted copies to.

The data folder holds one file per document, listed in :data:`DOCUMENTS`,
and the lineage's file (:data:`LINEAGE_FILE`): the documents before and after
the 2020 plan and their links. :func:`lineage` loads that file on first use
only, so the 2020 plan's cold start does not pay for it; :func:`select` is the
dataset a ``document=`` argument names.

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
from sei_policy.errors import InvalidArgumentTypeError, PlanDataError, UnknownIdentifierError
from sei_policy.models import (
    FLAGSHIP,
    KINDS,
    Agency,
    Classification,
    Correspondence,
    DocumentRelation,
    KindSpec,
    LineageData,
    Observation,
    Plan,
    Source,
)

__all__ = (
    "CLASSIFICATION_FILE",
    "DOCUMENTS",
    "LINEAGE_FILE",
    "PLAN_FILE",
    "SCHEMA_VERSION",
    "Dataset",
    "classification",
    "find_document",
    "lineage",
    "load",
    "parse",
    "parse_lineage",
    "plan",
    "read",
    "select",
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
LINEAGE_FILE = "lineage.json"
"""The lineage's data file, read on first use of a document other than the 2020 plan and NBS 2018."""
CLASSIFICATION_ID = "nbs-2018"

_T = TypeVar("_T")
_D = TypeVar("_D", Plan, Classification)


@attrs.frozen(kw_only=True)
class Dataset:
    """Documents, structured and validated: the shipped 2020 plan and NBS 2018, one document, or the whole lineage.

    ``documents`` are in date order. ``kinds`` is the registry the doors read
    (every table, format and display): by default the kinds whose records the
    documents hold, or more for a dataset a test builds with a kind of its own.
    ``resolver`` is the dataset's one resolver, which :func:`~sei_policy.get`,
    :func:`~sei_policy.lookup`, the per-kind accessors and navigation all use
    (a document that already has one, from the dataset it was loaded in, keeps it).
    ``plan`` and ``classification`` are the 2020 plan and NBS 2018, the library's
    flagships, even where ``documents`` hold other documents only. The lineage's
    dataset also holds the links between documents (``relations``), between their
    concepts (``correspondences``), observed values (``observations``), its source
    register (``sources``) and every agency (``agencies``).
    """

    documents: tuple[Plan | Classification, ...]
    kinds: Mapping[str, KindSpec] = attrs.field()
    plan: Plan = attrs.field()
    """The 2020 plan, the library's flagship."""
    classification: Classification = attrs.field()
    """The NBS 2018 classification."""
    relations: tuple[DocumentRelation, ...] = ()
    correspondences: tuple[Correspondence, ...] = ()
    observations: tuple[Observation, ...] = ()
    sources: tuple[Source, ...] = ()
    agencies: tuple[Agency, ...] = ()
    resolver: Resolver = attrs.field(init=False, eq=False, repr=False)

    @kinds.default
    def _kinds(self) -> Mapping[str, KindSpec]:
        held = {str(r.kind) for d in self.documents for r in d.members()}
        return {kind: spec for kind, spec in KINDS.items() if kind in held}

    @plan.default
    def _plan(self) -> Plan:
        plans = [d for d in self.documents if isinstance(d, Plan)]
        return next((d for d in plans if d.id == FLAGSHIP), plans[0])

    @classification.default
    def _classification(self) -> Classification:
        found = [d for d in self.documents if isinstance(d, Classification)]
        return next((d for d in found if d.id == CLASSIFICATION_ID), found[0])

    @resolver.default
    def _resolver(self) -> Resolver:
        # Built here, its tables on first use; a document without a resolver resolves through it.
        retired = {r.id: r.replacement_id for d in self.documents if isinstance(d, Plan) for r in d.retired}
        labels = {kind: (spec.label, spec.plural) for kind, spec in self.kinds.items()}
        ranked = sorted(self.documents, key=lambda d: (d is not self.plan, d is not self.classification))
        members = [d.members() for d in ranked]
        held = {r.id for m in members for r in m}
        members.append(tuple(a for a in self.agencies if a.id not in held))
        resolver = Resolver(members, retired=retired, labels=labels)
        for document in self.documents:
            if document._index is None:
                document.share(resolver)
        return resolver

    def document(self, identifier: str) -> Plan | Classification:
        """The document with this identifier (``plan:sei-2010``, ``nbs-2018``)."""
        found = next((d for d in self.documents if d.id == identifier), None)
        if found is None:
            raise KeyError(identifier)
        return found


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


def parse_lineage(base: Dataset, data: bytes, *, full: bool = False) -> Dataset:
    """The lineage's dataset: ``base`` (the 2020 plan and NBS 2018) and the documents and links of ``data``.

    Decoded, structured and validated as :func:`parse` does the base files; every
    lineage document gets its issuers' agency records, the whole source register,
    and a resolver of its own, so that an unqualified key resolves within it.
    """
    problems: list[str] = []
    body = _decode(LINEAGE_FILE, data, problems)
    if body is None:
        raise PlanDataError(tuple(problems))
    edition = body.get("edition")
    for name in ("plans", "classifications"):
        documents = body.get(name)
        if isinstance(documents, list):  # each document carries the file's edition, as the base files do
            body[name] = [dict(d, edition=edition) if isinstance(d, dict) else d for d in documents]
    found = _structure(body, LineageData, LINEAGE_FILE, problems)
    if found is None:
        raise PlanDataError(tuple(problems))
    sources = (*base.plan.sources, *found.sources)
    agencies = (*base.plan.agencies, *base.classification.agencies, *found.agencies)
    by_id = {a.id: a for a in agencies}
    added: list[Plan | Classification] = [
        *(attrs.evolve(p, sources=sources).with_agencies(by_id) for p in found.plans),
        *(c.with_agencies(by_id) for c in found.classifications),
    ]
    if full or not _as_validated({LINEAGE_FILE: data}, (LINEAGE_FILE,)):
        problems += _validate.check_lineage(base, found, added, LINEAGE_FILE)
    if problems:
        raise PlanDataError(tuple(problems))
    documents = {d.id: d for d in (*base.documents, *added)}
    for document in added:
        labels = {kind: (spec.label, spec.plural) for kind, spec in KINDS.items()}
        document.share(Resolver([document.members(), document.agencies], labels=labels))
    return Dataset(
        documents=tuple(documents[i] for i in found.chain),
        plan=base.plan,
        classification=base.classification,
        relations=found.relations,
        correspondences=found.correspondences,
        observations=found.observations,
        sources=sources,
        agencies=agencies,
    )


def _as_validated(files: Mapping[str, bytes], names: tuple[str, ...] = FILES) -> bool:
    """Whether every file is byte for byte (by size and CRC-32) one that passed the full validation."""
    from sei_policy._validated import VALIDATED

    return all(VALIDATED.get(name) == (len(files[name]), zlib.crc32(files[name])) for name in names)


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


_LINEAGE = Once(lambda: parse_lineage(load(), _data.read(LINEAGE_FILE)))


def lineage() -> Dataset:
    """Every document of the lineage, 2010 to 2024, and their links: loaded on first use, then cached.

    >>> [d.key for d in lineage().documents][:3]
    ['sei-2010', 'sei-2012', 'nbs-2012']
    """
    return _LINEAGE()


def plan(key: Plan | str | None = None) -> Plan:
    """The 2020 plan, or the plan document ``key`` names (its key, identifier, number or title).

    Loaded and validated on first use, then cached; another document loads the lineage.

    >>> import sei_policy as sp
    >>> sp.plan() is sp.plan()
    True
    >>> sp.plan("国发〔2010〕32号").id, sp.plan("sei-2016").industry("I8").title.zh
    ('plan:sei-2010', '数字创意')
    """
    return load().plan if key is None else _of_type(key, Plan, "plan()", "sp.classification()")


def classification(key: Classification | str | None = None) -> Classification:
    """The NBS Strategic Emerging Industries Classification (2018), or the classification ``key`` names.

    >>> import sei_policy as sp
    >>> [c.notation for c in sp.classification().categories][:3]
    ['NBS-1', 'NBS-2', 'NBS-3']
    >>> sp.classification("nbs-industrial-2023").category(8).title.zh
    '航空航天产业'
    """
    if key is None:
        return load().classification
    return _of_type(key, Classification, "classification()", "sp.plan()")


def _of_type(key: object, cls: type[_D], function: str, instead: str) -> _D:
    """The document ``key`` names, which must be of ``cls``; else an error naming the function to use instead."""
    found = find_document(key, function)
    if not isinstance(found, cls):
        kind = cls.__name__.lower()
        other = "plan" if cls is Classification else "classification"
        raise UnknownIdentifierError(key, kind=kind, hint=f"{found.id} is a {other}: use {instead}")
    return found


# -- the document a ``document=`` argument names --------------------------------

_ALL = "all"
_SELECTED: dict[str, Dataset] = {}
_BASE_KEYS = {FLAGSHIP, "sei-2020", CLASSIFICATION_ID}


def find_document(key: object, function: str = "document") -> Plan | Classification:
    """The document ``key`` names: a document, its identifier or short key, its number, or a title, in any width.

    The 2020 plan and NBS 2018 resolve without loading the lineage.

    >>> find_document("国发〔2010〕32号").id, find_document("sei-2020").id
    ('plan:sei-2010', 'plan:sei-2020')
    """
    from sei_policy._resolver import closest, compact, fold

    if isinstance(key, Plan | Classification):
        return key
    if not isinstance(key, str):
        expected = "a document, its identifier ('plan:sei-2010'), its key ('sei-2010'), its number or title"
        raise InvalidArgumentTypeError(function, "document", expected, key)
    wanted = key.strip()
    if wanted in _BASE_KEYS:
        base = load()
        return base.classification if wanted == CLASSIFICATION_ID else base.plan
    documents = lineage().documents
    names: dict[str, list[str]] = {}
    for document in documents:
        texts = [document.id, document.key, document.prefix, *(t for _, t in document.texts)]
        for text in texts:
            if text:
                names.setdefault(compact(fold(text)), []).append(document.id)
    found = names.get(compact(fold(wanted)), [])
    if len(set(found)) == 1:
        return lineage().document(found[0])
    keys = ", ".join(repr(d.key) for d in documents)
    hint = f"the documents are {keys}, or 'all'"
    folded = {fold(d.key): [d.key] for d in documents}
    raise UnknownIdentifierError(key, kind="document", hint=hint, suggest=lambda: closest(key, folded))


def select(document: object, function: str = "document") -> Dataset:
    """The dataset a ``document=`` argument names: ``None`` the 2020 plan (and NBS 2018), ``"all"`` the lineage,
    or one document.

    >>> [d.key for d in select(None).documents], [d.key for d in select("sei-2016").documents]
    (['sei-2020', 'nbs-2018'], ['sei-2016'])
    """
    if document is None:
        return load()
    if isinstance(document, str) and document.strip().casefold() == _ALL:
        return lineage()
    found = find_document(document, function)
    selected = _SELECTED.get(found.id)
    if selected is None or selected.documents[0] is not found:
        base = load()
        selected = Dataset(
            documents=(found,),
            plan=base.plan,
            classification=base.classification,
            sources=base.plan.sources if found.id in _BASE_KEYS else lineage().sources,
        )
        _SELECTED[found.id] = selected
    return selected
