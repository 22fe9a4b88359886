"""Text a reader of a PDF cannot see: invisible, in the page's colour, tiny, or off the page.

A PDF can carry text no reader sees but every text extractor reads: text drawn in render mode 3
(invisible) or 7 (clip only), in the colour of the page behind it, in type below 1 pt, or
placed outside the page's visible box. Such text is how instructions are planted for an
assistant ("ignore previous instructions ..."), so the loader leaves it out of the document's
text and reports it.

pypdf reports each run of text with its position and size but not how it is painted.
`Painting` follows the operators that decide that (render mode, fill colour, graphics state
saved and restored, a page-size fill that sets the background, smaller fills that text may
stand on, such as a table header's coloured cells under white type, a page-size image that
makes the page a scan) and says, for each run, why it is hidden, if it is. Invisible text over a
scanned page is its OCR layer, the text a reader sees in the image, and is kept. It also keeps
the rectangles the page frames or shades (`Painting.shapes`): a box set apart from the text
is told by them (`lines.page_lines`). All pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from assistant.domain import HiddenReason

# Type below this size (pt) cannot be read.
TINY_POINTS = 1.0
# A fill colour this close (each channel, 0 to 1) to the background is not seen against it.
SAME_COLOUR = 0.05
# A fill or an image covering this share of the page is the page's background or its scan.
PAGE_SHARE = 0.5
# An estimate of a glyph's width as a share of the type size, to tell text that starts left of
# the page but runs into it from text that stays outside.
GLYPH_WIDTH = 0.6
INVISIBLE_MODES = frozenset({3, 7})
# Points of a drawn path this close (pt) to its bounding box's edges make it a rectangle.
ON_EDGE = 1.0
# A rectangle narrower or lower than this (pt) is a rule or a border's side, not a shape.
LEAST_SIDE = 12.0
WHITE = (1.0, 1.0, 1.0)
BLACK = (0.0, 0.0, 0.0)

Colour = tuple[float, float, float]
Box = tuple[float, float, float, float]  # left, bottom, right, top in pt


def colour_of(operands: Sequence[Any]) -> Colour | None:
    """An RGB colour from fill-colour operands: one gray, three RGB or four CMYK numbers."""
    try:
        values = [float(value) for value in operands]
    except (TypeError, ValueError):
        return None  # a pattern or a named colour: what it looks like is not known here
    if len(values) == 1:
        return (values[0],) * 3
    if len(values) == 3:
        return (values[0], values[1], values[2])
    if len(values) == 4:
        cyan, magenta, yellow, black = values
        return ((1 - cyan) * (1 - black), (1 - magenta) * (1 - black), (1 - yellow) * (1 - black))
    return None


@dataclass(frozen=True)
class _State:
    render: int = 0
    fill: Colour | None = BLACK


@dataclass
class Painting:
    """Follows the painting operators of one page and tells which text is hidden, and why.

    Feed it every operator after pypdf processed it (`after`); ask it about each run of text
    pypdf hands over (`reason`). ``images`` are the names of the page's image XObjects.
    """

    box: Box
    images: frozenset[str] = frozenset()
    background: Colour = WHITE
    scanned: bool = False
    _state: _State = field(default_factory=_State)
    _saved: list[_State] = field(default_factory=list)
    _shown: list[tuple[HiddenReason | None, Colour | None]] = field(default_factory=list)
    _rectangle: Box | None = None
    _fills: list[tuple[Box, Colour]] = field(default_factory=list)  # smaller than the page
    _path: list[tuple[float, float]] = field(default_factory=list)  # in page space
    # Rectangles framed (stroked) or shaded (filled in another colour than the page's),
    # smaller than the page, as left-bottom-right-top.
    shapes: list[Box] = field(default_factory=list)

    def after(
        self, operator: bytes, operands: Sequence[Any], cm: Sequence[float], tm: Any = None
    ) -> None:
        """Take note of one operator of the content stream (pypdf's `visitor_operand_after`)."""
        state = self._state
        if operator == b"q":
            self._saved.append(state)
        elif operator == b"Q":
            self._state = self._saved.pop() if self._saved else _State()
        elif operator == b"Tr" and operands:
            self._state = replace(state, render=_integer(operands[0]))
        elif operator in (b"g", b"rg", b"k", b"sc", b"scn"):
            self._state = replace(state, fill=colour_of(operands))
        elif operator == b"cs":
            self._state = replace(state, fill=BLACK)  # a new colour space starts at black
        elif operator in (b"Tj", b"TJ", b"'", b'"'):
            self._shown.append((self._painted_reason(), state.fill))
        elif operator == b"re" and len(operands) == 4:
            self._rectangle = _placed(operands, cm)
            if self._rectangle is not None:
                x0, y0, x1, y1 = self._rectangle
                self._path += [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
        elif operator in _PATH_POINTS:
            self._path += _points(operands, cm)
        elif operator in _FILLS or operator in _STROKES:
            if operator in _FILLS and self._rectangle and state.fill:
                if self._covers_page(self._rectangle):
                    self.background = state.fill
                else:
                    self._fills.append((self._rectangle, state.fill))
            self._take_shape(operator in _STROKES or self._shaded(state.fill))
            self._rectangle = None
        elif operator == b"n":
            self._rectangle = None
            self._path = []
        elif operator == b"Do" and operands and str(operands[0]) in self.images:
            self.scanned = self.scanned or self._covers_page(_placed([0, 0, 1, 1], cm))

    def reason(self, text: str, x: float, y: float, size: float) -> HiddenReason | None:
        """Why the run of text just reported (origin and size in pt) is hidden, or None."""
        shown, self._shown = self._shown, []
        # A run can join the text of several show operators; hidden if any part is.
        painted = [
            reason
            for reason, fill in shown or [(self._painted_reason(), self._state.fill)]
            if reason and not (reason == "page colour" and self._on_a_fill(x, y, size, fill))
        ]
        if painted:
            return painted[0]
        if 0 < size < TINY_POINTS:
            return "tiny"
        left, bottom, right, top = self.box
        width = GLYPH_WIDTH * size * len(text.strip())
        if x >= right or x + width <= left or y - size >= top or y + size <= bottom:
            return "off the page"
        return None

    def _painted_reason(self) -> HiddenReason | None:
        state = self._state
        if state.render in INVISIBLE_MODES:
            return "invisible"
        if state.fill is not None and all(
            abs(a - b) <= SAME_COLOUR for a, b in zip(state.fill, self.background, strict=True)
        ):
            return "page colour"
        return None

    def _on_a_fill(self, x: float, y: float, size: float, colour: Colour | None) -> bool:
        """Whether text at (x, y) stands on a filled shape of another colour than its own
        (white type on a table header's coloured cells), the last one painted there."""
        for (x0, y0, x1, y1), fill in reversed(self._fills):
            inside_x = min(x0, x1) <= x + size / 2 <= max(x0, x1)
            inside_y = min(y0, y1) <= y + size / 3 <= max(y0, y1)
            if inside_x and inside_y:
                return colour is None or any(
                    abs(a - b) > SAME_COLOUR for a, b in zip(colour, fill, strict=True)
                )
        return False

    def _shaded(self, fill: Colour | None) -> bool:
        """Whether a fill in this colour shows against the page."""
        return fill is not None and any(
            abs(a - b) > SAME_COLOUR for a, b in zip(fill, self.background, strict=True)
        )

    def _take_shape(self, seen: bool) -> None:
        """Keep the path just painted when it is a rectangle a reader sees, smaller than the
        page; start the next path."""
        path, self._path = self._path, []
        if not seen or len(path) < 4:
            return
        xs, ys = [x for x, _ in path], [y for _, y in path]
        box = (min(xs), min(ys), max(xs), max(ys))
        left, bottom, right, top = box
        if right - left < LEAST_SIDE or top - bottom < LEAST_SIDE or self._covers_page(box):
            return
        on_edges = all(
            min(abs(x - left), abs(x - right)) <= ON_EDGE
            or min(abs(y - bottom), abs(y - top)) <= ON_EDGE
            for x, y in path
        )
        if on_edges and box not in self.shapes:
            self.shapes.append(box)

    def _covers_page(self, rectangle: Box | None) -> bool:
        if rectangle is None:
            return False
        left, bottom, right, top = self.box
        page = (right - left) * (top - bottom)
        x0 = max(left, min(rectangle[0], rectangle[2]))
        x1 = min(right, max(rectangle[0], rectangle[2]))
        y0 = max(bottom, min(rectangle[1], rectangle[3]))
        y1 = min(top, max(rectangle[1], rectangle[3]))
        covered = max(0.0, x1 - x0) * max(0.0, y1 - y0)
        return page > 0 and covered >= PAGE_SHARE * page


_FILLS = frozenset({b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"})
_STROKES = frozenset({b"S", b"s", b"B", b"B*", b"b", b"b*"})
# Path operators whose last two operands are the point the path goes to (a curve's control
# points are left out: a rounded corner's stay near it).
_PATH_POINTS = frozenset({b"m", b"l", b"c", b"v", b"y"})


def _points(operands: Sequence[Any], cm: Sequence[float]) -> list[tuple[float, float]]:
    """The points a path operator names (its last pair: where the path goes), in page space."""
    try:
        values = [float(value) for value in operands]
    except (TypeError, ValueError):
        return []
    if len(values) < 2 or len(values) % 2:
        return []
    x, y = values[-2], values[-1]
    return [(cm[0] * x + cm[2] * y + cm[4], cm[1] * x + cm[3] * y + cm[5])]


def _integer(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _placed(operands: Sequence[Any], cm: Sequence[float]) -> Box | None:
    """A rectangle (x, y, width, height in user space) in page space, as left-bottom-right-top."""
    try:
        x, y, width, height = (float(value) for value in operands)
    except (TypeError, ValueError):
        return None
    corners = [(x, y), (x + width, y + height)]
    placed = [(cm[0] * a + cm[2] * b + cm[4], cm[1] * a + cm[3] * b + cm[5]) for a, b in corners]
    (x0, y0), (x1, y1) = placed
    return (x0, y0, x1, y1)
