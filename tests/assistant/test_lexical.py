"""The lexical index ranks by rare shared terms, filters, knows the corpus's words, lives on
disk, and changes one document at a time."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.domain import Chunk, SearchFilters
from assistant.errors import StoreBusyError
from assistant.retrieval.lexical import Analyser, LexicalIndex, document_key


def chunk(chunk_id: str, text: str, doc_id: str = "paper", year: int | None = 2019) -> Chunk:
    """A chunk with just what the lexical index reads."""
    return Chunk(
        id=chunk_id,
        doc_id=doc_id,
        text=text,
        start=0,
        end=len(text),
        section_path=["1 Innledning"],
        title="Kommunen",
        year=year,
        kind="working paper" if doc_id == "paper" else "report",
    )


CHUNKS = [
    chunk("a", "Kommunen kan være forhandler, innovatør og brobygger."),
    chunk("b", "Offentlige anskaffelser er et mulighetsrom for kommunene."),
    chunk("c", "Samstyring er ikke-hierarkiske prosesser."),
    chunk("d", "Kommunen og kommunene og kommunen."),
]
REPORT = [
    chunk("r1", "Havbruk og oppdrett gir arbeidsplasser i kommunen.", "report", 2023),
    chunk("r2", "Kommunen eier havnen.", "report", 2023),
]


def ids(hits: list[tuple[str, float]]) -> list[str]:
    return [chunk_id for chunk_id, _ in hits]


@pytest.mark.parametrize("analyser", ["ngrams", "stems"])
def test_rare_terms_decide_the_ranking(analyser: Analyser) -> None:
    index = LexicalIndex.build(CHUNKS, analyser=analyser)
    assert ids(index.search("Hva er en brobygger?", 3))[0] == "a"
    assert ids(index.search("offentlige anskaffelser", 3))[0] == "b"
    assert ids(index.search("Kva er samstyring?", 3))[0] == "c"


@pytest.mark.parametrize("analyser", ["ngrams", "stems"])
def test_unknown_terms_find_nothing(analyser: Analyser) -> None:
    index = LexicalIndex.build(CHUNKS, analyser=analyser)
    assert index.search("fotball verdensmesterskap", 5) == []


def test_ngrams_match_across_languages_and_inflections() -> None:
    index = LexicalIndex.build(CHUNKS, analyser="ngrams")
    assert ids(index.search("samstyrning", 1)) == ["c"]  # Swedish spelling
    assert ids(index.search("brobyggerne", 1)) == ["a"]  # another inflection


@pytest.mark.parametrize("analyser", ["ngrams", "stems"])
def test_a_time_or_decimal_figure_matches_across_languages(analyser: Analyser) -> None:
    chunks = [
        chunk("open", "Barnehagen i Ørnvik holder åpent til 17.30 for skiftarbeidere."),
        chunk("late", "Barnehagen i Lundemo holder åpent lenger enn før, til klokken 17."),
        chunk("cost", "Ombyggingen kostet 1,3 millioner kroner."),
        chunk("fund", "Fondet delte ut 3 millioner kroner i 2023."),
    ]
    index = LexicalIndex.build(chunks, analyser=analyser)
    assert ids(index.search("Vilken förskola har öppet till 17.30?", 1)) == ["open"]
    assert ids(index.search("What did the rebuilding cost, 1,3 million?", 1)) == ["cost"]


def test_scores_are_okapi_bm25() -> None:
    index = LexicalIndex.build(CHUNKS, analyser="stems")
    # "brobygger" is one stem in one of four chunks: idf = ln(1 + 3.5 / 1.5).
    assert index.idf("brobygg") == pytest.approx(1.2040, abs=1e-4)
    assert index.idf("fotball") == 0.0
    [(best, score)] = index.search("brobygger", 1)
    assert best == "a" and 0 < score <= index.idf("brobygg") * 2.2


def test_added_words_count_with_their_own_weight_and_the_querys_words_in_full() -> None:
    index = LexicalIndex.build(CHUNKS, analyser="stems")
    [(_, full)] = index.search("samstyring", 1, added="brobygger")
    assert ids(index.search("samstyring", 2, added="brobygger")) == ["c", "a"]
    halved = dict(index.search("samstyring", 2, added="brobygger", added_weight=0.5))
    assert halved["a"] == pytest.approx(index.search("brobygger", 1)[0][1] * 0.5)
    assert halved["c"] == pytest.approx(full), "the query's own words keep their weight"
    alone = index.search("samstyring", 2, added="brobygger", added_weight=0.0)
    assert ids(alone) == ["c"]
    # A word the query uses itself is not weighed down for being added too.
    assert index.search("brobygger", 1, added="brobygger", added_weight=0.5) == index.search(
        "brobygger", 1
    )


def test_filters_admit_documents_years_and_kinds() -> None:
    index = LexicalIndex.build(CHUNKS + REPORT)
    assert set(ids(index.search("kommunen", 10))) == {"a", "b", "d", "r1", "r2"}
    assert set(ids(index.search("kommunen", 10, SearchFilters(doc_ids=["report"])))) == {
        "r1",
        "r2",
    }
    assert set(ids(index.search("kommunen", 10, SearchFilters(year_to=2020)))) == {"a", "b", "d"}
    assert ids(index.search("kommunen", 10, SearchFilters(year_from=2024))) == []
    assert set(ids(index.search("kommunen", 10, SearchFilters(kinds=["report"])))) == {"r1", "r2"}
    # Filters only restrict: they add nothing to a passage's score.
    unfiltered = dict(index.search("havbruk", 10))
    assert dict(index.search("havbruk", 10, SearchFilters(year_from=2020))) == unfiltered


def test_a_chunk_without_a_year_fails_every_year_filter() -> None:
    index = LexicalIndex.build([chunk("x", "Kommunen som brobygger.", "undated", None)])
    assert ids(index.search("brobygger", 5)) == ["x"]
    assert index.search("brobygger", 5, SearchFilters(year_from=1900)) == []


def test_unknown_share_counts_terms_the_text_never_uses() -> None:
    index = LexicalIndex.build(CHUNKS)
    assert index.unknown_share("Hva er en brobygger?") == 0.0
    assert index.unknown_share("Hva sier de om havbruk og oppdrett?") == 1.0
    assert index.unknown_share("brobygger og havbruk") == 0.5
    # A term standing inside an indexed compound counts as known.
    assert index.unknown_share("mulighets") == 0.0
    assert index.unknown_share("hierarkiske") == 0.0


def test_an_inflection_the_stemmer_misses_still_counts_as_known() -> None:
    index = LexicalIndex.build([chunk("a", "Notatet er en bestilling fra Distriktssenteret.")])
    assert index.unknown_share("bestilt") == 0.0  # same letters as "bestilling" but the end
    assert index.unknown_share("budsjettet") == 1.0


def test_a_hyphenated_word_is_known_when_each_of_its_parts_is() -> None:
    index = LexicalIndex.build([chunk("a", "Storlia vedtok planen for næringslivet.")])
    assert index.unknown_share("Storlia-planen") == 0.0
    assert index.unknown_share("Storlia-havbruket") == 1.0


def test_a_compound_the_text_never_uses_whole_is_known_by_its_two_words() -> None:
    index = LexicalIndex.build([chunk("a", "Kommunen endret praksis for innkjøp langs kysten.")])
    assert index.unknown_share("innkjøpspraksisen") == 0.0, "with a linking s"
    assert index.unknown_share("kystpraksis") == 0.0
    assert index.unknown_share("lutefisk") == 1.0
    assert index.unknown_share("surdeigsbrød") == 1.0


def test_compound_parts_split_against_the_indexed_words() -> None:
    index = LexicalIndex.build(
        [
            chunk("a", "Næringsutviklingskommune er et ord."),
            chunk("b", "Utvikling av næring i kommune."),
        ],
        analyser="stems",
    )
    assert set(index.query_terms("næringsutviklingskommune")) >= {"næring", "utvikling", "kommun"}


def test_the_index_lives_on_disk_and_opens_again(tmp_path: Path) -> None:
    index = LexicalIndex.open(tmp_path / "lexical")
    index.replace("paper", CHUNKS)
    index.commit()
    reopened = LexicalIndex.open(tmp_path / "lexical")
    assert len(reopened) == len(CHUNKS)
    assert reopened.search("brobygger", 2) == index.search("brobygger", 2)
    assert reopened.keys() == {"paper": document_key(CHUNKS)}


def test_changes_are_invisible_until_commit(tmp_path: Path) -> None:
    index = LexicalIndex.open(tmp_path / "lexical")
    index.replace("paper", CHUNKS)
    assert len(index) == 0
    index.commit()
    index.remove("paper")
    assert len(index) == len(CHUNKS)
    index.rollback()
    index.commit()
    assert len(index) == len(CHUNKS)


def test_replacing_a_document_leaves_the_others_alone(tmp_path: Path) -> None:
    index = LexicalIndex.open(tmp_path / "lexical")
    index.replace("paper", CHUNKS)
    index.replace("report", REPORT)
    index.commit()
    index.replace("report", [chunk("r3", "Kommunen eier fergen.", "report", 2024)])
    index.commit()
    assert len(index) == len(CHUNKS) + 1
    assert ids(index.search("havbruk", 5)) == []
    assert ids(index.search("fergen", 5)) == ["r3"]
    assert ids(index.search("brobygger", 1)) == ["a"]
    index.remove("report")
    index.commit()
    assert set(index.keys()) == {"paper"}
    assert ids(index.search("fergen", 5)) == []


def test_chunks_of_another_document_are_refused(tmp_path: Path) -> None:
    index = LexicalIndex.open(tmp_path / "lexical")
    with pytest.raises(ValueError, match="'report'"):
        index.replace("paper", REPORT)


def test_a_second_writer_is_told_the_index_is_busy(tmp_path: Path) -> None:
    first = LexicalIndex.open(tmp_path / "lexical")
    first.replace("paper", CHUNKS)
    with pytest.raises(StoreBusyError, match="another process"):
        LexicalIndex.open(tmp_path / "lexical").replace("report", REPORT)
    first.commit()
    assert len(LexicalIndex.open(tmp_path / "lexical")) == len(CHUNKS)


def test_sync_changes_only_the_documents_that_differ(tmp_path: Path) -> None:
    index = LexicalIndex.open(tmp_path / "lexical", analyser="stems")
    assert index.sync(CHUNKS + REPORT) == 2
    assert index.sync(CHUNKS + REPORT) == 0
    edited = [*REPORT[:1], chunk("r2", "Kommunen eier vindmøllene.", "report", 2023)]
    assert index.sync(CHUNKS + edited) == 1
    assert ids(index.search("vindmøllene", 5)) == ["r2"]
    assert index.search("havnen", 5) == []
    assert index.sync(edited) == 1  # the paper left the store
    assert set(index.keys()) == {"report"}
    assert index.search("brobygger", 5) == []


def test_sync_by_keys_reads_the_chunks_of_changed_documents_only(tmp_path: Path) -> None:
    index = LexicalIndex.open(tmp_path / "lexical", analyser="stems")
    index.sync(CHUNKS + REPORT)
    edited = [*REPORT[:1], chunk("r2", "Kommunen eier vindmøllene.", "report", 2023)]
    stored = {"paper": CHUNKS, "report": edited}
    asked: list[str] = []

    def chunks_of(doc_id: str) -> list[Chunk]:
        asked.append(doc_id)
        return stored[doc_id]

    keys = {doc_id: document_key(chunks) for doc_id, chunks in stored.items()}
    assert index.sync_keys(keys, chunks_of) == 1
    assert asked == ["report"]
    assert ids(index.search("vindmøllene", 5)) == ["r2"]
    assert index.sync_keys(keys, chunks_of) == 0
    assert asked == ["report"]


def test_differences_name_what_to_index_and_what_to_remove(tmp_path: Path) -> None:
    index = LexicalIndex.open(tmp_path / "lexical")
    index.sync(CHUNKS + REPORT)
    edited = [chunk("x", "Et nytt notat.", "new", 2024)]
    expected = {"paper": document_key(CHUNKS), "new": document_key(edited)}
    assert index.differences(expected) == (["new"], ["report"])
    assert index.differences({**expected, "paper": "another key"}) == (["new", "paper"], ["report"])


def test_a_folder_of_another_schema_is_replaced(tmp_path: Path) -> None:
    import tantivy

    folder = tmp_path / "lexical"
    folder.mkdir()
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("body")
    tantivy.Index(builder.build(), path=str(folder))
    index = LexicalIndex.open(folder)
    assert len(index) == 0
    assert index.sync(CHUNKS) == 1


def test_the_documents_naming_a_name_are_found_unless_it_is_everywhere() -> None:
    chunks = [
        chunk("a:1", "Skjervøy delte anskaffelsen i fire delkontrakter.", doc_id="a"),
        chunk("b:1", "Kommunen delte ikke anskaffelsen.", doc_id="b"),
        *(chunk(f"c:{n}", f"Kommunen i Nordland har {n} bedrifter.", doc_id="c") for n in range(5)),
    ]
    index = LexicalIndex.build(chunks)
    assert index.documents_naming("Skjervøy") == {"a"}
    assert index.documents_naming("Trondheim") == set()
    assert index.documents_naming("Nordland", limit=3) is None
