"""Follow-ups become standalone questions without a language model."""

from __future__ import annotations

import pytest

from assistant.conversation import is_follow_up, last_enumeration, rewrite, standalone
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


@pytest.mark.parametrize(
    "earlier",
    [
        "Vilket hus öppnade Skarvdal Næringsutvikling i Almedal?",
        "Hvilket hus åpnet Skarvdal Næringsutvikling i Almedal?",
        "Which house did Skarvdal Næringsutvikling open in Almedal?",
    ],
)
def test_a_question_word_is_no_topic_a_follow_up_carries(earlier: str) -> None:
    """Carried into the brackets, a question word would read as a name ("Vilket")."""
    history = [Message(role="user", content=earlier), Message(role="assistant", content="Et hus.")]
    carried = rewrite("Vad kostade ombyggnaden, och hur mycket bidrog samvirkelaget med?", history)
    topic = carried[carried.index("(") :]
    assert "Skarvdal" in topic and "Almedal" in topic
    assert not any(word in topic.casefold() for word in ("vilket", "hvilket", "which"))


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


def conversation(*turns: str) -> list[Message]:
    """User turns with a short assistant answer after each."""
    history: list[Message] = []
    for turn in turns:
        history += [
            Message(role="user", content=turn),
            Message(role="assistant", content="Et svar med et sitat [1]."),
        ]
    return history


@pytest.mark.parametrize(
    ("turns", "question", "expected"),
    [
        (["Når ble ReSeNS gjennomført?"], "Kor lenge varte det?", "ReSeNS"),
        (["Hva er samfunnsentreprenørskap?"], "Gi et eksempel fra notatet.",
         "samfunnsentreprenørskap"),
        (["Kva er ein playmaker?"], "Gje eit døme.", "playmaker"),
        (["What is a playmaker municipality?"], "What are synonyms for it?", "playmaker"),
        (["Vad säger rapporten om samstyrning?"], "Vilka källor hänvisar den till?",
         "samstyrning"),
        (["Hva sier notatet om offentlige anskaffelser?"], "Hvilke kilder?", "anskaffelser"),
        (["Hva er samstyring?"], "Hvem skriver om dem?", "samstyring"),
    ],
)  # fmt: skip
def test_pronouns_and_ellipsis_take_the_previous_topic_in_four_languages(
    turns: list[str], question: str, expected: str
) -> None:
    rewritten = standalone(question, conversation(*turns))
    assert rewritten.follow_up
    assert expected in rewritten.question
    assert rewritten.previous == turns[-1]


def test_three_turns_deep_the_topic_carries_without_nesting_questions() -> None:
    history = conversation("What is a playmaker municipality?", "What are synonyms for it?")
    rewritten = standalone("Which sources does the paper cite for that?", history)
    assert rewritten.question.startswith("Which sources does the paper cite for")
    assert "playmaker" in rewritten.question and "synonyms" in rewritten.question
    assert rewritten.question.count("?") == 1  # no earlier question inside it
    assert "(" not in rewritten.question
    assert rewritten.previous == "What are synonyms for playmaker municipality?"


@pytest.mark.parametrize(
    "turns",
    [
        ["Hva er samstyring?", "Hvem skriver om det?", "Gi et eksempel."],
        ["Kva er samstyring?", "Kven skriv om det?", "Gje eit døme."],
        ["Vad är samstyrning?", "Vem skriver om det?", "Ge ett exempel."],
        ["What is co-governance?", "Who writes about it?", "Give an example."],
    ],
)
def test_three_turn_conversations_keep_the_first_topic_in_every_language(
    turns: list[str],
) -> None:
    history = conversation(*turns[:2])
    rewritten = standalone(turns[2], history)
    topic = turns[0].split()[-1].rstrip("?")
    assert topic in rewritten.question
    assert rewritten.question.count("?") <= 1


def test_a_new_question_does_not_lean_on_the_history() -> None:
    history = conversation("Hva er samstyring?")
    rewritten = standalone("Hva sier notatet om offentlige anskaffelser?", history)
    assert not rewritten.follow_up and rewritten.previous is None
    assert rewritten.question == "Hva sier notatet om offentlige anskaffelser?"


@pytest.mark.parametrize(
    ("first", "follow_up", "carried"),
    [
        ("How much did Strandheim's business fund grant in 2023?",
         "Which project got the largest grant that year?", ["Strandheim's", "2023"]),
        ("Hvor mye fikk næringsfondet i Vikfjord i 2026?",
         "Hvor mange søknader kom inn det året?", ["Vikfjord", "2026"]),
        ("Hur stor var Gränsfonden år 2021?",
         "Hur många projekt fick stöd samma år?", ["Gränsfonden", "2021"]),
    ],
)  # fmt: skip
def test_a_question_about_that_year_takes_the_year_and_names_asked_about_before(
    first: str, follow_up: str, carried: list[str]
) -> None:
    history = [Message(role="user", content=first), Message(role="assistant", content="...")]
    rewritten = rewrite(follow_up, history)
    assert rewritten.startswith(follow_up.rstrip("?"))
    assert all(word in rewritten for word in carried), rewritten
    assert not is_follow_up("Hva gjorde kommunen i 2023?")


