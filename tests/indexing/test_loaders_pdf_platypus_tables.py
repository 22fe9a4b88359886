"""Tables as reportlab's platypus lays them out in a report: read whole, wherever they fall.

A nynorsk report printed by reportlab: a contents page whose chapters print their page numbers
apart without leaders while their sections draw leaders; two tables on one page, the first
with its year column far from its figures and a header name wrapped over two lines; and a table
cut by a page break, its header printed again atop the next page (``repeatRows``), a row's
name wrapped onto the line below it, and a total whose label spans the two label columns.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.domain import LoadedDocument
from indexing.loaders import load_document
from tests.report_producers import DEJAVU, FONTS, HAS_FONTS

pytestmark = pytest.mark.skipif(not HAS_FONTS, reason="needs DejaVu fonts (fonts-dejavu-core)")

YEARS = (("2020", "46", "19", "820"), ("2021", "52", "22", "910"), ("2022", "55", "20", "960"))
OTHER = (("2020", "22", "11", "380"), ("2021", "19", "12", "410"), ("2022", "28", "13", "450"))
MEASURES = ("Fondssøknader", "Tildelt (1000 kr)")
ACTIONS = (
    ("T1 Fyrstelinjeteneste", "Næringsavdelinga", "650", "650"),
    ("T2 Inkubator", "Næringshagen", "300", "300"),
    ("T3 Samskapingsarena", "Næringssjefen", "80", "80"),
    ("T4 Utgreiing av felles næringsapparat", "Regionrådet", "250", "150"),
    ("T5 Ungt entreprenørskap", "Oppvekst", "95", "95"),
)
KEY_FIGURES = (
    ("Samla budsjett (1000 kr)", "6 450", "7 120", "7 840"),
    ("Rettleiingssamtalar", "214", "251", "287"),
    ("Tilsett (årsverk)", "3,2", "3,6", "4,0"),
)
EXTRA = ""
PLAN_PROSE = 9  # puts the action plan's table across the page break
PROSE = (
    "Kommunen har i planperioden prioritert tiltak som styrkjer fyrstelinja, og budsjettet "
    "under viser kva kvart tiltak får kvart år. "
)


def build(path: Path) -> Path:
    """The report, its contents page made by platypus's own ``TableOfContents``."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle
    from reportlab.platypus.tableofcontents import TableOfContents

    for name, file in FONTS.items():
        pdfmetrics.registerFont(TTFont(f"DejaVu{name}", str(DEJAVU / file)))
    body = ParagraphStyle("body", fontName="DejaVuSerif", fontSize=10, leading=14)
    h1 = ParagraphStyle("h1", fontName="DejaVuSans-Bold", fontSize=15, leading=19, spaceAfter=8)
    h2 = ParagraphStyle("h2", fontName="DejaVuSans-Bold", fontSize=11.5, leading=15)
    cell = ParagraphStyle("cell", fontName="DejaVuSans", fontSize=8.6, leading=11)
    head = ParagraphStyle("head", parent=cell, fontName="DejaVuSans-Bold")

    class Report(SimpleDocTemplate):
        def afterFlowable(self, flowable: object) -> None:
            if isinstance(flowable, Paragraph) and flowable.style.name in ("h1", "h2"):
                level = 0 if flowable.style.name == "h1" else 1
                self.notify("TOCEntry", (level, flowable.getPlainText(), self.page))

    def table(rows: list[list[str]], widths: list[float], total: bool = False) -> Table:
        data = [
            [Paragraph(text, head if number == 0 else cell) for text in row]
            for number, row in enumerate(rows)
        ]
        made = Table(data, colWidths=widths, repeatRows=1)
        commands = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.grey),
        ]
        if total:
            commands.append(("SPAN", (0, -1), (1, -1)))
        made.setStyle(TableStyle(commands))
        return made

    contents = TableOfContents()
    contents.levelStyles = [
        ParagraphStyle("t0", fontName="DejaVuSans-Bold", fontSize=10.5, leading=15),
        ParagraphStyle("t1", fontName="DejaVuSans", fontSize=9.8, leading=13.5, leftIndent=16),
    ]
    story = [Paragraph("Innhald", ParagraphStyle("toc", parent=h1)), contents, PageBreak()]
    story += [Paragraph("Samandrag", h1), Paragraph(PROSE * 3, body)]
    story += [Paragraph("1 Fyrstelinja i kommunane", h1)]
    header = ["År", "Rettleiings- samtalar", *MEASURES]
    widths = [3.4 * cm, 3.2 * cm, 3.4 * cm, 3.6 * cm]
    for rows, place in ((YEARS, "1.1 Nordsand"), (OTHER, "1.2 Rypedal")):
        story += [Paragraph(place, h2), table([header, *map(list, rows)], widths)]
        story += [Paragraph(f"Tabell. {place[4:]} kommune per år.", body)]
    story += [Paragraph("2 Handlingsplan", h1), Paragraph(PROSE * PLAN_PROSE + EXTRA, body)]
    total = ["Sum", "", "1 375", "1 275"]
    actions = [["Tiltak", "Ansvar", "Budsjett 2025", "Budsjett 2026"], *map(list, ACTIONS), total]
    story += [table(actions, [4 * cm, 4 * cm, 2 * cm, 2 * cm], total=True)]
    # Key figures: no name over the labels, the years set flush left over figures set flush
    # right, clear of them.
    figures = Table(
        [["", "2022", "2023", "2024"], *map(list, KEY_FIGURES)],
        colWidths=[6 * cm, 3 * cm, 3 * cm, 3 * cm],
    )
    figures.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), "DejaVuSans", 9),
                ("FONT", (0, 0), (-1, 0), "DejaVuSans-Bold", 9),
                ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
            ]
        )
    )
    story += [Paragraph("3 Nøkkeltal", h1), figures]
    story += [Paragraph("Kjelder", h1), Paragraph("Regionrådet (2024). Årsmelding.", body)]
    Report(str(path), pagesize=A4, title="Fyrstelinja", author="ILUS").multiBuild(story)
    return path


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> LoadedDocument:
    return load_document(build(tmp_path_factory.mktemp("platypus") / "fyrstelinja.pdf"))


