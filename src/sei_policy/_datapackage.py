"""A Frictionless data package: the CSV tables of ``export("csv")`` and a ``datapackage.json`` that describes them.

The descriptor follows the Frictionless Data Package specification **v1**, as a *tabular data
package* (``"profile": "tabular-data-package"``): the version that frictionless-py, the R
package ``frictionless`` and most other readers take. It holds the package's name, title,
description, version (the data edition), licence and sources (the plan's source register),
and one *tabular data resource* per CSV file, each with its size, its SHA-256 hash and a
table schema: every column's name, type, title and description, the primary key, and a
foreign key for every column that holds one identifier (``requirement_id`` →
``requirement.csv``'s ``id``).

The columns that hold several identifiers (``agency_ids`` and the like) are strings, the
identifiers joined with ``;``: a v1 foreign key cannot point from a list. ``relations.csv``
holds every link one per row, ready to join; its ``to`` points into several tables, which
a v1 foreign key cannot express either, so it has a primary key but no foreign keys. So
the package adds, beyond the files of ``export("csv")``, one *link table* per list
relation, named ``<kind>-<field>.csv`` (``action-agency_ids.csv``): the rows of
``relations.csv`` for that field, as ``from``, ``to`` and ``position``, with the primary
key ``["from", "to"]`` and a foreign key from each end to the ``id`` of its kind's table.

>>> d = descriptor()
>>> d["name"], d["profile"], [r["name"] for r in d["resources"]][:3]
('sei-policy-2020', 'tabular-data-package', ['plan', 'priority', 'guarantee'])
>>> next(r for r in d["resources"] if r["name"] == "action")["schema"]["foreignKeys"][0]
{'fields': 'requirement_id', 'reference': {'resource': 'requirement', 'fields': 'id'}}
>>> [r["name"] for r in d["resources"]][10:13]
['relations', 'plan-issuer_ids', 'objective-priority_ids']
>>> [k["reference"]["resource"] for k in d["resources"][15]["schema"]["foreignKeys"]]
['action', 'agency']
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sei_policy import _loader
from sei_policy._about import AUTHOR, DATA_LICENCE_ID, DATA_LICENCE_TITLE, DATA_LICENCE_URL
from sei_policy._export import SEPARATOR, Row, atomic_path, csv_tables, relation_fields, write_csv, write_text
from sei_policy.models import KINDS, Status

__all__ = ("DESCRIPTOR", "LICENSE", "NAME", "descriptor", "write")

NAME = "sei-policy-2020"
"""The package's name in ``datapackage.json``."""

DESCRIPTOR = "datapackage.json"
"""The name of the descriptor file in the package's folder."""

LICENSE: Mapping[str, str] = {"name": DATA_LICENCE_ID, "path": DATA_LICENCE_URL, "title": DATA_LICENCE_TITLE}
"""The licence the package declares for its data."""

_TITLE = "China's 2020 Strategic Emerging Industries plan (发改高技〔2020〕1409号) and the NBS 2018 classification"

_PLAN_FIELDS = "its other metadata (document number, issuers, dates, figures) are in the JSON export"
_TABLES: Mapping[str, str] = {
    "plan": f"The plan itself: one row with its titles, aliases, summary and provenance status; {_PLAN_FIELDS}.",
    "priority": "The six stabilities (六稳) that the plan serves.",
    "guarantee": "The six guarantees (六保) that the plan serves.",
    "objective": "The reasons the preamble gives for the plan; some implement priorities or guarantees.",
    "requirement": "The four requirement areas, parts 二 to 五 of the original, each with its actions in order.",
    "action": "The twenty numbered items (一) to (二十) of the original.",
    "industry": "The eight key industries of requirement 1, each the subject of one action, with its NBS 2018 field.",
    "target": "The numeric targets of action 9; the plan states no target year.",
    "agency": "The issuing and responsible bodies; the notation is the abbreviation.",
    "nbs-2018": "The nine top-level fields of the NBS Strategic Emerging Industries Classification (2018).",
    "relations": (
        "One row per link from a record to another: the record (from), the field that holds the link "
        "(relation), the record it points to (to) and the position within a list field (from 1). "
        "It lists the links of every column that ends in _id or _ids, and the plan's issuers, one per row: "
        "the one table of every link, for joining. Its from and to point into several tables (the relation "
        "says which), which a foreign key cannot express, so it has none; the link tables "
        "<kind>-<field>.csv (action-agency_ids.csv …) hold the same rows per list relation, with foreign keys."
    ),
}

