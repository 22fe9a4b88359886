"""Sentence boundaries in Norwegian, Swedish and English text, as character spans."""

from __future__ import annotations

import re

from indexing.cleaning import FIELD

# Abbreviations after which a period does not end a sentence (lower-cased, without the dot).
ABBREVIATIONS = frozenset(
    """
    f.eks eks bl.a ca nr st meld pp jf jfr dvs mht osv etc m.fl mfl m.m mm o.l ol ifm vs
    kap s ss evt ev resp inkl ekskl hhv mrd mill kr ref red utg ed eds vol no dr prof kl
    t.ex bl.a m.a.o d.v.s e.g i.e cf et al fig tab
    """.split()
)
# A sentence ends at terminal punctuation before whitespace, at a blank line, before a
# bullet that starts a new list item (list items often lack a final period), or before a
# line that is a field ("Referent: Simen Arntzen, næringskonsulent") in a block of them.
_BOUNDARY = re.compile(
    r"[.!?…]+[»\"')\]]*(?=\s+)|\n\s*\n|\n(?=[ \t]*(?:[-•*]|\d+[.)])\s)|"
    rf"\n(?=[ \t]*{FIELD})"
)
_NEXT_STARTS_SENTENCE = re.compile(r"\s+[«\"'(\[]*[A-ZÆØÅÄÖÜ0-9•\-–]")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
# A numbered list item's label ("1.", "12.") at the start of a line heads its item's sentence.
_LIST_LABEL = re.compile(r"[ \t]*\d{1,2}")


def _is_list_label(text: str, begin: int, dot: int) -> bool:
    line_start = text.rfind("\n", 0, dot) + 1
    return line_start >= begin and _LIST_LABEL.fullmatch(text, line_start, dot) is not None


def _is_abbreviation(text: str, dot: int) -> bool:
    # Look only at the few characters before the dot: scanning from 0 made this quadratic.
    match = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    if match is None:
        return False
    word = match.group(1).lower().rstrip(".")
    # Initials such as "J." or "T. M. B." are not sentence ends.
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text[start:end]``, trimmed of surrounding whitespace."""
    stop = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _BOUNDARY.finditer(text, start, stop):
        cut = match.end()
        if not match.group().startswith("\n"):
            if text[match.start()] == "." and (
                _is_abbreviation(text, match.start()) or _is_list_label(text, begin, match.start())
            ):
                continue
            if not _NEXT_STARTS_SENTENCE.match(text, cut, stop):
                continue
        spans.append((begin, cut))
        begin = cut
    spans.append((begin, stop))
    return [trimmed for span in spans if (trimmed := _trim(text, *span)) is not None]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
