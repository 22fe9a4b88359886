"""Adding a document from the library page: the key is sent, the index job is followed to its end.

The service's upload endpoint answers 202 with the document and its index job, and a `Location`
to follow the job at. A small loopback service with that protocol stands in for it here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from assistant.client import ServiceClient
from tests.helpers import ServerThread
from ui.client import accepts_uploads, progress_text, upload_document

KEY = "s3cret-admin-key"


class JobService:
    """Accepts uploads with the right key; the job runs for two polls, then ends as told."""

    def __init__(self, outcome: str) -> None:
        self.outcome = outcome
        self.uploaded: list[bytes] = []
        self.polls = 0

    def app(self) -> Starlette:
        async def upload(request: Request) -> JSONResponse:
            if request.headers.get("authorization") != f"Bearer {KEY}":
                return JSONResponse({"detail": "a valid admin key is needed"}, status_code=401)
            self.uploaded.append(await request.body())
            job = {"id": "j1", "state": "queued", "files_done": 0, "files_total": None}
            body = {"file": "ny.md", "doc_id": None, "notice": "not in catalogue.yaml", "job": job}
            return JSONResponse(body, status_code=202, headers={"Location": "/index/jobs/j1"})

        async def job(request: Request) -> JSONResponse:
            self.polls += 1
            state = "running" if self.polls < 3 else self.outcome
            error = "ny.md: no text could be read" if state == "failed" else None
            return JSONResponse(
                {
                    "id": "j1",
                    "state": state,
                    "files_done": 0,
                    "files_total": 1,
                    "current_file": "ny.md",
                    "error": error,
                }
            )

        async def schema(request: Request) -> JSONResponse:
            return JSONResponse({"paths": {"/documents": {"get": {}, "post": {}}}})

        return Starlette(
            routes=[
                Route("/documents", upload, methods=["POST"]),
                Route("/index/jobs/j1", job),
                Route("/openapi.json", schema),
                Route("/health", lambda r: JSONResponse({"status": "ok"})),
            ]
        )


@pytest.fixture
def service(request: pytest.FixtureRequest) -> Iterator[tuple[JobService, ServiceClient]]:
    fake = JobService(getattr(request, "param", "done"))
    with ServerThread(fake.app()) as server, ServiceClient(server.url) as client:
        yield fake, client


def test_an_upload_is_followed_until_its_job_is_done(
    service: tuple[JobService, ServiceClient],
) -> None:
    fake, client = service
    assert accepts_uploads(client)
    seen: list[dict[str, Any]] = []
    outcome = upload_document(client, "ny.md", b"# Ny\\n\\nTekst.", KEY, seen.append, 0.01)
    assert outcome.supported and outcome.done and not outcome.failed
    assert outcome.notice == "not in catalogue.yaml"
    assert b"# Ny" in fake.uploaded[0] and b'filename="ny.md"' in fake.uploaded[0]
    assert [job["state"] for job in seen] == ["queued", "running", "running"]
    assert progress_text(seen[-1]) == "running · 0/1 · ny.md"


@pytest.mark.parametrize("service", ["failed"], indirect=True)
def test_a_failed_job_says_why(service: tuple[JobService, ServiceClient]) -> None:
    _, client = service
    outcome = upload_document(client, "ny.md", b"x", KEY, poll_seconds=0.01)
    assert outcome.failed and outcome.detail == "ny.md: no text could be read"


def test_a_wrong_key_is_refused_with_the_service_words(
    service: tuple[JobService, ServiceClient],
) -> None:
    fake, client = service
    outcome = upload_document(client, "ny.md", b"x", "wrong", poll_seconds=0.01)
    assert outcome.failed and outcome.detail == "a valid admin key is needed"
    assert not fake.uploaded


def test_an_upload_through_the_real_service_is_indexed_and_listed(tmp_path: Any) -> None:
    from assistant.api import create_app
    from assistant.service import Assistant
    from indexing.embedders import FakeEmbedder
    from indexing.pipeline import index_corpus
    from indexing.store import open_store
    from tests.helpers import make_settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "alpha.md").write_text("# 1 Innledning\n\nKommunen er forvalter.\n", "utf-8")
    settings = make_settings(
        tmp_path / "store",
        corpus,
        embedder={"backend": "fake"},
        api={"admin_key": KEY, "rate_limit_per_minute": 0},
    )
    with open_store(settings, FakeEmbedder()) as store:  # a library in use, as after make run
        assert index_corpus(settings, store).ok
    assistant = Assistant.open(settings, {"command": "pytest"})
    text = "# 1 Innledning\n\nKommunen er brobygger mellom næringsliv og frivillighet.\n"
    seen: list[dict[str, Any]] = []
    try:
        with ServerThread(create_app(settings, assistant)) as server:
            client = ServiceClient(server.url)
            assert accepts_uploads(client)
            outcome = upload_document(
                client, "brobygger.md", text.encode(), KEY, seen.append, poll_seconds=0.1
            )
            assert outcome.done and not outcome.failed, outcome.detail
            listed = sorted(d.file for d in client.documents())
            assert listed == ["alpha.md", "brobygger.md"], outcome.job
            assert (corpus / "brobygger.md").read_text(encoding="utf-8") == text
            refused = upload_document(client, "annen.md", text.encode(), "wrong key")
            assert refused.failed and not (corpus / "annen.md").exists()
            damaged = upload_document(
                client, "skadet.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 8, KEY, poll_seconds=0.1
            )
            assert damaged.failed and not damaged.done
            assert "skadet.pdf" in damaged.detail, "the page shows why the file was not indexed"
    finally:
        assistant.close()
