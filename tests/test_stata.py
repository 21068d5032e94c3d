"""The Stata export: one .dta file per kind and one of the relations, labelled, typed and byte-stable."""

from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path
from typing import Any

import pytest

import sei_policy as sp
from sei_policy import _loader
from sei_policy._formats import stata as _stata
from sei_policy._formats import tables
from sei_policy.models import KINDS, Column

pd: Any = pytest.importorskip("pandas")

pytestmark = pytest.mark.integration  # DataFrame.to_stata and read_stata: seconds per export

HELD = list(_loader.load().kinds)  # the kinds the default dataset holds, in the registry's order
KIND_FILES = [f"{kind}.dta" for kind in HELD]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Stata export, written once for the module through sp.export."""
    path = tmp_path_factory.mktemp("stata") / "sei"
    written = sp.export("stata", path)
    assert [p.name for p in written] == [*KIND_FILES, "relations.dta"]
    return path


def _reader(path: Path) -> Any:
    return pd.io.stata.StataReader(path)


def test_one_file_per_kind_and_the_relations(folder: Path) -> None:
    """The folder holds exactly the eleven files, named for the kinds (nbs-2018.dta with its hyphen)."""
    assert sorted(p.name for p in folder.iterdir()) == sorted([*KIND_FILES, "relations.dta", ".sei-policy-export"])
    assert (folder / "nbs-2018.dta").is_file()


@pytest.mark.parametrize("name", [*KIND_FILES, "relations.dta"])
def test_every_file_reads_back_with_the_rows_of_to_records(folder: Path, name: str) -> None:
    """Each file has the rows and columns of to_records (or relations), in the same order, with the same texts."""
    rows = sp.relations() if name == "relations.dta" else sp.to_records(name.removesuffix(".dta"))
    frame = pd.read_stata(folder / name)
    assert list(frame.columns) == list(rows[0])
    assert len(frame) == len(rows)
    for column in frame.columns:
        if isinstance(frame[column].dtype, pd.CategoricalDtype) or frame[column].dtype.kind in "if":
            expected = [r[column] for r in rows]
            got = [None if pd.isna(v) else v for v in frame[column].astype(object)]
            assert got == expected, column
        else:  # text: "" stands for None
            assert list(frame[column]) == ["" if r[column] is None else r[column] for r in rows], column


def test_action_file_holds_the_twenty_actions_in_document_order(folder: Path) -> None:
    """action.dta: 20 rows A1 … A20, A4's Chinese title intact, kind read back as a categorical."""
    frame = pd.read_stata(folder / "action.dta")
    assert len(frame) == 20
    assert list(frame["notation"]) == [f"A{i}" for i in range(1, 21)]
    assert list(frame["number"]) == list(range(1, 21))
    a4 = frame.iloc[3]
    assert a4["id"] == "action:new-materials"
    assert a4["title_zh"] == "加快新材料产业强弱项"
    assert isinstance(frame["kind"].dtype, pd.CategoricalDtype)
    assert set(frame["kind"]) == {"action"}
    assert isinstance(frame["status"].dtype, pd.CategoricalDtype)
    assert frame.iloc[10]["title_zh"] == ""  # A11: unverified, so empty


def test_variable_labels_as_written(folder: Path) -> None:
    """Every variable has a label of at most 80 characters; the labels say what the column means."""
    with _reader(folder / "action.dta") as reader:
        labels = reader.variable_labels()
    assert labels["title_zh"] == "Title (Chinese)"
    assert labels["title_en"] == "Title (English)"
    assert labels["requirement_id"] == "Requirement (identifier)"
    assert labels["agency_ids"] == "Agencies (identifiers), separated by ;"
    assert labels["keywords_status"] == "Status of keywords"
    assert labels["status"] == "Status of the record (verified, seed, reported, inferred)"
    for name in [*KIND_FILES, "relations.dta"]:
        with _reader(folder / name) as reader:
            labels = reader.variable_labels()
            columns = list(reader.read().columns)
        assert list(labels) == columns
        assert all(0 < len(label) <= 80 for label in labels.values()), name
        dataset = _loader.load()
        found = tables.relation_rows(dataset) if name == "relations.dta" else tables.table(dataset, name[:-4])
        assert labels == {c.name: c.label[:80] for c in found.columns}


def test_value_labels_for_kind_and_every_status_column(folder: Path) -> None:
    """kind and each status column carry value labels listing every kind, or every status, in a fixed order."""
    for name in KIND_FILES:
        with _reader(folder / name) as reader:
            labels = reader.value_labels()
            columns = list(reader.read(convert_categoricals=False).columns)
        status_columns = [c for c in columns if c == "status" or c.endswith("_status")]
        assert set(labels) == {"kind", *status_columns}, name
        assert list(labels["kind"].values()) == HELD
        for column in status_columns:
            assert list(labels[column].values()) == [str(s) for s in sp.Status]
    raw = pd.read_stata(folder / "action.dta", convert_categoricals=False)
    assert set(raw["kind"]) == {HELD.index(sp.Kind.ACTION)}


