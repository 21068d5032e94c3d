"""The lineage's views: the documents, one record's counterparts, the crosswalk, and the SEI share of GDP.

Each view is a small table: ``to_records()`` gives plain rows, ``to_frame()`` a
pandas DataFrame, ``str()`` a text table for the terminal, and notebooks show it
as HTML. The lineage's data loads on the first call.

>>> import sei_policy as sp
>>> [d.key for d in sp.documents()][:3]
['sei-2010', 'sei-2012', 'nbs-2012']
>>> [r["id"] for r in sp.lineage("new-materials").to_records()][:2]
['sei-2010/industry:new-materials', 'sei-2012/industry:new-materials']
"""

from __future__ import annotations

import html
from collections import deque
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from sei_policy import _loader, ids
from sei_policy.errors import InvalidArgumentTypeError, MissingExtraError, UnknownIdentifierError
from sei_policy.models import (
    Action,
    Classification,
    Correspondence,
    DocumentArgument,
    Industry,
    Kind,
    Match,
    MatchType,
    NbsCategory,
    Plan,
    Record,
    Status,
)

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure  # type: ignore[import-not-found, unused-ignore]

__all__ = ("Crosswalk", "Documents", "GdpShare", "Lineage", "View", "crosswalk", "documents", "gdp_share", "lineage")

Value = str | int | float | None
Row = dict[str, Value]

_INTEGERS = frozenset({"year", "number", "period_start", "period_end", "records"})
_NUMBERS = frozenset({"value"})
_STRENGTH = (MatchType.EXACT, MatchType.CLOSE, MatchType.BROADER, MatchType.NARROWER, MatchType.RELATED)
_MATCHED = (Kind.INDUSTRY, Kind.NBS_2018, Kind.NBS_INDUSTRIAL_2023)
_INDICATOR = "sei-share-of-gdp"
_SHARE = "percent of GDP"


