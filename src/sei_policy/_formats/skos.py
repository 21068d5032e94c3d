"""Linked data: the plan and the NBS 2018 classification as SKOS concept schemes, in JSON-LD and Turtle.

One graph, two serialisations. :func:`document` builds it as a JSON-LD document of plain
dicts, with its ``@context`` inline (nothing is fetched); :func:`write_jsonld` writes that
document, and :func:`write_turtle` has rdflib (the ``rdf`` extra) parse it and write the
same triples as Turtle. ``export("jsonld", ...)`` and ``export("turtle", ...)`` call them.

- The plan is a ``skos:ConceptScheme``; so is the NBS 2018 classification.
- Each of the plan's 64 records and each of the 9 NBS fields is a ``skos:Concept``,
  ``skos:inScheme`` its document. The requirements, priorities, guarantees, objectives,
  industries, targets and agencies are top concepts of the plan; the actions sit under
  their requirement (``skos:broader`` and ``skos:narrower``). The NBS fields are the top
  concepts of the classification.
- Every link between records maps to the SKOS (or Dublin Core) properties its relation
  column declares (``Column.skos``): ``skos:related`` unless said otherwise, an industry and
  its NBS field ``skos:closeMatch``, the plan's issuers ``dcterms:creator``. Every link is
  stated in both directions where the column names a property back, so a query needs no
  inference. A record whose relation is ``skos:broader`` is not a top concept.
- A dataset other than the default (``export(..., document="all")`` or one document) has one
  ``skos:ConceptScheme`` per document, each concept ``skos:inScheme`` its document's scheme (an
  agency, which documents share, in the scheme of each document that holds it). The crosswalk
  between documents' concepts is stated with ``skos:exactMatch``, ``closeMatch``, ``broadMatch``,
  ``narrowMatch`` and ``relatedMatch``, from both ends; the links between documents with the
  project's own properties (``sei:implements``, ``sei:basedOn`` …), each declared in the graph as
  an ``owl:ObjectProperty`` with a label and a comment. The register is the lineage's whole one.
- A concept's IRI is the base followed by its identifier: ``urn:sei-policy:action:new-materials``
  by default. The properties of the project's own (``status``, ``number``, ``kind`` …) are in
  the namespace ``<base>vocab#``, declared, with a comment each, in the graph itself.

>>> from sei_policy import _loader
>>> doc = document(_loader.load())
>>> node = next(n for n in doc["@graph"] if n.get("identifier") == "action:new-materials")
>>> node["@id"], node["prefLabel"]["zh"], node["broader"]
('urn:sei-policy:action:new-materials', '加快新材料产业强弱项', ['urn:sei-policy:requirement:key-industries'])
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sei_policy import _loader
from sei_policy._about import DATA_LICENCE_URL
from sei_policy._formats.files import atomic_path, read_json, write_text
from sei_policy._formats.tables import is_default, links, members, spec_of
from sei_policy.errors import InvalidArgumentError, InvalidArgumentTypeError, MissingExtraError, shown
from sei_policy.models import (
    Claim,
    Classification,
    Column,
    KindSpec,
    MatchType,
    Plan,
    Predicate,
    Provenance,
    Record,
    Source,
    Terms,
    Text,
    ValueType,
    columns_of,
)

if TYPE_CHECKING:
    import rdflib

__all__ = (
    "DEFAULT_BASE",
    "check_base",
    "document",
    "dumps",
    "recognise_jsonld",
    "recognise_turtle",
    "vocabulary",
    "write_jsonld",
    "write_turtle",
)

DEFAULT_BASE = "urn:sei-policy:"
"""The base of the concepts' IRIs unless the caller gives another: ``urn:sei-policy:action:new-materials``."""

SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
OWL = "http://www.w3.org/2002/07/owl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"


# An absolute IRI: a scheme, a colon, then no white space and none of the characters IRIs forbid.
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*")
_BASE_ENDS = ("/", "#", ":")

