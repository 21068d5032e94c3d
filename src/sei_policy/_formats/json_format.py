"""JSON: the plan as one file, in the layout of the shipped data file.

``json.load`` it and structure it back with the library's loader to an equal plan. The
file is recognisable as the library's own by its layout: a JSON object whose
``schema_version`` is a number and whose ``id`` is the plan's.
"""

from __future__ import annotations

import json
from pathlib import Path

from sei_policy import _loader
from sei_policy._formats.files import atomic_path, write_text
from sei_policy._formats.tables import asdict

__all__ = ("recognise", "write")

_LIMIT = 64 * 2**20
"""The largest file :func:`recognise` reads, in bytes: an export is far smaller."""


def write(dataset: _loader.Dataset, path: Path, *, overwrite: bool = False, **_: object) -> list[Path]:
    """Write the dataset's plan as one JSON file, atomically, in the layout of the shipped data."""
    plan = dataset.plan
    body = {"schema_version": _loader.SCHEMA_VERSION, **asdict(plan)}
    with atomic_path(path, overwrite=overwrite) as target:
        write_text(target, json.dumps(body, ensure_ascii=False, indent=1) + "\n")
    return [Path(path)]


def recognise(dataset: _loader.Dataset, path: Path) -> bool:
    """Whether ``path`` is a JSON export of the library: an object with a ``schema_version`` and the plan's ``id``."""
    try:
        if not path.is_file() or path.stat().st_size > _LIMIT:
            return False
        body = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return False
    return isinstance(body, dict) and type(body.get("schema_version")) is int and body.get("id") == dataset.plan.id
