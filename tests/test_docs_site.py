"""The documentation site in docs/: built with Sphinx, MyST and furo, warnings as errors, checked."""

from __future__ import annotations

import html
import importlib.util
import re
import warnings
from pathlib import Path

import pytest

import sei_policy as sp

_MISSING = [name for name in ("sphinx", "myst_nb", "furo") if importlib.util.find_spec(name) is None]
if _MISSING:  # pragma: no cover - the docs extra (and the test extra) installs them
    pytest.skip(f"not installed: {', '.join(_MISSING)}; pip install -e '.[docs]'", allow_module_level=True)

import sphinx.deprecation  # noqa: E402 - only once Sphinx is known to be there
from sphinx.cmd.build import build_main  # noqa: E402

pytestmark = pytest.mark.integration  # a heavy outside tool: CI runs these once

DOCS = Path(__file__).resolve().parents[1] / "docs"
PAGES = [DOCS.parent / "README.md", *sorted(DOCS.rglob("*.md")), *sorted(DOCS.rglob("*.ipynb"))]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once for this module from a fresh environment, with every warning an error."""
    out = tmp_path_factory.mktemp("site")
    with warnings.catch_warnings():
        # Python warnings that Sphinx raises about its own API, for its own extensions and
        # MyST's (napoleon and MyST's include directive use APIs that Sphinx 9 deprecates),
        # are not warnings of this build: the suite's filterwarnings=error would abort on them.
        # Every warning of the build itself is still an error, through -W.
        for name in dir(sphinx.deprecation):
            if name.startswith("RemovedInSphinx"):
                warnings.filterwarnings("ignore", category=getattr(sphinx.deprecation, name))
        status = build_main(["-W", "--keep-going", "-b", "html", "-q", "-E", str(DOCS), str(out)])
    assert status == 0, "the documentation build failed: see the warnings printed above"
    return out


def _anchor(identifier: str) -> str:
    return identifier.replace(":", "-")


def test_build_writes_the_pages(site: Path) -> None:
    """The landing page, the generated reference and the generated records page are written."""
    for page in ("index.html", "reference.html", "records.html", "getting-started.html", "changelog.html"):
        assert (site / page).is_file(), page


def test_records_page_has_an_anchor_per_record(site: Path) -> None:
    """records.html has an element whose id is each record's identifier with ':' as '-'."""
    page = (site / "records.html").read_text(encoding="utf-8")
    assert 'id="action-new-materials"' in page
    assert 'id="nbs-2018-3"' in page
    everything: list[sp.Plan | sp.Record] = [sp.plan(), *sp.records(), *sp.records(kind=sp.NbsCategory)]
    missing = [r.id for r in everything if f'id="{_anchor(r.id)}"' not in page]
    assert missing == []


def test_reference_documents_the_public_functions(site: Path) -> None:
    """reference.html documents the public names at sei_policy.X, where users reach them."""
    page = (site / "reference.html").read_text(encoding="utf-8")
    for name in ("get", "to_frame", "lookup", "search", "export", "cite", "Plan", "Record", "Status"):
        assert f'id="sei_policy.{name}"' in page, name


def _text(page: str) -> str:
    """A page's text, without its tags."""
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def test_reference_shows_no_private_type_variable(site: Path) -> None:
    """The signatures show the type variables as R and T, never as the private _R, _T or _K."""
    text = _text((site / "reference.html").read_text(encoding="utf-8"))
    assert re.findall(r".{30}\b_[RTK]\b.{10}", text) == []
    assert "kind: type[R]) → R" in text  # the overloads of get and lookup, with the public names


def test_records_page_links_every_source_key_to_the_register(site: Path) -> None:
    """Each source has an anchor in the register at the end of records.html, and every cited key links to it."""
    page = (site / "records.html").read_text(encoding="utf-8")
    plan = sp.plan()
    assert [s.key for s in plan.sources if f'id="source-{s.key.lower()}"' not in page] == []
    everything: list[sp.Plan | sp.Record] = [plan, *sp.records(), *sp.records(kind=sp.NbsCategory)]
    cited = {key.lower() for r in everything for key in r.provenance.all_source_keys}
    linked = set(re.findall(r'href="#source-([\w-]+)"', page))
    assert sorted(cited - linked) == []  # every key a record cites is a link
    assert [a for a in linked if f'id="source-{a}"' not in page] == []  # and every link has its target
    # a status's keys are links, not plain code: no "(<code>S4</code>" left after a status
    assert re.findall(r"\(<code[^>]*><span class=\"pre\">S\d", page) == []


