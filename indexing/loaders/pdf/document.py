"""From a PDF's lines to a `LoadedDocument`: furniture, front matter, footnotes, headings, text.

`parse_pdf_lines` is pure. It works on `TextLine`s that know their type size where the PDF
said so, and falls back to what the words alone say (numbered headings, repeated lines) where
it did not, so text without layout (`parse_pdf_pages`) goes the same way:

1. page furniture goes: lines at a page's top or foot that recur on many pages, numbers
   aside, wherever they stand, and bare page numbers there;
2. the contents page goes, and so do the cover pages before it (short lines, no prose);
3. the footnote area (small type at the foot of a page, opened by a note number) leaves the
   flow; each note comes back as ``Fotnote n: ...`` at the end of the section that cites it;
4. headings are lines set larger or bold (and numbered lines whose numbers run in order);
   an unnumbered heading takes the level of numbered ones set in the same type;
5. lines join into paragraphs at gaps, short lines and outdents, hyphenation is undone, and
   a sentence broken over a page is joined again; a table's rows are one sentence each, every
   figure named by its column (`table_rows`); a text box's lines are a block of their own
   after the paragraph they stand beside or in (`Caption`s, never part of its sentences).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import groupby, pairwise

from assistant.domain import LoadedDocument
from assistant.errors import DocumentLoadError
from indexing.cleaning import (
    collapse_spaces,
    dehyphenate,
    ends_mid_sentence,
    furniture_bounds,
    furniture_key,
    is_bibliography_heading,
    is_field_line,
    is_shouting,
    is_toc_heading,
    is_widget_line,
    join_broken_ranges,
    normalize_characters,
    numbered_heading,
    parse_toc_line,
    readable_case,
    split_heading_number,
    word_casing,
)
from indexing.loaders._metadata import looks_like_name, split_authors
from indexing.loaders._structure import (
    Caption,
    Heading,
    PageBreak,
    Part,
    assemble,
    from_roman,
    labelled_pages,
    note_mark,
    page_at,
    place_footnotes,
    plain,
    plausible_numbering,
    rejoin_broken_sentences,
    table_rows,
    to_roman,
)
from indexing.loaders.markdown import group_quoted_items
from indexing.loaders.pdf.lines import (
    CELL_WORDS,
    GLUED_MARK,
    HEADER_LINES,
    NAME_BREAK,
    TextBox,
    TextLine,
    like_type,
    plain_lines,
)
from indexing.references.bibliography import entry_lines

# Fewer letters than this in the whole file means the pages are images (a scan).
MIN_LETTERS = 20
# A line shorter than this share of the page's longest line ends its paragraph.
SHORT_LINE = 0.85
# A gap between two lines this many times the usual distance parts paragraphs.
PARAGRAPH_GAP = 1.3
# How many lines at each edge of a page may be furniture.
EDGE_DEPTH = 2
# A heading is set at least this much larger than the body, or bold.
HEADING_SCALE = 1.12
# A line numbered as a heading is one set this much larger than the body.
NUMBERED_HEADING_SCALE = 1.06
# Footnotes are set smaller than the body.
NOTE_SCALE = 0.92
# A line with this many words is running text, which no cover page has.
PROSE_WORDS = 10
HEADING_WORDS = 15
# A cover, a colophon and perhaps a blank page; more pages without prose are no cover.
COVER_PAGES = 3
# Unnumbered headings of a report's front matter, recognised by name where type says nothing.
FRONT_MATTER_HEADINGS = frozenset(
    {
        "forord",
        "føreord",
        "förord",
        "foreword",
        "preface",
        "sammendrag",
        "samandrag",
        "sammanfattning",
        "resumé",
        "summary",
        "executive summary",
        "abstract",
    }
)
_TOC_COLUMN_HEADS = frozenset({"side", "page", "s.", "sida", "sidan"})
_BULLETS = ("•", "▪", "◦", "‣", "●", "–", "-", "*")
# Letters some word processors set as bullets, standing apart from the item's words.
_LETTER_BULLETS = frozenset({"o"})
_NESTED_BULLET = "◦"


@dataclass
class PdfPage:
    """One page's lines and its printed label."""

    lines: list[TextLine]
    label: str


@dataclass
class _Page:
    lines: list[TextLine]
    notes: dict[str, str] = field(default_factory=dict)
    # How many of the last lines stand in the footnote area without a note's number: the
    # rest of the page before's last note, when that one breaks off mid-sentence.
    continuation: int = 0


def parse_pdf_pages(
    texts: Sequence[str],
    labels: Sequence[str],
    name: str = "document.pdf",
    title: str | None = None,
) -> LoadedDocument:
    """Build the document from each page's extracted text (no layout) and label."""
    pages = [PdfPage(plain_lines(text), label) for text, label in zip(texts, labels, strict=False)]
    document = parse_pdf_lines(pages, name)
    return document.model_copy(update={"title": title or document.title})


def parse_pdf_lines(
    pages: Sequence[PdfPage], name: str = "document.pdf", printed_labels: bool = False
) -> LoadedDocument:
    """Build the document from each page's lines and label.

    With ``printed_labels`` (the file defines no page labels), pages are labelled with the
    numbers their headers or footers print, when those run in order.
    """
    raw = _with_glued_markers(_with_header_words([page.lines for page in pages]))
    raw = [[_normalized(line) for line in page] for page in raw]
    raw = [[line for line in lines if line.text.strip() or line.lead] for lines in raw]
    if sum(char.isalpha() for lines in raw for line in lines for char in line.text) < MIN_LETTERS:
        raise DocumentLoadError(f"{name}: no extractable text")
    cover_title = _cover_title(raw)
    lines, furniture = _remove_furniture(raw)
    labels = [page.label for page in pages]
    if printed_labels:
        labels = printed_page_numbers(furniture) or labels
    body_size = _body_size(lines)
    lines = _drop_contents_lists([_drop_contents(_drop_chart_labels(page)) for page in lines])
    first = _body_start(lines, raw, body_size)
    kept = [_Page(page) if index >= first else _Page([]) for index, page in enumerate(lines)]
    if body_size:
        kept = _join_continued_notes(_take_all_notes(kept, body_size))
    kept = _take_note_lists(kept, body_size)
    # A table the page before ended in goes on atop the next page, under the header of it
    # (`under`), read before the headings are, since a header printed again leaves the page.
    under: list[TextLine | None] = []
    header: TextLine | None = None  # of the table the page before ended in
    for number, page in enumerate(kept):
        page_lines, continued = _continued_rows(page.lines, header)
        kept[number] = replace(page, lines=page_lines)
        under.append(header if continued else None)
        header = _open_table(page_lines, under[-1])
    headings = _Headings.find([page.lines for page in kept], body_size)
    parts: list[Part] = []
    notes: dict[str, str] = {}
    homes: dict[str, int] = {}
    kept = _unique_notes(kept)
    for number, page in enumerate(kept):
        if number:
            parts.append(PageBreak(tuple(kept[number - 1].notes)))
        for note, body in page.notes.items():
            notes[note] = body
            homes[note] = len(parts)
        parts.extend(_page_parts(page.lines, headings.at(number), under[number]))
    parts = _readable_headings(parts)
    parts = group_quoted_items(parts)
    compounds = hyphenated_compounds(line.text for page in raw for line in page)
    notes = {note: restore_compounds(body, compounds) for note, body in notes.items()}
    parts = place_footnotes(parts, notes, homes)
    parts = [_with_compound(part, compounds) for part in rejoin_broken_sentences(parts)]
    assembly = assemble(parts)
    spans = labelled_pages(assembly.text, assembly.breaks, labels)
    sections = [
        section.model_copy(update={"page": page_at(spans, section.start)})
        for section in assembly.sections
    ]
    return LoadedDocument(
        text=assembly.text,
        sections=sections,
        pages=spans,
        page_count=len(pages),
        title=cover_title,
    )


_COMPOUND = re.compile(r"(?<![\w-])([^\W\d_]{2,})[-‐]([^\W\d_]{2,})(?![\w-])")
_PLAIN_WORD = re.compile(r"(?<![\w-])[^\W\d_]{4,}(?![\w-])")


