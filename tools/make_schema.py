"""Generate the JSON Schemas of the data files (``sei-2020.schema.json``, ``nbs-2018.schema.json``) from the models.

This is a development-time tool, as ``make_t2s.py`` is: a developer runs it after
changing a record class or a field's declaration, and CI runs ``--check`` so that a
shipped schema never drifts from the models. Nothing runs it at install or run time.

Where the schemas come from
    Each document class of ``sei_policy._loader.DOCUMENTS`` (the plan, the NBS 2018
    classification) is walked through ``attrs.fields()`` and the fields' real
    annotations: ``str``, ``int``, ``float``, ``datetime.date`` (a string of the form
    the converter enforces), string enums (their values), ``X | None`` (nullable),
    ``tuple[X, ...]`` (an array) and nested attrs classes (a ``$ref`` to ``$defs``).
    A field is required when it has no default; no object takes unknown keys, as the
    converter refuses them. Descriptions are the registry's (``Column.description``)
    where a field declares columns, else a line of :data:`FIELD_DESCRIPTIONS`; each
    definition is described by its class docstring's first line. A relation field
    (a column of type ``id`` or ``ids``) refers to the identifier definition of its
    target kind (``<kind>:<slug>``) and names that kind in ``x-target``.

    A record's ``id`` refers to its own kind's identifiers, its ``kind`` is a
    constant, a document's ``id`` is the one the loader accepts, and source keys have
    the register's form. A string is never empty: the data writes null for a missing
    value (the loader refuses an empty string in a record's texts, though not in a
    note or the source register).

What the schemas do not say
    The library checks more at load than a schema can: relations that resolve,
    counts, document order, notations, provenance rules. Apart from empty strings,
    the schemas accept every file the loader accepts; the tests check that they
    refuse a table of corrupted files that the loader also refuses.

How to rerun it (from the repository root, with the package installed in development mode)::

    python tools/make_schema.py            # write both schemas into src/sei_policy/data/
    python tools/make_schema.py --check    # exit 1, with a diff, if a shipped schema is out of date

The output is deterministic: 2-space indented JSON, UTF-8 characters kept as they
are, properties in field order, definitions in alphabetical order, and a
trailing newline. Every definition shared by the two files (text, terms, claim,
provenance …) is built by the one function :func:`definition`.
"""

from __future__ import annotations

import argparse
import datetime
import difflib
import enum
import json
import sys
import types
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import attrs

from sei_policy import _converter, _loader, _validate, ids, models
from sei_policy.models import KINDS, Classification, Column, KindSpec, Plan, Record, Retirement, Source

__all__ = (
    "FIELD_DESCRIPTIONS",
    "FOLDER",
    "Schemas",
    "definition",
    "generate",
    "main",
    "render",
    "schema_name",
)

ROOT = Path(__file__).resolve().parents[1]
"""The repository checkout this script belongs to."""

FOLDER = ROOT / "src" / "sei_policy" / "data"
"""Where the generated schemas go by default, beside the data files they describe."""

DRAFT = "https://json-schema.org/draft/2020-12/schema"

Schema = dict[str, Any]
"""A JSON Schema (or a part of one) as plain JSON data."""

TITLES: Mapping[str, str] = {
    _loader.PLAN_FILE: "sei_policy: the 2020 SEI plan (发改高技〔2020〕1409号)",
    _loader.CLASSIFICATION_FILE: (
        "sei_policy: NBS Strategic Emerging Industries Classification (2018), top-level fields"
    ),
}
"""Each data file's schema title; a file not listed here is titled by its document class's docstring."""

DOCUMENT_IDS: Mapping[type, str] = {Plan: _validate.PLAN_ID, Classification: _validate.CLASSIFICATION_ID}
"""The one identifier the loader accepts for each document."""

