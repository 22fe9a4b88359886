"""Word loader (python-docx): paragraphs and table cells in order, heading styles as sections.

Heading styles are recognised by name in English and Norwegian (``Heading 2``,
``Overskrift 2``), and so are headings set by hand as short bold paragraphs; a Word file has no
fixed pages, so none are given. Footnotes (Word's own,
or superscript numbers with the notes as numbered paragraphs under a heading such as
``Noter``) come back as ``Fotnote n: ...`` at the end of the section that cites them, as in
the other loaders. Lists keep the labels Word shows: numbers and letters counted as Word counts
them ("2.", "b."), a bullet as ``-``; headings numbered by Word's outline list get their
numbers. Title, authors and year come from the core properties.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.table import Table
from docx.text.paragraph import Paragraph

from assistant.domain import LoadedDocument
from assistant.errors import DocumentLoadError
from indexing.cleaning import (
    collapse_spaces,
    ends_mid_sentence,
    heading_key,
    is_shouting,
    is_toc_heading,
    normalize_characters,
    parse_toc_line,
    readable_case,
    split_heading_number,
    word_casing,
)
from indexing.loaders._metadata import (
    document_language,
    header_fields,
    is_placeholder,
    printed_authors,
    printed_title,
    split_authors,
)
from indexing.loaders._structure import (
    Heading,
    Part,
    assemble,
    note_mark,
    place_footnotes,
    plain,
    table_rows,
)

_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
# Headings of a list of notes kept as ordinary paragraphs at the end of a document.
NOTE_HEADINGS = frozenset({"noter", "notar", "fotnoter", "fotnotar", "notes", "endnotes"})
# A note's paragraph: its number, set in superscript (a mark, as `_keep_marks` holds it) or not.
_NOTE_LINE = re.compile(r"^\s*(?:\ue000N(\d{1,3})\ue000\s*|(\d{1,3})[.)]?\s+)(\S.*)$")
# A cell of a table of figures holds a label or a figure, not running text.
TABLE_CELL_WORDS = 8

_HEADING_STYLE = re.compile(
    r"^(?:heading|overskrift|rubrik|überschrift|titre)\s*(\d)$", re.IGNORECASE
)
_TITLE_STYLES = frozenset({"title", "tittel", "titel"})
# Word's table-of-contents entries ("toc 1", "TOC 2", "Innehållsförteckning 1").
_CONTENTS_STYLE = re.compile(r"(?i)^(?:toc|innholdsfortegnelse|innehållsförteckning)\s*\d$")
# A bold paragraph of at most this many words, without a full stop, is a heading.
HEADING_WORDS = 12
# The level of an unnumbered bold heading: under the styled top-level headings.
BOLD_HEADING_LEVEL = 2
# Longest line of a contents typed as paragraphs.
CONTENTS_LINE = 100


@dataclass(frozen=True)
class Block:
    """One paragraph of the file: ``level`` 0 for body text, n for a heading, -1 the title.

    Footnote markers in ``text`` are marks (`note_mark`), not digits.
    """

    text: str
    level: int = 0


@dataclass(frozen=True)
class DocxInfo:
    """What the core properties say about the document."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    year: int | None = None


def load_docx(path: Path) -> LoadedDocument:
    """Load a Word file (``.docx``)."""
    try:
        document = docx.Document(str(path))
        blocks = list(_blocks(document))
        notes = _footnotes(document)
        info = _info(document)
    except Exception as error:  # python-docx and zipfile raise many kinds on broken files
        detail = str(error).strip().splitlines()[0] if str(error).strip() else ""
        raise DocumentLoadError(
            f"{path.name}: not a readable Word file ({type(error).__name__}"
            f"{': ' + detail if detail else ''})"
        ) from error
    # Metadata the text never prints (a template's title, a login) says nothing of it.
    text = "\n".join(block.text for block in blocks)
    title = info.title if info.title and printed_title(info.title, text) else None
    loaded = parse_docx_blocks(blocks, path.name, title, notes)
    if loaded.title is None and info.title:
        loaded = loaded.model_copy(update={"title": info.title})
    # Where the properties are empty, the fields heading a memo or case document do.
    year, writers = header_fields(loaded.text)
    return loaded.model_copy(
        update={
            "authors": printed_authors(info.authors, text) or writers,
            "year": info.year or year,
            "language": document_language(loaded.text),
        }
    )


def _info(document: Document) -> DocxInfo:
    properties = document.core_properties
    created = properties.created
    title = (properties.title or "").strip()
    return DocxInfo(
        title=title if title and not is_placeholder(title) else None,
        authors=[a for a in split_authors(properties.author or "") if not is_placeholder(a)],
        year=created.year if created is not None else None,
    )


