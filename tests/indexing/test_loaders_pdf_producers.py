"""PDFs from other producers than fpdf2 read as well as the tests' own.

Two short reports (`tests.report_texts`) are printed by reportlab in two columns and in one,
where LibreOffice is installed written as Word files and converted to PDF by it, and where
Chromium is installed written as HTML pages and printed by it (`tests.report_producers`).
What the loader reads is compared with the source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter

from assistant.domain import LoadedDocument
from indexing.catalogue import Catalogue
from indexing.chunking import chunk_document
from indexing.cleaning import furniture_key, parse_toc_line, split_heading_number
from indexing.loaders import load_document
from indexing.loaders._structure import FOOTNOTE_LABELS
from indexing.loaders.pdf.document import (
    PdfPage,
    cover_authors,
    is_prose,
    parse_pdf_lines,
    printed_page_numbers,
)
from indexing.loaders.pdf.fonts import glyph_widths
from indexing.loaders.pdf.lines import Run, TextLine, page_lines
from tests.pdf_factory import write_pdf
from tests.report_producers import (
    CHROMIUM,
    DEJAVU,
    HAS_FONTS,
    SOFFICE,
    Expectation,
    chromium_expectation,
    chromium_pdf,
    expectation,
    print_html,
    reportlab_pdf,
    word_pdf,
)
from tests.report_producers import furniture_left as producers_furniture_left
from tests.report_texts import ANNUAL, EVALUATION

needs_fonts = pytest.mark.skipif(not HAS_FONTS, reason="needs fonts-dejavu-core")
needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None, reason="needs LibreOffice (make system-deps installs it)"
)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="needs Chromium (make system-deps installs it)"
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("producers")


@pytest.fixture(scope="module")
def two_columns(folder: Path) -> tuple[Path, LoadedDocument]:
    path = reportlab_pdf(folder / "aarsrapport.pdf", ANNUAL, columns=2, style="word")
    return path, load_document(path)


@pytest.fixture(scope="module")
def chapter_headers(folder: Path) -> tuple[Path, LoadedDocument]:
    """Two columns, odd pages headed by the chapter they open in."""
    path = reportlab_pdf(folder / "kapitler.pdf", ANNUAL, 2, "number", chapter_headers=True)
    return path, load_document(path)


@pytest.fixture(scope="module")
def one_column(folder: Path) -> tuple[Path, LoadedDocument]:
    path = reportlab_pdf(folder / "evaluation.pdf", EVALUATION, columns=1, style="capitals")
    return path, load_document(path)


@pytest.fixture(scope="module")
def from_word(folder: Path) -> tuple[Path, LoadedDocument]:
    path = word_pdf(folder / "evaluation-word.pdf", EVALUATION, style="word")
    return path, load_document(path)


@pytest.fixture(scope="module")
def chromium_own_furniture(folder: Path) -> tuple[Path, LoadedDocument]:
    """The evaluation printed with Chromium's date, title, address and page/pages, its notes
    gathered at the end of the document."""
    path = chromium_pdf(folder / "evaluation-html.pdf", EVALUATION, "word", "chromium", "end")
    return path, load_document(path)


@pytest.fixture(scope="module")
def chromium_css_furniture(folder: Path) -> tuple[Path, LoadedDocument]:
    """The annual report with CSS running headers and footers, notes after each chapter."""
    path = chromium_pdf(folder / "aarsrapport-html.pdf", ANNUAL, "number", "css", "chapter")
    return path, load_document(path)


def words(text: str) -> str:
    return " ".join(text.split())


def whole_sentences(document: LoadedDocument, expected: Expectation) -> float:
    text = words(document.text)
    return sum(words(s) in text for s in expected.sentences) / len(expected.sentences)


def path_of(document: LoadedDocument, phrase: str) -> list[str]:
    at = document.text.index(phrase)
    section = next(s for s in document.sections if s.start <= at < s.end)
    return [title.casefold() for title in section.path]


def furniture_left(document: LoadedDocument, expected: Expectation) -> list[str]:
    return producers_furniture_left(document.text, expected)


# --- two columns --------------------------------------------------------------------------


def test_lines_of_two_columns_read_down_the_left_column_first() -> None:
    left = [
        "Kommunen har lenge hatt",
        "et eget næringsfond som",
        "deler ut tilskudd til nye",
        "bedrifter i hele kommunen,",
        "og fondet er populært.",
    ]
    right = [
        "Bedriftene ønsker likevel",
        "raskere svar fra kommunen",
        "og en fast kontaktperson",
        "som kjenner saken deres fra",
        "første henvendelse.",
    ]
    runs = []
    for row, (a, b) in enumerate(zip(left, right, strict=True)):
        y = 700 - 13 * row
        runs += [Run(a + " ", 70, y, 10), Run(b + " ", 310, y, 10)]
    runs.append(Run("Notes and the page foot span the page: they stay last", 70, 80, 8))
    lines = [line.text for line in page_lines(runs, 842)]
    assert lines == [*left, *right, "Notes and the page foot span the page: they stay last"]


def test_a_large_heading_in_one_column_does_not_join_two_lines_of_the_other() -> None:
    left = [f"Linje {n} i venstre spalte om næringslivet" for n in range(8)]
    right = [f"Linje {n} i høyre spalte om kommunen og" for n in range(8)]
    runs = []
    for row, (a, b) in enumerate(zip(left, right, strict=True)):
        runs.append(Run(a, 74, 700 - 13.5 * row, 10))
        if row not in (5, 6):
            runs.append(Run(b, 315, 700 - 13.5 * row, 10))
    # The heading's baseline falls between two lines of the left column.
    runs.append(Run("Kapittel 3 Vurdering", 315, 700 - 13.5 * 5.5, 15))
    lines = [line.text for line in page_lines(runs, 842)]
    assert lines[:8] == left
    assert "Kapittel 3 Vurdering" in lines[8:]


FACT_TEXT = (
    "Kommunen har de siste årene arbeidet systematisk med næringsutvikling, og tabellen "
    "under viser hvordan antallet nye foretak har utviklet seg fra år til år i perioden. "
    "Veksten flatet ut i 2022, da renten steg og færre søkte etablerertilskudd."
)


@needs_fonts
@needs_chromium
@pytest.mark.parametrize(
    "box",
    [
        "<p>Gründerhuset åpnet i 2021 og har 14 kontorplasser til en leie av 1 500 kroner i "
        "måneden, og alle plassene var leid ut ved utgangen av 2023.</p>",
        "<b>Faktaboks: Gründerhuset</b><p>Gründerhuset åpnet i 2021 og har 14 kontorplasser. "
        "Leien er 1 500 kroner i måneden.</p>",
    ],
    ids=["below-the-first-line", "with-a-title"],
)
def test_a_fact_box_beside_the_text_reads_apart_from_it(box: str, tmp_path: Path) -> None:
    """A box floated right of the running text ("Faktaboks"), in smaller type, its lines
    beside the paragraph's or between them: the paragraph reads whole, the box after it."""
    html = (
        '<!doctype html><html lang="nb"><head><meta charset="utf-8"><style>'
        'body { font-family: "DejaVu Serif"; font-size: 10.5pt; } .box { float: right; '
        "width: 35%; border: 1px solid #000; padding: 6px; margin: 6px; "
        'font-family: "DejaVu Sans"; font-size: 9pt; }</style></head><body>'
        f'<h1>3 Nye foretak</h1><div class="box">{box}</div><p>{FACT_TEXT}</p></body></html>'
    )
    document = load_document(print_html(tmp_path / "faktaboks.pdf", html))
    paragraphs = [" ".join(part.split()) for part in document.text.split("\n\n")]
    assert FACT_TEXT in paragraphs
    after = paragraphs[paragraphs.index(FACT_TEXT) + 1 :]
    assert any("Gründerhuset åpnet i 2021" in p and "1 500 kroner i" in p for p in after)


# A fact box drawn at the top of a page, the text running on below it from the page before.
BOX_TITLE = "Faktaboks: Gründerhuset"
BOX_FACTS = ("Åpnet i 2021 med 14 kontorplasser", "Leie: 1 500 kroner i måneden")
BOX_PLACES = "Kvernås Lidvang Tverrdal Fossvik Ospedal Skarvdal Vikfjord Storlia Sandvær".split()
# Sentences of unlike length, so that one of them breaks over the page.
BOX_SENTENCES = [
    f"Tiltaket i {BOX_PLACES[n % 9]} ble fulgt opp av kommunen i samarbeid med "
    f"næringsforeningen og regionrådet{' det året' * (n % 3)}."
    for n in range(54)
]


