"""A table in a PDF reads as one sentence a row, each figure named by its column's header.

The tables are printed by fpdf2 (``pdf.table``, ruled, header in bold, figures aligned right)
and by Chromium (an HTML ``<table>`` without rules). Running text, a page in two columns,
a list, a contents page and a footnote area set apart from their numbers are no tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Any

import pytest
from fpdf import FPDF
from pypdf import PdfReader

from assistant.domain import LoadedDocument
from indexing.loaders import load_document
from indexing.loaders.pdf import _lines_of
from indexing.loaders.pdf.document import PdfPage, parse_pdf_lines
from indexing.loaders.pdf.lines import Run, TextLine, page_lines
from tests.helpers import page_holding, section_holding
from tests.pdf_factory import DEJAVU, DEJAVU_BOLD, HAS_UNICODE_FONT
from tests.report_producers import CHROMIUM, print_html, reportlab_pdf
from tests.report_texts import ANNUAL, Table

needs_fonts = pytest.mark.skipif(
    not HAS_UNICODE_FONT, reason="no TrueType font for æøå (install fonts-dejavu-core)"
)
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="needs Chromium (make system-deps installs it)"
)

TABLE = (
    ("Kommune", "Innbyggere", "Prosjekter", "Arbeidsplasser"),
    ("Kvernås", "7 860", "33", "49"),
    ("Tindvoll", "5 120", "24", "37"),
    ("Bjørkmo", "3 690", "18", "26"),
)
# What a reader must get back: each row a sentence of its own, each figure named.
ROWS = [
    "Kvernås: Innbyggere 7 860; Prosjekter 33; Arbeidsplasser 49.",
    "Tindvoll: Innbyggere 5 120; Prosjekter 24; Arbeidsplasser 37.",
    "Bjørkmo: Innbyggere 3 690; Prosjekter 18; Arbeidsplasser 26.",
]
BEFORE = (
    "Tabellen viser folketallet, antall prosjekter og nye arbeidsplasser i hver kommune i "
    "programperioden, slik kommunene selv har rapportert dem til regionrådet."
)
AFTER = (
    "Kvernås står for mer enn en tredjedel av prosjektene, mens Bjørkmo har hatt den "
    "største veksten i nye arbeidsplasser målt mot folketallet i kommunen."
)
INTRODUCTION = (
    "Programmet ble startet i 2020 av fire kommuner i dalen, som hver år for år har satt av "
    "penger til et felles fond for næringsutvikling. Denne rapporten evaluerer hva fondet "
    "har gitt av prosjekter og arbeidsplasser i hver av dem."
)


def table_page(
    heading: str,
    head: Sequence[str],
    rows: Sequence[Sequence[str]],
    style: str = "",
    before: Sequence[str] = (BEFORE,),
) -> str:
    """A page with a heading, paragraphs, an HTML table without rules (figures set right, in
    smaller sans type; its header row outside <thead>, so printed once) and another
    paragraph, for Chromium to print."""
    cells = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    opening = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in before)
    return (
        '<!doctype html><html lang="nb"><head><meta charset="utf-8"><style>'
        'body { font-family: "DejaVu Serif"; font-size: 10.5pt; }'
        'table { font-family: "DejaVu Sans"; font-size: 9pt; } td + td { text-align: right; }'
        f"{style}</style></head><body><h1>{escape(heading)}</h1>{opening}<table>"
        "<tr>" + "".join(f"<th>{escape(cell)}</th>" for cell in head) + "</tr>"
        f"{cells}</table><p>{escape(AFTER)}</p></body></html>"
    )


def paragraphs(document: LoadedDocument) -> list[str]:
    return [" ".join(part.split()) for part in document.text.split("\n\n")]


# --- fpdf2: a ruled table -----------------------------------------------------------------


def fpdf_pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(DEJAVU))
    pdf.add_font("DejaVu", "B", str(DEJAVU_BOLD))
    return pdf


def fpdf_section(
    pdf: FPDF,
    heading: str,
    before: Sequence[str],
    rows: Sequence[Sequence[str]],
    repeat_headings: int = 1,
    **table: Any,
) -> None:
    """A new page opening a section: its heading, running text, a ruled table (header in
    bold, figures set right; its header printed again on a new page or not; `table`: more of
    fpdf2's table options) and more text."""
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 15)
    pdf.cell(0, 10, heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10.5)
    for paragraph in before:
        pdf.multi_cell(0, 5.5, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.set_font("DejaVu", "", 9.5)
    align = ("LEFT", *("RIGHT",) * (len(rows[0]) - 1))
    options = {"line_height": 5.5, "text_align": align, **table}
    with pdf.table(repeat_headings=repeat_headings, **options) as printed:
        for cells in rows:
            printed.row(cells)
    pdf.ln(3)
    pdf.set_font("DejaVu", "", 10.5)
    pdf.multi_cell(0, 5.5, AFTER, new_x="LMARGIN", new_y="NEXT")


def fpdf_report(path: Path) -> Path:
    """Two pages: an introduction, then a section with running text, the table, more text."""
    pdf = fpdf_pdf()
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 15)
    pdf.cell(0, 10, "1 Innledning", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10.5)
    pdf.multi_cell(0, 5.5, INTRODUCTION, new_x="LMARGIN", new_y="NEXT")
    fpdf_section(pdf, "2 Kommunene", [BEFORE], TABLE)
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def ruled(tmp_path_factory: pytest.TempPathFactory) -> LoadedDocument:
    if not HAS_UNICODE_FONT:
        pytest.skip("needs fonts-dejavu-core")
    return load_document(fpdf_report(tmp_path_factory.mktemp("tables") / "kommunene.pdf"))