def test_dataset_label_and_fixed_time_stamp(folder: Path) -> None:
    """Each file names the package version, data edition and kind, and carries the plan's issue date as its stamp."""
    for name in [*KIND_FILES, "relations.dta"]:
        with _reader(folder / name) as reader:
            assert reader.data_label == f"sei_policy {sp.__version__}, data edition {sp.DATA_EDITION}: {name[:-4]}"
            assert reader.time_stamp == "11 Sep 2020 00:00"
    assert datetime.datetime(2020, 9, 11) == _stata.TIME_STAMP


def test_format_118() -> None:
    """The files are format 118 (Stata 14+), whose strings are UTF-8."""
    assert _stata.DTA_VERSION == 118


def test_files_are_format_118_on_disk(folder: Path) -> None:
    """The header of each file says release 118."""
    for name in [*KIND_FILES, "relations.dta"]:
        assert (folder / name).read_bytes().startswith(b"<stata_dta><header><release>118</release>")


def test_integers_and_missing_values(folder: Path) -> None:
    """Numbers are Stata integers; an empty number is Stata missing (read as NaN), an empty text is ""."""
    target = pd.read_stata(folder / "target.dta")
    assert list(target["value"]) == [10, 100, 1000]
    assert str(target["value"].dtype).startswith("int")
    assert target["year"].isna().all()  # the plan states no target year: missing, not text
    plan = pd.read_stata(folder / "plan.dta")
    assert plan["number"].isna().all()
    assert list(plan["notation"]) == [""]
    relations = pd.read_stata(folder / "relations.dta")
    assert str(relations["position"].dtype).startswith("int")


def test_variable_names_are_valid_stata_names() -> None:
    """Every column of to_records and relations is a valid Stata name (≤ 32 characters, letters, digits, _)."""
    kinds = _loader.lineage().kinds
    columns = {c for kind in kinds for c in sp.to_records(kind, document="all")[0]} | set(
        sp.relations(document="all")[0]
    )
    for column in columns:
        assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,31}", column), column
    _stata._check_names(sorted(columns))
    with pytest.raises(sp.ExportError, match="not valid Stata variable names: 'nbs-2018', 'in'"):
        _stata._check_names(["id", "nbs-2018", "in", "x" * 32])


def test_long_chinese_text_is_written_as_strl(tmp_path: Path) -> None:
    """A text of more than 2045 bytes (700 Chinese characters are 2100) is written as strL and read back whole."""
    text = "新材料" * 233 + "产"
    assert len(text) < 2045 < len(text.encode("utf-8"))
    frame = _stata.stata_frame(
        pd, pd.DataFrame({"id": ["x:1", "x:2"], "summary": pd.array([text, None], dtype="string")})
    )
    assert _stata.strl_columns(frame) == ["summary"]
    _stata.write_frame(frame, tmp_path / "long.dta", label="test")
    back = pd.read_stata(tmp_path / "long.dta")
    assert list(back["summary"]) == [text, ""]


def test_missing_pandas_raises_missing_extra_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas the export says which extra to install, and writes nothing."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(
        sp.MissingExtraError,
        match=r"export to stata needs pandas: python -m pip install '\.\[pandas\]' from a checkout",
    ) as caught:
        sp.export("stata", tmp_path / "sei")
    assert caught.value.extra == "pandas"
    assert isinstance(caught.value, ImportError)
    assert list(tmp_path.iterdir()) == []


def test_labels_fit_stata() -> None:
    """Every column label is the declared one, cut to 80 characters, and dataset labels too."""
    long = Column(name="x", title="x", label="x" * 200, description="")
    assert len(tables.label(long)) == 80
    found = tables.table(_loader.load(), "industry")
    labels = {c.name: tables.label(c) for c in found.columns}
    assert labels["nbs_2018_id"] == "NBS 2018 field (identifier)"
    assert tables.label(next(c for c in KINDS["objective"].columns if c.type.is_relation)).endswith(
        "(identifiers), separated by ;"
    )
    assert len(_stata.dataset_label("2026.2", "x" * 200)) == 80


def test_fractional_numbers_are_doubles_with_stata_missing(tmp_path: Path) -> None:
    """A Float64 column (none ships today) is written as a double; its missing value is Stata's ".", read back as NaN."""
    frame = _stata.stata_frame(
        pd, pd.DataFrame({"id": ["x:1", "x:2"], "share": pd.array([10.5, None], dtype="Float64")})
    )
    assert str(frame["share"].dtype) == "float64"
    _stata.write_frame(frame, tmp_path / "share.dta", label="test")
    back = pd.read_stata(tmp_path / "share.dta")
    assert back["share"].iloc[0] == 10.5
    assert pd.isna(back["share"].iloc[1])