# The order of a node's keys in the JSON-LD file: what it is, what it is called, where it sits, its provenance.
_ORDER = (
    "@id",
    "@type",
    "identifier",
    "kind",
    "notation",
    "number",
    "prefLabel",
    "altLabel",
    "definition",
    "scopeNote",
    "keyword",
    "inScheme",
    "topConceptOf",
    "hasTopConcept",
    "broader",
    "narrower",
    "related",
    "closeMatch",
    "nbs2018Match",
    "part",
    "value",
    "creator",
    "dateAccepted",
    "issued",
    "versionInfo",
    "license",
    "status",
    "editorialNote",
    "source",
    "claim",
)

# The project's own properties: the local name, the JSON-LD term and its comment.
_VOCABULARY = (
    ("kind", "the kind of record, the prefix of its identifier: plan, priority, … action, nbs-2018"),
    ("number", "the position of the record within its kind, counting from 1 (for an NBS field, its code)"),
    ("keyword", "a concrete thing the sources name for the record; not a name of it"),
    ("part", "the part of the original a requirement is (二 to 五)"),
    (
        "nbs2018Match",
        "how an industry corresponds to its NBS 2018 field, by name: exact (the names coincide) "
        "or partial; inferred by the project, stated by no source",
    ),
    (
        "status",
        "how well the record (or, on a claim, the field) is supported by the sources: "
        "verified, seed, reported, inferred or unverified",
    ),
    ("claim", "the provenance of one field of the record, where it differs from the record's"),
    ("field", "the field a claim is about, as a path: title.zh, aliases.en[1], {example}"),
    ("sourceKey", "the key of an entry of the plan's source register: seed, S1, S4 …"),
    ("reliability", "the reliability of a source, where the register qualifies it (low)"),
)


# The order of a subject's properties in Turtle, after rdf:type: the same order as in the JSON-LD file.
_PREDICATES = (
    DCTERMS + "identifier",
    SKOS + "notation",
    SKOS + "prefLabel",
    SKOS + "altLabel",
    SKOS + "definition",
    SKOS + "scopeNote",
    SKOS + "inScheme",
    SKOS + "topConceptOf",
    SKOS + "hasTopConcept",
    SKOS + "broader",
    SKOS + "narrower",
    SKOS + "related",
    SKOS + "closeMatch",
    DCTERMS + "creator",
    DCTERMS + "dateAccepted",
    DCTERMS + "issued",
    OWL + "versionInfo",
    DCTERMS + "license",
    RDFS + "label",
    RDFS + "comment",
    SKOS + "editorialNote",
    DCTERMS + "description",
    DCTERMS + "source",
)


def check_base(base: str | None) -> str:
    """The base of the concepts' IRIs: ``base`` checked, or :data:`DEFAULT_BASE` for ``None``.

    Args:
        base: an absolute IRI that ends with ``/``, ``#`` or ``:`` (such as
            ``"https://example.org/sei/"``), so that the identifier can follow it; or ``None``.

    Raises:
        InvalidArgumentTypeError: ``base`` is not a string.
        InvalidArgumentError: ``base`` is not an absolute IRI, or does not end with ``/``, ``#`` or ``:``.

    >>> check_base(None), check_base("https://example.org/sei/")
    ('urn:sei-policy:', 'https://example.org/sei/')
    >>> check_base("https://example.org/sei")
    Traceback (most recent call last):
      ...
    sei_policy.errors.InvalidArgumentError: export() expects base to end with '/', '#' or ':', got 'https://example.org/sei'
    """
    if base is None:
        return DEFAULT_BASE
    if not isinstance(base, str):
        raise InvalidArgumentTypeError("export()", "base", "a string such as 'https://example.org/sei/'", base)
    if not base.endswith(_BASE_ENDS):
        raise InvalidArgumentError(f"export() expects base to end with '/', '#' or ':', got {shown(base)}")
    if not _IRI.fullmatch(base):
        raise InvalidArgumentError(
            f"export() expects base to be an absolute IRI such as 'https://example.org/sei/', got {shown(base)}"
        )
    return base


