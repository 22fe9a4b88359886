"""Word's footnotes, written into python-docx documents for tests (python-docx has no API
for them): the reference after a word, and the footnotes part with the notes' bodies."""

from __future__ import annotations

from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def footnote_reference(paragraph: Any, note: str) -> None:
    """Word's own footnote reference, raised, as Word writes it after a word."""
    run = paragraph.add_run()
    properties = OxmlElement("w:rPr")
    align = OxmlElement("w:vertAlign")
    align.set(qn("w:val"), "superscript")
    properties.append(align)
    run._r.append(properties)
    reference = OxmlElement("w:footnoteReference")
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


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")
