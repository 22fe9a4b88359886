"""The reports of `tests.report_texts` printed by programs other than fpdf2.

- `reportlab_pdf`: reportlab's page layout engine (platypus), as report generators and
  layout tools write PDFs: one or two columns, justified text, running headers that differ on
  odd and even pages, footers such as ``– 7 –`` or ``7 | Evaluation 2023``, a contents page
  with dot leaders, superscript footnote markers with the notes at the page foot, roman page
  labels for the front matter, a table, and a reference list with hanging indents.
- `word_pdf`: a Word file with Word's own styles (Title, Heading 1 and 2, TOC entries with
  dot-leader tabs, real footnotes, PAGE fields in odd and even footers) printed to PDF by
  LibreOffice (``soffice --headless --convert-to pdf``), as most municipal reports are made.
- `chromium_pdf`: an HTML report (as a static site generator or pandoc writes one: a cover, a
  contents list of links without page numbers, numbered headings, a table, notes as raised
  links gathered at the end of each chapter or of the document, a reference list) printed by
  headless Chromium, with Chromium's own header and footer (date, title, file URL, ``2/7``)
  or with running headers and footers from CSS page-margin boxes.
- `typst_pdf`: the report typeset by Typst (the `typst` package), as research institutes'
  toolchains set one: justified, hyphenated text, footnote markers in the font's superscript
  figures, a colophon drawn as a grid, a contents page with dot leaders on a grid, one or two
  columns with the notes at each column's foot.

`Expectation` says what a reader of either file must get back. Each function writes the file
and returns its path.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from indexing.loaders._structure import table_rows, to_roman
from tests.docx_factory import add_footnotes, footnote_reference
from tests.report_texts import SHY, Block, Heading, Report, Table

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {
    "Serif": "DejaVuSerif.ttf",
    "Serif-Bold": "DejaVuSerif-Bold.ttf",
    "Sans": "DejaVuSans.ttf",
    "Sans-Bold": "DejaVuSans-Bold.ttf",
}
HAS_FONTS = all((DEJAVU / name).is_file() for name in FONTS.values())
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
_NOTE = re.compile(r"\[\^(\w+)\]")
_LIGATURES = {"ﬁ": "fi", "ﬂ": "fl"}

# How a chapter heading is printed: "1 Innledning", "Kapittel 1 Innledning", "1 INNLEDNING".
CHAPTER_STYLES = ("number", "word", "capitals")


def chapter_heading(report: Report, heading: Heading, style: str) -> str:
    """A heading as the printed page shows it."""
    if heading.number is None:
        return heading.title
    if heading.level > 1 or style == "number":
        return f"{heading.number} {heading.title}"
    if style == "word":
        return f"{report.chapter_word} {heading.number} {heading.title}"
    return f"{heading.number} {heading.title.upper()}"


def plain_text(text: str) -> str:
    """What a reader reads: no markers, no soft hyphens, ligatures spelled out."""
    text = _NOTE.sub("", text).replace(SHY, "")
    return "".join(_LIGATURES.get(char, char) for char in text)


# --- what a reader must get back ----------------------------------------------------------


@dataclass(frozen=True)
class Expectation:
    """What the printed report holds, as a reader of the file should get it back."""

    sentences: list[str]
    # The first sentence of each paragraph and the section path it stands under.
    paths: list[tuple[str, list[str]]]
    # Each note: its number, its body, the path of the section citing it, the word before it.
    notes: list[tuple[str, str, list[str], str]]
    # Running headers and footers: page numbers as {page}, a page count as {pages}, a printing
    # date as {date}, the printed file's address as {url}, the current chapter as {chapter}.
    furniture: list[str]
    contents: list[str]  # the headings the contents page lists
    references: int
    title: str
    authors: list[str]
    # Each table's rows of cells, the header first.
    tables: list[tuple[tuple[str, ...], ...]] = field(default_factory=list)

    @property
    def table_sentences(self) -> list[str]:
        """Each table row as a reader gets it: one sentence naming each figure's column."""
        return [sentence for rows in self.tables for sentence in table_rows(rows)]


# How the placeholders of a furniture line are printed.
_PLACEHOLDERS = {
    "{page}": r"[ivxlcdm\d]{1,4}",
    "{pages}": r"\d{1,4}",
    "{date}": r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4},? \d{1,2}:\d{2}(?: ?[AP]M)?",
    "{url}": r"(?:file|\ufb01le|https?)://\S+",
}


