"""Request and response models of the public API (also used by the CLI's --json and evals)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assistant.domain import (
    HiddenText,
    IndexSummary,
    InTextCitation,
    Message,
    Passage,
    PlantedInstruction,
    Reference,
    RetrievalMode,
    SearchFilters,
    Section,
)

# In the schema only: the service's own check explains a blank question better than a pattern.
_NOT_BLANK: dict[str, Any] = {"pattern": "\\S"}
_SURROGATE = re.compile("[\ud800-\udfff]")


def _reject_surrogates(value: Any, where: str = "request") -> None:
    """Raise on a lone surrogate (`\\ud800`) anywhere: it is no text and cannot be encoded."""
    if isinstance(value, str) and _SURROGATE.search(value):
        raise ValueError(
            f"{where} holds a lone surrogate code point (such as \\ud800), which is not text: "
            "send valid Unicode"
        )
    if isinstance(value, dict):
        for key, item in value.items():
            _reject_surrogates(key, where)
            _reject_surrogates(item, f"{where}.{key}" if where != "request" else str(key))
    elif isinstance(value, list):
        for item in value:
            _reject_surrogates(item, where)


class _Strict(BaseModel):
    """A request body: unknown fields and text that is not Unicode are refused."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _only_text(cls, data: Any) -> Any:
        _reject_surrogates(data)
        return data


class _Request(_Strict):
    top_k: int | None = Field(
        None, ge=1, le=20, description="Passages to retrieve (1–20); default retrieval.top_k."
    )

    @field_validator("top_k", mode="before")
    @classmethod
    def _a_number(cls, value: Any) -> Any:
        # JSON Schema's integer admits 5.0 but neither true nor "5"; so does the service.
        if isinstance(value, bool | str):
            raise ValueError("top_k must be a whole number from 1 to 20, e.g. 5")
        return value

    filters: SearchFilters | None = Field(None, description="Restrict to documents, years, kinds.")


class SearchRequest(_Request):
    """`POST /search`."""

    query: str = Field(
        min_length=1, json_schema_extra=_NOT_BLANK, description="What to search for."
    )
    mode: RetrievalMode | None = Field(None, description="hybrid, dense or bm25.")


class SearchResponse(BaseModel):
    """Passages found, best first."""

    results: list[Passage]
    timings_ms: dict[str, float] = Field(default_factory=dict)


class AskRequest(_Request):
    """`POST /ask`."""

    question: str = Field(
        min_length=1,
        json_schema_extra=_NOT_BLANK,
        description="The question, in bokmål, nynorsk, English or Swedish.",
    )
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
    planted_instructions: int = Field(
        0,
        description="Sentences that give the reader or an assistant orders (never quoted "
        "as an answer).",
    )
    hidden_passages: int = Field(
        0, description="Passages of the file a reader cannot see (left out of the index)."
    )


class DocumentDetail(DocumentSummary):
    """One document with its structure and passages."""

    sections: list[Section]
    page_labels: list[str]
    chunk_ids: list[str]
    instructions: list[PlantedInstruction] = Field(
        default_factory=list,
        description="The sentences that give orders, never quoted as an answer.",
    )
    hidden: list[HiddenText] = Field(
        default_factory=list, description="The text a reader cannot see, left out of the index."
    )


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


class IndexActivity(BaseModel):
    """The index job running now, and how far it is."""

    job_id: str
    rebuild: bool
    files_done: int
    files_total: int | None = Field(description="Files this job looks at (known once it runs).")
    current_file: str | None
    waiting: int = Field(description="Jobs queued behind it.")


class Health(BaseModel):
    """`GET /health`."""

    status: Literal["ok"] = "ok"
    indexing: IndexActivity | None = Field(None, description="The index job running, if any.")


class Readiness(BaseModel):
    """`GET /ready`."""

    ready: bool
    documents: int
    chunks: int
    embedder: str
    detail: str | None = None
    indexing: IndexActivity | None = Field(None, description="The index job running, if any.")


class ServiceInfo(BaseModel):
    """`GET /info`: what the service can do, for clients that offer choices."""

    answer_modes: list[Literal["extractive", "llm"]] = Field(
        description="Answerers this service can use; 'llm' only when a model is configured."
    )
    default_mode: Literal["extractive", "llm"] = Field(description="Answerer used by default.")
    llm_model: str | None = Field(None, description="The chat model's name, when there is one.")
    max_question_chars: int
    default_top_k: int = Field(6, description="Passages an answer is drawn from by default.")
    max_top_k: int = 20


class IndexRequest(_Strict):
    """`POST /index`: re-index in the process that owns the store."""

    paths: list[str] | None = Field(
        None, description="Only these files of the corpus folder (default: the whole corpus)."
    )
    rebuild: bool = Field(False, strict=True, description="Drop the index and build it anew.")


JobState = Literal["queued", "running", "done", "failed", "cancelled"]


class IndexJob(BaseModel):
    """An index job: queued, running (with progress), then done (summary) or failed (error)."""

    id: str
    state: JobState
    paths: list[str] | None = Field(description="The files it indexes (null: the whole corpus).")
    rebuild: bool
    files_done: int = 0
    files_total: int | None = Field(None, description="Known once the job runs.")
    current_file: str | None = None
    summary: IndexSummary | None = Field(None, description="What the job did, once done.")
    error: str | None = Field(None, description="Why it failed, once failed or cancelled.")
    queued_at: datetime
    started_at: datetime | None = None
    finished_at: datetime | None = None


class DocumentChange(BaseModel):
    """An upload or a deletion: the file it concerns and the index job that follows it up."""

    file: str = Field(description="The file's name in the corpus folder.")
    doc_id: str | None = Field(None, description="The document's id, when it was indexed.")
    notice: str | None = Field(None, description="Something to know, e.g. a catalogue entry.")
    job: IndexJob
