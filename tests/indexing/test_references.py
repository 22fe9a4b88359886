"""The paper's bibliography parses whole, and every in-text citation links to its entry.

The expectations below are written from reading the working paper, not from the code's output.
"""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.domain import CatalogueEntry, InTextCitation, Reference
from indexing.catalogue import Catalogue, load_catalogue, slugify
from indexing.chunking import is_bibliography
from indexing.loaders import load_document
from indexing.references import (
    count_citations,
    find_citations,
    link_references,
    parse_bibliography,
    split_bibliography,
)
from indexing.references.linking import catalogue_entry
from tests.helpers import CORPUS, PAPER_ID

PAPER_FILE = "stene-morkved-2019-kommunen-sin-framtidige-naeringsutviklingsrolle.md"
PAPER = (CORPUS / PAPER_FILE).read_text(encoding="utf-8")

# (id, first author as printed, year) of every entry of LITTERATURLISTE, in the printed order.
BIBLIOGRAPHY = [
    ("aasen-amundsen-2011", "Aasen, T. M. B.", "2011"),
    ("andersen-etal-2018", "Andersen, L. L.", "2018"),
    ("carayannis-campbell-2009", "Carayannis, E. G.", "2009"),
    ("carlsson-sletterod-2010", "Carlsson, E.", "2010"),
    ("dembek-etal-2016", "Dembek, K.", "2016"),
    ("ekman-etal-2017", "Ekman, L.", "2017"),
    ("gausdal-2008", "Gausdal, A. H.", "2008"),
    ("guriby-2016", "Guriby, E.", "2016"),
    ("heringa-etal-2013", "Heringa, P. W.", "2013"),
    ("holmen-2016", "Holmen, A. K. T.", "2016"),
    ("illeris-2015", "Illeris, K.", "2015"),
    ("loga-2018", "Loga, J.", "2018"),
    ("loga-etal-2016", "Loga, J.", "2016"),
    ("lusch-vargo-2014", "Lusch, R. F.", "2014"),
    ("meld-st-29-2016-2017", "Meld. St. 29 (2016–2017)", "2016"),
    ("nilsen-2019", "Nilsen, B. T.", "2019"),
    ("nou-2011-11", "NOU2011:11", "2011"),
    ("porter-kramer-2011", "Porter, M. E.", "2011"),
    ("roiseland-vabo-2016", "Røiseland, A.", "2016"),
    ("simila-2006", "Similä, J. O.", "2006"),
    ("sletterod-carlsson-2014", "Sletterød, N. A.", "2014"),
    ("stene-2013", "Stene, M.", "2013"),
    ("stene-2015", "Stene, M.", "2015"),
    ("stene-etal-2019", "Stene, M.", "2019"),
    ("stene-stickler-2018", "Stene, M.", "2018"),
    ("sorensen-2006", "Sørensen, E.", "2006"),
    ("wekre-jensen-2018", "Wekre, T.", "2018"),
    ("wenger-nake-2004", "Wenger, E.", "2004"),
]

