"""Parse one file in a worker process, within limits on time, memory and extracted text.

A PDF whose stream loops, inflates to gigabytes or crashes the parser must not take the
indexer down: each file is parsed in a child process (forked from a server that has the
loaders imported, so starting one is cheap) with an address-space limit, and killed when it
overruns its time. Whatever goes wrong becomes a `DocumentLoadError` with a one-line reason.

A worker needs the loaders and nothing of the program that hosts the indexer. Multiprocessing
would re-run the host's main script in every worker (a console script, a Streamlit page, an
embedding application); a script that cannot run outside its host would kill each worker before
it parses anything, so workers are launched without it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import resource
import sys
import threading
import traceback
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from assistant.domain import LoadedDocument
from assistant.errors import DocumentLoadError
from assistant.settings import LimitSettings
from indexing.loaders import Loader, load_document

_CONTEXT: Any = None
STARTUP_SECONDS = 60.0
_LAUNCHING = threading.Lock()


def _context() -> Any:
    global _CONTEXT
    if _CONTEXT is None:
        context = multiprocessing.get_context("forkserver")
        # What the children need, imported once in the server they are forked from.
        context.set_forkserver_preload(["indexing.bounded"])
        _CONTEXT = context
    return _CONTEXT


@contextlib.contextmanager
def _without_host_main() -> Iterator[None]:
    """Launch workers as if the host program had no main script, so none re-runs it."""
    with _LAUNCHING:
        host = sys.modules["__main__"]
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            yield
        finally:
            sys.modules["__main__"] = host


def _parse(sender: Any, loader: Loader, path: Path, memory: int, characters: int) -> None:
    """The child: load the file under the memory limit and send back the result or a reason."""
    sender.send(("started", None))
    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        document = loader(path)
        if len(document.text) > characters:
            sender.send(
                (
                    "error",
                    f"{path.name}: yields {len(document.text):,} characters of text, more than "
                    f"the limit of {characters:,} (limits.file_characters); split the document "
                    "or raise the limit",
                )
            )
            return
        sender.send(("ok", document))
    except DocumentLoadError as error:
        sender.send(("error", error.detail))
    except MemoryError:
        sender.send(("error", _memory_reason(path, memory)))
    except Exception as error:  # a parser bug in one file must not stop the others
        last = traceback.extract_tb(error.__traceback__)[-1:]
        where = f" in {Path(last[0].filename).name}:{last[0].lineno}" if last else ""
        sender.send(("error", f"{path.name}: the parser failed ({type(error).__name__}{where})"))


def _memory_reason(path: Path, memory: int) -> str:
    return (
        f"{path.name}: parsing needs more than {memory // 2**20} MB "
        "(limits.file_memory_mb); the file is too large or malformed"
    )


def load_bounded(
    path: Path, limits: LimitSettings, loader: Loader = load_document
) -> LoadedDocument:
    """Load one file in a worker process within `limits`; `DocumentLoadError` when it cannot."""
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    memory = limits.file_memory_mb * 2**20
    worker = context.Process(
        target=_parse,
        args=(sender, loader, path, memory, limits.file_characters),
        daemon=True,
    )
    with _without_host_main():
        worker.start()
    sender.close()
    try:
        # The time limit counts from when parsing begins, not from the worker's start-up
        # (which waits for the machine under load).
        if receiver.poll(STARTUP_SECONDS):
            with contextlib.suppress(EOFError, OSError):
                receiver.recv()
        if not receiver.poll(limits.file_seconds):
            raise DocumentLoadError(
                f"{path.name}: parsing took longer than {limits.file_seconds:g} s "
                "(limits.file_seconds) and was stopped; the file may be malformed"
            )
        try:
            outcome, payload = receiver.recv()
        except (EOFError, OSError):
            worker.join(timeout=5)
            code = worker.exitcode
            raise DocumentLoadError(
                f"{path.name}: the parser died (exit code {code}); the file may be malformed "
                "or too large"
            ) from None
    finally:
        receiver.close()
        if worker.is_alive():
            worker.kill()
        worker.join(timeout=5)
    if outcome != "ok":
        raise DocumentLoadError(str(payload))
    assert isinstance(payload, LoadedDocument)
    return payload
