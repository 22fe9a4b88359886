"""From text runs placed on a page to lines that know their type size, weight and footnote marks.

A PDF holds text as runs drawn at positions in some font and size. `page_lines` groups the
runs of one page into lines, top to bottom, and reads what the type says: a run set clearly
smaller than its line and holding only a number is a footnote marker. A marker inside a line
becomes an invisible mark (see `indexing.loaders._structure.note_mark`), so no ``endring2``
is left in the text; one that opens a line labels a footnote body. Lines whose runs stand in
the same columns, a header over rows of figures, are a table: each of them knows its cells
(see `_with_tables`). Lines inside a rectangle the page frames or shades, beside or amid the
running text (a fact box), are read apart from it and know their box (see `_text_boxes`).
Everything here is pure.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from indexing.loaders._structure import from_roman, note_mark

# A run at most this share of its line's type size is a superscript (or subscript).
SUPERSCRIPT_SHARE = 0.8
# Runs whose baselines are closer than this share of the type size stand on one line.
SAME_LINE = 0.45
RAISED = 0.7
_MARKER = re.compile(r"^(?:\d{1,3}|[*†‡§])$")
# Word numbers endnotes i, ii, iii: a small roman numeral is a marker where it is raised at
# least this share of the line's type size (a letter in small type on the baseline is a word).
_ROMAN_MARKER = re.compile(r"^[ivxlc]{1,7}$")
ROMAN_RISE = 0.15
_BULLET = re.compile(r"^\s*[•▪◦‣●]\s*")
# Bold faces by name: "Arial-BoldMT", "Calibri,Bold", "MinionPro-Semibold", TeX's "CMBX10".
_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|,b\b|-b\b|-bd\b|cmbx", re.IGNORECASE)


@dataclass(frozen=True)
class Run:
    """Text drawn at one position: ``x`` from the left, ``y`` up from the page's foot, in pt."""

    text: str
    x: float
    y: float
    size: float
    font: str = ""
    width: float = 0.0  # how far the run advances, in pt (0 when not known)
    space: float = 0.0  # the font's word space at this size, in pt

    @property
    def end(self) -> float:
        """Where the run ends (its start when its width is not known)."""
        return self.x + self.width

    @property
    def bold(self) -> bool:
        """True when the font's name says it is a bold face."""
        return _BOLD_FONT.search(self.font) is not None


@dataclass(frozen=True)
class TextBox:
    """A text box of a page: its number there, and where its lines may run to (its right
    side, less the room its left side leaves before the text)."""

    number: int
    right: float


_Group = list[tuple[int, Run]]  # runs of one line, with the order the file draws them in


@dataclass(frozen=True)
class TextLine:
    """One printed line: its text (footnote marks inside), type and place on the page.

    ``size`` is 0 when the type size is unknown (text without layout); ``top`` is the distance
    of the baseline from the top of the page in pt; ``lead`` is the label of the footnote
    marker that opens the line, if any. A line of a table has its ``cells``, and its first
    line (the columns' names) is its ``header``. A line whose runs stand apart in two cells or
    more, in a table or not, has them as its ``splits``: at the top of a page, they may be
    the rows of a table whose header was on the page before. A line in a text box knows it
    (``box``).
    """

    text: str
    size: float = 0.0
    bold: bool = False
    x: float = 0.0
    top: float = 0.0
    lead: str | None = None
    cells: tuple[str, ...] = ()
    header: bool = False
    splits: tuple[str, ...] = ()
    right: float = 0.0  # where the line's last run ends (0 when not known)
    box: TextBox | None = None  # the page's text box the line stands in, if any

    @property
    def styled(self) -> bool:
        """True when the type size is known."""
        return self.size > 0


def plain_lines(text: str) -> list[TextLine]:
    """Lines of text that has no layout (an OCR result, a test's page text)."""
    return [TextLine(line) for line in text.split("\n")]


Box = tuple[float, float, float, float]  # left, bottom, right, top in pt


def page_lines(runs: Sequence[Run], height: float, shapes: Sequence[Box] = ()) -> list[TextLine]:
    """The runs of one page (in drawing order) as lines, top to bottom; those in a text box
    (one of ``shapes``, the rectangles the page frames or shades) as a block of their own.

    Word spaces are part of the runs' text, as pypdf spells them.
    """
    indexed = [(order, run) for order, run in enumerate(runs) if run.text.strip()]
    boxes = _text_boxes(indexed, shapes)
    boxed = {order for _, members in boxes for order, _ in members}
    lines = _lines([member for member in indexed if member[0] not in boxed], height)
    for number, (shape, members) in enumerate(boxes):
        inside = _lines(members, height)
        padding = min(line.x for line in inside) - shape[0] if inside else 0.0
        box = TextBox(number, round(shape[2] - max(padding, 0.0), 1))
        lines = _with_box(lines, [replace(line, box=box) for line in inside], shape)
    return lines


def _lines(indexed: list[tuple[int, Run]], height: float) -> list[TextLine]:
    """Runs as lines from the top of the page; within a line, runs keep the order the file
    draws them in, which is the reading order (the positions pypdf reports inside a line
    are not always exact enough to sort by)."""
    groups = [_in_reading_order(group) for group in _in_column_order(_grouped(indexed))]
    placed = [(line, group) for group in groups if (line := _line(group, height)) is not None]
    return _with_tables(placed)


# --- text boxes ---------------------------------------------------------------------------

# A text box holds this many lines at least (a title and a line, or two lines) and at most
# this many: a frame around more is a page's or a table's, not a box beside the text.
BOX_LEAST_LINES = 2
BOX_MOST_LINES = 20
# Runs this far (pt) outside a rectangle's edges still stand in it; rectangles whose sides
# are this close touch (a table's cells).
BOX_EDGE = 2.0


