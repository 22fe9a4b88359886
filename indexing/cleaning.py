"""Pure text cleaning shared by the loaders: characters, line ends, headings and broken sentences.

Nothing here reads a file. Each function takes text and returns text (or a judgement about it),
so the rules can be tested on small strings as well as on the real working paper.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import Literal

# --- characters ---------------------------------------------------------------------------

LIGATURES = {
    "ﬀ": "ff",
    "ﬁ": "fi",
    "ﬂ": "fl",
    "ﬃ": "ffi",
    "ﬄ": "ffl",
    "ﬅ": "st",
    "ﬆ": "st",
}
# Bullets Word sets in its Symbol and Wingdings fonts come out of a PDF as characters of the
# private use area, which no reader of the text sees as bullets.
SYMBOL_BULLETS = {
    "\uf0b7": "•",  # Symbol
    "\uf0a7": "▪",  # Wingdings square
    "\uf06e": "▪",  # Wingdings filled square
    "\uf0d8": "•",  # Wingdings arrowhead
    "\uf076": "•",  # Wingdings diamond
    "\uf0fc": "•",  # Wingdings tick
}
# No-break, thin, figure and other odd spaces become a plain space.
_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Soft hyphens, zero-width characters and the BOM carry nothing a reader sees.
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
# Control characters other than tab and newline (PDF extraction leaves some behind).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACE_RUN = re.compile(r"[ \t]{2,}")


def normalize_characters(text: str) -> str:
    """NFC text with ligatures spelled out, Word's symbol-font bullets as bullets, odd spaces
    plain, invisible characters gone."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(LIGATURES.get(char) or SYMBOL_BULLETS.get(char, char) for char in text)
    text = _INVISIBLE.sub("", _ODD_SPACES.sub(" ", text))
    return unicodedata.normalize("NFC", _CONTROL.sub("", text))


def collapse_spaces(text: str) -> str:
    """Runs of spaces and tabs inside lines become one space; indents stay, trailing go."""
    return "\n".join(_collapse_line(line) for line in text.split("\n"))


def _collapse_line(line: str) -> str:
    body = line.lstrip(" \t")
    indent = line[: len(line) - len(body)].replace("\t", "    ")
    return indent + _SPACE_RUN.sub(" ", body).rstrip() if body else ""


# --- hyphenation --------------------------------------------------------------------------

# Words after a line-end hyphen that show the hyphen is a shared compound ending:
# "helse- og omsorg", "privat- eller", "short- and long-term".
_COMPOUND_CONJUNCTIONS = frozenset({"og", "eller", "samt", "and", "or", "och", "und"})
_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])[-‐][ \t]*\n[ \t]*(?=([^\W\d_]+))")


def dehyphenate(text: str) -> str:
    """Join words split by a hyphen at a line end (``utvik-\\nling`` → ``utvikling``).

    The hyphen stays, and only the line break goes, when the next word starts in upper case
    (``Nord-\\nTrøndelag``); both stay as a hyphen and a space when the next word is a
    conjunction (``helse-\\nog omsorg`` → ``helse- og omsorg``).
    """

    def join(match: re.Match[str]) -> str:
        following = match.group(1)
        if following.lower() in _COMPOUND_CONJUNCTIONS:
            return match.group()[0] + " "
        if following[0].isupper():
            return match.group()[0]
        return ""

    return _LINE_END_HYPHEN.sub(join, text)


def join_broken_ranges(text: str) -> str:
    """Join a range of figures broken after its dash at a line end (``2021–\\n2024`` →
    ``2021–2024``), so that it reads as one period, not a figure and a year."""
    return _RANGE_BREAK.sub(r"\1", text)


_RANGE_BREAK = re.compile(r"(?<=\d)([-‐–])[ \t]*\n[ \t]*(?=\d)")


# A line that opens with a short label and a colon ("Dato: 7. februar 2024", "Referent:
# Simen Arntzen, næringskonsulent"), as the fields heading minutes and case documents are.
FIELD = r"[A-ZÆØÅÄÖÜ][\w.()/-]*(?: [\w.()/-]+){0,3}: +\S"
_FIELD_LINE = re.compile(rf"^\s*{FIELD}")


def is_field_line(line: str) -> bool:
    """Whether a line is a field of a document's heading: a short label, a colon, a value."""
    return _FIELD_LINE.match(line) is not None


