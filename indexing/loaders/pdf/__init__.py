"""PDF loader (pypdf): text with its layout, under printed page labels, with the file's metadata.

`load_pdf` is the only part that touches pypdf. pypdf's text visitor reports each run of text
with its position, font and size; `lines.page_lines` turns those into lines that know their
type, and `document.parse_pdf_lines` (pure) builds the document from them: furniture, cover
and contents gone, footnotes placed, headings from numbering and type, paragraphs joined. A PDF
without a text layer is read by Tesseract (`ocr`) when it is installed.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from pypdf import PageObject, PasswordType, PdfReader
from pypdf.generic import ArrayObject, ContentStream, FloatObject, NameObject

from assistant.domain import HiddenReason, HiddenText, LoadedDocument
from assistant.errors import DocumentLoadError
from indexing.instructions import gives_orders
from indexing.loaders._metadata import (
    document_language,
    is_placeholder,
    looks_like_name,
    printed_authors,
    printed_title,
    split_authors,
    year_in,
)
from indexing.loaders.pdf.document import (
    MIN_LETTERS,
    PdfPage,
    cover_authors,
    has_running_text,
    is_prose,
    parse_pdf_lines,
    parse_pdf_pages,
)
from indexing.loaders.pdf.fonts import glyph_widths, to_unicode
from indexing.loaders.pdf.hidden import Painting
from indexing.loaders.pdf.lines import Run, TextLine, page_lines, plain_lines
from indexing.loaders.pdf.ocr import ocr_pages
from indexing.loaders.pdf.tex import name_tex_bitmap_glyphs

logger = logging.getLogger(__name__)


# The pages a document's title is printed on, when it is (its cover and title page).
OPENING_PAGES = 2


def load_pdf(path: Path) -> LoadedDocument:
    """Load a PDF: text per page under printed labels, sections, footnotes, metadata."""
    reader = _open(path)
    read = _page_lines(reader, path.name)
    pages = [page.lines for page in read]
    labels, defined = _labels(reader)
    hidden = _hidden_text(read, labels)
    if sum(char.isalpha() for lines in pages for line in lines for char in line.text) < MIN_LETTERS:
        pages = [plain_lines(text) for text in ocr_pages(reader, path.name)]
        if (
            sum(char.isalpha() for lines in pages for line in lines for char in line.text)
            < MIN_LETTERS
        ):
            if hidden:
                raise DocumentLoadError(
                    f"{path.name}: no visible text; its only text is hidden from readers "
                    f"({hidden[0].reason}, page {hidden[0].page}), which is never indexed"
                )
            raise DocumentLoadError(
                f"{path.name}: no extractable text (a scanned PDF? OCR found no text in it)"
            )
    document = parse_pdf_lines(
        [PdfPage(lines, label) for lines, label in zip(pages, labels, strict=True)],
        path.name,
        printed_labels=not defined,
    )
    info = _metadata(reader)
    first = pages[0] if pages else []
    # A cover has no running text; a first page that has tells nothing of the year.
    cover = [] if has_running_text(first) else first
    # Metadata the text never prints (a template's title, a login) says nothing of it.
    opening = " ".join(line.text for lines in pages[:OPENING_PAGES] for line in lines)
    # (Only a cover's title stands in for it: without a cover, the first page's largest
    # text may be any line.)
    unprinted = bool(cover) and info.title is not None and not printed_title(info.title, opening)
    title = (document.title if unprinted else None) or info.title or document.title
    printed = printed_authors(info.authors or [], f"{opening}\n{document.text}")
    opening_lines = [line for lines in pages[:OPENING_PAGES] for line in lines]
    # The lines that title the report: its cover, or of a first page that is no cover (a
    # colophon paragraph at its foot, a browser's header line atop it) the lines no prose.
    titling = cover or [line for line in first if not is_prose(line.text)]
    authors = _with_cover_names(_with_coauthors(printed, opening_lines), cover, title)
    authors = authors or cover_authors(titling, title)
    # The year printed there (a date, a report number) says when the report came out; the
    # file's creation date, the year it was last printed (a report printed again years
    # later), only where none is printed.
    year = year_in(" ".join(line.text for line in titling)) or info.year
    return document.model_copy(
        update={
            "title": title,
            "authors": authors,
            "year": year,
            "language": document_language(document.text),
            "hidden": hidden,
        }
    )


def _with_coauthors(authors: list[str], opening: list[TextLine]) -> list[str]:
    """The file's authors, each with the names printed on one line with it in the opening
    pages ("Kari Nordvik og Jon Erik Strand").

    A file's author is often whoever made it, not all who wrote it: a report whose cover
    names two authors on one line may name only the first in its metadata.
    """
    found: list[str] = []
    for author in authors:
        names = next(
            (names for line in opening if _author_key(author) in _keys(names := _names(line.text))),
            [author],
        )
        found.extend(name for name in names if _author_key(name) not in _keys(found))
    return found


def _with_cover_names(authors: list[str], cover: list[TextLine], title: str | None) -> list[str]:
    """The file's one author, or the cover's names under its title where that author heads
    them, each on a line of its own: a file often names only the first author, where the
    cover lists them a line each. (Where the cover joins them on one line, `_with_coauthors`
    has found them; a file naming several names them all.)"""
    on_cover = cover_authors(cover, title)
    lines = {" ".join(line.text.split()) for line in cover}
    if (
        len(authors) == 1
        and len(on_cover) > 1
        and _author_key(on_cover[0]) == _author_key(authors[0])
        and all(name in lines for name in on_cover)
    ):
        return on_cover
    return authors


def _names(text: str) -> list[str]:
    """The names a line of names holds (none when it is no such line)."""
    parts = split_authors(" ".join(text.split()))
    return parts if len(parts) > 1 and all(looks_like_name(part) for part in parts) else []


def _keys(names: list[str]) -> set[str]:
    return {_author_key(name) for name in names}


def _author_key(name: str) -> str:
    """A name as compared: spaces and case aside."""
    return " ".join(name.split()).casefold()


def _hidden_text(pages: list[_Page], labels: list[str]) -> list[HiddenText]:
    """The hidden runs of each page, those next to each other for the same reason joined."""
    found: list[HiddenText] = []
    for page, label in zip(pages, labels, strict=True):
        for reason, text in page.hidden:
            last = found[-1] if found else None
            if last is not None and last.page == label and last.reason == reason:
                found[-1] = last.model_copy(update={"text": f"{last.text} {text.strip()}"})
            else:
                found.append(HiddenText(page=label, reason=reason, text=text.strip()))
    return [
        item.model_copy(
            update={"text": " ".join(item.text.split()), "gives_orders": gives_orders(item.text)}
        )
        for item in found
    ]


def _letters(pages: list[list[TextLine]]) -> int:
    return sum(char.isalpha() for lines in pages for line in lines for char in line.text)


def _open(path: Path) -> PdfReader:
    """The reader, decrypted with the empty password if needed; DocumentLoadError if not."""
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise DocumentLoadError(
                f"{path.name}: encrypted PDF that needs a password; "
                "save an unprotected copy and index that"
            )
        if not reader.pages:
            raise DocumentLoadError(f"{path.name}: PDF without pages")
        return reader
    except (DocumentLoadError, OSError):
        raise  # an unreadable file is the caller's to report, not a damaged PDF
    except Exception as error:  # pypdf raises many kinds on broken files; none may escape
        raise DocumentLoadError(
            f"{path.name}: damaged or not a PDF ({_reason(error)}); re-download or re-export it"
        ) from error


def _reason(error: Exception) -> str:
    detail = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__


def _page_lines(reader: PdfReader, name: str) -> list[_Page]:
    """Each page's visible lines and hidden text; a page pypdf cannot read counts as empty."""
    pages: list[_Page] = []
    failures: list[str] = []
    for number, page in enumerate(reader.pages, start=1):
        try:
            pages.append(_lines_of(page))
        except Exception as error:  # one broken page should not lose the others
            failures.append(f"page {number}: {_reason(error)}")
            pages.append(_Page([]))
    if failures and len(failures) == len(pages):
        raise DocumentLoadError(f"{name}: not a readable PDF ({failures[0]})")
    for failure in failures:
        logger.warning("%s: could not read %s", name, failure)
    return pages


