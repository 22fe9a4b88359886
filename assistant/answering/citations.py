"""Building a citation: a literal span of a document, with its section and pages; and how a
citation names its document wherever it is shown (API, command line, app, brief)."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.domain import Chunk, Citation, DocumentRecord, section_label

# What a citation says of metadata its document lacks, and its page label, by language.
_WORDS: dict[str, dict[str, str]] = {
    "nb": {"none": "ingen forfatter eller år registrert", "no_author": "ingen forfatter "
           "registrert", "no_year": "u.å.", "page": "s."},
    "nn": {"none": "ingen forfattar eller år registrert", "no_author": "ingen forfattar "
           "registrert", "no_year": "u.å.", "page": "s."},
    "sv": {"none": "ingen författare eller år registrerat", "no_author": "ingen författare "
           "registrerad", "no_year": "u.å.", "page": "s."},
    "en": {"none": "no author or year recorded", "no_author": "no author recorded",
           "no_year": "n.d.", "page": "p."},
}  # fmt: skip


def _words(language: str) -> dict[str, str]:
    return _WORDS.get(language, _WORDS["nb"])


def short_authors(authors: Sequence[str]) -> str:
    """Surnames for a citation: 'Stene & Mørkved', 'Ekman et al.'."""
    surnames = [a.split(",")[0].strip() for a in authors if a.strip()]
    if not surnames:
        return ""
    if len(surnames) == 1:
        return surnames[0]
    if len(surnames) == 2:
        return f"{surnames[0]} & {surnames[1]}"
    return f"{surnames[0]} et al."


def document_reference(
    authors: Sequence[str], year: int | None, title: str, language: str, short: bool = False
) -> str:
    """The cited document as far as its metadata is known, saying plainly what is not.

    ``Stene, Morten; Mørkved, Britt Paula (2019). Title.``, or with ``short`` ``Stene & Mørkved
    (2019)``; without authors the title leads (``Title (2019; no author recorded).``), and a
    document with neither says ``Title (no author or year recorded).``
    """
    words = _words(language)
    title = " ".join(title.split()).rstrip(".")
    named = [a for a in authors if a.strip()]
    if named:
        who = short_authors(named) if short else "; ".join(named)
        when = year or words["no_year"]
        return f"{who} ({when})" if short else f"{who} ({when}). {title}."
    note = f"{year}; {words['no_author']}" if year else words["none"]
    return f"{title} ({note})" if short else f"{title} ({note})."


def place_in_document(section: str, page: str | None, language: str) -> str:
    """Section and page of a quote as far as they are known: '4 Muligheter, s. 7'."""
    parts = [section.strip()] if section.strip() else []
    if page:
        parts.append(f"{_words(language)['page']} {page}")
    return ", ".join(parts)


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
