"""Showing the data to people: the plan's overview as text, HTML for notebooks, pretty text for IPython.

Records, the plan, the classification and search results call :func:`html`
from their ``_repr_html_`` and :func:`pretty` from their ``_repr_pretty_``, so
Jupyter shows them as cards and tables; this module is imported only then.

The HTML is self-contained: no script, no external resource, one ``<style>``
block whose rules all sit under the ``.sei`` class, and colours that read on
light and dark themes alike (the text keeps the theme's colour; badges and
borders are semi-transparent). Every text from the data is escaped.

>>> import sei_policy as sp
>>> print(sp.overview().splitlines()[0])
关于扩大战略性新兴产业投资　培育壮大新增长点增长极的指导意见
"""

from __future__ import annotations

import html as _html
import re
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol, TypeGuard

import attrs

from sei_policy._loader import load
from sei_policy.models import Claim, Classification, Plan, Provenance, Record

if TYPE_CHECKING:
    from sei_policy._search import Hit, Hits

__all__ = ("html", "overview", "pretty")


class _Printer(Protocol):
    """What :func:`pretty` needs of IPython's ``RepresentationPrinter``."""

    def text(self, obj: str) -> None: ...  # pragma: no cover - a protocol

    def break_(self) -> None: ...  # pragma: no cover - a protocol


# -- text ------------------------------------------------------------------------------


def overview() -> str:
    """The plan at a glance, as text: its titles, number, issuers and dates, then each requirement with its actions.

    It is what ``sei-policy`` prints with no arguments.

    >>> import sei_policy as sp
    >>> text = sp.overview()
    >>> "R1  Focus on key industrial areas  聚焦重点产业投资领域" in text, text.count("\\n  A")
    (True, 20)
    """
    return _overview(load().plan)


def _overview(plan: Plan) -> str:
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


def pretty(value: object, printer: _Printer, cycle: bool) -> None:
    """Write ``value`` to an IPython pretty printer as readable multi-line text.

    A record gives its notation and identifier, its titles, summary, terms,
    relations and status, with ``[status]`` after each field that has a claim of
    its own; the plan gives :func:`overview`; search results give one line per
    hit. Anything else, or a value met again inside itself (``cycle``), is
    written as its ``repr``.

    Args:
        value: a record, the plan, the classification or search results.
        printer: IPython's pretty printer (``text()`` and ``break_()`` are used).
        cycle: IPython's flag for a value already being printed.

    >>> import sei_policy as sp
    >>> from IPython.lib.pretty import pretty as ipython_pretty
    >>> print(ipython_pretty(sp.plan().target("T2")))
    T2  target:competitive-clusters  (target)
    internationally competitive SEI clusters  [inferred]
    具备国际竞争力的战略性新兴产业集群
    A hundred SEI clusters able to compete internationally.
    value: 100
    year: not known
    action_id: action:cluster-development-project
    status: verified; sources: S4
    >>> print(ipython_pretty(sp.search("光刻胶")))  # doctest: +ELLIPSIS
     1. ...A4     action:new-materials  Accelerate the new materials industry ...  (keywords.zh)
    """
    if cycle:
        printer.text(f"{type(value).__name__}(...)")
        return
    if _is_hits(value):
        lines = _hits_lines(value)
    elif isinstance(value, Plan):
        lines = _overview(value).splitlines()
    elif isinstance(value, Classification):
        lines = _classification_lines(value)
    elif isinstance(value, Record):
        lines = _record_lines(value)
    else:
        lines = [repr(value)]
    for i, line in enumerate(lines):
        if i:
            printer.break_()
        printer.text(line)


def _claim(provenance: Provenance, field: str) -> Claim | None:
    """The claim about exactly ``field``, if it has one of its own."""
    return next((c for c in provenance.fields if c.field == field), None)


def _mark(provenance: Provenance, field: str) -> str:
    """`` [status]`` for a field with a claim of its own, else nothing."""
    claim = _claim(provenance, field)
    return "" if claim is None else f"  [{provenance.status_of(field)}]"


def _extra_fields(record: Record) -> tuple[str, ...]:
    """The fields of the record's class beyond those every record has (``requirement_id`` …), in order."""
    common = {a.name for a in attrs.fields(Record)}
    return tuple(a.name for a in attrs.fields(type(record)) if a.name not in common)


def _plain(value: object) -> str:
    if value is None:
        return "not known"
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value) if value else "none"
    return str(value)


