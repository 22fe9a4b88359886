"""What a question pins down, and whether a passage meets it: years, periods, figures, names.

A question such as "the fund's budget in the previous plan period" or "purchases in 2021" is
answered wrongly by a correct quote about another period. `find_constraints` reads, by rules and
offline, the constraints a question names in bokmål, nynorsk, Swedish or English:

- ``year`` (2021), ``period`` (2018–2022, 2024-28), ``relative`` ("forrige planperiode",
  "førre periode", "förra strategiperioden", "the previous plan period");
- ``number`` (an amount or figure written with digits: "11,2 millioner", "NOK 14.6 million");
- ``name`` (a capitalised place, organisation or person: "Rana", "Svenskt Näringsliv",
  "Hilde Marit Sørvik"), classified as ``place``, ``organisation`` or ``person`` by its form.

`check` says which constraints a passage meets (names may also be met by ``context``, e.g. the
document's title, since a passage seldom repeats its municipality's name), and `mismatch` gives a
short statement in the question's language when the closest evidence is about another year,
period or name: "Kildene oppgir tallet for 2024–2028, ikke for 2018–2022."
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

from assistant.answering.claims import not_a_claim
from assistant.answering.extractive import LIST_BULLET, Candidate
from assistant.answering.language import Language, share_words
from assistant.answering.measures import (
    DURATION_QUESTION,
    MEASURED_THINGS,
    MONEY_THINGS,
    NOT_SEARCHED,
    TARGET_WORDS,
    WHOLE_WORDS,
    Aim,
    Figure,
    Measure,
    asked_aim,
    asked_measure,
    asks_for_accounts,
    asks_for_money,
    asks_per_unit,
    counted_asked,
    counted_noun,
    counts,
    counts_new,
    counts_of_the_previous,
    counts_some_of_a_group,
    figures_in,
    folded_words,
    gives_aim,
    gives_measure,
    gives_per_unit,
    is_company,
    measures_in,
    money_source,
    names_new,
    per_unit_things,
    things_named,
)
from assistant.answering.titles import asks_which_place, titles_asked, titles_named
from assistant.domain import CatalogueEntry
from assistant.retrieval.glossary import (
    TERMS,
    FoldedText,
    country_forms,
    fold,
    glossary_terms,
    organisation_forms,
)
from assistant.retrieval.kinds import names_a_kind
from assistant.retrieval.text import STOPWORDS, content_words, stem
from indexing.cleaning import field_of, is_bibliography_heading, is_field_line

Kind = Literal["year", "period", "relative", "number", "place", "organisation", "person"]
TIME_KINDS: frozenset[str] = frozenset({"year", "period", "relative"})
NAME_KINDS: frozenset[str] = frozenset({"place", "organisation", "person"})

_DASH = "[-–—]"
_PERIOD = re.compile(rf"(?<!\d)((?:19|20)\d{{2}})\s*{_DASH}\s*((?:19|20)?\d{{2}})(?!\d)")
_YEAR = re.compile(r"(?<![\d,.])((?:19|20)\d{2})(?![\d,.]\d)")
# A period in words: "from 2020 to 2024", "frå og med 2021 til og med 2024", "mellan 2019 och
# 2023" ("in 2020 and 2024" is two years).
_PERIOD_IN_WORDS = re.compile(
    r"(?i)(?:\b(?:between|mellom|millom|mellan)\s+((?:19|20)\d{2})\s+(?:and|og|och)\s+"
    r"|(?<![\d,.])((?:19|20)\d{2})\s+(?:to|til|till|until|through|t\.o\.m\.?)\s+"
    r"(?:og\s+med\s+|och\s+med\s+)?)((?:19|20)\d{2})(?![\d,.]\d)"
)
# A figure: digits with thousands spaces or separators and an optional decimal part.
_NUMBER = re.compile(r"(?<![\w,.])(\d{1,3}(?:[  .]\d{3})+|\d+)(?:[,.](\d+))?(?![\w])")
_RELATIVE = re.compile(
    r"\b(?:forrige|førre|förra|föregående|previous|last|prior|earlier|tidligere|tidlegare|"
    r"tidigare)\s+(?:plan|strategi|strategy|program|programme)?-?\s*"
    r"(?:periode|perioden|perioder|period|perioden|planperiode|planperioden|"
    r"strategiperioden|programperioden|næringsplan|næringsplanen|plan|planen|strategi|"
    r"strategin)\b",
    re.IGNORECASE,
)
_NAME_WORD = r"[A-ZÆØÅÄÖÉ][\w'’-]*"
# Capitalised words joined by lower-case particles that belong inside names.
# The lower-case words joining the words of a name ("Senter for Nyskaping").
_CONNECTOR = re.compile("på|for|för|of|de|von")
_NAME = re.compile(rf"{_NAME_WORD}(?:\s+(?:{_CONNECTOR.pattern})?\s*{_NAME_WORD})*")
# The months and days English writes with a capital: a date, no name.
_CALENDAR = frozenset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    """.split()
)
# Capitalised words that start questions or are not names in these four languages.
_NOT_NAMES = _CALENDAR | frozenset(
    """
    hva hvordan hvorfor hvem hvilke hvilken hvilket hvor når kan kva korleis kvifor kven kor når
    vad hur varför vem vilka vilken var när what how why who which when where does do did
    is are was were can could should would will according og and i in the a an en ei et eit
    om og inn nok mnok mill kr sek msek mkr mnkr tkr tnok dkk eur euro usd
    norwegian swedish danish finnish nordic scandinavian european english sami
    """.split()
)
# Words that ask, folded: what keywords without a question lack.
_QUESTION_WORDS = frozenset(
    fold(word)
    for word in """
    hva hvordan hvorfor hvem hvilke hvilken hvilket hvor når kva korleis kvifor kven kor
    vad hur varför vem vilka vilken när what how why who which when where
    """.split()
)
_ORGANISATION_WORDS = re.compile(
    r"(?i)(kommune|kommun|fylkeskommune|region|rådet|råd|senter|senteret|sentret|universitet|"
    r"university|institute|institutt|direktorat|departement|ministry|sparebank|bank|lag|laget|"
    r"lag$|forum|foreningen?|forening|förening|nettverk|network|as$|asa$|ab$|ks$|nav$|"
    r"programmet|programme|program|pilot|stiftelse|stiftinga|næringsliv|näringsliv|"
    r"innovasjon|distriktssenteret)"
)
# Words that name a kind of body, not one body: "Kommunen", "Fylkeskommunens", "Rådet".
_GENERIC = re.compile(
    r"^(?:kommun|fylke|region|rad|senter|sentr|universitet|university|direktorat|departement|"
    r"ministry|bank|lag|forum|forening|nettverk|network|program|pilot|stiftelse)\w*$"
)
_PLACE_NOUNS = frozenset({"kommune", "kommun", "municipality", "fylke", "län", "county"})
_PLACE_PREPOSITIONS = frozenset(
    {"i", "på", "frå", "fra", "från", "in", "from", "at", "til", "till"}
)


@dataclass(frozen=True)
class Constraint:
    """One thing the question pins down, as written and in a comparable form."""

    kind: Kind
    text: str = field(compare=False)
    key: tuple[str, ...]

    @property
    def is_time(self) -> bool:
        """Whether it is a year, a period or a relative period."""
        return self.kind in TIME_KINDS

    @property
    def is_name(self) -> bool:
        """Whether it is a place, organisation or person."""
        return self.kind in NAME_KINDS


@dataclass(frozen=True)
class Check:
    """Which of the question's constraints a passage meets, and what it names instead."""

    met: tuple[Constraint, ...]
    unmet: tuple[Constraint, ...]
    found: tuple[Constraint, ...]

    @property
    def ok(self) -> bool:
        """The passage meets every constraint."""
        return not self.unmet


def _full_year(start: str, end: str) -> str:
    return end if len(end) == 4 else start[:2] + end


def time_constraints(text: str) -> list[Constraint]:
    """Periods, years outside them, and relative periods, in order of appearance."""
    found = [(start, constraint) for constraint, start, _ in _times_at(text)]
    for match in _RELATIVE.finditer(text):
        found.append((match.start(), Constraint("relative", match[0], ("relative",))))
    return [constraint for _, constraint in sorted(found, key=lambda pair: pair[0])]


# Words between a document's kind and the year that dates it ("arbeidsnotatet frå 2019").
_DATING_WORDS = frozenset({"frå", "fra", "från", "from", "for", "för", "of", "av", "i", "in"})
# Words saying when a document was made, between its kind and its date ("the plan adopted
# June 2021", "rapporten publisert i mars 2023"), months included.
_MADE_WORDS = (
    "adopted|approved|published|released|dated|issued|vedtatt|vedteken|vedtekne|vedtegen|"
    "godkjent|godkjend|publisert|publisera|utgitt|utgjeven|gitt|datert|antatt|antagen|antaget|"
    "antogs|godkänd|godkänt|publicerad|publicerades|daterad|fastställd|fastsatt"
)
_MADE_VERB = re.compile(rf"(?i)^(?:{_MADE_WORDS})$")
_MADE = re.compile(rf"(?i)^(?:{_MADE_WORDS}|i|in|on|den|the|\d{{1,2}}\.?)$")
_WORD_AT = re.compile(r"[^\W\d_][\w'’-]*")
# A programme a document is the plan or evaluation of, dated as its document is ("the business
# programme for 2025–2028" of "Näringslivsprogram 2025–2028").
_PROGRAMMES = frozenset({"program", "programme", "programmet", "programmes", "programs"})
_ACCORDING = frozenset({"ifølge", "iflg", "according", "enligt", "etter", "følge"})


def document_dates(question: str) -> list[Constraint]:
    """The years and periods by which a question dates the document it asks about rather
    than what it asks: beside a word for a kind of document or a programme ("arbeidsnotatet
    frå 2019", "the 2019 working paper", "årsrapporten för 2024", "the programme for
    2025–2028"), after when it was made ("the master plan adopted in June 2021") or in
    brackets after its authors ("Stene og Mørkved (2019)")."""
    return [constraint for constraint, _ in _document_dates(question)]


def made_dates(question: str) -> list[Constraint]:
    """The `document_dates` saying when the document was made ("the plan adopted in June
    2021", "rapporten publisert i 2023"): no figure is for them."""
    return [constraint for constraint, made in _document_dates(question) if made]


# At most this many capitalised words name who made a document between its year and its kind.
_NAME_WORDS = 4


def _document_dates(question: str) -> list[tuple[Constraint, bool]]:
    """`document_dates`, each with whether the question says it is when the document was
    made."""
    dating: list[tuple[Constraint, bool]] = []
    for constraint, start, end in _times_at(question):
        words = _WORD_AT.findall(question[:start])
        before = words[-2:]
        # "the master plan adopted June 2021": the kind before when it was made.
        kept = list(words)
        while kept and (_MADE.match(kept[-1]) or _MONTH.search(kept[-1])):
            kept.pop()
        made = any(_MADE_VERB.match(word) for word in words[len(kept) :])
        if made or len(kept) < len(words) - 1:
            before = kept[-1:]
        following = _WORD_AT.findall(question[end:])
        after = following[:2]
        # "the 2019 Nord University working paper": the kind after who made it.
        named = 0
        while named < min(_NAME_WORDS, len(following)) and following[named][:1].isupper():
            named += 1
        if named:
            after += following[named : named + 2]
        if before and before[-1].casefold() in _DATING_WORDS:
            before = before[:-1]
        if after and (after[0].casefold() in STOPWORDS or after[0].casefold() in _ACCORDING):
            after = []  # "i 2024 ifølge rapporten" dates what is asked
        bracketed = question[:start].rstrip().endswith("(") and question[end:].lstrip()[:1] == ")"
        beside = [*before[-1:], *after]
        if bracketed or any(names_a_kind(word) or fold(word) in _PROGRAMMES for word in beside):
            dating.append((constraint, made and bool(before) and names_a_kind(before[-1])))
    return dating


# A month's name or abbreviation in the four languages: "februar", "februari", "feb.", "March".
_MONTH = re.compile(
    r"(?i)\b(?:jan(?:uar[iy]?)?|feb(?:ruar[iy]?)?|mar(?:s|ch)?|mars|apr(?:il)?|mai|maj|may|"
    r"jun[ie]?|jul[iy]?|aug(?:ust[i]?)?|sep(?:t(?:ember)?)?|okt(?:ober)?|oct(?:ober)?|"
    r"nov(?:ember)?|des(?:ember)?|dec(?:ember)?)\.?\s*$"
)


def event_dates(question: str) -> list[Constraint]:
    """The years a question writes with a month ("i februar 2024", "in March 2025"): the
    date of an event, not the year a figure is for."""
    return [
        constraint
        for constraint, start, _ in _times_at(question)
        if constraint.kind == "year" and _MONTH.search(question[:start].rstrip())
    ]


def _times_at(text: str) -> list[tuple[Constraint, int, int]]:
    """The periods and years of `time_constraints`, each with where it stands in the text."""
    found: list[tuple[Constraint, int, int]] = []
    for match in _PERIOD.finditer(text):
        start, end = match[1], _full_year(match[1], match[2])
        if int(end) > int(start):
            found.append((Constraint("period", match[0], (start, end)), *match.span()))
    for match in _PERIOD_IN_WORDS.finditer(text):
        start, end = match[1] or match[2], match[3]
        if int(end) > int(start) and not any(a <= match.start() < b for _, a, b in found):
            found.append((Constraint("period", match[0], (start, end)), *match.span()))
    for match in _YEAR.finditer(text):
        if not any(a <= match.start() < b for _, a, b in found):
            found.append((Constraint("year", match[0], (match[1],)), *match.span()))
    return found