def vocabulary(base: str) -> str:
    """The namespace of the project's own properties: ``<base>vocab#`` (``<base>vocab/`` for a base with ``#``).

    >>> vocabulary("urn:sei-policy:"), vocabulary("https://example.org/sei#")
    ('urn:sei-policy:vocab#', 'https://example.org/sei#vocab/')
    """
    return base + ("vocab/" if "#" in base else "vocab#")


def _context(base: str) -> dict[str, Any]:
    """The inline ``@context``: the prefixes, then one term per property, with its value type."""
    iri = {"@type": "@id"}
    context: dict[str, Any] = {
        "skos": SKOS,
        "dcterms": DCTERMS,
        "owl": OWL,
        "rdf": RDF,
        "rdfs": RDFS,
        "xsd": XSD,
        "sei": vocabulary(base),
        "prefLabel": {"@id": "skos:prefLabel", "@container": "@language"},
        "altLabel": {"@id": "skos:altLabel", "@container": "@language"},
        "definition": {"@id": "skos:definition", "@language": "en"},
        "scopeNote": {"@id": "skos:scopeNote", "@language": "en"},
        "editorialNote": {"@id": "skos:editorialNote", "@language": "en"},
        "notation": "skos:notation",
        "inScheme": {"@id": "skos:inScheme", **iri},
        "topConceptOf": {"@id": "skos:topConceptOf", **iri},
        "hasTopConcept": {"@id": "skos:hasTopConcept", **iri},
        "broader": {"@id": "skos:broader", **iri},
        "narrower": {"@id": "skos:narrower", **iri},
        "related": {"@id": "skos:related", **iri},
        "closeMatch": {"@id": "skos:closeMatch", **iri},
        "identifier": "dcterms:identifier",
        "description": {"@id": "dcterms:description", "@language": "en"},
        "source": {"@id": "dcterms:source", **iri},
        "creator": {"@id": "dcterms:creator", **iri},
        "issued": {"@id": "dcterms:issued", "@type": "xsd:date"},
        "dateAccepted": {"@id": "dcterms:dateAccepted", "@type": "xsd:date"},
        "versionInfo": "owl:versionInfo",
        "license": {"@id": "dcterms:license", **iri},
        "value": "rdf:value",
        "label": "rdfs:label",
        "comment": {"@id": "rdfs:comment", "@language": "en"},
        "keyword": {"@id": "sei:keyword", "@container": "@language"},
        "status": "sei:status",
        "number": "sei:number",
        "kind": "sei:kind",
        "part": "sei:part",
        "nbs2018Match": "sei:nbs2018Match",
        "claim": "sei:claim",
        "field": "sei:field",
        "sourceKey": "sei:sourceKey",
        "reliability": "sei:reliability",
    }
    return context


def _labels(text: Text) -> dict[str, str]:
    return {lang: value for lang, value in (("en", text.en), ("zh", text.zh)) if value is not None}


def _terms(terms: Terms) -> dict[str, list[str]]:
    return {lang: list(values) for lang, values in (("en", terms.en), ("zh", terms.zh)) if values}


def _source_node(source: Source) -> str:
    """The node that stands for a register entry: its address, or a blank node where it has none (the seed).

    >>> _source_node(Source(key="seed", address=None, description="the seed article"))
    '_:source-seed'
    >>> _source_node(Source(key="S99", address="not an address", description="an entry with a bad address"))
    '_:source-S99'
    """
    address = source.address
    if address is not None and _IRI.fullmatch(address):
        return address
    return f"_:source-{source.key}"


Register = Mapping[str, Source]
"""The source register by key, casefolded: what a record's provenance cites."""


def _register(dataset: _loader.Dataset) -> Register:
    """The dataset's source register (the lineage's whole one, else the plan's), by casefolded key."""
    return {s.key.casefold(): s for s in (dataset.sources or dataset.plan.sources)}


def _sources(register: Register | Plan, keys: Iterable[str]) -> list[str]:
    """The nodes of the sources ``keys`` name, once each, from the register (or a plan's own register)."""
    if isinstance(register, Plan):
        return list(dict.fromkeys(_source_node(register.source(k)) for k in keys))
    return list(dict.fromkeys(_source_node(register[k.strip().casefold()]) for k in keys))


