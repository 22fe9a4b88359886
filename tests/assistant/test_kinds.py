"""The kind of question is read by rules in bokmål, nynorsk, English and Swedish."""

from __future__ import annotations

import pytest

from assistant.answering.kinds import compared_sides, names_a_topic, question_shape


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Hvilke tre roller har kommunen i næringsutviklingen?", "list"),
        ("Kva for utfordringar nemner rapporten?", "list"),
        ("Which four measures does the report list?", "list"),
        ("Vilka aktörer ingår i partnerskapet?", "list"),
        ("Hva anbefaler forfatterne?", "recommendation"),
        ("Kva tilrår notatet?", "recommendation"),
        ("What should municipalities do about broadband?", "recommendation"),
        ("Vad rekommenderar rapporten?", "recommendation"),
        ("Hva er forskjellen mellom en forvalter og en utvikler?", "comparison"),
        ("Kva er skilnaden på forvaltar og entreprenør?", "comparison"),
        (
            "How does a broker differ from an innovator? Compare broker versus innovator.",
            "comparison",
        ),
        ("Vad är skillnaden mellan förvaltare och utvecklare?", "comparison"),
        ("Gi et eksempel fra notatet.", "example"),
        ("Gje eit døme på samarbeid.", "example"),
        ("Give an example of co-creation.", "example"),
        ("Ge ett exempel på samverkan.", "example"),
        ("Hvor mange kommuner var med?", "number"),
        ("Kor lenge varte prosjektet?", "number"),
        ("When was the workshop held?", "number"),
        ("Hur många partner hade projektet?", "number"),
        ("Hvilken kilde viser notatet til for påstanden om samstyring?", "source"),
        ("Kva kjelde byggjer dei på?", "source"),
        ("Which works discuss the playmaker role?", "source"),
        ("Is Holmen (2016) in the library?", "source"),
        ("Vilken källa hänvisar rapporten till?", "source"),
        ("Er samstyring alltid positivt?", "yes_no"),
        ("Is co-governance always effective?", "yes_no"),
        ("Hva er en playmaker?", "definition"),
        ("Vad menas med kvadrupel helix?", "definition"),
    ],
)
def test_kinds_are_recognised_in_four_languages(question: str, kind: str) -> None:
    assert question_shape(question).kind == kind


def test_a_list_question_says_how_many_members_it_wants() -> None:
    assert question_shape("Hvilke tre roller har kommunen?").count == 3
    assert question_shape("Which four measures does the report list?").count == 4
    assert question_shape("Hvilke roller har kommunen?").count is None
    # "to" before a short word is the English preposition, not the Norwegian number two.
    assert question_shape("Which opportunities does the experience point to for us?").count is None
    # A count names what is listed where no question word does ("nemner tre aspekt").
    named = question_shape("Notatet nemner tre aspekt ved samstyring. Kva er dei?")
    assert (named.kind, named.count, named.members[0]) == ("list", 3, "aspekt")
    assert question_shape("Kva tre sider ved samstyring vektlegg notatet?").members[0] == "sider"


def test_a_question_names_its_topic_apart_from_what_it_asks() -> None:
    assert question_shape("Gje eit døme på samfunnsentreprenørskap frå Sverige.").topic == (
        "samfunnsentreprenørskap",
        "sverige",
    )
    assert question_shape("Hva anbefaler forfatterne?").topic == ()


def test_a_comparison_names_its_sides() -> None:
    question = "Hva er forskjellen mellom kommunen som forhandler og som innovatør?"
    assert compared_sides(question) == ("forhandler", "innovatør")
    assert compared_sides("What is the difference between a broker and an innovator?") == (
        "broker",
        "innovator",
    )
    assert compared_sides("Hva skiller en forvalter fra en entreprenør?") == (
        "forvalter",
        "entreprenør",
    )
    # Without two sides a "difference" question is read as asking what something is.
    assert question_shape("Hva er forskjellen?").kind == "definition"


def test_questions_about_the_document_as_a_whole_name_no_topic() -> None:
    assert not names_a_topic("Hva anbefaler forfatterne?")
    assert not names_a_topic("What does the paper recommend?")
    assert names_a_topic("Kva tilrår notatet om kommunal eigedomsskatt?")
