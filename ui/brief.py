"""Workshop briefs: key quotes by role or theme, their works, discussion questions.

Building a brief and writing it out (Markdown, Word) are pure functions; the page only fetches
the answers and passages they are built from.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.domain import Answer, Citation, Passage, Reference
from ui.i18n import Language, t
from ui.sources import citation_reference
from ui.topics import Topic, discussion_templates

QUESTION = re.compile(r"[^.!?\n]*\?")


@dataclass(frozen=True)
class Source:
    """A numbered source of the brief: one quote with where it stands."""

    number: int
    citation: Citation

    def describe(self, language: Language) -> str:
        """The full citation: authors, year, title, section and page as far as known."""
        return citation_reference(self.citation, language)


@dataclass(frozen=True)
class Question:
    """A discussion question, with its source when it comes from the literature."""

    text: str
    source: Passage | None = None


@dataclass
class BriefSection:
    """The quotes of one role or theme."""

    title: str
    quotes: list[Source] = field(default_factory=list)


@dataclass
class Brief:
    """A workshop brief, ready to write out."""

    title: str
    language: Language
    sections: list[BriefSection]
    questions: list[Question]
    works: list[tuple[Reference, bool]]
    sources: list[Source]


def paper_questions(passages: Sequence[Passage]) -> list[Question]:
    """The questions the literature itself asks in these passages."""
    found: list[Question] = []
    seen: set[str] = set()
    for passage in passages:
        for match in QUESTION.finditer(passage.text):
            text = " ".join(match.group(0).strip(" -–*•\t").split())
            key = text.casefold()
            if len(text.split()) >= 4 and key not in seen:
                seen.add(key)
                found.append(Question(text, passage))
    return found


def build_brief(
    topics: Sequence[tuple[Topic, Answer]],
    references: Sequence[Reference],
    question_passages: Sequence[Passage],
    language: Language,
    quotes_per_topic: int = 5,
) -> Brief:
    """A brief from one answer per topic, the bibliography and passages holding questions."""
    sources: dict[tuple[str, int, int], Source] = {}
    sections: list[BriefSection] = []
    cited: list[str] = []
    for subject, answer in topics:
        section = BriefSection(subject.name(language).capitalize())
        if answer.grounded:
            for citation in answer.citations[:quotes_per_topic]:
                key = (citation.doc_id, citation.start, citation.end)
                if key not in sources:
                    sources[key] = Source(len(sources) + 1, citation)
                section.quotes.append(sources[key])
                cited += [r for r in citation.cites if r not in cited]
        sections.append(section)

    questions = paper_questions(question_passages)
    if not questions:
        for subject, _ in topics:
            questions += [Question(q) for q in discussion_templates(subject, language)]
    by_id = {r.id: r for r in references}
    works = [(by_id[r], by_id[r].in_corpus) for r in cited if r in by_id]
    names = ", ".join(subject.name(language) for subject, _ in topics)
    return Brief(
        title=t("brief.heading", language, topics=names),
        language=language,
        sections=sections,
        questions=questions,
        works=works,
        sources=list(sources.values()),
    )


def brief_markdown(brief: Brief) -> str:
    """The brief as Markdown: quotes with source numbers, questions, works, the source list."""
    language = brief.language
    lines = [f"# {brief.title}", "", f"## {t('brief.quotes', language)}", ""]
    for section in brief.sections:
        lines += [f"### {section.title}", ""]
        if not section.quotes:
            lines += [t("brief.no_quotes", language), ""]
        for source in section.quotes:
            lines += [f"> «{source.citation.quote}» [{source.number}]", ""]
    lines += [f"## {t('brief.discussion', language)}", ""]
    for number, question in enumerate(brief.questions, start=1):
        origin = ""
        if question.source is not None:
            p = question.source
            page = f", {t('page', language)} {p.page}" if p.page else ""
            origin = f" ({t('brief.from_paper', language)}: {p.title}{page})"
        lines.append(f"{number}. {question.text}{origin}")
    lines.append("")
    if brief.works:
        lines += [f"## {t('brief.references', language)}", ""]
        for reference, in_library in brief.works:
            status = t("in_library" if in_library else "not_in_library", language)
            lines.append(f"- {reference.raw} ({status})")
        lines.append("")
    lines += [f"## {t('brief.sources', language)}", ""]
    for source in brief.sources:
        lines.append(f"{source.number}. {source.describe(language)}")
    return "\n".join(lines).rstrip() + "\n"


_NUMBERED = re.compile(r"^(\d+)\.\s+(.*)$")


def markdown_docx(markdown: str) -> bytes:
    """A Word document from a brief's Markdown (headings, quotes, lists, paragraphs).

    Takes the Markdown rather than the brief, so what the facilitator edited is what is saved.
    """
    from docx import Document
    from docx.shared import Pt

    document = Document()
    document.styles["Normal"].font.size = Pt(11)
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            document.add_paragraph(" ".join(paragraph))
            paragraph.clear()

    for raw in markdown.splitlines():
        line = raw.rstrip()
        heading = re.match(r"^(#{1,4})\s+(.*)$", line)
        numbered = _NUMBERED.match(line)
        if not line.strip():
            flush()
        elif heading:
            flush()
            document.add_heading(heading.group(2), level=min(len(heading.group(1)) - 1, 3))
        elif line.startswith(">"):
            flush()
            document.add_paragraph(line.lstrip("> ").strip(), style="Quote")
        elif line.startswith(("- ", "* ")):
            flush()
            document.add_paragraph(line[2:].strip(), style="List Bullet")
        elif numbered:
            flush()
            document.add_paragraph(f"{numbered.group(1)}. {numbered.group(2)}")
        else:
            paragraph.append(line.strip())
    flush()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
