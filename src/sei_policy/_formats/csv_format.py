"""CSV: a folder of UTF-8 files, one per kind (named for it) and ``relations.csv``.

A dataset other than the default (``document="all"`` or one document) adds
``documents.csv`` (one row per document), ``document-relations.csv`` (the links between
documents), ``correspondences.csv`` (the crosswalk between their concepts) and
``observations.csv`` (see :func:`~sei_policy._formats.tables.lineage_tables`).

The columns are those of :func:`sei_policy.to_records` and :func:`sei_policy.relations`;
a text that holds a separator is quoted (see :func:`~sei_policy._formats.files.write_csv`).
``excel=True`` begins each file with the byte-order mark Excel needs to show Chinese.
"""

from __future__ import annotations

from pathlib import Path

from sei_policy import _loader
from sei_policy._formats.files import atomic_path, write_csv, write_marker
from sei_policy._formats.tables import Table, lineage_tables, tables

__all__ = ("csv_tables", "write", "write_table")


def csv_tables(dataset: _loader.Dataset) -> dict[str, Table]:
    """Each CSV file's name and table: one per kind (the plan's, then the NBS fields …), then the relations,
    then, for a dataset other than the default, the documents, their links and the observations.
    """
    found = tables(dataset) | lineage_tables(dataset)
    return {f"{name}.csv": table for name, table in found.items()}


def write_table(path: Path, found: Table, *, excel: bool = False) -> None:
    """One table as a CSV file: its declared columns as the header, then its rows."""
    names = [c.name for c in found.columns]
    write_csv(path, names, [[row.get(n) for n in names] for row in found.rows], excel=excel)


def write(
    dataset: _loader.Dataset, path: Path, *, overwrite: bool = False, excel: bool = False, **_: object
) -> list[Path]:
    """Create the folder ``path`` with one CSV file per kind and ``relations.csv``, atomically."""
    files = csv_tables(dataset)
    with atomic_path(path, overwrite=overwrite) as target:
        target.mkdir()
        for name, found in files.items():
            write_table(target / name, found, excel=excel)
        write_marker(target, "csv")
    return [Path(path) / name for name in files]
