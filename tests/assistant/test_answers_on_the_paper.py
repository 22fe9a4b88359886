"""What users ask of the working paper, answered as the product promises: the members of a
list named, recommendations from the concluding section, comparisons that say when the paper
does not compare, sources from the citation graph, follow-ups that hold, and never a heading,
footnote or reference line quoted as a claim."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.answering.claims import not_a_claim
from assistant.domain import Answer, Message
from evals.textnorm import normalise


def ask(assistant: Any, *turns: str) -> Answer:
    """The answer to the last turn, the earlier turns asked and answered first."""
    history: list[Message] = []
    for turn in turns[:-1]:
        history.append(Message(role="user", content=turn))
        history.append(Message(role="assistant", content=assistant.chat(history).answer))
    return assistant.chat([*history, Message(role="user", content=turns[-1])])


def quotes_only_claims(answer: Answer) -> bool:
    return all(
        not_a_claim(c.quote, c.section.split(" > ")) in (None, "web address")
        for c in answer.citations
    )


def test_a_list_question_names_every_member(paper_assistant: Any) -> None:
    answer = ask(paper_assistant, "Hvilke tre roller har kommunen i næringsutviklingen?")
    assert answer.grounded
    text = normalise(answer.answer)
    assert all(normalise(role) in text for role in ("forvalt", "produsent", "entreprenør"))


@pytest.mark.parametrize(
    "question",
    [
        "Hva anbefaler forfatterne?",
        "Kva tilrår forfattarane?",
        "What does the paper recommend?",
        "Vad rekommenderar författarna?",
    ],
)
def test_the_authors_recommendations_come_from_the_concluding_section(
    paper_assistant: Any, question: str
) -> None:
    # The question names no topic, so no passage is very similar to it: retrieval favours
    # the concluding sections' advice, and the answer quotes it rather than refusing.
    answer = ask(paper_assistant, question)
    assert answer.grounded and answer.citations
    assert all("Muligheter" in c.section for c in answer.citations)
    assert not any("Problemstilling" in c.section for c in answer.citations)
    assert any(" må " in f" {c.quote} " for c in answer.citations)


def test_a_comparison_the_paper_never_makes_is_said_plainly(paper_assistant: Any) -> None:
    answer = ask(
        paper_assistant, "Hva er forskjellen mellom kommunen som forhandler og som innovatør?"
    )
    assert answer.grounded
    assert answer.answer.startswith("Kildene setter ikke forhandler og innovatør opp mot")
    assert "Om forhandler" in answer.answer


def test_a_source_question_names_the_works_cited_where_the_claim_is_made(
    paper_assistant: Any,
) -> None:
    answer = ask(
        paper_assistant,
        "Hvilken kilde viser notatet til for påstanden om at næringsutvikling er et "
        "holdningsspørsmål?",
    )
    assert answer.grounded
    assert "Aasen og Amundsen (2011)" in answer.answer
    assert "Sivertsen (2019)" in answer.answer
    assert "ikke i biblioteket" in answer.answer
    assert "Wekre" not in answer.answer  # cited elsewhere, for another claim


@pytest.mark.parametrize(
    "question",
    [
        "What does the paper recommend?",
        "Hva sier notatet om ReSeNS?",
        "Is Holmen (2016) in the library?",
        "Hvilke drivere tar notatet utgangspunkt i?",
        "Vad säger rapporten om medborgerkooperativ?",
    ],
)
def test_no_answer_quotes_a_heading_footnote_or_reference(
    paper_assistant: Any, question: str
) -> None:
    answer = ask(paper_assistant, question)
    assert quotes_only_claims(answer), [c.quote for c in answer.citations]
    for citation in answer.citations:
        record = paper_assistant.record(citation.doc_id)
        assert record.text[citation.start : citation.end] == citation.quote


def test_who_wrote_a_work_the_paper_cites_is_answered_by_a_name_not_an_address(
    paper_assistant: Any,
) -> None:
    answer = ask(
        paper_assistant, "Hvem har skrevet kronikken om generasjon Z som notatet viser til?"
    )
    assert answer.grounded
    assert "Parisa Yousefi" in answer.answer
    assert not any(c.quote.startswith(("http", "www.")) for c in answer.citations)


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        (["Når ble ReSeNS gjennomført?", "Kor lenge varte det?"], "2016 til 2018"),
        (["Hva er samfunnsentreprenørskap?", "Gi et eksempel fra notatet."], "eksempel"),
        (["Kva er ein playmaker?", "Kva seier dei om det?"], "playmaker"),
        (["Vad menas med en playmaker?", "Vilka synonymer finns för det?"], "nettverksentreprenør"),
        (
            [
                "What is a playmaker municipality?",
                "What are synonyms for it?",
                "Which sources does the paper cite for that?",
            ],
            "Carlsson",
        ),
    ],
)
def test_follow_ups_two_and_three_turns_deep(
    paper_assistant: Any, turns: list[str], expected: str
) -> None:
    answer = ask(paper_assistant, *turns)
    assert answer.grounded
    assert expected in answer.answer
    assert answer.standalone_question.count("?") <= 1  # earlier questions are not nested
    assert quotes_only_claims(answer)
