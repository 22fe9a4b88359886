"""Two-column pages as report generators lay them out (reportlab's platypus): a reference list
with hanging indents running from the left column into the right one beside the body's last
paragraphs, justified paragraphs and ragged list items wrapped at the column's edge.

Every PDF is built here; what the loader reads is compared with the paragraphs set.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.domain import LoadedDocument
from indexing.loaders import load_document
from indexing.loaders.pdf.lines import Run, _spread_group_names
from indexing.references import parse_bibliography
from tests.report_producers import DEJAVU, HAS_FONTS

pytestmark = pytest.mark.skipif(not HAS_FONTS, reason="needs fonts-dejavu-core")

BODY = [
    "Kommunen har i mange år arbeidet med næringsutvikling sammen med næringslivet i "
    "regionen, og dette arbeidet har gitt resultater som mange har lagt merke til i hele "
    "fylket og langt utenfor det.",
    "Næringsfondet delte ut 2,4 millioner kroner i 2023, mot 1,9 millioner kroner året før, "
    "og andelen som gikk til samskapingsprosjekter med frivillige lag økte for tredje år på "
    "rad.",
    "Vi anbefaler at regionrådet viderefører programmet i en ny periode fra 2026 til 2029, "
    "med et skriftlig mandat for næringsrådgiveren i hver kommune.",
]
REFERENCES = [
    "Berg, K. (2021). Sluttrapport for Fjordlandsatsinga 2016–2020. Ulvsund: Nordre "
    "Fjordland regionråd.",
    "Holmen, A. K. T. (2016). Kommunen som samfunnsutvikler og næringsaktør. Rapport "
    "2016:12. Steinkjer: Trøndelag Forskning og Utvikling.",
    "Stene, M. & Mørkved, B. P. (2019). Kommunen sin framtidige næringsutviklingsrolle "
    "[The municipality's future role in business development]. Arbeidsnotat 2/2019. Bodø: "
    "Nord universitet.",
    "Torfing, J., Sørensen, E. & Røiseland, A. (2019). Transforming the public sector into "
    "an arena for co-creation: barriers, drivers, benefits, and ways forward. Administration "
    "& Society 51(5), 795–825.",
    "Vollan, H. L. & Marø, E. S. (2023). Midtveisevaluering av Partnerskapsprogrammet "
    "Nordre Fjordland. Rapport 2023:5. Harstad: Institutt for nordlige regionstudier.",
]


def two_column_pdf(path: Path, story: list[Any], column_height: float = 400) -> Path:
    """A page of two frames side by side, ``column_height`` pt tall, the story set in them."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    width, height = A4
    left, gap = 57.0, 20.0
    column = (width - 2 * left - gap) / 2
    padding = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
    bottom = height - 72 - column_height
    frames = [
        Frame(left, bottom, column, column_height, id="left", **padding),
        Frame(left + column + gap, bottom, column, column_height, id="right", **padding),
    ]
    document = BaseDocTemplate(str(path), pagesize=A4)
    document.addPageTemplates([PageTemplate("columns", frames)])
    document.build(story)
    return path