def hyphenated_compounds(lines: Iterable[str]) -> dict[str, int]:
    """The compounds a document writes with a hyphen inside its lines ("bridge-builder") and
    never as one word, by their joined form (case folded): where such a word is cut at a
    line's end, its hyphen is the word's own, not the line break's. The value is where the
    hyphen goes."""
    hyphenated: dict[str, int] = {}
    joined: set[str] = set()
    for line in lines:
        for match in _COMPOUND.finditer(line):
            hyphenated[(match.group(1) + match.group(2)).casefold()] = len(match.group(1))
        joined.update(word.casefold() for word in _PLAIN_WORD.findall(line))
    return {word: cut for word, cut in hyphenated.items() if word not in joined}


def restore_compounds(text: str, compounds: Mapping[str, int]) -> str:
    """The text with the hyphen of each of `compounds` put back where a line break took it."""
    if not compounds:
        return text

    def restored(match: re.Match[str]) -> str:
        word = match.group()
        cut = compounds.get(word.casefold())
        return word if cut is None else f"{word[:cut]}-{word[cut:]}"

    return _PLAIN_WORD.sub(restored, text)


def _with_compound(part: Part, compounds: Mapping[str, int]) -> Part:
    if isinstance(part, str):
        return restore_compounds(part, compounds)
    if isinstance(part, Heading):
        return replace(part, title=restore_compounds(part.title, compounds))
    if isinstance(part, Caption):
        return Caption(restore_compounds(part.text, compounds))
    return part


_WORD = re.compile(r"[^\W\d_]+")
_LAST_WORD = re.compile(r"[^\W\d_]+$")


def _with_header_words(pages: list[list[TextLine]]) -> list[list[TextLine]]:
    """Table headers with the words a narrow column broke over two lines made whole:
    "arbeidsplassa" over "r" is "arbeidsplassar" where the rest of the text spells the word
    so ("nye arbeidsplassar og ..."), and two words ("Støtta prosjekt") elsewhere, so two
    real words are never glued into one the text never uses."""
    if not any(NAME_BREAK in cell for lines in pages for line in lines for cell in line.cells):
        return pages
    words = {
        word.casefold()
        for lines in pages
        for line in lines
        if not line.header
        for word in _WORD.findall(line.text.replace(NAME_BREAK, ""))
    }

    def joined(cell: str) -> str:
        # Break by break, each with the word before it as the text before has it made
        # ("Nya|företag|med|stöd": "Nya företag", then "företag med", then "med stöd").
        pieces = cell.split(NAME_BREAK)
        text = pieces[0]
        for piece in pieces[1:]:
            before = _LAST_WORD.search(text)
            after = _WORD.match(piece)
            whole = (before[0] if before else "") + (after[0] if after else "")
            text += piece if whole.casefold() in words else f" {piece}"
        return text

    return [
        [
            replace(line, cells=tuple(map(joined, line.cells))) if line.header else line
            for line in lines
        ]
        for lines in pages
    ]


_OPENS_A_NOTE = re.compile(r"^(\d{1,3})(?:[.)]?\s|(?=[A-ZÆØÅÄÖ]))")


def _with_glued_markers(pages: list[list[TextLine]]) -> list[list[TextLine]]:
    """Each number set in its line's own type and glued to the text before it (`glued_mark`)
    a footnote marker where a line of its page in smaller type opens with that number (the
    page's footnote), and the number it was elsewhere ("en svarprosent på 47" and note 2)."""
    if not any(GLUED_MARK.search(line.text) for lines in pages for line in lines):
        return pages
    body = _body_size(pages)
    out: list[list[TextLine]] = []
    for lines in pages:
        notes = {
            match.group(1)
            for line in lines
            if line.styled and body and line.size < NOTE_SCALE * body
            if (match := _OPENS_A_NOTE.match(line.text))
        }

        def marked(match: re.Match[str], notes: set[str] = notes) -> str:
            label = match.group(1)
            return note_mark(label) if label in notes else label

        out.append([replace(line, text=GLUED_MARK.sub(marked, line.text)) for line in lines])
    return out


def _normalized(line: TextLine) -> TextLine:
    text = _cleaned(line.text)
    cells = tuple(_cleaned(cell) for cell in line.cells)
    opening = cells[0] if cells else _cleaned(line.splits[0]) if line.splits else ""
    if opening in _LETTER_BULLETS and text.startswith(opening):
        # Word's bullet for a list's second level is a letter "o" (in Courier New), set apart
        # from its item as any bullet is: a nested item, not a word of the item above.
        opening, text = _NESTED_BULLET, _NESTED_BULLET + text[len(opening) :]
    if opening in _BULLETS:
        # A bullet set apart from its item ("•  Husleie: 1,85 millioner kroner") opens a
        # list's item, not a table's row.
        return replace(line, text=text, cells=(), header=False, splits=())
    return replace(line, text="" if is_widget_line(text) else text, cells=cells)


def _cleaned(text: str) -> str:
    text = collapse_spaces(normalize_characters(text.replace("\x00", "\ue000")))
    return text.replace("\ue000", "\x00")  # note marks survive the control-character cleaning


# --- furniture ----------------------------------------------------------------------------


def _remove_furniture(
    pages: list[list[TextLine]],
) -> tuple[list[list[TextLine]], list[list[str]]]:
    """Each page without its running headers, footers and page numbers (see
    `furniture_bounds`), and the furniture lines taken from it."""
    texts = [[line.text for line in lines] for lines in pages]
    bounds = furniture_bounds(texts, EDGE_DEPTH, known=_placed_furniture(pages))
    bounds = _in_furniture_slots(pages, bounds)
    kept = [lines[first:last] for lines, (first, last) in zip(pages, bounds, strict=True)]
    taken = [
        [*page[:first], *page[last:]] for page, (first, last) in zip(texts, bounds, strict=True)
    ]
    return kept, taken