# Every citation of the paper's body that names a bibliography entry, in reading order.
LINKED = [
    ("(Wekre & Jensen, 2018)", ["wekre-jensen-2018"]),
    ("(Stene & Stickler, 2018)", ["stene-stickler-2018"]),
    ("(Illeris, 2015; Wenger & Nake, 2004)", ["illeris-2015", "wenger-nake-2004"]),
    ("(Stene & Stickler, 2018)", ["stene-stickler-2018"]),
    ("(Aasen & Amundsen, 2011)", ["aasen-amundsen-2011"]),
    ("(Stene, Nortug, & Sivertsen, 2019)", ["stene-etal-2019"]),
    ("(Stene, 2013)", ["stene-2013"]),
    ("(Meld. St. 29 (2016–2017), 2016)", ["meld-st-29-2016-2017"]),
    ("(Jill Loga, 2018)", ["loga-2018"]),
    ("NOU2011:11 (2011)", ["nou-2011-11"]),
    ("(Jill Loga, 2018)", ["loga-2018"]),
    ("(J Loga et al., 2016)", ["loga-etal-2016"]),
    ("(Stene, 2015)", ["stene-2015"]),
    ("(Guriiby, 2016)", ["guriby-2016"]),
    ("Aasen and Amundsen (2011)", ["aasen-amundsen-2011"]),
    ("Andersen et al. (2018)", ["andersen-etal-2018"]),
    ("Gausdal (2008)", ["gausdal-2008"]),
    ("(Røiseland & Vabo, 2016)", ["roiseland-vabo-2016"]),
    ("(Carayannis & Campbell, 2009)", ["carayannis-campbell-2009"]),
    ("(Lusch & Vargo, 2014)", ["lusch-vargo-2014"]),
    (
        "(Carlsson & Sletterød, 2010; Sletterød & Carlsson, 2014)",
        ["carlsson-sletterod-2010", "sletterod-carlsson-2014"],
    ),
    ("(Ekmann, Sivertsen, Stene, & Lysø, 2017)", ["ekman-etal-2017"]),
    ("(Stene & Stickler, 2018)", ["stene-stickler-2018"]),
    ("(Lusch & Vargo, 2014)", ["lusch-vargo-2014"]),
    (
        "(Dembek, Singh, & Bhakoo, 2016; Porter & Kramer, 2011)",
        ["dembek-etal-2016", "porter-kramer-2011"],
    ),
    ("(Guriby, 2016)", ["guriby-2016"]),
    ("(Nilsen, 2019)", ["nilsen-2019"]),
    ("(Heringa, van der Heide, & Heijman, 2013)", ["heringa-etal-2013"]),
    ("(Stene, 2013)", ["stene-2013"]),
    ("(Wekre & Jensen, 2018)", ["wekre-jensen-2018"]),
    ("(Holmen, 2016)", ["holmen-2016"]),
    ("(Similä, 2006)", ["simila-2006"]),
    ("(Røiseland & Vabo, 2016)", ["roiseland-vabo-2016"]),
    ("(Røiseland & Vabo, 2016)", ["roiseland-vabo-2016"]),
    ("(Sørensen, 2006)", ["sorensen-2006"]),
    ("(Holmen, 2016)", ["holmen-2016"]),
]

# Citations of works the bibliography does not list: found, linked to nothing, explained.
UNRESOLVED = {
    "(Kobro, 2017)": [
        "no bibliography entry by Kobro from 2017",
        "co-author of andersen-etal-2018",
    ],
    "Stortingsmelding nr. 25 (2005-2006)": ["not in the bibliography"],
}

# How often the body cites each entry: the counts of LINKED, tallied by hand.
COUNTS = {
    "aasen-amundsen-2011": 2,
    "andersen-etal-2018": 1,
    "carayannis-campbell-2009": 1,
    "carlsson-sletterod-2010": 1,
    "dembek-etal-2016": 1,
    "ekman-etal-2017": 1,
    "gausdal-2008": 1,
    "guriby-2016": 2,
    "heringa-etal-2013": 1,
    "holmen-2016": 2,
    "illeris-2015": 1,
    "loga-2018": 2,
    "loga-etal-2016": 1,
    "lusch-vargo-2014": 2,
    "meld-st-29-2016-2017": 1,
    "nilsen-2019": 1,
    "nou-2011-11": 1,
    "porter-kramer-2011": 1,
    "roiseland-vabo-2016": 3,
    "simila-2006": 1,
    "sletterod-carlsson-2014": 1,
    "stene-2013": 2,
    "stene-2015": 1,
    "stene-etal-2019": 1,
    "stene-stickler-2018": 3,
    "sorensen-2006": 1,
    "wekre-jensen-2018": 2,
    "wenger-nake-2004": 1,
}

