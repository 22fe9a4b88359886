"""The Markdown and text loaders: the working paper comes out clean, with its structure and pages.

Expectations about the working paper are read off the paper itself (its table of contents, its
footnotes, its pages), not off the loader's output.
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.domain import LoadedDocument, Section
from assistant.errors import DocumentLoadError
from indexing.loaders import SUPPORTED_SUFFIXES, load_document, parse_markdown, parse_text
from tests.helpers import CORPUS, page_holding, section_holding

PAPER = CORPUS / "stene-morkved-2019-kommunen-sin-framtidige-naeringsutviklingsrolle.md"
SITE = "Fra ReSeNS-prosjektets nettside"

# The paper's table of contents: section → the page it starts on.
CONTENTS = {
    "Forord": "i",
    "Sammendrag": "1",
    "1 Innledning": "2",
    "1.1 Problemstilling": "2",
    "1.2 Gjennomføring og premisser": "2",
    "2 Empiri fra prosjektet ReSeNS": "3",
    "2.1 Faglig utgangspunkt": "3",
    "2.2 Utvalgte funn": "3",
    "2.2.1 I stor grad et holdningsspørsmål": "4",
    "2.2.2 Ressursutfordringer": "4",
    "2.2.3 Nye forretnings- og samstyringsmodeller (governance)": "5",
    "3 Samfunnsdrivere": "5",
    "3.1 Endringer i velferdspolitikken": "6",
    "3.2 Ny ressurslogikk": "6",
    "4 Muligheter og utfordringer for distriktskommunene": "7",
    "4.1 Muligheter": "7",
    "4.2 Utfordringer": "9",
    "Litteraturliste": "12",
}


@pytest.fixture(scope="module")
def paper() -> LoadedDocument:
    return load_document(PAPER)


def section(document: LoadedDocument, title: str) -> Section:
    """The section whose own heading is ``title``."""
    (found,) = [s for s in document.sections if s.path and s.path[-1] == title]
    return found


def text_of(document: LoadedDocument, found: Section) -> str:
    return document.text[found.start : found.end]


# --- the working paper: no conversion leftovers -------------------------------------------


def test_the_paper_has_no_conversion_leftovers(paper: LoadedDocument) -> None:
    text = paper.text
    for leftover in ["<sup>", "</sup>", "♥", "☞", "Spara favoritt", "**", "\\_", "](", "<http"]:
        assert leftover not in text, leftover
    lines = text.split("\n")
    assert not any(line.strip() == "---" for line in lines)
    assert not any(re.search(r"\t(\d+|[ivx]+)$", line) for line in lines), "contents lines"
    assert "INNHold" not in text
    assert not re.search(r"(?m)^#", text)
    assert "*" not in text


def test_the_cover_pages_are_left_out_and_give_the_title(paper: LoadedDocument) -> None:
    assert paper.title == "Kommunen sin framtidige næringsutviklingsrolle"
    assert paper.text.startswith("Forord\n\nDette notatet er en bestilling fra Distriktssenteret")
    assert "ARBEIDSNOTAT" not in paper.text


def test_sentences_broken_over_a_page_are_whole_again(paper: LoadedDocument) -> None:
    for sentence in [
        "fasiliteter møter mellom borgerne, foreninger og andre relevante aktører, får ideer",
        "med deltagere fra kommuner, fylkeskommuner, KS NHO og KMD.",
        "er usikker på som hva som kan gjøres - lover og regler.",
    ]:
        assert sentence in paper.text


def test_a_caption_run_into_the_text_is_its_own_paragraph(paper: LoadedDocument) -> None:
    assert "\n\nFigur 1: Tre prinsipielle ressursfordelingsmekanismer i\n\n" in paper.text
    assert (
        "I dag ser vi at det er endringer i disse logikken ved at man synes å ha nådd "
        "kapasitetsgrense for administrert ressursfordeling" in paper.text
    )


def test_emphasis_and_links_leave_their_words(paper: LoadedDocument) -> None:
    assert "blir å være forhandler, innovatør og brobygger." in paper.text
    assert "Nye roller: For kommunene blir det viktig" in paper.text
    assert "Fra ReSeNS-prosjektets nettside (https://www.miun.se/)" in paper.text


# --- the working paper: footnotes ---------------------------------------------------------


def test_footnotes_follow_the_section_that_cites_them(paper: LoadedDocument) -> None:
    assert section_holding(paper, "Coompanion i Jämtland").path == [
        "2 Empiri fra prosjektet ReSeNS",
        "2.1 Faglig utgangspunkt",
    ]
    assert "\n\nFotnote 1: I tillegg til universitetene inngikk følgende" in paper.text
    playmaker = "https://www.via.dk/efter-og-videreuddannelse/offentlig-administration/playmaker"
    assert section_holding(paper, playmaker).path[-1] == "3.2 Ny ressurslogikk"
    velferd = "Velferdsordninger_i_rask_endring/1253980523697&lang=no"
    assert section_holding(paper, velferd).path[-1] == "3.1 Endringer i velferdspolitikken"
    assert section_holding(paper, "wikipedia.org/wiki/Generation_Z").path[-1] == "4.1 Muligheter"


def test_footnote_markers_leave_no_digits_behind(paper: LoadedDocument) -> None:
    assert "totalt 19 partnere (Stene & Stickler, 2018)." in paper.text
    assert "i større grad en playmakerrolle. Playmakeren" in paper.text
    assert "Velferdsordningen i Norge er i rask endring (Jill Loga, 2018)." in paper.text


# --- the working paper: sections ----------------------------------------------------------


def test_sections_carry_the_page_the_contents_gives(paper: LoadedDocument) -> None:
    pages = {s.path[-1]: s.page for s in paper.sections if s.path and s.path[-1] in CONTENTS}
    assert pages == CONTENTS


def test_section_paths_nest_by_their_numbers(paper: LoadedDocument) -> None:
    paths = [s.path for s in paper.sections]
    assert ["1 Innledning", "1.1 Problemstilling"] in paths
    assert [
        "2 Empiri fra prosjektet ReSeNS",
        "2.2 Utvalgte funn",
        "2.2.1 I stor grad et holdningsspørsmål",
    ] in paths
    chapter = "4 Muligheter og utfordringer for distriktskommunene"
    assert [chapter, "4.1 Muligheter"] in paths
    assert [chapter, "4.2 Utfordringer"] in paths  # '## 4.2' after '### 4.1' in the file
    assert ["3 Samfunnsdrivere"] in paths


def test_shouting_headings_read_as_the_contents_spells_them(paper: LoadedDocument) -> None:
    headings = {s.path[-1] for s in paper.sections if s.path}
    assert "2 Empiri fra prosjektet ReSeNS" in headings
    assert "4 Muligheter og utfordringer for distriktskommunene" in headings
    assert {"Forord", "Sammendrag", "Litteraturliste"} <= headings
    assert not any(h.isupper() for h in headings)


def test_the_news_items_sit_under_the_site_they_come_from(paper: LoadedDocument) -> None:
    paths = [s.path for s in paper.sections]
    assert [SITE, "Utholdenhet viktigst"] in paths
    assert [SITE, "Utholdenhet viktigst", "Mentale vernesko"] in paths
    assert [SITE, "Medborgerkooperativ gir lokale helsetjenester"] in paths
    news = text_of(paper, section(paper, "Utholdenhet viktigst"))
    assert news.startswith("Utholdenhet viktigst\n\nTING TAR TID:")


def test_the_bibliography_is_its_own_last_section_one_entry_a_line(
    paper: LoadedDocument,
) -> None:
    last = paper.sections[-1]
    assert last.path == ["Litteraturliste"]
    entries = [line for line in text_of(paper, last).split("\n")[1:] if line.strip()]
    assert len(entries) == 28  # the list items under LITTERATURLISTE in the file
    assert entries[0].startswith("Aasen, T. M. B., & Amundsen, O. (2011).")
    assert entries[-1].startswith("Wenger, E., & Nake, B. (2004).")
    assert not any(entry.startswith(("-", "*")) for entry in entries)


def test_sections_cover_the_text_in_order(paper: LoadedDocument) -> None:
    assert_sections_tile(paper)
    for found in paper.sections:
        assert text_of(paper, found).startswith(found.path[-1])


# --- the working paper: pages -------------------------------------------------------------


def test_pages_agree_with_the_contents(paper: LoadedDocument) -> None:
    assert paper.pages, "the breaks agree with the contents, so pages are given"
    for found in paper.sections:
        if found.path and found.path[-1] in CONTENTS:
            assert page_holding(paper, found.path[-1]) == CONTENTS[found.path[-1]]
    labels = [p.label for p in paper.pages]
    assert labels == ["i", *map(str, range(1, 14))]
    assert all(a.end == b.start for a, b in pairwise(paper.pages))


def test_page_breaks_inside_sections_are_found(paper: LoadedDocument) -> None:
    # A run of blank lines before 'gjøres', footnote areas before 'og andre relevante' and
    # 'Samstyring henspiller': the text after each starts a new page.
    assert page_holding(paper, "som hva som kan") == "4"
    assert page_holding(paper, "lover og regler. (Et eksempel") == "5"
    assert page_holding(paper, "fasiliteter møter mellom borgerne") == "6"
    assert page_holding(paper, "og andre relevante aktører") == "7"
    assert page_holding(paper, "Samstyring henspiller") == "10"
    # Footnote 4 is printed at the foot of page 9, so the paragraph citing it is on page 9.
    assert page_holding(paper, "Vi står overfor en generasjon Z") == "9"


# --- rules on small documents -------------------------------------------------------------


def assert_sections_tile(document: LoadedDocument) -> None:
    sections = document.sections
    assert sections and sections[0].start == 0 and sections[-1].end == len(document.text)
    for found, following in pairwise(sections):
        assert found.end == following.start
    assert all(s.start < s.end and document.text[s.start : s.end].strip() for s in sections)


def test_a_shouting_heading_takes_its_casing_from_the_body() -> None:
    document = parse_markdown(
        "## 2. EMPIRI FRA PROSJEKTET RESENS\n\nVi bygger på prosjektet ReSeNS og funn fra "
        "ReSeNS-prosjektet i Norge.\n"
    )
    assert document.sections[0].path == ["2 Empiri fra prosjektet ReSeNS"]


def test_heading_numbers_decide_nesting_over_heading_levels() -> None:
    document = parse_markdown(
        "# 1. Innledning\n\nTekst.\n\n## 1.1 Mål\n\nTekst.\n\n## 2. Funn\n\nTekst.\n\n"
        "### 2.1 Første\n\nTekst.\n\n# 2.2 Andre\n\nTekst.\n\n## Vedlegg\n\nTekst.\n\n"
        "### Tabeller\n\nTekst.\n"
    )
    assert [s.path for s in document.sections] == [
        ["1 Innledning"],
        ["1 Innledning", "1.1 Mål"],
        ["2 Funn"],
        ["2 Funn", "2.1 Første"],
        ["2 Funn", "2.2 Andre"],
        ["Vedlegg"],
        ["Vedlegg", "Tabeller"],
    ]


def test_a_document_without_headings_is_one_section() -> None:
    document = parse_markdown("Første avsnitt.\n\nAndre avsnitt.\n")
    assert [s.path for s in document.sections] == [[]]
    assert document.text == "Første avsnitt.\n\nAndre avsnitt."
    assert document.pages == []


def test_a_sentence_broken_by_a_footnote_area_is_joined_and_the_note_placed() -> None:
    document = parse_markdown(
        "# 1 Innledning\n\nKommunen samarbeider med foreningen<sup>1</sup> og med\n\n"
        "---\n\n<sup>1</sup> Se [nettsiden](https://example.org/a\\_b).\n\n"
        "næringslivet om nye tjenester.\n\n# 2 Funn\n\nFunnene er klare.\n"
    )
    first = text_of(document, document.sections[0])
    assert "foreningen og med næringslivet om nye tjenester." in first
    assert first.rstrip().endswith("Fotnote 1: Se nettsiden.")
    assert "---" not in document.text and "<sup>" not in document.text


def test_paragraphs_that_end_a_sentence_are_not_joined() -> None:
    document = parse_markdown("Dette er en hel setning.\n\n\n\nog dette er et nytt avsnitt.\n")
    assert document.text == "Dette er en hel setning.\n\nog dette er et nytt avsnitt."


def test_an_uncited_footnote_stays_in_the_section_it_stood_in() -> None:
    document = parse_markdown(
        "# 1 En\n\nTekst uten markør.\n\n---\n\n<sup>7</sup> En løs fotnote.\n\n# 2 To\n\nMer.\n"
    )
    assert "Fotnote 7: En løs fotnote." in text_of(document, document.sections[0])


def test_links_escapes_and_tags_are_reduced_to_text() -> None:
    document = parse_markdown(
        "Se [rapporten](https://example.org), <https://example.org/x\\_y> og "
        "*kursiv* **fet** ***begge*** <br> tekst.\n"
    )
    assert document.text == ("Se rapporten, https://example.org/x_y og kursiv fet begge tekst.")


CONTENTS_DOC = """\
# Rapport

