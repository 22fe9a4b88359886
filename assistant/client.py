"""A typed HTTP client of the service: the CLI, the evaluator and the UI talk through it.

It implements the same :class:`~assistant.backend.Backend` protocol as the in-process
`Assistant`, and raises the same errors: the service names the error class in each problem+json
response, and the client raises that class (by status when the name is missing, e.g. from a
proxy). It imports only httpx and pydantic, so a command going through a running service
starts fast.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import httpx

from assistant.domain import (
    Answer,
    AnswerMode,
    IndexSummary,
    Message,
    Passage,
    RetrievalMode,
    SearchFilters,
)
from assistant.errors import (
    AuthenticationError,
    IndexNotReadyError,
    InvalidRequestError,
    NotFoundError,
    PolicyAssistantError,
    RateLimitedError,
    RequestTooLargeError,
    ServiceUnavailableError,
    WritesDisabledError,
    error_class,
)
from assistant.events import AnswerStreamEvent, from_wire
from assistant.schemas import (
    DocumentDetail,
    DocumentSummary,
    DocumentText,
    IndexJob,
    Readiness,
    ReferencesResponse,
    ServiceInfo,
)

_BY_STATUS: dict[int, type[PolicyAssistantError]] = {
    401: AuthenticationError,
    403: WritesDisabledError,
    404: NotFoundError,
    413: RequestTooLargeError,
    422: InvalidRequestError,
    429: RateLimitedError,
    503: IndexNotReadyError,
}
# A rate-limited call is retried when the service asks to wait no longer than this (seconds).
RETRY_WAIT = 10.0


class ServiceClient:
    """Calls a running policy-assistant service."""

    def __init__(
        self,
        base_url: str,
        timeout: float = 120.0,
        transport: httpx.BaseTransport | None = None,
        admin_key: str | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        headers = {"Authorization": f"Bearer {admin_key}"} if admin_key else None
        self._http = httpx.Client(
            base_url=self.base_url, timeout=timeout, transport=transport, headers=headers
        )

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def __enter__(self) -> ServiceClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _unreachable(self, error: httpx.HTTPError) -> ServiceUnavailableError:
        return ServiceUnavailableError(
            f"cannot reach the service at {self.base_url!r}: {error}; is "
            "`policy-assistant serve` running there?"
        )

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        for _ in range(3):
            try:
                response = self._http.request(method, path, json=body)
            except httpx.HTTPError as error:
                raise self._unreachable(error) from error
            wait = _retry_after(response)
            if wait is None or wait > RETRY_WAIT:
                break
            time.sleep(wait)  # rate-limited: wait as asked, then try again
        if response.status_code >= 400:
            raise error_from(response)
        return response.json()

    # -- the Backend protocol --

    def readiness(self) -> Readiness:
        """`GET /ready`: whether the service can answer (whatever the status code)."""
        try:
            response = self._http.get("/ready")
            return Readiness.model_validate(response.json())
        except httpx.HTTPError as error:
            raise self._unreachable(error) from error
        except ValueError as error:
            raise ServiceUnavailableError(
                f"{self.base_url!r} answered /ready with something that is not a readiness "
                f"report (HTTP {response.status_code}); is it a policy-assistant service?"
            ) from error

    def info(self) -> ServiceInfo:
        """`GET /info`: the answer modes the service offers."""
        return ServiceInfo.model_validate(self._call("GET", "/info"))

    def search(
        self,
        query: str,
        top_k: int | None = None,
        filters: SearchFilters | None = None,
        mode: RetrievalMode | None = None,
    ) -> list[Passage]:
        """`POST /search`."""
        body = {"query": query, "top_k": top_k, "filters": _dump(filters), "mode": mode}
        return [Passage.model_validate(p) for p in self._call("POST", "/search", body)["results"]]

    def ask(
        self,
        question: str,
        top_k: int | None = None,
        filters: SearchFilters | None = None,
        mode: AnswerMode | None = None,
        retrieval: RetrievalMode | None = None,
    ) -> Answer:
        """`POST /ask`."""
        body = {"question": question, **_answer_options(top_k, filters, mode, retrieval)}
        return Answer.model_validate(self._call("POST", "/ask", body))

    def chat(
        self,
        messages: Sequence[Message],
        top_k: int | None = None,
        filters: SearchFilters | None = None,
        mode: AnswerMode | None = None,
        retrieval: RetrievalMode | None = None,
    ) -> Answer:
        """`POST /chat`."""
        body = {
            "messages": [m.model_dump() for m in messages],
            **_answer_options(top_k, filters, mode, retrieval),
        }
        return Answer.model_validate(self._call("POST", "/chat", body))

    def stream_chat(
        self,
        messages: Sequence[Message],
        top_k: int | None = None,
        filters: SearchFilters | None = None,
        mode: AnswerMode | None = None,
        retrieval: RetrievalMode | None = None,
    ) -> Iterator[AnswerStreamEvent]:
        """`POST /chat/stream`, as typed events; a bad request raises before the first."""
        body = {
            "messages": [m.model_dump() for m in messages],
            **_answer_options(top_k, filters, mode, retrieval),
        }
        try:
            with self._http.stream("POST", "/chat/stream", json=body) as response:
                if response.status_code >= 400:
                    response.read()
                    raise error_from(response)
                yield from parse_sse(response.iter_lines())
        except httpx.HTTPError as error:
            raise self._unreachable(error) from error

    def documents(self) -> list[DocumentSummary]:
        """`GET /documents`."""
        return [DocumentSummary.model_validate(d) for d in self._call("GET", "/documents")]

    def document(self, doc_id: str) -> DocumentDetail:
        """`GET /documents/{doc_id}`."""
        return DocumentDetail.model_validate(self._call("GET", f"/documents/{doc_id}"))

    def document_text(self, doc_id: str) -> str:
        """`GET /documents/{doc_id}/text`: the text quotes are spans of."""
        return DocumentText.model_validate(self._call("GET", f"/documents/{doc_id}/text")).text

    def references(self) -> ReferencesResponse:
        """`GET /references`."""
        return ReferencesResponse.model_validate(self._call("GET", "/references"))

    def start_index(self, paths: Sequence[str] | None = None, rebuild: bool = False) -> IndexJob:
        """`POST /index`: queue an index job in the service (needs the admin key)."""
        body = {"paths": list(paths) if paths else None, "rebuild": rebuild}
        return IndexJob.model_validate(self._call("POST", "/index", body))

    def job(self, job_id: str) -> IndexJob:
        """`GET /index/jobs/{job_id}`."""
        return IndexJob.model_validate(self._call("GET", f"/index/jobs/{job_id}"))

    def index(
        self,
        paths: Sequence[str] | None = None,
        rebuild: bool = False,
        on_progress: Callable[[IndexJob], None] | None = None,
        poll: float = 0.5,
    ) -> IndexSummary:
        """Let the service re-index the corpus it owns, and wait for the job to finish."""
        job = self.start_index(paths, rebuild)
        while job.state in ("queued", "running"):
            if on_progress:
                on_progress(job)
            time.sleep(poll)
            job = self.job(job.id)
        if on_progress:
            on_progress(job)
        if job.state != "done" or job.summary is None:
            raise PolicyAssistantError(f"the index job {job.state}: {job.error}")
        return job.summary


def parse_sse(lines: Iterator[str]) -> Iterator[AnswerStreamEvent]:
    """The typed events of a server-sent event stream."""
    event, data = "message", list[str]()
    for line in lines:
        if not line:
            if data:
                yield from_wire(event, json.loads("\n".join(data)))
            event, data = "message", list[str]()
        elif line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:"):
            data.append(line[5:].strip())
    if data:
        yield from_wire(event, json.loads("\n".join(data)))


def _answer_options(
    top_k: int | None,
    filters: SearchFilters | None,
    mode: AnswerMode | None,
    retrieval: RetrievalMode | None,
) -> dict[str, Any]:
    return {"top_k": top_k, "filters": _dump(filters), "mode": mode, "retrieval": retrieval}


def _dump(filters: SearchFilters | None) -> dict[str, Any] | None:
    return filters.model_dump(exclude_none=True) if filters else None


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds a 429 asks the client to wait, or None when it is no 429."""
    if response.status_code != 429:
        return None
    try:
        return float(response.headers.get("retry-after", "1"))
    except ValueError:
        return None


def error_from(response: httpx.Response) -> PolicyAssistantError:
    """The error a problem+json response stands for: the class it names, else by status."""
    try:
        problem = response.json()
        detail, name = str(problem.get("detail")), problem.get("error")
    except (ValueError, AttributeError):
        detail, name = response.text[:500] or f"HTTP {response.status_code}", None
    error_type = error_class(name) or _BY_STATUS.get(response.status_code)
    if error_type is None:
        error_type = (
            ServiceUnavailableError if response.status_code >= 500 else PolicyAssistantError
        )
    if issubclass(error_type, RateLimitedError):
        return error_type(detail, _retry_after(response) or 1.0)
    return error_type(detail)
