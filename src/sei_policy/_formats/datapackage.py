"""A Frictionless data package: the CSV tables of ``export("csv")`` and a ``datapackage.json`` that describes them.

The descriptor follows the Frictionless Data Package specification **v1**, as a *tabular data
package* (``"profile": "tabular-data-package"``): the version that frictionless-py, the R
package ``frictionless`` and most other readers take. It holds the package's name, title,
description, version (the data edition), licence and sources (the plan's source register),
and one *tabular data resource* per CSV file, each with its size, its SHA-256 hash and a
table schema. Everything in the schemas comes from the registry of kinds: every column's
name, type, title, description and constraints (a closed set of values is an ``enum``),
the primary key, and a foreign key for every column that holds one identifier, to the
table of the kind it names (its declared target).

The columns that hold several identifiers are strings, the identifiers joined with ``;``:
a v1 foreign key cannot point from a list. ``relations.csv`` holds every link one per row,
ready to join; its ``to`` points into several tables, which a v1 foreign key cannot express
either, so it has a primary key but no foreign keys. So the package adds, beyond the files
of ``export("csv")``, one *link table* per list relation, named ``<kind>-<field>.csv``: the
rows of ``relations.csv`` for that field, as ``from``, ``to`` and ``position``, with the
primary key ``["from", "to"]`` and a foreign key from each end to the ``id`` of its kind's table.

>>> d = descriptor(_loader.load())
>>> d["name"], d["profile"], [r["name"] for r in d["resources"]][:3]
('sei-policy-2020', 'tabular-data-package', ['plan', 'priority', 'guarantee'])
>>> next(r for r in d["resources"] if r["name"] == "action")["schema"]["foreignKeys"][0]["reference"]
{'resource': 'requirement', 'fields': 'id'}
>>> [r["name"] for r in d["resources"]][10], len(d["resources"])
('relations', 17)
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from sei_policy import _loader
from sei_policy._about import AUTHOR, DATA_LICENCE_ID, DATA_LICENCE_TITLE, DATA_LICENCE_URL
from sei_policy._formats.csv_format import csv_tables, write_table
from sei_policy._formats.files import atomic_path, write_marker, write_text
from sei_policy._formats.tables import Link, Table, is_default, links
from sei_policy.models import Column, KindSpec, ValueType

__all__ = ("DESCRIPTOR", "LICENSE", "NAME", "descriptor", "dumps", "write")

NAME = "sei-policy-2020"
"""The package's name in ``datapackage.json``."""

DESCRIPTOR = "datapackage.json"
"""The name of the descriptor file in the package's folder."""

LICENSE: Mapping[str, str] = {"name": DATA_LICENCE_ID, "path": DATA_LICENCE_URL, "title": DATA_LICENCE_TITLE}
"""The licence the package declares for its data."""

_TITLE = "China's 2020 Strategic Emerging Industries plan (发改高技〔2020〕1409号) and the NBS 2018 classification"

_RELATIONS = (
    "One row per link from a record to another: the record (from), the field that holds the link "
    "(relation), the record it points to (to) and the position within a list field (from 1). "
    "It lists the links of every column that ends in _id or _ids, and the plan's issuers, one per row: "
    "the one table of every link, for joining. Its from and to point into several tables (the relation "
    "says which), which a foreign key cannot express, so it has none; the link tables "
    "<kind>-<field>.csv ({example} …) hold the same rows per list relation, with foreign keys."
)

_LINEAGE: Mapping[str, tuple[str, str]] = {
    "documents": (
        "Documents",
        "One row per document of the package: its identifier, short key, kind (plan or classification), type, "
        "titles, document number, issuers and dates. Every other table's document_id points here.",
    ),
    "document-relations": (
        "Links between documents",
        "One row per link between two documents (plan:sei-2012 implements plan:sei-2010), with its status, "
        "the keys of the sources it rests on and a note. Both ends point to documents.csv.",
    ),
    "correspondences": (
        "Crosswalk",
        "One row per correspondence between concepts of two documents, read as SKOS reads its mapping "
        "properties (match says what the object is to the subject: broader means the object is broader), "
        "with its status, sources and note. Its ends point into several tables (industries, NBS fields …), "
        "which a foreign key cannot express, so it has none; each end's table is named by its identifier's prefix.",
    ),
    "observations": (
        "Observations",
        "Values observed or reported for a year (the share of GDP of strategic emerging industries), never "
        "targets, each with its qualifier, status, sources and note.",
    ),
}
"""The title and description of each table a dataset other than the default adds."""

