"""`GET /documents`, `GET /documents/{doc_id}`, `GET /references`."""

from __future__ import annotations

from fastapi import APIRouter

from assistant.api.deps import AssistantDep
from assistant.schemas import DocumentDetail, DocumentSummary, DocumentText, ReferencesResponse

router = APIRouter(tags=["documents"])


@router.get("/documents", response_model=list[DocumentSummary])
def list_documents(assistant: AssistantDep) -> list[DocumentSummary]:
    """The indexed documents."""
    return assistant.documents()


@router.get("/documents/{doc_id}", response_model=DocumentDetail)
def get_document(doc_id: str, assistant: AssistantDep) -> DocumentDetail:
    """One document with its sections, pages and passage ids."""
    return assistant.document(doc_id)


@router.get("/documents/{doc_id}/text", response_model=DocumentText)
def get_document_text(doc_id: str, assistant: AssistantDep) -> DocumentText:
    """The document's cleaned text: every quote and offset refers to it."""
    return DocumentText(doc_id=doc_id, text=assistant.record(doc_id).text)


@router.get("/references", response_model=ReferencesResponse)
def list_references(assistant: AssistantDep) -> ReferencesResponse:
    """Bibliography entries with their in-text citations and in-corpus status."""
    return assistant.references()
