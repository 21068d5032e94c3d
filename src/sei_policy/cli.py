"""The ``sei-policy`` command (also ``python -m sei_policy``).

With no arguments it prints an overview of the plan; ``list`` prints a table
of records, ``show`` every field of one record, ``search`` ranks records for
a query, ``export`` writes files, ``validate`` re-checks the shipped data and
``cite`` prints a citation. ``main`` returns the exit status:

>>> main(["show", "A4"])  # doctest: +ELLIPSIS
A4  action:new-materials
  id: action:new-materials
  kind: action
  notation: A4
  number: 4
  title.en: Accelerate the new materials industry in strengthening areas of weakness
  title.zh: 加快新材料产业强弱项
...
  requirement_id: requirement:key-industries  Focus on key industrial areas  聚焦重点产业投资领域
  industry_id: industry:new-materials  new materials industry  新材料产业
  agency_ids: not known
  target_ids: none
  provenance:
    status: verified
...
0
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import unicodedata
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs

import sei_policy as sp
from sei_policy import _loader, _simplify, _thesaurus
from sei_policy.errors import AmbiguousLookupError, PlanDataError, SeiPolicyError

__all__ = ("main",)

PROG = "sei-policy"

NOT_VERIFIED = "— (not verified)"
"""How ``show`` writes a title or summary that no source supports (the field is ``None``)."""

NONE = "none"
"""How ``show`` writes an empty list, or a missing link to another record."""

_NONE_AS = (("agency_ids", "not known"), ("year", "none stated"))
"""Fields whose ``None`` means more than "none": the responsible agencies are unknown, the plan states no year."""

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="China's 2020 Strategic Emerging Industries plan (发改高技〔2020〕1409号), as data. "
        "Without a command, prints the plan's overview.",
        epilog="exit status: 0 success; 1 an unknown or ambiguous record, an unknown kind, a file that cannot "
        "be written, a missing extra, invalid data; 2 bad usage.",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {sp.__version__} (data edition {sp.DATA_EDITION})"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("overview", help="the plan's requirements and actions (the default)")

    listing = commands.add_parser("list", help="a table of records: notation, identifier, English and Chinese title")
    listing.add_argument("kind", nargs="?", metavar="KIND", help="only this kind: action, industry, nbs-2018 …")
    _json_option(listing)

    show = commands.add_parser("show", help="every field of one record, by identifier, notation or name")
    show.add_argument("text", metavar="ID_OR_TEXT", help="e.g. action:new-materials, A4, 加快新材料产业强弱项")
    show.add_argument("--kind", help="only records of this kind (action, industry, …)")
    _json_option(show)

    find = commands.add_parser("search", help="records ranked for a query, in English or Chinese")
    find.add_argument("query")
    find.add_argument("--kind", help="only records of this kind")
    find.add_argument("--limit", type=_count, default=10, help="at most this many hits (default 10)")
    _json_option(find)

    export = commands.add_parser("export", help="write the data to files: " + ", ".join(sp.FORMATS))
    export.add_argument("--format", required=True, choices=tuple(sp.FORMATS), help="what to write")
    export.add_argument("--output", required=True, type=_path, metavar="PATH", help="the file or folder to create")
    export.add_argument("--overwrite", action="store_true", help="replace what is at PATH")
    export.add_argument("--excel", action="store_true", help="csv: begin each file with a byte-order mark, for Excel")
    export.add_argument("--base", metavar="IRI", help="jsonld, turtle: the base of the concepts' IRIs")

    commands.add_parser("validate", help="re-read and re-check the shipped data, the thesaurus and the OpenCC table")

    cite = commands.add_parser("cite", help="a citation of a record or of the plan")
    cite.add_argument("text", metavar="ID", help="an identifier, or anything show takes")
    cite.add_argument("--kind", help="only records of this kind")
    cite.add_argument("--style", choices=("text", "bibtex"), default="text", help="default: text")
    return parser


def _json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON (UTF-8) instead of text")


def _count(text: str) -> int:
    """An argparse type: a whole number of zero or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected zero or more, got {value}")
    return value


