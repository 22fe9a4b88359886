"""What the chat shows of an answer and its sources, as pure functions.

Document text reaches the page only through `text_html` (escaped, with the quote marked) or
`plain` (Markdown with every punctuation mark escaped): a document can carry neither a link
nor a script into the app.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from assistant.answering.citations import document_reference, place_in_document
from assistant.domain import Answer, Citation, Passage, Reference
from ui.i18n import Language, t

MARKER = re.compile(r"\[(\d+)\]")
_PUNCTUATION = frozenset(string.punctuation)


def plain(text: str) -> str:
    """Markdown that renders as exactly this text (every ASCII punctuation mark escaped)."""
    escaped = "".join(f"\\{c}" if c in _PUNCTUATION else c for c in text)
    return " ".join(escaped.split())


def text_html(text: str, highlight: tuple[int, int] | None = None) -> str:
    """A block of text as escaped HTML, the span `highlight` (offsets into `text`) marked."""
    if highlight is None:
        body = html.escape(text)
    else:
        start, end = max(0, highlight[0]), min(len(text), highlight[1])
        body = (
            html.escape(text[:start])
            + "<mark>"
            + html.escape(text[start:end])
            + "</mark>"
            + html.escape(text[end:])
        )
    return f'<div class="pa-text" style="white-space: pre-wrap; line-height: 1.5">{body}</div>'


def answer_html(answer: str, markers: Iterable[int]) -> str:
    """The answer text escaped, its citation markers shown as small badges."""
    known = {str(m) for m in markers}
    parts: list[str] = []
    last = 0
    for match in MARKER.finditer(answer):
        if match.group(1) not in known:
            continue
        parts.append(html.escape(answer[last : match.start()]))
        parts.append(f'<sup class="pa-marker"><b>[{match.group(1)}]</b></sup>')
        last = match.end()
    parts.append(html.escape(answer[last:]))
    return f'<div class="pa-answer" style="line-height: 1.6">{"".join(parts)}</div>'


def citation_label(citation: Citation, language: Language) -> str:
    """`[1] Stene & Mørkved (2019), s. 7 — 4 Muligheter` (plain text); a document without
    authors or year is named by its title with a note that they are not recorded."""
    who = document_reference(citation.authors, citation.year, citation.title, language, True)
    page = f", {t('page', language)} {citation.page}" if citation.page else ""
    section = f" — {citation.section}" if citation.section.strip() else ""
    return f"[{citation.marker}] {who}{page}{section}"


def citation_reference(citation: Citation, language: Language) -> str:
    """The full citation: authors, year, title, then section and page as far as known."""
    where = place_in_document(citation.section, citation.page, language)
    reference = document_reference(citation.authors, citation.year, citation.title, language)
    return f"{reference} {where}." if where else reference


def full_reference(authors: Sequence[str], year: object, title: str) -> str:
    """`Stene, Morten; Mørkved, Britt Paula (2019). Title.`"""
    when = year or "u.å."
    return f"{'; '.join(authors)} ({when}). {title}." if authors else f"{title} ({when})."


# --- a source in its document ------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """A quote's passage with the text around it, offsets relative to `passage`."""

    before: str
    passage: str
    after: str
    quote: tuple[int, int]
    index: int | None = None
    count: int = 0


def passage_of(citation: Citation, passages: Sequence[Passage]) -> Passage | None:
    """The retrieved passage a citation quotes from."""
    return next((p for p in passages if p.chunk_id == citation.chunk_id), None)


def context(
    text: str,
    citation: Citation,
    passage: Passage | None,
    chunk_ids: Sequence[str] = (),
    reach: int = 700,
) -> Context:
    """The quote's passage in the document's text, with up to `reach` characters each side.

    The neighbours are cut at paragraph or sentence boundaries so they read as text.
    """
    if passage is not None and passage.end > passage.start:
        start, end = passage.start, passage.end
    else:
        start, end = citation.start, citation.end
    start, end = min(start, citation.start), max(end, citation.end)
    before_start = _boundary_after(text, max(0, start - reach), start)
    after_end = _boundary_before(text, end, min(len(text), end + reach))
    index = chunk_ids.index(citation.chunk_id) + 1 if citation.chunk_id in chunk_ids else None
    return Context(
        before=text[before_start:start],
        passage=text[start:end],
        after=text[end:after_end],
        quote=(citation.start - start, citation.end - start),
        index=index,
        count=len(chunk_ids),
    )


def _boundary_after(text: str, lo: int, hi: int) -> int:
    """The first paragraph or sentence start in text[lo:hi], else lo."""
    if lo == 0:
        return 0
    for separator in ("\n\n", "\n", ". "):
        found = text.find(separator, lo, hi)
        if found != -1:
            return found + len(separator)
    return lo


def _boundary_before(text: str, lo: int, hi: int) -> int:
    """The last paragraph or sentence end in text[lo:hi], else hi."""
    if hi == len(text):
        return hi
    for separator in ("\n\n", "\n", ". "):
        found = text.rfind(separator, lo, hi)
        if found != -1:
            return found + (1 if separator == ". " else 0)
    return hi


@dataclass(frozen=True)
class CitedWork:
    """A bibliography entry a quote cites, and whether its full text is in the library."""

    reference_id: str
    text: str
    in_library: bool


def cited_works(citation: Citation, references: Sequence[Reference]) -> list[CitedWork]:
    """The bibliography entries the quote cites, in the order it cites them."""
    by_id = {r.id: r for r in references if r.citing_doc_id == citation.doc_id}
    works = []
    for reference_id in citation.cites:
        entry = by_id.get(reference_id)
        if entry is None:
            works.append(CitedWork(reference_id, reference_id, False))
        else:
            works.append(CitedWork(reference_id, entry.raw, entry.in_corpus))
    return works


# --- a conversation ----------------------------------------------------------------------


@dataclass
class Turn:
    """A question and what the service answered (or why it could not)."""

    question: str
    answer: Answer | None = None
    error: str | None = None
    notes: list[str] = field(default_factory=list)


def is_refusal(answer: Answer) -> bool:
    """The service said the literature does not cover the question."""
    return not answer.grounded


def conversation_markdown(
    turns: Sequence[Turn], references: Sequence[Reference], language: Language
) -> str:
    """The conversation as Markdown: every question, answer and source in full."""
    lines = [f"# {t('chat.title', language)}", ""]
    for number, turn in enumerate(turns, start=1):
        lines += [f"## {number}. {turn.question}", ""]
        answer = turn.answer
        if answer is None:
            lines += [f"*{turn.error or ''}*", ""]
            continue
        if answer.standalone_question.strip() != turn.question.strip():
            question = answer.standalone_question
            lines += [f"*{t('chat.standalone', language, question=question)}*", ""]
        lines += [answer.answer, ""]
        if answer.notice:
            lines += [f"*{t('chat.notice', language, notice=answer.notice)}*", ""]
        if answer.citations:
            lines += [f"### {t('chat.sources', language)}", ""]
            for c in answer.citations:
                lines.append(f"{c.marker}. {citation_reference(c, language)}")
                lines.append(f"   > «{c.quote}»")
                for work in cited_works(c, references):
                    status = t("in_library" if work.in_library else "not_in_library", language)
                    lines.append(f"   - {work.text} ({status})")
                lines.append("")
        elif answer.passages:
            lines += [f"### {t('chat.related', language)}", ""]
            for p in answer.passages:
                page = f", {t('page', language)} {p.page}" if p.page else ""
                lines.append(f"- {p.title}, {p.section}{page}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
