"""Plain-text loader: paragraphs, and numbered headings where they are obvious."""

from __future__ import annotations

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
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•–]|\d{1,2}[.)])\s+")
# Fewer numbered lines than this do not make a document with numbered headings.
MIN_HEADINGS = 2


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
    """Paragraphs of plain text in one section, or under its numbered headings if obvious."""
    text = dehyphenate(normalize_characters(source.replace("\f", "\n\n\n\n")))
    parts: list[Part] = []
    for page_number, page in enumerate(_PAGE_GAP.split(text.strip("\n"))):
        if page_number:
            parts.append(PageBreak())
        parts.extend(_join_lines(block) for block in _BLANK_RUN.split(page) if block.strip())
    parts = _mark_headings(parts)
    assembly = assemble(rejoin_broken_sentences(parts))
    if not assembly.text.strip():
        raise DocumentLoadError(f"{name}: no text (the file is empty)")
    return LoadedDocument(text=assembly.text, sections=assembly.sections)


def _join_lines(block: str) -> str:
    """A paragraph's wrapped lines joined; list items and fields ("Dato: 7. februar 2024")
    keep their own lines."""
    lines: list[str] = []
    for line in block.split("\n"):
        if lines and not _LIST_ITEM.match(line) and not is_field_line(line):
            lines[-1] = f"{lines[-1]} {line.strip()}"
        else:
            lines.append(line.rstrip())
    return collapse_spaces("\n".join(lines)).strip("\n")


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