@attrs.frozen
class View:
    """A table: a title, its column names and its rows (plain values)."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]

    def to_records(self) -> tuple[Row, ...]:
        """The rows as dicts, every row with the same columns in the same order (copies: safe to change)."""
        return tuple(dict(row) for row in self.rows)

    def to_frame(self) -> pd.DataFrame:
        """The rows as a pandas DataFrame with nullable dtypes (``Int64``, ``Float64``, ``string``).

        Raises:
            MissingExtraError: pandas is not installed.
        """
        try:
            import pandas
        except ImportError:
            raise MissingExtraError("to_frame()", "pandas", "pandas") from None
        frame = pandas.DataFrame.from_records(list(self.rows), columns=list(self.columns))
        dtypes = {n: "Int64" if n in _INTEGERS else "Float64" if n in _NUMBERS else "string" for n in self.columns}
        typed: pd.DataFrame = frame.astype(dtypes)
        return typed

    def __len__(self) -> int:
        return len(self.rows)

    def __str__(self) -> str:
        return _text(self.title, self.columns, [[_shown(row.get(c)) for c in self.columns] for row in self.rows])

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(c)}</th>" for c in self.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(_shown(row.get(c)))}</td>" for c in self.columns) + "</tr>"
            for row in self.rows
        )
        return (
            f'<table class="sei-policy-view"><caption>{html.escape(self.title)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))


def _shown(value: Value) -> str:
    return "" if value is None else str(value)


def _text(title: str, columns: Sequence[str], cells: Sequence[Sequence[str]]) -> str:
    """A text table whose columns line up in a terminal, wide (Chinese) characters counted twice."""
    from sei_policy._render import width

    widths = [max([width(c), *(width(row[i]) for row in cells)]) for i, c in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([title, line(columns), rule, *(line(row) for row in cells)])


# -- the documents ------------------------------------------------------------------

_DOCUMENT_COLUMNS = (
    "id",
    "key",
    "kind",
    "year",
    "document_type_en",
    "document_type_zh",
    "title_en",
    "title_zh",
    "document_number",
    "issuers",
    "adopted",
    "issued",
    "published",
    "period_start",
    "period_end",
    "records",
)


@attrs.frozen
class Documents(View):
    """Every document of the lineage, in date order; iterating gives the documents themselves."""

    documents: tuple[Plan | Classification, ...] = ()

    def __iter__(self) -> Iterator[Plan | Classification]:
        return iter(self.documents)

    def __getitem__(self, index: int) -> Plan | Classification:
        return self.documents[index]

    def __str__(self) -> str:
        columns = ("key", "year", "type", "number", "title")
        cells = [
            [
                str(row["key"]),
                _shown(row["year"]),
                _shown(row["document_type_en"]),
                _shown(row["document_number"]),
                _shown(row["title_zh"]),
            ]
            for row in self.rows
        ]
        return _text(self.title, columns, cells)


def _date(value: object) -> str | None:
    return None if value is None else str(value)


def documents() -> Documents:
    """Every document of the lineage, 2010 to 2024, in date order: the 2020 plan and NBS 2018 among them.

    >>> import sei_policy as sp
    >>> docs = sp.documents()
    >>> len(docs), docs.to_records()[0]["document_number"]
    (11, '国发〔2010〕32号')
    """
    dataset = _loader.lineage()
    agencies = {a.id: a for a in dataset.agencies}
    rows: list[Row] = []
    for document in dataset.documents:
        kind = "plan" if isinstance(document, Plan) else "classification"
        document_type = document.document_type
        rows.append(
            {
                "id": document.id,
                "key": document.key,
                "kind": kind,
                "year": document.dated_year,
                "document_type_en": None if document_type is None else document_type.en,
                "document_type_zh": None if document_type is None else document_type.zh,
                "title_en": document.title.en,
                "title_zh": document.title.zh,
                "document_number": document.document_number,
                "issuers": ";".join(a.id for a in document.issuers_in(agencies)),
                "adopted": _date(document.adopted),
                "issued": _date(getattr(document, "issued", None)),
                "published": _date(document.published),
                "period_start": getattr(document, "period_start", None),
                "period_end": getattr(document, "period_end", None),
                "records": sum(1 for r in document.members() if isinstance(r, Record) and r.kind != Kind.AGENCY),
            }
        )
    return Documents("SEI policy documents, 2010–2024", _DOCUMENT_COLUMNS, tuple(rows), documents=dataset.documents)


# -- the graph of correspondences -------------------------------------------------------

_Edge = tuple[str, MatchType, Correspondence]


def _graph(dataset: _loader.Dataset) -> dict[str, list[_Edge]]:
    """Each concept's correspondences, both ways (the inverse match from the object's side)."""
    links = list(dataset.correspondences)
    for industry in dataset.plan.industries:  # the 2020 plan's own links to NBS 2018, as its data states them
        if industry.nbs_2018_id is not None:
            match = MatchType.EXACT if industry.nbs_2018_match is Match.EXACT else MatchType.NARROWER
            claim = industry.provenance.claim("nbs_2018_id")
            keys = industry.provenance.source_keys if claim is None else claim.source_keys
            note = "by name: the 2020 plan's industry and the NBS 2018 field it names"
            links.append(Correspondence(subject_id=industry.id, match=match, object_id=industry.nbs_2018_id,
                                        status=Status.INFERRED, source_keys=keys, note=note))  # fmt: skip
    graph: dict[str, list[_Edge]] = {}
    for link in links:
        graph.setdefault(link.subject_id, []).append((link.object_id, link.match, link))
        graph.setdefault(link.object_id, []).append((link.subject_id, link.match.inverse, link))
    return graph


def _compose(first: MatchType | None, then: MatchType) -> MatchType:
    """The match along two steps: exact keeps the other; close with close is close; opposite directions relate."""
    if first is None or first is MatchType.EXACT:
        return then
    if then is MatchType.EXACT:
        return first
    if first is then:
        return first
    if MatchType.RELATED in (first, then) or {first, then} == {MatchType.BROADER, MatchType.NARROWER}:
        return MatchType.RELATED
    return first if first is not MatchType.CLOSE else then  # close with broader is broader


@attrs.frozen
class _Path:
    match: MatchType | None
    steps: int
    keys: tuple[str, ...]
    via: tuple[str, ...]


def _reach(start: str, graph: dict[str, list[_Edge]]) -> dict[str, _Path]:
    """Every concept reachable from ``start``: the fewest steps, the strongest match; a related step ends a path."""
    best: dict[str, _Path] = {start: _Path(None, 0, (), ())}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        here = best[node]
        if here.match is MatchType.RELATED:
            continue
        for target, match, link in graph.get(node, ()):
            step = _Path(
                _compose(here.match, match),
                here.steps + 1,
                tuple(dict.fromkeys((*here.keys, *link.source_keys))),
                (*here.via, node) if here.steps else (),
            )
            known = best.get(target)
            assert step.match is not None
            if known is None or (
                known.steps == step.steps
                and known.match is not None
                and _STRENGTH.index(step.match) < _STRENGTH.index(known.match)
            ):
                best[target] = step
                if known is None:
                    queue.append(target)
    return best


# -- one record's lineage ---------------------------------------------------------------

_LINEAGE_COLUMNS = (
    "document_id",
    "year",
    "id",
    "notation",
    "title_zh",
    "title_en",
    "match",
    "status",
    "source_keys",
    "via",
)


@attrs.frozen
class Lineage(View):
    """One record's counterparts in every document, in date order, with the match to the record and its status."""

    record: Record | None = None

    def __str__(self) -> str:
        columns = ("document", "year", "notation", "name", "match", "status")
        cells = [
            [
                str(row["document_id"]).removeprefix("plan:"),
                _shown(row["year"]),
                _shown(row["notation"]),
                _shown(row["title_zh"] or row["title_en"]),
                _shown(row["match"]) or "(this record)",
                _shown(row["status"]),
            ]
            for row in self.rows
        ]
        return _text(self.title, columns, cells)