_TYPES: Mapping[ValueType, str] = {ValueType.INTEGER: "integer", ValueType.NUMBER: "number", ValueType.DATE: "date"}
"""The Table Schema type of a column, by its declared type; ``string`` for the others."""


@attrs.frozen
class _Relation:
    """A list relation with a link table: the kind that holds it, its column, and the kind it points to."""

    spec: KindSpec
    column: Column
    target: KindSpec

    @property
    def file(self) -> str:
        return f"{self.spec.kind}-{self.column.name}.csv"


def _link_relations(dataset: _loader.Dataset) -> dict[str, _Relation]:
    """Each link table's file and its list relation, in the order of the kinds and of each class's fields."""
    found = {}
    for spec in dataset.kinds.values():
        for column in spec.relations:
            if column.type is ValueType.IDS and column.target is not None:
                relation = _Relation(spec, column, dataset.kinds[column.target])
                found[relation.file] = relation
    return found


_LINK_COLUMNS = (
    Column(name="from", title="", label="", description=""),
    Column(name="to", title="", label="", description=""),
    Column(name="position", title="", label="", description="", type=ValueType.INTEGER),
)


def _link_tables(dataset: _loader.Dataset) -> dict[str, Table]:
    """Each link table's file and rows: the links of one list relation, as ``from``, ``to`` and ``position``."""
    relations = _link_relations(dataset)
    rows: dict[str, list[dict[str, Any]]] = {file: [] for file in relations}
    every: list[Link] = list(links(dataset))
    for link in every:
        file = f"{link.spec.kind}-{link.column.name}.csv"
        if file in rows:
            rows[file].append({"from": link.source, "to": link.target, "position": link.position})
    return {file: Table(file.removesuffix(".csv"), _LINK_COLUMNS, tuple(rows[file])) for file in relations}


def _tables(dataset: _loader.Dataset) -> dict[str, Table]:
    """Each file of the package and its table: those of ``export("csv")``, then the link tables."""
    return csv_tables(dataset) | _link_tables(dataset)


def _field(column: Column, found: Table) -> dict[str, Any]:
    """A column's Table Schema field: its name, type, title, description and constraints, all as declared."""
    field: dict[str, Any] = {
        "name": column.name,
        "type": _TYPES.get(column.type, "string"),
        "title": column.title,
        "description": column.description,
    }
    constraints: dict[str, Any] = {}
    if column.name in found.required:
        constraints["required"] = True
    if column.name == "id":
        constraints["unique"] = True
    if column.type is ValueType.CHOICE:
        values = column.choices or tuple(dict.fromkeys(str(row[column.name]) for row in found.rows))
        constraints["enum"] = list(values)
    if constraints:
        field["constraints"] = constraints
    return field