_JOINED = (
    f"joined with '{SEPARATOR}' (the link table <kind>-<field>.csv lists them one per row, with foreign keys, "
    "as relations.csv does)"
)
_COLUMNS: Mapping[str, tuple[str, str]] = {
    "id": (
        "Identifier",
        "The record's stable identifier, <kind>:<slug>: it never changes meaning and is never reused.",
    ),
    "kind": ("Kind", "The kind of record: the prefix of its identifier."),
    "notation": (
        "Notation",
        "The short code: the kind's letter and the number (A4), an agency's abbreviation, or NBS- and the "
        "NBS code; empty for the plan.",
    ),
    "number": ("Number", "The position within its kind, from 1 (for an NBS field, its code); empty for the plan."),
    "title_en": ("English title", "The title in English; empty where no registered source gives it."),
    "title_zh": ("Chinese title", "The title in Chinese; empty where no registered source gives it."),
    "summary": ("Summary", "A short description in the project's own words; empty where it is not known."),
    "aliases_en": ("English aliases", f"Other names in English, {SEPARATOR!r}-separated."),
    "aliases_zh": ("Chinese aliases", f"Other names in Chinese, {SEPARATOR!r}-separated."),
    "keywords_en": ("English keywords", f"Concrete things the sources name for the record, {SEPARATOR!r}-separated."),
    "keywords_zh": ("Chinese keywords", f"Concrete things the sources name for the record, {SEPARATOR!r}-separated."),
    "priority_ids": ("Priorities", f"The identifiers of the priorities the objective implements, {_JOINED}."),
    "guarantee_ids": ("Guarantees", f"The identifiers of the guarantees the objective implements, {_JOINED}."),
    "part": ("Part", "The part of the original the requirement is (二 to 五)."),
    "action_ids": ("Actions", f"The identifiers of the requirement's actions, in order, {_JOINED}."),
    "requirement_id": ("Requirement", "The identifier of the requirement the action belongs to."),
    "industry_id": ("Key industry", "The identifier of the action's key industry; empty for actions 9 to 20."),
    "agency_ids": (
        "Agencies",
        f"The identifiers of the agencies responsible for the action, {_JOINED}; empty where the item's "
        "responsibility clause is not known (every action but A9).",
    ),
    "target_ids": ("Targets", f"The identifiers of the action's numeric targets, {_JOINED}."),
    "action_id": ("Action", "The identifier of the action the record belongs to."),
    "nbs_2018_id": (
        "NBS 2018 field",
        "The identifier of the NBS 2018 field that corresponds to the industry by name (inferred by the project).",
    ),
    "nbs_2018_match": ("NBS 2018 match", "exact (the names coincide) or partial (the NBS field covers part)."),
    "value": ("Value", "The number the target names."),
    "year": ("Year", "The target year; empty, since the plan states none."),
    "status": ("Status", "The record's provenance status: verified, seed, reported or inferred."),
    "from": ("From", "The identifier of the record that holds the link."),
    "relation": ("Relation", "The field that holds the link, named as in the record tables (requirement_id …)."),
    "to": (
        "To",
        "The identifier of the record the link points to, in the table of its kind (the relation says which).",
    ),
    "position": ("Position", "The position of the link within its field, from 1 (1 for a single identifier)."),
}

_INTEGERS = frozenset({"number", "value", "year", "position"})
"""Columns that hold whole numbers even where every cell of a table is empty (the plan's number)."""


_LINK_COLUMNS = ("from", "to", "position")
"""The columns of a link table."""

_LINK_TARGETS: Mapping[str, str] = {"issuer_ids": "agency"}
"""The kind a list field points to, where its name does not say it (``priority_ids`` -> ``priority``)."""

_LINK_NOUNS: Mapping[str, tuple[str, str]] = {"issuer_ids": ("issuer", "issuers")}
"""What a list field's identifiers are, singular and plural, where it is not their kind (the plan's issuers)."""

_LINK_NOTES: Mapping[str, str] = {
    "issuer_ids": " plan.csv has no issuer_ids column: the plan's issuers are here and in relations.csv only.",
    "agency_ids": " An action whose responsibility clause is not known (agency_ids empty) has no rows.",
}