def _claim(register: Register | Plan, claim: Claim) -> dict[str, Any]:
    node: dict[str, Any] = {"field": claim.field, "status": str(claim.status)}
    if claim.note is not None:
        node["editorialNote"] = claim.note
    if claim.source_keys:
        node["source"] = _sources(register, claim.source_keys)
    return node


def _provenance(register: Register | Plan, provenance: Provenance) -> dict[str, Any]:
    """``status``, ``editorialNote``, ``source`` (every source cited, the record's own first) and ``claim``."""
    node: dict[str, Any] = {"status": str(provenance.status)}
    if provenance.note is not None:
        node["editorialNote"] = provenance.note
    node["source"] = _sources(register, provenance.all_source_keys)
    if provenance.fields:
        node["claim"] = [_claim(register, c) for c in provenance.fields]
    return node


def _names(record: Record | Plan) -> dict[str, Any]:
    """The labels, the summary as a definition and the keywords of a record or of the plan."""
    node: dict[str, Any] = {"prefLabel": _labels(record.title)}
    if record.aliases.en or record.aliases.zh:
        node["altLabel"] = _terms(record.aliases)
    if record.summary is not None:
        node["definition"] = record.summary
    if record.keywords.en or record.keywords.zh:
        node["keyword"] = _terms(record.keywords)
    return node


def _top(spec: KindSpec, record: Record) -> bool:
    """Whether a record is a top concept of its scheme: it has no relation that says ``skos:broader``."""
    return not any(c.skos[0] == "broader" and c.value(record) not in (None, ()) for c in spec.relations)


def _example(dataset: _loader.Dataset) -> str:
    """A claim's field that is a relation, as the vocabulary's example: the first one the data has."""
    relations = {c.name for spec in dataset.kinds.values() for c in spec.relations}
    fields = (c.field for spec in dataset.kinds.values() for r in members(dataset, spec) for c in r.provenance.fields)
    return next((f for f in fields if f in relations), "")


def _term(name: str) -> str:
    """A column's JSON-LD term: its name in camel case (``nbs_2018_match`` -> ``nbs2018Match``)."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _values(spec: KindSpec) -> tuple[Column, ...]:
    """A kind's own columns that hold a plain value (not a relation, not a list): each a property of its concepts."""
    common = {c.name for c in columns_of(Record)}
    return tuple(
        c for c in spec.columns if c.name not in common and not c.type.is_relation and c.type is not ValueType.LIST
    )


def _concept(
    register: Register, record: Record, scheme: str | list[str], *, top: bool, values: Iterable[Column]
) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "skos:Concept",
        "identifier": record.id,
        "kind": str(record.kind),
        "notation": record.notation,
        "number": record.number,
        **_names(record),
        "inScheme": scheme,
    }
    if top:
        node["topConceptOf"] = scheme
    for column in values:
        value = column.value(record)
        if value is not None:
            node[_term(column.name)] = str(value) if isinstance(value, str) else value  # a StrEnum as its value
    return node | _provenance(register, record.provenance)


def _link(nodes: dict[str, dict[str, Any]], subject: str, name: str, target: str) -> None:
    """Add ``target`` to the list ``name`` of the node of ``subject``, once."""
    values: list[str] = nodes[subject].setdefault(name, [])
    if target not in values:
        values.append(target)


def _ordered(node: dict[str, Any]) -> dict[str, Any]:
    """The node's keys in the order of :data:`_ORDER`; a term of a kind's own after them, in its order."""
    rank = {key: i for i, key in enumerate(_ORDER)}
    found = list(node)
    return {key: node[key] for key in sorted(found, key=lambda k: (rank.get(k, len(rank)), found.index(k)))}


