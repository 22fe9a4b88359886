"""Domain types shared by indexing, the answer service, the UI and the evaluator.

Offsets (``start``, ``end``) always index a document's *cleaned* text, the text the loader
returns and the chunks are cut from, so ``text[start:end]`` gives back a chunk or a quote.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

DocumentKind = Literal[
    "working paper", "report", "white paper", "article", "book", "chapter", "web page", "other"
]
RetrievalMode = Literal["hybrid", "dense", "bm25"]
AnswerMode = Literal["extractive", "llm"]
HiddenReason = Literal["invisible", "page colour", "tiny", "off the page"]
SECTION_SEPARATOR = " > "


def section_label(path: list[str]) -> str:
    """Join a section path for display: ``4 Muligheter > 4.1 Muligheter``."""
    return SECTION_SEPARATOR.join(path)


# --- corpus -------------------------------------------------------------------------------


class CatalogueEntry(BaseModel):
    """One work the product knows of: a corpus document, or a cited work without full text."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", description="Stable id, a slug.")
    title: str
    authors: list[str] = Field(default_factory=list)
    year: int | None = None
    publisher: str | None = None
    kind: DocumentKind = "report"
    language: str = Field("nb", description="ISO 639-1 code: nb, nn, sv, da, en, ...")
    file: str | None = Field(None, description="File in the corpus folder holding the full text.")
    url: str | None = Field(None, description="Where the work can be found.")
    cited_by: list[str] = Field(
        default_factory=list, description="Ids of corpus documents whose bibliography lists it."
    )
    notes: str | None = None


class Section(BaseModel):
    """A heading's span of a document's cleaned text."""

    path: list[str] = Field(description="Heading path from the top, e.g. ['4 ...', '4.1 ...'].")
    start: int
    end: int
    page: str | None = Field(None, description="Page label the section starts on, if known.")


class PageSpan(BaseModel):
    """Where one page of the original lies in the cleaned text."""

    label: str = Field(description="Printed page label (e.g. 'iv', '7'), else physical number.")
    start: int
    end: int


class HiddenText(BaseModel):
    """Text of a PDF that a reader cannot see, left out of the document's indexed text."""

    doc_id: str | None = Field(None, description="The document, once it is indexed.")
    page: str | None = Field(None, description="Label of the page it is on.")
    reason: HiddenReason = Field(
        description="'invisible' (render mode 3 or 7), 'page colour' (filled in the colour "
        "of the page behind it), 'tiny' (type below 1 pt) or 'off the page' (outside the "
        "page's visible box)."
    )
    text: str
    gives_orders: bool = Field(
        False, description="It addresses the reader or an assistant with orders."
    )


class LoadedDocument(BaseModel):
    """What a loader returns: cleaned text with its structure and pages."""

    text: str
    sections: list[Section] = Field(
        description="Cover the text in order, without overlaps; at least one."
    )
    pages: list[PageSpan] = Field(default_factory=list, description="Empty when unknown.")
    page_count: int | None = None
    title: str | None = Field(None, description="Title found in the file itself, if any.")
    authors: list[str] = Field(
        default_factory=list, description="Authors found in the file itself, if any."
    )
    year: int | None = Field(None, description="Publication year found in the file, if any.")
    language: str | None = Field(
        None, description="Language detected from the text: nb, nn, sv, en or da."
    )
    hidden: list[HiddenText] = Field(
        default_factory=list, description="Text a reader cannot see, left out of `text`."
    )


class Chunk(BaseModel):
    """A passage of a document, the unit of retrieval."""

    id: str
    doc_id: str
    text: str
    start: int
    end: int
    section_path: list[str]
    page_start: str | None = None
    page_end: str | None = None
    title: str
    authors: list[str] = Field(default_factory=list)
    year: int | None = None
    kind: DocumentKind = "report"
    language: str = "nb"
    sentences: tuple[int, int] = Field(
        (0, 0),
        description="The stored sentences inside it: number of the first and how many.",
    )

    @property
    def section(self) -> str:
        """Section path joined for display."""
        return section_label(self.section_path)


# --- the paper's own citations ------------------------------------------------------------


class Reference(BaseModel):
    """One bibliography entry of a corpus document."""

    id: str = Field(description="Stable id, e.g. 'stene-stickler-2018'.")
    citing_doc_id: str = Field(description="The corpus document whose bibliography lists it.")
    authors: list[str] = Field(description="Surnames with initials as printed.")
    year: str = Field(description="Year as printed, e.g. '2016' or '2016a'.")
    title: str
    venue: str | None = Field(None, description="Journal, book or series.")
    publisher: str | None = None
    doi: str | None = None
    url: str | None = None
    raw: str = Field(description="The entry as printed.")
    catalogue_id: str | None = Field(
        None, description="Catalogue entry of this work, when it is catalogued."
    )
    in_corpus: bool = Field(False, description="Its full text is in the corpus.")


