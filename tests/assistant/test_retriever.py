"""Hybrid retrieval as a LangChain retriever, with filters."""

from __future__ import annotations

from typing import Any

from assistant.answering.kinds import question_shape
from assistant.answering.selection import favoured_passages, recommending_passage
from assistant.domain import Chunk, SearchFilters
from assistant.retrieval.lexical import LexicalIndex
from assistant.retrieval.retriever import PolicyRetriever, Retriever, ScoredChunk
from assistant.retrieval.scope import Scope
from assistant.settings import AnswerSettings, RetrievalSettings


def ranked(
    view: Any, settings: RetrievalSettings, question: str, k: int, language: str | None = None
) -> list[ScoredChunk]:
    """What a view's passages rank as for a question (the query vector [1.0], no scope),
    with BM25 over the same passages."""
    lexical = LexicalIndex.build([chunk for chunk, _ in view.hits])
    return Retriever(view, lexical, settings).retrieve(
        question, k, query_vector=[1.0], scope=None, language=language
    )


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


class TwoLanguageView:
    """A store view whose dense search gives fixed similarities: an English passage a little
    above a bokmål one."""

    def __init__(self) -> None:
        self.records: dict[str, Any] = {}
        self.hits = [
            (_chunk("en:0", "The pilot supported nine new firms.", "en"), 0.80),
            (_chunk("nb:0", "Fondet støttet ni nye bedrifter.", "nb"), 0.82),
        ]

    def dense_search(self, vector: list[float], k: int, where: Any = None) -> list[Any]:
        return sorted(self.hits, key=lambda hit: -hit[1])[:k]


def _chunk(chunk_id: str, text: str, language: str) -> Chunk:
    doc_id = chunk_id.split(":")[0]
    return Chunk(
        id=chunk_id, doc_id=doc_id, text=text, start=0, end=len(text), section_path=["1"],
        title=doc_id, language=language,
    )  # fmt: skip


def test_a_passage_in_another_language_is_ranked_by_the_threshold_of_the_pair() -> None:
    # Calibrated: a question over bokmål text needs 0.84 in bokmål and 0.79 in English.
    answer = AnswerSettings(min_support={"nb": 0.84, "en": 0.79})
    view: Any = TwoLanguageView()
    lexical = LexicalIndex.build([])
    pairs = Retriever(view, lexical, RetrievalSettings(mode="dense"), answer.threshold)
    hits = pairs.retrieve("Hvor mange bedrifter fikk støtte?", 2, query_vector=[1.0], language="nb")
    # English 0.80 clears its pair's 0.79; bokmål 0.82 falls short of 0.84.
    assert [h.chunk.id for h in hits] == ["en:0", "nb:0"]
    assert hits[0].dense == 0.80, "the similarity itself is kept"
    plain = Retriever(
        view, lexical, RetrievalSettings(mode="dense", language_pairs=False), answer.threshold
    )
    hits = plain.retrieve("Hvor mange bedrifter fikk støtte?", 2, query_vector=[1.0], language="nb")
    assert [h.chunk.id for h in hits] == ["nb:0", "en:0"]


def test_the_dense_search_reads_deeper_for_a_passage_clearing_its_pair_by_more() -> None:
    """Two bokmål passages are more similar than the English one, which clears its pair's
    lower threshold by more than either: read only as deep as `candidates`, it is never seen."""
    answer = AnswerSettings(min_support={"nb": 0.84, "en": 0.79})
    view: Any = TwoLanguageView()
    view.hits.append((_chunk("plan:0", "Fondet støttet bedrifter i kommunen.", "nb"), 0.81))
    lexical = LexicalIndex.build([])
    question = "Hvor mange bedrifter fikk støtte?"

    def first(depth: float) -> list[str]:
        settings = RetrievalSettings(mode="dense", candidates=2, dense_depth_across_languages=depth)
        retriever = Retriever(view, lexical, settings, answer.threshold)
        hits = retriever.retrieve(question, 2, query_vector=[1.0], language="nb")
        return [hit.chunk.id for hit in hits]

    assert first(1.0) == ["nb:0", "plan:0"]
    assert first(1.5) == ["en:0", "nb:0"]


