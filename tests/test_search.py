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


@pytest.mark.parametrize(
    ("query", "reason"),
    [("", "no letters, digits or Chinese"), ("   ", "no letters"), ("\t\n", "no letters"), ("!!!", "no letters"),
     ("\u200f\x00", "no letters"), ("zzzzqqq", "no word of the query is known to the index (zzzzqqq)"),
     ("the", "only function words (the)"), ("what was that about? 是什么", "only function words"),
     ("no such thing at all", "only function words")],
)  # fmt: skip
def test_no_match_is_empty_and_says_why(query: str, reason: str) -> None:
    """A query that matches nothing gives an empty Hits whose reason says why, not an error."""
    hits = sp.search(query)
    assert len(hits) == 0
    assert hits.reason is not None and reason in hits.reason


def test_a_kind_that_holds_no_word_says_so() -> None:
    """Known words that no record of the wanted kind holds are told apart from unknown words."""
    hits = sp.search("photoresist", kind="agency")
    assert len(hits) == 0 and hits.reason == "no agency holds any word of the query (photoresist)"


def test_found_hits_have_no_reason() -> None:
    """Hits that found something carry no reason."""
    assert sp.search("5G").reason is None


def test_slicing_hits_gives_hits() -> None:
    """A slice of Hits is Hits again (so notebooks still show a table); an index gives one Hit."""
    hits = sp.search("clusters")
    assert type(hits[:2]) is sp.Hits and list(hits[:2]) == list(hits)[:2]
    assert type(hits[::2]) is sp.Hits and isinstance(hits[0], sp.Hit)
    assert len(hits[5:5]) == 0 and hits[5:5].reason is not None


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


# -- questions, relevance and numbers -------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [("what does China say about 5G", "action:new-generation-it"),
     ("does the plan help private companies invest", "action:market-investment"),
     ("What are the six stabilities and why do they matter for this plan?", "objective:six-stabilities"),
     ("Is there anything about charging stations for electric cars?", "action:intelligent-nev"),
     ("How does the plan support chip materials like photoresist and silicon wafers?", "action:new-materials"),
     ("这个规划对5G有什么要求？", "action:new-generation-it"), ("六保包括哪些", "objective:six-guarantees")],
)  # fmt: skip
def test_a_long_question_ranks_what_it_asks_about_first(query: str, expected: str) -> None:
    """A record matches on some of a question's words: the record the question is about ranks first."""
    assert sp.search(query)[0].record.id == expected


@pytest.mark.parametrize(
    ("query", "topic", "generic"),
    [("pollution control", "action:energy-saving-environmental", "objective:epidemic-control"),
     ("bank lending", "action:financial-services", "agency:pboc")],
)  # fmt: skip
def test_the_topic_outranks_a_generic_word(query: str, topic: str, generic: str) -> None:
    """A phrase the thesaurus knows as a whole is read as that topic, not as its most common word."""
    ids = [h.record.id for h in sp.search(query)]
    assert ids[0] == topic
    assert generic not in ids[:3]


def test_rare_words_weigh_more_than_common_ones() -> None:
    """In 'industry photoresist', the rare word decides the first hit, though 'industry' is in many titles."""
    assert sp.search("industry photoresist")[0].record.id == "action:new-materials"


def test_a_title_outweighs_a_summary() -> None:
    """The same word in a title scores more than in a summary only."""
    scores = {h.record.id: h.score for h in sp.search("supply")}
    assert scores["guarantee:supply-chains"] > scores["guarantee:food-energy-security"] > 0  # title; summary only


@pytest.mark.parametrize(
    "query",
    [
        "photoresist",
        "5G",
        "疫苗",
        "What are the six guarantees?",
        "semiconductor",
        "vacines",
        "100 clusters",
        "A9",
        "industrial clusters and 产业集群",
        "the 2020 plan",
    ],
)
def test_scores_lie_between_zero_and_one(query: str) -> None:
    """Every score is a share of the best score the query could earn: above 0, at most 1."""
    hits = sp.search(query)
    assert hits and all(0 < h.score <= 1 for h in hits)


def test_scores_compare_across_queries() -> None:
    """An exact short query and a good hit on a long question score on the same scale."""
    short = sp.search("photoresist")[0].score
    long = sp.search("What does the plan say about photoresist and silicon wafers for chips?")[0].score
    assert 0.3 < short <= 1 and 0.3 < long <= 1


def test_ties_break_by_field_then_document_order() -> None:
    """Equal scores rank a hit in a title before one in a summary, then in the plan's order."""
    hits = sp.search("产业园区")
    order = {r.id: i for i, r in enumerate(ALL_RECORDS)}
    fields = ["id", "notation", "numbers", "title.en", "title.zh", "aliases.en", "aliases.zh", "keywords.en",
              "keywords.zh", "summary"]  # fmt: skip

    def first(hit: sp.Hit[sp.PlanOrRecord]) -> int:
        return min(fields.index(f) if f in fields else len(fields) for f in hit.matched)

    for a, b in itertools.pairwise(hits):
        assert a.score > b.score or (
            a.score == b.score and (first(a), order[a.record.id]) <= (first(b), order[b.record.id])
        )


@pytest.mark.parametrize(
    ("query", "expected"),
    [("100 clusters", ["target:competitive-clusters"]), ("1000 ecosystems", ["target:industry-ecosystems"]),
     ("10/100/1000", ["target:global-bases", "target:competitive-clusters", "target:industry-ecosystems"]),
     ("A9", ["action:cluster-development-project"]), ("T2", ["target:competitive-clusters"]),
     ("10.5%", ["plan:sei-2020"]), ("1409", ["plan:sei-2020"]), ("2020-09-11", ["plan:sei-2020"])],
)  # fmt: skip
def test_numbers_are_searchable(query: str, expected: list[str]) -> None:
    """Target values, the plan's figures and dates, and notations are found as typed."""
    assert [h.record.id for h in sp.search(query)[: len(expected)]] == expected


def test_a_decimal_is_one_number() -> None:
    """'10.5' is one number: '10' alone does not find the plan's 10.5 % figure."""
    assert "plan:sei-2020" not in [h.record.id for h in sp.search("10")]
