"""Indexing is incremental, loses nothing when a file fails, and says what it did."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from assistant.domain import IndexSummary
from assistant.settings import Settings
from indexing.catalogue import Catalogue
from indexing.embedders import FakeEmbedder
from indexing.loaders import load_document
from indexing.pipeline import build_record, index_corpus
from indexing.store import open_store
from tests.helpers import ROOT, make_settings, note, small_corpus
from tests.pdf_factory import write_pdf


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return small_corpus(tmp_path / "corpus")


def run(settings: Settings, **options: object) -> IndexSummary:
    with open_store(settings, FakeEmbedder()) as store:
        return index_corpus(settings, store, **options)  # type: ignore[arg-type]


def chunk_texts(settings: Settings) -> dict[str, list[str]]:
    with open_store(settings, FakeEmbedder()) as store:
        texts: dict[str, list[str]] = {}
        for chunk in store.all_chunks():
            texts.setdefault(chunk.doc_id, []).append(chunk.text)
        return texts


def test_a_second_run_handles_changed_unchanged_and_removed_documents(
    corpus: Path, tmp_path: Path
) -> None:
    settings = make_settings(tmp_path / "store", corpus)
    first = run(settings)
    assert sorted(first.indexed) == ["alpha", "beta"] and first.ok

    (corpus / "alpha.md").write_text(note("offentlige anskaffelser"))
    (corpus / "beta.md").unlink()
    (corpus / "gamma.md").write_text(note("playmakerrollen"))
    second = run(settings)

    assert sorted(second.indexed) == ["alpha", "gamma"]
    assert second.removed == ["beta"]
    assert second.unchanged == []
    texts = chunk_texts(settings)
    assert sorted(texts) == ["alpha", "gamma"]
    assert all("anskaffelser" in t for t in texts["alpha"]), "no stale chunk of the old alpha"
    assert len(texts["alpha"]) == len(set(texts["alpha"])), "no duplicate chunks"

    third = run(settings)
    assert third.indexed == [] and sorted(third.unchanged) == ["alpha", "gamma"]


def test_a_failing_file_is_reported_and_loses_nothing(corpus: Path, tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "store", corpus)
    run(settings)
    before = chunk_texts(settings)
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (corpus / "alpha.md").write_bytes(b"\xff\xfe\x00 not text")  # now unreadable
    summary = run(settings)
    failed = {f.file: f.reason for f in summary.failed}
    assert set(failed) >= {"broken.pdf"}
    assert all(reason.strip() and "\n" not in reason for reason in failed.values())
    assert chunk_texts(settings)["beta"] == before["beta"]
    assert "alpha" in chunk_texts(settings), "a failed re-read keeps the earlier version"
    assert not summary.ok


def test_rebuild_starts_over(corpus: Path, tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "store", corpus)
    run(settings)
    with open_store(settings, FakeEmbedder(), rebuild=True) as store:
        summary = index_corpus(settings, store, rebuild=True)
    assert sorted(summary.indexed) == ["alpha", "beta"]


def test_files_outside_the_corpus_are_refused_with_a_reason(corpus: Path, tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "store", corpus)
    stray = tmp_path / "stray.md"
    stray.write_text(note("noe annet"))
    summary = run(settings, paths=[stray])
    assert [f.file for f in summary.failed] == [str(stray)]
    assert "not in the corpus folder" in summary.failed[0].reason


def test_reindexing_the_unchanged_real_corpus_embeds_nothing(paper_assistant: Any) -> None:
    # Through the service, the store's owner: nothing changed, so nothing is re-embedded.
    began = time.perf_counter()
    summary = paper_assistant.reindex()
    assert summary.indexed == [] and summary.unchanged == ["stene-morkved-2019"]
    assert summary.removed == [] and summary.ok
    assert time.perf_counter() - began < 10


def test_the_command_exits_non_zero_when_a_file_failed(corpus: Path, tmp_path: Path) -> None:
    (corpus / "broken.pdf").write_bytes(b"not a pdf at all")
    env = {
        "POLICY_ASSISTANT_CORPUS__FOLDER": str(corpus),
        "POLICY_ASSISTANT_STORE__PATH": str(tmp_path / "store"),
        "POLICY_ASSISTANT_EMBEDDER__BACKEND": "fake",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "index"],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert "broken.pdf" in result.stdout and "2 document(s)" in result.stdout


def test_an_uncatalogued_markdown_or_text_file_gets_the_language_of_its_text(
    corpus: Path, tmp_path: Path
) -> None:
    (corpus / "annual-report.md").write_text(
        "# 1 Business fund\n\nThe municipal business fund granted NOK 2.1 million to local "
        "businesses in 2024, and most of the grants went to young entrepreneurs.\n",
        encoding="utf-8",
    )
    (corpus / "minnesanteckningar.txt").write_text(
        "Kommunen och näringslivet träffades för att diskutera hur företagen kan få "
        "bättre service och vilka frågor som är viktigast för de lokala företagen.\n",
        encoding="utf-8",
    )
    settings = make_settings(tmp_path / "store", corpus)
    run(settings)
    with open_store(settings, FakeEmbedder()) as store:
        records = store.records()
        chunks = [c for c in store.all_chunks() if c.doc_id == "annual-report"]
    assert records["annual-report"].entry.language == "en"
    assert records["minnesanteckningar"].entry.language == "sv"
    assert chunks and all(c.language == "en" for c in chunks)


def test_an_uncatalogued_file_is_described_by_what_it_says_of_itself(
    corpus: Path, tmp_path: Path
) -> None:
    pages = [
        ["## 1 Innledning", "Kommunen har en viktig rolle i arbeidet med lokal utvikling, og"],
        ["denne rollen er i endring fordi næringslivet og frivilligheten vil bidra mer."],
    ]
    write_pdf(
        corpus / "notat.pdf",
        pages,
        header=None,
        title="Næringsrollen i endring",
        author="Kari Nordmann, Ola Hansen",
    )
    settings = make_settings(tmp_path / "store", corpus)
    assert sorted(run(settings).indexed) == ["alpha", "beta", "notat"]
    with open_store(settings, FakeEmbedder()) as store:
        records = store.records()
        chunks = [c for c in store.all_chunks() if c.doc_id == "notat"]
    entry = records["notat"].entry
    assert entry.title == "Næringsrollen i endring"
    assert entry.authors == ["Kari Nordmann", "Ola Hansen"]
    assert entry.language == "nb" and entry.year is not None
    assert chunks and all(c.authors == entry.authors for c in chunks)
    # The catalogue wins where it has an entry; and nothing changed, so nothing is redone.
    assert records["alpha"].entry.title == "Alpha"
    again = run(settings)
    assert again.indexed == [] and sorted(again.unchanged) == ["alpha", "beta", "notat"]


def test_a_documents_names_come_from_its_own_text_not_its_bibliography(tmp_path: Path) -> None:
    """English titles in a reference list capitalise every word ("Public Administration
    Review"): read as names, they would make "public procurement" a question about a place."""
    path = tmp_path / "plan.md"
    path.write_text(
        "# Plan\n\nNæringsfondet i Ospedal gav tilskudd til Sandvik Sjømat i 2024 (Hansen, "
        "2016).\n\n# Litteratur\n\n- Hansen, K. (2016). Public Procurement in Small "
        "Municipalities. *Public Administration Review*, 3(1), 1-10.\n",
        encoding="utf-8",
    )
    catalogue = Catalogue([], tmp_path)
    record = build_record(
        path, catalogue.entry_for_file(path), load_document(path), catalogue, "digest"
    )
    assert {"Ospedal", "Sandvik", "Sjømat"} <= set(record.names)
    assert not {"Public", "Procurement", "Administration"} & set(record.names)


def test_an_uncatalogued_pdf_gets_the_year_and_language_the_file_gives_not_its_name(
    corpus: Path, tmp_path: Path
) -> None:
    """The file name's year (2021, the start of the period it evaluates) and the default
    language are only guesses: the PDF's creation date and its nynorsk text win when the
    catalogue has no entry for it."""
    from pypdf import PdfReader, PdfWriter

    pages = [
        [
            "## 1 Innleiing",
            "Programmet skulle gjere dei tre kommunane betre i stand til å utvikle næringslivet",
            "saman med bedriftene og frivilligheita. Vi har følgt programmet sidan hausten 2021,",
            "og vi meiner at kommunane har gått kvar sin veg i næringsarbeidet sitt.",
        ],
    ]
    written = write_pdf(tmp_path / "printed.pdf", pages, header=None)
    writer = PdfWriter(clone_from=PdfReader(written))
    writer.add_metadata({"/CreationDate": "D:20240120120000+01'00'"})
    with (corpus / "evaluering-fjordbrua-2021-2025.pdf").open("wb") as file:
        writer.write(file)
    settings = make_settings(tmp_path / "store", corpus)
    assert "evaluering-fjordbrua-2021-2025" in run(settings).indexed
    with open_store(settings, FakeEmbedder()) as store:
        entry = store.records()["evaluering-fjordbrua-2021-2025"].entry
    assert (entry.year, entry.language) == (2024, "nn")
