"""Taking the data elsewhere: one module per format over one contract, as cattrs keeps ``preconf/``.

The contract (:data:`CONTRACT`) says of each format its name, what it writes, the suffix
of its file (empty for a folder), the extra it needs, its writer and how to recognise the
library's own earlier export of it. :func:`export` checks its arguments once for all of
them. The modules:

- :mod:`.tables`: plain dicts, flat rows, links and pandas frames, derived from the registry;
- :mod:`.files`: atomic writes, text, CSV and the marker of an exported folder;
- :mod:`.json_format`, :mod:`.csv_format`, :mod:`.skos` (JSON-LD and Turtle),
  :mod:`.datapackage`, :mod:`.stata`, :mod:`.excel`: one writer each, imported only when
  its format is asked for.

>>> import sei_policy as sp, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> [p.name for p in sp.export("csv", folder / "sei")][-3:]
['agency.csv', 'nbs-2018.csv', 'relations.csv']
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from sei_policy import _loader
from sei_policy._formats.files import marked
from sei_policy._formats.tables import asdict, relations, relations_frame, to_frame, to_records
from sei_policy.errors import ExportError, InvalidArgumentError, InvalidArgumentTypeError, MissingExtraError
from sei_policy.models import DocumentArgument

__all__ = (
    "CONTRACT",
    "FORMATS",
    "ExportError",
    "Format",
    "MissingExtraError",
    "asdict",
    "export",
    "export_dataset",
    "relations",
    "relations_frame",
    "to_frame",
    "to_records",
)

Writer = Callable[..., list[Path]]
Recogniser = Callable[[_loader.Dataset, Path], bool]


@attrs.frozen
class Format:
    """One export format: what :func:`export` needs to know of it.

    ``suffix`` is the file's suffix (``""`` for a format that writes a folder);
    ``extra`` the optional dependency it needs (``""`` for none); ``writer`` and
    ``recogniser`` are ``"module:function"``, imported only when the format is asked for.
    A folder format's own exports are recognised by the marker file in the folder.
    """

    name: str
    description: str
    suffix: str
    extra: str
    writer: str
    recogniser: str = ""
    rdf: bool = False

    @property
    def folder(self) -> bool:
        """Whether the format writes a folder of files."""
        return not self.suffix

    def write(self, dataset: _loader.Dataset, path: Path, **options: Any) -> list[Path]:
        """Write ``dataset`` to ``path`` in this format."""
        writer: Writer = _function(self.writer)
        return writer(dataset, path, **options)

    def recognises(self, dataset: _loader.Dataset, path: Path) -> bool:
        """Whether ``path`` holds the library's own earlier export of this format, which may be replaced."""
        if self.folder:
            return path.is_dir() and marked(path, self.name)
        recogniser: Recogniser = _function(self.recogniser)
        return recogniser(dataset, path)


def _function(name: str) -> Any:
    module, _, function = name.partition(":")
    return getattr(importlib.import_module(f"sei_policy._formats.{module}"), function)


CONTRACT: Mapping[str, Format] = MappingProxyType(
    {
        f.name: f
        for f in (
            Format(
                "json",
                "the plan as one JSON file, in the layout of the shipped data",
                ".json",
                "",
                "json_format:write",
                "json_format:recognise",
            ),
            Format(
                "csv",
                "a folder of CSV files: one per kind and relations.csv (UTF-8; excel=True adds a byte-order mark)",
                "",
                "",
                "csv_format:write",
            ),
            Format(
                "jsonld",
                "the plan and the NBS 2018 classification as SKOS concept schemes, in JSON-LD",
                ".jsonld",
                "",
                "skos:write_jsonld",
                "skos:recognise_jsonld",
                rdf=True,
            ),
            Format(
                "turtle",
                "the same SKOS concept schemes in Turtle (needs the rdf extra: rdflib)",
                ".ttl",
                "rdf",
                "skos:write_turtle",
                "skos:recognise_turtle",
                rdf=True,
            ),
            Format(
                "datapackage",
                "a Frictionless data package: the CSV tables and datapackage.json",
                "",
                "",
                "datapackage:write",
            ),
            Format(
                "stata",
                "a folder of Stata 14+ .dta files, one per kind, with variable and value labels (pandas extra)",
                "",
                "pandas",
                "stata:write",
            ),
            Format(
                "excel",
                "one .xlsx workbook: a sheet per kind, the relations, the sources and a README (excel extra)",
                ".xlsx",
                "excel",
                "excel:write",
                "excel:recognise",
            ),
        )
    }
)
"""Each format, by name: the one contract every format module fulfils."""

FORMATS: Mapping[str, str] = MappingProxyType({name: f.description for name, f in CONTRACT.items()})
"""Each format :func:`export` writes, and what it writes."""