# Parentheses and years of the running text that are not citations.
NOT_CITATIONS = [
    "(kommune 3.0, samskaping)",
    "(operator og operande ressurser)",
    "(samstyring)",
    "(governance)",
    "(ReSeNS)",
    "(kvadrupel helix-tenking)",
    "(entreprenørskapsrollen)",
    "(hva nå det er)",
    "i 2023",
    "fram mot 2030",
    "2016 til 2018",
    "den 12. mars 2019",
    "30 november 2017",
]


def references_of(text: str) -> list[Reference]:
    return parse_bibliography(text[split_bibliography(text)[0] :], PAPER_ID)


@pytest.fixture(scope="module")
def references() -> list[Reference]:
    return references_of(PAPER)


@pytest.fixture(scope="module")
def citations(references: list[Reference]) -> list[InTextCitation]:
    return find_citations(PAPER, references, PAPER_ID)


def without_markup(text: str) -> str:
    return re.sub(r"<sup>\d+</sup>", "", text).replace("*", "")


def fields(references: list[Reference]) -> list[tuple[object, ...]]:
    return [tuple(r.model_dump().values()) for r in references]


# --- where the bibliography is --------------------------------------------------------------


def test_the_bibliography_starts_at_its_heading_not_at_the_contents_line() -> None:
    body_end, bib_start = split_bibliography(PAPER)
    assert PAPER[body_end:bib_start] == "## LITTERATURLISTE"
    assert PAPER.index("LITTERATURLISTE\t12") < body_end
    assert PAPER[bib_start:].lstrip().startswith("- Aasen, T. M. B.")


@pytest.mark.parametrize(
    "heading", ["Referanser", "## References", "**Källor**", "7. Litteratur", "Litteratur:"]
)
def test_other_bibliography_headings_are_found(heading: str) -> None:
    text = f"Brødtekst (Hansen, 2010).\n\n{heading}\n\nHansen, A. (2010). Tittel. Oslo: Forlag.\n"
    body_end, bib_start = split_bibliography(text)
    assert text[body_end:bib_start].strip() == heading


def test_without_a_heading_the_whole_text_is_body() -> None:
    text = "Ingen litteraturliste her, bare litteratur nevnt i en setning."
    assert split_bibliography(text) == (len(text), len(text))


@pytest.mark.parametrize("heading", ["Kjelder", "Referansar", "Reference list", "6. Källor"])
def test_every_bibliography_heading_is_kept_out_of_chunks_and_parsed(heading: str) -> None:
    from assistant.domain import CatalogueEntry
    from indexing.chunking import chunk_document
    from indexing.loaders import parse_markdown

    entry = "Hansen, A. (2010). Kommunen som brobygger. Oslo: Forlag."
    document = parse_markdown(
        f"# 1 Innledning\n\nKommunen er brobygger (Hansen, 2010).\n\n# {heading}\n\n{entry}\n"
    )
    chunks = chunk_document(document, CatalogueEntry(id="doc", title="Doc"), 700, 100)
    assert chunks and all("Forlag" not in chunk.text for chunk in chunks)
    bibliography = [s for s in document.sections if is_bibliography(s)]
    assert len(bibliography) == 1
    text = document.text[bibliography[0].start : bibliography[0].end]
    assert [r.year for r in parse_bibliography(text, "doc")] == ["2010"]


# --- the bibliography ---------------------------------------------------------------------


def test_all_28_entries_parse_with_first_author_and_year(references: list[Reference]) -> None:
    assert [(r.id, r.authors[0], r.year) for r in references] == BIBLIOGRAPHY
    assert {r.citing_doc_id for r in references} == {PAPER_ID}


