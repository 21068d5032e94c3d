"""The contract every export format keeps, in one table over all seven formats.

Atomic writes, refusing to overwrite, replacing the library's own earlier export,
byte-identical files across runs, and each file read back with the tool its users have.
The format-specific checks stay in test_export, test_skos, test_datapackage, test_stata
and test_excel.
"""

from __future__ import annotations

import csv
import json
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import sei_policy as sp
from sei_policy import _formats, _loader
from sei_policy._formats import CONTRACT, files

KINDS = _loader.load().kinds

FORMATS = list(CONTRACT)
"""Every format, in the contract's order."""

TARGETS = {name: f"sei{f.suffix}" for name, f in CONTRACT.items()}
"""The path each format is exported to: a file with the format's suffix, or a folder."""


def _paths(root: Path, written: list[Path]) -> dict[str, bytes]:
    """Every file under ``root`` (a folder export) or ``root`` itself, relative name -> bytes."""
    if root.is_file():
        return {root.name: root.read_bytes()}
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_contract_names_every_format() -> None:
    """FORMATS and the contract list the same seven formats; a folder format has no suffix, a file format one."""
    assert list(sp.FORMATS) == FORMATS == ["json", "csv", "jsonld", "turtle", "datapackage", "stata", "excel"]
    assert {n for n, f in CONTRACT.items() if f.folder} == {"csv", "datapackage", "stata"}
    assert {n: f.suffix for n, f in CONTRACT.items() if not f.folder} == {
        "json": ".json", "jsonld": ".jsonld", "turtle": ".ttl", "excel": ".xlsx"
    }  # fmt: skip
    assert all(sp.FORMATS[n] == f.description for n, f in CONTRACT.items())


