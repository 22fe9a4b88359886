"""The index in Chroma: generations of chunks, sentences, texts and records, and a manifest.

An index is a *generation*: four collections named ``<name>-<generation>-<part>``:

- ``chunks``: the passages with their vectors (the unit of retrieval);
- ``sentences``: each document's sentences with their vectors, for extractive answers;
- ``texts``: each document's cleaned text, read on demand (quotes are spans of it);
- ``records``: one record per document (content hash, metadata, references, and the ids of
  its pieces). A document is visible only through its record, written after its pieces.

``<name>-manifest`` says which generation is current, its change counter and the embedder that
built it. A rebuild writes a new generation beside the current one and switches the manifest
in one write, so readers see the old index or the new one, never a half-built one.

Every stored piece carries its document's *version*, a fresh token per write. Before a
document's pieces are written, a pending entry in the manifest names the versions being written
and retired; a run that dies midway leaves entries that the next writer clears, and readers
never see pieces whose version is not their record's. Pieces are fetched and deleted by id,
never by a scan over metadata.

The manifest records the embedder that built the index; opening it with another is an
:class:`EmbedderMismatchError`. An embedded store has one owning process at a time, held by a
lock file; several processes share an index only through a Chroma server (``store.chroma_url``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import threading
import uuid
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np

from assistant.domain import Chunk, DocumentRecord
from assistant.errors import (
    ConfigurationError,
    EmbedderMismatchError,
    ReadOnlyStoreError,
    StoreBusyError,
    StoreUnavailableError,
)
from assistant.settings import Settings
from indexing.chunking import document_key
from indexing.embedders import Embedder

logger = logging.getLogger(__name__)

_SPACE = {"hnsw": {"space": "cosine"}}
LOCK_FILE = "owner.lock"
PARTS = ("chunks", "sentences", "texts", "records")
CURRENT = "current"
PENDING = "pending:"
# Ids per `get` call: well below SQLite's limit on bound variables.
READ_BATCH = 2000
# Most items per write, below any client's `max_batch_size` (it is asked for, too).
WRITE_BATCH = 1000
# Documents whose texts a reader keeps (quotes of an answer come from a handful).
TEXT_CACHE = 16
# Sentences embedded on reading whose vectors a store keeps (1.5 KB each): those of some
# thousand answers' passages.
SENTENCE_VECTORS = 20_000


@dataclass(frozen=True)
class SentenceHit:
    """A stored sentence of a document, with its vector."""

    doc_id: str
    start: int
    end: int
    text: str
    vector: list[float]
    instruction: bool = False
    key: str = ""  # its id in the store


class SentenceVectors:
    """Vectors of sentences stored without one, embedded when an answer first reads them and
    kept, the most recently used first, for the next answers (by stored id, so a document's
    new version never gets its old vectors). Those not yet written to the store wait in
    `unstored`: an answer does not wait for a write."""

    def __init__(self, embedder: Embedder, size: int, store_later: bool = True) -> None:
        self.embedder = embedder
        self.size = size
        self.store_later = store_later  # False for a store that is never written
        # float32 arrays: about an eighth of the memory of lists of floats.
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._unstored: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def get(self, items: Sequence[tuple[str, str]]) -> list[list[float]]:
        """The vectors of these (stored id, text) sentences, embedding the ones not kept."""
        with self._lock:
            known = {key: self._vectors[key] for key, _ in items if key in self._vectors}
            for key in known:
                self._vectors.move_to_end(key)
        missing = {key: text for key, text in items if key not in known}
        if missing:
            # One call for all of them: the embedder batches them together.
            made = self.embedder.embed_documents(list(missing.values()))
            known.update(
                (key, np.asarray(vector, dtype=np.float32))
                for key, vector in zip(missing, made, strict=True)
            )
            with self._lock:
                for key in missing:
                    self._vectors[key] = known[key]
                    if self.store_later and len(self._unstored) < self.size:
                        self._unstored[key] = known[key]
                while len(self._vectors) > self.size:
                    self._vectors.popitem(last=False)
        return [known[key].tolist() for key, _ in items]

    def take_unstored(self) -> dict[str, list[float]]:
        """The vectors made since last asked, by stored id, to write to the store."""
        with self._lock:
            taken, self._unstored = self._unstored, {}
        return {key: vector.tolist() for key, vector in taken.items()}


def store_vectors(generation: Generation, url: str | None, vectors: dict[str, list[float]]) -> int:
    """Write sentences' vectors made after indexing, by stored id; how many. Only a speed-up:
    a write that fails (the generation replaced, the server away) is left for a reader to
    make again."""
    keys = list(vectors)
    try:
        with reaching(url):
            for batch in _batched(keys, WRITE_BATCH):
                generation.sentences.update(
                    ids=list(batch),
                    embeddings=[vectors[key] for key in batch],
                    metadatas=[{"embedded": True} for _ in batch],
                )
    except Exception as error:  # a failed cache write loses nothing
        logger.info("sentence vectors made after indexing were not stored: %s", error)
        return 0
    return len(keys)


def placeholder_vector(key: str, dimension: int) -> list[float]:
    """A unit vector that stands in the store for a sentence embedded only when read: spread
    by the sentence's id, since an index of many equal vectors builds slowly."""
    seed = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big")
    vector = np.random.default_rng(seed).standard_normal(dimension)
    return (vector / np.linalg.norm(vector)).tolist()