FieldKind = Literal["date", "writer", "place", "issuer", "present"]
# What a field of a document's head says, by its label, in the four languages: when
# ("Dato", "Møtedato"), who wrote it ("Referent", "Saksbehandler"), where ("Sted", "Dato og
# sted"), who issued it ("Arrangør", "Utgiver") and who was there ("Til stede").
_FIELD_LABELS: dict[FieldKind, re.Pattern[str]] = {
    "date": re.compile(r"(?i)^(?:møte|mote|möte|meeting\s+)?(?:dato|date|datum|tid|tidspunkt)\b"),
    "writer": re.compile(
        r"(?i)^(?:referent|skrivar|sekretær|sekreterare|protokollförare|protokollfører|"
        r"forfattere?|forfattar(?:ar)?|författare|authors?|minutes(?:\s+taken)?\s+by|"
        r"(?:skrevet|skrive|skriven|skrivet|written|prepared|utarbeidet|utarbeida|utarbetad)\s+av|"
        r"(?:written|prepared)\s+by|saksbehandl[ae]r|handläggare|note\s*taker)$"
    ),
    "place": re.compile(r"(?i)\b(?:sted|stad|plats|place|venue|location|lokale)$"),
    "issuer": re.compile(
        r"(?i)^(?:arrangør|arrangör|organiser|organizer|utgiver|utgjevar|utgivare|publisher|"
        r"issued by|kommune|kommun|municipality)$"
    ),
    "present": re.compile(
        r"(?i)^(?:til\s+st[ae]des?|tilstede|deltakere|deltakarar|deltagare|närvarande|present|"
        r"participants|attendees|invited|inviterte|frånvarande|forfall|absent)\b"
    ),
}
_FIELD = re.compile(r"^\s*([A-ZÆØÅÄÖÜ][\w.()/-]*(?: [\w.()/-]+){0,3}):\s+(\S.*)$")


def field_of(line: str) -> tuple[frozenset[FieldKind], str] | None:
    """What a field line of a document's head says (the kinds its label names; "Dato og
    sted" is a date and a place) and its value; None for a line that is no field."""
    field = _FIELD.match(line)
    if field is None:
        return None
    label = field[1].strip()
    kinds = frozenset(kind for kind, pattern in _FIELD_LABELS.items() if pattern.search(label))
    return kinds, field[2].strip()


# --- page furniture -----------------------------------------------------------------------

