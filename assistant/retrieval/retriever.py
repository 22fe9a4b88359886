"""Hybrid retrieval: dense search in Chroma and BM25, fused, de-duplicated, filtered."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from assistant.answering.constraints import asked_names, fold, measured_words
from assistant.answering.language import detect_language, share_words
from assistant.answering.titles import title_words
from assistant.domain import Chunk, RetrievalMode, SearchFilters
from assistant.retrieval.fusion import (
    Span,
    as_rank_scores,
    drop_overlapping,
    reciprocal_rank_fusion,
    with_stand_in_ranks,
    z_score_fusion,
)
from assistant.retrieval.glossary import glossary_words
from assistant.retrieval.lexical import LexicalIndex
from assistant.retrieval.scope import Scope, cover_lines, document_names, scope_of
from assistant.settings import RetrievalSettings
from indexing.store import StoreView

# Weight of the passages a kind of question favours, as a third ranking in fusion: enough to
# lift an answering passage ranked low by similarity (a topicless "What does the paper
# recommend?" is near nothing in particular) over the best unfavoured ones.
FAVOURED_WEIGHT = 1.0
# The support an answer needs from evidence in a language (the second) to a question in another
# (the first): `AnswerSettings.threshold`.
PairThreshold = Callable[[str, str | None], float]
# How much a candidate passage looks like an answer to the kind of question (0..1), given the
# best passage by similarity (which says what document and section the question is about).
Favour = Callable[[Chunk, Chunk], float]


@dataclass(frozen=True)
class ScoredChunk:
    """A retrieved chunk with its fused score and the scores behind it."""

    chunk: Chunk
    score: float
    dense: float | None = None
    lexical: float | None = None


class Retriever:
    """Finds passages for a query in the store and the lexical index."""

    def __init__(
        self,
        view: StoreView,
        lexical: LexicalIndex,
        settings: RetrievalSettings,
        pair_threshold: PairThreshold | None = None,
    ) -> None:
        self.view = view
        self.lexical = lexical
        self.settings = settings
        self.pair_threshold = pair_threshold if settings.language_pairs else None
        self._names: dict[str, set[str]] | None = None  # each document's names, for scopes
        self._titles: dict[str, str] | None = None  # and titles
        self._kinds: dict[str, str] | None = None  # and catalogue kinds
        self._languages: dict[str, str] | None = None  # and languages

    def retrieve(
        self,
        query: str,
        k: int,
        filters: SearchFilters | None = None,
        mode: RetrievalMode | None = None,
        query_vector: list[float] | None = None,
        bm25_weight: float | None = None,
        scope: Scope | Literal["find"] | None = "find",
        scope_vector: list[float] | None = None,
        favour: Favour | None = None,
        language: str | None = None,
    ) -> list[ScoredChunk]:
        """The k best passages for a query (`bm25_weight` overrides the fusion weight).

        `scope` is what `scope_of` gives for the query, when the caller has it already
        ("find": work it out here), and `scope_vector` its query embedded.

        In hybrid mode, the candidates that `favour` gives a weight above 0 (what answers to
        the kind of question look like, e.g. a concluding section's advice) form one more
        ranking, each counted with that weight (0..1).

        `language` is the question's (detected from the query when not given): dense hits
        are ranked by how far their similarity clears the support threshold of the pair of
        languages, since similarity across languages runs lower than within one.
        """
        mode = mode or self.settings.mode
        filters = filters or SearchFilters()
        weight = self.settings.bm25_weight if bm25_weight is None else bm25_weight
        chunks: dict[str, Chunk] = {}
        if language is None and (
            self.pair_threshold is not None or self.settings.cross_language_fusion
        ):
            language = detect_language(query)
        fused, dense, lexical = self._ranking(
            query, mode, filters, query_vector, weight, chunks, k, language
        )
        if scope == "find":
            scope = self.scope_of(query, filters, mode)
        if scope is not None:
            within = filters.model_copy(update={"doc_ids": list(scope.doc_ids)})
            scoped, _, _ = self._ranking(
                scope.query, mode, within, scope_vector, weight, chunks, k, language
            )
            fused = reciprocal_rank_fusion(
                [[cid for cid, _ in fused], [cid for cid, _ in scoped]],
                [1.0, self.settings.scope_weight],
                self.settings.scope_rrf_k,
            )
        if favour is not None and mode == "hybrid":
            fused = with_favoured(fused, chunks, favour, self.settings.rrf_k)
        ranked = [(cid, score) for cid, score in fused if cid in chunks]
        keep = drop_overlapping(
            [(cid, _span(chunks[cid])) for cid, _ in ranked], self.settings.dedup_overlap
        )
        scores = dict(ranked)
        return [
            ScoredChunk(
                chunk=chunks[cid],
                score=scores[cid],
                dense=dense.get(cid),
                lexical=lexical.get(cid),
            )
            for cid in keep[:k]
        ]

    def scope_of(
        self, query: str, filters: SearchFilters | None = None, mode: RetrievalMode | None = None
    ) -> Scope | None:
        """The documents the query names, when retrieval ranks within them too: hybrid
        search, scoping on, and no document filter already given."""
        filters = filters or SearchFilters()
        if (mode or self.settings.mode) != "hybrid" or self.settings.scope_weight <= 0:
            return None
        if filters.doc_ids:
            return None
        if self._names is None:  # built together, on the first scope
            records = self.view.records
            covers = {doc_id: cover_lines(self.view.text(doc_id)) for doc_id in records}
            self._names = {
                doc_id: document_names(record.entry, covers[doc_id])
                for doc_id, record in records.items()
            }
            # A document is named by its title as printed on its cover as well as by the
            # catalogue's ("Kunnskapsnotat om kommunen som innkjøper" for "Lokale
            # leverandører i offentlige anskaffelser").
            self._titles = {
                doc_id: "\n".join([record.entry.title, *covers[doc_id]])
                for doc_id, record in records.items()
            }
            self._kinds = {doc_id: record.entry.kind for doc_id, record in records.items()}
            self._languages = {doc_id: record.entry.language for doc_id, record in records.items()}
        scope = scope_of(query, self._names, self._titles, self._kinds, self._languages)
        if scope is None and self.settings.scope_by_text:
            scope = self._scope_by_text(query)
        return scope if scope is not None and scope.query else None

    def _scope_by_text(self, query: str) -> Scope | None:
        """The documents whose text holds a name the query uses, when they are few."""
        documents = len(self._names or ())
        most = documents // 3
        if most < 1:
            return None  # too few documents for a name to single some out
        named: dict[str, None] = {}
        for name in asked_names(query):
            found = self.lexical.documents_naming(name.text)
            if found and len(found) <= most:
                named.update(dict.fromkeys(sorted(found)))
        return Scope(doc_ids=tuple(named), query=query) if named else None

    def _terms_across_languages(self, query: str, language: str | None) -> list[str]:
        """The words, in every language, for the figures table's things and the glossary's
        terms the query names (none when `cross_language_terms` is off)."""
        if not self.settings.cross_language_terms:
            return []
        compounds = language != "en"
        folded = fold(query)
        return [
            *measured_words(query, language),
            *glossary_words(folded, compounds),
            *title_words(folded, compounds),
        ]

    def _lexical(
        self,
        query: str,
        added: str,
        pool: int,
        filters: SearchFilters,
        chunks: dict[str, Chunk],
        language: str | None,
    ) -> dict[str, float]:
        """BM25 scores of the query with the words added in every language, best first; in
        passages in the question's own language (which its words match already) the added
        words weigh `cross_language_terms_weight`. The hits' chunks are added to `chunks`."""
        full = dict(self.lexical.search(query, pool, filters, added=added))
        weight = self.settings.cross_language_terms_weight
        own: dict[str, float] = {}
        if added and weight < 1.0 and language is not None:
            own = dict(self.lexical.search(query, pool, filters, added, weight))
        chunks.update(self.view.chunks_by_id(cid for cid in {**full, **own} if cid not in chunks))
        if not own:
            return full
        asked_in = language

        def in_own_language(cid: str) -> bool:
            chunk = chunks.get(cid)
            other = (chunk.language if chunk else None) or asked_in
            return other == asked_in or {other, asked_in} <= {"nb", "nn"}

        scores = {cid: score for cid, score in full.items() if not in_own_language(cid)}
        scores.update({cid: score for cid, score in own.items() if in_own_language(cid)})
        return dict(sorted(scores.items(), key=lambda item: -item[1]))

    def _ranking(
        self,
        query: str,
        mode: RetrievalMode,
        filters: SearchFilters,
        query_vector: list[float] | None,
        bm25_weight: float,
        chunks: dict[str, Chunk],
        k: int,
        language: str | None = None,
    ) -> tuple[list[tuple[str, float]], dict[str, float], dict[str, float]]:
        """Ids and scores of one search, best first, with the dense and lexical scores behind
        them; the hits' chunks are added to `chunks`."""
        pool = max(self.settings.candidates, k)
        dense: dict[str, float] = {}
        clearing: dict[str, float] = {}  # similarity less the language pair's threshold
        lexical: dict[str, float] = {}
        if mode in ("dense", "hybrid"):
            vector = query_vector or self.view.embedder.embed_query(query)
            threshold = self.pair_threshold if language is not None else None
            # Ranked by the pair's threshold, a passage in another language may clear it by
            # more than passages closer by similarity: the search reaches deeper for it.
            depth = pool
            if threshold is not None:
                depth = round(pool * self.settings.dense_depth_across_languages)
            found = self.view.dense_search(vector, depth, filters.where())
            for chunk, similarity in found:
                chunks[chunk.id] = chunk
                dense[chunk.id] = similarity
                clearing[chunk.id] = similarity
                if threshold is not None and language is not None:
                    clearing[chunk.id] -= threshold(language, chunk.language)
            dense = dict(sorted(dense.items(), key=lambda item: -clearing[item[0]])[:pool])
            clearing = {cid: clearing[cid] for cid in dense}
        if mode in ("bm25", "hybrid"):
            # The lexical index filters by itself; its hits' chunks are fetched by id.
            # The things a question measures, named in every language, let BM25 match
            # passages in another language than the question's ("new jobs", "arbetstillfällen").
            words = self._terms_across_languages(query, language)
            lexical = self._lexical(query, " ".join(words), pool, filters, chunks, language)
            lexical = {cid: score for cid, score in lexical.items() if cid in chunks}
        if mode == "dense":
            return list(dense.items()), dense, lexical  # in the order ranked above
        if mode == "bm25":
            return sorted(lexical.items(), key=lambda item: -item[1]), dense, lexical
        stand_in: Callable[[str], bool] | None = None
        if self.settings.cross_language_fusion and language is not None and bm25_weight > 0:
            asked_in = language

            def stand_in(cid: str) -> bool:
                return not share_words(asked_in, chunks[cid].language or asked_in)

        weights = (self.settings.dense_weight, bm25_weight)
        rrf_k = self.settings.rrf_k
        by_rank: list[tuple[str, float]] = []
        if self.settings.fusion in ("ranks", "both"):
            by_rank = reciprocal_rank_fusion([list(dense), list(lexical)], weights, rrf_k)
            if stand_in is not None:
                by_rank = with_stand_in_ranks(
                    by_rank, list(dense), list(lexical), stand_in, bm25_weight, rrf_k
                )
            if self.settings.fusion == "ranks":
                return by_rank, dense, lexical
        ranking = z_score_fusion(clearing, lexical, weights, stand_in)
        if by_rank:
            # The two fusions' orders, fused by rank in their turn: where a passage leads by
            # far counts, and a lone large score does not carry it past every other sign.
            both = reciprocal_rank_fusion([ranking, [cid for cid, _ in by_rank]], k=rrf_k)
            ranking = [cid for cid, _ in both]
        return as_rank_scores(ranking, sum(weights), rrf_k), dense, lexical


def with_favoured(
    fused: Sequence[tuple[str, float]],
    chunks: Mapping[str, Chunk],
    favour: Favour,
    rrf_k: int,
) -> list[tuple[str, float]]:
    """A fused ranking with the favoured candidates, in its order, as one more ranking whose
    weight for each candidate is how much it is favoured (0..1) beside the best passage."""
    best = next((chunks[cid] for cid, _ in fused if cid in chunks), None)
    if best is None:
        return list(fused)
    strength = {cid: favour(chunks[cid], best) for cid, _ in fused if cid in chunks}
    favoured = [cid for cid, _ in fused if strength.get(cid, 0.0) > 0]
    bonus = {
        cid: FAVOURED_WEIGHT * strength[cid] / (rrf_k + rank)
        for rank, cid in enumerate(favoured, start=1)
    }
    rescored = [(cid, score + bonus.get(cid, 0.0)) for cid, score in fused]
    return sorted(rescored, key=lambda item: -item[1])  # stable: ties keep the fused order


def _span(chunk: Chunk) -> Span:
    return Span(chunk.doc_id, chunk.start, chunk.end)


class PolicyRetriever(BaseRetriever):
    """The hybrid retriever as a LangChain retriever (for chains and agents)."""

    retriever: Any
    k: int = 5
    filters: SearchFilters | None = None
    mode: RetrievalMode | None = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        hits = self.retriever.retrieve(query, self.k, self.filters, self.mode)
        return [
            Document(
                page_content=hit.chunk.text,
                id=hit.chunk.id,
                metadata={
                    "chunk_id": hit.chunk.id,
                    "doc_id": hit.chunk.doc_id,
                    "title": hit.chunk.title,
                    "section": hit.chunk.section,
                    "page": hit.chunk.page_start,
                    "score": hit.score,
                },
            )
            for hit in hits
        ]
