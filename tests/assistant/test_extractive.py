"""The extractive answerer picks, orders and cites sentences; it never rewrites them."""

from __future__ import annotations

import math

import pytest

from assistant.answering.extractive import (
    Candidate,
    SentenceInput,
    compose,
    judged_claims,
    lexical_coverage,
    score_candidates,
    strip_bullet,
    support,
    unknown_term_penalty,
)
from assistant.answering.kinds import question_shape
from assistant.answering.selection import select_for_question
from assistant.domain import Chunk

TEXT = (
    "Kommunen kan være brobygger. Dette handler om nettverk. "
    "- Offentlige anskaffelser er et mulighetsrom for kommunen. Se https://www.ue.no/"
)


def chunk(start: int, end: int, doc_id: str = "doc") -> Chunk:
    return Chunk(
        id=f"{doc_id}:{start}", doc_id=doc_id, text=TEXT[start:end], start=start, end=end,
        section_path=["1"], title="T",
    )  # fmt: skip


def sentence(text: str, vector: list[float], doc_id: str = "doc") -> SentenceInput:
    start = TEXT.index(text)
    return SentenceInput(doc_id, start, start + len(text), text, vector)


def candidate(text: str, score: float, start: int, doc_id: str = "doc") -> Candidate:
    return Candidate(
        chunk(0, len(TEXT), doc_id), 0, start, start + len(text), text, score, 0, score
    )


def test_bullets_are_dropped_from_the_quote_with_the_offset_moved() -> None:
    assert strip_bullet("- Offentlige anskaffelser", 10) == ("Offentlige anskaffelser", 12)
    assert strip_bullet("Ingen kule", 3) == ("Ingen kule", 3)


def test_lexical_coverage_weighs_rare_terms_more() -> None:
    idf = {"brobygg": 3.0, "kommun": 1.0}.get
    assert lexical_coverage(["brobygg", "kommun"], ["brobygg"], lambda t: idf(t) or 0.0) == 0.75
    assert lexical_coverage([], ["x"], lambda t: 1.0) == 0.0


def test_sentences_are_scored_by_similarity_and_kept_inside_retrieved_passages() -> None:
    sentences = [
        sentence("Kommunen kan være brobygger.", [1.0, 0.0]),
        sentence("Dette handler om nettverk.", [0.6, 0.8]),
        sentence("- Offentlige anskaffelser er et mulighetsrom for kommunen.", [0.0, 1.0]),
        sentence("Se https://www.ue.no/", [0.9, 0.1], doc_id="other"),
    ]
    passages = [chunk(0, len(TEXT))]
    found = score_candidates(passages, sentences, [1.0, 0.0], [], lambda t: [], lambda t: 0.0)
    assert [c.text for c in found] == [
        "Kommunen kan være brobygger.",
        "Dette handler om nettverk.",
        "Offentlige anskaffelser er et mulighetsrom for kommunen.",
    ]  # the other document's sentence lies in no retrieved passage
    assert found[0].dense == pytest.approx(1.0)
    assert TEXT[found[2].start : found[2].end] == found[2].text


def test_an_item_of_a_list_is_as_near_the_question_as_the_sentence_opening_the_list() -> None:
    text = "Tabell 3.1 viser andelen innkjøp fra lokale leverandører:\n- 2022: 27 prosent i alt"
    passage = Chunk(
        id="t:0", doc_id="t", text=text, start=0, end=len(text), section_path=["3"], title="T"
    )
    opening = text.split("\n")[0]
    row = text.split("\n")[1]
    sentences = [
        SentenceInput("t", 0, len(opening), opening, [1.0, 0.0]),
        SentenceInput("t", len(opening) + 1, len(text), row, [0.0, 1.0]),
    ]
    found = score_candidates([passage], sentences, [1.0, 0.0], [], lambda t: [], lambda t: 0.0)
    # The opening is never a candidate itself; the row it opens is read with it.
    assert [(c.text, c.dense) for c in found] == [("2022: 27 prosent i alt", pytest.approx(1.0))]


def test_a_sentence_about_its_own_document_yields_to_one_about_what_was_asked() -> None:
    """ "This report summarises the evaluation of ..." names the document, its programme and
    period, and so reads like any question about the document."""
    text = (
        "This report summarises the evaluation of the coastal pilot in six municipalities. "
        "Entrepreneurs valued practical help with permits more than financial support."
    )
    passage = Chunk(
        id="r:0", doc_id="r", text=text, start=0, end=len(text), section_path=["1"], title="T"
    )
    first, second = text.split(". ")
    sentences = [
        SentenceInput("r", 0, len(first) + 1, first + ".", [1.0, 0.0]),
        SentenceInput("r", len(first) + 2, len(text), second, [0.99, 0.14]),
    ]

    def best(question: str) -> str:
        found = score_candidates(
            [passage], sentences, [1.0, 0.0], [], lambda t: [], lambda t: 0.0, question=question
        )
        return found[0].text

    assert best("What did entrepreneurs in the coastal pilot value most?") == second
    assert best("Who commissioned the evaluation of the coastal pilot?") == first + "."


