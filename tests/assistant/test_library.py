"""A library of several documents: a work the paper cites, once added, is linked wherever cited."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.library import suggest_catalogue
from assistant.service import Assistant
from indexing.catalogue import load_catalogue
from indexing.embedders import FakeEmbedder
from indexing.pipeline import index_corpus
from indexing.store import open_store
from tests.helpers import CORPUS, PAPER_ID, make_settings

PAPER_FILE = "stene-morkved-2019-kommunen-sin-framtidige-naeringsutviklingsrolle.md"
# Dropped in without a catalogue entry: its title and year are read from the file name, and
# match the paper's bibliography entry "Stene, M. (2015). Inn på tunet – status, ...".
DROPPED = "Inn på tunet status utfordringer og muligheter 2015.md"
DROPPED_TEXT = """# Inn på tunet

## 1 Status

Inn på tunet er tilrettelagte tjenester på gårdsbruk, og tilbudet har vokst i mange kommuner.
"""


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    folder = tmp_path_factory.mktemp("library")
    corpus = folder / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / PAPER_FILE, corpus / PAPER_FILE)
    shutil.copy(CORPUS / "catalogue.yaml", corpus / "catalogue.yaml")
    (corpus / DROPPED).write_text(DROPPED_TEXT, encoding="utf-8")
    settings = make_settings(folder / "store", corpus, embedder={"backend": "fake"})
    with open_store(settings, FakeEmbedder()) as store:
        assert index_corpus(settings, store).ok
    assistant = Assistant.open(settings, {"command": "pytest"})
    yield assistant
    assistant.close()


def dropped_id(assistant: Assistant) -> str:
    return next(d.id for d in assistant.documents() if d.file == DROPPED)


def test_a_dropped_in_work_is_linked_to_the_bibliography_entry_that_cites_it(
    library: Assistant,
) -> None:
    entry = next(r for r in library.references().references if r.id == "stene-2015")
    assert entry.in_corpus and entry.catalogue_id == dropped_id(library)
    assert entry.citation_count > 0, "the paper's citations of it lead to the added document"
    assert "stene-2015" not in library.references().missing_from_corpus
    paper = next(d for d in library.documents() if d.id == PAPER_ID)
    assert paper.cited_works_in_corpus == [dropped_id(library)]


def test_works_not_added_stay_missing(library: Assistant) -> None:
    missing = library.references().missing_from_corpus
    assert "stene-2013" in missing and "stene-stickler-2018" in missing


def test_the_catalogue_suggestion_sets_the_file_on_the_cited_works_entry(
    library: Assistant,
) -> None:
    catalogue = load_catalogue(Path(library.settings.catalogue_path))
    suggestions = suggest_catalogue(
        library.documents(), library.references().references, catalogue.entries
    )
    assert [(s.action, s.entry.id, s.entry.file) for s in suggestions] == [
        ("set file", "stene-2015", DROPPED)
    ]
    assert suggestions[0].cited_by == [PAPER_ID]
    assert suggestions[0].entry.title == catalogue.get("stene-2015").title  # type: ignore[union-attr]
