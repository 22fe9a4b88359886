"""An LLM's citations are checked in code: invented markers go, weak claims are flagged."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from assistant.answering.verification import (
    NO_CITATION,
    NO_CLAIM,
    MarkerRewriter,
    answer_sentences,
    best_quote,
    flag_sentences,
    is_claim,
    judge_sentences,
    quoted_sentences,
    renumber_markers,
    support_score,
)

# Two passages in the working paper's own words (section 4.1 and 4.2).
ROLES = (
    "Beskrivelsene over viser nye logikker. Logikken over gjør at innholdet i kommunens "
    "entreprenørrolle i større grad blir å være forhandler, innovatør og brobygger."
)
GOVERNANCE = (
    "Samstyring er ikke-hierarkiske prosesser hvor det offentlige og private aktører og "
    "ressurser koordineres og gis felles retning og mening."
)


# --- markers -----------------------------------------------------------------------------


def test_markers_naming_no_source_are_removed_with_their_space() -> None:
    text, order = renumber_markers("Kommunen er brobygger [7]. Den forhandler [0]. Ja [2].", 5)
    assert text == "Kommunen er brobygger. Den forhandler. Ja [1]."
    assert order == [2]


def test_markers_are_renumbered_in_order_of_first_use() -> None:
    text, order = renumber_markers("A [3]. B [1][3]. C [2, 3]. D [3].", 3)
    assert text == "A [1]. B [2][1]. C [3][1]. D [1]."
    assert order == [3, 1, 2], "new marker n stands for source order[n - 1]"


def test_a_group_keeps_its_valid_markers_only() -> None:
    text, order = renumber_markers("Påstand [9, 2, 2].", 4)
    assert text == "Påstand [1]."
    assert order == [2]


def test_text_without_valid_markers_has_no_order() -> None:
    assert renumber_markers("PWNED", 5) == ("PWNED", [])


@given(st.lists(st.integers(min_value=1, max_value=6), min_size=0, max_size=12))
def test_streamed_text_is_rewritten_exactly_as_the_whole(cuts: list[int]) -> None:
    whole = "  Kommunen er brobygger [2]. Den [9] forhandler [1, 7].\nSlik [3][2] er det [12] "
    rewriter = MarkerRewriter(3)
    out, position = [], 0
    for size in cuts:
        out.append(rewriter.feed(whole[position : position + size]))
        position += size
    out.append(rewriter.feed(whole[position:]))
    out.append(rewriter.finish())
    assert "".join(out) == renumber_markers(whole, 3)[0]
    assert rewriter.order == [2, 1, 3]


def test_a_marker_after_the_full_stop_belongs_to_the_sentence_before() -> None:
    sentences = answer_sentences("Kommunen er brobygger. [1] Den forhandler også [2].")
    assert [s.markers for s in sentences] == [(1,), (2,)]
    assert sentences[0].text == "Kommunen er brobygger. [1]"


# --- claims and support --------------------------------------------------------------------


def test_a_claim_has_four_content_words() -> None:
    assert is_claim("Kommunen skal være forhandler, innovatør og brobygger.")
    assert not is_claim("Kildene sier ikke noe om dette.")
    assert not is_claim("Det er uklart [1].")


def test_a_supported_sentence_is_not_flagged() -> None:
    sentences = answer_sentences(
        "Kommunens entreprenørrolle blir i større grad å være forhandler, innovatør og "
        "brobygger [1]."
    )
    assert flag_sentences(sentences, [ROLES]) == []


def test_a_nynorsk_paraphrase_is_supported_by_bokmaal_text() -> None:
    assert (
        support_score("Kommunen skal vere forhandlar, innovatør og brubyggjar [1].", [ROLES]) == 1
    )


def test_an_unsupported_sentence_is_flagged_with_a_reason() -> None:
    sentences = answer_sentences(
        "Kommunen blir forhandler, innovatør og brobygger [1]. "
        "Fylkeskommunen finansierer vindkraftverk og bredbånd i Finnmark [1]."
    )
    flagged = flag_sentences(sentences, [ROLES])
    assert [f.sentence for f in flagged] == [
        "Fylkeskommunen finansierer vindkraftverk og bredbånd i Finnmark [1]."
    ]
    assert flagged[0].markers == [1]
    assert "weak support" in flagged[0].reason


def test_support_is_judged_against_the_cited_passage_not_any_passage() -> None:
    sentence = answer_sentences("Samstyring koordinerer offentlige og private aktører [1].")
    assert flag_sentences(sentence, [GOVERNANCE]) == []
    assert len(flag_sentences(sentence, [ROLES])) == 1


def test_an_uncited_claim_is_flagged_but_a_short_remark_is_not() -> None:
    sentences = answer_sentences(
        "Kommunen blir forhandler [1]. Fylkeskommunen finansierer vindkraftverk i Finnmark. "
        "Mer står ikke der."
    )
    flagged = flag_sentences(sentences, [ROLES])
    assert [(f.sentence, f.reason) for f in flagged] == [
        ("Fylkeskommunen finansierer vindkraftverk i Finnmark.", NO_CITATION)
    ]


def test_without_a_threshold_only_uncited_claims_are_flagged() -> None:
    sentences = answer_sentences(
        "The municipality becomes a negotiator and bridge builder [1]. "
        "Regional councils fund broadband in northern Norway."
    )
    flagged = flag_sentences(sentences, [ROLES], threshold=None)
    assert [f.reason for f in flagged] == [NO_CITATION]


# --- per-sentence support ------------------------------------------------------------------


def test_every_sentence_gets_the_status_its_sources_give_it() -> None:
    sentences = answer_sentences(
        "Kommunen blir forhandler, innovatør og brobygger [1]. "
        "Fylkeskommunen finansierer vindkraftverk og bredbånd i Finnmark [1]. "
        "Staten eier alle vindkraftverk langs kysten. "
        "Mer står ikke der."
    )
    judged = judge_sentences(sentences, [ROLES])

    assert [(s.status, s.markers) for s in judged] == [
        ("supported", [1]),
        ("unsupported", [1]),
        ("uncited", []),
        ("unchecked", []),
    ]
    assert [s.text for s in judged] == [s.text for s in sentences]
    assert "weak support" in judged[1].reason
    assert judged[2].reason == NO_CITATION
    assert judged[3].reason == NO_CLAIM


def test_the_flags_are_exactly_the_unsupported_and_uncited_sentences() -> None:
    sentences = answer_sentences(
        "Samstyring koordinerer offentlige og private aktører [1]. "
        "Samstyring koordinerer offentlige og private aktører [2]. "
        "Fylkeskommunen finansierer vindkraftverk og bredbånd i Finnmark."
    )
    judged = judge_sentences(sentences, [GOVERNANCE, ROLES])
    flagged = flag_sentences(sentences, [GOVERNANCE, ROLES])

    assert [s.status for s in judged] == ["supported", "unsupported", "uncited"]
    assert [(f.sentence, f.markers, f.reason) for f in flagged] == [
        (s.text, s.markers, s.reason) for s in judged if s.status in ("unsupported", "uncited")
    ]


def test_without_a_threshold_cited_sentences_are_unchecked_not_supported() -> None:
    sentences = answer_sentences(
        "The municipality becomes a negotiator and bridge builder [1]. "
        "Regional councils fund broadband in northern Norway."
    )
    judged = judge_sentences(sentences, [ROLES], threshold=None)
    assert [s.status for s in judged] == ["unchecked", "uncited"]
    assert "not judged" in judged[0].reason


def test_a_marker_naming_no_passage_leaves_a_claim_uncited() -> None:
    judged = judge_sentences(
        answer_sentences("Kommunen blir forhandler, innovatør og brobygger [3]."), [ROLES]
    )
    assert [(s.status, s.markers) for s in judged] == [("uncited", [3])]


def test_an_extractive_answer_s_quotes_are_supported_and_marked_before_the_stop() -> None:
    judged = quoted_sentences([(1, "Samstyring er ikke-hierarkisk."), (2, "Kommunen er brobygger")])
    assert [(s.text, s.markers, s.status) for s in judged] == [
        ("Samstyring er ikke-hierarkisk [1].", [1], "supported"),
        ("Kommunen er brobygger [2]", [2], "supported"),
    ]


# --- quotes --------------------------------------------------------------------------------


def test_the_quote_is_the_literal_sentence_that_best_supports_the_claim() -> None:
    document = "Innledning.\n\n" + ROLES + " " + GOVERNANCE
    start = document.index("Beskrivelsene")
    end = len(document)
    q_start, q_end = best_quote(document, start, end, "Samstyring koordinerer aktører [1].")
    assert document[q_start:q_end] == GOVERNANCE
    q_start, q_end = best_quote(document, start, end, "Kommunen blir brobygger [1].")
    assert document[q_start:q_end].startswith("Logikken over gjør")


def test_without_any_overlap_the_quote_is_the_passage_s_first_sentence() -> None:
    document = "Tittel\n\n" + ROLES
    start = document.index("Beskrivelsene")
    q_start, q_end = best_quote(document, start, len(document), "Helt urelatert påstand.")
    assert document[q_start:q_end] == "Beskrivelsene over viser nye logikker."


def test_a_list_bullet_is_not_part_of_the_quote() -> None:
    document = "- Samstyring er ikke-hierarkiske prosesser med mange aktører.\n"
    q_start, q_end = best_quote(document, 0, len(document), "Samstyring [1].")
    assert document[q_start:q_end] == "Samstyring er ikke-hierarkiske prosesser med mange aktører."
