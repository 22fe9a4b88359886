"""Constraints a question names, and whether evidence meets them, in all four languages."""

from __future__ import annotations

import pytest

from assistant.answering.answer import with_antecedents
from assistant.answering.constraints import (
    Constraint,
    FigureAsked,
    Naming,
    as_asked,
    asked_names,
    asks_for_figure,
    asks_of_a_body,
    check,
    continued_sentence,
    document_dates,
    find_constraints,
    headed_sections,
    holds_figure,
    holds_title_elsewhere,
    how_named,
    list_lead_in,
    measured_words,
    meets,
    mismatch,
    name_constraints,
    name_key,
    named_apart_from_its_figure,
    named_before,
    named_in_a_list,
    named_in_another_body,
    names_another,
    naming_by_entry,
    off_topic_for_the_asker,
    outside_lists,
    owners_asked,
    screen,
    shares_topic,
    time_constraints,
    topic_terms,
    without_titles,
)
from assistant.answering.extractive import Candidate
from assistant.answering.language import Language
from assistant.answering.measures import (
    asked_measure,
    figures_in,
    gives_measure,
    is_company,
    money_source,
)
from assistant.answering.titles import asks_which_place
from assistant.domain import CatalogueEntry, Chunk

FUND = (
    "Det kommunale næringsfondet får en samlet ramme på 11,2 millioner kroner "
    "for perioden 2024–2028."
)
TITLE = "Strategisk næringsplan for Vikfjord kommune 2024–2028"


def kinds(question: str) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in find_constraints(question)]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Hva var rammen for fondet i 2018–2022?", [("period", "2018–2022")]),
        ("Hva var rammen for fondet i 2024-28?", [("period", "2024-28")]),
        ("Kor mange arbeidsplassar skal ein ha i 2040?", [("year", "2040")]),
        (
            "Hur stor var budgeten under förra strategiperioden?",
            [("relative", "förra strategiperioden")],
        ),
        ("What was the fund in the previous plan period?", [("relative", "previous plan period")]),
        ("Hva var rammen i forrige planperiode?", [("relative", "forrige planperiode")]),
        ("Kva var talet i førre periode?", [("relative", "førre periode")]),
        ("the programme that ran from 2020 to 2024", [("period", "2020 to 2024")]),
        ("frå og med 2021 til og med 2025", [("period", "2021 til og med 2025")]),
        ("Hur mycket satsades mellan 2019 och 2023?", [("period", "mellan 2019 och 2023")]),
        ("Hva var tallene i 2020 og 2024?", [("year", "2020"), ("year", "2024")]),
    ],
)
def test_times_in_four_languages(question: str, expected: list[tuple[str, str]]) -> None:
    assert [k for k in kinds(question) if k[0] in {"year", "period", "relative"}] == expected


def test_a_short_period_is_read_as_full_years() -> None:
    [period] = find_constraints("i perioden 2024-28")
    assert period.key == ("2024", "2028")


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("Stemmer det at fondet er 11,2 millioner?", ("11", "2")),
        ("Was the budget NOK 14.6 million?", ("14", "6")),
        ("Gir kommunen 75 000 kroner i stipend?", ("75000", "")),
    ],
)
def test_figures_are_read_with_their_decimals_and_thousands(
    question: str, number: tuple[str, str]
) -> None:
    numbers = [c.key for c in find_constraints(question) if c.kind == "number"]
    assert numbers == [number]


def test_years_are_not_figures() -> None:
    assert not [
        c for c in find_constraints("Hva skjedde i 2021 og 2018–2022?") if c.kind == "number"
    ]


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("Hvor stor andel av Trondheim kommunes innkjøp gikk lokalt?", ["Trondheim"]),
        ("How much is Vikfjord's business fund?", ["Vikfjord"]),
        # A name in the genitive before another: two names, the owner's and what it owns.
        ("How quickly does Ekbyrne's Företagslotsen reply?", ["Ekbyrne", "Företagslotsen"]),
        ("Did Hammerfest take on a playmaker role?", ["Hammerfest"]),
        (
            "Vilken placering hade Älvbacka i Svenskt Näringslivs ranking?",
            ["Älvbacka", "Svenskt Näringslivs"],
        ),
        ("Hva sa Hilde Marit Sørvik om brobygging?", ["Hilde Marit Sørvik"]),
        ("Kva seier planen om Inn på tunet?", []),
        ("Hvilket Inn på tunet-tilbud finnes?", []),
        ("Hur mycket köpte kommunerna i Midtfjorden Inn på tunet-tjänster för?", ["Midtfjorden"]),
        ("Rana kommune har mange gründere.", ["Rana"]),
        ("3.1 Innkjøpsdata for 2021\nTabell 1 viser andelen", []),
        ("Det sa Kommunen og Fylkeskommunens folk.", []),
        # A month is a date, not a name.
        ("What did the plan adopted in December 2024 pick?", []),
        # A follow-up's topic words in brackets: a bracket opens no sentence.
        ("og hva med 2024? (Ospedal næringsfond søknader)", ["Ospedal"]),
    ],
)
def test_names_but_not_question_words_or_sentence_starts(question: str, names: list[str]) -> None:
    assert [c.text for c in find_constraints(question) if c.is_name] == names


def test_names_are_classified_by_their_form() -> None:
    found = dict((c.text, c.kind) for c in find_constraints(
        "Hva sa Hilde Marit Sørvik om Vikfjord Næringsforum og fondet i Rana?"
    ))  # fmt: skip
    assert found == {
        "Hilde Marit Sørvik": "person",
        "Vikfjord Næringsforum": "organisation",
        "Rana": "place",
    }


def test_a_year_is_met_by_the_same_year_or_a_period_it_bounds() -> None:
    year = Constraint("year", "2028", ("2028",))
    assert meets(year, "innen 2028")
    assert meets(year, FUND)
    assert not meets(year, "innen 2026")
    assert not meets(year, "2128 meter over havet")


def test_a_figure_for_a_year_is_not_one_for_a_period_it_bounds() -> None:
    year = Constraint("year", "2020", ("2020",))
    assert not meets(year, "Fondet delte ut 9 millioner kroner i 2016–2020.", exact=True)
    assert meets(year, "Fondet delte ut 2,1 millioner kroner i 2020.", exact=True)
    total = only("Fondet delte ut 9 millioner kroner i perioden 2016–2020.")
    assert screen("Hvor mye delte fondet ut i 2020?", [total], {}, "nb").kept == []
    assert screen("Hva skjedde med fondet i 2020?", [total], {}, "nb").kept == [total]


def test_a_sentence_going_on_from_the_one_before_by_a_pronoun_is_dated_by_it() -> None:
    passage = (
        "The Fjordland Business Initiative 2016–2020 was run by three municipalities. "
        "It had a budget of NOK 22.9 million and gave 79 new jobs."
    )
    sentence = "It had a budget of NOK 22.9 million and gave 79 new jobs."
    candidate = passage_candidate(passage, sentence, language="en")
    question = "How many new jobs did the initiative give in 2016–2020?"
    assert screen(question, [candidate], {}, "en").kept == [candidate]
    alone = only(sentence, language="en")
    assert screen(question, [alone], {}, "en").kept == []


def test_a_count_of_another_thing_right_after_it_counts_nothing_asked() -> None:
    jobs = only(
        "Enligt företagens egna uppgifter har projekten gett 126 nya arbetstillfällen.",
        language="sv",
    )
    projects = only("Programmet finansierade 93 projekt i de tre kommunerna.", language="sv")
    question = "Hvor mange prosjekter finansierte programmet?"
    assert screen(question, [jobs, projects], {}, "nb").kept == [projects]
    row = only("Kjerrvik: Projects 29; New jobs 43.", language="en")
    assert screen("Hur många projekt hade Kjerrvik?", [row], {}, "sv").kept == [row]


def test_a_count_of_those_who_own_counts_owners_whatever_they_are_called() -> None:
    """ "Owned by 140 residents" counts the owners; a count of residents alone does not."""
    owned = only("Bygdebolaget, som ägs av 140 invånare, tog över lanthandeln.", language="sv")
    members = only("Bygden har 140 invånare och en lanthandel.", language="sv")
    question = "How many owners does the village company have?"
    assert screen(question, [owned, members], {}, "en").kept == [owned]


def test_a_count_of_some_of_them_counts_what_the_sentence_before_counted() -> None:
    passage = (
        "The pilot supported 37 new business start-ups. "
        "Twenty-nine of them were still operating in March 2023."
    )
    sentence = "Twenty-nine of them were still operating in March 2023."
    going_on = passage_candidate(passage, sentence, language="en")
    question = "Kor mange av dei nyetablerte verksemdene var framleis i drift i mars 2023?"
    assert screen(question, [going_on], {}, "nn").kept == [going_on]
    other = passage_candidate(
        "The pilot held 37 meetings with the county. Twenty-nine of them were in Tromsø.",
        "Twenty-nine of them were in Tromsø.",
        language="en",
    )
    assert screen(question, [other], {}, "nn").kept == [], "meetings are no new businesses"


def test_a_sentence_going_on_from_the_one_before_is_quoted_after_it() -> None:
    passage = (
        "Evaluation\n\nThe pilot supported 37 new business start-ups. "
        "Twenty-nine of them were still operating in March 2023."
    )
    going_on = passage_candidate(passage, "Twenty-nine of them were still operating in March 2023.")
    [before, quoted] = with_antecedents([going_on])
    assert quoted is going_on
    assert before.text == "The pilot supported 37 new business start-ups."
    assert passage[before.start : before.end] == before.text, "a verbatim span"
    standing = passage_candidate(passage, "The pilot supported 37 new business start-ups.")
    assert with_antecedents([standing]) == [standing]
    opening = passage_candidate(
        "It had a budget of NOK 22.9 million.", "It had a budget of NOK 22.9 million."
    )
    assert with_antecedents([opening]) == [opening], "nothing before it in its paragraph"
    assert with_antecedents([before, going_on]) == [before, going_on], "never quoted twice"


def test_an_undated_sentence_is_dated_by_the_period_in_its_documents_title() -> None:
    rate = passage_candidate(
        "Enkäten besvarades av 131, vilket ger en svarsfrekvens på 54 procent.",
        "Enkäten besvarades av 131, vilket ger en svarsfrekvens på 54 procent.",
        doc_id="gr",
        language="sv",
        heading="1.3 Metod",
    )
    title = {"gr": "Utvärdering av programmet Gränslöst näringsliv 2020–2023"}
    question = "Hva var svarprosenten i evalueringen av grenseprogrammet 2020–2023?"
    assert screen(question, [rate], title, "nb").kept == [rate]
    earlier = "Hva var svarprosenten i evalueringen av grenseprogrammet 2015–2019?"
    assert screen(earlier, [rate], title, "nb").kept == [], "another period is not the title's"
    assert screen(question, [rate], {"gr": "Utvärdering av Gränslöst"}, "nb").kept == []
    dated = passage_candidate(
        "Enkäten 2021 besvarades av 131 företag.", "Enkäten 2021 besvarades av 131 företag.",
        doc_id="gr", language="sv",
    )  # fmt: skip
    assert screen(question, [dated], title, "nb").kept == [], "dated by its own year"


def test_a_question_about_the_askers_own_affairs_needs_a_sentence_naming_its_topic() -> None:
    advice = only("Etablere et fast samarbeid mellom innkjøp og næringsavdelingen.")
    question = "Hvordan søker jeg startlån fra kommunen til å kjøpe bolig?"
    assert off_topic_for_the_asker(question, "nb", [advice])
    loan = only("Kommunen tildeler startlån til unge som skal kjøpe sin første bolig.")
    assert not off_topic_for_the_asker(question, "nb", [advice, loan])
    municipal = "Hvordan søker kommunen om startlån fra Husbanken?"
    assert not off_topic_for_the_asker(municipal, "nb", [advice]), "not the asker's own affairs"
    swedish = only("Kommunen bör upprätta en plan för upphandling.", language="sv")
    assert not off_topic_for_the_asker(question, "nb", [swedish]), "other languages say nothing"
    preposition = "I hvilken periode manglet Elvmoen kommune næringssjef?"
    assert not off_topic_for_the_asker(preposition, "nb", [advice]), "'I' is 'in' in bokmål"
    english = only("Municipalities should publish a procurement plan.", language="en")
    assert off_topic_for_the_asker("How do I reset my email password?", "en", [english])


def test_a_personal_question_is_off_topic_when_unknown_words_outweigh_shared_ones() -> None:
    question = "Hvordan søker jeg om permisjon uten lønn fra stillingen min i kommunen?"
    post = only("Kommunen skal ha et gründerkontor med en fast veileder i 50 prosent stilling.")
    library = {"stilling", "kommun", "gründerkontor", "veiled"}
    assert off_topic_for_the_asker(question, "nb", [post], lambda term: term in library)
    assert not off_topic_for_the_asker(question, "nb", [post]), "every word known: one shared"
    leave = only("Ansatte kan søke permisjon fra stillingen sin i inntil ett år.")
    assert not off_topic_for_the_asker(
        question, "nb", [post, leave], lambda term: term in library | {"permisjon"}
    ), "a sentence naming both words answers it"
    role = "Korleis kan eg som næringssjef jobbe som brobyggar?"
    bridge = only("Brobyggarrolla krev ein næringssjef med tid og mandat.", language="nn")
    assert not off_topic_for_the_asker(role, "nn", [bridge], lambda term: True)


def test_a_sentence_naming_the_place_asked_itself_is_verified_evidence() -> None:
    """It needs less support than one met only by its document's name for the place."""
    question = "What was the co-creation project in Loppa?"
    naming = only("They included a community-run fuel station in Loppa.", language="en")
    assert screen(question, [naming], {}, "en").verified
    context = {"doc": "Evaluation of the coastal pilot in Loppa"}
    elsewhere = only("They included a community-run fuel station.", language="en")
    screened = screen(question, [elsewhere], context, "en")
    assert screened.kept == [elsewhere] and not screened.verified
    assert not screen("What was the co-creation project?", [naming], {}, "en").verified


def test_a_referring_det_goes_on_from_the_sentence_before_a_dummy_det_does_not() -> None:
    passage = (
        "Gränsprogrammet 2015–2019 drevs av de tre svenska kommunerna. Det finansierade 61 projekt."
    )
    going_on = passage_candidate(passage, "Det finansierade 61 projekt.", language="sv")
    question = "Hur många projekt finansierade Gränsprogrammet 2015–2019?"
    assert screen(question, [going_on], {}, "sv").kept == [going_on]
    dummy = (
        "Gränsprogrammet 2015–2019 drevs av de tre svenska kommunerna. "
        "Det finns 61 projekt i registret."
    )
    standing = passage_candidate(dummy, "Det finns 61 projekt i registret.", language="sv")
    assert screen(question, [standing], {}, "sv").kept == []
    fund = "Fondet delte ut 1,4 millioner kroner i 2022. Det største tilskuddet gikk til Lunde AS."
    article = passage_candidate(fund, "Det største tilskuddet gikk til Lunde AS.")
    assert continued_sentence(article) == "", "'Det' as an article goes on from nothing"