@needs_fonts
def test_a_fact_box_is_a_block_of_its_own_not_part_of_the_paragraph_running_past_it(
    tmp_path: Path,
) -> None:
    """A framed, shaded box at the top of a page, the paragraph from the page before going
    on below it: its bold title read as a heading and its last line took the paragraph's
    rest as its own. The box is a block of its own after the paragraph, its title no
    section, and every sentence of the paragraph is whole."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageTemplate, Paragraph

    for name, file in (("Serif", "DejaVuSerif.ttf"), ("Sans", "DejaVuSans.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(DEJAVU / file)))
    pdfmetrics.registerFont(TTFont("Sans-Bold", str(DEJAVU / "DejaVuSans-Bold.ttf")))
    width, height = A4

    def box(canvas: Any, _: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(HexColor("#E8F0F8"))
        canvas.setStrokeColor(HexColor("#336699"))
        canvas.rect(72, height - 162, width - 144, 90, fill=1, stroke=1)
        canvas.setFillColor(HexColor("#000000"))
        canvas.setFont("Sans-Bold", 12)
        canvas.drawString(84, height - 92, BOX_TITLE)
        canvas.setFont("Sans", 9.5)
        for row, fact in enumerate(BOX_FACTS):
            canvas.drawString(84, height - 110 - 13 * row, fact)
        canvas.restoreState()

    body = ParagraphStyle(
        "body", fontName="Serif", fontSize=10.5, leading=14, alignment=TA_JUSTIFY, spaceAfter=6
    )
    head = ParagraphStyle("head", fontName="Sans-Bold", fontSize=15, leading=19, spaceAfter=8)
    path = tmp_path / "faktaboks.pdf"
    document = BaseDocTemplate(str(path), pagesize=A4)
    full = Frame(72, 72, width - 144, height - 144)
    under = Frame(72, 72, width - 144, height - 244)
    document.addPageTemplates(
        [PageTemplate("plain", [full]), PageTemplate("boxed", [under], onPage=box)]
    )
    story: list[Any] = [Paragraph("1 Innledning", head), NextPageTemplate("boxed")]
    for start in range(0, len(BOX_SENTENCES), 9):
        story.append(Paragraph(" ".join(BOX_SENTENCES[start : start + 9]), body))
    story += [NextPageTemplate("plain"), Paragraph("2 Resultater", head)]
    story += [Paragraph(" ".join(BOX_SENTENCES[:4]), body)]
    document.build(story)

    loaded = load_document(path)
    paragraphs = [" ".join(part.split()) for part in loaded.text.split("\n\n")]
    assert [section.path for section in loaded.sections] == [["1 Innledning"], ["2 Resultater"]]
    for sentence in BOX_SENTENCES:
        assert sentence in loaded.text
    at = paragraphs.index(BOX_TITLE)
    assert paragraphs[at + 1 : at + 3] == list(BOX_FACTS)
    assert paragraphs[at - 1].endswith(BOX_SENTENCES[17])  # the paragraph the box stood in


def test_a_table_is_not_read_as_two_columns() -> None:
    runs = []
    for row, (label, value) in enumerate([("Etablering", "14"), ("Kompetanse", "8")] * 3):
        y = 700 - 13 * row
        runs += [Run(label, 90, y, 10, width=50, space=3), Run(value, 234, y, 10, width=11)]
    lines = [line.text for line in page_lines(runs, 842)]
    assert lines[:2] == ["Etablering 14", "Kompetanse 8"]


@needs_fonts
def test_a_two_column_report_reads_in_whole_sentences(
    two_columns: tuple[Path, LoadedDocument],
) -> None:
    _, document = two_columns
    assert whole_sentences(document, expectation(ANNUAL, "word")) >= 0.9
    assert "Kommunen har i mange år hatt en egen næringskonsulent" in document.text


def test_justified_lines_of_few_long_words_stay_one_paragraph() -> None:
    column = [
        "Fjellvik er en kystkommune med om lag",
        "6 800 innbyggere, der fiskeri, havbruk",
        "og reiseliv er de største næringene.",
        "Kommunen har i mange år hatt en egen rådgiver",
        "for næringsliv, en næringskonsulent",
        "og i tillegg et kommunalt",
        "næringsfond som deler ut tilskudd.",
        "Fondsstyret møtes seks ganger i året.",
    ]
    lines = [TextLine(text, 10, x=74, top=100 + 13.5 * n) for n, text in enumerate(column)]
    lines.append(TextLine("Et nytt avsnitt starter her.", 10, x=74, top=220))
    # A footnote set across the whole page says nothing of how long a column's line is.
    lines.append(
        TextLine(
            "1 " + "Kommunestyresak 45/21, vedtatt 17. juni 2021, etter lang debatt.",
            8,
            x=74,
            top=780,
        )
    )
    document = parse_pdf_lines([PdfPage(lines, "1")])
    assert "Fjellvik er en kystkommune med om lag 6 800 innbyggere" in document.text
    assert "og i tillegg et kommunalt næringsfond som deler" in document.text
    assert "i året.\n\nEt nytt avsnitt" in document.text


def test_an_endnote_whose_first_sentence_ends_its_first_line_goes_on_under_its_number() -> None:
    """An endnote list printed from HTML: each note's number stands out on its first line,
    and the note's later lines start under the number; the first line may end at a full stop
    short of the column's edge because the next word was too long for it."""
    lines = [TextLine("Noter", 16, bold=True, x=74.2, top=160)]
    notes = [
        ("1", "Stene och Mørkved skrev sitt arbetspapper åt det norska Distriktssenteret.", 0),
        (None, "Rollbegreppen förekommer i flera nordiska sammanhang; vi använder de svenska", 1),
        (None, "översättningarna förhandlare, innovatör och brobyggare.", 2),
        ("2", "Uppgiften för 2020 är hämtad från programmets nollmätning hösten 2020.", 4),
    ]
    for lead, text, row in notes:
        x = 78.7 if lead else 74.2
        lines.append(TextLine(text, 9, x=x, top=185 + 12.7 * row, lead=lead))
    document = parse_pdf_lines([PdfPage(lines, "1")])
    assert "Distriktssenteret. Rollbegreppen förekommer" in document.text
    assert "brobyggare.\n\n" in document.text  # the next note stands apart


def test_a_wide_gap_parts_lines_however_the_one_above_ends() -> None:
    """A cover: the subtitle, without a full stop, stands well above the line naming the
    publisher; joined, the publisher's first word would read as a name inside a sentence."""
    lines = [
        TextLine("Årsmelding 2024", 34, x=71, top=246),
        TextLine("Styrets beretning, nøkkeltall, prosjekter og økonomi", 12, x=71, top=285),
        TextLine("Næringsselskapet for Skarvdal, Heimvær og Almedal kommuner", 11, x=71, top=360),
        TextLine(
            "Godkjent av styret 12. mars 2025. Lagt fram for generalforsamlingen 24",
            11,
            x=71,
            top=381,
        ),
        TextLine("april 2025.", 11, x=71, top=396),
    ]
    document = parse_pdf_lines([PdfPage(lines, "1")])
    assert "prosjekter og økonomi\n\nNæringsselskapet for Skarvdal" in document.text
    assert "Lagt fram for generalforsamlingen 24 april 2025." in document.text


def test_a_list_with_words_symbol_font_bullets_is_a_list_not_a_table() -> None:
    """Word sets its bullets in the Symbol font, which a PDF gives as a private-use
    character standing apart from the item: read as a table's first cell, the first item
    became the header of the others, repeated in each."""
    items = [
        "Driftstilskudd fra eierkommunene: 4,20 millioner kroner",
        "Prosjektmidler fra fylkeskommunen: 2,65 millioner kroner",
        "Husleie og salg av tjenester: 1,85 millioner kroner",
    ]
    lines = [TextLine("Driftsinntektene fordelte seg slik:", 11, x=71, top=66)]
    lines += [
        TextLine(
            f"\uf0b7 {item}", 11, x=71, top=81 + 14.7 * n, cells=("\uf0b7", item),
            header=n == 0, splits=("\uf0b7", item),
        )
        for n, item in enumerate(items)
    ]  # fmt: skip
    document = parse_pdf_lines([PdfPage(lines, "1")])
    for item in items:
        assert f"\n\n• {item}\n" in f"{document.text}\n"
    assert document.text.count("Driftstilskudd") == 1