@dataclass
class _Page:
    lines: list[TextLine]
    hidden: list[tuple[HiddenReason, str]] = field(default_factory=list)


def _lines_of(page: PageObject) -> _Page:
    """The page's visible text runs, placed and sized by the visitor, grouped into lines; and
    the runs a reader cannot see, with why."""
    name_tex_bitmap_glyphs(page)
    box = page.cropbox
    painting = Painting(
        (float(box.left), float(box.bottom), float(box.right), float(box.top)), _images(page)
    )
    runs: list[tuple[Run, HiddenReason | None]] = []
    turns: list[int] = []  # how each run's baseline is turned on the page
    # Character and word spacing and horizontal scaling widen a run beyond its glyphs.
    spacing = {b"Tc": 0.0, b"Tw": 0.0, b"Tz": 100.0}
    # What the numbers of the TJ arrays shown since the last run move the text on by, in
    # thousandths of the type size: a justified line's widened spaces, kerning.
    moved = [0.0]
    # What the first text shown since the last run draws first: a run opening with a space
    # where it draws a letter opens with the word space pypdf writes for a gap, and pypdf
    # places the run at the letter.
    first_shown: list[str | None] = [None]

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        shown, first_shown[0] = first_shown[0], None
        if not text.strip():
            painting.reason(text, 0, 0, 0)  # what was shown so far is accounted for
            if runs and text.strip("\n") and not runs[-1][0].text.endswith(" "):
                last, why = runs[-1]
                runs[-1] = (replace(last, text=last.text + " "), why)  # a word space
            return
        # The run's origin and size in page space: the text matrix under the current one.
        x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
        y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
        turn = _turn(tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3])
        if turn in (0, 180):
            scale = abs(tm[3] * cm[3]) or abs(tm[0] * cm[0]) or 1.0
            along = abs(tm[0] * cm[0])
        else:  # set a quarter turn round (a landscape page on a portrait one)
            along = abs(tm[0] * cm[1] + tm[1] * cm[3])
            scale = abs(tm[2] * cm[0] + tm[3] * cm[2]) or along or 1.0
        across = along * spacing[b"Tz"] / 100 or scale
        name = str(font.get("/BaseFont", "")) if font else ""
        glyphs = glyph_widths(font)
        why = painting.reason(text, x, y, size * scale)
        pieces = text.split("\n")
        shift, moved[0] = moved[0], 0.0
        for offset, piece in enumerate(pieces):
            # A space pypdf writes before the letter it places the run at takes no width.
            drawn = piece.lstrip(" ") if offset == 0 and shown and not shown.isspace() else piece
            width = (
                glyphs.width(drawn) / 1000 * size
                + spacing[b"Tc"] * len(drawn)
                + spacing[b"Tw"] * drawn.count(" ")
                + (shift / 1000 * size if len(pieces) == 1 else 0.0)
            ) * across
            space = glyphs.space / 1000 * size * across
            # pypdf may hand over several lines at once; later ones stand a line lower.
            x_at, y_at = _lower(x, y, turn, offset * 1.2 * size * scale)
            runs.append((Run(piece, x_at, y_at, size * scale, name, width, space), why))
            turns.append(turn)

    fonts = _FontCodes(page)
    font_widths = [glyph_widths(None)]

    def after(operator: bytes, operands: Any, cm: Any, tm: Any) -> None:
        if operator == b"Tf" and operands:
            fonts.use(operands[0])
            font_widths[0] = glyph_widths(fonts.font)
        if operator == b"TJ" and operands and isinstance(operands[0], list):
            moved[0] += fonts.moved_by(operands[0], font_widths[0].space)
        if operator in _SHOWS_TEXT and first_shown[0] is None:
            first_shown[0] = fonts.first_shown(operands)
        if operator in spacing and operands:
            with contextlib.suppress(TypeError, ValueError):  # a broken one changes nothing
                spacing[operator] = float(operands[0])
        painting.after(operator, operands, cm, tm)

    _drop_invisible_replacements(page)
    _set_cells_apart(page)
    page.extract_text(visitor_text=visit, visitor_operand_after=after)
    # Invisible text over a scanned page is its OCR layer: what the reader sees in the image.
    kept = {None, "invisible"} if painting.scanned else {None}
    visible = [(run, turn) for (run, why), turn in zip(runs, turns, strict=True) if why in kept]
    hidden = [(why, run.text) for run, why in runs if why not in kept and why and run.text.strip()]
    turn = _reading_turn(visible)
    if turn == 0:
        lines = page_lines([run for run, _ in visible], float(page.mediabox.top), painting.shapes)
    else:
        frame = _Frame(turn, painting.box)
        turned = [frame.run(run) for run, _ in visible]
        lines = page_lines(turned, frame.height, [frame.shape(s) for s in painting.shapes])
    return _Page(lines, hidden)


