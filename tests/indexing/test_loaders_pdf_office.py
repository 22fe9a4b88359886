"""Layouts an office suite prints (LibreOffice's or Word's PDF export): a colophon page of
"Label: value" lines, a summary set ragged in two columns below text across the page, text
wrapped beside a framed fact box, a table whose header breaks a word in a narrow column, and
a reference list whose entries wrap.

Each page is drawn line by line with reportlab's canvas, so a test knows exactly where every
line breaks, as the office suite broke it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from assistant.domain import LoadedDocument
from indexing.loaders import load_document
from tests.report_producers import DEJAVU, HAS_FONTS

pytestmark = pytest.mark.skipif(not HAS_FONTS, reason="needs fonts-dejavu-core")

PAGE_HEIGHT = 842.0
LEFT = 71.0
# Where the right column of a page in two columns starts.
RIGHT = 315.0


@dataclass(frozen=True)
class Text:
    """A line drawn at ``x`` with its baseline ``top`` pt below the top of the page."""

    x: float
    top: float
    text: str
    size: float = 9.0
    bold: bool = False
    flush_right: bool = False  # ``x`` is where the line ends (a table's figures)


@dataclass(frozen=True)
class Frame:
    """A framed rectangle (a text box): left, top, right, bottom, from the page's top."""

    left: float
    top: float
    right: float
    bottom: float


