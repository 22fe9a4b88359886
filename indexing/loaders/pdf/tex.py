"""The characters of TeX's bitmap fonts, which say nothing of them themselves.

pdfTeX embeds a font it has only as a bitmap (a machine without the Type 1 fonts, such as
``cm-super``, falls back to them) as a Type 3 font whose glyphs are named by their code
(``/a28``) and which has no ``/ToUnicode``. pypdf reads the letters at their ASCII codes but
not the rest: "fire" came out as "re", "2020–2024" as "20202024", and «», § and æøå were lost.
The code is the position in the TeX font's encoding, so the font is given the ``/ToUnicode``
that encoding implies, in memory only: T1 (Cork), which any text in Norwegian or Swedish needs,
or OT1, TeX's default, told apart by the codes the font uses.
"""

from __future__ import annotations

import re
from typing import Any

from pypdf import PageObject
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

_CODE_NAME = re.compile(r"^/a(\d{1,3})$")

# T1 (Cork) where it is not ASCII: ligatures, quotes and dashes below 32, the hyphen TeX breaks
# words with at 127, Central European letters and § from 128, and Latin-1 from 192 but for Œ, œ
# and the German sharp s.
T1 = {
    0x00: "`", 0x01: "´", 0x02: "ˆ", 0x03: "˜", 0x04: "¨", 0x05: "˝", 0x06: "˚", 0x07: "ˇ",
    0x08: "˘", 0x09: "¯", 0x0A: "˙", 0x0B: "¸", 0x0C: "˛", 0x0D: "‚", 0x0E: "‹", 0x0F: "›",
    0x10: "“", 0x11: "”", 0x12: "„", 0x13: "«", 0x14: "»", 0x15: "–", 0x16: "—", 0x17: "",
    0x18: "", 0x19: "ı", 0x1A: "ȷ", 0x1B: "ff", 0x1C: "fi", 0x1D: "fl", 0x1E: "ffi", 0x1F: "ffl",
    0x20: " ", 0x27: "’", 0x60: "‘", 0x7F: "-",
    **dict(enumerate("ĂĄĆČĎĚĘĞĹĽŁŃŇŊŐŔŘŚŠŞŤŢŰŮŸŹŽŻĲİđ§", 0x80)),
    **dict(enumerate("ăąćčďěęğĺľłńňŋőŕřśšşťţűůÿźžżĳ¡¿£", 0xA0)),
    **{code: chr(code) for code in range(0xC0, 0x100)},
    0xD7: "Œ", 0xDF: "SS", 0xF7: "œ", 0xFF: "ß",
}  # fmt: skip
# OT1 (TeX's own text encoding) where it is not ASCII.
OT1 = {
    **dict(enumerate("ΓΔΘΛΞΠΣΥΦΨΩ")),
    0x0B: "ff", 0x0C: "fi", 0x0D: "fl", 0x0E: "ffi", 0x0F: "ffl", 0x10: "ı", 0x11: "ȷ",
    0x12: "`", 0x13: "´", 0x14: "ˇ", 0x15: "˘", 0x16: "¯", 0x17: "˚", 0x18: "¸", 0x19: "ß",
    0x1A: "æ", 0x1B: "œ", 0x1C: "ø", 0x1D: "Æ", 0x1E: "Œ", 0x1F: "Ø", 0x22: "”",
    0x27: "’", 0x3C: "¡", 0x3E: "¿", 0x5C: "“", 0x5E: "ˆ", 0x5F: "˙", 0x60: "‘", 0x7B: "–",
    0x7C: "—", 0x7D: "˝", 0x7E: "˜", 0x7F: "¨",
}  # fmt: skip
# Codes only OT1 puts text at (its ligatures and dashes); T1 has accents or ASCII there.
_OT1_ONLY = frozenset({0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x7B, 0x7C})


def name_tex_bitmap_glyphs(page: PageObject) -> None:
    """Give each of the page's TeX bitmap fonts the ``/ToUnicode`` its encoding implies."""
    resources = page.get("/Resources")
    fonts = resources.get_object().get("/Font") if resources is not None else None
    if fonts is None:
        return
    for reference in fonts.get_object().values():
        font = reference.get_object()
        codes = tex_codes(font)
        if codes:
            font[NameObject("/ToUnicode")] = tex_to_unicode(codes)


def tex_codes(font: Any) -> list[int]:
    """The codes of a Type 3 font whose glyphs are all named by their code, as pdfTeX names
    a bitmap font's; none for any other font, or one that says what its glyphs are."""
    if font.get("/Subtype") != "/Type3" or "/ToUnicode" in font:
        return []
    encoding = font.get("/Encoding")
    encoding = encoding.get_object() if encoding is not None else None
    if not isinstance(encoding, DictionaryObject):
        return []
    codes: list[int] = []
    code = 0
    for item in encoding.get("/Differences", []):
        if isinstance(item, int):
            code = int(item)
            continue
        if str(item) != "/.notdef":
            named = _CODE_NAME.match(str(item))
            if named is None or int(named.group(1)) != code:
                return []  # a glyph named otherwise: not pdfTeX's bitmap font
            codes.append(code)
        code += 1
    return codes


def encoding_of(codes: list[int]) -> dict[int, str]:
    """T1, unless the font uses codes only OT1 puts text at and none above ASCII."""
    if any(code in _OT1_ONLY for code in codes) and max(codes) < 0x80:
        return OT1
    return T1


def tex_to_unicode(codes: list[int]) -> DecodedStreamObject:
    """The ``/ToUnicode`` CMap of a TeX bitmap font using ``codes``."""
    return _cmap(codes, encoding_of(codes))


def _cmap(codes: list[int], encoding: dict[int, str]) -> DecodedStreamObject:
    def hex_text(text: str) -> str:
        # A zero-width mark (TeX's compound-word mark) is a zero-width space, which cleaning
        # takes out.
        return "".join(f"{ord(c):04X}" for c in text) or "200B"

    pairs = [f"<{code:02X}> <{hex_text(encoding.get(code, chr(code)))}>" for code in codes]
    body = "".join(
        f"{len(block)} beginbfchar\n" + "\n".join(block) + "\nendbfchar\n"
        for block in (pairs[i : i + 100] for i in range(0, len(pairs), 100))
    )
    stream = DecodedStreamObject()
    stream.set_data(
        (
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CMapName /TeX-bitmap-font def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
            f"{body}endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        ).encode()
    )
    return stream
