"""Index jobs run one at a time in their own thread, queue boundedly, and say how far they are."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assistant.api.corpus import describe_failure
from assistant.domain import IndexSummary
from assistant.errors import IndexQueueFullError, InvalidRequestError, NotFoundError
from assistant.jobs import IndexJobs, Progress
from tests.helpers import make_settings


class Indexer:
    """A stand-in for `Assistant.reindex` that walks its files only when let through."""

    def __init__(self, files: list[str]) -> None:
        self.files = [Path(name) for name in files]
        self.gate = threading.Event()
        self.calls: list[tuple[list[Path] | None, bool]] = []
        self.threads: set[str] = set()
        self.error: Exception | None = None

    def __call__(self, paths: list[Path] | None, rebuild: bool, progress: Progress) -> IndexSummary:
        self.calls.append((paths, rebuild))
        self.threads.add(threading.current_thread().name)
        done = []
        for number, path in enumerate(progress(self.files)):
            if number == 1:
                assert self.gate.wait(10), "the test never let the indexer through"
            done.append(path.stem)
        if self.error:
            raise self.error
        return IndexSummary(indexed=done, documents=len(done))


def wait_for(condition: Callable[[], object], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


@pytest.fixture
def indexer() -> Iterator[Indexer]:
    indexer = Indexer(["alpha.md", "beta.md", "gamma.md"])
    yield indexer
    indexer.gate.set()


def test_a_job_runs_in_its_own_thread_and_reports_progress(indexer: Indexer) -> None:
    jobs = IndexJobs(indexer, queue_size=2)
    job = jobs.submit()
    assert job.state in ("queued", "running")
    wait_for(lambda: getattr(jobs.activity(), "files_done", 0) == 1)
    activity = jobs.activity()
    assert activity is not None
    assert (activity.job_id, activity.files_total, activity.current_file) == (
        job.id,
        3,
        "beta.md",
    )
    indexer.gate.set()
    finished = jobs.wait(job.id, timeout=10)
    assert finished.state == "done" and finished.files_done == 3
    assert finished.summary is not None and finished.summary.indexed == ["alpha", "beta", "gamma"]
    assert jobs.activity() is None
    assert indexer.threads == {"index-jobs"}
    jobs.close()


def test_jobs_run_one_at_a_time_in_order_and_a_full_queue_refuses(indexer: Indexer) -> None:
    jobs = IndexJobs(indexer, queue_size=1)
    first = jobs.submit()
    wait_for(lambda: jobs.activity() is not None)
    second = jobs.submit(rebuild=True)
    assert jobs.submit(rebuild=True).id == second.id, "an identical waiting job is joined"
    with pytest.raises(IndexQueueFullError, match=r"api\.index_queue"):
        jobs.submit([Path("alpha.md")])
    assert not jobs.has_room()
    assert len(indexer.calls) == 1, "the second job waits while the first runs"
    indexer.gate.set()
    assert jobs.wait(second.id, timeout=10).state == "done"
    assert jobs.get(first.id).state == "done"
    assert indexer.calls == [(None, False), (None, True)]
    latest = jobs.latest()
    assert latest is not None and latest.id == second.id
    jobs.close()


def test_a_failed_job_says_why_and_the_next_one_runs(indexer: Indexer) -> None:
    indexer.error = InvalidRequestError("alpha.md: broken on purpose")
    indexer.gate.set()
    jobs = IndexJobs(indexer, queue_size=2)
    failed = jobs.wait(jobs.submit().id, timeout=10)
    assert failed.state == "failed" and failed.error == "alpha.md: broken on purpose"
    indexer.error = None
    assert jobs.wait(jobs.submit().id, timeout=10).state == "done"
    with pytest.raises(NotFoundError, match="nonexistent"):
        jobs.get("nonexistent")
    jobs.close()


def test_closing_cancels_waiting_jobs_and_stops_the_running_one_between_files(
    indexer: Indexer,
) -> None:
    jobs = IndexJobs(indexer, queue_size=2)
    running = jobs.submit()
    wait_for(lambda: jobs.activity() is not None)
    waiting = jobs.submit(rebuild=True)
    closer = threading.Thread(target=jobs.close)
    closer.start()
    wait_for(lambda: jobs.get(waiting.id).state == "cancelled")
    indexer.gate.set()
    closer.join(10)
    stopped = jobs.get(running.id)
    assert stopped.state == "cancelled" and "run it again" in (stopped.error or "")
    assert stopped.files_done < 3
    with pytest.raises(IndexQueueFullError, match="stopping"):
        jobs.submit()


def read_only_database_error(folder: Path) -> sqlite3.OperationalError:
    """The error SQLite (so Chroma) raises when its database may not be written."""
    path = folder / "chroma.sqlite3"
    sqlite3.connect(path).execute("create table t (x)").connection.commit()
    database = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        database.execute("insert into t values (1)")
    except sqlite3.OperationalError as error:
        return error
    finally:
        database.close()
    raise AssertionError("a read-only database took a write")


def test_a_read_only_store_fails_the_job_with_one_clear_line(
    tmp_path: Path, indexer: Indexer
) -> None:
    settings = make_settings(tmp_path / "store")
    indexer.error = read_only_database_error(tmp_path)
    indexer.gate.set()
    jobs = IndexJobs(indexer, queue_size=1, describe=lambda e: describe_failure(settings, e))
    failed = jobs.wait(jobs.submit().id, timeout=10)
    assert failed.state == "failed"
    assert failed.error is not None and "\n" not in failed.error
    assert "read-only" in failed.error and str(settings.store.path) in failed.error
    jobs.close()