def test_a_period_is_met_only_by_the_same_period_or_both_its_years() -> None:
    [period] = find_constraints("i 2018–2022")
    assert not meets(period, FUND)
    assert meets(period, "for perioden 2018-2022 var rammen 9 millioner")
    [change] = time_constraints("Hur har antalet gårdsbruk förändrats mellan 2010 och 2020?")
    assert meets(change, "talet er redusert frå 148 i 2010 til 97 i 2020")
    assert not meets(change, "talet var 97 i 2020")


def test_a_name_is_met_inflected_or_by_the_documents_title() -> None:
    [place] = [c for c in find_constraints("Hva er fondet i Vikfjord?") if c.is_name]
    assert meets(place, "Vikfjords næringsfond er stort")
    # A body named with what it is, in one word, is met by its name in another language.
    [body] = [c for c in find_constraints("Vad fick Haldorinstitutet betalt?") if c.is_name]
    assert meets(body, "The Haldor Institute for Regional Research was paid NOK 1.2 million.")
    assert not meets(body, "The Fjellnett Institute was paid NOK 1.2 million.")
    assert not meets(place, FUND)
    assert meets(place, FUND, context=TITLE)


def test_an_acronym_beside_another_name_is_met_where_the_text_writes_each() -> None:
    question = "When did the ReSeNS Interreg project run?"
    [project] = [c for c in find_constraints(question) if c.is_name]
    text = "Notatet bygger på Interregprosjektet «Samfunnsentreprenørskap» (ReSeNS) fra 2016."
    assert meets(project, text)
    assert not meets(project, "Notatet bygger på Interregprosjektet «Samfunnsentreprenørskap».")
    # Without an acronym a name of several words is met only as written.
    [person] = [c for c in find_constraints("What did Anders Hansen say?") if c.is_name]
    assert not meets(person, "Anders Berg og Per Hansen var til stede.")


def test_a_country_is_met_by_its_name_or_adjective_in_any_language_and_is_never_a_part() -> None:
    [sweden] = [c for c in find_constraints("What did the Sweden fund grant?") if c.is_name]
    assert meets(sweden, "Programmet omfattar tre kommuner i Sverige.")
    assert meets(sweden, "De svenska kommunerna bidrog med 4 miljoner kronor.")
    assert not meets(sweden, "Kommunane i Noreg bidrog med 4 millionar kroner.")
    plan = {**PLAN, "4 Straumen": PLAN["4 Straumen"] + " Turistane kjem frå Sweden."}
    assert naming("Hva satser Nordvik på i Sweden?", plan).how == "whole"
    # Northern Norway is named alike in every language.
    [north] = [c for c in find_constraints("Hva gjør kommunene i Nord-Norge?") if c.is_name]
    assert meets(north, "Small coastal municipalities in Northern Norway face decline.")
    assert not meets(north, "Small coastal municipalities in Norway face decline.")
    [nordnorge] = [c for c in find_constraints("Hur gör kommunerna i Nordnorge?") if c.is_name]
    assert meets(nordnorge, "Small coastal municipalities in Northern Norway face decline.")
    # A cross-border programme named by both countries is in either.
    [both] = [c for c in find_constraints("What did the Sweden-Norway programme do?") if c.is_name]
    assert meets(both, "Programmet omfattar fyra kommuner i Sverige och Norge.")
    assert not meets(both, "Programmet omfattar fyra kommuner i Finland.")


def test_a_figure_is_met_by_the_same_figure_however_written() -> None:
    [figure] = [c for c in find_constraints("Er fondet 11.2 millioner?") if c.kind == "number"]
    assert meets(figure, FUND)
    assert not meets(figure, "Fondet er 11 millioner kroner.")


def test_check_reports_what_the_evidence_names_instead() -> None:
    result = check(find_constraints("Hva var rammen i Vikfjord i 2018–2022?"), FUND, TITLE)
    assert not result.ok
    assert [c.text for c in result.unmet] == ["2018–2022"]
    assert [c.text for c in result.met] == ["Vikfjord"]
    assert [c.text for c in result.found] == ["2024–2028"]


def test_evidence_meeting_every_constraint_passes() -> None:
    result = check(find_constraints("Hva er rammen i Vikfjord for 2024–2028?"), FUND, TITLE)
    assert result.ok


@pytest.mark.parametrize(
    ("question", "language", "statement"),
    [
        (
            "Hva var rammen for næringsfondet i 2018–2022?",
            "nb",
            "Kildene oppgir tallet for 2024–2028, ikke for 2018–2022.",
        ),
        (
            "Kva var ramma for næringsfondet i førre planperiode?",
            "nn",
            "Kjeldene oppgir talet for 2024–2028, ikkje for førre planperiode.",
        ),
        (
            "Hur stor var näringsfonden 2019?",
            "sv",
            "Källorna anger siffran för 2024–2028, inte för 2019.",
        ),
        (
            "What was the fund in the previous plan period, 2016–2020?",
            "en",
            "The sources give the figure for 2024–2028, not for 2016–2020.",
        ),
        (
            "What was the fund in the previous plan period?",
            "en",
            "The sources give the figure for 2024–2028, not for the previous plan period.",
        ),
    ],
)
def test_mismatch_says_which_period_the_sources_give(
    question: str, language: str, statement: str
) -> None:
    assert mismatch(question, FUND, language) == statement  # type: ignore[arg-type]


def test_mismatch_names_the_places_the_evidence_is_about() -> None:
    evidence = "Den høyeste lokale andelen hadde Smøla med 34 prosent, den laveste Hitra."
    statement = mismatch(
        "Hvor stor andel av Trondheim kommunes innkjøp gikk lokalt?", evidence, "nb"
    )
    assert statement == "Kildene handler om Smøla og Hitra, ikke om Trondheim."


def test_mismatch_names_the_place_first_when_the_year_is_missed_too() -> None:
    """Another place's figure for another year: saying which year the sources give would
    pass that figure off as the place's asked about."""
    evidence = "In 2023, 31 per cent of Strandheim's purchases went to local suppliers."
    statement = mismatch(
        "What share of Kristiansund's purchases went to local suppliers in 2021?", evidence, "en"
    )
    assert statement == "The sources are about Strandheim, not about Kristiansund."


def test_mismatch_without_a_period_in_the_evidence() -> None:
    statement = mismatch("How much was spent in 2030?", "The fund is large.", "en")
    assert statement == "The sources do not give the figure for 2030."


def test_no_mismatch_when_the_evidence_meets_the_question() -> None:
    assert mismatch("Hva er rammen for næringsfondet i 2024–2028?", FUND, "nb") is None
    assert mismatch("Hva er rammen for fondet i Vikfjord?", FUND, "nb", context=TITLE) is None
    assert mismatch("Hva er rammen for næringsfondet?", FUND, "nb") is None


# -- screening the candidate sentences of an answer --

PLAN = (
    "Det kommunale næringsfondet får en samlet ramme på 11,2 millioner kroner for perioden "
    "2024–2028. Den forrige næringsplanen gjaldt for perioden 2016–2020. "
    "2026: 2,2 millioner kroner"
)


def plan_candidate(sentence: str, doc_id: str = "vikfjord", claim: bool = True) -> Candidate:
    start = PLAN.index(sentence)
    chunk = Chunk(
        id=f"{doc_id}:0", doc_id=doc_id, text=PLAN, start=0, end=len(PLAN),
        section_path=["5 Kommunalt næringsfond", "5.1 Ramme og fordeling"], title=TITLE,
    )  # fmt: skip
    return Candidate(
        chunk, 0, start, start + len(sentence), sentence, 0.9, 0.0, 0.9,
        None if claim else "heading",
    )  # fmt: skip


FUND_SENTENCE = plan_candidate(PLAN.split(". ")[0] + ".")
EARLIER_SENTENCE = plan_candidate("Den forrige næringsplanen gjaldt for perioden 2016–2020.")
ROW_2026 = plan_candidate("2026: 2,2 millioner kroner")
CONTEXTS = {"vikfjord": TITLE + "\nVikfjord kommune"}


def test_only_sentences_meeting_the_asked_year_answer() -> None:
    screened = screen(
        "Hvor mye får næringsfondet i Vikfjord i 2026?",
        [FUND_SENTENCE, EARLIER_SENTENCE, ROW_2026],
        CONTEXTS,
        "nb",
    )
    assert screened.kept == [ROW_2026]


def test_when_the_best_evidence_is_about_another_period_the_answer_says_which() -> None:
    screened = screen(
        "Hva var rammen for næringsfondet i Vikfjord i 2018–2022?",
        [FUND_SENTENCE, ROW_2026],
        CONTEXTS,
        "nb",
    )
    assert screened.kept == []
    assert screened.statement == "Kildene oppgir tallet for 2024–2028, ikke for 2018–2022."


def test_when_a_sentence_meets_the_asked_year_the_answer_never_says_the_sources_lack_it() -> None:
    """The closest sentence is about the plan period, the row below it about 2026: whatever
    the support, "the sources give 2024–2028, not 2026" would be false."""
    screened = screen(
        "Hvor mye får næringsfondet i Vikfjord i 2026?",
        [FUND_SENTENCE, ROW_2026],
        CONTEXTS,
        "nb",
    )
    assert screened.kept == [ROW_2026]
    assert screened.statement is None


def test_the_period_before_the_documents_own_is_the_previous_period() -> None:
    [previous] = time_constraints("Hva var rammen i forrige planperiode?")
    evaluation = "Evaluering av Næringsløypa Kvernådalen 2020–2024"
    assert meets(previous, "Kvernås: 2020–2024 49; 2015–2019 24.", evaluation)
    assert not meets(previous, "Kvernås: 2010–2014 12.", evaluation)
    assert not meets(previous, "Kvernås: 2015–2019 24.", "Evaluering av Næringsløypa")
    assert meets(previous, "Den forrige næringsplanen gjaldt for perioden 2016–2020.")


def test_a_question_asking_for_a_figure_is_not_answered_by_a_sentence_without_one() -> None:
    """The previous plan's period meets "2016–2020", but gives no amount."""
    screened = screen(
        "Hvor stor var rammen for næringsfondet i perioden 2016–2020?",
        [EARLIER_SENTENCE, FUND_SENTENCE],
        CONTEXTS,
        "nb",
    )
    assert screened.kept == []


def test_a_name_is_met_by_the_document_not_only_the_sentence() -> None:
    kept = screen("Hvor mye får næringsfondet i Vikfjord i 2026?", [ROW_2026], CONTEXTS, "nb")
    elsewhere = screen("Hvor mye får næringsfondet i Trondheim i 2026?", [ROW_2026], CONTEXTS, "en")
    assert kept.kept == [ROW_2026]
    assert elsewhere.kept == []
    assert elsewhere.statement == "The sources say nothing about Trondheim."


def test_a_question_without_constraints_keeps_every_candidate() -> None:
    candidates = [FUND_SENTENCE, EARLIER_SENTENCE]
    assert screen("Hva er næringsfondet?", candidates, CONTEXTS, "nb").kept == candidates


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("2025: 2,4 millioner kroner", True),
        ("Four of the six municipalities moved towards a playmaker role.", True),
        ("Storlia skal ha 3 200 arbeidsplassar i 2033.", True),
        ("Den ersätter Näringslivsprogrammet 2017–2021.", False),
        ("Planen ble vedtatt i 2023 etter en bred prosess.", False),
    ],
)
def test_a_figure_is_an_amount_or_count_not_a_year(text: str, figure: bool) -> None:
    assert holds_figure(text, set()) is figure


def test_figure_questions_are_recognised_in_four_languages() -> None:
    assert all(
        asks_for_figure(q)
        for q in (
            "Hvor mange prosjekter fikk støtte?",
            "Kor stor del gjekk til lokale leverandørar?",
            "Hur stor var budgeten?",
            "What share went to local suppliers?",
        )
    )
    assert not asks_for_figure("Hva betyr det at kommunen er brobygger?")


def test_keywords_naming_a_thing_measured_and_a_year_ask_for_its_figure() -> None:
    assert asks_for_figure("Ospedal næringsfond søknader 2019")
    assert asks_for_figure("alvbacka nystartade företag 2023")
    assert not asks_for_figure("playmaker definition"), "no year: a topic"
    assert not asks_for_figure("Hva skjedde med søknadene i 2019?"), "a question says how it asks"
    assert not asks_for_figure(
        "Tell me what the municipality and the fund did for new businesses in 2019"
    ), "a sentence, not keywords"
    founded = only("Kommunestyret oppretta Ospedal næringsfond i desember 2019.", "nn")
    assert screen("Ospedal næringsfond søknader 2019", [founded], {}, "nb").kept == []


def test_keywords_name_the_place_they_open_with() -> None:
    """A question opens a sentence with a capital; keywords open none."""
    names = [c.text for c in find_constraints("Älvbacka nystartade företag 2023") if c.is_name]
    assert names == ["Älvbacka"]
    assert not [c for c in find_constraints("Hvor mange nye foretak kom i 2023?") if c.is_name]
    assert not [c for c in find_constraints("Kommunen næringsfond 2023") if c.is_name]
    table_row = only("Nye foretak i de tre kommunene: 2022 47; 2023 52; 2024 61.")
    assert screen("Älvbacka nystartade företag 2023", [table_row], {}, "sv").kept == []


# -- evidence that meets a constraint only in passing --


def passage_candidate(
    passage: str, sentence: str, doc_id: str = "doc", language: str = "nb", heading: str = "1"
) -> Candidate:
    """A candidate sentence of a one-passage document."""
    start = passage.index(sentence)
    chunk = Chunk(
        id=f"{doc_id}:0", doc_id=doc_id, text=passage, start=0, end=len(passage),
        section_path=[heading], title=doc_id, language=language,
    )  # fmt: skip
    return Candidate(chunk, 0, start, start + len(sentence), sentence, 0.9, 0.0, 0.9)


def only(sentence: str, language: str = "nb", heading: str = "1") -> Candidate:
    return passage_candidate(sentence, sentence, language=language, heading=heading)


MINUTES = (
    "Ordfører Gunnhild Valen åpnet verkstedet og viste til at kommunestyret i desember 2023 "
    "vedtok at kommunen skal utarbeide en ny næringsplan innen utgangen av 2024."
)
WORKSHOP_QUESTION = "Hva ble avtalt på arbeidsverkstedet om playmakerrollen i Sandvær i 2023?"


