"""The renderer: records as escaped HTML cards, the plan as an outline, search results as a table, pretty text."""

from __future__ import annotations

import html
import io
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from IPython.lib.pretty import RepresentationPrinter
from IPython.lib.pretty import pretty as ipython_pretty

import sei_policy as sp
from sei_policy import _render

from .helpers import ALL_RECORDS, CLASSIFICATION, EVERY_VALUE, PLAN, record_id

RECORDS = tuple(r for r in ALL_RECORDS if isinstance(r, sp.Record))
"""Every record of the plan and every NBS 2018 field (the plan itself left out)."""

EVIL = "<script>alert(1)</script> & \"double\" 'single' </div>"
"""Text that breaks markup unless escaped."""

# Whatever could fetch something or run code when the HTML is shown.
FORBIDDEN = re.compile(r"<script|<iframe|<link|<img|<object|\bsrc\s*=|\bhref\s*=|@import|url\(|javascript:|\son\w+\s*=")

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


class _Balance(HTMLParser):
    """Checks that every tag is closed, in order, as an HTML parser reads it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1] if self.open else 'nothing'}")
        else:
            self.open.pop()


def _parse(markup: str) -> ET.Element:
    """The markup checked twice: tags balance for an HTML parser, and it parses as XML (so every entity is known)."""
    checker = _Balance()
    checker.feed(markup)
    checker.close()
    assert checker.problems == [], checker.problems
    assert checker.open == [], f"unclosed: {checker.open}"
    return ET.fromstring(f"<root>{markup}</root>")


def _text(element: ET.Element) -> str:
    return "".join(element.itertext())


def _find(element: ET.Element, path: str) -> ET.Element:
    """The first element at ``path`` (an element with no children is false, so ``or`` will not do)."""
    found = element.find(path)
    assert found is not None, path
    return found


def _pretty(value: object) -> str:
    """``value`` as IPython's own ``pretty()`` writes it (IPython ships no type hints)."""
    text: str = ipython_pretty(value)  # type: ignore[no-untyped-call]
    return text


def _printed(*calls: Callable[[RepresentationPrinter], object]) -> str:
    """What the calls write to one real IPython printer."""
    stream = io.StringIO()
    printer = RepresentationPrinter(stream)  # type: ignore[no-untyped-call]
    for call in calls:
        call(printer)
    printer.flush()  # type: ignore[no-untyped-call]
    return stream.getvalue()


def _safe(markup: str) -> None:
    assert not FORBIDDEN.search(markup.lower()), FORBIDDEN.search(markup.lower())


# -- records ----------------------------------------------------------------------------


@pytest.mark.parametrize("record", ALL_RECORDS, ids=record_id)
def test_every_record_is_well_formed_safe_and_bilingual(record: sp.PlanOrRecord) -> None:
    """Every record's HTML balances and parses, holds its identifier and escaped Chinese title, and fetches nothing."""
    markup = record._repr_html_()
    root = _parse(markup)
    _safe(markup)
    assert html.escape(record.id) in markup
    if record.title.zh is not None:
        assert html.escape(record.title.zh) in markup
        assert record.title.zh in [_text(e) for e in root.iter() if e.get("lang") == "zh"]
    else:
        assert _render.ZH_MISSING in markup
    assert record.title.en is None or html.escape(record.title.en) in markup


@pytest.mark.parametrize(
    "value", [PLAN, CLASSIFICATION, PLAN.action("A4"), PLAN.agency("NDRC"), sp.search("5G")], ids=record_id
)
def test_html_is_compact_and_its_style_is_scoped(value: Any) -> None:
    """One line of markup, a few kilobytes, and one style block whose every rule sits under the .sei class."""
    markup = _render.html(value)
    assert "\n" not in markup and len(markup) < 12_000
    styles = re.findall(r"<style>(.*?)</style>", markup, flags=re.DOTALL)
    assert len(styles) == 1
    rules = [rule for rule in styles[0].split("}") if rule]
    assert rules
    for rule in rules:
        selectors = rule.partition("{")[0].split(",")
        assert all(re.match(r"\.sei[\s.>{-]|\.sei$", sel.strip()) for sel in selectors), rule