def number_constraints(text: str) -> list[Constraint]:
    """Figures written with digits that are not years: '11,2', '75 000', '14.6'."""
    years = {c.text for c in time_constraints(text) if c.kind != "relative"}
    taken = [m.span() for m in _PERIOD.finditer(text)]
    numbers: list[Constraint] = []
    for match in _NUMBER.finditer(text):
        if any(a <= match.start() < b for a, b in taken) or match[0] in years:
            continue
        whole = re.sub(r"[  .]", "", match[1])
        decimals = (match[2] or "").rstrip("0")
        numbers.append(Constraint("number", match[0], (whole.lstrip("0") or "0", decimals)))
    return numbers


# The common noun a name is compounded with: "ReSeNS-prosjektet", "Vikfjord-planen".
_COMPOUND_NOUN = re.compile(r"(?<=\w)-[a-zæøåäöé]+$")


def name_constraints(text: str) -> list[Constraint]:
    """Capitalised names that are not the first word of a sentence or a question word."""
    names: list[Constraint] = []
    for match in _NAME.finditer(text):
        words = match[0].split()
        dropped = 0
        while dropped < len(words) and words[dropped].casefold() in _NOT_NAMES:
            dropped += 1
        # The word joining a name's words opens none: "Kva for Interreg-prosjekt" names
        # Interreg.
        while dropped < len(words) and _CONNECTOR.fullmatch(words[dropped]):
            dropped += 1
        kept = _before_a_term(words[dropped:], text[match.end() :])
        if not kept:
            continue
        # A compound of a name and a common noun names the name: "ReSeNS-prosjektet".
        kept = [_COMPOUND_NOUN.sub("", word) for word in kept]
        name = re.sub(r"['’]s$", "", " ".join(kept))
        before = [*text[: match.start()].split(), *words[:dropped]]
        following = text[match.end() :].split()[:1]
        place_noun = bool(following) and following[0].casefold().strip(".,;:?!") in _PLACE_NOUNS
        line_start = not dropped and "\n" in text[: match.start()].rstrip(" \t")[-1:]
        first_word = (
            not before
            or line_start
            or before[-1][-1] in '.!?:«"-–•*#'
            or before[-1][-1].isdigit()  # after a heading's or a list item's number
        )
        # A capitalised first word is not a name on its own, unless "kommune" or the like
        # follows; nor is a generic word such as "Kommunen" or "Rådet" anywhere.
        if len(kept) == 1 and not place_noun and (first_word or _GENERIC.match(fold(name))):
            continue
        previous = before[-1].casefold() if before else ""
        # A name in the genitive before another names two things: "Ekbyrne's Företagslotsen"
        # is Ekbyrne's service, met where the text names Ekbyrne and Företagslotsen.
        owner, _, owned = name.partition("'s ") if "'s " in name else name.partition("’s ")
        if owned and not _GENERIC.match(fold(owned)):
            names.append(Constraint(_name_kind(owner, previous), owner, (name_key(owner),)))
            names.append(Constraint(_name_kind(owned, ""), owned, (name_key(owned),)))
            continue
        names.append(Constraint(_name_kind(name, previous), name, (name_key(name),)))
    return names


# The field's terms of several words ("inn pa tunet"): a capitalised word opening one ("Inn på
# tunet") is no part of the name before it.
_PHRASES = tuple(form for forms in TERMS.values() for form in forms if " " in form)
_PHRASE_WORDS = max(len(phrase.split()) for phrase in _PHRASES)


def _before_a_term(words: list[str], after: str) -> list[str]:
    """The words of a name up to one that opens a term of the field with the text after it:
    "Midtfjorden Inn" before "på tunet-tjänster" is "Midtfjorden"."""
    after = " ".join(after.split()[:_PHRASE_WORDS])  # no phrase reaches further
    for index in range(len(words)):
        rest = " ".join(fold(" ".join([*words[index:], after])).split())
        if any(rest.startswith(phrase) for phrase in _PHRASES):
            return words[:index]
    return words


def _name_kind(name: str, previous_word: str) -> Kind:
    if _ORGANISATION_WORDS.search(name) or organisation_forms(fold(name)):
        return "organisation"
    if previous_word in _PLACE_PREPOSITIONS or len(name.split()) == 1:
        return "place"
    return "person"


# A document named by its place and what it is ("Helgelandsutvärderingen", "Vikfjordplanen"),
# or a body by its name and what it is ("Haldorinstitutet", "Ekbyrnebolaget"): the name is
# the name.
_DOCUMENT_SUFFIX = re.compile(
    r"(?<=\w{4})(?:evalueringa|evalueringen|utvarderingen|rapporten|planen|plana|strategien|"
    r"strategin|notatet|instituttet|institutet|selskapet|bolaget|foreningen|forbundet)s?$"
)
# A programme or network named by its place ("Kvernådalsprogrammet", "Sandværnettverket"): the
# name is the place, when that is long enough to be one ("Gränsprogrammet" names no "Grän").
_UNDERTAKING_SUFFIX = re.compile(
    r"(?<=\w{6})(?:programmet|prosjektet|projektet|satsinga|satsingen|satsningen|nettverket|"
    r"natverket|samarbeidet|samarbetet|partnerskapet)s?$"
)


def name_key(name: str) -> str:
    """A name's comparable form, its constraint's key: folded, without a genitive s
    ('Vikfjords', "Vikfjord's" → 'vikfjord') or a word for its document, body or programme
    ('Helgelandsutvärderingen', 'Skarvdalsbolagets', 'Kvernådalsprogrammet' → 'helgeland',
    'skarvdal', 'kvernadal')."""
    folded = fold(re.sub(r"['’]s$", "", name.strip()))
    folded = _UNDERTAKING_SUFFIX.sub("", _DOCUMENT_SUFFIX.sub("", folded))
    return folded[:-1] if folded.endswith("s") and len(folded) > 4 else folded


def find_constraints(question: str) -> list[Constraint]:
    """The years, periods, relative periods, figures and names a question names; in a search
    of keywords, the capitalised word it opens with too ("Älvbacka nystartade företag 2023"):
    keywords open no sentence."""
    return [*time_constraints(question), *number_constraints(question), *asked_names(question)]


def asked_names(question: str) -> list[Constraint]:
    """The places, organisations and people a question names (`name_constraints`); in a
    search of keywords, the capitalised word it opens with first ("Vikfjord næringsfond
    ramme 2029")."""
    names = name_constraints(question)
    first = _first_keyword_name(question, names)
    return [first, *names] if first else names


# A question opening with the name of what it is about, set off by a dash or colon:
# "Älvbacka – which villages ...", "Strandheim: i hvilken sak ...".
_LABEL = re.compile(r"^\s*[A-ZÆØÅÄÖ][\w-]+(?:\s+[\w-]+){0,2}(?:\s+[–—-]|:)\s")


def _first_keyword_name(question: str, names: Sequence[Constraint]) -> Constraint | None:
    if not _keywords(question) and not _LABEL.match(question):
        return None
    # A compound of a name and a common noun names the name: "Vikfjord-planen".
    word = _COMPOUND_NOUN.sub("", question.split()[0].strip(".,:;"))
    if not word[:1].isupper() or len(word) < 3 or word.isupper():
        return None
    if word.casefold() in _NOT_NAMES or _GENERIC.match(fold(word)):
        return None
    if any(word in c.text.split() for c in names):
        return None
    return Constraint(_name_kind(word, ""), word, (name_key(word),))


def _name_met(constraint: Constraint, folded_text: str) -> bool:
    """Whether a folded text names what the name names: the name, inflected or compounded
    ("Vikfjords", "Helgelandsprogrammet"), or, for a public body, any of its names in the
    four languages ("SCB" for "Statistics Sweden"), for a country any of its names or
    adjectives ("Sverige", "svenska" for "Sweden")."""
    stem = constraint.key[0]
    if re.search(rf"(?<!\w){re.escape(stem)}", folded_text):
        return True
    words = constraint.text.split()
    if len(words) > 1 and any(_ACRONYM.fullmatch(word) for word in words):
        # An acronym is a name of its own: "the ReSeNS Interreg project" is met by
        # "Interregprosjektet ... (ReSeNS)", each name where the text writes it.
        return all(re.search(rf"(?<!\w){re.escape(name_key(word))}", folded_text) for word in words)
    forms = organisation_forms(fold(constraint.text)) or country_forms(fold(constraint.text))
    if not forms:
        return False
    text = FoldedText(folded_text)
    return any(text.holds(form, None) for form in forms)


# An acronym: capitals inside the word ("ReSeNS", "NAV", "KS"), not only at its start.
_ACRONYM = re.compile(r"\w+[A-ZÆØÅÄÖ]\w*")

# An enumeration: four or more short items ("Hemnes", "Vikfjord bondelag") between commas, the
# last joined by a conjunction ("Hemnes, Leirfjord, Vefsn og Herøy"); not an apposition
# ("Anders Bro, Region Örebro län, da han ...", "Birger Elvestad, i strategi- og utviklingsstab").
_ITEM = r"[^\s,.;:()]+(?: [^\s,.;:()]+){0,3}"
_ENUMERATION = re.compile(rf"{_ITEM}(?:, {_ITEM}){{2,}},? (?:og|och|and|eller|or|samt) {_ITEM}")
# Three names will do when each is written with a capital ("Rödmyra, Lövhammar och Tjärnsjö"):
# prose joins three things as often ("kommune, næringsliv og frivillighet"), never as names.
_LISTED_NAME = r"[A-ZÆØÅÄÖ][\w-]*(?: [A-ZÆØÅÄÖ][\w-]*){0,2}"
_NAME_LIST = re.compile(
    rf"(?<!\w){_LISTED_NAME}, {_LISTED_NAME},? (?:og|och|and|samt) {_LISTED_NAME}"
)