def _in_furniture_slots(
    pages: list[list[TextLine]], bounds: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The bounds widened over lines that stand where furniture stands on other pages.

    A running header that names the current chapter changes with it, and a short chapter's
    name may be printed on one page only; its height and type, the same as the headers of
    two pages or more, tell it.
    """
    pages_at: Counter[tuple[int, float]] = Counter()
    for lines, (first, last) in zip(pages, bounds, strict=True):
        pages_at.update({_slot(line) for line in [*lines[:first], *lines[last:]] if line.styled})
    slots = {slot for slot, count in pages_at.items() if count >= 2}
    widened = []
    for lines, (first, last) in zip(pages, bounds, strict=True):
        while first < last and lines[first].styled and _slot(lines[first]) in slots:
            first += 1
        while last > first and lines[last - 1].styled and _slot(lines[last - 1]) in slots:
            last -= 1
        widened.append((first, last))
    return widened


def _slot(line: TextLine) -> tuple[int, float]:
    return round(line.top), line.size


_PAGE_TOKEN = re.compile(r"(?<![\w.,/])(\d{1,4}|[ivxlc]{1,7})(?![\w.,/])", re.IGNORECASE)


def _numeral(token: str) -> tuple[bool, int] | None:
    """A page's or a note's number: ``("7")`` → ``(False, 7)``, ``("iv")`` → ``(True, 4)``;
    None for no number."""
    if token.isdigit():
        return (False, int(token)) if int(token) > 0 else None
    value = from_roman(token)
    return (True, value) if value else None


def printed_page_numbers(furniture: Sequence[Sequence[str]]) -> list[str] | None:
    """The page numbers the pages print in their furniture, when they run in order.

    A number counts on a page when the page before prints the one before it or the page
    after the one after it (a year or a report number stays the same and never counts).
    Pages that print none (a cover) are numbered back from the next page that does, or on
    from the last. None when too few pages print a number, or the numbers do not add up.
    """
    values = [
        {
            value
            for line in lines
            for m in _PAGE_TOKEN.finditer(line)
            if (value := _numeral(m.group(1).lower()))
        }
        for lines in furniture
    ]
    chosen: list[tuple[bool, int] | None] = []
    for index, here in enumerate(values):
        before = values[index - 1] if index else set()
        after = values[index + 1] if index + 1 < len(values) else set()
        found = [
            (roman, value)
            for roman, value in sorted(here)
            if (roman, value - 1) in before or (roman, value + 1) in after
        ]
        chosen.append(found[0] if len(found) == 1 else None)
    known = [(index, value) for index, value in enumerate(chosen) if value is not None]
    if len(known) < max(2, len(values) // 2):
        return None
    for (i, (roman_i, value_i)), (j, (roman_j, value_j)) in pairwise(known):
        if roman_i == roman_j and value_j - value_i != j - i:
            return None
        if roman_i and not roman_j:
            continue  # the front matter's roman numbers end, the body's start
        if roman_i != roman_j:
            return None
    labels: list[str] = []
    for index in range(len(values)):
        label = _label_near(index, known)
        labels.append(label if label is not None else str(index + 1))
    return labels


def _label_near(index: int, known: list[tuple[int, tuple[bool, int]]]) -> str | None:
    following = next(((i, v) for i, v in known if i >= index), None)
    if following is not None:
        at, (roman, value) = following
        if value - (at - index) >= 1:
            number = value - (at - index)
            return to_roman(number) if roman else str(number)
    preceding = [(i, v) for i, v in known if i < index]
    if preceding:
        at, (roman, value) = preceding[-1]
        number = value + index - at
        return to_roman(number) if roman else str(number)
    return None


def _placed_furniture(pages: list[list[TextLine]]) -> frozenset[str]:
    """Lines that stand outermost at the very same height on two pages or more.

    A short report whose header differs on odd and even pages prints each one on too few
    pages to be told by repetition alone; standing at exactly the same place tells it.
    """
    placed: Counter[tuple[str, float]] = Counter()
    for lines in pages:
        edges = {line for line in (lines[:1] + lines[-1:]) if line.styled}
        placed.update({(furniture_key(line.text), round(line.top)) for line in edges})
    return frozenset(key for (key, _), count in placed.items() if count >= 2 and key)


# --- charts -------------------------------------------------------------------------------

# A chart's axis ticks and values are lines without a letter, this many or more in a row; one
# such line alone may be the end of a sentence ("2 450 000.").
CHART_LINES = 3


def _drop_chart_labels(lines: list[TextLine]) -> list[TextLine]:
    """The page without a chart's labels: runs of lines of bare numbers ("100 81", "60",
    "2019 2020 2021"), which read as text would give figures apart from what they measure.
    A table's rows know their cells and stay."""
    kept: list[TextLine] = []
    for bare, run in groupby(lines, key=_bare_numbers):
        group = list(run)
        if not (bare and len(group) >= CHART_LINES):
            kept.extend(group)
    return kept


def _bare_numbers(line: TextLine) -> bool:
    return not line.cells and not any(char.isalpha() for char in line.text)


# --- contents and cover -------------------------------------------------------------------


def _drop_contents(lines: list[TextLine]) -> list[TextLine]:
    """A contents page without its entries (``1.1 Bakgrunn ...... 1``) and heading. Under a
    contents heading ("Innhald"), a chapter's entry may print its page number set apart
    without leaders ("Samandrag" ... "4"), as its sections' entries draw them."""
    titled = any(is_toc_heading(line.text) for line in lines)

    def entry(line: TextLine) -> bool:
        return bool(parse_toc_line(line.text)) or (titled and _page_set_apart(line))

    entries = sum(1 for line in lines if entry(line))
    if entries < 3 or entries < len(lines) / 2:
        return lines
    return [
        line
        for line in lines
        if not entry(line)
        and not is_toc_heading(line.text)
        and line.text.strip().lower() not in _TOC_COLUMN_HEADS
    ]


def _page_set_apart(line: TextLine) -> bool:
    """Whether a line is a heading's words and, apart from them, a page number: two runs
    standing apart, the second a number or roman numeral alone."""
    if len(line.splits) != 2:
        return False
    words, page = line.splits
    return (
        _numeral(page.strip()) is not None
        and 0 < len(words.split()) <= HEADING_WORDS
        and not words.rstrip().endswith(".")
    )


# A contents list names at least this many headings and makes up this share of its page.
CONTENTS_ENTRIES = 3
CONTENTS_SHARE = 0.6


def _drop_contents_lists(pages: list[list[TextLine]]) -> list[list[TextLine]]:
    """Pages without a contents list that prints no page numbers (an HTML page's).

    Such a list is told by what it lists: most lines of its page stand again, as lines of
    their own and in the same order, further on in the document (the headings it names).
    """
    keys = [_entry_key(line.text) for page in pages for line in page]
    kept: list[list[TextLine]] = []
    end = 0  # where the next page's lines start in ``keys``
    for lines in pages:
        end += len(lines)
        listed = _listed_later(lines, keys, end)
        entries = [line for line in lines if not is_toc_heading(line.text)]
        if len(listed) >= CONTENTS_ENTRIES and len(listed) >= CONTENTS_SHARE * len(entries):
            lines = [
                line
                for number, line in enumerate(lines)
                if number not in listed and not is_toc_heading(line.text)
            ]
        kept.append(lines)
    return kept


def _entry_key(text: str) -> str:
    return " ".join(plain(text).split()).casefold()


def _listed_later(lines: list[TextLine], keys: list[str], position: int) -> set[int]:
    """Which of ``lines`` (short ones, no sentences) stand again in ``keys`` from
    ``position`` on, in order."""
    listed: set[int] = set()
    for number, line in enumerate(lines):
        key = _entry_key(line.text)
        if not key or len(key.split()) > HEADING_WORDS or key.endswith("."):
            continue
        # An entry may print its page after the heading with no leader ("Förord 3").
        for candidate in dict.fromkeys([key, _PAGE_AFTER.sub("", key)]):
            try:
                position = keys.index(candidate, position) + 1
            except ValueError:
                continue
            listed.add(number)
            break
    return listed


_PAGE_AFTER = re.compile(r"\s+(?:\d{1,3}|[ivxlc]{1,6})$")


def is_prose(text: str) -> bool:
    """Whether a line holds running text: `PROSE_WORDS` words or more. Single letters are no
    words: a letter-spaced cover line ("R A P P O R T  2 0 2 5") is read as a run of them."""
    return sum(len(word) > 1 for word in text.split()) >= PROSE_WORDS


# A cover's subtitle wraps over at most this many lines.
SUBTITLE_LINES = 3
# Lines of one block of text stand at most this many type sizes below each other.
BLOCK_PITCH = 1.6


def has_running_text(lines: list[TextLine]) -> bool:
    """Whether a page holds running text: a line of prose (`is_prose`) outside a cover's
    question.

    A cover may ask the report's question as its subtitle ("Hva kan kommunene gjøre for at
    flere unge skal bo og arbeide i distriktene?"), a line as long as prose: one block of at
    most `SUBTITLE_LINES` lines ending in a question mark, no list's item, is the only one
    such on a cover. A page asking more questions than one, or saying something, has text.
    """
    blocks = _blocks(lines)
    prose = [
        block
        for block in blocks
        if any(is_prose(line.text) for line in block) or _column_of_prose(block)
    ]
    questions = [block for block in prose if _asks(block)]
    return len(prose) > len(questions) or len(questions) > 1


def _column_of_prose(block: list[TextLine]) -> bool:
    """Whether a block is running text set in a narrow column, whose lines are too short to be
    prose each ("Gränsverkstaden var ett fyraårigt" / "samarbetsprogram mellan de svenska"):
    more lines than a subtitle's, as many words as two lines of prose, and a sentence's end."""
    text = " ".join(line.text.strip() for line in block)
    return (
        len(block) > SUBTITLE_LINES
        and sum(len(word) > 1 for word in text.split()) >= 2 * PROSE_WORDS
        and re.search(r"[.!?](?:\s|$)", text) is not None
    )


