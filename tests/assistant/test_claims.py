"""Answer sentences are claims: headings, references, footnote labels and the like are not."""

from __future__ import annotations

import pytest

from assistant.answering.claims import footnote_body, is_claim, not_a_claim

SECTION = ["4 Muligheter og utfordringer", "4.1 Muligheter"]


@pytest.mark.parametrize(
    ("text", "path", "reason"),
    [
        ("2 Empiri fra prosjektet ReSeNS", ["2 Empiri fra prosjektet ReSeNS"], "heading"),
        (
            "Medborgerkooperativ gir lokale helsetjenester",
            ["Nyheter", "Medborgerkooperativ gir lokale helsetjenester"],
            "heading",
        ),
        ("3.4 Lokale partnerskap i praksis", ["3 Funn"], "heading"),
        ("Fotnote 4: https://en.wikipedia.org/wiki/Generation_Z", SECTION, "footnote label"),
        ("https://www.ue.no/", SECTION, "web address"),
        ("Les mer på https://www.ue.no/", SECTION, "web address"),
        (
            "Holmen, A. K. T. (2016). Endrede styringsregimer.",
            ["Litteraturliste"],
            "bibliography entry",
        ),
        (
            "Gausdal, A. H. (2008). Hvordan skape innovative nettverk?",
            SECTION,
            "bibliography entry",
        ),
        ("Retrieved from Steinkjer: Gausdal, A. H. (2008)", SECTION, "bibliography entry"),
        ("4.1 Muligheter\t7", ["Innhold"], "table of contents"),
        ("Figur 1: Tre prinsipielle ressursfordelingsmekanismer", SECTION, "caption"),
        ("Nord universitet Arbeidsnotat nr. 2 ISBN 82-7456-805-1", ["Forside"], "colophon"),
        ("Kari Nordmann, rådgiver i næringsavdelingen, Bodø kommune", SECTION, "attribution"),
        ("Steinkjer, mars 2019", ["Forord"], "colophon"),
        # A series line names its issue ("No. 2/2025", "Rapport 2024:7").
        ("No. 2/2025 - news from the business network of the Kvernsund region", [], "colophon"),
        ("Rapport 2024:7 fra instituttet om kommunenes roller", [], "colophon"),
        # A meeting's agenda names what was discussed, even as a field.
        ("Status for næringsarbeidet i de tre kommunene – tall for 2024", ["Dagsorden"], "heading"),
        ("Innlegg: «Fra forvalter til playmaker» ved næringshagen", ["Dagsorden"], "heading"),
    ],
)
def test_lines_that_are_not_claims_say_why(text: str, path: list[str], reason: str) -> None:
    assert not_a_claim(text, path) == reason


@pytest.mark.parametrize(
    "text",
    [
        "Kommunene må bli playmakeren i slike sammenhenger.",
        "Synonymer til playmaker er nettverksentreprenør og/eller mellomromsaktør "
        "(Carlsson & Sletterød, 2010; Sletterød & Carlsson, 2014).",
        "I tjenestedominant logikk snakker man om operator og operande ressurser "
        "(Lusch & Vargo, 2014)",  # a sentence missing its full stop is still a claim
        "Svært mye dreier seg om finansiering, da mange velferdstjenester ikke har noe marked",
        "Municipalities should act as brokers between business and civil society.",
        "2025: 2,4 millioner kroner",  # a table or list row giving a figure
        "Andel inköp från lokala företag: 28 procent (2021)",
        "Referent: Simen Arntzen, næringskonsulent, Sandvær kommune",  # a field of minutes
        "Sted: Sandvær rådhus",
        "Status for næringsarbeidet i de tre kommunene – tall for 2024",  # outside an agenda
    ],
)
def test_sentences_that_say_something_are_claims(text: str) -> None:
    assert is_claim(text, SECTION)


def test_a_footnote_keeps_its_body_without_the_label() -> None:
    text = "Fotnote 1: I tillegg til universitetene inngikk Coompanion i partnerskapet."
    body, start = footnote_body(text, 100)
    assert body == "I tillegg til universitetene inngikk Coompanion i partnerskapet."
    assert start == 100 + len("Fotnote 1: ")
    assert is_claim(body, SECTION)
    assert footnote_body("Ingen fotnote her.", 5) == ("Ingen fotnote her.", 5)


def test_a_place_and_date_line_is_no_claim_even_with_a_full_stop() -> None:
    assert not_a_claim("Fjordingen, 14. september 2023.") == "colophon"
    assert not_a_claim("Tromsø, June 2023") == "colophon"
    assert not_a_claim("Planen ble vedtatt i desember 2023.") is None
