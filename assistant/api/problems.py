"""Errors as RFC 9457 problem details (`application/problem+json`), never a stack trace."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.errors import PolicyAssistantError

logger = logging.getLogger(__name__)
PROBLEM = "application/problem+json"


def problem(
    status: int,
    title: str,
    detail: str,
    instance: str | None = None,
    error: str | None = None,
) -> JSONResponse:
    """A problem+json response; ``error`` names the error class (an extension member)."""
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
    if instance:
        body["instance"] = instance
    if error:
        body["error"] = error
    return JSONResponse(body, status_code=status, media_type=PROBLEM)


def _location(loc: tuple[object, ...]) -> str:
    parts = [str(part) for part in loc if part not in ("body", "query", "path")]
    return ".".join(parts) or "request"


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into problem+json."""

    @app.exception_handler(PolicyAssistantError)
    async def _known(request: Request, error: PolicyAssistantError) -> JSONResponse:
        return problem(
            error.status_code, error.title, error.detail, request.url.path, type(error).__name__
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        details = "; ".join(
            f"{_location(tuple(e.get('loc', ())))}: {e.get('msg', 'invalid')}"
            for e in error.errors()
        )
        return problem(422, "Invalid request", details, request.url.path)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, error: StarletteHTTPException) -> JSONResponse:
        return problem(error.status_code, "HTTP error", str(error.detail), request.url.path)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, error: Exception) -> JSONResponse:
        logger.exception("unexpected error on %s", request.url.path)
        return problem(
            500,
            "Internal error",
            "the service failed unexpectedly; the log has the details",
            request.url.path,
        )
