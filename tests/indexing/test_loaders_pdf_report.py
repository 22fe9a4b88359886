"""The working paper printed as a real report PDF reads as well as its Markdown conversion.

`tests.pdf_factory.markdown_report_pdf` sets the paper with a cover, a colophon, roman front
matter, a contents page with dot leaders, headings in larger bold type, running headers and
footers whose page number moves, superscript footnote markers with the notes at the page foot,
hyphenated line ends and a bibliography with hanging indents. The PDF path must give what the
Markdown path gives: the same sections, footnotes, references and citations, and no furniture.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from assistant.domain import DocumentRecord, LoadedDocument
from indexing.catalogue import Catalogue
from indexing.chunking import chunk_document
from indexing.cleaning import is_page_number_line, parse_toc_line
from indexing.loaders import load_document
from indexing.pipeline import build_record
from tests.helpers import CORPUS, section_holding
from tests.pdf_factory import HAS_UNICODE_FONT, ReportCover, markdown_report_pdf

pytestmark = pytest.mark.skipif(
    not HAS_UNICODE_FONT, reason="no TrueType font for æøå (install fonts-dejavu-core)"
)

PAPER_FILE = "stene-morkved-2019-kommunen-sin-framtidige-naeringsutviklingsrolle.md"
TITLE = "Kommunen sin framtidige næringsutviklingsrolle"
AUTHORS = ["Morten Stene", "Britt Paula Mørkved"]
COVER = ReportCover(
    title=TITLE,
    authors=AUTHORS,
    series="Arbeidsnotat nr. 2",
    institution="Nord universitet",
    place_year="Bodø 2019",
    colophon=["Nord universitet", "Arbeidsnotat nr. 2", "ISBN 82-7456-805-1", "Bodø 2019"],
)
FOOTER = "Arbeidsnotat nr. 2 – Bodø 2019"


def paper_copy(folder: Path) -> Path:
    """The paper's Markdown, copied from the tests' frozen corpus."""
    return Path(shutil.copy(CORPUS / PAPER_FILE, folder / PAPER_FILE))


def report_body(markdown: Path) -> str:
    """The paper from its foreword on: the factory prints its own cover and colophon."""
    text = markdown.read_text(encoding="utf-8")
    return text[text.index("## **FORORD**") :]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("report")


@pytest.fixture(scope="module")
def markdown(folder: Path) -> LoadedDocument:
    return load_document(paper_copy(folder))


@pytest.fixture(scope="module")
def pdf_path(folder: Path) -> Path:
    body = report_body(paper_copy(folder))
    return markdown_report_pdf(folder / "rapport.pdf", body, COVER, header=TITLE)


@pytest.fixture(scope="module")
def pdf(pdf_path: Path) -> LoadedDocument:
    return load_document(pdf_path)


def record_of(path: Path, document: LoadedDocument) -> DocumentRecord:
    catalogue = Catalogue([], path.parent)
    return build_record(path, catalogue.entry_for_file(path), document, catalogue, "hash")


def test_the_pdf_has_the_sections_of_the_markdown(
    pdf: LoadedDocument, markdown: LoadedDocument
) -> None:
    assert [s.path for s in pdf.sections] == [s.path for s in markdown.sections]
    assert ["Forord"] in [s.path for s in pdf.sections]
    assert ["Litteraturliste"] in [s.path for s in pdf.sections]


def test_the_text_is_the_markdown_text_word_for_word(
    pdf: LoadedDocument, markdown: LoadedDocument
) -> None:
    # Hyphenation undone, furniture and footnote digits gone, nothing lost: the words match
    # those of the Markdown path but for list bullets and a caption run into its paragraph.
    bullets = re.compile(r"^[-•]$")
    words_pdf = [w for w in pdf.text.split() if not bullets.match(w)]
    words_md = [w for w in markdown.text.split() if not bullets.match(w)]
    assert len(words_pdf) == len(words_md)
    same = sum(a == b for a, b in zip(words_pdf, words_md, strict=True))
    assert same / len(words_md) > 0.98


def test_no_page_furniture_is_left_on_any_page(pdf: LoadedDocument) -> None:
    lines = [line.strip() for line in pdf.text.split("\n")]
    assert not [line for line in lines if is_page_number_line(line)]
    assert FOOTER not in pdf.text
    assert f"{TITLE} " not in pdf.text  # the running header, always followed by a number


def test_the_contents_and_the_cover_are_not_text(pdf: LoadedDocument, pdf_path: Path) -> None:
    catalogue = Catalogue([], pdf_path.parent)
    chunks = chunk_document(pdf, catalogue.entry_for_file(pdf_path), 1000, 150)
    for chunk in chunks:
        assert not [line for line in chunk.text.split("\n") if parse_toc_line(line)]
        assert "....." not in chunk.text
    assert not any("Innhold" in s.path[-1] for s in pdf.sections if s.path)
    assert "ISBN" not in pdf.text
    assert pdf.sections[0].path == ["Forord"]


def test_footnote_markers_leave_no_digits_glued_to_words(
    pdf: LoadedDocument, markdown: LoadedDocument
) -> None:
    # Digits after letters are only those the paper prints so ('rapport1-2016').
    glued = re.compile(r"[a-zæøå]{3,}\d{1,2}\b")
    assert glued.findall(pdf.text) == glued.findall(markdown.text)
    assert "er i rask endring (Jill Loga, 2018)" in pdf.text
    assert "en playmakerrolle. Playmakeren" in pdf.text
    assert "totalt 19 partnere (Stene & Stickler, 2018)" in pdf.text


def test_footnotes_are_attached_to_the_section_citing_them(
    pdf: LoadedDocument, markdown: LoadedDocument
) -> None:
    notes = re.findall(r"Fotnote (\d+): ", markdown.text)
    assert notes == ["1", "2", "3", "4", "5"]
    for note in notes:
        assert (
            section_holding(pdf, f"Fotnote {note}: ").path
            == section_holding(markdown, f"Fotnote {note}: ").path
        )
    assert section_holding(pdf, "Fotnote 1: I tillegg til universitetene").path == [
        "2 Empiri fra prosjektet ReSeNS",
        "2.1 Faglig utgangspunkt",
    ]
    # A note's body is no longer where the page foot had it: inside the running text.
    assert "Coompanion i Jämtland" not in pdf.text[: pdf.text.index("Fotnote 1: ")]


def test_the_bibliography_and_citations_come_out_as_from_markdown(
    pdf: LoadedDocument, markdown: LoadedDocument, pdf_path: Path, folder: Path
) -> None:
    from_pdf = record_of(pdf_path, pdf)
    from_markdown = record_of(folder / PAPER_FILE, markdown)
    assert len(from_pdf.references) == 28
    assert [r.id for r in from_pdf.references] == [r.id for r in from_markdown.references]
    assert len(from_pdf.citations) == len(from_markdown.citations) > 30
    linked = [c for c in from_pdf.citations if c.reference_ids]
    assert len(linked) == len([c for c in from_markdown.citations if c.reference_ids])


def test_pages_carry_the_printed_labels(pdf: LoadedDocument) -> None:
    page = {s.path[-1]: s.page for s in pdf.sections if s.path}
    assert page["Forord"] == "iii"  # cover i, colophon ii
    assert page["Sammendrag"] == "1"
    assert [int(p.label) for p in pdf.pages[1:]] == list(range(1, len(pdf.pages)))


def test_title_authors_year_and_language_are_read_from_the_file(pdf: LoadedDocument) -> None:
    assert pdf.title == TITLE
    assert pdf.authors == AUTHORS
    assert pdf.year == 2019
    assert pdf.language == "nb"


def test_without_metadata_the_cover_gives_title_authors_and_year(folder: Path) -> None:
    body = report_body(paper_copy(folder))
    path = markdown_report_pdf(folder / "uten.pdf", body, COVER, header=TITLE, metadata=False)
    document = load_document(path)
    assert (document.title, document.authors, document.year) == (TITLE, AUTHORS, 2019)


def test_sentences_run_on_over_page_breaks_and_line_ends(
    pdf: LoadedDocument, markdown: LoadedDocument
) -> None:
    # Pages that start inside a paragraph: the sentence around the break reads as in Markdown.
    inside = [p.start for p in pdf.pages[1:] if pdf.text[p.start - 2 : p.start] != "\n\n"]
    assert inside, "the factory breaks some paragraph over a page"
    for start in inside:
        around = " ".join(pdf.text[start - 40 : start + 40].split())
        assert around in " ".join(markdown.text.split())
    # No word is left broken at a line end, except where the paper itself writes "helse- og".
    broken = re.compile(r"[a-zæøå]- [a-zæøå]+")
    assert broken.findall(pdf.text) == broken.findall(markdown.text)
