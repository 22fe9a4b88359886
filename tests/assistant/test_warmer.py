"""While the service is idle it embeds the sentences indexing left for reading, so answers do
not wait for them; while requests or index jobs run, it waits."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from assistant.api import create_app
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.warmer import ActivityClock, SentenceWarmer
from indexing.embedders import make_embedder
from indexing.pipeline import index_corpus
from indexing.store import open_store
from tests.helpers import ServerThread, make_settings, plan_corpus


def settings_for(tmp_path: Path, **api: object) -> Settings:
    settings = make_settings(
        tmp_path / "store",
        plan_corpus(tmp_path / "corpus"),
        embedder={"backend": "fake"},
        api=api or {},
    )
    with open_store(settings, make_embedder(settings.embedder)) as store:
        assert index_corpus(settings, store).ok
    return settings


def waiting(assistant: Assistant) -> int:
    """Sentences of the index still without a vector."""
    view = assistant.live.require().view
    return len(view.generation.sentences.get(where={"embedded": False})["ids"])


def eventually(condition: Callable[[], bool], seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def assistant(tmp_path: Path) -> Iterator[Assistant]:
    service = Assistant.open(settings_for(tmp_path), {"command": "pytest"})
    yield service
    service.close()


def test_an_idle_service_embeds_the_sentences_left_for_reading(assistant: Assistant) -> None:
    assert waiting(assistant) > 0, "indexing embedded chunks only"
    with ServerThread(create_app(assistant.settings, assistant=assistant)) as server:
        assert eventually(lambda: waiting(assistant) == 0)
        answer = httpx.post(f"{server.url}/ask", json={"question": "Hvor mye har fondet?"})
        assert answer.status_code == 200


def test_the_warmer_waits_while_the_service_is_busy(assistant: Assistant) -> None:
    before = waiting(assistant)
    busy = True
    warmer = SentenceWarmer(assistant.live, lambda: not busy).start()
    try:
        time.sleep(2.5)
        assert waiting(assistant) == before and warmer.embedded == 0
        busy = False
        assert eventually(lambda: waiting(assistant) == 0)
        assert warmer.embedded == before
    finally:
        warmer.stop()


def test_warming_can_be_turned_off(tmp_path: Path) -> None:
    settings = settings_for(tmp_path, warm_sentences=False)
    service = Assistant.open(settings, {"command": "pytest"})
    try:
        app = create_app(settings, assistant=service)
        with ServerThread(app):
            assert app.state.warmer is None
            assert waiting(service) > 0
    finally:
        service.close()


def test_the_activity_clock_is_quiet_only_without_requests() -> None:
    clock = ActivityClock()
    assert clock.quiet(0.0)
    clock.begin()
    assert not clock.quiet(0.0)
    clock.end()
    assert clock.quiet(0.0)
    assert not clock.quiet(60.0), "a request just ended"
