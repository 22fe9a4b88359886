"""The offline answerer's candidates: the sentences of the retrieved passages, scored.

Pure functions. Each candidate sentence is scored by its embedding's similarity to the question
and by how many of the question's terms it holds (weighted by rarity), and marked as a claim or
not (`claims`). `selection` chooses among them for the kind of question; `compose` puts each
chosen sentence in the answer followed by a marker `[n]` whose citation quotes that very
sentence, a literal span of the source. When even the best claim scores below the support
threshold, the answer is a refusal and the passages are offered as possibly related.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

import numpy as np

from assistant.answering.claims import (
    NotClaim,
    describes_its_document,
    footnote_body,
    is_title_line,
    not_a_claim,
)
from assistant.domain import Chunk

# The marker opening an item of a list ("- ", "• ", "3. ").
LIST_BULLET = re.compile(r"^(?:[-•*–]\s+|\d+[.)]\s+)")
_ADDRESS = re.compile(r"https?://|www\.", re.IGNORECASE)
MIN_WORDS = 4
# Chosen on the bundled test set (evals/README.md, "Tuning"): the sentence's own similarity
# decides; a little weight on shared rare terms and on the passage's rank breaks ties.
LEXICAL_WEIGHT = 0.05
RANK_DECAY = 0.02
# What a sentence about its own document loses ("This report summarises the evaluation of
# ..."): it names the document, its programme and period, so it reads like every question
# about the document, and was quoted where a sentence below it answered. Library dev + batch
# 15 dev: MRR@10 0.847 -> 0.851, citation recall 0.854 -> 0.858, key facts 0.823 -> 0.827.
SELF_DESCRIPTION_PENALTY = 0.03


@dataclass(frozen=True)
class SentenceInput:
    """A stored sentence of some document, with its vector."""

    doc_id: str
    start: int
    end: int
    text: str
    vector: Sequence[float]


@dataclass(frozen=True)
class Candidate:
    """A sentence that might answer, with where it comes from and how well it fits."""

    chunk: Chunk
    passage_rank: int
    start: int
    end: int
    text: str
    dense: float
    lexical: float
    score: float
    not_claim: NotClaim | None = None
    listed: bool = False  # the sentence opens an item of a bulleted or numbered list

    @property
    def claim(self) -> bool:
        """True when the sentence may be quoted as a claim (not a heading, reference, ...)."""
        return self.not_claim is None


def strip_bullet(text: str, start: int) -> tuple[str, int]:
    """Drop a list bullet from the front of a sentence, moving its start offset along."""
    match = LIST_BULLET.match(text)
    if match is None:
        return text, start
    return text[match.end() :], start + match.end()


def lexical_coverage(
    query_terms: Sequence[str], sentence_terms: Sequence[str], idf: Callable[[str], float]
) -> float:
    """Share of the question's term weight (IDF) that the sentence holds, 0..1."""
    unique = set(query_terms)
    total = sum(idf(term) for term in unique)
    if total <= 0:
        return 0.0
    present = set(sentence_terms)
    return sum(idf(term) for term in unique if term in present) / total


def score_candidates(
    passages: Sequence[Chunk],
    sentences: Sequence[SentenceInput],
    query_vector: Sequence[float],
    query_terms: Sequence[str],
    analyse: Callable[[str], list[str]],
    idf: Callable[[str], float],
    lexical_weight: float = LEXICAL_WEIGHT,
    rank_decay: float = RANK_DECAY,
    content_vector: Sequence[float] | None = None,
    question: str = "",
) -> list[Candidate]:
    """Score every sentence lying inside a retrieved passage; best first.

    Each candidate says whether it is a claim; headings, footnote addresses, bibliography
    lines and the like stay candidates (a source question lists them) but are never quoted.
    `content_vector` is the question without the names of the documents it names: when
    given, a sentence ranks by its mean similarity to both, so that one saying what was
    asked beats one that merely names the document (its `dense`, what support is judged
    on, stays the similarity to the whole question). A sentence about its own document
    ranks a little lower unless the `question` asks about the document itself.
    """
    self_penalty = 0.0 if asks_about_the_document(question) else SELF_DESCRIPTION_PENALTY
    query = np.asarray(query_vector, dtype=float)
    content = np.asarray(content_vector, dtype=float) if content_vector is not None else None
    candidates: list[Candidate] = []
    opening: tuple[str, float] | None = None  # the list being read: its document, similarity
    for sentence in sentences:
        text, start = strip_bullet(sentence.text, sentence.start)
        listed = start != sentence.start
        text, start = footnote_body(text, start)
        if not listed:
            opening = None
        if text.rstrip().endswith(":"):
            # A list's opening says nothing on its own, but says what its items are about.
            opening = (sentence.doc_id, float(np.dot(query, np.asarray(sentence.vector))))
            continue
        if len(text.split()) < MIN_WORDS and not _ADDRESS.search(text):
            continue  # fragments say nothing on their own
        rank, chunk = next(
            (
                (rank, chunk)
                for rank, chunk in enumerate(passages)
                if chunk.doc_id == sentence.doc_id
                and chunk.start <= start
                and sentence.end <= chunk.end
            ),
            (None, None),
        )
        if chunk is None or rank is None:
            continue
        vector = np.asarray(sentence.vector, dtype=float)
        dense = float(np.dot(query, vector))
        if listed and opening is not None and opening[0] == sentence.doc_id:
            dense = max(dense, opening[1])  # an item is read with the sentence opening its list
        similarity = dense if content is None else (dense + float(np.dot(content, vector))) / 2
        lexical = lexical_coverage(query_terms, analyse(text), idf)
        score = similarity + lexical_weight * lexical - rank_decay * rank
        if self_penalty and describes_its_document(text):
            score -= self_penalty
        not_claim = not_a_claim(text, chunk.section_path)
        if not_claim is None and not listed and is_title_line(_line_of(chunk, start, sentence.end)):
            not_claim = "heading"  # a line of its own, unpunctuated: a title
        candidates.append(
            Candidate(
                chunk, rank, start, sentence.end, text, dense, lexical, score, not_claim, listed
            )
        )
    return sorted(candidates, key=lambda c: -c.score)


