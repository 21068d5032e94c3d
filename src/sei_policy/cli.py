"""The ``sei-policy`` command (also ``python -m sei_policy``).

With no arguments it prints an overview of the plan; ``list`` prints a table
of records, ``show`` every field of one record, ``search`` ranks records for
a query, ``export`` writes files, ``validate`` re-checks the shipped data and
``cite`` prints a citation; ``--document`` takes another document of the
lineage instead of the 2020 plan. ``documents`` lists the lineage's documents,
``lineage`` one record's counterparts across them and ``crosswalk`` their
industries side by side. ``main`` returns the exit status:

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
  agency_ids: not known (...)
  target_ids: none
  provenance:
    status: verified
...
0
"""

from __future__ import annotations

import argparse
import contextlib
import inspect
import json
import os
import shlex
import sys
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import sei_policy as sp
from sei_policy import _loader, _render, _simplify, _thesaurus
from sei_policy._about import DATA_EDITION, __version__
from sei_policy.errors import AmbiguousLookupError, PlanDataError, SeiPolicyError, UnknownIdentifierError

__all__ = ("main",)

PROG = "sei-policy"

SEARCH_LIMIT = 10
"""How many hits ``search`` prints unless ``--limit`` says otherwise (and a miss of ``show`` counts)."""

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

EXIT_STATUSES = """exit status:
  0    success, including a search with no hits, --help and --version
  1    an unknown or ambiguous record, a file that cannot be written, a missing
       extra, invalid data (one "sei-policy: error:" line on stderr)
  2    bad usage: an unknown command or option, a missing argument, a negative
       --limit, a kind that names no kind, and crosswalk with one document
  130  interrupted (Ctrl-C)"""
