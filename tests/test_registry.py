"""The registry is the one declaration: a toy kind, declared in this test only, shows in every door.

``Widget`` is a record kind with a relation (``gadget_id``, to an action) and an integer
field, held by a ``Plan`` subclass, and registered in a dataset of its own
(``Dataset(kinds={**KINDS, "widget": ...})``). No module of the library names it, yet it
appears in the flat tables, the frames, the links and all seven export formats.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest

import sei_policy as sp
from sei_policy import _formats, _loader, _render, models
from sei_policy._formats import CONTRACT, tables
from sei_policy.models import KINDS, KindSpec, Plan, Provenance, Record, Status, Text, ValueType

SOURCE = Path(sp.__file__).parent


@attrs.frozen(kw_only=True, repr=False)
class Widget(Record):
    """A toy record kind: a relation to an action and a whole number.

    Its ``kind`` is plain text, as a kind of one's own is no member of the shipped ``Kind`` enum.
    """

    kind: str = attrs.field(  # type: ignore[assignment]
        metadata=models.field("kind", "Kind", "Kind of record", "The kind of record.", type=ValueType.CHOICE)
    )

    gadget_id: str = attrs.field(
        repr=False,
        metadata=models.relation(
            "gadget_id", "action", "Gadget", "Gadget (identifier)", "The identifier of the action the widget serves."
        ),
    )
    size: int | None = attrs.field(
        default=None,
        repr=False,
        metadata=models.field(
            "size", "Size", "Size in parts", "How many parts the widget has.", type=ValueType.INTEGER
        ),
    )


@attrs.frozen(kw_only=True, repr=False, getstate_setstate=False)
class WidgetPlan(Plan):
    """The plan with a collection of widgets."""

    widgets: tuple[Widget, ...] = ()


WIDGET = KindSpec(
    "widget",
    Widget,
    WidgetPlan,
    "widgets",
    "W",
    "widget",
    "widgets",
    "The widgets of a test, each serving one action.",
    "the widgets of a test, W1 and W2",
)


def _widget(number: int, slug: str, gadget: str, size: int | None) -> Widget:
    return Widget(
        id=f"widget:{slug}",
        kind="widget",
        notation=f"W{number}",
        number=number,
        title=Text(en=f"{slug} widget", zh="小部件"),
        provenance=Provenance(status=Status.INFERRED, source_keys=("seed",)),
        gadget_id=gadget,
        size=size,
    )


WIDGETS = (_widget(1, "sprocket", "action:new-materials", 3), _widget(2, "cog", "action:biotech", None))


@pytest.fixture(scope="module")
def dataset() -> _loader.Dataset:
    """The shipped data, its plan holding two widgets, with the widget kind registered."""
    shipped = _loader.load()
    plan = shipped.plan
    fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(Plan)
    values: dict[str, Any] = {str(a.alias): getattr(plan, a.name) for a in fields if a.init}
    toy = WidgetPlan(**values, widgets=WIDGETS)
    documents = tuple(toy if d is plan else d for d in shipped.documents)
    return _loader.Dataset(documents=documents, kinds={**_loader.load().kinds, "widget": WIDGET})


def test_no_module_of_the_library_names_the_toy_kind() -> None:
    """The doors know nothing of widgets: what follows comes from the declaration alone."""
    for path in SOURCE.rglob("*.py"):
        text = path.read_text("utf-8")
        assert "widget" not in text.casefold() and "gadget" not in text, path


def test_the_kind_declares_its_columns_and_relation() -> None:
    """The declaration gives the table's columns, the relation and its own field, then the document, and its target."""
    assert [c.name for c in WIDGET.columns][-3:] == ["gadget_id", "size", "document_id"]
    (relation,) = WIDGET.relations
    assert (relation.name, relation.type, relation.target) == ("gadget_id", ValueType.ID, "action")


