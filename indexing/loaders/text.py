"""Plain-text loader: paragraphs, and headings where they are obvious.

Numbered headings are found when they number like headings; in a text without them, a short
line in capitals standing as a paragraph of its own (or with a date line beside it, as a
newsletter's item) heads what follows, and so does a line underlined with ``===`` or ``---``.
Lines of one repeated character (``--------``) are rules: they part paragraphs and are no text.
A saved e-mail's header gives the title (``Subject:``), the sender and the year (``Date:``);
minutes' and memos' fields give the year (``Dato:``) and the writer (``Referent:``), and the
line under their kind in capitals (``REFERAT``) the title.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from assistant.domain import LoadedDocument
from assistant.errors import DocumentLoadError
from indexing.cleaning import (
    collapse_spaces,
    dehyphenate,
    is_field_line,
    is_shouting,
    normalize_characters,
    numbered_heading,
    readable_case,
    word_casing,
)
from indexing.loaders._metadata import header_fields, is_header_field
from indexing.loaders._structure import (
    Heading,
    PageBreak,
    Part,
    assemble,
    plausible_numbering,
    rejoin_broken_sentences,
)

_BLANK_RUN = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")
_PAGE_GAP = re.compile(r"(?:\n[ \t]*){4,}")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•–]|\d{1,2}[.)]|[a-zæøå]\))\s+")
# Fewer numbered lines than this do not make a document with numbered headings.
MIN_HEADINGS = 2
# A rule: one character repeated on a line of its own ("-----", "=====", "*****").
_RULE = re.compile(r"^[ \t]*([-=*_~#+.])\1{4,}[ \t]*$", re.MULTILINE)
# A line of "=" or "-" under a heading's words ("Innledning" over "==========").
_UNDERLINE = re.compile(r"([=-])\1{2,}")
# A heading set in capitals has at most this many words.
HEADING_WORDS = 12
# A saved e-mail's header fields, in the languages of the literature.
_MAIL_FIELD = re.compile(
    r"^(subject|emne|ämne|from|fra|frå|från|date|dato|datum|to|til|till|cc|sent|sendt|skickat)"
    r":[ \t]*(.*)$",
    re.IGNORECASE,
)
_MAIL_TITLE = frozenset({"subject", "emne", "ämne"})
_MAIL_SENDER = frozenset({"from", "fra", "frå", "från"})
_MAIL_DATE = frozenset({"date", "dato", "datum", "sent", "sendt", "skickat"})
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def read_text(path: Path) -> str:
    """The file's text: UTF-8 (with or without BOM), else Windows-1252."""
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise DocumentLoadError(
            f"{path.name}: binary data, not text (is the suffix right? "
            "supported: .pdf .md .markdown .txt .docx)"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise DocumentLoadError(
            f"{path.name}: neither UTF-8 nor Windows-1252 text; save it as UTF-8"
        ) from error


def load_text(path: Path) -> LoadedDocument:
    """Load a plain-text file (``.txt``)."""
    return parse_text(read_text(path), path.name)


def parse_text(source: str, name: str = "document.txt") -> LoadedDocument:
    """Paragraphs of plain text in one section, or under its headings if obvious."""
    text = dehyphenate(normalize_characters(source.replace("\f", "\n\n\n\n")))
    mail = _mail_header(text)
    width = wrap_width(text)
    parts: list[Part] = []
    for page_number, page in enumerate(_PAGE_GAP.split(text.strip("\n"))):
        if page_number:
            parts.append(PageBreak())
        for block in _BLANK_RUN.split(_underlined(page)):
            # A rule parts what stands above it from what stands below it.
            for piece in _RULE.split(block)[::2]:
                if piece.strip():
                    parts.extend(_block_parts(piece, width))
    marked = _mark_headings(parts)
    parts = _capital_headings(parts) if marked is parts else marked
    # Where numbered headings head the text, a line in capitals is a paragraph like any.
    parts = [str(part) if isinstance(part, _Shouting) else part for part in parts]
    assembly = assemble(rejoin_broken_sentences(parts))
    if not assembly.text.strip():
        raise DocumentLoadError(f"{name}: no text (the file is empty)")
    if mail:
        title, authors = mail.get("title"), [mail["sender"]] if mail.get("sender") else []
        year = int(mail["year"]) if mail.get("year") else None
    else:
        year, authors = header_fields(assembly.text)
        title = _headed_title(text)
    return LoadedDocument(
        text=assembly.text, sections=assembly.sections, title=title, authors=authors, year=year
    )


# The words a title line has at most.
TITLE_WORDS = 20


def _headed_title(text: str) -> str | None:
    """The title of a document headed by its kind in capitals and fields ("REFERAT" over
    "Arbeidsverksted: Kommunen som playmaker" over "Sted: ...", "Dato: ..."): the line
    between them. A field naming a date, a place or a writer is no title."""
    lines = [line.strip() for line in text.lstrip().split("\n") if line.strip()][:3]
    if len(lines) < 3 or not _shouting_line(lines[0]) or len(lines[0].split()) > 4:
        return None
    title, below = lines[1], lines[2]
    if len(title.split()) > TITLE_WORDS or title.endswith(".") or is_header_field(title):
        return None
    return collapse_spaces(title) if is_field_line(below) else None


def _mail_header(text: str) -> dict[str, str]:
    """Title, sender and year from the header fields a saved e-mail opens with."""
    found: dict[str, str] = {}
    for line in text.lstrip().split("\n"):
        field = _MAIL_FIELD.match(line.strip())
        if field is None:
            break
        label, value = field[1].casefold(), field[2].strip()
        if label in _MAIL_TITLE and value:
            found["title"] = re.sub(r"^(?:(?:re|sv|fw|fwd|vs|vb):\s*)+", "", value, flags=re.I)
        elif label in _MAIL_SENDER and value:
            sender = re.sub(r"\s*<[^>]*>\s*|\S+@\S+", " ", value).strip(" \"'")
            if sender:
                found["sender"] = sender
        elif label in _MAIL_DATE and (year := _YEAR.search(value)):
            found["year"] = year.group()
    return found if len(found) >= 2 else {}  # one field-like line makes no e-mail


class _Shouting(str):
    """A short line in capitals standing apart: a heading where the text has no numbered
    ones (`_capital_headings`), else an ordinary paragraph."""

    __slots__ = ()


def _underlined(page: str) -> str:
    """A line underlined by a rule of ``=`` or ``-`` about its length, after a blank line
    ("Innledning" over "=========="), stands as a heading line of its own: in capitals, as
    a line set apart in capitals is read. A line between two rules is no underlined one."""
    lines = page.split("\n")
    for at in range(len(lines) - 1):
        line, below = lines[at].strip(), lines[at + 1].strip()
        if (
            line
            and _UNDERLINE.fullmatch(below) is not None
            and len(below) >= 0.6 * len(line)
            and (at == 0 or not lines[at - 1].strip())
            and not _RULE.fullmatch(line)
        ):
            lines[at], lines[at + 1] = line.upper(), ""
    return "\n".join(lines)


def wrap_width(text: str) -> int | None:
    """How long the text's lines run before they wrap: the longest line that surely wrapped
    (the line below it goes on in lower case); None for a text whose lines never wrap
    (a paragraph a line), where every line break is the writer's."""
    lines = text.split("\n")
    wrapped = [
        len(line.rstrip())
        for line, below in itertools.pairwise(lines)
        if line.strip() and below.strip()[:1].islower() and not _LIST_ITEM.match(below)
    ]
    return max(wrapped, default=None)


def _block_parts(block: str, width: int | None) -> list[Part]:
    """A block of lines as paragraphs: a short line in capitals at its top or right under a
    date line stands apart (a newsletter's "3 March 2025" / "HEGGVIK TRIPLES ITS FUND")."""
    lines = [line for line in block.split("\n") if line.strip()]
    for at, line in enumerate(lines[:2]):
        if _shouting_line(line) and (at == 0 or len(lines[0].split()) <= 4):
            rest = [*lines[:at], *lines[at + 1 :]]
            kept: list[Part] = [_Shouting(collapse_spaces(line).strip())]
            if rest:
                kept.append(_join_lines("\n".join(rest), width))
            return kept
    return [_join_lines(block, width)]


def _shouting_line(line: str) -> bool:
    words = line.split()
    return (
        is_shouting(line)
        and len(words) <= HEADING_WORDS
        and not line.rstrip().endswith((".", ",", ";"))
        and not _LIST_ITEM.match(line)
    )


def _capital_headings(parts: list[Part]) -> list[Part]:
    """Lines in capitals standing apart head the text after them, in a text without numbered
    headings; read in the case the text writes its words in."""
    shouting = [part for part in parts if isinstance(part, _Shouting)]
    if not shouting:
        return parts
    body = (p for p in parts if isinstance(p, str) and not isinstance(p, _Shouting))
    casing = word_casing("\n\n".join(body))
    return [
        Heading(readable_case(part, casing), level=1) if isinstance(part, _Shouting) else part
        for part in parts
    ]


def _join_lines(block: str, width: int | None) -> str:
    """A paragraph's wrapped lines joined; list items, fields ("Dato: 7. februar 2024") and
    lines broken before they reached the text's `width` (by hand, not by wrapping: the next
    line's first word would have fit) ahead of a capital or a digit keep their own lines
    ("12 June 2025 - Annual meeting" over "15 September 2025 - Deadline")."""
    lines: list[str] = []
    for line in block.split("\n"):
        if (
            lines
            and not _LIST_ITEM.match(line)
            and not is_field_line(line)
            and not _broken_by_hand(lines[-1], line, width)
        ):
            lines[-1] = f"{lines[-1]} {line.strip()}"
        else:
            lines.append(line.rstrip())
    return collapse_spaces("\n".join(lines)).strip("\n")


def _broken_by_hand(line: str, below: str, width: int | None) -> bool:
    """Whether a line ends where its writer broke it rather than where it wrapped: the first
    word of the line below, a capital or a digit, would have fit on it (any would, in a text
    whose lines never wrap)."""
    first = next(iter(below.split()), "")
    if not (first[:1].isupper() or first[:1].isdigit()):
        return False
    return width is None or len(line.rstrip()) + 1 + len(first) <= width


def _mark_headings(parts: list[Part]) -> list[Part]:
    """Numbered one-line paragraphs become headings when they number like headings."""
    candidates = {
        index: found
        for index, part in enumerate(parts)
        if isinstance(part, str) and (found := numbered_heading(part))
    }
    accepted = plausible_numbering([number for number, _ in candidates.values()])
    chosen = {index for index, ok in zip(candidates, accepted, strict=True) if ok}
    if len(chosen) < MIN_HEADINGS:
        return parts
    casing = word_casing("\n\n".join(p for i, p in enumerate(parts) if isinstance(p, str)))
    marked: list[Part] = []
    for index, part in enumerate(parts):
        if index in chosen:
            number, title = candidates[index]
            title = readable_case(title, casing) if is_shouting(title) else title
            marked.append(Heading(f"{number} {title}", level=number.count(".") + 1, number=number))
        else:
            marked.append(part)
    return marked
