"""Word reports printed by LibreOffice: what Word's defaults put on the page reads as a reader
reads it. The documents are written with python-docx and printed with ``soffice``, as a
municipality writes and prints its reports: endnotes numbered i, ii, iii, a cover with a
question as subtitle and two authors on one line, lists nested with Word's own bullets and
numbers, a floating text box, a summary in two columns, a table on a landscape page, a
table of words only.
"""

from __future__ import annotations

from typing import Any

import pytest

from assistant.domain import LoadedDocument
from indexing.loaders import load_document
from tests.docx_factory import (
    add_endnotes,
    endnote_reference,
    list_item,
    section_columns,
    text_box,
)
from tests.report_producers import SOFFICE, print_word

needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None, reason="needs LibreOffice (make system-deps installs it)"
)

PROSE = (
    "Kommunen har arbeidet med næringsutvikling i mange år, og arbeidet har gitt resultater "
    "som mange i regionen har lagt merke til. "
)
TITLE = "Næringsarbeid i Fjordvik kommune"
SUBTITLE = "Hva kan kommunene gjøre for at flere unge skal bo og arbeide i distriktene?"
AUTHORS = ("Kari Nordvik", "Jon Erik Strand")
ENDNOTES = {
    "1": "Kilde: Statistisk sentralbyrå, tabell 07459.",
    "2": "Vedtatt i kommunestyret 12. mars 2023.",
    "3": "Tallene gjelder foretak med minst én ansatt.",
}
# Each outer item and the items nested under it (the second wraps to a full last line).
NESTED = (
    ("Flere arbeidsplasser i privat sektor", ("Innen havbruk og reiseliv", "Innen industri")),
    (
        "Et sterkere samarbeid i regionen, med nabokommunene, fylkeskommunen, næringslivets "
        "egne organisasjoner og de videregående skolene i hele regionen",
        ("Med nabokommunene", "Med fylkeskommunen"),
    ),
    ("Bedre tilgang på kompetanse", ()),
)

# A table whose header has a cell over each year's two columns, each named below it.
GROUPED = (
    ("Kommune", "2022", "", "2023", ""),
    ("", "Søknader", "Tilskudd", "Søknader", "Tilskudd"),
    ("Fjordvik", "14", "1,2", "18", "1,6"),
    ("Nordbygd", "9", "0,8", "11", "0,9"),
    ("Sørvik", "21", "2,4", "25", "2,9"),
)