@pytest.mark.parametrize("record", RECORDS, ids=record_id)
def test_card_shows_fields_relations_and_status(record: sp.Record) -> None:
    """A card shows the notation, kind, summary, terms, relation fields, status and every source key."""
    markup = _render.html(record)
    root = _parse(markup)
    text = _text(root)
    assert markup.startswith(f'<div class="sei sei-card sei-{record.kind}" lang="en">')
    assert record.notation in text and str(record.kind) in text
    if record.summary is not None:
        assert record.summary in text
    for term in record.aliases.all + record.keywords.all:
        assert term in text
    rows = dict(zip([_text(e) for e in root.iter("dt")], [_text(e) for e in root.iter("dd")], strict=True))
    common = {a.name for a in attrs.fields(sp.Record)}
    for field in (a.name for a in attrs.fields(type(record)) if a.name not in common):
        assert field in rows
        value = getattr(record, field)
        if value is None:  # why it is empty: not known (no source supports a value), or none at all
            assert rows[field].startswith(("not known", "none")), rows[field]
        for item in value if isinstance(value, tuple) else (value,) if value is not None else ():
            assert str(item) in rows[field]
    assert f"status {record.provenance.status}" in text
    assert all(key in text for key in record.provenance.all_source_keys)


@pytest.mark.parametrize("record", [r for r in RECORDS if r.provenance.fields], ids=record_id)
def test_every_claimed_field_has_a_status_badge(record: sp.Record) -> None:
    """Each field with a claim of its own has a badge with its status."""
    root = _parse(_render.html(record))
    badges = [e for e in root.iter("span") if "sei-badge" in (e.get("class") or "")]
    for claim in record.provenance.fields:
        status = str(record.provenance.status_of(claim.field))
        tips = [b.get("title") or "" for b in badges if _text(b) == status]
        assert any(tip.startswith(f"{claim.field}: {status}") for tip in tips), claim.field
        listed = [li for li in root.iter("li") if any(_text(c) == claim.field for c in li.iter("code"))]
        assert listed, f"{claim.field} is not listed under provenance"


def _card_rows(record: sp.Record) -> dict[str, str]:
    card = _parse(_render.html(record))
    return dict(zip([_text(e) for e in card.iter("dt")], [_text(e) for e in card.iter("dd")], strict=True))


def test_unknown_relations_say_not_known_and_targets_show_their_value() -> None:
    """Unknown agencies read "not known" with the reason, an empty link "none", no year "none stated"; values in bold."""
    rows = _card_rows(PLAN.action("A4"))
    claim = PLAN.action("A4").provenance.claim("agency_ids")
    assert claim is not None and claim.note is not None and "9" in claim.note
    assert rows["requirement_id"] == "requirement:key-industries"
    assert rows["agency_ids"] == f"not known ({claim.note})unverified"
    assert rows["target_ids"] == "none"
    assert _card_rows(PLAN.action("A9"))["industry_id"] == "none"
    assert _card_rows(PLAN.target("T2"))["year"] == "none stated"
    target = _render.html(PLAN.target("T2"))
    assert "<strong>100</strong>" in target


def test_card_labels_carry_the_registry_titles() -> None:
    """Each field of the kind's own shows its declared title as a tooltip."""
    card = _parse(_render.html(PLAN.action("A9")))
    titles = {_text(dt): dt.get("title") for dt in card.iter("dt")}
    assert titles["agency_ids"] == "Agencies" and titles["industry_id"] == "Key industry"


