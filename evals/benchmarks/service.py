"""Warm latency of /search and /ask, throughput under concurrent clients, and memory.

    python -m evals.benchmarks.service [--requests N] [--clients C]

Builds an index of the corpus in a temporary store, measures the assistant in process, then
starts `policy-assistant serve` on loopback and measures it over HTTP with several clients,
reading the server's resident memory from /proc. Targets: /search p50 within twice the
query-embedding time; /ask (extractive) p95 under 250 ms; resident memory under 1 GB.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

import httpx

from assistant.domain import Message
from assistant.service import Assistant
from assistant.settings import Settings, StoreSettings
from indexing.embedders import make_embedder
from indexing.pipeline import index_corpus
from indexing.store import open_store

TESTSET = Path("evals/testsets/policy_paper.yaml")
FALLBACK_QUESTIONS = [
    "Hva betyr det at kommunen skal være brobygger?",
    "Kva rolle kan kommunen ha som playmaker?",
    "What does the paper say about public procurement?",
    "Vad säger rapporten om samstyrning?",
    "Who won the 2018 World Cup?",
]


def questions() -> list[str]:
    """The bundled test set's questions, or a few fixed ones."""
    try:
        from evals.testset import load_testset

        return [item.question for item in load_testset(TESTSET).items]
    except Exception:  # the benchmark still runs without the evaluator
        return FALLBACK_QUESTIONS


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


def timed(call: Callable[[], object]) -> float:
    """Milliseconds one call takes."""
    began = time.perf_counter()
    call()
    return (time.perf_counter() - began) * 1000


def report(name: str, values: list[float]) -> None:
    """One line of figures."""
    print(
        f"{name:<40} p50 {percentile(values, 0.5):7.1f} ms   p95 {percentile(values, 0.95):7.1f} ms"
        f"   mean {statistics.mean(values):7.1f} ms   n={len(values)}"
    )


def in_process(settings: Settings, asked: list[str], requests: int) -> float:
    """Latency inside the process; returns the embedder's median query time."""
    assistant = Assistant.open(settings)
    try:
        assistant.warm_up()
        picks = [asked[i % len(asked)] for i in range(requests)]
        for q in picks[:5]:
            assistant.chat([Message(role="user", content=q)])
        embed = [timed(partial(assistant.store.embedder.embed_query, q)) for q in picks]
        search = [timed(partial(assistant.search, q)) for q in picks]
        ask = [timed(partial(assistant.chat, [Message(role="user", content=q)])) for q in picks]
    finally:
        assistant.close()
    print("in process")
    report("  embedder: one query", embed)
    report("  search", search)
    report("  ask (extractive)", ask)
    return percentile(embed, 0.5)


def free_port() -> int:
    """A free loopback port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def resident_mb(pid: int) -> tuple[float, float]:
    """Current and peak resident memory of a process, in MB."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def over_http(store: Path, asked: list[str], requests: int, clients: int) -> None:
    """Latency and throughput of a served instance with concurrent clients."""
    port = free_port()
    # Throughput is measured, not the per-client rate limit (one client address sends it all).
    env = {
        **os.environ,
        "POLICY_ASSISTANT_STORE__PATH": str(store),
        "POLICY_ASSISTANT_API__RATE_LIMIT_PER_MINUTE": "0",
    }
    command = [sys.executable, "-m", "assistant", "serve", "--port", str(port)]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/ready", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise SystemExit("the server did not become ready")
        with httpx.Client(base_url=url, timeout=60) as http:
            for q in asked[:5]:
                http.post("/ask", json={"question": q})

            def run(path: str, key: str) -> tuple[list[float], float]:
                picks = [asked[i % len(asked)] for i in range(requests)]
                began = time.perf_counter()
                with ThreadPoolExecutor(clients) as pool:
                    latencies = list(
                        pool.map(
                            lambda q: timed(
                                lambda: http.post(path, json={key: q}).raise_for_status()
                            ),
                            picks,
                        )
                    )
                return latencies, requests / (time.perf_counter() - began)

            print(f"over HTTP, {clients} concurrent clients")
            for path, key in (("/search", "query"), ("/ask", "question")):
                latencies, rate = run(path, key)
                report(f"  {path}", latencies)
                print(f"  {path:<38} {rate:7.1f} requests/s")
        rss, peak = resident_mb(server.pid)
        print(f"server resident memory: {rss:.0f} MB now, {peak:.0f} MB peak")
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()
    asked = questions()
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(store=StoreSettings(path=Path(folder)))
        with open_store(settings, make_embedder(settings.embedder)) as store:
            index_corpus(settings, store)
        embed_p50 = in_process(settings, asked, args.requests)
        print(f"target: search p50 within 2 x embed p50 = {2 * embed_p50:.1f} ms")
        over_http(Path(folder), asked, args.requests, args.clients)


if __name__ == "__main__":
    main()
