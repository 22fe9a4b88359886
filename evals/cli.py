"""`policy-assistant eval`: run test sets, write the results and the report, apply the gate.

    policy-assistant eval TESTSET... [--api URL] [--config FILE] [--out DIR] [--compare DIR]

Exit status: 0 when every threshold holds, 1 when a metric breaks its threshold, 2 when the
test set, the config file or a comparison is wrong (the message says what to fix).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from assistant.errors import ConfigurationError
from assistant.settings import Settings
from evals.configs import EvalConfig, load_config, unknown_threshold_metrics
from evals.rendering import write_results
from evals.results import HEADLINE, RunResults, format_value, known_metrics
from evals.runner import Progress
from evals.testset import TestItem, TestSet, load_testset, testset_hash

DEFAULT_OUT = Path("evals/results")
SUMMARY_METRICS = (
    "pass_rate",
    "retrieval.hit@5",
    "bm25.hit@5",
    "retrieval.mrr@10",
    "citation.precision",
    "citation.verbatim",
    "answer.key_fact_coverage",
    "refusal.f1",
    "false_refusal_rate",
    "judge.faithfulness",
    "judge.answer_relevancy",
    "latency.p95_ms",
)


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the `eval` subcommand's arguments."""
    parser.add_argument("testsets", nargs="+", type=Path, metavar="TESTSET", help="test-set YAML")
    parser.add_argument(
        "--api", metavar="URL", help="ask a running service instead of an in-process assistant"
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="configurations and thresholds (e.g. evals/gate.yaml, evals/configs/compare.yaml)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help=f"results folder (default {DEFAULT_OUT}/<test set>); one subfolder per test set "
        "when several are given",
    )
    parser.add_argument(
        "--compare",
        type=Path,
        metavar="RESULTS_DIR",
        help="an earlier results folder to compare with, question by question",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        metavar="DIR",
        help="where in-process runs keep their indexes (default .policy-assistant/eval-cache)",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        metavar="DIR",
        help="index this corpus folder instead of the one the test set names (in process only)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument(
        "--no-judge",
        action="store_true",
        help="skip the LLM-judged metrics even when an LLM endpoint (llm.base_url) is set",
    )


def _progress(label: str, quiet: bool) -> Progress:
    def wrap(items: Sequence[TestItem], configuration: str) -> Iterable[TestItem]:
        if quiet:
            return items
        from tqdm import tqdm

        return tqdm(
            items,
            desc=f"{label} · {configuration}",
            unit="q",
            file=sys.stderr,
            mininterval=0.5,
            leave=False,
        )

    return wrap


def _out_folder(args: argparse.Namespace, testset: Path) -> Path:
    if args.out is None:
        return DEFAULT_OUT / testset.stem
    return args.out if len(args.testsets) == 1 else args.out / testset.stem


def _compare_folder(args: argparse.Namespace, testset: Path) -> Path:
    folder: Path = args.compare
    if len(args.testsets) > 1 and (folder / testset.stem).is_dir():
        return folder / testset.stem
    return folder


def _check_thresholds_known(config: EvalConfig) -> None:
    unknown = unknown_threshold_metrics(config, known_metrics())
    if unknown:
        raise ConfigurationError(
            f"{config.source}: thresholds name metrics no run produces: {', '.join(unknown)}; "
            f"known metrics: {', '.join(sorted(known_metrics()))}"
        )


def _print_summary(results: RunResults, folder: Path) -> None:
    names = [c.name for c in results.configurations]
    width = max(len(HEADLINE.get(m, m)) for m in SUMMARY_METRICS)
    columns = max(10, *(len(n) for n in names))
    print(
        f"{results.provenance.testset_name}: {results.items} questions "
        f"({results.answerable} answerable, {results.unanswerable} unanswerable), "
        f"{results.provenance.duration_s:.1f} s"
    )
    print(" " * width + "  " + "  ".join(n.rjust(columns) for n in names))
    for metric in SUMMARY_METRICS:
        if not any(metric in c.aggregate for c in results.configurations):
            continue
        cells = [
            format_value(metric, c.aggregate.get(metric)).rjust(columns)
            for c in results.configurations
        ]
        print(HEADLINE.get(metric, metric).ljust(width) + "  " + "  ".join(cells))
    for note in results.notes:
        print(f"note: {note}")
    if results.thresholds.metrics:
        if results.failures:
            print(f"GATE FAILED: {len(results.failures)} threshold(s) broken")
            for failure in results.failures:
                print(f"  {failure.describe()}")
        else:
            print(f"gate passed ({len(results.thresholds.metrics)} thresholds)")
    print(f"wrote {folder}/report.md, results.json, results.csv and plots")


def corpus_settings(args: argparse.Namespace, testset: TestSet, settings: Settings) -> Settings:
    """The settings with the corpus folder of the run: `--corpus`, else the test set's own."""
    folder = args.corpus or testset.corpus
    if folder is None or args.api:
        return settings
    corpus = settings.corpus.model_copy(update={"folder": Path(folder)})
    return settings.model_copy(update={"corpus": corpus})


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run the test sets; 1 when a threshold is broken."""
    from evals.compare import (
        check_pairable,
        check_same_testset,
        compare_results,
        render_comparison,
        summary_lines,
    )
    from evals.judge import make_judge
    from evals.results import load_results
    from evals.runner import RunOptions, run_evaluation

    config = load_config(args.config)
    _check_thresholds_known(config)
    testsets = [(path, load_testset(path)) for path in args.testsets]
    baselines: dict[Path, RunResults] = {}
    if args.compare is not None:  # checked before running, so a wrong folder fails fast
        for path, testset in testsets:
            baseline = load_results(_compare_folder(args, path))
            check_same_testset(
                baseline.provenance,
                testset.name,
                testset_hash(testset),
                str(_compare_folder(args, path)),
                str(path),
            )
            check_pairable(
                [c.name for c in baseline.configurations],
                [c.name for c in config.configurations],
                str(_compare_folder(args, path)),
                str(config.source),
            )
            baselines[path] = baseline
    judge = None if args.no_judge else make_judge(settings)
    failed = False
    for path, testset in testsets:
        options = RunOptions(
            cache_dir=args.cache,
            api_url=args.api,
            progress=_progress(testset.name, args.quiet),
            judge=judge,
        )
        results = run_evaluation(
            testset, path, config, corpus_settings(args, testset, settings), options
        )
        folder = _out_folder(args, path)
        write_results(results, folder)
        _print_summary(results, folder)
        failed = failed or bool(results.failures)
        if path in baselines:
            comparison = compare_results(
                baselines[path], results, str(_compare_folder(args, path)), str(folder)
            )
            (folder / "comparison.md").write_text(render_comparison(comparison), encoding="utf-8")
            (folder / "comparison.json").write_text(
                json.dumps(comparison.model_dump(mode="json"), indent=1, ensure_ascii=False),
                encoding="utf-8",
            )
            for line in summary_lines(comparison):
                print(line)
            print(f"wrote {folder}/comparison.md")
    return 1 if failed else 0
