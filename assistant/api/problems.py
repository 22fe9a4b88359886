"""Errors as RFC 9457 problem details (`application/problem+json`), never a stack trace."""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.errors import PolicyAssistantError, RateLimitedError
from assistant.settings import APISettings

logger = logging.getLogger(__name__)
PROBLEM = "application/problem+json"

# What each error status means for a client, as the OpenAPI schema describes it.
MEANINGS: dict[int, str] = {
    400: "The Host header names a host the service does not answer to.",
    401: "The admin key is missing or wrong.",
    403: "No admin key is set: writes over HTTP are off.",
    404: "Nothing has that id.",
    405: "The path does not take this method (`Allow` lists those it takes).",
    409: "Busy: the index queue is full, or the store is owned or built otherwise.",
    413: "The request body is over its limit.",
    422: "The request cannot be served as given; `detail` says what to change.",
    429: "Too many requests from this client; retry after `Retry-After` seconds.",
    502: "The embedding backend or the language model failed.",
    503: "No index is built yet, or the store is read-only.",
}


class Problem(BaseModel):
    """An RFC 9457 problem: what went wrong and what to do about it."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str = Field(description="What is wrong and how to fix it.")
    instance: str | None = Field(None, description="The path of the request.")
    error: str | None = Field(None, description="The error class, as the HTTP client raises it.")


def problem(
    status: int,
    title: str,
    detail: str,
    instance: str | None = None,
    headers: Mapping[str, str] | None = None,
    error: str | None = None,
) -> JSONResponse:
    """A problem+json response; ``error`` names the error class (an extension member)."""
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status}
    body["detail"] = detail
    if instance:
        body["instance"] = instance
    if error:
        body["error"] = error
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


def error_response(error: PolicyAssistantError, instance: str | None = None) -> JSONResponse:
    """The problem+json response of one of the product's errors."""
    headers = None
    if error.status_code == 401:
        headers = {"WWW-Authenticate": 'Bearer realm="policy-assistant"'}
    if isinstance(error, RateLimitedError):
        headers = {"Retry-After": str(max(1, math.ceil(error.retry_after)))}
    return problem(
        error.status_code, error.title, error.detail, instance, headers, type(error).__name__
    )


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` of a route: problem+json for each status (see `install_openapi`)."""
    return {status: {"description": MEANINGS[status]} for status in statuses}


def _location(loc: tuple[object, ...]) -> str:
    parts = [str(part) for part in loc if part not in ("body", "query", "path")]
    return ".".join(parts) or "request"


def install(app: FastAPI, limits: APISettings | None = None) -> None:
    """Register the handlers that turn every error into problem+json."""

    @app.exception_handler(PolicyAssistantError)
    async def _known(request: Request, error: PolicyAssistantError) -> JSONResponse:
        return error_response(error, request.url.path)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        details = "; ".join(
            f"{_location(tuple(e.get('loc', ())))}: {e.get('msg', 'invalid')}"
            for e in error.errors()
        )
        return problem(422, "Invalid request", details, request.url.path)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> JSONResponse:
        # Keep the framework's headers: a 405 must say which methods the path takes (`Allow`).
        title = HTTPStatus(error.status_code).phrase
        return problem(error.status_code, title, str(error.detail), request.url.path, error.headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, error: Exception) -> JSONResponse:
        logger.exception("unexpected error on %s", request.url.path)
        return problem(
            500,
            "Internal error",
            "the service failed unexpectedly; the log has the details",
            request.url.path,
        )

    install_openapi(app, limits)


def _undescribed(response: dict[str, Any]) -> bool:
    """True for an error response with no model of its own (or FastAPI's validation one)."""
    schemas = [c.get("schema", {}) for c in response.get("content", {}).values()]
    refs = [s.get("$ref", "") for s in schemas]
    return not any(refs) or any(r.endswith("/HTTPValidationError") for r in refs)


def _state_limits(schemas: dict[str, Any], limits: APISettings) -> None:
    """Put the configured length limits in the schema, so it admits only what is served."""
    for model, field in (("SearchRequest", "query"), ("AskRequest", "question")):
        schemas[model]["properties"][field]["maxLength"] = limits.max_question_chars
    schemas["ChatRequest"]["properties"]["messages"]["maxItems"] = limits.max_history_turns


def install_openapi(app: FastAPI, limits: APISettings | None = None) -> None:
    """Describe every error response as problem+json in the OpenAPI schema."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title,
            version=app.version,
            summary=app.summary,
            routes=app.routes,
        )
        components = schema.setdefault("components", {})
        schemas = components.setdefault("schemas", {})
        schemas["Problem"] = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
        # FastAPI's validation errors are answered as problems, so their schemas are unused.
        schemas.pop("HTTPValidationError", None)
        schemas.pop("ValidationError", None)
        reference = {"schema": {"$ref": "#/components/schemas/Problem"}}
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                for status, response in operation.get("responses", {}).items():
                    if status.isdigit() and int(status) >= 400 and _undescribed(response):
                        response["content"] = {PROBLEM: reference}
                        if int(status) in MEANINGS:
                            response["description"] = MEANINGS[int(status)]
        if limits is not None:
            _state_limits(schemas, limits)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
