"""Judging an evaluation's items and configurations: pure functions of the results."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from evals.configs import lower_is_better
from evals.metrics import aggregate
from evals.results import BM25_METRICS, NEUTRAL, ConfigurationResult, ItemResult

WORST_SHOWN = 10
KEY_FACTS_NEEDED = 0.5  # share of key facts an answer must hold to pass


def verdict(item: ItemResult) -> tuple[bool, list[str]]:
    """Whether an item passed, and what went wrong when it did not.

    Unanswerable: passes when refused. Answerable: passes when answered, some quote holds the
    evidence, at least half the key facts are in the answer, and every quote is a literal span
    of its source among the retrieved passages.
    """
    if item.error:
        return False, [f"could not be run: {item.error}"]
    scores = item.scores
    if scores is None:
        return False, ["not scored"]
    if item.unanswerable:
        if scores.refused:
            return True, []
        return False, ["answered a question the literature does not cover"]
    if scores.refused:
        where = _evidence_rank(item)
        return False, [f"refused, though the literature answers it ({where})"]
    reasons: list[str] = []
    metrics = scores.metrics
    if metrics.get("citation.recall", 0.0) == 0.0:
        reasons.append(f"no quote holds the expected evidence ({_evidence_rank(item)})")
    coverage = metrics.get("answer.key_fact_coverage")
    if coverage is not None and coverage < KEY_FACTS_NEEDED:
        held = round(coverage * scores.n_key_facts)
        reasons.append(f"the answer holds {held} of {scores.n_key_facts} key facts")
    if metrics.get("citation.verbatim", 1.0) < 1.0:
        reasons.append("a quote is not a literal span of its source")
    if metrics.get("citation.in_retrieved", 1.0) < 1.0:
        reasons.append("a citation points at a passage that was not retrieved")
    if scores.n_citations == 0:
        reasons.append("the answer cites nothing")
    return not reasons, reasons


# Short names of what went wrong, by the start of the verdict's reason.
FAILURE_KINDS: dict[str, str] = {
    "could not be run": "error",
    "refused": "false refusal",
    "answered a question": "answered the unanswerable",
    "no quote holds": "evidence not quoted",
    "the answer holds": "key facts missing",
    "a quote is not": "quote not verbatim",
    "a citation points": "citation not retrieved",
    "the answer cites nothing": "no citation",
}


def failure_kinds(item: ItemResult) -> list[str]:
    """Short names of what went wrong with an item (empty when it passed)."""
    return [
        next((name for start, name in FAILURE_KINDS.items() if reason.startswith(start)), "other")
        for reason in item.reasons
    ]


def failure_counts(items: Sequence[ItemResult]) -> dict[str, int]:
    """How many items went wrong in each way, most frequent first."""
    counts: dict[str, int] = {}
    for item in items:
        for kind in dict.fromkeys(failure_kinds(item)):
            counts[kind] = counts.get(kind, 0) + 1
    return dict(sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])))


def _evidence_rank(item: ItemResult) -> str:
    rank = next((p.rank for p in item.retrieved if p.relevant), None)
    bm25 = next((p.rank for p in item.bm25_retrieved if p.relevant), None)
    found = f"evidence at rank {rank}" if rank else "evidence not in the top 10"
    if rank is None and bm25:
        found += f"; BM25 alone finds it at rank {bm25}"
    return found


def aggregate_items(items: Sequence[ItemResult]) -> dict[str, float]:
    """The metrics module's aggregates, plus BM25, judge, pass and error rates."""
    scored = [item.scores for item in items if item.scores is not None]
    result = aggregate(scored)
    for name in BM25_METRICS:
        values = [item.bm25_metrics[name] for item in items if name in item.bm25_metrics]
        if values:
            result[name] = sum(values) / len(values)
    judged: dict[str, list[float]] = {}
    for item in items:
        for name, value in item.judge.items():
            judged.setdefault(name, []).append(value)
    result |= {name: sum(values) / len(values) for name, values in judged.items()}
    judge_errors = sum(1 for item in items if item.judge_error)
    if judge_errors:
        result["judge.errors"] = float(judge_errors)
    total = len(items)
    errors = sum(1 for item in items if item.error)
    result["items.total"] = float(total)
    result["items.errors"] = float(errors)
    result["error_rate"] = errors / total if total else 0.0
    result["pass_rate"] = sum(1 for item in items if item.passed) / total if total else 0.0
    return result


def breakdown(items: Sequence[ItemResult], key: str) -> dict[str, dict[str, float]]:
    """Aggregates per language (`key="lang"`) or per tag (`key="tag"`), sorted by name."""
    groups: dict[str, list[ItemResult]] = {}
    for item in items:
        names = item.tags if key == "tag" else [item.lang]
        for name in names:
            groups.setdefault(name, []).append(item)
    return {name: aggregate_items(groups[name]) for name in sorted(groups)}


def best_per_metric(
    configurations: Sequence[ConfigurationResult], metrics: Iterable[str]
) -> dict[str, set[str]]:
    """For each metric, the configurations with the best value (ties all count)."""
    best: dict[str, set[str]] = {}
    for metric in metrics:
        values = {
            c.name: c.aggregate[metric]
            for c in configurations
            if metric in c.aggregate and math.isfinite(c.aggregate[metric])
        }
        if len(values) < 2 or metric in NEUTRAL or len(set(values.values())) == 1:
            continue
        target = min(values.values()) if lower_is_better(metric) else max(values.values())
        best[metric] = {name for name, value in values.items() if math.isclose(value, target)}
    return best


def worst_items(configuration: ConfigurationResult, limit: int = WORST_SHOWN) -> list[ItemResult]:
    """The items that went worst: errors, then failures with the most reasons, weakest first."""
    failed = [item for item in configuration.items if not item.passed]

    def badness(item: ItemResult) -> tuple[int, int, float, str]:
        coverage = item.metric("answer.key_fact_coverage")
        mrr = item.metric("retrieval.mrr@10")
        return (
            0 if item.error else 1,
            -len(item.reasons),
            (coverage if coverage is not None else 1.0) + (mrr if mrr is not None else 1.0),
            item.id,
        )

    return sorted(failed, key=badness)[:limit]
