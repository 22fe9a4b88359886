"""Every metric on hand-made cases whose values are worked out by hand in the comments."""

from __future__ import annotations

import math
from typing import Any

import pytest

from assistant.domain import Answer, Citation, Passage
from assistant.errors import NotFoundError
from evals.metrics import (
    ItemScores,
    aggregate,
    answer_length,
    applicable_metrics,
    citation_precision,
    citation_precision_strict,
    citation_recall,
    citation_supports,
    citations_in_retrieved,
    content_tokens,
    dedupe_passages,
    hit_rate_at_k,
    key_fact_coverage,
    latency_summary,
    marker_share,
    ndcg_at_k,
    percentile,
    recall_at_k,
    reciprocal_rank,
    refusal_scores,
    relevance,
    retrieval_scores,
    score_item,
    split_sentences,
    structural_quote,
    structural_quotes,
    token_f1,
    token_overlap,
    verbatim_share,
)
from evals.testset import TestItem

ROLES = "forhandler, innovatør og brobygger"
PROCUREMENT = "Offentlige anskaffelser er et mulighetsrom"
LOG2_3 = math.log2(3)  # 1.58496...
LOG2_5 = math.log2(5)  # 2.32193...


def passage(chunk_id: str, text: str = "Ingenting relevant her.", rank: int = 1) -> Passage:
    return Passage(
        rank=rank,
        chunk_id=chunk_id,
        doc_id="paper",
        title="Kommunen sin framtidige næringsutviklingsrolle",
        section="4 Muligheter",
        page="7",
        text=text,
        score=0.5,
    )


def citation(
    marker: int, chunk_id: str, quote: str, start: int = 0, end: int = 0, doc_id: str = "paper"
) -> Citation:
    return Citation(
        marker=marker,
        chunk_id=chunk_id,
        doc_id=doc_id,
        title="Kommunen sin framtidige næringsutviklingsrolle",
        section="4 Muligheter",
        page="7",
        quote=quote,
        start=start,
        end=end or start + len(quote),
        score=0.5,
    )


def answer(
    text: str, grounded: bool = True, citations: list[Citation] | None = None, **timings: float
) -> Answer:
    return Answer(
        answer=text,
        grounded=grounded,
        citations=citations or [],
        standalone_question="?",
        mode="extractive",
        timings_ms=timings,
    )


def item(**fields: object) -> TestItem:
    defaults: dict[str, object] = {"id": "q", "question": "Hva?", "lang": "nb"}
    return TestItem.model_validate(defaults | fields)


def no_source(doc_id: str) -> str:
    raise KeyError(doc_id)


# --- retrieval ----------------------------------------------------------------------------

# Raw ranking: x1, r1 (holds ROLES), r1 again, x2, r2 (holds PROCUREMENT), x3 ... x8.
# After de-duplication: x1 r1 x2 r2 x3 x4 x5 x6 x7 x8, relevance F T F T F F F F F F.
RELEVANT_1 = passage("r1", f"Kommunen skal være *{ROLES.upper()}* (Holmen, 2016).")
RELEVANT_2 = passage("r2", f"{PROCUREMENT}. Det skjer mye.")
RANKING = [
    passage("x1"),
    RELEVANT_1,
    RELEVANT_1,
    passage("x2"),
    RELEVANT_2,
    *(passage(f"x{n}") for n in range(3, 9)),
]
EVIDENCE = (ROLES, PROCUREMENT)


def test_dedupe_keeps_the_first_occurrence_in_order() -> None:
    assert [p.chunk_id for p in dedupe_passages(RANKING)] == [
        "x1", "r1", "x2", "r2", "x3", "x4", "x5", "x6", "x7", "x8",
    ]  # fmt: skip


def test_relevance_ignores_case_punctuation_and_emphasis() -> None:
    assert relevance(dedupe_passages(RANKING)[:4], EVIDENCE) == [False, True, False, True]


