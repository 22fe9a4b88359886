"""Quotes are chosen for the kind of question; every claim stays a verbatim quote."""

from __future__ import annotations

import pytest

from assistant.answering.answer import extractive_answer
from assistant.answering.claims import not_a_claim
from assistant.answering.extractive import Candidate
from assistant.answering.kinds import question_shape
from assistant.answering.selection import (
    answers_the_document,
    compare,
    compose_parts,
    enumeration_size,
    favoured_passages,
    gives_an_example,
    recommends,
    select_for_question,
)
from assistant.domain import Chunk

TEXT = (
    "Bestillingen sier at notatet må drøfte kommunens roller. "
    "Samfunnsentreprenørskap utfordrer eksisterende strukturer og modeller. "
    "Et eksempel på samarbeid er et felles kontor for kommunene. "
    "Hälsorum Offerdal er et eksempel på samfunnsentreprenørskap i bygda. "
    "Nye roller: Kommunene må forstå de nye rollene. "
    "Kultur: Å etablere en kultur for samstyrt ressursforvaltning. "
    "Penger og økonomiske virkemidler. "
    "Kommunen har roller som forvalter, tjenesteprodusent og entreprenør. "
    "Kommunen er en viktig aktør i næringsutviklingen. "
    "Kommunen som forhandler møter næringslivet ved bordet. "
    "Kommunen som innovatør prøver ut nye tjenester. "
    "Kommunene må bli playmakere i lokalsamfunnet. "
    "Prosjektet varte fra 2016 til 2018. "
    "Prosjektet var et samarbeid over grensen. "
    "3.2 Ny ressurslogikk"
)


def scored(
    text: str,
    sentence: str,
    score: float,
    section: tuple[str, ...] = ("3 Funn",),
    listed: bool = False,
) -> Candidate:
    """A sentence of a passage holding `text`, scored."""
    start = text.index(sentence)
    chunk = Chunk(
        id=f"c{start}-{len(text)}-{hash(text)}", doc_id="doc", text=text, start=0, end=len(text),
        section_path=list(section), title="T",
    )  # fmt: skip
    return Candidate(
        chunk, 0, start, start + len(sentence), sentence, score, 0.0, score,
        not_a_claim(sentence, section), listed,
    )  # fmt: skip


def candidate(
    sentence: str, score: float, section: tuple[str, ...] = ("3 Funn",), listed: bool = False
) -> Candidate:
    """A sentence of the passage holding all of `TEXT`, scored."""
    return scored(TEXT, sentence, score, section, listed)


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


def test_an_example_question_is_answered_with_examples_of_what_it_asks_about() -> None:
    general = candidate(
        "Samfunnsentreprenørskap utfordrer eksisterende strukturer og modeller.", 0.9
    )
    other_topic = candidate("Et eksempel på samarbeid er et felles kontor for kommunene.", 0.86)
    asked = candidate("Hälsorum Offerdal er et eksempel på samfunnsentreprenørskap i bygda.", 0.84)
    shape = question_shape("Gi et eksempel på samfunnsentreprenørskap.")
    assert texts(select_for_question([general, other_topic, asked], shape, 1, 0.08)) == [asked.text]
    # The sentence that is no example is left out while the passages give examples.
    chosen = select_for_question([general, other_topic, asked], shape, 5, 0.08)
    assert general.text not in texts(chosen)
    assert texts(select_for_question([general], shape, 5, 0.08)) == [general.text]


@pytest.mark.parametrize(
    ("sentence", "example"),
    [
        ("Et eksempel på dette er Inn på Tunet-initiativet.", True),
        ("Kommunen kan blant annet kjøpe tjenester.", False),  # "among other things"
        ("Dei kan til dømes kjøpe tenester frå gardsbruk.", True),
        ("Kommunen kan till exempel köpa tjänster.", True),
        ("For example, the municipality buys services.", True),
        ("Det gjelder f.eks. boliger for lokalbefolkningen.", True),
        ("Kommunen kjøper tjenester av noe annet enn gårdsbruk.", False),
    ],
)
def test_sentences_giving_an_example_are_recognised_in_four_languages(
    sentence: str, example: bool
) -> None:
    assert gives_an_example(sentence) is example


