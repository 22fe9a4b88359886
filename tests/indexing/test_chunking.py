"""Chunks stay inside their sections, slice back from the text, and keep their ids."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.domain import CatalogueEntry, LoadedDocument, PageSpan, Section
from indexing.chunking import chunk_document, chunk_id
from tests.strategies import capitalised, word, words

ENTRY = CatalogueEntry(id="doc", title="A document", authors=["Forfatter, A."], year=2019)

sentence = st.builds(
    str.__add__, words(capitalised(1, 9), word(1, 12), 14, least=2), st.sampled_from(".?!")
)
paragraph = st.lists(sentence, min_size=1, max_size=8).map(" ".join)
section_text = st.lists(paragraph, min_size=1, max_size=5).map("\n\n".join)


def build(sections: list[str]) -> LoadedDocument:
    text, spans, cursor = "", [], 0
    for number, body in enumerate(sections, start=1):
        heading = f"{number} Heading\n\n"
        text += heading + body + "\n\n"
        spans.append(
            Section(path=[f"{number} Heading"], start=cursor, end=len(text), page=str(number))
        )
        cursor = len(text)
    return LoadedDocument(text=text, sections=spans)


@settings(max_examples=60, deadline=None)
@given(st.lists(section_text, min_size=1, max_size=4), st.integers(100, 600))
def test_chunks_stay_in_their_section_and_slice_back(sections: list[str], size: int) -> None:
    document = build(sections)
    chunks = chunk_document(document, ENTRY, size=size, overlap=size // 5)
    assert chunks
    for chunk in chunks:
        assert document.text[chunk.start : chunk.end] == chunk.text
        owner = [s for s in document.sections if s.path == chunk.section_path]
        assert len(owner) == 1
        assert owner[0].start <= chunk.start < chunk.end <= owner[0].end
        assert chunk.page_start == owner[0].page


@settings(max_examples=30, deadline=None)
@given(st.lists(section_text, min_size=1, max_size=3))
def test_chunk_ids_are_stable_across_runs(sections: list[str]) -> None:
    document = build(sections)
    first = chunk_document(document, ENTRY, size=300, overlap=50)
    second = chunk_document(document.model_copy(deep=True), ENTRY, size=300, overlap=50)
    assert [c.id for c in first] == [c.id for c in second]
    assert len({c.id for c in first}) == len(first)


@settings(max_examples=30, deadline=None)
@given(section_text)
def test_every_sentence_of_a_section_reaches_some_chunk(body: str) -> None:
    document = build([body])
    chunks = chunk_document(document, ENTRY, size=200, overlap=40)
    covered = " ".join(chunk.text for chunk in chunks)
    for token in body.split():
        assert token in covered


def test_chunks_split_at_sentence_ends_when_they_can() -> None:
    body = " ".join(f"Setning nummer {n} handler om kommunen og næringslivet." for n in range(40))
    chunks = chunk_document(build([body]), ENTRY, size=300, overlap=60)
    assert len(chunks) > 3
    assert all(chunk.text.endswith(".") for chunk in chunks)


def test_bibliography_is_not_chunked() -> None:
    text = "Kommunen er en playmaker.\n\nAasen, T. (2011). Innovasjon. Oslo: Gyldendal.\n"
    split = text.index("Aasen")
    document = LoadedDocument(
        text=text,
        sections=[
            Section(path=["1 Innledning"], start=0, end=split),
            Section(path=["Litteraturliste"], start=split, end=len(text)),
        ],
    )
    chunks = chunk_document(document, ENTRY, size=500, overlap=50)
    assert [c.section_path for c in chunks] == [["1 Innledning"]]


def test_pages_come_from_page_spans_when_known() -> None:
    text = "Første side har tekst.\n\nAndre side har også tekst."
    middle = text.index("Andre")
    document = LoadedDocument(
        text=text,
        sections=[Section(path=["Kapittel"], start=0, end=len(text), page="1")],
        pages=[
            PageSpan(label="iv", start=0, end=middle),
            PageSpan(label="v", start=middle, end=len(text)),
        ],
    )
    [chunk] = chunk_document(document, ENTRY, size=500, overlap=50)
    assert (chunk.page_start, chunk.page_end) == ("iv", "v")


def test_chunk_id_depends_on_document_and_content() -> None:
    assert chunk_id("a", ["1"], "tekst") == chunk_id("a", ["1"], "tekst")
    assert chunk_id("a", ["1"], "tekst") != chunk_id("b", ["1"], "tekst")
    assert chunk_id("a", ["1"], "tekst") != chunk_id("a", ["1"], "tekst.")


def test_a_heading_alone_is_dropped_but_a_short_line_of_content_is_kept() -> None:
    heading = "3.1 Endringer i velferdspolitikken"
    body = "Velferdsordningen i Norge er i rask endring. " * 12
    note = "Fotnote 2: https://www.forskningsradet.no/velferd"
    text = f"{heading}\n\n{body.strip()}\n\n{note}"
    document = LoadedDocument(
        text=text, sections=[Section(path=["3 Samfunnsdrivere", heading], start=0, end=len(text))]
    )
    texts = [c.text for c in chunk_document(document, ENTRY, size=300, overlap=0)]
    assert heading not in texts
    assert any(note in t for t in texts), "a short line that is not a heading stays searchable"


def test_a_chapter_that_opens_straight_with_its_first_section_gives_no_chunk_of_its_own() -> None:
    chapter = "1 The municipality's roles"
    section = "1.1 Six roles"
    body = "The plan describes six roles for the municipality in business development."
    text = f"{chapter}\n\n{section}\n\n{body}"
    split = len(chapter) + 2
    document = LoadedDocument(
        text=text,
        sections=[
            Section(path=[chapter], start=0, end=split),
            Section(path=[chapter, section], start=split, end=len(text)),
        ],
    )
    chunks = chunk_document(document, ENTRY, size=700, overlap=100)
    assert [c.section_path for c in chunks] == [[chapter, section]]
    assert body in chunks[0].text