@lru_cache(maxsize=256)
def _lists_in(text: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """A text's lists of names (folded) and its enumerations (folded, and as written): read
    once per text, however many names are looked for in it."""
    return (
        tuple(fold(listed.group()) for listed in _NAME_LIST.finditer(text)),
        tuple(
            (fold(listed.group()), listed.group())
            for listed in _ENUMERATION.finditer(text)
            if not _joins_clauses(listed.group())
        ),
    )


# Words opening a clause of its own: a run of clauses between commas ("Stavnes, as host
# municipality, pays half, while Heggvik and Lysfjord pay a quarter") enumerates nothing.
_CLAUSE_OPENERS = frozenset(
    """
    while whereas which who whom where when because since mens medan der hvor hvilket fordi
    ettersom når da där vilket eftersom när dessutom
    """.split()
)


def _joins_clauses(enumeration: str) -> bool:
    items = _LIST_SEPARATOR.split(enumeration)
    return any(item.split()[0].casefold() in _CLAUSE_OPENERS for item in items[1:] if item.split())


def named_in_a_list(constraint: Constraint, text: str) -> bool:
    """Whether the text names a place, organisation or person as one of several in a list
    ("Hemnes, Leirfjord, Vefsn og Herøy"): a part of what the text is about, so a passage
    about the whole (its total, its summary) says nothing about it."""
    name = re.compile(rf"(?<!\w){re.escape(constraint.key[0])}")
    name_lists, enumerations = _lists_in(text)
    if any(name.search(listed) for listed in name_lists):
        return True
    # An enumeration whose other items are no names describes the name ("Nausthuset, a
    # shared workshop, small-business centre and visitor centre"): it lists no peers.
    with_peers = {
        folded
        for folded, listed in enumerations
        if name.search(folded) and _names_others(listed, name)
    }
    folded = fold(text)
    for match in name.finditer(folded):
        # Only the line around each mention is read: an enumeration holds no full stop.
        start = max(folded.rfind(". ", 0, match.start()), folded.rfind("\n", 0, match.start())) + 1
        ends = [
            e for e in (folded.find(". ", match.end()), folded.find("\n", match.end())) if e >= 0
        ]
        line = folded[start : min(ends, default=len(folded))]
        at, to = match.start() - start, match.end() - start
        if _own_figure(line, at):
            continue  # "7,4 miljoner kronor från Region Värmland": an item with its own figure
        if _PLACE_BEFORE.search(line[:at]):
            continue  # "At Sandneset, Havbris AS and the municipality built": where, not who
        if _WITHIN.search(line[:at]) and _ENDS_ITEM.match(line[to:]):
            continue  # "Kvernås, Tindvoll og Elvmoen i Trøndelag": where they all lie
        if any(
            m.start() <= at and to <= m.end() and m.group() in with_peers
            for m in _ENUMERATION.finditer(line)
        ):
            return True
    return False


_CAPITALISED = re.compile(r"(?<![\w-])[A-ZÆØÅÄÖ]")


def _names_others(enumeration: str, name: re.Pattern[str]) -> bool:
    """Whether an enumeration names something besides the name: an item, other than the
    one with the name, with a word written with a capital."""
    items = _LIST_SEPARATOR.split(enumeration)
    return any(_CAPITALISED.search(item) for item in items if not name.search(fold(item)))


# Where a sentence joins clauses of their own: ", og eit inkluderingsprosjekt der ...".
_CLAUSE_BREAK = re.compile(r",\s+(?:og|and|och|samt|men|but)\s+|;\s+")


def named_in_another_body(place: Constraint, sentence: str) -> bool:
    """Whether a sentence names a place only inside the name of a body other than its
    municipality ("Sandvær Sparebank har satt av 400 000 kroner"): its figure is that body's,
    not the place's."""
    key = place.key[0]
    bodies = [
        name.text
        for name in name_constraints(sentence)
        if name.kind == "organisation"
        and len(name.text.split()) > 1
        and key in fold(name.text)
        and not re.search(r"(?i)kommun|municipal", name.text)
    ]
    if not bodies:
        return False
    rest = sentence
    for body in bodies:
        rest = rest.replace(body, " ")
    return not _name_met(place, fold(rest))


# The words that make a name a body's: "association", "bank", "förening", "stifting".
_BODIES = (
    r"association|society|union|club|company|chamber|cooperative|co-operative|foundation|bank|"
    r"council|network|forening|förening|samvirkelag|bondelag|nettverk|nätverk|stiftelse|stifting"
)
# Words after a place that make it the name of a body: "the Ekbyrne business association".
_BODY_AFTER = re.compile(
    rf"(?i)^\W*(?:\w+\s+)?(?:{_BODIES}|sparebank|næringsforening|næringslivsforening|"
    r"företagarförening|näringslivsförening)\b"
)
# A body named by what it is and where ("the savings bank in Sandvær", "sparbanken i Sandvær",
# "næringsforeningen på Tangen").
_BODY_BEFORE = re.compile(
    rf"(?i)\b(?:\w*(?:{_BODIES}|handelslag|butikk|butik|shop))(?:en|et|a|n|s)?\s+"
    r"(?:i|in|på|pa|of|for|för)\s+$"
)


def asks_of_a_body(place: Constraint, question: str) -> bool:
    """Whether a question names a place as the first word of a body's name in its own
    language ("the Ekbyrne business association", "Sandvær sparebank"), or names a body by
    what it is and the place ("sparbanken i Sandvær"): a sentence naming the body speaks of
    what was asked."""
    for match in re.finditer(rf"(?<!\w){re.escape(place.text)}\b", question):
        after = question[match.end() :]
        if _BODY_AFTER.match(after) or _BODY_BEFORE.search(question[: match.start()]):
            return True
    return False


def named_apart_from_its_figure(constraint: Constraint, sentence: str, measure: str | None) -> bool:
    """Whether a sentence names an organisation or person only in a clause without a figure
    of the measure asked while another clause gives one: "Døme er ei skiløype som
    idrettslaget bygde med 90 000 kroner frå fondet, og eit inkluderingsprosjekt der Ospedal
    Sanitetslag ..." says nothing of what the Sanitetslag got."""
    if measure is None or constraint.kind not in ("organisation", "person"):
        return False
    clauses = _CLAUSE_BREAK.split(sentence)
    naming = [clause for clause in clauses if meets(constraint, clause)]
    if len(clauses) < 2 or not naming:
        return False

    def gives(clause: str) -> bool:
        return any(measure in figure.measures for figure in figures_in(clause))

    return not any(gives(clause) for clause in naming) and any(gives(c) for c in clauses)


# A preposition of a spot right before a name ("At Sandneset, ...", "på Hamna, ..."): the name
# says where, and the commas after it open no list it belongs to. ("i" and "in" also open
# lists of places: "kommunane i Hemnes, Leirfjord, Vefsn og Herøy".)
_PLACE_BEFORE = re.compile(r"(?i)(?:^|\s)(?:at|on|på|pa|ved|vid|hos)\s+$")
# A name after "in" closing a list's last item holds the items: "... og Elvmoen i Trøndelag".
_WITHIN = re.compile(r"(?i)\w\s+(?:i|in)\s+$")
_ENDS_ITEM = re.compile(r"\w*(?:\s*[.;:)]|\s*$)")


# How a document names a name its title does not: as what it is about ("whole"), only as one
# of several in a list ("listed"), or only in passing ("passing": in one section of its own).
How = Literal["whole", "listed", "passing"]


@dataclass(frozen=True)
class Naming:
    """How a document names a place, organisation or person, and for one it names in
    passing, the top-level section (by its heading) that does; for one its title lists with
    others, the top-level sections whose headings name it."""

    how: How
    sections: frozenset[str] = frozenset()
    # For a place its document's title lists, the others listed with it ("Fossvik",
    # "Tverrdal" beside "Lidvang").
    others: frozenset[str] = frozenset()


# Paragraphs shorter than this are headings, list items, table rows: the opening is the text up
# to the end of the first paragraph of prose.
OPENING_PARAGRAPH = 120
# Fewest top-level sections a document needs for a name confined to one of them to be a part.
SECTIONS = 3


def headed_sections(
    constraint: Constraint, passages: Sequence[tuple[Sequence[str], str]]
) -> frozenset[str]:
    """The top-level sections whose headings name a place ("3 Kvitberg kommune"): in a
    document with a chapter for each of the places it lists, each speaks for its own."""
    name = re.compile(rf"(?<!\w){re.escape(constraint.key[0])}")
    return frozenset(
        top_section(path) for path, _ in passages if name.search(fold(top_section(path)))
    )


def how_named(
    constraint: Constraint, text: str, passages: Sequence[tuple[Sequence[str], str]]
) -> Naming:
    """How a document names a place, organisation or person (see `Naming`), read in its
    text and its passages (each a section path and the passage's text, in text order).

    A municipality's plan names a village only in a section about it ("4 Straumen: I
    Straumen skal det gamle postbygget bygges om"): the plan's figures for the fund, the jobs
    or the budget are the municipality's, not the village's, so only a passage naming the
    village speaks for it. What the document is about it names where it opens, or in more
    than one section.

    A company ("Ospedal Fjellmat AS") is always named in passing, where no section speaks for
    it: the figures of a fund's report are the fund's, not those of a company it granted to.
    (A company's own report names it in its title, authors or publisher, read before this.)
    """
    if country_forms(fold(constraint.text)):
        return Naming("whole")  # a country is where what a document is about lies, no part
    name = re.compile(rf"(?<!\w){re.escape(constraint.key[0])}")
    if named_in_the_head(name, text):
        return Naming("whole")  # minutes held at "Sted: Sandvær rådhus" are Sandvær's
    if named_in_a_list(constraint, text):
        others = frozenset(_listed_with(constraint, text))
        return Naming("listed", headed_sections(constraint, passages), others)
    if is_company(constraint.text):
        return Naming("passing")
    if named_only_where_published(name, passages):
        return Naming("passing")
    # Where the document was published says nothing of what it is about.
    paragraphs = [fold(p) for p in re.split(r"\n\s*\n", text) if p.strip() and not is_imprint(p)]
    if any(name.search(p) for p in opening_paragraphs(paragraphs)):
        return Naming("whole")
    sections = list(dict.fromkeys(top_section(path) for path, _ in passages))
    naming = {
        top_section(path)
        for path, passage in passages
        if not any(is_bibliography_heading(heading) for heading in path)
        and name.search(fold("\n".join([*path, _without_imprints(passage)])))
    }
    # A name the passages never write out as asked (its words apart) cannot be judged.
    if len(naming) != 1 or len(sections) < SECTIONS or naming == {sections[0]}:
        return Naming("whole")
    return Naming("passing", frozenset(naming))


def opening_paragraphs(paragraphs: Sequence[str]) -> Sequence[str]:
    """A document's paragraphs up to and with its first of prose (`OPENING_PARAGRAPH`
    characters or more): its cover, head or lead; only the first when none is prose."""
    first = next((i for i, p in enumerate(paragraphs) if len(p) >= OPENING_PARAGRAPH), 0)
    return paragraphs[: first + 1]


def named_in_the_head(name: re.Pattern[str], text: str) -> bool:
    """Whether a document's head names the name in a field of its own, outside any list
    ("Sted: Sandvær rådhus", "Referent: Simen Arntzen, Sandvær kommune"): minutes, memos and
    case documents say there where they were held and whose they are. The head is its
    paragraphs up to the first of prose; who was present is no field of this kind."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return any(
        (field := field_of(line)) is not None
        and "present" not in field[0]
        and name.search(outside_lists(line)) is not None
        for paragraph in opening_paragraphs(paragraphs)
        for line in paragraph.split("\n")
    )


# A line that only says where and when a document was published or signed: short, ending in a
# year, and no claim ("Kristiansund, mai 2022", "Kunnskapsnotat 1/2022. Kristiansund 2022").
_IMPRINT_WORDS = 8
_ENDS_IN_A_YEAR = re.compile(r"\b(?:19|20)\d\d\.?\s*$")


def is_imprint(line: str) -> bool:
    """Whether a line only dates and places the document (a cover's imprint, a foreword's
    place and date)."""
    stripped = line.strip()
    return (
        bool(_ENDS_IN_A_YEAR.search(stripped))
        and len(stripped.split()) <= _IMPRINT_WORDS
        and not_a_claim(stripped) is not None
    )


def _without_imprints(passage: str) -> str:
    return "\n".join(line for line in passage.splitlines() if not is_imprint(line))


def named_only_where_published(
    name: re.Pattern[str], passages: Sequence[tuple[Sequence[str], str]]
) -> bool:
    """Whether a document names a place only where it says where it was published: on its
    cover or under its foreword ("Kristiansund, mai 2022") and in its bibliography. A network
    of eleven coastal municipalities whose secretariat signs in Kristiansund says nothing of
    Kristiansund's purchases."""
    mentioned = False
    for path, passage in passages:
        if any(is_bibliography_heading(heading) for heading in path):
            continue
        if any(name.search(fold(heading)) for heading in path):
            return False
        for line in passage.splitlines():
            if name.search(fold(line)):
                if not is_imprint(line):
                    return False
                mentioned = True
    return mentioned


def top_section(path: Sequence[str]) -> str:
    """The heading of the top-level section a passage lies in ("" before the first)."""
    return path[0] if path else ""


# Where an item of an enumeration begins: after a comma and a space, or a conjunction.
_ITEM_START = re.compile(r"(?:,\s|\s(?:og|och|and|samt|eller|or)\s)")


def _own_figure(line: str, at: int) -> bool:
    """Whether the enumeration item holding the mention at `at` gives a figure of its own."""
    starts = [m.end() for m in _ITEM_START.finditer(line, 0, at)]
    item = line[starts[-1] if starts else 0 : at]
    return bool(re.search(r"\d", item))


def outside_lists(text: str) -> str:
    """The text (folded) without its enumerations of names; one whose items give figures of
    their own ("13,2 miljoner från Interreg, 7,4 miljoner från Region Värmland") names each."""
    return _ENUMERATION.sub(
        lambda listed: listed.group() if re.search(r"\d", listed.group()) else " ", fold(text)
    )


def meets(constraint: Constraint, text: str, context: str = "", exact: bool = False) -> bool:
    """Whether the text (or, for a name, the context) meets one constraint. The period
    before the one in the title of the text's document (the first line of the context)
    meets "the previous period"; a period is met by itself or by both its years. A period
    that begins or ends in a year meets it, unless `exact` (a figure for a year: the total for
    2016–2020 is no figure for 2020)."""
    if constraint.is_name:
        return _name_met(constraint, fold(f"{text}\n{context}"))
    if constraint.kind == "number":
        return constraint in number_constraints(text)
    times = time_constraints(text)
    if constraint.kind == "relative":
        return any(c.kind == "relative" for c in times) or _names_period_before(
            times, context.split("\n", 1)[0]
        )
    if constraint.kind == "period":
        # A change "between 2010 and 2020" is met by its figures for both years.
        years = {c.key[0] for c in times if c.kind == "year"}
        return constraint in times or set(constraint.key) <= years
    year = constraint.key[0]
    return any(c.kind == "year" and c.key == (year,) for c in times) or (
        not exact and any(c.kind == "period" and year in c.key for c in times)
    )


def check(
    constraints: list[Constraint], text: str, context: str = "", exact: bool = False
) -> Check:
    """Which constraints the text meets; `found` is what the text names of the unmet kinds.
    `exact`: see `meets`."""
    met = tuple(c for c in constraints if meets(c, text, context, exact))
    unmet = tuple(c for c in constraints if c not in met)
    found: list[Constraint] = []
    if any(c.is_time for c in unmet):
        found += [c for c in time_constraints(text) if c.kind != "relative"]
    if any(c.is_name for c in unmet):
        asked = {c.key for c in constraints}
        found += [c for c in name_constraints(f"{context}\n{text}") if c.key not in asked]
    return Check(met=met, unmet=unmet, found=tuple(dict.fromkeys(found)))


_TEMPLATES: dict[str, dict[str, str]] = {
    "time": {
        "nb": "Kildene oppgir tallet for {found}, ikke for {asked}.",
        "nn": "Kjeldene oppgir talet for {found}, ikkje for {asked}.",
        "sv": "Källorna anger siffran för {found}, inte för {asked}.",
        "en": "The sources give the figure for {found}, not for {asked}.",
    },
    "time-none": {
        "nb": "Kildene oppgir ikke tallet for {asked}.",
        "nn": "Kjeldene oppgir ikkje talet for {asked}.",
        "sv": "Källorna anger inte siffran för {asked}.",
        "en": "The sources do not give the figure for {asked}.",
    },
    "name": {
        "nb": "Kildene handler om {found}, ikke om {asked}.",
        "nn": "Kjeldene handlar om {found}, ikkje om {asked}.",
        "sv": "Källorna handlar om {found}, inte om {asked}.",
        "en": "The sources are about {found}, not about {asked}.",
    },
    "name-part": {
        "nb": "Kildene nevner {asked} bare blant flere og sier ikke noe om {asked} for seg.",
        "nn": "Kjeldene nemner {asked} berre blant fleire og seier ikkje noko om {asked} for seg.",
        "sv": "Källorna nämner {asked} bara bland flera och säger inget om {asked} för sig.",
        "en": "The sources mention {asked} only as one of several and say nothing about it alone.",
    },
    "name-passing": {
        "nb": "Kildene nevner {asked} bare i forbifarten og sier ikke noe om dette for {asked}.",
        "nn": (
            "Kjeldene nemner {asked} berre i forbifarten og seier ikkje noko om dette for {asked}."
        ),
        "sv": "Källorna nämner {asked} bara i förbigående och säger inget om detta för {asked}.",
        "en": "The sources mention {asked} only in passing and say nothing about this for {asked}.",
    },
    "name-none": {
        "nb": "Kildene sier ikke noe om {asked}.",
        "nn": "Kjeldene seier ikkje noko om {asked}.",
        "sv": "Källorna säger inget om {asked}.",
        "en": "The sources say nothing about {asked}.",
    },
}
_AND = {"nb": "og", "nn": "og", "sv": "och", "en": "and"}


def _as_object(constraint: Constraint, language: Language) -> str:
    """A time as it follows "for" in a statement: "the previous plan period" in English."""
    text = constraint.text
    if constraint.kind == "relative" and language == "en" and not text.lower().startswith("the "):
        return f"the {text}"
    return text


def _listed(texts: list[str], language: Language) -> str:
    texts = list(dict.fromkeys(texts))[:3]
    if len(texts) <= 1:
        return "".join(texts)
    return f"{', '.join(texts[:-1])} {_AND[language]} {texts[-1]}"


def mismatch(
    question: str,
    evidence: str,
    language: Language,
    context: str = "",
    parts: Mapping[str, Naming] | None = None,
    settled: Sequence[Constraint] = (),
) -> str | None:
    """A statement in the question's language when the evidence misses a time or name the
    question names; None when it meets them all (figures the question names are left to
    the caller, since a question rarely asks for a figure it already gives). `parts` are the
    names the evidence's document gives only as a part of what it is about, and how;
    `settled`, what the question names that is met otherwise (a year dating the document)."""
    constraints = [c for c in find_constraints(question) if c.kind != "number" and c not in settled]
    result = check(constraints, evidence, context)
    parts = parts or {}
    parted = [c for c in result.unmet if c.is_name and c.text in parts]
    if parted:  # the evidence is about the whole: its year or period is beside the point
        asked = _listed([c.text for c in parted], language)
        listed = any(parts[c.text].how == "listed" for c in parted)
        return _TEMPLATES["name-part" if listed else "name-passing"][language].format(asked=asked)
    # A place, body or person the evidence is not about comes first: the year of a figure
    # for someone else says nothing ("The sources give the figure for 2023" is not
    # Kristiansund's figure for 2023).
    names = [c for c in result.unmet if c.is_name]
    if names:
        # Only names of the kinds asked about, from the sentence itself: what its document's
        # metadata names (authors, a title) is not what the evidence is about.
        kinds = {c.kind for c in names}
        found = [c.text for c in name_constraints(evidence) if c.kind in kinds]
        found = [text for text in found if all(text != c.text for c in names)]
        asked = _listed([c.text for c in names], language)
        key = "name" if found else "name-none"
        return _TEMPLATES[key][language].format(found=_listed(found, language), asked=asked)
    times = [c for c in result.unmet if c.is_time]
    if any(c.kind != "relative" for c in times):  # an explicit year or period says it best
        times = [c for c in times if c.kind != "relative"]
    if times:
        found = [c.text for c in result.found if c.is_time]
        asked = _listed([_as_object(c, language) for c in times], language)
        key = "time" if found else "time-none"
        return _TEMPLATES[key][language].format(found=_listed(found, language), asked=asked)
    return None


_FIGURE_QUESTION = re.compile(
    r"(?i)\b(?:hvor|kor|hur)\s+(?:mange|mye|mykje|många|mycket|stor|store|stort|høy|høg|hög)\b|"
    r"\bhow\s+(?:many|much|large|big|high)\b|\bwhat\s+(?:share|percentage|proportion)\b|"
    r"\b(?:financial|economic|budget)\s+frame\b|"
    r"\b(?:budsjett|budget|ramme|rammen|ramma|andel|andelen|delen|prosent|procent|percent|"
    r"kostar|koster|kostet|kosta|kostade|costs?|tjener|tener|tjänar|earns?|beløp|belopp|"
    r"summen|amount)\b|"
    # What a company or a municipality's accounts show: its turnover, result, profit.
    # ("resultat" alone is as often an outcome: "resultatet av verkstedet").
    r"\b\w*(?:omsetning|omsetnad|omsättning|driftsresultat|årsresultat|overskudd|overskot|"
    r"överskott|underskudd|underskot|underskott)\w*|\b(?:turnover|revenue|profits?|deficit)\b|"
    # What unemployment was ("Hva var arbeidsledigheten i 2020?"); asked about otherwise
    # ("What does the plan say about unemployment?") it is a topic.
    r"\b(?:hva|kva|vad|what)\s+(?:er|var|vart|blei|ble|är|is|was|were)\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:\w*(?:ledighet|arbeidsløyse|arbetslöshet)\w*|unemployment)\b"
)
# Counts and amounts in words; not "en", "ett", "ei", "one": they are articles as often.
_NUMBER_WORD = re.compile(
    r"(?i)\b(?:to|tva|två|two|tre|three|fire|fyra|four|fem|five|seks|sex|six|sju|seven|åtte|"
    r"åtta|eight|nio|nine|tio|ten|elleve|elva|eleven|tolv|twelve|tjue|tjugo|twenty|hundre|"
    r"hundra|hundred|tusen|thousand|millioner?|millionar|miljoner?|millions?|milliarder?|"
    r"halvparten|hälften|half|dobbelt|dubbelt|double)\b"
)


def asks_for_figure(question: str) -> bool:
    """Whether the question asks for an amount, count, share or duration ("hvor mange",
    "what share", "hur lång var handläggningstiden"), or for a figure of an organisation's
    accounts ("Næringslagets resultat i 2023")."""
    return _asks_in_words(question) or asks_for_accounts(question, _organisations(question))


def _asks_in_words(question: str) -> bool:
    """Whether the question's words ask for a figure or a duration ("hvor mange", "how long"),
    or a search of a few keywords asks for what a thing measured came to in a year
    ("ospedal næringsfond søknader 2019")."""
    return bool(
        _FIGURE_QUESTION.search(question)
        or DURATION_QUESTION.search(question)
        or _keyword_figure(question)
    )


# At most this many words, none a question word, make a search of keywords, not a question.
KEYWORD_WORDS = 6


def _keywords(question: str) -> bool:
    """Whether the question is a search of a few keywords: no question mark, no question
    word, no function word ("ospedal næringsfond søknader 2019")."""
    words = question.split()
    if question.rstrip().endswith("?") or not 2 <= len(words) <= KEYWORD_WORDS:
        return False
    folded = [fold(word.strip(".,:;")) for word in words]
    return not any(word in _QUESTION_WORDS or word in STOPWORDS for word in folded)


def _keyword_figure(question: str) -> bool:
    """Whether keywords name a year or a period and one of the things figures count or
    measure: they ask for its figure."""
    if not _keywords(question):
        return False
    if not any(c.kind in ("year", "period") for c in time_constraints(question)):
        return False
    return bool(things_named(folded_words(fold(question))))


def _organisations(question: str) -> list[str]:
    return [c.text for c in name_constraints(question) if c.kind == "organisation"]


def holds_figure(text: str, given: set[tuple[str, ...]]) -> bool:
    """Whether the text gives a figure (not a year) other than those the question gave."""
    if _NUMBER_WORD.search(text):
        return True
    return any(c.key not in given for c in number_constraints(text))


# Words that say how a question asks (for a figure, for a year), not what it asks about.
_ASKING = frozenset(
    """
    hvor kor hur how mange mye mykje många mycket many much stor stort store large big high
    høy høyt høg hø hög andel andelen del delen prosent procent percent percentage share
    proportion år året åra years year periode perioden period tallet talet siffran figure
    """.split()
)
# Where a clause of a sentence ends and another begins, per language: a year in a clause of
# its own dates that clause's event ("viste til at kommunestyret i desember 2023 vedtok").
# Not at a comma: a year set off by one ("In March 2023, ...") dates the whole sentence.
_CLAUSE_WORDS = {
    "nb": "og men at som der mens fordi da når",
    "nn": "og men at som der medan fordi då når",
    "sv": "och men att som där medan eftersom då när",
    "en": "and but that which who where while because when",
}
_CLAUSES = {
    language: re.compile(rf"(?i)\s*;\s*|\s+(?:{'|'.join(words.split())})\s+")
    for language, words in _CLAUSE_WORDS.items()
}
# A sentence that opens by placing its claim in one place: "I Vefsn økte andelen ...".
_PLACE_OPENING = re.compile(r"^(?:I|In|På|Pa|För|For|Hos|At)\s+([A-ZÆØÅÄÖ][\w'’-]*)")
# Capitalised words after "In" that are no part of what was asked: a whole country, a month,
# a day.
_NOT_PARTS = (
    frozenset(
        """
    norge noreg norway sverige sweden danmark denmark finland island iceland norden
    skandinavia skandinavien scandinavia europa europe eu
    """.split()
    )
    | _CALENDAR
)
_WHICH = re.compile(
    r"(?i)\b(?:hvilken|hvilke|hvilket|kva\s+for|kven|hvem|vilken|vilka|vilket|vem|which|who)\b"
)


def same_language(question: Language, text: str) -> bool:
    """Whether words can be compared between a question and a text (bokmål with nynorsk)."""
    norwegian = {"nb", "nn"}
    return question == text or (question in norwegian and text in norwegian)


def topic_terms(question: str) -> set[str]:
    """Stems of what a question is about: its content words without its names, years,
    figures and the words of asking ("hvor mange", "what share", "i året")."""
    names = {word for c in name_constraints(question) for word in content_words(c.text)}
    # A year compounded with a noun names a topic by the noun: "2030-teknologi".
    words = [re.sub(r"^\d+-", "", word) for word in content_words(question)]
    return {
        stem(word)
        for word in words
        if word not in _ASKING and word not in names and not any(ch.isdigit() for ch in word)
    }


# "How do I ...", "Korleis set eg opp ...", "Hur ansöker jag ...": the asker's own affairs. "I"
# only in English (in bokmål and Swedish it is "in"); not "me", which is "we" in nynorsk and
# the object of "tell me more" in English.
_PERSONAL = {
    "nb": re.compile(r"(?i)\b(?:jeg|min|mitt|mine)\b"),
    "nn": re.compile(r"(?i)\b(?:eg|mi|mitt|mine)\b"),
    "sv": re.compile(r"(?i)\b(?:jag|min|mitt|mina)\b"),
    "en": re.compile(r"\b(?:I|I'm|I've|my)\b"),
}
# Stems shorter than this are too often a common word's ("lang", "fast", "bol"): a topic is
# told by its longer words.
_TOPIC_STEM = 5


def off_topic_for_the_asker(
    question: str,
    language: Language,
    claims: Sequence[Candidate],
    known: Callable[[str], bool] = lambda term: True,
) -> bool:
    """Whether a question about the asker's own affairs ("Hvordan søker jeg startlån?",
    "How do I reset my password?") finds only sentences that share no more of its topic's
    words, in its language, than the library has never used (`known` tells those apart):
    business development literature speaks to municipalities, and a sentence that reads like
    an answer to "how do I" (an evaluation's advice in the infinitive) without naming what
    was asked is about something else. "permisjon uten lønn fra stillingen min" met by a
    sentence on a "50 prosent stilling" shares one word, and the library never says the
    other. Sentences in other languages cannot be compared and say nothing either way."""
    personal = _PERSONAL.get(language)
    if personal is None or not personal.search(question):
        return False
    terms = {t for t in topic_terms(question) - _EVERYWHERE if len(t) >= _TOPIC_STEM}
    comparable = [c for c in claims if same_language(language, c.chunk.language or language)]
    if not terms or not comparable:
        return False
    unknown = sum(not known(term) for term in terms)
    shared = max(
        sum(
            shares_topic({term}, f"{c.text}\n{' '.join(c.chunk.section_path)}\n{c.chunk.title}")
            for term in terms
        )
        for c in comparable
    )
    return shared <= unknown


def measured_words(question: str, language: str | None) -> list[str]:
    """The words, in all four languages, that name the things of `MEASURED_THINGS` a
    question names ("new jobs": "arbeidsplass", "arbetstillfall", "employment", ...): what a
    passage in another language than the question names them by."""
    things = things_named(folded_words(fold(question)), compounds=language != "en")
    words = [
        word
        for thing in sorted(things)
        for word in MEASURED_THINGS[thing]
        if len(word) >= 4 and word not in NOT_SEARCHED
    ]
    # A question asking for a target looks for the words that set one ("Målet var ...").
    return [*words, *TARGET_WORDS] if asked_aim(question) == "target" else words


# Words that every passage of business-development literature may use, as stems.
_EVERYWHERE = frozenset(stem(word) for word in ("kommune", "kommunen", "municipality", "municipal"))


# Bokmål and nynorsk often spell a word apart by one vowel ("tilsagn", "tilsegn"; "skole",
# "skule"), or by a vowel or a "j" more ("tjeneste", "teneste"): stems this long differing so
# are one word.
_VOWELS = frozenset("aeiouyæøåäö")
_SPELLING_STEM = 6


def _spelled_apart(first: str, second: str) -> bool:
    if min(len(first), len(second)) < _SPELLING_STEM:
        return False
    if len(first) == len(second):
        differing = [(a, b) for a, b in zip(first, second, strict=True) if a != b]
        return len(differing) == 1 and all(letter in _VOWELS for letter in differing[0])
    # A vowel or a "j" more in one ("tjeneste" in bokmål, "teneste" in nynorsk).
    short, long = sorted((first, second), key=len)
    if len(long) != len(short) + 1:
        return False
    at = next((i for i, (a, b) in enumerate(zip(short, long, strict=False)) if a != b), len(short))
    return long[at] in _VOWELS | {"j"} and long[:at] + long[at + 1 :] == short


def _same_term(first: str, second: str) -> bool:
    if first == second or _spelled_apart(first, second):
        return True
    short, long = sorted((first, second), key=len)
    # A compound names its head: "arbeidsverksted" is a "verksted".
    if len(short) >= 5 and long.endswith(short):
        return True
    # A long stem with an ending one standard writes and another not, which the stemmer
    # leaves: "sparebankstiftelsen" and "Sparebankstiftinga" ("sparebankstift",
    # "sparebankstifting").
    return len(short) >= _LONG_STEM and long.startswith(short) and len(long) - len(short) <= 3


_LONG_STEM = 8


def shares_topic(terms: set[str], text: str) -> bool:
    """Whether the text holds one of the question's topic terms, inflected or compounded."""
    found = {stem(word) for word in content_words(text)}
    return any(_same_term(term, word) for term in terms for word in found)


# A time phrase opening a sentence: a preposition, a few words, the year or period.
_TIME_OPENING = re.compile(
    r"(?i)^\s*(?:i|in|under|during|fra|frå|från|from|mellom|between|etter|efter|after|"
    r"ved|vid|by|per|pr\.?|som|at)\b(?:\s+[^\s,.;:]+){0,3}?\s+"
    r"(?:19|20)\d\d(?:\s*[–-]\s*(?:19|20)?\d\d)?\b"
)


def time_in_passing(
    constraint: Constraint, sentence: str, terms: set[str], language: Language
) -> bool:
    """Whether the sentence meets a year or period only in a clause that is not about what
    the question asks: it names the question's topic elsewhere, never beside the year. A
    time opening the sentence ("I perioden 2016–2019 registrerte ..., og fondet gav ...")
    dates every clause of it."""
    clauses = [c for c in _CLAUSES[language].split(sentence) if c.strip()]
    if len(clauses) < 2 or not terms or _TABLE_ROW.match(sentence):
        return False  # a table's row gives its label's figure in each year's column
    opening = _TIME_OPENING.match(sentence)
    if opening is not None and meets(constraint, opening.group()):
        return False
    topical = [shares_topic(terms, clause) for clause in clauses]
    if not any(topical):  # nothing to tell which clause is about the question
        return False
    # A clause giving only another figure of the same kind goes on with the one before ("ei
    # årleg ramme på 1,8 millionar kroner i 2020 og 2021 og 2,4 millionar kroner frå 2022").
    carried: set[str] = set()  # the money or share the last clause about the topic gave
    for index, clause in enumerate(clauses):
        given = measures_in(clause) & {"money", "share"}
        if topical[index]:
            carried = set(given)
        elif given & carried:
            topical[index] = True
        elif given:
            carried = set()
    return not any(
        about and meets(constraint, clause) for about, clause in zip(topical, clauses, strict=True)
    )


def confined_elsewhere(sentence: str, question: str, context: str) -> bool:
    """Whether the sentence gives its claim for one place ("I Vefsn ...") that neither the
    question nor its document's title names: the figure of a part, not of what was asked."""
    opening = _PLACE_OPENING.match(sentence)
    if opening is None or _WHICH.search(question):
        return False
    place = re.sub(r"['’]s$", "", opening[1])
    folded = fold(place)
    numbered = re.match(r"\s*\d", sentence[opening.end() :])  # "In Table 2", "I Fase 1"
    if folded in _NOT_NAMES or folded in _NOT_PARTS or _GENERIC.match(folded) or numbered:
        return False
    named = Constraint("place", place, (name_key(place),))
    return not _name_met(named, fold(f"{question}\n{context}"))


@dataclass(frozen=True)
class Screened:
    """Candidate sentences that answer within the question's years, periods, names and
    measure; those that at least meet its years, periods and names (`covering`: how well the
    literature covers the question is judged on them); and a statement of what the closest
    evidence is about instead when none does. `verified`: the question asks for a figure
    and names a year or period, and a kept sentence gives that figure within it; the
    screening then vouches for the evidence more than its wording's similarity can."""

    kept: list[Candidate]
    statement: str | None
    covering: list[Candidate] = field(default_factory=list)
    verified: bool = False


_TITLE_WORD = re.compile(r"[\w'’-]+")


def without_titles(question: str, titles: Sequence[str]) -> str:
    """The question without the names it borrows from documents' titles, from a capital on
    ("Gränslöst näringsliv" of "Utvärdering av programmet Gränslöst näringsliv 2020–2023"):
    what such a name says is no measure the question asks for."""
    words = list(_TITLE_WORD.finditer(question))
    folded_titles = [
        " " + " ".join(fold(w) for w in _TITLE_WORD.findall(title)) + " " for title in titles
    ]
    cuts: list[tuple[int, int]] = []
    start = 0
    while start < len(words):
        end = start + 1
        if words[start].group()[:1].isupper():
            while end < len(words) and any(
                f" {' '.join(fold(w.group()) for w in words[start : end + 1])} " in title
                for title in folded_titles
            ):
                end += 1
        if end - start >= 2:
            cuts.append((words[start].start(), words[end - 1].end()))
        start = end
    for begin, finish in reversed(cuts):
        question = f"{question[:begin]} {question[finish:]}"
    return question


def document_context(entry: CatalogueEntry, named: Sequence[str] = ()) -> str:
    """What names a passage of a document without repeating them: title, authors, publisher,
    the names (of those a question asks about) that the document's text holds, and its
    year."""
    year = [str(entry.year)] if entry.year else []
    return "\n".join([entry.title, *entry.authors, entry.publisher or "", *named, *year])


def naming_by_entry(
    constraint: Constraint, entry: CatalogueEntry, question: str = ""
) -> Naming | None:
    """How a document's title, authors and publisher name a place, organisation or person:
    as what the document is about ("whole"), as one of several places its title lists
    ("listed": an audit "av næringsarbeidet i Fossvik, Lidvang og Tverrdal" gives each
    municipality's figures and all of theirs, so one naming Fossvik says nothing of Lidvang),
    or not at all (None: its text decides, `how_named`). A question naming every place the
    title lists asks about all of them: the document is about what it asks."""
    if not meets(constraint, document_context(entry)):
        return None
    owners = "\n".join([*entry.authors, entry.publisher or ""])
    if named_in_a_list(constraint, entry.title) and not meets(constraint, owners):
        return as_asked(
            Naming("listed", others=frozenset(_listed_with(constraint, entry.title))), question
        )
    return Naming("whole")


def as_asked(naming: Naming, question: str) -> Naming:
    """A name listed with others, for a question naming them all ("the programme of
    Ramnsund, Lyngvær and Teigedal"): the document is about what the question asks of them
    together."""
    if (
        naming.how == "listed"
        and naming.others
        and all(name_in(o, question) for o in naming.others)
    ):
        return Naming("whole")
    return naming


def name_in(name: str, text: str) -> bool:
    """Whether the text names the name, inflected or compounded."""
    return re.search(rf"(?<!\w){re.escape(name_key(name))}", fold(text)) is not None


_LIST_SEPARATOR = re.compile(r",\s*|\s+(?:og|och|and|samt)\s+")


def _listed_with(
    constraint: Constraint, text: str, patterns: Sequence[re.Pattern[str]] = ()
) -> list[str]:
    """The other names of the lists of names in the text that name the constraint (lists by
    `_NAME_LIST`, or by each of `patterns` when given)."""
    name = re.compile(rf"(?<!\w){re.escape(constraint.key[0])}")
    return [
        item
        for pattern in patterns or (_NAME_LIST,)
        for listed in pattern.finditer(text)
        if name.search(fold(listed.group()))
        for item in _LIST_SEPARATOR.split(listed.group())
        if item and not name.search(fold(item))
    ]


# Two names joined ("Hestvikja og Trollmo"): peers, as the names of a longer list are.
_NAME_PAIR = re.compile(rf"(?<!\w){_LISTED_NAME} (?:og|och|and|samt) {_LISTED_NAME}")


def gives_a_peers_figure(
    constraint: Constraint, sentence: str, passage: str, question: str
) -> bool:
    """Whether a sentence gives its figure for a place its passage names beside the one asked
    about ("Hestvikja og Trollmo kom med ...; i 2023 tok Næringsdøra imot 74 førespurnader frå
    etablerarar i Hestvikja"), without naming the one asked about: the peer's figure."""
    if constraint.kind != "place" or meets(constraint, sentence):
        return False
    listed = _listed_with(constraint, passage, (_NAME_LIST, _NAME_PAIR))
    peers = {item.strip() for item in listed if item.strip()}
    return any(name_in(peer, sentence) and not name_in(peer, question) for peer in peers)


def named_before(constraint: Constraint, others: Iterable[str], candidate: Candidate) -> bool:
    """Whether the sentence's paragraph, before it and outside any list of names, names the
    place last among those listed with it and the sentence names none of the others: "I
    Fossvik gjev næringsrådet ... I 2023 følgde formannskapet innstillinga i 27 av 29 saker"
    gives Fossvik's figure."""
    if any(name_in(other, candidate.text) for other in others):
        return False
    chunk = candidate.chunk
    before = chunk.text[: max(0, candidate.start - chunk.start)]
    # The names of a list say nothing of which the figure after it is for.
    paragraph = fold(_NAME_LIST.sub(" ", re.split(r"\n\s*\n", before)[-1]))
    keys = [(constraint.key[0], True), *((name_key(other), False) for other in others)]
    mentions = [
        (match.start(), asked)
        for key, asked in keys
        for match in re.finditer(rf"(?<!\w){re.escape(key)}", paragraph)
    ]
    return bool(mentions) and max(mentions)[1]


# Whose a figure is, said by a genitive of a common noun: English "the network's purchases",
# a Scandinavian definite neuter "nettverkets innkjøp", "nätverkets inköp".
_OWNER = re.compile(r"(?<![\w'’])([a-zæøåäö][a-zæøåäö-]{2,})(?:['’]s\b|(?<=et)s\b)")
_NOT_OWNERS = frozenset({"it", "one", "who", "that", "there", "what", "let", "year", "today"})


# Words that open a sentence without naming anything.
_NOT_NAMED_OPENINGS = _NOT_NAMES | STOPWORDS


# Where a question asking two things turns to its second: "... i 2024? og hvem leder ...",
# "How many ..., and who chairs ...".
_SECOND_QUESTION = re.compile(
    r"(?i)(?:\?|,|\b(?:og|and|och|samt))\s+(?:og\s+|and\s+|och\s+)?"
    r"(?:(?:for|til|till|för|to|in|i|på|on|at|with|med)\s+)?"  # "and for what total amount"
    r"(?:hvem|kven|vem|who|hvor|hvordan|hvorfor|kor|korleis|kvifor|hur|varför|how|why|what|"
    r"hva|kva|vad|when|når|när|which|hvilke\w*|vilk\w*)\b"
)


def asks_two_things(question: str) -> bool:
    """Whether a question asks a second question after its first."""
    return len(questions_of(question)) > 1


def questions_of(question: str) -> tuple[str, ...]:
    """The question's first question and the second it asks after it, or the question alone."""
    second = _SECOND_QUESTION.search(question.strip().rstrip("?"))
    return (question[: second.start()], question[second.start() :]) if second else (question,)


def measures_of_two_questions(question: str) -> tuple[Measure, Measure] | None:
    """The measures the two questions of one ask for, when each asks for another ("How many
    grants did Nordsand award, and for what total amount?": a count, then money); else None."""
    parts = questions_of(question)
    if len(parts) < 2:
        return None
    first_asks, then_asks = (asked_measure(part) for part in parts)
    if first_asks is None or then_asks is None or first_asks == then_asks:
        return None
    return first_asks, then_asks


# One of two questions asking when or who: "Når vart butikken skipa, og kva kosta ein
# andel?", "how much did it pay, and who led the negotiations?"
_WHEN_OR_WHO = re.compile(
    r"(?i)^\W*(?:og\s+|och\s+|and\s+)?(?:når|när|when|kva\s+tid|hvem|kven|vem|who)\b"
)
_HOW_OR_WHY = re.compile(
    r"(?i)\b(?:hvordan|korleis|hur|how|hvorfor|kvifor|varför|why)\b(?!\s+(?:mye|mykje|mycket|"
    r"much|many|mange|många|stor|store|høy|høg|hög|large|big|long|lang|lång|lenge|länge|"
    # "how is the bill split" asks for shares: a figure, not how something was done
    r"(?:[\w'’-]+\s+){0,10}(?:deles|delast|delas|fordel\w*|fördel\w*|split|shared|divided)\b))"
)
_HEADING_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+")
# A sentence speaking of "the municipality", which the heading above it names.
_THE_MUNICIPALITY = re.compile(r"\b(?:[Kk]ommunen|[Tt]he municipality)\b")


def names_another(
    sentence: str,
    asked: set[str],
    text_of: Callable[[str], str] | None = None,
    doc_id: str = "",
) -> bool:
    """Whether a sentence names a place, organisation or person besides the `asked` names
    (their keys): a name inside it, or its capitalised first word when its document never
    writes that word in lower case ("Lidvang delte avtalen i sju roder")."""
    if any(c.key[0] not in asked for c in name_constraints(sentence)):
        return True
    first = re.match(r"\s*(?:[-•*]\s*)?([A-ZÆØÅÄÖ][\w-]{2,})", sentence)
    if first is None or text_of is None or name_key(first[1]) in asked:
        return False
    word = first[1]
    if word.casefold() in _NOT_NAMED_OPENINGS or _GENERIC.match(fold(word)):
        return False
    lower = re.compile(rf"(?<!\w){re.escape(word.lower())}(?!\w)")
    return lower.search(text_of(doc_id)) is None


def owners_asked(question: str) -> set[str]:
    """Stems of the common nouns a question says a figure belongs to ("the coastal
    procurement network's purchases": "network"), the municipality aside."""
    owners = {
        stem(fold(m[1]))
        for m in _OWNER.finditer(question)
        if m[1] not in _NOT_OWNERS and not _names_its_author(question[m.end() :])
    }
    return owners - _EVERYWHERE


def _names_its_author(following: str) -> bool:
    """Whether a possessive is the author's of the document named after it (the institute's
    "evaluering", the council's "report"): it says whose the document is, not whose a figure."""
    word = re.match(r"\s+([^\W\d_]+)", following)
    return word is not None and names_a_kind(word[1])


# Where a document's sentences and lines end: a list of participants gives one per line.
_LINE_OR_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n")


def holds_title_elsewhere(
    sentence: str, titles: frozenset[str], places: Sequence[Constraint], document: str
) -> bool:
    """Whether the person a sentence names with a title asked about holds it, by the
    document's own words, in another place than those asked about ("Ordfører Anders
    Kleppevik ønsket velkommen" in minutes listing "Anders Kleppevik, ordfører i Tjørnås
    kommune"): no answer to who is the mayor of Eikebrekke."""
    if not places:
        return False
    asked = {place.key for place in places}
    # By surname: the sentence may write the title into the name ("Ordfører Anders ...").
    surnames = [c.text.split()[-1] for c in name_constraints(sentence) if c.kind == "person"]
    for surname in surnames:
        named = re.compile(rf"(?<!\w){re.escape(surname)}(?!\w)")
        for line in _LINE_OR_SENTENCE.split(document):
            if not named.search(line) or not titles & titles_named(fold(line)):
                continue
            if any(meets(place, line) for place in places):
                return False
            if any(c.kind == "place" and c.key not in asked for c in name_constraints(line)):
                return True
    return False


def screen(
    question: str,
    candidates: Sequence[Candidate],
    contexts: Mapping[str, str],
    language: Language,
    parts: Mapping[str, Mapping[str, Naming]] | None = None,
    text_of: Callable[[str], str] | None = None,
) -> Screened:
    """Keep the candidates that meet every year, period and name the question names.

    A year or period must be in the sentence or its section's heading ("5.2 Mål for 2033"):
    a passage about 2024–2028 that mentions 2022 in passing does not answer for 2022, nor does
    a sentence whose year dates another clause than the one about what was asked; a
    sentence going on from the one before ("Of these, 24 per cent ...") is dated by it. A name
    may be anywhere in the passage or the document's `contexts` entry (title, authors,
    publisher), since a sentence seldom repeats its municipality's name. A question asking
    for an amount, count or share keeps only sentences that give a figure of that measure
    besides the ones it names itself, that name what it measures (where the sentence is in
    the question's language), and that do not give it for one place the question does not
    ask about; `covering` keeps these whatever figure they give. When the best claim is not
    kept, `statement` says, in the question's language, what it is about instead. `text_of`
    (a document's whole text, by id) lets a table's row be dated by the caption over the
    table when the row opens a passage of its own; it is read only then.
    """
    asked = [c for c in find_constraints(question) if c.kind != "number"]
    dated_documents = _document_dates(question)
    dates = [constraint for constraint, _ in dated_documents]
    made = [constraint for constraint, when_made in dated_documents if when_made]
    on_a_date = event_dates(question)
    terms = topic_terms(question)
    document_titles = [context.split("\n", 1)[0] for context in contexts.values()]
    figure = FigureAsked.of(without_titles(question, document_titles), language, terms)
    asked_titles = titles_asked(question, fold(question))
    place_asked = asks_which_place(question)
    # Who holds a title is someone besides those the question names: "who was elected
    # chair after Geir Olav Mossing" is not answered by a sentence naming only him.
    persons_asked = {c.key for c in asked if c.kind == "person"}
    # A question naming a work by its year ("Is Holmen (2016) in the library?") is met by the
    # references to it; else a cited work's year dates nothing a sentence says.
    cites_a_work = without_cited_years(question) != question
    # A figure asked beside who holds a title, or how, why, when or by whom something was
    # done ("Hvordan gjennomførte Granåkra anskaffelsen, og hva skjedde med andelen?"):
    # either part answers.
    asked_apart = (
        (
            bool(asked_titles)
            or _HOW_OR_WHY.search(question) is not None
            or any(_WHEN_OR_WHO.match(part) for part in questions_of(question))
        )
        and figure is not None
        and asks_two_things(question)
    )
    if not asked and figure is None and not asked_titles and not place_asked:
        return Screened(list(candidates), None, list(candidates))
    # Whose figure is asked: a document in the question's language that never names the
    # owner ("network") gives someone else's.
    owners = owners_asked(question) if figure is not None and text_of is not None else set()
    owning: dict[str, bool] = {}
    kept: list[Candidate] = []
    covering: list[Candidate] = []
    passages: dict[str, str] = {}  # each passage's text without its lists, made once
    for candidate in candidates:
        chunk = candidate.chunk
        # A year that dates the document asked about ("arbeidsnotatet frå 2019") is met by
        # a document of that year, whatever year its sentence gives.
        constraints = _undated(
            asked,
            dates,
            contexts.get(chunk.doc_id, ""),
            candidate.text,
            figure is not None,
            made,
        )
        # A year with its month dates an event ("arbeidsverkstaden i februar 2024"): met by
        # the passage recording it, as a meeting's minutes give its date once.
        constraints = [c for c in constraints if not (c in on_a_date and meets(c, chunk.text))]
        times = [c for c in constraints if c.is_time]
        periods = any(c.kind == "period" for c in times)
        # A sentence that goes on from the one before ("Av dette gikk 24 prosent ...") is
        # dated by it.
        lead_in = list_lead_in(candidate, text_of)
        dating = "\n".join(
            [
                # Without its lists: "It" after "the five municipalities Kvernås, ..., Lauvhaug
                # og Elvmoen" is all of them, not Lauvhaug.
                outside_lists(continued_sentence(candidate)),
                year_pointed_back(candidate),
                period_pointed_back(candidate),
                lead_in,
                heading_of(candidate),
            ]
        )
        if periods:
            # The whole period, not each year in it: "i programperioden" says nothing of 2021.
            dating += "\n" + own_period(
                candidate.text, contexts.get(chunk.doc_id, ""), f"{candidate.text}\n{dating}"
            )
        # A passage that names a place only in a list of several is not about it; one in the
        # section about what its document names in passing is.
        if chunk.id not in passages:
            passages[chunk.id] = outside_lists(chunk.text)
        named_parts = (parts or {}).get(chunk.doc_id, {})
        section = top_section(chunk.section_path)
        about = [name for name, naming in named_parts.items() if section in naming.sections]
        context = "\n".join([contexts.get(chunk.doc_id, ""), passages[chunk.id], *about])
        comparable = same_language(language, chunk.language)
        said = f"{candidate.text}\n{dating}"
        if not cites_a_work:
            said = without_cited_years(said)
        if not check(constraints, said, context, figure is not None).ok:
            continue
        if figure is not None and any(
            gives_a_peers_figure(c, candidate.text, chunk.text, question) for c in constraints
        ):
            continue
        if comparable and any(
            not meets(c, dating) and time_in_passing(c, candidate.text, terms, language)
            for c in times
        ):
            continue
        # Who holds a title is said only by a sentence naming the title and a person
        # ("ordførar Ragnhild Øvrebø") the question does not name, not by one about what the
        # title's holder should do.
        names_title = not asked_titles or (
            bool(asked_titles & titles_named(fold(candidate.text)))
            and any(
                c.kind == "person" and c.key not in persons_asked
                for c in name_constraints(candidate.text)
            )
            and not (
                text_of is not None
                and holds_title_elsewhere(
                    candidate.text,
                    asked_titles,
                    [c for c in constraints if c.kind == "place"],
                    text_of(chunk.doc_id),
                )
            )
        )
        # Which municipality did something is said only by a sentence naming one ("in one of
        # the network's municipalities" names none), or standing under a heading that does
        # ("4.4 Ørnvik: forvalteren": "Da kommunen i 2023 utvidet åpningstiden ...").
        asked_names = {c.key[0] for c in constraints if c.is_name}
        if place_asked and not (
            names_another(candidate.text, asked_names, text_of, chunk.doc_id)
            or (
                bool(chunk.section_path)
                and _THE_MUNICIPALITY.search(candidate.text) is not None
                and names_another(
                    _HEADING_NUMBER.sub("", chunk.section_path[-1]),
                    asked_names,
                    text_of,
                    chunk.doc_id,
                )
            )
        ):
            continue
        # One member's figure, or who holds a title there, is given where it is named, not
        # elsewhere in a passage; what a document names in passing, in the section about it.
        elsewhere = any(
            c.is_name
            and c.text in named_parts
            and c.text not in about
            and not meets(c, f"{candidate.text}\n{dating}")
            and not named_just_before(c, candidate)
            and not named_over_its_box(c, candidate)
            and not (
                named_parts[c.text].others
                and named_before(c, named_parts[c.text].others, candidate)
            )
            for c in constraints
        )
        if figure is None:
            covering.append(candidate)
            if names_title and not (asked_titles and elsewhere):
                kept.append(candidate)
            continue
        if confined_elsewhere(candidate.text, question, contexts.get(chunk.doc_id, "")):
            continue
        if owners and text_of is not None and share_words(language, chunk.language or language):
            if chunk.doc_id not in owning:
                document = text_of(chunk.doc_id)
                owning[chunk.doc_id] = all(shares_topic({owner}, document) for owner in owners)
            if not owning[chunk.doc_id]:
                continue
        if any(c.is_name and named_in_a_list(c, candidate.text) for c in constraints):
            continue  # "De sju kommunene var Hemnes, Vefsn og Herøy" counts the list, not Vefsn
        if any(named_apart_from_its_figure(c, candidate.text, figure.measure) for c in constraints):
            continue
        if not any(c.kind == "organisation" for c in constraints) and any(
            c.kind == "place"
            and named_in_another_body(c, candidate.text)
            and not asks_of_a_body(c, question)
            for c in constraints
        ):
            continue  # "Sandvær Sparebank har satt av ..." gives no figure of Sandvær's
        if elsewhere:
            continue
        covering.append(candidate)
        # A sentence's topic may be named by the headings above it ("5 Kommunalt
        # næringsfond" over a table row "2026: 2,2 millioner kroner").
        headings = "\n".join([*chunk.section_path, lead_in])
        gives_figure = figure.answered_by(
            candidate.text,
            headings,
            chunk.language,
            comparable,
            lead_in,
            continued_sentence(candidate),
            section_before(candidate, text_of) if not comparable and figure.glossary else "",
        )
        # "How many courses were held, and who leads the programme?" asks two things: a
        # sentence answering either answers.
        if (names_title and gives_figure) or (asked_apart and (names_title or gives_figure)):
            kept.append(candidate)
    closest = next((c for c in candidates if c.claim), None)
    # Where a sentence meets what was asked, the sources do not give only another year.
    if closest is None or kept:
        dated = any(c.kind in ("year", "period") and c not in dates for c in asked)
        names = [c for c in asked if c.is_name]
        named = bool(names) and any(
            all(_name_met(c, fold(candidate.text)) for c in names) for candidate in kept
        )
        verified = bool(kept) and ((figure is not None and dated) or named)
        return Screened(kept, None, covering, verified=verified)
    context = contexts.get(closest.chunk.doc_id, "")
    statement = mismatch(
        question,
        f"{closest.text}\n{heading_of(closest)}",
        language,
        f"{context}\n{outside_lists(closest.chunk.text)}",
        (parts or {}).get(closest.chunk.doc_id, {}),
        settled=[
            c
            for c in asked
            if c not in _undated(asked, dates, context, closest.text, figure is not None, made)
        ],
    )
    return Screened(kept, statement, covering)


# A reference in brackets ("(Stene & Stickler, 2018)"): its year dates a work, not the sentence.
_CITED = re.compile(r"\([^()]*[^\W\d_][^()]*\b(?:19|20)\d\d[a-z]?\)")
# A reference in the running text: "Stene og Mørkved (2019)", "Carlsson et al. (2010)".
_NARRATIVE_CITED = re.compile(
    r"\b[A-ZÆØÅÄÖ][\w'’-]*(?:\s+et\s+al\.?)?\s+"
    r"\((?:19|20)\d\d[a-z]?(?:[,;]\s*(?:s|p)\.\s*\d+)?\)"
)
_CITED_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d[a-z]?(?!\d)")


def without_cited_years(text: str) -> str:
    """The text without the years of the works it cites, which date no event of its own:
    "Se Stene och Mørkved (2019) om ..." says nothing of 2019."""
    text = _CITED.sub(lambda match: _CITED_YEAR.sub(" ", match[0]), text)

    def cited(match: re.Match[str]) -> str:
        # A capitalised word opening a sentence is no author: "Budsjettet (2019) var ...".
        opens = text[: match.start()].rstrip()[-1:] in ("", ".", "!", "?", ":", "\n")
        return match[0] if opens else _CITED_YEAR.sub(" ", match[0])

    return _NARRATIVE_CITED.sub(cited, text)


def _undated(
    asked: list[Constraint],
    dates: list[Constraint],
    context: str,
    sentence: str,
    figure: bool = True,
    made: Sequence[Constraint] = (),
) -> list[Constraint]:
    """The constraints asked, but the years and periods dating the document asked about
    (`dates`) that the document's `contexts` entry (its title, its year) meets, unless the
    sentence dates itself otherwise: a sentence naming another period
    ("Näringslivsprogrammet 2020–2024 hade ..." in the programme for 2025–2028 is about the
    one before), or, for a figure, another year (the annual report for 2024 gives 2023's
    turnover beside its own). What a document says it did in another year ("Styret vedtok
    i 2023 en toårsregel") is still what it says, and no figure is for the year it was made
    in (`made`: "the plan adopted in June 2021" sets targets for 2025)."""
    times = [t for t in time_constraints(_CITED.sub(" ", sentence)) if t.kind != "relative"]
    dated_otherwise = [t for t in times if figure or t.kind == "period"]
    return [
        c
        for c in asked
        if c not in dates
        or not meets(c, context)
        or (dated_otherwise and not meets(c, sentence) and c not in made)
    ]


# A sentence that dates itself by the period its document covers ("i programperioden",
# "during the plan period").
_OWN_PERIOD = re.compile(
    r"(?i)\b(?:program|plan|strategi|prosjekt|projekt|avtale|avtal)periode(?:n|a)?\b|"
    r"\b(?:programme|program|plan|strategy|project)\s+period\b"
)
_TITLE_PERIOD = re.compile(r"(?<!\d)(?:19|20)\d\d\s*[–-]\s*(?:19|20)\d\d(?!\d)")


def _names_period_before(times: list[Constraint], title: str) -> bool:
    """Whether one of the periods named ends where the period in the title begins: the
    previous one ("2015–2019" in an evaluation of 2020–2024)."""
    own = [c for c in time_constraints(title) if c.kind == "period"]
    if not own:
        return False
    begins = int(own[0].key[0])
    return any(
        c.kind == "period" and int(c.key[0]) < begins and begins - 1 <= int(c.key[1]) <= begins
        for c in times
    )


def own_period(sentence: str, context: str, dated_by: str = "") -> str:
    """The period in the document's title (the first line of its `contexts` entry) when the
    sentence dates itself by its document's period ("Målet var 160 nye arbeidsplasser i
    programperioden"), or when nothing dates it (`dated_by`: the sentence with what may date
    it, such as its heading): an evaluation of a programme's 2020–2023 gives its survey's
    response rate for that period without saying so. Else empty."""
    if not _OWN_PERIOD.search(sentence) and (not dated_by or time_constraints(dated_by)):
        return ""
    title = context.split("\n", 1)[0]
    return " ".join(_TITLE_PERIOD.findall(title))


def heading_of(candidate: Candidate) -> str:
    """The headings of the section a candidate sentence is in and of the sections holding it
    ("4 Prosjekter i 2024" dates "4.1 Fjøsloftet i Almedal")."""
    return "\n".join(candidate.chunk.section_path)


_CONTINUES = re.compile(
    r"(?i)^(?:(?:av|of)\s+(?:dette|disse|desse|detta|dessa|dei|dem|this|these|them|that|those|"
    r"which)|herav|derav|därav|hereof|thereof)\b|"
    # A count of some of what the sentence before counted ("Twenty-nine of them", "27 av dei").
    r"^[\w-]+\s+(?:av|of)\s+(?:them|these|those|dem|dei|desse|disse|dessa|de)\b|"
    # A subject pronoun for what the sentence before named ("The Fjordland Business Initiative
    # 2016–2020 ... It had a budget of ...", "Det finansierade 61 projekt"); "it" not before
    # "is" or "was" (a dummy subject), and "det", "den", "de" only before a verb of what
    # something did, since they are as often a dummy subject ("Det ble skapt 40 jobber") or
    # an article ("Det største tilskuddet gikk i 2023 til ...").
    r"^(?:It(?!\s+(?:is|was)\b)|They)\s|"
    r"^(?:Det|Den|De|Dei)\s+(?:\w+ade|hadde|hade|fikk|fick|fekk|gav|gjorde|gjekk|gikk|gick|"
    r"kostet|kosta)\s"
)
# For its date, also a sentence opening with the definite noun for the municipality, programme
# or result the sentence before named ("... är Granåkras upphandling av skolmåltider 2023.
# Kommunen genomförde tre dialogmöten"); quoted, it says what it is about itself.
_DATED_BEFORE = re.compile(
    r"^(?:Kommunen|Kommunane|Kommunene|Kommunerna|Programmet|Prosjektet|Projektet|"
    r"Resultatet|Resultata|Resultatene|Resultaten|"
    r"The\s+(?:municipality|municipalities|programme|program|project|result|results))\s"
)


def _goes_on(sentence: str) -> bool:
    """Whether a sentence is dated by the one before it."""
    return bool(_CONTINUES.match(sentence) or _DATED_BEFORE.match(sentence))


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Where a sentence ends and the next begins with a capital ("per 1. januar 2024" goes on).
_NEXT_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅÄÖ«\"])")


