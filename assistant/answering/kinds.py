"""What kind of question was asked, read by rules in bokmål, nynorsk, English and Swedish.

The kind decides what an extractive answer looks for: the members of a list, each side of a
comparison, the sentences that recommend, the sentence holding a number or date, the works a
passage cites. Rules over question words and verbs, not a model, so they run offline and can be
read; the first rule that matches wins, in the order of `_RULES`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

from assistant.retrieval.text import content_words

# Words that name no topic of their own: a question made only of them ("Gi et eksempel fra
# notatet.", "Which sources?", "What does the paper recommend?") asks about an earlier turn's
# topic or about the document as a whole. What is asked for is carried into later turns
# ("synonyms"); the rest (verbs of asking, the document itself) is not.
ASKED_FOR = frozenset(
    """
    eksempel eksempler døme dømer exempel exempla example examples instance
    kilde kilder kjelde kjelder källa källor source sources reference references referanser
    synonym synonymer synonyms ord words omgrep begrep term terms
    """.split()
)
META = frozenset(
    """
    notat notatet paper rapport rapporten report dokument dokumentet document text teksten
    arbeidsnotat arbeidsnotatet arbetsnotat arbetsnotatet
    forfatter forfatterne forfattarane författare författarna authors author
    gi gje ge give fortell fortel berätta tell forklar forklare förklara explain nevn name
    mer meir more flere fleire fler cite cites siterer viser visar henviser
    mean means betyr tyder betyder lenge long länge
    anbefaler anbefale anbefaling anbefalinger tilrår tilrå tilrådingar rår recommend
    recommends recommendation recommendations rekommenderar rekommendationer foreslår
    føreslår föreslår suggest suggests propose proposes advise advice råd
    konkluderer konkluderar conclude concludes konklusjon konklusjonen conclusion slutsats
    discuss discusses diskuterer drøfter drøftar diskuterar say says sier seier säger write
    writes skriver skriv ifølge ifølgje enligt according jeg eg jag du you we vi me
    """.split()
)
GENERIC = ASKED_FOR | META


def names_a_topic(question: str) -> bool:
    """True when a question names something to search for beyond what it asks of it."""
    return any(word not in GENERIC for word in content_words(question))


QuestionKind = Literal[
    "source",
    "recommendation",
    "comparison",
    "example",
    "number",
    "list",
    "yes_no",
    "definition",
    "other",
]


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")", re.IGNORECASE)


_RULES: tuple[tuple[QuestionKind, re.Pattern[str]], ...] = (
    (
        "source",
        _words(
            r"kild\w*",
            r"kjeld\w*",
            r"käll\w*",
            r"sources?\b",
            r"referan\w*",
            r"referen\w*",
            r"cit(?:e|es|ed|ing)\b",
            r"siter\w*",
            r"citer\w*",
            r"viser\s+\w*\s*til",
            r"henvis\w*",
            r"hänvis\w*",
            r"refererer",
            r"nettside",
            r"webbplats",
            r"website",
            r"web\s+page",
            r"lese\s+mer",
            r"lesa\s+meir",
            r"lese\s+meir",
            r"läsa\s+mer",
            r"read\s+more",
            r"which\s+works",
            r"hvilke\s+verk",
            r"kva\s+for\s+verk",
            r"vilka\s+verk",
            r"in\s+the\s+library",
            r"i\s+biblioteket",
            r"indexed",
            r"indeksert",
            r"indexerad",
        ),
    ),
    (
        "recommendation",
        _words(
            r"anbefal\w*",
            r"tilrå\w*",
            r"rekommend\w*",
            r"recommend\w*",
            r"advi[cs]e\w*",
            r"råd\b",
            r"råder",
            r"foreslå\w*",
            r"føreslå\w*",
            r"föreslå\w*",
            r"forslag\w*",
            r"förslag\w*",
            r"propos\w*",
            r"suggest\w*",
            r"hva\s+bør",
            r"kva\s+bør",
            r"vad\s+bör",
            r"what\s+should",
            r"hva\s+må",
            r"kva\s+må",
            r"vad\s+måste",
            r"what\s+must",
            r"rår\b",
        ),
    ),
    (
        "comparison",
        _words(
            r"forskjell\w*",
            r"skilnad\w*",
            r"skillnad\w*",
            r"skil(?:ler|jer)?\b",
            r"differen\w*",
            r"differ\b",
            r"sammenlign\w*",
            r"samanlikn\w*",
            r"jämför\w*",
            r"compar\w*",
            r"versus\b",
            r"vs\.?",
            r"kontra\b",
            r"contrast\w*",
            r"i motsetning til",
        ),
    ),
    (
        "example",
        _words(r"eksempel\w*", r"døme\w*", r"exempel\w*", r"examples?\b", r"for instance"),
    ),
    (
        "number",
        _words(
            r"hvor\s+mange",
            r"kor\s+mange",
            r"hur\s+många",
            r"how\s+many",
            r"hvor\s+mye",
            r"kor\s+mykje",
            r"hur\s+mycket",
            r"how\s+much",
            r"hvor\s+lenge",
            r"kor\s+lenge",
            r"hur\s+länge",
            r"how\s+long",
            r"når\b",
            r"när\b",
            r"when\b",
            r"hvilket\s+år",
            r"kva\s+år",
            r"vilket\s+år",
            r"which\s+year",
            r"what\s+year",
            r"hvilken\s+dato",
            r"what\s+date",
            r"beløp",
            r"prosent",
            r"percent",
            r"antall",
            r"talet\s+på",
            r"antal\b",
            r"number\s+of",
        ),
    ),
    (
        "list",
        _words(
            r"hvilke\b",
            r"kva\s+for\s+(?:nokre\s+|nokon\s+)?\w+(?:ar|er|ane|ene|ingar)\b",
            r"vilka\b",
            r"which\s+\w+s\b",
            r"what\s+are\s+the",
            r"nevn\w*",
            r"nemn\w*",
            r"ramse\s+opp",
            r"list\w*\s+(?:opp|up)?",
            r"name\s+the",
            r"räkna\s+upp",
            r"(?:to|two|två|tre|three|fire|fyra|four|fem|five|seks|sex|six)\s+\w+(?:er|ar|s|or)\b",
        ),
    ),
    (
        "yes_no",
        re.compile(
            r"^\s*(?:er|kan|har|skal|bør|vil|finnes|finst|gjør|gjer|is|are|does|do|did|can|"
            r"has|have|should|will|was|were|är|finns|ska|bör|måste|får)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "definition",
        _words(
            r"hva\s+er",
            r"hva\s+betyr",
            r"hva\s+menes",
            r"hva\s+innebærer",
            r"kva\s+er",
            r"kva\s+tyder",
            r"kva\s+meiner",
            r"kva\s+inneber",
            r"vad\s+är",
            r"vad\s+betyder",
            r"vad\s+menas",
            r"vad\s+innebär",
            r"what\s+is",
            r"what\s+does\s+.+\s+mean",
            r"defin\w*",
            r"what\s+are",
        ),
    ),
)

_NUMBER_WORDS = {
    "to": 2, "two": 2, "två": 2, "tre": 3, "three": 3, "fire": 4, "fyra": 4, "four": 4,
    "fem": 5, "five": 5, "seks": 6, "sex": 6, "six": 6,
}  # fmt: skip
# A count names what it counts ("tre roller", "two drivers"), not a short word ("point to for").
_COUNT = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r"|\d)\s+(\w{4,})", re.IGNORECASE)


def _count_of(match: re.Match[str]) -> int:
    """The number a `_COUNT` match gives, in digits or in words."""
    word = match.group(1).casefold()
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def counts_named(text: str) -> set[int]:
    """The counts a text gives of what it names ("Tre aspekter er viktig": 3)."""
    return {_count_of(match) for match in _COUNT.finditer(text)}


# The noun a list question asks for: "Hvilke (tre) roller", "Kva for utfordringar", "Which roles".
_MEMBERS = re.compile(
    r"\b(?:hvilke|vilka|which|what|kva\s+for(?:\s+nokre)?)\s+(?:(?:"
    + "|".join(_NUMBER_WORDS)
    + r"|\d)\s+)?(?P<noun>\w+)",
    re.IGNORECASE,
)
MEMBER_WORDS = 3  # the noun a list question asks for is among its next words ("svenska kommuner")
_BETWEEN = re.compile(
    r"\b(?:mellom|mellan|between|på)\s+(?P<a>.+?)\s+(?:og|och|and)\s+(?P<b>.+?)\s*[?.!]*$",
    re.IGNORECASE,
)
_FROM = re.compile(
    r"\bskil(?:ler|jer)?\s+(?P<a>.+?)\s+(?:fra|frå|från|from)\s+(?P<b>.+?)\s*[?.!]*$",
    re.IGNORECASE,
)
_VERSUS = re.compile(
    r"(?P<a>[\w-]+)\s+(?:versus|vs\.?|kontra|compared\s+(?:with|to)|sammenlignet\s+med|"
    r"samanlikna\s+med|jämfört\s+med)\s+(?P<b>[\w-]+)",
    re.IGNORECASE,
)
_FILLER = frozenset(
    "kommunen kommunane kommunerna the a an en ei et eit ett som as å to att det den "
    "rollen rolla rolle role".split()
)


@dataclass(frozen=True)
class QuestionShape:
    """A question's kind, with what the kind needs: how many members, which sides."""

    kind: QuestionKind
    count: int | None = None
    sides: tuple[str, ...] = field(default_factory=tuple)
    members: tuple[str, ...] = ()  # what a list lists: "roller" in "Hvilke tre roller har ..."
    topic: tuple[str, ...] = ()  # the words naming what is asked about ("samfunnsentreprenørskap")
    asks_who: bool = False  # asks for a person or body: "Hvem ledet forhandlingene?"


