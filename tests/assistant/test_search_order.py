"""Search ranks first the passage whose sentence answers: a report's summary that repeats every
word of the question ranks below the table row the answer quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.domain import Message, Passage
from assistant.service import Assistant
from assistant.settings import Settings
from indexing.embedders import make_embedder
from indexing.pipeline import index_corpus
from indexing.store import open_store
from tests.helpers import make_settings

CATALOGUE = """\
- id: fjellbygda-2024
  title: Evaluering av Fjellbygda næringsfond
  authors: [Fjellbygda kommune]
  year: 2024
  kind: report
  language: nb
  file: fjellbygda.md
- id: nordvik-2024
  title: Strategisk næringsplan for Nordvik kommune 2024–2028
  authors: [Nordvik kommune]
  year: 2024
  kind: report
  language: nb
  file: nordvik.md
"""

FJELLBYGDA = """# Sammendrag

Fjellbygda næringsfond har tildelt midler hvert år siden 2019. Evalueringen ser på hvor mye
Fjellbygda næringsfond tildelte i årene 2021 til 2023, og hva tildelingene fra fondet ga.
Tildelingene fra Fjellbygda næringsfond har økt.

# 3 Tall

Fondet tildelte disse beløpene:

- 2021: 1,2 millioner kroner til ti prosjekter
- 2022: 1,4 millioner kroner til tolv prosjekter
- 2023: 1,1 millioner kroner til ni prosjekter
"""

NORDVIK = """# 2 Næringsfond

Det kommunale næringsfondet i Nordvik får en samlet ramme på 9,5 millioner kroner for perioden
2024–2028. Fondet skal prioritere gründere og reiseliv.
"""

QUESTION = "Hvor mye tildelte Fjellbygda næringsfond i 2022?"


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    folder = tmp_path_factory.mktemp("search-order")
    corpus = folder / "corpus"
    corpus.mkdir()
    (corpus / "catalogue.yaml").write_text(CATALOGUE, encoding="utf-8")
    (corpus / "fjellbygda.md").write_text(FJELLBYGDA, encoding="utf-8")
    (corpus / "nordvik.md").write_text(NORDVIK, encoding="utf-8")
    settings = make_settings(Path(folder / "store"), corpus)
    with open_store(settings, make_embedder(settings.embedder)) as store:
        assert index_corpus(settings, store).ok
    return settings


def _search(settings: Settings, question: str, **retrieval: object) -> list[Passage]:
    changed = settings.model_copy(
        update={"retrieval": settings.retrieval.model_copy(update=retrieval)}
    )
    assistant = Assistant.open(changed)
    try:
        return assistant.search(question, top_k=3)
    finally:
        assistant.close()


def test_the_passage_the_answer_quotes_ranks_first(settings: Settings) -> None:
    assistant = Assistant.open(settings)
    try:
        answer = assistant.chat([Message(role="user", content=QUESTION)])
        hits = assistant.search(QUESTION, top_k=3)
    finally:
        assistant.close()
    assert answer.grounded and "1,4 millioner kroner" in answer.answer
    assert hits[0].chunk_id == answer.citations[0].chunk_id
    assert hits[0].section == "3 Tall"
    by_similarity = _search(settings, QUESTION, quoted_first=False)
    assert by_similarity[0].section == "Sammendrag", "the summary is nearer the question"
    assert {h.chunk_id for h in hits} == {h.chunk_id for h in by_similarity}, "only reordered"


def test_a_question_the_literature_does_not_answer_keeps_the_retrieval_order(
    settings: Settings,
) -> None:
    refused = "Hvor mye tildelte Fjellbygda næringsfond i 2017?"
    assert [h.chunk_id for h in _search(settings, refused)] == [
        h.chunk_id for h in _search(settings, refused, quoted_first=False)
    ]


def test_dense_and_bm25_searches_rank_by_themselves_alone(settings: Settings) -> None:
    """The retrievers compared in evaluations are measured as they are."""
    for mode in ("dense", "bm25"):
        assistant = Assistant.open(settings)
        try:
            quoted = assistant.search(QUESTION, top_k=3, mode=mode)
        finally:
            assistant.close()
        plain = _search(settings, QUESTION, mode=mode, quoted_first=False)
        assert [h.chunk_id for h in quoted] == [h.chunk_id for h in plain]
