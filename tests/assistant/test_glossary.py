"""The literature's terms in four languages, for searching passages in another language."""

from __future__ import annotations

from assistant.answering.constraints import fold
from assistant.retrieval.glossary import glossary_words


def words(question: str, compounds: bool = True) -> list[str]:
    return glossary_words(fold(question), compounds)


def test_a_role_named_in_one_language_is_searched_in_the_others() -> None:
    found = words("What does it mean that the municipality is a bridge-builder?", compounds=False)
    assert "brobygg" in found
    assert "bridge-build" not in found, "the question's own word is not added again"
    assert "negotiat" in words("Hva gjør kommunen som forhandler?")
    assert "co-creat" in words("Kor mange samskapingsprosjekt har kommunen?")


def test_a_question_naming_no_term_searches_for_nothing_more() -> None:
    assert words("Hvor mye får næringsfondet i 2026?") == []
    assert words("Who won the World Cup in 2018?", compounds=False) == []
