"""Calibrate the refusal thresholds from an evaluation run.

    python -m evals.calibrate RESULTS_DIR... [--configuration NAME]

Every answer records its `support` (the evidence score the refusal decision compares with
`answer.min_support`). Given the run's answerable and unanswerable items, this picks for each
question language the threshold that maximises the mean of refusal F1 (unanswerable items
refused) and answered F1 (answerable items answered), holding the other languages fixed, and
prints the result as the JSON value of POLICY_ASSISTANT_ANSWER__MIN_SUPPORT. Recalibrate when
the embedder or the corpus changes much: similarities shift with both.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

LANGUAGES = ("nb", "nn", "en", "sv")


@dataclass(frozen=True)
class Observation:
    """One test item's language, whether it is answerable, and the answer's support."""

    lang: str
    unanswerable: bool
    support: float


def f1(true_positive: int, false_positive: int, false_negative: int) -> float:
    """F1 from counts (0 when undefined)."""
    if true_positive == 0:
        return 0.0
    precision = true_positive / (true_positive + false_positive)
    recall = true_positive / (true_positive + false_negative)
    return 2 * precision * recall / (precision + recall)


def objective(observations: Sequence[Observation], thresholds: dict[str, float]) -> float:
    """Mean of refusal F1 and answered F1 when refusing below the thresholds."""
    refused = [o.support < thresholds.get(o.lang, thresholds["nb"]) for o in observations]
    pairs = list(zip(observations, refused, strict=True))
    refusal = f1(
        sum(o.unanswerable and r for o, r in pairs),
        sum(not o.unanswerable and r for o, r in pairs),
        sum(o.unanswerable and not r for o, r in pairs),
    )
    answered = f1(
        sum(not o.unanswerable and not r for o, r in pairs),
        sum(o.unanswerable and not r for o, r in pairs),
        sum(not o.unanswerable and r for o, r in pairs),
    )
    return (refusal + answered) / 2


def calibrate(
    observations: Sequence[Observation], start: dict[str, float], rounds: int = 3
) -> dict[str, float]:
    """Per-language thresholds by coordinate ascent over the observed support values."""
    thresholds = {lang: start.get(lang, start.get("nb", 0.8)) for lang in LANGUAGES}
    for _ in range(rounds):
        for lang in LANGUAGES:
            values = sorted({o.support for o in observations if o.lang == lang} - {-math.inf})
            # Candidate cuts lie midway between neighbouring observed values.
            cuts = [(a + b) / 2 for a, b in pairwise(values)]
            best = (objective(observations, thresholds), thresholds[lang])
            for cut in cuts:
                score = objective(observations, {**thresholds, lang: cut})
                if score > best[0] + 1e-12:
                    best = (score, cut)
            thresholds[lang] = round(best[1], 4)
    return thresholds


def observations_of(results: dict[str, object], configuration: str | None) -> list[Observation]:
    """The (language, answerable, support) of every item of one configuration of a run."""
    configurations = results["configurations"]
    assert isinstance(configurations, list)
    chosen = next((c for c in configurations if configuration in (None, c["name"])), None)
    if chosen is None:
        names = ", ".join(c["name"] for c in configurations)
        raise SystemExit(f"no configuration {configuration!r} in the results; there are: {names}")
    found = []
    for item in chosen["items"]:
        answer = item.get("answer")
        if not answer:
            continue  # the item failed to run
        # No support score: nothing was retrieved, or no sentence met what the question
        # names; refused at any threshold.
        support = answer.get("support")
        support = -math.inf if support is None else support
        found.append(Observation(item["lang"], bool(item["unanswerable"]), support))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Print calibrated thresholds for one or several results folders."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "results",
        type=Path,
        nargs="+",
        help="folders with results.json: several runs (e.g. one paper and a library of "
        "several documents) are calibrated on together",
    )
    parser.add_argument("--configuration", help="which configuration (default: the first)")
    args = parser.parse_args(argv)
    observations: list[Observation] = []
    configured: dict[str, float] = {}
    for folder in args.results:
        results = json.loads((folder / "results.json").read_text())
        observations += observations_of(results, args.configuration)
        configured = (
            configured or next(iter(results["configurations"]))["settings"]["answer"]["min_support"]
        )
    thresholds = calibrate(observations, configured)
    print(f"items with a support score: {len(observations)}", file=sys.stderr)
    print(f"objective now:        {objective(observations, configured):.3f}", file=sys.stderr)
    print(f"objective calibrated: {objective(observations, thresholds):.3f}", file=sys.stderr)
    print(json.dumps(thresholds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