def test_sparse_values_still_display() -> None:
    """A plan without optional dates or English number, a record without sources or notes, a hit without reason."""
    plan = attrs.evolve(PLAN, published=None, written=None, document_number_en=None)
    text = _text(_parse(_render.html(plan)))
    assert "made public not known" in text and "written not known" in text
    overview = _printed(lambda printer: _render.pretty(plan, printer, False))
    assert "Issued 2020-09-11 by NDRC, MOST, MIIT, MOF\nData edition" in overview and "made public" not in overview
    bare = attrs.evolve(PLAN.agency("MOF"), provenance=sp.Provenance(status=sp.Status.SEED, source_keys=()))
    markup = _render.html(bare)
    assert "<details" not in markup and "sources none" in _text(_parse(markup))
    assert _pretty(bare).splitlines()[-1] == "status: seed; sources: none"
    hits = sp.Hits([sp.Hit(record=PLAN, score=1.0, matched=("thesaurus",))])
    row = _rows(_render.html(hits))[0]
    assert [_text(td) for td in row.findall("td")][2:4] == ["—", PLAN.id]
    assert [_text(td) for td in row.findall("td")][5] == "thesaurus only"
    assert _pretty(hits).endswith("(through the thesaurus)")


def test_nbs_category_is_a_card() -> None:
    """An NBS 2018 field is a card too, with its unknown English title marked."""
    markup = _render.html(CLASSIFICATION.category(3))
    _parse(markup)
    assert "nbs-2018:3" in markup and "NBS-3" in markup
    if CLASSIFICATION.category(3).title.en is None:
        assert _render.EN_MISSING in markup


@pytest.mark.parametrize(
    ("field", "change"),
    [
        ("title", lambda r: {"title": sp.Text(en=EVIL, zh=EVIL)}),
        ("summary", lambda r: {"summary": EVIL}),
        ("keywords", lambda r: {"keywords": sp.Terms(en=(EVIL,), zh=(EVIL,))}),
        ("aliases", lambda r: {"aliases": sp.Terms(en=(EVIL,), zh=(EVIL,))}),
        ("id", lambda r: {"id": EVIL, "notation": EVIL}),
        ("requirement_id", lambda r: {"requirement_id": EVIL, "agency_ids": (EVIL,)}),
        (
            "provenance",
            lambda r: {
                "provenance": attrs.evolve(
                    r.provenance,
                    note=EVIL,
                    source_keys=(EVIL,),
                    fields=(sp.Claim(field="title.en", status=sp.Status.SEED, source_keys=(EVIL,), note=EVIL),),
                )
            },
        ),
    ],
)
def test_markup_in_the_data_is_escaped(field: str, change: Any) -> None:
    """A script, ampersands and quotes in any field come out as text, never as markup."""
    action = PLAN.action("A4")
    evil = attrs.evolve(action, **change(action))
    markup = _render.html(evil)
    root = _parse(markup)
    assert "<script" not in markup
    assert html.escape(EVIL) in markup
    assert EVIL in _text(root) or any(EVIL in (e.get("title") or "") for e in root.iter())


@given(st.text(max_size=40), st.text(max_size=40), st.text(max_size=20))
def test_any_text_gives_well_formed_markup_that_reads_back(title: str, summary: str, keyword: str) -> None:
    """Whatever the texts hold, the card parses, and each text reads back (markup's forbidden characters as U+FFFD)."""
    evil = attrs.evolve(
        PLAN.action("A9"),
        title=sp.Text(en=title, zh=title),
        summary=summary,
        keywords=sp.Terms(en=(keyword,)),
    )
    markup = _render.html(evil)
    text = _text(_parse(markup))
    assert "<script" not in markup
    for value in (title, summary, keyword):
        # An XML parser reads a line end (\r\n or \r) as \n.
        shown = _render._NOT_MARKUP.sub("\ufffd", value).replace("\r\n", "\n").replace("\r", "\n")
        assert shown in text


# -- what the data lacks ------------------------------------------------------------------------