def test_a_heading_at_the_foot_of_the_left_column_keeps_apart_from_the_right_one() -> None:
    runs = []
    for row in range(8):
        y = 700 - 13.5 * row
        runs.append(Run(f"Venstre spalte linje {row} om kommunen og", 74, y, 10, width=200))
        runs.append(Run(f"Høyre spalte linje {row} om næringslivet", 315, y, 10, width=200))
    # The left column ends in a heading; beside and below it, the right column runs on.
    runs.append(Run("2 Funn", 74, 700 - 13.5 * 8.5, 15, width=50))
    runs.append(Run("verdsatt, men som er sårbart fordi det", 315, 700 - 13.5 * 8, 10, width=200))
    runs.append(Run("hviler på få personer.", 315, 700 - 13.5 * 9, 10, width=110))
    lines = [line.text for line in page_lines(runs, 842)]
    assert lines.index("2 Funn") < lines.index("Høyre spalte linje 0 om næringslivet")
    assert "verdsatt, men som er sårbart fordi det" in lines
    assert lines[-1] == "hviler på få personer."


@needs_fonts
def test_chapters_beside_the_other_column_keep_their_sections(
    chapter_headers: tuple[Path, LoadedDocument],
) -> None:
    _, document = chapter_headers
    assert path_of(document, "Dette kapitlet beskriver hvordan pengene") == ["2 funn"]
    assert path_of(document, "Næringsfondet delte ut") == ["2 funn", "2.1 næringsfondet"]
    assert whole_sentences(document, expectation(ANNUAL, "number")) == 1.0


# --- contents -----------------------------------------------------------------------------


def test_dot_leaders_drawn_before_their_entry_stand_after_it() -> None:
    runs = [Run(" .  .  .  .  .  .  .  .  .  . 4", 300, 700, 10), Run("Forord", 74, 700, 10)]
    [line] = page_lines(runs, 842)
    assert parse_toc_line(line.text) == ("Forord", "4")


@needs_fonts
def test_a_reportlab_contents_page_is_never_quoted(
    two_columns: tuple[Path, LoadedDocument],
) -> None:
    path, document = two_columns
    entry = Catalogue([], path.parent).entry_for_file(path)
    for chunk in chunk_document(document, entry, 700, 100):
        assert not [line for line in chunk.text.split("\n") if parse_toc_line(line)]
        assert ". . . ." not in chunk.text
    assert not any(s.path == ["Innhold"] for s in document.sections)


# --- chapter headings ---------------------------------------------------------------------


def test_a_chapter_named_with_its_word_is_numbered() -> None:
    assert split_heading_number("Kapittel 3 Funn") == ("3", "Funn")
    assert split_heading_number("CHAPTER 2: FINDINGS") == ("2", "FINDINGS")
    assert split_heading_number("Kapittel 3.2 Funn")[0] is None


@needs_fonts
def test_sections_nest_under_chapters_named_kapittel(
    two_columns: tuple[Path, LoadedDocument],
) -> None:
    _, document = two_columns
    assert path_of(document, "Nasjonale føringer gir kommunene") == ["1 innledning", "1.1 bakgrunn"]
    assert path_of(document, "Næringsfondet delte ut") == ["2 funn", "2.1 næringsfondet"]


# --- furniture ----------------------------------------------------------------------------


def test_a_footer_that_swaps_sides_is_one_footer() -> None:
    assert furniture_key("7 | Evaluation 2023") == furniture_key("Evaluation 2023 | 8")


def test_headers_alternating_in_a_short_report_are_furniture() -> None:
    pages = []
    for number in range(1, 6):
        odd = number % 2 == 1
        header = "Business development in the region" if odd else "Regional Council"
        footer = f"{number} | Evaluation 2023" if odd else f"Evaluation 2023 | {number}"
        lines = [
            TextLine(header, 8.5, top=45),
            TextLine(
                f"Page {number} tells of the programme and what it did that year.", 10, top=90
            ),
            TextLine(footer, 9, top=800),
        ]
        pages.append(PdfPage(lines, str(number)))
    document = parse_pdf_lines(pages)
    assert "Regional Council" not in document.text
    assert "Business development" not in document.text
    assert "Evaluation 2023" not in document.text


def test_a_header_naming_the_chapter_is_furniture_on_its_one_page() -> None:
    pages = []
    chapters = ["1 Innledning", "1 Innledning", "2 Funn", "3 Vurdering", "3 Vurdering"]
    for number, chapter in enumerate(chapters, start=1):
        lines = [
            TextLine(chapter, 8.5, x=400, top=45.4),
            TextLine(
                f"Side {number} forteller om kommunen og hva den gjorde det året.", 10, top=90
            ),
            TextLine(f"– {number} –", 9, x=290, top=805),
        ]
        pages.append(PdfPage(lines, str(number)))
    document = parse_pdf_lines(pages)
    assert "Funn" not in document.text  # printed once, where headers stand
    assert "Innledning" not in document.text


@needs_fonts
def test_a_chapter_as_running_header_is_furniture(
    chapter_headers: tuple[Path, LoadedDocument],
) -> None:
    _, document = chapter_headers
    assert furniture_left(document, expectation(ANNUAL, "number", chapter_headers=True)) == []


@needs_fonts
def test_odd_and_even_furniture_of_a_reportlab_report_is_gone(
    one_column: tuple[Path, LoadedDocument],
) -> None:
    _, document = one_column
    assert furniture_left(document, expectation(EVALUATION, "capitals")) == []


# --- footnotes ----------------------------------------------------------------------------


def prose_lines(count: int, size: float = 10.5) -> list[TextLine]:
    """Lines of running text at the top of a page, in the body's type."""
    return [
        TextLine(f"Linje {n} av teksten om kommunen og næringslivet i regionen.", size, top=90 + n)
        for n in range(count)
    ]


def test_a_note_number_not_raised_still_opens_a_footnote() -> None:
    body = prose_lines(8)
    cited = TextLine("Avtalen ble signert i 2020.\x00N1\x00 Den gjelder i fire år.", 10.5, top=200)
    notes = [
        TextLine("1 Avtalen ble signert av alle fire ordførerne i mars.", 8, top=700),
        TextLine("44 prosent svarte på undersøkelsen i mai.", 8, top=710),
    ]
    document = parse_pdf_lines([PdfPage([*body, cited, *notes], "1")])
    assert (
        "Fotnote 1: Avtalen ble signert av alle fire ordførerne i mars. 44 prosent svarte"
        in document.text
    )


def test_a_period_broken_after_its_dash_reads_as_one_period() -> None:
    lines = [
        TextLine(
            "Programmet Starka bygder i Mellanälven pågick under perioden 2021–", 10.5, top=100
        ),
        TextLine("2024 i fyra kommuner och hade en budget på 24,6 miljoner kronor.", 10.5, top=115),
    ]
    text = parse_pdf_lines([PdfPage(lines, "1")]).text
    assert "under perioden 2021–2024 i fyra kommuner" in text


@pytest.mark.parametrize("heading", ["Noter", "Notes", "Fotnoter"])
def test_the_heading_of_a_footnote_area_goes_with_its_notes(heading: str) -> None:
    body = prose_lines(8)
    cited = TextLine("Avtalen ble signert i 2020.\x00N1\x00 Den gjelder i fire år.", 10.5, top=200)
    area = [
        TextLine(heading, 8.5, top=690),
        TextLine("1 Avtalen ble signert av alle fire ordførerne i mars.", 8.5, top=700),
    ]
    document = parse_pdf_lines([PdfPage([*body, cited, *area], "1")])
    assert "Fotnote 1: Avtalen ble signert av alle fire ordførerne i mars." in document.text
    assert heading not in document.text.split("\n\n")


@needs_fonts
@needs_libreoffice
def test_a_word_report_printed_by_libreoffice_keeps_its_notes_and_loses_its_footers(
    from_word: tuple[Path, LoadedDocument],
) -> None:
    _, document = from_word
    expected = expectation(EVALUATION, "word")
    assert furniture_left(document, expected) == []
    label = FOOTNOTE_LABELS[EVALUATION.language]
    for note, body, path, _ in expected.notes:
        assert f"{label} {note}: {body}" in document.text
        assert path_of(document, f"{label} {note}: ") == [title.casefold() for title in path]
    assert path_of(document, "We combined a survey") == ["1 introduction", "1.2 data and methods"]


