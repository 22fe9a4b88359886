"""Source questions answered from the citation graph.

"What does the paper cite for X?", "which works discuss the playmaker role?", "is Holmen (2016)
in the library?": the answer quotes the passages that make the claim, names the works their
in-text citations point to (the bibliography entries, from the document records), says for each
whether its full text is indexed (with the document id to open when it is), and lists the web
addresses the claim's section gives in its footnotes. Pure functions over the scored candidate
sentences and the records; the service calls `answer_source_question`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assistant.answering.citations import cited_works
from assistant.answering.extractive import Candidate
from assistant.answering.kinds import GENERIC
from assistant.answering.language import Language
from assistant.answering.selection import in_text_order, with_marker
from assistant.answering.titles import asks_who
from assistant.domain import DocumentRecord, Reference, Section
from assistant.retrieval.text import content_words

SOURCES_LEAD: dict[Language, str] = {
    "nb": "Kilder:", "nn": "Kjelder:", "sv": "Källor:", "en": "Sources:",
}  # fmt: skip
WEB_LEAD: dict[Language, str] = {
    "nb": "Nettkilder i samme avsnitt:",
    "nn": "Nettkjelder i same avsnitt:",
    "sv": "Webbkällor i samma avsnitt:",
    "en": "Web sources in the same section:",
}
IN_LIBRARY: dict[Language, str] = {
    "nb": "fulltekst i biblioteket ({})",
    "nn": "fulltekst i biblioteket ({})",
    "sv": "fulltext i biblioteket ({})",
    "en": "full text in the library ({})",
}
NOT_IN_LIBRARY: dict[Language, str] = {
    "nb": "ikke i biblioteket, bare i litteraturlisten",
    "nn": "ikkje i biblioteket, berre i litteraturlista",
    "sv": "inte i biblioteket, bara i litteraturlistan",
    "en": "not in the library, only in the bibliography",
}
CITES_NOTHING: dict[Language, str] = {
    "nb": "Passasjene over viser ikke til noen kilde.",
    "nn": "Passasjane over viser ikkje til nokon kjelde.",
    "sv": "Avsnitten ovan hänvisar inte till någon källa.",
    "en": "The passages above cite no source.",
}
SECTION_CITES: dict[Language, str] = {
    "nb": "Avsnittet «{}» viser til:",
    "nn": "Avsnittet «{}» viser til:",
    "sv": "Avsnittet «{}» hänvisar till:",
    "en": "The section «{}» cites:",
}
LISTED_BY: dict[Language, str] = {
    "nb": "står i litteraturlisten til {}",
    "nn": "står i litteraturlista til {}",
    "sv": "står i litteraturlistan till {}",
    "en": "is in the bibliography of {}",
}
ET_AL: dict[Language, str] = {"nb": "mfl.", "nn": "mfl.", "sv": "m.fl.", "en": "et al."}
AND: dict[Language, str] = {"nb": "og", "nn": "og", "sv": "och", "en": "and"}
WEB_WORDS = re.compile(
    r"nett\w*|web\w*|internett|internet|url|adress\w*|lenk\w*|link\w*|lese\s+m|lesa\s+m|"
    r"läsa\s+m|read\s+more",
    re.IGNORECASE,
)
# "Holmen (2016)", "Holmen, 2016", "Stene & Stickler 2018", "Loga et al. (2016)".
_NAMED_WORK = re.compile(
    r"(?P<surname>[A-ZÆØÅÄÖ][\w'’-]+)(?:\s+(?:et al\.?|mfl\.?|m\.fl\.)|\s*(?:&|og|and|och)\s*"
    r"[A-ZÆØÅÄÖ][\w'’-]+)?,?\s*\(?(?:\s*)(?P<year>(?:19|20)\d{2}[a-z]?)\)?"
)
MAX_CLAIMS = 3
MAX_NAMED_AUTHORS = 3
MIN_HEADING_WORD = 6  # a heading matches a question on a word at least this long
SECTION_BONUS = 0.03
CITING_BONUS = 0.03


@dataclass(frozen=True)
class CitedWork:
    """A bibliography entry a claim cites, and where its full text is, if indexed."""

    reference: Reference
    indexed_doc_id: str | None


@dataclass(frozen=True)
class SourceFinding:
    """A passage that makes the claim, with the works it cites."""

    claim: Candidate
    works: tuple[CitedWork, ...]


def short_name(reference: Reference, language: Language) -> str:
    """``Holmen (2016)``, ``Stene, Nortug og Sivertsen (2019)``, ``Loga mfl. (2016)``."""
    surnames = [author.split(",")[0].strip() for author in reference.authors] or ["?"]
    if len(surnames) == 1:
        names = surnames[0]
    elif len(surnames) <= MAX_NAMED_AUTHORS:
        names = f"{', '.join(surnames[:-1])} {AND[language]} {surnames[-1]}"
    else:
        names = f"{surnames[0]} {ET_AL[language]}"
    return f"{names} ({reference.year})"


def _work(reference: Reference, records: Mapping[str, DocumentRecord]) -> CitedWork:
    indexed = reference.catalogue_id if reference.catalogue_id in records else None
    return CitedWork(reference, indexed)


def works_cited_by(candidate: Candidate, records: Mapping[str, DocumentRecord]) -> list[CitedWork]:
    """The bibliography entries a candidate sentence's in-text citations point to."""
    record = records.get(candidate.chunk.doc_id)
    if record is None:
        return []
    by_id = {r.id: r for r in record.references}
    ids = cited_works(record, candidate.start, candidate.end)
    return [_work(by_id[i], records) for i in ids if i in by_id]


