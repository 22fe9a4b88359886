"""Among documents that discuss the same things with different facts, an answer comes from the
document and the year asked about, or says plainly that the sources cover another."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.domain import Message
from assistant.service import Assistant
from indexing.embedders import make_embedder
from indexing.pipeline import index_corpus
from indexing.store import open_store
from tests.helpers import indexed_library, make_settings

CATALOGUE = """\
- id: nordvik-2024
  title: Strategisk næringsplan for Nordvik kommune 2024–2028
  authors: [Nordvik kommune]
  year: 2024
  kind: report
  language: nb
  file: nordvik.md
- id: sorbygda-2020
  title: Næringsplan for Sørbygda kommune 2020–2023
  authors: [Sørbygda kommune]
  year: 2020
  kind: report
  language: nb
  file: sorbygda.md
- id: vestli-2022
  title: Næringsplan for Vestli kommune 2022–2025
  authors: [Vestli kommune]
  year: 2022
  kind: report
  language: nb
  file: vestli.md
- id: dalheim-2025
  title: Evaluering av Næringsløftet Dalheim 2020–2024
  authors: [Berg, K.]
  year: 2025
  kind: report
  language: nb
  file: dalheim.md
- id: havbro-2023
  title: Sluttrapport for samarbeidet om havbruk i nord
  authors: [Nordnorsk havbruksforum]
  year: 2023
  kind: report
  language: nb
  file: havbro.md
- id: lunde-2024
  title: Statusrapport for Lunde næringsfond 2021–2023
  authors: [Lunde kommune]
  year: 2024
  kind: report
  language: nb
  file: lunde.md
"""

NORDVIK = """# 1 Innledning

Nordvik kommune legger med dette fram en ny strategisk næringsplan for perioden 2024–2028. Planen
er utarbeidet i samarbeid med næringsforeningen og ungdomsrådet. Den gjelder hele kommunen, med
grendene Lia, Botn, Neset og Holmen.

# 2 Næringsfond

Det kommunale næringsfondet får en samlet ramme på 9,5 millioner kroner for perioden 2024–2028.

Årlig ramme for næringsfondet:

- 2024: 2,1 millioner kroner
- 2025: 1,9 millioner kroner
- 2026: 1,8 millioner kroner

# 3 Gründere

Kommunen skal gi et gründerstipend på inntil 60 000 kroner per person. Målet er 40 nye
arbeidsplasser i planperioden.

# 4 Straumen

I Straumen skal det gamle postbygget bygges om til arbeidsplasser for tolv nyetablerte
bedrifter.
"""

SORBYGDA = """# 1 Innledning

Sørbygda kommune vedtok sin næringsplan for perioden 2020–2023 etter en bred prosess med
næringslivet.

# 2 Næringsfond

Næringsfondet i Sørbygda hadde en årlig ramme på 700 000 kroner i planperioden.

# 3 Gründere

I Sørbygda fikk 42 gründere stipend fra kommunen i planperioden. Reiselivet sysselsetter om
lag 300 personer i Sørbygda.
"""


VESTLI = """# 1 Gründerhus

Vestli kommune har et gründerhus i sentrum. Gründerhuset har tjue kontorplasser, et verksted
og et møterom. Kontorplassene i gründerhuset leies ut til gründere, og gründerhuset skal få
flere kontorplasser når gründerhuset utvides. Vestli kommune eier bygget, og daglig leder
Per Lie har ansvaret for driften av gründerhuset.
"""

DALHEIM = """# 4 Kommunenes roller

## 4.2 Forhandler: Åsvoll

Åsvoll er den kommunen som tydeligst har vært forhandler. Kommunen forhandlet i 2021 fram en
avtale med Dalheim Kraft AS om at 40 prosent av kommunens konsesjonskraft skal selges til lokale
bedrifter til en fast pris i ti år. Næringssjef Siri Vold ledet forhandlingene. Avtalen ble
godkjent av kommunestyret i Åsvoll 17. juni 2021. To bedrifter i næringsmiddelindustrien har
oppgitt avtalen som en grunn til å utvide i Åsvoll.
"""

LUNDE = """# 1 Sammendrag

Lunde næringsfond har siden 2021 tildelt 4,2 millioner kroner til 38 prosjekter i kommunen.
Kommunestyret ber om en status før rammen for neste periode fastsettes.

# 2 Tildelinger

Fondet tildelte disse beløpene:

- 2021: 1,3 millioner kroner
- 2022: 1,4 millioner kroner
- 2023: 1,5 millioner kroner

Det største enkelttilskuddet gikk i 2023 til Lunde Sjømat AS, som fikk 250 000 kroner til et
nytt fryselager.

# 3 Vurdering

Fondet har virket etter formålet, og flere av prosjektene har gitt nye arbeidsplasser.
"""


HAVBRO = """# 1 Innledning

