"""What a figure measures: money, a share, or a count of something.

"How much did the pilot get?" asks for money, "what share of the purchases" for a percentage,
"how many municipalities" for a count. A sentence that gives another measure ("150 new jobs"
for a salary, "twenty-nine of them" for a budget) does not answer, however close it is.
`asked_measure` reads the measure a question asks for, by rules and offline, in bokmål,
nynorsk, Swedish and English; `measures_in` classifies each figure of a sentence by the words
around it: a currency or an amount word ("11,2 millioner kroner", "NOK 14.6 million") is
money, a percent sign or word, or "four of the six", is a share, and anything else a count.
`things_named` reads what a text's figures may be about (jobs, businesses, a budget, rent,
profit...) from the words that name those things in the four languages, so that a sentence in
another language than the question can be held to naming what the question measures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from assistant.retrieval.glossary import fold

Measure = Literal["money", "share", "count", "duration"]
# Whether a figure is one a plan or programme set out to reach, or one it reached.
Aim = Literal["target", "outcome"]

# Figures in words as well as digits; not "en", "ett", "ei", "one": they are articles as often,
# nor "ni" (nine): it is the Swedish "you".
_WORD_FIGURES = (
    r"to|tva|två|two|tre|three|fire|fyra|four|fem|five|seks|sex|six|sju|seven|åtte|åtta|eight|"
    r"nio|nine|ti|tio|ten|elleve|elva|eleven|tolv|twelve|tjue|tjugo|twenty|tretti|trettio|"
    r"thirty|førti|fyrtio|forty|femti|femtio|fifty|hundre|hundra|hundred|tusen|thousand"
)
_DIGITS = r"\d{1,3}(?:[  .]\d{3})+(?:[,.]\d+)?|\d+(?:[,.]\d+)?"
# A figure, then what follows it up to the next figure or the end of the clause.
_FIGURE = re.compile(
    rf"(?i)(?<![\w,.])(?:{_DIGITS}|(?:{_WORD_FIGURES})(?:-(?:{_WORD_FIGURES}|one|en|ett))?)"
    r"(?![\w])"
)
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_AMOUNT = (
    r"(?:mill(?:ion|ioner|ionar|ions|joner|\.)?|milj(?:on|oner)|mnok|mrd\.?|"
    r"milliard(?:er|ar)?|miljard(?:er)?|billions?)"
)
_CURRENCY = (
    r"(?:kr\.?|kroner|kronor|krone|nok|sek|dkk|eur|euro|euros|dollars?|usd|mkr|mnkr|tkr|msek)"
)
_MONEY_AFTER = re.compile(rf"(?i)^\s*(?:{_AMOUNT}\s*)?(?:{_CURRENCY}|{_AMOUNT})(?!\w)")
# A currency, with or without a unit, just before the figure: "NOK 2.5", "NOK m 2.58" and
# "mill. kr 2,5" (a table's column named by its unit).
_MONEY_BEFORE = re.compile(
    rf"(?i)(?<!\w)(?:{_AMOUNT}\s*)?(?:{_CURRENCY}|[€$£])\s*(?:(?:m|mn|bn|k)\b\.?|{_AMOUNT})?\s*$"
)
_PERCENT_AFTER = re.compile(
    r"(?i)^\s*(?:%|prosent|procent|percent|per\s+cent|prosentpoeng|procentenheter)"
)
_FRACTION_AFTER = re.compile(
    rf"(?i)^\s*(?:av|of|ut\s+av|out\s+of)\s+(?:(?:de|dei|the|alle|all)\s+)?"
    rf"(?:{_DIGITS}|{_WORD_FIGURES})(?!\w)"
)
# Shares in words: "halvparten", "a third", "en fjerdedel"; not an ordinal ("Third, ...").
_SHARE_WORD = re.compile(
    r"(?i)\b(?:halvparten|halvdelen|hälften|majoriteten|flertallet|fleirtalet|"
    r"(?:a|one|en|ei|ein|ett)\s+(?:half|third|quarter|tredjedel|fjerdedel|fjärdedel)|"
    r"(?:half|majority)\s+of|"
    # "Stavnes pays half": half of what was named, not half a day or a half-time post.
    r"(?:pays?|paid|covers?|covered|bears?|takes?|took|gets?|got)\s+half(?![\s-]+(?:time|a\s))"
    r")\b"
)

_SHARE_QUESTION = re.compile(
    r"(?i)\b(?:\w*(?<!h)andel\w*|del|delen|\w*prosent\w*|\w*procent\w*|percent\w*|share|"
    r"proportion|\w*frekvens\w*|rate)\b|"
    # How a cost is split between members ("hvordan deles regningen", "how is it split"); not
    # what is handed out ("deles ut").
    r"\b(?:split|deles|delast|delas)\b(?!\s+ut\b)|"
    # Or shared, divided, apportioned between them ("shared between", "fordelt mellom").
    r"\b(?:shared|divided|apportioned|fordelt|fordelte|fordeles|fordelast|fördelas|"
    r"fördelad|fördelade)\s+(?:between|among|mellom|millom|mellan)\b"
)
# A share bought, not a proportion: "what did a share cost", "vad kostade en andel".
_PRICED_SHARE = re.compile(
    r"(?i)\b(?:a|one|each|per|en|ein|ei|ett|eit|hver|kvar|varje)\s+(?:share|andel|andelen)\b"
)
_COST_QUESTION = re.compile(
    r"(?i)\b(?:cost|costs|kostet|kosta|kostar|koster|kostade|kostnad|price|pris|priset|"
    r"betale|betala|betalte|betalade|pay|paid)\b"
)
_COUNT_QUESTION = re.compile(r"(?i)\b(?:(?:hvor|kor)\s+mange|hur\s+många|how\s+many)\b")
# How many of a group did something: "how many of the firms ... were still in business", "hvor
# mange av de bedriftene": a share of them answers as well as a count ("how many of those",
# pointing back, counts what was named before).
_COUNT_OF_A_GROUP = re.compile(
    r"(?i)\b(?:(?:hvor|kor)\s+mange|hur\s+många|how\s+many)\s+(?:of|av)\s+(?:the|de)\s+\w{3,}"
)


def counts_some_of_a_group(question: str) -> bool:
    """Whether a count question asks how many of a group it names did something."""
    return _COUNT_OF_A_GROUP.search(question) is not None


# How long something took or lasts: a figure of days, weeks, months or years.
DURATION_QUESTION = re.compile(
    r"(?i)\b(?:(?:hvor|kor)\s+(?:lang\s+tid|lenge)|hur\s+(?:lång\s+tid|länge)|how\s+long)\b|"
    r"\b\w*(?:behandlingstid|handsamingstid|handsamingstida|handläggningstid|ventetid|"
    r"väntetid|ledetid)\w*|\b(?:processing|waiting|handling|lead)\s+times?\b"
)
_DURATION_AFTER = re.compile(
    r"(?i)^\s*(?:virke)?(?:dagar|dager|dagen|døgn|dygn|days?|veker|vekor|veke|uker|uke|"
    r"veckor|vecka|weeks?|måneder|månader|månadar|månad|måned|months?|timar|timer|timmar|"
    r"hours?|år|years?)(?!\w)"
)
# Money in a question: what a budget, price, grant or salary is called, and earning verbs.
_MONEY_QUESTION = re.compile(
    r"(?i)\b(?:\w*(?:budsjett|budget|beløp|belopp|kostnad|tilskudd|tilskot|tillskott|bidrag|"
    r"stipend|lønn|løn|lön|salar|bevilg|bevilj|investe|omsetning|omsetnad|omsättning|"
    r"driftsresultat|årsresultat|overskudd|overskot|överskott|underskudd|underskot|"
    r"underskott)\w*|turnover|revenue|profits?|deficit|ramme|rammen|ramma|ramen|amount|"
    # A budget's frame, as Scandinavians write it in English ("the financial frame").
    r"(?:financial|economic|budget)\s+frame|"
    r"kost(?:er|ar|et|a|ade)|costs?|pris|prisen|price|tjener|tener|tjänar|earns?|penger|pengar|"
    r"money|kroner|kronor|nok|sek|granted|allocated|awarded|spent|invested|betale|betala|"
    r"betalte|betalade|pay|paid|"
    # What a fund holds is money: "næringsfondet", "the business fund".
    r"\w*fond(?:et|en|s|a|ene|er)?|funds?|funding)\b"
)


# "How much did it get": an amount received is money.
_RECEIVED_QUESTION = re.compile(
    r"(?i)\b(?:hvor\s+mye|kor\s+mykje|hur\s+mycket|how\s+much)\b.*\b(?:fikk|fekk|fick|får|"
    r"receive[sd]?|got|gets?|get)\b"
)

# Where money asked about came from ("frå næringsfondet", "from the business fund"): the
# words up to the next preposition, year or end of the clause.
_SOURCE = re.compile(
    r"(?i)\b(?:fra|frå|från|from|ur)\s+((?:[^\W\d_][\w'’-]*\s*?){1,4}?)"
    r"(?=\s+(?:i|in|på|pa|on|for|för|til|till|to|during|under|per|mellom|between|and|og|och)\b"
    r"|\s*[\d?.,;:!]|\s*$)"
)


def money_source(question: str) -> str:
    """The words naming where the money came from in a question asking how much someone got
    ("Kor mykje fekk Fjellmat AS frå næringsfondet i 2023?": "næringsfondet"), else ""."""
    if not _RECEIVED_QUESTION.search(question):
        return ""
    found = _SOURCE.search(question)
    return found[1].strip() if found else ""


# What an organisation's accounts show: "rörelseresultat", "operating result", "resultat før
# skatt"; and a bare "resultat" of a company or an association ("Midtfjord Næringshage AS",
# "Fjellstrand Næringslag"), which is money there, not an outcome as a programme's result is.
_ACCOUNTS = re.compile(
    r"(?i)\b(?:\w*(?:rörelseresultat|rorelseresultat|driftsresultat|årsresultat|"
    r"nettoresultat)\w*|(?:operating|net|annual|pre-tax)\s+(?:result|profit|loss)s?|"
    r"resultat(?:et)?\s+(?:før|etter|för|efter|fyre)\s+skatt|result\s+(?:before|after)\s+tax)\b"
)
_RESULT = re.compile(r"(?i)\b(?:resultat|resultatet|result)\b")
# The legal forms that end a company's or enterprise's name in the four languages' registers.
LEGAL_FORMS = ("AS", "ASA", "SA", "BA", "KS", "ANS", "DA", "KF", "IKS", "AB", "HB", "KB", "Oy",
               "Ltd", "Limited", "plc", "Inc")  # fmt: skip
_LEGAL_FORM = "|".join(LEGAL_FORMS)
_COMPANY = re.compile(
    rf"(?:\b(?:{_LEGAL_FORM})\b|(?i:sparebank|bank|næringshage|næringslag|"
    r"næringsforening|næringsforeining|näringslivsförening|foretak|selskap|company|ltd)\w*)"
)
_COMPANY_NAME = re.compile(rf"\s(?:{_LEGAL_FORM})\.?$")


def is_company(name: str) -> bool:
    """Whether a name is a company's, by the legal form it ends in ("Fjellmat AS",
    "Nordbygg AB")."""
    return bool(_COMPANY_NAME.search(name.strip()))


def asks_for_accounts(question: str, organisations: list[str]) -> bool:
    """Whether a question asks for a figure of accounts: an operating result, or the result
    of one of the `organisations` it names that is a company or an association."""
    if _ACCOUNTS.search(question):
        return True
    return bool(_RESULT.search(question)) and any(_COMPANY.search(name) for name in organisations)


# "How much faster" asks how far something changed (from seven weeks to three), not for money
# a word elsewhere in the question names ("søknader om tilskudd"); "how much more" may.
_HOW_MUCH_COMPARED = re.compile(
    r"(?i)\b(?:hvor\s+mye|kor\s+mykje|hur\s+mycket|how\s+much)\s+"
    r"(?!(?:mer|meir|mera|mindre|større|större|færre|färre)\b)"
    r"(?:\w{3,}(?:ere|are)|faster|slower|sooner|later|earlier|shorter|longer|quicker|"
    r"cheaper|easier|better|worse)\b"
)


def asks_for_money(question: str) -> bool:
    """Whether a question asks for an amount of money (whatever else it asks)."""
    return bool(_MONEY_QUESTION.search(question) or _RECEIVED_QUESTION.search(question))


def asked_measure(question: str) -> Measure | None:
    """The measure a figure question asks for; None when it does not say ("how large")."""
    if DURATION_QUESTION.search(question):
        return "duration"
    if _SHARE_QUESTION.search(question) and not (
        _PRICED_SHARE.search(question) and _COST_QUESTION.search(question)
    ):
        return "share"
    if _COUNT_QUESTION.search(question):
        return "count"
    if _HOW_MUCH_COMPARED.search(question):
        return None
    if asks_for_money(question):
        return "money"
    return None


# A day of a month ("7. februar", "14 September") or a time of day ("kl. 09.00") is no figure.
_MONTH_AFTER = re.compile(
    r"(?i)^\.?\s*(?:jan|feb|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|des|dec)[a-zäå]*\b"
)
_CLOCK_BEFORE = re.compile(r"(?i)\b(?:kl|klokka|klockan)\.?\s*(?:\d{1,2}[.:]\d{2}\s*[-–]\s*)?$")


@dataclass(frozen=True)
class Figure:
    """A figure of a text, what it measures, and the words on either side of it."""

    measures: frozenset[Measure]
    beside: tuple[str, ...]
    # The words before it in its clause, up to `LEAD_WITHIN` ("hver ny arbeidsplass kostet om
    # lag" before "367 000 kroner").
    lead: tuple[str, ...] = ()
    # The words after it in its clause ("nya arbetstillfällen" after "126").
    tail: tuple[str, ...] = ()


# How many words on either side of a figure say what it is of ("203 deltakere", "the number
# of participants was 203", "NOK 1.8 million each").
BESIDE_WITHIN = 4
# How many words of its clause before a figure may say what it is for each of.
LEAD_WITHIN = 8
_CLAUSE_END = re.compile(r"[,;:()]\s|[.!?]\s+(?=[A-ZÆØÅÄÖ])")


def figures_in(text: str) -> list[Figure]:
    """The figures a text gives (years, dates and times are not figures)."""
    figures: list[Figure] = []
    for match in _FIGURE.finditer(text):
        if _YEAR.match(match[0]):
            continue
        after, before = text[match.end() :], text[: match.start()]
        if _MONTH_AFTER.match(after) or _CLOCK_BEFORE.search(before):
            continue
        measures: set[Measure]
        if _MONEY_AFTER.match(after) or _MONEY_BEFORE.search(before):
            measures = {"money"}
        elif _DURATION_AFTER.match(after):
            measures = {"duration"}
        elif _PERCENT_AFTER.match(after):
            measures = {"share"}
        elif _FRACTION_AFTER.match(after):
            # "four of the six municipalities" counts them and gives their share.
            measures = {"share", "count"}
        else:
            measures = {"count"}
        beside = before.split()[-BESIDE_WITHIN:] + after.split()[:BESIDE_WITHIN]
        words = tuple(word.strip(".,;:!?()«»\"'") for word in beside)
        lead = tuple(_CLAUSE_END.split(before)[-1].split()[-LEAD_WITHIN:])
        tail = tuple(
            re.split(r"[,;:()]|[.!?](?:\s|$)", after, maxsplit=1)[0].split()[:BESIDE_WITHIN]
        )
        figures.append(Figure(frozenset(measures), words, lead, tail))
    return figures


def measures_in(text: str) -> set[Measure]:
    """The measures of the figures a text gives."""
    found: set[Measure] = {"share"} if _SHARE_WORD.search(text) else set()
    for figure in figures_in(text):
        found |= figure.measures
    return found


def counted_words(text: str) -> list[str]:
    """The words beside each count a text gives: what it counts."""
    return [word for f in figures_in(text) if "count" in f.measures for word in f.beside]


def counts(text: str) -> list[Figure]:
    """The counts a text gives."""
    return [f for f in figures_in(text) if "count" in f.measures]


def counted_noun(figure: Figure) -> str:
    """The word a count counts when it stands right after it in its clause, past articles
    and adjectives ("126 nya arbetstillfällen" counts "arbetstillfällen"); empty for none."""
    return _first_counted(figure.tail)


# "Twenty-nine of them", "27 av desse": a count of what the sentence before counted.
_PARTITIVE = frozenset("them these those dem dei desse disse dessa de".split())


def counts_of_the_previous(figure: Figure) -> bool:
    """Whether a count counts some of what the sentence before named ("The pilot supported
    37 new start-ups. Twenty-nine of them were still operating")."""
    words = [word.strip(".,;:!?()«»\"'").casefold() for word in figure.tail[:2]]
    return len(words) == 2 and words[0] in ("of", "av") and words[1] in _PARTITIVE


def _first_counted(words: Iterable[str]) -> str:
    """The first of the words that is no article or adjective before what is counted."""
    for word in words:
        word = word.strip(".,;:!?()«»\"'")
        if word.casefold() not in _BEFORE_COUNTED:
            return word
    return ""


# Words between "how many" and what it counts: "how many of the new local jobs".
_BEFORE_COUNTED = frozenset(
    """
    av of the de dei dem disse desse dessa these those alle all
    ny nye nytt nya new lokal lokale lokala local små small store stora large big unge
    unga young aktiv aktive aktiva active registrerte registrerade registered private privata
    offentlige offentlege offentliga public kommunale kommunala municipal fleire flere fler
    more
    """.split()
)


def counted_asked(question: str) -> str:
    """What a count question counts: the first word after its "how many" that is not an
    article or an adjective ("how many of the new jobs" counts "jobs"); in English, where
    nouns stack, the last of up to three before the verb ("how many business fund grants
    did" counts "grants"; "how many supported projects and new jobs" counts "projects"). Empty
    for none."""
    found = _COUNT_QUESTION.search(question)
    if found is None:
        return ""
    words = [word.strip(".,;:!?()«»\"'") for word in question[found.end() :].split()]
    lead = next((i for i, word in enumerate(words) if word.casefold() not in _BEFORE_COUNTED), 0)
    stack = words[lead : lead + ENGLISH_STACK + 1]
    first = stack[0] if stack else ""
    if not found.group().casefold().startswith("how"):
        return first
    for index, word in enumerate(stack[1:], start=1):
        if word.casefold() in _AFTER_COUNTED or word.casefold() in _JOINING:
            return stack[index - 1]  # "supported projects and new jobs" counts projects
        if word.casefold() in _BEFORE_COUNTED:
            break  # "members of the cooperative": a phrase, not nouns stacked
    return first


# English nouns that stack before what is counted ("business fund grants"), at most, and the
# auxiliaries that end the stack ("did", "were"); a stack ended by anything else may end in a
# verb ("full-time equivalents worked on").
ENGLISH_STACK = 3
_AFTER_COUNTED = frozenset("did do does were was are is have has had will would can could".split())
# Words joining what is counted to something else asked: the stack ends before them.
_JOINING = frozenset("and or".split())


# Words that say the things counted are new ("nye arbeidsplasser", "nyetablerte bedrifter",
# "start-ups").
_NEW = re.compile(
    r"(?i)(?<![\w-])(?:ny|nye|nytt|nya|nyt|new|nyetabler\w*|nyetabl\w*|nystart\w*|"
    r"nyskap\w*|nyföretag\w*|nyforetak\w*|start-?ups?|oppstart\w*|uppstart\w*)(?![\w-])"
)


def counts_new(question: str) -> bool:
    """Whether a count question counts new things ("how many new jobs"), not all there are."""
    found = _COUNT_QUESTION.search(question)
    return found is not None and bool(_NEW.search(question[found.end() :]))


def names_new(text: str) -> bool:
    """Whether a text says that what it counts is new."""
    return bool(_NEW.search(text))


# A figure asked for each one of several ("how much did each municipality get", "per
# participant", "i snitt"), not for a year or month: a total for all of them does not answer.
_TIME_UNIT = (
    r"(?:year|years|month|week|day|år|året|åre|måned|månad|månaden|uke|veke|vecka|dag|"
    r"døgn|dygn|kvartal|quarter)\b"
)
_PER_UNIT_QUESTION = re.compile(
    rf"(?i)\b(?:(?:each|every|per|hver|hvert|kvar|kvart|varje|vardera)\s+(?!{_TIME_UNIT})\w"
    r"|on\s+average|average|i\s+(?:snitt|gjennomsnitt|genomsnitt)\b)"
)
# "per year", "hvert år" give a figure for each year, not for each one of several.
_PER_UNIT = re.compile(
    rf"(?i)\b(?:(?:each|per|hver|hvert|kvar|kvart|varje|vardera)\b(?!\s+{_TIME_UNIT})|apiece|"
    r"var\s+och\s+en|average|averaged|snitt|gjennomsnitt|gjennomsnittleg|gjennomsnittlig|"
    r"genomsnitt|genomsnittlig)\b"
)


# Nynorsk's "kvar" ("each") is Swedish for "left" ("hur mycket fanns kvar"), and "kvart" a
# quarter of an hour.
_SWEDISH_KVAR = re.compile(r"(?i)\bkvart?\b")


def _each_read(text: str, language: str) -> str:
    """The text with the words that say "each" only in other languages blanked."""
    return _SWEDISH_KVAR.sub(" ", text) if language == "sv" else text


def asks_per_unit(question: str, language: str = "") -> bool:
    """Whether a figure question (in `language`) asks for it for each one of several (not
    each year)."""
    return bool(_PER_UNIT_QUESTION.search(_each_read(question, language)))


# The words naming what a figure is for each of ("each municipality", "per ny arbeidsplass").
_EACH_OF = re.compile(
    rf"(?i)\b(?:each|every|per|hver|hvert|kvar|kvart|varje|vardera)\s+(?!{_TIME_UNIT})"
    r"((?:[^\W\d_]+[\s-]+){0,3}[^\W\d_]+)"
)


def per_unit_things(text: str, compounds: bool = True, language: str = "") -> frozenset[str]:
    """The `MEASURED_THINGS` a text (in `language`) gives or asks a figure for each of ("each
    municipality": municipalities; "113 000 kroner per ny eller sikret arbeidsplass": jobs)."""
    found: set[str] = set()
    for match in _EACH_OF.finditer(_each_read(text, language)):
        words = folded_words(fold(match[1]))
        # What it is for each of stands before any preposition: "per case in the business
        # fund" is per case, not per business.
        stop = next((i for i, word in enumerate(words) if word in _PREPOSITIONS), len(words))
        found |= things_named(words[:stop], compounds)
    return frozenset(found)


_PREPOSITIONS = frozenset(
    "i in pa on av of for til to fra fran from med with ved vid at om about under over".split()
)


def gives_per_unit(text: str, language: str = "") -> bool:
    """Whether a text (in `language`) gives a figure for each one, or on average, saying so
    beside it ("NOK 1.8 million each", "hver kommune fikk 1,8 millioner", "each new job cost
    about NOK 367,000")."""
    text = _each_read(text, language)
    return any(
        _PER_UNIT.search(" ".join(figure.beside)) or _PER_UNIT.search(" ".join(figure.lead))
        for figure in figures_in(text)
    )


_MONTH = r"(?:jan|feb|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|des|dec)[a-zäå]*\.?"
_WHEN = rf"(?:(?:\d{{1,2}}\.?\s+)?{_MONTH}\s+)?(?:19|20)\d\d"
# A span of time: two dates or years ("frå august 2022 til mai 2023", "2021–2024"), or one
# it has lasted since ("sidan 2021", "since March 2020").
_SPAN = re.compile(
    rf"(?i)\b(?:from|fra|frå|från|between|mellom|mellan)\s+{_WHEN}\s+"
    rf"(?:til(?:\s+og\s+med)?|till(?:\s+och\s+med)?|to|until|and|og|och)\s+{_WHEN}\b|"
    r"(?<!\d)(?:19|20)\d\d\s*[–-]\s*(?:19|20)?\d\d(?!\d)|"
    rf"\b(?:siden|sidan|sedan|since)\s+{_WHEN}\b"
)


# One unit of time, counted by its article: "eitt år", "ett år", "a year", "one month".
_ONE_UNIT = re.compile(
    r"(?i)\b(?:ett|et|eitt|ei|en|ein|one|a|an|halvannet|halvanna|halvtannat|halvtanna)\s+"
    r"(?:år|year|måned|månad|month|uke|veke|vecka|week|dag|day)s?\b"
)


def gives_span(text: str) -> bool:
    """Whether the text gives how long something lasted as the span between two dates or
    years, since one ("frå august 2022 til mai 2023", "sidan 2021"), or as one unit of time
    ("eitt år", "a year")."""
    return _SPAN.search(text) is not None or _ONE_UNIT.search(text) is not None


def gives_measure(text: str, measure: Measure | None, caption: str = "") -> bool:
    """Whether the text gives a figure of the measure asked for (any figure when None). A
    table's row ("2024: Fossvik 1,53; Lidvang 1,04") gives money where the `caption` over
    the table says its figures are in a currency ("i millionar kroner", "in NOK million")."""
    found = measures_in(text)
    if measure == "money" and figures_in(text) and _CURRENCY_WORD.search(caption):
        return True
    if measure == "duration" and gives_span(text):
        return True  # how long, as the span it lasted
    return bool(found) if measure is None else measure in found


_CURRENCY_WORD = re.compile(rf"(?i)(?<!\w)(?:{_CURRENCY})(?!\w)")


# What figures in business development count or measure, each by the beginnings of the words
# that name it in bokmål, nynorsk, Swedish and English (folded: ø → o, ä → a). Across
# languages, where words cannot be compared, a sentence names what a question measures when
# both name one thing of this table.
MEASURED_THINGS: dict[str, tuple[str, ...]] = {
    "jobs": ("arbeidsplass", "arbetsplats", "arbetstillfall", "jobb", "job", "sysselsett",
             "sysselsatt", "employment"),
    "businesses": ("bedrift", "foretak", "foretag", "verksemd", "virksomhet", "selskap",
                   "compan", "firm", "business", "enterprise", "start-up", "startup",
                   "nyetabler", "etablering", "grunder", "entrepreneur", "naeringsliv",
                   "naringsliv"),
    "municipalities": ("kommun", "municipal"),
    "participants": ("delta", "deltok", "deltek", "deltog", "participa", "attende"),
    "projects": ("prosjekt", "projekt", "project"),
    "staff": ("ansatt", "tilsett", "anstalld", "employee", "staff", "arsverk", "heltid",
              "full-time", "equivalent"),
    "inhabitants": ("innbygg", "invanare", "inhabitant", "resident", "befolkning",
                    "population", "folketal", "folkemengd"),
    "members": ("medlem", "member"),
    "women": ("kvinn", "women", "woman", "female", "jente", "flick", "girl"),
    "unemployment": ("arbeidsledig", "ledighet", "arbeidslaus", "arbeidsloys", "arbetslos",
                     "unemploy", "jobless"),
    "associations": ("forening", "organisasjon", "organisation", "organization", "associat",
                     "idrettslag", "klubb", "club", "frivillig", "voluntary", "volunteer"),
    "applications": ("soknad", "soknader", "ansokan", "ansokning", "application", "applicant",
                     "soker"),
    "interviews": ("intervju", "interview"),
    # A first-line service's guidance: "veiledningssamtaler", "rettleiingar", "rådgivningar",
    # "lotsärenden", "advisory sessions".
    "consultations": ("veiledning", "rettleiing", "radgivning", "lotsarend", "samtal",
                      "consultation", "guidance", "advisory"),
    "visitors": ("besok", "visitor", "turist", "tourist", "gjest", "guest"),
    "courses": ("kurs", "course"),
    "offices": ("kontorplass", "kontorsplats", "office"),
    "purchases": ("innkjop", "anskaff", "upphandl", "inkop", "purchas", "procure", "kontrakt",
                  "contract", "avtal", "agreement", "kjop", "kopte", "kopa", "koper", "bought",
                  "buys", "buying"),
    "suppliers": ("leverand", "supplier", "vendor"),
    "profit": ("overskudd", "overskot", "overskott", "vinst", "profit", "resultat", "result",
               "underskudd", "underskot", "underskott", "deficit", "loss"),
    "turnover": ("omsetn", "omsattn", "turnover", "revenue", "sales"),
    "budget": ("budsjett", "budget", "ramme", "ramma", "rammen"),
    "costs": ("kost", "cost", "utgift", "expens", "pris", "price", "spent", "brukte", "bruka",
              "leie", "leige", "leiga", "hyra", "hyr", "rent", "avgift", "fee", "gebyr"),
    "salaries": ("lonn", "lonen", "lonna", "salar", "wage", "earn", "tjener", "tjente", "tjent",
                 "tjanar", "tjanat"),
    "grants": ("tilskudd", "tilskot", "tillskott", "stipend", "grant", "stotte", "stott",
               "bidrag", "support", "fond", "fund", "bevilg", "bevilj", "allocat", "awarded",
               "finansier"),
    # What an owner holds of a company: "eierandel", "ägarandel", "a 30 % stake".
    "ownership": ("eierandel", "eigarandel", "eigardel", "agarandel", "stake", "ownership",
                  "shareholding", "owner", "eierkommun", "eigarkommun", "agarkommun"),
    # What a fund or a company holds: "kapitalen i fondet", "egenkapital", "the fund's capital".
    "capital": ("kapital", "capital", "equity", "saldo", "balance"),
    # What each member pays into a joint programme itself: "egenandel", "eigendel", "egen
    # insats" (Swedish, two words: its "insats" alone is any effort), "own contribution".
    "own contributions": ("egenandel", "eigendel", "egeninsats", "contribution", "cofinanc",
                          "co-financ", "medfinans"),
}  # fmt: skip
# Words that tell what a figure is of but are no word to search for it by: every budget chapter
# names its financing, so searched in every language they pull in passages about any money.
NOT_SEARCHED = frozenset({"finansier"})
# The things that are kinds of money: which one a figure is ("a cost", "a grant") is what a
# question about money asks before what it is spent on.
MONEY_THINGS = frozenset(
    {"profit", "turnover", "budget", "costs", "salaries", "grants", "own contributions", "capital"}
)
_FOLDED_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _names(word: str, beginning: str, compounds: bool) -> bool:
    """A word names a thing when it begins with one of its beginnings or, in a language
    that compounds (not English), holds it as a part ("gründerbedrifter", "næringsfondet")."""
    return word.startswith(beginning) or (compounds and beginning in word)


# Whole words naming a thing that are too short to be beginnings ("ägs", "dagsverk" holds
# "ags"): those who own a company or a shop are named by its being owned ("som ägs av 140
# invånare", "eigd av bygdefolket", "owned by").
WHOLE_WORDS = {
    "ownership": frozenset(
        "ags agd agda agt agare agarna eies eiere eierne eigd eigde eigast eigar eigarar "
        "eigarane owned owns owners".split()
    ),
}


def things_named(folded_words: list[str], compounds: bool = True) -> set[str]:
    """The `MEASURED_THINGS` that folded words name (`compounds`: words of a language that
    joins nouns into one word), and those their `WHOLE_WORDS` name."""
    named = {
        thing
        for thing, beginnings in MEASURED_THINGS.items()
        if any(
            _names(word, beginning, compounds) for word in folded_words for beginning in beginnings
        )
    }
    words = set(folded_words)
    return named | {thing for thing, whole in WHOLE_WORDS.items() if whole & words}


def folded_words(folded: str) -> list[str]:
    """The words of a folded text (see `constraints.fold`)."""
    return _FOLDED_WORD.findall(folded)


# Words by which a text sets a figure as a target ("Målet er 150 nye arbeidsplasser", "a
# target of 35 per cent", "Hovudmålet", "delmål", "målsettingen"); not a question
# ("spørsmålet").
_TARGET = re.compile(
    # Not a question ("spørsmål") nor a purpose ("formålet", "ändamål", "føremål").
    r"(?i)(?<![\w-])(?!\w*sp[øo]rsm[åa]l|\w*spursm[åa]l|\w*(?:ända|for|føre|före)mål)"
    r"(?:\w*mål(?:et|a|en|ene|ane)?|"
    r"\w*målsetting\w*|\w*målsetjing\w*|\w*målsättning\w*|targets?|targeted|goals?|aims?|"
    r"aimed|objectives?|ambisjon\w*|ambition\w*)(?![\w-])"
)
# The words that set a target, in all four languages, folded: what a passage in another
# language than a question asking for a target names it by.
TARGET_WORDS = ("malet", "malsetting", "malsetjing", "malsattning", "hovudmal", "hovedmal",
                "target", "goal", "objective", "ambisjon", "ambition")  # fmt: skip
# A plan says what it will reach with a modal verb too ("Kommunen skal skape 50 nye
# arbeidsplasser"), though such a verb also says what a fund is for in passing.
_WILL = re.compile(r"(?i)(?<![\w-])(?:skal|ska|skall|shall|will)(?![\w-])")
# Verbs by which a text or question gives a figure as reached: created, got, gave, achieved.
_OUTCOME = re.compile(
    r"(?i)(?<![\w-])(?:created|generated|gave|given|got|gotten|received|resulted|achieved|"
    r"reached|delivered|skapt|skapte|skapa|skapade|skapades|skapats|gav|ga|gjev|gjeve|gitt|"
    r"gett|skapat|fikk|fekk|fick|fått|oppnådde|oppnådd|nådde|nådd|nått|nåtts|uppnådde|uppnått|"
    r"uppnåtts|resulterte|"
    r"resulterade|utløste|utløyste)(?![\w-])"
)


def asked_aim(question: str) -> Aim | None:
    """Whether a figure question asks for a target ("What job target did the programme set?")
    or for what was reached ("How many new jobs were created?"); None when it says neither,
    or both ("Did the programme reach its target?")."""
    target, outcome = bool(_TARGET.search(question)), bool(_OUTCOME.search(question))
    if target == outcome:
        return None
    return "target" if target else "outcome"


def _sets_target(text: str) -> bool:
    """Whether a sentence sets a figure as a target: a target word and a figure in one
    clause ("Målet er 150 nye arbeidsplasser", "The target in the plan is 35 per cent"), not
    a purpose beside a figure of what was done ("har som mål å styrke næringslivet, og delte
    ut 2,9 millioner")."""
    return any(_FIGURE_AFTER_TARGET.match(text, found.end()) for found in _TARGET.finditer(text))


# The rest of a target's clause up to a figure in it.
_FIGURE_AFTER_TARGET = re.compile(r"[^,;.:!?\d]{0,80}?\d")


def gives_aim(text: str, aim: Aim) -> bool:
    """Whether a sentence gives its figure as the aim asked: a target is set as one ("Målet
    er 150 nye arbeidsplasser", "skal skape 50"), and what was reached is given by no
    sentence setting a target, unless it says what was reached too ("Målet var 160, og
    programmet ga 138")."""
    if aim == "target":
        return _sets_target(text) or bool(_WILL.search(text))
    return not _sets_target(text) or bool(_OUTCOME.search(text))
