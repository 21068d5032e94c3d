"""Tables and files: asdict, to_records, relations, to_frame, and export to JSON and CSV, written atomically."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sei_policy as sp
from sei_policy import _converter, _loader
from sei_policy._formats import tables

from .helpers import ALL_RECORDS, PLAN, json_types

KINDS = [spec.kind for spec in _loader.load().kinds.values()]


@pytest.mark.parametrize("record", ALL_RECORDS, ids=lambda r: r.id)
def test_asdict_is_plain_json_that_round_trips(record: Any) -> None:
    """asdict gives only JSON types, survives json.dumps/loads unchanged, and structures back to an equal record."""
    data = sp.asdict(record)
    assert json_types(data) <= {dict, list, str, int, float, type(None)}
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert _converter.fast().structure(data, type(record)) == record


def test_asdict_refuses_what_is_not_a_record() -> None:
    """A value that is not a record is a clear type error."""
    with pytest.raises(sp.errors.InvalidArgumentTypeError, match=r"asdict\(\) expects record"):
        sp.asdict("action:new-materials")  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", KINDS)
def test_to_records_rows_are_flat_ordered_and_rectangular(kind: sp.Kind) -> None:
    """Each kind's rows: one per record, in document order, the same columns in the same order, plain values."""
    rows = sp.to_records(kind)
    records = sp.records(kind)
    assert [r["id"] for r in rows] == [r.id for r in records]
    assert len({tuple(r) for r in rows}) == 1
    assert list(rows[0])[:7] == ["id", "kind", "notation", "number", "title_en", "title_zh", "summary"]
    assert all(type(v) in (str, int, float, type(None)) for r in rows for v in r.values())
    assert all(r["kind"] == str(kind) for r in rows)


def test_to_records_of_actions() -> None:
    """The action table: 20 rows, relation columns named as the model's fields, lists joined with ';'."""
    rows = sp.to_records("action")
    assert len(rows) == 20
    a9 = rows[8]
    assert a9["notation"] == "A9" and a9["requirement_id"] == "requirement:clusters"
    assert a9["target_ids"] == "target:global-bases;target:competitive-clusters;target:industry-ecosystems"
    assert isinstance(a9["agency_ids"], str) and a9["agency_ids"].split(";")[:2] == ["agency:ndrc", "agency:most"]
    assert rows[0]["agency_ids"] is None  # not known: None, where an empty list would be ""
    assert rows[3]["keywords_status"] == "inferred" and rows[3]["status"] == "verified"
    assert rows[10]["title_zh"] is None and rows[10]["title_zh_status"] == "unverified"


def test_to_records_without_a_kind_is_the_plans_records() -> None:
    """With no kind, every record of the plan, in document order, in one rectangular table."""
    rows = sp.to_records()
    assert [r["id"] for r in rows] == [r.id for r in sp.records()]
    assert len({tuple(r) for r in rows}) == 1
    assert {"requirement_id", "action_ids", "value", "nbs_2018_id"} <= set(rows[0])


def test_no_list_item_holds_the_separator() -> None:
    """No alias, keyword or identifier contains ';', so joined cells split back exactly."""
    for record in ALL_RECORDS:
        assert all(tables.SEPARATOR not in t for t in (*record.aliases.all, *record.keywords.all)), record.id


def test_status_columns_report_the_weakest_claim() -> None:
    """A field whose items have claims of their own reports the weakest of them."""
    rows = {r["id"]: r for r in sp.to_records("objective")}
    statuses = {str(PLAN.objective(1).provenance.status_of(c.field)) for c in PLAN.objective(1).provenance.fields
                if c.field.startswith("keywords")}  # fmt: skip
    order = ["unverified", "inferred", "reported", "seed", "verified"]
    weakest = min(statuses, key=order.index)
    column = next(c for c in rows["objective:six-stabilities"] if c.startswith("keywords") and c.endswith("_status"))
    assert rows["objective:six-stabilities"][column] == weakest


def test_relations_cover_every_link_once() -> None:
    """relations() has one row per identifier in a relation field, each 'to' a real record."""
    rows = sp.relations()
    ids = {r.id for r in ALL_RECORDS}
    assert all(r["to"] in ids and r["from"] in ids for r in rows)
    expected = len(PLAN.issuer_ids) + sum(
        len(v) if isinstance(v, tuple) else v is not None
        for record in sp.records()
        for name, v in vars_of(record).items()
        if name.endswith(("_id", "_ids"))
    )
    assert len(rows) == expected
    assert {"from": "action:cluster-development-project", "relation": "target_ids", "to": "target:industry-ecosystems",
            "position": 3} in rows  # fmt: skip


def vars_of(record: Any) -> dict[str, Any]:
    """A record's fields beyond those every record has, by name (read here without the registry)."""
    common = {a.name for a in attrs.fields(sp.Record)}
    return {a.name: getattr(record, a.name) for a in attrs.fields(type(record)) if a.name not in common}


@pytest.mark.parametrize(("kind", "column"), [("target", "year"), ("plan", "number"), ("target", "value"),
                                              (None, "number")])  # fmt: skip
