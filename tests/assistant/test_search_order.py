"""Search ranks first the passage whose sentence answers: a report's summary that repeats every
word of the question ranks below the table row the answer quotes."""

from __future__ import annotations

import pytest

from assistant.domain import Message, Passage
from assistant.service import Assistant
from assistant.settings import Settings
from tests.helpers import indexed_library

CATALOGUE = """\
- id: fjellbygda-2024
  title: Evaluering av Fjellbygda næringsfond
  authors: [Fjellbygda kommune]
  year: 2024
  kind: report
  language: nb
  file: fjellbygda.md
- id: harbour-2025
  title: Evaluation of the Harbour Town business programme
  authors: [Harbour Town Council]
  year: 2025
  kind: report
  language: en
  file: harbour.md
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

HARBOUR = "\n\n".join(
    f"# {n} Theme {n}\n\nThe Harbour Town programme worked on theme {n} with local firms, "
    f"and the council met the firms {n} times about it during the programme period."
    for n in range(1, 15)
)

QUESTION = "Hvor mye tildelte Fjellbygda næringsfond i 2022?"


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    files = {
        "catalogue.yaml": CATALOGUE,
        "fjellbygda.md": FJELLBYGDA,
        "nordvik.md": NORDVIK,
        "harbour.md": HARBOUR,
    }
    return indexed_library(tmp_path_factory.mktemp("search-order"), files)


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


def test_a_question_naming_a_document_in_another_language_reads_more_of_it(
    settings: Settings,
) -> None:
    """Across languages the passage that answers ranks lower among the document's own."""
    assistant = Assistant.open(settings)
    try:
        across = assistant.chat(
            [Message(role="user", content="Hva gjorde Harbour Town med bedriftene?")]
        )
        within = assistant.chat(
            [Message(role="user", content="What did Harbour Town do with the firms?")]
        )
    finally:
        assistant.close()
    top_k, more = settings.retrieval.top_k, settings.retrieval.more_across_languages
    assert more > 0
    assert len(across.passages) == top_k + more
    assert len(within.passages) == top_k
