"""A question that names a document by its title, authors or publisher is searched within it."""

from __future__ import annotations

from assistant.domain import CatalogueEntry
from assistant.retrieval.scope import cover_lines, document_names, scope_of

ENTRIES = {
    "vikfjord": CatalogueEntry(
        id="vikfjord",
        title="Strategisk næringsplan for Vikfjord kommune 2024–2028",
        authors=["Vikfjord kommune"],
    ),
    "helgeland": CatalogueEntry(
        id="helgeland",
        title="Evaluering av Helgelandsprogrammet for lokal næringsutvikling",
        authors=["Eriksen, Kari Lund"],
        publisher="Polarsirkel Utredning",
    ),
    "paper": CatalogueEntry(
        id="paper", title="Kommunen sin framtidige næringsutviklingsrolle", authors=["Stene, M."]
    ),
}
NAMES = {doc_id: document_names(entry) for doc_id, entry in ENTRIES.items()}
TITLES = {doc_id: entry.title for doc_id, entry in ENTRIES.items()}


def test_a_documents_names_are_its_proper_names_not_words_for_a_kind_of_body() -> None:
    assert "vikfjord" in NAMES["vikfjord"]
    assert "kommune" not in NAMES["vikfjord"]
    assert {"eriksen", "polarsirkel"} <= NAMES["helgeland"]


def test_a_question_naming_a_document_is_scoped_to_it_and_asked_without_the_name() -> None:
    scope = scope_of("Kor mange prosjekt støtta Helgelandsprogrammet?", NAMES)
    assert scope is not None
    assert scope.doc_ids == ("helgeland",)
    assert scope.query == "Kor mange prosjekt støtta ?"


def test_inflected_and_shortened_names_match() -> None:
    """A genitive, or a name the title holds in a compound, still names the document."""
    genitive = scope_of("Vilket exempel på samskapande ger Vikfjords näringsplan?", NAMES)
    shorter = scope_of("Which municipalities took part in the Helgeland programme?", NAMES)
    assert genitive is not None and genitive.doc_ids == ("vikfjord",)
    assert shorter is not None and shorter.doc_ids == ("helgeland",)


def test_a_question_naming_no_document_or_every_document_is_not_scoped() -> None:
    assert scope_of("Hva er en playmaker?", NAMES) is None
    assert scope_of("Hvor stor andel gikk til lokale leverandører i Trondheim?", NAMES) is None
    only = {"paper": NAMES["paper"]}
    assert scope_of("Hva skriver Stene om brobyggeren?", only) is None


def test_words_calling_the_named_document_a_document_are_left_out_of_its_search() -> None:
    """Within the evaluation every passage is the evaluation's: "evalueringen" singles out none."""
    question = "Hvordan beskriver evalueringen av Helgelandsprogrammet samstyring?"
    scope = scope_of(question, NAMES, TITLES)
    assert scope is not None and scope.query == "Hvordan beskriver av samstyring?"
    bare = scope_of("Hva er evalueringen av Helgelandsprogrammet?", NAMES, TITLES)
    assert bare is not None and "evalueringen" in bare.query, "kept when nothing else is asked"
    swedish = scope_of(
        "Hur beskriver utvärderingen av Helgelandsprogrammet samstyrning?", NAMES, TITLES
    )
    assert swedish is not None and "utvärderingen" not in swedish.query


def test_a_word_for_another_kind_of_document_is_what_is_asked_about() -> None:
    """The evaluation is no strategy: asked of it, "strategien" is the topic."""
    question = "Når ble strategien for Helgelandsprogrammet vedtatt?"
    scope = scope_of(question, NAMES, TITLES)
    assert scope is not None and "strategien" in scope.query
    plan = scope_of("Når ble planen for Vikfjord vedtatt?", NAMES, TITLES)
    assert plan is not None and "planen" not in plan.query
    kind = scope_of(
        "Hva sier arbeidsnotatet om Stene sin samstyring?",
        NAMES,
        TITLES,
        {"paper": "working paper"},
    )
    assert kind is not None and "arbeidsnotatet" not in kind.query, "the catalogue's kind says it"


def test_a_short_name_matches_only_whole_or_with_a_genitive_s() -> None:
    names = {**NAMES, "nord": {"nord", "universitet"}}
    assert scope_of("Hvor stort var budsjettet i Nordland?", names) is None
    scope = scope_of("Hva skriver Nords forskere om samstyring?", names)
    assert scope is not None and scope.doc_ids == ("nord",)


