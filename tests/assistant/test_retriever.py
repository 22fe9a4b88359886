"""Hybrid retrieval as a LangChain retriever, with filters."""

from __future__ import annotations

from typing import Any

from assistant.answering.kinds import question_shape
from assistant.answering.selection import favoured_passages, recommending_passage
from assistant.domain import SearchFilters
from assistant.retrieval.retriever import PolicyRetriever


def test_the_langchain_retriever_returns_documents_with_their_sources(paper_assistant: Any) -> None:
    retriever = PolicyRetriever(retriever=paper_assistant.retriever, k=3)
    documents = retriever.invoke("Hva er en playmaker?")
    assert len(documents) == 3
    assert any("playmaker" in d.page_content.lower() for d in documents)
    for document in documents:
        assert document.metadata["doc_id"] == "stene-morkved-2019"
        assert document.metadata["section"] and document.metadata["page"]


def test_filters_by_year_and_kind_exclude_what_they_should(paper_assistant: Any) -> None:
    retriever = paper_assistant.retriever
    assert retriever.retrieve("playmaker", 3, SearchFilters(year_from=2020)) == []
    assert retriever.retrieve("playmaker", 3, SearchFilters(kinds=["report"])) == []
    kept = retriever.retrieve("playmaker", 3, SearchFilters(kinds=["working paper"], year_to=2019))
    assert kept and all(hit.chunk.year == 2019 for hit in kept)


def test_overlapping_passages_are_not_returned_twice(paper_assistant: Any) -> None:
    hits = paper_assistant.retriever.retrieve("samstyring og forhandlinger", 10)
    spans = [(h.chunk.start, h.chunk.end) for h in hits]
    for i, (a_start, a_end) in enumerate(spans):
        for b_start, b_end in spans[i + 1 :]:
            common = min(a_end, b_end) - max(a_start, b_start)
            assert common <= 0.6 * min(a_end - a_start, b_end - b_start)


def test_the_kind_of_question_lifts_the_passages_that_answer_it(paper_assistant: Any) -> None:
    # Dense alone (as for English questions): "recommend" is near nothing in particular.
    retriever = paper_assistant.retriever
    question = "What does the paper recommend?"
    favour = favoured_passages(question_shape(question))
    lifted = retriever.retrieve(question, 5, bm25_weight=0.0, favour=favour)
    assert lifted and all(recommending_passage(hit.chunk) for hit in lifted[:3])
    plain = retriever.retrieve(question, 5, bm25_weight=0.0)
    favouring_none = retriever.retrieve(
        question, 5, bm25_weight=0.0, favour=lambda chunk, best: 0.0
    )
    assert [h.chunk.id for h in favouring_none] == [h.chunk.id for h in plain]
