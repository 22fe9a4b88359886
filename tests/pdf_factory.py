"""Real PDFs built for tests with fpdf2 (and pypdf for page labels and encryption).

Each function writes a file and returns its path. Lines are placed one by one, so a test knows
exactly where a line ends (a hyphen at a line end, a sentence running over a page). Norwegian
letters need a TrueType font; DejaVu Sans is used when the machine has it, else the core
Helvetica font with the text spelled in ASCII.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter
from pypdf.constants import PageLabelStyle

from indexing.cleaning import is_bibliography_heading

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DEJAVU_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
HAS_UNICODE_FONT = DEJAVU.is_file() and DEJAVU_BOLD.is_file()

HEADER = "Arbeidsnotat 2/2019 - Kommunen og næringslivet"
FOOTER = "Nord universitet - side {page}"
HEADING_PREFIX = "## "


def ascii_fallback(text: str) -> str:
    """The text as the core fonts can print it when no Unicode font is at hand."""
    if HAS_UNICODE_FONT:
        return text
    for letter, spelled in {"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"}.items():
        text = text.replace(letter, spelled)
    return text.encode("latin-1", "replace").decode("latin-1")


def _new_pdf() -> tuple[FPDF, str]:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=False)
    if HAS_UNICODE_FONT:
        pdf.add_font("DejaVu", "", str(DEJAVU))
        pdf.add_font("DejaVu", "B", str(DEJAVU_BOLD))
        return pdf, "DejaVu"
    return pdf, "Helvetica"


def write_pdf(
    path: Path,
    pages: Sequence[Sequence[str]],
    header: str | None = HEADER,
    footer: str | None = FOOTER,
    labels: Sequence[tuple[int, PageLabelStyle, int]] = (),
    title: str | None = None,
    author: str | None = None,
) -> Path:
    """A PDF with the given lines per page, a running header and a numbered footer.

    A line starting with ``## `` is set in bold (a heading); an empty line is a gap. ``labels``
    are ``(first page index, style, start)`` ranges for pypdf, e.g. ``(0, LOWERCASE_ROMAN, 1)``
    for roman numbers from i, ``(2, DECIMAL, 1)`` for arabic numbers from 1 on the third page.
    """
    pdf, family = _new_pdf()
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        if header:
            pdf.set_font(family, size=9)
            pdf.set_xy(20, 10)
            pdf.cell(text=ascii_fallback(header))
        pdf.set_xy(20, 25)
        for line in lines:
            if not line:
                pdf.ln(5)
                continue
            bold = line.startswith(HEADING_PREFIX)
            pdf.set_font(family, "B" if bold else "", size=13 if bold else 11)
            pdf.set_x(20)
            text = ascii_fallback(line.removeprefix(HEADING_PREFIX))
            pdf.cell(text=text, new_x="LMARGIN", new_y="NEXT", h=8)
        if footer:
            pdf.set_font(family, size=9)
            pdf.set_xy(20, 282)
            pdf.cell(text=ascii_fallback(footer.format(page=number)))
    pdf.output(str(path))
    if labels:
        _set_labels(path, len(pages), labels)
    return path


def _set_labels(path: Path, count: int, ranges: Sequence[tuple[int, PageLabelStyle, int]]) -> None:
    writer = PdfWriter(clone_from=PdfReader(path))
    firsts = [first for first, _, _ in ranges]
    for (first, style, start), last in zip(ranges, [*firsts[1:], count], strict=True):
        writer.set_page_label(first, last - 1, style=style, start=start)
    with path.open("wb") as file:
        writer.write(file)


# The report: roman front matter (i, ii), then pages 1-3 with numbered headings, a word
# hyphenated at a line end, and a sentence that runs from page 1 over to page 2.
REPORT_PAGES: list[list[str]] = [
    [
        "## Forord",
        "Dette notatet er skrevet for Distriktssenteret som innspill til et arbeidsverksted.",
        "Takk til alle som har bidratt.",
    ],
    [
        "## Innhold",
        "1 Innledning ........................................ 1",
        "1.1 Bakgrunn ........................................ 1",
        "2 Funn fra prosjektet ............................... 2",
        "3 Avslutning ........................................ 3",
    ],
    [
        "## 1 Innledning",
        "Kommunene har en viktig rolle i arbeidet med lokal utvik-",
        "ling og verdiskaping, og denne rollen er i endring.",
        "",
        "## 1.1 Bakgrunn",
        "Prosjektet har fulgt åtte kommuner gjennom to år, og vi har sett",
        "at samarbeid mellom kommune, næringsliv og frivillighet gir nye",
        "løsninger. Dette gjelder særlig helse- og omsorgstjenester, der",
        "kommunene i økende grad samarbeider med sosiale entreprenører og",
    ],
    [
        "andre aktører i lokalsamfunnet om tjenester til innbyggerne.",
        "",
        "## 2 Funn fra prosjektet",
        "Det viktigste funnet er at holdninger betyr mer enn penger. Kommuner",
        "som ser seg selv som en medspiller, får mer ut av samarbeidet.",
    ],
    [
        "## 3 Avslutning",
        "Kommunen bør ta rollen som playmaker i lokalsamfunnet.",
        "Det krever nye arbeidsformer og tid til å bygge tillit.",
    ],
]
REPORT_LABELS = [(0, PageLabelStyle.LOWERCASE_ROMAN, 1), (2, PageLabelStyle.DECIMAL, 1)]
REPORT_TITLE = "Kommunen og næringslivet"


def report_pdf(path: Path) -> Path:
    """The five-page report above, labelled i, ii, 1, 2, 3."""
    return write_pdf(path, REPORT_PAGES, labels=REPORT_LABELS, title=REPORT_TITLE)


def encrypted_pdf(path: Path, user_password: str = "secret", owner_password: str = "owner") -> Path:
    """The report encrypted; with an empty user password it opens without asking."""
    plain = report_pdf(path.with_name(f"plain-{path.name}"))
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password=user_password, owner_password=owner_password)
    with path.open("wb") as file:
        writer.write(file)
    return path


def corrupt_pdf(path: Path) -> Path:
    """A PDF cut off after its first few hundred bytes, as an interrupted download leaves it."""
    whole = report_pdf(path.with_name(f"whole-{path.name}")).read_bytes()
    path.write_bytes(whole[:400])
    return path


def not_a_pdf(path: Path) -> Path:
    """A file named .pdf holding something else."""
    path.write_bytes(b"<html><body>404 Not Found</body></html>\n")
    return path


def image_only_pdf(path: Path, pages: int = 2) -> Path:
    """Pages with drawings and no text at all, like a scan."""
    pdf, _ = _new_pdf()
    for _ in range(pages):
        pdf.add_page()
        pdf.set_fill_color(90, 90, 90)
        pdf.rect(20, 30, 170, 120, style="F")
        pdf.ellipse(60, 170, 80, 60, style="D")
    pdf.output(str(path))
    return path


# --- a report laid out as a real one -----------------------------------------------------
#
# `markdown_report_pdf` sets Markdown-like text as a printed report: a cover and a colophon,
# front matter under roman page labels, a contents page with dot leaders and the real page of
# each heading, numbered and unnumbered headings in larger bold type, running headers and
# footers whose page number moves between the top and the foot of the page, superscript
# footnote markers with their notes at the foot of the page that cites them, words hyphenated
# at line ends, paragraphs and sentences that run over page breaks.

PAGE_TOP = 25.0
PAGE_BOTTOM = 268.0
LEFT = 25.0
WIDTH = 160.0
BODY_SIZE = 10.5
NOTE_SIZE = 8.0
LINE = 5.2
NOTE_LINE = 3.9
HEADING_SIZES = {1: 15.0, 2: 12.5, 3: 11.5}
SUPERSCRIPT = "\x01"  # marks a footnote marker inside a word: 'endring\x012\x01'


@dataclass(frozen=True)
class Span:
    """A run of text of one kind: body text or a raised footnote marker."""

    text: str
    raised: bool = False


@dataclass
class _Block:
    kind: str  # "heading", "paragraph", "item", "toc"
    text: str
    level: int = 0
    indent: float = 0.0


_SUP_TAG = re.compile(r"<sup>\s*(\w{1,4})\s*</sup>", re.IGNORECASE)
_NOTE_BODY = re.compile(r"^\s*<sup>\s*(\w{1,4})\s*</sup>\s*(.*)$", re.IGNORECASE)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_MD_ITEM = re.compile(r"^(\s*)[-*]\s+(.*)$")
_MD_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+\S")


def _inline(text: str) -> str:
    """Markdown inline markup spelled out as a printed page shows it."""
    text = _SUP_TAG.sub(lambda m: f"{SUPERSCRIPT}{m.group(1)}{SUPERSCRIPT}", text)
    text = re.sub(r"\[([^\]]*)\]\(([^)]*)\)", lambda m: m.group(1), text)
    text = re.sub(r"<((?:https?|mailto)[^>]+)>", lambda m: m.group(1), text)
    text = re.sub(r"(\*\*|__|\*)", "", text)
    text = re.sub(r"\\+([\\_*\[\]()#])", lambda m: m.group(1), text)
    return " ".join(text.split())


def parse_report_markdown(source: str) -> tuple[list[_Block], dict[str, str]]:
    """Blocks of a Markdown report and its footnotes (``<sup>n</sup> text`` lines)."""
    blocks: list[_Block] = []
    notes: dict[str, str] = {}
    paragraph: list[str] = []
    skipping_toc = False

    def close() -> None:
        if paragraph:
            blocks.append(_Block("paragraph", _inline(" ".join(paragraph))))
            paragraph.clear()

    for raw in source.split("\n"):
        line = raw.rstrip()
        heading = _MD_HEADING.match(line)
        if heading:
            close()
            title = _inline(heading.group(2))
            skipping_toc = title.strip().lower() in {"innhold", "innholdsfortegnelse", "contents"}
            hashes = len(heading.group(1))
            number = _MD_NUMBER.match(title)
            level = number.group(1).count(".") + 1 if number else max(1, hashes - 1)
            blocks.append(_Block("toc" if skipping_toc else "heading", title, min(level, 3)))
            continue
        if skipping_toc:
            continue
        if note := _NOTE_BODY.match(line):
            close()
            notes[note.group(1)] = _inline(note.group(2))
        elif not line.strip() or re.fullmatch(r"\s*-{3,}\s*", line):
            close()
        elif item := _MD_ITEM.match(line):
            close()
            depth = len(item.group(1).replace("\t", "    ")) // 2
            blocks.append(_Block("item", _inline(item.group(2)), indent=5.0 + 5.0 * depth))
        elif blocks and blocks[-1].kind == "item" and not paragraph and raw.startswith(" "):
            blocks[-1].text += " " + _inline(line)
        else:
            paragraph.append(line.strip())
    close()
    return blocks, notes


@dataclass
class _Page:
    label: str
    lines: list[tuple[float, float, float, bool, list[Span]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    furniture: bool = True


class _Layout:
    """Lines placed on pages; run twice so that the contents page knows each heading's page."""

    def __init__(self, pdf: FPDF, family: str, notes: dict[str, str]) -> None:
        self.pdf, self.family, self.notes = pdf, family, notes
        self.pages: list[_Page] = []
        self.y = PAGE_TOP
        self.roman = True
        self.number = 0
        self.heading_pages: list[tuple[str, int, str]] = []

    # measuring
    def width(self, text: str, size: float, bold: bool = False) -> float:
        self.pdf.set_font(self.family, "B" if bold else "", size=size)
        return float(self.pdf.get_string_width(ascii_fallback(text)))

    def words_width(self, spans: list[Span], size: float, bold: bool) -> float:
        return sum(self.width(s.text, size * 0.62 if s.raised else size, bold) for s in spans)

    # pages
    def new_page(self, furniture: bool = True) -> None:
        self.number += 1
        label = to_roman_label(self.number) if self.roman else str(self.number)
        self.pages.append(_Page(label, furniture=furniture))
        self.y = PAGE_TOP

    def start_body(self) -> None:
        self.roman, self.number = False, 0
        self.new_page()

    def note_height(self, notes: list[str]) -> float:
        lines = sum(len(self.wrap(self.note_text(n), WIDTH, NOTE_SIZE, False)) for n in notes)
        return (lines * NOTE_LINE + 4.0) if notes else 0.0

    def note_text(self, note: str) -> list[Span]:
        return [Span(note, raised=True), *_spans(self.notes.get(note, ""))]

    def place(self, spans: list[Span], size: float, bold: bool, x: float, line: float) -> None:
        """One line, on this page if it and its notes fit, else on a new one."""
        page = self.pages[-1]
        cited = [s.text for s in spans if s.raised and s.text in self.notes]
        area = self.note_height(page.notes + cited)
        if self.y + line > PAGE_BOTTOM - area:
            self.new_page()
            page = self.pages[-1]
        page.lines.append((x, self.y, size, bold, spans))
        page.notes.extend(cited)
        self.y += line

    # text
    def wrap(
        self, spans: list[Span], width: float, size: float, bold: bool, hyphenate: bool = True
    ) -> list[list[Span]]:
        """Spans broken into lines no wider than ``width``, long words hyphenated."""
        words = _words(spans)
        lines: list[list[Span]] = []
        current: list[Span] = []
        space = self.width(" ", size, bold)
        used = 0.0
        for word in words:
            word_width = self.words_width(word, size, bold)
            if current and used + space + word_width > width:
                room = width - used - space
                head, tail = self.hyphenate(word, room, size, bold) if hyphenate else ([], word)
                if head:
                    lines.append([*current, Span(" "), *head])
                    word, word_width = tail, self.words_width(tail, size, bold)
                else:
                    lines.append(current)
                current, used = list(word), word_width
            else:
                current = [*current, Span(" "), *word] if current else list(word)
                used += (space if used else 0.0) + word_width
        if current:
            lines.append(current)
        return lines

    def hyphenate(
        self, word: list[Span], room: float, size: float, bold: bool
    ) -> tuple[list[Span], list[Span]]:
        """A long word split with a hyphen where its head fits in ``room``."""
        text = word[0].text
        if len(word) != 1 or len(text) < 9 or not text.isalpha():
            return [], word
        for cut in range(len(text) - 4, 3, -1):
            if self.width(text[:cut] + "-", size, bold) <= room:
                return [Span(text[:cut] + "-")], [Span(text[cut:])]
        return [], word

    def paragraph(self, text: str, indent: float = 0.0, bullet: str | None = None) -> None:
        spans = _spans(text)
        lines = self.wrap(spans, WIDTH - indent, BODY_SIZE, False)
        for index, line in enumerate(lines):
            if bullet and index == 0:
                line = [Span(bullet + " "), *line]
                self.place(line, BODY_SIZE, False, LEFT + indent - 4.0, LINE)
            else:
                self.place(line, BODY_SIZE, False, LEFT + indent, LINE)
        self.y += 2.2

    def hanging(self, text: str) -> None:
        """A bibliography entry: continuation lines indented under the first."""
        lines = self.wrap(_spans(text), WIDTH - 8.0, BODY_SIZE, False)
        for index, line in enumerate(lines):
            self.place(line, BODY_SIZE, False, LEFT + (8.0 if index else 0.0), LINE)
        self.y += 1.0

    def heading(self, title: str, level: int) -> None:
        size = HEADING_SIZES[level]
        if self.y > PAGE_BOTTOM - 30:
            self.new_page()
        self.y += 3.0 if self.y > PAGE_TOP else 0.0
        self.heading_pages.append((title, level, self.pages[-1].label))
        for line in self.wrap(_spans(title), WIDTH, size, True, hyphenate=False):
            self.place(line, size, True, LEFT, size * 0.55)
        self.y += 2.5


