"""Follow-ups become standalone questions without a language model."""

from __future__ import annotations

from assistant.conversation import is_follow_up, last_enumeration, rewrite
from assistant.domain import Message

ROLES = [
    Message(role="user", content="Hvilke roller får kommunen som entreprenør?"),
    Message(
        role="assistant",
        content="Innholdet i entreprenørrollen blir å være forhandler, innovatør og brobygger [1].",
    ),
]


def test_an_ordinal_is_resolved_against_the_last_enumeration() -> None:
    standalone = rewrite("Hva mener de med den tredje rollen?", ROLES)
    assert "brobygger" in standalone
    assert "entreprenør" in standalone  # the topic of the question the answer listed them for
    assert standalone.count("?") == 1  # words of the earlier topic, not the earlier question


def test_an_english_follow_up_gets_the_topic_of_the_previous_question() -> None:
    standalone = rewrite("And what about the negotiator?", ROLES)
    assert standalone.startswith("And what about the negotiator?")
    assert "entreprenør" in standalone


def test_a_nynorsk_pronoun_question_is_a_follow_up() -> None:
    assert is_follow_up("Kva seier dei om det?")
    assert "roller" in rewrite("Kva seier dei om det?", ROLES)


def test_a_full_question_is_left_alone() -> None:
    question = "Hva sier notatet om offentlige anskaffelser?"
    assert rewrite(question, ROLES) == question
    assert rewrite(question, []) == question


def test_follow_ups_chain_through_earlier_follow_ups() -> None:
    history = [
        *ROLES,
        Message(role="user", content="Og den andre?"),
        Message(role="assistant", content="Innovatør [1]."),
    ]
    assert "entreprenør" in rewrite("Og hva med den første?", history)


def test_enumerations_are_read_in_three_languages() -> None:
    assert last_enumeration(["forhandler, innovatør og brobygger"]) == [
        "forhandler",
        "innovatør",
        "brobygger",
    ]
    assert last_enumeration(["negotiator, innovator and bridge-builder"])[-1] == "bridge-builder"
    assert last_enumeration(["förhandlare, innovatör och brobyggare"])[0] == "förhandlare"
