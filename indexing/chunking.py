"""Structure-aware chunking: a pure function from a loaded document to chunks.

A chunk never crosses a section boundary; inside a section LangChain's recursive splitter cuts
at paragraph ends first, then line ends, then sentence ends, then clause marks, and only then
between words. Every chunk knows its offsets into the document's cleaned text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.domain import CatalogueEntry, Chunk, LoadedDocument, PageSpan, Section
from indexing.cleaning import is_bibliography_heading

_SEPARATORS = [
    r"\n\s*\n",
    r"\n",
    r"(?<=[.!?…»])\s+(?=[«\"(\[]?[A-ZÆØÅÄÖÜ0-9])",
    r"(?<=[;:])\s+",
    r"(?<=,)\s+",
    r"\s+",
    "",
]


def document_key(chunks: Sequence[Chunk]) -> str:
    """A digest of a document's chunks: ids, texts and the fields search filters read."""
    digest = hashlib.sha256()
    for chunk in sorted(chunks, key=lambda c: c.id):
        for part in (chunk.id, chunk.text, chunk.kind, str(chunk.year)):
            digest.update(part.encode())
            digest.update(b"\0")
    return digest.hexdigest()


def is_bibliography(section: Section) -> bool:
    """True for a bibliography section, judged by its last heading."""
    return bool(section.path) and is_bibliography_heading(section.path[-1])


def make_splitter(size: int, overlap: int) -> RecursiveCharacterTextSplitter:
    """The splitter used for every section: paragraph, line, sentence, clause, word."""
    return RecursiveCharacterTextSplitter(
        chunk_size=size,
        chunk_overlap=overlap,
        separators=_SEPARATORS,
        is_separator_regex=True,
        keep_separator="end",
        strip_whitespace=True,
        add_start_index=True,
    )


def chunk_id(doc_id: str, section_path: list[str], text: str, occurrence: int = 0) -> str:
    """A stable id from the document id and the chunk's content (and its section)."""
    digest = hashlib.sha256(
        "\x1f".join([doc_id, *section_path, text, str(occurrence)]).encode()
    ).hexdigest()
    return f"{doc_id}:{digest[:16]}"


def page_range(
    start: int, end: int, pages: list[PageSpan], section: Section
) -> tuple[str | None, str | None]:
    """Labels of the first and last page a span touches; the section's page when unknown."""
    touched = [page.label for page in pages if page.start < end and start < page.end]
    if touched:
        return touched[0], touched[-1]
    return section.page, section.page


def section_spans(
    text: str, section: Section, splitter: RecursiveCharacterTextSplitter
) -> Iterable[tuple[int, int]]:
    """Offsets, in the document text, of the pieces the splitter cuts a section into."""
    for piece in splitter.create_documents([text[section.start : section.end]]):
        start = section.start + int(piece.metadata["start_index"])
        yield start, start + len(piece.page_content)


def _is_heading_only(text: str, section: Section) -> bool:
    """A piece that is only one of the section's own heading lines."""
    return any(text.strip().casefold() == heading.casefold() for heading in section.path)


def chunk_document(
    document: LoadedDocument, entry: CatalogueEntry, size: int, overlap: int
) -> list[Chunk]:
    """Cut a document into chunks that stay inside their sections."""
    splitter = make_splitter(size, overlap)
    chunks: list[Chunk] = []
    seen: dict[str, int] = {}
    for section in document.sections:
        if is_bibliography(section) or section.end <= section.start:
            continue
        spans = list(section_spans(document.text, section, splitter))
        for start, end in spans:
            text = document.text[start:end]
            if _is_heading_only(text, section):
                # The heading is in the section path already; alone it is noise, also where
                # it is all of a chapter that opens straight with its first section.
                continue
            key = "\x1f".join([*section.path, text])
            occurrence = seen.get(key, 0)
            seen[key] = occurrence + 1
            page_start, page_end = page_range(start, end, document.pages, section)
            chunks.append(
                Chunk(
                    id=chunk_id(entry.id, section.path, text, occurrence),
                    doc_id=entry.id,
                    text=text,
                    start=start,
                    end=end,
                    section_path=list(section.path),
                    page_start=page_start,
                    page_end=page_end,
                    title=entry.title,
                    authors=list(entry.authors),
                    year=entry.year,
                    kind=entry.kind,
                    language=entry.language,
                )
            )
    return chunks
