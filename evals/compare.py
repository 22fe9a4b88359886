"""Comparing two result sets question by question.

Two runs are only compared when they ran the same test set (same hash); otherwise the
comparison is refused with an error saying why. When the corpus, a configuration's settings or
the package versions differ, the comparison goes on and says so up front, since that is often
the point (a new chunk size, a new model) but can also explain a surprise.

Configurations are paired by name; when each run has exactly one, they are paired whatever
their names. For each pair and metric: the mean of each side over the questions where the
metric applies on both, the mean difference (new − old) with a paired bootstrap 95 %
confidence interval (fixed seed, so a re-run prints the same interval), and how many questions
got better, worse or stayed the same. Then the questions whose verdict or answer changed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

import numpy as np
from pydantic import BaseModel, Field

from assistant.errors import InvalidRequestError
from evals.configs import lower_is_better
from evals.metrics import ITEM_METRICS
from evals.results import (
    BM25_METRICS,
    HEADLINE,
    NEUTRAL,
    ConfigurationResult,
    ItemResult,
    Provenance,
    RunResults,
    format_value,
)

SEED = 20190312
RESAMPLES = 2000
CONFIDENCE = 0.95
TOLERANCE = 1e-9
LATENCY = "latency_ms"
COMPARED: tuple[str, ...] = ("pass_rate", *ITEM_METRICS, *BM25_METRICS, LATENCY)
CHANGED_SHOWN = 30


class MetricComparison(BaseModel):
    """One metric of one pair of configurations, over the questions it applies to in both."""

    metric: str
    n: int = Field(description="Questions where the metric applies in both runs.")
    old_mean: float | None = None
    new_mean: float | None = None
    difference: float | None = Field(None, description="Mean of new − old per question.")
    ci_low: float | None = None
    ci_high: float | None = None
    wins: int = 0
    losses: int = 0
    ties: int = 0
    direction: Literal["higher", "lower", "neutral"] = "higher"

    @property
    def significant(self) -> bool:
        """The confidence interval leaves out zero."""
        return (
            self.ci_low is not None
            and self.ci_high is not None
            and (self.ci_low > 0 or self.ci_high < 0)
        )


class ChangedQuestion(BaseModel):
    """A question whose verdict, answer or error changed between the runs."""

    id: str
    question: str
    change: Literal["fixed", "broken", "changed"]
    old_passed: bool
    new_passed: bool
    old_reasons: list[str] = Field(default_factory=list)
    new_reasons: list[str] = Field(default_factory=list)
    old_answer: str | None = None
    new_answer: str | None = None
    deltas: dict[str, float] = Field(
        default_factory=dict, description="Metrics that moved (new − old)."
    )


class PairComparison(BaseModel):
    """One configuration of the old run against one of the new."""

    old: str
    new: str
    paired: int = Field(description="Questions in both runs.")
    fixed: int = 0
    broken: int = 0
    same_verdict: int = 0
    settings_changed: list[str] = Field(
        default_factory=list, description="Settings that differ, as 'group.name: old → new'."
    )
    metrics: list[MetricComparison] = Field(default_factory=list)
    changed: list[ChangedQuestion] = Field(default_factory=list)


class Comparison(BaseModel):
    """Two result sets, compared."""

    old: str
    new: str
    testset_hash: str
    notes: list[str] = Field(default_factory=list)
    pairs: list[PairComparison] = Field(default_factory=list)
    unpaired: list[str] = Field(default_factory=list)
    seed: int = SEED
    resamples: int = RESAMPLES


# --- pure pieces ----------------------------------------------------------------------------


def bootstrap_ci(
    differences: Sequence[float],
    resamples: int = RESAMPLES,
    confidence: float = CONFIDENCE,
    seed: int = SEED,
) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean of paired differences (fixed seed)."""
    if not differences:
        raise ValueError("no paired differences: the interval needs at least one")
    values = np.asarray(differences, dtype=float)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(values), size=(resamples, len(values)))
    means = values[picks].mean(axis=1)
    tail = (1 - confidence) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return float(low), float(high)


