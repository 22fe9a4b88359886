"""`POST /index` and `GET /index/jobs/...`: index jobs, run one at a time by the service."""

from __future__ import annotations

from fastapi import APIRouter, Response

from assistant.api.corpus import check_writable, index_paths
from assistant.api.deps import AssistantDep, JobsDep
from assistant.api.problems import responses
from assistant.errors import NotFoundError
from assistant.schemas import IndexJob, IndexRequest

router = APIRouter(tags=["indexing"])


def accepted(response: Response, job: IndexJob) -> IndexJob:
    """Answer 202 with the job and where to follow it."""
    response.status_code = 202
    response.headers["Location"] = f"/index/jobs/{job.id}"
    return job


@router.post(
    "/index",
    response_model=IndexJob,
    status_code=202,
    responses=responses(401, 403, 409, 413, 422, 503),
)
def reindex(
    request: IndexRequest, response: Response, assistant: AssistantDep, jobs: JobsDep
) -> IndexJob:
    """Queue an index job (admin key needed); follow it at the `Location` it answers with.

    Jobs run one at a time, in order. A request identical to a job still waiting joins it;
    when `api.index_queue` jobs wait already, the answer is 409.
    """
    settings = assistant.settings
    paths = index_paths(settings, request.paths) if request.paths else None
    check_writable(settings)
    return accepted(response, jobs.submit(paths, request.rebuild))


@router.get("/index/jobs/latest", response_model=IndexJob, responses=responses(404))
def latest_job(jobs: JobsDep) -> IndexJob:
    """The index job queued last."""
    job = jobs.latest()
    if job is None:
        raise NotFoundError("no index job has run since the service started")
    return job


@router.get("/index/jobs/{job_id}", response_model=IndexJob, responses=responses(404))
def get_job(job_id: str, jobs: JobsDep) -> IndexJob:
    """An index job: its state, progress, and summary or error."""
    return jobs.get(job_id)
