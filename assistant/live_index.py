"""The index that requests read, kept current while documents are indexed.

`LiveIndex` loads one generation of the store (its view, the lexical index in step with it, the
retriever and the document records) as an `IndexState`, and swaps it whole: after a re-index in
this process, when a rebuild switches generations, or when another process changed a shared
store. A replaced generation is dropped once the requests that began on it are done.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from assistant.domain import DocumentRecord, IndexSummary
from assistant.errors import IndexNotReadyError
from assistant.library import Library
from assistant.retrieval.lexical import LexicalIndex, index_folder
from assistant.retrieval.retriever import Retriever
from assistant.retrieval.spelling import NameSpelling
from assistant.settings import Settings
from indexing.pipeline import Progress, index_corpus
from indexing.store import ChunkStore, Generation, StoreView

logger = logging.getLogger(__name__)

NOT_BUILT = (
    "the index is empty: build it with `policy-assistant index` (or `make run`), "
    "which reads the documents in the corpus folder"
)

# A replaced generation is dropped this long after the switch, so requests that began on it
# finish first.
RETIRE_AFTER_SECONDS = 10.0
# How often a replica on a shared Chroma server asks whether another one changed the index
# (well inside the time a retired generation is kept).
RELOAD_CHECK_SECONDS = 2.0


@dataclass(frozen=True)
class IndexState:
    """What requests read: one generation of the store, swapped whole when the index changes."""

    view: StoreView
    retriever: Retriever
    lexical: LexicalIndex
    library: Library
    spelling: NameSpelling

    @property
    def records(self) -> dict[str, DocumentRecord]:
        """The visible documents' records (without their texts, see `StoreView.full_record`)."""
        return self.view.records

    @cached_property
    def languages(self) -> frozenset[str]:
        """The languages the indexed documents are written in (read once per generation)."""
        return frozenset(record.entry.language for record in self.records.values())


@dataclass
class IndexProgress:
    """How far the index job running in this process is."""

    running: bool = False
    rebuild: bool = False
    files_done: int = 0
    files_total: int = 0
    current: str | None = None
    started: float | None = None


def lexical_index_path(settings: Settings, folder: Path | None = None) -> Path:
    """The folder of the lexical index of the configured collection (in the store's folder,
    or in ``folder`` where a read-only store is read from)."""
    return index_folder(
        folder or settings.store.path,
        settings.store.collection,
        settings.retrieval.lexical_analyser,
    )


def load_lexical_index(
    settings: Settings, view: StoreView, folder: Path | None = None
) -> LexicalIndex:
    """The lexical index, brought in step with the visible chunks of the store (each
    document's key covers its chunk ids and texts, so only changed documents are read and
    redone)."""
    path = lexical_index_path(settings, folder)
    index = LexicalIndex.open(path, settings.retrieval.lexical_analyser)
    index.sync_keys(view.chunk_keys(), view.chunks_of)
    # The single-file index of earlier versions is not read any more.
    (path.parent / f"bm25-{settings.store.collection}.json").unlink(missing_ok=True)
    return index


class LiveIndex:
    """The current generation of an open store, reloaded and switched as the index changes."""

    def __init__(self, settings: Settings, store: ChunkStore) -> None:
        self.settings = settings
        self.store = store
        self._reindex_lock = threading.Lock()
        self.progress = IndexProgress()
        self._next_reload_check = 0.0
        self.state = self._load_state()

    def _load_state(self) -> IndexState:
        view = self.store.view()
        # Read with the pieces, before the lexical index is brought in step: one snapshot.
        records = view.records
        lexical = load_lexical_index(self.settings, view, self.store.folder)
        retriever = Retriever(
            view, lexical, self.settings.retrieval, pair_threshold=self.settings.answer.threshold
        )
        spelling = NameSpelling.of_records(
            records,
            holding=lexical.documents_naming,
            knows=lambda word: lexical.unknown_share(word) == 0.0,
        )
        return IndexState(view, retriever, lexical, Library(records), spelling)

    def reload(self) -> bool:
        """Load the index again when another process changed it (a shared Chroma server)."""
        if self.store.consistency_key == self.state.view.key:
            return False
        self.state = self._load_state()
        return True

    @property
    def ready(self) -> bool:
        """True when there is an index to answer from."""
        return bool(self.state.records)

    def require(self) -> IndexState:
        """The state to answer a request from; refuses when the index is empty."""
        if self.settings.store.chroma_url and time.monotonic() > self._next_reload_check:
            # Other replicas of a shared server may have changed the index.
            self._next_reload_check = time.monotonic() + RELOAD_CHECK_SECONDS
            if not self._reindex_lock.locked():
                self.reload()
        state = self.state
        if not state.records:
            raise IndexNotReadyError(NOT_BUILT)
        return state

    def reindex(
        self,
        paths: list[Path] | None = None,
        rebuild: bool = False,
        progress: Progress | None = None,
    ) -> IndexSummary:
        """Index the corpus in this process (which owns the store) and reload.

        Requests go on meanwhile: a rebuild is written beside the current index and swapped
        in whole; an incremental run replaces one document at a time, each whole.
        """
        with self._reindex_lock:
            self.progress = IndexProgress(running=True, rebuild=rebuild, started=time.monotonic())
            try:
                summary = index_corpus(
                    self.settings,
                    self.store,
                    paths,
                    rebuild=rebuild,
                    progress=self._tracking(progress),
                    on_switch=self._retire,
                )
                self.state = self._load_state()
                return summary
            finally:
                self.progress = IndexProgress()

    def _tracking(self, outer: Progress | None) -> Progress:
        """Progress that `readiness` shows, passed on to the caller's own."""
        if outer is None:
            return self._track
        return lambda files: outer(self._track(files))

    def _track(self, files: Iterable[Path]) -> Iterator[Path]:
        listed = list(files)
        self.progress.files_total = len(listed)
        for number, path in enumerate(listed):
            self.progress.files_done, self.progress.current = number, path.name
            yield path
        self.progress.files_done, self.progress.current = len(listed), None

    def _retire(self, generation: Generation) -> None:
        """Serve the new generation now; drop the old one once its requests are done."""
        self.state = self._load_state()
        timer = threading.Timer(RETIRE_AFTER_SECONDS, self._drop_quietly, args=(generation,))
        timer.daemon = True
        timer.start()

    def _drop_quietly(self, generation: Generation) -> None:
        try:
            self.store.drop(generation)
        except Exception as error:  # the next writer drops it (`ChunkStore.recover`)
            logger.warning("could not drop the retired index generation: %s", error)
