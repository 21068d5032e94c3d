"""Taking the data elsewhere: plain dicts, flat tables, pandas frames, and files written atomically.

- :func:`asdict` gives a record (or the plan) in its nested JSON form;
- :func:`to_records` gives flat rows, one per record, with a stable column order;
- :func:`relations` gives one row per link between two records, for people who join;
- :func:`to_frame` gives the same rows as a pandas DataFrame (pandas is an extra);
- :func:`export` writes files: ``json``, ``csv`` and the formats of other tools.

>>> import sei_policy as sp
>>> rows = sp.to_records("action")
>>> len(rows), list(rows[3])[:6]
(20, ['id', 'kind', 'notation', 'number', 'title_en', 'title_zh'])
>>> rows[3]["requirement_id"], rows[3]["status"], rows[3]["keywords_status"]
('requirement:key-industries', 'verified', 'inferred')
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from sei_policy import _converter, _loader
from sei_policy._lookup import records as _records
from sei_policy.errors import InvalidArgumentError, InvalidArgumentTypeError, SeiPolicyError
from sei_policy.models import KINDS, Kind, Plan, PlanOrRecord, Record, Status, kind_of

if TYPE_CHECKING:
    import pandas as pd

__all__ = (
    "FORMATS",
    "ExportError",
    "MissingExtraError",
    "asdict",
    "atomic_path",
    "csv_tables",
    "export",
    "relation_fields",
    "relations",
    "relations_frame",
    "to_frame",
    "to_records",
    "write_csv",
    "write_text",
)

Value = str | int | float | None
Row = dict[str, Value]

SEPARATOR = ";"
"""Joins the items of a list in one cell: identifiers, aliases, keywords."""

BASE_COLUMNS = ("id", "kind", "notation", "number", "title_en", "title_zh", "summary")
TERM_COLUMNS = ("aliases_en", "aliases_zh", "keywords_en", "keywords_zh")
_WEAKEST_FIRST = (Status.UNVERIFIED, Status.INFERRED, Status.REPORTED, Status.SEED, Status.VERIFIED)


class ExportError(SeiPolicyError, ValueError):
    """A file could not be written as asked: it exists, or its folder cannot be written."""


class MissingExtraError(SeiPolicyError, ImportError):
    """An optional dependency is needed: the message names the extra that installs it."""

    def __init__(self, what: str, extra: str, module: str) -> None:
        super().__init__(f"{what} needs {module}: pip install 'sei-policy[{extra}]'")
        self.extra = extra


# -- nested ------------------------------------------------------------------------


def asdict(record: PlanOrRecord) -> dict[str, Any]:
    """A record, or the plan, as plain JSON data: dicts, lists, strings, numbers and ``None``.

    It is what the data files hold for the record, so ``json.loads(json.dumps(d)) == d``.

    >>> import sei_policy as sp
    >>> d = sp.asdict(sp.plan().action(4))
    >>> d["kind"], d["requirement_id"], d["provenance"]["status"]
    ('action', 'requirement:key-industries', 'verified')
    """
    if not isinstance(record, Record | Plan):
        raise InvalidArgumentTypeError("asdict()", "record", "a record or the plan", record)
    return dict(_converter.unstructure(record))


# -- flat --------------------------------------------------------------------------


def relation_fields(cls: type) -> tuple[str, ...]:
    """The fields of a record class beyond the common ones, in the class's order (``requirement_id`` …)."""
    common = {a.name for a in attrs.fields(Record)}
    return tuple(a.name for a in attrs.fields(cls) if a.name not in common)


def _cell(value: object) -> Value:
    if value is None or (isinstance(value, str | int | float) and not isinstance(value, bool)):
        return str(value) if isinstance(value, str) else value  # a StrEnum writes as its plain value
    if isinstance(value, tuple):
        return SEPARATOR.join(str(v) for v in value)
    raise TypeError(f"no flat form for {type(value).__name__}")  # pragma: no cover - the models hold no other


def _claimed(record: PlanOrRecord) -> dict[str, Status]:
    """Each claimed field, as a column stem (``title_en``, ``keywords_en``), with its weakest status."""
    found: dict[str, Status] = {}
    for claim in record.provenance.fields:
        column = claim.field.partition("[")[0].replace(".", "_")
        status = record.provenance.status_of(claim.field)
        if column not in found or _WEAKEST_FIRST.index(status) < _WEAKEST_FIRST.index(found[column]):
            found[column] = status
    return found