@needs_fonts
def test_each_row_of_a_ruled_table_is_a_sentence_naming_each_figures_column(
    ruled: LoadedDocument,
) -> None:
    found = paragraphs(ruled)
    for row in ROWS:
        assert row in found  # a paragraph of its own, never joined to the next row
    # The header names the figures; it is not read as a line, nor run into the first row.
    assert "Kommune Innbyggere" not in ruled.text


@needs_fonts
def test_a_figure_spaced_in_thousands_stays_one_cell(ruled: LoadedDocument) -> None:
    assert "Innbyggere 7 860;" in ruled.text
    assert "Innbyggere 7;" not in ruled.text


@needs_fonts
def test_a_tables_rows_stand_in_its_place_section_and_page(ruled: LoadedDocument) -> None:
    text = ruled.text
    assert text.index(BEFORE) < text.index(ROWS[0]) < text.index(ROWS[-1]) < text.index(AFTER)
    for row in ROWS:
        assert section_holding(ruled, row).path == ["2 Kommunene"]
        assert page_holding(ruled, row) == "2"
    assert AFTER in paragraphs(ruled)
    assert INTRODUCTION in paragraphs(ruled)


# --- Chromium: a table without rules ------------------------------------------------------


@needs_fonts
def test_a_row_label_wrapped_in_its_cell_names_the_rows_figures_whole(tmp_path: Path) -> None:
    """Key figures by year, their labels wrapped over two lines in a narrow first column,
    the figures at the top of their cells and the rows set apart by the cells' padding, as
    Word sets them: the label's second line belongs to its row, and the rows after it stay
    rows."""
    head = ("Nøkkeltall", "2022", "2023", "2024")
    rows = [
        ("Søknader", "58", "67", "74"),
        ("Innvilgede søknader", "41", "49", "53"),
        ("Tildelt fra næringsfondene, mill. kr", "2,46", "2,71", "2,98"),
        ("Veiledningssamtaler med etablerere og bedrifter", "286", "341", "392"),
        ("Nye arbeidsplasser (bedriftenes anslag)", "34", "39", "45"),
        ("Årsresultat, kr", "−86 000", "112 000", "204 000"),
    ]
    pdf = fpdf_pdf()
    fpdf_section(
        pdf, "2 Nøkkeltall", [BEFORE], (head, *rows), col_widths=(50, 22, 22, 22), width=116,
        align="LEFT", v_align="TOP", line_height=4.5, padding=(1.5, 1),
    )  # fmt: skip
    path = tmp_path / "nokkeltall.pdf"
    pdf.output(str(path))
    found = paragraphs(load_document(path))
    for label, *figures in rows:
        named = "; ".join(
            f"{year} {figure}" for year, figure in zip(head[1:], figures, strict=True)
        )
        assert f"{label}: {named}." in found
    assert AFTER in found