def _record_lines(record: Record) -> list[str]:
    p = record.provenance
    lines = [f"{record.notation}  {record.id}  ({record.kind}){_mark(p, 'notation')}"]
    lines.append((record.title.en or "(English title not known)") + _mark(p, "title.en"))
    lines.append((record.title.zh or "(Chinese title not known)") + _mark(p, "title.zh"))
    lines.append((record.summary or "(no summary)") + _mark(p, "summary"))
    for group in ("aliases", "keywords"):
        terms = getattr(record, group)
        for lang, joiner in (("en", "; "), ("zh", "；")):
            words: tuple[str, ...] = getattr(terms, lang)
            if words:
                lines.append(f"{group}.{lang}: {joiner.join(words)}{_mark(p, group)}{_mark(p, f'{group}.{lang}')}")
    for name in _extra_fields(record):
        lines.append(f"{name}: {_plain(getattr(record, name))}{_mark(p, name)}")
    lines.append(f"status: {p.status}; sources: {', '.join(p.all_source_keys) or 'none'}")
    return lines


def _classification_lines(classification: Classification) -> list[str]:
    lines = [f"{classification.title.zh or classification.title.en}  ({classification.id}, {classification.edition})"]
    for c in classification.categories:
        lines.append(_line(c.notation, c.title.en, c.title.zh) if c.title.en else f"{c.notation:<7}{c.title.zh}")
    return lines


def _is_hits(value: object) -> TypeGuard[Hits[Record | Plan]]:
    """Whether ``value`` is search results; only a search makes them, so the search code need not load here."""
    search = sys.modules.get("sei_policy._search")
    return search is not None and isinstance(value, search.Hits)


def _hits_lines(hits: Hits[Record | Plan]) -> list[str]:
    if not hits:
        return ["no record matches"]
    lines = []
    for rank, hit in enumerate(hits, start=1):
        why = ", ".join(hit.matched)
        if hit.matched == ("thesaurus",):
            why = f"through the thesaurus: {hit.reason}" if hit.reason else "through the thesaurus"
        why += "".join(f"; read {wrong!r} as {right!r}" for wrong, right in hit.corrections)
        title = hit.record.title.en or hit.record.title.zh
        lines.append(f"{rank:>2}. {hit.score:<5g} {_notation(hit.record):<6} {hit.record.id}  {title}  ({why})")
    return lines


def _notation(record: Record | Plan) -> str:
    return record.notation if isinstance(record, Record) else "—"


# -- HTML ------------------------------------------------------------------------------

# Characters that are not allowed in markup (C0 and C1 controls but tab and line ends,
# lone surrogates, non-characters): each is shown as U+FFFD.
_NOT_MARKUP = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")

_STYLE = (
    "<style>"
    ".sei{line-height:1.45;max-width:64em;margin:.2em 0}"
    ".sei-card{border:1px solid rgba(127,127,127,.4);border-radius:6px;padding:.5em .9em}"
    ".sei .sei-head{display:flex;flex-wrap:wrap;gap:.5em;align-items:baseline}"
    ".sei code{font-size:.9em;background:rgba(127,127,127,.15);padding:0 .3em;border-radius:3px}"
    ".sei .sei-notation{font-weight:bold}"
    ".sei .sei-kind,.sei .sei-none,.sei .sei-small{opacity:.72}"
    ".sei .sei-small{font-size:.85em}"
    ".sei .sei-title{font-size:1.08em;font-weight:600;margin:.15em 0}"
    ".sei .sei-summary{margin:.35em 0}"
    ".sei .sei-badge{display:inline-block;font-size:.72em;font-weight:normal;line-height:1.5;padding:0 .5em;"
    "margin-left:.35em;border-radius:.8em;border:1px solid rgba(127,127,127,.45);vertical-align:middle}"
    ".sei .sei-verified{background:rgba(46,160,67,.22)}"
    ".sei .sei-seed{background:rgba(56,132,255,.22)}"
    ".sei .sei-reported{background:rgba(210,153,34,.25)}"
    ".sei .sei-inferred{background:rgba(163,113,247,.24)}"
    ".sei .sei-unverified{background:rgba(127,127,127,.18)}"
    ".sei .sei-thesaurus{background:rgba(210,153,34,.25)}"
    ".sei dl{display:grid;grid-template-columns:max-content auto;gap:.1em .9em;margin:.4em 0}"
    ".sei dt{opacity:.72}"
    ".sei dd{margin:0}"
    ".sei ul{list-style:none;padding-left:1.3em;margin:.15em 0}"
    ".sei-plan>ul{padding-left:0}"
    ".sei table{border-collapse:collapse}"
    ".sei th,.sei td{text-align:left;vertical-align:top;padding:.2em .55em;"
    "border-bottom:1px solid rgba(127,127,127,.3)}"
    ".sei td.sei-num{text-align:right}"
    ".sei details{margin-top:.2em}"
    ".sei summary{cursor:pointer}"
    "</style>"
)