def _side(phrase: str) -> str:
    words = [w for w in re.findall(r"[\w-]+", phrase) if w.casefold() not in _FILLER]
    return words[-1] if words else phrase.strip()


def compared_sides(question: str) -> tuple[str, ...]:
    """The things a comparison sets against each other ("forhandler", "innovatør")."""
    match = _VERSUS.search(question) or _FROM.search(question) or _BETWEEN.search(question)
    if match is None:
        return ()
    sides = tuple(_side(match.group(group)) for group in ("a", "b"))
    return sides if all(sides) and sides[0].casefold() != sides[1].casefold() else ()


# The words asking for a person or a body.
_WHO = re.compile(r"(?i)\b(?:who|whom|whose|hvem|kven|vem)\b")


def question_shape(question: str) -> QuestionShape:
    """The kind of a question, for lists and comparisons what to look for, and whether it
    asks who."""
    return replace(_shape(question), asks_who=_WHO.search(question) is not None)


def _shape(question: str) -> QuestionShape:
    kind: QuestionKind = next(
        (kind for kind, pattern in _RULES if pattern.search(question)), "other"
    )
    count_match = _COUNT.search(question)
    count = _count_of(count_match) if count_match is not None else None
    topic = tuple(word for word in content_words(question) if word not in GENERIC)
    if kind == "comparison":
        sides = compared_sides(question)
        if not sides:
            return QuestionShape("definition", topic=topic)
        return QuestionShape(kind, count, sides, topic=topic)
    if kind != "list":
        return QuestionShape(kind, topic=topic)
    named = _MEMBERS.search(question)
    # Or the noun a count names: "Kva tre sider ved samstyring ...", "nemner tre aspekt".
    after = (
        question[named.start("noun") :]
        if named
        else question[count_match.start(2) :]
        if count_match is not None
        else ""
    )
    members = tuple(w for w in re.findall(r"\w+", after)[:MEMBER_WORDS] if len(w) >= 4)
    return QuestionShape(kind, count, members=members, topic=topic)