def test_retrieval_metrics_on_a_ranking_with_a_duplicate() -> None:
    scores = retrieval_scores(RANKING, EVIDENCE)
    # hit@1: x1 is not relevant -> 0; r1 is at rank 2 -> hit@3 = hit@5 = hit@10 = 1.
    assert scores["retrieval.hit@1"] == 0.0
    assert scores["retrieval.hit@3"] == scores["retrieval.hit@5"] == 1.0
    assert scores["retrieval.hit@10"] == 1.0
    # recall@k over the 2 snippets: top 1 none -> 0/2; top 3 (x1 r1 x2) ROLES -> 1/2;
    # top 5 adds r2 at rank 4 -> 2/2. Without de-duplication r2 would sit at rank 5.
    assert scores["retrieval.recall@1"] == 0.0
    assert scores["retrieval.recall@3"] == 0.5
    assert scores["retrieval.recall@5"] == scores["retrieval.recall@10"] == 1.0
    # MRR@10: first relevant at rank 2 -> 1/2.
    assert scores["retrieval.mrr@10"] == 0.5
    # nDCG@10: DCG = 1/log2(3) + 1/log2(5) = 0.63093 + 0.43068 = 1.06161;
    # 2 relevant retrieved -> IDCG = 1/log2(2) + 1/log2(3) = 1.63093; 1.06161/1.63093 = 0.65092.
    expected = (1 / LOG2_3 + 1 / LOG2_5) / (1 + 1 / LOG2_3)
    assert scores["retrieval.ndcg@10"] == pytest.approx(expected)
    assert expected == pytest.approx(0.65092, abs=1e-5)


def test_retrieval_with_no_passages_scores_zero() -> None:
    scores = retrieval_scores([], EVIDENCE)
    assert set(scores.values()) == {0.0}
    assert len(scores) == 10  # hit@1,3,5,10, recall@1,3,5,10, MRR@10, nDCG@10


def test_relevant_passage_beyond_ten_counts_for_nothing() -> None:
    relevant = [False] * 11 + [True]
    assert hit_rate_at_k(relevant, 10) == 0.0
    assert reciprocal_rank(relevant) == 0.0
    # DCG@10 = 0; IDCG from the 1 relevant retrieved = 1 -> 0/1 = 0.
    assert ndcg_at_k(relevant) == 0.0


def test_ndcg_caps_the_ideal_at_ten() -> None:
    # 12 relevant passages, all at the top: DCG@10 = IDCG@10 -> 1.0 (ideal capped at 10).
    assert ndcg_at_k([True] * 12) == pytest.approx(1.0)
    # Relevant at ranks 1 and 3 of 3: DCG = 1 + 1/log2(4) = 1.5; IDCG = 1 + 1/log2(3) = 1.63093.
    assert ndcg_at_k([True, False, True]) == pytest.approx(1.5 / (1 + 1 / LOG2_3))


def test_recall_counts_snippets_that_normalise_alike_once() -> None:
    passages = [passage("a", "forhandler innovatør og brobygger")]
    # {"forhandlerinnovatørogbrobygger", "offentligeanskaffelser..."}: 1 of 2 found.
    assert recall_at_k(passages, [ROLES, ROLES.upper(), PROCUREMENT], 1) == 0.5
    with pytest.raises(ValueError, match="at least one evidence snippet"):
        recall_at_k(passages, ["..."], 1)


# --- citations ----------------------------------------------------------------------------

P1 = passage(
    "c1",
    f"{PROCUREMENT}. Det skjer mye når det gjelder offentlige anskaffelser som gir "
    "utviklingsmuligheter.",
)
P2 = passage("c2", "Immigrant entreprenørskap. Språk blir viktig.")
C_EVIDENCE = citation(1, "c1", f"{PROCUREMENT}.")
C_NEIGHBOUR = citation(
    2, "c1", "Det skjer mye når det gjelder offentlige anskaffelser som gir utviklingsmuligheter."
)
C_OTHER_CHUNK = citation(3, "c2", "Språk blir viktig.")
C_FOREIGN_QUOTE = citation(4, "c1", "Kommunene må bli playmakeren i slike sammenhenger.")


def test_citation_recall_joins_quotes_in_source_order() -> None:
    first = citation(2, "c1", "Samstyring er et slags", start=100)
    second = citation(1, "c1", "ressursmessig spleiselag, hvor ressursene", start=123)
    # Neither quote alone holds the snippet; joined by start offset they do -> 1.0.
    assert citation_recall([second, first], ["slags ressursmessig spleiselag"]) == 1.0
    assert citation_recall([first], ["slags ressursmessig spleiselag"]) == 0.0
    assert citation_recall([], [PROCUREMENT]) == 0.0


