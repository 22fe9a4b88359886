"""A document's own citations: its bibliography entries and the in-text citations of them.

Pure functions over text. :func:`parse_bibliography` reads APA-like entries (one per line or
paragraph, with or without markdown); :func:`find_citations` finds ``(Stene & Stickler, 2018)``,
``Andersen et al. (2018)``, ``NOU2011:11 (2011)`` and their kin in the body and links each to
bibliography entries by first-author surname and year, tolerating a misspelt surname but never
linking a citation to two different works; :func:`link_references` ties entries to the
catalogue. Offsets index the text as given: ``<sup>n</sup>`` markers and markdown emphasis may
be present or not.
"""

from __future__ import annotations

import difflib
import itertools
import logging
import re
import string
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.domain import CatalogueEntry, InTextCitation, Reference
from indexing.catalogue import fold_diacritics, slugify
from indexing.cleaning import BIBLIOGRAPHY_HEADINGS

if TYPE_CHECKING:
    from indexing.catalogue import Catalogue

logger = logging.getLogger(__name__)

# --- shared patterns ------------------------------------------------------------------------

_HEADING_WORDS = sorted(BIBLIOGRAPHY_HEADINGS, key=len, reverse=True)
_BIB_HEADING = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*)?(?:[*_]{1,3}[ \t]*)?(?:\d+(?:\.\d+)*\.?[ \t]+)?"
    r"(?:" + "|".join(re.escape(h) for h in _HEADING_WORDS) + r")"
    r"[ \t]*:?[ \t]*(?:[*_]{1,3})?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_UPPER = "A-ZÀ-ÖØ-Þ"
_LETTERS = r"[^\W\d_]"
_PARTICLE = r"(?:van|von|de|der|den|du|da|di|del|la|le|af|av|ten|ter)"
_PARTICLES = frozenset(_PARTICLE[3:-1].split("|"))
# A surname as printed: Sletterød, O'Brien, Eikeland-Hansen, van der Heide.
_SURNAME = rf"(?:{_PARTICLE}\s+){{0,2}}[{_UPPER}]{_LETTERS}*(?:[-'’]{_LETTERS}+)*"
_YEAR = r"(?:1[5-9]|20)\d{2}[a-z]?|n\.\s?d\.|u\.\s?å\."
_DASH = r"\s*[–—-]\s*"
_SESSION = rf"\(\s*(\d{{4}}){_DASH}(\d{{4}})\s*\)"
# Official Norwegian documents cited by their designation; each maps to a stable key.
_DESIGNATIONS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"NOU\s*(\d{4})\s*:\s*(\d+)"), "nou-{0}-{1}"),
    (re.compile(rf"Meld\.\s*St\.\s*(?:nr\.\s*)?(\d+)\s*{_SESSION}"), "meld-st-{0}-{1}-{2}"),
    (
        re.compile(rf"(?:St\.\s*meld\.|Stortingsmelding)\s*(?:nr\.?\s*)?(\d+)\s*{_SESSION}"),
        "st-meld-{0}-{1}-{2}",
    ),
    (re.compile(rf"Prop\.\s*(\d+)\s*([LS])\s*{_SESSION}"), "prop-{0}-{1}-{2}-{3}"),
)


def _designation(text: str) -> tuple[str, re.Match[str]] | None:
    """The key and match of an official designation at the start of text."""
    for pattern, key in _DESIGNATIONS:
        match = pattern.match(text)
        if match:
            return key.format(*(g.lower() for g in match.groups())), match
    return None


def split_bibliography(text: str) -> tuple[int, int]:
    """Where the body ends and the bibliography's entries begin: the last bibliography heading.

    Returns ``(body_end, bib_start)``: the start and the end of the heading line. Without such
    a heading the whole text is body: ``(len(text), len(text))``. A table-of-contents line
    (``LITTERATURLISTE  12``) is not a heading.
    """
    last = None
    for match in _BIB_HEADING.finditer(text):
        last = match
    if last is None:
        return len(text), len(text)
    return last.start(), last.end()


