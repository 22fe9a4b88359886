"""A question is read with the library's spelling of its names: typed in lower case or
without the letters a keyboard lacks, a name still says which place or body it is about."""

from __future__ import annotations

from assistant.retrieval.spelling import NameSpelling, spelling_key

NAMES = {
    "alvbacka": ["Älvbacka", "Nyföretagarcentrum"],
    "ospedal": ["Ospedal", "Analyse"],
    "helgeland": ["Helgelandsprogrammet"],
    "coast": ["Møre"],
}
# Which documents hold a word in any case: "analyse" is a common word in the plan.
HOLDING = {
    "Älvbacka": {"alvbacka"},
    "Nyföretagarcentrum": {"alvbacka"},
    "Ospedal": {"ospedal"},
    "Analyse": {"ospedal", "plan"},
    "Helgelandsprogrammet": {"helgeland"},
    "Møre": {"coast"},
}
KNOWN = {"more", "nådde", "målet", "hvor", "mange", "budsjett"}


def spelling() -> NameSpelling:
    return NameSpelling(
        NAMES,
        holding=lambda word: HOLDING.get(word, set()),
        knows=lambda word: word.casefold() in KNOWN,
    )


def test_the_spelling_key_drops_case_and_diacritics() -> None:
    assert spelling_key("Älvbacka") == spelling_key("alvbacka") == "alvbacka"
    assert spelling_key("Rødmyra") == spelling_key("Rodmyra")


def test_a_name_typed_in_lower_case_or_without_its_letters_takes_the_librarys_spelling() -> None:
    names = spelling()
    assert names.restore("ospedal næringsfond søknader 2019") == "Ospedal næringsfond søknader 2019"
    assert names.restore("Alvbacka nyforetagarcentrum") == "Älvbacka Nyföretagarcentrum"


def test_a_common_word_is_left_as_typed() -> None:
    names = spelling()
    assert names.restore("en analyse av fondet") == "en analyse av fondet", (
        "another document writes it in lower case"
    )
    assert names.restore("did it give more money?") == "did it give more money?", (
        "a word of the library's own, not Møre without its ø"
    )
    assert names.restore("Hvor mange fikk støtte på more?").endswith("more?")


def test_a_capitalised_first_word_before_a_name_is_no_part_of_it() -> None:
    names = spelling()
    assert names.restore("Nådde Helgelandsprogrammet målet?") == (
        "nådde Helgelandsprogrammet målet?"
    )
    assert names.restore("Ospedal Analyse") == "Ospedal Analyse", "a name stays capitalised"
    assert names.restore("Trondheim Helgelandsprogrammet") == "Trondheim Helgelandsprogrammet", (
        "a word the library does not know may be a name of its own"
    )


def test_a_question_opening_with_a_label_reads_a_common_word_in_lower_case() -> None:
    names = spelling()
    assert names.restore("Budsjett næringsfond: hva var det i 2024?") == (
        "budsjett næringsfond: hva var det i 2024?"
    )
    assert names.restore("alvbacka – hur många företag?") == "Älvbacka – hur många företag?"
    assert names.restore("Budsjett 2021–2024, hvor mye?") == "Budsjett 2021–2024, hvor mye?", (
        "a period's dash sets off no label"
    )


def test_a_capitalised_word_opening_a_sentence_or_bracket_before_a_name_is_no_part_of_it() -> None:
    names = spelling()
    assert names.restore("Hvem eier huset? (Nådde Helgelandsprogrammet målet)") == (
        "Hvem eier huset? (nådde Helgelandsprogrammet målet)"
    )
    assert names.restore("Det gikk bra. Nådde Helgelandsprogrammet målet?") == (
        "Det gikk bra. nådde Helgelandsprogrammet målet?"
    )