def _blocks(document: Document) -> Iterator[Block]:
    """Paragraphs and table cells in document order."""
    numbers = ListNumbers.of(document)
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            yield _paragraph_block(item, numbers)
        elif isinstance(item, Table):
            yield from _table_blocks(item)


def _paragraph_block(paragraph: Paragraph, numbers: ListNumbers) -> Block:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    text = _text_with_marks(paragraph)
    if _CONTENTS_STYLE.match(style.strip()):
        return Block("")  # an entry of Word's own table of contents: no text of the report
    label = numbers.label(paragraph)
    heading = _HEADING_STYLE.match(style.strip())
    if heading:
        # A heading numbered by Word's multilevel list gets its number back ("2.1").
        shown = label.rstrip(".") if label and label != BULLET else ""
        return Block(f"{shown} {text}" if shown else text, int(heading.group(1)))
    if style.strip().lower() in _TITLE_STYLES:
        return Block(text, -1)
    if label:
        return Block(f"{label} {text.strip()}")
    if "list" in style.lower() or "liste" in style.lower():
        return Block(f"{BULLET} {text.strip()}")
    if style.strip().lower() in _CAPTION_STYLES:
        return Block(text)  # a table's or figure's caption, bold as it may be, heads nothing
    if _bold_line(paragraph, text):
        # Many Word files set their headings by hand, as a short bold paragraph.
        number, _ = split_heading_number(plain(text))
        return Block(text, number.count(".") + 1 if number else BOLD_HEADING_LEVEL)
    return Block(text)


# Word's caption style, by its English name (python-docx's) and the names Norwegian and
# Swedish Word give it.
_CAPTION_STYLES = frozenset({"caption", "bildetekst", "beskrivelse", "beskrivning", "bildtext"})


def _bold_line(paragraph: Paragraph, text: str) -> bool:
    """A short paragraph set all in bold that reads as a title, not a sentence."""
    runs = [run for run in paragraph.runs if run.text.strip()]
    words = plain(text).split()
    if not runs or not words or len(words) > HEADING_WORDS:
        return False
    bold = all(run.bold or (run.bold is None and _style_bold(paragraph)) for run in runs)
    return bold and ends_mid_sentence(plain(text))


def _style_bold(paragraph: Paragraph) -> bool:
    style = paragraph.style
    return bool(style is not None and style.font is not None and style.font.bold)


BULLET = "-"
# Word's number formats written as the list shows them; any other format is shown as a bullet.
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _roman(value: int) -> str:
    digits = []
    for size, letters in _ROMAN:
        count, value = divmod(value, size)
        digits.append(letters * count)
    return "".join(digits)


def _letters(value: int) -> str:
    # Word's letters run a..z, then aa..zz, then aaa..
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda value: f"{value:02d}",
    "lowerLetter": _letters,
    "upperLetter": lambda value: _letters(value).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda value: _roman(value).upper(),
}


@dataclass(frozen=True)
class ListLevel:
    """One level of a Word list: its number format, label pattern (``%1.%2``) and start."""

    form: str
    pattern: str
    start: int = 1


@dataclass
class ListNumbers:
    """Word's automatic list numbers, counted as Word counts them: per list (``numId``), a
    level's count starting again under each item of a level above it."""

    levels: dict[str, dict[int, ListLevel]] = field(default_factory=dict)
    counts: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Document) -> ListNumbers:
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return cls()  # a file without lists has no numbering part
        abstract = {
            item.get(qn("w:abstractNumId")): _list_levels(item)
            for item in root.iter(qn("w:abstractNum"))
        }
        levels: dict[str, dict[int, ListLevel]] = {}
        for item in root.iter(qn("w:num")):
            base = item.find(qn("w:abstractNumId"))
            found = dict(abstract.get(base.get(qn("w:val")) if base is not None else None, {}))
            for override in item.iter(qn("w:lvlOverride")):
                level, start = (
                    _int(override.get(qn("w:ilvl"))),
                    override.find(qn("w:startOverride")),
                )
                if level in found and start is not None:
                    found[level] = ListLevel(
                        found[level].form, found[level].pattern, _int(start.get(qn("w:val")), 1)
                    )
            levels[item.get(qn("w:numId")) or ""] = found
        return cls(levels)

    def label(self, paragraph: Paragraph) -> str | None:
        """The paragraph's list label ("3.", "b)", or `BULLET`), None if it is no list item."""
        found = _numbering_of(paragraph)
        if found is None:
            return None
        list_id, level = found
        levels = self.levels.get(list_id, {})
        if level not in levels:
            return None
        form = levels[level].form
        if form not in _FORMATS:
            return None if form == "none" else BULLET
        counts = self.counts.setdefault(list_id, {})
        counts[level] = counts.get(level, levels[level].start - 1) + 1
        for deeper in [at for at in counts if at > level]:
            del counts[deeper]
        return re.sub(
            r"%(\d)",
            lambda m: self._shown(list_id, int(m.group(1)) - 1),
            levels[level].pattern,
        ).strip()

    def _shown(self, list_id: str, level: int) -> str:
        found = self.levels[list_id].get(level)
        if found is None:
            return ""
        count = self.counts[list_id].get(level, found.start)
        return _FORMATS.get(found.form, str)(count)


