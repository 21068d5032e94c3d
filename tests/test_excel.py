"""The Excel export: one workbook, README first, a sheet per kind, the relations and the sources; byte-stable."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

import sei_policy as sp
from sei_policy import _loader
from sei_policy._formats import excel as _excel

openpyxl: Any = pytest.importorskip("openpyxl")

SHEETS = ["README", *_loader.load().kinds, "relations", "sources"]


@pytest.fixture(scope="module")
def path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The workbook, written once for the module through sp.export."""
    path = tmp_path_factory.mktemp("excel") / "sei.xlsx"
    assert sp.export("excel", path) == [path]
    return path


@pytest.fixture(scope="module")
def workbook(path: Path) -> Any:
    """The workbook read back with openpyxl."""
    return openpyxl.load_workbook(path)


def _text(ws: Any) -> str:
    return "\n".join(str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None)


def test_sheet_names_and_order(workbook: Any) -> None:
    """README first, then one sheet per kind in the registry's order, then relations and sources."""
    assert workbook.sheetnames == SHEETS
    assert all(len(name) <= 31 and ":" not in name for name in workbook.sheetnames)


def test_readme_says_what_the_data_is_and_how_to_cite_it(workbook: Any) -> None:
    """The README names the plan, its number and issuers, the edition and version, the licence and the citation."""
    text = _text(workbook["README"])
    plan = sp.plan()
    for needle in (str(plan.title.en), str(plan.title.zh), str(plan.document_number), "国家发展改革委", "NDRC", "MOF",
                   f"Data edition\n{sp.DATA_EDITION}", f"sei_policy {sp.__version__}", "CC BY 4.0", "MIT",
                   sp.cite("plan:sei-2020"), 'sp.cite("action:new-materials")'):  # fmt: skip
        assert needle in text, needle
    described = [row[0] for row in workbook["README"].iter_rows(values_only=True) if row[0] in SHEETS]
    assert described == SHEETS  # every sheet is described, in order


def test_readme_says_to_install_from_a_checkout(workbook: Any) -> None:
    """The package is on no index: the README sheet sends users to a checkout, never to pip install sei-policy."""
    text = _text(workbook["README"])
    assert "install from a checkout: python -m pip install ." in text
    assert "pip install sei-policy" not in text


def test_the_plan_sheet_carries_the_document_number_and_dates(workbook: Any) -> None:
    """The plan's row holds the document number and the dates that its status columns describe."""
    header, row = list(workbook["plan"].iter_rows(max_row=2, values_only=True))
    plan = dict(zip(header, row, strict=True))
    assert plan["document_number"] == sp.plan().document_number
    assert plan["issued"] == "2020-09-11" and plan["issued_status"] == "verified"


def test_readme_lists_every_column(workbook: Any) -> None:
    """Each column of every data sheet is explained on the README."""
    firsts = {row[0] for row in workbook["README"].iter_rows(values_only=True)}
    for name in SHEETS[1:]:
        header = next(workbook[name].iter_rows(max_row=1, values_only=True))
        assert set(header) <= firsts, name


def test_action_sheet_holds_the_twenty_actions_in_document_order(workbook: Any) -> None:
    """action: a header and 20 rows, A1 … A20, A4's Chinese title intact, the number a number."""
    ws = workbook["action"]
    rows = list(ws.iter_rows(values_only=True))
    assert len(rows) == 21 == ws.max_row
    header = rows[0]
    assert list(header) == list(sp.to_records("action")[0])
    column = {name: i for i, name in enumerate(header)}
    assert [r[column["notation"]] for r in rows[1:]] == [f"A{i}" for i in range(1, 21)]
    a4 = rows[4]
    assert a4[column["id"]] == "action:new-materials"
    assert a4[column["title_zh"]] == "加快新材料产业强弱项"
    assert a4[column["number"]] == 4 and isinstance(a4[column["number"]], int)
    assert rows[11][column["title_zh"]] is None  # A11: unverified, an empty cell


@pytest.mark.parametrize("name", SHEETS[1:-1])
def test_every_data_sheet_holds_the_rows_of_to_records(workbook: Any, name: str) -> None:
    """Each kind's sheet, and relations, hold exactly the rows of to_records (or relations): None and "" are empty cells."""
    rows = sp.relations() if name == "relations" else sp.to_records(name)
    got = list(workbook[name].iter_rows(values_only=True))
    assert list(got[0]) == list(rows[0])
    assert [list(r) for r in got[1:]] == [[None if v == "" else v for v in r.values()] for r in rows]


