"""With a Chroma server, several processes share one index without owning it."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from assistant.service import Assistant
from indexing.embedders import FakeEmbedder
from indexing.pipeline import index_corpus
from indexing.store import open_store
from tests.helpers import CORPUS, TEST_CHROMA_URL, free_port, make_settings

CHROMA = shutil.which("chroma", path=str(Path(__file__).resolve().parents[2] / ".venv" / "bin"))


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `chroma run` server on loopback (the CI's, when it runs one)."""
    if TEST_CHROMA_URL:
        yield TEST_CHROMA_URL
        return
    if CHROMA is None:
        pytest.fail("the `chroma` command of the chromadb package is missing from .venv/bin")
    port = free_port()
    folder = tmp_path_factory.mktemp("chroma-server")
    server = subprocess.Popen(
        [CHROMA, "run", "--path", str(folder), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{url}/api/v2/heartbeat", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            pytest.fail("chroma run did not start")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_two_assistants_share_an_index_through_the_server(chroma_url: str, tmp_path: Path) -> None:
    settings = make_settings(
        tmp_path / "local",
        CORPUS,
        store={"chroma_url": chroma_url, "collection": "shared-test"},
        embedder={"backend": "fake"},
    )
    with open_store(settings, FakeEmbedder()) as store:
        summary = index_corpus(settings, store)
    assert summary.indexed == ["stene-morkved-2019"]

    first = Assistant.open(settings)
    second = Assistant.open(settings)  # no lock: the server is the owner
    try:
        for assistant in (first, second):
            hits = assistant.search("Hva betyr det at kommunen skal være brobygger?", top_k=3)
            assert hits and hits[0].doc_id == "stene-morkved-2019"
        assert first.documents()[0].chunks == second.documents()[0].chunks > 10
    finally:
        first.close()
        second.close()


def test_what_one_assistant_indexes_the_other_serves_after_reload(
    chroma_url: str, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "catalogue.yaml").write_text("[]\n")
    (corpus / "alpha.md").write_text("# 1 Innledning\n\nKommunen er brobygger i regionen.\n")
    settings = make_settings(
        tmp_path / "local",
        corpus,
        store={"chroma_url": chroma_url, "collection": "reload-test"},
        embedder={"backend": "fake"},
    )
    writer = Assistant.open(settings)
    reader = Assistant.open(settings.model_copy(update={"store": settings.store.model_copy(
        update={"path": tmp_path / "other-replica"})}))  # fmt: skip
    try:
        writer.reindex()
        assert reader.documents() == [], "a replica serves what it loaded"
        assert reader.reload() is True
        assert [d.id for d in reader.documents()] == ["alpha"]
        (corpus / "beta.md").write_text("# 1 Innledning\n\nKommunen er playmaker.\n")
        writer.reindex(rebuild=True)
        assert reader.reload() is True
        assert sorted(d.id for d in reader.documents()) == ["alpha", "beta"]
        assert reader.search("playmaker", top_k=1)[0].doc_id == "beta"
        assert reader.reload() is False, "nothing changed since"
    finally:
        writer.close()
        reader.close()


def test_a_bad_server_url_is_a_clear_configuration_error(tmp_path: Path) -> None:
    from assistant.errors import ConfigurationError

    settings = make_settings(tmp_path / "local", store={"chroma_url": "localhost:8000"})
    with pytest.raises(ConfigurationError, match="CHROMA_URL"):
        open_store(settings, FakeEmbedder()).__enter__()
