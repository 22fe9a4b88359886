"""The `policy-assistant` command line.

When a service owns the embedded store, commands go through it over HTTP (an embedded Chroma
store has one owning process); otherwise they open the store themselves.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
import textwrap
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from assistant.backend import Backend
from assistant.domain import SentenceSupport
from assistant.errors import PolicyAssistantError, StoreBusyError
from assistant.settings import Settings, get_settings

logger = logging.getLogger("policy-assistant")

# Labels of the `ask` output, in the answer's language.
LABELS: dict[str, dict[str, str]] = {
    "nb": {
        "sources": "Kilder",
        "related": "Kan være relatert",
        "cites": "viser til",
        "support": "Støtte i kildene, setning for setning",
    },
    "nn": {
        "sources": "Kjelder",
        "related": "Kan vere relatert",
        "cites": "viser til",
        "support": "Støtte i kjeldene, setning for setning",
    },
    "sv": {
        "sources": "Källor",
        "related": "Kan vara relaterat",
        "cites": "hänvisar till",
        "support": "Stöd i källorna, mening för mening",
    },
    "en": {
        "sources": "Sources",
        "related": "May be related",
        "cites": "cites",
        "support": "Support in the sources, sentence by sentence",
    },
}


def _print_json(value: Any) -> None:
    if isinstance(value, BaseModel):
        print(value.model_dump_json(indent=2))
    else:
        print(json.dumps(value, indent=2, ensure_ascii=False, default=_jsonable))


def _jsonable(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    raise TypeError(f"cannot serialise {type(value).__name__}")


def running_service(settings: Settings) -> str | None:
    """URL of a live service owning the embedded store, if there is one."""
    if settings.store.chroma_url:
        return None
    from indexing.store import owner_is_alive, read_owner

    if owner_is_alive(settings.store.path):
        return read_owner(settings.store.path).get("url")
    return None


@contextlib.contextmanager
def backend(settings: Settings) -> Iterator[Backend]:
    """The running service's client, or an in-process assistant on the store."""
    url = running_service(settings)
    if url:
        from assistant.client import ServiceClient

        with ServiceClient(url) as client:
            yield client
        return
    from assistant.service import Assistant

    assistant = Assistant.open(settings, {"command": "policy-assistant (command line)"})
    try:
        yield assistant
    finally:
        assistant.close()


# --- commands -----------------------------------------------------------------------------


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    """Index the corpus folder (or the given files)."""
    from assistant.domain import IndexSummary

    paths = [Path(p) for p in args.paths] or None
    url = running_service(settings)
    summary: IndexSummary
    if url:
        summary = _index_through_service(url, settings, paths, args.rebuild)
    else:
        summary = _index_here(settings, paths, args.rebuild)
    if args.json:
        _print_json(summary)
    else:
        _print_summary(summary)
    return 0 if summary.ok else 1


def _index_through_service(
    url: str, settings: Settings, paths: list[Path] | None, rebuild: bool
) -> Any:
    from assistant.client import ServiceClient

    key = settings.api.admin_key
    if key is None:
        raise PolicyAssistantError(
            f"the service at {url} owns the index and takes writes only with the admin key: "
            "set POLICY_ASSISTANT_API__ADMIN_KEY for both the service and this command, or stop "
            "the service and run `policy-assistant index` again"
        )
    print(f"The service at {url} owns the index; asking it to re-index.", file=sys.stderr)

    shown: list[str] = []

    def show(job: Any) -> None:
        line = f"  index job {job.id}: {job.state}"
        if job.files_total is not None:
            line = f"  indexed {job.files_done}/{job.files_total} files"
            line += f", now {job.current_file}" if job.current_file else ""
        if not shown or shown[-1] != line:
            print(line, file=sys.stderr)
            shown.append(line)

    # The service resolves paths in its own working directory: send them absolute.
    names = [str(p.resolve()) for p in paths] if paths else None
    with ServiceClient(url, admin_key=key.get_secret_value()) as client:
        return client.index(names, rebuild, on_progress=show, poll=1.0)


def _index_here(settings: Settings, paths: list[Path] | None, rebuild: bool) -> Any:
    from tqdm import tqdm

    from indexing.embedders import make_embedder
    from indexing.pipeline import index_corpus
    from indexing.store import open_store

    def progress(files: Sequence[Path]) -> Iterator[Path]:
        bar = tqdm(files, desc="indexing", unit="file", file=sys.stderr, leave=False)
        for path in bar:
            bar.set_postfix_str(path.name[:40])
            yield path

    embedder = make_embedder(settings.embedder)
    with open_store(settings, embedder, {"command": "policy-assistant index"}, rebuild) as store:
        summary = index_corpus(settings, store, paths, rebuild, progress)  # type: ignore[arg-type]
        if summary.indexed or summary.removed or rebuild:
            from assistant.live_index import load_lexical_index

            load_lexical_index(settings, store.view())
        return summary


