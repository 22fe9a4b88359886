"""How well and how fast a PDF loads, against the Markdown conversion of the same document.

    python -m evals.benchmarks.pdf_loading                  # the paper, printed as a report
    python -m evals.benchmarks.pdf_loading --pdf X.pdf --markdown X.md

Without ``--pdf`` the working paper is set as a real report PDF by the tests' factory (needs
the dev extras: fpdf2). Prints sections against the Markdown path, references and citations,
what the chunks still hold that they should not (page-number lines, footnote digits, contents
lines, running headers), the word agreement with the Markdown text, and the load time.
"""

from __future__ import annotations

import argparse
import difflib
import re
import statistics
import tempfile
import time
from pathlib import Path

from assistant.domain import DocumentRecord, LoadedDocument
from indexing.catalogue import Catalogue
from indexing.chunking import chunk_document
from indexing.cleaning import is_page_number_line, parse_toc_line
from indexing.loaders import load_document
from indexing.pipeline import build_record

PAPER = "stene-morkved-2019-kommunen-sin-framtidige-naeringsutviklingsrolle.md"
ROOT = Path(__file__).resolve().parents[2]
_DIGITS = re.compile(r"^\(?\d{1,2}[.,;:)]?$")
_GLUED = re.compile(r"[^\W\d_]{3,}\d{1,2}$")


def paper_as_pdf(folder: Path) -> tuple[Path, Path]:
    """The paper's Markdown and the same paper printed as a report PDF."""
    from tests.indexing.test_loaders_pdf_report import COVER, TITLE, paper_copy, report_body
    from tests.pdf_factory import markdown_report_pdf

    markdown = paper_copy(folder)
    pdf = markdown_report_pdf(folder / "paper.pdf", report_body(markdown), COVER, header=TITLE)
    return pdf, markdown


def record(path: Path, document: LoadedDocument) -> DocumentRecord:
    catalogue = Catalogue([], path.parent)
    return build_record(path, catalogue.entry_for_file(path), document, catalogue, "benchmark")


def stray_words(pdf: LoadedDocument, markdown: LoadedDocument) -> tuple[int, int, float]:
    """Bare numbers and digit-glued words the PDF text has beyond the Markdown's; agreement."""
    words_pdf, words_md = pdf.text.split(), markdown.text.split()
    matcher = difflib.SequenceMatcher(None, words_md, words_pdf, autojunk=False)
    bare = glued = 0
    for tag, _, _, first, last in matcher.get_opcodes():
        if tag in ("insert", "replace"):
            bare += sum(1 for word in words_pdf[first:last] if _DIGITS.match(word))
            glued += sum(1 for word in words_pdf[first:last] if _GLUED.search(word.rstrip(".,;")))
    return bare, glued, matcher.ratio()


def furniture_patterns(path: Path) -> list[re.Pattern[str]]:
    """The running headers and footers of a PDF: edge lines that recur, numbers aside."""
    from collections import Counter

    from pypdf import PdfReader

    edges: Counter[str] = Counter()
    for page in PdfReader(path).pages:
        lines = [line.strip() for line in (page.extract_text() or "").split("\n") if line.strip()]
        edges.update({re.sub(r"\d+|\b[ivxl]+\b", "#", line) for line in lines[:1] + lines[-2:]})
    recurring = [line for line, count in edges.items() if count >= 3 and len(line) > 8]
    return [
        re.compile(r"(?:\d+|[ivxl]+)".join(re.escape(part) for part in line.split("#")))
        for line in recurring
    ]


def figures(pdf_path: Path, md_path: Path | None, repeat: int) -> list[str]:
    """The lines to print for one PDF (and its Markdown conversion, if given)."""
    timings = []
    for _ in range(repeat):
        began = time.perf_counter()
        pdf = load_document(pdf_path)
        timings.append(time.perf_counter() - began)
    from_pdf = record(pdf_path, pdf)
    chunks = chunk_document(pdf, from_pdf.entry, 700, 100)
    lines = [chunk.text.split("\n") for chunk in chunks]
    furniture = furniture_patterns(pdf_path)
    numbers = sum(1 for text in lines if any(is_page_number_line(line) for line in text))
    contents = sum(1 for text in lines if any(parse_toc_line(line) for line in text))
    running = sum(1 for chunk in chunks if any(p.search(chunk.text) for p in furniture))
    linked = sum(1 for citation in from_pdf.citations if citation.reference_ids)
    out = [
        f"pages {pdf.page_count}, load {statistics.median(timings):.2f} s (median of {repeat})",
        f"title {pdf.title!r}, authors {pdf.authors}, year {pdf.year}, language {pdf.language}",
        f"references {len(from_pdf.references)}, citations {len(from_pdf.citations)}, "
        f"linked {linked}",
        f"chunks {len(chunks)}: with page-number lines {numbers}, with contents lines "
        f"{contents}, with running headers or footers {running}",
    ]
    if md_path is not None:
        markdown = load_document(md_path)
        paths_md = [s.path for s in markdown.sections]
        paths_pdf = [s.path for s in pdf.sections]
        same = sum(1 for path in paths_pdf if path in paths_md)
        from_md = record(md_path, markdown)
        bare, glued, ratio = stray_words(pdf, markdown)
        out += [
            f"sections {len(paths_pdf)} (Markdown {len(paths_md)}; {same} the same)",
            f"Markdown: references {len(from_md.references)}, citations {len(from_md.citations)}",
            f"beyond the Markdown text: bare numbers {bare}, digit-glued words {glued}; "
            f"word agreement {ratio:.3f}",
        ]
    return out


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pdf", type=Path, help="a PDF (default: the paper printed by the tests)")
    parser.add_argument("--markdown", type=Path, help="the same document as Markdown")
    parser.add_argument("--repeat", type=int, default=5, help="loads to time")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if options.pdf:
            pdf_path, md_path = options.pdf, options.markdown
        else:
            pdf_path, md_path = paper_as_pdf(Path(folder))
        for line in figures(pdf_path, md_path, options.repeat):
            print(line)


if __name__ == "__main__":
    main()
