"""Request and response models of the public API (also used by the CLI's --json and evals)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.domain import (
    InTextCitation,
    Message,
    Passage,
    Reference,
    RetrievalMode,
    SearchFilters,
    Section,
)


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")

    top_k: int | None = Field(
        None, ge=1, le=20, description="Passages to retrieve (1–20); default retrieval.top_k."
    )
    filters: SearchFilters | None = Field(None, description="Restrict to documents, years, kinds.")


class SearchRequest(_Request):
    """`POST /search`."""

    query: str = Field(description="What to search for.")
    mode: RetrievalMode | None = Field(None, description="hybrid, dense or bm25.")


class SearchResponse(BaseModel):
    """Passages found, best first."""

    results: list[Passage]
    timings_ms: dict[str, float] = Field(default_factory=dict)


class AskRequest(_Request):
    """`POST /ask`."""

    question: str = Field(description="The question, in bokmål, nynorsk, English or Swedish.")
    mode: Literal["extractive", "llm"] | None = Field(
        None, description="Answerer; default from settings (answer.mode)."
    )
    retrieval: RetrievalMode | None = Field(None, description="Retriever; default hybrid.")


class ChatRequest(_Request):
    """`POST /chat` and `POST /chat/stream`."""

    messages: list[Message] = Field(
        min_length=1, description="The conversation so far, ending with the user's question."
    )
    mode: Literal["extractive", "llm"] | None = None
    retrieval: RetrievalMode | None = None


class DocumentSummary(BaseModel):
    """An indexed document, as `GET /documents` lists it."""

    id: str
    title: str
    authors: list[str]
    year: int | None
    kind: str
    language: str
    file: str
    url: str | None = None
    pages: int | None
    chunks: int
    characters: int
    references: int = Field(description="Entries in its bibliography.")
    cited_works_in_corpus: list[str] = Field(
        description="Ids of works it cites whose full text is indexed."
    )


class DocumentDetail(DocumentSummary):
    """One document with its structure and passages."""

    sections: list[Section]
    page_labels: list[str]
    chunk_ids: list[str]


class DocumentText(BaseModel):
    """A document's cleaned text, which citation offsets index."""

    doc_id: str
    text: str


class ReferenceEntry(Reference):
    """A bibliography entry with its in-text citations."""

    citation_count: int
    citations: list[InTextCitation] = Field(default_factory=list)


class ReferencesResponse(BaseModel):
    """The bibliographies of the indexed documents."""

    references: list[ReferenceEntry]
    missing_from_corpus: list[str] = Field(
        description="Ids of cited works whose full text is not indexed."
    )


class Health(BaseModel):
    """`GET /health`."""

    status: Literal["ok"] = "ok"


class Readiness(BaseModel):
    """`GET /ready`."""

    ready: bool
    documents: int
    chunks: int
    embedder: str
    detail: str | None = None


class ServiceInfo(BaseModel):
    """`GET /info`: what the service can do, for clients that offer choices."""

    answer_modes: list[Literal["extractive", "llm"]] = Field(
        description="Answerers this service can use; 'llm' only when a model is configured."
    )
    default_mode: Literal["extractive", "llm"] = Field(description="Answerer used by default.")
    llm_model: str | None = Field(None, description="The chat model's name, when there is one.")
    max_question_chars: int
    max_top_k: int = 20


class IndexRequest(BaseModel):
    """`POST /index`: re-index in the process that owns the store."""

    model_config = ConfigDict(extra="forbid")

    paths: list[str] | None = Field(None, description="Only these files (default: the corpus).")
    rebuild: bool = Field(False, description="Drop the index and build it anew.")
