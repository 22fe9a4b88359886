"""Which sentences of a document are claims an answer may quote, judged by shape and place.

A document holds many lines that say nothing about the world: headings and titles, series and
colophon lines, tables of contents, figure captions, footnote labels and bare web addresses,
bibliography entries, attribution lines under a quote (a name and a job title), a place and a
date under a foreword. They are fine as the context of a source but never as an answer
sentence. Each is recognised by its shape (length, terminal punctuation, capitalised names,
a reference's "Name, A. (2016)." pattern) or by where it stands (the section path: a
bibliography or a table of contents), never by a list of some paper's strings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from indexing.cleaning import (
    is_bibliography_heading,
    is_field_line,
    is_toc_heading,
    parse_toc_line,
)

NotClaim = Literal[
    "heading",
    "table of contents",
    "bibliography entry",
    "footnote label",
    "web address",
    "caption",
    "colophon",
    "attribution",
]

# "Fotnote 4:", "Footnote 2.", "Fotnot 3:", "Note 1:" leading a footnote body.
FOOTNOTE_LABEL = re.compile(
    r"^\s*(?:fotnote|fotnot|footnote|note|merknad|anm\.?)\s*\d+\s*[:.]\s*", re.IGNORECASE
)
_ADDRESS = re.compile(r"<?(?:https?://|www\.)\S+", re.IGNORECASE)
_CAPTION = re.compile(r"^\s*(?:figur|figure|fig\.|tabell|table|tabell|bilde|bild)\s*\d+", re.I)
_COLOPHON = re.compile(r"\b(?:ISBN|ISSN|DOI)\b|©|\bcopyright\b", re.IGNORECASE)
# "Holmen, A. K. T. (2016)." / "Meld. St. 29 (2016–2017). (2016)." / "Retrieved from Steinkjer:"
_REFERENCE = re.compile(
    r"^[\w'’-]+(?:\s[\w'’-]+)?,\s(?:[A-ZÆØÅÄÖ]\.\s?)+.*\(\d{4}[a-z]?\)|\(\d{4}[a-z]?\)\.\s*$"
    r"|^(?i:retrieved|hentet|henta|hämtad)\s+(?i:from|fra|frå|från)\b",
)
_NUMBERED_HEADING = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+\S")
# A series line naming an issue by its number ("No. 2/2025 - news from the business network",
# "Nr. 3/2024", "Rapport 2024:7"): it says which issue, not anything about the world.
_SERIES = re.compile(
    r"^(?:[^\W\d_][\w-]*\.?\s+){0,2}(?:\d{1,3}\s*/\s*(?:19|20)\d\d|(?:19|20)\d\d\s*:\s*\d{1,3})\b"
)
_TERMINAL = re.compile(r"[.!?…:;][»\"”’)\]]*\s*$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# A title or heading is short; running text without a full stop is longer.
HEADING_WORDS = 12
ATTRIBUTION_WORDS = 25


def _normalised(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _capitalised_run(words: Sequence[str]) -> int:
    run = 0
    for word in words:
        if not word[:1].isupper():
            break
        run += 1
    return run


_DATA_ROW = re.compile(r"^[^:]{1,60}:\s+\S*\d")
# A place (or a newspaper) and a date, as under a foreword or over a news item, with or
# without a full stop: "Tromsø, June 2023.", "Fjordingen, 14. september 2023."
_DATELINE = re.compile(
    r"[A-ZÆØÅÄÖ][\w-]*(?: [A-ZÆØÅÄÖ][\w-]*)?,\s*(?:\d{1,2}\.?\s*)?[^\W\d_]+\s+\d{4}\.?"
)


# A meeting's agenda, by its heading in the four languages.
_AGENDA = re.compile(
    r"(?i)^\s*(?:\d+(?:\.\d+)*\.?\s*)?(?:dagsorden|dagsordning|dagordning|saksliste|sakliste|"
    r"föredragningslista|agenda|program for (?:dagen|møtet|mødet)|dagens program)\s*$"
)


def not_a_claim(text: str, section_path: Sequence[str] = ()) -> NotClaim | None:
    """Why a sentence is not a claim an answer may quote, or None when it is one."""
    stripped = text.strip()
    if any(is_bibliography_heading(part) for part in section_path):
        return "bibliography entry"
    if any(is_toc_heading(part) for part in section_path) or parse_toc_line(stripped):
        return "table of contents"
    if FOOTNOTE_LABEL.match(stripped):
        return "footnote label"
    words = _WORD.findall(_ADDRESS.sub(" ", stripped))
    if _ADDRESS.search(stripped) and len(words) < 4:
        return "web address"
    if _REFERENCE.search(stripped):
        return "bibliography entry"
    if _COLOPHON.search(stripped):
        return "colophon"
    if _CAPTION.match(stripped):
        return "caption"
    normalised = _normalised(stripped)
    headings = {_normalised(part) for part in section_path}
    headings |= {_normalised(re.sub(r"^\s*\d+(?:\.\d+)*\.?\s*", "", p)) for p in section_path}
    if normalised in headings:
        return "heading"
    if _DATELINE.fullmatch(stripped):
        return "colophon"
    ends_sentence = bool(_TERMINAL.search(stripped)) and not stripped.endswith(":")
    # An item of a meeting's agenda names what was discussed ("Innlegg: «Fra forvalter til
    # playmaker»"): it states nothing.
    if not ends_sentence and any(_AGENDA.match(part) for part in section_path):
        return "heading"
    # A row of a table or list giving a figure ("2025: 2,4 millioner kroner") is a claim, and
    # so is a field of a document's heading ("Referent: Simen Arntzen, næringskonsulent").
    if not ends_sentence and not _DATA_ROW.match(stripped) and not is_field_line(stripped):
        if _NUMBERED_HEADING.match(stripped) and len(words) <= HEADING_WORDS:
            return "heading"
        if _SERIES.match(stripped):
            return "colophon"
        # A name of two or more capitalised words opening an unpunctuated line: an attribution
        # ("Birger Elvestad, i kommuneledelsens stab, Trondheim kommune") or a signature.
        if _capitalised_run(words) >= 2 and len(words) <= ATTRIBUTION_WORDS:
            return "attribution"
        if len(words) <= HEADING_WORDS // 2:
            return "heading"
        # A place and a date under a foreword: "Steinkjer, mars 2019".
        if re.fullmatch(r"[\w\s,.-]*\b\d{4}", stripped) and len(words) <= 4:
            return "colophon"
    return None


def is_title_line(line: str) -> bool:
    """Whether a line standing alone, no item of a list, is a title: a cover's subtitle
    ("Vekst fra kysten og innover – kommunen som forvalter, tjenesteyter og medspiller"), a
    heading the loaders did not take for one. It ends no sentence, gives no figure as a row or
    a field does, and is as short as a heading."""
    stripped = line.strip()
    if not stripped or _TERMINAL.search(stripped):
        return False
    if _DATA_ROW.match(stripped) or is_field_line(stripped):
        return False
    return len(_WORD.findall(stripped)) <= HEADING_WORDS


def is_claim(text: str, section_path: Sequence[str] = ()) -> bool:
    """True for a sentence an answer may quote as a claim."""
    return not_a_claim(text, section_path) is None


def footnote_body(text: str, start: int) -> tuple[str, int]:
    """Drop a footnote's label from the front of a sentence, moving its start offset along."""
    match = FOOTNOTE_LABEL.match(text)
    if match is None:
        return text, start
    return text[match.end() :], start + match.end()