def word_report() -> Any:
    """A short report as Word's defaults set it: the file names only the first author."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.name = "DejaVu Serif"
    document.styles["Normal"].font.size = Pt(11)
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2"):
        document.styles[name].font.name = "DejaVu Sans"
    document.core_properties.title = TITLE
    document.core_properties.author = AUTHORS[0]
    document.add_paragraph("RAPPORT 4/2024")
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph(SUBTITLE, style="Subtitle")
    document.add_paragraph(" og ".join(AUTHORS))
    document.add_paragraph("Fjordvik kommune\n2024")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading("1 Innledning", level=1)
    for note in ("1", "2"):
        paragraph = document.add_paragraph(PROSE * 2 + "Dette er viktig for utviklingen")
        endnote_reference(paragraph, note)
        paragraph.add_run(" av næringslivet i hele kommunen. " + PROSE)
    for kind in ("bullet", "number"):
        document.add_paragraph("Planen har tre hovedmål:")
        for item, nested in NESTED:
            list_item(document, item, 0, kind)
            for sub in nested:
                list_item(document, sub, 1, kind)
        document.add_paragraph(PROSE * 3)
    document.add_heading("2 Resultater", level=1)
    paragraph = document.add_paragraph(PROSE * 2 + "I alt var det 412 foretak")
    endnote_reference(paragraph, "3")
    paragraph.add_run(" i kommunen ved utgangen av året. " + PROSE)
    document.add_paragraph("Tabell 1 Søknader og tilskudd etter kommune", style="Caption")
    table = document.add_table(rows=len(GROUPED), cols=len(GROUPED[0]))
    table.style = "Table Grid"
    for row, values in zip(table.rows, GROUPED, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    for first, last in ((1, 2), (3, 4)):
        table.cell(0, first).merge(table.cell(0, last)).text = GROUPED[0][first]
    table.cell(0, 0).merge(table.cell(1, 0)).text = GROUPED[0][0]
    document.add_paragraph(PROSE)
    add_endnotes(document, ENDNOTES)
    return document


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> LoadedDocument:
    folder = tmp_path_factory.mktemp("word")
    return load_document(print_word(word_report(), folder / "naeringsarbeid.pdf"))


def path_of(document: LoadedDocument, phrase: str) -> list[str]:
    at = document.text.index(phrase)
    return next(s.path for s in document.sections if s.start <= at < s.end)


def test_a_page_of_prose_in_narrow_columns_is_no_cover() -> None:
    """A summary set in two narrow columns right after the cover has no line long enough to
    be prose on its own; its blocks of sentences are running text all the same."""
    from indexing.loaders.pdf.document import has_running_text
    from indexing.loaders.pdf.lines import TextLine

    column = [
        "Gränsverkstaden var ett fyraårigt",
        "samarbetsprogram mellan de svenska",
        "kommunerna Ljusnäs, Hedtjärn och Kvarnsjö",
        "och den norska kommunen Rognmo.",
        "Programmet pågick från januari 2021 till",
        "december 2024 och hade en total budget.",
    ]
    page = [TextLine("Sammanfattning", 14, top=104)] + [
        TextLine(text, 9, top=129 + 13 * number) for number, text in enumerate(column)
    ]
    assert has_running_text(page)
    authors = ["Elin Tallgren", "Mattias Wiik", "Sofie Berg", "Jonas Fjellmo"]
    cover = [TextLine("Utvärdering av Gränsverkstaden", 26, top=120)] + [
        TextLine(name, 11, top=200 + 14 * number) for number, name in enumerate(authors)
    ]
    assert not has_running_text(cover), "a cover's list of names says nothing"


@needs_libreoffice
def test_roman_endnote_markers_are_notes_not_word_endings(printed: LoadedDocument) -> None:
    """Word numbers endnotes i, ii, iii; LibreOffice prints them on a page of their own after
    the text, each opened by its numeral. The raised numeral is a marker, and each endnote
    comes back at the end of the section citing it."""
    text = printed.text
    assert "utviklingeni" not in text and "utviklingenii" not in text
    assert text.count("Dette er viktig for utviklingen av næringslivet") == 2
    assert "I alt var det 412 foretak i kommunen" in text
    for label, (note, body) in zip(("i", "ii", "iii"), ENDNOTES.items(), strict=True):
        assert f"Fotnote {label}: {body}" in text, note
    assert path_of(printed, "Fotnote i: ") == ["1 Innledning"]
    assert path_of(printed, "Fotnote ii: ") == ["1 Innledning"]
    assert path_of(printed, "Fotnote iii: ") == ["2 Resultater"]


def test_a_small_roman_numeral_is_a_marker_only_where_raised() -> None:
    """A numeral "i" raised in small type after a word is an endnote's marker; the word "i"
    set small on the baseline (a figure's label in the line) stays a word."""
    from indexing.loaders.pdf.lines import Run, page_lines

    raised = [
        Run("Dette er viktig for utviklingen", 72, 700, 11, width=160.0, space=2.75),
        Run("ii", 232, 704.5, 6.4, width=3.6, space=1.6),
        Run(" av næringslivet.", 235.6, 700, 11, width=80.0, space=2.75),
    ]
    level = [
        Run("Tallene gjelder foretak", 72, 680, 11, width=120.0, space=2.75),
        Run(" i", 192, 680, 8, width=4.0, space=2.0),
        Run(" Fjordvik.", 196, 680, 11, width=50.0, space=2.75),
    ]
    lines = page_lines([*raised, *level], 842)
    assert lines[0].text == "Dette er viktig for utviklingen\x00Nii\x00 av næringslivet."
    assert lines[1].text == "Tallene gjelder foretak i Fjordvik."


@needs_libreoffice
def test_a_question_as_the_covers_subtitle_leaves_the_cover_a_cover(
    printed: LoadedDocument,
) -> None:
    """A subtitle asking the report's question is as long as a line of prose; the cover is
    still a cover: none of it is body text, its title and year are the report's."""
    assert SUBTITLE not in printed.text
    assert "RAPPORT 4/2024" not in printed.text
    assert printed.text.startswith("1 Innledning")
    assert printed.title == TITLE
    assert printed.year == 2024


@needs_libreoffice
def test_a_second_author_on_the_covers_line_of_names_is_an_author(
    printed: LoadedDocument,
) -> None:
    """The file names only its first author; the cover names both on one line."""
    assert printed.authors == list(AUTHORS)


def test_a_page_asking_questions_in_its_text_is_no_cover() -> None:
    from indexing.loaders.pdf.document import has_running_text
    from indexing.loaders.pdf.lines import TextLine

    question = "Hva kan kommunene gjøre for at flere unge skal bo og arbeide i distriktene?"
    cover = [
        TextLine(TITLE, 26, top=120),
        TextLine(question, 12, top=158),
        TextLine(" og ".join(AUTHORS), 11, top=200),
    ]
    assert not has_running_text(cover)
    other = "Hvordan har kommunen organisert arbeidet med næringsutvikling i perioden?"
    asked = [
        TextLine("Evalueringen svarer på disse spørsmålene:", 11, top=100),
        TextLine(f"- {question}", 11, top=130),
        TextLine(f"- {other}", 11, top=160),
    ]
    assert has_running_text(asked)
    two = [
        TextLine(question, 11, top=100),
        TextLine(question.replace("unge", "eldre"), 11, top=140),
    ]
    assert has_running_text(two)


@needs_libreoffice
def test_each_item_of_a_nested_list_is_a_paragraph_of_its_own(printed: LoadedDocument) -> None:
    """Word's default lists, bulleted (•, then a letter "o") and numbered (1., then a.):
    each item, outer or nested, is a paragraph, none run into the item above it."""
    paragraphs = [" ".join(part.split()) for part in printed.text.split("\n\n")]
    for outer, (item, nested) in enumerate(NESTED, start=1):
        assert f"• {item}" in paragraphs
        assert f"{outer}. {item}" in paragraphs
        for letter, sub in zip("abc", nested, strict=False):
            assert f"◦ {sub}" in paragraphs
            assert f"{letter}. {sub}" in paragraphs


@needs_libreoffice
def test_a_header_cell_merged_over_two_columns_names_each_of_them(
    printed: LoadedDocument,
) -> None:
    """Each year's cell spans the two columns named below it: every figure is read with its
    year and its own column's name."""
    for label, *figures in GROUPED[2:]:
        named = "; ".join(
            f"{year} {name} {figure}"
            for year, name, figure in zip(
                ("2022", "2022", "2023", "2023"), GROUPED[1][1:], figures, strict=True
            )
        )
        assert f"{label}: {named}." in printed.text


# A fact box floated right of a paragraph it interrupts: a title and four short facts.
FACT_TITLE = "Fakta om Gründerhuset"
FACTS = ("Åpnet i 2021", "14 kontorplasser", "Leie 1 500 kr i måneden", "Drives av kommunen")
BESIDE = (
    "Etter at planen ble vedtatt, har kommunen lagt vekt på å følge opp de foretakene som "
    "søkte om støtte, og på å samle erfaringene fra dem i en felles oversikt. "
) * 6


@needs_libreoffice
def test_a_floating_text_box_is_a_block_of_its_own_after_the_paragraph_beside_it(
    tmp_path: Any,
) -> None:
    """A text box floated right, the paragraph wrapping round it: LibreOffice draws the box
    after the paragraph's lines, and read in a column of its own it split the paragraph in
    two, its title run into the first half and its last fact into the second. The
    paragraph reads whole, and the box's title and facts follow it, each a paragraph,
    none a heading."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.name = "DejaVu Serif"
    document.styles["Normal"].font.size = Pt(11)
    document.styles["Heading 1"].font.name = "DejaVu Sans"
    document.add_heading("1 Innledning", level=1)
    document.add_paragraph(PROSE * 3)
    paragraph = document.add_paragraph()
    text_box(paragraph, FACT_TITLE, list(FACTS))
    paragraph.add_run(BESIDE)
    document.add_paragraph(PROSE * 2)
    document.add_heading("2 Resultater", level=1)
    document.add_paragraph(PROSE * 3)
    loaded = load_document(print_word(document, tmp_path / "faktaboks.pdf"))
    paragraphs = [" ".join(part.split()) for part in loaded.text.split("\n\n")]
    beside = paragraphs.index(BESIDE.strip())
    assert paragraphs[beside + 1 : beside + 6] == [FACT_TITLE, *FACTS]
    assert [section.path for section in loaded.sections] == [["1 Innledning"], ["2 Resultater"]]


# A summary in two columns, on a page whose next section goes on in one.
SUMMARY = (
    "Evalueringen viser at næringsarbeidet i kommunen har gitt flere nye arbeidsplasser, "
    "særlig innen reiseliv og havbruk, og at samarbeidet med nabokommunene er blitt bedre.",
    "Tilskuddene fra næringsfondet har nådd mange små foretak, men oppfølgingen av dem etter "
    "tildelingen har vært svak, og kommunen vet lite om hva støtten har betydd for dem.",
    "Vi anbefaler at kommunen lager en plan for oppfølging av foretakene, at den samler "
    "tallene for hvert år i en felles oversikt, og at den drøfter dem med næringsforeningen.",
    "Kommunen bør også vurdere om næringsfondet skal prioritere færre og større prosjekter, "
    "slik at virkningene blir lettere å måle og å følge opp over tid.",
)


@needs_libreoffice
def test_a_summary_in_two_columns_reads_column_by_column_under_its_own_heading(
    tmp_path: Any,
) -> None:
    """A summary set in two columns (a continuous section break), the next chapter in one
    column below it on the same page: the chapter's heading, short and left of the gutter,
    was read as a line of the left column, so the right column's text came after it, in the
    next section. Each paragraph of the summary is whole, in order, under the summary."""
    import docx
    from docx.enum.section import WD_SECTION
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.name = "DejaVu Serif"
    document.styles["Normal"].font.size = Pt(11)
    document.styles["Heading 1"].font.name = "DejaVu Sans"
    document.add_heading("Sammendrag", level=1)
    section_columns(document.add_section(WD_SECTION.CONTINUOUS), 2)
    for text in SUMMARY:
        document.add_paragraph(text)
    section_columns(document.add_section(WD_SECTION.CONTINUOUS), 1)
    document.add_heading("1 Innledning", level=1)
    for _ in range(3):
        document.add_paragraph(PROSE * 3)
    loaded = load_document(print_word(document, tmp_path / "sammendrag.pdf"))
    paragraphs = [" ".join(part.split()) for part in loaded.text.split("\n\n")]
    assert paragraphs[: len(SUMMARY) + 2] == ["Sammendrag", *SUMMARY, "1 Innledning"]
    for text in SUMMARY:
        assert path_of(loaded, text) == ["Sammendrag"]


# Key figures too wide for a portrait page, on a landscape page of their own.
KEY_FIGURES = (
    ("Kommune", "Innbyggere", "Foretak", "Nye foretak", "Tilskudd (mill. kr)", "Prosjekter"),
    ("Fjordvik", "7 860", "412", "33", "1,9", "14"),
    ("Nordbygd", "3 120", "188", "12", "0,8", "6"),
    ("Sørvik", "11 450", "640", "51", "2,4", "21"),
)


def landscape_report() -> Any:
    """A report whose second section is a landscape page holding a table."""
    import docx
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.name = "DejaVu Serif"
    document.styles["Normal"].font.size = Pt(11)
    document.styles["Heading 1"].font.name = "DejaVu Sans"
    document.add_heading("1 Innledning", level=1)
    document.add_paragraph(PROSE * 3)
    for orientation in (WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT):
        section = document.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = orientation
        section.page_width, section.page_height = section.page_height, section.page_width
        if orientation == WD_ORIENT.LANDSCAPE:
            document.add_heading("2 Nøkkeltall", level=1)
            document.add_paragraph("Tabellen viser nøkkeltall for hver kommune i regionen.")
            table = document.add_table(rows=len(KEY_FIGURES), cols=len(KEY_FIGURES[0]))
            table.style = "Table Grid"
            for row, values in zip(table.rows, KEY_FIGURES, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
    document.add_heading("3 Vurdering", level=1)
    document.add_paragraph("Vurderingen bygger på tallene og på intervjuer med foretakene.")
    return document


def turned(path: Any, turn: int) -> Any:
    """The PDF with each landscape page made a portrait page shown turned by /Rotate, its
    content drawn a quarter turn round, as LaTeX's pdflscape and some print drivers write one
    (a ``turn`` of 90 runs the text up the portrait page, 270 down it)."""
    from pypdf import PdfWriter, Transformation
    from pypdf.generic import RectangleObject

    writer = PdfWriter(clone_from=path)
    for page in writer.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        if width > height:
            matrix = (0, 1, -1, 0, height, 0) if turn == 90 else (0, -1, 1, 0, 0, width)
            page.add_transformation(Transformation(matrix))
            page.mediabox = RectangleObject((0, 0, height, width))
            page.cropbox = RectangleObject((0, 0, height, width))
            page.rotate(turn)
    target = path.with_name(f"{path.stem}-{turn}.pdf")
    writer.write(target)
    return target


@needs_libreoffice
@pytest.mark.parametrize("turn", [0, 90, 270])
def test_a_table_on_a_landscape_page_reads_row_by_row_however_the_page_is_turned(
    turn: int, tmp_path: Any
) -> None:
    """A landscape page holding a table, as LibreOffice prints it (a wide page) or set on a
    portrait page turned by /Rotate, its text running up or down the page: read across the
    portrait page, each letter was a line of its own and the table came out as columns of
    figures. Each row is a sentence naming its figures' columns, under its own section."""
    path = print_word(landscape_report(), tmp_path / "nokkeltall.pdf")
    loaded = load_document(turned(path, turn) if turn else path)
    header, *rows = KEY_FIGURES
    for label, *figures in rows:
        columns = zip(header[1:], figures, strict=True)
        named = "; ".join(f"{name} {figure}" for name, figure in columns)
        assert f"{label}: {named}." in loaded.text
        assert path_of(loaded, f"{label}: ") == ["2 Nøkkeltall"]
    assert [section.path[0] for section in loaded.sections] == [
        "1 Innledning",
        "2 Nøkkeltall",
        "3 Vurdering",
    ]


# Who does what, and how far they have come: words only, a row's first cell wrapped.
MEASURES = (
    ("Tiltak", "Ansvarlig", "Status"),
    ("Kartlegge behovet for næringsareal", "Næringssjefen", "Fullført"),
    ("Etablere et gründerhus", "Kommunen og næringsforeningen", "Pågår"),
    ("Styrke samarbeidet med skolene", "Oppvekstsektoren", "Ikke startet"),
    ("Lage en reiselivsstrategi", "Destinasjonsselskapet", "Utsatt"),
)


@needs_libreoffice
def test_a_table_of_words_under_a_bold_header_reads_as_a_sentence_a_row(tmp_path: Any) -> None:
    """A table without figures, its header row in bold and its cells' words wrapped over
    two lines: read as lines, each row ran its cells together ("Kartlegge behovet for
    Næringssjefen Fullført") and its wrapped words followed as a paragraph of their own.
    Each row is a sentence naming its cells' columns, each cell whole."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.name = "DejaVu Serif"
    document.styles["Normal"].font.size = Pt(11)
    document.styles["Heading 1"].font.name = "DejaVu Sans"
    document.add_heading("1 Oppfølging", level=1)
    document.add_paragraph("Tabellen viser hvordan tiltakene i planen er fulgt opp.")
    table = document.add_table(rows=len(MEASURES), cols=len(MEASURES[0]))
    table.style = "Table Grid"
    for row, values in zip(table.rows, MEASURES, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    for cell in table.rows[0].cells:
        cell.paragraphs[0].runs[0].bold = True
    document.add_paragraph("Flere av tiltakene er forsinket, men de fleste blir fullført.")
    loaded = load_document(print_word(document, tmp_path / "tiltak.pdf"))
    header, *rows = MEASURES
    for label, *cells in rows:
        columns = zip(header[1:], cells, strict=True)
        named = "; ".join(f"{name} {cell}" for name, cell in columns)
        assert f"{label}: {named}." in loaded.text
