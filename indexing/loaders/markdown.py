"""Markdown loader, written for reports converted from PDF to Markdown.

A conversion leaves the pages behind as noise: ``---`` rules where pages or footnote areas began,
footnote markers as ``<sup>n</sup>`` with their bodies between pages, a sentence broken over a
page, a table of contents with page numbers, captions run into the text, shouting headings with
levels that do not match their numbers. `parse_markdown` turns that into clean text, sections
whose paths follow the heading numbers, and pages placed by the table of contents:

1. lines become blocks: headings, rules, runs of three or more blank lines (page breaks), text;
2. the contents block gives each listed section its start page; it and the cover pages before
   it (headings and short lines, never running text) are left out;
3. footnote bodies leave the flow and come back as ``Fotnote n: ...`` at the end of the section
   that cites them (`place_footnotes`);
4. paragraphs broken over a page are joined, captions become their own paragraphs;
5. pages are counted from the breaks and checked against the contents.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from assistant.domain import LoadedDocument
from assistant.errors import DocumentLoadError
from indexing.cleaning import (
    collapse_spaces,
    heading_key,
    is_bibliography_heading,
    is_field_line,
    is_shouting,
    is_toc_heading,
    is_widget_line,
    normalize_characters,
    parse_toc_line,
    readable_case,
    split_heading_number,
    word_casing,
)
from indexing.loaders._metadata import header_fields
from indexing.loaders._structure import (
    Caption,
    Heading,
    PageBreak,
    Part,
    assemble,
    note_mark,
    page_at,
    place_footnotes,
    plain,
    rejoin_broken_sentences,
    table_rows,
    toc_pages,
)
from indexing.loaders.text import read_text

# Converters print a page break as a run of blank lines; three or more is more than spacing.
PAGE_GAP = 3
# A line with this many words is running text, which no cover page has.
PROSE_WORDS = 10
# Longest line a contents without page numbers may have.
TOC_LINE = 100


def load_markdown(path: Path) -> LoadedDocument:
    """Load a Markdown file (``.md``, ``.markdown``)."""
    return parse_markdown(read_text(path), path.name)


def parse_markdown(source: str, name: str = "document.md") -> LoadedDocument:
    """Clean converted Markdown into text, sections and pages."""
    blocks = split_blocks(normalize_characters(source).split("\n"))
    toc = find_toc(blocks)
    start = _body_start(blocks, toc)
    body = [block for index, block in enumerate(blocks) if index >= start and not _in(toc, index)]
    flow = _Flow.build(body)
    parts = _finish_headings(flow.parts, toc)
    parts = _strip_bibliography_bullets(parts)
    parts = group_quoted_items(parts)
    notes = {note: inline_markdown(body) for note, body in flow.footnotes.items()}
    parts = place_footnotes(parts, notes, flow.homes)
    parts = rejoin_broken_sentences(parts)
    assembly = assemble(parts)
    if not assembly.text.strip():
        raise DocumentLoadError(f"{name}: no text (the file is empty or only markup)")
    pages = toc_pages(assembly) if toc else []
    sections = [
        section.model_copy(update={"page": section.page or page_at(pages, section.start)})
        for section in assembly.sections
    ]
    year, authors = header_fields(assembly.text)
    return LoadedDocument(
        text=assembly.text,
        sections=sections,
        pages=pages,
        page_count=None,
        title=_title(blocks[:start], blocks),
        authors=authors,
        year=year,
    )


# --- blocks -------------------------------------------------------------------------------

BlockKind = Literal["heading", "rule", "gap", "text"]


@dataclass
class Block:
    """A run of lines of one kind."""

    kind: BlockKind
    lines: list[str] = field(default_factory=list)
    level: int = 0

    @property
    def first(self) -> str:
        return self.lines[0] if self.lines else ""


_ATX = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)")


def split_blocks(lines: Iterable[str]) -> list[Block]:
    """Lines as headings, rules, page gaps and text blocks (widget lines dropped)."""
    blocks: list[Block] = []
    blank = 0
    for line in lines:
        if _FENCE.match(line):
            continue  # code fences: the code stays as text, the fence goes
        if not line.strip() or is_widget_line(line):
            blank += 1
            continue
        if blank >= PAGE_GAP and blocks:
            blocks.append(Block("gap"))
        text = blocks[-1] if blocks and blocks[-1].kind == "text" and blank == 0 else None
        blank = 0
        if heading := _ATX.match(line):
            blocks.append(Block("heading", [heading.group(2)], len(heading.group(1))))
        elif text is not None and (underline := _SETEXT.match(line)):
            title = text.lines.pop()
            if not text.lines:
                blocks.pop()
            blocks.append(Block("heading", [title], 1 if underline.group(1)[0] == "=" else 2))
        elif _RULE.match(line):
            blocks.append(Block("rule"))
        elif text is not None:
            text.lines.append(line)
        else:
            blocks.append(Block("text", [line]))
    return blocks


# --- table of contents and cover ----------------------------------------------------------


@dataclass
class Toc:
    """The table of contents: where it is, and each entry's page."""

    first: int
    last: int
    by_number: dict[str, tuple[str, str]] = field(default_factory=dict)
    by_title: dict[str, tuple[str, str]] = field(default_factory=dict)

    def entry(self, number: str | None, title: str) -> tuple[str, str] | None:
        """The entry ``(title, page)`` of a heading, matched by number, else by title."""
        if number is not None:
            return self.by_number.get(number)
        return self.by_title.get(heading_key(title))


