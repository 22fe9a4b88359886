"""How well PDFs from other producers than the tests' own read: figures per file.

    python -m evals.benchmarks.pdf_quality

Two short reports written for the tests (`tests.report_texts`: a bokmål annual report and an
English evaluation) are printed by reportlab (one and two columns), where LibreOffice is
installed as Word files converted by ``soffice --headless``, and where Chromium is installed as
HTML pages printed by ``chromium --headless --print-to-pdf`` with its own header and footer or
with CSS ones, and where the `typst` package is installed typeset by Typst
(`tests.report_producers`; needs the dev extras). Each is loaded by the
product's loader and compared with its source: running headers and footers left in the text,
footnote markers glued to words, sentences not found whole, paragraphs under the right section
path, footnotes placed in the citing section, contents lines in the chunks, table rows read
cell by cell, references parsed, title and authors, printed page numbers.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

from assistant.domain import LoadedDocument, Section
from indexing.catalogue import Catalogue
from indexing.chunking import chunk_document
from indexing.cleaning import parse_toc_line
from indexing.loaders import load_document
from indexing.pipeline import build_record


@dataclass(frozen=True)
class Variant:
    """One report printed one way."""

    name: str
    build: Callable[[Path], Path]
    report: object
    style: str
    expected: Callable[[], object] | None = None  # the Expectation, when not the report's own


def variants() -> list[Variant]:
    """The reports as each installed producer prints them."""
    from tests.report_producers import (
        CHROMIUM,
        HAS_FONTS,
        SOFFICE,
        chromium_expectation,
        chromium_pdf,
        expectation,
        reportlab_pdf,
        word_pdf,
    )
    from tests.report_texts import ANNUAL, EVALUATION

    if not HAS_FONTS:
        raise SystemExit("needs the DejaVu fonts (apt-get install fonts-dejavu-core)")
    found = [
        Variant(
            "annual, reportlab, 2 columns, 'Kapittel 1'",
            lambda p: reportlab_pdf(p, ANNUAL, 2, "word"),
            ANNUAL,
            "word",
        ),
        Variant(
            "annual, reportlab, 2 columns, '1 Innledning', the chapter as running header",
            lambda p: reportlab_pdf(p, ANNUAL, 2, "number", chapter_headers=True),
            ANNUAL,
            "number",
            lambda: expectation(ANNUAL, "number", chapter_headers=True),
        ),
        Variant(
            "evaluation, reportlab, 1 column, '1 INTRODUCTION'",
            lambda p: reportlab_pdf(p, EVALUATION, 1, "capitals"),
            EVALUATION,
            "capitals",
        ),
    ]
    if SOFFICE:
        found += [
            Variant(
                "annual, Word via LibreOffice, '1 Innledning'",
                lambda p: word_pdf(p, ANNUAL, "number"),
                ANNUAL,
                "number",
            ),
            Variant(
                "evaluation, Word via LibreOffice, 'Chapter 1'",
                lambda p: word_pdf(p, EVALUATION, "word"),
                EVALUATION,
                "word",
            ),
        ]
    if CHROMIUM:
        found += [
            Variant(
                "evaluation, HTML via Chromium, its own header and footer, notes at the end",
                lambda p: chromium_pdf(p, EVALUATION, "word", "chromium", "end"),
                EVALUATION,
                "word",
                lambda: chromium_expectation(EVALUATION, "word", "chromium"),
            ),
            Variant(
                "annual, HTML via Chromium, CSS headers and footers, notes after each chapter",
                lambda p: chromium_pdf(p, ANNUAL, "number", "css", "chapter"),
                ANNUAL,
                "number",
                lambda: chromium_expectation(ANNUAL, "number", "css"),
            ),
        ]
    try:
        import typst  # noqa: F401 - the dev extras' typesetter
    except ImportError:
        return found
    from tests.report_producers import typst_pdf

    found += [
        Variant(
            "annual, Typst, 1 column, justified and hyphenated",
            lambda p: typst_pdf(p, ANNUAL, 1),
            ANNUAL,
            "number",
        ),
        Variant(
            "annual, Typst, 2 columns, notes at each column's foot",
            lambda p: typst_pdf(p, ANNUAL, 2),
            ANNUAL,
            "number",
        ),
        Variant(
            "evaluation, Typst, 1 column",
            lambda p: typst_pdf(p, EVALUATION, 1),
            EVALUATION,
            "number",
        ),
        Variant(
            "evaluation, Typst, 2 columns",
            lambda p: typst_pdf(p, EVALUATION, 2),
            EVALUATION,
            "number",
        ),
    ]
    return found


def _words(text: str) -> str:
    return " ".join(text.split())


def _path_key(path: list[str]) -> list[str]:
    return [_words(title).casefold() for title in path]


def section_at(document: LoadedDocument, offset: int) -> Section | None:
    """The section an offset lies in."""
    return next((s for s in document.sections if s.start <= offset < s.end), None)


def figures(variant: Variant, folder: Path) -> list[str]:
    """The lines to print for one printed report."""
    from tests.report_producers import Expectation, expectation, furniture_left

    path = variant.build(folder / f"{len(list(folder.iterdir()))}.pdf")
    expected = (
        variant.expected() if variant.expected else expectation(variant.report, variant.style)  # type: ignore[arg-type]
    )
    assert isinstance(expected, Expectation)
    document = load_document(path)
    catalogue = Catalogue([], path.parent)
    record = build_record(path, catalogue.entry_for_file(path), document, catalogue, "bench")
    chunks = chunk_document(document, record.entry, 700, 100)
    text = _words(document.text)
    # Furniture: each header and footer (with any page number) that is still in the text.
    printed = len(PdfReader(path).pages) - 1  # every page but the cover
    left = len(furniture_left(document.text, expected))
    pages = {span.label for span in document.pages}
    bare = [
        line
        for line in document.text.split("\n")
        if line.strip().strip("–-| ") in pages and len(line.strip()) <= 8
    ]
    left += len(bare)
    glued = [
        word
        for _, _, _, word in expected.notes
        if re.search(rf"{re.escape(word)}\d", document.text)
    ]
    broken = [s for s in expected.sentences if _words(s) not in text]
    paragraphs = [_words(p) for p in document.text.split("\n\n")]
    apart = [
        first
        for first, _ in expected.paths
        if not any(_words(first) in paragraph for paragraph in paragraphs)
    ]
    firsts = [_words(first) for first, _ in expected.paths]
    merged = sum(1 for p in paragraphs if sum(first in p for first in firsts) > 1)
    right_paths = 0
    for sentence, want in expected.paths:
        at = document.text.find(sentence[:50])
        section = section_at(document, at) if at >= 0 else None
        right_paths += section is not None and _path_key(section.path) == _path_key(want)
    placed = 0
    for _, body, want, _ in expected.notes:
        at = document.text.find(f": {body}")
        section = section_at(document, at) if at >= 0 else None
        placed += section is not None and _path_key(section.path) == _path_key(want)
    contents = sum(
        1
        for chunk in chunks
        if any(parse_toc_line(line) for line in chunk.text.split("\n"))
        or re.search(r"(?:\. ?){5,}", chunk.text)
        or sum(title in chunk.text for title in expected.contents) >= 6
    )
    rows = expected.table_sentences
    unnamed = [row for row in rows if row not in text]
    labels = _page_labels(document, path, expected.sentences)
    return [
        f"pages {document.page_count}, chunks {len(chunks)}",
        f"furniture lines left {left} of {2 * printed} printed ({left / max(1, 2 * printed):.0%})",
        f"footnote markers glued to words {len(glued)} of {len(expected.notes)} {glued or ''}",
        f"sentences not whole {len(broken)} of {len(expected.sentences)}"
        + (f" (e.g. {broken[0][:60]!r})" if broken else ""),
        f"paragraphs cut apart (their first sentence not in one paragraph) {len(apart)} of "
        f"{len(expected.paths)}" + (f" (e.g. {apart[0][:50]!r})" if apart else ""),
        f"paragraphs run together with the next {merged}",
        f"paragraphs under the right section {right_paths} of {len(expected.paths)}",
        f"footnotes in the citing section {placed} of {len(expected.notes)}",
        f"chunks with contents lines {contents} of {len(chunks)}",
        f"table rows not read as sentences naming each figure's column {len(unnamed)} of "
        f"{len(rows)}" + (f" (e.g. {unnamed[0]!r})" if unnamed else ""),
        f"references {len(record.references)} of {expected.references}",
        f"title {'right' if document.title == expected.title else repr(document.title)}, "
        f"authors {'right' if document.authors == expected.authors else document.authors}",
        f"page labels as printed {labels[0]} of {labels[1]} sentences",
    ]


def _page_labels(document: LoadedDocument, path: Path, sentences: list[str]) -> tuple[int, int]:
    """How many sentences carry the page number printed on the page they stand on."""
    printed: list[tuple[str, str]] = []  # (page text, printed number)
    for sheet in PdfReader(path).pages:
        raw = sheet.extract_text() or ""
        lines = [line.strip() for line in raw.split("\n") if line.strip()]
        numbers = [
            match.group(1) or match.group(2)
            for line in lines[:2] + lines[-2:]
            if (
                match := re.search(
                    r"(?:^|[–|] ?)([ivxlcdm]{1,4}|\d{1,3})(?: ?[–|]|$)|(\d{1,3})/\d{1,3}$", line
                )
            )
        ]
        printed.append((_words(raw), numbers[0] if numbers else ""))
    right = total = 0
    text = document.text
    for sentence in sentences:
        probe = _words(sentence)[:40]
        page = next((number for raw, number in printed if probe in raw), None)
        at = text.find(sentence[:40])
        if page is None or at < 0:
            continue
        total += 1
        label = next((span.label for span in document.pages if span.start <= at < span.end), "")
        right += label == page
    return right, total


def main() -> None:
    """Print the figures of each printed report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        for variant in variants():
            print(variant.name)
            for line in figures(variant, Path(work)):
                print(f"  {line}")


if __name__ == "__main__":
    main()
