"""A store this user may only read: every reading command and the service's reads work, every
write fails with one clear line and no traceback, and nothing is left behind.

The store is made read-only by its permissions (``chmod -R a-w``). Root ignores permissions, so
when the tests run as root the commands run as root without the capabilities that override
them (``setpriv`` drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH): the same checks and the same
refusals from the file system as for any other user.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from indexing.embedders import FakeEmbedder
from indexing.pipeline import index_corpus
from indexing.store import open_store
from tests.helpers import ROOT, free_port, make_settings

KEY = "read-only-admin-key"
TEXT = (
    "# 1 Brobygger\n\nKommunen skal være brobygger mellom næringsliv og forvaltning. "
    "Som brobygger kobler kommunen bedrifter med kunnskapsmiljøer i regionen.\n"
)


def as_this_user() -> list[str]:
    """What makes a process subject to file permissions, as root is not."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.fail("setpriv (util-linux) is needed to test permissions as root")
    dropped = "-dac_override,-dac_read_search"
    return ["setpriv", f"--bounding-set={dropped}", f"--inh-caps={dropped}"]


def set_writable(folder: Path, writable: bool) -> None:
    for path in (folder, *folder.rglob("*")):
        mode = path.stat().st_mode
        path.chmod(mode | 0o200 if writable else mode & ~0o222)


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """An indexed store made read-only by its permissions, and the settings to reach it."""
    folder = tmp_path_factory.mktemp("read-only")
    corpus = folder / "corpus"
    corpus.mkdir()
    (corpus / "notat.md").write_text(TEXT, encoding="utf-8")
    settings = make_settings(
        folder / "store", corpus, embedder={"backend": "fake"}, store={"chroma_url": None}
    )
    with open_store(settings, FakeEmbedder()) as store:
        assert index_corpus(settings, store).ok
    scratch = folder / "tmp"
    scratch.mkdir()
    set_writable(settings.store.path, False)
    yield {
        "POLICY_ASSISTANT_CORPUS__FOLDER": str(corpus),
        "POLICY_ASSISTANT_STORE__PATH": str(settings.store.path),
        "POLICY_ASSISTANT_EMBEDDER__BACKEND": "fake",
        "POLICY_ASSISTANT_ANSWER__MIN_SUPPORT": "0",
        "POLICY_ASSISTANT_API__ADMIN_KEY": KEY,
        "POLICY_ASSISTANT_API__RATE_LIMIT_PER_MINUTE": "0",
        "TMPDIR": str(scratch),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
    }
    set_writable(settings.store.path, True)


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*as_this_user(), sys.executable, "-m", "assistant", *args],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_the_store_really_is_read_only_to_the_commands(environment: dict[str, str]) -> None:
    probe = Path(environment["POLICY_ASSISTANT_STORE__PATH"]) / "probe"
    done = subprocess.run(
        [*as_this_user(), sys.executable, "-c", f"open({str(probe)!r}, 'w')"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode != 0 and "Permission denied" in done.stderr


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (("documents",), "notat"),
        (("references",), "0 references"),
        (("search", "brobygger"), "[1] Notat — 1 Brobygger"),
        (("ask", "Hva betyr det at kommunen skal være brobygger?"), "Kilder:"),
    ],
)
def test_every_reading_command_works_on_a_read_only_store(
    environment: dict[str, str], args: tuple[str, ...], shown: str
) -> None:
    done = run(*args, env=environment)
    assert done.returncode == 0, done.stderr
    assert shown in done.stdout
    assert "Traceback" not in done.stderr
    assert not list(Path(environment["TMPDIR"]).iterdir()), "the store's copy is removed"


def test_indexing_a_read_only_store_fails_with_one_clear_line(
    environment: dict[str, str],
) -> None:
    done = run("index", env=environment)
    assert done.returncode == 2
    [line] = done.stderr.strip().splitlines()
    assert "read-only" in line and environment["POLICY_ASSISTANT_STORE__PATH"] in line
    assert "searching and answering still work" in line


@pytest.fixture(scope="module")
def service(environment: dict[str, str]) -> Iterator[str]:
    """`policy-assistant serve` on the read-only store."""
    port = free_port()
    process = subprocess.Popen(
        [*as_this_user(), sys.executable, "-m", "assistant", "serve", "--port", str(port)],
        env=environment, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"{url}/ready", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.3)
    assert process.poll() is None, process.stderr.read() if process.stderr else ""
    yield url
    process.terminate()
    _, errors = process.communicate(timeout=30)
    assert "Traceback" not in errors


def test_the_service_answers_from_a_read_only_store_and_refuses_writes_in_one_line(
    service: str, environment: dict[str, str]
) -> None:
    with httpx.Client(base_url=service, timeout=60) as http:
        assert [d["id"] for d in http.get("/documents").json()] == ["notat"]
        answer = http.post("/ask", json={"question": "Hva er kommunen som brobygger?"}).json()
        assert answer["grounded"] and answer["citations"]
        key = {"Authorization": f"Bearer {KEY}"}
        writes = [
            http.post("/index", json={}, headers=key),
            http.delete("/documents/notat", headers=key),
            http.post("/documents", files={"file": ("ny.md", TEXT.encode())}, headers=key),
        ]
    for refused in writes:
        assert refused.status_code == 503
        assert refused.headers["content-type"].startswith("application/problem+json")
        detail = refused.json()["detail"]
        assert "read-only" in detail and "\n" not in detail
    corpus = Path(environment["POLICY_ASSISTANT_CORPUS__FOLDER"])
    assert sorted(p.name for p in corpus.iterdir()) == ["notat.md"], "nothing changed"