def named_works(question: str, records: Mapping[str, DocumentRecord]) -> list[CitedWork]:
    """Bibliography entries the question names by author and year ("Holmen (2016)")."""
    found: list[CitedWork] = []
    for match in _NAMED_WORK.finditer(question):
        surname, year = match.group("surname").casefold(), match.group("year")
        for record in records.values():
            for reference in record.references:
                first = reference.authors[0].split(",")[0].casefold() if reference.authors else ""
                known = any(w.reference.id == reference.id for w in found)
                if first == surname and reference.year.startswith(year[:4]) and not known:
                    found.append(_work(reference, records))
    return found


def sections_on(
    question: str, records: Mapping[str, DocumentRecord]
) -> list[tuple[DocumentRecord, Section]]:
    """Sections whose own heading names the question's topic ("I stor grad et
    holdningsspørsmål" for "... påstanden om at næringsutvikling er et holdningsspørsmål")."""
    asked = {w for w in content_words(question) if len(w) >= MIN_HEADING_WORD}
    asked -= GENERIC
    found: list[tuple[int, DocumentRecord, Section]] = []
    for record in records.values():
        for section in record.sections:
            heading = set(content_words(section.path[-1])) if section.path else set()
            shared = len(asked & heading)
            if shared:
                found.append((shared, record, section))
    if not found:
        return []
    best = max(shared for shared, _, _ in found)
    return [(record, section) for shared, record, section in found if shared == best]


def works_cited_in(
    record: DocumentRecord, section: Section, records: Mapping[str, DocumentRecord]
) -> list[CitedWork]:
    """The works a section's in-text citations point to, in order of first citation."""
    by_id = {r.id: r for r in record.references}
    ids: list[str] = []
    for citation in record.citations:
        if section.start <= citation.start < section.end:
            ids.extend(i for i in citation.reference_ids if i not in ids)
    return [_work(by_id[i], records) for i in ids if i in by_id]