def _row(record: PlanOrRecord, relation_columns: Sequence[str]) -> Row:
    if isinstance(record, Plan):
        base: Row = {"id": record.id, "kind": str(record.kind), "notation": None, "number": None}
    else:
        base = {"id": record.id, "kind": str(record.kind), "notation": record.notation, "number": record.number}
    base |= {"title_en": record.title.en, "title_zh": record.title.zh, "summary": record.summary}
    base |= {
        "aliases_en": _cell(record.aliases.en),
        "aliases_zh": _cell(record.aliases.zh),
        "keywords_en": _cell(record.keywords.en),
        "keywords_zh": _cell(record.keywords.zh),
    }
    for name in relation_columns:
        base[name] = _cell(getattr(record, name)) if hasattr(record, name) and not isinstance(record, Plan) else None
    base["status"] = str(record.provenance.status)
    return base



def _columns(records: Sequence[PlanOrRecord]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The relation columns and the status columns the records need, in a stable order."""
    relation: dict[str, None] = {}
    classes = dict.fromkeys(type(r) for r in records)
    for spec in KINDS.values():
        if spec.cls in classes and spec.cls is not Plan:
            relation.update(dict.fromkeys(relation_fields(spec.cls)))
    claimed: dict[str, None] = {}
    for record in records:
        claimed.update(dict.fromkeys(_claimed(record)))
    order = [*BASE_COLUMNS, *TERM_COLUMNS, *relation]
    status = sorted(claimed, key=lambda c: (order.index(c) if c in order else len(order), c))
    return tuple(relation), tuple(f"{c}_status" for c in status)


def to_records(kind: Kind | str | type[Any] | None = None) -> tuple[Row, ...]:
    """Flat rows, one per record, in document order, every row with the same columns in the same order.

    Columns: ``id``, ``kind``, ``notation``, ``number``, ``title_en``, ``title_zh``,
    ``summary``, ``aliases_en``, ``aliases_zh``, ``keywords_en``, ``keywords_zh``; then the
    kind's relation fields named as in the models (``requirement_id``, ``agency_ids`` …)
    and its other fields (``part``, ``value`` …); then the record's ``status`` and one
    ``<field>_status`` column for each field that has a claim of its own (the weakest
    status among the field's claims, where its items have claims of their own). Lists are
    joined with ``;``. Values are ``str``, ``int``, ``float`` or ``None``.

    Args:
        kind: one kind (a :class:`~sei_policy.Kind`, its value or the record class);
            ``None`` for every record of the plan, as :func:`sei_policy.records` gives them.

    >>> import sei_policy as sp
    >>> [r["notation"] for r in sp.to_records(sp.Requirement)]
    ['R1', 'R2', 'R3', 'R4']
    >>> sp.to_records("target")[1]["value"]
    100
    """
    records: tuple[PlanOrRecord, ...] = _records() if kind is None else _records(kind_of(kind, "to_records()"))
    relation_columns, status_columns = _columns(records)
    rows = []
    for record in records:
        row = _row(record, relation_columns)
        claimed = _claimed(record)
        for column in status_columns:
            stem = column.removesuffix("_status")
            row[column] = str(claimed[stem]) if stem in claimed else row["status"]
        rows.append(row)
    return tuple(rows)


def relations() -> tuple[Row, ...]:
    """One row per link from a record to another: ``from``, ``relation`` (the field), ``to``, ``position``.

    Every identifier-holding field of every record and of the plan (``issuer_ids``) is
    listed, in document order; ``position`` counts from 1 within a list field.

    >>> import sei_policy as sp
    >>> [(r["relation"], r["to"]) for r in sp.relations() if r["from"] == "action:new-materials"]
    [('requirement_id', 'requirement:key-industries'), ('industry_id', 'industry:new-materials')]
    """
    plan = _loader.load().plan
    rows: list[Row] = []
    everything: tuple[PlanOrRecord, ...] = (plan, *plan.records)
    for record in everything:
        fields = ("issuer_ids",) if isinstance(record, Plan) else relation_fields(type(record))
        for name in fields:
            if not name.endswith(("_id", "_ids")):
                continue
            value = getattr(record, name)
            targets = value if isinstance(value, tuple) else () if value is None else (value,)
            for position, target in enumerate(targets, start=1):
                rows.append({"from": record.id, "relation": name, "to": target, "position": position})
    return tuple(rows)


def _pandas(what: str) -> Any:
    try:
        import pandas
    except ImportError:
        raise MissingExtraError(what, "pandas", "pandas") from None
    return pandas


def to_frame(kind: Kind | str | type[Any] | None = None) -> pd.DataFrame:
    """The rows of :func:`to_records` as a pandas DataFrame, with nullable dtypes.

    Text columns are pandas' nullable ``string``, numbers ``Int64`` (``Float64`` where a
    value is fractional), ``kind`` and the status columns ``category`` (with every kind,
    or every status, as categories, in a fixed order). pandas is an
    optional extra (``pip install 'sei-policy[pandas]'``), imported only here.

    Raises:
        MissingExtraError: pandas is not installed (an ``ImportError`` naming the extra).

    >>> import sei_policy as sp
    >>> frame = sp.to_frame("action")
    >>> frame.shape[0], str(frame["number"].dtype), str(frame["kind"].dtype)
    (20, 'Int64', 'category')
    """
    pandas = _pandas("to_frame()")
    rows = to_records(kind)
    frame = pandas.DataFrame.from_records(list(rows), columns=list(rows[0]) if rows else list(BASE_COLUMNS))
    typed: pd.DataFrame = _typed(pandas, frame)
    return typed


def _typed(pd: Any, frame: Any) -> Any:
    for column in frame.columns:
        values = [v for v in frame[column] if v is not None]
        if column == "kind":  # categories in a fixed order, the same in every frame
            frame[column] = frame[column].astype(pd.CategoricalDtype([str(k) for k in Kind]))
        elif column == "status" or column.endswith("_status"):
            frame[column] = frame[column].astype(pd.CategoricalDtype([str(s) for s in Status]))
        elif values and all(isinstance(v, int) for v in values):
            frame[column] = frame[column].astype("Int64")
        elif values and all(isinstance(v, int | float) for v in values):
            frame[column] = frame[column].astype("Float64")
        else:
            frame[column] = frame[column].astype("string")
    return frame


def relations_frame() -> pd.DataFrame:
    """The rows of :func:`relations` as a pandas DataFrame (``position`` as ``Int64``)."""
    pandas = _pandas("relations_frame()")
    rows = relations()
    frame = pandas.DataFrame.from_records(list(rows), columns=["from", "relation", "to", "position"])
    typed: pd.DataFrame = _typed(pandas, frame)
    return typed


# -- files ---------------------------------------------------------------------------


@contextlib.contextmanager
def atomic_path(path: Path, *, overwrite: bool) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; renamed onto ``path`` only if the block succeeds.

    The temporary file or folder is removed on failure, so a failed export leaves nothing
    behind and never half a file. ``path`` must not exist unless ``overwrite`` is true, or
    be an empty folder (the folder a user made for the export).
    """
    path = Path(path)
    if path.exists() and not overwrite and not (path.is_dir() and not any(path.iterdir())):
        raise ExportError(f"{str(path)!r} exists; pass overwrite=True (--overwrite) to replace it")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"cannot write {str(path)!r}: the folder {str(folder)!r} does not exist")
    temporary = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder))
    target = temporary / path.name
    try:
        yield target
        if path.is_dir() and not target.is_dir():
            raise ExportError(f"cannot replace the folder {str(path)!r} with a file")
        if target.is_dir() and path.exists():
            if not path.is_dir():
                raise ExportError(f"cannot replace the file {str(path)!r} with a folder")
            for item in target.iterdir():  # into an existing folder: each file replaced whole
                os.replace(item, path / item.name)
        else:
            os.replace(target, path)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def write_text(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path`` (a fresh file inside an :func:`atomic_path` block), with ``\\n`` line ends."""
    with open(path, "w", encoding=encoding, newline="\n") as file:
        file.write(text)


def _write_json(path: Path, *, overwrite: bool = False, **_: object) -> list[Path]:
    """The plan in the layout of the shipped data file: ``json.load`` and structure it back to an equal plan."""
    plan = _loader.load().plan
    body = {"schema_version": _loader.SCHEMA_VERSION, **asdict(plan)}
    with atomic_path(path, overwrite=overwrite) as target:
        write_text(target, json.dumps(body, ensure_ascii=False, indent=1) + "\n")
    return [Path(path)]


def csv_tables() -> dict[str, tuple[Row, ...]]:
    """Each CSV file's name and rows: one per kind (the plan's, then the NBS fields), then the relations."""
    tables = {f"{spec.kind}.csv": to_records(spec.kind) for spec in KINDS.values()}
    tables["relations.csv"] = relations()
    return tables


def write_csv(path: Path, rows: Sequence[Row], *, excel: bool = False) -> None:
    """Rows as CSV: a header, ``\\n`` line ends, UTF-8 (with a byte-order mark only for Excel), empty for ``None``."""
    import csv

    with open(path, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        if rows:
            writer.writerow(list(rows[0]))
        for row in rows:
            writer.writerow(["" if v is None else v for v in row.values()])


def _write_csv(path: Path, *, overwrite: bool = False, excel: bool = False, **_: object) -> list[Path]:
    """A folder of CSV files: one per kind, named for it, and ``relations.csv``."""
    tables = csv_tables()
    with atomic_path(path, overwrite=overwrite) as target:
        target.mkdir()
        for name, rows in tables.items():
            write_csv(target / name, rows, excel=excel)
    return [Path(path) / name for name in tables]


Writer = Callable[..., list[Path]]

FORMATS: Mapping[str, str] = MappingProxyType(
    {
        "json": "the plan as one JSON file, in the layout of the shipped data",
        "csv": "a folder of CSV files: one per kind and relations.csv (UTF-8; excel=True adds a byte-order mark)",
        "jsonld": "the plan and the NBS 2018 classification as SKOS concept schemes, in JSON-LD",
        "turtle": "the same SKOS concept schemes in Turtle (needs the rdf extra: rdflib)",
        "datapackage": "a Frictionless data package: the CSV tables and datapackage.json",
        "stata": "a folder of Stata 14+ .dta files, one per kind, with variable and value labels (pandas extra)",
        "excel": "one .xlsx workbook: a sheet per kind, the relations, the sources and a README (excel extra)",
    }
)
"""Each format :func:`export` writes, and what it writes."""

# Each format's writer: a function here, or "module:function" imported only when that format is asked for.
_WRITERS: Mapping[str, Writer | str] = MappingProxyType(
    {
        "json": _write_json,
        "csv": _write_csv,
        "jsonld": "sei_policy._skos:write_jsonld",
        "turtle": "sei_policy._skos:write_turtle",
        "datapackage": "sei_policy._datapackage:write",
        "stata": "sei_policy._stata:write",
        "excel": "sei_policy._excel:write",
    }
)


def _writer(name: str) -> Writer:
    found = _WRITERS[name]
    if isinstance(found, str):
        module, _, function = found.partition(":")
        writer: Writer = getattr(importlib.import_module(module), function)
        return writer
    return found


def export(
    format: str,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    excel: bool = False,
    base: str | None = None,
) -> list[Path]:
    """Write the data in ``format`` to ``path``, atomically; return the paths of the files written.

    Args:
        format: one of :data:`FORMATS` (``"json"``, ``"csv"``, …).
        path: the file to write (``json``), or the folder to create (``csv``).
        overwrite: replace what is at ``path``; without it an existing path is refused.
        excel: for ``csv`` only, begin each file with a UTF-8 byte-order mark, which
            Excel needs to show Chinese (R, pandas and Frictionless expect none).
        base: for ``jsonld`` and ``turtle``, the base of the concepts' IRIs (by default
            the URN form ``urn:sei-policy:`` followed by the identifier).

    Raises:
        ExportError: ``path`` exists (and ``overwrite`` is false) or cannot be written.
        InvalidArgumentError: ``format`` is not one of :data:`FORMATS`, or ``excel`` is
            true for another format than ``csv``.

    >>> import sei_policy as sp, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> [p.name for p in sp.export("csv", folder / "sei")][-3:]
    ['agency.csv', 'nbs-2018.csv', 'relations.csv']
    """
    if not isinstance(format, str):
        raise InvalidArgumentTypeError("export()", "format", "a string such as 'csv'", format)
    if not isinstance(path, str | os.PathLike):
        raise InvalidArgumentTypeError("export()", "path", "a path", path)
    name = format.strip().casefold()
    if name not in _WRITERS:
        known = ", ".join(map(repr, FORMATS))
        raise InvalidArgumentError(f"export() knows no format {format[:40]!r}; expected one of {known}")
    if "\x00" in os.fspath(path):
        raise ExportError(f"cannot write {os.fspath(path)[:80]!r}: a path cannot hold a NUL character")
    if base is not None and not isinstance(base, str):
        raise InvalidArgumentTypeError("export()", "base", "a string such as 'https://example.org/sei/'", base)
    if excel and name != "csv":  # said rather than silently ignored
        raise InvalidArgumentError(f"excel=True (--excel) is for the csv format only, not {name!r}")
    try:
        return _writer(name)(Path(path), overwrite=overwrite, excel=excel, base=base)
    except OSError as error:
        raise ExportError(f"cannot write {os.fspath(path)!r}: {error.strerror or error}") from None
