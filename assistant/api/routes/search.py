"""`POST /search`."""

from __future__ import annotations

import time

from fastapi import APIRouter

from assistant.api.deps import AssistantDep
from assistant.api.problems import responses
from assistant.schemas import SearchRequest, SearchResponse

router = APIRouter(tags=["search"])


@router.post("/search", response_model=SearchResponse, responses=responses(413, 422, 429, 502, 503))
def search(request: SearchRequest, assistant: AssistantDep) -> SearchResponse:
    """Passages for a query, best first (hybrid dense + BM25 by default)."""
    began = time.perf_counter()
    results = assistant.search(request.query, request.top_k, request.filters, request.mode)
    return SearchResponse(
        results=results, timings_ms={"total": round((time.perf_counter() - began) * 1000, 2)}
    )
