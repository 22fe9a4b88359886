"""What a file says about itself: authors from a metadata field, a year, the text's language.

Pure helpers shared by the PDF and Word loaders, for documents the catalogue does not describe.
"""

from __future__ import annotations

import re
from collections import Counter

from assistant.answering.language import detect_language

# The language is judged on this many words from the start of the text, where the body is.
LANGUAGE_SAMPLE_WORDS = 600
# Words that are Danish and not bokmål (or far rarer there): the question detector knows no da.
_DANISH = frozenset(
    "af efter nogle mellem meget blev hvilket udvikling uden sammen kunne skulle også "
    "virksomheder kommunerne derfor".split()
)
_BOKMAL = frozenset(
    "av etter noen mellom mye ble hvilket utvikling uten sammen kunne skulle også "
    "virksomheter kommunene derfor".split()
)
_WORD = re.compile(r"[^\W\d_]+")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:;|\band\b|\bog\b|\boch\b|&|\n)\s*")
_NAME = re.compile(r"^[A-ZÆØÅÄÖÜ][\w'.-]*(?:\s+[A-ZÆØÅÄÖÜ][\w'.-]*){1,3}$")


def document_language(text: str) -> str:
    """The language of a document's text: nb, nn, sv, en or da (nb when unsure)."""
    words = _WORD.findall(text.casefold())[:LANGUAGE_SAMPLE_WORDS]
    counts = Counter(words)
    danish = sum(counts[word] for word in _DANISH - _BOKMAL)
    bokmal = sum(counts[word] for word in _BOKMAL - _DANISH)
    if danish > max(2, 2 * bokmal):
        return "da"
    return detect_language(" ".join(words))


def split_authors(text: str) -> list[str]:
    """``"Morten Stene, Britt Paula Mørkved"`` → both names; ``"Stene, M."`` stays one."""
    text = " ".join(text.split())
    if not text:
        return []
    pieces = [piece for piece in _AUTHOR_SEPARATORS.split(text) if piece.strip()]
    names: list[str] = []
    for piece in pieces:
        commas = [part.strip() for part in piece.split(",") if part.strip()]
        # "Stene, Morten" is one name written surname first; "A B, C D" are two names.
        if len(commas) > 1 and all(len(part.split()) >= 2 for part in commas):
            names.extend(commas)
        else:
            names.append(piece.strip().strip(","))
    return names


def looks_like_name(line: str) -> bool:
    """True for a line that reads as a person's name: two to four capitalised words."""
    line = line.strip()
    return _NAME.match(line) is not None and not any(char.isdigit() for char in line)


def year_in(text: str) -> int | None:
    """The last plausible publication year printed in a short text (``Bodø 2019``)."""
    years = _YEAR.findall(text)
    return int(years[-1]) if years else None
