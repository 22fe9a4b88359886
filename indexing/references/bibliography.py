"""A document's bibliography: where it starts, and its entries parsed into `Reference`s.

:func:`parse_bibliography` reads APA-like entries (one per line or paragraph, with or without
markdown) in the languages of the corpus; official documents (NOU, Meld. St., Prop.) get stable
ids from their designation.
"""

from __future__ import annotations

import itertools
import logging
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass

from assistant.domain import Reference
from indexing.catalogue import slugify
from indexing.cleaning import BIBLIOGRAPHY_HEADINGS
from indexing.references.common import (
    CORPORATE_CHUNK,
    DASH,
    LETTERS,
    SURNAME,
    UPPER,
    official_designation,
    plain,
    surname_of,
)

logger = logging.getLogger(__name__)

_HEADING_WORDS = sorted(BIBLIOGRAPHY_HEADINGS, key=len, reverse=True)
_BIB_HEADING = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*)?(?:[*_]{1,3}[ \t]*)?(?:\d+(?:\.\d+)*\.?[ \t]+)?"
    r"(?:" + "|".join(re.escape(h) for h in _HEADING_WORDS) + r")"
    r"[ \t]*:?[ \t]*(?:[*_]{1,3})?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


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


# --- the bibliography ---------------------------------------------------------------------

_BULLET = re.compile(r"^\s*(?:[-*•]\s+|\d{1,3}[.)]\s+|\[\d{1,3}\]\s*)")
_JUNK_LINE = re.compile(r"^\s*(?:\d{1,4}|[-–—_*=#~.]{3,}|[\W_])\s*$")
_PERSON = re.compile(
    rf"^{SURNAME},\s*(?:(?:[{UPPER}][a-z]?\.?[\s-]*)+|[{UPPER}]{LETTERS}+(?:\s+[{UPPER}]\S*)*)$"
)
_YEAR_GROUP = re.compile(
    r"\(\s*(?P<year>(?:1[5-9]|20)\d{2}[a-z]?|n\.\s?d\.|u\.\s?å\.|in press|under utgivelse)"
    r"\s*\)\s*[.,:]?"
)
_SESSION_YEAR_GROUP = re.compile(rf"\(\s*(?P<year>\d{{4}}{DASH}\d{{4}})\s*\)\s*\.?")
_INITIALS = re.compile(rf"^(?:[{UPPER}][a-z]?\.?(?:\s*-\s*|\s+)?)+$")
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
    rf"^(?P<place>[{UPPER}][^\s:/,]*(?:[\s/-]+[{UPPER}][^\s:/,]*){{0,3}}(?:,\s*[A-Z]{{2}})?)"
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
    lines = [line.strip() for line in text.splitlines() if _in_an_entry(line)]
    for entry in _entries(lines):
        yield plain(entry)


def _in_an_entry(line: str) -> bool:
    """Whether a line may belong to an entry: blank lines, page numbers, rules and headings
    belong to none."""
    return bool(line.strip()) and not _JUNK_LINE.match(line) and line.lstrip()[:1] != "#"


def entry_lines(lines: list[str]) -> list[str]:
    """Printed lines of a bibliography as its entries, one line each: a line goes on with the
    entry above unless it opens one (authors and a year, or a list's bullet), as
    `parse_bibliography` cuts them. Lines that are no entry's (blank, a page number, a
    heading) stay as they are."""
    joined: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if _in_an_entry(line):
            run.append(line.strip())
            continue
        joined.extend(_entries(run, keep_bullets=True))
        run = []
        joined.append(line)
    return joined[:-1]


def _entries(lines: list[str], keep_bullets: bool = False) -> Iterator[str]:
    entry = ""
    for index, line in enumerate(lines):
        bullet = _BULLET.match(line)
        body = line[bullet.end() :] if bullet and not keep_bullets else line
        following = lines[index + 1] if index + 1 < len(lines) else ""
        # A line after 'Ingstad, E. L.,' or 'VRI-' goes on with the same entry.
        unfinished = re.search(r"(?:[,&-]|\band|\bog)$", entry)
        if entry and not bullet and (unfinished or not _starts_entry(body, following)):
            broken_word = entry.endswith("-") and entry[-2:-1].isalpha()
            entry += body if broken_word else f" {body}"
            continue
        if entry:
            yield entry
        entry = body
    if entry:
        yield entry


def _starts_entry(line: str, following: str) -> bool:
    """Whether a line opens an entry: authors, then a printed year on it or the next line."""
    joined = plain(f"{line} {following}")
    year = _YEAR_GROUP.search(joined[:400]) or _SESSION_YEAR_GROUP.search(joined[:400])
    return year is not None and _are_authors(joined[: year.start()])


def _are_authors(text: str) -> bool:
    """Whether text reads as an entry's author list, not a title or a wrapped initial."""
    text = text.strip()
    if official_designation(text):
        return True
    authors = _split_authors(text)
    return bool(authors) and all(
        _PERSON.match(author) or CORPORATE_CHUNK.match(author) for author in authors
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
    designation = official_designation(text)
    if designation:
        return [designation[1].group(0)]
    # "Kommunal- og distriktsdepartementet": a compound whose first part is left hanging
    # names one body, not two authors.
    parts = [
        re.sub(r"^(?:&|and|og|och)\s+", "", part.strip())
        for part in re.split(r",\s*|\s+&\s+|(?<!\w-)\s+(?:and|og|och)\s+", text)
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
        initial = words and re.fullmatch(rf"(?:[{UPPER}][a-z]?\.)*[{UPPER}][a-z]?", words[-1])
        if not (words and (_is_abbreviation(words[-1]) or initial)):
            text = text[:-1].rstrip()
    return text


def _reference_id(authors: list[str], year: str) -> str:
    """'stene-2013', 'stene-stickler-2018', 'loga-etal-2016', 'nou-2011-11'."""
    designation = official_designation(authors[0])
    if designation:
        return designation[0]
    surnames = [slugify(surname_of(author)) or "anon" for author in authors]
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