"""The end of ``--help``: the exit statuses, as docs/cli.md gives them."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="China's 2020 Strategic Emerging Industries plan (发改高技〔2020〕1409号), as data. "
        "Without a command, prints the plan's overview.",
        epilog=EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__} (data edition {DATA_EDITION})")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("overview", help="the plan's requirements and actions (the default)")

    listing = commands.add_parser("list", help="a table of records: notation, identifier, English and Chinese title")
    listing.add_argument("kind", nargs="?", metavar="KIND", help="only this kind: action, industry, nbs-2018 …")
    _document_option(listing)
    _json_option(listing)

    show = commands.add_parser("show", help="every field of one record, by identifier, notation or name")
    show.add_argument("text", metavar="ID_OR_TEXT", help="e.g. action:new-materials, A4, 加快新材料产业强弱项")
    show.add_argument("--kind", help="only records of this kind (action, industry, …)")
    _document_option(show)
    _json_option(show)

    find = commands.add_parser("search", help="records ranked for a query, in English or Chinese")
    find.add_argument("query")
    find.add_argument("--kind", help="only records of this kind")
    find.add_argument(
        "--limit", type=_count, default=SEARCH_LIMIT, help=f"at most this many hits (default {SEARCH_LIMIT})"
    )
    _document_option(find)
    _json_option(find)

    export = commands.add_parser("export", help="write the data to files: " + ", ".join(sp.FORMATS))
    export.add_argument("--format", required=True, choices=tuple(sp.FORMATS), help="what to write")
    export.add_argument("--output", required=True, type=_path, metavar="PATH", help="the file or folder to create")
    export.add_argument("--overwrite", action="store_true", help="replace what is at PATH")
    export.add_argument("--excel", action="store_true", help="csv: begin each file with a byte-order mark, for Excel")
    export.add_argument("--base", metavar="IRI", help="jsonld, turtle: the base of the concepts' IRIs")
    _document_option(export)

    commands.add_parser("validate", help="re-read and re-check the shipped data, the thesaurus and the OpenCC table")

    cite = commands.add_parser("cite", help="a citation of a record, of the plan or of the NBS 2018 classification")
    cite.add_argument("text", metavar="ID", help="anything show takes, or nbs-2018 (the classification), in any case")
    cite.add_argument("--kind", help="only records of this kind")
    cite.add_argument("--style", choices=("text", "bibtex"), default="text", help="default: text")
    _document_option(cite)

    commands.add_parser("documents", help="the documents of the lineage, 2010 to 2024, in date order")
    lineage = commands.add_parser("lineage", help="one record's counterparts in every document of the lineage")
    lineage.add_argument("key", metavar="KEY", help="e.g. new-materials, industry:new-materials, sei-2010/I6")
    _document_option(lineage, "the document KEY is read in (default: the 2020 plan)")
    crosswalk = commands.add_parser(
        "crosswalk", help="the industries of every document side by side, or of two documents pair by pair"
    )
    crosswalk.add_argument(
        "documents", nargs="*", metavar="DOCUMENT", help="none, or two: e.g. nbs-2018 nbs-industrial-2023"
    )
    return parser


def _document_option(parser: argparse.ArgumentParser, what: str | None = None) -> None:
    parser.add_argument(
        "--document",
        metavar="DOCUMENT",
        help=what or "another document of the lineage (sei-2010, nbs-industrial-2023 …), or all of them: all",
    )


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
            parser = _parser()
            args = parser.parse_args(argv)
            if args.command == "crosswalk" and len(args.documents) not in (0, 2):
                parser.error(_crosswalk_usage(args.documents))
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
        error.hint = "use --document or an identifier" if args.command == "lineage" else "use --kind or an identifier"
        return _error(error)
    except sp.errors.UnknownKindError as error:  # a --kind or KIND that names no kind is bad usage
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


def _crosswalk_usage(documents: Sequence[str]) -> str:
    """The message for crosswalk given neither none nor two documents."""
    given = ", ".join(repr(d) for d in documents)
    first = shlex.quote(documents[0]) if len(documents) == 1 else "nbs-2018"
    second = "nbs-2018" if first == "nbs-industrial-2023" else "nbs-industrial-2023"
    example = f"{PROG} crosswalk {first} {second}"
    return (
        f"crosswalk takes two documents or none, got {len(documents)} ({given}); "
        f"e.g. `{example}`, or `{PROG} crosswalk` for every document"
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
    document = getattr(args, "document", None)
    if command == "list":
        _list(args.kind, document, args.json, out)
    elif command == "show":
        with _guided(args.text, args.kind, document):
            _show(args.text, args.kind, document, args.json, out)
    elif command == "search":
        _search(args.query, args.kind, document, args.limit, args.json, out)
    elif command == "export":
        for path in _export(args):
            print(path, file=out)
    elif command == "validate":
        print(_validate(), file=out)
    elif command == "cite":
        with _guided(args.text, args.kind, document):
            ref = args.text if args.kind is None and document is None else _lookup(args.text, args.kind, document)
            print(sp.cite(ref, style=args.style), file=out)
    elif command == "documents":
        print(sp.documents(), file=out)
    elif command == "lineage":
        print(sp.lineage(args.key, document=document), file=out)
    elif command == "crosswalk":
        print(sp.crosswalk(*args.documents), file=out)
    else:
        out.write(sp.overview())


def _export(args: argparse.Namespace) -> list[Path]:
    document = args.document
    if document is not None and "document" not in inspect.signature(sp.export).parameters:
        if document.strip().casefold() != "all":
            _loader.find_document(document, "export")  # a name that names no document gets its own message
        raise sp.ExportError(f"this sei_policy exports the 2020 plan and NBS 2018 only: --document {document!r}")
    try:
        if document is None:
            return sp.export(args.format, args.output, overwrite=args.overwrite, excel=args.excel, base=args.base)
        export: Any = sp.export  # its document= is newer than some installations' signature
        paths: list[Path] = export(
            args.format, args.output, overwrite=args.overwrite, excel=args.excel, base=args.base, document=document
        )
        return paths
    except sp.MissingExtraError:
        raise
    except ImportError as error:  # the format's own code is missing from this installation
        raise sp.ExportError(f"cannot write the {args.format} format: {error}") from None


def _print_json(value: object, out: TextIO) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2), file=out)


# -- misses that guide ---------------------------------------------------------------


class _NotFoundError(SeiPolicyError, LookupError):
    """No record is called what the command line gave, but a search finds some: the message says which."""


@contextlib.contextmanager
def _guided(text: str, kind: str | None, document: str | None = None) -> Iterator[None]:
    """Make a miss of a name point to ``sei-policy search``, with what it finds.

    A miss that already says what would work (a hint, such as a kind's range of
    notations, or close identifiers) is left as the library words it.
    """
    try:
        yield
    except UnknownIdentifierError as error:
        if error.hint or error.suggestions:  # a notation's range, a number's kind, close identifiers
            raise
        hits = _found(text, kind, document) if len(text) <= _LONGEST_NAME else ()
        if not hits:
            raise
        command = f"{PROG} search {shlex.quote(text)}" + (f" --kind {shlex.quote(kind)}" if kind else "")
        command += f" --document {shlex.quote(document)}" if document else ""
        shown = ", ".join(f"{_render.row(hit.record)[0]} {hit.record.id}" for hit in hits[:3])
        more = ", …" if len(hits) > 3 else ""
        message = f"no record is called {text!r}; `{command}` finds {len(hits)}: {shown}{more}"
        raise _NotFoundError(message) from None


_LONGEST_NAME = 80
"""A longer text that names nothing is not searched for: the message would repeat all of it."""


def _found(text: str, kind: str | None, document: str | None = None) -> tuple[sp.Hit[sp.PlanOrRecord], ...]:
    """What a search for the text finds, or nothing if the search cannot take it."""
    try:
        if document is None:
            return tuple(sp.search(text, kind=kind, limit=SEARCH_LIMIT))
        return tuple(sp.search(text, kind=kind, limit=SEARCH_LIMIT, document=document))
    except SeiPolicyError:
        return ()


# -- list ----------------------------------------------------------------------------


def _list(kind: str | None, document: str | None, as_json: bool, out: TextIO) -> None:
    records: tuple[sp.PlanOrRecord, ...]
    if document is None:  # as before the lineage, for callers that stand in for sp.records
        records = sp.records() if kind is None else sp.records(kind)
    else:
        records = sp.records(document=document) if kind is None else sp.records(kind, document=document)
    if as_json:
        _print_json([sp.asdict(r) for r in records], out)
        return
    for line in _render.table([_render.row(r) for r in records], _encoding(out)):
        print(line, file=out)


def _encoding(out: TextIO) -> str | None:
    """The encoding of ``out``, or ``None`` where it writes text as is (a ``StringIO``)."""
    encoding: str | None = getattr(out, "encoding", None)
    return encoding


# -- show ----------------------------------------------------------------------------


def _lookup(text: str, kind: str | None, document: str | None) -> sp.PlanOrRecord:
    """The record ``show`` and ``cite`` name; ``document=`` is passed only when given."""
    if document is None:
        return sp.lookup(text, kind=kind)
    return sp.lookup(text, kind=kind, document=document)


def _show(text: str, kind: str | None, document: str | None, as_json: bool, out: TextIO) -> None:
    try:
        record = _lookup(text, kind, document)
    except UnknownIdentifierError:
        if kind is not None or document is not None:
            raise
        found: sp.Plan | sp.Classification | None = None
        with contextlib.suppress(UnknownIdentifierError):  # a document of the lineage: sei-2010, 国发〔2010〕32号
            found = _loader.find_document(text, "show")
        if found is not None:
            _show_document(found, as_json, out)
            return
        raise
    if as_json:
        _print_json(sp.asdict(record), out)
        return
    for line in _render.show_lines(record, _encoding(out)):
        print(line, file=out)


def _show_document(document: sp.Plan | sp.Classification, as_json: bool, out: TextIO) -> None:
    """A document ``show`` was given by its key: a plan as a record, a classification as its card (no JSON form)."""
    if isinstance(document, sp.Plan):
        _show(document.id, None, document.key, as_json, out)
        return
    if as_json:
        raise _NotFoundError(
            f"{document.key!r} is a classification, not a record: `{PROG} list --document {document.key} --json` "
            f"gives its fields, `{PROG} cite {document.key}` a citation"
        )
    for line in _render.document_lines(document):
        print(line, file=out)


# -- search --------------------------------------------------------------------------


def _search(query: str, kind: str | None, document: str | None, limit: int, as_json: bool, out: TextIO) -> None:
    hits = (
        sp.search(query, kind=kind, limit=limit)
        if document is None
        else sp.search(query, kind=kind, limit=limit, document=document)
    )
    if as_json:
        _print_json([_hit(hit) for hit in hits], out)
        return
    if not hits and limit:
        because = f", because {hits.reason}" if hits.reason else ""
        print(f"no record matches {query!r}{because}", file=out)
        suggestions = sp.did_you_mean(query) if document is None else sp.did_you_mean(query, document=document)
        if suggestions:
            print("did you mean: " + "; ".join(suggestions), file=out)
    corrections = hits[0].corrections if hits else ()
    if corrections:
        print("read " + ", ".join(f"{typed!r} as {read!r}" for typed, read in corrections), file=out)
    for hit in hits:
        print(_render.hit_line(hit), file=out)


def _hit(hit: sp.Hit[sp.PlanOrRecord]) -> dict[str, object]:
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
        dataset = _loader.parse(_loader.read(), full=True)
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
