"""The assistant: one object that owns the index and answers; the API and CLI call it.

It opens the store (and so owns an embedded one), serves it through a `LiveIndex` (which keeps
the lexical index in step and re-indexes in place), and offers search, ask, chat and streaming
chat and the document and reference listings. Every answer is built from passages retrieved for
that very request.
"""

from __future__ import annotations

import logging
import math
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from assistant.answering import extractive
from assistant.answering.answer import extractive_answer, shape_of
from assistant.answering.citations import cite, document_reference
from assistant.answering.constraints import (
    Constraint,
    Naming,
    as_asked,
    asked_names,
    document_context,
    find_constraints,
    headed_sections,
    how_named,
    name_in,
    naming_by_entry,
    off_topic_for_the_asker,
    same_language,
    screen,
)
from assistant.answering.kinds import question_shape
from assistant.answering.language import (
    LLM_FALLBACK,
    NOT_COVERED,
    Language,
    detect_language,
    quoted_in,
)
from assistant.answering.selection import answers_the_document, favoured_passages
from assistant.answering.verification import quoted_sentences
from assistant.conversation import Rewrite, bounded_standalone, check_conversation
from assistant.domain import (
    Answer,
    AnswerMode,
    DocumentRecord,
    IndexSummary,
    Message,
    Passage,
    RetrievalMode,
    SearchFilters,
)
from assistant.errors import (
    InvalidRequestError,
    LLMError,
    NotFoundError,
    ReadOnlyStoreError,
)
from assistant.events import AnswerEvent, AnswerStreamEvent, DeltaEvent, ResetEvent, StartEvent
from assistant.live_index import NOT_BUILT, IndexProgress, IndexState, LiveIndex
from assistant.retrieval.fusion import quoted_first
from assistant.retrieval.glossary import country_forms, fold
from assistant.retrieval.retriever import Retriever, ScoredChunk
from assistant.retrieval.scope import Scope
from assistant.schemas import (
    DocumentDetail,
    DocumentSummary,
    Readiness,
    ReferencesResponse,
)
from assistant.settings import Settings
from indexing.embedders import make_embedder
from indexing.pipeline import Progress
from indexing.store import ChunkStore

logger = logging.getLogger(__name__)

# Answers kept of whether a document names a name only in a list (a few bytes each).
PARTS_KEPT = 4096


@dataclass
class Turn:
    """One question to answer: the request, checked, with its standalone form."""

    state: IndexState
    question: str
    history: list[Message]
    standalone: str
    language: Language
    mode: AnswerMode
    top_k: int
    filters: SearchFilters | None
    retrieval: RetrievalMode | None
    began: float
    timings: dict[str, float] = field(default_factory=dict)
    previous: str | None = None  # the previous turn's standalone question, for a follow-up
    # For a short question that may lean on the previous turn: it read with that turn's topic.
    leaning: str | None = None


@dataclass(frozen=True)
class Evidence:
    """What retrieval found for a turn, and whether it is strong enough to answer from."""

    hits: list[ScoredChunk]
    passages: list[Passage]
    candidates: list[extractive.Candidate]
    support: float
    grounded: bool
    # What the closest evidence is about instead of the year, period or name asked about.
    mismatch: str | None = None
    # The passages retrieved, best first: `hits` and, for a search, those ranked below them.
    ranked: list[ScoredChunk] = field(default_factory=list)
    # The extractive answer's text and the sentence each marker quotes, once selected.
    quotes: tuple[str, list[tuple[int, extractive.Candidate]]] | None = None


def names_its_own(question: str) -> bool:
    """Whether a question names a year, period, place, organisation or person itself: then
    another turn's sources, about what that turn named, do not answer it."""
    return any(c.kind != "number" for c in find_constraints(question))


def passage_of(rank: int, hit: ScoredChunk) -> Passage:
    """A retrieved chunk as the API shows it."""
    return Passage.of(hit.chunk, rank=rank, score=round(hit.score, 6))


