"""The Word loader, on files python-docx builds: heading styles as sections, tables as text."""

from __future__ import annotations

import zipfile
from itertools import pairwise
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

from assistant.domain import LoadedDocument
from assistant.errors import DocumentLoadError
from indexing.loaders import load_document


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


def test_table_cells_are_paragraphs_and_merged_cells_come_once(report: LoadedDocument) -> None:
    assert "\n\nKommune\n\nInnbyggere\n\nSteinkjer\n\n24 000\n\nKilde: SSB\n\n" in report.text
    assert report.text.count("Kilde: SSB") == 1
    offset = report.text.index("Steinkjer")
    assert next(s.path for s in report.sections if s.start <= offset < s.end)[-1] == (
        "1.1 Bakgrunn"
    )


def test_list_items_keep_a_bullet(report: LoadedDocument) -> None:
    assert "\n\n- Holdninger betyr mest.\n\n" in report.text


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
