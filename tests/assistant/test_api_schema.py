"""Schemathesis over the OpenAPI schema: generated requests never get a 5xx or an answer
outside the schema. Bounded (a few examples per operation) so it runs in every `make test`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from assistant.api import create_app
from tests.assistant.test_api_writes import KEY, service_settings
from tests.helpers import ServerThread

EXAMPLES_PER_OPERATION = 15


@pytest.fixture(scope="module")
def fuzzed_url(paper_assistant: Any) -> Iterator[str]:
    """The paper's service without a rate limit, so every generated request is served."""
    base = paper_assistant.settings
    api = base.api.model_copy(update={"rate_limit_per_minute": 0})
    with ServerThread(create_app(base.model_copy(update={"api": api}), paper_assistant)) as server:
        yield server.url


def fuzz(
    url: str, headers: dict[str, str] | None = None, only: set[str] | None = None
) -> list[str]:
    """Run the operations of the service's schema (all, or `only` these); those fuzzed."""
    schema = schemathesis.openapi.from_url(f"{url}/openapi.json")
    fuzzed = []
    for result in schema.get_all_operations():
        operation = result.ok()
        name = f"{operation.method.upper()} {operation.path}"
        if only is not None and name not in only:
            continue

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def call(case: Any) -> None:
            # Rejecting schema-valid data is allowed: what a conversation must end with, or
            # that mode 'llm' needs a model, is not JSON Schema's to say (the 422 explains).
            case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])

        call()
        fuzzed.append(name)
    return fuzzed


def test_generated_requests_get_no_5xx_and_answers_that_match_the_schema(
    fuzzed_url: str,
) -> None:
    fuzzed = fuzz(fuzzed_url)
    assert {"POST /ask", "POST /chat/stream", "POST /index", "DELETE /documents/{doc_id}"} <= set(
        fuzzed
    )


def test_generated_writes_with_the_key_get_no_5xx_either(tmp_path: Path) -> None:
    # A small corpus of its own and the fake embedder: generated uploads, deletions and
    # rebuilds land in a temporary folder. Reads are fuzzed above, over the paper.
    settings = service_settings(tmp_path, index_queue=2)
    writes = {"POST /documents", "POST /index", "DELETE /documents/{doc_id}"}
    reads = {"GET /index/jobs/latest", "GET /index/jobs/{job_id}"}
    with ServerThread(create_app(settings)) as server:
        fuzzed = fuzz(server.url, {"Authorization": f"Bearer {KEY}"}, writes | reads)
    assert set(fuzzed) == writes | reads
