"""From a loader's parts to a `LoadedDocument`: heading paths, offsets, broken sentences, pages.

Every loader turns its file into a flat list of parts: `Heading`s, paragraphs (``str``),
`Caption`s and `PageBreak`s. Paragraphs may carry two invisible marks that are taken out when
the text is assembled, keeping their offsets: a page break inside a paragraph (a sentence that ran
over a page) and a footnote marker (where note ``n`` is cited). Everything here is pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.domain import PageSpan, Section
from indexing.cleaning import continues, number_parts
from indexing.loaders._metadata import document_language

_MARK = re.compile(r"\x00([PN])([^\x00]*)\x00")
# A footnote's label in the document's own language (bokmål's for any other).
FOOTNOTE_LABELS = {
    "nb": "Fotnote",
    "nn": "Fotnote",
    "sv": "Fotnot",
    "da": "Fodnote",
    "en": "Footnote",
}


@dataclass(frozen=True)
class Heading:
    """A heading as it will stand in the text, with what the file says about its place."""

    title: str
    level: int = 1
    number: str | None = None
    page: str | None = None
    group: str | None = None  # a parent that is no heading, e.g. the site quoted items come from


@dataclass(frozen=True)
class Caption:
    """A figure or table caption: its own paragraph, never part of a rejoined sentence."""

    text: str


@dataclass(frozen=True)
class PageBreak:
    """A new page starts here; ``notes`` are the footnotes printed at the foot of the last one."""

    notes: tuple[str, ...] = ()


Part = Heading | Caption | PageBreak | str


def page_mark(notes: Sequence[str] = ()) -> str:
    """The mark of a page break inside a paragraph."""
    return f"\x00P{','.join(notes)}\x00"


def note_mark(note: str) -> str:
    """The mark of a footnote marker inside a paragraph."""
    return f"\x00N{note}\x00"


def plain(text: str) -> str:
    """Text without its marks."""
    return _MARK.sub("", text)


def has_note(text: str, note: str) -> bool:
    """True when the paragraph cites footnote ``note``."""
    return note_mark(note) in text


# --- heading paths ------------------------------------------------------------------------


@dataclass
class _Open:
    heading: Heading
    number: tuple[int, ...] | None

    @property
    def level(self) -> int:
        """The level an unnumbered heading compares with: ``2.2`` is at least level 2."""
        return max(self.heading.level, len(self.number or ()))


def heading_paths(headings: Sequence[Heading]) -> list[list[str]]:
    """The section path of each heading.

    Numbered headings nest by their numbers (``4.1`` under ``4``), whatever level the file gave
    them, since converted files get levels wrong; unnumbered ones nest by level, but for one
    between a chapter's numbered sections, which stands in that chapter.
    """
    stack: list[_Open] = []
    paths = []
    numbers = [number_parts(h.number) if h.number else None for h in headings]
    for index, heading in enumerate(headings):
        number = numbers[index]
        if number is not None:
            while stack and not _is_parent(stack[-1].number, number):
                stack.pop()
        else:
            # Between a chapter's numbered sections ("2.1", a fact box's title, "2.2"), an
            # unnumbered heading stands in the chapter the next numbered one goes on in.
            following = next((n for n in numbers[index + 1 :] if n is not None), None)
            chapter = next(
                (
                    at
                    for at in range(len(stack) - 1, -1, -1)
                    if following is not None and _is_parent(stack[at].number, following)
                ),
                None,
            )
            if chapter is not None:
                del stack[chapter + 1 :]
            else:
                while stack and stack[-1].level >= heading.level:
                    stack.pop()
        stack.append(_Open(heading, number))
        path = [entry.heading.title for entry in stack]
        paths.append([heading.group, *path] if heading.group else path)
    return paths


def _is_parent(parent: tuple[int, ...] | None, child: tuple[int, ...]) -> bool:
    return parent is not None and len(parent) < len(child) and child[: len(parent)] == parent


def plausible_numbering(numbers: Sequence[str]) -> list[bool]:
    """Which numbers of a run of candidate headings continue the numbering so far.

    After ``2.2.3`` come ``2.2.3.1``, ``2.2.4``, ``2.3`` or ``3`` (each perhaps with first
    children, ``3.1``); anything else (a list item, a year, a table row) is no heading. The
    first number has ones below its top part: ``1``, ``1.1``, ``3``.
    """
    accepted: list[bool] = []
    previous: tuple[int, ...] | None = None
    for number in numbers:
        parts = number_parts(number)
        if previous is None:
            ok = all(part == 1 for part in parts[1:]) and parts[0] >= 1
        else:
            ok = parts in _successors(previous)
        accepted.append(ok)
        if ok:
            previous = parts
    return accepted


def _successors(number: tuple[int, ...]) -> set[tuple[int, ...]]:
    nexts = {(*number, 1)}
    for depth in range(len(number)):
        bumped = (*number[:depth], number[depth] + 1)
        nexts.update({bumped, (*bumped, 1), (*bumped, 1, 1)})
    return nexts


# --- broken sentences ---------------------------------------------------------------------


def table_rows(rows: Sequence[Sequence[str]]) -> list[str]:
    """A table's rows as sentences that name each figure's column, the first row being the
    header: "Kvernås: Innbyggere 7 860; Prosjekter 33." A figure read apart from its header
    ("Kvernås 7 860 1,9 33 49 24") says nothing of what it counts; a row is one sentence, so
    no row is joined to the next as a broken sentence. A table whose every row opens with a
    label ("Dato:") has no header: each row is its label and values ("Dato: 14.05.2025.")."""
    cleaned = [[" ".join(cell.split()) for cell in row] for row in rows]
    cleaned = [row for row in cleaned if any(row)]
    if not cleaned:
        return []
    if all(row[0].endswith(":") for row in cleaned):
        # Labels down the first column ("Arkiv:", "Dato:") and no header: a row is its label
        # and its values.
        return [
            _sentence(f"{label.rstrip(':').rstrip()}: {'; '.join(c for c in cells if c)}")
            if any(cells)
            else _sentence(label.rstrip(":"))
            for label, *cells in cleaned
        ]
    header, *body = cleaned
    if not body:
        return [_sentence("; ".join(cell for cell in header if cell))]
    sentences = []
    for row in body:
        label, *cells = row
        named = [
            f"{name} {value}" if name else value
            for name, value in zip(header[1:], cells, strict=False)
            if value
        ]
        named += [value for value in cells[len(header) - 1 :] if value]  # cells past the header
        figures = "; ".join(named)
        row_text = f"{label}: {figures}" if label and figures else label or figures
        sentences.append(_sentence(row_text))
    return sentences


def _sentence(text: str) -> str:
    return text if _ENDS_SENTENCE.search(text) else f"{text}."


_ENDS_SENTENCE = re.compile(r"[.!?…]$")


def rejoin_broken_sentences(parts: Sequence[Part]) -> list[Part]:
    """Join a paragraph to the one it continues across page breaks and floating captions.

    A paragraph that stops mid-sentence and one that starts in lower case, with only page
    breaks and captions between them, are one sentence; the page breaks become marks inside
    it and the captions move after it. A word hyphenated across the break is made whole.
    """
    joined: list[Part] = []
    for part in parts:
        target = _continued(joined, part) if isinstance(part, str) else None
        if target is None or not isinstance(part, str):
            joined.append(part)
            continue
        between = joined[target + 1 :]
        del joined[target + 1 :]
        marks = "".join(page_mark(p.notes) for p in between if isinstance(p, PageBreak))
        previous = joined[target]
        assert isinstance(previous, str)
        joined[target] = _join(previous, marks, part)
        joined.extend(p for p in between if isinstance(p, Caption))
    return joined


def _continued(parts: list[Part], paragraph: str) -> int | None:
    """Index of the paragraph ``paragraph`` continues, if any."""
    broken = False
    for index in range(len(parts) - 1, -1, -1):
        candidate = parts[index]
        if isinstance(candidate, PageBreak | Caption):
            broken = broken or isinstance(candidate, PageBreak)
            continue
        if isinstance(candidate, str) and (
            continues(plain(candidate), plain(paragraph))
            or (
                broken
                and _broken_off_at_a_word(plain(candidate))
                and not _LIST_ITEM.match(plain(paragraph))
            )
        ):
            return index
        return None
    return None


# A paragraph of running text this long, cut off after a lower-case word at a page's foot,
# goes on atop the next page, whatever word that starts with ("kor godt" / "Saltvoll fyller").
BROKEN_PARAGRAPH_WORDS = 12
_LAST_WORD = re.compile(r"(?:^|\s)([^\W\d_]+)$")
# A list's item: a bullet, or a number or letter and its stop ("2.", "b)").
_LIST_ITEM = re.compile(r"^\s*(?:[-•◦▪▫‣*–]|\(?(?:\d{1,3}|[a-zA-Z])[.)])\s")


def _broken_off_at_a_word(paragraph: str) -> bool:
    last = _LAST_WORD.search(paragraph.rstrip())
    return (
        last is not None
        and last.group(1).islower()
        and len(paragraph.split()) >= BROKEN_PARAGRAPH_WORDS
        and not _LIST_ITEM.match(paragraph)
    )


_TRAILING_HYPHEN = re.compile(r"(?<=[^\W\d_])[-‐]$")
_FIRST_WORD = re.compile(r"^([^\W\d_]+)(.*)$", re.DOTALL)
_CONJUNCTIONS = frozenset({"og", "eller", "samt", "and", "or", "och", "und"})


def _join(previous: str, marks: str, following: str) -> str:
    head, rest = previous.rstrip(), following.lstrip()
    word = _FIRST_WORD.match(rest)
    if _TRAILING_HYPHEN.search(plain(head)) and word and word.group(1) not in _CONJUNCTIONS:
        # The word is made whole before the page break, so it is not split between pages.
        return head[:-1] + word.group(1) + marks + word.group(2)
    return f"{head} {marks}{rest}"


# --- footnotes ----------------------------------------------------------------------------


def place_footnotes(
    parts: list[Part], footnotes: dict[str, str], homes: dict[str, int]
) -> list[Part]:
    """Each footnote (cleaned text) as ``Fotnote n: ...`` at the end of the section citing it,
    labelled in the document's language (``Footnote n: ...``, ``Fotnot n: ...``).

    A note nobody cites goes to the end of the section its body stood in.
    """
    language = document_language(_MARK.sub("", "\n".join(p for p in parts if isinstance(p, str))))
    label = FOOTNOTE_LABELS.get(language, FOOTNOTE_LABELS["nb"])
    placed = list(parts)
    insertions: list[tuple[int, int, str]] = []
    for order, (note, body) in enumerate(footnotes.items()):
        cited = next(
            (i for i, p in enumerate(parts) if isinstance(p, str) and has_note(p, note)),
            max(0, homes.get(note, len(parts)) - 1),
        )
        text = f"{label} {note}: {body}"
        insertions.append((_section_end(parts, cited), order, text))
    for at, _, text in sorted(insertions, reverse=True):
        placed.insert(at, text)
    return placed


def _section_end(parts: list[Part], index: int) -> int:
    """Where the section holding ``parts[index]`` ends, before page breaks at its end."""
    end = next(
        (i for i in range(index + 1, len(parts)) if isinstance(parts[i], Heading)), len(parts)
    )
    while end - 1 > index and isinstance(parts[end - 1], PageBreak):
        end -= 1
    return end


# --- assembly -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Break:
    """Where a page starts in the assembled text, and the notes of the page before."""

    offset: int
    notes: tuple[str, ...] = ()


@dataclass
class Assembly:
    """The cleaned text with its sections, page breaks and footnote markers."""

    text: str
    sections: list[Section]
    breaks: list[Break] = field(default_factory=list)
    markers: dict[str, int] = field(default_factory=dict)
    toc_anchors: list[tuple[int, str]] = field(default_factory=list)


def assemble(parts: Sequence[Part]) -> Assembly:
    """Paragraphs joined by blank lines; a section from each heading up to the next one."""
    headings = [part for part in parts if isinstance(part, Heading)]
    paths = iter(heading_paths(headings))
    pieces: list[str] = []
    length = 0
    starts: list[tuple[int, list[str], str | None]] = []
    pending: list[PageBreak] = []
    assembly = Assembly(text="", sections=[])
    for part in parts:
        if isinstance(part, PageBreak):
            pending.append(part)
            continue
        raw = part.title if isinstance(part, Heading) else _text_of(part)
        path = next(paths) if isinstance(part, Heading) else None
        if not plain(raw).strip():
            continue
        begin = length + (2 if pieces else 0)
        assembly.breaks.extend(Break(begin, page.notes) for page in pending)
        pending = []
        if isinstance(part, Heading) and path is not None:
            starts.append((begin, path, part.page))
            if part.page:
                assembly.toc_anchors.append((begin, part.page))
        clean = _take_marks(raw, begin, assembly)
        pieces.append(("\n\n" if pieces else "") + clean)
        length = begin + len(clean)
    assembly.breaks.extend(Break(length, page.notes) for page in pending)
    assembly.text = "".join(pieces)
    if not starts or starts[0][0] > 0:
        starts.insert(0, (0, [], None))
    ends = [start for start, _, _ in starts[1:]] + [len(assembly.text)]
    assembly.sections = [
        Section(path=path, start=start, end=end, page=page)
        for (start, path, page), end in zip(starts, ends, strict=True)
    ]
    return assembly


def _text_of(part: Caption | str) -> str:
    return part.text if isinstance(part, Caption) else part


def _take_marks(raw: str, begin: int, assembly: Assembly) -> str:
    """The text without marks; page breaks and markers recorded at their offsets."""
    pieces: list[str] = []
    length = 0
    cursor = 0
    for match in _MARK.finditer(raw):
        pieces.append(raw[cursor : match.start()])
        length += match.start() - cursor
        cursor = match.end()
        kind, payload = match.group(1), match.group(2)
        if kind == "P":
            notes = tuple(note for note in payload.split(",") if note)
            assembly.breaks.append(Break(begin + length, notes))
        else:
            assembly.markers.setdefault(payload, begin + length)
    pieces.append(raw[cursor:])
    return "".join(pieces)


# --- pages --------------------------------------------------------------------------------


def labelled_pages(text: str, breaks: Sequence[Break], labels: Sequence[str]) -> list[PageSpan]:
    """Spans of pages whose starts are known breaks, one per label (empty pages left out)."""
    starts = [0, *(page.offset for page in breaks)][: len(labels)]
    ends = [*starts[1:], len(text)]
    return [
        PageSpan(label=label, start=start, end=end)
        for label, start, end in zip(labels, starts, ends, strict=False)
        if end > start and text[start:end].strip()
    ]


_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def to_roman(value: int) -> str:
    """``4`` → ``"iv"``."""
    digits = []
    for amount, letters in _ROMAN:
        count, value = divmod(value, amount)
        digits.append(letters * count)
    return "".join(digits)


def from_roman(label: str) -> int | None:
    """``"iv"`` → ``4``; None when the label is no roman numeral."""
    text, value = label.lower(), 0
    for amount, letters in _ROMAN:
        while text.startswith(letters):
            value, text = value + amount, text[len(letters) :]
    return value if not text and value and to_roman(value) == label.lower() else None


@dataclass(frozen=True)
class _Number:
    roman: bool
    value: int

    @classmethod
    def parse(cls, label: str) -> _Number | None:
        if label.isdigit():
            return cls(False, int(label))
        value = from_roman(label)
        return cls(True, value) if value else None

    def next(self) -> _Number:
        return _Number(self.roman, self.value + 1)

    def before(self, other: _Number) -> bool:
        return (self.roman and not other.roman) or (
            self.roman == other.roman and self.value < other.value
        )

    @property
    def label(self) -> str:
        return to_roman(self.value) if self.roman else str(self.value)


@dataclass
class _Start:
    offset: int
    number: _Number | None
    at_heading: bool = False


def toc_pages(assembly: Assembly) -> list[PageSpan]:
    """Pages from page breaks and the contents' start page of sections; [] if they disagree.

    Pages count up from each break; a section the contents puts on a later page starts that
    page. A section the count has already passed means the breaks cannot be trusted, and no
    pages are given. A page with a footnote area starts no later than the paragraph citing
    its first note, when only a heading (not a break) said where it starts.
    """
    starts = [_Start(0, None)]
    events = sorted(
        [(b.offset, 0, b) for b in assembly.breaks]
        + [(offset, 1, label) for offset, label in assembly.toc_anchors],
        key=lambda event: (event[0], event[1]),
    )
    for offset, _, event in events:
        if isinstance(event, Break):
            _pull_back(starts, event, assembly)
            number = starts[-1].number
            starts.append(_Start(offset, number.next() if number else None))
            continue
        target = _Number.parse(event)
        page = starts[-1]
        if target is None or (page.number and target.before(page.number)):
            return []
        if page.number == target:
            continue
        if page.offset == offset:
            page.number = target
        else:
            starts.append(_Start(offset, target, at_heading=True))
    return _spans(assembly.text, starts)


def _pull_back(starts: list[_Start], area: Break, assembly: Assembly) -> None:
    """Move a heading-made page start back to the paragraph citing the page's footnotes."""
    cited = [assembly.markers[note] for note in area.notes if note in assembly.markers]
    page = starts[-1]
    if not cited or not page.at_heading or len(starts) < 2 or min(cited) >= page.offset:
        return
    paragraph = assembly.text.rfind("\n\n", 0, min(cited))
    paragraph = 0 if paragraph < 0 else paragraph + 2
    if paragraph > starts[-2].offset:
        page.offset = paragraph


def _spans(text: str, starts: list[_Start]) -> list[PageSpan]:
    ends = [start.offset for start in starts[1:]] + [len(text)]
    return [
        PageSpan(label=start.number.label, start=start.offset, end=end)
        for start, end in zip(starts, ends, strict=True)
        if start.number is not None and end > start.offset and text[start.offset : end].strip()
    ]


def page_at(pages: Sequence[PageSpan], offset: int) -> str | None:
    """Label of the page an offset lies on."""
    return next((page.label for page in pages if page.start <= offset < page.end), None)
