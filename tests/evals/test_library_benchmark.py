"""The LangChain baseline of the library benchmark: 1000/200 chunks, BM25 and dense, RRF."""

from __future__ import annotations

from pathlib import Path

from evals.benchmarks.library_retrieval import DEPTH, Baseline, query_of
from evals.testset import TestItem, Turn
from indexing.embedders import FakeEmbedder


def write_corpus(folder: Path) -> None:
    (folder / "catalogue.yaml").write_text("[]\n", encoding="utf-8")
    fund = "Næringsfondet i Vikfjord får 11,2 millioner kroner i planperioden. " * 30
    roles = "Kommunen er brobygger og playmaker i Sandvær. " * 30
    (folder / "plan.md").write_text(f"# Plan\n\n{fund}\n", encoding="utf-8")
    (folder / "minutes.txt").write_text(f"{roles}\n", encoding="utf-8")


def test_the_baseline_splits_into_overlapping_chunks_of_at_most_1000_characters(
    tmp_path: Path,
) -> None:
    write_corpus(tmp_path)
    baseline = Baseline.build(tmp_path, FakeEmbedder())
    assert {c.metadata["doc"] for c in baseline.chunks} == {"plan", "minutes"}
    assert all(len(c.page_content) <= 1000 for c in baseline.chunks)
    assert len(baseline.chunks) > 2  # each document is longer than one chunk


def test_the_baseline_ranks_the_chunks_with_the_query_words_first(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    baseline = Baseline.build(tmp_path, FakeEmbedder())
    passages = baseline.search("Hvor mye får næringsfondet i Vikfjord?")
    assert passages[0].doc_id == "plan"
    assert [p.rank for p in passages] == list(range(1, len(passages) + 1))
    assert len(passages) <= DEPTH
    assert len({p.chunk_id for p in passages}) == len(passages)


def test_follow_ups_are_searched_in_their_standalone_form() -> None:
    item = TestItem(
        id="x",
        question="Og hvor mye er det i 2025?",
        lang="nb",
        evidence=("noe tekst her da",),
        history=(
            Turn(role="user", content="Hva er rammen for næringsfondet i Vikfjord?"),
            Turn(role="assistant", content="11,2 millioner kroner [1]."),
        ),
    )
    assert "Vikfjord" in query_of(item)