UNHEADED = attrs.evolve(PLAN.action("A4"), title=sp.Text(en=PLAN.action("A4").title.en))
"""Action 4 as if no source gave its Chinese heading."""
UNHEADED_PLAN = attrs.evolve(PLAN, actions=tuple(UNHEADED if a.id == UNHEADED.id else a for a in PLAN.actions))


def _outline_item(markup: str, notation: str) -> str:
    root = _parse(markup)
    items = [li for li in root.iter("li") if li.find("span") is not None and _text(_find(li, "span")) == notation]
    assert len(items) == 1
    return _text(items[0])


MISSING_CHINESE: list[tuple[str, Callable[[], str]]] = [
    ("card", lambda: _text(_parse(_render.html(UNHEADED)))),
    ("pretty", lambda: _pretty(UNHEADED).splitlines()[2]),
    ("overview", lambda: next(line for line in _pretty(UNHEADED_PLAN).splitlines() if line.startswith("  A4 "))),
    ("outline", lambda: _outline_item(_render.html(UNHEADED_PLAN), "A4")),
    ("hits", lambda: _text(_rows(_render.html(sp.Hits([sp.Hit(record=UNHEADED, score=1.0, matched=("id",))])))[0])),
]


@pytest.mark.parametrize(("where", "shown"), MISSING_CHINESE, ids=[where for where, _ in MISSING_CHINESE])
def test_a_missing_chinese_title_is_marked_not_yet_verified(where: str, shown: Callable[[], str]) -> None:
    """Every display that shows a Chinese title says so where no source gives it, rather than leaving it out."""
    assert "Chinese title not yet verified" in shown(), where


def test_a_chinese_title_that_is_there_is_not_marked() -> None:
    """The mark is for a missing title only: the shipped plan's A4 shows its heading, unmarked."""
    assert "Chinese title not yet verified" not in _outline_item(_render.html(PLAN), "A4")
    assert _outline_item(_render.html(PLAN), "A4").endswith("加快新材料产业强弱项")


# -- the plan and the classification ----------------------------------------------------


def test_plan_outline_lists_every_requirement_and_its_actions() -> None:
    """The outline lists the four requirements, then all 20 actions in order, each under its requirement."""
    markup = PLAN._repr_html_()
    root = _parse(markup)
    _safe(markup)
    outline = root.find("./div/ul")
    assert outline is not None
    requirements = outline.findall("./li")
    assert [_text(_find(li, "span")) for li in requirements] == ["R1", "R2", "R3", "R4"]
    actions = [li for r in requirements for li in r.findall("./ul/li")]
    assert [_text(_find(li, "span")) for li in actions] == [f"A{n}" for n in range(1, 21)]
    for li, action in zip(actions, PLAN.actions, strict=True):
        assert PLAN.requirement_of(action).notation in _text(next(r for r in requirements if li in r.iter("li")))
        assert action.title.en is not None and action.title.en in _text(li)
        if action.title.zh is not None:
            assert action.title.zh in [_text(e) for e in li.iter() if e.get("lang") == "zh"]


def test_plan_outline_shows_the_document() -> None:
    """The outline holds both titles, the document numbers, issuers, dates and the data edition."""
    text = _text(_parse(_render.html(PLAN)))
    for part in (PLAN.title.en, PLAN.title.zh, PLAN.document_number, PLAN.document_number_en, PLAN.edition):
        assert part is not None and part in text
    assert "issued 2020-09-11" in text and "made public 2020-09-23" in text and "written not known" in text
    assert all(agency.notation in text for agency in PLAN.issuers())


def test_classification_lists_its_categories() -> None:
    """The classification shows as a list of its nine fields."""
    markup = CLASSIFICATION._repr_html_()
    root = _parse(markup)
    _safe(markup)
    items = root.findall("./div/ul/li")
    assert len(items) == 9
    for li, category in zip(items, CLASSIFICATION.categories, strict=True):
        assert category.id in _text(li) and category.notation in _text(li)
        assert category.title.zh in [_text(e) for e in li.iter() if e.get("lang") == "zh"]


