"""Citations: how to cite the plan or one record of it, in prose or in BibTeX.

A citation names the record by its stable identifier and titles, the plan by
its document number and issuers, the library's version and data edition (so
a reader can get the same data again), and the sources the record rests on.

>>> import sei_policy as sp
>>> print(sp.cite("action:new-materials").split(" (加快")[0])
The sei_policy developers (2026). "Accelerate the new materials industry in strengthening areas of weakness"
"""

from __future__ import annotations

import re
from typing import Literal

from sei_policy import _loader
from sei_policy._about import AUTHOR, DATA_LICENCE, __version__
from sei_policy._lookup import lookup
from sei_policy.errors import InvalidArgumentError, InvalidArgumentTypeError
from sei_policy.models import Classification, Plan, PlanOrRecord, Record, Source

__all__ = ("cite",)


Style = Literal["text", "bibtex"]


def cite(ref: str | PlanOrRecord | Classification, style: Style = "text") -> str:
    """A citation of a record, of the plan or of the classification, in ``"text"`` or ``"bibtex"`` style.

    The citation holds the record's identifier and titles, the document it belongs
    to (the plan, by its title, document number, issuers and date; or the NBS 2018
    classification), the package version and data edition, and the sources the
    record rests on, from the register, with their addresses.

    ``ref`` is a record, the plan or the classification itself, or a key: the
    classification's identifier ``"nbs-2018"`` in any case (``"NBS-2018"``), or
    anything :func:`sei_policy.lookup` takes, which names a record or the plan: an
    identifier (``"action:new-materials"``, ``"plan:sei-2020"``, ``"nbs-2018:3"``),
    a bare slug, a notation (``"A4"``, ``"NBS-3"``, ``"NDRC"``), a title, an alias
    or the document number, in English or Chinese, in any case or width.

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
    """
    dataset = _loader.load()
    if isinstance(ref, str):
        wanted = ref.strip().casefold()
        named = (d for d in dataset.documents if isinstance(d, Classification) and d.id.casefold() == wanted)
        found: PlanOrRecord | Classification = next(named, None) or lookup(ref)
    elif isinstance(ref, Record | Plan | Classification):
        found = ref
    else:
        raise InvalidArgumentTypeError("cite()", "ref", "a key, a record, the plan or the classification", ref)
    if style not in ("text", "bibtex"):
        raise InvalidArgumentError(f"cite() knows the styles 'text' and 'bibtex', not {style!r}"[:200])
    return _text(found) if style == "text" else _bibtex(found)


def _year() -> str:
    return _loader.load().plan.edition.split(".")[0]


def _plan_line(plan: Plan) -> str:
    issuers = ", ".join(a.notation for a in plan.issuers())
    issued = "an unknown date" if plan.issued is None else plan.issued.isoformat()
    return f"{plan.title.en} ({plan.title.zh}), {plan.document_number}, issued by {issuers} on {issued}"


def _classification_line(classification: Classification) -> str:
    order = (classification.note or "").split(",")[0]
    return f"the NBS 2018 classification {classification.title.zh}, {order}"


def _what(record: PlanOrRecord | Classification) -> str:
    """The record by its titles, kind, notation and identifier."""
    if isinstance(record, Plan | Classification):
        return f'"{record.title.en or record.title.zh}" [{record.id}]'
    titles = f'"{record.title.en}"' if record.title.en else f'"{record.title.zh}"'
    if record.title.en and record.title.zh:
        titles += f" ({record.title.zh})"
    return f"{titles}, {_loader.load().kinds[record.kind].label} {record.notation} [{record.id}]"


def _of(record: PlanOrRecord | Classification) -> str:
    """The document a record belongs to, for the citation: `` of <the plan>`` or `` of <the classification>``."""
    dataset = _loader.load()
    if isinstance(record, Plan | Classification):
        return ""
    if _loader.load().kinds[record.kind].document is Classification:
        return f" of {_classification_line(dataset.classification)}"
    return f" of {dataset.plan.title.en} ({dataset.plan.document_number})"


def _sources(record: PlanOrRecord | Classification) -> list[Source]:
    plan = _loader.load().plan
    keys = record.source_keys if isinstance(record, Classification) else record.provenance.all_source_keys
    return [plan.source(key) for key in keys]


def _source_text(source: Source) -> str:
    return f"{source.key}: {source.description}" + (f", {source.address}" if source.address else "")


def _text(record: PlanOrRecord | Classification) -> str:
    plan = _loader.load().plan
    where = f"In sei_policy {__version__}, data edition {plan.edition}, licensed {DATA_LICENCE}."
    sources = "; ".join(_source_text(s) for s in _sources(record))
    if isinstance(record, Plan):
        head = f"{AUTHOR} ({_year()}). {_what(record)}: {_plan_line(plan)}, as structured data."
    elif isinstance(record, Classification):
        head = f"{AUTHOR} ({_year()}). {_what(record)}: {_classification_line(record)}, as structured data."
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
    in_classification = isinstance(record, Classification) or (
        isinstance(record, Record) and _loader.load().kinds[record.kind].document is Classification
    )
    document = _classification_line(_loader.load().classification) if in_classification else _plan_line(plan)
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