@pytest.mark.parametrize(
    ("reference_id", "expected"),
    [
        (
            "aasen-amundsen-2011",
            {
                "authors": ["Aasen, T. M. B.", "Amundsen, O."],
                "title": "Innovasjon som kollektiv prestasjon",
                "publisher": "Gyldendal akademisk",
            },
        ),
        (
            "andersen-etal-2018",
            {
                "authors": [
                    "Andersen, L. L.",
                    "Espersen, H. H.",
                    "Kobro, L. U.",
                    "Kristensen, K.",
                    "Skar, C.",
                    "Iversen, H.",
                ],
                "title": "Demokratisk innovasjon. Teorier og modeller for samskapende sosial "
                "innovasjon i norske kommuner",
                "publisher": "Høgskolen i Sørøst-Norge",
            },
        ),
        (
            "carayannis-campbell-2009",
            {"venue": "Int. J. Technology Management", "publisher": None, "doi": None},
        ),
        (
            "carlsson-sletterod-2010",
            {
                "title": "En utforskende teoretisering av virkemiddelet nettverksektreprenør i "
                "VRI-Trøndelag",
                "venue": "Forskning Trøndelag 2010",
                "publisher": "Tapir Akademisk Forlag",
            },
        ),
        (
            "dembek-etal-2016",
            {
                "title": "Literature Review of Shared Value: A Theoretical Concept or a "
                "Management Buzzword?",
                "venue": "Journal of Business Ethics",
                "doi": "10.1007/s10551-015-2554-z",
            },
        ),
        (
            "ekman-etal-2017",
            {
                "authors": ["Ekman, L.", "Sivertsen, H.", "Stene, M.", "Lysø, R."],
                "title": "Samarbeid for barn og unges oppvekstmiljø. Erfaringer fra samarbeid "
                "mellom kommune og frivillighet i Steinkjer kommune",
                "venue": "TFoU-rapport 2017:7",
                "publisher": None,
            },
        ),
        (
            "heringa-etal-2013",
            {
                "authors": ["Heringa, P. W.", "van der Heide, C. M.", "Heijman, W. J. M."],
                "venue": "NJAS - Wageningen Journal of Life Sciences",
                "doi": "10.1016/j.njas.2013.03.002",
                "url": "http://www.sciencedirect.com/science/article/pii/S1573521413000043",
            },
        ),
        ("holmen-2016", {"title": "Endrede styringsregimer = endring i lederroller"}),
        ("illeris-2015", {"title": "Læring", "publisher": "Samfundslitteratur"}),
        (
            "loga-2018",
            {
                "venue": "Norsk sosiologisk tidsskrift",
                "doi": "10.18261/issn.2535-2512-2018-01-05",
            },
        ),
        (
            "loga-etal-2016",
            {
                "title": "Sosiale entreprenører – partnerskap for nye løsninger",
                "venue": "rapport1-2016",
            },
        ),
        (
            "meld-st-29-2016-2017",
            {
                "authors": ["Meld. St. 29 (2016–2017)"],
                "title": "Perspektivmeldingen 2017",
                "publisher": "Finansdepartementet",
            },
        ),
        (
            "nou-2011-11",
            {
                "authors": ["NOU2011:11"],
                "title": "Innovasjon i omsorg",
                "publisher": "Helse- og omsorgsdepartementet",
            },
        ),
        (
            "porter-kramer-2011",
            {"title": "Creating Share Value", "venue": "Harvard Business Review"},
        ),
        ("roiseland-vabo-2016", {"publisher": "Fagbokforl."}),
        ("stene-2015", {"title": "Inn på tunet – status, utfordringer og muligheter"}),
        ("sorensen-2006", {"title": "Metagovernance", "doi": "10.1177/0275074005282584"}),
        (
            "wekre-jensen-2018",
            {
                "title": "Hvordan rigge seg for å bli best på næringsutvikling?",
                "publisher": "Distriktsenteret",
            },
        ),
    ],
)
def test_entries_parse_into_their_parts(
    references: list[Reference], reference_id: str, expected: dict[str, object]
) -> None:
    [reference] = [r for r in references if r.id == reference_id]
    assert {name: getattr(reference, name) for name in expected} == expected


def test_raw_is_the_printed_entry_without_markdown(references: list[Reference]) -> None:
    assert references[0].raw == (
        "Aasen, T. M. B., & Amundsen, O. (2011). Innovasjon som kollektiv prestasjon. "
        "Oslo: Gyldendal akademisk."
    )