Denne rapporten oppsummerer Havbroprosjektet, som ble drevet fra Tromsø i årene 2020 til 2022.

# 2 Arbeidsformer

Arbeidet ble organisert i tre arbeidspakker om fôr, fiskehelse og rekruttering, hver med sin
leder og sin plan for møter, seminarer og felles utredninger. Arbeidspakkene rapporterte til en
styringsgruppe, som fordelte midlene mellom dem og fulgte opp framdriften hvert halvår.
Arbeidet ble organisert i tre arbeidspakker om fôr, fiskehelse og rekruttering, hver med sin
leder og sin plan for møter, seminarer og felles utredninger. Arbeidspakkene rapporterte til en
styringsgruppe, som fordelte midlene mellom dem og fulgte opp framdriften hvert halvår.
Arbeidet ble organisert i tre arbeidspakker om fôr, fiskehelse og rekruttering, hver med sin
leder og sin plan for møter, seminarer og felles utredninger. Arbeidspakkene rapporterte til en
styringsgruppe, som fordelte midlene mellom dem og fulgte opp framdriften hvert halvår.

# 3 Partnerskapet

Partnerskapet besto av to universiteter, fem kommuner og tre havbruksselskaper, totalt ti
partnere, som møttes fire ganger i året.
"""


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    files = {
        "catalogue.yaml": CATALOGUE,
        "nordvik.md": NORDVIK,
        "sorbygda.md": SORBYGDA,
        "vestli.md": VESTLI,
        "dalheim.md": DALHEIM,
        "lunde.md": LUNDE,
        "havbro.md": HAVBRO,
    }
    assistant = Assistant.open(indexed_library(tmp_path_factory.mktemp("two-plans"), files))
    yield assistant
    assistant.close()


def ask(assistant: Assistant, question: str) -> tuple[str, bool, list[str]]:
    answer = assistant.chat([Message(role="user", content=question)])
    return answer.answer, answer.grounded, [c.doc_id for c in answer.citations]


def test_the_figure_for_the_year_asked_is_quoted_from_the_document_asked_about(
    library: Assistant,
) -> None:
    text, grounded, cited = ask(library, "Hvor mye får næringsfondet i Nordvik i 2025?")
    assert grounded
    assert "1,9 millioner kroner" in text
    assert set(cited) == {"nordvik-2024"}


def test_a_year_no_document_covers_is_refused_saying_which_years_the_sources_give(
    library: Assistant,
) -> None:
    text, grounded, cited = ask(library, "Hvor mye fikk næringsfondet i Nordvik i 2019?")
    assert not grounded
    assert cited == []
    assert "2019" in text
    assert "Kildene oppgir" in text


def test_a_place_no_document_covers_is_refused_naming_it(library: Assistant) -> None:
    text, grounded, _ = ask(library, "How many entrepreneurs received a grant in Trondheim?")
    assert not grounded
    assert "Trondheim" in text


def test_a_question_naming_a_document_is_answered_from_that_document(
    library: Assistant,
) -> None:
    """Both plans speak of entrepreneurs; the question names one of them."""
    hits = library.search("Hvor mange gründere fikk stipend i Sørbygda?", top_k=3)
    assert hits[0].doc_id == "sorbygda-2020"
    text, grounded, cited = ask(library, "Hvor mange gründere fikk stipend i Sørbygda?")
    assert grounded
    assert "42 gründere" in text
    assert cited[0] == "sorbygda-2020"


def test_a_name_the_document_writes_only_in_a_compound_is_what_the_document_is_about(
    library: Assistant,
) -> None:
    """ "Havbro-prosjektet" asked, "Havbroprosjektet" written once: the document is about it,
    so its sentence on the partners answers though it does not repeat the name."""
    text, grounded, cited = ask(library, "Hvor mange partnere var med i Havbro-prosjektet?")
    assert grounded
    assert "totalt ti partnere" in text
    assert cited[0] == "havbro-2023"


def test_a_place_only_one_documents_text_names_finds_that_document(library: Assistant) -> None:
    """Straumen is in no title; the one plan that names it is searched within first, though
    another plan speaks far more of an incubator's office places."""
    hits = library.search("Hvor mange kontorplasser får gründerhuset i Straumen?", top_k=3)
    assert hits[0].doc_id == "nordvik-2024"


def test_a_figure_for_the_whole_does_not_answer_for_one_of_its_parts(library: Assistant) -> None:
    """Botn is one of the villages the plan lists; the fund's figure is the municipality's."""
    text, grounded, cited = ask(library, "Hvor mye får næringsfondet i Botn i 2025?")
    assert not grounded
    assert cited == []
    assert "1,9 millioner kroner" not in text
    assert "Kildene nevner Botn bare blant flere" in text, "not: the sources give another year"
    text, grounded, _ = ask(library, "Hvor stor er rammen for næringsfondet i Botn?")
    assert not grounded
    assert "Kildene nevner Botn bare blant flere" in text
    text, grounded, _ = ask(library, "Hvor mye får næringsfondet i Nordvik i 2025?")
    assert grounded and "1,9 millioner kroner" in text


