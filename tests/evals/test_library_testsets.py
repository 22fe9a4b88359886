"""The library test sets quote their documents literally, and cover what they promise.

The library corpus (evals/corpora/library) holds the working paper and eighteen fictional
documents on the same themes. Evidence is checked against each document's text as the
product's loaders give it, since PDFs and Word files are parsed, not read as written.
"""

from __future__ import annotations

from collections import Counter

import pytest

from evals.testset import TestItem, load_testset
from evals.textnorm import normalise, tokens
from indexing.catalogue import load_catalogue
from indexing.loaders import SUPPORTED_SUFFIXES, load_document
from tests.helpers import ROOT

TESTSETS = ROOT / "evals" / "testsets"
LIBRARY = ROOT / "evals" / "corpora" / "library"
DEV = load_testset(TESTSETS / "library_dev.yaml")
HELDOUT = load_testset(TESTSETS / "library_heldout.yaml")
ITEMS = DEV.items + HELDOUT.items
KINDS = ("type:fact", "type:disambiguation", "type:paper", "near-miss", "offtopic", "followup")


def kind(item: TestItem) -> str:
    """The item's kind: its first tag among KINDS, follow-ups and unanswerables first."""
    for tag in ("offtopic", "near-miss", "followup", *KINDS):
        if tag in item.tags:
            return tag
    raise AssertionError(f"{item.id}: no kind tag")


def documents() -> dict[str, str]:
    """Normalised loaded text of each document, by the id the index gives it."""
    catalogue = load_catalogue(LIBRARY / "catalogue.yaml")
    texts: dict[str, str] = {}
    for path in sorted(LIBRARY.iterdir()):
        if path.suffix in SUPPORTED_SUFFIXES and path.stem != "catalogue":
            entry = catalogue.entry_for_file(path)
            texts[entry.id] = normalise(load_document(path).text)
    return texts


TEXTS = documents()


def doc_of(item: TestItem) -> str:
    [doc] = [tag.removeprefix("doc:") for tag in item.tags if tag.startswith("doc:")]
    return doc


@pytest.mark.parametrize(
    ("item_id", "snippet", "doc"),
    [(i.id, s, doc_of(i)) for i in ITEMS if i.answerable for s in i.evidence],
)
def test_every_snippet_is_in_its_document_alone(item_id: str, snippet: str, doc: str) -> None:
    needle = normalise(snippet)
    holders = sorted(name for name, text in TEXTS.items() if needle in text)
    assert holders == [doc], f"{item_id}: {snippet!r} is in {holders}, want only {doc}"
    assert 4 <= len(tokens(snippet)) <= 15, f"{item_id}: {snippet!r} should be 4–15 words"


def test_key_facts_are_in_the_document_holding_the_evidence() -> None:
    for item in ITEMS:
        for fact in item.key_facts:
            assert normalise(fact) in TEXTS[doc_of(item)], (item.id, fact)


def test_both_parts_name_the_library_corpus() -> None:
    assert DEV.corpus == HELDOUT.corpus == LIBRARY.resolve()


def test_the_parts_are_disjoint_and_the_held_out_part_is_about_forty_percent() -> None:
    assert not {i.id for i in DEV.items} & {i.id for i in HELDOUT.items}
    assert 0.3 <= len(HELDOUT.items) / len(ITEMS) <= 0.45


def test_size_kinds_and_languages() -> None:
    assert len(ITEMS) >= 90
    kinds = Counter(kind(item) for item in ITEMS)
    assert sum(item.unanswerable and "near-miss" in item.tags for item in ITEMS) >= 20
    assert kinds["offtopic"] >= 5 and kinds["followup"] >= 3 and kinds["type:paper"] >= 10
    for part in (DEV, HELDOUT):
        assert {kind(item) for item in part.items} >= set(KINDS) - {"followup"}, part.name
        assert {item.lang for item in part.items} == {"nb", "nn", "en", "sv"}, part.name


def test_unanswerable_items_name_why() -> None:
    for item in ITEMS:
        if item.unanswerable:
            assert {"offtopic", "near-miss"} & set(item.tags), item.id
        else:
            assert doc_of(item) in TEXTS, item.id


def test_every_document_is_asked_about() -> None:
    asked = Counter(doc_of(item) for item in ITEMS if item.answerable)
    assert set(asked) == set(TEXTS)
    assert min(asked.values()) >= 5


def test_the_library_has_every_format_and_language_and_drop_in_documents() -> None:
    files = [p for p in LIBRARY.iterdir() if p.suffix in SUPPORTED_SUFFIXES]
    suffixes = Counter(p.suffix for p in files)
    assert suffixes[".pdf"] >= 2 and {".docx", ".md", ".txt"} <= set(suffixes)
    catalogue = load_catalogue(LIBRARY / "catalogue.yaml")
    uncatalogued = [p for p in files if catalogue.by_file(p.name) is None]
    assert len(uncatalogued) >= 2
    languages = {entry.language for entry in catalogue.in_corpus()}
    assert {"nb", "nn", "sv", "en"} <= languages


def test_questions_are_distinct() -> None:
    def key(item: TestItem) -> tuple[str, str]:
        return normalise(" ".join(t.content for t in item.history)), normalise(item.question)

    counts = Counter(key(item) for item in ITEMS)
    assert not [k for k, n in counts.items() if n > 1]


def test_followups_carry_their_history() -> None:
    for item in ITEMS:
        assert ("followup" in item.tags) == bool(item.history), item.id
