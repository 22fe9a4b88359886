"""The lexical index: Okapi BM25 over the chunks, in a tantivy index on disk.

Chroma has no lexical search of its own, so the service keeps this index in a folder beside
the store. Our own analysers (`assistant.retrieval.text`) turn text into terms; tantivy only
stores them (whitespace-separated, so it analyses nothing itself), keeps the postings on disk
and memory-maps them, and scores with BM25 (k1 1.2, b 0.75, the idf of Lucene).

Changes are per document: `replace` and `remove` stage them, `commit` makes them visible and
durable at once, so re-indexing one document touches only its chunks. Each document's chunks
carry a key (a digest of their ids, texts and filter fields), and `sync` brings the index in
step with the store by comparing keys, so it never drifts from Chroma.

Besides the BM25 terms, every chunk indexes the stems of its content words (`stems`) and their
inner parts (`inner`: every suffix of five letters or more), so whether the corpus uses a word
is a look-up in a term dictionary, not a scan. Postings of a removed document leave the term
dictionaries when tantivy merges its segment: until then its words still count as known and
its terms still count in document frequencies, as in Lucene.
"""

from __future__ import annotations

import math
import shutil
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Literal

import tantivy

from assistant.domain import Chunk, SearchFilters
from assistant.errors import StoreBusyError
from assistant.retrieval.text import (
    TO_BOKMAAL,
    analyse,
    char_ngrams,
    content_words,
    stem,
    stems,
)
from indexing.chunking import document_key