def _print_summary(summary: Any) -> None:
    print(
        f"Indexed {len(summary.indexed)} document(s): {summary.pages} pages, "
        f"{summary.chunks} chunks; {len(summary.unchanged)} unchanged, "
        f"{len(summary.removed)} removed, {len(summary.failed)} failed "
        f"({summary.seconds:.2f} s)."
    )
    print(f"The index holds {summary.documents} document(s), {summary.total_chunks} chunks.")
    for failure in summary.failed:
        print(f"  failed: {failure.reason}")
    for planted in summary.instructions:
        print(f"  gives orders (never quoted): {planted.doc_id}: «{_clip(planted.text)}»")
    for hidden in summary.hidden:
        print(
            f"  hidden text left out ({hidden.reason}): {hidden.doc_id}, page {hidden.page}: "
            f"«{_clip(hidden.text)}»"
        )
    for doc_id in summary.removed:
        print(f"  removed: {doc_id}")


def _clip(text: str, width: int = 90) -> str:
    return textwrap.shorten(text, width, placeholder=" …")


def cmd_documents(args: argparse.Namespace, settings: Settings) -> int:
    """List what is indexed."""
    with backend(settings) as service:
        documents = service.documents()
    if args.json:
        _print_json([d.model_dump(mode="json") for d in documents])
        return 0
    if not documents:
        print("Nothing is indexed yet: run `policy-assistant index`.")
    for doc in documents:
        cited = ", ".join(doc.cited_works_in_corpus) or "none"
        print(f"{doc.id}  {doc.year or '----'}  {doc.title}")
        print(
            f"    {doc.pages or '?'} pages, {doc.chunks} chunks, {doc.references} references; "
            f"cited works in the corpus: {cited}"
        )
        if doc.planted_instructions or doc.hidden_passages:
            print(
                f"    warning: {doc.planted_instructions} sentence(s) giving orders to the "
                f"reader or an assistant (never quoted); {doc.hidden_passages} passage(s) of "
                "text a reader cannot see (left out of the index)"
            )
    return 0


def cmd_references(args: argparse.Namespace, settings: Settings) -> int:
    """List the bibliography with citation counts and in-corpus status."""
    with backend(settings) as service:
        response = service.references()
    if args.json:
        _print_json(response)
        return 0
    for entry in response.references:
        status = "indexed" if entry.in_corpus else "not in corpus"
        authors = "; ".join(entry.authors)
        cited = f"cited {entry.citation_count:>2}×"
        print(f"{entry.id:<28} {cited}  {status:<13} {authors} ({entry.year})")
        print(textwrap.indent(textwrap.fill(entry.title, 90), " " * 30))
    missing = len(response.missing_from_corpus)
    print(f"\n{len(response.references)} references; {missing} without full text in the corpus.")
    return 0


def cmd_catalogue_suggest(args: argparse.Namespace, settings: Settings) -> int:
    """Print the catalogue entries to write for indexed files the catalogue does not describe."""
    import yaml

    from assistant.library import suggest_catalogue
    from indexing.catalogue import load_catalogue

    catalogue = load_catalogue(settings.catalogue_path)
    with backend(settings) as service:
        suggestions = suggest_catalogue(
            service.documents(), service.references().references, catalogue.entries
        )
    if args.json:
        _print_json([s.model_dump(mode="json") for s in suggestions])
        return 0
    if not suggestions:
        print(f"# Every indexed file is described in {settings.catalogue_path}.")
        return 0
    print(f"# Entries for {settings.catalogue_path}: check them, then paste or replace.")
    for suggestion in suggestions:
        entry = suggestion.entry
        if suggestion.action == "set file":
            cited = ", ".join(suggestion.cited_by)
            print(f"\n# Replace the entry {entry.id!r} (cited by {cited}): its full text is here.")
        else:
            print(f"\n# Add: {entry.file} is not in the catalogue (metadata read from the file).")
        data = entry.model_dump(mode="json", exclude_defaults=True, exclude={"notes"})
        print(yaml.safe_dump([data], allow_unicode=True, sort_keys=False).rstrip())
    return 0