def _link(dataset: _loader.Dataset, relation: _Relation) -> tuple[str, str, dict[str, Any]]:
    """A link table's title, description and schema."""
    kind, field, target = str(relation.spec.kind), relation.column.name, str(relation.target.kind)
    one, many = relation.column.noun or (target, relation.target.plural)
    title = f"{kind[:1].upper()}{kind[1:]} {many}"
    what = one if one == target else f"{one} (an {target})"
    description = (
        f"Each {kind}'s {field}, one link per row, with foreign keys: the {kind} (from, {kind}.csv's id), "
        f"the {one} it names (to, {target}.csv's id) and the {one}'s position in the {kind}'s list (from 1). "
        f"The rows of relations.csv whose relation is {field}.{relation.column.note}"
    )
    fields = [
        ("from", "string", kind[:1].upper() + kind[1:], f"The identifier of the {kind} that holds the link."),
        ("to", "string", one[:1].upper() + one[1:], f"The identifier of the {what} the link points to."),
        ("position", "integer", "Position", f"The position of the {one} within the {kind}'s {field}, from 1."),
    ]
    schema: dict[str, Any] = {
        "fields": [
            {"name": n, "type": t, "title": ft, "description": d, "constraints": {"required": True}}
            for n, t, ft, d in fields
        ],
        "missingValues": [""],
        "primaryKey": ["from", "to"],
        "foreignKeys": [
            {"fields": "from", "reference": {"resource": kind, "fields": "id"}},
            {"fields": "to", "reference": {"resource": target, "fields": "id"}},
        ],
    }
    return title, description, schema


def _document_keys(dataset: _loader.Dataset, found: Table) -> list[dict[str, Any]]:
    """Foreign keys to ``documents.csv``: from ``document_id`` where a row has one, from a link's two ends.

    Only a dataset other than the default has ``documents.csv``; a column whose every cell is
    empty (the agencies' ``document_id``) gets none, as there is nothing to check.
    """
    if is_default(dataset) or found.name == "documents":
        return []
    names = ("subject_id", "object_id") if found.name == "document-relations" else ("document_id",)
    return [
        {"fields": name, "reference": {"resource": "documents", "fields": "id"}}
        for name in names
        if any(c.name == name for c in found.columns) and any(row.get(name) for row in found.rows)
    ]


def _resource(dataset: _loader.Dataset, file: str, found: Table, stats: Mapping[str, Any] | None) -> dict[str, Any]:
    name = file.removesuffix(".csv")
    spec = found.spec
    relations = _link_relations(dataset)
    if file in relations:
        title, description, schema = _link(dataset, relations[file])
    else:
        names = [c.name for c in found.columns]
        schema = {
            "fields": [_field(c, found) for c in found.columns],
            "missingValues": [""],
            "primaryKey": list(found.key) if found.key else "id" if "id" in names else names,
        }
        keys = [
            {"fields": c.name, "reference": {"resource": c.target, "fields": "id"}}
            for c in found.columns
            if c.type is ValueType.ID and c.target in dataset.kinds
        ]
        keys += _document_keys(dataset, found)
        if keys:
            schema["foreignKeys"] = keys
        title = "Relations" if spec is None else spec.plural[:1].upper() + spec.plural[1:]
        if name in _LINEAGE and spec is None:
            title, description = _LINEAGE[name]
        elif spec is None:
            description = _RELATIONS.format(example=next(iter(relations), ""))
        else:
            description = spec.description or f"The {title.lower()}."
    resource: dict[str, Any] = {
        "profile": "tabular-data-resource",
        "name": name,
        "path": file,
        "title": title,
        "description": description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
    }
    if stats is not None:
        resource |= stats
    resource["dialect"] = {"delimiter": ",", "lineTerminator": "\n", "quoteChar": '"', "doubleQuote": True}
    resource["schema"] = schema
    return resource