# --- page numbers -------------------------------------------------------------------------


def test_printed_page_numbers_label_pages_when_they_run_in_order() -> None:
    furniture = [
        [],  # the cover
        ["Rapport 2023", "– ii –"],
        ["Rapport 2023", "– iii –"],
        ["Rapport 2023", "1 | Rapport 2023"],
        ["Rapport 2023", "Rapport 2023 | 2"],
        ["Rapport 2023"],  # a page whose footer is covered by a picture
        ["Rapport 2023", "4 | Rapport 2023"],
    ]
    assert printed_page_numbers(furniture) == ["i", "ii", "iii", "1", "2", "3", "4"]


def test_numbers_that_do_not_run_in_order_label_nothing() -> None:
    assert printed_page_numbers([["Rapport 2023"]] * 4) is None
    assert printed_page_numbers([["side 3"], ["side 4"], ["side 9"], ["side 10"]]) is None


@needs_fonts
@needs_libreoffice
def test_a_pdf_without_page_labels_is_cited_by_its_printed_page_numbers(
    from_word: tuple[Path, LoadedDocument],
) -> None:
    path, document = from_word
    assert "/PageLabels" not in PdfReader(path).root_object  # LibreOffice writes none
    page = {s.path[-1]: s.page for s in document.sections if s.path}
    assert page["Preface"] == "iv"  # cover i, colophon ii, contents iii
    assert page["1 Introduction"] == "1"
    body = [int(p.label) for p in document.pages if p.label.isdigit()]
    assert body == list(range(1, len(body) + 1))


# --- metadata -----------------------------------------------------------------------------


def test_a_creation_date_pypdf_cannot_read_leaves_title_and_authors(tmp_path: Path) -> None:
    path = write_pdf(
        tmp_path / "plan.pdf", [["Planen gjelder for hele kommunen og alle som bor der."]]
    )
    writer = PdfWriter(clone_from=path)
    writer.add_metadata(
        {
            "/Title": "Næringsplan for Fjellvik",
            "/Author": "Kari Nordmann; Ola Hansen",
            "/CreationDate": "D:20230315120000Z'",  # as LibreOffice 7 writes it
        }
    )
    writer.write(path)
    document = load_document(path)
    assert document.title == "Næringsplan for Fjellvik"
    assert document.authors == ["Kari Nordmann", "Ola Hansen"]


@needs_fonts
@needs_libreoffice
def test_a_libreoffice_pdf_gives_its_authors_from_the_file(
    from_word: tuple[Path, LoadedDocument],
) -> None:
    _, document = from_word
    assert document.title == EVALUATION.title
    assert document.authors == list(EVALUATION.authors)


# --- table cells and words drawn in pieces ------------------------------------------------


def test_runs_far_apart_are_two_words_and_runs_that_touch_are_one() -> None:
    runs = [
        Run("New businesses", 90, 700, 8.5, width=62.0, space=2.7),
        Run("25", 326, 700, 8.5, width=9.5, space=2.7),
        Run("29", 370, 700, 8.5, width=9.5, space=2.7),
        # A word kerned by its producer: the second run starts where the first one ends.
        Run("Kommu", 90, 680, 10, width=36.2, space=3.2),
        Run("nen har et fond.", 126.5, 680, 10, width=80, space=3.2),
    ]
    assert [line.text for line in page_lines(runs, 842)] == [
        "New businesses 25 29",
        "Kommunen har et fond.",
    ]