def test_advice_on_the_point_a_recommendation_question_names_is_chosen() -> None:
    section = ("4 Muligheter", "4.1 Muligheter")
    roles = candidate("Nye roller: Kommunene må forstå de nye rollene.", 0.88, section)
    culture = candidate(
        "Kultur: Å etablere en kultur for samstyrt ressursforvaltning.", 0.85, section
    )
    shape = question_shape("Vad rekommenderar rapporten när det gäller kultur?")
    assert texts(select_for_question([roles, culture], shape, 1, 0.08)) == [culture.text]
    # An opening infinitive advises as a modal verb does.
    assert recommends(culture)


def test_a_list_question_takes_the_members_from_the_section_named_for_them() -> None:
    section = ("2 Funn", "2.2 Ressursutfordringer")
    member = candidate("Penger og økonomiske virkemidler.", 0.82, section, listed=True)
    elsewhere = candidate("Kommunen er en viktig aktør i næringsutviklingen.", 0.86)
    shape = question_shape("Hvilke ressursutfordringer trekker notatet fram?")
    assert texts(select_for_question([elsewhere, member], shape, 1, 0.08)) == [member.text]


def test_retrieval_favours_passages_that_look_like_answers_to_the_kind() -> None:
    advice = candidate("Kommunene må bli playmakere i lokalsamfunnet.", 0.8, ("4.1 Muligheter",))
    commission = candidate(
        "Bestillingen sier at notatet må drøfte kommunens roller.", 0.8, ("1.1 Problemstilling",)
    )
    elsewhere = advice.chunk.model_copy(update={"doc_id": "another-report"})
    recommending = favoured_passages(question_shape("What does the paper recommend?"))
    assert recommending is not None
    assert recommending(advice.chunk, commission.chunk) == 1.0
    assert recommending(commission.chunk, commission.chunk) == 0.0
    # Another report's advice is not favoured for a question about this one.
    assert recommending(elsewhere, commission.chunk) == 0.0
    example = favoured_passages(question_shape("Gje eit døme på samarbeid."))
    assert example is not None and example(advice.chunk, advice.chunk) == 1.0  # gives examples
    assert favoured_passages(question_shape("Hva er en playmaker?")) is None


def passage(text: str, heading: str, doc_id: str = "doc") -> Chunk:
    return Chunk(
        id=heading, doc_id=doc_id, text=text, start=0, end=len(text), section_path=[heading],
        title="T",
    )  # fmt: skip


def test_a_figure_question_favours_its_documents_passages_giving_that_measure() -> None:
    """A report's summary talks around the table row that answers "how much": retrieval
    favours the passages of the best passage's document that give a figure of the measure
    asked, not those giving another measure, nor another document's figures."""
    summary = passage("Programmet har styrket samarbeidet i regionen.", "Sammendrag")
    row = passage("Interkommunale fellesprosjekter: 8,6 millioner kroner", "3.1 Mål")
    count = passage("Programmet støttet 112 prosjekter i sju kommuner.", "3.2 Tall")
    question = "How much of the programme's money went to joint projects?"
    money = favoured_passages(question_shape(question), question)
    assert money is not None
    assert money(row, summary) == 1.0
    assert money(summary, summary) == 0.0
    assert money(count, summary) == 0.0
    assert money(passage(row.text, "3.1 Mål", "another-report"), summary) == 0.0
    how = "Hvordan beskriver evalueringen samarbeidet?"
    assert favoured_passages(question_shape(how), how) is None


def test_a_list_goes_on_in_the_section_named_for_it_and_only_there() -> None:
    named = ("2 Funn", "2.2 Ressursutfordringer")
    best = candidate("Penger og økonomiske virkemidler.", 0.8, named).chunk
    next_in_section = best.model_copy(update={"id": "next"})
    other_section = best.model_copy(update={"id": "other", "section_path": ["4.2 Utfordringer"]})
    listing = favoured_passages(question_shape("Hvilke ressursutfordringer trekker notatet fram?"))
    assert listing is not None
    assert listing(next_in_section, best) == 1.0
    assert listing(other_section, best) == 0.0
    # When the best passage lies elsewhere, a heading naming the noun favours nothing.
    unnamed = best.model_copy(update={"section_path": ["2.1 Faglig utgangspunkt"]})
    assert listing(other_section, unnamed) == 0.0


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