def bibliography_lines() -> list[str]:
    return [
        line[2:] for line in PAPER[split_bibliography(PAPER)[1] :].splitlines() if line[:2] == "- "
    ]


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda: "\n".join(bibliography_lines()), id="no bullets"),
        pytest.param(lambda: without_markup("\n".join(bibliography_lines())), id="no markdown"),
        pytest.param(
            lambda: "\n\n".join(
                textwrap.fill(line, 60, break_on_hyphens=False, break_long_words=False)
                for line in bibliography_lines()
            ),
            id="wrapped paragraphs",
        ),
        pytest.param(
            lambda: "\n".join(
                textwrap.fill(without_markup(line), 70, break_on_hyphens=False)
                for line in bibliography_lines()
            ),
            id="wrapped lines, no blank lines",
        ),
    ],
)
def test_the_layout_of_the_bibliography_does_not_change_the_entries(
    references: list[Reference], variant: object
) -> None:
    assert callable(variant)
    assert fields(parse_bibliography(variant(), PAPER_ID)) == fields(references)


def test_parsing_is_stable_across_runs(references: list[Reference]) -> None:
    assert fields(references_of(PAPER)) == fields(references)


def test_same_author_and_year_get_letters_in_printed_order() -> None:
    text = (
        "- Stene, M. (2013). Første. Steinkjer: TFoU.\n"
        "- Stene, M. (2013). Andre. Steinkjer: TFoU.\n"
        "- Stene, M. (2014a). Tredje. Steinkjer: TFoU.\n"
    )
    assert [r.id for r in parse_bibliography(text, "x")] == [
        "stene-2013a",
        "stene-2013b",
        "stene-2014a",
    ]


def test_lines_that_are_not_entries_are_skipped() -> None:
    text = "## Referanser\n\n12\n\n---\n\nHansen, A. (2010). Tittel. Oslo: Forlag.\n"
    [reference] = parse_bibliography(text, "x")
    assert (reference.id, reference.title, reference.publisher) == (
        "hansen-2010",
        "Tittel",
        "Forlag",
    )


# --- in-text citations --------------------------------------------------------------------


def test_every_citation_in_the_paper_is_linked(citations: list[InTextCitation]) -> None:
    linked = [(c.text, c.reference_ids) for c in citations if c.reference_ids]
    assert linked == LINKED
    assert all(not c.unresolved for c in citations if c.reference_ids)


def test_citations_of_works_missing_from_the_bibliography_say_why(
    citations: list[InTextCitation],
) -> None:
    unresolved = {c.text: c.unresolved for c in citations if not c.reference_ids}
    assert set(unresolved) == set(UNRESOLVED)
    for text, needles in UNRESOLVED.items():
        [why] = unresolved[text]
        assert all(needle in why for needle in needles), why


def test_misspelt_surnames_are_linked(citations: list[InTextCitation]) -> None:
    by_text = {c.text: c.reference_ids for c in citations}
    assert by_text["(Guriiby, 2016)"] == ["guriby-2016"]
    assert by_text["(Ekmann, Sivertsen, Stene, & Lysø, 2017)"] == ["ekman-etal-2017"]


def test_offsets_index_the_text(citations: list[InTextCitation]) -> None:
    for citation in citations:
        assert PAPER[citation.start : citation.end] == citation.text
        assert citation.citing_doc_id == PAPER_ID
    assert [c.start for c in citations] == sorted(c.start for c in citations)


def test_nothing_in_the_bibliography_is_taken_for_a_citation(
    citations: list[InTextCitation],
) -> None:
    body_end, _ = split_bibliography(PAPER)
    assert all(citation.end <= body_end for citation in citations)


def test_no_false_citations(citations: list[InTextCitation]) -> None:
    assert len(citations) == len(LINKED) + len(UNRESOLVED)
    for phrase in NOT_CITATIONS:
        start = PAPER.index(phrase)
        end = start + len(phrase)
        assert not any(c.start < end and start < c.end for c in citations), phrase
    texts = [c.text for c in citations]
    assert "(2016–2017)" not in texts and "Meld. St. 29 (2016–2017)" not in texts
    assert not any(text.startswith("(for eksempel") for text in texts)
    assert not any(text.startswith("(Et eksempel") for text in texts)


