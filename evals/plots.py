"""The figures of an evaluation report, one function each, drawn with matplotlib's Agg canvas on
`Figure` objects (no pyplot, no display, no global state).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from evals.results import HEADLINE, PLOTS, RunResults

if TYPE_CHECKING:  # matplotlib loads only when a figure is drawn
    from matplotlib.axes import Axes
    from matplotlib.container import BarContainer
    from matplotlib.figure import Figure

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
    figures = {
        "metrics": metrics_figure(results),
        "retrieval": retrieval_figure(results),
        "breakdown": breakdown_figure(results),
        "latency": latency_figure(results),
    }
    paths = []
    for name, figure in figures.items():
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(figure)
        figure.tight_layout()
        path = folder / PLOTS[name]
        figure.savefig(path, dpi=110)
        paths.append(path)
    return paths


def _label_bars(axes: Axes, bars: BarContainer, values: Sequence[float | None]) -> None:
    """Write each bar's value beside it: a metric at 0 shows 0.00, a missing one n/a."""
    labels = ["n/a" if value is None else f"{value:.2f}" for value in values]
    axes.bar_label(bars, labels=labels, padding=2, fontsize="x-small")


def metrics_figure(results: RunResults) -> Figure:
    """Grouped horizontal bars of the share-valued headline metrics, per configuration."""
    from matplotlib.figure import Figure

    configurations = results.configurations
    metrics = [m for m in PLOTTED_SHARES if any(m in c.aggregate for c in configurations)]
    figure = Figure(
        figsize=(8, 0.5 + 0.45 * max(1, len(metrics)) * max(1, len(configurations)) ** 0.5)
    )
    axes = figure.add_subplot()
    height = 0.8 / max(1, len(configurations))
    for index, configuration in enumerate(configurations):
        positions = [row + index * height for row in range(len(metrics))]
        values = [configuration.aggregate.get(m) for m in metrics]
        bars = axes.barh(
            positions,
            [0.0 if v is None else v for v in values],
            height=height,
            label=configuration.name,
        )
        _label_bars(axes, bars, values)
    axes.set_yticks([row + 0.4 - height / 2 for row in range(len(metrics))])
    axes.set_yticklabels([HEADLINE.get(m, m) for m in metrics])
    axes.invert_yaxis()
    axes.set_xlim(0, 1.12)
    axes.set_xlabel("share (higher is better; false refusals excluded)")
    axes.set_title("Metrics per configuration")
    axes.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.1),
        ncol=min(5, len(configurations)),
        fontsize="small",
    )
    return figure


def retrieval_figure(results: RunResults) -> Figure:
    """Recall at k of each configuration's retriever, and of BM25 alone (dashed)."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7, 4))
    axes = figure.add_subplot()
    ks = [1, 3, 5, 10]
    for configuration in results.configurations:
        recalls = [configuration.aggregate.get(f"retrieval.recall@{k}") for k in ks]
        if any(v is not None for v in recalls):
            axes.plot(
                ks,
                [v if v is not None else math.nan for v in recalls],
                marker="o",
                label=configuration.name,
            )
    bm25 = [results.headline.aggregate.get(f"bm25.recall@{k}") for k in ks]
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
    return figure


def breakdown_figure(results: RunResults) -> Figure:
    """Per language and per tag (headline configuration), one panel above the other."""
    from matplotlib.figure import Figure

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
            values = [group[n].get(metric) for n in names]
            bars = axes.barh(
                [row + index * bar for row in range(len(names))],
                [0.0 if v is None else v for v in values],
                height=bar,
                label=HEADLINE[metric],
            )
            _label_bars(axes, bars, values)
        axes.set_yticks([row + 0.4 - bar / 2 for row in range(len(names))])
        axes.set_yticklabels(
            [f"{n} ({int(group[n].get('items.total', 0))})" for n in names], fontsize="small"
        )
        axes.margins(y=0.01)
        axes.invert_yaxis()
        axes.set_xlim(0, 1.15)
        axes.set_title(f"Per {title} ({results.headline.name})")
        if position == 0:
            axes.legend(fontsize="x-small", loc="upper left", bbox_to_anchor=(1.01, 1))
    return figure


def latency_figure(results: RunResults) -> Figure:
    """The distribution of answer latency per configuration."""
    from matplotlib.figure import Figure

    configurations = results.configurations
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
    return figure
