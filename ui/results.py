"""What the evaluation page shows, as plain functions: load a results folder, tabulate the
aggregates, filter the questions, and say why each one passed or failed.

The page itself (`ui/pages/evaluation.py`) only lays these out with Streamlit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from evals.results import (
    HEADLINE,
    PLOTS,
    RESULTS_JSON,
    ConfigurationResult,
    ItemResult,
    RunResults,
    format_value,
    load_results,
)
from evals.verdicts import best_per_metric, failure_kinds

Status = Literal["passed", "failed", "error"]
STATUSES: tuple[Status, ...] = ("passed", "failed", "error")
PLOT_TITLES = {
    "metrics": "Metrics per configuration",
    "retrieval": "Evidence found in the top k passages",
    "breakdown": "Per language and per tag",
    "latency": "Latency per configuration",
}


def load_run(folder: Path) -> RunResults:
    """The results in a folder written by `policy-assistant eval`."""
    return load_results(folder)


def find_results(root: Path) -> list[Path]:
    """Results folders under the evaluation folders of a checkout, newest first."""
    folders = {
        path.parent
        for base in (root / "evals" / "results", root / "evals" / "reports")
        if base.is_dir()
        for path in base.rglob(RESULTS_JSON)
    }
    return sorted(folders, key=lambda f: (f / RESULTS_JSON).stat().st_mtime, reverse=True)


def status(item: ItemResult) -> Status:
    """Whether an item passed, failed, or could not be run."""
    if item.error:
        return "error"
    return "passed" if item.passed else "failed"


@dataclass(frozen=True)
class Filters:
    """Which questions to show; an empty selection means all."""

    tags: Sequence[str] = ()
    languages: Sequence[str] = ()
    statuses: Sequence[str] = ()
    failures: Sequence[str] = ()
    text: str = ""


def filter_items(items: Iterable[ItemResult], filters: Filters) -> list[ItemResult]:
    """The items matching every chosen filter (any chosen tag, language, status or failure)."""
    needle = filters.text.strip().casefold()
    return [
        item
        for item in items
        if (not filters.tags or set(filters.tags) & set(item.tags))
        and (not filters.languages or item.lang in filters.languages)
        and (not filters.statuses or status(item) in filters.statuses)
        and (not filters.failures or set(filters.failures) & set(failure_kinds(item)))
        and (not needle or needle in item.question.casefold() or needle in item.id)
    ]


PAGE_SIZE = 20


def page_count(total: int, size: int = PAGE_SIZE) -> int:
    """Pages needed to show `total` items (at least one)."""
    return max(1, -(-total // size))


def page_of(items: Sequence[ItemResult], page: int, size: int = PAGE_SIZE) -> list[ItemResult]:
    """The items on a page (numbered from 1; out-of-range pages clamp to the last)."""
    page = min(max(1, page), page_count(len(items), size))
    return list(items[(page - 1) * size : page * size])


def options(configuration: ConfigurationResult) -> dict[str, list[str]]:
    """The values each filter offers for a configuration's items."""
    items = configuration.items
    return {
        "tags": sorted({tag for item in items for tag in item.tags}),
        "languages": sorted({item.lang for item in items}),
        "statuses": [s for s in STATUSES if any(status(item) == s for item in items)],
        "failures": sorted({kind for item in items for kind in failure_kinds(item)}),
    }


def aggregate_rows(results: RunResults) -> list[dict[str, str]]:
    """The configurations table: one row per metric, a column per configuration, best marked ★."""
    configurations = results.configurations
    metrics = [m for m in HEADLINE if any(m in c.aggregate for c in configurations)]
    best = best_per_metric(configurations, metrics)
    rows = []
    for metric in metrics:
        row = {"metric": HEADLINE[metric], "key": metric}
        for configuration in configurations:
            shown = format_value(metric, configuration.aggregate.get(metric))
            row[configuration.name] = (
                f"★ {shown}" if configuration.name in best.get(metric, set()) else shown
            )
        rows.append(row)
    return rows


def summary(results: RunResults) -> list[str]:
    """A few lines on top of the page: questions, pass count, gate."""
    head = results.headline
    passed = sum(1 for item in head.items if item.passed)
    lines = [
        f"{results.items} questions ({results.answerable} answerable, "
        f"{results.unanswerable} unanswerable, {results.followups} follow-ups), "
        f"run {results.provenance.started_at} ({results.provenance.mode}).",
        f"Headline configuration {head.name}: {passed} of {len(head.items)} pass, "
        f"{len(head.errors)} could not be run.",
    ]
    if results.thresholds.metrics:
        if results.failures:
            lines.append(
                "Gate FAILED: " + "; ".join(failure.describe() for failure in results.failures)
            )
        else:
            lines.append(f"Gate passed ({len(results.thresholds.metrics)} thresholds).")
    return lines + [f"Note: {note}" for note in results.notes]


def plots(folder: Path) -> list[tuple[str, Path]]:
    """The plots a results folder holds, with titles."""
    return [
        (PLOT_TITLES[name], folder / file)
        for name, file in PLOTS.items()
        if (folder / file).is_file()
    ]


def item_metrics(item: ItemResult) -> list[dict[str, str]]:
    """An item's metrics as rows (those that apply to it)."""
    rows = []
    if item.scores is not None:
        rows += [
            {"metric": HEADLINE.get(name, name), "key": name, "value": format_value(name, value)}
            for name, value in item.scores.metrics.items()
        ]
    rows += [
        {"metric": HEADLINE.get(name, name), "key": name, "value": format_value(name, value)}
        for name, value in {**item.bm25_metrics, **item.judge}.items()
    ]
    if item.latency_ms is not None:
        rows.append(
            {"metric": "Latency (ms)", "key": "latency_ms", "value": f"{item.latency_ms:.0f}"}
        )
    return rows
