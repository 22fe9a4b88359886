"""The cleaning rules, on small strings: what a reader sees survives, page furniture goes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indexing.cleaning import (
    collapse_spaces,
    continues,
    dehyphenate,
    field_of,
    is_page_number_line,
    is_shouting,
    is_toc_heading,
    is_widget_line,
    join_broken_ranges,
    normalize_characters,
    numbered_heading,
    parse_toc_line,
    readable_case,
    remove_page_furniture,
    split_heading_number,
    word_casing,
)

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøåABCÆØÅ", min_size=1, max_size=12)
lines_of_words = st.lists(words, min_size=1, max_size=8).map(" ".join)

# --- characters ---------------------------------------------------------------------------


def test_ligatures_odd_spaces_and_soft_hyphens_become_plain_text() -> None:
    raw = "ﬁnansiering\u00a0og\u2009ﬂyt, eﬀekt, eﬃsient, ﬄ, sam\u00adskaping\u200b"
    assert normalize_characters(raw) == "finansiering og flyt, effekt, effisient, ffl, samskaping"


def test_norwegian_letters_survive_and_are_composed() -> None:
    decomposed = "Bodo\u0308 og a\u030arsverk, ae\u0301"  # combining marks, as some PDFs have
    assert normalize_characters(decomposed) == "Bodö og årsverk, aé"
    assert normalize_characters("Næringsutvikling i Sørøst-Norge, ÆØÅ") == (
        "Næringsutvikling i Sørøst-Norge, ÆØÅ"
    )


def test_line_ends_become_newlines_and_control_characters_go() -> None:
    assert normalize_characters("a\r\nb\rc\x07d\x0be") == "a\nb\ncde"


@given(st.text())
def test_normalising_twice_changes_nothing(text: str) -> None:
    once = normalize_characters(text)
    assert normalize_characters(once) == once


def test_runs_of_spaces_collapse_but_indents_and_newlines_stay() -> None:
    assert collapse_spaces("a   b\t\tc  \n  - d   e ") == "a b c\n  - d e"


# --- hyphenation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("broken", "whole"),
    [
        ("lokal utvik-\nling", "lokal utvikling"),
        ("samfunns-\nentreprenørskap", "samfunnsentreprenørskap"),
        ("helse-\nog omsorg", "helse- og omsorg"),
        ("privat-\neller offentlig", "privat- eller offentlig"),
        ("Nord-\nTrøndelag", "Nord-Trøndelag"),
        ("utvik- \n  ling", "utvikling"),
    ],
)
def test_line_end_hyphenation_is_undone(broken: str, whole: str) -> None:
    assert dehyphenate(broken) == whole


@pytest.mark.parametrize(
    "kept",
    ["Norge–Sverige", "helse- og omsorg", "2016-\n2017", "side 3 -\n4", "ordinær -\nmen", "a-b"],
)
def test_real_hyphens_and_dashes_stay(kept: str) -> None:
    assert dehyphenate(kept) == kept


@pytest.mark.parametrize(
    ("broken", "whole"),
    [("perioden 2021–\n2024 ble", "perioden 2021–2024 ble"), ("side 3-\n4", "side 3-4")],
)
def test_a_range_of_figures_broken_after_its_dash_is_joined(broken: str, whole: str) -> None:
    assert join_broken_ranges(broken) == whole


@pytest.mark.parametrize("kept", ["fra 2021 –\n2024", "kapittel 3 –\nog 4", "2021–\nperioden"])
def test_a_dash_standing_apart_or_before_words_keeps_its_line_break(kept: str) -> None:
    assert join_broken_ranges(kept) == kept


@given(st.text())
def test_dehyphenation_never_changes_text_without_a_line_end_hyphen(text: str) -> None:
    if not re.search(r"[-‐][ \t]*\n", text):
        assert dehyphenate(text) == text


@given(st.lists(lines_of_words, min_size=1, max_size=6), st.lists(st.booleans(), max_size=6))
def test_dehyphenation_only_removes_hyphens_and_line_breaks(
    lines: list[str], hyphens: list[bool]
) -> None:
    text = "\n".join(
        line + ("-" if index < len(hyphens) and hyphens[index] else "")
        for index, line in enumerate(lines)
    )
    letters = re.compile(r"[\s\-‐]")
    assert letters.sub("", dehyphenate(text)) == letters.sub("", text)


# --- page furniture -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "line", ["7", " 12 ", "- 7 -", "Side 3", "side 3 av 12", "iv", "xii", "3/10"]
)
def test_page_number_lines_are_recognised(line: str) -> None:
    assert is_page_number_line(line)


@pytest.mark.parametrize("line", ["7 kommuner deltok", "I", "2019 var et godt år", "", "Vi"])
def test_text_is_not_a_page_number(line: str) -> None:
    assert not is_page_number_line(line)


def page(number: int, body: list[str]) -> list[str]:
    return ["Arbeidsnotat 2/2019 Kommunen", *body, f"Nord universitet – side {number}"]


TOPICS = [
    "samstyring",
    "playmakerrollen",
    "anskaffelser",
    "frivilligheten",
    "kooperativer",
    "tillit",
]


def body(number: int) -> list[str]:
    """Lines that differ from page to page, as body text does."""
    topic = TOPICS[number % len(TOPICS)]
    return [f"Om {topic}.", f"Kommunen og {topic} henger sammen.", f"Slik er {topic}."]


def test_running_header_and_numbered_footer_are_removed() -> None:
    pages = [page(n, body(n)) for n in range(1, 6)]
    assert remove_page_furniture(pages) == [body(n) for n in range(1, 6)]


def test_a_line_repeated_on_few_pages_is_kept() -> None:
    pages = [page(n, body(n)) for n in range(1, 7)]
    pages[0].insert(1, "Sammendrag")
    pages[3].insert(1, "Sammendrag")
    cleaned = remove_page_furniture(pages)
    assert [lines[0] for lines in cleaned].count("Sammendrag") == 2
    assert [lines[-1] for lines in cleaned] == [body(n)[-1] for n in range(1, 7)]


def test_headers_and_page_numbers_that_move_between_pages_are_removed() -> None:
    # Even pages: the title and the number at the top; odd pages: the series at the foot and
    # the number below it; roman numbers in the front matter.
    labels = ["iii", "iv", "1", "2", "3", "4", "5", "6"]
    pages = []
    for index, label in enumerate(labels):
        lines = body(index)
        if index % 2:
            pages.append([f"Kommunen og næringslivet {label}", *lines])
        else:
            pages.append([*lines, "Arbeidsnotat nr. 2 – Bodø 2019", label])
    assert remove_page_furniture(pages) == [body(index) for index in range(len(labels))]


def test_rows_of_a_long_table_at_the_edges_of_its_pages_are_kept() -> None:
    """A table over four pages: every page opens and ends with a row, alike but for its
    figures, as a running header and footer are; but rows stand on their page many times."""
    rows = [f"Kommune {n}   {1000 + 37 * n}   {10 + n}" for n in range(1, 41)]
    pages = [page(n, rows[10 * (n - 1) : 10 * n]) for n in range(1, 5)]
    assert remove_page_furniture(pages) == [rows[10 * (n - 1) : 10 * n] for n in range(1, 5)]


def test_two_pages_are_too_few_to_call_a_line_a_running_header() -> None:
    pages = [["Overskrift", "Tekst en."], ["Overskrift", "Tekst to."]]
    assert remove_page_furniture(pages) == pages


def test_bare_page_numbers_go_even_on_a_single_page() -> None:
    assert remove_page_furniture([["Tekst som står.", "", "7"]]) == [["Tekst som står."]]


@settings(max_examples=60)
@given(st.lists(st.lists(lines_of_words, min_size=5, max_size=9), min_size=1, max_size=6))
def test_furniture_removal_never_touches_the_middle_of_a_page(pages: list[list[str]]) -> None:
    cleaned = remove_page_furniture(pages)
    for lines, kept in zip(pages, cleaned, strict=True):
        middle = lines[2:-2]
        assert all(line in kept for line in middle)


# --- headings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "split"),
    [
        ("4.1 Muligheter", ("4.1", "Muligheter")),
        ("4. MULIGHETER OG UTFORDRINGER", ("4", "MULIGHETER OG UTFORDRINGER")),
        ("2.2.1 I stor grad et holdningsspørsmål", ("2.2.1", "I stor grad et holdningsspørsmål")),
        ("Sammendrag", (None, "Sammendrag")),
        ("2019 var et år", (None, "2019 var et år")),
        ("3 500 kroner", (None, "3 500 kroner")),
    ],
)
def test_heading_numbers_are_split_from_titles(heading: str, split: tuple) -> None:
    assert split_heading_number(heading) == split


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("4.1 Muligheter", ("4.1", "Muligheter")),
        ("2 Hva gjør kommunen?", ("2", "Hva gjør kommunen?")),
        ("1. Kommunen må ta ansvar for dette.", None),
        ("4.1 Muligheter ........ 7", None),
        ("3 kommuner deltok", None),
    ],
)
def test_numbered_heading_lines_are_told_from_list_items_and_contents(
    line: str, found: tuple | None
) -> None:
    assert numbered_heading(line) == found


def test_shouting_is_all_capitals() -> None:
    assert is_shouting("EMPIRI FRA PROSJEKTET RESENS")
    assert is_shouting("FORORD")
    assert not is_shouting("KMD")  # an acronym is no shouting
    assert not is_shouting("INNHold")
    assert not is_shouting("Empiri fra prosjektet ReSeNS")


def test_shouting_heading_gets_sentence_case_with_the_body_spelling() -> None:
    body = (
        "Vi tar utgangspunkt i prosjektet ReSeNS. Prosjektet ReSeNS ble ledet fra Nord "
        "universitet i Norge. Deltakerne fra Norge og KS var med."
    )
    casing = word_casing(body)
    assert readable_case("EMPIRI FRA PROSJEKTET RESENS", casing) == "Empiri fra prosjektet ReSeNS"
    assert readable_case("SAMARBEID I NORGE MED KS", casing) == "Samarbeid i Norge med KS"
    assert readable_case("LITTERATURLISTE") == "Litteraturliste"


def test_sentence_initial_capitals_say_nothing_about_casing() -> None:
    assert word_casing("Prosjektet var stort. Prosjektet varte.").get("prosjektet") is None


# --- contents and web pages ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "entry"),
    [
        ("4.1 Muligheter\t7", ("4.1 Muligheter", "7")),
        ("FORORD\ti", ("FORORD", "i")),
        ("2 Funn fra prosjektet ........ 12", ("2 Funn fra prosjektet", "12")),
        ("Litteraturliste      31", ("Litteraturliste", "31")),
        ("Vi deltok i 2019", None),
        ("\tside", None),
    ],
)
def test_contents_lines_give_title_and_page(line: str, entry: tuple | None) -> None:
    assert parse_toc_line(line) == entry


def test_contents_headings_are_recognised_in_any_case() -> None:
    assert is_toc_heading("INNHold")
    assert is_toc_heading("**Innholdsfortegnelse**")
    assert is_toc_heading("Table of contents")
    assert not is_toc_heading("Innledning")


def test_web_page_buttons_are_widget_lines() -> None:
    assert is_widget_line("♥ Spara favoritt ☞ Lyssna 30 november 2017")
    assert not is_widget_line("© Nord universitet 2019")
    assert not is_widget_line("Utholdenhet er det viktigste.")


# --- broken sentences ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("previous", "following", "joined"),
    [
        ("deltagere fra kommuner,", "fylkeskommuner, KS NHO og KMD.", True),
        ("som hva som kan", "gjøres - lover og regler.", True),
        ("ved at", "man synes å ha nådd kapasitetsgrense", True),
        ("Dette er en hel setning.", "og dette starter smått.", False),
        ("Kapittel uten punktum", "Neste avsnitt begynner stort.", False),
        ("Spørsmålet er dette:", "hva nå?", False),
        ("- et punkt uten punktum", "- neste punkt", False),
        ("1. Flere arbeidsplasser i privat sektor", "a) Innen havbruk og reiseliv", False),
        ("2. Et sterkere samarbeid", "ii. Med fylkeskommunen", False),
        ("se Stene og Mørkved (2019,", "s. 14) om dette.", True),
        ("det gjelder", "i. e. de fleste", True),
    ],
)
def test_a_paragraph_continues_one_that_stopped_mid_sentence(
    previous: str, following: str, joined: bool
) -> None:
    assert continues(previous, following) is joined


def test_a_questionnaires_answer_options_are_no_button_row() -> None:
    assert not is_widget_line("☐ 0–4    ☐ 5–19    ☐ 20–49    ☐ 50 eller flere")
    assert not is_widget_line("☐ Ja ☐ Nei ☐ Vet ikke")
    assert is_widget_line("☐ Lagre ♥ Del")  # a button row that has a box too


def test_a_field_of_a_documents_head_says_what_its_label_names() -> None:
    assert field_of("Dato og sted: 6. februar 2025, Myrholt kulturhus") == (
        frozenset({"date", "place"}),
        "6. februar 2025, Myrholt kulturhus",
    )
    assert field_of("Referent: Simen Arntzen, næringskonsulent") == (
        frozenset({"writer"}),
        "Simen Arntzen, næringskonsulent",
    )
    assert field_of("Arrangør: Vesterlia regionråd") == (
        frozenset({"issuer"}),
        "Vesterlia regionråd",
    )
    assert field_of("Til stede: 23 deltakere")[0] == frozenset({"present"})  # type: ignore[index]
    assert field_of("Arkivsaksnr.: 24/118") == (frozenset(), "24/118")
    assert field_of("Kommunen har i dag vedtatt den nye planen: den gjelder fra 2025.") is None
