"""Dependencies of the routes, as `Annotated` aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from assistant.jobs import IndexJobs
from assistant.service import Assistant
from assistant.settings import Settings


def get_assistant(request: Request) -> Assistant:
    """The assistant the app was started with."""
    return request.app.state.assistant


def get_app_settings(request: Request) -> Settings:
    """The settings the app was started with."""
    return request.app.state.settings


def get_jobs(request: Request) -> IndexJobs:
    """The queue of index jobs of the app."""
    return request.app.state.jobs


AssistantDep = Annotated[Assistant, Depends(get_assistant)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
JobsDep = Annotated[IndexJobs, Depends(get_jobs)]
