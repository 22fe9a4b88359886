"""Eval config files: configurations as settings overrides, thresholds, and errors that help."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import ConfigurationError
from assistant.settings import Settings
from evals.configs import (
    EvalConfig,
    apply_overrides,
    check_thresholds,
    configuration_hash,
    load_config,
    parse_config,
    unknown_threshold_metrics,
)
from evals.results import known_metrics
from tests.helpers import ROOT

SOURCE = "evals/test.yaml"


def parse(text: str) -> EvalConfig:
    import yaml

    return parse_config(yaml.safe_load(text), SOURCE)


def error_of(text: str) -> str:
    with pytest.raises(ConfigurationError) as caught:
        parse(text)
    return caught.value.detail


def test_no_config_file_means_one_default_configuration_and_no_thresholds() -> None:
    config = load_config(None)
    assert [c.name for c in config.configurations] == ["default"]
    assert not config.thresholds.metrics
    assert config.gated == ["default"]


def test_configurations_are_settings_overrides_by_group() -> None:
    config = parse(
        """
        configurations:
          - name: bm25
            settings: {retrieval: {mode: bm25}}
          - name: small
            settings: {chunking: {size: 400, overlap: 50}}
        """
    )
    base = Settings.model_validate({})
    bm25 = apply_overrides(base, config.configurations[0].settings)
    small = apply_overrides(base, config.configurations[1].settings)
    assert bm25.retrieval.mode == "bm25" and bm25.chunking == base.chunking
    assert (small.chunking.size, small.chunking.overlap) == (400, 50)
    assert small.retrieval == base.retrieval


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "configurations: [{name: x, settings: {retreival: {mode: bm25}}}]",
            "unknown settings group 'retreival'",
        ),
        (
            "configurations: [{name: x, settings: {retrieval: {mod: bm25}}}]",
            "unknown setting 'mod'",
        ),
        ("configurations: [{name: x, settings: {retrieval: {mode: sparse}}}]", "retrieval.mode"),
        ("configurations: [{name: x, settings: {chunking: {size: 300, overlap: 400}}}]", "overlap"),
        ("configurations: [{name: x, settings: {store: {path: /tmp}}}]", "store"),
        ("configurations: [{name: x}, {name: x}]", "repeated: x"),
        ("configurations: [{name: x}]\ngate: [y]", "gate: no configuration is named 'y'"),
        ("thresholds: {min: {latency.p95_ms: 100}}", "belongs under `thresholds.max`"),
        ("thresholds: {minimum: {retrieval.hit@5: 0.5}}", "thresholds.minimum"),
        ("thresholds: {min: {retrieval.hit@5: high}}", "thresholds.min.retrieval.hit@5"),
        ("configurations: [{name: x, retrieval: {mode: bm25}}]", "configurations[0].retrieval"),
        ("- just a list", "a mapping"),
    ],
)
def test_a_wrong_config_names_the_file_and_the_key(text: str, expected: str) -> None:
    detail = error_of(text)
    assert detail.startswith(SOURCE), detail
    assert expected in detail, detail


def test_a_missing_or_broken_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="cannot read the eval config"):
        load_config(tmp_path / "missing.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("configurations: [unclosed\n")
    with pytest.raises(ConfigurationError, match="not valid YAML"):
        load_config(broken)


def test_thresholds_min_and_max_and_missing_metrics_fail() -> None:
    config = parse(
        """
        configurations: [{name: a}, {name: b}]
        thresholds:
          min: {retrieval.hit@5: 0.8}
          max: {latency.p95_ms: 100}
        gate: [a]
        """
    )
    assert check_thresholds(config, {"a": {"retrieval.hit@5": 0.8, "latency.p95_ms": 100}}) == []
    failures = check_thresholds(config, {"a": {"retrieval.hit@5": 0.79, "latency.p95_ms": 101}})
    assert {(f.metric, f.bound) for f in failures} == {
        ("retrieval.hit@5", "min"),
        ("latency.p95_ms", "max"),
    }
    assert "must be at least 0.8" in failures[0].describe()
    # b is not gated; a missing metric breaks its threshold rather than passing silently
    missing = check_thresholds(config, {"a": {"latency.p95_ms": 1}, "b": {}})
    assert [(f.configuration, f.metric, f.value) for f in missing] == [
        ("a", "retrieval.hit@5", None)
    ]


def test_thresholds_on_metrics_no_run_produces_are_found() -> None:
    config = parse("thresholds: {min: {retrieval.hit@5: 0.5, retrieval.hit@50: 0.5}}")
    assert unknown_threshold_metrics(config, known_metrics()) == ["retrieval.hit@50"]


def test_configuration_hash_ignores_secrets_and_locations_but_not_behaviour(tmp_path: Path) -> None:
    base = Settings.model_validate({})
    elsewhere = apply_overrides(base, {"llm": {"api_key": "secret"}})
    elsewhere = elsewhere.model_copy(
        update={"store": base.store.model_copy(update={"path": tmp_path})}
    )
    assert configuration_hash(base) == configuration_hash(elsewhere)
    other = apply_overrides(base, {"retrieval": {"top_k": 7}})
    assert configuration_hash(base) != configuration_hash(other)


def test_the_bundled_configs_load_and_compare_what_the_issue_asks() -> None:
    gates = sorted((ROOT / "evals").glob("gate*.yaml"))
    assert len(gates) >= 8  # the bundled set, three libraries, their blind questions, the kinds
    for path in gates:
        gate = load_config(path)
        assert gate.thresholds.min and gate.thresholds.max
        assert unknown_threshold_metrics(gate, known_metrics()) == []
        assert gate.thresholds.max["answer.structural_quotes"] == 0.0
    compare = load_config(ROOT / "evals" / "configs" / "compare.yaml")
    base = Settings.model_validate({})
    effective = [apply_overrides(base, c.settings) for c in compare.configurations]
    modes = {s.retrieval.mode for s in effective}
    sizes = {s.chunking.size for s in effective if s.retrieval.mode == "hybrid"}
    assert modes == {"hybrid", "dense", "bm25"}
    assert len(sizes) >= 2