def _path(text: str) -> str:
    """An argparse type: text that can name a file (not empty, no NUL, encodable for the file system)."""
    try:
        os.fsencode(text)
    except UnicodeError:
        raise argparse.ArgumentTypeError(f"cannot name a file: {text!r}") from None
    if not text or "\x00" in text:
        raise argparse.ArgumentTypeError(f"cannot name a file: {text!r}")
    return text


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status.

    0 on success; 1 when a record is unknown or ambiguous, a file cannot be
    written, an extra is missing or the data is invalid (one ``sei-policy:
    error:`` line on stderr; invalid data adds a line per problem); 2 for a
    kind that names no kind; 130 when interrupted. On other bad usage argparse
    prints the usage and raises ``SystemExit(2)``; ``--help`` and ``--version``
    raise ``SystemExit(0)``.
    """
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")  # an ASCII terminal gets escapes, not a crash
    out = sys.stdout
    if argv is None:
        argv = [_decoded(argument) for argument in sys.argv[1:]]
    try:
        try:
            args = _parser().parse_args(argv)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", sp.DeprecatedIdentifierWarning)  # each shown as one line
                _run(args, out)
            for warning in caught:
                print(f"{PROG}: warning: {warning.message}", file=sys.stderr)
            out.flush()  # here, so that a reader that went away is noticed inside this try
        except SystemExit:  # --help, --version or bad usage: flush what argparse printed while still guarded
            sys.stdout.flush()
            raise
    except BrokenPipeError:  # the reader stopped early, as `| head` does
        _silence_stdout()
    except AmbiguousLookupError as error:
        error.hint = "use --kind or an identifier"
        return _error(error)
    except sp.UnknownKindError as error:  # a --kind or KIND that names no kind is bad usage
        _error(error)
        return EXIT_USAGE
    except (SeiPolicyError, OSError) as error:
        return _error(error)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return EXIT_OK


# The library's messages speak Python; on the command line the same advice names the options.
_CLI_WORDS = (
    ("pass kind=,", "use --kind,"),
    ("pass kind=", "use --kind "),
    ("overwrite=True (--overwrite)", "--overwrite"),
)


def _error(error: BaseException) -> int:
    message = str(error)
    for python, option in _CLI_WORDS:
        message = message.replace(python, option)
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def _decoded(argument: str) -> str:
    """An argument as text, even where the locale is not UTF-8 and Python kept undecodable bytes as surrogates."""
    if any("\udc80" <= char <= "\udcff" for char in argument):
        return os.fsencode(argument).decode("utf-8", "replace")
    return argument


def _silence_stdout() -> None:
    """Point stdout at devnull so that Python's final flush does not fail again."""
    try:
        descriptor = sys.stdout.fileno()
    except (OSError, ValueError):  # not a file (already replaced): nothing will be flushed
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)


def _run(args: argparse.Namespace, out: TextIO) -> None:
    command = args.command
    if command == "list":
        _list(args.kind, args.json, out)
    elif command == "show":
        _show(args.text, args.kind, args.json, out)
    elif command == "search":
        _search(args.query, args.kind, args.limit, args.json, out)
    elif command == "export":
        for path in _export(args):
            print(path, file=out)
    elif command == "validate":
        print(_validate(), file=out)
    elif command == "cite":
        print(sp.cite(sp.lookup(args.text, kind=args.kind), style=args.style), file=out)
    else:
        out.write(sp.overview())


def _export(args: argparse.Namespace) -> list[Path]:
    try:
        return sp.export(args.format, args.output, overwrite=args.overwrite, excel=args.excel, base=args.base)
    except sp.MissingExtraError:
        raise
    except ImportError as error:  # the format's own code is missing from this installation
        raise sp.ExportError(f"cannot write the {args.format} format: {error}") from None


def _print_json(value: object, out: TextIO) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2), file=out)


# -- list ----------------------------------------------------------------------------


def _list(kind: str | None, as_json: bool, out: TextIO) -> None:
    records: tuple[sp.AnyRecord, ...] = sp.records() if kind is None else sp.records(kind)
    if as_json:
        _print_json([sp.asdict(r) for r in records], out)
        return
    for line in _table([_row(r) for r in records], _encoding(out)):
        print(line, file=out)


def _row(record: sp.AnyRecord) -> tuple[str, str, str, str]:
    """A record's cells in a table: notation, identifier, English title, Chinese title."""
    notation = "—" if isinstance(record, sp.Plan) else record.notation
    return (notation, record.id, record.title.en or "—", record.title.zh or "—")


def _encoding(out: TextIO) -> str | None:
    """The encoding of ``out``, or ``None`` where it writes text as is (a ``StringIO``)."""
    encoding: str | None = getattr(out, "encoding", None)
    return encoding


