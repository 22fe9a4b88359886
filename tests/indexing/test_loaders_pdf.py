"""The PDF loader, on PDFs the tests build: printed page labels, clean text, clear refusals."""

from __future__ import annotations

import os
import shutil
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.domain import LoadedDocument
from assistant.errors import DocumentLoadError
from indexing.catalogue import Catalogue
from indexing.loaders import load_document
from indexing.loaders._structure import (
    Heading,
    PageBreak,
    has_note,
    heading_paths,
    note_mark,
    plain,
    rejoin_broken_sentences,
)
from indexing.loaders.pdf import parse_pdf_lines, parse_pdf_pages
from indexing.loaders.pdf.document import PdfPage
from indexing.loaders.pdf.lines import Run, TextLine, page_lines
from indexing.pipeline import build_record
from tests.helpers import page_holding, section_holding
from tests.pdf_factory import (
    HAS_UNICODE_FONT,
    REPORT_TITLE,
    corrupt_pdf,
    encrypted_pdf,
    image_only_pdf,
    not_a_pdf,
    report_pdf,
    scanned_pdf,
    write_pdf,
)
from tests.strategies import capitalised, word, words


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> LoadedDocument:
    return load_document(report_pdf(tmp_path_factory.mktemp("pdf") / "rapport.pdf"))


# --- a generated report -------------------------------------------------------------------


def test_pages_carry_the_printed_labels(report: LoadedDocument) -> None:
    assert report.page_count == 5
    # Page ii is the table of contents, which leaves no text behind.
    assert [p.label for p in report.pages] == ["i", "1", "2", "3"]
    assert page_holding(report, "Dette notatet er skrevet") == "i"
    assert page_holding(report, "Prosjektet har fulgt") == "1"
    assert page_holding(report, "Det viktigste funnet") == "2"
    assert page_holding(report, "playmaker") == "3"


def test_a_pdf_without_labels_is_numbered_from_one(tmp_path: Path) -> None:
    pages = [[f"Side med tekst om {topic}, som er lang nok."] for topic in ("a", "b", "c")]
    document = load_document(write_pdf(tmp_path / "enkel.pdf", pages, header=None))
    assert [p.label for p in document.pages] == ["1", "2", "3"]


def test_line_end_hyphenation_is_undone(report: LoadedDocument) -> None:
    assert "arbeidet med lokal utvikling og verdiskaping" in report.text
    assert "utvik-" not in report.text
    assert "helse- og omsorgstjenester" in report.text


def test_running_header_footer_and_contents_are_gone(report: LoadedDocument) -> None:
    assert "Arbeidsnotat 2/2019" not in report.text
    assert "Nord universitet" not in report.text
    assert "side 3" not in report.text
    assert "...." not in report.text and "Innhold" not in report.text


def test_a_sentence_over_a_page_break_is_one_sentence_on_both_pages(
    report: LoadedDocument,
) -> None:
    assert "samarbeider med sosiale entreprenører og andre aktører i lokalsamfunnet" in (
        report.text
    )
    assert page_holding(report, "sosiale entreprenører og") == "1"
    assert page_holding(report, "andre aktører i lokalsamfunnet") == "2"


def test_numbered_and_bold_headings_become_nested_sections(report: LoadedDocument) -> None:
    assert [s.path for s in report.sections] == [
        ["Forord"],
        ["1 Innledning"],
        ["1 Innledning", "1.1 Bakgrunn"],
        ["2 Funn fra prosjektet"],
        ["3 Avslutning"],
    ]
    assert [s.page for s in report.sections] == ["i", "1", "1", "2", "3"]
    assert section_holding(report, "andre aktører").path == ["1 Innledning", "1.1 Bakgrunn"]


def test_the_title_comes_from_the_pdf_metadata(report: LoadedDocument) -> None:
    assert report.title == REPORT_TITLE


@pytest.mark.skipif(not HAS_UNICODE_FONT, reason="no TrueType font for æøå on this machine")
def test_norwegian_letters_and_ligatures_survive(tmp_path: Path) -> None:
    pages = [["Kommunene i Sør-Trøndelag og Østfold får ﬁnansiering fra staten i år."]]
    document = load_document(write_pdf(tmp_path / "bokstaver.pdf", pages, header=None))
    assert "Sør-Trøndelag og Østfold får finansiering" in document.text