def _blocks(lines: list[TextLine]) -> list[list[TextLine]]:
    """Lines in blocks: those in one type, each right below the one before, go together."""
    blocks: list[list[TextLine]] = []
    for line in lines:
        last = blocks[-1][-1] if blocks else None
        if (
            last is not None
            and line.styled
            and line.size == last.size
            and 0 < line.top - last.top <= BLOCK_PITCH * line.size
        ):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _asks(block: list[TextLine]) -> bool:
    """Whether a block of lines is one question, short enough for a title's subtitle."""
    text = " ".join(plain(line.text).strip() for line in block)
    item = text.startswith(_BULLETS) or _ITEM_NUMBER.match(text) is not None
    return len(block) <= SUBTITLE_LINES and text.endswith("?") and not item


def _body_start(lines: list[list[TextLine]], raw: list[list[TextLine]], body: float = 0.0) -> int:
    """Index of the first page after the cover pages (title, authors, colophon).

    Cover pages come first (at most `COVER_PAGES` of them), have no running text (no line of
    many words but a subtitle's question, `has_running_text`, or a publisher's imprint in small
    type under a large title, `_imprint_only`), and are followed by pages that do; a
    document whose first page holds prose has no cover.
    """
    for index, page in enumerate(lines[: COVER_PAGES + 1]):
        if index and is_colophon(page):
            continue  # after the cover, its prose a publisher's line or two
        if has_running_text(page) and not (index == 0 and _imprint_only(page, body)):
            return index
        if any(is_toc_heading(line.text) for line in raw[index]):
            return index  # the contents page ends the cover (it leaves nothing behind)
    return 0


# A cover's title is set this many times the body's type at least.
COVER_TITLE_SCALE = 2.0


def _imprint_only(lines: list[TextLine], body: float) -> bool:
    """Whether a first page's only prose is an imprint: a line or few in smaller type than the
    body's ("Published by Hovdeland Regional Development Partnership, Lynghamar Hub, ..."),
    under a title set at least `COVER_TITLE_SCALE` times the body's type. An abstract runs
    longer; a page in the body's type is text."""
    prose = [line for line in lines if is_prose(line.text)]
    return (
        body > 0
        and 0 < len(prose) <= SUBTITLE_LINES
        and all(0 < line.size < body for line in prose)
        and max(line.size for line in lines) >= COVER_TITLE_SCALE * body
    )


# A colophon lists this many fields at least ("Oppdragsgjevar: ...", "Dato: ..."), and they
# make up this share of its lines at least.
COLOPHON_FIELDS = 4
COLOPHON_SHARE = 0.5
# The numbers that identify a publication, which only a colophon prints before the body.
_PUBLICATION_NUMBER = re.compile(r"\b(?:ISBN|ISSN|e-ISBN|DOI)\b:?\s*[\dX-]", re.IGNORECASE)


def is_colophon(lines: list[TextLine]) -> bool:
    """Whether a page after the cover is its colophon: the report's fields ("Tittel:",
    "Forfattarar:", "Oppdragsgjevar:", "Emneord:"), a label and a value on each line, for at
    least half of its lines, or its ISBN or ISSN; a publisher's line of prose or two
    besides. Such a page is front matter, however long its lines: its fields say nothing the
    body does not, and they are no paragraph."""
    texts = [plain(line.text).strip() for line in lines]
    texts = [text for text in texts if text]
    if not texts:
        return False
    fields = sum(is_field_line(text) for text in texts)
    if fields >= COLOPHON_FIELDS and fields >= COLOPHON_SHARE * len(texts):
        return True
    prose = sum(is_prose(text) for text in texts)
    return any(_PUBLICATION_NUMBER.search(text) for text in texts) and prose <= len(texts) / 2


def _cover_title(pages: list[list[TextLine]]) -> str | None:
    """The first page's largest text, when it is set larger than anything else there."""
    lines = [line for line in (pages[0] if pages else []) if line.text.strip()]
    if not lines or not lines[0].styled:
        return None
    largest = max(line.size for line in lines)
    title = [line.text for line in lines if line.size == largest]
    # The rest of the cover's commonest type: a title set over two lines outnumbers no less.
    rest = Counter(line.size for line in lines if line.size != largest)
    if rest and largest <= rest.most_common(1)[0][0] * HEADING_SCALE:
        return None
    text = " ".join(" ".join(title).split())
    return text if 3 <= len(text) <= 250 else None


# --- the cover's authors ------------------------------------------------------------------


# Names further below the one above than this many type sizes are no longer the authors
# (the publisher at the cover's foot).
AUTHOR_GAP = 2.5


def cover_authors(cover: list[TextLine], title: str | None) -> list[str]:
    """The names printed on the cover below the title: one block of lines in one type."""
    lines = [replace(line, text=" ".join(line.text.split())) for line in cover]
    lines = [line for line in lines if line.text]
    names: list[TextLine] = []
    found: list[str] = []
    for line in lines[_after_title(lines, title) :]:
        # "Johanna Westerlund och Per-Olof Nyberg": names on one line, joined by a conjunction.
        parts = split_authors(line.text)
        if not all(looks_like_name(part) for part in parts):
            if names:
                break
            continue  # a subtitle between the title and the names
        if names and line.styled and names[-1].styled:
            apart = line.top - names[-1].top > AUTHOR_GAP * max(line.size, names[-1].size)
            if apart or line.size != names[0].size:
                break
        names.append(line)
        found.extend(parts)
    return found


def _after_title(lines: list[TextLine], title: str | None) -> int:
    """Index of the first cover line after the title (set over one or more lines)."""
    if not title:
        return 0
    folded = " ".join(title.split()).casefold()
    for start in range(len(lines)):
        printed = ""
        for end in range(start, len(lines)):
            printed = f"{printed} {lines[end].text.casefold()}".strip()
            if printed == folded:
                return end + 1
            if not folded.startswith(printed):
                break
    inside = [i for i, line in enumerate(lines) if line.text.casefold() in folded]
    return inside[-1] + 1 if inside else 0


# --- footnotes ----------------------------------------------------------------------------


def _body_size(pages: list[list[TextLine]]) -> float:
    """The type size most of the letters are set in (0 when unknown)."""
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            if line.styled:
                sizes[line.size] += len(line.text)
    return max(sizes, key=lambda size: sizes[size]) if sizes else 0.0


def _take_all_notes(pages: list[_Page], body: float) -> list[_Page]:
    """Each page without its footnote area, and the notes that stood there.

    Endnotes stand together after the text (Word prints them on the last page, LibreOffice
    on a page of their own), far from the pages citing them: an area may also open with the
    first note cited on a page before that no area has given yet.
    """
    taken: list[_Page] = []
    cited: list[str] = []  # on the pages so far, in order
    given: set[str] = set()
    for page in pages:
        waiting = next((note for note in cited if note not in given), None)
        page = _take_notes(page, body, waiting)
        given.update(page.notes)
        marks = (mark for line in page.lines for mark in _CITED.findall(line.text))
        cited.extend(mark for mark in dict.fromkeys(marks) if mark not in cited)
        taken.append(page)
    return taken


def _take_notes(page: _Page, body: float, waiting: str | None = None) -> _Page:
    """The page without its footnote area, and the notes that stood there (the first opened
    by a note the page cites, or by ``waiting``, cited before)."""
    lines = page.lines
    start = len(lines)
    while (
        start > 0
        and lines[start - 1].styled
        and lines[start - 1].size < NOTE_SCALE * body
        and not lines[start - 1].cells  # a table in small type is no footnote
        and lines[start - 1].box is None  # nor is a box's text
    ):
        start -= 1
    # Word processors may set a note's number in the note's own type, or in the body's,
    # without raising it: in the footnote area a number opening a line labels a note too.
    cited = {mark for line in lines[:start] for mark in _CITED.findall(line.text)}
    cited.update([waiting] if waiting else [])
    lines = [*lines[:start], *_with_note_numbers(lines[start:], cited)]
    area = start
    while start < len(lines) and lines[start].lead is None:
        start += 1  # the area opens with a note's number
    if start == len(lines):
        return _Page(page.lines, page.notes, start - area)
    kept = lines[:start]
    if kept and kept[-1].size < NOTE_SCALE * body and _entry_key(kept[-1].text) in NOTE_HEADINGS:
        kept = kept[:-1]  # the area's own heading ("Noter") goes with its notes
    notes: dict[str, str] = {}
    current = ""
    for line in lines[start:]:
        if line.lead is not None:
            current = line.lead
            notes[current] = line.text
        else:
            joined = join_broken_ranges(f"{notes[current]}\n{line.text}")
            notes[current] = dehyphenate(joined).replace("\n", " ")
    return _Page(
        kept,
        {note: _BACK_LINK.sub("", " ".join(text.split())) for note, text in notes.items()},
        len(kept) - area if len(kept) > area else 0,
    )