Analyser = Literal["ngrams", "stems"]
# Bump when the schema or what goes into a field changes: the folder name carries it, so an
# index of another format is rebuilt rather than misread.
FORMAT = 3
# A query term this long that stands inside an indexed compound counts as known.
MIN_INNER_TERM = 5
# Shortest part a compound of the question is split into to be known by its parts.
MIN_COMPOUND_PART = 4
K1 = 1.2
B = 0.75
# The writer's memory budget: tantivy flushes a segment when it is full.
WRITER_HEAP = 32_000_000
_KEY_SEPARATOR = "\x1f"
IDF_CACHE = 100_000


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("chunk_id", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_text_field("doc_id", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("doc_key", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("kind", tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("year", indexed=True, fast=True)
    builder.add_text_field("terms", tokenizer_name="whitespace", index_option="freq")
    builder.add_text_field("stems", tokenizer_name="whitespace", index_option="basic")
    builder.add_text_field("inner", tokenizer_name="whitespace", index_option="basic")
    builder.add_text_field("words", tokenizer_name="whitespace", index_option="basic")
    return builder.build()


def index_folder(store_path: Path, collection: str, analyser: Analyser) -> Path:
    """The folder of the lexical index of a collection, beside its store."""
    return store_path / f"lexical-{collection}-{analyser}-v{FORMAT}"


def _standalone_words(text: str) -> set[str]:
    """The words a compound may split into (as `text.vocabulary_of` picks them)."""
    return {
        TO_BOKMAAL.get(word, word)
        for word in content_words(text)
        if len(word) >= 4 and word.isalpha()
    }


def _inner_parts(stem_set: Iterable[str]) -> set[str]:
    """Every suffix of at least MIN_INNER_TERM letters: a term stands inside a stem exactly
    when it begins one of them, so a prefix look-up answers a substring question."""
    return {stem[i:] for stem in stem_set for i in range(max(0, len(stem) - MIN_INNER_TERM + 1))}


class _IndexedWords:
    """The standalone words of the index (and of a batch being indexed), looked up on disk."""

    def __init__(self, searcher: tantivy.Searcher | None, extra: Container[str] = ()) -> None:
        self._searcher = searcher
        self._extra = extra

    def __contains__(self, word: object) -> bool:
        if word in self._extra:
            return True
        return (
            isinstance(word, str)
            and self._searcher is not None
            and self._searcher.doc_freq("words", word) > 0
        )


class LexicalIndex:
    """A BM25 index of chunks, on disk (or in memory for a one-off), updated per document."""

    def __init__(self, index: tantivy.Index, analyser: Analyser, folder: Path | None) -> None:
        self._index = index
        self._schema = index.schema
        self.analyser: Analyser = analyser
        self.folder = folder
        self._writer: tantivy.IndexWriter | None = None
        self._refresh()

    def _refresh(self) -> None:
        """Read the latest commit: requests see one snapshot until the next `commit`."""
        self._index.reload()
        self._reader = self._index.searcher()
        # The answerer asks for the same few idfs once per sentence it scores.
        self._idf: dict[str, float] = {}

    @classmethod
    def open(cls, folder: Path, analyser: Analyser = "ngrams") -> LexicalIndex:
        """Open the index in a folder, creating it (or replacing an unreadable one)."""
        folder.mkdir(parents=True, exist_ok=True)
        try:
            index = tantivy.Index(_schema(), path=str(folder), reuse=True)
        except ValueError:
            # Written by another schema or a broken write: the store can rebuild it.
            shutil.rmtree(folder)
            folder.mkdir(parents=True)
            index = tantivy.Index(_schema(), path=str(folder), reuse=True)
        return cls(index, analyser, folder)

    @classmethod
    def build(cls, chunks: Sequence[Chunk], analyser: Analyser = "ngrams") -> LexicalIndex:
        """An index in memory over the given chunks (for evaluation and tests)."""
        index = cls(tantivy.Index(_schema()), analyser, None)
        vocabulary = _IndexedWords(None, _vocabulary_of(chunks, analyser))
        for document_chunks in _by_document(chunks).values():
            index._add(document_chunks, vocabulary, document_key(document_chunks))
        index.commit()
        return index

    # -- analysis --

    def terms(self, text: str, vocabulary: Container[str]) -> list[str]:
        """Index terms of a text: character 4-grams, or stems (with compound parts)."""
        if self.analyser == "ngrams":
            return char_ngrams(text)
        return analyse(text, vocabulary)

    def query_terms(self, query: str) -> list[str]:
        """The analysed terms of a text, as this index analyses text."""
        return self.terms(query, _IndexedWords(self._searcher()))

    # -- writing --

    def replace(self, doc_id: str, chunks: Sequence[Chunk], key: str | None = None) -> None:
        """Stage a document's chunks in place of its earlier ones (visible after `commit`)."""
        self.remove(doc_id)
        if not chunks:
            return
        strangers = {c.doc_id for c in chunks} - {doc_id}
        if strangers:
            raise ValueError(
                f"chunks of {sorted(strangers)!r} were given as chunks of document {doc_id!r}: "
                "replace one document at a time"
            )
        vocabulary = _IndexedWords(self._searcher(), _vocabulary_of(chunks, self.analyser))
        self._add(chunks, vocabulary, key or document_key(chunks))

    def remove(self, doc_id: str) -> None:
        """Stage the removal of a document's chunks (done at `commit`)."""
        self._open_writer().delete_documents_by_term("doc_id", doc_id)

    def commit(self) -> None:
        """Make the staged changes durable and visible to searches, all at once."""
        if self._writer is None:
            return
        writer, self._writer = self._writer, None
        writer.commit()
        # Merging segments drops the postings of removed chunks; waiting also frees the writer.
        writer.wait_merging_threads()
        self._refresh()

    def rollback(self) -> None:
        """Drop the staged changes."""
        if self._writer is not None:
            writer, self._writer = self._writer, None
            writer.rollback()

    def sync(self, chunks: Iterable[Chunk]) -> int:
        """Bring the index in step with the given chunks (all of the store's); the number of
        documents replaced or removed. Unchanged documents are not touched."""
        by_document = _by_document(chunks)
        keys = {doc_id: document_key(found) for doc_id, found in by_document.items()}
        return self.sync_keys(keys, by_document.__getitem__)

    def sync_keys(
        self, keys: Mapping[str, str], chunks_of: Callable[[str], Sequence[Chunk]]
    ) -> int:
        """Bring the index in step with documents given by their keys (`document_key`), asking
        `chunks_of` for the chunks of those that changed only; the number replaced or removed.
        So a store that keeps the keys is checked without reading any chunk."""
        stale, gone = self.differences(keys)
        for doc_id in gone:
            self.remove(doc_id)
        for doc_id in stale:
            self.replace(doc_id, chunks_of(doc_id), keys[doc_id])
        self.commit()
        return len(stale) + len(gone)

    def differences(self, expected: Mapping[str, str]) -> tuple[list[str], list[str]]:
        """Given every document's key as the store has it: the documents to (re)index and
        those to remove. A store that keeps each document's `document_key` can so check the
        index at start-up without reading any chunk."""
        held = self.keys()
        stale = sorted(doc_id for doc_id, key in expected.items() if held.get(doc_id) != key)
        return stale, sorted(held.keys() - expected.keys())

    def keys(self) -> dict[str, str]:
        """The key of every indexed document, by document id."""
        # The filter counts live chunks only, so a removed document's key is not listed.
        found = self._searcher().terms_with_prefix("doc_key", "", filter_query=_ALL)
        return dict(term.split(_KEY_SEPARATOR, 1) for term, _ in found)

    def _open_writer(self) -> tantivy.IndexWriter:
        if self._writer is None:
            try:
                self._writer = self._index.writer(heap_size=WRITER_HEAP, num_threads=1)
            except ValueError as error:
                if "LockBusy" not in str(error):
                    raise
                raise StoreBusyError(
                    f"the lexical index at {str(self.folder)!r} is being written by another "
                    "process: let that indexing finish, or give each process its own store "
                    "folder (POLICY_ASSISTANT_STORE__PATH); the index follows the store at start"
                ) from None
        return self._writer

    def _add(self, chunks: Sequence[Chunk], vocabulary: Container[str], key: str) -> None:
        """Stage one document's chunks."""
        writer = self._open_writer()
        for position, chunk in enumerate(chunks):
            chunk_stems = stems(chunk.text)
            document = tantivy.Document(
                chunk_id=chunk.id,
                doc_id=chunk.doc_id,
                kind=chunk.kind,
                terms=" ".join(self.terms(chunk.text, vocabulary)),
                stems=" ".join(chunk_stems),
                inner=" ".join(_inner_parts(chunk_stems)),
            )
            if self.analyser == "stems":
                document.add_text("words", " ".join(_standalone_words(chunk.text)))
            if chunk.year is not None:
                document.add_integer("year", chunk.year)
            if position == 0:
                # One chunk per document carries the key: `keys` lists it from the dictionary.
                document.add_text("doc_key", f"{chunk.doc_id}{_KEY_SEPARATOR}{key}")
            writer.add_document(document)

    # -- reading --

    def _searcher(self) -> tantivy.Searcher:
        return self._reader

    def __len__(self) -> int:
        return int(self._searcher().num_docs)

    def idf(self, term: str) -> float:
        """Inverse document frequency of an analysed term (0 for unknown terms)."""
        known = self._idf.get(term)
        if known is not None:
            return known
        searcher = self._searcher()
        hits = searcher.doc_freq("terms", term)
        total = searcher.num_docs
        value = math.log(1 + (total - hits + 0.5) / (hits + 0.5)) if hits else 0.0
        if len(self._idf) > IDF_CACHE:
            self._idf = {}
        self._idf[term] = value
        return value

    def knows(self, stem: str) -> bool:
        """True when the stem occurs in the indexed text: alone, inside a compound, or as
        another inflection the stemmer left apart (same letters but the last two)."""
        searcher = self._searcher()
        if searcher.doc_freq("stems", stem) > 0:
            return True
        if len(stem) < MIN_INNER_TERM:
            return False
        if searcher.terms_with_prefix("inner", stem, limit=1):
            return True
        head = stem[: max(MIN_INNER_TERM, len(stem) - 2)]
        return bool(searcher.terms_with_prefix("stems", head, limit=1))

    def unknown_share(self, query: str) -> float:
        """Share of a query's content words that the indexed text never uses (0..1); a
        hyphenated word ("Storlia-planen") is known when each of its parts is, and so is a
        compound of two known words ("innkjøpspraksisen")."""
        terms = stems(query)
        if not terms:
            return 0.0
        return sum(not self.knows_word(term) for term in terms) / len(terms)

    def knows_word(self, term: str) -> bool:
        """Whether the indexed text uses a stemmed word: itself, each part of a hyphenated
        word, or the two words of a compound (see `unknown_share`)."""
        if self.knows(term):
            return True
        parts = [part for part in term.split("-") if part]
        if len(parts) > 1:
            return all(self.knows(stem(part)) for part in parts)
        return self._knows_compound(term)

    def _knows_compound(self, term: str) -> bool:
        """Whether a compound the text never uses whole ("innkjøpspraksisen") joins two
        words it does use, with or without a linking s or e between them."""
        for cut in range(MIN_COMPOUND_PART, len(term) - MIN_COMPOUND_PART + 1):
            head, tail = term[:cut], term[cut:]
            if not self.knows(stem(tail)):
                continue
            if self.knows(head) or (head[-1] in "se" and self.knows(head[:-1])):
                return True
        return False

    def search(
        self,
        query: str,
        k: int,
        filters: SearchFilters | None = None,
        added: str = "",
        added_weight: float = 1.0,
    ) -> list[tuple[str, float]]:
        """The k best chunk ids for a query with their BM25 scores, within the filters.

        `added`: further words matched too, each of their terms the query lacks counted
        with `added_weight`."""
        searcher = self._searcher()
        own = set(self.query_terms(query))
        more = set(self.query_terms(added)) - own if added else set()
        if not (own or more) or k <= 0:
            return []

        def clause(term: str, weight: float) -> tuple[tantivy.Occur, tantivy.Query]:
            query = tantivy.Query.term_query(self._schema, "terms", term)
            if weight != 1.0:
                query = tantivy.Query.boost_query(query, weight)
            return tantivy.Occur.Should, query

        matching = tantivy.Query.boolean_query(
            [clause(term, 1.0) for term in sorted(own)]
            + [clause(term, added_weight) for term in sorted(more) if added_weight > 0]
        )
        restriction = self._restriction(filters or SearchFilters())
        if restriction is not None:
            matching = tantivy.Query.boolean_query(
                [(tantivy.Occur.Must, matching), (tantivy.Occur.Must, restriction)]
            )
        result = searcher.search(matching, k, count=False)
        return [
            (str(searcher.doc(address)["chunk_id"][0]), float(score))
            for score, address in result.hits
        ]

    def _holding_all(self, text: str) -> list[tuple[tantivy.Occur, tantivy.Query]] | None:
        """Clauses a passage meets when it holds every term of the text; None for no terms."""
        terms = sorted(set(self.query_terms(text)))
        if not terms:
            return None
        return [
            (tantivy.Occur.Must, tantivy.Query.term_query(self._schema, "terms", term))
            for term in terms
        ]

    def documents_with(self, text: str, doc_ids: Iterable[str]) -> set[str]:
        """Those of the documents with a passage holding every term of the text (a name)."""
        clauses = self._holding_all(text)
        if clauses is None:
            return set()
        searcher = self._searcher()
        found: set[str] = set()
        for doc_id in dict.fromkeys(doc_ids):
            within = tantivy.Query.term_query(self._schema, "doc_id", doc_id)
            query = tantivy.Query.boolean_query([*clauses, (tantivy.Occur.Must, within)])
            if searcher.search(query, 1, count=False).hits:
                found.add(doc_id)
        return found

    def documents_naming(self, text: str, limit: int = 100) -> set[str] | None:
        """The documents with a passage holding every term of the text (a name); None when
        more than `limit` passages hold it (too common a name to single documents out)."""
        clauses = self._holding_all(text)
        if clauses is None:
            return set()
        searcher = self._searcher()
        hits = searcher.search(tantivy.Query.boolean_query(clauses), limit + 1, count=False).hits
        if len(hits) > limit:
            return None
        return {str(searcher.doc(address)["chunk_id"][0]).split(":", 1)[0] for _, address in hits}

    def _restriction(self, filters: SearchFilters) -> tantivy.Query | None:
        """The filters as a query that adds nothing to the score."""
        clauses: list[tantivy.Query] = []
        if filters.doc_ids is not None:
            clauses.append(tantivy.Query.term_set_query(self._schema, "doc_id", filters.doc_ids))
        if filters.kinds is not None:
            clauses.append(tantivy.Query.term_set_query(self._schema, "kind", filters.kinds))
        if filters.year_from is not None or filters.year_to is not None:
            clauses.append(
                tantivy.Query.range_query(
                    self._schema,
                    "year",
                    tantivy.FieldType.Integer,
                    filters.year_from if filters.year_from is not None else -(2**62),
                    filters.year_to if filters.year_to is not None else 2**62,
                )
            )
        if not clauses:
            return None
        both = tantivy.Query.boolean_query([(tantivy.Occur.Must, c) for c in clauses])
        return tantivy.Query.const_score_query(both, 0.0)


_ALL = tantivy.Query.all_query()


def _by_document(chunks: Iterable[Chunk]) -> dict[str, list[Chunk]]:
    by_document: dict[str, list[Chunk]] = defaultdict(list)
    for chunk in chunks:
        by_document[chunk.doc_id].append(chunk)
    return by_document


def _vocabulary_of(chunks: Sequence[Chunk], analyser: Analyser) -> frozenset[str]:
    """The standalone words of a batch, when the analyser splits compounds."""
    if analyser != "stems":
        return frozenset()
    return frozenset().union(*(_standalone_words(c.text) for c in chunks))


__all__ = ["Analyser", "LexicalIndex", "document_key", "index_folder"]
