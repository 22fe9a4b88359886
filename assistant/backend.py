"""What the CLI, the evaluator and the UI need of the assistant, wherever it runs.

The in-process :class:`~assistant.service.Assistant` and the HTTP
:class:`~assistant.client.ServiceClient` both implement it with the same signatures, so a caller
types against this protocol and works either way.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from assistant.domain import (
    Answer,
    AnswerMode,
    IndexSummary,
    Message,
    Passage,
    RetrievalMode,
    SearchFilters,
)
from assistant.events import AnswerStreamEvent
from assistant.schemas import DocumentDetail, DocumentSummary, Readiness, ReferencesResponse


class Backend(Protocol):
    """Answers, search, listings and re-indexing over the indexed literature."""

    def readiness(self) -> Readiness:
        """Whether there is an index to answer from, and what it holds."""
        ...

    def search(
        self,
        query: str,
        top_k: int | None = None,
        filters: SearchFilters | None = None,
        mode: RetrievalMode | None = None,
    ) -> list[Passage]:
        """Passages for a query, best first."""
        ...

    def ask(
        self,
        question: str,
        top_k: int | None = None,
        filters: SearchFilters | None = None,
        mode: AnswerMode | None = None,
        retrieval: RetrievalMode | None = None,
    ) -> Answer:
        """A cited answer to one question."""
        ...

    def chat(
        self,
        messages: Sequence[Message],
        top_k: int | None = None,
        filters: SearchFilters | None = None,
        mode: AnswerMode | None = None,
        retrieval: RetrievalMode | None = None,
    ) -> Answer:
        """A cited answer to the last user message of a conversation."""
        ...

    def stream_chat(
        self,
        messages: Sequence[Message],
        top_k: int | None = None,
        filters: SearchFilters | None = None,
        mode: AnswerMode | None = None,
        retrieval: RetrievalMode | None = None,
    ) -> Iterator[AnswerStreamEvent]:
        """The same answer as events: start, deltas, maybe a reset, then the answer."""
        ...

    def documents(self) -> list[DocumentSummary]:
        """The indexed documents."""
        ...

    def document(self, doc_id: str) -> DocumentDetail:
        """One indexed document with its sections and chunk ids."""
        ...

    def document_text(self, doc_id: str) -> str:
        """A document's cleaned text, which quotes and offsets refer to."""
        ...

    def references(self) -> ReferencesResponse:
        """The bibliographies of the indexed documents, linked."""
        ...

    def index(self, paths: Sequence[str] | None = None, rebuild: bool = False) -> IndexSummary:
        """Bring the index in line with the corpus folder (or just these files of it)."""
        ...
