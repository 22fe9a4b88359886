"""The FastAPI application factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

from assistant.api import problems
from assistant.api.routes import answers, documents, health, indexing, search
from assistant.service import Assistant
from assistant.settings import Settings


def create_app(
    settings: Settings, assistant: Assistant | None = None, owner: dict[str, Any] | None = None
) -> FastAPI:
    """The app; it opens (and owns) the store at start-up unless given an assistant."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        own = assistant is None
        app.state.assistant = assistant or Assistant.open(
            settings, owner or {"command": "policy-assistant serve"}
        )
        app.state.assistant.warm_up()
        try:
            yield
        finally:
            if own:
                app.state.assistant.close()

    app = FastAPI(
        title="policy-assistant",
        version="0.1.0",
        summary="Cited answers over the policy literature on municipal business development.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    problems.install(app)
    for module in (search, answers, documents, indexing, health):
        app.include_router(module.router)
    return app
