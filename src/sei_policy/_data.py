"""The package's data files, read through importlib resources: the one place that opens ``data/``.

Works from a folder, a wheel or a zip archive. ``importlib-resources`` is a declared
dependency; where it is missing (a bare interpreter with the source on its path), the
standard library's ``importlib.resources`` (Python 3.11 and newer) reads the same files.

>>> read("thesaurus.json")[:1]
b'{'
"""

from __future__ import annotations

__all__ = ("read",)


def read(name: str) -> bytes:
    """The raw bytes of ``data/<name>``."""
    try:
        import importlib_resources as resources
    except ImportError:  # the standard library's has files() from Python 3.9 on
        from importlib import resources  # type: ignore[no-redef]

    return (resources.files("sei_policy") / "data" / name).read_bytes()
