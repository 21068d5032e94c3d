"""Reads the shipped data through importlib resources, validates it whole, and caches it.

:func:`load` is what the library calls; it loads exactly once per process,
even when threads race the first use. :func:`parse` does the work on bytes
and is what the tests feed corrupted copies to.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from typing import Any, TypeVar

import attrs

from sei_policy import _converter, _validate
from sei_policy.errors import PlanDataError
from sei_policy.models import Classification, Plan

__all__ = ("CLASSIFICATION_FILE", "PLAN_FILE", "SCHEMA_VERSION", "Dataset", "load", "parse", "read")

SCHEMA_VERSION = 1
"""The version of the data layout this code reads (``schema_version`` in each file)."""

PLAN_FILE = "sei-2020.json"
CLASSIFICATION_FILE = "nbs-2018.json"
FILES = (PLAN_FILE, CLASSIFICATION_FILE)

_T = TypeVar("_T")


@attrs.frozen(kw_only=True)
class Dataset:
    """Everything the data folder holds, structured and validated."""

    plan: Plan
    classification: Classification


def read() -> dict[str, bytes]:
    """The raw bytes of every data file, read through importlib resources."""
    import importlib_resources

    folder = importlib_resources.files("sei_policy") / "data"
    return {name: (folder / name).read_bytes() for name in FILES}


def parse(files: Mapping[str, bytes]) -> Dataset:
    """Decode, structure and validate the data files; raise :class:`PlanDataError` on any problem."""
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
    plan = _structure(bodies[PLAN_FILE], Plan, PLAN_FILE, problems)
    classification = _structure(bodies[CLASSIFICATION_FILE], Classification, CLASSIFICATION_FILE, problems)
    if plan is None or classification is None:
        raise PlanDataError(tuple(problems))
    problems += _validate.check(plan, classification, PLAN_FILE, CLASSIFICATION_FILE)
    if problems:
        raise PlanDataError(tuple(problems))
    return Dataset(plan=plan, classification=classification)


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


_lock = threading.Lock()
_dataset: Dataset | None = None
load_count = 0
"""How many times the data has been read and validated in this process (one, once loaded)."""


def load() -> Dataset:
    """The shipped data, loaded and validated on first use, then cached."""
    global _dataset, load_count
    dataset = _dataset
    if dataset is not None:
        return dataset
    with _lock:
        if _dataset is None:
            _dataset = parse(read())
            load_count += 1
        return _dataset