# A note ending so, or with an address, is whole; one ending otherwise ("... og formannskapet
# kan") goes on.
_NOTE_END = re.compile(r"(?:[.!?:;)\]»”\"']|\w+://\S+|www\.\S+)\s*$")


def _join_continued_notes(pages: list[_Page]) -> list[_Page]:
    """Pages with the unnumbered lines opening a footnote area joined to the note the page
    before breaks off mid-sentence, as a note running on to the next page is printed."""
    joined: list[_Page] = []
    for page in pages:
        before = joined[-1] if joined else None
        if page.continuation and before is not None and before.notes:
            last = next(reversed(before.notes))
            if not _NOTE_END.search(before.notes[last]):
                rest = page.lines[-page.continuation :]
                text = dehyphenate("\n".join([before.notes[last], *(line.text for line in rest)]))
                before.notes[last] = " ".join(text.replace("\n", " ").split())
                page = _Page(page.lines[: -page.continuation], page.notes)
        joined.append(page)
    return joined


# The headings of a footnote area or a list of notes, folded.
NOTE_HEADINGS = frozenset(
    "noter notar notes note fotnoter fotnotar footnotes sluttnoter sluttnotar endnotes "
    "slutnoter".split()
)
# "1 text", or "1. text" as a list of notes in HTML prints its numbers; "i text" Word's
# endnotes.
_NOTE_NUMBER = re.compile(r"^(\d{1,3}|[ivxlc]{1,7})(?:[.)]?\s+(?=\S)|(?<=\d)(?=[A-ZÆØÅÄÖ]))")
# The link back to the citing place that ends each note of an HTML page.
_BACK_LINK = re.compile(r"\s*[\u21a9\u2191\u2934]\ufe0e?\s*$")


def _with_note_numbers(area: list[TextLine], cited: set[str]) -> list[TextLine]:
    """The footnote area's lines, those opened by the next note's bare number (``3``, or
    ``iii`` as Word numbers endnotes) led by it.

    Only the number after the last note's counts, so a wrapped line that starts with a
    figure (``44 per cent.``) stays part of its note; the first must be one `cited`, so a box
    of small type at the foot of a page ("146 grants awarded") is no note.
    """
    labelled: list[TextLine] = []
    last: tuple[bool, int] | None = None  # roman or not, and the value
    for line in area:
        match = _NOTE_NUMBER.match(line.text)
        number = _numeral(match.group(1)) if match else None
        if (
            line.lead is None
            and match
            and number is not None
            and (match.group(1) in cited if last is None else number == (last[0], last[1] + 1))
        ):
            line = replace(line, text=line.text[match.end() :], lead=match.group(1))
        if line.lead is not None and (value := _numeral(line.lead)) is not None:
            last = value
        labelled.append(line)
    return labelled


_CITED = re.compile(r"\x00N([^\x00]+)\x00")
_LISTED_NOTE = re.compile(r"^(\d{1,3})[.)]\s+(?=\S)")


def _take_note_lists(pages: list[_Page], body: float) -> list[_Page]:
    """Pages without the lists of notes an HTML page gathers after a chapter or at its end.

    Such notes may be set like the body, so their type does not tell them; their numbers do:
    a list ending a page (or running up to the next heading) whose items are numbered
    ``1.``, ``2.``, ... in order, each a note the text cites and no footnote area gave.
    """
    cited: set[str] = set()
    given = {note for page in pages for note in page.notes}
    taken: list[_Page] = []
    for page in pages:
        lines = page.lines
        found = _note_list(lines, body, cited, given)
        cited.update(note for line in lines for note in _CITED.findall(line.text))
        if found is None:
            taken.append(page)
            continue
        start, end = found
        notes: dict[str, str] = {}
        following: int | None = None
        for line in lines[start:end]:  # the first line opens a note
            match = _LISTED_NOTE.match(line.text)
            if match and (following is None or int(match.group(1)) == following):
                following = int(match.group(1)) + 1
                notes[match.group(1)] = line.text[match.end() :]
            else:
                last = next(reversed(notes))
                notes[last] = dehyphenate(f"{notes[last]}\n{line.text}").replace("\n", " ")
        given.update(notes)
        bodies = {note: _BACK_LINK.sub("", " ".join(text.split())) for note, text in notes.items()}
        taken.append(_Page([*lines[:start], *lines[end:]], {**page.notes, **bodies}))
    return taken


def _note_list(
    lines: list[TextLine], body: float, cited: set[str], given: set[str]
) -> tuple[int, int] | None:
    """Where a list of cited notes, numbered in order, starts and ends on this page."""
    seen = set(cited)
    for index, line in enumerate(lines):
        match = _LISTED_NOTE.match(line.text)
        if match and match.group(1) in seen and match.group(1) not in given:
            end = next(
                (i for i in range(index + 1, len(lines)) if _is_styled_heading(lines[i], body)),
                len(lines),
            )
            listed = [_LISTED_NOTE.match(other.text) for other in lines[index:end]]
            numbers = [int(item.group(1)) for item in listed if item]
            in_order = numbers == list(range(numbers[0], numbers[0] + len(numbers)))
            if in_order and all(str(number) in seen for number in numbers):
                return index, end
        seen.update(_CITED.findall(line.text))
    return None


def _unique_notes(pages: list[_Page]) -> list[_Page]:
    """Notes numbered anew on a later page (or chapter) get a label of their own: ``1-2``.

    Otherwise the second note 1 would be lost, and its marker would point to the first one.
    """
    used: set[str] = set()
    renamed: list[_Page] = []
    for page in pages:
        labels = {note: _free_label(note, used) for note in page.notes}
        used.update(labels.values())
        changed = {note: label for note, label in labels.items() if label != note}
        lines = page.lines
        if changed:
            lines = [
                replace(
                    line,
                    text=_relabel(line.text, changed),
                    cells=tuple(_relabel(cell, changed) for cell in line.cells),
                )
                for line in lines
            ]
        notes = {labels[note]: body for note, body in page.notes.items()}
        renamed.append(_Page(lines, notes))
    return renamed


def _free_label(note: str, used: set[str]) -> str:
    label, count = note, 1
    while label in used:
        count += 1
        label = f"{note}-{count}"
    return label


def _relabel(text: str, labels: dict[str, str]) -> str:
    for note, label in labels.items():
        text = text.replace(note_mark(note), note_mark(label))
    return text


# --- headings -----------------------------------------------------------------------------


