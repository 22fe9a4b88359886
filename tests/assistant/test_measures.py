"""What a figure measures, in the question and in the sentence, in all four languages."""

from __future__ import annotations

import pytest

from assistant.answering.constraints import fold
from assistant.answering.measures import (
    asked_aim,
    asked_measure,
    asks_for_accounts,
    asks_per_unit,
    counted_asked,
    counted_words,
    counts_new,
    folded_words,
    gives_aim,
    gives_measure,
    gives_per_unit,
    measures_in,
    names_new,
    things_named,
)


@pytest.mark.parametrize(
    ("question", "measure"),
    [
        ("Hvor stor var svarprosenten i undersøkelsen?", "share"),
        ("What was the response rate of the survey?", "share"),
        ("Hva tjener næringssjefen i året?", "money"),
        ("Kva kostar ein kontorplass?", "money"),
        ("Hur stor var näringslivsenhetens budget?", "money"),
        ("Hvor stort etablerertilskudd gir kommunen?", "money"),
        ("And how much did the pilot's budget get in 2023?", "money"),
        ("What share of the purchases went to local suppliers?", "share"),
        ("Hvor stor andel av innkjøpene gikk lokalt?", "share"),
        ("Kor stor del av innkjøpa gjekk til leverandørar i kommunen?", "share"),
        ("Hur många procent av inköpen gick till lokala företag?", "share"),
        ("Hvor mange prosjekter fikk støtte?", "count"),
        ("Kor mange arbeidsplassar skal Storlia ha?", "count"),
        ("Hur många invånare har kommunen?", "count"),
        ("How many municipalities took part?", "count"),
        ("How much did the business fund have in 2022?", "money"),
        ("Hur stor är näringslivsfonden?", "money"),
        ("Hvor stor er forskjellen?", None),
        # How much faster asks how far a thing changed, whatever money the question names.
        ("Hvor mye raskere behandles søknader om tilskudd nå?", None),
        ("How much faster are grant applications handled?", None),
        ("Hur mycket snabbare behandlas ansökningar om bidrag?", None),
        ("Hvor mye mer fikk Vikfjord i tilskudd?", "money"),
        ("Hvor mye større var budsjettet?", "money"),
        # How a cost is split asks for shares; what is handed out, for money or nothing.
        ("How is the cost split between the municipalities?", "share"),
        ("Hvordan deles regningen mellom kommunene?", "share"),
        ("How are the costs shared between Saltvoll, Hestvikja and Trollmo?", "share"),
        ("Hvordan er kostnadene fordelt mellom kommunene?", "share"),
        ("Hvor mye deles ut i 2024?", None),
        # A share bought is priced in money.
        ("What did a share in the cooperative cost?", "money"),
        ("Vad kostade en andel i kooperativet?", "money"),
        ("Hvor stor andel av kostnaden dekket kommunen?", "share"),
        # What one pays for it, in nynorsk too.
        ("Kva måtte ein betale for ein andel i butikken?", "money"),
        ("How much did one pay for a share?", "money"),
        ("Hvor stor andel betalte kommunen?", "share"),
        # A budget's frame, as it is written in English by those who say "ramme".
        ("What was the financial frame for the note?", "money"),
    ],
)
def test_the_measure_a_question_asks_for(question: str, measure: str | None) -> None:
    assert asked_measure(question) == measure


def test_trade_is_not_a_share() -> None:
    assert asked_measure("Hvor mye handel går over grensen?") is None


@pytest.mark.parametrize(
    ("text", "measures"),
    [
        ("Fondet får en ramme på 11,2 millioner kroner.", {"money"}),
        ("The pilot had a total budget of NOK 14.6 million.", {"money"}),
        ("Eit etablerartilskot på inntil 50 000 kroner.", {"money"}),
        ("Fonden delade ut 2,7 miljoner kronor år 2022.", {"money"}),
        ("Programmets budget var 31,5 Mkr.", {"money"}),
        # A table's column named by its currency and unit before the figure.
        ("2023: Applications 63; Granted 44; NOK m 2.58.", {"count", "money"}),
        ("Tildelt, mill. kr 2,5", {"money"}),
        ("Av dette gikk 24 prosent til lokale leverandører.", {"share"}),
        ("Andelen var 28 % år 2021.", {"share"}),
        ("Halvparten av kommunene deltok.", {"share"}),
        ("Stavnes, as host municipality, pays half.", {"share"}),
        ("She works half-time.", set()),
        ("Four of the six municipalities moved towards a playmaker role.", {"share", "count"}),
        ("Twenty-nine of them were still operating in March 2023.", {"count"}),
        ("Hovedmålet er 150 nye arbeidsplasser.", {"count"}),
        ("Planen ble vedtatt i 2023.", set()),
    ],
)
def test_each_figure_of_a_sentence_is_money_a_share_or_a_count(
    text: str, measures: set[str]
) -> None:
    assert measures_in(text) == measures