def _list_levels(abstract: Any) -> dict[int, ListLevel]:
    levels = {}
    for level in abstract.iter(qn("w:lvl")):
        form, pattern, start = (
            level.find(qn(f"w:{name}")) for name in ("numFmt", "lvlText", "start")
        )
        levels[_int(level.get(qn("w:ilvl")))] = ListLevel(
            form.get(qn("w:val")) if form is not None else "decimal",
            pattern.get(qn("w:val")) or "" if pattern is not None else "",
            _int(start.get(qn("w:val")) if start is not None else None, 1),
        )
    return levels


def _numbering_of(paragraph: Paragraph) -> tuple[str, int] | None:
    """The list (``numId``) and level of a paragraph, set on it or on its style (or a style
    it is based on); None when it is in no list (``numId`` 0 takes it out of one)."""
    list_id, level = None, None
    elements = [paragraph._p]
    style = paragraph.style
    while style is not None:
        elements.append(style.element)
        style = style.base_style
    for element in elements:
        numbering = element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if numbering is None:
            continue
        found_id, found_level = numbering.find(qn("w:numId")), numbering.find(qn("w:ilvl"))
        if list_id is None and found_id is not None:
            list_id = found_id.get(qn("w:val"))
        if level is None and found_level is not None:
            level = _int(found_level.get(qn("w:val")))
    if list_id is None or list_id == "0":
        return None
    return list_id, level or 0


def _int(text: str | None, default: int = 0) -> int:
    return int(text) if text and text.isdigit() else default


_SUPERSCRIPT_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")


def _text_with_marks(paragraph: Paragraph) -> str:
    """The paragraph's text, its footnote references and superscript numbers as marks."""
    pieces: list[str] = []
    for element in paragraph._p.iter():
        if element.tag == qn("w:t"):
            run = element.getparent()
            number = _SUPERSCRIPT_NUMBER.match(element.text or "")
            if number and run is not None and _superscript(run):
                pieces.append(note_mark(number.group(1)))
            else:
                pieces.append(element.text or "")
        elif element.tag == qn("w:footnoteReference"):
            pieces.append(note_mark(element.get(qn("w:id")) or ""))
        elif element.tag in (qn("w:tab"),):
            pieces.append(" ")
        elif element.tag in (qn("w:br"), qn("w:cr")):
            pieces.append("\n")
    return "".join(pieces)


def _superscript(run: Any) -> bool:
    alignment = run.find(f"{qn('w:rPr')}/{qn('w:vertAlign')}")
    return alignment is not None and alignment.get(qn("w:val")) == "superscript"


def _footnotes(document: Document) -> dict[str, str]:
    """Word's footnotes by id (the separators Word keeps there left out)."""
    for relationship in document.part.rels.values():
        if relationship.reltype != _FOOTNOTES or relationship.is_external:
            continue
        root = parse_xml(relationship.target_part.blob)
        notes: dict[str, str] = {}
        for note in root.iter(qn("w:footnote")):
            if note.get(qn("w:type")) in ("separator", "continuationSeparator"):
                continue
            text = "".join(t.text or "" for t in note.iter(qn("w:t")))
            if text.strip():
                notes[note.get(qn("w:id")) or ""] = " ".join(text.split())
        return notes
    return {}


def _table_blocks(table: Table) -> Iterator[Block]:
    """A table of figures as one sentence a row, each figure named by its column's header;
    any other table (one laid out with paragraphs in its cells) each cell's text as a
    paragraph. Merged cells count once."""
    # Merged cells come back once per grid position; the dict keeps each element alive so
    # that its id is not reused by another.
    seen: dict[int, object] = {}
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen[id(cell._tc)] = cell._tc
            cells.append("\n".join(p.text for p in cell.paragraphs if p.text.strip()))
        rows.append(cells)
    if _of_figures(rows):
        for sentence in table_rows(rows):
            yield Block(sentence)
        return
    for cells in rows:
        for text in cells:
            if text.strip():
                yield Block(text)


