"""Stata export: a folder of Stata 14+ ``.dta`` files, one per kind of record and one of the relations.

Each file holds the rows of :func:`sei_policy.to_records` for one kind (``action.dta``,
``nbs-2018.dta`` …) or of :func:`sei_policy.relations` (``relations.dta``), in document
order, written by pandas in format 118 (Stata 14 and later): strings are UTF-8, so the
Chinese is kept as it is. Every variable has a label that says what it holds, ``kind``
and every status column are stored as numbers with value labels, and each file has a
dataset label naming the package version, the data edition and the kind.

Every table ends with ``document_id``, labelled, the identifier of the record's document. A
dataset other than the default (``document="all"`` or one document) adds ``documents.dta``:
one row per document, with its key, kind, type, titles, number, issuers, dates and period.

Missing values: an empty text is ``""`` (Stata has no missing string), an empty integer
is Stata's system missing ``.`` in a ``long`` variable. The files carry a fixed time
stamp, the plan's issue date, so the same data gives the same bytes on every run.

The variable labels are the columns' declared labels (``Column.label``, at most 80
characters), which the Excel workbook shows too; the types come from the declared types:
an integer column is a ``long`` even where every value is empty (the plan's ``number``).

>>> from sei_policy import _loader
>>> frames = _tables(_loader.load(), __import__("pandas"))
>>> frame, labels = frames["target.dta"]
>>> str(frame["year"].dtype), labels["title_zh"]
('Int64', 'Title (Chinese)')
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from sei_policy import _loader
from sei_policy._about import __version__
from sei_policy._formats import tables as _tables_of
from sei_policy._formats.files import atomic_path, write_marker
from sei_policy._formats.tables import MAX_LABEL
from sei_policy.errors import ExportError, MissingExtraError

__all__ = ("DTA_VERSION", "TIME_STAMP", "dataset_label", "write")

DTA_VERSION = 118
"""The ``.dta`` format written: 118, read by Stata 14 and later, with UTF-8 strings."""

TIME_STAMP = datetime.datetime(2020, 9, 11)
"""The time stamp every file carries: the plan's issue date, so that files do not change between runs."""

MAX_STR = 2045
"""The longest ``str#`` value in bytes; a column with a longer value is written as ``strL``."""

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,31}")
_RESERVED = frozenset(
    ("_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long", "_n", "_N", "_pi", "_pred",
     "_rc", "_se", "_skip", "str", "strL", "using", "with")
)  # fmt: skip


def dataset_label(edition: str, name: str) -> str:
    """The dataset label of one file: ``sei_policy <version>, data edition <edition>: <name>``.

    >>> dataset_label("2026.2", "action")  # doctest: +ELLIPSIS
    'sei_policy ..., data edition 2026.2: action'
    """
    return f"sei_policy {__version__}, data edition {edition}: {name}"[:MAX_LABEL]


def _check_names(columns: Iterable[str]) -> None:
    """Refuse a column name Stata would not take as a variable name (pandas would rename it silently)."""
    bad = [c for c in columns if not _NAME.fullmatch(c) or c in _RESERVED]
    if bad:
        raise ExportError(f"not valid Stata variable names: {', '.join(map(repr, bad))}"[:300])


def _utf8_length(value: object) -> int:
    return len(value.encode("utf-8")) if isinstance(value, str) else 0


def strl_columns(frame: Any) -> list[str]:
    """The text columns with a value longer than Stata's 2045-byte ``str#`` limit (in UTF-8), written as ``strL``.

    pandas measures in characters; a Chinese text of 700 characters is 2100 bytes, so this
    counts the bytes.
    """
    return [
        column
        for column in frame.columns
        if frame[column].dtype == object and max((_utf8_length(v) for v in frame[column]), default=0) > MAX_STR
    ]


def stata_frame(pd: Any, frame: Any) -> Any:
    """A frame of :func:`~sei_policy.to_frame` with dtypes that ``DataFrame.to_stata`` writes as intended.

    - ``category`` columns (``kind``, the status columns) are kept: pandas writes them as
      numbers with value labels, one label set per column, named for it;
    - whole numbers (``Int64``, which the declared integer columns are even where every
      value is empty) stay ``Int64``: pandas writes a Stata ``long`` and a missing value as ``.``;
    - fractional numbers (``Float64``) become ``float64``, missing as ``.``;
    - everything else becomes ``object`` text with ``""`` for a missing value.
    """
    out = {}
    for column in frame.columns:
        series = frame[column]
        if isinstance(series.dtype, pd.CategoricalDtype):
            out[column] = series
        elif str(series.dtype) == "Int64":
            out[column] = series.astype("Int64")
        elif str(series.dtype) == "Float64":
            out[column] = series.astype("float64")
        else:
            out[column] = pd.Series([("" if pd.isna(v) else str(v)) for v in series], index=series.index, dtype=object)
    return pd.DataFrame(out, columns=list(frame.columns))


def write_frame(frame: Any, path: Path, *, label: str, labels: Mapping[str, str] | None = None) -> None:
    """Write one prepared frame as a ``.dta`` file, with its labels and the fixed time stamp.

    Args:
        frame: a frame from :func:`stata_frame`.
        path: the file to write.
        label: the dataset label (see :func:`dataset_label`).
        labels: each column's variable label (at most 80 characters); a column without one gets none.
    """
    columns = [str(c) for c in frame.columns]
    _check_names(columns)
    frame.to_stata(
        path,
        write_index=False,
        version=DTA_VERSION,
        byteorder="little",
        time_stamp=TIME_STAMP,
        data_label=label,
        variable_labels={c: labels[c][:MAX_LABEL] for c in columns if labels and c in labels},
        convert_strl=strl_columns(frame),
    )


def _tables(dataset: _loader.Dataset, pd: Any) -> dict[str, tuple[Any, dict[str, str]]]:
    """Each file's name, frame and variable labels: one per kind, in the registry's order, then the relations,
    then, for a dataset other than the default, the documents."""
    files = {}
    found_tables = _tables_of.tables(dataset)
    documents = _tables_of.lineage_tables(dataset).get("documents")
    if documents is not None:  # a dataset other than the default: its documents, which document_id names
        found_tables["documents"] = documents
    for name, found in found_tables.items():
        data = stata_frame(pd, _tables_of.frame(dataset, found, "export to stata"))
        files[f"{name}.dta"] = (data, {c.name: _tables_of.label(c) for c in found.columns})
    return files


def write(dataset: _loader.Dataset, path: Path, *, overwrite: bool = False, **_: object) -> list[Path]:
    """Create the folder ``path`` with one ``.dta`` file per kind, named for it, and ``relations.dta``
    (and ``documents.dta`` for a dataset other than the default).

    Args:
        path: the folder to create.
        overwrite: replace the files of an existing folder.
    Returns:
        The paths of the files written, in the order of the kinds, then
        ``relations.dta``.

    Raises:
        MissingExtraError: pandas is not installed.
        ExportError: ``path`` exists and ``overwrite`` is false.
    """
    try:
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]
    except ImportError:
        raise MissingExtraError("export to stata", "pandas", "pandas") from None
    files = _tables(dataset, pd)
    with atomic_path(path, overwrite=overwrite) as target:
        target.mkdir()
        for name, (data, labels) in files.items():
            label = dataset_label(dataset.plan.edition, name.removesuffix(".dta"))
            write_frame(data, target / name, label=label, labels=labels)
        write_marker(target, "stata")
    return [Path(path) / name for name in files]
