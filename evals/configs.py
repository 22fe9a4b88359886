"""Evaluation config files: which configurations to run side by side, and the gate's thresholds.

A config file is YAML::

    description: What this run is for.
    configurations:              # run in this order; the first is the headline one
      - name: hybrid
        settings: {}             # overrides of the settings object, by group
      - name: bm25
        settings: {retrieval: {mode: bm25}}
    thresholds:
      min: {retrieval_hit@5: 0.8}     # the metric must be at least this (higher is better)
      max: {latency_p95_ms: 500}      # the metric must be at most this (lower is better)
    gate: [hybrid]               # configurations the thresholds apply to (default: all)

Every problem is reported as a :class:`ConfigurationError` naming the file and the key.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.errors import ConfigurationError
from assistant.settings import Settings

# Groups a configuration may not override: the runner decides where the index lives, and the
# corpus belongs to the whole run (its hash is recorded once).
RESERVED_GROUPS = frozenset({"store", "corpus"})
# Settings that say where things run or hold secrets, not how the system behaves: left out of
# the configuration hash so the same configuration hashes alike on every machine.
UNHASHED = {"store": None, "corpus": None, "api": {"host", "port"}}
SECRET_FIELDS = frozenset({"api_key"})
# Metrics where lower is better; a `min` threshold on one of them is almost surely a slip.
LOWER_IS_BETTER = re.compile(r"(latency|false_refusal|error|structural_quotes|_ms$|errors$)")
DEFAULT_CONFIGURATION = "default"


def lower_is_better(metric: str) -> bool:
    """True for metrics where a smaller value is the better one (latency, error rates)."""
    return bool(LOWER_IS_BETTER.search(metric))


class Configuration(BaseModel):
    """One configuration of the system: a name and overrides of the settings object."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", description="Short, unique name.")
    description: str | None = Field(None, description="What the configuration tests.")
    settings: dict[str, dict[str, Any]] = Field(
        default_factory=dict,
        description="Settings overrides by group, e.g. {retrieval: {mode: bm25}}.",
    )


class Thresholds(BaseModel):
    """Limits an aggregate metric must keep: at least `min`, at most `max`."""

    model_config = ConfigDict(extra="forbid")

    min: dict[str, float] = Field(
        default_factory=dict, description="Metric → lowest acceptable value (higher is better)."
    )
    max: dict[str, float] = Field(
        default_factory=dict,
        description="Metric → highest acceptable value (lower is better: latency, error rates).",
    )

    @property
    def metrics(self) -> set[str]:
        """Every metric with a threshold."""
        return set(self.min) | set(self.max)


class EvalConfig(BaseModel):
    """A config file: the configurations to run and the thresholds of the gate."""

    model_config = ConfigDict(extra="forbid")

    description: str | None = None
    configurations: list[Configuration] = Field(
        default_factory=lambda: [Configuration(name=DEFAULT_CONFIGURATION)], min_length=1
    )
    thresholds: Thresholds = Field(default_factory=Thresholds)
    gate: list[str] | None = Field(
        None, description="Configurations the thresholds apply to; all when absent."
    )
    source: str = Field("(defaults)", exclude=True, description="Where the config was read from.")

    @property
    def gated(self) -> list[str]:
        """Names of the configurations the thresholds apply to."""
        return self.gate if self.gate is not None else [c.name for c in self.configurations]


class ThresholdFailure(BaseModel):
    """A metric of a configuration on the wrong side of its threshold."""

    configuration: str
    metric: str
    value: float | None
    bound: Literal["min", "max"]
    limit: float

    def describe(self) -> str:
        """One line for the terminal and the report."""
        shown = "missing" if self.value is None else f"{self.value:.4g}"
        relation = "at least" if self.bound == "min" else "at most"
        return f"{self.configuration}: {self.metric} = {shown}, must be {relation} {self.limit:g}"