def test_numbers_are_numbers(workbook: Any) -> None:
    """target's value column holds the ints 10, 100, 1000; the year is empty."""
    rows = list(workbook["target"].iter_rows(values_only=True))
    value, year = rows[0].index("value"), rows[0].index("year")
    values = [r[value] for r in rows[1:]]
    assert values == [10, 100, 1000]
    assert all(type(v) is int for v in values)
    assert [r[year] for r in rows[1:]] == [None, None, None]


def test_relations_sheet_row_count(workbook: Any) -> None:
    """One row per link, after the header."""
    assert workbook["relations"].max_row == len(sp.relations()) + 1


def test_sources_sheet_is_the_register(workbook: Any) -> None:
    """sources: key, address, description, reliability, one row per entry of the register."""
    rows = list(workbook["sources"].iter_rows(values_only=True))
    assert rows[0] == ("key", "address", "description", "reliability")
    assert [r[0] for r in rows[1:]] == [s.key for s in sp.plan().sources]
    assert rows[1:] == [(s.key, s.address, s.description, s.reliability) for s in sp.plan().sources]


def test_header_bold_and_frozen_and_widths_set(workbook: Any) -> None:
    """Every data sheet: bold header, frozen below it, a filter; Chinese columns are wider than they are long."""
    for name in SHEETS[1:]:
        ws = workbook[name]
        assert ws.freeze_panes == "A2", name
        assert all(cell.font.bold for cell in ws[1]), name
        assert ws.auto_filter.ref == f"A1:{ws.cell(row=1, column=ws.max_column).column_letter}{ws.max_row}"
    ws = workbook["priority"]
    widths = {ws.cell(row=1, column=j).value: ws.column_dimensions[ws.cell(row=1, column=j).column_letter].width
              for j in range(1, ws.max_column + 1)}  # fmt: skip
    assert widths["title_zh"] >= 2 * max(len(str(r["title_zh"] or "")) for r in sp.to_records("priority"))
    assert all(4 <= w <= _excel.MAX_WIDTH for w in widths.values())


def test_display_width_counts_chinese_double() -> None:
    """Wide characters take two widths, the widest line counts, and nothing is zero."""
    assert _excel.display_width("ab新") == 4
    assert _excel.display_width("a\n新材料") == 6
    assert _excel.display_width("") == 0


def test_no_time_of_writing_in_the_workbook(path: Path, workbook: Any) -> None:
    """The dates in the file are fixed: document properties and every zip entry say 2020-09-11."""
    assert workbook.properties.created == _excel.CREATED == workbook.properties.modified
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        core = archive.read("docProps/core.xml").decode("utf-8")
    assert {i.date_time for i in infos} == {(2020, 9, 11, 0, 0, 0)}
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert infos[0].filename == "[Content_Types].xml"
    assert core.count("2020-09-11T00:00:00Z") == 2


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    """A value starting with "=" is written as text, never as a formula."""
    wb = openpyxl.Workbook()
    _excel._put(wb.active, 1, 1, "=1+1")
    _excel._put(wb.active, 1, 2, None)
    _excel._put(wb.active, 1, 3, "")
    wb.save(tmp_path / "f.xlsx")
    back = openpyxl.load_workbook(tmp_path / "f.xlsx").active
    assert back["A1"].value == "=1+1" and back["A1"].data_type == "s"
    assert back["B1"].value is None and back["C1"].value is None


def test_bad_sheet_names_are_refused() -> None:
    """A name Excel would refuse (too long, or with a colon) raises ExportError."""
    assert _excel._check_sheet_name("nbs-2018") == "nbs-2018"
    for bad in ("x" * 32, "a:b", "", "a/b"):
        with pytest.raises(sp.ExportError, match="cannot name an Excel sheet"):
            _excel._check_sheet_name(bad)


def test_missing_openpyxl_raises_missing_extra_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without openpyxl the export names the excel extra, and writes nothing."""
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(
        sp.MissingExtraError,
        match=r"export to excel needs openpyxl: python -m pip install '\.\[excel\]' from a checkout",
    ) as caught:
        sp.export("excel", tmp_path / "sei.xlsx")
    assert caught.value.extra == "excel"
    assert list(tmp_path.iterdir()) == []