def test_a_run_of_a_titles_words_names_its_document_in_lower_case_too() -> None:
    question = "Hva sier evalueringen av helgelandsprogrammet for lokal næringsutvikling?"
    scope = scope_of(question.replace("helgelandsprogrammet", "programmet"), {}, TITLES)
    assert scope is None, "'for lokal næringsutvikling': two content words say a theme"
    scope = scope_of("Hva er kommunen sin framtidige næringsutviklingsrolle?", {}, TITLES)
    assert scope is not None and scope.doc_ids == ("paper",)
    assert scope.query == "Hva er kommunen sin framtidige næringsutviklingsrolle?", (
        "a title's words often say what is asked: they stay"
    )


def test_a_titles_possessive_genitive_matches_an_s_genitive() -> None:
    """'Kommunen sin framtidige næringsutviklingsrolle' is the title the question writes as
    'kommunens framtidige næringsutviklingsrolle'."""
    question = "Hvem bestilte arbeidsnotatet om kommunens framtidige næringsutviklingsrolle?"
    scope = scope_of(question, {}, TITLES)
    assert scope is not None and scope.doc_ids == ("paper",)


def test_a_keyword_search_opening_with_a_documents_name_is_scoped_to_it() -> None:
    """Keywords open no sentence: "Vikfjord næringsfond ramme 2029" names Vikfjord, though a
    question's capitalised first word is no name."""
    scope = scope_of("Vikfjord næringsfond ramme 2029", NAMES)
    assert scope is not None and scope.doc_ids == ("vikfjord",)
    assert scope.query == "næringsfond ramme 2029"
    assert scope_of("Hvordan beskriver evalueringen samarbeidet?", NAMES) is None


def test_a_title_in_another_form_of_its_words_names_its_document() -> None:
    """Nynorsk and bokmål forms, with or without the article, are one word of a title."""
    titles = {**TITLES, "note": "Kunnskapsnotat om kommunen som innkjøper og næringsutvikler"}
    question = "I kunnskapsnotatet om kommunen som innkjøpar – kva gjorde bakeria?"
    scope = scope_of(question, {}, titles)
    assert scope is not None and scope.doc_ids == ("note",)


def test_the_cover_lines_of_a_text_are_read_up_to_its_first_paragraph() -> None:
    text = (
        "Kystkommunenes innkjøpsnettverk\n\nKunnskapsnotat om kommunen som innkjøper\n\n"
        "Per Einar Tangen og Sunniva Rød\n\nForord\n\n" + "Dette notatet handler om innkjøp. " * 5
    )
    assert cover_lines(text) == [
        "Kystkommunenes innkjøpsnettverk",
        "Kunnskapsnotat om kommunen som innkjøper",
        "Per Einar Tangen og Sunniva Rød",
        "Forord",
    ]


def test_a_document_called_by_its_language_and_kind_is_scoped_to() -> None:
    """ "The nynorsk evaluation": the evaluations written in nynorsk, not the paper in bokmål
    or the Swedish one; "the Swedish report" with no Swedish report: the Swedish documents."""
    titles = {
        "ilus": "Fyrstelinje og næringsfond i Kvitberg, Nordsand og Rypedal 2020–2024",
        "granse": "Utvärdering av Gränsverkstaden 2021–2024",
        "plan": "Strategisk næringsplan 2025–2029",
        "paper": "Kommunen sin framtidige næringsutviklingsrolle",
    }
    kinds = {"ilus": "evaluation", "granse": "evaluation", "plan": "plan", "paper": "paper"}
    languages = {"ilus": "nn", "granse": "sv", "plan": "nb", "paper": "nb"}
    names = {doc_id: set[str]() for doc_id in titles}
    question = "In the nynorsk evaluation, which municipality is singled out as the negotiator?"
    scope = scope_of(question, names, titles, kinds, languages)
    assert scope is not None and scope.doc_ids == ("ilus",)
    assert "nynorsk" not in scope.query
    swedish = scope_of(
        "Vad säger den svenska rapporten om playmaker?", names, titles, kinds, languages
    )
    assert swedish is not None and swedish.doc_ids == ("granse",)
    norwegian = scope_of("What does the Norwegian plan budget?", names, titles, kinds, languages)
    assert norwegian is not None and norwegian.doc_ids == ("plan",)
    municipalities = "Which Swedish municipalities took part?"
    assert scope_of(municipalities, names, titles, kinds, languages) is None, "no document named"


