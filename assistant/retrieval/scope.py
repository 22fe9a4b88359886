"""Which documents a question names, and what it asks of them: a pure function.

In a library, users name the document they mean: "the evaluation of the Helgeland programme",
"Vikfjords näringsplan", "what did Storlia decide". Embedded whole, such a question is closest to
the passages *about* that document (its summary, foreword, introduction), since those repeat
its name, and the passage holding the answer ("Programmet har støttet 112 prosjekter") ranks
low. `scope_of` finds the documents whose title, authors or publisher carry a name the
question uses, and the question without those names, so that retrieval can rank the named
documents' passages by what the question asks of them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from assistant.answering.constraints import asked_names, fold
from assistant.domain import CatalogueEntry
from assistant.retrieval.kinds import ANY_DOCUMENT, DOCUMENT_KINDS, is_kind_word, names_a_kind
from indexing.cleaning import field_of

MIN_STEM = 4  # shorter names match too much by prefix
# Words of titles that name a kind of body or document, not one: never a document's name.
_GENERIC_TITLE_WORDS = frozenset(
    """
    kommune kommunen kommunes kommun kommunens fylkeskommune region regionen universitet
    university evaluering evaluation utvardering rapport report notat note plan planen
    strategi strategin strategy programme program programmet municipal municipality
    """.split()
)
_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class Scope:
    """The documents a question names, and the question without their names."""

    doc_ids: tuple[str, ...]
    query: str


def document_names(entry: CatalogueEntry, cover: Sequence[str] = ()) -> set[str]:
    """Folded capitalised words of a document's title, authors and publisher, and of the
    lines of its `cover` (`cover_lines`): a policy brief signed "Åsvang Regional Council"
    on its cover is named by "Åsvang" where its catalogue entry names no publisher."""
    names: set[str] = set()
    # Of the fields on a cover, where it was held and who issued it name the document; who
    # attended or led the meeting ("Fasilitator: Ingrid Berntsen, Nærings-Lab Nord") do not.
    # A kind in capitals ("REFERAT") names none.
    cover = [
        line if field is None else field[1]
        for line in cover
        if (field := field_of(line)) is None or field[0] & {"place", "issuer"}
        if not line.isupper()
    ]
    for text in (entry.title, entry.publisher or "", *entry.authors, *cover):
        for word in _WORD.findall(text):
            folded = fold(word.strip("'’-"))
            generic = folded in _GENERIC_TITLE_WORDS
            if word[:1].isupper() and len(folded) >= MIN_STEM and not generic:
                names.add(folded)
    return names


# Names shorter than this match another name only whole ("nord" is no beginning of "nordland").
SHORT_NAME = 6


def _description(doc_id: str, titles: Mapping[str, str], kinds: Mapping[str, str]) -> str:
    """A document's folded title and catalogue kind, which say what kind of document it is."""
    return fold(f"{titles.get(doc_id, '')} {kinds.get(doc_id, '')}")


def _calls_them(word: str, described: Sequence[str]) -> bool:
    """Whether a word of the question calls the named documents (`described`: each one's
    folded title and catalogue kind) by their kind."""
    folded = fold(word)
    if folded in ANY_DOCUMENT:
        return True
    return any(
        is_kind_word(folded, words) and any(b in text for b in beginnings for text in described)
        for words, beginnings in DOCUMENT_KINDS.values()
    )


def _matches(name: str, document_name: str) -> bool:
    """A name the question uses and a document's name agree when one begins the other:
    'helgelandsprogrammet' and 'helgeland', 'vikfjords' and 'vikfjord'. A short name must be
    the whole of the other, but for a genitive s: 'Nord' (universitet) is not 'Nordland'."""
    shorter, longer = sorted((name, document_name), key=len)
    if len(shorter) < MIN_STEM or not longer.startswith(shorter):
        return False
    return len(shorter) >= SHORT_NAME or longer in (shorter, f"{shorter}s")


# Content words of a title in a row that name its document in a question even in lower case
# ("the coastal business development pilot"): fewer say a theme as often as a document.
TITLE_RUN = 3
_RUN_STOP_WORDS = frozenset(
    "with from that this their about into over under etter frå från".split()
)


