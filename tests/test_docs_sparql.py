"""Every SPARQL query in docs/formats/linked-data.md declares its prefixes and runs as printed, on the Turtle and the JSON-LD export."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

import sei_policy as sp

pytest.importorskip("rdflib", reason="rdflib (the rdf extra) is not installed")
from rdflib import Graph  # only once rdflib is known to be there
from rdflib.plugins.sparql import prepareQuery

PAGE = Path(__file__).resolve().parents[1] / "docs" / "formats" / "linked-data.md"

_FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
_MORE = re.compile(r"^… \((\d+) rows in all\)$")


def _queries() -> list[tuple[str, str, list[str] | None]]:
    """Each query of the page: a name, its text, and the rows printed after it (None where none are)."""
    fences = _FENCE.findall(PAGE.read_text(encoding="utf-8"))
    found: list[tuple[str, str, list[str] | None]] = []
    for i, (language, body) in enumerate(fences):
        if language == "sparql":
            query = body
        elif language == "python" and "graph.query(" in body:
            match = re.search(r'query = """\n(.*?)"""', body, flags=re.DOTALL)
            assert match, "a Python block runs a query it does not spell out"
            query = match.group(1)
        else:
            continue
        following = fences[i + 1] if i + 1 < len(fences) else ("", "")
        printed = following[1].splitlines() if following[0] == "text" else None
        found.append((f"query-{len(found) + 1}", query, printed))
    return found


QUERIES = _queries()


def _rows(graph: Graph, query: str) -> list[str]:
    """The query's rows as the page prints them: the values of each row, joined by a space.

    The query is prepared with no namespace bindings at all, as Jena reads a query file,
    so a prefix that the block does not declare is an error here too.
    """
    prepared = prepareQuery(query, initNs={})
    rows = []
    for row in graph.query(prepared):
        assert isinstance(row, tuple), f"not a SELECT query: {query[:60]!r}"
        rows.append(" ".join(str(value) for value in row))
    return rows


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Graph]:
    """The default export in Turtle and in JSON-LD, each read into a graph of its own."""
    folder = tmp_path_factory.mktemp("linked-data")
    sp.export("turtle", folder / "sei.ttl")
    sp.export("jsonld", folder / "sei.jsonld")
    turtle = Graph().parse(folder / "sei.ttl", format="turtle")
    with warnings.catch_warnings():
        # rdflib's own JSON-LD parser uses a class rdflib deprecates (the page says so).
        warnings.simplefilter("ignore", DeprecationWarning)
        jsonld = Graph().parse(folder / "sei.jsonld", format="json-ld")
    return {"turtle": turtle, "jsonld": jsonld}


def test_the_page_has_its_queries() -> None:
    """The page's queries are found: the one in Python and the three SPARQL blocks, each with its printed rows."""
    assert len(QUERIES) == 4
    assert all(printed for _, _, printed in QUERIES)


def _prefixes_used(query: str) -> set[str]:
    """The prefixes of the prefixed names a query uses, outside IRIs and string literals."""
    bare = re.sub(r'<[^<>\s]*>|"[^"\n]*"', " ", query)
    bare = re.sub(r"^\s*PREFIX\s+[\w-]*:", " ", bare, flags=re.MULTILINE | re.IGNORECASE)
    return set(re.findall(r"(?<![\w?$])([A-Za-z][\w-]*)?:(?=[A-Za-z_])", bare))


@pytest.mark.parametrize(("name", "query", "printed"), QUERIES, ids=[q[0] for q in QUERIES])
def test_every_prefix_is_declared(name: str, query: str, printed: list[str] | None) -> None:
    """Each query declares every prefix it uses, so that Jena runs it as printed."""
    declared = set(re.findall(r"^\s*PREFIX\s+([\w-]*):", query, flags=re.MULTILINE | re.IGNORECASE))
    used = _prefixes_used(query)
    assert used, "no prefixed name found: the check would prove nothing"
    assert sorted(used - declared) == []


@pytest.mark.parametrize("fmt", ["turtle", "jsonld"])
@pytest.mark.parametrize(("name", "query", "printed"), QUERIES, ids=[q[0] for q in QUERIES])
def test_every_query_gives_the_rows_printed_after_it(
    graphs: dict[str, Graph], fmt: str, name: str, query: str, printed: list[str] | None
) -> None:
    """Run on either export, each query gives exactly the rows the page prints (the first ones and the count, where it elides)."""
    assert printed is not None
    rows = _rows(graphs[fmt], query)
    more = _MORE.match(printed[-1])
    if more:
        assert rows[: len(printed) - 1] == printed[:-1]
        assert len(rows) == int(more.group(1))
    else:
        assert rows == printed


@pytest.mark.parametrize(("name", "query", "printed"), QUERIES, ids=[q[0] for q in QUERIES])
def test_notations_come_in_the_order_of_their_numbers(
    graphs: dict[str, Graph], name: str, query: str, printed: list[str] | None
) -> None:
    """Within one letter, the notations a query lists come in numeric order: A2 before A10."""
    rows = _rows(graphs["turtle"], query)
    seen: dict[str, list[int]] = {}
    for row in rows:
        match = re.fullmatch(r"([A-Z]+-?)(\d+)", row.split(" ", 1)[0])
        if match:
            seen.setdefault(match.group(1), []).append(int(match.group(2)))
    assert seen, "no notations in the first column"
    assert {letter: numbers for letter, numbers in seen.items() if numbers != sorted(numbers)} == {}


def test_text_order_would_have_been_caught(graphs: dict[str, Graph]) -> None:
    """The order check has teeth: ordering the empty fields' query by its notation puts A10 before A2."""
    _, query, _ = next(q for q in QUERIES if "unverified" in q[1])
    by_text = query.replace("ORDER BY ?kind ?number ?field", "ORDER BY ?record ?field")
    assert by_text != query
    notations = [row.split(" ", 1)[0] for row in _rows(graphs["turtle"], by_text)]
    assert notations.index("A10") < notations.index("A2")