def test_content_tokens_and_overlap() -> None:
    # Tokens of >= 4 characters or with a digit: "det", "mye", "når", "som", "gir" drop out.
    assert content_tokens(C_NEIGHBOUR.quote) == {
        "skjer", "gjelder", "offentlige", "anskaffelser", "utviklingsmuligheter",
    }  # fmt: skip
    assert content_tokens("Ca. 50 av oss") == {"50"}
    assert content_tokens("Det er nå") == {"det", "er", "nå"}, "all tokens when none is long"
    assert token_overlap(C_NEIGHBOUR.quote, P1.text) == 1.0  # 5/5
    assert token_overlap("anskaffelser playmakeren", P1.text) == 0.5  # 1/2
    assert token_overlap("", P1.text) == 0.0


def test_citation_support_proxy() -> None:
    passages = [P1, P2]
    assert citation_supports(C_EVIDENCE, [PROCUREMENT], passages), "its quote holds evidence"
    assert citation_supports(C_NEIGHBOUR, [PROCUREMENT], passages), "relevant chunk, 5/5 tokens"
    assert not citation_supports(C_OTHER_CHUNK, [PROCUREMENT], passages), "chunk not relevant"
    assert not citation_supports(C_FOREIGN_QUOTE, [PROCUREMENT], passages), "0/4 tokens shared"
    # Exactly 50 % is enough (1 of 2 content tokens); 1 of 3 is not.
    assert citation_supports(citation(5, "c1", "anskaffelser playmakeren"), [PROCUREMENT], [P1])
    assert not citation_supports(
        citation(6, "c1", "anskaffelser playmakeren kommunene"), [PROCUREMENT], [P1]
    )
    # Same chunk, but that chunk holds none of this item's evidence: no support.
    assert not citation_supports(C_NEIGHBOUR, [ROLES], passages)


def test_citation_precision_proxy_and_strict() -> None:
    citations = [C_EVIDENCE, C_NEIGHBOUR, C_OTHER_CHUNK, C_FOREIGN_QUOTE]
    # Proxy: C_EVIDENCE and C_NEIGHBOUR support -> 2/4. Strict: only C_EVIDENCE -> 1/4.
    assert citation_precision(citations, [PROCUREMENT], [P1, P2, P1]) == 0.5
    assert citation_precision_strict(citations, [PROCUREMENT]) == 0.25
    assert citation_precision([], [PROCUREMENT], [P1]) == 0.0
    assert citation_precision_strict([], [PROCUREMENT]) == 0.0


def test_citations_in_retrieved() -> None:
    citations = [C_EVIDENCE, C_OTHER_CHUNK, citation(3, "c9", "Fra et annet sted.")]
    # c1 and c2 were retrieved, c9 not -> 2/3.
    assert citations_in_retrieved(citations, [P1, P2]) == pytest.approx(2 / 3)
    with pytest.raises(ValueError, match="does not apply"):
        citations_in_retrieved([], [P1])


def test_verbatim_share_checks_the_exact_span_of_the_source() -> None:
    source = "0123456789 Samstyring er et slags ressursmessig spleiselag."
    calls: list[str] = []

    def source_text(doc_id: str) -> str:
        calls.append(doc_id)
        if doc_id == "paper":
            return source
        if doc_id == "gone":
            raise NotFoundError(f"document {doc_id!r}")
        raise KeyError(doc_id)

    citations = [
        citation(1, "c1", "Samstyring", start=11, end=21),  # source[11:21] == quote
        citation(2, "c1", "samstyring", start=11, end=21),  # case differs: not verbatim
        citation(3, "c1", "Samstyring", start=12, end=22),  # offsets off by one
        citation(4, "c1", "Samstyring", start=11, end=210),  # past the end of the source
        citation(5, "c1", "Samstyring", start=11, end=21, doc_id="unknown"),  # KeyError
        citation(6, "c1", "Samstyring", start=11, end=21, doc_id="gone"),  # NotFoundError
    ]
    assert verbatim_share(citations, source_text) == pytest.approx(1 / 6)
    assert calls == ["paper", "unknown", "gone"], "each document is fetched once"
    with pytest.raises(ValueError, match="does not apply"):
        verbatim_share([], source_text)


