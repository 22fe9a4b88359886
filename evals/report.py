"""What an evaluation run writes: the results schema, `results.json`, `results.csv`, `report.md`
and the plots.

The models here are the format of ``results.json``; the comparison and the evaluator's page read
it back with :func:`load_results`. Verdicts, aggregates and the Markdown report are pure
functions of the results; only the `write_*` functions touch files. Plots are drawn with
matplotlib's Agg canvas on `Figure` objects (no pyplot, no display, no global state).
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from assistant.domain import Answer
from evals.configs import ThresholdFailure, Thresholds, lower_is_better
from evals.metrics import ITEM_METRICS, RETRIEVAL_METRICS, ItemScores, aggregate

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
WORST_SHOWN = 10
KEY_FACTS_NEEDED = 0.5  # share of key facts an answer must hold to pass

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


# --- pure: verdicts and aggregates ----------------------------------------------------------


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


def format_value(metric: str, value: float | None) -> str:
    """A metric value as the tables show it."""
    if value is None or not math.isfinite(value):
        return "—"
    if metric.endswith("_ms"):
        return f"{value:.0f}" if abs(value) >= 10 else f"{value:.1f}"
    if metric.startswith(("answer.length", "citation.count", "items")):
        return f"{value:.1f}"
    return f"{value:.3f}"


# --- pure: the Markdown report --------------------------------------------------------------


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return lines


def _headline_sentence(configuration: ConfigurationResult) -> str:
    values = configuration.aggregate
    parts = []
    for metric, label in (
        ("retrieval.hit@5", "retrieval hit@5"),
        ("retrieval.mrr@10", "MRR@10"),
        ("citation.precision", "citation precision"),
        ("citation.verbatim", "verbatim quotes"),
        ("answer.key_fact_coverage", "key-fact coverage"),
        ("refusal.f1", "refusal F1"),
        ("false_refusal_rate", "false refusals"),
        ("latency.p95_ms", "p95 latency (ms)"),
    ):
        if metric in values:
            shown = f"{label} {format_value(metric, values[metric])}"
            bm25 = bm25_name(metric) if metric.startswith("retrieval.") else None
            if bm25 and bm25 in values:
                shown += f" (BM25 alone {format_value(bm25, values[bm25])})"
            parts.append(shown)
    return "; ".join(parts)


def render_markdown(results: RunResults) -> str:
    """The evaluator's report: summary, configurations, breakdowns, worst questions, provenance."""
    head = results.headline
    p = results.provenance
    passed = sum(1 for item in head.items if item.passed)
    lines = [
        f"# Evaluation: {p.testset_name}",
        "",
        f"Run {p.started_at} ({p.mode}{' at ' + p.api_url if p.api_url else ''}), "
        f"{p.duration_s:.1f} s. Test set `{p.testset_path}` (hash `{p.testset_hash[:12]}`), "
        f"corpus hash `{p.corpus_hash[:12]}`.",
        "",
        "## Summary",
        "",
        f"- **{results.items} questions**: {results.answerable} answerable, "
        f"{results.unanswerable} unanswerable, {results.followups} follow-ups.",
        f"- Headline configuration **{head.name}**: **{passed} of {len(head.items)} pass**"
        f"{f', {len(head.errors)} could not be run' if head.errors else ''}.",
        f"- {_headline_sentence(head)}.",
    ]
    if results.thresholds.metrics:
        if results.failures:
            lines.append(f"- **Gate FAILED** ({len(results.failures)} threshold(s) broken):")
            lines += [f"  - {failure.describe()}" for failure in results.failures]
        else:
            count = len(results.thresholds.metrics)
            lines.append(f"- Gate passed: {count} threshold(s) held for {', '.join(results.gate)}.")
    lines += [f"- Note: {note}" for note in results.notes]

    lines += ["", "## Configurations", ""]
    if len(results.configurations) > 1:
        lines.append("The best value of each metric is in **bold**.")
        lines.append("")
    described = [
        f"- **{c.name}**: {c.description or 'the settings as configured'}"
        f"{' — ' + _overrides_text(c.overrides) if c.overrides else ''} "
        f"(index: {c.index.chunks} chunks; hash `{c.configuration_hash[:12]}`)"
        for c in results.configurations
    ]
    lines += [*described, ""]
    metrics = [m for m in HEADLINE if any(m in c.aggregate for c in results.configurations)]
    best = best_per_metric(results.configurations, metrics)
    rows = []
    for metric in metrics:
        row = [f"{HEADLINE[metric]} `{metric}`"]
        for c in results.configurations:
            shown = format_value(metric, c.aggregate.get(metric))
            row.append(f"**{shown}**" if c.name in best.get(metric, set()) else shown)
        rows.append(row)
    lines += _table(["Metric", *(c.name for c in results.configurations)], rows)
    lines += [
        "",
        "Retrieval metrics are measured on the top 10 passages for the standalone question; the "
        "BM25 rows are the same questions through BM25 alone, beside each configuration's "
        "retriever. Latency is the wall-clock time of one answer, so other load on the machine "
        "inflates it: trust latency comparisons only from a run on an otherwise idle machine. "
        "Definitions: evals/README.md.",
        "",
        f"![Metrics per configuration]({PLOTS['metrics']})",
        "",
        f"![Recall at k]({PLOTS['retrieval']})",
    ]

    for title, groups in (("By language", head.by_language), ("By tag", head.by_tag)):
        lines += ["", f"## {title} ({head.name})", ""]
        columns = [m for m in BREAKDOWN if any(m in g for g in groups.values())]
        rows = [
            [name, format_value("items", group.get("items.total")).removesuffix(".0")]
            + [format_value(m, group.get(m)) for m in columns]
            for name, group in groups.items()
        ]
        lines += _table(["", "items", *(BREAKDOWN[m] for m in columns)], rows)
    lines += ["", f"![Breakdown per language and tag]({PLOTS['breakdown']})", ""]
    lines += ["## Latency", "", f"![Latency per configuration]({PLOTS['latency']})", ""]

    counts = failure_counts(head.items)
    if counts:
        lines += [f"## What went wrong ({head.name})", ""]
        lines += _table(
            ["", "questions", "for example"],
            [
                [kind, str(count), ", ".join(f"`{i.id}`" for i in _examples(head.items, kind))]
                for kind, count in counts.items()
            ],
        )
        lines.append("")
    worst = worst_items(head)
    lines += [f"## Worst questions ({head.name})", ""]
    if not worst:
        lines.append("Every question passed.")
    for item in worst:
        lines += _item_section(item)

    lines += ["", "## Provenance", ""]
    lines += _table(
        ["", ""],
        [
            ["test set hash", f"`{p.testset_hash}`"],
            ["corpus hash", f"`{p.corpus_hash}` ({p.corpus_source})"],
            ["configurations hash", f"`{p.configurations_hash}`"],
            ["config file", f"`{p.config_file}`" if p.config_file else "defaults"],
            *[
                [f"configuration {c.name}", f"`{c.configuration_hash}`"]
                for c in results.configurations
            ],
            *[[name, version] for name, version in p.versions.items()],
        ],
    )
    return "\n".join(lines) + "\n"


