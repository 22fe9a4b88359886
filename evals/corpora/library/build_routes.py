"""Build the library documents that are not laid out by build.py, each by another producer.

    .venv/bin/python evals/corpora/library/build_routes.py

- `foljeforskning-starka-bygder-mellanalven-2021-2024.pdf`: the HTML report in `sources/`
  printed by headless Chromium (running header and "Sida n av m" footer from CSS page-margin
  boxes, a two-column chapter, notes at the end of each chapter). Chromium cannot number a
  contents page, so the report is printed twice: the first print tells on which page each
  heading falls, the second prints the contents with those numbers.
- `ospedal-saksframlegg-naeringsfond-2025.docx`: a case document written by python-docx from
  `sources/ospedal-saksframlegg-naeringsfond-2025.py`.
- `arsmelding-skarvdal-naeringsutvikling-2024.pdf`: an annual report written as a Word file by
  python-docx from `sources/arsmelding-skarvdal-naeringsutvikling-2024.py` (Word styles, real
  footnotes, a running header, a PAGE field, tables whose header rows are white on a coloured
  fill) and printed to PDF by LibreOffice (``soffice --headless --convert-to pdf``).
- `northern-fjords-partnership-evaluation-2021-2025.pdf`: an English evaluation report laid out
  by reportlab's platypus from `sources/northern-fjords-partnership-evaluation-2021-2025.py`
  (a cover drawn on the canvas, a contents page numbered by a second pass, two-column body
  pages under full-width chapter headings, a table across both columns, a running header and a
  "Page n of m" footer, footnotes at the page foot, a fact box in a shaded frame).
- `folgjeevaluering-naeringsbrua-ramnefjorden-2021-2025.pdf`: a nynorsk follow-up evaluation
  written as a flat OpenDocument text file (.fodt) by
  `sources/folgjeevaluering-naeringsbrua-ramnefjorden-2021-2025.py` and printed to PDF by
  LibreOffice (a cover and a colophon on a page style without header, a table of contents,
  outline-numbered headings, a running header and a footer with a page-number field, real
  footnotes, three tables, a bulleted and a numbered list, a fact box in a text frame, a
  two-column section; title and authors in the document's meta). A headless conversion does not
  update the contents, so the report is printed twice: the first print tells on which page each
  heading falls, the second fills the contents' index body with those numbers.
- `rapport-kommunen-som-medskaper-2025.pdf`: a bokmål research report typeset by Typst from
  `sources/rapport-kommunen-som-medskaper-2025.typ` (the `typst` package of the dev extras: a
  cover, a colophon grid, an outline with dot leaders, numbered headings, justified and
  hyphenated text, footnotes in superscript figures, a two-column summary, a fact box, tables
  with captions above; title and authors in the document's metadata); dropped in uncatalogued.

The generated files are committed; rebuild after editing a source. Chromium stamps the print
time into the PDF and the Word file's zip entries carry the write time, so a rebuild changes the
files' bytes but not their text; so does LibreOffice, which stamps the conversion time into the
PDFs it prints. The reportlab report is built with a fixed date and ID, so it rebuilds byte for
byte.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

from pypdf import PdfReader

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
REPORT = "foljeforskning-starka-bygder-mellanalven-2021-2024"
CASE = "ospedal-saksframlegg-naeringsfond-2025"
ANNUAL = "arsmelding-skarvdal-naeringsutvikling-2024"
EVALUATION = "northern-fjords-partnership-evaluation-2021-2025"
FOLLOW_UP = "folgjeevaluering-naeringsbrua-ramnefjorden-2021-2025"
RESEARCH = "rapport-kommunen-som-medskaper-2025"
PAGE_NUMBER = re.compile(r'(<span class="pg" data-for="([\w-]+)">)\d+(</span>)')
HEADING = re.compile(r'<h[12] id="([\w-]+)">(.+?)</h[12]>')


def print_report() -> Path:
    """Print the HTML report to PDF with Chromium, its contents page numbered."""
    html = (SOURCES / f"{REPORT}.html").read_text(encoding="utf-8")
    out = HERE / f"{REPORT}.pdf"
    with tempfile.TemporaryDirectory() as work:
        _chromium(html, out, Path(work))
        pages = _heading_pages(html, out)
        numbered = PAGE_NUMBER.sub(lambda m: f"{m[1]}{pages[m[2]]}{m[3]}", html)
        _chromium(numbered, out, Path(work))
    if _heading_pages(html, out) != pages:
        raise RuntimeError(f"{out.name}: the numbered contents moved the headings; print again")
    return out


def _chromium(html: str, out: Path, work: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise RuntimeError("Chromium is not installed (make system-deps)")
    page = work / f"{REPORT}.html"
    page.write_text(html, encoding="utf-8")
    command = [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-pdf-header-footer",
        f"--user-data-dir={work / 'profile'}",
        f"--print-to-pdf={out}",
        page.as_uri(),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=180)


def _heading_pages(html: str, pdf: Path) -> dict[str, int]:
    """The page (counted from the cover, as the footer counts) each heading is printed on."""
    # NFKC spells out the ligatures ("ﬁ") the browser's fonts print.
    texts = [
        " ".join(unicodedata.normalize("NFKC", page.extract_text() or "").split())
        for page in PdfReader(pdf).pages
    ]
    pages: dict[str, int] = {}
    start = 2  # the contents page lists every heading; look after it
    for anchor, title in HEADING.findall(html):
        for number in range(start, len(texts)):
            if title in texts[number]:
                pages[anchor] = number + 1
                start = number
                break
        else:
            raise RuntimeError(f"{pdf.name}: heading {title!r} is on no page")
    return pages


def write_case() -> Path:
    """Write the Word case document from its python-docx source."""
    out = HERE / f"{CASE}.docx"
    _source(CASE).build(out)
    return out


def print_annual() -> Path:
    """Write the annual report as a Word file and print it to PDF with LibreOffice."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice is not installed (make system-deps)")
    with tempfile.TemporaryDirectory() as work:
        word = Path(work) / f"{ANNUAL}.docx"
        _source(ANNUAL).build(word)
        command = [soffice, f"-env:UserInstallation=file://{work}/profile", "--headless"]
        command += ["--convert-to", "pdf", "--outdir", str(HERE), str(word)]
        subprocess.run(command, check=True, capture_output=True, timeout=300)
    return HERE / f"{ANNUAL}.pdf"