def test_a_year_that_dates_another_clause_does_not_answer_for_that_year() -> None:
    """The workshop is in one clause, the council's decision of 2023 in another."""
    screened = screen(WORKSHOP_QUESTION, [only(MINUTES)], {"doc": "Sandvær kommune"}, "nb")
    assert screened.kept == []
    assert screened.covering == []


def test_a_time_opening_the_sentence_dates_every_clause_of_it() -> None:
    period = only(
        "I perioden 2016–2019 registrerte næringskontoret 238 rettleiingssamtalar, og fondet "
        "gav 96 tilsegner med eit samla beløp på 5,1 millionar kroner."
    )
    question = "Hvor mange tilsagn ga næringsfondet i perioden 2016–2019?"
    assert screen(question, [period], {"doc": "Kvitberg kommune"}, "nb").kept == [period]


def test_bokmaal_and_nynorsk_spellings_one_vowel_apart_name_one_thing() -> None:
    grants = only("Fondet gav 141 tilsegner i perioden 2020–2024.", language="nn")
    question = "Hvor mange tilsagn ga fondet i perioden 2020–2024?"
    assert screen(question, [grants], {"doc": "Kvitberg kommune"}, "nb").kept == [grants]
    loans = only("Fondet gav 141 lån i perioden 2020–2024.", language="nn")
    assert screen(question, [loans], {"doc": "Kvitberg kommune"}, "nb").kept == []


SHOP = (
    "When the village shop in Skardbu was about to close in spring 2024, the municipality "
    "brought the owner and the sports club together. By the end of the year the cooperative "
    "had 212 members. The following year the members are to number 300."
)


def test_a_sentence_pointing_back_to_the_year_before_is_dated_by_it() -> None:
    members = passage_candidate(SHOP, "By the end of the year the cooperative had 212 members.")
    question = "How many members did the cooperative in Skardbu have at the end of 2024?"
    screened = screen(question, [members], {"doc": "Annual report"}, "en")
    assert screened.kept == [members]
    earlier = "How many members did the cooperative in Skardbu have at the end of 2023?"
    assert screen(earlier, [members], {"doc": "Annual report"}, "en").kept == []
    following = passage_candidate(SHOP, "The following year the members are to number 300.")
    assert screen(question, [following], {"doc": "Annual report"}, "en").kept == []


PLAN_BEFORE = (
    "Forrige næringsplan gjaldt for 2020–2024. Evalueringen som ble lagt fram i juni 2024 "
    "viser at 46 nye foretak ble registrert i kommunen i perioden. Planen for 2025–2028 har "
    "et mål om 70 nye foretak i perioden."
)


def test_a_sentence_pointing_back_to_the_period_before_is_dated_by_it() -> None:
    registered = passage_candidate(
        PLAN_BEFORE,
        "Evalueringen som ble lagt fram i juni 2024 viser at 46 nye foretak ble registrert i "
        "kommunen i perioden.",
    )
    question = "Hur många nya företag registrerades i Solbakk under planen 2020–2024?"
    context = {"doc": "Næringsplan for Solbakk 2025–2028"}
    assert screen(question, [registered], context, "sv").kept == [registered]
    later = "Hur många nya företag registrerades i Solbakk under planen 2015–2019?"
    assert screen(later, [registered], context, "sv").kept == []


def test_two_questions_asking_for_two_measures_are_answered_by_either_figure() -> None:
    row = only(
        "Lyngvik: 1 460 innbyggjarar, eigendel 0,5 millionar kroner, 11 prosjekt, "
        "9 nye arbeidsplassar",
        "nn",
    )
    question = (
        "How many projects did Lyngvik end up with in the programme, and how much did it pay "
        "as its own share?"
    )
    assert screen(question, [row], {"doc": "Lyngvik"}, "en").kept == [row]
    # Neither figure asked: the inhabitants are no projects, and no money is given.
    people = only("Lyngvik: 1 460 innbyggjarar.", "nn")
    assert screen(question, [people], {"doc": "Lyngvik"}, "en").kept == []


def test_how_many_and_what_was_the_target_is_answered_by_the_result_or_the_target() -> None:
    result = only("I 2024 ble 46 nye foretak registrert i kommunen.")
    target = only("Målet for 2024 var 60 nye foretak.")
    question = "Hvor mange nye foretak ble registrert i 2024, og hva var målet?"
    assert screen(question, [result, target], {"doc": "Solbakk"}, "nb").kept == [result, target]
    # Asked only for the target, the result does not answer.
    only_target = "Hva var målet for nye foretak i 2024?"
    assert screen(only_target, [result], {"doc": "Solbakk"}, "nb").kept == []


def test_a_year_in_the_clause_about_what_was_asked_answers() -> None:
    agreed = only("På arbeidsverkstedet i 2023 ble det avtalt at kommunen skal være playmaker.")
    screened = screen(WORKSHOP_QUESTION, [agreed], {"doc": "Sandvær kommune"}, "nb")
    assert screened.kept == [agreed]


def test_a_year_in_passing_is_judged_only_where_the_words_can_be_compared() -> None:
    """An English question over a Norwegian sentence shares no words to tell clauses apart."""
    question = "What was agreed at the workshop on the playmaker role in Sandvær in 2023?"
    screened = screen(question, [only(MINUTES)], {"doc": "Sandvær kommune"}, "en")
    assert len(screened.kept) == 1


def test_a_decimal_comma_does_not_split_a_clause() -> None:
    fund = only(FUND)
    question = "Hvor stor er den samlede rammen for næringsfondet i 2024–2028?"
    assert screen(question, [fund], {}, "nb").kept == [fund]


PILOT_COUNT = only("Twenty-nine of them were still operating in March 2023.", "en")
PILOT_BUDGET = only("The pilot had a total budget of NOK 14.6 million in 2023.", "en")


def test_a_figure_question_is_not_answered_by_a_sentence_whose_figure_is_another_measure() -> None:
    """Twenty-nine firms are a count, not the money the question asks for."""
    question = "How much budget did the coastal pilot get in 2023?"
    screened = screen(question, [PILOT_COUNT, PILOT_BUDGET], {}, "en")
    assert screened.kept == [PILOT_BUDGET]
    assert screen(question, [PILOT_COUNT], {}, "en").kept == []


def test_a_share_question_is_not_answered_by_an_amount_of_money() -> None:
    total = "De elleve kommunene i nettverket kjøpte i 2021 for til sammen 2,7 milliarder kroner."
    share = "Av dette gikk 24 prosent til leverandører i kjøperkommunen."
    passage = f"{total} {share}"
    candidates = [passage_candidate(passage, total), passage_candidate(passage, share)]
    screened = screen("Hvor stor andel av innkjøpene gikk lokalt i 2021?", candidates, {}, "nb")
    assert [c.text for c in screened.kept] == [share]


def test_a_sentence_going_on_from_the_one_before_is_dated_by_it() -> None:
    """The share "av dette" is of the purchases of 2021 in the sentence before."""
    total = "Kommunene kjøpte i 2021 for til sammen 2,7 milliarder kroner."
    share = "Av dette gikk 24 prosent til leverandører i kjøperkommunen."
    candidate = passage_candidate(f"{total} {share}", share)
    assert screen("Hvor stor andel gikk lokalt i 2021?", [candidate], {}, "nb").kept == [candidate]
    assert screen("Hvor stor andel gikk lokalt i 2019?", [candidate], {}, "nb").kept == []
    alone = only(share)
    assert screen("Hvor stor andel gikk lokalt i 2021?", [alone], {}, "nb").kept == []


PURCHASES_TABLE = (
    "The municipality bought goods and services for NOK 412 million in 2023. Table 3.1 shows "
    "the share of purchases that went to suppliers based in the municipality:\n\n"
    "- 2021: 24 per cent\n\n- 2022: 27 per cent\n\n- 2023: 31 per cent"
)


def test_a_row_of_a_list_is_read_with_the_sentence_opening_the_list() -> None:
    """What "27 per cent" is a share of is said by the sentence before the list."""
    row = passage_candidate(PURCHASES_TABLE, "2022: 27 per cent", language="en", heading="3.1")
    question = "What share of the municipality's purchases went to local suppliers in 2022?"
    assert screen(question, [row], {}, "en").kept == [row]
    # Across languages too, where only what is measured can be compared.
    swedish = "Hur stor andel av kommunens inköp gick till lokala leverantörer år 2022?"
    assert screen(swedish, [row], {}, "sv").kept == [row]
    # The same row without its opening names no purchases.
    assert screen(swedish, [only("2022: 27 per cent", "en", "3.1")], {}, "sv").kept == []


def test_a_figure_question_is_answered_only_by_a_sentence_naming_what_it_measures() -> None:
    """The fund's budget is money, but not what the head of business development earns."""
    question = "Hva tjener næringssjefen i Vikfjord kommune i året?"
    fund = only(FUND)
    salary = only("Næringssjefen har en årslønn på 780 000 kroner.")
    screened = screen(question, [fund, salary], CONTEXTS | {"doc": TITLE}, "nb")
    assert screened.kept == [salary]
    assert screened.covering == [fund, salary]


def test_across_languages_a_figure_answers_only_when_it_names_the_thing_asked_about() -> None:
    """Words cannot be compared between an English question and bokmål text, but what they
    name can: a budget is a "ramme", and three municipalities are no count of jobs."""
    fund = only(FUND)
    question = "How large is the business fund's total budget for 2024–2028?"
    assert screen(question, [fund], {}, "en").kept == [fund]
    municipalities = only("Tre av kommunene gjennomførte leverandørdialog for lokale bedrifter.")
    jobs = only("Programmet har gitt 45 nye arbeidsplasser i regionen.")
    question = "How many new jobs did the programme create?"
    assert screen(question, [municipalities, jobs], {}, "en").kept == [jobs]
    rent = only("Leiga er 1 500 kroner i månaden per plass det første året.", "nn")
    question = "Vad kostar en kontorsplats i gründerhuset det första året?"
    assert screen(question, [rent], {}, "sv").kept == [rent]
    rounds = only("Dagens program hadde gruppearbeid i tre runder.")
    assert screen("Hur många föreningar finns i kommunen?", [rounds], {}, "sv").kept == []


def test_across_languages_a_count_counts_what_is_named_beside_it() -> None:
    """The volunteer centre is an association, but its two meetings are no count of them;
    and a count of something the table does not know is not held to it."""
    meetings = only("Frivilligsentralen foreslo et fast samskapingsforum med to møter i året.")
    members = only("Frivilligsentralen har i dag 31 medlemsforeninger i kommunen.")
    question = "Hur många föreningar finns i kommunen?"
    assert screen(question, [meetings, members], {}, "sv").kept == [members]
    partners = only("Prosjektpartnerskapet hadde totalt 19 partnere fra Norge og Sverige.")
    question = "Hur många partner hade projektet?"
    assert screen(question, [partners], {}, "sv").kept == [partners]


VEFSN = (
    "I Vefsn økte andelen kontrakter til lokale leverandører fra 22 prosent i 2019 til "
    "29 prosent i 2023."
)
NETWORK_QUESTION = (
    "What share of the coastal procurement network's purchases went to local suppliers in 2023?"
)


def test_a_figure_for_one_place_does_not_answer_for_a_whole_the_question_asks_about() -> None:
    candidate = only(VEFSN)
    context = {"doc": "Evaluering av Helgelandsprogrammet 2019–2023"}
    screened = screen(NETWORK_QUESTION, [candidate], context, "en")
    assert screened.kept == []
    assert screened.covering == []


def test_a_figure_for_the_place_asked_about_or_its_documents_place_answers() -> None:
    candidate = only(VEFSN)
    helgeland = {"doc": "Evaluering av Helgelandsprogrammet 2019–2023"}
    asked = "What share of Vefsn's contracts went to local suppliers in 2023?"
    assert screen(asked, [candidate], helgeland, "en").kept == [candidate]
    vefsn_plan = {"doc": "Næringsplan for Vefsn kommune"}
    assert screen(NETWORK_QUESTION, [candidate], vefsn_plan, "en").kept == [candidate]


def test_a_question_asking_which_place_is_answered_by_a_sentence_about_one_place() -> None:
    candidate = only(VEFSN)
    question = "Which municipality raised its share of local suppliers the most by 2023?"
    context = {"doc": "Evaluering av Helgelandsprogrammet 2019–2023"}
    assert screen(question, [candidate], context, "en").kept == [candidate]


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("In March 2023, 29 per cent of the purchases went to local suppliers.", "en"),
        ("I Norge gikk 29 prosent av innkjøpene til lokale leverandører i 2023.", "nb"),
        ("In Table 2, 29 per cent of the purchases went to local suppliers in 2023.", "en"),
    ],
)
def test_a_month_a_country_or_a_table_is_not_a_place_the_figure_is_confined_to(
    sentence: str, language: str
) -> None:
    candidate = only(sentence, language)
    assert screen(NETWORK_QUESTION, [candidate], {}, "en").kept == [candidate]


def test_a_year_compounded_with_the_topic_is_not_in_passing() -> None:
    """ "2030-teknologi" is what the question asks about, in the clause with the year."""
    sentence = (
        "Med 2030-teknologi vil det ikke være noe problem å høre en sak som ledd i "
        "saksbehandlinger og gjennomføre sentimentanalyser."
    )
    candidate = only(sentence)
    question = "Hva kan 2030-teknologi gjøre i saksbehandlingen?"
    assert screen(question, [candidate], {}, "nb").kept == [candidate]


def test_a_name_in_an_enumeration_is_one_of_several_parts() -> None:
    members = "De sju kommunene var Hemnes, Leirfjord, Vefsn, Grane, Hattfjelldal, Dønna og Herøy."
    [vefsn] = name_constraints("Hva gjorde Vefsn kommune?")
    [heroy] = name_constraints("Hva gjorde Herøy kommune?")
    assert named_in_a_list(vefsn, members) and named_in_a_list(heroy, members)
    partners = (
        "Planen er laget med Vikfjord Næringsforum, Vikfjord bondelag, ungdomsrådet og bedrifter."
    )
    [forum] = name_constraints("What is the budget of Vikfjord Næringsforum?")
    assert named_in_a_list(forum, partners)


def test_the_region_a_list_lies_in_is_no_item_of_it() -> None:
    members = (
        "Et program for næringsutvikling i de fem kommunene Kvernås, Tindvoll, Bjørkmo, "
        "Lauvhaug og Elvmoen i Trøndelag. Programmet løp fra 2020."
    )
    [region] = name_constraints("Hvor mange startet bedrift i programmet i Trøndelag?")
    [elvmoen] = name_constraints("Hvor mange startet bedrift i Elvmoen?")
    assert not named_in_a_list(region, members)
    assert named_in_a_list(elvmoen, members)


def test_a_name_followed_by_what_it_is_is_no_enumeration() -> None:
    [nausthuset] = name_constraints("What did Nausthuset cost?")
    apposition = (
        "They converted the old station into Nausthuset, a shared workshop, small-business "
        "centre and visitor centre."
    )
    assert not named_in_a_list(nausthuset, apposition)
    peers = "The users are Nausthuset, a shared workshop, Kjerrvik Kystlag and two tourism firms."
    assert named_in_a_list(nausthuset, peers)


