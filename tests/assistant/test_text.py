"""The lexical analyser treats bokmål, nynorsk and Swedish questions alike."""

from __future__ import annotations

from assistant.retrieval.text import analyse, fold, split_compound, vocabulary_of


def test_nynorsk_and_bokmaal_questions_share_terms() -> None:
    bokmaal = analyse("Hva sier notatet om tjenester og muligheter for kommunene?")
    nynorsk = analyse("Kva seier notatet om tenester og moglegheiter for kommunane?")
    assert set(bokmaal) == set(nynorsk)


def test_swedish_forms_meet_norwegian_text() -> None:
    assert set(analyse("samstyrning och näringslivet")) == set(
        analyse("samstyring og næringslivet")
    )
    assert fold("Näringsliv Östersund") == "næringsliv østersund"


def test_function_words_and_small_numbers_carry_no_weight() -> None:
    assert analyse("Hva er det de sier om 12 av dem?") == []
    assert analyse("i 2030") == ["2030"]


def test_compounds_split_into_parts_the_corpus_knows() -> None:
    vocabulary = vocabulary_of(["næring og utvikling i en kommune", "næringsutvikling"])
    assert split_compound("næringsutviklingskommune", vocabulary) == ["næringsutvikling", "kommune"]
    assert split_compound("sykkelverksted", vocabulary) == []
    terms = analyse("næringsutviklingskommune", vocabulary)
    assert set(analyse("næringsutvikling kommune")) <= set(terms)


def test_letters_of_all_nordic_languages_survive() -> None:
    assert analyse("Örnsköldsvik Jämtland Røyrvik Ånge") == analyse(
        "ørnskøldsvik jæmtland røyrvik ånge"
    )
