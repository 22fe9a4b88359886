"""The HTTP API, served for real over loopback, answering from the real working paper."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.helpers import PAPER_ID, ServerThread, make_settings

ROLES_QUESTION = "Hvilke roller får kommunen som entreprenør i framtida?"


def ask(http: httpx.Client, question: str, **options: Any) -> dict[str, Any]:
    response = http.post("/ask", json={"question": question, **options})
    assert response.status_code == 200, response.text
    return dict(response.json())


def assert_citations_are_literal_spans(http: httpx.Client, answer: dict[str, Any]) -> None:
    texts: dict[str, str] = {}
    retrieved = {p["chunk_id"] for p in answer["passages"]}
    for citation in answer["citations"]:
        doc_id = citation["doc_id"]
        if doc_id not in texts:
            texts[doc_id] = http.get(f"/documents/{doc_id}/text").json()["text"]
        assert texts[doc_id][citation["start"] : citation["end"]] == citation["quote"]
        assert citation["chunk_id"] in retrieved, (
            "a citation points outside this request's passages"
        )
        assert citation["page"], "every citation names its page"
        assert citation["section"], "every citation names its section"
        assert f"[{citation['marker']}]" in answer["answer"]


def test_an_answer_quotes_the_paper_with_page_and_section(http: httpx.Client) -> None:
    answer = ask(http, ROLES_QUESTION)
    assert answer["grounded"] is True
    assert answer["mode"] == "extractive"
    assert answer["citations"]
    assert_citations_are_literal_spans(http, answer)
    quoted = " ".join(c["quote"] for c in answer["citations"])
    assert "brobygger" in quoted
    markers = [int(m) for m in re.findall(r"\[(\d+)\]", answer["answer"])]
    assert sorted(set(markers)) == [c["marker"] for c in answer["citations"]]
    sentences = answer["sentences"]
    assert [(s["status"], s["markers"]) for s in sentences] == [
        ("supported", [c["marker"]]) for c in answer["citations"]
    ], "every sentence of an extractive answer is a quote"
    for sentence, citation in zip(sentences, answer["citations"], strict=True):
        assert sentence["text"] in answer["answer"]
        assert citation["quote"].rstrip(".!?") in sentence["text"]


@pytest.mark.parametrize(
    ("question", "needle"),
    [
        ("Kva meiner notatet med at kommunen skal vere playmaker?", "playmaker"),
        ("What does the paper say about public procurement?", "anskaffelser"),
        ("Vad säger rapporten om samstyrning?", "amstyring"),
    ],
)
def test_questions_in_nynorsk_english_and_swedish_are_answered(
    http: httpx.Client, question: str, needle: str
) -> None:
    answer = ask(http, question)
    assert answer["grounded"] is True, answer["answer"]
    assert needle in " ".join(c["quote"] for c in answer["citations"])
    assert_citations_are_literal_spans(http, answer)


@pytest.mark.parametrize(
    ("question", "language", "phrase"),
    [
        ("Who won the 2018 World Cup?", "en", "does not seem to cover"),
        ("Hvordan lager jeg pizzadeig?", "nb", "ser ikke ut til å dekke"),
    ],
)
def test_off_topic_questions_are_refused_in_their_language(
    http: httpx.Client, question: str, language: str, phrase: str
) -> None:
    answer = ask(http, question)
    assert answer["grounded"] is False
    assert answer["citations"] == []
    assert answer["sentences"] == [], "a refusal makes no claim"
    assert answer["language"] == language
    assert phrase in answer["answer"]
    assert answer["passages"], "the closest passages are still offered as may-be-related"


def test_a_follow_up_is_rewritten_before_retrieval(http: httpx.Client) -> None:
    first = ask(http, ROLES_QUESTION)
    response = http.post(
        "/chat",
        json={
            "messages": [
                {"role": "user", "content": ROLES_QUESTION},
                {"role": "assistant", "content": first["answer"]},
                {"role": "user", "content": "Hva mener de med den tredje rollen?"},
            ]
        },
    )
    assert response.status_code == 200, response.text
    answer = response.json()
    assert "brobygger" in answer["standalone_question"]
    assert answer["grounded"] is True


def test_the_stream_sends_start_text_and_a_final_answer(http: httpx.Client) -> None:
    body = {"messages": [{"role": "user", "content": ROLES_QUESTION}]}
    with http.stream("POST", "/chat/stream", json=body) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        events = [
            (block.split("\n")[0].removeprefix("event: "), json.loads(block.split("\n")[1][6:]))
            for block in response.read().decode().strip().split("\n\n")
        ]
    names = [name for name, _ in events]
    assert names[0] == "start" and names[-1] == "answer"
    assert set(names[1:-1]) == {"delta"}
    final = events[-1][1]
    assert "".join(data["text"] for name, data in events if name == "delta") == final["answer"]
    assert final["citations"] and final["grounded"] is True


def test_search_returns_ranked_passages_and_honours_filters(http: httpx.Client) -> None:
    results = http.post("/search", json={"query": "offentlige anskaffelser", "top_k": 3}).json()
    ranks = [r["rank"] for r in results["results"]]
    assert ranks == [1, 2, 3]
    assert "anskaffelser" in results["results"][0]["text"]
    only_paper = http.post(
        "/search", json={"query": "anskaffelser", "filters": {"doc_ids": [PAPER_ID]}}
    ).json()
    assert {r["doc_id"] for r in only_paper["results"]} == {PAPER_ID}


def test_a_filter_naming_an_unknown_document_says_which_ids_are_unknown(
    http: httpx.Client,
) -> None:
    response = http.post(
        "/search", json={"query": "anskaffelser", "filters": {"doc_ids": ["no-such-doc"]}}
    )
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "'no-such-doc'" in response.json()["detail"] and PAPER_ID in response.json()["detail"]


def test_top_k_defaults_to_the_retrieval_setting(assistant_with: Callable[..., Any]) -> None:
    from assistant.api import create_app

    assistant = assistant_with(retrieval={"top_k": 8})
    with ServerThread(create_app(assistant.settings, assistant=assistant)) as server:
        search = httpx.post(f"{server.url}/search", json={"query": "brobygger"}, timeout=60)
        ask = httpx.post(f"{server.url}/ask", json={"question": "Hva er en brobygger?"}, timeout=60)
    assert len(search.json()["results"]) == 8
    assert len(ask.json()["passages"]) == 8


def test_documents_and_references_describe_the_corpus(http: httpx.Client) -> None:
    [paper] = http.get("/documents").json()
    assert paper["id"] == PAPER_ID and paper["year"] == 2019
    assert paper["chunks"] > 10 and paper["references"] == 28
    detail = http.get(f"/documents/{PAPER_ID}").json()
    assert len(detail["chunk_ids"]) == paper["chunks"]
    assert any(s["page"] == "7" for s in detail["sections"])
    references = http.get("/references").json()
    assert len(references["references"]) == 28
    assert len(references["missing_from_corpus"]) == 28
    assert sum(r["citation_count"] for r in references["references"]) >= 28


@pytest.mark.parametrize(
    ("path", "body", "status", "needle"),
    [
        ("/ask", {"question": "   "}, 422, "empty"),
        ("/ask", {"question": "x" * 2001}, 422, "2000"),
        ("/ask", {"question": "Hva?", "top_k": 0}, 422, "top_k"),
        ("/ask", {"question": "Hva?", "top_k": 21}, 422, "top_k"),
        ("/ask", {"question": "Hva?", "unknown": 1}, 422, "unknown"),
        ("/chat", {"messages": [{"role": "user", "content": "Hei"}] * 21}, 422, "20"),
        ("/chat", {"messages": [{"role": "robot", "content": "Hei"}]}, 422, "role"),
        ("/chat", {"messages": [{"role": "assistant", "content": "Hei"}]}, 422, "user"),
        ("/ask", {"question": "Hva?", "mode": "llm"}, 422, "LLM__BASE_URL"),
    ],
)
def test_bad_requests_get_problem_details(
    http: httpx.Client, path: str, body: dict[str, Any], status: int, needle: str
) -> None:
    response = http.post(path, json=body)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status and needle in problem["detail"]
    assert "Traceback" not in response.text


def test_an_unknown_document_is_a_404_problem(http: httpx.Client) -> None:
    response = http.get("/documents/no-such-doc")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert "no-such-doc" in response.json()["detail"]


def test_health_and_readiness(http: httpx.Client) -> None:
    assert http.get("/health").json() == {"status": "ok", "indexing": None}
    ready = http.get("/ready").json()
    assert ready["ready"] is True and ready["documents"] == 1


def test_an_unbuilt_index_answers_503_with_how_to_build_it(tmp_path: Path) -> None:
    from assistant.api import create_app

    settings = make_settings(tmp_path / "empty", embedder={"backend": "fake"})
    with ServerThread(create_app(settings)) as server:
        response = httpx.post(f"{server.url}/ask", json={"question": "Hva er en brobygger?"})
        assert response.status_code == 503
        assert "policy-assistant index" in response.json()["detail"]
        assert httpx.get(f"{server.url}/ready").status_code == 503


def test_a_quote_that_cites_literature_names_the_bibliography_entries(http: httpx.Client) -> None:
    answer = ask(http, "Hvor mange partnere hadde ReSeNS-prosjektet?")
    cited = {
        reference
        for citation in answer["citations"]
        if "(Stene & Stickler, 2018)" in citation["quote"]
        for reference in citation["cites"]
    }
    assert cited == {"stene-stickler-2018"}
    references = {r["id"] for r in http.get("/references").json()["references"]}
    for citation in answer["citations"]:
        assert set(citation["cites"]) <= references
