"""What an evaluation run writes: `results.json`, `results.csv` and `report.md` (and, through
:mod:`evals.plots`, the figures). The Markdown is a pure function of the results; only
:func:`write_results` touches files.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from evals.metrics import ITEM_METRICS
from evals.plots import write_plots
from evals.results import (
    BM25_METRICS,
    BREAKDOWN,
    HEADLINE,
    PLOTS,
    REPORT_MD,
    RESULTS_CSV,
    RESULTS_JSON,
    ConfigurationResult,
    ItemResult,
    RunResults,
    bm25_name,
    format_value,
)
from evals.verdicts import (
    best_per_metric,
    failure_counts,
    failure_kinds,
    worst_items,
)


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