def direction(metric: str) -> Literal["higher", "lower", "neutral"]:
    """Which way a metric gets better."""
    if metric in NEUTRAL:
        return "neutral"
    return "lower" if lower_is_better(metric) or metric == LATENCY else "higher"


def item_value(item: ItemResult, metric: str) -> float | None:
    """A per-question value of a metric (latency included)."""
    if metric == LATENCY:
        return None if item.error else item.latency_ms
    return item.metric(metric)


def compare_metric(
    metric: str, pairs: Sequence[tuple[ItemResult, ItemResult]], seed: int = SEED
) -> MetricComparison:
    """Means, difference with its interval, and wins/losses/ties of one metric."""
    values = [
        (old, new)
        for old, new in ((item_value(a, metric), item_value(b, metric)) for a, b in pairs)
        if old is not None and new is not None
    ]
    way = direction(metric)
    result = MetricComparison(metric=metric, n=len(values), direction=way)
    if not values:
        return result
    differences = [new - old for old, new in values]
    result.old_mean = sum(old for old, _ in values) / len(values)
    result.new_mean = sum(new for _, new in values) / len(values)
    result.difference = sum(differences) / len(differences)
    result.ci_low, result.ci_high = bootstrap_ci(differences, seed=seed)
    for difference in differences:
        if abs(difference) <= TOLERANCE or way == "neutral":
            result.ties += 1
        elif (difference > 0) == (way == "higher"):
            result.wins += 1
        else:
            result.losses += 1
    return result


def settings_diff(old: ConfigurationResult, new: ConfigurationResult) -> list[str]:
    """Settings that differ between two configurations, as 'group.name: old → new'.

    A run against a service knows only what its requests chose (its overrides), not the
    service's settings: when either run is one, only the overrides are compared.
    """
    changes: list[str] = []
    a: object = old.settings
    b: object = new.settings
    if _against_service(old) or _against_service(new):
        a, b = old.overrides, new.overrides

    def walk(a: object, b: object, path: str) -> None:
        if isinstance(a, dict) and isinstance(b, dict):
            for key in sorted(set(a) | set(b)):
                walk(a.get(key), b.get(key), f"{path}.{key}" if path else str(key))
        elif a != b:
            changes.append(f"{path}: {a!r} → {b!r}")

    walk(a, b, "")
    return changes


def _against_service(configuration: ConfigurationResult) -> bool:
    return set(configuration.settings) == {"api", "overrides"}


def changed_question(old: ItemResult, new: ItemResult) -> ChangedQuestion | None:
    """How a question changed, or None when its verdict, answer and error are the same."""
    old_answer = old.answer.answer if old.answer else None
    new_answer = new.answer.answer if new.answer else None
    if old.passed == new.passed and old_answer == new_answer and old.error == new.error:
        return None
    deltas: dict[str, float] = {}
    for metric in COMPARED:
        if metric == LATENCY:
            continue
        a, b = item_value(old, metric), item_value(new, metric)
        if a is not None and b is not None and abs(b - a) > TOLERANCE:
            deltas[metric] = round(b - a, 6)
    if old.passed != new.passed:
        change: Literal["fixed", "broken", "changed"] = "fixed" if new.passed else "broken"
    else:
        change = "changed"
    return ChangedQuestion(
        id=new.id,
        question=new.question,
        change=change,
        old_passed=old.passed,
        new_passed=new.passed,
        old_reasons=old.reasons,
        new_reasons=new.reasons,
        old_answer=old.error or old_answer,
        new_answer=new.error or new_answer,
        deltas=deltas,
    )


def compare_configurations(
    old: ConfigurationResult, new: ConfigurationResult, seed: int = SEED
) -> PairComparison:
    """One configuration against another, question by question."""
    by_id = {item.id: item for item in old.items}
    pairs = [(by_id[item.id], item) for item in new.items if item.id in by_id]
    judged = sorted({name for _, item in pairs for name in item.judge})
    metrics = [compare_metric(metric, pairs, seed) for metric in (*COMPARED, *judged)]
    changed = [c for c in (changed_question(a, b) for a, b in pairs) if c is not None]
    order = {"broken": 0, "fixed": 1, "changed": 2}
    changed.sort(key=lambda c: (order[c.change], c.id))
    fixed = sum(1 for c in changed if c.change == "fixed")
    broken = sum(1 for c in changed if c.change == "broken")
    return PairComparison(
        old=old.name,
        new=new.name,
        paired=len(pairs),
        fixed=fixed,
        broken=broken,
        same_verdict=len(pairs) - fixed - broken,
        settings_changed=settings_diff(old, new),
        metrics=[m for m in metrics if m.n],
        changed=changed,
    )


