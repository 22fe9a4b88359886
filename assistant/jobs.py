"""Index jobs: run one at a time, in order, in one dedicated thread.

The service's request threads never index: `POST /index`, an upload or a deletion queues a job
and answers at once with its id; the job's state and progress are read back while it runs. A
request identical to a job still waiting joins that job rather than queueing another; when
`queue_size` jobs wait already, a new one is refused (`IndexQueueFullError`, 409).
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from assistant.domain import IndexSummary
from assistant.errors import IndexQueueFullError, NotFoundError, PolicyAssistantError
from assistant.schemas import IndexActivity, IndexJob, JobState

logger = logging.getLogger(__name__)

Progress = Callable[[Iterable[Path]], Iterable[Path]]
Reindex = Callable[[list[Path] | None, bool, Progress], IndexSummary]
Describe = Callable[[Exception], str]


class JobCancelled(Exception):
    """The service is stopping: the running job ends between two files."""


def _now() -> datetime:
    return datetime.now(UTC)


class IndexJobs:
    """A bounded queue of index jobs and the thread that runs them."""

    KEEP = 50  # finished jobs remembered for `GET /index/jobs/{id}`

    def __init__(
        self,
        reindex: Reindex,
        queue_size: int,
        describe: Describe = str,
        label: Callable[[Path], str] = str,
    ) -> None:
        self._reindex = reindex
        self._queue_size = queue_size
        self._describe = describe
        self._label = label  # how a job shows its files (the service's folders stay private)
        self._jobs: OrderedDict[str, IndexJob] = OrderedDict()
        self._paths: dict[str, list[Path] | None] = {}
        self._waiting: deque[str] = deque()
        self._running: str | None = None
        self._stopping = False
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._work, name="index-jobs", daemon=True)
        self._thread.start()

    def submit(self, paths: list[Path] | None = None, rebuild: bool = False) -> IndexJob:
        """Queue a job (or join an identical waiting one); `IndexQueueFullError` when full."""
        names = [self._label(p) for p in paths] if paths else None
        with self._changed:
            if self._stopping:
                raise IndexQueueFullError("the service is stopping; send the request again later")
            for job_id in self._waiting:
                waiting = self._jobs[job_id]
                if waiting.paths == names and waiting.rebuild == rebuild:
                    return waiting.model_copy()
            if self._full():
                raise IndexQueueFullError(
                    f"{len(self._waiting)} index jobs wait already (api.index_queue): "
                    "follow the running one at GET /index/jobs/latest and send this later"
                )
            job = IndexJob(
                id=uuid.uuid4().hex, state="queued", paths=names, rebuild=rebuild, queued_at=_now()
            )
            self._jobs[job.id] = job
            self._paths[job.id] = list(paths) if paths else None
            self._waiting.append(job.id)
            self._forget_old()
            self._changed.notify_all()
            return job.model_copy()

    def has_room(self) -> bool:
        """True when a new job would be queued rather than refused."""
        with self._changed:
            return not self._stopping and not self._full()

    def get(self, job_id: str) -> IndexJob:
        """A job by id (`NotFoundError` when unknown or long forgotten)."""
        with self._changed:
            job = self._jobs.get(job_id)
            if job is None:
                raise NotFoundError(
                    f"no index job has id {job_id!r}; GET /index/jobs/latest gives the latest"
                )
            return job.model_copy()

    def latest(self) -> IndexJob | None:
        """The job queued last, if any."""
        with self._changed:
            return next(reversed(self._jobs.values())).model_copy() if self._jobs else None

    def activity(self) -> IndexActivity | None:
        """The running job's progress, for `/health` and `/ready`."""
        with self._changed:
            if self._running is None:
                return None
            job = self._jobs[self._running]
            return IndexActivity(
                job_id=job.id,
                rebuild=job.rebuild,
                files_done=job.files_done,
                files_total=job.files_total,
                current_file=job.current_file,
                waiting=len(self._waiting),
            )

    def wait(self, job_id: str, timeout: float | None = None) -> IndexJob:
        """Block until a job has finished (or the timeout passed); its state then."""
        with self._changed:
            self._changed.wait_for(
                lambda: self._jobs[job_id].state not in ("queued", "running"), timeout
            )
            return self._jobs[job_id].model_copy()

    def close(self, timeout: float = 30.0) -> None:
        """Stop: waiting jobs are cancelled, the running one ends after its current file."""
        with self._changed:
            self._stopping = True
            while self._waiting:
                self._finish(
                    self._jobs[self._waiting.popleft()],
                    "cancelled",
                    error="the service stopped before this job ran; send it again",
                )
            self._changed.notify_all()
        self._thread.join(timeout)

    # -- the worker thread --

    def _work(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._stopping or bool(self._waiting))
                if not self._waiting:
                    return
                job = self._jobs[self._waiting.popleft()]
                self._running = job.id
                job.state, job.started_at = "running", _now()
                self._changed.notify_all()
            self._run(job)

    def _run(self, job: IndexJob) -> None:
        with self._changed:
            paths = self._paths.pop(job.id, None)
        try:
            summary = self._reindex(paths, job.rebuild, self._progress(job))
        except JobCancelled:
            self._end(job, "cancelled", error="the service stopped during this job; run it again")
        except PolicyAssistantError as error:
            self._end(job, "failed", error=error.detail)
        except Exception as error:
            logger.exception("index job %s failed", job.id)
            self._end(job, "failed", error=self._describe(error))
        else:
            self._end(job, "done", summary=summary)

    def _progress(self, job: IndexJob) -> Progress:
        def follow(files: Iterable[Path]) -> Iterator[Path]:
            files = list(files)
            with self._changed:
                job.files_total = len(files)
            for path in files:
                with self._changed:
                    if self._stopping:
                        raise JobCancelled
                    job.current_file = path.name
                yield path
                with self._changed:
                    job.files_done += 1

        return follow

    def _end(
        self,
        job: IndexJob,
        state: JobState,
        summary: IndexSummary | None = None,
        error: str | None = None,
    ) -> None:
        with self._changed:
            self._running = None
            self._finish(job, state, summary, error)

    def _finish(
        self,
        job: IndexJob,
        state: JobState,
        summary: IndexSummary | None = None,
        error: str | None = None,
    ) -> None:
        job.state = state
        job.summary, job.error = summary, error
        job.current_file, job.finished_at = None, _now()
        self._changed.notify_all()

    def _full(self) -> bool:
        busy = self._running is not None or bool(self._waiting)
        return busy and len(self._waiting) >= self._queue_size

    def _forget_old(self) -> None:
        finished = [
            job_id for job_id, job in self._jobs.items() if job.state not in ("queued", "running")
        ]
        for job_id in finished[: max(0, len(finished) - self.KEEP)]:
            del self._jobs[job_id]
            self._paths.pop(job_id, None)
