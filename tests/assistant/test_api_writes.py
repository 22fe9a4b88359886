"""Writes over HTTP: the admin key, index jobs, uploads and deletions, on a real server.

Each test serves its own small corpus (Markdown written by the test, the fake embedder) from
a temporary folder, so writes never touch the paper's index or the live corpus folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import docx
import httpx
import pytest

from assistant.api import create_app
from assistant.client import ServiceClient
from assistant.domain import IndexSummary
from assistant.errors import AuthenticationError, InvalidRequestError
from assistant.jobs import Progress
from assistant.service import Assistant
from assistant.settings import Settings
from tests.helpers import ROOT, ServerThread, make_settings, note, small_corpus
from tests.pdf_factory import write_pdf

KEY = "correct horse battery staple"
AUTH = {"Authorization": f"Bearer {KEY}"}


def service_settings(tmp_path: Path, **api: Any) -> Settings:
    corpus = small_corpus(tmp_path / "corpus")
    return make_settings(
        tmp_path / "store",
        corpus,
        embedder={"backend": "fake"},
        api={"admin_key": KEY, "rate_limit_per_minute": 0, **api},
    )


class GatedAssistant(Assistant):
    """The real assistant, whose index jobs pause before their second file until let through."""

    gate: threading.Event

    def reindex(
        self,
        paths: list[Path] | None = None,
        rebuild: bool = False,
        progress: Progress | None = None,
    ) -> IndexSummary:
        def gated(files: Iterable[Path]) -> Iterator[Path]:
            for number, path in enumerate(progress(files) if progress else files):
                if number == 1:
                    self.gate.wait(30)
                yield path

        return super().reindex(paths, rebuild, gated)


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """Start a server over a fresh small corpus; returns (client, settings)."""
    started: list[tuple[httpx.Client, ServerThread, Assistant]] = []

    def start(assistant_type: type[Assistant] = Assistant, **api: Any) -> Any:
        settings = service_settings(tmp_path, **api)
        assistant = assistant_type.open(settings, {"command": "pytest"})
        server = ServerThread(create_app(settings, assistant))
        server.__enter__()
        client = httpx.Client(base_url=server.url, timeout=30)
        started.append((client, server, assistant))
        finish(client, client.post("/index", headers=AUTH, json={}))
        return client, settings, assistant

    yield start
    for client, server, assistant in started:
        client.close()
        server.__exit__()
        assistant.close()


def finish(client: httpx.Client, response: httpx.Response) -> dict[str, Any]:
    """Wait for the job a 202 answer points to; its final state."""
    assert response.status_code == 202, response.text
    location = response.headers["location"]
    deadline = time.monotonic() + 60
    while True:
        job = client.get(location).json()
        if job["state"] not in ("queued", "running"):
            return dict(job)
        assert time.monotonic() < deadline, job
        time.sleep(0.05)


def doc_ids(client: httpx.Client) -> set[str]:
    return {d["id"] for d in client.get("/documents").json()}


def assert_problem(response: httpx.Response, status: int, needle: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status and needle in problem["detail"], problem
    return dict(problem)


def test_writes_need_the_admin_key_and_without_it_nothing_changes(
    serve: Callable[..., Any],
) -> None:
    client, settings, _ = serve()
    latest = client.get("/index/jobs/latest").json()["id"]
    corpus = settings.corpus.folder
    before = sorted(p.name for p in corpus.iterdir())
    upload = {"file": ("gamma.md", note("innovasjon").encode(), "text/markdown")}
    refused = [
        client.post("/index", json={"rebuild": True}),
        client.post("/index", json={"rebuild": True}, headers={"Authorization": "Bearer wrong"}),
        client.post("/index", json={}, headers={"X-API-Key": KEY[:-1]}),
        client.post("/documents", files=upload),
        client.delete("/documents/alpha"),
        client.delete("/documents/alpha", headers={"Authorization": f"Basic {KEY}"}),
    ]
    for response in refused:
        assert_problem(response, 401, "POLICY_ASSISTANT_API__ADMIN_KEY")
        assert response.headers["www-authenticate"].startswith("Bearer")
    assert client.get("/index/jobs/latest").json()["id"] == latest, "no job was queued"
    assert sorted(p.name for p in corpus.iterdir()) == before
    assert doc_ids(client) == {"alpha", "beta"}
    # The key is checked before the body is read: an oversized body still gets 401, not 413.
    huge = b'{"paths": ["' + b"x" * 3_000_000 + b'"]}'
    assert client.post("/index", content=huge).status_code == 401
    # Either header carries the key.
    assert finish(client, client.post("/index", json={}, headers={"X-API-Key": KEY}))["state"] == (
        "done"
    )


def test_with_no_admin_key_set_writes_over_http_are_off(http: httpx.Client) -> None:
    for response in (
        http.post("/index", json={"rebuild": True}),
        http.post("/index", json={}, headers=AUTH),
        http.delete("/documents/stene-morkved-2019", headers=AUTH),
    ):
        assert_problem(response, 403, "POLICY_ASSISTANT_API__ADMIN_KEY")
    assert http.get("/ready").json()["documents"] == 1


def test_an_index_job_runs_beside_reads_reports_progress_and_queues_the_next(
    serve: Callable[..., Any],
) -> None:
    GatedAssistant.gate = threading.Event()
    GatedAssistant.gate.set()
    client, _, _ = serve(GatedAssistant, index_queue=1)
    GatedAssistant.gate.clear()
    try:
        running = client.post("/index", json={"rebuild": True}, headers=AUTH)
        assert running.status_code == 202
        job = running.json()
        assert running.headers["location"] == f"/index/jobs/{job['id']}"
        deadline = time.monotonic() + 30
        while (client.get("/health").json()["indexing"] or {}).get("files_done") != 1:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        health = client.get("/health").json()["indexing"]
        assert health["job_id"] == job["id"] and health["files_total"] == 2
        assert health["current_file"] == "beta.md" and health["rebuild"] is True
        assert client.get("/ready").json()["indexing"]["job_id"] == job["id"]
        # Reads are served while the job runs: it has a thread of its own.
        assert client.post("/search", json={"query": "samstyring"}).status_code == 200
        # One more job may wait (api.index_queue=1); an identical request joins it.
        queued = client.post("/index", json={}, headers=AUTH)
        assert queued.status_code == 202 and queued.json()["state"] == "queued"
        assert client.post("/index", json={}, headers=AUTH).json()["id"] == queued.json()["id"]
        full = client.post("/index", json={"paths": ["alpha.md"]}, headers=AUTH)
        assert_problem(full, 409, "api.index_queue")
    finally:
        GatedAssistant.gate.set()
    done = finish(client, running)
    assert done["state"] == "done" and done["files_done"] == done["files_total"] == 2
    assert set(done["summary"]["indexed"]) == {"alpha", "beta"}
    assert finish(client, queued)["state"] == "done"
    assert client.get("/health").json()["indexing"] is None
    assert_problem(client.get("/index/jobs/no-such-job"), 404, "no-such-job")


def test_index_paths_never_reveal_files_outside_the_corpus_nor_index_its_readme(
    serve: Callable[..., Any], tmp_path: Path
) -> None:
    client, settings, _ = serve()
    secret = tmp_path / "secret.md"
    secret.write_text(note("hemmeligheter"))
    missing = tmp_path / "missing.md"
    answers = [
        client.post("/index", json={"paths": [str(path)]}, headers=AUTH).json()["detail"]
        for path in (secret, missing)
    ]
    assert answers[0].replace(str(secret), "PATH") == answers[1].replace(str(missing), "PATH")
    for name in ("README.md", str(settings.corpus.folder / "README.md"), "catalogue.yaml"):
        response = client.post("/index", json={"paths": [name]}, headers=AUTH)
        assert_problem(response, 422, "never indexed")
    assert finish(client, client.post("/index", json={"paths": ["beta.md"]}, headers=AUTH))[
        "summary"
    ]["unchanged"] == ["beta"]
    assert doc_ids(client) == {"alpha", "beta"}


def test_uploaded_documents_are_kept_in_the_corpus_folder_and_indexed(
    serve: Callable[..., Any], tmp_path: Path
) -> None:
    client, settings, _ = serve()
    corpus = settings.corpus.folder
    pdf = write_pdf(
        tmp_path / "x.pdf", [["## 1 Innledning", "Kommunen som vertskap for bedrifter."]]
    )
    word = docx.Document()
    word.add_heading("1 Innledning", level=1)
    word.add_paragraph("Kommunen som tilrettelegger for gründere.")
    word.save(str(tmp_path / "x.docx"))
    uploads = {
        "../../Vertskap rapport.pdf": pdf.read_bytes(),
        "C:\\Users\\kari\\gründer notat.docx": (tmp_path / "x.docx").read_bytes(),
        "nettverk.md": note("nettverk og klynger").encode(),
    }
    stored = []
    for name, data in uploads.items():
        response = client.post("/documents", files={"file": (name, data)}, headers=AUTH)
        change = response.json()
        assert finish(client, response)["state"] == "done", change
        stored.append(change["file"])
    assert stored == ["Vertskap rapport.pdf", "gründer notat.docx", "nettverk.md"]
    assert all((corpus / name).is_file() for name in stored), "the originals are kept"
    assert not (tmp_path.parent / "Vertskap rapport.pdf").exists(), "no path leaves the folder"
    assert len(doc_ids(client)) == 5
    hits = client.post("/search", json={"query": "nettverk og klynger", "mode": "bm25"}).json()
    assert hits["results"] and "klynger" in hits["results"][0]["text"]
    same = client.post(
        "/documents", files={"file": ("nettverk.md", b"# Ny\n\nTekst.\n")}, headers=AUTH
    )
    assert_problem(same, 422, "replace=true")


@pytest.mark.parametrize(
    ("name", "data", "needle"),
    [
        ("notat.pdf", b"# not a PDF at all\n", "not a PDF"),
        ("notat.docx", b"PK\x03\x04 a zip that is not one", "not a Word document"),
        ("notat.md", "Kommunen og næringslivet".encode("latin-1"), "not UTF-8"),
        ("notat.txt", b"", "empty"),
        (".skjult.md", b"# Hidden\n", "hidden"),
        ("README.md", b"# Readme\n", "never indexed"),
        ("catalogue.md", b"# Katalog\n", "never indexed"),
        ("program.exe", b"MZ", "kind of document"),
    ],
)
def test_uploads_are_checked_by_content_and_name(
    serve: Callable[..., Any], name: str, data: bytes, needle: str
) -> None:
    client, settings, _ = serve()
    before = sorted(p.name for p in settings.corpus.folder.iterdir())
    response = client.post("/documents", files={"file": (name, data)}, headers=AUTH)
    assert_problem(response, 422, needle)
    assert sorted(p.name for p in settings.corpus.folder.iterdir()) == before


def test_an_upload_over_the_size_cap_is_413(serve: Callable[..., Any]) -> None:
    client, settings, _ = serve(max_upload_bytes=4096)
    big = ("# Stor\n\n" + "Kommunen er en aktør. " * 2000).encode()
    response = client.post("/documents", files={"file": ("stor.md", big)}, headers=AUTH)
    assert_problem(response, 413, "api.max_upload_bytes")
    assert not (settings.corpus.folder / "stor.md").exists()


def test_deleting_a_document_removes_its_file_and_index_entry_but_not_its_catalogue_entry(
    serve: Callable[..., Any],
) -> None:
    client, settings, _ = serve()
    catalogue = settings.catalogue_path.read_bytes()
    response = client.delete("/documents/alpha", headers=AUTH)
    change = response.json()
    assert (
        change["file"] == "alpha.md"
        and "catalogue.yaml still has entry 'alpha'" in (change["notice"])
    )
    assert finish(client, response)["summary"]["removed"] == ["alpha"]
    assert not (settings.corpus.folder / "alpha.md").exists()
    assert settings.catalogue_path.read_bytes() == catalogue
    assert doc_ids(client) == {"beta"}
    assert_problem(client.delete("/documents/alpha", headers=AUTH), 404, "alpha")


def test_the_cli_indexes_through_a_running_service_with_the_key_and_shows_progress(
    tmp_path: Path,
) -> None:
    settings = service_settings(tmp_path)
    owner: dict[str, Any] = {"command": "pytest"}
    server = ServerThread(create_app(settings, owner=owner))
    owner["url"] = server.url
    environment = {
        **os.environ,
        "POLICY_ASSISTANT_CORPUS__FOLDER": str(settings.corpus.folder),
        "POLICY_ASSISTANT_STORE__PATH": str(settings.store.path),
        "POLICY_ASSISTANT_EMBEDDER__BACKEND": "fake",
    }

    def index(**extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "assistant", "index"],
            env={**environment, **extra},
            capture_output=True,
            text=True,
            timeout=120,
            cwd=ROOT,
        )

    with server:
        without = index()
        assert without.returncode == 2
        assert "POLICY_ASSISTANT_API__ADMIN_KEY" in without.stderr
        assert "stop the service" in without.stderr
        done = index(POLICY_ASSISTANT_API__ADMIN_KEY=KEY)
        assert done.returncode == 0, done.stderr
        assert "Indexed 2 document(s)" in done.stdout
        assert "indexed 2/2 files" in done.stderr


def test_the_client_sends_the_key_follows_the_job_and_names_refusals(
    serve: Callable[..., Any],
) -> None:
    client, _, _ = serve()
    url = str(client.base_url)
    seen: list[str] = []
    with ServiceClient(url, admin_key=KEY) as keyed:
        summary = keyed.index(["beta.md"], on_progress=lambda job: seen.append(job.state))
    assert summary.unchanged == ["beta"] and seen[-1] == "done"
    with ServiceClient(url) as anonymous, pytest.raises(AuthenticationError, match="ADMIN_KEY"):
        anonymous.index()
    with ServiceClient(url, admin_key="wrong") as wrong, pytest.raises(AuthenticationError):
        wrong.start_index(rebuild=True)
    with ServiceClient(url, admin_key=KEY) as keyed, pytest.raises(InvalidRequestError):
        keyed.index(["/etc/hostname"])