_MATCHES = {
    "exactMatch": SKOS + "exactMatch",
    "closeMatch": SKOS + "closeMatch",
    "broadMatch": SKOS + "broadMatch",
    "narrowMatch": SKOS + "narrowMatch",
    "relatedMatch": SKOS + "relatedMatch",
}
"""The SKOS mapping properties the crosswalk uses, by JSON-LD term."""

_MATCH_TERMS = {
    MatchType.EXACT: "exactMatch",
    MatchType.CLOSE: "closeMatch",
    MatchType.BROADER: "broadMatch",
    MatchType.NARROWER: "narrowMatch",
    MatchType.RELATED: "relatedMatch",
}

_PREDICATE_COMMENTS: Mapping[str, str] = {
    Predicate.IMPLEMENTS: "the subject document was drawn up to carry out the object document",
    Predicate.BASED_ON: "the subject document rests on the object document",
    Predicate.MONITORS: "the subject (a statistical classification) measures what the object document plans",
    Predicate.REVISES: "the subject document replaces an earlier edition, the object",
    Predicate.SUCCEEDS: "the subject document follows the object as the plan of the next period",
    Predicate.DRAFTED_FROM: "the subject document was drafted from the object (a proposal)",
    Predicate.BUILDS_ON: "the subject document takes up and extends the object document",
}
"""Each predicate between documents, declared as a property of the project's vocabulary, with what it says."""


def _homes(dataset: _loader.Dataset, record: Record, schemes: Mapping[str, str], default: bool) -> list[str]:
    """The schemes a concept is in: its document's; for an agency, which documents share, each that holds it.

    In the default graph every record of the plan (its issuers among them) is in the plan's scheme.
    """
    if default:
        return [schemes[dataset.plan.id]]
    document_id = record.document_id
    if document_id is not None:
        return [schemes[document_id]] if document_id in schemes else []
    return [schemes[d.id] for d in dataset.documents if any(a.id == record.id for a in d.agencies)]


def _plan_scheme(plan: Plan, register: Register, tops: list[str], *, default: bool) -> dict[str, Any]:
    """A plan as a ``skos:ConceptScheme``: its number as notation, names, date, edition and provenance."""
    node: dict[str, Any] = {"@type": "skos:ConceptScheme", "identifier": plan.id, "kind": str(plan.kind)}
    if plan.document_number is not None:
        node["notation"] = plan.document_number
    node |= _names(plan)
    issued = plan.issued if default else plan.issued or plan.published
    if issued is not None:
        node["issued"] = issued.isoformat()
    if plan.adopted is not None and not default:
        node["dateAccepted"] = plan.adopted.isoformat()
    node |= {"versionInfo": plan.edition, "license": DATA_LICENCE_URL, "hasTopConcept": tops}
    return node | _provenance(register, plan.provenance)


def _classification_scheme(
    classification: Classification, register: Register, base: str, tops: list[str]
) -> dict[str, Any]:
    """A classification as a ``skos:ConceptScheme``: its names, dates, edition, note and sources."""
    node: dict[str, Any] = {"@type": "skos:ConceptScheme", "identifier": classification.id}
    node["prefLabel"] = _labels(classification.title)
    if classification.adopted is not None:
        node["dateAccepted"] = classification.adopted.isoformat()
    if classification.published is not None:
        node["issued"] = classification.published.isoformat()
    node |= {
        "versionInfo": classification.edition,
        "license": DATA_LICENCE_URL,
        "hasTopConcept": [base + c.id for c in classification.categories] + tops,
        **({} if classification.note is None else {"scopeNote": classification.note}),
        "source": _sources(register, classification.source_keys),
    }
    return node


def _lineage_links(dataset: _loader.Dataset, nodes: dict[str, dict[str, Any]], base: str) -> None:
    """The links between documents (``sei:implements`` …) and the crosswalk (``skos:exactMatch`` …), both ways.

    A correspondence is stated from its object back too (``skos:broadMatch`` back as
    ``skos:narrowMatch``), so a query needs no inference; a link between documents only
    forward, as the vocabulary declares its predicates.
    """
    for relation in dataset.relations:
        subject = base + relation.subject_id
        if subject in nodes:
            _link(nodes, subject, _term(str(relation.predicate)), base + relation.object_id)
    for correspondence in dataset.correspondences:
        subject, target = base + correspondence.subject_id, base + correspondence.object_id
        if subject in nodes:
            _link(nodes, subject, _MATCH_TERMS[correspondence.match], target)
        if target in nodes:
            _link(nodes, target, _MATCH_TERMS[correspondence.match.inverse], subject)