@needs_fonts
def test_a_plan_of_measures_with_words_in_several_columns_reads_row_by_row(
    tmp_path: Path,
) -> None:
    """A plan's table of measures: who is responsible and when, in words, beside the
    budget; names wrapped in their cells. Many rows with words both sides of one x are no
    page in two columns, and the source line under the table is no wrapped cell."""
    head = ("Tiltak", "Ansvar", "Oppstart", "Budsjett (kr)")
    rows = [
        ("1.1 Etablere næringsforum", "Næringsavdelingen", "2024", "250 000"),
        ("1.2 Gründerkurs to ganger i året", "Næringsavdelingen", "2024", "380 000"),
        ("1.3 Samordnet førstelinjetjeneste", "Regionrådet", "2024", "0"),
        ("1.4 Inkubator i Kvernås sentrum", "Kvernås Næringsforening", "2025", "1 150 000"),
        ("1.5 Næringsfond, årlig ramme", "Formannskapet", "2024", "4 200 000"),
        ("2.1 Traineeordning i regionen", "Regionrådet", "2026", "120 000"),
        ("2.2 Lærlingløft i byggfagene", "Kvernås vidaregåande skule", "2025", "300 000"),
        ("3.1 Nytt næringsareal på Kvernåsmoen", "Teknisk etat", "2026", "2 500 000"),
    ]
    pdf = fpdf_pdf()
    fpdf_section(
        pdf, "4 Tiltaksplan", [BEFORE], (head, *rows), col_widths=(56, 40, 20, 28), width=144,
        align="LEFT", v_align="TOP", line_height=4.5, padding=(1.5, 1),
        text_align=("LEFT", "LEFT", "RIGHT", "RIGHT"),
    )  # fmt: skip
    pdf.set_font("DejaVu", "", 9)
    pdf.cell(0, 5, "Kilde: Kommunestyrets vedtak 14. desember 2023.", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "tiltak.pdf"
    pdf.output(str(path))
    found = paragraphs(load_document(path))
    for measure, who, year, budget in rows:
        named = f"{measure}: Ansvar {who}; Oppstart {year}; Budsjett (kr) {budget}."
        assert named in found
    assert "Kilde: Kommunestyrets vedtak 14. desember 2023." in found


@needs_fonts
@needs_chromium
def test_a_header_in_white_on_coloured_cells_names_the_columns(tmp_path: Path) -> None:
    """As Word's and many report templates' table styles print it: the header's white type
    is seen on its cells' fill, so it is no hidden text."""
    head, *rows = TABLE
    style = (
        "th { background: #1f4e79; color: white; -webkit-print-color-adjust: exact; "
        "print-color-adjust: exact; }"
    )
    html = table_page("2 Kommunene", head, rows, style)
    document = load_document(print_html(tmp_path / "kommunene.pdf", html))
    assert document.hidden == []
    found = paragraphs(document)
    for row in ROWS:
        assert row in found


@needs_fonts
@needs_chromium
def test_each_row_of_an_html_table_printed_without_rules_is_a_sentence(tmp_path: Path) -> None:
    head, *rows = TABLE
    html = table_page("2 Kommunene", head, rows)
    document = load_document(print_html(tmp_path / "kommunene.pdf", html))
    found = paragraphs(document)
    for row in ROWS:
        assert row in found
        assert section_holding(document, row).path == ["2 Kommunene"]
    assert BEFORE in found
    assert AFTER in found


@needs_fonts
@needs_chromium
def test_a_header_whose_names_wrap_over_lines_names_each_column_whole(tmp_path: Path) -> None:
    """Narrow columns wrap their names ("Egen insats, / mnkr"), and a short name stands in the
    middle of the header's height: each column is named by all of its lines, top first."""
    head = ("Kommun", "Invånare 2024", "Egen insats, mnkr", "Projekt", "Nya arbetstillfällen")
    rows = (("Forsvallen", "6 850", "1,8", "27", "36"), ("Granvik", "4 210", "1,2", "19", "25"))
    narrow = "table { border-collapse: collapse; } th { width: 5.5em; vertical-align: middle; }"
    html = table_page("3 Resultat", head, rows, narrow)
    document = load_document(print_html(tmp_path / "resultat.pdf", html))
    found = paragraphs(document)
    assert (
        "Forsvallen: Invånare 2024 6 850; Egen insats, mnkr 1,8; Projekt 27; "
        "Nya arbetstillfällen 36." in found
    )
    assert (
        "Granvik: Invånare 2024 4 210; Egen insats, mnkr 1,2; Projekt 19; "
        "Nya arbetstillfällen 25." in found
    )
    assert not any("mnkr" in paragraph and ";" not in paragraph for paragraph in found)
    assert BEFORE in found and AFTER in found


@needs_chromium
def test_names_set_flush_left_over_figures_set_flush_right_name_their_own_columns(
    tmp_path: Path,
) -> None:
    """Names set flush left and wrapped over lines stand left of their column's figures set
    flush right, some in the gap after the column before: each names its own column."""
    head = (
        "Kommun",
        "Invånare 2024",
        "Lotsärenden 2021–2024",
        "Nya företag",
        "Företag i inkubatorn",
        "Upphandlingar med lokalt anbud 2024",
        "Nöjda företag (enkät)",
    )
    rows = (
        ("Ljusmark", "14 230", "472", "71", "12", "41 %", "78 %"),
        ("Vittersjö", "6 815", "259", "38", "7", "36 %", "72 %"),
    )
    flush = (
        "@page { size: A4; margin: 22mm 20mm 22mm 24mm; }"
        "table { width: 100%; border-collapse: collapse; } th { text-align: left; }"
        "th, td { padding: 4pt 5pt; }"
    )
    html = table_page("3 Resultat", head, rows, flush)
    found = paragraphs(load_document(print_html(tmp_path / "tabell.pdf", html)))
    assert (
        "Ljusmark: Invånare 2024 14 230; Lotsärenden 2021–2024 472; Nya företag 71; "
        "Företag i inkubatorn 12; Upphandlingar med lokalt anbud 2024 41 %; "
        "Nöjda företag (enkät) 78 %." in found
    )
    assert "Vittersjö: Invånare 2024 6 815; Lotsärenden 2021–2024 259; Nya företag 38;" in " ".join(
        found
    )


@needs_chromium
def test_a_name_wrapped_word_by_word_keeps_its_words_apart(tmp_path: Path) -> None:
    """A narrow column's name set a word a line ("Nya / företag / med / stöd") is its words,
    never glued where the text has no such word."""
    head = ("Kommun", "Rådgivningar", "Nya företag med stöd", "Dialoger")
    rows = (("Ljusnäs", "412", "38", "6"), ("Hedtjärn", "236", "21", "3"))
    narrow = "th { width: 4em; }"
    html = table_page("3 Resultat", head, rows, narrow)
    found = paragraphs(load_document(print_html(tmp_path / "smal.pdf", html)))
    assert "Ljusnäs: Rådgivningar 412; Nya företag med stöd 38; Dialoger 6." in found
    assert "Hedtjärn: Rådgivningar 236; Nya företag med stöd 21; Dialoger 3." in found


# --- a table that goes on over a page break -------------------------------------------------

# A report's section: several paragraphs of text, then a table of fifty municipalities that
# the page break cuts in two.
OPENING = [INTRODUCTION, BEFORE, AFTER, INTRODUCTION, BEFORE, AFTER, BEFORE]
LONG = [
    (f"Kommune {number}", f"{1000 + 37 * number:,}".replace(",", " "), str(10 + number))
    for number in range(1, 51)
]
LONG_HEAD = ("Kommune", "Innbyggere", "Prosjekter")


def long_rows(document: LoadedDocument) -> list[str]:
    return [
        f"{name}: Innbyggere {people}; Prosjekter {projects}."
        for name, people, projects in LONG
        if f"{name}:" in document.text
    ]


def fpdf_long_table(path: Path) -> Path:
    """The section printed by fpdf2, the table's header not printed again on the next page."""
    pdf = fpdf_pdf()
    fpdf_section(pdf, "2 Kommunene", OPENING, (LONG_HEAD, *LONG), repeat_headings=0)
    pdf.output(str(path))
    return path


def chromium_long_table(path: Path) -> Path:
    """The section printed from HTML by Chromium, which prints a header row outside
    <thead> once."""
    return print_html(path, table_page("2 Kommunene", LONG_HEAD, LONG, before=OPENING))


@needs_fonts
@pytest.mark.parametrize("producer", ["fpdf2", "chromium"])
def test_rows_after_a_page_break_are_named_by_the_header_on_the_page_before(
    producer: str, tmp_path: Path
) -> None:
    if producer == "chromium" and CHROMIUM is None:
        pytest.skip("needs Chromium (make system-deps installs it)")
    make = fpdf_long_table if producer == "fpdf2" else chromium_long_table
    path = make(tmp_path / "kommunene.pdf")
    assert len(PdfReader(path).pages) == 2, "the table must break over the page"
    document = load_document(path)
    found = paragraphs(document)
    assert long_rows(document) == [
        f"{name}: Innbyggere {people}; Prosjekter {projects}." for name, people, projects in LONG
    ]
    for row in long_rows(document):
        assert row in found  # a paragraph of its own, never joined to the next row
        assert section_holding(document, row).path == ["2 Kommunene"]
    first, last = long_rows(document)[0], long_rows(document)[-1]
    assert page_holding(document, first) == "1"
    assert page_holding(document, last) == str(len(PdfReader(path).pages))
    assert AFTER in found


def test_a_page_opening_with_a_heading_or_text_after_a_table_reads_them_as_before() -> None:
    """The page before ended in a table; this one opens with a numbered heading and a line
    whose words stand apart, neither a row of three cells with a figure."""
    head = TextLine("Kommune Innbyggere Prosjekter", 9, x=72, top=700, cells=LONG_HEAD, header=True)
    rows = [
        TextLine(" ".join(row), 9, x=72, top=714 + 14 * i, cells=row)
        for i, row in enumerate(LONG[:3])
    ]
    heading = TextLine("3 Vurdering", 15, bold=True, x=72, top=80, splits=("3", "Vurdering"))
    spaced = TextLine("Kommunene  og  fylket", 9, x=72, top=110, splits=("Kommunene", "og fylket"))
    prose = TextLine(INTRODUCTION, 10.5, x=72, top=130)
    document = parse_pdf_lines(
        [PdfPage([TextLine(BEFORE, 10.5, x=72, top=680), head, *rows], "1"),
         PdfPage([heading, spaced, prose], "2")]
    )  # fmt: skip
    found = paragraphs(document)
    assert "Kommune 3: Innbyggere 1 111; Prosjekter 13." in found
    assert not any(paragraph.startswith(("3:", "Kommunene:")) for paragraph in found)
    assert any(section.path == ["3 Vurdering"] for section in document.sections)


# --- what is no table ---------------------------------------------------------------------


@needs_fonts
def test_a_page_of_running_text_with_figures_reads_as_before(tmp_path: Path) -> None:
    text = (
        "I 2021 fikk 33 bedrifter i Kvernås tilsagn, mot 24 i Tindvoll og 18 i Bjørkmo. "
        "Fondet delte ut 1,9 millioner kroner det året, og 7 860 innbyggere i Kvernås "
        "betalte dermed om lag 240 kroner hver. I 2022 var tallene 29, 21 og 15, og i 2023 "
        "31, 19 og 16. Samlet ga programmet 49 nye arbeidsplasser i Kvernås, 37 i Tindvoll "
        "og 26 i Bjørkmo, det meste i reiseliv, landbruk og industri langs elva."
    )
    pdf = fpdf_pdf()
    pdf.add_page()
    pdf.set_font("DejaVu", "", 10.5)
    pdf.multi_cell(0, 5.5, text, align="J")
    path = tmp_path / "tekst.pdf"
    pdf.output(str(path))
    assert not [line for line in _lines_of(PdfReader(path).pages[0]).lines if line.cells]
    assert paragraphs(load_document(path)) == [text]


@needs_fonts
def test_a_two_column_report_has_no_table_but_its_own(tmp_path: Path) -> None:
    path = reportlab_pdf(tmp_path / "aarsrapport.pdf", ANNUAL, columns=2, style="word")
    tabled = [line.cells for page in PdfReader(path).pages for line in _lines_of(page).lines]
    [table] = [block for block in ANNUAL.body if isinstance(block, Table)]
    assert [cells for cells in tabled if cells] == list(table.rows)


def lines_of(runs: list[Run]) -> list[TextLine]:
    return page_lines(runs, 842)


def test_a_list_numbered_apart_from_its_items_is_no_table() -> None:
    items = ["Etablering: 14 tilsagn", "Produkter: 9 tilsagn", "Kompetanse: 8 tilsagn"]
    runs: list[Run] = []
    for number, item in enumerate(items, start=1):
        y = 700 - 14 * number
        runs += [Run(f"{number}.", 72, y, 10, width=8, space=3), Run(item, 90, y, 10, width=110)]
    lines = lines_of(runs)
    assert [line.text for line in lines] == [f"{n}. {item}" for n, item in enumerate(items, 1)]
    assert not any(line.cells for line in lines)


def words_in_columns(header: tuple[str, str], rows: list[tuple[str, str]], bold: bool) -> list[Run]:
    """Two columns of words under a header (in bold or not), 13 pt apart."""
    font = "Helvetica-Bold" if bold else "Helvetica"
    runs = [
        Run(header[0], 72, 700, 10, font, width=5 * len(header[0]), space=2.8),
        Run(header[1], 310, 700, 10, font, width=5 * len(header[1]), space=2.8),
    ]
    for row, (left, right) in enumerate(rows, start=1):
        y = 700 - 13 * row
        runs += [
            Run(left, 72, y, 10, "Helvetica", width=5 * len(left), space=2.8),
            Run(right, 310, y, 10, "Helvetica", width=5 * len(right), space=2.8),
        ]
    return runs


def test_two_columns_of_text_headed_in_bold_side_by_side_are_no_table() -> None:
    """Short lines of running text in two columns, a bold heading atop each: no figures, and
    the header's bold does not make the columns' lines a table's rows."""
    rows = [
        ("Kommunen har arbeidet lenge med", "Evalueringen bygger på intervjuer"),
        ("næringsutvikling i hele regionen, og", "med foretak og på kommunens"),
        ("arbeidet har gitt gode resultater", "egne tall for hele perioden"),
        ("for mange av foretakene her.", "fra 2019 til og med 2023."),
    ]
    lines = lines_of(words_in_columns(("Bakgrunn", "Metode"), rows, bold=True))
    assert not any(line.cells for line in lines)
    assert [line.text for line in lines][:2] == ["Bakgrunn", rows[0][0]]


def test_words_in_columns_under_a_header_not_set_apart_are_no_table() -> None:
    """Terms and what they mean in two columns, the header in the rows' own type: without
    figures or a bold header nothing tells a table from lines standing in columns."""
    rows = [
        ("Etablerer", "En som starter et foretak"),
        ("Inkubator", "Et miljø for nye foretak"),
        ("Klynge", "Foretak som samarbeider"),
    ]
    lines = lines_of(words_in_columns(("Begrep", "Forklaring"), rows, bold=False))
    assert not any(line.cells for line in lines)


def test_a_contents_page_with_page_numbers_set_right_is_no_table() -> None:
    entries = [("1 Innledning", "3"), ("2 Kommunene", "5"), ("3 Vurdering", "9")]
    runs = [Run("Innhold", 72, 760, 14, width=55, space=4)]
    for row, (title, page) in enumerate(entries):
        y = 730 - 14 * row
        runs += [Run(title, 72, y, 10, width=60, space=3), Run(page, 514, y, 10, width=6)]
    assert not any(line.cells for line in lines_of(runs))


def test_footnotes_set_apart_from_their_numbers_are_no_table() -> None:
    notes = ["Kommunestyresak 45/21.", "Regionrådet, sak 12/22.", "Intervju 3. mars 2023."]
    runs: list[Run] = []
    for number, note in enumerate(notes, start=1):
        y = 90 - 10 * number
        runs += [Run(str(number), 72, y, 8, width=4.5, space=2.5), Run(note, 84, y, 8, width=90)]
    assert not any(line.cells for line in lines_of(runs))


def test_a_header_set_apart_from_its_right_aligned_figures_names_their_columns() -> None:
    runs = [
        Run("Formål", 72, 700, 9, "Sans-Bold", width=34, space=3),
        Run("Tilsagn", 190, 700, 9, "Sans-Bold", width=36, space=3),
        Run("Beløp (kr)", 250, 700, 9, "Sans-Bold", width=48, space=3),
    ]
    for row, (label, count, amount) in enumerate(
        [("Etablering", "14", "980 000"), ("Produktutvikling", "9", "1 150 000")], start=1
    ):
        y = 700 - 16 * row
        runs += [
            Run(label, 72, y, 9, width=5 * len(label), space=3),
            Run(count, 226 - 5 * len(count), y, 9, width=5 * len(count), space=3),
            Run(amount, 298 - 5 * len(amount), y, 9, width=5 * len(amount), space=3),
        ]
    lines = lines_of(runs)
    assert [line.cells for line in lines] == [
        ("Formål", "Tilsagn", "Beløp (kr)"),
        ("Etablering", "14", "980 000"),
        ("Produktutvikling", "9", "1 150 000"),
    ]
    assert [line.header for line in lines] == [True, False, False]


def test_a_row_with_an_empty_cell_stays_in_its_table() -> None:
    rows = [("Kvernås", "33", "49"), ("Tindvoll", "", "37"), ("Bjørkmo", "18", "26")]
    runs = [
        Run("Kommune", 72, 700, 9, "Sans-Bold", width=40, space=3),
        Run("Prosjekter", 170, 700, 9, "Sans-Bold", width=46, space=3),
        Run("Arbeidsplasser", 240, 700, 9, "Sans-Bold", width=66, space=3),
    ]
    for number, (label, *figures) in enumerate(rows, start=1):
        y = 700 - 16 * number
        runs.append(Run(label, 72, y, 9, width=5 * len(label), space=3))
        for right, figure in zip((216, 306), figures, strict=True):
            if figure:
                runs.append(Run(figure, right - 10, y, 9, width=10, space=3))
    lines = lines_of(runs)
    assert [line.cells for line in lines[1:]] == rows
