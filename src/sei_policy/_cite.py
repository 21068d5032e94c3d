"""Citations: how to cite a document of the lineage or one record of it, in prose or in BibTeX.

A citation names the record by its stable identifier and titles, its document
by its number (where known), issuers and date, the library's version and data
edition (so a reader can get the same data again), and the sources the record
rests on.

>>> import sei_policy as sp
>>> print(sp.cite("action:new-materials").split(" (加快")[0])
The sei_policy developers (2026). "Accelerate the new materials industry in strengthening areas of weakness"
"""

from __future__ import annotations

import contextlib
import re
from typing import Literal

from sei_policy import _loader
from sei_policy._about import AUTHOR, DATA_LICENCE, __version__
from sei_policy._lookup import lookup
from sei_policy.errors import (
    InvalidArgumentError,
    InvalidArgumentTypeError,
    UnknownIdentifierError,
)
from sei_policy.models import KINDS, Classification, Plan, PlanOrRecord, Record, Source

__all__ = ("cite",)


Style = Literal["text", "bibtex"]


def cite(ref: str | PlanOrRecord | Classification, style: Style = "text") -> str:
    """A citation of a record or of a document (a plan or a classification), in ``"text"`` or ``"bibtex"`` style.

    The citation holds the record's identifier and titles, the document it belongs
    to (by its title, document number where known, issuers and date or year; or the
    NBS 2018 classification), the package version and data edition, and the sources
    the record rests on, from the register, with their addresses.

    ``ref`` is a record or a document itself, or a key: the classification's
    identifier ``"nbs-2018"`` in any case (``"NBS-2018"``), anything
    :func:`sei_policy.lookup` takes, which names a record or the 2020 plan (an
    identifier such as ``"action:new-materials"``, ``"plan:sei-2020"`` or
    ``"nbs-2018:3"``, a bare slug, a notation such as ``"A4"``, ``"NBS-3"`` or
    ``"NDRC"``, a title, an alias or the document number, in English or Chinese,
    in any case or width), the full identifier of another document's record
    (``"sei-2010/industry:new-materials"``), or another document of the lineage
    by its key, identifier, number or title (``"sei-2010"``, ``"nbs-industrial-2023"``).

    In BibTeX, LaTeX's special characters are escaped (``sei\\_policy``) and the
    capitals of acronyms and notations are braced (``{SEI}``, ``{A4}``), so that a
    style that changes a title's case keeps them.

    Args:
        ref: a record, the plan, the classification, or a key as above.
        style: ``"text"`` for a reference list, ``"bibtex"`` for LaTeX.

    Raises:
        UnknownIdentifierError: ``ref`` names no record (``AmbiguousLookupError`` if several).
        InvalidArgumentError: ``style`` is neither ``"text"`` nor ``"bibtex"``.

    >>> import sei_policy as sp
    >>> print(sp.cite("plan:sei-2020", style="bibtex").splitlines()[0])
    @misc{sei_policy_plan_sei_2020,
    >>> "of the NBS 2018 classification" in sp.cite("nbs-2018:3"), "1409号" in sp.cite("nbs-2018:3")
    (True, False)
    >>> sp.cite("NBS-2018") == sp.cite("nbs-2018") == sp.cite(sp.classification())
    True
    >>> print(sp.cite("sei-2010").split(". In sei_policy")[0])  # doctest: +ELLIPSIS
    The sei_policy developers (...). "Decision of the State Council on ..." [plan:sei-2010]: ..., 国发〔2010〕32号, ...
    >>> "I6 [sei-2010/industry:new-materials] of Decision of the State Council" in sp.cite("sei-2010/I6")
    True
    """
    dataset = _loader.load()
    if isinstance(ref, str):
        wanted = ref.strip().casefold()
        named = (d for d in dataset.documents if isinstance(d, Classification) and d.id.casefold() == wanted)
        found: PlanOrRecord | Classification = next(named, None) or _find(ref)
    elif isinstance(ref, Record | Plan | Classification):
        found = ref
    else:
        raise InvalidArgumentTypeError("cite()", "ref", "a key, a record, the plan or the classification", ref)
    if style not in ("text", "bibtex"):
        raise InvalidArgumentError(f"cite() knows the styles 'text' and 'bibtex', not {style!r}"[:200])
    return _text(found) if style == "text" else _bibtex(found)


def _find(key: str) -> PlanOrRecord | Classification:
    """What a key names: a record or the 2020 plan, a document of the lineage, or a record of another document."""
    try:
        return lookup(key)
    except UnknownIdentifierError as error:
        missed = error
    try:
        return _loader.find_document(key, "cite()")
    except UnknownIdentifierError as error:
        unknown = error
    with contextlib.suppress(UnknownIdentifierError):  # sei-2010/I6, nbs-industrial-2023:3, 数字创意
        return lookup(key, document="all")
    if unknown.suggestions:  # close to a document's key: that is what was probably meant
        raise unknown from None
    raise missed from None


def _year() -> str:
    return _loader.load().plan.edition.split(".")[0]


def _plan_line(plan: Plan) -> str:
    issuers = ", ".join(a.notation for a in plan.issuers())
    issued = "an unknown date" if plan.issued is None else plan.issued.isoformat()
    return f"{plan.title.en} ({plan.title.zh}), {plan.document_number}, issued by {issuers} on {issued}"


def _classification_line(classification: Classification) -> str:
    order = (classification.note or "").split(",")[0]
    return f"the NBS 2018 classification {classification.title.zh}, {order}"