def test_a_sentence_answers_a_measure_only_with_a_figure_of_that_measure() -> None:
    jobs = "Hovedmålet er 150 nye arbeidsplasser innen 2028."
    assert not gives_measure(jobs, "money")
    assert gives_measure(jobs, "count")
    assert gives_measure(jobs, None)
    assert not gives_measure("Planen gjelder fra 2024.", None)


def test_an_ordinal_is_not_a_share() -> None:
    assert measures_in("Third, what conditions made a change of role possible?") == set()
    assert measures_in("A third of the firms closed.") == {"share"}


def test_dates_and_times_of_day_are_no_figures() -> None:
    assert measures_in("Dato: 7. februar 2024, kl. 09.00–15.30") == set()
    assert measures_in("Huset opna 14. september 2023.") == set()
    assert measures_in("The workshop on 3 March counted 23 participants.") == {"count"}


@pytest.mark.parametrize(
    ("text", "compounds", "thing"),
    [
        ("nye arbeidsplasser", True, "jobs"),
        ("nya arbetstillfällen", True, "jobs"),
        ("new jobs", False, "jobs"),
        ("gründerbedrifter", True, "businesses"),
        ("start-ups", False, "businesses"),
        ("føreningar", True, "associations"),
        ("næringsfondet", True, "grants"),
        ("overskot", True, "profit"),
        ("profit", False, "profit"),
        ("leiga", True, "costs"),
        ("full-time equivalents", False, "staff"),
        ("Egenandel 0,8", True, "own contributions"),
        ("eigendelen i programmet", True, "own contributions"),
        ("own financial contribution", False, "own contributions"),
        ("total funding", False, "grants"),
        ("Budsjett og finansiering", True, "grants"),
        ("programmets finansiering", True, "grants"),
        ("veiledningssamtaler", True, "consultations"),
        ("Företagsrådgivningar 412", True, "consultations"),
        ("business advisory sessions", False, "consultations"),
    ],
)
def test_the_things_a_figure_measures_are_named_alike_in_four_languages(
    text: str, compounds: bool, thing: str
) -> None:
    assert thing in things_named(folded_words(fold(text)), compounds)


def test_english_words_are_not_read_as_compounds() -> None:
    """ "different" holds "rent", but in English it names no cost."""
    assert "costs" not in things_named(["different"], compounds=False)
    # "Finance the desk with NOK 2.8 million" recommends a cost; it gives no grant.
    assert "grants" not in things_named(["finance", "the", "desk"], compounds=False)
    assert "costs" in things_named(["husleie"], compounds=True)


def test_what_a_count_counts_is_named_beside_it_and_after_how_many() -> None:
    assert "deltakere" in counted_words("Kurset ble holdt 14 ganger med til sammen 203 deltakere.")
    assert "participants" in counted_words("The number of participants was 203.")
    assert "kroner" not in counted_words("Fondet fikk 400 000 kroner."), "money counts nothing"
    assert counted_asked("How many new jobs did the programme create?") == "jobs"
    assert counted_asked("Hvor mange av de lokale bedriftene fikk støtte?") == "bedriftene"
    assert counted_asked("Hvor stort var budsjettet?") == ""
    # English stacks nouns before what it counts: the last before the verb is counted.
    assert counted_asked("How many business fund grants did Nordsand award?") == "grants"
    assert counted_asked("How many people attended the workshop?") == "people"
    assert counted_asked("How many members of the cooperative were there?") == "members"
    # What is counted ends where another thing asked is joined to it.
    assert counted_asked("How many supported projects and new jobs did it get?") == "projects"


@pytest.mark.parametrize(
    ("question", "each"),
    [
        ("How much did each municipality receive?", True),
        ("Hvor mye fikk hver kommune?", True),
        ("Kor mykje fekk kvar kommune?", True),
        ("Hur mycket fick varje kommun?", True),
        ("Hvor mange årsverk hadde kommunene i snitt?", True),
        ("Hvor mye får fondet hvert år?", False),
        ("How much did the fund get each year?", False),
        ("Hvor mye fikk kommunene?", False),
    ],
)
def test_a_question_for_each_one_of_several_is_told_from_one_for_each_year(
    question: str, each: bool
) -> None:
    assert asks_per_unit(question) is each


def test_a_figure_for_each_one_says_so_beside_it() -> None:
    assert gives_per_unit("Each municipality received NOK 1.8 million over three years.")
    assert gives_per_unit("Kommunene fikk 1,8 millioner kroner hver.")
    assert not gives_per_unit("Budsjettet var 9,5 millioner kroner fra de sju kommunene.")
    assert not gives_per_unit("The network costs NOK 600,000 per year."), "each year, not one"
    assert not gives_per_unit(
        "Programmet hadde tre delmål: et kompetent førstelinjeapparat i hver kommune."
    ), "'hver' far from the figure is about something else"