def test_three_names_written_with_capitals_are_an_enumeration_three_words_are_not() -> None:
    members = "I programmet deltog kommunerna Rödmyra, Lövhammar och Tjärnsjö och Grensmo."
    [rodmyra] = name_constraints("Hur många jobb fick Rödmyra?")
    assert named_in_a_list(rodmyra, members)
    [storlia] = name_constraints("Hva satset Storlia på?")
    prose = "Storlia satser på landbruk, reiseliv og industri."
    assert not named_in_a_list(storlia, prose)
    assert not named_in_a_list(rodmyra, "Bara två kommuner, Rödmyra och Grensmo, tog rollen.")


PLAN = {
    "1 Innledning": "Nordvik kommune legger fram en ny strategisk næringsplan for perioden "
    "2024–2028. Planen er laget med næringsforeningen og gjelder hele kommunen, med grendene "
    "Lia, Botn, Neset og Holmen.",
    "2 Næringsfond": "Næringsfondet får en ramme på 9,5 millioner kroner.",
    "3 Gründere": "Kommunen gir gründerstipend. Målet er 40 nye arbeidsplasser i Nordvik.",
    "4 Straumen": "I Straumen skal det gamle postbygget bygges om til arbeidsplasser.",
}


def naming(question: str, plan: dict[str, str]) -> Naming:
    """How the plan, written out with its headings, names the question's last name."""
    text = "\n\n".join(f"{heading}\n\n{body}" for heading, body in plan.items())
    passages = [([heading], body) for heading, body in plan.items()]
    return how_named(name_constraints(question)[-1], text, passages)


def test_a_document_names_what_it_is_about_where_it_opens_and_a_part_in_passing() -> None:
    assert naming("Hva satser Nordvik på?", PLAN).how == "whole"
    assert naming("Hvor mye får næringsfondet i Botn?", PLAN).how == "listed"
    assert {"Neset", "Holmen"} <= naming("Hvor mye får næringsfondet i Botn?", PLAN).others
    assert naming("Hvor mye får næringsfondet i Straumen?", PLAN) == Naming(
        "passing", frozenset({"4 Straumen"})
    )
    # Named in two sections, it is more than a part; so is any name of a short document.
    twice = {**PLAN, "2 Næringsfond": PLAN["2 Næringsfond"] + " Straumen får 2 millioner."}
    assert naming("Hva skjer i Straumen?", twice).how == "whole"
    short = {"1 Innledning": PLAN["1 Innledning"], "2 Straumen": PLAN["4 Straumen"]}
    assert naming("Hva skjer i Straumen?", short).how == "whole"
    # A name the text never writes out as asked cannot be judged, and counts as before.
    assert naming("Hva skjer i Nordvik Sentrum?", PLAN).how == "whole"


def test_minutes_are_about_the_place_their_head_says_they_were_held() -> None:
    """Minutes held at "Sted: Lyngnes rådhus" are Lyngnes's, though the list of those present
    names Lyngnes kommune beside others; a place named only among those present is a part."""
    head = (
        "REFERAT\n\nArbeidsverksted om næringsarbeidet\nSted: Lyngnes rådhus\nDato: 12. mars 2023"
    )
    present = (
        "Til stede: 18 deltakere fra Lyngnes kommune, Lyngnes Næringsforening, Osvik kommune "
        "og Berg kommune, og fire bedrifter fra regionen."
    )
    minutes = {"": f"{head}\n\n{present}", "1 Gruppearbeid": "Gruppene drøftet rollene."}
    assert naming("Hvem ledet verkstedet i Lyngnes?", minutes).how == "whole"
    assert naming("Hvem ledet verkstedet i Osvik?", minutes).how == "listed"


def test_a_place_named_only_where_the_document_was_published_is_named_in_passing() -> None:
    """A cover's imprint, a foreword's place and date and the bibliography say where a
    document was made, not what it covers: only a passage naming the place speaks for it."""
    imprinted = {
        "": "Kystnettverket\n\nKunnskapsnotat 1/2022. Kristiansund 2022",
        "Forord": "Nettverket er et samarbeid mellom elleve kommuner.\n\nKristiansund, mai 2022",
        **PLAN,
        "Referanser": "Kystnettverket (2021). Årsrapport 2020. Kristiansund.",
    }
    asked = "Hvor stor andel av innkjøpene i Kristiansund gikk til lokale leverandører?"
    assert naming(asked, imprinted) == Naming("passing")
    # Written about anywhere else, in a sentence or a heading, it is named as before.
    told = {**imprinted, "Forord": "Sekretariatet ligger i Kristiansund, som også er med."}
    assert naming(asked, told).how == "whole"
    headed = {**imprinted, "5 Kristiansund": "Byen har egen plan."}
    assert naming(asked, headed) == Naming("passing", frozenset({"5 Kristiansund"}))


def test_a_company_is_always_named_in_passing() -> None:
    """A plan that names a company where it opens is still no account of the company: only a
    passage naming it speaks for it (its own report names it in the title, read before)."""
    plan = {**PLAN, "1 Innledning": PLAN["1 Innledning"] + " Nordvik Sjømat AS er med."}
    assert naming("Hvor mye fikk Nordvik Sjømat AS?", plan) == Naming("passing")
    assert is_company("Nordvik Sjømat AS") and is_company("Nordbygg AB")
    assert not is_company("Nordvik kommune") and not is_company("Astrid Lund")


def test_where_the_money_came_from_is_not_what_was_granted() -> None:
    assert money_source("Kor mykje fekk Fjellmat AS frå næringsfondet i 2021?") == "næringsfondet"
    assert money_source("How much did Fjellmat AS receive from the business fund?") == (
        "the business fund"
    )
    assert money_source("Hvor mye fikk kommunen?") == ""
    assert money_source("Hvor mange kom fra Bodø?") == "", "only where money was received"
    grant = only("Det største tilskuddet gikk til Fjellmat AS, som fikk 150 000 kroner.")
    question = "Hvor mye fikk Fjellmat AS fra næringsfondet?"
    assert screen(question, [grant], {}, "nb").kept == [grant]
    assert not screen("Hvor mye er næringsfondet på?", [grant], {}, "nb").kept


def test_an_apposition_or_a_pair_is_no_enumeration() -> None:
    quote = (
        "- Det tar tid, sa utviklingsleder Anders Bro, Region Örebro län, da han delte erfaringer."
    )
    [bro] = [c for c in name_constraints("Who is Anders Bro?") if c.text == "Anders Bro"]
    assert not named_in_a_list(bro, quote)
    [finnmark] = [
        c for c in name_constraints("Kva skjedde i Troms og Finnmark?") if c.text == "Finnmark"
    ]
    assert not named_in_a_list(finnmark, "Six municipalities in Troms and Finnmark took part.")


def test_what_something_cost_or_was_granted_asks_for_money() -> None:
    assert asks_for_figure("Hva kostet ombyggingen av gründerhuset?")
    assert asked_measure("Hva kostet ombyggingen av gründerhuset?") == "money"
    assert asked_measure("Hvor mye bevilget fylkeskommunen til programmet?") == "money"
    assert asked_measure("How much was allocated to the pilot?") == "money"


def test_a_passage_naming_a_place_only_among_others_is_not_about_it() -> None:
    [vefsn] = name_constraints("Hvor mange jobber skapte programmet i Vefsn?")
    members = (
        "Kommunene var Hemnes, Leirfjord, Vefsn, Grane og Herøy. Programmet skapte 340 jobber."
    )
    assert meets(vefsn, members)
    assert not meets(vefsn, outside_lists(members))
    assert meets(vefsn, outside_lists(members + " I Vefsn ble det 40 nye jobber."))


def test_a_refusal_says_when_the_sources_name_a_place_only_among_others() -> None:
    question = "Hvor mange prosjekter fikk Vefsn?"
    evidence = "Programmet har støttet 112 prosjekter."
    assert mismatch(question, evidence, "nb", parts={"Vefsn": Naming("listed")}) == (
        "Kildene nevner Vefsn bare blant flere og sier ikke noe om Vefsn for seg."
    )
    assert mismatch(
        question, evidence, "nb", parts={"Vefsn": Naming("passing", frozenset({"4 Vefsn"}))}
    ) == ("Kildene nevner Vefsn bare i forbifarten og sier ikke noe om dette for Vefsn.")
    assert mismatch(question, evidence, "nb") == "Kildene sier ikke noe om Vefsn."


def test_a_figure_asked_for_each_one_is_not_answered_with_the_total_for_all() -> None:
    total = only(
        "Programmet hadde et samlet budsjett på 38,5 millioner kroner, hvorav 9,5 millioner "
        "kroner fra de sju kommunene."
    )
    each = only("Each municipality received NOK 1.8 million over three years.", "en")
    question = "How much did each municipality receive in the programme?"
    assert screen(question, [total, each], {}, "en").kept == [each]
    assert screen("Hvor mye fikk kommunene i programmet?", [total], {}, "nb").kept == [total]


def test_a_figure_for_each_of_another_thing_does_not_answer_for_each_one_asked() -> None:
    per_job = only("Programmet har kostet om lag 113 000 kroner per ny eller sikret arbeidsplass.")
    each = only("Each municipality received NOK 1.8 million over three years.", "en")
    question = "How much did each municipality receive in the programme?"
    assert screen(question, [per_job, each], {}, "en").kept == [each]
    per_grant = only("Fossvik har sett eit tak på 175 000 kroner per tilskot.", "nn")
    cap = "Is there a maximum grant per case in the business fund guidelines, and how large?"
    assert screen(cap, [per_grant], {}, "en").kept == [per_grant], "'per case in' names no thing"


def test_a_place_named_only_inside_another_bodys_name_gives_that_bodys_figure() -> None:
    bank = only(
        "Sandvær Sparebank opplyste at banken har satt av 400 000 kroner til et lokalt "
        "gründerfond i 2024."
    )
    municipality = only("Sandvær kommune har satt av 600 000 kroner til næringsfondet i 2024.")
    question = "Hur mycket har Sandvær kommun avsatt till sin egen näringsfond för 2024?"
    assert screen(question, [bank, municipality], {}, "sv").kept == [municipality]
    asked = "Hvor mye har Sandvær Sparebank satt av til gründerfondet i 2024?"
    assert screen(asked, [bank], {}, "nb").kept == [bank], "the bank's own figure answers for it"


def test_a_count_names_what_it_counts_though_not_in_the_questions_words() -> None:
    """ "deltok" and "deltakere" share no word, but both are about participants."""
    participants = only("Kurset hadde til sammen 203 deltakere.")
    sessions = only("Kurset ble holdt 14 ganger.")
    question = "Hvor mange deltok?"
    assert screen(question, [participants, sessions], {}, "nb").kept == [participants]


def test_a_count_of_all_who_took_part_is_no_count_of_some_of_them() -> None:
    """203 participants are not the women among them, though the sentence is about the course."""
    course = only("Etablererkurset ble holdt 14 ganger med til sammen 203 deltakere.")
    assert screen("Hvor mange kvinner deltok på etablererkurset?", [course], {}, "nb").kept == []
    assert screen("Hvor mange deltakere hadde etablererkurset?", [course], {}, "nb").kept == [
        course
    ]


def test_a_companys_result_is_answered_only_by_a_figure_of_money() -> None:
    """The association's house opened in 2023; that is no result of its accounts."""
    opened = only("Gründerhuset til Fjellstrand Næringslag opna 14. september 2023 med 14 plassar.")
    result = only("Fjellstrand Næringslag hadde eit overskot på 180 000 kroner i 2023.")
    question = "Vilket resultat hade Fjellstrand Næringslag år 2023?"
    assert screen(question, [opened, result], {}, "sv").kept == [result]


def test_what_unemployment_was_is_a_figure_of_unemployment_not_of_jobs() -> None:
    question = "Hva var arbeidsledigheten i Storlia i 2020?"
    assert asks_for_figure(question)
    assert asks_for_figure("What was the unemployment rate in 2021?")
    assert not asks_for_figure("What does the plan say about unemployment among the young?")
    jobs = only("Storlia kommune hadde 2 940 arbeidsplassar i 2020.", language="nn")
    rate = only("Arbeidsledigheten i Storlia var 2,1 prosent i 2020.", language="nb")
    swedish = only("Arbetslösheten var 6,1 procent år 2020.", language="sv")
    context = {"doc": "Storlia kommune"}
    assert screen(question, [jobs, rate], context, "nb").kept == [rate]
    assert screen(question, [jobs, swedish], context, "nb").kept == [swedish]


def test_the_municipality_is_no_topic_a_figure_is_recognised_by() -> None:
    question = "Hva tjener næringssjefen i Vikfjord kommune i året?"
    grant = only("Kommunen skal innføre et gründerstipend på inntil 75 000 kroner per person.")
    assert screen(question, [grant], {"doc": "Vikfjord kommune"}, "nb").kept == []


def test_bokmal_and_nynorsk_name_the_same_kind_of_money_in_their_own_words() -> None:
    grant = only(
        "Kommunen vil òg gje eit etablerartilskot på inntil 50 000 kroner til nye verksemder.",
        language="nn",
    )
    context = {"doc": "Storlia kommune"}
    asked = "Hvor stort etablerertilskudd gir Storlia kommune?"
    assert screen(asked, [grant], context, "nb").kept == [grant]
    cost = "Hva kostet ombyggingen av gründerhuset i Storlia?"
    assert screen(cost, [grant], context, "nb").kept == [], "a grant is no cost"


def test_one_members_figure_is_given_where_the_member_is_named() -> None:
    """Rödmyra is one of the programme's three members; the passage names it, but the
    programme's target is no figure of Rödmyra's."""
    passage = (
        "Målet om 140 nya arbetstillfällen är inte uppnått. I Rödmyra kom 52 nya arbetstillfällen."
    )
    whole = passage_candidate(passage, "Målet om 140 nya arbetstillfällen är inte uppnått.")
    own = passage_candidate(passage, "I Rödmyra kom 52 nya arbetstillfällen.")
    question = "Hur många nya arbetstillfällen fick Rödmyra?"
    listed = {"doc": {"Rödmyra": Naming("listed")}}
    assert screen(question, [whole, own], {"doc": "Gränslöst"}, "sv", listed).kept == [own]


