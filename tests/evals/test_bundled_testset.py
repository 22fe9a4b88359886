"""The bundled test set is valid, quotes the paper literally, and covers what it promises."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from evals.testset import BUNDLED_TESTSET, TestItem, load_testset
from evals.textnorm import normalise, tokens
from tests.helpers import CORPUS

PAPER = CORPUS / "stene-morkved-2019-kommunen-sin-framtidige-naeringsutviklingsrolle.md"
SECTIONS = (
    "forord", "sammendrag", "1", "1.1", "1.2", "2", "2.1", "2.2", "2.2.1", "2.2.2", "2.2.3",
    "3", "3.1", "3.2", "4", "4.1", "4.2", "news-utholdenhet", "news-medborgerkooperativ",
    "footnotes",
)  # fmt: skip
ROLES = (
    "forvalter", "tjenesteprodusent", "entreprenør",
    "forhandler", "innovatør", "brobygger",
    "playmaker",
)  # fmt: skip
MIN_PER_LANGUAGE = {"nn": 12, "en": 12, "sv": 10}

ITEMS = load_testset(BUNDLED_TESTSET).items
ANSWERABLE = [item for item in ITEMS if item.answerable]
# The question-kinds set over the same paper: held to the same literal evidence.
KINDS = load_testset(BUNDLED_TESTSET.with_name("policy_paper_kinds.yaml")).items
# Its held-out part, never used for tuning: the same kinds, other questions.
HELD_OUT = load_testset(BUNDLED_TESTSET.with_name("policy_paper_kinds_heldout.yaml")).items
KIND_TYPES = ("list", "comparison", "recommendation", "source", "example", "number")
# Each line of the converted paper is one paragraph, list item or footnote body; a snippet
# must lie within one, so it cannot span a page break or a footnote marker.
LINES = [normalise(line) for line in PAPER.read_text(encoding="utf-8").splitlines()]
NORMALISED_PAPER = normalise(PAPER.read_text(encoding="utf-8"))


def snippets() -> list[tuple[str, str]]:
    answerable = [item for item in (*ITEMS, *KINDS, *HELD_OUT) if item.answerable]
    return [(item.id, snippet) for item in answerable for snippet in item.evidence]


def tagged(prefix: str) -> Counter[str]:
    return Counter(
        tag.removeprefix(prefix) for i in ITEMS for tag in i.tags if tag.startswith(prefix)
    )


@pytest.mark.parametrize(("item_id", "snippet"), snippets())
def test_every_snippet_is_a_short_literal_span_of_one_paragraph(item_id: str, snippet: str) -> None:
    needle = normalise(snippet)
    assert needle in NORMALISED_PAPER, f"{item_id}: {snippet!r} is not in the paper"
    lines = [n for n, line in enumerate(LINES, start=1) if needle in line]
    assert len(lines) == 1, f"{item_id}: {snippet!r} is on lines {lines}, want exactly one"
    assert 4 <= len(tokens(snippet)) <= 15, f"{item_id}: {snippet!r} should be 4–15 words"
    assert "<sup>" not in snippet, f"{item_id}: {snippet!r} spans a footnote marker"


def test_answerable_items_have_one_to_three_snippets() -> None:
    wrong = [item.id for item in ANSWERABLE if not 1 <= len(item.evidence) <= 3]
    assert not wrong


def test_key_facts_stand_beside_the_evidence() -> None:
    """An answer quoting the supporting paragraph can contain every key fact."""
    for item in [*ANSWERABLE, *KINDS, *HELD_OUT]:
        paragraphs = [line for line in LINES if any(normalise(s) in line for s in item.evidence)]
        for fact in item.key_facts:
            assert any(normalise(fact) in line for line in paragraphs), (item.id, fact)


def test_most_answerable_items_have_key_facts() -> None:
    with_facts = sum(1 for item in ANSWERABLE if item.key_facts)
    assert with_facts >= 0.9 * len(ANSWERABLE)
    assert all(len(item.key_facts) <= 3 for item in ITEMS)


def test_size() -> None:
    assert len(ITEMS) >= 90


def test_languages() -> None:
    counts: Counter[str] = Counter(item.lang for item in ITEMS)
    for lang, least in MIN_PER_LANGUAGE.items():
        assert counts[lang] >= least, f"{counts[lang]} {lang} items, want at least {least}"
    assert counts["nb"] > len(ITEMS) / 2, "most questions are in bokmål"


def test_unanswerable_items() -> None:
    unanswerable = [item for item in ITEMS if item.unanswerable]
    assert len(unanswerable) >= 15
    for item in unanswerable:
        assert {"offtopic", "near-miss"} & set(item.tags), f"{item.id}: tag offtopic or near-miss"
        assert not item.evidence and not item.key_facts
    tags = Counter(tag for item in unanswerable for tag in item.tags)
    assert tags["offtopic"] >= 5 and tags["near-miss"] >= 5


def test_followups() -> None:
    followups = [item for item in ITEMS if item.history]
    assert len(followups) >= 15
    for item in followups:
        assert "followup" in item.tags, item.id
        assert [turn.role for turn in item.history] == ["user", "assistant"], item.id
    assert all(item.history for item in ITEMS if "followup" in item.tags)
    assert {item.lang for item in followups} == {"nb", "nn", "en", "sv"}


def test_every_section_is_covered() -> None:
    counts = tagged("section:")
    assert not set(SECTIONS) - set(counts), f"no item for {sorted(set(SECTIONS) - set(counts))}"
    assert not set(counts) - set(SECTIONS), f"unknown section tags {set(counts) - set(SECTIONS)}"


def test_every_answerable_item_names_its_section() -> None:
    assert all(any(t.startswith("section:") for t in item.tags) for item in ANSWERABLE)


def test_every_role_is_covered() -> None:
    counts = tagged("role:")
    assert not set(ROLES) - set(counts), f"no item for roles {sorted(set(ROLES) - set(counts))}"
    assert set(counts) <= set(ROLES)


def test_tags_are_known_kinds() -> None:
    pattern = re.compile(r"^(section|role|type):\S+$|^(followup|offtopic|near-miss)$")
    unknown = {tag for item in ITEMS for tag in item.tags if not pattern.match(tag)}
    assert not unknown


def test_questions_are_distinct_within_a_language() -> None:
    def key(item: TestItem) -> tuple[str, str, str]:
        history = " ".join(turn.content for turn in item.history)
        return item.lang, normalise(history), normalise(item.question)

    counts = Counter(key(item) for item in ITEMS)
    assert not [k for k, n in counts.items() if n > 1]


@pytest.mark.parametrize(("items", "least"), [(KINDS, 3), (HELD_OUT, 2)], ids=["tuned", "held-out"])
def test_the_kinds_sets_have_every_kind_in_every_language(
    items: list[TestItem], least: int
) -> None:
    kinds = Counter(t.removeprefix("type:") for i in items for t in i.tags if t.startswith("type:"))
    assert all(kinds[kind] >= least for kind in KIND_TYPES), kinds
    assert {item.lang for item in items} == {"nb", "nn", "en", "sv"}
    assert all(item.answerable and item.key_facts for item in items)
    assert any(item.history for item in items)


def test_ids_are_unique_across_the_sets() -> None:
    ids = [i.id for i in (*ITEMS, *KINDS, *HELD_OUT)]
    assert len(ids) == len(set(ids))


def test_the_held_out_questions_are_not_the_tuned_ones() -> None:
    tuned = {normalise(i.question) for i in (*ITEMS, *KINDS)}
    assert not [i.id for i in HELD_OUT if normalise(i.question) in tuned]


def test_lists_and_comparisons_name_every_member_as_a_key_fact() -> None:
    faceted = [i for i in (*KINDS, *HELD_OUT) if {"type:list", "type:comparison"} & set(i.tags)]
    assert faceted and all(len(item.key_facts) >= 2 for item in faceted)