def test_to_records_has_the_kind_and_its_relation_column(dataset: _loader.Dataset) -> None:
    """The widget table: one row per widget, with the relation and the integer column; also in the plan's table."""
    rows = tables.table(dataset, "widget").rows
    assert [(r["id"], r["gadget_id"], r["size"]) for r in rows] == [
        ("widget:sprocket", "action:new-materials", 3),
        ("widget:cog", "action:biotech", None),
    ]
    assert tables.table(dataset, Widget).rows == rows  # the class names the kind too
    everything = tables.table(dataset).rows
    assert [r["id"] for r in everything][-2:] == ["widget:sprocket", "widget:cog"]
    assert everything[0]["gadget_id"] is None  # a priority has no such column of its own


def test_to_frame_types_the_kind_by_its_declaration(dataset: _loader.Dataset) -> None:
    """The frame: the integer column is Int64 with a missing value, the kind a category that knows widgets."""
    pytest.importorskip("pandas")
    frame = tables.frame(dataset, tables.table(dataset, "widget"))
    assert str(frame["size"].dtype) == "Int64" and frame["size"].isna().tolist() == [False, True]
    assert "widget" in list(frame["kind"].cat.categories)
    assert list(frame["gadget_id"]) == ["action:new-materials", "action:biotech"]


def test_relations_lists_the_kinds_links(dataset: _loader.Dataset) -> None:
    """relations() has one row per widget link, after the shipped kinds' links."""
    rows = tables.relation_rows(dataset).rows
    assert rows[-2:] == (
        {"from": "widget:sprocket", "relation": "gadget_id", "to": "action:new-materials", "position": 1},
        {"from": "widget:cog", "relation": "gadget_id", "to": "action:biotech", "position": 1},
    )
    assert rows[:-2] == sp.relations()


