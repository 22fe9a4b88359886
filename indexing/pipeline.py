"""The indexing pipeline: the one place that reads corpus files and writes the store.

For each document: hash, and skip when unchanged; else load and clean, chunk, split sentences,
parse its bibliography and in-text citations, embed, and replace its earlier version whole.
Documents that left the corpus are removed. A file that fails is reported with a one-line
reason and skipped; what the index already held for it stays.
"""

from __future__ import annotations

import bisect
import hashlib
import logging
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np

from assistant.domain import (
    CatalogueEntry,
    Chunk,
    DocumentRecord,
    FailedFile,
    IndexSummary,
    InTextCitation,
    LoadedDocument,
    PlantedInstruction,
)
from assistant.errors import DocumentLoadError
from assistant.settings import ChunkingSettings, Settings
from indexing.bounded import load_bounded
from indexing.catalogue import Catalogue, load_catalogue
from indexing.chunking import chunk_document, is_bibliography
from indexing.embedders import Embedder
from indexing.instructions import planted_instructions
from indexing.loaders import SUPPORTED_SUFFIXES, Loader, load_document
from indexing.names import proper_names
from indexing.references import find_citations, link_references, parse_bibliography
from indexing.sentences import sentence_spans
from indexing.store import ChunkStore, DocumentWrite, Generation

logger = logging.getLogger(__name__)

# Bump when loading, cleaning or chunking changes, so every document is indexed anew.
PIPELINE_VERSION = "21"
IGNORED_STEMS = frozenset({"readme", "catalogue", "katalog"})


Progress = Callable[[Iterable[Path]], Iterable[Path]]

# Documents are written to the store a batch at a time (Chroma's cost is mostly per call):
# up to this many rows (chunks and sentences) or characters of text, whichever comes first.
WRITE_ROWS = 4000
WRITE_CHARACTERS = 4_000_000


def corpus_files(folder: Path, catalogue: Catalogue) -> list[Path]:
    """Files the corpus folder asks to index: catalogued files and any other document."""
    found = {
        path.resolve()
        for path in folder.iterdir()
        if path.is_file()
        and path.suffix.lower() in SUPPORTED_SUFFIXES
        and path.stem.lower() not in IGNORED_STEMS
        and not path.name.startswith(".")
    }
    for entry in catalogue.entries:
        if entry.file and (folder / entry.file).is_file():
            found.add((folder / entry.file).resolve())
    return sorted(found)


def _within_corpus(paths: list[Path], folder: Path) -> tuple[list[Path], list[FailedFile]]:
    """The given files that lie in the corpus folder, and a failure for each that does not."""
    inside, outside = [], []
    root = folder.resolve()
    for path in paths:
        resolved = path.resolve()
        if resolved.stem.lower() in IGNORED_STEMS:
            outside.append(
                FailedFile(
                    file=str(path), reason=f"{path}: README and catalogue files are never indexed"
                )
            )
        elif not resolved.is_file():
            outside.append(FailedFile(file=str(path), reason=f"{path}: no such file"))
        elif root not in resolved.parents:
            outside.append(
                FailedFile(
                    file=str(path),
                    reason=f"{path}: not in the corpus folder {str(folder)!r}; copy it there "
                    "(and catalogue it in catalogue.yaml) so later runs keep it",
                )
            )
        else:
            inside.append(resolved)
    return inside, outside


def content_hash(path: Path, entry: CatalogueEntry, settings: Settings) -> str:
    """What decides whether a document must be indexed again."""
    digest = hashlib.sha256(path.read_bytes())
    digest.update(entry.model_dump_json().encode())
    chunking = settings.chunking
    # Not `sentence_vectors`: a sentence stored without its vector gets it when read, one
    # stored with it keeps it, so switching re-indexes nothing.
    digest.update(f"{chunking.size}/{chunking.overlap}/{chunking.chunk_vectors}".encode())
    digest.update(PIPELINE_VERSION.encode())
    return digest.hexdigest()


def with_file_metadata(
    entry: CatalogueEntry, document: LoadedDocument, catalogue: Catalogue
) -> CatalogueEntry:
    """A guessed entry completed with what the file says of itself; a catalogued one as it is.

    The content hash is taken over the entry before this, so it stays what it was.
    """
    if entry.id in catalogue:
        return entry
    found = {
        "title": document.title,
        "authors": document.authors,
        "year": document.year,
        "language": document.language,
    }
    update = {name: value for name, value in found.items() if value}
    if not update:
        return entry
    return entry.model_copy(
        update={
            **update,
            "notes": "Not in the catalogue: the id is made from the file name, and "
            f"{', '.join(update)} read from the file. Add an entry to catalogue.yaml to "
            "give its proper metadata.",
        }
    )


