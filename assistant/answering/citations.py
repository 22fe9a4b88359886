"""Building a citation: a literal span of a document, with its section and pages."""

from __future__ import annotations

from assistant.domain import Chunk, Citation, DocumentRecord, section_label


def cite(
    marker: int, chunk: Chunk, record: DocumentRecord, start: int, end: int, score: float
) -> Citation:
    """The citation quoting ``record.text[start:end]`` from a retrieved chunk."""
    first, last = record.page_at(start), record.page_at(end - 1)
    section = record.section_at(start)
    fields = Citation.fields_of(chunk) | {
        "section": section_label(section.path) if section else chunk.section,
        "page": first if first == last or last is None else f"{first}–{last}",
    }
    return Citation(
        **fields,
        marker=marker,
        quote=record.text[start:end],
        start=start,
        end=end,
        score=round(score, 6),
        cites=cited_works(record, start, end),
    )


def cited_works(record: DocumentRecord, start: int, end: int) -> list[str]:
    """Reference ids of the in-text citations standing inside a span, in order, once each."""
    found: list[str] = []
    for citation in record.citations:
        if start <= citation.start and citation.end <= end:
            found.extend(r for r in citation.reference_ids if r not in found)
    return found
