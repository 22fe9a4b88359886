"""Offline metrics of cited answers: retrieval, citations, answers, refusals and latency.

Pure functions over the service's own models (`Answer`, `Citation`, `Passage`) and a test
item; nothing here calls the service. Every definition, and where each metric applies, is
written out in evals/README.md; the tests in tests/evals/test_metrics.py check them on cases
computed by hand.

Relevance is literal: a passage (or a quote) supports an item when it contains one of the
item's evidence snippets, compared by `evals.textnorm.normalise` (case, punctuation and
whitespace ignored; letters such as æ, ø, å, ä, ö kept).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence

from pydantic import BaseModel, Field

from assistant.domain import Answer, Citation, Passage
from assistant.errors import NotFoundError
from evals.testset import TestItem
from evals.textnorm import (
    MARKER,
    contains_evidence,
    marker_numbers,
    normalise,
    strip_markers,
    tokens,
)

KS: tuple[int, ...] = (1, 3, 5, 10)
RANKED_DEPTH = 10  # MRR and nDCG look at the top 10
PROXY_OVERLAP = 0.5  # share of a quote's content tokens its relevant passage must hold
CONTENT_TOKEN_MIN_CHARS = 4

SourceText = Callable[[str], str]
"""Gives a document's cleaned text by id (raises KeyError or NotFoundError when unknown)."""

RETRIEVAL_METRICS: tuple[str, ...] = (
    *(f"retrieval.hit@{k}" for k in KS),
    *(f"retrieval.recall@{k}" for k in KS),
    f"retrieval.mrr@{RANKED_DEPTH}",
    f"retrieval.ndcg@{RANKED_DEPTH}",
)
SUPPORT_METRICS: tuple[str, ...] = (
    "citation.recall",
    "citation.precision",
    "citation.precision_strict",
)
ANSWERED_METRICS: tuple[str, ...] = (
    "citation.count",
    "citation.marker_share",
    "answer.length_chars",
    "answer.length_words",
)
CITED_METRICS: tuple[str, ...] = ("citation.in_retrieved", "citation.verbatim")
STRUCTURE_METRICS: tuple[str, ...] = ("answer.structural_quotes",)
SOURCE_TAG = "type:source"  # a source question's answer lists references and footnotes
KEY_FACT_METRICS: tuple[str, ...] = ("answer.key_fact_coverage", "answer.token_f1")
REFUSAL_METRICS: tuple[str, ...] = (
    "refusal.precision",
    "refusal.recall",
    "refusal.f1",
)
ANSWERED_CLASS_METRICS: tuple[str, ...] = (
    "answered.precision",
    "answered.recall",
    "answered.f1",
    "false_refusal_rate",
)
LATENCY_METRICS: tuple[str, ...] = ("latency.p50_ms", "latency.p95_ms")
ITEM_METRICS: tuple[str, ...] = (
    *RETRIEVAL_METRICS,
    *SUPPORT_METRICS,
    *ANSWERED_METRICS,
    *CITED_METRICS,
    *STRUCTURE_METRICS,
    *KEY_FACT_METRICS,
)


# --- retrieval ----------------------------------------------------------------------------


def dedupe_passages(passages: Iterable[Passage]) -> list[Passage]:
    """Passages in order with repeated chunk ids dropped (the first occurrence stays)."""
    seen: set[str] = set()
    unique: list[Passage] = []
    for passage in passages:
        if passage.chunk_id not in seen:
            seen.add(passage.chunk_id)
            unique.append(passage)
    return unique


def relevance(passages: Sequence[Passage], evidence: Sequence[str]) -> list[bool]:
    """For each passage, whether it contains any evidence snippet."""
    return [contains_evidence(passage.text, evidence) for passage in passages]


def hit_rate_at_k(relevant: Sequence[bool], k: int) -> float:
    """1.0 when a relevant passage is among the first k, else 0.0."""
    return 1.0 if any(relevant[:k]) else 0.0