def _filters(args: argparse.Namespace) -> Any:
    from assistant.domain import SearchFilters

    if not (args.doc or args.year_from or args.year_to or args.kind):
        return None
    return SearchFilters(
        doc_ids=args.doc or None,
        year_from=args.year_from,
        year_to=args.year_to,
        kinds=args.kind or None,
    )


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    """Print the passages found for a query."""
    from assistant.answering.citations import place_in_document

    with backend(settings) as service:
        passages = service.search(args.query, args.top_k, _filters(args), args.retrieval)
    if args.json:
        _print_json({"results": [p.model_dump(mode="json") for p in passages]})
        return 0
    for passage in passages:
        where = place_in_document(passage.section, passage.page, "nb")
        print(
            f"[{passage.rank}] {passage.title} — {where}"
            if where
            else f"[{passage.rank}] {passage.title}"
        )
        print(textwrap.indent(textwrap.fill(passage.text, 96), "    "))
        print()
    return 0


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    """Print a cited answer."""

    from assistant.answering.citations import document_reference, place_in_document

    with backend(settings) as service:
        answer = service.ask(args.question, args.top_k, _filters(args), args.mode, args.retrieval)
    if args.json:
        _print_json(answer)
        return 0
    print(textwrap.fill(answer.answer, 96))
    if answer.notice:
        print(f"\n({answer.notice})")
    labels = LABELS.get(answer.language, LABELS["nb"])
    if answer.mode == "llm" and answer.sentences:
        print(f"\n{labels['support']}:")
        for line in support_lines(answer.sentences):
            print(line)
    if answer.citations:
        print(f"\n{labels['sources']}:")
        for c in answer.citations:
            source = c.reference or document_reference(c.authors, c.year, c.title, answer.language)
            where = place_in_document(c.section, c.page, answer.language)
            print(f"  [{c.marker}] {source} {where}".rstrip())
            print(textwrap.indent(textwrap.fill(f"«{c.quote}»", 92), "      "))
            if c.cites:
                print(f"      {labels['cites']}: {', '.join(c.cites)}")
    elif answer.passages:
        print(f"\n{labels['related']}:")
        for p in answer.passages[:3]:
            where = place_in_document(p.section, p.page, answer.language)
            print(f"  - {p.title}, {where}" if where else f"  - {p.title}")
    return 0


SUPPORT_MARKS = {"supported": "✓", "unsupported": "✗", "uncited": "?", "unchecked": "·"}


def support_lines(sentences: Sequence[SentenceSupport]) -> list[str]:
    """A mark and status per answer sentence, with the reason under any that is not supported."""
    lines = []
    for sentence in sentences:
        head = f"  {SUPPORT_MARKS[sentence.status]} {sentence.status:<11} "
        indent = " " * len(head)
        lines.append(
            textwrap.fill(sentence.text, 96, initial_indent=head, subsequent_indent=indent)
        )
        if sentence.status != "supported":
            lines.append(
                textwrap.fill(sentence.reason, 96, initial_indent=indent, subsequent_indent=indent)
            )
    return lines


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    """Run the HTTP service (it owns the store while it runs)."""
    import uvicorn

    from assistant.api import create_app
    from assistant.service import Assistant

    host = args.host or settings.api.host
    port = args.port or settings.api.port
    owner = {"command": "policy-assistant serve", "url": f"http://{host}:{port}"}
    # Opened here rather than at the app's start-up, so a store owned by another process is
    # one line on the terminal and not a server traceback.
    assistant = Assistant.open(settings, owner)
    try:
        print(
            f"policy-assistant: serving on http://{host}:{port} (API docs at /docs)",
            file=sys.stderr,
        )
        uvicorn.run(create_app(settings, assistant), host=host, port=port, log_level="info")
    finally:
        assistant.close()
    return 0


def cmd_up(args: argparse.Namespace, settings: Settings) -> int:
    """Run the service and the Streamlit app together until Ctrl-C, which stops both."""
    import os
    import signal
    import subprocess
    import time

    import httpx

    import ui

    api_host, api_port = args.host or settings.api.host, args.port or settings.api.port
    ui_host, ui_port = args.ui_host or settings.ui.host, args.ui_port or settings.ui.port
    api_url = f"http://{'127.0.0.1' if api_host in ('0.0.0.0', '::') else api_host}:{api_port}"
    ui_url = f"http://{ui_host}:{ui_port}"
    # The app finds this service through its settings, whatever the parent's environment says.
    env = {**os.environ, "POLICY_ASSISTANT_UI__API_URL": api_url}
    serve = [sys.executable, "-m", "assistant", "serve", "--host", api_host]
    app = Path(ui.__file__).resolve().parent / "app.py"
    streamlit = [
        *(sys.executable, "-m", "streamlit", "run", str(app)),
        *("--server.address", ui_host, "--server.port", str(ui_port)),
        *("--server.headless", "true", "--browser.gatherUsageStats", "false"),
        *("--client.toolbarMode", "minimal"),
    ]

    def stop(*_: object) -> None:
        raise KeyboardInterrupt

    # Stopped by its supervisor (SIGTERM) as by Ctrl-C: neither child is left behind. Ctrl-C
    # (SIGINT) is handled here too: a shell starting this in the background ignores it for its
    # children, and the command would then outlive the SIGINT it was sent.
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    processes = [
        subprocess.Popen([*serve, "--port", str(api_port)], env=env),
        subprocess.Popen(streamlit, env=env),
    ]
    try:
        for url in (f"{api_url}/health", f"{ui_url}/_stcore/health"):
            while processes[0].poll() is None and processes[1].poll() is None:
                try:
                    httpx.get(url, timeout=1.0)
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
        if all(p.poll() is None for p in processes):
            print(
                f"policy-assistant: open {ui_url}  (API at {api_url}, docs at {api_url}/docs; "
                "Ctrl-C stops both)",
                file=sys.stderr,
                flush=True,
            )
        while all(p.poll() is None for p in processes):
            time.sleep(0.3)
        stopped = "the service" if processes[0].poll() is not None else "the app"
        print(f"policy-assistant: {stopped} stopped; stopping the other.", file=sys.stderr)
        code = 1
    except KeyboardInterrupt:
        code = 0
    finally:
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
    return code


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    """Run evaluation test sets."""
    from evals.cli import run

    return run(args, settings)