# How many sentences back a run of sentences going on from each other is followed.
CONTINUED_RUN = 3


def continued_sentence(candidate: Candidate) -> str:
    """The sentence before a candidate that goes on from it ("Av dette ...", "Of these ...",
    "It had ..."), within its passage, back to the one that opens the run ("... Granåkras
    upphandling 2023. Kommunen genomförde ... Resultatet blev ..."); empty for a sentence that
    stands on its own."""
    if not _goes_on(candidate.text):
        return ""
    chunk = candidate.chunk
    before = chunk.text[: max(0, candidate.start - chunk.start)].rstrip()
    sentences = _SENTENCE_END.split(before) if before else []
    run: list[str] = []
    while sentences and len(run) < CONTINUED_RUN:
        run.insert(0, sentences.pop())
        if not _goes_on(run[0]):
            break
    return " ".join(run)


# How far back in its section a sentence's subject is looked for.
SECTION_BEFORE = 3000


def section_before(candidate: Candidate, text_of: Callable[[str], str] | None = None) -> str:
    """The text of a candidate's section before it: in its passage, and back to its heading
    in its document's text (`text_of`, by id) when the passage opens after it."""
    chunk = candidate.chunk
    passage = chunk.text[: max(0, candidate.start - chunk.start)]
    heading = chunk.section_path[-1] if chunk.section_path else ""
    if text_of is None or not heading or heading in passage:
        return passage.strip()
    text = text_of(chunk.doc_id)
    start = text.rfind(heading, max(0, candidate.start - SECTION_BEFORE), candidate.start)
    return text[start + len(heading) : candidate.start].strip() if start >= 0 else passage.strip()