class ThreeOfTwoLanguagesView(TwoLanguageView):
    """An English passage a little above two Swedish ones by similarity, and the fetch by id
    that hybrid search uses for its lexical hits."""

    def __init__(self) -> None:
        super().__init__()
        self.hits = [
            (_chunk("en:0", "The programme supported 37 new business start-ups.", "en"), 0.86),
            (_chunk("sv:0", "Många nya företag fick stöd av kommunen.", "sv"), 0.84),
            (_chunk("sv:1", "Företagen i kommunen fick stöd till rådgivning.", "sv"), 0.83),
        ]

    def chunks_by_id(self, ids: Any) -> dict[str, Chunk]:
        wanted = set(ids)
        return {chunk.id: chunk for chunk, _ in self.hits if chunk.id in wanted}


def test_a_passage_bm25_cannot_match_for_its_language_is_not_ranked_down_for_it() -> None:
    """A Swedish question shares words with Swedish passages only: the English passage that
    is closest in meaning keeps the lead its similarity gives it."""
    view: Any = ThreeOfTwoLanguagesView()
    question = "Hur många nya företag fick stöd?"
    # Without the words for businesses in English, which would let BM25 match it.
    settings = RetrievalSettings(language_pairs=False, cross_language_terms=False)
    hits = ranked(view, settings, question, 3, "sv")
    assert hits[0].chunk.id == "en:0"
    assert hits[0].lexical is None, "no BM25 score is made up"
    without = settings.model_copy(update={"cross_language_fusion": False})
    hits = ranked(view, without, question, 3, "sv")
    assert hits[0].chunk.id == "sv:0"


class EnglishAndBokmalView(ThreeOfTwoLanguagesView):
    def __init__(self) -> None:
        super().__init__()
        self.hits = [
            (_chunk("nb:0", "Programmet støttet 37 nye bedrifter.", "nb"), 0.86),
            (_chunk("en:0", "The pilot was run by the county authority.", "en"), 0.85),
            (_chunk("uk:0", "The pilot supported 37 new business start-ups.", "en"), 0.84),
        ]


def test_an_english_questions_words_count_in_english_passages_and_not_against_others() -> None:
    view: Any = EnglishAndBokmalView()
    question = "How many business start-ups did the pilot support?"
    hits = ranked(view, RetrievalSettings(language_pairs=False), question, 3)
    ids = [h.chunk.id for h in hits]
    assert ids.index("uk:0") < ids.index("en:0"), "the English passage sharing its words is lifted"
    assert ids.index("nb:0") < ids.index("en:0"), "the bokmål passage keeps its place by meaning"


class NamedDocumentView(ThreeOfTwoLanguagesView):
    """A plan's summary close to any question about the plan, and its fund section close
    only to the question without the plan's name (`query_vector` [2.0]), among six other
    passages of the plan."""

    def __init__(self) -> None:
        super().__init__()
        self.body = [
            (_chunk(f"plan:{n}", f"Innsatsområde {n} i planen.", "nb"), 0.80 - n / 100)
            for n in range(6)
        ]
        self.summary = (_chunk("plan:summary", "Sammendrag av næringsplanen.", "nb"), 0.85)
        self.fund = (_chunk("plan:fund", "Næringsfondet får 2,2 millioner i 2026.", "nb"), 0.70)
        self.hits = [self.summary, *self.body, self.fund]

    def dense_search(self, vector: list[float], k: int, where: Any = None) -> list[Any]:
        if vector == [2.0]:  # the question without the plan's name: nearest the fund
            return [(self.fund[0], 0.90), self.summary, *self.body][:k]
        return sorted(self.hits, key=lambda hit: -hit[1])[:k]


def test_within_a_named_document_its_own_ranking_orders_the_passages() -> None:
    """The question names the plan: the passage that the search within the plan puts first
    comes first, though the whole question, name and all, is nearest the plan's summary."""
    view: Any = NamedDocumentView()
    lexical = LexicalIndex.build([])
    scope = Scope(doc_ids=("plan",), query="Hvor mye får næringsfondet i 2026?")

    def first(settings: RetrievalSettings) -> str:
        hits = Retriever(view, lexical, settings).retrieve(
            "Hvor mye får næringsfondet i Vikfjord-planen i 2026?",
            5,
            query_vector=[1.0],
            bm25_weight=0.0,
            scope=scope,
            scope_vector=[2.0],
        )
        return hits[0].chunk.id

    assert first(RetrievalSettings(language_pairs=False)) == "plan:fund"
    flat = RetrievalSettings(language_pairs=False, scope_rrf_k=60)
    assert first(flat) == "plan:summary", "a flat fusion lets the summary's lead decide"


