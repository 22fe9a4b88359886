"""`/docs` and `/redoc` work offline: every asset comes from the service itself."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_the_docs_pages_load_every_asset_from_the_service(http: httpx.Client, path: str) -> None:
    page = http.get(path)
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert not re.search(r"https?://", page.text), "the page names an outside host"
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert any(a.endswith(".js") for a in assets)
    for asset in assets:
        loaded = http.get(asset)
        assert loaded.status_code == 200, asset
        assert len(loaded.content) > 1000, asset
    assert "/openapi.json" in page.text
    assert http.get("/openapi.json").json()["info"]["title"] == "policy-assistant"


def test_the_service_says_which_answer_modes_it_offers(http: httpx.Client) -> None:
    info = http.get("/info").json()
    assert info["answer_modes"] == ["extractive"], "no language model is configured here"
    assert info["default_mode"] == "extractive" and info["llm_model"] is None


def test_the_service_says_how_many_passages_an_answer_is_drawn_from(assistant_with: Any) -> None:
    from assistant.api import create_app
    from tests.helpers import ServerThread

    assistant = assistant_with(retrieval={"top_k": 8})
    with ServerThread(create_app(assistant.settings, assistant=assistant)) as server:
        info = httpx.get(f"{server.url}/info", timeout=30).json()
    assert info["default_top_k"] == 8


def test_the_llm_mode_is_offered_when_the_service_has_a_model(assistant_with: Any) -> None:
    from assistant.api import create_app
    from tests.helpers import ServerThread

    assistant = assistant_with(chat_model=object(), llm={"model": "local-model"})
    with ServerThread(create_app(assistant.settings, assistant=assistant)) as server:
        info = httpx.get(f"{server.url}/info", timeout=30).json()
    assert info["answer_modes"] == ["extractive", "llm"]
    assert info["llm_model"] == "local-model"
