"""The search thesaurus: its own file and schema, validated whole, and marked as the project's editorial aid."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

import sei_policy as sp
from sei_policy import _thesaurus

from .helpers import ALL_RECORDS

KNOWN = frozenset(r.id for r in ALL_RECORDS)
RAW = _thesaurus.read()


def _edited(change: Callable[[dict[str, Any]], object]) -> bytes:
    body = json.loads(RAW)
    change(body)
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


def test_the_shipped_thesaurus_loads() -> None:
    """The thesaurus parses, says it is an editorial aid, and holds at least 150 terms in both languages."""
    thesaurus = _thesaurus.parse(RAW, KNOWN)
    assert "editorial" in thesaurus.about and "not part of the plan" in thesaurus.about
    assert "adds no fact" in thesaurus.about and "states no fact" not in thesaurus.about
    terms = [t for entry in thesaurus for t in entry.terms]
    assert len(terms) >= 150
    assert sum(t.isascii() for t in terms) >= 60 and sum(not t.isascii() for t in terms) >= 60
    assert all(entry.reason for entry in thesaurus)


def test_the_thesaurus_matches_its_schema() -> None:
    """thesaurus.json validates against thesaurus.schema.json."""
    jsonschema = pytest.importorskip("jsonschema")
    import importlib_resources

    schema = json.loads((importlib_resources.files("sei_policy") / "data" / "thesaurus.schema.json").read_text("utf-8"))
    jsonschema.validate(json.loads(RAW), schema)


CORRUPTIONS: list[tuple[str, Callable[[dict[str, Any]], object], str]] = [
    ("unknown record", lambda b: b["entries"][0]["record_ids"].__setitem__(0, "action:nowhere"), "thesaurus.json.entries[0].record_ids[0]"),
    ("malformed record id", lambda b: b["entries"][1]["record_ids"].__setitem__(0, "Action 4"), "thesaurus.json.entries[1].record_ids[0]"),
    ("term twice", lambda b: b["entries"][2]["terms"].append(b["entries"][0]["terms"][0]), "thesaurus.json.entries[2].terms"),
    ("blank term", lambda b: b["entries"][3]["terms"].__setitem__(0, "  "), "thesaurus.json.entries[3].terms[0]"),
    ("no reason", lambda b: b["entries"][4].__setitem__("reason", " "), "thesaurus.json.entries[4].reason"),
    ("no records", lambda b: b["entries"][5].__setitem__("record_ids", []), "thesaurus.json.entries[5].record_ids"),
    ("no terms", lambda b: b["entries"][6].__setitem__("terms", []), "thesaurus.json.entries[6].terms"),
    ("unknown key", lambda b: b["entries"][7].__setitem__("weight", 2), "thesaurus.json.entries[7]"),
    ("reason not text", lambda b: b["entries"][8].__setitem__("reason", 5), "thesaurus.json.entries[8].reason"),
    ("wrong version", lambda b: b.__setitem__("schema_version", 2), "thesaurus.json.schema_version"),
    ("about missing", lambda b: b.pop("about"), "thesaurus.json"),
]  # fmt: skip


@pytest.mark.parametrize(("what", "change", "path"), CORRUPTIONS, ids=[c[0] for c in CORRUPTIONS])
def test_a_broken_thesaurus_is_refused_naming_the_path(
    what: str, change: Callable[[dict[str, Any]], object], path: str
) -> None:
    """Each corruption raises PlanDataError naming thesaurus.json and the JSON path."""
    with pytest.raises(sp.PlanDataError) as caught:
        _thesaurus.parse(_edited(change), KNOWN)
    assert any(path in problem for problem in caught.value.problems), caught.value.problems


@pytest.mark.parametrize("data", [b"\xff", b"[]", b"{", b"[" * 100_000])
def test_unreadable_thesaurus_is_refused(data: bytes) -> None:
    """Bytes that are not a JSON object are refused with PlanDataError, not another exception."""
    with pytest.raises(sp.PlanDataError, match=r"@ thesaurus\.json"):
        _thesaurus.parse(data, KNOWN)


def test_entry_of_finds_a_term_in_any_case() -> None:
    """entry_of folds the term as search does."""
    thesaurus = _thesaurus.parse(RAW, KNOWN)
    entry = thesaurus.entry_of("SEMICONDUCTOR")
    assert entry is not None and "action:new-generation-it" in entry.record_ids
    assert thesaurus.entry_of("no such term") is None


THESAURUS = _thesaurus.parse(RAW, KNOWN)

# The audit's corrections: (term, records it must reach, or None where the term is gone).
CORRECTIONS: list[tuple[str, str, tuple[str, ...] | None]] = [
    ("T1", "local government", None),
    ("T2", "要素保障", None),
    ("T3", "small and medium-sized enterprise", None),
    ("T3", "small and medium enterprise", ("action:new-generation-it",)),
    ("T3", "SMEs", ("action:new-generation-it",)),
    ("T4", "countryside", None),
    ("T5", "轴承", None),
    ("T5", "主轴承", ("action:new-energy",)),
    ("T6", "automotive", ("action:intelligent-nev", "industry:intelligent-nev")),
    ("T6", "automobile", ("action:intelligent-nev", "industry:intelligent-nev")),
    ("T7", "driverless", None),
    ("T7", "driverless car", ("action:intelligent-nev", "industry:intelligent-nev")),
    ("T8", "esports", None),
    ("T8", "e-sports", ("action:digital-creative", "industry:digital-creative", "nbs-2018:8")),
    ("T8", "game", ("action:digital-creative", "industry:digital-creative", "nbs-2018:8")),
    ("T9", "industrial base", None),
    ("T10", "研发中心", None),
    ("T11", "listing", None),
    ("T13", "bureaucracy", None),
    ("T13", "licensing", None),
    ("T14", "regulation", None),
    ("T14", "oversight", None),
    ("T14", "监管", None),
    ("T14", "包容审慎监管", ("action:prudent-supervision",)),
    ("T14", "light-touch regulation", ("action:prudent-supervision",)),
]  # fmt: skip


@pytest.mark.parametrize(("tag", "term", "records"), CORRECTIONS, ids=[f"{c[0]}-{c[1]}" for c in CORRECTIONS])
def test_the_audits_corrections_hold(tag: str, term: str, records: tuple[str, ...] | None) -> None:
    """Each term the audit removed is gone, and each it kept or added reaches exactly its records."""
    entry = THESAURUS.entry_of(term)
    if records is None:
        assert entry is None, (tag, term)
    else:
        assert entry is not None and entry.record_ids == records, (tag, term)


@pytest.mark.parametrize(
    "overstated",
    ["the other names of", "the international name", "usually called", "the usual form of", "the plan's only numbers",
     "fall under action 15", "the local government of everyday speech", "the vehicles that drive themselves"],
)  # fmt: skip
def test_no_reason_overstates(overstated: str) -> None:
    """The reworded reasons no longer state equivalences the data does not support."""
    assert not [e.reason for e in THESAURUS if overstated in e.reason]


@pytest.mark.parametrize(
    ("term", "hedge"),
    [("semiconductor", "inferred"), ("lithography", "inferred"), ("robot", "inferred"), ("wind power", "S11"),
     ("charging pile", "S11"), ("现代产业体系", "probably"), ("factor market", "not verified"),
     ("data centre", "name no data centres"), ("quantitative target", "all in action 9")],
)  # fmt: skip
def test_reasons_say_how_sure_the_data_is(term: str, hedge: str) -> None:
    """Reasons resting on inferred or reported placements, or on unverified Chinese, say so."""
    entry = THESAURUS.entry_of(term)
    assert entry is not None and hedge in entry.reason, (term, entry)


def test_no_term_is_a_single_word_that_starts_many_ordinary_words() -> None:
    """Terms are matched whole, so a term never reaches a record for a longer or shorter ordinary word."""
    hits = sp.search("counting drivers listed over relations")
    assert all("thesaurus" not in h.matched for h in hits)
