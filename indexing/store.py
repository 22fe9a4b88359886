"""The index in Chroma: chunks, their sentences, and one record per document.

Three collections share a name prefix (``settings.store.collection``):

- ``<name>``: chunks through `langchain-chroma`, embedded by our own `Embedder`;
- ``<name>-sentences``: each document's sentences with their vectors, for extractive answers;
- ``<name>-documents``: one record per document (content hash, metadata, references), the
  manifest that makes indexing incremental and lets the service run from the store alone.

The chunk collection records the embedder that built it; opening it with another is an
:class:`EmbedderMismatchError`. An embedded store has one owning process at a time, held by a
lock file; several processes share an index only through a Chroma server (``store.chroma_url``).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from langchain_chroma import Chroma

from assistant.domain import Chunk, DocumentRecord
from assistant.errors import ConfigurationError, EmbedderMismatchError, StoreBusyError
from assistant.settings import Settings
from indexing.embedders import Embedder

_SPACE = {"hnsw": {"space": "cosine"}}
LOCK_FILE = "owner.lock"


@dataclass(frozen=True)
class SentenceHit:
    """A stored sentence of a document, with its vector."""

    doc_id: str
    start: int
    end: int
    text: str
    vector: list[float]


# --- the one-owner lock -------------------------------------------------------------------


class StoreLock:
    """An exclusive, advisory lock on an embedded store folder, naming its owner."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_FILE
        self._handle: Any = None

    def acquire(self, owner: dict[str, Any]) -> None:
        """Take the lock or raise `StoreBusyError` naming the process that holds it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+")  # noqa: SIM115 - held for the store's lifetime
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            holder = read_owner(self.path.parent)
            raise StoreBusyError(
                f"the index at {str(self.path.parent)!r} is in use by "
                f"{holder.get('command', 'another process')} (pid {holder.get('pid', '?')}). "
                "An embedded Chroma store has one owner: stop that process, or let it do the "
                "work (`policy-assistant index` asks a running service to re-index), or share "
                "the index through a Chroma server (POLICY_ASSISTANT_STORE__CHROMA_URL)."
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps({"pid": os.getpid(), **owner}))
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        """Give the lock up."""
        if self._handle is not None:
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None


def read_owner(folder: Path) -> dict[str, Any]:
    """Who holds (or last held) the lock of a store folder."""
    try:
        return dict(json.loads((folder / LOCK_FILE).read_text() or "{}"))
    except (OSError, ValueError):
        return {}


def owner_is_alive(folder: Path) -> bool:
    """True when some process holds the store's lock right now."""
    path = folder / LOCK_FILE
    if not path.exists():
        return False
    with open(path) as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
    return False


# --- the store ----------------------------------------------------------------------------


def _client(settings: Settings) -> Any:
    import chromadb

    chroma_settings = chromadb.Settings(anonymized_telemetry=False)
    if settings.store.chroma_url:
        url = urlparse(settings.store.chroma_url)
        if url.scheme not in {"http", "https"} or not url.hostname:
            raise ConfigurationError(
                f"store.chroma_url {settings.store.chroma_url!r} is not an http(s) URL; "
                "set POLICY_ASSISTANT_STORE__CHROMA_URL like http://localhost:8000"
            )
        return chromadb.HttpClient(
            host=url.hostname,
            port=url.port or (443 if url.scheme == "https" else 80),
            ssl=url.scheme == "https",
            settings=chroma_settings,
        )
    settings.store.path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.store.path), settings=chroma_settings)


def _drop_collections(client: Any, name: str) -> None:
    existing = {getattr(c, "name", c) for c in client.list_collections()}
    for collection in (name, f"{name}-sentences", f"{name}-documents"):
        if collection in existing:
            client.delete_collection(collection)


def _chunk_metadata(chunk: Chunk) -> dict[str, Any]:
    metadata: dict[str, Any] = {
        "doc_id": chunk.doc_id,
        "title": chunk.title,
        "authors": json.dumps(chunk.authors, ensure_ascii=False),
        "kind": chunk.kind,
        "language": chunk.language,
        "section_path": json.dumps(chunk.section_path, ensure_ascii=False),
        "start": chunk.start,
        "end": chunk.end,
    }
    optional = {"year": chunk.year, "page_start": chunk.page_start, "page_end": chunk.page_end}
    metadata.update({key: value for key, value in optional.items() if value is not None})
    return metadata


