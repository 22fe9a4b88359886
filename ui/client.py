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
from assistant.domain import Answer, AnswerMode, Message, SearchFilters
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
    mode: AnswerMode | None,
    filters: SearchFilters | None,
) -> Iterator[StreamEvent]:
    """The answer to the last message, step by step (`POST /chat/stream`)."""
    try:
        for event in client.stream_chat(messages, top_k, filters, mode):
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
    job: dict[str, Any] | None = None
    notice: str | None = None


FAILED = {"failed", "cancelled"}


def progress_text(job: dict[str, Any]) -> str:
    """An index job's progress in a few words: state, files done, the file at hand."""
    parts = [str(job.get("state", ""))]
    if job.get("files_total"):
        parts.append(f"{job.get('files_done', 0)}/{job['files_total']}")
    if job.get("current_file"):
        parts.append(str(job["current_file"]))
    return " · ".join(p for p in parts if p)


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
    """`POST /documents` with the admin key, then follow its index job until it ends."""
    http = httpx.Client(base_url=client.base_url, timeout=120.0, headers=_auth(admin_key))
    with http:
        try:
            response = http.post("/documents", files={"file": (filename, content)})
            if response.status_code in (404, 405):
                return UploadOutcome(supported=False, done=False)
            if response.status_code >= 400:
                return UploadOutcome(True, False, True, _detail(response))
            change = _json(response)
            notice = change.get("notice")
            job = change.get("job") or {}
            where = response.headers.get("location") or (
                f"/index/jobs/{job['id']}" if job.get("id") else None
            )
            deadline = time.monotonic() + timeout
            while where and time.monotonic() < deadline:
                state = job.get("state")
                if state == "done":
                    # A job that ran can still have failed on this very file: say why.
                    summary = job.get("summary") or {}
                    reasons = [str(f.get("reason")) for f in summary.get("failed", [])]
                    if reasons:
                        return UploadOutcome(True, False, True, "; ".join(reasons), job, notice)
                    return UploadOutcome(True, True, job=job, notice=notice)
                if state in FAILED:
                    detail = str(job.get("error") or state)
                    return UploadOutcome(True, False, True, detail, job, notice)
                on_progress(job)
                time.sleep(poll_seconds)
                polled = http.get(where)
                if polled.status_code >= 400:
                    return UploadOutcome(True, False, True, _detail(polled), job, notice)
                job = _json(polled)
        except httpx.HTTPError as error:
            raise ServiceDownError(client.base_url) from error
        if not where:
            return UploadOutcome(True, True, job=job or None, notice=notice)
        return UploadOutcome(True, False, True, progress_text(job), job, notice)


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