class SwedishTableView(ThreeOfTwoLanguagesView):
    def __init__(self) -> None:
        super().__init__()
        self.hits = [
            (_chunk("sv:0", "Förord. Programmet gav kommunerna en gemensam lots.", "sv"), 0.86),
            (_chunk("sv:1", "Rödmyra: 34 projekt, 52 nya arbetstillfällen.", "sv"), 0.80),
        ]


def test_what_an_english_question_counts_is_found_by_its_swedish_words() -> None:
    """BM25 finds the Swedish table row by the words for jobs in Swedish, which the English
    question never uses."""
    view: Any = SwedishTableView()
    question = "How many new jobs were created?"
    settings = RetrievalSettings(language_pairs=False, cross_language_fusion=False)
    hits = ranked(view, settings, question, 2, "en")
    assert hits[0].chunk.id == "sv:1"
    assert hits[0].lexical is not None
    without = settings.model_copy(update={"cross_language_terms": False})
    hits = ranked(view, without, question, 2, "en")
    assert hits[0].chunk.id == "sv:0"


class FundInTwoLanguagesView(ThreeOfTwoLanguagesView):
    """A fund's grants told in nynorsk and in English, the jobs asked about in nynorsk."""

    def __init__(self) -> None:
        super().__init__()
        self.hits = [
            (_chunk("nn:0", "Fondet gav stipend og støtte til gründarar, selskap og "
                    "bedrifter ved nyetablering.", "nn"), 0.84),
            (_chunk("en:0", "The fund gave grants to start-ups and companies.", "en"), 0.84),
            (_chunk("jobs:0", "Prosjekta har gjeve 47 nye arbeidsplassar.", "nn"), 0.83),
        ]  # fmt: skip


def test_the_words_added_for_other_languages_weigh_less_in_the_questions_own() -> None:
    """A bokmål question matches nynorsk text by its own words: the four-language words
    for the businesses and grants it names, added so that English text can match them,
    weigh half in the nynorsk passages, where they would let a fund's grants outweigh the
    jobs asked about, and in full in the English one."""
    view: Any = FundInTwoLanguagesView()
    question = "Hvor mange nye arbeidsplasser ga virksomhetene som fikk tilskudd fra fondet?"
    settings = RetrievalSettings(language_pairs=False)
    full = settings.model_copy(update={"cross_language_terms_weight": 1.0})
    weighed = {hit.chunk.id: hit.lexical for hit in ranked(view, settings, question, 3, "nb")}
    in_full = {hit.chunk.id: hit.lexical for hit in ranked(view, full, question, 3, "nb")}
    assert weighed["en:0"] == in_full["en:0"] and in_full["en:0"]
    assert weighed["nn:0"] < in_full["nn:0"] * 0.75
    assert weighed["jobs:0"] == in_full["jobs:0"], "the question's own words weigh in full"


class ForewordView(ThreeOfTwoLanguagesView):
    """A report's foreword, near every question about the report, a hair above the passage
    that holds the words asked about, among four passages on other things."""

    def __init__(self) -> None:
        super().__init__()
        self.hits = [
            (_chunk("r:foreword", "Forord. Rapporten evaluerer pilotkommunene langs kysten.", "nb"),
             0.871),
            (_chunk("r:background", "Bakgrunn. Pilotkommunene hadde i snitt 1,4 årsverk til "
                    "næringsutvikling, og årsverkene til næringsutvikling var få.", "nb"), 0.868),
            *[
                (_chunk(f"r:{n}", f"Kapittel {n} handler om reiseliv.", "nb"), 0.80 - n / 100)
                for n in range(4)
            ],
        ]  # fmt: skip


def test_a_passage_far_ahead_in_the_words_asked_about_leads_a_foreword_near_in_meaning() -> None:
    """By rank alone the foreword's lead by a hair in similarity weighs as much as the
    background's lead by far in the question's words; fused by score too, it does not."""
    view: Any = ForewordView()
    question = "Hvor mange årsverk til næringsutvikling hadde pilotkommunene?"
    plain = RetrievalSettings(language_pairs=False)
    assert ranked(view, plain, question, 3, "nb")[0].chunk.id == "r:background"
    by_score = plain.model_copy(update={"fusion": "scores"})
    assert ranked(view, by_score, question, 3, "nb")[0].chunk.id == "r:background"
    by_rank = plain.model_copy(update={"fusion": "ranks"})
    assert ranked(view, by_rank, question, 3, "nb")[0].chunk.id == "r:foreword"
