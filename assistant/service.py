"""The assistant: one object that owns the index and answers; the API and CLI call it.

It opens the store (and so owns an embedded one), keeps the lexical index in step with it,
and offers search, ask, chat and streaming chat, the document and reference listings, and
re-indexing in place. Every answer is built from passages retrieved for that very request.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from assistant.answering import extractive
from assistant.answering.citations import cite
from assistant.answering.language import (
    LLM_FALLBACK,
    NOT_COVERED,
    QUOTED_IN_NORWEGIAN,
    detect_language,
)
from assistant.conversation import rewrite
from assistant.domain import (
    Answer,
    Chunk,
    Citation,
    DocumentRecord,
    IndexSummary,
    Message,
    Passage,
    RetrievalMode,
    SearchFilters,
)
from assistant.errors import IndexNotReadyError, InvalidRequestError, LLMError, NotFoundError
from assistant.retrieval.bm25 import BM25Index
from assistant.retrieval.retriever import Retriever, ScoredChunk
from assistant.schemas import (
    DocumentDetail,
    DocumentSummary,
    ReferenceEntry,
    ReferencesResponse,
)
from assistant.settings import Settings
from indexing.embedders import make_embedder
from indexing.pipeline import index_corpus
from indexing.store import ChunkStore

logger = logging.getLogger(__name__)

AnswerMode = Literal["extractive", "llm"]
NOT_BUILT = (
    "the index is empty: build it with `policy-assistant index` (or `make run`), "
    "which reads the documents in the corpus folder"
)


@dataclass(frozen=True)
class IndexState:
    """What requests read: swapped whole when the index changes."""

    records: dict[str, DocumentRecord]
    retriever: Retriever
    lexical: BM25Index


def lexical_index_path(settings: Settings) -> Path:
    """Where the BM25 index of the configured collection is saved."""
    return settings.store.path / f"bm25-{settings.store.collection}.json"


def load_lexical_index(settings: Settings, store: ChunkStore, chunks: Sequence[Chunk]) -> BM25Index:
    """The saved BM25 index when it matches the store's generation, else a fresh one."""
    path = lexical_index_path(settings)
    saved = BM25Index.load(path)
    analyser = settings.retrieval.lexical_analyser
    if (
        saved is not None
        and saved.generation == store.generation
        and saved.analyser == analyser
        and len(saved.ids) == len(chunks)
    ):
        return saved
    index = BM25Index.build(
        [(c.id, c.text) for c in chunks], generation=store.generation, analyser=analyser
    )
    index.save(path)
    return index