---

## Innhold

Forord\ti
1 Innledning\t1
2 Funn\t2
3 Slutt\t{last}

## Forord

Takk.

# 1 INNLEDNING

Første side.



Andre side, fortsatt innledningen.

# 2 FUNN

Funnene.

---

<sup>1</sup> En note.

Mer funn.

# 3 Slutt

Slutten.
"""


def test_pages_follow_the_breaks_when_the_contents_agree() -> None:
    document = parse_markdown(CONTENTS_DOC.format(last="3"))
    assert [s.page for s in document.sections] == ["i", "1", "2", "3"]
    assert [p.label for p in document.pages] == ["i", "1", "2", "3"]
    assert page_holding(document, "Andre side") == "2"
    assert page_holding(document, "Mer funn") == "3"
    assert "Rapport" not in document.text and "Innhold" not in document.text
    assert document.title == "Rapport"


def test_pages_are_left_out_when_the_breaks_contradict_the_contents() -> None:
    # The breaks put '3 Slutt' on page 3 at the earliest; a contents saying 2 contradicts them.
    document = parse_markdown(CONTENTS_DOC.format(last="2"))
    assert document.pages == []
    assert [s.page for s in document.sections] == ["i", "1", "2", "2"]


def test_running_text_before_the_contents_is_no_cover_page() -> None:
    document = parse_markdown(
        "# Rapport\n\n## Sammendrag\n\nKommunene som samarbeider med næringslivet og "
        "frivilligheten får mest ut av det.\n\n## Innhold\n\n1 Innledning\t1\n2 Funn\t2\n\n"
        "# 1 Innledning\n\nTekst.\n\n# 2 Funn\n\nMer tekst.\n"
    )
    assert "Kommunene som samarbeider med næringslivet" in document.text
    assert [s.path for s in document.sections] == [["Sammendrag"], ["1 Innledning"], ["2 Funn"]]
    assert document.title == "Rapport"
    assert "Innhold" not in document.text and "\t" not in document.text


def test_a_contents_without_page_numbers_is_dropped_too() -> None:
    document = parse_markdown(
        "## Innhold\n\n1 Innledning\n2 Funn\n\n# 1 Innledning\n\nTekst.\n\n# 2 Funn\n\nMer.\n"
    )
    assert document.text == "1 Innledning\n\nTekst.\n\n2 Funn\n\nMer."
    assert document.pages == [] and all(s.page is None for s in document.sections)


def test_an_empty_file_is_refused_with_its_name(tmp_path: Path) -> None:
    empty = tmp_path / "tom.md"
    empty.write_text("\n\n---\n\n")
    with pytest.raises(DocumentLoadError, match=r"^tom\.md: no text"):
        load_document(empty)


def test_an_unknown_suffix_is_refused_naming_the_supported_ones(tmp_path: Path) -> None:
    odd = tmp_path / "notat.rtf"
    odd.write_text("{\\rtf1 hei}")
    with pytest.raises(DocumentLoadError) as raised:
        load_document(odd)
    message = raised.value.detail
    assert message.startswith("notat.rtf: unknown file type '.rtf'")
    assert all(suffix in message for suffix in [".pdf", ".md", ".markdown", ".txt", ".docx"])
    assert {".pdf", ".md", ".markdown", ".txt", ".docx"} == SUPPORTED_SUFFIXES


def test_suffixes_are_matched_in_any_case(tmp_path: Path) -> None:
    path = tmp_path / "NOTAT.MD"
    path.write_text("# 1 Innledning\n\nTekst.\n")
    assert load_document(path).sections[0].path == ["1 Innledning"]


# --- generated documents ------------------------------------------------------------------

title_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøå", min_size=2, max_size=9)
sentences = st.lists(title_words, min_size=1, max_size=10).map(lambda w: " ".join(w))
blocks = st.one_of(
    st.builds(lambda level, title: f"{'#' * level} {title.title()}", st.integers(1, 3), sentences),
    st.builds(lambda n, title: f"## {n}. {title.upper()}", st.integers(1, 4), sentences),
    sentences.map(lambda s: s.capitalize() + "."),
    sentences,  # a paragraph without an end, perhaps continued by the next
    st.just("---"),
    st.just("\n\n"),
    st.builds(lambda n, s: f"<sup>{n}</sup> {s}", st.integers(1, 3), sentences),
    st.builds(lambda s, n: f"{s}<sup>{n}</sup>.", sentences, st.integers(1, 3)),
    st.just("*Figur 1: En figur* og mer tekst"),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(blocks, min_size=1, max_size=14))
def test_any_markdown_gives_sections_that_tile_the_text(parts: list[str]) -> None:
    try:
        document = parse_markdown("\n\n".join(parts))
    except DocumentLoadError:
        return
    assert_sections_tile(document)
    for page in document.pages:
        assert 0 <= page.start < page.end <= len(document.text)
    assert "<sup>" not in document.text and "\x00" not in document.text


# --- plain text ---------------------------------------------------------------------------


def test_the_fields_heading_markdown_minutes_keep_their_lines() -> None:
    document = parse_markdown(
        "# Referat\n\n**Arrangør:** Vesterlia regionråd\n**Dato og sted:** Torsdag 6. februar "
        "2025, Myrholt kulturhus\n**Referent:** Petra Lindtveit\n\nMøtet ble åpnet av\n"
        "ordføreren.\n"
    )
    assert (
        "Arrangør: Vesterlia regionråd\nDato og sted: Torsdag 6. februar 2025, Myrholt kulturhus"
        "\nReferent: Petra Lindtveit" in document.text
    )
    assert "Møtet ble åpnet av ordføreren." in document.text


def test_plain_text_is_paragraphs_in_one_section() -> None:
    document = parse_text("Første linje\nfortsetter her.\n\nAndre avsnitt med utvik-\nling.\n")
    assert document.text == "Første linje fortsetter her.\n\nAndre avsnitt med utvikling."
    assert [s.path for s in document.sections] == [[]]


def test_the_fields_heading_plain_minutes_keep_their_lines() -> None:
    document = parse_text(
        "REFERAT\n\nSted: Sandvær rådhus\nDato: 7. februar 2024\n"
        "Referent: Simen Arntzen, næringskonsulent\n\nOrdføreren åpnet møtet\nklokka ni.\n"
    )
    assert "Sted: Sandvær rådhus\nDato: 7. februar 2024\nReferent: Simen Arntzen" in document.text
    assert "Ordføreren åpnet møtet klokka ni." in document.text


def test_lines_broken_by_hand_keep_their_lines_and_wrapped_ones_are_joined() -> None:
    """A list of dates or a lettered list keeps its lines; a line that wrapped because the next
    word would not fit is joined, even when that word is a name."""
    unwrapped = parse_text(
        "Dates to remember\n\n12 June 2025 - Annual meeting, Stavnes, 17:00\n"
        "15 September 2025 - Deadline, co-creation pot\nOctober 2025 - Procurement breakfast\n\n"
        "Kind regards,\nSolveig Orrebakk\n\nGruppene pekte på:\n\na) Rekruttering av "
        "fagarbeidere.\nb) Bruk av meieribygget.\n"
    )
    assert (
        "12 June 2025 - Annual meeting, Stavnes, 17:00\n15 September 2025 - Deadline, co-creation"
        " pot\nOctober 2025 - Procurement breakfast" in unwrapped.text
    )
    assert "Kind regards,\nSolveig Orrebakk" in unwrapped.text
    assert "a) Rekruttering av fagarbeidere.\nb) Bruk av meieribygget." in unwrapped.text
    wrapped = parse_text(
        "The council voted to raise the business fund from NOK 0.6\n"
        "million to NOK 1.8 million, and the mayor of the town of\n"
        "Heggvik said the fund was no longer a drip feed for small\n"
        "firms.\n\nDates\n\n12 June 2025 - Annual meeting\n15 September 2025 - Deadline\n"
    )
    assert (
        "from NOK 0.6 million to NOK 1.8 million, and the mayor of the town of Heggvik said"
        in wrapped.text
    )
    assert "12 June 2025 - Annual meeting\n15 September 2025 - Deadline" in wrapped.text


def test_plain_text_with_obvious_numbered_headings_gets_sections() -> None:
    document = parse_text(
        "1 INNLEDNING\n\nTekst om kommunen.\n\n1.1 Bakgrunn\n\nMer tekst.\n\n"
        "2 Funn\n\n1. Dette er et punkt i en liste.\n"
    )
    assert [s.path for s in document.sections] == [
        ["1 Innledning"],
        ["1 Innledning", "1.1 Bakgrunn"],
        ["2 Funn"],
    ]


def test_a_lone_numbered_line_does_not_make_headings() -> None:
    document = parse_text("Innledning.\n\n3 Kommuner\n\nTekst.\n")
    assert [s.path for s in document.sections] == [[]]


NEWSLETTER = """Subject: Re: Fjellnett Member Bulletin - No. 2/2025 (June)
From: Fjellnett Business Network <post@fjellnett.no>
Date: Wed, 11 Jun 2025 08:14:52 +0200
To: members@fjellnett.no