def _location(loc: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(f".{part}" if parts else str(part))
    return "".join(parts)


def parse_config(data: Any, source: str) -> EvalConfig:
    """Validate a config file's content; errors name the file and the key."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigurationError(
            f"{source}: an eval config is a mapping with `configurations` and `thresholds`; "
            f"got {type(data).__name__}"
        )
    try:
        config = EvalConfig.model_validate({**data, "source": source})
    except ValidationError as error:
        problems = "; ".join(
            f"{_location(tuple(e['loc']))}: {e['msg']}" for e in error.errors(include_url=False)
        )
        raise ConfigurationError(f"{source}: {problems}") from None
    names = [c.name for c in config.configurations]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ConfigurationError(
            f"{source}: configurations: names must be unique; repeated: {', '.join(duplicates)}"
        )
    for index, configuration in enumerate(config.configurations):
        check_overrides(
            configuration.settings,
            f"{source}: configurations[{index}] ({configuration.name!r}).settings",
        )
    for name in config.gate or []:
        if name not in names:
            raise ConfigurationError(
                f"{source}: gate: no configuration is named {name!r}; known: {', '.join(names)}"
            )
    for metric in config.thresholds.min:
        if lower_is_better(metric):
            raise ConfigurationError(
                f"{source}: thresholds.min.{metric}: lower is better for {metric!r}, so its "
                "limit belongs under `thresholds.max`"
            )
    return config


def load_config(path: Path | None) -> EvalConfig:
    """The config file at `path`, or the default (one default configuration, no thresholds)."""
    if path is None:
        return EvalConfig()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigurationError(
            f"{path}: cannot read the eval config ({error.strerror or error}); pass an existing "
            "file to --config, e.g. evals/gate.yaml"
        ) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ConfigurationError(f"{path}: not valid YAML: {error}") from None
    return parse_config(data, str(path))


def check_overrides(overrides: dict[str, dict[str, Any]], where: str) -> None:
    """Refuse unknown groups or fields, reserved groups, and values the settings reject."""
    for group, values in overrides.items():
        if group in RESERVED_GROUPS:
            raise ConfigurationError(
                f"{where}.{group}: the evaluator decides {group!r} for every configuration "
                "(indexes live in its cache; the corpus is the run's); remove the override"
            )
        field = Settings.model_fields.get(group)
        model = field.annotation if field else None
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            known = ", ".join(g for g in Settings.model_fields if g not in RESERVED_GROUPS)
            raise ConfigurationError(f"{where}: unknown settings group {group!r}; known: {known}")
        if not isinstance(values, dict):
            raise ConfigurationError(
                f"{where}.{group}: expected a mapping of setting → value, got {values!r}"
            )
        for name in values:
            if name not in model.model_fields:
                known = ", ".join(model.model_fields)
                raise ConfigurationError(
                    f"{where}.{group}: unknown setting {name!r}; {group} has: {known}"
                )
    apply_overrides(Settings.model_validate({}), overrides, where)


def apply_overrides(
    base: Settings, overrides: dict[str, dict[str, Any]], where: str = "configuration"
) -> Settings:
    """The base settings with a configuration's overrides, validated as a whole."""
    data = base.model_dump()
    for group, values in overrides.items():
        data[group] = {**data[group], **values}
    try:
        return Settings.model_validate(data)
    except ValidationError as error:
        problems = "; ".join(
            f"{_location(tuple(e['loc']))}: {e['msg']} (got {e.get('input')!r})"
            for e in error.errors(include_url=False)
        )
        raise ConfigurationError(f"{where}: {problems}") from None


def hashed_settings(settings: Settings) -> dict[str, Any]:
    """The settings that decide behaviour: no secrets, no machine-local locations."""
    data = settings.model_dump(mode="json")
    for group, fields in UNHASHED.items():
        if fields is None:
            data.pop(group, None)
        else:
            for name in fields:
                data.get(group, {}).pop(name, None)
    for values in data.values():
        if isinstance(values, dict):
            for name in SECRET_FIELDS:
                values.pop(name, None)
    return data


def canonical_hash(value: Any) -> str:
    """sha256 of a value's canonical JSON (sorted keys, no spaces)."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def configuration_hash(settings: Settings) -> str:
    """Hash of the effective settings minus secrets and locations."""
    return canonical_hash(hashed_settings(settings))


def check_thresholds(
    config: EvalConfig, aggregates: dict[str, dict[str, float | None]]
) -> list[ThresholdFailure]:
    """Every threshold a gated configuration breaks (a missing metric breaks it too)."""
    failures: list[ThresholdFailure] = []
    for name in config.gated:
        values = aggregates.get(name, {})
        for bound, limits in (("min", config.thresholds.min), ("max", config.thresholds.max)):
            for metric, limit in limits.items():
                value = values.get(metric)
                broken = value is None or (value < limit if bound == "min" else value > limit)
                if broken:
                    failures.append(
                        ThresholdFailure(
                            configuration=name,
                            metric=metric,
                            value=value,
                            bound=bound,
                            limit=limit,
                        )
                    )
    return failures


def unknown_threshold_metrics(config: EvalConfig, known: set[str]) -> list[str]:
    """Threshold metrics no run produces (likely typos)."""
    return sorted(config.thresholds.metrics - known)