# --- refusals -----------------------------------------------------------------------------


def refusal(path: Path) -> str:
    with pytest.raises(DocumentLoadError) as raised:
        load_document(path)
    message = raised.value.detail
    assert message.startswith(f"{path.name}: ") and "\n" not in message
    return message


def test_an_encrypted_pdf_is_refused_saying_it_needs_a_password(tmp_path: Path) -> None:
    message = refusal(encrypted_pdf(tmp_path / "hemmelig.pdf"))
    assert "encrypted" in message and "password" in message


def test_a_pdf_encrypted_without_a_user_password_opens(tmp_path: Path) -> None:
    document = load_document(encrypted_pdf(tmp_path / "laast.pdf", user_password=""))
    assert "lokal utvikling" in document.text


def test_a_truncated_pdf_is_refused_as_damaged(tmp_path: Path) -> None:
    assert "damaged or not a PDF" in refusal(corrupt_pdf(tmp_path / "avbrutt.pdf"))


def test_a_file_that_is_no_pdf_is_refused(tmp_path: Path) -> None:
    assert "damaged or not a PDF" in refusal(not_a_pdf(tmp_path / "side.pdf"))


def test_an_image_only_pdf_is_refused_as_a_scan(tmp_path: Path) -> None:
    # Drawings without text or images: OCR (where installed) finds nothing to read either.
    message = refusal(image_only_pdf(tmp_path / "skann.pdf"))
    assert message.startswith("skann.pdf: no extractable text (a scanned PDF?")


@pytest.mark.parametrize("share", [0.05, 0.3, 0.6, 0.85, 0.97])
def test_a_pdf_cut_anywhere_loads_or_is_refused_never_crashes(tmp_path: Path, share: float) -> None:
    whole = report_pdf(tmp_path / "hel.pdf").read_bytes()
    cut = tmp_path / "kuttet.pdf"
    cut.write_bytes(whole[: int(len(whole) * share)])
    try:
        document = load_document(cut)
    except DocumentLoadError as error:
        assert error.detail.startswith("kuttet.pdf: ")
    else:
        assert document.sections


# --- the pure part, on page texts ---------------------------------------------------------


def test_page_texts_lose_furniture_and_keep_body() -> None:
    texts = [
        f"Rapport om kommunen\n{body}\n{number}"
        for number, body in enumerate(
            ["Første side handler om samstyring.", "Andre side om tillit.", "Tredje om tid."],
            start=1,
        )
    ]
    document = parse_pdf_pages(texts, ["1", "2", "3"])
    assert document.text == (
        "Første side handler om samstyring.\n\nAndre side om tillit.\n\nTredje om tid."
    )


def test_numbered_lines_that_do_not_number_like_headings_stay_text() -> None:
    texts = ["1 Innledning\nTekst om kommunen.\n3 Kommuner i Trøndelag\nvar med.\n2 Funn\nTekst."]
    document = parse_pdf_pages(texts, ["1"])
    assert [s.path for s in document.sections] == [["1 Innledning"], ["2 Funn"]]
    assert "3 Kommuner i Trøndelag var med." in document.text


def test_shouting_pdf_headings_read_in_sentence_case() -> None:
    texts = [
        "1 EMPIRI FRA PROSJEKTET RESENS\nVi bygger på prosjektet ReSeNS i Norge.\n2 Funn\nTekst."
    ]
    document = parse_pdf_pages(texts, ["1"])
    assert document.sections[0].path == ["1 Empiri fra prosjektet ReSeNS"]


page_texts = st.lists(
    st.one_of(
        st.builds(
            str.__add__, words(capitalised(1, 7), word(2, 8), 9), st.sampled_from(["", ".", ","])
        ),
        word(2, 8).map(lambda w: f"{w}-"),
        st.builds(
            lambda number, title: f"{number} {title}",
            st.sampled_from(["1", "2", "3", "4", "1.1", "2.3", "4.2"]),
            capitalised(2, 8),
        ),
        st.just(""),
        st.just("Rapport 2019"),
    ),
    min_size=1,
    max_size=10,
).map("\n".join)