def find_toc(blocks: list[Block]) -> Toc | None:
    """The table of contents: a contents heading, or a heading over lines ending in pages."""
    for index, block in enumerate(blocks):
        if block.kind != "heading":
            continue
        last = index
        while last + 1 < len(blocks) and blocks[last + 1].kind != "heading":
            last += 1
        lines = [line for b in blocks[index + 1 : last + 1] if b.kind == "text" for line in b.lines]
        entries = [entry for line in lines if (entry := parse_toc_line(line))]
        named = is_toc_heading(inline_markdown(block.first))
        if entries and (named or (len(entries) >= 3 and len(entries) >= 0.6 * len(lines))):
            return _toc(index, last, entries)
        if named and len(lines) >= 2 and all(len(line) <= TOC_LINE for line in lines):
            return Toc(index, last)  # a contents without page numbers: noise all the same
    return None


def _toc(first: int, last: int, entries: list[tuple[str, str]]) -> Toc:
    toc = Toc(first, last)
    for text, page in entries:
        number, title = split_heading_number(inline_markdown(text))
        if number is not None:
            toc.by_number.setdefault(number, (title, page))
        else:
            toc.by_title.setdefault(heading_key(title), (title, page))
    return toc


def _in(toc: Toc | None, index: int) -> bool:
    return toc is not None and toc.first <= index <= toc.last


def _body_start(blocks: list[Block], toc: Toc | None) -> int:
    """Index of the first block after the cover pages.

    The cover ends at the contents or at the first section the contents lists, whichever
    comes first; but never after running text (a line of many words), which no cover has:
    then the section holding that text is where the body starts.
    """
    if toc is None:
        return 0
    heading = 0
    for index, block in enumerate(blocks):
        if index == toc.first:
            return index
        if block.kind == "heading":
            heading = index
            number, title = split_heading_number(inline_markdown(block.first))
            if toc.entry(number, title):
                return index
        elif block.kind == "text" and any(len(line.split()) >= PROSE_WORDS for line in block.lines):
            return heading
    return 0


def _title(cover: list[Block], blocks: list[Block]) -> str | None:
    """The title: the cover's most repeated (then longest) heading, else a leading # heading."""
    headings = [inline_markdown(b.first) for b in cover if b.kind == "heading"]
    if headings:
        counts = Counter(headings)
        return max(headings, key=lambda title: (counts[title], len(title)))
    first = blocks[0] if blocks else None
    if first is not None and first.kind == "heading" and first.level == 1:
        number, title = split_heading_number(inline_markdown(first.first))
        return title if number is None else None
    return None


# --- flow ---------------------------------------------------------------------------------