def named_just_before(constraint: Constraint, candidate: Candidate) -> bool:
    """Whether the sentence before a candidate, in its paragraph, names the name while the
    candidate names no other: it goes on about it ("Mjøsli Handelslag SA was founded on 3
    May 2023. Shares cost NOK 1,000 each.")."""
    chunk = candidate.chunk
    line = chunk.text[: max(0, candidate.start - chunk.start)].rsplit("\n", 1)[-1].rstrip()
    if not line or name_constraints(candidate.text):
        return False
    return _name_met(constraint, fold(_SENTENCE_END.split(line)[-1]))


def named_over_its_box(constraint: Constraint, candidate: Candidate) -> bool:
    """Whether a labelled line (`is_field_line`: "Managing director: Eva Sjøberg") is one of
    a box of such lines whose first names the name ("Fact box: Mevika Business Garden")."""
    if not is_field_line(candidate.text):
        return False
    chunk = candidate.chunk
    above = [
        line.strip()
        for line in chunk.text[: max(0, candidate.start - chunk.start)].split("\n")
        if line.strip()
    ]
    title = ""
    for line in reversed(above):
        if not is_field_line(line):
            break
        title = line
    return bool(title) and _name_met(constraint, fold(title))


def _sentence_before(candidate: Candidate) -> str:
    """The sentence before a candidate in its passage; empty when it opens the passage."""
    chunk = candidate.chunk
    before = chunk.text[: max(0, candidate.start - chunk.start)].rstrip()
    return _SENTENCE_END.split(before)[-1] if before else ""