def test_footnote_markers_and_emphasis_change_nothing(citations: list[InTextCitation]) -> None:
    plain = without_markup(PAPER)
    found = find_citations(plain, references_of(plain), PAPER_ID)
    assert [(c.text, c.reference_ids, c.unresolved) for c in found] == [
        (c.text, c.reference_ids, c.unresolved) for c in citations
    ]


def test_the_loaders_cleaned_text_gives_the_same_citations(
    citations: list[InTextCitation],
) -> None:
    document = load_document(CORPUS / PAPER_FILE)
    bibliography = "\n".join(
        document.text[s.start : s.end] for s in document.sections if is_bibliography(s)
    )
    cleaned_references = parse_bibliography(bibliography, PAPER_ID)
    assert [(r.id, r.authors[0], r.year) for r in cleaned_references] == BIBLIOGRAPHY
    found = find_citations(document.text, cleaned_references, PAPER_ID)
    assert [(c.text, c.reference_ids) for c in found] == [
        (c.text.replace("*", ""), c.reference_ids) for c in citations
    ]
    assert all(document.text[c.start : c.end] == c.text for c in found)


def test_citations_are_counted_per_entry(
    citations: list[InTextCitation], references: list[Reference]
) -> None:
    assert count_citations(citations, references) == COUNTS
    assert count_citations(citations) == COUNTS  # every entry is cited at least once
    assert sum(COUNTS.values()) == 39


def test_an_uncited_entry_counts_zero() -> None:
    references = parse_bibliography(
        "Hansen, A. (2010). En. Oslo: F.\nBerg, B. (2011). To. Oslo: F.\n", "x"
    )
    cited = find_citations("Som vist (Hansen, 2010).", references, "x")
    assert count_citations(cited, references) == {"hansen-2010": 1, "berg-2011": 0}


# --- linking rules --------------------------------------------------------------------------

NEAR_NAMES = parse_bibliography(
    "Hansen, A. (2010). En. Oslo: F.\n"
    "Hanssen, B. (2010). To. Oslo: F.\n"
    "Loga, J. (2018). Tre. Oslo: F.\n"
    "Stene, M., & Berg, K. (2019). Fire. Oslo: F.\n"
    "Stene, M., Nortug, B., & Sivertsen, H. (2019). Fem. Oslo: F.\n",
    "x",
)


@pytest.mark.parametrize(
    ("citation", "expected"),
    [
        ("(Hansen, 2010)", ["hansen-2010"]),
        ("(Hanssen, 2010)", ["hanssen-2010"]),
        ("(Hanseen, 2010)", []),  # one letter from both: it could be either, so neither
        ("(Lora, 2018)", []),  # too short to forgive a wrong letter
        ("(Hansen, 2011)", []),
        ("(Stene & Berg, 2019)", ["stene-berg-2019"]),
        ("(Stene et al., 2019)", ["stene-etal-2019"]),
        ("(Stene, Nortug, & Sivertsen, 2019)", ["stene-etal-2019"]),
        ("(Stene, 2019)", []),  # two Stene works of 2019, neither by Stene alone
        ("(Berg & Stene, 2019)", []),  # Berg is not the first author of any work
        ("(se Hansen, 2010; Loga, 2018, s. 12)", ["hansen-2010", "loga-2018"]),
        ("(Hansen 2010)", ["hansen-2010"]),
        ("Hanssen (2010)", ["hanssen-2010"]),
        ("Stene og Berg (2019)", ["stene-berg-2019"]),
    ],
)
def test_a_citation_links_to_one_work_or_none(citation: str, expected: list[str]) -> None:
    [found] = find_citations(f"Dette er vist {citation}.", NEAR_NAMES, "x")
    assert found.reference_ids == expected
    assert bool(found.unresolved) == (not expected)


