"""Refusal thresholds are calibrated per language from recorded support scores."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from evals.calibrate import Observation, calibrate, f1, main, objective, observations_of

START = {"nb": 0.5, "nn": 0.5, "en": 0.5, "sv": 0.5}


def test_f1_from_counts() -> None:
    # precision 2/3, recall 2/4: F1 = 2 * (2/3 * 1/2) / (2/3 + 1/2) = 4/7
    assert f1(2, 1, 2) == pytest.approx(4 / 7)
    assert f1(0, 3, 3) == 0.0


def test_the_objective_averages_refusal_and_answered_f1() -> None:
    observations = [
        Observation("nb", False, 0.9),
        Observation("nb", False, 0.7),
        Observation("nb", True, 0.6),
    ]
    # Threshold 0.65 refuses only the unanswerable one: both F1s are 1.
    assert objective(observations, {"nb": 0.65}) == 1.0
    # Threshold 0.8 refuses one answerable too: refusal P=1/2 R=1 -> 2/3; answered P=1 R=1/2 -> 2/3.
    assert objective(observations, {"nb": 0.8}) == pytest.approx(2 / 3)


def test_each_language_gets_its_own_threshold() -> None:
    observations = [
        *[Observation("nb", False, s) for s in (0.86, 0.88, 0.90)],
        *[Observation("nb", True, s) for s in (0.80, 0.82)],
        *[Observation("en", False, s) for s in (0.79, 0.81, 0.83)],
        *[Observation("en", True, s) for s in (0.72, 0.75)],
    ]
    thresholds = calibrate(observations, START)
    assert 0.82 < thresholds["nb"] < 0.86
    assert 0.75 < thresholds["en"] < 0.79
    assert objective(observations, thresholds) == 1.0


def run(tmp_path: Path, name: str, items: list[dict[str, Any]]) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    configuration = {"name": "default", "settings": {"answer": {"min_support": START}}}
    (folder / "results.json").write_text(
        json.dumps({"configurations": [configuration | {"items": items}]})
    )
    return folder


def item(lang: str, unanswerable: bool, support: float | None) -> dict[str, Any]:
    return {"lang": lang, "unanswerable": unanswerable, "answer": {"support": support}}


def test_several_runs_are_calibrated_together_and_screened_refusals_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A paper's run and a library's run give one set of thresholds; an answer with no
    support score (no sentence met the question's year or place) is a refusal."""
    paper = run(tmp_path, "paper", [item("nb", False, 0.90), item("nb", True, 0.80)])
    library = run(
        tmp_path,
        "library",
        [item("nb", False, 0.86), item("nb", True, 0.84), item("nb", True, None)],
    )
    assert main([str(paper), str(library)]) == 0
    thresholds = json.loads(capsys.readouterr().out)
    assert 0.84 < thresholds["nb"] < 0.86
    observations = observations_of(json.loads((library / "results.json").read_text()), None)
    assert [o.support for o in observations][-1] == -math.inf