def chunk_from_record(chunk_id: str, text: str, metadata: dict[str, Any]) -> Chunk:
    """Rebuild a `Chunk` from what Chroma stores."""
    return Chunk(
        id=chunk_id,
        doc_id=metadata["doc_id"],
        text=text,
        start=int(metadata["start"]),
        end=int(metadata["end"]),
        section_path=json.loads(metadata["section_path"]),
        page_start=metadata.get("page_start"),
        page_end=metadata.get("page_end"),
        title=metadata["title"],
        authors=json.loads(metadata["authors"]),
        year=metadata.get("year"),
        kind=metadata.get("kind", "other"),
        language=metadata.get("language", "nb"),
    )


class ChunkStore:
    """The index of one corpus in Chroma. Open with :meth:`open`; close when done."""

    def __init__(
        self, client: Any, settings: Settings, embedder: Embedder, lock: StoreLock | None
    ) -> None:
        self.settings = settings
        self.embedder = embedder
        self._client = client
        self._lock = lock
        self._attach()
        self._check_embedder()

    def _attach(self) -> None:
        name = self.settings.store.collection
        self.vectorstore = Chroma(
            client=self._client,
            collection_name=name,
            embedding_function=self.embedder,
            collection_configuration=_SPACE,  # type: ignore[arg-type]
            create_collection_if_not_exists=True,
        )
        self._chunks = self.vectorstore._collection
        self._sentences = self._client.get_or_create_collection(
            f"{name}-sentences", embedding_function=None, configuration=_SPACE
        )
        self._records = self._client.get_or_create_collection(
            f"{name}-documents", embedding_function=None
        )

    def clear(self) -> None:
        """Drop the collections and start empty (also when built by another embedder)."""
        _drop_collections(self._client, self.settings.store.collection)
        self._attach()

    @classmethod
    def open(
        cls,
        settings: Settings,
        embedder: Embedder,
        owner: dict[str, Any] | None = None,
        rebuild: bool = False,
    ) -> ChunkStore:
        """Open (creating if needed) the configured store, taking its lock when embedded.

        With ``rebuild`` the collections are dropped first, so an index built by another
        embedder (another vector size) can be replaced.
        """
        lock = None
        if not settings.store.chroma_url:
            lock = StoreLock(settings.store.path)
            lock.acquire(owner or {"command": "policy-assistant"})
        try:
            client = _client(settings)
            if rebuild:
                _drop_collections(client, settings.store.collection)
            return cls(client, settings, embedder, lock)
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    def close(self) -> None:
        """Release the store (and its lock)."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> ChunkStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- embedder bookkeeping --

    def _check_embedder(self) -> None:
        built_by = (self._chunks.metadata or {}).get("embedder")
        if built_by is None:
            return
        if built_by != self.embedder.fingerprint:
            raise EmbedderMismatchError(
                f"the index {self.settings.store.collection!r} was built with embedder "
                f"{built_by!r}, but the configured embedder is {self.embedder.fingerprint!r}. "
                "Vectors of different models cannot be compared: rebuild the index with "
                "`policy-assistant index --rebuild`, or configure the original embedder."
            )

    def _set_metadata(self, **values: Any) -> None:
        metadata = dict(self._chunks.metadata or {})
        metadata.update(values)
        metadata.pop("hnsw:space", None)
        self._chunks.modify(metadata=metadata)

    @property
    def generation(self) -> int:
        """A counter bumped by every change of the index; caches key on it."""
        return int((self._chunks.metadata or {}).get("generation", 0))

    def bump_generation(self) -> int:
        """Record that the index changed, and which embedder built it."""
        generation = self.generation + 1
        self._set_metadata(generation=generation, embedder=self.embedder.fingerprint)
        return generation

    # -- writing --

    def replace_document(
        self, record: DocumentRecord, chunks: list[Chunk], sentences: list[tuple[int, int]]
    ) -> None:
        """Put a document's chunks, sentences and record in place of any earlier version."""
        doc_id = record.entry.id
        self.delete_document(doc_id)
        if chunks:
            self.vectorstore.add_texts(
                texts=[chunk.text for chunk in chunks],
                metadatas=[_chunk_metadata(chunk) for chunk in chunks],
                ids=[chunk.id for chunk in chunks],
            )
        if sentences:
            texts = [record.text[start:end] for start, end in sentences]
            self._sentences.add(
                ids=[f"{doc_id}#{start}-{end}" for start, end in sentences],
                embeddings=self.embedder.embed_documents(texts),
                documents=texts,
                metadatas=[
                    {"doc_id": doc_id, "start": start, "end": end} for start, end in sentences
                ],
            )
        self._records.add(ids=[doc_id], embeddings=[[1.0]], documents=[record.model_dump_json()])

    def delete_document(self, doc_id: str) -> None:
        """Remove every trace of a document."""
        self._chunks.delete(where={"doc_id": doc_id})
        self._sentences.delete(where={"doc_id": doc_id})
        self._records.delete(ids=[doc_id])

    # -- reading --

    def records(self) -> dict[str, DocumentRecord]:
        """Every indexed document's record, by document id."""
        result = self._records.get(include=["documents"])
        return {
            doc_id: DocumentRecord.model_validate_json(document)
            for doc_id, document in zip(result["ids"], result["documents"] or [], strict=True)
        }

    def record(self, doc_id: str) -> DocumentRecord | None:
        """One document's record, if indexed."""
        result = self._records.get(ids=[doc_id], include=["documents"])
        documents = result["documents"] or []
        return DocumentRecord.model_validate_json(documents[0]) if documents else None

    def count(self) -> int:
        """Number of chunks."""
        return int(self._chunks.count())

    def all_chunks(self) -> list[Chunk]:
        """Every chunk (for the lexical index)."""
        return list(self._iter_chunks())

    def _iter_chunks(self, batch: int = 2000) -> Iterator[Chunk]:
        offset = 0
        while True:
            result = self._chunks.get(
                include=["documents", "metadatas"], limit=batch, offset=offset
            )
            for chunk_id, text, metadata in zip(
                result["ids"], result["documents"] or [], result["metadatas"] or [], strict=True
            ):
                yield chunk_from_record(chunk_id, text, dict(metadata))
            if len(result["ids"]) < batch:
                return
            offset += batch

    def dense_search(
        self, vector: list[float], k: int, where: dict[str, Any] | None = None
    ) -> list[tuple[Chunk, float]]:
        """The k chunks nearest a query vector, with cosine similarity."""
        total = self.count()
        if total == 0:
            return []
        result = self._chunks.query(
            query_embeddings=[vector],  # type: ignore[arg-type]
            n_results=min(k, total),
            where=where,
            include=["documents", "metadatas", "distances"],
        )
        return [
            (chunk_from_record(chunk_id, text, dict(metadata)), 1.0 - float(distance))
            for chunk_id, text, metadata, distance in zip(
                result["ids"][0],
                (result["documents"] or [[]])[0],
                (result["metadatas"] or [[]])[0],
                (result["distances"] or [[]])[0],
                strict=True,
            )
        ]

    def sentences_within(self, spans: list[tuple[str, int, int]]) -> list[SentenceHit]:
        """Stored sentences lying inside any of the (doc_id, start, end) spans."""
        if not spans:
            return []
        clauses: list[dict[str, Any]] = [
            {"$and": [{"doc_id": doc_id}, {"start": {"$gte": start}}, {"end": {"$lte": end}}]}
            for doc_id, start, end in spans
        ]
        where = clauses[0] if len(clauses) == 1 else {"$or": clauses}
        result = self._sentences.get(where=where, include=["documents", "metadatas", "embeddings"])
        hits = [
            SentenceHit(
                doc_id=str(metadata["doc_id"]),
                start=int(metadata["start"]),
                end=int(metadata["end"]),
                text=text,
                vector=list(vector),
            )
            for text, metadata, vector in zip(
                result["documents"] or [],
                result["metadatas"] or [],
                result["embeddings"] if result["embeddings"] is not None else [],
                strict=True,
            )
        ]
        return sorted(hits, key=lambda hit: (hit.doc_id, hit.start))


@contextlib.contextmanager
def open_store(
    settings: Settings,
    embedder: Embedder,
    owner: dict[str, Any] | None = None,
    rebuild: bool = False,
) -> Iterator[ChunkStore]:
    """Open the store for the length of a `with` block."""
    store = ChunkStore.open(settings, embedder, owner, rebuild=rebuild)
    try:
        yield store
    finally:
        store.close()
