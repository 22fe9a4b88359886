"""BM25 ranks by rare shared terms, filters, and survives a save and load."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.retrieval.bm25 import Analyser, BM25Index

CHUNKS = [
    ("a", "Kommunen kan være forhandler, innovatør og brobygger."),
    ("b", "Offentlige anskaffelser er et mulighetsrom for kommunene."),
    ("c", "Samstyring er ikke-hierarkiske prosesser."),
    ("d", "Kommunen og kommunene og kommunen."),
]


@pytest.mark.parametrize("analyser", ["ngrams", "stems"])
def test_rare_terms_decide_the_ranking(analyser: Analyser) -> None:
    index = BM25Index.build(CHUNKS, analyser=analyser)
    assert index.search("Hva er en brobygger?", 3)[0][0] == "a"
    assert index.search("offentlige anskaffelser", 3)[0][0] == "b"
    assert index.search("Kva er samstyring?", 3)[0][0] == "c"


@pytest.mark.parametrize("analyser", ["ngrams", "stems"])
def test_unknown_terms_find_nothing(analyser: Analyser) -> None:
    assert BM25Index.build(CHUNKS, analyser=analyser).search("fotball verdensmesterskap", 5) == []


def test_ngrams_match_across_languages_and_inflections() -> None:
    index = BM25Index.build(CHUNKS, analyser="ngrams")
    assert index.search("samstyrning", 1)[0][0] == "c"  # Swedish spelling
    assert index.search("brobyggerne", 1)[0][0] == "a"  # another inflection


def test_only_allowed_ids_are_returned() -> None:
    index = BM25Index.build(CHUNKS)
    assert [cid for cid, _ in index.search("kommunen", 5, allowed={"b", "c"})] == ["b"]


def test_saved_index_loads_with_its_key(tmp_path: Path) -> None:
    index = BM25Index.build(CHUNKS, key="g1:7", analyser="stems")
    index.save(tmp_path / "bm25.json")
    loaded = BM25Index.load(tmp_path / "bm25.json")
    assert loaded is not None and loaded.key == "g1:7" and loaded.analyser == "stems"
    assert loaded.search("brobygger", 2) == index.search("brobygger", 2)


def test_a_missing_or_broken_file_is_not_an_index(tmp_path: Path) -> None:
    assert BM25Index.load(tmp_path / "none.json") is None
    (tmp_path / "bad.json").write_text("{not json")
    assert BM25Index.load(tmp_path / "bad.json") is None


def test_unknown_share_counts_terms_the_text_never_uses() -> None:
    index = BM25Index.build(CHUNKS)
    assert index.unknown_share("Hva er en brobygger?") == 0.0
    assert index.unknown_share("Hva sier de om havbruk og oppdrett?") == 1.0
    assert index.unknown_share("brobygger og havbruk") == 0.5
    # A term standing inside an indexed compound counts as known.
    assert index.unknown_share("mulighets") == 0.0


def test_an_inflection_the_stemmer_misses_still_counts_as_known() -> None:
    index = BM25Index.build([("a", "Notatet er en bestilling fra Distriktssenteret.")])
    assert index.unknown_share("bestilt") == 0.0  # same letters as "bestilling" but the end
    assert index.unknown_share("budsjettet") == 1.0
