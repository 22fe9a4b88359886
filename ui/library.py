"""The library page's tables, as pure functions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from assistant.domain import Reference
from assistant.schemas import DocumentSummary
from ui.i18n import Language, t


def document_rows(documents: Sequence[DocumentSummary], language: Language) -> list[dict[str, Any]]:
    """One row per indexed document: title, authors, year, language, pages, passages."""
    return [
        {
            t("library.col.title", language): d.title,
            t("library.col.authors", language): "; ".join(d.authors),
            t("library.col.year", language): d.year,
            t("library.col.language", language): d.language,
            t("library.col.pages", language): d.pages,
            t("library.col.chunks", language): d.chunks,
        }
        for d in documents
    ]


def document_warnings(documents: Sequence[DocumentSummary], language: Language) -> list[str]:
    """One line per document that holds planted instructions or text a reader cannot see."""
    return [
        t(
            "library.warning",
            language,
            title=d.title,
            instructions=d.planted_instructions,
            hidden=d.hidden_passages,
        )
        for d in documents
        if d.planted_instructions or d.hidden_passages
    ]


def bibliography_rows(
    doc_id: str, references: Sequence[Reference], language: Language
) -> list[dict[str, Any]]:
    """A document's bibliography, the works in the library first, each with its status."""
    entries = [r for r in references if r.citing_doc_id == doc_id]
    entries.sort(key=lambda r: (not r.in_corpus, r.raw.casefold()))
    return [
        {
            t("in_library", language).capitalize(): r.in_corpus,
            t("library.col.work", language): r.raw,
            t("library.col.cited", language): getattr(r, "citation_count", None),
        }
        for r in entries
    ]
