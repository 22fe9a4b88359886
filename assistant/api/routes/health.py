"""`GET /health` and `GET /ready`."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from assistant.api.deps import AssistantDep
from assistant.schemas import Health, Readiness

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
def health() -> Health:
    """The process is alive."""
    return Health()


@router.get("/ready", response_model=Readiness, responses={503: {"model": Readiness}})
def ready(assistant: AssistantDep) -> JSONResponse:
    """The index is loaded and the embedder warm (503 until an index is built)."""
    readiness = assistant.readiness()
    return JSONResponse(readiness.model_dump(), status_code=200 if readiness.ready else 503)
