"""A question asking who holds a title, and the sentences that name it, in four languages."""

from __future__ import annotations

from assistant.answering.constraints import fold
from assistant.answering.titles import title_words, titles_asked, titles_named


def asked(question: str) -> frozenset[str]:
    return titles_asked(question, fold(question))


def test_who_questions_ask_for_the_holder_of_the_title_they_name() -> None:
    assert asked("Who was the mayor of Vikfjord in 2024?") == {"mayor"}
    assert asked("Hvem er ordfører i Storlia?") == {"mayor"}
    assert asked("Kven er dagleg leiar i Midtfjord Næringshage AS?") == {"managing director"}
    assert asked("Vem är näringslivschef i Älvbacka?") == {"business manager"}
    assert asked("Hva heter prosjektlederen?") == {"project manager"}
    assert asked("Hvem leder næringskontoret?") == {"leader"}
    assert asked("Vem förde protokollet vid arbetsverkstaden?") == {"minute taker"}
    assert asked("Who took the minutes at the workshop?") == {"minute taker"}
    assert asked("Hvem var referent på møtet?") == {"minute taker"}


def test_which_holder_of_a_title_did_something_asks_who() -> None:
    question = "Which head of business development was given a written mandate by the board?"
    assert asked(question) == {"business manager"}
    assert asked("Hvilken næringssjef la fram saken?") == {"business manager"}
    assert asked("Kva for ein prosjektleiar fekk ansvaret?") == {"project manager"}
    assert asked("Vilken borgmästare öppnade mötet?") == {"mayor"}
    assert asked("Which municipality appointed a business manager?") == frozenset()
    assert asked("Hvilke tiltak foreslår næringssjefen?") == frozenset()


def test_questions_not_asking_who_or_naming_no_title_ask_for_none() -> None:
    assert asked("Hva sa ordføreren om næringsfondet?") == frozenset(), "not a who-question"
    assert asked("Hvem bestilte arbeidsnotatet?") == frozenset()
    assert asked("Kven er kunnskapspartnar i partnarskapet?") == frozenset()


def test_a_title_is_found_in_any_of_the_four_languages_and_in_its_inflected_forms() -> None:
    def named(text: str) -> frozenset[str]:
        return titles_named(fold(text))

    assert named("ei styringsgruppe med ordførar Ragnhild Øvrebø som leiar") == {"mayor", "leader"}
    assert named("Ordføreren åpnet møtet.") == {"mayor"}
    assert named("where the mayor and the executive committee") == {"mayor"}
    assert named("Dagleg leiar Torstein Vengen sa i intervjuet") >= {"managing director"}
    assert named("Bolagets vd Anna Berg") == {"managing director"}
    assert named("Næringssjefane i dei fire kommunane") == {"business manager"}
    assert named("the municipality chaired the steering group") == {"chair"}
    assert named("The office is led by Rune Kvalsund.") == {"leader"}
    assert named("Kommunen skal ha eit gründerkontor med ein fast rettleiar.") == frozenset()


def test_a_title_named_in_one_language_is_searched_in_the_others() -> None:
    found = title_words(fold("Which head of business development got a mandate?"), False)
    assert {"naringslivschef", "naeringssjef"} <= set(found)
    assert "head of business" not in found, "the question's own words are not added again"
    assert "facilitator" in title_words(fold("Hva sa fasilitatoren på verkstedet?"))
    assert title_words(fold("Hvor mye får næringsfondet i 2026?")) == []