def to_roman_label(value: int) -> str:
    """``3`` → ``iii``."""
    numerals = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = ""
    for amount, letters in numerals:
        count, value = divmod(value, amount)
        out += letters * count
    return out


def _spans(text: str) -> list[Span]:
    parts = text.split(SUPERSCRIPT)
    return [Span(part, raised=bool(index % 2)) for index, part in enumerate(parts) if part]


def _words(spans: list[Span]) -> list[list[Span]]:
    """Words, each a list of spans (a marker stays glued to the word it follows)."""
    words: list[list[Span]] = []
    for span in spans:
        if span.raised:
            if words:
                words[-1].append(span)
            else:
                words.append([span])
            continue
        pieces = span.text.split(" ")
        for index, piece in enumerate(pieces):
            if not piece:
                continue
            if index == 0 and words and not span.text.startswith(" "):
                words[-1].append(Span(piece))
            else:
                words.append([Span(piece)])
    return words


@dataclass(frozen=True)
class ReportCover:
    """What the cover and the colophon print."""

    title: str
    authors: Sequence[str]
    series: str
    institution: str
    place_year: str
    colophon: Sequence[str] = ()


def markdown_report_pdf(
    path: Path,
    source: str,
    cover: ReportCover,
    header: str,
    metadata: bool = True,
) -> Path:
    """The Markdown report set as a printed report (see the comment above)."""
    blocks, notes = parse_report_markdown(source)
    contents: list[tuple[str, int, str]] = []
    for _ in range(2):  # the second run prints the contents with the pages the first found
        pdf, family = _new_pdf()
        layout = _Layout(pdf, family, notes)
        _lay_out(layout, blocks, contents)
        contents = layout.heading_pages
    _render(layout, cover, header)
    if metadata:
        pdf.set_title(cover.title)
        pdf.set_author(", ".join(cover.authors))
        pdf.set_creation_date(_dt.datetime(int(cover.place_year[-4:]), 3, 15, tzinfo=_dt.UTC))
    pdf.output(str(path))
    body_start = next(i for i, page in enumerate(layout.pages) if not page.label[0].isalpha())
    ranges = [(0, PageLabelStyle.LOWERCASE_ROMAN, 1), (body_start, PageLabelStyle.DECIMAL, 1)]
    _set_labels(path, len(layout.pages), ranges)
    return path


