"""Word loader (python-docx): paragraphs and table cells in order, heading styles as sections.

Heading styles are recognised by name in English and Norwegian (``Heading 2``,
``Overskrift 2``); a Word file has no fixed pages, so none are given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from assistant.domain import LoadedDocument
from assistant.errors import DocumentLoadError
from indexing.cleaning import (
    collapse_spaces,
    is_shouting,
    normalize_characters,
    readable_case,
    split_heading_number,
    word_casing,
)
from indexing.loaders._structure import Heading, Part, assemble

_HEADING_STYLE = re.compile(
    r"^(?:heading|overskrift|rubrik|überschrift|titre)\s*(\d)$", re.IGNORECASE
)
_TITLE_STYLES = frozenset({"title", "tittel", "titel"})


@dataclass(frozen=True)
class Block:
    """One paragraph of the file: ``level`` 0 for body text, n for a heading, -1 the title."""

    text: str
    level: int = 0


def load_docx(path: Path) -> LoadedDocument:
    """Load a Word file (``.docx``)."""
    try:
        document = docx.Document(str(path))
        blocks = list(_blocks(document))
        title = (document.core_properties.title or "").strip() or None
    except Exception as error:  # python-docx and zipfile raise many kinds on broken files
        detail = str(error).strip().splitlines()[0] if str(error).strip() else ""
        raise DocumentLoadError(
            f"{path.name}: not a readable Word file ({type(error).__name__}"
            f"{': ' + detail if detail else ''})"
        ) from error
    return parse_docx_blocks(blocks, path.name, title)


def _blocks(document: Document) -> Iterator[Block]:
    """Paragraphs and table cells in document order."""
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            yield _paragraph_block(item)
        elif isinstance(item, Table):
            yield from _table_blocks(item)


def _paragraph_block(paragraph: Paragraph) -> Block:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    heading = _HEADING_STYLE.match(style.strip())
    if heading:
        return Block(paragraph.text, int(heading.group(1)))
    if style.strip().lower() in _TITLE_STYLES:
        return Block(paragraph.text, -1)
    if "list" in style.lower() or "liste" in style.lower():
        return Block(f"- {paragraph.text.strip()}")
    return Block(paragraph.text)


def _table_blocks(table: Table) -> Iterator[Block]:
    """Each cell's text as a paragraph, merged cells once."""
    # Merged cells come back once per grid position; the dict keeps each element alive so
    # that its id is not reused by another.
    seen: dict[int, object] = {}
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen[id(cell._tc)] = cell._tc
            text = "\n".join(p.text for p in cell.paragraphs if p.text.strip())
            if text.strip():
                yield Block(text)


def parse_docx_blocks(
    blocks: Sequence[Block], name: str = "document.docx", title: str | None = None
) -> LoadedDocument:
    """Build the document from its paragraphs, headings nested by level or number."""
    cleaned = [
        Block(collapse_spaces(normalize_characters(block.text)).strip(), block.level)
        for block in blocks
    ]
    cleaned = [block for block in cleaned if block.text]
    casing = word_casing("\n\n".join(block.text for block in cleaned if block.level == 0))
    parts: list[Part] = []
    for block in cleaned:
        if block.level == -1:
            title = title or block.text
        elif block.level == 0:
            parts.append(block.text)
        else:
            parts.append(_heading(block, casing))
    assembly = assemble(parts)
    if not assembly.text.strip():
        raise DocumentLoadError(f"{name}: no text (the Word file is empty)")
    return LoadedDocument(text=assembly.text, sections=assembly.sections, title=title)


def _heading(block: Block, casing: dict[str, str]) -> Heading:
    number, text = split_heading_number(block.text)
    text = readable_case(text, casing) if is_shouting(text) else text
    return Heading(f"{number} {text}" if number else text, level=block.level, number=number)