def _e(text: object) -> str:
    """``text`` (any value, written with ``str``) escaped for HTML text and attribute values."""
    return _html.escape(_NOT_MARKUP.sub("\ufffd", str(text)))


def _not_known(what: str = "not known") -> str:
    return f'<span class="sei-none" lang="en">{_e(what)}</span>'


def _badge(text: str, note: str | None = None, *, colour: str | None = None) -> str:
    """A small rounded label, coloured by its text (a status) or by ``colour``; ``note`` is its tooltip."""
    tip = f' title="{_e(note)}"' if note else ""
    return f'<span class="sei-badge sei-{_e(colour or text)}"{tip}>{_e(text)}</span>'


def _claim_badge(provenance: Provenance, field: str) -> str:
    """The status badge of a field with a claim of its own (its sources and note as the tooltip), else nothing."""
    claim = _claim(provenance, field)
    if claim is None:
        return ""
    return _badge(str(provenance.status_of(field)), _claim_note(claim))


def _claim_note(claim: Claim) -> str:
    parts = [f"{claim.field}: {claim.status}"]
    if claim.source_keys:
        parts.append("sources " + ", ".join(claim.source_keys))
    if claim.note:
        parts.append(claim.note)
    return "; ".join(parts)


def _codes(ids: Iterable[str]) -> str:
    return " ".join(f"<code>{_e(i)}</code>" for i in ids)


def _zh(text: str | None) -> str:
    return f'<span lang="zh">{_e(text)}</span>' if text is not None else _not_known("Chinese title not known")


def html(value: object) -> str:
    """``value`` as compact, escaped HTML, as notebooks show it.

    A record (or an NBS 2018 field) becomes a bilingual card: its identifier,
    kind and notation, both titles, its summary, aliases and keywords, its
    relations as identifiers, a status badge for each field with a claim of its
    own, and its status and sources. The plan becomes an outline of its
    requirements and actions, the classification a list of its fields, and
    search results (:class:`~sei_policy.Hits`) a ranked table. Anything else is
    shown as its escaped ``repr``.

    Args:
        value: a record, the plan, the classification, search results or anything else.

    Returns:
        An HTML fragment: one ``<div class="sei …">`` (or a ``<pre>``), with no
        script and no external resource.

    >>> import sei_policy as sp
    >>> card = html(sp.plan().action("A4"))
    >>> card.startswith('<div class="sei sei-card sei-action" lang="en">')
    True
    >>> '<span lang="zh">加快新材料产业强弱项</span>' in card, "<code>requirement:key-industries</code>" in card
    (True, True)
    >>> html(sp.search("xyzzy plover")).count("no record matches")
    1
    >>> html({"a": "<b>"})
    '<pre class="sei-repr">{&#x27;a&#x27;: &#x27;&lt;b&gt;&#x27;}</pre>'
    """
    if _is_hits(value):
        return _hits_html(value)
    if isinstance(value, Plan):
        return _plan_html(value)
    if isinstance(value, Classification):
        return _classification_html(value)
    if isinstance(value, Record):
        return _record_html(value)
    return f'<pre class="sei-repr">{_e(repr(value))}</pre>'


def _head(*parts: str) -> str:
    return '<div class="sei-head">' + "".join(parts) + "</div>"


def _titles(record: Record | Plan | Classification, provenance: Provenance | None) -> str:
    """The English title, then the Chinese one in an element of its own (``lang="zh"``), each with its badge."""
    en, zh = record.title.en, record.title.zh
    en_badge = _claim_badge(provenance, "title.en") if provenance else ""
    zh_badge = _claim_badge(provenance, "title.zh") if provenance else ""
    en_html = _e(en) if en is not None else _not_known("English title not known")
    return f'<div class="sei-title">{en_html}{en_badge}</div><div class="sei-title">{_zh(zh)}{zh_badge}</div>'


