"""Quotes are chosen for the kind of question; every claim stays a verbatim quote."""

from __future__ import annotations

from assistant.answering.answer import extractive_answer
from assistant.answering.extractive import Candidate
from assistant.answering.kinds import question_shape
from assistant.answering.selection import (
    answers_the_document,
    compare,
    compose_parts,
    enumeration_size,
    select_for_question,
)
from assistant.domain import Chunk

TEXT = (
    "Bestillingen sier at notatet må drøfte kommunens roller. "
    "Kommunen har roller som forvalter, tjenesteprodusent og entreprenør. "
    "Kommunen er en viktig aktør i næringsutviklingen. "
    "Kommunen som forhandler møter næringslivet ved bordet. "
    "Kommunen som innovatør prøver ut nye tjenester. "
    "Kommunene må bli playmakere i lokalsamfunnet. "
    "Prosjektet varte fra 2016 til 2018. "
    "Prosjektet var et samarbeid over grensen. "
    "3.2 Ny ressurslogikk"
)


def candidate(sentence: str, score: float, section: tuple[str, ...] = ("3 Funn",)) -> Candidate:
    start = TEXT.index(sentence)
    chunk = Chunk(
        id=f"c{start}", doc_id="doc", text=TEXT, start=0, end=len(TEXT),
        section_path=list(section), title="T",
    )  # fmt: skip
    from assistant.answering.claims import not_a_claim

    return Candidate(
        chunk, 0, start, start + len(sentence), sentence, score, 0.0, score,
        not_a_claim(sentence, section),
    )  # fmt: skip


def texts(chosen: list[Candidate]) -> list[str]:
    return [c.text for c in chosen]


def test_headings_are_never_chosen_however_similar() -> None:
    heading = candidate("3.2 Ny ressurslogikk", 0.99, ("3 Funn", "3.2 Ny ressurslogikk"))
    claim = candidate("Prosjektet var et samarbeid over grensen.", 0.80)
    chosen = select_for_question([heading, claim], question_shape("Hva er ressurslogikk?"), 5, 0.3)
    assert texts(chosen) == ["Prosjektet var et samarbeid over grensen."]


def test_a_list_question_prefers_the_sentence_naming_the_members() -> None:
    members = "Kommunen har roller som forvalter, tjenesteprodusent og entreprenør."
    candidates = [
        candidate("Kommunen er en viktig aktør i næringsutviklingen.", 0.86),
        candidate("Bestillingen sier at notatet må drøfte kommunens roller.", 0.85),
        candidate(members, 0.83),
    ]
    shape = question_shape("Hvilke tre roller har kommunen i næringsutviklingen?")
    assert enumeration_size(members) == 3
    assert texts(select_for_question(candidates, shape, 1, 0.08)) == [members]


def test_a_number_question_prefers_the_sentence_holding_the_figure() -> None:
    candidates = [
        candidate("Prosjektet var et samarbeid over grensen.", 0.86),
        candidate("Prosjektet varte fra 2016 til 2018.", 0.84),
    ]
    chosen = select_for_question(candidates, question_shape("Kor lenge varte prosjektet?"), 1, 0.1)
    assert texts(chosen) == ["Prosjektet varte fra 2016 til 2018."]


def test_recommendations_come_from_concluding_sections_not_from_the_commission() -> None:
    commission = candidate(
        "Bestillingen sier at notatet må drøfte kommunens roller.",
        0.86,
        ("1 Innledning", "1.1 Problemstilling"),
    )
    advice = candidate(
        "Kommunene må bli playmakere i lokalsamfunnet.", 0.82, ("4 Muligheter", "4.1 Muligheter")
    )
    question = "Hva anbefaler forfatterne?"
    chosen = select_for_question([commission, advice], question_shape(question), 1, 0.08)
    assert texts(chosen) == ["Kommunene må bli playmakere i lokalsamfunnet."]
    # A question about the whole document rests on its recommending sentences, not on how
    # similar its few words are to them; one that names a topic is left to the threshold.
    assert answers_the_document(question, [commission, advice])
    assert not answers_the_document(question, [commission])
    assert not answers_the_document("Hva anbefaler notatet om eiendomsskatt?", [advice])


def test_near_repeats_are_left_out() -> None:
    candidates = [
        candidate("Kommunen som forhandler møter næringslivet ved bordet.", 0.9),
        candidate("Kommunen som innovatør prøver ut nye tjenester.", 0.85),
    ]
    repeat = candidates[0]
    chosen = select_for_question([*candidates, repeat], question_shape("Hva gjør kommunen?"), 5, 1)
    assert len(chosen) == 2


def test_a_comparison_is_answered_side_by_side_and_says_when_no_sentence_contrasts() -> None:
    candidates = [
        candidate("Kommunen som forhandler møter næringslivet ved bordet.", 0.88),
        candidate("Kommunen som innovatør prøver ut nye tjenester.", 0.87),
    ]
    parts = compare(candidates, ("forhandler", "innovatør"), "nb", 4, 0.08)
    text, cited = compose_parts(parts)
    assert text == (
        "Kildene setter ikke forhandler og innovatør opp mot hverandre; dette er det de sier om "
        "hver. Om forhandler: Kommunen som forhandler møter næringslivet ved bordet [1]. "
        "Om innovatør: Kommunen som innovatør prøver ut nye tjenester [2]."
    )
    assert [c.text for _, c in cited] == [c.text for c in candidates]
    english, _ = compose_parts(compare(candidates, ("forhandler", "innovatør"), "en", 4, 0.08))
    assert english.startswith("The sources do not set forhandler and innovatør against each other")
    assert "On forhandler:" in english


def test_every_claim_of_an_answer_is_a_verbatim_quote_with_its_marker() -> None:
    candidates = [
        candidate("Kommunen som forhandler møter næringslivet ved bordet.", 0.88),
        candidate("Kommunen som innovatør prøver ut nye tjenester.", 0.87),
        candidate("3.2 Ny ressurslogikk", 0.95, ("3 Funn", "3.2 Ny ressurslogikk")),
    ]
    for question in (
        "Hva er forskjellen mellom kommunen som forhandler og som innovatør?",
        "Hva gjør kommunen?",
    ):
        text, cited = extractive_answer(question, candidates, {}, "nb", 5, 0.1)
        for marker, quoted in cited:
            assert TEXT[quoted.start : quoted.end] == quoted.text
            assert f"{quoted.text.rstrip('.')} [{marker}]" in text
        assert "3.2 Ny ressurslogikk" not in text
