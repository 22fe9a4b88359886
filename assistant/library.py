"""What the index holds, as the listings show it: documents and their bibliographies.

Pure functions over the documents' records, so the service, the CLI and the tests share them.
"""

from __future__ import annotations

from assistant.domain import DocumentRecord
from assistant.schemas import DocumentSummary, ReferenceEntry, ReferencesResponse


def summarise(record: DocumentRecord, indexed: set[str]) -> DocumentSummary:
    """A document's listing entry."""
    entry = record.entry
    return DocumentSummary(
        id=entry.id,
        title=entry.title,
        authors=entry.authors,
        year=entry.year,
        kind=entry.kind,
        language=entry.language,
        file=record.file,
        url=entry.url,
        pages=record.page_count or (len(record.page_labels) or None),
        chunks=record.chunks,
        characters=record.characters,
        references=len(record.references),
        cited_works_in_corpus=sorted(
            {r.catalogue_id for r in record.references if r.catalogue_id in indexed}
        ),
    )


def reference_entries(records: dict[str, DocumentRecord]) -> ReferencesResponse:
    """Every bibliography entry, with its citations and whether its full text is indexed."""
    indexed = set(records)
    entries: list[ReferenceEntry] = []
    for record in records.values():
        for reference in record.references:
            citations = [c for c in record.citations if reference.id in c.reference_ids]
            entries.append(
                ReferenceEntry(
                    **reference.model_dump(exclude={"in_corpus"}),
                    in_corpus=reference.catalogue_id in indexed,
                    citation_count=len(citations),
                    citations=citations,
                )
            )
    return ReferencesResponse(
        references=entries,
        missing_from_corpus=sorted({e.catalogue_id or e.id for e in entries if not e.in_corpus}),
    )
