"""JSON: the plan as one file, in the layout of the shipped data file.

``json.load`` it and structure it back with the library's loader to an equal plan. The
file is recognisable as the library's own by its layout: a JSON object whose
``schema_version`` is a number and whose ``id`` is the plan's.
"""

from __future__ import annotations

import json
from pathlib import Path

from sei_policy import _loader
from sei_policy._formats.files import atomic_path, read_json, write_text
from sei_policy._formats.tables import asdict

__all__ = ("recognise", "write")


def write(dataset: _loader.Dataset, path: Path, *, overwrite: bool = False, **_: object) -> list[Path]:
    """Write the dataset's plan as one JSON file, atomically, in the layout of the shipped data."""
    plan = dataset.plan
    body = {"schema_version": _loader.SCHEMA_VERSION, **asdict(plan)}
    with atomic_path(path, overwrite=overwrite) as target:
        write_text(target, json.dumps(body, ensure_ascii=False, indent=1) + "\n")
    return [Path(path)]


def recognise(dataset: _loader.Dataset, path: Path) -> bool:
    """Whether ``path`` is a JSON export of the library: an object with a ``schema_version`` and the plan's ``id``."""
    body = read_json(path)
    return isinstance(body, dict) and type(body.get("schema_version")) is int and body.get("id") == dataset.plan.id