def furniture_left(text: str, expected: Expectation) -> list[str]:
    """The running headers and footers a reader still finds in ``text``.

    A line with a date or an address is found wherever it stands; a plain one (a title as
    running header) only as a line of its own, since the text says it too; the chapter as
    running header (``{chapter}``) where a heading stands more than once.
    """
    lines = [line.strip() for line in text.split("\n")]
    left: list[str] = []
    for furniture in expected.furniture:
        if furniture == "{chapter}":
            left += [title for title in expected.contents for _ in range(lines.count(title) - 1)]
            continue
        pattern = furniture_pattern(furniture)
        anywhere = "{date}" in furniture or "{url}" in furniture
        left += [line for line in lines if (re.search if anywhere else re.fullmatch)(pattern, line)]
    return left


def furniture_pattern(line: str) -> str:
    """A regular expression for a running header or footer with placeholders."""
    pattern = re.escape(line)
    for placeholder, printed in _PLACEHOLDERS.items():
        pattern = pattern.replace(re.escape(placeholder), printed)
    return pattern


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])")


def expectation(
    report: Report,
    style: str,
    furniture: tuple[str, ...] | None = None,
    chapter_headers: bool = False,
) -> Expectation:
    """What the report printed with chapter headings in ``style`` holds (with the report's own
    running headers and footers unless ``furniture`` says which the producer printed)."""
    sentences: list[str] = []
    paths: list[tuple[str, list[str]]] = []
    notes: list[tuple[str, str, list[str], str]] = []
    path: list[str] = []
    contents: list[str] = []
    tables: list[tuple[tuple[str, ...], ...]] = []
    for block in (*report.front, *report.body):
        if isinstance(block, Heading):
            # A section is named by its number and title, however the page prints them.
            named = f"{block.number} {block.title}" if block.number else block.title
            path = [*path[: block.level - 1], named]
            contents.append(chapter_heading(report, block, style))
            continue
        if isinstance(block, Table):
            tables.append(block.rows)
            continue
        text = plain_text(block)
        parts = _SENTENCE_END.split(text)
        sentences.extend(parts)
        paths.append((parts[0], list(path)))
        for match in _NOTE.finditer(block):
            before = _NOTE.sub("", block[: match.start()]).split()[-1].strip(".,;:")
            notes.append((match.group(1), report.notes[match.group(1)], list(path), before))
    contents.append(report.references_heading)
    if furniture is None:
        odd = "{chapter}" if chapter_headers else report.header_odd
        furniture = (odd, report.header_even, report.footer_odd, report.footer_even)
    return Expectation(
        sentences=sentences,
        paths=paths,
        notes=notes,
        furniture=list(dict.fromkeys(furniture)),
        contents=contents,
        references=len(report.references),
        title=report.title,
        authors=list(report.authors),
        tables=tables,
    )


# --- reportlab ----------------------------------------------------------------------------


def reportlab_pdf(
    path: Path,
    report: Report,
    columns: int = 2,
    style: str = "word",
    metadata: bool = True,
    chapter_headers: bool = False,
) -> Path:
    """The report laid out by reportlab's platypus (see the module docstring).

    With ``chapter_headers`` the odd pages' running header is the chapter the page opens in
    (as books set it), so it changes from chapter to chapter.
    """
    from reportlab.lib.pagesizes import A4

    layout = _ReportlabLayout(report, columns, style, chapter_headers)
    doc = layout.template(path, metadata)
    doc.multiBuild(layout.story())
    del A4
    return path