def test_what_a_document_names_in_passing_is_spoken_for_by_the_section_about_it() -> None:
    """Straumen has a section of its own in the plan: a figure of what was asked in that
    section may answer for it, though its sentence does not repeat the name, but none from
    another section of the plan."""
    question = "Hvor mange bedrifter får plass i Straumen?"
    own = passage_candidate(
        "Det gamle postbygget gir plass til 12 nye bedrifter.",
        "Det gamle postbygget gir plass til 12 nye bedrifter.",
        heading="4 Straumen",
    )
    sentrum = "Gründerhuset i sentrum har plass til 20 bedrifter."
    elsewhere = passage_candidate(sentrum, sentrum, doc_id="plan", heading="2 Gründere")
    passing = Naming("passing", frozenset({"4 Straumen"}))
    parts = {"doc": {"Straumen": passing}, "plan": {"Straumen": passing}}
    contexts = {"doc": "Nordvik", "plan": "Nordvik"}
    assert screen(question, [own, elsewhere], contexts, "nb", parts).kept == [own]
    assert screen("Hva skjer med postbygget i Straumen?", [own], contexts, "nb", parts).kept


def test_the_words_for_what_a_question_counts_or_measures_come_in_every_language() -> None:
    words = measured_words("How many new jobs did Rödmyra get?", "en")
    assert {"arbeidsplass", "arbetstillfall", "employment"} <= set(words)
    assert measured_words("Hva betyr det å være brobygger?", "nb") == []
    target = measured_words("What job target did the programme set itself?", "en")
    assert {"arbeidsplass", "malet", "malsattning"} <= set(target)
    # Every budget chapter names its financing: searched for, it pulls in any passage on money.
    fund = measured_words("Hur stor var Myrholts näringsfond 2024?", "sv")
    assert "tilskudd" in fund and "finansier" not in fund
    assert "malet" not in words, "a question asking what was reached asks for no target"


def test_across_languages_the_literatures_terms_tell_what_a_figure_is_of() -> None:
    question = "Kor mykje gjekk til samskapingsprosjekt frå næringsfondet i 2023?"
    largest = only(
        "The largest single grant in 2023, NOK 350,000, went to a seaweed pilot plant.",
        language="en",
    )
    row = only(
        "Co-creation projects with associations: NOK 0.6 million",
        language="en",
        heading="2.2 Use of the fund in 2023",
    )
    assert screen(question, [largest, row], {}, "nn").kept == [row]


def test_whose_money_a_figure_is_is_no_measure_of_it() -> None:
    """'Kommun' names the buyer of a purchase, not what the figure measures."""
    question = "Hur mycket köpte kommunen varor och tjänster för 2023?"
    fund = only("The municipal business fund granted NOK 3.3 million in 2023.", language="en")
    bought = only("The municipality bought goods and services for NOK 412 million in 2023.",
                  language="en")  # fmt: skip
    assert screen(question, [fund, bought], {}, "sv").kept == [bought]


FUNDING = (
    "Programmets budget på 31,5 miljoner kronor finansierades med 13,2 miljoner kronor från "
    "Interreg Sverige–Norge, 7,4 miljoner kronor från Region Värmland, 4,1 miljoner kronor från "
    "Innlandet fylkeskommune och 6,8 miljoner kronor från de fyra kommunerna."
)


def test_an_enumeration_whose_items_give_their_own_figures_names_each_of_them() -> None:
    [varmland] = [
        c for c in name_constraints("How much did Region Värmland give?") if "Värmland" in c.text
    ]
    assert not named_in_a_list(varmland, FUNDING)
    assert "region varmland" in outside_lists(FUNDING)
    funders = "Programmet finansierades av Interreg, Region Värmland, Innlandet och kommunerna."
    assert named_in_a_list(varmland, funders)


def test_a_name_borrowed_from_a_documents_title_is_no_measure_asked_for() -> None:
    titles = ["Utvärdering av programmet Gränslöst näringsliv 2020–2023"]
    question = "How much did Region Värmland contribute to Gränslöst näringsliv?"
    assert (
        without_titles(question, titles).split()
        == "How much did Region Värmland contribute to ?".split()
    )
    # Words the title joins, the question may part by other marks than a space.
    assert "Gränslöst" not in without_titles("Vad kostade Gränslöst – näringsliv?", titles)
    assert without_titles("Gränslöst näringsliv, Gränslöst näringsliv?", titles).strip(" ,?") == ""
    funding = only(FUNDING, language="sv", heading="2.1 Budget och finansiering")
    contexts = {"doc": titles[0]}
    assert screen(question, [funding], contexts, "en").kept == [funding]


def test_who_holds_a_title_is_said_by_a_sentence_naming_the_title_and_someone() -> None:
    led = only(
        "The Business Development Office is led by Rune Kvalsund, head of business development.",
        "en",
    )
    duty = only("Gives the head of business development a written mandate for the role.", "en")
    question = "Who is the head of business development in Strandheim?"
    screened = screen(question, [duty, led], {"doc": "Strandheim Municipality"}, "en")
    assert screened.kept == [led]


MUNICIPALITIES_TABLE = (
    "Tabell 2.1 viser folketall i 2024 og antall prosjekter i hver kommune i 2020–2024.\n\n"
    "Kvernås: Innbyggere 7 860; Prosjekter 33.\n\n"
    "Bjørkmo: Innbyggere 3 690; Prosjekter 18."
)


def test_a_row_of_a_table_is_dated_by_the_caption_over_the_table() -> None:
    """The population is of 2024: the caption says so, not the row."""
    row = passage_candidate(MUNICIPALITIES_TABLE, "Bjørkmo: Innbyggere 3 690; Prosjekter 18.")
    question = "Hvor mange innbyggere hadde Bjørkmo i 2024?"
    assert screen(question, [row], {}, "nb").kept == [row]
    assert screen("Hvor mange innbyggere hadde Bjørkmo i 2019?", [row], {}, "nb").kept == []
    # Without the caption, nothing dates the row.
    alone = only("Bjørkmo: Innbyggere 3 690; Prosjekter 18.")
    assert screen(question, [alone], {}, "nb").kept == []


def test_a_caption_saying_what_the_table_shows_in_any_of_its_sentences_is_read() -> None:
    """An unnumbered caption ("Tabellen visar ...") says the unit of the rows' figures,
    whatever sentence follows it in its paragraph."""
    table = (
        "Tabellen visar programmets budget per år i tusentals kronor. Beloppen för 2026–2028 "
        "är preliminära.\n\nFöretagslotsen: 2025 1 250; 2026 1 280.\n\n"
        "Samskapande och playmaker-arenor: 2025 450; 2026 700."
    )
    row = passage_candidate(
        table, "Samskapande och playmaker-arenor: 2025 450; 2026 700.", language="sv"
    )
    assert list_lead_in(row).startswith("Tabellen visar programmets budget")
    asked = "Kor mykje har kommunen sett av til samskaping og playmaker-arenaer i 2026?"
    assert screen(asked, [row], {}, "nn").kept == [row]
    loose = table.replace("Tabellen visar", "Här är")
    unmarked = passage_candidate(
        loose, "Samskapande och playmaker-arenor: 2025 450; 2026 700.", "sv"
    )
    assert list_lead_in(unmarked) == ""


def test_a_numbered_caption_printed_under_its_table_is_read_for_its_rows() -> None:
    """A report printing its tables' captions under them: the caption gives the rows'
    unit. One heading the next table's rows stands over those, not under these."""
    table = (
        "Fondet auka kvart år.\n\n2021: Tilsegner 18; Tildelt 960.\n\n"
        "2022: Tilsegner 19; Tildelt 1 040.\n\n"
        "Tabell 2. Nordsand kommune: næringsfond per år, i 1000 kroner.\n\nI Rypedal var det færre."
    )
    row = passage_candidate(table, "2021: Tilsegner 18; Tildelt 960.", language="nn")
    assert list_lead_in(row).startswith("Tabell 2. Nordsand kommune")
    asked = "Hvor mye ble tildelt fra fondet i 2021?"
    assert screen(asked, [row], {}, "nb").kept == [row]
    over_the_next = table.replace("I Rypedal var det færre.", "2020: Tilsegner 1; Tildelt 10.")
    assert list_lead_in(passage_candidate(over_the_next, "2021: Tilsegner 18; Tildelt 960.")) == ""
    unnumbered = table.replace("Tabell 2. Nordsand kommune:", "Dette viser")
    plain = passage_candidate(unnumbered, "2021: Tilsegner 18; Tildelt 960.", language="nn")
    assert screen(asked, [plain], {}, "nb").kept == []


def test_a_caption_numbered_with_a_full_stop_dates_its_rows() -> None:
    """ "Table 1. Business ... , 2024": the caption's own number is no sentence's end."""
    table = (
        "Table 1 summarises the main figures.\n\n"
        "Table 1. Business development capacity in the member municipalities, 2024\n\n"
        "Solhov: Population 7,390; First-line enquiries 121; Partnership coordinator No."
    )
    row = passage_candidate(table, table.rsplit("\n", 1)[-1], language="en")
    question = "How many first-line enquiries did Solhov have in 2024?"
    assert screen(question, [row], {}, "en").kept == [row]
    assert screen(question.replace("2024", "2023"), [row], {}, "en").kept == []


def test_a_row_opening_a_passage_of_its_own_is_dated_by_the_caption_in_its_document() -> None:
    """A long table's later rows fall in the next passage; the caption stands in the one
    before, and the document's text still holds it."""
    row_text = "Bjørkmo: Innbyggere 3 690; Prosjekter 18."
    start = MUNICIPALITIES_TABLE.index(row_text)
    chunk = Chunk(
        id="doc:1", doc_id="doc", text=row_text, start=start, end=start + len(row_text),
        section_path=["2"], title="doc", language="nb",
    )  # fmt: skip
    row = Candidate(chunk, 0, start, start + len(row_text), row_text, 0.9, 0.0, 0.9)
    question = "Hvor mange innbyggere hadde Bjørkmo i 2024?"
    assert screen(question, [row], {}, "nb").kept == []  # the passage alone does not date it
    document = {"doc": MUNICIPALITIES_TABLE}.__getitem__
    assert screen(question, [row], {}, "nb", text_of=document).kept == [row]


def test_a_currency_code_is_no_name() -> None:
    question = "How much did Lillhärad receive from the community fund, in SEK thousand?"
    assert [c.text for c in name_constraints(question)] == ["Lillhärad"]
    assert not name_constraints("Budsjettet var 2 millioner NOK, eller 190 000 EUR og USD.")


AUDIT = CatalogueEntry(
    id="audit",
    title="Forvaltningsrevisjon av næringsarbeidet i Fossvik, Lidvang og Tverrdal",
    authors=["Sæle, Halvard"],
    year=2025,
    publisher="Vestrand Revisjon IKS",
)
AUDIT_PARAGRAPH = (
    "Nedgangen i Fossvik i 2024 kom av at kommunestyret flytta 0,4 millionar kroner frå "
    "fondet. Til samanlikning tildelte næringsfondet i Fossvik til saman 4,1 millionar kroner "
    "i førre planperiode, 2017–2020.\n\n"
    "I Fossvik gjev næringsrådet innstilling i alle søknader over 50 000 kroner. I 2023 "
    "følgde formannskapet innstillinga frå næringsrådet i 27 av 29 saker."
)


def audit_parts(name: str) -> dict[str, dict[str, Naming]]:
    naming = naming_by_entry(Constraint("place", name, (name.lower(),)), AUDIT)
    assert naming is not None
    return {"doc": {name: naming}}


def test_a_place_a_documents_title_lists_among_others_is_one_of_its_parts() -> None:
    """An audit of three municipalities gives each one's figures and all of theirs; its
    publisher or authors naming a place make the place what it is about."""
    lidvang = Constraint("place", "Lidvang", ("lidvang",))
    assert naming_by_entry(lidvang, AUDIT) == Naming(
        "listed", others=frozenset({"Fossvik", "Tverrdal"})
    )
    own = AUDIT.model_copy(update={"publisher": "Lidvang kommune"})
    assert naming_by_entry(lidvang, own) == Naming("whole")
    plan = AUDIT.model_copy(update={"title": "Strategisk næringsplan for Lidvang 2024–2028"})
    assert naming_by_entry(lidvang, plan) == Naming("whole")
    assert naming_by_entry(Constraint("place", "Vikfjord", ("vikfjord",)), AUDIT) is None


def test_a_question_naming_every_place_a_document_lists_asks_about_the_whole() -> None:
    """A programme of three municipalities: its total budget answers a question about the
    programme of all three, not one about one of them."""
    text = (
        "Denne rapporten er sluttrapporten frå følgjeevalueringa av Næringsbrua, eit "
        "regionalt program for næringsutvikling i dei tre kommunane Ramnsund, Lyngvær og "
        "Teigedal. Programmet gjekk frå 1. januar 2021 til 31. desember 2025.\n\n"
        "Programmet hadde eit samla budsjett på 26,3 millionar kroner."
    )
    ramnsund = Constraint("place", "Ramnsund", ("ramnsund",))
    listed = how_named(ramnsund, text, [])
    assert listed.how == "listed"
    all_three = "Kor stort var budsjettet for programmet i Ramnsund, Lyngvær og Teigedal?"
    assert as_asked(listed, all_three) == Naming("whole")
    assert as_asked(listed, "Kor stort var budsjettet i Ramnsund?") == listed


def test_a_figure_naming_another_of_the_listed_places_does_not_answer_for_one() -> None:
    """Fossvik's fund total is no figure of Lidvang's, though the title names Lidvang."""
    question = "Hvor mye delte næringsfondet i Lidvang ut i forrige planperiode, 2017–2020?"
    fossvik = passage_candidate(
        AUDIT_PARAGRAPH,
        "Til samanlikning tildelte næringsfondet i Fossvik til saman 4,1 millionar kroner i "
        "førre planperiode, 2017–2020.",
    )
    contexts = {"doc": AUDIT.title}
    assert screen(question, [fossvik], contexts, "nb", audit_parts("Lidvang")).kept == []
    asked_of_fossvik = question.replace("Lidvang", "Fossvik")
    kept = screen(asked_of_fossvik, [fossvik], contexts, "nb", audit_parts("Fossvik")).kept
    assert kept == [fossvik]


def test_a_listed_places_figure_may_follow_the_sentence_naming_it_in_its_paragraph() -> None:
    """The paragraph opens with Fossvik's business council; its next sentence gives the
    figure without repeating the name."""
    figure = "I 2023 følgde formannskapet innstillinga frå næringsrådet i 27 av 29 saker."
    candidate = passage_candidate(AUDIT_PARAGRAPH, figure)
    question = "I kor mange saker følgde formannskapet i {} innstillinga frå næringsrådet i 2023?"
    contexts = {"doc": AUDIT.title}
    fossvik = screen(
        question.format("Fossvik"), [candidate], contexts, "nn", audit_parts("Fossvik")
    )
    assert fossvik.kept == [candidate]
    lidvang = screen(
        question.format("Lidvang"), [candidate], contexts, "nn", audit_parts("Lidvang")
    )
    assert lidvang.kept == []


