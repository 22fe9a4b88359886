"""Load on a served instance: answer traffic from several clients while one hammers `/index`.

    python -m evals.benchmarks.load [--clients 6] [--seconds 30] [--rate-limit 0]

Copies the corpus folder and builds its index in a temporary folder, starts
`policy-assistant serve` on loopback with an admin key, then for a bounded time runs
`--clients` clients that each mix `/search`, `/ask` and `/chat/stream`, one client that sends
`POST /index` over and over (every other request without the key), and one that reads
`/health`. Prints, per endpoint, the requests served, p50/p95/p99 latency and the answers by
status. What should hold: no 5xx; every keyless `/index` is a 401; answer latency stays in the
same range while index jobs run (they have a thread of their own); `/health` stays fast.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import httpx

from assistant.settings import Settings
from evals.benchmarks.service import free_port, percentile, questions
from indexing.embedders import make_embedder
from indexing.pipeline import index_corpus
from indexing.store import open_store

KEY = "load-benchmark-key"


class Tally:
    """Latencies and statuses per endpoint, from several threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.statuses: dict[str, Counter[str]] = defaultdict(Counter)

    def add(self, name: str, status: str, milliseconds: float) -> None:
        """Record one request."""
        with self.lock:
            self.statuses[name][status] += 1
            if status.startswith("2"):
                self.latencies[name].append(milliseconds)

    def print(self, seconds: float) -> None:
        """The figures, one line per endpoint."""
        print(f"{'endpoint':<22}{'served':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}  by status")
        for name in sorted(self.statuses):
            served = self.latencies[name]
            figures = (
                "".join(f"{percentile(served, q):9.0f}" for q in (0.5, 0.95, 0.99))
                if served
                else f"{'-':>9}" * 3
            )
            statuses = ", ".join(f"{s}: {n}" for s, n in sorted(self.statuses[name].items()))
            print(f"{name:<22}{len(served):>8}{figures}  {statuses}")
        total = sum(sum(c.values()) for c in self.statuses.values())
        errors = sum(n for c in self.statuses.values() for s, n in c.items() if s[0] in "5x")
        rate = total / seconds
        print(f"{total} requests in {seconds:.0f} s ({rate:.1f}/s); 5xx or failed: {errors}")


def timed(tally: Tally, name: str, send: Callable[[], httpx.Response]) -> httpx.Response | None:
    """Send one request and record it (`exc` when it did not complete)."""
    began = time.perf_counter()
    try:
        response = send()
    except httpx.HTTPError as error:
        tally.add(name, f"exc {type(error).__name__}", 0)
        return None
    tally.add(name, str(response.status_code), (time.perf_counter() - began) * 1000)
    return response


def stream(http: httpx.Client, body: dict[str, Any]) -> httpx.Response:
    """One streamed answer, read to its end."""
    with http.stream("POST", "/chat/stream", json=body) as response:
        response.read()
        return response


def answer_client(url: str, asked: list[str], offset: int, until: float, tally: Tally) -> None:
    """Search, ask and stream in turn until the time is up."""
    with httpx.Client(base_url=url, timeout=120) as http:
        turn = offset
        while time.monotonic() < until:
            question = asked[turn % len(asked)]
            kind = turn % 3
            if kind == 0:
                timed(
                    tally, "POST /search", partial(http.post, "/search", json={"query": question})
                )
            elif kind == 1:
                timed(tally, "POST /ask", partial(http.post, "/ask", json={"question": question}))
            else:
                body = {"messages": [{"role": "user", "content": question}]}
                timed(tally, "POST /chat/stream", partial(stream, http, body))
            turn += 1


def index_client(url: str, until: float, tally: Tally) -> Counter[str]:
    """POST /index with and without the key until the time is up; the jobs' final states."""
    jobs: set[str] = set()
    with httpx.Client(base_url=url, timeout=120) as http:
        turn = 0
        while time.monotonic() < until:
            keyed = turn % 2 == 0
            headers = {"Authorization": f"Bearer {KEY}"} if keyed else {}
            name = "POST /index (key)" if keyed else "POST /index (no key)"
            response = timed(tally, name, partial(http.post, "/index", json={}, headers=headers))
            if response is not None and response.status_code == 202:
                jobs.add(response.json()["id"])
            turn += 1
            time.sleep(0.05)
        states: Counter[str] = Counter()
        for job_id in jobs:
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline:
                # The service remembers the latest finished jobs only: 404 is one done long ago.
                state = http.get(f"/index/jobs/{job_id}").json().get("state", "forgotten")
                if state not in ("queued", "running"):
                    states[state] += 1
                    break
                time.sleep(0.5)
    return states


def health_client(url: str, until: float, tally: Tally) -> None:
    """Read /health twice a second."""
    with httpx.Client(base_url=url, timeout=30) as http:
        while time.monotonic() < until:
            timed(tally, "GET /health", partial(http.get, "/health"))
            time.sleep(0.5)


def serve(folder: Path, corpus: Path, rate_limit: int) -> tuple[subprocess.Popen[bytes], str]:
    """Start `policy-assistant serve` on the copy; its process and URL once ready."""
    port = free_port()
    env = {
        **os.environ,
        "POLICY_ASSISTANT_STORE__PATH": str(folder / "store"),
        "POLICY_ASSISTANT_CORPUS__FOLDER": str(corpus),
        "POLICY_ASSISTANT_API__ADMIN_KEY": KEY,
        "POLICY_ASSISTANT_API__RATE_LIMIT_PER_MINUTE": str(rate_limit),
    }
    command = [sys.executable, "-m", "assistant", "serve", "--port", str(port)]
    server = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/ready", timeout=1).status_code == 200:
                return server, url
        except httpx.HTTPError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not become ready")


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=6, help="answering clients")
    parser.add_argument("--seconds", type=float, default=30, help="how long the load lasts")
    parser.add_argument(
        "--rate-limit", type=int, default=0, help="api.rate_limit_per_minute (0: off)"
    )
    args = parser.parse_args()
    asked = questions()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        corpus = Path(shutil.copytree(Settings().corpus.folder, folder / "corpus"))
        settings = Settings(corpus={"folder": corpus}, store={"path": folder / "store"})
        with open_store(settings, make_embedder(settings.embedder)) as store:
            index_corpus(settings, store)
        server, url = serve(folder, corpus, args.rate_limit)
        try:
            tally = Tally()
            began = time.monotonic()
            until = began + args.seconds
            threads = [
                threading.Thread(target=answer_client, args=(url, asked, n, until, tally))
                for n in range(args.clients)
            ]
            threads.append(threading.Thread(target=health_client, args=(url, until, tally)))
            finished: list[Counter[str]] = []
            threads.append(
                threading.Thread(target=lambda: finished.append(index_client(url, until, tally)))
            )
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            seconds = time.monotonic() - began
            print(
                f"{args.clients} answering clients, 1 index client, 1 health reader, "
                f"{args.seconds:.0f} s, rate limit {args.rate_limit or 'off'}"
            )
            tally.print(seconds)
            states = finished[0] if finished else Counter()
            summary = ", ".join(f"{state} {n}" for state, n in sorted(states.items()))
            print(f"index jobs (identical waiting requests share one): {summary or 'none'}")
        finally:
            server.terminate()
            server.wait(timeout=60)


if __name__ == "__main__":
    main()
