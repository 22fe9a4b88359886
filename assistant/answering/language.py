"""Which language a question is in (bokmål, nynorsk, Swedish, English), and fixed phrases.

Questions are short, so this reads grammar rather than running a model: function words
(question words, pronouns, negations, articles, common verbs and prepositions) that belong to
one or two of the four languages, and spelling that marks one: ä and ö for Swedish, æ and ø for
Norwegian, nynorsk's -ane plurals and -leg/-heit forms, the English "th" and "w". A word shared
by several languages counts for each a share. Nothing here comes from the bundled questions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

Language = Literal["nb", "nn", "sv", "en"]
LANGUAGES: tuple[Language, ...] = ("nb", "nn", "sv", "en")

# Function words by the languages they belong to (a word may belong to several; a key may
# name several languages).
_FUNCTION_WORDS: dict[str, str] = {
    # bokmål only
    "nb": """hva hvordan hvorfor hvem hvilke hvilken hvilket hvor hvis hvorvidt ikke jeg hun
        dere deres noe noen mye fra også bare selv være gjøre gjør gjorde sier mener
        disse denne dette blir ble vært skjer hverandre nå enn en et av uten enda eller hennes
        kanskje fordi hvordan mellom lenge siden gikk tror synes vil ville skulle kunne""",
    # nynorsk only
    "nn": """kva korleis kvifor kven kvar kor kvifor ikkje eg ho me dykk dykkar noko nokon
        nokre mykje frå òg berre sjølv vere gjere gjer gjorde seier meiner desse dette denne
        vart blei vore skjer kvarandre no enn eit ein dei deira utan enno eller hennar
        kanskje fordi mellom lenge sidan gjekk trur synest vil ville skulle kunne hjå
        kvifor kvar frå sine vert ikring attåt berre kvart åt""",
    # Swedish only
    "sv": """vad hur varför vem vilka vilken vilket när där inte jag mig dig hon ni er
        något några mycket från också bara själv vara göra gör gjorde säger menar dessa
        denna detta blir blev varit sker varandra nu än ett en av utan ännu eller hennes
        kanske eftersom mellan länge sedan gick tror tycker vill ville skulle kunna och
        finns enligt inom hos efter kommer får sina deras alla samt""",
    # English only
    "en": """what how why who whom whose which where when the a an is are was were be been
        does do did not me you she they them their there this that these those it its
        from also only self make makes made say says said think of and to in with on
        by as at or any give example between about paper report authors should would could
        can will has have had into than then after before many much some more most""",
    # the Scandinavian languages share these (each counts a third for nb, nn and sv)
    "nb nn sv": """i med som på om det den de har kan man vi oss hans sin sitt var""",
    # the two Norwegian written standards share these
    "nb nn": """er og til skal må bør slik etter meg deg ei""",
    # and these with English
    "nb nn en": """for under over""",
}


def _build_word_table() -> dict[str, frozenset[Language]]:
    table: dict[str, set[Language]] = {}
    for langs, words in _FUNCTION_WORDS.items():
        for word in words.split():
            table.setdefault(word, set()).update(langs.split())  # type: ignore[arg-type]
    return {word: frozenset(langs) for word, langs in table.items()}


_WORD_LANGUAGES = _build_word_table()
# Word endings that mark a language (on words long enough for an ending to mean something).
_ENDINGS: tuple[tuple[re.Pattern[str], tuple[Language, ...]], ...] = (
    (re.compile(r"\w{3,}(?:ane|ande|inga|leg|lege|legt|heit|heita|heiter|omgrep\w*)$"), ("nn",)),
    (re.compile(r"\w{3,}(?:ene|lig|lige|ligt|het|heten|ninger)$"), ("nb",)),
    (re.compile(r"\w{3,}(?:arna|erna|orna|heten|ningen|tionen|tioner|ligen)$"), ("sv",)),
    (re.compile(r"\w{3,}(?:ar|ast)$"), ("nn", "sv")),
    (re.compile(r"\w{3,}(?:sjon|sjonen|sjoner|sjonar)$"), ("nb", "nn")),
    (re.compile(r"\w{2,}(?:tion|tions|ness|ment|ments|ies|ly|ship)$"), ("en",)),
    (re.compile(r"th|w"), ("en",)),
)
_WORD = re.compile(r"[^\W\d_]+")
ENDING_WEIGHT = 0.5
# Letters only some of the languages write.
_LETTERS: tuple[tuple[str, tuple[Language, ...], float], ...] = (
    ("äö", ("sv",), 1.0),
    ("æø", ("nb", "nn"), 1.0),
    ("å", ("nb", "nn", "sv"), 0.5),
)


def language_scores(text: str) -> dict[Language, float]:
    """Evidence for each language in a text: function words, endings and letters."""
    folded = text.casefold()
    scores: dict[Language, float] = {lang: 0.0 for lang in LANGUAGES}
    for word in _WORD.findall(folded):
        langs = _WORD_LANGUAGES.get(word)
        if langs:
            for lang in langs:
                scores[lang] += 1.0 / len(langs)
            continue
        for pattern, marked in _ENDINGS:
            if pattern.search(word):
                for lang in marked:
                    scores[lang] += ENDING_WEIGHT / len(marked)
                break
    # A name keeps its own language's letters ("Älvbacka" in a bokmål question): in a word
    # written with a capital, other than the first, they count half.
    words = _WORD.findall(text)
    written = "".join(w for i, w in enumerate(words) if i == 0 or not w[0].isupper()).casefold()
    for letters, marked, weight in _LETTERS:
        if any(letter in folded for letter in letters):
            share = 1.0 if any(letter in written for letter in letters) else 0.5
            for lang in marked:
                scores[lang] += share * weight / len(marked)
    return scores


def detect_language(text: str) -> Language:
    """The most likely of nb, nn, sv, en for a short question (nb when nothing tells)."""
    scores = language_scores(text)
    # Bokmål is the corpus's language and the commonest question language: it wins exact ties.
    best = max(LANGUAGES, key=lambda lang: (scores[lang], lang == "nb"))
    return best if scores[best] > 0 else "nb"


# Languages whose texts share most word forms (and so character n-grams) with each other.
_WORD_SHARING = ({"nb", "nn", "sv", "da"},)


def share_words(language: str, other: str) -> bool:
    """Whether a text in one language can match the words of a text in the other: the
    Scandinavian languages largely can, English and a Scandinavian language hardly."""
    return language == other or any(language in group and other in group for group in _WORD_SHARING)


NOT_COVERED: dict[Language, str] = {
    "nb": "Den indekserte litteraturen ser ikke ut til å dekke dette spørsmålet. "
    "Passasjene under er de nærmeste, og kan være relatert.",
    "nn": "Den indekserte litteraturen ser ikkje ut til å dekkje dette spørsmålet. "
    "Passasjane under er dei næraste, og kan vere relaterte.",
    "sv": "Den indexerade litteraturen verkar inte täcka den här frågan. "
    "Avsnitten nedan är de närmaste och kan vara relaterade.",
    "en": "The indexed literature does not seem to cover this question. "
    "The passages below are the closest and may be related.",
}

# "The answer quotes the sources in Swedish": said when a quoted source is in another
# language than the question (bokmål and nynorsk are one: Norwegian). By the question's
# language: the sentence, and the name of each source language in it.
_QUOTED_IN: dict[Language, str] = {
    "nb": "Svaret siterer kildene på {languages}.",
    "nn": "Svaret siterer kjeldene på {languages}.",
    "sv": "Svaret citerar källorna på {languages}.",
    "en": "The answer quotes the sources in {languages}.",
}
_LANGUAGE_NAMES: dict[Language, dict[str, str]] = {
    "nb": {"no": "norsk", "sv": "svensk", "en": "engelsk", "da": "dansk"},
    "nn": {"no": "norsk", "sv": "svensk", "en": "engelsk", "da": "dansk"},
    "sv": {"no": "norska", "sv": "svenska", "en": "engelska", "da": "danska"},
    "en": {"no": "Norwegian", "sv": "Swedish", "en": "English", "da": "Danish"},
}
_AND: dict[Language, str] = {"nb": "og", "nn": "og", "sv": "och", "en": "and"}


def quoted_in(language: Language, source_languages: Iterable[str | None]) -> str | None:
    """The notice that an answer in `language` quotes sources in other languages, naming
    them ("The answer quotes the sources in Norwegian and Swedish."); None when every
    quoted source is in the question's language (Norwegian for bokmål and nynorsk)."""

    def family(code: str | None) -> str:
        code = code or "nb"
        return "no" if code in ("nb", "nn") else code

    asked = family(language)
    names = _LANGUAGE_NAMES[language]
    others = [family(code) for code in source_languages]
    named = [names[code] for code in dict.fromkeys(others) if code != asked and code in names]
    if not named:
        return None
    listed = (
        named[0] if len(named) == 1 else f"{', '.join(named[:-1])} {_AND[language]} {named[-1]}"
    )
    return _QUOTED_IN[language].format(languages=listed)


LLM_FALLBACK: dict[Language, str] = {
    "nb": "Språkmodellen svarte ikke ({reason}); svaret er satt sammen av sitater i stedet.",
    "nn": "Språkmodellen svarte ikkje ({reason}); svaret er sett saman av sitat i staden.",
    "sv": "Språkmodellen svarade inte ({reason}); svaret består av citat i stället.",
    "en": "The language model did not answer ({reason}); the answer is made of quotes instead.",
}