def test_a_listed_places_chapter_speaks_for_it() -> None:
    """The report's title lists Kvitberg, Nordsand and Rypedal, and each has a chapter: the
    table rows in "3 Kvitberg kommune" are Kvitberg's, though they never name it, and those
    in "4 Nordsand kommune" are not."""
    row = "2023: Rettleiingssamtalar 88; Fondssøknader 40."
    own = passage_candidate(row, row, language="nn", heading="3 Kvitberg kommune")
    other = "2023: Rettleiingssamtalar 58; Fondssøknader 21."
    nordsand = passage_candidate(other, other, language="nn", heading="4 Nordsand kommune")
    passages = [(["3 Kvitberg kommune"], row), (["4 Nordsand kommune"], other)]
    [kvitberg] = name_constraints("i Kvitberg")
    sections = headed_sections(kvitberg, passages)
    assert sections == {"3 Kvitberg kommune"}
    listed = Naming("listed", sections, frozenset({"Nordsand", "Rypedal"}))
    question = "Hur många rådgivningssamtal hade Kvitberg kommun år 2023?"
    title = {"doc": "Fyrstelinje og næringsfond i Kvitberg, Nordsand og Rypedal 2020–2024"}
    kept = screen(question, [nordsand, own], title, "sv", {"doc": {"Kvitberg": listed}}).kept
    assert kept == [own]


OWNERS_PARAGRAPH = (
    "Selskapet eies av Skarvdal, Heimvær og Almedal kommuner.\n\n"
    "Havbruksbedriftene i Heimvær konkurrerer om de samme fagfolkene. I 2024 hadde løpet 18 "
    "lærlinger, mot 7 i 2022."
)


def test_a_place_a_text_lists_among_others_is_named_by_the_paragraph_before_its_figure() -> None:
    """Heimvær is one of the company's three owners; the paragraph about its fish farms
    names it, and the next sentence gives the figure without repeating the name."""
    figure = "I 2024 hadde løpet 18 lærlinger, mot 7 i 2022."
    candidate = passage_candidate(OWNERS_PARAGRAPH, figure)
    question = "Hvor mange lærlinger hadde rekrutteringsløpet i {} i 2024?"
    [heimvaer] = name_constraints("i Heimvær")
    parts = {"doc": {"Heimvær": how_named(heimvaer, OWNERS_PARAGRAPH, [])}}
    assert parts["doc"]["Heimvær"] == Naming("listed", others=frozenset({"Skarvdal", "Almedal"}))
    kept = screen(question.format("Heimvær"), [candidate], {}, "nb", parts).kept
    assert kept == [candidate]
    [almedal] = name_constraints("i Almedal")
    parts = {"doc": {"Almedal": how_named(almedal, OWNERS_PARAGRAPH, [])}}
    assert screen(question.format("Almedal"), [candidate], {}, "nb", parts).kept == []


def test_a_sentence_naming_no_one_goes_on_about_the_company_the_sentence_before_names() -> None:
    """A company is named in passing: a figure is its own only where a sentence names it,
    or goes on, naming no one else, from the sentence before that does."""
    grant = "The fund gave NOK 250,000 in start-up support."
    note = f"Mjøsli Handelslag SA opened in May 2023. {grant}"
    candidate = passage_candidate(note, grant, language="en")
    parts = {"doc": {"Mjøsli Handelslag SA": Naming("passing")}}
    asked = "How much start-up support did Mjøsli Handelslag SA get?"
    assert screen(asked, [candidate], {}, "en", parts).kept == [candidate]
    other = "Mjøsli Handelslag SA opened in 2023. Strand Bygg AS got NOK 250,000 in support."
    named = passage_candidate(other, "Strand Bygg AS got NOK 250,000 in support.", language="en")
    assert screen(asked, [named], {}, "en", parts).kept == []
    below = passage_candidate(f"Mjøsli Handelslag SA opened in May 2023.\n\n{grant}", grant)
    assert screen(asked, [below], {}, "en", parts).kept == []


def test_the_names_of_a_list_say_nothing_of_which_the_figure_after_it_is_for() -> None:
    listed = "Programmet omfatter Kvernås, Tindvoll og Bjørkmo. Totalt fikk 97 prosjekter støtte."
    candidate = passage_candidate(listed, "Totalt fikk 97 prosjekter støtte.")
    [bjorkmo] = name_constraints("i Bjørkmo")
    assert not named_before(bjorkmo, {"Kvernås", "Tindvoll"}, candidate)


GRANTS_TABLE = (
    "Fonda er finansierte med konsesjonsavgifter. Tabell 2.2 viser kor mykje kvart fond "
    "tildelte per år, i millionar kroner.\n\n"
    "2023: Fossvik 1,88; Lidvang 0,78; Sum 2,66.\n\n"
    "2024: Fossvik 1,53; Lidvang 1,04; Sum 2,57."
)


def test_a_tables_caption_may_end_the_paragraph_over_it_and_give_its_unit() -> None:
    """The caption is the paragraph's last sentence; it says the rows are millions of kroner,
    so a row answers how much was granted, for its year only."""
    row = passage_candidate(GRANTS_TABLE, "2024: Fossvik 1,53; Lidvang 1,04; Sum 2,57.")
    assert screen("Kor mykje tildelte fondet i Lidvang i 2024?", [row], {}, "nn").kept == [row]
    assert screen("Kor mykje tildelte fondet i Lidvang i 2021?", [row], {}, "nn").kept == []
    unitless = GRANTS_TABLE.replace(", i millionar kroner", "")
    bare = passage_candidate(unitless, "2024: Fossvik 1,53; Lidvang 1,04; Sum 2,57.")
    assert screen("Kor mykje tildelte fondet i Lidvang i 2024?", [bare], {}, "nn").kept == []


def test_a_caption_is_not_cut_at_the_full_stop_of_a_date() -> None:
    """'per 1. januar 2024' goes on: the whole sentence is the caption, with its period."""
    table = (
        "Tabell 2.1 viser innbyggjartal per 1. januar 2024 og søknader i 2021–2024.\n\n"
        "Tverrdal: Folketal 2 260; Søknader 29."
    )
    row = passage_candidate(table, "Tverrdal: Folketal 2 260; Søknader 29.")
    question = "How many applications did Tverrdal receive in 2021–2024?"
    assert screen(question, [row], {}, "en").kept == [row]


@pytest.mark.parametrize(
    "question",
    [
        "Hur lång var handläggningstiden för bygglov i Fossvik?",
        "Hvor lang tid tok saksbehandlingen av byggesaker?",
        "Kor lenge må ein vente på svar?",
        "How long did processing take in Fossvik?",
        "What was the average processing time for building permits?",
    ],
)
def test_how_long_something_took_asks_for_a_duration(question: str) -> None:
    assert asks_for_figure(question)
    assert asked_measure(question) == "duration"


@pytest.mark.parametrize(
    "text", ["Avtalen gjeld i eitt år.", "The pilot ran for a year.", "Det tok halvannet år."]
)
def test_one_unit_of_time_counted_by_its_article_says_how_long(text: str) -> None:
    assert gives_measure(text, "duration")
    assert not gives_measure("Kommunen fekk 96 søknader.", "duration")


def test_a_duration_is_a_figure_of_days_weeks_months_or_years() -> None:
    [weeks] = figures_in("Handsaminga tok i snitt 5,5 veker.")
    assert weeks.measures == {"duration"}
    [count] = figures_in("Kommunen fekk 96 søknader.")
    assert count.measures == {"count"}


def test_a_question_of_how_long_is_answered_by_a_duration_of_the_year_asked() -> None:
    """Weeks in 2024 answer for 2024; a count of applications answers no question of how
    long, and the weeks of 2024 none of 2021, which the refusal says."""
    passage = (
        "I 2024 tok handsaminga av byggjesaker i snitt 5,5 veker i Fossvik. "
        "Fossvik fekk 96 søknader til næringsfondet i 2021."
    )
    weeks = passage_candidate(
        passage, "I 2024 tok handsaminga av byggjesaker i snitt 5,5 veker i Fossvik."
    )
    count = passage_candidate(passage, "Fossvik fekk 96 søknader til næringsfondet i 2021.")
    asked = "Hur lång var handläggningstiden för bygglov i Fossvik år {}?"
    assert screen(asked.format(2024), [weeks, count], {}, "sv").kept == [weeks]
    refused = screen(asked.format(2021), [weeks, count], {}, "sv")
    assert refused.kept == []
    assert refused.statement is not None and "2024" in refused.statement


def test_how_long_is_answered_by_the_span_between_two_dates_or_since_one() -> None:
    """A span of time says how long: "frå august 2022 til mai 2023", "sidan 2021"; a
    sentence about something else with a period in it does not."""
    passage = (
        "Lidvang var utan næringssjef frå august 2022 til mai 2023. "
        "Tverrdal har hatt næringssjef i halv stilling sidan 2021. "
        "Kontrollutvala peika på næringsarbeidet i planane for 2024–2027."
    )
    without = passage_candidate(
        passage, "Lidvang var utan næringssjef frå august 2022 til mai 2023."
    )
    since = passage_candidate(passage, "Tverrdal har hatt næringssjef i halv stilling sidan 2021.")
    plans = passage_candidate(
        passage, "Kontrollutvala peika på næringsarbeidet i planane for 2024–2027."
    )
    candidates = [plans, without, since]
    asked = screen("Kor lenge var Lidvang utan næringssjef?", candidates, {}, "nn").kept
    assert without in asked and plans not in asked
    asked = screen(
        "Hvor lenge har Tverrdal hatt næringssjef i halv stilling?", candidates, {}, "nb"
    ).kept
    assert since in asked and plans not in asked
    english = screen(
        "How long was Lidvang without a head of business development?", [without], {}, "en"
    )
    assert english.kept == [without]


def test_a_question_naming_every_place_the_title_lists_asks_about_them_all() -> None:
    lidvang = Constraint("place", "Lidvang", ("lidvang",))
    asked = "I hur många ärenden i Fossvik, Lidvang och Tverrdal saknades slutrapport?"
    assert naming_by_entry(lidvang, AUDIT, asked) == Naming("whole")
    assert naming_by_entry(lidvang, AUDIT, "Hur många ärenden i Lidvang?") == Naming(
        "listed", others=frozenset({"Fossvik", "Tverrdal"})
    )


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Helgelandsutvärderingen", "helgeland"),
        ("Vikfjordplanen", "vikfjord"),
        ("Vikfjords", "vikfjord"),
        ("Helgelandsprogrammet", "helgeland"),
        ("Skarvdalsbolagets", "skarvdal"),
        ("Kvernådalsprogrammet", "kvernadal"),
        # Too short a stem to be a place of its own: "Gränsprogrammet" is the programme's name.
        ("Gränsprogrammet", "gransprogrammet"),
        ("Evalueringen", "evalueringen"),
    ],
)
def test_a_document_named_by_its_place_and_what_it_is_is_named_by_the_place(
    name: str, key: str
) -> None:
    assert name_key(name) == key


def test_who_holds_a_title_is_a_person_not_the_body_they_answer_to() -> None:
    question = "Hvem var programleder for grenseprogrammet?"
    body = only("Programledaren har varit anställd av Gränsälvsrådet på 80 procent.")
    person = only("Vi vill tacka programledaren Karin Edström för hennes arbete.")
    assert screen(question, [body, person], {}, "nb").kept == [person]


def test_a_place_said_with_its_preposition_before_a_list_is_where_not_one_of_it() -> None:
    sandneset = Constraint("place", "Sandneset", ("sandneset",))
    where = (
        "At Sandneset, Havbris Reiseliv AS, the sea rescue society and the municipality built "
        "a guest harbour with 40 berths."
    )
    assert not named_in_a_list(sandneset, where)
    hemnes = Constraint("place", "Hemnes", ("hemnes",))
    assert named_in_a_list(
        hemnes, "Programmet omfatta kommunane i Hemnes, Leirfjord, Vefsn og Herøy."
    )


def test_a_nynorsk_word_for_what_is_asked_makes_its_clause_the_one_the_year_dates() -> None:
    """ "underskot" is nynorsk for "underskudd": the year dates the deficit asked about, not
    only the explanation the question also asks for."""
    sentence = (
        "I 2022 hadde selskapet eit underskot på 145 000 kroner, som styret forklarte med "
        "kostnader til nye lokale."
    )
    candidate = only(sentence, "nn")
    question = "Hvor stort underskudd hadde næringshagen i 2022, og hvordan ble det forklart?"
    assert screen(question, [candidate], {}, "nb").kept == [candidate]


def test_an_owners_stake_is_named_in_four_languages() -> None:
    """Across languages a figure answers only where it names what is asked: a stake is an
    "eierandel", not the owner's population in the same row of a table."""
    question = "How large a stake does Heimvær hold in the company?"
    stake = only("Heimvær: Eierandel 30 %; Driftstilskudd 2024, mill. kr 1,26.")
    people = only("Heimvær: Innbyggere 1.1.2024 3 980.")
    assert screen(question, [stake, people], {}, "en").kept == [stake]


def test_a_figure_is_whose_the_question_says_only_where_its_document_names_the_owner() -> None:
    """ "The procurement network's purchases": a municipality's annual report that never
    speaks of a network gives its own share, not the network's."""
    question = "What share of the procurement network's purchases went to local suppliers?"
    text = "Local suppliers' share. In 2023, 31 per cent of purchases went to local suppliers."
    sentence = "In 2023, 31 per cent of purchases went to local suppliers."
    report = passage_candidate(text, sentence, doc_id="report", language="en")
    network = passage_candidate(text, sentence, doc_id="network", language="en")
    documents = {
        "report": f"The municipality's annual report. {text}",
        "network": f"The procurement network of eleven municipalities. {text}",
    }
    screened = screen(question, [report, network], {}, "en", text_of=documents.__getitem__)
    assert screened.kept == [network]


def test_an_organisation_named_in_a_clause_without_the_figure_is_not_given_it() -> None:
    """A sentence listing examples gives each its own clause: a figure in one says nothing of
    what the organisation named in the next got."""
    [club] = name_constraints("How much did Ospedal Sanitetslag's project get from the fund?")
    examples = (
        "Døme er ei ny skiløype som idrettslaget bygde med 90 000 kroner frå fondet, og eit "
        "inkluderingsprosjekt der Ospedal Sanitetslag og tre verksemder gjev arbeidstrening."
    )
    assert named_apart_from_its_figure(club, examples, "money")
    own = examples.replace("tre verksemder gjev", "tre verksemder fekk 40 000 kroner og gjev")
    assert not named_apart_from_its_figure(club, own, "money")
    assert not named_apart_from_its_figure(club, "Ospedal Sanitetslag fekk 40 000 kroner.", "money")


