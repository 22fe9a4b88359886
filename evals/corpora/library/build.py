"""Build the library corpus's PDF and Word documents from their source texts in `sources/`.

    .venv/bin/python evals/corpora/library/build.py

Each source is Markdown-like text with a front matter block (title, authors, publisher, running
header, ...), headings (`#` chapters, `##` sections), paragraphs, `- ` and `1. ` lists and
footnotes (`[^n]` markers with `[^n]: body` lines) and tables (`| cell | cell |` rows, the first one
the header). The output file named by `output:` is laid
out as a real report: a cover, a table of contents, running headers and footers with page
numbers, superscript footnote markers with their bodies at the foot of the page (PDF) or in a
notes section at the end (Word, which python-docx cannot give footnotes). The generated files are
committed, so the evaluation runs without rebuilding them; rebuild after editing a source.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import docx
import yaml
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from fpdf import FPDF
from fpdf.fonts import FontFace, TextStyle
from fpdf.outline import TableOfContents

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
FONTS = Path("/usr/share/fonts/truetype/dejavu")
MARKER = re.compile(r"\[\^(\d+)\]")
NOTES_HEADING = {"nb": "Noter", "nn": "Notar", "sv": "Noter", "en": "Notes"}
PAGE_WORD = {"nb": "Side", "nn": "Side", "sv": "Sida", "en": "Page"}


@dataclass
class Block:
    """One block of a source: a heading (level 1 or 2), a paragraph or a list item."""

    kind: str  # "heading", "para", "bullet", "number", "table"
    text: str
    level: int = 0
    label: str = ""
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Source:
    """A parsed source text: its front matter, body blocks and footnote bodies."""

    meta: dict[str, str]
    blocks: list[Block]
    footnotes: dict[str, str] = field(default_factory=dict)


def parse_source(text: str) -> Source:
    """Split a source into front matter, blocks and footnotes."""
    _, front, body = text.split("---\n", 2)
    meta = {key: str(value) for key, value in yaml.safe_load(front).items()}
    blocks: list[Block] = []
    footnotes: dict[str, str] = {}
    for raw in body.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if match := re.match(r"^\[\^(\d+)\]:\s*(.+)$", line):
            footnotes[match[1]] = match[2]
        elif match := re.match(r"^(#{1,2})\s+(.+)$", line):
            blocks.append(Block("heading", match[2], level=len(match[1])))
        elif line.startswith("|"):
            cells = [cell.strip() for cell in line.strip("|").split("|")]
            if blocks and blocks[-1].kind == "table":
                blocks[-1].rows.append(cells)
            else:
                blocks.append(Block("table", "", rows=[cells]))
        elif line.startswith("- "):
            blocks.append(Block("bullet", line[2:]))
        elif match := re.match(r"^(\d+)\.\s+(.+)$", line):
            blocks.append(Block("number", match[2], label=f"{match[1]}."))
        else:
            blocks.append(Block("para", line))
    return Source(meta, blocks, footnotes)


# --- PDF ------------------------------------------------------------------------------------


class Report(FPDF):
    """A report page layout: running header and footer, footnotes at the foot of each page."""

    def __init__(self, source: Source) -> None:
        super().__init__(format="A4")
        self.source = source
        self.pending_notes: list[tuple[str, str]] = []
        self.add_font("dejavu", "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font("dejavu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.add_font("dejavu", "I", str(FONTS / "DejaVuSans-Oblique.ttf"))
        self.add_font("dejavu", "BI", str(FONTS / "DejaVuSans-BoldOblique.ttf"))
        self.set_margins(25, 25, 25)
        self.set_auto_page_break(True, margin=38)

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("dejavu", "I", 8)
        self.set_text_color(90, 90, 90)
        self.set_y(12)
        self.cell(0, 5, self.source.meta["header"], align="R")
        self.line(25, 18, self.w - 25, 18)
        self.set_text_color(0, 0, 0)
        self.set_y(25)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        if self.pending_notes:
            self.set_y(-34)
            self.line(25, self.get_y(), 75, self.get_y())
            self.ln(1.5)
            self.set_font("dejavu", "", 7.5)
            for number, body in self.pending_notes:
                self.multi_cell(0, 3.6, f"{number} {body}", new_x="LMARGIN", new_y="NEXT")
            self.pending_notes = []
        self.set_y(-14)
        self.set_font("dejavu", "", 8)
        self.cell(0, 5, str(self.page_no()), align="C")


def _html(text: str) -> str:
    """A paragraph as HTML for `write_html`: markers as superscripts, emphasis kept."""
    escaped = html.escape(text, quote=False)
    escaped = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escaped)
    escaped = re.sub(r"(?<!\*)\*(?!\*)(.+?)\*", r"<i>\1</i>", escaped)
    return MARKER.sub(r"<sup>\1</sup>", escaped)


def build_pdf(source: Source, out: Path) -> None:
    """Lay the source out as a PDF report."""
    meta = source.meta
    pdf = Report(source)
    pdf.set_title(meta["title"])
    pdf.set_author(meta["authors"])
    pdf.set_subject(meta.get("subtitle", ""))
    pdf.set_creator("Word")
    pdf.set_lang(meta["lang"])
    pdf.set_creation_date(datetime(int(meta["year"]), 6, 1, tzinfo=UTC))
    _cover(pdf, meta)
    pdf.add_page()
    toc = TableOfContents(
        text_style=TextStyle(font_family="dejavu", font_size_pt=10),
        level_indent=6,
        line_spacing=1.2,
    )
    pdf.set_font("dejavu", "B", 16)
    pdf.cell(0, 12, meta["toc"], new_x="LMARGIN", new_y="NEXT")
    pdf.insert_toc_placeholder(toc.render_toc, pages=1)
    first = True
    for block in source.blocks:
        if block.kind == "heading":
            if block.level == 1 and not first:
                pdf.add_page()
            if block.level == 1 and first:
                first = False
            _heading(pdf, block)
            continue
        if block.kind == "table":
            _table(pdf, block)
            continue
        notes = MARKER.findall(block.text)
        pdf.pending_notes.extend((n, source.footnotes[n]) for n in notes)
        pdf.set_font("dejavu", "", 10.5)
        if block.kind == "para":
            pdf.write_html(f"<p>{_html(block.text)}</p>", font_family="dejavu")
        else:
            bullet = "•" if block.kind == "bullet" else block.label
            pdf.set_x(30)
            pdf.cell(6, 5.5, bullet)
            pdf.multi_cell(0, 5.5, MARKER.sub("", block.text), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
    pdf.output(str(out))


def _cover(pdf: Report, meta: dict[str, str]) -> None:
    pdf.add_page()
    pdf.set_y(40)
    pdf.set_font("dejavu", "", 11)
    pdf.cell(0, 8, meta["publisher"], new_x="LMARGIN", new_y="NEXT")
    pdf.ln(30)
    pdf.set_font("dejavu", "B", 22)
    pdf.multi_cell(0, 11, meta["title"], new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("dejavu", "", 14)
    pdf.multi_cell(0, 8, meta.get("subtitle", ""), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(20)
    pdf.set_font("dejavu", "", 12)
    pdf.multi_cell(0, 7, meta["authors"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(-60)
    pdf.set_font("dejavu", "", 10)
    pdf.multi_cell(0, 6, f"{meta['cover_note']}\n{meta['place']} {meta['year']}")


def _table(pdf: Report, block: Block) -> None:
    """A ruled table, header row in bold, figures aligned right."""
    pdf.set_font("dejavu", "", 9.5)
    pdf.ln(1)
    with pdf.table(
        first_row_as_headings=True,
        headings_style=FontFace(emphasis="BOLD"),
        text_align=("LEFT", *["RIGHT"] * (len(block.rows[0]) - 1)),
        line_height=5.5,
        borders_layout="HORIZONTAL_LINES",
    ) as table:
        for cells in block.rows:
            table.row(cells)
    pdf.ln(3)


def _heading(pdf: Report, block: Block) -> None:
    pdf.start_section(block.text, level=block.level - 1)
    pdf.ln(4 if block.level == 1 else 2)
    pdf.set_font("dejavu", "B", 15 if block.level == 1 else 12)
    pdf.multi_cell(0, 8, block.text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


# --- Word -----------------------------------------------------------------------------------


def build_docx(source: Source, out: Path) -> None:
    """Lay the source out as a Word report."""
    meta = source.meta
    document = docx.Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)
    properties = document.core_properties
    properties.title = meta["title"]
    properties.author = meta["authors"]
    properties.subject = meta.get("subtitle", "")
    properties.language = meta["lang"]
    properties.created = datetime(int(meta["year"]), 6, 1, tzinfo=UTC)
    document.add_paragraph(meta["publisher"])
    document.add_paragraph(meta["title"], style="Title")
    document.add_paragraph(meta.get("subtitle", ""), style="Subtitle")
    document.add_paragraph(meta["authors"])
    document.add_paragraph(f"{meta['cover_note']}. {meta['place']} {meta['year']}")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    contents = document.add_paragraph()
    contents.add_run(meta["toc"]).bold = True
    for block in source.blocks:
        if block.kind == "heading":
            indent = "    " * (block.level - 1)
            document.add_paragraph(f"{indent}{block.text}")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for block in source.blocks:
        if block.kind == "heading":
            document.add_heading(block.text, level=block.level)
        elif block.kind == "para":
            _runs(document.add_paragraph(), block.text)
        elif block.kind == "table":
            _word_table(document, block)
        elif block.kind == "bullet":
            _runs(document.add_paragraph(style="List Bullet"), block.text)
        else:
            _runs(document.add_paragraph(style="List Number"), block.text)
    if source.footnotes:
        document.add_heading(NOTES_HEADING[meta["lang"]], level=1)
        for number, body in source.footnotes.items():
            paragraph = document.add_paragraph()
            paragraph.add_run(number).font.superscript = True
            paragraph.add_run(f" {body}")
    section = document.sections[0]
    section.header.paragraphs[0].text = meta["header"]
    footer = section.footer.paragraphs[0]
    footer.add_run(f"{PAGE_WORD[meta['lang']]} ")
    _page_field(footer)
    document.save(str(out))


def _word_table(document: docx.document.Document, block: Block) -> None:
    """A table with a bold header row."""
    table = document.add_table(rows=0, cols=len(block.rows[0]))
    table.style = "Light List"
    for number, cells in enumerate(block.rows):
        row = table.add_row().cells
        for cell, text in zip(row, cells, strict=True):
            cell.text = text
            if number == 0:
                cell.paragraphs[0].runs[0].bold = True


def _runs(paragraph: Paragraph, text: str) -> None:
    """Text with footnote markers as superscript runs."""
    position = 0
    for match in MARKER.finditer(text):
        paragraph.add_run(text[position : match.start()])
        paragraph.add_run(match[1]).font.superscript = True
        position = match.end()
    paragraph.add_run(text[position:])


def _page_field(paragraph: Paragraph) -> None:
    """A PAGE field, which Word fills in with the page number."""
    run = paragraph.add_run()
    field_ = OxmlElement("w:fldSimple")
    field_.set(qn("w:instr"), "PAGE")
    run._r.append(field_)


def main() -> None:
    """Build every source's output file next to this script."""
    for path in sorted(SOURCES.glob("*.md")):
        source = parse_source(path.read_text(encoding="utf-8"))
        out = HERE / source.meta["output"]
        if out.suffix == ".pdf":
            build_pdf(source, out)
        else:
            build_docx(source, out)
        print(f"built {out.name}")


if __name__ == "__main__":
    main()