# -- search results -----------------------------------------------------------------------


def _rows(markup: str) -> list[ET.Element]:
    root = _parse(markup)
    return list(root.iterfind("./div/table/tbody/tr"))


@pytest.mark.parametrize("query", ["vaccines", "semiconductor", "光刻胶", "investment", "1409", "vacines", "EV"])
def test_hits_table_has_one_row_per_hit_and_marks_thesaurus_hits(query: str) -> None:
    """One row per hit, ranked, with its identifier; thesaurus-only rows are marked and carry the reason."""
    hits = sp.search(query)
    assert hits
    markup = hits._repr_html_()
    _safe(markup)
    rows = _rows(markup)
    assert len(rows) == len(hits)
    for rank, (row, hit) in enumerate(zip(rows, hits, strict=True), start=1):
        cells = [_text(td) for td in row.findall("td")]
        assert cells[0] == str(rank)
        assert cells[3] == hit.record.id
        thesaurus_only = hit.matched == ("thesaurus",)
        assert (row.get("class") == "sei-via-thesaurus") is thesaurus_only
        if thesaurus_only:
            assert "thesaurus only" in cells[5]
            assert hit.reason is not None and hit.reason in cells[5]
        else:
            assert all(field in cells[5] for field in hit.matched)
        for wrong, right in hit.corrections:
            assert f"read “{wrong}” as “{right}”" in cells[5]


def test_semiconductor_hits_are_thesaurus_only() -> None:
    """A term the plan lacks is found through the thesaurus, and every such row says so."""
    rows = _rows(_render.html(sp.search("semiconductor")))
    assert rows and all(row.get("class") == "sei-via-thesaurus" for row in rows)


def test_empty_results_say_no_record_matches() -> None:
    """An empty result is a sentence, not an empty table."""
    markup = _render.html(sp.search("no such thing at all"))
    _parse(markup)
    assert "no record matches" in markup and "<table" not in markup


def test_hits_escape_their_texts() -> None:
    """A hit's record texts, fields, corrections and reason are escaped."""
    evil = attrs.evolve(PLAN.action("A4"), title=sp.Text(en=EVIL, zh=EVIL), id=EVIL)
    hits = sp.Hits(
        [
            sp.Hit(record=evil, score=1.5, matched=(EVIL,), corrections=((EVIL, EVIL),)),
            sp.Hit(record=evil, score=1.0, matched=("thesaurus",), reason=EVIL),
        ]
    )
    markup = _render.html(hits)
    rows = _rows(markup)
    assert len(rows) == 2 and "<script" not in markup
    assert EVIL in _text(rows[0]) and EVIL in _text(rows[1])


# -- anything else ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", [*PLAN.sources[:2], PLAN.action("A4").title, {"a": EVIL}, 42, None, EVIL])
def test_anything_else_is_its_escaped_repr(value: object) -> None:
    """A value that is not a record, the plan, the classification or search results is an escaped <pre>."""
    markup = _render.html(value)
    assert markup == f'<pre class="sei-repr">{html.escape(repr(value))}</pre>'
    _parse(markup)


# -- pretty text ---------------------------------------------------------------------------------


@pytest.mark.parametrize("record", RECORDS, ids=record_id)
def test_pretty_text_of_a_record_through_ipython(record: sp.Record) -> None:
    """IPython's pretty() gives several lines: notation and identifier, both titles, relations, status."""
    text = _pretty(record)
    lines = text.splitlines()
    assert len(lines) >= 5
    assert lines[0].startswith(f"{record.notation}  {record.id}  ({record.kind})")
    assert (record.title.zh or f"({_render.ZH_MISSING})") in lines[2]
    assert lines[-1].startswith(f"status: {record.provenance.status}; sources: ")
    common = {a.name for a in attrs.fields(sp.Record)}
    for field in (a.name for a in attrs.fields(type(record)) if a.name not in common):
        assert any(line.startswith(f"{field}: ") for line in lines)