def _record(key: object, document: DocumentArgument, function: str) -> Record:
    """The record ``key`` names, an industry or field first (so ``"new-materials"`` is the industry)."""
    from sei_policy import _lookup

    if isinstance(key, Record):
        found: object = key
    elif not isinstance(key, str):
        raise InvalidArgumentTypeError(function, "key", "a record or a key that names one", key)
    elif ids.is_identifier(key):
        found = _lookup.get(key)
    else:
        found = None
        for kind in _MATCHED:
            try:
                found = _lookup.lookup(key, kind=kind, document=document)
                break
            except LookupError:
                continue
        if found is None:
            try:
                found = _lookup.lookup(key, document=document)
            except LookupError:
                if document is not None:
                    raise
                found = _lookup.lookup(key, document="all")  # a key of another document (NBSI-7)
    if isinstance(found, Action) and found.industry_id is not None:
        found = _lookup.get(found.industry_id)  # an action on an industry: the industry's lineage
    if not isinstance(found, Record):
        raise UnknownIdentifierError(key, kind="record", hint=f"{function} follows records, not whole documents")
    return found


def lineage(key: str | Record, *, document: DocumentArgument = None) -> Lineage:
    """One record's counterparts in every document of the lineage, in date order.

    ``key`` is a record or what :func:`~sei_policy.lookup` takes (``document=``
    says where to look; by default the 2020 plan, an industry first). An action on
    one of the eight industries stands for its industry. Each row gives the
    document, its year, the counterpart, how it corresponds to the record (SKOS's
    match types, composed along the links; ``related`` ends a path), the status
    (``inferred``: every correspondence is matched by name) and the sources of the
    names; ``via`` names the concepts between, where the match is not direct.

    >>> import sei_policy as sp
    >>> rows = sp.lineage("new-materials").to_records()
    >>> [(r["document_id"], r["notation"], r["match"]) for r in rows][:2]
    [('plan:sei-2010', 'I6', 'exact'), ('plan:sei-2012', 'I6', 'exact')]
    """
    record = _record(key, document, "lineage()")
    dataset = _loader.lineage()
    reached = _reach(record.id, _graph(dataset))
    order = {d.id: i for i, d in enumerate(dataset.documents)}
    years = {d.id: d.dated_year for d in dataset.documents}
    rows: list[tuple[tuple[int, int], Row]] = []
    for identifier, path in reached.items():
        found = dataset.resolver.get(identifier)
        if not isinstance(found, Record):
            continue
        document_id = found.document_id or ""
        rows.append(
            (
                (order.get(document_id, len(order)), found.number),
                {
                    "document_id": document_id,
                    "year": years.get(document_id),
                    "id": found.id,
                    "notation": found.notation,
                    "title_zh": found.title.zh,
                    "title_en": found.title.en,
                    "match": None if path.match is None else str(path.match),
                    "status": str(found.provenance.status if path.match is None else Status.INFERRED),
                    "source_keys": ";".join(path.keys) or None,
                    "via": ";".join(path.via) or None,
                },
            )
        )
    rows.sort(key=lambda r: r[0])
    title = f"Lineage of {record.id} ({record.title.zh or record.title.en})"
    return Lineage(title, _LINEAGE_COLUMNS, tuple(row for _, row in rows), record=record)


# -- the crosswalk ---------------------------------------------------------------------


@attrs.frozen
class Crosswalk(View):
    """The cross-document table of industries (concepts by documents), or a concordance between two lists."""

    names: tuple[tuple[str, ...], ...] = ()

    def __str__(self) -> str:
        if not self.names:
            return super().__str__()
        return _text(self.title, self.columns, [list(row) for row in self.names])


