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


def test_an_upper_header_row_naming_no_group_leaves_the_header_as_it_is() -> None:
    """A header read over two lines whose upper line names the first column alone names no
    groups of columns; a page with such lines reads (it made the whole file unreadable)."""
    upper = Run("Municipality and the region", 57, 700, 9.6, width=120)
    lower = Run("for almost half of the projects", 57, 687, 9.6, width=130)
    assert _spread_group_names([[upper, lower], []]) == [[upper, lower], []]