@dataclass(frozen=True)
class DocumentWrite:
    """What `ChunkStore.replace_documents` writes of one document: its record, chunks (with
    their sentence ranges), sentence spans, their vectors, and the sentences flagged as
    instructions to the reader."""

    record: DocumentRecord
    chunks: list[Chunk]
    sentences: list[tuple[int, int]]
    chunk_vectors: list[list[float]]
    # None: the sentences are embedded when an answer first reads them (`SentenceVectors`).
    sentence_vectors: list[list[float]] | None
    instructions: Sequence[bool] = ()

    @property
    def items(self) -> int:
        """Rows this document adds to the store."""
        return len(self.chunks) + len(self.sentences) + 1


@dataclass(frozen=True)
class DocumentPieces:
    """Where a document's pieces are: its version and the ids to fetch or delete them by."""

    version: str
    chunk_ids: list[str]
    sentences: int
    content_hash: str = ""
    # `document_key` of the chunks: the lexical index is checked against it, chunks unread.
    chunks_key: str = ""

    def stored_chunk_ids(self) -> list[str]:
        """The chunks' ids in the store."""
        return [stored_id(chunk_id, self.version) for chunk_id in self.chunk_ids]

    def stored_sentence_ids(self, doc_id: str) -> list[str]:
        """The sentences' ids in the store."""
        return [sentence_id(doc_id, self.version, i) for i in range(self.sentences)]


def stored_id(chunk_id: str, version: str) -> str:
    """A chunk's id in the store: its own id and its document's version."""
    return f"{chunk_id}@{version}"


def sentence_id(doc_id: str, version: str, number: int) -> str:
    """The store id of a document's sentence, by its number in text order."""
    return f"{doc_id}@{version}#{number}"


def text_id(doc_id: str, version: str) -> str:
    """The store id of a document's text."""
    return f"{doc_id}@{version}"


def doc_of_chunk(chunk_id: str) -> str:
    """The document id in a chunk id (``<doc_id>:<digest>``)."""
    return chunk_id.split(":", 1)[0]


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


# --- the client ---------------------------------------------------------------------------


def check_writable(folder: Path) -> None:
    """Raise `ReadOnlyStoreError` when an embedded store's folder cannot be written."""
    probe = folder if folder.exists() else next(p for p in folder.parents if p.exists())
    if not os.access(probe, os.W_OK) or (
        (folder / "chroma.sqlite3").exists() and not os.access(folder / "chroma.sqlite3", os.W_OK)
    ):
        raise ReadOnlyStoreError(
            f"the index at {str(folder)!r} is read-only: indexing needs write access. Give "
            "this user write access to it, or point POLICY_ASSISTANT_STORE__PATH at a "
            "writable folder; searching and answering still work."
        )


@contextlib.contextmanager
def reaching(url: str | None) -> Iterator[None]:
    """Turn a Chroma server that does not answer into a `StoreUnavailableError`."""
    if not url:
        yield
        return
    import httpx

    try:
        yield
    except (httpx.TransportError, ConnectionError) as error:
        raise StoreUnavailableError(
            f"the Chroma server at {url!r} does not answer ({type(error).__name__}); start it "
            "(`chroma run`) or check POLICY_ASSISTANT_STORE__CHROMA_URL"
        ) from error
    except ValueError as error:
        if "Could not connect" not in str(error):
            raise
        raise StoreUnavailableError(
            f"the Chroma server at {url!r} does not answer; start it (`chroma run`) or check "
            "POLICY_ASSISTANT_STORE__CHROMA_URL"
        ) from error


def _client(settings: Settings, copy: Path | None = None) -> Any:
    import chromadb

    chroma_settings = chromadb.Settings(anonymized_telemetry=False)
    if settings.store.chroma_url:
        url = urlparse(settings.store.chroma_url)
        if url.scheme not in {"http", "https"} or not url.hostname:
            raise ConfigurationError(
                f"store.chroma_url {settings.store.chroma_url!r} is not an http(s) URL; "
                "set POLICY_ASSISTANT_STORE__CHROMA_URL like http://localhost:8000"
            )
        with reaching(settings.store.chroma_url):
            return chromadb.HttpClient(
                host=url.hostname,
                port=url.port or (443 if url.scheme == "https" else 80),
                ssl=url.scheme == "https",
                settings=chroma_settings,
            )
    if copy is not None:
        return chromadb.PersistentClient(path=str(copy), settings=chroma_settings)
    settings.store.path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.store.path), settings=chroma_settings)


def _readable_copy(folder: Path) -> Path:
    """A private, writable copy of a store this process may only read.

    Chroma opens its SQLite file for writing even to read, so a read-only store is served
    from a temporary copy, which readers never change. The copy takes the permissions of
    this user, not the store's: a store made read-only by its mode would be copied
    read-only and fail to open just the same.
    """
    import tempfile

    copy = Path(tempfile.mkdtemp(prefix="policy-assistant-readonly-")) / "store"
    try:
        shutil.copytree(
            folder, copy, ignore=shutil.ignore_patterns(LOCK_FILE), copy_function=shutil.copyfile
        )
        for path in (copy, *copy.rglob("*")):
            if path.is_dir():
                path.chmod(0o700)
    except OSError as error:
        shutil.rmtree(copy.parent, ignore_errors=True)
        raise ReadOnlyStoreError(
            f"the index at {str(folder)!r} is read-only and could not be copied to be read "
            f"({error.strerror or error}); give this user read access to it, or write access "
            "to its folder"
        ) from error
    return copy