@dataclass
class _Headings:
    """Where the headings are: ``(page, line)`` → heading."""

    found: dict[tuple[int, int], Heading]

    def at(self, page: int) -> dict[int, Heading]:
        return {line: heading for (p, line), heading in self.found.items() if p == page}

    @classmethod
    def find(cls, pages: list[list[TextLine]], body: float) -> _Headings:
        candidates: list[tuple[int, int, TextLine]] = []
        for page, lines in enumerate(pages):
            width = max((len(line.text) for line in lines), default=0)
            for index, line in enumerate(lines):
                if _looks_like_heading(line, body, width, len(lines)):
                    candidates.append((page, index, line))
        styled = [c for c in candidates if _is_styled_heading(c[2], body)]
        if body and styled:
            candidates = styled  # the type says which lines are headings; numbers alone do not
        numbered = [
            (page, index, line, number)
            for page, index, line in candidates
            if (number := split_heading_number(line.text)[0]) is not None
            and numbered_heading(line.text)
        ]
        accepted = plausible_numbering([number for *_, number in numbered])
        found: dict[tuple[int, int], Heading] = {}
        levels: dict[tuple[float, bool], int] = {}
        for (page, index, line, number), ok in zip(numbered, accepted, strict=True):
            if ok:
                level = number.count(".") + 1
                title = split_heading_number(line.text)[1]
                found[page, index] = Heading(f"{number} {title}", level, number)
                levels.setdefault((line.size, line.bold), level)
        unnumbered = [
            (page, index, line)
            for page, index, line in candidates
            if (page, index) not in found
            and split_heading_number(line.text)[0] is None
            and _is_styled_heading(line, body)
        ]
        ranks = sorted({line.size for *_, line in unnumbered}, reverse=True)
        for page, index, line in unnumbered:
            level = levels.get((line.size, line.bold), ranks.index(line.size) + 1)
            found[page, index] = Heading(line.text.strip(), level)
        if not styled:
            # Without type to go by (a scan, plain text), a line that is only a usual
            # unnumbered heading is one: "Forord", "Sammendrag", "LITTERATURLISTE".
            for page, lines in enumerate(pages):
                for index, line in enumerate(lines):
                    if (page, index) not in found and _is_named_heading(line.text):
                        found[page, index] = Heading(line.text.strip(), 1)
        return cls(found)


def _is_named_heading(text: str) -> bool:
    title = text.strip().strip(":").casefold()
    return is_bibliography_heading(text) or title in FRONT_MATTER_HEADINGS


def _looks_like_heading(line: TextLine, body: float, width: int, count: int) -> bool:
    text = plain(line.text).strip()
    if not text or len(text.split()) > HEADING_WORDS or parse_toc_line(text) or line.cells:
        return False
    if line.box is not None:
        return False  # a box's title heads the box, not a section of the text
    if _is_styled_heading(line, body):
        # A line in large type going on in lower case is a quote's or a caption's, set out
        # in the text ("vi en lots som tar tag i saken och"), not a heading.
        return text[0].isupper() or text[0].isdigit() or (text[0].isalpha() and line.bold)
    short = count < 3 or len(text) <= SHORT_LINE * width
    return numbered_heading(text) is not None and short


def _is_styled_heading(line: TextLine, body: float) -> bool:
    """Set larger than the body, or bold at body size; and not a sentence."""
    if not body or not line.styled or line.lead is not None:
        return False
    text = plain(line.text).strip()
    numbered = numbered_heading(text) is not None
    # A numbered heading may be set only a little larger (LaTeX's subsections in 11 pt type).
    larger = line.size >= (NUMBERED_HEADING_SCALE if numbered else HEADING_SCALE) * body
    bold = line.bold and line.size >= NOTE_SCALE * body
    reads = ends_mid_sentence(text) or text.endswith("?") or numbered
    return (larger or bold) and reads and len(text) >= 2


def _readable_headings(parts: list[Part]) -> list[Part]:
    """Shouting headings in sentence case, words spelled as the body spells them."""
    casing = word_casing("\n\n".join(plain(part) for part in parts if isinstance(part, str)))
    readable: list[Part] = []
    for part in parts:
        if isinstance(part, Heading) and is_shouting(part.title):
            part = replace(part, title=readable_case(part.title, casing))
        readable.append(part)
    return readable


# --- paragraphs ---------------------------------------------------------------------------


def _continued_rows(lines: list[TextLine], header: TextLine | None) -> tuple[list[TextLine], int]:
    """The page's lines, those opening it that go on with the table the page before ended
    in (under `header`, not printed again) read in its cells; and how many they are."""
    count = 0
    repeated = 0  # the header printed again atop the page, and the lines it wraps onto
    if header is not None and lines and _repeats_header(lines[0], header):
        repeated = 1
        while (
            repeated < min(len(lines), 1 + HEADER_LINES)
            and not _row_under(lines[repeated], header)
            and _header_rest(lines[repeated], header)
        ):
            repeated += 1
        lines = lines[repeated:]
    if header is None:
        return lines, 0
    # A row the page before cut in two leaves the rest of its first cell atop this page
    # ("verkstedet" of "Samskapingsarenaen Brekkvoll-verkstedet"): kept, after the rows.
    wrapped = 0
    while (
        wrapped < min(len(lines) - 1, HEADER_LINES)
        and not lines[wrapped].splits
        and _header_wrap(lines[wrapped], header)
        and _row_under(lines[wrapped + 1], header)
    ):
        wrapped += 1
    rest, lines = lines[:wrapped], lines[wrapped:]
    rows: list[TextLine] = []
    while count < len(lines):
        line = lines[count]
        if _row_under(line, header):
            rows.append(replace(line, cells=line.splits))
        elif rows and _total_across_labels(line, header):
            # A total whose label spans the label columns ("Sum" over "Tiltak" and "Ansvar").
            label, *figures = line.splits
            blanks = ("",) * (len(header.cells) - len(line.splits))
            rows.append(replace(line, cells=(label, *blanks, *figures)))
        elif rows and _cell_wrap(line, rows[-1], header):
            # The rest of a row's first cell, on the line below it ("næringsapparat").
            first, *others = rows[-1].cells
            rows[-1] = replace(rows[-1], cells=(f"{first} {line.text.strip()}", *others))
        else:
            break
        count += 1
    return [*rows, *rest, *lines[count:]], len(rows)


def _total_across_labels(line: TextLine, header: TextLine) -> bool:
    """Whether a line is a table's total row with fewer cells than its header: a label, then
    one figure for each of the header's last columns."""
    label, *figures = line.splits or ("",)
    return (
        1 < len(line.splits) < len(header.cells)
        and like_type(line.size, header.size)
        and len(label.split()) <= CELL_WORDS
        and not any(char.isdigit() for char in label)
        and all(_FIGURE_CELL.fullmatch(figure.strip()) for figure in figures)
    )


_FIGURE_CELL = re.compile(r"[-–]?\d[\d  .,]*%?")


def _cell_wrap(line: TextLine, row: TextLine, header: TextLine) -> bool:
    """Whether a line right below a table's row is the rest of its first cell: a few words, no
    figure, starting where the row does."""
    return not line.splits and abs(line.x - row.x) <= 1 and _header_wrap(line, header)


def _repeats_header(line: TextLine, header: TextLine) -> bool:
    """Whether a line atop a page is the header of the table the page before ended in,
    printed again (as reportlab's repeated rows and Word's header rows are)."""
    cells = line.cells or line.splits
    if len(cells) != len(header.cells):
        return False
    for cell, head in zip(cells, header.cells, strict=True):
        printed, named = _entry_key(cell).rstrip("-"), _entry_key(head)
        # A name wrapped over lines is printed in part on the header's first line.
        if named and not (printed and named.replace(" ", "").startswith(printed.replace(" ", ""))):
            return False
    return True


def _header_rest(line: TextLine, header: TextLine) -> bool:
    """Whether a line below a header printed again is the rest of its names: each of its
    parts ends one of them ("samtalar" of "Rettleiings- samtalar", "2025" of "Budsjett
    2025")."""
    parts = line.splits or (line.text,)
    names = [_entry_key(cell).replace(" ", "") for cell in header.cells]
    return like_type(line.size, header.size) and all(
        any(name.endswith(_entry_key(part).replace(" ", "")) for name in names if name)
        for part in parts
        if part.strip()
    )


def _header_wrap(line: TextLine, header: TextLine) -> bool:
    """Whether a line below a repeated header is the rest of its names ("samtalar" under
    "Rettleiings-"): in its type, short, no figure."""
    return (
        like_type(line.size, header.size)
        and len(line.text.split()) <= CELL_WORDS
        and not any(char.isdigit() for char in line.text)
    )