@pytest.mark.parametrize("page", ["notebooks/tour.html", "notebooks.html"])
def test_notebook_html_is_shown_as_it_looks(site: Path, page: str) -> None:
    """The tour page (stored outputs) and the notebooks page (built from the library) show a card, the outline and a search table."""
    body = (site / page).read_text(encoding="utf-8")
    assert '<div class="sei sei-card sei-action" lang="en">' in body  # action 4's card, as HTML, not as text
    assert '<div class="sei sei-card sei-plan" lang="en">' in body
    assert re.search(r"<table[^>]*>.*?<code>action:biotech</code>.*?</table>", body, flags=re.DOTALL)


def test_no_page_loads_anything_from_the_network(site: Path) -> None:
    """No script, style sheet or image of any page points outside the site."""
    external = re.compile(r"""<(?:script|link|img)\b[^>]*\b(?:src|href)=["'](?:https?:)?//""", re.IGNORECASE)
    found = [str(p.relative_to(site)) for p in site.rglob("*.html") if external.search(p.read_text(encoding="utf-8"))]
    assert found == []


def test_source_pages_are_the_librarys_own(site: Path) -> None:
    """The highlighted source (viewcode) covers sei_policy only, never a module of the standard library."""
    modules = site / "_modules"
    pages = [p.relative_to(modules).as_posix() for p in modules.rglob("*.html")]
    assert pages, "no source pages were written"
    assert [p for p in pages if p not in ("index.html", "sei_policy.html") and not p.startswith("sei_policy/")] == []


_INSTALL = re.compile(r"pip install ([^`\n&;|]*)")  # its arguments, up to the next command


@pytest.mark.parametrize("path", PAGES, ids=[p.relative_to(DOCS.parent).as_posix() for p in PAGES])
def test_install_instructions_install_from_a_checkout(path: Path) -> None:
    """The package is on no index: every `pip install` on a page installs a path ("." or ".[extra]"), never the name."""
    text = path.read_text(encoding="utf-8")
    by_name = [m.group(0) for m in _INSTALL.finditer(text) if re.search(r"sei[-_]policy", m.group(1), re.IGNORECASE)]
    assert by_name == []
    assert "PyPI" not in text


_BLOCK = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
_JOINS = re.compile(r"\bJOIN\b|\.merge\(|\bmerge\(|\bmerge m:1\b")


def _agency_joins() -> list[tuple[str, str]]:
    """Every code block on a page that joins records with the links of `agency_ids`, with its page."""
    found = []
    for path in PAGES:
        if path.suffix != ".md":
            continue
        for _, body in _BLOCK.findall(path.read_text(encoding="utf-8")):
            if "agency_ids" in body and _JOINS.search(body):
                found.append((path.relative_to(DOCS.parent).as_posix(), body))
    return found


def test_a_join_with_the_agencies_keeps_the_actions_whose_agencies_are_not_known() -> None:
    """Agencies are known for action 9 only: a join over them is a left join from the actions, or asks for A9 alone."""
    joins = _agency_joins()
    assert len(joins) >= 3  # the pandas, DuckDB and R examples are found
    inner = [
        f"{page}: {body.splitlines()[0]}"
        for page, body in joins
        if not re.search(r'\bLEFT JOIN\b|how="left"', body)
        and not re.search(r"'A9'|\"A9\"|cluster-development-project", body)
    ]
    assert inner == []


@pytest.mark.parametrize(
    ("page", "says"),
    [
        ("docs/formats/stata.md", "read_dta("),  # R users read format 118 with haven …
        ("docs/formats/stata.md", "Do not use `read.dta` from the `foreign` package"),  # … not with foreign
        ("docs/index.md", "for action 9 only"),  # the promise of responsible agencies says what the data lacks
        ("docs/notebooks.md", "Responsible agencies are known for one action only"),
    ],
)
def test_the_docs_say_what_users_tripped_on(page: str, says: str) -> None:
    """Each page says what users of the second audit needed to be told."""
    assert says in (DOCS.parent / page).read_text(encoding="utf-8")