_PAGE_NUMBER = re.compile(
    r"^[\s\-–—|]*(?:(?:side|page|s\.|sida|p\.)\s*)?"
    r"(?:\d{1,4}|(?-i:[ivxlcdm]{1,7}|[IVXLCDM]{2,7}))"
    r"(?:\s*(?:/|av|of|af)\s*\d{1,4})?[\s\-–—|]*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
# Roman page numbers ("iv") are numbers too; the word "i" goes with them, which does no harm.
_ROMAN_WORD = re.compile(r"\b[ivxlc]{1,7}\b")


def is_page_number_line(line: str) -> bool:
    """True for a line holding only a page number: ``7``, ``- 7 -``, ``side 7 av 12``, ``iv``."""
    return bool(line.strip()) and _PAGE_NUMBER.match(line) is not None


def furniture_key(line: str) -> str:
    """A line with its numbers blanked, so ``Rapport 2019 side 3`` matches ``... side iv``.

    The words are sorted: a footer that swaps its parts between odd and even pages
    (``7 | Rapport 2023``, ``Rapport 2023 | 8``) is one footer.
    """
    blanked = _ROMAN_WORD.sub("#", _DIGITS.sub("#", line.lower()))
    return " ".join(sorted(blanked.split()))


# A running header or footer stands on at least this share of the pages (it may alternate
# between even and odd pages, or move between the top and the foot).
FURNITURE_SHARE = 0.25


def furniture_bounds(
    pages: Sequence[Sequence[str]],
    depth: int = 2,
    min_pages: int = 3,
    known: frozenset[str] = frozenset(),
) -> list[tuple[int, int]]:
    """For each page, the ``(first, last)`` slice of its lines that is not furniture.

    A line among the first or last ``depth`` lines of a page is furniture when the same line
    (numbers aside) stands at an edge of a page, top or foot, on at least `FURNITURE_SHARE`
    of the pages and on at least ``min_pages`` of them; a bare page number there is furniture
    anyway, and so is a line whose key (`furniture_key`) the caller ``known`` from the layout.
    Furniture sits at the edge: a line counts only if the ones outside it did. A line whose
    key stands again inside its page is none: a running header or footer is printed once a
    page, the rows of a long table that go on from page to page ("Kommune 38  2 406  48")
    many times.
    """
    needed = max(min_pages, math.ceil(len(pages) * FURNITURE_SHARE))
    seen: Counter[str] = Counter()
    for lines in pages:
        seen.update({furniture_key(line) for line in [*lines[:depth], *lines[-depth:]]})

    def furniture(line: str, inside: set[str]) -> bool:
        if is_page_number_line(line):
            return True
        key = furniture_key(line)
        return key not in inside and (seen[key] >= needed or key in known)

    bounds = []
    for lines in pages:
        inside = {furniture_key(line) for line in lines[depth : len(lines) - depth]}
        first = 0
        while first < min(depth, len(lines)) and furniture(lines[first], inside):
            first += 1
        last = len(lines)
        while len(lines) - last < depth and last > first and furniture(lines[last - 1], inside):
            last -= 1
        bounds.append((first, last))
    return bounds


def remove_page_furniture(
    pages: Sequence[Sequence[str]], depth: int = 2, min_pages: int = 3
) -> list[list[str]]:
    """Each page's non-blank lines without running headers, footers and page numbers."""
    bodies = [[line for line in page if line.strip()] for page in pages]
    bounds = furniture_bounds(bodies, depth, min_pages)
    return [lines[first:last] for lines, (first, last) in zip(bodies, bounds, strict=True)]


# --- headings -----------------------------------------------------------------------------

# "4.1 Muligheter", "4. MULIGHETER", "2.2.1 I stor grad": one or two digits, then up to three
# dotted parts, then a title starting with a letter (so years and amounts are not numbers).
# A chapter may be named as one: "Kapittel 3 Funn", "CHAPTER 2: FINDINGS", "Del 1 Bakgrunn".
_HEADING_NUMBER = re.compile(
    r"^(?:(?i:kapittel|kapitel|chapter|del|part)\s+(?=\d{1,2}\b(?!\.\d)))?"
    r"(\d{1,2}(?:\.\d{1,2}){0,3})[.:]?\s+(?=[^\W\d_])(.+)$"
)


def split_heading_number(heading: str) -> tuple[str | None, str]:
    """Split ``4.1 Muligheter`` into ``("4.1", "Muligheter")``; ``(None, heading)`` if bare.

    A chapter word before the number goes with it: ``Kapittel 3 Funn`` is ``("3", "Funn")``.
    """
    match = _HEADING_NUMBER.match(heading.strip())
    if match is None:
        return None, heading.strip()
    return match.group(1), match.group(2).strip()


def numbered_heading(line: str) -> tuple[str, str] | None:
    """``(number, title)`` of a line that looks like a numbered heading, else None.

    Short, one line, the title starting in upper case and without a sentence end: a numbered
    list item usually ends with a period.
    """
    if "\n" in line.strip() or len(line) > 100 or parse_toc_line(line):
        return None
    number, title = split_heading_number(line)
    if number is None or len(title.split()) > 12 or not title[0].isupper():
        return None
    return (number, title) if ends_mid_sentence(title) or title.endswith("?") else None


def number_parts(number: str) -> tuple[int, ...]:
    """``"2.2.1"`` → ``(2, 2, 1)``."""
    return tuple(int(part) for part in number.split("."))


def is_shouting(text: str) -> bool:
    """True for text set all in capitals (at least four letters, no lower case)."""
    letters = [char for char in text if char.isalpha()]
    return len(letters) >= 4 and all(char.isupper() for char in letters)


_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*(?:[-•*]\s+)?)$")


def word_casing(body: str) -> dict[str, str]:
    """How each word is usually spelled in running text (``resens`` → ``ReSeNS``).

    Words at the start of a sentence say nothing about casing and are skipped, as are long
    all-capital forms, which are shouting rather than spelling.
    """
    forms: dict[str, Counter[str]] = {}
    for match in _WORD.finditer(body):
        word = match.group()
        if len(word) >= 5 and word.isupper():
            continue
        if _SENTENCE_START.search(body, max(0, match.start() - 4), match.start()):
            continue
        forms.setdefault(word.lower(), Counter())[word] += 1
    return {
        lower: max(counts, key=lambda form: (counts[form], form == lower))
        for lower, counts in forms.items()
    }


def readable_case(heading: str, casing: dict[str, str] | None = None) -> str:
    """Sentence case for a shouting heading, keeping words as the body spells them."""
    known = casing or {}

    def recase(match: re.Match[str]) -> str:
        word = match.group().lower()
        return known.get(word, word)

    text = _WORD.sub(recase, heading.lower())
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1 :]
    return text


# --- tables of contents -------------------------------------------------------------------

TOC_HEADINGS = frozenset(
    {
        "innhold",
        "innholdsfortegnelse",
        "innholdsliste",
        "innhald",
        "innehåll",
        "innehållsförteckning",
        "indhold",
        "indholdsfortegnelse",
        "contents",
        "table of contents",
    }
)
# "4.1 Muligheter<TAB>7", "4.1 Muligheter ....... 7", "1 Introduction . . . . 1", "Forord   i".
_TOC_LINE = re.compile(
    r"^\s*(?P<title>\S.*?)(?:\t+|\s*(?:\.\s?){3,}\s*|\s{3,}|\s+…+\s*)"
    r"(?P<page>\d{1,4}|[ivxlcdm]{1,7})\s*$",
    re.IGNORECASE,
)