def _text_boxes(
    indexed: list[tuple[int, Run]], shapes: Sequence[Box]
) -> list[tuple[Box, list[tuple[int, Run]]]]:
    """The page's text boxes, top first, each with the runs in it.

    A text box is a framed or shaded rectangle holding a few lines of one cell each (no
    table's rows), with more of the page's text outside it than in it, and no other
    rectangle holding text against its sides (a table's cells, shaded one by one). The
    largest rectangle is taken first, so a shaded box with a frame of its own is one box.
    """
    holding = [shape for shape in shapes if any(_inside(run, shape) for _, run in indexed)]
    found: list[tuple[Box, list[tuple[int, Run]]]] = []
    taken: set[int] = set()
    for shape in sorted(holding, key=_area, reverse=True):
        members = [(o, run) for o, run in indexed if o not in taken and _inside(run, shape)]
        if _is_text_box(members, indexed, shape, holding):
            found.append((shape, members))
            taken.update(order for order, _ in members)
    return sorted(found, key=lambda box: -box[0][3])


def _is_text_box(
    members: list[tuple[int, Run]],
    indexed: list[tuple[int, Run]],
    shape: Box,
    shapes: list[Box],
) -> bool:
    lines = _grouped(members)
    if not BOX_LEAST_LINES <= len(lines) <= BOX_MOST_LINES:
        return False
    if any(len(_cells([run for _, run in line])) > 1 for line in lines):
        return False  # cells standing apart: a table's rows
    inside = {order for order, _ in members}
    letters = sum(len(run.text.strip()) for _, run in members)
    outside = sum(len(run.text.strip()) for order, run in indexed if order not in inside)
    return outside > letters and not any(_touch(shape, other) for other in shapes)


def _inside(run: Run, shape: Box) -> bool:
    """True when the run's ink stands within the rectangle."""
    left, bottom, right, top = shape
    start, end = _ink(run) if run.width else (run.x, run.x)
    return (
        left - BOX_EDGE <= start
        and end <= right + BOX_EDGE
        and bottom - BOX_EDGE <= run.y <= top + BOX_EDGE
    )


def _touch(shape: Box, other: Box) -> bool:
    """True when two rectangles stand side by side or one over the other, touching: cells
    of one table."""
    if other == shape:
        return False
    left, bottom, right, top = shape
    o_left, o_bottom, o_right, o_top = other
    across = min(top, o_top) - max(bottom, o_bottom) > 0
    along = min(right, o_right) - max(left, o_left) > 0
    beside = abs(left - o_right) <= BOX_EDGE or abs(o_left - right) <= BOX_EDGE
    stacked = abs(bottom - o_top) <= BOX_EDGE or abs(o_bottom - top) <= BOX_EDGE
    return (across and beside) or (along and stacked)


def _area(shape: Box) -> float:
    return (shape[2] - shape[0]) * (shape[3] - shape[1])


def _with_box(lines: list[TextLine], inside: list[TextLine], shape: Box) -> list[TextLine]:
    """The page's lines with a box's lines as a block where it stands in the reading order:
    before the first line below its top that runs under it (the text beside a box floated
    right stops short of it), else before the first line below its top."""
    if not inside:
        return lines
    top = inside[0].top
    below = [index for index, line in enumerate(lines) if line.top > top]
    under = [
        index
        for index in below
        if lines[index].right > shape[0] + BOX_EDGE and lines[index].x < shape[2] - BOX_EDGE
    ]
    at = next(iter(under or below), len(lines))
    return [*lines[:at], *inside, *lines[at:]]


def _grouped(indexed: list[tuple[int, Run]]) -> list[_Group]:
    """Runs in lines from the top of the page down."""
    ordered = sorted(indexed, key=lambda item: (-item[1].y, item[0]))
    groups: list[_Group] = []
    for order, run in ordered:
        if groups and _same_line([member for _, member in groups[-1]], run):
            groups[-1].append((order, run))
        else:
            groups.append([(order, run)])
    return groups


def _in_reading_order(group: _Group) -> list[Run]:
    """A line's runs in the order the file draws them, or from left to right where they
    stand clearly apart: a contents entry whose dot leaders and page number are drawn first."""
    runs = [run for _, run in sorted(group)]
    by_x = sorted(runs, key=lambda run: run.x)
    apart = all(later.x - earlier.x >= _least_width(earlier) for earlier, later in pairwise(by_x))
    return by_x if apart and by_x != runs else runs


def _least_width(run: Run) -> float:
    """A width the run surely covers: narrow letters (a third of the type size) each."""
    return len(run.text.strip()) * run.size / 3


# Two columns: the right one's lines start at one x, beside text on the left, on this many lines.
COLUMN_LINES = 4
# A box beside the text: this many of its lines, at least, stand beside running text, of
# the four or more that start at its edge.
BOX_LINES = 2
# Both sides of a line split into columns hold running text, not table cells.
COLUMN_TEXT = 15
# Type this much smaller than a band's body (footnotes, page numbers) is not in its columns.
NOTE_SHARE = 0.92