class InTextCitation(BaseModel):
    """A citation in the running text, linked to bibliography entries."""

    citing_doc_id: str
    text: str = Field(description="The citation as it stands, e.g. '(Stene & Stickler, 2018)'.")
    start: int
    end: int
    reference_ids: list[str] = Field(default_factory=list)
    unresolved: list[str] = Field(
        default_factory=list, description="Parts that match no bibliography entry, with why."
    )
    section_path: list[str] = Field(default_factory=list)
    page: str | None = None


# --- the index's records -----------------------------------------------------------------


class PlantedInstruction(BaseModel):
    """A sentence of a document that addresses the reader or an assistant with orders."""

    doc_id: str
    start: int
    end: int
    text: str


class DocumentRecord(BaseModel):
    """What the index remembers about one document."""

    entry: CatalogueEntry
    file: str
    content_hash: str
    page_count: int | None = None
    pages: list[PageSpan] = Field(default_factory=list, description="Pages in the text.")
    sections: list[Section] = Field(default_factory=list)
    chunks: int = 0
    sentences: int = 0
    characters: int = 0
    text: str = Field("", description="Cleaned text; quotes are spans of it.")
    references: list[Reference] = Field(default_factory=list)
    citations: list[InTextCitation] = Field(default_factory=list)
    names: list[str] = Field(
        default_factory=list,
        description="Words the text capitalises inside sentences and never writes in lower "
        "case (places, people, organisations), as it spells them.",
    )
    instructions: list[PlantedInstruction] = Field(
        default_factory=list,
        description="Sentences that give the reader or an assistant orders; never quoted "
        "as an answer.",
    )
    hidden: list[HiddenText] = Field(
        default_factory=list,
        description="Text of the file a reader cannot see; left out of the text, so never quoted.",
    )

    def page_at(self, offset: int) -> str | None:
        """Label of the page an offset of the text lies on, if known."""
        for page in self.pages:
            if page.start <= offset < page.end:
                return page.label
        section = self.section_at(offset)
        return section.page if section else None

    def section_at(self, offset: int) -> Section | None:
        """The section an offset of the text lies in."""
        return next((s for s in self.sections if s.start <= offset < s.end), None)

    @property
    def page_labels(self) -> list[str]:
        """Labels of the pages, in order (section start pages when pages are unknown)."""
        if self.pages:
            return [page.label for page in self.pages]
        labels: list[str] = []
        for section in self.sections:
            if section.page and section.page not in labels:
                labels.append(section.page)
        return labels


class FailedFile(BaseModel):
    """A file that could not be indexed, and why."""

    file: str
    reason: str


class IndexSummary(BaseModel):
    """What an `index` run did."""

    documents: int = Field(0, description="Documents in the index after the run.")
    indexed: list[str] = Field(default_factory=list, description="Ids (re)indexed this run.")
    unchanged: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)
    failed: list[FailedFile] = Field(default_factory=list)
    pages: int = Field(0, description="Pages of the documents indexed this run.")
    chunks: int = Field(0, description="Chunks written this run.")
    characters: int = 0
    total_chunks: int = Field(0, description="Chunks in the index after the run.")
    seconds: float = 0.0
    generation: int = 0
    instructions: list[PlantedInstruction] = Field(
        default_factory=list,
        description="Sentences of the documents indexed this run that give orders to the "
        "reader or an assistant (kept out of answers).",
    )
    hidden: list[HiddenText] = Field(
        default_factory=list,
        description="Text of the documents indexed this run that a reader cannot see (left "
        "out of the index).",
    )

    @property
    def ok(self) -> bool:
        """True when no file failed."""
        return not self.failed


# --- retrieval and answers ----------------------------------------------------------------


class Source(BaseModel):
    """Where a passage or a quote comes from: its chunk, document, section and page."""

    chunk_id: str
    doc_id: str
    title: str
    authors: list[str] = Field(default_factory=list)
    year: int | None = None
    section: str
    page: str | None

    @staticmethod
    def fields_of(chunk: Chunk) -> dict[str, Any]:
        """The source fields of a chunk (its first page)."""
        return {
            "chunk_id": chunk.id,
            "doc_id": chunk.doc_id,
            "title": chunk.title,
            "authors": list(chunk.authors),
            "year": chunk.year,
            "section": chunk.section,
            "page": chunk.page_start,
        }


