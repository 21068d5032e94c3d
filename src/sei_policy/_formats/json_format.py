"""JSON: the plan as one file, in the layout of the shipped data file; the lineage as a folder of such files.

``json.load`` it and structure it back with the library's loader to an equal plan. The
file is recognisable as the library's own by its layout: a JSON object whose
``schema_version`` is a number and whose ``id`` is the plan's.

A dataset of one document other than the default (``document="sei-2016"``) is written the
same way, as that document. A dataset of several documents (``document="all"``) is a folder:
one file per document, named for its key (``sei-2010.json``), each the document as the
converter unstructures it, and ``lineage.json``, which holds the links between documents,
the crosswalk between their concepts, the observations and the source register.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sei_policy import _converter, _loader
from sei_policy._formats.files import atomic_path, marked, read_json, write_marker, write_text
from sei_policy._formats.tables import asdict, is_default
from sei_policy.models import Classification, Plan

__all__ = ("LINEAGE", "recognise", "write")

LINEAGE = "lineage.json"
"""The file of a folder export that holds the links, the observations and the register."""


def _body(document: Plan | Classification) -> dict[str, Any]:
    """A document as the converter unstructures it, after the ``schema_version`` of the data layout."""
    found = asdict(document) if isinstance(document, Plan) else dict(_converter.unstructure(document))
    return {"schema_version": _loader.SCHEMA_VERSION, **found}


def _dumps(body: object) -> str:
    return json.dumps(body, ensure_ascii=False, indent=1) + "\n"


def _lineage(dataset: _loader.Dataset) -> dict[str, Any]:
    """The body of ``lineage.json``: the documents in date order, their links, the observations, the register."""
    unstructure = _converter.unstructure
    return {
        "schema_version": _loader.SCHEMA_VERSION,
        "edition": dataset.plan.edition,
        "documents": [d.id for d in dataset.documents],
        "relations": [unstructure(r) for r in dataset.relations],
        "correspondences": [unstructure(c) for c in dataset.correspondences],
        "observations": [unstructure(o) for o in dataset.observations],
        "sources": [unstructure(s) for s in dataset.sources],
    }


def write(dataset: _loader.Dataset, path: Path, *, overwrite: bool = False, **_: object) -> list[Path]:
    """Write the dataset's plan as one JSON file, atomically, in the layout of the shipped data.

    A dataset of one document other than the default is that document's file; one of several
    documents is a folder of files, one per document, and ``lineage.json``.
    """
    if is_default(dataset) or len(dataset.documents) == 1:
        document = dataset.plan if is_default(dataset) else dataset.documents[0]
        with atomic_path(path, overwrite=overwrite) as target:
            write_text(target, _dumps(_body(document)))
        return [Path(path)]
    names = [f"{d.key}.json" for d in dataset.documents]
    with atomic_path(path, overwrite=overwrite) as target:
        target.mkdir()
        for name, document in zip(names, dataset.documents, strict=True):
            write_text(target / name, _dumps(_body(document)))
        write_text(target / LINEAGE, _dumps(_lineage(dataset)))
        write_marker(target, "json")
    return [Path(path) / name for name in (*names, LINEAGE)]


def recognise(dataset: _loader.Dataset, path: Path) -> bool:
    """Whether ``path`` is a JSON export of the library: an object with a ``schema_version`` and a document's ``id``,
    or a folder the library wrote its JSON files to."""
    if path.is_dir():
        return marked(path, "json")
    body = read_json(path)
    ids = {dataset.plan.id, *(d.id for d in dataset.documents)}
    return isinstance(body, dict) and type(body.get("schema_version")) is int and body.get("id") in ids
