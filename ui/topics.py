"""The roles and themes the pages offer, and what the retrieved literature says of each.

Only names and the questions asked of the service live here: what a role means comes from the
indexed literature at run time, with its sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.domain import Answer, Passage, Reference
from ui.i18n import Language


@dataclass(frozen=True)
class Topic:
    """A role or a theme: its names and the bokmål question put to the service."""

    key: str
    names: dict[Language, str]
    query: str
    kind: str = "role"
    parent: str | None = None

    def name(self, language: Language) -> str:
        """The topic's name in a language."""
        return self.names[language]


def _role(key: str, english: str, parent: str | None = None) -> Topic:
    query = f"Hva innebærer det at kommunen er {key}?"
    return Topic(key, {"nb": key, "en": english}, query, "role", parent)


def _theme(key: str, english: str, query: str | None = None) -> Topic:
    return Topic(key, {"nb": key, "en": english}, query or key, "theme")


ROLES: tuple[Topic, ...] = (
    _role("forvalter", "administrator"),
    _role("tjenesteprodusent", "service provider"),
    _role("entreprenør", "entrepreneur"),
    _role("forhandler", "negotiator", parent="entreprenør"),
    _role("innovatør", "innovator", parent="entreprenør"),
    _role("brobygger", "bridge builder", parent="entreprenør"),
    _role("playmaker", "playmaker"),
)

THEMES: tuple[Topic, ...] = (
    _theme("samstyring", "co-governance"),
    _theme("samskaping", "co-creation"),
    _theme("Inn på tunet", "Inn på tunet (care farming)"),
    _theme("offentlige anskaffelser", "public procurement"),
    _theme("bærekraftig utvikling", "sustainable development"),
    _theme("innovasjon i kommunen", "innovation in the municipality"),
    _theme("holdninger til næringsutvikling", "attitudes to business development"),
)

_SUGGESTIONS: dict[Language, tuple[str, ...]] = {
    "nb": (
        "Hva kjennetegner kommunen som {name}?",
        "Hvilke utfordringer møter kommunen som {name}?",
        "Hvordan henger rollen som {name} sammen med samskaping?",
    ),
    "en": (
        "What characterises the municipality as {name}?",
        "What challenges does the municipality meet as {name}?",
        "How does the role of {name} relate to co-creation?",
    ),
}

_DISCUSSION: dict[Language, tuple[str, ...]] = {
    "nb": (
        "Hvordan kjenner dere igjen {name} i egen kommune?",
        "Hva skal til for at kommunen lykkes med {name}?",
        "Hvilke av sitatene om {name} er dere uenige i, og hvorfor?",
    ),
    "en": (
        "Where do you recognise {name} in your own municipality?",
        "What would it take for the municipality to succeed with {name}?",
        "Which of the quotes on {name} do you disagree with, and why?",
    ),
}


def topic(key: str) -> Topic:
    """A role or theme by its key."""
    for candidate in (*ROLES, *THEMES):
        if candidate.key == key:
            return candidate
    raise KeyError(key)


def custom_theme(text: str) -> Topic:
    """A theme the user typed."""
    cleaned = " ".join(text.split())
    return Topic(cleaned, {"nb": cleaned, "en": cleaned}, cleaned, "theme")


def sub_roles(parent: Topic) -> list[Topic]:
    """The roles within a role (forhandler, innovatør and brobygger within entreprenør)."""
    return [r for r in ROLES if r.parent == parent.key]


def suggested_questions(role: Topic, language: Language) -> list[str]:
    """Questions to take to the chat about a role."""
    return [q.format(name=role.name(language)) for q in _SUGGESTIONS[language]]


def discussion_templates(subject: Topic, language: Language) -> list[str]:
    """Discussion questions for a workshop when the literature has none of its own."""
    return [q.format(name=subject.name(language)) for q in _DISCUSSION[language]]


# --- what the literature says ------------------------------------------------------------


@dataclass(frozen=True)
class DocumentMention:
    """A document that discusses a topic, and in how many retrieved passages."""

    doc_id: str
    title: str
    year: int | None
    passages: int


@dataclass(frozen=True)
class Findings:
    """A topic's answer with its sources, the documents that discuss it, the works cited."""

    answer: Answer
    documents: list[DocumentMention]
    works: list[Reference]


def documents_discussing(passages: Sequence[Passage]) -> list[DocumentMention]:
    """The documents of the retrieved passages, the most often retrieved first."""
    counts: dict[str, int] = {}
    first: dict[str, Passage] = {}
    for p in passages:
        counts[p.doc_id] = counts.get(p.doc_id, 0) + 1
        first.setdefault(p.doc_id, p)
    ordered = sorted(counts, key=lambda d: (-counts[d], list(first).index(d)))
    return [
        DocumentMention(d, first[d].title, first[d].year, counts[d]) for d in ordered if counts[d]
    ]


def works_cited_about(
    answer: Answer, passages: Sequence[Passage], references: Sequence[Reference]
) -> list[Reference]:
    """Bibliography entries cited in the quotes, then those cited inside the passages found."""
    spans = [(p.doc_id, p.start, p.end) for p in passages if p.end > p.start]
    chosen: list[str] = [rid for c in answer.citations for rid in c.cites]
    for reference in references:
        for citation in getattr(reference, "citations", []):
            inside = any(
                doc == citation.citing_doc_id and start <= citation.start < end
                for doc, start, end in spans
            )
            if inside:
                chosen.append(reference.id)
    by_id = {r.id: r for r in references}
    seen: list[str] = []
    for reference_id in chosen:
        if reference_id in by_id and reference_id not in seen:
            seen.append(reference_id)
    return [by_id[r] for r in seen]


def findings(
    answer: Answer, passages: Sequence[Passage], references: Sequence[Reference]
) -> Findings:
    """What the literature says of a topic, from one answer and one search."""
    return Findings(
        answer=answer,
        documents=documents_discussing(passages),
        works=works_cited_about(answer, passages, references),
    )
