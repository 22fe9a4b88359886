"""The Chroma store: one owner, the embedder it was built with, whole-document replacement."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.domain import CatalogueEntry, Chunk, DocumentRecord
from assistant.errors import EmbedderMismatchError, StoreBusyError
from indexing.embedders import FakeEmbedder
from indexing.store import ChunkStore, DocumentWrite, owner_is_alive, read_owner
from tests.helpers import make_settings

ENTRY = CatalogueEntry(id="doc", title="Tittel", year=2019)
TEXT = "Kommunen er brobygger. Kommunen er forhandler. Kommunen er innovatør."


def chunk(text: str, start: int, sentences: tuple[int, int] = (0, 0)) -> Chunk:
    return Chunk(
        id=f"doc:{start}", doc_id="doc", text=text, start=start, end=start + len(text),
        section_path=["1 Innledning"], page_start="2", page_end="2", title="Tittel", year=2019,
        sentences=sentences,
    )  # fmt: skip


def record(text: str = TEXT, digest: str = "h1") -> DocumentRecord:
    return DocumentRecord(entry=ENTRY, file="doc.md", content_hash=digest, text=text)


def test_a_second_owner_of_an_embedded_store_is_refused(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "store", store={"chroma_url": None})
    with ChunkStore.open(settings, FakeEmbedder(), {"command": "first"}):
        assert owner_is_alive(settings.store.path)
        assert read_owner(settings.store.path)["command"] == "first"
        with pytest.raises(StoreBusyError, match="in use by first"):
            ChunkStore.open(settings, FakeEmbedder(), {"command": "second"})
    assert not owner_is_alive(settings.store.path)
    ChunkStore.open(settings, FakeEmbedder()).close()


def test_opening_with_another_embedder_says_to_rebuild(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "store")
    with ChunkStore.open(settings, FakeEmbedder(dimension=64)) as store:
        store.replace_document(record(), [chunk(TEXT[:22], 0)], [(0, 22)])
        store.bump_generation()
    with pytest.raises(EmbedderMismatchError, match="--rebuild"):
        ChunkStore.open(settings, FakeEmbedder(dimension=32))
    with ChunkStore.open(settings, FakeEmbedder(dimension=32), rebuild=True) as store:
        store.switch_to(store.begin_generation())
        assert store.count() == 0 and store.records() == {}
    ChunkStore.open(settings, FakeEmbedder(dimension=32)).close()


def test_replacing_a_document_leaves_no_stale_chunks_or_sentences(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "store")
    with ChunkStore.open(settings, FakeEmbedder()) as store:
        store.replace_document(
            record(),
            [chunk(TEXT[:22], 0, (0, 1)), chunk(TEXT[23:], 23, (1, 2))],
            [(0, 22), (23, 46), (47, 70)],
        )
        assert store.count() == 2
        store.replace_document(record(digest="h2"), [chunk(TEXT[:22], 0, (0, 1))], [(0, 22)])
        assert store.count() == 1
        chunks = store.all_chunks()
        assert [c.id for c in chunks] == ["doc:0"]
        assert [s.start for s in store.view().sentences_of(chunks)] == [0]
        assert store.records()["doc"].content_hash == "h2"
        assert store.current.sentences.count() == 1, "no sentence of the old version is left"
        store.delete_document("doc")
        assert store.count() == 0 and store.records() == {}


def test_documents_written_in_one_batch_replace_their_earlier_versions(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "store")
    embedder = FakeEmbedder()

    def write(doc_id: str, digest: str, sentences: list[tuple[int, int]]) -> DocumentWrite:
        entry = ENTRY.model_copy(update={"id": doc_id})
        chunks = [
            chunk(TEXT[:22], 0, (0, len(sentences))).model_copy(
                update={"id": f"{doc_id}:0", "doc_id": doc_id}
            )
        ]
        texts = [TEXT[start:end] for start, end in sentences]
        return DocumentWrite(
            DocumentRecord(entry=entry, file=f"{doc_id}.md", content_hash=digest, text=TEXT),
            chunks,
            sentences,
            embedder.embed_documents([c.text for c in chunks]),
            embedder.embed_documents(texts) if texts else [],
        )

    with ChunkStore.open(settings, embedder) as store:
        store.replace_documents([write("a", "h1", [(0, 22), (23, 46)]), write("b", "h1", [])])
        store.replace_documents([write("a", "h2", [(0, 22)]), write("c", "h1", [(0, 22)])])
        records = store.records()
        assert {doc_id: r.content_hash for doc_id, r in records.items()} == {
            "a": "h2",
            "b": "h1",
            "c": "h1",
        }
        assert store.current.sentences.count() == 2, "no sentence of a's first version is left"
        assert store.current.texts.count() == 3
        assert store.manifest().pending == {}
        with pytest.raises(ValueError, match="twice"):
            store.replace_documents([write("d", "h1", []), write("d", "h2", [])])


def test_dense_search_returns_chunks_with_their_metadata(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "store")
    embedder = FakeEmbedder()
    with ChunkStore.open(settings, embedder) as store:
        store.replace_document(record(), [chunk(TEXT[:22], 0), chunk(TEXT[23:46], 23)], [])
        view = store.view()
        [(best, similarity), _] = view.dense_search(embedder.embed_query("brobygger kommunen"), 2)
        assert best.text == "Kommunen er brobygger."
        assert best.section_path == ["1 Innledning"] and best.page_start == "2"
        assert 0 < similarity <= 1.0
        assert view.dense_search(embedder.embed_query("x"), 5, {"doc_id": "other"}) == []


def test_the_vector_search_explores_as_many_neighbours_as_configured_also_in_an_older_store(
    tmp_path: Path,
) -> None:
    """Chroma rebuilds a small index's graph, in parallel, in each process that opens it: an
    approximate search then misses a close passage in one process and not in the next. The
    store asks for `store.search_ef` neighbours, also of collections made before."""
    older = make_settings(tmp_path / "store", store={"search_ef": 100})
    with ChunkStore.open(older, FakeEmbedder()) as store:
        store.replace_document(record(), [chunk(TEXT[:22], 0)], [])
        assert store.current.chunks.configuration["hnsw"]["ef_search"] == 100
    settings = make_settings(tmp_path / "store")
    with ChunkStore.open(settings, FakeEmbedder()) as store:
        for part in (store.current.chunks, store.current.sentences):
            assert part.configuration["hnsw"]["ef_search"] == settings.store.search_ef == 1000


def test_a_read_only_store_s_copy_is_searched_as_configured_and_the_store_left_as_it_is(
    tmp_path: Path,
) -> None:
    """An embedded store another process owns is read from a copy: the copy's search takes
    `store.search_ef`, the store is not written to."""
    embedded = {"chroma_url": None}
    older = make_settings(tmp_path / "store", store={"search_ef": 100, **embedded})
    with ChunkStore.open(older, FakeEmbedder()) as store:
        store.replace_document(record(), [chunk(TEXT[:22], 0)], [])
    settings = make_settings(tmp_path / "store", store=embedded)
    with ChunkStore.open(settings, FakeEmbedder(), read_only=True) as store:
        assert store.current.chunks.configuration["hnsw"]["ef_search"] == 1000
    with ChunkStore.open(older, FakeEmbedder(), read_only=True) as store:
        assert store.current.chunks.configuration["hnsw"]["ef_search"] == 100
