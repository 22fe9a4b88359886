"""The evaluator's page over a small results folder the test writes (the scripted run)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from evals.rendering import write_results
from tests.evals.test_runner import ITEMS, scripted_results
from tests.helpers import ROOT
from ui import results as view

APP = str(ROOT / "ui" / "app.py")
PAGE = str(ROOT / "ui" / "pages" / "evaluation.py")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A results folder with two configurations, one question that errors, and a broken gate."""
    folder = tmp_path_factory.mktemp("eval-results")
    write_results(scripted_results(["hybrid", "bm25"]), folder)
    return folder


def page(folder: Path) -> AppTest:
    app = AppTest.from_file(PAGE, default_timeout=60)
    app.session_state["results_dir"] = str(folder)
    return app.run()


# --- the page's functions -----------------------------------------------------------------------


def test_items_are_filtered_by_tag_language_outcome_and_failure(folder: Path) -> None:
    configuration = view.load_run(folder).configuration("hybrid")
    items = configuration.items
    assert len(view.filter_items(items, view.Filters())) == len(ITEMS)
    by_tag = view.filter_items(items, view.Filters(tags=["role:forhandler"]))
    assert {i.id for i in by_tag} == {"negotiator", "followup"}
    by_language = view.filter_items(items, view.Filters(languages=["sv", "nn"]))
    assert {i.id for i in by_language} == {"fotball", "answered-offtopic"}
    errors = view.filter_items(items, view.Filters(statuses=["error"]))
    assert [i.id for i in errors] == ["boom"]
    answered = view.filter_items(items, view.Filters(failures=["answered the unanswerable"]))
    assert [i.id for i in answered] == ["answered-offtopic"]
    both = view.filter_items(items, view.Filters(tags=["type:fact"], statuses=["failed"]))
    assert [i.id for i in both] == ["wrong-facts"]
    assert [i.id for i in view.filter_items(items, view.Filters(text="BROBYGGER"))] == ["brobygger"]
    assert view.options(configuration)["statuses"] == ["passed", "failed", "error"]


def test_questions_are_shown_a_page_at_a_time(folder: Path) -> None:
    items = view.load_run(folder).headline.items
    assert view.page_count(0) == 1 and view.page_count(41, 20) == 3
    assert [i.id for i in view.page_of(items, 2, 3)] == [i.id for i in items[3:6]]
    assert [i.id for i in view.page_of(items, 99, 3)] == [i.id for i in items[6:]]


def test_the_aggregate_table_marks_the_best_configuration(folder: Path) -> None:
    rows = {row["key"]: row for row in view.aggregate_rows(view.load_run(folder))}
    assert rows["retrieval.mrr@10"]["hybrid"].startswith("★")
    assert not rows["retrieval.mrr@10"]["bm25"].startswith("★")
    assert "★" not in rows["answer.length_words"]["hybrid"]


def test_results_folders_are_found_newest_first(tmp_path: Path) -> None:
    older, newer = tmp_path / "evals" / "results" / "a", tmp_path / "evals" / "reports" / "b"
    for index, target in enumerate((older, newer)):
        target.mkdir(parents=True)
        (target / "results.json").write_text("{}")
        os.utime(target / "results.json", (1000 + index, 1000 + index))
    assert view.find_results(tmp_path) == [newer, older]


# --- the page ---------------------------------------------------------------------------------


def test_the_page_shows_the_summary_table_plots_and_every_question(folder: Path) -> None:
    app = page(folder)
    assert not app.exception, app.exception
    assert app.title[0].value == "Evaluation results"
    assert any("Gate FAILED" in e.value for e in app.error)
    assert len(app.dataframe) >= 1
    table = app.dataframe[0].value
    assert list(table.columns)[:4] == ["metric", "key", "hybrid", "bm25"]
    assert len(app.expander) == 1 + len(ITEMS)  # the plots, then one per question
    labels = [e.label for e in app.expander[1:]]
    assert any(label.startswith("⚠️ `boom`") for label in labels)
    assert any(label.startswith("✅ `brobygger`") for label in labels)


def test_the_page_filters_questions(folder: Path) -> None:
    app = page(folder)
    app.multiselect(key="statuses").set_value(["failed"]).run()
    labels = [e.label for e in app.expander[1:]]
    assert labels and all(label.startswith("❌") for label in labels)
    app.multiselect(key="statuses").set_value([]).run()
    app.multiselect(key="languages").set_value(["sv"]).run()
    labels = [e.label for e in app.expander[1:]]
    assert len(labels) == 1 and "`fotball`" in labels[0]
    app.selectbox(key="configuration").set_value("bm25").run()
    assert not app.exception


def test_a_folder_without_results_says_what_to_do(tmp_path: Path) -> None:
    app = page(tmp_path)
    assert not app.exception
    assert any("no results.json there" in e.value for e in app.error)


def test_the_app_navigates_to_the_evaluation_page(folder: Path) -> None:
    app = AppTest.from_file(APP, default_timeout=60)
    app.session_state["results_dir"] = str(folder)
    app.switch_page("pages/evaluation.py").run()
    assert not app.exception, app.exception
    assert app.title[0].value == "Evaluation results"