@pytest.mark.parametrize("citation", ["(Stene, 2013, 2015)", "Stene (2013, 2015)"])
def test_one_name_with_several_years_cites_each_work(
    references: list[Reference], citation: str
) -> None:
    [found] = find_citations(f"Som vist {citation}.", references, PAPER_ID)
    assert (found.text, found.reference_ids) == (citation, ["stene-2013", "stene-2015"])


def test_unlinked_loose_forms_are_not_reported() -> None:
    text = "I Steinkjer (2019) og Bodø (2020) skjedde det mye (Oslo 2018)."
    assert find_citations(text, NEAR_NAMES, "x") == []


def test_a_citation_in_the_bibliography_part_is_ignored() -> None:
    text = "Brødtekst (Hansen, 2010).\n\n## Referanser\n\nHansen, A. (2010). Se (Loga, 2018).\n"
    assert [c.text for c in find_citations(text, NEAR_NAMES, "x")] == ["(Hansen, 2010)"]


# --- the catalogue --------------------------------------------------------------------------


def test_the_catalogue_agrees_with_the_printed_bibliography(references: list[Reference]) -> None:
    catalogue = load_catalogue(CORPUS / "catalogue.yaml")
    for reference in references:
        entry = catalogue.get(reference.id)
        assert entry is not None, reference.id
        assert entry.year == int(reference.year), reference.id
        if not reference.authors[0].startswith(("Meld. St.", "NOU")):
            assert entry.authors == reference.authors, reference.id


def test_references_link_to_their_catalogue_entries(references: list[Reference]) -> None:
    linked = link_references(references, load_catalogue(CORPUS / "catalogue.yaml"))
    assert [r.catalogue_id for r in linked] == [r.id for r in references]
    assert not any(r.in_corpus for r in linked)


def test_a_work_catalogued_under_another_id_links_by_author_year_and_title(
    references: list[Reference], tmp_path: Path
) -> None:
    (tmp_path / "laering.pdf").write_bytes(b"%PDF-1.4")
    shutil.copy(CORPUS / PAPER_FILE, tmp_path / PAPER_FILE)
    (tmp_path / "catalogue.yaml").write_text(
        f"- id: {PAPER_ID}\n  title: Kommunen sin framtidige næringsutviklingsrolle\n"
        '  authors: ["Stene, Morten", "Mørkved, Britt Paula"]\n  year: 2019\n'
        f"  file: {PAPER_FILE}\n"
        '- id: illeris-laering\n  title: Læring\n  authors: ["Illeris, Knud"]\n  year: 2015\n'
        "  file: laering.pdf\n",
        encoding="utf-8",
    )
    linked = {
        r.id: r for r in link_references(references, load_catalogue(tmp_path / "catalogue.yaml"))
    }
    assert (linked["illeris-2015"].catalogue_id, linked["illeris-2015"].in_corpus) == (
        "illeris-laering",
        True,
    )
    # Stene et al. 2019 is not the paper itself, though both are Stene's of 2019.
    assert linked["stene-etal-2019"].catalogue_id is None
    assert sum(r.catalogue_id is not None for r in linked.values()) == 1


def test_a_large_catalogue_links_as_a_small_one_does(references: list[Reference]) -> None:
    catalogue = load_catalogue(CORPUS / "catalogue.yaml")
    # Thousands of other works, of every year and of none.
    others = [
        CatalogueEntry(
            id=f"rapport-{n}",
            title=f"Rapport nummer {n} om næringsutvikling",
            authors=["Hansen, Kari"],
            year=None if n % 7 == 0 else 1990 + n % 35,
        )
        for n in range(3000)
    ]
    large = Catalogue([*others, *catalogue.entries], CORPUS)
    assert [r.catalogue_id for r in link_references(references, large)] == [
        r.id for r in references
    ]


def test_a_work_without_a_year_links_by_its_title(references: list[Reference]) -> None:
    reference = next(r for r in references if r.id == "illeris-2015")
    undated = CatalogueEntry(id="laering", title=reference.title, authors=["Illeris, Knud"])
    dated = [CatalogueEntry(id=f"verk-{y}", title=f"Verk {y}", year=y) for y in range(1950, 2030)]
    assert catalogue_entry(reference, [*dated, undated]) == undated


