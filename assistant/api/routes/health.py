"""`GET /health`, `GET /ready` and `GET /info`."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from assistant.api.deps import AssistantDep, JobsDep
from assistant.schemas import Health, Readiness, ServiceInfo

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
def health(jobs: JobsDep) -> Health:
    """The process is alive (and which index job runs, how far it is)."""
    return Health(indexing=jobs.activity())


@router.get("/ready", response_model=Readiness, responses={503: {"model": Readiness}})
def ready(assistant: AssistantDep, jobs: JobsDep) -> JSONResponse:
    """The index is loaded and the embedder warm (503 until an index is built)."""
    readiness = assistant.readiness().model_copy(update={"indexing": jobs.activity()})
    return JSONResponse(
        readiness.model_dump(mode="json"), status_code=200 if readiness.ready else 503
    )


@router.get("/info", response_model=ServiceInfo)
def info(assistant: AssistantDep) -> ServiceInfo:
    """The answer modes this service offers (the LLM only when one is configured)."""
    settings = assistant.settings
    has_llm = assistant.chat_model is not None
    return ServiceInfo(
        answer_modes=["extractive", "llm"] if has_llm else ["extractive"],
        default_mode=settings.answer.mode if has_llm else "extractive",
        llm_model=settings.llm.model if has_llm else None,
        max_question_chars=settings.api.max_question_chars,
        default_top_k=settings.retrieval.top_k,
    )
