"""Citations: how to cite the plan or one record of it, in prose or in BibTeX.

A citation names the record by its stable identifier and titles, the plan by
its document number and issuers, the library's version and data edition (so
a reader can get the same data again), and the sources the record rests on.

>>> import sei_policy as sp
>>> print(sp.cite("action:new-materials").split(" (加快")[0])
The sei_policy developers (2026). "Accelerate the new materials industry in strengthening areas of weakness"
"""

from __future__ import annotations

from typing import Literal

from sei_policy import __version__, _loader
from sei_policy._lookup import get
from sei_policy.errors import ArgumentTypeError, InvalidArgumentError
from sei_policy.models import AnyRecord, Plan, Record, Source

__all__ = ("AUTHOR", "cite")

AUTHOR = "The sei_policy developers"
"""Who the data set is credited to; the sources of each record are credited in the citation itself."""

Style = Literal["text", "bibtex"]


def cite(ref: str | AnyRecord, style: Style = "text") -> str:
    """A citation of a record or of the plan, from its identifier, in ``"text"`` or ``"bibtex"`` style.

    The citation holds the record's identifier and titles, the plan's title,
    document number, issuers and date, the package version and data edition, and
    the record's sources from the register (with their addresses).

    Args:
        ref: a full identifier (``"action:new-materials"``, ``"plan:sei-2020"``) or a record.
        style: ``"text"`` for a reference list, ``"bibtex"`` for LaTeX.

    Raises:
        UnknownIdentifierError: ``ref`` is not an identifier of the data.
        InvalidArgumentError: ``style`` is neither ``"text"`` nor ``"bibtex"``.

    >>> import sei_policy as sp
    >>> print(sp.cite("plan:sei-2020", style="bibtex").splitlines()[0])
    @misc{sei_policy_plan_sei_2020,
    """
    if isinstance(ref, str):
        record = get(ref)
    elif isinstance(ref, Record | Plan):
        record = ref
    else:
        raise ArgumentTypeError("cite()", "ref", "an identifier or a record", ref)
    if style == "text":
        return _text(record)
    if style == "bibtex":
        return _bibtex(record)
    raise InvalidArgumentError(f"cite() knows the styles 'text' and 'bibtex', not {style!r}"[:200])


def _year() -> str:
    return _loader.load().plan.edition.split(".")[0]


def _plan_line(plan: Plan) -> str:
    issuers = ", ".join(a.notation for a in plan.issuers())
    issued = plan.issued.isoformat()
    return f"{plan.title.en} ({plan.title.zh}), {plan.document_number}, issued by {issuers} on {issued}"


def _what(record: AnyRecord) -> str:
    """The record by its titles, kind, notation and identifier."""
    if isinstance(record, Plan):
        return f'"{record.title.en}" [{record.id}]'
    titles = f'"{record.title.en}"' if record.title.en else f'"{record.title.zh}"'
    if record.title.en and record.title.zh:
        titles += f" ({record.title.zh})"
    return f"{titles}, {record.kind} {record.notation} [{record.id}]"


def _sources(record: AnyRecord) -> list[Source]:
    plan = _loader.load().plan
    return [plan.source(key) for key in record.provenance.all_source_keys]


def _source_text(source: Source) -> str:
    return f"{source.key}: {source.description}" + (f", {source.address}" if source.address else "")


def _text(record: AnyRecord) -> str:
    plan = _loader.load().plan
    of = "" if isinstance(record, Plan) else f" of {plan.title.en} ({plan.document_number})"
    where = f"In sei_policy {__version__}, data edition {plan.edition}, licensed CC BY 4.0."
    sources = "; ".join(_source_text(s) for s in _sources(record))
    head = f"{AUTHOR} ({_year()}). {_what(record)}{of}."
    if isinstance(record, Plan):
        head = f"{AUTHOR} ({_year()}). {_what(record)}: {_plan_line(plan)}, as structured data."
    return f"{head} {where} Sources: {sources}."


def _escape(text: str) -> str:
    """Text safe inside a BibTeX field: braces kept balanced, LaTeX's special characters escaped."""
    for char, escaped in (("\\", r"\textbackslash{}"), ("{", r"\{"), ("}", r"\}"), ("&", r"\&"), ("%", r"\%"),
                          ("$", r"\$"), ("#", r"\#"), ("_", r"\_")):  # fmt: skip
        text = text.replace(char, escaped)
    return text


def _bibtex(record: AnyRecord) -> str:
    plan = _loader.load().plan
    key = "sei_policy_" + "".join(c if c.isalnum() else "_" for c in record.id)
    title = _what(record) + ("" if isinstance(record, Plan) else f" of {plan.title.en}")
    sources = "; ".join(_source_text(s) for s in _sources(record))
    fields = {
        "author": f"{{{AUTHOR}}}",
        "title": _escape(title),
        "year": _year(),
        "version": f"{__version__}, data edition {plan.edition}",
        "note": _escape(f"{_plan_line(plan)}. Identifier {record.id}. Licensed CC BY 4.0. Sources: " + sources),
        "howpublished": "sei\\_policy, a Python data library",
    }
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    return f"@misc{{{key},\n{body}\n}}"
