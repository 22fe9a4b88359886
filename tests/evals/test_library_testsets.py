"""The library test sets quote their documents literally, and cover what they promise.

The library corpus (evals/corpora/library) holds the working paper and eighteen fictional
documents on the same themes. Evidence is checked against each document's text as the
product's loaders give it, since PDFs and Word files are parsed, not read as written.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest

from evals.testset import TestItem, TestSet, load_testset
from evals.textnorm import normalise, tokens
from indexing.catalogue import load_catalogue
from indexing.loaders import SUPPORTED_SUFFIXES, load_document
from tests.helpers import ROOT

TESTSETS = ROOT / "evals" / "testsets"
CORPORA = ROOT / "evals" / "corpora"
KINDS = ("type:fact", "type:disambiguation", "type:paper", "near-miss", "offtopic", "followup")


def kind(item: TestItem) -> str:
    """The item's kind: its first tag among KINDS, follow-ups and unanswerables first."""
    for tag in ("offtopic", "near-miss", "followup", *KINDS):
        if tag in item.tags:
            return tag
    raise AssertionError(f"{item.id}: no kind tag")


def documents(folder: Path) -> dict[str, str]:
    """Normalised loaded text of each document of a corpus folder, by the id the index gives it."""
    catalogue = load_catalogue(folder / "catalogue.yaml")
    texts: dict[str, str] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix in SUPPORTED_SUFFIXES and path.stem != "catalogue":
            entry = catalogue.entry_for_file(path)
            texts[entry.id] = normalise(load_document(path).text)
    return texts


@dataclass(frozen=True)
class Library:
    """A library corpus and its test set's two parts."""

    folder: Path
    dev: TestSet
    heldout: TestSet
    per_document: int = 3  # the fewest answerable questions about each document

    @cached_property
    def texts(self) -> dict[str, str]:
        return documents(self.folder)

    @property
    def items(self) -> tuple[TestItem, ...]:
        return (*self.dev.items, *self.heldout.items)


# The first library, on which the product was developed, and a second and a third written later
# by writers who had seen none of the product's output, to measure it on libraries it was never
# tuned on; then fresh questions over all three, written the same way.
LIBRARIES = {
    "library": Library(
        CORPORA / "library",
        load_testset(TESTSETS / "library_dev.yaml"),
        load_testset(TESTSETS / "library_heldout.yaml"),
    ),
    "library_b": Library(
        CORPORA / "library_b",
        load_testset(TESTSETS / "library_b_dev.yaml"),
        load_testset(TESTSETS / "library_b_heldout.yaml"),
    ),
    "library_c": Library(
        CORPORA / "library_c",
        load_testset(TESTSETS / "library_c_dev.yaml"),
        load_testset(TESTSETS / "library_c_heldout.yaml"),
    ),
    # Questions over the same three libraries by writers who saw only the loaded texts, never
    # the product's answers nor the other questions.
    **{
        f"{name}_blind": Library(
            CORPORA / name,
            load_testset(TESTSETS / f"{name}_blind_dev.yaml"),
            load_testset(TESTSETS / f"{name}_blind_heldout.yaml"),
            per_document=2,
        )
        for name in ("library", "library_b", "library_c")
    },
}
FIRST = LIBRARIES["library"]
LIBRARY, DEV, HELDOUT, ITEMS = FIRST.folder, FIRST.dev, FIRST.heldout, FIRST.items
TEXTS = FIRST.texts


def doc_of(item: TestItem) -> str:
    [doc] = [tag.removeprefix("doc:") for tag in item.tags if tag.startswith("doc:")]
    return doc


@pytest.mark.parametrize(
    ("library", "item_id", "snippet", "doc"),
    [
        (name, i.id, s, doc_of(i))
        for name, library in LIBRARIES.items()
        for i in library.items
        if i.answerable
        for s in i.evidence
    ],
)
def test_every_snippet_is_in_its_document_alone(
    library: str, item_id: str, snippet: str, doc: str
) -> None:
    texts = LIBRARIES[library].texts
    needle = normalise(snippet)
    holders = sorted(name for name, text in texts.items() if needle in text)
    assert holders == [doc], f"{item_id}: {snippet!r} is in {holders}, want only {doc}"
    assert 4 <= len(tokens(snippet)) <= 15, f"{item_id}: {snippet!r} should be 4–15 words"


