"""A citation always shows its document's metadata, or says plainly that it has none.

A bare text file dropped into the corpus has no author, no year and no pages: every place that
shows a citation of it (the API, the command line, the chat's sources, the conversation export
and the workshop brief) names it by its title and says no author or year is recorded.
"""

from __future__ import annotations

import os

import httpx
import pytest

from assistant.answering.citations import document_reference
from assistant.api import create_app
from assistant.domain import Answer
from assistant.service import Assistant
from assistant.settings import Settings
from indexing.embedders import FakeEmbedder
from indexing.pipeline import index_corpus
from indexing.store import open_store
from tests.assistant.test_cli import command
from tests.helpers import ServerThread, make_settings
from ui.brief import Source
from ui.sources import Turn, citation_label, conversation_markdown

TEXT = (
    "Kommunen skal være brobygger mellom næringsliv, forvaltning og frivillighet. "
    "Som brobygger kobler kommunen bedrifter med kunnskapsmiljøer i regionen.\n"
)
NONE_RECORDED = {"nb": "ingen forfatter eller år registrert", "en": "no author or year recorded"}
QUESTIONS = {
    "nb": "Hva betyr det at kommunen skal være brobygger?",
    "en": "What does it mean that the municipality is a bridge builder (brobygger)?",
}


def test_a_reference_says_what_is_recorded_and_what_is_not() -> None:
    both = document_reference(["Stene, Morten", "Mørkved, Britt Paula"], 2019, "Rolle", "nb")
    assert both == "Stene, Morten; Mørkved, Britt Paula (2019). Rolle."
    assert document_reference(["Stene, Morten"], None, "Rolle", "en") == (
        "Stene, Morten (n.d.). Rolle."
    )
    assert document_reference([], 2019, "Notat 2019", "nb") == (
        "Notat 2019 (2019; ingen forfatter registrert)."
    )
    assert (
        document_reference([], None, "Notat", "nn")
        == "Notat (ingen forfattar eller år registrert)."
    )
    assert document_reference([], None, "Notat", "sv", short=True) == (
        "Notat (ingen författare eller år registrerat)"
    )
    assert document_reference(["Ekman, A", "Berg, B", "Dahl, C"], 2020, "T", "en", True) == (
        "Ekman et al. (2020)"
    )


@pytest.fixture(scope="module")
def bare_library(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, dict[str, str]]:
    """A corpus of one bare text file (no catalogue entry, no metadata in the file), indexed;
    its settings and the command line's environment for it."""
    folder = tmp_path_factory.mktemp("bare")
    corpus = folder / "corpus"
    corpus.mkdir()
    (corpus / "notat.txt").write_text(TEXT, encoding="utf-8")
    settings = make_settings(
        folder / "store",
        corpus,
        embedder={"backend": "fake"},
        answer={"min_support": 0.0},
        store={"chroma_url": None},  # the command line reads this store too
    )
    with open_store(settings, FakeEmbedder()) as store:
        assert index_corpus(settings, store).ok
    env = {
        "POLICY_ASSISTANT_CORPUS__FOLDER": str(corpus),
        "POLICY_ASSISTANT_STORE__PATH": str(folder / "store"),
        "POLICY_ASSISTANT_EMBEDDER__BACKEND": "fake",
        "POLICY_ASSISTANT_ANSWER__MIN_SUPPORT": "0.0",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    }
    return settings, env


@pytest.fixture(scope="module")
def answers(bare_library: tuple[Settings, dict[str, str]]) -> dict[str, Answer]:
    """The service's answers over HTTP, one per language."""
    settings, _ = bare_library
    assistant = Assistant.open(settings)
    try:
        with ServerThread(create_app(settings, assistant)) as server:
            return {
                language: Answer.model_validate(
                    httpx.post(f"{server.url}/ask", json={"question": q}, timeout=60).json()
                )
                for language, q in QUESTIONS.items()
            }
    finally:
        assistant.close()


@pytest.mark.parametrize("language", list(QUESTIONS))
def test_the_api_names_a_document_without_metadata_and_says_it_has_none(
    answers: dict[str, Answer], language: str
) -> None:
    answer = answers[language]
    assert answer.language == language and answer.citations
    for citation in answer.citations:
        assert not citation.authors and citation.year is None and citation.page is None
        assert citation.reference == f"{citation.title} ({NONE_RECORDED[language]})."
        assert citation.title.strip()


@pytest.mark.parametrize("language", list(QUESTIONS))
def test_the_chat_export_and_brief_say_the_document_has_no_metadata(
    answers: dict[str, Answer], language: str
) -> None:
    answer = answers[language]
    citation = answer.citations[0]
    label = citation_label(citation, language)  # type: ignore[arg-type]
    assert label.startswith(f"[{citation.marker}] {citation.title} ({NONE_RECORDED[language]})")
    exported = conversation_markdown([Turn(QUESTIONS[language], answer)], [], language)  # type: ignore[arg-type]
    described = Source(1, citation).describe(language)  # type: ignore[arg-type]
    for shown in (label, exported, described):
        assert NONE_RECORDED[language] in shown
        assert "()" not in shown and "None" not in shown and "(u.å.)" not in shown


def test_the_command_line_says_the_document_has_no_metadata(
    bare_library: tuple[Settings, dict[str, str]],
) -> None:
    _, env = bare_library
    done = command("ask", QUESTIONS["nb"], env=env)
    assert done.returncode == 0, done.stderr
    sources = done.stdout.split("\nKilder:\n", 1)[1]
    first = sources.splitlines()[0]
    assert first.startswith("  [1] ") and first.endswith(f"({NONE_RECORDED['nb']}).")
    assert "s. ?" not in sources and "()" not in sources and "None" not in sources