def test_verbatim_share_lets_unexpected_errors_through() -> None:
    def broken(doc_id: str) -> str:
        raise RuntimeError("the service is down")

    with pytest.raises(RuntimeError):
        verbatim_share([C_EVIDENCE], broken)


# --- sentences and markers ----------------------------------------------------------------

ANSWER_TEXT = (
    "Kommunen skal være brobygger [1]. Den skal også være forhandler. "
    "Se f.eks. kapittel 4 [2].\nSamstyring er krevende. [3]"
)


def test_split_sentences() -> None:
    assert split_sentences(ANSWER_TEXT) == [
        "Kommunen skal være brobygger [1].",
        "Den skal også være forhandler.",
        "Se f.eks. kapittel 4 [2].",
        "Samstyring er krevende. [3]",
    ]
    assert split_sentences("Ca. 50 bedrifter var med. Meld. St. 29 er kilden.") == [
        "Ca. 50 bedrifter var med.",
        "Meld. St. 29 er kilden.",
    ]
    assert split_sentences("Stene, M. og Mørkved, B. P. skrev det. 675 eier den!") == [
        "Stene, M. og Mørkved, B. P. skrev det.",
        "675 eier den!",
    ]
    assert split_sentences("") == []
    assert split_sentences("  \n[1]\n") == []


def test_marker_share() -> None:
    # 4 sentences; markers [1], [2], [3] on sentences 1, 3, 4 -> 3/4.
    assert marker_share(ANSWER_TEXT) == 0.75
    assert marker_share(ANSWER_TEXT, {1, 2, 3}) == 0.75
    # Only marker 1 has a citation: sentences 3 and 4 point at nothing -> 1/4.
    assert marker_share(ANSWER_TEXT, {1}) == 0.25
    assert marker_share(ANSWER_TEXT, set()) == 0.0
    assert marker_share("") == 0.0
    assert marker_share("Begge kildene sier det [1, 2].", {2}) == 1.0


# --- answers ------------------------------------------------------------------------------


def test_key_fact_coverage() -> None:
    text = (
        "Kommunens entreprenørrolle blir å være *forhandler, innovatør* [1] og brobygger. "
        "Prosjektet har en ramme på 32.500 kroner [2]."
    )
    # ROLES matches once the marker inside it is removed; "32 500 kroner" -> "32500kroner"
    # matches "32.500 kroner"; "19 partnere" is absent -> 2/3.
    facts = [ROLES, "32 500 kroner", "19 partnere"]
    assert key_fact_coverage(text, facts) == pytest.approx(2 / 3)
    assert key_fact_coverage("Næringslivet og SIVILSAMFUNNET.", ["sivilsamfunnet"]) == 1.0
    with pytest.raises(ValueError, match="does not apply"):
        key_fact_coverage(text, [])


def test_token_f1() -> None:
    # [brobygger, og, forhandler] vs [forhandler, innovatør, brobygger]: 2 common;
    # P = 2/3, R = 2/3, F1 = 2/3.
    assert token_f1("Brobygger og forhandler [1].", "forhandler innovatør brobygger") == (
        pytest.approx(2 / 3)
    )
    # Repeats count once each side: [brobygger, brobygger] vs [brobygger]: common 1,
    # P = 1/2, R = 1, F1 = 2 * 0.5 * 1 / 1.5 = 2/3.
    assert token_f1("brobygger brobygger", "brobygger") == pytest.approx(2 / 3)
    assert token_f1("BROBYGGER", "brobygger") == 1.0
    assert token_f1("playmaker", "brobygger") == 0.0
    assert token_f1("", "brobygger") == 0.0


def test_answer_length_leaves_markers_out() -> None:
    # "Kommunen er brobygger." is 22 characters and 3 words.
    assert answer_length("Kommunen er brobygger [1].") == (22, 3)
    assert answer_length("") == (0, 0)


# --- refusals -----------------------------------------------------------------------------


