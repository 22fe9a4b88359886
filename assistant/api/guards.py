"""ASGI middleware that turns requests away before any work is done for them.

Each guard answers with problem+json itself, before the app reads the body:

- `HostGuard`: the `Host` header must name an allowed host (against DNS rebinding);
- `AdminKeyGuard`: every request that can change state needs the admin key;
- `RateLimit`: a token bucket per client address on the answer endpoints;
- `BodyLimit`: a body over its limit is refused by its `Content-Length`, or cut off as it
  streams in when it has none (or lies).
"""

from __future__ import annotations

import hmac
import time
from collections.abc import Callable
from http import HTTPStatus

from pydantic import SecretStr
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.api.problems import error_response, problem
from assistant.errors import (
    AuthenticationError,
    PolicyAssistantError,
    RateLimitedError,
    WritesDisabledError,
)

# Endpoints that answer with POST but change nothing; every other POST, PUT, PATCH or DELETE
# is a write and needs the admin key, so a new write endpoint is guarded without a word.
ANSWER_PATHS = frozenset({"/search", "/ask", "/chat", "/chat/stream"})
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
KEY_HELP = (
    "set POLICY_ASSISTANT_API__ADMIN_KEY for the service and send the key as "
    "`Authorization: Bearer KEY` or `X-API-Key: KEY`"
)


def is_write(method: str, path: str) -> bool:
    """True when a request may change the index or the corpus folder."""
    return method not in READ_METHODS and path.rstrip("/") not in ANSWER_PATHS


def presented_key(headers: Headers) -> str | None:
    """The key a request carries, from `Authorization: Bearer` or `X-API-Key`."""
    scheme, _, token = headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return headers.get("x-api-key")


def check_admin_key(headers: Headers, key: SecretStr | None) -> None:
    """Raise unless the request carries the admin key (compared in constant time)."""
    if key is None or not key.get_secret_value():
        raise WritesDisabledError(
            "this service takes no writes over HTTP because it has no admin key: " + KEY_HELP
        )
    given = presented_key(headers)
    if given is None:
        raise AuthenticationError(f"this endpoint changes the index and needs the key: {KEY_HELP}")
    if not hmac.compare_digest(given.encode(), key.get_secret_value().encode()):
        raise AuthenticationError(
            "the admin key sent is wrong: send the value of POLICY_ASSISTANT_API__ADMIN_KEY"
        )


async def _refuse(error: PolicyAssistantError, scope: Scope, receive: Receive, send: Send) -> None:
    await error_response(error, scope.get("path"))(scope, receive, send)


class AdminKeyGuard:
    """Refuse writes without the admin key, before the body is read."""

    def __init__(self, app: ASGIApp, key: SecretStr | None) -> None:
        self.app = app
        self.key = key

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and is_write(scope["method"], scope["path"]):
            try:
                check_admin_key(Headers(scope=scope), self.key)
            except AuthenticationError as error:
                await _refuse(error, scope, receive, send)
                return
        await self.app(scope, receive, send)


class TokenBuckets:
    """A token bucket per client: `per_minute` requests a minute, bursts of as many."""

    MAX_CLIENTS = 10_000

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = float(per_minute)
        self.rate = per_minute / 60.0
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}

    def take(self, client: str) -> float:
        """Take a token: 0 when granted, else the seconds until one is available."""
        now = self.clock()
        tokens, then = self._buckets.get(client, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - then) * self.rate)
        if tokens < 1:
            self._buckets[client] = (tokens, now)
            return (1 - tokens) / self.rate
        self._buckets[client] = (tokens - 1, now)
        if len(self._buckets) > self.MAX_CLIENTS:
            self._forget_idle(now)
        return 0.0

    def _forget_idle(self, now: float) -> None:
        """Drop the buckets that have filled up again: they hold nothing to remember."""
        for client, (tokens, then) in list(self._buckets.items()):
            if tokens + (now - then) * self.rate >= self.capacity:
                del self._buckets[client]


class RateLimit:
    """429 with `Retry-After` when a client asks the answer endpoints too often."""

    def __init__(self, app: ASGIApp, per_minute: int) -> None:
        self.app = app
        self.per_minute = per_minute
        self.buckets = TokenBuckets(per_minute) if per_minute else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            self.buckets is not None
            and scope["type"] == "http"
            and scope["path"].rstrip("/") in ANSWER_PATHS
        ):
            client = scope.get("client")
            wait = self.buckets.take(client[0] if client else "unknown")
            if wait:
                error = RateLimitedError(
                    f"more than {self.per_minute} requests a minute from this address "
                    f"(api.rate_limit_per_minute): wait {wait:.1f} s and ask again",
                    retry_after=wait,
                )
                await _refuse(error, scope, receive, send)
                return
        await self.app(scope, receive, send)


class BodyTooLarge(HTTPException):
    """Raised from `receive` when a body streams past its limit."""

    def __init__(self, limit: int, setting: str) -> None:
        super().__init__(
            413,
            f"the request body is larger than {limit} bytes ({setting}): send less, "
            "or raise the limit",
        )


class BodyLimit:
    """413 for a body over its limit: by `Content-Length` at once, else as it streams in."""

    def __init__(
        self, app: ASGIApp, default: int, larger: dict[tuple[str, str], tuple[int, str]]
    ) -> None:
        self.app = app
        self.default = default
        self.larger = larger

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit, setting = self.larger.get(
            (scope["method"], scope["path"]), (self.default, "api.max_body_bytes")
        )
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            too_large = BodyTooLarge(limit, setting)
            await problem(413, "Content Too Large", too_large.detail, scope["path"])(
                scope, receive, send
            )
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit, setting)
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, watched_send)
        except BodyTooLarge as error:
            # Routes turn it into a problem themselves; this is for bodies read elsewhere.
            if started:
                raise
            await problem(413, HTTPStatus(413).phrase, error.detail, scope["path"])(
                scope, receive, send
            )


class HostGuard:
    """400 unless the `Host` header names an allowed host (`*` allows any)."""

    def __init__(self, app: ASGIApp, allowed: list[str]) -> None:
        self.app = app
        self.allowed = [name.lower() for name in allowed]

    def allows(self, host: str) -> bool:
        """True when the host (port and IPv6 brackets removed) is allowed."""
        if "*" in self.allowed:
            return True
        name = host_name(host)
        return any(
            name == pattern or (pattern.startswith("*.") and name.endswith(pattern[1:]))
            for pattern in self.allowed
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            host = Headers(scope=scope).get("host", "")
            if not self.allows(host):
                detail = (
                    f"this service does not answer to the host {host!r}: add it to "
                    "POLICY_ASSISTANT_API__ALLOWED_HOSTS when clients reach the service by "
                    "that name"
                )
                await problem(400, "Unknown host", detail, scope.get("path"))(scope, receive, send)
                return
        await self.app(scope, receive, send)


def host_name(host: str) -> str:
    """`example.org:8000` → `example.org`; `[::1]:8000` → `::1`."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    if host.count(":") == 1:
        return host.split(":", 1)[0]
    return host
