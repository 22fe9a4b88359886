"""The FastAPI application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from assistant.api import problems
from assistant.api.corpus import corpus_name, describe_failure
from assistant.api.guards import AdminKeyGuard, BodyLimit, HostGuard, RateLimit
from assistant.api.routes import answers, documents, health, indexing, search
from assistant.jobs import IndexJobs
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.warmer import QUIET_SECONDS, ActivityClock, SentenceWarmer, TrackActivity

# Room for the multipart framing around an uploaded file.
MULTIPART_OVERHEAD = 64 * 1024


def create_app(
    settings: Settings, assistant: Assistant | None = None, owner: dict[str, Any] | None = None
) -> FastAPI:
    """The app; it opens (and owns) the store at start-up unless given an assistant."""

    clock = ActivityClock()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        own = assistant is None
        service = assistant or Assistant.open(
            settings, owner or {"command": "policy-assistant serve"}
        )
        app.state.assistant = service
        app.state.jobs = IndexJobs(
            service.reindex,
            settings.api.index_queue,
            partial(describe_failure, service.settings),
            partial(corpus_name, service.settings.corpus.folder),
        )
        warmer = None
        try:
            service.warm_up()
            if (
                service.settings.api.warm_sentences
                and service.settings.chunking.sentence_vectors == "on_read"
            ):
                jobs = app.state.jobs
                warmer = SentenceWarmer(
                    service.live, lambda: clock.quiet(QUIET_SECONDS) and jobs.activity() is None
                ).start()
            app.state.warmer = warmer
            yield
        finally:
            if warmer is not None:
                warmer.stop()
            app.state.jobs.close()
            if own:
                service.close()

    app = FastAPI(
        title="policy-assistant",
        version="0.1.0",
        summary="Cited answers over the policy literature on municipal business development.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    problems.install(app, settings.api)
    for module in (search, answers, documents, indexing, health):
        app.include_router(module.router)
    _serve_docs_offline(app)
    install_guards(app, settings)
    app.add_middleware(TrackActivity, clock=clock)
    return app


DOCS_ASSETS = "/docs-assets"
# The pages may load nothing from elsewhere (ReDoc would fetch its logo from a CDN; the logo
# hides itself when blocked).
DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:"
)


def _serve_docs_offline(app: FastAPI) -> None:
    """`/docs` and `/redoc` with Swagger UI and ReDoc served from an installed package.

    FastAPI's own pages load their scripts from a CDN, which leaves them blank offline.
    """
    assets = Path(str(files("fastapi_offline") / "static"))
    app.mount(DOCS_ASSETS, StaticFiles(directory=assets), name="docs-assets")
    title = f"{app.title} API"
    favicon = f"{DOCS_ASSETS}/favicon.png"

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return _confined(
            get_swagger_ui_html(
                openapi_url=str(app.openapi_url),
                title=title,
                swagger_js_url=f"{DOCS_ASSETS}/swagger-ui-bundle.js",
                swagger_css_url=f"{DOCS_ASSETS}/swagger-ui.css",
                swagger_favicon_url=favicon,
            )
        )

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return _confined(
            get_redoc_html(
                openapi_url=str(app.openapi_url),
                title=title,
                redoc_js_url=f"{DOCS_ASSETS}/redoc.standalone.js",
                redoc_favicon_url=favicon,
                with_google_fonts=False,
            )
        )


def _confined(page: HTMLResponse) -> HTMLResponse:
    page.headers["Content-Security-Policy"] = DOCS_POLICY
    return page


def install_guards(app: FastAPI, settings: Settings) -> None:
    """The middleware that refuses requests before work is done (outermost first)."""
    api = settings.api
    upload_limit = (api.max_upload_bytes + MULTIPART_OVERHEAD, "api.max_upload_bytes")
    # add_middleware puts each one outside the ones before it: added innermost first.
    app.add_middleware(
        BodyLimit, default=api.max_body_bytes, larger={("POST", "/documents"): upload_limit}
    )
    app.add_middleware(RateLimit, per_minute=api.rate_limit_per_minute)
    app.add_middleware(AdminKeyGuard, key=api.admin_key)
    if api.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=api.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "X-API-Key", "Content-Type"],
        )
    app.add_middleware(HostGuard, allowed=api.allowed_hosts)