def collect(stream: Generator[Any, None, Any]) -> Any:
    """Run a generator to its end and give its return value."""
    while True:
        try:
            next(stream)
        except StopIteration as done:
            return done.value


class Assistant:
    """Answers questions over the indexed literature, with citations."""

    def __init__(self, settings: Settings, store: ChunkStore, chat_model: Any = None) -> None:
        self.settings = settings
        self.store = store
        self.chat_model = chat_model
        self.live = LiveIndex(settings, store)
        # Whether a document names a name only in a list, by (index key, document, name):
        # reading a long report's text for it is kept off later questions.
        self._parts: OrderedDict[tuple[str, str, str, bool], Naming] = OrderedDict()
        self._parts_lock = threading.Lock()

    @classmethod
    def open(cls, settings: Settings, owner: dict[str, Any] | None = None) -> Assistant:
        """Open the configured store and load what answering needs."""
        embedder = make_embedder(settings.embedder)
        try:
            store = ChunkStore.open(settings, embedder, owner or {"command": "policy-assistant"})
        except ReadOnlyStoreError as error:
            # Searching and answering need no writes: serve the index, refuse re-indexing.
            logger.warning("%s", error.detail)
            store = ChunkStore.open(settings, embedder, read_only=True)
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

    # -- the index --

    def reload(self) -> bool:
        """Load the index again when another process changed it (a shared Chroma server)."""
        return self.live.reload()

    @property
    def retriever(self) -> Retriever:
        """The retriever of the index as loaded now (replaced whole on every re-index)."""
        return self.live.state.retriever

    @property
    def ready(self) -> bool:
        """True when there is an index to answer from."""
        return self.live.ready

    @property
    def progress(self) -> IndexProgress:
        """How far the index job running in this process is."""
        return self.live.progress

    def warm_up(self) -> None:
        """Load the embedding model before the first request."""
        self.store.embedder.warm_up()

    def index(self, paths: Sequence[str] | None = None, rebuild: bool = False) -> IndexSummary:
        """Bring the index in line with the corpus folder (or just these files of it)."""
        return self.reindex([Path(p) for p in paths] if paths else None, rebuild)

    def reindex(
        self,
        paths: list[Path] | None = None,
        rebuild: bool = False,
        progress: Progress | None = None,
    ) -> IndexSummary:
        """Index the corpus in this process (which owns the store) and reload; requests go on."""
        return self.live.reindex(paths, rebuild, progress)

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

    def _check_filters(self, state: IndexState, filters: SearchFilters | None) -> None:
        """Refuse a filter naming documents the index does not hold (it would match nothing)."""
        if filters is None or not filters.doc_ids:
            return
        unknown = [doc_id for doc_id in filters.doc_ids if doc_id not in state.records]
        if unknown:
            known = ", ".join(sorted(state.records)) or "none"
            raise InvalidRequestError(
                f"filters.doc_ids names documents that are not indexed: "
                f"{', '.join(map(repr, unknown))}; indexed: {known}"
            )

    def search(
        self,
        query: str,
        top_k: int | None = None,
        filters: SearchFilters | None = None,
        mode: RetrievalMode | None = None,
    ) -> list[Passage]:
        """Passages for a query, best first: in hybrid search, those an extractive answer to
        it quotes first (`retrieval.quoted_first`)."""
        query = self._check_question(query)
        depth = top_k or self.settings.retrieval.top_k
        if self._orders_by_quotes(mode):
            turn = self._prepare(
                [Message(role="user", content=query)], None, filters, "extractive", mode
            )
            evidence = self._evidence(turn, depth)
            hits = self._quoted_first(turn, evidence, evidence.ranked)[:depth]
        else:
            state = self.live.require()
            self._check_filters(state, filters)
            hits = state.retriever.retrieve(
                query,
                depth,
                filters,
                mode,
                favour=favoured_passages(question_shape(query), query),
            )
        return [passage_of(rank, hit) for rank, hit in enumerate(hits, start=1)]

    def _orders_by_quotes(self, mode: RetrievalMode | None) -> bool:
        """Whether passages are ranked with those an answer quotes first (hybrid search)."""
        retrieval = self.settings.retrieval
        return retrieval.quoted_first and (mode or retrieval.mode) == "hybrid"

    def _quoted_first(
        self, turn: Turn, evidence: Evidence, hits: Sequence[ScoredChunk]
    ) -> list[ScoredChunk]:
        """The hits with those an extractive answer from the evidence quotes first, best quote
        first; in their order when it does not support answering."""
        quoted: list[str] = []
        if evidence.grounded:
            _, cited = self._quotes(turn, evidence)
            quoted = [c.chunk.id for _, c in sorted(cited, key=lambda quote: -quote[1].score)]
        by_id = {hit.chunk.id: hit for hit in hits}
        return [by_id[cid] for cid in quoted_first(list(by_id), quoted)]

    def _quotes(
        self, turn: Turn, evidence: Evidence
    ) -> tuple[str, list[tuple[int, extractive.Candidate]]]:
        """The extractive answer's text and the sentence each of its markers quotes."""
        if evidence.quotes is not None:
            return evidence.quotes
        return extractive_answer(
            turn.standalone,
            evidence.candidates,
            turn.state.records,
            turn.language,
            self.settings.answer.max_sentences,
            self.settings.answer.selection_margin,
            shape_of(turn.question, turn.standalone),
            turn.state.view.text,
        )

    def _in_quoted_order(self, turn: Turn, evidence: Evidence) -> Evidence:
        """The evidence with the passages an answer quotes first, as search ranks them: the
        sources a model reads and the answer lists come in the same order."""
        if not self._orders_by_quotes(turn.retrieval) or not evidence.grounded:
            return evidence
        quotes = self._quotes(turn, evidence)  # kept: the extractive answer is these quotes
        evidence = replace(evidence, quotes=quotes)
        hits = self._quoted_first(turn, evidence, evidence.hits)
        return replace(
            evidence,
            hits=hits,
            passages=[passage_of(rank, hit) for rank, hit in enumerate(hits, start=1)],
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
        turn = self._prepare(messages, top_k, filters, mode, retrieval)
        turn, evidence = self._evidence_or_previous(turn)
        if not evidence.grounded:
            return self._refusal(turn, evidence)
        notice = None
        if turn.mode == "llm":
            try:
                return self._llm_answer(turn, evidence, collect(self._llm_stream(turn, evidence)))
            except LLMError as error:
                notice = self._llm_failed(turn, error)
        return self._extractive(turn, evidence, notice)

    def ask(
        self,
        question: str,
        top_k: int | None = None,
        filters: SearchFilters | None = None,
        mode: AnswerMode | None = None,
        retrieval: RetrievalMode | None = None,
    ) -> Answer:
        """Answer one question."""
        return self.chat([Message(role="user", content=question)], top_k, filters, mode, retrieval)

    def stream_chat(
        self,
        messages: Sequence[Message],
        top_k: int | None = None,
        filters: SearchFilters | None = None,
        mode: AnswerMode | None = None,
        retrieval: RetrievalMode | None = None,
    ) -> Iterator[AnswerStreamEvent]:
        """Events of an answer: `start`, `delta`s of text, maybe `reset`, then `answer`.

        The request is checked before the first event, so a bad request raises rather than
        starting a stream.
        """
        turn = self._prepare(messages, top_k, filters, mode, retrieval)
        return self._stream(turn)

    def _stream(self, turn: Turn) -> Iterator[AnswerStreamEvent]:
        yield StartEvent(standalone_question=turn.standalone, language=turn.language)
        turn, evidence = self._evidence_or_previous(turn)
        notice = None
        if evidence.grounded and turn.mode == "llm":
            try:
                final = yield from self._llm_stream(turn, evidence)
                yield AnswerEvent(answer=self._llm_answer(turn, evidence, final))
                return
            except LLMError as error:
                # Text already streamed from the model is void: tell the client to drop it.
                yield ResetEvent(reason=error.detail)
                notice = self._llm_failed(turn, error)
        answer = (
            self._extractive(turn, evidence, notice)
            if evidence.grounded
            else self._refusal(turn, evidence)
        )
        for part in _sentences_of_answer(answer.answer):
            yield DeltaEvent(text=part)
        yield AnswerEvent(answer=answer)

    # -- the steps of an answer --

    def _prepare(
        self,
        messages: Sequence[Message],
        top_k: int | None,
        filters: SearchFilters | None,
        mode: AnswerMode | None,
        retrieval: RetrievalMode | None,
    ) -> Turn:
        """Check the request and make the question standalone."""
        began = time.perf_counter()
        check_conversation(messages, self.settings.api)
        question = self._check_question(messages[-1].content)
        state = self.live.require()
        self._check_filters(state, filters)
        mode = mode or self.settings.answer.mode
        if mode == "llm" and self.chat_model is None:
            raise InvalidRequestError(
                "mode 'llm' needs a language model: set POLICY_ASSISTANT_LLM__BASE_URL (and "
                "__MODEL) to an OpenAI-compatible endpoint, or ask with mode 'extractive'"
            )
        history = list(messages[:-1])
        # Read with the library's spelling of its names ("alvbacka" is "Älvbacka"), before
        # and after the previous turn's words join it.
        question = state.spelling.restore(question)
        rewritten = self._standalone(question, history, mode)
        return Turn(
            state=state,
            question=question,
            history=history,
            standalone=state.spelling.restore(rewritten.question),
            previous=rewritten.previous if rewritten.follow_up else None,
            leaning=rewritten.leaning,
            language=detect_language(question),
            mode=mode,
            top_k=top_k or self.settings.retrieval.top_k,
            filters=filters,
            retrieval=retrieval,
            began=began,
        )

    def _evidence(self, turn: Turn, depth: int = 0) -> Evidence:
        """Retrieve passages, score their sentences, and decide whether they support answering.
        The answer reads the turn's `top_k` best; `depth` asks for more to be ranked
        (`Evidence.ranked`), as a search does."""
        state = turn.state
        mark = time.perf_counter()
        query_vector = self.store.embedder.embed_query(turn.standalone)
        # A question naming documents is also searched, within them, for what it asks.
        scope = state.retriever.scope_of(turn.standalone, turn.filters, turn.retrieval)
        scope_vector = None
        if scope is not None:  # a name found in the text stays in the query: no new vector
            scope_vector = (
                query_vector
                if scope.query == turn.standalone
                else self.store.embedder.embed_query(scope.query)
            )
        turn.timings["embed"] = _ms(mark)
        mark = time.perf_counter()
        reads = turn.top_k + self._more_across_languages(state, scope, turn.language)
        ranked = state.retriever.retrieve(
            turn.standalone,
            max(reads, depth),
            turn.filters,
            turn.retrieval,
            query_vector=query_vector,
            scope=scope,
            scope_vector=scope_vector,
            favour=favoured_passages(shape_of(turn.question, turn.standalone), turn.standalone),
            language=turn.language,
        )
        hits = ranked[:reads]
        turn.timings["retrieve"] = _ms(mark)
        mark = time.perf_counter()
        # Planted instructions (flagged at ingest) are never quoted.
        sentences = [
            s for s in state.view.sentences_of([h.chunk for h in hits]) if not s.instruction
        ]
        candidates = extractive.score_candidates(
            [h.chunk for h in hits],
            [
                extractive.SentenceInput(s.doc_id, s.start, s.end, s.text, s.vector)
                for s in sentences
            ],
            query_vector,
            state.lexical.query_terms(turn.standalone),
            state.lexical.query_terms,
            state.lexical.idf,
            content_vector=scope_vector if self.settings.answer.content_similarity else None,
            question=turn.standalone,
        )
        mismatch = None
        covering = candidates
        verified = False
        if self.settings.answer.check_constraints:
            # Only evidence about the year, period and names asked about may answer, and
            # only a sentence giving the figure asked for may answer a figure question.
            contexts, parts = self._contexts(state, hits, turn.standalone)
            screened = screen(
                turn.standalone, candidates, contexts, turn.language, parts, state.view.text
            )
            candidates, mismatch, covering = screened.kept, screened.statement, screened.covering
            verified = screened.verified
        turn.timings["select"] = _ms(mark)
        penalty = extractive.unknown_term_penalty(
            turn.language,
            state.lexical.unknown_share(turn.standalone),
            state.languages,
            self.settings.answer.unknown_term_penalty,
        )
        # Whether the literature covers the question is judged on all evidence within its
        # years and names; an answer also needs a sentence that says what was asked.
        judged = extractive.judged_claims(covering, turn.standalone)
        support = (
            extractive.support(judged, penalty) if extractive.quotable(candidates) else -math.inf
        )
        # Similarity across languages runs lower: the threshold is the language pair of the
        # sentence support is judged by.
        best = extractive.best_claim(judged)
        threshold = self.settings.answer.threshold(
            turn.language, best.chunk.language if best is not None else None
        )
        if verified:  # a sentence gives the figure asked within the year or period asked
            threshold -= self.settings.answer.verified_relief
        grounded = support >= threshold or answers_the_document(turn.standalone, candidates)
        if (
            grounded
            and shape_of(turn.question, turn.standalone).kind != "source"
            and off_topic_for_the_asker(
                turn.standalone,
                turn.language,
                [c for c in judged if c.claim],
                state.lexical.knows_word,
            )
        ):
            grounded = False  # "Hvordan søker jeg startlån?" answered by a plan's advice
        return Evidence(
            hits=hits,
            passages=[passage_of(rank, hit) for rank, hit in enumerate(hits, start=1)],
            candidates=candidates,
            support=support,
            grounded=grounded,
            mismatch=None if grounded else mismatch,
            ranked=ranked,
        )

    def _more_across_languages(
        self, state: IndexState, scope: Scope | None, language: Language
    ) -> int:
        """How many more passages an answer reads for a question naming one document written
        in another language than its own (`retrieval.more_across_languages`): within one
        document, similarity across languages ranks the passage that answers lower, among
        passages that are all about what was asked."""
        if scope is None or len(scope.doc_ids) != 1:
            return 0
        record = state.records.get(scope.doc_ids[0])
        written = record.entry.language if record is not None else None
        if written is None or same_language(language, written):
            return 0
        return self.settings.retrieval.more_across_languages

    def _contexts(
        self, state: IndexState, hits: Sequence[ScoredChunk], question: str
    ) -> tuple[dict[str, str], dict[str, dict[str, Naming]]]:
        """What names each retrieved document's passages: its title, authors and publisher,
        and those of the question's names that its text is about; and, by document, the
        names it gives only as a part (one of several in a list, as a member of a programme
        or a partner of a plan; or in passing, as a village in a section of its own), which a
        passage names itself where it is about them."""
        records = state.records
        doc_ids = [hit.chunk.doc_id for hit in hits if hit.chunk.doc_id in records]
        named: dict[str, list[str]] = {doc_id: [] for doc_id in doc_ids}
        parts: dict[str, dict[str, Naming]] = {doc_id: {} for doc_id in doc_ids}
        for name in asked_names(question):
            # A country is named by its name or adjective in the document's language.
            forms = [name.text, *country_forms(fold(name.text))]
            naming_docs = set().union(*(state.lexical.documents_with(f, doc_ids) for f in forms))
            # A name compounded in the text ("Interregprosjektet") is not a term of its own.
            naming_docs |= {
                doc_id
                for doc_id in dict.fromkeys(doc_ids)
                if doc_id not in naming_docs and name_in(name.text, state.view.text(doc_id))
            }
            for doc_id in [d for d in dict.fromkeys(doc_ids) if d in naming_docs]:
                entry = records[doc_id].entry
                naming = naming_by_entry(name, entry, question)
                if naming is None or naming.how == "listed":
                    naming = as_asked(self._how_named(state, doc_id, name, naming), question)
                if naming.how == "whole":
                    named[doc_id].append(name.text)
                else:
                    parts[doc_id][name.text] = naming
        contexts = {
            doc_id: document_context(records[doc_id].entry, named[doc_id]) for doc_id in named
        }
        return contexts, parts

    def _how_named(
        self, state: IndexState, doc_id: str, name: Constraint, listed: Naming | None = None
    ) -> Naming:
        """How the document's text names the name; for a name its title lists with others
        (`listed`, from its catalogue entry), that naming with the chapters headed by the name,
        which speak for it. Read once per index and name."""
        key = (state.view.key, doc_id, name.key[0], listed is not None)
        with self._parts_lock:
            known = self._parts.get(key)
        if known is None:
            passages = [(c.section_path, c.text) for c in state.view.chunks_of(doc_id)]
            known = (
                replace(listed, sections=headed_sections(name, passages))
                if listed is not None
                else how_named(name, state.view.text(doc_id), passages)
            )
            with self._parts_lock:
                self._parts[key] = known
                while len(self._parts) > PARTS_KEPT:
                    self._parts.popitem(last=False)
        return known

    def _evidence_or_previous(self, turn: Turn) -> tuple[Turn, Evidence]:
        """`_found_evidence`, its passages ranked as search ranks them."""
        turn, evidence = self._found_evidence(turn)
        return turn, self._in_quoted_order(turn, evidence)

    def _found_evidence(self, turn: Turn) -> tuple[Turn, Evidence]:
        """The turn's evidence; for a short question that may lean on the previous turn, and
        whose own search finds too little, its evidence read with that turn's topic; for a
        follow-up whose own search finds too little, the previous turn's sources (retrieved
        again with its standalone question)."""
        evidence = self._evidence(turn)
        # A follow-up about another year or place ("og i 2019?", "Och i Granvik?") is not
        # answered from the previous turn's sources, even when nothing was found for it.
        if evidence.grounded or evidence.mismatch:
            return turn, evidence
        if turn.leaning:
            leaning = replace(turn, standalone=turn.leaning, leaning=None)
            leaning_evidence = self._evidence(leaning)
            if leaning_evidence.grounded:
                return leaning, leaning_evidence
        if not turn.previous or names_its_own(turn.question):
            return turn, evidence
        earlier = replace(turn, standalone=turn.previous, previous=None)
        earlier_evidence = self._evidence(earlier)
        return (earlier, earlier_evidence) if earlier_evidence.grounded else (turn, evidence)

    def _answer(self, turn: Turn, evidence: Evidence, **fields: Any) -> Answer:
        turn.timings["total"] = _ms(turn.began)
        base: dict[str, Any] = {
            "standalone_question": turn.standalone,
            "language": turn.language,
            "support": round(evidence.support, 4) if evidence.candidates else None,
            "passages": evidence.passages,
            "mode": turn.mode,
            "timings_ms": turn.timings,
        }
        answer = Answer.model_validate({**base, **fields})
        for citation in answer.citations:
            citation.reference = document_reference(
                citation.authors, citation.year, citation.title, answer.language
            )
        return answer

    def _refusal(self, turn: Turn, evidence: Evidence) -> Answer:
        """The literature does not cover the question: say so (and, when the closest evidence
        is about another year, period or name, which), offer the closest passages."""
        text = NOT_COVERED[turn.language]
        if evidence.mismatch:
            text = f"{evidence.mismatch} {text}"
        return self._answer(turn, evidence, answer=text, grounded=False, citations=[])

    def _extractive(self, turn: Turn, evidence: Evidence, notice: str | None) -> Answer:
        """Quotes of the sentences that answer best, each with its citation."""
        text, cited = self._quotes(turn, evidence)
        records = self._records_of(turn.state, [c.chunk.doc_id for _, c in cited])
        citations = [
            cite(marker, c.chunk, records[c.chunk.doc_id], c.start, c.end, c.score)
            for marker, c in cited
        ]
        return self._answer(
            turn,
            evidence,
            mode="extractive",
            answer=text,
            grounded=True,
            citations=citations,
            notice=notice
            if notice is not None
            else quoted_in(turn.language, [c.chunk.language for _, c in cited]),
            sentences=quoted_sentences([(c.marker, c.quote) for c in citations]),
        )

    def _llm_stream(self, turn: Turn, evidence: Evidence) -> Generator[DeltaEvent, None, Any]:
        """Deltas of the model's checked answer; returns its citations and flags."""
        from assistant.answering.llm import stream_llm_answer

        final: dict[str, Any] | None = None
        for event in stream_llm_answer(
            self.chat_model,
            self.settings.llm,
            turn.question,
            turn.standalone,
            turn.history,
            evidence.hits,
            self._records_of(turn.state, [hit.chunk.doc_id for hit in evidence.hits]),
            turn.language,
        ):
            if event["event"] == "delta":
                yield DeltaEvent(text=event["data"]["text"])
            else:
                final = event["data"]
        assert final is not None
        return final

    def _records_of(self, state: IndexState, doc_ids: Sequence[str]) -> dict[str, DocumentRecord]:
        """The records, with their texts, of some documents of the state's index."""
        records = {}
        for doc_id in dict.fromkeys(doc_ids):
            record = state.view.full_record(doc_id)
            if record is not None:
                records[doc_id] = record
        return records

    def _llm_answer(self, turn: Turn, evidence: Evidence, final: dict[str, Any]) -> Answer:
        return self._answer(turn, evidence, **final, grounded=True)

    def _llm_failed(self, turn: Turn, error: LLMError) -> str:
        """The notice of an extractive answer given because the model failed."""
        logger.warning("LLM failed, falling back to extractive: %s", error.detail)
        return LLM_FALLBACK[turn.language].format(reason=error.detail)

    def _standalone(self, question: str, history: list[Message], mode: AnswerMode) -> Rewrite:
        if not history:
            return Rewrite(question)
        if mode == "llm" and self.chat_model is not None:
            from assistant.answering.llm import rewrite_with_llm

            try:
                standalone = rewrite_with_llm(self.chat_model, question, history)
                return Rewrite(standalone[: self.settings.api.max_query_chars])
            except LLMError as error:
                logger.warning("LLM rewrite failed, using rules: %s", error.detail)
        return bounded_standalone(question, history, self.settings.api)

    # -- listings --

    def record(self, doc_id: str) -> DocumentRecord:
        """One indexed document's record, with its text."""
        record = self.live.state.view.full_record(doc_id)
        if record is None:
            known = ", ".join(sorted(self.live.state.records)) or "none"
            raise NotFoundError(f"no indexed document has id {doc_id!r}; indexed: {known}")
        return record

    def chunk_ids(self, doc_id: str) -> list[str]:
        """Ids of a document's chunks, in text order."""
        self.record(doc_id)
        return self.live.state.view.chunk_ids(doc_id)

    def document_text(self, doc_id: str) -> str:
        """A document's cleaned text, which quotes and offsets refer to."""
        return self.record(doc_id).text

    def documents(self) -> list[DocumentSummary]:
        """The indexed documents."""
        return self.live.state.library.documents()

    def document(self, doc_id: str) -> DocumentDetail:
        """One indexed document with its sections and chunk ids."""
        record = self.record(doc_id)
        summary = self.live.state.library.summary(record.entry.id)
        return DocumentDetail(
            **summary.model_dump(),
            sections=record.sections,
            page_labels=record.page_labels,
            chunk_ids=self.chunk_ids(doc_id),
            instructions=record.instructions,
            hidden=record.hidden,
        )

    def references(self) -> ReferencesResponse:
        """The bibliographies of the indexed documents, linked."""
        return self.live.state.library.bibliography()

    def readiness(self) -> Readiness:
        """Whether the service can answer, and what it holds."""
        state = self.live.state
        return Readiness(
            ready=bool(state.records),
            documents=len(state.records),
            chunks=state.view.count(),
            embedder=self.store.embedder.fingerprint,
            detail=None if state.records else NOT_BUILT,
        )


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