def test_a_compound_ending_in_a_kind_calls_a_document_by_it() -> None:
    """ "Den engelska forskningsrapporten", "den svenske konsulentrapporten": a compound whose
    last word is a kind calls the documents of that language."""
    titles = {
        "haldor": "Playing the middle: municipal roles in business development",
        "plan": "Strategisk næringsplan 2025–2029",
        "granse": "Utvärdering av Gränsverkstaden 2021–2024",
    }
    kinds = {"haldor": "report", "plan": "plan", "granse": "evaluation"}
    languages = {"haldor": "en", "plan": "nb", "granse": "sv"}
    names = {doc_id: set[str]() for doc_id in titles}
    question = "Vad säger den engelska forskningsrapporten om hur kommunerna använder fonderna?"
    scope = scope_of(question, names, titles, kinds, languages)
    assert scope is not None and scope.doc_ids == ("haldor",)
    # A word that merely ends like a kind's word, too short to be a compound, calls none.
    assert scope_of("What does the English preport say?", names, titles, kinds, languages) is None


def test_the_one_document_of_a_kind_is_called_by_its_kind() -> None:
    """ "The minutes of the workshop" in a library with one set of minutes: those; "the
    evaluation" among two evaluations: neither."""
    titles = {
        "referat": "Referat fra regionalt arbeidsverksted: Kommunen som playmaker",
        "ilus": "Fyrstelinje og næringsfond i Kvitberg 2020–2024",
        "granse": "Utvärdering av Gränsverkstaden 2021–2024",
        "plan": "Strategisk næringsplan 2025–2029",
    }
    kinds = {"referat": "other", "ilus": "evaluation", "granse": "evaluation", "plan": "plan"}
    names = {doc_id: set[str]() for doc_id in titles}
    question = "According to the minutes of the regional workshop, which municipality negotiates?"
    scope = scope_of(question, names, titles, kinds)
    assert scope is not None and scope.doc_ids == ("referat",)
    assert scope_of("What does the evaluation say about negotiators?", names, titles, kinds) is None


def test_a_language_adjective_with_speaking_calls_the_documents_in_it() -> None:
    titles = {
        "pilot": "The coastal pilot: evaluation summary",
        "helgeland": "Evaluering av Helgelandsprogrammet",
        "granse": "Utvärdering av Gränsverkstaden 2021–2024",
    }
    kinds = dict.fromkeys(titles, "evaluation")
    languages = {"pilot": "en", "helgeland": "nb", "granse": "sv"}
    names = {doc_id: set[str]() for doc_id in titles}
    for question in (
        "Hvilke forutsetninger trekker den engelskspråklige evalueringen fram?",
        "Which conditions does the English-language evaluation name?",
    ):
        scope = scope_of(question, names, titles, kinds, languages)
        assert scope is not None and scope.doc_ids == ("pilot",), question


def test_a_document_is_named_by_the_body_signing_its_cover() -> None:
    """A drop-in policy brief whose properties name only its writer is signed on its cover
    by the council that issued it: naming the council names the brief, and a "policy note"
    is a brief."""
    brief = CatalogueEntry(id="brief", title="Municipalities as playmakers", authors=["Simen Aas"])
    cover = ["Policy brief 3/2025", "Co-creating business development", "Åsvang Regional Council"]
    names = {**NAMES, "brief": document_names(brief, cover)}
    assert "asvang" in names["brief"]
    titles = {**TITLES, "brief": "\n".join([brief.title, *cover])}
    kinds = {"brief": "other", "paper": "paper", "vikfjord": "plan", "helgeland": "evaluation"}
    question = "Kva seier policynotatet frå regionrådet i Åsvang om mandatet til saksbehandlarane?"
    scope = scope_of(question, names, titles, kinds)
    assert scope is not None and scope.doc_ids == ("brief",)
    assert "asvang" not in document_names(brief), "its entry alone does not name it"


def test_of_a_covers_fields_only_where_and_by_whom_it_was_issued_name_the_document() -> None:
    minutes = CatalogueEntry(id="minutes", title="Arbeidsverksted om næringsarbeidet")
    cover = [
        "REFERAT",
        "Sted: Sandvær rådhus",
        "Arrangør: Vesterlia regionråd",
        "Fasilitator: Ingrid Berntsen, Nærings-Lab Nord",
    ]
    names = document_names(minutes, cover)
    assert {"sandvaer", "vesterlia"} <= names
    assert not names & {"referat", "sted", "nord", "ingrid", "fasilitator"}