def _line_of(chunk: Chunk, start: int, end: int) -> str:
    """The line of a passage a sentence spans, when the sentence is the whole line; else empty."""
    text = chunk.text
    at, until = start - chunk.start, end - chunk.start
    first = text.rfind("\n", 0, at) + 1
    last = text.find("\n", until)
    line = text[first : len(text) if last < 0 else last]
    sentence = text[at:until]
    return line if line.strip() == sentence.strip() else ""


# Words of a question about a document itself: who asked for or wrote it, and why.
_ABOUT_THE_DOCUMENT = re.compile(
    r"(?i)bestil|beställ|oppdrag|uppdrag|commission|syfte|formål|føremål|purpose|hensikt|"
    r"\baim|skrev|skreiv|wrote|written|författ|forfatt|author"
)


def asks_about_the_document(question: str) -> bool:
    """Whether a question asks who asked for or wrote a document, or why."""
    return _ABOUT_THE_DOCUMENT.search(question) is not None


# Words of a question that asks what the literature asks: its research questions, the
# questions a workshop put ("Hva er problemstillingen?", "Which questions does it answer?").
_ABOUT_QUESTIONS = re.compile(
    r"(?i)spørsmål|spursmål|sporsmal|problemstilling|frågeställning|fråg|question|spurt|spør"
)


def judged_claims(candidates: Sequence[Candidate], question: str) -> list[Candidate]:
    """The candidates support is judged on: a sentence asking a question ("Har programmet
    nådd måla sine?") is no sign that the literature answers one, however alike two
    questions embed, unless the question asks what the literature asks."""
    if _ABOUT_QUESTIONS.search(question):
        return list(candidates)
    return [c for c in candidates if not c.text.rstrip().endswith("?")]


def support(candidates: Sequence[Candidate], penalty: float) -> float:
    """How strongly the evidence supports answering at all.

    The highest embedding similarity of a candidate sentence, less the penalty for the
    question's terms the literature never uses (`unknown_term_penalty`). Compared with a
    per-language threshold, since cross-lingual similarities run lower. Claims count, and web
    addresses (what a question about further reading is answered with); a heading that
    repeats the question's words is no evidence.
    """
    best = best_claim(candidates)
    return -math.inf if best is None else best.dense - penalty


# Share of a question's terms past which, when the library holds text in the question's
# language, the question is about something the literature does not treat ("How do I bake
# sourdough bread?"), however similar some sentence is. Below it, a question in a language the
# literature is only partly written in may well use words its documents in that language never
# do (an English question about a Norwegian report); answerable questions of the library's
# development set leave at most 0.38 of their terms unknown, off-topic ones at least 0.5.
MOSTLY_UNKNOWN = 0.5


def unknown_term_penalty(
    language: str, unknown_share: float, held_languages: Collection[str], penalty: float
) -> float:
    """The support lost for a question's terms the literature never uses: in bokmål and
    nynorsk in proportion to their share; in another language the library holds text in,
    the same, but only when most of its terms are unknown; else nothing (across languages
    every term is "missing")."""
    if language in ("nb", "nn"):
        return penalty * unknown_share
    if language in held_languages and unknown_share >= MOSTLY_UNKNOWN:
        return penalty * unknown_share
    return 0.0


def best_claim(candidates: Sequence[Candidate]) -> Candidate | None:
    """The candidate `support` is judged by: the claim most similar to the question."""
    claims = [c for c in candidates if quotable([c])]
    return max(claims, key=lambda c: c.dense) if claims else None


def quotable(candidates: Sequence[Candidate]) -> bool:
    """Whether any candidate may be quoted as evidence: a claim or a web address."""
    return any(c.claim or c.not_claim == "web address" for c in candidates)


def compose(chosen: Sequence[Candidate]) -> tuple[str, list[tuple[int, Candidate]]]:
    """The answer text with a marker after every sentence, and each marker's sentence."""
    parts: list[str] = []
    cited: list[tuple[int, Candidate]] = []
    for marker, candidate in enumerate(chosen, start=1):
        text = candidate.text.rstrip()
        if text[-1:] in ".!?":
            parts.append(f"{text[:-1]} [{marker}]{text[-1]}")
        else:
            parts.append(f"{text} [{marker}].")
        cited.append((marker, candidate))
    return " ".join(parts), cited