def _lay_out(layout: _Layout, blocks: list[_Block], contents: list[tuple[str, int, str]]) -> None:
    """Cover and colophon, front matter in roman pages, then the body; chapters on new pages."""
    layout.new_page(furniture=False)  # the cover
    layout.new_page(furniture=False)  # the colophon
    toc_seen = body_started = in_bibliography = False
    for block in blocks:
        if block.kind == "toc":
            toc_seen = True
            layout.new_page()
            layout.heading(block.text, 1)
            for title, level, label in contents:
                entry = (LEFT, layout.y, -float(level), False, [Span(title), Span(label)])
                layout.pages[-1].lines.append(entry)
                layout.y += LINE
        elif block.kind == "heading":
            if block.level == 1 and toc_seen and not body_started:
                layout.start_body()
                body_started = True
            elif block.level == 1:
                layout.new_page()
            in_bibliography = is_bibliography_heading(block.text)
            layout.heading(block.text, block.level)
        elif in_bibliography:
            layout.hanging(block.text)
        elif block.kind == "item":
            layout.paragraph(block.text, indent=block.indent, bullet="•")
        else:
            layout.paragraph(block.text)


def _render(layout: _Layout, cover: ReportCover, header: str) -> None:
    pdf, family = layout.pdf, layout.family
    for number, page in enumerate(layout.pages):
        pdf.add_page()
        if number == 0:
            _render_cover(pdf, family, cover)
            continue
        if number == 1:
            pdf.set_font(family, size=9)
            for row, line in enumerate(cover.colophon):
                pdf.set_xy(LEFT, 200 + row * 5)
                pdf.cell(text=ascii_fallback(line))
            continue
        for x, y, size, bold, spans in page.lines:
            if size < 0:  # a contents entry: title, dot leaders, page
                _render_toc_entry(pdf, family, x + (-size - 1) * 6, y, spans)
                continue
            _render_spans(pdf, family, x, y, size, bold, spans)
        _render_notes(layout, page)
        if page.furniture:
            _render_furniture(pdf, family, page.label, number, header, cover)