def lay_out_evaluation() -> Path:
    """Lay out the English evaluation report with reportlab from its source."""
    out = HERE / f"{EVALUATION}.pdf"
    _source(EVALUATION).build(out)
    return out


def print_follow_up() -> Path:
    """Write the follow-up evaluation as flat ODT and print it with LibreOffice, numbered."""
    source = _source(FOLLOW_UP)
    out = HERE / f"{FOLLOW_UP}.pdf"
    with tempfile.TemporaryDirectory() as work:
        fodt = Path(work) / f"{FOLLOW_UP}.fodt"
        source.build(fodt)
        _soffice(fodt, Path(work))
        pages = _outline_pages(source.headings(), Path(work) / out.name)
        source.build(fodt, pages)
        _soffice(fodt, Path(work))
        if _outline_pages(source.headings(), Path(work) / out.name) != pages:
            raise RuntimeError(f"{out.name}: the numbered contents moved the headings; print again")
        shutil.copyfile(Path(work) / out.name, out)
    return out


def typeset_research_report() -> Path:
    """Typeset the research report with Typst from its source."""
    import typst

    out = HERE / f"{RESEARCH}.pdf"
    typst.compile(str(SOURCES / f"{RESEARCH}.typ"), output=str(out))
    return out


def _soffice(document: Path, work: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice is not installed (make system-deps)")
    command = [soffice, f"-env:UserInstallation=file://{work}/profile", "--headless"]
    command += ["--convert-to", "pdf", "--outdir", str(work), str(document)]
    subprocess.run(command, check=True, capture_output=True, timeout=300)


def _outline_pages(headings: list[tuple[str, str, str]], pdf: Path) -> dict[str, int]:
    """The page (counted from the cover, as the footer counts) each heading is printed on."""
    texts = [" ".join((page.extract_text() or "").split()) for page in PdfReader(pdf).pages]
    pages: dict[str, int] = {}
    start = 3  # the cover, the colophon and the contents come first
    for anchor, number, title in headings:
        label = f"{number} {title}" if number else title
        for index in range(start, len(texts)):
            if label in texts[index]:
                pages[anchor] = index + 1
                start = index
                break
        else:
            raise RuntimeError(f"{pdf.name}: heading {label!r} is on no page")
    return pages


def _source(name: str) -> Any:
    """The Python source module of a document in `sources/`."""
    spec = importlib.util.spec_from_file_location(name, SOURCES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    source = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(source)
    return source


def main() -> None:
    """Build the documents next to this script."""
    for build in (
        print_report,
        write_case,
        print_annual,
        lay_out_evaluation,
        print_follow_up,
        typeset_research_report,
    ):
        print(f"built {build().name}")


if __name__ == "__main__":
    main()
