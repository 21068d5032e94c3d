"""A Sphinx extension that writes the "Every record" page from the shipped data, at build time.

``docs/records.md`` holds the page's title, its introduction and one marker::

    ```{sei-records}
    ```

When Sphinx reads that page, the ``source-read`` handler below replaces the marker
with one section per record, generated from ``sei_policy``'s data: the plan, its
records kind by kind, then the NBS 2018 fields, each in document order. Nothing is
written to disk, so there is no generated file to commit or to ignore, and pytest's
doctest glob sees only the hand-written page.

Each record's section carries an explicit target: its identifier with ``:``
replaced by ``-`` (:func:`anchor`), so ``records.html#action-new-materials`` and
``records.html#nbs-2018-3`` are stable links. The data files are noted as
dependencies of the page: a change to the data rebuilds it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

import sei_policy as sp

DOCNAME = "records"
MARKER = re.compile(r"^```\{sei-records\}[ \t]*\n```[ \t]*$", re.MULTILINE)

# What each kind is, as a heading for its records.
HEADINGS = {
    sp.Kind.PRIORITY: "Priorities: the six stabilities (六稳)",
    sp.Kind.GUARANTEE: "Guarantees: the six guarantees (六保)",
    sp.Kind.OBJECTIVE: "Objectives: the reasons the preamble gives",
    sp.Kind.REQUIREMENT: "Requirements: parts 二 to 五",
    sp.Kind.ACTION: "Actions: items (一) to (二十)",
    sp.Kind.INDUSTRY: "Industries: the eight key industries",
    sp.Kind.TARGET: "Targets: the numeric targets of action 9",
    sp.Kind.AGENCY: "Agencies: issuing and responsible bodies",
    sp.Kind.NBS_2018: "NBS 2018 fields: the Strategic Emerging Industries Classification (2018)",
}

# The fields every record has, shown in the same place for each; other fields follow.
COMMON = frozenset(a.name for a in attrs.fields(sp.Record))

_ESCAPED = frozenset("\\`*_[]{}<>#|~$&!")


def anchor(identifier: str) -> str:
    """The anchor of a record on the page: its identifier with ``:`` (and ``/``) replaced by ``-``.

    >>> anchor("action:new-materials"), anchor("nbs-2018:3")
    ('action-new-materials', 'nbs-2018-3')
    """
    return identifier.replace(":", "-").replace("/", "-")


def escape(text: str) -> str:
    """Text from the data, safe as inline MyST Markdown: every character with a meaning escaped.

    >>> escape("NDRC High-Tech [2020] No. 1409")
    'NDRC High-Tech \\\\[2020\\\\] No. 1409'
    """
    out = "".join("\\" + c if c in _ESCAPED else c for c in text)
    # Text that starts with "-", "+" or "1." would start a list.
    number = re.match(r"\d+(?=[.)])", out)
    if number:
        return out[: number.end()] + "\\" + out[number.end() :]
    return "\\" + out if out[:1] in ("-", "+") else out


def link(identifier: str) -> str:
    """A reference to a record's section, shown as its notation and identifier."""
    record = sp.get(identifier)
    notation = getattr(record, "notation", None)
    shown = f"{notation} {identifier}" if notation else identifier
    return f"{{ref}}`{shown} <{anchor(identifier)}>`"


def status(record: Any, field: str) -> str:
    """``(status)`` after a value whose support differs from the record's, else nothing."""
    own = record.provenance.status_of(field)
    return "" if own is record.provenance.status else f" *({own})*"


def value(record: Any, field: str, text: str | None) -> str:
    """A value with its status, or "not known" with the reason its claim gives."""
    if not text:
        claim = record.provenance.claim(field)
        why = f": {escape(claim.note)}" if claim is not None and claim.note else ""
        return f"not known{why}"
    return escape(text) + status(record, field)


def entry(term: str, definition: str) -> list[str]:
    """One term of a definition list."""
    return [term, f": {definition}", ""]


def source_anchor(key: str) -> str:
    """The anchor of a source's entry in the register at the end of the page.

    >>> source_anchor("S14b"), source_anchor("seed")
    ('source-s14b', 'source-seed')
    """
    return "source-" + key.lower()


def sources(keys: tuple[str, ...]) -> str:
    """The register keys a status rests on, each a link to its entry, in brackets after it; nothing when there are none.

    >>> sources(("S4", "seed"))
    ' ({ref}`S4 <source-s4>`, {ref}`seed <source-seed>`)'
    """
    return " (" + ", ".join(f"{{ref}}`{k} <{source_anchor(k)}>`" for k in keys) + ")" if keys else ""


