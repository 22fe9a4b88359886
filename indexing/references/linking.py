"""Bibliography entries linked to the works the product knows: catalogue entries and indexed
documents, by id, first author and year, or title (tolerant of spelling slips)."""

from __future__ import annotations

import difflib
import functools
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.domain import CatalogueEntry, Reference
from indexing.catalogue import fold_diacritics
from indexing.references.common import close_names, surname_key, surname_of

if TYPE_CHECKING:
    from indexing.catalogue import Catalogue

logger = logging.getLogger(__name__)

# --- the catalogue ----------------------------------------------------------------------------


class EntryIndex:
    """Entries looked up the ways a reference can match one: by id, and by year.

    A reference links only to an entry of its id or of its year (or of no year), so the rest
    of a large catalogue is never compared with it.
    """

    def __init__(self, entries: Sequence[CatalogueEntry]) -> None:
        self._by_id: dict[str, list[int]] = defaultdict(list)
        self._by_year: dict[int | None, list[int]] = defaultdict(list)
        self.entries = list(entries)
        for position, entry in enumerate(self.entries):
            self._by_id[entry.id].append(position)
            self._by_year[entry.year].append(position)

    def candidates(self, reference: Reference) -> list[CatalogueEntry]:
        """The entries that could match a reference, in the order they were given."""
        year = reference.year[:4]
        positions = {*self._by_id.get(reference.id, ()), *self._by_year.get(None, ())}
        if year.isdigit():
            positions.update(self._by_year.get(int(year), ()))
        return [self.entries[position] for position in sorted(positions)]


def link_references(references: list[Reference], catalogue: Catalogue) -> list[Reference]:
    """The references with `catalogue_id` and `in_corpus` set from the catalogue."""
    linked = []
    for reference in references:
        entry = catalogue_entry(reference, catalogue.entry_index)
        linked.append(
            reference.model_copy(
                update={
                    "catalogue_id": entry.id if entry else None,
                    "in_corpus": bool(entry and catalogue.has_full_text(entry.id)),
                }
            )
        )
    return linked


def catalogue_entry(
    reference: Reference, entries: Sequence[CatalogueEntry] | EntryIndex
) -> CatalogueEntry | None:
    """The catalogue's entry for a reference: by id, by first author and year, by title."""
    if not isinstance(entries, EntryIndex):
        entries = EntryIndex(entries)
    scored = sorted(
        (
            (score, entry)
            for entry in entries.candidates(reference)
            if (score := _match_score(reference, entry)) > 0
        ),
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
    first_ok = bool(reference.authors and entry.authors) and close_names(
        _surname_key(reference.authors[0]), _surname_key(entry.authors[0])
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

    Below `floor` the answer is 0, decided where it can be by upper bounds of difflib's ratio
    (from the lengths, then the letters shared), which cost far less than the ratio itself.
    """

    left, right = _normalised_title(a), _normalised_title(b)
    if not left or not right:
        return 0.0
    shorter, longer = sorted((left, right), key=len)
    if len(shorter) >= 10 and shorter in longer:
        return max(0.95, difflib.SequenceMatcher(None, left, right).ratio())
    if floor:
        total = len(left) + len(right)
        if 2 * len(shorter) / total < floor:
            return 0.0
        counts, others = _letter_counts(left), _letter_counts(right)
        shared = sum(min(n, others[c]) for c, n in counts.items() if c in others)
        if 2 * shared / total < floor:
            return 0.0
    return difflib.SequenceMatcher(None, left, right).ratio()


# Each catalogue title and author meets every reference of its year: prepared once.
@functools.lru_cache(maxsize=65_536)
def _normalised_title(title: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold_diacritics(title).lower()))


@functools.lru_cache(maxsize=65_536)
def _letter_counts(title: str) -> Counter[str]:
    return Counter(title)


@functools.lru_cache(maxsize=65_536)
def _surname_key(author: str) -> str:
    return surname_key(surname_of(author))


def link_to_documents(
    references: list[Reference], documents: list[CatalogueEntry]
) -> list[Reference]:
    """The references with `catalogue_id` pointing at the indexed document holding each work.

    A reference already linked to an indexed document keeps that link. Any other is matched
    against the indexed documents' metadata (from the catalogue or read from the file), so a
    document dropped into the corpus without a catalogue entry is found by the bibliographies
    that cite it, whichever was indexed first.
    """
    indexed = {entry.id for entry in documents}
    index = EntryIndex(documents)
    linked = []
    for reference in references:
        target = reference.catalogue_id if reference.catalogue_id in indexed else None
        if target is None:
            match = catalogue_entry(reference, index)
            target = match.id if match else None
        linked.append(
            reference.model_copy(
                update={
                    "catalogue_id": target or reference.catalogue_id,
                    "in_corpus": target is not None,
                }
            )
        )
    return linked