@settings(max_examples=120, deadline=None)
@given(st.lists(page_texts, min_size=1, max_size=5))
def test_any_pages_give_sections_and_pages_inside_the_text(texts: list[str]) -> None:
    labels = [str(n) for n in range(1, len(texts) + 1)]
    try:
        document = parse_pdf_pages(texts, labels)
    except DocumentLoadError:
        return
    text = document.text
    assert document.sections[0].start == 0 and document.sections[-1].end == len(text)
    for first, second in pairwise(document.sections):
        assert first.end == second.start and first.start < first.end
    starts = [p.start for p in document.pages]
    assert starts == sorted(starts)
    assert all(0 <= p.start < p.end <= len(text) for p in document.pages)
    assert {p.label for p in document.pages} <= set(labels)


# --- scanned PDFs -------------------------------------------------------------------------

SCANNED_PAGES = [
    [
        "1 Innledning",
        "Kommunen har en viktig rolle i arbeidet med",
        "lokal utvikling og verdiskaping i distriktene.",
    ],
    ["2 Funn", "Holdninger betyr mer enn penger for samarbeidet."],
]


def needs_tesseract() -> None:
    """Skip without Tesseract on a developer's machine; in CI it must be there."""
    if shutil.which("tesseract") is None:
        if os.environ.get("CI"):
            pytest.fail("tesseract is missing in CI: add it to APT_PACKAGES (make system-deps)")
        pytest.skip("tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-nor)")


def test_a_scanned_pdf_is_read_by_ocr(tmp_path: Path) -> None:
    needs_tesseract()
    document = load_document(scanned_pdf(tmp_path / "skannet.pdf", SCANNED_PAGES))
    words = document.text.split()
    assert "verdiskaping" in words and "Holdninger" in words
    assert [s.path for s in document.sections] == [["1 Innledning"], ["2 Funn"]]
    assert page_holding(document, "Holdninger") == "2"


def test_without_tesseract_a_scan_is_refused_saying_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH on which no tesseract is found
    message = refusal(scanned_pdf(tmp_path / "skannet.pdf", SCANNED_PAGES))
    assert "scanned PDF" in message and "apt-get install tesseract-ocr" in message


# --- lines from placed text runs ----------------------------------------------------------


def test_a_small_raised_number_is_a_footnote_mark_not_a_digit() -> None:
    runs = [
        Run("Velferden er i rask endring", 70, 700, 10.5, "DejaVuSans"),
        Run("2", 200, 704, 6.5, "DejaVuSans"),
        Run(" (Loga, 2018), og 19 partnere er med.", 204, 700, 10.5, "DejaVuSans"),
    ]
    [line] = page_lines(runs, 842)
    assert plain(line.text) == "Velferden er i rask endring (Loga, 2018), og 19 partnere er med."
    assert has_note(line.text, "2") and line.size == 10.5 and line.top == 142


def test_a_line_opened_by_a_small_number_labels_a_footnote() -> None:
    runs = [Run("1", 70, 103, 5.0), Run("I tillegg til universitetene.", 74, 100, 8.0)]
    [line] = page_lines(runs, 842)
    assert (line.lead, line.text, line.size) == ("1", "I tillegg til universitetene.", 8.0)


def test_bold_faces_are_known_by_their_names() -> None:
    bold = ["Arial-BoldMT", "Calibri,Bold", "DejaVuSans-Bold", "CMBX12", "MinionPro-Semibold"]
    regular = ["ArialMT", "Calibri", "DejaVuSans", "CMR10", "TimesNewRomanPSMT"]
    assert all(Run("x", 0, 0, 10, font).bold for font in bold)
    assert not any(Run("x", 0, 0, 10, font).bold for font in regular)


def note_page(note_text: str, cited: str) -> PdfPage:
    """A page with body lines citing note 1 and that note at its foot in small type."""
    return PdfPage(
        [
            TextLine(f"Her står en setning om {cited}{note_mark('1')} som fortsetter.", 10.5),
            TextLine("Og en setning til om kommunen som har mange ord i seg her.", 10.5, top=15),
            TextLine(note_text, 8.0, top=700, lead="1"),
        ],
        "1",
    )


