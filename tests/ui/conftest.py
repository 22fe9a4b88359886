"""Fixtures of the app's tests: pages driven by AppTest against the real service over HTTP."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as app_test_module

from tests.helpers import ROOT, free_port

UI = ROOT / "ui"
APP = str(UI / "app.py")


def page_path(name: str) -> str:
    """The file of one page."""
    return str(UI / "pages" / f"{name}.py")


def open_page(name: str, url: str, language: str = "nb") -> AppTest:
    """One page of the app, talking to the service at `url`, before its first run."""
    app = AppTest.from_file(page_path(name), default_timeout=120)
    app.session_state["api_url"] = url
    app.session_state["language"] = language
    return app


def open_app(url: str) -> AppTest:
    """The whole app (navigation and every page) talking to the service at `url`."""
    app = AppTest.from_file(APP, default_timeout=120)
    app.session_state["api_url"] = url
    return app


def open_in_app(name: str, url: str, language: str = "nb") -> AppTest:
    """One page inside the whole app (so its links to other pages resolve), after a run."""
    app = open_app(url)
    app.session_state["language"] = language
    app.switch_page(f"pages/{name}.py")
    return app.run()


@pytest.fixture
def page(api_url: str) -> Callable[..., AppTest]:
    """Open a page against the real service serving the working paper, and run it."""

    def run(name: str, language: str = "nb") -> AppTest:
        return open_page(name, api_url, language).run()

    return run


@pytest.fixture
def nowhere() -> str:
    """The URL of a service that is not running."""
    return f"http://127.0.0.1:{free_port()}"


def html_bodies(app: AppTest) -> list[str]:
    """The HTML blocks a run showed (document text and answers)."""
    return [element.value for element in app.html]


def unescape_markdown(text: str) -> str:
    """A label as the user reads it (Markdown escapes removed)."""
    import re

    return re.sub(r"\\(.)", r"\1", text)


class RecordingStorage(MemoryMediaFileStorage):
    """The media storage AppTest uses, kept so a test can read what a download would give."""

    opened: ClassVar[list[MemoryMediaFileStorage]] = []

    def __init__(self, media_endpoint: str) -> None:
        super().__init__(media_endpoint)
        RecordingStorage.opened.append(self)


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> Callable[[AppTest, str], bytes]:
    """Read the file behind a download button of the last run."""
    monkeypatch.setattr(app_test_module, "MemoryMediaFileStorage", RecordingStorage)

    def read(app: AppTest, key: str) -> bytes:
        button = next(b for b in app.get("download_button") if b.proto.id.endswith(key))
        name = button.proto.url.rsplit("/", 1)[1]
        return bytes(RecordingStorage.opened[-1].get_file(name).content)

    return read
