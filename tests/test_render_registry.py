"""The renderer reads the registry: a toy kind, declared only in a test dataset, shows in the HTML card and in show."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import attrs
import pytest

import sei_policy as sp
from sei_policy import _loader, _render
from sei_policy.models import KINDS, KindSpec, ValueType, field, relation

from .helpers import CLASSIFICATION, PLAN


@attrs.frozen(kw_only=True, repr=False)
class Widget(sp.Record):
    """A toy kind: a record with a number, a link to agencies and a link to another widget."""

    weight: int | None = attrs.field(
        default=None,
        metadata=field("weight", "Weight", "Weight (grams)", "How much the widget weighs.", type=ValueType.INTEGER),
    )
    maker_ids: tuple[str, ...] | None = attrs.field(
        default=None,
        metadata=relation(
            "maker_ids", "agency", "Makers", "Makers (identifiers)", "The agencies that make it, {joined}."
        ),
    )
    twin_id: str | None = attrs.field(
        default=None,
        metadata=relation("twin_id", "widget", "Twin", "Twin (identifier)", "The widget's twin."),
    )


@attrs.frozen(kw_only=True, repr=False, getstate_setstate=False)
class WidgetPlan(sp.Plan):
    """The plan with one more collection, for the toy kind."""

    widgets: tuple[Widget, ...] = ()


def _widget(slug: str, number: int, **more: object) -> Widget:
    provenance = sp.Provenance(
        status=sp.Status.SEED,
        source_keys=("seed",),
        fields=(sp.Claim(field="maker_ids", status=sp.Status.UNVERIFIED, note="the toy's makers were never read"),),
    )
    return Widget(
        id=f"widget:{slug}",
        kind="widget",  # type: ignore[arg-type]  # a toy kind is a plain string, not a shipped Kind
        notation=f"W{number}",
        number=number,
        title=sp.Text(en=f"{slug} widget", zh="小部件"),
        provenance=provenance,
        **more,  # type: ignore[arg-type]
    )


BOLT = _widget("bolt", 1, weight=12, maker_ids=("agency:ndrc", "agency:most"))
NUT = _widget("nut", 2, twin_id="widget:bolt")
WIDGETS = KindSpec("widget", Widget, WidgetPlan, "widgets", "W", "widget", "widgets")
TOY = _loader.Dataset(
    documents=(
        WidgetPlan(**{a.name: getattr(PLAN, a.name) for a in attrs.fields(sp.Plan) if a.init}, widgets=(BOLT, NUT)),
        CLASSIFICATION,
    ),
    kinds={**_loader.load().kinds, "widget": WIDGETS},
)


def test_the_toy_kind_is_declared_only_in_the_test_dataset() -> None:
    """The shipped registry knows no widget, so whatever shows it below comes from the dataset's kinds."""
    assert "widget" not in KINDS and "widget" in TOY.kinds
    assert [c.name for c in WIDGETS.relations] == ["maker_ids", "twin_id"]


def test_the_card_shows_the_toy_kinds_fields_and_relations() -> None:
    """The HTML card lists the toy kind's own columns, with their declared titles, links as identifiers."""
    card = ET.fromstring(f"<root>{_render.html(BOLT, TOY)}</root>")
    rows = {dt.text: dt for dt in card.iter("dt")}
    values = dict(
        zip([dt.text for dt in card.iter("dt")], ["".join(dd.itertext()) for dd in card.iter("dd")], strict=True)
    )
    assert list(values)[-3:] == ["weight", "maker_ids", "twin_id"]
    assert rows["maker_ids"].get("title") == "Makers" and rows["weight"].get("title") == "Weight"
    assert (
        values["maker_ids"] == "agency:ndrc agency:mostunverified"
        and values["weight"] == "12"
        and values["twin_id"] == "none"
    )
    assert [c.text for c in card.iter("code") if c.text and c.text.startswith("agency:")] == [
        "agency:ndrc",
        "agency:most",
    ]


def test_the_card_says_why_a_toy_value_is_not_known() -> None:
    """An empty toy relation with an unverified claim reads "not known" with the claim's note, as shipped kinds do."""
    card = ET.fromstring(f"<root>{_render.html(NUT, TOY)}</root>")
    values = dict(
        zip([dt.text for dt in card.iter("dt")], ["".join(dd.itertext()) for dd in card.iter("dd")], strict=True)
    )
    assert values["maker_ids"] == "not known (the toy's makers were never read)unverified"
    assert values["twin_id"] == "widget:bolt" and values["weight"] == "none stated"


@pytest.mark.parametrize(
    ("record", "expected"),
    [(BOLT, ["W1  widget:bolt", "  kind: widget", "  title.zh: 小部件", "  weight: 12", "  maker_ids:",
             "    agency:ndrc  National Development and Reform Commission  国家发展改革委",
             "    agency:most  Ministry of Science and Technology  科技部", "  twin_id: none",
             "      maker_ids: unverified (the toy's makers were never read)"]),
     (NUT, ["  weight: none stated", "  maker_ids: not known (the toy's makers were never read)",
            "  twin_id: widget:bolt  weight: 12  bolt widget  小部件"])],
    ids=["bolt", "nut"],
)  # fmt: skip
def test_show_prints_the_toy_kinds_fields_and_follows_its_links(record: Widget, expected: list[str]) -> None:
    """show prints the toy kind's columns and resolves its links through the dataset, a toy-to-toy link included."""
    lines = list(_render.show_lines(record, dataset=TOY))
    for line in expected:
        assert line in lines
    assert lines.index("  keywords.zh: none") < lines.index(
        "  weight: 12" if record is BOLT else "  weight: none stated"
    )


def test_show_of_the_toy_plan_lists_its_new_collection() -> None:
    """The plan that holds the toy kind shows its widgets as a table, like its other records."""
    lines = list(_render.show_lines(TOY.plan, dataset=TOY))
    start = lines.index("  widgets:")
    assert lines[start + 1].split() == ["W1", "widget:bolt", "bolt", "widget", "小部件"]
    assert lines[start + 2].split()[:2] == ["W2", "widget:nut"]


def test_pretty_text_shows_the_toy_kinds_fields() -> None:
    """The IPython text lists the toy kind's own fields too."""
    printed: list[str] = []

    class Printer:
        def text(self, obj: str) -> None:
            printed.append(obj)

        def break_(self) -> None:
            pass

    _render.pretty(BOLT, Printer(), False, TOY)
    assert "weight: 12" in printed and "maker_ids: agency:ndrc, agency:most  [unverified]" in printed
