"""Which lexical analysis helps BM25 on the bundled test set: an ablation that prints figures.

    python -m evals.benchmarks.lexical [--store DIR]

Indexes the corpus with the fake embedder (the lexical side does not depend on it), then runs
every answerable test question (follow-ups in their rule-based standalone form) through BM25
built with each analyser variant, and prints hit@1, hit@5 and MRR@10 per question language.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable, Container
from pathlib import Path
from typing import Literal

from assistant.conversation import rewrite
from assistant.domain import Chunk, Message
from assistant.retrieval import text as lexical
from assistant.retrieval.lexical import LexicalIndex
from assistant.settings import EmbedderSettings, Settings, StoreSettings
from evals.metrics import hit_rate_at_k, reciprocal_rank
from evals.testset import BUNDLED_TESTSET, load_testset
from evals.textnorm import contains_evidence
from indexing.embedders import FakeEmbedder
from indexing.pipeline import index_corpus
from indexing.store import open_store

Analyser = Callable[[str], list[str]]


def plain_stems(text: str) -> list[str]:
    """Snowball stems of content words, without nynorsk/Swedish folding."""
    return [
        str(lexical._STEMMER.stemWord(w))
        for w in lexical.words(text)
        if w not in lexical.STOPWORDS and not (w.isdigit() and len(w) < 4)
    ]


def folded_stems(text: str) -> list[str]:
    """The product's stems with folding but without compound splitting."""
    return lexical.analyse(text, None, decompound=False)


def build(
    chunks: list[Chunk], analyser: Analyser | None, product: Literal["ngrams", "stems"] = "stems"
) -> LexicalIndex:
    """The index for one variant (None: one of the product's own analysers)."""
    if analyser is None:
        return LexicalIndex.build(chunks, analyser=product)
    variant = analyser

    class VariantIndex(LexicalIndex):
        """BM25 whose text and queries go through the variant's analyser."""

        def terms(self, text: str, vocabulary: Container[str]) -> list[str]:
            return variant(text)

    return VariantIndex.build(chunks, analyser=product)


def main() -> None:
    """Print the ablation table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--testset", type=Path, default=BUNDLED_TESTSET)
    args = parser.parse_args()
    testset = load_testset(args.testset)
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            store=StoreSettings(path=Path(folder)), embedder=EmbedderSettings(backend="fake")
        )
        with open_store(settings, FakeEmbedder()) as store:
            index_corpus(settings, store)
            stored = store.all_chunks()
    chunks = {c.id: c.text for c in stored}
    variants: dict[str, LexicalIndex] = {
        "stems only": build(stored, plain_stems),
        "+ nynorsk/Swedish folding": build(stored, folded_stems),
        "+ folding + compound splitting": build(stored, None),
        "character 4-grams (+ folding)": build(stored, None, "ngrams"),
    }
    items = [item for item in testset.items if not item.unanswerable]
    print(f"{len(items)} answerable questions, {len(chunks)} chunks")
    print(f"{'variant':<34} {'lang':<4} {'hit@1':>6} {'hit@5':>6} {'MRR@10':>7}")
    for name, index in variants.items():
        for lang in ("all", "nb", "nn", "en", "sv"):
            chosen = [i for i in items if lang in ("all", i.lang)]
            hits1, hits5, rr = [], [], []
            for item in chosen:
                history = [Message(role=t.role, content=t.content) for t in item.history]
                query = rewrite(item.question, history)
                ranked = [cid for cid, _ in index.search(query, 10)]
                relevant = [contains_evidence(chunks[cid], item.evidence) for cid in ranked]
                hits1.append(hit_rate_at_k(relevant, 1))
                hits5.append(hit_rate_at_k(relevant, 5))
                rr.append(reciprocal_rank(relevant, 10))
            n = len(chosen)
            print(
                f"{name if lang == 'all' else '':<34} {lang:<4} {sum(hits1) / n:6.3f} "
                f"{sum(hits5) / n:6.3f} {sum(rr) / n:7.3f}"
            )


if __name__ == "__main__":
    main()