def width(text: str, encoding: str | None = None) -> int:
    """How many columns ``text`` takes on a terminal: East Asian wide characters two, combining marks none.

    A character that ``encoding`` cannot write takes the width of the escape written instead.

    >>> width("新材料"), width("A4"), width("新", "ascii")
    (6, 2, 6)
    """
    total = 0
    for char in text:
        if encoding is not None and not _encodable(char, encoding):
            total += len(char.encode(encoding, "backslashreplace"))
        elif unicodedata.combining(char):
            continue
        else:
            total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def _encodable(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _table(rows: Sequence[Sequence[str]], encoding: str | None, indent: str = "") -> list[str]:
    """Rows as lines of columns two spaces apart, padded to the widest cell as a terminal shows it."""
    columns = max((len(row) for row in rows), default=1) - 1  # the last column is not padded
    widths = [max(width(row[i], encoding) for row in rows) for i in range(columns)]
    lines = []
    for row in rows:
        cells = [cell + " " * (widths[i] - width(cell, encoding)) for i, cell in enumerate(row[:columns])]
        lines.append(indent + "  ".join([*cells, row[-1]]))
    return lines


# -- show ----------------------------------------------------------------------------


def _show(text: str, kind: str | None, as_json: bool, out: TextIO) -> None:
    record = sp.lookup(text, kind=kind)
    if as_json:
        _print_json(sp.asdict(record), out)
        return
    for line in show_lines(record, _encoding(out)):
        print(line, file=out)


def show_lines(record: sp.AnyRecord, encoding: str | None = None) -> Iterator[str]:
    """Every field of ``record`` as text, in the order of the data, its provenance last.

    Links to other records show the identifier and the titles of the record
    linked to (with the value of a target); the plan lists its records as a
    table, each with its notation, identifier and titles.

    >>> for line in show_lines(sp.get("target:competitive-clusters")):  # doctest: +ELLIPSIS
    ...     if not line.startswith("  provenance") and not line.startswith("    "):
    ...         print(line)
    T2  target:competitive-clusters
      id: target:competitive-clusters
      kind: target
      notation: T2
      number: 2
      title.en: internationally competitive SEI clusters
      title.zh: 具备国际竞争力的战略性新兴产业集群
      aliases.en: none
      aliases.zh: none
      summary: A hundred SEI clusters able to compete internationally.
      keywords.en: none
      keywords.zh: none
      value: 100
      year: none stated
      action_id: action:cluster-development-project  Further ...  深入推进国家战略性新兴产业集群发展工程
    """
    yield record.id if isinstance(record, sp.Plan) else f"{record.notation}  {record.id}"
    for field in attrs.fields(type(record)):
        if field.init and field.name != "provenance":
            yield from _field(field.name, getattr(record, field.name), "  ", encoding)
    yield from _provenance(record.provenance, "  ")


def _field(name: str, value: object, indent: str, encoding: str | None) -> Iterator[str]:
    if isinstance(value, sp.Text):
        for lang in ("en", "zh"):
            yield f"{indent}{name}.{lang}: {getattr(value, lang) or NOT_VERIFIED}"
    elif isinstance(value, sp.Terms):
        for lang in ("en", "zh"):
            yield f"{indent}{name}.{lang}: {'; '.join(getattr(value, lang)) or NONE}"
    elif name.endswith("_id"):
        yield f"{indent}{name}: {NONE if value is None else _related(str(value))}"
    elif value is None:
        shown = dict(_NONE_AS).get(name, NOT_VERIFIED if name == "summary" else "—")
        yield f"{indent}{name}: {shown}"
    elif isinstance(value, tuple):
        yield from _many(name, value, indent, encoding)
    elif attrs.has(type(value)):  # the plan's seed
        yield f"{indent}{name}:"
        yield from _block(value, indent + "  ", "")
    else:
        yield f"{indent}{name}: {_scalar(value)}"


def _many(name: str, values: tuple[Any, ...], indent: str, encoding: str | None) -> Iterator[str]:
    """A list field: linked records, the plan's records as a table, register entries, or plain texts."""
    if not values:
        yield f"{indent}{name}: {NONE}"
        return
    yield f"{indent}{name}:"
    inner = indent + "  "
    if name.endswith("_ids"):
        yield from (f"{inner}{_related(v)}" for v in values)
    elif isinstance(values[0], sp.Record):
        yield from _table([_row(r) for r in values], encoding, inner)
    elif attrs.has(type(values[0])):  # figures, sources, retired identifiers
        for value in values:
            yield from _block(value, inner, "- ")
    else:  # the plan's addressees
        yield from (f"{inner}- {_scalar(v)}" for v in values)


def _block(value: Any, indent: str, bullet: str) -> Iterator[str]:
    """An attrs value that is not a record (a source, a figure, the seed), one field a line."""
    for i, field in enumerate(attrs.fields(type(value))):
        lead = bullet if i == 0 else " " * len(bullet)
        yield f"{indent}{lead}{field.name}: {_scalar(getattr(value, field.name))}"


def _scalar(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, tuple):
        return ", ".join(map(str, value)) or NONE
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        return number(value)
    return str(value)


def number(value: float) -> str:
    """A number as ``show`` writes it: a whole float without its ``.0``.

    >>> number(20.0), number(10.5), number(100)
    ('20', '10.5', '100')
    """
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _related(identifier: str) -> str:
    """A linked record: its identifier, a target's value, and its titles."""
    found = sp.get(identifier, None)
    if found is None:  # pragma: no cover - validation guarantees every link resolves
        return identifier
    parts = [identifier]
    if isinstance(found, sp.Target):
        parts.append(f"value: {found.value}")
    parts += [title for title in (found.title.en, found.title.zh) if title]
    return "  ".join(parts)


def _provenance(provenance: sp.Provenance, indent: str) -> Iterator[str]:
    inner = indent + "  "
    yield f"{indent}provenance:"
    yield f"{inner}status: {provenance.status}"
    yield f"{inner}source_keys: {_scalar(provenance.source_keys)}"
    yield f"{inner}note: {_scalar(provenance.note)}"
    if not provenance.fields:
        yield f"{inner}fields: {NONE}"
        return
    yield f"{inner}fields:"
    for claim in provenance.fields:
        sources = f" [{', '.join(claim.source_keys)}]" if claim.source_keys else ""
        note = f" ({claim.note})" if claim.note else ""
        yield f"{inner}  {claim.field}: {claim.status}{sources}{note}"


# -- search --------------------------------------------------------------------------


def _search(query: str, kind: str | None, limit: int, as_json: bool, out: TextIO) -> None:
    hits = sp.search(query, kind=kind, limit=limit)
    if as_json:
        _print_json([_hit(hit) for hit in hits], out)
        return
    if not hits and limit:
        because = f", because {hits.reason}" if hits.reason else ""
        print(f"no record matches {query!r}{because}", file=out)
        suggestions = sp.did_you_mean(query)
        if suggestions:
            print("did you mean: " + "; ".join(suggestions), file=out)
    corrections = hits[0].corrections if hits else ()
    if corrections:
        print("read " + ", ".join(f"{typed!r} as {read!r}" for typed, read in corrections), file=out)
    for hit in hits:
        record = hit.record
        notation = "" if isinstance(record, sp.Plan) else record.notation
        via = "  (thesaurus)" if hit.matched == ("thesaurus",) else ""
        print(f"{hit.score:7.2f}  {notation:<7}{record.id:<40}{record.title}{via}", file=out)


def _hit(hit: sp.Hit[sp.AnyRecord]) -> dict[str, object]:
    return {
        "record": sp.asdict(hit.record),
        "score": hit.score,
        "matched": list(hit.matched),
        "corrections": [list(pair) for pair in hit.corrections],
        "reason": hit.reason,
    }


# -- validate ------------------------------------------------------------------------


def _validate() -> str:
    """Re-read and re-check every shipped data file; a summary line, or PlanDataError with every problem."""
    problems: list[str] = []
    dataset: _loader.Dataset | None = None
    entries = characters = 0
    try:
        dataset = _loader.parse(_loader.read())
    except PlanDataError as error:
        problems += error.problems
    if dataset is not None:  # the thesaurus is checked against the records, so only once they load
        known = {r.id for document in dataset.documents for r in document.members()}
        try:
            entries = len(_thesaurus.parse(_thesaurus.read(), known).entries)
        except PlanDataError as error:
            problems += error.problems
    try:
        characters = len(_simplify.parse(_simplify.read()))
    except PlanDataError as error:
        problems += error.problems
    if problems or dataset is None:
        raise PlanDataError(tuple(problems))
    documents = dataset.documents
    count = sum(len(document.members()) for document in documents)
    return (
        f"data edition {dataset.plan.edition}: {len(documents)} documents, {count} records, "
        f"thesaurus {entries} entries, OpenCC table {characters} characters: valid"
    )
