"""The ``sei-policy`` command (also ``python -m sei_policy``).

With no arguments it prints an overview of the plan; ``show`` prints one
record and ``search`` ranks records for a query:

>>> main(["show", "A4"])  # doctest: +ELLIPSIS
A4  action:new-materials
  en: Accelerate the new materials industry in strengthening areas of weakness
  zh: 加快新材料产业强弱项
...
0
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TextIO

import sei_policy as sp
from sei_policy.errors import AmbiguousLookupError, SeiPolicyError

__all__ = ("main",)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sei-policy",
        description="China's 2020 Strategic Emerging Industries plan (发改高技〔2020〕1409号), as data.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {sp.__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("overview", help="the plan's requirements and actions (the default)")
    show = commands.add_parser("show", help="one record, by identifier, notation or name")
    show.add_argument("text", help="e.g. action:new-materials, A4, 加快新材料产业强弱项")
    show.add_argument("--kind", help="only records of this kind (action, industry, ...)")
    find = commands.add_parser("search", help="records ranked for a query, in English or Chinese")
    find.add_argument("query")
    find.add_argument("--kind", help="only records of this kind")
    find.add_argument("--limit", type=_count, default=10, help="at most this many hits (default 10)")
    return parser


def _count(text: str) -> int:
    """An argparse type: a whole number of zero or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected zero or more, got {value}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status.

    0 on success; 1 when the text or kind names nothing, or names several
    records. On bad usage (an unknown command, a negative ``--limit``)
    argparse prints the usage and raises ``SystemExit(2)``.
    """
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(errors="backslashreplace")
    args = _parser().parse_args(argv)
    try:
        if args.command == "show":
            _show(args.text, args.kind, out)
        elif args.command == "search":
            _search(args.query, args.kind, args.limit, out)
        else:
            _overview(out)
        out.flush()  # here, so that a reader that went away is noticed inside this try
    except AmbiguousLookupError as error:
        error.hint = "use --kind or an identifier"
        print(f"sei-policy: error: {error}", file=sys.stderr)
        return 1
    except SeiPolicyError as error:
        print(f"sei-policy: error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader stopped early, as `| head` does
        _silence_stdout()
    return 0


def _silence_stdout() -> None:
    """Point stdout at devnull so that Python's final flush does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _overview(out: TextIO) -> None:
    out.write(sp.overview())


def _show(text: str, kind: str | None, out: TextIO) -> None:
    record = sp.lookup(text, kind=kind)
    if isinstance(record, sp.Plan):
        _overview(out)
        return
    print(f"{record.notation}  {record.id}", file=out)
    print(f"  en: {record.title.en or '— (not verified)'}", file=out)
    print(f"  zh: {record.title.zh or '— (not verified)'}", file=out)
    if record.summary:
        print(f"  summary: {record.summary}", file=out)
    for label, terms in (("aliases", record.aliases.all), ("keywords", record.keywords.all)):
        if terms:
            print(f"  {label}: " + "; ".join(terms), file=out)
    provenance = record.provenance
    print(f"  status: {provenance.status}; sources: {', '.join(provenance.source_keys)}", file=out)
    for claim in provenance.fields:
        sources = f" [{', '.join(claim.source_keys)}]" if claim.source_keys else ""
        note = f" ({claim.note})" if claim.note else ""
        print(f"    {claim.field}: {claim.status}{sources}{note}", file=out)


def _search(query: str, kind: str | None, limit: int, out: TextIO) -> None:
    hits = sp.search(query, kind=kind, limit=limit)
    if not hits and limit:
        print(f"no record matches {query!r}", file=out)
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