# A sentence whose subject is its own document: "This report summarises the evaluation of ...",
# "Den här rapporten är slututvärderingen av ...", "Dette er sluttevalueringen av ...".
_DOCUMENT_NOUN = (
    r"(?:report|note|memo|paper|evaluation|document|strategy|plan|rapport(?:en)?|notat(?:et)?|"
    r"arbeidsnotat(?:et)?|dokument(?:et)?|evaluering(?:en|a)?|sluttevaluering(?:en|a)?|"
    r"utvärdering(?:en)?|slututvärdering(?:en)?|strategi(?:en|n)?|plan(?:en|a)?)"
)
_SELF_DESCRIPTION = re.compile(
    rf"(?i)^\s*(?:(?:this|denne|dette|denna|detta|den här|det här)\s+{_DOCUMENT_NOUN}\b|"
    rf"(?:this is|dette er|detta är|det här är)\s+(?:the\s+|a\s+|en\s+|ei\s+|eit\s+|et\s+)?"
    rf"(?:final\s+)?{_DOCUMENT_NOUN}\b|"
    r"(?:rapporten|notatet|evalueringen|evalueringa|utvärderingen|"
    r"the (?:report|evaluation|note|memo|paper))\s)"
)


def describes_its_document(text: str) -> bool:
    """Whether a sentence is about its own document (what it is, who asked for it, what it
    rests on) rather than about what the document is about."""
    return _SELF_DESCRIPTION.match(text) is not None
