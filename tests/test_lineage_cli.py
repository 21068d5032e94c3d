"""The lineage at the doors: the CLI's commands and --document, search(document=), cite() of documents, document cards."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import sei_policy as sp
from sei_policy import _loader, _render, _search
from sei_policy.cli import main

LINEAGE = _loader.lineage()
DOCUMENTS = LINEAGE.documents
CARDS = tuple(d for d in DOCUMENTS if _render.is_lineage_document(d))
"""The documents shown as document cards: every plan without actions, every classification but NBS 2018."""


class _Printer:
    """Collects what an IPython pretty printer is given."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def text(self, obj: str) -> None:
        self.parts.append(obj)

    def break_(self) -> None:
        self.parts.append("\n")


def pretty(value: object) -> str:
    """``value`` as IPython shows it, through its ``_repr_pretty_``."""
    printer = _Printer()
    _render.pretty(value, printer, False)
    return "".join(printer.parts)


def _own_records(document: sp.Plan | sp.Classification) -> list[sp.Record]:
    return [r for r in document.members() if isinstance(r, sp.Record) and r.kind is not sp.Kind.AGENCY]


def _key(document: sp.Plan | sp.Classification) -> str:
    return document.key


def _out(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    """Run main(argv), check that it succeeds with nothing on stderr, and return stdout."""
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


# -- the new commands ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "view"),
    [
        (["documents"], lambda: sp.documents()),
        (["lineage", "new-materials"], lambda: sp.lineage("new-materials")),
        (["lineage", "I6", "--document", "sei-2010"], lambda: sp.lineage("I6", document="sei-2010")),
        (["lineage", "NBSI-3", "--document", "nbs-industrial-2023"], lambda: sp.lineage("NBSI-3", document="nbs-industrial-2023")),
        (["crosswalk"], lambda: sp.crosswalk()),
        (["crosswalk", "nbs-2018", "nbs-industrial-2023"], lambda: sp.crosswalk("nbs-2018", "nbs-industrial-2023")),
        (["crosswalk", "sei-2010", "sei-2016"], lambda: sp.crosswalk("sei-2010", "sei-2016")),
    ],
)  # fmt: skip
def test_view_commands_print_the_views_text(
    capsys: pytest.CaptureFixture[str], argv: list[str], view: Callable[[], object]
) -> None:
    """documents, lineage and crosswalk print the text table of the view the library gives."""
    out = _out(capsys, argv)
    assert out == f"{view()}\n"
    assert len(out.splitlines()) > 3  # a title, the column names, a rule and rows


def test_documents_command_lists_every_document(capsys: pytest.CaptureFixture[str]) -> None:
    """Every document's key starts a line of the documents table, in date order."""
    lines = _out(capsys, ["documents"]).splitlines()
    keys = [line.split()[0] for line in lines[3:]]
    assert keys == [d.key for d in DOCUMENTS]


@pytest.mark.parametrize("documents", [["nbs-2018"], ["a", "b", "c"]])
def test_crosswalk_with_other_than_zero_or_two_documents_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], documents: list[str]
) -> None:
    """crosswalk with one or three documents exits with status 2 and says what it takes, naming the input."""
    with pytest.raises(SystemExit) as exit_info:
        main(["crosswalk", *documents])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "crosswalk takes two documents or none" in err
    assert repr(documents[0]) in err
    assert "Traceback" not in err


# -- bad input: one clear line, no traceback ----------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["list", "--document", "sei-2099"], ["unknown document 'sei-2099'", "did you mean 'sei-2010'"]),
        (["show", "I6", "--document", "sei-201"], ["unknown document 'sei-201'", "'sei-2010'"]),
        (["search", "新材料", "--document", "nbs-2019"], ["unknown document 'nbs-2019'", "'nbs-2018'"]),
        (["lineage", "I6", "--document", "fyp-15"], ["unknown document 'fyp-15'", "'fyp-14'"]),
        (["crosswalk", "nbs-2018", "nbs-2017"], ["unknown document 'nbs-2017'", "'nbs-2018'"]),
        (["cite", "sei-2099"], ["unknown document 'sei-2099'", "'sei-2010'"]),
        (["export", "--format", "csv", "--output", "out", "--document", "sei-2099"], ["unknown document 'sei-2099'"]),
        (["show", "I99", "--document", "sei-2010"], ["'I99'"]),
        (["lineage", "no-such-industry"], ["'no-such-industry'"]),
    ],
)
def test_bad_document_or_key_is_one_error_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, argv: list[str],
    expected: list[str],
) -> None:  # fmt: skip
    """A document or key that names nothing gives status 1 and one error line naming it and what was meant."""
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("sei-policy: error: ")
    assert captured.err.count("\n") == 1
    for text in expected:
        assert text in captured.err
    assert not (tmp_path / "out").exists()