_POSSESSIVES = frozenset({"sin", "si", "sitt", "sine"})


def _genitives(words: list[str]) -> list[str]:
    """Folded words with a Norwegian possessive genitive as an s-genitive: 'kommunen sin
    rolle' reads 'kommunens rolle', as a question may write it."""
    joined: list[str] = []
    for word in words:
        if word in _POSSESSIVES and joined:
            joined[-1] += "s"
        else:
            joined.append(word)
    return joined


@lru_cache(maxsize=4096)
def _title_words(title: str) -> tuple[str, ...]:
    return tuple(_genitives([fold(word) for word in _WORD.findall(title)]))


# The lines a document's text opens with before its first paragraph of prose: its cover.
COVER_LINES = 6
COVER_LINE_LENGTH = 100


def cover_lines(text: str) -> list[str]:
    """The short lines a document's text opens with (title, subtitle, publisher, authors),
    up to its first long line."""
    lines: list[str] = []
    for line in text[: COVER_LINES * COVER_LINE_LENGTH * 2].splitlines():
        if not line.strip():
            continue
        if len(line) > COVER_LINE_LENGTH or len(lines) == COVER_LINES:
            break
        lines.append(line.strip())
    return lines


# Forms of one word in bokmål and nynorsk, or with and without its article, share a stem of
# this many letters and differ in an ending no longer than `_ENDING`: "innkjøper" and
# "innkjøpar", "kunnskapsnotat" and "kunnskapsnotatet".
_STEM = 5
_ENDING = 3


def _same_word(first: str, second: str) -> bool:
    """Whether two folded words are one word in another form (see `_STEM`)."""
    if first == second:
        return True
    pairs = zip(first, second, strict=False)
    shared = next((at for at, (a, b) in enumerate(pairs) if a != b), min(len(first), len(second)))
    return shared >= _STEM and len(first) - shared <= _ENDING and len(second) - shared <= _ENDING


def _title_run(folded_question: list[str], title: str) -> list[str]:
    """The longest run of the question's words (folded, genitives as `_genitives` makes
    them) that the title has in a row, when it holds `TITLE_RUN` content words or more
    (words of four letters or more); else none."""
    title_words = _title_words(title)
    shared = {w for w in folded_question if any(_same_word(w, t) for t in title_words)}
    if len(shared) < TITLE_RUN:
        return []  # too few words in common for a run: most titles end here
    best: list[str] = []
    for start in range(len(folded_question)):
        for offset in range(len(title_words)):
            length = 0
            while (
                start + length < len(folded_question)
                and offset + length < len(title_words)
                and _same_word(folded_question[start + length], title_words[offset + length])
            ):
                length += 1
            if length > len(best):
                best = folded_question[start : start + length]
    content = [w for w in best if len(w) >= MIN_STEM and w not in _RUN_STOP_WORDS]
    return best if len(content) >= TITLE_RUN else []


# A language's adjective with "-speaking": "engelskspråklig", "svenskspråkiga".
_LANGUAGE_SUFFIXES = {
    stem: tuple(f"{stem}{ending}" for ending in ("språklig", "språklige", "språkliga", "språkiga"))
    for stem in ("svensk", "engelsk", "norsk", "nynorsk")
}
# A language's adjective, folded, before a document's kind ("the Swedish evaluation", "den
# nynorske rapporten"): the languages of the documents it calls so.
_LANGUAGE_ADJECTIVES: dict[str, frozenset[str]] = {
    fold(form): tongues
    for stem, tongues, forms in (
        ("swedish", frozenset({"sv"}), "swedish svensk svenske svenska"),
        ("nynorsk", frozenset({"nn"}), "nynorsk nynorske"),
        ("bokmal", frozenset({"nb"}), "bokmal bokmals"),
        ("english", frozenset({"en"}), "english engelsk engelske engelska"),
        ("norwegian", frozenset({"nb", "nn"}), "norwegian norsk norske"),
    )
    for adjective in forms.split()
    # "the English-language evaluation", "den engelskspråklige rapporten"
    for form in (adjective, f"{stem}-language", *_LANGUAGE_SUFFIXES.get(adjective, ()))
}
# Words that may stand between the adjective and the kind ("the Swedish follow-up report").
LANGUAGE_GAP = 2