def recall_at_k(passages: Sequence[Passage], evidence: Sequence[str], k: int) -> float:
    """Share of the distinct evidence snippets that some passage among the first k contains."""
    snippets = {normalise(snippet) for snippet in evidence} - {""}
    if not snippets:
        raise ValueError("recall needs at least one evidence snippet with letters or digits")
    texts = [normalise(passage.text) for passage in passages[:k]]
    found = sum(1 for snippet in snippets if any(snippet in text for text in texts))
    return found / len(snippets)


def reciprocal_rank(relevant: Sequence[bool], depth: int = RANKED_DEPTH) -> float:
    """1/rank of the first relevant passage within the first `depth`, else 0.0."""
    for index, is_relevant in enumerate(relevant[:depth]):
        if is_relevant:
            return 1.0 / (index + 1)
    return 0.0


def ndcg_at_k(relevant: Sequence[bool], k: int = RANKED_DEPTH) -> float:
    """Binary nDCG@k; the ideal ranking puts every relevant passage retrieved (at most k) first."""
    dcg = sum(1.0 / math.log2(index + 2) for index, rel in enumerate(relevant[:k]) if rel)
    ideal_count = min(sum(relevant), k)
    ideal = sum(1.0 / math.log2(index + 2) for index in range(ideal_count))
    return dcg / ideal if ideal else 0.0


def retrieval_scores(retrieved: Sequence[Passage], evidence: Sequence[str]) -> dict[str, float]:
    """Hit rate and recall at 1, 3, 5, 10, MRR@10 and nDCG@10 of the de-duplicated passages."""
    passages = dedupe_passages(retrieved)
    relevant = relevance(passages, evidence)
    scores = {f"retrieval.hit@{k}": hit_rate_at_k(relevant, k) for k in KS}
    scores |= {f"retrieval.recall@{k}": recall_at_k(passages, evidence, k) for k in KS}
    scores[f"retrieval.mrr@{RANKED_DEPTH}"] = reciprocal_rank(relevant, RANKED_DEPTH)
    scores[f"retrieval.ndcg@{RANKED_DEPTH}"] = ndcg_at_k(relevant, RANKED_DEPTH)
    return scores


# --- citations ----------------------------------------------------------------------------

# Sentence-final punctuation, closing quotes or brackets, then any markers placed after it.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'»”’)\]]*(?:\s*" + MARKER.pattern + r")*(?=\s)")
# Words a period follows without ending the sentence (Norwegian, Swedish and English).
ABBREVIATIONS = frozenset(
    "ca nr jf jfr dvs osv mv mfl bl.a f.eks m.m t.d o.l s.k e.g i.e etc vs st meld kap pkt "
    "prof dr mr mrs fig utg pp vol".split()
)


def split_sentences(text: str) -> list[str]:
    """Answer sentences: split at line breaks and at . ! ? … followed by a non-lowercase word.

    A marker right after the punctuation (``... 2019. [3] Next``) stays with its sentence; no
    split after an abbreviation (``ca.``, ``f.eks.``, ``Meld.``) or a one-letter initial.
    """
    sentences: list[str] = []
    for line in text.splitlines():
        start = 0
        for match in _SENTENCE_END.finditer(line):
            following = line[match.end() :].lstrip()
            if not following or following[0].islower() or _after_abbreviation(line, match):
                continue
            sentences.append(line[start : match.end()].strip())
            start = match.end()
        sentences.append(line[start:].strip())
    merged: list[str] = []
    for sentence in sentences:
        if normalise(MARKER.sub("", sentence)):
            merged.append(sentence)
        elif merged and MARKER.search(sentence):
            merged[-1] = f"{merged[-1]} {sentence}"  # a stray marker belongs to the sentence before
    return merged