# -- --document on list, show, search, cite and export -----------------------------------------


@pytest.mark.parametrize("document", ["sei-2010", "sei-2016", "nbs-industrial-2023", "fyp-14", "all"])
def test_list_document_json_is_that_documents_records(capsys: pytest.CaptureFixture[str], document: str) -> None:
    """list --document --json gives the records sp.records(document=...) gives, and not the 2020 plan's alone."""
    rows = json.loads(_out(capsys, ["list", "--document", document, "--json"]))
    expected = [sp.asdict(r) for r in sp.records(document=document)]
    assert rows == expected
    assert rows != [sp.asdict(r) for r in sp.records()]


@pytest.mark.parametrize(
    ("argv", "identifier"),
    [
        (["show", "I6", "--document", "sei-2010"], "sei-2010/industry:new-materials"),
        (["show", "新材料", "--document", "sei-2016"], "sei-2016/industry:new-materials"),
        (["show", "NBSI-3", "--document", "nbs-industrial-2023"], "nbs-industrial-2023:3"),
        (["show", "sei-2010/I6", "--document", "all"], "sei-2010/industry:new-materials"),
    ],
)
def test_show_document_finds_the_record_in_that_document(
    capsys: pytest.CaptureFixture[str], argv: list[str], identifier: str
) -> None:
    """show --document resolves the key in that document, and prints every field of the record found."""
    lines = _out(capsys, argv).splitlines()
    assert lines[0].endswith(f"  {identifier}")
    assert f"  id: {identifier}" in lines


@pytest.mark.parametrize(("query", "document"), [("新材料", "sei-2010"), ("new materials", "all"), ("生物", "fyp-14")])
def test_search_document_prints_that_documents_hits(
    capsys: pytest.CaptureFixture[str], query: str, document: str
) -> None:
    """search --document --json ranks the records that sp.search(document=...) ranks."""
    hits = json.loads(_out(capsys, ["search", query, "--document", document, "--json"]))
    expected = [h.record.id for h in sp.search(query, document=document, limit=10)]
    assert [h["record"]["id"] for h in hits] == expected
    assert expected


def test_search_document_without_hits_suggests_from_that_document(capsys: pytest.CaptureFixture[str]) -> None:
    """A miss in another document says so and offers that index's words."""
    out = _out(capsys, ["search", "materals", "--document", "sei-2010"])
    assert "did you mean" in out or "read 'materals' as" in out


def test_cite_document_option_cites_that_documents_record(capsys: pytest.CaptureFixture[str]) -> None:
    """cite I6 --document sei-2010 cites the 2010 Decision's industry, not the 2020 plan's I6."""
    out = _out(capsys, ["cite", "I6", "--document", "sei-2010"])
    assert "[sei-2010/industry:new-materials]" in out and "1409号" not in out


def test_export_document_is_refused_clearly_where_export_lacks_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With an export() that takes no document=, --document is one error line and nothing is written."""

    def old_export(format: str, path: str, *, overwrite: bool = False, excel: bool = False, base: Any = None) -> Any:
        raise AssertionError("must not be called")

    monkeypatch.setattr(sp, "export", old_export)
    out = tmp_path / "out"
    assert main(["export", "--format", "csv", "--output", str(out), "--document", "sei-2010"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("sei-policy: error: ") and "--document 'sei-2010'" in err
    assert not out.exists()


def test_export_document_is_passed_where_export_takes_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With an export() that takes document=, --document is passed on as given; without it, it is not passed."""
    calls: list[dict[str, Any]] = []

    def new_export(format: str, path: str, **options: Any) -> list[Path]:
        calls.append(options)
        return [Path(path)]

    def new_signature(
        format: str, path: str, *, overwrite: bool = False, excel: bool = False, base: Any = None, document: Any = None
    ) -> list[Path]:
        return new_export(format, path, overwrite=overwrite, excel=excel, base=base, document=document)

    monkeypatch.setattr(sp, "export", new_signature)
    out = str(tmp_path / "out")
    assert _out(capsys, ["export", "--format", "csv", "--output", out, "--document", "sei-2010"]) == f"{out}\n"
    assert _out(capsys, ["export", "--format", "csv", "--output", out]) == f"{out}\n"
    assert [call["document"] for call in calls] == ["sei-2010", None]