def test_refusal_scores_on_a_mixed_run() -> None:
    # 6 answerable: 5 answered, 1 refused. 4 unanswerable: 3 refused, 1 answered.
    outcomes = [(True, False)] * 5 + [(True, True)] + [(False, True)] * 3 + [(False, False)]
    scores = refusal_scores(outcomes)
    # Refused is positive: TP 3, FP 1 (answerable refused), FN 1 (unanswerable answered).
    # P = 3/4, R = 3/4, F1 = 2*3 / (2*3 + 1 + 1) = 0.75.
    assert scores["refusal.precision"] == 0.75
    assert scores["refusal.recall"] == 0.75
    assert scores["refusal.f1"] == 0.75
    # Answered is positive: TP 5, FP 1, FN 1 -> P = R = 5/6, F1 = 10/12.
    assert scores["answered.precision"] == pytest.approx(5 / 6)
    assert scores["answered.recall"] == pytest.approx(5 / 6)
    assert scores["answered.f1"] == pytest.approx(10 / 12)
    assert scores["false_refusal_rate"] == pytest.approx(1 / 6)


def test_refusal_scores_when_everything_is_refused() -> None:
    scores = refusal_scores([(True, True)] * 3 + [(False, True)] * 2)
    # Refusal: TP 2, FP 3, FN 0 -> P = 2/5, R = 1, F1 = 4/7.
    assert scores["refusal.precision"] == 0.4
    assert scores["refusal.recall"] == 1.0
    assert scores["refusal.f1"] == pytest.approx(4 / 7)
    # Answered: nothing answered -> P = 0 (no positive prediction), R = 0, F1 = 0.
    assert scores["answered.precision"] == 0.0
    assert scores["answered.recall"] == 0.0
    assert scores["answered.f1"] == 0.0
    assert scores["false_refusal_rate"] == 1.0


def test_refusal_scores_when_nothing_is_refused() -> None:
    scores = refusal_scores([(True, False), (False, False)])
    # Refusal: TP 0, FP 0, FN 1 -> P = 0 (no positive prediction), R = 0, F1 = 0.
    assert (scores["refusal.precision"], scores["refusal.recall"], scores["refusal.f1"]) == (
        0.0,
        0.0,
        0.0,
    )
    # Answered: TP 1, FP 1, FN 0 -> P = 1/2, R = 1, F1 = 2/3.
    assert scores["answered.f1"] == pytest.approx(2 / 3)
    assert scores["false_refusal_rate"] == 0.0


def test_refusal_metrics_apply_only_where_their_class_exists() -> None:
    assert set(refusal_scores([(True, False)])) == {
        "answered.precision", "answered.recall", "answered.f1", "false_refusal_rate",
    }  # fmt: skip
    assert set(refusal_scores([(False, True)])) == {
        "refusal.precision", "refusal.recall", "refusal.f1",
    }  # fmt: skip
    assert refusal_scores([]) == {}


# --- latency ------------------------------------------------------------------------------


def test_percentile_is_nearest_rank() -> None:
    # n = 4: p50 -> rank ceil(0.5 * 4) = 2 -> 20; p95 -> rank ceil(3.8) = 4 -> 40.
    assert percentile([40, 10, 30, 20], 50) == 20.0
    assert percentile([40, 10, 30, 20], 95) == 40.0
    # n = 20 (1..20): p50 -> rank 10 -> 10; p95 -> rank 19 -> 19.
    assert latency_summary([float(v) for v in range(20, 0, -1)]) == {
        "latency.p50_ms": 10.0,
        "latency.p95_ms": 19.0,
    }
    # n = 100: p7 -> rank 7 exactly, although 0.07 * 100 is 7.000000000000001 in floats.
    assert percentile(list(range(1, 101)), 7) == 7.0
    assert percentile([12.5], 95) == 12.5
    assert percentile([1, 2, 3], 100) == 3.0


def test_percentile_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="at least one"):
        percentile([], 50)
    with pytest.raises(ValueError, match="q must be"):
        percentile([1.0], 0)


# --- one item -------------------------------------------------------------------------------

SOURCE = "Tekst før. " + PROCUREMENT + ". Det skjer mye."
START = SOURCE.index(PROCUREMENT)


def source_text(doc_id: str) -> str:
    if doc_id != "paper":
        raise KeyError(doc_id)
    return SOURCE


