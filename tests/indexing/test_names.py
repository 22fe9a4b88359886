"""A document's names are the words it capitalises inside sentences and never writes in lower
case: what a question typed in lower case is read with."""

from __future__ import annotations

from indexing.names import proper_names


def test_a_word_capitalised_inside_sentences_is_a_name() -> None:
    text = "Kommunen samarbeider med Ospedal Bondelag. Fondet i Älvbacka har vokst."
    assert proper_names(text) == ["Bondelag", "Ospedal", "Älvbacka"]


def test_a_word_the_text_also_writes_in_lower_case_is_no_name() -> None:
    text = "Det gjelder Analyse av fondet. Vi gjorde en analyse i 2024."
    assert "Analyse" not in proper_names(text)


def test_words_that_open_a_sentence_line_list_item_or_cell_say_nothing() -> None:
    text = "Fondet vokste. Søknadene kom tidlig.\nTiltak: Rådgivning for gründere; Kurs i regnskap."
    assert proper_names(text) == []


def test_words_in_capitals_are_set_so_not_spelt_so() -> None:
    text = "Kapittelet heter SOCIAL INNOVATION og handler om ReSeNS og SCB."
    assert proper_names(text) == ["ReSeNS", "SCB"]


def test_a_word_the_text_writes_in_lower_case_in_another_form_is_no_name() -> None:
    """A common noun capitalised where it opens a table's cell ("Ansvar Innkjøpskontoret")
    is no name where the text writes it in lower case in another form; a short word is no
    stem of a longer one."""
    text = (
        "Fra 2025 inngår kommunen i et felles innkjøpskontor med Trollnes.\n"
        "T4 Leverandørdager: Ansvar Innkjøpskontoret i Vestmark; 2025 120.\n"
        "Samarbeidet i Nord er nytt, og norden har lang tradisjon for det."
    )
    names = proper_names(text)
    assert "Innkjøpskontoret" not in names
    assert {"Vestmark", "Trollnes", "Nord"} <= set(names)
