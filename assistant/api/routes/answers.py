"""`POST /ask`, `POST /chat` and `POST /chat/stream`."""

from __future__ import annotations

from collections.abc import AsyncIterator, Generator

from fastapi import APIRouter
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from assistant.api.deps import AssistantDep
from assistant.api.problems import responses
from assistant.domain import Answer
from assistant.errors import PolicyAssistantError
from assistant.events import AnswerStreamEvent, ErrorEvent, to_sse
from assistant.schemas import AskRequest, ChatRequest

router = APIRouter(tags=["answers"])
ANSWER_ERRORS = (413, 422, 429, 502, 503)


@router.post("/ask", response_model=Answer, responses=responses(*ANSWER_ERRORS))
def ask(request: AskRequest, assistant: AssistantDep) -> Answer:
    """Answer one question with cited quotes, or say the literature does not cover it."""
    # An empty question reaches the assistant as blank, so its own error explains the problem.
    return assistant.ask(
        request.question or " ",
        request.top_k,
        request.filters,
        request.mode,
        request.retrieval,
    )


@router.post("/chat", response_model=Answer, responses=responses(*ANSWER_ERRORS))
def chat(request: ChatRequest, assistant: AssistantDep) -> Answer:
    """Answer the last message of a conversation; follow-ups are made standalone first."""
    return assistant.chat(
        request.messages, request.top_k, request.filters, request.mode, request.retrieval
    )


@router.post(
    "/chat/stream",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/event-stream": {}}}, **responses(*ANSWER_ERRORS)},
)
def chat_stream(request: ChatRequest, assistant: AssistantDep) -> StreamingResponse:
    """Server-sent events: `start`, `delta`s of answer text, maybe `reset`, then `answer`.

    A bad request is refused with problem+json before the stream starts. When the client goes
    away the answer stops between two events: a language model's reply is no longer read (its
    connection is closed), the extractive steps left are not run.
    """
    events = assistant.stream_chat(
        request.messages, request.top_k, request.filters, request.mode, request.retrieval
    )

    async def body() -> AsyncIterator[str]:
        try:
            while True:
                event: AnswerStreamEvent | None = await run_in_threadpool(next, events, None)
                if event is None:
                    return
                yield to_sse(event)
        except PolicyAssistantError as error:
            yield to_sse(
                ErrorEvent(
                    title=error.title,
                    status=error.status_code,
                    detail=error.detail,
                    error=type(error).__name__,
                )
            )
        finally:
            # Reached on a disconnect too (the response is cancelled): stop the generator.
            if isinstance(events, Generator):
                events.close()

    return StreamingResponse(
        body(), media_type="text/event-stream", headers={"Cache-Control": "no-cache"}
    )