def _link_relations() -> dict[str, tuple[str, str, str]]:
    """Each link table's file and its list relation: the owning kind, the field and the kind it points to.

    The list fields (``_ids``) of every kind, in the order of the kinds and of each class's fields.

    >>> _link_relations()["action-agency_ids.csv"]
    ('action', 'agency_ids', 'agency')
    """
    links = {}
    for spec in KINDS.values():
        for field in relation_fields(spec.cls):
            if field.endswith("_ids"):
                target = _LINK_TARGETS.get(field, field.removesuffix("_ids").replace("_", "-"))
                if target not in KINDS:  # pragma: no cover - every list field of the models names a kind
                    raise ValueError(f"{spec.kind}.{field}: no kind {target!r} to point to")
                links[f"{spec.kind}-{field}.csv"] = (str(spec.kind), field, target)
    return links


def _link_tables(relations: Sequence[Row]) -> dict[str, tuple[Row, ...]]:
    """Each link table's file and rows: the rows of ``relations`` for one list relation, without ``relation``."""
    tables = {}
    for file, (kind, field, _) in _link_relations().items():
        tables[file] = tuple(
            {"from": row["from"], "to": row["to"], "position": row["position"]}
            for row in relations
            if row["relation"] == field and str(row["from"]).partition(":")[0] == kind
        )
    return tables


def _tables() -> dict[str, tuple[Row, ...]]:
    """Each file of the package and its rows: those of ``export("csv")``, then the link tables."""
    tables = csv_tables()
    return tables | _link_tables(tables["relations.csv"])


def _name(file: str) -> str:
    """A resource's name: the file's name without ``.csv`` (``nbs-2018``)."""
    return file.removesuffix(".csv")


def _type(column: str, rows: Sequence[Row]) -> str:
    """``integer``, ``number`` or ``string``, from the column's values (from its name where every cell is empty).

    >>> _type("value", [{"value": 10}]), _type("share", [{"share": 0.5}, {"share": 2}]), _type("year", [{"year": None}])
    ('integer', 'number', 'integer')
    """
    values = [row[column] for row in rows if row[column] is not None]
    if not values:
        return "integer" if column in _INTEGERS else "string"
    if all(isinstance(v, int) for v in values):
        return "integer"
    return "number" if all(isinstance(v, int | float) for v in values) else "string"


def _field(column: str, rows: Sequence[Row]) -> dict[str, Any]:
    if column.endswith("_status") and column not in _COLUMNS:
        stem = column.removesuffix("_status")
        title = _COLUMNS.get(stem, (stem, ""))[0]
        described = (
            f"The provenance status of the field {stem}: the weakest status among its claims, else the "
            "record's status (unverified: the field is empty because no registered source supports a value)."
        )
        field: dict[str, Any] = {"name": column, "type": "string", "title": f"{title} status"}
        field["description"] = described
        field["constraints"] = {"required": True, "enum": [str(s) for s in Status]}
        return field
    title, description = _COLUMNS.get(column, (column, f"The record's field {column}."))
    field = {"name": column, "type": _type(column, rows), "title": title, "description": description}
    if column == "id":
        field["constraints"] = {"required": True, "unique": True}
    elif column == "kind":
        field["constraints"] = {"required": True, "enum": list(dict.fromkeys(str(row[column]) for row in rows))}
    elif column == "status":
        field["constraints"] = {"required": True, "enum": [str(s) for s in Status if s != Status.UNVERIFIED]}
    elif column == "nbs_2018_match":
        field["constraints"] = {"enum": ["exact", "partial"]}
    elif column in ("from", "relation", "to", "position"):
        field["constraints"] = {"required": True}
    return field


def _foreign_keys(columns: Sequence[str]) -> list[dict[str, Any]]:
    """A foreign key for each column that holds one identifier: ``<kind>_id`` -> the kind's table."""
    keys = []
    for column in columns:
        kind = column.removesuffix("_id").replace("_", "-")
        if column.endswith("_id") and kind in KINDS:
            keys.append({"fields": column, "reference": {"resource": kind, "fields": "id"}})
    return keys