def document(dataset: _loader.Dataset, base: str | None = None) -> dict[str, Any]:
    """The plan, the NBS 2018 classification and their links, as one JSON-LD document of plain data.

    ``@graph`` holds, in this order: the plan's concept scheme, its 64 concepts in
    document order, the classification's scheme and its 9 concepts, the entries of the
    source register, then the declarations of the project's own properties. For a
    dataset other than the default: each document's scheme and concepts in date order,
    with the links between documents and the crosswalk.

    Args:
        dataset: the data, its kinds among it.
        base: the base of the concepts' IRIs (see :func:`check_base`); ``None`` for ``urn:sei-policy:``.

    Raises:
        InvalidArgumentError: ``base`` is not an absolute IRI ending with ``/``, ``#`` or ``:``.

    >>> doc = document(_loader.load(), "https://example.org/sei/")
    >>> doc["@graph"][0]["@id"], doc["@graph"][0]["@type"]
    ('https://example.org/sei/plan:sei-2020', 'skos:ConceptScheme')
    >>> doc["@context"]["sei"]
    'https://example.org/sei/vocab#'
    >>> lineage = document(_loader.lineage())
    >>> sum(n.get("@type") == "skos:ConceptScheme" for n in lineage["@graph"]), lineage["@context"]["implements"]
    (11, {'@id': 'sei:implements', '@type': '@id'})
    """
    base = check_base(base)
    register = _register(dataset)
    default = is_default(dataset)
    documents = (dataset.plan, dataset.classification) if default else dataset.documents
    schemes = {d.id: base + d.id for d in documents}

    concepts = [
        (spec, record)
        for spec in dataset.kinds.values()
        if spec.document is not None and issubclass(spec.document, Plan)
        for record in members(dataset, spec)
        if isinstance(record, Record)
    ]
    homes = {record.id: _homes(dataset, record, schemes, default) for _, record in concepts}
    nodes: dict[str, dict[str, Any]] = {}
    for found in documents:
        scheme_iri = schemes[found.id]
        tops = [base + r.id for spec, r in concepts if _top(spec, r) and scheme_iri in homes[r.id]]
        if isinstance(found, Plan):
            nodes[scheme_iri] = _plan_scheme(found, register, tops, default=default)
        else:
            nodes[scheme_iri] = _classification_scheme(found, register, base, tops)
            for category in found.categories:
                values = _values(spec_of(dataset, type(category), "export()"))
                nodes[base + category.id] = _concept(register, category, scheme_iri, top=True, values=values)
        for spec, record in concepts:
            if homes[record.id][:1] == [scheme_iri]:  # a concept comes after its first scheme
                scheme = homes[record.id]
                nodes[base + record.id] = _concept(
                    register,
                    record,
                    scheme[0] if len(scheme) == 1 else scheme,
                    top=_top(spec, record),
                    values=_values(spec),
                )
    for spec, record in concepts:  # an agency no document of the dataset holds: a concept of no scheme
        if not homes[record.id]:
            nodes[base + record.id] = _concept(register, record, [], top=False, values=_values(spec))
            del nodes[base + record.id]["inScheme"]

    for link in links(dataset):
        forward, back = link.column.skos
        subject, target = base + link.source, base + link.target
        _link(nodes, subject, forward, target)
        if back is not None and target in nodes:  # a target outside the dataset gets no link back
            _link(nodes, target, back, subject)
    _lineage_links(dataset, nodes, base)

    graph: list[dict[str, Any]] = [_ordered({"@id": iri, **node}) for iri, node in nodes.items()]
    graph += (  # one node per register entry; two entries of one address would be one node in RDF
        {
            "@id": _source_node(source),
            "sourceKey": source.key,
            "description": source.description,
            **({} if source.reliability is None else {"reliability": source.reliability}),
        }
        for source in register.values()
    )
    example = _example(dataset)
    graph += (
        {"@id": f"sei:{name}", "@type": "rdf:Property", "label": name, "comment": comment.format(example=example)}
        for name, comment in _VOCABULARY
    )
    context = _context(base)
    keys = {key for node in nodes.values() for key in node}
    for name, iri in _MATCHES.items():
        if name in keys and name not in context:
            context[name] = {"@id": iri, "@type": "@id"}
    for predicate, comment in _PREDICATE_COMMENTS.items():
        term = _term(predicate)
        if term in keys:
            context[term] = {"@id": f"sei:{term}", "@type": "@id"}
            context |= {
                "domain": {"@id": "rdfs:domain", "@type": "@id"},
                "range": {"@id": "rdfs:range", "@type": "@id"},
            }
            graph.append(
                {
                    "@id": f"sei:{term}",
                    "@type": ["owl:ObjectProperty", "rdf:Property"],
                    "label": predicate.replace("_", " "),
                    "comment": comment,
                    "domain": "skos:ConceptScheme",
                    "range": "skos:ConceptScheme",
                }
            )
    declared = {name for name, _ in _VOCABULARY}
    for spec in dataset.kinds.values():  # a kind's own value columns that the vocabulary lacks: sei:<term>
        for column in _values(spec) if spec.document is not None else ():
            term = _term(column.name)
            used = any(term in n for n in nodes.values())
            if used and term not in context:
                context[term] = f"sei:{term}"
            if used and term not in declared and context[term] == f"sei:{term}":
                declared.add(term)
                graph.append(
                    {"@id": f"sei:{term}", "@type": "rdf:Property", "label": term, "comment": column.description}
                )
    return {"@context": context, "@graph": graph}