def _checked_path(path: object) -> Path:
    """``path`` as a :class:`~pathlib.Path`, or a clear error: a bytes path, a NUL, a value that is no path."""
    if isinstance(path, bytes | bytearray):
        raise InvalidArgumentTypeError("export()", "path", "a str or pathlib.Path (decode a bytes path first)", path)
    if not isinstance(path, str | os.PathLike):
        raise InvalidArgumentTypeError("export()", "path", "a path", path)
    try:
        text = os.fspath(path)
    except TypeError:  # pragma: no cover - os.PathLike promises __fspath__
        raise InvalidArgumentTypeError("export()", "path", "a path", path) from None
    if not isinstance(text, str):  # an os.PathLike whose __fspath__ gives bytes
        raise InvalidArgumentTypeError("export()", "path", "a str or pathlib.Path (decode a bytes path first)", path)
    if "\x00" in text:
        raise ExportError(f"cannot write {text[:80]!r}: a path cannot hold a NUL character")
    return Path(text)


def _checked_format(format: object, *, excel: bool, base: object) -> Format:
    if not isinstance(format, str):
        raise InvalidArgumentTypeError("export()", "format", "a string such as 'csv'", format)
    found = CONTRACT.get(format.strip().casefold())
    if found is None:
        known = ", ".join(map(repr, CONTRACT))
        raise InvalidArgumentError(f"export() knows no format {format[:40]!r}; expected one of {known}")
    if base is not None and not isinstance(base, str):
        raise InvalidArgumentTypeError("export()", "base", "a string such as 'https://example.org/sei/'", base)
    if excel and found.name != "csv":  # said rather than silently ignored
        raise InvalidArgumentError(f"excel=True (--excel) is for the csv format only, not {found.name!r}")
    if base is not None and not found.rdf:
        rdf = " and ".join(repr(f.name) for f in CONTRACT.values() if f.rdf)
        raise InvalidArgumentError(f"base= (--base) is for the {rdf} formats only, not {found.name!r}")
    return found


def export_dataset(
    dataset: _loader.Dataset,
    format: str,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    excel: bool = False,
    base: str | None = None,
) -> list[Path]:
    """:func:`export` for a dataset of one's own (a test's, with a kind of its own); the same checks."""
    found = _checked_format(format, excel=excel, base=base)
    target = _checked_path(path)
    try:
        replace = overwrite or (target.exists() and found.recognises(dataset, target))
        return found.write(dataset, target, overwrite=replace, excel=excel, base=base)
    except OSError as error:
        raise ExportError(f"cannot write {os.fspath(target)!r}: {error.strerror or error}") from None


def export(
    format: str,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    excel: bool = False,
    base: str | None = None,
    document: DocumentArgument = None,
) -> list[Path]:
    """Write the data in ``format`` to ``path``, atomically; return the paths of the files written.

    An existing ``path`` is refused unless ``overwrite`` is true, or it is an empty
    folder, or it is the library's own earlier export of the same format (a folder holds
    a marker file, ``.sei-policy-export``, naming its format; a file is recognised by its
    content): then it is replaced, so a notebook that exports can be run again.

    Args:
        format: one of :data:`FORMATS` (``"json"``, ``"csv"``, …).
        path: the file to write (``json``), or the folder to create (``csv``): a ``str``
            or a :class:`~pathlib.Path`.
        overwrite: replace what is at ``path``, whatever it is.
        excel: for ``csv`` only, begin each file with a UTF-8 byte-order mark, which
            Excel needs to show Chinese (R, pandas and Frictionless expect none).
        base: for ``jsonld`` and ``turtle`` only, the base of the concepts' IRIs (by
            default the URN form ``urn:sei-policy:`` followed by the identifier).
        document: the document to write (its key such as ``"sei-2016"``, its number or
            title, or the document itself), or ``"all"`` for the whole lineage; by default
            the 2020 plan and NBS 2018. Any other dataset adds the documents, the links
            between them and their concepts and the observations (``documents.csv`` …);
            ``json`` writes several documents as a folder, one file per document and
            ``lineage.json``.

    Raises:
        ExportError: ``path`` exists (and is neither ``overwrite``-able nor an earlier
            export of this format) or cannot be written.
        InvalidArgumentError: ``format`` is not one of :data:`FORMATS`, or ``excel`` is
            given for another format than ``csv``, or ``base`` for another than ``jsonld``
            and ``turtle``.
        InvalidArgumentTypeError: ``format``, ``path`` or ``base`` has the wrong type (a
            ``bytes`` path among them).
        MissingExtraError: the format needs an extra that is not installed.
        UnknownIdentifierError: ``document`` names no document (a ``LookupError``, with suggestions).

    >>> import sei_policy as sp, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> [p.name for p in sp.export("csv", folder / "sei")][-3:]
    ['agency.csv', 'nbs-2018.csv', 'relations.csv']
    >>> len(sp.export("csv", folder / "sei"))  # again: it replaces its own export
    11
    >>> [p.name for p in sp.export("csv", folder / "sei-2016", document="sei-2016")][-4:]
    ['documents.csv', 'document-relations.csv', 'correspondences.csv', 'observations.csv']
    """
    _checked_format(format, excel=excel, base=base)  # before the data loads: a mistyped argument costs nothing
    _checked_path(path)
    dataset = _loader.select(document, "export()")
    return export_dataset(dataset, format, path, overwrite=overwrite, excel=excel, base=base)