def test_which_municipality_is_answered_only_by_a_sentence_naming_one() -> None:
    passage = (
        "Det første eksempelet er en rammeavtale for snøbrøyting i en av nettverkets kommuner, "
        "der kommunen delte avtalen i sju roder. Lidvang delte avtalen for renhold i fire deler."
    )
    unnamed = passage_candidate(passage, passage.split(". ")[0] + ".")
    named = passage_candidate(passage, "Lidvang delte avtalen for renhold i fire deler.")
    document = {"doc": f"Lidvang kommune og nettverket. {passage}"}.__getitem__
    question = "Which municipality in the network split its framework agreement into zones?"
    screened = screen(question, [unnamed, named], {}, "en", text_of=document)
    assert screened.kept == [named]
    # A word the document also writes in lower case opens a sentence without naming anyone.
    assert not names_another("Delte avtaler gir lokale tilbud.", set(), {"doc": "delte"}.get, "doc")
    assert asks_which_place("Kva for ein av dei fire kommunane fekk flest nye jobbar?")
    assert not asks_which_place("Hvilken kommunal rolle er viktigst?")


def test_which_municipality_is_answered_by_the_municipality_a_heading_names() -> None:
    """A report's section on one municipality speaks of "kommunen": its heading names it."""
    sentence = "Da kommunen i 2023 utvidet åpningstiden i barnehagen til 17.30, ble det lettere."
    document = {"doc": f"De fire kommunene er Ørnvik og Lundemo, og da ... {sentence}"}.__getitem__
    question = "Vilken kommun förlängde öppettiden i förskolan till 17.30?"
    under_it = only(sentence, heading="4.4 Ørnvik: forvalteren og tjenesteprodusenten")
    assert screen(question, [under_it], {}, "sv", text_of=document).kept == [under_it]
    under_none = only(sentence, heading="4 Fire kommuner, fire veier")
    assert screen(question, [under_none], {}, "sv", text_of=document).kept == []
    unnamed = only("Åpningstiden ble utvidet til klokken 17.30.", heading="4.4 Ørnvik: forvalteren")
    assert screen(question, [unnamed], {}, "sv", text_of=document).kept == []


def test_the_name_of_an_adviser_is_given_only_where_an_adviser_is_named() -> None:
    question = "Vad heter näringslivsrådgivaren i Gamvik?"
    role = only("In Gamvik, the municipality negotiated with the county authority.", "en")
    adviser = only("In Gamvik, business adviser Ola Nilsen led the talks.", "en")
    assert screen(question, [role, adviser], {}, "sv").kept == [adviser]


def test_a_name_set_off_as_the_questions_label_is_asked_for() -> None:
    """Users open with what they ask about: "Älvbacka – which villages ...?"."""
    [label] = asked_names("Älvbacka business strategy – which villages fixed up swimming spots?")
    assert label.key == ("alvbacka",)
    [plan] = asked_names("Vikfjord-planen: hva er budsjettet?")
    assert plan.key == ("vikfjord",)
    assert asked_names("Across 2021–2024, how many applications were approved?") == []


def test_a_question_asking_a_count_and_who_leads_is_answered_by_either() -> None:
    question = "Hvor mange anbudskurs holdt programmet i 2024, og hvem leder programmet?"
    heading = "4 Prosjekter i 2024"
    count = only("Programmet holdt fem anbudskurs med 71 deltakere.", heading=heading)
    leader = only("Prosjektleder Linn Therese Aakre leder programmet.", heading=heading)
    assert screen(question, [count, leader], {}, "nb").kept == [count, leader]
    alone = "Hvor mange anbudskurs holdt programmet i 2024?"
    assert screen(alone, [count, leader], {}, "nb").kept == [count]


def test_a_figure_clause_going_on_from_the_topics_clause_is_dated_by_its_year() -> None:
    """ "... ei årleg ramme på 1,8 millionar kroner i 2020 og 2021 og 2,4 millionar kroner frå
    2022": the last clause gives the same frame for 2022, though it does not name it again."""
    fund = only(
        "Næringsfondet hadde ei årleg ramme på 1,8 millionar kroner i 2020 og 2021 og "
        "2,4 millionar kroner frå 2022.",
        language="nn",
    )
    question = "Hvor stor var den årlige rammen for næringsfondet fra 2022?"
    assert screen(question, [fund], {}, "nb").kept == [fund]
    # A clause about something else, with a figure of its own, is still passing mention.
    other = only(
        "Næringsfondet hadde ei årleg ramme på 1,8 millionar kroner, og kommunen kjøpte ei "
        "tomt i 2022.",
        language="nn",
    )
    assert screen(question, [other], {}, "nb").kept == []


def test_bokmal_and_nynorsk_spelling_a_j_apart_name_one_thing() -> None:
    """Nynorsk "førstelinjetenesta" is bokmål "førstelinjetjenesten"; a consonant more makes
    another word."""
    row = only("Førstelinjetjenesten Gründerdøra: 2025 820; 2026 870; 2027 890; 2028 910.")
    question = "Kor mykje set Solmundvik kommune av til førstelinjetenesta Gründerdøra i 2027?"
    plan = {"doc": "Næringsplan for Solmundvik kommune 2025–2028"}
    assert screen(question, [row], plan, "nn").kept == [row]
    assert shares_topic({"førstelinjetenest"}, "Førstelinjetjenesten er ny.")
    assert not shares_topic({"innkjøp"}, "Kommunen har innkjøpt to biler.")  # a "t" more


def test_clauses_between_commas_are_no_enumeration_of_names() -> None:
    [stavnes] = name_constraints("How big a share does Stavnes pay?")
    clauses = "Stavnes, as host municipality, pays half, while Heggvik and Lysfjord pay a quarter."
    assert not named_in_a_list(stavnes, clauses)
    assert named_in_a_list(
        stavnes, "The members Stavnes, Heggvik, Kvam and Lysfjord pay 2 million."
    )


def test_a_possessive_before_a_documents_kind_names_its_author_not_a_figures_owner() -> None:
    assert owners_asked("Hva sier forskningsinstituttets evaluering om rammen for fondet?") == set()
    assert owners_asked("How large were the procurement network's purchases in 2021?") == {
        "network"
    }


def test_a_figure_for_a_place_named_beside_the_one_asked_about_is_the_peers() -> None:
    """The passage names Hestvikja and Trollmo together; a sentence giving Hestvikja's count
    gives none of Trollmo's, and one naming Trollmo does."""
    passage = (
        "Hestvikja og Trollmo kom med i samarbeidet først frå 2021. I 2023 åleine tok "
        "Næringsdøra imot 74 førespurnader frå etablerarar i Hestvikja."
    )
    peer = passage_candidate(passage, passage.split(". ")[1], language="nn")
    question = "How many enquiries did Næringsdøra receive from entrepreneurs in Trollmo in 2023?"
    assert screen(question, [peer], {"doc": "Evaluering av Spirekraft"}, "en").kept == []
    own = passage.replace("i Hestvikja.", "i Trollmo.")
    trollmo = passage_candidate(own, own.split(". ")[1], language="nn")
    assert screen(question, [trollmo], {"doc": "Evaluering av Spirekraft"}, "en").kept == [trollmo]


# --- a year that dates the document asked about ---------------------------------------------

PAPER_TEXT = (
    "Prosjektpartnerskapet har vært Mittuniversitetet og Nord universitet, svenske og norske "
    "kommuner, totalt 19 partnere (Stene & Stickler, 2018). Prosjektet ble gjennomført i "
    "perioden 2016 til 2018."
)


def paper_candidate(sentence: str) -> Candidate:
    start = PAPER_TEXT.index(sentence)
    chunk = Chunk(
        id="paper:0", doc_id="paper", text=PAPER_TEXT, start=0, end=len(PAPER_TEXT),
        section_path=["2 Empiri fra prosjektet ReSeNS"], title="Næringsutviklingsrollen",
    )  # fmt: skip
    return Candidate(chunk, 0, start, start + len(sentence), sentence, 0.9, 0.0, 0.9, None)


PARTNERS = paper_candidate(PAPER_TEXT.split(". ")[0] + ".")  # its reference's year dates no claim
PAPER_2019 = {"paper": "Kommunen sin næringsutviklingsrolle\nStene, Morten\nNord universitet\n2019"}


@pytest.mark.parametrize(
    ("question", "dating"),
    [
        (
            "Kor mange partnarar var med i prosjektet som arbeidsnotatet frå 2019 byggjer på?",
            "2019",
        ),
        ("In Stene and Mørkved's 2019 working paper, how many partners were there?", "2019"),
        ("In the 2019 Nord University working paper, how many partners were there?", "2019"),
        ("How many firms did Strandheim have in 2019 Nord University said?", None),
        ("Hva sier Stene og Mørkved (2019) om partnerne?", "2019"),
        ("I årsrapporten for 2024, kva kommune forhandla?", "2024"),
        ("In the business programme for 2025–2028, how is the cost split?", "2025–2028"),
        ("Kva regel har selskapet i årsmeldinga for 2024 innført?", "2024"),
        ("Vad säger verksamhetsberättelsen för 2023 om fonden?", "2023"),
        ("What target is set in the master plan adopted June 2021?", "2021"),
        ("Hva står i rapporten publisert i mars 2023 om fondet?", "2023"),
        ("Hvor mange deltok på verkstedet i mars 2019?", None),
        ("Hvor mange partnere var det i 2019 ifølge notatet?", None),
        ("Hvor mange partnere var det i 2019?", None),
    ],
)
def test_a_year_beside_a_word_for_a_document_dates_the_document(
    question: str, dating: str | None
) -> None:
    assert [c.text for c in document_dates(question)] == ([dating] if dating else [])


def test_a_year_dating_the_document_is_met_by_a_document_of_that_year() -> None:
    question = (
        "Kor mange partnarar var med i ReSeNS-prosjektet som arbeidsnotatet frå 2019 byggjer på?"
    )
    assert screen(question, [PARTNERS], PAPER_2019, "nn").kept == [PARTNERS]
    # A document of another year meets it only where its sentence gives the year.
    of_2021 = {"paper": PAPER_2019["paper"].replace("2019", "2021")}
    screened = screen(question, [PARTNERS], of_2021, "nn")
    assert screened.kept == [] and screened.statement is not None
    # Asked of the year itself, the year is what is asked.
    assert (
        screen("Kor mange partnarar var med i ReSeNS i 2019?", [PARTNERS], PAPER_2019, "nn").kept
        == []
    )


def test_a_year_dating_the_document_is_met_by_what_it_says_it_did_in_another_year() -> None:
    """The annual report for 2024 says what its board decided in 2023: that is what the
    report says. A figure it gives for 2023 is no figure for 2024."""
    text = "Styret vedtok i 2023 en toårsregel for playmakerprosjekter."
    rule = only(text)
    contexts = {"doc": "Årsmelding 2024\nSkarvdal Næringsutvikling AS"}
    question = "Kva regel har selskapet innført ifølge årsmeldinga for 2024?"
    assert screen(question, [rule], contexts, "nn").kept == [rule]
    turnover = only("Omsetningen var 12 millioner kroner i 2023.")
    asked = "Kva var omsetninga ifølge årsmeldinga for 2024?"
    assert screen(asked, [turnover], contexts, "nn").kept == []


def test_no_figure_is_for_the_year_its_document_was_made_in() -> None:
    """A plan adopted in June 2021 sets its targets for later years: asked of the plan by
    when it was adopted, its target for 2025 answers; asked for 2021, it does not."""
    target = only("Målet er at minst fire gardar har godkjende tilbod i 2025.", "nn")
    contexts = {"doc": "Kommuneplanen sin samfunnsdel 2021–2033 for Storlia\n2021"}
    adopted = "How many care farms does the master plan adopted in June 2021 aim for?"
    assert screen(adopted, [target], contexts, "en").kept == [target]
    asked = "How many care farms does the master plan aim for in 2021?"
    assert screen(asked, [target], contexts, "en").kept == []


def test_a_chapters_year_dates_the_sections_inside_it() -> None:
    text = "Ombyggingen kostet 3,2 millioner kroner."
    chunk = Chunk(
        id="aarsmelding:0", doc_id="aarsmelding", text=text, start=0, end=len(text),
        section_path=["4 Prosjekter i 2024", "4.1 Fjøsloftet i Almedal"], title="Årsmelding",
    )  # fmt: skip
    cost = Candidate(chunk, 0, 0, len(text), text, 0.9, 0.0, 0.9, None)
    contexts = {"aarsmelding": "Årsmelding\nSkarvdal Næringsutvikling AS"}
    assert screen("Hva kostet ombyggingen i 2024?", [cost], contexts, "nb").kept == [cost]
    assert screen("Hva kostet ombyggingen i 2023?", [cost], contexts, "nb").kept == []


BULLETIN = (
    "One door for entrepreneurs\n\nFrom 1 April anyone can use the same first-line service "
    "in all three municipalities.\n\nThe service will give advice on business plans. "
    "The annual cost is NOK 2.1 million."
)


def test_across_languages_a_figure_is_of_what_its_section_named_before_its_passage() -> None:
    """The passage opens after the paragraph naming the first-line service; its section, read in
    the document's text, says what the cost is of."""
    passage = BULLETIN[BULLETIN.index("The service") :]
    chunk = Chunk(
        id="bulletin:1", doc_id="bulletin", text=passage, start=BULLETIN.index(passage),
        end=len(BULLETIN), section_path=["One door for entrepreneurs"], title="Bulletin",
        language="en",
    )  # fmt: skip
    sentence = "The annual cost is NOK 2.1 million."
    start = BULLETIN.index(sentence)
    cost = Candidate(chunk, 0, start, start + len(sentence), sentence, 0.8, 0.0, 0.8, None)
    question = "Hva koster førstelinjetjenesten i året?"
    contexts = {"bulletin": "Bulletin"}
    assert screen(question, [cost], contexts, "nb", text_of=lambda _: BULLETIN).kept == [cost]
    # Read within its passage alone, the cost is of nothing the question names.
    assert screen(question, [cost], contexts, "nb").kept == []


def test_whose_figure_a_search_asks_for_is_no_topic_a_sentence_names_it_by() -> None:
    """ "Tjørnås veiledningssamtaler 2023" asks for a count of guidance sessions: a sentence
    naming Tjørnås in 2023 about a fund's money does not give it."""
    text = (
        "Tjørnås forhandlet fram et næringsfondsbidrag på 1,2 millioner kroner i 2023. "
        "Tjørnås hadde 74 veiledningssamtaler i 2023."
    )
    chunk = Chunk(
        id="referat:0", doc_id="referat", text=text, start=0, end=len(text),
        section_path=["Sak 2 Status"], title="Referat",
    )  # fmt: skip
    money, sessions = (
        Candidate(chunk, 0, text.index(s), text.index(s) + len(s), s, 0.9, 0.0, 0.9, None)
        for s in (text[: text.index(". ") + 1], text[text.index(". ") + 2 :])
    )
    contexts = {"referat": "Referat\nTjørnås kommune"}
    screened = screen("Tjørnås veiledningssamtaler 2023", [money, sessions], contexts, "nb")
    assert screened.kept == [sessions]