def _in_column_order(groups: list[_Group]) -> list[_Group]:
    """Lines of a two-column band read down the left column, then down the right one.

    Runs at one height across both columns land in one line; where a page sets its text in
    two columns (many lines whose right part starts at the same x, both parts running text),
    each line of that band is cut at that x, and the left halves come before the right
    ones. Lines above and below the band (headers, a full-width title, footnotes) keep
    their place.
    """
    gutter = _gutter(groups)
    if gutter is None:
        return groups
    split = [i for i, group in enumerate(groups) if _splits(group, gutter)]
    first, last = split[0], split[-1]
    # Lines next to the band that stand in one column or both (a heading atop the left column,
    # the longer column's last lines) belong to it; a line across the page, or in smaller
    # type (a footnote, a page number), ends it, and so does a heading below the band that
    # heads text across the page (the next section's, after a summary set in two columns).
    size = _main_size([run for group in groups[first : last + 1] for _, run in group])
    left_end = _left_end([groups[i] for i in split], gutter)
    while first > 0 and _in_columns(groups[first - 1], gutter, size, left_end):
        first -= 1
    while (
        last + 1 < len(groups)
        and _in_columns(groups[last + 1], gutter, size, left_end)
        and not _heads_the_page(groups, last + 1, gutter, size, left_end)
    ):
        last += 1
    band = [member for group in groups[first : last + 1] for member in group]
    # Each column is cut into lines anew: a large heading in one column would otherwise
    # gather two lines of the other, as if one were its superscript.
    right = _grouped([m for m in band if _in_right_column(m[1], gutter, left_end)])
    left = _grouped([m for m in band if not _in_right_column(m[1], gutter, left_end)])
    # Notes at the foot of the left column (smaller type) follow the right column's text.
    left, left_notes = _without_foot(left, size)
    if left_notes:
        right, right_notes = _without_foot(right, size)
        return [*groups[:first], *left, *right, *left_notes, *right_notes, *groups[last + 1 :]]
    notes = last + 1
    while notes < len(groups) and _small_in_columns(groups[notes], gutter, size):
        notes += 1
    if notes > last + 1 and any(
        _on_both_sides(group, gutter) for group in groups[last + 1 : notes]
    ):
        # Footnotes set at the foot of each column (Typst's): each column's notes apart.
        area = [member for group in groups[last + 1 : notes] for member in group]
        below = [
            *_grouped([m for m in area if m[1].x < gutter - 1]),
            *_grouped([m for m in area if m[1].x >= gutter - 1]),
        ]
        return groups[:first] + left + right + below + groups[notes:]
    return groups[:first] + left + right + groups[last + 1 :]


def _without_foot(column: list[_Group], size: float) -> tuple[list[_Group], list[_Group]]:
    """A column's lines, and apart the lines in smaller type at its foot (its footnotes)."""
    foot = len(column)
    while foot > 0 and all(
        run.size < NOTE_SHARE * size for _, run in column[foot - 1] if run.text.strip()
    ):
        foot -= 1
    return column[:foot], column[foot:]


def _small_in_columns(group: _Group, gutter: float, size: float) -> bool:
    """A line in smaller type than a two-column band's (a footnote's), whose runs each stand
    in one column: none reaches across the gutter."""
    runs = [run for _, run in group if run.text.strip()]
    return (
        bool(runs)
        and max(run.size for run in runs) < NOTE_SHARE * size
        and all(run.x >= gutter - 1 or run.end <= gutter for run in runs)
    )


def _on_both_sides(group: _Group, gutter: float) -> bool:
    """Text in both columns, clearly apart (a type size at least) across the gutter."""
    runs = [run for _, run in group if run.text.strip()]
    left = [run for run in runs if run.x < gutter - 1]
    right = [run for run in runs if run.x >= gutter - 1]
    return bool(left and right) and (
        min(run.x for run in right) - max(run.end for run in left) >= min(r.size for r in runs)
    )


def _in_right_column(run: Run, gutter: float, left_end: float) -> bool:
    """Whether a run of a two-column band stands in its right column: it starts at the
    column's edge (``gutter``) or beyond, or past where the left column's lines end
    (``left_end``): the number of a list's item or the first line of a reference list's
    entry, set out from the column's edge into the gap between the columns (the item's or
    entry's later lines, set in, give the gutter)."""
    return run.x >= gutter - 1 or run.x > left_end + run.size / 2


def _left_end(lines: list[_Group], gutter: float) -> float:
    """Where the left column's text ends in lines split into two columns at ``gutter``: each
    line's runs from its left edge on, up to a gap wider than a letter space stretches to
    (the gap between the columns, before a right column's run set out into it)."""
    ends = []
    for group in lines:
        runs = sorted((run for _, run in group if run.x < gutter - 1), key=lambda run: run.x)
        if not runs or not all(run.width > 0 for run in runs):
            continue
        end = runs[0].end
        for run in runs[1:]:
            if run.x - end > run.size:
                break
            end = max(end, run.end)
        ends.append(end)
    return max(ends, default=gutter)


def _gutter(groups: list[_Group]) -> float | None:
    """The x where a right column starts, if the page has two columns, or a box set beside
    the text (a "Faktaboks" floated right): its lines start at that x, some beside the
    text's lines, others on baselines of their own between them."""
    starts: Counter[float] = Counter()
    lefts: Counter[float] = Counter()
    for group in groups:
        xs = sorted({round(run.x) for _, run in group})
        starts.update(xs[1:])  # a line's own left edge never starts a second column
        lefts[xs[0]] += 1
    for x, count in starts.most_common():
        if count < BOX_LINES:
            break
        if _labels_values(groups, x):
            continue
        split = [group for group in groups if _splits(group, x)]
        beside = len(split)
        if not _set_apart(split, x):
            continue  # words that happen to start at one x in justified lines: no column
        if beside >= COLUMN_LINES or (
            beside >= BOX_LINES and count + lefts[x] >= COLUMN_LINES and x > min(lefts)
        ):
            return x
    return None


# A column (or a box beside the text) stands apart from the text left of it by a gap wider
# than a word space in most of its lines: this share of a type size, at the median.
GUTTER_GAP = 0.8


def _set_apart(lines: list[_Group], x: float) -> bool:
    """Whether the text at ``x`` stands apart from the text before it in most of ``lines``, as
    a column does, not a word space after it, as the next word of a line drawn word by word
    (a producer justifying its own lines draws each word at its x, and some come to start at
    one x on many lines)."""
    gaps = []
    for group in lines:
        before = [run for _, run in group if run.x < x - 1 and run.text.strip() and run.width]
        at = [run for _, run in group if abs(run.x - x) <= 1]
        if before and at:
            gaps.append((x - max(run.end for run in before)) / at[0].size)
    return not gaps or statistics.median(gaps) >= GUTTER_GAP


