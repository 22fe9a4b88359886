"""What the chat shows of answers and sources: text stays text, quotes are marked in place."""

from __future__ import annotations

import html
import re
from typing import Any

from markdown_it import MarkdownIt

from assistant.domain import Answer, Message
from tests.helpers import PAPER_ID
from ui.sources import (
    Turn,
    answer_html,
    cited_works,
    context,
    conversation_markdown,
    passage_of,
    plain,
    text_html,
)

HOSTILE = (
    "Se <script>alert('x')</script> og [klikk](javascript:alert(1)) eller **fet** _tekst_ # 1."
)


def rendered_text(markdown: str) -> str:
    """What a reader sees of Markdown: its HTML rendering without tags, unescaped."""
    rendered = MarkdownIt("commonmark").render(markdown)
    assert "<a " not in rendered and "<script" not in rendered
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()


def test_plain_markdown_renders_as_exactly_the_text() -> None:
    assert rendered_text(plain(HOSTILE)) == HOSTILE
    assert rendered_text(plain("[1] Stene & Mørkved (2019) — 4.1 Muligheter")) == (
        "[1] Stene & Mørkved (2019) — 4.1 Muligheter"
    )


def test_document_text_is_escaped_and_only_the_quote_is_marked() -> None:
    text = f"Før. {HOSTILE} Etter."
    start = text.index("Se <script>")
    block = text_html(text, (start, start + len(HOSTILE)))
    assert "<script>" not in block and "&lt;script&gt;" in block
    assert "<a " not in block
    marked = re.search(r"<mark>(.*)</mark>", block, re.S)
    assert marked and html.unescape(marked.group(1)) == HOSTILE
    assert html.unescape(re.sub(r"<[^>]+>", "", block)) == text


def test_answer_markers_become_badges_and_the_rest_stays_text() -> None:
    shown = answer_html("Kommunen er brobygger [1]. <b>Ikke fet</b> [2] [9]", [1, 2])
    assert shown.count('class="pa-marker"') == 2
    assert "[9]" in shown  # not a marker of this answer: left as text
    assert "<b>Ikke" not in shown and "&lt;b&gt;Ikke fet" in shown


def answer(paper_assistant: Any, question: str) -> Answer:
    return paper_assistant.chat([Message(role="user", content=question)])  # type: ignore[no-any-return]


def test_a_source_opens_in_its_document_with_neighbours(paper_assistant: Any) -> None:
    given = answer(paper_assistant, "Hva betyr det at kommunen skal være brobygger?")
    text = paper_assistant.document_text(PAPER_ID)
    chunk_ids = paper_assistant.chunk_ids(PAPER_ID)
    for citation in given.citations:
        passage = passage_of(citation, given.passages)
        assert passage is not None
        around = context(text, citation, passage, chunk_ids)
        quote = around.passage[around.quote[0] : around.quote[1]]
        assert quote == citation.quote == text[citation.start : citation.end]
        assert around.passage == passage.text
        assert text.find(around.before + around.passage + around.after) != -1
        assert around.index == chunk_ids.index(citation.chunk_id) + 1
        assert around.count == len(chunk_ids)
        assert around.before or around.after


def test_the_works_a_quote_cites_say_whether_they_are_in_the_library(
    paper_assistant: Any,
) -> None:
    references = paper_assistant.references().references
    given = answer(paper_assistant, "Hva er samstyring?")
    citing = [c for c in given.citations if c.cites]
    assert citing, "the answer on samstyring quotes a sentence that cites a work"
    for citation in citing:
        works = cited_works(citation, references)
        assert [w.reference_id for w in works] == citation.cites
        by_id = {r.id: r for r in references}
        assert all(w.in_library == by_id[w.reference_id].in_corpus for w in works)
        assert all(w.text == by_id[w.reference_id].raw for w in works)


def test_the_conversation_downloads_with_every_source(paper_assistant: Any) -> None:
    references = paper_assistant.references().references
    first = answer(paper_assistant, "Hva er samstyring?")
    refused = answer(paper_assistant, "Hvor mange mål scoret Rosenborg i eliteserien i 1998?")
    turns = [
        Turn("Hva er samstyring?", first),
        Turn("Rosenborg?", refused),
        Turn("x", error="nede"),
    ]
    markdown = conversation_markdown(turns, references, "nb")
    assert markdown.startswith("# Spør litteraturen")
    for citation in first.citations:
        assert f"> «{citation.quote}»" in markdown
        for work in cited_works(citation, references):
            assert work.text in markdown
    assert refused.answer in markdown and "Kanskje beslektet" in markdown
    assert "nede" in markdown