def test_a_contents_page_with_page_numbers_apart_is_no_text(report: LoadedDocument) -> None:
    titles = [section.path[-1] for section in report.sections]
    assert titles[:3] == ["Samandrag", "1 Fyrstelinja i kommunane", "1.1 Nordsand"]
    assert "Innhald" not in report.text
    assert ". . ." not in report.text


def test_a_table_whose_first_column_stands_far_off_is_read_row_by_row(
    report: LoadedDocument,
) -> None:
    for year, talks, applications, granted in (*YEARS, *OTHER):
        row = (
            f"{year}: Rettleiingssamtalar {talks}; Fondssøknader {applications}; "
            f"Tildelt (1000 kr) {granted}."
        )
        assert row in report.text


def test_years_set_flush_left_over_figures_set_flush_right_name_their_columns(
    report: LoadedDocument,
) -> None:
    for label, *values in KEY_FIGURES:
        years = "; ".join(
            f"{year} {value}" for year, value in zip(("2022", "2023", "2024"), values, strict=True)
        )
        assert f"{label}: {years}." in report.text, label


def test_a_table_cut_by_a_page_break_goes_on_under_its_header(report: LoadedDocument) -> None:
    """The header printed again atop the next page is no row; a name wrapped onto the line
    below its row, and a total spanning the label columns, are read in the table."""
    text = report.text
    assert "Tiltak: Ansvar" not in text and "\n2025 2026\n" not in text
    for name, owner, first, second in ACTIONS:
        row = f"{name}: Ansvar {owner}; Budsjett 2025 {first}; Budsjett 2026 {second}."
        assert row in text, name
    assert "Sum: Budsjett 2025 1 375; Budsjett 2026 1 275." in text
    # What follows the table on that page keeps its headings and text.
    assert [section.path[-1] for section in report.sections][-1] == "Kjelder"
    assert text.count("Kjelder") == 1
    assert text.endswith("Kjelder\n\nRegionrådet (2024). Årsmelding.")
