"""`GET /documents...` and `GET /references`; `POST /documents` and `DELETE /documents/{id}`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Response, UploadFile

from assistant.api.corpus import (
    check_content,
    check_writable,
    remove_document,
    safe_name,
    write_document,
)
from assistant.api.deps import AssistantDep, JobsDep
from assistant.api.problems import responses
from assistant.api.routes.indexing import accepted
from assistant.errors import IndexQueueFullError, RequestTooLargeError
from assistant.schemas import (
    DocumentChange,
    DocumentDetail,
    DocumentSummary,
    DocumentText,
    ReferencesResponse,
)
from indexing.catalogue import load_catalogue

router = APIRouter(tags=["documents"])


@router.get("/documents", response_model=list[DocumentSummary])
def list_documents(assistant: AssistantDep) -> list[DocumentSummary]:
    """The indexed documents."""
    return assistant.documents()


@router.post(
    "/documents",
    response_model=DocumentChange,
    status_code=202,
    responses=responses(401, 403, 409, 413, 422, 503),
)
def upload_document(
    file: Annotated[UploadFile, File(description="A PDF, Word (.docx), Markdown or text file.")],
    response: Response,
    assistant: AssistantDep,
    jobs: JobsDep,
    replace: Annotated[bool, Form(description="Replace a file of the same name.")] = False,
) -> DocumentChange:
    """Add a document to the corpus folder and queue its indexing (admin key needed)."""
    settings = assistant.settings
    name = safe_name(file.filename or "")
    limit = settings.api.max_upload_bytes
    data = file.file.read(limit + 1)
    if len(data) > limit:
        raise RequestTooLargeError(
            f"{name!r} is larger than {limit} bytes (api.max_upload_bytes): upload a smaller "
            "file, or raise the limit"
        )
    check_content(name, data)
    check_writable(settings)
    if not jobs.has_room():
        raise IndexQueueFullError(
            "the index queue is full (api.index_queue): upload again when GET "
            "/index/jobs/latest has finished"
        )
    path = write_document(settings.corpus.folder, name, data, replace)
    entry = load_catalogue(settings.catalogue_path).by_file(name)
    job = jobs.submit([path])
    return DocumentChange(
        file=name,
        doc_id=entry.id if entry else None,
        notice=None
        if entry
        else "not in catalogue.yaml: its id, title and year are guessed "
        "from the file name until an entry is added",
        job=accepted(response, job),
    )


@router.get("/documents/{doc_id}", response_model=DocumentDetail, responses=responses(404))
def get_document(doc_id: str, assistant: AssistantDep) -> DocumentDetail:
    """One document with its sections, pages and passage ids."""
    return assistant.document(doc_id)


@router.delete(
    "/documents/{doc_id}",
    response_model=DocumentChange,
    status_code=202,
    responses=responses(401, 403, 404, 409, 503),
)
def delete_document(
    doc_id: str, response: Response, assistant: AssistantDep, jobs: JobsDep
) -> DocumentChange:
    """Remove a document's file from the corpus folder and it from the index (admin key)."""
    settings = assistant.settings
    record = assistant.record(doc_id)
    check_writable(settings)
    if not jobs.has_room():
        raise IndexQueueFullError(
            "the index queue is full (api.index_queue): delete again when GET "
            "/index/jobs/latest has finished"
        )
    removed = remove_document(settings.corpus.folder, record.file)
    entry = load_catalogue(settings.catalogue_path).by_file(record.file)
    notes = [] if removed else [f"{record.file!r} was gone from the corpus folder already"]
    if entry is not None:
        notes.append(
            f"catalogue.yaml still has entry {entry.id!r} with file {record.file!r}; it is "
            "left as it is: remove it if the document is gone for good"
        )
    # An incremental run over the whole folder drops documents whose files are gone.
    job = jobs.submit(None)
    return DocumentChange(
        file=record.file,
        doc_id=doc_id,
        notice="; ".join(notes) or None,
        job=accepted(response, job),
    )


@router.get("/documents/{doc_id}/text", response_model=DocumentText, responses=responses(404))
def get_document_text(doc_id: str, assistant: AssistantDep) -> DocumentText:
    """The document's cleaned text: every quote and offset refers to it."""
    return DocumentText(doc_id=doc_id, text=assistant.record(doc_id).text)


@router.get("/references", response_model=ReferencesResponse)
def list_references(assistant: AssistantDep) -> ReferencesResponse:
    """Bibliography entries with their in-text citations and in-corpus status."""
    return assistant.references()
