"""Checking an LLM's cited answer against its sources: pure functions, no I/O.

What is checked, and the choices behind it:

- **Markers.** A marker is ``[n]`` (also ``[n, m]``, rewritten as ``[n][m]``). A marker that
  names no source (``[0]``, ``[7]`` of five) is removed with the space before it. The others are
  renumbered in order of first use, so the answer's markers run 1..n and match its citations.
  :class:`MarkerRewriter` does this on a stream of tokens, so what is streamed is what is kept.
- **Claims.** A sentence makes a claim when it has at least :data:`CLAIM_MIN_WORDS` content
  words (words that are not function words; markers do not count). "Kildene sier ikke noe om
  dette." has two and is no claim; a sentence stating a finding has more.
- **Support.** A cited sentence is supported when at least :data:`SUPPORT_THRESHOLD` of its
  index terms (``analyse``: stems of content words, with nynorsk and Swedish forms mapped to
  bokmål) occur in the passages it cites. A term also counts when it and a source term of at
  least :data:`MIN_PART` letters contain one another, since compounds are common
  (``næringsutviklingsrolle`` supports ``rolle``). An LLM paraphrases, so half of the terms is the
  bar, not all; a sentence about something else shares almost none. Only bokmål and nynorsk
  answers are judged for support (:data:`SUPPORT_THRESHOLDS`): English and Swedish answers over
  Norwegian sources share too few word forms for a lexical check to mean anything (a faithful
  Swedish paraphrase shares about one term in seven). Uncited claims are flagged in any language.
- **Statuses.** Every sentence gets one (:func:`judge_sentences`): ``supported`` (cites and is
  supported), ``unsupported`` (cites but is not), ``uncited`` (a claim citing nothing),
  ``unchecked`` (no claim, or cited in a language whose support is not judged). The flagged
  sentences are the unsupported and uncited ones. An extractive answer's sentences are quotes,
  so all ``supported``.
- **Quotes.** Each citation quotes the sentence of its passage that shares most terms with the
  answer sentences carrying its marker, a literal span of the document's cleaned text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answering.extractive import strip_bullet
from assistant.answering.language import Language
from assistant.domain import FlaggedSentence, SentenceStatus, SentenceSupport
from assistant.retrieval.text import analyse, content_words
from indexing.sentences import sentence_spans

MARKER = re.compile(r"(\s*)\[(\d+(?:\s*,\s*\d+)*)\]")
# The tail of a stream that may still turn into (or lose) a marker: whitespace and an open "[".
_UNSETTLED = re.compile(r"\s*(?:\[[\d,\s]{0,24})?$")
# A marker written after the sentence's full stop ("... brobygger. [1]").
_MARKER_AFTER_STOP = re.compile(r"([.!?])(\s*)((?:\[\d+(?:\s*,\s*\d+)*\])+)")

CLAIM_MIN_WORDS = 4
SUPPORT_THRESHOLD = 0.5
SUPPORT_THRESHOLDS: dict[Language, float | None] = {
    "nb": SUPPORT_THRESHOLD,
    "nn": SUPPORT_THRESHOLD,
    "sv": None,
    "en": None,
}
MIN_PART = 5
QUOTE_MIN_WORDS = 4
NO_CITATION = "no citation: the sentence makes a claim but cites no source"
NO_CLAIM = "no claim: too few content words to need a source"
FLAGGED_STATUSES: frozenset[SentenceStatus] = frozenset({"unsupported", "uncited"})


class MarkerRewriter:
    """Renumbers citation markers in text that arrives in pieces, dropping invalid ones."""

    def __init__(self, sources: int) -> None:
        self.sources = sources
        self.order: list[int] = []  # order[i] is the source number new marker i + 1 stands for
        self._pending = ""
        self._started = False

    def feed(self, piece: str) -> str:
        """Take the next piece of text; return the part that is settled, rewritten."""
        self._pending += piece
        cut = _UNSETTLED.search(self._pending)
        settled_end = cut.start() if cut else len(self._pending)
        settled, self._pending = self._pending[:settled_end], self._pending[settled_end:]
        return self._emit(settled)

    def finish(self) -> str:
        """Flush what is left at the end of the text (trailing space is dropped)."""
        rest, self._pending = self._pending, ""
        return self._emit(rest).rstrip()

    def _emit(self, text: str) -> str:
        text = MARKER.sub(self._replace, text)
        if not self._started:
            text = text.lstrip()
            self._started = bool(text)
        return text

    def _replace(self, match: re.Match[str]) -> str:
        numbers: list[int] = []
        for part in match.group(2).split(","):
            source = int(part)
            if not 1 <= source <= self.sources:
                continue
            if source not in self.order:
                self.order.append(source)
            marker = self.order.index(source) + 1
            if marker not in numbers:
                numbers.append(marker)
        if not numbers:
            return ""
        return match.group(1) + "".join(f"[{n}]" for n in numbers)


def renumber_markers(text: str, sources: int) -> tuple[str, list[int]]:
    """Text with markers renumbered 1..n by first use, and the source each new marker names."""
    rewriter = MarkerRewriter(sources)
    result = rewriter.feed(text) + rewriter.finish()
    return result, rewriter.order


def strip_markers(text: str) -> str:
    """The text without its citation markers."""
    return MARKER.sub("", text)


def markers_in(text: str) -> list[int]:
    """Marker numbers in the order they appear, without repeats."""
    found: list[int] = []
    for match in MARKER.finditer(text):
        for part in match.group(2).split(","):
            if int(part) not in found:
                found.append(int(part))
    return found


@dataclass(frozen=True)
class AnswerSentence:
    """One sentence of an answer, as written, with the markers it carries."""

    text: str
    markers: tuple[int, ...]


def answer_sentences(text: str) -> list[AnswerSentence]:
    """The sentences of an answer; a marker after the full stop belongs to the sentence before."""
    # Swap "stop, space, markers" to "markers, space, stop" (same length) so the sentence
    # splitter ends the sentence after its markers; the spans then cut the original text.
    masked = _MARKER_AFTER_STOP.sub(lambda m: m.group(3) + m.group(2) + m.group(1), text)
    sentences = []
    for start, end in sentence_spans(masked):
        sentence = text[start:end]
        sentences.append(AnswerSentence(sentence, tuple(markers_in(sentence))))
    return sentences


def is_claim(sentence: str) -> bool:
    """True when a sentence says enough to need a source (see the module docstring)."""
    return len(content_words(strip_markers(sentence))) >= CLAIM_MIN_WORDS


def _term_found(term: str, source_terms: set[str]) -> bool:
    if term in source_terms:
        return True
    if len(term) < MIN_PART:
        return False
    return any(
        len(other) >= MIN_PART and (term in other or other in term) for other in source_terms
    )


def support_score(sentence: str, passages: Sequence[str]) -> float:
    """Share of the sentence's index terms found in the passages, 0..1 (1 when it has none)."""
    terms = set(analyse(strip_markers(sentence)))
    if not terms:
        return 1.0
    source_terms = {term for passage in passages for term in analyse(passage)}
    return sum(_term_found(term, source_terms) for term in terms) / len(terms)