def reportlab_canvas(path: Path, font: str) -> Any:
    """A reportlab canvas set in ``font``: a standard one, or DejaVu Sans embedded."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if font == "DejaVuSans":
        if not HAS_FONTS:
            pytest.skip("needs fonts-dejavu-core")
        pdfmetrics.registerFont(TTFont(font, str(DEJAVU / "DejaVuSans.ttf")))
    sheet = canvas.Canvas(str(path))
    sheet.setFont(font, 10)
    return sheet


@pytest.mark.parametrize("font", ["Helvetica", "Times-Bold", "DejaVuSans"])
def test_glyph_widths_come_from_the_font_or_the_standard_metrics(tmp_path: Path, font: str) -> None:
    from reportlab.pdfbase import pdfmetrics

    text = "Tilsagn fra fondet: 31 (2,9 millioner kroner)"
    path = tmp_path / "widths.pdf"
    sheet = reportlab_canvas(path, font)
    sheet.drawString(72, 700, text)
    sheet.save()
    fonts = PdfReader(path).pages[0]["/Resources"]["/Font"]
    [used] = [f.get_object() for f in fonts.values() if str(f["/BaseFont"]).endswith(font)]
    # reportlab writes the standard fonts without widths: their widths are the known metrics.
    assert ("/Widths" in used) == (font == "DejaVuSans")
    widths = glyph_widths(used)
    assert widths.width(text) / 100 == pytest.approx(pdfmetrics.stringWidth(text, font, 10))


@pytest.mark.parametrize("font", ["Helvetica", "DejaVuSans"])
def test_cells_drawn_apart_are_words_and_a_word_drawn_in_pieces_stays_whole(
    tmp_path: Path, font: str
) -> None:
    from reportlab.pdfbase import pdfmetrics

    path = tmp_path / "table.pdf"
    sheet = reportlab_canvas(path, font)
    sheet.drawString(72, 760, "The table below counts the grants of the fund by purpose.")
    for row, (label, count) in enumerate([("Establishment", "14"), ("Products", "9")]):
        sheet.drawString(90, 730 - 14 * row, label)
        sheet.drawRightString(300, 730 - 14 * row, count)
    # One word in three runs, each starting where the one before ends (as kerned type is).
    x = 72.0
    for piece in ("Munici", "pal", "ities run the fund together."):
        sheet.drawString(x, 680, piece)
        x += pdfmetrics.stringWidth(piece, font, 10)
    sheet.save()
    text = load_document(path).text
    assert "Establishment 14" in text
    assert "Products 9" in text
    assert "Municipalities run the fund together." in text


@pytest.mark.parametrize("font", ["Helvetica", "DejaVuSans"])
def test_words_drawn_one_by_one_after_a_note_number_keep_their_spaces(
    tmp_path: Path, font: str
) -> None:
    from reportlab.pdfbase import pdfmetrics

    path = tmp_path / "words.pdf"
    sheet = reportlab_canvas(path, font)
    # A justified line drawn a word at a time, its spaces a little wider than the font's,
    # with a note number in smaller type after the first sentence.
    gap = pdfmetrics.stringWidth(" ", font, 10) * 1.2

    def words_drawn(words: Sequence[str], x: float) -> float:
        """Draw the words one by one from ``x``; where the last one ends."""
        for word in words:
            sheet.setFont(font, 10)
            sheet.drawString(x, 700, word)
            x += pdfmetrics.stringWidth(word, font, 10) + gap
        return x - gap

    x = words_drawn(("The", "alliance", "met", "in", "2025."), 72.0)
    sheet.setFont(font, 6)
    sheet.drawString(x + 0.3, 704, "1")
    x += pdfmetrics.stringWidth("1", font, 6) + 0.6 + gap
    words_drawn(("The", "board", "wanted", "a", "plan."), x)
    sheet.save()
    text = load_document(path).text
    assert "The board wanted a plan." in text
    assert "Theboard" not in text


@needs_fonts
def test_a_reportlab_tables_rows_are_sentences_naming_each_figures_column_in_the_chunks(
    one_column: tuple[Path, LoadedDocument],
) -> None:
    path, document = one_column
    entry = Catalogue([], path.parent).entry_for_file(path)
    text = words(" ".join(chunk.text for chunk in chunk_document(document, entry, 700, 100)))
    assert "New businesses: Target 25; Result 29." in text
    for sentence in expectation(EVALUATION, "capitals").table_sentences:
        assert sentence in text


# --- HTML printed by Chromium -------------------------------------------------------------


@needs_fonts
@needs_chromium
def test_chromiums_own_header_and_footer_are_furniture(
    chromium_own_furniture: tuple[Path, LoadedDocument],
) -> None:
    path, document = chromium_own_furniture
    printed = PdfReader(path).pages[1].extract_text()
    assert re.search(r"(?:fi|\ufb01)le://\S+ 2/9", printed)  # the address and page/pages
    assert furniture_left(document, chromium_expectation(EVALUATION, "word", "chromium")) == []
    assert not re.search(r"\b\d{1,2}/\d{1,2}\b", document.text)  # neither '2/9' nor a date


@needs_fonts
@needs_chromium
def test_css_running_headers_and_footers_are_furniture(
    chromium_css_furniture: tuple[Path, LoadedDocument],
) -> None:
    _, document = chromium_css_furniture
    assert furniture_left(document, chromium_expectation(ANNUAL, "number", "css")) == []


@needs_fonts
@needs_chromium
@pytest.mark.parametrize("printed", ["chromium_own_furniture", "chromium_css_furniture"])
def test_an_html_reports_notes_come_to_the_section_citing_them(
    printed: str, request: pytest.FixtureRequest
) -> None:
    _, document = request.getfixturevalue(printed)
    report = EVALUATION if printed == "chromium_own_furniture" else ANNUAL
    expected = chromium_expectation(report, "word", "css")
    label = FOOTNOTE_LABELS[report.language]
    for note, body, path, _ in expected.notes:
        assert f"{label} {note}: {body}" in document.text
        assert path_of(document, f"{label} {note}: ") == [title.casefold() for title in path]
    assert "\u21a9" not in document.text  # the links back to the citing place


@needs_fonts
@needs_chromium
@pytest.mark.parametrize("printed", ["chromium_own_furniture", "chromium_css_furniture"])
def test_an_html_contents_list_without_page_numbers_is_never_quoted(
    printed: str, request: pytest.FixtureRequest
) -> None:
    _, document = request.getfixturevalue(printed)
    report = EVALUATION if printed == "chromium_own_furniture" else ANNUAL
    expected = chromium_expectation(report, "word" if report is EVALUATION else "number", "css")
    paragraphs = [words(paragraph) for paragraph in document.text.split("\n\n")]
    for title in expected.contents:
        assert paragraphs.count(title) <= 1, title  # the heading itself, never its entry
    assert not any(section.path == [report.contents_heading] for section in document.sections)
    assert whole_sentences(document, expected) == 1.0


@needs_fonts
@needs_chromium
def test_a_soft_hyphen_chromium_did_not_break_at_leaves_its_word_whole(
    chromium_css_furniture: tuple[Path, LoadedDocument],
) -> None:
    _, document = chromium_css_furniture
    assert "for næringslivet i kommunen" in words(document.text)
    assert "nærings livet" not in document.text


@needs_fonts
@needs_chromium
@pytest.mark.parametrize("printed", ["chromium_own_furniture", "chromium_css_furniture"])
def test_the_authors_of_an_html_report_come_from_its_cover(
    printed: str, request: pytest.FixtureRequest
) -> None:
    _, document = request.getfixturevalue(printed)
    report = EVALUATION if printed == "chromium_own_furniture" else ANNUAL
    assert document.title == report.title
    assert document.authors == list(report.authors)


def test_cover_authors_are_the_names_just_below_the_title() -> None:
    cover = [
        TextLine("EVALUATION REPORT 2023", 11, top=80),
        TextLine("Business development in the", 26, top=300),
        TextLine("Ranfjord region", 26, top=330),
        TextLine("Maria Lindqvist", 13, top=370),
        TextLine("Tor Even Haugen", 13, top=388),
        TextLine("Ranfjord Regional Council", 11, top=700),
        TextLine("Mo i Rana 2023", 11, top=714),
    ]
    authors = cover_authors(cover, "Business development in the Ranfjord region")
    assert authors == ["Maria Lindqvist", "Tor Even Haugen"]


def test_names_joined_on_one_cover_line_are_each_an_author() -> None:
    cover = [
        TextLine("Kommunen som playmaker i glesbygd", 26, top=300),
        TextLine("Johanna Westerlund och Per-Olof Nyberg", 13, top=370),
        TextLine("Beställare: Mellanälvens kommunalförbund", 11, top=700),
    ]
    authors = cover_authors(cover, "Kommunen som playmaker i glesbygd")
    assert authors == ["Johanna Westerlund", "Per-Olof Nyberg"]


def test_a_letter_spaced_line_is_no_running_text() -> None:
    assert not is_prose("I N S T I T U T E T F Ö R R E G I O N A L S A M V E R K A N 2 0 2 5")
    assert is_prose("Programmet har stött 71 projekt i de fyra kommunerna under perioden.")


LETTER_SPACED_REPORT = """<!doctype html><html lang="sv"><head><meta charset="utf-8">
<title>Kommunen som playmaker i glesbygd</title>
<style>
@page { size: A4; margin: 2cm; }
body { font-family: 'DejaVu Serif'; font-size: 10.5pt; }
.series { letter-spacing: 0.3em; text-transform: uppercase; font-size: 9pt; }
.cover { break-after: page; }
.cover h1 { font-size: 26pt; margin-top: 5cm; }
.cover .authors { font-size: 13pt; }
.cover .place { margin-top: 10cm; }
nav { break-after: page; }
nav li { display: flex; justify-content: space-between; list-style: none; }
h2 { font-size: 15pt; }
</style></head><body>
<section class="cover">
<p class="series">Institutet för regional samverkan · Rapport 2025:2</p>
<h1>Kommunen som playmaker i glesbygd</h1>
<p class="authors">Johanna Westerlund och Per-Olof Nyberg</p>
<p class="place">Umeå, april 2025</p>
</section>
<nav><h2>Innehåll</h2><ol>
<li><span>1 Inledning</span><span>2</span></li>
<li><span>2 Ekonomi</span><span>2</span></li>
<li><span>3 Resultat</span><span>2</span></li>
<li><span>4 Roller</span><span>2</span></li>
</ol></nav>
<h2>1 Inledning</h2>
<p>Programmet pågick från januari 2021 till december 2024 i fyra kommuner i inlandet.</p>
<h2>2 Ekonomi</h2>
<p>Programmet hade en total budget på 24,6 miljoner kronor för hela perioden.</p>
<h2>3 Resultat</h2>
<p>Programmet har stött 71 projekt, och företagen uppger 88 nya arbetstillfällen.</p>
<h2>4 Roller</h2>
<p>Forsvallen har varit playmaker, Granvik förhandlare och Sörbyn innovatör.</p>
</body></html>
"""


@needs_fonts
@needs_chromium
def test_a_printed_report_gives_its_cover_year_and_authors_not_its_print_date(
    folder: Path,
) -> None:
    """Chromium dates the file the day it printed it; the cover, set with a letter-spaced
    series line, says when the report came out and who wrote it. Its contents list prints
    each page number after the heading, with no leader, and is never text."""
    path = print_html(folder / "letter-spaced.pdf", LETTER_SPACED_REPORT)
    created = PdfReader(path).metadata.creation_date
    assert created is not None and created.year != 2025  # the day the test printed it
    document = load_document(path)
    assert document.year == 2025
    assert document.authors == ["Johanna Westerlund", "Per-Olof Nyberg"]
    assert "1 Inledning 2" not in document.text
    assert "Innehåll" not in document.text
    assert document.sections[0].path == ["1 Inledning"]


def test_a_first_line_set_in_runs_on_into_the_lines_below_it() -> None:
    """A paragraph whose first line is set in (a note's text after its number, removed as a
    marker; a first-line indent) goes on in the lines further left below it, even where
    they open with a name; a line further left under a full sentence is a new paragraph."""
    lines = [
        TextLine(
            "Uppgiften för 2020 är hämtad från programmets nollmätning, som genomfördes av Region",
            9,
            x=78.7,
            top=164,
        ),
        TextLine(
            "Västerhöjd hösten 2020 och omfattade 212 upphandlingar i de fyra kommunerna.",
            9,
            x=74.2,
            top=177.7,
        ),
        TextLine("Storbrännans kommunchef byttes två gånger under perioden.", 9, x=78.7, top=201.7),
        TextLine(
            "Kommunen var inte representerad i styrgruppen vid sju möten.", 9, x=74.2, top=214.5
        ),
    ]
    paragraphs = parse_pdf_lines([PdfPage(lines, "1")]).text.split("\n\n")
    assert paragraphs[0].endswith("som genomfördes av Region Västerhöjd hösten 2020 och "
                                  "omfattade 212 upphandlingar i de fyra kommunerna.")  # fmt: skip
    assert paragraphs[1:] == [
        "Storbrännans kommunchef byttes två gånger under perioden.",
        "Kommunen var inte representerad i styrgruppen vid sju möten.",
    ]


def test_rows_of_labels_and_values_set_apart_are_a_line_each() -> None:
    """A fact box's rows, each a label and its value set apart, are never one sentence: the
    value of one row is not read as the next row's."""
    rows = [
        ("Största privata arbetsgivare", "Myrbacka Såg AB (214 anställda)"),
        ("Gästnätter Vindeåsen, säsongen 2023/24", "164 000"),
    ]
    lines = [
        TextLine(f"{label} {value}", 9.5, x=88, top=541 + 17 * at, splits=(label, value))
        for at, (label, value) in enumerate(rows)
    ]
    paragraphs = parse_pdf_lines([PdfPage(lines, "1")]).text.split("\n\n")
    assert paragraphs == [f"{label} {value}" for label, value in rows]