# --- parser -------------------------------------------------------------------------------


def _retrieval_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--top-k", type=int, help="passages to retrieve (1-20; default retrieval.top_k)"
    )
    parser.add_argument("--doc", action="append", help="only this document id (repeatable)")
    parser.add_argument("--year-from", type=int, help="only works from this year on")
    parser.add_argument("--year-to", type=int, help="only works up to this year")
    parser.add_argument("--kind", action="append", help="only this kind (repeatable)")
    parser.add_argument("--retrieval", choices=["hybrid", "dense", "bm25"], help="retriever")
    parser.add_argument("--json", action="store_true", help="print the API's JSON")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    parser = argparse.ArgumentParser(
        prog="policy-assistant",
        description="Cited answers over the policy literature on municipal business development.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    commands = parser.add_subparsers(dest="command", required=True)

    index = commands.add_parser("index", help="index the corpus folder (incrementally)")
    index.add_argument("paths", nargs="*", help="only these files of the corpus folder")
    index.add_argument("--rebuild", action="store_true", help="drop the index and start over")
    index.add_argument("--json", action="store_true", help="print the summary as JSON")
    index.set_defaults(handler=cmd_index)

    documents = commands.add_parser("documents", help="list the indexed documents")
    documents.add_argument("--json", action="store_true")
    documents.set_defaults(handler=cmd_documents)

    references = commands.add_parser("references", help="list the bibliography and its links")
    references.add_argument("--json", action="store_true")
    references.set_defaults(handler=cmd_references)

    catalogue = commands.add_parser("catalogue", help="work with the corpus catalogue")
    catalogue_commands = catalogue.add_subparsers(dest="catalogue_command", required=True)
    suggest = catalogue_commands.add_parser(
        "suggest", help="print entries to write for indexed files the catalogue lacks"
    )
    suggest.add_argument("--json", action="store_true")
    suggest.set_defaults(handler=cmd_catalogue_suggest)

    search = commands.add_parser("search", help="print the passages found for a query")
    search.add_argument("query")
    _retrieval_options(search)
    search.set_defaults(handler=cmd_search)

    ask = commands.add_parser("ask", help="answer a question with cited quotes")
    ask.add_argument("question")
    ask.add_argument("--mode", choices=["extractive", "llm"], help="answerer")
    _retrieval_options(ask)
    ask.set_defaults(handler=cmd_ask)

    serve = commands.add_parser("serve", help="run the HTTP service")
    serve.add_argument("--host", help="interface to bind (default from settings)")
    serve.add_argument("--port", type=int, help="port (default from settings)")
    serve.set_defaults(handler=cmd_serve)

    up = commands.add_parser("up", help="run the service and the Streamlit app together")
    up.add_argument("--host", help="interface the service binds to (default from settings)")
    up.add_argument("--port", type=int, help="the service's port (default from settings)")
    up.add_argument("--ui-host", help="interface the app binds to (default from settings)")
    up.add_argument("--ui-port", type=int, help="the app's port (default from settings)")
    up.set_defaults(handler=cmd_up)

    evaluate = commands.add_parser("eval", help="run evaluation test sets")
    from evals.cli import configure

    configure(evaluate)
    evaluate.set_defaults(handler=cmd_eval)
    return parser


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point of the `policy-assistant` command."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        settings = get_settings()
        code = args.handler(args, settings)
    except StoreBusyError as error:
        print(f"policy-assistant: {error.detail}", file=sys.stderr)
        code = 3
    except PolicyAssistantError as error:
        print(f"policy-assistant: {error.detail}", file=sys.stderr)
        code = 2
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        # The reader left (`policy-assistant references | head`): stop quietly, as cat does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 141
    sys.exit(code)