def test_a_figure_for_the_whole_does_not_answer_for_a_place_named_only_in_passing(
    library: Assistant,
) -> None:
    """Straumen has a section of its own in Nordvik's plan, and nothing more: the fund's
    figures are the municipality's, and only the section about Straumen speaks for it."""
    text, grounded, cited = ask(library, "Hvor mye får næringsfondet i Straumen i 2025?")
    assert not grounded
    assert cited == []
    assert "1,9 millioner kroner" not in text
    assert "Kildene nevner Straumen bare i forbifarten" in text
    text, grounded, cited = ask(library, "Hva skal postbygget i Straumen bygges om til?")
    assert grounded and cited[0] == "nordvik-2024"
    assert "arbeidsplasser for tolv nyetablerte" in text


def test_a_funds_figures_do_not_answer_for_a_company_it_granted_to(library: Assistant) -> None:
    """The fund report names Lunde Sjømat AS in one sentence, with its grant: that sentence
    answers what the company got from the fund, which it need not name again; the fund's
    total for a year never answers for the company."""
    text, grounded, cited = ask(library, "Hvor mye fikk Lunde Sjømat AS fra næringsfondet?")
    assert grounded and "250 000 kroner" in text and cited == ["lunde-2024"]
    text, grounded, cited = ask(library, "Hvor mye fikk Lunde Sjømat AS fra næringsfondet i 2022?")
    assert not grounded
    assert cited == []
    assert "1,4 millioner" not in text


def test_an_english_question_is_answered_only_by_a_figure_of_what_it_asks_about(
    library: Assistant,
) -> None:
    """Sørbygda's plan counts entrepreneurs with grants; it gives no count of jobs."""
    text, grounded, cited = ask(library, "How many entrepreneurs received a grant in Sørbygda?")
    assert grounded and "42 gründere" in text and cited[0] == "sorbygda-2020"
    text, grounded, _ = ask(library, "How many new jobs were created in Sørbygda?")
    assert not grounded
    assert "42" not in text.split("\n\n")[0]


def test_a_target_is_quoted_for_a_target_and_never_for_what_was_reached(
    library: Assistant,
) -> None:
    """Nordvik's plan sets a target of new jobs; no document says how many were created."""
    text, grounded, cited = ask(library, "Hva er målet for nye arbeidsplasser i Nordvik?")
    assert grounded and "40 nye" in text and cited == ["nordvik-2024"]
    text, grounded, _ = ask(library, "Hvor mange nye arbeidsplasser ble skapt i Nordvik?")
    assert not grounded
    assert "40" not in text.split("\n\n")[0]
    # "i planperioden" is the period of the plan's title.
    text, grounded, _ = ask(library, "What is the target for new jobs in Nordvik for 2024–2028?")
    assert grounded and "40 nye" in text


def test_a_count_of_new_things_is_not_answered_by_a_count_of_all_there_are(
    library: Assistant,
) -> None:
    """Sørbygda's plan says how many people its tourism employs, not how many new jobs."""
    text, grounded, _ = ask(library, "Hvor mange nye arbeidsplasser ble skapt i Sørbygda?")
    assert not grounded
    assert "300" not in text.split("\n\n")[0]
    text, grounded, _ = ask(library, "Hvor mange personer sysselsetter reiselivet i Sørbygda?")
    assert grounded and "300 personer" in text


def test_who_holds_a_title_is_answered_only_by_a_sentence_naming_the_title(
    library: Assistant,
) -> None:
    """Vestli's text names the incubator's manager and no mayor."""
    text, grounded, cited = ask(library, "Who is the managing director of the incubator in Vestli?")
    assert grounded and "Per Lie" in text and cited == ["vestli-2022"]
    text, grounded, _ = ask(library, "Hvem er ordfører i Vestli kommune?")
    assert not grounded
    assert "Per Lie" not in text.split("\n\n")[0]


def test_a_short_question_its_own_words_do_not_ground_is_read_with_the_previous_topic(
    library: Assistant,
) -> None:
    """ "Hvor lenge gjelder avtalen?" names a topic of its own, but too little to answer from;
    after a question about the negotiator in Dalheim it asks about that agreement."""
    question = "Hvor lenge gjelder avtalen?"
    assert not library.chat([Message(role="user", content=question)]).grounded
    first = Message(
        role="user", content="Hvilken kommune i Næringsløftet Dalheim har vært forhandler?"
    )
    answer = library.chat([first])
    assert answer.grounded and "Åsvoll" in answer.answer
    follow_up = library.chat(
        [
            first,
            Message(role="assistant", content=answer.answer),
            Message(role="user", content=question),
        ]
    )
    assert follow_up.grounded
    assert "i ti år" in follow_up.answer
    assert {c.doc_id for c in follow_up.citations} == {"dalheim-2025"}


