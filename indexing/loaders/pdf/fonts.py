"""How wide each glyph of a PDF font is, from the font's dictionary or the standard metrics.

pypdf's text visitor gives each run of text with its position, font and size, but not where
it ends. A run's width, from its glyphs' widths, tells whether the next run on the line
stands apart (a table's next cell: a word space is missing) or goes on the same word (a
producer that draws a word in several runs, kerned). Widths come from the font dictionary:
``/Widths`` from ``/FirstChar`` for a simple font, ``/W`` of the descendant font for a
composite one, the characters they stand for from ``/ToUnicode`` (or WinAnsi codes). The 14
standard fonts may come without widths; theirs are the published Adobe metrics (ASCII).
All in thousandths of the type size, as PDF gives them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

# A glyph whose width nothing tells: about an average letter.
DEFAULT_WIDTH = 500.0
FIRST_ASCII = 32


def _widths(numbers: str) -> dict[str, float]:
    return {chr(FIRST_ASCII + index): float(width) for index, width in enumerate(numbers.split())}


# Adobe's metrics of the standard fonts, characters 32 to 126; Courier is 600 throughout, the
# oblique Helveticas are as wide as the upright ones.
_STANDARD = {
    "Helvetica": _widths(
        "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
        "556 556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 "
        "556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 "
        "556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 "
        "500 500 500 334 260 334 584"
    ),
    "Helvetica-Bold": _widths(
        "278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
        "556 556 556 556 333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 "
        "611 833 722 778 667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 333 556 "
        "611 556 611 556 333 611 611 278 278 556 278 889 611 611 611 611 389 556 333 611 556 778 "
        "556 556 500 389 280 389 584"
    ),
    "Times-Roman": _widths(
        "250 333 408 500 500 833 778 180 333 333 500 564 250 333 250 278 500 500 500 500 500 500 "
        "500 500 500 500 278 278 564 564 564 444 921 722 667 667 722 611 556 722 722 333 389 722 "
        "611 889 722 722 556 722 667 556 611 722 722 944 722 722 611 333 278 333 469 500 333 444 "
        "500 444 500 444 333 500 500 278 278 500 278 778 500 500 500 500 333 389 278 500 500 722 "
        "500 500 444 480 200 480 541"
    ),
    "Times-Bold": _widths(
        "250 333 555 500 500 1000 833 278 333 333 500 570 250 333 250 278 500 500 500 500 500 500 "
        "500 500 500 500 333 333 570 570 570 500 930 722 667 722 722 667 611 778 778 389 500 778 "
        "667 944 722 778 611 778 722 556 667 722 722 1000 722 722 667 333 278 333 581 500 333 500 "
        "556 444 556 444 333 500 556 278 333 556 278 833 556 500 556 556 444 389 333 556 500 722 "
        "500 500 444 394 220 394 520"
    ),
    "Times-Italic": _widths(
        "250 333 420 500 500 833 778 214 333 333 500 675 250 333 250 278 500 500 500 500 500 500 "
        "500 500 500 500 333 333 675 675 675 500 920 611 611 667 722 611 611 722 722 333 444 667 "
        "556 833 667 722 611 722 611 500 556 722 611 833 611 556 556 389 278 389 422 500 333 500 "
        "500 444 500 444 278 500 500 278 278 444 278 722 500 500 500 500 389 389 278 500 444 667 "
        "444 444 389 400 275 400 541"
    ),
    "Times-BoldItalic": _widths(
        "250 389 555 500 500 833 778 278 333 333 500 570 250 333 250 278 500 500 500 500 500 500 "
        "500 500 500 500 333 333 570 570 570 500 832 667 667 667 722 667 667 722 778 389 500 667 "
        "611 889 722 722 611 722 667 556 611 722 667 889 667 611 611 333 278 333 570 500 333 500 "
        "500 444 500 444 333 500 556 278 278 500 278 778 556 500 500 500 389 389 278 556 444 667 "
        "500 444 389 348 220 348 570"
    ),
}


@dataclass
class GlyphWidths:
    """The widths of a font's glyphs by the character they draw."""

    widths: dict[str, float] = field(default_factory=dict)
    default: float = DEFAULT_WIDTH

    @property
    def space(self) -> float:
        """The width of the word space (a quarter of the size where the font has none)."""
        return self.widths.get(" ") or 250.0

    def width(self, text: str) -> float:
        """The advance of ``text`` set in this font, in thousandths of the type size."""
        # A font without a space glyph (TeX's) spaces words by moving the text: a space a
        # reader inserts there counts as the word space, not as an average glyph.
        return sum(
            self.widths.get(char, self.space if char == " " else self.default) for char in text
        )