def _render_cover(pdf: FPDF, family: str, cover: ReportCover) -> None:
    pdf.set_font(family, "B", size=12)
    pdf.set_xy(LEFT, 40)
    pdf.cell(text=ascii_fallback(cover.series.upper()))
    pdf.set_font(family, "B", size=22)
    pdf.set_xy(LEFT, 80)
    pdf.multi_cell(w=WIDTH, h=10, text=ascii_fallback(cover.title))
    pdf.set_font(family, size=12)
    for row, author in enumerate(cover.authors):
        pdf.set_xy(LEFT, 120 + row * 7)
        pdf.cell(text=ascii_fallback(author))
    for row, line in enumerate((cover.institution, cover.place_year)):
        pdf.set_xy(LEFT, 240 + row * 7)
        pdf.cell(text=ascii_fallback(line))


def _render_spans(
    pdf: FPDF, family: str, x: float, y: float, size: float, bold: bool, spans: list[Span]
) -> None:
    pdf.set_xy(x, y)
    merged: list[Span] = []
    for span in spans:  # one text run per stretch of plain text, as typesetters write it
        if merged and not span.raised and not merged[-1].raised:
            merged[-1] = Span(merged[-1].text + span.text)
        else:
            merged.append(span)
    for span in merged:
        if span.raised:
            pdf.set_font(family, "B" if bold else "", size=size * 0.62)
            cursor = pdf.get_x()
            pdf.set_xy(cursor, y - size * 0.01)  # set smaller, it stands a third of a line up
            pdf.cell(text=ascii_fallback(span.text))
            pdf.set_xy(pdf.get_x(), y)
        else:
            pdf.set_font(family, "B" if bold else "", size=size)
            pdf.cell(text=ascii_fallback(span.text))