def test_an_empty_catalogue_links_nothing(references: list[Reference]) -> None:
    linked = link_references(references, Catalogue([], CORPUS))
    assert all(r.catalogue_id is None and not r.in_corpus for r in linked)


# --- property: a formatted citation finds its way back ----------------------------------------

# Built from letters rather than a regex: hypothesis generates these far faster.
LOWER = "abcdefghijklmnopqrstuvwxyzæøå"
name_part = st.builds(
    lambda first, rest: first + rest,
    st.sampled_from(LOWER.upper()),
    st.text(alphabet=LOWER, min_size=2, max_size=11),
)
surname = st.builds(
    lambda head, tail: head if tail is None else f"{head}-{tail}",
    name_part,
    st.none() | name_part,
)
work = st.tuples(st.lists(surname, min_size=1, max_size=4), st.integers(1900, 2030))


def citation_of(surnames: list[str], year: int, style: int) -> str:
    """An APA-like citation of a work, in one of the ways papers write them."""
    if len(surnames) == 1:
        return [f"({surnames[0]}, {year})", f"{surnames[0]} ({year})"][style % 2]
    if len(surnames) == 2:
        return [
            f"({surnames[0]} & {surnames[1]}, {year})",
            f"{surnames[0]} og {surnames[1]} ({year})",
        ][style % 2]
    listed = ", ".join(surnames[:-1]) + f", & {surnames[-1]}"
    return [f"({surnames[0]} et al., {year})", f"({listed}, {year})"][style % 2]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        work,
        min_size=1,
        max_size=6,
        unique_by=lambda w: (re.sub("[^a-z]", "", slugify(w[0][0])), w[1]),
    ),
    st.integers(0, 1),
)
def test_a_formatted_citation_parses_back_to_its_work(
    works: list[tuple[list[str], int]], style: int
) -> None:
    entries = []
    for number, (surnames, year) in enumerate(works):
        authors = [f"{name}, {chr(65 + i)}." for i, name in enumerate(surnames)]
        listed = authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + f", & {authors[-1]}"
        entries.append(f"- {listed} ({year}). *Verk nummer {number}*. Oslo: Forlaget.")
    cited = [citation_of(surnames, year, style) for surnames, year in works]
    text = " ".join(f"Funn {n} er omtalt {c}." for n, c in enumerate(cited))
    text += "\n\n## Litteratur\n\n" + "\n".join(entries) + "\n"

    references = parse_bibliography(text, "doc")
    assert [(r.authors[0].split(",")[0], r.year) for r in references] == [
        (surnames[0], str(year)) for surnames, year in works
    ]
    citations = find_citations(text, references, "doc")
    assert [c.text for c in citations] == cited
    assert [c.reference_ids for c in citations] == [[r.id] for r in references]


def test_a_ministry_named_as_a_hanging_compound_is_one_author_opening_its_own_entry() -> None:
    """'Kommunal- og distriktsdepartementet' is one body; its entry is not run into the one
    before it."""
    text = (
        "Referanser\n\n"
        "Fjordforsk (2021). Næringsfond i små kommuner. Sogndal: Fjordforsk.\n\n"
        "Kommunal- og distriktsdepartementet (2022). Veileder for kommunale næringsfond. "
        "Oslo: KDD.\n\n"
        "Stene, M. og Mørkved, B. P. (2019). Kommunen sin framtidige næringsutviklingsrolle. "
        "Bodø: Nord universitet.\n"
    )
    parsed = parse_bibliography(text, "doc")
    assert [(r.authors, r.year) for r in parsed] == [
        (["Fjordforsk"], "2021"),
        (["Kommunal- og distriktsdepartementet"], "2022"),
        (["Stene, M.", "Mørkved, B. P."], "2019"),
    ]
    assert parsed[0].title == "Næringsfond i små kommuner"
