"""Real PDFs built for tests with fpdf2 (and pypdf for page labels and encryption).

Each function writes a file and returns its path. Lines are placed one by one, so a test knows
exactly where a line ends (a hyphen at a line end, a sentence running over a page). Norwegian
letters need a TrueType font; DejaVu Sans is used when the machine has it, else the core
Helvetica font with the text spelled in ASCII.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter
from pypdf.constants import PageLabelStyle

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
) -> Path:
    """A PDF with the given lines per page, a running header and a numbered footer.

    A line starting with ``## `` is set in bold (a heading); an empty line is a gap. ``labels``
    are ``(first page index, style, start)`` ranges for pypdf, e.g. ``(0, LOWERCASE_ROMAN, 1)``
    for roman numbers from i, ``(2, DECIMAL, 1)`` for arabic numbers from 1 on the third page.
    """
    pdf, family = _new_pdf()
    if title:
        pdf.set_title(title)
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
