"""The errors of policy-assistant, one tree, each knowing its HTTP status.

    PolicyAssistantError              500  base of every error the product raises on purpose
    ├── ConfigurationError            500  a setting or the catalogue is wrong
    │   └── EmbedderMismatchError     409  the index was built by another embedder
    ├── InvalidRequestError           422  a request the service cannot take (empty question, ...)
    ├── NotFoundError                 404  unknown document id, ...
    ├── IndexNotReadyError            503  no index built yet
    ├── StoreBusyError                409  another process owns the embedded store
    ├── IndexQueueFullError           409  too many index jobs wait already
    ├── ReadOnlyStoreError            503  the store (or the corpus folder) cannot be written
    ├── AuthenticationError           401  a write without the right admin key
    │   └── WritesDisabledError       403  no admin key is set: writes over HTTP are off
    ├── RequestTooLargeError          413  a request body over its limit
    ├── RateLimitedError              429  a client asks faster than its rate limit
    ├── StoreUnavailableError         503  the Chroma server does not answer
    ├── DocumentLoadError             422  one file could not be read (reported, then skipped)
    ├── EmbedderError                 502  the embedding backend failed
    ├── LLMError                      502  the chat model failed or timed out
    ├── ServiceUnavailableError       503  the HTTP client cannot reach the service
    └── TestSetError                  422  an evaluation test set is malformed

Messages name the file, setting or id and say how to fix the problem. The API turns any of them
into an RFC 9457 problem+json response whose ``error`` member names the class, so the HTTP
client raises the same error the service did (:func:`error_class`).
"""

from __future__ import annotations


class PolicyAssistantError(Exception):
    """Base of every error policy-assistant raises on purpose."""

    status_code: int = 500
    title: str = "Internal error"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class ConfigurationError(PolicyAssistantError):
    """A setting, the catalogue or the environment is wrong."""

    status_code = 500
    title = "Configuration error"


class EmbedderMismatchError(ConfigurationError):
    """The collection was built by another embedder than the one configured."""

    status_code = 409
    title = "Index built by another embedder"


class InvalidRequestError(PolicyAssistantError):
    """The request cannot be served as given."""

    status_code = 422
    title = "Invalid request"


class NotFoundError(PolicyAssistantError):
    """Something named in the request does not exist."""

    status_code = 404
    title = "Not found"


class IndexNotReadyError(PolicyAssistantError):
    """No index has been built yet."""

    status_code = 503
    title = "Index not built"


class StoreBusyError(PolicyAssistantError):
    """Another process owns the embedded Chroma store."""

    status_code = 409
    title = "Store in use"


class IndexQueueFullError(PolicyAssistantError):
    """Index jobs are queued up to the limit."""

    status_code = 409
    title = "Index queue full"


class ReadOnlyStoreError(PolicyAssistantError):
    """The store or the corpus folder cannot be written; reading still works."""

    status_code = 503
    title = "Store is read-only"


class AuthenticationError(PolicyAssistantError):
    """A write came without the right admin key."""

    status_code = 401
    title = "Admin key required"


class WritesDisabledError(AuthenticationError):
    """No admin key is set, so the service takes no writes over HTTP."""

    status_code = 403
    title = "Writes over HTTP are off"


class RequestTooLargeError(PolicyAssistantError):
    """A request body is over its limit."""

    status_code = 413
    title = "Request too large"


class RateLimitedError(PolicyAssistantError):
    """A client asks faster than the rate limit allows."""

    status_code = 429
    title = "Too many requests"

    def __init__(self, detail: str, retry_after: float = 1.0) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class StoreUnavailableError(PolicyAssistantError):
    """The Chroma server holding the index does not answer."""

    status_code = 503


class DocumentLoadError(PolicyAssistantError):
    """One file could not be read; indexing reports it and goes on."""

    status_code = 422
    title = "Unreadable document"


class EmbedderError(PolicyAssistantError):
    """The embedding backend failed."""

    status_code = 502
    title = "Embedder failed"


class LLMError(PolicyAssistantError):
    """The chat model failed, timed out or answered nonsense."""

    status_code = 502
    title = "Language model failed"


class ServiceUnavailableError(PolicyAssistantError):
    """The HTTP client cannot reach the service, or the service broke off."""

    status_code = 503
    title = "Service unreachable"


class TestSetError(PolicyAssistantError):
    """An evaluation test set is malformed."""

    __test__ = False  # not a pytest test class
    status_code = 422
    title = "Invalid test set"


def error_class(name: str | None) -> type[PolicyAssistantError] | None:
    """The error class of this tree with this name, if any."""
    if not name:
        return None
    pending: list[type[PolicyAssistantError]] = [PolicyAssistantError]
    while pending:
        cls = pending.pop()
        if cls.__name__ == name:
            return cls
        pending.extend(cls.__subclasses__())
    return None