ANNUAL_REPORT = """# 1 Business fund

The municipal business fund of Nordvik granted NOK 2.1 million to local businesses in 2024.
Most of the grants went to young entrepreneurs and to the fishing industry.
"""


def _library_with(tmp_path: Path, files: dict[str, str], **answer: object) -> Assistant:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = make_settings(tmp_path / "store", corpus, answer=answer)
    with open_store(settings, make_embedder(settings.embedder)) as store:
        assert index_corpus(settings, store).ok
    return Assistant.open(settings)


@pytest.mark.parametrize("holds_english", [True, False])
def test_a_question_mostly_in_words_the_library_never_uses_is_refused_where_it_holds_its_language(
    tmp_path: Path, holds_english: bool
) -> None:
    """Where the library holds English text, an English question most of whose words none of
    it uses is about something else; without English text, unknown English words say nothing."""
    files = {"nordvik.md": NORDVIK}
    if holds_english:
        files["annual-report.md"] = ANNUAL_REPORT
    # A low threshold and the largest penalty: the decision rests on the unknown words alone.
    assistant = _library_with(tmp_path, files, min_support=0.3, unknown_term_penalty=1.0)
    try:
        _, off_topic_answered, _ = ask(assistant, "How do I bake sourdough bread?")
        _, on_topic_answered, _ = ask(assistant, "How large is the entrepreneur grant in Nordvik?")
    finally:
        assistant.close()
    assert off_topic_answered is not holds_english
    assert on_topic_answered


def test_names_typed_in_lower_case_or_without_their_letters_are_read_as_the_library_spells_them(
    library: Assistant,
) -> None:
    text, grounded, cited = ask(library, "hvor mange gründere fikk stipend i sorbygda?")
    assert grounded and "42 gründere" in text
    assert cited[0] == "sorbygda-2020"
    text, grounded, _ = ask(library, "hvor mye får næringsfondet i botn i 2025?")
    assert not grounded
    assert "Kildene nevner Botn bare blant flere" in text


@pytest.mark.parametrize("relief", [0.0, 0.5])
def test_a_figure_found_within_the_year_asked_needs_less_support_than_other_evidence(
    tmp_path: Path, relief: float
) -> None:
    """A list row ("2025: 1,9 millioner kroner") reads little like the question asking for its
    figure. Where the constraint check finds the figure asked within the year asked,
    `verified_relief` lowers the support the answer needs; a question naming no year gets none."""
    assistant = _library_with(
        tmp_path, {"nordvik.md": NORDVIK}, min_support=0.99, verified_relief=relief
    )
    try:
        text, dated_answered, _ = ask(assistant, "Hvor mye får næringsfondet i Nordvik i 2025?")
        _, undated_answered, _ = ask(assistant, "Hvor stort er gründerstipendet i Nordvik?")
    finally:
        assistant.close()
    assert dated_answered is (relief > 0)
    assert not dated_answered or "1,9 millioner kroner" in text
    assert not undated_answered


def test_an_answer_says_in_which_other_languages_it_quotes_its_sources(tmp_path: Path) -> None:
    """A library holds Norwegian and English text: an answer names the languages of the
    sources it quotes that are not the question's, and only those."""
    assistant = _library_with(tmp_path, {"nordvik.md": NORDVIK, "annual-report.md": ANNUAL_REPORT})
    questions = {
        "en": "How much did Nordvik's business fund grant to local businesses in 2024?",
        "sv": "Hur mycket beviljade näringsfonden till lokala företag 2024?",
        "nb": "Hvor mye fikk næringsfondet i Nordvik i 2024?",
    }
    names = {
        "en": {"nordvik": "Norwegian"},
        "sv": {"nordvik": "norska", "annual-report": "engelska"},
    }
    try:
        answers = {lang: ask_fully(assistant, q) for lang, q in questions.items()}
    finally:
        assistant.close()
    for lang, answer in answers.items():
        assert answer.grounded, lang
        cited = {c.doc_id for c in answer.citations}
        named = {names.get(lang, {}).get(doc) for doc in cited} - {None}
        said = {
            n for n in ("Norwegian", "norska", "engelska", "English") if n in (answer.notice or "")
        }
        assert said == named, (lang, cited, answer.notice)
    assert answers["sv"].notice and "engelska" in answers["sv"].notice, (
        "the English report is cited"
    )


def ask_fully(assistant: Assistant, question: str) -> Any:
    return assistant.chat([Message(role="user", content=question)])
