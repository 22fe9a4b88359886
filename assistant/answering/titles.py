"""Questions that ask who holds a title ("Who was the mayor of Vikfjord in 2024?", "Kven er
dagleg leiar i selskapet?"): only a sentence that names the title answers them, in any of the
four languages. A sentence about the plan the mayor's municipality made is no answer to who
the mayor was. Pure functions over folded text (see `glossary.fold`)."""

from __future__ import annotations

import re

from assistant.retrieval.glossary import FoldedText, fold

# The titles of people that business development documents name, each with its forms in
# bokmål, nynorsk, Swedish and English, folded (æ → ae, ø → o, å/ä/ö → a/a/o) and as
# beginnings of words, so that "ordføreren", "næringssjefane" and "chairs" are found. A form
# with a space is a phrase.
PERSON_TITLES: dict[str, tuple[str, ...]] = {
    "mayor": ("ordforar", "ordforer", "borgmastar", "borgmester", "mayor",
              "kommunstyrelsens ordforande"),
    "chief executive": ("radmann", "radman", "kommunedirektor", "kommundirektor",
                        "kommunalsjef", "kommunchef", "chief executive", "municipal director",
                        "chief municipal"),
    "business manager": ("naeringssjef", "naringslivschef", "naringschef",
                         "business manager", "head of business", "business development manager",
                         "naeringskonsulent", "naringslivsutvecklare", "business adviser"),
    "managing director": ("daglig leder", "dagleg leiar", "daglig leiar", "verkstallande direktor",
                          "managing director", "chief executive officer", "ceo", "vd"),
    "chair": ("styreleder", "styreleiar", "styrelseordforande", "ordforande", "chair",
              "chairman", "chairwoman", "chairperson", "leiar for styret", "leder av styret"),
    "facilitator": ("fasilitator", "facilitator", "moderator", "motelede", "moteleiar",
                    "motesledare", "prosessleder", "prosessleiar", "processledare"),
    "leader": ("leder", "leiar", "ledare", "leader", "led by", "leads", "head of", "heads the",
               "ledet av", "leia av", "leds av"),
    "minute taker": ("referent", "protokollforer", "protokollforar", "protokollforare",
                     "forde protokoll", "forte protokoll", "skrev referat", "skreiv referat",
                     "minute taker", "minute-taker", "took the minutes", "took minutes",
                     "kept the minutes", "minutes were taken"),
    "adviser": ("radgiver", "radgjevar", "radgivare", "adviser", "advisor"),
    "project manager": ("prosjektleder", "prosjektleiar", "projektledare", "project manager",
                        "project leader", "programleder", "programleiar", "programledare",
                        "programme manager", "program manager", "programme director"),
}  # fmt: skip

# A question asking who someone is, or what they are called.
_WHO = re.compile(
    r"(?i)\b(?:who|whom|hvem|kven|vem|hva\s+heter|kva\s+heiter|vad\s+heter|"
    r"what\s+is\s+the\s+name\s+of|what\s+was\s+the\s+name\s+of)\b"
)
# Least length of a title found inside a compound word ("kommunenæringssjef").
_COMPOUND_PART = 7


# "Which" with the few words after it: a question asking which holder of a title did
# something ("Which head of business development was given a mandate?") asks who.
_WHICH = re.compile(
    r"(?i)\b(?:which|hvilken|hvilket|hvilke|kva\s+for\s+(?:ein|ei|eit|nokre)|"
    r"vilken|vilket|vilka)\s+((?:[\w-]+\s+){0,3}[\w-]+)"
)


def asks_who(question: str) -> bool:
    """Whether a question asks who someone is or what they are called, or which holder of a
    title did something."""
    if _WHO.search(question) is not None:
        return True
    which = _WHICH.search(question)
    if which is None:
        return False
    following = fold(which[1])  # the title must be what "which" asks about, the word after it
    return any(following.startswith(form) for forms in PERSON_TITLES.values() for form in forms)


# "Which" asking for a place: "Which municipality ...", "Vilken kommun ...", "Kva for ei bygd ...".
_PLACE_ASKED = re.compile(
    r"(?:kommun(?:e|en|er|ene|ar|ane|erna)?|municipalit(?:y|ies)|fylke(?:t|r|ne)?|"
    r"count(?:y|ies)|bygd(?:a|er|ene)?|grend(?:a|er|ene)?|villages?|tettste[dn]\w*|"
    r"tettstad\w*|ort(?:en|er|erna)?)$"
)


def asks_which_place(question: str) -> bool:
    """Whether a question asks which municipality, county or village did something: only a
    sentence naming one answers it ("in one of the network's municipalities" does not)."""
    which = _WHICH.search(question)
    if which is None:
        return False
    for word in fold(which[1]).split():  # "which of the three municipalities"
        if _PLACE_ASKED.match(word):
            return True
        if word not in _OF_THE:
            return False
    return False


_OF_THE = frozenset(
    "of the av de dei dom two three four five six to tva tre fire fyra fem seks sex sju "
    "seven".split()
)


def title_words(folded: str, compounds: bool = True) -> list[str]:
    """The forms, in all four languages, of each title the folded question names that it
    does not use itself, for searching passages in another language ("head of business
    development" finds "näringslivschefen")."""
    text = FoldedText(folded)
    inner = _COMPOUND_PART if compounds else None
    return [
        form
        for title in sorted(text.named(PERSON_TITLES, inner), key=list(PERSON_TITLES).index)
        for form in PERSON_TITLES[title]
        if len(form.replace(" ", "")) >= 4 and not text.holds(form, inner)
    ]


def titles_named(folded: str) -> frozenset[str]:
    """The `PERSON_TITLES` a folded text names."""
    return FoldedText(folded).named(PERSON_TITLES, _COMPOUND_PART)


def titles_asked(question: str, folded: str) -> frozenset[str]:
    """The titles whose holder the question asks for ("Who chaired ...", "Hvem er
    ordfører ..."): none when it asks no "who"."""
    if not asks_who(question):
        return frozenset()
    named = titles_named(folded)
    # "dagleg leiar" asks for the managing director, not for any leader.
    return named - {"leader"} if len(named) > 1 else named
