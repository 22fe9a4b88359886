"""Word's footnotes, endnotes, multi-level lists and text boxes, written into python-docx
documents for tests (python-docx has no API for them): the reference after a word, the
footnotes or endnotes part with the notes' bodies, the bullet list Word makes by default, a
floating text box as Word anchors one in a paragraph, and a section's columns."""

from __future__ import annotations

from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def footnote_reference(paragraph: Any, note: str) -> None:
    """Word's own footnote reference, raised, as Word writes it after a word."""
    _note_reference(paragraph, "w:footnoteReference", note)


def _note_reference(paragraph: Any, tag: str, note: str) -> None:
    run = paragraph.add_run()
    properties = OxmlElement("w:rPr")
    align = OxmlElement("w:vertAlign")
    align.set(qn("w:val"), "superscript")
    properties.append(align)
    run._r.append(properties)
    reference = OxmlElement(tag)
    reference.set(qn("w:id"), note)
    run._r.append(reference)


def add_footnotes(document: Any, notes: dict[str, str], numbered: bool = False) -> None:
    """The footnotes part Word writes: two separators, then the notes; `numbered` opens each
    with its raised number and sets the text small, as Word's own notes are."""
    raised = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
    small = '<w:rPr><w:sz w:val="16"/></w:rPr>'
    bodies = "".join(
        f'<w:footnote w:id="{note}"><w:p>'
        + (
            f'<w:r>{raised}<w:footnoteRef/></w:r><w:r>{small}<w:t xml:space="preserve"> '
            if numbered
            else '<w:r><w:t xml:space="preserve">'
        )
        + f"{_xml(text)}</w:t></w:r></w:p></w:footnote>"
        for note, text in notes.items()
    )
    xml = (
        f'<w:footnotes xmlns:w="{W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
        f"{bodies}</w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode(), document.part.package
    )
    document.part.relate_to(part, RT.FOOTNOTES)


def endnote_reference(paragraph: Any, note: str) -> None:
    """Word's own endnote reference, raised, as Word writes it after a word."""
    _note_reference(paragraph, "w:endnoteReference", note)


def add_endnotes(document: Any, notes: dict[str, str]) -> None:
    """The endnotes part Word writes: two separators, then the notes, each opened by its
    number, in Word's endnote text size (10 pt). Word and LibreOffice number them i, ii, iii
    unless the document says otherwise."""
    raised = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
    small = '<w:rPr><w:sz w:val="20"/></w:rPr>'
    bodies = "".join(
        f'<w:endnote w:id="{note}"><w:p><w:r>{raised}<w:endnoteRef/></w:r><w:r>{small}'
        f'<w:t xml:space="preserve"> {_xml(text)}</w:t></w:r></w:p></w:endnote>'
        for note, text in notes.items()
    )
    xml = (
        f'<w:endnotes xmlns:w="{W}">'
        '<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:endnote>"
        '<w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:endnote>"
        f"{bodies}</w:endnotes>"
    )
    part = Part(PackURI("/word/endnotes.xml"), CT.WML_ENDNOTES, xml.encode(), document.part.package)
    document.part.relate_to(part, RT.ENDNOTES)


# Word's default multi-level lists, level by level: bullets (a dot in Symbol, an "o" in
# Courier New, a square in Wingdings: private-use characters of the symbol fonts), and
# numbers (1., a., i.). Each is (format, text, font).
WORD_LISTS = {
    "bullet": (
        ("bullet", "\uf0b7", "Symbol"),
        ("bullet", "o", "Courier New"),
        ("bullet", "\uf0a7", "Wingdings"),
    ),
    "number": (
        ("decimal", "%1.", ""),
        ("lowerLetter", "%2.", ""),
        ("lowerRoman", "%3.", ""),
    ),
    # Headings numbered by a multi-level list linked to the heading styles: 1, 1.1, 1.1.1.
    "outline": (
        ("decimal", "%1", ""),
        ("decimal", "%1.%2", ""),
        ("decimal", "%1.%2.%3", ""),
    ),
}
_LIST_IDS = {"bullet": "90", "number": "91", "outline": "92"}