@pytest.mark.parametrize("library", LIBRARIES.values(), ids=LIBRARIES.keys())
def test_key_facts_are_in_the_document_holding_the_evidence(library: Library) -> None:
    for item in library.items:
        for fact in item.key_facts:
            assert normalise(fact) in library.texts[doc_of(item)], (item.id, fact)


@pytest.mark.parametrize("library", LIBRARIES.values(), ids=LIBRARIES.keys())
def test_both_parts_name_the_library_corpus(library: Library) -> None:
    assert library.dev.corpus == library.heldout.corpus == library.folder.resolve()


@pytest.mark.parametrize("library", LIBRARIES.values(), ids=LIBRARIES.keys())
def test_the_parts_are_disjoint_and_the_held_out_part_is_about_forty_percent(
    library: Library,
) -> None:
    assert not {i.id for i in library.dev.items} & {i.id for i in library.heldout.items}
    assert 0.3 <= len(library.heldout.items) / len(library.items) <= 0.45


def test_size_kinds_and_languages() -> None:
    assert len(ITEMS) >= 90
    kinds = Counter(kind(item) for item in ITEMS)
    assert sum(item.unanswerable and "near-miss" in item.tags for item in ITEMS) >= 20
    assert kinds["offtopic"] >= 5 and kinds["followup"] >= 3 and kinds["type:paper"] >= 10
    for part in (DEV, HELDOUT):
        assert {kind(item) for item in part.items} >= set(KINDS) - {"followup"}, part.name
        assert {item.lang for item in part.items} == {"nb", "nn", "en", "sv"}, part.name


@pytest.mark.parametrize("library", LIBRARIES.values(), ids=LIBRARIES.keys())
def test_unanswerable_items_name_why(library: Library) -> None:
    for item in library.items:
        if item.unanswerable:
            assert {"offtopic", "near-miss"} & set(item.tags), item.id
        else:
            assert doc_of(item) in library.texts, item.id


@pytest.mark.parametrize("library", LIBRARIES.values(), ids=LIBRARIES.keys())
def test_every_document_is_asked_about(library: Library) -> None:
    asked = Counter(doc_of(item) for item in library.items if item.answerable)
    assert set(asked) == set(library.texts)
    assert min(asked.values()) >= (5 if library is FIRST else library.per_document)


def test_the_library_has_every_format_and_language_and_drop_in_documents() -> None:
    files = [p for p in LIBRARY.iterdir() if p.suffix in SUPPORTED_SUFFIXES]
    suffixes = Counter(p.suffix for p in files)
    assert suffixes[".pdf"] >= 2 and {".docx", ".md", ".txt"} <= set(suffixes)
    catalogue = load_catalogue(LIBRARY / "catalogue.yaml")
    uncatalogued = [p for p in files if catalogue.by_file(p.name) is None]
    assert len(uncatalogued) >= 2
    languages = {entry.language for entry in catalogue.in_corpus()}
    assert {"nb", "nn", "sv", "en"} <= languages


@pytest.mark.parametrize("library", LIBRARIES.values(), ids=LIBRARIES.keys())
def test_questions_are_distinct(library: Library) -> None:
    def key(item: TestItem) -> tuple[str, str]:
        return normalise(" ".join(t.content for t in item.history)), normalise(item.question)

    counts = Counter(key(item) for item in library.items)
    assert not [k for k, n in counts.items() if n > 1]


@pytest.mark.parametrize("library", LIBRARIES.values(), ids=LIBRARIES.keys())
def test_followups_carry_their_history(library: Library) -> None:
    for item in library.items:
        assert ("followup" in item.tags) == bool(item.history), item.id