def _after_abbreviation(line: str, match: re.Match[str]) -> bool:
    word = re.findall(r"[\w.]+$", line[: match.start()])
    if not word or line[match.start()] != ".":
        return False
    token = word[0].casefold().strip(".")
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def marker_share(text: str, markers: Collection[int] | None = None) -> float:
    """Share of the answer's sentences carrying a marker ``[n]`` (of a known citation, if given).

    0.0 when the answer has no sentences.
    """
    sentences = split_sentences(text)
    if not sentences:
        return 0.0

    def cited(sentence: str) -> bool:
        numbers = marker_numbers(sentence)
        return bool(numbers if markers is None else numbers & set(markers))

    return sum(1 for sentence in sentences if cited(sentence)) / len(sentences)


def citation_recall(citations: Sequence[Citation], evidence: Sequence[str]) -> float:
    """1.0 when the quotes, joined in source order, contain an evidence snippet, else 0.0."""
    ordered = sorted(citations, key=lambda c: (c.doc_id, c.start, c.end))
    joined = " ".join(citation.quote for citation in ordered)
    return 1.0 if contains_evidence(joined, evidence) else 0.0


def content_tokens(text: str) -> set[str]:
    """Distinct tokens of at least 4 characters or with a digit; all tokens if there are none."""
    words = set(tokens(text))
    content = {w for w in words if len(w) >= CONTENT_TOKEN_MIN_CHARS or any(map(str.isdigit, w))}
    return content or words


def token_overlap(quote: str, passage_text: str) -> float:
    """Share of the quote's content tokens that occur in the passage (0.0 for an empty quote)."""
    wanted = content_tokens(quote)
    if not wanted:
        return 0.0
    return len(wanted & set(tokens(passage_text))) / len(wanted)


def citation_supports(
    citation: Citation, evidence: Sequence[str], passages: Sequence[Passage]
) -> bool:
    """Whether a citation supports the item: its quote holds evidence, or (the proxy) it comes
    from the chunk of a relevant passage and shares ≥ 50 % of its content tokens with it."""
    if contains_evidence(citation.quote, evidence):
        return True
    return any(
        passage.chunk_id == citation.chunk_id
        and contains_evidence(passage.text, evidence)
        and token_overlap(citation.quote, passage.text) >= PROXY_OVERLAP
        for passage in passages
    )


def citation_precision(
    citations: Sequence[Citation], evidence: Sequence[str], passages: Sequence[Passage]
) -> float:
    """Share of citations that support the item (`citation_supports`); 0.0 with no citations."""
    if not citations:
        return 0.0
    unique = dedupe_passages(passages)
    supporting = sum(1 for c in citations if citation_supports(c, evidence, unique))
    return supporting / len(citations)


def citation_precision_strict(citations: Sequence[Citation], evidence: Sequence[str]) -> float:
    """Share of citations whose own quote contains an evidence snippet; 0.0 with none."""
    if not citations:
        return 0.0
    return sum(1 for c in citations if contains_evidence(c.quote, evidence)) / len(citations)


def citations_in_retrieved(citations: Sequence[Citation], passages: Sequence[Passage]) -> float:
    """Share of citations whose chunk is among the passages retrieved for the question."""
    if not citations:
        raise ValueError("no citations: the share does not apply")
    retrieved = {passage.chunk_id for passage in passages}
    return sum(1 for c in citations if c.chunk_id in retrieved) / len(citations)


def verbatim_share(citations: Sequence[Citation], source_text: SourceText) -> float:
    """Share of citations whose quote is exactly ``source_text(doc_id)[start:end]``.

    A document the callable does not know (KeyError, NotFoundError) makes its quotes
    non-verbatim; any other error propagates.
    """
    if not citations:
        raise ValueError("no citations: the share does not apply")
    sources: dict[str, str | None] = {}
    verbatim = 0
    for citation in citations:
        if citation.doc_id not in sources:
            try:
                sources[citation.doc_id] = source_text(citation.doc_id)
            except (LookupError, NotFoundError):
                sources[citation.doc_id] = None
        source = sources[citation.doc_id]
        if (
            source is not None
            and 0 <= citation.start <= citation.end <= len(source)
            and source[citation.start : citation.end] == citation.quote
        ):
            verbatim += 1
    return verbatim / len(citations)


# --- answers ------------------------------------------------------------------------------


