"""A typed HTTP client of the service: the CLI, the evaluator and the UI talk through it."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

import httpx

from assistant.domain import Answer, IndexSummary, Message, Passage, SearchFilters
from assistant.errors import (
    IndexNotReadyError,
    InvalidRequestError,
    NotFoundError,
    PolicyAssistantError,
    StoreBusyError,
)
from assistant.schemas import DocumentDetail, DocumentSummary, DocumentText, ReferencesResponse

_BY_STATUS: dict[int, type[PolicyAssistantError]] = {
    404: NotFoundError,
    409: StoreBusyError,
    422: InvalidRequestError,
    503: IndexNotReadyError,
}


class ServiceClient:
    """Calls a running policy-assistant service."""

    def __init__(
        self, base_url: str, timeout: float = 120.0, transport: httpx.BaseTransport | None = None
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._http = httpx.Client(base_url=self.base_url, timeout=timeout, transport=transport)

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def __enter__(self) -> ServiceClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        try:
            response = self._http.request(method, path, json=body)
        except httpx.HTTPError as error:
            raise PolicyAssistantError(
                f"cannot reach the service at {self.base_url!r}: {error}; is "
                "`policy-assistant serve` running there?"
            ) from error
        if response.status_code >= 400:
            raise _error_from(response)
        return response.json()

    def ready(self) -> dict[str, Any]:
        """The service's readiness report (whatever its status code)."""
        response = self._http.get("/ready")
        return dict(response.json())

    def search(
        self,
        query: str,
        top_k: int = 5,
        filters: SearchFilters | None = None,
        mode: str | None = None,
    ) -> list[Passage]:
        """`POST /search`."""
        body = {"query": query, "top_k": top_k, "filters": _dump(filters), "mode": mode}
        return [Passage.model_validate(p) for p in self._call("POST", "/search", body)["results"]]

    def chat(
        self,
        messages: Sequence[Message],
        top_k: int = 5,
        filters: SearchFilters | None = None,
        mode: str | None = None,
        retrieval: str | None = None,
    ) -> Answer:
        """`POST /chat`."""
        body = {
            "messages": [m.model_dump() for m in messages],
            **_answer_options(top_k, filters, mode, retrieval),
        }
        return Answer.model_validate(self._call("POST", "/chat", body))

    def ask(
        self,
        question: str,
        top_k: int = 5,
        filters: SearchFilters | None = None,
        mode: str | None = None,
        retrieval: str | None = None,
    ) -> Answer:
        """`POST /ask`."""
        body = {"question": question, **_answer_options(top_k, filters, mode, retrieval)}
        return Answer.model_validate(self._call("POST", "/ask", body))

    def stream_chat(
        self, messages: Sequence[Message], top_k: int = 5, mode: str | None = None
    ) -> Iterator[dict[str, Any]]:
        """`POST /chat/stream`, as parsed events ``{"event": ..., "data": ...}``."""
        body = {"messages": [m.model_dump() for m in messages], "top_k": top_k, "mode": mode}
        with self._http.stream("POST", "/chat/stream", json=body) as response:
            if response.status_code >= 400:
                response.read()
                raise _error_from(response)
            yield from parse_sse(response.iter_lines())

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

    def index(self, paths: list[str] | None = None, rebuild: bool = False) -> IndexSummary:
        """`POST /index`: let the service re-index the corpus it owns."""
        body = {"paths": paths, "rebuild": rebuild}
        return IndexSummary.model_validate(self._call("POST", "/index", body))


def parse_sse(lines: Iterator[str]) -> Iterator[dict[str, Any]]:
    """Events of a server-sent event stream."""
    event, data = "message", list[str]()
    for line in lines:
        if not line:
            if data:
                yield {"event": event, "data": json.loads("\n".join(data))}
            event, data = "message", list[str]()
        elif line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:"):
            data.append(line[5:].strip())
    if data:
        yield {"event": event, "data": json.loads("\n".join(data))}


def _answer_options(
    top_k: int, filters: SearchFilters | None, mode: str | None, retrieval: str | None
) -> dict[str, Any]:
    return {"top_k": top_k, "filters": _dump(filters), "mode": mode, "retrieval": retrieval}


def _dump(filters: SearchFilters | None) -> dict[str, Any] | None:
    return filters.model_dump(exclude_none=True) if filters else None


def _error_from(response: httpx.Response) -> PolicyAssistantError:
    try:
        detail = str(response.json().get("detail"))
    except ValueError:
        detail = response.text[:500]
    error_type = _BY_STATUS.get(response.status_code, PolicyAssistantError)
    return error_type(detail)
