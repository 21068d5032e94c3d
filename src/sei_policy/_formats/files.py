"""Writing files: atomically, as text with ``\\n`` line ends, and as CSV that spreadsheets split right.

Every format writes through :func:`atomic_path`, so a failed export leaves nothing behind
and never half a file. A folder the library writes holds a small marker file,
:data:`MARKER`, naming the format: exporting the same format there again replaces the
library's own earlier export without ``overwrite=True`` (a notebook's "Restart & Run All").
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from sei_policy.errors import ExportError

__all__ = ("MARKER", "atomic_path", "marked", "read_json", "write_csv", "write_marker", "write_text")

MARKER = ".sei-policy-export"
"""The file that marks a folder as the library's export, holding ``{"format": ..., "written_by": "sei_policy"}``."""

_READ_LIMIT = 64 * 2**20
"""The largest file the recognisers read, in bytes: an export is far smaller."""

_QUOTED = frozenset(',;\t"\r\n')
"""The characters for which a CSV cell is quoted: the separators LibreOffice splits on by default, quotes, line ends."""


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


def _csv_cell(value: object) -> str:
    """One CSV cell: empty for ``None``, a number as it is, text quoted where it holds a separator.

    LibreOffice's import splits on tab, comma and semicolon by default, so a text holding
    any of them (a list joined with ``;``) is quoted, and a quote inside is doubled.

    >>> [_csv_cell(v) for v in (None, 4, "A4", "a;b", 'a "b" c')]
    ['', '4', 'A4', '"a;b"', '"a ""b"" c"']
    """
    if value is None:
        return ""
    text = str(value)
    if isinstance(value, str) and _QUOTED.intersection(text):
        return '"' + text.replace('"', '""') + '"'
    return text


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[object]], *, excel: bool = False) -> None:
    """Rows as CSV: a header, ``\\n`` line ends, UTF-8 (with a byte-order mark only for Excel), empty for ``None``.

    A text cell that holds a comma, a semicolon, a tab, a quote or a line end is quoted
    (see :func:`_csv_cell`), so LibreOffice's default import keeps the columns; every
    RFC 4180 reader (pandas, R, DuckDB, Frictionless) reads the same values.
    """
    with open(path, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as file:
        file.write(",".join(_csv_cell(name) for name in header) + "\n")
        for row in rows:
            file.write(",".join(_csv_cell(v) for v in row) + "\n")


def write_marker(folder: Path, format: str) -> None:
    """Mark ``folder`` (inside an :func:`atomic_path` block) as the library's export of ``format``."""
    write_text(folder / MARKER, json.dumps({"format": format, "written_by": "sei_policy"}) + "\n")


def marked(folder: Path, format: str) -> bool:
    """Whether ``folder`` is a folder the library exported ``format`` to (its :data:`MARKER` says so)."""
    try:
        body = json.loads((Path(folder) / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(body, dict) and body.get("format") == format and body.get("written_by") == "sei_policy"


def read_json(path: Path) -> object | None:
    """The JSON value in ``path``, or ``None`` if it is no file, too large for an export, or not JSON.

    The recognisers read a path through it to tell the library's own earlier export from anything else.
    """
    try:
        if not path.is_file() or path.stat().st_size > _READ_LIMIT:
            return None
        body: object = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return body