def _labels_values(groups: list[_Group], x: float) -> bool:
    """True when most lines with text starting at ``x`` have a label before it ("Oppdragsgiver:
    | Åsland fylkeskommune"): a colophon's or form's fields, read across, not two columns."""
    befores = [
        "".join(run.text for _, run in sorted(group, key=lambda m: m[1].x) if run.x < x - 1)
        for group in groups
        if any(abs(run.x - x) <= 1 for _, run in group)
    ]
    befores = [text.strip() for text in befores if text.strip()]
    return bool(befores) and 2 * sum(text.endswith(":") for text in befores) > len(befores)


def _splits(group: _Group, x: float) -> bool:
    """True when the line has running text on both sides of a column edge at ``x``: on the
    right one run of words, no cells standing apart."""
    runs = sorted((run for _, run in group), key=lambda run: run.x)
    if not any(abs(run.x - x) <= 1 for run in runs):
        return False
    before = [run for run in runs if run.x < x - 1]
    left = _without_leaders("".join(run.text for run in before))
    right = [run for run in runs if run.x >= x - 1]
    if len(_cells(right)) > 1 or _far_apart(before):
        return False  # cells standing apart: a table's row or header, not a column's line
    return (
        len(left) >= COLUMN_TEXT
        and len(_without_leaders("".join(run.text for run in right))) >= COLUMN_TEXT
    )


# Runs this many type sizes apart stand in a table's columns, however a justified line
# stretches its word spaces.
TABLE_GAP = 3


def _far_apart(runs: list[Run]) -> bool:
    """Whether a line's runs leave a gap wider than any word space between them (`TABLE_GAP`):
    "År   Rettleiings-   Fondssøknader" is a table's header, not a column's line."""
    ordered = sorted((run for run in runs if run.text.strip() and run.width), key=lambda r: r.x)
    return any(after.x - before.end > TABLE_GAP * after.size for before, after in pairwise(ordered))


# Dot leaders (". . . . ." to a contents entry's page number), which a producer may place on
# a grid, so that they start at one x on many lines: no column's text.
_LEADERS = re.compile(r"(?:\s*[.·…_]){3,}")


def _without_leaders(text: str) -> str:
    return _LEADERS.sub(" ", text).strip()


def _in_columns(group: _Group, x: float, size: float, left_end: float) -> bool:
    """True when a line in at least the body's type stands in the columns split at ``x``
    (the left one's lines ending at ``left_end``): it has text starting there, or outdented
    from there (`_in_right_column`), or it ends before it."""
    runs = [run for _, run in group if run.text.strip()]
    if not runs:
        return False
    if any(abs(run.x - x) <= 1 for run in runs):
        return True  # in the right column, or a box's line (in its own, smaller type)
    if max(run.size for run in runs) < NOTE_SHARE * size:
        return False
    if any(_in_right_column(run, x, left_end) for run in runs if run.size >= NOTE_SHARE * size):
        return True
    return all(run.x + max(run.width, _least_width(run)) <= x for run in runs)


# A heading is set at least this much larger than the body, or bold.
HEADING_SHARE = 1.1


def _heads_the_page(
    groups: list[_Group], index: int, x: float, size: float, left_end: float
) -> bool:
    """True when the line is a heading (larger than the body's ``size``, or bold) over a
    line that stands outside the columns split at ``x``, or over none."""
    runs = [run for _, run in groups[index] if run.text.strip()]
    heading = _main_size(runs) >= HEADING_SHARE * size or all(run.bold for run in runs)
    following = groups[index + 1] if index + 1 < len(groups) else None
    return heading and (following is None or not _in_columns(following, x, size, left_end))


def _same_line(group: list[Run], run: Run) -> bool:
    main = max(group, key=lambda member: member.size)
    size = max(main.size, run.size)
    # A superscript stands up to two thirds of its line's size above the baseline.
    smaller = min(main.size, run.size) <= SUPERSCRIPT_SHARE * size
    return abs(main.y - run.y) <= (RAISED if smaller else SAME_LINE) * size


def _line(runs: list[Run], height: float) -> TextLine | None:
    size = _main_size(runs)
    main = [run for run in runs if run.size > SUPERSCRIPT_SHARE * size]
    baseline = max(main, key=lambda run: len(run.text)).y
    text, lead = _text(runs, size, baseline)
    if not text and lead is None:
        return None
    bold = sum(len(run.text) for run in main if run.bold) * 2 > sum(len(run.text) for run in main)
    left = min(run.x for run in main) if main else runs[0].x
    right = max(run.end for run in runs)
    return TextLine(
        text,
        round(size, 1),
        bold,
        round(left, 1),
        round(height - baseline, 1),
        lead,
        right=round(right, 1),
    )


def _text(runs: list[Run], size: float, baseline: float) -> tuple[str, str | None]:
    """The runs' text, footnote markers as marks, and the label of a marker opening it."""
    pieces: list[str] = []
    lead: str | None = None
    previous: Run | None = None
    for index, run in enumerate(runs):
        text = run.text.replace("\n", " ")
        following = runs[index + 1] if index + 1 < len(runs) else None
        if previous is not None and _glued_number(run, previous, following):
            # A marker where the page has its note; a word space drawn after it stays.
            pieces.append(glued_mark(text.strip()) + (" " if text.endswith(" ") else ""))
            previous = run
            continue
        if _is_marker(run, size, baseline, previous):
            label = text.strip()
            if previous is None:
                lead = label
            else:
                pieces.append(note_mark(label))
            previous = run
            continue
        if previous is not None and _stands_apart(previous, run):
            pieces.append(" ")
        pieces.append(text)
        previous = run
    text = re.sub(r"\s+(?=\x00[NG])", "", "".join(pieces))
    text = re.sub(r"(?<=\x00)\s+(?=[.,;:!?)\]])", "", text)  # 'rolle³ .' → 'rolle³.'
    text = _BULLET.sub("- ", text)
    return _broken_word(" ".join(text.split())), lead