def register(plan: sp.Plan) -> Iterator[str]:
    """The source register, one entry per source with its anchor, in the register's order."""
    yield "(source-register)="
    yield "## The source register"
    yield ""
    yield "Every source that a status above cites, by its key. The keys are labels, not a count or a ranking."
    yield ""
    for source in plan.sources:
        yield f"({source_anchor(source.key)})="
        yield f"### {escape(source.key)}"
        yield ""
        yield from entry("Description", escape(source.description))
        address = f"<{source.address}>" if source.address else "not recorded"
        yield from entry("Address", address)
        if source.reliability:
            yield from entry("Reliability", escape(source.reliability))


def section(record: Any, level: int) -> Iterator[str]:
    """The Markdown of one record's section."""
    is_plan = isinstance(record, sp.Plan)
    notation = "The plan" if is_plan else record.notation
    title = record.title.en or record.title.zh or ""
    yield f"({anchor(record.id)})="
    yield f"{'#' * level} {escape(notation)} · {escape(title)}"
    yield ""
    yield from entry("Identifier", f"`{record.id}`")
    if not is_plan:
        shown = f"`{record.notation}`, number {record.number}"
        marks = dict.fromkeys((status(record, "notation"), status(record, "number")))  # once if the same
        yield from entry("Notation", shown + "".join(marks))
    yield from entry("English title", value(record, "title.en", record.title.en))
    yield from entry("Chinese title", value(record, "title.zh", record.title.zh))
    if is_plan:
        yield from entry("Document number", value(record, "document_number", record.document_number))
        yield from entry("In English", value(record, "document_number_en", record.document_number_en))
        yield from entry("Issued by", ", ".join(link(i) for i in record.issuer_ids))
        for field in ("issued", "published", "written"):
            date = getattr(record, field)
            yield from entry(field.capitalize(), value(record, field, None if date is None else date.isoformat()))
    if record.aliases.all:
        yield from entry("Also called", value(record, "aliases", "; ".join(record.aliases.all)))
    yield from entry("Summary", value(record, "summary", record.summary))
    if record.keywords.all or record.provenance.status_of("keywords") is sp.Status.UNVERIFIED:
        yield from entry("Keywords", value(record, "keywords", "; ".join(record.keywords.all)))
    if not is_plan:
        for field in attrs.fields(type(record)):
            if field.name in COMMON:
                continue
            held = getattr(record, field.name)
            # Empty: "not known" where a claim says no source gives the value, else "none".
            unknown = record.provenance.status_of(field.name) is sp.Status.UNVERIFIED
            if held is None or held == ():
                shown = "not known" if unknown else "none"
            elif field.name.endswith("_ids"):
                shown = ", ".join(link(i) for i in held)
            elif field.name.endswith("_id"):
                shown = link(held)
            else:
                shown = escape(str(held))
            yield from entry(f"`{field.name}`", shown + status(record, field.name))
    prov = record.provenance
    yield from entry("Status", f"{prov.status}{sources(prov.source_keys)}")
    if prov.note:
        yield from entry("Note", escape(prov.note))
    if prov.fields:
        yield "Fields with a status of their own"
        for claim in prov.fields:
            note = f": {escape(claim.note)}" if claim.note else ""
            yield f": `{claim.field}`: {claim.status}{sources(claim.source_keys)}{note}"
            yield ""
        yield ""


def generate() -> str:
    """Every record's section, grouped by kind, in document order."""
    # The page shows the 2020 plan and NBS 2018: the kinds their records have (the lineage's own kinds have none here).
    kinds = [kind for kind in sp.Kind if kind != sp.Kind.PLAN and sp.records(kind=kind)]
    if list(HEADINGS) != kinds:
        raise ExtensionError(f"records.py: HEADINGS must name every kind of the plan's records, in the order {kinds}")
    plan = sp.plan()
    lines = list(section(plan, 2))
    for kind, heading in HEADINGS.items():  # every kind but the plan, in document order
        lines += [f"## {heading}", ""]
        for record in sp.records(kind=kind):
            lines += section(record, 3)
    lines += register(plan)
    return "\n".join(lines) + "\n"


def fill(app: Sphinx, docname: str, source: list[str]) -> None:
    """Replace the marker on the records page with the generated sections."""
    if docname != DOCNAME:
        return
    if len(MARKER.findall(source[0])) != 1:
        raise ExtensionError(f"{DOCNAME}.md must hold exactly one ```{{sei-records}}``` marker")
    data = Path(sp.__file__).parent / "data"
    for path in sorted(data.glob("*.json")):
        app.env.note_dependency(str(path))
    app.env.note_dependency(__file__)
    source[0] = MARKER.sub(lambda _: generate(), source[0])


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("source-read", fill)
    return {"version": sp.__version__, "parallel_read_safe": True, "parallel_write_safe": True}