def pair_names(old: Sequence[str], new: Sequence[str]) -> list[tuple[str, str]]:
    """Which configurations to compare: same names; else a lone one against each of the other.

    A one-configuration baseline (e.g. the gate's `default`) is thus compared with every
    configuration of a side-by-side run.
    """
    pairs = [(name, name) for name in new if name in old]
    if pairs:
        return pairs
    if len(old) == 1:
        return [(old[0], name) for name in new]
    if len(new) == 1:
        return [(name, new[0]) for name in old]
    return []


def pair_configurations(
    old: RunResults, new: RunResults
) -> tuple[list[tuple[ConfigurationResult, ConfigurationResult]], list[str]]:
    """Configurations paired by `pair_names`, and those left unpaired."""
    names = pair_names([c.name for c in old.configurations], [c.name for c in new.configurations])
    pairs = [(old.configuration(a), new.configuration(b)) for a, b in names]
    unpaired = [
        f"only in the old run: {c.name}"
        for c in old.configurations
        if c.name not in {a for a, _ in names}
    ]
    unpaired += [
        f"only in the new run: {c.name}"
        for c in new.configurations
        if c.name not in {b for _, b in names}
    ]
    return pairs, unpaired


def check_pairable(old: Sequence[str], new: Sequence[str], old_label: str, new_label: str) -> None:
    """Refuse runs whose configurations cannot be paired."""
    if not pair_names(old, new):
        raise InvalidRequestError(
            f"cannot compare {old_label} with {new_label}: no configuration names match "
            f"({', '.join(old)} vs {', '.join(new)}); use the same config file, or compare "
            "with a run of one configuration"
        )


def check_same_testset(
    old: Provenance, new_name: str, new_hash: str, old_label: str, new_label: str
) -> None:
    """Refuse, with an error saying why, to compare runs of different test sets."""
    if old.testset_hash != new_hash:
        raise InvalidRequestError(
            f"cannot compare {old_label} with {new_label}: they ran different test sets "
            f"({old.testset_name!r} hash {old.testset_hash[:12]} vs {new_name!r} hash "
            f"{new_hash[:12]}). Questions are paired by id, so both runs must use the same "
            "test set: re-run the older one on the current test set"
        )


def compare_results(
    old: RunResults, new: RunResults, old_label: str, new_label: str, seed: int = SEED
) -> Comparison:
    """Compare two result sets; refuses when they ran different test sets."""
    a, b = old.provenance, new.provenance
    check_same_testset(a, b.testset_name, b.testset_hash, old_label, new_label)
    notes: list[str] = []
    if a.corpus_hash != b.corpus_hash:
        notes.append(
            f"the corpus differs ({a.corpus_hash[:12]} → {b.corpus_hash[:12]}): differences may "
            "come from the documents, not the system"
        )
    if a.mode != b.mode or a.api_url != b.api_url:
        notes.append(
            f"the runs were made differently ({a.mode} {a.api_url or ''} → "
            f"{b.mode} {b.api_url or ''}); latency is not comparable".replace("  ", " ")
        )
    versions = [
        f"{name} {a.versions.get(name, '?')} → {b.versions.get(name, '?')}"
        for name in sorted(set(a.versions) | set(b.versions))
        if a.versions.get(name) != b.versions.get(name)
    ]
    if versions:
        notes.append(f"versions differ: {', '.join(versions)}")
    check_pairable(
        [c.name for c in old.configurations],
        [c.name for c in new.configurations],
        old_label,
        new_label,
    )
    pairs, unpaired = pair_configurations(old, new)
    compared = [compare_configurations(o, n, seed) for o, n in pairs]
    for pair in compared:
        if pair.settings_changed:
            notes.append(
                f"configuration {pair.old} → {pair.new}: settings differ "
                f"({'; '.join(pair.settings_changed)})"
            )
    return Comparison(
        old=old_label,
        new=new_label,
        testset_hash=b.testset_hash,
        notes=notes,
        pairs=compared,
        unpaired=unpaired,
        seed=seed,
    )