def test_a_short_question_of_its_own_may_still_lean_on_the_previous_turn() -> None:
    """It is searched as asked; its reading with the previous topic is kept for when its own
    words find too little."""
    rewritten = standalone("Når ble avtalen godkjent?", ROLES)
    assert rewritten.question == "Når ble avtalen godkjent?"
    assert not rewritten.follow_up
    assert rewritten.leaning is not None
    assert rewritten.leaning.startswith("Når ble avtalen godkjent?")
    assert "entreprenør" in rewritten.leaning


@pytest.mark.parametrize(
    "question",
    [
        "Hva sier notatet om offentlige anskaffelser og lokale leverandører?",  # says enough
        "Når ble avtalen i Tindvoll godkjent?",  # names a place
        "Hvor mye ble bevilget i 2021?",  # names a year
    ],
)
def test_a_question_naming_enough_does_not_lean(question: str) -> None:
    assert standalone(question, ROLES).leaning is None


def test_a_first_question_leans_on_nothing() -> None:
    assert standalone("Når ble avtalen godkjent?", []).leaning is None


def test_a_follow_up_naming_its_own_place_or_year_drops_the_previous_ones() -> None:
    history = [
        Message(
            role="user",
            content="Hur stor andel av Forsvallens inköp gick till lokala leverantörer år 2024?",
        ),
        Message(
            role="assistant", content="I Forsvallen ökade andelen från 19 till 26 procent [1]."
        ),
    ]
    place = rewrite("Och hur stor var andelen i Granvik?", history)
    assert "Granvik" in place and "Forsvallen" not in place and "inköp" in place
    year = rewrite("Och år 2021?", history)
    assert "2021" in year and "2024" not in year and "Forsvallens" in year


def test_a_programme_named_before_stays_when_a_follow_up_names_a_member() -> None:
    history = [
        Message(role="user", content="Hvor mye fikk Nautøy i Næringsløftet Midtfjorden?"),
        Message(role="assistant", content="Nautøy fikk 1,2 millioner kroner [1]."),
    ]
    rewritten = rewrite("Og Heggvoll?", history)
    assert "Næringsløftet Midtfjorden" in rewritten and "Nautøy" not in rewritten


@pytest.mark.parametrize(
    ("question", "own"),
    [("Och hur stor var andelen i Granvik?", True), ("Og i 2019?", True), ("Og hvorfor?", False)],
)
def test_a_follow_up_naming_a_place_or_year_is_never_answered_from_earlier_sources(
    question: str, own: bool
) -> None:
    """What decides that a follow-up whose search finds too little is refused rather than
    answered from the previous turn's sources (which are about another place or year)."""
    from assistant.service import names_its_own

    assert names_its_own(question) is own


@pytest.mark.parametrize(
    ("follow_up", "lang"),
    [
        ("Vad kostade ombyggnaden, och hur mycket av det kom från näringsfonden?", "sv"),
        ("Hvor mye av dette gikk til samskapingsprosjekter i fjor?", "nb"),
        ("What share of it went to co-creation projects with local clubs?", "en"),
        ("Kor mykje av det vart betalt av dei frivillige laga sjølve?", "nn"),
    ],
)
def test_a_pronoun_after_a_preposition_points_back_however_long_the_question(
    follow_up: str, lang: str
) -> None:
    """ "Hur mycket av det" asks about what was said before, though the question names a topic
    of its own: it takes the previous turn's topic."""
    history = conversation("Hva er Matstova i Fossvik?")
    rewritten = standalone(follow_up, history)
    assert rewritten.follow_up, lang
    assert "Matstova" in rewritten.question and "Fossvik" in rewritten.question


def test_a_pointer_that_determines_a_noun_after_a_preposition_is_no_follow_up() -> None:
    question = "Hva sier planen om det nye næringsbygget på Straumsnes og gründerne der?"
    assert not is_follow_up(question)
    assert standalone(question, conversation("Hva er Matstova i Fossvik?")).question == question


@pytest.mark.parametrize(
    ("first", "follow_up", "carried"),
    [
        ("How satisfied were businesses with the first-line service in Næringsbrua Ramnefjorden?",
         "Which of the three municipalities had the least happy firms?", "Ramnefjorden"),
        ("Vilken roll ville deltagarna på verkstaden i Sandvær att kommunen skulle ta?",
         "Vad bestämdes om gårdsturismen, vad ska kommunen göra och till när?", "Sandvær"),
    ],
)  # fmt: skip
def test_a_question_naming_nothing_after_a_turn_that_named_a_place_stays_with_it(
    first: str, follow_up: str, carried: str
) -> None:
    rewritten = standalone(follow_up, conversation(first))
    assert rewritten.follow_up
    assert rewritten.question.startswith(follow_up.rstrip("?"))
    assert carried in rewritten.question


def test_a_question_naming_a_place_of_its_own_does_not_take_the_previous_one() -> None:
    history = conversation("Hvor stort er næringsfondet i Vikfjord?")
    question = "Hvor mange søknader behandlet Strandheim kommune i 2023 i alt?"
    assert standalone(question, history).question == question


def test_two_names_joined_in_the_previous_question_stay_two_names() -> None:
    """ "Stene och Mørkveds" carried on as "Stene Mørkveds" would be one name no source
    writes."""
    history = [
        Message(role="user", content="Vilket projekt bygger Stene och Mørkveds arbetsnotat på?"),
        Message(role="assistant", content="ReSeNS-prosjektet."),
    ]
    text = rewrite("hur många partner var med i det?", history)
    assert "Stene och Mørkveds" in text
