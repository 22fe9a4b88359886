"""Turning a follow-up into a standalone question, offline, from the earlier turns.

Rules, not a model: a question that points back ("den tredje rollen", "the negotiator",
"kva seier dei om det?") or that names too little to search on gets the topic of the previous
question attached; an ordinal ("the third", "den tredje") is resolved against the last
enumeration ("forhandler, innovatør og brobygger") in the conversation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from assistant.answering.constraints import find_constraints, name_constraints, name_key
from assistant.answering.kinds import GENERIC, META
from assistant.domain import Message
from assistant.errors import InvalidRequestError
from assistant.retrieval.text import content_words, fold
from assistant.settings import APISettings

ORDINALS: dict[str, int] = {
    "første": 1, "fyrste": 1, "first": 1, "första": 1, "förste": 1,
    "andre": 2, "second": 2, "andra": 2,
    "tredje": 3, "third": 3,
    "fjerde": 4, "fourth": 4, "fjärde": 4,
    "femte": 5, "fifth": 5,
    "siste": -1, "last": -1, "sista": -1,
}  # fmt: skip
_REFERRING = frozenset(
    """
    den det de dei dem denne dette disse desse deira deres deras hans hennes dens dets
    it its they them their this that these those he she
    han hun ho
    """.split()
)
_CONTINUATION = re.compile(
    r"^\s*(and|what about|how about|og|men|hva med|kva med|hvordan med|korleis med|"
    r"och|men|vad med|hur är det med|samme|same|also|også|òg|óg)\b",
    re.IGNORECASE,
)
_ENUMERATION = re.compile(
    r"(?P<items>[\w\-æøåäöÆØÅÄÖ]+(?:\s*,\s*[\w\-æøåäöÆØÅÄÖ]+)+\s*,?\s+(?:og|and|och)\s+"
    r"[\w\-æøåäöÆØÅÄÖ]+)"
)
_ORDINAL_PHRASE = re.compile(
    r"\b(?:den|det|the|de|dei|denne)?\s*(?P<ordinal>" + "|".join(ORDINALS) + r")\s+\w+",
    re.IGNORECASE,
)
MIN_CONTENT_WORDS = 3
# A question naming no more topic words than this, and no name or figure, may lean on the
# previous turn though it reads as a question of its own.
MAX_LEANING_TOPIC_WORDS = 2
# A time named by pointing back ("that year", "det året", "samma period"): the question says
# what it asks, but not when.
_TIME_POINTED = re.compile(
    r"(?i)\b(?:that|the\s+same|same)\s+(?:year|period)\b|"
    r"\b(?:det|samme|same|samma)\s+(?:året|år|åre|perioden|periode)\b"
)


def last_enumeration(texts: Sequence[str]) -> list[str]:
    """Items of the latest 'a, b og c' list in the texts (latest text first)."""
    for text in reversed(texts):
        matches = list(_ENUMERATION.finditer(text))
        if matches:
            items = re.split(r"\s*,\s*|\s+(?:og|and|och)\s+", matches[-1].group("items"))
            return [item.strip() for item in items if item.strip()]
    return []


def resolve_ordinal(question: str, history_texts: Sequence[str]) -> str:
    """Replace 'the third role' with the third item of the last enumeration, when there is one."""
    match = _ORDINAL_PHRASE.search(question)
    if match is None:
        return question
    items = last_enumeration(history_texts)
    position = ORDINALS[match.group("ordinal").lower()]
    if not items or position > len(items):
        return question
    item = items[position - 1] if position > 0 else items[-1]
    return question[: match.start()] + item + question[match.end() :]


_POINTING = frozenset(
    """
    den det denne dette disse desse dessa detta dem dei de them it that this these those
    """.split()
)
# A pointer before a verb of being, having or becoming, or before a verb of going or coming,
# is a pronoun ("hur mycket av det kom från fonden"), not a determiner.
_VERB_AFTER = (
    "er|var|ble|blei|vart|blir|har|hadde|skal|kom|kommer|gikk|gjekk|går|gjekk|kostet|kosta|"
    "är|blev|blivit|hade|ska|gick|kostade|is|was|were|be|been|has|had|will|went|came|cost"
)
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:og|and|och|av|of|i|in|på|on|om|about|for|för|til|to|till|med|with|"
    + _VERB_AFTER
    + r")\b)\w{3,}"
)
# A pointer that is the object of a preposition ("av det", "of it", "om dem") points back to
# something said before, however much else the question says.
_PREPOSITION = re.compile(
    r"(?i)\b(?:av|om|med|til|till|for|för|fra|frå|från|of|about|with|from|on|på)\s+$"
)
_OWN_TOPIC_WORDS = 6  # a follow-up carries at most this many words of earlier topics
_TOPIC_WORD = re.compile(r"[\w\-]+(?:['’]s\b)?")  # a genitive stays with its name


@dataclass(frozen=True)
class Rewrite:
    """A question made standalone, and what it took from the conversation."""

    question: str = field(metadata={"doc": "The standalone question, for retrieval."})
    follow_up: bool = False
    topic: str = ""
    previous: str | None = None
    leaning: str | None = field(
        default=None,
        metadata={"doc": "For a question that may lean on the previous turn: that reading."},
    )


def topic_words(question: str) -> list[str]:
    """The words of a question that name its topic, as written (no question or filler words)."""
    topical = {w for w in content_words(question) if w not in GENERIC}
    return [w for w in _TOPIC_WORD.findall(question) if fold(w) in topical]


# Words joining two names ("Stene og Mørkved"): kept between them, so that the names carried
# on are not read as one ("Stene Mørkved").
_JOINING = frozenset({"og", "och", "and", "&", "eller", "or"})


def carried_words(question: str) -> list[str]:
    """The words a later follow-up inherits: the topic and what was asked of it ("synonyms")."""
    carried = {w for w in content_words(question) if w not in META}
    words = _TOPIC_WORD.findall(question)
    kept: list[str] = []
    for index, word in enumerate(words):
        if fold(word) in carried or (
            word.casefold() in _JOINING
            and 0 < index < len(words) - 1
            and words[index - 1][:1].isupper()
            and words[index + 1][:1].isupper()
            and kept[-1:] == [words[index - 1]]
        ):
            kept.append(word)
    return kept


def is_follow_up(question: str) -> bool:
    """True when a question leans on earlier turns to be understood."""
    words = re.findall(r"\w+", question.lower())
    if _CONTINUATION.match(question) or _ORDINAL_PHRASE.search(question):
        return True
    if _TIME_POINTED.search(question):
        return True
    topical = topic_words(question)
    if any(w in _REFERRING for w in words) and len(content_words(question)) < MIN_CONTENT_WORDS:
        return True
    if _object_pointer(question):
        return True
    return not topical


def _object_pointer(question: str) -> bool:
    """Whether a pointer stands alone after a preposition ("hur mycket av det kom från
    näringsfonden?", "what share of it went to"), not before a noun it determines ("av
    det nye bygget")."""
    return any(
        m.group().casefold() in _POINTING
        and not _NOUN_AFTER.match(question, m.end())
        and _PREPOSITION.search(question, 0, m.start())
        for m in re.finditer(r"\b\w+\b", question)
    )


def _merge_topics(own: Sequence[str], inherited: str) -> str:
    seen: set[str] = set()
    merged: list[str] = []
    for word in [*own, *_TOPIC_WORD.findall(inherited)]:
        if word.casefold() not in seen:
            seen.add(word.casefold())
            merged.append(word)
    return " ".join(merged[:_OWN_TOPIC_WORDS])


def _replace_last_pointer(question: str, topic: str) -> str | None:
    # A pointer followed by a noun is a determiner ("den utbildningen", "those municipalities"):
    # the noun stays, and the topic is added instead.
    matches = [
        m
        for m in re.finditer(r"\b\w+\b", question)
        if m.group().casefold() in _POINTING and not _NOUN_AFTER.match(question, m.end())
    ]
    if not matches:
        return None
    last = matches[-1]
    return question[: last.start()] + topic + question[last.end() :]


def may_lean(question: str) -> bool:
    """True when a question that names a topic of its own is short and names nothing in
    particular (no name as `name_constraints` reads names, no figure), so it may still lean
    on earlier turns: "Når ble avtalen godkjent?" asks about the agreement of the previous
    answer."""
    if re.search(r"\d", question) or name_constraints(question):
        return False
    return len(topic_words(question)) <= MAX_LEANING_TOPIC_WORDS


def standalone(question: str, history: Sequence[Message]) -> Rewrite:
    """The question made standalone from the conversation, saying what it leans on.

    A follow-up gets the previous turn's topic: a pronoun that points back ("det", "it",
    "that", "dem") is replaced by it, an ellipsis ("Gi et eksempel fra notatet.") gets it
    added in brackets; so does a question naming no place, organisation or person after a
    turn that named one. Topics are words, never earlier questions, so rewrites do not nest
    however deep the conversation goes. A short question that only may lean on the previous
    turn (`may_lean`) stays as asked, with the topic-added form as its `leaning`.
    """
    user_turns = [i for i, m in enumerate(history) if m.role == "user"]
    if not user_turns:
        return Rewrite(question, topic=" ".join(carried_words(question)))
    last = user_turns[-1]
    # The previous turn made standalone once: each turn's rewrite reads only the one before.
    previous = standalone(history[last].content, history[:last])
    if not is_follow_up(question):
        own = Rewrite(question, topic=" ".join(carried_words(question)))
        if _names_nothing_after_a_name(question, previous):
            return _with_previous_topic(question, history, previous)
        if not may_lean(question):
            return own
        leaning = _with_previous_topic(question, history, previous)
        return replace(own, leaning=leaning.question) if leaning.question != question else own
    return _with_previous_topic(question, history, previous)


def _names_nothing_after_a_name(question: str, previous: Rewrite) -> bool:
    """Whether a question names no place, organisation or person while the `previous` turn
    did: among many documents, a question about "the three municipalities" or "the
    programme" after one about Næringsbrua Ramnefjorden is about Ramnefjorden still."""
    return not name_constraints(question) and bool(name_constraints(previous.question))


_YEAR = re.compile(r"^(?:19|20)\d\d(?:[–-](?:19|20)?\d\d)?$")


def _not_replaced(words: Sequence[str], question: str, previous: Rewrite) -> list[str]:
    """The previous turn's topic words without those the follow-up replaces: its years when
    it names a year ("Og i 2019?"), its places of one word when it names a place ("Och i
    Granvik?"); a word of a name of several words (a programme, a company) stays."""
    own = find_constraints(question)
    own_year = any(c.is_time for c in own)
    own_names = [c for c in own if c.is_name]
    previous_names = {c.key[0] for c in name_constraints(previous.question)}
    kept = []
    for word in words:
        if own_year and _YEAR.match(word):
            continue
        if own_names and name_key(word) in previous_names:
            continue
        kept.append(word)
    return kept


def _with_previous_topic(question: str, history: Sequence[Message], previous: Rewrite) -> Rewrite:
    """The question with the topic of the `previous` user turn attached (see `standalone`)."""
    texts = [m.content for m in history]
    resolved = resolve_ordinal(question, texts)
    inherited = previous.topic or " ".join(carried_words(previous.question))
    inherited = " ".join(_not_replaced(_TOPIC_WORD.findall(inherited), question, previous))
    own = carried_words(resolved)
    topic = _merge_topics(own, inherited)
    if not inherited:
        return Rewrite(resolved, True, topic, previous.question)
    extra = _merge_topics([], inherited)
    if resolved != question:  # an ordinal already named the thing
        text = f"{resolved.strip()} ({extra})"
    else:
        replaced = None if _CONTINUATION.match(question) else _replace_last_pointer(question, extra)
        text = replaced if replaced is not None else f"{question.strip()} ({extra})"
    return Rewrite(text, True, topic, previous.question)


def rewrite(question: str, history: Sequence[Message]) -> str:
    """A standalone form of the last question, using the history when it is a follow-up."""
    return standalone(question, history).question


def check_conversation(messages: Sequence[Message], limits: APISettings) -> None:
    """Raise `InvalidRequestError` unless a conversation is within the service's limits."""
    if not messages or messages[-1].role != "user":
        raise InvalidRequestError(
            "the conversation must end with a user message: add the question as the last "
            "message with role 'user'"
        )
    if len(messages) > limits.max_history_turns:
        raise InvalidRequestError(
            f"the conversation has {len(messages)} messages; the limit is "
            f"{limits.max_history_turns} (api.max_history_turns): send only the latest turns"
        )
    for number, message in enumerate(messages[:-1], start=1):
        if message.role == "user" and len(message.content) > limits.max_question_chars:
            raise InvalidRequestError(
                f"message {number} is a question of {len(message.content)} characters; the "
                f"limit is {limits.max_question_chars} (api.max_question_chars)"
            )
    total = sum(len(m.content) for m in messages)
    if total > limits.max_history_chars:
        raise InvalidRequestError(
            f"the conversation has {total} characters; the limit is {limits.max_history_chars} "
            "(api.max_history_chars): send only the latest turns, or shorten them"
        )


def bounded_standalone(question: str, history: Sequence[Message], limits: APISettings) -> Rewrite:
    """`standalone` reading at most the latest `max_rewrite_chars` of each earlier message,
    cut to `max_query_chars`: what a follow-up costs to embed stays bounded."""
    cut = limits.max_rewrite_chars
    recent = [m.model_copy(update={"content": m.content[-cut:]}) for m in history]
    rewritten = standalone(question, recent)
    most = limits.max_query_chars
    leaning = rewritten.leaning[:most] if rewritten.leaning else None
    return replace(rewritten, question=rewritten.question[:most], leaning=leaning)
