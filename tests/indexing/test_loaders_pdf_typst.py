"""Reports typeset by Typst read as well as those of other producers.

Typst sets a report the way research institutes' toolchains do, and differently from the
others in ways a reader of the file must undo: it hyphenates justified text and marks the
hyphen at a broken line's end as a soft hyphen, sets footnote markers in the font's superscript
figures at the line's own size and baseline, places footnotes at the foot of each column, draws
a colophon's labels and values as a grid column by column, spaces a contents page's dot leaders
on a grid, and draws a word of a table's header in pieces. The reports of `tests.report_texts`
are typeset by `tests.report_producers.typst_pdf` and what the loader reads is compared with
their source.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.domain import LoadedDocument
from indexing.loaders import load_document
from indexing.loaders._structure import FOOTNOTE_LABELS, table_rows
from indexing.loaders.pdf.document import PdfPage, parse_pdf_lines
from indexing.loaders.pdf.lines import Run, TextLine, page_lines
from tests.report_producers import (
    Expectation,
    expectation,
    furniture_left,
    plain_text,
    typst_pdf,
    typst_string,
)
from tests.report_texts import ANNUAL, EVALUATION, SHY, Heading, Report, Table

pytest.importorskip("typst", reason="needs the typst package (pip install -e '.[dev]')")

PRINTS = {
    "bokmål, one column": (ANNUAL, 1),
    "bokmål, two columns": (ANNUAL, 2),
    "English, one column": (EVALUATION, 1),
    "English, two columns": (EVALUATION, 2),
}


@pytest.fixture(scope="module", params=list(PRINTS))
def typeset(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Report, LoadedDocument]:
    report, columns = PRINTS[request.param]
    folder = tmp_path_factory.mktemp("typst")
    path = typst_pdf(folder / f"{report.language}-{columns}.pdf", report, columns)
    return report, load_document(path)


def words(text: str) -> str:
    return " ".join(text.split())


def expected(report: Report) -> Expectation:
    return expectation(report, "number")


def path_of(document: LoadedDocument, phrase: str) -> list[str]:
    at = document.text.index(phrase)
    section = next(s for s in document.sections if s.start <= at < s.end)
    return [title.casefold() for title in section.path]


def test_every_sentence_reads_whole(typeset: tuple[Report, LoadedDocument]) -> None:
    report, document = typeset
    text = words(document.text)
    missing = [sentence for sentence in expected(report).sentences if words(sentence) not in text]
    assert missing == []


def test_a_word_hyphenated_at_a_line_end_is_one_word_again(
    typeset: tuple[Report, LoadedDocument],
) -> None:
    report, document = typeset
    read = {word.strip(".,;:()") for word in document.text.split()}
    assert sorted(read - source_words(report)) == []


def source_words(report: Report) -> set[str]:
    """Every word the report prints: paragraphs, headings, notes, tables, references."""
    blocks = (*report.front, *report.body)
    texts = [
        *(block for block in blocks if isinstance(block, str)),
        *(f"{block.number or ''} {block.title}" for block in blocks if isinstance(block, Heading)),
        *(block.caption for block in blocks if isinstance(block, Table)),
        *(cell for block in blocks if isinstance(block, Table) for row in block.rows
          for cell in row),
        *report.notes.values(),
        *report.references,
        report.references_heading,
        FOOTNOTE_LABELS[report.language],
    ]  # fmt: skip
    return {word.strip(".,;:()") for text in texts for word in plain_text(text).split()}


def test_footnotes_leave_the_text_and_come_to_the_section_citing_them(
    typeset: tuple[Report, LoadedDocument],
) -> None:
    report, document = typeset
    label = FOOTNOTE_LABELS[report.language]  # notes labelled in the report's language
    for note, body, path, before in expected(report).notes:
        assert f"{label} {note}: {body}" in words(document.text)
        assert path_of(document, f"{label} {note}: ") == [title.casefold() for title in path]
        assert not re.search(rf"{re.escape(before)}\W?{note}\b", document.text), before


def test_the_contents_page_is_never_quoted(typeset: tuple[Report, LoadedDocument]) -> None:
    report, document = typeset
    paragraphs = [words(paragraph) for paragraph in document.text.split("\n\n")]
    for title in expected(report).contents:
        assert paragraphs.count(title) <= 1, title
    assert ". . ." not in document.text
    assert not any(section.path == [report.contents_heading] for section in document.sections)


def test_the_colophon_is_front_matter(typeset: tuple[Report, LoadedDocument]) -> None:
    _, document = typeset
    assert "978-82-93456-99-1" not in document.text
    assert not re.search(r"^(?:Tittel|Title|ISBN|Emneord|Keywords):$", document.text, re.M)


def test_running_headers_and_footers_are_furniture(
    typeset: tuple[Report, LoadedDocument],
) -> None:
    report, document = typeset
    assert furniture_left(document.text, expected(report)) == []


def test_each_table_row_names_its_figures_columns(typeset: tuple[Report, LoadedDocument]) -> None:
    report, document = typeset
    text = words(document.text)
    for sentence in expected(report).table_sentences:
        assert sentence in text


def test_title_and_authors_come_from_the_file(typeset: tuple[Report, LoadedDocument]) -> None:
    report, document = typeset
    assert document.title == report.title
    assert document.authors == list(report.authors)


NARROW = (
    ("Kommune", "Innbyggere 1.1.2024", f"Årsverk i nærings{SHY}arbeidet 2024",
     "Tildelt fra næringsfondet 2019–2024, mill. kr", "Innvilgede søknader", "Nye foretak"),
    ("Lundemo", "7 480", "1,5", "8,7", "118", "246"),
    ("Kvitnes", "4 310", "1,0", "5,1", "74", "131"),
    ("Ørnvik", "1 180", "0,25", "1,6", "27", "29"),
)  # fmt: skip


def test_a_header_whose_names_wrap_over_four_lines_names_each_column(tmp_path: Path) -> None:
    import typst

    cells = ", ".join(f"[{typst_string(cell)}]" for row in NARROW for cell in row)
    source = tmp_path / "narrow.typ"
    source.write_text(
        '#set text(lang: "nb", size: 9.5pt)\n#set par(justify: true)\n'
        + typst_string("Tabellen viser nøkkeltall for kommunene i perioden 2019–2024.")
        + "\n\n#figure(kind: table, numbering: none, caption: [Tabell 1: Nøkkeltall],\n"
        "  table(columns: (2cm, 2cm, 2cm, 2.2cm, 2cm, 2cm), "
        f"align: (left, right, right, right, right, right), {cells}))\n\n"
        + typst_string("Lundemo har flest nye foretak, og Ørnvik har færrest.")
        + "\n",
        encoding="utf-8",
    )
    path = tmp_path / "narrow.pdf"
    typst.compile(str(source), output=str(path))
    text = words(load_document(path).text)
    for sentence in table_rows([[plain_text(cell) for cell in row] for row in NARROW]):
        assert sentence in text


# --- the rules, on lines made by hand ----------------------------------------------------


def body_lines(count: int) -> list[TextLine]:
    return [
        TextLine(f"Linje {n} av teksten om kommunen og næringslivet i regionen.", 10.5, top=90 + n)
        for n in range(count)
    ]


def marked_line(top: float) -> list[Run]:
    """ "... en svarprosent på 47." and a "2" in the same type, glued to it, as Typst draws a
    marker in superscript figures."""
    return [
        Run("Undersøkelsen ble besvart av 163, en svarprosent på 47.", 72, 842 - top, 10.5,
            width=270, space=2.6),
        Run("2", 342, 842 - top, 10.5, width=3.5, space=2.6),
        Run(" Vi purret to ganger.", 345.5, 842 - top, 10.5, width=100, space=2.6),
    ]  # fmt: skip


def test_a_number_in_the_lines_type_glued_to_a_stop_is_a_marker_where_its_note_stands() -> None:
    note = [
        Run("2", 72, 842 - 760, 8.9, width=3, space=2.2),
        Run("Purringen gikk ut per e-post.", 75, 842 - 760, 8.9, width=120, space=2.2),
    ]
    lines = page_lines(marked_line(300), 842) + page_lines(note, 842)
    document = parse_pdf_lines([PdfPage([*body_lines(10), *lines], "1")])
    assert "en svarprosent på 47. Vi purret to ganger." in document.text
    assert "Fotnote 2: Purringen gikk ut per e-post." in document.text


def test_a_number_glued_to_a_stop_stays_where_no_note_has_it() -> None:
    lines = page_lines(marked_line(300), 842)
    document = parse_pdf_lines([PdfPage([*body_lines(10), *lines], "1")])
    assert "en svarprosent på 47.2 Vi purret to ganger." in document.text


def test_a_colophon_drawn_column_by_column_reads_label_and_value_across() -> None:
    fields = [
        ("Tittel:", "Kommunen som medskaper?"),
        ("Oppdragsgiver:", "Åsland fylkeskommune"),
        ("Prosjektnummer:", "24-117"),
        ("Emneord:", "næringsutvikling, playmaker"),
    ]
    labels = [
        Run(label, 71, 300 - 13 * n, 9.5, width=60, space=2.4)
        for n, (label, _) in enumerate(fields)
    ]
    values = [
        Run(f" {value}", 190, 300 - 13 * n - 0.1, 9.5, width=120, space=2.4)
        for n, (_, value) in enumerate(fields)
    ]
    lines = [line.text for line in page_lines([*labels, *values], 842)]
    assert lines == [f"{label} {value}" for label, value in fields]
