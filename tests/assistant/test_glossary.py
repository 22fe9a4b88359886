"""The literature's terms and public bodies in four languages, for searching and checking
passages in another language than the question's."""

from __future__ import annotations

from assistant.answering.constraints import fold, meets, name_constraints
from assistant.retrieval.glossary import glossary_words, organisation_forms


def words(question: str, compounds: bool = True) -> list[str]:
    return glossary_words(fold(question), compounds)


def test_a_role_named_in_one_language_is_searched_in_the_others() -> None:
    found = words("What does it mean that the municipality is a bridge-builder?", compounds=False)
    assert "brobygg" in found
    assert "bridge-build" not in found, "the question's own word is not added again"
    assert "negotiat" in words("Hva gjør kommunen som forhandler?")
    assert "co-creat" in words("Kor mange samskapingsprosjekt har kommunen?")


def test_the_first_line_service_and_its_guidance_are_searched_in_every_language() -> None:
    found = words("How many advisory meetings did the first-line service hold?", compounds=False)
    assert {"forstelinje", "rettleiing", "veiledning", "vagledning"} <= set(found)
    assert "first-line" in words("Kor mange saker hadde førstelinjetenesta i 2024?")
    # An English report counts a guidance session as a "first-line consultation".
    assert "consultation" in words("Hvor mange veiledningssamtaler hadde Skardbu i 2024?")
    assert "veiledning" in words("How many first-line consultations were held?", False)


def test_everyday_words_of_the_field_are_searched_in_the_other_languages() -> None:
    """Who leads and decides, and how opinions are gathered, asked in one language of a
    document written in another."""
    found = words("Which head of business development was given a written mandate?", False)
    assert {"naeringssjef", "naringslivschef"} <= set(found)
    assert "head of business development" in words("Hvem er næringssjef i Vikfjord?")
    found = words("What was the response rate of the survey?", compounds=False)
    assert {"svarprosent", "svarsfrekvens", "enkat"} <= set(found)
    assert "learning network" in words("Kor ofte møttest læringsnettverket?")


def test_a_question_naming_no_term_searches_for_nothing_more() -> None:
    assert words("Hvor mye får kommunen i 2026?") == []
    assert words("Who won the World Cup in 2018?", compounds=False) == []


def test_a_public_body_named_in_one_language_is_searched_by_its_other_names() -> None:
    found = words("How many jobs did register data from Statistics Sweden show?", False)
    assert {"scb", "statistiska centralbyran"} <= set(found)
    assert "statistics sweden" not in found
    assert "norwegian coastal administration" in words("Hva avtalte kommunen med Kystverket?")


def test_a_public_bodys_name_is_met_by_its_name_in_another_language() -> None:
    [sweden] = name_constraints("What did Statistics Sweden count?")
    assert sweden.kind == "organisation"
    assert meets(sweden, "Registerdata från SCB visar 64 fler sysselsatta.")
    assert not meets(sweden, "Registerdata från SSB viser 64 flere sysselsatte.")
    [coast] = name_constraints("Hva avtalte kommunen med Kystverkets regionkontor?")
    assert meets(coast, "It agreed with the Norwegian Coastal Administration on the harbour.")
    ministry = organisation_forms("ministry of local government and regional development")
    assert "kommunal og distriktsdepartementet" in ministry, "a long name read past its form"
    [county] = name_constraints("What did Vikfjord agree with Kystverket?")[-1:]
    assert not meets(county, "It agreed with the county authority on the harbour.")


def test_a_party_named_by_its_abbreviation_is_met_by_its_name() -> None:
    """Minutes and news items name parties in full, in their own language; users type the
    abbreviation ("Frp-kritikken") or the English name."""
    [frp] = name_constraints("Hvordan svarte ordføreren på Frp-kritikken mot leieavtalen?")
    assert meets(frp, "Framstegspartiet røysta mot leigeavtalen i kommunestyret i mars 2022.")
    assert not meets(frp, "Senterpartiet røysta mot leigeavtalen i kommunestyret i mars 2022.")
    [progress] = name_constraints("What did the Progress Party say about the lease?")
    assert meets(progress, "Fremskrittspartiet stemte mot leieavtalen.")
