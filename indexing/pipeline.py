"""The indexing pipeline: the one place that reads corpus files and writes the store.

For each document: hash, and skip when unchanged; else load and clean, chunk, split sentences,
parse its bibliography and in-text citations, embed, and replace its earlier version whole.
Documents that left the corpus are removed. A file that fails is reported with a one-line
reason and skipped; what the index already held for it stays.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from assistant.domain import (
    CatalogueEntry,
    DocumentRecord,
    FailedFile,
    IndexSummary,
    InTextCitation,
    LoadedDocument,
)
from assistant.errors import DocumentLoadError
from assistant.settings import Settings
from indexing.catalogue import Catalogue, load_catalogue
from indexing.chunking import chunk_document, is_bibliography
from indexing.loaders import SUPPORTED_SUFFIXES, load_document
from indexing.references import find_citations, link_references, parse_bibliography
from indexing.sentences import sentence_spans
from indexing.store import ChunkStore

logger = logging.getLogger(__name__)

# Bump when loading, cleaning or chunking changes, so every document is indexed anew.
PIPELINE_VERSION = "3"
IGNORED_STEMS = frozenset({"readme", "catalogue", "katalog"})


Progress = Callable[[Iterable[Path]], Iterable[Path]]


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
    digest.update(f"{settings.chunking.size}/{settings.chunking.overlap}".encode())
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
    bibliography = "\n".join(
        document.text[section.start : section.end]
        for section in document.sections
        if is_bibliography(section)
    )
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
    )
    record.citations = [place_citation(record, citation) for citation in citations]
    return record


def place_citation(record: DocumentRecord, citation: InTextCitation) -> InTextCitation:
    """Give an in-text citation the section and page it stands in."""
    section = record.section_at(citation.start)
    return citation.model_copy(
        update={
            "section_path": list(section.path) if section else [],
            "page": record.page_at(citation.start),
        }
    )


def index_corpus(
    settings: Settings,
    store: ChunkStore,
    paths: list[Path] | None = None,
    rebuild: bool = False,
    progress: Progress | None = None,
) -> IndexSummary:
    """Bring the index in line with the corpus folder (or with just the given files).

    ``rebuild`` says the store was opened empty (`ChunkStore.open(..., rebuild=True)`), so the
    generation is bumped even when nothing was indexed.
    """
    began = time.perf_counter()
    catalogue = load_catalogue(settings.catalogue_path)
    summary = IndexSummary()
    records = store.records()
    files = corpus_files(settings.corpus.folder, catalogue)
    if paths:
        files, outside = _within_corpus(paths, settings.corpus.folder)
        summary.failed.extend(outside)
    seen: set[str] = set()
    changed = False
    for path in progress(files) if progress else files:
        try:
            entry = catalogue.entry_for_file(path)
            seen.add(entry.id)
            digest = content_hash(path, entry, settings)
            previous = records.get(entry.id)
            if previous is not None and previous.content_hash == digest:
                summary.unchanged.append(entry.id)
                continue
            document = load_document(path)
            entry = with_file_metadata(entry, document, catalogue)
            record = build_record(path, entry, document, catalogue, digest)
            chunks = chunk_document(
                document, entry, settings.chunking.size, settings.chunking.overlap
            )
            sentences = [
                span
                for section in document.sections
                if not is_bibliography(section)
                for span in sentence_spans(document.text, section.start, section.end)
            ]
            record.chunks, record.sentences = len(chunks), len(sentences)
            store.replace_document(record, chunks, sentences)
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
        changed = True
        summary.indexed.append(entry.id)
        summary.pages += record.page_count or 0
        summary.chunks += len(chunks)
        summary.characters += len(document.text)
        logger.info("indexed %s: %d chunks", path.name, len(chunks))
    if not paths:
        for doc_id in sorted(set(records) - seen):
            store.delete_document(doc_id)
            summary.removed.append(doc_id)
            changed = True
    summary.generation = store.bump_generation() if changed or rebuild else store.generation
    # Derived rather than re-read: the records hold every document's full text.
    summary.documents = len((set(records) | set(summary.indexed)) - set(summary.removed))
    summary.total_chunks = store.count()
    summary.seconds = round(time.perf_counter() - began, 3)
    return summary