def _concepts(dataset: _loader.Dataset) -> list[Record]:
    """Every industry and field of every document, in date order and each document's order."""
    found: list[Record] = []
    for document in dataset.documents:
        found += (r for r in document.members() if isinstance(r, Record) and r.kind in _MATCHED)
    return found


def _name(record: Record | None) -> str:
    if record is None:
        return "—"
    return f"{record.title.zh or record.title.en} ({record.notation})"


def crosswalk(a: DocumentArgument = None, b: DocumentArgument = None) -> Crosswalk:
    """The industries of every document side by side, or a concordance between the lists of two documents.

    Without arguments: one row per concept, one column per document that lists
    industries, each cell the identifier of that document's industry (the text and
    HTML forms show its name and notation). A concept joins what exact, close,
    broader and narrower matches link; a ``related`` match leaves the two in rows
    of their own. With two documents (``"nbs-2018"``, ``"nbs-industrial-2023"``):
    one row per pair of corresponding concepts, with the match and its status; a
    concept of ``a`` with no counterpart in ``b`` has a row with ``b`` empty.

    >>> import sei_policy as sp
    >>> rows = sp.crosswalk("nbs-2018", "nbs-industrial-2023").to_records()
    >>> [(r["match"], r["b_notation"]) for r in rows if r["a_notation"] == "NBS-3"]
    [('exact', 'NBSI-3')]
    """
    if (a is None) != (b is None):
        raise InvalidArgumentTypeError("crosswalk()", "b", "a second document (or neither)", b)
    dataset = _loader.lineage()
    graph = _graph(dataset)
    if a is not None and b is not None:
        return _pairwise(
            dataset, graph, _loader.find_document(a, "crosswalk()"), _loader.find_document(b, "crosswalk()")
        )
    concepts = _concepts(dataset)
    listing = [d for d in dataset.documents if any(r.document_id == d.id for r in concepts)]
    strong: dict[str, list[_Edge]] = {
        k: [(t, m, c) for t, m, c in edges if m is not MatchType.RELATED] for k, edges in graph.items()
    }
    flagship = {r.id: i for i, r in enumerate(dataset.plan.industries)}
    placed: set[str] = set()
    groups: list[list[Record]] = []
    for record in sorted(concepts, key=lambda r: (r.id not in flagship, flagship.get(r.id, 0))):
        if record.id in placed:
            continue
        members = [record, *(dataset.resolver.get(i) for i in _reach(record.id, strong) if i != record.id)]
        group = [m for m in members if isinstance(m, Record) and m.id not in placed]
        placed.update(m.id for m in group)
        groups.append(group)
    columns = ("concept", *(d.key for d in listing))
    rows: list[Row] = []
    names: list[tuple[str, ...]] = []
    for group in groups:
        by_document = {m.document_id: m for m in group}
        label = group[0].title.en or group[0].title.zh or group[0].id
        rows.append({"concept": label, **{d.key: getattr(by_document.get(d.id), "id", None) for d in listing}})
        names.append((label, *(_name(by_document.get(d.id)) for d in listing)))
    return Crosswalk("Industries across the SEI policy documents", columns, tuple(rows), names=tuple(names))


_PAIR_COLUMNS = (
    "a_id", "a_notation", "a_title_zh", "match", "b_id", "b_notation", "b_title_zh", "status", "source_keys", "via",
)  # fmt: skip


def _pairwise(
    dataset: _loader.Dataset, graph: dict[str, list[_Edge]], a: Plan | Classification, b: Plan | Classification
) -> Crosswalk:
    rows: list[Row] = []
    for record in (r for r in a.members() if isinstance(r, Record) and r.kind in _MATCHED):
        reached = _reach(record.id, graph)
        found = [
            (path, target)
            for identifier, path in reached.items()
            if isinstance(target := dataset.resolver.get(identifier), Industry | NbsCategory)
            and target.document_id == b.id
        ]
        found.sort(key=lambda f: (f[0].steps, _STRENGTH.index(f[0].match or MatchType.EXACT), f[1].number))
        base: Row = {"a_id": record.id, "a_notation": record.notation, "a_title_zh": record.title.zh}
        if not found:
            empty = dict.fromkeys(("match", "b_id", "b_notation", "b_title_zh", "status", "source_keys", "via"))
            rows.append({**base, **empty})
        for path, target in found:
            rows.append(
                {
                    **base,
                    "match": None if path.match is None else str(path.match),
                    "b_id": target.id,
                    "b_notation": target.notation,
                    "b_title_zh": target.title.zh,
                    "status": str(Status.INFERRED),
                    "source_keys": ";".join(path.keys) or None,
                    "via": ";".join(path.via) or None,
                }
            )
    title = f"Concordance of {a.key} and {b.key}"
    return Crosswalk(title, _PAIR_COLUMNS, tuple(rows))