# --- the Markdown -------------------------------------------------------------------------


def _signed(metric: str, value: float | None) -> str:
    if value is None or not math.isfinite(value):
        return "—"
    shown = format_value(metric, abs(value))
    return ("+" if value > 0 else "−" if value < 0 else "±") + shown


def render_comparison(comparison: Comparison) -> str:
    """The comparison as Markdown: notes, a metric table per pair, the changed questions."""
    lines = [
        "# Comparison",
        "",
        f"Old: `{comparison.old}` · new: `{comparison.new}` · test set "
        f"`{comparison.testset_hash[:12]}`. Differences are new − old over the questions where "
        f"a metric applies in both runs; the interval is a paired bootstrap "
        f"{CONFIDENCE:.0%} CI ({comparison.resamples} resamples, seed {comparison.seed}); "
        "wins, losses and ties count questions that got better, worse or stayed the same.",
        "",
    ]
    lines += [f"- Note: {note}" for note in comparison.notes]
    lines += [f"- Unpaired configuration: {name}" for name in comparison.unpaired]
    for pair in comparison.pairs:
        title = pair.new if pair.old == pair.new else f"{pair.old} → {pair.new}"
        lines += [
            "",
            f"## {title}",
            "",
            f"{pair.paired} questions paired: **{pair.fixed} fixed**, **{pair.broken} broken**, "
            f"{pair.same_verdict} with the same verdict.",
            "",
            "| Metric | n | old | new | difference | 95 % CI | wins | losses | ties |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for m in pair.metrics:
            label = HEADLINE.get(m.metric, "Latency (ms)" if m.metric == LATENCY else "")
            name = f"{label} `{m.metric}`" if label else f"`{m.metric}`"
            ci = (
                f"[{_signed(m.metric, m.ci_low)}, {_signed(m.metric, m.ci_high)}]"
                if m.ci_low is not None
                else "—"
            )
            difference = _signed(m.metric, m.difference)
            if m.significant and m.direction != "neutral":
                difference = f"**{difference}**"
            counts = (
                ["—", "—", "—"]
                if m.direction == "neutral"
                else [str(m.wins), str(m.losses), str(m.ties)]
            )
            lines.append(
                f"| {name} | {m.n} | {format_value(m.metric, m.old_mean)} | "
                f"{format_value(m.metric, m.new_mean)} | {difference} | {ci} | "
                + " | ".join(counts)
                + " |"
            )
        if pair.changed:
            lines += ["", f"### Questions that changed ({len(pair.changed)})", ""]
            for change in pair.changed[:CHANGED_SHOWN]:
                moved = ", ".join(
                    f"{name} {_signed(name, value)}"
                    for name, value in list(change.deltas.items())[:6]
                )
                lines.append(
                    f"- **{change.change}** `{change.id}`: {change.question}"
                    + (f" — {moved}" if moved else "")
                )
                if change.change == "broken":
                    lines.append(f"  - now: {'; '.join(change.new_reasons)}")
                elif change.change == "fixed":
                    lines.append(f"  - was: {'; '.join(change.old_reasons)}")
            if len(pair.changed) > CHANGED_SHOWN:
                lines.append(f"- … and {len(pair.changed) - CHANGED_SHOWN} more in comparison.json")
    return "\n".join(lines) + "\n"


def summary_lines(comparison: Comparison) -> list[str]:
    """A few lines for the terminal."""
    lines = [f"note: {note}" for note in comparison.notes]
    for pair in comparison.pairs:
        moved = [
            f"{m.metric} {_signed(m.metric, m.difference)}"
            for m in pair.metrics
            if m.significant and m.direction != "neutral"
        ]
        lines.append(
            f"{pair.new} vs {pair.old}: {pair.fixed} fixed, {pair.broken} broken of {pair.paired}; "
            + (f"significant: {', '.join(moved)}" if moved else "no significant change")
        )
    return lines