_CACHE: dict[int, tuple[Any, GlyphWidths]] = {}


def glyph_widths(font: Any) -> GlyphWidths:
    """The glyph widths of a pypdf font dictionary (empty ones for no font or a broken one)."""
    if not font:
        return GlyphWidths()
    cached = _CACHE.get(id(font))
    if cached is not None and cached[0] is font:
        return cached[1]
    try:
        found = _read(font)
    except Exception:  # a broken font dictionary: widths are a guess, never a reason to fail
        found = GlyphWidths()
    if len(_CACHE) > 256:
        _CACHE.clear()
    _CACHE[id(font)] = (font, found)
    return found


def _read(font: Any) -> GlyphWidths:
    codes = to_unicode(font)
    by_code: dict[int, float] = {}
    default = None
    if font.get("/Subtype") == "/Type0":
        descendant = font["/DescendantFonts"][0].get_object()
        by_code = dict(_cid_widths(descendant.get("/W", [])))
        default = float(descendant.get("/DW", 1000))
    elif "/Widths" in font:
        first = int(font.get("/FirstChar", 0))
        # A Type 3 font's widths are in its own glyph space, which its matrix maps to text
        # space (TeX's bitmap fonts measure in hundredths or less of the size).
        scale = float(font["/FontMatrix"][0]) * 1000 if font.get("/Subtype") == "/Type3" else 1
        by_code = {
            first + index: float(width) * scale for index, width in enumerate(font["/Widths"])
        }
        codes = codes or {code: bytes([code]).decode("cp1252", "replace") for code in by_code}
    else:
        name = str(font.get("/BaseFont", "")).lstrip("/").split("+")[-1]
        return _standard(name)
    # Glyphs drawing one character (a figure and its superscript form, which a footnote
    # marker is set in) count as the widest: the regular one, as running text sets it.
    widths: dict[str, float] = {}
    for code, width in by_code.items():
        if code in codes and width:
            widths[codes[code]] = max(width, widths.get(codes[code], 0.0))
    known = [width for width in widths.values() if width]
    average = sum(known) / len(known) if known else DEFAULT_WIDTH
    return GlyphWidths(widths, average if known else default or DEFAULT_WIDTH)


def _standard(name: str) -> GlyphWidths:
    family = name.replace("Oblique", "").rstrip("-")
    if family.startswith("Courier"):
        return GlyphWidths({}, 600.0)
    table = _STANDARD.get(family) or _STANDARD.get(f"{family}-Roman") or {}
    return GlyphWidths(dict(table)) if table else GlyphWidths()


def _cid_widths(spec: Any) -> Iterator[tuple[int, float]]:
    """``/W``: ``c [w1 w2 ...]`` gives widths from c on, ``c1 c2 w`` one for c1 to c2."""
    items = list(spec)
    index = 0
    while index < len(items):
        first = int(items[index])
        following = items[index + 1].get_object() if index + 1 < len(items) else None
        if isinstance(following, list):
            for offset, width in enumerate(following):
                yield first + offset, float(width)
            index += 2
        else:
            last, width = int(items[index + 1]), float(items[index + 2])
            for code in range(first, last + 1):
                yield code, width
            index += 3


_SECTION = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.DOTALL)
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")
_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])")


def to_unicode(font: Any) -> dict[int, str]:
    """Character codes and the text they stand for, from the font's ``/ToUnicode`` CMap."""
    if "/ToUnicode" not in font:
        return {}
    data = font["/ToUnicode"].get_object().get_data()
    codes: dict[int, str] = {}
    for kind, body in _SECTION.findall(data):
        if kind == b"bfchar":
            values = _HEX.findall(body)
            for source, target in zip(values[::2], values[1::2], strict=False):
                codes[int(source, 16)] = _utf16(target)
            continue
        for low, high, target in _RANGE.findall(body):
            first, last = int(low, 16), int(high, 16)
            if target.startswith(b"["):
                for code, value in zip(range(first, last + 1), _HEX.findall(target), strict=False):
                    codes[code] = _utf16(value)
            else:
                start = _utf16(target[1:-1])
                for offset, code in enumerate(range(first, min(last, first + 65535) + 1)):
                    codes[code] = start[:-1] + chr(ord(start[-1]) + offset) if start else ""
    return codes


def _utf16(value: bytes) -> str:
    return bytes.fromhex(value.decode()).decode("utf-16-be", "replace")
