"""In-text citations: ``(Stene & Stickler, 2018)``, ``Andersen et al. (2018)``,
``NOU2011:11 (2011)`` and their kin, each linked to bibliography entries by first-author surname
and year, tolerating a misspelt surname but never linking a citation to two different works.
Offsets index the text as given: ``<sup>n</sup>`` markers and markdown emphasis may be present.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from assistant.domain import InTextCitation, Reference
from indexing.references.bibliography import split_bibliography
from indexing.references.common import (
    CORPORATE_CHUNK,
    DESIGNATIONS,
    LETTERS,
    SURNAME,
    UPPER,
    YEAR,
    close_names,
    mask,
    official_designation,
    surname_key,
    surname_of,
)

# --- in-text citations ----------------------------------------------------------------------

_NAME_CHUNK = re.compile(
    rf"^(?:(?:[{UPPER}]\.?[\s-]*){{1,3}}\s+|[{UPPER}]{LETTERS}+\s+)?{SURNAME}$"
)
_ET_AL = re.compile(r"(?:\s*,\s*|\s+)(?:et\s+al\.?|m\.\s?fl\.?|mfl\.?|med\s+flere)$")
_LEAD_IN = re.compile(
    r"^(?:(?:e\.g\.|i\.e\.|f\.eks\.|jf\.|jfr\.|cf\.|[a-zæøåäö]+)\s*,?\s+){1,4}:?\s*"
    r"|^(?:e\.g\.|f\.eks\.|jf\.|jfr\.|cf\.|[a-zæøåäö]+(?:\s+[a-zæøåäö]+){0,3})\s*:\s*"
)
_PAGES = r"(?:\s*[,:]\s*(?:s\.|p\.|pp\.|side|sidene|kap\.)?\s*\d+(?:\s*[–-]\s*\d+)?)?"
_PARENTHETICAL = re.compile(
    rf"^(?P<names>.+?)(?P<comma>\s*,)?\s+(?P<years>(?:{YEAR})(?:\s*,\s*(?:{YEAR}))*){_PAGES}$"
)
_YEARS_ONLY = re.compile(rf"^\s*(?P<years>(?:{YEAR})(?:\s*,\s*(?:{YEAR}))*){_PAGES}\s*$")
_CONJ = r"(?:\s+(?:and|og|och)\s+|\s*&\s*)"
_NARRATIVE = re.compile(
    rf"(?<![\w.])(?P<names>{SURNAME}(?:\s+et\s+al\.?|\s+m\.\s?fl\.|"
    rf"(?:\s*,\s*{SURNAME})*\s*,?{_CONJ}{SURNAME})?)\s*$"
)


@dataclass
class _Cited:
    """One cited work inside a citation, as written."""

    text: str
    names: list[str] = field(default_factory=list)
    et_al: bool = False
    year: str | None = None
    designation: str | None = None
    strong: bool = True


@dataclass
class _Candidate:
    start: int
    end: int
    parts: list[_Cited]


@dataclass(frozen=True)
class _Entry:
    """A bibliography entry in the form citations are matched against."""

    id: str
    keys: tuple[str, ...]
    year: str
    designation: str | None


def find_citations(
    text: str, references: list[Reference], citing_doc_id: str
) -> list[InTextCitation]:
    """The in-text citations of the body of `text`, each linked to its bibliography entries."""
    body_end, _ = split_bibliography(text)
    view = mask(text[:body_end])
    entries = [_entry_of(reference) for reference in references]
    found: list[InTextCitation] = []
    for candidate in _without_nested(_candidates(view)):
        reference_ids: list[str] = []
        unresolved: list[str] = []
        for part in candidate.parts:
            reference_id, why = _resolve(part, entries)
            if reference_id is not None:
                if reference_id not in reference_ids:
                    reference_ids.append(reference_id)
            elif part.strong:
                unresolved.append(why)
        if not reference_ids and not unresolved:
            continue  # looked like a citation only loosely, and matches nothing
        found.append(
            InTextCitation(
                citing_doc_id=citing_doc_id,
                text=text[candidate.start : candidate.end],
                start=candidate.start,
                end=candidate.end,
                reference_ids=reference_ids,
                unresolved=unresolved,
            )
        )
    return found


def count_citations(
    citations: Iterable[InTextCitation], references: Sequence[Reference] = ()
) -> dict[str, int]:
    """How many in-text citations cite each reference id (zero for uncited `references`)."""
    counts = {reference.id: 0 for reference in references}
    for citation in citations:
        for reference_id in dict.fromkeys(citation.reference_ids):
            counts[reference_id] = counts.get(reference_id, 0) + 1
    return counts


def _entry_of(reference: Reference) -> _Entry:
    designation = official_designation(reference.authors[0]) if reference.authors else None
    return _Entry(
        id=reference.id,
        keys=tuple(surname_key(surname_of(author)) for author in reference.authors),
        year=reference.year,
        designation=designation[0] if designation else None,
    )


def _candidates(view: str) -> Iterator[_Candidate]:
    """Every span of the body that reads like a citation, nested ones included."""
    for start, end in _paren_groups(view):
        content = view[start + 1 : end - 1]
        if len(content) > 600:
            continue
        years = _YEARS_ONLY.match(content)
        if years:
            narrative = _narrative(view, start, end, years.group("years"))
            if narrative:
                yield narrative
            continue
        parts = [cited for part in _top_level_parts(content) for cited in _parse_part(part)]
        if parts:
            yield _Candidate(start, end, parts)
    for pattern, key in DESIGNATIONS:
        for match in pattern.finditer(view):
            code = key.format(*(g.lower() for g in match.groups()))
            yield _Candidate(match.start(), match.end(), [_Cited(match.group(0), designation=code)])


def _paren_groups(view: str) -> list[tuple[int, int]]:
    """Balanced parenthesis groups as (index of '(', index after ')'), innermost first."""
    stack: list[int] = []
    groups: list[tuple[int, int]] = []
    for index, char in enumerate(view):
        if char == "(":
            stack.append(index)
        elif char == ")" and stack:
            groups.append((stack.pop(), index + 1))
    return groups


def _top_level_parts(content: str) -> list[str]:
    """The content split at semicolons outside nested parentheses."""
    parts, depth, last = [], 0, 0
    for index, char in enumerate(content):
        depth += (char == "(") - (char == ")")
        if char == ";" and depth == 0:
            parts.append(content[last:index])
            last = index + 1
    parts.append(content[last:])
    return [re.sub(r"\s+", " ", part).strip() for part in parts]


def _narrative(view: str, start: int, end: int, years: str) -> _Candidate | None:
    """'Gausdal (2008)', 'Andersen et al. (2018)', 'NOU2011:11 (2011)' ending at a year group."""
    window_start = max(0, start - 200)
    window = view[window_start:start]
    for pattern, key in DESIGNATIONS:
        for found in pattern.finditer(window):
            if not window[found.end() :].strip():
                code = key.format(*(g.lower() for g in found.groups()))
                cited = _Cited(found.group(0), designation=code, year=_years(years)[0])
                return _Candidate(window_start + found.start(), end, [cited])
    match = _NARRATIVE.search(window)
    if match is None:
        return None
    names, et_al = _split_names(match.group("names"))
    if not names:
        return None
    written = re.sub(r"\s+", " ", match.group("names"))
    strong = et_al or len(names) > 1
    parts = [
        _Cited(f"{written} ({year})", names=names, et_al=et_al, year=year, strong=strong)
        for year in _years(years)
    ]
    return _Candidate(window_start + match.start(), end, parts)


def _parse_part(part: str) -> list[_Cited]:
    """The works one ';'-separated part of a parenthesis cites: 'Stene, 2013, 2015' → two."""
    lead = _LEAD_IN.match(part)
    body = part[lead.end() :] if lead else part
    designation = official_designation(body)
    if designation:
        after = body[designation[1].end() :]
        years = re.fullmatch(rf"\s*,?\s*(?P<years>{YEAR}){_PAGES}\s*", after)
        if after.strip() and not years:
            return []
        year = years.group("years") if years else None
        return [_Cited(part, designation=designation[0], year=year)]
    match = _PARENTHETICAL.match(body)
    if match is None:
        return []
    names, et_al = _split_names(match.group("names"))
    if not names:
        return []
    personal = all(_NAME_CHUNK.match(name) for name in names)
    if not personal and not (len(names) == 1 and CORPORATE_CHUNK.match(names[0])):
        return []
    # A lone name and year without a comma ('Steinkjer 2019') counts only if it links.
    strong = personal and (bool(match.group("comma")) or et_al or len(names) > 1)
    written = re.sub(r"\s+", " ", match.group("names")).strip()
    return [
        _Cited(f"{written}, {year}", names=names, et_al=et_al, year=year, strong=strong)
        for year in _years(match.group("years"))
    ]


def _split_names(names: str) -> tuple[list[str], bool]:
    """'Stene, Nortug, & Sivertsen' → (['Stene', 'Nortug', 'Sivertsen'], False)."""
    names = re.sub(r"\s+", " ", names).strip()
    et_al = _ET_AL.search(names)
    if et_al:
        names = names[: et_al.start()]
    chunks = [c.strip() for c in re.split(rf"\s*,\s*|{_CONJ}", names) if c.strip()]
    if any(re.search(r"\d", chunk) for chunk in chunks):
        return [], False
    return chunks, bool(et_al)


def _years(years: str) -> list[str]:
    """'2013, 2015' → ['2013', '2015']; 'n. d.' → ['n.d.']."""
    return [re.sub(r"\s+", "", year) for year in re.split(r"\s*,\s*", years.strip())]


def _without_nested(candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """Candidates in text order, dropping any that lies inside another."""
    ordered = sorted(candidates, key=lambda c: (c.start, -c.end))
    kept: list[_Candidate] = []
    for candidate in ordered:
        if not any(k.start <= candidate.start and candidate.end <= k.end for k in kept):
            kept.append(candidate)
    return kept


def _resolve(cited: _Cited, entries: list[_Entry]) -> tuple[str | None, str]:
    """The bibliography entry one cited work means, or None and why not."""
    if cited.designation:
        matches = [e for e in entries if e.designation == cited.designation]
        if len(matches) == 1:
            return matches[0].id, ""
        return None, f"{cited.text}: {cited.designation} is not in the bibliography"
    first = cited.names[0]
    same_year = [e for e in entries if cited.year and _same_year(cited.year, e.year)]
    for exact in (True, False):
        by_first = [e for e in same_year if e.keys and _names_match(first, e.keys[0], exact)]
        if not by_first:
            continue
        consistent = [e for e in by_first if _authors_consistent(cited, e, exact, count=True)]
        if not consistent:
            consistent = [e for e in by_first if _authors_consistent(cited, e, exact, False)]
        if len(consistent) == 1:
            return consistent[0].id, ""
        if len(consistent) > 1:
            ids = ", ".join(e.id for e in consistent)
            return None, f"{cited.text}: could be any of {ids}; cite with a year letter"
    return None, _why_unresolved(cited, entries)


def _same_year(cited: str, printed: str) -> bool:
    # '2016' cites '2016' or, when the bibliography letters its years, '2016a'.
    return cited == printed or (cited.isdigit() and printed[:4] == cited and len(printed) == 5)


def _name_keys(name: str) -> list[str]:
    """Keys a cited name may stand for: 'Jill Loga' → ['loga', 'jillloga']."""
    words = [w for w in name.split() if not re.fullmatch(rf"[{UPPER}]\.?(?:-[{UPPER}]\.?)?", w)]
    keys = [surname_key(" ".join(words[-n:])) for n in range(1, len(words) + 1)]
    return [k for k in keys if k]


def _names_match(name: str, key: str, exact: bool) -> bool:
    keys = _name_keys(name)
    return key in keys if exact else any(close_names(k, key) for k in keys)


def _authors_consistent(cited: _Cited, entry: _Entry, exact: bool, count: bool) -> bool:
    """The cited co-authors are the entry's, in order; with `count`, no more and no fewer."""
    if len(cited.names) > len(entry.keys):
        return False
    for name, key in zip(cited.names[1:], entry.keys[1:], strict=False):
        if not (_names_match(name, key, exact) or _names_match(name, key, False)):
            return False
    if not count:
        return True
    if cited.et_al:
        # 'et al.' stands for three or more authors; two are always both named.
        return len(entry.keys) >= max(3, len(cited.names) + 1)
    return len(entry.keys) == len(cited.names)


def _why_unresolved(cited: _Cited, entries: list[_Entry]) -> str:
    first = cited.names[0]
    other_years = sorted(
        {e.year for e in entries if e.keys and _names_match(first, e.keys[0], False)}
    )
    coauthored = [e.id for e in entries if any(_names_match(first, k, True) for k in e.keys[1:])]
    why = f"{cited.text}: no bibliography entry by {first} from {cited.year}"
    if other_years:
        why += f" (entries by {first}: {', '.join(other_years)})"
    if coauthored:
        why += f"; {first} is a co-author of {', '.join(coauthored)}"
    return why