def _terms_html(record: Record, group: str) -> str:
    """The ``aliases`` or ``keywords`` row: the English terms, then the Chinese, with their claims' badges."""
    p = record.provenance
    terms = getattr(record, group)
    parts = []
    for lang in ("en", "zh"):
        words: tuple[str, ...] = getattr(terms, lang)
        badge = _claim_badge(p, f"{group}.{lang}")
        if not words and not badge:
            continue
        shown = [f"{_e(w)}{_claim_badge(p, f'{group}.{lang}[{i}]')}" for i, w in enumerate(words)]
        joined = ("; " if lang == "en" else "；").join(shown) if shown else _not_known("none")
        lang_attr = ' lang="zh"' if lang == "zh" and shown else ""
        parts.append(f"<div{lang_attr}>{joined}{badge}</div>")
    badge = _claim_badge(p, group)
    if not parts and not badge:
        return ""
    return f"<dt>{group}</dt><dd>{''.join(parts) or _not_known('none')}{badge}</dd>"


def _field_html(name: str, value: object) -> str:
    if value is None:
        return _not_known()
    if isinstance(value, tuple):
        return _codes(value) if value else _not_known("none")
    if name.endswith("_id"):
        return f"<code>{_e(value)}</code>"
    if name == "value":
        return f"<strong>{_e(value)}</strong>"
    return _e(value)


def _provenance_html(provenance: Provenance) -> str:
    """The record's status and sources, then its note and every claim, folded away."""
    sources = _codes(provenance.all_source_keys) or _not_known("none")
    line = f'<div class="sei-small">status {_badge(str(provenance.status))} · sources {sources}</div>'
    items = [f"<li>{_e(provenance.note)}</li>"] if provenance.note else []
    for claim in provenance.fields:
        keys = f" {_codes(claim.source_keys)}" if claim.source_keys else ""
        note = f" {_e(claim.note)}" if claim.note else ""
        items.append(f"<li><code>{_e(claim.field)}</code>{_badge(str(claim.status))}{keys}{note}</li>")
    if not items:
        return line
    count = len(provenance.fields)
    label = f"provenance: {count} field{'' if count == 1 else 's'} with claims of their own" if count else "note"
    return f'{line}<details class="sei-small"><summary>{label}</summary><ul>{"".join(items)}</ul></details>'


def _record_html(record: Record) -> str:
    p = record.provenance
    head = _head(
        f'<span class="sei-notation">{_e(record.notation)}</span>{_claim_badge(p, "notation")}',
        f'<code class="sei-id">{_e(record.id)}</code>',
        f'<span class="sei-kind">{_e(record.kind)} {_e(record.number)}</span>{_claim_badge(p, "number")}',
    )
    if record.summary is not None:
        summary = f'<p class="sei-summary">{_e(record.summary)}{_claim_badge(p, "summary")}</p>'
    else:
        summary = f'<p class="sei-summary">{_not_known("no summary")}{_claim_badge(p, "summary")}</p>'
    rows = [_terms_html(record, "aliases"), _terms_html(record, "keywords")]
    for name in _extra_fields(record):
        rows.append(f"<dt>{_e(name)}</dt><dd>{_field_html(name, getattr(record, name))}{_claim_badge(p, name)}</dd>")
    fields = f"<dl>{''.join(rows)}</dl>" if any(rows) else ""
    return (
        f'<div class="sei sei-card sei-{_e(record.kind)}" lang="en">{_STYLE}{head}{_titles(record, p)}'
        f"{summary}{fields}{_provenance_html(p)}</div>"
    )


def _outline_item(notation: str, en: str | None, zh: str | None) -> str:
    en_html = _e(en) if en is not None else _not_known("English title not known")
    zh_html = f' <span lang="zh">{_e(zh)}</span>' if zh is not None else ""
    return f'<span class="sei-notation">{_e(notation)}</span> {en_html}{zh_html}'