def _row_under(line: TextLine, header: TextLine) -> bool:
    """Whether a line may be a row of the table under `header`: as many cells, in like type,
    short ones, a figure past its label."""
    cells = line.splits
    if line.cells or len(cells) != len(header.cells):
        return False
    if not like_type(line.size, header.size):
        return False
    if any(len(cell.split()) > CELL_WORDS for cell in cells):
        return False
    return any(char.isdigit() for cell in cells[1:] for char in cell)


def _open_table(lines: list[TextLine], header: TextLine | None) -> TextLine | None:
    """The header of the table the page's last line is a row of (`header`, when the page
    opened with rows of a table from the page before and these run to its end); None when
    the page ends in no table."""
    index = len(lines) - 1
    while index >= 0 and lines[index].cells:
        if lines[index].header:
            return lines[index]
        index -= 1
    return header if index < 0 and lines else None


def _page_parts(
    lines: list[TextLine], headings: dict[int, Heading], header: TextLine | None = None
) -> list[Part]:
    """A page's lines as headings and paragraphs; `header` is that of a table the page goes
    on with, its first lines being rows of it."""
    parts: list[Part] = []
    paragraph: list[TextLine] = []
    # the header and rows of a table read so far
    table: list[TextLine] = [header] if header is not None else []
    widths = _column_widths(lines)
    # where the column of each line ends, by the line
    edges = {id(line): edge for line, edge in zip(lines, _column_edges(lines), strict=True)}
    pitch = _line_pitch(lines, headings)
    bibliography = False
    boxes = _boxes(lines)
    waiting: list[TextBox] = []  # boxes met inside a paragraph or table, to follow it

    def close() -> None:
        if paragraph:
            text = dehyphenate("\n".join(_with_lead(line) for line in paragraph))
            if bibliography:
                # A bibliography keeps a line for each entry: the reference parser tells
                # entries apart by them; an entry's printed lines are one.
                parts.append("\n".join(entry_lines(join_broken_ranges(text).split("\n"))))
            else:
                parts.append(join_broken_ranges(text).replace("\n", " "))
            paragraph.clear()
        if table:
            parts.extend(table_rows([row.cells for row in table]))
            table.clear()
        for number in waiting:
            parts.extend(boxes[number])
        waiting.clear()

    for index, line in enumerate(lines):
        text = line.text.strip()
        if line.box is not None:
            if index and lines[index - 1].box == line.box:
                continue  # the box is read from its first line
            if paragraph or table:
                waiting.append(line.box)
            else:
                parts.extend(boxes[line.box])
            continue
        heading = headings.get(index)
        # Rows whose header is gone (left on the page before) read as lines.
        if line.cells and (line.header or table):
            if line.header:
                close()
            table.append(line)
            continue
        if table:
            close()
        if heading is not None:
            close()
            if parts and isinstance(parts[-1], Heading) and _continues_heading(lines, index):
                previous = parts.pop()
                assert isinstance(previous, Heading)
                joined = dehyphenate(f"{previous.title}\n{heading.title}")
                title = join_broken_ranges(joined).replace("\n", " ")
                heading = replace(previous, title=title)
            parts.append(heading)
            bibliography = is_bibliography_heading(heading.title)
            continue
        if not text and not line.lead:
            close()
            continue
        if (
            paragraph
            and not (bibliography and _hangs_on(paragraph, line))
            and (
                _new_paragraph(
                    paragraph[-1],
                    line,
                    *widths[index],
                    pitch,
                    edges[id(paragraph[-1])],
                    opening=len(paragraph) == 1,
                )
                or _next_item(paragraph[0], line)
                or _next_field(paragraph[0], line)
            )
        ):
            close()
        paragraph.append(line)
    close()
    return parts


def _boxes(lines: list[TextLine]) -> dict[TextBox, list[Part]]:
    """Each text box of the page as its paragraphs, each a `Caption`: a block of its own that
    no sentence of the text beside it runs into or out of, its title no heading."""
    boxes: dict[TextBox, list[TextLine]] = {}
    for line in lines:
        if line.box is not None:
            boxes.setdefault(line.box, []).append(line)
    return {box: _box_paragraphs(inside, box.right) for box, inside in boxes.items()}


def _box_paragraphs(lines: list[TextLine], edge: float) -> list[Part]:
    """A box's lines as paragraphs: a box holds a title and short lines (facts, items) more
    often than prose, so a line goes on only with a sentence wrapped at the box's ``edge``
    (where its lines may run to)."""
    paragraphs: list[list[TextLine]] = []
    pitch = _box_pitch(lines)
    for line in lines:
        if paragraphs and (
            _next_field(paragraphs[-1][0], line)
            or not _box_line_goes_on(paragraphs[-1][-1], line, edge, pitch)
        ):
            paragraphs.append([line])
        elif paragraphs:
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    texts = [dehyphenate("\n".join(line.text for line in lines)) for lines in paragraphs]
    return [Caption(join_broken_ranges(text).replace("\n", " ")) for text in texts]


# Lines of a box further apart than this many times its closest lines stand in two paragraphs.
BOX_PARAGRAPH_GAP = 1.15


def _box_pitch(lines: list[TextLine]) -> float | None:
    """The distance between the lines of one of a box's paragraphs, where its paragraphs
    stand further apart than that (and None where all its lines stand alike); lines in
    another type than the next (a title over the facts) say nothing of it."""
    gaps = [
        b.top - a.top
        for a, b in pairwise(lines)
        if a.styled and b.top > a.top and (a.size, a.bold) == (b.size, b.bold)
    ]
    if not gaps:
        return None
    least = min(gaps)
    return least if any(gap > BOX_PARAGRAPH_GAP * least for gap in gaps) else None


def _box_line_goes_on(
    previous: TextLine, line: TextLine, edge: float, pitch: float | None = None
) -> bool:
    """Whether ``line`` goes on with the sentence of the box's line above it: in the same
    weight (a bold title stands alone), and, where the box sets its paragraphs apart by a
    wider gap (``pitch`` between the lines of one), no further below than that; elsewhere
    the sentence unfinished, and the line either going on in lower case or its first word
    too long for the room ``previous`` left before the box's ``edge``."""
    text = plain(line.text).strip()
    if not text or previous.bold != line.bold or text.startswith(_BULLETS):
        return False
    if pitch is not None and line.styled and previous.styled:
        return 0 < line.top - previous.top <= BOX_PARAGRAPH_GAP * pitch
    if not ends_mid_sentence(plain(previous.text)):
        return False
    if text[0].islower():
        return True
    word = len(text.split(maxsplit=1)[0]) + 1  # and the space before it
    return previous.right + word * LETTER_WIDTH * line.size > edge


def _hangs_on(paragraph: list[TextLine], line: TextLine) -> bool:
    """Whether ``line`` goes on with an entry set with a hanging indent (a bibliography's):
    it stands set in under the entry's first line, level with the line above, where only
    the next entry's first line stands out again; however short the line above is."""
    first, previous = paragraph[0], paragraph[-1]
    return (
        line.styled
        and like_type(line.size, first.size)
        and line.x > first.x + 2
        and (previous is first or abs(line.x - previous.x) <= 2)
        and not line.lead
        and not line.text.lstrip().startswith(_BULLETS)
    )


def _continues_heading(lines: list[TextLine], index: int) -> bool:
    """A heading wrapped over two lines: the same type, directly below, unnumbered rest."""
    above, line = lines[index - 1], lines[index]
    return (
        above.size == line.size
        and above.bold == line.bold
        and split_heading_number(line.text)[0] is None
        and 0 < line.top - above.top <= 1.6 * max(line.size, 1)
    )


def _with_lead(line: TextLine) -> str:
    return f"{line.lead} {line.text}" if line.lead else line.text


def _line_pitch(lines: list[TextLine], headings: dict[int, Heading]) -> float:
    """The usual distance between the baselines of two lines of one paragraph."""
    gaps = [
        b.top - a.top
        for i, (a, b) in enumerate(pairwise(lines))
        if a.styled
        and i not in headings
        and i + 1 not in headings
        and b.top > a.top
        and a.box is None
        and b.box is None
    ]
    return statistics.median(gaps) if gaps else 0.0


