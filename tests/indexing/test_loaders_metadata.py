"""What a file says about itself: authors in a metadata field, the language of its text."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from indexing.loaders import load_document
from indexing.loaders._metadata import (
    document_language,
    is_placeholder,
    printed_authors,
    printed_title,
    split_authors,
    year_in,
)


@pytest.mark.parametrize(
    ("field", "authors"),
    [
        ("Morten Stene, Britt Paula Mørkved", ["Morten Stene", "Britt Paula Mørkved"]),
        ("Kari Nordmann; Ola Hansen", ["Kari Nordmann", "Ola Hansen"]),
        ("Kari Nordmann og Ola Hansen", ["Kari Nordmann", "Ola Hansen"]),
        ("Stene, M. & Mørkved, B. P.", ["Stene, M.", "Mørkved, B. P."]),
        ("Stene, Morten", ["Stene, Morten"]),
        (
            "Vikfjord kommune, Plan- og næringsavdelingen",
            ["Vikfjord kommune, Plan- og næringsavdelingen"],
        ),
        ("  ", []),
    ],
)
def test_a_metadata_field_is_split_into_its_authors(field: str, authors: list[str]) -> None:
    assert split_authors(field) == authors


TEXTS = {
    "nb": "Kommunen har en viktig rolle i arbeidet med næringsutvikling, og denne rollen er i "
    "endring. Det handler om hvordan kommunen samarbeider med næringslivet og frivilligheten, "
    "og om hva som skal til for at lokalsamfunnet utvikler seg.",
    "nn": "Kommunen har ei viktig rolle i arbeidet med næringsutvikling, og denne rolla er i "
    "endring. Det handlar om korleis kommunen samarbeider med næringslivet og frivilligheita, "
    "og om kva som skal til for at lokalsamfunnet ikkje misser dei unge.",
    "sv": "Kommunen har en viktig roll i arbetet med näringslivsutveckling, och denna roll är "
    "under förändring. Det handlar om hur kommunen samarbetar med näringslivet och det "
    "civila samhället, och vad som krävs för att orten inte ska tappa de unga.",
    "en": "The municipality has an important role in business development, and this role is "
    "changing. It is about how the municipality works with business and volunteers, and about "
    "what it takes for the community to keep its young people.",
    "da": "Kommunen har en vigtig rolle i arbejdet med erhvervsudvikling, og denne rolle er under "
    "forandring. Det handler om, hvordan kommunen samarbejder med erhvervslivet og de "
    "frivillige, og om hvad der skal til, for at lokalsamfundet ikke mister de unge efter "
    "skolen. Meget af udviklingen sker mellem kommunen og nogle af virksomhederne.",
}


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_the_language_of_a_text_is_detected(language: str) -> None:
    assert document_language(TEXTS[language] * 3) == language


def test_the_year_is_the_last_one_printed() -> None:
    assert year_in("Arbeidsnotat nr. 2, Bodø 2019") == 2019
    assert year_in("ISBN 82-7456-805-1") is None


def test_a_year_standing_alone_is_the_publication_year_not_a_period_covered() -> None:
    cover = "Report 2024/02 Small Business Growth: an evaluation of the Fund 2020–2023"
    assert year_in(cover) == 2024
    assert year_in("Evaluering av Næringsløypa Kvernådalen 2020–2024") == 2024
    programme = "Antaget av kommunfullmäktige 2024-11-18, § 142 Giltigt 2025-01-01 – 2028-12-31"
    assert year_in(programme) == 2024


@pytest.mark.parametrize(
    "value",
    [
        "(anonymous)",
        "untitled",
        "Anonymous",
        "unknown",
        "python-docx",
        " (Untitled) ",
        "Microsoft Office User",
        "Microsoft Office-brukar",
    ],
)
def test_a_producers_placeholder_is_no_title_or_author(value: str) -> None:
    assert is_placeholder(value)


@pytest.mark.parametrize(
    "value", ["Helen Marsh", "Untitled Spaces: Rural Arts", "Nord universitet"]
)
def test_a_real_title_or_author_is_no_placeholder(value: str) -> None:
    assert not is_placeholder(value)


def test_a_metadata_title_the_text_never_prints_is_no_title_of_it() -> None:
    cover = "Utvärdering av projektet Företagslyft Älvby 2021–2023 Anna Lindqvist och Johan Berg"
    assert printed_title("Utvärdering av projektet Företagslyft Älvby 2021–2023", cover)
    assert not printed_title("Mall för rapport", cover), "a template's title"


def test_a_login_is_no_author_but_a_name_is_one_printed_or_not() -> None:
    text = "Rapporten er skrevet av Anna Lindqvist."
    assert printed_authors(["alind", "kari.nordmann", "Kari Nordmann", "lindqvist"], text) == [
        "Kari Nordmann",
        "lindqvist",
    ]


def test_a_first_page_with_a_colophon_gives_its_printed_authors_and_year(
    tmp_path: Path,
) -> None:
    """A cover that ends in a colophon paragraph (prose, so the page is read as text) still
    prints who wrote the report and when it came out; the file is dated the day it was
    printed and names no author."""
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "report.pdf"
    canvas = Canvas(str(path), pagesize=(595, 842))
    canvas.setFont("Helvetica-Bold", 24)
    canvas.drawString(72, 700, "Playing the middle")
    canvas.setFont("Helvetica", 12)
    for y, line in ((660, "Sigrid Bergvik and Daniel Okafor"), (630, "Report 2024:7"),
                    (610, "Tromsø, October 2024")):  # fmt: skip
        canvas.drawString(72, y, line)
    canvas.setFont("Helvetica", 9)
    canvas.drawString(
        72, 120, "The institute is an independent research foundation owned by the region's"
    )
    canvas.drawString(
        72, 108, "municipalities, and it has studied local business policy since 2009."
    )
    canvas.showPage()
    canvas.setFont("Helvetica", 11)
    for index in range(12):
        canvas.drawString(
            72, 760 - 16 * index, "The municipalities work together on business development, and"
        )
    canvas.save()
    created = PdfReader(path).metadata.creation_date
    assert created is not None and created.year != 2024  # the day the test printed it

    document = load_document(path)
    assert document.year == 2024
    assert document.authors == ["Sigrid Bergvik", "Daniel Okafor"]  # the file names none
