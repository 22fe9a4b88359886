"""Source questions are answered from the citation graph: claims, the works they cite, and
whether each work's full text is in the library."""

from __future__ import annotations

from assistant.answering.claims import not_a_claim
from assistant.answering.extractive import Candidate
from assistant.answering.sources import (
    answer_source_question,
    named_works,
    sections_on,
    short_name,
)
from assistant.domain import (
    CatalogueEntry,
    Chunk,
    DocumentRecord,
    InTextCitation,
    Reference,
    Section,
)

HEADING = "2.1 I stor grad et holdningsspørsmål"
TEXT = (
    f"{HEADING}\n\n"
    "Kommunen må forstå entreprenørskapsrollen (Aasen & Amundsen, 2011). "
    "Det handler om å ville og tørre utvikling.\n\n"
    "2.2 Playmakeren\n\n"
    "Kommunen kan bli en playmaker (Holmen, 2016). "
    "Synonymer er nettverksentreprenør og mellomromsaktør.\n\n"
    "Fotnote 3: https://www.via.dk/playmaker"
)
PLAYMAKER_START = TEXT.index("2.2 Playmakeren")


def reference(rid: str, authors: list[str], year: str, title: str, catalogue: str) -> Reference:
    return Reference(
        id=rid, citing_doc_id="paper", authors=authors, year=year, title=title,
        raw=f"{authors[0]} ({year}). {title}.", catalogue_id=catalogue,
    )  # fmt: skip


def in_text(text: str, ref: str) -> InTextCitation:
    start = TEXT.index(text)
    return InTextCitation(
        citing_doc_id="paper", text=text, start=start, end=start + len(text), reference_ids=[ref]
    )


PAPER = DocumentRecord(
    entry=CatalogueEntry(id="paper", title="Notatet", authors=["Stene, M."], year=2019),
    file="paper.md",
    content_hash="x",
    text=TEXT,
    sections=[
        Section(path=[HEADING], start=0, end=PLAYMAKER_START),
        Section(path=["2.2 Playmakeren"], start=PLAYMAKER_START, end=len(TEXT)),
    ],
    references=[
        reference("aasen-2011", ["Aasen, T.", "Amundsen, O."], "2011", "Innovasjon", "aasen"),
        reference("holmen-2016", ["Holmen, A. K. T."], "2016", "Endrede styringsregimer", "holmen"),
    ],
    citations=[
        in_text("(Aasen & Amundsen, 2011)", "aasen-2011"),
        in_text("(Holmen, 2016)", "holmen-2016"),
    ],
)
HOLMEN = DocumentRecord(
    entry=CatalogueEntry(id="holmen", title="Endrede styringsregimer", year=2016),
    file="holmen.pdf",
    content_hash="y",
)
RECORDS = {"paper": PAPER}
WITH_HOLMEN = {"paper": PAPER, "holmen": HOLMEN}


def candidate(sentence: str, score: float) -> Candidate:
    start = TEXT.index(sentence)
    section = PAPER.section_at(start)
    assert section is not None
    chunk = Chunk(
        id=f"paper:{section.start}", doc_id="paper", text=TEXT[section.start : section.end],
        start=section.start, end=section.end, section_path=section.path, title="Notatet",
    )  # fmt: skip
    return Candidate(
        chunk, 0, start, start + len(sentence), sentence, score, 0.0, score,
        not_a_claim(sentence, section.path),
    )  # fmt: skip


PLAYMAKER = [
    candidate("Kommunen kan bli en playmaker (Holmen, 2016).", 0.88),
    candidate("Synonymer er nettverksentreprenør og mellomromsaktør.", 0.87),
    candidate("https://www.via.dk/playmaker", 0.80),
]


def test_the_claim_is_quoted_and_the_work_it_cites_is_named_with_its_library_status() -> None:
    text, cited = answer_source_question(
        "Which works discuss the playmaker role?", PLAYMAKER, RECORDS, "en", 0.08
    )
    assert cited[0][1].text == "Kommunen kan bli en playmaker (Holmen, 2016)."
    assert "Kommunen kan bli en playmaker (Holmen, 2016) [1]." in text
    assert "Sources: Holmen (2016), «Endrede styringsregimer», not in the library" in text
    # The section's footnote address is listed as a source of its own, quoted.
    assert "Web sources in the same section: https://www.via.dk/playmaker [" in text
    for marker, quoted in cited:
        assert TEXT[quoted.start : quoted.end] == quoted.text
        assert f"[{marker}]" in text


def test_an_indexed_work_gets_a_pointer_to_its_full_text() -> None:
    text, _ = answer_source_question(
        "Hvilken kilde viser notatet til om playmakeren?", PLAYMAKER, WITH_HOLMEN, "nb", 0.08
    )
    assert "Kilder: Holmen (2016), «Endrede styringsregimer», fulltekst i biblioteket (holmen)" in (
        text
    )


def test_a_work_named_in_the_question_is_found_in_the_bibliography() -> None:
    assert [w.reference.id for w in named_works("Is Holmen (2016) in the library?", RECORDS)] == [
        "holmen-2016"
    ]
    assert named_works("Er Holmen 2016 indeksert?", RECORDS)[0].reference.id == "holmen-2016"
    assert named_works("Is Holmen (2019) in the library?", RECORDS) == []
    text, _ = answer_source_question("Is Holmen (2016) in the library?", [], RECORDS, "en", 0.08)
    assert text == (
        "Holmen (2016), «Endrede styringsregimer», not in the library, only in the bibliography; "
        "is in the bibliography of Stene (2019)."
    )


def test_a_section_whose_heading_names_the_claim_answers_with_its_citations() -> None:
    question = "Hvilken kilde viser notatet til for påstanden om at dette er et holdningsspørsmål?"
    assert [s.path for _, s in sections_on(question, RECORDS)] == [[HEADING]]
    # Nothing from that section was retrieved: the citation graph still answers.
    text, cited = answer_source_question(question, PLAYMAKER, RECORDS, "nb", 0.08)
    assert text == (
        f"Avsnittet «{HEADING}» viser til: Aasen og Amundsen (2011), «Innovasjon», "
        "ikke i biblioteket, bare i litteraturlisten."
    )
    assert cited == []
    # When its citing sentence was retrieved, it is quoted.
    claim = candidate("Kommunen må forstå entreprenørskapsrollen (Aasen & Amundsen, 2011).", 0.8)
    text, cited = answer_source_question(question, [*PLAYMAKER, claim], RECORDS, "nb", 0.08)
    assert [c.text for _, c in cited] == [claim.text]
    assert text.startswith(f"{claim.text[:-1]} [1]. Kilder: Aasen og Amundsen (2011)")


def test_short_names_follow_the_question_language() -> None:
    three = reference("s", ["Stene, M.", "Nortug, B.", "Sivertsen, H."], "2019", "T", "s")
    four = reference("l", ["Loga, J.", "Eimhjellen, I.", "Ingstad, E.", "Winsvold, M."], "2016",
                     "T", "l")  # fmt: skip
    assert short_name(three, "nb") == "Stene, Nortug og Sivertsen (2019)"
    assert short_name(three, "sv") == "Stene, Nortug och Sivertsen (2019)"
    assert short_name(four, "en") == "Loga et al. (2016)"