def test_short_lines_count_when_they_hold_an_address() -> None:
    sentences = [sentence("Se https://www.ue.no/", [1.0, 0.0])]
    found = score_candidates(
        [chunk(0, len(TEXT))], sentences, [1.0, 0.0], [], lambda t: [], lambda t: 0.0
    )
    assert [c.text for c in found] == ["Se https://www.ue.no/"]


def test_selection_keeps_the_best_within_the_margin_in_text_order_without_repeats() -> None:
    candidates = [
        candidate("Andre setning om brobygger.", 0.90, 50),
        candidate("Første setning om brobygger.", 0.88, 10),
        candidate("Andre setning om brobygger!", 0.87, 80),  # a near repeat
        candidate("Langt unna.", 0.70, 5),
    ]
    shape = question_shape("Hva gjør kommunen som brobygger?")
    chosen = select_for_question(candidates, shape, max_sentences=5, margin=0.05)
    assert [c.text for c in chosen] == [
        "Første setning om brobygger.",
        "Andre setning om brobygger.",
    ]
    assert len(select_for_question(candidates, shape, max_sentences=1, margin=0.5)) == 1
    assert select_for_question([], shape, 3, 0.1) == []


def test_every_sentence_gets_its_own_marker() -> None:
    text, cited = compose(
        [candidate("Kommunen er brobygger.", 1, 0), candidate("Uten punktum", 1, 30)]
    )
    assert text == "Kommunen er brobygger [1]. Uten punktum [2]."
    assert [marker for marker, _ in cited] == [1, 2]


def test_support_is_the_best_sentence_similarity_less_the_unknown_term_penalty() -> None:
    best = Candidate(chunk(0, 10), 0, 0, 10, "x", dense=0.85, lexical=0.0, score=0.9)
    closer = Candidate(chunk(0, 10), 1, 20, 30, "y", dense=0.87, lexical=0.0, score=0.8)
    assert support([best], penalty=0.02) == pytest.approx(0.83)
    # The decision rests on similarity alone, not on how sentences are ranked for the answer.
    assert support([best, closer], penalty=0.0) == pytest.approx(0.87)
    assert support([], 0.04) == -math.inf


def test_a_question_in_the_text_is_no_support_unless_the_literature_s_questions_are_asked() -> None:
    """Two questions embed alike: a report's research question ("Har programmet nådd måla
    sine?") is no sign that it answers a question about stretching after a run."""
    asking = Candidate(chunk(0, 10), 0, 0, 10, "Har programmet nådd måla sine?", 0.9, 0.0, 0.9)
    telling = Candidate(chunk(0, 10), 1, 20, 30, "Programmet nådde to av tre mål.", 0.8, 0.0, 0.8)
    off_topic = "What is a good stretching routine after a long run?"
    assert judged_claims([asking, telling], off_topic) == [telling]
    assert support(judged_claims([asking, telling], off_topic), 0.0) == pytest.approx(0.8)
    about = "Hvilke spørsmål besvarer evalueringen?"
    assert judged_claims([asking, telling], about) == [asking, telling]


def test_unknown_terms_cost_norwegian_questions_in_proportion() -> None:
    assert unknown_term_penalty("nb", 0.25, {"nb"}, 0.04) == pytest.approx(0.01)
    assert unknown_term_penalty("nn", 0.5, {"sv"}, 0.04) == pytest.approx(0.02)


def test_unknown_terms_cost_other_languages_only_when_most_are_unknown_to_their_text() -> None:
    # An English question about Norwegian text uses English words no English document has.
    assert unknown_term_penalty("en", 0.4, {"nb", "en"}, 0.04) == 0.0
    # Most of its words unknown where the library holds English: about something else.
    assert unknown_term_penalty("en", 1.0, {"nb", "en"}, 0.04) == pytest.approx(0.04)
    # A library without Swedish text cannot tell what Swedish words it lacks.
    assert unknown_term_penalty("sv", 1.0, {"nb", "en"}, 0.04) == 0.0


def test_a_line_standing_alone_without_a_full_stop_is_a_title_not_a_claim() -> None:
    """A cover's subtitle reads like a sentence about the roles, but says nothing; an item of a
    list and a sentence running on in its paragraph are quoted as ever."""
    subtitle = "Vekst fra kysten og innover – kommunen som forvalter, tjenesteyter og medspiller"
    item = "- utviklingen av Kjeldrud havn som et nytt næringsområde ved kysten"
    running = "Kommunen skal være forvalter og medspiller i havneutviklingen"
    text = f"Solmundvik kommune\n\n{subtitle}\n\n{item}\n\n{running} i hele planperioden."
    passage = Chunk(
        id="p:0", doc_id="p", text=text, start=0, end=len(text), section_path=["S"], title="T"
    )
    sentences = [
        SentenceInput("p", text.index(part), text.index(part) + len(part), part, [1.0, 0.0])
        for part in (subtitle, item, running)
    ]
    found = score_candidates([passage], sentences, [1.0, 0.0], [], lambda t: [], lambda t: 0.0)
    claims = {c.text: c.claim for c in found}
    assert claims == {subtitle: False, item[2:]: True, running: True}