FIELD_DESCRIPTIONS: Mapping[tuple[str, str], str] = {
    # The fields that declare no column (documents' metadata, provenance, the source register).
    ("Plan", "edition"): "The data edition: the release of the data, apart from the package's version.",
    ("Plan", "short_name"): "The plan's short name in English and Chinese.",
    ("Plan", "document_type"): "The type of document (指导意见, guiding opinions) in English and Chinese.",
    ("Plan", "seed"): "The summary article the project started from.",
    ("Plan", "figures"): "Context figures from the sources; none of them is a target of the plan.",
    ("Plan", "sources"): "The source register: every source a provenance, claim or figure cites by key.",
    ("Plan", "provenance"): "Where the plan's metadata comes from: its status, its sources and claims per field.",
    ("Plan", "retired"): "Identifiers no longer in use, each with the identifier that replaces it.",
    ("Record", "provenance"): "Where the record comes from: its status, its sources and claims per field.",
    ("Classification", "id"): "The classification's identifier.",
    ("Classification", "title"): "The classification's official title in English and Chinese.",
    ("Classification", "note"): "A note on the classification.",
    ("Classification", "adopted"): "The date the classification was adopted.",
    ("Classification", "published"): "The date the classification was published.",
    (
        "Classification",
        "source_keys",
    ): "The keys of the sources of the classification (entries of the plan's register).",
    ("Classification", "edition"): "The data edition: equal to the plan's.",
    ("Classification", "aliases"): "Other names of the classification in English and Chinese.",
    ("Classification", "summary"): "A short description in the project's own words.",
    ("Classification", "document_number"): "The document number (文号) or order number; null where none was read.",
    ("Classification", "document_number_en"): "The document number as an English source gives it.",
    ("Classification", "document_type"): "The type of document (分类, classification) in English and Chinese.",
    ("Classification", "issuer_ids"): "The identifiers of the bodies that issued the classification.",
    ("Classification", "year"): "The year a source gives the classification, where no date is known.",
    ("Classification", "provenance"): "Where the metadata comes from: its status, its sources and claims per field.",
    ("Classification", "categories"): "The classification's top-level fields, in order; none where not read.",
    ("Classification", "agencies"): "Filled by the loader from the shared agencies: never in the file.",
    ("Plan", "pillars"): "The 2016 plan's new pillar industries.",
    ("Plan", "frontiers"): "The 14th Five-Year Plan Outline's frontier fields.",
    ("Plan", "directions"): "The 2024 opinions' directions of future industries.",
    ("LineageData", "edition"): "The data edition: equal to the plan's.",
    ("LineageData", "chain"): "Every document's identifier, in date order.",
    ("LineageData", "sources"): "The lineage's source register (L1 …); the 2020 plan's register is cited too.",
    ("LineageData", "agencies"): "The bodies the lineage names beyond those of the 2020 plan.",
    ("LineageData", "plans"): "The plan documents of the lineage other than the 2020 plan.",
    ("LineageData", "classifications"): "The classifications of the lineage other than NBS 2018.",
    ("LineageData", "relations"): "Links between documents: subject, predicate, object, status, sources, note.",
    ("LineageData", "correspondences"): "Correspondences between concepts of two documents, SKOS-style, all inferred.",
    ("LineageData", "observations"): "Observed values (the SEI share of GDP), never targets.",
    ("DocumentRelation", "subject_id"): "The document the link starts from.",
    ("DocumentRelation", "predicate"): "How the subject relates to the object (implements, based_on …).",
    ("DocumentRelation", "object_id"): "The document the link points to.",
    ("DocumentRelation", "status"): "How well the link is supported.",
    ("DocumentRelation", "source_keys"): "The keys of the sources the link rests on.",
    ("DocumentRelation", "note"): "What the link rests on.",
    ("Correspondence", "subject_id"): "The concept the correspondence starts from.",
    ("Correspondence", "match"): "What the object is to the subject: exact, close, broader, narrower or related.",
    ("Correspondence", "object_id"): "The concept of another document it corresponds to.",
    ("Correspondence", "status"): "Always inferred: matched by name.",
    ("Correspondence", "source_keys"): "The keys of the sources of the two names.",
    ("Correspondence", "note"): "What the match rests on.",
    ("Observation", "indicator"): "What is observed: sei-share-of-gdp.",
    ("Observation", "year"): "The year the value is for.",
    ("Observation", "value"): "The value observed or reported.",
    ("Observation", "unit"): "The unit of the value.",
    ("Observation", "qualifier"): "How the source qualifies the value (about, exceed …).",
    ("Observation", "status"): "How well the value is supported.",
    ("Observation", "source_keys"): "The keys of the sources that give the value.",
    ("Observation", "note"): "A note on the value.",
    ("Text", "en"): "In English; null where it is not known.",
    ("Text", "zh"): "In Chinese; null where it is not known.",
    ("Terms", "en"): "The terms in English, in order.",
    ("Terms", "zh"): "The terms in Chinese, in order.",
    ("Claim", "field"): "The field the claim is about, as a path: summary, title.zh, aliases.en[1].",
    ("Claim", "status"): "How well the field's value is supported (unverified: it is shipped empty).",
    ("Claim", "source_keys"): "The keys of the sources that support the field's value.",
    ("Claim", "note"): "Where the value comes from, or why it is empty.",
    ("Provenance", "status"): "How well the record is supported by its sources (never unverified).",
    ("Provenance", "source_keys"): "The keys of the record's sources, at least one.",
    ("Provenance", "note"): "A note on the record's provenance.",
    ("Provenance", "fields"): "Claims about single fields, where they differ from the record's status or sources.",
    ("Source", "key"): "The key provenance cites: S and a number (S4), or seed.",
    ("Source", "address"): "The source's web address (http or https), if it has one.",
    ("Source", "description"): "What the source is.",
    ("Source", "reliability"): "A note on how far the source can be relied on.",
    ("Figure", "label"): "What the figure measures.",
    ("Figure", "value"): "The figure.",
    ("Figure", "unit"): "The unit of the value.",
    ("Figure", "period"): "The period the figure covers.",
    ("Figure", "note"): "A note on the figure.",
    ("Figure", "source_keys"): "The keys of the sources that give the figure.",
    ("Seed", "title"): "The article's title.",
    ("Seed", "venue"): "Where the article was published.",
    ("Seed", "published"): "The date the article was published.",
    ("Seed", "translation_named"): "The English translation of the plan that the article names.",
    ("Retirement", "id"): "The retired identifier; no record has it any more.",
    ("Retirement", "replacement_id"): "The identifier of the record that replaces it.",
    ("Retirement", "since"): "The data edition that retired the identifier.",
    ("Retirement", "note"): "Why the identifier was retired.",
}
"""Descriptions of the fields that declare no column, by (class name, field name); a class's bases are searched too."""

