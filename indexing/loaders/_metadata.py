"""What a file says about itself: authors from a metadata field, a year, the text's language.

Pure helpers shared by the PDF and Word loaders, for documents the catalogue does not describe.
"""

from __future__ import annotations

import re
from collections import Counter

from assistant.answering.language import detect_language
from indexing.cleaning import field_of

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
_HARD_SEPARATORS = re.compile(r"\s*[;&\n]\s*")
_SOFT_SEPARATORS = re.compile(r"\s*,\s*|\s+(?:og|and|och)\s+")
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
    """The authors in a metadata field: ``"Morten Stene, Britt Paula Mørkved"`` gives both.

    Semicolons, line breaks and ``&`` always part authors; commas and ``og``/``and``/``och``
    only when every part reads as a person's name, so ``"Stene, Morten"`` and
    ``"Vikfjord kommune, Plan- og næringsavdelingen"`` stay one author each.
    """
    pieces = [piece.strip(" ,") for piece in _HARD_SEPARATORS.split(text)]
    names: list[str] = []
    for piece in (" ".join(piece.split()) for piece in pieces if piece.strip(" ,")):
        parts = [part.strip() for part in _SOFT_SEPARATORS.split(piece) if part.strip()]
        if len(parts) > 1 and all(looks_like_name(part) for part in parts):
            names.extend(parts)
        else:
            names.append(piece)
    return names


def looks_like_name(line: str) -> bool:
    """True for a line that reads as a person's name: two to four capitalised words."""
    line = line.strip()
    return _NAME.match(line) is not None and not any(char.isdigit() for char in line)


# A period covered: years, or dates (``2025-01-01 – 2028-12-31``), with a dash between.
_PERIOD = re.compile(
    r"(?<!\d)(?:19[5-9]\d|20\d\d)(?:-\d\d-\d\d)?\s*[–—-]\s*(?:19[5-9]\d|20\d\d)"
    r"(?:-\d\d-\d\d)?(?!\d)"
)


def year_in(text: str) -> int | None:
    """The last plausible publication year printed in a short text (``Bodø 2019``). A period
    (``2020–2023``, ``Giltigt 2025-01-01 – 2028-12-31``) is what a report covers, not when it
    came out: a year standing alone (``Report 2024/02``, ``Antaget 2024-11-18``) is taken first,
    a period's end only where none does."""
    alone = _YEAR.findall(_PERIOD.sub(" ", text))
    years = alone or _YEAR.findall(text)
    return int(years[-1]) if years else None


# What producers write where no one set a title or an author: never a document's own.
_PLACEHOLDERS = frozenset(
    """
    untitled anonymous unknown none null title author user admin administrator owner document
    document1 dokument dokument1 ukjent okänd namnlös untitled-document python-docx
    """.split()
) | {"uten tittel", "utan titel", "no title", "unknown author"}


# Office's own name for a user it was not told ("Microsoft Office User", "-bruker", "-brukar",
# "-användare").
_OFFICE_USER = re.compile(r"^microsoft office[- ]")


def is_placeholder(value: str) -> bool:
    """True for a metadata value a producer writes by default ("(anonymous)", "untitled",
    "Microsoft Office User")."""
    folded = " ".join(value.strip(" ()[]<>").casefold().split())
    return folded in _PLACEHOLDERS or bool(_OFFICE_USER.match(folded))


# Words shorter than this say little of whether a title is printed ("for", "og", "i").
_TITLE_WORD = 4


def printed_title(title: str, text: str) -> bool:
    """Whether the text prints every longer word of a metadata title: a template's title
    ("Mall för rapport") it never prints is no title of the document."""
    folded = text.casefold()
    return all(w in folded for w in _WORD.findall(title.casefold()) if len(w) >= _TITLE_WORD)


def printed_authors(authors: list[str], text: str) -> list[str]:
    """The metadata authors that read as names ("Kari Nordmann") or whose last word the
    text prints: a login ("alind", "kari.nordmann") is neither."""
    folded = text.casefold()
    return [
        author
        for author in authors
        if _NAME.match(author)
        or ((words := _WORD.findall(author.casefold())) and words[-1] in folded)
    ]


# A document's head runs to its first line longer than a field is: its first paragraph of prose.
HEADER_LINES = 12
HEADER_LINE_CHARS = 160


def is_header_field(line: str) -> bool:
    """Whether a line is a field dating, placing or signing a document ("Dato: ...")."""
    field = field_of(line)
    return field is not None and bool(field[0] & {"date", "writer", "place"})


def header_fields(text: str) -> tuple[int | None, list[str]]:
    """The year and the writers the fields at a document's head give: minutes dated
    "Dato: 7. februar 2024" and signed "Referent: Simen Arntzen, næringskonsulent" are of
    2024, by Simen Arntzen. Only fields before the first line of prose are read; a writer is
    the person named first in the field, and only where the value opens with a name."""
    year: int | None = None
    writers: list[str] = []
    for line in [line for line in text.lstrip().split("\n") if line.strip()][:HEADER_LINES]:
        if len(line) > HEADER_LINE_CHARS:
            break
        field = field_of(line)
        if field is None:
            continue
        kinds, value = field
        if year is None and "date" in kinds:
            year = year_in(value)
        elif "writer" in kinds:
            first = re.split(r"\s*[,;(]\s*", value, maxsplit=1)[0]
            if looks_like_name(first) and first not in writers:
                writers.append(first)
    return year, writers