def judge_sentences(
    sentences: Sequence[AnswerSentence],
    passages: Sequence[str],
    threshold: float | None = SUPPORT_THRESHOLD,
) -> list[SentenceSupport]:
    """Each sentence with its support by the passages it cites (``passages[m - 1]`` for m).

    A marker without a passage counts as citing nothing. With ``threshold`` None, support is
    not judged: cited sentences are 'unchecked' and only uncited claims are caught.
    """
    judged = []
    for sentence in sentences:
        status, reason = _judge(sentence, passages, threshold)
        judged.append(
            SentenceSupport(
                text=sentence.text, markers=list(sentence.markers), status=status, reason=reason
            )
        )
    return judged


def _judge(
    sentence: AnswerSentence, passages: Sequence[str], threshold: float | None
) -> tuple[SentenceStatus, str]:
    cited = [passages[m - 1] for m in sentence.markers if 1 <= m <= len(passages)]
    if not cited:
        return ("uncited", NO_CITATION) if is_claim(sentence.text) else ("unchecked", NO_CLAIM)
    shown = "".join(f"[{m}]" for m in sentence.markers)
    if threshold is None:
        return "unchecked", f"cites {shown}; support is not judged in this answer's language"
    score = support_score(sentence.text, cited)
    share = f"{score:.0%} of its content words occur in the cited passage {shown}"
    if score < threshold:
        return "unsupported", f"weak support: {share} (at least {threshold:.0%} needed)"
    return "supported", share


def flagged_of(judged: Sequence[SentenceSupport]) -> list[FlaggedSentence]:
    """The sentences that are unsupported or uncited, as flags."""
    return [
        FlaggedSentence(sentence=s.text, markers=s.markers, reason=s.reason)
        for s in judged
        if s.status in FLAGGED_STATUSES
    ]


def flag_sentences(
    sentences: Sequence[AnswerSentence],
    passages: Sequence[str],
    threshold: float | None = SUPPORT_THRESHOLD,
) -> list[FlaggedSentence]:
    """Sentences not supported by the passages they cite (see :func:`judge_sentences`)."""
    return flagged_of(judge_sentences(sentences, passages, threshold))


def quoted_sentences(quotes: Sequence[tuple[int, str]]) -> list[SentenceSupport]:
    """The sentences of an extractive answer, from (marker, quote): verbatim, so supported."""
    judged = []
    for marker, quote in quotes:
        text = quote.rstrip()
        shown = f"{text[:-1]} [{marker}]{text[-1]}" if text[-1:] in ".!?" else f"{text} [{marker}]"
        judged.append(
            SentenceSupport(
                text=shown,
                markers=[marker],
                status="supported",
                reason=f"a verbatim quote of source [{marker}]",
            )
        )
    return judged


def best_quote(text: str, start: int, end: int, claim: str) -> tuple[int, int]:
    """Span of the sentence of ``text[start:end]`` that best supports ``claim``.

    Scored by the claim's terms the sentence holds; ties go to the earlier sentence. With no
    overlap at all, the passage's first sentence of some length (else its first piece).
    """
    spans = [strip_span(text, s, e) for s, e in sentence_spans(text, start, end)]
    spans = [span for span in spans if span[1] > span[0]]
    if not spans:
        return start, end
    full = [span for span in spans if len(text[span[0] : span[1]].split()) >= QUOTE_MIN_WORDS]
    candidates = full or spans
    claim_terms = set(analyse(strip_markers(claim)))
    best, best_score = candidates[0], 0
    for span in candidates:
        sentence_terms = set(analyse(text[span[0] : span[1]]))
        score = sum(_term_found(term, sentence_terms) for term in claim_terms)
        if score > best_score:
            best, best_score = span, score
    return best


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A sentence span without a leading list bullet."""
    _, new_start = strip_bullet(text[start:end], start)
    return new_start, end