def test_each_item_of_a_numbered_list_is_a_paragraph_of_its_own() -> None:
    """An item set on one full line is followed by the next item, not joined to it."""
    body = "Vi rekommenderar att kommunalförbundet driver programmet vidare under perioden"
    lines = [
        TextLine(body, 10.5, x=68, top=100),
        TextLine("2026–2029, med följande förändringar:", 10.5, x=68, top=115),
        TextLine(
            "1. Ge näringslivscheferna i alla fyra kommuner ett skriftligt uppdrag för",
            10.5,
            x=83,
            top=137,
        ),
        TextLine("playmakerrollen, beslutat av kommunstyrelsen.", 10.5, x=96, top=152),
        TextLine(
            "2. Höj samskapandets andel av budgeten från tolv till minst 18 procent.",
            10.5,
            x=83,
            top=169,
        ),
        TextLine(
            "3. Mät nya arbetstillfällen med registerdata från SCB, inte med företagens",
            10.5,
            x=83,
            top=186,
        ),
        TextLine("egna uppgifter.", 10.5, x=96, top=201),
    ]
    paragraphs = parse_pdf_lines([PdfPage(lines, "1")]).text.split("\n\n")
    assert "2. Höj samskapandets andel av budgeten från tolv till minst 18 procent." in paragraphs
    assert any(p.startswith("3. Mät nya arbetstillfällen") for p in paragraphs)
    assert any(p.endswith("beslutat av kommunstyrelsen.") for p in paragraphs)


def test_an_item_nested_after_a_full_line_opens_a_paragraph_of_its_own() -> None:
    """A nested item's letter set apart from its words ("a)") opens an item, even after an
    outer item whose last line runs the column's full width without a full stop."""
    outer = "2. Et sterkere samarbeid i regionen med nabokommunene, fylkeskommunen og"
    rest = "næringslivets egne organisasjoner i hele regionen og langs kysten"
    lines = [
        TextLine(outer, 10.5, x=83, top=137, splits=("2.", outer[3:])),
        TextLine(rest, 10.5, x=96, top=152),
        *(
            TextLine(f"{mark} {item}", 10.5, x=110, top=top, splits=(mark, item))
            for mark, item, top in (("a)", "Med nabokommunene", 167), ("b)", "Med fylket", 182))
        ),
    ]
    paragraphs = parse_pdf_lines([PdfPage(lines, "1")]).text.split("\n\n")
    assert paragraphs == [
        f"{outer} {rest}",
        "a) Med nabokommunene",
        "b) Med fylket",
    ]


def test_a_short_line_indented_in_its_column_ends_its_list_item() -> None:
    """A browser draws a list's bullets rather than printing them: the items are lines set in
    from the body, each as short as its item, and are measured against the body's lines."""
    lines = [
        TextLine(
            "Programmets budget på 24,6 miljoner kronor finansierades med 9,8 miljoner kronor",
            10.5,
            x=68,
            top=100,
        ),
        TextLine(
            "från regionen och resten från kommunerna. Budgeten fördelades så här på ändamål:",
            10.5,
            x=68,
            top=115,
        ),
        TextLine("Företagslots och rådgivning: 7,9 miljoner kronor", 10.5, x=96, top=137),
        TextLine(
            "Projektstöd till företag och föreningar: 6,8 miljoner kronor", 10.5, x=96, top=154
        ),
    ]
    paragraphs = parse_pdf_lines([PdfPage(lines, "1")]).text.split("\n\n")
    assert "Företagslots och rådgivning: 7,9 miljoner kronor" in paragraphs


LIST_ITEMS = [
    "Kort punkt om fondet: 2,1 millioner kroner",
    "Et langt punkt som handler om at kommunen skal samarbeide tettere med næringsforeningen, "
    "ungdomsrådet og de frivillige lagene i alle grendene i hele kommunen",
    "Gründerstipend: 0,6 millioner kroner",
    "Siste punkt: 0,4 millioner kroner",
]
RUNNING = (
    "Kommunen har i mange år arbeidet med næringsutvikling sammen med næringslivet i regionen, "
    "og dette arbeidet har gitt resultater som mange har lagt merke til. "
) * 3
QUOTE = (
    "Vi må slutte å se på kommunen som en forvalter av tilskudd og begynne å se den som en "
    "partner som tar initiativ, samler aktørene og gir fra seg ballen når laget er på plass, "
    "sa næringssjefen i intervjuet med oss i fjor høst, og hun la til at dette krever mot. "
) * 2


@needs_fonts
@needs_chromium
def test_each_item_of_a_list_whose_bullets_are_drawn_is_a_paragraph(folder: Path) -> None:
    """Chromium draws a list's bullets as shapes, not text: the items are lines set in from
    the body, each ending its item where the next one's first word would have fit. An item
    that wraps stays whole, and so does a quotation set in on both sides."""
    html = (
        '<!doctype html><html lang="nb"><head><meta charset="utf-8"><style>'
        'body { font-family: "DejaVu Serif"; font-size: 10.5pt; }'
        "blockquote { margin: 1em 45pt; text-align: justify; }</style></head><body>"
        f"<p>{RUNNING}</p><blockquote>{QUOTE}</blockquote><p>Planen har fire punkter:</p><ul>"
        + "".join(f"<li>{item}</li>" for item in LIST_ITEMS)
        + f"</ul><p>{RUNNING}</p></body></html>"
    )
    document = load_document(print_html(folder / "drawn-bullets.pdf", html))
    paragraphs = document.text.split("\n\n")
    for item in LIST_ITEMS:
        assert item in paragraphs
    assert QUOTE.strip() in paragraphs
    assert RUNNING.strip() in paragraphs


def test_a_list_of_cited_notes_set_like_the_body_leaves_the_text() -> None:
    body = prose_lines(6)
    cited = TextLine("Avtalen ble signert i 2020.\x00N1\x00 Den gjelder i fire år.", 10.5, top=200)
    again = TextLine("Fondet delte ut 2,9 millioner kroner.\x00N2\x00", 10.5, top=214)
    steps = [
        TextLine("1. Kommunen lager en plan.", 10.5, top=240),
        TextLine("2. Planen blir vedtatt.", 10.5, top=254),
    ]
    notes = [
        TextLine("1. Avtalen ble signert av alle fire ordførerne.", 10.5, top=300),
        TextLine("2. Tallene er hentet fra kommunens regnskap for", 10.5, top=314),
        TextLine("2023. \u21a9\ufe0e", 10.5, top=328),
    ]
    document = parse_pdf_lines([PdfPage([*body, cited, again, *steps, *notes], "1")])
    assert "Fotnote 1: Avtalen ble signert av alle fire ordførerne." in document.text
    assert "Fotnote 2: Tallene er hentet fra kommunens regnskap for 2023." in document.text
    # A numbered list of the text (its numbers not in order with the notes') stays.
    assert "1. Kommunen lager en plan." in document.text
    assert "2. Planen blir vedtatt." in document.text