# -- search(document=) -------------------------------------------------------------------------


@pytest.mark.parametrize("document", ["sei-2010", "sei-2016", "nbs-industrial-2023", "future-industries-2024"])
@pytest.mark.parametrize("query", ["新材料", "new energy", "industry", "生物"])
def test_search_document_finds_only_that_documents_records(document: str, query: str) -> None:
    """Every hit of search(document=D) is a record of D (or an agency it shares)."""
    held = {r.id for r in _loader.find_document(document).members()}
    hits = sp.search(query, document=document)
    assert all(hit.record.id in held for hit in hits)


@pytest.mark.parametrize("query", ["新材料", "new materials", "biotech"])
def test_search_all_finds_records_of_several_documents(query: str) -> None:
    """search(document="all") ranks records of several documents, the 2020 plan's among them."""
    hits = sp.search(query, document="all")
    documents = {hit.record.document_id for hit in hits if isinstance(hit.record, sp.Record)}
    assert len(documents) >= 3
    assert sp.plan().id in documents


@pytest.mark.parametrize("query", ["光刻胶", "vacines", "xyzzy plover", "new materials"])
def test_search_default_ignores_the_lineage(query: str) -> None:
    """Without document=, no hit is a record of a lineage document, as before the lineage."""
    base = {r.id for d in _loader.load().documents for r in d.members()}
    assert all(hit.record.id in base for hit in sp.search(query))
    assert all(hit.record.id in base for hit in sp.search(query, document=None))


def test_each_datasets_index_is_built_once_and_kept() -> None:
    """The index of another document is built on first use and then kept, apart from the default one."""
    first = _search._searcher("sei-2012", "search()")
    assert _search._searcher("plan:sei-2012", "search()") is first
    assert _search._searcher("all", "search()") is not first
    assert _search._searcher(None, "search()") is _search._build()


@pytest.mark.parametrize(("document", "close"), [("sei-2099", "sei-2010"), ("nbs-2019", "nbs-2018")])
def test_search_unknown_document_suggests_the_close_ones(document: str, close: str) -> None:
    """An unknown document is an UnknownIdentifierError naming it, with close documents suggested."""
    with pytest.raises(sp.UnknownIdentifierError) as error:
        sp.search("新材料", document=document)
    assert repr(document) in str(error.value)
    assert close in error.value.suggestions


# -- cite() of any document -----------------------------------------------------------------------


@pytest.mark.parametrize("document", DOCUMENTS, ids=_key)
def test_cite_names_each_documents_number_issuers_and_year(document: sp.Plan | sp.Classification) -> None:
    """A document's citation holds its identifier, its number where known, its issuers and its year."""
    text = sp.cite(document.key)
    assert f"[{document.id}]" in text
    if document.document_number:  # NBS 2018's citation gives it in English, as before the lineage
        assert document.document_number in text or (document is sp.classification() and "Order No. 23" in text)
    for agency in document.issuers():
        assert agency.notation in text
    if document.dated_year is not None:
        assert str(document.dated_year) in text.split(". In sei_policy")[0]
    bibtex = sp.cite(document.key, style="bibtex")
    assert bibtex.startswith("@misc{sei_policy_") and bibtex.rstrip().endswith("}")


@pytest.mark.parametrize(
    "ref",
    ["sei-2010", "plan:sei-2010", "国发〔2010〕32号", "SEI-2010"],
)
def test_cite_takes_a_document_by_key_identifier_or_number(ref: str) -> None:
    """Each way of naming the 2010 Decision gives the citation of the document object itself."""
    assert sp.cite(ref) == sp.cite(sp.plan("sei-2010"))


@pytest.mark.parametrize(
    "document", [d for d in DOCUMENTS if d.key not in ("sei-2020", "nbs-2018") and _own_records(d)], ids=_key
)
def test_cite_a_record_of_another_document_cites_that_document(document: sp.Plan | sp.Classification) -> None:
    """A record of a lineage document cites that document by its title, never the 2020 plan or NBS 2018."""
    record = _own_records(document)[-1]
    text = sp.cite(record)
    title = document.title.en or document.title.zh
    assert title is not None
    assert f"[{record.id}] of {title}" in text
    assert "1409号" not in text and "NBS 2018" not in text
    assert sp.cite(record.id) == text