@pytest.mark.parametrize("format", FORMATS)
def test_a_failed_export_leaves_nothing_behind(format: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the final rename fails, neither the target nor a temporary file remains."""

    def broken(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files, "os", SimpleNamespace(replace=broken))
    with pytest.raises(sp.ExportError, match="No space left on device"):
        sp.export(format, tmp_path / TARGETS[format])
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("format", FORMATS)
def test_an_existing_path_is_kept_unless_overwrite(format: str, tmp_path: Path) -> None:
    """A file or folder that is not the library's export of the format is refused, untouched; overwrite=True replaces it."""
    target = tmp_path / TARGETS[format]
    if CONTRACT[format].folder:
        target.mkdir()
        (target / "notes.txt").write_text("keep me", "utf-8")
        kept = target / "notes.txt"
    else:
        target.write_text("keep me", "utf-8")
        kept = target
    with pytest.raises(sp.ExportError, match="exists; pass overwrite=True"):
        sp.export(format, target)
    assert kept.read_text("utf-8") == "keep me"
    written = sp.export(format, target, overwrite=True)
    assert written and all(p.is_file() for p in written)


@pytest.mark.parametrize("format", FORMATS)
def test_exporting_again_replaces_the_own_export_byte_for_byte(format: str, tmp_path: Path) -> None:
    """A second export over the library's own export of the same format needs no overwrite, and gives the same bytes."""
    target = tmp_path / TARGETS[format]
    first = sp.export(format, target)
    before = _paths(target, first)
    second = sp.export(format, target)  # a notebook's "Restart & Run All"
    assert second == first
    assert _paths(target, second) == before
    if CONTRACT[format].folder:
        assert json.loads((target / files.MARKER).read_text("utf-8")) == {"format": format, "written_by": "sei_policy"}


@pytest.mark.parametrize("format", FORMATS)
def test_the_export_of_another_format_is_refused(format: str, tmp_path: Path) -> None:
    """An earlier export of another format at the path is still refused without overwrite=True."""
    other = "datapackage" if format == "csv" else "csv" if CONTRACT[format].folder else "excel"
    other = "json" if format == "excel" else other
    target = tmp_path / TARGETS[format]
    (tmp_path / "other").mkdir()
    written = sp.export(other, tmp_path / "other" / "x")
    (written[0] if not CONTRACT[other].folder else tmp_path / "other" / "x").rename(target)
    with pytest.raises(sp.ExportError, match="exists"):
        sp.export(format, target)


@pytest.mark.parametrize(("format", "base"), [(f, "https://example.org/sei/") for f in FORMATS if not CONTRACT[f].rdf])
def test_base_is_for_the_rdf_formats_only(format: str, base: str, tmp_path: Path) -> None:
    """base= with a format that writes no IRIs is refused, not silently ignored, and nothing is written."""
    with pytest.raises(sp.errors.InvalidArgumentError, match="for the 'jsonld' and 'turtle' formats only"):
        sp.export(format, tmp_path / TARGETS[format], base=base)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("path", [b"sei.json", bytearray(b"sei.json")])
def test_a_bytes_path_is_a_clear_type_error(path: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bytes path is refused with the library's type error, which says to decode it, not a raw TypeError."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(sp.errors.InvalidArgumentTypeError, match="decode a bytes path first"):
        sp.export("json", path)
    assert list(tmp_path.iterdir()) == []


class _BytesPath:
    """An os.PathLike whose path is bytes."""

    def __fspath__(self) -> bytes:
        return b"sei.json"


def test_a_pathlike_giving_bytes_is_a_clear_type_error(tmp_path: Path) -> None:
    """An os.PathLike that gives bytes is refused the same way."""
    with pytest.raises(sp.errors.InvalidArgumentTypeError, match="decode a bytes path first"):
        sp.export("json", _BytesPath())  # type: ignore[arg-type]


# -- read back with the real tool --------------------------------------------------------


def _json(path: Path) -> None:
    files_ = dict(_loader.read())
    files_[_loader.PLAN_FILE] = path.read_bytes()
    assert _loader.parse(files_).plan == sp.plan()


def _csv(path: Path) -> None:
    import duckdb
    import pandas as pd

    for kind in KINDS:
        rows = sp.to_records(kind)
        frame = pd.read_csv(path / f"{kind}.csv", dtype=str, keep_default_na=False)
        assert list(frame.columns) == list(rows[0])
        assert frame.to_dict("records") == [{k: "" if v is None else str(v) for k, v in r.items()} for r in rows]
    sql = f"SELECT count(*), count(agency_ids) FROM read_csv('{path / 'action.csv'}', header = true)"
    assert duckdb.connect().sql(sql).fetchall() == [(20, 1)]


def _rdf(format: str) -> Callable[[Path], None]:
    def read(path: Path) -> None:
        import rdflib

        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "ConjunctiveGraph is deprecated", DeprecationWarning)
            graph = rdflib.Graph().parse(data=path.read_text("utf-8"), format=format)
        concepts = set(graph.subjects(rdflib.RDF.type, rdflib.SKOS.Concept))
        assert len(concepts) == len(sp.records()) + len(sp.records(kind=sp.NbsCategory))

    return read


def _datapackage(path: Path) -> None:
    import frictionless

    report = frictionless.validate(path / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


def _stata(path: Path) -> None:
    import pandas as pd

    for kind in KINDS:
        frame = pd.read_stata(path / f"{kind}.dta")
        assert list(frame["id"]) == [r["id"] for r in sp.to_records(kind)]


def _excel(path: Path) -> None:
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True)
    assert workbook.sheetnames == ["README", *KINDS, "relations", "sources"]
    rows = list(workbook["action"].iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == [r["id"] for r in sp.to_records("action")]
    workbook.close()


_INTEGRATION = pytest.mark.integration
READERS = [
    pytest.param("json", _json, id="json-loader"),
    pytest.param("csv", _csv, id="csv-pandas-duckdb", marks=_INTEGRATION),
    pytest.param("jsonld", _rdf("json-ld"), id="jsonld-rdflib", marks=_INTEGRATION),
    pytest.param("turtle", _rdf("turtle"), id="turtle-rdflib", marks=_INTEGRATION),
    pytest.param("datapackage", _datapackage, id="datapackage-frictionless", marks=_INTEGRATION),
    pytest.param("stata", _stata, id="stata-pandas", marks=_INTEGRATION),
    pytest.param("excel", _excel, id="excel-openpyxl"),
]


def test_every_format_has_a_reader() -> None:
    """The table below reads back every format of the contract."""
    assert [p.values[0] for p in READERS] == FORMATS


@pytest.mark.parametrize(("format", "read"), READERS)
def test_each_export_reads_back_with_its_tool(format: str, read: Callable[[Path], None], tmp_path: Path) -> None:
    """What each format writes reads back with the tool its users have, holding the records."""
    written = sp.export(format, tmp_path / TARGETS[format])
    assert written and all(p.is_file() for p in written)
    read(tmp_path / TARGETS[format])


def test_csv_keeps_its_columns_when_split_on_every_separator(tmp_path: Path) -> None:
    """LibreOffice splits on tab, comma and semicolon: read that way, every row keeps the header's width."""
    sp.export("csv", tmp_path / "sei")
    for path in (tmp_path / "sei").glob("*.csv"):
        lines = path.read_text("utf-8").splitlines()
        header = len(next(csv.reader(lines[:1])))
        for line in lines[1:]:
            cells = _split_like_libreoffice(line)
            assert len(cells) == header, (path.name, line[:80])


def _split_like_libreoffice(line: str) -> list[str]:
    """A line split on tab, comma and semicolon outside quotes, as LibreOffice's default import does."""
    cells, cell, quoted = [], "", False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char in ",;\t" and not quoted:
            cells.append(cell)
            cell = ""
            continue
        cell += char
    return [*cells, cell]


def test_the_old_csv_would_have_spilled() -> None:
    """The check above can fail: an unquoted list cell splits into several columns."""
    assert len(_split_like_libreoffice("a,b;c,d")) == 4
    assert len(_split_like_libreoffice('a,"b;c",d')) == 3


def test_export_dataset_is_what_export_calls(tmp_path: Path) -> None:
    """export() is export_dataset() over the shipped data: the same bytes."""
    one = sp.export("json", tmp_path / "a.json")[0]
    two = _formats.export_dataset(_loader.load(), "json", tmp_path / "b.json")[0]
    assert one.read_bytes() == two.read_bytes()


@pytest.mark.parametrize("format", FORMATS)
def test_a_file_and_a_folder_never_replace_each_other(format: str, tmp_path: Path) -> None:
    """Even with overwrite=True, a folder format does not replace a file, nor a file format a folder."""
    target = tmp_path / "x"
    if CONTRACT[format].folder:
        target.write_text("keep me", "utf-8")
        expected = "cannot replace the file"
    else:
        target.mkdir()
        (target / "mine.txt").write_text("keep me", "utf-8")
        expected = "cannot replace the folder"
    with pytest.raises(sp.ExportError, match=expected):
        sp.export(format, target, overwrite=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x"]


@pytest.mark.parametrize("format", [f for f in FORMATS if not CONTRACT[f].folder])
@pytest.mark.parametrize("content", [b"", b"\xff\xfe not text", b'{"@context": 1}', b"[1, 2]", b"x" * 5000])
def test_a_file_that_is_not_the_own_export_is_not_recognised(format: str, content: bytes, tmp_path: Path) -> None:
    """A file format recognises its own export only: not an empty, binary or unrelated file, nor a folder."""
    dataset = _loader.load()
    path = tmp_path / "x"
    path.write_bytes(content)
    assert not CONTRACT[format].recognises(dataset, path)
    assert not CONTRACT[format].recognises(dataset, tmp_path)  # a folder
    assert not CONTRACT[format].recognises(dataset, tmp_path / "missing")
    written = sp.export(format, tmp_path / f"own{CONTRACT[format].suffix}")
    assert CONTRACT[format].recognises(dataset, written[0])


EXTRAS = {"rdf": "rdflib", "pandas": "pandas", "excel": "openpyxl"}
"""Each extra of the contract and the module it installs."""


@pytest.mark.parametrize("format", [f for f in FORMATS if CONTRACT[f].extra])
def test_a_missing_extra_is_named_as_the_contract_says(
    format: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without its extra's module, a format raises MissingExtraError naming the contract's extra, and writes nothing."""
    extra = CONTRACT[format].extra
    monkeypatch.setitem(sys.modules, EXTRAS[extra], None)
    with pytest.raises(sp.MissingExtraError, match=rf"python -m pip install '\.\[{extra}\]' from a checkout") as caught:
        sp.export(format, tmp_path / TARGETS[format])
    assert caught.value.extra == extra
    assert list(tmp_path.iterdir()) == []