def _plan_html(plan: Plan) -> str:
    p = plan.provenance
    head = _head(
        f'<code class="sei-id">{_e(plan.id)}</code>',
        f'<span class="sei-kind">{_e(plan.kind)}</span>',
        f'<span class="sei-small">data edition {_e(plan.edition)}</span>',
    )
    number = f'<span lang="zh">{_e(plan.document_number)}</span>{_claim_badge(p, "document_number")}'
    if plan.document_number_en:
        number += f" ({_e(plan.document_number_en)}){_claim_badge(p, 'document_number_en')}"
    issuers = ", ".join(f'<span title="{_e(a.title.en or a.title.zh)}">{_e(a.notation)}</span>' for a in plan.issuers())
    dates = [f"issued {_e(plan.issued.isoformat())}{_claim_badge(p, 'issued')} by {issuers}"]
    for name, label in (("published", "made public"), ("written", "written")):
        day = getattr(plan, name)
        dates.append(f"{label} {_e(day.isoformat()) if day else _not_known()}{_claim_badge(p, name)}")
    items = []
    for requirement in plan.requirements:
        actions = "".join(
            f"<li>{_outline_item(a.notation, a.title.en, a.title.zh)}</li>" for a in plan.actions_of(requirement)
        )
        item = _outline_item(requirement.notation, requirement.title.en, requirement.title.zh)
        items.append(f"<li>{item}<ul>{actions}</ul></li>")
    summary = f'<p class="sei-summary">{_e(plan.summary)}</p>' if plan.summary else ""
    return (
        f'<div class="sei sei-card sei-plan" lang="en">{_STYLE}{head}{_titles(plan, p)}'
        f"<div>{number}</div><div>{'; '.join(dates)}</div>{summary}"
        f"<ul>{''.join(items)}</ul>{_provenance_html(p)}</div>"
    )


def _classification_html(classification: Classification) -> str:
    head = _head(
        f'<code class="sei-id">{_e(classification.id)}</code>',
        '<span class="sei-kind">classification</span>',
        f'<span class="sei-small">data edition {_e(classification.edition)}</span>',
    )
    dates = f"adopted {_e(classification.adopted.isoformat())}; published {_e(classification.published.isoformat())}"
    items = "".join(
        f'<li><span class="sei-notation">{_e(c.notation)}</span> <code>{_e(c.id)}</code> {_zh(c.title.zh)}'
        + (f" {_e(c.title.en)}" if c.title.en else "")
        + "</li>"
        for c in classification.categories
    )
    note = f'<details class="sei-small"><summary>note</summary>{_e(classification.note)}</details>'
    sources = f'<div class="sei-small">sources {_codes(classification.source_keys)}</div>'
    return (
        f'<div class="sei sei-card sei-classification" lang="en">{_STYLE}{head}{_titles(classification, None)}'
        f"<div>{dates}</div><ul>{items}</ul>{sources}{note if classification.note else ''}</div>"
    )


def _hit_row(rank: int, hit: Hit[Record | Plan]) -> str:
    record = hit.record
    title = _e(record.title.en) if record.title.en is not None else _not_known("English title not known")
    if record.title.zh is not None:
        title += f'<div lang="zh">{_e(record.title.zh)}</div>'
    thesaurus_only = hit.matched == ("thesaurus",)
    if thesaurus_only:
        why = _badge("thesaurus only", colour="thesaurus")
        if hit.reason:
            why += f'<div class="sei-small">{_e(hit.reason)}</div>'
    else:
        why = ", ".join(f"<code>{_e(m)}</code>" for m in hit.matched)
    why += "".join(
        f'<div class="sei-small">read “{_e(wrong)}” as “{_e(right)}”</div>' for wrong, right in hit.corrections
    )
    cls = ' class="sei-via-thesaurus"' if thesaurus_only else ""
    return (
        f'<tr{cls}><td class="sei-num">{rank}</td><td class="sei-num">{_e(f"{hit.score:g}")}</td>'
        f'<td class="sei-notation">{_e(_notation(record))}</td><td><code>{_e(record.id)}</code></td>'
        f"<td>{title}</td><td>{why}</td></tr>"
    )


def _hits_html(hits: Hits[Record | Plan]) -> str:
    if not hits:
        return f'<div class="sei sei-hits" lang="en">{_STYLE}<p class="sei-none">no record matches</p></div>'
    count = "1 record matches" if len(hits) == 1 else f"{len(hits)} records match, best first"
    rows = "".join(_hit_row(rank, hit) for rank, hit in enumerate(hits, start=1))
    return (
        f'<div class="sei sei-hits" lang="en">{_STYLE}<table><caption class="sei-small">{count}</caption>'
        "<thead><tr><th>#</th><th>score</th><th>notation</th><th>identifier</th><th>title</th>"
        f"<th>matched</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )
