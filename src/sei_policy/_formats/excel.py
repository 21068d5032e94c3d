"""Excel export: one ``.xlsx`` workbook with a README, a sheet per kind, the relations and the sources.

A dataset other than the default (``document="all"`` or one document) adds a ``documents``
sheet (one row per document) and, where it has any, a ``crosswalk`` sheet (one row per
correspondence between concepts of two documents: subject, match, object, status, sources,
note); the README then describes the dataset's documents.

The sheets, in order: ``README`` (what the data is, its licence, how to cite it, and what
each sheet and column holds), one sheet per kind named for it (``plan``, ``priority`` …
``nbs-2018``) with the rows of :func:`sei_policy.to_records`, ``relations`` with the rows
of :func:`sei_policy.relations`, and ``sources`` with the source register. Each data
sheet has a bold, frozen header row and a filter; numbers are numbers, an empty value is
an empty cell, lists are joined with ``;`` as in the CSV files.

The workbook is deterministic: its document properties carry the plan's issue date, not
the time of writing, and the zip archive is rewritten with fixed entry dates in sorted
order, so the same data and the same openpyxl give the same bytes on every run.

>>> from sei_policy._formats.excel import display_width
>>> display_width("new materials"), display_width("新材料")
(13, 6)
"""

from __future__ import annotations

import datetime
import io
import unicodedata
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from sei_policy import _loader
from sei_policy._about import AUTHOR, DATA_LICENCE, DATA_LICENCE_TITLE, DATA_LICENCE_URL, __version__
from sei_policy._cite import cite
from sei_policy._formats.files import atomic_path
from sei_policy._formats.tables import SEPARATOR, Table, is_default, lineage_tables, tables
from sei_policy._formats.tables import label as column_label
from sei_policy.errors import ExportError, MissingExtraError
from sei_policy.models import Column, Status

__all__ = ("CREATED", "ZIP_DATE_TIME", "display_width", "recognise", "write")

CREATED = datetime.datetime(2020, 9, 11)
"""The workbook's created and modified dates: the plan's issue date, never the time of writing."""

ZIP_DATE_TIME = (2020, 9, 11, 0, 0, 0)
"""The date of every entry of the zip archive, for the same reason."""

MAX_WIDTH = 60
"""The widest a data column is set, in character widths; longer texts are cut off on screen, not in the cell."""

_FORBIDDEN = frozenset("[]:*?/\\")

_SOURCE_COLUMNS = (
    Column(name="key", title="Key", label="Key of the source, as the records' provenance cites it (S1, seed …)",
           description=""),
    Column(name="address", title="Address", label="Address (URL) of the source, where recorded", description=""),
    Column(name="description", title="Description", label="What the source is and what was read in it",
           description=""),
    Column(name="reliability", title="Reliability", label="Reliability, where it is doubtful (low)", description=""),
)  # fmt: skip
"""The columns of the sources sheet, the source register (not a kind of record)."""

_CROSSWALK_COLUMNS = (
    Column(name="subject", title="Subject", label="Concept of one document (identifier)", description=""),
    Column(name="match", title="Match", label="What the object is to the subject (exact, close, broader …)",
           description=""),
    Column(name="object", title="Object", label="Concept of another document (identifier)", description=""),
    Column(name="status", title="Status", label="Status of the correspondence (inferred …)", description=""),
    Column(name="sources", title="Sources", label="Sources of the correspondence (register keys), separated by ;",
           description=""),
    Column(name="note", title="Note", label="What the correspondence rests on", description=""),
)  # fmt: skip
"""The columns of the crosswalk sheet: one row per correspondence between concepts of two documents."""

_STATUS_TEXT = {
    Status.VERIFIED: "read in a source of the register",
    Status.SEED: "taken from the summary article the project started from",
    Status.REPORTED: "stated in press reports or other secondary sources",
    Status.INFERRED: "worked out by the project",
    Status.UNVERIFIED: "no source supports a value, so the cell is empty",
}


def display_width(text: str) -> int:
    """How many character widths ``text`` takes on screen: wide characters (Chinese) count two.

    Args:
        text: the text; of several lines, the widest counts.
    """
    return max(
        (sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line) for line in text.split("\n")),
        default=0,
    )


def _check_sheet_name(name: str) -> str:
    if not name or len(name) > 31 or _FORBIDDEN.intersection(name) or name.startswith("'") or name.endswith("'"):
        raise ExportError(f"{name!r} cannot name an Excel sheet (at most 31 characters, none of []:*?/\\)")
    return name


def _put(ws: Any, row: int, column: int, value: object) -> Any:
    """Write one cell: ``None`` or ``""`` leaves it empty, a text stays text (never a formula), a number a number."""
    cell = ws.cell(row=row, column=column)
    if value is None or value == "":  # an empty list is joined to ""
        return cell
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl reads a text starting with "=" as a formula
    return cell


def _table(ws: Any, rows: Sequence[Mapping[str, object]], columns: Sequence[str], kit: Any) -> None:
    """A data sheet: bold frozen header, typed values, a filter, and widths that fit the contents."""
    for j, name in enumerate(columns, start=1):
        _put(ws, 1, j, name).font = kit.Font(bold=True)
    widths = [display_width(name) + 3 for name in columns]  # room for the filter's button
    for i, row in enumerate(rows, start=2):
        for j, name in enumerate(columns, start=1):
            value = row.get(name)
            _put(ws, i, j, value)
            if value is not None and value != "":
                widths[j - 1] = max(widths[j - 1], display_width(str(value)) + 1)
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[kit.get_column_letter(j)].width = min(width, MAX_WIDTH)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{kit.get_column_letter(len(columns))}{len(rows) + 1}"


def _readme(ws: Any, dataset: _loader.Dataset, sheets_of: Mapping[str, Table], kit: Any) -> None:
    """The README sheet: what the data is, its licence, how to cite it, and what each sheet and column holds."""
    plan = dataset.plan
    bold = kit.Font(bold=True)
    wrap = kit.Alignment(wrap_text=True, vertical="top")
    about: list[tuple[str, str]] = [*_described(dataset), ("Data edition", plan.edition)]
    about += [
        (
            "Package",
            f"sei_policy {__version__}, a Python data library (install from a checkout: python -m pip install .)",
        ),
        (
            "Licence",
            f"The data: {DATA_LICENCE} ({DATA_LICENCE_TITLE}, "
            f"{DATA_LICENCE_URL}). Each record's sources are credited in its "
            "provenance (in Python, sp.get(identifier).provenance and sp.cite(identifier)); the sources "
            "sheet lists them all. The code of the sei_policy library: MIT.",
        ),
        (
            "How to cite",
            cite(plan.id) if is_default(dataset) else f"{AUTHOR}, sei_policy, data edition {plan.edition}",
        ),
        (
            "Cite one record",
            'In Python: import sei_policy as sp; print(sp.cite("action:new-materials")); '
            'for BibTeX, sp.cite("action:new-materials", style="bibtex").',
        ),
        (
            "Identifiers",
            "The id column holds stable identifiers (action:new-materials): they never change meaning "
            "and are never reused, so they are safe to cite and to join on.",
        ),
        (
            "Empty cells",
            "An empty cell is a value that is not known (no registered source supports it: its "
            "status column says unverified) or that the plan does not have (an action without an "
            "industry, a target year). Several values in one cell are separated by ;.",
        ),
        ("Status values", "; ".join(f"{s}: {text}" for s, text in _STATUS_TEXT.items())),
    ]
    heading = (
        "sei_policy: China's 2020 plan for investment in Strategic Emerging Industries, as data"
        if is_default(dataset)
        else "sei_policy: China's Strategic Emerging Industries policy documents, as data"
    )
    title = _put(ws, 1, 1, heading)
    title.font = kit.Font(bold=True, size=14)
    row = 3
    for label, text in about:
        _put(ws, row, 1, label).font = bold
        _put(ws, row, 2, text).alignment = wrap
        row += 1
    row += 1
    for j, head in enumerate(("Sheet", "What it holds", "Rows"), start=1):
        _put(ws, row, j, head).font = bold
    sheets: list[tuple[str, str, int | None]] = [("README", "this page", None)]
    for name, found in sheets_of.items():
        if found.spec is not None:
            sheets.append((name, found.spec.summary or found.spec.plural, len(found.rows)))
    sheets.append(("relations", "one row per link from a record to another: from (an identifier), relation "
                                "(the field that holds the link), to (an identifier), position (within a list, "
                                "from 1)", len(sheets_of["relations"].rows)))  # fmt: skip
    register = "the source register: key, address, description, reliability"
    sheets.append(("sources", register, len(sheets_of["sources"].rows)))
    if "documents" in sheets_of:
        listed = "one row per document: identifier, key, kind, type, titles, number, issuers, dates, period"
        sheets.append(("documents", listed, len(sheets_of["documents"].rows)))
    if "crosswalk" in sheets_of:
        crosswalk = (
            "one row per correspondence between concepts of two documents: subject, match (what the object "
            "is to the subject, as SKOS reads it: broader means the object is broader), object, status, "
            "sources, note"
        )
        sheets.append(("crosswalk", crosswalk, len(sheets_of["crosswalk"].rows)))
    for name, text, count in sheets:
        row += 1
        _put(ws, row, 1, name)
        _put(ws, row, 2, text).alignment = wrap
        _put(ws, row, 3, count)
    row += 2
    for j, head in enumerate(("Column", "What it holds"), start=1):
        _put(ws, row, j, head).font = bold
    columns: dict[str, str] = {}
    for found in sheets_of.values():
        if found.rows:
            columns.update({c.name: column_label(c) for c in found.columns if c.name not in columns})
    for name, text in columns.items():
        row += 1
        _put(ws, row, 1, name)
        _put(ws, row, 2, text).alignment = wrap
    ws.column_dimensions["A"].width = max(display_width(c) for c in (*columns, "Status values")) + 2
    ws.column_dimensions["B"].width = 100
    ws.column_dimensions["C"].width = 8


def _described(dataset: _loader.Dataset) -> list[tuple[str, str]]:
    """The README's first lines: the 2020 plan (and NBS 2018) by default, else each document of the dataset."""
    plan = dataset.plan
    if not is_default(dataset):
        return [
            (
                "Document" if len(dataset.documents) == 1 else f"Document {i}",
                "; ".join(
                    text
                    for text in (d.title.en, d.title.zh, d.document_number, d.dates[0].isoformat() if d.dates else None)
                    if text
                ),
            )
            for i, d in enumerate(dataset.documents, start=1)
        ]
    issuers = "; ".join(f"{a.title.en} ({a.title.zh}, {a.notation})" for a in plan.issuers())
    return [
        ("Document", str(plan.title.en)),
        ("Chinese title", str(plan.title.zh)),
        ("Document number", f"{plan.document_number} ({plan.document_number_en})"),
        ("Issued by", issuers),
        ("Issued on", str(plan.issued)),
        ("Also included", "the top-level fields of the NBS Strategic Emerging Industries Classification (2018)"),
    ]


def _tables(dataset: _loader.Dataset) -> dict[str, Table]:
    """Each data sheet's name and table: the kinds, the relations, then the source register, then, for a
    dataset other than the default, the documents and (where it has any) the crosswalk."""
    found = tables(dataset)
    found["sources"] = Table(
        "sources",
        _SOURCE_COLUMNS,
        tuple(
            {"key": s.key, "address": s.address, "description": s.description, "reliability": s.reliability}
            for s in (dataset.sources or dataset.plan.sources)
        ),
    )
    documents = lineage_tables(dataset).get("documents")
    if documents is not None:
        found["documents"] = documents
    if dataset.correspondences:
        found["crosswalk"] = Table(
            "crosswalk",
            _CROSSWALK_COLUMNS,
            tuple(
                {
                    "subject": c.subject_id,
                    "match": str(c.match),
                    "object": c.object_id,
                    "status": str(c.status),
                    "sources": SEPARATOR.join(c.source_keys),
                    "note": c.note,
                }
                for c in dataset.correspondences
            ),
        )
    return found


def _deterministic_zip(data: bytes) -> bytes:
    """The archive again, with its entries in sorted order, each dated :data:`ZIP_DATE_TIME`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for name in sorted(source.namelist()):  # "[Content_Types].xml" sorts first, as readers expect
            entry = zipfile.ZipInfo(name, date_time=ZIP_DATE_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3  # the platform the entry claims to come from: else 0 on Windows, 3 elsewhere
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(name), compresslevel=6)
    return out.getvalue()


def write(dataset: _loader.Dataset, path: Path, *, overwrite: bool = False, **_: object) -> list[Path]:
    """Write one ``.xlsx`` workbook at ``path``: README, a sheet per kind, relations, sources.

    Args:
        path: the workbook file to write.
        overwrite: replace an existing file.

    Returns:
        ``[path]``.

    Raises:
        MissingExtraError: openpyxl (the ``excel`` extra) is not installed.
        ExportError: ``path`` exists and ``overwrite`` is false.
    """
    try:
        import openpyxl  # type: ignore[import-untyped, unused-ignore]
        from openpyxl import styles, utils  # type: ignore[import-untyped, unused-ignore]
        from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped, unused-ignore]
    except ImportError:
        raise MissingExtraError("export to excel", "excel", "openpyxl") from None

    # What the sheet builders use of openpyxl, handed to them so that openpyxl is imported here only.
    kit = SimpleNamespace(Font=styles.Font, Alignment=styles.Alignment, get_column_letter=utils.get_column_letter)

    plan = dataset.plan
    sheets = _tables(dataset)
    wb = openpyxl.Workbook()
    readme = wb.active
    readme.title = "README"
    _readme(readme, dataset, sheets, kit)
    for name, found in sheets.items():
        ws = wb.create_sheet(_check_sheet_name(name))
        _table(ws, found.rows, [c.name for c in found.columns], kit)
    props = wb.properties
    props.creator = "sei_policy"
    props.lastModifiedBy = None
    if is_default(dataset):
        props.title = f"{plan.title.en} ({plan.document_number}), as data"
        props.subject = "China's 2020 Strategic Emerging Industries plan and the NBS 2018 SEI classification"
    else:
        keys = "; ".join(d.key for d in dataset.documents)
        only = dataset.documents[0]
        named = f"{only.title.en or only.title.zh} ({only.document_number or only.key})"
        props.title = (named if len(dataset.documents) == 1 else keys) + ", as data"
        props.subject = f"China's Strategic Emerging Industries policy documents: {keys}"
    props.description = f"sei_policy {__version__}, data edition {plan.edition}; data licensed {DATA_LICENCE}"
    props.created = CREATED
    props.modified = CREATED
    buffer = io.BytesIO()
    # ExcelWriter, not Workbook.save: save() stamps the modified date with the current time.
    ExcelWriter(wb, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    data = _deterministic_zip(buffer.getvalue())
    with atomic_path(path, overwrite=overwrite) as target:
        target.write_bytes(data)
    return [Path(path)]


def recognise(dataset: _loader.Dataset, path: Path) -> bool:
    """Whether ``path`` is a workbook the library wrote: its document properties name sei_policy as the creator."""
    try:
        with zipfile.ZipFile(path) as archive:
            core = archive.read("docProps/core.xml")
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return False
    return b"<dc:creator>sei_policy</dc:creator>" in core