def _broken_word(text: str) -> str:
    """A line whose last word breaks at a soft hyphen drawn there (the glyph a producer maps
    to U+00AD): a hyphen, which the lines' joining undoes, where cleaning would drop it."""
    return f"{text[:-1]}-" if text.endswith("\u00ad") and text[-2:-1].isalpha() else text


# Runs further apart than this share of a word space are two words (a table's cells, a
# label and its value); closer ones are one word a producer drew in pieces (kerned).
WORD_GAP = 0.5
# Justified type may widen each word space of a run by up to this many spaces, unseen by
# the glyphs' widths when the producer places the words one by one.
JUSTIFY_STRETCH = 1.0


def _stands_apart(previous: Run, run: Run) -> bool:
    """True when ``run`` starts clear of where ``previous`` ends, with no space between."""
    if not previous.width or previous.text.endswith((" ", "\n")) or run.text.startswith(" "):
        return False
    space = max(previous.space, run.space) or run.size / 4
    stretch = JUSTIFY_STRETCH * space * previous.text.strip().count(" ")
    return run.x - previous.end > WORD_GAP * space + stretch


def _main_size(runs: Sequence[Run]) -> float:
    """The type size most of a line's letters are set in."""
    sizes: Counter[float] = Counter()
    for run in runs:
        sizes[round(run.size, 1)] += len(run.text.strip())
    return max(sizes, key=lambda size: (sizes[size], size))


# A number in type only a little smaller than its line's (up to this share) is a marker too
# where it is glued to the word or stop before it: reportlab's <super> sets it 2 pt smaller,
# 81–83 % of a 10–12 pt body, and raises it by a text rise that pypdf does not report.
GLUED_MARKER_SHARE = 0.9


def _is_marker(run: Run, size: float, baseline: float, previous: Run | None = None) -> bool:
    """A footnote marker: a number in clearly smaller type, on or above the baseline, or in
    a little smaller type, glued to the text before it ("2024.¹ De største"); or a roman
    numeral (an endnote's, "utviklingenⁱ") in clearly smaller type, raised."""
    text = run.text
    if _ROMAN_MARKER.match(text.strip()) and from_roman(text.strip()):
        return run.size <= SUPERSCRIPT_SHARE * size and run.y >= baseline + ROMAN_RISE * size
    if _MARKER.match(text.strip()) is None or run.y < baseline - 0.05 * size:
        return False
    if run.size <= SUPERSCRIPT_SHARE * size:
        return True
    return (
        run.size <= GLUED_MARKER_SHARE * size
        and previous is not None
        and previous.size > GLUED_MARKER_SHARE * size
        and not previous.text[-1:].isspace()
        and not previous.text[-1:].isdigit()
        and not text[:1].isspace()
        and not _stands_apart(previous, run)
    )


# How many spaces a justified line may widen each of its word spaces by, at most (a narrow
# column's), where a marker glued to its end is looked for.
GLUED_STRETCH = 2.5


def glued_mark(label: str) -> str:
    """The mark of a number that may be a footnote marker set in the line's own type (Typst
    sets one with the font's superscript figures): `document` makes it a marker where the
    page has a footnote with its number, and the number again elsewhere."""
    return f"\x00G{label}\x00"


GLUED_MARK = re.compile(r"\x00G([^\x00]+)\x00")
_GLUED_AFTER = re.compile(r"[^\W\d_]|[.,;:!?)»”\"']")


def _glued_number(run: Run, previous: Run, following: Run | None) -> bool:
    """A number of one to three figures drawn as a run of its own in the line's type, glued to
    the word or stop before it and followed by a space, a stop or the line's end
    ("sivilsamfunnet.¹", "prosjektene³ og")."""
    text = run.text.rstrip()
    if not text or text != text.lstrip() or not text.isdigit() or len(text) > 3:
        return False
    if not previous.text or not _GLUED_AFTER.fullmatch(previous.text[-1]):
        return False
    if abs(run.size - previous.size) > 0.1 * previous.size:
        return False
    # No word space between them: a justified line's spaces may be widened by offsets within
    # the run, which the visitor does not report, by up to `GLUED_STRETCH` spaces each.
    space = max(previous.space, run.space) or run.size / 4
    stretch = GLUED_STRETCH * space * previous.text.strip().count(" ")
    if previous.width and run.x - previous.end > WORD_GAP * space + stretch:
        return False
    return following is None or not following.text[:1].isalnum()


# --- tables -------------------------------------------------------------------------------

# Runs further apart than this many word spaces stand in two cells of a table.
CELL_GAP = 2.0
# A table has this many lines at least: its header and two rows.
TABLE_LINES = 3
# A cell holds at most this many words; more is running text.
CELL_WORDS = 8
# Cells of one column share their left or right edge or their left_end this closely (a share
# of the type size), and the lines of a table are at most this many type sizes apart.
ALIGNED = 0.3
ROW_PITCH = 2.5
# A wrapped cell's words start at most this share of the type size left of its column's.
IN_CELL = 0.4
# A header's names wrap over at most this many lines of its type (a name centred in the
# header's height stands between two of them).
HEADER_LINES = 4
# The lines of a header's wrapped names follow each other this closely at most (a share of the
# type size); a caption above stands further off.
HEADER_PITCH = 1.5
# The lines of a table, or of a paragraph, are set in type of about one size (a bold header
# too): sizes within this share of each other.
TABLE_SIZES = 0.15
_LIST_MARK = re.compile(r"^(?:[-–•▪◦‣●*]|\(?\d{1,3}[.)]?|\(?[a-zA-Z][.)])$")
_LEADER = re.compile(r"^[.·…_ ]+$")
# A column's name is no bare count or amount ("14", "980 000"); a year may be one.
_BARE_FIGURE = re.compile(r"^[\d .,%]+$")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


@dataclass(frozen=True)
class _Cell:
    """The runs of one cell of a line and where their ink starts and ends."""

    runs: tuple[Run, ...]
    left: float
    right: float

    @property
    def left_end(self) -> float:
        return (self.left + self.right) / 2


