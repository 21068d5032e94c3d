"""The tour notebook in docs/: executed top to bottom by a real kernel of this interpreter, its outputs checked."""

from __future__ import annotations

import html
import os
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.integration  # a heavy outside tool: CI runs these once

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
try:
    import make_tour  # the tool that stores the outputs: the same kernel set-up and the same view of a cell
    import nbformat
    from nbclient import NotebookClient
except ImportError as error:  # pragma: no cover - the test extra installs them
    pytest.skip(f"nbclient, nbformat or ipykernel is not installed ({error}): pip install -e '.[test]'",
                allow_module_level=True)  # fmt: skip

NOTEBOOK = Path(__file__).resolve().parents[1] / "docs" / "notebooks" / "tour.ipynb"
TIMEOUT = 120

Notebook = Any  # nbformat's NotebookNode: a dict whose keys are also attributes


def _read(path: Path) -> Notebook:
    """The notebook at ``path`` (nbformat ships no type hints for ``read``)."""
    return nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Notebook:
    """The notebook, run in a temporary copy (the repository's file is only read)."""
    before = NOTEBOOK.read_bytes()
    folder = tmp_path_factory.mktemp("notebook")
    copy = folder / NOTEBOOK.name
    shutil.copyfile(NOTEBOOK, copy)
    notebook = _read(copy)
    client = NotebookClient(
        notebook,
        km=make_tour.kernel_manager(folder),
        kernel_name="python3",
        timeout=TIMEOUT,
        startup_timeout=TIMEOUT,
        allow_errors=True,  # errors are recorded in the outputs, and test_no_cell_raised names the cell
        resources={"metadata": {"path": str(folder)}},
    )
    environment = {
        **os.environ,
        "IPYTHONDIR": str(folder / "ipython"),  # the kernel's history and profile stay in the temporary folder
        "JUPYTER_RUNTIME_DIR": str(folder / "runtime"),
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",  # silences the debugger's note about frozen modules
    }
    # The client shuts down a kernel only if it made the manager itself; cleanup_kc asks it to stop this one too.
    client.execute(cleanup_kc=True, env=environment)
    assert NOTEBOOK.read_bytes() == before
    return notebook


def _cell(notebook: Notebook, cell_id: str) -> Any:
    found = [c for c in notebook.cells if c.get("id") == cell_id]
    assert len(found) == 1, f"no single cell {cell_id!r} in the notebook"
    return found[0]


def _result(notebook: Notebook, cell_id: str, mime: str) -> str:
    """The ``mime`` data of a cell's result (``Out[n]``)."""
    results = [o for o in _cell(notebook, cell_id).outputs if o.output_type == "execute_result"]
    assert len(results) == 1, f"cell {cell_id!r} has {len(results)} results"
    data = results[0].data
    assert mime in data, f"cell {cell_id!r} has no {mime} result, only {sorted(data)}"
    text = data[mime]
    return "".join(text) if isinstance(text, list) else str(text)


def test_repository_notebook_is_saved_with_its_outputs() -> None:
    """The notebook in docs/ is valid nbformat 4 for the python3 kernel, and every code cell holds its outputs.

    The docs site shows the stored outputs (myst-nb, execution off); tools/make_tour.py stores them.
    """
    notebook = _read(NOTEBOOK)
    nbformat.validate(notebook)
    assert notebook.nbformat == 4
    assert notebook.metadata.kernelspec.name == "python3"
    assert notebook.metadata.language_info == {"name": "python"}  # no machine's Python version
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code
    assert [c.get("id") for c in code if not c.outputs or c.execution_count is None] == []
    assert [c.get("id") for c in code if "execution" in c.metadata] == []  # no run's time stamps
    assert any(c.cell_type == "markdown" for c in notebook.cells)


def test_stored_outputs_equal_a_fresh_run(executed: Notebook) -> None:
    """The outputs stored in the notebook (which the docs site shows) are those of a fresh run, cell by cell."""
    stored, fresh = make_tour.shown(_read(NOTEBOOK)), make_tour.shown(executed)
    assert list(stored) == list(fresh)
    stale = [cell for cell in fresh if stored[cell] != fresh[cell]]
    assert stale == [], f"stored outputs differ from a fresh run in cells {stale}: run python tools/make_tour.py"


def test_no_cell_raised(executed: Notebook) -> None:
    """Every code cell ran, and none raised."""
    for cell in executed.cells:
        if cell.cell_type != "code":
            continue
        assert cell.execution_count is not None, f"cell {cell.get('id')!r} did not run"
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert errors == [], f"cell {cell.get('id')!r} raised {errors[0].ename}: {errors[0].evalue}"


def test_plan_shows_as_an_outline(executed: Notebook) -> None:
    """The plan's HTML is the outline, with every action."""
    outline = _result(executed, "plan", "text/html")
    assert 'class="sei sei-card sei-plan"' in outline
    assert html.escape("发改高技〔2020〕1409号") in outline
    assert all(f'<span class="sei-notation">A{n}</span>' in outline for n in range(1, 21))


def test_record_shows_as_a_card(executed: Notebook) -> None:
    """The card of action 4 holds its escaped Chinese title and its identifier."""
    card = _result(executed, "record", "text/html")
    assert '<span lang="zh">' + html.escape("加快新材料产业强弱项") + "</span>" in card
    assert "action:new-materials" in card
    assert "<script" not in card.lower()


def test_search_shows_as_a_table_with_a_row_for_biotech(executed: Notebook) -> None:
    """The search's HTML is a table with a row for action:biotech."""
    table = _result(executed, "search", "text/html")
    rows = re.findall(r"<tr\b[^>]*>.*?</tr>", table, flags=re.DOTALL)
    assert any("<code>action:biotech</code>" in row for row in rows)


def test_frame_has_twenty_rows(executed: Notebook) -> None:
    """The frame's shape is (20, …)."""
    assert re.fullmatch(r"\(20, \d+\)", _result(executed, "frame-shape", "text/plain"))


def test_groupby_counts_the_actions_of_each_requirement(executed: Notebook) -> None:
    """The group-by counts 8, 5, 3 and 4 actions for the four requirements."""
    counts = _result(executed, "groupby", "text/plain")
    assert re.findall(r"^requirement:\S+\s+(\d+)$", counts, flags=re.MULTILINE) == ["8", "5", "3", "4"]


def test_citation_is_printed(executed: Notebook) -> None:
    """The citation names the record's identifier and the document number."""
    printed = "".join(o.text for o in _cell(executed, "cite").outputs if o.output_type == "stream")
    assert "[action:new-materials]" in printed
    assert "发改高技〔2020〕1409号" in printed