class _ReportlabLayout:
    """Page templates, styles and the story of one report."""

    def __init__(self, report: Report, columns: int, style: str, chapter_headers: bool) -> None:
        from reportlab.lib.enums import TA_JUSTIFY
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.units import cm
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name, file in FONTS.items():
            pdfmetrics.registerFont(TTFont(f"DejaVu{name}", str(DEJAVU / file)))
        self.report, self.columns, self.style, self.cm = report, columns, style, cm
        self.body = ParagraphStyle(
            "body",
            fontName="DejaVuSerif",
            fontSize=10,
            leading=13.5,
            alignment=TA_JUSTIFY,
            spaceAfter=6,
            embeddedHyphenation=1,
        )
        self.h1 = ParagraphStyle(
            "h1", fontName="DejaVuSans-Bold", fontSize=15, leading=19, spaceBefore=10, spaceAfter=8
        )
        self.h2 = ParagraphStyle(
            "h2", fontName="DejaVuSans-Bold", fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=4
        )
        self.caption = ParagraphStyle(
            "caption", parent=self.body, fontName="DejaVuSans", fontSize=8.5, leading=11
        )
        self.reference = ParagraphStyle(
            "reference", parent=self.body, leftIndent=18, firstLineIndent=-18, alignment=0
        )
        self.notes_by_page: dict[int, list[str]] = {}
        self.body_first_page = 0
        self.chapter_headers = chapter_headers
        self.chapter: str | None = None  # the last chapter heading drawn

    # page furniture

    def label(self, page: int) -> str:
        """The printed number of physical page ``page`` (from 1)."""
        if self.body_first_page and page >= self.body_first_page:
            return str(page - self.body_first_page + 1)
        return to_roman(page)

    def template(self, path: Path, metadata: bool) -> Any:
        from reportlab.lib.pagesizes import A4
        from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

        cm = self.cm
        width, height = A4
        left, right, top, bottom, notes = 2.4 * cm, 2.4 * cm, 2.6 * cm, 2.2 * cm, 2.2 * cm
        inner = width - left - right
        info: dict[str, Any] = {}
        if metadata:
            info = {"title": self.report.title, "author": ", ".join(self.report.authors)}

        layout = self

        class Doc(BaseDocTemplate):
            def afterFlowable(self, flowable: Any) -> None:
                level = getattr(flowable, "toc_level", None)
                if level is not None:
                    text = flowable.getPlainText()
                    if level == 0:
                        layout.chapter = text
                    self.notify("TOCEntry", (level, text, self.page))

        doc = Doc(
            str(path),
            pagesize=A4,
            leftMargin=left,
            rightMargin=right,
            topMargin=top,
            bottomMargin=bottom,
            creator="Report generator",
            **info,
        )
        full = Frame(left, bottom + notes, inner, height - top - bottom - notes, id="full")
        gap = 0.8 * cm
        column = (inner - gap) / 2
        pair = [
            Frame(left, bottom + notes, column, height - top - bottom - notes, id="left"),
            Frame(
                left + column + gap, bottom + notes, column, height - top - bottom - notes, id="r"
            ),
        ]
        body_frames = pair if self.columns == 2 else [full]
        doc.addPageTemplates(
            [
                PageTemplate("cover", [full], onPage=self.cover_page),
                PageTemplate("front", [full], onPage=self.furniture, onPageEnd=self.footnotes),
                PageTemplate("body", body_frames, onPage=self.body_page, onPageEnd=self.footnotes),
            ]
        )
        self.width, self.height, self.left, self.inner = width, height, left, inner
        self.bottom = bottom
        return doc

    def cover_page(self, canvas: Any, doc: Any) -> None:

        canvas.addPageLabel(0, "ROMAN_LOWER", 1)
        canvas.setNamedCB("note", self.note_cited)
        self.chapter = None  # each pass of the build starts anew
        report, cm = self.report, self.cm
        canvas.setFont("DejaVuSans-Bold", 11)
        canvas.drawString(self.left, self.height - 4 * cm, report.series.upper())
        canvas.setFont("DejaVuSans-Bold", 24)
        canvas.drawString(self.left, self.height - 9 * cm, report.title)
        canvas.setFont("DejaVuSans", 13)
        for row, author in enumerate(report.authors):
            canvas.drawString(self.left, self.height - (11 + 0.8 * row) * cm, author)
        canvas.setFont("DejaVuSans", 11)
        canvas.drawString(self.left, 4 * cm, report.publisher)
        canvas.drawString(self.left, 3.4 * cm, report.place_year)

    def body_page(self, canvas: Any, doc: Any) -> None:

        if not self.body_first_page:
            self.body_first_page = doc.page
        if doc.page == self.body_first_page:  # on every pass: each pass draws a new canvas
            canvas.addPageLabel(doc.page - 1, "ARABIC", 1)
        self.furniture(canvas, doc)

    def furniture(self, canvas: Any, doc: Any) -> None:
        canvas.setNamedCB("note", self.note_cited)
        self.notes_by_page[doc.page] = []  # each pass of the build draws the page anew
        report, cm = self.report, self.cm
        odd = doc.page % 2 == 1
        canvas.setFont("DejaVuSans", 8.5)
        header = report.header_odd if odd else report.header_even
        if odd and self.chapter_headers and self.chapter:
            header = self.chapter
        top = self.height - 1.6 * cm
        if odd:
            canvas.drawRightString(self.left + self.inner, top, header)
        else:
            canvas.drawString(self.left, top, header)
        canvas.setLineWidth(0.4)
        canvas.line(self.left, top - 4, self.left + self.inner, top - 4)
        footer = (report.footer_odd if odd else report.footer_even).format(
            page=self.label(doc.page)
        )
        canvas.setFont("DejaVuSans", 9)
        if footer.startswith("–"):
            canvas.drawCentredString(self.width / 2, 1.3 * cm, footer)
        elif odd:
            canvas.drawRightString(self.left + self.inner, 1.3 * cm, footer)
        else:
            canvas.drawString(self.left, 1.3 * cm, footer)

    def note_cited(self, canvas: Any, kind: str, label: str) -> None:
        self.notes_by_page.setdefault(canvas.getPageNumber(), []).append(label)

    def footnotes(self, canvas: Any, doc: Any) -> None:
        """The notes cited on this page, at its foot: raised number, then the text."""
        from reportlab.lib.utils import simpleSplit

        notes = self.notes_by_page.get(doc.page, [])
        if not notes:
            return
        y = self.bottom + 1.6 * self.cm
        canvas.setLineWidth(0.4)
        canvas.line(self.left, y + 10, self.left + 4 * self.cm, y + 10)
        for label in notes:
            lines = simpleSplit(self.report.notes[label], "DejaVuSerif", 8, self.inner - 10)
            text = canvas.beginText(self.left, y)
            text.setFont("DejaVuSerif", 5.5)
            text.setRise(3)
            text.textOut(label)
            text.setRise(0)
            text.setFont("DejaVuSerif", 8)
            text.textOut(" " + lines[0])
            canvas.drawText(text)
            for line in lines[1:]:
                y -= 10
                canvas.drawString(self.left + 6, y, line)
            y -= 11

    # the story

    def story(self) -> list[Any]:
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.platypus import NextPageTemplate, PageBreak, Paragraph
        from reportlab.platypus.tableofcontents import TableOfContents

        report = self.report
        flow: list[Any] = [NextPageTemplate("front"), PageBreak()]
        colophon = ParagraphStyle("colophon", parent=self.caption, spaceBefore=0, spaceAfter=2)
        flow += [Paragraph(line, colophon) for line in report.colophon]
        flow += [PageBreak(), Paragraph(report.contents_heading, self.h1)]
        toc = TableOfContents(dotsMinLevel=0, formatter=self.label)
        toc.levelStyles = [
            ParagraphStyle("toc1", fontName="DejaVuSerif", fontSize=10, leading=15),
            ParagraphStyle("toc2", fontName="DejaVuSerif", fontSize=10, leading=14, leftIndent=14),
        ]
        flow += [toc, PageBreak()]
        flow += self.blocks(report.front)
        flow += [NextPageTemplate("body"), PageBreak()]
        flow += self.blocks(report.body)
        flow += [self.heading(report.references_heading, 0, self.h1)]
        flow += [Paragraph(_escape(entry), self.reference) for entry in report.references]
        return flow

    def blocks(self, blocks: tuple[Block, ...]) -> Iterator[Any]:
        from reportlab.lib import colors
        from reportlab.platypus import Paragraph, Spacer
        from reportlab.platypus import Table as RlTable

        for block in blocks:
            if isinstance(block, Heading):
                style = self.h1 if block.level == 1 else self.h2
                text = chapter_heading(self.report, block, self.style)
                yield self.heading(text, block.level - 1, style)
            elif isinstance(block, Table):
                yield Paragraph(_escape(block.caption), self.caption)
                table = RlTable([list(row) for row in block.rows])
                table.setStyle(
                    [
                        ("FONT", (0, 0), (-1, -1), "DejaVuSans", 8.5),
                        ("FONT", (0, 0), (-1, 0), "DejaVuSans-Bold", 8.5),
                        ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
                        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                    ]
                )
                yield table
                yield Spacer(1, 8)
            else:
                yield Paragraph(_markup(block), self.body)

    def heading(self, text: str, level: int, style: Any) -> Any:
        from reportlab.platypus import Paragraph

        paragraph = Paragraph(_escape(text), style)
        paragraph.toc_level = level
        return paragraph


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _markup(text: str) -> str:
    """A paragraph for reportlab: markers raised, each noting where it was drawn."""
    return _NOTE.sub(
        lambda m: f'<super>{m.group(1)}</super><onDraw name="note" label="{m.group(1)}"/>',
        _escape(text),
    )


