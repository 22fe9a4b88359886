"""The extractive answer for a question: its kind decides how quotes are chosen and laid out.

One pure function the service calls: source questions are answered from the citation graph,
comparisons side by side, every other kind by question-aware selection. When a special layout
finds nothing to quote, the plain selection answers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from assistant.answering.constraints import antecedent
from assistant.answering.extractive import Candidate, compose
from assistant.answering.kinds import QuestionShape, question_shape
from assistant.answering.language import Language
from assistant.answering.selection import (
    answers_the_document,
    compare,
    compose_parts,
    recommends,
    select_for_question,
)
from assistant.answering.sources import answer_source_question
from assistant.domain import DocumentRecord


def shape_of(question: str, standalone: str) -> QuestionShape:
    """The kind of what the user asked: read from their own words (a follow-up's rewrite adds
    only topic words), from the standalone form when those say nothing of the kind."""
    shape = question_shape(question)
    if shape.kind in ("other", "definition", "yes_no"):
        rewritten = question_shape(standalone)
        if rewritten.kind != "other":
            return rewritten
    return shape


def extractive_answer(
    question: str,
    candidates: Sequence[Candidate],
    records: Mapping[str, DocumentRecord],
    language: Language,
    max_sentences: int,
    margin: float,
    shape: QuestionShape | None = None,
    text_of: Callable[[str], str] | None = None,
) -> tuple[str, list[tuple[int, Candidate]]]:
    """The answer text with its markers, and the sentence each marker quotes (`text_of`: a
    document's text by id, where a list's opening sentence stands before its passage)."""
    shape = shape or question_shape(question)
    if shape.kind == "source":
        text, cited = answer_source_question(question, candidates, records, language, margin)
        if text:
            return text, cited
    if answers_the_document(question, candidates):
        # A question about the whole document is answered by its recommending sentences.
        candidates = [c for c in candidates if recommends(c)]
    if shape.kind == "comparison" and shape.sides:
        parts = compare(candidates, shape.sides, language, max_sentences, margin)
        if any(part.quotes for part in parts):
            return compose_parts(parts)
    chosen = select_for_question(candidates, shape, max_sentences, margin, text_of)
    return compose(with_antecedents(chosen))


def with_antecedents(chosen: Sequence[Candidate]) -> list[Candidate]:
    """The chosen sentences, each that goes on from the one before it ("Twenty-nine of them
    ...", "It had a budget of ...") quoted after that one, unless it is chosen already."""
    quoted = {(c.chunk.doc_id, c.start) for c in chosen}
    out: list[Candidate] = []
    for candidate in chosen:
        before = antecedent(candidate)
        if before is not None and (before.chunk.doc_id, before.start) not in quoted:
            quoted.add((before.chunk.doc_id, before.start))
            out.append(before)
        out.append(candidate)
    return out