def _link(file: str) -> tuple[str, str, dict[str, Any]]:
    """A link table's title, description and schema."""
    kind, field, target = _link_relations()[file]
    one, many = _LINK_NOUNS.get(field, (target, KINDS[target].plural))
    title = f"{kind[:1].upper()}{kind[1:]} {many}"
    what = one if one == target else f"{one} (an {target})"
    description = (
        f"Each {kind}'s {field}, one link per row, with foreign keys: the {kind} (from, {kind}.csv's id), "
        f"the {one} it names (to, {target}.csv's id) and the {one}'s position in the {kind}'s list (from 1). "
        f"The rows of relations.csv whose relation is {field}.{_LINK_NOTES.get(field, '')}"
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


def _resource(file: str, rows: Sequence[Row], stats: Mapping[str, Any] | None) -> dict[str, Any]:
    name = _name(file)
    spec = KINDS.get(name)
    if file in _link_relations():
        title, description, schema = _link(file)
    else:
        columns = list(rows[0])
        schema = {
            "fields": [_field(c, rows) for c in columns],
            "missingValues": [""],
            "primaryKey": "id" if "id" in columns else ["from", "relation", "to", "position"],
        }
        if keys := _foreign_keys(columns):
            schema["foreignKeys"] = keys
        title = "Relations" if spec is None else spec.plural[:1].upper() + spec.plural[1:]
        description = _TABLES.get(name, f"The {title.lower()}.")
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
    tables: Mapping[str, Sequence[Row]] | None = None, stats: Mapping[str, Mapping[str, Any]] | None = None
) -> dict[str, Any]:
    """The content of ``datapackage.json``, as plain data.

    Args:
        tables: each CSV file's name and rows (by default those of ``export("csv")``, then the link
            tables); a link table is known by its name (``action-agency_ids.csv``).
        stats: each file's ``bytes`` and ``hash``, added to its resource where given.
    """
    plan = _loader.load().plan
    tables = _tables() if tables is None else tables
    description = (
        f"The Guiding Opinions on Expanding Investment in Strategic Emerging Industries (发改高技〔2020〕1409号, "
        f"issued {plan.issued.isoformat()}) as tables: one row per record of the plan (priorities, guarantees, "
        "objectives, requirements, actions, key industries, targets, agencies) and per top-level field of the "
        "NBS 2018 Strategic Emerging Industries Classification, with stable identifiers, English and Chinese "
        "titles and the provenance status of each record and field, one row per link between records, "
        "and a link table with foreign keys for each field that holds a list of identifiers. "
        "An empty cell is a value that no registered source supports, or that the record does not have. "
        f'Cite as "{AUTHOR}, sei_policy, data edition {plan.edition}", and credit the sources each record rests on.'
    )
    return {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": _TITLE,
        "description": description,
        "version": plan.edition,
        "licenses": [dict(LICENSE)],
        "contributors": [{"title": AUTHOR, "role": "author"}],
        "sources": [
            {"title": s.description} if s.address is None else {"title": s.description, "path": s.address}
            for s in plan.sources
        ],
        "resources": [
            _resource(file, rows, None if stats is None else stats.get(file)) for file, rows in tables.items()
        ],
    }


def dumps(body: Mapping[str, Any]) -> str:
    """The descriptor's JSON text: UTF-8 characters as they are, keys in a fixed order, a final newline."""
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def write(
    path: Path, *, overwrite: bool = False, excel: bool = False, base: str | None = None, **_: object
) -> list[Path]:
    """Create the folder ``path`` with the CSV tables and ``datapackage.json``, atomically.

    The CSV files are those of ``export("csv")``, byte for byte, then one link table per
    list relation (``action-agency_ids.csv`` …): UTF-8 without a byte-order mark, ``\\n``
    line ends, an empty cell for a missing value.

    Args:
        path: the folder to create.
        overwrite: write into an existing folder, replacing each file whole.
        excel: not used: ``export`` refuses it for every format but ``csv`` (a data package's
            CSV files carry no byte-order mark, as Frictionless expects).
        base: not used (it is for ``jsonld`` and ``turtle``).

    Returns:
        ``datapackage.json``'s path, then each CSV file's, in the order of the resources.

    Raises:
        ExportError: ``path`` exists and ``overwrite`` is false, or its folder does not exist.
    """
    tables = _tables()
    links = _link_relations()
    with atomic_path(path, overwrite=overwrite) as target:
        target.mkdir()
        stats: dict[str, dict[str, Any]] = {}
        for name, rows in tables.items():
            if name in links and not rows:  # pragma: no cover - every list relation has links today
                write_text(target / name, ",".join(_LINK_COLUMNS) + "\n")  # the header, as the schema says
            else:
                write_csv(target / name, rows)
            data = (target / name).read_bytes()
            stats[name] = {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}
        write_text(target / DESCRIPTOR, dumps(descriptor(tables, stats)))
    return [Path(path) / DESCRIPTOR, *(Path(path) / name for name in tables)]
