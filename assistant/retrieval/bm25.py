"""Okapi BM25 over the chunks, built from the store and saved beside it.

Chroma has no lexical search of its own, so the service keeps this index. It is built from
the chunks in the store, tagged with the store's consistency key, and saved as JSON; at start-up
it is loaded when the key matches and rebuilt otherwise, so it never drifts from Chroma.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from assistant.retrieval.text import analyse, char_ngrams, stems, vocabulary_of

Analyser = Literal["ngrams", "stems"]
FORMAT = 4
# A query term this long that stands inside an indexed compound counts as known.
MIN_INNER_TERM = 5


def terms_of(
    text: str, analyser: Analyser, vocabulary: frozenset[str], decompound: bool
) -> list[str]:
    """Index terms of a text: character 4-grams, or stems (with compound parts)."""
    if analyser == "ngrams":
        return char_ngrams(text)
    return analyse(text, vocabulary, decompound)


@dataclass
class BM25Index:
    """A BM25 index of chunk ids to analysed terms."""

    ids: list[str]
    term_freqs: list[dict[str, int]]
    vocabulary: frozenset[str]  # standalone words, the parts compounds may split into
    known_stems: frozenset[str] = frozenset()
    key: str = ""  # the store's consistency key the index was built for
    analyser: Analyser = "ngrams"
    k1: float = 1.2
    b: float = 0.75
    decompound: bool = True
    _postings: dict[str, list[tuple[int, int]]] = field(default_factory=dict, repr=False)
    _idf: dict[str, float] = field(default_factory=dict, repr=False)
    _norms: list[float] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        lengths = [sum(freqs.values()) for freqs in self.term_freqs]
        average = (sum(lengths) / len(lengths)) if lengths else 1.0
        self._norms = [self.k1 * (1 - self.b + self.b * n / (average or 1.0)) for n in lengths]
        postings: dict[str, list[tuple[int, int]]] = {}
        for position, freqs in enumerate(self.term_freqs):
            for term, count in freqs.items():
                postings.setdefault(term, []).append((position, count))
        self._postings = postings
        total = len(self.ids)
        self._idf = {
            term: math.log(1 + (total - len(hits) + 0.5) / (len(hits) + 0.5))
            for term, hits in postings.items()
        }

    @classmethod
    def build(
        cls,
        chunks: list[tuple[str, str]],
        key: str = "",
        analyser: Analyser = "ngrams",
        decompound: bool = True,
    ) -> BM25Index:
        """Index (chunk id, text) pairs with character n-grams or stems."""
        texts = [text for _, text in chunks]
        vocabulary = vocabulary_of(texts) if decompound and analyser == "stems" else frozenset()
        return cls(
            ids=[chunk_id for chunk_id, _ in chunks],
            term_freqs=[
                dict(Counter(terms_of(text, analyser, vocabulary, decompound))) for text in texts
            ],
            vocabulary=vocabulary,
            known_stems=frozenset().union(*(stems(text) for text in texts)),
            key=key,
            analyser=analyser,
            decompound=decompound,
        )

    def idf(self, term: str) -> float:
        """Inverse document frequency of an analysed term (0 for unknown terms)."""
        return self._idf.get(term, 0.0)

    def knows(self, stem: str) -> bool:
        """True when the stem occurs in the indexed text: alone, inside a compound, or as
        another inflection the stemmer left apart (same letters but the last two)."""
        if stem in self.known_stems:
            return True
        if len(stem) < MIN_INNER_TERM:
            return False
        head = stem[: max(MIN_INNER_TERM, len(stem) - 2)]
        return any(stem in known or known.startswith(head) for known in self.known_stems)

    def unknown_share(self, query: str) -> float:
        """Share of a query's content words that the indexed text never uses (0..1)."""
        terms = stems(query)
        if not terms:
            return 0.0
        return sum(not self.knows(term) for term in terms) / len(terms)

    def query_terms(self, query: str) -> list[str]:
        """The analysed terms of a text, as this index analyses text."""
        return terms_of(query, self.analyser, self.vocabulary, self.decompound)

    def search(
        self, query: str, k: int, allowed: set[str] | None = None
    ) -> list[tuple[str, float]]:
        """The k best chunk ids for a query with their BM25 scores (only ids in `allowed`)."""
        scores: dict[int, float] = {}
        for term in set(self.query_terms(query)):
            idf = self._idf.get(term)
            if idf is None:
                continue
            for position, count in self._postings[term]:
                gain = idf * count * (self.k1 + 1) / (count + self._norms[position])
                scores[position] = scores.get(position, 0.0) + gain
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        results = [
            (self.ids[position], score)
            for position, score in ranked
            if allowed is None or self.ids[position] in allowed
        ]
        return results[:k]

    def save(self, path: Path) -> None:
        """Write the index as JSON."""
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "format": FORMAT,
            "key": self.key,
            "decompound": self.decompound,
            "analyser": self.analyser,
            "ids": self.ids,
            "term_freqs": self.term_freqs,
            "vocabulary": sorted(self.vocabulary),
            "known_stems": sorted(self.known_stems),
        }
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(payload, ensure_ascii=False))
        temporary.replace(path)

    @classmethod
    def load(cls, path: Path) -> BM25Index | None:
        """Read a saved index; None when missing, unreadable or of another format."""
        try:
            payload = json.loads(path.read_text())
        except (OSError, ValueError):
            return None
        if payload.get("format") != FORMAT:
            return None
        return cls(
            ids=payload["ids"],
            term_freqs=payload["term_freqs"],
            vocabulary=frozenset(payload["vocabulary"]),
            known_stems=frozenset(payload["known_stems"]),
            key=payload["key"],
            analyser=payload["analyser"],
            decompound=payload["decompound"],
        )