_SUP_FOOTNOTE = re.compile(r"^\s*<sup>\s*(\w{1,4})\s*</sup>\s*(.*)$", re.IGNORECASE)
_DEFINITION = re.compile(r"^\s*\[\^([^\]\s]{1,12})\]:\s*(.*)$")
_LIST_ITEM = re.compile(r"^(\s*)(?:[-*+•]|\d{1,2}[.)])\s+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_CAPTION_WORDS = r"(?:Figur|Figure|Fig\.|Tabell|Table|Tab\.|Diagram|Kart|Map|Boks|Box|Bilde)"
_RUN_IN_CAPTION = re.compile(
    rf"^(\*{{1,3}}|_{{1,2}})(?P<caption>{_CAPTION_WORDS}\s*\d+[^*_]*?)\1(?:\s+(?P<rest>\S.*))?$",
    re.DOTALL,
)
_PLAIN_CAPTION = re.compile(rf"^{_CAPTION_WORDS}\s*\d+[.:]\s")


def _footnote_start(line: str) -> re.Match[str] | None:
    return _SUP_FOOTNOTE.match(line) or _DEFINITION.match(line)


@dataclass
class _Flow:
    """Headings, paragraphs and page breaks of the body; footnotes kept aside."""

    parts: list[Part] = field(default_factory=list)
    footnotes: dict[str, str] = field(default_factory=dict)
    homes: dict[str, int] = field(default_factory=dict)

    @classmethod
    def build(cls, blocks: list[Block]) -> _Flow:
        flow = cls()
        flow.footnotes = dict(_footnote_bodies(blocks))
        breaking = False
        area: list[str] = []
        for block in blocks:
            if block.kind in ("rule", "gap"):
                breaking = True
                continue
            if block.kind == "text" and _footnote_start(block.first):
                for note, _ in _footnote_bodies([block]):
                    flow.homes.setdefault(note, len(flow.parts))
                    area.append(note)
                continue
            if breaking:
                flow.parts.append(PageBreak(tuple(area)))
                breaking, area = False, []
            if block.kind == "heading":
                title = inline_markdown(block.first, flow.footnotes)
                flow.parts.append(Heading(title=plain(title), level=block.level))
            else:
                flow.parts.extend(_paragraph_parts(block.lines, flow.footnotes))
        if breaking:
            flow.parts.append(PageBreak(tuple(area)))
        return flow


def _footnote_bodies(blocks: list[Block]) -> Iterable[tuple[str, str]]:
    """``(n, text)`` of each footnote body in the text blocks."""
    for block in blocks:
        if block.kind != "text" or not _footnote_start(block.first):
            continue
        note = ""
        lines: list[str] = []
        for line in block.lines:
            if start := _footnote_start(line):
                if note:
                    yield note, " ".join(lines)
                note, lines = start.group(1), [start.group(2)]
            else:
                lines.append(line.strip())
        yield note, " ".join(lines)


def _paragraph_parts(lines: list[str], footnotes: dict[str, str]) -> list[Part]:
    """A text block as a paragraph, a pipe table's rows, or a caption and the text it was
    run into."""
    rows = _pipe_table(lines)
    if rows:
        return [inline_markdown(row, footnotes) for row in table_rows(rows)]
    source = _join_lines(lines)
    caption = _RUN_IN_CAPTION.match(source)
    if caption:
        parts: list[Part] = [Caption(plain(inline_markdown(caption.group("caption"))))]
        if caption.group("rest"):
            parts.append(inline_markdown(caption.group("rest"), footnotes))
        return parts
    text = inline_markdown(source, footnotes)
    if _PLAIN_CAPTION.match(text) and len(text) <= 200 and "\n" not in text:
        return [Caption(text)]
    return [text]


def _pipe_table(lines: list[str]) -> list[list[str]]:
    """The cells of a block that is a pipe table (rows of ``| cell | cell |`` under a header
    and a ``|---|---|`` rule), row by row; empty for any other block."""
    rows = [line.strip() for line in lines if line.strip()]
    if len(rows) < 3 or not all(row.startswith("|") for row in rows):
        return []
    if not (_TABLE_RULE.match(rows[1]) and "-" in rows[1]):
        return []
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[:1] + rows[2:]]


def _join_lines(lines: list[str]) -> str:
    """Lines of a block: list items, fields ("**Dato:** 6. februar 2025") and hard breaks keep
    their line, wrapped lines join."""
    joined: list[str] = []
    hard = True
    for raw in lines:
        line = re.sub(r"^\s*>\s?", "", raw)
        if _TABLE_RULE.match(line) and "-" in line:
            continue
        item = _LIST_ITEM.match(line)
        if item:
            line = item.group(1) + "- " + line[item.end() :]
        # A field of a document's heading ("**Referent:** Petra Lindtveit") keeps its line.
        field = is_field_line(plain(inline_markdown(line)))
        if joined and not hard and not item and not field and not line.lstrip().startswith("|"):
            joined[-1] = f"{joined[-1]} {line.strip()}"
        else:
            joined.append(line.rstrip())
        hard = raw.endswith(("  ", "\\")) or line.lstrip().startswith("|")
    return "\n".join(line.rstrip("\\").rstrip() for line in joined)


# --- inline markup ------------------------------------------------------------------------

_SUP = re.compile(r"<sup>\s*([^<]{1,12}?)\s*</sup>", re.IGNORECASE)
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]{1,12})\]")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+|mailto:[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.DOTALL)
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", re.DOTALL)
_ESCAPE = re.compile(r"\\+([!-/:-@\[-`{-~])")


