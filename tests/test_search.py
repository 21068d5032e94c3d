"""Ranked search: what ranks first, what matched, limits and kinds."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import sei_policy as sp

from .helpers import ALL_RECORDS


@pytest.mark.parametrize(
    ("query", "first"),
    [("photoresist", "action:new-materials"), ("光刻胶", "action:new-materials"), ("Photoresist", "action:new-materials"),
     ("silicon wafer", "action:new-materials"), ("vaccines", "action:biotech"), ("疫苗", "action:biotech"),
     ("5G", "action:new-generation-it"), ("5G基站", "action:new-generation-it"), ("区块链", "action:new-generation-it"),
     ("charging stations", "action:intelligent-nev"), ("cluster innovation", "action:cluster-innovation"),
     ("employment", "priority:employment"), ("稳就业", "priority:employment"), ("A4", "action:new-materials"),
     ("NDRC", "agency:ndrc"), ("1409", "plan:sei-2020"), ("放管服", "action:streamlining-reform"),
     ("新材料产业光刻胶", "action:new-materials"), ("相关服务业", "nbs-2018:9")],
)  # fmt: skip
def test_best_hit(query: str, first: str) -> None:
    """The record a reader means ranks first, in English or Chinese."""
    assert sp.search(query)[0].record.id == first


def test_hit_says_what_matched() -> None:
    """A hit carries its record, a positive score and the fields that matched."""
    hit = sp.search("photoresist")[0]
    assert hit.matched == ("keywords.en",)
    assert hit.score > 0


def test_scores_are_ranked_and_ties_keep_document_order() -> None:
    """Scores never increase down the list; equal scores keep document order."""
    hits = sp.search("新材料")
    order = {r.id: i for i, r in enumerate(ALL_RECORDS)}
    for a, b in itertools.pairwise(hits):
        assert a.score > b.score or (a.score == b.score and order[a.record.id] < order[b.record.id])
    assert [h.record.id for h in hits[:3]] == ["industry:new-materials", "action:new-materials", "nbs-2018:3"]


@pytest.mark.parametrize("query", ["", "   ", "\t\n", "!!!", "zzzzqqq", "\u200f\x00"])
def test_no_match_is_empty(query: str) -> None:
    """A query that matches nothing gives an empty tuple, not an error."""
    assert sp.search(query) == ()


def test_stop_words_alone_still_search() -> None:
    """A query of stop words only is searched as it is."""
    hits = sp.search("the")
    assert len(hits) > 10
    assert "title.en" in hits[0].matched


def test_kind_and_limit() -> None:
    """kind keeps one kind; limit cuts the list; a bad limit is refused clearly."""
    hits = sp.search("new materials", kind="industry")
    assert hits[0].record.id == "industry:new-materials"
    assert {h.record.kind for h in hits} == {sp.Kind.INDUSTRY}
    assert len(sp.search("industry", limit=2)) == 2
    assert sp.search("industry", limit=0) == ()
    with pytest.raises(sp.errors.InvalidArgumentError, match="limit >= 0"):
        sp.search("industry", limit=-1)
    with pytest.raises(sp.errors.InvalidArgumentTypeError):
        sp.search("industry", limit="2")  # type: ignore[call-overload]
    with pytest.raises(sp.errors.InvalidArgumentTypeError):
        sp.search("industry", limit=True)


def test_huge_query_is_answered() -> None:
    """A 1 MB query is read only as far as any field could match, and is answered."""
    assert sp.search("光刻胶" * 350_000)[0].record.id == "action:new-materials"
    assert sp.search("x" * 1_000_000) == ()


@given(st.sampled_from(sp.plan().actions))
def test_every_action_is_its_own_best_hit_by_title(action: sp.Action) -> None:
    """Searching an action's English title finds that action first."""
    assert action.title.en is not None
    assert sp.search(action.title.en)[0].record is action


@given(st.sampled_from([a for a in sp.plan().actions if a.title.zh]))
def test_every_action_is_its_own_best_hit_by_chinese_title(action: sp.Action) -> None:
    """Searching an action's Chinese heading finds that action first."""
    assert action.title.zh is not None
    assert sp.search(action.title.zh)[0].record is action


@pytest.mark.parametrize("query", ["ai", "innov", "port"])
def test_english_matches_at_word_starts(query: str) -> None:
    """An English query matches the plan's words at the start of a word, never inside one ('ai' is not in 'chains')."""
    own = [hit for hit in sp.search(query) if "thesaurus" not in hit.matched]
    assert own or query == "ai"
    for hit in own:
        texts = [hit.record.id, hit.record.title.en or "", *hit.record.aliases.all, *hit.record.keywords.all]
        texts.append(hit.record.summary or "")
        words = {w for text in texts for w in text.casefold().replace(":", " ").replace("-", " ").split()}
        assert any(w.strip("“”\"'(),.;").startswith(query) for w in words), (query, hit.record.id)


def test_chinese_matches_inside_words() -> None:
    """Chinese has no word boundaries: a query matches anywhere in a term."""
    assert sp.search("刻胶")[0].record.id == "action:new-materials"