def test_a_figure_for_each_one_may_say_so_at_the_start_of_its_clause() -> None:
    assert gives_per_unit(
        "Med registertallet som grunnlag har hver ny arbeidsplass kostet om lag 367 000 kroner."
    )
    assert not gives_per_unit(
        "I hver kommune er det et næringskontor, og budsjettet var 2 millioner kroner."
    ), "'hver' in another clause"


def test_how_much_something_got_asks_for_money() -> None:
    assert asked_measure("How much did each municipality receive?") == "money"
    assert asked_measure("Hvor mye fikk gründerhuset i 2023?") == "money"
    assert asked_measure("How much has the role changed?") is None


@pytest.mark.parametrize(
    ("question", "organisations", "accounts"),
    [
        ("Vilket rörelseresultat hade bolaget år 2024?", [], True),
        ("What was the operating result in 2023?", [], True),
        ("Vilket resultat hade Fjellstrand Næringslag år 2023?", ["Fjellstrand Næringslag"], True),
        ("Hva var resultatet for Sandvær Sparebank?", ["Sandvær Sparebank"], True),
        ("Hva var resultatet av Helgelandsprogrammet?", ["Helgelandsprogrammet"], False),
        ("Hvilke resultater oppnådde kommunen?", [], False),
    ],
)
def test_a_result_is_a_figure_of_accounts_for_a_company_not_for_a_programme(
    question: str, organisations: list[str], accounts: bool
) -> None:
    assert asks_for_accounts(question, organisations) is accounts


@pytest.mark.parametrize(
    ("question", "aim"),
    [
        ("What job target did the programme set itself for 2020–2024?", "target"),
        ("Hva var målet for nye arbeidsplasser i Kvernådalen?", "target"),
        ("Kva er hovudmålet for talet på nye verksemder?", "target"),
        ("Vilken målsättning har kommunen för andelen lokala leverantörer?", "target"),
        ("How many new jobs were created in Vikfjord?", "outcome"),
        ("Hvor mange nye arbeidsplasser ble skapt i Vikfjord?", "outcome"),
        ("Kor mykje fekk næringsfondet i 2022?", "outcome"),
        ("Hur många nya företag fick stöd i kustpiloten?", "outcome"),
        ("Hvor stort var budsjettet?", None),  # neither
        ("Nådde programmet målet om 160 arbeidsplasser?", None),  # both
        ("Hva er spørsmålet i undersøkelsen om nye arbeidsplasser?", None),  # a question
        ("Hvilken kilde viser notatet til for at dette er et holdningsspørsmål?", None),
        # A purpose is no target.
        ("Hur ska näringsfonden fördelas mellan olika ändamål?", None),
        ("Kor stor del av fondet går til kvart formål?", None),
    ],
)
def test_a_figure_question_asks_for_a_target_or_for_what_was_reached(
    question: str, aim: str | None
) -> None:
    assert asked_aim(question) == aim


def test_a_target_answers_no_question_of_what_was_reached_nor_the_other_way() -> None:
    target = "Hovedmålet er 150 nye arbeidsplasser i Vikfjord innen utgangen av 2028."
    reached = "Ifølge bedriftenes egne anslag har de 97 prosjektene gitt 138 nye arbeidsplasser."
    both = "Målet var 100 nya arbetstillfällen, och programmet har uppnått 88."
    planned = "Kommunen skal skape 50 nye arbeidsplasser i Straumen."
    assert gives_aim(target, "target") and not gives_aim(target, "outcome")
    assert gives_aim(reached, "outcome") and not gives_aim(reached, "target")
    assert gives_aim(both, "outcome") and gives_aim(both, "target")
    assert gives_aim(planned, "target")
    # A purpose beside a figure of what was done sets no target.
    purpose = "Fondet har som mål å styrke næringslivet, og delte ut 2,9 millioner kroner i 2022."
    assert gives_aim(purpose, "outcome") and not gives_aim(purpose, "target")


def test_a_count_of_new_things_asks_for_a_sentence_saying_they_are_new() -> None:
    assert counts_new("How many new jobs were created in Vikfjord?")
    assert counts_new("Hur många nya företag fick stöd i kustpiloten?")
    assert not counts_new("Hvor mange arbeidsplasser er det i havbruk?")
    assert not counts_new("Hvor mye fikk de nye bedriftene?")  # an amount, not a count
    assert names_new("The pilot supported 37 new business start-ups.")
    assert names_new("Kursen gav 29 nyetablerte företag.")
    assert not names_new("Havbruk og fiskeforedling sysselsetter om lag 620 personer.")
