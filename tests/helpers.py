"""What tests share besides fixtures: the frozen corpus, settings for a test, a real server."""

from __future__ import annotations

import hashlib
import os
import socket
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from assistant.domain import LoadedDocument, Section
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
# A frozen copy of the corpus: tests never read the live corpus/ a user adds documents to.
CORPUS = ROOT / "evals" / "corpora" / "policy_paper"
PAPER_ID = "stene-morkved-2019"


SMALL_CATALOGUE = """\
- id: alpha
  title: Alpha
  authors: [Nordmann, Kari]
  year: 2020
  kind: report
  language: nb
  file: alpha.md
- id: beta
  title: Beta
  year: 2021
  kind: report
  language: nb
  file: beta.md
"""


def note(topic: str) -> str:
    """A short Markdown document in bokmål about a topic."""
    return f"# 1 Innledning\n\nDette notatet handler om {topic}. Kommunen er en aktør.\n"


def small_corpus(folder: Path) -> Path:
    """A corpus of two catalogued notes (alpha, beta) and a README that is never indexed."""
    folder.mkdir()
    (folder / "catalogue.yaml").write_text(SMALL_CATALOGUE)
    (folder / "README.md").write_text("# Corpus\n\nHow to add documents: never indexed.\n")
    (folder / "alpha.md").write_text(note("næringsutvikling"))
    (folder / "beta.md").write_text(note("samstyring"))
    return folder


PLAN = """# 1 Innledning

Kommunen er brobygger mellom næringsliv og frivillighet. Næringsfondet har 2,4 millioner
kroner i 2025. Planen gjelder for perioden 2024–2028.

# 2 Tiltak

Kommunen skal opprette et gründerhus med tolv kontorplasser. Innkjøp skal i større grad gå
til lokale leverandører.
"""


def plan_corpus(folder: Path, text: str = PLAN) -> Path:
    """A corpus of one uncatalogued plan (a few sentences in two sections)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "catalogue.yaml").write_text("[]\n")
    (folder / "plan.md").write_text(text)
    return folder


# A Chroma server (`chroma run`) the store tests and API tests run against as well; without it
# they run on the embedded store only (see .ci/run).
TEST_CHROMA_URL = os.environ.get("POLICY_ASSISTANT_TEST_CHROMA_URL") or None


def make_settings(store_path: Path, corpus: Path = CORPUS, **groups: Any) -> Settings:
    """Settings for a test: explicit folders, everything else default unless given.

    With a test Chroma server configured, the store lives there, in a collection named after
    `store_path`, unless the test asks for the embedded store (`store={"chroma_url": None}`).
    """
    server = {}
    if TEST_CHROMA_URL:
        name = hashlib.sha256(str(store_path).encode()).hexdigest()[:12]
        server = {"chroma_url": TEST_CHROMA_URL, "collection": f"test-{name}"}
    store_group = {"path": store_path, **server, **groups.pop("store", {})}
    return Settings(corpus={"folder": corpus}, store=store_group, **groups)


def indexed_library(folder: Path, files: dict[str, str], **groups: Any) -> Settings:
    """Settings over a corpus of the given files (name: text, a `catalogue.yaml` among them)
    written into `folder`, indexed with the configured embedder."""
    from indexing.embedders import make_embedder
    from indexing.pipeline import index_corpus
    from indexing.store import open_store

    corpus = folder / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = make_settings(folder / "store", corpus, **groups)
    with open_store(settings, make_embedder(settings.embedder)) as store:
        assert index_corpus(settings, store).ok
    return settings


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


def section_holding(document: LoadedDocument, phrase: str) -> Section:
    """The section of a loaded document whose text holds the phrase."""
    offset = document.text.index(phrase)
    return next(s for s in document.sections if s.start <= offset < s.end)


def page_holding(document: LoadedDocument, phrase: str) -> str:
    """The label of the page of a loaded document whose text holds the phrase."""
    offset = document.text.index(phrase)
    return next(p.label for p in document.pages if p.start <= offset < p.end)
