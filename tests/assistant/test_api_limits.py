"""Bounded work per request, and requests turned away before any work: on the real app."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from assistant.api import create_app
from assistant.api.guards import TokenBuckets, host_name
from assistant.client import ServiceClient
from assistant.errors import RateLimitedError, RequestTooLargeError
from indexing.embedders import FakeEmbedder
from indexing.store import open_store
from tests.helpers import ROOT, ServerThread, free_port, make_settings

ROLES_QUESTION = "Hvilke roller får kommunen som entreprenør i framtida?"


@contextmanager
def paper_server(paper_assistant: Any, **api: Any) -> Iterator[httpx.Client]:
    """The paper's assistant served with other `api` settings."""
    base = paper_assistant.settings
    settings = base.model_copy(update={"api": base.api.model_copy(update=api)})
    with (
        ServerThread(create_app(settings, paper_assistant)) as server,
        httpx.Client(base_url=server.url, timeout=60) as client,
    ):
        yield client


def assert_problem(response: httpx.Response, status: int, needle: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status and needle in problem["detail"], problem
    return dict(problem)


# --- request bodies ---------------------------------------------------------------------------


def test_a_body_over_the_limit_is_413_by_its_length_or_as_it_streams_in(
    http: httpx.Client,
) -> None:
    query = "brobygger " * 120_000  # 1.2 MB, over api.max_body_bytes (1 MB)
    declared = http.post("/search", json={"query": query})
    assert_problem(declared, 413, "api.max_body_bytes")

    def chunks() -> Iterator[bytes]:  # no Content-Length: the body is counted as it comes
        yield b'{"query": "'
        for _ in range(40):
            yield b"brobygger " * 3000
        yield b'"}'

    streamed = http.post("/search", content=chunks(), headers={"Content-Type": "application/json"})
    assert "content-length" not in streamed.request.headers
    assert_problem(streamed, 413, "api.max_body_bytes")
    assert http.post("/search", json={"query": "brobygger"}).status_code == 200


def test_a_conversation_over_its_size_limits_is_refused(http: httpx.Client) -> None:
    long_answer = "Kommunen er en brobygger. " * 900  # 23,400 characters
    too_long = http.post(
        "/chat",
        json={
            "messages": [
                {"role": "user", "content": ROLES_QUESTION},
                {"role": "assistant", "content": long_answer},
                {"role": "user", "content": "Og den tredje?"},
            ]
        },
    )
    assert_problem(too_long, 422, "api.max_history_chars")
    long_question = http.post(
        "/chat",
        json={
            "messages": [
                {"role": "user", "content": "Hva er en brobygger? " * 150},
                {"role": "assistant", "content": "Se notatet."},
                {"role": "user", "content": "Og den tredje?"},
            ]
        },
    )
    assert_problem(long_question, 422, "api.max_question_chars")


def test_a_follow_up_embeds_a_bounded_text(http: httpx.Client) -> None:
    first = "Hva sier notatet om kommunen som brobygger mellom næringsliv og forvaltning? " * 24
    second = "og " + first[:1900]
    messages = [
        {"role": "user", "content": first[:1990]},
        {"role": "assistant", "content": "Kommunen er brobygger [1]."},
        {"role": "user", "content": second},
        {"role": "assistant", "content": "Kommunen er forhandler [1]."},
        {"role": "user", "content": "Og den tredje?"},
    ]
    answer = http.post("/chat", json={"messages": messages}).json()
    standalone = answer["standalone_question"]
    assert standalone.startswith("Og den tredje?")
    assert len(standalone) <= 2500, "api.max_query_chars bounds what is embedded"


# --- rate limit, hosts, CORS --------------------------------------------------------------


def test_answer_endpoints_are_rate_limited_per_client_with_retry_after(
    paper_assistant: Any,
) -> None:
    with paper_server(paper_assistant, rate_limit_per_minute=3) as client:
        answered = [client.post("/search", json={"query": "brobygger"}) for _ in range(3)]
        assert [r.status_code for r in answered] == [200, 200, 200]
        limited = client.post("/ask", json={"question": ROLES_QUESTION})
        assert_problem(limited, 429, "api.rate_limit_per_minute")
        assert 1 <= int(limited.headers["retry-after"]) <= 20
        assert client.get("/health").status_code == 200, "only answer endpoints are limited"
        assert client.get("/documents").status_code == 200


def test_token_buckets_refill_at_the_rate_and_forget_idle_clients() -> None:
    now = [0.0]
    buckets = TokenBuckets(per_minute=60, clock=lambda: now[0])
    assert [buckets.take("a") for _ in range(60)] == [0.0] * 60
    assert buckets.take("a") == pytest.approx(1.0)
    assert buckets.take("b") == 0.0, "each client has its own bucket"
    now[0] += 2.5
    assert buckets.take("a") == 0.0 and buckets.take("a") == 0.0
    assert buckets.take("a") > 0
    buckets.MAX_CLIENTS = 3
    now[0] += 120
    for client in ("c", "d", "e"):
        buckets.take(client)
    assert set(buckets._buckets) == {"c", "d", "e"}, "full buckets are forgotten"


def test_an_unknown_host_header_is_refused(http: httpx.Client) -> None:
    rebinding = http.get("/documents", headers={"Host": "attacker.example"})
    assert_problem(rebinding, 400, "POLICY_ASSISTANT_API__ALLOWED_HOSTS")
    port = http.base_url.port
    assert http.get("/health", headers={"Host": f"localhost:{port}"}).status_code == 200
    names = [host_name(h) for h in ("[::1]:8000", "LocalHost:80", "::1")]
    assert names == ["::1", "localhost", "::1"]


def test_cors_origins_come_from_the_settings(http: httpx.Client, paper_assistant: Any) -> None:
    preflight = {
        "Origin": "https://ui.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    }
    default = http.options("/ask", headers=preflight)
    assert "access-control-allow-origin" not in default.headers
    with paper_server(paper_assistant, cors_origins=["https://ui.example"]) as client:
        allowed = client.options("/ask", headers=preflight)
        assert allowed.headers["access-control-allow-origin"] == "https://ui.example"
        other = client.options("/ask", headers={**preflight, "Origin": "https://evil.example"})
        assert other.headers.get("access-control-allow-origin") != "https://evil.example"


# --- the smaller ones -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "raw"),
    [
        ("/search", '{"query": "brobygger \\ud800"}'),
        ("/ask", '{"question": "\\ud800"}'),
        ("/chat", '{"messages": [{"role": "user", "content": "hva \\udfff"}]}'),
        ("/search", '{"query": "brobygger", "filters": {"doc_ids": ["\\ud800"]}}'),
    ],
)
def test_a_lone_surrogate_is_a_422_not_a_500(http: httpx.Client, path: str, raw: str) -> None:
    response = http.post(path, content=raw, headers={"Content-Type": "application/json"})
    assert_problem(response, 422, "surrogate")


def test_405_says_which_methods_are_allowed(http: httpx.Client) -> None:
    response = http.get("/search")
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.headers["content-type"] == "application/problem+json"
    assert http.put("/ask", json={}).headers["allow"] == "POST"


@pytest.mark.parametrize("top_k", [True, "5", 5.5])
def test_top_k_is_a_strict_integer(http: httpx.Client, top_k: Any) -> None:
    response = http.post("/search", json={"query": "brobygger", "top_k": top_k})
    assert_problem(response, 422, "top_k")


def test_the_openapi_schema_admits_what_the_server_takes_and_lists_its_problems(
    http: httpx.Client,
) -> None:
    schema = http.get("/openapi.json").json()
    components = schema["components"]["schemas"]
    assert components["SearchRequest"]["properties"]["query"]["minLength"] == 1
    assert components["AskRequest"]["properties"]["question"]["minLength"] == 1
    expected = {
        ("post", "/index"): {"401", "403", "409", "413", "422", "503"},
        ("post", "/documents"): {"401", "403", "409", "413", "422", "503"},
        ("delete", "/documents/{doc_id}"): {"401", "403", "404", "409", "503"},
        ("get", "/documents/{doc_id}"): {"404"},
        ("post", "/ask"): {"413", "422", "429", "503"},
        ("post", "/chat/stream"): {"413", "422", "429", "503"},
        ("post", "/search"): {"413", "422", "429", "503"},
        ("get", "/index/jobs/{job_id}"): {"404"},
    }
    for (method, path), statuses in expected.items():
        responses = schema["paths"][path][method]["responses"]
        assert statuses <= set(responses), (method, path, sorted(responses))
        for status in statuses:
            content = responses[status]["content"]
            assert list(content) == ["application/problem+json"], (method, path, status)
            assert content["application/problem+json"]["schema"]["$ref"].endswith("/Problem")


# --- disconnects ------------------------------------------------------------------------------


class SlowModel(GenericFakeChatModel):
    """A chat model that streams its reply word by word, slowly, and notes how far it got."""

    pulled: Any = None  # list of the pieces read so far
    closed: Any = None  # threading.Event set when the stream is closed

    def _stream(self, messages: Any, stop: Any = None, run_manager: Any = None, **kwargs: Any):  # type: ignore[no-untyped-def]
        try:
            for chunk in super()._stream(messages, stop, run_manager, **kwargs):
                time.sleep(0.01)
                self.pulled.append(str(chunk.message.content))
                yield chunk
        finally:
            self.closed.set()


def test_a_stream_stops_generating_when_the_client_goes_away(
    assistant_with: Callable[..., Any], paper_settings: Any
) -> None:
    reply = "Kommunen skal være brobygger mellom næringsliv og forvaltning [1]. " * 150
    model = SlowModel(
        messages=iter([AIMessage(content=reply)]), pulled=[], closed=threading.Event()
    )
    assistant = assistant_with(chat_model=model)
    body = {"messages": [{"role": "user", "content": ROLES_QUESTION}], "mode": "llm"}
    with ServerThread(create_app(paper_settings, assistant)) as server:
        with (
            httpx.Client(base_url=server.url, timeout=60) as client,
            client.stream("POST", "/chat/stream", json=body) as response,
        ):
            assert response.status_code == 200
            for line in response.iter_lines():
                if line == "event: delta":
                    break
        assert model.closed.wait(10), "the model's stream was not closed after the disconnect"
        pulled = len(model.pulled)
        time.sleep(0.3)
        assert len(model.pulled) == pulled, "the model is still being read"
    words = len(reply.split())
    assert pulled < words, f"the whole reply was generated ({pulled} of ~{2 * words} pieces)"


# --- serve ------------------------------------------------------------------------------------


def test_a_second_serve_on_one_store_says_so_in_one_line(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "store", tmp_path, embedder={"backend": "fake"})
    environment = {
        **os.environ,
        "POLICY_ASSISTANT_STORE__PATH": str(settings.store.path),
        "POLICY_ASSISTANT_EMBEDDER__BACKEND": "fake",
    }
    with open_store(settings, FakeEmbedder(), {"command": "policy-assistant serve"}):
        second = subprocess.run(
            [sys.executable, "-m", "assistant", "serve", "--port", str(free_port())],
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
            cwd=ROOT,
        )
    assert second.returncode == 3
    lines = second.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("policy-assistant:"), second.stderr
    assert "serve" in lines[0] and "Traceback" not in second.stderr


def test_the_client_waits_out_a_short_rate_limit_and_names_a_long_one(
    paper_assistant: Any,
) -> None:
    with (
        paper_server(paper_assistant, rate_limit_per_minute=60) as http,
        ServiceClient(str(http.base_url)) as client,
    ):
        for _ in range(62):  # a burst of 60, then a second's wait each
            assert client.search("brobygger", top_k=1)
        with pytest.raises(RequestTooLargeError, match=r"api\.max_body_bytes"):
            client.search("brobygger " * 120_000)
    with (
        paper_server(paper_assistant, rate_limit_per_minute=1) as http,
        ServiceClient(str(http.base_url)) as client,
    ):
        client.search("brobygger", top_k=1)
        with pytest.raises(RateLimitedError, match="rate_limit_per_minute") as raised:
            client.search("brobygger", top_k=1)
        assert raised.value.retry_after > 10


@pytest.mark.parametrize("filters", [{"doc_ids": []}, {"kinds": []}])
def test_an_empty_filter_list_is_a_422_not_a_500(http: httpx.Client, filters: Any) -> None:
    response = http.post("/search", json={"query": "brobygger", "filters": filters})
    assert_problem(response, 422, "at least 1")