# --- text without markup ----------------------------------------------------------------------


def _markdown_link(match: re.Match[str]) -> str:
    label, url = match.group(1), match.group(2)
    return url if label.strip().startswith("http") or not label.strip() else f"{label} {url}"


def _plain(text: str) -> str:
    """Entry text without markdown, HTML markers and line breaks."""
    text = re.sub(r"\[([^\]]*)\]\((https?://[^)\s]+)\)", _markdown_link, text)
    text = re.sub(r"<(https?://[^>\s]+)>", r"\1", text)
    text = re.sub(r"<sup>.*?</sup>", "", text, flags=re.IGNORECASE | re.DOTALL)
    text = re.sub(r"</?(?:sub|em|i|b|strong|span)\b[^>]*>", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!&<>])", r"\1", text)
    text = text.replace("*", "")
    text = re.sub(r"(?<![\w/.])_+|_+(?![\w/.])", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _mask(text: str) -> str:
    """The text with footnote markers and emphasis blanked out, offsets unchanged."""

    def blank(match: re.Match[str]) -> str:
        return " " * (match.end() - match.start())

    view = re.sub(r"<sup>.*?</sup>|</?[a-zA-Z]+>", blank, text, flags=re.IGNORECASE)
    view = re.sub(r"\\(?=[*_()&])", " ", view)
    view = re.sub(r"\*+", blank, view)
    return re.sub(r"(?<!\w)_+|_+(?!\w)", blank, view)


# --- surnames -------------------------------------------------------------------------------


def _surname_key(name: str) -> str:
    """A surname folded for comparison: 'van der Heide' → 'heide', 'Røiseland' → 'roiseland'."""
    words = name.split()
    # Particles sort nowhere ('van der Heide' is cited as 'Heide' too), unless they are the name.
    words = [w for w in words if w.lower() not in _PARTICLES] or words
    return re.sub(r"[^a-z]", "", fold_diacritics(" ".join(words)).lower())


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` once it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _close(a: str, b: str) -> bool:
    """Whether two surname keys are the same name, allowing a typo relative to the length."""
    if a == b:
        return True
    shorter = min(len(a), len(b))
    # Short names differ by one letter too often to tolerate a typo: Loga/Lora, Berg/Borg.
    allowed = 0 if shorter < 5 else 1 if shorter < 9 else 2
    return allowed > 0 and _edit_distance(a, b, allowed) <= allowed


def _surname_of(author: str) -> str:
    """The surname of a bibliography author: 'Aasen, T. M. B.' → 'Aasen'."""
    if _designation(author):
        return author
    return author.split(",", 1)[0].strip()


# --- the bibliography ---------------------------------------------------------------------

_BULLET = re.compile(r"^\s*(?:[-*•]\s+|\d{1,3}[.)]\s+|\[\d{1,3}\]\s*)")
_JUNK_LINE = re.compile(r"^\s*(?:\d{1,4}|[-–—_*=#~.]{3,}|[\W_])\s*$")
_PERSON = re.compile(
    rf"^{_SURNAME},\s*(?:(?:[{_UPPER}][a-z]?\.?[\s-]*)+|[{_UPPER}]{_LETTERS}+(?:\s+[{_UPPER}]\S*)*)$"
)
_YEAR_GROUP = re.compile(
    r"\(\s*(?P<year>(?:1[5-9]|20)\d{2}[a-z]?|n\.\s?d\.|u\.\s?å\.|in press|under utgivelse)"
    r"\s*\)\s*[.,:]?"
)
_SESSION_YEAR_GROUP = re.compile(rf"\(\s*(?P<year>\d{{4}}{_DASH}\d{{4}})\s*\)\s*\.?")
_INITIALS = re.compile(rf"^(?:[{_UPPER}][a-z]?\.?(?:\s*-\s*|\s+)?)+$")
_ABBREVIATIONS = frozenset(
    "int j vol no nr nos ed eds red utg udg uppl oppl pp s p st meld dept univ inc ltd co jr "
    "dr prof bd hf mfl etc jf jfr ca suppl proc conf rep res sci soc rev stud am eur scand "
    "nord tidsskr forl bus manag adm admin econ polit public publ".split()
)
_RETRIEVED = (
    r"(?:Retrieved from|Hentet fra|Hämtad från|Available (?:from|at)|Tilgjengelig (?:fra|på))"
)
_DOI = re.compile(
    r"\s*(?:doi:\s*)?(?:https?://(?:dx\.)?doi\.org/)?(?P<doi>10\.\d{4,9}/[^\s<>\"]+)",
    re.IGNORECASE,
)
_URL = re.compile(rf"\s*(?:{_RETRIEVED}\s*:?\s*)?(?P<url>https?://[^\s<>\"]+)")
_PLACE = re.compile(
    rf"^(?P<place>[{_UPPER}][^\s:/,]*(?:[\s/-]+[{_UPPER}][^\s:/,]*){{0,3}}(?:,\s*[A-Z]{{2}})?)"
    r"\s*:\s*(?P<publisher>\S.*)$"
)
_ARTICLE_TAIL = re.compile(
    r"(?:,\s*(?P<volume>\d+(?:\s*[–-]\s*\d+)?))?\s*(?:\((?P<issue>[^()]*)\))?"
    r"\s*,\s*(?:pp?\.\s*|s\.\s*)?(?P<pages>[A-Za-z]?\d+(?:\s*[–-]\s*[A-Za-z]?\d+)?)$"
)
_CHAPTER = re.compile(r"(?:^|(?<=[.?!]))\s+(?:In|I|Ur)\s*:?\s+(?P<book>.+)$")
_CHAPTER_PAGES = re.compile(r"\s*\((?:pp?\.|s\.)\s*[\d–-]+\s*\)\s*[:.,]?\s*")
_EDITORS = re.compile(r"^.*?\((?:[Rr]eds?|[Ee]ds?|[Hh]rsg)\.?\)\s*,?\s*")
_EDITION = re.compile(
    r"^(?:\d+\.?\s*(?:utg|udg|uppl|opplag|oppl|ed|edition|rev)\b.*|Vol\.?\s*\d+|Bd\.?\s*\d+)$",
    re.IGNORECASE,
)


@dataclass
class _Parsed:
    """The parts of one bibliography entry's text after the authors and year."""

    title: str
    venue: str | None = None
    publisher: str | None = None
    doi: str | None = None
    url: str | None = None


def parse_bibliography(text: str, citing_doc_id: str) -> list[Reference]:
    """The entries of a bibliography section, each parsed into a Reference with a stable id."""
    _body_end, bib_start = split_bibliography(text)
    if bib_start < len(text):
        text = text[bib_start:]
    parsed: list[Reference] = []
    for raw in _entry_texts(text):
        reference = _parse_entry(raw, citing_doc_id)
        if reference is None:
            logger.debug("not a bibliography entry: %r", raw[:80])
        else:
            parsed.append(reference)
    return _disambiguate(parsed)


def _entry_texts(text: str) -> Iterator[str]:
    """The bibliography cut into entries: at list bullets, else where an entry starts."""
    lines = [
        line.strip()
        for line in text.splitlines()
        # Blank lines, page numbers, rules and headings belong to no entry.
        if line.strip() and not _JUNK_LINE.match(line) and line.lstrip()[:1] != "#"
    ]
    entry = ""
    for index, line in enumerate(lines):
        bullet = _BULLET.match(line)
        body = line[bullet.end() :] if bullet else line
        following = lines[index + 1] if index + 1 < len(lines) else ""
        # A line after 'Ingstad, E. L.,' or 'VRI-' goes on with the same entry.
        unfinished = re.search(r"(?:[,&-]|\band|\bog)$", entry)
        if entry and not bullet and (unfinished or not _starts_entry(body, following)):
            broken_word = entry.endswith("-") and entry[-2:-1].isalpha()
            entry += body if broken_word else f" {body}"
            continue
        if entry:
            yield _plain(entry)
        entry = body
    if entry:
        yield _plain(entry)


def _starts_entry(line: str, following: str) -> bool:
    """Whether a line opens an entry: authors, then a printed year on it or the next line."""
    joined = _plain(f"{line} {following}")
    year = _YEAR_GROUP.search(joined[:400]) or _SESSION_YEAR_GROUP.search(joined[:400])
    return year is not None and _are_authors(joined[: year.start()])


def _are_authors(text: str) -> bool:
    """Whether text reads as an entry's author list, not a title or a wrapped initial."""
    text = text.strip()
    if _designation(text):
        return True
    authors = _split_authors(text)
    return bool(authors) and all(
        _PERSON.match(author) or _CORPORATE_CHUNK.match(author) for author in authors
    )


def _parse_entry(raw: str, citing_doc_id: str) -> Reference | None:
    year_match = _YEAR_GROUP.search(raw) or _SESSION_YEAR_GROUP.search(raw)
    if year_match is None or year_match.start() == 0:
        return None
    authors = _split_authors(raw[: year_match.start()])
    if not authors:
        return None
    year = re.sub(r"\s+", "", year_match.group("year")).replace("—", "–")
    rest = _parse_rest(raw[year_match.end() :])
    return Reference(
        id=_reference_id(authors, year),
        citing_doc_id=citing_doc_id,
        authors=authors,
        year=year,
        title=rest.title,
        venue=rest.venue,
        publisher=rest.publisher,
        doi=rest.doi,
        url=rest.url,
        raw=raw,
    )


def _split_authors(text: str) -> list[str]:
    """'Aasen, T. M. B., & Amundsen, O.' → ['Aasen, T. M. B.', 'Amundsen, O.']."""
    text = text.strip().rstrip(",").strip()
    designation = _designation(text)
    if designation:
        return [designation[1].group(0)]
    parts = [
        re.sub(r"^(?:&|and|og|och)\s+", "", part.strip())
        for part in re.split(r",\s*|\s+&\s+|\s+(?:and|og|och)\s+", text)
    ]
    parts = [p for p in parts if p and p not in {"...", "…", "&"}]
    if parts and not _INITIALS.match(parts[-1]):
        parts[-1] = parts[-1].rstrip(".")  # the entry's full stop, not an initial's
    if any(_INITIALS.match(p) for p in parts):
        authors: list[str] = []
        for part in parts:
            if _INITIALS.match(part) and authors and "," not in authors[-1]:
                authors[-1] = f"{authors[-1]}, {part}"
            else:
                authors.append(part)
        return authors
    if len(parts) > 1 and len(parts) % 2 == 0:
        # Given names in full: 'Stene, Morten, Mørkved, Britt Paula'.
        return [f"{parts[i]}, {parts[i + 1]}" for i in range(0, len(parts), 2)]
    return parts


def _sentence_ends(text: str) -> list[int]:
    """Indexes of '.', '?' or '!' that end a sentence, not an abbreviation or an initial."""
    ends = []
    for match in re.finditer(r"[.?!](?=\s+\S)", text):
        i = match.start()
        if text[i] == ".":
            word = re.search(r"(\S*)$", text[:i])
            token = word.group(1).lstrip("(«\"'") if word else ""
            if token and not token.endswith(")"):
                ordinal = token.isdigit() and len(token) <= 2  # '3. utg.', not '... 2017.'
                if ordinal or len(token) == 1 or _is_abbreviation(token):
                    continue
        ends.append(i)
    return ends


def _parse_rest(rest: str) -> _Parsed:
    """Title, venue, publisher, DOI and URL from what follows '(year).'."""
    doi = url = None
    doi_match = _DOI.search(rest)
    if doi_match:
        doi = doi_match.group("doi").rstrip(".,;)")
        rest = rest[: doi_match.start()] + rest[doi_match.end() :]
        rest = re.sub(r"\s*doi:\s*$", "", rest, flags=re.IGNORECASE)
    url_match = _URL.search(rest)
    if url_match:
        url = url_match.group("url").rstrip(".,;)")
        rest = rest[: url_match.start()] + rest[url_match.end() :]
    # 'Retrieved from Steinkjer:' is a reference manager's place without a publisher.
    rest = re.sub(rf"\s*{_RETRIEVED}\b[^.]*?:?\s*$", "", rest)
    rest = _without_full_stop(rest)
    parsed = _parse_chapter(rest) or _parse_article(rest) or _parse_book(rest)
    parsed.doi, parsed.url = doi, url
    return parsed


def _parse_chapter(rest: str) -> _Parsed | None:
    match = _CHAPTER.search(rest)
    if match is None or not (
        _CHAPTER_PAGES.search(match.group("book")) or _EDITORS.match(match.group("book"))
    ):
        return None
    book = _EDITORS.sub("", match.group("book"))
    pages = _CHAPTER_PAGES.search(book)
    venue, tail = (book[: pages.start()], book[pages.end() :]) if pages else (book, "")
    publisher = None
    if tail:
        place = _PLACE.match(tail)
        publisher = place.group("publisher") if place else tail
    title, _ = _title_and_series(rest[: match.start()])
    return _Parsed(title=title, venue=_clean(venue), publisher=_clean(publisher))


def _parse_article(rest: str) -> _Parsed | None:
    tail = _ARTICLE_TAIL.search(rest)
    if tail is None or not (tail.group("volume") or tail.group("issue")):
        return None
    head = rest[: tail.start()]
    ends = _sentence_ends(head)
    if not ends:
        return _Parsed(title=_clean(head) or head)
    title, _ = _title_and_series(head[: ends[-1] + 1])
    return _Parsed(title=title, venue=_clean(head[ends[-1] + 1 :]))


def _parse_book(rest: str) -> _Parsed:
    ends = _sentence_ends(rest)
    publisher = None
    if ends:
        place = _PLACE.match(rest[ends[-1] + 1 :].strip())
        if place:
            publisher = place.group("publisher")
            rest = rest[: ends[-1] + 1]
    title, series = _title_and_series(rest)
    return _Parsed(title=title, venue=series, publisher=_clean(publisher))


def _title_and_series(text: str) -> tuple[str, str | None]:
    """A title without its trailing '(3. utg.)', '(Vol. 1)' or '(TFoU-rapport 2017:7)'."""
    title, series = _without_full_stop(text), None
    while match := re.search(r"\s*\(([^()]*)\)$", title):
        inner = match.group(1).strip()
        if _EDITION.match(inner):
            pass
        elif re.search(r"\d", inner) and series is None:
            series = inner
        else:
            break
        title = title[: match.start()].rstrip(" .")
    return title, series


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    return _without_full_stop(text.strip().strip(",:;")) or None


def _is_abbreviation(word: str) -> bool:
    word = word.lower().rstrip(".")
    # 'Fagbokforl.' is how library catalogues shorten '...forlag'.
    return word in _ABBREVIATIONS or word.endswith("forl")


def _without_full_stop(text: str) -> str:
    """Text without its closing full stop, unless that stop ends an abbreviation."""
    text = text.strip()
    if text.endswith("."):
        words = text[:-1].split()
        initial = words and re.fullmatch(rf"(?:[{_UPPER}][a-z]?\.)*[{_UPPER}][a-z]?", words[-1])
        if not (words and (_is_abbreviation(words[-1]) or initial)):
            text = text[:-1].rstrip()
    return text


def _reference_id(authors: list[str], year: str) -> str:
    """'stene-2013', 'stene-stickler-2018', 'loga-etal-2016', 'nou-2011-11'."""
    designation = _designation(authors[0])
    if designation:
        return designation[0]
    surnames = [slugify(_surname_of(author)) or "anon" for author in authors]
    base = f"{surnames[0]}-etal" if len(surnames) >= 3 else "-".join(surnames)
    return f"{base}-{slugify(year) or 'nd'}"


def _disambiguate(references: list[Reference]) -> list[Reference]:
    """Give references that share an id the suffixes a, b, ... in the order printed."""
    counts: dict[str, int] = {}
    for reference in references:
        counts[reference.id] = counts.get(reference.id, 0) + 1
    taken = {r.id for r in references if counts[r.id] == 1}
    result = []
    for reference in references:
        if counts[reference.id] == 1:
            result.append(reference)
            continue
        joiner = "" if reference.id[-1].isdigit() else "-"
        candidate = next(
            f"{reference.id}{joiner}{suffix}"
            for suffix in _suffixes()
            if f"{reference.id}{joiner}{suffix}" not in taken
        )
        taken.add(candidate)
        result.append(reference.model_copy(update={"id": candidate}))
    return result


def _suffixes() -> Iterator[str]:
    """a, b, ..., z, aa, ab, ...: year letters as bibliographies print them, without end."""
    for length in itertools.count(1):
        for letters in itertools.product(string.ascii_lowercase, repeat=length):
            yield "".join(letters)


# --- in-text citations ----------------------------------------------------------------------

_NAME_CHUNK = re.compile(
    rf"^(?:(?:[{_UPPER}]\.?[\s-]*){{1,3}}\s+|[{_UPPER}]{_LETTERS}+\s+)?{_SURNAME}$"
)
_CORPORATE_CHUNK = re.compile(rf"^[{_UPPER}]{_LETTERS}+(?:[\s-]+{_LETTERS}+){{0,5}}$")
_ET_AL = re.compile(r"(?:\s*,\s*|\s+)(?:et\s+al\.?|m\.\s?fl\.?|mfl\.?|med\s+flere)$")
_LEAD_IN = re.compile(
    r"^(?:(?:e\.g\.|i\.e\.|f\.eks\.|jf\.|jfr\.|cf\.|[a-zæøåäö]+)\s*,?\s+){1,4}:?\s*"
    r"|^(?:e\.g\.|f\.eks\.|jf\.|jfr\.|cf\.|[a-zæøåäö]+(?:\s+[a-zæøåäö]+){0,3})\s*:\s*"
)
_PAGES = r"(?:\s*[,:]\s*(?:s\.|p\.|pp\.|side|sidene|kap\.)?\s*\d+(?:\s*[–-]\s*\d+)?)?"
_PARENTHETICAL = re.compile(
    rf"^(?P<names>.+?)(?P<comma>\s*,)?\s+(?P<years>(?:{_YEAR})(?:\s*,\s*(?:{_YEAR}))*){_PAGES}$"
)
_YEARS_ONLY = re.compile(rf"^\s*(?P<years>(?:{_YEAR})(?:\s*,\s*(?:{_YEAR}))*){_PAGES}\s*$")
_CONJ = r"(?:\s+(?:and|og|och)\s+|\s*&\s*)"
_NARRATIVE = re.compile(
    rf"(?<![\w.])(?P<names>{_SURNAME}(?:\s+et\s+al\.?|\s+m\.\s?fl\.|"
    rf"(?:\s*,\s*{_SURNAME})*\s*,?{_CONJ}{_SURNAME})?)\s*$"
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
    view = _mask(text[:body_end])
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
    designation = _designation(reference.authors[0]) if reference.authors else None
    return _Entry(
        id=reference.id,
        keys=tuple(_surname_key(_surname_of(author)) for author in reference.authors),
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
    for pattern, key in _DESIGNATIONS:
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
    for pattern, key in _DESIGNATIONS:
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
    designation = _designation(body)
    if designation:
        after = body[designation[1].end() :]
        years = re.fullmatch(rf"\s*,?\s*(?P<years>{_YEAR}){_PAGES}\s*", after)
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
    if not personal and not (len(names) == 1 and _CORPORATE_CHUNK.match(names[0])):
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
    words = [w for w in name.split() if not re.fullmatch(rf"[{_UPPER}]\.?(?:-[{_UPPER}]\.?)?", w)]
    keys = [_surname_key(" ".join(words[-n:])) for n in range(1, len(words) + 1)]
    return [k for k in keys if k]


def _names_match(name: str, key: str, exact: bool) -> bool:
    keys = _name_keys(name)
    return key in keys if exact else any(_close(k, key) for k in keys)


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


# --- the catalogue ----------------------------------------------------------------------------


def link_references(references: list[Reference], catalogue: Catalogue) -> list[Reference]:
    """The references with `catalogue_id` and `in_corpus` set from the catalogue."""
    linked = []
    for reference in references:
        entry = _catalogue_entry(reference, catalogue.entries)
        linked.append(
            reference.model_copy(
                update={
                    "catalogue_id": entry.id if entry else None,
                    "in_corpus": bool(entry and catalogue.has_full_text(entry.id)),
                }
            )
        )
    return linked


def _catalogue_entry(reference: Reference, entries: list[CatalogueEntry]) -> CatalogueEntry | None:
    """The catalogue's entry for a reference: by id, by first author and year, by title."""
    scored = sorted(
        ((score, entry) for entry in entries if (score := _match_score(reference, entry)) > 0),
        key=lambda pair: -pair[0],
    )
    if not scored:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        logger.warning(
            "reference %r matches catalogue entries %r and %r equally; linked to neither",
            reference.id,
            scored[0][1].id,
            scored[1][1].id,
        )
        return None
    return scored[0][1]


def _match_score(reference: Reference, entry: CatalogueEntry) -> float:
    if entry.id == reference.citing_doc_id:
        return 0.0  # a document is not in its own bibliography
    year = reference.year[:4]
    year_ok = entry.year is not None and year.isdigit() and entry.year == int(year)
    first_ok = bool(reference.authors and entry.authors) and _close(
        _surname_key(_surname_of(reference.authors[0])),
        _surname_key(_surname_of(entry.authors[0])),
    )
    # Only a title match can link an entry of another id, author and year; skip the costly
    # comparison when the titles cannot reach that bar (large catalogues make it add up).
    floor = 0.0 if entry.id == reference.id or (first_ok and year_ok) else 0.9
    title = _title_similarity(reference.title, entry.title, floor)
    if entry.id == reference.id and (year_ok or first_ok or title >= 0.6):
        return 3 + title
    if first_ok and year_ok and title >= 0.5:
        return 2 + title
    if title >= 0.9 and (year_ok or entry.year is None):
        return 1 + title
    return 0.0


def _title_similarity(a: str, b: str, floor: float = 0.0) -> float:
    """How alike two titles are, 0 to 1, ignoring case, diacritics and punctuation.

    Below `floor` the answer is 0 (decided by difflib's cheap upper bound).
    """

    def norm(title: str) -> str:
        return " ".join(re.findall(r"[a-z0-9]+", fold_diacritics(title).lower()))

    left, right = norm(a), norm(b)
    if not left or not right:
        return 0.0
    shorter, longer = sorted((left, right), key=len)
    matcher = difflib.SequenceMatcher(None, left, right)
    if len(shorter) >= 10 and shorter in longer:
        return max(0.95, matcher.ratio())
    if floor and matcher.real_quick_ratio() < floor:
        return 0.0
    return matcher.ratio()