SOURCE_KEY = "source_key"
"""The definition of a source key, which every ``source_keys`` item and ``Source.key`` refer to."""

IDENTIFIER = "identifier"
"""The definition of any identifier (a retired one, its replacement)."""

_SLUG = ids.SLUG.pattern
_JOINED = ", " + models._JOINED  # a flat table's wording for a list relation; the JSON holds an array
_SEPARATED = ", ';'-separated"  # the same for a list of terms


def schema_name(data_file: str) -> str:
    """The name of the schema file beside ``data_file``.

    >>> schema_name("sei-2020.json")
    'sei-2020.schema.json'
    """
    return data_file.removesuffix(".json") + ".schema.json"


def _first_line(cls: type) -> str:
    """The first line of a class's docstring, as plain text (``None`` reads as null)."""
    line = (cls.__doc__ or "").strip().split("\n", 1)[0]
    return line.replace("``None``", "null").replace("``", "")


def _def_name(cls: type) -> str:
    """The ``$defs`` key of a class: a kind's value for a record class (``nbs_2018``), else the class's name."""
    spec = _spec_of(cls)
    return (str(spec.kind) if spec is not None else cls.__name__.lower()).replace("-", "_")


def _spec_of(cls: type) -> KindSpec | None:
    return next((spec for spec in KINDS.values() if spec.cls is cls), None)