def is_toc_heading(heading: str) -> bool:
    """True for a table-of-contents heading such as ``Innhold`` or ``Contents``."""
    return heading.strip().strip("*:#").strip().lower() in TOC_HEADINGS


def heading_key(title: str) -> str:
    """A heading or contents entry as compared with another: words only, case folded."""
    return " ".join(re.sub(r"[\W_]+", " ", title).casefold().split())


# Leaders a PDF draws after the page number, which its text then reads after it:
# "1.1 Bakgrunn 4. . . . . . .".
_TOC_LINE_LEADERS_AFTER = re.compile(
    r"^\s*(?P<title>\S.*?)\s+(?P<page>\d{1,4}|[ivxlcdm]{1,7})\s*(?:\.\s?){3,}\s*$",
    re.IGNORECASE,
)


def parse_toc_line(line: str) -> tuple[str, str] | None:
    """``4.1 Muligheter\\t7`` → ``("4.1 Muligheter", "7")``; None for other lines."""
    match = _TOC_LINE.match(line) or _TOC_LINE_LEADERS_AFTER.match(line)
    if match is None:
        return None
    return match.group("title").strip(), match.group("page").lower()


# --- bibliographies -----------------------------------------------------------------------

# Headings that open a bibliography, in every language the corpus speaks: the one list the
# loaders, the chunker and the reference parser all use.
BIBLIOGRAPHY_HEADINGS = frozenset(
    {
        "litteraturliste",
        "litteratur",
        "litteraturhenvisninger",
        "litteraturhenvisingar",
        "referanser",
        "referansar",
        "referanseliste",
        "kilder",
        "kjelder",
        "kildeliste",
        "kjeldeliste",
        "kilder og litteratur",
        "kjelder og litteratur",
        "källor",
        "källförteckning",
        "referenser",
        "litteraturförteckning",
        "references",
        "reference list",
        "bibliography",
        "works cited",
        "literature",
    }
)
_HEADING_DECORATION = re.compile(r"^[\s#*_]*(?:\d+(?:\.\d+)*\.?\s+)?|[\s*_:.]*$")


def is_bibliography_heading(heading: str) -> bool:
    """True for a heading that opens a bibliography: ``Litteratur``, ``7. Kjelder``,
    ``## References``, ``**Källor**``, ``LITTERATURLISTE``."""
    title = _HEADING_DECORATION.sub("", heading.strip())
    return " ".join(title.casefold().split()) in BIBLIOGRAPHY_HEADINGS


# --- broken sentences ---------------------------------------------------------------------

_TERMINAL = re.compile(r"[.!?…:;]['\"»”’)\]]*$")


def ends_mid_sentence(paragraph: str) -> bool:
    """True when a paragraph stops without terminal punctuation (``... mellom kommuner,``)."""
    stripped = paragraph.rstrip()
    return bool(stripped) and _TERMINAL.search(stripped) is None


# A list's item marked by a letter or a roman numeral: "a) Innen havbruk", "ii. Med fylket".
_LETTERED_ITEM = re.compile(r"^\(?(?:[a-z]|[ivx]{1,4})[.)]\s+(?=[^\W\d_])")


def starts_mid_sentence(paragraph: str) -> bool:
    """True when a paragraph starts with a lower-case letter (``og andre aktører ...``), not
    a list's lettered item (``a) Innen havbruk``: a nested item after its outer one)."""
    stripped = paragraph.lstrip()
    if not stripped or not stripped[0].isalpha() or not stripped[0].islower():
        return False
    item = _LETTERED_ITEM.match(stripped)
    return item is None or not stripped[item.end()].isupper()


def continues(previous: str, following: str) -> bool:
    """True when ``following`` is the rest of the sentence ``previous`` broke off."""
    return ends_mid_sentence(previous) and starts_mid_sentence(following)


# --- web pages ----------------------------------------------------------------------------


# Boxes a questionnaire prints before its answer options ("☐ Ja ☐ Nei"): no buttons.
_ANSWER_BOXES = frozenset("☐☑☒□▢○◯")


def is_widget_line(line: str) -> bool:
    """True for a web page's button row, e.g. ``♥ Spara favoritt ☞ Lyssna 30 november 2017``;
    a questionnaire's answer options (``☐ 0–4 ☐ 5–19 ☐ 20 eller flere``) are none."""
    symbols = [char for char in line if unicodedata.category(char) == "So"]
    if symbols and all(char in _ANSWER_BOXES for char in symbols):
        return False
    return len(symbols) >= 2 and len(line.strip()) <= 100