class Assistant:
    """Answers questions over the indexed literature, with citations."""

    def __init__(self, settings: Settings, store: ChunkStore, chat_model: Any = None) -> None:
        self.settings = settings
        self.store = store
        self.chat_model = chat_model
        self._reindex_lock = threading.Lock()
        self._state = self._load_state()

    @classmethod
    def open(cls, settings: Settings, owner: dict[str, Any] | None = None) -> Assistant:
        """Open the configured store and load what answering needs."""
        embedder = make_embedder(settings.embedder)
        store = ChunkStore.open(settings, embedder, owner or {"command": "policy-assistant"})
        try:
            chat_model = None
            if settings.llm.base_url:
                from assistant.answering.llm import make_chat_model

                chat_model = make_chat_model(settings.llm)
            return cls(settings, store, chat_model)
        except BaseException:
            store.close()
            raise

    def close(self) -> None:
        """Release the store."""
        self.store.close()

    def _load_state(self) -> IndexState:
        chunks = self.store.all_chunks()
        lexical = load_lexical_index(self.settings, self.store, chunks)
        retriever = Retriever(
            self.store, lexical, {c.id: c for c in chunks}, self.settings.retrieval
        )
        return IndexState(self.store.records(), retriever, lexical)

    # -- state --

    @property
    def ready(self) -> bool:
        """True when there is an index to answer from."""
        return bool(self._state.records)

    def warm_up(self) -> None:
        """Load the embedding model before the first request."""
        self.store.embedder.warm_up()

    def _require_index(self) -> IndexState:
        state = self._state
        if not state.records:
            raise IndexNotReadyError(NOT_BUILT)
        return state

    def reindex(self, paths: list[Path] | None = None, rebuild: bool = False) -> IndexSummary:
        """Index the corpus in this process (which owns the store) and reload."""
        with self._reindex_lock:
            if rebuild:
                self.store.clear()
            summary = index_corpus(self.settings, self.store, paths, rebuild=rebuild)
            self._state = self._load_state()
            return summary

    # -- questions --

    def _check_question(self, question: str) -> str:
        question = question.strip()
        if not question:
            raise InvalidRequestError(
                "the question is empty: ask something, e.g. 'Hva er kommunens rolle som brobygger?'"
            )
        limit = self.settings.api.max_question_chars
        if len(question) > limit:
            raise InvalidRequestError(
                f"the question is {len(question)} characters long; the limit is {limit} "
                "(api.max_question_chars): shorten it or ask several questions"
            )
        return question

    def search(
        self,
        query: str,
        top_k: int | None = None,
        filters: SearchFilters | None = None,
        mode: RetrievalMode | None = None,
    ) -> list[Passage]:
        """Passages for a query, best first."""
        query = self._check_question(query)
        state = self._require_index()
        hits = state.retriever.retrieve(
            query,
            top_k or self.settings.retrieval.top_k,
            filters,
            mode,
            bm25_weight=self._bm25_weight(detect_language(query)),
        )
        return [self._passage(state, rank, hit) for rank, hit in enumerate(hits, start=1)]

    def _passage(self, state: IndexState, rank: int, hit: ScoredChunk) -> Passage:
        chunk = hit.chunk
        return Passage(
            rank=rank,
            chunk_id=chunk.id,
            doc_id=chunk.doc_id,
            title=chunk.title,
            authors=chunk.authors,
            year=chunk.year,
            section=chunk.section,
            page=chunk.page_start,
            page_end=chunk.page_end,
            text=chunk.text,
            score=round(hit.score, 6),
            start=chunk.start,
            end=chunk.end,
        )

    def chat(
        self,
        messages: Sequence[Message],
        top_k: int | None = None,
        filters: SearchFilters | None = None,
        mode: AnswerMode | None = None,
        retrieval: RetrievalMode | None = None,
    ) -> Answer:
        """Answer the last user message of a conversation."""
        events = list(self.stream_chat(messages, top_k, filters, mode, retrieval))
        final = events[-1]
        return Answer.model_validate(final["data"])

    def ask(
        self,
        question: str,
        top_k: int | None = None,
        filters: SearchFilters | None = None,
        mode: AnswerMode | None = None,
        retrieval: RetrievalMode | None = None,
        history: Sequence[Message] = (),
    ) -> Answer:
        """Answer one question (with earlier turns, if any)."""
        return self.chat(
            [*history, Message(role="user", content=question)], top_k, filters, mode, retrieval
        )

    def stream_chat(
        self,
        messages: Sequence[Message],
        top_k: int | None = None,
        filters: SearchFilters | None = None,
        mode: AnswerMode | None = None,
        retrieval: RetrievalMode | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Events of an answer: `start`, then `delta`s of text, then `answer` with everything."""
        began = time.perf_counter()
        timings: dict[str, float] = {}
        if not messages or messages[-1].role != "user":
            raise InvalidRequestError(
                "the conversation must end with a user message: add the question as the last "
                "message with role 'user'"
            )
        limit = self.settings.api.max_history_turns
        if len(messages) > limit:
            raise InvalidRequestError(
                f"the conversation has {len(messages)} messages; the limit is {limit} "
                "(api.max_history_turns): send only the latest turns"
            )
        question = self._check_question(messages[-1].content)
        state = self._require_index()
        mode = mode or self.settings.answer.mode
        if mode == "llm" and self.chat_model is None:
            raise InvalidRequestError(
                "mode 'llm' needs a language model: set POLICY_ASSISTANT_LLM__BASE_URL (and "
                "__MODEL) to an OpenAI-compatible endpoint, or ask with mode 'extractive'"
            )
        history = list(messages[:-1])
        language = detect_language(question)
        standalone = self._standalone(question, history, mode)
        yield {"event": "start", "data": {"standalone_question": standalone, "language": language}}

        top_k = top_k or self.settings.retrieval.top_k
        mark = time.perf_counter()
        query_vector = self.store.embedder.embed_query(standalone)
        timings["embed"] = _ms(mark)
        mark = time.perf_counter()
        hits = state.retriever.retrieve(
            standalone, top_k, filters, retrieval, query_vector, self._bm25_weight(language)
        )
        timings["retrieve"] = _ms(mark)
        passages = [self._passage(state, rank, hit) for rank, hit in enumerate(hits, start=1)]

        mark = time.perf_counter()
        sentences = self.store.sentences_within(
            [(h.chunk.doc_id, h.chunk.start, h.chunk.end) for h in hits]
        )
        candidates = extractive.score_candidates(
            [h.chunk for h in hits],
            [
                extractive.SentenceInput(s.doc_id, s.start, s.end, s.text, s.vector)
                for s in sentences
            ],
            query_vector,
            state.lexical.query_terms(standalone),
            state.lexical.query_terms,
            state.lexical.idf,
        )
        timings["select"] = _ms(mark)
        penalty = self.settings.answer.unknown_term_penalty if language in ("nb", "nn") else 0.0
        support = extractive.support(candidates, state.lexical.unknown_share(standalone), penalty)
        grounded = support >= self.settings.answer.threshold(language)
        base: dict[str, Any] = {
            "standalone_question": standalone,
            "language": language,
            "support": round(support, 4) if candidates else None,
            "passages": [p.model_dump() for p in passages],
            "mode": mode,
        }

        def answer_event(**fields: Any) -> dict[str, Any]:
            timings["total"] = _ms(began)
            return {"event": "answer", "data": {**base, **fields, "timings_ms": timings}}

        if not grounded:
            text = NOT_COVERED[language]
            yield {"event": "delta", "data": {"text": text}}
            yield answer_event(answer=text, grounded=False, citations=[])
            return

        notice = QUOTED_IN_NORWEGIAN[language] or None
        if mode == "llm":
            from assistant.answering.llm import stream_llm_answer

            try:
                final: dict[str, Any] | None = None
                for event in stream_llm_answer(
                    self.chat_model,
                    self.settings.llm,
                    question,
                    standalone,
                    history,
                    hits,
                    state.records,
                    language,
                ):
                    if event["event"] == "delta":
                        yield event
                    else:
                        final = event["data"]
                assert final is not None
                yield answer_event(**final, grounded=True)
                return
            except LLMError as error:
                logger.warning("LLM failed, falling back to extractive: %s", error.detail)
                # Text already streamed from the model is void: tell the client to drop it.
                yield {"event": "reset", "data": {"reason": error.detail}}
                notice = LLM_FALLBACK[language].format(reason=error.detail)
                base["mode"] = "extractive"

        chosen = extractive.select_sentences(
            candidates, self.settings.answer.max_sentences, self.settings.answer.selection_margin
        )
        text, cited = extractive.compose(chosen)
        citations = [self._citation(state, marker, candidate) for marker, candidate in cited]
        for part in _sentences_of_answer(text):
            yield {"event": "delta", "data": {"text": part}}
        yield answer_event(
            answer=text,
            grounded=True,
            citations=[c.model_dump() for c in citations],
            notice=notice,
        )

    def _bm25_weight(self, language: str) -> float | None:
        """The fusion weight of BM25 for a question language (None: the configured one)."""
        return self.settings.retrieval.english_bm25_weight if language == "en" else None

    def _standalone(self, question: str, history: list[Message], mode: AnswerMode) -> str:
        if not history:
            return question
        if mode == "llm" and self.chat_model is not None:
            from assistant.answering.llm import rewrite_with_llm

            try:
                return rewrite_with_llm(self.chat_model, question, history)
            except LLMError as error:
                logger.warning("LLM rewrite failed, using rules: %s", error.detail)
        return rewrite(question, history)

    def _citation(
        self, state: IndexState, marker: int, candidate: extractive.Candidate
    ) -> Citation:
        record = state.records[candidate.chunk.doc_id]
        return cite(
            marker, candidate.chunk, record, candidate.start, candidate.end, candidate.score
        )

    # -- listings --

    def record(self, doc_id: str) -> DocumentRecord:
        """One indexed document's record."""
        record = self._state.records.get(doc_id)
        if record is None:
            known = ", ".join(sorted(self._state.records)) or "none"
            raise NotFoundError(f"no indexed document has id {doc_id!r}; indexed: {known}")
        return record

    def chunk_ids(self, doc_id: str) -> list[str]:
        """Ids of a document's chunks, in text order."""
        chunks = [c for c in self._state.retriever.chunks.values() if c.doc_id == doc_id]
        return [c.id for c in sorted(chunks, key=lambda c: c.start)]

    def document_text(self, doc_id: str) -> str:
        """A document's cleaned text, which quotes and offsets refer to."""
        return self.record(doc_id).text

    def documents(self) -> list[DocumentSummary]:
        """The indexed documents."""
        records = self._state.records
        return [summarise(r, set(records)) for _, r in sorted(records.items())]

    def document(self, doc_id: str) -> DocumentDetail:
        """One indexed document with its sections and chunk ids."""
        record = self.record(doc_id)
        summary = summarise(record, set(self._state.records))
        return DocumentDetail(
            **summary.model_dump(),
            sections=record.sections,
            page_labels=record.page_labels,
            chunk_ids=self.chunk_ids(doc_id),
        )

    def references(self) -> ReferencesResponse:
        """The bibliographies of the indexed documents, linked."""
        return reference_entries(self._state.records)

    def readiness(self) -> dict[str, Any]:
        """Whether the service can answer, and what it holds."""
        state = self._state
        return {
            "ready": bool(state.records),
            "documents": len(state.records),
            "chunks": len(state.retriever.chunks),
            "embedder": self.store.embedder.fingerprint,
            "detail": None if state.records else NOT_BUILT,
        }


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 2)