@pytest.fixture(scope="module")
def exported(dataset: _loader.Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """All seven formats of the toy dataset, written once."""
    folder = tmp_path_factory.mktemp("toy")
    for name, found in CONTRACT.items():
        _formats.export_dataset(dataset, name, folder / f"{name}{found.suffix}")
    return folder


def test_json_holds_the_widgets(exported: Path) -> None:
    """JSON: the plan's file holds the widgets, with their relation."""
    body = json.loads((exported / "json.json").read_text("utf-8"))
    assert [(w["id"], w["gadget_id"]) for w in body["widgets"]] == [
        ("widget:sprocket", "action:new-materials"),
        ("widget:cog", "action:biotech"),
    ]


def test_csv_has_the_kinds_file_and_links(exported: Path) -> None:
    """CSV: widget.csv with the relation column, and the links in relations.csv."""
    text = (exported / "csv" / "widget.csv").read_text("utf-8")
    header = text.splitlines()[0].split(",")
    assert header[header.index("gadget_id") :][:3] == ["gadget_id", "size", "document_id"]
    assert "widget:sprocket,widget,W1,1," in text and ",action:new-materials,3," in text
    assert "widget:cog,gadget_id,action:biotech,1" in (exported / "csv" / "relations.csv").read_text("utf-8")


@pytest.mark.parametrize("name", ["jsonld.jsonld", "turtle.ttl"])
def test_linked_data_has_the_widgets_as_related_concepts(exported: Path, name: str) -> None:
    """JSON-LD and Turtle: each widget is a concept of the plan, related to its action (the declared SKOS link)."""
    text = (exported / name).read_text("utf-8")
    assert "urn:sei-policy:widget:sprocket" in text and "urn:sei-policy:widget:cog" in text
    if name.endswith(".jsonld"):
        graph = json.loads(text)["@graph"]
        node = next(n for n in graph if n.get("identifier") == "widget:sprocket")
        assert node["related"] == ["urn:sei-policy:action:new-materials"] and node["@type"] == "skos:Concept"
        action = next(n for n in graph if n.get("identifier") == "action:new-materials")
        assert "urn:sei-policy:widget:sprocket" in action["related"]  # stated both ways
        assert node["size"] == 3 and json.loads(text)["@context"]["size"] == "sei:size"  # its own value column
        size = next(n for n in graph if n.get("@id") == "sei:size")
        assert size["comment"] == "How many parts the widget has."
    else:
        assert "sei:size 3" in text


def test_the_data_package_describes_the_kind_with_a_foreign_key(exported: Path) -> None:
    """Data package: a widget resource, its declared description, integer type and the relation's foreign key."""
    package = json.loads((exported / "datapackage" / "datapackage.json").read_text("utf-8"))
    assert (exported / "datapackage" / "widget.csv").is_file()
    widget = next(r for r in package["resources"] if r["name"] == "widget")
    assert widget["description"] == WIDGET.description and widget["title"] == "Widgets"
    assert widget["schema"]["foreignKeys"] == [
        {"fields": "gadget_id", "reference": {"resource": "action", "fields": "id"}}
    ]
    types = {f["name"]: f["type"] for f in widget["schema"]["fields"]}
    assert types["size"] == "integer" and types["gadget_id"] == "string"


def test_stata_has_the_kinds_file_with_labels(exported: Path) -> None:
    """Stata: widget.dta with the declared variable labels and a long for the integer column."""
    pd: Any = pytest.importorskip("pandas")
    path = exported / "stata" / "widget.dta"
    with pd.io.stata.StataReader(path) as reader:
        labels = reader.variable_labels()
        frame = reader.read()
    assert labels["gadget_id"] == "Gadget (identifier)" and labels["size"] == "Size in parts"
    assert list(frame["gadget_id"]) == ["action:new-materials", "action:biotech"]


def test_the_workbook_has_a_sheet_for_the_kind(exported: Path) -> None:
    """Excel: a widget sheet after the shipped kinds, described on the README by the kind's summary."""
    openpyxl: Any = pytest.importorskip("openpyxl")
    workbook = openpyxl.load_workbook(exported / "excel.xlsx", read_only=True)
    assert workbook.sheetnames[-3:] == ["widget", "relations", "sources"]
    readme = list(workbook["README"].iter_rows(values_only=True))
    assert ("widget", WIDGET.summary, 2) in [row[:3] for row in readme]
    assert ("gadget_id", "Gadget (identifier)") in [row[:2] for row in readme]
    workbook.close()


# -- the HTML display and the CLI's `show` -------------------------------------------------
# (tests/test_render_registry.py has more: claims, toy-to-toy links, the IPython text)


def test_the_html_card_shows_the_kinds_fields_and_relation(dataset: _loader.Dataset) -> None:
    """The notebook card of a widget lists its declared columns, its relation as an identifier."""
    card = _render.html(WIDGETS[0], dataset)
    assert "widget:sprocket" in card and "action:new-materials" in card
    assert 'title="Size"' in card or ">size<" in card


def test_show_prints_the_kinds_fields_and_follows_the_relation(dataset: _loader.Dataset) -> None:
    """`show` prints a widget's size and its gadget, resolved to the action's titles."""
    lines = list(_render.show_lines(WIDGETS[0], dataset=dataset))
    assert "  size: 3" in lines
    assert any(line.startswith("  gadget_id: action:new-materials") and "新材料" in line for line in lines)


# -- one declaration per fact ------------------------------------------------------------------

SOURCE = Path(sp.__file__).resolve().parent
RELATION_FIELDS = sorted({c.name for spec in KINDS.values() for c in spec.relations})


def test_every_shipped_relation_is_declared() -> None:
    """The registry lists the relation fields the doors used to name one by one (so the next test has work to do)."""
    assert {"requirement_id", "agency_ids", "industry_id", "action_ids", "issuer_ids"} <= set(RELATION_FIELDS)


@pytest.mark.parametrize("name", RELATION_FIELDS)
def test_a_relation_field_is_named_in_at_most_three_modules(name: str) -> None:
    """Each relation field's name stands in at most three modules of the library (its declaration is one)."""
    modules = sorted(
        str(path.relative_to(SOURCE))
        for path in SOURCE.rglob("*.py")
        if re.search(rf"\b{name}\b", path.read_text(encoding="utf-8"))
    )
    assert "models.py" in modules
    assert len(modules) <= 3, modules
