"""Sphinx configuration for the sei_policy documentation (MyST Markdown and notebooks, the furo theme).

Build it with ``python -m sphinx -W --keep-going -b html docs docs/_build/html``.
The build needs no network: no intersphinx, and the theme ships its own assets.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# Document the code of this checkout, and find the local extension in _ext/.
for path in (ROOT / "src", HERE / "_ext"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import sei_policy  # noqa: E402 - after the path is set

# -- Project -------------------------------------------------------------------------

project = "sei_policy"
author = "The sei_policy developers"
copyright = "The sei_policy developers; data CC BY 4.0, code MIT"
version = sei_policy.__version__
release = f"{sei_policy.__version__} (data edition {sei_policy.DATA_EDITION})"
language = "en"

# -- Extensions ----------------------------------------------------------------------

extensions = [
    "myst_nb",  # MyST Markdown (it includes myst_parser) and the tour notebook with its stored outputs
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "records",  # _ext/records.py: fills records.md from the shipped data at build time
    "shown",  # _ext/shown.py: the notebook HTML of a card, the plan or a search, on a page
]

# MyST Markdown. Headings down to level 4 get GitHub-style anchors, so the pages'
# [text](#anchor) and [text](page.md#anchor) links resolve (the guide links to
# level-4 headings such as "did_you_mean: when nothing matches").
myst_heading_anchors = 4
myst_enable_extensions = [
    "colon_fence",  # ::: fences for admonitions
    "deflist",  # term / : definition, used on the generated records page
]

# autodoc and napoleon: the public names are documented where users reach them,
# at sei_policy.X, though they are defined in private modules (see reference.md).
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

# myst-nb shows the notebook with the outputs stored in it and never runs it: the build
# needs no kernel. tests/test_notebook.py checks that the stored outputs are those of a
# fresh run, and tools/make_tour.py stores them.
nb_execution_mode = "off"
nb_merge_streams = True

# -- Sources ------------------------------------------------------------------------

source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb"}
root_doc = "index"
exclude_patterns = [
    "_build",
    "_ext",
    "**/.ipynb_checkpoints",
    "Thumbs.db",
    ".DS_Store",
]

# -- HTML output ----------------------------------------------------------------------

html_theme = "furo"
html_title = f"sei_policy {release}"
html_static_path: list[str] = []
html_show_sourcelink = True
html_copy_source = True

# Text is shown as the data holds it: no curly quotes or dashes put in its place, so
# that a title or a note copied from a page equals the string the library returns.
smartquotes = False


def _own_source_only(app: Sphinx, modname: str, attribute: str) -> str | None:
    """For viewcode: an object that another package defines (a typing alias, a compiled
    regular expression) is looked for in the module that documents it, so the site never
    copies the source of the standard library."""
    import importlib

    try:
        value: object = importlib.import_module(modname)
        for name in attribute.split("."):
            value = getattr(value, name)
    except Exception:  # noqa: BLE001 - viewcode then falls back to its own lookup
        return None
    defined = getattr(value, "__module__", None)
    if isinstance(defined, str) and defined.split(".")[0] == "sei_policy":
        return defined
    return modname


# The type variables of the overloads are private (`_R`, `_T`, `_K`). The signatures show
# them as `R` (a record class given as kind=, or the plan's class) and `T` (the type of a
# default), the names that reference.md's introduction explains.
_TYPE_VARIABLES = {"_R": "R", "_K": "R", "_T": "T"}
_TYPE_VARIABLE = re.compile(r"(?<![\w.])(" + "|".join(_TYPE_VARIABLES) + r")\b")


def public_type_variables(text: str | None) -> str | None:
    """A signature (or return annotation) with each private type variable by its public name.

    >>> public_type_variables("(identifier: str, default: _T, *, kind: type[_R]) -> _R | _T")
    '(identifier: str, default: T, *, kind: type[R]) -> R | T'
    >>> public_type_variables("(self, x: sei_policy._R, y: _Rx)")
    '(self, x: sei_policy._R, y: _Rx)'
    """
    return None if text is None else _TYPE_VARIABLE.sub(lambda m: _TYPE_VARIABLES[m.group(1)], text)


def _public_type_variables(app: Sphinx, doctree: nodes.document) -> None:
    """Write each signature's private type variables by their public names, wherever
    autodoc took the signature from (an overload, a class, a return annotation)."""
    for signature in doctree.findall(addnodes.desc_signature):
        for text in list(signature.findall(nodes.Text)):
            public = public_type_variables(str(text))
            if public != str(text):
                text.parent.replace(text, nodes.Text(public))
        for reference in signature.findall(addnodes.pending_xref):
            reference["reftarget"] = public_type_variables(reference.get("reftarget"))


# -- Figures drawn at build time ------------------------------------------------------


def gdp_share_svg() -> str:
    """The SEI share of GDP as ``sp.gdp_share().plot()`` draws it, as SVG text (the same bytes on every build).

    >>> svg = gdp_share_svg()
    >>> svg.startswith("<svg"), "<script" in svg
    (True, False)
    """
    import io

    import matplotlib

    figure = sei_policy.gdp_share().plot()
    out = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "sei-policy", "svg.fonttype": "path"}):
        figure.savefig(out, format="svg", metadata={"Date": None}, bbox_inches="tight")
    text = out.getvalue()
    return text[text.index("<svg") :]


class GdpShareFigure(SphinxDirective):
    """``{sei-gdp-share}``: the figure of ``sp.gdp_share().plot()``, drawn by this build, in the page itself.

    The image is an ``<img>`` with the SVG as a data URI, so the page needs no file
    beside it and loads nothing from elsewhere; the directive's content is the figure's
    description for readers who cannot see it (its ``alt`` text).
    """

    has_content = True

    def run(self) -> list[nodes.Node]:
        import base64
        import html

        try:
            svg = gdp_share_svg()
        except ImportError as error:  # matplotlib is the plot extra, which the docs extra installs
            raise self.error(f"sei-gdp-share needs matplotlib: {error}") from error
        alt = html.escape(" ".join(self.content).strip() or "The SEI share of GDP", quote=True)
        data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
        image = f'<img class="sei-gdp-share" alt="{alt}" src="data:image/svg+xml;base64,{data}" style="max-width:100%">'
        return [nodes.raw("", f'<figure class="sei-figure">{image}</figure>', format="html")]


def setup(app: Sphinx) -> None:
    app.connect("viewcode-follow-imported", _own_source_only)
    app.connect("doctree-read", _public_type_variables)
    app.add_directive("sei-gdp-share", GdpShareFigure)
