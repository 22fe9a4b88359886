"""The Word loader, on files python-docx builds: heading styles as sections, tables as text."""

from __future__ import annotations

import datetime
import zipfile
from itertools import pairwise
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

from assistant.domain import LoadedDocument
from assistant.errors import DocumentLoadError
from indexing.catalogue import Catalogue
from indexing.loaders import load_document
from indexing.pipeline import build_record
from tests.docx_factory import add_footnotes, footnote_reference, list_item


def build_report(path: Path) -> Path:
    """A report with English and Norwegian heading styles, a list and a merged-cell table."""
    document = docx.Document()
    document.core_properties.title = "Kommunen som playmaker"
    document.add_paragraph("Notat fra Nord universitet.")
    document.add_heading("1 INNLEDNING", level=1)
    document.add_paragraph("Kommunene i Trøndelag samarbeider med ReSeNS om næringsutvikling.")
    document.add_heading("1.1 Bakgrunn", level=2)
    document.add_paragraph("Velferdspolitikken er i endring.")
    document.add_paragraph("Holdninger betyr mest.", style="List Bullet")
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).text = "Kommune"
    table.cell(0, 1).text = "Innbyggere"
    table.cell(1, 0).text = "Steinkjer"
    table.cell(1, 1).text = "24 000"
    merged = table.cell(2, 0).merge(table.cell(2, 1))
    merged.text = "Kilde: SSB"
    norwegian = document.styles.add_style("Overskrift 1", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("2 Funn fra prosjektet", style=norwegian)
    document.add_paragraph("Kommunen bør ta rollen som playmaker.")
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> LoadedDocument:
    return load_document(build_report(tmp_path_factory.mktemp("docx") / "rapport.docx"))


def test_heading_styles_become_section_paths(report: LoadedDocument) -> None:
    assert [s.path for s in report.sections] == [
        [],
        ["1 Innledning"],
        ["1 Innledning", "1.1 Bakgrunn"],
        ["2 Funn fra prosjektet"],
    ]
    first = report.sections[1]
    assert report.text[first.start : first.end].startswith("1 Innledning\n\nKommunene")


def test_a_table_row_is_a_sentence_naming_each_figures_column_and_merged_cells_come_once(
    report: LoadedDocument,
) -> None:
    assert "\n\nSteinkjer: Innbyggere 24 000.\n\nKilde: SSB.\n\n" in report.text
    assert report.text.count("Kilde: SSB") == 1
    offset = report.text.index("Steinkjer")
    assert next(s.path for s in report.sections if s.start <= offset < s.end)[-1] == (
        "1.1 Bakgrunn"
    )


def test_a_table_laying_out_paragraphs_keeps_each_cell_a_paragraph(tmp_path: Path) -> None:
    document = docx.Document()
    layout = document.add_table(rows=2, cols=2)
    texts = [
        "Kommunen har i flere år arbeidet med å styrke samarbeidet med næringslivet i regionen.",
        "Frivilligheten har fått en større plass i arbeidet med lokal utvikling de siste årene.",
        "Næringsforeningen ønsker at kommunen tar en tydeligere rolle som brobygger fremover.",
        "Ungdomsrådet ble invitert til å delta i arbeidet med den nye næringsplanen i år.",
    ]
    for cell, text in zip(layout._cells, texts, strict=True):
        cell.text = text
    document.save(str(tmp_path / "layout.docx"))
    loaded = load_document(tmp_path / "layout.docx")
    assert loaded.text.split("\n\n") == texts


def test_a_caption_in_bold_heads_no_section(tmp_path: Path) -> None:
    """Word's caption style is bold: "Figure 1. ..." under a chart is the chart's caption,
    and the paragraph after it stays in the chapter."""
    document = docx.Document()
    document.add_heading("3 The region in figures", level=1)
    document.add_paragraph("Figure 1. Business fund budgets by municipality, 2024", "Caption")
    after = "Mjøsli has the largest fund per inhabitant, Strandvik the smallest."
    document.add_paragraph(after)
    document.save(str(tmp_path / "brief.docx"))
    loaded = load_document(tmp_path / "brief.docx")
    assert [section.path for section in loaded.sections] == [["3 The region in figures"]]
    assert loaded.text.endswith(f"Figure 1. Business fund budgets by municipality, 2024\n\n{after}")


def test_a_table_of_labels_and_values_reads_each_label_with_its_value(tmp_path: Path) -> None:
    """A case document's heading table ("Arkiv: | FE-243") has no header row: the first
    label names no column of the others."""
    document = docx.Document()
    fields = [
        ("Saksbehandlar:", "Ingrid Flatebø, næringsrådgjevar"),
        ("Arkiv:", "FE-243"),
        ("Arkivsaksnr.:", "24/1187"),
        ("Dato:", "14.05.2025"),
    ]
    table = document.add_table(rows=len(fields), cols=2)
    for row, (label, value) in zip(table.rows, fields, strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    document.add_paragraph("Kommunestyret tek statusrapporten for næringsfondet til orientering.")
    document.save(str(tmp_path / "sak.docx"))
    paragraphs = load_document(tmp_path / "sak.docx").text.split("\n\n")
    assert paragraphs[:4] == [
        "Saksbehandlar: Ingrid Flatebø, næringsrådgjevar.",
        "Arkiv: FE-243.",
        "Arkivsaksnr.: 24/1187.",
        "Dato: 14.05.2025.",
    ]


def test_list_items_keep_a_bullet(report: LoadedDocument) -> None:
    assert "\n\n- Holdninger betyr mest.\n\n" in report.text


def test_word_list_and_heading_numbers_come_back_as_word_shows_them(tmp_path: Path) -> None:
    """A numbered list keeps its numbers (letters under them), counted on across the list and
    started again under each item above; headings numbered by Word's outline list get their
    numbers in the section path; a bullet list keeps a bullet."""
    document = docx.Document()
    list_item(document, "Innledning", 0, "outline", style="Heading 1")
    document.add_paragraph("Kommunestyret vedtar:")
    list_item(document, "Etablere et fast samarbeid.", 0, "number")
    list_item(document, "med to møter i året", 1, "number")
    list_item(document, "med en felles plan", 1, "number")
    list_item(document, "Publisere en innkjøpsplan.", 0, "number")
    list_item(document, "med kurs for leverandører", 1, "number")
    list_item(document, "Lokale leverandører først.", 0, "bullet")
    list_item(document, "Bakgrunn", 1, "outline", style="Heading 2")
    document.add_paragraph("Planen bygger på tre tiltak.")
    document.add_paragraph("Tilby leverandørkurs.", style="List Number")  # the template's own
    document.add_paragraph("Dele opp kontrakter.", style="List Number")
    list_item(document, "Funn", 0, "outline", style="Heading 1")
    document.add_paragraph("Kommunen er en brobygger.")
    path = tmp_path / "vedtak.docx"
    document.save(str(path))

    loaded = load_document(path)

    assert (
        "1. Etablere et fast samarbeid.\n\na. med to møter i året\n\nb. med en felles plan\n\n"
        "2. Publisere en innkjøpsplan.\n\na. med kurs for leverandører\n\n"
        "- Lokale leverandører først."
    ) in loaded.text
    assert "1. Tilby leverandørkurs.\n\n2. Dele opp kontrakter." in loaded.text
    assert [section.path for section in loaded.sections] == [
        ["1 Innledning"],
        ["1 Innledning", "1.1 Bakgrunn"],
        ["2 Funn"],
    ]


def test_a_word_file_has_no_pages_but_has_its_title(report: LoadedDocument) -> None:
    assert report.pages == [] and report.page_count is None
    assert all(s.page is None for s in report.sections)
    assert report.title == "Kommunen som playmaker"


def test_sections_cover_the_text_in_order(report: LoadedDocument) -> None:
    sections = report.sections
    assert sections[0].start == 0 and sections[-1].end == len(report.text)
    assert all(a.end == b.start for a, b in pairwise(sections))


def test_a_damaged_word_file_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "skadet.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DocumentLoadError, match=r"^skadet\.docx: not a readable Word file"):
        load_document(path)


def test_a_zip_that_is_no_word_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "arkiv.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hei.txt", "hei")
    with pytest.raises(DocumentLoadError, match=r"^arkiv\.docx: not a readable Word file"):
        load_document(path)


def test_an_empty_word_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tom.docx"
    docx.Document().save(str(path))
    with pytest.raises(DocumentLoadError, match=r"^tom\.docx: no text"):
        load_document(path)


# --- a report as Word users write one -----------------------------------------------------

NOTE_ONE = "Reformen ble vedtatt i Stortinget i 2017."


def build_library_report(path: Path) -> Path:
    """A bokmål plan: core properties, footnotes of both kinds, a bibliography, citations."""
    document = docx.Document()
    properties = document.core_properties
    properties.title = "Næringsplan for Snåsa 2024–2028"
    properties.author = "Kari Nordmann; Ola Hansen"
    properties.created = datetime.datetime(2024, 2, 1, tzinfo=datetime.UTC)
    document.add_heading("Forord", level=1)
    document.add_paragraph("Denne planen er laget av kommunen sammen med næringslivet i bygda.")
    document.add_heading("1 Innledning", level=1)
    first = document.add_paragraph(
        "Kommunen skal være en playmaker i næringsutviklingen, slik Stene og Mørkved beskriver"
    )
    first.add_run(" det (Stene & Mørkved, 2019). Planen bygger på reformen")
    footnote_reference(first, "1")
    first.add_run(" og på erfaringer fra samarbeid med frivilligheten.")
    document.add_heading("2 Tiltak", level=1)
    second = document.add_paragraph("Fondet for næringsutvikling skal økes til to millioner")
    marker = second.add_run("2")
    marker.font.superscript = True
    second.add_run(" kroner i perioden, og samstyring skal prøves ut (Røiseland & Vabo, 2016).")
    third = document.add_paragraph("Tiltakene følges opp hvert år.")
    third.add_run("3").font.superscript = True
    document.add_heading("Litteratur", level=1)
    document.add_paragraph(
        "Røiseland, A., & Vabo, S. I. (2016). Styring og samstyring: governance på norsk "
        "(2. utg.). Bergen: Fagbokforlaget."
    )
    document.add_paragraph(
        "Stene, M., & Mørkved, B. P. (2019). Kommunen sin framtidige næringsutviklingsrolle "
        "(Arbeidsnotat nr. 2). Bodø: Nord universitet."
    )
    document.add_heading("Noter", level=1)
    document.add_paragraph("2. Beløpet gjelder hele planperioden, ikke hvert år.")
    # A note numbered as Word users set them by hand: the number in superscript.
    numbered = document.add_paragraph()
    numbered.add_run("3").font.superscript = True
    numbered.add_run(" Oppfølgingen rapporteres til formannskapet.")
    add_footnotes(document, {"1": NOTE_ONE})
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def library_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_library_report(tmp_path_factory.mktemp("docx") / "naeringsplan.docx")


def test_core_properties_give_title_authors_and_year(library_report: Path) -> None:
    document = load_document(library_report)
    assert document.title == "Næringsplan for Snåsa 2024–2028"
    assert document.authors == ["Kari Nordmann", "Ola Hansen"]
    assert document.year == 2024
    assert document.language == "nb"


def test_footnotes_leave_no_digits_and_follow_their_section(library_report: Path) -> None:
    document = load_document(library_report)
    assert "bygger på reformen og på erfaringer" in document.text
    assert "to millioner kroner i perioden" in document.text
    notes = {
        "Fotnote 1: " + NOTE_ONE: ["1 Innledning"],
        "Fotnote 2: Beløpet gjelder hele planperioden, ikke hvert år.": ["2 Tiltak"],
        "Fotnote 3: Oppfølgingen rapporteres til formannskapet.": ["2 Tiltak"],
    }
    for note, path in notes.items():
        offset = document.text.index(note)
        assert next(s.path for s in document.sections if s.start <= offset < s.end) == path
    assert not any("Noter" in s.path for s in document.sections)


@pytest.mark.parametrize(
    ("language", "body", "note", "label"),
    [
        (
            "en",
            "The municipality acts as a playmaker for business and the voluntary sector",
            "The agreement was signed by all four mayors in March.",
            "Footnote",
        ),
        (
            "sv",
            "Kommunen är en brobyggare mellan näringslivet och det civila samhället",
            "Avtalet undertecknades av alla fyra kommunalråden i mars.",
            "Fotnot",
        ),
    ],
)
def test_a_footnote_is_labelled_in_the_documents_language(
    tmp_path: Path, language: str, body: str, note: str, label: str
) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph(f"{body}, and the plan says so")
    footnote_reference(paragraph, "1")
    paragraph.add_run(". " + " ".join([body + "."] * 3))
    add_footnotes(document, {"1": note})
    path = tmp_path / f"{language}.docx"
    document.save(str(path))

    loaded = load_document(path)

    assert loaded.language == language
    assert f"{label} 1: {note}" in loaded.text


def test_the_bibliography_and_citations_are_found(library_report: Path) -> None:
    document = load_document(library_report)
    catalogue = Catalogue([], library_report.parent)
    entry = catalogue.entry_for_file(library_report)
    record = build_record(library_report, entry, document, catalogue, "hash")
    assert sorted((r.authors[0], r.year) for r in record.references) == [
        ("Røiseland, A.", "2016"),
        ("Stene, M.", "2019"),
    ]
    linked = {tuple(c.reference_ids) for c in record.citations}
    assert linked == {(r.id,) for r in record.references}
    assert all(c.section_path != ["Litteratur"] for c in record.citations)


def test_short_bold_paragraphs_are_headings_and_bold_sentences_are_not(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("1 Tiltak", level=1)
    document.add_paragraph().add_run("Tiltak for unge gründere").bold = True
    document.add_paragraph("Kommunen gir støtte til unge som starter egen bedrift i bygda.")
    document.add_paragraph().add_run("Dette er viktig for oss alle.").bold = True
    document.add_paragraph().add_run("1.1 Fondet").bold = True
    document.add_paragraph("Fondet har to millioner kroner til fordeling hvert år.")
    path = tmp_path / "fet.docx"
    document.save(str(path))
    loaded = load_document(path)
    assert [s.path for s in loaded.sections] == [
        ["1 Tiltak"],
        ["1 Tiltak", "Tiltak for unge gründere"],
        ["1 Tiltak", "1.1 Fondet"],
    ]
    assert "\n\nDette er viktig for oss alle.\n\n" in loaded.text


def test_a_contents_typed_as_paragraphs_is_left_out(tmp_path: Path) -> None:
    """A contents list written by hand (or with page numbers after a tab) under "Innhold" is
    no text of the report: its entries are the headings that follow."""
    document = docx.Document()
    document.add_paragraph("Strategisk næringsplan for Nordvik")
    document.add_paragraph().add_run("Innhold").bold = True
    for entry in ("Forord", "1 Innledning", "    1.1 Bakgrunn\t4", "2 Næringsfond"):
        document.add_paragraph(entry)
    document.add_heading("Forord", level=1)
    document.add_paragraph("Planen er laget sammen med næringslivet i kommunen gjennom et år.")
    document.add_heading("1 Innledning", level=1)
    document.add_heading("1.1 Bakgrunn", level=2)
    document.add_paragraph("Nordvik har mistet arbeidsplasser i industrien de siste årene.")
    document.add_heading("2 Næringsfond", level=1)
    document.add_paragraph("Fondet har to millioner kroner til fordeling hvert år.")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    loaded = load_document(path)
    assert "Innhold" not in loaded.text
    assert loaded.text.count("1 Innledning") == 1
    assert [s.path for s in loaded.sections] == [
        [],
        ["Forord"],
        ["1 Innledning"],
        ["1 Innledning", "1.1 Bakgrunn"],
        ["2 Næringsfond"],
    ]


def test_a_heading_named_contents_over_text_is_kept(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Innhold", level=1)
    document.add_paragraph("Kort om planen.")
    document.add_paragraph("Hva fondet gir.")
    document.add_heading("1 Fondet", level=1)
    document.add_paragraph("Fondet har to millioner kroner til fordeling hvert år.")
    path = tmp_path / "kort.docx"
    document.save(str(path))
    assert "Kort om planen." in load_document(path).text


def test_words_own_contents_entries_are_left_out(tmp_path: Path) -> None:
    document = docx.Document()
    entry = document.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("1 Fondet\t3", style=entry)
    document.add_heading("1 Fondet", level=1)
    document.add_paragraph("Fondet har to millioner kroner til fordeling hvert år.")
    path = tmp_path / "toc.docx"
    document.save(str(path))
    loaded = load_document(path)
    assert loaded.text.count("1 Fondet") == 1
    assert [s.path for s in loaded.sections] == [["1 Fondet"]]


def test_a_templates_title_and_a_login_give_way_to_what_the_document_prints(
    tmp_path: Path,
) -> None:
    """Word keeps a template's title ("Mall för rapport") and the writer's login in the core
    properties: the title paragraph the document prints is its title, and a login no author."""
    word = docx.Document()
    word.add_paragraph("Utvärdering av projektet Företagslyft", style="Title")
    word.add_paragraph("Projektet stödde små företag i kommunen under tre år.")
    word.core_properties.title = "Mall för rapport"
    word.core_properties.author = "alind"
    path = tmp_path / "foretagslyft.docx"
    word.save(str(path))
    document = load_document(path)
    assert document.title == "Utvärdering av projektet Företagslyft"
    assert document.authors == []


def test_a_case_documents_fields_sign_it_where_the_properties_name_no_one(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("Saksframlegg: ramme for næringsfondet", style="Title")
    word.add_paragraph("Saksbehandler: Ingrid Lie, næringsrådgiver")
    word.add_paragraph("Kommunestyret vedtar en ramme på 2 millioner kroner i året.")
    word.core_properties.author = ""
    path = tmp_path / "saksframlegg.docx"
    word.save(str(path))
    assert load_document(path).authors == ["Ingrid Lie"]
    word.core_properties.author = "Kari Nordmann"
    word.save(str(path))
    assert load_document(path).authors == ["Kari Nordmann"]
