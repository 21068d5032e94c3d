"""Showing the data to people: the plan's overview as text, HTML for notebooks, pretty text for IPython.

Records, the plan, the classification and search results call :func:`html`
from their ``_repr_html_`` and :func:`pretty` from their ``_repr_pretty_``, so
Jupyter shows them as cards and tables; this module is imported only then.

>>> import sei_policy as sp
>>> print(sp.overview().splitlines()[0])
关于扩大战略性新兴产业投资　培育壮大新增长点增长极的指导意见
"""

from __future__ import annotations

import html as _html
from typing import Any

from sei_policy._loader import load
from sei_policy.models import Plan

__all__ = ("html", "overview", "pretty")


def overview() -> str:
    """The plan at a glance, as text: its titles, number, issuers and dates, then each requirement with its actions.

    It is what ``sei-policy`` prints with no arguments.

    >>> import sei_policy as sp
    >>> text = sp.overview()
    >>> "R1  Focus on key industrial areas  聚焦重点产业投资领域" in text, text.count("\\n  A")
    (True, 20)
    """
    plan = load().plan
    issuers = ", ".join(a.notation for a in plan.issuers())
    lines = [plan.title.zh or "", plan.title.en or "", f"{plan.document_number} ({plan.document_number_en})"]
    issued = f"Issued {plan.issued.isoformat()} by {issuers}"
    if plan.published is not None:
        issued += f"; made public {plan.published.isoformat()} ({plan.provenance.status_of('published')})"
    lines += [issued, f"Data edition {plan.edition}"]
    for requirement in plan.requirements:
        lines += ["", _line(requirement.notation, requirement.title.en, requirement.title.zh)]
        lines += ["  " + _line(a.notation, a.title.en, a.title.zh) for a in plan.actions_of(requirement)]
    return "\n".join(lines) + "\n"


def _line(notation: str, en: str | None, zh: str | None) -> str:
    return f"{notation:<4}{en or '—'}" + (f"  {zh}" if zh else "")


def html(value: Any) -> str:
    """``value`` (a record, the plan, the classification or search results) as compact, escaped HTML."""
    return f"<pre>{_html.escape(repr(value))}</pre>"


def pretty(value: Any, printer: Any, cycle: bool) -> None:
    """Write ``value`` to an IPython pretty printer as readable multi-line text."""
    printer.text(repr(value) if cycle or not isinstance(value, Plan) else overview())