class Passage(Source):
    """A retrieved passage, as `/search` returns it."""

    rank: int
    page_end: str | None = None
    text: str
    score: float
    start: int = 0
    end: int = 0

    @classmethod
    def of(cls, chunk: Chunk, rank: int, score: float) -> Passage:
        """A chunk as a retrieved passage."""
        return cls(
            **cls.fields_of(chunk),
            rank=rank,
            page_end=chunk.page_end,
            text=chunk.text,
            score=score,
            start=chunk.start,
            end=chunk.end,
        )


class Citation(Source):
    """One numbered source of an answer: a literal quote with where it stands."""

    marker: int = Field(ge=1)
    quote: str = Field(description="A literal span of the source's cleaned text.")
    start: int = Field(description="Offset of the quote in the document's cleaned text.")
    end: int
    score: float
    cites: list[str] = Field(
        default_factory=list,
        description="Bibliography entries (reference ids) the quoted text itself cites.",
    )
    reference: str = Field(
        "",
        description="The document as the answer names it, in the answer's language: authors, "
        "year and title as far as they are recorded, and a plain note of what is not.",
    )


class FlaggedSentence(BaseModel):
    """An answer sentence its cited passages do not support."""

    sentence: str
    markers: list[int] = Field(default_factory=list)
    reason: str


SentenceStatus = Literal["supported", "unsupported", "uncited", "unchecked"]


class SentenceSupport(BaseModel):
    """One sentence of an answer and how far its sources back it."""

    text: str = Field(description="The sentence as the answer gives it, with its markers.")
    markers: list[int] = Field(default_factory=list, description="The citations it names.")
    status: SentenceStatus = Field(
        description="'supported': a quote, or the passages it cites share enough of its terms; "
        "'unsupported': they do not; 'uncited': a claim naming no source; 'unchecked': it "
        "makes no claim, or cites sources in a language its support cannot be judged in."
    )
    reason: str = Field(description="Why it has that status, in one line.")


class Answer(BaseModel):
    """An answer with its sources, as `/ask` and `/chat` return it."""

    answer: str
    grounded: bool
    citations: list[Citation] = Field(default_factory=list)
    passages: list[Passage] = Field(default_factory=list)
    standalone_question: str
    mode: Literal["extractive", "llm"]
    language: str = Field("nb", description="Language the answer is written in.")
    notice: str | None = Field(None, description="E.g. that the LLM failed and why.")
    flagged: list[FlaggedSentence] = Field(
        default_factory=list, description="The sentences that are unsupported or uncited."
    )
    sentences: list[SentenceSupport] = Field(
        default_factory=list,
        description="Every sentence of the answer with its support; empty for a refusal.",
    )
    support: float | None = Field(
        None, description="The evidence score the refusal decision compared with its threshold."
    )
    timings_ms: dict[str, float] = Field(default_factory=dict)


# --- requests ----------------------------------------------------------------------------


class SearchFilters(BaseModel):
    """Which passages a search may return."""

    model_config = ConfigDict(extra="forbid")

    doc_ids: list[str] | None = Field(
        None, min_length=1, description="Only these documents (leave out for all)."
    )
    year_from: int | None = Field(None, description="Only works from this year on.")
    year_to: int | None = Field(None, description="Only works up to this year.")
    kinds: list[str] | None = Field(
        None, min_length=1, description="Only these kinds (report, article...; leave out for all)."
    )

    def admits(self, chunk: Chunk) -> bool:
        """True when the chunk passes every filter."""
        if self.doc_ids is not None and chunk.doc_id not in self.doc_ids:
            return False
        if self.kinds is not None and chunk.kind not in self.kinds:
            return False
        if self.year_from is not None and (chunk.year is None or chunk.year < self.year_from):
            return False
        return not (self.year_to is not None and (chunk.year is None or chunk.year > self.year_to))

    def where(self) -> dict[str, Any] | None:
        """The same filters as a Chroma `where` clause."""
        clauses: list[dict[str, Any]] = []
        if self.doc_ids is not None:
            clauses.append({"doc_id": {"$in": self.doc_ids}})
        if self.kinds is not None:
            clauses.append({"kind": {"$in": self.kinds}})
        if self.year_from is not None:
            clauses.append({"year": {"$gte": self.year_from}})
        if self.year_to is not None:
            clauses.append({"year": {"$lte": self.year_to}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class Message(BaseModel):
    """One turn of a conversation."""

    role: Literal["user", "assistant"]
    content: str = Field(min_length=1)