def key_fact_coverage(answer_text: str, key_facts: Sequence[str]) -> float:
    """Share of key facts the answer (markers removed) contains, by normalised comparison."""
    if not key_facts:
        raise ValueError("no key facts: coverage does not apply")
    text = strip_markers(answer_text)
    return sum(1 for fact in key_facts if contains_evidence(text, [fact])) / len(key_facts)


def token_f1(prediction: str, reference: str) -> float:
    """Token F1 of two texts (folded ``\\w+`` tokens, counted with repeats, markers removed)."""
    predicted = Counter(tokens(strip_markers(prediction)))
    expected = Counter(tokens(strip_markers(reference)))
    common = sum((predicted & expected).values())
    if common == 0:
        return 0.0
    precision = common / sum(predicted.values())
    recall = common / sum(expected.values())
    return 2 * precision * recall / (precision + recall)


def answer_length(answer_text: str) -> tuple[int, int]:
    """Characters and words of the answer with its markers removed."""
    text = strip_markers(answer_text)
    return len(text), len(tokens(text))


# --- quotes that are not claims ------------------------------------------------------------

_FOOTNOTE = re.compile(r"^\s*(?:fotnote|fotnot|footnote|note)\s*\d+\s*[:.]", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_REFERENCE_LINE = re.compile(
    r"^[\w'’-]+,\s(?:[A-ZÆØÅÄÖ]\.\s?)+.*\(\d{4}[a-z]?\)|^(?i:retrieved|hentet)\s+(?i:from|fra)\b"
)
# A line ending a sentence, or an item of one enumerated over several lines ("harmoniserer
# fondsvedtektene ...;"), is no title.
_LINE_END = re.compile(r"[.!?…;][»\"”’)\]]*\s*$")
TITLE_WORDS = 12
# "2026: 2,2 millioner kroner", "- Andel inköp: 28 procent (2021)": a label, then a figure.
# A row giving a figure, perhaps after its currency ("- Rådgiving: NOK 9.9 million").
# The label may name its item at length ("Førstelinjetjeneste og veiledning i Kvernådalen
# Næringsservice: 10,3 millioner kroner").
_DATA_ROW = re.compile(r"^(?:[-•*–]\s+)?[^:]{1,100}:\s+(?:[A-Za-z]{1,4}\.?\s+)?\S*\d")


def _line_of(text: str, start: int, end: int) -> str:
    """The paragraph (between blank lines or line ends) a span of the text lies on."""
    begin = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    return text[begin : len(text) if stop < 0 else stop]


def structural_quote(citation: Citation, source_text: SourceText) -> bool:
    """True when a quote is a heading or title, a footnote or web-address line, or a
    bibliography line rather than a claim.

    Judged on the source, independently of how the answerer filters: the quote's section is a
    bibliography, or the quote is its section's heading, or the line holding it is short and
    unpunctuated (a heading, title or series line), starts with a footnote label, is a bare web
    address, or has a reference's "Name, A. (2016)" shape. The body of a footnote that makes a
    claim, quoted without its label, is a claim; so is a table or list row giving a figure
    ("2026: 2,2 millioner kroner") and a field of a document's heading ("Dato: 7. februar").
    """
    from indexing.cleaning import is_bibliography_heading, is_field_line

    parts = [p.strip() for p in citation.section.split(" > ")]
    if parts and is_bibliography_heading(parts[-1]):
        return True
    quote = citation.quote.strip()
    if parts and normalise(quote) == normalise(parts[-1]):
        return True
    try:
        line = _line_of(source_text(citation.doc_id), citation.start, citation.end).strip()
    except (KeyError, NotFoundError):
        line = quote
    if _FOOTNOTE.match(quote) or _REFERENCE_LINE.match(quote):
        return True
    if _URL.search(quote) and len(tokens(_URL.sub(" ", quote))) < 4:
        return True
    whole_line = normalise(line) == normalise(quote)
    if _DATA_ROW.match(line) or is_field_line(line):
        # A row of a table or list that gives a figure states a fact, and so does a field of
        # a document's heading ("Referent: Simen Arntzen, næringskonsulent").
        return False
    return whole_line and not _LINE_END.search(line) and len(tokens(line)) <= TITLE_WORDS


def structural_quotes(citations: Sequence[Citation], source_text: SourceText) -> float:
    """1 when any of the answer's quotes is a heading, title, footnote or reference line."""
    return float(any(structural_quote(c, source_text) for c in citations))


# --- refusals -----------------------------------------------------------------------------


def refusal_scores(outcomes: Sequence[tuple[bool, bool]]) -> dict[str, float]:
    """Refusal and answered precision/recall/F1 and false-refusal rate.

    `outcomes` holds ``(answerable, refused)`` per item. Refusal metrics (positive class:
    refused) apply when some item is unanswerable; answered metrics (positive class: answered)
    and the false-refusal rate when some item is answerable. Precision with no positive
    prediction is 0.0.
    """
    refused_unanswerable = sum(1 for a, r in outcomes if not a and r)
    refused_answerable = sum(1 for a, r in outcomes if a and r)
    answered_unanswerable = sum(1 for a, r in outcomes if not a and not r)
    answered_answerable = sum(1 for a, r in outcomes if a and not r)
    scores: dict[str, float] = {}
    if refused_unanswerable + answered_unanswerable:
        scores |= _prf("refusal", refused_unanswerable, refused_answerable, answered_unanswerable)
    if answered_answerable + refused_answerable:
        scores |= _prf("answered", answered_answerable, answered_unanswerable, refused_answerable)
        scores["false_refusal_rate"] = refused_answerable / (
            answered_answerable + refused_answerable
        )
    return scores


def _prf(prefix: str, tp: int, fp: int, fn: int) -> dict[str, float]:
    return {
        f"{prefix}.precision": tp / (tp + fp) if tp + fp else 0.0,
        f"{prefix}.recall": tp / (tp + fn),
        f"{prefix}.f1": 2 * tp / (2 * tp + fp + fn),
    }


# --- latency ------------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile: the smallest value with at least q % of values at or below it."""
    if not values:
        raise ValueError("no values: a percentile needs at least one")
    if not 0 < q <= 100:
        raise ValueError(f"q must be in (0, 100], not {q!r}")
    ordered = sorted(values)
    rank = max(1, math.ceil(q * len(ordered) / 100 - 1e-9))
    return float(ordered[rank - 1])


def latency_summary(milliseconds: Sequence[float]) -> dict[str, float]:
    """p50 and p95 (nearest rank) of latencies in milliseconds."""
    return {
        "latency.p50_ms": percentile(milliseconds, 50),
        "latency.p95_ms": percentile(milliseconds, 95),
    }


# --- per item and over a run ----------------------------------------------------------------


class ItemScores(BaseModel):
    """The metrics of one test item; a metric is absent only where it does not apply."""

    item_id: str
    lang: str
    tags: list[str] = Field(default_factory=list)
    answerable: bool
    refused: bool = Field(description="From the service's `grounded` flag: not grounded.")
    n_key_facts: int = 0
    n_citations: int = 0
    latency_ms: float | None = Field(None, description="None when the run did not time it.")
    metrics: dict[str, float] = Field(default_factory=dict)


def applicable_metrics(scores: ItemScores) -> tuple[str, ...]:
    """The per-item metrics that apply to an item, given its kind and the answer's outcome."""
    names: list[str] = []
    if scores.answerable:
        names += RETRIEVAL_METRICS
    if not scores.refused:
        names += ANSWERED_METRICS
        if scores.answerable:
            names += SUPPORT_METRICS
        if scores.n_citations:
            names += CITED_METRICS
        if SOURCE_TAG not in scores.tags:
            names += STRUCTURE_METRICS
    if scores.answerable and scores.n_key_facts:
        names += KEY_FACT_METRICS
    return tuple(names)


def score_item(
    item: TestItem,
    answer: Answer,
    retrieved: Sequence[Passage],
    source_text: SourceText,
    *,
    latency_ms: float | None = None,
) -> ItemScores:
    """Every per-item metric that applies to this item and answer.

    `retrieved` is what retrieval returned for the question, in rank order. `latency_ms`
    defaults to the answer's ``timings_ms["total"]`` when the service reported one.
    """
    grounded = getattr(answer, "grounded", None)
    if not isinstance(grounded, bool):
        raise ValueError(
            f"item {item.id!r}: the answer has no boolean `grounded` flag ({grounded!r}); "
            "refusals are read from it, so the answer cannot be scored"
        )
    refused = not grounded
    citations = answer.citations
    metrics: dict[str, float] = {}
    if item.answerable:
        metrics |= retrieval_scores(retrieved, item.evidence)
    if not refused:
        chars, words = answer_length(answer.answer)
        metrics["citation.count"] = float(len(citations))
        metrics["citation.marker_share"] = marker_share(
            answer.answer, {c.marker for c in citations}
        )
        metrics["answer.length_chars"] = float(chars)
        metrics["answer.length_words"] = float(words)
        if item.answerable:
            metrics["citation.recall"] = citation_recall(citations, item.evidence)
            metrics["citation.precision"] = citation_precision(citations, item.evidence, retrieved)
            metrics["citation.precision_strict"] = citation_precision_strict(
                citations, item.evidence
            )
        if citations:
            metrics["citation.in_retrieved"] = citations_in_retrieved(citations, retrieved)
            metrics["citation.verbatim"] = verbatim_share(citations, source_text)
        if SOURCE_TAG not in item.tags:
            metrics["answer.structural_quotes"] = structural_quotes(citations, source_text)
    if item.answerable and item.key_facts:
        if refused:  # the user was not given the facts
            metrics["answer.key_fact_coverage"] = 0.0
            metrics["answer.token_f1"] = 0.0
        else:
            metrics["answer.key_fact_coverage"] = key_fact_coverage(answer.answer, item.key_facts)
            metrics["answer.token_f1"] = token_f1(answer.answer, " ".join(item.key_facts))
    if latency_ms is None:
        latency_ms = answer.timings_ms.get("total")
    return ItemScores(
        item_id=item.id,
        lang=item.lang,
        tags=list(item.tags),
        answerable=item.answerable,
        refused=refused,
        n_key_facts=len(item.key_facts),
        n_citations=len(citations),
        latency_ms=latency_ms,
        metrics=metrics,
    )


def aggregate(scores: Sequence[ItemScores]) -> dict[str, float]:
    """Means of the per-item metrics over the items they apply to, refusal and latency metrics.

    Raises ValueError when an item lacks a metric that applies to it, or when only some items
    carry a latency: a missing value is an error, never skipped.
    """
    result: dict[str, float] = {
        "items": float(len(scores)),
        "items.answerable": float(sum(s.answerable for s in scores)),
        "items.unanswerable": float(sum(not s.answerable for s in scores)),
        "items.refused": float(sum(s.refused for s in scores)),
    }
    values: dict[str, list[float]] = {name: [] for name in ITEM_METRICS}
    for item in scores:
        missing = [name for name in applicable_metrics(item) if name not in item.metrics]
        if missing:
            raise ValueError(
                f"item {item.item_id!r} lacks {', '.join(missing)}, which apply to it; "
                "score it with score_item"
            )
        for name, value in item.metrics.items():
            if not math.isfinite(value):
                raise ValueError(f"item {item.item_id!r}: {name} is {value!r}, not a number")
            values.setdefault(name, []).append(value)
    result |= {name: sum(v) / len(v) for name, v in values.items() if v}
    result |= refusal_scores([(s.answerable, s.refused) for s in scores])
    timed = [s.latency_ms for s in scores if s.latency_ms is not None]
    if timed and len(timed) < len(scores):
        untimed = [s.item_id for s in scores if s.latency_ms is None]
        raise ValueError(
            f"latency missing for {len(untimed)} item(s), e.g. {untimed[:3]!r}; "
            "time every item or none"
        )
    if timed:
        result |= latency_summary(timed)
    return result
