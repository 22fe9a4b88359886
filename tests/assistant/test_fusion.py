"""Fusion of the dense and lexical searches (by score and by rank) and overlap removal."""

from __future__ import annotations

import pytest

from assistant.domain import Chunk
from assistant.retrieval.fusion import (
    Span,
    as_rank_scores,
    drop_overlapping,
    overlap_share,
    quoted_first,
    reciprocal_rank_fusion,
    with_stand_in_ranks,
    z_score_fusion,
)
from assistant.retrieval.retriever import with_favoured


def test_rrf_scores_are_sums_of_reciprocal_ranks() -> None:
    fused = dict(reciprocal_rank_fusion([["a", "b"], ["b", "c"]], k=10))
    assert fused["a"] == pytest.approx(1 / 11)
    assert fused["b"] == pytest.approx(1 / 12 + 1 / 11)
    assert fused["c"] == pytest.approx(1 / 12)
    assert [item for item, _ in reciprocal_rank_fusion([["a", "b"], ["b", "c"]], k=10)] == [
        "b",
        "a",
        "c",
    ]


def test_weights_shift_the_fusion() -> None:
    fused = reciprocal_rank_fusion([["a"], ["b"]], weights=[1.0, 3.0], k=10)
    assert fused[0][0] == "b"


def test_overlap_is_measured_on_the_shorter_span() -> None:
    assert overlap_share(Span("d", 0, 100), Span("d", 50, 60)) == 1.0
    assert overlap_share(Span("d", 0, 100), Span("d", 90, 190)) == pytest.approx(0.1)
    assert overlap_share(Span("d", 0, 100), Span("e", 0, 100)) == 0.0


def test_overlapping_passages_are_dropped_after_the_better_one() -> None:
    ranked = [("a", Span("d", 0, 100)), ("b", Span("d", 20, 110)), ("c", Span("d", 95, 200))]
    assert drop_overlapping(ranked, max_share=0.5) == ["a", "c"]


def _chunk(cid: str, doc_id: str) -> Chunk:
    return Chunk(id=cid, doc_id=doc_id, text=cid, start=0, end=1, section_path=[], title="T")


def test_favoured_passages_rise_in_the_order_of_the_fused_ranking() -> None:
    chunks = {cid: _chunk(cid, "report") for cid in ("intro", "body", "advice", "more-advice")}
    fused = reciprocal_rank_fusion([list(chunks)])
    favour = {"advice": 1.0, "more-advice": 0.5}
    ranked = with_favoured(fused, chunks, lambda chunk, best: favour.get(chunk.id, 0.0), 60)
    assert [cid for cid, _ in ranked] == ["advice", "more-advice", "intro", "body"]
    unchanged = with_favoured(fused, chunks, lambda chunk, best: 0.0, 60)
    assert [cid for cid, _ in unchanged] == list(chunks)


def test_a_hit_the_lexical_search_cannot_match_counts_its_dense_rank_in_its_place() -> None:
    dense, lexical = ["en", "sv"], ["sv"]
    fused = reciprocal_rank_fusion([dense, lexical], k=10)
    assert fused[0][0] == "sv"
    stood_in = dict(with_stand_in_ranks(fused, dense, lexical, lambda item: item == "en", 1.0, 10))
    assert stood_in["en"] == pytest.approx(2 / 11), "its dense rank twice"
    assert stood_in["sv"] == pytest.approx(1 / 12 + 1 / 11), "the others keep their scores"


def test_a_stand_in_rank_never_lowers_a_lexical_rank_the_hit_earned() -> None:
    dense, lexical = ["a", "b", "en"], ["en", "a"]
    fused = reciprocal_rank_fusion([dense, lexical], k=10)
    stood_in = dict(with_stand_in_ranks(fused, dense, lexical, lambda item: item == "en", 1.0, 10))
    assert stood_in == pytest.approx(dict(fused))


def test_a_passage_bm25_scores_far_above_the_rest_leads_a_score_fusion() -> None:
    """Second by similarity, by a hair, but far ahead by BM25: rank fusion levels the two,
    score fusion does not."""
    dense = {"summary": 0.871, "background": 0.868, "a": 0.80, "b": 0.79}
    lexical = {"background": 206.0, "summary": 150.0, "a": 120.0, "b": 118.0}
    assert z_score_fusion(dense, lexical)[0] == "background"
    rrf = reciprocal_rank_fusion([list(dense), list(lexical)])
    assert rrf[0][1] == pytest.approx(rrf[1][1], rel=0.01), "by rank, a near tie"


def test_a_lone_lexical_hit_counts_in_a_score_fusion() -> None:
    """The only passage holding the question's words is lifted over one a little nearer in
    meaning; the others count as matching none of them."""
    dense = {"foreword": 0.86, "row": 0.84, "other": 0.70}
    assert z_score_fusion(dense, {"row": 12.0})[0] == "row"
    assert z_score_fusion(dense, {})[0] == "foreword", "by similarity alone"
    assert z_score_fusion(dense, {"row": 12.0}, weights=(1.0, 0.0))[0] == "foreword"


def test_in_a_score_fusion_a_hit_the_lexical_search_cannot_match_counts_its_dense_score() -> None:
    dense = {"en": 0.90, "sv": 0.80, "sv2": 0.75}
    lexical = {"sv": 10.0, "sv2": 9.0}
    assert z_score_fusion(dense, lexical)[0] == "sv"
    assert z_score_fusion(dense, lexical, stand_in=lambda item: item == "en")[0] == "en"


def test_a_fused_ranking_takes_the_scores_rank_fusion_gives_its_places() -> None:
    assert as_rank_scores(["a", "b"], 2.0, k=10) == [("a", 2 / 11), ("b", 2 / 12)]


def test_candidates_tied_by_score_keep_the_dense_order() -> None:
    assert z_score_fusion({"a": 0.8, "b": 0.8}, {"b": 1.0, "a": 1.0}) == ["a", "b"]


def test_quoted_passages_move_to_the_front_best_quote_first_the_rest_keep_their_order() -> None:
    ids = ["summary", "foreword", "table", "method", "findings"]
    assert quoted_first(ids, ["findings", "table", "findings"]) == [
        "findings", "table", "summary", "foreword", "method",
    ]  # fmt: skip
    assert quoted_first(ids, []) == ids
    assert quoted_first(ids, ["elsewhere"]) == ids, "a quote from outside the list adds nothing"