# --- Word through LibreOffice -------------------------------------------------------------


def word_pdf(path: Path, report: Report, style: str = "number", metadata: bool = True) -> Path:
    """The report written as a Word file and printed to PDF by LibreOffice."""
    if SOFFICE is None:
        raise RuntimeError(
            "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"
        )
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        draft = _convert(_word_file(folder / "draft.docx", report, style, metadata, {}), folder)
        pages = _heading_pages(draft, report, style)
        final = _convert(_word_file(folder / path.stem, report, style, metadata, pages), folder)
        shutil.move(final, path)
    return path


def print_word(document: Any, path: Path) -> Path:
    """A python-docx document saved and printed to PDF by LibreOffice at ``path``."""
    if SOFFICE is None:
        raise RuntimeError(
            "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"
        )
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        source = folder / f"{path.stem}.docx"
        document.save(str(source))
        shutil.move(_convert(source, folder), path)
    return path


def _convert(docx_path: Path, folder: Path) -> Path:
    profile = folder / "profile"
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return folder / f"{docx_path.stem}.pdf"


def _heading_pages(pdf: Path, report: Report, style: str) -> dict[str, str]:
    """The printed page of each heading of the draft: body pages count from 1."""
    from pypdf import PdfReader

    texts = [page.extract_text() or "" for page in PdfReader(pdf).pages]
    titles = expectation(report, style).contents
    pages: dict[str, str] = {}
    found: dict[str, int] = {}
    body_start = None
    for index, text in enumerate(texts[3:], start=3):  # cover, colophon, contents
        lines = [" ".join(line.split()) for line in text.split("\n")]
        for title in titles:
            if title not in found and title in lines:
                first_body = chapter_heading(report, report.body[0], style)  # type: ignore[arg-type]
                if title == first_body:
                    body_start = index
                found[title] = index
    for title, number in found.items():
        pages[title] = (
            str(number - body_start + 1)
            if body_start is not None and number >= body_start
            else to_roman(number + 1)
        )
    return pages