def _turn(a: float, b: float) -> int:
    """The quarter turn (degrees anticlockwise) nearest a baseline running along (a, b)."""
    if abs(a) >= abs(b):
        return 0 if a >= 0 else 180
    return 90 if b > 0 else 270


def _lower(x: float, y: float, turn: int, distance: float) -> tuple[float, float]:
    """The point ``distance`` below (x, y) as text turned by ``turn`` reads."""
    return {
        0: (x, y - distance),
        90: (x + distance, y),
        180: (x, y + distance),
        270: (x - distance, y),
    }[turn]


def _reading_turn(runs: list[tuple[Run, int]]) -> int:
    """How most of the page's letters are turned: 0 on an upright page, 90 or 270 where a
    landscape page is set on a portrait one, its text running up or down the page."""
    letters: dict[int, int] = {}
    for run, turn in runs:
        letters[turn] = letters.get(turn, 0) + sum(char.isalpha() for char in run.text)
    return max(letters, key=lambda turn: (letters[turn], turn == 0), default=0)


@dataclass(frozen=True)
class _Frame:
    """A page turned so that text turned by ``turn`` reads upright: points of the page, in pt
    from its box's bottom left, as the reader of the turned page has them."""

    turn: int
    box: tuple[float, float, float, float]  # the page's left, bottom, right, top

    @property
    def height(self) -> float:
        left, bottom, right, top = self.box
        return right - left if self.turn in (90, 270) else top - bottom

    def point(self, x: float, y: float) -> tuple[float, float]:
        left, bottom, right, top = self.box
        return {
            90: (y - bottom, right - x),
            180: (right - x, top - y),
            270: (top - y, x - left),
        }.get(self.turn, (x - left, y - bottom))

    def run(self, run: Run) -> Run:
        x, y = self.point(run.x, run.y)
        return replace(run, x=x, y=y)

    def shape(self, shape: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        (x0, y0), (x1, y1) = self.point(shape[0], shape[1]), self.point(shape[2], shape[3])
        return (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


# Characters no reader sees: a soft hyphen where the word was not broken, zero-width spaces.
_UNSEEN = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_SHOWS = (b"Tj", b"TJ", b"'", b'"')


def _drop_invisible_replacements(page: PageObject) -> None:
    """Leave out glyphs whose /ActualText says they stand for nothing a reader reads.

    Chromium draws a soft hyphen that does not break its word as a space glyph marked with
    the actual text U+00AD; pypdf reads the glyph, and "nærings\u00adlivet" would come out
    as two words. The glyphs are taken out of the page's content in memory only. A soft
    hyphen drawn as a hyphen is where the word breaks at a line's end (Typst marks the
    hyphens of its hyphenation so): it stays, and the lines join as after any hyphen.
    """
    contents = page.get_contents()
    if contents is None or b"/ActualText" not in contents.get_data():
        return
    stream = ContentStream(contents, page.pdf, "bytes")  # strings stay in the font's codes
    kept: list[tuple[Any, bytes]] = []
    depth = 0  # marked-content levels open inside an unseen replacement
    fonts = _FontCodes(page)
    for operands, operator in stream.operations:
        if operator == b"Tf" and operands:
            fonts.use(operands[0])
        if depth:
            if operator in (b"BMC", b"BDC"):
                depth += 1
            elif operator == b"EMC":
                depth -= 1
            elif operator in _SHOWS and fonts.shows_a_hyphen(operands):
                kept.append((operands, operator))
                continue
            elif operator in _SHOWS:
                if operator in (b"'", b'"'):
                    kept.append(([], b"T*"))  # the quote operators also move to the next line
                continue
            if depth == 0:
                continue  # the replacement's own EMC
        elif operator == b"BDC" and _unseen_actual_text(operands):
            depth = 1
            continue
        kept.append((operands, operator))
    stream.operations = kept
    # pypdf extracts from a /Contents that is already a parsed stream as it stands.
    page[NameObject("/Contents")] = stream


# A gap this wide (in thousandths of the type size) inside one text-showing array sets what
# follows apart as a table's next cell: LaTeX's tabular sets a whole row as one array, its
# cells placed by kerning, where other producers place each cell.
CELL_GAP = 1000
# Operators that change how text is drawn, not where.
_STATE_OPERATORS = frozenset(
    b"Tf Tc Tw Tz TL Ts Tr g G rg RG k K cs CS sc SC scn SCN gs w d".split()
)
_LINE_STARTS = frozenset({b"BT", b"Td", b"TD", b"Tm", b"T*"})
_SHOWS_TEXT = frozenset({b"Tj", b"TJ", b"'", b'"'})


def _set_cells_apart(page: PageObject) -> None:
    """Split each array of text shown at a line's start whose kerning leaves a gap of a
    table's columns (`CELL_GAP`) into one text object a cell, each placed where it stood, so
    the cells are runs of their own (a table's row, not one run of figures). In memory only."""
    contents = page.get_contents()
    if contents is None or b"TJ" not in contents.get_data():
        return
    stream = ContentStream(contents, page.pdf, "bytes")
    operations = stream.operations
    fonts = _FontCodes(page)
    size, leading = 0.0, 0.0
    spacing = {b"Tc": 0.0, b"Tw": 0.0, b"Tz": 100.0}
    line: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)  # the text line matrix
    kept: list[tuple[Any, bytes]] = []
    changed = at_start = False
    shown = None  # how far the text shown since the line's start has moved, if any was
    for index, (operands, operator) in enumerate(operations):
        # A move along the line past a gap of a table's columns after text shown on it ("1
        # Innleiing" ... "4"): the text after it a run of its own, in a text object anew.
        if operator == b"Td" and shown is not None and size and _along(operands, shown, size):
            line = _translated(line, float(operands[0]))
            kept += [([], b"ET"), ([], b"BT"), ([FloatObject(v) for v in line], b"Tm")]
            changed, at_start, shown = True, True, None
            continue
        with contextlib.suppress(TypeError, ValueError, IndexError):
            if operator == b"Tf":
                fonts.use(operands[0])
                size = float(operands[1])
            elif operator in spacing:
                spacing[operator] = float(operands[0])
            elif operator == b"TL":
                leading = float(operands[0])
            elif operator == b"BT":
                line = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
            elif operator == b"Tm":
                a, b, c, d, e, f = (float(value) for value in operands[:6])
                line = (a, b, c, d, e, f)
            elif operator in (b"Td", b"TD", b"T*"):
                x, y = (0.0, -leading) if operator == b"T*" else map(float, operands[:2])
                if operator == b"TD":
                    leading = -y
                line = _translated(line, x, y)
        cells = (
            _cells_of(operands[0])
            if operator == b"TJ" and at_start and operands and isinstance(operands[0], list)
            else []
        )
        if len(cells) > 1 and fonts.current.width == 1 and _ends_its_line(operations, index):
            widths = glyph_widths(fonts.font)
            moved = 0.0
            for number, (items, gap) in enumerate(cells):
                if number:
                    at = _translated(line, moved)
                    kept += [([], b"ET"), ([], b"BT"), ([FloatObject(v) for v in at], b"Tm")]
                kept.append(([ArrayObject(items)], b"TJ"))
                step = _advance(items, fonts, widths, size, spacing) - gap / 1000 * size
                moved += step * spacing[b"Tz"] / 100
            # The line's own matrix again, for what places text after it.
            kept.append(([FloatObject(v) for v in line], b"Tm"))
            changed, at_start, shown = True, False, None
            continue
        if operator in _LINE_STARTS or operator == b"ET":
            shown = None
        elif operator in (b"TJ", b"Tj") and operands:
            items = operands[0] if operator == b"TJ" else [operands[0]]
            with contextlib.suppress(TypeError, ValueError):
                moved = _advance(list(items), fonts, glyph_widths(fonts.font), size, spacing)
                shown = (shown or 0.0) + moved * spacing[b"Tz"] / 100
        at_start = operator in _LINE_STARTS or (at_start and operator in _STATE_OPERATORS)
        kept.append((operands, operator))
    if changed:
        stream.operations = kept
        page[NameObject("/Contents")] = stream


Matrix = tuple[float, float, float, float, float, float]


def _translated(line: Matrix, x: float, y: float = 0.0) -> Matrix:
    """A text line matrix moved by (x, y) in text space, as Td moves it."""
    a, b, c, d, e, f = line
    return (a, b, c, d, e + x * a + y * c, f + x * b + y * d)


def _along(operands: Any, shown: float, size: float) -> bool:
    """Whether a Td moves along its line (not to another) past the text shown on it by more
    than the gap of a table's columns."""
    try:
        x, y = float(operands[0]), float(operands[1])
    except (TypeError, ValueError, IndexError):
        return False
    return y == 0 and (x - shown) / size * 1000 > CELL_GAP


def _cells_of(shown: list[Any]) -> list[tuple[list[Any], float]]:
    """A TJ array's items parted at the gaps wider than `CELL_GAP`, each part with the gap
    after it (0 for the last)."""
    cells: list[tuple[list[Any], float]] = []
    items: list[Any] = []
    for item in shown:
        if not isinstance(item, bytes) and float(item) < -CELL_GAP and items:
            cells.append((items, float(item)))
            items = []
        else:
            items.append(item)
    if items:
        cells.append((items, 0.0))
    return cells


def _advance(
    items: list[Any], fonts: _FontCodes, widths: Any, size: float, spacing: dict[bytes, float]
) -> float:
    """How far a TJ array's items move the text, in text space before horizontal scaling."""
    moved = 0.0
    for item in items:
        if isinstance(item, bytes):
            text = fonts.text(item)
            moved += widths.width(text) / 1000 * size
            moved += spacing[b"Tc"] * len(item) + spacing[b"Tw"] * item.count(b" ")
        else:
            moved -= float(item) / 1000 * size
    return moved


def _ends_its_line(operations: list[tuple[Any, bytes]], index: int) -> bool:
    """Whether the text shown at ``index`` is the last its line shows: the next operator
    that shows or places text places it anew."""
    for _, operator in operations[index + 1 :]:
        if operator in _SHOWS_TEXT:
            return False
        if operator in _LINE_STARTS or operator == b"ET":
            return True
    return True


_HYPHENS = frozenset("-\u2010\u2011")


def _shown_strings(operands: Any) -> list[bytes]:
    """The strings a text-showing operation shows: Tj's string, or those of TJ's array."""
    shown = operands[-1] if operands else []
    items = [shown] if isinstance(shown, bytes) else shown
    return [item for item in items if isinstance(item, bytes)]


@dataclass(frozen=True)
class _Font:
    """A font as its codes are read: the text each stands for, and bytes per code."""

    codes: dict[int, str] = field(default_factory=dict)
    width: int = 1
    dictionary: Any = None


class _FontCodes:
    """The text the codes of a page's current font stand for (its ``/ToUnicode``)."""

    def __init__(self, page: PageObject) -> None:
        resources = page.get("/Resources")
        resources = resources.get_object() if resources is not None else {}
        fonts = resources.get("/Font") if hasattr(resources, "get") else None
        self.fonts = fonts.get_object() if fonts is not None else {}
        self.read: dict[str, _Font] = {}
        self.current = _Font()

    def use(self, name: Any) -> None:
        key = str(name)
        if key not in self.read:
            font = self.fonts.get(key) if hasattr(self.fonts, "get") else None
            font = font.get_object() if font is not None else None
            if font is None:
                self.read[key] = _Font()
            else:
                composite = font.get("/Subtype") == "/Type0"
                self.read[key] = _Font(to_unicode(font), 2 if composite else 1, font)
        self.current = self.read[key]

    @property
    def font(self) -> Any:
        """The current font's dictionary (None before the first Tf)."""
        return self.current.dictionary

    def text(self, raw: bytes) -> str:
        """What a string shown in the current font reads (empty where it has no map)."""
        codes, width = self.current.codes, self.current.width
        return "".join(
            codes.get(int.from_bytes(raw[at : at + width], "big"), "")
            for at in range(0, len(raw) - width + 1, width)
        )

    def shows_a_hyphen(self, operands: Any) -> bool:
        """Whether a text-showing operation draws a hyphen and nothing else."""
        text = "".join(self.text(raw) for raw in _shown_strings(operands))
        return bool(text) and all(char in _HYPHENS for char in text)

    def first_shown(self, operands: Any) -> str | None:
        """The character a text-showing operation draws first (None where it is not known:
        a font without a map whose codes are not one byte each)."""
        raw = next((item for item in _shown_strings(operands) if item), b"")
        if not raw:
            return None
        text = self.text(raw[: self.current.width])
        if text:
            return text[0]
        # A simple font without a map: the standard encodings agree on ASCII (32 the space).
        return chr(raw[0]) if self.current.width == 1 else None

    def moved_by(self, items: list[Any], space: float) -> float:
        """How far a TJ array's numbers move the text on beyond its glyphs, in thousandths of
        the type size, less the word spaces pypdf writes for the wider ones (a gap of half a
        space or more after a letter), whose width the run's glyphs count already."""
        moved = 0.0
        last = ""
        for item in items:
            if isinstance(item, bytes):
                last = self.text(item)[-1:] or last
            elif isinstance(item, int | float):
                gap = -float(item)
                moved += gap
                if gap >= 0.95 * space / 2 and last and last not in " \n":
                    moved -= space  # the space pypdf writes for it
                    last = " "
        return moved


def _unseen_actual_text(operands: Any) -> bool:
    properties = operands[1] if len(operands) > 1 else None
    if not isinstance(properties, dict):
        return False  # properties named in the resources, not inline: nothing to read here
    actual = properties.get("/ActualText")
    if actual is None:
        return False
    if isinstance(actual, bytes):
        raw = bytes(actual)
        text = raw[2:].decode("utf-16-be", "replace") if raw[:2] == b"\xfe\xff" else ""
    else:
        text = str(actual)
    return bool(text) and all(char in _UNSEEN for char in text)


def _images(page: PageObject) -> frozenset[str]:
    """Names of the page's image XObjects."""
    try:
        resources: Any = page["/Resources"].get_object()
        objects: Any = resources.get("/XObject")
        if objects is None:
            return frozenset()
        return frozenset(
            str(name)
            for name, value in objects.get_object().items()
            if value.get_object().get("/Subtype") == "/Image"
        )
    except Exception:  # broken resources: no page counts as a scan
        return frozenset()


def _labels(reader: PdfReader) -> tuple[list[str], bool]:
    """Printed page labels where the PDF defines them, else physical numbers from 1; and
    whether the PDF defines them."""
    physical = [str(number) for number in range(1, len(reader.pages) + 1)]
    try:
        defined = "/PageLabels" in reader.root_object
        labels = list(reader.page_labels)
    except Exception:  # a broken label tree is no reason to give up the text
        return physical, False
    if len(labels) == len(physical) and all(labels):
        return labels, defined
    return physical, False


@dataclass(frozen=True)
class _Info:
    title: str | None = None
    authors: list[str] | None = None
    year: int | None = None


def _metadata(reader: PdfReader) -> _Info:
    """Title, authors and year from the document information, else from XMP."""
    try:
        info = reader.metadata
        title = _text(info.title) if info else None
        author = _text(info.author) if info else None
    except Exception:  # broken metadata is no reason to give up the text
        info, title, author = None, None, None
    try:
        created = info.creation_date if info else None
    except Exception:  # a date pypdf cannot read ("D:20230315120000Z'") leaves the rest
        created = None
    xmp = _xmp(reader)
    title = title or xmp.title
    if title:
        title = title.removeprefix("Microsoft Word - ").strip() or None
    authors = split_authors(author) if author else xmp.authors
    year = created.year if isinstance(created, datetime) else xmp.year
    return _Info(title, authors or None, year)


def _xmp(reader: PdfReader) -> _Info:
    try:
        xmp = reader.xmp_metadata
        if xmp is None:
            return _Info()
        titles = xmp.dc_title or {}
        creators = [str(name) for name in (xmp.dc_creator or []) if _text(name)]
        dates = [date for date in (xmp.dc_date or []) if isinstance(date, datetime)]
    except Exception:  # broken XMP is no reason to give up the text
        return _Info()
    title = _text(next(iter(titles.values()), None)) if isinstance(titles, dict) else None
    return _Info(title, creators or None, dates[0].year if dates else None)


def _text(value: object) -> str | None:
    """A metadata value as one line; None when empty or a producer's placeholder."""
    text = " ".join(str(value).split()) if value else ""
    return text if text and not is_placeholder(text) else None


__all__ = ["load_pdf", "parse_pdf_lines", "parse_pdf_pages"]
