"""Sentences embedded when an answer first reads them: indexing embeds chunks only, answers
read the same vectors as if the sentences had been embedded at indexing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from assistant.settings import ChunkingSettings
from indexing.embedders import FakeEmbedder
from indexing.pipeline import index_corpus
from indexing.store import ChunkStore, SentenceVectors
from tests.helpers import PLAN, make_settings, plan_corpus


class CountingEmbedder(FakeEmbedder):
    """The fake embedder, remembering every passage text it was asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.passages: list[str] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.passages.extend(texts)
        return super().embed_documents(texts)


def indexed(tmp_path: Path, how: str, text: str = PLAN) -> tuple[ChunkStore, CountingEmbedder]:
    settings = make_settings(
        tmp_path / "store",
        plan_corpus(tmp_path / "corpus", text),
        chunking={"sentence_vectors": how},
    )
    embedder = CountingEmbedder()
    store = ChunkStore.open(settings, embedder)
    index_corpus(settings, store)
    return store, embedder


def test_indexing_embeds_only_chunks_when_sentences_are_embedded_on_reading(
    tmp_path: Path,
) -> None:
    store, embedder = indexed(tmp_path, "on_read")
    with store:
        chunks = store.all_chunks()
        assert embedder.passages == [c.text for c in chunks]
        embedder.passages.clear()
        sentences = store.view().sentences_of(chunks)
        assert "Kommunen er brobygger mellom næringsliv og frivillighet." in [
            s.text for s in sentences
        ]
        assert sorted(embedder.passages) == sorted(s.text for s in sentences)


def test_sentences_read_have_the_vectors_indexing_would_have_given(tmp_path: Path) -> None:
    store, _ = indexed(tmp_path / "a", "on_read")
    reference, embedder = indexed(tmp_path / "b", "indexed")
    with store, reference:
        assert len(embedder.passages) > len(reference.all_chunks()), "sentences embedded too"
        read = store.view().sentences_of(store.all_chunks())
        expected = reference.view().sentences_of(reference.all_chunks())
        assert [(s.start, s.text) for s in read] == [(s.start, s.text) for s in expected]
        for got, want in zip(read, expected, strict=True):
            assert got.vector == pytest.approx(want.vector, abs=1e-6)


def test_sentences_read_again_are_not_embedded_again(tmp_path: Path) -> None:
    store, embedder = indexed(tmp_path, "on_read")
    with store:
        chunks = store.all_chunks()
        first = store.view().sentences_of(chunks)
        embedder.passages.clear()
        again = store.view().sentences_of(chunks)
        assert embedder.passages == []
        for got, want in zip(again, first, strict=True):
            assert got.vector == pytest.approx(want.vector, abs=1e-6)


def test_a_changed_document_is_read_with_its_new_sentences_vectors(tmp_path: Path) -> None:
    store, embedder = indexed(tmp_path, "on_read")
    with store:
        store.view().sentences_of(store.all_chunks())
        (store.settings.corpus.folder / "plan.md").write_text(
            PLAN.replace("brobygger", "forhandler")
        )
        index_corpus(store.settings, store)
        read = {s.text: s.vector for s in store.view().sentences_of(store.all_chunks())}
        changed = "Kommunen er forhandler mellom næringsliv og frivillighet."
        assert read[changed] == pytest.approx(embedder.embed_documents([changed])[0])


def test_pooled_chunk_vectors_need_sentences_embedded_at_indexing() -> None:
    with pytest.raises(ValidationError, match=r"needs chunking\.sentence_vectors 'indexed'"):
        ChunkingSettings(chunk_vectors="pooled", sentence_vectors="on_read")
    assert ChunkingSettings(chunk_vectors="pooled", sentence_vectors="indexed")


def test_sentences_embedded_on_reading_are_stored_for_later_readers(tmp_path: Path) -> None:
    store, embedder = indexed(tmp_path, "on_read")
    with store:
        chunks = store.all_chunks()
        first = store.view().sentences_of(chunks)
    settings = store.settings
    with ChunkStore.open(settings, embedder) as reopened:
        embedder.passages.clear()
        again = reopened.view().sentences_of(reopened.all_chunks())
        assert embedder.passages == [], "the vectors were read from the store"
        assert [(s.start, s.end, s.text) for s in again] == [
            (s.start, s.end, s.text) for s in first
        ]
        for got, want in zip(again, first, strict=True):
            assert got.vector == pytest.approx(want.vector, abs=1e-6)


def test_switching_when_sentences_are_embedded_re_indexes_nothing(tmp_path: Path) -> None:
    store, embedder = indexed(tmp_path, "indexed")
    with store:
        embedder.passages.clear()
        settings = store.settings.model_copy(
            update={"chunking": ChunkingSettings(sentence_vectors="on_read")}
        )
        summary = index_corpus(settings, store)
        assert summary.unchanged and embedder.passages == []


def test_a_store_never_written_keeps_no_vectors_to_write() -> None:
    writable = SentenceVectors(FakeEmbedder(), 10)
    read_only = SentenceVectors(FakeEmbedder(), 10, store_later=False)
    for vectors in (writable, read_only):
        vectors.get([("s1", "Kommunen er brobygger.")])
    assert list(writable.take_unstored()) == ["s1"]
    assert read_only.take_unstored() == {}