def dumps(doc: dict[str, Any]) -> str:
    """The JSON-LD text of a document: UTF-8 characters as they are, one space of indent, a final newline.

    Keys keep the order :func:`document` gives them (``@id`` and ``@type`` first), so
    the same data always gives the same bytes.
    """
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def write_jsonld(
    dataset: _loader.Dataset, path: Path, *, overwrite: bool = False, base: str | None = None, **_: object
) -> list[Path]:
    """Write the SKOS graph as one JSON-LD file, atomically, with its context inline.

    Args:
        path: the file to write.
        overwrite: replace an existing file.
        base: the base of the concepts' IRIs (``None`` for ``urn:sei-policy:``).

    Raises:
        ExportError: ``path`` exists and ``overwrite`` is false, or its folder does not exist.
        InvalidArgumentError: ``base`` is not an absolute IRI ending with ``/``, ``#`` or ``:``.
    """
    text = dumps(document(dataset, base))
    with atomic_path(path, overwrite=overwrite) as target:
        write_text(target, text)
    return [Path(path)]


def write_turtle(
    dataset: _loader.Dataset, path: Path, *, overwrite: bool = False, base: str | None = None, **_: object
) -> list[Path]:
    """Write the same graph as :func:`write_jsonld`, in Turtle, atomically, through rdflib.

    rdflib parses the JSON-LD document and writes its triples. The blank nodes (the
    claims, and the seed, which has no address) are given labels computed from their
    content (``rdflib.compare.to_canonical_graph``), so the file is the same on every run.

    Raises:
        MissingExtraError: rdflib is not installed (``python -m pip install '.[rdf]'`` from a checkout).
        ExportError: ``path`` exists and ``overwrite`` is false, or its folder does not exist.
        InvalidArgumentError: ``base`` is not an absolute IRI ending with ``/``, ``#`` or ``:``.
    """
    try:
        import rdflib
        from rdflib.plugins.serializers.turtle import TurtleSerializer
    except ImportError:
        raise MissingExtraError("export to turtle", "rdf", "rdflib") from None
    base = check_base(base)
    with warnings.catch_warnings():
        # rdflib 7's JSON-LD parser makes a ConjunctiveGraph of its own, and warns of it (RDFLib/rdflib#3064).
        warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
        parsed = rdflib.Graph().parse(data=dumps(document(dataset, base)), format="json-ld")
    graph = rdflib.Graph(bind_namespaces="none")
    for prefix, namespace in (
        ("dcterms", DCTERMS),
        ("owl", OWL),
        ("rdf", RDF),
        ("rdfs", RDFS),
        ("sei", vocabulary(base)),
        ("skos", SKOS),
        ("xsd", XSD),
    ):
        graph.bind(prefix, namespace)
    graph += _relabelled(parsed)

    class Serializer(TurtleSerializer):
        """rdflib's Turtle, with the schemes first, then the concepts, the properties and the sources."""

        # rdflib's names for rdflib's settings
        topClasses = [rdflib.URIRef(SKOS + "ConceptScheme"), rdflib.URIRef(SKOS + "Concept"), rdflib.RDF.Property]  # noqa: N815, RUF012
        predicateOrder = [rdflib.RDF.type, *(rdflib.URIRef(iri) for iri in _PREDICATES)]  # noqa: N815, RUF012

    stream = io.BytesIO()
    Serializer(graph).serialize(stream, encoding="utf-8")
    with atomic_path(path, overwrite=overwrite) as target:
        target.write_bytes(stream.getvalue())
    return [Path(path)]