Dear members,

Spring has been busy in Heggvik and Stavnes.

------------------------------------------------------------
3 March 2025
HEGGVIK TRIPLES ITS BUSINESS FUND
------------------------------------------------------------

Heggvik municipal council voted to raise the business fund
to NOK 1.8 million for 2025.

------------------------------------------------------------
18 March 2025
ONE DOOR FOR ENTREPRENEURS
------------------------------------------------------------

From 1 April anyone can use the same first-line service, a door
for entrepreneurs in all three municipalities.
"""


def test_a_saved_newsletter_reads_its_mail_header_rules_and_items_in_capitals() -> None:
    """A saved e-mail's Subject, sender and date give title, author and year; its rules are no
    text; each item's headline in capitals heads the item, with its date under it."""
    document = parse_text(NEWSLETTER)
    assert document.title == "Fjellnett Member Bulletin - No. 2/2025 (June)"
    assert document.authors == ["Fjellnett Business Network"] and document.year == 2025
    assert "-----" not in document.text
    assert [s.path for s in document.sections] == [
        [],
        ["Heggvik triples its business fund"],
        ["One door for entrepreneurs"],  # in the case the text writes "door" in
    ]
    fund = document.sections[1]
    assert document.text[fund.start : fund.end].strip().split("\n\n")[1:] == [
        "3 March 2025",
        "Heggvik municipal council voted to raise the business fund to NOK 1.8 million for 2025.",
    ]


