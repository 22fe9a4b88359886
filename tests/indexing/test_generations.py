"""Readers see the old index or the new one; a crash leaves nothing half-indexed visible."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from assistant.domain import CatalogueEntry, Chunk, DocumentRecord
from assistant.errors import ReadOnlyStoreError
from assistant.service import Assistant
from indexing.embedders import FakeEmbedder
from indexing.pipeline import index_corpus
from indexing.store import ChunkStore, open_store
from tests.helpers import CORPUS, PAPER_ID, ROOT, make_settings

FLAGSHIP = "Hva betyr det at kommunen skal være brobygger?"


def note(topic: str, number: int) -> str:
    return (
        f"# 1 Innledning\n\nNotat {number} handler om {topic}. Kommunen er en aktør i "
        f"næringsutviklingen. Regionen samarbeider om {topic} i år {2000 + number}.\n"
    )


def paper_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for file in CORPUS.iterdir():
        if file.is_file():
            (folder / file.name).write_bytes(file.read_bytes())
    return folder


def test_a_rebuild_is_built_beside_the_index_and_switched_in_one_step(tmp_path: Path) -> None:
    corpus = paper_corpus(tmp_path)
    settings = make_settings(tmp_path / "store", corpus, embedder={"backend": "fake"})
    with open_store(settings, FakeEmbedder()) as store:
        index_corpus(settings, store)
        before = store.view()
        new = store.begin_generation()
        assert store.view().key == before.key, "readers stay on the current generation"
        switched: list[str] = []
        summary = index_corpus(
            settings,
            store,
            rebuild=True,
            on_switch=lambda old: switched.append(old.name) or store.drop(old),
        )
        assert summary.indexed == [PAPER_ID]
        assert switched == [before.generation.name]
        after = store.view()
        assert after.generation.name not in (before.generation.name, new.name)
        assert after.count() == before.count() > 10
        names = {
            c.name for c in store._client.list_collections() if c.name.startswith(store.prefix)
        }
        assert not any(before.generation.name in name for name in names), "old one dropped"
        assert not any(new.name in name for name in names), "an unfinished one is dropped"
    if not settings.store.chroma_url:
        folders = [p for p in (tmp_path / "store").iterdir() if p.is_dir()]
        # Chroma keeps one segment folder per collection with vectors: the current
        # generation's and the manifest's, none of the dropped generations'.
        assert len(folders) == len(names) == 5, folders


def test_the_flagship_question_is_answered_throughout_a_rebuild(tmp_path: Path) -> None:
    corpus = paper_corpus(tmp_path)
    settings = make_settings(
        tmp_path / "store", corpus, embedder={"backend": "fake"}, answer={"min_support": 0.0}
    )
    with open_store(settings, FakeEmbedder()) as store:
        index_corpus(settings, store)
    assistant = Assistant.open(settings)
    try:
        job = threading.Thread(target=assistant.reindex, kwargs={"rebuild": True})
        job.start()
        answers, saw_progress = 0, False
        while job.is_alive():
            saw_progress |= assistant.progress.running
            answer = assistant.ask(FLAGSHIP)
            assert answer.grounded and answer.citations
            assert all(c.doc_id == PAPER_ID and c.quote for c in answer.citations)
            answers += 1
        job.join()
        assert answers > 0 and saw_progress
        assert not assistant.progress.running
        assert assistant.ask(FLAGSHIP).grounded
    finally:
        assistant.close()


def test_a_million_character_document_indexes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "catalogue.yaml").write_text("[]\n")
    sentence = "Kommunen {0} er brobygger mellom næringsliv og forvaltning i region {0}. "
    paragraphs = ["".join(sentence.format(p * 10 + i) for i in range(10)) for p in range(1_400)]
    (corpus / "stor-rapport.md").write_text("# 1 Innledning\n\n" + "\n\n".join(paragraphs))
    settings = make_settings(tmp_path / "store", corpus, embedder={"backend": "fake"})
    with open_store(settings, FakeEmbedder()) as store:
        summary = index_corpus(settings, store)
        assert summary.ok, summary.failed
        assert summary.characters > 1_000_000
        record = store.records()["stor-rapport"]
        assert record.sentences > store.write_batch, "more sentences than one write holds"
        view = store.view()
        assert view.count() == summary.chunks == record.chunks
        assert len(view.text("stor-rapport")) == summary.characters


def test_after_kill_9_mid_index_no_half_indexed_document_is_served(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "catalogue.yaml").write_text("[]\n")
    for number in range(60):
        (corpus / f"notat-{number:03d}.md").write_text(note("samarbeid " * 400, number))
    settings = make_settings(tmp_path / "store", corpus, embedder={"backend": "fake"})
    env = {
        **os.environ,
        "POLICY_ASSISTANT_CORPUS__FOLDER": str(corpus),
        "POLICY_ASSISTANT_STORE__PATH": str(tmp_path / "store"),
        "POLICY_ASSISTANT_STORE__CHROMA_URL": settings.store.chroma_url or "",
        "POLICY_ASSISTANT_STORE__COLLECTION": settings.store.collection,
        "POLICY_ASSISTANT_EMBEDDER__BACKEND": "fake",
    }
    indexer = subprocess.Popen(
        [sys.executable, "-m", "assistant", "index"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    time.sleep(4.0)  # well inside the run: some documents are written, some are not
    os.kill(indexer.pid, signal.SIGKILL)
    indexer.wait()

    with open_store(settings, FakeEmbedder()) as store:
        view = store.view()
        for doc_id, record in view.records.items():
            chunks = view.chunks_by_id(view.chunk_ids(doc_id))
            assert len(chunks) == record.chunks, f"{doc_id} is served whole or not at all"
        summary = index_corpus(settings, store)
        assert summary.ok and summary.documents == 60
        view = store.view()
        visible = {stored for p in view.pieces.values() for stored in p.stored_chunk_ids()}
        stored = set(store.current.chunks.get(include=[])["ids"])
        assert stored == visible, "no chunk of an unrecorded version is left behind"


def test_a_read_only_store_refuses_writes_in_one_line_and_still_reads(tmp_path: Path) -> None:
    settings = make_settings(
        tmp_path / "store", embedder={"backend": "fake"}, store={"chroma_url": None}
    )
    with open_store(settings, FakeEmbedder()) as store:
        store.replace_document(
            DocumentRecord(
                entry=CatalogueEntry(id="doc", title="T"), file="doc.md", content_hash="h",
                text="Kommunen er brobygger.",
            ),
            [Chunk(id="doc:1", doc_id="doc", text="Kommunen er brobygger.", start=0, end=22,
                   section_path=[], title="T", sentences=(0, 1))],
            [(0, 22)],
        )  # fmt: skip
    reader = ChunkStore.open(settings, FakeEmbedder(), read_only=True)
    try:
        assert reader.view().text("doc") == "Kommunen er brobygger."
        with pytest.raises(ReadOnlyStoreError) as raised:
            reader.delete_document("doc")
        assert "read-only" in raised.value.detail and "\n" not in raised.value.detail
    finally:
        reader.close()
