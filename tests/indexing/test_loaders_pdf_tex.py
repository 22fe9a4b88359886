"""PDFs typeset by LaTeX read as their words: ligatures, dashes, quotes and æøå whole, also
when pdfTeX fell back to bitmap fonts whose glyphs are named only by their codes."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
)

from indexing.loaders import load_document
from indexing.loaders.pdf.fonts import glyph_widths
from indexing.loaders.pdf.tex import (
    OT1,
    T1,
    encoding_of,
    name_tex_bitmap_glyphs,
    tex_codes,
    tex_to_unicode,
)

PDFLATEX = shutil.which("pdflatex")
needs_pdflatex = pytest.mark.skipif(
    PDFLATEX is None, reason="needs pdflatex (make system-deps installs texlive-latex-base)"
)

REPORT = r"""
\documentclass[11pt,a4paper]{article}
\usepackage[T1]{fontenc}
\usepackage[utf8]{inputenc}
\begin{document}
\tableofcontents
\newpage
\section{Innleiing}
\subsection{Bakgrunn}
Programmet hadde fire innsatsområde for perioden 2020--2024. Kommunen skulle flytte
ressursar til offentleg innkjøp og måle effektar av tiltaka, i tråd med § 5 i avtalen.
Ei intern gjennomgang skildra den førre planen som «ein tilskotsordning utan retning».
Hestvikja og Trollmo betalte eigendel --- til saman 2,2 millionar kroner.
\section{Resultat}
Næringsdøra fekk 412 førespurnader. Ærlege svar frå verksemdene viser at brubyggjarrolla
har fungert betre enn forhandlarrolla.
\begin{table}[h]
\centering
\caption{Nøkkeltal per kommune, samla 2020--2024}
\begin{tabular}{lrrr}
\hline
Kommune & Innbyggjarar & Rettleiingar & Tilsagn \\
\hline
Saltvoll & 9840 & 612 & 96 \\
Hestvikja & 4210 & 238 & 34 \\
Trollmo & 2730 & 147 & 21 \\
\hline
\end{tabular}
\end{table}
\section{Roller}
Kommunen har vore ein brubyggjar mellom næringslivet og frivilligheita i heile perioden.
\section{Tilrådingar}
Vi tilrår at kommunen formaliserer rolla si som playmaker i eit eige mandat.
\end{document}
"""


@needs_pdflatex
def test_a_latex_report_keeps_its_letters_its_tables_rows_and_no_contents(tmp_path: Path) -> None:
    (tmp_path / "rapport.tex").write_text(REPORT, encoding="utf-8")
    for _ in range(2):
        subprocess.run(
            [str(PDFLATEX), "-interaction=nonstopmode", "rapport.tex"],
            cwd=tmp_path,
            check=True,
            capture_output=True,
            timeout=300,
        )

    document = load_document(tmp_path / "rapport.pdf")

    text = " ".join(document.text.split())
    for phrase in (
        "Programmet hadde fire innsatsområde for perioden 2020–2024.",
        "Kommunen skulle flytte ressursar til offentleg innkjøp og måle effektar av tiltaka",
        "i tråd med § 5 i avtalen",
        "«ein tilskotsordning utan retning»",
        "betalte eigendel — til saman 2,2 millionar kroner",
        "Ærlege svar frå verksemdene",
    ):
        assert phrase in text
    assert [section.path for section in document.sections] == [
        ["1 Innleiing"],
        ["1 Innleiing", "1.1 Bakgrunn"],
        ["2 Resultat"],
        ["3 Roller"],
        ["4 Tilrådingar"],
    ]
    # A row set as one run of kerned cells reads as a row, each figure with its column's name;
    # the contents page, its page numbers set apart by a kern, is no text.
    assert "Trollmo: Innbyggjarar 2730; Rettleiingar 147; Tilsagn 21." in text
    assert "Contents" not in text


def bitmap_font_page(path: Path, codes: bytes, matrix: float = 0.001, width: int = 500) -> Path:
    """A page showing ``codes`` in a Type 3 font named as pdfTeX names a bitmap font's glyphs
    (``/a28`` for code 28), with no ``/ToUnicode``."""
    writer = PdfWriter()
    page = writer.add_blank_page(400, 200)
    used = sorted(set(codes))
    procedures = DictionaryObject()
    for code in used:
        glyph = DecodedStreamObject()
        glyph.set_data(b"500 0 0 0 400 600 d1 0 0 400 600 re f")
        procedures[NameObject(f"/a{code}")] = writer._add_object(glyph)
    differences = ArrayObject()
    for code in used:
        differences.extend([NumberObject(code), NameObject(f"/a{code}")])
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type3"),
            NameObject("/FontBBox"): ArrayObject([NumberObject(n) for n in (0, 0, 500, 700)]),
            NameObject("/FontMatrix"): ArrayObject(
                [FloatObject(n) for n in (matrix, 0, 0, matrix, 0, 0)]
            ),
            NameObject("/CharProcs"): procedures,
            NameObject("/Encoding"): DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Encoding"),
                    NameObject("/Differences"): differences,
                }
            ),
            NameObject("/FirstChar"): NumberObject(used[0]),
            NameObject("/LastChar"): NumberObject(used[-1]),
            NameObject("/Widths"): ArrayObject(
                [NumberObject(width) for _ in range(used[0], used[-1] + 1)]
            ),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    content = DecodedStreamObject()
    content.set_data(b"BT /F1 12 Tf 20 100 Td <" + codes.hex().encode() + b"> Tj ET")
    page[NameObject("/Contents")] = writer._add_object(content)
    with path.open("wb") as file:
        writer.write(file)
    return path


def read_with_names(path: Path) -> str:
    page = PdfReader(path).pages[0]
    name_tex_bitmap_glyphs(page)
    return page.extract_text()


def test_a_bitmap_fonts_codes_read_as_t1_text(tmp_path: Path) -> None:
    # "fire effektar 2020–2024 «ø§»" in T1's codes: fi ligature 0x1C, ff 0x1B, en dash 0x15,
    # guillemets 0x13/0x14, ø at 0xF8 and § at 0x9F.
    codes = b"\x1cre e\x1bektar 2020\x152024 \x13\xf8\x9f\x14"
    text = read_with_names(bitmap_font_page(tmp_path / "t1.pdf", codes))
    assert text.strip() == "fire effektar 2020–2024 «ø§»"


def test_a_bitmap_font_using_only_ot1s_codes_reads_as_ot1(tmp_path: Path) -> None:
    # OT1 puts fi at 0x0C and the en dash at 0x7B, and nothing above ASCII.
    codes = b"\x0cre 2020\x7b2024"
    assert encoding_of(sorted(set(codes))) is OT1
    text = read_with_names(bitmap_font_page(tmp_path / "ot1.pdf", codes))
    assert text.strip() == "fire 2020–2024"


def test_a_type3_font_with_named_glyphs_is_left_as_it_is(tmp_path: Path) -> None:
    path = bitmap_font_page(tmp_path / "named.pdf", b"abc")
    reader = PdfReader(path)
    font = reader.pages[0]["/Resources"]["/Font"]["/F1"].get_object()
    font["/Encoding"][NameObject("/Differences")] = ArrayObject(
        [NumberObject(97), NameObject("/a"), NameObject("/b"), NameObject("/c")]
    )
    name_tex_bitmap_glyphs(reader.pages[0])
    assert "/ToUnicode" not in font
    assert encoding_of([0x1C, 0xF8]) is T1


def test_a_type3_fonts_widths_are_scaled_by_its_matrix_and_a_missing_space_is_a_word_space(
    tmp_path: Path,
) -> None:
    """TeX's bitmap fonts give widths in their own glyph units (here a hundredth of the size):
    a line's end is measured in the page's units, so short last lines and columns are told
    right; a space pypdf puts between words the font has no glyph for counts as a word space."""
    path = bitmap_font_page(tmp_path / "widths.pdf", b"re", matrix=0.01, width=50)
    font = PdfReader(path).pages[0]["/Resources"]["/Font"]["/F1"].get_object()
    font[NameObject("/ToUnicode")] = tex_to_unicode(tex_codes(font))
    widths = glyph_widths(font)
    assert widths.width("re") == pytest.approx(1000)  # 50 units of a hundredth: 500 each
    assert widths.width(" ") == widths.space == 250