@pytest.mark.parametrize("body", [10.5, 11, 12])
def test_a_reportlab_superscript_two_points_smaller_is_a_footnote_marker(
    tmp_path: Path, body: float
) -> None:
    """reportlab's <super> sets the marker 2 pt smaller (81–83 % of these bodies) and raises
    it by a text rise pypdf does not report: glued to the word before it, it is a marker."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    style = ParagraphStyle("body", fontName="Times-Roman", fontSize=body, leading=body * 1.3)
    note = ParagraphStyle("note", fontName="Times-Roman", fontSize=8, leading=10)
    heading = ParagraphStyle("h", fontName="Times-Bold", fontSize=15, leading=19)
    prose = " ".join(["Kommunen arbeider med næringslivet i regionen."] * 6)
    story = [
        Paragraph("1 Innledning", heading),
        Paragraph(f"{prose} Storvik hadde 9 412 innbyggere i 2024.<super>1</super> De største "
                  f"næringene er havbruk og reiseliv. {prose}", style),
        Paragraph("Tabellen viser 12 av 40 saker og 3 prosent.", style),
        Spacer(1, 420),
        Paragraph("1 Kilde: Statistisk sentralbyrå, tabell 07459.", note),
    ]  # fmt: skip
    path = tmp_path / "super.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    document = load_document(path)
    assert "i 2024. De største næringene" in document.text
    assert "2024.1" not in document.text
    assert "12 av 40 saker og 3 prosent" in document.text  # figures in body type stay figures
    assert "Fotnote 1: Kilde: Statistisk sentralbyrå, tabell 07459." in document.text
    assert path_of(document, "Fotnote 1: ") == ["1 innledning"]


def test_a_number_a_little_smaller_is_a_marker_only_where_glued_to_the_word_before() -> None:
    runs = [
        Run("Storvik hadde 9 412 innbyggere i 2024.", 72, 700, 11, width=190.0, space=2.75),
        Run("1", 262, 700, 9, width=4.5, space=2.25),
        Run(" De største næringene er havbruk.", 266.5, 700, 11, width=160.0, space=2.75),
        # A table's figure in smaller type, a word space away: no marker.
        Run("Søknader i alt", 72, 680, 11, width=70.0, space=2.75),
        Run("96", 160, 680, 9, width=9.0, space=2.25),
    ]
    lines = page_lines(runs, 842)
    assert (
        lines[0].text
        == "Storvik hadde 9 412 innbyggere i 2024.\x00N1\x00 De største næringene er havbruk."
    )
    assert lines[1].text == "Søknader i alt 96"


def covered_report(
    path: Path, metadata: tuple[str, str], cover: Sequence[tuple[str, int, int, str]], body: str
) -> Path:
    """A reportlab report: the (title, author) its file says, a cover page of (font, size,
    height, text) lines, then a page of one section repeating a line of running text."""
    sheet = reportlab_canvas(path, "Helvetica")
    sheet.setTitle(metadata[0])
    sheet.setAuthor(metadata[1])
    for font, size, height, text in cover:
        sheet.setFont(font, size)
        sheet.drawString(62, height, text)
    sheet.showPage()
    sheet.setFont("Helvetica-Bold", 15)
    sheet.drawString(62, 760, "1 Introduction")
    sheet.setFont("Helvetica", 10)
    for row in range(20):
        sheet.drawString(62, 730 - 14 * row, body)
    sheet.save()
    return path


def test_a_templates_title_and_a_login_give_way_to_the_cover(tmp_path: Path) -> None:
    """A Word template leaves its own title ("Mall för rapport") and the writer's login
    ("alind") in the file: the cover, which prints neither, says what the report is."""
    cover = [
        ("Helvetica-Bold", 24, 640, "Utvärdering av projektet Företagslyft"),
        ("Helvetica", 12, 600, "Anna Lindqvist"),
        ("Helvetica", 12, 582, "Johan Berg"),
    ]
    body = "Projektet stödde små företag i kommunen."
    path = covered_report(tmp_path / "lyft.pdf", ("Mall för rapport", "alind"), cover, body)
    document = load_document(path)
    assert document.title == "Utvärdering av projektet Företagslyft"
    assert document.authors == ["Anna Lindqvist", "Johan Berg"]


def test_a_producers_placeholder_metadata_gives_way_to_the_cover(tmp_path: Path) -> None:
    """reportlab writes '(anonymous)' as title and author where none was set: the cover's
    title (over two lines, as many lines as the names below it) and authors are read
    instead, and its year is the one standing alone, not the end of the period covered."""
    cover = [
        ("Helvetica-Bold", 10, 770, "NPPI RESEARCH REPORT 2024/02"),
        ("Helvetica-Bold", 26, 640, "Small Business Growth in the"),  # a title over two lines
        ("Helvetica-Bold", 26, 610, "Kirkby Vale Market Towns"),
        ("Helvetica", 13, 580, "An evaluation of the Town Centre Enterprise Fund 2020–2023"),
        ("Helvetica", 12, 540, "Helen Marsh"),
        ("Helvetica", 12, 522, "David Okafor"),
    ]
    body = "The fund supported small firms in the three towns."
    path = covered_report(tmp_path / "kirkby.pdf", ("(anonymous)", "(anonymous)"), cover, body)
    document = load_document(path)
    assert document.title == "Small Business Growth in the Kirkby Vale Market Towns"
    assert document.authors == ["Helen Marsh", "David Okafor"]
    assert document.year == 2024


def test_the_file_naming_its_first_author_only_gives_way_to_the_covers_names(
    tmp_path: Path,
) -> None:
    """A report generator writes the first author only into the file; the cover sets each
    author on a line of their own under the title and subtitle: both are authors, and the
    publisher at the cover's foot is none."""
    cover = [
        ("Helvetica-Bold", 24, 640, "Regional Partnerships in the Fjords"),
        ("Helvetica", 14, 610, "Final evaluation of the partnership programme"),
        ("Helvetica", 12, 570, "Hanna Lindbakk Vollan"),
        ("Helvetica", 12, 552, "Erlend Søvik Marø"),
        ("Helvetica-Bold", 10, 90, "Institute for Northern Regional Studies"),
    ]
    body = "The programme supported small firms in the four municipalities."
    metadata = ("Regional Partnerships in the Fjords", "Hanna Lindbakk Vollan")
    document = load_document(covered_report(tmp_path / "fjords.pdf", metadata, cover, body))
    assert document.authors == ["Hanna Lindbakk Vollan", "Erlend Søvik Marø"]


def test_contents_whose_leaders_are_drawn_after_the_page_number_are_never_quoted(
    tmp_path: Path,
) -> None:
    """A contents entry drawn as its title, its page number at the right margin, then the
    spaced leaders between them reads "1.1 Bakgrunn 2. . . . .": still a contents line."""
    path = tmp_path / "innhold.pdf"
    sheet = reportlab_canvas(path, "Helvetica")
    sheet.setFont("Helvetica-Bold", 15)
    sheet.drawString(72, 770, "Innhold")
    sheet.setFont("Helvetica", 10.5)
    entries = [("1 Innledning", 2), ("1.1 Bakgrunn", 2), ("1.2 Metode", 3), ("2 Resultater", 3)]
    for row, (title, page) in enumerate(entries):
        y = 740 - 18 * row
        sheet.drawString(72, y, title)
        sheet.drawRightString(500, y, str(page))
        end = 500 - sheet.stringWidth(str(page), "Helvetica", 10.5) - 6
        sheet.drawRightString(end, y, ". " * int((end - 150) / sheet.stringWidth(". ")))
    sheet.showPage()
    for title, _ in entries:
        sheet.setFont("Helvetica-Bold", 13)
        sheet.drawString(72, 770, title)
        sheet.setFont("Helvetica", 10.5)
        for row in range(12):
            sheet.drawString(72, 740 - 14 * row, "Kommunen arbeider med næringslivet i regionen.")
        sheet.showPage()
    sheet.save()
    document = load_document(path)
    assert ". . . ." not in document.text
    assert not any(s.path == ["Innhold"] for s in document.sections)
    assert [s.path[-1] for s in document.sections] == [title for title, _ in entries]