def test_a_question_asking_a_cost_and_its_split_is_answered_by_either() -> None:
    """ "What does it cost a year, and how is the bill split?" asks money and shares."""
    text = "The annual cost is NOK 2.1 million. Stavnes pays 50 per cent of the cost, Heggvik 25."
    chunk = Chunk(
        id="bulletin:0", doc_id="bulletin", text=text, start=0, end=len(text),
        section_path=["First-line service"], title="Bulletin", language="en",
    )  # fmt: skip
    cost, split = (
        Candidate(chunk, 0, text.index(s), text.index(s) + len(s), s, 0.9, 0.0, 0.9, None)
        for s in ("The annual cost is NOK 2.1 million.", text[text.index("Stavnes") :])
    )
    contexts = {"bulletin": "Bulletin"}
    both = "What does the first-line service cost a year, and how is the cost split?"
    assert screen(both, [cost, split], contexts, "en").kept == [cost, split]
    assert screen("How is the cost split?", [cost, split], contexts, "en").kept == [split]


def test_a_place_asked_as_the_name_of_its_body_is_met_by_a_sentence_naming_the_body() -> None:
    """ "The Ekbyrne business association" is the body the sentence names; "Ekbyrne" alone is
    the municipality, whose figure a bank's is not."""
    sentence = (
        "Ekbyrne Företagarförening, vars ordförande Henrik Lövgren deltog i arbetet, har "
        "åtagit sig att utse två ledamöter."
    )
    ekbyrne = Constraint("place", "Ekbyrne", ("ekbyrne",))
    assert named_in_another_body(ekbyrne, sentence)
    assert asks_of_a_body(ekbyrne, "Who chairs the Ekbyrne business association?")
    assert not asks_of_a_body(ekbyrne, "How many members does Ekbyrne kommune appoint?")


def test_a_year_given_with_its_month_dates_an_event_its_passage_records() -> None:
    """Minutes give the meeting's date once, above who spoke: "the workshop in February 2024"
    is met by the passage; a year alone still needs the sentence or its heading."""
    minutes = (
        "Dato: 15. februar 2024, Sandvær rådhus\n\n"
        "Fasilitator Ingrid Hov Berntsen la fram dagens program."
    )
    sentence = "Fasilitator Ingrid Hov Berntsen la fram dagens program."
    candidate = passage_candidate(minutes, sentence, language="nn")
    on_a_date = "Kven leia arbeidsverkstaden i februar 2024 som fasilitator?"
    assert screen(on_a_date, [candidate], {"doc": "Referat"}, "nn").kept == [candidate]
    assert (
        screen(on_a_date.replace("2024", "2023"), [candidate], {"doc": "Referat"}, "nn").kept == []
    )
    in_a_year = "Kven leia arbeidsverkstaden i 2024 som fasilitator?"
    assert screen(in_a_year, [candidate], {"doc": "Referat"}, "nn").kept == []


def test_who_holds_a_title_in_a_listed_place_is_said_where_the_place_is_named() -> None:
    """An audit of three municipalities: its Tverrdal section's mayor is no answer to who is
    the mayor of Lidvang."""
    sentence = "Ordførar Gunn Brattheim leia forhandlingane."
    candidate = passage_candidate(f"Kommunen forhandla med Dalnett AS. {sentence}", sentence)
    contexts = {"doc": AUDIT.title}
    asked = "Kven er ordførar i Lidvang kommune?"
    assert screen(asked, [candidate], contexts, "nn", audit_parts("Lidvang")).kept == []
    assert screen(asked, [candidate], contexts, "nn", {"doc": {}}).kept == [candidate]


def test_a_title_holder_the_document_places_elsewhere_is_no_answer_for_another_place() -> None:
    """Minutes list "Anders Kleppevik, ordfører i Tjørnås kommune"; his welcome as
    "Ordfører Anders Kleppevik" does not say who is the mayor of Eikebrekke."""
    minutes = (
        "Deltakere\n\n- Anders Kleppevik, ordfører i Tjørnås kommune (møteleder)\n"
        "- Linn Evjemo, næringsrådgiver i Eikebrekke kommune\n\n"
        "Ordfører Anders Kleppevik ønsket velkommen."
    )
    welcome = "Ordfører Anders Kleppevik ønsket velkommen."
    eikebrekke = [Constraint("place", "Eikebrekke", ("eikebrekke",))]
    tjornas = [Constraint("place", "Tjørnås", ("tjorna",))]
    assert holds_title_elsewhere(welcome, frozenset({"mayor"}), eikebrekke, minutes)
    assert not holds_title_elsewhere(welcome, frozenset({"mayor"}), tjornas, minutes)
    candidate = passage_candidate(minutes, welcome)
    contexts = {"doc": "Referat"}
    asked = "Who is the mayor of Eikebrekke?"
    assert screen(asked, [candidate], contexts, "en", text_of=lambda _: minutes).kept == []
    asked_of_tjornas = "Who is the mayor of Tjørnås?"
    kept = screen(asked_of_tjornas, [candidate], contexts, "en", text_of=lambda _: minutes).kept
    assert kept == [candidate]


def test_how_many_of_a_group_did_something_is_answered_by_their_share_too() -> None:
    """A review gives the share of the supported firms still in business, not their number."""
    question = "How many of the firms that got start-up support were still in business later?"
    figure = FigureAsked.of(question, "en", topic_terms(question))
    assert figure is not None and (figure.measure, figure.also) == ("count", "share")
    share = "58 prosent av foretakene som fikk etablererstøtte, var fortsatt i drift tre år etter."
    assert figure.answered_by(share, "", "nb", False)
    plain = FigureAsked.of("How many firms got start-up support?", "en", set())
    assert plain is not None and plain.also is None


GRANAKRA = (
    "Det mest intressanta exemplet är Granåkras upphandling av skolmåltider 2023. Kommunen "
    "genomförde tre dialogmöten med lokala livsmedelsproducenter. Resultatet blev att andelen "
    "lokalt producerade livsmedel steg från 12 till 31 procent."
)


def test_a_sentence_going_on_by_the_definite_noun_for_what_was_named_is_dated_by_it() -> None:
    """ "Kommunen", "Resultatet": the municipality and the outcome the sentence before named
    and dated."""
    how = "Kommunen genomförde tre dialogmöten med lokala livsmedelsproducenter."
    result = (
        "Resultatet blev att andelen lokalt producerade livsmedel steg från 12 till 31 procent."
    )
    for sentence in (how, result):
        candidate = passage_candidate(GRANAKRA, sentence, language="sv")
        assert continued_sentence(candidate).startswith("Det mest intressanta exemplet")
    assert continued_sentence(only("Kommunen genomförde tre dialogmöten.", "sv")) == ""


def test_a_question_asking_how_and_a_figure_is_answered_by_a_sentence_giving_either() -> None:
    """How the procurement was done gives no share, yet answers half of what was asked."""
    how = passage_candidate(
        GRANAKRA,
        "Kommunen genomförde tre dialogmöten med lokala livsmedelsproducenter.",
        "doc",
        "sv",
    )
    both = (
        "Hvordan gjennomførte Granåkra anskaffelsen av skolemåltider i 2023, og hva skjedde "
        "med andelen lokalt produsert mat?"
    )
    assert screen(both, [how], {}, "nb").kept == [how]
    share_only = "Hva skjedde med andelen lokalt produsert mat i Granåkra i 2023?"
    assert screen(share_only, [how], {}, "nb").kept == []
    # "How is the bill split" asks for shares: no how a sentence without figures answers.
    split = "Hva kostet anskaffelsen i Granåkra i 2023, og hvordan deles regningen?"
    assert screen(split, [how], {}, "nb").kept == []


def test_a_body_named_by_what_it_is_and_its_place_is_the_body_asked_about() -> None:
    """ "The local savings bank in Sandvær" asks for the bank's figure, which "Sandvær
    Sparebank" gives; the municipality's figure is still not the bank's."""
    bank = only(
        "Sandvær Sparebank opplyste at banken har satt av 400 000 kroner til et lokalt "
        "gründerfond i 2024."
    )
    asked = "Hur mycket har den lokala sparbanken i Sandvær satt av till en gründerfond 2024?"
    assert screen(asked, [bank], {}, "sv").kept == [bank]
    municipality = "Hur mycket har kommunen i Sandvær satt av till en gründerfond 2024?"
    assert screen(municipality, [bank], {}, "sv").kept == []


@pytest.mark.parametrize(
    ("question", "language", "each"),
    [
        ("Hur stort kapital hade näringsfonden kvar vid utgången av 2024?", "sv", False),
        ("Hur mycket fick varje kommun?", "sv", True),
        ("Kor mykje fekk kvar kommune i programmet?", "nn", True),
    ],
)
def test_swedish_kvar_asks_what_is_left_not_what_each_one_got(
    question: str, language: str, each: bool
) -> None:
    asked = FigureAsked.of(question, language, topic_terms(question))
    assert asked is not None
    assert asked.each is each


def test_what_is_left_of_a_fund_is_answered_by_the_sum_left() -> None:
    capital = only(
        "Auken vert dekt av fondskapitalen, som var 6,1 millionar kroner ved utgangen av 2024.",
        "nn",
    )
    question = "Hur stort kapital hade näringsfonden kvar vid utgången av 2024?"
    assert screen(question, [capital], {}, "sv").kept == [capital]


def test_the_year_of_a_cited_work_does_not_date_the_sentence_citing_it() -> None:
    """ "Stene och Mørkved (2019)" is a work of 2019, not an event of 2019; a year in brackets
    after a sentence's first word is still its own."""
    citing = only("Se till exempel Stene och Mørkved (2019) om kommunens framtida roll.", "sv")
    ranked = only("I 2019 låg Älvbacka på plats 212 i rankingen av företagsklimatet.", "sv")
    question = "Vilken plats hade Älvbacka i rankingen av företagsklimatet 2019?"
    strategy = {"doc": "Näringslivsstrategi för Älvbacka kommun 2022–2026"}
    assert screen(question, [citing, ranked], strategy, "sv").kept == [ranked]
    budget = only("Budsjettet (2019) var på 2,1 millioner kroner.")
    assert screen("Hva var budsjettet i 2019?", [budget], {}, "nb").kept == [budget]


def test_a_word_joining_a_names_words_opens_no_name() -> None:
    """Nynorsk "Kva for" is "which": the name asked is Interreg, not "for Interreg"."""
    names = name_constraints("Kva for Interreg-prosjekt byggjer arbeidsnotatet på?")
    assert [c.text for c in names] == ["Interreg"]
    assert [c.text for c in name_constraints("Kva gjer Senter for Nyskaping?")] == [
        "Senter for Nyskaping"
    ]


@pytest.mark.parametrize(
    ("sentence", "written", "both", "figure_alone", "asked"),
    [
        (
            "Mjøsli Handelslag SA was founded on 3 May 2023.",
            "en",
            "Når vart samvirkebutikken i Mjøsli skipa, og kva måtte ein betale for ein andel?",
            "Kva måtte ein betale for ein andel i samvirkebutikken i Mjøsli?",
            "nn",
        ),
        (
            "Ordførar Gunn Brattheim leia forhandlingane, og utbygginga var ferdig.",
            "nn",
            "How much did the municipality pay for the broadband, and who led the negotiations?",
            "How much did the municipality pay for the broadband?",
            "en",
        ),
    ],
)
def test_a_figure_asked_beside_when_or_by_whom_something_happened_lets_either_part_answer(
    sentence: str, written: str, both: str, figure_alone: str, asked: Language
) -> None:
    """The sentence saying when or who answers; asked for the figure alone, it does not."""
    said = only(sentence, written)
    assert screen(both, [said], {}, asked).kept == [said]
    assert screen(figure_alone, [said], {}, asked).kept == []


def test_a_table_row_by_year_counts_what_its_label_names() -> None:
    """Across languages a count names what it counts in the row's label, the years heading
    its columns."""
    row = only("Companies in the incubator: 2022 12; 2023 15; 2024 19.", "en")
    question = "Hvor mange bedrifter var med i inkubatorprogrammet i 2023?"
    assert screen(question, [row], {}, "nb").kept == [row]
    visits = only("Visits to the website: 2022 1 200; 2023 1 500; 2024 1 900.", "en")
    assert screen(question, [visits], {}, "nb").kept == []


def test_a_long_word_spelled_with_another_standards_ending_shares_the_topic() -> None:
    """Bokmål "sparebankstiftelsen" and nynorsk "Sparebankstiftinga" are one body."""
    row = "2023: Fylkeskommunen 3,4; Kommunane 1,0; Sparebankstiftinga 1,5; Sum 5,9."
    assert shares_topic(topic_terms("Hvor mye bidro sparebankstiftelsen?"), row)
    assert not shares_topic(topic_terms("Hva sier næringslivet?"), "næringslivsstrategien")


FACT_BOX = (
    "The garden hosts 17 firms.\n\nFact box: Mevika Business Garden\n\nEstablished: 2011\n\n"
    "Owners: Mevika municipality (40 %), Mevika Sparebank and 11 local firms\n\n"
    "Managing director: Eva Sjøberg\n\nTenant firms: 17 (2023)"
)


def test_a_line_of_a_fact_box_is_about_what_the_box_is_titled() -> None:
    """Who holds a title at a body named in passing is said in the box about it."""
    director = passage_candidate(FACT_BOX, "Managing director: Eva Sjøberg", language="en")
    parts = {"doc": {"Mevika": Naming("passing")}}
    question = "Vem är vd för företagsparken i Mevika?"
    assert screen(question, [director], {}, "sv", parts).kept == [director]
    other = FACT_BOX.replace("Fact box: Mevika Business Garden", "Fact box: Arnøy Business Garden")
    elsewhere = passage_candidate(other, "Managing director: Eva Sjøberg", language="en")
    assert screen(question, [elsewhere], {}, "sv", parts).kept == []


def test_a_question_naming_a_work_by_its_year_is_met_by_references_to_it() -> None:
    cited = only("Kommunen får nye lederroller (Holmen, 2016).")
    assert screen("Is Holmen (2016) in the library?", [cited], {}, "en").kept == [cited]


def test_who_holds_a_title_after_someone_is_not_answered_by_naming_only_them() -> None:
    chair = only(
        "Geir Olav Mossing, who has chaired Fjellnett since 2019, will not stand for "
        "re-election at the annual meeting on 12 June.",
        "en",
    )
    after = "Hvem ble valgt til ny styreleder i Fjellnett etter Geir Olav Mossing?"
    assert screen(after, [chair], {}, "nb").kept == []
    assert screen("Hvem er styreleder i Fjellnett?", [chair], {}, "nb").kept == [chair]
