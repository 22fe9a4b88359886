"""PDF loader (pypdf): text per page under its printed page label, cleaned of page furniture.

`load_pdf` is the only part that touches pypdf; it hands the pages' raw text and labels to
`parse_pdf_pages`, a pure function that removes running headers, footers and page numbers,
undoes hyphenation, joins lines into paragraphs (and sentences across pages), and finds
numbered headings where their numbering is consistent.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from pypdf import PasswordType, PdfReader

from assistant.domain import LoadedDocument
from assistant.errors import DocumentLoadError
from indexing.cleaning import (
    collapse_spaces,
    dehyphenate,
    is_shouting,
    is_toc_heading,
    normalize_characters,
    numbered_heading,
    parse_toc_line,
    readable_case,
    remove_page_furniture,
    word_casing,
)
from indexing.loaders._structure import (
    Heading,
    PageBreak,
    Part,
    assemble,
    labelled_pages,
    page_at,
    plausible_numbering,
    rejoin_broken_sentences,
)

logger = logging.getLogger(__name__)

# Fewer letters than this in the whole file means the pages are images (a scan).
MIN_LETTERS = 20
# A line shorter than this share of the page's longest line ends its paragraph.
SHORT_LINE = 0.85
_TOC_COLUMN_HEADS = frozenset({"side", "page", "s.", "sida", "sidan"})
_BULLETS = ("•", "▪", "◦", "‣", "●", "–", "-", "*")


def load_pdf(path: Path) -> LoadedDocument:
    """Load a PDF: text per page, printed page labels, numbered headings as sections."""
    reader = _open(path)
    texts = _page_texts(reader, path.name)
    return parse_pdf_pages(texts, _labels(reader), path.name, _metadata_title(reader))


def _open(path: Path) -> PdfReader:
    """The reader, decrypted with the empty password if needed; DocumentLoadError if not."""
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise DocumentLoadError(
                f"{path.name}: encrypted PDF that needs a password; "
                "save an unprotected copy and index that"
            )
        if not reader.pages:
            raise DocumentLoadError(f"{path.name}: PDF without pages")
        return reader
    except (DocumentLoadError, OSError):
        raise  # an unreadable file is the caller's to report, not a damaged PDF
    except Exception as error:  # pypdf raises many kinds on broken files; none may escape
        raise DocumentLoadError(
            f"{path.name}: damaged or not a PDF ({_reason(error)}); re-download or re-export it"
        ) from error


def _reason(error: Exception) -> str:
    detail = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__


def _page_texts(reader: PdfReader, name: str) -> list[str]:
    """Each page's extracted text; a page pypdf cannot read counts as empty."""
    texts: list[str] = []
    failures: list[str] = []
    for number, page in enumerate(reader.pages, start=1):
        try:
            texts.append(page.extract_text() or "")
        except Exception as error:  # one broken page should not lose the others
            failures.append(f"page {number}: {_reason(error)}")
            texts.append("")
    if failures and len(failures) == len(texts):
        raise DocumentLoadError(f"{name}: not a readable PDF ({failures[0]})")
    for failure in failures:
        logger.warning("%s: could not read %s", name, failure)
    return texts


def _labels(reader: PdfReader) -> list[str]:
    """Printed page labels where the PDF defines them, else physical numbers from 1."""
    physical = [str(number) for number in range(1, len(reader.pages) + 1)]
    try:
        labels = list(reader.page_labels)
    except Exception:  # a broken label tree is no reason to give up the text
        return physical
    return labels if len(labels) == len(physical) and all(labels) else physical


def _metadata_title(reader: PdfReader) -> str | None:
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:  # broken metadata is no reason to give up the text
        return None
    title = str(title).strip() if title else ""
    return title.removeprefix("Microsoft Word - ").strip() or None


def parse_pdf_pages(
    texts: Sequence[str],
    labels: Sequence[str],
    name: str = "document.pdf",
    title: str | None = None,
) -> LoadedDocument:
    """Build the document from each page's extracted text and label."""
    pages = remove_page_furniture([normalize_characters(text).split("\n") for text in texts])
    if sum(char.isalpha() for lines in pages for line in lines for char in line) < MIN_LETTERS:
        raise DocumentLoadError(f"{name}: no extractable text (is it a scanned PDF? run OCR first)")
    pages = [
        collapse_spaces(dehyphenate("\n".join(drop_contents(lines)))).split("\n") for lines in pages
    ]
    headings = _headings(pages)
    parts: list[Part] = []
    for number, lines in enumerate(pages):
        if number:
            parts.append(PageBreak())
        parts.extend(_page_parts(lines, {i for p, i in headings if p == number}))
    assembly = assemble(rejoin_broken_sentences(_readable_headings(parts)))
    spans = labelled_pages(assembly.text, assembly.breaks, labels)
    sections = [
        section.model_copy(update={"page": page_at(spans, section.start)})
        for section in assembly.sections
    ]
    return LoadedDocument(
        text=assembly.text, sections=sections, pages=spans, page_count=len(texts), title=title
    )


def _readable_headings(parts: list[Part]) -> list[Part]:
    """Shouting headings in sentence case, words spelled as the body spells them."""
    casing = word_casing("\n\n".join(part for part in parts if isinstance(part, str)))
    readable: list[Part] = []
    for part in parts:
        if isinstance(part, Heading) and is_shouting(part.title):
            number, _, title = part.title.partition(" ")
            part = replace(part, title=f"{number} {readable_case(title, casing)}")
        readable.append(part)
    return readable


def drop_contents(lines: list[str]) -> list[str]:
    """A contents page without its entries (``1.1 Bakgrunn ...... 1``) and heading."""
    entries = sum(1 for line in lines if parse_toc_line(line))
    if entries < 3 or entries < len(lines) / 2:
        return lines
    return [
        line
        for line in lines
        if not parse_toc_line(line)
        and not is_toc_heading(line)
        and line.strip().lower() not in _TOC_COLUMN_HEADS
    ]


def _headings(pages: list[list[str]]) -> set[tuple[int, int]]:
    """``(page, line)`` of the lines that are numbered headings, judged over the document."""
    candidates: list[tuple[int, int, str]] = []
    for page, lines in enumerate(pages):
        width = max((len(line) for line in lines), default=0)
        for index, line in enumerate(lines):
            found = numbered_heading(line)
            short = len(lines) < 3 or len(line) <= SHORT_LINE * width
            if found and short:
                candidates.append((page, index, found[0]))
    accepted = plausible_numbering([number for _, _, number in candidates])
    return {(page, index) for (page, index, _), ok in zip(candidates, accepted, strict=True) if ok}


def _page_parts(lines: list[str], headings: set[int]) -> list[Part]:
    """A page's lines as headings and paragraphs."""
    parts: list[Part] = []
    paragraph: list[str] = []
    short = SHORT_LINE * max((len(line) for line in lines), default=0)

    def close() -> None:
        if paragraph:
            parts.append(" ".join(paragraph))
            paragraph.clear()

    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            close()
        elif index in headings:
            close()
            number, _, title = line.partition(" ")
            number = number.rstrip(".")
            parts.append(Heading(f"{number} {title.strip()}", number.count(".") + 1, number))
        else:
            # Lines of a paragraph run to the margin; a short one ends its paragraph (a
            # sentence it broke off is joined again when the next line starts in lower case).
            if paragraph and (line.startswith(_BULLETS) or len(paragraph[-1]) < short):
                close()
            paragraph.append(line)
    close()
    return parts