def build_record(
    path: Path, entry: CatalogueEntry, document: LoadedDocument, catalogue: Catalogue, digest: str
) -> DocumentRecord:
    """The record of a loaded document, with its references linked to the catalogue."""
    bibliographies = [
        (section.start, section.end) for section in document.sections if is_bibliography(section)
    ]
    bibliography = "\n".join(document.text[start:end] for start, end in bibliographies)
    references = (
        link_references(parse_bibliography(bibliography, entry.id), catalogue)
        if bibliography
        else []
    )
    citations = find_citations(document.text, references, entry.id) if references else []
    record = DocumentRecord(
        entry=entry,
        file=path.name,
        content_hash=digest,
        page_count=document.page_count or (len(document.pages) or None),
        pages=document.pages,
        sections=document.sections,
        characters=len(document.text),
        text=document.text,
        references=references,
        names=proper_names(_without(document.text, bibliographies)),
    )
    record.citations = [place_citation(record, citation) for citation in citations]
    return record


def _without(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """The text with the spans blanked out (a line break each, so nothing joins across)."""
    kept, at = [], 0
    for start, end in sorted(spans):
        kept.append(text[at:start])
        kept.append("\n")
        at = max(at, end)
    kept.append(text[at:])
    return "".join(kept)


def place_citation(record: DocumentRecord, citation: InTextCitation) -> InTextCitation:
    """Give an in-text citation the section and page it stands in."""
    section = record.section_at(citation.start)
    return citation.model_copy(
        update={
            "section_path": list(section.path) if section else [],
            "page": record.page_at(citation.start),
        }
    )


def assign_sentences(chunks: list[Chunk], sentences: list[tuple[int, int]]) -> list[Chunk]:
    """Give each chunk the range of the sentences that lie inside it (`sentences` in order)."""
    starts = [start for start, _ in sentences]
    placed = []
    for chunk in chunks:
        first = bisect.bisect_left(starts, chunk.start)
        last = first
        while last < len(sentences) and sentences[last][1] <= chunk.end:
            last += 1
        placed.append(chunk.model_copy(update={"sentences": (first, last - first)}))
    return placed


def pooled_vectors(
    chunks: list[Chunk], sentences: list[tuple[int, int]], vectors: list[list[float]]
) -> list[list[float] | None]:
    """Each chunk's vector as the mean of the vectors of the sentences it overlaps, weighted by
    the characters they share; None for a chunk no sentence overlaps."""
    starts = [start for start, _ in sentences]
    matrix = np.asarray(vectors, dtype=np.float64) if vectors else np.zeros((0, 0))
    pooled: list[list[float] | None] = []
    for chunk in chunks:
        first = max(0, bisect.bisect_right(starts, chunk.start) - 1)
        weights, rows = [], []
        for number in range(first, len(sentences)):
            start, end = sentences[number]
            if start >= chunk.end:
                break
            shared = min(end, chunk.end) - max(start, chunk.start)
            if shared > 0:
                weights.append(shared)
                rows.append(number)
        if not rows:
            pooled.append(None)
            continue
        mean = np.average(matrix[rows], axis=0, weights=weights)
        norm = float(np.linalg.norm(mean))
        pooled.append((mean / norm if norm else mean).tolist())
    return pooled


def embed_document(
    embedder: Embedder,
    chunks: list[Chunk],
    texts: list[str],
    sentences: list[tuple[int, int]],
    settings: ChunkingSettings,
) -> tuple[list[list[float]], list[list[float]] | None]:
    """Vectors of a document's chunks and sentences: chunks pooled from sentences or embedded,
    sentences embedded now or (None) when an answer first reads them."""
    if settings.sentence_vectors == "on_read":
        return (embedder.embed_documents([c.text for c in chunks]) if chunks else []), None
    if settings.chunk_vectors == "embedded":
        # One call for both, so the embedder batches texts of like length together; a text
        # that is both a chunk and a sentence is embedded once.
        unique = list(dict.fromkeys([*(c.text for c in chunks), *texts]))
        by_text = dict(zip(unique, embedder.embed_documents(unique) if unique else [], strict=True))
        return [by_text[c.text] for c in chunks], [by_text[t] for t in texts]
    sentence_vectors = embedder.embed_documents(texts) if texts else []
    pooled = pooled_vectors(chunks, sentences, sentence_vectors)
    missing = [i for i, vector in enumerate(pooled) if vector is None]
    if missing:
        for i, vector in zip(
            missing, embedder.embed_documents([chunks[i].text for i in missing]), strict=True
        ):
            pooled[i] = vector
    return [v for v in pooled if v is not None], sentence_vectors


def prepare_document(
    path: Path,
    entry: CatalogueEntry,
    digest: str,
    catalogue: Catalogue,
    settings: Settings,
    store: ChunkStore,
    loader: Loader = load_document,
) -> DocumentWrite:
    """Load, chunk, split, link and embed one file: what the store writes of it."""
    document = load_bounded(path, settings.limits, loader)
    entry = with_file_metadata(entry, document, catalogue)
    record = build_record(path, entry, document, catalogue, digest)
    chunks = chunk_document(document, entry, settings.chunking.size, settings.chunking.overlap)
    if len(chunks) > settings.limits.file_chunks:
        raise DocumentLoadError(
            f"{path.name}: cut into {len(chunks):,} chunks, more than the limit of "
            f"{settings.limits.file_chunks:,} (limits.file_chunks); split the document "
            "or raise the limit"
        )
    sentences = [
        span
        for section in document.sections
        if not is_bibliography(section)
        for span in sentence_spans(document.text, section.start, section.end)
    ]
    chunks = assign_sentences(chunks, sentences)
    texts = [document.text[start:end] for start, end in sentences]
    flags = planted_instructions(texts)
    record.instructions = [
        PlantedInstruction(doc_id=entry.id, start=start, end=end, text=text)
        for (start, end), text, flag in zip(sentences, texts, flags, strict=True)
        if flag
    ]
    record.hidden = [h.model_copy(update={"doc_id": entry.id}) for h in document.hidden]
    record.chunks, record.sentences = len(chunks), len(sentences)
    chunk_vectors, sentence_vectors = embed_document(
        store.embedder, chunks, texts, sentences, settings.chunking
    )
    return DocumentWrite(record, chunks, sentences, chunk_vectors, sentence_vectors, flags)


def index_corpus(
    settings: Settings,
    store: ChunkStore,
    paths: list[Path] | None = None,
    rebuild: bool = False,
    progress: Progress | None = None,
    loader: Loader = load_document,
    on_switch: Callable[[Generation], None] | None = None,
) -> IndexSummary:
    """Bring the index in line with the corpus folder (or with just the given files).

    With ``rebuild`` every document is indexed into a new generation beside the current one,
    which readers keep using until the new one is complete and switched to in one step. The
    replaced generation goes to ``on_switch`` (which must drop it, e.g. once readers left it),
    else it is dropped at once. Each file is parsed in a worker process within
    ``settings.limits``; ``loader`` is what that process runs.
    """
    began = time.perf_counter()
    catalogue = load_catalogue(settings.catalogue_path)
    summary = IndexSummary()
    if settings.store.chroma_url:
        # One index job at a time per server: what an interrupted one left is cleared here.
        store.recover()
    target = store.begin_generation() if rebuild else store.current
    # What decides "unchanged" is in the records' metadata: no record is parsed for it.
    known = {} if rebuild else target.pieces()
    files = corpus_files(settings.corpus.folder, catalogue)
    if paths and not rebuild:  # a rebuild is of the whole corpus
        files, outside = _within_corpus(paths, settings.corpus.folder)
        summary.failed.extend(outside)
    seen: set[str] = set()
    changed = False
    pending: list[DocumentWrite] = []

    def write_pending() -> None:
        nonlocal changed
        if not pending:
            return
        store.replace_documents(pending, into=target)
        for write in pending:
            record = write.record
            summary.indexed.append(record.entry.id)
            summary.instructions.extend(record.instructions)
            summary.hidden.extend(record.hidden)
            summary.pages += record.page_count or 0
            summary.chunks += len(write.chunks)
            summary.characters += len(record.text)
            logger.info("indexed %s: %d chunks", record.file, len(write.chunks))
        pending.clear()
        changed = True
        if not rebuild:
            # Caches keyed on the counter must not match an index that a crash left midway.
            store.bump_generation()

    for path in progress(files) if progress else files:
        try:
            entry = catalogue.entry_for_file(path)
            seen.add(entry.id)
            digest = content_hash(path, entry, settings)
            previous = known.get(entry.id)
            if previous is not None and previous.content_hash == digest:
                summary.unchanged.append(entry.id)
                continue
            write = prepare_document(path, entry, digest, catalogue, settings, store, loader)
        except DocumentLoadError as error:
            logger.warning("skipped %s: %s", path.name, error.detail)
            summary.failed.append(FailedFile(file=path.name, reason=error.detail))
            continue
        except OSError as error:
            logger.warning("skipped %s: %s", path.name, error)
            summary.failed.append(
                FailedFile(file=path.name, reason=f"{path.name}: {error.strerror or error}")
            )
            continue
        if any(w.record.entry.id == entry.id for w in pending):
            write_pending()
        pending.append(write)
        if (
            sum(w.items for w in pending) >= WRITE_ROWS
            or sum(len(w.record.text) for w in pending) >= WRITE_CHARACTERS
        ):
            write_pending()
    write_pending()
    if not paths and not rebuild:
        for doc_id in sorted(set(known) - seen):
            store.delete_document(doc_id)
            summary.removed.append(doc_id)
            changed = True
    if rebuild:
        retired = store.switch_to(target)
        if on_switch is not None:
            on_switch(retired)
        else:
            store.drop(retired)
        summary.generation = store.generation
    else:
        summary.generation = store.bump_generation() if changed else store.generation
    pieces = target.pieces()
    summary.documents = len(pieces)
    summary.total_chunks = sum(len(p.chunk_ids) for p in pieces.values())
    summary.seconds = round(time.perf_counter() - began, 3)
    return summary
