"""Comparing two result sets: paired by question, wins/losses/ties, a reproducible bootstrap
interval, the questions that changed, and refusal to compare different test sets."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.errors import InvalidRequestError
from evals.compare import (
    bootstrap_ci,
    compare_metric,
    compare_results,
    pair_names,
    render_comparison,
    summary_lines,
)
from evals.results import ItemResult, RunResults
from evals.testset import TestSet
from evals.testset import testset_hash as hash_of
from tests.evals.test_runner import ITEMS, scripted_results


def test_bootstrap_interval_is_reproducible_and_brackets_the_mean() -> None:
    rng = np.random.default_rng(1)
    differences = list(rng.normal(0.2, 0.3, size=60))
    low, high = bootstrap_ci(differences)
    assert (low, high) == bootstrap_ci(differences)  # fixed seed
    assert low < float(np.mean(differences)) < high
    assert bootstrap_ci([0.5] * 10) == (0.5, 0.5)
    wider = bootstrap_ci(differences, confidence=0.99)
    assert wider[0] <= low and wider[1] >= high
    with pytest.raises(ValueError):
        bootstrap_ci([])


def test_a_metric_counts_wins_losses_and_ties_in_its_direction() -> None:
    def item(item_id: str, latency: float) -> ItemResult:
        return ItemResult(id=item_id, question="?", lang="nb", latency_ms=latency, passed=True)

    pairs = [
        (item("a", 100), item("a", 50)),  # faster: a win
        (item("b", 100), item("b", 100)),  # a tie
        (item("c", 100), item("c", 150)),  # slower: a loss
        (item("d", 100), item("d", 40)),
    ]
    latency = compare_metric("latency_ms", pairs)
    assert (latency.wins, latency.losses, latency.ties) == (2, 1, 1)
    assert latency.direction == "lower"
    assert latency.difference == pytest.approx((-50 + 0 + 50 - 60) / 4)
    passed = compare_metric("pass_rate", pairs)
    assert (passed.wins, passed.losses, passed.ties) == (0, 0, 4)
    assert passed.difference == 0 and not passed.significant


def test_two_runs_are_paired_question_by_question() -> None:
    old = scripted_results(["hybrid", "bm25"])
    new = scripted_results(["hybrid", "bm25"])
    comparison = compare_results(old, new, "old", "new")
    assert [(p.old, p.new) for p in comparison.pairs] == [("hybrid", "hybrid"), ("bm25", "bm25")]
    same = comparison.pairs[0]
    assert same.paired == len(ITEMS) and same.fixed == same.broken == 0
    mrr = next(m for m in same.metrics if m.metric == "retrieval.mrr@10")
    assert mrr.difference == 0 and mrr.ties == mrr.n
    assert comparison.notes == []  # same test set, corpus, settings and versions


def test_a_better_configuration_shows_wins_fixed_questions_and_changed_settings() -> None:
    old = scripted_results(["bm25"])
    new = scripted_results(["hybrid"])
    comparison = compare_results(old, new, "runs/old", "runs/new")
    (pair,) = comparison.pairs  # one configuration each: paired whatever the names
    assert (pair.old, pair.new) == ("bm25", "hybrid")
    assert "retrieval.mode: 'bm25' → 'hybrid'" in pair.settings_changed
    assert any("settings differ" in note for note in comparison.notes)
    mrr = next(m for m in pair.metrics if m.metric == "retrieval.mrr@10")
    assert mrr.wins > 0 and mrr.losses == 0 and mrr.difference is not None and mrr.difference > 0
    old_passed = {i.id for i in old.headline.items if i.passed}
    new_passed = {i.id for i in new.headline.items if i.passed}
    assert {c.id for c in pair.changed if c.change == "fixed"} == new_passed - old_passed
    assert {c.id for c in pair.changed if c.change == "broken"} == old_passed - new_passed
    assert pair.fixed == len(new_passed - old_passed)
    text = render_comparison(comparison)
    assert "## bm25 → hybrid" in text and "**fixed**" in text
    assert "| Retrieval MRR@10 `retrieval.mrr@10` |" in text
    assert any("fixed" in line for line in summary_lines(comparison))


def test_different_test_sets_are_not_compared() -> None:
    old = scripted_results(["hybrid"])
    new = scripted_results(["hybrid"])
    other = TestSet(name="other", items=ITEMS[:3])
    new.provenance.testset_hash = hash_of(other)
    new.provenance.testset_name = "other"
    with pytest.raises(InvalidRequestError, match="they ran different test sets"):
        compare_results(old, new, "old", "new")


def test_a_different_corpus_or_versions_are_noted_not_refused() -> None:
    old = scripted_results(["hybrid"])
    new: RunResults = scripted_results(["hybrid"])
    new.provenance.corpus_hash = "d" * 64
    new.provenance.versions = {**new.provenance.versions, "chromadb": "9.9"}
    notes = compare_results(old, new, "old", "new").notes
    assert any(note.startswith("the corpus differs") for note in notes)
    assert any("chromadb ? → 9.9" in note for note in notes)


def test_configurations_with_no_common_name_cannot_be_paired() -> None:
    old = scripted_results(["hybrid", "bm25"])
    new = scripted_results(["a", "b"])
    with pytest.raises(InvalidRequestError, match="no configuration names match"):
        compare_results(old, new, "old", "new")


def test_a_one_configuration_baseline_is_compared_with_every_configuration() -> None:
    baseline = scripted_results(["default"])
    side_by_side = scripted_results(["hybrid", "bm25"])
    comparison = compare_results(baseline, side_by_side, "gate", "compare")
    pairs = [(p.old, p.new) for p in comparison.pairs]
    assert pairs == [("default", "hybrid"), ("default", "bm25")]
    assert comparison.unpaired == []
    assert pair_names(["hybrid", "bm25"], ["bm25", "dense"]) == [("bm25", "bm25")]
    assert pair_names(["a", "b"], ["c"]) == [("a", "c"), ("b", "c")]
    assert pair_names(["a", "b"], ["c", "d"]) == []


def test_a_run_against_a_service_compares_with_one_in_process_on_the_same_corpus(
    paper_assistant: object, api_url: str
) -> None:
    from assistant.client import ServiceClient
    from evals.runner import documents_hash

    with ServiceClient(api_url) as client:
        assert documents_hash(client) == documents_hash(paper_assistant)  # type: ignore[arg-type]
    old = scripted_results(["hybrid"])
    new = scripted_results(["hybrid"])
    service = new.configurations[0]
    service.settings = {"api": api_url, "overrides": service.overrides}
    new.provenance.mode, new.provenance.api_url = "api", api_url
    comparison = compare_results(old, new, "in process", "service")
    assert comparison.pairs[0].settings_changed == []
    assert not any("→ None" in line for line in comparison.pairs[0].settings_changed)
    assert not any(note.startswith("the corpus differs") for note in comparison.notes)