# -- the document card ------------------------------------------------------------------------------


def _links(document: sp.Plan | sp.Classification) -> list[str]:
    """The other documents the lineage's relations link to this one, either way."""
    found = [r.object_id for r in LINEAGE.relations if r.subject_id == document.id]
    return found + [r.subject_id for r in LINEAGE.relations if r.object_id == document.id]


@pytest.mark.parametrize("document", CARDS, ids=_key)
def test_document_card_shows_number_dates_issuers_and_links(document: sp.Plan | sp.Classification) -> None:
    """Text and HTML of a lineage document give its number or 'not known', its issuers, and every linked document."""
    text = pretty(document)
    card = document._repr_html_()
    for shown in (text, card):
        assert document.id in shown
        assert (document.document_number or "not known") in shown
        for agency in document.issuers():
            assert agency.notation in shown
        for other in _links(document):
            assert other in shown
    lines = text.splitlines()
    assert any(line.startswith("number: ") for line in lines) and any(line.startswith("adopted: ") for line in lines)
    if not _links(document):
        assert "lineage: none known" in lines


@pytest.mark.parametrize(
    ("key", "line"),
    [
        ("sei-2012", "  implements plan:sei-2010"),
        ("sei-2010", "  implemented by plan:sei-2012"),
        ("nbs-2012", "  revised by nbs-2018"),
        ("sei-clusters-batch-1", "  built on by plan:sei-2020"),
    ],
)
def test_document_card_reads_relations_from_both_sides(key: str, line: str) -> None:
    """A relation shows on its subject's card as stored and on its object's card as its inverse."""
    document = _loader.find_document(key)
    assert any(shown.startswith(line + "  ") for shown in pretty(document).splitlines())


@pytest.mark.parametrize("field", ["document_number", "adopted", "published", "issuer_ids"])
def test_document_card_of_a_document_without_metadata_says_not_known(field: str) -> None:
    """A document stripped of its number, dates and issuers still renders, each value 'not known'."""
    import attrs

    base = _loader.find_document("sei-2016")
    assert isinstance(base, sp.Plan)
    empty = attrs.evolve(base, document_number=None, adopted=None, issued=None, published=None, issuer_ids=())
    label = {"document_number": "number", "issuer_ids": "issuers"}.get(field, field)
    lines = pretty(empty).splitlines()
    assert any(line.startswith(f"{label}: not known") for line in lines)
    assert "not known" in empty._repr_html_()


def test_the_2020_plan_card_gains_its_lineage_links() -> None:
    """The 2020 plan's HTML card names what it builds on; its text stays the overview."""
    plan = sp.plan()
    card = plan._repr_html_()
    assert _links(plan)
    for relation in LINEAGE.relations:
        if relation.subject_id == plan.id:
            assert f"{relation.predicate.value.replace('_', ' ')} <code>{relation.object_id}</code>" in card
    assert pretty(plan) + "\n" == sp.overview()


@pytest.mark.parametrize(("value", "expected"), [(sp.plan(), False), (sp.classification(), False)])
def test_the_flagships_are_not_document_cards(value: object, expected: bool) -> None:
    """The 2020 plan and NBS 2018 keep their own displays."""
    assert _render.is_lineage_document(value) is expected


@pytest.mark.parametrize(
    ("argv", "first"),
    [
        (["show", "sei-2010"], "plan:sei-2010"),
        (["show", "国发〔2010〕32号"], "plan:sei-2010"),
        (["show", "nbs-industrial-2023"], "工业战略性新兴产业分类目录（2023）"),
    ],
)
def test_show_takes_a_document_by_its_key(capsys: pytest.CaptureFixture[str], argv: list[str], first: str) -> None:
    """show of a document's key prints the plan's fields, or the classification's card."""
    lines = _out(capsys, argv).splitlines()
    assert lines[0].startswith(first)
    assert len(lines) > 5


def test_show_json_of_a_classification_says_what_gives_its_fields(capsys: pytest.CaptureFixture[str]) -> None:
    """A classification has no JSON record form: one error line points to list --document --json."""
    assert main(["show", "nbs-industrial-2023", "--json"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "`sei-policy list --document nbs-industrial-2023 --json`" in captured.err