def test_an_underlined_line_heads_a_section_and_capitals_beside_numbered_headings_do_not() -> None:
    underlined = parse_text("Innledning\n==========\n\nTekst om kommunen.\n\nFunn\n----\n\nMer.\n")
    assert [s.path for s in underlined.sections] == [["Innledning"], ["Funn"]]
    numbered = parse_text("1 Innledning\n\nVIKTIG\n\nTekst.\n\n2 Funn\n\nMer tekst.\n")
    assert [s.path for s in numbered.sections] == [["1 Innledning"], ["2 Funn"]]
    assert "VIKTIG" in numbered.text
    # One line that looks like a mail header makes no e-mail.
    assert parse_text("Subject: kommunens rolle\n\nTekst.\n").title is None


def test_a_text_file_in_windows_1252_is_read(tmp_path: Path) -> None:
    path = tmp_path / "gammel.txt"
    path.write_bytes("Næringsutvikling i Sør-Trøndelag.".encode("cp1252"))
    assert load_document(path).text == "Næringsutvikling i Sør-Trøndelag."


def test_a_binary_file_named_txt_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bilde.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(DocumentLoadError, match=r"^bilde\.txt: binary data"):
        load_document(path)


def test_a_pipe_table_is_read_as_one_sentence_a_row_naming_each_figures_column() -> None:
    document = parse_markdown(
        "# 2 Kommunene\n\nTabell 2.1 viser tallene.\n\n"
        "| Kommune | Innbyggere | Prosjekter |\n|---|---:|---:|\n"
        "| Kvernås | 7 860 | 33 |\n| **Tindvoll** | 5 120 | |\n\nEtter tabellen.\n"
    )
    assert (
        "Tabell 2.1 viser tallene.\n\nKvernås: Innbyggere 7 860; Prosjekter 33.\n\n"
        "Tindvoll: Innbyggere 5 120.\n\nEtter tabellen." in document.text
    )
    assert "|" not in document.text