# -- the SEI share of GDP --------------------------------------------------------------

_SHARE_COLUMNS = ("kind", "year", "value", "qualifier", "unit", "document_id", "id", "status", "source_keys", "note")


@attrs.frozen
class GdpShare(View):
    """Every target for the SEI share of GDP and every observed share, by year."""

    def plot(self) -> Figure:
        """A matplotlib figure: targets as marked points with their qualifier, observations as a line.

        Reported values are drawn hollow and dashed. matplotlib is the ``plot`` extra.

        Raises:
            MissingExtraError: matplotlib is not installed.
        """
        try:
            from matplotlib.figure import Figure  # type: ignore[import-not-found, unused-ignore]
        except ImportError:
            raise MissingExtraError("plot()", "matplotlib", "plot") from None
        figure = Figure(figsize=(8, 4.5))
        axes = figure.subplots()
        observed = [r for r in self.rows if r["kind"] == "observation"]
        xs = [int(r["year"] or 0) for r in observed]
        ys = [float(r["value"] or 0) for r in observed]
        axes.plot(xs, ys, color="0.3", linewidth=1, label="observed")
        for row, x, y in zip(observed, xs, ys, strict=True):
            reported = row["status"] == "reported"
            axes.plot([x], [y], "o", color="0.3", markerfacecolor="white" if reported else "0.3", markersize=6)
        symbols = {"about": "≈", "reach": "=", "exceed": ">", "none": ""}
        markers = "sD^vP*X"
        documents = list(dict.fromkeys(str(r["document_id"]) for r in self.rows if r["kind"] == "target"))
        for i, document in enumerate(documents):
            targets = [r for r in self.rows if r["kind"] == "target" and r["document_id"] == document]
            for j, row in enumerate(targets):
                x, y = int(row["year"] or 0), float(row["value"] or 0)
                reported = row["status"] == "reported"
                axes.plot(
                    [x + (i - len(documents) / 2) * 0.08], [y], markers[i % len(markers)], color=f"C{i}",
                    markerfacecolor="white" if reported else f"C{i}", markersize=8,
                    label=f"target: {document.removeprefix('plan:')}" if j == 0 else None,
                )  # fmt: skip
                axes.annotate(f"{symbols.get(str(row['qualifier']), '')}{y:g}%", (x, y), textcoords="offset points",
                              xytext=(6, 4 - 10 * i), fontsize=7, color=f"C{i}")  # fmt: skip
        axes.set_xlabel("year")
        axes.set_ylabel("SEI value added, % of GDP")
        axes.set_title("SEI share of GDP: targets and observed values (hollow: reported)")
        axes.legend(fontsize=7, loc="upper left")
        axes.grid(alpha=0.3)
        return figure


def gdp_share() -> GdpShare:
    """Every target for the SEI share of GDP, and every observed share, by year; never the one for the other.

    >>> import sei_policy as sp
    >>> rows = sp.gdp_share().to_records()
    >>> [(r["year"], r["value"], r["qualifier"], r["kind"]) for r in rows][:2]
    [(2015, 8.0, 'about', 'target'), (2015, 8.0, 'about', 'target')]
    """
    dataset = _loader.lineage()
    rows: list[Row] = []
    for document in dataset.documents:
        for target in getattr(document, "targets", ()):
            if target.unit != _SHARE:
                continue
            rows.append(
                {
                    "kind": "target",
                    "year": target.year,
                    "value": float(target.value),
                    "qualifier": None if target.qualifier is None else str(target.qualifier),
                    "unit": target.unit,
                    "document_id": document.id,
                    "id": target.id,
                    "status": str(target.provenance.status_of("value")),
                    "source_keys": ";".join(target.provenance.all_source_keys),
                    "note": target.provenance.note,
                }
            )
    for observation in dataset.observations:
        if observation.indicator != _INDICATOR:
            continue
        rows.append(
            {
                "kind": "observation",
                "year": observation.year,
                "value": observation.value,
                "qualifier": str(observation.qualifier),
                "unit": observation.unit,
                "document_id": None,
                "id": None,
                "status": str(observation.status),
                "source_keys": ";".join(observation.source_keys),
                "note": observation.note,
            }
        )
    rows.sort(key=lambda r: (int(r["year"] or 0), r["kind"] != "target"))
    return GdpShare("SEI value added as a share of GDP: targets and observations", _SHARE_COLUMNS, tuple(rows))