def _examples(items: Sequence[ItemResult], kind: str, limit: int = 4) -> list[ItemResult]:
    return [item for item in items if kind in failure_kinds(item)][:limit]


def _overrides_text(overrides: dict[str, dict[str, Any]]) -> str:
    return ", ".join(
        f"`{group}.{name}={value}`"
        for group, values in overrides.items()
        for name, value in values.items()
    )


def _quote(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _item_section(item: ItemResult) -> list[str]:
    tags = ", ".join(item.tags)
    lines = [
        f"### `{item.id}` ({item.lang}{', ' + tags if tags else ''})",
        "",
        f"> {_quote(item.question)}",
        "",
    ]
    if item.history:
        lines.append(f"- Follows: {_quote(' / '.join(t['content'] for t in item.history), 200)}")
    lines.append(f"- What went wrong: {'; '.join(item.reasons)}.")
    if item.unanswerable:
        lines.append("- Expected: a refusal (the literature does not cover it).")
    else:
        evidence = " · ".join(f"«{_quote(e, 120)}»" for e in item.evidence)
        lines.append(f"- Expected evidence: {evidence}")
        if item.key_facts:
            lines.append(f"- Key facts: {', '.join(item.key_facts)}")
    if item.answer is not None:
        lines.append(f"- Answer: {_quote(item.answer.answer)}")
    if item.retrieved:
        top = item.retrieved[0]
        lines.append(
            f"- Top passage: {top.section}, p. {top.page or '?'}: «{_quote(top.preview, 160)}»"
        )
    lines.append("")
    return lines


# --- files ----------------------------------------------------------------------------------


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


def csv_rows(results: RunResults) -> list[dict[str, Any]]:
    """One row per configuration and item, every metric a column."""
    metrics = [*ITEM_METRICS, *BM25_METRICS]
    judged = sorted({name for c in results.configurations for i in c.items for name in i.judge})
    rows: list[dict[str, Any]] = []
    for configuration in results.configurations:
        for item in configuration.items:
            row: dict[str, Any] = {
                "configuration": configuration.name,
                "id": item.id,
                "lang": item.lang,
                "tags": ";".join(item.tags),
                "unanswerable": item.unanswerable,
                "refused": item.scores.refused if item.scores else "",
                "passed": item.passed,
                "reasons": "; ".join(item.reasons),
                "error": item.error or "",
                "latency_ms": "" if item.latency_ms is None else round(item.latency_ms, 1),
                "question": item.question,
                "answer": item.answer.answer if item.answer else "",
            }
            for metric in [*metrics, *judged]:
                value = item.metric(metric)
                row[metric] = "" if value is None else round(value, 6)
            rows.append(row)
    return rows


def write_results(results: RunResults, folder: Path) -> list[Path]:
    """Write results.json, results.csv, report.md and the plots; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = [folder / RESULTS_JSON, folder / RESULTS_CSV, folder / REPORT_MD]
    written[0].write_text(results.model_dump_json(), encoding="utf-8")
    rows = csv_rows(results)
    with written[1].open("w", newline="", encoding="utf-8") as handle:
        if rows:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    written[2].write_text(render_markdown(results), encoding="utf-8")
    written += write_plots(results, folder)
    return written


# --- plots ----------------------------------------------------------------------------------

PLOTTED_SHARES = (
    "pass_rate",
    "retrieval.hit@5",
    "retrieval.mrr@10",
    "bm25.mrr@10",
    "citation.precision",
    "citation.verbatim",
    "answer.key_fact_coverage",
    "refusal.f1",
    "answered.f1",
)


def write_plots(results: RunResults, folder: Path) -> list[Path]:
    """The four PNGs the report shows."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    def save(figure: Figure, name: str) -> Path:
        FigureCanvasAgg(figure)
        figure.tight_layout()
        path = folder / PLOTS[name]
        figure.savefig(path, dpi=110)
        return path

    configurations = results.configurations
    paths: list[Path] = []

    # Metrics per configuration: grouped horizontal bars of the share-valued headline metrics.
    metrics = [m for m in PLOTTED_SHARES if any(m in c.aggregate for c in configurations)]
    figure = Figure(
        figsize=(8, 0.5 + 0.45 * max(1, len(metrics)) * max(1, len(configurations)) ** 0.5)
    )
    axes = figure.add_subplot()
    height = 0.8 / max(1, len(configurations))
    for index, configuration in enumerate(configurations):
        positions = [row + index * height for row in range(len(metrics))]
        values = [configuration.aggregate.get(m, 0.0) for m in metrics]
        axes.barh(positions, values, height=height, label=configuration.name)
    axes.set_yticks([row + 0.4 - height / 2 for row in range(len(metrics))])
    axes.set_yticklabels([HEADLINE.get(m, m) for m in metrics])
    axes.invert_yaxis()
    axes.set_xlim(0, 1)
    axes.set_xlabel("share (higher is better; false refusals excluded)")
    axes.set_title("Metrics per configuration")
    axes.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.1),
        ncol=min(5, len(configurations)),
        fontsize="small",
    )
    paths.append(save(figure, "metrics"))

    # Recall at k: each configuration's retriever, and BM25 alone dashed.
    figure = Figure(figsize=(7, 4))
    axes = figure.add_subplot()
    ks = [1, 3, 5, 10]
    for configuration in configurations:
        recalls = [configuration.aggregate.get(f"retrieval.recall@{k}") for k in ks]
        if any(v is not None for v in recalls):
            axes.plot(
                ks,
                [v if v is not None else math.nan for v in recalls],
                marker="o",
                label=configuration.name,
            )
    head = results.headline.aggregate
    bm25 = [head.get(f"bm25.recall@{k}") for k in ks]
    if any(v is not None for v in bm25):
        axes.plot(
            ks,
            [v if v is not None else math.nan for v in bm25],
            "k--",
            marker="x",
            label="BM25 alone",
        )
    axes.set_xticks(ks)
    axes.set_ylim(0, 1.02)
    axes.set_xlabel("k (passages)")
    axes.set_ylabel("recall@k")
    axes.set_title("Evidence found in the top k passages")
    axes.legend(fontsize="small")
    paths.append(save(figure, "retrieval"))

    # Breakdown per language and per tag (headline configuration), one panel above the other.
    shown = ["pass_rate", "retrieval.hit@5", "answer.key_fact_coverage", "refusal.recall"]
    groups = [
        (title, group)
        for title, group in (
            ("language", results.headline.by_language),
            ("tag", results.headline.by_tag),
        )
        if group
    ] or [("language", {})]
    sizes = [max(1, len(group)) for _, group in groups]
    figure = Figure(figsize=(9, 1.5 + 0.3 * sum(sizes) + 0.8 * len(groups)))
    grid = figure.add_gridspec(len(groups), 1, height_ratios=[size + 1.5 for size in sizes])
    for position, (title, group) in enumerate(groups):
        axes = figure.add_subplot(grid[position])
        names = list(group)
        bar = 0.8 / len(shown)
        for index, metric in enumerate(shown):
            axes.barh(
                [row + index * bar for row in range(len(names))],
                [group[n].get(metric, 0.0) for n in names],
                height=bar,
                label=HEADLINE[metric],
            )
        axes.set_yticks([row + 0.4 - bar / 2 for row in range(len(names))])
        axes.set_yticklabels(
            [f"{n} ({int(group[n].get('items.total', 0))})" for n in names], fontsize="small"
        )
        axes.margins(y=0.01)
        axes.invert_yaxis()
        axes.set_xlim(0, 1)
        axes.set_title(f"Per {title} ({results.headline.name})")
        if position == 0:
            axes.legend(fontsize="x-small", loc="upper left", bbox_to_anchor=(1.01, 1))
    paths.append(save(figure, "breakdown"))

    # Latency distribution per configuration.
    figure = Figure(figsize=(7, 3.5))
    axes = figure.add_subplot()
    samples = [[i.latency_ms for i in c.items if i.latency_ms is not None] for c in configurations]
    if any(samples):
        axes.boxplot([s or [math.nan] for s in samples], orientation="horizontal")
        axes.set_yticks(range(1, len(configurations) + 1))
        axes.set_yticklabels([c.name for c in configurations])
        axes.invert_yaxis()
    axes.set_xlabel("milliseconds per answer (wall clock)")
    axes.set_title("Latency per configuration")
    paths.append(save(figure, "latency"))
    return paths