def _id_def(kind: str) -> str:
    """The ``$defs`` key of the identifiers of one kind (``action_id``)."""
    return kind.replace("-", "_") + "_id"


def _ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def _nullable(schema: Schema) -> Schema:
    """``schema`` or null."""
    if "type" in schema and "$ref" not in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        return {**schema, "type": [*kinds, "null"]}
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    return {"anyOf": [schema, {"type": "null"}]}


def _columns(cls: type, name: str) -> tuple[Column, ...]:
    """The columns a field declares; a document that is a kind shares the columns every record declares."""
    found: tuple[Column, ...] = attrs.fields_dict(cls)[name].metadata.get(models._COLUMNS, ())
    if not found and _spec_of(cls) is not None and name in attrs.fields_dict(Record):
        found = attrs.fields_dict(Record)[name].metadata.get(models._COLUMNS, ())
    return found


def _json_wording(description: str) -> str:
    """A column's description without what only a flat table needs (how list items are joined)."""
    return description.replace(_JOINED, "").replace(_SEPARATED, "")


def _describe(cls: type, name: str, columns: tuple[Column, ...]) -> str | None:
    """A field's description: its columns' (one sentence for both languages of a text), else the table's."""
    if columns:
        texts = [_json_wording(c.description) for c in columns]
        if len(set(texts)) == 1:
            return texts[0]
        languages = [c.title.split(" ", 1)[0] for c in columns]
        stem = texts[0].replace(languages[0], "\0")
        if all(text == stem.replace("\0", language) for text, language in zip(texts, languages, strict=True)):
            return stem.replace("\0", " and ".join(languages))
        return " ".join(texts)
    for klass in cls.__mro__:
        found = FIELD_DESCRIPTIONS.get((klass.__name__, name))
        if found is not None:
            return found
    return None