def _render_toc_entry(pdf: FPDF, family: str, x: float, y: float, spans: list[Span]) -> None:
    title, label = spans[0].text, spans[1].text
    pdf.set_font(family, size=BODY_SIZE)
    pdf.set_xy(x, y)
    pdf.cell(text=ascii_fallback(title))
    start = pdf.get_x() + 1.5
    end = LEFT + WIDTH - 8
    dot = pdf.get_string_width(".")
    pdf.set_xy(start, y)
    pdf.cell(text="." * max(3, int((end - start) / dot)))
    pdf.set_xy(end + 2, y)
    pdf.cell(text=label)


def _render_notes(layout: _Layout, page: _Page) -> None:
    if not page.notes:
        return
    pdf, family = layout.pdf, layout.family
    y = PAGE_BOTTOM - layout.note_height(page.notes) + 2.5
    pdf.line(LEFT, y - 1.5, LEFT + 50, y - 1.5)
    for note in page.notes:
        for line in layout.wrap(layout.note_text(note), WIDTH, NOTE_SIZE, False):
            _render_spans(pdf, family, LEFT, y, NOTE_SIZE, False, line)
            y += NOTE_LINE


def _render_furniture(
    pdf: FPDF, family: str, label: str, number: int, header: str, cover: ReportCover
) -> None:
    """Running header and footer; the page number at the top of even pages, the foot of odd."""
    pdf.set_font(family, size=8.5)
    even = number % 2 == 0
    pdf.set_xy(LEFT, 12)
    pdf.cell(text=ascii_fallback(header if even else cover.institution))
    if even:
        pdf.set_xy(LEFT + WIDTH - 6, 12)
        pdf.cell(text=label)
    pdf.set_xy(LEFT, 282)
    pdf.cell(text=ascii_fallback(f"{cover.series} – {cover.place_year}"))
    if not even:
        pdf.set_xy(LEFT + WIDTH / 2, 287)
        pdf.cell(text=label)


