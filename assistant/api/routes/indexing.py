"""`POST /index`: re-index inside the service, the process that owns the store."""

from __future__ import annotations

from fastapi import APIRouter

from assistant.api.deps import AssistantDep
from assistant.domain import IndexSummary
from assistant.schemas import IndexRequest

router = APIRouter(tags=["indexing"])


@router.post("/index", response_model=IndexSummary)
def reindex(request: IndexRequest, assistant: AssistantDep) -> IndexSummary:
    """Bring the index in line with the corpus folder and reload; returns the summary."""
    return assistant.index(request.paths, rebuild=request.rebuild)