@attrs.define
class Schemas:
    """The ``$defs`` of one schema file, filled as the walk first refers to each."""

    defs: dict[str, Schema] = attrs.field(factory=dict)
    undescribed: list[str] = attrs.field(factory=list)
    """Fields that found no description (``Class.field``), for the tool to report."""

    def refer(self, name: str, build: Callable[[], Schema]) -> Schema:
        """A ``$ref`` to ``name``, built (by calling ``build()``) on first use."""
        if name not in self.defs:
            self.defs[name] = {}  # reserved first: a class may refer to itself
            self.defs[name] = build()
        return _ref(name)

    def identifier(self, kind: str | None) -> Schema:
        """A ``$ref`` to the identifiers of ``kind`` (any identifier for ``None``)."""
        if kind is None:
            return self.refer(
                IDENTIFIER,
                lambda: {
                    "description": "An identifier, <kind>:<slug> in lower-case kebab-case.",
                    "type": "string",
                    "pattern": f"^(?:{_SLUG}/)?{_SLUG}:{_SLUG}$",
                },
            )
        if not ids.SLUG.fullmatch(kind):
            raise ValueError(f"a kind must be a slug, not {kind!r}")
        label = KINDS[kind].label if kind in KINDS else kind
        return self.refer(
            _id_def(kind),
            lambda: {
                "description": f"The identifier of {_article(label)} {label}: {kind}:<slug>.",
                "type": "string",
                "pattern": f"^{kind}:{_SLUG}$",
            },
        )

    def source_key(self) -> Schema:
        """A ``$ref`` to the form of a source key (``S4``, ``seed``)."""
        return self.refer(
            SOURCE_KEY,
            lambda: {
                "description": "The key of an entry of the source register.",
                "type": "string",
                "pattern": f"^(?:{_validate.SOURCE_KEY.pattern})$",
            },
        )

    def value(self, annotation: Any, item: Schema | None = None) -> Schema:
        """The schema of an annotation; ``item`` stands for the innermost scalar where a field's role says more."""
        origin = get_origin(annotation)
        if origin in (Union, types.UnionType):
            inner = [a for a in get_args(annotation) if a is not type(None)]
            if len(inner) != 1 or len(get_args(annotation)) != 2:
                raise TypeError(f"only X | None unions are supported, not {annotation!r}")
            return _nullable(self.value(inner[0], item))
        if origin is tuple:
            args = get_args(annotation)
            if len(args) != 2 or args[1] is not Ellipsis:
                raise TypeError(f"only homogeneous tuples (tuple[X, ...]) are supported, not {annotation!r}")
            return {"type": "array", "items": self.value(args[0], item)}
        if item is not None:
            return item
        if isinstance(annotation, type) and attrs.has(annotation):
            cls = annotation
            return self.refer(_def_name(cls), lambda: definition(cls, self))
        if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
            return {"enum": [member.value for member in annotation]}
        if annotation is str:
            return {"type": "string", "minLength": 1}
        if annotation is bool:
            return {"type": "boolean"}
        if annotation is int:
            return {"type": "integer"}
        if annotation is float:
            return {"type": "number"}
        if annotation is datetime.date:
            return {"type": "string", "format": "date", "pattern": f"^{_converter._DATE.pattern}$"}
        raise TypeError(f"no JSON Schema for the annotation {annotation!r}")

    def field(self, cls: type, attribute: attrs.Attribute[Any]) -> Schema:
        """The schema of one field of ``cls``: its type, refined by what the field is, and its description."""
        name = attribute.name
        columns = _columns(cls, name)
        relation = next((c.target for c in columns if c.type.is_relation), None)
        spec = _spec_of(cls)
        extra: Schema = {}
        if cls in DOCUMENT_IDS and name == "id":
            schema: Schema = {"const": DOCUMENT_IDS[cls]}
        elif spec is not None and name == "id":
            schema = self.identifier(str(spec.kind))
        elif spec is not None and name == "kind":
            schema = {"const": str(spec.kind)}
        elif relation is not None:
            schema = self.value(attribute.type, self.identifier(relation))
            extra["x-target"] = relation
        elif name == "source_keys" or (cls is Source and name == "key"):
            schema = self.value(attribute.type, self.source_key())
        elif cls is Retirement and name in ("id", "replacement_id"):
            schema = self.identifier(None)
        else:
            schema = self.value(attribute.type)
        if issubclass(cls, Record) and name == "number":
            schema = {**schema, "minimum": 1}
        if cls is Source and name == "address":
            schema = {**schema, "pattern": "^https?://"}
        collection = _collection(cls, name)
        description = collection.description if collection is not None else _describe(cls, name, columns)
        if description is None:
            self.undescribed.append(f"{cls.__name__}.{name}")
            return {**schema, **extra}
        return {"description": description, **schema, **extra}


def _article(word: str) -> str:
    """The indefinite article before ``word``; an upper-case initial is read as a letter (an NBS 2018 field)."""
    return "an" if word[:1] in "aeiouAEFHILMNORSX" else "a"


def _collection(cls: type, name: str) -> KindSpec | None:
    """The kind whose records ``cls`` holds in its field ``name``, if any."""
    return next((s for s in KINDS.values() if s.document is cls and s.collection == name), None)


def _fields(cls: type) -> list[attrs.Attribute[Any]]:
    """The fields the JSON holds: those ``__init__`` takes (not a document's private index)."""
    return [a for a in attrs.fields(cls) if a.init]


def definition(cls: type, schemas: Schemas) -> Schema:
    """The object schema of an attrs class: its fields in order, those without default required, nothing else.

    Both files' shared definitions (text, terms, claim, provenance) come from here.

    >>> d = definition(models.Text, Schemas())
    >>> d["required"], d["additionalProperties"], d["properties"]["en"]["type"]
    ([], False, ['string', 'null'])
    """
    fields = _fields(cls)
    return {
        "description": _first_line(cls),
        "type": "object",
        "properties": {a.name: schemas.field(cls, a) for a in fields},
        "required": [a.name for a in fields if a.default is attrs.NOTHING],
        "additionalProperties": False,
    }