def scanned_pdf(path: Path, pages: Sequence[Sequence[str]]) -> Path:
    """A PDF whose pages are only images of printed lines, as a scanner makes them."""
    from PIL import Image, ImageDraw, ImageFont

    pdf = FPDF(format="A4")
    font = ImageFont.truetype(str(DEJAVU), 40) if HAS_UNICODE_FONT else ImageFont.load_default()
    for number, lines in enumerate(pages, start=1):
        image = Image.new("L", (1654, 2339), color=255)  # A4 at 200 dpi
        draw = ImageDraw.Draw(image)
        for row, line in enumerate(lines):
            draw.text((160, 200 + row * 70), ascii_fallback(line), fill=0, font=font)
        target = path.with_name(f"{path.stem}-page{number}.png")
        image.save(target)
        pdf.add_page()
        pdf.image(str(target), x=0, y=0, w=210, h=297)
    pdf.output(str(path))
    return path


# --- text a reader cannot see ------------------------------------------------------------

HIDING = ("invisible", "white", "tiny", "off the page")


def hidden_text_pdf(
    path: Path, lines: Sequence[tuple[str | None, str]], scan: bool = False, title: str = ""
) -> Path:
    """One page of lines, each ``(how, text)``: shown when ``how`` is None, else hidden in one
    of the ways of `HIDING` (render mode 3, white fill, 0.5 pt type, placed right of the page).

    With ``scan`` the page is first covered by an image, as a scanner's page with an OCR layer.
    """
    from fpdf.enums import TextMode
    from PIL import Image

    pdf, family = _new_pdf()
    if title:
        pdf.set_title(title)
    pdf.add_page()
    if scan:
        picture = path.with_name(f"{path.stem}-scan.png")
        Image.new("L", (827, 1170), color=250).save(picture)
        pdf.image(str(picture), x=0, y=0, w=210, h=297)
    pdf.set_font(family, size=11)
    pdf.set_xy(20, 25)
    for how, text in lines:
        text = ascii_fallback(text)
        if how == "off the page":
            pdf.text(250, pdf.get_y() + 6, text)  # the page is 210 mm wide
            continue
        styles: dict[str | None, dict[str, object]] = {
            None: {},
            "invisible": {"text_mode": TextMode.INVISIBLE},
            "white": {"text_color": (255, 255, 255)},
            "tiny": {},
        }
        style = styles[how]
        with pdf.local_context(**style):
            if how == "tiny":
                pdf.set_font(family, size=0.5)
            pdf.set_x(20)
            pdf.cell(text=text, new_x="LMARGIN", new_y="NEXT", h=8)
    pdf.output(str(path))
    return path