def _sentences_of_answer(text: str) -> list[str]:
    """The answer cut after each marker, the pieces a stream sends."""
    pieces: list[str] = []
    start = 0
    for match in re.finditer(r"\[\d+\][.!?]?\s*", text):
        pieces.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        pieces.append(text[start:])
    return pieces


def summarise(record: DocumentRecord, indexed: set[str]) -> DocumentSummary:
    """A document's listing entry."""
    entry = record.entry
    return DocumentSummary(
        id=entry.id,
        title=entry.title,
        authors=entry.authors,
        year=entry.year,
        kind=entry.kind,
        language=entry.language,
        file=record.file,
        url=entry.url,
        pages=record.page_count or (len(record.page_labels) or None),
        chunks=record.chunks,
        characters=record.characters,
        references=len(record.references),
        cited_works_in_corpus=sorted(
            {r.catalogue_id for r in record.references if r.catalogue_id in indexed}
        ),
    )


def reference_entries(records: dict[str, DocumentRecord]) -> ReferencesResponse:
    """Every bibliography entry, with its citations and whether its full text is indexed."""
    indexed = set(records)
    entries: list[ReferenceEntry] = []
    for record in records.values():
        for reference in record.references:
            citations = [c for c in record.citations if reference.id in c.reference_ids]
            entries.append(
                ReferenceEntry(
                    **reference.model_dump(exclude={"in_corpus"}),
                    in_corpus=reference.catalogue_id in indexed,
                    citation_count=len(citations),
                    citations=citations,
                )
            )
    return ReferencesResponse(
        references=entries,
        missing_from_corpus=sorted({e.catalogue_id or e.id for e in entries if not e.in_corpus}),
    )