def test_integer_columns_are_nullable_integers_even_when_empty(kind: str | None, column: str) -> None:
    """An integer column is Int64 in to_frame, even where every value is empty (target year, plan number)."""
    frame = sp.to_frame(kind)
    assert str(frame[column].dtype) == "Int64"


def test_the_plan_row_carries_its_document_number_and_dates() -> None:
    """The plan's row holds the document number and the dates its *_status columns describe, dates as ISO text."""
    (row,) = sp.to_records("plan")
    assert row["document_number"] == PLAN.document_number
    assert row["document_number_en"] == PLAN.document_number_en
    assert PLAN.issued is not None and row["issued"] == PLAN.issued.isoformat() == "2020-09-11"
    assert row["published"] == (None if PLAN.published is None else PLAN.published.isoformat())
    assert row["written"] is None and row["written_status"] == "unverified"
    assert {"document_number_status", "issued_status"} <= set(row)


def test_to_frame_has_nullable_dtypes() -> None:
    """to_frame: 20 action rows, Int64 numbers, string text, categorical kind and statuses."""
    frame = sp.to_frame(sp.Action)
    assert frame.shape == (20, len(sp.to_records("action")[0]))
    assert str(frame["number"].dtype) == "Int64"
    assert str(frame["title_zh"].dtype) == "string"
    assert list(frame["kind"].cat.categories) == list(_loader.load().kinds)
    assert frame["title_zh"].isna().sum() == 10
    assert str(sp.to_frame("target")["value"].dtype) == "Int64"
    relations = tables.relations_frame()
    assert len(relations) == len(sp.relations()) and str(relations["position"].dtype) == "Int64"


def test_to_frame_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, to_frame raises an ImportError that names the extra to install."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(sp.MissingExtraError, match=r"python -m pip install '\.\[pandas\]' from a checkout") as caught:
        sp.to_frame()
    assert isinstance(caught.value, ImportError) and caught.value.extra == "pandas"


# -- export ----------------------------------------------------------------------


def test_csv_for_excel_has_a_byte_order_mark(tmp_path: Path) -> None:
    """excel=True begins every file with the UTF-8 byte-order mark Excel needs for Chinese; without it, none."""
    for path in sp.export("csv", tmp_path / "x", excel=True):
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    for path in sp.export("csv", tmp_path / "y"):
        assert not path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_csv_quotes_every_text_cell_that_holds_a_separator(tmp_path: Path) -> None:
    """A list joined with ';' is quoted, a plain text or a number is not, and the csv module reads the same values."""
    sp.export("csv", tmp_path / "sei")
    text = (tmp_path / "sei" / "action.csv").read_text("utf-8")
    a9 = next(line for line in text.splitlines() if line.startswith("action:cluster-development-project,"))
    assert '"target:global-bases;target:competitive-clusters;target:industry-ecosystems"' in a9
    assert a9.startswith("action:cluster-development-project,action,A9,9,")
    with open(tmp_path / "sei" / "action.csv", encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    expected = sp.to_records("action")
    assert rows == [{k: "" if v is None else str(v) for k, v in r.items()} for r in expected]


@pytest.mark.parametrize(
    ("arguments", "error"),
    [(("yaml", "x"), sp.errors.InvalidArgumentError), ((5, "x"), sp.errors.InvalidArgumentTypeError), (("csv", 5), sp.errors.InvalidArgumentTypeError),
     (("csv", "no/such/folder/x"), sp.ExportError), (("json", "plan\x00.json"), sp.ExportError)],
)  # fmt: skip
def test_export_refuses_bad_arguments_clearly(
    arguments: tuple[Any, Any], error: type[Exception], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bad format, path or folder raises the documented error, naming what was wrong."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(error):
        sp.export(*arguments)


@pytest.mark.parametrize("format_", ["json", "jsonld", "excel", "datapackage"])
def test_excel_byte_order_marks_are_for_csv_only(format_: str, tmp_path: Path) -> None:
    """excel=True with another format is refused, not silently ignored, and nothing is written."""
    with pytest.raises(sp.errors.InvalidArgumentError, match="for the csv format only"):
        sp.export(format_, tmp_path / "out", excel=True)
    assert list(tmp_path.iterdir()) == []


def test_a_bad_base_is_a_type_error(tmp_path: Path) -> None:
    """base= must be text."""
    with pytest.raises(sp.errors.InvalidArgumentTypeError, match="base"):
        sp.export("jsonld", tmp_path / "x.jsonld", base=5)  # type: ignore[arg-type]


@settings(max_examples=25)
@given(st.sampled_from([*KINDS, None]))
def test_to_records_and_to_frame_agree(kind: sp.Kind | None) -> None:
    """The frame holds the same values as the rows, None as missing."""
    rows = sp.to_records(kind)
    frame = sp.to_frame(kind)
    assert list(frame.columns) == list(rows[0])
    for column in ("id", "title_zh", "status"):
        values = [
            None if v is None or v != v else str(v)
            for v in frame[column].astype(object).where(frame[column].notna(), None)
        ]
        assert values == [r[column] for r in rows]