ANSWERABLE = item(id="anskaffelser", evidence=[PROCUREMENT], key_facts=["mulighetsrom", "lov"])
UNANSWERABLE = item(id="vm", question="Who won the 2018 World Cup?", lang="en", unanswerable=True)
QUOTE = citation(1, "c1", PROCUREMENT + ".", start=START)


def test_score_item_answered_answerable() -> None:
    reply = answer(f"{PROCUREMENT} [1].", citations=[QUOTE], total=120.0)
    scores = score_item(ANSWERABLE, reply, [P2, P1], source_text)
    assert scores.item_id == "anskaffelser" and scores.lang == "nb"
    assert scores.answerable and not scores.refused
    assert (scores.n_key_facts, scores.n_citations, scores.latency_ms) == (2, 1, 120.0)
    metrics = scores.metrics
    assert set(metrics) == set(applicable_metrics(scores))
    # P1 (relevant) at rank 2: hit@1 0, hit@3 1, MRR 1/2, nDCG = (1/log2 3) / 1.
    assert metrics["retrieval.hit@1"] == 0.0 and metrics["retrieval.hit@3"] == 1.0
    assert metrics["retrieval.mrr@10"] == 0.5
    assert metrics["retrieval.ndcg@10"] == pytest.approx(1 / LOG2_3)
    assert metrics["citation.recall"] == 1.0
    assert metrics["citation.precision"] == metrics["citation.precision_strict"] == 1.0
    assert metrics["citation.marker_share"] == 1.0
    assert metrics["citation.in_retrieved"] == metrics["citation.verbatim"] == 1.0
    assert metrics["citation.count"] == 1.0
    # "mulighetsrom" present, "lov" absent -> 1/2.
    assert metrics["answer.key_fact_coverage"] == 0.5
    # answer [offentlige anskaffelser er et mulighetsrom] vs [mulighetsrom lov]: common 1;
    # P = 1/5, R = 1/2, F1 = 2 * 0.1 / 0.7 = 2/7.
    assert metrics["answer.token_f1"] == pytest.approx(2 / 7)
    # "Offentlige anskaffelser er et mulighetsrom." 43 characters, 5 words.
    assert (metrics["answer.length_chars"], metrics["answer.length_words"]) == (43.0, 5.0)


def test_score_item_answered_without_citations() -> None:
    scores = score_item(ANSWERABLE, answer(f"{PROCUREMENT}."), [P1], source_text)
    metrics = scores.metrics
    assert metrics["citation.recall"] == metrics["citation.precision"] == 0.0
    assert metrics["citation.marker_share"] == 0.0
    assert "citation.verbatim" not in metrics and "citation.in_retrieved" not in metrics
    assert scores.latency_ms is None


def test_score_item_refused_answerable() -> None:
    reply = answer("Jeg finner ikke noe om mulighetsrom i litteraturen.", grounded=False)
    scores = score_item(ANSWERABLE, reply, [P1], source_text, latency_ms=80.0)
    assert scores.refused and scores.latency_ms == 80.0
    metrics = scores.metrics
    assert metrics["retrieval.hit@1"] == 1.0, "retrieval is measured even when refused"
    # Refused: the facts were not given, whatever words the refusal text repeats.
    assert metrics["answer.key_fact_coverage"] == metrics["answer.token_f1"] == 0.0
    assert not any(name.startswith("citation.") for name in metrics)
    assert "answer.length_chars" not in metrics


def test_score_item_unanswerable() -> None:
    refused = score_item(
        UNANSWERABLE, answer("Det dekker ikke litteraturen.", False), [P1], no_source
    )
    assert refused.refused and not refused.answerable and refused.metrics == {}
    wrong = answer("Frankrike vant [1].", citations=[citation(1, "c7", "Frankrike vant")])
    answered = score_item(UNANSWERABLE, wrong, [P1], no_source)
    assert not answered.refused
    assert set(answered.metrics) == {
        "citation.count", "citation.marker_share", "answer.length_chars",
        "answer.length_words", "citation.in_retrieved", "citation.verbatim",
        "answer.structural_quotes",
    }  # fmt: skip
    assert answered.metrics["citation.in_retrieved"] == answered.metrics["citation.verbatim"] == 0


