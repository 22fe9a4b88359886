"""Which language a question is in (bokmål, nynorsk, Swedish, English), and fixed phrases.

Questions are short, so this counts marker words rather than running a model.
"""

from __future__ import annotations

import re
from typing import Literal

Language = Literal["nb", "nn", "sv", "en"]

_MARKERS: dict[Language, frozenset[str]] = {
    "nb": frozenset(
        "hva hvordan hvorfor hvem hvilke hvilken ikke jeg er det og en et de sier mener "
        "kommunen kommunens rollen også noe mye fra hvor bør skal".split()
    ),
    "nn": frozenset(
        "kva korleis kvifor kven kvar ikkje eg ein eit dei seier meiner noko mykje frå "
        "òg berre sjølv vere gjere rolla rollane kommunane tenester tenesteprodusent "
        "forvaltar moglegheiter utfordringar korfor".split()
    ),
    "sv": frozenset(
        "vad hur varför vem vilka vilken inte jag är och ett säger menar rollen också "
        "kommunernas kommunerna näringslivet samstyrning rapporten enligt från bör ska "
        "detta några mycket".split()
    ),
    "en": frozenset(
        "what how why who which the is are does do paper report say says about of and "
        "municipality municipalities role roles according authors to in for".split()
    ),
}
# Nynorsk and Swedish marker words are rarer in bokmål text, so each weighs more.
_WEIGHTS: dict[Language, float] = {"nb": 1.0, "nn": 2.0, "sv": 2.0, "en": 1.0}
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> Language:
    """The most likely of nb, nn, sv, en for a short question (nb when unsure)."""
    words = _WORD.findall(text.casefold())
    scores: dict[Language, float] = {lang: 0.0 for lang in _MARKERS}
    for word in words:
        for lang, markers in _MARKERS.items():
            if word in markers:
                scores[lang] += _WEIGHTS[lang]
    if any(letter in text.casefold() for letter in "äö"):
        scores["sv"] += 1.5
    if any(letter in text.casefold() for letter in "æø"):
        scores["nb"] += 0.5
        scores["nn"] += 0.5
    best = max(scores, key=lambda lang: (scores[lang], lang == "nb"))
    return best if scores[best] > 0 else "nb"


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

QUOTED_IN_NORWEGIAN: dict[Language, str] = {
    "nb": "",
    "nn": "",
    "sv": "Svaret citerar källorna på norska.",
    "en": "The answer quotes the sources in Norwegian.",
}

LLM_FALLBACK: dict[Language, str] = {
    "nb": "Språkmodellen svarte ikke ({reason}); svaret er satt sammen av sitater i stedet.",
    "nn": "Språkmodellen svarte ikkje ({reason}); svaret er sett saman av sitat i staden.",
    "sv": "Språkmodellen svarade inte ({reason}); svaret består av citat i stället.",
    "en": "The language model did not answer ({reason}); the answer is made of quotes instead.",
}