def test_pretty_text_marks_claimed_fields() -> None:
    """A field with a claim of its own ends with its status in brackets."""
    action = PLAN.action("A11")
    lines = _pretty(action).splitlines()
    assert lines[1].endswith("[seed]")
    assert lines[2] == "(Chinese title not yet verified)  [unverified]"
    claim = action.provenance.claim("agency_ids")
    assert claim is not None and claim.note is not None
    assert f"agency_ids: not known ({claim.note})  [unverified]" in lines
    assert "target_ids: none" in lines
    assert "year: none stated" in _pretty(PLAN.target("T2")).splitlines()


def test_pretty_text_of_the_plan_is_the_overview() -> None:
    """The plan's _repr_pretty_ writes the overview, line by line."""
    assert _printed(lambda printer: PLAN._repr_pretty_(printer, False)) + "\n" == sp.overview()


@pytest.mark.parametrize("document", [PLAN, CLASSIFICATION], ids=record_id)
def test_pretty_text_of_a_document_through_ipython(document: Any) -> None:
    """IPython's pretty() of the plan or the classification gives several lines with its Chinese title."""
    text = _pretty(document)
    assert len(text.splitlines()) > 5 and document.title.zh in text


def test_pretty_text_of_hits_is_one_line_per_hit() -> None:
    """Search results print one line per hit, ranked, with the reason of thesaurus-only hits."""
    for query in ("vaccines", "semiconductor", "investment"):
        hits = sp.search(query)
        lines = _pretty(hits).splitlines()
        assert len(lines) == len(hits)
        for rank, (line, hit) in enumerate(zip(lines, hits, strict=True), start=1):
            assert line.lstrip().startswith(f"{rank}. ") and hit.record.id in line
            assert (hit.matched == ("thesaurus",)) is ("through the thesaurus" in line)
    assert _pretty(sp.search("no such thing at all")) == "no record matches"


def test_pretty_text_of_the_classification_and_of_cycles() -> None:
    """The classification lists its fields; a value met inside itself is written short."""
    lines = _printed(lambda printer: CLASSIFICATION._repr_pretty_(printer, False)).splitlines()
    assert len(lines) == 10 and lines[0].startswith(f"{CLASSIFICATION.title.zh}  (nbs-2018, ")
    assert [line.split()[0] for line in lines[1:]] == [c.notation for c in CLASSIFICATION.categories]
    cycle = _printed(lambda printer: _render.pretty(PLAN.action(4), printer, True))
    assert cycle == "Action(...)"
    assert _printed(lambda printer: _render.pretty(42, printer, False)) == "42"


def test_records_nest_in_ipython_containers() -> None:
    """Inside a list, each line of a record keeps the list's indentation."""
    text = _pretty([PLAN.target("T1")])
    assert text.startswith("[T1  target:global-bases") and text.endswith("sources: S4]")
    assert all(line.startswith(" ") for line in text.splitlines()[1:])


# -- repr and imports ------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [*EVERY_VALUE, sp.search("vaccines"), sp.search("nothing at all")], ids=record_id)
def test_repr_stays_one_line(value: object) -> None:
    """repr() of anything the library gives is one short line, as before."""
    text = repr(value)
    assert "\n" not in text and not text.startswith("<div")


def test_importing_the_package_does_not_import_the_renderer() -> None:
    """A fresh interpreter that imports sei_policy, loads and searches has not imported the renderer."""
    code = (
        "import sys, sei_policy as sp; sp.plan(); sp.search('vaccines'); repr(sp.plan().action(4)); "
        "before = 'sei_policy._render' in sys.modules; sp.plan().action(4)._repr_html_(); "
        "print(before, 'sei_policy._render' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.split() == ["False", "True"]
