"""What a run writes: results.json (read back whole), results.csv, report.md and the plots."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from evals.rendering import render_markdown, write_results
from evals.results import PLOTS, RESULTS_CSV, RESULTS_JSON, load_results
from evals.verdicts import best_per_metric, failure_counts, worst_items
from tests.evals.test_runner import ITEMS, scripted_results

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A results folder of the scripted run with two configurations."""
    folder = tmp_path_factory.mktemp("results")
    write_results(scripted_results(), folder)
    return folder


def test_results_json_reads_back_as_it_was_written(tmp_path: Path) -> None:
    original = scripted_results()
    write_results(original, tmp_path)
    results = load_results(tmp_path)
    assert results == original
    assert results == load_results(tmp_path / RESULTS_JSON)
    assert [c.name for c in results.configurations] == ["hybrid", "bm25"]
    item = results.configurations[0].items[0]
    assert item.answer is not None and item.answer.citations[0].quote
    assert item.scores is not None and item.scores.metrics["retrieval.hit@1"] == 1.0


def test_results_record_what_makes_two_runs_comparable(written: Path) -> None:
    provenance = load_results(written).provenance
    assert len(provenance.testset_hash) == 64
    assert provenance.corpus_hash and provenance.configurations_hash
    assert {"policy-assistant", "python"} <= set(provenance.versions)
    assert provenance.started_at and provenance.duration_s >= 0


def test_results_csv_has_a_row_per_configuration_and_item_with_every_metric(written: Path) -> None:
    with (written / RESULTS_CSV).open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 2 * len(ITEMS)
    first = rows[0]
    assert first["configuration"] == "hybrid" and first["id"] == ITEMS[0].id
    assert first["retrieval.hit@1"] == "1.0" and first["bm25.hit@1"] == "0.0"
    failed = next(r for r in rows if r["id"] == "boom")
    assert failed["error"] == "RuntimeError: scripted failure" and failed["passed"] == "False"
    unanswerable = next(r for r in rows if r["id"] == "fotball")
    assert unanswerable["retrieval.hit@1"] == ""  # does not apply, so left empty


def test_the_plots_are_pngs(written: Path) -> None:
    for name in PLOTS.values():
        data = (written / name).read_bytes()
        assert data.startswith(PNG_MAGIC), name
        assert len(data) > 5000, f"{name} looks empty"


def test_the_report_reads_top_down_for_an_evaluator() -> None:
    results = scripted_results()
    text = render_markdown(results)
    sections = [
        "## Summary",
        "## Configurations",
        "## By language (hybrid)",
        "## By tag (hybrid)",
        "## Latency",
        "## What went wrong (hybrid)",
        "## Worst questions (hybrid)",
        "## Provenance",
    ]
    positions = [text.index(section) for section in sections]
    assert positions == sorted(positions)
    assert f"**{len(ITEMS)} questions**: 5 answerable, 2 unanswerable, 1 follow-ups" in text
    passed = sum(i.passed for i in results.headline.items)
    assert f"**{passed} of {len(ITEMS)} pass**, 1 could not be run" in text
    assert "(BM25 alone" in text  # BM25 beside the configured retriever in the summary
    for name in PLOTS.values():
        assert f"]({name})" in text
    # the gate's failure is spelled out
    assert "**Gate FAILED**" in text
    assert "hybrid: pass_rate = " in text and "must be at least 0.9" in text


def test_the_configurations_table_bolds_the_best_per_metric() -> None:
    results = scripted_results()
    best = best_per_metric(results.configurations, ["retrieval.mrr@10", "latency.p95_ms"])
    assert best["retrieval.mrr@10"] == {"hybrid"}  # the scripted BM25 ranks evidence last
    text = render_markdown(results)
    row = next(line for line in text.splitlines() if "`retrieval.mrr@10`" in line)
    hybrid, bm25 = row.split("|")[2:4]
    assert hybrid.strip().startswith("**") and not bm25.strip().startswith("**")
    # a metric with no better direction is never bold
    length = next(line for line in text.splitlines() if "`answer.length_words`" in line)
    assert "**" not in length


def test_failures_are_counted_by_kind_with_examples() -> None:
    results = scripted_results()
    counts = failure_counts(results.headline.items)
    assert counts == {"answered the unanswerable": 1, "error": 1, "key facts missing": 1}
    text = render_markdown(results)
    assert "| key facts missing | 1 | `wrong-facts` |" in text


def test_worst_questions_come_first_with_what_went_wrong() -> None:
    results = scripted_results()
    worst = worst_items(results.headline)
    assert worst[0].id == "boom"  # could not be run
    assert {i.id for i in worst} == {i.id for i in results.headline.items if not i.passed}
    text = render_markdown(results)
    section = text[text.index("## Worst questions") : text.index("## Provenance")]
    assert "### `answered-offtopic`" in section
    assert "answered a question the literature does not cover" in section
    assert "Expected evidence:" in section and "Key facts: klynger" in section


def test_loading_a_folder_without_results_says_what_to_give(tmp_path: Path) -> None:
    from assistant.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match=r"no results.json there"):
        load_results(tmp_path)


def test_a_metric_at_zero_is_drawn_with_its_value_and_a_missing_one_says_so() -> None:
    from evals.plots import metrics_figure

    results = scripted_results(["hybrid"])
    aggregate = results.configurations[0].aggregate
    aggregate["answer.key_fact_coverage"] = 0.0
    aggregate.pop("citation.verbatim", None)
    results.configurations.append(
        results.configurations[0].model_copy(
            update={"name": "other", "aggregate": {**aggregate, "citation.verbatim": 1.0}}
        )
    )
    labels = [text.get_text() for text in metrics_figure(results).axes[0].texts]
    assert "0.00" in labels, "a zero is a value, not a blank row"
    assert "n/a" in labels, "a metric one configuration lacks is marked, not drawn as zero"
