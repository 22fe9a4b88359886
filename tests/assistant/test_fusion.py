"""Reciprocal rank fusion and overlap removal."""

from __future__ import annotations

import pytest

from assistant.domain import Chunk
from assistant.retrieval.fusion import Span, drop_overlapping, overlap_share, reciprocal_rank_fusion
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
