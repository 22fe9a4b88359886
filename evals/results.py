"""The results of an evaluation run: the schema of ``results.json``, the names of the metrics
and how they are shown, and reading results back. The comparison, the report, the plots and the
evaluator's page all read results through this module; nothing here draws or writes.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from assistant.domain import Answer
from evals.configs import ThresholdFailure, Thresholds
from evals.metrics import RETRIEVAL_METRICS, ItemScores

SCHEMA_VERSION = 1
RESULTS_JSON = "results.json"
RESULTS_CSV = "results.csv"
REPORT_MD = "report.md"
PLOTS = {
    "metrics": "metrics.png",
    "retrieval": "retrieval.png",
    "breakdown": "breakdown.png",
    "latency": "latency.png",
}
BM25_PREFIX = "bm25."
PREVIEW_CHARS = 240

# Rows of the configurations table, in order, with a label an evaluator reads.
HEADLINE: dict[str, str] = {
    "pass_rate": "Questions passed",
    "retrieval.hit@1": "Retrieval hit@1",
    "retrieval.hit@5": "Retrieval hit@5",
    "retrieval.recall@5": "Retrieval recall@5",
    "retrieval.recall@10": "Retrieval recall@10",
    "retrieval.mrr@10": "Retrieval MRR@10",
    "retrieval.ndcg@10": "Retrieval nDCG@10",
    "bm25.hit@5": "BM25 alone: hit@5",
    "bm25.mrr@10": "BM25 alone: MRR@10",
    "bm25.ndcg@10": "BM25 alone: nDCG@10",
    "citation.recall": "Citation recall",
    "citation.precision": "Citation precision",
    "citation.precision_strict": "Citation precision (strict)",
    "citation.marker_share": "Sentences with a citation",
    "citation.in_retrieved": "Citations among retrieved",
    "citation.verbatim": "Quotes verbatim",
    "answer.key_fact_coverage": "Key-fact coverage",
    "answer.structural_quotes": "Answers quoting a heading, footnote or reference",
    "answer.token_f1": "Token F1",
    "answer.length_words": "Answer length (words)",
    "refusal.precision": "Refusal precision",
    "refusal.recall": "Refusal recall",
    "refusal.f1": "Refusal F1",
    "answered.f1": "Answered F1",
    "false_refusal_rate": "False-refusal rate",
    "judge.faithfulness": "Faithfulness (LLM judge)",
    "judge.answer_relevancy": "Answer relevancy (LLM judge)",
    "latency.p50_ms": "Latency p50 (ms)",
    "latency.p95_ms": "Latency p95 (ms)",
    "error_rate": "Questions that failed to run",
}
# Metrics with no better direction: never marked best.
NEUTRAL = frozenset({"answer.length_words", "answer.length_chars", "citation.count"})
# Columns of the per-language and per-tag tables.
BREAKDOWN: dict[str, str] = {
    "pass_rate": "passed",
    "retrieval.hit@5": "hit@5",
    "retrieval.mrr@10": "MRR@10",
    "bm25.hit@5": "BM25 hit@5",
    "citation.precision": "cit. precision",
    "answer.key_fact_coverage": "key facts",
    "answer.structural_quotes": "non-claim quotes",
    "false_refusal_rate": "false refusals",
    "refusal.recall": "refusal recall",
}


def bm25_name(metric: str) -> str:
    """The name a retrieval metric gets when measured on BM25 alone: `bm25.hit@5`."""
    return BM25_PREFIX + metric.removeprefix("retrieval.")


BM25_METRICS: tuple[str, ...] = tuple(bm25_name(m) for m in RETRIEVAL_METRICS)
RUN_METRICS: tuple[str, ...] = ("pass_rate", "error_rate", "items.total", "items.errors")
JUDGE_METRICS: tuple[str, ...] = ("judge.faithfulness", "judge.answer_relevancy", "judge.errors")


def known_metrics() -> set[str]:
    """Every aggregate metric a run can produce (what thresholds may name)."""
    from evals import metrics

    return {
        *metrics.ITEM_METRICS,
        *metrics.REFUSAL_METRICS,
        *metrics.ANSWERED_CLASS_METRICS,
        *metrics.LATENCY_METRICS,
        "items",
        "items.answerable",
        "items.unanswerable",
        "items.refused",
        *BM25_METRICS,
        *RUN_METRICS,
        *JUDGE_METRICS,
    }


def format_value(metric: str, value: float | None) -> str:
    """A metric value as the tables show it."""
    if value is None or not math.isfinite(value):
        return "—"
    if metric.endswith("_ms"):
        return f"{value:.0f}" if abs(value) >= 10 else f"{value:.1f}"
    if metric.startswith(("answer.length", "citation.count", "items")):
        return f"{value:.1f}"
    return f"{value:.3f}"


# --- the results schema -------------------------------------------------------------------


class RetrievedPassage(BaseModel):
    """A passage retrieval returned, as the results keep it."""

    rank: int
    chunk_id: str
    doc_id: str
    section: str
    page: str | None = None
    score: float
    relevant: bool = Field(description="Holds one of the item's evidence snippets.")
    preview: str = Field(description=f"The first {PREVIEW_CHARS} characters.")


class ItemResult(BaseModel):
    """One question under one configuration: what was asked, expected, answered and scored."""

    id: str
    question: str
    lang: str
    tags: list[str] = Field(default_factory=list)
    unanswerable: bool = False
    history: list[dict[str, str]] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)
    key_facts: list[str] = Field(default_factory=list)
    answer: Answer | None = Field(None, description="The answer (its passages left out).")
    retrieved: list[RetrievedPassage] = Field(default_factory=list)
    bm25_retrieved: list[RetrievedPassage] = Field(
        default_factory=list, description="The passages BM25 alone ranks that hold the evidence."
    )
    scores: ItemScores | None = None
    bm25_metrics: dict[str, float] = Field(default_factory=dict)
    judge: dict[str, float] = Field(
        default_factory=dict, description="LLM-judged metrics, when an LLM endpoint is set."
    )
    judge_error: str | None = Field(None, description="Why the judge could not score it.")
    latency_ms: float | None = None
    error: str | None = Field(None, description="Why the question could not be run.")
    passed: bool = False
    reasons: list[str] = Field(default_factory=list, description="What went wrong.")

    def metric(self, name: str) -> float | None:
        """One metric of this item; None when it does not apply."""
        if name == "pass_rate":
            return 1.0 if self.passed else 0.0
        if name in self.bm25_metrics:
            return self.bm25_metrics[name]
        if name in self.judge:
            return self.judge[name]
        if name.startswith("latency."):
            return self.latency_ms
        if self.scores is not None:
            return self.scores.metrics.get(name)
        return None


class IndexInfo(BaseModel):
    """The index a configuration was answered from."""

    folder: str = ""
    key: str = ""
    documents: int = 0
    chunks: int = 0
    reused: bool = Field(False, description="Nothing had to be (re)indexed.")
    failed: list[str] = Field(default_factory=list, description="Files that failed to index.")


class ConfigurationResult(BaseModel):
    """All items under one configuration, with the aggregates."""

    name: str
    description: str | None = None
    overrides: dict[str, dict[str, Any]] = Field(default_factory=dict)
    settings: dict[str, Any] = Field(
        default_factory=dict, description="Effective settings, minus secrets and locations."
    )
    configuration_hash: str = ""
    index: IndexInfo = Field(default_factory=IndexInfo)
    aggregate: dict[str, float] = Field(default_factory=dict)
    by_language: dict[str, dict[str, float]] = Field(default_factory=dict)
    by_tag: dict[str, dict[str, float]] = Field(default_factory=dict)
    items: list[ItemResult] = Field(default_factory=list)
    duration_s: float = 0.0

    @property
    def errors(self) -> list[ItemResult]:
        """Items that could not be run."""
        return [item for item in self.items if item.error]


class Provenance(BaseModel):
    """What a result set was computed from, so two sets are only compared when that is sound."""

    testset_name: str
    testset_path: str
    testset_hash: str
    corpus_hash: str
    corpus_source: str = Field(description="What the corpus hash covers.")
    configurations_hash: str = Field(description="Hash of the configurations' hashes, in order.")
    config_file: str | None = None
    mode: str = Field(description="`in-process` or `api`.")
    api_url: str | None = None
    versions: dict[str, str] = Field(default_factory=dict)
    started_at: str = Field(description="ISO 8601, UTC.")
    duration_s: float = 0.0


class RunResults(BaseModel):
    """Everything `results.json` holds."""

    schema_version: int = SCHEMA_VERSION
    provenance: Provenance
    items: int
    answerable: int
    unanswerable: int
    followups: int = 0
    thresholds: Thresholds = Field(default_factory=Thresholds)
    gate: list[str] = Field(default_factory=list)
    failures: list[ThresholdFailure] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    configurations: list[ConfigurationResult]

    @property
    def headline(self) -> ConfigurationResult:
        """The first configuration: the one the summary speaks of."""
        return self.configurations[0]

    def configuration(self, name: str) -> ConfigurationResult:
        """The configuration with this name."""
        for configuration in self.configurations:
            if configuration.name == name:
                return configuration
        known = ", ".join(c.name for c in self.configurations)
        raise KeyError(f"no configuration {name!r}; this run has {known}")


def load_results(path: Path) -> RunResults:
    """A results folder (or its results.json) read back."""
    file = path / RESULTS_JSON if path.is_dir() else path
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        from assistant.errors import ConfigurationError

        raise ConfigurationError(
            f"{path}: no {RESULTS_JSON} there; give a folder written by `policy-assistant eval "
            "--out DIR`"
        ) from None
    except ValueError as error:
        from assistant.errors import ConfigurationError

        raise ConfigurationError(f"{file}: not valid JSON ({error})") from None
    return RunResults.model_validate(data)