def _with_tables(placed: list[tuple[TextLine, list[Run]]]) -> list[TextLine]:
    """The lines, those of a table knowing their cells.

    A table is a block of lines whose runs stand apart in the same two columns or more, each
    column's cells aligned on their left or right edge or their left_end, below a header that
    names the columns; a column holds figures. Running text, a list, a contents page or a
    footnote area has no such columns, or no figures under a header, and stays as it is.
    """
    cells = [_cells(runs) for _, runs in placed]
    lines = [
        replace(line, splits=tuple(_cell_text(cell.runs) for cell in split))
        if len(split) >= 2
        else line
        for (line, _), split in zip(placed, cells, strict=True)
    ]
    start = 0
    taken = 0  # lines before this one belong to a table already
    wrapped: set[int] = set()
    while start < len(lines):
        end = start + 1
        while end < len(lines) and _aligned(lines[start : end + 1], cells[start : end + 1]):
            end += 1
        table = _table(placed, cells, start, end, taken) if end - start >= 2 else None
        if table is not None:
            first, header, body = table  # body: the first row
            columns = _columns(cells[body:end])
            labels: set[int] = set()  # lines that wrap cells of the row above
            while end < len(lines):
                pitch = _row_pitch(lines, body, end, labels)
                if _wraps_cells(lines[end - 1], lines[end], cells[end], columns, pitch):
                    labels.add(end)
                    end += 1
                elif _continues(lines[end - 1], lines[end], cells[end], columns):
                    end += 1  # a row with an empty cell, and those after it
                else:
                    break
            rows: dict[int, tuple[str, ...]] = {}
            for index in range(body, end):
                if index in labels:
                    above = max(rows)
                    rows[above] = tuple(
                        f"{cell} {more}" if more else cell
                        for cell, more in zip(rows[above], _row(cells[index], columns), strict=True)
                    )
                else:
                    rows[index] = _row(cells[index], columns)
            found = list(rows.values())
            if len(rows) + 1 >= TABLE_LINES and (
                _of_figures(header, found)
                or _of_words(lines[first], [lines[index] for index in rows], header, found)
            ):
                lines[first] = replace(lines[first], cells=header, header=True)
                wrapped.update(range(first + 1, body))  # the header's names, wrapped
                wrapped.update(labels)
                for index, row in rows.items():
                    lines[index] = replace(lines[index], cells=row)
                start = taken = end
                continue
        start += 1
    return [line for index, line in enumerate(lines) if index not in wrapped]


def _columns(rows: list[list[_Cell]]) -> list[tuple[float, float]]:
    """Where each column of aligned rows starts and ends."""
    return [
        (min(cell.left for cell in column), max(cell.right for cell in column))
        for column in zip(*rows, strict=True)
    ]


def _placed(cells: Sequence[_Cell], columns: list[tuple[float, float]]) -> list[list[Run]] | None:
    """The runs of ``cells`` column by column, when each cell stands over one column (or, in
    the gap after one, goes with the cell before it); None when one spans two columns."""
    placed: list[list[Run]] = [[] for _ in columns]
    last: int | None = None
    for cell in cells:
        over = [
            j for j, (left, right) in enumerate(columns) if cell.left < right and left < cell.right
        ]
        if len(over) > 1:
            return None
        if over:
            last = over[0]
        elif last is None:
            return None
        placed[last].extend(cell.runs)
    return placed


def _placed_left_of(
    cells: Sequence[_Cell], columns: list[tuple[float, float]]
) -> list[list[Run]] | None:
    """The header's cells column by column where names set flush left stand clear of the
    figures set flush right below them ("2022" over "6,450"): a name over a column goes with
    it, one in a gap with the next column to its right; one name to a column; else None."""
    placed: list[list[Run]] = [[] for _ in columns]
    taken = -1
    for cell in cells:
        ahead = [(j, left, right) for j, (left, right) in enumerate(columns) if j > taken]
        over = [j for j, left, right in ahead if cell.left < right and left < cell.right]
        beyond = [j for j, left, _ in ahead if left >= cell.right]
        if len(over) > 1 or not (over or beyond):
            return None
        taken = over[0] if over else beyond[0]
        placed[taken].extend(cell.runs)
    return placed


def _row(cells: list[_Cell], columns: list[tuple[float, float]]) -> tuple[str, ...]:
    placed = _placed(cells, columns)
    assert placed is not None
    return tuple(_cell_text(runs) for runs in placed)


def _continues(
    above: TextLine, line: TextLine, cells: list[_Cell], columns: list[tuple[float, float]]
) -> bool:
    """True when a line of fewer cells than the table's columns is a row of it: close below,
    in like type, its label in the first column and each cell in a column of its own."""
    if len(cells) < 2 or not _over(above, line):
        return False
    placed = _placed(cells, columns)
    return placed is not None and bool(placed[0]) and sum(map(bool, placed)) == len(cells)


def _wraps_cells(
    above: TextLine,
    line: TextLine,
    cells: list[_Cell],
    columns: list[tuple[float, float]],
    pitch: float | None,
) -> bool:
    """True when a line goes on with cells of the row above it, wrapped in them
    ("Tildelt fra næringsfondene," over "mill. kr"; "Inkubator i Kvernås" and "Kvernås"
    over "sentrum" and "Næringsforening"): words without figures, each in a column,
    closer below the row than the rows stand to each other (`pitch`)."""
    if not cells or not _over(above, line) or _has_digit(line.text):
        return False
    if pitch is None or line.top - above.top >= pitch:
        return False
    placed = _placed(cells, columns)
    if placed is None or sum(map(bool, placed)) != len(cells):
        return False
    # Within its cell, not out at the table's edge as a source line under it is (a cell's
    # padding further left).
    lefts = [left for (left, _), runs in zip(columns, placed, strict=True) if runs]
    tolerance = IN_CELL * line.size
    return all(cell.left >= left - tolerance for cell, left in zip(cells, lefts, strict=True))


