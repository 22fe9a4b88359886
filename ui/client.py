"""The app's only way to the service: the typed HTTP client, and the few calls it lacks.

The answer stream's wire events become `StreamEvent`s in `stream_answer` alone, so a change of
the client's event types touches one function.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import httpx

from assistant.client import ServiceClient
from assistant.domain import Answer, Message, SearchFilters
from assistant.errors import IndexNotReadyError, ServiceUnavailableError
from assistant.events import AnswerEvent, DeltaEvent, ErrorEvent, ResetEvent, StartEvent
from assistant.schemas import Readiness

EventKind = Literal["start", "delta", "reset", "answer", "error"]


class ServiceDownError(Exception):
    """The service cannot be reached at its URL."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


@dataclass(frozen=True)
class StreamEvent:
    """One step of a streamed answer, as the pages use it."""

    kind: EventKind
    text: str = ""
    standalone_question: str | None = None
    answer: Answer | None = None
    detail: str | None = None


def connect(url: str, timeout: float = 120.0) -> ServiceClient:
    """A client of the service at a URL."""
    return ServiceClient(url, timeout=timeout)


def check(client: ServiceClient) -> Readiness:
    """The service's readiness; raises when it is down or has no index."""
    readiness: Readiness = calling(client, client.readiness)
    if not readiness.ready:
        raise IndexNotReadyError(readiness.detail or "no index")
    return readiness


def calling(client: ServiceClient, call: Callable[[], Any]) -> Any:
    """Run one client call, turning an unreachable service into `ServiceDownError`."""
    try:
        return call()
    except (httpx.HTTPError, ServiceUnavailableError) as error:
        raise ServiceDownError(client.base_url) from error


def stream_answer(
    client: ServiceClient,
    messages: Sequence[Message],
    top_k: int,
    mode: str | None,
    filters: SearchFilters | None,
) -> Iterator[StreamEvent]:
    """The answer to the last message, step by step (`POST /chat/stream`)."""
    answer_mode = mode if mode in ("extractive", "llm") else None
    try:
        for event in client.stream_chat(messages, top_k, filters, answer_mode):  # type: ignore[arg-type]
            if isinstance(event, StartEvent):
                yield StreamEvent("start", standalone_question=event.standalone_question)
            elif isinstance(event, DeltaEvent):
                yield StreamEvent("delta", text=event.text)
            elif isinstance(event, ResetEvent):
                yield StreamEvent("reset", detail=event.reason)
            elif isinstance(event, AnswerEvent):
                yield StreamEvent("answer", answer=event.answer)
            elif isinstance(event, ErrorEvent):
                yield StreamEvent("error", detail=event.detail)
    except (httpx.HTTPError, ServiceUnavailableError) as error:
        raise ServiceDownError(client.base_url) from error


# --- adding documents (the service's admin endpoints) ---------------------------------------


@dataclass(frozen=True)
class UploadOutcome:
    """What became of an uploaded document."""

    supported: bool
    done: bool
    failed: bool = False
    detail: str = ""
    status: dict[str, Any] | None = None


FINISHED = {"done", "succeeded", "success", "completed", "finished", "indexed"}
FAILED = {"failed", "error", "errored"}


def accepts_uploads(client: ServiceClient) -> bool:
    """Whether the service offers `POST /documents` (its OpenAPI schema says so)."""
    try:
        response = httpx.get(f"{client.base_url}/openapi.json", timeout=30.0)
    except httpx.HTTPError as error:
        raise ServiceDownError(client.base_url) from error
    if response.status_code >= 400:
        return False
    paths = _json(response).get("paths", {})
    return "post" in paths.get("/documents", {})


def upload_document(
    client: ServiceClient,
    filename: str,
    content: bytes,
    admin_key: str,
    on_progress: Callable[[dict[str, Any]], None] = lambda _: None,
    poll_seconds: float = 0.5,
    timeout: float = 1800.0,
) -> UploadOutcome:
    """`POST /documents` with the admin key, then poll the index job until it ends."""
    http = httpx.Client(base_url=client.base_url, timeout=120.0, headers=_auth(admin_key))
    with http:
        try:
            response = http.post("/documents", files={"file": (filename, content)})
        except httpx.HTTPError as error:
            raise ServiceDownError(client.base_url) from error
        if response.status_code in (404, 405):
            return UploadOutcome(supported=False, done=False)
        if response.status_code >= 400:
            return UploadOutcome(True, False, True, _detail(response))
        status = _json(response)
        if response.status_code != 202:
            return UploadOutcome(True, True, status=status)
        where = response.headers.get("location") or status.get("status_url")
        deadline = time.monotonic() + timeout
        while where and time.monotonic() < deadline:
            state = str(status.get("status", "")).lower()
            if state in FINISHED:
                return UploadOutcome(True, True, status=status)
            if state in FAILED:
                return UploadOutcome(True, False, True, _job_detail(status), status)
            on_progress(status)
            time.sleep(poll_seconds)
            polled = http.get(where)
            if polled.status_code >= 400:
                return UploadOutcome(True, False, True, _detail(polled))
            status = _json(polled)
        return UploadOutcome(True, False, True, _job_detail(status), status)


def _auth(admin_key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {admin_key}"} if admin_key else {}


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        value = response.json()
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _detail(response: httpx.Response) -> str:
    return str(_json(response).get("detail") or f"HTTP {response.status_code}")


def _job_detail(status: dict[str, Any]) -> str:
    return str(status.get("detail") or status.get("error") or status.get("status") or "")