def _word_file(
    path: Path, report: Report, style: str, metadata: bool, pages: dict[str, str]
) -> Path:
    import docx
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Cm, Pt

    document = docx.Document()
    path = path.with_suffix(".docx")
    if metadata:
        document.core_properties.title = report.title
        document.core_properties.author = "; ".join(report.authors)
    else:
        document.core_properties.title = ""
        document.core_properties.author = "python-docx"
    normal = document.styles["Normal"]
    normal.font.name = "DejaVu Serif"
    normal.font.size = Pt(10.5)
    for name in ("Title", "Heading 1", "Heading 2"):
        document.styles[name].font.name = "DejaVu Sans"
    # The cover: the title, the authors, the publisher; no header or footer.
    cover = document.sections[0]
    cover.different_first_page_header_footer = True
    document.add_paragraph(report.series.upper())
    document.add_paragraph(report.title, style="Title")
    for author in report.authors:
        document.add_paragraph(author)
    document.add_paragraph(f"{report.publisher}\n{report.place_year}")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for line in report.colophon:
        document.add_paragraph(line)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    # The contents: Word's TOC styles, a right tab with dot leaders, the page.
    document.add_paragraph(report.contents_heading, style="TOC Heading")
    width = Cm(16)
    for block in (*report.front, *report.body, Heading(report.references_heading)):
        if isinstance(block, Heading):
            title = chapter_heading(report, block, style)
            entry = document.add_paragraph(f"{title}\t{pages.get(title, '0')}")
            entry.paragraph_format.left_indent = Cm(0.6 * (block.level - 1))
            entry.paragraph_format.tab_stops.add_tab_stop(
                width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
            )
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _word_blocks(document, report, report.front, style)
    _page_numbers(document.sections[0], "lowerRoman", None)
    body = document.add_section(WD_SECTION.NEW_PAGE)
    body.different_first_page_header_footer = False
    _page_numbers(body, "decimal", 1)
    _word_blocks(document, report, report.body, style)
    document.add_heading(report.references_heading, level=1)
    for source in report.references:
        reference = document.add_paragraph(source)
        reference.paragraph_format.left_indent = Cm(0.8)
        reference.paragraph_format.first_line_indent = Cm(-0.8)
    _odd_even_furniture(document, report)
    add_footnotes(document, report.notes, numbered=True)
    document.save(str(path))
    return path