def draw_pdf(path: Path, pages: list[list[Text | Frame]], title: str = "Rapport") -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(TTFont("OfficeSans", str(DEJAVU / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("OfficeSans-Bold", str(DEJAVU / "DejaVuSans-Bold.ttf")))
    canvas = Canvas(str(path), pagesize=(595.0, PAGE_HEIGHT))
    canvas.setTitle(title)
    for items in pages:
        for item in items:
            if isinstance(item, Frame):
                canvas.rect(
                    item.left,
                    PAGE_HEIGHT - item.bottom,
                    item.right - item.left,
                    item.bottom - item.top,
                    stroke=1,
                    fill=0,
                )
                continue
            canvas.setFont("OfficeSans-Bold" if item.bold else "OfficeSans", item.size)
            draw = canvas.drawRightString if item.flush_right else canvas.drawString
            draw(item.x, PAGE_HEIGHT - item.top, item.text)
        canvas.showPage()
    canvas.save()
    return path


def lines(
    x: float, top: float, texts: list[str], pitch: float = 12.0, **style: object
) -> list[Text]:
    return [Text(x, top + i * pitch, text, **style) for i, text in enumerate(texts)]  # type: ignore[arg-type]


def paragraphs(document: LoadedDocument) -> list[str]:
    return [part.strip() for part in document.text.split("\n\n") if part.strip()]


# --- a summary in two ragged columns below text across the page ----------------------------

FULL_WIDTH = [
    "Denne rapporten er sluttrapporten frå følgjeevalueringa av Fjordbrua, eit regionalt",
    "program for næringsutvikling i dei tre kommunane Austvik, Nordland og Vestdal. Programmet",
    "gjekk frå 1. januar 2021 til 31. desember 2025, og regionrådet har vore oppdragsgjevar for",
    "evalueringa heile tida.",
]
LEFT_COLUMN = [
    "Fjordbrua skulle gjere dei tre kommunane betre",
    "i stand til å utvikle næringslivet saman med",
    "bedriftene. Programmet hadde eit samla",
    "budsjett på 26,3 millionar kroner for perioden",
    "2021–2025. Fylkeskommunen finansierte 15,5",
    "millionar kroner og Sparebankstiftinga",
    "Vestfjord 6,0 millionar kroner.",
]
RIGHT_COLUMN = [
    "I programperioden kom det inn 234 søknader, og",
    "83 prosjekt fekk støtte. Det førre programmet,",
    "Fjordprogrammet 2016–2020, gav 64 nye",
    "arbeidsplassar med eit budsjett på 19,7",
    "millionar kroner.",
]


@pytest.fixture(scope="module")
def summary_in_columns(tmp_path_factory: pytest.TempPathFactory) -> LoadedDocument:
    page: list[Text | Frame] = [Text(LEFT, 108, "Føreord", 17, True)]
    page += lines(LEFT, 132, FULL_WIDTH)
    page.append(Text(LEFT, 220, "Samandrag", 17, True))
    page += lines(LEFT, 245, LEFT_COLUMN)
    page += lines(RIGHT, 245, RIGHT_COLUMN)
    page += [Text(LEFT, 380, "1 Innleiing", 17, True)]
    page += lines(LEFT, 405, [*FULL_WIDTH[:3], "evalueringa heile tida, og vi takkar for det."])
    path = tmp_path_factory.mktemp("office") / "samandrag.pdf"
    return load_document(draw_pdf(path, [page]))


def test_a_ragged_column_below_text_across_the_page_reads_whole_sentences(
    summary_in_columns: LoadedDocument,
) -> None:
    """A column's ragged lines end far short of the full-width lines above it: they are
    measured against their own column, not the page, and no sentence breaks at a line end."""
    found = paragraphs(summary_in_columns)
    assert " ".join(LEFT_COLUMN) in found
    assert " ".join(RIGHT_COLUMN) in found
    assert " ".join(FULL_WIDTH) in found


# --- text wrapped beside a framed fact box -------------------------------------------------

BESIDE_BOX = [
    "Fjordbrua vart vedteken av regionrådet 9. desember",
    "2020 i sak 31/20. Programmet var ei vidareføring av",
    "Fjordprogrammet 2016–2020, som berre Austvik og",
    "Nordland var med i. Vestdal kom med frå 1. januar",
    "2021, etter vedtak i kommunestyret i oktober",
    "2020.",
]
AFTER_GAP = [
    "Namnet på programmet skulle seie kva det handla om:",
    "kommunane skulle byggje bruer mellom bedrifter, lag",
    "og offentlege aktørar.",
]
BELOW_BOX = [
    "Den første programleiaren, Lars Endre Hovlid, slutta hausten 2021. Randi Vatle har vore "
    "programleiar",
    "sidan februar 2022, i ei 80 prosent stilling i regionrådet, og ho har leia arbeidet med "
    "tenesta for",
    "næringslivet.",
]
BOX_TITLE = "Faktaboks: Fjordbrua"
BOX_LINES = [
    "Periode: 2021–2025",
    "Kommunar: Austvik og",
    "Vestdal",
    "Eigar: Fjord regionråd",
    "Budsjett: 26,3 mill. kr",
    "Leiar: Randi Vatle",
    "Teneste: Fjord Utvikling",
    "AS",
]
BOX_FACTS = [
    "Periode: 2021–2025",
    "Kommunar: Austvik og Vestdal",
    "Eigar: Fjord regionråd",
    "Budsjett: 26,3 mill. kr",
    "Leiar: Randi Vatle",
    "Teneste: Fjord Utvikling AS",
]


@pytest.fixture(scope="module")
def fact_box(tmp_path_factory: pytest.TempPathFactory) -> LoadedDocument:
    page: list[Text | Frame] = [Text(LEFT, 108, "1 Innleiing", 17, True)]
    page.append(Text(LEFT, 140, "1.1 Om Fjordbrua", 13, True))
    page += lines(LEFT, 170, BESIDE_BOX)
    page += lines(LEFT, 170 + 6 * 12 + 6, AFTER_GAP)
    page.append(Frame(345, 158, 470, 270))
    page += lines(352, 170, [BOX_TITLE], bold=True)
    page += lines(352, 182, BOX_LINES, pitch=11.0)
    page += lines(LEFT, 290, BELOW_BOX)
    path = tmp_path_factory.mktemp("office") / "faktaboks.pdf"
    return load_document(draw_pdf(path, [page]))


def test_text_wrapped_beside_a_box_is_measured_against_its_own_lines(
    fact_box: LoadedDocument,
) -> None:
    """Lines wrapped beside a box end short of the text across the page below it: a line
    ending mid-sentence there goes on, however short beside the page's full lines."""
    found = paragraphs(fact_box)
    assert " ".join(BESIDE_BOX) in found
    assert " ".join(AFTER_GAP) in found
    assert " ".join(BELOW_BOX) in found


def test_each_line_of_a_fact_box_stands_alone_however_its_next_label_would_fit(
    fact_box: LoadedDocument,
) -> None:
    """A fact's line ends short of the box's edge and without a stop, and the next label is
    too long for the room left: still each "Label: value" is its own line, and a value
    wrapped in the box ("... og" / "Vestdal") goes on with its label."""
    found = paragraphs(fact_box)
    start = found.index(BOX_TITLE)
    assert found[start + 1 : start + 1 + len(BOX_FACTS)] == BOX_FACTS


# --- a colophon after the cover --------------------------------------------------------------

COLOPHON = [
    "Tittel: Brubygging i praksis",
    "Undertittel: Følgjeevaluering av Fjordbrua 2021–2025. Sluttrapport med vedlegg og tabellar",
    "Forfattarar: Solveig Aarnes Hjelmeland, Kjetil Brattebø",
    "Rapportnummer: VFS-rapport 2026:2",
    "Oppdragsgjevar: Fjord regionråd",
    "Dato: 20. januar 2026",
    "Emneord: næringsutvikling, følgjeevaluering, kommunen si rolle, playmakar, samskaping",
]
PUBLISHER = [
    "Vestfjord Samfunnsforsking er eit uavhengig forskingsinstitutt som arbeider med regional "
    "utvikling og",
    "offentleg forvaltning.",
]
FOREWORD = [
    "Denne rapporten er sluttrapporten frå følgjeevalueringa av Fjordbrua, eit regionalt "
    "program for",
    "næringsutvikling i dei tre kommunane Austvik, Nordland og Vestdal.",
]


@pytest.fixture(scope="module")
def colophon(tmp_path_factory: pytest.TempPathFactory) -> LoadedDocument:
    cover: list[Text | Frame] = [
        Text(LEFT, 288, "Brubygging i praksis", 30, True),
        Text(LEFT, 330, "Følgjeevaluering av Fjordbrua 2021–2025", 16),
        Text(LEFT, 420, "Solveig Aarnes Hjelmeland og Kjetil Brattebø", 12),
    ]
    page: list[Text | Frame] = [Text(LEFT, 84, "Om rapporten", 14, True)]
    page += lines(LEFT, 100, COLOPHON, pitch=17.0)
    page += lines(LEFT, 100 + 7 * 17.0, PUBLISHER)
    body: list[Text | Frame] = [Text(LEFT, 108, "Føreord", 17, True)]
    body += lines(LEFT, 132, FOREWORD)
    path = tmp_path_factory.mktemp("office") / "kolofon.pdf"
    return load_document(draw_pdf(path, [cover, page, body]))


def test_a_colophon_after_the_cover_is_front_matter(colophon: LoadedDocument) -> None:
    """A page of "Label: value" fields after the cover, with the publisher's line of prose
    below them, is the colophon: like the cover, it is no part of the body."""
    assert paragraphs(colophon) == ["Føreord", " ".join(FOREWORD)]
    assert colophon.sections[0].path == ["Føreord"]


def test_fields_in_the_body_stand_each_on_their_own(tmp_path: Path) -> None:
    """A case document's fields opening its first page stay one to a line, however long the
    next label is for the room the line above left."""
    page: list[Text | Frame] = [Text(LEFT, 84, "Saksframlegg", 14, True)]
    page += lines(LEFT, 100, COLOPHON[1:], pitch=17.0)
    page += lines(LEFT, 100 + 6 * 17.0 + 6, PUBLISHER)
    found = paragraphs(load_document(draw_pdf(tmp_path / "sak.pdf", [page])))
    assert found[1:7] == COLOPHON[1:]


# --- a table whose header breaks a word in a narrow column --------------------------------

# Each column's right edge; the first (the labels) is set flush left at LEFT.
TABLE_EDGES = [190.0, 250.0, 332.0, 410.0]
HEADER_ROWS = [
    ["Kommune", "Søknader", "Støtta", "Nye", "Nye"],
    ["", "", "prosjekt", "arbeidsplassa", "verksemder"],
    ["", "", "", "r", ""],
]
TABLE_ROWS = [
    ["Austvik", "121", "41", "63", "19"],
    ["Nordland", "74", "27", "38", "12"],
    ["Vestdal", "39", "15", "17", "6"],
]


@pytest.fixture(scope="module")
def broken_header(tmp_path_factory: pytest.TempPathFactory) -> LoadedDocument:
    page: list[Text | Frame] = [Text(LEFT, 108, "3 Resultat", 17, True)]
    page += lines(
        LEFT,
        132,
        [
            "Tabell 3.1 viser søknader, støtta prosjekt, nye arbeidsplassar og nye verksemder i",
            "kvar kommune for heile perioden.",
        ],
    )
    top = 160.0
    for rows, bold, pitch in ((HEADER_ROWS, True, 10.0), (TABLE_ROWS, False, 15.0)):
        for row in rows:
            if row[0]:
                page.append(Text(LEFT, top, row[0], bold=bold))
            for edge, cell in zip(TABLE_EDGES, row[1:], strict=True):
                if cell:
                    page.append(Text(edge, top, cell, bold=bold, flush_right=True))
            top += pitch
        top += 5
    page += lines(
        LEFT, top + 20, ["Austvik fekk flest prosjekt, men Nordland fekk mest ut av programmet."]
    )
    path = tmp_path_factory.mktemp("office") / "tabell.pdf"
    return load_document(draw_pdf(path, [page]))


def test_a_header_word_broken_in_a_narrow_column_is_whole_in_every_row(
    broken_header: LoadedDocument,
) -> None:
    """ "arbeidsplassa" over "r": the word the text spells ("nye arbeidsplassar") is read
    whole; two words over each other ("Støtta" over "prosjekt") stay two."""
    found = paragraphs(broken_header)
    assert (
        "Austvik: Søknader 121; Støtta prosjekt 41; Nye arbeidsplassar 63; Nye verksemder 19."
        in found
    ), found
    assert not any("arbeidsplassa r" in part for part in found)


# --- a reference list whose entries wrap ---------------------------------------------------

REFERENCES = [
    [
        "Hjelmeland, S. A. og Brattebø, K. (2022). Fjordbrua. Delrapport 1 frå",
        "følgjeevalueringa. VFS-rapport 2022:9. Austvik: Vestfjord Samfunnsforsking.",
    ],
    [
        "Røiseland, A. og Vabo, S. I. (2016). Styring og samstyring: governance på norsk "
        "(2. utg.).",
        "Bergen: Fagbokforlaget.",
    ],
    [
        "Stene, M. og Mørkved, B. P. (2019). Kommunen sin framtidige næringsutviklingsrolle.",
        "Arbeidsnotat nr. 2. Bodø: Nord universitet.",
    ],
]


@pytest.mark.parametrize("gap", [6.0, 0.0], ids=["entries set apart", "entries close"])
def test_each_reference_reads_as_one_line(tmp_path: Path, gap: float) -> None:
    """An entry's printed line break is no part of it: each entry is one line of the text,
    whether the entries stand apart or not, and the parser reads the same entries."""
    from indexing.references import parse_bibliography

    page: list[Text | Frame] = [Text(LEFT, 108, "Referansar", 17, True)]
    top = 132.0
    for entry in REFERENCES:
        page += lines(LEFT, top, entry)
        top += len(entry) * 12.0 + gap
    document = load_document(draw_pdf(tmp_path / "referansar.pdf", [page]))
    text_lines = [line for line in document.text.splitlines() if line.strip()]
    assert text_lines == ["Referansar", *(" ".join(entry) for entry in REFERENCES)]
    parsed = parse_bibliography(document.text, "doc")
    assert [reference.raw for reference in parsed] == [" ".join(e) for e in REFERENCES]


def test_a_colophon_known_by_its_isbn_is_front_matter(tmp_path: Path) -> None:
    """A colophon without fields: the publisher, the series, the ISBN and a line of prose on
    the rights, after the cover, is no page of the body either."""
    cover: list[Text | Frame] = [Text(LEFT, 288, "Brubygging i praksis", 30, True)]
    page: list[Text | Frame] = lines(
        LEFT,
        600,
        [
            "Vestfjord Samfunnsforsking",
            "VFS-rapport 2026:2",
            "ISBN 978-82-93456-12-3",
            "Rapporten kan lastast ned frå nettsidene våre og fritt siterast når kjelda er "
            "oppgitt.",
        ],
    )
    body: list[Text | Frame] = [Text(LEFT, 108, "Føreord", 17, True)]
    body += lines(LEFT, 132, FOREWORD)
    document = load_document(draw_pdf(tmp_path / "isbn.pdf", [cover, page, body]))
    assert paragraphs(document) == ["Føreord", " ".join(FOREWORD)]