# A year named by pointing back to the one the sentence before gives ("By the end of the year
# the cooperative had 212 members", "ved utgangen av året", "samma år"); not the year after
# or before it.
_YEAR_POINTED_BACK = re.compile(
    r"(?i)\b(?:the|that|same|this)\s+year\b(?!\s+(?:before|after|earlier|later))|"
    r"(?:\b(?P<before>\w+)\s+)?\b(?:året|årets)\b(?!\s+(?:før|etter|efter|innan|etterpå))"
)
# "förra året", "neste året": another year than the one named before.
_OTHER_YEAR = frozenset(
    "förra forrige førre neste nästa næste kommande kommende komande foregående".split()
)


def year_pointed_back(candidate: Candidate) -> str:
    """The sentence before a candidate that names no year of its own but points back to
    one ("By the end of the year ..."), within its passage: the year it points to is there.
    Empty when the candidate gives a year or does not point back."""
    if _YEAR.search(candidate.text):
        return ""
    pointed = [
        m
        for m in _YEAR_POINTED_BACK.finditer(candidate.text)
        if (m.group("before") or "").casefold() not in _OTHER_YEAR
    ]
    return _sentence_before(candidate) if pointed else ""


# The period named before, pointed back to ("i perioden", "in that period", "under samma
# period"); not a document's own period ("i programperioden": `own_period`).
_PERIOD_POINTED_BACK = re.compile(
    r"(?i)\b(?:i|in|under|during|over|gjennom|igjennom|genom)\s+"
    r"(?:(?:the|that|this|same|samme|samma|denne|den|dette)\s+)?(?:perioden|period)\b"
)