def _column_widths(lines: list[TextLine]) -> list[tuple[int, int]]:
    """For each line, the longest line (in letters) set in its type and column, and how many
    letters it is set in from the column's left edge.

    Footnotes in smaller type, or the other column of a two-column page, say nothing of how
    long a full line of this one is. A line indented within its column (a list whose bullets
    are drawn, not printed) is measured against the column's full lines. Text without layout
    has one column.
    """
    widths = []
    limits = _beside_limits(lines)
    for line, limit in zip(lines, limits, strict=True):
        same = [
            other
            for other in lines
            if not line.styled
            or (
                other.size == line.size
                and other.box == line.box
                and -COLUMN <= line.x - other.x <= INDENT
                and other.right <= limit
            )
        ]
        widest = max((len(other.text) for other in same), default=len(line.text))
        left = min((other.x for other in same), default=line.x)
        indent = round((line.x - left) / (LETTER_WIDTH * line.size)) if line.styled else 0
        widths.append((widest, indent))
    return widths


def _beside_limits(lines: list[TextLine]) -> list[float]:
    """For each line, where the text standing beside its block starts (infinity where none
    does): lines wrapped beside a box floated into the text, or the left column of a page
    set in one column above and two below, run no further than that, and the page's lines
    across it (the full-width text above or below) say nothing of how long theirs are.

    A line's block is the run of lines next to it in reading order, in its type and at its
    left edge; text beside it stands right of all of them, level with one or more.
    """
    limits = [float("inf")] * len(lines)
    start = 0
    while start < len(lines):
        first = lines[start]
        end = start + 1
        while (
            end < len(lines)
            and first.styled
            and first.box is None
            and lines[end].box is None
            and lines[end].size == first.size
            and abs(lines[end].x - first.x) <= 2
        ):
            end += 1
        block = lines[start:end]
        if first.styled and first.box is None and len(block) > 1:
            right = max(line.right for line in block)
            top, bottom = block[0].top - first.size, block[-1].top + first.size
            beside = [
                other.x
                for other in lines
                if other.right > 0
                and other.x > right
                and top <= other.top <= bottom
                and all(other is not line for line in block)
            ]
            if beside:
                limits[start:end] = [min(beside)] * len(block)
        start = end
    return limits


# The mean width of a letter of running text, as a share of the type size.
LETTER_WIDTH = 0.5
# A column's right edge is where at least this share of its lines (and three) end: the
# full lines of justified type.
EDGE_SHARE = 0.25
EDGE_LINES = 3
# A line ending this close (pt) to its column's right edge is a full line.
EDGE_ROOM = 1.0


def _column_edges(lines: list[TextLine]) -> list[float | None]:
    """For each line, the right edge of its column in pt, where the column's lines are set
    justified (most of them end there); None where that is not known.

    Counted in points, not letters: a line of few long words, or of figures, is as full as a
    line of many short ones, and a line across the page above two columns says nothing of
    where a column's lines end.
    """
    edges: list[float | None] = []
    for line, limit in zip(lines, _beside_limits(lines), strict=True):
        if not line.styled or line.right <= 0:
            edges.append(None)
            continue
        same = [
            round(other.right * 2) / 2
            for other in lines
            if other.size == line.size
            and other.box == line.box
            and 0 < other.right <= limit
            and -COLUMN <= line.x - other.x <= INDENT
        ]
        edge, count = Counter(same).most_common(1)[0]
        edges.append(edge if count >= max(EDGE_LINES, EDGE_SHARE * len(same)) else None)
    return edges


# Lines whose left edges are this close (pt) stand in one column (hanging indents too).
COLUMN = 24.0
# A line starting at most this far (pt) right of others is indented within their column.
INDENT = 60.0
_ITEM_NUMBER = re.compile(r"^\s*(\d{1,2})[.)]\s")
# The mark of a numbered list's item at any level: "1.", "a)", "iv.", "(2)".
_ITEM_MARK = re.compile(r"^\(?(?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})[.)]$")


def _next_item(first: TextLine, line: TextLine) -> bool:
    """Whether ``line`` opens the item of a numbered list after the one ``first`` opens."""
    opened, this = _ITEM_NUMBER.match(first.text), _ITEM_NUMBER.match(line.text)
    return opened is not None and this is not None and int(this[1]) == int(opened[1]) + 1


def _next_field(first: TextLine, line: TextLine) -> bool:
    """Whether ``line`` is the next of a list of fields ("Eigar: Ramnefjord regionråd",
    "Budsjett: 26,3 millionar kroner") whose first ``first`` opens: a label and its value on
    each line, however long the next label would have been for the room the line above left
    (a colophon's or a fact box's lines are never one sentence)."""
    return is_field_line(plain(first.text)) and is_field_line(plain(line.text))


def _opens_item(line: TextLine) -> bool:
    """Whether a line opens a numbered list's item: its mark ("1.", "a)") set apart from its
    words, as a word processor sets a list's numbers at any level. A nested item ("a)" under
    "1.") says nothing of the numbers before it (`_next_item`)."""
    return bool(line.splits) and _ITEM_MARK.match(line.splits[0].strip()) is not None


def _new_paragraph(
    previous: TextLine,
    line: TextLine,
    widest: int,
    indent: int,
    pitch: float,
    edge: float | None = None,
    opening: bool = False,
) -> bool:
    """Whether ``line`` starts a new paragraph after ``previous`` (``widest``: the longest line
    of its column, in letters; ``indent``: how many letters it is set in from the column;
    ``edge``: where the full lines of the column of ``previous`` end, in pt, when known;
    ``opening``: whether ``previous`` opens its paragraph)."""
    if line.text.lstrip().startswith(_BULLETS) or line.lead or _opens_item(line):
        return True
    if len(previous.splits) >= 2 and len(line.splits) >= 2:
        return True  # rows of labels and values set apart (a fact box's): one row a line
    if not like_type(line.size, previous.size):
        return True  # type of another size: a box beside the text, a caption, a note
    # With the layout known, a wider gap than between lines parts paragraphs, however the
    # line above ends: a cover's subtitle over the line naming the publisher.
    layout = bool(pitch) and line.styled and previous.styled
    if layout and line.top - previous.top > PARAGRAPH_GAP * pitch:
        return True
    if edge is not None and previous.right > 0 and line.right > line.x:
        # Where the column's edge is known, a line ending short of it ends its paragraph,
        # unless it stops mid-sentence and the next word (in the next line's letters)
        # would not have fit before the edge: a ragged list item wraps there too.
        if previous.right < edge - EDGE_ROOM:
            words = line.text.split()
            letter = (line.right - line.x) / max(len(plain(line.text)), 1)
            following = (len(plain(words[0])) + 1) * letter if words else 0.0
            fits = previous.right + following <= edge
            return fits or not ends_mid_sentence(plain(previous.text))
    elif len(previous.text) < SHORT_LINE * widest:
        # A short line ends its paragraph, unless it stops mid-sentence and the next word
        # would not have fit on it: justified type spreads few long words over a full line.
        # Lines set in under one another (a list's items) are ragged: a word fits in all
        # the room the column leaves them.
        following = len(line.text.split(maxsplit=1)[0]) if line.text.split() else 0
        room = widest - indent if indent and abs(line.x - previous.x) <= 2 else SHORT_LINE * widest
        fits = len(previous.text) + 1 + following < room
        return fits or not ends_mid_sentence(plain(previous.text))
    # With the layout known: a line that starts further
    # left (the next entry of a list set with hanging indents), or further right after a
    # line that opens a list ("... fördelades så här:"). Under a paragraph's first line set
    # in, a line further left that the first line's sentence runs on into is its second
    # (a first-line indent, a note's text set in after its number: a note's, wherever its
    # first sentence ends, since the next note opens with its own number).
    opens_list = previous.text.rstrip().endswith(":") and line.x > previous.x + 2
    set_in = opening and (ends_mid_sentence(plain(previous.text)) or previous.lead is not None)
    return layout and ((line.x < previous.x - 2 and not set_in) or opens_list)
