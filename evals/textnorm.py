"""Text comparison for the evaluator: Unicode-aware, language-neutral, no stemming.

Questions and answers come in bokmål, nynorsk, Swedish and English over Norwegian text, so the
evaluator keeps every letter (æ, ø, å, ä, ö, é, ...) and does no stemming and no stop-word
removal, both of which are language-specific and would quietly favour one language. Two texts
are compared after NFKC normalisation and case folding; containment tests also drop everything
that is not a letter, digit or combining mark, so punctuation, Markdown emphasis (``*``,
``**``), quotes and whitespace differences do not matter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_TOKEN = re.compile(r"\w+")
# A citation marker as answers write it: [1], [2, 3], [1; 4].
MARKER = re.compile(r"\[\s*(\d+(?:\s*[,;]\s*\d+)*)\s*\]")


def fold(text: str) -> str:
    """NFKC-normalised, case-folded text (``Æ`` → ``æ``, ``ﬁ`` → ``fi``)."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


def _kept(char: str) -> bool:
    return unicodedata.category(char)[0] in "LNM"


def normalise(text: str) -> str:
    """Folded text with only letters, digits and marks left: the form containment compares."""
    kept = "".join(char for char in fold(text) if _kept(char))
    return unicodedata.normalize("NFC", kept)  # marks left next to a letter compose with it


def tokens(text: str) -> list[str]:
    """Folded word tokens (``\\w+``, Unicode), in order, repeats kept."""
    return _TOKEN.findall(fold(text))


def strip_markers(text: str) -> str:
    """The text without its citation markers (``[1]``, ``[2, 3]``)."""
    return re.sub(r"[ \t]*" + MARKER.pattern, "", text).strip()


def marker_numbers(text: str) -> set[int]:
    """Every citation number a text's markers refer to."""
    return {int(number) for group in MARKER.findall(text) for number in re.split(r"[,;]", group)}


def contains_evidence(text: str, snippets: Iterable[str]) -> bool:
    """Whether the text contains any snippet, ignoring case, punctuation and whitespace.

    A snippet that normalises to nothing (only punctuation) never matches, so it cannot make
    every passage relevant by accident.
    """
    haystack = normalise(text)
    return any((needle := normalise(snippet)) and needle in haystack for snippet in snippets)
