"""What the index holds, as the listings show it: documents and their linked bibliographies.

A :class:`Library` is built from the documents' records once per index state. Each bibliography
entry is linked to the indexed document that holds the work, by the catalogue or by the metadata
read from the file, so the listings, `/references` and the citations of answers lead to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import Literal

from pydantic import BaseModel

from assistant.domain import CatalogueEntry, DocumentRecord, Reference
from assistant.schemas import DocumentSummary, ReferenceEntry, ReferencesResponse
from indexing.references.linking import EntryIndex, catalogue_entry, link_to_documents


class Library:
    """The indexed documents and their bibliographies, linked across documents."""

    def __init__(self, records: dict[str, DocumentRecord]) -> None:
        self.records = records

    @cached_property
    def references(self) -> dict[str, list[Reference]]:
        """Each document's bibliography, each entry linked to the indexed document holding it."""
        documents = [record.entry for record in self.records.values()]
        return {
            doc_id: link_to_documents(record.references, documents)
            for doc_id, record in self.records.items()
        }

    def summary(self, doc_id: str) -> DocumentSummary:
        """A document's listing entry."""
        record = self.records[doc_id]
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
                {r.catalogue_id for r in self.references[doc_id] if r.in_corpus and r.catalogue_id}
            ),
            planted_instructions=len(record.instructions),
            hidden_passages=len(record.hidden),
        )

    def documents(self) -> list[DocumentSummary]:
        """Every indexed document's listing entry, by id."""
        return [self.summary(doc_id) for doc_id in sorted(self.records)]

    def bibliography(self) -> ReferencesResponse:
        """Every bibliography entry, with its citations and whether its full text is indexed."""
        entries: list[ReferenceEntry] = []
        for doc_id, record in self.records.items():
            for reference in self.references[doc_id]:
                citations = [c for c in record.citations if reference.id in c.reference_ids]
                entries.append(
                    ReferenceEntry(
                        **reference.model_dump(),
                        citation_count=len(citations),
                        citations=citations,
                    )
                )
        return ReferencesResponse(
            references=entries,
            missing_from_corpus=sorted(
                {e.catalogue_id or e.id for e in entries if not e.in_corpus}
            ),
        )


class CatalogueSuggestion(BaseModel):
    """A catalogue entry to write for an indexed file the catalogue does not describe."""

    action: Literal["set file", "add"]
    entry: CatalogueEntry
    cited_by: list[str] = []


def suggest_catalogue(
    documents: Sequence[DocumentSummary],
    references: Sequence[ReferenceEntry],
    catalogued: Sequence[CatalogueEntry],
) -> list[CatalogueSuggestion]:
    """Entries to write for the indexed files without a catalogue entry.

    A file that holds a work some bibliography cites, and that the catalogue lists without a
    file, gets `file:` set on that entry (keeping its id, so citations of it lead to the file);
    any other gets a new entry with the metadata read from the file.
    """
    by_file = {entry.file for entry in catalogued if entry.file}
    index = EntryIndex(list(catalogued))
    suggestions = []
    for document in documents:
        if document.file in by_file:
            continue
        citing = [r for r in references if r.in_corpus and r.catalogue_id == document.id]
        listed = next(
            (e for r in citing if (e := catalogue_entry(r, index)) and not e.file),
            None,
        )
        if listed is not None:
            entry = listed.model_copy(update={"file": document.file})
            action: Literal["set file", "add"] = "set file"
        else:
            entry = CatalogueEntry(
                id=document.id,
                title=document.title,
                authors=document.authors,
                year=document.year,
                kind=document.kind,
                language=document.language,
                file=document.file,
                url=document.url,
            )
            action = "add"
        cited_by = sorted({r.citing_doc_id for r in citing})
        suggestions.append(
            CatalogueSuggestion(
                action=action,
                entry=entry.model_copy(update={"cited_by": sorted({*entry.cited_by, *cited_by})}),
                cited_by=cited_by,
            )
        )
    return suggestions