def period_pointed_back(candidate: Candidate) -> str:
    """The sentence before a candidate that names no period of its own but points back to
    the one named before ("Forrige næringsplan gjaldt for 2020–2024. Evalueringen viser at
    næringsfondet i perioden bevilget ..."), within its passage. Empty otherwise."""
    if not _PERIOD_POINTED_BACK.search(candidate.text) or any(
        c.kind == "period" for c in time_constraints(candidate.text)
    ):
        return ""
    return _sentence_before(candidate)


def antecedent(candidate: Candidate) -> Candidate | None:
    """The sentence before a candidate that goes on from it, as a candidate of its own to
    quote before it ("The pilot supported 37 new business start-ups." before "Twenty-nine of
    them were still operating"): without it, "them" or "It had a budget of ..." says nothing
    of what it is about. Only within the candidate's paragraph; None when it stands alone or
    the sentence before is no claim (a heading)."""
    if not _CONTINUES.match(candidate.text):
        return None
    chunk = candidate.chunk
    before = chunk.text[: max(0, candidate.start - chunk.start)]
    paragraph = before.rsplit("\n", 1)[-1]
    stripped = paragraph.rstrip()
    if not stripped:
        return None
    ends = list(_SENTENCE_END.finditer(stripped))
    opening = ends[-1].end() if ends else len(paragraph) - len(paragraph.lstrip())
    text = stripped[opening:]
    if len(text.split()) < 3 or not_a_claim(text, chunk.section_path) is not None:
        return None
    start = chunk.start + len(before) - len(paragraph) + opening
    return replace(candidate, start=start, end=start + len(text), text=text, listed=False)