def find_sources(
    question: str,
    candidates: Sequence[Candidate],
    records: Mapping[str, DocumentRecord],
    margin: float,
) -> tuple[list[SourceFinding], list[Candidate]]:
    """The claims that answer a source question with what they cite, and web sources to list.

    The claims citing something are preferred, above all those in the section of the best
    matching sentence (often a heading: "I stor grad et holdningsspørsmål" holds the claims and
    their citations). Web sources are the footnote addresses of the chosen claims' sections.
    """
    if not any(c.claim for c in candidates):
        return [], []
    named = {w.reference.id for w in named_works(question, records)}
    top_section = candidates[0].chunk.section_path
    claims = [c for c in candidates if c.claim]
    cited = {id(c): works_cited_by(c, records) for c in claims}
    if named:
        naming = [c for c in claims if any(w.reference.id in named for w in cited[id(c)])]
        claims = naming or claims

    def rank(candidate: Candidate) -> float:
        bonus = SECTION_BONUS if candidate.chunk.section_path == top_section else 0.0
        return candidate.score + bonus + (CITING_BONUS if cited[id(candidate)] else 0.0)

    pool = sorted(claims, key=rank, reverse=True)
    chosen: list[Candidate] = []
    for candidate in pool:
        if len(chosen) >= MAX_CLAIMS or rank(candidate) < rank(pool[0]) - margin:
            break
        chosen.append(candidate)
    findings = [SourceFinding(c, tuple(cited[id(c)])) for c in in_text_order(chosen)]
    sections = {tuple(c.chunk.section_path) for c in chosen}
    # Who wrote or said something is answered by a name, never by an address.
    web = (
        []
        if asks_who(question)
        else [
            c
            for c in candidates
            if c.not_claim == "web address" and tuple(c.chunk.section_path) in sections
        ]
    )
    if WEB_WORDS.search(question):
        best_web = next((c for c in candidates if c.not_claim == "web address"), None)
        if best_web is not None and best_web not in web:
            web.insert(0, best_web)
    return findings, in_text_order(web)


def _work_line(work: CitedWork, language: Language) -> str:
    reference = work.reference
    where = (
        IN_LIBRARY[language].format(work.indexed_doc_id)
        if work.indexed_doc_id
        else NOT_IN_LIBRARY[language]
    )
    return f"{short_name(reference, language)}, «{reference.title}», {where}"


def answer_source_question(
    question: str,
    candidates: Sequence[Candidate],
    records: Mapping[str, DocumentRecord],
    language: Language,
    margin: float,
) -> tuple[str, list[tuple[int, Candidate]]]:
    """The answer to a source question, and each marker's quoted sentence.

    Each claim is quoted with its marker; the works it cites follow under a lead-in with the
    same marker (they are what that quote cites), then the section's web sources, each quoted.
    A work the question names but no retrieved passage cites is still listed, with where it
    stands and whether it is indexed.
    """
    pieces: list[str] = []
    matched = sections_on(question, records)
    if matched:
        # A heading names the claim: its section's sentences and citations answer.
        candidates = [
            c
            for c in candidates
            if any(
                c.chunk.doc_id == record.entry.id and section.start <= c.start < section.end
                for record, section in matched
            )
        ]
    findings, web = find_sources(question, candidates, records, margin)
    if matched and not any(f.works for f in findings):
        # Nothing retrieved from there cites anything: the citation graph still knows.
        for record, section in matched:
            works = works_cited_in(record, section, records)
            if works:
                lines = "; ".join(_work_line(w, language) for w in works)
                pieces.append(f"{SECTION_CITES[language].format(section.path[-1])} {lines}.")
    cited: list[tuple[int, Candidate]] = []
    listed: set[str] = set()
    for finding in findings:
        marker = len(cited) + 1
        cited.append((marker, finding.claim))
        pieces.append(with_marker(finding.claim.text, marker))
        works = [w for w in finding.works if w.reference.id not in listed]
        listed |= {w.reference.id for w in works}
        if works:
            lines = "; ".join(_work_line(w, language) for w in works)
            pieces.append(f"{SOURCES_LEAD[language]} {lines} [{marker}].")
    if findings and not any(f.works for f in findings) and not web:
        pieces.append(CITES_NOTHING[language])
    for work in named_works(question, records):
        if work.reference.id not in listed:
            citing = records[work.reference.citing_doc_id].entry
            by = f"{citing.authors[0].split(',')[0] if citing.authors else citing.id}"
            by += f" ({citing.year})" if citing.year else ""
            pieces.append(f"{_work_line(work, language)}; {LISTED_BY[language].format(by)}.")
    if web:
        quoted = []
        for candidate in web:
            marker = len(cited) + 1
            cited.append((marker, candidate))
            quoted.append(with_marker(candidate.text, marker))
        pieces.append(f"{WEB_LEAD[language]} {' '.join(quoted)}")
    return " ".join(pieces), cited