def inline_markdown(text: str, footnotes: dict[str, str] | None = None) -> str:
    """Text without inline markup: emphasis, links, tags and escapes gone, words kept.

    A footnote marker whose footnote is known becomes an invisible mark (so the note can be
    placed where it is cited); an unknown one keeps its text.
    """
    notes = footnotes or {}

    def marker(match: re.Match[str]) -> str:
        note = match.group(1)
        return note_mark(note) if note in notes else note

    text = _SUP.sub(marker, text)
    text = _FOOTNOTE_REF.sub(lambda m: note_mark(m.group(1)) if m.group(1) in notes else "", text)
    text = _IMAGE.sub(lambda m: m.group(1), text)
    text = _LINK.sub(lambda m: m.group(1).strip() or m.group(2), text)
    text = _AUTOLINK.sub(lambda m: m.group(1), text)
    text = _TAG.sub("", text)
    text = _STRONG.sub(lambda m: m.group(2), text)
    text = _EMPHASIS.sub(lambda m: m.group(1), text)
    text = _ESCAPE.sub(lambda m: m.group(1), text)
    return collapse_spaces(text).strip()


# --- headings -----------------------------------------------------------------------------


def _finish_headings(parts: list[Part], toc: Toc | None) -> list[Part]:
    """Headings with their numbers, readable case and contents page."""
    casing = word_casing("\n\n".join(plain(p) for p in parts if isinstance(p, str)))
    return [
        finish_heading(part, toc, casing) if isinstance(part, Heading) else part for part in parts
    ]


def finish_heading(heading: Heading, toc: Toc | None, casing: dict[str, str]) -> Heading:
    """``4. MULIGHETER OG ...`` → ``4 Muligheter og ...``, with its page from the contents."""
    number, title = split_heading_number(heading.title)
    entry = toc.entry(number, title) if toc else None
    if entry and heading_key(entry[0]) == heading_key(title):
        title = entry[0]  # the contents often spells a shouting heading properly
    if is_shouting(title):
        title = readable_case(title, casing)
    return replace(
        heading,
        title=f"{number} {title}" if number else title,
        number=number,
        page=entry[1] if entry else None,
    )


def _strip_bibliography_bullets(parts: list[Part]) -> list[Part]:
    """In a bibliography, one entry per line as printed, without list bullets."""
    stripped: list[Part] = []
    inside = False
    for part in parts:
        if isinstance(part, Heading):
            inside = is_bibliography_heading(part.title)
        elif inside and isinstance(part, str):
            part = "\n".join(_LIST_ITEM.sub("", line) for line in part.split("\n"))
        stripped.append(part)
    return stripped


# "Fra ReSeNS-prosjektets nettside (https://www.miun.se/)", "Kilde: SSB (www.ssb.no)".
_ATTRIBUTION = re.compile(
    r"^(?P<label>(?:Fra|Kilde|Kjelde|Källa|Source|From)\b:?[^\n()]{2,80}?)"
    r"\s*\(?\s*(?:https?://|www\.)\S*?\s*\)?\.?$",
    re.IGNORECASE,
)


def group_quoted_items(parts: list[Part]) -> list[Part]:
    """Put items quoted from elsewhere (news from a project site) under their source.

    A line such as ``Fra X (url)`` that closes a run of unnumbered headings after the numbered
    body says those sections are quoted from X: their paths start with ``Fra X``.
    """
    grouped = list(parts)
    bound = 0
    for index, part in enumerate(grouped):
        match = _ATTRIBUTION.match(plain(part).strip()) if isinstance(part, str) else None
        if match is None:
            continue
        for member in _quoted_run(grouped, bound, index):
            heading = grouped[member]
            assert isinstance(heading, Heading)
            grouped[member] = replace(heading, group=match.group("label").strip())
        bound = index + 1
    return grouped


def _quoted_run(parts: list[Part], bound: int, end: int) -> list[int]:
    """Indices of the headings of the quoted items that end at ``end``."""
    headings = [i for i in range(bound, end) if isinstance(parts[i], Heading)]
    numbered = [i for i in headings if _heading(parts[i]).number]
    if numbered:
        level = _heading(parts[numbered[-1]]).level
        tops = [i for i in headings if i > numbered[-1] and _heading(parts[i]).level <= level]
    else:
        top = min((_heading(parts[i]).level for i in headings), default=0)
        tops = [i for i in headings if _heading(parts[i]).level == top][-1:]
    return [i for i in headings if tops and i >= tops[0]]


def _heading(part: Part) -> Heading:
    assert isinstance(part, Heading)
    return part