def test_score_item_needs_the_grounded_flag() -> None:
    fields: dict[str, Any] = {"answer": "Noe.", "citations": [], "timings_ms": {}}
    flagless = Answer.model_construct(**fields)  # as if built without validation
    with pytest.raises(ValueError, match="no boolean `grounded` flag"):
        score_item(ANSWERABLE, flagless, [P1], source_text)


# --- aggregation --------------------------------------------------------------------------


def test_aggregate_means_over_the_items_each_metric_applies_to() -> None:
    reply = answer(f"{PROCUREMENT} [1].", citations=[QUOTE])
    hit = score_item(ANSWERABLE, reply, [P1], source_text, latency_ms=100.0)
    miss = score_item(
        ANSWERABLE, answer("Noe annet.", grounded=False), [P2], source_text, latency_ms=300.0
    )
    offtopic = score_item(
        UNANSWERABLE, answer("Nei.", grounded=False), [], no_source, latency_ms=200.0
    )
    result = aggregate([hit, miss, offtopic])
    assert result["items"] == 3 and result["items.answerable"] == 2
    assert result["items.unanswerable"] == 1 and result["items.refused"] == 2
    # Retrieval over the 2 answerable items only: hit@1 (1 + 0) / 2.
    assert result["retrieval.hit@1"] == 0.5
    # Citation metrics over the 1 answered answerable item.
    assert result["citation.recall"] == 1.0
    # Key-fact coverage over both answerable items: (1/2 + 0) / 2.
    assert result["answer.key_fact_coverage"] == 0.25
    # Refusal: TP 1 (offtopic), FP 1 (miss), FN 0 -> P 1/2, R 1; false-refusal rate 1/2.
    assert result["refusal.precision"] == 0.5 and result["refusal.recall"] == 1.0
    assert result["false_refusal_rate"] == 0.5
    # Latency [100, 200, 300]: p50 -> rank ceil(1.5) = 2 -> 200; p95 -> rank 3 -> 300.
    assert (result["latency.p50_ms"], result["latency.p95_ms"]) == (200.0, 300.0)


def test_aggregate_of_nothing() -> None:
    assert aggregate([]) == {
        "items": 0.0, "items.answerable": 0.0, "items.unanswerable": 0.0, "items.refused": 0.0,
    }  # fmt: skip


def test_aggregate_refuses_a_missing_metric() -> None:
    hollow = ItemScores(item_id="x", lang="nb", answerable=True, refused=False, metrics={})
    with pytest.raises(ValueError, match=r"item 'x' lacks retrieval\.hit@1"):
        aggregate([hollow])


def test_aggregate_refuses_a_partly_timed_run() -> None:
    timed = ItemScores(item_id="a", lang="en", answerable=False, refused=True, latency_ms=5.0)
    untimed = ItemScores(item_id="b", lang="en", answerable=False, refused=True)
    with pytest.raises(ValueError, match="latency missing for 1 item"):
        aggregate([timed, untimed])
    assert "latency.p50_ms" not in aggregate([untimed]), "an untimed run has no latency"


def test_aggregate_refuses_non_numbers() -> None:
    metrics = {
        "citation.count": 0.0,
        "citation.marker_share": 0.0,
        "answer.length_words": 2.0,
        "answer.structural_quotes": 0.0,
    }
    broken = ItemScores(
        item_id="n",
        lang="en",
        answerable=False,
        refused=False,
        metrics=metrics | {"answer.length_chars": math.nan},
    )
    with pytest.raises(ValueError, match=r"answer\.length_chars is nan, not a number"):
        aggregate([broken])


STRUCTURED = (
    "4.1 Muligheter\n\nKommunene må bli playmakeren i slike sammenhenger.\n\n"
    "Fotnote 4: https://en.wikipedia.org/wiki/Generation_Z\n\n"
    "Holmen, A. K. T. (2016). Endrede styringsregimer. Magma(2), 34-39.\n\n"
    "Retrieved from Steinkjer: Gausdal, A. H. (2008)"
)


