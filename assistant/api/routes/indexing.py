"""`POST /index`: re-index inside the service, the process that owns the store."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter

from assistant.api.deps import AssistantDep
from assistant.domain import IndexSummary
from assistant.schemas import IndexRequest

router = APIRouter(tags=["indexing"])


@router.post("/index", response_model=IndexSummary)
def reindex(request: IndexRequest, assistant: AssistantDep) -> IndexSummary:
    """Bring the index in line with the corpus folder and reload; returns the summary."""
    paths = [Path(p) for p in request.paths] if request.paths else None
    return assistant.reindex(paths, rebuild=request.rebuild)