def _named_by_language(
    question: str, titles: Mapping[str, str], kinds: Mapping[str, str], languages: Mapping[str, str]
) -> tuple[list[str], str] | None:
    """The documents a question calls by their language and kind, those of the kind among
    the language's documents (all of them when none is of it), and the adjective it used."""
    words = _WORD.findall(question)
    for index, word in enumerate(words):
        tongues = _LANGUAGE_ADJECTIVES.get(fold(word))
        if tongues is None:
            continue
        following = words[index + 1 : index + 2 + LANGUAGE_GAP]
        if not any(names_a_kind(w) for w in following):
            continue
        in_language = [doc_id for doc_id, language in languages.items() if language in tongues]
        of_kind = [
            doc_id
            for doc_id in in_language
            if any(_calls_them(w, [_description(doc_id, titles, kinds)]) for w in following)
        ]
        found = of_kind or in_language
        if found:
            return found, word
    return None


# A kind names its one document in a library of this many documents or more.
KIND_LIBRARY = 3


def _named_by_kind(
    question: str, titles: Mapping[str, str], kinds: Mapping[str, str]
) -> str | None:
    """The one document of a kind the question calls a document by ("the minutes", "the
    audit"), when the library holds no other of that kind; else None."""
    if len(titles) < KIND_LIBRARY:
        return None
    described = {doc_id: _description(doc_id, titles, kinds) for doc_id in titles}
    for word in _WORD.findall(question):
        of_kind = [doc_id for doc_id, text in described.items() if _calls_them(word, [text])]
        if len(of_kind) == 1:
            return of_kind[0]
    return None


def scope_of(
    question: str,
    names: Mapping[str, set[str]],
    titles: Mapping[str, str] | None = None,
    kinds: Mapping[str, str] | None = None,
    languages: Mapping[str, str] | None = None,
) -> Scope | None:
    """The documents the question names by one of their `document_names` or by words of
    their `titles` in a row, or else by their language and kind ("the Swedish evaluation",
    "den nynorske rapporten"; `languages`: each document's), and the question without those
    names and without the words by which it calls them a document of their kind ("the
    evaluation of", "the plan"; `kinds`: each document's catalogue kind) while other words
    remain; None when it names no document, or names them all (then there is nothing to
    narrow)."""
    named: dict[str, None] = {}
    used: list[str] = []
    folded_question = _genitives([fold(word) for word in _WORD.findall(question)])
    for doc_id, title in (titles or {}).items():
        # The title's words stay in the query: they often say what is asked as well.
        if _title_run(folded_question, title):
            named[doc_id] = None
    for constraint in asked_names(question):
        for word in constraint.text.split():
            folded = fold(re.sub(r"['’]s$", "", word))
            hits = [
                doc_id
                for doc_id, own in names.items()
                if any(_matches(folded, name) for name in own)
            ]
            if hits:
                named.update(dict.fromkeys(hits))
                used.append(word)
    if not named and languages:
        by_language = _named_by_language(question, titles or {}, kinds or {}, languages)
        if by_language is not None:
            found, adjective = by_language
            named.update(dict.fromkeys(found))
            used.append(adjective)
    if not named and kinds and titles:
        by_kind = _named_by_kind(question, titles, kinds)
        if by_kind is not None:
            named[by_kind] = None
    if not named or len(named) == len(names):
        return None
    words = [word for word in _WORD.findall(question) if word not in used]
    described = [_description(doc_id, titles or {}, kinds or {}) for doc_id in named]
    calling = [word for word in words if _calls_them(word, described)]
    if any(len(word) >= MIN_STEM and word not in calling for word in words):
        used += calling
    query = question
    for word in used:
        query = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", query)
    query = re.sub(r"\s+", " ", query).strip()
    return Scope(doc_ids=tuple(named), query=query)