def test_lines_that_only_start_with_a_bar_are_no_table() -> None:
    document = parse_markdown("# 1 A\n\n| a | b |\n| c | d |\n")
    assert "| a | b |" in document.text


MINUTES = """REFERAT

Arbeidsverksted: Kommunen som brobygger i næringsarbeidet
Sted: Lyngnes rådhus, kommunestyresalen
Dato: 12. mars 2023, kl. 09.00–15.00
Referent: Kari Holm, næringskonsulent, Lyngnes kommune

Til stede: 18 deltakere fra Lyngnes kommune, Lyngnes Næringsforening og fire bedrifter.

1. Åpning

Ordføreren ønsket velkommen.

2. Gruppearbeid

Gruppene drøftet kommunens roller.
"""


def test_minutes_in_plain_text_are_titled_dated_and_signed_by_their_head() -> None:
    """Minutes name their kind in capitals, then their title, then the fields dating and
    signing them: the writer is the person the "Referent" field names first."""
    document = parse_text(MINUTES)
    assert document.title == "Arbeidsverksted: Kommunen som brobygger i næringsarbeidet"
    assert document.year == 2023
    assert document.authors == ["Kari Holm"]
    # Fields that are no title, date or writer, or come after the first prose, are not read.
    assert parse_text("NOTAT\n\nDato: 3. mai 2021\nSted: Bodø\n\nTekst.\n").title is None
    late = parse_text(f"{'Lang innledning om næringsarbeid. ' * 6}\n\nDato: 1. mai 2020\n")
    assert late.year is None


def test_minutes_in_markdown_are_dated_and_signed_by_the_fields_under_their_title() -> None:
    document = parse_markdown(
        "# Referat fra arbeidsverksted\n\n**Dato og sted:** 6. februar 2025, Myrholt kulturhus  \n"
        "**Referent:** Petra Lind, rådgiver i regionrådet\n\n## Deltakere\n\n- Anders Kleppe\n"
    )
    assert document.title == "Referat fra arbeidsverksted"
    assert (document.year, document.authors) == (2025, ["Petra Lind"])
    # A field whose value opens with no person's name names no writer.
    unsigned = parse_markdown("# Notat\n\n**Skrevet av:** næringsavdelingen\n\nTekst.\n")
    assert unsigned.authors == []
