"""Sentence spans respect Norwegian abbreviations, initials and list items."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from indexing.sentences import sentence_spans


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def test_splits_at_sentence_ends() -> None:
    text = "Kommunen er forvalter. Den er også tjenesteprodusent! Er den entreprenør?"
    assert sentences(text) == [
        "Kommunen er forvalter.",
        "Den er også tjenesteprodusent!",
        "Er den entreprenør?",
    ]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Det gjelder f.eks. boliger, bl.a. i Røyrvik. Aasen, T. M. B. skrev om dette."
    assert sentences(text) == [
        "Det gjelder f.eks. boliger, bl.a. i Røyrvik.",
        "Aasen, T. M. B. skrev om dette.",
    ]


def test_list_items_are_sentences_even_without_a_period() -> None:
    text = "Ressurser:\n- Penger og virkemidler\n- Kunnskap og kompetanse"
    assert sentences(text) == ["Ressurser:", "- Penger og virkemidler", "- Kunnskap og kompetanse"]


def test_a_numbered_list_items_label_stays_with_its_sentence() -> None:
    text = (
        "Kommunen skal:\n\n1. Etablere et fast samarbeid.\n\n"
        "12. Tilby kurs. Det er gratis.\n3. Dele opp kontrakter."
    )
    assert sentences(text) == [
        "Kommunen skal:",
        "1. Etablere et fast samarbeid.",
        "12. Tilby kurs.",
        "Det er gratis.",
        "3. Dele opp kontrakter.",
    ]
    # An ordinal inside a line is no label: "12." there is read as before.
    assert sentences("Vi kom på 12. plass. Neste år.") == ["Vi kom på 12. plass.", "Neste år."]


def test_each_field_of_a_documents_heading_is_a_sentence() -> None:
    text = (
        "Sted: Sandvær rådhus, kommunestyresalen\nDato: 7. februar 2024, kl. 09.00–15.30\n"
        "Referent: Simen Arntzen, næringskonsulent, Sandvær kommune"
    )
    assert sentences(text) == [
        "Sted: Sandvær rådhus, kommunestyresalen",
        "Dato: 7. februar 2024, kl. 09.00–15.30",
        "Referent: Simen Arntzen, næringskonsulent, Sandvær kommune",
    ]
    # A wrapped line of prose is no field, whatever it opens with.
    assert len(sentences("Kommunen har mange oppgaver,\nog noen av dem er viktige.")) == 1


def test_blank_lines_end_sentences() -> None:
    assert sentences("En overskrift\n\nEn tekst.") == ["En overskrift", "En tekst."]


@given(st.text(alphabet="abcæøå .!?\n-ABCÆØÅ", max_size=300))
def test_spans_are_ordered_trimmed_and_inside_the_text(text: str) -> None:
    previous_end = 0
    for start, end in sentence_spans(text):
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