def _relabelled(graph: rdflib.Graph) -> Iterator[tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node]]:
    """The triples of ``graph`` with each blank node labelled from what it says and what points to it.

    The parser labels blank nodes at random, and Turtle writes them in the order of their
    labels; a label made from the node's own triples (its subject and predicate, its
    predicates and values) gives the same file on every run. Two nodes with the same
    triples are told apart by a count, in an order that cannot matter: they are alike.
    """
    import rdflib

    def signature(node: rdflib.BNode) -> str:
        into = sorted(
            f"{s.n3()} {p.n3()}" for s, p in graph.subject_predicates(node) if not isinstance(s, rdflib.BNode)
        )
        out = sorted(
            f"{p.n3()} {'[]' if isinstance(o, rdflib.BNode) else o.n3()}" for p, o in graph.predicate_objects(node)
        )
        return "\n".join((*into, "|", *out))

    nodes = {term for triple in graph for term in triple if isinstance(term, rdflib.BNode)}
    labels: dict[rdflib.term.Node, rdflib.term.Node] = {}
    seen: dict[str, int] = {}
    for text, node in sorted(((signature(n), n) for n in nodes), key=lambda pair: pair[0]):
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        seen[digest] = seen.get(digest, 0) + 1
        labels[node] = rdflib.BNode(f"b{digest}" if seen[digest] == 1 else f"b{digest}x{seen[digest]}")
    for subject, predicate, value in graph:
        yield labels.get(subject, subject), predicate, labels.get(value, value)


def recognise_jsonld(dataset: _loader.Dataset, path: Path) -> bool:
    """Whether ``path`` is a JSON-LD export of the library: its context declares SKOS and the ``sei`` vocabulary."""
    body = read_json(path)
    if not isinstance(body, dict):
        return False
    context = body.get("@context")
    return (
        isinstance(context, dict)
        and context.get("skos") == SKOS
        and str(context.get("sei", "")).endswith(("vocab#", "vocab/"))
        and isinstance(body.get("@graph"), list)
    )


def recognise_turtle(dataset: _loader.Dataset, path: Path) -> bool:
    """Whether ``path`` is a Turtle export of the library: it opens with its prefixes, ``sei`` among them."""
    try:
        if not path.is_file():
            return False
        with open(path, "rb") as file:
            head = file.read(4096).decode("utf-8", "replace")
    except OSError:
        return False
    lines = head.splitlines()
    return f"@prefix skos: <{SKOS}> ." in lines and any(
        line.startswith("@prefix sei: <") and line.endswith(("vocab#> .", "vocab/> .")) for line in lines
    )