def _row_pitch(lines: list[TextLine], body: int, end: int, labels: set[int]) -> float | None:
    """The least distance between two rows of a table, from the last line of one (a cell's
    wrapped words, perhaps) to the next; with one row so far, its distance below the header
    (whose last line is right above it)."""
    gaps = [
        lines[index + 1].top - lines[index].top
        for index in range(body, end - 1)
        if index + 1 not in labels
    ]
    if not gaps and body > 0 and end - 1 == body:
        gaps = [lines[body].top - lines[body - 1].top]
    return min(gaps) if gaps else None


def _cells(runs: list[Run]) -> list[_Cell]:
    """A line's runs in cells: runs far apart (several word spaces) are two cells."""
    if not runs or any(not run.width for run in runs):
        return []
    cells: list[list[Run]] = []
    right = 0.0  # where the ink of the cell so far ends
    for run in sorted(runs, key=lambda run: run.x):
        left, end = _ink(run)
        if cells and left - right <= CELL_GAP * (run.space or run.size / 4):
            cells[-1].append(run)
            right = max(right, end)
        else:
            cells.append([run])
            right = end
    return [_cell(c) for c in cells]


def _cell(runs: Sequence[Run]) -> _Cell:
    return _Cell(tuple(runs), min(_ink(run)[0] for run in runs), max(_ink(run)[1] for run in runs))


def _ink(run: Run) -> tuple[float, float]:
    """Where the run's first letter starts and its last one ends: spaces around its text (a
    word space the reader put before it, one the producer drew after it) are no ink."""
    space = run.space or run.size / 4
    before = len(run.text) - len(run.text.lstrip())
    after = len(run.text) - len(run.text.rstrip())
    return run.x + before * space, run.end - after * space


def _aligned(lines: list[TextLine], cells: list[list[_Cell]]) -> bool:
    """True when the lines stand close together, in like type, in the same columns."""
    count = len(cells[0])
    if count < 2 or any(len(row) != count for row in cells):
        return False
    sizes = [line.size for line in lines]
    if not like_type(*sizes):
        return False
    if any(not 0 < b.top - a.top <= ROW_PITCH * a.size for a, b in pairwise(lines)):
        return False
    tolerance = ALIGNED * max(sizes)
    for column in zip(*cells, strict=True):
        edges = ([c.left for c in column], [c.right for c in column], [c.left_end for c in column])
        if not any(max(edge) - min(edge) <= tolerance for edge in edges):
            return False
    return all(
        max(cell.right for cell in before) < min(cell.left for cell in after)
        for before, after in pairwise(zip(*cells, strict=True))
    )


def _table(
    placed: list[tuple[TextLine, list[Run]]],
    cells: list[list[_Cell]],
    start: int,
    end: int,
    taken: int,
) -> tuple[int, tuple[str, ...], int] | None:
    """Where the table whose aligned lines run from ``start`` to ``end`` opens, its
    header's cells and where its rows begin: the lines just above when they name the
    columns (a header whose names wrap is set over two or three lines, each name read down
    its column), else the first line, with the lines above it that only some of its names
    wrap into (a bottom-aligned header: "Vacancy" over "2023 (%)")."""
    found: tuple[int, tuple[str, ...], int] | None = None
    first = start
    runs: list[Run] = []
    while first - 1 >= taken and _over(placed[first - 1][0], placed[first][0]):
        line, last = placed[first - 1][0], placed[start - 1][0]
        if last.top - line.top > HEADER_LINES * line.size:
            break
        if first < start and placed[first][0].top - line.top > HEADER_PITCH * line.size:
            break  # a caption's last line, set apart above the names the header wraps
        first -= 1
        runs = [*placed[first][1], *runs]
        header = _header(runs, cells[start:end])
        if header is not None:
            found = (first, header, start)
    if found is not None:
        return found
    rows = cells[start + 1 : end]
    header = _header(placed[start][1], rows)
    if header is None:
        return None
    first, runs = start, placed[start][1]
    label_column = _columns(rows)[0][1]  # where the rows' labels end
    while first - 1 >= taken and _over(placed[first - 1][0], placed[first][0]):
        line, above = placed[first - 1]
        if placed[start][0].top - line.top > HEADER_LINES * line.size:
            break
        if placed[first][0].top - line.top > HEADER_PITCH * line.size:
            break  # a caption's last line, set apart above the header
        # Only a name wrapped over a figures' column, in the header's type: a paragraph's
        # last line above the table starts over the labels.
        if (
            line.bold != placed[start][0].bold
            or min((r.x for r in above), default=0) <= label_column
        ):
            break
        wider = _header([*above, *runs], rows)
        if wider is None:
            break
        first, runs, header = first - 1, [*above, *runs], wider
    return first, header, start + 1


def _over(line: TextLine, first: TextLine) -> bool:
    """True when ``line`` stands close above a table's first row, in like type."""
    close = 0 < first.top - line.top <= ROW_PITCH * line.size
    return close and like_type(line.size, first.size)


def like_type(*sizes: float) -> bool:
    """Whether lines of these type sizes are set in about one size (`TABLE_SIZES`); sizes
    not known (0, text without layout) are alike."""
    known = [size for size in sizes if size > 0]
    return not known or max(known) <= (1 + TABLE_SIZES) * min(known)


def _words_joined(runs: list[Run]) -> list[Run]:
    """Runs with the pieces of one word made one run: a producer may draw a word in pieces
    ("næring", "s", "fondet"), which a column's edge could otherwise part."""
    joined: list[Run] = []
    for run in sorted(runs, key=lambda run: (-round(run.y), run.x)):
        last = joined[-1] if joined else None
        if (
            last is not None
            and abs(last.y - run.y) <= 0.1 * run.size
            and last.width
            and run.width
            and last.text[-1:].isalnum()
            and run.text[:1].isalnum()
            and not _stands_apart(last, run)
        ):
            joined[-1] = replace(last, text=last.text + run.text, width=run.end - last.x)
        else:
            joined.append(run)
    return joined