def _document_line(document: Plan | Classification) -> str:
    """A document by its titles, its number where known, its issuers and its date (or year), for a citation.

    >>> line = _document_line(_loader.find_document("sei-2010"))
    >>> "(国务院关于加快培育和发展战略性新兴产业的决定), 国发〔2010〕32号" in line, "by SC on 2010-" in line
    (True, True)
    """
    base = _loader.load()
    if document is base.plan:
        return _plan_line(document)
    if document is base.classification:
        return _classification_line(document)
    en, zh = document.title.en, document.title.zh
    title = f"{en} ({zh})" if en and zh else en or zh or document.id
    number = f", {document.document_number}" if document.document_number else ""
    issuers = ", ".join(a.notation for a in document.issuers()) or "issuers not known"
    issued = getattr(document, "issued", None)
    if issued is not None:
        when = f"issued by {issuers} on {issued.isoformat()}"
    elif document.adopted is not None:
        when = f"adopted by {issuers} on {document.adopted.isoformat()}"
    elif document.published is not None:
        when = f"issued by {issuers}, made public on {document.published.isoformat()}"
    elif document.dated_year is not None:
        when = f"issued by {issuers} in {document.dated_year}"
    else:
        when = f"issued by {issuers} on an unknown date"
    return f"{title}{number}, {when}"


def _document_of(record: Record) -> Plan | Classification:
    """The document a record belongs to (an agency, which documents share, the 2020 plan's)."""
    dataset = _loader.load()
    held = next((d for d in dataset.documents if d.id == record.document_id), None)
    if held is not None:
        return held
    if record.document_id:
        return _loader.lineage().document(record.document_id)
    return dataset.classification if KINDS[record.kind].document is Classification else dataset.plan


def _what(record: PlanOrRecord | Classification) -> str:
    """The record by its titles, kind, notation and identifier."""
    if isinstance(record, Plan | Classification):
        return f'"{record.title.en or record.title.zh}" [{record.id}]'
    titles = f'"{record.title.en}"' if record.title.en else f'"{record.title.zh}"'
    if record.title.en and record.title.zh:
        titles += f" ({record.title.zh})"
    return f"{titles}, {KINDS[record.kind].label} {record.notation} [{record.id}]"


def _of(record: PlanOrRecord | Classification) -> str:
    """The document a record belongs to, for the citation: `` of <the plan>`` or `` of <the classification>``."""
    dataset = _loader.load()
    if isinstance(record, Plan | Classification):
        return ""
    document = _document_of(record)
    if document is dataset.classification:
        return f" of {_classification_line(dataset.classification)}"
    if document is dataset.plan:
        return f" of {dataset.plan.title.en} ({dataset.plan.document_number})"
    when = document.document_number or (f"{document.key}, {document.dated_year or 'year not known'}")
    return f" of {document.title.en or document.title.zh} ({when})"


def _sources(record: PlanOrRecord | Classification) -> list[Source]:
    plan = _loader.load().plan
    keys = record.source_keys if isinstance(record, Classification) else record.provenance.all_source_keys
    register = {source.key: source for source in plan.sources}
    if any(key not in register for key in keys):  # a lineage document's sources: its register too
        register.update((source.key, source) for source in _loader.lineage().sources)
    return [register[key] for key in keys if key in register]


def _source_text(source: Source) -> str:
    return f"{source.key}: {source.description}" + (f", {source.address}" if source.address else "")


def _text(record: PlanOrRecord | Classification) -> str:
    plan = _loader.load().plan
    where = f"In sei_policy {__version__}, data edition {plan.edition}, licensed {DATA_LICENCE}."
    sources = "; ".join(_source_text(s) for s in _sources(record))
    if isinstance(record, Plan | Classification):
        head = f"{AUTHOR} ({_year()}). {_what(record)}: {_document_line(record)}, as structured data."
    else:
        head = f"{AUTHOR} ({_year()}). {_what(record)}{_of(record)}."
    return f"{head} {where} Sources: {sources}."


_LATEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
          "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}  # fmt: skip


def _escape(text: str) -> str:
    r"""Text safe inside a BibTeX field: LaTeX's special characters escaped, each once.

    >>> print(_escape("a_b {c} 100% \\ ~"))
    a\_b \{c\} 100\% \textbackslash{} \textasciitilde{}
    """
    return "".join(_LATEX.get(char, char) for char in text)


_ACRONYM = re.compile(r"(?<![\\\w])(?=\w*[A-Z])(?:[A-Z]\w*[A-Z0-9]\w*|\w+[A-Z]\w*)")
"""A word with a capital after its first letter or a digit beside a capital (``SEI``, ``NDRC``, ``A4``, ``5G``),
not a LaTeX command (its backslash comes first)."""


def _protect(text: str) -> str:
    r"""Text with the capitals of acronyms and notations braced, so that BibTeX styles keep their case.

    >>> print(_protect(r"SEI clusters of NDRC, action A4, 5G and Guiding Opinions \textbackslash{}"))
    {SEI} clusters of {NDRC}, action {A4}, {5G} and Guiding Opinions \textbackslash{}
    """
    return _ACRONYM.sub(lambda match: "{" + match.group(0) + "}", text)


def _bibtex(record: PlanOrRecord | Classification) -> str:
    plan = _loader.load().plan
    key = "sei_policy_" + "".join(c if c.isalnum() else "_" for c in record.id)
    document = _document_line(record if isinstance(record, Plan | Classification) else _document_of(record))
    sources = "; ".join(_source_text(s) for s in _sources(record))
    fields = {
        "author": f"{{{_escape(AUTHOR)}}}",
        "title": _protect(_escape(_what(record) + _of(record))),
        "year": _year(),
        "version": f"{__version__}, data edition {plan.edition}",
        "note": _escape(f"{document}. Identifier {record.id}. Licensed {DATA_LICENCE}. Sources: {sources}"),
        "howpublished": _escape("sei_policy, a Python data library"),
    }
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    return f"@misc{{{key},\n{body}\n}}"
