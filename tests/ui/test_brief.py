"""Workshop briefs: built from live answers, edited on the page, saved as Markdown and Word."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from docx import Document
from streamlit.testing.v1 import AppTest

from assistant.domain import Message, Passage
from tests.helpers import PAPER_ID
from ui.brief import brief_markdown, build_brief, markdown_docx, paper_questions
from ui.topics import discussion_templates, topic


def docx_text(content: bytes) -> str:
    """Every paragraph of a Word file, as python-docx reads it."""
    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


def ask(paper_assistant: Any, query: str) -> Any:
    return paper_assistant.chat([Message(role="user", content=query)])


def test_a_brief_groups_literal_quotes_by_topic_with_full_sources(paper_assistant: Any) -> None:
    subjects = [topic("brobygger"), topic("samstyring")]
    answers = [(s, ask(paper_assistant, s.query)) for s in subjects]
    references = paper_assistant.references().references
    text = paper_assistant.document_text(PAPER_ID)
    brief = build_brief(answers, references, [], "nb", quotes_per_topic=3)

    assert [s.title for s in brief.sections] == ["Brobygger", "Samstyring"]
    for section, (_, answer) in zip(brief.sections, answers, strict=True):
        assert section.quotes and len(section.quotes) <= 3
        for source in section.quotes:
            assert text[source.citation.start : source.citation.end] == source.citation.quote
            assert source.citation in answer.citations
    assert [s.number for s in brief.sources] == list(range(1, len(brief.sources) + 1))
    cited = {r for s in brief.sources for r in s.citation.cites}
    assert cited and {r.id for r, _ in brief.works} == cited
    assert all(in_library == r.in_corpus for r, in_library in brief.works)

    markdown = brief_markdown(brief)
    for source in brief.sources:
        assert f"> «{source.citation.quote}» [{source.number}]" in markdown
        assert f"{source.number}. {source.describe('nb')}" in markdown
        assert "Stene, Morten; Mørkved, Britt Paula (2019)" in source.describe("nb")


def test_discussion_questions_come_from_the_literature_when_it_asks_them() -> None:
    passage = Passage(
        rank=1,
        chunk_id="c1",
        doc_id=PAPER_ID,
        title="Kommunen sin framtidige næringsutviklingsrolle",
        section="1 Innledning",
        page="2",
        text="Bestillingen var klar. Hva tror du skal til for at kommunene lykkes i 2030? "
        "- Nye modeller?\nHvordan skape innovative nettverk? Slik gikk det.",
        score=1.0,
    )
    found = paper_questions([passage, passage])
    assert [q.text for q in found] == [
        "Hva tror du skal til for at kommunene lykkes i 2030?",
        "Hvordan skape innovative nettverk?",
    ]
    assert all(q.source is passage for q in found)


def test_without_questions_in_the_literature_the_brief_offers_its_own() -> None:
    from assistant.domain import Answer

    refused = Answer(answer="Nei.", grounded=False, standalone_question="x", mode="extractive")
    brief = build_brief([(topic("forvalter"), refused)], [], [], "en")
    assert [q.text for q in brief.questions] == discussion_templates(topic("forvalter"), "en")
    assert brief.sections[0].quotes == []
    assert "The literature does not cover this topic." in brief_markdown(brief)


def test_the_word_file_keeps_headings_quotes_lists_and_sources() -> None:
    markdown = "# Notat\n\n## Nøkkelsitater\n\n> «Et sitat.» [1]\n\n1. Et spørsmål?\n\n- Et verk\n"
    document = Document(io.BytesIO(markdown_docx(markdown)))
    styles = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    assert ("Title", "Notat") in styles
    assert ("Heading 1", "Nøkkelsitater") in styles
    assert ("Quote", "«Et sitat.» [1]") in styles
    assert ("List Bullet", "Et verk") in styles
    assert any(text == "1. Et spørsmål?" for _, text in styles)


# --- the page ---------------------------------------------------------------------------------


def test_the_page_builds_a_brief_that_downloads_as_word_with_its_quotes(
    page: Callable[..., AppTest], downloads: Callable[[AppTest, str], bytes]
) -> None:
    app = page("brief")
    app.multiselect(key="brief_roles").set_value(["brobygger"])
    app.multiselect(key="brief_themes").set_value(["samstyring"])
    app.button[0].click().run()
    assert not app.exception, app.exception
    markdown = app.text_area(key="brief_text").value
    assert markdown.startswith("# Verkstedsnotat: brobygger, samstyring")
    quotes = [
        line.split("«", 1)[1].rsplit("»", 1)[0]
        for line in markdown.splitlines()
        if line.startswith("> «")
    ]
    assert quotes
    word = docx_text(downloads(app, "download_docx"))
    assert all(quote in word for quote in quotes)
    assert "Kilder" in word and "Stene, Morten; Mørkved, Britt Paula (2019)" in word

    edited = markdown.replace(
        "## Spørsmål til diskusjon", "## Spørsmål til diskusjon\n\nVårt eget spørsmål?"
    )
    app.text_area(key="brief_text").set_value(edited).run()
    assert "Vårt eget spørsmål?" in docx_text(downloads(app, "download_docx"))
    assert downloads(app, "download_md").decode() == edited


def test_the_page_asks_for_a_choice_before_building(page: Callable[..., AppTest]) -> None:
    app = page("brief", language="en")
    app.button[0].click().run()
    assert app.warning and app.warning[0].value == "Choose at least one role or theme."