def quoted(fragment: str, section: str = "4 Muligheter > 4.1 Muligheter") -> Citation:
    start = STRUCTURED.index(fragment)
    return Citation(
        marker=1, chunk_id="c", doc_id="doc", title="T", section=section, page="7",
        quote=fragment, start=start, end=start + len(fragment), score=0.9,
    )  # fmt: skip


def test_headings_footnotes_and_references_are_structural_quotes_claims_are_not() -> None:
    source = {"doc": STRUCTURED}.__getitem__
    assert structural_quote(quoted("4.1 Muligheter"), source)
    assert structural_quote(quoted("https://en.wikipedia.org/wiki/Generation_Z"), source)
    assert structural_quote(quoted("Fotnote 4: https://en.wikipedia.org/wiki/Generation_Z"), source)
    holmen = "Holmen, A. K. T. (2016). Endrede styringsregimer."
    assert structural_quote(quoted(holmen), source)
    assert structural_quote(quoted("Magma(2), 34-39.", "Litteraturliste"), source)
    assert structural_quote(quoted("Retrieved from Steinkjer: Gausdal, A. H. (2008)"), source)
    claim = quoted("Kommunene må bli playmakeren i slike sammenhenger.")
    assert not structural_quote(claim, source)
    assert structural_quotes([claim, quoted("4.1 Muligheter")], source) == 1.0
    assert structural_quotes([claim], source) == 0.0


def cited_in(text: str, fragment: str, section: str = "5 Fond") -> Citation:
    """A citation of a fragment of a one-document source text."""
    start = text.index(fragment)
    return Citation(
        marker=1, chunk_id="c", doc_id="doc", title="T", section=section, page="9",
        quote=fragment, start=start, end=start + len(fragment), score=0.9,
    )  # fmt: skip


def test_a_table_row_giving_a_figure_is_a_claim_not_a_title() -> None:
    text = (
        "Årlig ramme:\n\n- 2026: 2,2 millioner kroner\n\nNæringsfond og ramme\n\n"
        "- First-line advice at the Business Desk: NOK 9.9 million\n"
        "- Førstelinjetjeneste og veiledning i Kvernådalen Næringsservice: 10,3 millioner kroner\n"
    )
    source = {"doc": text}.__getitem__

    def at(fragment: str) -> Citation:
        return cited_in(text, fragment)

    assert not structural_quote(at("2026: 2,2 millioner kroner"), source)
    assert not structural_quote(
        at("First-line advice at the Business Desk: NOK 9.9 million"), source
    )
    long_label = "Førstelinjetjeneste og veiledning i Kvernådalen Næringsservice: 10,3 millioner"
    assert not structural_quote(at(long_label), source), "a long label names its item"
    assert structural_quote(at("Næringsfond og ramme"), source)


def test_an_item_of_a_sentence_enumerated_over_lines_is_a_claim_not_a_title() -> None:
    text = (
        "Vi tilrår at kommunane:\n"
        "harmoniserer fondsvedtektene, særleg kriteria for berekraft;\n"
        "Næringsfond og ramme\n"
    )
    source = {"doc": text}.__getitem__
    item = "harmoniserer fondsvedtektene, særleg kriteria for berekraft;"
    assert not structural_quote(cited_in(text, item, "8 Tilrådingar"), source)


def test_a_field_of_a_documents_heading_is_a_claim_not_a_title() -> None:
    text = "REFERAT\n\nSted: Sandvær rådhus\nReferent: Simen Arntzen, næringskonsulent\n"
    source = {"doc": text}.__getitem__
    fragment = "Referent: Simen Arntzen, næringskonsulent"
    assert not structural_quote(cited_in(text, fragment, ""), source)


def test_structural_quotes_apply_to_answers_except_to_source_questions() -> None:
    reply = answer("Frankrike vant [1].", citations=[citation(1, "c7", "Frankrike vant")])
    plain = score_item(UNANSWERABLE, reply, [P1], no_source)
    assert "answer.structural_quotes" in plain.metrics
    source_item = UNANSWERABLE.model_copy(update={"tags": ["type:source"]})
    assert "answer.structural_quotes" not in score_item(source_item, reply, [P1], no_source).metrics


def test_fewer_structural_quotes_is_better() -> None:
    from evals.configs import lower_is_better

    assert lower_is_better("answer.structural_quotes")