def _header(runs: list[Run], rows: list[list[_Cell]]) -> tuple[str, ...] | None:
    """The header's text column by column, when each of its runs stands over one column of
    ``rows`` and it names every column but perhaps the first; else None.

    A header's names may be wider than the figures below and stand closer together than
    cells do (an HTML table's), so its runs, not its cells, are placed over the columns.
    """
    pieces = _words_joined(runs)
    columns = _columns(rows)
    names = [_cell([run]) for run in sorted(pieces, key=lambda run: run.x)]
    for placed in (_placed_left_of(_cells(pieces), columns), _placed(names, columns)):
        if placed is None:
            continue
        placed = _spread_group_names(placed)
        texts = tuple(
            _joined_names(filter(None, map(_cell_text, _by_line(runs)))) for runs in placed
        )
        if all(texts[1:]) and not any(
            _BARE_FIGURE.match(t) and not _YEAR.match(t) for t in texts[1:]
        ):
            return texts
    return None


# Marks where a header's name may break inside a word ("arbeidsplassa" over "r" in a narrow
# column); `indexing.loaders.pdf.document` joins the word there when the text spells it so.
NAME_BREAK = "\u00ad"


def _joined_names(lines: Iterable[str]) -> str:
    """A header cell's lines as one name: a word space between them, or `NAME_BREAK` where
    the line below goes on in lower case after a letter, without a hyphen (a word the
    column's width broke, or just the next word: only the text can tell)."""
    joined = ""
    for line in lines:
        if joined.endswith(("\u00ad", "-")) and joined[-2:-1].isalpha() and line[:1].islower():
            joined = joined[:-1] + line  # a word broken at a (soft) hyphen: "nærings-|arbeidet"
        elif joined.endswith(("-", "–")) and joined[-2:-1].isdigit() and line[:1].isdigit():
            joined += line  # a period broken after its dash: "2019–|2024"
        elif joined and joined[-1].isalpha() and line[:1].isalpha() and line[:1].islower():
            joined += NAME_BREAK + line
        else:
            joined = f"{joined} {line}" if joined else line
    return joined


# A group's name spans this many groups of the same columns' names at least.
NAME_GROUPS = 2


def _spread_group_names(placed: list[list[Run]]) -> list[list[Run]]:
    """A two-row header's runs column by column, a group's name in each column it spans.

    A header cell merged over two columns ("2022" over "Søknader" and "Tilskudd", "2023" over
    the same again) prints its name over the first of them only: the columns after it that
    the upper row leaves unnamed are its own. Told by the groups: two or more, each naming
    the same columns below it, so a name wrapped over one column's two lines is no group.
    """
    lines = _by_line([run for runs in placed for run in runs])
    if len(lines) != 2:
        return placed
    upper = {id(run) for run in lines[0]}
    named = [j for j, runs in enumerate(placed) if j and any(id(run) in upper for run in runs)]
    if len(named) < NAME_GROUPS:
        return placed  # (an upper row naming the first column alone names no groups)
    spans = [range(start, end) for start, end in zip(named, [*named[1:], len(placed)], strict=True)]

    def below(column: int) -> str:
        return _cell_text([run for run in placed[column] if id(run) not in upper])

    names = {tuple(below(column) for column in span) for span in spans}
    shared = next(iter(names)) if len(names) == 1 else ()
    if len(spans) < NAME_GROUPS or len(shared) < 2 or not all(shared):
        return placed
    spread = [list(runs) for runs in placed]
    for span in spans:
        group = [run for run in placed[span.start] if id(run) in upper]
        for column in span[1:]:
            spread[column] = [*group, *spread[column]]
    return spread


def _by_line(runs: Sequence[Run]) -> list[list[Run]]:
    """Runs grouped by the line they stand on, top line first."""
    lines: dict[float, list[Run]] = {}
    for run in runs:
        key = next((y for y in lines if abs(y - run.y) <= SAME_LINE * run.size), run.y)
        lines.setdefault(key, []).append(run)
    return [lines[y] for y in sorted(lines, reverse=True)]


def _short_cells(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> bool:
    """True for rows of short cells under a header: not a list (marks in the first column),
    a contents page (dot leaders) or running text."""
    cells = [text for row in (header, *rows) for text in row if text]
    if any(len(text.split()) > CELL_WORDS or _LEADER.match(text) for text in cells):
        return False
    return not all(_LIST_MARK.match(row[0]) for row in rows)


def _of_figures(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> bool:
    """True for rows of short cells, a column of which holds figures, under a header."""
    if not _short_cells(header, rows):
        return False
    columns = [[text for text in column if text] for column in list(zip(*rows, strict=True))[1:]]
    return any(column and all(_has_digit(text) for text in column) for column in columns)


# A header row's names are this many words at most each.
HEADER_WORDS = 4


def _of_words(
    top: TextLine, below: list[TextLine], header: tuple[str, ...], rows: list[tuple[str, ...]]
) -> bool:
    """True for rows of short cells, words only, under a header set apart from them in bold:
    a name over every column, each a few words, every row labelled in its first column.

    Without figures, the bold header is what tells a table from lines that happen to stand
    in columns (a list whose items wrap, a form's labels and answers)."""
    if not top.bold or any(line.bold for line in below):
        return False
    if not all(header) or any(len(name.split()) > HEADER_WORDS for name in header):
        return False
    return _short_cells(header, rows) and all(row[0] for row in rows)


def _has_digit(text: str) -> bool:
    return any(char.isdigit() for char in text)


def _cell_text(runs: Sequence[Run]) -> str:
    """A cell's text, a footnote marker in it as a mark."""
    if not runs:
        return ""
    ordered = sorted(runs, key=lambda run: run.x)
    size = _main_size(ordered)
    main = [run for run in ordered if run.size > SUPERSCRIPT_SHARE * size] or ordered
    return _text(ordered, size, max(main, key=lambda run: len(run.text)).y)[0]