ASPECTS = (
    "Samstyring henspiller på at aktører samarbeider.\n\nTre aspekter er viktig ved samstyring:\n\n"
    "- Gjensidig avhengighet mellom aktørene.\n- Måten beslutning tas på.\n"
    "- Planlagt og målorientert aktivitet."
)


def test_a_list_opened_by_a_sentence_naming_what_is_asked_answers_with_its_items() -> None:
    """The passage opens with the items; the sentence opening the list, in the document's text
    before it, names the aspects asked for: its items answer, not sentences more similar."""
    items_at = ASPECTS.index("- Gjensidig")
    chunk = Chunk(
        id="paper:3", doc_id="paper", text=ASPECTS[items_at:], start=items_at, end=len(ASPECTS),
        section_path=["3.3 Samstyring"], title="T",
    )  # fmt: skip
    items = [
        Candidate(chunk, 1, ASPECTS.index(text), ASPECTS.index(text) + len(text), text, score,
                  0.0, score, None, True)
        for text, score in (
            ("Gjensidig avhengighet mellom aktørene.", 0.73),
            ("Måten beslutning tas på.", 0.72),
            ("Planlagt og målorientert aktivitet.", 0.71),
        )
    ]  # fmt: skip
    similar = candidate("Kommunen er en viktig aktør i næringsutviklingen.", 0.84)
    shape = question_shape("Vilka tre aspekter av samstyrning lyfter arbetspappret fram?")
    chosen = select_for_question([similar, *items], shape, 5, 0.08, lambda _: ASPECTS)
    assert texts(chosen) == [item.text for item in items]
    # Asked by another word, the count and the topic it opens as many items on do.
    other_word = question_shape("Kva tre sider ved samstyring legg arbeidsnotatet vekt på?")
    chosen = select_for_question([similar, *items], other_word, 5, 0.08, lambda _: ASPECTS)
    assert texts(chosen) == [item.text for item in items]
    two = question_shape("Kva to sider ved samstyring legg arbeidsnotatet vekt på?")
    assert similar.text in texts(
        select_for_question([similar, *items], two, 5, 0.08, lambda _: ASPECTS)
    )
    # Without the document's text the list's opening is not seen: similarity decides.
    assert similar.text in texts(select_for_question([similar, *items], shape, 5, 0.08))


def alone(sentence: str, score: float) -> Candidate:
    """A sentence of a passage of its own, scored."""
    return scored(sentence, sentence, score)


@pytest.mark.parametrize(
    "question",
    [
        "Hvem åpnet verkstedet i Sandvær?",
        "Kven opna verkstaden i Sandvær?",
        "Vem öppnade verkstaden i Sandvær?",
        "Who opened the workshop in Sandvær?",
    ],
)
def test_a_who_question_is_answered_by_the_sentence_naming_someone(question: str) -> None:
    purpose = "Formålet med verkstedet i Sandvær var å drøfte kommunens rolle."
    opener = "Ordfører Gunnhild Valen åpnet verkstedet."
    chosen = select_for_question(
        [alone(purpose, 0.86), alone(opener, 0.83)], question_shape(question), 1, 0.08
    )
    assert texts(chosen) == [opener]


def test_the_names_a_who_question_gives_itself_do_not_answer_it() -> None:
    forum = "Sandvær Næringsforum hadde 40 medlemmer i 2024."
    leader = "Arbeidet ble ledet av Kari Nordmann fra starten."
    shape = question_shape("Hvem ledet arbeidet i Sandvær Næringsforum?")
    chosen = select_for_question([alone(forum, 0.86), alone(leader, 0.83)], shape, 1, 0.08)
    assert texts(chosen) == [leader]