def list_lead_in(candidate: Candidate, text_of: Callable[[str], str] | None = None) -> str:
    """The sentence that opens the list a candidate is an item of, when it ends with a colon
    ("Table 3.1 shows the share of purchases that went to local suppliers:"): what each row
    of a table written as a list measures is said there, not in the row ("2022: 27 per cent").
    For a row of a table the loaders read as sentences ("Bjørkmo: Innbyggere 3 690; ..."),
    the caption over the table ("Tabell 2.1 viser folketall i 2024, ..."). Read in the
    candidate's passage; when the passage holds only items above it (a long table's later
    rows open a passage of their own), in its document's text from `text_of`, if given.
    Empty for a sentence that is neither."""
    chunk = candidate.chunk
    found = _lead_in(candidate.text, chunk.text[: max(0, candidate.start - chunk.start)])
    if found is None and text_of is not None:
        found = _lead_in(candidate.text, text_of(chunk.doc_id)[: max(0, candidate.start)])
    if not found and _TABLE_ROW.match(candidate.text):
        # A report may print its tables' captions under them ("Tabell 2. Nordsand kommune:
        # rettleiing og næringsfond per år 2020–2024.").
        after = chunk.text[max(0, candidate.end - chunk.start) :]
        below = _caption_below(after)
        if below is None and text_of is not None:
            below = _caption_below(text_of(chunk.doc_id)[candidate.end :])
        found = below
    return found or ""


def _caption_below(after: str) -> str | None:
    """The numbered caption right under the table a row is in, read in the text after the
    row: the first line after the table's other rows, when it opens as a caption and no
    table's row follows it (a caption over the next table heads that one); None when the
    text ends within the table."""
    lines = [line.strip() for line in after.split("\n")[1:]]
    for at, line in enumerate(lines):
        if not line or _TABLE_ROW.match(line):
            continue
        if not _NUMBERED_CAPTION.match(line):
            return ""
        following = next((rest for rest in lines[at + 1 :] if rest), "")
        return "" if _TABLE_ROW.match(following) else line
    return None


def _lead_in(sentence: str, before: str) -> str | None:
    """`list_lead_in` read in the text before the sentence; None when that text holds only
    items of the sentence's list or table (its opening stands further up)."""
    *above, line_start = before.split("\n")
    if _TABLE_ROW.match(sentence) and not line_start.strip():
        caption = _line_above(above, lambda line: bool(_TABLE_ROW.match(line)))
        if not caption:
            return None
        if _CAPTION_OPENS.match(caption):
            return caption.strip()  # "Table 1. Business development capacity ..., 2024"
        # A paragraph may introduce the table in any of its sentences ("... Tabell 2.2 viser
        # kor mykje kvart fond tildelte per år, i millionar kroner.", "Tabellen visar
        # programmets budget per år i tusentals kronor. Beloppen för 2026–2028 är ...").
        captions = [s for s in _NEXT_SENTENCE.split(caption.strip()) if _CAPTION_OPENS.match(s)]
        return captions[-1] if captions else ""
    if LIST_BULLET.match(line_start.lstrip()):
        opening = _line_above(above, lambda line: bool(LIST_BULLET.match(line.lstrip()))).rstrip()
        if not opening:
            return None
        return _SENTENCE_END.split(opening)[-1] if opening.endswith(":") else ""
    return ""


def _line_above(lines: Sequence[str], is_item: Callable[[str], bool]) -> str:
    """The nearest of the lines (read upwards) that is neither blank nor another item."""
    return next((line for line in reversed(lines) if line.strip() and not is_item(line)), "")


# A table's row as the loaders write it ("Kvernås: Innbyggere 7 860; Prosjekter 33."), and the
# caption that may stand over the table ("Tabell 2.1 viser folketall i 2024, ...").
_TABLE_ROW = re.compile(r"^[^:\n]{1,60}: [^;\n]+(?:; [^;\n]+)+\.$")
# A cell of a row whose columns are years: "2023 15", "2024–2025 1 710".
_YEAR_CELL = re.compile(r"^(?:19|20)\d\d(?:\s*[–-]\s*(?:19|20)?\d\d)?\s+[\d  .,]+$")


def _label_of_yearly_row(sentence: str) -> str:
    """The label of a table's row whose columns are years, which names what its figures
    count ("Companies in the incubator: 2022 12; 2023 15; 2024 19."); empty for another
    sentence."""
    if not _TABLE_ROW.match(sentence):
        return ""
    label, _, cells = sentence.rstrip(".").partition(": ")
    if all(_YEAR_CELL.match(cell.strip()) for cell in cells.split("; ")):
        return label
    return ""


_NUMBERED_CAPTION = re.compile(r"(?i)^\s*(?:tabell|table|tab\.)\s*\d")
_CAPTION_OPENS = re.compile(
    r"(?i)^\s*(?:(?:tabell|table|tab\.)\s*\d|(?:tabellen|tabellene|tabellane|tabellerna|"
    r"(?:the|this)\s+table)\s+(?:viser|syner|visar|shows|gives|gir|gjev|ger|lists)\b)"
)


@dataclass(frozen=True)
class FigureAsked:
    """What a question asking for an amount, count or share asks of a sentence answering it."""

    given: frozenset[tuple[str, ...]]  # the figures the question names itself
    measure: Measure | None  # money, a share or a count; None when it does not say
    terms: frozenset[str]  # stems of what it is about
    things: frozenset[str]  # the `MEASURED_THINGS` it measures (for a count: counts)
    counted: frozenset[str]  # stems of what a count counts ("kvinner")
    each: bool  # for each one of several ("hver kommune"), not for all of them
    language: str = "nb"  # the question's
    aim: Aim | None = None  # a target set, or what was reached
    new: bool = False  # a count of new things ("nye arbeidsplasser"), not of all there are
    glossary: frozenset[str] = frozenset()  # the literature's terms it names ("co-creation")
    each_of: frozenset[str] = frozenset()  # what it asks the figure for each of ("municipalities")
    also: Measure | None = None  # a second measure a two-part question asks for

    @classmethod
    def of(cls, question: str, language: str, terms: set[str]) -> FigureAsked | None:
        """What the question asks of its figure; None when it asks for none."""
        named = name_constraints(question)
        organisations = [c.text for c in named if c.kind == "organisation"]
        accounts = asks_for_accounts(question, organisations)
        aim = asked_aim(question)
        # "What job target did the programme set?" asks for a figure without saying how many.
        target = aim == "target" and bool(
            things_named(folded_words(fold(question)), compounds=language != "en")
        )
        if not accounts and not target and not _asks_in_words(question):
            return None
        measure = asked_measure(question) or ("money" if accounts else None)
        # "What does it cost, and how is the bill split?": a sentence giving either answers.
        also: Measure | None = None
        if measure == "share" and asks_two_things(question) and asks_for_money(question):
            also = "money"
        # "How many of the firms were still in business?" is answered by their share too; that
        # they were new is what the group is, not what is counted.
        of_a_group = measure == "count" and counts_some_of_a_group(question)
        if of_a_group:
            also = "share"
        # Two questions asking for two measures ("How many projects, and how much did it
        # pay?"): a sentence giving either figure answers.
        both = measures_of_two_questions(question) if also is None else None
        if both is not None:
            measure, also = both
        # "How many firms were registered, and what was the target?": the result answers as
        # well as the target.
        if aim is not None and not all(asked_aim(part) for part in questions_of(question)):
            aim = None
        names = {word for c in named for word in folded_words(fold(c.text))}
        # Whose figure it is ("Tjørnås veiledningssamtaler 2023") is no topic of the figure.
        terms = terms - {t for c in asked_names(question) for t in topic_terms(c.text)}
        # For a count, the things it counts ("how many new jobs"), not those it counts in.
        about = counted_asked(question) if measure == "count" else question
        # Where money someone got came from says whose grant it was, not what was granted:
        # "Fjellmat AS fekk 150 000 kroner" answers how much it got from the fund.
        source = money_source(question)
        if source:
            about = about.replace(source, " ")
            terms = terms - topic_terms(source)
        asked = [word for word in folded_words(fold(about)) if word not in names]
        return cls(
            given=frozenset(c.key for c in number_constraints(question)),
            measure=measure,
            # Every passage of the literature speaks of the municipality: no topic of a figure.
            terms=frozenset(terms - _EVERYWHERE),
            # Municipalities are counted; in an amount or a share they only say whose it is.
            things=frozenset(things_named(asked, compounds=language != "en"))
            - (frozenset() if measure == "count" else frozenset({"municipalities"})),
            counted=frozenset(topic_terms(counted_asked(question)) if measure == "count" else ()),
            each=asks_per_unit(question, language),
            language=language,
            aim=aim,
            new=measure == "count" and not of_a_group and counts_new(question),
            glossary=glossary_terms(fold(about), compounds=language != "en"),
            each_of=per_unit_things(question, language != "en", language),
            also=also,
        )

    def _counts(self, figure: Figure, counted: frozenset[str], compounds: bool) -> bool:
        """Whether a count counts what the question counts, named beside it; not when the
        word right after it names another thing ("126 nya arbetstillfällen" counts no
        projects, though "projekten" stands before it)."""
        noun = counted_noun(figure)
        # "som ägs av 140 invånare": who owns is counted, whatever they are called.
        lead = things_named(folded_words(fold(" ".join(figure.lead[-3:]))), compounds)
        if (
            noun
            and self.things
            and not (counted and shares_topic(set(counted), noun))
            and not self.things & lead & set(WHOLE_WORDS)
        ):
            named = things_named(folded_words(fold(noun)), compounds)
            if named and not self.things & named:
                return False
        beside = " ".join(word.strip(".,;:!?()«»\"'") for word in figure.beside)
        return self._names_counted(beside, counted, compounds)

    def _names_counted(self, text: str, counted: frozenset[str], compounds: bool) -> bool:
        """Whether a text names what the question counts, in its words or as a thing."""
        if counted and shares_topic(set(counted), text):
            return True
        return bool(self.things & things_named(folded_words(fold(text)), compounds))

    def answered_by(
        self,
        sentence: str,
        headings: str,
        language: str,
        comparable: bool,
        caption: str = "",
        before: str = "",
        section: str = "",
    ) -> bool:
        """Whether a sentence (under its headings, in `language`) gives the figure asked for:
        one of the measure asked, for each one when asked so, naming what the question
        measures: one of its topic terms where words can be compared (`comparable`), else
        one of the things it measures. A count names what the question counts beside it:
        "203 deltakere" counts no women, "to møter" no associations. A table's row is read
        with the `caption` over its table, which may say the unit of its figures. A count
        of some of what the sentence `before` counted ("Twenty-nine of them ...") counts what
        that sentence names. Across languages, what the figure is of may be named earlier in
        its `section` ("the same first-line service. ... The service will give advice ... The
        annual cost is NOK 2.1 million")."""
        if self.each and not gives_per_unit(sentence, language):
            return False  # the total for all of them is no figure for each one
        if self.each_of:
            given = per_unit_things(sentence, language != "en", language)
            if given and not given & self.each_of:
                return False  # a cost per job is no grant per municipality
        if self.measure == "duration":
            # Weeks or days, or the span between two dates ("frå august 2022 til mai 2023"),
            # about what was asked where the words can be compared.
            if not gives_measure(sentence, "duration"):
                return False
            return (
                not comparable
                or not self.terms
                or shares_topic(set(self.terms), f"{sentence}\n{headings}")
            )
        if not holds_figure(sentence, set(self.given)):
            return False
        caption = caption if _TABLE_ROW.match(sentence) else ""
        if not any(
            gives_measure(sentence, measure, caption)
            for measure in (self.measure, self.also)
            if measure is not None or self.measure is None
        ):
            return False
        if self.aim is not None and not gives_aim(sentence, self.aim):
            return False  # a plan's target is no result, nor a result the target asked for
        partitive = [f for f in counts(sentence) if counts_of_the_previous(f)] if before else []
        if self.new and not names_new(f"{before}\n{sentence}" if partitive else sentence):
            return False  # the 620 people a trade employs are no count of new jobs
        compounds = language != "en"
        # Across languages the literature's own terms still tell what a figure is of: the
        # co-creation projects' share of a fund is not its largest grant.
        if (
            not comparable
            and self.glossary
            and not self.glossary
            & glossary_terms(fold(f"{section}\n{sentence}\n{headings}"), compounds)
        ):
            return False
        counted = self.counted if comparable else frozenset()
        # A share of the group a count asks about ("58 prosent av foretakene") counts nothing,
        # nor does the other figure a question asks besides a count (the amount granted).
        by_the_other = self.also is not None and gives_measure(sentence, self.also, caption)
        if self.measure == "count" and (counted or self.things) and not by_the_other:
            if partitive:  # "of them": what the count before it counted
                return any(self._counts(figure, counted, compounds) for figure in counts(before))
            label = _label_of_yearly_row(sentence)
            if label and self._names_counted(label, counted, compounds):
                return True  # "Companies in the incubator: 2022 12; 2023 15; 2024 19."
            return any(self._counts(figure, counted, compounds) for figure in counts(sentence))
        named = f"{sentence}\n{headings}"
        if comparable and self.terms:
            if shares_topic(set(self.terms), named):
                return True
            if language == self.language:
                return False
            # Bokmål and nynorsk spell many words apart ("tilskudd", "tilskot"): what is
            # measured may be named in the other standard's word, the kind of money too.
            named_things = things_named(folded_words(fold(named)), compounds)
            money = self.things & MONEY_THINGS
            return bool((money or self.things) & named_things)
        return not self.things or bool(
            self.things & things_named(folded_words(fold(named)), compounds)
        )