def styles() -> dict[str, Any]:
    """The report's paragraph styles, their fonts registered."""
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name, file in (("Serif", "DejaVuSerif.ttf"), ("Sans-Bold", "DejaVuSans-Bold.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(DEJAVU / file)))

    body = ParagraphStyle(
        "body", fontName="Serif", fontSize=9.6, leading=12.6, alignment=TA_JUSTIFY, spaceAfter=5
    )
    return {
        "body": body,
        "heading": ParagraphStyle(
            "heading", fontName="Sans-Bold", fontSize=10.5, leading=13, spaceBefore=7, spaceAfter=3
        ),
        "reference": ParagraphStyle(
            "reference", parent=body, leftIndent=14, firstLineIndent=-14, alignment=0
        ),
        "numbered": ParagraphStyle(
            "numbered", parent=body, leftIndent=14, bulletIndent=0, alignment=0, spaceAfter=3
        ),
    }


def paragraphs(document: LoadedDocument) -> list[str]:
    return [" ".join(part.split()) for part in document.text.split("\n\n") if part.strip()]


@pytest.fixture(scope="module")
def references_beside_the_text(tmp_path_factory: pytest.TempPathFactory) -> LoadedDocument:
    """The body's last paragraphs and the reference list fill the left column; the list runs
    on into the right one, its entries' first lines set out into the gap between the columns,
    beside the body's lines."""
    from reportlab.platypus import Paragraph

    s = styles()
    story: list[Any] = [Paragraph("5 Konklusjoner", s["heading"])]
    story += [Paragraph(text, s["body"]) for text in BODY]
    story.append(Paragraph("Litteratur", s["heading"]))
    story += [Paragraph(entry.replace("&", "&amp;"), s["reference"]) for entry in REFERENCES]
    path = two_column_pdf(tmp_path_factory.mktemp("columns") / "litteratur.pdf", story, 260)
    return load_document(path)


def test_reference_entries_outdented_into_the_gap_stand_in_the_right_column(
    references_beside_the_text: LoadedDocument,
) -> None:
    """An entry's first line in the right column starts left of its later lines (a hanging
    indent); it is no part of the left column's line beside it, and each entry reads whole."""
    text = " ".join(references_beside_the_text.text.split())
    for paragraph in BODY:
        assert paragraph in text
    for entry in REFERENCES:
        assert entry in text, entry
    assert text.index("Litteratur") < text.index(REFERENCES[0])


def test_a_reference_list_in_two_columns_parses_into_its_entries(
    references_beside_the_text: LoadedDocument,
) -> None:
    references = parse_bibliography(references_beside_the_text.text, "doc")
    assert [reference.raw for reference in references] == REFERENCES


# A chapter's first page: a paragraph across the page above two justified columns, in which
# paragraphs, a numbered list set ragged and references with hanging indents run on.
INTRO = (
    "The programme had a total budget of NOK 41.7 million for 2021–2025, of which NOK 33.5 "
    "million was spent on projects and advice in the four municipalities and NOK 8.2 million "
    "on joint activities such as the learning network and supplier development."
)
COLUMN_TEXT = [
    "The budget was financed by the county authority with NOK 17.5 million, the regional "
    "business fund with NOK 11.3 million, the four municipalities with NOK 7.4 million, the "
    "savings bank foundation with NOK 3.0 million and Innovation Norway with NOK 2.5 million.",
    "Ulvsund is the regional centre and accounts for almost half of the projects and the new "
    "jobs. The municipalities' own contributions were set by population, with a minimum of "
    "NOK 120,000 a year for each municipality, and Havrøy had the smallest budget.",
    "Kjerrvik stands out relative to its size. With just over a quarter of the region's "
    "population it had 29 projects and 43 new jobs, and its share of purchases from "
    "suppliers in the region rose from 19 per cent in 2020 to 29 per cent in 2025.",
    "The business desk held 455 advisory sessions with businesses and would-be entrepreneurs "
    "in 2025, against 188 in 2021. It is financed by the programme, and without new funding "
    "from 2026 it will have to close or be reduced to a single adviser.",
]
ITEMS = [
    "1. Has the programme reached the objectives the regional council set for it?",
    "2. What roles have the municipalities taken in business development, and how have "
    "these roles changed since 2021?",
    "3. Measure new jobs with register data from Statistics Norway rather than with the "
    "businesses' own estimates.",
    "4. Finance the business desk permanently with NOK 2.8 million a year from the four "
    "municipalities, shared by population.",
]
ENTRIES = [
    "Nordre Fjordland regionråd (2020). Programdokument for Partnerskapsprogrammet Nordre "
    "Fjordland 2021–2025. Ulvsund: Nordre Fjordland regionråd.",
    "Vollan, H. L. & Marø, E. S. (2023). Midtveisevaluering av Partnerskapsprogrammet "
    "Nordre Fjordland. INRS Report 2023:5. Harstad: Institute for Northern Regional Studies.",
]


@pytest.fixture(scope="module")
def chapter_page(tmp_path_factory: pytest.TempPathFactory) -> LoadedDocument:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

    s = styles()
    width, height = A4
    left, gap, top = 57.0, 20.0, 72.0
    inner = width - 2 * left
    column = (inner - gap) / 2
    padding = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
    head = Frame(left, height - top - 80, inner, 80, id="head", **padding)
    frames = [
        Frame(left, 300, column, height - top - 90 - 300, id="left", **padding),
        Frame(left + column + gap, 300, column, height - top - 90 - 300, id="right", **padding),
    ]
    path = tmp_path_factory.mktemp("chapter") / "chapter.pdf"
    document = BaseDocTemplate(str(path), pagesize=A4)
    document.addPageTemplates([PageTemplate("chapter", [head, *frames])])
    story: list[Any] = [Paragraph("2 Resources", s["heading"]), Paragraph(INTRO, s["body"])]
    story.append(FrameBreak())
    story.append(Paragraph(COLUMN_TEXT[0], s["body"]))
    for item in ITEMS:
        number, text = item.split(" ", 1)
        story.append(Paragraph(text, s["numbered"], bulletText=number))
    story += [Paragraph(text, s["body"]) for text in COLUMN_TEXT[1:]]
    story.append(Paragraph("References", s["heading"]))
    story += [Paragraph(entry.replace("&", "&amp;"), s["reference"]) for entry in ENTRIES]
    document.build(story)
    return load_document(path)


def test_a_justified_columns_lines_are_measured_against_the_column_not_the_page(
    chapter_page: LoadedDocument,
) -> None:
    """A line of a justified column that ends at the column's edge is full, however few
    letters it holds next to the paragraph set across the page above the columns: the
    paragraph goes on after it ("with NOK" / "17.5 million")."""
    found = paragraphs(chapter_page)
    assert INTRO in found
    for text in COLUMN_TEXT:
        assert text in found, text


def test_a_ragged_items_line_ends_where_its_next_word_would_not_fit_the_column(
    chapter_page: LoadedDocument,
) -> None:
    """A list item set ragged in a justified column wraps where its next word would cross
    the column's edge, in points: "... changed since" / "2021?" is one item."""
    found = paragraphs(chapter_page)
    for item in ITEMS:
        assert item in found, item


def test_a_reference_entry_goes_on_under_its_hanging_indent_after_a_full_stop(
    chapter_page: LoadedDocument,
) -> None:
    """A line set in under a reference's first line goes on with that entry, though the line
    above ends a sentence ("... 2021–2025." / "Ulvsund: ..."); only the next entry's first
    line stands out again."""
    found = paragraphs(chapter_page)
    for entry in ENTRIES:
        assert entry in found, entry


def test_numbers_and_headings_set_out_into_the_gap_stand_in_the_right_column(
    chapter_page: LoadedDocument,
) -> None:
    """A list item's number at the right column's edge, its words set in from it, and a
    heading there too, stand in the right column, not in the left column's line beside them:
    the gutter found is where the item's words start."""
    text = " ".join(chapter_page.text.split())
    for item in ITEMS:
        assert item in text, item
    assert text.index("References") < text.index(ENTRIES[0].split(" (")[0])
    assert "References" in paragraphs(chapter_page)


def test_an_upper_header_row_naming_no_group_leaves_the_header_as_it_is() -> None:
    """A header read over two lines whose upper line names the first column alone names no
    groups of columns; a page with such lines reads (it made the whole file unreadable)."""
    upper = Run("Municipality and the region", 57, 700, 9.6, width=120)
    lower = Run("for almost half of the projects", 57, 687, 9.6, width=130)
    assert _spread_group_names([[upper, lower], []]) == [[upper, lower], []]


BOX_ITEMS = [
    ("Opened", "3 May 2024, in the old fish-landing station down on the harbour"),
    ("Operator", "Nausthuset SA, a cooperative with thirty-seven members"),
    ("Conversion cost", "NOK 4.35 million"),
    (
        "Financing",
        "savings bank foundation NOK 1.1 million; cultural heritage funds NOK 0.9 million; "
        "Innovation Norway NOK 0.8 million; voluntary work valued at NOK 0.9 million",
    ),
    ("Users in 2025", "11 small businesses and 4 associations with their own keys"),
    ("Visitors in 2025", "about 5,800"),
]


def test_a_fact_boxs_items_are_told_apart_by_the_gap_between_them(tmp_path: Path) -> None:
    """A shaded box of facts sets a little more space between its items than between an
    item's lines: an item wrapped after a semicolon goes on, and an item that fills its line
    without a full stop ends there, the next one starting in capitals."""
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    s = styles()
    item = ParagraphStyle("item", fontName="Serif", fontSize=8.3, leading=10.5, spaceBefore=2.5)
    content: list[Any] = [Paragraph("Fact box 1 Nausthuset in Kjerrvik", s["heading"])]
    content += [Paragraph(f"{label}: {value}", item) for label, value in BOX_ITEMS]
    box = Table([[content]], colWidths=[230])
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), HexColor("#F3EDE0")),
                ("BOX", (0, 0), (-1, -1), 0.8, HexColor("#1D5C63")),
                ("LEFTPADDING", (0, 0), (-1, -1), 7),
                ("RIGHTPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    story = [Paragraph(text, s["body"]) for text in COLUMN_TEXT[:2]]
    story += [box, *(Paragraph(text, s["body"]) for text in COLUMN_TEXT[2:])]
    found = paragraphs(load_document(two_column_pdf(tmp_path / "box.pdf", story, 360)))
    for label, value in BOX_ITEMS:
        assert f"{label}: {value}" in found
    for text in COLUMN_TEXT:
        assert text in found


def justified_word_by_word(path: Path, paragraphs: list[str], columns: int) -> Path:
    """Paragraphs justified by hand, every word drawn at its own x (as a producer drawing on
    reportlab's canvas does), in one column across the page or in two."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=(595, 842))
    size, gap = 10.5, 24
    width = (595 - 2 * 72 - (columns - 1) * gap) / columns
    lefts = [72 + i * (width + gap) for i in range(columns)]
    column, y = 0, 760.0
    canvas.setFont("Helvetica", size)
    for paragraph in paragraphs:
        words, line = paragraph.split(), []
        lines = []
        for word in words:
            if line and stringWidth(" ".join([*line, word]), "Helvetica", size) > width:
                lines.append(line)
                line = []
            line.append(word)
        lines.append(line)
        for index, words_of_line in enumerate(lines):
            inked = sum(stringWidth(w, "Helvetica", size) for w in words_of_line)
            last = index == len(lines) - 1
            space = (
                stringWidth(" ", "Helvetica", size)
                if last or len(words_of_line) == 1
                else (width - inked) / (len(words_of_line) - 1)
            )
            x = lefts[column]
            for word in words_of_line:
                canvas.drawString(x, y, word)
                x += stringWidth(word, "Helvetica", size) + space
            y -= 14
            if y < 420:  # a short page, so that the text runs on into the second column
                column, y = column + 1, 760.0
                if column == columns:
                    canvas.showPage()
                    canvas.setFont("Helvetica", size)
                    column = 0
    canvas.save()
    return path


# Paragraphs long enough that words start at the same x on several lines by chance.
WORD_BY_WORD = [
    "This report examines how three coastal municipalities in Northern Norway organise "
    "their work with business development, and how far they have moved from the roles of "
    "administrator and service producer towards the roles that the working paper calls "
    "negotiator, innovator and bridge-builder. The study was commissioned by the alliance, "
    "the three municipalities' joint body for business development.",
    "Our main finding is that all three municipalities describe themselves as playmakers, "
    "but only one consistently acts as one. It has used its business garden, its "
    "procurement and its annual co-creation forum to bring firms, voluntary associations "
    "and the municipality together around concrete projects in every year since 2021.",
    "We recommend that the alliance develops a shared first-line service, that the three "
    "business funds use common criteria, and that each municipality names one senior "
    "manager as responsible for co-creation with business and civil society from 2025.",
]
WORD_BY_WORD += [
    f"In the second round, {paragraph[0].lower()}{paragraph[1:]}" for paragraph in WORD_BY_WORD
]


@pytest.mark.parametrize("columns", [1, 2])
def test_words_drawn_one_by_one_in_justified_lines_read_in_order(
    tmp_path: Path, columns: int
) -> None:
    """Words a producer places one by one in justified lines that happen to start at one x
    on many lines make no column; a real second column, a gutter apart, still does."""
    path = justified_word_by_word(tmp_path / "report.pdf", WORD_BY_WORD, columns)

    text = " ".join(load_document(path).text.split())

    position = 0
    for paragraph in WORD_BY_WORD:
        found = text.find(paragraph, position)
        assert found >= 0, paragraph[:60]
        position = found + len(paragraph)