def test_notes_numbered_anew_on_each_page_are_all_kept() -> None:
    pages = [note_page("Første note.", "samstyring"), note_page("Andre note.", "tillit")]
    pages[1].label = "2"
    document = parse_pdf_lines(pages)
    assert "Fotnote 1: Første note." in document.text
    assert "Fotnote 1-2: Andre note." in document.text
    assert document.text.index("Fotnote 1-2") > document.text.index("tillit")


def test_without_type_sizes_usual_headings_are_known_by_name() -> None:
    texts = [
        "FORORD\nDette notatet er skrevet for oss.\n1 Innledning\nKommunen er viktig.",
        "LITTERATURLISTE\nStene, M. (2013). Bestillingskompetanse. Steinkjer: TFoU.",
    ]
    document = parse_pdf_pages(texts, ["1", "2"])
    assert [s.path for s in document.sections] == [
        ["Forord"],
        ["1 Innledning"],
        ["Litteraturliste"],
    ]
    catalogue = Catalogue([], Path("."))
    entry = catalogue.entry_for_file(Path("skannet.pdf"))
    record = build_record(Path("skannet.pdf"), entry, document, catalogue, "hash")
    assert [(r.authors, r.year) for r in record.references] == [(["Stene, M."], "2013")]


BROKEN_OFF = (
    "Stene og Mørkved (2019) hevdar at innhaldet i kommunen si entreprenørrolle i større grad "
    "vert å vere forhandlar, innovatør og brubyggjar. Vi bad verksemdene vurdere kor godt"
)
GOES_ON = "Saltvoll fyller kvar av desse rollene, på ein skala frå 1 til 5."


def test_a_paragraph_cut_off_after_a_word_at_a_pages_foot_goes_on_whatever_the_next_word() -> None:
    """Running text cut off after a lower-case word goes on atop the next page, even where
    that page starts with a name; a table's row or a sentence's end does not."""
    joined = rejoin_broken_sentences([BROKEN_OFF, PageBreak(), GOES_ON])
    assert [plain(part) for part in joined if isinstance(part, str)] == [f"{BROKEN_OFF} {GOES_ON}"]
    for before in (
        "Hestvikja 4 210 238 51 34 2,6",
        f"{BROKEN_OFF} Saltvoll.",
        f"- {BROKEN_OFF}",
        f"2. {BROKEN_OFF}",
    ):
        kept = rejoin_broken_sentences([before, PageBreak(), GOES_ON])
        assert [part for part in kept if isinstance(part, str)] == [before, GOES_ON]
    # A list's item atop the next page starts a new item.
    kept = rejoin_broken_sentences([BROKEN_OFF, PageBreak(), f"a. {GOES_ON}"])
    assert [part for part in kept if isinstance(part, str)] == [BROKEN_OFF, f"a. {GOES_ON}"]
    # Without a page break between them, two paragraphs stay two.
    assert rejoin_broken_sentences([BROKEN_OFF, GOES_ON]) == [BROKEN_OFF, GOES_ON]


def test_an_unnumbered_heading_between_a_chapters_sections_stands_in_that_chapter() -> None:
    """A fact box's title between "2.1" and "2.2" leaves "2.2" under "2"; an unnumbered
    heading after the last chapter ("Referanser") stands on its own."""
    headings = [
        Heading("1 Innledning", 1, "1"),
        Heading("2 Utgangslage", 1, "2"),
        Heading("2.1 I dag", 2, "2.1"),
        Heading("Fakta: i tall", 1),
        Heading("2.2 Erfaringer", 2, "2.2"),
        Heading("3 Roller", 1, "3"),
        Heading("Referanser", 1),
    ]
    assert heading_paths(headings) == [
        ["1 Innledning"],
        ["2 Utgangslage"],
        ["2 Utgangslage", "2.1 I dag"],
        ["2 Utgangslage", "Fakta: i tall"],
        ["2 Utgangslage", "2.2 Erfaringer"],
        ["3 Roller"],
        ["Referanser"],
    ]
