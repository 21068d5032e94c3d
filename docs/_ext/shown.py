"""A Sphinx extension that shows the library's notebook HTML on a page, as Jupyter shows it, at build time.

A page writes, in MyST::

    ```{sei-shown} card action:new-materials
    ```

and the build puts there the HTML that Jupyter shows for that object: ``card`` and an
identifier for a record's card, ``plan`` for the plan's outline, ``search`` and a query
for a search's table. The HTML comes from the objects' own ``_repr_html_``, so the page
always shows what the installed version shows; it is escaped, self-contained and holds
no script (see docs/notebooks.md).
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

import sei_policy as sp


def html(what: str, argument: str) -> str:
    """The notebook HTML of ``card IDENTIFIER``, ``plan`` or ``search QUERY``.

    >>> html("card", "action:new-materials").startswith('<div class="sei sei-card sei-action"')
    True
    >>> html("table", "x")
    Traceback (most recent call last):
      ...
    ValueError: sei-shown takes 'card IDENTIFIER', 'plan' or 'search QUERY', got 'table'
    """
    if what == "card" and argument:
        return sp.get(argument)._repr_html_()
    if what == "plan" and not argument:
        return sp.plan()._repr_html_()
    if what == "search" and argument:
        return sp.search(argument)._repr_html_()
    raise ValueError(f"sei-shown takes 'card IDENTIFIER', 'plan' or 'search QUERY', got {what!r}")


class Shown(SphinxDirective):
    """``{sei-shown} card|plan|search [argument]``: the object's notebook HTML, as raw HTML."""

    required_arguments = 1
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        what, _, argument = " ".join(self.arguments).partition(" ")
        try:
            shown = html(what, argument.strip())
        except (ValueError, LookupError) as error:
            raise self.error(str(error)) from error
        return [nodes.raw("", f'<div class="sei-shown">{shown}</div>', format="html")]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("sei-shown", Shown)
    return {"version": sp.__version__, "parallel_read_safe": True, "parallel_write_safe": True}