def list_item(
    document: Any, text: str, level: int = 0, kind: str = "bullet", style: str = "List Paragraph"
) -> Any:
    """A paragraph of Word's default multi-level list of ``kind`` ("bullet", "number" or
    "outline") at ``level`` (0 the outermost), each level set in half an inch further."""
    numbering = document.part.numbering_part.element
    list_id = _LIST_IDS[kind]
    if numbering.find(f"{{{W}}}abstractNum[@{{{W}}}abstractNumId='{list_id}']") is None:
        levels = "".join(
            f'<w:lvl w:ilvl="{depth}"><w:start w:val="1"/><w:numFmt w:val="{form}"/>'
            f'<w:lvlText w:val="{mark}"/><w:lvlJc w:val="left"/><w:pPr>'
            f'<w:ind w:left="{720 * (depth + 1)}" w:hanging="360"/></w:pPr>'
            + (f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else "")
            + "</w:lvl>"
            for depth, (form, mark, font) in enumerate(WORD_LISTS[kind])
        )
        abstract = parse_xml(
            f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{list_id}">'
            f'<w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>'
        )
        first = numbering.find(qn("w:num"))
        if first is not None:
            first.addprevious(abstract)  # abstract definitions come before the lists
        else:
            numbering.append(abstract)
        numbering.append(
            parse_xml(
                f'<w:num xmlns:w="{W}" w:numId="{list_id}">'
                f'<w:abstractNumId w:val="{list_id}"/></w:num>'
            )
        )
    paragraph = document.add_paragraph(text, style=style)
    numbered = OxmlElement("w:numPr")
    depth = OxmlElement("w:ilvl")
    depth.set(qn("w:val"), str(level))
    number = OxmlElement("w:numId")
    number.set(qn("w:val"), list_id)
    numbered.append(depth)
    numbered.append(number)
    paragraph._p.get_or_add_pPr().append(numbered)
    return paragraph


def section_columns(section: Any, number: int) -> None:
    """Set a section's text in ``number`` columns (Word's Layout > Columns), 1.25 cm apart."""
    columns = section._sectPr.find(qn("w:cols"))
    if columns is None:
        columns = OxmlElement("w:cols")
        section._sectPr.append(columns)
    columns.set(qn("w:num"), str(number))
    columns.set(qn("w:space"), "708")


_DRAWING = (
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    f'xmlns:w="{W}"'
)
_EMU_PER_CM = 360000


def text_box(
    paragraph: Any, title: str, lines: list[str], width_cm: float = 6.0, height_cm: float = 4.5
) -> None:
    """A text box floated at the right of the column beside ``paragraph``, the text wrapping
    around it, as Word's Insert > Text Box makes one: framed, shaded light blue, a bold title
    over short lines, each a paragraph in smaller type."""
    width, height = int(width_cm * _EMU_PER_CM), int(height_cm * _EMU_PER_CM)
    content = (
        f'<w:p><w:r><w:rPr><w:b/><w:sz w:val="20"/></w:rPr><w:t>{_xml(title)}</w:t></w:r></w:p>'
    )
    content += "".join(
        f'<w:p><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">{_xml(line)}'
        "</w:t></w:r></w:p>"
        for line in lines
    )
    run = parse_xml(
        f"<w:r {_DRAWING}><w:drawing>"
        '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        'relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:align>right</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapSquare wrapText="bothSides"/><wp:docPr id="5" name="Tekstboks 5"/>'
        "<wp:cNvGraphicFramePr/><a:graphic>"
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        '<a:solidFill><a:srgbClr val="DDEBF7"/></a:solidFill>'
        '<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" '
        'rIns="91440" bIns="45720" anchor="t"/></wps:wsp></a:graphicData></a:graphic>'
        "</wp:anchor></w:drawing></w:r>"
    )
    paragraph._p.append(run)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")