def test_a_footnote_running_on_to_the_next_page_is_one_note(tmp_path: Path) -> None:
    """The note breaks off at the foot of one page and goes on, unnumbered, at the foot of
    the next: its rest is part of the note, not a paragraph of the body."""
    path = tmp_path / "note.pdf"
    sheet = reportlab_canvas(path, "Helvetica")
    prose = "Kommunen arbeider med næringslivet i regionen og med fondet."
    for page, (heading, note_lines) in enumerate(
        [
            (
                "1 Fondet",
                ["1 Delegeringen ble vedtatt i kommunestyret i juni 2021, og", "formannskapet kan"],
            ),
            ("2 Sysselsetting", ["omgjøre et vedtak som ligger utenfor retningslinjene."]),
        ]
    ):
        sheet.setFont("Helvetica-Bold", 15)
        sheet.drawString(72, 770, heading)
        sheet.setFont("Helvetica", 10.5)
        for row in range(30):
            text = prose
            if page == 0 and row == 3:
                text = "Tilskudd under 100 000 kroner er delegert til kommunedirektøren."
            sheet.drawString(72, 740 - 15 * row, text)
            if page == 0 and row == 3:
                sheet.setFont("Helvetica", 8)
                sheet.drawString(
                    72 + sheet.stringWidth(text, "Helvetica", 10.5), 740 - 15 * row + 3, "1"
                )
                sheet.setFont("Helvetica", 10.5)
        sheet.setFont("Helvetica", 8)
        for row, line in enumerate(note_lines):
            sheet.drawString(72, 80 - 10 * row, line)
        sheet.showPage()
    sheet.save()
    document = load_document(path)
    assert (
        "Fotnote 1: Delegeringen ble vedtatt i kommunestyret i juni 2021, og formannskapet kan "
        "omgjøre et vedtak som ligger utenfor retningslinjene." in document.text
    )
    assert path_of(document, "Fotnote 1: ") == ["1 fondet"]
    assert document.text.count("omgjøre") == 1


def test_small_type_at_a_pages_foot_opening_with_a_number_no_text_cites_is_no_footnote() -> None:
    body = prose_lines(8)
    box = [
        TextLine("146 grants awarded", 8, top=700),
        TextLine("£1.38 million paid out", 8, top=710),
    ]
    document = parse_pdf_lines([PdfPage([*body, *box], "1")])
    assert "Fotnote" not in document.text
    assert "146 grants awarded" in document.text


def test_a_header_name_wrapped_in_a_bottom_aligned_cell_names_its_column_whole(
    tmp_path: Path,
) -> None:
    """reportlab sets a table's cells on their bottom line: a name wrapped over two lines
    stands with its first line alone above the rest of the header."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=11)
    head = ParagraphStyle("head", parent=cell, fontName="Helvetica-Bold", alignment=2)
    figure = ParagraphStyle("figure", parent=cell, alignment=2)
    rows = [
        ("Town", "Grants", "Amount (£)", "Vacancy 2023 (%)"),
        ("Kirkby", "68", "642,000", "9"),
        ("Aldbridge", "35", "318,500", "11"),
        ("Wexham", "16", "168,500", "19"),
    ]
    data = [
        [Paragraph(row[0], cell), *(Paragraph(v, figure if n else head) for v in row[1:])]
        for n, row in enumerate(rows)
    ]
    body = ParagraphStyle("body", fontName="Times-Roman", fontSize=10, leading=14)
    prose = "Kommunen arbeider med næringslivet i regionen og med fondet. " * 4
    path = tmp_path / "table.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [
            Paragraph(prose, body),
            Paragraph("Table 2.1 Grants awarded by town, 2020–2023", body),
            Table(data, hAlign="LEFT", colWidths=[3.2 * cm, 2.2 * cm, 2.8 * cm, 2.2 * cm]),
            Paragraph(prose, body),
        ]
    )
    text = load_document(path).text
    assert "Kirkby: Grants 68; Amount (£) 642,000; Vacancy 2023 (%) 9." in text
    assert "Wexham: Grants 16; Amount (£) 168,500; Vacancy 2023 (%) 19." in text
    assert "Table 2.1 Grants awarded by town, 2020–2023" in text


def test_a_charts_bare_numbers_are_not_read_as_text_but_a_figure_ending_a_sentence_is() -> None:
    body = prose_lines(6)
    chart = [
        TextLine("Antal företag", 9, top=200),
        TextLine("100 81", 9, top=210),
        TextLine("80 77 75 64", 9, top=220),
        TextLine("60", 9, top=230),
        TextLine("2019 2020 2021 2022 2023", 9, top=240),
    ]
    sentence = [
        TextLine(
            "Budsjettet for fondet i hele planperioden er på til sammen kroner", 10.5, top=300
        ),
        TextLine("2 450 000.", 10.5, top=314),
    ]
    text = parse_pdf_lines([PdfPage([*body, *chart, *sentence], "1")]).text
    assert "80 77 75 64" not in text and "2019 2020 2021" not in text
    assert "2 450 000." in text


def test_a_pull_quote_in_larger_type_is_a_paragraph_not_a_heading() -> None:
    body = prose_lines(6, 10)
    quote = [
        TextLine("”Förr visste man aldrig vem man skulle ringa. Nu har", 13, top=160),
        TextLine("vi en lots som tar tag i saken och återkommer samma", 13, top=178),
        TextLine("vecka.”", 13, top=196),
    ]
    after = [TextLine("Samtidigt menar flera av de intervjuade att det tar tid.", 10, top=226)]
    document = parse_pdf_lines([PdfPage([*body, *quote, *after], "1")])
    assert len(document.sections) <= 1
    assert "Nu har vi en lots som tar tag i saken och återkommer samma vecka.”" in document.text


def test_small_type_opening_the_next_pages_foot_goes_on_only_from_a_note_broken_off() -> None:
    def page(top_text: str, cited: str, note: str, foot: str) -> PdfPage:
        body = [
            TextLine(
                f"{top_text} {n} om kommunen og næringslivet i regionen.", 10.5, top=90 + 14 * n
            )
            for n in range(8)
        ]
        lines = [*body, TextLine(cited, 10.5, top=220)]
        if note:
            lines.append(TextLine(note, 8, top=700, lead="1"))
        if foot:
            lines.append(TextLine(foot, 8, top=720))
        return PdfPage(lines, "1")

    whole = page(
        "Linje", "Tallene er fra SSB.\x00N1\x00 Mer følger.", "Se https://www.ssb.no/statbank", ""
    )
    after = page("Rad", "Neste side har ingen noter.", "", "Kilde: Fylkeskommunen, bearbeidet")
    text = parse_pdf_lines([whole, after]).text
    assert "Fotnote 1: Se https://www.ssb.no/statbank" in text
    assert "statbank Kilde" not in text


def test_a_compound_cut_at_a_line_end_keeps_its_own_hyphen() -> None:
    """The report writes "bridge-builder" within its lines; where a line ends inside it, the
    hyphen is the word's, not the line break's. Words the report never writes with a hyphen
    are joined as before ("develop-" / "ment")."""
    column = [
        "Skardbu, the smallest member, has shown what a bridge-builder can do, and the",
        "municipality now acts as a bridge-",
        "builder between the shop, the sports club and two companies in its develop-",
        "ment work.",
    ]
    lines = [TextLine(text, 10, x=74, top=100 + 13.5 * n) for n, text in enumerate(column)]
    text = parse_pdf_lines([PdfPage(lines, "1")]).text
    assert "acts as a bridge-builder between the shop" in text
    assert "in its development work." in text


def test_a_cover_with_its_imprint_in_small_type_is_still_a_cover() -> None:
    """The publisher's line at a cover's foot is ten words long, but small under a large
    title: the page is the cover, and its lines are no sections. An abstract under a title,
    longer than an imprint, stays text."""
    imprint = (
        "Published by Hovdeland Regional Development Partnership, Lynghamar Hub, Tindvik, Norway"
    )
    cover = [
        TextLine("Annual Report 2024", 34, x=105, top=232),
        TextLine("Aurvoll · Hjellnes · Tindvik · Skardbu", 13, x=105, top=280),
        TextLine(imprint, 9, x=105, top=577),
    ]
    body = [
        TextLine("1 Foreword from the chair", 15, x=71, top=90),
        *(
            TextLine(f"The partnership moved from planning to delivery in year {n}.", 10.5, x=71,
                     top=120 + 14 * n)
            for n in range(8)
        ),
    ]  # fmt: skip
    document = parse_pdf_lines([PdfPage(cover, "1"), PdfPage(body, "2")])
    assert [section.path for section in document.sections] == [["1 Foreword from the chair"]]
    assert imprint not in document.text
    abstract = [
        TextLine("Annual Report 2024", 34, x=105, top=232),
        *(
            TextLine(f"This report tells how the partnership worked with business number {n}.", 9,
                     x=105, top=300 + 12 * n)
            for n in range(5)
        ),
    ]  # fmt: skip
    kept = parse_pdf_lines([PdfPage(abstract, "1"), PdfPage(body, "2")])
    assert "worked with business number 4." in kept.text