def descriptor(
    dataset: _loader.Dataset,
    tables: Mapping[str, Table] | None = None,
    stats: Mapping[str, Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """The content of ``datapackage.json``, as plain data.

    Args:
        dataset: the data to describe.
        tables: each CSV file's name and table (by default those of ``export("csv")``, then the
            link tables).
        stats: each file's ``bytes`` and ``hash``, added to its resource where given.
    """
    plan = dataset.plan
    tables = _tables(dataset) if tables is None else tables
    name, title = NAME, _TITLE
    if is_default(dataset):
        description = _description(dataset)
    else:
        name, title, description = _about(dataset)
    return {
        "profile": "tabular-data-package",
        "name": name,
        "title": title,
        "description": description,
        "version": plan.edition,
        "licenses": [dict(LICENSE)],
        "contributors": [{"title": AUTHOR, "role": "author"}],
        "sources": [
            {"title": s.description} if s.address is None else {"title": s.description, "path": s.address}
            for s in (dataset.sources or plan.sources)
        ],
        "resources": [
            _resource(dataset, file, found, None if stats is None else stats.get(file))
            for file, found in tables.items()
        ],
    }


def _about(dataset: _loader.Dataset) -> tuple[str, str, str]:
    """The name, title and description of a package of a dataset other than the default: its documents.

    >>> _about(_loader.select("sei-2016"))[0], _about(_loader.lineage())[1]
    ('sei-policy-sei-2016', "China's Strategic Emerging Industries policy documents, 2010 to 2024")
    """
    documents = dataset.documents
    if len(documents) == 1:
        only = documents[0]
        name = f"sei-policy-{only.key}"
        title = f"{only.title.en} ({only.title.zh})" if only.title.en else str(only.title.zh)
    else:
        first, last = documents[0].dated_year, documents[-1].dated_year
        name = "sei-policy-lineage"
        title = f"China's Strategic Emerging Industries policy documents, {first} to {last}"
    listed = "; ".join(f"{d.key} ({d.document_number or d.title.zh})" for d in documents)
    description = (
        f"{len(documents)} document{'s' if len(documents) > 1 else ''} as tables: {listed}. "
        "One row per record of each document, with stable identifiers, English and Chinese titles and the "
        "provenance status of each record and field; documents.csv lists the documents, and every table's "
        "document_id points to it; document-relations.csv holds the links between documents, "
        "correspondences.csv the crosswalk between their concepts and observations.csv the observed values. "
        "An empty cell is a value that no registered source supports, or that the record does not have. "
        f'Cite as "{AUTHOR}, sei_policy, data edition {dataset.plan.edition}", and credit the sources each '
        "record rests on."
    )
    return name, title, description


def _description(dataset: _loader.Dataset) -> str:
    """The description of the default package: the 2020 plan and NBS 2018."""
    plan = dataset.plan
    return (
        f"The Guiding Opinions on Expanding Investment in Strategic Emerging Industries (发改高技〔2020〕1409号, "
        f"issued {plan.issued}) as tables: one row per record of the plan (priorities, guarantees, "
        "objectives, requirements, actions, key industries, targets, agencies) and per top-level field of the "
        "NBS 2018 Strategic Emerging Industries Classification, with stable identifiers, English and Chinese "
        "titles and the provenance status of each record and field, one row per link between records, "
        "and a link table with foreign keys for each field that holds a list of identifiers. "
        "An empty cell is a value that no registered source supports, or that the record does not have. "
        f'Cite as "{AUTHOR}, sei_policy, data edition {plan.edition}", and credit the sources each record rests on.'
    )


def dumps(body: Mapping[str, Any]) -> str:
    """The descriptor's JSON text: UTF-8 characters as they are, keys in a fixed order, a final newline."""
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def write(dataset: _loader.Dataset, path: Path, *, overwrite: bool = False, **_: object) -> list[Path]:
    """Create the folder ``path`` with the CSV tables and ``datapackage.json``, atomically.

    The CSV files are those of ``export("csv")``, byte for byte, then one link table per
    list relation: UTF-8 without a byte-order mark, ``\\n`` line ends, an empty cell for a
    missing value.

    Returns:
        ``datapackage.json``'s path, then each CSV file's, in the order of the resources.

    Raises:
        ExportError: ``path`` exists and ``overwrite`` is false, or its folder does not exist.
    """
    tables = _tables(dataset)
    with atomic_path(path, overwrite=overwrite) as target:
        target.mkdir()
        stats: dict[str, dict[str, Any]] = {}
        for name, found in tables.items():
            write_table(target / name, found)
            data = (target / name).read_bytes()
            stats[name] = {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}
        write_text(target / DESCRIPTOR, dumps(descriptor(dataset, tables, stats)))
        write_marker(target, "datapackage")
    return [Path(path) / DESCRIPTOR, *(Path(path) / name for name in tables)]