def _batched(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def chunk_metadata(chunk: Chunk, version: str) -> dict[str, Any]:
    """What the store keeps of a chunk beside its text and vector."""
    metadata: dict[str, Any] = {
        "chunk_id": chunk.id,
        "doc_id": chunk.doc_id,
        "version": version,
        "title": chunk.title,
        "authors": json.dumps(chunk.authors, ensure_ascii=False),
        "kind": chunk.kind,
        "language": chunk.language,
        "section_path": json.dumps(chunk.section_path, ensure_ascii=False),
        "start": chunk.start,
        "end": chunk.end,
        "sentence_first": chunk.sentences[0],
        "sentence_count": chunk.sentences[1],
    }
    optional = {"year": chunk.year, "page_start": chunk.page_start, "page_end": chunk.page_end}
    metadata.update({key: value for key, value in optional.items() if value is not None})
    return metadata


def chunk_from_record(text: str, metadata: dict[str, Any]) -> Chunk:
    """Rebuild a `Chunk` from what Chroma stores."""
    return Chunk(
        id=metadata["chunk_id"],
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
        sentences=(int(metadata["sentence_first"]), int(metadata["sentence_count"])),
    )


# --- a generation -------------------------------------------------------------------------


@dataclass
class Generation:
    """The collections of one generation of the index."""

    name: str
    chunks: Any
    sentences: Any
    texts: Any
    records: Any

    @classmethod
    def attach(
        cls, client: Any, prefix: str, name: str, search_ef: int, read_only: bool = False
    ) -> Generation:
        """Open (creating when missing) the collections of generation `name`, their vector
        search exploring `search_ef` neighbours (`store.search_ef`)."""
        space = {"hnsw": {**_SPACE["hnsw"], "ef_search": search_ef}}
        collections = {
            part: client.get_or_create_collection(
                f"{prefix}-{name}-{part}",
                embedding_function=None,
                configuration=space if part in ("chunks", "sentences") else None,
            )
            for part in PARTS
        }
        if not read_only:
            for part in ("chunks", "sentences"):
                _search_with(collections[part], search_ef)
        return cls(name=name, **collections)

    def pieces(self) -> dict[str, DocumentPieces]:
        """Every visible document's version and piece ids, by document id."""
        pieces: dict[str, DocumentPieces] = {}
        offset = 0
        while True:
            result = self.records.get(include=["metadatas"], limit=READ_BATCH, offset=offset)
            for doc_id, metadata in zip(result["ids"], result["metadatas"] or [], strict=True):
                pieces[doc_id] = _pieces_of(metadata)
            if len(result["ids"]) < READ_BATCH:
                return pieces
            offset += READ_BATCH

    def records_by_id(self) -> dict[str, DocumentRecord]:
        """Every visible document's record (without its text), by document id."""
        records: dict[str, DocumentRecord] = {}
        offset = 0
        while True:
            result = self.records.get(include=["documents"], limit=READ_BATCH, offset=offset)
            for doc_id, document in zip(result["ids"], result["documents"] or [], strict=True):
                records[doc_id] = DocumentRecord.model_validate_json(document)
            if len(result["ids"]) < READ_BATCH:
                return records
            offset += READ_BATCH


def _search_with(collection: Any, search_ef: int) -> None:
    """Set an existing collection's `ef_search` (made with another, or before it was set):
    the setting may change at any time, the graph stays."""
    hnsw = (collection.configuration or {}).get("hnsw") or {}
    if hnsw.get("ef_search") != search_ef:
        collection.modify(configuration={"hnsw": {"ef_search": search_ef}})


def _pieces_of(metadata: Any) -> DocumentPieces:
    return DocumentPieces(
        version=str(metadata["version"]),
        chunk_ids=json.loads(metadata["chunk_ids"]),
        sentences=int(metadata["sentences"]),
        content_hash=str(metadata.get("content_hash", "")),
        chunks_key=str(metadata.get("chunks_key", "")),
    )


# --- what readers hold --------------------------------------------------------------------


class StoreView:
    """A reader's view of one generation: only documents with a record, at their version."""

    def __init__(
        self,
        generation: Generation,
        embedder: Embedder,
        key: str,
        url: str | None = None,
        vectors: SentenceVectors | None = None,
        writable: bool = False,
    ) -> None:
        self.generation = generation
        self.embedder = embedder
        self.vectors = vectors or SentenceVectors(embedder, SENTENCE_VECTORS)
        self.writable = writable
        self.key = key
        self.url = url
        self.pieces = generation.pieces()
        self._count = sum(len(p.chunk_ids) for p in self.pieces.values())
        self._texts: OrderedDict[str, str] = OrderedDict()

    @cached_property
    def records(self) -> dict[str, DocumentRecord]:
        """Every visible document's record (without its text), by document id; read when
        first asked for, since keeping the lexical index in step needs only `pieces`."""
        with reaching(self.url):
            return self.generation.records_by_id()

    def visible(self, metadata: dict[str, Any]) -> bool:
        """True when a stored piece belongs to the version of its document this view shows."""
        pieces = self.pieces.get(str(metadata.get("doc_id")))
        return pieces is not None and pieces.version == metadata.get("version")

    def count(self) -> int:
        """Number of chunks of the visible documents."""
        return self._count

    def chunk_ids(self, doc_id: str) -> list[str]:
        """A document's chunk ids, in text order."""
        pieces = self.pieces.get(doc_id)
        return list(pieces.chunk_ids) if pieces else []

    def dense_search(
        self, vector: list[float], k: int, where: dict[str, Any] | None = None
    ) -> list[tuple[Chunk, float]]:
        """The k chunks nearest a query vector, with cosine similarity."""
        if self._count == 0:
            return []
        with reaching(self.url):
            result = self.generation.chunks.query(
                query_embeddings=[vector],
                n_results=min(k, self._count),
                where=where,
                include=["documents", "metadatas", "distances"],
            )
        return [
            (chunk_from_record(text, dict(metadata)), 1.0 - float(distance))
            for text, metadata, distance in zip(
                (result["documents"] or [[]])[0],
                (result["metadatas"] or [[]])[0],
                (result["distances"] or [[]])[0],
                strict=True,
            )
            if self.visible(metadata)
        ]

    def chunks_by_id(self, chunk_ids: Iterable[str]) -> dict[str, Chunk]:
        """The visible chunks among these ids, by id (missing ones are left out)."""
        wanted = []
        for chunk_id in chunk_ids:
            pieces = self.pieces.get(doc_of_chunk(chunk_id))
            if pieces is not None:
                wanted.append(stored_id(chunk_id, pieces.version))
        found: dict[str, Chunk] = {}
        for batch in _batched(wanted, READ_BATCH):
            with reaching(self.url):
                result = self.generation.chunks.get(
                    ids=list(batch), include=["documents", "metadatas"]
                )
            for text, metadata in zip(
                result["documents"] or [], result["metadatas"] or [], strict=True
            ):
                if self.visible(metadata):
                    chunk = chunk_from_record(text, dict(metadata))
                    found[chunk.id] = chunk
        return found

    def all_chunks(self) -> Iterator[Chunk]:
        """Every visible chunk, document by document (for building the lexical index)."""
        for doc_id in sorted(self.pieces):
            yield from self.chunks_of(doc_id)

    def chunks_of(self, doc_id: str) -> list[Chunk]:
        """A document's visible chunks, in text order."""
        pieces = self.pieces.get(doc_id)
        if pieces is None:
            return []
        return sorted(self.chunks_by_id(pieces.chunk_ids).values(), key=lambda c: c.start)

    def chunk_keys(self) -> dict[str, str]:
        """Each visible document's `document_key`, read from its chunks where the record
        does not keep it (an index written by an earlier version)."""
        return {
            doc_id: pieces.chunks_key or document_key(self.chunks_of(doc_id))
            for doc_id, pieces in self.pieces.items()
        }

    def sentences_of(self, chunks: Sequence[Chunk]) -> list[SentenceHit]:
        """The stored sentences inside these chunks, fetched by id, in text order."""
        ids: dict[str, None] = {}
        for chunk in chunks:
            pieces = self.pieces.get(chunk.doc_id)
            if pieces is None:
                continue
            first, count = chunk.sentences
            for number in range(first, first + count):
                ids[sentence_id(chunk.doc_id, pieces.version, number)] = None
        hits: list[SentenceHit] = []
        unembedded: list[int] = []
        for batch in _batched(list(ids), READ_BATCH):
            with reaching(self.url):
                result = self.generation.sentences.get(
                    ids=list(batch), include=["documents", "metadatas", "embeddings"]
                )
            embeddings = result["embeddings"] if result["embeddings"] is not None else []
            for key, text, metadata, vector in zip(
                result["ids"],
                result["documents"] or [],
                result["metadatas"] or [],
                embeddings,
                strict=True,
            ):
                if self.visible(metadata):
                    if metadata.get("embedded") is False:
                        unembedded.append(len(hits))
                    hits.append(
                        SentenceHit(
                            doc_id=str(metadata["doc_id"]),
                            start=int(metadata["start"]),
                            end=int(metadata["end"]),
                            text=text,
                            vector=list(vector),
                            instruction=bool(metadata.get("instruction", False)),
                            key=key,
                        )
                    )
        if unembedded:
            made = self.vectors.get([(hits[i].key, hits[i].text) for i in unembedded])
            for i, vector in zip(unembedded, made, strict=True):
                hits[i] = dataclasses.replace(hits[i], vector=vector)
        return sorted(hits, key=lambda hit: (hit.doc_id, hit.start))

    def store_read_vectors(self) -> int:
        """Write the vectors answers made on reading to the store, for later answers, other
        replicas and after a restart; how many."""
        if not self.writable:
            return 0
        return store_vectors(self.generation, self.url, self.vectors.take_unstored())

    def embed_waiting(self, limit: int) -> int:
        """Embed and store up to `limit` sentences stored without a vector (visible ones);
        how many there were. What a service does while idle, so answers need not wait."""
        if not self.writable or limit <= 0:
            return 0
        with reaching(self.url):
            result = self.generation.sentences.get(
                where={"embedded": False}, limit=limit, include=["documents", "metadatas"]
            )
        waiting = {
            key: text
            for key, text, metadata in zip(
                result["ids"], result["documents"] or [], result["metadatas"] or [], strict=True
            )
            if self.visible(metadata)
        }
        if waiting:
            # Not kept in memory too: they are read from the store from now on.
            made = self.embedder.embed_documents(list(waiting.values()))
            store_vectors(self.generation, self.url, dict(zip(waiting, made, strict=True)))
        return len(waiting)

    def text(self, doc_id: str) -> str:
        """A document's cleaned text (the last few are kept in memory)."""
        cached = self._texts.get(doc_id)
        if cached is not None:
            self._texts.move_to_end(doc_id)
            return cached
        pieces = self.pieces.get(doc_id)
        if pieces is None:
            return ""
        with reaching(self.url):
            result = self.generation.texts.get(ids=[text_id(doc_id, pieces.version)])
        text = (result["documents"] or [""])[0]
        self._texts[doc_id] = text
        while len(self._texts) > TEXT_CACHE:
            self._texts.popitem(last=False)
        return text

    def full_record(self, doc_id: str) -> DocumentRecord | None:
        """A document's record with its text."""
        record = self.records.get(doc_id)
        if record is None:
            return None
        return record.model_copy(update={"text": self.text(doc_id)})


# --- the store ----------------------------------------------------------------------------


@dataclass
class Manifest:
    """The current generation, the change counter, and the embedder that built the index."""

    generation: str = ""
    changes: int = 0
    embedder: str | None = None
    building: str = ""
    pending: dict[str, dict[str, Any]] = field(default_factory=dict)


class ChunkStore:
    """The index of one corpus in Chroma. Open with :meth:`open`; close when done."""

    def __init__(
        self,
        client: Any,
        settings: Settings,
        embedder: Embedder,
        lock: StoreLock | None,
        read_only: bool = False,
        check_embedder: bool = True,
        copy: Path | None = None,
    ) -> None:
        self.settings = settings
        self._copy = copy
        self.embedder = embedder
        self.read_only = read_only
        self._client = client
        self._lock = lock
        self.prefix = settings.store.collection
        self._manifest = client.get_or_create_collection(
            f"{self.prefix}-manifest", embedding_function=None
        )
        state = self.manifest()
        if not state.generation:
            state.generation = self._new_generation_name()
            if not read_only:
                self._write_manifest(state)
        # A read-only store read from its own copy may still set how its copy is searched.
        self.current = Generation.attach(
            client, self.prefix, state.generation, settings.store.search_ef, self._fixed
        )
        if check_embedder:
            self._check_embedder(state)
        self.vectors = SentenceVectors(embedder, SENTENCE_VECTORS, store_later=not read_only)
        max_batch = int(getattr(client, "get_max_batch_size", lambda: WRITE_BATCH)())
        self.write_batch = max(1, min(WRITE_BATCH, max_batch))
        if not read_only and lock is not None:
            # The lock says no other process writes: leftovers are a dead run's. (On a shared
            # server only the index job recovers, see `index_corpus`.)
            self.recover()

    @classmethod
    def open(
        cls,
        settings: Settings,
        embedder: Embedder,
        owner: dict[str, Any] | None = None,
        rebuild: bool = False,
        read_only: bool = False,
    ) -> ChunkStore:
        """Open (creating if needed) the configured store, taking its lock when embedded.

        With ``rebuild`` an index built by another embedder (another vector size) opens too,
        for `index_corpus(..., rebuild=True)` to replace it. ``read_only`` opens an embedded
        store without its lock and refuses writes (for a folder this user may only read).
        """
        lock = None
        remote = bool(settings.store.chroma_url)
        if not remote and not read_only:
            check_writable(settings.store.path)
            lock = StoreLock(settings.store.path)
            lock.acquire(owner or {"command": "policy-assistant"})
        copy = _readable_copy(settings.store.path) if read_only and not remote else None
        try:
            client = _client(settings, copy)
            return cls(
                client, settings, embedder, lock, read_only, check_embedder=not rebuild, copy=copy
            )
        except BaseException:
            if lock is not None:
                lock.release()
            if copy is not None:
                shutil.rmtree(copy.parent, ignore_errors=True)
            raise

    @property
    def _fixed(self) -> bool:
        """Whether no setting of the collections may change: read-only, and not a copy."""
        return self.read_only and self._copy is None

    @property
    def folder(self) -> Path:
        """The folder the store's local files are read from (a read-only store's copy)."""
        return self._copy or self.settings.store.path

    def close(self) -> None:
        """Release the store (and its lock, or the copy a read-only store is read from),
        first writing the sentence vectors answers made on reading."""
        if not self.read_only:
            store_vectors(
                self.current, self.settings.store.chroma_url, self.vectors.take_unstored()
            )
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        if self._copy is not None:
            shutil.rmtree(self._copy.parent, ignore_errors=True)
            self._copy = None

    def __enter__(self) -> ChunkStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- the manifest --

    def manifest(self) -> Manifest:
        """What the manifest says now (read from the store, so other writers count)."""
        with reaching(self.settings.store.chroma_url):
            result = self._manifest.get(include=["metadatas"])
        manifest = Manifest()
        for item_id, metadata in zip(result["ids"], result["metadatas"] or [], strict=True):
            if item_id == CURRENT:
                manifest.generation = str(metadata.get("generation", ""))
                manifest.changes = int(metadata.get("changes", 0))
                manifest.embedder = metadata.get("embedder") or None
                manifest.building = str(metadata.get("building", ""))
            elif item_id.startswith(PENDING):
                manifest.pending[item_id] = dict(metadata)
        return manifest

    def _write_manifest(self, manifest: Manifest) -> None:
        self._require_writable()
        self._manifest.upsert(
            ids=[CURRENT],
            embeddings=[[1.0]],
            metadatas=[
                {
                    "generation": manifest.generation,
                    "changes": manifest.changes,
                    "embedder": manifest.embedder or "",
                    "building": manifest.building,
                }
            ],
        )

    def _new_generation_name(self) -> str:
        return f"g{uuid.uuid4().hex[:10]}"

    @property
    def generation(self) -> int:
        """A counter bumped by every change of the index; it never goes back."""
        return self.manifest().changes

    @property
    def consistency_key(self) -> str:
        """Names the exact content of the index: a cache built for it is valid for it alone."""
        manifest = self.manifest()
        return f"{manifest.generation}:{manifest.changes}"

    def bump_generation(self) -> int:
        """Record that the index changed, and which embedder built it."""
        manifest = self.manifest()
        manifest.changes += 1
        manifest.embedder = self.embedder.fingerprint
        self._write_manifest(manifest)
        return manifest.changes

    def _check_embedder(self, manifest: Manifest) -> None:
        built_by = manifest.embedder
        if built_by is None or built_by == self.embedder.fingerprint:
            return
        raise EmbedderMismatchError(
            f"the index {self.settings.store.collection!r} was built with embedder "
            f"{built_by!r}, but the configured embedder is {self.embedder.fingerprint!r}. "
            "Vectors of different models cannot be compared: rebuild the index with "
            "`policy-assistant index --rebuild`, or configure the original embedder."
        )

    def _require_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyStoreError(
                f"the index at {str(self.settings.store.path)!r} is open read-only: indexing "
                "needs write access to it"
            )

    # -- reading --

    def view(self) -> StoreView:
        """A reader's snapshot of the current generation."""
        manifest = self.manifest()
        if manifest.generation and manifest.generation != self.current.name:
            # Another process switched generations (a rebuild through a shared server).
            self.current = Generation.attach(
                self._client,
                self.prefix,
                manifest.generation,
                self.settings.store.search_ef,
                self._fixed,
            )
        key = f"{manifest.generation}:{manifest.changes}"
        with reaching(self.settings.store.chroma_url):
            return StoreView(
                self.current,
                self.embedder,
                key,
                self.settings.store.chroma_url,
                self.vectors,
                writable=not self.read_only,
            )

    def records(self) -> dict[str, DocumentRecord]:
        """Every indexed document's record, without its text, by document id."""
        return self.current.records_by_id()

    def record(self, doc_id: str) -> DocumentRecord | None:
        """One document's record with its text, if indexed."""
        return self.view().full_record(doc_id)

    def count(self) -> int:
        """Number of visible chunks."""
        return sum(len(p.chunk_ids) for p in self.current.pieces().values())

    def all_chunks(self) -> list[Chunk]:
        """Every visible chunk (for the lexical index)."""
        return list(self.view().all_chunks())

    # -- writing --

    def replace_document(
        self,
        record: DocumentRecord,
        chunks: list[Chunk],
        sentences: list[tuple[int, int]],
        *,
        chunk_vectors: list[list[float]] | None = None,
        sentence_vectors: list[list[float]] | None = None,
        instructions: Sequence[bool] = (),
        into: Generation | None = None,
    ) -> None:
        """Put a document's chunks, sentences and record in place of any earlier version.

        Pieces are written first and the record last, so readers see the old version or the
        new one; vectors are embedded here unless given. ``chunks`` carry the range of their
        sentences (`Chunk.sentences`); ``instructions`` flags sentences that address the
        reader with instructions.
        """
        texts = [record.text[start:end] for start, end in sentences]
        if sentence_vectors is None:
            sentence_vectors = self.embedder.embed_documents(texts) if texts else []
        if chunk_vectors is None:
            chunk_vectors = self.embedder.embed_documents([c.text for c in chunks])
        self.replace_documents(
            [
                DocumentWrite(
                    record, chunks, sentences, chunk_vectors, sentence_vectors, instructions
                )
            ],
            into=into,
        )

    def replace_documents(
        self, writes: Sequence[DocumentWrite], into: Generation | None = None
    ) -> None:
        """Put several documents in place of their earlier versions, in one write per part.

        Chroma's cost per call, not per item, dominates small documents: a library is written
        a batch of documents at a time. Each document stays whole for readers, as in
        `replace_document`; a run that dies midway leaves pending entries that `recover` clears.
        """
        self._require_writable()
        if not writes:
            return
        target = into or self.current
        doc_ids = [w.record.entry.id for w in writes]
        if len(set(doc_ids)) != len(doc_ids):
            raise ValueError(f"a document is given twice in one batch: {sorted(doc_ids)!r}")
        olds = _pieces_of_many(target, doc_ids)
        news = {
            doc_id: DocumentPieces(
                uuid.uuid4().hex[:12], [c.id for c in w.chunks], len(w.sentences)
            )
            for doc_id, w in zip(doc_ids, writes, strict=True)
        }
        touched = {
            doc_id: [news[doc_id], *([olds[doc_id]] if doc_id in olds else [])]
            for doc_id in doc_ids
        }
        self._mark_pending_many(target, touched)
        sentence_rows: list[tuple[str, list[float], str, dict[str, Any]]] = []
        chunk_rows: list[tuple[str, list[float], str, dict[str, Any]]] = []
        for doc_id, write in zip(doc_ids, writes, strict=True):
            version = news[doc_id].version
            text = write.record.text
            flags = list(write.instructions) or [False] * len(write.sentences)
            for i, (start, end) in enumerate(write.sentences):
                key = sentence_id(doc_id, version, i)
                metadata = {
                    "doc_id": doc_id,
                    "version": version,
                    "start": start,
                    "end": end,
                    "instruction": flags[i],
                }
                if write.sentence_vectors is None:
                    vector = placeholder_vector(key, self.embedder.dimension)
                    metadata["embedded"] = False
                else:
                    vector = write.sentence_vectors[i]
                sentence_rows.append((key, vector, text[start:end], metadata))
            for chunk, vector in zip(write.chunks, write.chunk_vectors, strict=True):
                chunk_rows.append(
                    (
                        stored_id(chunk.id, version),
                        vector,
                        chunk.text,
                        chunk_metadata(chunk, version),
                    )
                )
        _add_rows(target.sentences, sentence_rows, self.write_batch)
        _add_rows(target.chunks, chunk_rows, self.write_batch)
        _add_rows(
            target.texts,
            [
                (
                    text_id(doc_id, news[doc_id].version),
                    [1.0],
                    write.record.text,
                    {"doc_id": doc_id, "version": news[doc_id].version},
                )
                for doc_id, write in zip(doc_ids, writes, strict=True)
            ],
            self.write_batch,
        )
        target.records.upsert(
            ids=doc_ids,
            embeddings=[[1.0]] * len(doc_ids),
            documents=[w.record.model_copy(update={"text": ""}).model_dump_json() for w in writes],
            metadatas=[
                {
                    "version": news[doc_id].version,
                    "chunk_ids": json.dumps(news[doc_id].chunk_ids),
                    "sentences": news[doc_id].sentences,
                    "content_hash": write.record.content_hash,
                    "chunks_key": document_key(write.chunks),
                }
                for doc_id, write in zip(doc_ids, writes, strict=True)
            ],
        )
        _delete_pieces_many(target, olds, self.write_batch)
        self._clear_pending_many(target, touched)

    def delete_document(self, doc_id: str, into: Generation | None = None) -> None:
        """Remove every trace of a document, by the ids its record lists."""
        self._require_writable()
        target = into or self.current
        old = _pieces(target, doc_id)
        if old is None:
            return
        self._mark_pending(target, doc_id, [old])
        target.records.delete(ids=[doc_id])
        _delete_pieces(target, doc_id, old, self.write_batch)
        self._clear_pending(target, doc_id, [old])

    def _mark_pending(
        self, target: Generation, doc_id: str, versions: list[DocumentPieces]
    ) -> None:
        self._mark_pending_many(target, {doc_id: versions})

    def _mark_pending_many(
        self, target: Generation, touched: dict[str, list[DocumentPieces]]
    ) -> None:
        pending = [(doc_id, p) for doc_id, versions in touched.items() for p in versions]
        self._manifest.upsert(
            ids=[_pending_id(target, doc_id, p.version) for doc_id, p in pending],
            embeddings=[[1.0]] * len(pending),
            metadatas=[
                {
                    "generation": target.name,
                    "doc_id": doc_id,
                    "version": p.version,
                    "chunk_ids": json.dumps(p.chunk_ids),
                    "sentences": p.sentences,
                }
                for doc_id, p in pending
            ],
        )

    def _clear_pending(
        self, target: Generation, doc_id: str, versions: list[DocumentPieces]
    ) -> None:
        self._clear_pending_many(target, {doc_id: versions})

    def _clear_pending_many(
        self, target: Generation, touched: dict[str, list[DocumentPieces]]
    ) -> None:
        self._manifest.delete(
            ids=[
                _pending_id(target, doc_id, p.version)
                for doc_id, versions in touched.items()
                for p in versions
            ]
        )

    def recover(self) -> list[str]:
        """Finish what an interrupted run left: pieces of unrecorded versions, dead generations.

        Returns the ids of the documents whose stray pieces were removed.
        """
        self._require_writable()
        manifest = self.manifest()
        cleaned: list[str] = []
        live = {manifest.generation}
        for legacy in (self.prefix, f"{self.prefix}-sentences", f"{self.prefix}-documents"):
            # The single-generation layout of earlier versions: re-indexed from the corpus.
            with contextlib.suppress(Exception):
                self._client.delete_collection(legacy)
        for name in _generation_names(self._client, self.prefix):
            if name not in live:
                logger.info("dropping the unfinished or retired index generation %s", name)
                _drop_generation(self._client, self.prefix, name)
        if manifest.building:
            manifest.building = ""
            self._write_manifest(manifest)
        for item_id, entry in manifest.pending.items():
            if entry.get("generation") == self.current.name:
                doc_id = str(entry["doc_id"])
                current = _pieces(self.current, doc_id)
                if current is None or current.version != entry["version"]:
                    _delete_pieces(self.current, doc_id, _pieces_of(entry), self.write_batch)
                    cleaned.append(doc_id)
            self._manifest.delete(ids=[item_id])
        self.remove_orphaned_segments()
        return cleaned

    # -- generations --

    def begin_generation(self) -> Generation:
        """A new, empty generation beside the current one (readers keep the current one)."""
        self._require_writable()
        manifest = self.manifest()
        manifest.building = self._new_generation_name()
        self._write_manifest(manifest)
        return Generation.attach(
            self._client, self.prefix, manifest.building, self.settings.store.search_ef
        )

    def switch_to(self, generation: Generation) -> Generation:
        """Make a generation current in one manifest write; returns the one it replaced."""
        self._require_writable()
        manifest = self.manifest()
        retired = self.current
        manifest.generation = generation.name
        manifest.building = ""
        manifest.changes += 1
        manifest.embedder = self.embedder.fingerprint
        self._write_manifest(manifest)
        self.current = generation
        return retired

    def drop(self, generation: Generation) -> None:
        """Delete a generation that is no longer current (and any other abandoned one, of a
        rebuild that stopped midway), with their segment folders."""
        self._require_writable()
        manifest = self.manifest()
        names = {generation.name} | _generation_names(self._client, self.prefix)
        dropped = names - {manifest.generation, manifest.building}
        for name in dropped:
            _drop_generation(self._client, self.prefix, name)
        stale = [i for i, e in manifest.pending.items() if e.get("generation") in dropped]
        if stale:
            self._manifest.delete(ids=stale)
        self.remove_orphaned_segments()

    def clear(self) -> None:
        """Start an empty generation and make it current (also after another embedder)."""
        retired = self.switch_to(self.begin_generation())
        self.drop(retired)

    def remove_orphaned_segments(self) -> list[Path]:
        """Delete segment folders of an embedded store that no collection uses any more."""
        if self.settings.store.chroma_url or self.read_only:
            return []
        return remove_orphaned_segments(self.settings.store.path)


def _pending_id(target: Generation, doc_id: str, version: str) -> str:
    return f"{PENDING}{target.name}:{doc_id}@{version}"


def _pieces(target: Generation, doc_id: str) -> DocumentPieces | None:
    result = target.records.get(ids=[doc_id], include=["metadatas"])
    metadatas = result["metadatas"] or []
    return _pieces_of(metadatas[0]) if metadatas else None


def _pieces_of_many(target: Generation, doc_ids: list[str]) -> dict[str, DocumentPieces]:
    pieces: dict[str, DocumentPieces] = {}
    for batch in _batched(doc_ids, READ_BATCH):
        result = target.records.get(ids=list(batch), include=["metadatas"])
        for doc_id, metadata in zip(result["ids"], result["metadatas"] or [], strict=True):
            pieces[doc_id] = _pieces_of(metadata)
    return pieces


def _add_rows(
    collection: Any, rows: list[tuple[str, list[float], str, dict[str, Any]]], batch: int
) -> None:
    for part in _batched(rows, batch):
        collection.add(
            ids=[row[0] for row in part],
            embeddings=[row[1] for row in part],
            documents=[row[2] for row in part],
            metadatas=[row[3] for row in part],
        )


def _delete_pieces(target: Generation, doc_id: str, pieces: DocumentPieces, batch: int) -> None:
    _delete_pieces_many(target, {doc_id: pieces}, batch)


def _delete_pieces_many(target: Generation, pieces: dict[str, DocumentPieces], batch: int) -> None:
    chunk_ids = [i for p in pieces.values() for i in p.stored_chunk_ids()]
    sentence_ids = [i for doc_id, p in pieces.items() for i in p.stored_sentence_ids(doc_id)]
    for ids in _batched(chunk_ids, batch):
        target.chunks.delete(ids=list(ids))
    for ids in _batched(sentence_ids, batch):
        target.sentences.delete(ids=list(ids))
    if pieces:
        target.texts.delete(ids=[text_id(doc_id, p.version) for doc_id, p in pieces.items()])


def _generation_names(client: Any, prefix: str) -> set[str]:
    names = set()
    for collection in client.list_collections():
        name = getattr(collection, "name", collection)
        for part in PARTS:
            head, tail = f"{prefix}-", f"-{part}"
            if name.startswith(head) and name.endswith(tail):
                generation = name[len(head) : -len(tail)]
                if generation.startswith("g") and "-" not in generation:
                    names.add(generation)
    return names


def _drop_generation(client: Any, prefix: str, name: str) -> None:
    for part in PARTS:
        with contextlib.suppress(Exception):  # already gone: nothing to drop
            client.delete_collection(f"{prefix}-{name}-{part}")


def remove_orphaned_segments(folder: Path) -> list[Path]:
    """Delete the segment folders of an embedded Chroma store that its catalogue no longer
    lists (Chroma leaves them behind when a collection is dropped)."""
    database = folder / "chroma.sqlite3"
    if not database.exists():
        return []
    try:
        with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
            used = {row[0] for row in db.execute("SELECT id FROM segments")}
    except sqlite3.Error:
        return []
    removed = []
    for path in folder.iterdir():
        if path.is_dir() and _is_uuid(path.name) and path.name not in used:
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _is_uuid(name: str) -> bool:
    try:
        uuid.UUID(name)
    except ValueError:
        return False
    return True


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