def _word_blocks(document: Any, report: Report, blocks: tuple[Block, ...], style: str) -> None:
    for block in blocks:
        if isinstance(block, Heading):
            document.add_heading(chapter_heading(report, block, style), level=block.level)
        elif isinstance(block, Table):
            document.add_paragraph(block.caption, style="Caption")
            table = document.add_table(rows=len(block.rows), cols=len(block.rows[0]))
            table.style = "Table Grid"
            for row, values in zip(table.rows, block.rows, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
            document.add_paragraph()
        else:
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.alignment = 3  # justified
            position = 0
            for match in _NOTE.finditer(block):
                paragraph.add_run(block[position : match.start()])
                footnote_reference(paragraph, match.group(1))
                position = match.end()
            paragraph.add_run(block[position:])


def _page_numbers(section: Any, kind: str, start: int | None) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    numbering = OxmlElement("w:pgNumType")
    numbering.set(qn("w:fmt"), kind)
    if start is not None:
        numbering.set(qn("w:start"), str(start))
    section._sectPr.append(numbering)


def _odd_even_furniture(document: Any, report: Report) -> None:
    """Headers and footers that differ on odd and even pages, the page number a PAGE field."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document.settings.odd_and_even_pages_header_footer = True
    for section in document.sections:
        for header, text, align in (
            (section.header, report.header_odd, WD_ALIGN_PARAGRAPH.RIGHT),
            (section.even_page_header, report.header_even, WD_ALIGN_PARAGRAPH.LEFT),
        ):
            header.is_linked_to_previous = False
            paragraph = header.paragraphs[0]
            paragraph.text = text
            paragraph.alignment = align
        for footer, text, align in (
            (section.footer, report.footer_odd, WD_ALIGN_PARAGRAPH.RIGHT),
            (section.even_page_footer, report.footer_even, WD_ALIGN_PARAGRAPH.LEFT),
        ):
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if text.startswith("–") else align
            before, _, after = text.partition("{page}")
            paragraph.add_run(before)
            _page_field(paragraph)
            paragraph.add_run(after)


def _page_field(paragraph: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


# --- HTML through Chromium ----------------------------------------------------------------

# What Chromium prints around each page when asked for its own header and footer: the date
# and the document's title at the top, the file's address and "page/pages" at the foot.
CHROMIUM_FURNITURE = ("{date} {title}", "{url} {page}/{pages}")
# Where the notes of an HTML report stand: at the end of each chapter, or all at the end.
NOTE_PLACES = ("chapter", "end")


def chromium_expectation(report: Report, style: str, furniture: str) -> Expectation:
    """What `chromium_pdf` prints with ``furniture`` ("chromium" or "css")."""
    if furniture == "css":
        return expectation(report, style)
    lines = tuple(line.replace("{title}", report.title) for line in CHROMIUM_FURNITURE)
    return expectation(report, style, lines)


def chromium_pdf(
    path: Path,
    report: Report,
    style: str = "number",
    furniture: str = "chromium",
    notes: str = "end",
) -> Path:
    """The report written as HTML and printed to PDF by headless Chromium.

    ``furniture`` "chromium" keeps Chromium's own header and footer; "css" turns them off
    and prints the report's headers and footers (odd and even pages) from page-margin boxes.
    ``notes`` "chapter" gathers each chapter's notes at its end in small type, "end" all at
    the document's end in the body's type (as a page without a print style sheet sets them).
    """
    return print_html(path, report_html(report, style, furniture, notes), furniture == "chromium")


def print_html(path: Path, html: str, own_furniture: bool = False) -> Path:
    """An HTML page printed to PDF by headless Chromium, with its own header and footer (date,
    title, address, page/pages) or none."""
    if CHROMIUM is None:
        raise RuntimeError("Chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as work:
        page = Path(work) / f"{path.stem}.html"
        page.write_text(html, encoding="utf-8")
        command = [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={Path(work) / 'profile'}",
            f"--print-to-pdf={path}",
        ]
        if not own_furniture:
            command.append("--no-pdf-header-footer")
        subprocess.run([*command, str(page)], check=True, capture_output=True, timeout=120)
    if not path.is_file():
        raise RuntimeError(f"Chromium printed no PDF to {path}")
    return path


def report_html(report: Report, style: str, furniture: str, notes: str) -> str:
    """The report as one HTML page styled for print."""
    from html import escape

    body: list[str] = [
        '<section class="cover">',
        f'<p class="series">{escape(report.series.upper())}</p>',
        f'<p class="title">{escape(report.title)}</p>',
        *(f'<p class="author">{escape(author)}</p>' for author in report.authors),
        f'<p class="publisher">{escape(report.publisher)}<br>{escape(report.place_year)}</p>',
        "</section>",
        '<section class="colophon">',
        *(f"<p>{escape(line)}</p>" for line in report.colophon),
        "</section>",
        f'<nav class="contents"><h1>{escape(report.contents_heading)}</h1><ul>',
    ]
    headings = [b for b in (*report.front, *report.body) if isinstance(b, Heading)]
    for number, heading in enumerate([*headings, Heading(report.references_heading)]):
        title = escape(chapter_heading(report, heading, style))
        body.append(f'<li class="level{heading.level}"><a href="#h{number}">{title}</a></li>')
    body.append("</ul></nav>")
    pending: list[str] = []
    anchors = iter(range(len(headings) + 1))

    def gathered() -> Iterator[str]:
        if pending:
            yield f'<section class="footnotes {notes}"><hr><ol>'
            for label in pending:
                text = escape(report.notes[label])
                yield f'<li id="fn{label}" value="{label}"><p>{text}'
                yield f'<a href="#fnref{label}" class="back">\u21a9\ufe0e</a></p></li>'
            yield "</ol></section>"
            pending.clear()

    for block in (*report.front, *report.body):
        if isinstance(block, Heading):
            if block.level == 1 and notes == "chapter":
                body.extend(gathered())
            tag = f"h{block.level}"
            chapter = ' class="chapter"' if block.level == 1 and block.number else ""
            title = escape(chapter_heading(report, block, style))
            body.append(f'<{tag} id="h{next(anchors)}"{chapter}>{title}</{tag}>')
        elif isinstance(block, Table):
            body.append(f"<table><caption>{escape(block.caption)}</caption>")
            head, *rows = block.rows
            body.append("<tr>" + "".join(f"<th>{escape(cell)}</th>" for cell in head) + "</tr>")
            for row in rows:
                body.append("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>")
            body.append("</table>")
        else:
            pending.extend(_NOTE.findall(block))
            body.append(f"<p>{_note_links(escape(block))}</p>")
    if notes == "chapter":
        body.extend(gathered())
    body.append(
        f'<h1 id="h{next(anchors)}" class="chapter">{escape(report.references_heading)}</h1>'
    )
    body.extend(f'<p class="reference">{escape(entry)}</p>' for entry in report.references)
    body.extend(gathered())
    css = _PRINT_CSS + (_margin_boxes(report) if furniture == "css" else "")
    return (
        f'<!doctype html>\n<html lang="{report.language}"><head><meta charset="utf-8">'
        f"<title>{escape(report.title)}</title><style>{css}</style></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def _note_links(text: str) -> str:
    return _NOTE.sub(
        lambda m: f'<sup id="fnref{m.group(1)}"><a href="#fn{m.group(1)}">{m.group(1)}</a></sup>',
        text,
    )


_PRINT_CSS = """
@page { size: A4; margin: 2.4cm 2.2cm 2.2cm 2.2cm; }
body { font-family: "DejaVu Serif", serif; font-size: 10.5pt; line-height: 1.45;
       text-align: justify; hyphens: auto; }
h1, h2, caption, table, nav { font-family: "DejaVu Sans", sans-serif; }
h1 { font-size: 17pt; margin: 0 0 10pt; }
h2 { font-size: 12.5pt; margin: 14pt 0 6pt; }
.cover { break-after: page; }
.cover .series { font-weight: bold; margin-top: 2cm; }
.cover .title { font-size: 26pt; font-weight: bold; margin: 5cm 0 1cm; text-align: left; }
.cover .author { font-size: 13pt; margin: 0.2cm 0; }
.cover .publisher { margin-top: 8cm; }
.colophon { break-after: page; font-size: 9pt; }
.colophon p { margin: 0 0 3pt; }
nav.contents { break-after: page; }
nav.contents ul { list-style: none; padding: 0; }
nav.contents a { color: inherit; text-decoration: none; }
nav.contents .level2 { margin-left: 1.2em; }
h1.chapter { break-before: page; }
table { border-collapse: collapse; margin: 8pt 0 12pt; font-size: 9pt; }
caption { text-align: left; font-size: 9pt; margin-bottom: 4pt; }
th, td { padding: 2pt 10pt 2pt 0; text-align: left; }
th { border-bottom: 0.6pt solid black; }
sup { font-size: 65%; line-height: 0; }
sup a { color: inherit; text-decoration: none; }
.footnotes.chapter { font-size: 9pt; }
.footnotes hr { width: 30%; margin-left: 0; border: 0; border-top: 0.6pt solid black; }
.footnotes ol { padding-left: 1.5em; }
.footnotes .back { text-decoration: none; color: inherit; }
.reference { padding-left: 1.5em; text-indent: -1.5em; text-align: left; }
"""


def _margin_boxes(report: Report) -> str:
    """Headers and footers that differ on odd (right) and even (left) pages; none on the cover."""

    def content(text: str) -> str:
        before, page, after = text.partition("{page}")
        parts = [f'"{before}"'] if before else []
        parts += ["counter(page)"] if page else []
        parts += [f'"{after}"'] if after else []
        return " ".join(parts)

    small = "font-family: 'DejaVu Sans', sans-serif; font-size: 8.5pt;"
    footer_place = "bottom-center" if report.footer_odd.startswith("–") else None
    odd_footer = footer_place or "bottom-right"
    even_footer = footer_place or "bottom-left"
    return f"""
@page :right {{
  @top-right {{ content: {content(report.header_odd)}; {small} }}
  @{odd_footer} {{ content: {content(report.footer_odd)}; {small} }}
}}
@page :left {{
  @top-left {{ content: {content(report.header_even)}; {small} }}
  @{even_footer} {{ content: {content(report.footer_even)}; {small} }}
}}
@page :first {{
  @top-right {{ content: none; }} @top-left {{ content: none; }}
  @{odd_footer} {{ content: none; }} @{even_footer} {{ content: none; }}
}}
"""


# --- Typst --------------------------------------------------------------------------------

# A colophon's labels, by the report's language.
_COLOPHON_LABELS = {
    "nb": ("Tittel:", "Forfattere:", "Utgiver:", "Rapportserie:", "ISBN:", "Emneord:"),
    "en": ("Title:", "Authors:", "Publisher:", "Series:", "ISBN:", "Keywords:"),
}


def typst_pdf(path: Path, report: Report, columns: int = 1) -> Path:
    """The report typeset by Typst (the `typst` package's compiler), as research institutes
    and LaTeX-like toolchains set a report: justified text hyphenated in its language (the
    hyphen at a broken line's end marked as a soft hyphen), footnote markers in the font's
    superscript figures at the line's own size, a cover, a colophon of labels and values
    drawn as a grid column by column, a contents page whose dot leaders stand on a grid,
    numbered headings, tables with captions above, running headers and footers."""
    import typst

    source = path.with_suffix(".typ")
    source.write_text(typst_source(report, columns), encoding="utf-8")
    typst.compile(str(source), output=str(path))
    return path


def typst_string(text: str) -> str:
    """Text as Typst content that is read literally (no markup)."""
    return '#"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _typst_text(text: str, report: Report) -> str:
    """A paragraph with its ``[^n]`` markers as Typst footnotes."""
    out: list[str] = []
    last = 0
    for match in _NOTE.finditer(text):
        out.append(typst_string(text[last : match.start()]))
        out.append(f"#footnote[{typst_string(report.notes[match.group(1)])}]")
        last = match.end()
    out.append(typst_string(text[last:]))
    return "".join(out)


def _typst_block(block: Block, report: Report) -> str:
    if isinstance(block, Heading):
        marks = "=" * block.level
        return (
            f"{marks} {typst_string(block.title)}"
            if block.number
            else (
                f"#heading(level: 1, numbering: none, outlined: true)[{typst_string(block.title)}]"
            )
        )
    if isinstance(block, Table):
        width = len(block.rows[0])
        cells = ", ".join(f"[{typst_string(cell)}]" for row in block.rows for cell in row)
        return (
            f"#figure(kind: table, numbering: none, caption: [{typst_string(block.caption)}],\n"
            f"  table(columns: {width}, align: (left, {', '.join(['right'] * (width - 1))}), "
            f"{cells}))"
        )
    return _typst_text(block, report)


def _typst_page_line(template: str) -> str:
    """A running footer with ``{page}`` as a Typst string expression of the page number."""
    parts = [typst_string(part)[1:] for part in template.split("{page}")]
    return " + str(counter(page).get().first()) + ".join(parts)


def typst_source(report: Report, columns: int = 1) -> str:
    """The Typst markup of a report."""
    labels = _COLOPHON_LABELS["nb" if report.language in ("nb", "nn") else "en"]
    values = (
        report.title,
        ", ".join(report.authors),
        report.publisher,
        report.series,
        "978-82-93456-99-1",
        "næringsutvikling, kommunale roller" if report.language != "en" else "business development",
    )
    colophon = ", ".join(
        f"[{typst_string(label)}], [{typst_string(value)}]"
        for label, value in zip(labels, values, strict=True)
    )
    authors = ", ".join(typst_string(a)[1:] for a in report.authors)
    header = (
        "context { let n = counter(page).get().first(); if n > 2 { "
        f"if calc.odd(n) [{typst_string(report.header_odd)}] "
        f"else [{typst_string(report.header_even)}] }} }}"
    )
    footer_odd, footer_even = (
        _typst_page_line(report.footer_odd),
        _typst_page_line(report.footer_even),
    )
    footer = (
        "context { let n = counter(page).get().first(); if n > 2 { align(center)[#{"
        f"if calc.odd(n) {{ {footer_odd} }} else {{ {footer_even} }}"
        "}] } }"
    )
    front = "\n\n".join(_typst_block(block, report) for block in report.front)
    body = "\n\n".join(_typst_block(block, report) for block in report.body)
    references = "\n\n".join(typst_string(entry) for entry in report.references)
    language = "nb" if report.language in ("nb", "nn") else "en"
    return f"""#set document(title: {typst_string(report.title)[1:]}, author: ({authors},))
#set text(lang: "{language}", size: 10.5pt, hyphenate: true)
#set par(justify: true)
#set heading(numbering: "1.1")
#show figure.where(kind: table): set figure.caption(position: top)
#set page(paper: "a4", margin: (x: 2.5cm, y: 2.5cm), header: {header}, footer: {footer})

#align(left)[
  #text(size: 12pt)[{typst_string(report.publisher)}] \\
  #text(size: 10pt)[{typst_string(report.series)}]
  #v(5cm)
  #text(size: 24pt)[{typst_string(report.title)}]
  #v(1cm)
  #text(size: 12pt)[{typst_string(", ".join(report.authors))}]
  #v(1fr)
  #text(size: 11pt)[{typst_string(report.place_year)}]
]
#pagebreak()
#v(1fr)
#text(size: 9.5pt)[#grid(columns: (4cm, 1fr), row-gutter: 0.6em, {colophon})]
#pagebreak()
#outline(title: [{typst_string(report.contents_heading)}])
#pagebreak()
{front}

#pagebreak()
#set page(columns: {columns})
{body}

#heading(level: 1, numbering: none)[{typst_string(report.references_heading)}]
#set par(justify: false, hanging-indent: 1.5em)
{references}
"""
