"""Run the tour notebook (``docs/notebooks/tour.ipynb``) and store its outputs in it, for the docs site.

The documentation site shows the notebook with myst-nb, which never runs it
(``nb_execution_mode = "off"`` in ``docs/conf.py``): the page shows the outputs stored in
the file, so the build needs no kernel. This development-time tool stores them. It runs
every cell top to bottom in a kernel of this interpreter with nbclient, then writes the
notebook back with its outputs and execution counts; it drops what would differ from run
to run or from machine to machine (cell timings, the kernel's Python version).

``tests/test_notebook.py`` runs the notebook again with a real kernel and checks that the
stored outputs are those of the fresh run (text and HTML of every cell). When a change to
the library or its data changes what a cell shows, that test fails until this tool is
run again.

How to rerun it (from the repository root, with the package installed in development mode)::

    python tools/make_tour.py            # run the notebook and store its outputs
    python tools/make_tour.py --check    # exit 1, naming the cells, if the stored outputs are stale
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[1] / "docs" / "notebooks" / "tour.ipynb"
TIMEOUT = 120
COMPARED = ("text/plain", "text/html")  # the representations the docs show, and the test compares


def kernel_manager(folder: Path) -> AsyncKernelManager:
    """A manager for a kernel named ``python3`` that runs this interpreter, its spec kept in ``folder`` only."""
    spec = folder / "kernels" / "python3"
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    body = {"argv": argv, "display_name": "Python 3 (this interpreter)", "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(body), encoding="utf-8")
    return AsyncKernelManager(
        kernel_name="python3",
        kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(spec.parent)]),
        connection_file=str(folder / "connection.json"),
        ip="127.0.0.1",
    )


def execute(path: Path) -> Any:
    """The notebook at ``path``, run top to bottom in a temporary folder; a cell that raises stops the run."""
    notebook = nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        client = NotebookClient(
            notebook,
            km=kernel_manager(folder),
            kernel_name="python3",
            timeout=TIMEOUT,
            startup_timeout=TIMEOUT,
            record_timing=False,  # no time stamps in the stored cells
            resources={"metadata": {"path": str(folder)}},
        )
        environment = {
            **os.environ,
            "IPYTHONDIR": str(folder / "ipython"),
            "JUPYTER_RUNTIME_DIR": str(folder / "runtime"),
            "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        }
        client.execute(cleanup_kc=True, env=environment)
    # The kernel fills in its own Python version: keep the file the same on every machine.
    notebook.metadata["language_info"] = {"name": "python"}
    return notebook


def shown(notebook: Any) -> dict[str, list[tuple[str, str]]]:
    """What each code cell shows, by cell id: its printed text, then the text and HTML of each result."""
    found: dict[str, list[tuple[str, str]]] = {}
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        parts: list[tuple[str, str]] = []
        for output in cell.outputs:
            if output.output_type == "stream":
                parts.append((output.name, _text(output.text)))
            elif output.output_type == "error":
                parts.append(("error", f"{output.ename}: {output.evalue}"))
            else:
                parts += [(mime, _text(output.data[mime])) for mime in COMPARED if mime in output.get("data", {})]
        found[cell.get("id", "")] = parts
    return found


def _text(value: str | list[str]) -> str:
    return "".join(value) if isinstance(value, list) else value


def main(argv: Sequence[str] | None = None) -> int:
    """Store the tour's outputs, or with ``--check`` report the cells whose stored outputs are stale."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 if the stored outputs are stale")
    args = parser.parse_args(argv)
    fresh = execute(NOTEBOOK)
    if args.check:
        stored = shown(nbformat.read(NOTEBOOK, as_version=4))  # type: ignore[no-untyped-call]
        stale = [cell for cell, parts in shown(fresh).items() if stored.get(cell) != parts]
        if stale:
            print(f"{NOTEBOOK.name}: stale outputs in cells {', '.join(stale)}; run python tools/make_tour.py")
            return 1
        print(f"{NOTEBOOK.name}: the stored outputs are those of a fresh run")
        return 0
    errors = [cell.get("id") for cell in fresh.cells for o in cell.get("outputs", []) if o.output_type == "error"]
    if errors:
        print(f"{NOTEBOOK.name}: cells {errors} raised; nothing written")
        return 1
    nbformat.write(fresh, NOTEBOOK)  # type: ignore[no-untyped-call]  # validates; keys sorted, as Jupyter writes
    print(f"{NOTEBOOK.name}: outputs stored")
    return 0


if __name__ == "__main__":
    sys.exit(main())
