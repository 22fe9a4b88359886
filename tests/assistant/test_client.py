"""The HTTP client is thin: it needs httpx and pydantic, not the retriever or the store."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable

import httpx
import pytest

from assistant.client import ServiceClient
from assistant.domain import Message
from assistant.errors import (
    AuthenticationError,
    EmbedderMismatchError,
    IndexNotReadyError,
    IndexQueueFullError,
    LLMError,
    NotFoundError,
    PolicyAssistantError,
    RateLimitedError,
    RequestTooLargeError,
    ServiceUnavailableError,
    StoreBusyError,
    WritesDisabledError,
)
from assistant.events import AnswerEvent, DeltaEvent, ErrorEvent, StartEvent

HEAVY = ("chromadb", "langchain_core", "langchain_chroma", "langchain_text_splitters", "numpy")


def test_importing_the_client_loads_neither_chroma_nor_langchain() -> None:
    probe = (
        f"import sys, assistant.client; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == ""


# --- through a transport: errors, events, index -------------------------------------------

ANSWER = {
    "answer": "Kommunen er brobygger [1].",
    "grounded": True,
    "citations": [],
    "passages": [],
    "standalone_question": "Hva er en brobygger?",
    "mode": "extractive",
}


def client_for(handler: Callable[[httpx.Request], httpx.Response]) -> ServiceClient:
    return ServiceClient("http://service.test", transport=httpx.MockTransport(handler))


def problem(status: int, detail: str, error: str | None = None) -> httpx.Response:
    body = {"type": "about:blank", "title": "t", "status": status, "detail": detail}
    if error:
        body["error"] = error
    return httpx.Response(status, json=body, headers={"content-type": "application/problem+json"})


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        (problem(409, "built by another embedder", "EmbedderMismatchError"), EmbedderMismatchError),
        (problem(409, "in use by serve", "StoreBusyError"), StoreBusyError),
        (problem(502, "timed out", "LLMError"), LLMError),
        (problem(404, "no such document"), NotFoundError),
        (problem(503, "not built"), IndexNotReadyError),
        (httpx.Response(502, text="Bad Gateway"), ServiceUnavailableError),
        (httpx.Response(418, text="teapot"), PolicyAssistantError),
    ],
)
def test_errors_are_the_ones_the_service_raised(
    response: httpx.Response, expected: type[PolicyAssistantError]
) -> None:
    with client_for(lambda request: response) as client, pytest.raises(expected) as raised:
        client.search("brobygger")
    assert type(raised.value) is expected
    assert raised.value.detail


def test_an_unreachable_service_is_one_error_saying_what_to_do() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with client_for(refuse) as client:
        for call in (
            client.readiness,
            lambda: list(client.stream_chat([Message(role="user", content="Hva?")])),
            lambda: client.ask("Hva?"),
        ):
            with pytest.raises(ServiceUnavailableError, match="policy-assistant serve"):
                call()


def test_the_stream_arrives_as_typed_events() -> None:
    events = [
        ("start", {"standalone_question": "Hva er en brobygger?", "language": "nb"}),
        ("delta", {"text": "Kommunen er brobygger [1]."}),
        ("answer", ANSWER),
        ("error", {"title": "Language model failed", "status": 502, "detail": "x"}),
    ]
    body = "".join(
        f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n" for name, data in events
    )

    def stream(request: httpx.Request) -> httpx.Response:
        assert json.loads(request.content)["messages"][-1]["content"] == "Hva?"
        return httpx.Response(200, text=body, headers={"content-type": "text/event-stream"})

    with client_for(stream) as client:
        received = list(client.stream_chat([Message(role="user", content="Hva?")]))
    assert [type(e) for e in received] == [StartEvent, DeltaEvent, AnswerEvent, ErrorEvent]
    assert isinstance(received[2], AnswerEvent) and received[2].answer.grounded
    assert isinstance(received[1], DeltaEvent) and received[1].text == ANSWER["answer"]


def test_a_refused_stream_raises_before_any_event() -> None:
    refuse = client_for(lambda request: problem(422, "the question is empty"))
    with refuse as client, pytest.raises(PolicyAssistantError, match="empty"):
        next(iter(client.stream_chat([Message(role="user", content=" ")])))


def test_index_queues_a_job_with_the_key_and_follows_it_to_its_summary() -> None:
    job = {"id": "j1", "paths": ["a.pdf"], "rebuild": True, "queued_at": "2026-01-01T00:00:00Z"}
    polls = iter(
        [
            {**job, "state": "running", "files_done": 0, "files_total": 2},
            {**job, "state": "done", "files_done": 2, "files_total": 2,
             "summary": {"documents": 2, "indexed": ["a"], "generation": 7}},
        ]
    )  # fmt: skip

    def index(request: httpx.Request) -> httpx.Response:
        assert request.headers["authorization"] == "Bearer k3y"
        if request.method == "POST":
            assert request.url.path == "/index"
            assert json.loads(request.content) == {"paths": ["a.pdf"], "rebuild": True}
            return httpx.Response(202, json={**job, "state": "queued"})
        assert request.url.path == "/index/jobs/j1"
        return httpx.Response(200, json=next(polls))

    seen: list[str] = []
    transport = httpx.MockTransport(index)
    with ServiceClient("http://service.test", transport=transport, admin_key="k3y") as client:
        summary = client.index(["a.pdf"], True, lambda j: seen.append(j.state), poll=0)
    assert summary.indexed == ["a"] and summary.generation == 7 and summary.ok
    assert seen == ["queued", "running", "done"]


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        (problem(401, "needs the key", "AuthenticationError"), AuthenticationError),
        (problem(403, "writes are off", "WritesDisabledError"), WritesDisabledError),
        (problem(409, "queue full", "IndexQueueFullError"), IndexQueueFullError),
        (problem(413, "too large"), RequestTooLargeError),
        (problem(429, "slow down"), RateLimitedError),
    ],
)
def test_refused_writes_and_limits_raise_their_errors(
    response: httpx.Response, expected: type[PolicyAssistantError]
) -> None:
    response.headers["retry-after"] = "60"
    with client_for(lambda request: response) as client, pytest.raises(expected) as raised:
        client.start_index()
    assert type(raised.value) is expected
