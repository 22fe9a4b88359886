"""The catalogue lists every work, refuses malformed entries with a fix, and reports gaps."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from assistant.domain import CatalogueEntry
from assistant.errors import ConfigurationError
from indexing.catalogue import Catalogue, load_catalogue, parse_catalogue, slugify
from indexing.loaders import SUPPORTED_SUFFIXES
from tests.helpers import CORPUS, PAPER_ID, ROOT

PAPER_FILE = "stene-morkved-2019-kommunen-sin-framtidige-naeringsutviklingsrolle.md"

# The bibliography's works as the catalogue must list them, in the printed order.
CITED_IDS = [
    "aasen-amundsen-2011",
    "andersen-etal-2018",
    "carayannis-campbell-2009",
    "carlsson-sletterod-2010",
    "dembek-etal-2016",
    "ekman-etal-2017",
    "gausdal-2008",
    "guriby-2016",
    "heringa-etal-2013",
    "holmen-2016",
    "illeris-2015",
    "loga-2018",
    "loga-etal-2016",
    "lusch-vargo-2014",
    "meld-st-29-2016-2017",
    "nilsen-2019",
    "nou-2011-11",
    "porter-kramer-2011",
    "roiseland-vabo-2016",
    "simila-2006",
    "sletterod-carlsson-2014",
    "stene-2013",
    "stene-2015",
    "stene-etal-2019",
    "stene-stickler-2018",
    "sorensen-2006",
    "wekre-jensen-2018",
    "wenger-nake-2004",
]


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(CORPUS / "catalogue.yaml")


def write(folder: Path, text: str) -> Path:
    path = folder / "catalogue.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --- the real catalogue -------------------------------------------------------------------


def test_the_working_paper_comes_first_with_its_imprint(catalogue: Catalogue) -> None:
    paper = catalogue.entries[0]
    assert paper.id == PAPER_ID
    assert paper.title == "Kommunen sin framtidige næringsutviklingsrolle"
    assert paper.authors == ["Stene, Morten", "Mørkved, Britt Paula"]
    assert (paper.year, paper.publisher, paper.kind, paper.language) == (
        2019,
        "Nord universitet",
        "working paper",
        "nb",
    )
    assert paper.file == PAPER_FILE
    assert paper.notes is not None
    for detail in ("Arbeidsnotat nr. 2", "Bodø", "ISBN 82-7456-805-1", "ISSN 2535-3543"):
        assert detail in paper.notes


def test_all_28_cited_works_follow_without_full_text(catalogue: Catalogue) -> None:
    cited = catalogue.entries[1:]
    assert [entry.id for entry in cited] == CITED_IDS
    for entry in cited:
        assert entry.cited_by == [PAPER_ID], entry.id
        assert entry.file is None, entry.id
        assert entry.kind in {"report", "white paper", "article", "book", "chapter"}, entry.id
        assert entry.language in {"nb", "nn", "sv", "da", "en"}, entry.id
        assert entry.title and entry.year, entry.id


def test_works_in_other_languages_are_marked(catalogue: Catalogue) -> None:
    languages = {entry.id: entry.language for entry in catalogue}
    assert {i for i, lang in languages.items() if lang == "da"} == {
        "illeris-2015",
        "wenger-nake-2004",
    }
    assert {i for i, lang in languages.items() if lang == "en"} == {
        "carayannis-campbell-2009",
        "dembek-etal-2016",
        "heringa-etal-2013",
        "porter-kramer-2011",
        "sorensen-2006",
    }


def test_dois_become_doi_urls(catalogue: Catalogue) -> None:
    urls = {entry.id: entry.url for entry in catalogue if entry.url}
    assert urls == {
        "dembek-etal-2016": "https://doi.org/10.1007/s10551-015-2554-z",
        "heringa-etal-2013": "https://doi.org/10.1016/j.njas.2013.03.002",
        "loga-2018": "https://doi.org/10.18261/issn.2535-2512-2018-01-05",
        "sorensen-2006": "https://doi.org/10.1177/0275074005282584",
    }


def test_the_real_corpus_holds_only_the_paper(catalogue: Catalogue) -> None:
    assert [entry.id for entry in catalogue.in_corpus()] == [PAPER_ID]
    assert [entry.id for entry in catalogue.missing_from_corpus()] == CITED_IDS
    assert catalogue.problems() == []
    assert catalogue.has_full_text(PAPER_ID) and not catalogue.has_full_text("stene-2013")


def test_entries_are_found_by_id_and_by_file(catalogue: Catalogue) -> None:
    assert catalogue.get("nou-2011-11") is not None
    assert catalogue.get("nou-2011-11").title == "Innovasjon i omsorg"  # type: ignore[union-attr]
    assert catalogue.get("no-such-work") is None
    assert "stene-2013" in catalogue and "no-such-work" not in catalogue
    assert catalogue.by_file(PAPER_FILE) is catalogue.entries[0]
    assert catalogue.by_file(PAPER_FILE.upper()) is catalogue.entries[0]
    assert catalogue.entry_for_file(CORPUS / PAPER_FILE).id == PAPER_ID
    assert catalogue.entry_for_file((CORPUS / PAPER_FILE).resolve()).id == PAPER_ID


# --- adding documents ---------------------------------------------------------------------


def test_setting_file_on_a_cited_work_puts_it_in_the_corpus(tmp_path: Path) -> None:
    text = (CORPUS / "catalogue.yaml").read_text(encoding="utf-8")
    text, replaced = re.subn(
        r"(- id: roiseland-vabo-2016\n(?:  .*\n)*?)  file: null", r"\1  file: styring.pdf", text
    )
    assert replaced == 1
    shutil.copy(CORPUS / PAPER_FILE, tmp_path / PAPER_FILE)
    (tmp_path / "styring.pdf").write_bytes(b"%PDF-1.4")
    catalogue = load_catalogue(write(tmp_path, text))
    assert [e.id for e in catalogue.in_corpus()] == [PAPER_ID, "roiseland-vabo-2016"]
    assert "roiseland-vabo-2016" not in [e.id for e in catalogue.missing_from_corpus()]
    assert catalogue.entry_for_file(tmp_path / "styring.pdf").id == "roiseland-vabo-2016"


def test_a_listed_file_that_is_absent_is_a_problem_not_an_error(tmp_path: Path) -> None:
    catalogue = load_catalogue(
        write(tmp_path, "- id: later\n  title: Kommer senere\n  file: later.pdf\n")
    )
    [problem] = catalogue.problems()
    assert (problem.entry_id, problem.field) == ("later", "file")
    assert "'later.pdf'" in problem.message and "file: null" in problem.message
    assert catalogue.in_corpus() == []


def test_cited_by_an_unknown_document_is_a_problem(tmp_path: Path) -> None:
    catalogue = load_catalogue(
        write(tmp_path, "- id: cited\n  title: Sitert\n  cited_by: [no-such-paper]\n")
    )
    [problem] = catalogue.problems()
    assert (problem.entry_id, problem.field) == ("cited", "cited_by")
    assert "'no-such-paper'" in problem.message


def test_an_uncatalogued_file_gets_metadata_from_its_name(tmp_path: Path) -> None:
    catalogue = load_catalogue(write(tmp_path, "- id: other\n  title: Other\n  file: other.md\n"))
    entry = catalogue.entry_for_file(tmp_path / "Min rapport om Røyrvik 2021.pdf")
    assert entry.id == "min-rapport-om-royrvik-2021"
    assert entry.title == "Min rapport om Røyrvik 2021"
    assert (entry.year, entry.kind, entry.file) == (
        2021,
        "other",
        "Min rapport om Røyrvik 2021.pdf",
    )
    assert entry.notes and "catalogue" in entry.notes
    titled = catalogue.entry_for_file(tmp_path / "scan_0042.pdf", title="Næringsplan for Snåsa")
    assert (titled.id, titled.title, titled.year) == ("scan-0042", "Næringsplan for Snåsa", None)


def test_guessed_ids_never_take_a_catalogued_id_or_a_siblings(tmp_path: Path) -> None:
    catalogue = load_catalogue(write(tmp_path, "- id: rapport\n  title: R\n  file: r.md\n"))
    assert catalogue.entry_for_file(tmp_path / "rapport.pdf").id == "rapport-pdf"
    (tmp_path / "notat.pdf").write_bytes(b"")
    (tmp_path / "notat.docx").write_bytes(b"")
    ids = {catalogue.entry_for_file(tmp_path / name).id for name in ("notat.pdf", "notat.docx")}
    assert ids == {"notat-pdf", "notat-docx"}


def test_guessed_ids_are_valid_catalogue_ids() -> None:
    for name in ("Ærlig talt – ÅRSRAPPORT 2020", "___", "Ørsta/Volda", "ÉTUDE.final"):
        slug = slugify(name)
        assert slug == "" or re.fullmatch(r"[a-z0-9][a-z0-9._-]*", slug), slug
    assert slugify("Sletterød & Carlsson") == "sletterod-carlsson"


def test_a_corpus_without_catalogue_still_indexes(tmp_path: Path) -> None:
    catalogue = load_catalogue(tmp_path / "catalogue.yaml")
    assert len(catalogue) == 0
    assert "no catalogue" in catalogue.problems()[0].message
    assert catalogue.entry_for_file(tmp_path / "notat.md").id == "notat"


# --- errors that say what to fix ----------------------------------------------------------


def error_for(tmp_path: Path, text: str) -> str:
    with pytest.raises(ConfigurationError) as caught:
        load_catalogue(write(tmp_path, text))
    return caught.value.detail


def test_a_yaml_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    detail = error_for(tmp_path, "- id: a\n  title: A\n- id: b\n  title: [unclosed\n  year: 2019\n")
    assert "catalogue.yaml" in detail and "not valid YAML" in detail
    assert "line 5" in detail and "opens at line 4" in detail, detail


def test_an_unknown_field_names_entry_field_and_the_allowed_fields(tmp_path: Path) -> None:
    detail = error_for(tmp_path, "- id: a\n  title: A\n- id: b\n  title: B\n  forfatter: X\n")
    assert "entry 2 (id 'b', line 5)" in detail
    assert "field 'forfatter'" in detail and "remove it" in detail and "cited_by" in detail


def test_a_missing_title_and_a_bad_kind_are_both_reported(tmp_path: Path) -> None:
    detail = error_for(tmp_path, "- id: a\n- id: b\n  title: B\n  kind: pamphlet\n")
    assert "entry 1 (id 'a', line 1): field 'title'" in detail and "add `title:`" in detail
    assert "entry 2 (id 'b', line 4): field 'kind'" in detail and "'white paper'" in detail


def test_a_bad_id_and_a_bad_year_say_how_to_write_them(tmp_path: Path) -> None:
    detail = error_for(tmp_path, "- id: Stene 2013\n  title: A\n  year: 2013a\n")
    assert "field 'id'" in detail and "lower-case" in detail
    assert "field 'year'" in detail and "`year: 2016`" in detail


def test_a_bare_no_is_explained(tmp_path: Path) -> None:
    detail = error_for(tmp_path, "- id: a\n  title: A\n  language: no\n")
    assert "field 'language'" in detail and "`nb` (bokmål) or `nn` (nynorsk)" in detail


def test_duplicate_ids_name_both_entries(tmp_path: Path) -> None:
    detail = error_for(tmp_path, "- id: a\n  title: A\n- id: a\n  title: B\n")
    assert "entry 2 (id 'a')" in detail and "already the id of entry 1" in detail


def test_two_entries_cannot_claim_one_file(tmp_path: Path) -> None:
    detail = error_for(
        tmp_path, "- id: a\n  title: A\n  file: x.pdf\n- id: b\n  title: B\n  file: x.pdf\n"
    )
    assert "entry 2 (id 'b')" in detail and "already the file of 'a'" in detail


def test_a_file_outside_the_corpus_folder_is_refused(tmp_path: Path) -> None:
    detail = error_for(tmp_path, "- id: a\n  title: A\n  file: ../elsewhere.pdf\n")
    assert "field 'file'" in detail and "inside the corpus folder" in detail


def test_a_field_given_twice_is_refused(tmp_path: Path) -> None:
    detail = error_for(tmp_path, "- id: a\n  title: A\n  year: 2019\n  year: 2020\n")
    assert "entry 1" in detail and "'year' is given more than once" in detail


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("id: a\ntitle: A\n", "must be a YAML list"),
        ("- just a string\n", "entry 1 (line 1) is not a mapping"),
    ],
)
def test_the_shape_of_the_file_is_checked(tmp_path: Path, text: str, needle: str) -> None:
    assert needle in error_for(tmp_path, text)


def test_an_empty_catalogue_is_an_empty_list() -> None:
    assert parse_catalogue("# nothing yet\n", Path("catalogue.yaml")) == []


def test_a_missing_corpus_folder_says_which_setting(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="POLICY_ASSISTANT_CORPUS__FOLDER"):
        load_catalogue(tmp_path / "nowhere" / "catalogue.yaml")


def test_a_catalogue_can_be_built_in_code() -> None:
    entries = [CatalogueEntry(id="a", title="A"), CatalogueEntry(id="a", title="B")]
    with pytest.raises(ConfigurationError, match="already the id of entry 1"):
        Catalogue(entries, CORPUS)


# --- the corpus README --------------------------------------------------------------------

# The corpus folder's README is the product's documentation of it.
README = (ROOT / "corpus" / "README.md").read_text(encoding="utf-8")


def test_the_corpus_readme_documents_every_catalogue_field() -> None:
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", README, flags=re.MULTILINE))
    assert documented == set(CatalogueEntry.model_fields)


def test_the_corpus_readme_names_every_supported_file_type() -> None:
    for suffix in SUPPORTED_SUFFIXES:
        assert f"`{suffix}`" in README, suffix