def _of_figures(rows: list[list[str]]) -> bool:
    """True for a table of short cells in rows and columns (a header and at least one row
    of two cells or more), not one that lays out paragraphs."""
    cells = [cell for row in rows for cell in row]
    return (
        len(rows) >= 2
        and max(len(row) for row in rows) >= 2
        and all(len(cell.split()) <= TABLE_CELL_WORDS and "\n" not in cell for cell in cells)
    )


def parse_docx_blocks(
    blocks: Sequence[Block],
    name: str = "document.docx",
    title: str | None = None,
    footnotes: dict[str, str] | None = None,
) -> LoadedDocument:
    """Build the document from its paragraphs, headings nested by level or number."""
    cleaned = [
        Block(collapse_spaces(normalize_characters(_keep_marks(block.text))).strip(), block.level)
        for block in blocks
    ]
    cleaned = _without_contents([block for block in cleaned if block.text])
    cleaned, listed = _note_list(cleaned)
    notes = {**listed, **(footnotes or {})}
    casing = word_casing("\n\n".join(block.text for block in cleaned if block.level == 0))
    parts: list[Part] = []
    for block in cleaned:
        if block.level == -1:
            title = title or block.text
        elif block.level == 0:
            parts.append(_restore_marks(block.text))
        else:
            parts.append(_heading(Block(plain(_restore_marks(block.text)), block.level), casing))
    cited = {note: body for note, body in notes.items() if note}
    assembly = assemble(place_footnotes(parts, cited, {}) if cited else parts)
    if not assembly.text.strip():
        raise DocumentLoadError(f"{name}: no text (the Word file is empty)")
    return LoadedDocument(text=assembly.text, sections=assembly.sections, title=title)


def _without_contents(blocks: list[Block]) -> list[Block]:
    """The blocks without a table of contents typed as paragraphs: a contents heading
    ("Innhold", "Contents") over short one-line entries, most of which come again later as
    headings, in the same order (a contents is never quoted as evidence)."""
    for index, block in enumerate(blocks):
        if not is_toc_heading(plain(block.text)):
            continue
        listed: list[str] = []
        last = index
        for entry in blocks[index + 1 :]:
            key = _entry_key(entry.text)
            if "\n" in entry.text or len(entry.text) > CONTENTS_LINE or entry.level < 0:
                break
            if listed and key == listed[0]:
                break  # the first entry again: the body begins
            listed.append(key)
            last += 1
        later = [_entry_key(b.text) for b in blocks[last + 1 :] if b.level > 0]
        if len(listed) >= 2 and _in_order(listed, later) >= 0.6 * len(listed):
            return blocks[:index] + blocks[last + 1 :]
        return blocks
    return blocks


def _entry_key(text: str) -> str:
    """A contents entry or heading as compared: without its page number, case or marks."""
    entry = parse_toc_line(text)
    return heading_key(plain(entry[0] if entry is not None else text))


_PAGE_AFTER = re.compile(r" (?:\d{1,4}|[ivxlcdm]{1,7})$")


def _in_order(entries: list[str], headings: list[str]) -> int:
    """How many entries come again among the headings in the same order (an entry may end
    in its page number, set off by a space once tabs are gone)."""
    found, at = 0, 0
    for entry in entries:
        for place in range(at, len(headings)):
            if headings[place] in (entry, _PAGE_AFTER.sub("", entry)):
                found, at = found + 1, place + 1
                break
    return found


# Note marks hold a control character, which character cleaning would take out.
_MARK_HOLDER = "\ue000"


def _keep_marks(text: str) -> str:
    return text.replace("\x00", _MARK_HOLDER)


def _restore_marks(text: str) -> str:
    return text.replace(_MARK_HOLDER, "\x00")


def _note_list(blocks: list[Block]) -> tuple[list[Block], dict[str, str]]:
    """Notes kept as numbered paragraphs under a heading such as ``Noter``, taken out."""
    kept: list[Block] = []
    notes: dict[str, str] = {}
    inside = False
    for block in blocks:
        if block.level != 0:
            inside = block.text.strip().strip(":").casefold() in NOTE_HEADINGS
            if inside:
                continue
        elif inside and (line := _NOTE_LINE.match(block.text)):
            notes[line.group(1) or line.group(2)] = line.group(3).strip()
            continue
        kept.append(block)
    return kept, notes


def _heading(block: Block, casing: dict[str, str]) -> Heading:
    number, text = split_heading_number(block.text)
    text = readable_case(text, casing) if is_shouting(text) else text
    return Heading(f"{number} {text}" if number else text, level=block.level, number=number)