def document(data_file: str, cls: type) -> tuple[Schema, list[str]]:
    """The schema of one data file holding a document of ``cls``, and the fields that found no description."""
    schemas = Schemas()
    body = definition(cls, schemas)
    version: Schema = {
        "description": "The version of the data layout; this schema and the library read this one only.",
        "const": _loader.SCHEMA_VERSION,
    }
    schema: Schema = {
        "$schema": DRAFT,
        "$id": schema_name(data_file),
        "title": TITLES.get(data_file, f"sei_policy: {_first_line(cls)}"),
        "description": (
            f"The layout of {data_file}, schema_version {_loader.SCHEMA_VERSION}, generated from the library's "
            "record classes. The library checks more when it loads the file: relations, counts, document order, "
            "provenance."
        ),
        "type": "object",
        "properties": {"schema_version": version, **body["properties"]},
        "required": ["schema_version", *body["required"]],
        "additionalProperties": False,
        "$defs": dict(sorted(schemas.defs.items())),
    }
    return schema, schemas.undescribed


def render(schema: Mapping[str, Any]) -> str:
    """``schema`` as deterministic JSON text: 2-space indented, UTF-8 characters as they are, a final newline.

    >>> print(render({"title": "新材料", "required": []}), end="")
    {
      "title": "新材料",
      "required": []
    }
    """
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def generate() -> tuple[dict[str, str], list[str]]:
    """The text of every schema file by file name, from the documents the loader reads; and the undescribed fields."""
    texts: dict[str, str] = {}
    undescribed: set[str] = set()
    for name, cls in (*_loader.DOCUMENTS, (_loader.LINEAGE_FILE, models.LineageData)):
        schema, missing = document(name, cls)
        texts[schema_name(name)] = render(schema)
        undescribed.update(missing)
    return texts, sorted(undescribed)


def main(argv: Sequence[str] | None = None) -> int:
    """Write (or with ``--check``, compare) the schemas; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--folder", type=Path, default=FOLDER, help="where the schema files are (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a schema file differs")
    args = parser.parse_args(argv)
    folder: Path = args.folder
    if not Path(models.__file__).resolve().is_relative_to(ROOT):
        print(
            f"make_schema: warning: sei_policy is imported from {Path(models.__file__).parent}, not from {ROOT}; "
            "install this checkout (pip install -e .)",
            file=sys.stderr,
        )

    generated, undescribed = generate()
    for name in undescribed:
        print(
            f"make_schema: {name} has no description: declare its column or add it to FIELD_DESCRIPTIONS",
            file=sys.stderr,
        )
    if args.check:
        stale = []
        for name, text in generated.items():
            path = folder / name
            current = path.read_text(encoding="utf-8") if path.is_file() else ""
            if current != text:
                stale.append(name)
                diff = difflib.unified_diff(
                    current.splitlines(keepends=True),
                    text.splitlines(keepends=True),
                    fromfile=f"{path} (shipped)",
                    tofile=f"{path} (generated)",
                    n=2,
                )
                lines = list(diff)
                shown = lines[:60] + ([f"… {len(lines) - 60} more lines of diff\n"] if len(lines) > 60 else [])
                print(f"make_schema: {path} is out of date; rerun tools/make_schema.py", file=sys.stderr)
                sys.stderr.writelines(shown)
        if stale:
            return 1
        print(f"make_schema: {', '.join(generated)} up to date in {folder}")
        return 0
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in generated.items():
        (folder / name).write_text(text, encoding="utf-8", newline="\n")
        print(f"make_schema: wrote {folder / name} ({len(text.splitlines())} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
